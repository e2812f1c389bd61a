/*
 * playbook_run.c -- evaluating rules and firing them (see playbook_run.h).
 * Escalations are in playbook_escalate.c; both build their writes with
 * the helpers of playbook_write.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/money.h"
#include "core/xalloc.h"
#include "domain/playbook_exec.h"
#include "store/playbook_store.h"
#include "store/rule_sql.h"
#include "store/wtx.h"

/* Accounts a rule fires for, copied out of the statement's rows. */
struct hit {
	int64_t account_id;
	const char *scope_key;
	struct fact_value *facts;     /* by fact id, in the report's pool; NULL
					 when the rule's texts use no {fact.*} */
};

struct collect {
	struct pb_report *rep;
	struct pb_rule_report *rr;
	const struct rule_sql *q;
	struct hit *hits;
	size_t n, cap;
};

static int
collect_match(void *ctx, const struct pb_match *m)
{
	struct collect *c = ctx;
	struct hit *h;

	c->rr->matched++;
	if (!m->scope_key || m->fired_before) {
		c->rr->already++;
		return 0;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->hits = xreallocarray(c->hits, c->cap, sizeof(*c->hits));
	}
	h = &c->hits[c->n++];
	h->account_id = m->account_id;
	h->scope_key = pool_strdup(&c->rep->pool, m->scope_key);
	h->facts = NULL;
	if (c->q->nfacts) {
		h->facts = pool_alloc(&c->rep->pool, FACT_COUNT_ * sizeof(*h->facts));
		memset(h->facts, 0, FACT_COUNT_ * sizeof(*h->facts));
	}
	for (int i = 0; i < c->q->nfacts; i++) {
		int f = c->q->facts[i];

		h->facts[f] = m->facts[f];
		if (m->facts[f].label)
			h->facts[f].label = pool_strdup(&c->rep->pool, m->facts[f].label);
	}
	return 0;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct pb_fire_report *
new_fire(struct pb_report *rep)
{
	if (rep->nfires == rep->capfires) {
		rep->capfires = rep->capfires ? rep->capfires * 2 : 64;
		rep->fires = xreallocarray(rep->fires, rep->capfires, sizeof(*rep->fires));
	}
	memset(&rep->fires[rep->nfires], 0, sizeof(rep->fires[0]));
	return &rep->fires[rep->nfires++];
}

/* Plan (and with t, write) one firing of r for hit h. */
static enum status
fire(struct pb_exec *x, const struct pb_rule *r, const struct hit *h, struct wtx *t, struct err *e)
{
	struct pb_report *rep = x->rep;
	struct pb_fire_report *f;
	struct pb_account a;
	struct pb_written w = { 0 };
	enum status st;

	if ((st = store_pb_account(x->s, h->account_id, x->day, &rep->pool, &a, e)))
		return st;
	f = new_fire(rep);
	f->rule_id = r->id;
	f->account_id = a.id;
	f->account = a.external_id;
	f->account_name = a.name;
	f->scope_key = h->scope_key;
	f->acts = pool_alloc(&rep->pool, r->nactions * sizeof(*f->acts));
	for (size_t i = 0; i < r->nactions; i++) {
		if ((st = pb_exec_action(x, r, &r->actions[i], &a, h->facts, t, &w, &f->acts[f->nacts], e)))
			return st;
		f->nacts++;
	}
	if (t)
		st = pb_exec_firing(x, r, &a, h->scope_key, t, &w, e);
	return st;
}

static enum status
run_rule(struct pb_exec *x, const struct pb_rule *r, struct pb_rule_report *rr, struct err *e)
{
	struct rule_sql q;
	struct collect c = { .rep = x->rep, .rr = rr, .q = &q };
	struct wtx *t = NULL;
	enum status st;
	double t0 = now_ms();

	rr->rule_id = r->id;
	rule_sql_compile(r, &q);
	st = store_rule_eval(x->s, &q, r->id, x->day, collect_match, &c, e);
	rr->ms = now_ms() - t0;
	/* The audit log names the rule: the action is its source mark. */
	if (!st && !x->rep->dry_run) {
		char action[160];

		snprintf(action, sizeof(action), "playbook:%s", r->id);
		st = wtx_begin(x->s, action, WTX_AUDIT_ROWS, &t, e);
	}
	for (size_t i = 0; !st && i < c.n; i++) {
		st = fire(x, r, &c.hits[i], t, e);
		rr->fired += !st;
	}
	if (!st && t)
		st = pb_exec_rule_run(x, r, rr, t, e);
	if (t) {
		if (st)
			wtx_abort(t);
		else
			st = wtx_commit(t, e);
	}
	if (st)
		err_wrap(e, "rule %s", r->id);
	free(c.hits);
	rule_sql_done(&q);
	return st;
}

enum status
playbook_run(struct store *s, const struct playbook_set *set, const struct pb_run_opts *o,
	     struct pb_report *rep, struct err *e)
{
	struct pb_exec x = { .s = s, .set = set, .rep = rep, .day = o->day };
	enum status st = ST_OK;
	size_t n = 0;

	memset(rep, 0, sizeof(*rep));
	pool_init(&rep->pool);
	rep->dry_run = o->dry_run;
	rep->day = o->day;
	if (o->only_rule && !playbook_find(set, o->only_rule))
		return err_set(e, ST_USAGE, "no rule '%s' in the playbooks in force (see 'tend playbook list')",
			       o->only_rule);
	rep->rules = pool_alloc(&rep->pool, (set->nrules + 1) * sizeof(*rep->rules));
	if (!o->dry_run && (st = pb_exec_begin_run(&x, e)))
		return st;
	store_pb_scan(s, true);
	for (size_t i = 0; !st && i < set->nrules; i++) {
		const struct pb_rule *r = set->rules[i];

		if (o->only_rule ? strcmp(r->id, o->only_rule) : !r->enabled)
			continue;
		memset(&rep->rules[n], 0, sizeof(rep->rules[n]));
		st = run_rule(&x, r, &rep->rules[n], e);
		n++;
		rep->nrules = n;
	}
	if (!st)
		st = pb_escalate(&x, o->only_rule, e);
	store_pb_scan(s, false);
	if (!o->dry_run && rep->run_id) {
		struct err e2 = { 0 };
		enum status st2 = pb_exec_end_run(&x, &e2);

		if (!st && st2) {
			*e = e2;
			st = st2;
		}
	}
	return st;
}

void
pb_report_free(struct pb_report *rep)
{
	free(rep->fires);
	free(rep->steps);
	pool_done(&rep->pool);
	memset(rep, 0, sizeof(*rep));
}
