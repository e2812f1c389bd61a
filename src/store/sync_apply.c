/*
 * sync_apply.c -- another book's change applied inside a write transaction
 * (see sync.h): the role check of a push, the conflict handler of push and
 * pull, the columns of a conflicting row written after the changeset, and
 * the conflicts table.
 *
 * A push runs on the team book as the pusher.  For every row a change
 * touches, the pusher must be allowed to write it as it stands (checked
 * before the change for updates and deletes) and as it ends up (after, for
 * inserts and updates), exactly as wtx checks a direct write; the caller
 * rolls the whole push back on a refusal and applies it again without the
 * refused change (the session extension keeps no record of a rolled-back
 * savepoint, so there is no undoing one change alone).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/json.h"
#include "core/xalloc.h"
#include "store/entity.h"
#include "store/store_int.h"
#include "store/sync.h"
#include "store/wtx.h"
#include "store/wtx_int.h"

#define SYNC_MAX_COLS 64

/* A column of a conflicting row that only the copy changed. */
struct pending {
	char table[64], column[64];
	int64_t id;
	sqlite3_value *old, *new;
};

struct applying {
	struct wtx *t;
	const struct sync_change *c;
	bool push;
	int64_t copy;
	struct sync_applied *out;
	struct err *e;
	enum status failed;
	/* the table's columns, looked up once per table of the changeset */
	char table[64];
	char names[SYNC_MAX_COLS][64];
	int ncol;
	/* rows left as they are: not audited */
	struct { char table[64]; int64_t id; } *left;
	size_t nleft;
	struct pending *pend;
	size_t npend;
};

static void
columns_of(struct applying *a, const char *table)
{
	sqlite3_stmt *st;

	if (!strcmp(a->table, table))
		return;
	snprintf(a->table, sizeof(a->table), "%s", table);
	a->ncol = 0;
	if (!(st = store_stmt(wtx_store(a->t), "SELECT name FROM pragma_table_info(?1) ORDER BY cid", NULL)))
		return;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW && a->ncol < SYNC_MAX_COLS)
		snprintf(a->names[a->ncol++], sizeof(a->names[0]), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

static char *
steal(struct buf *b)
{
	char *s = xstrdup(b->data ? b->data : "");

	buf_done(b);
	return s;
}

/* A value as JSON (the audit log's form). */
static void
value_json(struct buf *b, sqlite3_value *v)
{
	switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
	case SQLITE_INTEGER: buf_addf(b, "%lld", (long long)sqlite3_value_int64(v)); break;
	case SQLITE_FLOAT: buf_addf(b, "%.17g", sqlite3_value_double(v)); break;
	case SQLITE_TEXT: json_escape(b, (const char *)sqlite3_value_text(v)); break;
	case SQLITE_NULL: buf_adds(b, "null"); break;
	default: buf_adds(b, "\"(blob)\""); break;
	}
}

static char *
json_of(sqlite3_value *v)
{
	struct buf b;

	buf_init(&b);
	value_json(&b, v);
	return steal(&b);
}

/* The columns of one side of a change as a JSON object. */
static char *
side_json(struct applying *a, sqlite3_changeset_iter *it, int ncol, bool new)
{
	struct buf b;
	int n = 0;

	buf_init(&b);
	buf_addc(&b, '{');
	for (int i = 0; i < ncol && i < a->ncol; i++) {
		sqlite3_value *v = NULL;

		if ((new ? sqlite3changeset_new(it, i, &v) : sqlite3changeset_old(it, i, &v)) != SQLITE_OK || !v)
			continue;
		if (n++)
			buf_addc(&b, ',');
		json_escape(&b, a->names[i]);
		buf_addc(&b, ':');
		value_json(&b, v);
	}
	buf_addc(&b, '}');
	return steal(&b);
}

