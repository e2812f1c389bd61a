/*
 * team.c -- the team dashboard as one read of the book (see team.h).
 *
 * Data model: store_metrics() over the period gives the scoreboard (the
 * whole book's group) and one group per CSM; the store's per-owner
 * extras and coverage are matched to those groups by login; the roll-ups
 * are copied as they come.  Every string lives in the dashboard's pool or
 * in the metrics book, both released by team_dash_done().  Reads only: no
 * transaction of the write path.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "app/team.h"
#include "store/dash.h"
#include "store/metrics.h"

void
team_targets_default(struct team_targets *t)
{
	memset(t, 0, sizeof(*t));
	t->nrr = 100;                 /* doc/model.md section 4: NRR > 100% */
	t->grr = 90;                  /* renewal rate 90% (churn 10%) */
	t->gross_renewal_rate = 90;
	t->net_renewal_rate = 100;
	t->on_time_renewal_rate = 70; /* CSM target > 70% */
	/* Our defaults (doc/model.md gives none): a sale implemented within a
	 * month, onboarding done in a quarter, adoption and expansion
	 * reviewed at least yearly, a renewal stage no longer than its
	 * T-120 cadence. */
	t->stuck[STAGE_LAND] = 30;
	t->stuck[STAGE_ONBOARD] = 90;
	t->stuck[STAGE_ADOPT] = 365;
	t->stuck[STAGE_EXPAND] = 365;
	t->stuck[STAGE_RENEW] = 120;
}

void
team_targets_from_conf(const struct conf *c, struct team_targets *t)
{
	team_targets_default(t);
	if (c->target_nrr)
		t->nrr = c->target_nrr;
	if (c->target_grr)
		t->grr = c->target_grr;
	if (c->target_gross_renewal_rate)
		t->gross_renewal_rate = c->target_gross_renewal_rate;
	if (c->target_net_renewal_rate)
		t->net_renewal_rate = c->target_net_renewal_rate;
	if (c->target_on_time_renewal_rate)
		t->on_time_renewal_rate = c->target_on_time_renewal_rate;
	for (int i = 0; i < STAGE_CHURNED; i++)
		if (c->stuck_days[i])
			t->stuck[i] = c->stuck_days[i];
}

static const char *
team_of(const struct metrics_book *b, const char *login)
{
	for (size_t i = 0; i < b->nusers; i++)
		if (!strcmp(b->users[i].login, login))
			return b->users[i].team;
	return NULL;
}

const struct team_row *
team_dash_row(const struct team_dash *d, const char *csm)
{
	for (size_t i = 0; csm && i < d->n; i++)
		if (!strcmp(d->rows[i].csm, csm))
			return &d->rows[i];
	return NULL;
}

static struct team_row *
row_of(struct team_dash *d, const char *login)
{
	return (struct team_row *)team_dash_row(d, login ? login : METRICS_POOLED);
}

static int
keep_extra(void *ctx, const struct team_extra *x)
{
	struct team_dash *d = ctx;
	struct team_row *r = row_of(d, x->login);
	struct team_extra *b = &d->book.x;

	if (r) {
		r->x = *x;
		r->x.login = NULL;
	}
	/* The whole book is the sum of every owner's, listed or not. */
	b->red += x->red;
	b->yellow += x->yellow;
	b->green += x->green;
	b->unknown += x->unknown;
	b->arr_at_risk += x->arr_at_risk;
	for (int k = 0; k < 4; k++) {
		b->renew[k] += x->renew[k];
		b->renew_arr[k] += x->renew_arr[k];
	}
	b->overdue_tasks += x->overdue_tasks;
	b->open_escalations += x->open_escalations;
	return 0;
}

static int
keep_cover(void *ctx, const struct team_cover *c)
{
	struct team_dash *d = ctx;
	struct team_row *r = row_of(d, c->login);

	if (r) {
		r->cover = *c;
		r->cover.login = NULL;
	}
	d->book.cover.plans_signed += c->plans_signed;
	return 0;
}

#define GROW(v, n) ((v) = xreallocarray((v), (n) + 1, sizeof(*(v))))

static int
keep_risk(void *ctx, const struct team_risk *r)
{
	struct team_dash *d = ctx;

	GROW(d->risks, d->nrisks);
	d->risks[d->nrisks] = *r;
	d->risks[d->nrisks++].category = pool_strdup(&d->pool, r->category);
	return 0;
}

