-- 0004_playbooks.sql -- what playbook runs leave behind: the runs, each
-- firing of a rule for an account (so it never fires twice in its scope),
-- escalation ladders in progress, and the inbox of notifications and
-- requests for action (tend-playbook(5)).

-- One `tend playbook run` that wrote something (dry runs leave nothing).
CREATE TABLE playbook_runs (
	id       INTEGER PRIMARY KEY,
	at       TEXT NOT NULL,  -- ISO-8601 UTC, when it ran
	as_of    TEXT NOT NULL CHECK (as_of = date(as_of)),  -- the day it evaluated (--now)
	actor    TEXT NOT NULL,
	rules    INTEGER NOT NULL CHECK (rules >= 0),
	firings  INTEGER NOT NULL CHECK (firings >= 0),
	steps    INTEGER NOT NULL CHECK (steps >= 0)  -- escalation steps taken
) STRICT;

-- Each rule's evaluation in a run, for `tend playbook list`.
CREATE TABLE playbook_rule_runs (
	id       INTEGER PRIMARY KEY,
	run_id   INTEGER NOT NULL REFERENCES playbook_runs (id),
	rule_id  TEXT NOT NULL CHECK (rule_id <> ''),
	matched  INTEGER NOT NULL CHECK (matched >= 0),  -- accounts whose condition held
	fired    INTEGER NOT NULL CHECK (fired >= 0)     -- of them, not already fired in scope
) STRICT;
CREATE INDEX playbook_rule_runs_rule ON playbook_rule_runs (rule_id, run_id);

-- A rule fired for an account in a scope: 'account', 'renewal:ID' or the
-- date of a per-period firing.  The unique key is the idempotency guarantee.
CREATE TABLE playbook_firings (
	id         INTEGER PRIMARY KEY,
	rule_id    TEXT NOT NULL CHECK (rule_id <> ''),
	account_id INTEGER NOT NULL REFERENCES accounts (id),
	scope_key  TEXT NOT NULL CHECK (scope_key <> ''),
	fired_on   TEXT NOT NULL CHECK (fired_on = date(fired_on)),
	run_id     INTEGER REFERENCES playbook_runs (id),
	task_id    INTEGER REFERENCES tasks (id),  -- the first task it created (unless: task_done)
	risk_id    INTEGER REFERENCES risks (id),  -- the risk it opened (unless: risk_mitigated)
	UNIQUE (rule_id, account_id, scope_key)
) STRICT;
CREATE INDEX playbook_firings_period ON playbook_firings (rule_id, account_id, fired_on);
CREATE INDEX playbook_firings_account ON playbook_firings (account_id);

-- An escalation ladder in progress for a firing: `steps` of the rule's
-- ladder taken so far; closed when an `unless` held or the ladder ended.
CREATE TABLE escalations (
	id          INTEGER PRIMARY KEY,
	firing_id   INTEGER NOT NULL UNIQUE REFERENCES playbook_firings (id),
	steps       INTEGER NOT NULL DEFAULT 0 CHECK (steps BETWEEN 0 AND 3),
	status      TEXT NOT NULL DEFAULT 'open'
	            CHECK (status = 'open' OR status = 'resolved' OR status = 'exhausted'),
	closed_on   TEXT CHECK (closed_on = date(closed_on)),
	resolution  TEXT  -- the `unless` that held: task_done, risk_mitigated, acknowledged
) STRICT;
CREATE INDEX escalations_open ON escalations (status) WHERE status = 'open';

-- Notifications and escalation requests.  Addressed to a user when the
-- role resolves to one (the account's CSM, a lead of their team), else to
-- the role alone (executive, support, marketing; a pooled account's CSM).
CREATE TABLE inbox (
	id             INTEGER PRIMARY KEY,
	created_on     TEXT NOT NULL CHECK (created_on = date(created_on)),
	kind           TEXT NOT NULL CHECK (kind = 'notification' OR kind = 'escalation'),
	account_id     INTEGER REFERENCES accounts (id),
	recipient_id   INTEGER REFERENCES users (id),
	recipient_role TEXT NOT NULL CHECK (recipient_role = 'csm' OR recipient_role = 'lead' OR
	               recipient_role = 'executive' OR recipient_role = 'am' OR recipient_role = 'rm' OR
	               recipient_role = 'support' OR recipient_role = 'marketing'),
	level          INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 3),
	message        TEXT NOT NULL CHECK (message <> ''),
	due_date       TEXT CHECK (due_date = date(due_date)),  -- act by (escalations)
	status         TEXT NOT NULL DEFAULT 'unread' CHECK (status = 'unread' OR status = 'read' OR status = 'done'),
	done_on        TEXT CHECK (done_on = date(done_on)),
	source         TEXT NOT NULL CHECK (source GLOB 'playbook:?*' OR source = 'manual'),
	firing_id      INTEGER REFERENCES playbook_firings (id)
) STRICT;
CREATE INDEX inbox_recipient ON inbox (recipient_id, status);
CREATE INDEX inbox_role ON inbox (recipient_role, status) WHERE recipient_id IS NULL;
CREATE INDEX inbox_firing ON inbox (firing_id);
