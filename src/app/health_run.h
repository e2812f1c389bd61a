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

#include <stddef.h>
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

/* Score the accounts ids as of day within t, exactly as the recompute
 * scores each (the same writer): the day's snapshot and the current
 * health, replacing what the day had; and, when the stored facts are as
 * of day, the account's stored facts (so they stay fresh).  Accounts that
 * do not exist are skipped.  For keeping the current health current after
 * each change (app/health_current.h): a few accounts, not the book. */
struct wtx;
enum status health_run_accounts(struct store *s, struct wtx *t, const struct scorecard_set *set,
				int32_t day, const int64_t *ids, size_t n, struct err *e);

#endif
