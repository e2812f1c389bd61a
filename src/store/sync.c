/*
 * sync.c -- a field copy's bookkeeping, the id ranges and applying another
 * book's changes (see sync.h; the design is doc/sync.md).
 *
 * Applying is the undo's machinery (journal_apply: search indexes kept,
 * rows audited, accounts rescored) with a conflict handler of sync's own.
 * On a push a DATA conflict -- the team changed the row since the copy
 * last pulled it -- is decided column by column: a column both sides
 * changed keeps the team's value and becomes a conflict row; the columns
 * only the copy changed are written after the changeset, by the pending
 * list below, because SQLite can only take or leave a conflicting row
 * whole.  Rows the handler leaves are not audited as changed (the walk
 * asks skipped()).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/json.h"
#include "core/xalloc.h"
#include "store/backup.h"
#include "store/entity.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/sync.h"
#include "store/sync_scope.h"
#include "store/wtx.h"

static void
copy_text(char *out, size_t size, sqlite3_stmt *st, int col)
{
	const char *v = store_col_text(st, col);

	snprintf(out, size, "%s", v ? v : "");
}

static enum status
step_done(struct store *s, sqlite3_stmt *st, const char *what, struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_sql_error(s, e, what);
	return ST_OK;
}

bool
store_sync_present(const struct store *s)
{
	return s->has_sync;
}

void
store_sync_open(struct store *s)
{
	sqlite3_stmt *st;

	s->id_lo = s->id_hi = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT id_lo FROM sync_state WHERE id = 1),"
			       " (SELECT id_hi FROM sync_state WHERE id = 1),"
			       " EXISTS (SELECT 1 FROM sync_copies)", -1, &st, NULL) != SQLITE_OK) {
		s->has_sync = false;
		return;
	}
	s->has_sync = true;
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_INTEGER) {
			s->id_lo = sqlite3_column_int64(st, 0);
			s->id_hi = sqlite3_column_int64(st, 1);
		} else if (sqlite3_column_int(st, 2)) {
			/* A team book with copies: its rows stay under theirs. */
			s->id_lo = 1;
			s->id_hi = SYNC_TEAM_HI;
		}
	}
	sqlite3_finalize(st);
}

enum status
store_sync_next_id(struct store *s, const char *table, int64_t *id, struct err *e)
{
	char sql[200];
	sqlite3_stmt *st;
	int rc;

	/* The table is the catalog's name, never data. */
	snprintf(sql, sizeof(sql), "SELECT coalesce(max(id), ?1 - 1) + 1 FROM \"%s\""
		 " WHERE id >= ?1 AND id < ?2", table);
	if (!(st = store_stmt(s, sql, e)))
		return e->status;
	sqlite3_bind_int64(st, 1, s->id_lo);
	sqlite3_bind_int64(st, 2, s->id_hi);
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "numbering a new row");
	if (*id >= s->id_hi)
		return err_set(e, ST_CANTCREAT, "this book's ids for new %s are used up: push "
			       "(tend sync), then make a new copy with tend sync clone", table);
	return ST_OK;
}

enum status
store_sync_state(struct store *s, struct sync_state *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!s->has_sync)
		return ST_OK;
	if (!(st = store_stmt(s, "SELECT s.source, s.copy, s.id_lo, s.id_hi, s.login, s.cloned_at, s.pushed_through,"
			      " s.pushed_at, s.pulled_through, s.pulled_at, coalesce(p.kind, 'team'), coalesce(p.accounts, 0)"
			      " FROM sync_state s LEFT JOIN sync_scopes p ON p.copy = s.copy WHERE s.id = 1", e)))
		return e->status;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->found = true;
		copy_text(out->source, sizeof(out->source), st, 0);
		out->copy = sqlite3_column_int64(st, 1);
		out->id_lo = sqlite3_column_int64(st, 2);
		out->id_hi = sqlite3_column_int64(st, 3);
		copy_text(out->login, sizeof(out->login), st, 4);
		copy_text(out->cloned_at, sizeof(out->cloned_at), st, 5);
		out->pushed_through = sqlite3_column_int64(st, 6);
		copy_text(out->pushed_at, sizeof(out->pushed_at), st, 7);
		out->pulled_through = sqlite3_column_int64(st, 8);
		copy_text(out->pulled_at, sizeof(out->pulled_at), st, 9);
		copy_text(out->scope, sizeof(out->scope), st, 10);
		out->accounts = sqlite3_column_int64(st, 11);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the copy's sync state");
	return ST_OK;
}

