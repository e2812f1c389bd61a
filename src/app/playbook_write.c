/*
 * playbook_write.c -- what a firing writes: its actions' rows, the firing
 * record, notifications, the escalation ladder and the run records, all
 * through the write path (audited row by row, source playbook:RULE).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
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
			*shown = a->am;
		break;
	case PB_ROLE_RM:
		id = a->rm_id;
		if (id)
			*shown = a->rm;
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

static const char *
source(struct pb_exec *x, const struct pb_rule *r)
{
	struct buf b;
	const char *out;

	buf_init(&b);
	buf_addf(&b, "playbook:%s", r->id);
	out = pool_strdup(&x->rep->pool, b.data);
	buf_done(&b);
	return out;
}

static enum status
write_task(struct pb_exec *x, const struct pb_rule *r, const struct pb_action *ac,
	   const struct pb_account *a, int64_t owner, const struct pb_act_report *out,
	   const char *notes, struct wtx *t, struct pb_written *w, struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	int64_t id;
	enum status st;

	row_init(&row, &entity_task);
	row_int(&row, "account", a->id);
	row_text(&row, "title", out->what);
	row_text(&row, "kind", ac->value ? ac->value : ac->kind == PB_ACT_CHECKLIST ? "lifecycle" : "activity");
	row_text(&row, "priority", ac->priority ? ac->priority : "medium");
	if (owner)
		row_int(&row, "owner", owner);
	if (out->due)
		row_text(&row, "due_date", out->due);
	row_text(&row, "status", "open");
	row_text(&row, "source", source(x, r));
	row_text(&row, "created_on", date_format(x->day, today));
	if (notes)
		row_text(&row, "notes", notes);
	st = wtx_insert(t, &row, &id, e);
	row_done(&row);
	if (!st && !w->task_id)
		w->task_id = id;
	for (size_t i = 0; !st && ac->checklist && i < ac->checklist->nitems; i++) {
		row_init(&row, &entity_task_item);
		row_int(&row, "task", id);
		row_int(&row, "position", (int64_t)i + 1);
		row_text(&row, "text", pb_text(x, r, a, NULL, out->due, ac->checklist->items[i]));
		row_int(&row, "done", 0);
		st = wtx_insert(t, &row, NULL, e);
		row_done(&row);
	}
	return st;
}

static enum status
write_risk(struct pb_exec *x, const struct pb_rule *r, const struct pb_action *ac,
	   const struct pb_account *a, int64_t owner, const char *description, struct wtx *t,
	   struct pb_written *w, struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	int64_t id;
	enum status st;

	row_init(&row, &entity_risk);
	row_int(&row, "account", a->id);
	row_text(&row, "category", ac->value);
	row_text(&row, "severity", ac->priority ? ac->priority : "medium");
	row_text(&row, "status", "open");
	row_text(&row, "opened_on", date_format(x->day, today));
	if (owner)
		row_int(&row, "owner", owner);
	if (description)
		row_text(&row, "description", description);
	row_text(&row, "source", source(x, r));
	st = wtx_insert(t, &row, &id, e);
	row_done(&row);
	if (!st && !w->risk_id)
		w->risk_id = id;
	return st;
}

static enum status
write_account(struct pb_exec *x, const struct pb_action *ac, const struct pb_account *a,
	      struct wtx *t, struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	struct buf tags;
	enum status st = ST_OK;

	row_init(&row, &entity_account);
	buf_init(&tags);
	if (ac->kind == PB_ACT_STAGE) {
		row_text(&row, "stage", ac->value);
		row_text(&row, "stage_since", date_format(x->day, today));
	} else {
		buf_addf(&tags, "%s%s%s", a->tags, *a->tags ? ";" : "", ac->value);
		st = row_parse(x->s, &row, entity_field(&entity_account, "tags"), tags.data, e);
	}
	if (!st)
		st = wtx_update(t, &row, a->id, e);
	buf_done(&tags);
	row_done(&row);
	return st;
}

static bool
has_tag(const char *tags, const char *tag)
{
	size_t n = strlen(tag);

	for (const char *p = tags; *p; p = strchr(p, ';') ? strchr(p, ';') + 1 : p + strlen(p))
		if (!strncmp(p, tag, n) && (p[n] == ';' || !p[n]))
			return true;
	return false;
}

static enum status
write_opportunity(struct pb_exec *x, const struct pb_rule *r, const struct pb_action *ac,
		  const struct pb_account *a, const char *title, struct wtx *t, struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	(void)r;
	row_init(&row, &entity_opportunity);
	row_int(&row, "account", a->id);
	if (title)
		row_text(&row, "title", title);
	row_text(&row, "kind", ac->value);
	row_int(&row, "arr", ac->arr_cents);
	row_text(&row, "stage", "qualify");
	row_text(&row, "forecast_category", "pipeline");
	if (a->am)
		row_text(&row, "am", a->am);
	if (a->owner_id)
		row_int(&row, "sourced_by", a->owner_id);
	row_text(&row, "handshake_status", "proposed");
	row_text(&row, "created_on", date_format(x->day, today));
	st = wtx_insert(t, &row, NULL, e);
	row_done(&row);
	return st;
}

enum status
pb_exec_action(struct pb_exec *x, const struct pb_rule *r, const struct pb_action *ac,
	       const struct pb_account *a, const struct fact_value *facts, struct wtx *t,
	       struct pb_written *w, struct pb_act_report *out, struct err *e)
{
	struct pool *pool = &x->rep->pool;
	const char *shown = NULL, *text;
	char due[DATE_STRLEN], line[96];
	int64_t owner = 0;

	memset(out, 0, sizeof(*out));
	out->action = pb_action_names[ac->kind];
	if (ac->due_days >= 0)
		out->due = pool_strdup(pool, date_format(x->day + ac->due_days, due));
	if (ac->kind == PB_ACT_TASK || ac->kind == PB_ACT_CHECKLIST || ac->kind == PB_ACT_RISK ||
	    ac->kind == PB_ACT_NOTIFY) {
		owner = pb_role_user(a, ac->role, &shown);
		out->who = shown;
	}
	switch (ac->kind) {
	case PB_ACT_TASK:
	case PB_ACT_CHECKLIST:
		out->what = pb_text(x, r, a, facts, out->due,
				    ac->title ? ac->title : ac->checklist ? ac->checklist->title : NULL);
		snprintf(line, sizeof(line), "%s, %s",
			 ac->value ? ac->value : ac->kind == PB_ACT_CHECKLIST ? "lifecycle" : "activity",
			 ac->priority ? ac->priority : "medium");
		out->detail = pool_strdup(pool, line);
		out->items = ac->checklist ? ac->checklist->nitems : 0;
		text = pb_text(x, r, a, facts, out->due, ac->text);
		return t ? write_task(x, r, ac, a, owner, out, text, t, w, e) : ST_OK;
	case PB_ACT_RISK:
		out->what = ac->value;
		out->detail = ac->priority ? ac->priority : "medium";
		text = pb_text(x, r, a, facts, out->due, ac->text);
		return t ? write_risk(x, r, ac, a, owner, text, t, w, e) : ST_OK;
	case PB_ACT_STAGE:
		out->form = PB_FORM_CHANGE;
		out->what = ac->value;
		if (!strcmp(a->stage, ac->value)) {
			out->unchanged = true;
			out->detail = "unchanged";
			return ST_OK;
		}
		out->detail = a->stage;   /* the stage it leaves */
		return t ? write_account(x, ac, a, t, e) : ST_OK;
	case PB_ACT_TAG:
		out->form = PB_FORM_CHANGE;
		out->what = ac->value;
		if (has_tag(a->tags, ac->value)) {
			out->unchanged = true;
			out->detail = "unchanged";
			return ST_OK;
		}
		return t ? write_account(x, ac, a, t, e) : ST_OK;
	case PB_ACT_NOTIFY:
		out->form = PB_FORM_MESSAGE;
		out->what = pb_text(x, r, a, facts, NULL, ac->text);
		if (t) {
			struct pb_pending *p;

			if (!w->notes)
				w->notes = pool_alloc(pool, r->nactions * sizeof(*w->notes));
			p = &w->notes[w->nnotes++];
			p->recipient = owner;
			p->role = ac->role;
			p->message = out->what;
		}
		return ST_OK;
	case PB_ACT_OPPORTUNITY:
		out->what = pb_text(x, r, a, facts, NULL, ac->title);
		out->detail = ac->value;
		return t ? write_opportunity(x, r, ac, a, out->what, t, e) : ST_OK;
	case PB_ACT_COUNT_:
		break;
	}
	return ST_OK;
}

