/*
 * records.c -- single records read for editing (see records.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/records.h"
#include "store/store_int.h"

static const char *
col(struct pool *p, sqlite3_stmt *st, int i)
{
	return pool_strdup(p, store_col_text(st, i));
}

/* Step st once: ST_OK with *found set, or the SQL error as "reading what". */
static enum status
step_one(struct store *s, sqlite3_stmt *st, bool *found, const char *what, struct err *e)
{
	int rc = sqlite3_step(st);

	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return ST_OK;
	sqlite3_reset(st);
	return store_sql_error(s, e, what);
}

enum status
store_account_rec(struct store *s, int64_t id, struct pool *p, struct account_rec *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT a.external_id, a.name, u.login, a.am, a.rm, a.segment, a.touch_model,"
		" a.service_package, a.stage, a.stage_since, a.partner, a.notes, a.licensed_seats,"
		" (SELECT group_concat(tag, ';') FROM (SELECT tag FROM account_tags"
		"   WHERE account_id = a.id ORDER BY tag))"
		" FROM accounts a LEFT JOIN users u ON u.id = a.owner_id WHERE a.id = ?1", e);
	bool found;
	int i = 0;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	if (step_one(s, st, &found, "reading the account", e))
		return e->status;
	if (!found) {
		sqlite3_reset(st);
		return err_set(e, ST_NOINPUT, "no account with id %lld", (long long)id);
	}
	memset(out, 0, sizeof(*out));
	out->id = id;
	out->external_id = col(p, st, i++);
	out->name = col(p, st, i++);
	out->owner = col(p, st, i++);
	out->am = col(p, st, i++);
	out->rm = col(p, st, i++);
	out->segment = col(p, st, i++);
	out->touch_model = col(p, st, i++);
	out->package = col(p, st, i++);
	out->stage = col(p, st, i++);
	out->stage_since = col(p, st, i++);
	out->partner = col(p, st, i++);
	out->notes = col(p, st, i++);
	out->seats = sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
	i++;
	out->tags = col(p, st, i++);
	sqlite3_reset(st);
	return ST_OK;
}

enum status
store_user_logins(struct store *s, struct pool *p, const char *const **out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT login FROM users ORDER BY login", e);
	const char **names = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		names = xreallocarray(names, n + 2, sizeof(*names));
		names[n++] = col(p, st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(names);
		return store_sql_error(s, e, "reading users");
	}
	/* The array itself lives in the pool too, so the caller frees nothing. */
	{
		const char **kept = pool_alloc(p, (n + 1) * sizeof(*kept));

		for (size_t k = 0; k < n; k++)
			kept[k] = names[k];
		kept[n] = NULL;
		*out = kept;
	}
	free(names);
	return ST_OK;
}

/* -- Stage history ----------------------------------------------------------- */

enum status
store_stage_open(struct store *s, int64_t account_id, int64_t *id, char from[11], struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, coalesce(from_date, '') FROM account_stage_history"
		" WHERE account_id = ?1 AND to_date IS NULL ORDER BY id DESC LIMIT 1", e);
	bool found;

	*id = 0;
	from[0] = '\0';
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	if (step_one(s, st, &found, "reading the stage history", e))
		return e->status;
	if (found) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(from, 11, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return ST_OK;
}
