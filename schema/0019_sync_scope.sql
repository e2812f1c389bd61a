-- 0019_sync_scope.sql -- what a field copy holds (issue 17; doc/sync.md).
--
-- tend sync clone makes a copy of the clone's user's accounts (--mine, the
-- default), of the accounts named (--accounts), or of the whole book
-- (--team).  The team book keeps each copy's scope: its kind, and the
-- accounts it was made with (sync_scope_accounts); the copy keeps its own
-- row of sync_scopes to say what it holds.  A copy of some accounts
-- holds those accounts and everything that hangs off them, the rows of no
-- account that are its user's (a personal task, an inbox item), and the
-- book-wide rows (users, teams, playbook bookkeeping); nothing of other
-- accounts, and no history from before the clone (its audit log and its
-- change journal start empty).  A pull sends such a copy only the rows of
-- its accounts, and of the accounts the copy made itself (their ids are
-- in its range), and book-wide rows.  A copy with no row here holds the
-- whole book (copies made before scopes).  None of these tables is
-- journaled.
CREATE TABLE IF NOT EXISTS sync_scopes (
	copy     INTEGER PRIMARY KEY,
	kind     TEXT NOT NULL CHECK (kind = 'team' OR kind = 'mine' OR kind = 'accounts'),
	user_id  INTEGER,                 -- whose personal rows a scoped copy holds (NULL: nobody's)
	accounts INTEGER NOT NULL DEFAULT 0   -- how many it was made with
) STRICT;

CREATE TABLE IF NOT EXISTS sync_scope_accounts (
	copy       INTEGER NOT NULL,
	account_id INTEGER NOT NULL,
	PRIMARY KEY (copy, account_id)
) STRICT, WITHOUT ROWID;
