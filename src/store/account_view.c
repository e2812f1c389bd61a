/*
 * account_view.c -- loading the 360 view of one account (domain/account_view.h).
 *
 * Each section is one query bound to (?1 = account id, ?2 = today).  Facts
 * here are the descriptive ones a CSM reads on the account page; the scored
 * fact catalog of the health engine is computed set-based elsewhere.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/account_view.h"
#include "store/audit_log.h"
#include "store/store_int.h"

typedef void (*fill_fn)(struct account_view *v, sqlite3_stmt *st);

static const char *
dup(struct account_view *v, sqlite3_stmt *st, int i)
{
	return pool_strdup(&v->pool, store_col_text(st, i));
}

static int64_t
int_or(sqlite3_stmt *st, int i, int64_t dflt)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? dflt : sqlite3_column_int64(st, i);
}

/* Run sql for the account and hand each row to fill. */
static enum status
each(struct store *s, struct account_view *v, const char *sql, fill_fn fill, struct err *e)
{
	char today[DATE_STRLEN];
	sqlite3_stmt *st = store_stmt(s, sql, e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, v->id);
	sqlite3_bind_text(st, 2, date_format(s->clock.today, today), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fill(v, st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "loading the account");
	return ST_OK;
}

/* Grow a list by one element and return it zeroed. */
#define PUSH(v, list, n) \
	((v)->list = xreallocarray((v)->list, (size_t)(v)->n + 1, sizeof(*(v)->list)), \
	 memset(&(v)->list[(v)->n], 0, sizeof(*(v)->list)), &(v)->list[(v)->n++])

static void
fill_identity(struct account_view *v, sqlite3_stmt *st)
{
	int i = 0;

	v->external_id = dup(v, st, i++);
	v->name = dup(v, st, i++);
	v->owner = dup(v, st, i++);
	v->owner_name = dup(v, st, i++);
	v->am = dup(v, st, i++);
	v->rm = dup(v, st, i++);
	v->segment = dup(v, st, i++);
	v->touch_model = dup(v, st, i++);
	v->service_package = dup(v, st, i++);
	v->stage = dup(v, st, i++);
	v->stage_since = dup(v, st, i++);
	v->industry = dup(v, st, i++);
	v->region = dup(v, st, i++);
	v->partner = dup(v, st, i++);
	v->partner_role = dup(v, st, i++);
	v->licensed_seats = int_or(st, i++, -1);
	v->initial_contract_date = dup(v, st, i++);
	v->currency = dup(v, st, i++);
	v->notes = dup(v, st, i++);
	v->tags = dup(v, st, i++);
	v->arr_cents = int_or(st, i++, 0);
	v->initial_arr_cents = int_or(st, i++, 0);
	v->next_renewal = dup(v, st, i++);
	v->next_renewal_days = int_or(st, i++, 0);
}

static const char sql_identity[] =
	"SELECT a.external_id, a.name, u.login, u.name, a.am, a.rm, a.segment, a.touch_model,"
	" a.service_package, a.stage, a.stage_since, a.industry, a.region, a.partner, a.partner_role,"
	" a.licensed_seats, a.initial_contract_date, a.currency, a.notes,"
	" (SELECT group_concat(tag, ';') FROM (SELECT tag FROM account_tags WHERE account_id = a.id ORDER BY tag)),"
	" (SELECT sum(arr_delta_cents) FROM arr_events WHERE account_id = a.id AND date <= ?2),"
	" (SELECT arr_delta_cents FROM arr_events WHERE account_id = a.id AND kind = 'new' ORDER BY date, id LIMIT 1),"
	" r.due, CAST(julianday(r.due) - julianday(?2) AS INTEGER)"
	" FROM accounts a LEFT JOIN users u ON u.id = a.owner_id"
	" LEFT JOIN (SELECT min(due_date) AS due FROM renewals"
	"            WHERE account_id = ?1 AND stage NOT IN ('won', 'lost')) r"
	" WHERE a.id = ?1";

static void
fill_signals(struct account_view *v, sqlite3_stmt *st)
{
	v->active_users = int_or(st, 0, -1);
	v->activated_seats = int_or(st, 1, -1);
	v->usage_licensed = int_or(st, 2, -1);
	v->usage_date = dup(v, st, 3);
	v->open_tickets = int_or(st, 4, 0);
	v->open_p1 = int_or(st, 5, 0);
	v->tickets_90d = int_or(st, 6, 0);
	v->nps_responses_12m = int_or(st, 8, 0);
	v->nps_12m = v->nps_responses_12m ? sqlite3_column_double(st, 7) : NAN;
	v->csat_90d = sqlite3_column_type(st, 9) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 9);
	v->last_touch_days = int_or(st, 10, -1);
	v->last_exec_touch_days = int_or(st, 11, -1);
	v->champion_present = sqlite3_column_int(st, 12);
}

