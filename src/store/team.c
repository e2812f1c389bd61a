/*
 * team.c -- the team dashboard's own per-CSM figures (see team.h), in one
 * statement grouped by owner.
 */
#include "config.h"

#include <string.h>

#include "core/date.h"
#include "store/store_int.h"
#include "store/team.h"

#define TEAM_RENEW(days) \
	" sum((SELECT count(*) FROM renewals r WHERE r.account_id = x.id" \
	"   AND r.stage <> 'won' AND r.stage <> 'lost'" \
	"   AND r.due_date >= ?1 AND r.due_date <= date(?1, '+" days " days')))," \
	" sum((SELECT coalesce(sum(r.target_arr_cents), 0) FROM renewals r WHERE r.account_id = x.id" \
	"   AND r.stage <> 'won' AND r.stage <> 'lost'" \
	"   AND r.due_date >= ?1 AND r.due_date <= date(?1, '+" days " days')))"

static const char team_sql[] =
	"WITH x AS (SELECT a.id, a.owner_id, h.band,"
	"  coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e"
	"    WHERE e.account_id = a.id AND e.date <= ?1), 0) AS arr"
	"  FROM accounts a LEFT JOIN account_health h ON h.account_id = a.id)"
	" SELECT u.login,"
	" sum(x.band IN ('red', 'orange')), sum(x.band = 'yellow'),"
	" sum(x.band IN ('lightgreen', 'green')), sum(x.band IS NULL OR x.band = 'unknown'),"
	" sum(CASE WHEN x.band IN ('red', 'orange') AND x.arr > 0 THEN x.arr ELSE 0 END),"
	TEAM_RENEW("30") "," TEAM_RENEW("60") "," TEAM_RENEW("90") "," TEAM_RENEW("120") ","
	" (SELECT count(*) FROM tasks k WHERE k.owner_id = x.owner_id AND x.owner_id IS NOT NULL"
	"   AND " TASK_STATUS_SQL("k", "?1") " = 'open' AND k.due_date < ?1),"
	" (SELECT count(*) FROM escalations s JOIN playbook_firings f ON f.id = s.firing_id"
	"   JOIN accounts a ON a.id = f.account_id"
	"   WHERE s.status = 'open' AND a.owner_id IS x.owner_id)"
	" FROM x LEFT JOIN users u ON u.id = x.owner_id"
	" GROUP BY x.owner_id ORDER BY u.login IS NOT NULL, u.login";

enum status
store_team_extras(struct store *s, int32_t today, int (*cb)(void *, const struct team_extra *),
		  void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, team_sql, e);
	char day[DATE_STRLEN];
	struct team_extra x;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(today, day), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int c = 1;

		memset(&x, 0, sizeof(x));
		x.login = store_col_text(st, 0);
		x.red = sqlite3_column_int64(st, c++);
		x.yellow = sqlite3_column_int64(st, c++);
		x.green = sqlite3_column_int64(st, c++);
		x.unknown = sqlite3_column_int64(st, c++);
		x.arr_at_risk = sqlite3_column_int64(st, c++);
		for (int i = 0; i < 4; i++) {
			x.renew[i] = sqlite3_column_int64(st, c++);
			x.renew_arr[i] = sqlite3_column_int64(st, c++);
		}
		x.overdue_tasks = sqlite3_column_int64(st, c++);
		x.open_escalations = sqlite3_column_int64(st, c++);
		if (cb(ctx, &x))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the team's figures");
	return ST_OK;
}
