/*
 * check_scorecard.c -- scorecard files: every mistake gets its own message
 * at file:line:column, and a file with any mistake is refused.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "domain/scorecard.h"

/* A valid measure list to append to, so one case breaks one thing. */
#define OK_MEASURES \
	"measures:\n" \
	"  - { id: use, group: outcomes, weight: 50, fact: license_utilization, thresholds: [0.8, 0.5] }\n" \
	"  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n"

static const struct {
	const char *yaml;
	const char *want;      /* every diagnostic, one per line */
} cases[] = {
	{ "scorecard: x\nmeasures: [\n",
	  "t.yaml:3:1: YAML: did not find expected node content while parsing a flow node\n" },
	{ "",
	  "t.yaml: the file is empty\n" },
	{ "- just\n- a list\n",
	  "t.yaml:1:1: a scorecard is a mapping (scorecard:, scale:, measures: ...)\n" },
	{ OK_MEASURES,
	  "t.yaml:1:1: a scorecard needs a name (scorecard: NAME)\n" },
	{ "scorecard: x\nscael: 3\n" OK_MEASURES,
	  "t.yaml:2:1: unknown key 'scael' in a scorecard; did you mean 'scale'?\n" },
	{ "scorecard: x\nscale: 4\n" OK_MEASURES,
	  "t.yaml:2:8: scale must be 3 or 5\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: licence_utilization, thresholds: [0.8, 0.5] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:51: unknown fact 'licence_utilization'; did you mean 'license_utilization'? (see 'tend facts')\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 40, fact: license_utilization, thresholds: [0.8, 0.5] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:3: the weights add up to 90, not 100\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: license_utilization, thresholds: [0.5, 0.8] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:84: thresholds overlap: list them best first, each lower than the one before (higher is better)\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: open_tickets_vs_avg, lower_is_better: true, thresholds: [1.5, 1.0] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:107: thresholds overlap: list them best first, each higher than the one before (lower is better)\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: license_utilization, thresholds: [0.8, 0.5, 0.2] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:84: a 3-band scorecard needs 2 thresholds, not 3\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: license_utilization, thresholds: [0.8, 0.5] }\n"
	  "  - { id: use, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:4:11: measure id 'use' is already used at line 3\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcome, weight: 50, fact: license_utilization, thresholds: [0.8, 0.5] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:23: group must be outcomes or experience, not 'outcome'\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: license_utilization }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:5: measure use needs rules, thresholds or quantile to rate it\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, thresholds: [0.8, 0.5] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:5: measure use has thresholds but no fact to apply them to\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: license_utilization, quantile: 5 }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:82: quantile must be 3, the number of bands of this scorecard\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: license_utilization, thresholds: [0.8, 0.5], quantile: 3 }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:84: give thresholds or quantile, not both\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - id: use\n    group: outcomes\n    weight: 50\n    fact: license_utilization\n"
	  "    rules:\n      - rating: 1\n      - { rating: 3, when: { license_utilization: { gte: 0.8 } } }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:9:9: this rule can never apply: an earlier rule has no 'when' and always matches\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - id: use\n    group: outcomes\n    weight: 50\n    fact: license_utilization\n"
	  "    rules:\n      - { rating: 4, when: { license_utilization: { gte: 0.8 } } }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:8:19: rating must be a whole number from 1 to 3\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - id: use\n    group: outcomes\n    weight: 50\n    fact: license_utilization\n"
	  "    rules:\n      - { rating: 1, when: { nps_category: { lt: promoter } } }\n"
	  "      - { rating: 2, when: { license_utilization: { more: 0.5 } } }\n"
	  "      - { rating: 3, when: { license_utilization: high } }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:8:46: nps_category is a label: compare it with eq, ne or in, not lt\n"
	  "t.yaml:9:53: unknown comparison 'more' (eq, ne, lt, lte, gt, gte, in, between)\n"
	  "t.yaml:10:51: license_utilization is a ratio fact: 'high' is not a number\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - id: use\n    group: outcomes\n    weight: 50\n    fact: license_utilization\n"
	  "    rules:\n      - { rating: 1, when: { license_utilization: { betwen: [0, 1] } } }\n"
	  "      - { rating: 2, when: { license_utilization: { between: [0.9, 0.1] } } }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:8:53: unknown comparison 'betwen'; did you mean 'between'? (eq, ne, lt, lte, gt, gte, in, between)\n"
	  "t.yaml:9:62: between: the low value comes first\n" },
	{ "scorecard: x\nbands: { green: 2, yellow: 2.2 }\n" OK_MEASURES,
	  "t.yaml:2:8: bands overlap: yellow must start below green\n" },
	{ "scorecard: x\nbands: { red: 1 }\n" OK_MEASURES,
	  "t.yaml:2:10: red takes every score below yellow; it has no cut-off\n" },
	{ "scorecard: x\nscale: 5\nbands: { yellow: 2.5, lightgren: 3 }\n"
	  "measures:\n  - { id: use, group: outcomes, weight: 100, fact: license_utilization, thresholds: [0.9, 0.7, 0.5, 0.3] }\n",
	  "t.yaml:3:23: unknown band 'lightgren' for a 5-band scorecard; did you mean 'lightgreen'?\n" },
	{ "scorecard: x\nsegments: [enterprise, smallbiz]\n" OK_MEASURES,
	  "t.yaml:2:24: unknown segment 'smallbiz' (enterprise, mid_market or smb)\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: nps_category, thresholds: [0.8, 0.5] }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:51: nps_category is a label; thresholds need a number fact\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: -5, fact: license_utilization, thresholds: [0.8, 0.5] }\n"
	  "  - { id: nps, group: experience, weight: 105, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:41: weight must be more than 0\n" },
	{ "scorecard: x\nmissing_weight_max: 150\n" OK_MEASURES,
	  "t.yaml:2:21: missing_weight_max is a percentage from 0 to 100\n" },
	{ "scorecard: x\nmeasures:\n"
	  "  - { id: use, group: outcomes, weight: 50, fact: license_utilization, thresholds: [0.8, 0.5], colour: red }\n"
	  "  - { id: nps, group: experience, weight: 50, fact: nps_12m, thresholds: [60, 30] }\n",
	  "t.yaml:3:96: unknown key 'colour' in a measure\n" },
	{ "scorecard: x\nfalse_positive: { experience_at_least: red }\n" OK_MEASURES,
	  "t.yaml:2:40: experience_at_least must be a band above red\n" },
};