static const char sql_signals[] =
	"SELECT u.active_users, u.activated_seats, u.licensed_seats, u.date,"
	" (SELECT count(*) FROM tickets WHERE account_id = ?1 AND closed_date IS NULL AND opened_date <= ?2),"
	" (SELECT count(*) FROM tickets WHERE account_id = ?1 AND closed_date IS NULL AND opened_date <= ?2"
	"   AND priority = 'p1'),"
	" (SELECT count(*) FROM tickets WHERE account_id = ?1 AND opened_date > date(?2, '-90 days')"
	"   AND opened_date <= ?2),"
	" n.nps, n.responses,"
	" (SELECT avg(score) FROM surveys WHERE account_id = ?1 AND kind = 'csat'"
	"   AND date > date(?2, '-90 days') AND date <= ?2),"
	" (SELECT CAST(julianday(?2) - julianday(max(date)) AS INTEGER) FROM touchpoints"
	"   WHERE account_id = ?1 AND date <= ?2 AND kind <> 'internal_review' AND kind <> 'note'),"
	" (SELECT CAST(julianday(?2) - julianday(max(t.date)) AS INTEGER) FROM touchpoints t"
	"   JOIN touchpoint_attendees x ON x.touchpoint_id = t.id"
	"   JOIN contacts c ON c.id = x.contact_id"
	"   WHERE t.account_id = ?1 AND t.date <= ?2 AND c.is_executive = 1),"
	" EXISTS (SELECT 1 FROM contacts c JOIN contact_roles r ON r.contact_id = c.id"
	"   WHERE c.account_id = ?1 AND c.status = 'active' AND r.role = 'champion')"
	" FROM (SELECT 1) LEFT JOIN (SELECT * FROM usage WHERE account_id = ?1 AND date <= ?2"
	"   ORDER BY date DESC LIMIT 1) u"
	" LEFT JOIN (SELECT 100.0 * (sum(score >= 9) - sum(score <= 6)) / count(*) AS nps,"
	"   count(*) AS responses FROM surveys WHERE account_id = ?1 AND kind = 'nps'"
	"   AND date > date(?2, '-12 months') AND date <= ?2) n";

static void
fill_contact(struct account_view *v, sqlite3_stmt *st)
{
	struct av_contact *c = PUSH(v, contacts, ncontacts);

	c->id = sqlite3_column_int64(st, 0);
	c->name = dup(v, st, 1);
	c->title = dup(v, st, 2);
	c->email = dup(v, st, 3);
	c->status = dup(v, st, 4);
	c->roles = dup(v, st, 5);
	c->is_executive = sqlite3_column_int(st, 6);
	c->sentiment = (int)int_or(st, 7, 0);
	c->last_touch_days = int_or(st, 8, -1);
}

static const char sql_contacts[] =
	"SELECT c.id, c.name, c.title, c.email, c.status,"
	" (SELECT group_concat(role, ';') FROM (SELECT role FROM contact_roles WHERE contact_id = c.id ORDER BY role)),"
	" c.is_executive, c.sentiment,"
	" (SELECT CAST(julianday(?2) - julianday(max(t.date)) AS INTEGER) FROM touchpoint_attendees x"
	"   JOIN touchpoints t ON t.id = x.touchpoint_id WHERE x.contact_id = c.id AND t.date <= ?2)"
	" FROM contacts c WHERE c.account_id = ?1"
	" ORDER BY c.status = 'left', c.is_executive DESC, c.name COLLATE NOCASE";

