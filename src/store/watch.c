/*
 * watch.c -- whether another session changed the book (see watch.h).
 */
#include "config.h"

#include "store/store_int.h"
#include "store/watch.h"

enum status
store_data_version(struct store *s, int64_t *version, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "PRAGMA data_version", e);
	int rc;

	if (!st)
		return e->status;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "asking whether the book changed");
	return ST_OK;
}