START_TEST(test_each_mistake)
{
	struct diag d;
	struct buf got;
	struct scorecard *sc;

	diag_init(&d, "t.yaml");
	sc = scorecard_parse("t.yaml", cases[_i].yaml, strlen(cases[_i].yaml), &d);
	buf_init(&got);
	for (size_t k = 0; k < d.n; k++)
		buf_addf(&got, "%s\n", d.items[k].text);
	ck_assert_msg(sc == NULL, "case %d was accepted", _i);
	ck_assert_msg(!strcmp(got.data, cases[_i].want), "case %d:\n got: %s want: %s", _i, got.data,
		      cases[_i].want);
	buf_done(&got);
	diag_done(&d);
}
END_TEST

START_TEST(test_valid_file)
{
	static const char yaml[] =
		"# a comment\nscorecard: mine\ndescription: test\nscale: 3\n"
		"bands: { green: 2.6, yellow: 1.5 }\nsegments: [smb, mid_market]\nmissing_weight_max: 25\n"
		"false_positive: { experience_at_least: yellow, outcomes_below: yellow }\n" OK_MEASURES;
	struct diag d;
	struct scorecard *sc;

	diag_init(&d, "t.yaml");
	sc = scorecard_parse("t.yaml", yaml, strlen(yaml), &d);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_ptr_nonnull(sc);
	ck_assert_str_eq(sc->name, "mine");
	ck_assert(sc->bands[0] == 2.6 && sc->bands[1] == 1.5);
	ck_assert(sc->missing_max == 25);
	ck_assert(!scorecard_applies(sc, "enterprise"));
	ck_assert(scorecard_applies(sc, "smb"));
	ck_assert_int_eq(sc->fp_experience, 1);
	ck_assert_int_eq(sc->nmeasures, 2);
	ck_assert(sc->measures[0].thresholds[0] == 0.8);
	scorecard_free(sc);
	diag_done(&d);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("scorecard");
	TCase *tc = tcase_create("scorecard");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_each_mistake, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_valid_file);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
