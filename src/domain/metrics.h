/*
 * metrics.h -- revenue, renewal, survey and coverage metrics (doc/model.md
 * sections 4 and 7), computed from additive sums.
 *
 * The store aggregates the book set-based into *cells*: one per (owner,
 * segment) pair, the owner being a user or "pooled".  Every figure in a cell
 * is a plain sum or count, so any grouping -- per CSM, per team, per segment,
 * the whole book -- is the sum of its cells, and the ratios are computed once
 * per group from those sums.  This module owns that last step: it has no SQL
 * and no I/O.  Money is integer cents; only ratios are doubles, and a ratio
 * whose denominator is zero is "not set" (shown as null), never NaN.
 *
 * The period is [t0, t1): t0 its first day, t1 the day after its last.
 * ARR(t) of an account is the sum of its ledger deltas dated before t.
 */
#ifndef TEND_METRICS_H
#define TEND_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"

/* The additive figures of one cell or group. */
struct metrics_sums {
	/* ledger: S, E, C, X and new ARR of doc/model.md section 4 */
	int64_t starting_arr;       /* S: sum of ARR(t0) over the cohort */
	int64_t expansion;          /* E: sum of delta > 0 over the cohort */
	int64_t contraction;        /* C: sum of -delta < 0 over cohort accounts still paying */
	int64_t churned_arr;        /* X: sum of ARR(t0) over cohort accounts with ARR(t1) <= 0 */
	int64_t new_arr;            /* sum of ARR(t1) over accounts with ARR(t0) <= 0 */
	int64_t ending_arr;         /* sum of ARR(t1) > 0: S + E - C - X + new ARR */
	int64_t cohort_accounts;    /* accounts with ARR(t0) > 0 */
	int64_t churned_accounts;   /* cohort accounts with ARR(t1) <= 0 */
	int64_t new_accounts;       /* accounts with ARR(t0) <= 0 < ARR(t1) */
	int64_t active_accounts;    /* accounts with ARR(t1) > 0 */
	/* renewals with a due date in the period */
	int64_t renewals;           /* how many */
	int64_t renewals_due;       /* sum of target ARR */
	int64_t renewals_gross;     /* sum of min(final, target) over won ones */
	int64_t renewals_net;       /* sum of final over won ones */
	int64_t renewals_won;
	int64_t renewals_on_time;   /* won with closed_date <= due_date */
	int64_t renewals_lost;
	/* surveys dated in the period */
	int64_t nps_responses, nps_promoters, nps_detractors;
	int64_t csat_responses, csat_total, csat_satisfied;   /* total: sum of scores */
	/* customer touchpoints dated in the period (not notes or internal reviews) */
	int64_t touchpoints, proactive;
	/* premium accounts with ARR(t1) > 0, and those with a review in their
	 * segment's window before t1 */
	int64_t review_accounts, reviews_current;
	/* coverage: the CSMs of the group and their books (metrics_group) */
	int64_t csms, csm_accounts, csm_arr, csms_outside_band;
};

/* An optional number: set is false when it cannot be computed. */
struct metrics_num {
	bool set;
	double v;
};

/* Optional money, in cents. */
struct metrics_cents {
	bool set;
	int64_t v;
};

/* Everything shown for one group. */
struct metrics {
	struct metrics_sums sums;
	struct metrics_num nrr;                   /* (S + E - C - X) / S */
	struct metrics_num grr;                   /* (S - C - X) / S */
	struct metrics_num logo_churn;            /* churned / cohort accounts */
	struct metrics_num revenue_churn;         /* X / S */
	struct metrics_num gross_renewal_rate;    /* renewals_gross / renewals_due */
	struct metrics_num net_renewal_rate;      /* renewals_net / renewals_due */
	struct metrics_num on_time_renewal_rate;  /* renewals_on_time / renewals */
	struct metrics_num nps;                   /* 100 * (promoters - detractors) / responses */
	struct metrics_num csat;                  /* mean score, 1..5 */
	struct metrics_num csat_satisfied;        /* share of scores 4 or 5 */
	struct metrics_num accounts_per_csm;      /* csm_accounts / csms */
	struct metrics_cents arr_per_csm;         /* csm_arr / csms, rounded to the cent */
	struct metrics_num review_coverage;       /* reviews_current / review_accounts */
	int64_t reviews_overdue;                  /* review_accounts - reviews_current */
	struct metrics_num proactive_share;       /* proactive / touchpoints */
};

/* doc/model.md section 7: what one CSM of a segment should carry, and how often
 * premium accounts of the segment get a review with the customer. */
struct metrics_band {
	int64_t accounts_min, accounts_max;
	int64_t arr_min, arr_max;          /* cents */
	int review_days;                   /* window before t1 holding the last review */
};
extern const struct metrics_band metrics_bands[SEGMENT_COUNT_];

void metrics_sums_add(struct metrics_sums *to, const struct metrics_sums *from);
/* The ratios of doc/model.md section 4 from the sums. */
void metrics_compute(const struct metrics_sums *in, struct metrics *out);
/* A period that has not begun yet: nothing has renewed or churned in it, so
 * every outcome (NRR, GRR, churn, the renewal rates, review coverage) is
 * not set ("-"),
 * never 0%: the renewals' forecast is `tend renewals forecast`. */
void metrics_not_happened(struct metrics *m);
/* Is a CSM of this segment carrying accounts / arr outside its band? */
bool metrics_outside_band(enum segment seg, int64_t accounts, int64_t arr);

/* -- The book as cells, and grouping ------------------------------------- */

struct metrics_user {
	int64_t id;
	char *login;
	char *team;                 /* NULL: no team */
	int segment;                /* enum segment, or -1 when not set */
	bool csm;                   /* an active user with the csm role */
};

struct metrics_book {
	int32_t t0, t1;
	bool grouped;               /* renewals, surveys and touchpoints are per cell */
	struct metrics_user *users; /* sorted by id */
	size_t nusers;
	/* (nusers + 1) x SEGMENT_COUNT_ cells: row 0 is pooled, row i + 1 users[i] */
	struct metrics_sums *cells;
	/* when !grouped: the renewal, survey and touchpoint sums of the book */
	struct metrics_sums rest;
};

enum metrics_by { METRICS_BOOK, METRICS_BY_CSM, METRICS_BY_SEGMENT, METRICS_BY_TEAM };
extern const char *const metrics_by_names[];   /* "csm", "segment", "team", NULL */

/* Group names for accounts with no owner, and owners with no team. */
#define METRICS_POOLED "pooled"
#define METRICS_NO_TEAM "no_team"

struct metrics_group {
	const char *name;           /* NULL for the whole book; owned by the book */
	struct metrics m;
};

/* Takes ownership of users (xmalloc'ed, strings too); allocates the cells. */
void metrics_book_init(struct metrics_book *b, int32_t t0, int32_t t1, bool grouped,
		       struct metrics_user *users, size_t nusers);
void metrics_book_done(struct metrics_book *b);
/* The cell of an owner (0 = pooled) and segment; NULL for an unknown owner
 * or segment. */
struct metrics_sums *metrics_book_cell(struct metrics_book *b, int64_t owner_id, int segment);

/* The whole book first, then one group per CSM, segment or team, in name
 * order (segments in their own order; pooled and no_team last).  A CSM or
 * team is listed when it has coverage or any figure in the period; every
 * segment is always listed.  Grouping needs a book read grouped.  Free
 * with free(). */
struct metrics_group *metrics_groups(const struct metrics_book *b, enum metrics_by by,
				     size_t *n);

#endif
