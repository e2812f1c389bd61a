/*
 * store.c -- opening the book: file creation, connection settings, the
 * prepared-statement cache, and the small read helpers every query uses.
 *
 * Connection policy (DOMAIN and issue #2): foreign keys on, WAL, a busy
 * timeout so two sessions on a shared server wait instead of failing,
 * synchronous=NORMAL (safe with WAL against application crashes), defensive
 * mode and untrusted schema so a hostile file cannot run code through
 * views or triggers we did not write.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "store/store_int.h"
#include "store/migrate.h"


static uint64_t
hash_text(const char *s)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void
cache_grow(struct store *s)
{
	struct stmt_slot *old = s->cache;
	size_t old_cap = s->cache_cap;

	s->cache_cap = old_cap ? old_cap * 2 : 64;
	s->cache = xcalloc(s->cache_cap, sizeof(*s->cache));
	for (size_t i = 0; i < old_cap; i++) {
		size_t j;

		if (!old[i].sql)
			continue;
		j = hash_text(old[i].sql) & (s->cache_cap - 1);
		while (s->cache[j].sql)
			j = (j + 1) & (s->cache_cap - 1);
		s->cache[j] = old[i];
	}
	free(old);
}

sqlite3_stmt *
store_stmt(struct store *s, const char *sql, struct err *e)
{
	struct stmt_slot *slot;
	size_t i;

	if (s->cache_len * 2 >= s->cache_cap)
		cache_grow(s);
	i = hash_text(sql) & (s->cache_cap - 1);
	while (s->cache[i].sql && strcmp(s->cache[i].sql, sql))
		i = (i + 1) & (s->cache_cap - 1);
	slot = &s->cache[i];
	if (slot->sql) {
		if (sqlite3_stmt_busy(slot->stmt)) {
			/* A caller re-entered a query it is still stepping. */
			err_set(e, ST_SOFTWARE, "internal: statement re-entered: %.60s", sql);
			return NULL;
		}
		sqlite3_reset(slot->stmt);
		sqlite3_clear_bindings(slot->stmt);
		return slot->stmt;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->stmt, NULL) != SQLITE_OK) {
		store_sql_error(s, e, "preparing a query");
		sqlite3_finalize(slot->stmt);
		slot->stmt = NULL;
		return NULL;
	}
	slot->sql = xstrdup(sql);
	s->cache_len++;
	return slot->stmt;
}

enum status
store_sql_error(struct store *s, struct err *e, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);
	enum status st = ST_SOFTWARE;

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		st = ST_TEMPFAIL;
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		st = ST_NOPERM;
		break;
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
	case SQLITE_TOOBIG:
		st = ST_DATA;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		st = ST_DATA;
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		st = ST_IOERR;
		break;
	case SQLITE_CANTOPEN:
		st = ST_CANTCREAT;
		break;
	}
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return store_constraint_error(code, sqlite3_errmsg(s->db), e, what, NULL);
	if ((code & 0xff) == SQLITE_FULL)
		return err_set(e, st, "%s: the disk (or the file-size limit) is full: nothing was "
			       "written; free some space and try again", what);
	if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
		return err_set(e, st, "%s: the book is damaged (SQLite found %s); nothing was changed: "
			       "run 'tend check', and restore the last good copy", what,
			       (code & 0xff) == SQLITE_NOTADB ? "a file that is not a database"
							      : "a malformed page");
	if ((code & 0xff) == SQLITE_IOERR)
		return err_set(e, st, "%s: the book could not be %s (an I/O error: a full disk, a "
			       "file-size limit or a failing device); nothing was changed", what,
			       code == SQLITE_IOERR_READ || code == SQLITE_IOERR_SHORT_READ ? "read"
										: "written");
	if (st == ST_TEMPFAIL)
		return err_set(e, st, "%s: the book is busy: another tend has been writing to it for "
			       "%d s (an import, a recompute or a playbook run can take a while); try "
			       "again in a moment", what, STORE_BUSY_TIMEOUT_MS / 1000);
	return err_set(e, st, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* SQLite's constraint messages quote the schema ("CHECK constraint failed:
 * ((kind = 'new' OR ..."), which means nothing to a user: say what broke
 * in words.  The columns a UNIQUE or NOT NULL message names (table.column)
 * come from the schema, never from data. */
enum status
store_constraint_error(int code, const char *msg, struct err *e, const char *what, const char *rule)
{
	const char *cols = strstr(msg, "failed: ");

	cols = cols ? cols + strlen("failed: ") : "";
	switch (code) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return err_set(e, ST_DATA, "%s: one already exists with the same %s", what, cols);
	case SQLITE_CONSTRAINT_NOTNULL:
		return err_set(e, ST_DATA, "%s: %s is required", what, cols);
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return err_set(e, ST_DATA, "%s: it refers to a record that does not exist, "
			       "or other records still refer to it", what);
	case SQLITE_CONSTRAINT_CHECK:
		return err_set(e, ST_DATA, "%s: %s", what,
			       rule ? rule : "a value is outside what the book allows");
	case SQLITE_CONSTRAINT_TRIGGER:
		/* RAISE() messages are tend's own words (schema/). */
		return err_set(e, ST_DATA, "%s: %s", what, msg);
	}
	return err_set(e, ST_DATA, "%s: the book's rules refuse this change", what);
}

void
store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

const char *
store_col_text(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	return (const char *)sqlite3_column_text(st, i);
}

/* mkdir -p for the directories above path; directories we create are 0700
 * because the book holds customer data.  Existing ones are left alone. */
static enum status
make_parents(const char *path, struct err *e)
{
	char *dir = xstrdup(path), *p;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			err_set(e, ST_CANTCREAT, "cannot create directory %s: %s", dir, strerror(errno));
			free(dir);
			return ST_CANTCREAT;
		}
		*p = '/';
	}
	free(dir);
	return ST_OK;
}