enum status
store_sync_add_copy(struct store *s, const char *login, const char *path, int64_t *copy,
		    struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO sync_copies (login, path, created)"
				      " VALUES (?1, ?2, ?3) RETURNING id", e);
	char at[32];
	int rc;

	if (!st)
		return e->status;
	clock_stamp(&s->clock, at, sizeof(at));
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	store_bind_text(st, 2, path);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	*copy = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "numbering the copy");
	s->id_lo = 1;
	s->id_hi = SYNC_TEAM_HI;
	return ST_OK;
}

enum status
store_sync_become_copy(struct store *s, const char *source, int64_t copy, const char *login,
		       const char *kind, int64_t pulled_through, struct err *e)
{
	sqlite3_stmt *st;
	int64_t pushed = 0;
	char at[32];
	enum status rs;

	if ((rs = store_sync_last_change(s, &pushed, e)))
		return rs;
	if (sqlite3_exec(s->db, "DELETE FROM sync_copies; DELETE FROM sync_conflicts; DELETE FROM sync_state;"
			 " DELETE FROM sync_origin; DELETE FROM sync_scopes; DELETE FROM sync_scope_accounts",
			 NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "making the copy");
	if (!(st = store_stmt(s, "INSERT INTO sync_state (id, source, copy, id_lo, id_hi, login,"
			      " cloned_at, pushed_through, pulled_through) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			      e)))
		return e->status;
	clock_stamp(&s->clock, at, sizeof(at));
	sqlite3_bind_text(st, 1, source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, copy);
	sqlite3_bind_int64(st, 3, SYNC_TEAM_HI + copy * SYNC_RANGE);
	sqlite3_bind_int64(st, 4, SYNC_TEAM_HI + (copy + 1) * SYNC_RANGE);
	sqlite3_bind_text(st, 5, login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, at, -1, SQLITE_TRANSIENT);
	/* What the copy holds of its own journal is the team's: not sent. */
	sqlite3_bind_int64(st, 7, pushed);
	sqlite3_bind_int64(st, 8, pulled_through);
	if ((rs = step_done(s, st, "making the copy", e)))
		return rs;
	/* What it holds, for tend sync status. */
	if (!(st = store_stmt(s, "INSERT INTO sync_scopes (copy, kind, user_id, accounts)"
			      " VALUES (?1, ?2, (SELECT id FROM users WHERE login = ?3),"
			      " (SELECT count(*) FROM accounts))", e)))
		return e->status;
	sqlite3_bind_int64(st, 1, copy);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, login, -1, SQLITE_TRANSIENT);
	if ((rs = step_done(s, st, "making the copy", e)))
		return rs;
	store_sync_open(s);
	return ST_OK;
}

enum status
store_sync_last_change(struct store *s, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT coalesce(max(id), 0) FROM changes", e);
	int rc;

	if (!st)
		return e->status;
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading the change journal");
	return ST_OK;
}

enum status
store_sync_count_after(struct store *s, int64_t after, int64_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM changes c WHERE c.id > ?1"
				      " AND NOT EXISTS (SELECT 1 FROM sync_origin o WHERE o.change_id = c.id)", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, after);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading the change journal");
	return ST_OK;
}

enum status
store_sync_applied(struct store *s, int64_t copy, int64_t *through, bool *known, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT applied_through FROM sync_copies WHERE id = ?1", e);
	int rc;

	*through = 0;
	*known = false;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, copy);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*through = sqlite3_column_int64(st, 0);
		*known = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the book's copies");
	return ST_OK;
}

static enum status
set_through(struct store *s, const char *sql, int64_t key, int64_t through, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);
	char at[32];

	if (!st)
		return e->status;
	clock_stamp(&s->clock, at, sizeof(at));
	sqlite3_bind_int64(st, 1, through);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, key);
	return step_done(s, st, "recording the sync", e);
}

