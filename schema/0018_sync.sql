-- 0018_sync.sql -- field copies and sync (issue 17; doc/sync.md).
--
-- A field copy is a whole copy of the team book (tend sync clone) that
-- remembers where it came from (sync_state, one row, on the copy only);
-- the team book lists the copies made of it (sync_copies).  Rows a copy
-- creates take ids from the copy's own range, [2^40 + n * 2^32, 2^40 +
-- (n + 1) * 2^32) for copy n; the team book's own rows stay below 2^40, so
-- no two books ever hand out the same id.  A push sends the copy's change
-- journal (changes) after pushed_through; the team book applies it under
-- the pusher's identity, records its changes as its own, noting the copy
-- they came from (sync_origin), and moves applied_through in the same transaction, so a
-- retried push applies each change once.  A pull applies the team book's
-- changes after pulled_through that did not come from this copy.
-- The same field changed on both sides keeps the team book's value and
-- records both in sync_conflicts (on the team book), as does a row deleted
-- on one side and changed on the other; nothing is lost.  None of these
-- tables is journaled.  IF NOT EXISTS: a test may rewind user_version past
-- this migration on a book that has it (tests/cli/renewal_evidence.sh).
CREATE TABLE IF NOT EXISTS sync_state (
	id             INTEGER PRIMARY KEY CHECK (id = 1),
	source         TEXT NOT NULL,                 -- the team book: a path
	copy           INTEGER NOT NULL CHECK (copy >= 1),
	id_lo          INTEGER NOT NULL,
	id_hi          INTEGER NOT NULL CHECK (id_hi > id_lo),
	login          TEXT NOT NULL,                 -- who cloned it
	cloned_at      TEXT NOT NULL,
	pushed_through INTEGER NOT NULL DEFAULT 0,    -- this copy's changes.id sent
	pushed_at      TEXT,
	pulled_through INTEGER NOT NULL DEFAULT 0,    -- the team book's changes.id applied
	pulled_at      TEXT
) STRICT;

CREATE TABLE IF NOT EXISTS sync_copies (
	id              INTEGER PRIMARY KEY,          -- the copy's number
	login           TEXT NOT NULL,
	path            TEXT,                         -- where it was cloned to, as given
	created         TEXT NOT NULL,
	applied_through INTEGER NOT NULL DEFAULT 0,   -- the copy's changes.id applied here
	pushed_at       TEXT
) STRICT;

-- On the team book: the copy each change pushed from a copy came from
-- (a change with no row here was made here).
CREATE TABLE IF NOT EXISTS sync_origin (
	change_id INTEGER PRIMARY KEY REFERENCES changes (id),
	copy      INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS sync_conflicts (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL CHECK (kind = 'field' OR kind = 'deleted_here' OR kind = 'deleted_there'),
	copy        INTEGER NOT NULL,
	table_name  TEXT NOT NULL,
	row_id      INTEGER NOT NULL,
	column_name TEXT,                            -- kind field: the column
	original    TEXT,                            -- JSON: the value both sides started from
	mine        TEXT,                            -- JSON: the copy's value (deleted_here: its row)
	theirs      TEXT,                            -- JSON: the team book's value, kept
	mine_by     TEXT NOT NULL,
	mine_at     TEXT NOT NULL,
	theirs_by   TEXT,
	theirs_at   TEXT,
	status      TEXT NOT NULL DEFAULT 'open'
	            CHECK (status = 'open' OR status = 'mine' OR status = 'theirs' OR status = 'edited'),
	resolved_by TEXT,
	resolved_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS sync_conflicts_open ON sync_conflicts (status, id);
