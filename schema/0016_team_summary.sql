-- 0016_team_summary.sql -- the team dashboard's summary rows (issue 16).
--
-- The dashboard (tend team, the Team pane) shows, for the trailing twelve
-- months as of a day, every CSM's revenue, renewal, survey, touchpoint,
-- health and coverage figures.  Computed from the raw rows that is some
-- two seconds on a 100k-account book; kept here, it is one read of a few
-- dozen rows.  Three levels, all derived (never journaled, never synced,
-- rebuilt from the book at will; src/store/dash.c owns them):
--
--   dash_state    the day the rows are as of (one row; none: no summary);
--   dash_account  each account's part of the figures as of that day;
--   dash_cell     their sums per (owner, segment): what the dashboard reads;
--   dash_risk, dash_risk_cell, dash_churn_cell: the same for the risk
--                 roll-up (per open risk category) and churn by reason.
--
-- While there is a summary, triggers (made with it by src/store/dash.c,
-- dropped with it) mark an account dirty whenever a row its figures are
-- read from changes -- by any path: the write path, a playbook run, an
-- undo, the sqlite3 CLI.  The next dashboard read recomputes the dirty
-- accounts' parts and moves the sums by the difference; a new day rebuilds
-- everything, and so does the first read after a bulk action (an import,
-- a recompute, the demo), which drops the summary and its triggers rather
-- than pay a trigger per row.  A book whose dashboard was never opened has
-- no triggers at all.  Tasks and escalations are not summarised: their
-- per-owner counts are read through their indexes.
CREATE TABLE dash_state (
	id   INTEGER PRIMARY KEY CHECK (id = 1),
	asof TEXT NOT NULL CHECK (asof = date(asof))
) STRICT;

-- No foreign key: a deleted account's part must still be taken back.
CREATE TABLE dash_dirty (account_id INTEGER PRIMARY KEY) STRICT;

-- One row per account.  The columns from n to plans are summed into
-- dash_cell (their meaning: src/store/dash.c, DASH_SUMS); the rest serve
-- the median days since the last touch, the risk roll-up and churn.
CREATE TABLE dash_account (
	account_id   INTEGER PRIMARY KEY,
	owner        INTEGER NOT NULL,   -- the owner's id; 0: pooled
	segment      TEXT NOT NULL,
	n INTEGER NOT NULL,  -- accounts (1 each)
	s INTEGER NOT NULL, e INTEGER NOT NULL, c INTEGER NOT NULL, x INTEGER NOT NULL, nw INTEGER NOT NULL, ending INTEGER NOT NULL,  -- ledger: S, E, C, X, new and ending ARR
	cohort INTEGER NOT NULL, churned INTEGER NOT NULL, new_n INTEGER NOT NULL, active INTEGER NOT NULL,  -- ledger: account counts
	premium INTEGER NOT NULL, reviewed INTEGER NOT NULL,  -- premium accounts active, and reviewed in their window
	rn INTEGER NOT NULL, rn_due INTEGER NOT NULL, rn_gross INTEGER NOT NULL, rn_net INTEGER NOT NULL, rn_won INTEGER NOT NULL, rn_on_time INTEGER NOT NULL, rn_lost INTEGER NOT NULL,  -- renewals due in the period
	nps_n INTEGER NOT NULL, nps_pro INTEGER NOT NULL, nps_det INTEGER NOT NULL, csat_n INTEGER NOT NULL, csat_sum INTEGER NOT NULL, csat_sat INTEGER NOT NULL,  -- surveys in the period
	tp INTEGER NOT NULL, tp_pro INTEGER NOT NULL,  -- touchpoints in the period, and proactive ones
	red INTEGER NOT NULL, yellow INTEGER NOT NULL, green INTEGER NOT NULL, unknown INTEGER NOT NULL, at_risk INTEGER NOT NULL,  -- band in force; ARR of the red ones
	n30 INTEGER NOT NULL, a30 INTEGER NOT NULL, n60 INTEGER NOT NULL, a60 INTEGER NOT NULL, n90 INTEGER NOT NULL, a90 INTEGER NOT NULL, n120 INTEGER NOT NULL, a120 INTEGER NOT NULL,  -- open renewals due within 30..120 days
	touched INTEGER NOT NULL, plans INTEGER NOT NULL,  -- not churned: touched at all; with a signed plan
	arr          INTEGER NOT NULL,   -- ARR as of the day
	renewing     INTEGER NOT NULL,   -- an open renewal is due this quarter
	touch_days   INTEGER,            -- days since the last customer touch; NULL: none, or churned
	churn_reason TEXT,               -- churned in the period: why (NULL: not churned)
	churn_arr    INTEGER NOT NULL
) STRICT;
CREATE INDEX dash_account_touch ON dash_account (owner, touch_days) WHERE touch_days IS NOT NULL;

