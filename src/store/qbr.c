/*
 * qbr.c -- a measure as a past health snapshot rated it (see qbr.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/qbr.h"
#include "store/store_int.h"

enum status
store_qbr_measure_then(struct store *s, int64_t account, int32_t day, const char *measure_id,
		       struct qbr_then *out, struct err *e)
{
	/* The path is bound, never written into the SQL: '$."id"'. */
	sqlite3_stmt *st = store_stmt(s,
		"SELECT date, json_extract(measures, ?3 || '.rating'), json_extract(measures, ?3 || '.value')"
		" FROM health_snapshots WHERE account_id = ?1 AND date <= ?4"
		" ORDER BY date > ?2, CASE WHEN date <= ?2 THEN date END DESC, date LIMIT 1", e);
	char t[DATE_STRLEN];
	char d[DATE_STRLEN], path[160];
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return e->status;
	snprintf(path, sizeof(path), "$.\"%s\"", measure_id);
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, date_format(day, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, date_format(s->clock.today, t), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 1) != SQLITE_NULL) {
		out->found = true;
		snprintf(out->date, sizeof(out->date), "%s", store_col_text(st, 0));
		out->rating = sqlite3_column_int(st, 1);
		out->has_value = sqlite3_column_type(st, 2) != SQLITE_NULL;
		out->value = sqlite3_column_double(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the health history");
	return ST_OK;
}
