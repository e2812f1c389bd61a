/*
 * check_score.c -- scoring: the blueprint's worked example, missing data,
 * rules before thresholds, 5 bands, false-positive healthy, quantiles.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "domain/score.h"
#include "domain/scorecard.h"

static struct scorecard *
load(const char *yaml)
{
	struct diag d;
	struct scorecard *sc;

	diag_init(&d, "t.yaml");
	sc = scorecard_parse("t.yaml", yaml, strlen(yaml), &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s\n", d.items[i].text);
	ck_assert_msg(sc, "scorecard did not parse");
	diag_done(&d);
	return sc;
}

static struct scorecard *
shipped(const char *name)
{
	const struct embedded_file *f = embedded_find(name);

	ck_assert_ptr_nonnull(f);
	return load(f->text);
}

static void
set(struct fact_row *r, int fact, double v)
{
	r->v[fact].known = true;
	r->v[fact].num = v;
	r->v[fact].label = NULL;
}

/* Facts that give the default scorecard the blueprint's ratings
 * 1, 2, 2, 3, 2, 3, 1 (license, features, support, sentiment, sponsor,
 * financial, growth). */
static void
worked_example(struct fact_row *r)
{
	memset(r, 0, sizeof(*r));
	set(r, FACT_LICENSE_UTILIZATION, 0.45);   /* < 0.50 -> 1 */
	set(r, FACT_FEATURE_UTILIZATION, 0.45);   /* >= 0.30 -> 2 */
	set(r, FACT_OPEN_P1, 0);
	set(r, FACT_OPEN_TICKETS_VS_AVG, 1.2);    /* <= 1.5 -> 2 */
	set(r, FACT_NPS_12M, 70);                 /* >= 60 -> 3 */
	set(r, FACT_DAYS_SINCE_EXEC_TOUCH, 60);   /* <= 90 -> 2 */
	set(r, FACT_CHAMPION_PRESENT, 1);
	set(r, FACT_INVOICE_DAYS_LATE, 0);        /* <= 0 -> 3 */
	set(r, FACT_ARR_GROWTH, 0.95);            /* < 1.00 -> 1 */
}

START_TEST(test_blueprint_worked_example)
{
	struct scorecard *sc = shipped("playbooks/scorecard.yaml");
	struct score_result res;
	struct fact_row r;
	static const int want[] = { 1, 2, 2, 3, 2, 3, 1 };
	static const double weights[] = { 15, 15, 14, 14, 14, 14, 14 };
	char text[16];

	worked_example(&r);
	score_account(sc, &r, &res);
	ck_assert_int_eq(sc->nmeasures, 7);
	for (int i = 0; i < 7; i++) {
		ck_assert_msg(res.m[i].rated && res.m[i].rating == want[i], "measure %s rated %d, want %d",
			      sc->measures[i].id, res.m[i].rating, want[i]);
		ck_assert(sc->measures[i].weight == weights[i]);
	}
	snprintf(text, sizeof(text), "%.3f", res.score);
	ck_assert_str_eq(text, "1.990");
	ck_assert(fabs(res.score - 1.990) < 1e-12);
	ck_assert_int_eq((int)floor(res.percent), 66);
	ck_assert_str_eq(res.band, "yellow");
	ck_assert(res.missing_weight == 0);
	/* outcomes: (15*1 + 15*2 + 14*3 + 14*1) / 58; experience: (14*2 + 14*3 + 14*2) / 42 */
	ck_assert(fabs(res.outcomes - 1.741) < 1e-12);
	ck_assert_str_eq(res.outcomes_band, "red");
	ck_assert(fabs(res.experience - 2.333) < 1e-12);
	ck_assert_str_eq(res.experience_band, "yellow");
	ck_assert(!res.false_positive);
	scorecard_free(sc);
}
END_TEST

START_TEST(test_rules_before_thresholds)
{
	struct scorecard *sc = shipped("playbooks/scorecard.yaml");
	struct score_result res;
	struct fact_row r;

	worked_example(&r);
	/* An open P1 makes support red whatever the ratio. */
	set(&r, FACT_OPEN_TICKETS_VS_AVG, 0.5);
	set(&r, FACT_OPEN_P1, 1);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[2].rating, 1);
	ck_assert_int_eq(res.m[2].rule, 0);
	set(&r, FACT_OPEN_P1, 0);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[2].rating, 3);
	ck_assert_int_eq(res.m[2].rule, -1);
	/* Sentiment: NPS first, else CSAT. */
	r.v[FACT_NPS_12M].known = false;
	set(&r, FACT_CSAT_90D, 3.5);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[3].rating, 2);
	ck_assert_int_eq(res.m[3].rule, 4);
	/* Sponsor coverage: <= 30 days needs a champion for green; never -> 1. */
	set(&r, FACT_DAYS_SINCE_EXEC_TOUCH, 10);
	set(&r, FACT_CHAMPION_PRESENT, 0);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[4].rating, 2);
	set(&r, FACT_CHAMPION_PRESENT, 1);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[4].rating, 3);
	r.v[FACT_DAYS_SINCE_EXEC_TOUCH].known = false;
	score_account(sc, &r, &res);
	ck_assert(res.m[4].rated);
	ck_assert_int_eq(res.m[4].rating, 1);
	/* Financial: a fresh CSM rating wins over late invoices. */
	set(&r, FACT_INVOICE_DAYS_LATE, 90);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[5].rating, 1);
	set(&r, FACT_FINANCIAL_RATING, 3);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[5].rating, 3);
	/* Thresholds are inclusive at the boundary: growth 1.10 is green. */
	set(&r, FACT_ARR_GROWTH, 1.10);
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[6].rating, 3);
	scorecard_free(sc);
}
END_TEST

