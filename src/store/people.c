/*
 * people.c -- users (CSMs, leads, admins) and tasks: the queries behind
 * `tend task list` (a task's status as read: store_int.h's TASK_STATUS_SQL)
 * and the current user's identity.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/entity.h"
#include "store/store_int.h"

enum status
store_user_get(struct store *s, const char *login, bool *found,
	       int (*cb)(void *, const struct user_row *), void *ctx, struct err *e)
{
	struct user_row u;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT u.id, u.login, u.name, u.role, t.name, u.segment "
		"FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.login = ?1", e);
	int rc;

	*found = false;
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		u.id = sqlite3_column_int64(st, 0);
		u.login = store_col_text(st, 1);
		u.name = store_col_text(st, 2);
		u.role = store_col_text(st, 3);
		u.team = store_col_text(st, 4);
		u.segment = store_col_text(st, 5);
		if (cb)
			cb(ctx, &u);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading users");
	return ST_OK;
}

enum status
store_user_id(struct store *s, const char *login, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM users WHERE login = ?1", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading users");
	return err_set(e, ST_NOUSER, "no user with login '%s'", login);
}

enum status
store_team_id(struct store *s, const char *name, bool *found, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM teams WHERE name = ?1", e);
	int rc;

	*found = false;
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		*id = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading teams");
	return ST_OK;
}

enum status
store_tasks_each(struct store *s, const struct task_filter *f, task_cb cb, void *ctx, struct err *e)
{
	char today[DATE_STRLEN];
	struct task_row t;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT k.id, k.account_id, a.name, k.title, k.kind, k.priority, u.login, k.due_date,"
		" k.state, k.source, CAST(julianday(k.due_date) - julianday(?1) AS INTEGER)"
		" FROM (SELECT *, " TASK_STATUS_SQL("tasks", "?1") " AS state FROM tasks) k"
		" LEFT JOIN accounts a ON a.id = k.account_id"
		" LEFT JOIN users u ON u.id = k.owner_id"
		" WHERE (?2 IS NULL OR u.login = ?2)"
		"   AND (?3 IS NULL OR k.account_id = ?3)"
		"   AND (CASE WHEN ?4 IS NULL THEN k.state IN ('open', 'snoozed') ELSE ?4 IN ('all', k.state) END)"
		"   AND (NOT ?5 OR (k.due_date < ?1 AND k.state = 'open'))"
		" ORDER BY k.due_date IS NULL, k.due_date,"
		"  CASE k.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END,"
		"  k.id", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(s->clock.today, today), -1, SQLITE_TRANSIENT);
	store_bind_text(st, 2, f->owner);
	if (f->account_id)
		sqlite3_bind_int64(st, 3, f->account_id);
	store_bind_text(st, 4, f->status);
	sqlite3_bind_int(st, 5, f->overdue);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t.id = sqlite3_column_int64(st, 0);
		t.account_id = sqlite3_column_int64(st, 1);
		t.account = store_col_text(st, 2);
		t.title = store_col_text(st, 3);
		t.kind = store_col_text(st, 4);
		t.priority = store_col_text(st, 5);
		t.owner = store_col_text(st, 6);
		t.due_date = store_col_text(st, 7);
		t.status = store_col_text(st, 8);
		t.source = store_col_text(st, 9);
		t.days_left = sqlite3_column_int64(st, 10);
		if (cb(ctx, &t))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "listing tasks");
	return ST_OK;
}

enum status
store_row_status(struct store *s, const struct entity *ent, int64_t id, char status[16], struct err *e)
{
	struct buf sql;
	sqlite3_stmt *st;
	int rc;

	/* The table name is the descriptor's, never data. */
	buf_init(&sql);
	buf_addf(&sql, "SELECT status FROM %s WHERE id = ?1", ent->table);
	st = store_stmt(s, sql.data, e);
	buf_done(&sql);
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(status, 16, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading statuses");
	return err_set(e, ST_NOINPUT, "no %s with id %lld", ent->name, (long long)id);
}
