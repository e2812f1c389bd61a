/*
 * cmd_explain.c -- `tend health explain ACCOUNT`: why an account has the
 * score it has.  Every measure's fact value, the rule or threshold that
 * rated it, its rating, weight and contribution; the group scores; the
 * override; and the 30- and 90-day trend.  "Green is the colour of denial":
 * nothing is hidden behind the one number.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "app/health_view.h"
#include "cli/health_cmd.h"
#include "core/buf.h"
#include "core/json.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/score.h"
#include "store/facts.h"
#include "store/store.h"

/* What the printers read: the view (app/health_view.h), and the two
 * points of the trend. */
struct explain {
	const struct health_view *v;
	const struct fact_row *facts;
	const char *name, *owner;
	const struct hv_point *ago30, *ago90;
};

/* "nps_12m >= 60, champion_present = 1" */
static void
rule_text(struct buf *b, const struct sc_rule *r)
{
	static const char *const sym[] = { "=", "!=", "<", "<=", ">", ">=", "in", "between" };

	if (!r->nconds) {
		buf_adds(b, "otherwise");
		return;
	}
	for (int k = 0; k < r->nconds; k++) {
		const struct sc_cond *c = &r->conds[k];

		buf_addf(b, "%s%s %s ", k ? ", " : "", fact_defs[c->fact].name, sym[c->op]);
		for (int i = 0; i < (c->nvalues ? c->nvalues : 1); i++) {
			if (i)
				buf_adds(b, c->op == OP_BETWEEN ? " and " : "/");
			if (fact_defs[c->fact].kind == FK_LABEL)
				buf_adds(b, c->labels[i]);
			else
				buf_addf(b, "%g", c->num[i < 2 ? i : 1]);
		}
	}
}

/* Why a measure got its rating, or why it has none. */
static void
why(struct buf *b, const struct scorecard *sc, const struct sc_measure *m, const struct measure_result *r,
    const struct fact_row *f)
{
	buf_reset(b);
	if (r->rated && r->rule >= 0) {
		rule_text(b, &m->rules[r->rule]);
		return;
	}
	if (r->rated) {
		int k = sc->scale - r->rating;

		if (k < m->nthresholds)
			buf_addf(b, "%s %g%s", m->lower_is_better ? "<=" : ">=", m->thresholds[k],
				 m->quantile ? " (quantile)" : "");
		else
			buf_addf(b, "%s %g%s", m->lower_is_better ? ">" : "<", m->thresholds[m->nthresholds - 1],
				 m->quantile ? " (quantile)" : "");
		return;
	}
	if (r->uncalibrated)
		buf_adds(b, "not calibrated: run tend health calibrate");
	else if (m->fact >= 0 && !f->v[m->fact].known)
		buf_addf(b, "no data: %s unknown", fact_defs[m->fact].name);
	else
		buf_adds(b, "no rule applies (its facts are unknown)");
}

static void
explain_text(const struct explain *x, const struct scorecard *sc, const struct score_result *res,
	     int32_t today)
{
	char v[64], day[DATE_STRLEN];
	struct buf b, w;

	buf_init(&b);
	buf_init(&w);
	out_text(stdout, x->name, false);
	printf(" (#%lld, ", (long long)x->facts->account_id);
	out_text(stdout, x->owner, false);
	printf(") -- scorecard %s, %d bands, as of %s\n", sc->name, sc->scale, date_format(today, day));
	if (res->known)
		printf("  overall     %.3f of %d (%.0f%% of full score)  %s%s\n", res->score, sc->scale,
		       floor(res->percent + 1e-9), res->band, strcmp(res->band, "unknown") ? "" :
		       " (more than the allowed share of the weight has no data)");
	else
		printf("  overall     unknown: no measure has data\n");
	if (res->outcomes_known)
		printf("  outcomes    %.3f %s\n", res->outcomes, res->outcomes_band);
	if (res->experience_known)
		printf("  experience  %.3f %s\n", res->experience, res->experience_band);
	if (res->false_positive)
		printf("  FALSE-POSITIVE HEALTHY: good experience, poor outcomes\n");
	if (x->v->have_override) {
		printf("  override    %s until %s by ", x->v->ov_band, x->v->ov_until);
		out_text(stdout, x->v->ov_author, false);
		printf(": ");
		out_text(stdout, x->v->ov_reason, false);
		printf(" (computed: %s)\n", res->band);
	}
	if (x->ago30 || x->ago90) {
		char d30[DATE_STRLEN], d90[DATE_STRLEN];

		printf("  trend      ");
		if (x->ago30)
			printf(" %s %.3f (%s), %+.3f since", date_format(x->ago30->day, d30), x->ago30->score,
			       x->ago30->band, res->score - x->ago30->score);
		if (x->ago90)
			printf("%s %s %.3f (%s), %+.3f since", x->ago30 ? ";" : "", date_format(x->ago90->day, d90),
			       x->ago90->score, x->ago90->band, res->score - x->ago90->score);
		printf("\n");
	}
	printf("\n  %-26s %-10s %6s  %-24s %10s %6s %6s  %s\n", "MEASURE", "GROUP", "WEIGHT", "FACT",
	       "VALUE", "RATING", "POINTS", "RATED BY");
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];
		const struct measure_result *r = &res->m[i];

		why(&b, sc, m, r, x->facts);
		buf_reset(&w);
		text_pad(&w, m->name, 26, false, false);
		printf("  %s %-10s %6g  %-24s %10s ", w.data, m->group == GROUP_OUTCOMES ? "outcomes" : "experience",
		       m->weight, m->fact >= 0 ? fact_defs[m->fact].name : "-",
		       m->fact >= 0 ? fact_text(&fact_defs[m->fact], &x->facts->v[m->fact], v, sizeof(v)) : "-");
		if (r->rated)
			printf("%6d %6.3f  ", r->rating, health_points(sc, res, i));
		else
			printf("%6s %6s  ", "n/a", "-");
		out_text(stdout, b.data, false);
		putchar('\n');
	}
	if (res->missing_weight > 0)
		printf("\n  %.0f%% of the weight has no data; the rest is renormalised (band unknown above %g%%)\n",
		       res->missing_weight, sc->missing_max);
	for (int k = 0; k < 2; k++)
		if (x->facts->manual_age[k] >= 0 && !x->facts->v[k ? FACT_CSM_SENTIMENT : FACT_FINANCIAL_RATING].known)
			printf("  stale: the %s given %d days ago has expired; refresh it with tend health rate\n",
			       k ? "csm_sentiment" : "financial_rating", x->facts->manual_age[k]);
	buf_done(&b);
	buf_done(&w);
}

