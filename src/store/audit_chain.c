/*
 * audit_chain.c -- the audit log's hash chain: what makes an edited,
 * inserted or removed audit row show.
 *
 * Every audit row carries `hash`, the SHA-256 (GNU Nettle) of the row
 * before it's hash and of its own columns.  A row changed in place no
 * longer matches its hash; one inserted or removed breaks the link of the
 * row after it.  Someone who can write the file can still rebuild the
 * whole chain from the point of their change: the chain makes tampering
 * evident only to whoever kept the head (`tend audit verify` prints it),
 * which is what README and SECURITY.md say.
 *
 * The hash is an SQL function, tend_audit_hash(), registered on every
 * connection, so the write path (wtx.c), the migration that chained the
 * rows of older books (schema/NNNN_audit_chain.sql) and the check below all
 * compute it the same way, in SQL, one statement each.
 */
#include "config.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

#define AUDIT_HASH_ARGS 10  /* prev hash, then id .. new: the row's columns */

/* Each value goes in with a tag and its length, so no two different rows
 * hash the same text ("ab" + "c" is not "a" + "bc", NULL is not ""). */
static void
hash_text(struct sha256_ctx *ctx, const char *text, size_t len)
{
	uint8_t head[9];

	head[0] = text ? 'v' : 'n';
	for (int i = 0; i < 8; i++)
		head[1 + i] = (uint8_t)((uint64_t)len >> (56 - 8 * i));
	sha256_update(ctx, sizeof(head), head);
	if (len)
		sha256_update(ctx, len, (const uint8_t *)text);
}

static void
hash_value(struct sha256_ctx *ctx, sqlite3_value *v)
{
	const char *text = NULL;
	size_t len = 0;

	if (sqlite3_value_type(v) != SQLITE_NULL) {
		text = (const char *)sqlite3_value_text(v);
		len = (size_t)sqlite3_value_bytes(v);
	}
	hash_text(ctx, text, len);
}

static void
hash_begin(struct sha256_ctx *ctx)
{
	sha256_init(ctx);
	sha256_update(ctx, 10, (const uint8_t *)"tend-audit");
}

/* The digest in lower-case hex, 64 characters (not terminated). */
static void
hash_end(struct sha256_ctx *ctx, char out[2 * SHA256_DIGEST_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_digest(ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
}

static void
audit_hash_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct sha256_ctx ctx;
	char out[2 * SHA256_DIGEST_SIZE];

	hash_begin(&ctx);
	for (int i = 0; i < argc; i++)
		hash_value(&ctx, argv[i]);
	hash_end(&ctx, out);
	sqlite3_result_text(cx, out, sizeof(out), SQLITE_TRANSIENT);
}

/* The same digest from C values, as SQLite would pass them to the SQL
 * function: an integer as its decimal text, NULL as NULL.  The write path
 * hashes each row here rather than through SQL, saving a statement's
 * worth of values per audited row of a bulk import. */
void
audit_hash_row(const struct audit_row *r, char out[65])
{
	struct sha256_ctx ctx;
	char id[24], row_id[24];
	const char *text[AUDIT_HASH_ARGS] = {
		r->prev, id, r->at, r->actor, r->action, r->table, r->row_id ? row_id : NULL,
		r->op, r->old, r->new,
	};

	snprintf(id, sizeof(id), "%lld", (long long)r->id);
	snprintf(row_id, sizeof(row_id), "%lld", (long long)r->row_id);
	hash_begin(&ctx);
	for (int i = 0; i < AUDIT_HASH_ARGS; i++)
		hash_text(&ctx, text[i], text[i] ? strlen(text[i]) : 0);
	hash_end(&ctx, out);
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}

int
audit_chain_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "tend_audit_hash", AUDIT_HASH_ARGS,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       audit_hash_fn, NULL, NULL);
}

/* The guards the schema puts on the log (0001 and the chain's migration). */
static const char *const audit_triggers[] = {
	"audit_log_no_update", "audit_log_no_delete", "audit_log_chained",
};

static enum status
missing_trigger(struct store *s, const char **name, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log' AND name = ?1", e);

	*name = NULL;
	if (!st)
		return e->status;
	for (size_t i = 0; i < sizeof(audit_triggers) / sizeof(audit_triggers[0]) && !*name; i++) {
		sqlite3_bind_text(st, 1, audit_triggers[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			*name = audit_triggers[i];
		sqlite3_reset(st);
	}
	return ST_OK;
}

bool
audit_chain_present(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'hash'", NULL);
	bool yes;

	if (!st)
		return false;
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *t = store_col_text(st, i);

	return t ? t : "";
}

#define AUDIT_RECHECK \
	"tend_audit_hash(lag(hash) OVER w, id, at, actor, action, table_name, row_id, op, old, new)"

/* The first row that does not follow from the one stored before it, from
 * the row after `after` on (a full check starts at 0). */
static enum status
first_break(struct store *s, int64_t after, struct audit_verdict *v, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, at, actor, action FROM ("
		" SELECT id, at, actor, action, hash, " AUDIT_RECHECK " AS want FROM audit_log"
		" WHERE id >= (SELECT coalesce(max(id), 0) FROM audit_log WHERE id <= ?1)"
		" WINDOW w AS (ORDER BY id))"
		" WHERE id > ?1 AND hash IS NOT want ORDER BY id LIMIT 1", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, after);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		v->broken_id = sqlite3_column_int64(st, 0);
		snprintf(v->broken_at, sizeof(v->broken_at), "%s", col(st, 1));
		snprintf(v->broken_actor, sizeof(v->broken_actor), "%s", col(st, 2));
		snprintf(v->broken_action, sizeof(v->broken_action), "%s", col(st, 3));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "checking the audit log");
	return ST_OK;
}

static enum status
count_and_head(struct store *s, struct audit_verdict *v, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT count(*), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),"
		" (SELECT count(*) FROM (SELECT at < lag(at) OVER (ORDER BY id) AS back FROM audit_log) WHERE back)"
		" FROM audit_log", e);

	if (!st)
		return e->status;
	if (sqlite3_step(st) == SQLITE_ROW) {
		v->rows = sqlite3_column_int64(st, 0);
		snprintf(v->head, sizeof(v->head), "%s", col(st, 1));
		v->dated_back = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return ST_OK;
}

enum status
store_audit_verify(struct store *s, bool quick, struct audit_verdict *v, struct err *e)
{
	memset(v, 0, sizeof(*v));
	v->chained = audit_chain_present(s);
	if (!v->chained)
		return ST_OK;
	if (missing_trigger(s, &v->missing_trigger, e))
		return e->status;
	if (quick) {
		/* The last row against the one before it: a row appended or
		 * changed at the end by hand shows on the next open. */
		sqlite3_stmt *st = store_stmt(s, "SELECT coalesce(max(id), 0) - 1 FROM audit_log", e);
		int64_t from = 0;

		if (!st)
			return e->status;
		if (sqlite3_step(st) == SQLITE_ROW)
			from = sqlite3_column_int64(st, 0) - 1;
		sqlite3_reset(st);
		return first_break(s, from > 0 ? from : 0, v, e);
	}
	if (count_and_head(s, v, e))
		return e->status;
	return first_break(s, 0, v, e);
}

bool
audit_verdict_ok(const struct audit_verdict *v)
{
	return !v->chained || (!v->missing_trigger && !v->broken_id);
}
