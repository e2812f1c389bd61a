-- 0001_init.sql -- the book of business: every entity of doc/model.md section 2.
--
-- Conventions (checked by tests/unit/check_schema.c):
--   * every table is STRICT; money is INTEGER cents in columns ending _cents;
--   * dates are TEXT 'YYYY-MM-DD', checked with date() so 2024-02-30 is refused;
--   * enumerations are CHECK constraints listing the doc/model.md values, written
--     as `x = 'a' OR x = 'b' OR ...`: on SQLite 3.40 `x IN ('a', 'b', 'c')`
--     builds a lookup table for every row checked, which made bulk loads
--     (tend demo, imports) several times slower;
--   * booleans are INTEGER 0/1;
--   * foreign keys RESTRICT by default; pure child rows (roles, tags,
--     attendees, checklist items, objectives and below) CASCADE with their parent;
--   * constraints use only functions SQLite marks innocuous (date(), not
--     json_valid()), because books are opened with trusted_schema = OFF.

CREATE TABLE teams (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE CHECK (name <> '')
) STRICT;

CREATE TABLE users (
	id                 INTEGER PRIMARY KEY,
	login              TEXT NOT NULL UNIQUE CHECK (login <> ''),  -- matches the OS user
	name               TEXT NOT NULL CHECK (name <> ''),
	email              TEXT,
	role               TEXT NOT NULL DEFAULT 'csm' CHECK (role = 'csm' OR role = 'lead' OR role = 'admin'),
	team_id            INTEGER REFERENCES teams (id),
	segment            TEXT CHECK (segment = 'enterprise' OR segment = 'mid_market' OR segment = 'smb'),
	capacity_accounts  INTEGER CHECK (capacity_accounts >= 0),
	capacity_arr_cents INTEGER CHECK (capacity_arr_cents >= 0),
	active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX users_team ON users (team_id);

CREATE TABLE accounts (
	id                    INTEGER PRIMARY KEY,
	external_id           TEXT NOT NULL UNIQUE CHECK (external_id <> ''),  -- CRM id
	name                  TEXT NOT NULL CHECK (name <> ''),
	owner_id              INTEGER REFERENCES users (id),  -- NULL: pooled
	am                    TEXT,
	rm                    TEXT,
	segment               TEXT NOT NULL CHECK (segment = 'enterprise' OR segment = 'mid_market' OR segment = 'smb'),
	touch_model           TEXT NOT NULL DEFAULT 'low' CHECK (touch_model = 'high' OR touch_model = 'low' OR touch_model = 'tech'),
	service_package       TEXT NOT NULL DEFAULT 'premium' CHECK (service_package IN ('free', 'premium')),
	stage                 TEXT NOT NULL DEFAULT 'land'
	                      CHECK (stage = 'land' OR stage = 'onboard' OR stage = 'adopt' OR stage = 'expand' OR stage = 'renew' OR stage = 'churned'),
	stage_since           TEXT CHECK (stage_since = date(stage_since)),
	industry              TEXT,
	region                TEXT,
	partner               TEXT,
	partner_role          TEXT CHECK (partner_role IN ('sales_agent', 'csm')),
	licensed_seats        INTEGER CHECK (licensed_seats >= 0),
	initial_contract_date TEXT CHECK (initial_contract_date = date(initial_contract_date)),
	currency              TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
	notes                 TEXT
) STRICT;
CREATE INDEX accounts_owner ON accounts (owner_id);
CREATE INDEX accounts_name ON accounts (name COLLATE NOCASE);
CREATE INDEX accounts_segment ON accounts (segment);

CREATE TABLE account_tags (
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	tag        TEXT NOT NULL CHECK (tag <> '' AND instr(tag, ';') = 0),
	PRIMARY KEY (account_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX account_tags_tag ON account_tags (tag);

CREATE TABLE contacts (
	id                  INTEGER PRIMARY KEY,
	account_id          INTEGER NOT NULL REFERENCES accounts (id),
	name                TEXT NOT NULL CHECK (name <> ''),
	title               TEXT,
	email               TEXT,
	phone               TEXT,
	is_executive        INTEGER NOT NULL DEFAULT 0 CHECK (is_executive IN (0, 1)),
	status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
	left_on             TEXT CHECK (left_on = date(left_on)),
	sentiment           INTEGER CHECK (sentiment BETWEEN 1 AND 5),
	advocate_reference  INTEGER NOT NULL DEFAULT 0 CHECK (advocate_reference IN (0, 1)),
	advocate_case_study INTEGER NOT NULL DEFAULT 0 CHECK (advocate_case_study IN (0, 1)),
	advocate_speaker    INTEGER NOT NULL DEFAULT 0 CHECK (advocate_speaker IN (0, 1)),
	UNIQUE (account_id, email)
) STRICT;

CREATE TABLE contact_roles (
	contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role = 'executive_sponsor' OR role = 'economic_buyer' OR role = 'champion' OR role = 'decision_maker' OR role = 'project_manager' OR role = 'admin' OR role = 'power_user' OR role = 'end_user'),
	PRIMARY KEY (contact_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_roles_role ON contact_roles (role, contact_id);

CREATE TABLE contracts (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id),
	start_date TEXT NOT NULL CHECK (start_date = date(start_date)),
	end_date   TEXT NOT NULL CHECK (end_date = date(end_date) AND end_date > start_date),
	arr_cents  INTEGER NOT NULL CHECK (arr_cents >= 0),
	auto_renew INTEGER NOT NULL DEFAULT 0 CHECK (auto_renew IN (0, 1)),
	channel    TEXT NOT NULL DEFAULT 'direct' CHECK (channel IN ('direct', 'partner'))
) STRICT;
CREATE INDEX contracts_account ON contracts (account_id, end_date);

-- The revenue ledger.  ARR of an account at the start of day t is the sum of
-- its deltas dated before t (doc/model.md section 4).
CREATE TABLE arr_events (
	id              INTEGER PRIMARY KEY,
	account_id      INTEGER NOT NULL REFERENCES accounts (id),
	date            TEXT NOT NULL CHECK (date = date(date)),
	kind            TEXT NOT NULL CHECK (kind = 'new' OR kind = 'expansion' OR kind = 'contraction' OR kind = 'churn' OR kind = 'reactivation'),
	arr_delta_cents INTEGER NOT NULL,
	reason          TEXT,
	CHECK (((kind = 'new' OR kind = 'expansion' OR kind = 'reactivation') AND arr_delta_cents >= 0) OR
	       ((kind = 'contraction' OR kind = 'churn') AND arr_delta_cents <= 0))
) STRICT;
CREATE INDEX arr_events_account ON arr_events (account_id, date, arr_delta_cents);
CREATE INDEX arr_events_date ON arr_events (date);

CREATE TABLE renewals (
	id                 INTEGER PRIMARY KEY,
	account_id         INTEGER NOT NULL REFERENCES accounts (id),
	contract_id        INTEGER REFERENCES contracts (id),
	due_date           TEXT NOT NULL CHECK (due_date = date(due_date)),
	target_arr_cents   INTEGER NOT NULL CHECK (target_arr_cents >= 0),
	forecast_arr_cents INTEGER CHECK (forecast_arr_cents >= 0),
	final_arr_cents    INTEGER CHECK (final_arr_cents >= 0),
	forecast_category  TEXT NOT NULL DEFAULT 'likely'
	                   CHECK (forecast_category = 'commit' OR forecast_category = 'likely' OR forecast_category = 'at_risk' OR forecast_category = 'lost'),
	stage              TEXT NOT NULL DEFAULT 'not_started'
	                   CHECK (stage = 'not_started' OR stage = 'in_progress' OR stage = 'negotiating' OR stage = 'won' OR stage = 'lost'),
	churn_reason       TEXT CHECK (churn_reason = 'budget' OR churn_reason = 'no_value' OR churn_reason = 'champion_left' OR churn_reason = 'acquired' OR churn_reason = 'competitor' OR churn_reason = 'product_gap' OR churn_reason = 'support_experience' OR churn_reason = 'consolidation' OR churn_reason = 'business_closed' OR churn_reason = 'other'),
	closed_date        TEXT CHECK (closed_date = date(closed_date)),
	owner_id           INTEGER REFERENCES users (id),
	-- A closed renewal has its close date and final ARR.
	CHECK (stage NOT IN ('won', 'lost') OR (closed_date IS NOT NULL AND final_arr_cents IS NOT NULL))
) STRICT;
CREATE INDEX renewals_account ON renewals (account_id, due_date);
CREATE INDEX renewals_due ON renewals (due_date);

CREATE TABLE invoices (
	id           INTEGER PRIMARY KEY,
	account_id   INTEGER NOT NULL REFERENCES accounts (id),
	number       TEXT UNIQUE,
	issued_date  TEXT NOT NULL CHECK (issued_date = date(issued_date)),
	due_date     TEXT NOT NULL CHECK (due_date = date(due_date)),
	paid_date    TEXT CHECK (paid_date = date(paid_date)),
	amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0)
) STRICT;
CREATE INDEX invoices_account ON invoices (account_id, due_date);

CREATE TABLE opportunities (
	id                INTEGER PRIMARY KEY,
	account_id        INTEGER NOT NULL REFERENCES accounts (id),
	title             TEXT,
	kind              TEXT NOT NULL CHECK (kind = 'upsell' OR kind = 'cross_sell' OR kind = 'whitespace' OR kind = 'referral'),
	arr_cents         INTEGER NOT NULL DEFAULT 0 CHECK (arr_cents >= 0),
	stage             TEXT NOT NULL DEFAULT 'qualify'
	                  CHECK (stage = 'qualify' OR stage = 'propose' OR stage = 'commit' OR stage = 'won' OR stage = 'lost'),
	forecast_category TEXT NOT NULL DEFAULT 'pipeline'
	                  CHECK (forecast_category = 'pipeline' OR forecast_category = 'best_case' OR forecast_category = 'commit' OR forecast_category = 'closed'),
	am                TEXT,
	sourced_by_id     INTEGER REFERENCES users (id),  -- the CSM credited with the lead
	handshake_status  TEXT NOT NULL DEFAULT 'none'
	                  CHECK (handshake_status = 'none' OR handshake_status = 'proposed' OR handshake_status = 'accepted' OR handshake_status = 'rejected'),
	created_on        TEXT NOT NULL CHECK (created_on = date(created_on)),
	closed_on         TEXT CHECK (closed_on = date(closed_on))
) STRICT;
CREATE INDEX opportunities_account ON opportunities (account_id);

CREATE TABLE usage (
	id                         INTEGER PRIMARY KEY,
	account_id                 INTEGER NOT NULL REFERENCES accounts (id),
	date                       TEXT NOT NULL CHECK (date = date(date)),  -- start of the bucket
	period                     TEXT NOT NULL DEFAULT 'week' CHECK (period = 'day' OR period = 'week' OR period = 'month'),
	active_users               INTEGER CHECK (active_users >= 0),
	licensed_seats             INTEGER CHECK (licensed_seats >= 0),
	assigned_seats             INTEGER CHECK (assigned_seats >= 0),
	activated_seats            INTEGER CHECK (activated_seats >= 0),
	basic_features_used        INTEGER CHECK (basic_features_used >= 0),
	basic_features_entitled    INTEGER CHECK (basic_features_entitled >= 0),
	advanced_features_used     INTEGER CHECK (advanced_features_used >= 0),
	advanced_features_entitled INTEGER CHECK (advanced_features_entitled >= 0),
	metric_name                TEXT,  -- optional product telemetry
	metric_value               REAL
) STRICT;
CREATE INDEX usage_account ON usage (account_id, date);

CREATE TABLE tickets (
	id          INTEGER PRIMARY KEY,
	account_id  INTEGER NOT NULL REFERENCES accounts (id),
	external_id TEXT UNIQUE,  -- the support desk's case number
	subject     TEXT,
	opened_date TEXT NOT NULL CHECK (opened_date = date(opened_date)),
	closed_date TEXT CHECK (closed_date = date(closed_date) AND closed_date >= opened_date),
	priority    TEXT NOT NULL DEFAULT 'p3' CHECK (priority = 'p1' OR priority = 'p2' OR priority = 'p3' OR priority = 'p4'),
	status      TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'pending' OR status = 'solved' OR status = 'closed'),
	csat        INTEGER CHECK (csat BETWEEN 1 AND 5)
) STRICT;
CREATE INDEX tickets_account ON tickets (account_id, opened_date);
CREATE INDEX tickets_open ON tickets (account_id) WHERE closed_date IS NULL;

CREATE TABLE surveys (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id),
	contact_id INTEGER REFERENCES contacts (id),
	ticket_id  INTEGER REFERENCES tickets (id),  -- a CSAT after a support case
	date       TEXT NOT NULL CHECK (date = date(date)),
	kind       TEXT NOT NULL CHECK (kind IN ('nps', 'csat')),
	score      INTEGER NOT NULL,
	comment    TEXT,
	CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5))
) STRICT;
CREATE INDEX surveys_account ON surveys (account_id, date);