/* An inbox item; firing may be 0. */
enum status
pb_exec_inbox(struct pb_exec *x, const struct pb_rule *r, int64_t account, int64_t recipient,
	      enum pb_role role, int level, const char *message, const char *due, int64_t firing,
	      struct wtx *t, struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	row_init(&row, &entity_inbox);
	row_text(&row, "created_on", date_format(x->day, today));
	row_text(&row, "kind", level ? "escalation" : "notification");
	row_int(&row, "account", account);
	if (recipient)
		row_int(&row, "recipient", recipient);
	row_text(&row, "recipient_role", pb_role_names[role]);
	row_int(&row, "level", level);
	row_text(&row, "message", message && *message ? message : r->id);
	if (due)
		row_text(&row, "due_date", due);
	row_text(&row, "status", "unread");
	row_text(&row, "source", source(x, r));
	if (firing)
		row_int(&row, "firing", firing);
	st = wtx_insert(t, &row, NULL, e);
	row_done(&row);
	return st;
}

enum status
pb_exec_firing(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
	       const char *scope_key, struct wtx *t, struct pb_written *w, struct err *e)
{
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
	for (size_t i = 0; !st && i < w->nnotes; i++)
		st = pb_exec_inbox(x, r, a->id, w->notes[i].recipient, w->notes[i].role, 0,
				   w->notes[i].message, NULL, id, t, e);
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