enum status
store_sync_set_applied(struct store *s, int64_t copy, int64_t through, struct err *e)
{
	return set_through(s, "UPDATE sync_copies SET applied_through = ?1, pushed_at = ?2 WHERE id = ?3",
			   copy, through, e);
}

enum status
store_sync_set_pushed(struct store *s, int64_t through, struct err *e)
{
	return set_through(s, "UPDATE sync_state SET pushed_through = ?1, pushed_at = ?2 WHERE id = ?3",
			   1, through, e);
}

enum status
store_sync_set_pulled(struct store *s, int64_t through, struct err *e)
{
	return set_through(s, "UPDATE sync_state SET pulled_through = ?1, pulled_at = ?2 WHERE id = ?3",
			   1, through, e);
}

enum status
store_sync_changes(struct store *s, int64_t after, int64_t skip,
		   int (*cb)(void *ctx, const struct sync_change *c), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT c.id, c.at, c.actor, c.action, coalesce(o.copy, 0),"
				      " c.changeset FROM changes c LEFT JOIN sync_origin o ON o.change_id = c.id"
				      " WHERE c.id > ?1 AND (o.copy IS NULL OR o.copy <> ?2) ORDER BY c.id", e);
	struct scope_filter *f = NULL;
	struct sync_change c;
	struct buf kept;
	enum status rs;
	int rc;

	if (!st)
		return e->status;
	/* A copy of some accounts gets only their rows (store/sync_scope.c). */
	if ((rs = scope_filter_open(s, skip, &f, e)))
		return rs;
	buf_init(&kept);
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, skip);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c.id = sqlite3_column_int64(st, 0);
		c.at = store_col_text(st, 1);
		c.actor = store_col_text(st, 2);
		c.action = store_col_text(st, 3);
		c.origin = sqlite3_column_int64(st, 4);
		c.cs = sqlite3_column_blob(st, 5);
		c.n = sqlite3_column_bytes(st, 5);
		if (f) {
			if ((rs = scope_filter_change(f, c.cs, c.n, &kept, e)))
				break;
			if (!kept.len)
				continue;
			c.cs = kept.data;
			c.n = (int)kept.len;
		}
		if (cb(ctx, &c))
			break;
	}
	sqlite3_reset(st);
	buf_done(&kept);
	scope_filter_close(f);
	if (rs)
		return rs;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the change journal");
	return e->status;
}

enum status
store_sync_user_id(struct store *s, const char *login, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM users WHERE login = ?1", e);
	int rc;

	*id = 0;
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the book's users");
	return ST_OK;
}

void
store_sync_mark_origin(struct wtx *t, int64_t copy)
{
	wtx_set_origin(t, copy);
}

char *
store_sync_json_text(const char *text)
{
	struct buf b;
	char *out;

	buf_init(&b);
	json_escape(&b, text);
	out = xstrdup(b.data ? b.data : "\"\"");
	buf_done(&b);
	return out;
}

enum status
store_sync_unsynced(struct store *s, int64_t *n, struct err *e)
{
	struct sync_state st;
	enum status rs;

	*n = -1;
	if ((rs = store_sync_state(s, &st, e)) || !st.found)
		return rs;
	return store_sync_count_after(s, st.pushed_through, n, e);
}

enum status
store_sync_open_source(struct store *copy, struct store **team, struct err *e)
{
	struct sync_state st;
	struct store_opts o = { 0 };
	enum status rs;

	*team = NULL;
	if ((rs = store_sync_state(copy, &st, e)))
		return rs;
	if (!st.found)
		return err_set(e, ST_USAGE, "this book is not a field copy");
	if (!strncmp(st.source, "ssh://", 6))
		return err_set(e, ST_USAGE, "the team book is on another host (%s): run tend sync "
			       "conflicts there", st.source);
	/* The same person, clock and role checks as the copy was opened with. */
	o.path = st.source;
	o.read_only = copy->read_only;
	o.clock = copy->clock;
	o.actor = copy->actor;
	o.enforce_roles = copy->enforce_roles;
	return store_open(team, &o, e);
}

bool
store_sync_in_use(const struct store *s)
{
	return s->id_hi != 0;
}
