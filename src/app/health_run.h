/*
 * health_run.h -- scoring the whole book as of a day (`tend health
 * recompute`, and the interface's recompute).
 *
 * Streams every account's facts, scores each with the scorecard that
 * applies to its segment, and writes, in one bulk action through the write
 * path: a snapshot per account for the day (a re-run replaces the day) and
 * the account's current health (account_health, with the rating string and
 * the trend of its last scores; a run for a day before the current health's
 * leaves it alone and only adds history).  Churned accounts are not scored, and an
 * account no longer scored loses what an earlier run left that day.
 */
#ifndef TEND_HEALTH_RUN_H
#define TEND_HEALTH_RUN_H

#include <stdint.h>

#include "core/err.h"
#include "app/scorecard_set.h"

struct store;

#define HEALTH_TREND_POINTS 12

struct health_run {
	long total;          /* accounts in the book */
	long scored;
	long churned;        /* not scored: churned */
	long unscored;       /* not scored: no scorecard covers the segment */
	long counts[6];      /* scored accounts per band shown (band_names order) */
	long false_positive;
	long overridden;
};

enum status health_run_recompute(struct store *s, const struct scorecard_set *set, int32_t day,
				 struct health_run *out, struct err *e);

#endif
