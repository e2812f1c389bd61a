/*
 * entity.c -- the entity descriptors (see entity.h).  Order in the catalog is
 * dependency order: importing files in this order always resolves references.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/names.h"
#include "domain/cadence.h"
#include "domain/model.h"
#include "store/entity.h"

static const struct ref_def ref_team = { "team", "teams", "name", false, false };
static const struct ref_def ref_user = { "user", "users", "login", false, false };
static const struct ref_def ref_account = { "account", "accounts", "external_id", false, false };
static const struct ref_def ref_contact = { "contact", "contacts", "email", true, true };
/* Rows with no account of their own (objectives) name contacts by id. */
static const struct ref_def ref_contact_id = { "contact", "contacts", "id", false, false };
static const struct ref_def ref_contract = { "contract", "contracts", "id", false, false };
static const struct ref_def ref_ticket = { "ticket", "tickets", "id", false, false };
static const struct ref_def ref_plan = { "success plan", "success_plans", "id", false, false };
static const struct ref_def ref_objective = { "objective", "objectives", "id", false, false };
static const struct ref_def ref_kpi = { "KPI", "kpis", "id", false, false };
static const struct ref_def ref_renewal = { "renewal", "renewals", "id", false, false };
static const struct ref_def ref_task = { "task", "tasks", "id", false, false };
static const struct ref_def ref_risk = { "risk", "risks", "id", false, false };
static const struct ref_def ref_run = { "playbook run", "playbook_runs", "id", false, false };
static const struct ref_def ref_firing = { "firing", "playbook_firings", "id", false, false };

static const struct list_def list_tags = { "account_tags", "account_id", "tag", NULL, NULL };
static const struct list_def list_roles = { "contact_roles", "contact_id", "role", contact_role_names, NULL };
static const struct list_def list_attendees = { "touchpoint_attendees", "touchpoint_id", "contact_id", NULL, &ref_contact };

/* Shorthands keep the tables readable: one line per field. */
#define ID                 { "id", "id", FT_ID, 0, NULL, NULL, NULL, "row id (optional on import; kept when given)" }
#define TEXT(n, f, h)      { n, n, FT_TEXT, f, NULL, NULL, NULL, h }
#define INT(n, h)          { n, n, FT_INT, 0, NULL, NULL, NULL, h }
#define COUNTN(n, h)       { n, n, FT_INT, F_NONNEG, NULL, NULL, NULL, h }
#define REAL(n, h)         { n, n, FT_REAL, 0, NULL, NULL, NULL, h }
#define BOOL(n, h)         { n, n, FT_BOOL, 0, NULL, NULL, NULL, h }
#define DATE(n, f, h)      { n, n, FT_DATE, f, NULL, NULL, NULL, h }
#define MONEY(n, c, f, h)  { n, c, FT_MONEY, f, NULL, NULL, NULL, h }
#define ENUM(n, f, v, h)   { n, n, FT_ENUM, f, v, NULL, NULL, h }
#define REF(n, c, f, r, h) { n, c, FT_REF, f, NULL, &r, NULL, h }
#define LIST(n, l, h)      { n, NULL, FT_LIST, 0, NULL, NULL, &l, h }
#define ACCOUNT            REF("account", "account_id", F_REQUIRED, ref_account, "account external id")
#define COUNT(a)           ((int)(sizeof(a) / sizeof((a)[0])))

static const struct field team_fields[] = {
	ID,
	TEXT("name", F_REQUIRED, "team name"),
};
const struct entity entity_team = { "team", "teams", "a team of CSMs and its lead",
	team_fields, COUNT(team_fields), true, NULL };

static const struct field user_fields[] = {
	ID,
	TEXT("login", F_REQUIRED, "login name; matches the OS user"),
	TEXT("name", F_REQUIRED, "display name"),
	TEXT("email", 0, "email address"),
	ENUM("role", 0, role_names, "csm, lead, admin or viewer"),
	REF("team", "team_id", 0, ref_team, "team name"),
	ENUM("segment", 0, segment_names, "segment specialty"),
	COUNTN("capacity_accounts", "target number of accounts"),
	MONEY("capacity_arr", "capacity_arr_cents", F_NONNEG, "target ARR"),
	BOOL("active", "false for people who left"),
};
const struct entity entity_user = { "user", "users", "a CSM, lead, admin or viewer",
	user_fields, COUNT(user_fields), true, NULL };

