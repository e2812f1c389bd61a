/*
 * health.h -- health snapshots, overrides and calibrations in the book.
 *
 * Snapshots are written by `tend health recompute` through the write path
 * (one per account per day; a re-run replaces the day's row) and read back
 * here for lists, trends and the facts health_score / health_band.
 */
#ifndef TEND_STORE_HEALTH_H
#define TEND_STORE_HEALTH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/scorecard.h"
#include "store/store.h"

struct store;

/* An account's latest snapshot on or before a day, and the one 30 days before. */
struct health_row {
	int64_t account_id;
	const char *name, *owner, *segment;
	int64_t arr_cents;
	const char *date;              /* of the snapshot */
	const char *scorecard;
	int scale;
	bool score_known;
	double score;
	const char *band;              /* computed */
	const char *override_band;     /* NULL when none was in force */
	bool outcomes_known, experience_known;
	double outcomes, experience;
	bool false_positive;
	bool before_known;             /* a snapshot 30 days earlier exists */
	double before_score;
	const char *before_band;
};


typedef int (*health_cb)(void *ctx, const struct health_row *row);
/* Each account's latest score on or before day, filtered (band, owner,
 * segment, false-positive flag, or anything domain/filter.h offers) and
 * sorted: score (worst first, default), name, arr, change. */
enum status store_health_each(struct store *s, int32_t day, const struct account_query *q,
			      health_cb cb, void *ctx, struct err *e);
/* Date of the newest snapshot in the book on or before day ("" if none). */
enum status store_health_latest_date(struct store *s, int32_t day, char date[11], struct err *e);

/* Scores of one account over (day - days, day], oldest first. */
struct health_point {
	const char *date;
	bool known;
	double score;
	const char *band;
};
typedef int (*point_cb)(void *ctx, const struct health_point *p);
enum status store_health_history(struct store *s, int64_t account_id, int32_t day, int days,
				 point_cb cb, void *ctx, struct err *e);

/* Overrides in force on day: every account's (in id order), or one's. */
struct override_row {
	int64_t id, account_id;
	const char *band, *reason, *starts_on, *until, *author;
};
typedef int (*override_cb)(void *ctx, const struct override_row *o);
enum status store_overrides_each(struct store *s, int32_t day, int64_t account_id,
				 override_cb cb, void *ctx, struct err *e);

/* Load the cut points of sc's quantile measures (those calibrated). */
enum status store_calibrations_load(struct store *s, struct scorecard *sc, struct err *e);
/* The id of a calibration row, for replacing it; *found false if none. */
enum status store_calibration_id(struct store *s, const char *scorecard, const char *measure,
				 bool *found, int64_t *id, struct err *e);
/* Has any account a current health (account_health): has the book been
 * scored at all? */
enum status store_health_kept(struct store *s, bool *kept, struct err *e);
/* The id of an account's override row (one per account), *found false if none. */
enum status store_override_id(struct store *s, int64_t account_id, bool *found, int64_t *id,
			      struct err *e);
/* An account's current-health row (account_health): its id, date and trend. */
enum status store_account_health_prev(struct store *s, int64_t account_id, bool *found, int64_t *id,
				      char date[11], char *trend, size_t trend_size, struct err *e);
/* The id of an account's snapshot on a day, for replacing it. */
enum status store_snapshot_id(struct store *s, int64_t account_id, const char *date, bool *found,
			      int64_t *id, struct err *e);
/* The latest snapshot of an account on or before date: *score_known and
 * *score, and the band it shows (the override when one was in force) in
 * band; *found is false when there is none. */
enum status store_snapshot_latest(struct store *s, int64_t account_id, const char *date, bool *found,
				  bool *score_known, double *score, char *band, size_t band_size,
				  struct err *e);

#endif
