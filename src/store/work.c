/*
 * work.c -- reading tasks with their checklists, risks, touchpoints and
 * opportunities for the verbs that edit them (see work.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/xalloc.h"
#include "store/entity.h"
#include "store/store_int.h"
#include "store/work.h"

/* -- Heads ------------------------------------------------------------------ */

/* Each query gives, for ?1 = the row id and ?2 = today: the account's id,
 * name and external id, the status, the user's id and login, the date. */
static const struct head_sql {
	const struct entity *ent;
	const char *sql;
} head_sqls[] = {
	{ &entity_task,
	  "SELECT k.account_id, a.name, a.external_id, " TASK_STATUS_SQL("k", "?2") ","
	  " k.owner_id, u.login, k.done_on"
	  " FROM tasks k LEFT JOIN accounts a ON a.id = k.account_id"
	  " LEFT JOIN users u ON u.id = k.owner_id WHERE k.id = ?1" },
	{ &entity_risk,
	  "SELECT r.account_id, a.name, a.external_id, r.status, r.owner_id, u.login, r.closed_on"
	  " FROM risks r JOIN accounts a ON a.id = r.account_id"
	  " LEFT JOIN users u ON u.id = r.owner_id WHERE r.id = ?1 AND ?2 IS NOT NULL" },
	{ &entity_opportunity,
	  "SELECT o.account_id, a.name, a.external_id, o.stage, o.sourced_by_id, u.login, o.closed_on"
	  " FROM opportunities o JOIN accounts a ON a.id = o.account_id"
	  " LEFT JOIN users u ON u.id = o.sourced_by_id WHERE o.id = ?1 AND ?2 IS NOT NULL" },
	{ &entity_account,
	  "SELECT a.id, a.name, a.external_id, a.stage, a.owner_id, u.login, a.stage_since"
	  " FROM accounts a LEFT JOIN users u ON u.id = a.owner_id"
	  " WHERE a.id = ?1 AND ?2 IS NOT NULL" },
	{ &entity_touchpoint,
	  "SELECT t.account_id, a.name, a.external_id, '', t.author_id, u.login, t.date"
	  " FROM touchpoints t JOIN accounts a ON a.id = t.account_id"
	  " LEFT JOIN users u ON u.id = t.author_id WHERE t.id = ?1 AND ?2 IS NOT NULL" },
};

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const char *t = store_col_text(st, i);

	return t ? xstrdup(t) : NULL;
}

static void
col_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const char *t = store_col_text(st, i);

	snprintf(out, size, "%s", t ? t : "");
}

enum status
store_work_head(struct store *s, const struct entity *ent, int64_t id, struct work_head *h,
		struct err *e)
{
	const char *sql = NULL;
	char today[DATE_STRLEN];
	sqlite3_stmt *st;
	int rc;

	memset(h, 0, sizeof(*h));
	for (size_t i = 0; i < sizeof(head_sqls) / sizeof(head_sqls[0]); i++)
		if (head_sqls[i].ent == ent)
			sql = head_sqls[i].sql;
	if (!sql)
		return err_set(e, ST_SOFTWARE, "internal: no head for %s", ent->name);
	if (!(st = store_stmt(s, sql, e)))
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, date_format(s->clock.today, today), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->id = id;
		h->account_id = sqlite3_column_int64(st, 0);
		h->account = col_dup(st, 1);
		h->external_id = col_dup(st, 2);
		col_copy(st, 3, h->status, sizeof(h->status));
		h->user_id = sqlite3_column_int64(st, 4);
		h->user = col_dup(st, 5);
		col_copy(st, 6, h->date, sizeof(h->date));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the record");
	return err_set(e, ST_NOINPUT, "no %s with id %lld", ent->name, (long long)id);
}

void
work_head_done(struct work_head *h)
{
	free(h->account);
	free(h->external_id);
	free(h->user);
	h->account = h->external_id = h->user = NULL;
}

/* -- A task and its checklist ------------------------------------------------ */

