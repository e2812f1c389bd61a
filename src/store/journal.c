/*
 * journal.c -- the change journal and undo (see journal.h).
 *
 * A session (sqlite3session) is attached to every table of the book but the
 * derived ones while an action runs; at commit its changeset goes into the
 * changes table.  To undo, the changeset is inverted and applied with a
 * conflict handler that gives up at the first conflict: the rows it would
 * restore no longer hold what the action wrote.  The search indexes, which
 * the write path keeps by hand, are brought along row by row; the undo's
 * own row changes are audited like any other action's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/json.h"
#include "core/xalloc.h"
#include "store/journal.h"
#include "store/store_int.h"

struct journal {
	sqlite3_session *session;
};

/* Tables whose rows are derived from others: recomputed, never taken back. */
static const char *const derived[] = {
	"audit_log", "changes", "account_facts", "account_facts_state", "account_health",
	"health_snapshots", "renewal_evidence", NULL,
};

static int
journaled(void *ctx, const char *table)
{
	(void)ctx;
	if (!strncmp(table, "sqlite_", 7) || strstr(table, "_fts"))
		return 0;
	/* The team dashboard's summary (store/dash.c): derived, all of it;
	 * and sync's own bookkeeping (store/sync.c), never sent. */
	if (!strncmp(table, "dash_", 5) || !strncmp(table, "sync_", 5))
		return 0;
	for (int i = 0; derived[i]; i++)
		if (!strcmp(derived[i], table))
			return 0;
	return 1;
}

bool
journal_table_synced(const char *table)
{
	return journaled(NULL, table) != 0;
}

enum status
journal_open(struct store *s, struct journal **out, struct err *e)
{
	struct journal *j = xcalloc(1, sizeof(*j));

	*out = NULL;
	if (sqlite3session_create(s->db, "main", &j->session) != SQLITE_OK) {
		free(j);
		return store_sql_error(s, e, "starting the change journal");
	}
	sqlite3session_table_filter(j->session, journaled, NULL);
	if (sqlite3session_attach(j->session, NULL) != SQLITE_OK) {
		journal_close(j);
		return store_sql_error(s, e, "starting the change journal");
	}
	*out = j;
	return ST_OK;
}

void
journal_close(struct journal *j)
{
	if (!j)
		return;
	sqlite3session_delete(j->session);
	free(j);
}

/* How many row changes a changeset holds. */
static int64_t
count_changes(int n, void *cs)
{
	sqlite3_changeset_iter *it;
	int64_t rows = 0;

	if (sqlite3changeset_start(&it, n, cs) != SQLITE_OK)
		return 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		rows++;
	sqlite3changeset_finalize(it);
	return rows;
}

