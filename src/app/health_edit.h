/*
 * health_edit.h -- a CSM's corrections to health scoring, shared by `tend
 * health override|rate|calibrate` and the interface: overriding an
 * account's band for a while (and ending it), recording a manual rating,
 * and calibrating quantile thresholds from the book.
 *
 * Each is one user action: one transaction through the write path,
 * audited row by row.  Bad input is ST_USAGE with the field named first
 * ("band: ...", "until is ..."), as the command line shows it.
 */
#ifndef TEND_HEALTH_EDIT_H
#define TEND_HEALTH_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/scorecard_set.h"
#include "core/err.h"

struct store;

struct health_override_input {
	int64_t account_id;
	const char *band;          /* the band to show: red, orange, yellow, lightgreen, green */
	const char *reason;        /* why the computed band is wrong; required */
	int32_t from;              /* first day in force, when from_set (else today) */
	bool from_set;
	int32_t until;             /* last day in force, not before from */
};

/* Override an account's band from in->from to in->until ("health
 * override", authored by login when they are a user).  An account has one
 * override: a new one replaces its row (an update in the audit log), and
 * *replaced (may be NULL) says whether one was in force today.  The
 * computed score stays as it is and visible; the band shown changes at
 * once (app/health_current.h). */
enum status health_edit_override(struct store *s, const char *login,
				 const struct health_override_input *in, bool *replaced,
				 struct err *e);

/* End the account's override in force today, in one action ("health
 * override clear"): yesterday becomes its last day, or it goes when it
 * starts today.  *cleared: 1, or 0 when none was in force (nothing is
 * written). */
enum status health_edit_clear(struct store *s, int64_t account_id, int *cleared, struct err *e);

/* The highest value of a manual fact (financial_rating 3, csm_sentiment 5),
 * rated from 1; 0 when fact is not a manual fact. */
int health_edit_rating_max(const char *fact);

struct health_rating_input {
	int64_t account_id;
	const char *fact;          /* a manual fact: financial_rating or csm_sentiment */
	int value;                 /* 1 .. health_edit_rating_max(fact) */
	const char *note;          /* NULL: none */
};

/* Record a manual rating dated today (one row, "health rate", authored by
 * login when they are a user). */
enum status health_edit_rate(struct store *s, const char *login,
			     const struct health_rating_input *in, struct err *e);

/* One quantile measure's calibration, as calibrating goes. */
struct health_calibration {
	const struct scorecard *sc;
	const struct sc_measure *m;
	int accounts;              /* accounts of the scorecard's segments with a value */
	bool calibrated;           /* false: fewer accounts than bands; left as it was */
	const char *cut_points;    /* the JSON array stored, when calibrated */
	bool ties;                 /* equal cut points: some bands are empty */
};
typedef void (*health_calibration_fn)(void *ctx, const struct health_calibration *k);

/* Calibrate every quantile measure of the set from today's facts, in one
 * action ("health calibrate"): each measure's cut points split the accounts
 * with a value into equal bands, replacing its earlier calibration.  Each
 * measure is reported (report may be NULL) once its row is written, or
 * when it is skipped; *measures counts the quantile measures (0: nothing
 * to calibrate).  On error nothing is written. */
enum status health_edit_calibrate(struct store *s, const struct scorecard_set *set,
				  health_calibration_fn report, void *ctx, int *measures,
				  struct err *e);

#endif