static const struct field account_fields[] = {
	ID,
	TEXT("external_id", F_REQUIRED, "CRM id, unique"),
	TEXT("name", F_REQUIRED, "account name"),
	REF("owner", "owner_id", 0, ref_user, "owner CSM login; empty = pooled"),
	TEXT("am", 0, "account manager"),
	TEXT("rm", 0, "renewal manager"),
	ENUM("segment", F_REQUIRED, segment_names, "enterprise, mid_market or smb"),
	ENUM("touch_model", 0, touch_model_names, "high, low or tech"),
	ENUM("service_package", 0, package_names, "free or premium"),
	ENUM("stage", 0, stage_names, "lifecycle stage (LAER)"),
	DATE("stage_since", 0, "date the stage was entered"),
	TEXT("industry", 0, "industry"),
	TEXT("region", 0, "region"),
	TEXT("partner", 0, "channel partner"),
	ENUM("partner_role", 0, partner_role_names, "sales_agent or csm"),
	COUNTN("licensed_seats", "seats under contract"),
	DATE("initial_contract_date", 0, "first contract start"),
	TEXT("currency", 0, "ISO 4217 code, default USD"),
	TEXT("notes", 0, "free-form notes"),
	LIST("tags", list_tags, "tags separated by ';'"),
};
const struct entity entity_account = { "account", "accounts", "a customer account",
	account_fields, COUNT(account_fields), true, NULL };

static const struct field contact_fields[] = {
	ID,
	ACCOUNT,
	TEXT("name", F_REQUIRED, "full name"),
	TEXT("title", 0, "job title"),
	TEXT("email", 0, "email; identifies the contact within its account"),
	TEXT("phone", 0, "phone"),
	BOOL("is_executive", "an executive contact"),
	ENUM("status", 0, contact_status_names, "active or left"),
	DATE("left_on", 0, "date the contact left"),
	INT("sentiment", "1 (unhappy) to 5 (delighted)"),
	BOOL("advocate_reference", "will act as a reference"),
	BOOL("advocate_case_study", "will do a case study"),
	BOOL("advocate_speaker", "will speak at events"),
	LIST("roles", list_roles, "roles separated by ';'"),
};
const struct entity entity_contact = { "contact", "contacts", "a stakeholder at an account",
	contact_fields, COUNT(contact_fields), true, NULL };

static const struct field contract_fields[] = {
	ID,
	ACCOUNT,
	DATE("start_date", F_REQUIRED, "contract start"),
	DATE("end_date", F_REQUIRED, "contract end"),
	MONEY("arr", "arr_cents", F_REQUIRED | F_NONNEG, "annual recurring revenue"),
	BOOL("auto_renew", "renews automatically"),
	ENUM("channel", 0, channel_names, "direct or partner"),
};
const struct entity entity_contract = { "contract", "contracts", "a subscription contract",
	contract_fields, COUNT(contract_fields), true, NULL };

static const struct field arr_event_fields[] = {
	ID,
	ACCOUNT,
	DATE("date", F_REQUIRED, "effective date"),
	ENUM("kind", F_REQUIRED, arr_kind_names, "new, expansion, contraction, churn or reactivation"),
	MONEY("arr_delta", "arr_delta_cents", F_REQUIRED, "change in ARR (negative for contraction and churn)"),
	TEXT("reason", 0, "why"),
};
const struct entity entity_arr_event = { "arr_event", "arr_events", "an entry in the ARR ledger",
	arr_event_fields, COUNT(arr_event_fields), true,
	"new, expansion and reactivation add ARR (arr_delta 0 or more); contraction and churn take it "
	"away (arr_delta 0 or less)" };