static const char *
pdup(struct task_detail *t, sqlite3_stmt *st, int i)
{
	return pool_strdup(&t->pool, store_col_text(st, i));
}

static void
fill_task(struct task_detail *t, sqlite3_stmt *st)
{
	int i = 0;

	t->account = pdup(t, st, i++);
	t->external_id = pdup(t, st, i++);
	t->title = pdup(t, st, i++);
	t->kind = pdup(t, st, i++);
	t->priority = pdup(t, st, i++);
	t->owner = pdup(t, st, i++);
	t->due_date = pdup(t, st, i++);
	t->status = pdup(t, st, i++);
	t->snoozed_until = pdup(t, st, i++);
	t->source = pdup(t, st, i++);
	t->created_on = pdup(t, st, i++);
	t->done_on = pdup(t, st, i++);
	t->notes = pdup(t, st, i++);
	t->cancel_reason = pdup(t, st, i++);
	t->escalation_level = sqlite3_column_int(st, i++);
	t->days_left = sqlite3_column_int64(st, i++);
}

static enum status
load_items(struct store *s, struct task_detail *t, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, text, done FROM task_items WHERE task_id = ?1 ORDER BY position, id", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, t->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct task_item_row *it;

		t->items = xreallocarray(t->items, (size_t)t->nitems + 1, sizeof(*t->items));
		it = &t->items[t->nitems++];
		it->id = sqlite3_column_int64(st, 0);
		it->number = t->nitems;
		it->text = pool_strdup(&t->pool, store_col_text(st, 1));
		it->done = sqlite3_column_int(st, 2) != 0;
		t->nitems_done += it->done;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the checklist");
	return ST_OK;
}

enum status
store_task_detail(struct store *s, int64_t id, struct task_detail **out, struct err *e)
{
	char today[DATE_STRLEN];
	struct task_detail *t;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT a.name, a.external_id, k.title, k.kind, k.priority, u.login, k.due_date,"
		" " TASK_STATUS_SQL("k", "?2") ", k.snoozed_until, k.source, k.created_on, k.done_on,"
		" k.notes, k.cancel_reason, k.escalation_level,"
		" CAST(julianday(k.due_date) - julianday(?2) AS INTEGER)"
		" FROM tasks k LEFT JOIN accounts a ON a.id = k.account_id"
		" LEFT JOIN users u ON u.id = k.owner_id WHERE k.id = ?1", e);
	int rc;

	*out = NULL;
	if (!st)
		return e->status;
	t = xcalloc(1, sizeof(*t));
	pool_init(&t->pool);
	t->id = id;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, date_format(s->clock.today, today), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fill_task(t, st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		task_detail_free(t);
		if (rc != SQLITE_DONE)
			return store_sql_error(s, e, "reading the task");
		return err_set(e, ST_NOINPUT, "no task with id %lld", (long long)id);
	}
	if (load_items(s, t, e)) {
		task_detail_free(t);
		return e->status;
	}
	*out = t;
	return ST_OK;
}

void
task_detail_free(struct task_detail *t)
{
	if (!t)
		return;
	free(t->items);
	pool_done(&t->pool);
	free(t);
}

/* -- Risks -------------------------------------------------------------------- */