CREATE TABLE dash_cell (
	owner   INTEGER NOT NULL,
	segment TEXT NOT NULL,
	n INTEGER NOT NULL,  -- accounts (1 each)
	s INTEGER NOT NULL, e INTEGER NOT NULL, c INTEGER NOT NULL, x INTEGER NOT NULL, nw INTEGER NOT NULL, ending INTEGER NOT NULL,  -- ledger: S, E, C, X, new and ending ARR
	cohort INTEGER NOT NULL, churned INTEGER NOT NULL, new_n INTEGER NOT NULL, active INTEGER NOT NULL,  -- ledger: account counts
	premium INTEGER NOT NULL, reviewed INTEGER NOT NULL,  -- premium accounts active, and reviewed in their window
	rn INTEGER NOT NULL, rn_due INTEGER NOT NULL, rn_gross INTEGER NOT NULL, rn_net INTEGER NOT NULL, rn_won INTEGER NOT NULL, rn_on_time INTEGER NOT NULL, rn_lost INTEGER NOT NULL,  -- renewals due in the period
	nps_n INTEGER NOT NULL, nps_pro INTEGER NOT NULL, nps_det INTEGER NOT NULL, csat_n INTEGER NOT NULL, csat_sum INTEGER NOT NULL, csat_sat INTEGER NOT NULL,  -- surveys in the period
	tp INTEGER NOT NULL, tp_pro INTEGER NOT NULL,  -- touchpoints in the period, and proactive ones
	red INTEGER NOT NULL, yellow INTEGER NOT NULL, green INTEGER NOT NULL, unknown INTEGER NOT NULL, at_risk INTEGER NOT NULL,  -- band in force; ARR of the red ones
	n30 INTEGER NOT NULL, a30 INTEGER NOT NULL, n60 INTEGER NOT NULL, a60 INTEGER NOT NULL, n90 INTEGER NOT NULL, a90 INTEGER NOT NULL, n120 INTEGER NOT NULL, a120 INTEGER NOT NULL,  -- open renewals due within 30..120 days
	touched INTEGER NOT NULL, plans INTEGER NOT NULL,  -- not churned: touched at all; with a signed plan
	PRIMARY KEY (owner, segment)
) STRICT;

CREATE TABLE dash_risk (
	account_id INTEGER NOT NULL,
	category   TEXT NOT NULL,
	arr        INTEGER NOT NULL,     -- max(ARR, 0)
	renewing   INTEGER NOT NULL,
	PRIMARY KEY (account_id, category)
) STRICT;
CREATE TABLE dash_risk_cell (
	category     TEXT PRIMARY KEY,
	accounts     INTEGER NOT NULL,
	arr          INTEGER NOT NULL,
	renewing_arr INTEGER NOT NULL
) STRICT;
CREATE TABLE dash_churn_cell (
	reason   TEXT PRIMARY KEY,
	accounts INTEGER NOT NULL,
	arr      INTEGER NOT NULL
) STRICT;

-- Read live, through indexes: stuck accounts by stage and the day they
-- entered it, and each CSM's snoozed tasks whose snooze has ended.
CREATE INDEX accounts_stage ON accounts (stage, stage_since);
CREATE INDEX tasks_snoozed ON tasks (owner_id, snoozed_until, due_date) WHERE status = 'snoozed';

