/*
 * plan.h -- a CSM's verbs on success plans (`tend plan`, and the plan
 * pane), each one audited transaction that changes nothing when refused.
 *
 *   new       a draft plan for an account that has no plan in progress,
 *             starting today (or on a given day), its sections filled from
 *             a template (app/plan_template.h) when one is given.
 *   section   one section's text, checked (plan_text_clean); an empty or
 *             unchanged text changes nothing (skipped).
 *   status    one step of the flow draft -> shared -> signed -> active ->
 *             done (domain/plan.h); `signed` only through sign.
 *   sign      a shared plan with objectives, signed by an active contact of
 *             the account on a day that is not in the future.
 *   validate  the day the plan was last validated with the customer.
 * Results and refusals are as app/work.h says; the result's id is the
 * plan's.  Dates are YYYY-MM-DD or relative (today, +2w) to the store's
 * today.  A done plan takes no more changes (ST_DATA).
 */
#ifndef TEND_APP_PLAN_H
#define TEND_APP_PLAN_H

#include <stdint.h>

#include "app/work.h"
#include "core/err.h"

struct store;

struct plan_new_input {
	int64_t account_id;
	const char *start;                 /* NULL: today */
	const char *template_name;         /* recorded with the plan; NULL: none */
	const char *const *sections;       /* PLAN_NSECTIONS texts (NULL each: empty), or NULL */
};

enum status plan_new(struct store *s, const struct plan_new_input *in, struct work_done *out,
		     struct err *e);
/* section: enum plan_section. */
enum status plan_section_set(struct store *s, int64_t plan_id, int section, const char *text,
			     struct work_done *out, struct err *e);
enum status plan_status_set(struct store *s, int64_t plan_id, const char *status,
			    struct work_done *out, struct err *e);
/* signer: a contact id or email; on: NULL for today. */
enum status plan_sign(struct store *s, int64_t plan_id, const char *signer, const char *on,
		      struct work_done *out, struct err *e);
enum status plan_validate(struct store *s, int64_t plan_id, const char *on,
			  struct work_done *out, struct err *e);

/* -- what the plan verbs share (app/plan_items.c too) ------------------------ */
struct plan;
struct wtx;
/* Begin action's transaction and load plan_id in it, refusing a done plan
 * unless any_status; on failure nothing is open. */
enum status plan_begin(struct store *s, const char *action, int64_t plan_id, bool any_status,
		       struct wtx **t, struct plan **p, struct err *e);
/* End it (commit when st is ST_OK) and fill out from the plan; frees p. */
enum status plan_end(struct wtx *t, struct plan *p, int64_t id, enum status st,
		     struct work_done *out, struct err *e);
/* A date field: YYYY-MM-DD or relative, into out[DATE_STRLEN]; NULL and
 * "" are refused unless optional (then out is ""). */
enum status plan_date(struct store *s, const char *field, const char *text, bool optional,
		      char *out, struct err *e);

#endif