enum status
journal_save(struct journal *j, struct wtx *t, int64_t undo_of, struct err *e)
{
	struct store *s = wtx_store(t);
	sqlite3_stmt *st;
	void *cs = NULL;
	int n = 0;

	if (sqlite3session_isempty(j->session))
		return ST_OK;   /* wrote nothing journaled: nothing to take back */
	if (sqlite3session_changeset(j->session, &n, &cs) != SQLITE_OK)
		return store_sql_error(s, e, "recording the change journal");
	st = store_stmt(s, "INSERT INTO changes (at, actor, action, rows, changeset, undo_of)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);
	if (!st) {
		sqlite3_free(cs);
		return e->status;
	}
	sqlite3_bind_text(st, 1, wtx_stamp(t), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, wtx_action(t), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, count_changes(n, cs));
	sqlite3_bind_blob(st, 5, cs, n, sqlite3_free);
	if (undo_of)
		sqlite3_bind_int64(st, 6, undo_of);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_sql_error(s, e, "recording the change journal");
	/* A push's changes: which copy they came from (store/sync.c). */
	if (s->has_sync && wtx_origin(t)) {
		if (!(st = store_stmt(s, "INSERT INTO sync_origin (change_id, copy) VALUES (?1, ?2)", e)))
			return e->status;
		sqlite3_bind_int64(st, 1, sqlite3_last_insert_rowid(s->db));
		sqlite3_bind_int64(st, 2, wtx_origin(t));
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_sql_error(s, e, "recording the change journal");
	}
	return ST_OK;
}

/* -- reading a change ----------------------------------------------------------- */

/* The column holding the account a row belongs to: the id itself for
 * accounts, account_id elsewhere; -1 when the table has neither. */
static int
account_column(struct store *s, const char *table)
{
	sqlite3_stmt *st;
	int col = -1;

	if (!strcmp(table, "accounts"))
		return 0;
	st = store_stmt(s, "SELECT cid FROM pragma_table_info(?1) WHERE name = 'account_id'", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		col = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return col;
}

/* An update holds only the columns it changed: read the account of the
 * row from the table itself (table is one of the book's, with an
 * account_id column: account_column() said so). */
static bool
row_account(struct store *s, sqlite3_changeset_iter *it, const char *table, int64_t *id)
{
	sqlite3_value *pk = NULL;
	sqlite3_stmt *st;
	char sql[160];
	bool found = false;

	if (sqlite3changeset_old(it, 0, &pk) != SQLITE_OK || !pk)
		return false;
	snprintf(sql, sizeof(sql), "SELECT account_id FROM \"%s\" WHERE rowid = ?1", table);
	if (!(st = store_stmt(s, sql, NULL)))
		return false;
	sqlite3_bind_value(st, 1, pk);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER) {
		*id = sqlite3_column_int64(st, 0);
		found = true;
	}
	sqlite3_reset(st);
	return found;
}

/* The accounts a changeset touches: how many, and the ids of the first 64
 * (seen[0..*nseen)). */
static void
touched_accounts(struct store *s, int n, void *cs, int64_t *count, int64_t *seen, int *nseen_out)
{
	sqlite3_changeset_iter *it;
	int nseen = 0, col = -1;
	char last[64] = "";

	*count = 0;
	*nseen_out = 0;
	if (sqlite3changeset_start(&it, n, cs) != SQLITE_OK)
		return;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;
		sqlite3_value *v = NULL;
		int64_t id;
		bool known = false;

		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		/* A changeset holds a table's changes together: look its
		 * column up once per table, not once per row. */
		if (strcmp(last, table)) {
			snprintf(last, sizeof(last), "%s", table);
			col = account_column(s, table);
		}
		if (col < 0 || col >= ncol)
			continue;
		if (op != SQLITE_INSERT)
			sqlite3changeset_old(it, col, &v);
		if (!v && op != SQLITE_DELETE)
			sqlite3changeset_new(it, col, &v);
		if (v && sqlite3_value_type(v) == SQLITE_INTEGER)
			id = sqlite3_value_int64(v);
		else if (!row_account(s, it, table, &id))
			continue;
		for (int i = 0; i < nseen && !known; i++)
			known = seen[i] == id;
		if (known)
			continue;
		if (nseen < 64)
			seen[nseen++] = id;
		(*count)++;
	}
	sqlite3changeset_finalize(it);
	*nseen_out = nseen;
}

static enum status
account_name(struct store *s, int64_t id, char *out, size_t size, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT name FROM accounts WHERE id = ?1", e);

	out[0] = '\0';
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return ST_OK;
}

enum status
journal_last(struct store *s, const char *actor, int skip, struct journal_change *out, bool *found,
	     struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, at, action, rows, changeset FROM changes c"
		" WHERE actor = ?1 AND undo_of IS NULL"
		"   AND NOT EXISTS (SELECT 1 FROM changes u WHERE u.undo_of = c.id)"
		" ORDER BY id DESC LIMIT 1 OFFSET ?2", e);
	int64_t first = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	*found = false;
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, skip);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		out->id = sqlite3_column_int64(st, 0);
		snprintf(out->at, sizeof(out->at), "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(out->action, sizeof(out->action), "%s", (const char *)sqlite3_column_text(st, 2));
		out->rows = sqlite3_column_int64(st, 3);
		touched_accounts(s, sqlite3_column_bytes(st, 4), (void *)sqlite3_column_blob(st, 4),
				 &out->accounts, out->ids, &out->nids);
		first = out->nids ? out->ids[0] : 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the change journal");
	if (out->accounts == 1)
		return account_name(s, first, out->account, sizeof(out->account), e);
	return ST_OK;
}