CREATE TABLE touchpoints (
	id             INTEGER PRIMARY KEY,
	account_id     INTEGER NOT NULL REFERENCES accounts (id),
	date           TEXT NOT NULL CHECK (date = date(date)),
	kind           TEXT NOT NULL CHECK (kind = 'call' OR kind = 'meeting' OR kind = 'email' OR kind = 'qbr' OR kind = 'ebr' OR kind = 'onsite' OR kind = 'webinar' OR kind = 'internal_review' OR kind = 'note'),
	duration_min   INTEGER CHECK (duration_min >= 0),
	sentiment      INTEGER CHECK (sentiment BETWEEN 1 AND 5),
	proactive      INTEGER NOT NULL DEFAULT 1 CHECK (proactive IN (0, 1)),
	summary        TEXT,
	follow_ups     TEXT,
	situation      TEXT,  -- SPICED fields [003]
	pain           TEXT,
	impact         TEXT,
	critical_event TEXT,
	decision       TEXT,
	author_id      INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX touchpoints_account ON touchpoints (account_id, date);

CREATE TABLE touchpoint_attendees (
	touchpoint_id INTEGER NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE,
	contact_id    INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
	PRIMARY KEY (touchpoint_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX touchpoint_attendees_contact ON touchpoint_attendees (contact_id);

CREATE TABLE advocacy_events (
	id             INTEGER PRIMARY KEY,
	account_id     INTEGER NOT NULL REFERENCES accounts (id),
	contact_id     INTEGER REFERENCES contacts (id),
	date           TEXT NOT NULL CHECK (date = date(date)),
	kind           TEXT NOT NULL CHECK (kind = 'reference' OR kind = 'case_study' OR kind = 'review' OR kind = 'speaking' OR kind = 'promoter'),
	credited_to_id INTEGER REFERENCES users (id),
	note           TEXT
) STRICT;
CREATE INDEX advocacy_events_account ON advocacy_events (account_id, date);

CREATE TABLE tasks (
	id               INTEGER PRIMARY KEY,
	account_id       INTEGER REFERENCES accounts (id),  -- NULL: an internal task
	title            TEXT NOT NULL CHECK (title <> ''),
	kind             TEXT NOT NULL DEFAULT 'activity'
	                 CHECK (kind = 'risk' OR kind = 'expansion' OR kind = 'lifecycle' OR kind = 'renewal' OR kind = 'cadence' OR kind = 'activity'),
	priority         TEXT NOT NULL DEFAULT 'medium' CHECK (priority = 'low' OR priority = 'medium' OR priority = 'high' OR priority = 'critical'),
	owner_id         INTEGER REFERENCES users (id),
	due_date         TEXT CHECK (due_date = date(due_date)),
	status           TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'done' OR status = 'cancelled' OR status = 'snoozed'),
	snoozed_until    TEXT CHECK (snoozed_until = date(snoozed_until)),
	source           TEXT NOT NULL DEFAULT 'manual'
	                 CHECK (source = 'manual' OR source = 'import' OR source = 'demo' OR source GLOB 'playbook:?*'),
	escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 3),
	created_on       TEXT NOT NULL CHECK (created_on = date(created_on)),
	done_on          TEXT CHECK (done_on = date(done_on)),
	notes            TEXT
) STRICT;
CREATE INDEX tasks_owner ON tasks (owner_id, status, due_date);
CREATE INDEX tasks_account ON tasks (account_id, status);

CREATE TABLE task_items (
	id       INTEGER PRIMARY KEY,
	task_id  INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
	position INTEGER NOT NULL DEFAULT 0,
	text     TEXT NOT NULL CHECK (text <> ''),
	done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
) STRICT;
CREATE INDEX task_items_task ON task_items (task_id, position);

CREATE TABLE risks (
	id          INTEGER PRIMARY KEY,
	account_id  INTEGER NOT NULL REFERENCES accounts (id),
	category    TEXT NOT NULL CHECK (category = 'deployment' OR category = 'engagement' OR category = 'adoption' OR category = 'value' OR category = 'satisfaction' OR category = 'support' OR category = 'sentiment' OR category = 'external' OR category = 'product' OR category = 'renewal'),
	severity    TEXT NOT NULL DEFAULT 'medium' CHECK (severity = 'low' OR severity = 'medium' OR severity = 'high' OR severity = 'critical'),
	status      TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'mitigating' OR status = 'closed'),
	opened_on   TEXT NOT NULL CHECK (opened_on = date(opened_on)),
	closed_on   TEXT CHECK (closed_on = date(closed_on)),
	owner_id    INTEGER REFERENCES users (id),
	description TEXT,
	mitigation  TEXT,
	source      TEXT NOT NULL DEFAULT 'manual'
	            CHECK (source = 'manual' OR source = 'import' OR source = 'demo' OR source GLOB 'playbook:?*')
) STRICT;
CREATE INDEX risks_account ON risks (account_id, status);

