/*
 * team.h -- the per-CSM figures of the team dashboard (`tend team`) that
 * `tend metrics` does not already compute: health band counts, ARR at
 * risk, renewals coming up, overdue tasks and open escalations.  The
 * revenue, renewal-rate, coverage and review figures come from
 * store/metrics.h, so the two commands agree by construction.
 */
#ifndef TEND_STORE_TEAM_H
#define TEND_STORE_TEAM_H

#include <stdint.h>

#include "core/err.h"

struct store;

struct team_extra {
	const char *login;          /* the accounts' owner; NULL: pooled */
	int64_t red, yellow, green, unknown;   /* accounts by band in force (orange counts as
						* red, lightgreen as green; no score: unknown) */
	int64_t arr_at_risk;        /* cents: ARR today of the red (and orange) accounts */
	int64_t renew[4];           /* open renewals due within 30, 60, 90, 120 days of today */
	int64_t renew_arr[4];       /* their target ARR, cents */
	int64_t overdue_tasks;      /* open tasks the user owns, due before today */
	int64_t open_escalations;   /* open escalations on the user's accounts */
};

/* One call per owner (pooled first, then by login) as of today (a day
 * number); cb returns nonzero to stop. */
enum status store_team_extras(struct store *s, int32_t today,
			      int (*cb)(void *, const struct team_extra *), void *ctx,
			      struct err *e);

#endif