static void
explain_json(const struct explain *x, const struct scorecard *sc, const struct score_result *res)
{
	struct json j;
	struct buf b;

	buf_init(&b);
	json_init(&j, stdout);
	json_obj_begin(&j);
	json_key(&j, "account_id"); json_int(&j, x->facts->account_id);
	json_key(&j, "name"); json_str(&j, x->name);
	json_key(&j, "scorecard"); json_str(&j, sc->name);
	json_key(&j, "scale"); json_int(&j, sc->scale);
	json_key(&j, "score"); res->known ? json_real(&j, res->score) : json_null(&j);
	json_key(&j, "percent"); res->known ? json_real(&j, round(res->percent * 10) / 10) : json_null(&j);
	json_key(&j, "band"); json_str(&j, res->band);
	json_key(&j, "outcomes"); res->outcomes_known ? json_real(&j, res->outcomes) : json_null(&j);
	json_key(&j, "experience"); res->experience_known ? json_real(&j, res->experience) : json_null(&j);
	json_key(&j, "false_positive"); json_bool(&j, res->false_positive);
	json_key(&j, "missing_weight"); json_real(&j, round(res->missing_weight * 10) / 10);
	json_key(&j, "override_band"); json_str(&j, x->v->have_override ? x->v->ov_band : NULL);
	json_key(&j, "score_30d_ago"); x->ago30 ? json_real(&j, x->ago30->score) : json_null(&j);
	json_key(&j, "score_90d_ago"); x->ago90 ? json_real(&j, x->ago90->score) : json_null(&j);
	json_key(&j, "measures");
	json_arr_begin(&j);
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];
		const struct fact_value *v = m->fact >= 0 ? &x->facts->v[m->fact] : NULL;

		why(&b, sc, m, &res->m[i], x->facts);
		json_obj_begin(&j);
		json_key(&j, "id"); json_str(&j, m->id);
		json_key(&j, "group"); json_str(&j, m->group == GROUP_OUTCOMES ? "outcomes" : "experience");
		json_key(&j, "weight"); json_real(&j, m->weight);
		json_key(&j, "fact"); json_str(&j, m->fact >= 0 ? fact_defs[m->fact].name : NULL);
		json_key(&j, "value");
		if (!v || !v->known)
			json_null(&j);
		else if (v->label)
			json_str(&j, v->label);
		else
			json_real(&j, v->num);
		json_key(&j, "rated_by"); json_str(&j, b.data);
		json_key(&j, "rating"); res->m[i].rated ? json_int(&j, res->m[i].rating) : json_null(&j);
		json_key(&j, "points");
		res->m[i].rated ? json_real(&j, round(health_points(sc, res, i) * 1000) / 1000) : json_null(&j);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	json_end(&j);
	buf_done(&b);
}

enum status
health_explain(struct cli *c, struct store *s, const struct health_opts *o, const char *account)
{
	struct scorecard_set set;
	struct health_view *v;
	struct explain x;
	int64_t id;

	if (store_account_resolve(s, account, &id, c->err) || health_load_set(c, s, o, &set))
		return c->err->status;
	v = xmalloc(sizeof(*v));
	if (health_view_load(s, &set, id, c->clock.today, v, c->err)) {
		free(v);
		scorecard_set_free(&set);
		return c->err->status;
	}
	if (!v->sc) {
		err_set(c->err, ST_DATA, "no scorecard in force covers the %s segment",
			v->facts.v[FACT_SEGMENT].label ? v->facts.v[FACT_SEGMENT].label : "?");
		free(v);
		scorecard_set_free(&set);
		return ST_DATA;
	}
	x = (struct explain){ .v = v, .facts = &v->facts, .name = v->name,
			      .owner = v->facts.owner ? v->owner : "pooled",
			      .ago30 = health_view_at(v, c->clock.today - 30),
			      .ago90 = health_view_at(v, c->clock.today - 90) };
	if (cli_format(c, OUT_TABLE) == OUT_JSON)
		explain_json(&x, v->sc, &v->res);
	else
		explain_text(&x, v->sc, &v->res, c->clock.today);
	free(v);
	scorecard_set_free(&set);
	return ST_OK;
}
