/*
 * account_facts.h -- the fact catalog stored per account (schema 0005).
 *
 * A playbook rule over 100k accounts cannot afford to compute its facts
 * again account by account (a "latest usage" seek, a ticket count...: about
 * 40 us a rule and account); `tend health recompute` computes every fact of
 * every account anyway.  So the recompute also stores them, one row per
 * account and one column per fact (fact_sql_stored), with the health facts
 * of the scores it has just written, and the rule compiler reads those
 * columns while they are fresh: as of the day a run evaluates, and nothing
 * they are computed from written since (store/wtx.c marks them stale on
 * such a write; a playbook run's own writes -- tasks, risks, the inbox --
 * leave them be).  Stale, rules compute facts from the book as before: the
 * same answers, only slower.
 */
#ifndef TEND_ACCOUNT_FACTS_H
#define TEND_ACCOUNT_FACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "domain/facts.h"

struct store;
struct wtx;

/* In t (which then keeps them fresh): store the facts of day, account by
 * account, with store_account_facts_put, each replacing the account's
 * row.  They are fresh once t commits; every account must have been put
 * by then. */
enum status store_account_facts_begin(struct wtx *t, int32_t day, struct err *e);
enum status store_account_facts_put(struct wtx *t, const struct fact_row *r, struct err *e);

struct stored_facts {
	bool fresh;                  /* in force for the day asked about */
	char as_of[DATE_STRLEN];     /* the day they are as of; "" when stale */
	int64_t accounts;            /* accounts in the book */
};

/* Are the stored facts as of day, by their state row alone (no count of the
 * accounts: one row read)?  For keeping one account's row in step. */
enum status store_account_facts_as_of(struct store *s, int32_t day, bool *as_of, struct err *e);
/* The stored facts' state for a run as of day. */
enum status store_account_facts_state(struct store *s, int32_t day, struct stored_facts *out,
				      struct err *e);

#endif