/* -- undo -------------------------------------------------------------------------- */

struct applying {
	struct journal_conflict *c;
};

static int
on_conflict(void *ctx, int why, sqlite3_changeset_iter *it)
{
	struct applying *a = ctx;
	const char *table;
	int ncol, op, indirect;
	sqlite3_value *v = NULL;

	if (why == SQLITE_CHANGESET_FOREIGN_KEY) {
		/* Only a count is known: rows written since refer to rows the
		 * undo would remove. */
		a->c->conflict = a->c->foreign = true;
		return SQLITE_CHANGESET_ABORT;
	}
	sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
	/* A row the undo removes is gone already: taken by a cascade from its
	 * parent (a touchpoint's attendees), or by someone, which leaves it as
	 * the undo wants it anyway. */
	if (why == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
		return SQLITE_CHANGESET_OMIT;
	a->c->conflict = true;
	snprintf(a->c->table, sizeof(a->c->table), "%s", table);
	if ((op == SQLITE_INSERT ? sqlite3changeset_new(it, 0, &v) : sqlite3changeset_old(it, 0, &v)) ==
	    SQLITE_OK && v && sqlite3_value_type(v) == SQLITE_INTEGER)
		a->c->row_id = sqlite3_value_int64(v);
	return SQLITE_CHANGESET_ABORT;
}

/* Who changed the conflicting row last, from the audit log. */
static void
last_writer(struct store *s, struct journal_conflict *c)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT actor, action, at FROM audit_log"
				      " WHERE table_name = ?1 AND row_id = ?2 ORDER BY id DESC LIMIT 1", NULL);

	if (!st)
		return;
	sqlite3_bind_text(st, 1, c->table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, c->row_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(c->by, sizeof(c->by), "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(c->action, sizeof(c->action), "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(c->at, sizeof(c->at), "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
}

/* A row's columns present in one side of a change, as a JSON object in the
 * audit log's form (json_object()'s: compact, keys in column order). */
static void
side_json(struct store *s, sqlite3_changeset_iter *it, const char *table, int ncol, bool new,
	  struct buf *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", NULL);
	int col = 0, n = 0;

	buf_reset(out);
	buf_addc(out, '{');
	if (st)
		sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	while (st && col < ncol && sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_value *v = NULL;

		if ((new ? sqlite3changeset_new(it, col, &v) : sqlite3changeset_old(it, col, &v)) ==
		    SQLITE_OK && v) {
			if (n++)
				buf_addc(out, ',');
			json_escape(out, (const char *)sqlite3_column_text(st, 0));
			buf_addc(out, ':');
			switch (sqlite3_value_type(v)) {
			case SQLITE_INTEGER: buf_addf(out, "%lld", (long long)sqlite3_value_int64(v)); break;
			case SQLITE_FLOAT: buf_addf(out, "%.17g", sqlite3_value_double(v)); break;
			case SQLITE_TEXT: json_escape(out, (const char *)sqlite3_value_text(v)); break;
			case SQLITE_NULL: buf_adds(out, "null"); break;
			default: buf_adds(out, "\"(blob)\""); break;
			}
		}
		col++;
	}
	if (st)
		sqlite3_reset(st);
	buf_addc(out, '}');
}

/* An account the undo removes takes its derived rows with it: they are
 * computed from the book (a recompute writes them again), never taken back,
 * and would otherwise hold the account in place by their foreign keys.
 * The current health and stored facts go by ON DELETE CASCADE. */
static enum status
forget_derived(struct store *s, int64_t account, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM health_snapshots WHERE account_id = ?1", e);

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_sql_error(s, e, "taking the change back");
	return ST_OK;
}

/* Which columns of a table its full-text index holds, looked up once per
 * table of a changeset (a changeset holds a table's changes together). */
struct indexed {
	char table[64];
	bool col[64];
	bool any;
	char names[64][48];        /* the table's columns, by cid */
	const char *name[64];
	int ncol;
};

static void
indexed_for(struct store *s, struct indexed *x, const char *table)
{
	sqlite3_stmt *st;
	int i = 0;

	if (!strcmp(x->table, table))
		return;
	snprintf(x->table, sizeof(x->table), "%s", table);
	memset(x->col, 0, sizeof(x->col));
	x->any = false;
	if (!(st = store_stmt(s, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", NULL)))
		return;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW && i < 64) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		snprintf(x->names[i], sizeof(x->names[i]), "%s", name);
		x->name[i] = x->names[i];
		x->any |= x->col[i++] = wtx_indexed_column(table, name);
	}
	x->ncol = i;
	sqlite3_reset(st);
}

/* Does this change alter what the table's full-text index holds?  An
 * update only when it changes an indexed column. */
static bool
reindex(struct store *s, struct indexed *x, sqlite3_changeset_iter *it, const char *table, int ncol,
	int op)
{
	indexed_for(s, x, table);
	if (!x->any)
		return false;
	if (op != SQLITE_UPDATE)
		return true;
	for (int i = 0; i < ncol && i < 64; i++) {
		sqlite3_value *v = NULL;

		if (x->col[i] && sqlite3changeset_new(it, i, &v) == SQLITE_OK && v)
			return true;
	}
	return false;
}

/* An undo of more rows than this is audited as one summary record, as the
 * bulk action it takes back was. */
#define JOURNAL_AUDIT_ROWS 1000

/* Walk a changeset: before applying (pre) take the rows it will change out
 * of the search indexes; after, put them back, and audit each change. */
static enum status
walk(struct wtx *t, int n, void *cs, bool pre, journal_skip_fn skip, void *ctx, struct err *e)
{
	bool rows = count_changes(n, cs) <= JOURNAL_AUDIT_ROWS;
	struct indexed x = { .table = "" };
	struct store *s = wtx_store(t);
	sqlite3_changeset_iter *it;
	struct buf old, new;
	enum status st = ST_OK;

	if (sqlite3changeset_start(&it, n, cs) != SQLITE_OK)
		return store_sql_error(s, e, "reading the change journal");
	buf_init(&old);
	buf_init(&new);
	while (!st && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;
		sqlite3_value *v = NULL;
		int64_t id = 0;

		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		if ((op == SQLITE_INSERT ? sqlite3changeset_new(it, 0, &v) : sqlite3changeset_old(it, 0, &v)) ==
		    SQLITE_OK && v && sqlite3_value_type(v) == SQLITE_INTEGER)
			id = sqlite3_value_int64(v);
		/* The accounts it concerns, for rescoring (wtx.h): where the row
		 * is before and after; an update, only for the columns it
		 * changes (taking back a reassignment rescores nobody). */
		if (op != (pre ? SQLITE_INSERT : SQLITE_DELETE) && id) {
			bool changed[64] = { false };

			indexed_for(s, &x, table);
			for (int i = 0; op == SQLITE_UPDATE && i < ncol && i < 64; i++) {
				sqlite3_value *nv = NULL;

				changed[i] = sqlite3changeset_new(it, i, &nv) == SQLITE_OK && nv;
			}
			st = wtx_collect_row(t, table, id, op == SQLITE_UPDATE ? x.name : NULL,
					     changed, x.ncol < ncol ? x.ncol : ncol, e);
		}
		if (pre) {
			if (!st && op != SQLITE_INSERT && id && reindex(s, &x, it, table, ncol, op))
				st = wtx_fts_sync_table(t, table, id, false, e);
			if (!st && op == SQLITE_DELETE && id && !strcmp(table, "accounts"))
				st = forget_derived(s, id, e);
			continue;
		}
		if (!st && op != SQLITE_DELETE && id && reindex(s, &x, it, table, ncol, op))
			st = wtx_fts_sync_table(t, table, id, true, e);
		if (!st && rows && !(skip && skip(ctx, table, id))) {
			if (op != SQLITE_INSERT)
				side_json(s, it, table, ncol, false, &old);
			if (op != SQLITE_DELETE)
				side_json(s, it, table, ncol, true, &new);
			st = wtx_audit_row(t, table, id, op == SQLITE_INSERT ? "insert" : op == SQLITE_DELETE
					   ? "delete" : "update", op == SQLITE_INSERT ? NULL : old.data,
					   op == SQLITE_DELETE ? NULL : new.data, e);
		}
		wtx_wrote_table(t, table);
	}
	sqlite3changeset_finalize(it);
	buf_done(&old);
	buf_done(&new);
	if (!st && !pre && !rows)
		st = wtx_audit_summary(t, e);
	return st;
}

enum status
journal_undo(struct wtx *t, int64_t id, struct journal_conflict *c, struct err *e)
{
	struct store *s = wtx_store(t);
	struct applying a = { c };
	sqlite3_stmt *st = store_stmt(s, "SELECT changeset FROM changes WHERE id = ?1", e);
	void *inv = NULL;
	int n = 0, rc;

	memset(c, 0, sizeof(*c));
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return err_set(e, ST_NOINPUT, "no change #%lld in the journal", (long long)id);
	}
	rc = sqlite3changeset_invert(sqlite3_column_bytes(st, 0), sqlite3_column_blob(st, 0), &n, &inv);
	sqlite3_reset(st);
	if (rc != SQLITE_OK)
		return store_sql_error(s, e, "inverting the change");
	wtx_undoes(t, id);
	if (walk(t, n, inv, true, NULL, NULL, e)) {
		sqlite3_free(inv);
		return e->status;
	}
	rc = sqlite3changeset_apply(s->db, n, inv, NULL, on_conflict, &a);
	if (c->conflict) {
		sqlite3_free(inv);
		last_writer(s, c);
		if (c->foreign)
			return err_set(e, ST_DATA, "rows written since refer to rows it added; take those back first");
		if (*c->by)
			return err_set(e, ST_DATA, "%s #%lld was changed since by %s ('%s', %s)", c->table,
				       (long long)c->row_id, c->by, c->action, c->at);
		return err_set(e, ST_DATA, "a row of %s it wrote was changed since", c->table);
	}
	if (rc != SQLITE_OK) {
		sqlite3_free(inv);
		return store_sql_error(s, e, "taking the change back");
	}
	rc = walk(t, n, inv, false, NULL, NULL, e);
	sqlite3_free(inv);
	return rc ? e->status : ST_OK;
}

enum status
journal_apply(struct wtx *t, int n, void *cs, journal_conflict_fn conflict, journal_skip_fn skip,
	      void *ctx, struct err *e)
{
	struct store *s = wtx_store(t);
	int rc;

	if (walk(t, n, cs, true, NULL, NULL, e))
		return e->status;
	rc = sqlite3changeset_apply_v2(s->db, n, cs, NULL, conflict, ctx, NULL, NULL,
				       SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
	if (rc == SQLITE_ABORT)
		return err_set(e, ST_DATA, "the change could not be applied");
	/* A foreign key the changeset left broken is said in rc alone. */
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return err_set(e, ST_DATA, "the change names a row this book does not hold, or breaks one "
			       "of its rules: nothing of it was applied");
	if (rc != SQLITE_OK)
		return store_sql_error(s, e, "applying a change");
	return walk(t, n, cs, false, skip, ctx, e) ? e->status : ST_OK;
}
