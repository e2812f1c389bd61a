/*
 * sync_clone.c -- making a field copy (see sync.h; doc/sync.md).
 *
 * A copy of the whole book (--team) is the backup API's copy, history and
 * all.  A copy of some accounts is built: a new file gets the team book's
 * schema, statement by statement as sqlite_schema has them, and the rows
 * sync_scope.c says it holds, copied by INSERT ... SELECT from the team
 * book attached read-only, all in one read of it, so the copy is the book
 * as of one moment.  Nothing of the other accounts is ever written to the
 * new file (so no freed page of it can hold them), and its history starts
 * empty: the team book's audit log and change journal stay there.  The
 * summary tables and the search indexes are rebuilt from the rows copied
 * (the summary on first read, the indexes here).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "store/backup.h"
#include "store/store_int.h"
#include "store/sync.h"
#include "store/sync_scope.h"

struct build {
	sqlite3 *db;               /* the new copy; the team book attached as "team" */
	struct err *e;
	char **done;               /* the tables whose rows are in */
	size_t ndone;
};

static enum status
exec(struct build *b, const char *sql, const char *what)
{
	if (sqlite3_exec(b->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return err_set(b->e, ST_IOERR, "making the copy (%s): %s", what, sqlite3_errmsg(b->db));
	return ST_OK;
}

/* Is table the shadow of a search index (made by its CREATE VIRTUAL TABLE)? */
static bool
shadow(const char *table)
{
	return strstr(table, "_fts_") != NULL;
}

/* The team book's schema, of one type, in the order it was made. */
static enum status
make_schema(struct build *b, const char *type, struct err *e)
{
	sqlite3_stmt *st;
	enum status rs = ST_OK;
	int rc;

	if (sqlite3_prepare_v2(b->db, "SELECT name, sql FROM team.sqlite_schema WHERE type = ?1 AND sql IS NOT NULL"
			       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid", -1, &st, NULL))
		return err_set(e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	while (!rs && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);

		/* The dashboard's triggers come with its summary (store/dash.c). */
		if (shadow(name) || (!strcmp(type, "trigger") && !strncmp(name, "dash_", 5)))
			continue;
		rs = exec(b, sql, name);
	}
	sqlite3_finalize(st);
	return rs;
}

static bool
is_done(const struct build *b, const char *table)
{
	for (size_t i = 0; i < b->ndone; i++)
		if (!strcmp(b->done[i], table))
			return true;
	return false;
}

/* Copy table's rows the scope holds; *waiting when a parent's are not in yet. */
static enum status
copy_rows(struct build *b, const struct scope_table *t, int64_t user, bool *waiting)
{
	struct buf sql;
	sqlite3_stmt *st;
	enum status rs = ST_OK;

	*waiting = false;
	if (t->kind == SCOPE_NONE)
		return ST_OK;
	for (int i = 0; t->kind == SCOPE_CHILD && i < t->ncols; i++)
		if (strcmp(t->parents[i], t->name) && !is_done(b, t->parents[i])) {
			*waiting = true;
			return ST_OK;
		}
	/* Names from the schema, never data. */
	buf_init(&sql);
	buf_addf(&sql, "INSERT INTO main.\"%s\" SELECT * FROM team.\"%s\" WHERE ", t->name, t->name);
	switch (t->kind) {
	case SCOPE_ALL:
		buf_adds(&sql, "1");
		break;
	case SCOPE_ACCOUNT:
		buf_adds(&sql, "id IN (SELECT id FROM temp.scope_keep)");
		break;
	case SCOPE_BY_ACCOUNT:
		buf_addf(&sql, "(\"%s\" IN (SELECT id FROM temp.scope_keep)", t->cols[0]);
		if (*t->personal)
			buf_addf(&sql, " OR (\"%s\" IS NULL AND (\"%s\" IS NULL OR \"%s\" = ?1)))", t->cols[0],
				 t->personal, t->personal);
		else
			buf_addf(&sql, " OR \"%s\" IS NULL)", t->cols[0]);
		break;
	case SCOPE_CHILD:
		buf_addf(&sql, "\"%s\" IN (SELECT id FROM main.\"%s\")", t->cols[0], t->parents[0]);
		for (int i = 1; i < t->ncols; i++)
			buf_addf(&sql, " AND (\"%s\" IS NULL OR \"%s\" IN (SELECT id FROM main.\"%s\"))",
				 t->cols[i], t->cols[i], t->parents[i]);
		break;
	case SCOPE_NONE:
		break;
	}
	if (sqlite3_prepare_v2(b->db, sql.data, -1, &st, NULL) != SQLITE_OK) {
		rs = err_set(b->e, ST_IOERR, "making the copy (%s): %s", t->name, sqlite3_errmsg(b->db));
	} else {
		if (user)
			sqlite3_bind_int64(st, 1, user);
		if (sqlite3_step(st) != SQLITE_DONE)
			rs = err_set(b->e, ST_IOERR, "making the copy (%s): %s", t->name, sqlite3_errmsg(b->db));
		sqlite3_finalize(st);
	}
	buf_done(&sql);
	return rs;
}

/* Every table's rows, parents before their children. */
static enum status
copy_tables(struct build *b, int64_t user)
{
	struct scope_table *v = NULL;
	size_t n = 0, left;
	sqlite3_stmt *st;
	enum status rs = ST_OK;
	int rc;

	if (sqlite3_prepare_v2(b->db, "SELECT name FROM team.sqlite_schema WHERE type = 'table'"
			       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid", -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	while (!rs && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, n + 1, sizeof(*v));
		rs = scope_classify(b->db, "team", (const char *)sqlite3_column_text(st, 0), &v[n++], b->e);
	}
	sqlite3_finalize(st);
	b->done = xcalloc(n ? n : 1, sizeof(*b->done));
	for (left = n; !rs && left;) {
		size_t before = left;

		for (size_t i = 0; !rs && i < n; i++) {
			bool waiting;

			if (!*v[i].name || (rs = copy_rows(b, &v[i], user, &waiting)) || waiting)
				continue;
			b->done[b->ndone++] = xstrdup(v[i].name);
			v[i].name[0] = '\0';
			left--;
		}
		if (!rs && left == before)
			rs = err_set(b->e, ST_SOFTWARE, "internal: the book's tables point at each other in a ring");
	}
	free(v);
	return rs;
}

/* The search indexes, from the rows now in the copy. */
static enum status
rebuild_indexes(struct build *b)
{
	sqlite3_stmt *st;
	enum status rs = ST_OK;
	int rc;

	if (sqlite3_prepare_v2(b->db, "SELECT name FROM main.sqlite_schema WHERE type = 'table'"
			       " AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'", -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	while (!rs && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char sql[256];
		const char *name = (const char *)sqlite3_column_text(st, 0);

		snprintf(sql, sizeof(sql), "INSERT INTO main.\"%s\" (\"%s\") VALUES ('rebuild')", name, name);
		rs = exec(b, sql, name);
	}
	sqlite3_finalize(st);
	return rs;
}

static enum status
check_keys(struct build *b)
{
	sqlite3_stmt *st;
	enum status rs = ST_OK;

	if (sqlite3_prepare_v2(b->db, "SELECT \"table\", parent FROM pragma_foreign_key_check('', 'main') LIMIT 1",
			       -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	if (sqlite3_step(st) == SQLITE_ROW)
		rs = err_set(b->e, ST_SOFTWARE, "internal: the copy would hold a row of %s whose %s it lacks",
			     (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rs;
}

/* Who the copy is for: their user id (0: no user). */
static enum status
scope_user(struct build *b, const char *login, int64_t *user)
{
	sqlite3_stmt *st;

	*user = 0;
	if (sqlite3_prepare_v2(b->db, "SELECT id FROM team.users WHERE login = ?1", -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*user = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return ST_OK;
}

/* The accounts the copy holds: the user's (mine), and those named. */
static enum status
fill_keep(struct build *b, bool mine, int64_t user, const int64_t *ids, size_t n, int64_t *count)
{
	sqlite3_stmt *st;
	enum status rs;

	if ((rs = exec(b, "CREATE TEMP TABLE scope_keep (id INTEGER PRIMARY KEY)", "its accounts")))
		return rs;
	if (mine && user) {
		if (sqlite3_prepare_v2(b->db, "INSERT INTO temp.scope_keep SELECT id FROM team.accounts"
				       " WHERE owner_id = ?1", -1, &st, NULL))
			return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
		sqlite3_bind_int64(st, 1, user);
		if (sqlite3_step(st) != SQLITE_DONE)
			rs = err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
		sqlite3_finalize(st);
		if (rs)
			return rs;
	}
	if (sqlite3_prepare_v2(b->db, "INSERT OR IGNORE INTO temp.scope_keep VALUES (?1)", -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	for (size_t i = 0; i < n && !rs; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rs = err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rs)
		return rs;
	if (sqlite3_prepare_v2(b->db, "SELECT count(*) FROM temp.scope_keep", -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	*count = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return ST_OK;
}

static enum status
read_int(struct build *b, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? ST_OK : err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
}

static enum status
read_held(struct build *b, int64_t **held, size_t *n)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(b->db, "SELECT id FROM temp.scope_keep ORDER BY id", -1, &st, NULL))
		return err_set(b->e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b->db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		*held = xreallocarray(*held, *n + 1, sizeof(**held));
		(*held)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return ST_OK;
}

/* Build the copy of some accounts at path (a new file); *through: the
 * team's last change as of the read, *user: the login's user id. */
static enum status
build(struct store *s, const char *path, const struct sync_scope_req *req, const char *login,
      const int64_t *ids, size_t nids, int64_t *through, int64_t *user, int64_t **held, size_t *nheld,
      struct err *e)
{
	struct build b = { NULL, e, NULL, 0 };
	int64_t version = 0, app = 0, count = 0;
	sqlite3_stmt *st;
	char pragma[64];
	enum status rs;
	int fd;

	fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(e, ST_CANTCREAT, "%s: %s", path, strerror(errno));
	close(fd);
	if (sqlite3_open_v2(path, &b.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rs = err_set(e, ST_CANTCREAT, "%s: cannot open the copy", path);
		goto out;
	}
	sqlite3_busy_timeout(b.db, 5000);
	if (sqlite3_prepare_v2(b.db, "ATTACH ?1 AS team", -1, &st, NULL) != SQLITE_OK) {
		rs = err_set(e, ST_IOERR, "making the copy: %s", sqlite3_errmsg(b.db));
		goto out;
	}
	sqlite3_bind_text(st, 1, s->path, -1, SQLITE_STATIC);
	rs = sqlite3_step(st) == SQLITE_DONE ? ST_OK
	     : err_set(e, ST_IOERR, "%s cannot be read for the copy: %s", s->path, sqlite3_errmsg(b.db));
	sqlite3_finalize(st);
	/* One transaction: one read of the team book, one write of the copy. */
	if (rs || (rs = exec(&b, "BEGIN", "starting")))
		goto out;
	if ((rs = read_int(&b, "SELECT coalesce(max(id), 0) FROM team.changes", through)) ||
	    (rs = read_int(&b, "PRAGMA team.user_version", &version)) ||
	    (rs = read_int(&b, "PRAGMA team.application_id", &app)) ||
	    (rs = scope_user(&b, login, user)) ||
	    (rs = fill_keep(&b, req->mine, *user, ids, nids, &count)))
		goto out;
	if (!count) {
		rs = req->mine && !*user
		     ? err_set(e, ST_USAGE, "%s is not a user of %s, so no account is yours: name some with "
			       "--accounts, or copy the whole book with --team", login, s->path)
		     : err_set(e, ST_USAGE, "%s owns no account in %s: name some with --accounts, or copy "
			       "the whole book with --team", login, s->path);
		goto out;
	}
	if ((rs = read_held(&b, held, nheld)) ||
	    (rs = make_schema(&b, "table", e)) || (rs = copy_tables(&b, *user)) ||
	    (rs = make_schema(&b, "index", e)) || (rs = make_schema(&b, "view", e)) ||
	    (rs = make_schema(&b, "trigger", e)) || (rs = rebuild_indexes(&b)) || (rs = check_keys(&b)))
		goto out;
	/* The same kind of file, at the same schema version. */
	snprintf(pragma, sizeof(pragma), "PRAGMA main.user_version = %lld", (long long)version);
	if ((rs = exec(&b, pragma, "its version")))
		goto out;
	snprintf(pragma, sizeof(pragma), "PRAGMA main.application_id = %lld", (long long)app);
	if ((rs = exec(&b, pragma, "its kind")) || (rs = exec(&b, "COMMIT", "finishing")))
		goto out;
	rs = exec(&b, "DETACH team", "finishing");
out:
	for (size_t i = 0; i < b.ndone; i++)
		free(b.done[i]);
	free(b.done);
	if (b.db)
		sqlite3_close(b.db);
	if (rs)
		unlink(path);
	return rs;
}

/* Number the copy for login on the team book, with what it holds. */
static enum status
number_copy(struct store *s, const char *path, const char *login, const char *kind, int64_t user,
	    const int64_t *held, size_t nheld, int64_t *copy, struct err *e)
{
	sqlite3_stmt *st;
	enum status rs;

	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "numbering the copy");
	if ((rs = store_sync_add_copy(s, login, path, copy, e)))
		goto fail;
	if (!(st = store_stmt(s, "INSERT INTO sync_scopes (copy, kind, user_id, accounts) VALUES (?1, ?2, ?3, ?4)", e))) {
		rs = e->status;
		goto fail;
	}
	sqlite3_bind_int64(st, 1, *copy);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, user);
	sqlite3_bind_int64(st, 4, (int64_t)nheld);
	if (!user)
		sqlite3_bind_null(st, 3);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		rs = store_sql_error(s, e, "numbering the copy");
		goto fail;
	}
	sqlite3_reset(st);
	/* What it holds: a pull sends it these accounts' rows. */
	if (nheld && !(st = store_stmt(s, "INSERT INTO sync_scope_accounts (copy, account_id) VALUES (?1, ?2)", e))) {
		rs = e->status;
		goto fail;
	}
	for (size_t i = 0; i < nheld; i++) {
		sqlite3_bind_int64(st, 1, *copy);
		sqlite3_bind_int64(st, 2, held[i]);
		rs = sqlite3_step(st) == SQLITE_DONE ? ST_OK : store_sql_error(s, e, "numbering the copy");
		sqlite3_reset(st);
		if (rs)
			goto fail;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return ST_OK;
	rs = store_sql_error(s, e, "numbering the copy");
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	store_sync_open(s);
	return rs;
}

enum status
store_sync_unheld(struct store *s, int64_t copy, int64_t *n, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (!s->has_sync)
		return ST_OK;
	if (!(st = store_stmt(s, "SELECT count(*) FROM sync_scopes p JOIN accounts a ON a.owner_id = p.user_id"
			      " WHERE p.copy = ?1 AND p.kind = 'mine'"
			      " AND NOT EXISTS (SELECT 1 FROM sync_scope_accounts h WHERE h.copy = ?1 AND h.account_id = a.id)"
			      " AND NOT (a.id >= ?2 AND a.id < ?3)", e)))
		return e->status;
	sqlite3_bind_int64(st, 1, copy);
	sqlite3_bind_int64(st, 2, SYNC_TEAM_HI + copy * SYNC_RANGE);
	sqlite3_bind_int64(st, 3, SYNC_TEAM_HI + (copy + 1) * SYNC_RANGE);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading what the copy holds");
	return ST_OK;
}

const char *
sync_scope_kind(const struct sync_scope_req *req)
{
	return req->team ? "team" : req->mine ? "mine" : "accounts";
}

enum status
store_sync_clone_to(struct store *s, const char *path, const char *login, const struct sync_scope_req *req,
		    int64_t *copy, int64_t *through, struct err *e)
{
	int64_t *ids = NULL, *held = NULL, user = 0;
	size_t nheld = 0;
	enum status rs = ST_OK;

	*copy = *through = 0;
	if (!s->has_sync)
		return err_set(e, ST_SOFTWARE, "internal: the book predates sync");
	if (s->id_lo > 1)
		return err_set(e, ST_USAGE, "%s is a field copy itself: clone the team book instead", s->path);
	if (req->team) {
		/* One read: the copy holds the book exactly as of its last change. */
		if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
			return store_sql_error(s, e, "starting a read");
		rs = store_sync_last_change(s, through, e);
		if (!rs)
			rs = store_backup_to(s, path, e);
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
		if (!rs)
			rs = store_sync_user_id(s, login, &user, e);
	} else {
		ids = xcalloc(req->naccounts ? req->naccounts : 1, sizeof(*ids));
		for (size_t i = 0; i < req->naccounts && !rs; i++)
			rs = store_account_resolve(s, req->accounts[i], &ids[i], e);
		if (!rs)
			rs = build(s, path, req, login, ids, req->naccounts, through, &user, &held, &nheld, e);
		free(ids);
	}
	if (!rs && (rs = number_copy(s, path, login, sync_scope_kind(req), user, held, nheld, copy, e)))
		unlink(path);
	free(held);
	return rs;
}
