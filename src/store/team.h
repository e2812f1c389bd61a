/*
 * team.h -- the figures of the team dashboard (`tend team`, the Team pane)
 * that `tend metrics` does not already compute: per CSM, health band
 * counts, ARR at risk, renewals coming up, overdue tasks, open
 * escalations, the median days since the last touch and plans signed; for
 * the book, the risk roll-up by category, accounts stuck in a lifecycle
 * stage and churn by reason code.  The revenue, renewal-rate, coverage and
 * review figures come from store/metrics.h, so the two commands agree by
 * construction.  Every read is one statement, aggregated in SQL.
 */
#ifndef TEND_STORE_TEAM_H
#define TEND_STORE_TEAM_H

#include <stdbool.h>
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

/* Per owner: the median days since the last customer touchpoint (not a
 * note or an internal review) over the owner's accounts not churned that
 * had one, and how many of those accounts have a signed success plan
 * (signed, active or done). */
struct team_cover {
	const char *login;          /* NULL: pooled */
	bool touch_set;             /* false: no account was ever touched */
	double median_touch_days;
	int64_t touched;            /* accounts the median is over */
	int64_t plans_signed;
};
enum status store_team_cover(struct store *s, int32_t today,
			     int (*cb)(void *, const struct team_cover *), void *ctx, struct err *e);

/* The risk roll-up: per category of the open (and mitigating) risks, the
 * accounts they are on, those accounts' ARR today, and the ARR of those
 * with an open renewal due in [q0, q1] (this quarter). */
struct team_risk {
	const char *category;
	int64_t accounts;
	int64_t arr;                /* cents */
	int64_t renewing_arr;       /* cents */
};
enum status store_team_risks(struct store *s, int32_t today, int32_t q0, int32_t q1,
			     int (*cb)(void *, const struct team_risk *), void *ctx, struct err *e);

/* An account in its lifecycle stage for longer than that stage allows
 * (stuck[stage] days, enum stage; 0: never stuck), longest over first. */
struct team_stuck {
	int64_t account_id;
	const char *account, *name; /* external id and name */
	const char *owner;          /* login, NULL: pooled */
	const char *stage;
	int64_t days;               /* in the stage, as of today */
	int64_t limit;              /* what the stage allows */
	int64_t arr;                /* cents, today */
};
enum status store_team_stuck(struct store *s, int32_t today, const int *stuck,
			     int (*cb)(void *, const struct team_stuck *), void *ctx, struct err *e);

/* Churn by reason code over [t0, t1): the cohort accounts that churned in
 * the period (ARR(t0) > 0, ARR(t1) <= 0, as `tend metrics` counts them),
 * grouped by the reason of their last churn event in the period
 * ("unspecified" when it has none), with their ARR(t0).  So the sums are
 * the metrics' churned accounts and churned ARR. */
struct team_churn {
	const char *reason;
	int64_t accounts;
	int64_t arr;                /* cents: their ARR at the start */
};
enum status store_team_churn(struct store *s, int32_t t0, int32_t t1,
			     int (*cb)(void *, const struct team_churn *), void *ctx, struct err *e);

#endif
