/*
 * sync_fit.c -- a team change cut to what a copy of some accounts can take
 * (see sync.h, store_sync_fit).
 *
 * The team book cuts each change to the copy's rows (sync_scope.c), but it
 * decides an update's row, or a child's parent, by the book as it is now:
 * a personal task handed to the copy's user since the clone is theirs now,
 * and a checklist item added to it would come down to a copy that never
 * held the task.  Applied, that row breaks a foreign key and the whole
 * pull is refused, every time: the copy could never pull again.  So the
 * copy leaves out, before applying, every row whose parent it holds
 * neither already nor in the same change, and then the rows that needed
 * those, until nothing more goes.  What is left out stays on the team
 * book, where it belongs; a new clone brings it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/changeset.h"
#include "store/store_int.h"
#include "store/sync.h"

#define FIT_FKS 8
#define FIT_TABLES 96
#define FIT_PASSES 8

struct fit_table {
	char name[64];
	int nfk;
	int col[FIT_FKS];
	char parent[FIT_FKS][64];
};

struct key {
	const char *table;         /* a fit_table's name */
	int64_t id;
};

struct fit {
	struct store *s;
	struct fit_table t[FIT_TABLES];
	int nt;
	bool *out;                 /* the rows left out, in the change's order */
	size_t nrows, row;
	struct key *ins;           /* the rows the change inserts and keeps, sorted */
	size_t nins;
	bool more;                 /* a pass left out an insert: another pass */
	int64_t left_out;
};

static const struct fit_table *
fit_table(struct fit *f, const char *name, struct err *e)
{
	sqlite3_stmt *st;
	struct fit_table *t;

	for (int i = 0; i < f->nt; i++)
		if (!strcmp(f->t[i].name, name))
			return &f->t[i];
	if (f->nt == FIT_TABLES) {
		err_set(e, ST_SOFTWARE, "internal: more than %d tables in a change", FIT_TABLES);
		return NULL;
	}
	t = &f->t[f->nt];
	memset(t, 0, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "%s", name);
	if (!(st = store_stmt(f->s, "SELECT c.cid, k.\"table\" FROM pragma_foreign_key_list(?1) k"
			      " JOIN pragma_table_info(?1) c ON c.name = k.\"from\" ORDER BY k.id", e)))
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW && t->nfk < FIT_FKS) {
		t->col[t->nfk] = sqlite3_column_int(st, 0);
		snprintf(t->parent[t->nfk], sizeof(t->parent[0]), "%s", (const char *)sqlite3_column_text(st, 1));
		t->nfk++;
	}
	sqlite3_reset(st);
	f->nt++;
	return t;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->table, y->table);

	return c ? c : x->id < y->id ? -1 : x->id > y->id;
}

static bool
inserted(const struct fit *f, const char *table, int64_t id)
{
	struct key k = { table, id };

	return f->nins && bsearch(&k, f->ins, f->nins, sizeof(k), key_cmp);
}

static enum status
held(struct fit *f, const char *table, int64_t id, bool *yes, struct err *e)
{
	char sql[160];
	sqlite3_stmt *st;
	int rc;

	if (inserted(f, table, id)) {
		*yes = true;
		return ST_OK;
	}
	/* The table is the schema's, never data. */
	snprintf(sql, sizeof(sql), "SELECT 1 FROM \"%s\" WHERE rowid = ?1", table);
	if (!(st = store_stmt(f->s, sql, e)))
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(f->s, e, "reading the copy");
	return ST_OK;
}

/* One pass: leave out the rows (not yet left out) naming a parent the copy
 * does not hold. */
static int
pass_row(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	struct fit *f = ctx;
	size_t row = f->row++;
	const struct fit_table *t;

	if (f->out[row] || op == SQLITE_DELETE)
		return 0;
	if (!(t = fit_table(f, table, e)))
		return -1;
	for (int i = 0; i < t->nfk; i++) {
		sqlite3_value *v = NULL;
		bool yes = false;

		if (sqlite3changeset_new(it, t->col[i], &v) != SQLITE_OK || !v ||
		    sqlite3_value_type(v) != SQLITE_INTEGER)
			continue;
		if (held(f, t->parent[i], sqlite3_value_int64(v), &yes, e))
			return -1;
		if (!yes) {
			f->out[row] = true;
			f->left_out++;
			f->more |= op == SQLITE_INSERT;
			return 0;
		}
	}
	return 0;
}

/* Count the rows, and list the inserts still in. */
static int
list_row(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	struct fit *f = ctx;
	size_t row = f->row++;
	sqlite3_value *pk = NULL;
	const struct fit_table *t;

	if (row >= f->nrows) {
		f->out = xreallocarray(f->out, row + 1, sizeof(*f->out));
		f->out[row] = false;
		f->nrows = row + 1;
	}
	if (op != SQLITE_INSERT || f->out[row])
		return 0;
	if (!(t = fit_table(f, table, e)))
		return -1;
	if (sqlite3changeset_new(it, 0, &pk) == SQLITE_OK && pk && sqlite3_value_type(pk) == SQLITE_INTEGER) {
		f->ins = xreallocarray(f->ins, f->nins + 1, sizeof(*f->ins));
		f->ins[f->nins++] = (struct key){ t->name, sqlite3_value_int64(pk) };
	}
	return 0;
}

static int
keep_fit(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	struct fit *f = ctx;

	(void)it, (void)table, (void)op, (void)e;
	return !f->out[f->row++];
}

enum status
store_sync_fit(struct store *s, const void *cs, int n, struct buf *out, int64_t *left_out, struct err *e)
{
	struct fit *f = xcalloc(1, sizeof(*f));
	enum status rs = ST_OK;
	int pass;

	f->s = s;
	f->more = true;
	for (pass = 0; !rs && f->more && pass < FIT_PASSES; pass++) {
		f->more = false;
		f->row = f->nins = 0;
		if ((rs = changeset_filter(cs, n, list_row, f, out, e)))
			break;
		if (f->nins)
			qsort(f->ins, f->nins, sizeof(*f->ins), key_cmp);
		f->row = 0;
		rs = changeset_filter(cs, n, pass_row, f, out, e);
	}
	if (!rs && f->more)
		rs = err_set(e, ST_DATA, "a change of the team's needs rows this copy does not hold, more than "
			     "%d deep: clone the copy again", FIT_PASSES);
	if (!rs) {
		f->row = 0;
		rs = changeset_filter(cs, n, keep_fit, f, out, e);
	}
	*left_out = f->left_out;
	free(f->out);
	free(f->ins);
	free(f);
	return rs;
}
