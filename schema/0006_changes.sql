-- 0006_changes.sql -- the change journal: each user action's row changes,
-- as the SQLite session extension records them (a changeset), so that the
-- action can be taken back exactly (`tend undo`, `u` in the interface) and,
-- later, sent to another copy of the book (offline sync).
--
-- The audit log says what changed for people; this says it for SQLite:
-- sqlite3changeset_invert() turns a change into its undo, and applying it
-- finds on its own when a row was changed again since (a conflict), which
-- is when an undo must be refused.  Derived tables (health snapshots, the
-- current health, stored facts, the search indexes) are not journaled:
-- they are recomputed, not taken back.
CREATE TABLE changes (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,                 -- wall clock, UTC (as the audit log)
	actor     TEXT NOT NULL,                 -- login
	action    TEXT NOT NULL,                 -- the user action, e.g. 'task done'
	rows      INTEGER NOT NULL CHECK (rows >= 0),
	changeset BLOB NOT NULL,
	undo_of   INTEGER REFERENCES changes (id)   -- this change took that one back
) STRICT;
CREATE INDEX changes_actor ON changes (actor, id);
CREATE UNIQUE INDEX changes_undo_of ON changes (undo_of) WHERE undo_of IS NOT NULL;