static const struct field renewal_fields[] = {
	ID,
	ACCOUNT,
	REF("contract", "contract_id", 0, ref_contract, "contract id"),
	DATE("due_date", F_REQUIRED, "renewal date"),
	MONEY("target_arr", "target_arr_cents", F_REQUIRED | F_NONNEG, "renewable ARR"),
	MONEY("forecast_arr", "forecast_arr_cents", F_NONNEG, "forecast ARR"),
	MONEY("final_arr", "final_arr_cents", F_NONNEG, "final ARR once closed"),
	ENUM("forecast_category", 0, forecast_names, "commit, likely, at_risk or lost"),
	ENUM("stage", 0, renewal_stage_names, "not_started, in_progress, negotiating, won or lost"),
	ENUM("churn_reason", 0, churn_reason_names, "reason code when lost or downsold"),
	DATE("closed_date", 0, "date closed"),
	REF("owner", "owner_id", 0, ref_user, "renewal owner login (RM or CSM)"),
};
const struct entity entity_renewal = { "renewal", "renewals", "a renewal due on a date",
	renewal_fields, COUNT(renewal_fields), true,
	"a won or lost renewal needs its closed_date and final_arr" };

static const struct field invoice_fields[] = {
	ID,
	ACCOUNT,
	TEXT("number", 0, "invoice number, unique"),
	DATE("issued_date", F_REQUIRED, "issue date"),
	DATE("due_date", F_REQUIRED, "payment due"),
	DATE("paid_date", 0, "date paid; empty while unpaid"),
	MONEY("amount", "amount_cents", F_REQUIRED | F_NONNEG, "amount"),
};
const struct entity entity_invoice = { "invoice", "invoices", "an invoice (financial health)",
	invoice_fields, COUNT(invoice_fields), true, NULL };

static const struct field opportunity_fields[] = {
	ID,
	ACCOUNT,
	TEXT("title", 0, "short description"),
	ENUM("kind", F_REQUIRED, opp_kind_names, "upsell, cross_sell, whitespace or referral"),
	MONEY("arr", "arr_cents", F_NONNEG, "ARR of the opportunity"),
	ENUM("stage", 0, opp_stage_names, "qualify, propose, commit, won or lost"),
	ENUM("forecast_category", 0, opp_forecast_names, "pipeline, best_case, commit or closed"),
	TEXT("am", 0, "account manager working it"),
	REF("sourced_by", "sourced_by_id", 0, ref_user, "CSM credited with the lead"),
	ENUM("handshake_status", 0, handshake_names, "none, proposed, accepted or rejected"),
	DATE("created_on", F_TODAY, "date created (default today)"),
	DATE("closed_on", 0, "date closed"),
	DATE("expected_close", 0, "date it is expected to close"),
	TEXT("close_reason", 0, "why it was won or lost"),
	TEXT("external_id", 0, "CRM opportunity id, unique"),
};
const struct entity entity_opportunity = { "opportunity", "opportunities", "an expansion opportunity",
	opportunity_fields, COUNT(opportunity_fields), true, NULL };

static const struct field usage_fields[] = {
	ID,
	ACCOUNT,
	DATE("date", F_REQUIRED, "start of the bucket"),
	ENUM("period", 0, period_names, "day, week or month"),
	COUNTN("active_users", "active users in the bucket"),
	COUNTN("licensed_seats", "licensed seats"),
	COUNTN("assigned_seats", "assigned seats"),
	COUNTN("activated_seats", "activated seats"),
	COUNTN("basic_features_used", "basic features used"),
	COUNTN("basic_features_entitled", "basic features entitled"),
	COUNTN("advanced_features_used", "advanced features used"),
	COUNTN("advanced_features_entitled", "advanced features entitled"),
	TEXT("metric_name", 0, "optional telemetry metric"),
	REAL("metric_value", "its value"),
};
const struct entity entity_usage = { "usage", "usage", "product usage for a day, week or month",
	usage_fields, COUNT(usage_fields), true, NULL };

static const struct field ticket_fields[] = {
	ID,
	ACCOUNT,
	TEXT("external_id", 0, "support desk case number, unique"),
	TEXT("subject", 0, "subject"),
	DATE("opened_date", F_REQUIRED, "opened"),
	DATE("closed_date", 0, "closed; empty while open"),
	ENUM("priority", 0, ticket_priority_names, "p1 (urgent) to p4"),
	ENUM("status", 0, ticket_status_names, "open, pending, solved or closed"),
	INT("csat", "1 to 5 when rated"),
};
const struct entity entity_ticket = { "ticket", "tickets", "a support case",
	ticket_fields, COUNT(ticket_fields), true, NULL };

