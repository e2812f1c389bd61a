/*
 * filter_sql.h -- an account filter (domain/filter.h) as SQL conditions.
 *
 * The conditions are constant fragments with numbered parameters; the
 * filter's values are bound, never written into the text.  Each query says
 * which of its columns the conditions read (struct filter_cols), so the
 * account list and the health list share one definition of each filter.
 */
#ifndef TEND_FILTER_SQL_H
#define TEND_FILTER_SQL_H

#include <sqlite3.h>

#include "core/buf.h"
#include "core/err.h"
#include "domain/filter.h"

/* The query's expressions for what filters read; NULL: it has none, and a
 * filter on it is refused. */
struct filter_cols {
	const char *account_id;     /* "a.id" */
	const char *owner_id;       /* "a.owner_id" */
	const char *login;          /* "u.login" */
	const char *segment, *stage;
	const char *band;           /* the band in force */
	const char *due;            /* the next open renewal's due date */
	const char *today;          /* the parameter holding today: "?1" */
	const char *false_positive;
};

/* Parameters ?p0 .. ?p0+FILTER_SQL_PARAMS-1 are the filter's. */
#define FILTER_SQL_PARAMS 6

/* Append " AND (...)" for every condition f sets. */
enum status filter_sql_where(struct buf *sql, const struct account_filter *f,
			     const struct filter_cols *c, int p0, struct err *e);
/* Bind f's values to the statement built with filter_sql_where. */
void filter_sql_bind(sqlite3_stmt *st, const struct account_filter *f, int p0);

#endif
