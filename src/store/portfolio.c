/*
 * portfolio.c -- portfolio rows and search for the interface (portfolio.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/portfolio.h"
#include "store/store_int.h"

#define PORTFOLIO_COLUMNS \
	"SELECT a.id, a.name, u.login, a.segment, a.stage," \
	" coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e" \
	"   WHERE e.account_id = a.id AND e.date <= ?1), 0)," \
	" (SELECT min(r.due_date) FROM renewals r" \
	"   WHERE r.account_id = a.id AND r.stage <> 'won' AND r.stage <> 'lost')," \
	" h.date, h.scorecard, h.scale, h.score, h.band, h.computed_band, h.outcomes, h.experience," \
	" h.false_positive, h.ratings, h.vals, h.trend," \
	" (SELECT group_concat(tag, ';') FROM account_tags t WHERE t.account_id = a.id)," \
	" h.overridden"

static enum status
walk(struct store *s, sqlite3_stmt *st, int32_t day, portfolio_cb cb, void *ctx, struct err *e)
{
	struct portfolio_row r;
	int32_t due;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof(r));
		r.id = sqlite3_column_int64(st, 0);
		r.name = store_col_text(st, 1);
		r.owner = store_col_text(st, 2);
		r.segment = store_col_text(st, 3);
		r.stage = store_col_text(st, 4);
		r.arr_cents = sqlite3_column_int64(st, 5);
		r.renewal_due = store_col_text(st, 6);
		if (r.renewal_due && date_parse(r.renewal_due, &due))
			r.renewal_days = due - day;
		r.scored = sqlite3_column_type(st, 7) != SQLITE_NULL;
		r.date = store_col_text(st, 7);
		r.scorecard = store_col_text(st, 8);
		r.scale = sqlite3_column_int(st, 9);
		r.score_known = sqlite3_column_type(st, 10) != SQLITE_NULL;
		r.score = sqlite3_column_double(st, 10);
		r.band = store_col_text(st, 11);
		r.computed_band = store_col_text(st, 12);
		r.outcomes_known = sqlite3_column_type(st, 13) != SQLITE_NULL;
		r.outcomes = sqlite3_column_double(st, 13);
		r.experience_known = sqlite3_column_type(st, 14) != SQLITE_NULL;
		r.experience = sqlite3_column_double(st, 14);
		r.false_positive = sqlite3_column_int(st, 15);
		r.ratings = store_col_text(st, 16);
		r.vals = store_col_text(st, 17);
		r.trend = store_col_text(st, 18);
		r.tags = store_col_text(st, 19);
		r.overridden = sqlite3_column_int(st, 20);
		if (cb(ctx, &r))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "loading the portfolio");
	return ST_OK;
}

enum status
store_portfolio_first(struct store *s, int32_t day, int limit, portfolio_cb cb, void *ctx, struct err *e)
{
	char date[DATE_STRLEN];
	sqlite3_stmt *st = store_stmt(s, PORTFOLIO_COLUMNS
		" FROM account_health h JOIN accounts a ON a.id = h.account_id"
		" LEFT JOIN users u ON u.id = a.owner_id"
		" WHERE a.stage <> 'churned'"
		" ORDER BY " HEALTH_BAND_RANK("h.band") ", h.score IS NULL, h.score, h.account_id"
		" LIMIT ?2", e);

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, limit);
	return walk(s, st, day, cb, ctx, e);
}

enum status
store_portfolio_chunk(struct store *s, int32_t day, int64_t after_id, int limit, portfolio_cb cb,
		      void *ctx, struct err *e)
{
	char date[DATE_STRLEN];
	sqlite3_stmt *st = store_stmt(s, PORTFOLIO_COLUMNS
		" FROM accounts a LEFT JOIN account_health h ON h.account_id = a.id"
		" LEFT JOIN users u ON u.id = a.owner_id"
		" WHERE a.id > ?2 AND a.stage <> 'churned' ORDER BY a.id LIMIT ?3", e);

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, after_id);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	return walk(s, st, day, cb, ctx, e);
}

enum status
store_portfolio_owners(struct store *s, int (*cb)(void *ctx, const char *login), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT u.login FROM users u"
		" WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.owner_id = u.id) ORDER BY u.login", e);
	int rc;

	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (cb(ctx, (const char *)sqlite3_column_text(st, 0)))
			break;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "listing the owners");
	return ST_OK;
}

enum status
store_account_names(struct store *s, const char *prefix, int limit, int (*cb)(void *ctx, const char *name),
		    void *ctx, struct err *e)
{
	/* A range on the NOCASE index: every name that starts with the
	 * prefix sorts between it and it followed by the last code point. */
	sqlite3_stmt *st = store_stmt(s, "SELECT name FROM accounts"
		" WHERE name COLLATE NOCASE >= ?1 AND name COLLATE NOCASE < ?1 || char(1114111)"
		" ORDER BY name COLLATE NOCASE LIMIT ?2", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (cb(ctx, (const char *)sqlite3_column_text(st, 0)))
			break;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "completing account names");
	return ST_OK;
}

enum status
store_portfolio_last_id(struct store *s, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT coalesce(max(id), 0) FROM accounts", e);
	int rc;

	if (!st)
		return e->status;
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : store_sql_error(s, e, "reading the last account id");
}

/* Words of text as an FTS5 query: each a quoted prefix ("acme"* "renew"*).
 * Only letters and digits pass, so the query language cannot be injected. */
static bool
fts_query(const char *text, struct buf *q)
{
	const unsigned char *p = (const unsigned char *)text;
	bool in = false, any = false;

	for (; *p; p++) {
		bool word = isalnum(*p) || *p >= 0x80;

		if (word && !in) {
			buf_adds(q, any ? " \"" : "\"");
			in = any = true;
		} else if (!word && in) {
			buf_adds(q, "\"*");
			in = false;
		}
		if (word)
			buf_addc(q, (char)*p);
	}
	if (in)
		buf_adds(q, "\"*");
	return any;
}

enum status
store_search_accounts(struct store *s, const char *text, int (*cb)(void *, int64_t), void *ctx,
		      struct err *e)
{
	sqlite3_stmt *st;
	struct buf q;
	int rc;

	buf_init(&q);
	if (!fts_query(text, &q)) {
		buf_done(&q);
		return ST_OK;
	}
	st = store_stmt(s,
		"SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH ?1"
		" UNION SELECT t.account_id FROM touchpoints_fts f JOIN touchpoints t ON t.id = f.rowid"
		" WHERE touchpoints_fts MATCH ?1 ORDER BY 1", e);
	if (!st) {
		buf_done(&q);
		return e->status;
	}
	sqlite3_bind_text(st, 1, q.data, -1, SQLITE_TRANSIENT);
	buf_done(&q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (cb(ctx, sqlite3_column_int64(st, 0)))
			break;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "searching");
	return ST_OK;
}
