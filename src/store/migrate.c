/*
 * migrate.c -- applying the embedded schema migrations on open.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "store/migrate.h"
#include "store/store_int.h"

int
migrate_latest(void)
{
	return schema_migrations_count ? schema_migrations[schema_migrations_count - 1].version : 0;
}

static enum status
pragma_int(struct store *s, const char *sql, int *out, struct err *e)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "reading the schema version");
	*out = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return ST_OK;
}

/* Copy the book before a migration changes it: VACUUM INTO a fresh 0600
 * file named BOOK.vN.bak (then .vN.2.bak, ... if that name is taken). */
static enum status
backup_before(struct store *s, int from, struct err *e)
{
	sqlite3_stmt *st;
	char *name = NULL;
	int fd = -1, rc;

	for (int i = 1; i < 100 && fd < 0; i++) {
		free(name);
		name = i == 1 ? xasprintf("%s.v%d.bak", s->path, from)
			      : xasprintf("%s.v%d.%d.bak", s->path, from, i);
		fd = open(name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		err_set(e, ST_CANTCREAT, "cannot keep a copy before migrating (%s): %s",
			name, strerror(errno));
		free(name);
		return e->status;
	}
	close(fd);
	if (sqlite3_prepare_v2(s->db, "VACUUM INTO ?", -1, &st, NULL) != SQLITE_OK) {
		free(name);
		return store_sql_error(s, e, "preparing the pre-migration copy");
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_sql_error(s, e, "copying the book before migrating");
		unlink(name);
		free(name);
		return e->status;
	}
	free(s->backup_path);
	s->backup_path = name;
	return ST_OK;
}

/* Refuse SQLite files that are not tend books before touching them. */
static enum status
check_identity(struct store *s, int version, struct err *e)
{
	int app_id = 0, tables = 0;

	if (pragma_int(s, "PRAGMA application_id", &app_id, e))
		return e->status;
	if (app_id != 0 && app_id != TEND_APPLICATION_ID)
		return err_set(e, ST_DATA, "not a tend book (application_id %#x)", (unsigned)app_id);
	if (version == 0 && pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables, e))
		return e->status;
	if (version == 0 && tables > 0)
		return err_set(e, ST_DATA, "not a tend book (it has tables but no tend schema version)");
	return ST_OK;
}

/* Any row left pointing at nothing once the migrations ran? */
static bool
dangling_references(struct store *s)
{
	sqlite3_stmt *st = NULL;
	bool found;

	if (sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return true;
	found = sqlite3_step(st) != SQLITE_DONE;
	sqlite3_finalize(st);
	return found;
}

static enum status
apply_in(struct store *s, const struct migration *list, size_t n, int from, int to, struct err *e)
{
	char *errmsg = NULL, pragma[64];

	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "starting the migration");
	for (size_t i = 0; i < n; i++) {
		if (list[i].version <= from || list[i].version > to)
			continue;
		if (sqlite3_exec(s->db, list[i].sql, NULL, NULL, &errmsg) != SQLITE_OK) {
			err_set(e, ST_SOFTWARE, "migration %04d_%s failed, nothing was changed: %s",
				list[i].version, list[i].name, errmsg ? errmsg : "?");
			sqlite3_free(errmsg);
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return e->status;
		}
	}
	if (dangling_references(s)) {
		err_set(e, ST_SOFTWARE, "migration to schema %d left rows referring to nothing; "
			"nothing was changed", to);
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return e->status;
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", to);
	if (sqlite3_exec(s->db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "PRAGMA application_id = 1952804452", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_sql_error(s, e, "finishing the migration");
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return e->status;
	}
	return ST_OK;
}

/* Migrations run with foreign keys off, the way SQLite documents for
 * rebuilding a table (a CHECK cannot be changed in place: see
 * 0012_viewer_role.sql), and are checked with foreign_key_check before
 * the commit, so no migration can leave a dangling reference. */
static enum status
apply(struct store *s, const struct migration *list, size_t n, int from, int to, struct err *e)
{
	enum status st;

	sqlite3_exec(s->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	st = apply_in(s, list, n, from, to, e);
	sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return st;
}

enum status
migrate_open(struct store *s, const struct store_opts *o, struct err *e)
{
	const struct migration *list = o->migrations ? o->migrations : schema_migrations;
	size_t n = o->migrations ? o->n_migrations : schema_migrations_count;
	int version, to = n ? list[n - 1].version : 0;

	if (o->target_version > 0 && o->target_version < to)
		to = o->target_version;
	if (pragma_int(s, "PRAGMA user_version", &version, e) || check_identity(s, version, e))
		return e->status;
	if (version > migrate_latest() && !o->migrations)
		return err_set(e, ST_CONFIG,
			       "this book is schema version %d but this tend knows only up to %d; "
			       "upgrade tend", version, migrate_latest());
	if (version >= to)
		return ST_OK;
	if (s->read_only)
		return err_set(e, ST_NOPERM,
			       "the book needs upgrading from schema %d to %d; open it once without --read-only",
			       version, to);
	if (version > 0 && strcmp(s->path, ":memory:") && backup_before(s, version, e))
		return e->status;
	return apply(s, list, n, version, to, e);
}
