/*
 * plan.c -- reading success plans and their objective trees (see plan.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/plan.h"
#include "store/entity.h"
#include "store/plan.h"
#include "store/store_int.h"

enum status
store_plan_current(struct store *s, int64_t account_id, int64_t *plan_id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM success_plans WHERE account_id = ?1"
				      " ORDER BY status = 'done', start_date DESC, id DESC LIMIT 1", e);
	int rc;

	*plan_id = 0;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*plan_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading success plans");
	if (!*plan_id) {
		char *label = store_account_label(s, account_id);
		enum status r = err_set(e, ST_NOINPUT, "no success plan for %s yet ('tend plan new' "
					"starts one)", label ? label : "that account");

		free(label);
		return r;
	}
	return ST_OK;
}

enum status
store_plan_open(struct store *s, int64_t account_id, int64_t *plan_id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM success_plans WHERE account_id = ?1"
				      " AND status <> 'done' ORDER BY id DESC LIMIT 1", e);
	int rc;

	*plan_id = 0;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*plan_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading success plans");
	return ST_OK;
}

/* -- one plan ----------------------------------------------------------------- */

static const char *
pcol(struct plan *p, sqlite3_stmt *st, int i)
{
	return pool_strdup(&p->pool, store_col_text(st, i));
}

static const char sql_head[] =
	"SELECT p.account_id, a.name, a.external_id, a.currency, p.status, p.start_date,"
	" p.signed_date, p.validated_on, p.template, p.signed_by_id, c.name,"
	" p.executive_summary, p.adoption_objectives, p.adoption_activities,"
	" p.finances_timescales, p.measurement_reporting, p.key_risks, p.appendices"
	" FROM success_plans p JOIN accounts a ON a.id = p.account_id"
	" LEFT JOIN contacts c ON c.id = p.signed_by_id WHERE p.id = ?1";

static void
fill_head(struct plan *p, sqlite3_stmt *st)
{
	int i = 0;

	p->account_id = sqlite3_column_int64(st, i++);
	p->account = pcol(p, st, i++);
	p->external_id = pcol(p, st, i++);
	p->currency = pcol(p, st, i++);
	p->status = pcol(p, st, i++);
	p->start_date = pcol(p, st, i++);
	p->signed_date = pcol(p, st, i++);
	p->validated_on = pcol(p, st, i++);
	p->template = pcol(p, st, i++);
	p->signed_by_id = sqlite3_column_int64(st, i++);
	p->signed_by = pcol(p, st, i++);
	for (int k = 0; k < PLAN_NSECTIONS; k++)
		p->section[k] = pcol(p, st, i++);
}

static const char sql_objectives[] =
	"SELECT o.id, o.title, o.type, o.priority, o.beneficiary_id, c.name, o.last_validated,"
	" o.achieved_on, o.confirmed_in_writing, c.email"
	" FROM objectives o LEFT JOIN contacts c ON c.id = o.beneficiary_id"
	" WHERE o.plan_id = ?1 ORDER BY o.position, o.id";

static int cap_objectives(int n) { return n ? n * 2 : 8; }

static void
fill_objective(struct plan *p, sqlite3_stmt *st, int *cap)
{
	struct plan_objective *o;
	int i = 0;

	if (p->nobjectives == *cap) {
		*cap = cap_objectives(*cap);
		p->objectives = xreallocarray(p->objectives, (size_t)*cap, sizeof(*p->objectives));
	}
	o = &p->objectives[p->nobjectives++];
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, i++);
	o->title = pcol(p, st, i++);
	o->type = pcol(p, st, i++);
	o->priority = pcol(p, st, i++);
	o->beneficiary_id = sqlite3_column_int64(st, i++);
	o->beneficiary = pcol(p, st, i++);
	o->last_validated = pcol(p, st, i++);
	o->achieved_on = pcol(p, st, i++);
	o->confirmed = sqlite3_column_int(st, i++) != 0;
	o->beneficiary_email = pcol(p, st, i++);
}

