/*
 * fact_sql.h -- each fact of the catalog (domain/facts.h) as a standalone SQL
 * expression over one account row.
 *
 * store/facts.h computes every fact for the whole book in one statement;
 * the playbook rule compiler (store/rule_sql.h) needs the opposite shape: a
 * condition over facts as the WHERE clause of one
 *   SELECT a.id ... FROM accounts a WHERE <condition>
 * so each fact is here an expression on the row aliased `a`, as of ?1 (the
 * date, 'YYYY-MM-DD'), made of correlated scalar subqueries that are index
 * seeks or range scans over the account's own rows.  ?1 is the only
 * parameter used.  The value is exactly the one store_facts_each gives:
 * NULL where that fact is unknown, 0 where it counts "none" as 0 (counts,
 * flags, arr), labels as the same text, ratios and averages REAL, days and
 * money (cents) INTEGER.  tests/unit/check_fact_sql.c holds them to that.
 */
#ifndef TEND_FACT_SQL_H
#define TEND_FACT_SQL_H

#include <stdbool.h>

/* The fact's value for the account row aliased `a` as of ?1 (YYYY-MM-DD),
 * NULL when unknown; equal to what store_facts_each computes.  The text is
 * in parentheses, usable as an operand anywhere; static.  NULL for an id
 * outside the catalog. */
const char *fact_sql_expr(int fact);
/* Relative cost per account, to order the terms of an AND: 0 a column of
 * accounts, 1 an index seek, 2 an aggregate over the account's rows (a range
 * scan or a small join), 3 several of those. */
int fact_sql_cost(int fact);
/* The accounts column the fact is ("segment"), or NULL when it is computed:
 * a condition on it can use the column's index. */
const char *fact_sql_column(int fact);
/* Is the fact stored in account_facts (a column named as the fact, see
 * store/account_facts.h)?  False for the counts playbook actions change,
 * which are always computed. */
bool fact_sql_stored(int fact);

#endif
