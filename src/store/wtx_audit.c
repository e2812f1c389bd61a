/*
 * wtx_audit.c -- the write path's audit records (see wtx_int.h): a row's
 * values as JSON, and each record's place in the hash chain.
 *
 * A mapped import audits every row it writes, so both run once per row
 * and were most of its time: the row's JSON was built by a SELECT whose
 * text was written per row and which made SQLite build, parse and patch
 * JSON (json_object inside json_patch), and every record read max(id) and
 * the last hash of the log.  Here the read is prepared once per entity and
 * action, its columns are written out as JSON in C -- byte for byte what
 * json_object() and json_patch() wrote, so old and new records read and
 * compare alike -- and the chain's head is read once per action and then
 * kept: the action holds the write lock and every audit row is written
 * through wtx_audit_insert(), so nothing else moves it meanwhile.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/row.h"
#include "store/store_int.h"
#include "store/wtx_int.h"

/* A JSON string as SQLite's json functions write one: '"' and '\\'
 * escaped, the control characters below 0x20 as \b \t \n \f \r or
 * \u00xx, everything else (UTF-8 included) as it is. */
void
wtx_json_string(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t from = 0;

	buf_addc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc = 0;

		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		buf_add(out, s + from, i - from);
		from = i + 1;
		switch (c) {
		case '"': case '\\': esc = (char)c; break;
		case '\b': esc = 'b'; break;
		case '\t': esc = 't'; break;
		case '\n': esc = 'n'; break;
		case '\f': esc = 'f'; break;
		case '\r': esc = 'r'; break;
		}
		if (esc) {
			buf_addc(out, '\\');
			buf_addc(out, esc);
		} else {
			buf_adds(out, "\\u00");
			buf_addc(out, hex[c >> 4]);
			buf_addc(out, hex[c & 15]);
		}
	}
	buf_add(out, s + from, n - from);
	buf_addc(out, '"');
}

size_t
wtx_int_text(int64_t v, char out[24])
{
	/* Digits backwards from the end, then moved to the front: what
	 * "%lld" writes, without printf's parsing of its format per number
	 * (several per audited row). */
	char tmp[24];
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	size_t n = 0, len = 0;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		out[len++] = '-';
	while (n)
		out[len++] = tmp[--n];
	out[len] = '\0';
	return len;
}

enum status
wtx_json_member(struct buf *out, const char *key, sqlite3_stmt *st, int col, bool is_json,
		bool compact, int *n)
{
	/* The type first: reading a number as text converts it (and costs
	 * an allocation per column per row). */
	int type = sqlite3_column_type(st, col);
	char num[24];

	if (type == SQLITE_NULL && compact)
		return ST_OK;   /* json_patch drops the members that are null */
	if (type == SQLITE_BLOB)
		return ST_DATA;   /* json_object cannot hold a blob either */
	buf_addc(out, (*n)++ ? ',' : '{');
	wtx_json_string(out, key, strlen(key));
	buf_addc(out, ':');
	if (type == SQLITE_NULL) {
		buf_adds(out, "null");
	} else if (type == SQLITE_INTEGER) {
		/* SQLite writes an integer as %lld does. */
		buf_add(out, num, wtx_int_text(sqlite3_column_int64(st, col), num));
	} else if (type == SQLITE_TEXT && !is_json) {
		wtx_json_string(out, (const char *)sqlite3_column_text(st, col),
				(size_t)sqlite3_column_bytes(st, col));
	} else {
		/* A real as SQLite writes it ("1.0e+20"), or JSON text as it is. */
		buf_add(out, sqlite3_column_text(st, col), (size_t)sqlite3_column_bytes(st, col));
	}
	return ST_OK;
}

/* The statement reading ent's row for its JSON: the columns in field
 * order, each list field as its sorted JSON array where it stands (but
 * with no_lists, for a new row without elements). */
static sqlite3_stmt *
read_stmt(struct wtx *t, const struct entity *ent, bool no_lists, struct err *e)
{
	struct buf sql;
	sqlite3_stmt *st;
	int n = 0;

	for (int i = 0; i < t->nreads; i++)
		if (t->reads[i].ent == ent && t->reads[i].no_lists == no_lists) {
			sqlite3_reset(t->reads[i].st);
			return t->reads[i].st;
		}
	buf_init(&sql);
	buf_adds(&sql, "SELECT ");
	for (int i = 0; i < ent->nfields; i++) {
		const struct list_def *l = ent->fields[i].list;

		if (l && !no_lists)
			buf_addf(&sql, "%s(SELECT json_group_array(%s) FROM (SELECT %s FROM %s "
				 "WHERE %s = ?1 ORDER BY %s))", n++ ? ", " : "", l->value, l->value,
				 l->table, l->parent, l->value);
		if (ent->fields[i].column)
			buf_addf(&sql, "%s%s", n++ ? ", " : "", ent->fields[i].column);
	}
	buf_addf(&sql, " FROM %s WHERE id = ?1", ent->table);
	st = store_stmt(t->s, sql.data, e);
	buf_done(&sql);
	if (st && t->nreads < WTX_READS)
		t->reads[t->nreads++] = (struct wtx_read){ ent, no_lists, st };
	return st;
}