START_TEST(test_missing_data)
{
	struct scorecard *sc = shipped("playbooks/scorecard.yaml");
	struct score_result res;
	struct fact_row r;

	/* Nothing known: no score, band unknown.  Sponsor coverage alone has a
	 * catch-all rule, so it is the one rated measure. */
	memset(&r, 0, sizeof(r));
	score_account(sc, &r, &res);
	ck_assert(res.known);
	ck_assert_int_eq(res.m[4].rating, 1);
	ck_assert(fabs(res.missing_weight - 86) < 1e-9);
	ck_assert_str_eq(res.band, "unknown");
	/* One measure missing: the rest is renormalised, the band stands. */
	worked_example(&r);
	r.v[FACT_ARR_GROWTH].known = false;
	score_account(sc, &r, &res);
	ck_assert(!res.m[6].rated);
	ck_assert(fabs(res.missing_weight - 14) < 1e-9);
	/* (199 - 14) / 86 = 2.151 */
	ck_assert(fabs(res.score - 2.151) < 1e-12);
	ck_assert_str_eq(res.band, "yellow");
	/* More than half of the weight missing: the band is unknown. */
	r.v[FACT_LICENSE_UTILIZATION].known = false;
	r.v[FACT_FEATURE_UTILIZATION].known = false;
	r.v[FACT_INVOICE_DAYS_LATE].known = false;
	score_account(sc, &r, &res);
	ck_assert(fabs(res.missing_weight - 58) < 1e-9);
	ck_assert_str_eq(res.band, "unknown");
	ck_assert(res.known);
	ck_assert(!res.outcomes_known);
	scorecard_free(sc);
}
END_TEST

static const char five_bands[] =
	"scorecard: five\n"
	"scale: 5\n"
	"measures:\n"
	"  - { id: use, group: outcomes, weight: 60, fact: license_utilization, thresholds: [0.9, 0.7, 0.5, 0.3] }\n"
	"  - { id: nps, group: experience, weight: 40, fact: nps_12m, thresholds: [70, 50, 30, 0] }\n";

START_TEST(test_five_bands)
{
	struct scorecard *sc = load(five_bands);
	struct score_result res;
	struct fact_row r;

	memset(&r, 0, sizeof(r));
	set(&r, FACT_LICENSE_UTILIZATION, 0.75);   /* 4 */
	set(&r, FACT_NPS_12M, -10);                /* 1 */
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[0].rating, 4);
	ck_assert_int_eq(res.m[1].rating, 1);
	ck_assert(fabs(res.score - 2.8) < 1e-12);       /* (60*4 + 40*1) / 100 */
	ck_assert_str_eq(res.band, "yellow");            /* >= 2.5 */
	ck_assert_int_eq((int)floor(res.percent), 56);
	set(&r, FACT_NPS_12M, 80);
	set(&r, FACT_LICENSE_UTILIZATION, 0.95);
	score_account(sc, &r, &res);
	ck_assert_str_eq(res.band, "green");
	set(&r, FACT_LICENSE_UTILIZATION, 0.1);
	set(&r, FACT_NPS_12M, 10);
	score_account(sc, &r, &res);
	ck_assert(fabs(res.score - 1.4) < 1e-12);
	ck_assert_str_eq(res.band, "red");
	set(&r, FACT_NPS_12M, 35);
	score_account(sc, &r, &res);
	ck_assert(fabs(res.score - 1.8) < 1e-12);
	ck_assert_str_eq(res.band, "orange");
	scorecard_free(sc);
}
END_TEST

START_TEST(test_false_positive_healthy)
{
	struct scorecard *sc = shipped("playbooks/scorecard.yaml");
	struct score_result res;
	struct fact_row r;

	memset(&r, 0, sizeof(r));
	/* They love us (experience green) ... */
	set(&r, FACT_OPEN_P1, 0);
	set(&r, FACT_OPEN_TICKETS_VS_AVG, 0.5);
	set(&r, FACT_NPS_12M, 80);
	set(&r, FACT_DAYS_SINCE_EXEC_TOUCH, 5);
	set(&r, FACT_CHAMPION_PRESENT, 1);
	/* ... and get nothing out of it (outcomes red). */
	set(&r, FACT_LICENSE_UTILIZATION, 0.2);
	set(&r, FACT_FEATURE_UTILIZATION, 0.1);
	set(&r, FACT_INVOICE_DAYS_LATE, 100);
	set(&r, FACT_ARR_GROWTH, 0.8);
	score_account(sc, &r, &res);
	ck_assert_str_eq(res.experience_band, "green");
	ck_assert_str_eq(res.outcomes_band, "red");
	ck_assert(res.false_positive);
	/* Outcomes yellow is not the dangerous corner. */
	set(&r, FACT_LICENSE_UTILIZATION, 0.9);
	set(&r, FACT_FEATURE_UTILIZATION, 0.7);
	score_account(sc, &r, &res);
	ck_assert_str_eq(res.outcomes_band, "yellow");
	ck_assert(!res.false_positive);
	scorecard_free(sc);
}
END_TEST

