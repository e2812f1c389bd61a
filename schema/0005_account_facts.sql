-- 0005_account_facts.sql -- the fact catalog stored per account, so that
-- playbook rules read columns instead of computing every fact again.
--
-- `tend health recompute` computes every fact of every account anyway (the
-- scorecards need them); it also keeps them here, with the health facts of
-- the scores it has just written.  They hold while nothing they are
-- computed from changes: the write path marks them stale (it empties
-- account_facts_state) on any write but to the tables no stored fact reads
-- (tasks, risks, opportunities, the inbox, playbook records...).  The two
-- counts playbook actions change, open_risks and overdue_tasks, are not
-- stored: they are always computed.  One column per stored fact, named as
-- the fact, typed by its kind, in catalog order
-- (tests/unit/check_account_facts.c holds this list to the catalog).

CREATE TABLE account_facts (
	account_id               INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	renewal_id               INTEGER,  -- the renewal coming up (days_to_renewal's); NULL: none
	license_utilization      REAL,
	feature_utilization      REAL,
	adoption_depth           REAL,
	active_users             INTEGER,
	active_users_change_30d  REAL,
	active_users_change_90d  REAL,
	open_tickets             INTEGER,
	open_p1                  INTEGER,
	open_tickets_avg_30d     REAL,
	open_tickets_vs_avg      REAL,
	tickets_90d              INTEGER,
	ticket_trend             INTEGER,
	nps_12m                  REAL,
	nps_category             TEXT,
	csat_90d                 REAL,
	sentiment                REAL,
	csm_sentiment            REAL,
	days_since_touch         INTEGER,
	days_since_exec_touch    INTEGER,
	days_since_review        INTEGER,
	champion_present         INTEGER,
	sponsor_present          INTEGER,
	days_since_champion_left INTEGER,
	advocacy_12m             INTEGER,
	invoice_days_late        INTEGER,
	financial_rating         REAL,
	arr                      INTEGER,
	arr_growth               REAL,
	milestones_on_track      REAL,
	plan_unsigned_days       INTEGER,
	days_to_renewal          INTEGER,
	renewal_forecast         TEXT,
	renewal_upsell           INTEGER,
	days_since_start         INTEGER,
	days_in_stage            INTEGER,
	health_score             REAL,
	health_band              TEXT,
	health_score_30d         REAL,
	health_band_30d          TEXT,
	health_change_30d        REAL,
	segment                  TEXT,
	stage                    TEXT,
	touch_model              TEXT
) STRICT;

-- At most one row: the day the stored facts are as of.  No row: stale.
CREATE TABLE account_facts_state (
	id     INTEGER PRIMARY KEY CHECK (id = 1),
	as_of  TEXT NOT NULL CHECK (as_of = date(as_of)),
	at     TEXT NOT NULL  -- ISO-8601 UTC, when they were computed
) STRICT;