static enum status
ensure_file(const struct store_opts *o, struct err *e)
{
	struct stat st;
	int fd;

	if (!strcmp(o->path, ":memory:"))
		return ST_OK;
	if (stat(o->path, &st) == 0) {
		/* SQLite would make a book of an empty file (with the file's
		 * mode, 0644 as often as not), and wait on a FIFO. */
		if (!S_ISREG(st.st_mode))
			return err_set(e, ST_DATA, "%s is not a regular file, so it cannot be a book",
				       o->path);
		if (st.st_size == 0)
			return err_set(e, ST_DATA, "%s is an empty file, not a book: remove it, or give "
				       "another path ('tend init' makes a new book)", o->path);
		return ST_OK;
	}
	if (!o->create || o->read_only)
		return err_set(e, ST_NOINPUT,
			       "no book at %s (create one with 'tend init', or 'tend demo' for a sample)",
			       o->path);
	if (make_parents(o->path, e))
		return e->status;
	fd = open(o->path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return err_set(e, ST_CANTCREAT, "cannot create %s: %s", o->path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return ST_OK;
}

static enum status
configure(struct store *s, struct err *e)
{
	static const char *const pragmas_rw =
		"PRAGMA foreign_keys = ON;"
		"PRAGMA trusted_schema = OFF;"
		"PRAGMA journal_mode = WAL;"
		"PRAGMA synchronous = NORMAL;";
	static const char *const pragmas_ro =
		"PRAGMA foreign_keys = ON;"
		"PRAGMA trusted_schema = OFF;";
	int on = 1;

	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	if (audit_chain_register(s->db) != SQLITE_OK)
		return store_sql_error(s, e, "opening the book");
	if (sqlite3_exec(s->db, s->read_only ? pragmas_ro : pragmas_rw, NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "opening the book");
	return ST_OK;
}

enum status
store_read_begin(struct store *s, struct err *e)
{
	if (s->tx)
		return err_set(e, ST_SOFTWARE, "internal: a read inside a write transaction");
	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "starting a read");
	return ST_OK;
}

void
store_read_end(struct store *s)
{
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

/* Does the book have this table?  (A test may hold a book at an older
 * schema; the write path must not touch what is not there.) */
static bool
has_table(struct store *s, const char *name)
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

const char *
store_sqlite_version(void)
{
	return sqlite3_libversion();
}

void
store_global_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Errors that mean "this book cannot be written here, now": a full disk,
 * a file or directory the login may not write, a failing device. */
static bool
cannot_write(int code)
{
	switch (code & 0xff) {
	case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_PERM:
		return true;
	}
	return false;
}

/* "file:" and the path, percent-encoded where a URI needs it. */
static void
path_uri(const char *path, char *out, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = (size_t)snprintf(out, size, "file:");

	for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < size; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7f) {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		} else {
			out[n++] = (char)*p;
		}
	}
	out[n] = '\0';
}

/* Why this login cannot write the book, and what to do, in words for the
 * refusal; *status is its exit status (74 for the disk, 77 for rights). */
static const char *
read_only_reason(const char *path, int code, enum status *status)
{
	char dir[4096], *slash;

	*status = ST_NOPERM;
	if (access(path, W_OK) != 0)
		return "you may not write its file: ask its owner for write access, or work on a copy";
	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	if (access(slash ? dir : ".", W_OK) != 0)
		return "you may not write its directory (SQLite keeps its -wal and -shm files there): "
		       "ask for write access to the directory";
	*status = ST_IOERR;
	if ((code & 0xff) == SQLITE_FULL || (code & 0xff) == SQLITE_IOERR)
		return "the disk holding it is full or failing: free some space and try again";
	return "it cannot be written now: try again";
}

/* The book could not be opened for writing: open it for reading, so every
 * read still works and every write is refused with the reason.  Without a
 * write-ahead log to read (none, or empty), the file alone is the book, and
 * it is opened immutable, which needs no -shm file either (a directory or a
 * disk that cannot take one); a log with content is read through SQLite's
 * read-only WAL support, which needs its -shm. */
static enum status
reopen_for_reading(struct store *s, bool say_why, struct err *e)
{
	struct store_opts ro = { .path = s->path, .read_only = true };
	char uri[8300], wal[4200];
	struct stat st;
	int code = sqlite3_extended_errcode(s->db);
	bool has_log;

	snprintf(wal, sizeof(wal), "%s-wal", s->path);
	has_log = stat(wal, &st) == 0 && st.st_size > 0;
	sqlite3_close(s->db);
	s->db = NULL;
	path_uri(s->path, uri, sizeof(uri) - 32);
	strcat(uri, has_log ? "?mode=ro" : "?mode=ro&immutable=1");
	s->read_only = true;
	s->read_only_why = say_why ? read_only_reason(s->path, code, &s->read_only_status) : NULL;
	err_clear(e);
	if (sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE,
			    NULL) != SQLITE_OK) {
		if (s->db)
			return store_sql_error(s, e, "opening the book to read it");
		return err_set(e, ST_OSERR, "out of memory");
	}
	if (configure(s, e))
		return e->status;
	return migrate_open(s, &ro, e);
}

