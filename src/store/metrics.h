/*
 * metrics.h -- the revenue ledger read set-based: the aggregation behind
 * `tend metrics`, and the reads `tend renewal close` needs.
 *
 * store_metrics() fills a metrics_book (domain/metrics.h) with a handful of
 * statements over the whole book, each grouped by the account's owner and
 * segment -- never one query per account.  The domain turns the cells into
 * groups and ratios.
 */
#ifndef TEND_STORE_METRICS_H
#define TEND_STORE_METRICS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "domain/metrics.h"

struct store;

/* Aggregate the book over [t0, t1) into b.  The ledger, coverage and review
 * sums are always per (owner, segment) cell; renewals, surveys and
 * touchpoints are per cell when grouped, else for the whole book only (in
 * b->rest), which spares a join per row when no grouping is asked for.
 * Free b with metrics_book_done(), also on failure. */
enum status store_metrics(struct store *s, int32_t t0, int32_t t1, bool grouped,
			  struct metrics_book *b, struct err *e);

/* The book's users and empty cells for [t0, t1), for a reader that fills
 * the cells itself (store/dash.h).  Free b with metrics_book_done(), also
 * on failure. */
enum status store_metrics_book(struct store *s, int32_t t0, int32_t t1, bool grouped,
			       struct metrics_book *b, struct err *e);
/* Add sums to the cell of an owner (0: pooled) and segment (its name). */
enum status store_metrics_cell_add(struct metrics_book *b, int64_t owner_id, const char *segment,
				   const struct metrics_sums *add, struct err *e);

/* -- Closing a renewal ------------------------------------------------------ */

struct renewal_info {
	int64_t id;
	int64_t account_id;
	char *account;              /* the account's external id */
	int32_t due;                /* due date */
	int64_t target;             /* target ARR, cents */
	char stage[16];
	char closed_date[DATE_STRLEN];   /* "" while open */
};

/* One renewal; ST_NOINPUT if there is none.  Free with renewal_info_done(). */
enum status store_renewal_get(struct store *s, int64_t id, struct renewal_info *r, struct err *e);
void renewal_info_done(struct renewal_info *r);
/* ARR of an account at the start of day t: its deltas dated before t. */
enum status store_account_arr(struct store *s, int64_t account_id, int32_t t, int64_t *arr,
			      struct err *e);

#endif