static void
fill_contract(struct account_view *v, sqlite3_stmt *st)
{
	struct av_contract *c = PUSH(v, contracts, ncontracts);

	c->id = sqlite3_column_int64(st, 0);
	c->start_date = dup(v, st, 1);
	c->end_date = dup(v, st, 2);
	c->arr_cents = sqlite3_column_int64(st, 3);
	c->auto_renew = sqlite3_column_int(st, 4);
	c->channel = dup(v, st, 5);
}

static const char sql_contracts[] =
	"SELECT id, start_date, end_date, arr_cents, auto_renew, channel FROM contracts"
	" WHERE account_id = ?1 AND ?2 IS NOT NULL ORDER BY end_date DESC, id DESC";

static void
fill_ledger(struct account_view *v, sqlite3_stmt *st)
{
	struct av_arr_event *a = PUSH(v, ledger, nledger);

	a->date = dup(v, st, 0);
	a->kind = dup(v, st, 1);
	a->delta_cents = sqlite3_column_int64(st, 2);
	a->reason = dup(v, st, 3);
	a->scheduled = sqlite3_column_int(st, 4);
}

static const char sql_ledger[] =
	"SELECT date, kind, arr_delta_cents, reason, date > ?2 FROM arr_events"
	" WHERE account_id = ?1 ORDER BY date, id";

static void
fill_renewal(struct account_view *v, sqlite3_stmt *st)
{
	struct av_renewal *r = PUSH(v, renewals, nrenewals);

	r->id = sqlite3_column_int64(st, 0);
	r->due_date = dup(v, st, 1);
	r->stage = dup(v, st, 2);
	r->forecast_category = dup(v, st, 3);
	r->booking_type = dup(v, st, 4);
	r->closed_date = dup(v, st, 5);
	r->churn_reason = dup(v, st, 6);
	r->target_cents = int_or(st, 7, -1);
	r->forecast_cents = int_or(st, 8, -1);
	r->final_cents = int_or(st, 9, -1);
	r->days = int_or(st, 10, 0);
}

static const char sql_renewals[] =
	"SELECT id, due_date, stage, forecast_category, booking_type, closed_date, churn_reason,"
	" target_arr_cents, forecast_arr_cents, final_arr_cents,"
	" CAST(julianday(due_date) - julianday(?2) AS INTEGER)"
	" FROM renewal_view WHERE account_id = ?1 ORDER BY due_date DESC, id DESC";

static void
fill_task(struct account_view *v, sqlite3_stmt *st)
{
	struct av_task *t = PUSH(v, tasks, ntasks);

	t->id = sqlite3_column_int64(st, 0);
	t->title = dup(v, st, 1);
	t->kind = dup(v, st, 2);
	t->priority = dup(v, st, 3);
	t->owner = dup(v, st, 4);
	t->due_date = dup(v, st, 5);
	t->status = dup(v, st, 6);
	t->source = dup(v, st, 7);
	t->days_left = int_or(st, 8, 0);
	t->items = sqlite3_column_int(st, 9);
	t->items_done = sqlite3_column_int(st, 10);
}

static const char sql_tasks[] =
	"SELECT k.id, k.title, k.kind, k.priority, u.login, k.due_date, " TASK_STATUS_SQL("k", "?2") ","
	" k.source, CAST(julianday(k.due_date) - julianday(?2) AS INTEGER),"
	" (SELECT count(*) FROM task_items i WHERE i.task_id = k.id),"
	" (SELECT count(*) FROM task_items i WHERE i.task_id = k.id AND i.done)"
	" FROM tasks k LEFT JOIN users u ON u.id = k.owner_id"
	" WHERE k.account_id = ?1 AND k.status IN ('open', 'snoozed')"
	" ORDER BY k.due_date IS NULL, k.due_date, k.id";

