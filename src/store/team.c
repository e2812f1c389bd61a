/*
 * team.c -- the team dashboard's own per-CSM figures (see team.h), in one
 * statement grouped by owner.
 */
#include "config.h"

#include <string.h>

#include "core/date.h"
#include "store/store_int.h"
#include "domain/model.h"
#include "store/team.h"

/* Renewals due within N days of today: their count and target ARR. */
#define TEAM_RENEW(days) \
	" sum(due_date <= date(?1, '+" days " days')) AS n" days "," \
	" sum(CASE WHEN due_date <= date(?1, '+" days " days') THEN target_arr_cents ELSE 0 END) AS a" days
#define TEAM_RENEW_SUM(days) " sum(coalesce(x.n" days ", 0)), sum(coalesce(x.a" days ", 0))"

/* Each per-account figure is read once for the whole book, grouped (the
 * ledger by account through its covering index, the open renewals of the
 * next 120 days through their due date), not by a subquery per account:
 * 100k accounts made that 800k lookups. */
static const char team_sql[] =
	"WITH arr AS (SELECT account_id AS id, sum(arr_delta_cents) AS arr FROM arr_events"
	"   WHERE date <= ?1 GROUP BY account_id),"
	" rn AS (SELECT account_id AS id," TEAM_RENEW("30") "," TEAM_RENEW("60") ","
	TEAM_RENEW("90") "," TEAM_RENEW("120")
	"   FROM renewals WHERE stage <> 'won' AND stage <> 'lost'"
	"   AND due_date >= ?1 AND due_date <= date(?1, '+120 days') GROUP BY account_id),"
	" x AS (SELECT a.id, a.owner_id, h.band, coalesce(arr.arr, 0) AS arr, rn.*"
	"  FROM accounts a LEFT JOIN account_health h ON h.account_id = a.id"
	"  LEFT JOIN arr ON arr.id = a.id LEFT JOIN rn ON rn.id = a.id)"
	" SELECT u.login,"
	" sum(x.band IN ('red', 'orange')), sum(x.band = 'yellow'),"
	" sum(x.band IN ('lightgreen', 'green')), sum(x.band IS NULL OR x.band = 'unknown'),"
	" sum(CASE WHEN x.band IN ('red', 'orange') AND x.arr > 0 THEN x.arr ELSE 0 END),"
	TEAM_RENEW_SUM("30") "," TEAM_RENEW_SUM("60") "," TEAM_RENEW_SUM("90") "," TEAM_RENEW_SUM("120") ","
	" (SELECT count(*) FROM tasks k WHERE k.owner_id = x.owner_id AND x.owner_id IS NOT NULL"
	"   AND " TASK_STATUS_SQL("k", "?1") " = 'open' AND k.due_date < ?1),"
	" (SELECT count(*) FROM escalations s JOIN playbook_firings f ON f.id = s.firing_id"
	"   JOIN accounts a ON a.id = f.account_id"
	"   WHERE s.status = 'open' AND a.owner_id IS x.owner_id)"
	" FROM x LEFT JOIN users u ON u.id = x.owner_id"
	" GROUP BY x.owner_id ORDER BY u.login IS NOT NULL, u.login";

void
store_team_extra_read(sqlite3_stmt *st, struct team_extra *x)
{
	int c = 1;

	memset(x, 0, sizeof(*x));
	x->login = store_col_text(st, 0);
	x->red = sqlite3_column_int64(st, c++);
	x->yellow = sqlite3_column_int64(st, c++);
	x->green = sqlite3_column_int64(st, c++);
	x->unknown = sqlite3_column_int64(st, c++);
	x->arr_at_risk = sqlite3_column_int64(st, c++);
	for (int i = 0; i < 4; i++) {
		x->renew[i] = sqlite3_column_int64(st, c++);
		x->renew_arr[i] = sqlite3_column_int64(st, c++);
	}
	x->overdue_tasks = sqlite3_column_int64(st, c++);
	x->open_escalations = sqlite3_column_int64(st, c++);
}

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
		store_team_extra_read(st, &x);
		if (cb(ctx, &x))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the team's figures");
	return ST_OK;
}

