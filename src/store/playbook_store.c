/*
 * playbook_store.c -- the playbook engine's reads (see playbook_store.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "store/playbook_store.h"
#include "store/store_int.h"

static const char *
user_login(struct store *s, int64_t id, struct pool *pool)
{
	struct err e = { 0 };
	sqlite3_stmt *st = store_stmt(s, "SELECT login FROM users WHERE id = ?1", &e);
	const char *login = NULL;

	if (!st || !id)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		login = pool_strdup(pool, store_col_text(st, 0));
	sqlite3_reset(st);
	return login;
}

/* The active user an account's am or rm names (CRM exports give names, a
 * book may hold logins or addresses): by login, by e-mail in any case, else
 * the only active user of that full name. */
#define USER_NAMED(x) \
	"coalesce((SELECT id FROM users WHERE active = 1 AND login = " x ")," \
	" (SELECT min(id) FROM users WHERE active = 1 AND email = " x " COLLATE NOCASE)," \
	" (SELECT CASE count(*) WHEN 1 THEN min(id) END FROM users" \
	"   WHERE active = 1 AND name = " x " COLLATE NOCASE))"

enum status
store_pb_account(struct store *s, int64_t id, int32_t day, struct pool *pool,
		 struct pb_account *out, struct err *e)
{
	/* The lead: one of the owner's team, else any lead, lowest id first. */
	sqlite3_stmt *st = store_stmt(s,
		"SELECT a.id, a.name, a.external_id, a.segment, a.stage, a.currency, a.owner_id,"
		" u.login, u.name,"
		" coalesce((SELECT l.id FROM users l WHERE l.role = 'lead' AND l.active = 1"
		"   AND l.team_id = u.team_id ORDER BY l.id LIMIT 1),"
		"  (SELECT l.id FROM users l WHERE l.role = 'lead' AND l.active = 1 ORDER BY l.id LIMIT 1)),"
		" " USER_NAMED("a.am") ", " USER_NAMED("a.rm") ","
		" (SELECT coalesce(sum(arr_delta_cents), 0) FROM arr_events WHERE account_id = a.id AND date <= ?2),"
		" a.am, a.rm, rn.id, rn.due_date, rn.target_arr_cents,"
		" (SELECT group_concat(tag, ';') FROM account_tags WHERE account_id = a.id),"
		" coalesce(u.active, 0)"
		" FROM accounts a LEFT JOIN users u ON u.id = a.owner_id"
		" LEFT JOIN renewals rn ON rn.id = (SELECT id FROM renewals WHERE account_id = a.id"
		"  AND stage <> 'won' AND stage <> 'lost' ORDER BY due_date, id LIMIT 1)"
		" WHERE a.id = ?1", e);
	char date[DATE_STRLEN];

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, date_format(day, date), -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return err_set(e, ST_NOINPUT, "no account with id %lld", (long long)id);
	}
	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	out->name = pool_strdup(pool, store_col_text(st, 1));
	out->external_id = pool_strdup(pool, store_col_text(st, 2));
	out->segment = pool_strdup(pool, store_col_text(st, 3));
	out->stage = pool_strdup(pool, store_col_text(st, 4));
	out->currency = pool_strdup(pool, store_col_text(st, 5));
	out->owner_id = sqlite3_column_int64(st, 6);
	out->owner_login = pool_strdup(pool, store_col_text(st, 7));
	out->owner_name = pool_strdup(pool, store_col_text(st, 8));
	out->lead_id = sqlite3_column_int64(st, 9);
	out->am_id = sqlite3_column_int64(st, 10);
	out->rm_id = sqlite3_column_int64(st, 11);
	out->arr_cents = sqlite3_column_int64(st, 12);
	out->am = pool_strdup(pool, store_col_text(st, 13));
	out->rm = pool_strdup(pool, store_col_text(st, 14));
	out->renewal_id = sqlite3_column_int64(st, 15);
	out->renewal_due = pool_strdup(pool, store_col_text(st, 16));
	out->renewal_arr_cents = sqlite3_column_int64(st, 17);
	out->tags = pool_strdup(pool, store_col_text(st, 18) ? store_col_text(st, 18) : "");
	out->owner_active = sqlite3_column_int(st, 19) != 0;
	sqlite3_reset(st);
	out->lead_login = user_login(s, out->lead_id, pool);
	out->am_login = user_login(s, out->am_id, pool);
	out->rm_login = user_login(s, out->rm_id, pool);
	return ST_OK;
}

