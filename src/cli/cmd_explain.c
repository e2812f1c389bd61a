/*
 * cmd_explain.c -- `tend health explain ACCOUNT`: why an account has the
 * score it has.  Every measure's fact value, the rule or threshold that
 * rated it, its rating, weight and contribution; the group scores; the
 * override; and the 30- and 90-day trend.  "Green is the colour of denial":
 * nothing is hidden behind the one number.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/health_cmd.h"
#include "core/buf.h"
#include "core/json.h"
#include "core/text.h"
#include "domain/score.h"
#include "store/facts.h"
#include "store/store.h"

struct explain {
	struct fact_row facts;
	char name[256], owner[64], band30[16], band90[16], date30[11], date90[11];
	char labels[FACT_COUNT_][32];     /* copies of label facts */
	bool found, have30, have90;
	double score30, score90;
	struct override_row ov;
	char ov_band[16], ov_reason[512], ov_until[11], ov_author[64];
	bool have_ov;
	int32_t day30, day90;
};

static int
keep_facts(void *ctx, const struct fact_row *f)
{
	struct explain *x = ctx;

	/* Strings point into the statement, gone once the walk stops: copy. */
	x->facts = *f;
	snprintf(x->name, sizeof(x->name), "%s", f->name ? f->name : "");
	snprintf(x->owner, sizeof(x->owner), "%s", f->owner ? f->owner : "pooled");
	x->facts.name = x->name;
	x->facts.owner = x->owner;
	for (int i = 0; i < FACT_COUNT_; i++)
		if (f->v[i].label) {
			snprintf(x->labels[i], sizeof(x->labels[i]), "%s", f->v[i].label);
			x->facts.v[i].label = x->labels[i];
		}
	x->found = true;
	return 1;
}

/* The latest point on or before day30/day90 among the last 120 days. */
static int
keep_point(void *ctx, const struct health_point *p)
{
	struct explain *x = ctx;
	int32_t d;

	if (!p->known || !date_parse(p->date, &d))
		return 0;
	if (d <= x->day30) {
		x->have30 = true;
		x->score30 = p->score;
		snprintf(x->band30, sizeof(x->band30), "%s", p->band);
		snprintf(x->date30, sizeof(x->date30), "%s", p->date);
	}
	if (d <= x->day90) {
		x->have90 = true;
		x->score90 = p->score;
		snprintf(x->band90, sizeof(x->band90), "%s", p->band);
		snprintf(x->date90, sizeof(x->date90), "%s", p->date);
	}
	return 0;
}

static int
keep_override(void *ctx, const struct override_row *o)
{
	struct explain *x = ctx;

	x->have_ov = true;
	snprintf(x->ov_band, sizeof(x->ov_band), "%s", o->band);
	snprintf(x->ov_reason, sizeof(x->ov_reason), "%s", o->reason);
	snprintf(x->ov_until, sizeof(x->ov_until), "%s", o->until);
	snprintf(x->ov_author, sizeof(x->ov_author), "%s", o->author ? o->author : "?");
	return 1;
}

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
	double wk = 0;
	char v[64], day[DATE_STRLEN];
	struct buf b, w;

	buf_init(&b);
	buf_init(&w);
	for (int i = 0; i < sc->nmeasures; i++)
		if (res->m[i].rated)
			wk += sc->measures[i].weight;
	out_text(stdout, x->name, false);
	printf(" (#%lld, ", (long long)x->facts.account_id);
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
	if (x->have_ov) {
		printf("  override    %s until %s by ", x->ov_band, x->ov_until);
		out_text(stdout, x->ov_author, false);
		printf(": ");
		out_text(stdout, x->ov_reason, false);
		printf(" (computed: %s)\n", res->band);
	}
	if (x->have30 || x->have90) {
		printf("  trend      ");
		if (x->have30)
			printf(" %s %.3f (%s), %+.3f since", x->date30, x->score30, x->band30, res->score - x->score30);
		if (x->have90)
			printf("%s %s %.3f (%s), %+.3f since", x->have30 ? ";" : "", x->date90, x->score90,
			       x->band90, res->score - x->score90);
		printf("\n");
	}
	printf("\n  %-26s %-10s %6s  %-24s %10s %6s %6s  %s\n", "MEASURE", "GROUP", "WEIGHT", "FACT",
	       "VALUE", "RATING", "POINTS", "RATED BY");
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];
		const struct measure_result *r = &res->m[i];

		why(&b, sc, m, r, &x->facts);
		buf_reset(&w);
		text_pad(&w, m->name, 26, false, false);
		printf("  %s %-10s %6g  %-24s %10s ", w.data, m->group == GROUP_OUTCOMES ? "outcomes" : "experience",
		       m->weight, m->fact >= 0 ? fact_defs[m->fact].name : "-",
		       m->fact >= 0 ? fact_text(&fact_defs[m->fact], &x->facts.v[m->fact], v, sizeof(v)) : "-");
		if (r->rated)
			printf("%6d %6.3f  ", r->rating, m->weight * r->rating / wk);
		else
			printf("%6s %6s  ", "n/a", "-");
		out_text(stdout, b.data, false);
		putchar('\n');
	}
	if (res->missing_weight > 0)
		printf("\n  %.0f%% of the weight has no data; the rest is renormalised (band unknown above %g%%)\n",
		       res->missing_weight, sc->missing_max);
	for (int k = 0; k < 2; k++)
		if (x->facts.manual_age[k] >= 0 && !x->facts.v[k ? FACT_CSM_SENTIMENT : FACT_FINANCIAL_RATING].known)
			printf("  stale: the %s given %d days ago has expired; refresh it with tend health rate\n",
			       k ? "csm_sentiment" : "financial_rating", x->facts.manual_age[k]);
	buf_done(&b);
	buf_done(&w);
}