-- The joint success plan with the seven sections of doc/model.md section 9.
CREATE TABLE success_plans (
	id                    INTEGER PRIMARY KEY,
	account_id            INTEGER NOT NULL REFERENCES accounts (id),
	status                TEXT NOT NULL DEFAULT 'draft'
	                      CHECK (status = 'draft' OR status = 'shared' OR status = 'signed' OR status = 'active' OR status = 'done'),
	start_date            TEXT NOT NULL CHECK (start_date = date(start_date)),
	signed_by_id          INTEGER REFERENCES contacts (id),
	signed_date           TEXT CHECK (signed_date = date(signed_date)),
	executive_summary     TEXT,
	adoption_objectives   TEXT,
	adoption_activities   TEXT,
	finances_timescales   TEXT,
	measurement_reporting TEXT,
	key_risks             TEXT,
	appendices            TEXT
) STRICT;
CREATE INDEX success_plans_account ON success_plans (account_id);

CREATE TABLE objectives (
	id                   INTEGER PRIMARY KEY,
	plan_id              INTEGER NOT NULL REFERENCES success_plans (id) ON DELETE CASCADE,
	title                TEXT NOT NULL CHECK (title <> ''),
	type                 TEXT NOT NULL DEFAULT 'quantitative' CHECK (type IN ('quantitative', 'qualitative')),
	priority             TEXT NOT NULL DEFAULT 'medium' CHECK (priority = 'low' OR priority = 'medium' OR priority = 'high'),
	beneficiary_id       INTEGER REFERENCES contacts (id),
	last_validated       TEXT CHECK (last_validated = date(last_validated)),
	achieved_on          TEXT CHECK (achieved_on = date(achieved_on)),
	confirmed_in_writing INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_in_writing IN (0, 1))
) STRICT;
CREATE INDEX objectives_plan ON objectives (plan_id);

