/*
 * qbr.h -- the QBR pack: what a CSM brings to a business review with one
 * account, written by `tend qbr` as Markdown or as one self-contained HTML
 * file (doc/model.md section 9).
 *
 * Over a period ending today (90 days by default): the account summary;
 * health by measure, now and at the start of the period, from the same
 * health view `tend health explain` shows (app/health_view.h) and the
 * snapshots kept by `tend health recompute`; ARR at the start and end of
 * the period from the ledger, as `tend metrics` computes it (ARR at the
 * start of a day: the events dated before it); value realised (the current
 * plan's KPIs against baseline and target); success-plan progress;
 * adoption barriers and mitigations (the plan's key risks); open risks;
 * renewals and the expansion pipeline; and the QBR agenda with the EBR's
 * shape.  Every text from the book is escaped for Markdown (core/md.h);
 * the HTML is that Markdown rendered by cmark, which keeps raw HTML out,
 * with the health trend and the ARR history as inline SVG.
 */
#ifndef TEND_APP_QBR_H
#define TEND_APP_QBR_H

#include <stdint.h>

#include "app/scorecard_set.h"
#include "core/buf.h"
#include "core/err.h"

struct store;
struct qbr;

#define QBR_DAYS_MAX 120   /* the health history a view keeps (HV_DAYS) */

struct qbr_opts {
	int64_t account_id;
	int days;                          /* the period: the days up to today */
	const struct scorecard_set *set;   /* the scorecards in force, calibrated */
	const char *author;                /* who prepares it (a login) */
};

/* ST_NOINPUT for no such account, ST_DATA when no scorecard covers it. */
enum status qbr_load(struct store *s, const struct qbr_opts *o, struct qbr **out, struct err *e);
void qbr_free(struct qbr *q);
void qbr_markdown(const struct qbr *q, struct buf *out);
/* The whole HTML document. */
enum status qbr_html(const struct qbr *q, struct buf *out, struct err *e);

#endif
