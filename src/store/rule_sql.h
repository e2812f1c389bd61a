/*
 * rule_sql.h -- the rule compiler: a playbook rule's condition as one SQL
 * statement over the whole book.
 *
 * Each fact of the catalog has a standalone SQL expression on the account
 * row (store/fact_sql.h); a condition becomes a WHERE clause of those
 * expressions and bound constants, cheapest terms first so SQLite can stop
 * early, and the idempotency scope becomes a column (the scope key) and an
 * EXISTS probe of the firings already recorded.  One statement per rule
 * means a run over 100k accounts is a handful of set-based queries, never
 * a loop in C over accounts.  Constants from the YAML are always bound
 * parameters: no text from a playbook is ever pasted into SQL.
 *
 * With `stored`, facts kept in account_facts (store/account_facts.h) are
 * read from its columns instead, joined as `af`: the caller has checked
 * that they are fresh.  The others stay expressions.
 *
 * Columns of the statement: 0 account id, 1 scope key (NULL: out of scope,
 * e.g. no open renewal), 2 already fired in that scope (0/1), 3 the earliest
 * open renewal's id, 4 its due date, 5 its target ARR (cents), then one
 * column per fact in `facts` (placeholders {fact.NAME}).
 * Parameters: ?1 the date (YYYY-MM-DD), ?2 the rule id, then `params`.
 */
#ifndef TEND_RULE_SQL_H
#define TEND_RULE_SQL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "domain/facts.h"
#include "domain/playbook.h"

#define RULE_SQL_FIRST_PARAM 3
#define RULE_SQL_FIRST_FACT 6

struct rule_param {
	bool is_text;
	double num;
	const char *text;     /* borrowed from the rule */
};

struct rule_sql {
	struct buf sql;
	struct rule_param *params;   /* ?3, ?4, ... */
	size_t nparams, cap;
	int facts[FACT_COUNT_];      /* extra columns, in order */
	int nfacts;
	bool stored;                 /* reads account_facts */
};

/* Compile r (which must have validated), reading stored facts when
 * stored is set.  Never fails. */
void rule_sql_compile(const struct pb_rule *r, bool stored, struct rule_sql *q);
void rule_sql_done(struct rule_sql *q);

/* The statement with its parameters written in as SQL literals, for people
 * and for timing it in the sqlite3 shell (`tend playbook sql`).  tend
 * itself only ever runs the parameterised form. */
void rule_sql_inline(const struct rule_sql *q, const char *date, const char *rule_id,
		     struct buf *out);

#endif