enum status
store_pb_user(struct store *s, const char *who, struct pool *pool, int64_t *id, const char **login,
	      struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, login FROM users WHERE active = 1 AND (login = ?1 OR email = ?1 COLLATE NOCASE)"
		" ORDER BY login <> ?1, id LIMIT 1", e);

	if (!st)
		return e->status;
	store_bind_text(st, 1, who);
	*id = 0;
	*login = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*login = pool_strdup(pool, store_col_text(st, 1));
	}
	sqlite3_reset(st);
	return ST_OK;
}

enum status
store_pb_admins(struct store *s, struct pool *pool, struct pb_user **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT id, login FROM users WHERE active = 1 AND role = 'admin' ORDER BY id", e);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct pb_user *v = pool_alloc(pool, (cap ? cap * 2 : 4) * sizeof(*v));

			if (*n)
				memcpy(v, *out, *n * sizeof(*v));
			*out = v;
			cap = cap ? cap * 2 : 4;
		}
		(*out)[*n].id = sqlite3_column_int64(st, 0);
		(*out)[*n].login = pool_strdup(pool, store_col_text(st, 1));
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the admins");
	return ST_OK;
}

enum status
store_pb_escalations(struct store *s, pb_escalation_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT x.id, f.id, f.account_id, f.rule_id, f.fired_on, x.steps,"
		" coalesce((SELECT status = 'done' FROM tasks WHERE id = f.task_id), 0),"
		" coalesce((SELECT status <> 'open' FROM risks WHERE id = f.risk_id), 0),"
		/* Acknowledged: a request of the latest level taken is done
		 * (a step may reach several people; one answer is enough). */
		" coalesce((SELECT max(status = 'done') FROM inbox WHERE firing_id = f.id"
		"   AND kind = 'escalation' AND level = (SELECT max(level) FROM inbox"
		"   WHERE firing_id = f.id AND kind = 'escalation')), 0)"
		" FROM escalations x JOIN playbook_firings f ON f.id = x.firing_id"
		" WHERE x.status = 'open' ORDER BY f.rule_id, f.account_id, x.id", e);
	struct pb_open_escalation x;
	int rc;

	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&x, 0, sizeof(x));
		x.id = sqlite3_column_int64(st, 0);
		x.firing_id = sqlite3_column_int64(st, 1);
		x.account_id = sqlite3_column_int64(st, 2);
		x.rule_id = store_col_text(st, 3);
		if (!date_parse(store_col_text(st, 4), &x.fired_on))
			continue;
		x.steps = sqlite3_column_int(st, 5);
		x.task_done = sqlite3_column_int(st, 6) != 0;
		x.risk_mitigated = sqlite3_column_int(st, 7) != 0;
		x.acknowledged = sqlite3_column_int(st, 8) != 0;
		if (cb(ctx, &x))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading escalations");
	return ST_OK;
}

enum status
store_pb_firing_task(struct store *s, int64_t firing_id, int64_t *task, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT task_id FROM playbook_firings WHERE id = ?1", e);

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, firing_id);
	*task = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return ST_OK;
}