static bool
same_value(sqlite3_value *x, sqlite3_value *y)
{
	int tx = x ? sqlite3_value_type(x) : SQLITE_NULL, ty = y ? sqlite3_value_type(y) : SQLITE_NULL;

	if (tx != ty)
		return false;
	switch (tx) {
	case SQLITE_NULL: return true;
	case SQLITE_INTEGER: return sqlite3_value_int64(x) == sqlite3_value_int64(y);
	case SQLITE_FLOAT: return sqlite3_value_double(x) == sqlite3_value_double(y);
	default:
		return sqlite3_value_bytes(x) == sqlite3_value_bytes(y) &&
		       !memcmp(sqlite3_value_blob(x), sqlite3_value_blob(y), (size_t)sqlite3_value_bytes(x));
	}
}

/* The last change of a row here, from the audit log: who and when. */
static void
last_writer(struct applying *a, const char *table, int64_t id, char *by, size_t bysz, char *at, size_t atsz)
{
	sqlite3_stmt *st = store_stmt(wtx_store(a->t), "SELECT actor, at FROM audit_log"
				      " WHERE table_name = ?1 AND row_id = ?2 ORDER BY id DESC LIMIT 1", NULL);

	*by = *at = '\0';
	if (!st)
		return;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(by, bysz, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(at, atsz, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
}

static void
record(struct applying *a, const char *kind, const char *table, int64_t id, const char *column,
       const char *original, const char *mine, const char *theirs)
{
	struct store *s = wtx_store(a->t);
	sqlite3_stmt *st;
	char by[64], at[32];

	if (a->failed)
		return;
	last_writer(a, table, id, by, sizeof(by), at, sizeof(at));
	if (!(st = store_stmt(s, "INSERT INTO sync_conflicts (kind, copy, table_name, row_id, column_name,"
			      " original, mine, theirs, mine_by, mine_at, theirs_by, theirs_at)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", a->e))) {
		a->failed = a->e->status;
		return;
	}
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, a->copy);
	sqlite3_bind_text(st, 3, table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, id);
	store_bind_text(st, 5, column);
	store_bind_text(st, 6, original);
	store_bind_text(st, 7, mine);
	store_bind_text(st, 8, theirs);
	sqlite3_bind_text(st, 9, a->c->actor ? a->c->actor : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, a->c->at ? a->c->at : "", -1, SQLITE_TRANSIENT);
	store_bind_text(st, 11, *by ? by : NULL);
	store_bind_text(st, 12, *at ? at : NULL);
	if (sqlite3_step(st) != SQLITE_DONE)
		a->failed = store_sql_error(s, a->e, "recording a sync conflict");
	sqlite3_reset(st);
	a->out->conflicts++;
}

static void
leave(struct applying *a, const char *table, int64_t id)
{
	a->left = xreallocarray(a->left, a->nleft + 1, sizeof(*a->left));
	snprintf(a->left[a->nleft].table, sizeof(a->left[0].table), "%s", table);
	a->left[a->nleft++].id = id;
}

static bool
left_alone(void *ctx, const char *table, int64_t id)
{
	struct applying *a = ctx;

	for (size_t i = 0; i < a->nleft; i++)
		if (a->left[i].id == id && !strcmp(a->left[i].table, table))
			return true;
	return false;
}

/* The team changed this row since the copy saw it: decide per column. */
static void
data_conflict(struct applying *a, sqlite3_changeset_iter *it, const char *table, int ncol, int64_t id)
{
	for (int i = 1; i < ncol && i < a->ncol; i++) {
		sqlite3_value *old = NULL, *new = NULL, *cur = NULL;

		if (sqlite3changeset_new(it, i, &new) != SQLITE_OK || !new)
			continue;   /* not a column the copy changed */
		sqlite3changeset_old(it, i, &old);
		sqlite3changeset_conflict(it, i, &cur);
		if (same_value(old, cur)) {
			struct pending *p;

			a->pend = xreallocarray(a->pend, a->npend + 1, sizeof(*a->pend));
			p = &a->pend[a->npend++];
			snprintf(p->table, sizeof(p->table), "%s", table);
			snprintf(p->column, sizeof(p->column), "%s", a->names[i]);
			p->id = id;
			p->old = sqlite3_value_dup(old);
			p->new = sqlite3_value_dup(new);
		} else if (!same_value(new, cur)) {
			char *o = json_of(old), *m = json_of(new), *th = json_of(cur);

			record(a, "field", table, id, a->names[i], o, m, th);
			free(o);
			free(m);
			free(th);
		}
	}
}

static int
on_conflict(void *ctx, int why, sqlite3_changeset_iter *it)
{
	struct applying *a = ctx;
	const char *table;
	int ncol, op, indirect;
	sqlite3_value *pk = NULL;
	int64_t id = 0;
	char *mine;

	if (why == SQLITE_CHANGESET_FOREIGN_KEY || why == SQLITE_CHANGESET_CONSTRAINT)
		return SQLITE_CHANGESET_ABORT;
	sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
	columns_of(a, table);
	if ((op == SQLITE_INSERT ? sqlite3changeset_new(it, 0, &pk) : sqlite3changeset_old(it, 0, &pk)) ==
	    SQLITE_OK && pk && sqlite3_value_type(pk) == SQLITE_INTEGER)
		id = sqlite3_value_int64(pk);
	if (!a->push) {
		/* A copy takes the team's rows as they are. */
		if (why == SQLITE_CHANGESET_NOTFOUND) {
			a->out->skipped++;
			leave(a, table, id);
			return SQLITE_CHANGESET_OMIT;
		}
		return SQLITE_CHANGESET_REPLACE;
	}
	leave(a, table, id);
	if (why == SQLITE_CHANGESET_NOTFOUND) {
		/* Gone from the team book: the copy's change is kept here. */
		if (op == SQLITE_UPDATE) {
			mine = side_json(a, it, ncol, true);
			record(a, "deleted_there", table, id, NULL, NULL, mine, NULL);
			free(mine);
		} else {
			a->out->skipped++;   /* deleted on both sides */
		}
		return SQLITE_CHANGESET_OMIT;
	}
	if (why == SQLITE_CHANGESET_DATA && op == SQLITE_UPDATE) {
		data_conflict(a, it, table, ncol, id);
		return SQLITE_CHANGESET_OMIT;
	}
	if (why == SQLITE_CHANGESET_DATA && op == SQLITE_DELETE) {
		/* The copy deleted a row the team changed since: it stays. */
		record(a, "deleted_here", table, id, NULL, NULL, NULL, NULL);
		return SQLITE_CHANGESET_OMIT;
	}
	/* An insert whose id is taken: a change applied before. */
	a->out->skipped++;
	return SQLITE_CHANGESET_OMIT;
}

/* Write one column of a row as an ordinary audited change: out of the
 * search index and back, its account collected for rescoring, checked
 * against the actor's role before and after. */
static enum status
write_one(struct wtx *t, const char *table, int64_t id, const char *column, sqlite3_value *old,
	  sqlite3_value *new, struct err *e)
{
	struct store *s = wtx_store(t);
	const struct entity *ent = entity_find(table);
	const char *names[1] = { column };
	bool changed[1] = { true };
	sqlite3_stmt *st;
	struct buf o, n;
	char sql[200];
	enum status rs;

	if ((ent && (rs = wtx_perm_row(t, ent, id, NULL, e))) ||
	    (rs = wtx_fts_sync_table(t, table, id, false, e)) ||
	    (rs = wtx_collect_row(t, table, id, names, changed, 1, e)))
		return rs;
	/* Table and column names come from the schema, never from data. */
	snprintf(sql, sizeof(sql), "UPDATE \"%s\" SET \"%s\" = ?1 WHERE rowid = ?2", table, column);
	if (!(st = store_stmt(s, sql, e)))
		return e->status;
	sqlite3_bind_value(st, 1, new);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return err_set(e, ST_DATA, "%s #%lld: %s cannot take that value", table, (long long)id, column);
	}
	sqlite3_reset(st);
	buf_init(&o);
	buf_init(&n);
	buf_addc(&o, '{');
	json_escape(&o, column);
	buf_addc(&o, ':');
	value_json(&o, old);
	buf_addc(&o, '}');
	buf_addc(&n, '{');
	json_escape(&n, column);
	buf_addc(&n, ':');
	value_json(&n, new);
	buf_addc(&n, '}');
	rs = wtx_fts_sync_table(t, table, id, true, e);
	if (!rs && ent)
		rs = wtx_perm_row(t, ent, id, NULL, e);
	if (!rs)
		rs = wtx_audit_row(t, table, id, "update", o.data, n.data, e);
	buf_done(&o);
	buf_done(&n);
	return rs;
}