static void
explain_json(const struct explain *x, const struct scorecard *sc, const struct score_result *res)
{
	struct json j;
	struct buf b;
	double wk = 0;

	for (int i = 0; i < sc->nmeasures; i++)
		if (res->m[i].rated)
			wk += sc->measures[i].weight;
	buf_init(&b);
	json_init(&j, stdout);
	json_obj_begin(&j);
	json_key(&j, "account_id"); json_int(&j, x->facts.account_id);
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
	json_key(&j, "override_band"); json_str(&j, x->have_ov ? x->ov_band : NULL);
	json_key(&j, "score_30d_ago"); x->have30 ? json_real(&j, x->score30) : json_null(&j);
	json_key(&j, "score_90d_ago"); x->have90 ? json_real(&j, x->score90) : json_null(&j);
	json_key(&j, "measures");
	json_arr_begin(&j);
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];
		const struct fact_value *v = m->fact >= 0 ? &x->facts.v[m->fact] : NULL;

		why(&b, sc, m, &res->m[i], &x->facts);
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
		res->m[i].rated ? json_real(&j, round(m->weight * res->m[i].rating / wk * 1000) / 1000) : json_null(&j);
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
	struct explain x;
	struct score_result res;
	const struct scorecard *sc;
	int64_t id;

	memset(&x, 0, sizeof(x));
	if (store_account_resolve(s, account, &id, c->err) || health_load_set(c, s, o, &set))
		return c->err->status;
	x.day30 = c->clock.today - 30;
	x.day90 = c->clock.today - 90;
	if (store_facts_each(s, c->clock.today, id, keep_facts, &x, c->err) ||
	    store_health_history(s, id, c->clock.today, 120, keep_point, &x, c->err) ||
	    store_overrides_each(s, c->clock.today, id, keep_override, &x, c->err)) {
		scorecard_set_free(&set);
		return c->err->status;
	}
	if (!(sc = scorecard_for(&set, x.facts.v[FACT_SEGMENT].label))) {
		scorecard_set_free(&set);
		return err_set(c->err, ST_DATA, "no scorecard in force covers the %s segment",
			       x.facts.v[FACT_SEGMENT].label ? x.facts.v[FACT_SEGMENT].label : "?");
	}
	score_account(sc, &x.facts, &res);
	if (cli_format(c, OUT_TABLE) == OUT_JSON)
		explain_json(&x, sc, &res);
	else
		explain_text(&x, sc, &res, c->clock.today);
	scorecard_set_free(&set);
	return ST_OK;
}