static const struct field survey_fields[] = {
	ID,
	ACCOUNT,
	REF("contact", "contact_id", 0, ref_contact, "respondent's email"),
	REF("ticket", "ticket_id", 0, ref_ticket, "ticket id for a CSAT after a case"),
	DATE("date", F_REQUIRED, "response date"),
	ENUM("kind", F_REQUIRED, survey_kind_names, "nps or csat"),
	INT("score", "NPS 0-10 or CSAT 1-5"),
	TEXT("comment", 0, "verbatim"),
	TEXT("external_id", 0, "survey tool's response id, unique"),
};
const struct entity entity_survey = { "survey", "surveys", "an NPS or CSAT response",
	survey_fields, COUNT(survey_fields), true,
	"an NPS score is 0 to 10, a CSAT score 1 to 5" };

static const struct field touchpoint_fields[] = {
	ID,
	ACCOUNT,
	DATE("date", F_REQUIRED, "when"),
	ENUM("kind", F_REQUIRED, touch_kind_names, "call, meeting, email, qbr, ebr, onsite, webinar, internal_review or note"),
	COUNTN("duration_min", "minutes"),
	INT("sentiment", "1 to 5"),
	BOOL("proactive", "false when the customer initiated it"),
	TEXT("summary", 0, "what happened"),
	TEXT("follow_ups", 0, "agreed next steps"),
	TEXT("situation", 0, "SPICED: situation"),
	TEXT("pain", 0, "SPICED: pain"),
	TEXT("impact", 0, "SPICED: impact"),
	TEXT("critical_event", 0, "SPICED: critical event"),
	TEXT("decision", 0, "SPICED: decision"),
	REF("author", "author_id", 0, ref_user, "login of who logged it"),
	LIST("attendees", list_attendees, "attendee emails separated by ';'"),
};
const struct entity entity_touchpoint = { "touchpoint", "touchpoints", "a call, meeting, review or note",
	touchpoint_fields, COUNT(touchpoint_fields), true, NULL };

static const struct field advocacy_fields[] = {
	ID,
	ACCOUNT,
	REF("contact", "contact_id", 0, ref_contact, "the advocate's email"),
	DATE("date", F_REQUIRED, "when"),
	ENUM("kind", F_REQUIRED, advocacy_names, "reference, case_study, review, speaking or promoter"),
	REF("credited_to", "credited_to_id", 0, ref_user, "CSM login credited"),
	TEXT("note", 0, "details"),
};
const struct entity entity_advocacy = { "advocacy", "advocacy_events", "an advocacy event",
	advocacy_fields, COUNT(advocacy_fields), true, NULL };

static const struct field task_fields[] = {
	ID,
	REF("account", "account_id", 0, ref_account, "account external id; empty = internal task"),
	TEXT("title", F_REQUIRED, "what to do"),
	ENUM("kind", 0, task_kind_names, "risk, expansion, lifecycle, renewal, cadence or activity"),
	ENUM("priority", 0, priority_names, "low, medium, high or critical"),
	REF("owner", "owner_id", 0, ref_user, "owner login"),
	DATE("due_date", 0, "due"),
	ENUM("status", 0, task_status_names, "open, done, cancelled or snoozed"),
	DATE("snoozed_until", 0, "snoozed until"),
	TEXT("source", 0, "manual, import, demo or playbook:RULE"),
	INT("escalation_level", "0 (none) to 3"),
	DATE("created_on", F_TODAY, "created (default today)"),
	DATE("done_on", 0, "completed"),
	TEXT("notes", 0, "notes"),
	TEXT("cancel_reason", 0, "why it was cancelled"),
};
const struct entity entity_task = { "task", "tasks", "a call to action",
	task_fields, COUNT(task_fields), true, NULL };

static const struct field task_item_fields[] = {
	ID,
	REF("task", "task_id", F_REQUIRED, ref_task, "task id"),
	INT("position", "order in the checklist"),
	TEXT("text", F_REQUIRED, "checklist item"),
	BOOL("done", "ticked"),
};
const struct entity entity_task_item = { "task_item", "task_items", "a checklist item of a task",
	task_item_fields, COUNT(task_item_fields), true, NULL };

