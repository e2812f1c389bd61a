/*
 * qbr.h -- what the QBR pack (app/qbr.h) reads beyond the account's 360
 * view and its health view: a measure's value and rating in the health
 * snapshot in force on a day, for the trend of each measure over the
 * period.
 */
#ifndef TEND_STORE_QBR_H
#define TEND_STORE_QBR_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"

struct store;

struct qbr_then {
	bool found;                /* a snapshot on or before the day rated the measure */
	char date[DATE_STRLEN];    /* that snapshot's day */
	int rating;
	bool has_value;
	double value;
};

/* Measure measure_id (a scorecard measure's id) of account in its latest
 * snapshot on or before day, else in its first one after it (up to today):
 * the rating the period started with, as near as the history tells. */
enum status store_qbr_measure_then(struct store *s, int64_t account, int32_t day,
				   const char *measure_id, struct qbr_then *out, struct err *e);

#endif