/* The row as JSON; no_lists: its list fields are empty, written [] as
 * json_group_array() writes no elements, without asking. */
static enum status
row_json(struct wtx *t, const struct entity *ent, int64_t id, bool compact, bool no_lists,
	 char **json, struct err *e)
{
	sqlite3_stmt *st = read_stmt(t, ent, no_lists, e);
	struct buf out;
	int rc, col = 0, n = 0;
	enum status bad = ST_OK;

	*json = NULL;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			store_sql_error(t->s, e, "recording the audit log");
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? ST_OK : e->status;
	}
	buf_init(&out);
	for (int i = 0; i < ent->nfields && !bad; i++) {
		if (ent->fields[i].list && no_lists) {
			buf_addc(&out, n++ ? ',' : '{');
			wtx_json_string(&out, ent->fields[i].name, strlen(ent->fields[i].name));
			buf_adds(&out, ":[]");
		} else if (ent->fields[i].list) {
			bad = wtx_json_member(&out, ent->fields[i].name, st, col++, true, compact, &n);
		}
		if (ent->fields[i].column && !bad)
			bad = wtx_json_member(&out, ent->fields[i].column, st, col++, false, compact, &n);
	}
	sqlite3_reset(st);
	if (bad) {
		buf_done(&out);
		return err_set(e, ST_SOFTWARE, "recording the audit log: %s #%lld holds a blob",
			       ent->name, (long long)id);
	}
	buf_adds(&out, n ? "}" : "{}");
	*json = buf_detach(&out);
	return ST_OK;
}

enum status
wtx_row_json(struct wtx *t, const struct entity *ent, int64_t id, bool compact, char **json,
	     struct err *e)
{
	return row_json(t, ent, id, compact, false, json, e);
}

enum status
wtx_row_json_new(struct wtx *t, const struct row *r, int64_t id, bool compact, char **json,
		 struct err *e)
{
	/* A row just inserted has the list elements it was given and no
	 * others: without any, its arrays are known to be empty, and the
	 * read skips an aggregate per list (most of its cost in an import). */
	for (int k = 0; k < r->nitems; k++)
		if (r->ent->fields[r->item_field[k]].type == FT_LIST &&
		    (r->set & (1u << r->item_field[k])))
			return row_json(t, r->ent, id, compact, false, json, e);
	return row_json(t, r->ent, id, compact, true, json, e);
}

static void
bind_static(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* The log's last id and hash, once per action. */
static enum status
read_head(struct wtx *t, struct err *e)
{
	sqlite3_stmt *st = store_stmt(t->s, "SELECT coalesce(max(id), 0), "
				      "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) FROM audit_log", e);
	int rc;

	if (!st)
		return e->status;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 1);

		t->chain.id = sqlite3_column_int64(st, 0);
		t->chain.has_hash = h != NULL;
		snprintf(t->chain.hash, sizeof(t->chain.hash), "%s", h ? h : "");
		t->chain.read = true;
	}
	if (rc != SQLITE_ROW)
		store_sql_error(t->s, e, "recording the audit log");
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : e->status;
}

enum status
wtx_audit_insert(struct wtx *t, const char *table, int64_t row_id, const char *op,
		 const char *old, const char *new, struct err *e)
{
	struct audit_row r = { NULL, 0, t->stamp, t->s->actor, t->action, table, row_id, op, old, new };
	char hash[65];
	sqlite3_stmt *st;

	if (!t->s->has_audit_chain) {
		/* A test's book from before the chain has none. */
		if (!(st = store_stmt(t->s, "INSERT INTO audit_log (at, actor, action, table_name, row_id, "
				      "op, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", e)))
			return e->status;
	} else {
		if (!t->chain.read && read_head(t, e))
			return e->status;
		r.prev = t->chain.has_hash ? t->chain.hash : NULL;
		r.id = t->chain.id + 1;
		audit_hash_row(&r, hash);
		/* The statement is kept for the action: the store's cache
		 * would hash its text for every row. */
		if (t->chain.insert) {
			st = t->chain.insert;
			sqlite3_clear_bindings(st);
		} else if (!(st = t->chain.insert = store_stmt(t->s, "INSERT INTO audit_log (at, actor, "
				"action, table_name, row_id, op, old, new, id, hash) "
				"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", e))) {
			return e->status;
		}
		sqlite3_bind_int64(st, 9, r.id);
		sqlite3_bind_text(st, 10, hash, 64, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 1, t->stamp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->s->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t->action, -1, SQLITE_STATIC);
	/* Static: every text outlives the step (no copy of each row's JSON). */
	bind_static(st, 4, table);
	if (row_id)
		sqlite3_bind_int64(st, 5, row_id);
	sqlite3_bind_text(st, 6, op, -1, SQLITE_STATIC);
	bind_static(st, 7, old);
	bind_static(st, 8, new);
	if (sqlite3_step(st) != SQLITE_DONE) {
		store_sql_error(t->s, e, "recording the audit log");
		sqlite3_reset(st);
		return e->status;
	}
	sqlite3_reset(st);
	if (t->s->has_audit_chain) {
		/* The head moves only with a row that landed. */
		t->chain.id = r.id;
		t->chain.has_hash = true;
		memcpy(t->chain.hash, hash, sizeof(hash));
	}
	return ST_OK;
}
