/*
 * playbook_write.c -- what a firing writes: its actions (each through its
 * type's describe and execute, app/pba_*.c), the firing record,
 * notifications, the escalation ladder and the run records, all through
 * the write path (audited row by row, source playbook:RULE); and what the
 * actions share: texts expanded for an account, roles resolved to a task's
 * or risk's owner (whom an inbox item goes to is playbook_route.c's).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "domain/playbook_action.h"
#include "app/playbook_exec.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

int64_t
pb_role_user(const struct pb_account *a, enum pb_role role, const char **shown)
{
	int64_t id = 0;

	*shown = pb_role_names[role];
	switch (role) {
	case PB_ROLE_CSM:
		id = a->owner_id;
		if (id)
			*shown = a->owner_login;
		break;
	case PB_ROLE_LEAD:
		id = a->lead_id;
		if (id)
			*shown = a->lead_login;
		break;
	case PB_ROLE_AM:
		id = a->am_id;
		if (id)
			*shown = a->am_login;
		break;
	case PB_ROLE_RM:
		id = a->rm_id;
		if (id)
			*shown = a->rm_login;
		break;
	default:
		break;
	}
	return id;
}

struct lookup {
	struct pb_exec *x;
	const struct pb_rule *r;
	const struct pb_account *a;
	const struct fact_value *facts;
	const char *due;
	char tmp[64];
};

static const char *
lookup(void *ctx, const char *name)
{
	struct lookup *l = ctx;
	const struct pb_account *a = l->a;
	int32_t d;

	if (!strcmp(name, "account.name"))
		return a->name;
	if (!strcmp(name, "account.external_id"))
		return a->external_id;
	if (!strcmp(name, "account.owner"))
		return a->owner_id ? a->owner_name : "pooled";
	if (!strcmp(name, "account.segment"))
		return a->segment;
	if (!strcmp(name, "account.stage"))
		return a->stage;
	if (!strcmp(name, "account.arr"))
		return money_format_grouped(a->arr_cents, a->arr_cents % 100 == 0, l->tmp);
	if (!strcmp(name, "renewal.due"))
		return a->renewal_id ? a->renewal_due : NULL;
	if (!strcmp(name, "renewal.days")) {
		if (!a->renewal_id || !date_parse(a->renewal_due, &d))
			return NULL;
		snprintf(l->tmp, sizeof(l->tmp), "%ld", (long)(d - l->x->day));
		return l->tmp;
	}
	if (!strcmp(name, "renewal.arr"))
		return a->renewal_id ? money_format_grouped(a->renewal_arr_cents,
							    a->renewal_arr_cents % 100 == 0, l->tmp) : NULL;
	if (!strcmp(name, "rule.id"))
		return l->r->id;
	if (!strcmp(name, "today"))
		return date_format(l->x->day, l->tmp);
	if (!strcmp(name, "due"))
		return l->due;
	if (!strncmp(name, "fact.", 5)) {
		int f = fact_lookup(name + 5);

		if (f < 0 || !l->facts)
			return NULL;
		return fact_text(&fact_defs[f], &l->facts[f], l->tmp, sizeof(l->tmp));
	}
	return NULL;
}

const char *
pb_text(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
	const struct fact_value *facts, const char *due, const char *tmpl)
{
	struct lookup l = { .x = x, .r = r, .a = a, .facts = facts, .due = due };
	struct buf b;
	const char *out;

	if (!tmpl)
		return NULL;
	buf_init(&b);
	pb_expand(&b, tmpl, lookup, &l);
	out = pool_strdup(&x->rep->pool, b.data ? b.data : "");
	buf_done(&b);
	return out;
}

const char *
pb_fire_text(struct pb_fire *f, const char *due, const char *tmpl)
{
	return pb_text(f->x, f->rule, f->account, f->facts, due, tmpl);
}

const char *
pb_source(struct pb_exec *x, const struct pb_rule *r)
{
	struct buf b;
	const char *out;

	buf_init(&b);
	buf_addf(&b, "playbook:%s", r->id);
	out = pool_strdup(&x->rep->pool, b.data);
	buf_done(&b);
	return out;
}

enum status
pb_exec_action(struct pb_fire *f, const struct pb_action *ac, struct pb_act_report *out,
	       struct err *e)
{
	struct pb_exec *x = f->x;
	char due[DATE_STRLEN];

	memset(out, 0, sizeof(*out));
	out->action = ac->ops->name;
	if (ac->due_days >= 0)
		out->due = pool_strdup(&x->rep->pool, date_format(x->day + ac->due_days, due));
	ac->ops->describe(f, ac, out);
	if (!f->t || out->unchanged)
		return ST_OK;
	return ac->ops->execute(f, ac, out, e);
}

static enum status
inbox_row(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
	  const struct pb_route *route, const struct pb_dest *to, int level, const char *message,
	  const char *due, int64_t firing, struct wtx *t, struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	row_init(&row, &entity_inbox);
	row_text(&row, "created_on", date_format(x->day, today));
	row_text(&row, "kind", level ? "escalation" : "notification");
	row_int(&row, "account", a->id);
	if (to && to->user)
		row_int(&row, "recipient", to->user);
	if (to && to->address)
		row_text(&row, "address", to->address);
	row_text(&row, "recipient_role", pb_role_names[route->role]);
	if (route->redirected)
		row_text(&row, "redirected_from", pb_role_names[route->role]);
	row_int(&row, "level", level);
	row_text(&row, "message", message && *message ? message : r->id);
	if (due)
		row_text(&row, "due_date", due);
	row_text(&row, "status", "unread");
	row_text(&row, "source", pb_source(x, r));
	if (firing)
		row_int(&row, "firing", firing);
	st = wtx_insert(t, &row, NULL, e);
	row_done(&row);
	return st;
}

/* Firing may be 0. */
enum status
pb_exec_inbox(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
	      const struct pb_route *route, int level, const char *message, const char *due,
	      int64_t firing, struct wtx *t, struct err *e)
{
	enum status st = ST_OK;

	if (!route->n)
		return inbox_row(x, r, a, route, NULL, level, message, due, firing, t, e);
	for (size_t i = 0; !st && i < route->n; i++)
		st = inbox_row(x, r, a, route, &route->to[i], level, message, due, firing, t, e);
	return st;
}

