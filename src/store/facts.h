/*
 * facts.h -- computing the fact catalog (domain/facts.h) from the book.
 *
 * One SQL statement computes every fact for every account as of a date:
 * each source table is aggregated once with GROUP BY (tickets, surveys,
 * touchpoints, invoices, the ledger...) and joined to the accounts, and the
 * few "latest row" facts are index seeks.  Nothing is computed one account
 * at a time in C.  The same statement, filtered to one account, serves
 * `tend health explain`.
 */
#ifndef TEND_STORE_FACTS_H
#define TEND_STORE_FACTS_H

#include <stdint.h>

#include "core/err.h"
#include "domain/facts.h"

struct store;

typedef int (*fact_cb)(void *ctx, const struct fact_row *row);

/* Facts of every account (account_id 0) or of one, as of day, in id order.
 * A non-zero return from cb stops the walk. */
enum status store_facts_each(struct store *s, int32_t day, int64_t account_id, fact_cb cb,
			     void *ctx, struct err *e);

#endif