static struct plan_objective *
find_objective(struct plan *p, int64_t id)
{
	for (int i = 0; i < p->nobjectives; i++)
		if (p->objectives[i].id == id)
			return &p->objectives[i];
	return NULL;
}

static const char sql_milestones[] =
	"SELECT m.objective_id, m.id, m.title, m.owner, m.due_date, m.status, m.done_on"
	" FROM milestones m JOIN objectives o ON o.id = m.objective_id"
	" WHERE o.plan_id = ?1 ORDER BY m.position, m.id";

static void
fill_milestone(struct plan *p, sqlite3_stmt *st)
{
	struct plan_objective *o = find_objective(p, sqlite3_column_int64(st, 0));
	struct plan_milestone *m;

	if (!o)
		return;
	/* Grown one at a time: an objective has a handful. */
	o->milestones = xreallocarray(o->milestones, (size_t)o->nmilestones + 1,
				      sizeof(*o->milestones));
	m = &o->milestones[o->nmilestones++];
	m->id = sqlite3_column_int64(st, 1);
	m->title = pcol(p, st, 2);
	m->owner = pcol(p, st, 3);
	m->due_date = pcol(p, st, 4);
	m->status = pcol(p, st, 5);
	m->done_on = pcol(p, st, 6);
}

static const char sql_kpis[] =
	"SELECT k.objective_id, k.id, k.name, k.baseline, k.target, k.current, k.unit,"
	" k.target_date, (SELECT max(r.date) FROM kpi_readings r WHERE r.kpi_id = k.id),"
	" (SELECT count(*) FROM kpi_readings r WHERE r.kpi_id = k.id)"
	" FROM kpis k JOIN objectives o ON o.id = k.objective_id"
	" WHERE o.plan_id = ?1 ORDER BY k.position, k.id";

static bool
col_real(sqlite3_stmt *st, int i, double *out)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return false;
	*out = sqlite3_column_double(st, i);
	return true;
}

static void
fill_kpi(struct plan *p, sqlite3_stmt *st)
{
	struct plan_objective *o = find_objective(p, sqlite3_column_int64(st, 0));
	struct plan_kpi *k;

	if (!o)
		return;
	o->kpis = xreallocarray(o->kpis, (size_t)o->nkpis + 1, sizeof(*o->kpis));
	k = &o->kpis[o->nkpis++];
	memset(k, 0, sizeof(*k));
	k->id = sqlite3_column_int64(st, 1);
	k->name = pcol(p, st, 2);
	k->has_baseline = col_real(st, 3, &k->baseline);
	k->has_target = col_real(st, 4, &k->target);
	k->has_current = col_real(st, 5, &k->current);
	k->unit = pcol(p, st, 6);
	k->target_date = pcol(p, st, 7);
	k->read_on = pcol(p, st, 8);
	k->nreadings = sqlite3_column_int(st, 9);
}

/* Run sql for the plan, calling fill on each row; *rows counts them. */
static enum status
each(struct store *s, const char *sql, struct plan *p, int what, int *rows, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);
	int rc, cap = 0;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, p->id);
	*rows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		(*rows)++;
		switch (what) {
		case 0: fill_head(p, st); break;
		case 1: fill_objective(p, st, &cap); break;
		case 2: fill_milestone(p, st); break;
		default: fill_kpi(p, st); break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the success plan");
	return ST_OK;
}

enum status
store_plan_load(struct store *s, int64_t plan_id, struct plan **out, struct err *e)
{
	static const char *const sqls[] = { sql_head, sql_objectives, sql_milestones, sql_kpis };
	struct plan *p = xcalloc(1, sizeof(*p));
	enum status st = ST_OK;
	int rows = 0;

	*out = NULL;
	pool_init(&p->pool);
	p->id = plan_id;
	for (int i = 0; i < 4 && !st; i++) {
		st = each(s, sqls[i], p, i, &rows, e);
		if (!st && i == 0 && !rows)
			st = err_set(e, ST_NOINPUT, "no success plan with id %lld", (long long)plan_id);
	}
	if (st) {
		plan_free(p);
		return st;
	}
	*out = p;
	return ST_OK;
}

