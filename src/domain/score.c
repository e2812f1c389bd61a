/*
 * score.c -- scorecard ratings, overall and group scores, bands.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "domain/score.h"

bool
score_cond_holds(const struct sc_cond *c, const struct fact_value *v)
{
	if (!v->known)
		return false;
	if (v->label) {
		bool any = false;

		switch (c->op) {
		case OP_EQ: return !strcmp(v->label, c->labels[0]);
		case OP_NE: return strcmp(v->label, c->labels[0]) != 0;
		case OP_IN:
			for (int i = 0; i < c->nvalues; i++)
				any = any || !strcmp(v->label, c->labels[i]);
			return any;
		default: return false;
		}
	}
	switch (c->op) {
	case OP_EQ: return v->num == c->num[0];
	case OP_NE: return v->num != c->num[0];
	case OP_LT: return v->num < c->num[0];
	case OP_LTE: return v->num <= c->num[0];
	case OP_GT: return v->num > c->num[0];
	case OP_GTE: return v->num >= c->num[0];
	case OP_IN: return v->num == c->num[0] || (c->nvalues > 1 && v->num == c->num[1]);
	case OP_BETWEEN: return v->num >= c->num[0] && v->num <= c->num[1];
	}
	return false;
}

static void
rate(const struct scorecard *sc, const struct sc_measure *m, const struct fact_row *f,
     struct measure_result *r)
{
	memset(r, 0, sizeof(*r));
	r->rule = -1;
	for (int i = 0; i < m->nrules; i++) {
		const struct sc_rule *rule = &m->rules[i];
		bool all = true;

		for (int k = 0; k < rule->nconds && all; k++)
			all = score_cond_holds(&rule->conds[k], &f->v[rule->conds[k].fact]);
		if (all) {
			r->rated = true;
			r->rating = rule->rating;
			r->rule = i;
			return;
		}
	}
	if (m->quantile && !m->calibrated) {
		r->uncalibrated = true;
		return;
	}
	if (m->fact < 0 || !m->nthresholds || !f->v[m->fact].known)
		return;
	r->rated = true;
	r->rating = 1;
	for (int k = 0; k < m->nthresholds; k++) {
		double v = f->v[m->fact].num, t = m->thresholds[k];

		if (m->lower_is_better ? v <= t : v >= t) {
			r->rating = sc->scale - k;
			break;
		}
	}
}

const char *
score_band(const struct scorecard *sc, double score)
{
	for (int i = 0; i < sc->scale - 1; i++)
		if (score >= sc->bands[i] - 1e-9)
			return scorecard_band_name(sc, i);
	return scorecard_band_name(sc, sc->scale - 1);
}

static int
band_index(const struct scorecard *sc, double score)
{
	for (int i = 0; i < sc->scale - 1; i++)
		if (score >= sc->bands[i] - 1e-9)
			return i;
	return sc->scale - 1;
}

void
score_account(const struct scorecard *sc, const struct fact_row *f, struct score_result *out)
{
	double w_all = 0, w_known = 0, sum = 0;
	double gw[2] = { 0, 0 }, gs[2] = { 0, 0 };

	memset(out, 0, sizeof(*out));
	out->sc = sc;
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];

		rate(sc, m, f, &out->m[i]);
		w_all += m->weight;
		if (!out->m[i].rated)
			continue;
		w_known += m->weight;
		sum += m->weight * out->m[i].rating;
		gw[m->group] += m->weight;
		gs[m->group] += m->weight * out->m[i].rating;
	}
	out->missing_weight = w_all > 0 ? 100.0 * (w_all - w_known) / w_all : 100;
	out->band = "unknown";
	if (w_known > 0) {
		out->known = true;
		/* Rounded to the thousandth: 1.99 must be 1.990, not 1.98999... */
		out->score = round(sum / w_known * 1000) / 1000;
		/* Rounded too, so 2.8 of 5 is 56%, not 55.999...%. */
		out->percent = round(out->score / sc->scale * 100 * 1000) / 1000;
		if (out->missing_weight <= sc->missing_max + 1e-9)
			out->band = score_band(sc, out->score);
	}
	if (gw[GROUP_OUTCOMES] > 0) {
		out->outcomes_known = true;
		out->outcomes = round(gs[GROUP_OUTCOMES] / gw[GROUP_OUTCOMES] * 1000) / 1000;
		out->outcomes_band = score_band(sc, out->outcomes);
	}
	if (gw[GROUP_EXPERIENCE] > 0) {
		out->experience_known = true;
		out->experience = round(gs[GROUP_EXPERIENCE] / gw[GROUP_EXPERIENCE] * 1000) / 1000;
		out->experience_band = score_band(sc, out->experience);
	}
	/* "The most dangerous quadrant": customers like us, but get no value. */
	out->false_positive = out->outcomes_known && out->experience_known &&
		band_index(sc, out->experience) <= sc->fp_experience &&
		band_index(sc, out->outcomes) > sc->fp_outcomes;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void
score_quantiles(double *v, int n, int q, bool lower_is_better, double *cuts)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	for (int k = 1; k < q; k++) {
		/* Higher is better: the cut is the first value of the k-th q-ile
		 * (v >= cut rates above it).  Lower is better: the last value of
		 * the k-th q-ile (v <= cut rates above the rest). */
		int pos = (int)ceil((double)k * n / q) - (lower_is_better ? 1 : 0);

		if (pos < 0)
			pos = 0;
		if (pos >= n)
			pos = n - 1;
		cuts[k - 1] = n ? v[pos] : 0;
	}
}