static const struct field risk_fields[] = {
	ID,
	ACCOUNT,
	ENUM("category", F_REQUIRED, risk_category_names, "deployment, engagement, adoption, value, satisfaction, support, sentiment, external, product or renewal"),
	ENUM("severity", 0, priority_names, "low, medium, high or critical"),
	ENUM("status", 0, risk_status_names, "open, mitigating or closed"),
	DATE("opened_on", F_TODAY, "opened (default today)"),
	DATE("closed_on", 0, "closed"),
	REF("owner", "owner_id", 0, ref_user, "owner login"),
	TEXT("description", 0, "what is not going to plan"),
	TEXT("mitigation", 0, "what is being done"),
	TEXT("source", 0, "manual, import, demo or playbook:RULE"),
	TEXT("resolution", 0, "how it was closed"),
};
const struct entity entity_risk = { "risk", "risks", "something not going to plan",
	risk_fields, COUNT(risk_fields), true, NULL };

static const struct field success_plan_fields[] = {
	ID,
	ACCOUNT,
	ENUM("status", 0, plan_status_names, "draft, shared, signed, active or done"),
	DATE("start_date", F_REQUIRED, "plan start"),
	REF("signed_by", "signed_by_id", 0, ref_contact, "email of the customer signatory"),
	DATE("signed_date", 0, "date signed"),
	TEXT("executive_summary", 0, "section 1"),
	TEXT("adoption_objectives", 0, "section 2 (objectives are rows too)"),
	TEXT("adoption_activities", 0, "section 3"),
	TEXT("finances_timescales", 0, "section 4"),
	TEXT("measurement_reporting", 0, "section 5"),
	TEXT("key_risks", 0, "section 6: barriers and mitigations"),
	TEXT("appendices", 0, "section 7: people, third parties, methods"),
	DATE("validated_on", 0, "last validated with the customer"),
	TEXT("template", 0, "the template it started from"),
};
const struct entity entity_success_plan = { "success_plan", "success_plans", "a joint success plan",
	success_plan_fields, COUNT(success_plan_fields), true, NULL };

static const struct field objective_fields[] = {
	ID,
	REF("plan", "plan_id", F_REQUIRED, ref_plan, "success plan id"),
	TEXT("title", F_REQUIRED, "objective"),
	ENUM("type", 0, objective_type_names, "quantitative or qualitative"),
	ENUM("priority", 0, objective_priority_names, "low, medium or high"),
	REF("beneficiary", "beneficiary_id", 0, ref_contact_id, "beneficiary's contact id"),
	DATE("last_validated", 0, "last validated with the customer"),
	DATE("achieved_on", 0, "achieved"),
	BOOL("confirmed_in_writing", "customer confirmed achievement in writing"),
	INT("position", "order in the plan (0: by id)"),
};
const struct entity entity_objective = { "objective", "objectives", "an objective of a success plan",
	objective_fields, COUNT(objective_fields), true, NULL };

static const struct field milestone_fields[] = {
	ID,
	REF("objective", "objective_id", F_REQUIRED, ref_objective, "objective id"),
	TEXT("title", F_REQUIRED, "milestone"),
	TEXT("owner", 0, "who delivers it"),
	DATE("due_date", 0, "due"),
	ENUM("status", 0, milestone_status_names, "not_started, on_track, at_risk, done or missed"),
	DATE("done_on", 0, "completed"),
	INT("position", "order under the objective (0: by id)"),
};
const struct entity entity_milestone = { "milestone", "milestones", "a milestone of an objective",
	milestone_fields, COUNT(milestone_fields), true, NULL };

static const struct field kpi_fields[] = {
	ID,
	REF("objective", "objective_id", F_REQUIRED, ref_objective, "objective id"),
	TEXT("name", F_REQUIRED, "KPI"),
	REAL("baseline", "value at the start"),
	REAL("target", "target value"),
	REAL("current", "latest value"),
	TEXT("unit", 0, "unit"),
	DATE("target_date", 0, "when the target is due"),
	INT("position", "order under the objective (0: by id)"),
};
const struct entity entity_kpi = { "kpi", "kpis", "a KPI of an objective",
	kpi_fields, COUNT(kpi_fields), true, NULL };

static const struct field kpi_reading_fields[] = {
	ID,
	REF("kpi", "kpi_id", F_REQUIRED, ref_kpi, "KPI id"),
	DATE("date", F_REQUIRED, "day of the reading"),
	{ "value", "value", FT_REAL, F_REQUIRED, NULL, NULL, NULL, "value read" },
	REF("author", "author_id", 0, ref_user, "login of who recorded it"),
};
const struct entity entity_kpi_reading = { "kpi_reading", "kpi_readings",
	"a reading of a KPI: its history", kpi_reading_fields, COUNT(kpi_reading_fields), true,
	NULL };