/* -- coverage: last touch and signed plans ---------------------------------- */

/* The median by window functions: the middle one or two of each owner's
 * days, in order, averaged. */
static const char cover_sql[] =
	"WITH t AS (SELECT a.owner_id AS o,"
	"   julianday(?1) - julianday(max(p.date)) AS d FROM accounts a"
	"   JOIN touchpoints p ON p.account_id = a.id"
	"   WHERE a.stage <> 'churned' AND p.kind <> 'note' AND p.kind <> 'internal_review'"
	"   AND p.date <= ?1 GROUP BY a.id),"
	" r AS (SELECT o, d, row_number() OVER (PARTITION BY o ORDER BY d) AS k,"
	"   count(*) OVER (PARTITION BY o) AS n FROM t),"
	" med AS (SELECT o, avg(d) AS d, max(n) AS n FROM r"
	"   WHERE k = (n + 1) / 2 OR k = (n + 2) / 2 GROUP BY o),"
	" pl AS (SELECT a.owner_id AS o, count(DISTINCT a.id) AS n FROM success_plans p"
	"   JOIN accounts a ON a.id = p.account_id"
	"   WHERE a.stage <> 'churned' AND p.status IN ('signed', 'active', 'done')"
	"   GROUP BY a.owner_id),"
	" owners AS (SELECT o FROM med UNION SELECT o FROM pl)"
	" SELECT u.login, med.d, coalesce(med.n, 0), coalesce(pl.n, 0) FROM owners w"
	" LEFT JOIN med ON med.o IS w.o LEFT JOIN pl ON pl.o IS w.o"
	" LEFT JOIN users u ON u.id = w.o ORDER BY u.login IS NOT NULL, u.login";

enum status
store_team_cover(struct store *s, int32_t today, int (*cb)(void *, const struct team_cover *),
		 void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, cover_sql, e);
	char day[DATE_STRLEN];
	struct team_cover c;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(today, day), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof(c));
		c.login = store_col_text(st, 0);
		c.touch_set = sqlite3_column_type(st, 1) != SQLITE_NULL;
		c.median_touch_days = sqlite3_column_double(st, 1);
		c.touched = sqlite3_column_int64(st, 2);
		c.plans_signed = sqlite3_column_int64(st, 3);
		if (cb(ctx, &c))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the team's coverage");
	return ST_OK;
}

/* -- the risk roll-up ------------------------------------------------------- */

static const char risks_sql[] =
	"WITH r AS (SELECT DISTINCT category, account_id FROM risks"
	"   WHERE status IN ('open', 'mitigating')),"
	" arr AS (SELECT e.account_id AS id, sum(e.arr_delta_cents) AS arr FROM arr_events e"
	"   WHERE e.date <= ?1 AND e.account_id IN (SELECT account_id FROM r) GROUP BY e.account_id),"
	" x AS (SELECT r.category, r.account_id, coalesce(arr.arr, 0) AS arr,"
	"   EXISTS (SELECT 1 FROM renewals n WHERE n.account_id = r.account_id"
	"     AND n.stage <> 'won' AND n.stage <> 'lost'"
	"     AND n.due_date >= ?2 AND n.due_date <= ?3) AS renewing"
	"   FROM r LEFT JOIN arr ON arr.id = r.account_id)"
	" SELECT category, count(*), sum(max(arr, 0)), sum(CASE WHEN renewing THEN max(arr, 0) ELSE 0 END)"
	" FROM x GROUP BY category ORDER BY sum(max(arr, 0)) DESC, category";

enum status
store_team_risks(struct store *s, int32_t today, int32_t q0, int32_t q1,
		 int (*cb)(void *, const struct team_risk *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, risks_sql, e);
	char day[DATE_STRLEN];
	struct team_risk r;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(today, day), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(q0, day), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, date_format(q1, day), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.category = store_col_text(st, 0);
		r.accounts = sqlite3_column_int64(st, 1);
		r.arr = sqlite3_column_int64(st, 2);
		r.renewing_arr = sqlite3_column_int64(st, 3);
		if (cb(ctx, &r))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the risk roll-up");
	return ST_OK;
}

