/*
 * score.h -- rating an account with a scorecard (doc/model.md section 3).
 *
 * Each measure gets a rating from 1 to the scale, or is missing when the
 * facts it needs are unknown.  The overall score is the weighted mean of the
 * known ratings (weights renormalised over them); it is also shown as a
 * percentage of full score (score / scale).  The band comes from the
 * scorecard's cut-offs, except that more than `missing_weight_max` % of the
 * weight missing makes it "unknown".  Outcomes and experience are scored the
 * same way over their own measures; good experience with poor outcomes is
 * flagged false-positive healthy.  Pure computation: no SQL, no I/O.
 */
#ifndef TEND_SCORE_H
#define TEND_SCORE_H

#include <stdbool.h>

#include "domain/facts.h"
#include "domain/scorecard.h"

struct measure_result {
	bool rated;              /* false: missing data */
	int rating;              /* 1..scale when rated */
	int rule;                /* index of the rule that matched, -1 for thresholds */
	bool uncalibrated;       /* quantile measure without cut points */
};

struct score_result {
	const struct scorecard *sc;
	bool known;              /* at least one measure rated */
	double score;            /* weighted mean of known ratings, 1..scale */
	double percent;          /* score / scale * 100 */
	const char *band;        /* a band name, or "unknown" */
	double missing_weight;   /* % of the weight without data */
	bool outcomes_known, experience_known;
	double outcomes, experience;
	const char *outcomes_band, *experience_band;
	bool false_positive;     /* good experience, poor outcomes */
	struct measure_result m[SC_MAX_MEASURES];
};

void score_account(const struct scorecard *sc, const struct fact_row *facts, struct score_result *out);
/* The band a score falls in on sc's scale. */
const char *score_band(const struct scorecard *sc, double score);
/* Does a condition hold for these facts?  False when the fact is unknown. */
bool score_cond_holds(const struct sc_cond *c, const struct fact_value *v);

/* Quantile cut points of values (sorted in place), ascending, q-1 of them,
 * for a measure where lower or higher is better; ties share a rating. */
void score_quantiles(double *values, int n, int q, bool lower_is_better, double *cuts);

#endif
