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
#include "core/xalloc.h"
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

/* How the resolver tries a key, first tier that matches wins.  Each tier
 * collects every account it matches: one is the answer, several are
 * refused with the candidates listed, never the lowest id picked. */
enum tier { TIER_HASH_ID, TIER_KEY, TIER_NAME, TIER_PREFIX };

#define CANDIDATES_SHOWN 5

static const char *const tier_sql[] = {
	[TIER_HASH_ID] = "SELECT a.id, a.external_id, a.name, u.login FROM accounts a"
		" LEFT JOIN users u ON u.id = a.owner_id WHERE a.id = ?1",
	/* The id and the external id are each unique, but a numeric CRM id
	 * can be another account's row id: then both are candidates. */
	[TIER_KEY] = "SELECT a.id, a.external_id, a.name, u.login FROM accounts a"
		" LEFT JOIN users u ON u.id = a.owner_id WHERE a.id = ?1 OR a.external_id = ?2"
		" ORDER BY a.id",
	[TIER_NAME] = "SELECT a.id, a.external_id, a.name, u.login FROM accounts a"
		" LEFT JOIN users u ON u.id = a.owner_id WHERE a.name = ?2 COLLATE NOCASE"
		" ORDER BY a.id LIMIT 6",
	[TIER_PREFIX] = "SELECT a.id, a.external_id, a.name, u.login FROM accounts a"
		" LEFT JOIN users u ON u.id = a.owner_id WHERE a.name LIKE ?3 || '%' ESCAPE '\\'"
		" ORDER BY a.name COLLATE NOCASE, a.id LIMIT 6",
};

/* The accounts tier t matches: the first in *id, up to CANDIDATES_SHOWN
 * listed in names as "#1 CRM-001 Acme (amara)" (the name left out when
 * the tier matched the name itself), their number in *count (capped at
 * CANDIDATES_SHOWN + 1). */
static enum status
resolve_tier(struct store *s, enum tier t, int64_t n, const char *key, const char *pattern,
	     int64_t *id, int *count, struct buf *names, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, tier_sql[t], e);
	int rc;

	*count = 0;
	if (!st)
		return e->status;
	if (n > 0)
		sqlite3_bind_int64(st, 1, n);
	/* A tier's query uses some of ?1..?3; binding the others is a no-op. */
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, pattern, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *count <= CANDIDATES_SHOWN) {
		const char *owner = (const char *)sqlite3_column_text(st, 3);

		if ((*count)++ == 0)
			*id = sqlite3_column_int64(st, 0);
		if (*count > CANDIDATES_SHOWN)
			continue;
		buf_addf(names, "%s#%lld %s", *count > 1 ? ", " : "",
			 (long long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1));
		if (t != TIER_NAME)
			buf_addf(names, " %s", (const char *)sqlite3_column_text(st, 2));
		buf_addf(names, " (%s)", owner ? owner : "pooled");
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "finding the account");
	return ST_OK;
}

/* Several accounts match key in tier t: refuse, listing them, and say how
 * to name one of them (n is the key as an id, 0 when it is not one). */
static enum status
ambiguous(struct err *e, const char *key, enum tier t, int64_t n, int count, const char *names)
{
	const char *verb = t == TIER_PREFIX ? "starts the names of" : "names";

	if (count > CANDIDATES_SHOWN)
		return err_set(e, ST_USAGE, "'%s' %s more than %d accounts: %s, ...; be more precise, "
			       "or give an id or external id", key, verb, CANDIDATES_SHOWN, names);
	if (t == TIER_KEY)
		return err_set(e, ST_USAGE, "'%s' names %d accounts: %s; write '#%lld' for the one with "
			       "id %lld", key, count, names, (long long)n, (long long)n);
	if (t == TIER_PREFIX)
		return err_set(e, ST_USAGE, "'%s' %s %d accounts: %s; be more precise, or give an id or "
			       "external id", key, verb, count, names);
	return err_set(e, ST_USAGE, "'%s' %s %d accounts: %s; give the id or external id of the one "
		       "you mean", key, verb, count, names);
}

/* "#42" is an id and nothing else; otherwise the id or the external id,
 * then the name (any case), then the start of a name. */
enum status
store_account_resolve(struct store *s, const char *key, int64_t *id, struct err *e)
{
	const char *digits = key[0] == '#' ? key + 1 : key;
	enum tier first = key[0] == '#' ? TIER_HASH_ID : TIER_KEY;
	enum tier last = key[0] == '#' ? TIER_HASH_ID : TIER_PREFIX;
	struct buf pattern, names;
	int64_t found = 0;
	long long n;
	char *end;
	int count = 0;
	enum tier t;
	enum status st = ST_OK;

	if (!*key)
		return err_set(e, ST_USAGE, "no account given (an id, an external id or a name)");
	n = strtoll(digits, &end, 10);
	if (!*digits || *end || n <= 0)
		n = 0;
	if (first == TIER_HASH_ID && !n)
		return err_set(e, ST_USAGE, "'%s' is not an account id (#42 is account 42)", key);
	/* A LIKE pattern matching the key literally, then anything. */
	buf_init(&pattern);
	for (const char *p = key; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addc(&pattern, '\\');
		buf_addc(&pattern, *p);
	}
	buf_init(&names);
	for (t = first; t <= last; t++) {
		buf_reset(&names);
		st = resolve_tier(s, t, n, key, pattern.data, &found, &count, &names, e);
		if (st || count)
			break;
	}
	if (!st && count == 0)
		st = err_set(e, ST_NOINPUT, "no account matches '%s' (try an id, an external id or a name)",
			     key);
	else if (!st && count > 1)
		st = ambiguous(e, key, t, n, count, names.data);
	else if (!st)
		*id = found;
	buf_done(&pattern);
	buf_done(&names);
	return st;
}

char *
store_account_label(struct store *s, int64_t id)
{
	struct err e = { ST_OK, "" };
	sqlite3_stmt *st = store_stmt(s, "SELECT name, external_id FROM accounts WHERE id = ?1", &e);
	char *label = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		label = xasprintf("%s (%s)", (const char *)sqlite3_column_text(st, 0),
				  (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return label;
}
