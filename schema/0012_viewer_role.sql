-- 0012_viewer_role.sql -- a fourth role, viewer, who reads the book and
-- writes nothing (issue 16: roles enforced in the write path).
--
-- SQLite cannot change a CHECK constraint in place, so users is rebuilt
-- the way SQLite documents (create, copy, drop, rename).  The migration
-- runs with foreign keys off and checked before its commit (migrate.c), so
-- the tables that reference users keep their rows and their references.
CREATE TABLE users_new (
	id                 INTEGER PRIMARY KEY,
	login              TEXT NOT NULL UNIQUE CHECK (login <> ''),  -- matches the OS user
	name               TEXT NOT NULL CHECK (name <> ''),
	email              TEXT,
	role               TEXT NOT NULL DEFAULT 'csm'
	                   CHECK (role = 'csm' OR role = 'lead' OR role = 'admin' OR role = 'viewer'),
	team_id            INTEGER REFERENCES teams (id),
	segment            TEXT CHECK (segment = 'enterprise' OR segment = 'mid_market' OR segment = 'smb'),
	capacity_accounts  INTEGER CHECK (capacity_accounts >= 0),
	capacity_arr_cents INTEGER CHECK (capacity_arr_cents >= 0),
	active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO users_new (id, login, name, email, role, team_id, segment, capacity_accounts,
	capacity_arr_cents, active)
SELECT id, login, name, email, role, team_id, segment, capacity_accounts, capacity_arr_cents, active
FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_team ON users (team_id);
