/*
 * qbr_int.h -- the QBR pack as loaded, shared by its Markdown (qbr.c) and
 * its HTML with charts (qbr_html.c).  Not used outside those files.
 */
#ifndef TEND_APP_QBR_INT_H
#define TEND_APP_QBR_INT_H

#include "app/health_view.h"
#include "app/qbr.h"
#include "core/date.h"
#include "domain/account_view.h"
#include "domain/plan.h"
#include "store/qbr.h"

struct qbr_opportunity {
	char *title, *kind, *stage, *expected_close;
	int64_t arr_cents;
};

struct qbr {
	struct account_view *v;
	struct health_view *hv;
	struct plan *plan;                     /* the current plan; NULL without one */
	int32_t today, t0;                     /* the period is [t0, today] */
	int days;
	int64_t arr0, arr1;                    /* ARR at the start of t0 and of today + 1 */
	struct qbr_then then[SC_MAX_MEASURES]; /* each measure at the start of the period */
	struct qbr_opportunity *opps;
	int nopps;
	int touchpoints, reviews;              /* in the period: all, and QBRs or EBRs */
	char author[64];
};

/* The Markdown in two parts, so the HTML can put its charts between the
 * summary and the rest (qbr.c). */
void qbr_md_summary(const struct qbr *q, struct buf *out);
void qbr_md_rest(const struct qbr *q, struct buf *out);

#endif
