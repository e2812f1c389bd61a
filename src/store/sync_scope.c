/*
 * sync_scope.c -- which rows a field copy of some accounts holds (see
 * sync_scope.h and doc/sync.md, "Copies of some accounts").
 *
 * The rule is read from the schema, not listed by hand, so a table added
 * later is held the way its columns say: a row belongs to an account by
 * its account_id column, or through the parent its foreign key names (a
 * milestone's objective, its plan, the plan's account).  Rows of no
 * account are book-wide, but for the two kinds that are somebody's own
 * (a personal task, an inbox item): the copy holds its user's, and those
 * of nobody, only.  The
 * history (the audit log, the change journal), the team dashboard's
 * summary, the search indexes' own tables and sync's bookkeeping are
 * never copied: the clone starts them afresh.
 *
 * A pull to such a copy sends each change with only the rows the copy
 * holds (store/changeset.c writes them back out).  An update carries only
 * the columns it changed, so the account of its row is read from the team
 * book as it is now; a row deleted since is left out, and its deletion,
 * which carries the whole row, follows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/changeset.h"
#include "store/store_int.h"
#include "store/sync.h"
#include "store/sync_scope.h"

/* Somebody's own rows when they belong to no account. */
static const struct {
	const char *table, *column;
} personal_cols[] = {
	{ "tasks", "owner_id" },
	{ "inbox", "recipient_id" },
};

static bool
never_copied(const char *t)
{
	return !strcmp(t, "audit_log") || !strcmp(t, "changes") || !strncmp(t, "sqlite_", 7) ||
	       !strncmp(t, "dash_", 5) || !strncmp(t, "sync_", 5) || strstr(t, "_fts");
}