enum status
store_risks_each(struct store *s, const struct risk_filter *f, risk_cb cb, void *ctx,
		 struct err *e)
{
	struct risk_row r;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT r.id, a.name, a.external_id, r.category, r.severity, r.status, r.opened_on,"
		" r.closed_on, u.login, r.description, r.mitigation, r.resolution, r.source"
		" FROM risks r JOIN accounts a ON a.id = r.account_id"
		" LEFT JOIN users u ON u.id = r.owner_id"
		" WHERE (?1 IS NULL OR r.account_id = ?1)"
		"   AND (CASE WHEN ?2 IS NULL THEN r.status <> 'closed'"
		"        ELSE ?2 IN ('all', r.status) END)"
		"   AND (?3 IS NULL OR r.category = ?3)"
		" ORDER BY CASE r.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1"
		"  WHEN 'medium' THEN 2 ELSE 3 END, r.opened_on, r.id", e);
	int rc;

	if (!st)
		return e->status;
	if (f->account_id)
		sqlite3_bind_int64(st, 1, f->account_id);
	store_bind_text(st, 2, f->status);
	store_bind_text(st, 3, f->category);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = 0;

		r.id = sqlite3_column_int64(st, i++);
		r.account = store_col_text(st, i++);
		r.external_id = store_col_text(st, i++);
		r.category = store_col_text(st, i++);
		r.severity = store_col_text(st, i++);
		r.status = store_col_text(st, i++);
		r.opened_on = store_col_text(st, i++);
		r.closed_on = store_col_text(st, i++);
		r.owner = store_col_text(st, i++);
		r.description = store_col_text(st, i++);
		r.mitigation = store_col_text(st, i++);
		r.resolution = store_col_text(st, i++);
		r.source = store_col_text(st, i++);
		if (cb(ctx, &r))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "listing risks");
	return ST_OK;
}

/* -- Opportunities -------------------------------------------------------------- */

enum status
store_opportunities_each(struct store *s, const struct opportunity_filter *f, opportunity_cb cb,
			 void *ctx, struct err *e)
{
	struct opportunity_row o;
	const char *stage = f->stage && strcmp(f->stage, "open") ? f->stage : NULL;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT o.id, a.name, a.external_id, o.title, o.kind, o.stage, o.forecast_category,"
		" o.am, u.login, o.created_on, o.expected_close, o.closed_on, o.close_reason,"
		" o.arr_cents"
		" FROM opportunities o JOIN accounts a ON a.id = o.account_id"
		" LEFT JOIN users u ON u.id = o.sourced_by_id"
		" WHERE (?1 IS NULL OR o.account_id = ?1)"
		"   AND (CASE WHEN ?2 IS NULL THEN o.stage NOT IN ('won', 'lost')"
		"        ELSE ?2 IN ('all', o.stage) END)"
		" ORDER BY o.expected_close IS NULL, o.expected_close, o.id", e);
	int rc;

	if (!st)
		return e->status;
	if (f->account_id)
		sqlite3_bind_int64(st, 1, f->account_id);
	store_bind_text(st, 2, stage);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = 0;

		o.id = sqlite3_column_int64(st, i++);
		o.account = store_col_text(st, i++);
		o.external_id = store_col_text(st, i++);
		o.title = store_col_text(st, i++);
		o.kind = store_col_text(st, i++);
		o.stage = store_col_text(st, i++);
		o.forecast = store_col_text(st, i++);
		o.am = store_col_text(st, i++);
		o.sourced_by = store_col_text(st, i++);
		o.created_on = store_col_text(st, i++);
		o.expected_close = store_col_text(st, i++);
		o.closed_on = store_col_text(st, i++);
		o.close_reason = store_col_text(st, i++);
		o.arr_cents = sqlite3_column_int64(st, i++);
		if (cb(ctx, &o))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "listing opportunities");
	return ST_OK;
}

enum status
store_account_am(struct store *s, int64_t account_id, char **am, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT am FROM accounts WHERE id = ?1", e);
	int rc;

	*am = NULL;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*am = col_dup(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the account");
	return ST_OK;
}

/* -- Users ---------------------------------------------------------------------- */

enum status
store_login_suggest(struct store *s, const char *login, char *hint, size_t size, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT login FROM users ORDER BY login", e);
	char **logins = NULL;
	const char *best;
	size_t n = 0;
	int rc;

	*hint = '\0';
	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		logins = xreallocarray(logins, n + 2, sizeof(*logins));
		logins[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	if (n) {
		logins[n] = NULL;
		if ((best = names_suggest((const char *const *)logins, login)))
			snprintf(hint, size, "%s", best);
	}
	for (size_t i = 0; i < n; i++)
		free(logins[i]);
	free(logins);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading users");
	return ST_OK;
}
