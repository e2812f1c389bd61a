/*
 * health_view.h -- one account's health as tend shows it: in the 360 view
 * of the interface and in `tend health explain`.
 *
 * The view is the account's facts as of a day, the scorecard in force for
 * its segment, the score that scorecard gives (domain/score.h), the
 * override in force, and its scores of the last HV_DAYS days.  The whole
 * book is scored by health_run.c with the same health_score(), so the
 * three can never tell a CSM different things about one account.
 */
#ifndef TEND_HEALTH_VIEW_H
#define TEND_HEALTH_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "app/scorecard_set.h"
#include "core/err.h"
#include "domain/facts.h"
#include "domain/score.h"

struct store;

#define HV_DAYS 120     /* the history kept: enough for "90 days ago" */
#define HV_POINTS 128   /* at most one snapshot a day */

struct hv_point {
	int32_t day;
	bool known;
	double score;
	char band[16];
};

struct health_view {
	struct fact_row facts;               /* its strings point into the view */
	char name[256], owner[64];           /* owner: "" when pooled */
	char labels[FACT_COUNT_][32];        /* copies of the label facts */
	const struct scorecard *sc;          /* NULL: none covers its segment */
	struct score_result res;             /* when sc */
	bool have_override;                  /* an override in force on the day */
	char ov_band[16], ov_reason[512], ov_until[11], ov_author[64];
	struct hv_point points[HV_POINTS];   /* its scores, oldest first */
	int npoints;
};

/* The scorecard of set that applies to the account, and the score it
 * gives (res untouched and NULL returned when none applies). */
const struct scorecard *health_score(const struct scorecard_set *set, const struct fact_row *f,
				     struct score_result *res);
/* Fill v for account as of day.  ST_NOINPUT when there is no such account. */
enum status health_view_load(struct store *s, const struct scorecard_set *set, int64_t account,
			     int32_t day, struct health_view *v, struct err *e);
/* The band in force: the override's, else the computed one (NULL when not
 * scored). */
const char *health_view_band(const struct health_view *v);
/* The latest known score on or before day, or NULL. */
const struct hv_point *health_view_at(const struct health_view *v, int32_t day);
/* A measure's points: its share of the weight of the rated measures
 * times its rating (0 when it is not rated). */
double health_points(const struct scorecard *sc, const struct score_result *res, int measure);

#endif