/* The columns only the copy changed of the rows that conflicted. */
static enum status
write_pending(struct applying *a, struct err *e)
{
	for (size_t i = 0; i < a->npend; i++) {
		struct pending *p = &a->pend[i];
		enum status rs = write_one(a->t, p->table, p->id, p->column, p->old, p->new, e);

		if (rs)
			return rs;
		a->out->rows++;
	}
	return ST_OK;
}

enum status
store_sync_write_value(struct wtx *t, const char *table, int64_t id, const char *column,
		       const char *json, struct err *e)
{
	struct store *s = wtx_store(t);
	char sql[200];
	sqlite3_stmt *st, *vs;
	enum status rs;

	snprintf(sql, sizeof(sql), "SELECT \"%s\" FROM \"%s\" WHERE rowid = ?1", column, table);
	if (!(st = store_stmt(s, sql, e)) ||
	    !(vs = store_stmt(s, "SELECT json_extract(?1, '$')", e)))
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(vs, 1, json, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return err_set(e, ST_NOINPUT, "%s #%lld is not in the book any more", table, (long long)id);
	}
	if (sqlite3_step(vs) != SQLITE_ROW) {
		sqlite3_reset(st);
		sqlite3_reset(vs);
		return err_set(e, ST_DATA, "not a value: %s", json);
	}
	rs = write_one(t, table, id, column, sqlite3_column_value(st, 0), sqlite3_column_value(vs, 0), e);
	sqlite3_reset(st);
	sqlite3_reset(vs);
	return rs;
}

