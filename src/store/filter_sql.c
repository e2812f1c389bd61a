/*
 * filter_sql.c -- account filters as SQL (see filter_sql.h).
 */
#include "config.h"

#include "store/filter_sql.h"
#include "store/store_int.h"

/* The query's column for a filter, or an internal error: a caller asked to
 * filter a list by something it does not show. */
static bool
have(const char *col, const char *what, struct err *e, enum status *st)
{
	if (col || *st)
		return col && !*st;
	*st = err_set(e, ST_SOFTWARE, "internal: this list cannot be filtered by %s", what);
	return false;
}

enum status
filter_sql_where(struct buf *sql, const struct account_filter *f, const struct filter_cols *c, int p0,
		 struct err *e)
{
	enum status st = ST_OK;

	if (f->pooled && have(c->owner_id, "owner", e, &st))
		buf_addf(sql, " AND %s IS NULL", c->owner_id);
	if (f->owner && have(c->login, "owner", e, &st))
		buf_addf(sql, " AND %s = ?%d", c->login, p0);
	if (f->segment && have(c->segment, "segment", e, &st))
		buf_addf(sql, " AND %s = ?%d", c->segment, p0 + 1);
	if (f->stage && have(c->stage, "stage", e, &st))
		buf_addf(sql, " AND %s = ?%d", c->stage, p0 + 2);
	if (f->band && have(c->band, "band", e, &st))
		buf_addf(sql, " AND (%s = ?%d OR (?%d = 'unknown' AND %s IS NULL))", c->band, p0 + 3, p0 + 3,
			 c->band);
	if (f->tag && have(c->account_id, "tag", e, &st))
		buf_addf(sql, " AND EXISTS (SELECT 1 FROM account_tags t WHERE t.account_id = %s AND t.tag = ?%d)",
			 c->account_id, p0 + 4);
	if (f->renewing_within >= 0 && have(c->due, "renewal", e, &st) && have(c->today, "renewal", e, &st))
		buf_addf(sql, " AND %s <= date(%s, '+' || ?%d || ' days')", c->due, c->today, p0 + 5);
	if (f->false_positive && have(c->false_positive, "false-positive", e, &st))
		buf_addf(sql, " AND %s = 1", c->false_positive);
	return st;
}

void
filter_sql_bind(sqlite3_stmt *st, const struct account_filter *f, int p0)
{
	if (f->owner)
		sqlite3_bind_text(st, p0, f->owner, -1, SQLITE_TRANSIENT);
	if (f->segment)
		sqlite3_bind_text(st, p0 + 1, f->segment, -1, SQLITE_TRANSIENT);
	if (f->stage)
		sqlite3_bind_text(st, p0 + 2, f->stage, -1, SQLITE_TRANSIENT);
	if (f->band)
		sqlite3_bind_text(st, p0 + 3, f->band, -1, SQLITE_TRANSIENT);
	if (f->tag)
		sqlite3_bind_text(st, p0 + 4, f->tag, -1, SQLITE_TRANSIENT);
	if (f->renewing_within >= 0)
		sqlite3_bind_int(st, p0 + 5, f->renewing_within);
}