enum status
pb_exec_firing(struct pb_fire *f, const char *scope_key, struct err *e)
{
	struct pb_exec *x = f->x;
	const struct pb_rule *r = f->rule;
	const struct pb_account *a = f->account;
	const struct pb_written *w = &f->w;
	struct wtx *t = f->t;
	char today[DATE_STRLEN];
	struct row row;
	int64_t id;
	enum status st;

	row_init(&row, &entity_playbook_firing);
	row_text(&row, "rule_id", r->id);
	row_int(&row, "account", a->id);
	row_text(&row, "scope_key", scope_key);
	row_text(&row, "fired_on", date_format(x->day, today));
	row_int(&row, "run", x->rep->run_id);
	if (w->task_id)
		row_int(&row, "task", w->task_id);
	if (w->risk_id)
		row_int(&row, "risk", w->risk_id);
	st = wtx_insert(t, &row, &id, e);
	row_done(&row);
	for (size_t i = 0; !st && i < w->nnotes; i++) {
		struct pb_route route;

		if (!(st = pb_route(x, a, w->notes[i].role, &route, e)))
			st = pb_exec_inbox(x, r, a, &route, 0, w->notes[i].message, NULL, id, t, e);
	}
	if (!st && r->nsteps) {
		row_init(&row, &entity_escalation);
		row_int(&row, "firing", id);
		row_int(&row, "steps", 0);
		row_text(&row, "status", "open");
		st = wtx_insert(t, &row, NULL, e);
		row_done(&row);
	}
	x->firings += !st;
	return st;
}

enum status
pb_exec_rule_run(struct pb_exec *x, const struct pb_rule *r, const struct pb_rule_report *rr,
		 struct wtx *t, struct err *e)
{
	struct row row;
	enum status st;

	row_init(&row, &entity_playbook_rule_run);
	row_int(&row, "run", x->rep->run_id);
	row_text(&row, "rule_id", r->id);
	row_int(&row, "matched", rr->matched);
	row_int(&row, "fired", rr->fired);
	st = wtx_insert(t, &row, NULL, e);
	row_done(&row);
	return st;
}

static enum status
run_record(struct pb_exec *x, bool end, struct err *e)
{
	char stamp[32], today[DATE_STRLEN];
	struct wtx *t;
	struct row row;
	enum status st;

	if ((st = wtx_begin(x->s, "playbook run", WTX_AUDIT_ROWS, &t, e)))
		return st;
	row_init(&row, &entity_playbook_run);
	if (!end) {
		clock_stamp(store_clock(x->s), stamp, sizeof(stamp));
		row_text(&row, "at", stamp);
		row_text(&row, "as_of", date_format(x->day, today));
		row_text(&row, "actor", store_actor(x->s));
	}
	row_int(&row, "rules", (int64_t)x->rep->nrules);
	row_int(&row, "firings", x->firings);
	row_int(&row, "steps", x->steps);
	st = end ? wtx_update(t, &row, x->rep->run_id, e) : wtx_insert(t, &row, &x->rep->run_id, e);
	row_done(&row);
	if (st) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}

enum status
pb_exec_begin_run(struct pb_exec *x, struct err *e)
{
	return run_record(x, false, e);
}

enum status
pb_exec_end_run(struct pb_exec *x, struct err *e)
{
	return run_record(x, true, e);
}