enum status
store_open(struct store **out, const struct store_opts *o, struct err *e)
{
	struct store *s;
	int flags;

	*out = NULL;
	if (!o->path || !*o->path)
		return err_set(e, ST_USAGE, "no database path");
	if (ensure_file(o, e))
		return e->status;
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(o->path);
	s->read_only = o->read_only;
	s->clock = o->clock;
	s->actor = xstrdup(o->actor ? o->actor : "unknown");
	s->enforce_roles = o->enforce_roles;
	/* NOMUTEX: one thread uses the store's connection (the fact and rule
	 * workers open their own); its mutex was 4% of a bulk import. */
	flags = (o->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(o->path, &s->db, flags, NULL) != SQLITE_OK) {
		if (s->db)
			store_sql_error(s, e, o->path);
		else
			err_set(e, ST_OSERR, "%s: out of memory", o->path);
		store_close(s);
		return e->status;
	}
	if (configure(s, e) || migrate_open(s, o, e)) {
		if (o->create || !cannot_write(sqlite3_extended_errcode(s->db)) ||
		    reopen_for_reading(s, !o->read_only, e)) {
			err_wrap(e, "%s", o->path);
			store_close(s);
			return e->status;
		}
	}
	s->has_stored_facts = has_table(s, "account_facts_state");
	s->has_journal = has_table(s, "changes");
	s->has_audit_chain = audit_chain_present(s);
	s->has_renewal_evidence = has_table(s, "renewal_evidence");
	s->has_dash = has_table(s, "dash_state");
	store_sync_open(s);
	*out = s;
	return ST_OK;
}

