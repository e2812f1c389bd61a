/*
 * dash.h -- the team dashboard's summary rows (schema/0016_team_summary.sql):
 * every figure `tend team` shows for the trailing twelve months as of a
 * day, kept per (owner, segment) so the dashboard reads a few dozen rows
 * instead of the whole book.
 *
 * The rows are derived: triggers mark the accounts whose source rows
 * change, store_dash_ensure() recomputes those accounts' parts and moves
 * the sums by the difference, and a new day rebuilds them all.  The
 * readers hand out the same records as store/team.h and fill the same
 * metrics cells as store/metrics.h, so a dashboard read from here is the
 * dashboard read from the raw rows (tests/cli/team.sh checks both).
 */
#ifndef TEND_STORE_DASH_H
#define TEND_STORE_DASH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/metrics.h"
#include "store/team.h"

struct store;

/* The period the summary covers as of today: [t0, t1) = the twelve months
 * ending with today (tend team's default), and today's quarter [q0, q1]. */
struct dash_period {
	int32_t today, t0, t1, q0, q1;
};
void dash_period_of(int32_t today, struct dash_period *p);

/* Bring the summary to today: nothing when it is current, the dirty
 * accounts' parts when a few changed, everything on a new day (or when
 * many changed).  *ready is false, with ST_OK, when the summary cannot be
 * written now (a read-only book, or another writer holding the book past
 * the busy timeout): the caller then reads the raw rows. */
enum status store_dash_ensure(struct store *s, int32_t today, bool *ready, struct err *e);

/* Inside a bulk action's transaction: drop the summary and its triggers,
 * so the action's rows pay no trigger each; the next dashboard read builds
 * it again.  Nothing when there is none. */
enum status store_dash_forget(struct store *s, struct err *e);

/* The readers, valid after store_dash_ensure() said ready. */
/* The metrics cells over the summary's period, as store_metrics(grouped). */
enum status store_dash_metrics(struct store *s, int32_t today, struct metrics_book *b,
			       struct err *e);
/* As store_team_extras() and store_team_cover(), per owner. */
enum status store_dash_extras(struct store *s, int32_t today,
			      int (*cb)(void *, const struct team_extra *), void *ctx,
			      struct err *e);
enum status store_dash_cover(struct store *s, int (*cb)(void *, const struct team_cover *),
			     void *ctx, struct err *e);
/* As store_team_risks() for today's quarter and store_team_churn() for
 * the period. */
enum status store_dash_risks(struct store *s, int (*cb)(void *, const struct team_risk *),
			     void *ctx, struct err *e);
enum status store_dash_churn(struct store *s, int (*cb)(void *, const struct team_churn *),
			     void *ctx, struct err *e);

#endif