static void
applying_done(struct applying *a)
{
	for (size_t i = 0; i < a->npend; i++) {
		sqlite3_value_free(a->pend[i].old);
		sqlite3_value_free(a->pend[i].new);
	}
	free(a->pend);
	free(a->left);
}

static int64_t
rows_of(const struct sync_change *c)
{
	sqlite3_changeset_iter *it;
	int64_t n = 0;

	if (sqlite3changeset_start(&it, c->n, (void *)c->cs) != SQLITE_OK)
		return 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		n++;
	sqlite3changeset_finalize(it);
	return n;
}

enum status
store_sync_apply(struct wtx *t, const struct sync_change *c, bool push, int64_t copy,
		 struct sync_applied *out, struct err *e)
{
	struct applying a = { .t = t, .c = c, .push = push, .copy = copy, .out = out, .e = e };
	enum status rs;
	int64_t rows = rows_of(c);

	rs = journal_apply(t, c->n, (void *)c->cs, on_conflict, left_alone, &a, e);
	if (!rs && a.failed)
		rs = a.failed;
	if (!rs)
		out->rows += rows - (int64_t)a.nleft;
	if (!rs)
		rs = write_pending(&a, e);
	applying_done(&a);
	if (rs == ST_DATA && !*e->msg)
		err_set(e, ST_DATA, "change #%lld ('%s') breaks a rule of the book", (long long)c->id,
			c->action ? c->action : "");
	return rs;
}

/* -- the role check of a push ---------------------------------------------------- */

