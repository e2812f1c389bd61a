/*
 * renewal.h -- closing a renewal (`tend renewal close`, and the interface's
 * renewal actions): record its outcome and the ledger event that goes with
 * it (doc/model.md section 5), in one audited write.
 *
 * Closing sets the stage (won when the final ARR is above zero, lost at
 * zero), the close date, the final ARR and the churn reason, and writes one
 * arr_event dated on the renewal's due date with delta = final - target:
 *   delta > 0                       expansion ("renewal with upsell");
 *   delta < 0, the account's ARR
 *     after it still above zero     contraction (the reason code, or
 *                                   "renewal with downsell");
 *   ARR after it at or below zero   churn of the whole ARR left (delta =
 *                                   -ARR, so ARR never goes negative);
 *   delta = 0                       no event.
 * "The account's ARR" is its ARR at the end of the due date, before this
 * event: an account with several contracts that loses one renewal contracts,
 * it does not churn.
 */
#ifndef TEND_RENEWAL_H
#define TEND_RENEWAL_H

#include <stdint.h>

#include "core/err.h"

struct store;

struct renewal_close_input {
	int64_t renewal_id;
	int64_t final;             /* final ARR in cents, >= 0; 0: the renewal was lost */
	const char *reason;        /* churn reason code: required when lost, and only for a
				    * lost or downsold renewal (final below target); NULL: none */
	int32_t closed;            /* the day it closed */
};

/* What a close did, for the caller to show. */
struct renewal_close_result {
	char *account;             /* the account's external id (freed by
				    * renewal_close_result_done) */
	int64_t account_id;        /* the account's id */
	const char *stage;         /* "won" or "lost" */
	int32_t due;               /* the renewal's due date: the ledger event's date */
	int64_t target;            /* target ARR, cents */
	const char *kind;          /* the ledger event: expansion, contraction, churn; NULL: none */
	int64_t delta;             /* its ARR delta, cents (0 without an event) */
	int64_t event_id;          /* its arr_event id (0 without an event) */
	int64_t arr;               /* the account's ARR at the end of the due date, before it */
};

/* Close a renewal and write its ledger event, as one transaction ("renewal
 * close", audited row by row); on any error nothing changes.  ST_USAGE for
 * bad input, naming the field first ("reason: ...", "reason is ...");
 * ST_NOINPUT for an unknown renewal; ST_DATA when it is closed already.
 * On success *out is filled; free it with renewal_close_result_done(). */
enum status renewal_close(struct store *s, const struct renewal_close_input *in,
			  struct renewal_close_result *out, struct err *e);
void renewal_close_result_done(struct renewal_close_result *r);

#endif