enum status
store_pb_rule_stats(struct store *s, const char *rule_id, struct pb_rule_stats *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT (SELECT count(*) FROM playbook_firings WHERE rule_id = ?1),"
		" (SELECT count(*) FROM escalations x JOIN playbook_firings f ON f.id = x.firing_id"
		"   WHERE x.status = 'open' AND f.rule_id = ?1),"
		" r.as_of, rr.matched, rr.fired"
		" FROM (SELECT 1) LEFT JOIN playbook_rule_runs rr ON rr.id ="
		"   (SELECT id FROM playbook_rule_runs WHERE rule_id = ?1 ORDER BY run_id DESC LIMIT 1)"
		" LEFT JOIN playbook_runs r ON r.id = rr.run_id", e);
	const char *t;

	if (!st)
		return e->status;
	store_bind_text(st, 1, rule_id);
	memset(out, 0, sizeof(*out));
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_sql_error(s, e, "reading playbook history");
	}
	out->firings = sqlite3_column_int64(st, 0);
	out->open_escalations = sqlite3_column_int64(st, 1);
	if ((t = store_col_text(st, 2)))
		snprintf(out->last_run, sizeof(out->last_run), "%s", t);
	out->last_matched = sqlite3_column_int64(st, 3);
	out->last_fired = sqlite3_column_int64(st, 4);
	sqlite3_reset(st);
	return ST_OK;
}

/* Items for ?1 (a login) when ?2 is 0, every item when 1, those that had
 * nowhere to go when 2; done ones too when ?3.  A user's items are those
 * addressed to them, and those addressed to a role alone (undelivered, or
 * written before the inbox_delivery migration) for a role they take: a
 * lead, lead requests and a pooled account's csm notes; an admin, all.
 * Of those, when ?4 is a login, the items about that CSM's accounts; when
 * 'pooled', about accounts with no owner. */
#define INBOX_WHERE \
	" FROM inbox i LEFT JOIN accounts a ON a.id = i.account_id" \
	" LEFT JOIN users r ON r.id = i.recipient_id" \
	" LEFT JOIN users me ON me.login = ?1" \
	" WHERE (?3 OR i.status <> 'done') AND CASE ?2 WHEN 1 THEN 1" \
	"  WHEN 2 THEN i.recipient_id IS NULL AND i.address IS NULL" \
	"  ELSE i.recipient_id = me.id OR (i.recipient_id IS NULL AND i.address IS NULL AND (" \
	"   (me.role = 'lead' AND (i.recipient_role = 'lead' OR i.recipient_role = 'csm'))" \
	"   OR (me.role = 'admin'))) END" \
	" AND (?4 IS NULL OR (?4 = 'pooled' AND i.account_id IS NOT NULL AND a.owner_id IS NULL)" \
	"  OR a.owner_id = (SELECT id FROM users WHERE login = ?4))"

enum status
store_inbox_each(struct store *s, const char *login, enum inbox_scope scope, bool done,
		 const char *owner, inbox_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT i.id, i.created_on, i.kind, a.external_id, a.name, r.login, i.recipient_role,"
		" i.message, i.due_date, i.status, i.source, i.level, i.account_id, i.address,"
		" i.redirected_from" INBOX_WHERE
		" ORDER BY i.status = 'done', i.due_date IS NULL, i.due_date, i.level DESC, i.id", e);
	struct inbox_item it;
	int rc;

	if (!st)
		return e->status;
	store_bind_text(st, 1, login);
	sqlite3_bind_int(st, 2, (int)scope);
	sqlite3_bind_int(st, 3, done);
	store_bind_text(st, 4, owner);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		it.id = sqlite3_column_int64(st, 0);
		it.created_on = store_col_text(st, 1);
		it.kind = store_col_text(st, 2);
		it.account = store_col_text(st, 3);
		it.account_name = store_col_text(st, 4);
		it.recipient = store_col_text(st, 5);
		it.role = store_col_text(st, 6);
		it.message = store_col_text(st, 7);
		it.due_date = store_col_text(st, 8);
		it.status = store_col_text(st, 9);
		it.source = store_col_text(st, 10);
		it.level = sqlite3_column_int(st, 11);
		it.account_id = sqlite3_column_int64(st, 12);
		it.address = store_col_text(st, 13);
		it.redirected_from = store_col_text(st, 14);
		it.undelivered = !it.recipient && !it.address;
		if (cb(ctx, &it))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the inbox");
	return ST_OK;
}

enum status
store_inbox_count(struct store *s, const char *login, int64_t *out, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*)" INBOX_WHERE, e);

	if (!st)
		return e->status;
	store_bind_text(st, 1, login);
	sqlite3_bind_int(st, 2, (int)INBOX_MINE);
	sqlite3_bind_int(st, 3, 0);
	*out = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return ST_OK;
}