/* -- items ---------------------------------------------------------------------- */

static const struct item_sql {
	const struct entity *ent;
	const char *owner;           /* ?1 = the row: its plan and objective */
	const char *siblings;        /* ?1 = the parent: the ids in order */
	const char *next;            /* ?1 = the parent: the position after the last */
} item_sqls[] = {
	{ &entity_objective, "SELECT plan_id, id FROM objectives WHERE id = ?1",
	  "SELECT id FROM objectives WHERE plan_id = ?1 ORDER BY position, id",
	  "SELECT coalesce(max(position), 0) + 1 FROM objectives WHERE plan_id = ?1" },
	{ &entity_milestone, "SELECT o.plan_id, m.objective_id FROM milestones m"
	  " JOIN objectives o ON o.id = m.objective_id WHERE m.id = ?1",
	  "SELECT id FROM milestones WHERE objective_id = ?1 ORDER BY position, id",
	  "SELECT coalesce(max(position), 0) + 1 FROM milestones WHERE objective_id = ?1" },
	{ &entity_kpi, "SELECT o.plan_id, k.objective_id FROM kpis k"
	  " JOIN objectives o ON o.id = k.objective_id WHERE k.id = ?1",
	  "SELECT id FROM kpis WHERE objective_id = ?1 ORDER BY position, id",
	  "SELECT coalesce(max(position), 0) + 1 FROM kpis WHERE objective_id = ?1" },
	{ &entity_kpi_reading, "SELECT o.plan_id, k.objective_id FROM kpi_readings r"
	  " JOIN kpis k ON k.id = r.kpi_id JOIN objectives o ON o.id = k.objective_id"
	  " WHERE r.id = ?1",
	  "SELECT id FROM kpi_readings WHERE kpi_id = ?1 ORDER BY date, id",
	  "SELECT count(*) + 1 FROM kpi_readings WHERE kpi_id = ?1" },
};

static const struct item_sql *
item_sql(const struct entity *ent)
{
	for (size_t i = 0; i < sizeof(item_sqls) / sizeof(item_sqls[0]); i++)
		if (item_sqls[i].ent == ent)
			return &item_sqls[i];
	return NULL;
}

enum status
store_plan_item(struct store *s, const struct entity *ent, int64_t id, int64_t *plan_id,
		int64_t *objective_id, struct err *e)
{
	const struct item_sql *q = item_sql(ent);
	sqlite3_stmt *st;
	int rc;

	*plan_id = *objective_id = 0;
	if (!q)
		return err_set(e, ST_SOFTWARE, "internal: %s is not a plan item", ent->name);
	if (!(st = store_stmt(s, q->owner, e)))
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*plan_id = sqlite3_column_int64(st, 0);
		*objective_id = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the success plan");
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOINPUT, "no %s with id %lld", ent == &entity_kpi ? "KPI" :
			       ent->name, (long long)id);
	return ST_OK;
}

enum status
store_plan_siblings(struct store *s, const struct entity *ent, int64_t parent, int64_t **ids,
		    int *n, struct err *e)
{
	const struct item_sql *q = item_sql(ent);
	size_t count = 0;
	enum status st;

	*ids = NULL;
	*n = 0;
	if (!q)
		return err_set(e, ST_SOFTWARE, "internal: %s is not a plan item", ent->name);
	st = store_ids(s, q->siblings, parent, ids, &count, "reading the success plan", e);
	*n = (int)count;
	return st;
}

enum status
store_plan_next_position(struct store *s, const struct entity *ent, int64_t parent, int *pos,
			 struct err *e)
{
	const struct item_sql *q = item_sql(ent);
	sqlite3_stmt *st;
	int rc;

	*pos = 1;
	if (!q)
		return err_set(e, ST_SOFTWARE, "internal: %s is not a plan item", ent->name);
	if (!(st = store_stmt(s, q->next, e)))
		return e->status;
	sqlite3_bind_int64(st, 1, parent);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*pos = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading the success plan");
	return ST_OK;
}
