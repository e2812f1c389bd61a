/*
 * account.c -- portfolio queries: the account list with its filters and
 * sorts, and resolving what a user typed ("42", "CRM-0042", "acme") to an
 * account.  ARR comes from the ledger (doc/model.md section 4), so the list is
 * always consistent with the revenue metrics.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/filter_sql.h"
#include "store/store_int.h"

/* Sort keys a user may ask for, mapped to constant ORDER BY fragments.
 * Only these fragments ever reach the SQL text; the user's word does not. */
static const struct {
	const char *key;
	const char *order;
} account_sorts[] = {
	{ "name", "a.name COLLATE NOCASE" },
	{ "arr", "arr" },
	{ "renewal", "due IS NULL, due" },
	{ "owner", "u.login IS NULL, u.login" },
	{ "segment", "a.segment" },
	{ "stage", "a.stage" },
	{ "id", "a.id" },
	{ "external_id", "a.external_id" },
};

const char *const account_sort_keys[] = {
	"name", "arr", "renewal", "owner", "segment", "stage", "id", "external_id", NULL
};

/* NOT INDEXED: walking accounts in rowid order keeps the correlated ledger,
 * renewal and tag look-ups sequential, then 100k short rows are sorted in
 * memory; walking them through the name index made every row and every
 * look-up a random read (2.5 s instead of 0.5 s on a 100k-account book). */
#define ACCOUNT_SELECT \
	"SELECT a.id, a.external_id, a.name, u.login, a.segment, a.stage," \
	" coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e" \
	"           WHERE e.account_id = a.id AND e.date <= ?1), 0) AS arr," \
	" (SELECT min(r.due_date) FROM renewals r" \
	"   WHERE r.account_id = a.id AND r.stage NOT IN ('won', 'lost')) AS due," \
	" (SELECT group_concat(tag, ';') FROM (SELECT tag FROM account_tags t" \
	"   WHERE t.account_id = a.id ORDER BY tag)) AS tags" \
	" FROM accounts a NOT INDEXED LEFT JOIN users u ON u.id = a.owner_id" \
	" WHERE 1"

/* What the filter reads here (store/filter_sql.h); its parameters are ?2.. */
static const struct filter_cols account_cols = {
	.account_id = "a.id", .owner_id = "a.owner_id", .login = "u.login", .segment = "a.segment",
	.stage = "a.stage", .due = "due", .today = "?1",
};
#define ACCOUNT_LIMIT_PARAM (2 + FILTER_SQL_PARAMS)

enum status
store_accounts_each(struct store *s, const struct account_query *q, account_cb cb, void *ctx,
		    struct err *e)
{
	const char *order = NULL;
	char today[DATE_STRLEN];
	struct account_row row;
	struct buf sql;
	sqlite3_stmt *st;
	int32_t due;
	int rc;

	for (size_t i = 0; i < sizeof(account_sorts) / sizeof(account_sorts[0]); i++)
		if (!strcmp(q->sort ? q->sort : "name", account_sorts[i].key))
			order = account_sorts[i].order;
	if (!order)
		return err_set(e, ST_USAGE, "cannot sort by '%s'", q->sort);
	buf_init(&sql);
	buf_adds(&sql, ACCOUNT_SELECT);
	if (filter_sql_where(&sql, &q->filter, &account_cols, 2, e)) {
		buf_done(&sql);
		return e->status;
	}
	buf_addf(&sql, " ORDER BY %s%s, a.id", order, q->descending ? " DESC" : "");
	if (q->limit > 0)
		buf_addf(&sql, " LIMIT ?%d", ACCOUNT_LIMIT_PARAM);
	st = store_stmt(s, sql.data, e);
	buf_done(&sql);
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(s->clock.today, today), -1, SQLITE_TRANSIENT);
	filter_sql_bind(st, &q->filter, 2);
	if (q->limit > 0)
		sqlite3_bind_int64(st, ACCOUNT_LIMIT_PARAM, q->limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(st, 0);
		row.external_id = store_col_text(st, 1);
		row.name = store_col_text(st, 2);
		row.owner = store_col_text(st, 3);
		row.segment = store_col_text(st, 4);
		row.stage = store_col_text(st, 5);
		row.arr_cents = sqlite3_column_int64(st, 6);
		row.renewal_due = store_col_text(st, 7);
		row.renewal_days = row.renewal_due && date_parse(row.renewal_due, &due)
				   ? due - s->clock.today : 0;
		row.tags = store_col_text(st, 8);
		if (cb(ctx, &row))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "listing accounts");
	return ST_OK;
}

/* Exact id, exact external id, exact name (any case), then name prefix. */
enum status
store_account_resolve(struct store *s, const char *key, int64_t *id, struct err *e)
{
	sqlite3_stmt *st;
	struct buf names;
	char *end;
	long long n;
	int count = 0, rc;

	n = strtoll(key, &end, 10);
	st = store_stmt(s,
		"SELECT id, name FROM accounts WHERE id = ?1 OR external_id = ?2 "
		"UNION ALL SELECT id, name FROM accounts WHERE name = ?2 COLLATE NOCASE "
		"LIMIT 1", e);
	if (!st)
		return e->status;
	if (*key && !*end && n > 0)
		sqlite3_bind_int64(st, 1, n);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "finding the account");

	/* A prefix of the name: helpful, but only when it is unambiguous. */
	st = store_stmt(s,
		"SELECT id, name FROM accounts WHERE name LIKE ?1 || '%' ESCAPE '\\' "
		"ORDER BY name COLLATE NOCASE LIMIT 6", e);
	if (!st)
		return e->status;
	{
		struct buf pat;

		buf_init(&pat);
		for (const char *p = key; *p; p++) {
			if (*p == '%' || *p == '_' || *p == '\\')
				buf_addc(&pat, '\\');
			buf_addc(&pat, *p);
		}
		sqlite3_bind_text(st, 1, pat.data, -1, SQLITE_TRANSIENT);
		buf_done(&pat);
	}
	buf_init(&names);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count++ == 0)
			*id = sqlite3_column_int64(st, 0);
		if (count <= 5)
			buf_addf(&names, "%s#%lld %s", count > 1 ? ", " : "",
				 (long long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		buf_done(&names);
		return store_sql_error(s, e, "finding the account");
	}
	if (count == 1) {
		buf_done(&names);
		return ST_OK;
	}
	if (count == 0)
		err_set(e, ST_NOINPUT, "no account matches '%s' (try an id, an external id or a name)", key);
	else
		err_set(e, ST_DATA, "'%s' matches several accounts: %s%s; be more precise", key,
			names.data, count > 5 ? ", ..." : "");
	buf_done(&names);
	return e->status;
}
