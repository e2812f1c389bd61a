/*
 * audit_log.c -- reading the audit log (see audit_log.h): one statement,
 * its conditions bound, never built from data.
 */
#include "config.h"

#include <string.h>

#include "store/audit_log.h"
#include "store/store_int.h"

/* The parent ids a row's JSON holds, for the account condition. */
#define AL_J(key) "json_extract(coalesce(l.new, l.old), '$." key "')"

/* An update lists the fields that changed, old -> new; an insert (or a
 * delete) the fields the row had, but its id and empty ones. */
#define AL_CHANGES \
	" CASE l.op WHEN 'update' THEN" \
	"   (SELECT group_concat(n.key || ': ' || coalesce(o.value, 'null') || ' -> '" \
	"      || coalesce(n.value, 'null'), ', ')" \
	"    FROM json_each(l.new) n LEFT JOIN json_each(l.old) o ON o.key = n.key" \
	"    WHERE o.value IS NOT n.value OR o.type IS NOT n.type)" \
	" WHEN 'insert' THEN (SELECT group_concat(n.key || '=' || n.value, ', ') FROM json_each(l.new) n" \
	"    WHERE n.key <> 'id' AND n.value IS NOT NULL AND n.value <> '')" \
	" WHEN 'delete' THEN (SELECT group_concat(n.key || '=' || n.value, ', ') FROM json_each(l.old) n" \
	"    WHERE n.key <> 'id' AND n.value IS NOT NULL AND n.value <> '')" \
	" END"

static const char audit_sql[] =
	"SELECT l.id, l.at, l.actor, l.action, l.table_name, l.row_id, l.op, l.old, l.new," AL_CHANGES
	" FROM audit_log l"
	" WHERE (?2 IS NULL OR l.at >= ?2) AND (?3 IS NULL OR l.actor = ?3)"
	" AND (?5 = 0 OR (coalesce(l.table_name, '') NOT IN ('health_snapshots', 'account_health',"
	"   'account_facts', 'account_facts_state', 'playbook_firings', 'playbook_rule_runs', 'playbook_runs')"
	"   AND (l.op <> 'update' OR l.old IS NOT l.new)"
	"   AND (l.table_name IS NOT 'task_items' OR l.op <> 'insert')))"
	" AND (?1 = 0"
	"  OR (l.table_name = 'accounts' AND l.row_id = ?1)"
	"  OR (l.table_name <> 'accounts' AND " AL_J("account_id") " = ?1)"
	"  OR (l.table_name = 'task_items' AND " AL_J("task_id")
	"      IN (SELECT id FROM tasks WHERE account_id = ?1))"
	"  OR (l.table_name = 'objectives' AND " AL_J("plan_id")
	"      IN (SELECT id FROM success_plans WHERE account_id = ?1))"
	"  OR (l.table_name IN ('milestones', 'kpis') AND " AL_J("objective_id")
	"      IN (SELECT o.id FROM objectives o JOIN success_plans p ON p.id = o.plan_id"
	"          WHERE p.account_id = ?1))"
	"  OR (l.table_name = 'kpi_readings' AND " AL_J("kpi_id")
	"      IN (SELECT k.id FROM kpis k JOIN objectives o ON o.id = k.objective_id"
	"          JOIN success_plans p ON p.id = o.plan_id WHERE p.account_id = ?1)))"
	" ORDER BY l.id DESC LIMIT ?4";

enum status
store_audit_each(struct store *s, const struct audit_query *q,
		 int (*cb)(void *, const struct audit_entry *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, audit_sql, e);
	struct audit_entry a;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, q->account_id);
	store_bind_text(st, 2, q->since);
	store_bind_text(st, 3, q->user);
	sqlite3_bind_int64(st, 4, q->limit > 0 ? q->limit : -1);
	sqlite3_bind_int(st, 5, q->people);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&a, 0, sizeof(a));
		a.id = sqlite3_column_int64(st, 0);
		a.at = store_col_text(st, 1);
		a.actor = store_col_text(st, 2);
		a.action = store_col_text(st, 3);
		a.table = store_col_text(st, 4);
		a.row_id = sqlite3_column_int64(st, 5);
		a.op = store_col_text(st, 6);
		a.old = store_col_text(st, 7);
		a.new = store_col_text(st, 8);
		a.changes = store_col_text(st, 9);
		if (cb(ctx, &a))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the audit log");
	return ST_OK;
}