/* -- stuck in a stage -------------------------------------------------------- */

/* ?2..?6: the days land, onboard, adopt, expand and renew allow.  In a
 * stage longer than it allows is entered before today - limit: a range of
 * the (stage, stage_since) index per stage, not a pass over the book. */
static const char stuck_sql[] =
	"WITH lim(stage, days) AS (VALUES ('land', ?2), ('onboard', ?3), ('adopt', ?4),"
	"   ('expand', ?5), ('renew', ?6)),"
	" x AS (SELECT a.id, a.external_id, a.name, a.owner_id, a.stage, l.days AS lim,"
	"   CAST(julianday(?1) - julianday(a.stage_since) AS INTEGER) AS days"
	"   FROM lim l JOIN accounts a ON a.stage = l.stage"
	"   AND a.stage_since < date(?1, printf('-%d days', l.days)) WHERE l.days > 0)"
	" SELECT x.id, x.external_id, x.name, u.login, x.stage, x.days, x.lim,"
	"   coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e"
	"     WHERE e.account_id = x.id AND e.date <= ?1), 0)"
	" FROM x LEFT JOIN users u ON u.id = x.owner_id"
	" ORDER BY x.days - x.lim DESC, x.name, x.id";

enum status
store_team_stuck(struct store *s, int32_t today, const int *stuck,
		 int (*cb)(void *, const struct team_stuck *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, stuck_sql, e);
	char day[DATE_STRLEN];
	struct team_stuck x;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(today, day), -1, SQLITE_TRANSIENT);
	for (int i = 0; i < STAGE_CHURNED; i++)
		sqlite3_bind_int(st, 2 + i, stuck[i]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x.account_id = sqlite3_column_int64(st, 0);
		x.account = store_col_text(st, 1);
		x.name = store_col_text(st, 2);
		x.owner = store_col_text(st, 3);
		x.stage = store_col_text(st, 4);
		x.days = sqlite3_column_int64(st, 5);
		x.limit = sqlite3_column_int64(st, 6);
		x.arr = sqlite3_column_int64(st, 7);
		if (cb(ctx, &x))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the accounts stuck in a stage");
	return ST_OK;
}

/* -- churn by reason ---------------------------------------------------------- */

/* ARR(t) is the sum of deltas dated before t (doc/model.md section 4). */
static const char churn_sql[] =
	"WITH a AS (SELECT e.account_id AS id,"
	"   sum(CASE WHEN e.date < ?1 THEN e.arr_delta_cents ELSE 0 END) AS s,"
	"   sum(CASE WHEN e.date < ?2 THEN e.arr_delta_cents ELSE 0 END) AS t"
	"   FROM arr_events e WHERE e.date < ?2 GROUP BY e.account_id),"
	" c AS (SELECT a.id, a.s, (SELECT e.reason FROM arr_events e WHERE e.account_id = a.id"
	"   AND e.kind = 'churn' AND e.date >= ?1 AND e.date < ?2"
	"   ORDER BY e.date DESC, e.id DESC LIMIT 1) AS reason FROM a WHERE a.s > 0 AND a.t <= 0)"
	" SELECT coalesce(reason, 'unspecified'), count(*), sum(s) FROM c"
	" GROUP BY 1 ORDER BY sum(s) DESC, 1";

enum status
store_team_churn(struct store *s, int32_t t0, int32_t t1,
		 int (*cb)(void *, const struct team_churn *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, churn_sql, e);
	char day[DATE_STRLEN];
	struct team_churn c;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(t0, day), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(t1, day), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c.reason = store_col_text(st, 0);
		c.accounts = sqlite3_column_int64(st, 1);
		c.arr = sqlite3_column_int64(st, 2);
		if (cb(ctx, &c))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading churn by reason");
	return ST_OK;
}