CREATE TABLE milestones (
	id           INTEGER PRIMARY KEY,
	objective_id INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
	title        TEXT NOT NULL CHECK (title <> ''),
	owner        TEXT,
	due_date     TEXT CHECK (due_date = date(due_date)),
	status       TEXT NOT NULL DEFAULT 'not_started'
	             CHECK (status = 'not_started' OR status = 'on_track' OR status = 'at_risk' OR status = 'done' OR status = 'missed'),
	done_on      TEXT CHECK (done_on = date(done_on))
) STRICT;
CREATE INDEX milestones_objective ON milestones (objective_id);

CREATE TABLE kpis (
	id           INTEGER PRIMARY KEY,
	objective_id INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
	name         TEXT NOT NULL CHECK (name <> ''),
	baseline     REAL,
	target       REAL,
	current      REAL,
	unit         TEXT,
	target_date  TEXT CHECK (target_date = date(target_date))
) STRICT;
CREATE INDEX kpis_objective ON kpis (objective_id);

-- One row per account per day the score is computed: the trend history.
-- `band` is the computed band; `override_band` the CSM's override in force
-- that day, if any (both stay visible: "green is the colour of denial").
CREATE TABLE health_snapshots (
	id             INTEGER PRIMARY KEY,
	account_id     INTEGER NOT NULL REFERENCES accounts (id),
	date           TEXT NOT NULL CHECK (date = date(date)),
	scorecard      TEXT NOT NULL DEFAULT 'default',
	scale          INTEGER NOT NULL DEFAULT 3 CHECK (scale = 3 OR scale = 5),
	score          REAL CHECK (score >= 1 AND score <= scale),  -- NULL: nothing known
	band           TEXT NOT NULL CHECK (band = 'red' OR band = 'orange' OR band = 'yellow' OR
	               band = 'lightgreen' OR band = 'green' OR band = 'unknown'),
	outcomes       REAL CHECK (outcomes >= 1 AND outcomes <= scale),
	experience     REAL CHECK (experience >= 1 AND experience <= scale),
	false_positive INTEGER NOT NULL DEFAULT 0 CHECK (false_positive IN (0, 1)),
	override_band  TEXT CHECK (override_band = 'red' OR override_band = 'orange' OR
	               override_band = 'yellow' OR override_band = 'lightgreen' OR override_band = 'green'),
	measures       TEXT NOT NULL DEFAULT '{}',  -- {"measure": {"value": v, "rating": r}, ...} (JSON)
	UNIQUE (account_id, date)
) STRICT;