enum status
store_sync_check(struct wtx *t, const struct sync_change *c, bool after, struct err *e)
{
	sqlite3_changeset_iter *it;
	enum status rs = ST_OK;

	if (sqlite3changeset_start(&it, c->n, (void *)c->cs) != SQLITE_OK)
		return store_sql_error(wtx_store(t), e, "reading a change");
	while (!rs && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;
		sqlite3_value *pk = NULL;
		const struct entity *ent;

		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		/* Before: the rows an update or a delete changes, as they are;
		 * after: the rows an insert or an update leaves. */
		if ((after && op == SQLITE_DELETE) || (!after && op == SQLITE_INSERT))
			continue;
		if (!(ent = entity_find(table)))
			continue;   /* a list's rows: their parent row is checked */
		if ((op == SQLITE_INSERT ? sqlite3changeset_new(it, 0, &pk) : sqlite3changeset_old(it, 0, &pk)) !=
		    SQLITE_OK || !pk || sqlite3_value_type(pk) != SQLITE_INTEGER)
			continue;
		rs = wtx_perm_row(t, ent, sqlite3_value_int64(pk), NULL, e);
		/* A row the change could not write is gone: no refusal of it. */
		if (rs == ST_NOINPUT) {
			e->status = ST_OK;
			*e->msg = '\0';
			rs = ST_OK;
		}
	}
	sqlite3changeset_finalize(it);
	return rs;
}

/* -- conflicts ------------------------------------------------------------------------ */

void
sync_conflict_done(struct sync_conflict *c)
{
	free(c->original);
	free(c->mine);
	free(c->theirs);
	c->original = c->mine = c->theirs = NULL;
}

#define CONFLICT_COLS "id, kind, copy, table_name, coalesce(column_name, ''), row_id, original, mine," \
	" theirs, mine_by, mine_at, coalesce(theirs_by, ''), coalesce(theirs_at, ''), status"

static void
read_conflict(sqlite3_stmt *st, struct sync_conflict *c)
{
	const char *v;

	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(st, 0);
	snprintf(c->kind, sizeof(c->kind), "%s", (const char *)sqlite3_column_text(st, 1));
	c->copy = sqlite3_column_int64(st, 2);
	snprintf(c->table, sizeof(c->table), "%s", (const char *)sqlite3_column_text(st, 3));
	snprintf(c->column, sizeof(c->column), "%s", (const char *)sqlite3_column_text(st, 4));
	c->row_id = sqlite3_column_int64(st, 5);
	c->original = (v = store_col_text(st, 6)) ? xstrdup(v) : NULL;
	c->mine = (v = store_col_text(st, 7)) ? xstrdup(v) : NULL;
	c->theirs = (v = store_col_text(st, 8)) ? xstrdup(v) : NULL;
	snprintf(c->mine_by, sizeof(c->mine_by), "%s", (const char *)sqlite3_column_text(st, 9));
	snprintf(c->mine_at, sizeof(c->mine_at), "%s", (const char *)sqlite3_column_text(st, 10));
	snprintf(c->theirs_by, sizeof(c->theirs_by), "%s", (const char *)sqlite3_column_text(st, 11));
	snprintf(c->theirs_at, sizeof(c->theirs_at), "%s", (const char *)sqlite3_column_text(st, 12));
	snprintf(c->status, sizeof(c->status), "%s", (const char *)sqlite3_column_text(st, 13));
}

/* What a person calls the row and the column: the account's name, the
 * catalog's field name.  SQL is built from the catalog's table names only,
 * never from the text stored in the conflict. */