static const struct field health_snapshot_fields[] = {
	ID,
	ACCOUNT,
	DATE("date", F_REQUIRED, "day scored"),
	TEXT("scorecard", 0, "scorecard used"),
	INT("scale", "3 or 5 rating bands"),
	REAL("score", "overall score, 1 to scale; empty when nothing is known"),
	ENUM("band", F_REQUIRED, band_names, "computed band: red, orange, yellow, lightgreen, green or unknown"),
	REAL("outcomes", "outcomes group score"),
	REAL("experience", "experience group score"),
	BOOL("false_positive", "good experience, poor outcomes"),
	ENUM("override_band", 0, override_band_names, "the CSM's override in force that day"),
	TEXT("measures", 0, "per-measure value and rating, as JSON"),
};
const struct entity entity_health_snapshot = { "health_snapshot", "health_snapshots",
	"an account's health on a day", health_snapshot_fields, COUNT(health_snapshot_fields), true, NULL };

static const struct field health_override_fields[] = {
	ID,
	ACCOUNT,
	ENUM("band", F_REQUIRED, override_band_names, "red, orange, yellow, lightgreen or green"),
	TEXT("reason", F_REQUIRED, "why the computed band is wrong"),
	DATE("starts_on", F_TODAY, "first day (default today)"),
	DATE("until", F_REQUIRED, "last day"),
	REF("author", "author_id", 0, ref_user, "login of who set it"),
};
const struct entity entity_health_override = { "health_override", "health_overrides",
	"a CSM's override of an account's band", health_override_fields,
	COUNT(health_override_fields), true, NULL };

static const struct field health_input_fields[] = {
	ID,
	ACCOUNT,
	ENUM("fact", F_REQUIRED, manual_fact_names, "financial_rating (1-3) or csm_sentiment (1-5)"),
	REAL("value", "the rating"),
	DATE("date", F_TODAY, "when it was given (default today)"),
	TEXT("note", 0, "why"),
	REF("author", "author_id", 0, ref_user, "login of who gave it"),
};
const struct entity entity_health_input = { "health_input", "health_inputs",
	"a manual health rating", health_input_fields, COUNT(health_input_fields), true, NULL };

static const struct field calibration_fields[] = {
	ID,
	TEXT("scorecard", F_REQUIRED, "scorecard name"),
	TEXT("measure", F_REQUIRED, "measure id"),
	TEXT("cut_points", F_REQUIRED, "ascending cut points, JSON array"),
	INT("accounts", "values computed from"),
	DATE("calibrated_on", F_REQUIRED, "calibration date"),
};
const struct entity entity_calibration = { "scorecard_calibration", "scorecard_calibrations",
	"quantile cut points of a scorecard measure", calibration_fields,
	COUNT(calibration_fields), true, NULL };

static const struct field account_health_fields[] = {
	ID,
	ACCOUNT,
	DATE("date", F_REQUIRED, "day of the latest score"),
	TEXT("scorecard", F_REQUIRED, "scorecard used"),
	INT("scale", "3 or 5 rating bands"),
	REAL("score", "overall score"),
	TEXT("band", F_REQUIRED, "band shown: the override when one is in force"),
	TEXT("computed_band", F_REQUIRED, "computed band"),
	BOOL("overridden", "the band shown is a CSM's override"),
	REAL("outcomes", "outcomes score"),
	REAL("experience", "experience score"),
	BOOL("false_positive", "good experience, poor outcomes"),
	TEXT("ratings", 0, "one character per measure: 1-5, or - for no data"),
	TEXT("vals", 0, "each measure's value as the heatmap shows it, separated by |"),
	TEXT("trend", 0, "latest scores, oldest first"),
};
const struct entity entity_account_health = { "account_health", "account_health",
	"each account's current health, kept by every change (export only)",
	account_health_fields, COUNT(account_health_fields), false, NULL };