-- Who changed what, when.  Append-only: the triggers refuse edits.
CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY,
	at         TEXT NOT NULL,  -- ISO-8601 UTC
	actor      TEXT NOT NULL,  -- login
	action     TEXT NOT NULL,  -- the user action, e.g. 'task add'
	table_name TEXT,
	row_id     INTEGER,
	op         TEXT NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete' OR op = 'bulk'),
	old        TEXT,  -- JSON object of the row before (json_object())
	new        TEXT   -- and after
) STRICT;
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Derived views: facts that are pure functions of one row.
CREATE VIEW renewal_view AS
SELECT r.*,
       CASE
         WHEN r.stage = 'lost' OR (r.stage = 'won' AND r.final_arr_cents = 0) THEN 'churn'
         WHEN r.stage <> 'won' THEN NULL
         WHEN r.final_arr_cents > r.target_arr_cents THEN 'renewal_upsell'
         WHEN r.final_arr_cents < r.target_arr_cents THEN 'renewal_downsell'
         ELSE 'renewal'
       END AS booking_type
FROM renewals r;

CREATE VIEW opportunity_view AS
SELECT o.*,
       CASE o.stage WHEN 'qualify' THEN 0.2 WHEN 'propose' THEN 0.5 WHEN 'commit' THEN 0.8
                    WHEN 'won' THEN 1.0 ELSE 0.0 END AS win_probability
FROM opportunities o;
