/*
 * renewals.h -- the renewal motion read set-based: the pipeline with the
 * evidence of each cadence step, the calendar's renewals, the forecast,
 * and what closing a renewal needs to know (its term, the account's open
 * work).
 *
 * The pipeline is one statement for however many renewals: each row looks
 * up its evidence with a range read per table through an index by account
 * (or renewal) and date -- renewal_steps, touchpoints, done tasks, stage
 * history: schema/NNNN_renewal_cadence.sql -- never one query per renewal.
 * The open renewals' pipeline reads it ready instead, from the evidence
 * table the write path keeps (schema/NNNN_renewal_evidence.sql,
 * store/wtx_evidence.c): the same rows, one range read in order.
 * The evidence of a step is its first date in the cycle (cadence.h):
 *   t120  a t120 step logged, an EBR or QBR held, the playbook task
 *         renewal-t120 done;
 *   t90   a t90 step logged, the task renewal-t90 (handshake #3) done, the
 *         account entering the renew stage;
 *   t60   a t60 step logged (tend logs it when the stage becomes
 *         negotiating), the task renewal-t60 done;
 *   t30   a t30 step logged (and when the forecast becomes commit), the
 *         task renewal-t30 done.
 * Rows borrow their text from the statement: copy what outlives the call.
 */
#ifndef TEND_STORE_RENEWALS_H
#define TEND_STORE_RENEWALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/cadence.h"

struct store;

/* Which renewals: due in [from, to] (day numbers), whose owner (the
 * renewal's, else the account's) is owner ("pooled": none; NULL: any),
 * in team (NULL: any); open ones only, or every one. */
struct renewals_query {
	int32_t from, to;
	const char *owner;
	const char *team;
	bool open_only;
	bool light;                      /* every renewal, without ARR, evidence and changes
					  * (the calendar's grid): open_only is ignored */
	const struct cadence *cadence;   /* for the cycle's opening */
	bool computed;                   /* open ones: evidence, ARR and changes computed
					  * from the book, not read from the evidence table
					  * (slow: for holding the table to the book) */
};

struct renewal_line {
	int64_t id, account_id;
	const char *external_id, *account;    /* the account */
	const char *owner, *team, *segment;   /* owner login (NULL: pooled) and their team */
	const char *band;                     /* health band in force, NULL: not scored */
	const char *category, *stage;         /* forecast category, renewal stage */
	int32_t due, closed;                  /* closed: 0 while open */
	int64_t target, forecast, final;      /* cents; forecast/final -1 when not set */
	int64_t arr;                          /* the account's ARR today, cents */
	int32_t evidence[CADENCE_STEPS];      /* first evidence of each step, CADENCE_NONE */
	int64_t changes;                      /* audited changes of the renewal and its
					       * steps since it was written: SEQUENCE */
};

/* Each renewal q selects, by due date then id; cb returns nonzero to stop. */
enum status store_renewals(struct store *s, const struct renewals_query *q,
			   int (*cb)(void *, const struct renewal_line *), void *ctx, struct err *e);

/* -- the calendar's days ------------------------------------------------------- */

/* One day of the grid: the renewals due (every stage) and the worst of
 * them: 0 won, 1 lost, 2 commit, 3 likely, 4 at risk. */
struct calendar_day {
	int32_t day;
	int64_t renewals, arr;      /* how many, their target ARR (cents) */
	int worst;
};

/* Each day of [from, to] with renewals due, in order, aggregated in SQL;
 * owner as in renewals_query (NULL: any). */
enum status store_calendar_days(struct store *s, int32_t from, int32_t to, const char *owner,
				int (*cb)(void *, const struct calendar_day *), void *ctx,
				struct err *e);

/* -- the forecast ------------------------------------------------------------- */

enum forecast_by { FC_BOOK, FC_CSM, FC_SEGMENT, FC_TEAM, FC_QUARTER };
extern const char *const forecast_by_names[];   /* "book", "csm", ... NULL-ended */

struct forecast_sums {
	const char *group;          /* the group's name; NULL: pooled / the book */
	int64_t renewals, due;      /* renewals due in the period, their target ARR */
	int64_t open;               /* of them still open */
	int64_t commit, likely, at_risk;   /* open ones' forecast ARR (else target) by category */
	int64_t commit_gross, likely_gross;   /* the same, each at most its target */
	int64_t won, won_final, won_gross;    /* won: count, final ARR, min(final, target) */
	int64_t lost, lost_target;            /* lost: count, target ARR */
};

/* Renewals due in [t0, t1) grouped by `by`, one callback per group in
 * order of its name (FC_BOOK: one). */
enum status store_forecast(struct store *s, int32_t t0, int32_t t1, enum forecast_by by,
			   int (*cb)(void *, const struct forecast_sums *), void *ctx,
			   struct err *e);

/* -- working one renewal ------------------------------------------------------- */

struct renewal_rec {
	int64_t id, account_id;
	int32_t due;
	int64_t target, forecast;   /* forecast -1: not set */
	char category[16], stage[16];
	int64_t owner_id;           /* 0: none */
	int64_t contract_id;        /* 0: none */
	int term_months;            /* the contract's length in months, else 12 */
};
enum status store_renewal_rec(struct store *s, int64_t id, struct renewal_rec *r, struct err *e);

/* The account's open (and snoozed) tasks and its open or mitigating risks,
 * as of today; free both arrays. */
enum status store_account_open_work(struct store *s, int64_t account_id, int64_t **tasks,
				    size_t *ntasks, int64_t **risks, size_t *nrisks, struct err *e);

/* An open task (snoozed ones whose snooze ended too) of an account. */
struct open_task {
	int64_t id, account_id;
	const char *title, *priority;
	int32_t due;                /* CADENCE_NONE: no due date */
};
/* Every open task of an account, by account then id: one statement, the
 * caller keeps those of the accounts it wants. */
enum status store_open_tasks(struct store *s, int (*cb)(void *, const struct open_task *),
			     void *ctx, struct err *e);

/* The account's lifecycle stage, into out. */
enum status store_account_stage(struct store *s, int64_t account_id, char *out, size_t size,
				struct err *e);

/* Has the renewal a step k logged already? */
enum status store_renewal_step_logged(struct store *s, int64_t id, const char *step, bool *yes,
				      struct err *e);

#endif
