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
 *
 * In the same transaction, closing moves the motion on:
 *   won   the next term's renewal is created, due one term after this one
 *         (the contract's length, else 12 months; the day of month clamped,
 *         so 29 February renews on 28 February), target = the final ARR,
 *         forecast likely, not started, the same owner;
 *   no ARR left after the event (a loss of the whole account)
 *         the account's stage becomes churned (its stage history too), its
 *         open and snoozed tasks are cancelled and its open risks closed,
 *         each with the note "renewal #N lost (REASON)".  A loss that leaves
 *         ARR (another contract renews) leaves the account's work alone: it
 *         is still a customer.
 * Every row is written through the write path: one audited change, taken
 * back whole by `tend undo`.
 *
 * renewal_set() and renewal_step() work an open renewal: its forecast
 * category, forecast ARR and stage, and the cadence steps logged
 * (cadence.h).  Moving the stage to in_progress logs t90 (the discussion
 * started), to negotiating logs t60, the forecast to commit logs t30 (price
 * agreed), each once and dated on the day of the change.
 */
#ifndef TEND_RENEWAL_H
#define TEND_RENEWAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct store;

struct renewal_close_input {
	int64_t renewal_id;
	int64_t final;             /* final ARR in cents, >= 0; 0: the renewal was lost */
	const char *reason;        /* churn reason code: required when lost, and only for a
				    * lost or downsold renewal (final below target); NULL: none */
	int32_t closed;            /* the day it closed */
	const char *login;         /* who closes it, for the stage history; NULL: nobody known */
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
	int64_t next_id;           /* won: the next term's renewal */
	int32_t next_due;          /* and its due date */
	bool churned;              /* the account's stage became churned */
	size_t tasks_cancelled, risks_closed;
};

/* Close a renewal and write its ledger event, as one transaction ("renewal
 * close", audited row by row); on any error nothing changes.  ST_USAGE for
 * bad input, naming the field first ("reason: ...", "reason is ...");
 * ST_NOINPUT for an unknown renewal; ST_DATA when it is closed already.
 * On success *out is filled; free it with renewal_close_result_done(). */
enum status renewal_close(struct store *s, const struct renewal_close_input *in,
			  struct renewal_close_result *out, struct err *e);
void renewal_close_result_done(struct renewal_close_result *r);

/* What renewal_set changes: NULL / -1 keep a field as it is. */
struct renewal_set_input {
	int64_t renewal_id;
	const char *category;      /* commit, likely, at_risk (lost only by closing) */
	int64_t forecast;          /* forecast ARR, cents; -1: keep */
	const char *stage;         /* not_started, in_progress, negotiating */
	const char *login;         /* who, for the steps logged */
};

/* Change an open renewal ("renewal set"), logging the steps its new
 * stage or category stands for; *changed says whether anything differed
 * (nothing written when not).  ST_USAGE for a bad value (naming the
 * field), ST_NOINPUT for no such renewal, ST_DATA when it is closed. */
enum status renewal_set(struct store *s, const struct renewal_set_input *in, bool *changed,
			struct err *e);

/* Log cadence step (t120, t90, t60, t30) of an open renewal as done on
 * day, with a note (may be NULL), as one change ("renewal step"). */
enum status renewal_step(struct store *s, int64_t renewal_id, const char *step, int32_t day,
			 const char *note, const char *login, int64_t *id, struct err *e);

#endif