static const struct field audit_fields[] = {
	ID,
	TEXT("at", 0, "UTC time"),
	TEXT("actor", 0, "login"),
	TEXT("action", 0, "the user action"),
	TEXT("table_name", 0, "table changed"),
	INT("row_id", "row changed"),
	TEXT("op", 0, "insert, update, delete or bulk"),
	TEXT("old", 0, "values before, JSON; lists such as tags as arrays"),
	TEXT("new", 0, "values after, JSON; lists such as tags as arrays"),
};
const struct entity entity_audit = { "audit", "audit_log", "the append-only audit log (export only)",
	audit_fields, COUNT(audit_fields), false, NULL };

/* What playbook runs leave (schema 0004); written by tend, export only. */
static const struct field playbook_run_fields[] = {
	ID,
	TEXT("at", F_REQUIRED, "UTC time of the run"),
	DATE("as_of", F_REQUIRED, "the day evaluated"),
	TEXT("actor", F_REQUIRED, "login"),
	INT("rules", "rules evaluated"),
	INT("firings", "rule firings"),
	INT("steps", "escalation steps taken"),
};
const struct entity entity_playbook_run = { "playbook_run", "playbook_runs",
	"a playbook run that wrote something (export only)", playbook_run_fields,
	COUNT(playbook_run_fields), false, NULL };

static const struct field playbook_rule_run_fields[] = {
	ID,
	REF("run", "run_id", F_REQUIRED, ref_run, "playbook run id"),
	TEXT("rule_id", F_REQUIRED, "rule id"),
	INT("matched", "accounts whose condition held"),
	INT("fired", "of them, fired (not already fired in scope)"),
};
const struct entity entity_playbook_rule_run = { "playbook_rule_run", "playbook_rule_runs",
	"one rule's evaluation in a playbook run (export only)", playbook_rule_run_fields,
	COUNT(playbook_rule_run_fields), false, NULL };

static const struct field playbook_firing_fields[] = {
	ID,
	TEXT("rule_id", F_REQUIRED, "rule id"),
	ACCOUNT,
	TEXT("scope_key", F_REQUIRED, "account, renewal:ID or the date (per period)"),
	DATE("fired_on", F_REQUIRED, "day it fired"),
	REF("run", "run_id", 0, ref_run, "playbook run id"),
	REF("task", "task_id", 0, ref_task, "first task it created"),
	REF("risk", "risk_id", 0, ref_risk, "risk it opened"),
};
const struct entity entity_playbook_firing = { "playbook_firing", "playbook_firings",
	"a rule fired for an account (export only)", playbook_firing_fields,
	COUNT(playbook_firing_fields), false, NULL };

static const char *const escalation_status_names[] = { "open", "resolved", "exhausted", NULL };
static const struct field escalation_fields[] = {
	ID,
	REF("firing", "firing_id", F_REQUIRED, ref_firing, "playbook firing id"),
	INT("steps", "ladder steps taken"),
	ENUM("status", 0, escalation_status_names, "open, resolved or exhausted"),
	DATE("closed_on", 0, "day it was resolved or ended"),
	TEXT("resolution", 0, "the unless that held"),
};
const struct entity entity_escalation = { "escalation", "escalations",
	"an escalation ladder in progress (export only)", escalation_fields,
	COUNT(escalation_fields), false, NULL };

static const char *const inbox_kind_names[] = { "notification", "escalation", NULL };
static const char *const inbox_role_names[] = { "csm", "lead", "executive", "am", "rm", "support",
	"marketing", NULL };
static const char *const inbox_status_names[] = { "unread", "read", "done", NULL };
static const struct field inbox_fields[] = {
	ID,
	DATE("created_on", F_REQUIRED, "day it was written"),
	ENUM("kind", F_REQUIRED, inbox_kind_names, "notification or escalation"),
	REF("account", "account_id", 0, ref_account, "account external id"),
	REF("recipient", "recipient_id", 0, ref_user, "recipient login; empty: an address, or nobody"),
	ENUM("recipient_role", F_REQUIRED, inbox_role_names, "csm, lead, executive, am, rm, support or marketing"),
	INT("level", "escalation level, 0 for notifications"),
	TEXT("message", F_REQUIRED, "the notification or request"),
	DATE("due_date", 0, "act by"),
	ENUM("status", 0, inbox_status_names, "unread, read or done"),
	DATE("done_on", 0, "day it was marked done"),
	TEXT("source", F_REQUIRED, "playbook:RULE or manual"),
	REF("firing", "firing_id", 0, ref_firing, "playbook firing id"),
	TEXT("address", 0, "e-mail address it was meant for, outside the book (from the config)"),
	ENUM("redirected_from", 0, inbox_role_names,
	     "the role nobody held, when it went to the owner, a lead or an admin instead"),
};
const struct entity entity_inbox = { "inbox", "inbox", "notifications and requests for action (export only)",
	inbox_fields, COUNT(inbox_fields), false, NULL };