static void
name_conflict(struct store *s, struct sync_conflict *c)
{
	const struct entity *ent = entity_find(c->table);
	char sql[200];
	sqlite3_stmt *st;

	snprintf(c->field, sizeof(c->field), "%s", c->column);
	c->account[0] = '\0';
	if (!ent)
		return;
	for (int i = 0; i < ent->nfields; i++)
		if (ent->fields[i].column && !strcmp(ent->fields[i].column, c->column))
			snprintf(c->field, sizeof(c->field), "%s", ent->fields[i].name);
	if (ent == entity_find("accounts"))
		snprintf(sql, sizeof(sql), "SELECT name FROM accounts WHERE id = ?1");
	else if (entity_field(ent, "account") >= 0)
		snprintf(sql, sizeof(sql), "SELECT a.name FROM \"%s\" x JOIN accounts a ON a.id = x.account_id"
			 " WHERE x.id = ?1", ent->table);
	else
		return;
	if (!(st = store_stmt(s, sql, NULL)))
		return;
	sqlite3_bind_int64(st, 1, c->row_id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(c->account, sizeof(c->account), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

enum status
store_sync_conflicts(struct store *s, bool open_only, int (*cb)(void *ctx, const struct sync_conflict *c),
		     void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " CONFLICT_COLS " FROM sync_conflicts"
				      " WHERE ?1 = 0 OR status = 'open' ORDER BY id", e);
	struct sync_conflict c;
	int rc, stop = 0;

	if (!st)
		return e->status;
	sqlite3_bind_int(st, 1, open_only);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_conflict(st, &c);
		name_conflict(s, &c);
		stop = cb(ctx, &c);
		sync_conflict_done(&c);
	}
	sqlite3_reset(st);
	if (!stop && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the sync conflicts");
	return e->status;
}

enum status
store_sync_conflict(struct store *s, int64_t id, struct sync_conflict *c, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " CONFLICT_COLS " FROM sync_conflicts WHERE id = ?1", e);
	int rc;

	memset(c, 0, sizeof(*c));
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_conflict(st, c);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		name_conflict(s, c);
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOINPUT, "no sync conflict #%lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading the sync conflicts");
	return ST_OK;
}

enum status
store_sync_conflict_close(struct store *s, int64_t id, const char *status, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE sync_conflicts SET status = ?1, resolved_by = ?2,"
				      " resolved_at = ?3 WHERE id = ?4 AND status = 'open'", e);
	char at[32];

	if (!st)
		return e->status;
	clock_stamp(&s->clock, at, sizeof(at));
	sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return store_sql_error(s, e, "resolving the sync conflict");
	}
	sqlite3_reset(st);
	return ST_OK;
}

enum status
store_sync_count_open(struct store *s, int64_t copy, int64_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM sync_conflicts WHERE status = 'open'"
				      " AND (?1 = 0 OR copy = ?1)", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, copy);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading the sync conflicts");
	return ST_OK;
}

/* Taking back a refused change on the copy: rows changed since stay. */
static int
on_revert_conflict(void *ctx, int why, sqlite3_changeset_iter *it)
{
	struct applying *a = ctx;
	const char *table;
	int ncol, op, indirect;
	sqlite3_value *pk = NULL;

	if (why == SQLITE_CHANGESET_FOREIGN_KEY || why == SQLITE_CHANGESET_CONSTRAINT)
		return SQLITE_CHANGESET_ABORT;
	sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
	if ((op == SQLITE_INSERT ? sqlite3changeset_new(it, 0, &pk) : sqlite3changeset_old(it, 0, &pk)) ==
	    SQLITE_OK && pk && sqlite3_value_type(pk) == SQLITE_INTEGER)
		leave(a, table, sqlite3_value_int64(pk));
	a->out->skipped++;
	return SQLITE_CHANGESET_OMIT;
}

enum status
store_sync_revert(struct wtx *t, const struct sync_change *c, struct sync_applied *out, struct err *e)
{
	struct applying a = { .t = t, .c = c, .out = out, .e = e };
	void *inv = NULL;
	int n = 0;
	enum status rs;

	if (sqlite3changeset_invert(c->n, c->cs, &n, &inv) != SQLITE_OK)
		return store_sql_error(wtx_store(t), e, "taking a refused change back");
	rs = journal_apply(t, n, inv, on_revert_conflict, left_alone, &a, e);
	sqlite3_free(inv);
	applying_done(&a);
	return rs;
}
