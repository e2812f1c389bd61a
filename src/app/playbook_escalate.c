/*
 * playbook_escalate.c -- climbing escalation ladders (see playbook_run.h).
 *
 * A ladder starts at its firing.  Step k is due on fired_on + after_k; on
 * each run, for every open ladder, the next step is checked first against
 * its `unless` (the firing's task done, its risk mitigated, the last
 * request acknowledged): if one holds, the ladder stops, resolved.  Else,
 * when due, the step is taken -- an inbox request to whoever its role
 * reaches (pb_route, the same rule as notifications), due when the next
 * step would fire, and the task's escalation level raised -- and the
 * next step is checked the same way (a run after a gap takes every step
 * that fell due).  After its last step a ladder is exhausted.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/xalloc.h"
#include "app/playbook_exec.h"
#include "store/facts.h"
#include "store/row.h"
#include "store/wtx.h"

struct ladders {
	struct pb_exec *x;
	struct pb_open_escalation *v;
	size_t n, cap;
};

static int
keep(void *ctx, const struct pb_open_escalation *o)
{
	struct ladders *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n] = *o;
	l->v[l->n].rule_id = pool_strdup(&l->x->rep->pool, o->rule_id);
	l->n++;
	return 0;
}

struct one_facts {
	struct pool *pool;
	struct fact_value *v;
};

static int
copy_facts(void *ctx, const struct fact_row *row)
{
	struct one_facts *o = ctx;

	memcpy(o->v, row->v, sizeof(row->v));
	for (int i = 0; i < FACT_COUNT_; i++)
		if (o->v[i].label)
			o->v[i].label = pool_strdup(o->pool, o->v[i].label);
	return 1;
}

static struct pb_step_report *
new_step(struct pb_report *rep, const struct pb_open_escalation *o, const struct pb_account *a)
{
	struct pb_step_report *sr;

	if (rep->nsteps == rep->capsteps) {
		rep->capsteps = rep->capsteps ? rep->capsteps * 2 : 32;
		rep->steps = xreallocarray(rep->steps, rep->capsteps, sizeof(*rep->steps));
	}
	sr = &rep->steps[rep->nsteps++];
	memset(sr, 0, sizeof(*sr));
	sr->rule_id = o->rule_id;
	sr->account_id = o->account_id;
	sr->account = a->external_id;
	sr->account_name = a->name;
	return sr;
}

static const char *
holds(const struct pb_step *step, const struct pb_open_escalation *o)
{
	if ((step->unless & PB_UNLESS_TASK_DONE) && o->task_done)
		return "task_done";
	if ((step->unless & PB_UNLESS_RISK_MITIGATED) && o->risk_mitigated)
		return "risk_mitigated";
	if ((step->unless & PB_UNLESS_ACKNOWLEDGED) && o->acknowledged)
		return "acknowledged";
	return NULL;
}

static enum status
update_ladder(struct pb_exec *x, const struct pb_open_escalation *o, int steps, const char *status,
	      const char *resolution, struct wtx *t, struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	row_init(&row, &entity_escalation);
	row_int(&row, "steps", steps);
	row_text(&row, "status", status);
	if (strcmp(status, "open"))
		row_text(&row, "closed_on", date_format(x->day, today));
	if (resolution)
		row_text(&row, "resolution", resolution);
	st = wtx_update(t, &row, o->id, e);
	row_done(&row);
	return st;
}

static enum status
raise_task(struct pb_exec *x, const struct pb_open_escalation *o, int level, struct wtx *t,
	   struct err *e)
{
	struct row row;
	enum status st;
	int64_t task = 0;

	if ((st = store_pb_firing_task(x->s, o->firing_id, &task, e)) || !task)
		return st;
	row_init(&row, &entity_task);
	row_int(&row, "escalation_level", level);
	st = wtx_update(t, &row, task, e);
	row_done(&row);
	return st;
}

/* Take what is due on one ladder. */
static enum status
climb(struct pb_exec *x, const struct pb_rule *r, const struct pb_open_escalation *o,
      struct wtx *t, struct err *e)
{
	struct pool *pool = &x->rep->pool;
	struct pb_account a;
	struct fact_value *facts = NULL;
	bool used[FACT_COUNT_] = { 0 }, any = false;
	const char *why = NULL;
	int k = o->steps;
	enum status st;

	if ((st = store_pb_account(x->s, o->account_id, x->day, pool, &a, e)))
		return st;
	pb_text_facts(r, used);
	for (int i = 0; i < FACT_COUNT_; i++)
		any |= used[i];
	for (; k < (int)r->nsteps; k++) {
		const struct pb_step *step = &r->steps[k];
		struct pb_step_report *sr;
		struct pb_route route;
		char due[DATE_STRLEN];

		if ((why = holds(step, o)))
			break;
		if (x->day < o->fired_on + step->after_days)
			break;
		if (any && !facts) {
			struct one_facts of = { pool, pool_alloc(pool, sizeof(struct fact_value) * FACT_COUNT_) };

			memset(of.v, 0, sizeof(struct fact_value) * FACT_COUNT_);
			if ((st = store_facts_each(x->s, x->day, o->account_id, copy_facts, &of, e)))
				return st;
			facts = of.v;
		}
		if ((st = pb_route(x, &a, step->to, &route, e)))
			return st;
		sr = new_step(x->rep, o, &a);
		sr->level = k + 1;
		sr->to = route.shown;
		if (k + 1 < (int)r->nsteps)
			sr->due = pool_strdup(pool, date_format(o->fired_on + r->steps[k + 1].after_days, due));
		sr->request = pb_text(x, r, &a, facts, sr->due, step->request);
		if (t) {
			st = pb_exec_inbox(x, r, &a, &route, k + 1, sr->request, sr->due,
					   o->firing_id, t, e);
			if (!st)
				st = raise_task(x, o, k + 1, t, e);
			if (st)
				return st;
		}
		x->steps++;
	}
	if (why) {
		struct pb_step_report *sr = new_step(x->rep, o, &a);

		sr->resolution = why;
		return t ? update_ladder(x, o, k, "resolved", why, t, e) : ST_OK;
	}
	if (k == o->steps)
		return ST_OK;
	if (!t)
		return ST_OK;
	return update_ladder(x, o, k, k == (int)r->nsteps ? "exhausted" : "open", NULL, t, e);
}

enum status
pb_escalate(struct pb_exec *x, const char *only_rule, struct err *e)
{
	struct ladders l = { .x = x };
	struct wtx *t = NULL;
	enum status st;

	if ((st = store_pb_escalations(x->s, keep, &l, e)))
		return st;
	if (l.n && !x->rep->dry_run)
		st = wtx_begin(x->s, "playbook escalate", WTX_AUDIT_ROWS, &t, e);
	for (size_t i = 0; !st && i < l.n; i++) {
		const struct pb_rule *r = playbook_find(x->set, l.v[i].rule_id);

		if (only_rule && strcmp(only_rule, l.v[i].rule_id))
			continue;
		if (!r) {
			x->rep->orphans++;
			continue;
		}
		st = climb(x, r, &l.v[i], t, e);
	}
	if (t) {
		if (st)
			wtx_abort(t);
		else
			st = wtx_commit(t, e);
	}
	free(l.v);
	return st;
}
