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
#include "app/playbook_exec.h"
#include "store/account_facts.h"
#include "store/playbook_store.h"
#include "store/rule_sql.h"
#include "store/store.h"
#include "store/wtx.h"

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

/* Plan (and with t, write) one firing of r for hit h of res. */
static enum status
fire(struct pb_exec *x, const struct pb_rule *r, const struct rule_result *res, const struct pb_hit *h,
     struct wtx *t, struct err *e)
{
	struct pb_report *rep = x->rep;
	struct pb_fire_report *fr;
	struct pb_account a;
	struct fact_value facts[FACT_COUNT_];   /* by fact id, for placeholders */
	struct pb_fire f = { .x = x, .rule = r, .account = &a, .facts = h->facts ? facts : NULL,
			     .t = t };
	enum status st;

	if (h->facts) {
		memset(facts, 0, sizeof(facts));
		for (int i = 0; i < res->nfacts; i++)
			facts[res->facts[i]] = h->facts[i];
	}
	if ((st = store_pb_account(x->s, h->account_id, x->day, &rep->pool, &a, e)))
		return st;
	fr = new_fire(rep);
	fr->rule_id = r->id;
	fr->account_id = a.id;
	fr->account = a.external_id;
	fr->account_name = a.name;
	fr->scope_key = h->scope_key;
	fr->acts = pool_alloc(&rep->pool, r->nactions * sizeof(*fr->acts));
	for (size_t i = 0; i < r->nactions; i++) {
		if ((st = pb_exec_action(&f, &r->actions[i], &fr->acts[fr->nacts], e)))
			return st;
		fr->nacts++;
	}
	if (t)
		st = pb_exec_firing(&f, h->scope_key, e);
	return st;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Apply one rule's hits: its firings, in one transaction (none in a dry run). */
static enum status
apply_rule(struct pb_exec *x, const struct pb_rule *r, const struct rule_result *res,
	   struct pb_rule_report *rr, struct err *e)
{
	struct wtx *t = NULL;
	enum status st = ST_OK;

	rr->rule_id = r->id;
	rr->matched = res->matched;
	rr->already = res->already;
	rr->ms = res->ms;
	/* The audit log names the rule: the action is its source mark. */
	if (!x->rep->dry_run) {
		char action[160];

		snprintf(action, sizeof(action), "playbook:%s", r->id);
		st = wtx_begin(x->s, action, WTX_AUDIT_ROWS, &t, e);
	}
	for (size_t i = 0; !st && i < res->n; i++) {
		st = fire(x, r, res, &res->hits[i], t, e);
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
	return st;
}

/* The rules this run evaluates, in order. */
static size_t
chosen(const struct playbook_set *set, const char *only, const struct pb_rule **out)
{
	size_t n = 0;

	for (size_t i = 0; i < set->nrules; i++)
		if (only ? !strcmp(set->rules[i]->id, only) : set->rules[i]->enabled)
			out[n++] = set->rules[i];
	return n;
}

/* Which facts the rules read: those stored by the day's recompute when
 * they are fresh (unless live ones were asked for), else facts computed
 * from the book -- the same values, only slower. */
static enum status
facts_source(struct pb_exec *x, bool live, struct err *e)
{
	struct stored_facts sf;

	if (store_account_facts_state(x->s, x->day, &sf, e))
		return e->status;
	x->rep->facts_stored = sf.fresh && !live;
	snprintf(x->rep->facts_as_of, sizeof(x->rep->facts_as_of), "%s", sf.as_of);
	x->rep->accounts = sf.accounts;
	return ST_OK;
}

/* Evaluate every chosen rule on the same book, then apply them in order. */
static enum status
run_rules(struct pb_exec *x, const char *only, struct err *e)
{
	const struct pb_rule **rules = xcalloc(x->set->nrules + 1, sizeof(*rules));
	size_t n = chosen(x->set, only, rules);
	struct rule_sql *q = xcalloc(n + 1, sizeof(*q));
	const struct rule_sql **qp = xcalloc(n + 1, sizeof(*qp));
	const char **ids = xcalloc(n + 1, sizeof(*ids));
	struct rule_result *res = xcalloc(n + 1, sizeof(*res));
	enum status st;
	double t0;

	for (size_t i = 0; i < n; i++) {
		rule_sql_compile(rules[i], x->rep->facts_stored, &q[i]);
		qp[i] = &q[i];
		ids[i] = rules[i]->id;
	}
	t0 = now_ms();
	st = store_rules_eval(x->s, qp, ids, n, x->day, res, e);
	x->rep->eval_ms = now_ms() - t0;
	for (size_t i = 0; !st && i < n; i++) {
		memset(&x->rep->rules[i], 0, sizeof(x->rep->rules[i]));
		x->rep->nrules = i + 1;
		st = apply_rule(x, rules[i], &res[i], &x->rep->rules[i], e);
	}
	/* Hits' strings are in the results' pools: keep them for the report. */
	x->rep->results = res;
	x->rep->nresults = n;
	for (size_t i = 0; i < n; i++)
		rule_sql_done(&q[i]);
	free(q);
	free(qp);
	free(ids);
	free(rules);
	return st;
}

enum status
playbook_run(struct store *s, const struct playbook_set *set, const struct pb_run_opts *o,
	     struct pb_report *rep, struct err *e)
{
	struct pb_exec x = { .s = s, .set = set, .rep = rep, .day = o->day, .notify = o->notify };
	enum status st = ST_OK;

	memset(rep, 0, sizeof(*rep));
	pool_init(&rep->pool);
	rep->dry_run = o->dry_run;
	rep->day = o->day;
	if (o->only_rule && !playbook_find(set, o->only_rule))
		return err_set(e, ST_USAGE, "no rule '%s' in the playbooks in force (see 'tend playbook list')",
			       o->only_rule);
	rep->rules = pool_alloc(&rep->pool, (set->nrules + 1) * sizeof(*rep->rules));
	/* A dry run only reads: in one transaction, it sees one state of the
	 * book throughout and takes its locks once, not per account. */
	if ((st = o->dry_run ? store_read_begin(s, e) : pb_exec_begin_run(&x, e)))
		return st;
	if (!(st = facts_source(&x, o->live_facts, e)))
		st = run_rules(&x, o->only_rule, e);
	if (!st)
		st = pb_escalate(&x, o->only_rule, e);
	if (o->dry_run)
		store_read_end(s);
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
	for (size_t i = 0; i < rep->nresults; i++)
		rule_result_done(&rep->results[i]);
	free(rep->results);
	free(rep->fires);
	free(rep->steps);
	pool_done(&rep->pool);
	memset(rep, 0, sizeof(*rep));
}
