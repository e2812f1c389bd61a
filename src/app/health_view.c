/*
 * health_view.c -- one account's health as shown (see health_view.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/health_view.h"
#include "core/date.h"
#include "store/facts.h"
#include "store/health.h"

const struct scorecard *
health_score(const struct scorecard_set *set, const struct fact_row *f, struct score_result *res)
{
	const struct scorecard *sc = scorecard_for(set, f->v[FACT_SEGMENT].label);

	if (sc)
		score_account(sc, f, res);
	return sc;
}

double
health_points(const struct scorecard *sc, const struct score_result *res, int measure)
{
	double rated = 0;

	if (!res->m[measure].rated)
		return 0;
	for (int i = 0; i < sc->nmeasures; i++)
		if (res->m[i].rated)
			rated += sc->measures[i].weight;
	return sc->measures[measure].weight * res->m[measure].rating / rated;
}

static int
keep_facts(void *ctx, const struct fact_row *f)
{
	struct health_view *v = ctx;

	/* Strings point into the statement, gone once the walk stops: copy. */
	v->facts = *f;
	snprintf(v->name, sizeof(v->name), "%s", f->name ? f->name : "");
	snprintf(v->owner, sizeof(v->owner), "%s", f->owner ? f->owner : "");
	v->facts.name = v->name;
	v->facts.owner = f->owner ? v->owner : NULL;
	for (int i = 0; i < FACT_COUNT_; i++)
		if (f->v[i].label) {
			snprintf(v->labels[i], sizeof(v->labels[i]), "%s", f->v[i].label);
			v->facts.v[i].label = v->labels[i];
		}
	return 1;
}

static int
keep_point(void *ctx, const struct health_point *p)
{
	struct health_view *v = ctx;
	struct hv_point *h;
	int32_t day;

	if (v->npoints == HV_POINTS || !date_parse(p->date, &day))
		return 0;
	h = &v->points[v->npoints++];
	h->day = day;
	h->known = p->known;
	h->score = p->score;
	snprintf(h->band, sizeof(h->band), "%s", p->band ? p->band : "");
	return 0;
}

static int
keep_override(void *ctx, const struct override_row *o)
{
	struct health_view *v = ctx;

	v->have_override = true;
	snprintf(v->ov_band, sizeof(v->ov_band), "%s", o->band);
	snprintf(v->ov_reason, sizeof(v->ov_reason), "%s", o->reason ? o->reason : "");
	snprintf(v->ov_until, sizeof(v->ov_until), "%s", o->until);
	snprintf(v->ov_author, sizeof(v->ov_author), "%s", o->author ? o->author : "?");
	return 1;
}

enum status
health_view_load(struct store *s, const struct scorecard_set *set, int64_t account, int32_t day,
		 struct health_view *v, struct err *e)
{
	memset(v, 0, sizeof(*v));
	v->facts.account_id = 0;
	if (store_facts_each(s, day, account, keep_facts, v, e) ||
	    store_health_history(s, account, day, HV_DAYS, keep_point, v, e) ||
	    store_overrides_each(s, day, account, keep_override, v, e))
		return e->status;
	if (!v->facts.account_id)
		return err_set(e, ST_NOINPUT, "no account #%lld", (long long)account);
	v->sc = health_score(set, &v->facts, &v->res);
	return ST_OK;
}

const char *
health_view_band(const struct health_view *v)
{
	if (v->have_override)
		return v->ov_band;
	return v->sc && v->res.known ? v->res.band : NULL;
}

const struct hv_point *
health_view_at(const struct health_view *v, int32_t day)
{
	const struct hv_point *best = NULL;

	for (int i = 0; i < v->npoints; i++)
		if (v->points[i].known && v->points[i].day <= day)
			best = &v->points[i];
	return best;
}