static void
fill_item(struct account_view *v, sqlite3_stmt *st)
{
	struct av_task_item *i = PUSH(v, items, nitems);

	i->id = sqlite3_column_int64(st, 0);
	i->task_id = sqlite3_column_int64(st, 1);
	i->number = sqlite3_column_int(st, 2);
	i->text = dup(v, st, 3);
	i->done = sqlite3_column_int(st, 4);
}

/* Numbered as app/task_edit.h numbers them: position, then id. */
static const char sql_items[] =
	"SELECT i.id, i.task_id, row_number() OVER (PARTITION BY i.task_id ORDER BY i.position, i.id),"
	" i.text, i.done FROM task_items i JOIN tasks k ON k.id = i.task_id"
	" WHERE k.account_id = ?1 AND k.status IN ('open', 'snoozed') AND ?2 IS NOT NULL"
	" ORDER BY i.task_id, i.position, i.id";

static void
fill_opportunity(struct account_view *v, sqlite3_stmt *st)
{
	struct av_opportunity *o = PUSH(v, opportunities, nopportunities);

	o->id = sqlite3_column_int64(st, 0);
	o->title = dup(v, st, 1);
	o->kind = dup(v, st, 2);
	o->stage = dup(v, st, 3);
	o->arr_cents = sqlite3_column_int64(st, 4);
	o->expected_close = dup(v, st, 5);
}

static const char sql_opportunities[] =
	"SELECT id, title, kind, stage, arr_cents, expected_close FROM opportunities"
	" WHERE account_id = ?1 AND stage NOT IN ('won', 'lost') AND ?2 IS NOT NULL"
	" ORDER BY expected_close IS NULL, expected_close, id";

static void
fill_risk(struct account_view *v, sqlite3_stmt *st)
{
	struct av_risk *r = PUSH(v, risks, nrisks);

	r->id = sqlite3_column_int64(st, 0);
	r->category = dup(v, st, 1);
	r->severity = dup(v, st, 2);
	r->status = dup(v, st, 3);
	r->opened_on = dup(v, st, 4);
	r->description = dup(v, st, 5);
	r->mitigation = dup(v, st, 6);
}

static const char sql_risks[] =
	"SELECT id, category, severity, status, opened_on, description, mitigation FROM risks"
	" WHERE account_id = ?1 AND status <> 'closed' AND ?2 IS NOT NULL"
	" ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END,"
	" opened_on";

static void
fill_plan(struct account_view *v, sqlite3_stmt *st)
{
	struct av_plan *p = PUSH(v, plans, nplans);

	p->id = sqlite3_column_int64(st, 0);
	p->status = dup(v, st, 1);
	p->start_date = dup(v, st, 2);
	p->signed_date = dup(v, st, 3);
	p->signed_by = dup(v, st, 4);
	p->objectives = sqlite3_column_int(st, 5);
	p->milestones = sqlite3_column_int(st, 6);
	p->milestones_done = sqlite3_column_int(st, 7);
	p->milestones_on_track = sqlite3_column_int(st, 8);
	p->milestones_at_risk = sqlite3_column_int(st, 9);
}

static const char sql_plans[] =
	"SELECT p.id, p.status, p.start_date, p.signed_date, c.name,"
	" (SELECT count(*) FROM objectives o WHERE o.plan_id = p.id),"
	" count(m.id), coalesce(sum(m.status = 'done'), 0), coalesce(sum(m.status = 'on_track'), 0),"
	" coalesce(sum(m.status IN ('at_risk', 'missed')), 0)"
	" FROM success_plans p LEFT JOIN contacts c ON c.id = p.signed_by_id"
	" LEFT JOIN objectives o ON o.plan_id = p.id LEFT JOIN milestones m ON m.objective_id = o.id"
	" WHERE p.account_id = ?1 AND ?2 IS NOT NULL GROUP BY p.id ORDER BY p.start_date DESC, p.id DESC";