static int
keep_stuck(void *ctx, const struct team_stuck *x)
{
	struct team_dash *d = ctx;
	struct team_stuck *k;

	GROW(d->stuck, d->nstuck);
	k = &d->stuck[d->nstuck++];
	*k = *x;
	k->account = pool_strdup(&d->pool, x->account);
	k->name = pool_strdup(&d->pool, x->name);
	k->owner = pool_strdup(&d->pool, x->owner);
	k->stage = pool_strdup(&d->pool, x->stage);
	return 0;
}

static int
keep_churn(void *ctx, const struct team_churn *c)
{
	struct team_dash *d = ctx;

	GROW(d->churn, d->nchurn);
	d->churn[d->nchurn] = *c;
	d->churn[d->nchurn++].reason = pool_strdup(&d->pool, c->reason);
	return 0;
}

/* The calendar quarter holding today. */
static void
quarter(int32_t today, int32_t *q0, int32_t *q1)
{
	int y, m, dd;

	date_to_ymd(today, &y, &m, &dd);
	*q0 = date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
	*q1 = date_add_months(*q0, 3) - 1;
}

/* The groups as rows: the whole book, then each CSM. */
static void
rows_from_groups(struct team_dash *d)
{
	d->book.m = &d->groups[0].m;
	d->rows = xcalloc(d->ngroups ? d->ngroups : 1, sizeof(*d->rows));
	for (size_t i = 1; i < d->ngroups; i++) {
		const struct metrics_group *g = &d->groups[i];
		const struct metrics_sums *s = &g->m.sums;
		struct team_row *r = &d->rows[d->n++];

		r->csm = g->name;
		r->team = team_of(&d->mb, g->name);
		r->m = &g->m;
		r->band = !s->csms ? NULL : s->csms_outside_band ? "outside" : "in";
	}
}

/* The summary rows hold the default period only (the twelve months to
 * today); any other period, and a book open read-only, is read from the
 * raw rows. */
static enum status
summary_ready(struct store *s, int32_t today, int32_t from, int32_t to, bool *ready,
	      struct err *e)
{
	struct dash_period p;

	*ready = false;
	dash_period_of(today, &p);
	if (to != today || from != p.t0)
		return ST_OK;
	return store_dash_ensure(s, today, ready, e);
}

enum status
team_dash_load(struct store *s, int32_t today, int32_t from, int32_t to,
	       const struct team_targets *t, struct team_dash *d, struct err *e)
{
	enum status st;

	memset(d, 0, sizeof(*d));
	pool_init(&d->pool);
	d->from = from;
	d->to = to;
	d->today = today;
	d->targets = *t;
	quarter(today, &d->q0, &d->q1);
	if ((st = summary_ready(s, today, from, to, &d->summary, e)))
		return st;
	if (d->summary)
		st = store_dash_metrics(s, today, &d->mb, e);
	else
		st = store_metrics(s, from, to + 1, true, &d->mb, e);
	if (st)
		return st;
	d->groups = metrics_groups(&d->mb, METRICS_BY_CSM, &d->ngroups);
	rows_from_groups(d);
	if (d->summary)
		st = store_dash_extras(s, today, keep_extra, d, e) ||
		     store_dash_cover(s, keep_cover, d, e) ||
		     store_dash_risks(s, keep_risk, d, e) ||
		     store_team_stuck(s, today, t->stuck, keep_stuck, d, e) ||
		     store_dash_churn(s, keep_churn, d, e) ? e->status : ST_OK;
	else
		st = store_team_extras(s, today, keep_extra, d, e) ||
		     store_team_cover(s, today, keep_cover, d, e) ||
		     store_team_risks(s, today, d->q0, d->q1, keep_risk, d, e) ||
		     store_team_stuck(s, today, t->stuck, keep_stuck, d, e) ||
		     store_team_churn(s, from, to + 1, keep_churn, d, e) ? e->status : ST_OK;
	return st;
}

void
team_dash_done(struct team_dash *d)
{
	free(d->rows);
	free(d->risks);
	free(d->stuck);
	free(d->churn);
	free(d->groups);
	metrics_book_done(&d->mb);
	pool_done(&d->pool);
	memset(d, 0, sizeof(*d));
}