/* Written with every stage change (schema 0007); export only. */
static const struct field stage_history_fields[] = {
	ID,
	ACCOUNT,
	ENUM("stage", F_REQUIRED, stage_names, "lifecycle stage (LAER)"),
	DATE("from_date", 0, "first day in the stage; empty when not known"),
	DATE("to_date", 0, "the day it moved on; empty for the stage it is in"),
	REF("author", "author_id", 0, ref_user, "login of who changed the stage; empty when not known"),
	TEXT("source", 0, "manual or playbook:RULE; empty when not known"),
};
const struct entity entity_stage_history = { "stage_history", "account_stage_history",
	"the lifecycle stages an account went through (export only)", stage_history_fields,
	COUNT(stage_history_fields), false, NULL };

/* A cadence step of a renewal, logged (schema 0013); export only. */
static const struct field renewal_step_fields[] = {
	ID,
	REF("renewal", "renewal_id", F_REQUIRED, ref_renewal, "renewal id"),
	ENUM("step", F_REQUIRED, cadence_step_names, "t120, t90, t60 or t30"),
	DATE("date", F_TODAY, "the day it happened (default today)"),
	REF("author", "author_id", 0, ref_user, "login of who logged it"),
	TEXT("note", 0, "what was done"),
};
const struct entity entity_renewal_step = { "renewal_step", "renewal_steps",
	"a renewal's cadence step, logged (export only)", renewal_step_fields,
	COUNT(renewal_step_fields), false, NULL };

const struct entity *const entity_catalog[] = {
	&entity_team, &entity_user, &entity_account, &entity_contact, &entity_contract,
	&entity_arr_event, &entity_renewal, &entity_invoice, &entity_opportunity, &entity_usage,
	&entity_ticket, &entity_survey, &entity_touchpoint, &entity_advocacy, &entity_task,
	&entity_task_item, &entity_risk, &entity_success_plan, &entity_objective,
	&entity_milestone, &entity_kpi, &entity_kpi_reading, &entity_health_snapshot,
	&entity_health_override, &entity_health_input, &entity_calibration,
	&entity_account_health, &entity_audit, &entity_playbook_run, &entity_playbook_rule_run, &entity_playbook_firing,
	&entity_escalation, &entity_inbox, &entity_stage_history,
	&entity_renewal_step,
};
const size_t entity_catalog_count = sizeof(entity_catalog) / sizeof(entity_catalog[0]);

const struct entity *
entity_find(const char *name)
{
	size_t len;

	for (size_t i = 0; name && i < entity_catalog_count; i++) {
		const struct entity *e = entity_catalog[i];

		if (!strcmp(name, e->name) || !strcmp(name, e->table))
			return e;
		/* "accounts", "usages", "advocacies" */
		len = strlen(e->name);
		if (!strncmp(name, e->name, len) && !strcmp(name + len, "s"))
			return e;
	}
	return NULL;
}

const char *
entity_suggest(const char *name)
{
	const char *names[64];
	size_t n = 0;

	for (size_t i = 0; i < entity_catalog_count && n < 63; i++)
		names[n++] = entity_catalog[i]->name;
	names[n] = NULL;
	return names_suggest(names, name);
}

int
entity_field(const struct entity *ent, const char *name)
{
	for (int i = 0; i < ent->nfields; i++)
		if (!strcasecmp(ent->fields[i].name, name))
			return i;
	return -1;
}

const char *
ftype_name(enum ftype t)
{
	static const char *const names[] = {
		[FT_ID] = "id", [FT_TEXT] = "text", [FT_INT] = "integer", [FT_REAL] = "number",
		[FT_BOOL] = "true/false", [FT_DATE] = "YYYY-MM-DD", [FT_MONEY] = "amount",
		[FT_ENUM] = "choice", [FT_REF] = "reference", [FT_LIST] = "list",
	};
	return names[t];
}