START_TEST(test_quantiles)
{
	double v[] = { 5, 1, 9, 3, 7, 2, 8, 4, 6 }, ties[] = { 1, 1, 1, 1, 2, 3 }, cuts[4];
	double lower[] = { 5, 1, 9, 3, 7, 2, 8, 4, 6 };

	/* Nine values in tertiles: 1-3 rate 1, 4-6 rate 2, 7-9 rate 3. */
	score_quantiles(v, 9, 3, false, cuts);
	ck_assert(cuts[0] == 4 && cuts[1] == 7);
	/* Lower is better: 1-3 rate 3, so the cuts are the tertiles' last values. */
	score_quantiles(lower, 9, 3, true, cuts);
	ck_assert(cuts[0] == 3 && cuts[1] == 6);
	/* Ties share a rating: four 1s cannot be split, so no account rates 1. */
	score_quantiles(ties, 6, 3, false, cuts);
	ck_assert(cuts[0] == 1 && cuts[1] == 2);
	{
		static const char yaml[] =
			"scorecard: q\nmeasures:\n"
			"  - { id: use, group: outcomes, weight: 100, fact: license_utilization, quantile: 3 }\n";
		struct scorecard *sc = load(yaml);
		double asc[2] = { 1, 2 };
		struct score_result res;
		struct fact_row r;

		memset(&r, 0, sizeof(r));
		set(&r, FACT_LICENSE_UTILIZATION, 1);
		score_account(sc, &r, &res);
		ck_assert(!res.m[0].rated);
		ck_assert(res.m[0].uncalibrated);
		scorecard_set_cuts(sc, 0, asc, 2, 20000);
		score_account(sc, &r, &res);
		ck_assert_int_eq(res.m[0].rating, 2);
		set(&r, FACT_LICENSE_UTILIZATION, 3);
		score_account(sc, &r, &res);
		ck_assert_int_eq(res.m[0].rating, 3);
		scorecard_free(sc);
	}
	/* Quintiles of 1..10: cuts at the 3rd, 5th, 7th and 9th values. */
	{
		double ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

		score_quantiles(ten, 10, 5, false, cuts);
		ck_assert(cuts[0] == 3 && cuts[1] == 5 && cuts[2] == 7 && cuts[3] == 9);
	}
}
END_TEST

START_TEST(test_label_conditions)
{
	static const char yaml[] =
		"scorecard: labels\nmeasures:\n"
		"  - id: nps\n    group: experience\n    weight: 100\n    fact: nps_category\n    rules:\n"
		"      - { rating: 3, when: { nps_category: promoter } }\n"
		"      - { rating: 2, when: { nps_category: { in: [passive] } } }\n"
		"      - { rating: 1, when: { nps_category: { ne: promoter } } }\n";
	struct scorecard *sc = load(yaml);
	struct score_result res;
	struct fact_row r;

	memset(&r, 0, sizeof(r));
	r.v[FACT_NPS_CATEGORY] = (struct fact_value){ true, 0, "passive" };
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[0].rating, 2);
	r.v[FACT_NPS_CATEGORY].label = "detractor";
	score_account(sc, &r, &res);
	ck_assert_int_eq(res.m[0].rating, 1);
	r.v[FACT_NPS_CATEGORY].known = false;
	score_account(sc, &r, &res);
	ck_assert(!res.m[0].rated);
	scorecard_free(sc);
}
END_TEST

START_TEST(test_shipped_scorecards_parse)
{
	static const char *const names[] = { "playbooks/scorecard.yaml",
		"playbooks/scorecard-handbook.yaml", "playbooks/scorecard-practical.yaml", NULL };

	for (int i = 0; names[i]; i++) {
		struct scorecard *sc = shipped(names[i]);
		double total = 0;

		for (int k = 0; k < sc->nmeasures; k++)
			total += sc->measures[k].weight;
		ck_assert(fabs(total - 100) < 1e-9);
		scorecard_free(sc);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("score");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_blueprint_worked_example);
	tcase_add_test(tc, test_rules_before_thresholds);
	tcase_add_test(tc, test_missing_data);
	tcase_add_test(tc, test_five_bands);
	tcase_add_test(tc, test_false_positive_healthy);
	tcase_add_test(tc, test_quantiles);
	tcase_add_test(tc, test_label_conditions);
	tcase_add_test(tc, test_shipped_scorecards_parse);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