static void
fill_touchpoint(struct account_view *v, sqlite3_stmt *st)
{
	struct av_touchpoint *t = PUSH(v, touchpoints, ntouchpoints);

	t->id = sqlite3_column_int64(st, 0);
	t->date = dup(v, st, 1);
	t->kind = dup(v, st, 2);
	t->summary = dup(v, st, 3);
	t->author = dup(v, st, 4);
	t->sentiment = (int)int_or(st, 5, 0);
	t->proactive = sqlite3_column_int(st, 6);
	t->planned = sqlite3_column_int(st, 7);
	t->follow_ups = dup(v, st, 8);
	t->duration = (int)int_or(st, 9, 0);
}

/* Planned touchpoints (dated after today) first, the soonest on top, then
 * the past ones, latest first. */
static const char sql_touchpoints[] =
	"SELECT t.id, t.date, t.kind, t.summary, u.login, t.sentiment, t.proactive, t.date > ?2,"
	" t.follow_ups, t.duration_min FROM touchpoints t LEFT JOIN users u ON u.id = t.author_id"
	" WHERE t.account_id = ?1"
	" ORDER BY t.date > ?2 DESC, CASE WHEN t.date > ?2 THEN t.date END, t.date DESC, t.id DESC"
	" LIMIT 25";

static void
fill_stage(struct account_view *v, sqlite3_stmt *st)
{
	struct av_stage *g = PUSH(v, stages, nstages);

	g->stage = dup(v, st, 0);
	g->from_date = dup(v, st, 1);
	g->to_date = dup(v, st, 2);
	g->days = int_or(st, 3, -1);
}

/* The stage the account is in, then the periods it left, latest first. */
static const char sql_stages[] =
	"SELECT stage, from_date, to_date, days FROM ("
	" SELECT 0 AS k, 0 AS id, stage, stage_since AS from_date, NULL AS to_date,"
	"  CAST(julianday(?2) - julianday(stage_since) AS INTEGER) AS days FROM accounts WHERE id = ?1"
	" UNION ALL"
	" SELECT 1, id, stage, from_date, to_date, CAST(julianday(to_date) - julianday(from_date) AS INTEGER)"
	"  FROM account_stage_history WHERE account_id = ?1 AND to_date IS NOT NULL)"
	" ORDER BY k, to_date DESC, id DESC";

static int
keep_change(void *ctx, const struct audit_entry *a)
{
	struct account_view *v = ctx;
	struct av_change *c = PUSH(v, history, nhistory);

	c->id = a->id;
	c->at = pool_strdup(&v->pool, a->at);
	c->actor = pool_strdup(&v->pool, a->actor);
	c->action = pool_strdup(&v->pool, a->action);
	c->table = pool_strdup(&v->pool, a->table);
	c->op = pool_strdup(&v->pool, a->op);
	c->changes = pool_strdup(&v->pool, a->changes);
	return 0;
}

enum status
store_account_view(struct store *s, int64_t id, struct account_view **out, struct err *e)
{
	struct account_view *v = xcalloc(1, sizeof(*v));
	static const struct {
		const char *sql;
		fill_fn fill;
	} parts[] = {
		{ sql_identity, fill_identity }, { sql_signals, fill_signals },
		{ sql_contacts, fill_contact }, { sql_contracts, fill_contract },
		{ sql_ledger, fill_ledger }, { sql_renewals, fill_renewal },
		{ sql_tasks, fill_task }, { sql_items, fill_item },
		{ sql_opportunities, fill_opportunity }, { sql_risks, fill_risk },
		{ sql_plans, fill_plan }, { sql_touchpoints, fill_touchpoint },
		{ sql_stages, fill_stage },
	};

	pool_init(&v->pool);
	v->id = id;
	*out = NULL;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (each(s, v, parts[i].sql, parts[i].fill, e)) {
			account_view_free(v);
			return e->status;
		}
		if (i == 0 && !v->name) {
			account_view_free(v);
			return err_set(e, ST_NOINPUT, "no account with id %lld", (long long)id);
		}
	}
	/* What people and playbooks changed, as tend audit --account lists it. */
	if (store_audit_each(s, &(struct audit_query){ .account_id = id, .limit = AV_HISTORY, .people = true },
			     keep_change, v, e)) {
		account_view_free(v);
		return e->status;
	}
	*out = v;
	return ST_OK;
}