static enum status
column_no(sqlite3 *db, const char *schema, const char *table, const char *col, int *no, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	*no = -1;
	if (sqlite3_prepare_v2(db, "SELECT cid FROM pragma_table_info(?1, ?2) WHERE name = ?3", -1, &st, NULL))
		return err_set(e, ST_SOFTWARE, "internal: reading the book's tables: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, col, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*no = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
	       : err_set(e, ST_SOFTWARE, "internal: reading the book's tables");
}

/* Does table hold rows of accounts (depth: how far up it may look)? */
static enum status
classify(sqlite3 *db, const char *schema, const char *table, struct scope_table *out, int depth,
	 struct err *e)
{
	sqlite3_stmt *st;
	enum status rs = ST_OK;
	int no, rc;

	memset(out, 0, sizeof(*out));
	snprintf(out->name, sizeof(out->name), "%s", table);
	out->colno = out->personalno = -1;
	if (never_copied(table)) {
		out->kind = SCOPE_NONE;
		return ST_OK;
	}
	if (!strcmp(table, "accounts")) {
		out->kind = SCOPE_ACCOUNT;
		out->colno = 0;
		return ST_OK;
	}
	for (size_t i = 0; i < sizeof(personal_cols) / sizeof(personal_cols[0]); i++)
		if (!strcmp(personal_cols[i].table, table)) {
			snprintf(out->personal, sizeof(out->personal), "%s", personal_cols[i].column);
			if ((rs = column_no(db, schema, table, out->personal, &out->personalno, e)))
				return rs;
		}
	if ((rs = column_no(db, schema, table, "account_id", &no, e)))
		return rs;
	if (no >= 0) {
		out->kind = SCOPE_BY_ACCOUNT;
		out->ncols = 1;
		snprintf(out->cols[0], sizeof(out->cols[0]), "account_id");
		out->colno = no;
		return ST_OK;
	}
	out->kind = SCOPE_ALL;
	if (depth <= 0)
		return ST_OK;
	if (sqlite3_prepare_v2(db, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?1, ?2) ORDER BY id",
			       -1, &st, NULL))
		return err_set(e, ST_SOFTWARE, "internal: reading the book's keys: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
	while (!rs && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *parent = (const char *)sqlite3_column_text(st, 0);
		const char *col = (const char *)sqlite3_column_text(st, 1);
		struct scope_table up;

		if (!parent || !col || !strcmp(parent, table))
			continue;
		if ((rs = classify(db, schema, parent, &up, depth - 1, e)))
			break;
		if (up.kind != SCOPE_ACCOUNT && up.kind != SCOPE_BY_ACCOUNT && up.kind != SCOPE_CHILD)
			continue;
		if (out->ncols == SCOPE_PARENTS) {
			rs = err_set(e, ST_SOFTWARE, "internal: %s points at more than %d tables of accounts",
				     table, SCOPE_PARENTS);
			break;
		}
		out->kind = SCOPE_CHILD;
		snprintf(out->cols[out->ncols], sizeof(out->cols[0]), "%s", col);
		snprintf(out->parents[out->ncols], sizeof(out->parents[0]), "%s", parent);
		out->ncols++;
	}
	sqlite3_finalize(st);
	if (!rs && out->kind == SCOPE_CHILD)
		rs = column_no(db, schema, table, out->cols[0], &out->colno, e);
	return rs;
}

enum status
scope_classify(sqlite3 *db, const char *schema, const char *table, struct scope_table *out, struct err *e)
{
	return classify(db, schema, table, out, 6, e);
}

/* -- the pull's filter ------------------------------------------------------------ */

#define FILTER_TABLES 96

struct scope_filter {
	struct store *s;
	int64_t copy, lo, hi, user_id;
	struct scope_table t[FILTER_TABLES];
	int nt;
};

enum status
scope_filter_open(struct store *s, int64_t copy, struct scope_filter **out, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (!s->has_sync || copy <= 0)
		return ST_OK;
	if (!(st = store_stmt(s, "SELECT kind, user_id FROM sync_scopes WHERE copy = ?1", e)))
		return e->status;
	sqlite3_bind_int64(st, 1, copy);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && strcmp(store_col_text(st, 0), "team")) {
		struct scope_filter *f = xcalloc(1, sizeof(*f));

		f->s = s;
		f->copy = copy;
		f->lo = SYNC_TEAM_HI + copy * SYNC_RANGE;
		f->hi = f->lo + SYNC_RANGE;
		f->user_id = sqlite3_column_type(st, 1) == SQLITE_INTEGER ? sqlite3_column_int64(st, 1) : 0;
		*out = f;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading what the copy holds");
	return ST_OK;
}

void
scope_filter_close(struct scope_filter *f)
{
	free(f);
}

static const struct scope_table *
table_info(struct scope_filter *f, const char *name, struct err *e)
{
	for (int i = 0; i < f->nt; i++)
		if (!strcmp(f->t[i].name, name))
			return &f->t[i];
	if (f->nt == FILTER_TABLES) {
		err_set(e, ST_SOFTWARE, "internal: more than %d tables in a change", FILTER_TABLES);
		return NULL;
	}
	if (scope_classify(f->s->db, "main", name, &f->t[f->nt], e))
		return NULL;
	return &f->t[f->nt++];
}

static enum status
in_scope(struct scope_filter *f, int64_t account, bool *yes, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (account >= f->lo && account < f->hi) {
		*yes = true;   /* an account the copy made */
		return ST_OK;
	}
	if (!(st = store_stmt(f->s, "SELECT 1 FROM sync_scope_accounts WHERE copy = ?1 AND account_id = ?2", e)))
		return e->status;
	sqlite3_bind_int64(st, 1, f->copy);
	sqlite3_bind_int64(st, 2, account);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(f->s, e, "reading what the copy holds");
	return ST_OK;
}

/* Is the row of a table (kind BY_ACCOUNT) with this account and this
 * owner (personal column; 0 NULL) the copy's? */
static enum status
row_decide(struct scope_filter *f, const struct scope_table *t, int64_t account, int64_t owner, bool *yes,
	   struct err *e)
{
	if (account)
		return in_scope(f, account, yes, e);
	/* Nobody's (an unassigned task) is everybody's. */
	*yes = !*t->personal || !owner || owner == f->user_id;
	return ST_OK;
}

/* Row id of t as the team book has it now: is it the copy's?  A row
 * gone since is not (*yes false). */
static enum status
row_in_scope(struct scope_filter *f, const struct scope_table *t, int64_t id, bool *yes, struct err *e)
{
	*yes = false;
	for (int depth = 0; depth < 8; depth++) {
		char sql[256];
		sqlite3_stmt *st;
		int64_t a = 0, owner = 0;
		int rc;

		switch (t->kind) {
		case SCOPE_ALL: *yes = true; return ST_OK;
		case SCOPE_NONE: return ST_OK;
		case SCOPE_ACCOUNT: return in_scope(f, id, yes, e);
		case SCOPE_BY_ACCOUNT:
		case SCOPE_CHILD:
			break;
		}
		/* Names from the schema, never data. */
		snprintf(sql, sizeof(sql), "SELECT \"%s\", %s%s%s FROM \"%s\" WHERE rowid = ?1", t->cols[0],
			 *t->personal ? "\"" : "", *t->personal ? t->personal : "NULL", *t->personal ? "\"" : "",
			 t->name);
		if (!(st = store_stmt(f->s, sql, e)))
			return e->status;
		sqlite3_bind_int64(st, 1, id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			a = sqlite3_column_int64(st, 0);
			owner = sqlite3_column_int64(st, 1);
		}
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return ST_OK;
		if (rc != SQLITE_ROW)
			return store_sql_error(f->s, e, "reading what the copy holds");
		if (t->kind == SCOPE_BY_ACCOUNT)
			return row_decide(f, t, a, owner, yes, e);
		if (!a)
			return ST_OK;   /* a child of nothing: nobody's */
		if (!(t = table_info(f, t->parents[0], e)))
			return e->status;
		id = a;
	}
	return ST_OK;
}

/* The value of column col the change carries: the new one of an insert,
 * the old one of a delete, of an update the new when it changed the
 * column (else none: *v NULL). */
static sqlite3_value *
carried(sqlite3_changeset_iter *it, int op, int col)
{
	sqlite3_value *v = NULL;

	if (col < 0)
		return NULL;
	if (op == SQLITE_DELETE)
		sqlite3changeset_old(it, col, &v);
	else
		sqlite3changeset_new(it, col, &v);
	return v;
}

static int64_t
int_of(sqlite3_value *v)
{
	return v && sqlite3_value_type(v) == SQLITE_INTEGER ? sqlite3_value_int64(v) : 0;
}

static int
keep_row(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	struct scope_filter *f = ctx;
	const struct scope_table *t = table_info(f, table, e);
	sqlite3_value *pk = NULL, *v;
	bool yes = false;

	if (!t)
		return -1;
	if (t->kind == SCOPE_ALL)
		return 1;
	if (t->kind == SCOPE_NONE)
		return 0;
	if (op == SQLITE_INSERT)
		sqlite3changeset_new(it, 0, &pk);
	else
		sqlite3changeset_old(it, 0, &pk);
	if (t->kind == SCOPE_ACCOUNT) {
		if (in_scope(f, int_of(pk), &yes, e))
			return -1;
		return yes;
	}
	v = carried(it, op, t->colno);
	if (!v) {
		/* An update of other columns: the row as it is now. */
		if (row_in_scope(f, t, int_of(pk), &yes, e))
			return -1;
		return yes;
	}
	if (t->kind == SCOPE_BY_ACCOUNT) {
		sqlite3_value *o = carried(it, op, t->personalno);

		if (!int_of(v) && *t->personal && !o && op == SQLITE_UPDATE) {
			if (row_in_scope(f, t, int_of(pk), &yes, e))
				return -1;
			return yes;
		}
		if (row_decide(f, t, int_of(v), int_of(o), &yes, e))
			return -1;
		return yes;
	}
	/* A child: its parent decides. */
	if (!int_of(v))
		return 0;
	{
		const struct scope_table *up = table_info(f, t->parents[0], e);

		if (!up || row_in_scope(f, up, int_of(v), &yes, e))
			return -1;
	}
	return yes;
}

enum status
scope_filter_change(struct scope_filter *f, const void *cs, int n, struct buf *out, struct err *e)
{
	return changeset_filter(cs, n, keep_row, f, out, e);
}