void
store_close(struct store *s)
{
	if (!s)
		return;
	wtx_set_accounts_hook(s, NULL, NULL, NULL);
	for (size_t i = 0; i < s->cache_cap; i++) {
		if (!s->cache[i].sql)
			continue;
		sqlite3_finalize(s->cache[i].stmt);
		free(s->cache[i].sql);
	}
	free(s->cache);
	free(s->expect.json);
	sqlite3_close(s->db);
	free(s->path);
	free(s->backup_path);
	free(s->actor);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

const struct clock *
store_clock(const struct store *s)
{
	return &s->clock;
}

const char *
store_actor(const struct store *s)
{
	return s->actor;
}

bool
store_read_only(const struct store *s)
{
	return s->read_only;
}

bool
store_roles_enforced(const struct store *s)
{
	return s->enforce_roles;
}

const char *
store_read_only_why(const struct store *s)
{
	return s->read_only_why;
}

const char *
store_backup_path(const struct store *s)
{
	return s->backup_path;
}

int
store_version(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, "PRAGMA user_version", NULL);
	int v = -1;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

enum status
store_is_empty(struct store *s, bool *empty, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT NOT EXISTS (SELECT 1 FROM accounts) AND NOT EXISTS (SELECT 1 FROM users)", e);

	if (!st)
		return e->status;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_sql_error(s, e, "reading the book");
	}
	*empty = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return ST_OK;
}

enum status
store_demo_log(struct store *s, struct store_demo_log *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT (SELECT count(*) FROM audit_log WHERE action = 'demo'),"
		" (SELECT count(*) FROM audit_log WHERE action = 'health recompute'),"
		" (SELECT count(*) FROM audit_log), (SELECT count(*) FROM accounts),"
		" (SELECT coalesce(max(date), '') FROM health_snapshots)", e);
	int64_t demo, total;

	memset(out, 0, sizeof(*out));
	if (!st)
		return e->status;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_sql_error(s, e, "reading the book");
	}
	demo = sqlite3_column_int64(st, 0);
	out->recomputes = sqlite3_column_int(st, 1);
	total = sqlite3_column_int64(st, 2);
	out->accounts = sqlite3_column_int64(st, 3);
	snprintf(out->last_scored, sizeof(out->last_scored), "%s", (const char *)sqlite3_column_text(st, 4));
	out->only_demo = demo == 1 && total == demo + out->recomputes;
	sqlite3_reset(st);
	return ST_OK;
}

/* Each row of a check pragma to cb; what names the check. */
static enum status
check_rows(struct store *s, const char *sql, const char *what, store_check_fn cb, void *ctx,
	   int *problems, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, what);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char line[512] = "";
		size_t used = 0;

		for (int i = 0; i < sqlite3_column_count(st) && used < sizeof(line) - 1; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);

			used += (size_t)snprintf(line + used, sizeof(line) - used, "%s%s", i ? " " : "",
						 v ? v : "-");
		}
		if (!strcmp(line, "ok"))
			continue;
		(*problems)++;
		cb(ctx, what, line);
	}
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		/* The check itself met a page it cannot read: that is its
		 * finding, not a failure to check. */
		(*problems)++;
		cb(ctx, what, "SQLite stopped at a page it cannot read");
		return ST_OK;
	}
	return rc == SQLITE_DONE ? ST_OK : store_sql_error(s, e, what);
}

enum status
store_check(struct store *s, store_check_fn cb, void *ctx, int *problems, struct err *e)
{
	*problems = 0;
	if (check_rows(s, "PRAGMA integrity_check(100)", "integrity", cb, ctx, problems, e) ||
	    check_rows(s, "PRAGMA foreign_key_check", "foreign keys", cb, ctx, problems, e))
		return e->status;
	if (*problems)
		return err_set(e, ST_DATA, "the book is damaged (%d problem%s above): stop writing to "
			       "it, restore the last good copy, and save what is readable with "
			       "'sqlite3 BOOK .recover' if there is none", *problems,
			       *problems == 1 ? "" : "s");
	return ST_OK;
}

enum status
store_ids(struct store *s, const char *sql, int64_t param, int64_t **ids, size_t *n, const char *what,
	  struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, param);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*ids = xreallocarray(*ids, cap, sizeof(**ids));
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return store_sql_error(s, e, what);
	}
	return ST_OK;
}
