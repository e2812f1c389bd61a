/*
 * opportunity.h -- working expansion opportunities (`tend opportunity add,
 * stage, amount, close`, and the interface's opportunity actions), each one
 * audited transaction.  Playbooks create them too (app/pba_opportunity.c).
 *
 *   add     a new opportunity in stage qualify, forecast pipeline, with its
 *           kind, ARR, title and expected close date; the account's AM
 *           works it and the user adding it is credited with the lead.
 *   stage   moves an open one to qualify, propose or commit; won and lost
 *           are for close.
 *   amount  sets its ARR (zero or more), at any stage.
 *   close   won or lost today, forecast closed, with an optional reason.
 * A closed opportunity refuses stage and close (ST_DATA).  Moving one to
 * the stage it is in already writes nothing (the result is skipped).
 * Results and refusals are as app/work.h says.
 */
#ifndef TEND_OPPORTUNITY_H
#define TEND_OPPORTUNITY_H

#include <stdbool.h>
#include <stdint.h>

#include "app/work.h"
#include "core/err.h"

struct store;

struct opportunity_input {
	int64_t account_id;
	const char *kind;          /* upsell, cross_sell, whitespace, referral */
	const char *title;         /* required */
	int64_t arr_cents;         /* >= 0 */
	bool has_close;
	int32_t expected_close;    /* when it is expected to close */
};

/* login: who adds it (credited as its source when they are a user). */
enum status opportunity_add(struct store *s, const char *login, const struct opportunity_input *in,
			    struct work_done *out, struct err *e);
enum status opportunity_stage(struct store *s, int64_t id, const char *stage,
			      struct work_done *out, struct err *e);
enum status opportunity_amount(struct store *s, int64_t id, int64_t arr_cents,
			       struct work_done *out, struct err *e);
/* reason may be NULL. */
enum status opportunity_close(struct store *s, int64_t id, bool won, const char *reason,
			      struct work_done *out, struct err *e);

#endif
