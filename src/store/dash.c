/*
 * dash.c -- the team dashboard's summary rows (see dash.h): building them,
 * keeping them, reading them.
 *
 * Data model (schema/0016_team_summary.sql): dash_account holds each
 * account's part of the figures as of dash_state.asof, one column per
 * summed figure (DASH_SUMS below); dash_cell holds their sums per (owner,
 * segment); dash_risk / dash_risk_cell and dash_account's churn columns /
 * dash_churn_cell do the same for the risk roll-up and churn by reason.
 * A cell is exactly the sum of its accounts' parts: a refresh subtracts
 * the dirty accounts' old parts from the cells, recomputes the parts, and
 * adds the new ones, in one transaction.  The parts are computed by one
 * statement (part_sql) for a set of accounts -- every account, or the
 * dirty ones -- with the same definitions as store/metrics.c and
 * store/team.c, whose comments say what each figure means.
 *
 * Why a refresh at read time rather than in the write path: the triggers
 * catch every way a row changes (imports, playbook runs, undo, the sqlite3
 * CLI), writes stay as fast as they were, and the cost lands on the next
 * dashboard read -- a few milliseconds for a handful of accounts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "domain/cadence.h"
#include "store/dash.h"
#include "store/metrics.h"
#include "store/store_int.h"

/* Past this share of the book dirty, rebuilding is cheaper than moving
 * the sums account by account. */
#define DASH_REBUILD_SHARE 8

/* The summed figures, in dash_account and dash_cell (and metrics_sums or
 * team_extra / team_cover, read_cell()). */
#define DASH_SUMS(X) \
	X(n) X(s) X(e) X(c) X(x) X(nw) X(ending) X(cohort) X(churned) X(new_n) X(active) \
	X(premium) X(reviewed) X(rn) X(rn_due) X(rn_gross) X(rn_net) X(rn_won) X(rn_on_time) \
	X(rn_lost) X(nps_n) X(nps_pro) X(nps_det) X(csat_n) X(csat_sum) X(csat_sat) X(tp) \
	X(tp_pro) X(red) X(yellow) X(green) X(unknown) X(at_risk) X(n30) X(a30) X(n60) X(a60) \
	X(n90) X(a90) X(n120) X(a120) X(touched) X(plans)
#define COL_(c) ", " #c
#define SUM_(c) ", sum(" #c ")"
#define NEG_(c) ", -sum(" #c ")"
#define ADD_(c) ", " #c " = " #c " + excluded." #c
#define ONE_(c) +1
enum { DASH_NSUMS = 0 DASH_SUMS(ONE_) };

/* The accounts a statement works on. */
#define ALL_IDS "SELECT id FROM accounts"
#define DIRTY_IDS "SELECT account_id FROM dash_dirty"

/* Renewals due within N days of today. */
#define DUE_N(days) \
	" sum(due_date <= date(?1, '+" days " days')) AS n" days "," \
	" sum(CASE WHEN due_date <= date(?1, '+" days " days') THEN target_arr_cents ELSE 0 END) AS a" days

/* Each account's part as of ?1 = today, for the period [?2, ?3), the
 * review windows starting ?4..?6 (enterprise, mid_market, smb) and the
 * quarter [?7, ?8].  The per-account aggregates are grouped reads over
 * each table's (account_id, date) index for the accounts in IDS. */
#define PART_SQL(IDS) \
	"INSERT INTO dash_account (account_id, owner, segment" DASH_SUMS(COL_) \
	", arr, renewing, touch_days, churn_reason, churn_arr)" \
	" WITH ids AS (" IDS ")," \
	" b AS MATERIALIZED (SELECT a.id, coalesce(a.owner_id, 0) AS owner, a.segment, a.stage," \
	"   a.service_package AS pkg, h.band," \
	"   coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e" \
	"     WHERE e.account_id = a.id AND e.date < ?2), 0) AS a0," \
	"   coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e" \
	"     WHERE e.account_id = a.id AND e.date < ?3), 0) AS a1" \
	"   FROM accounts a LEFT JOIN account_health h ON h.account_id = a.id" \
	"   WHERE a.id IN ids)," \
	" rn AS (SELECT account_id AS id, count(*) AS rn, sum(target_arr_cents) AS rn_due," \
	"   sum(CASE WHEN stage = 'won' THEN min(final_arr_cents, target_arr_cents) ELSE 0 END)" \
	"     AS rn_gross," \
	"   sum(CASE WHEN stage = 'won' THEN final_arr_cents ELSE 0 END) AS rn_net," \
	"   count(CASE WHEN stage = 'won' THEN 1 END) AS rn_won," \
	"   count(CASE WHEN stage = 'won' AND closed_date <= due_date THEN 1 END) AS rn_on_time," \
	"   count(CASE WHEN stage = 'lost' THEN 1 END) AS rn_lost" \
	"   FROM renewals WHERE account_id IN ids AND due_date >= ?2 AND due_date < ?3" \
	"   GROUP BY account_id)," \
	" sv AS (SELECT account_id AS id," \
	"   count(CASE WHEN kind = 'nps' THEN 1 END) AS nps_n," \
	"   count(CASE WHEN kind = 'nps' AND score >= 9 THEN 1 END) AS nps_pro," \
	"   count(CASE WHEN kind = 'nps' AND score <= 6 THEN 1 END) AS nps_det," \
	"   count(CASE WHEN kind = 'csat' THEN 1 END) AS csat_n," \
	"   sum(CASE WHEN kind = 'csat' THEN score ELSE 0 END) AS csat_sum," \
	"   count(CASE WHEN kind = 'csat' AND score >= 4 THEN 1 END) AS csat_sat" \
	"   FROM surveys WHERE account_id IN ids AND date >= ?2 AND date < ?3" \
	"   GROUP BY account_id)," \
	" tp AS (SELECT account_id AS id, count(*) AS tp, sum(proactive) AS tp_pro" \
	"   FROM touchpoints WHERE account_id IN ids AND date >= ?2 AND date < ?3" \
	"   AND kind <> 'note' AND kind <> 'internal_review' GROUP BY account_id)," \
	" lt AS (SELECT account_id AS id, max(date) AS d FROM touchpoints" \
	"   WHERE account_id IN ids AND date <= ?1" \
	"   AND kind <> 'note' AND kind <> 'internal_review' GROUP BY account_id)," \
	" nx AS (SELECT account_id AS id," DUE_N("30") "," DUE_N("60") "," DUE_N("90") "," \
	"   count(*) AS n120, sum(target_arr_cents) AS a120" \
	"   FROM renewals WHERE account_id IN ids AND stage <> 'won' AND stage <> 'lost'" \
	"   AND due_date >= ?1 AND due_date <= date(?1, '+120 days') GROUP BY account_id)," \
	" rq AS (SELECT DISTINCT account_id AS id FROM renewals" \
	"   WHERE account_id IN ids AND stage <> 'won' AND stage <> 'lost'" \
	"   AND due_date >= ?7 AND due_date <= ?8)," \
	" pl AS (SELECT DISTINCT account_id AS id FROM success_plans" \
	"   WHERE account_id IN ids AND status IN ('signed', 'active', 'done'))" \
	" SELECT b.id, b.owner, b.segment, 1," \
	"  max(a0, 0)," \
	"  CASE WHEN a0 > 0 AND a1 > a0 THEN a1 - a0 ELSE 0 END," \
	"  CASE WHEN a0 > 0 AND a1 > 0 AND a1 < a0 THEN a0 - a1 ELSE 0 END," \
	"  CASE WHEN a0 > 0 AND a1 <= 0 THEN a0 ELSE 0 END," \
	"  CASE WHEN a0 <= 0 AND a1 > 0 THEN a1 ELSE 0 END," \
	"  max(a1, 0), a0 > 0, a0 > 0 AND a1 <= 0, a0 <= 0 AND a1 > 0, a1 > 0," \
	"  pkg = 'premium' AND a1 > 0," \
	"  pkg = 'premium' AND a1 > 0 AND EXISTS (SELECT 1 FROM touchpoints t" \
	"    WHERE t.account_id = b.id" \
	"    AND t.date >= CASE b.segment WHEN 'enterprise' THEN ?4 WHEN 'mid_market' THEN ?5 ELSE ?6 END" \
	"    AND t.date < ?3 AND (t.kind = 'qbr' OR t.kind = 'ebr'" \
	"    OR (t.kind = 'webinar' AND b.segment = 'smb')))," \
	"  coalesce(rn.rn, 0), coalesce(rn.rn_due, 0), coalesce(rn.rn_gross, 0)," \
	"  coalesce(rn.rn_net, 0), coalesce(rn.rn_won, 0), coalesce(rn.rn_on_time, 0)," \
	"  coalesce(rn.rn_lost, 0)," \
	"  coalesce(sv.nps_n, 0), coalesce(sv.nps_pro, 0), coalesce(sv.nps_det, 0)," \
	"  coalesce(sv.csat_n, 0), coalesce(sv.csat_sum, 0), coalesce(sv.csat_sat, 0)," \
	"  coalesce(tp.tp, 0), coalesce(tp.tp_pro, 0)," \
	"  CASE WHEN b.band IN ('red', 'orange') THEN 1 ELSE 0 END," \
	"  CASE WHEN b.band = 'yellow' THEN 1 ELSE 0 END," \
	"  CASE WHEN b.band IN ('lightgreen', 'green') THEN 1 ELSE 0 END," \
	"  CASE WHEN b.band IS NULL OR b.band = 'unknown' THEN 1 ELSE 0 END," \
	"  CASE WHEN b.band IN ('red', 'orange') AND a1 > 0 THEN a1 ELSE 0 END," \
	"  coalesce(nx.n30, 0), coalesce(nx.a30, 0), coalesce(nx.n60, 0), coalesce(nx.a60, 0)," \
	"  coalesce(nx.n90, 0), coalesce(nx.a90, 0), coalesce(nx.n120, 0), coalesce(nx.a120, 0)," \
	"  b.stage <> 'churned' AND lt.d IS NOT NULL, b.stage <> 'churned' AND pl.id IS NOT NULL," \
	"  a1, rq.id IS NOT NULL," \
	"  CASE WHEN b.stage <> 'churned' AND lt.d IS NOT NULL" \
	"    THEN CAST(julianday(?1) - julianday(lt.d) AS INTEGER) END," \
	"  CASE WHEN a0 > 0 AND a1 <= 0 THEN coalesce((SELECT e.reason FROM arr_events e" \
	"    WHERE e.account_id = b.id AND e.kind = 'churn' AND e.date >= ?2 AND e.date < ?3" \
	"    ORDER BY e.date DESC, e.id DESC LIMIT 1), 'unspecified') END," \
	"  CASE WHEN a0 > 0 AND a1 <= 0 THEN a0 ELSE 0 END" \
	" FROM b LEFT JOIN rn ON rn.id = b.id LEFT JOIN sv ON sv.id = b.id" \
	" LEFT JOIN tp ON tp.id = b.id LEFT JOIN lt ON lt.id = b.id LEFT JOIN nx ON nx.id = b.id" \
	" LEFT JOIN rq ON rq.id = b.id LEFT JOIN pl ON pl.id = b.id"

/* An account's risk rows: each category of its open risks, with its
 * ARR and whether it renews this quarter. */
#define RISK_SQL(IDS) \
	"INSERT INTO dash_risk (account_id, category, arr, renewing)" \
	" SELECT DISTINCT r.account_id, r.category, max(d.arr, 0), d.renewing FROM risks r" \
	" JOIN dash_account d ON d.account_id = r.account_id" \
	" WHERE r.account_id IN (" IDS ") AND r.status IN ('open', 'mitigating')"

/* Move the cells by the parts of the accounts in IDS, signed by AGG. */
#define CELL_SQL(AGG, IDS) \
	"INSERT INTO dash_cell (owner, segment" DASH_SUMS(COL_) ")" \
	" SELECT owner, segment" DASH_SUMS(AGG) " FROM dash_account" \
	" WHERE account_id IN (" IDS ") GROUP BY owner, segment" \
	" ON CONFLICT (owner, segment) DO UPDATE SET owner = excluded.owner" DASH_SUMS(ADD_)
#define RISK_CELL_SQL(SIGN, IDS) \
	"INSERT INTO dash_risk_cell (category, accounts, arr, renewing_arr)" \
	" SELECT category, " SIGN "count(*), " SIGN "sum(arr), " SIGN "sum(renewing * arr)" \
	" FROM dash_risk WHERE account_id IN (" IDS ") GROUP BY category" \
	" ON CONFLICT (category) DO UPDATE SET accounts = accounts + excluded.accounts," \
	" arr = arr + excluded.arr, renewing_arr = renewing_arr + excluded.renewing_arr"
#define CHURN_CELL_SQL(SIGN, IDS) \
	"INSERT INTO dash_churn_cell (reason, accounts, arr)" \
	" SELECT churn_reason, " SIGN "count(*), " SIGN "sum(churn_arr) FROM dash_account" \
	" WHERE account_id IN (" IDS ") AND churn_reason IS NOT NULL GROUP BY churn_reason" \
	" ON CONFLICT (reason) DO UPDATE SET accounts = accounts + excluded.accounts," \
	" arr = arr + excluded.arr"

/* The tables the parts are read from, and the column holding the account:
 * a change to any of their rows marks that account dirty. */
#define DASH_MARK(T, K) \
	"CREATE TRIGGER IF NOT EXISTS dash_" T "_ins AFTER INSERT ON " T \
	" BEGIN INSERT OR IGNORE INTO dash_dirty VALUES (NEW." K "); END", \
	"CREATE TRIGGER IF NOT EXISTS dash_" T "_upd AFTER UPDATE ON " T \
	" BEGIN INSERT OR IGNORE INTO dash_dirty VALUES (OLD." K "), (NEW." K "); END", \
	"CREATE TRIGGER IF NOT EXISTS dash_" T "_del AFTER DELETE ON " T \
	" BEGIN INSERT OR IGNORE INTO dash_dirty VALUES (OLD." K "); END"
#define DASH_SOURCES(X) \
	X("accounts", "id") X("account_health", "account_id") X("arr_events", "account_id") \
	X("renewals", "account_id") X("surveys", "account_id") X("touchpoints", "account_id") \
	X("risks", "account_id") X("success_plans", "account_id")
#define MARK_(T, K) DASH_MARK(T, K),
#define UNMARK_(T, K) "DROP TRIGGER IF EXISTS dash_" T "_ins", "DROP TRIGGER IF EXISTS dash_" T "_upd", \
	"DROP TRIGGER IF EXISTS dash_" T "_del",

static const char *const mark_sql[] = { DASH_SOURCES(MARK_) NULL };
static const char *const forget_sql[] = {
	DASH_SOURCES(UNMARK_) "DELETE FROM dash_state", "DELETE FROM dash_dirty", NULL,
};

/* A rebuild: empty everything, compute every part, sum the cells. */
static const char *const rebuild_sql[] = {
	"DELETE FROM dash_dirty", "DELETE FROM dash_account", "DELETE FROM dash_cell",
	"DELETE FROM dash_risk", "DELETE FROM dash_risk_cell", "DELETE FROM dash_churn_cell",
	PART_SQL(ALL_IDS), RISK_SQL(ALL_IDS),
	CELL_SQL(SUM_, ALL_IDS), RISK_CELL_SQL("", ALL_IDS), CHURN_CELL_SQL("", ALL_IDS),
	NULL,
};

/* A refresh of the dirty accounts: take their old parts out of the cells,
 * recompute them, put the new ones in. */
static const char *const refresh_sql[] = {
	CELL_SQL(NEG_, DIRTY_IDS), RISK_CELL_SQL("-", DIRTY_IDS), CHURN_CELL_SQL("-", DIRTY_IDS),
	"DELETE FROM dash_risk WHERE account_id IN (" DIRTY_IDS ")",
	"DELETE FROM dash_account WHERE account_id IN (" DIRTY_IDS ")",
	PART_SQL(DIRTY_IDS), RISK_SQL(DIRTY_IDS),
	CELL_SQL(SUM_, DIRTY_IDS), RISK_CELL_SQL("", DIRTY_IDS), CHURN_CELL_SQL("", DIRTY_IDS),
	/* Owners and categories left with nothing are no longer listed. */
	"DELETE FROM dash_cell WHERE n = 0", "DELETE FROM dash_risk_cell WHERE accounts = 0",
	"DELETE FROM dash_churn_cell WHERE accounts = 0",
	"DELETE FROM dash_dirty",
	NULL,
};

void
dash_period_of(int32_t today, struct dash_period *p)
{
	p->today = today;
	p->t1 = today + 1;
	p->t0 = date_add_months(p->t1, -12);
	p->q0 = cal_quarter_start(today);
	p->q1 = date_add_months(p->q0, 3) - 1;
}

static void
bind_period(sqlite3_stmt *st, const struct dash_period *p)
{
	char d[DATE_STRLEN];
	int32_t days[] = { p->today, p->t0, p->t1, 0, 0, 0, p->q0, p->q1 };

	for (int g = 0; g < SEGMENT_COUNT_; g++)
		days[3 + g] = p->t1 - metrics_bands[g].review_days;
	for (int i = 0; i < (int)(sizeof(days) / sizeof(days[0])); i++)
		if (i < sqlite3_bind_parameter_count(st))
			sqlite3_bind_text(st, i + 1, date_format(days[i], d), -1, SQLITE_TRANSIENT);
}

/* Run each statement of a list, the period bound where it asks for it. */
static enum status
run_all(struct store *s, const char *const *sql, const struct dash_period *p, struct err *e)
{
	for (int i = 0; sql[i]; i++) {
		sqlite3_stmt *st = store_stmt(s, sql[i], e);
		int rc;

		if (!st)
			return e->status;
		bind_period(st, p);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (rc != SQLITE_DONE)
			return store_sql_error(s, e, "keeping the team dashboard's summary");
	}
	return ST_OK;
}

static enum status
one_int(struct store *s, const char *sql, int64_t *v, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);
	int rc;

	if (!st)
		return e->status;
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the team dashboard's summary");
	return ST_OK;
}

/* The day the summary is as of (0: none), and how many accounts are dirty. */
static enum status
summary_state(struct store *s, int32_t *asof, int64_t *dirty, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT asof FROM dash_state WHERE id = 1", e);
	const char *d;
	int rc;

	*asof = 0;
	if (!st)
		return e->status;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && (d = store_col_text(st, 0)))
		date_parse(d, asof);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the team dashboard's summary");
	return one_int(s, "SELECT count(*) FROM dash_dirty", dirty, e);
}

/* Within the write lock: rebuild or refresh as the state asks.  A rebuild
 * also makes the triggers that keep the summary (mark_sql). */
static enum status
bring_up(struct store *s, int32_t today, struct err *e)
{
	struct dash_period p;
	int64_t dirty, accounts;
	int32_t asof;
	enum status st;

	dash_period_of(today, &p);
	if ((st = summary_state(s, &asof, &dirty, e)))
		return st;
	if (asof == today && !dirty)
		return ST_OK;
	if (asof == today) {
		if ((st = one_int(s, "SELECT count(*) FROM dash_account", &accounts, e)))
			return st;
		if (dirty * DASH_REBUILD_SHARE < accounts)
			return run_all(s, refresh_sql, &p, e);
	}
	if ((st = run_all(s, rebuild_sql, &p, e)) || (st = run_all(s, mark_sql, &p, e)))
		return st;
	/* Last: the triggers start marking once a summary exists. */
	sqlite3_stmt *stm = store_stmt(s, "INSERT INTO dash_state (id, asof) VALUES (1, ?1)"
				      " ON CONFLICT (id) DO UPDATE SET asof = excluded.asof", e);
	char d[DATE_STRLEN];
	int rc;

	if (!stm)
		return e->status;
	sqlite3_bind_text(stm, 1, date_format(today, d), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stm);
	sqlite3_reset(stm);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "keeping the team dashboard's summary");
	return ST_OK;
}

enum status
store_dash_ensure(struct store *s, int32_t today, bool *ready, struct err *e)
{
	int64_t dirty;
	int32_t asof;
	enum status st;
	int rc;

	*ready = false;
	if (s->tx || s->read_only)
		return ST_OK;
	/* Most reads find it current: look before taking the write lock. */
	if ((st = summary_state(s, &asof, &dirty, e)))
		return st;
	if (asof == today && !dirty) {
		*ready = true;
		return ST_OK;
	}
	rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_READONLY)
		return ST_OK;
	if (rc != SQLITE_OK)
		return store_sql_error(s, e, "keeping the team dashboard's summary");
	if ((st = bring_up(s, today, e))) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return st;
	}
	rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_READONLY) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return ST_OK;
	}
	if (rc != SQLITE_OK)
		return store_sql_error(s, e, "keeping the team dashboard's summary");
	*ready = true;
	return ST_OK;
}

/* -- reading ---------------------------------------------------------------- */

#define CELL_COLS_ "owner, segment" DASH_SUMS(COL_)

/* The end of a read: rc SQLITE_DONE is success, SQLITE_ROW a failure
 * already in e, anything else SQLite's. */
static enum status
read_error(struct store *s, sqlite3_stmt *st, int rc, struct err *e)
{
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return ST_OK;
	if (rc == SQLITE_ROW)
		return e->status;
	return store_sql_error(s, e, "reading the team dashboard's summary");
}

enum status
store_dash_metrics(struct store *s, int32_t today, struct metrics_book *b, struct err *e)
{
	struct dash_period p;
	sqlite3_stmt *st;
	enum status rs;
	int rc;

	dash_period_of(today, &p);
	if ((rs = store_metrics_book(s, p.t0, p.t1, true, b, e)))
		return rs;
	if (!(st = store_stmt(s, "SELECT " CELL_COLS_ " FROM dash_cell", e)))
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct metrics_sums m = { 0 };
		int k = 3;   /* after owner, segment and n */
		int64_t *ledger[] = {
			&m.starting_arr, &m.expansion, &m.contraction, &m.churned_arr, &m.new_arr,
			&m.ending_arr, &m.cohort_accounts, &m.churned_accounts, &m.new_accounts,
			&m.active_accounts, &m.review_accounts, &m.reviews_current,
			&m.renewals, &m.renewals_due, &m.renewals_gross, &m.renewals_net,
			&m.renewals_won, &m.renewals_on_time, &m.renewals_lost,
			&m.nps_responses, &m.nps_promoters, &m.nps_detractors,
			&m.csat_responses, &m.csat_total, &m.csat_satisfied,
			&m.touchpoints, &m.proactive,
		};

		for (size_t i = 0; i < sizeof(ledger) / sizeof(ledger[0]); i++)
			*ledger[i] = sqlite3_column_int64(st, k++);
		if (store_metrics_cell_add(b, sqlite3_column_int64(st, 0), store_col_text(st, 1), &m, e))
			return read_error(s, st, SQLITE_ROW, e);
	}
	return read_error(s, st, rc, e);
}

/* Per owner, pooled first then by login: the cells' figures summed over
 * segments, and what is read live (late tasks, open escalations). */
static const char extras_sql[] =
	"WITH o AS (SELECT owner, sum(red) AS red, sum(yellow) AS yellow, sum(green) AS green,"
	"   sum(unknown) AS unknown, sum(at_risk) AS at_risk, sum(n30) AS n30, sum(a30) AS a30,"
	"   sum(n60) AS n60, sum(a60) AS a60, sum(n90) AS n90, sum(a90) AS a90,"
	"   sum(n120) AS n120, sum(a120) AS a120 FROM dash_cell GROUP BY owner)"
	" SELECT u.login, o.red, o.yellow, o.green, o.unknown, o.at_risk,"
	"  o.n30, o.a30, o.n60, o.a60, o.n90, o.a90, o.n120, o.a120,"
	"  CASE WHEN o.owner = 0 THEN 0 ELSE"
	"   (SELECT count(*) FROM tasks k WHERE k.owner_id = o.owner AND k.status = 'open'"
	"     AND k.due_date < ?1)"
	"   + (SELECT count(*) FROM tasks k WHERE k.owner_id = o.owner AND k.status = 'snoozed'"
	"     AND k.snoozed_until <= ?1 AND k.due_date < ?1) END,"
	"  (SELECT count(*) FROM escalations s JOIN playbook_firings f ON f.id = s.firing_id"
	"   JOIN accounts a ON a.id = f.account_id"
	"   WHERE s.status = 'open' AND coalesce(a.owner_id, 0) = o.owner)"
	" FROM o LEFT JOIN users u ON u.id = o.owner ORDER BY u.login IS NOT NULL, u.login";

enum status
store_dash_extras(struct store *s, int32_t today, int (*cb)(void *, const struct team_extra *),
		  void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, extras_sql, e);
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
	return read_error(s, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, e);
}

/* The median of an owner's days since the last touch, by the index on
 * (owner, touch_days): the middle one or two of their n. */
static const char median_sql[] =
	"SELECT avg(touch_days) FROM (SELECT touch_days FROM dash_account"
	" WHERE owner = ?1 AND touch_days IS NOT NULL ORDER BY touch_days"
	" LIMIT 2 - ?2 % 2 OFFSET (?2 - 1) / 2)";

enum status
store_dash_cover(struct store *s, int (*cb)(void *, const struct team_cover *), void *ctx,
		 struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT c.owner, u.login, sum(c.touched), sum(c.plans) FROM dash_cell c"
		" LEFT JOIN users u ON u.id = c.owner GROUP BY c.owner"
		" HAVING sum(c.touched) > 0 OR sum(c.plans) > 0"
		" ORDER BY u.login IS NOT NULL, u.login", e);
	sqlite3_stmt *med = store_stmt(s, median_sql, e);
	struct team_cover c;
	int rc;

	if (!st || !med)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof(c));
		c.login = store_col_text(st, 1);
		c.touched = sqlite3_column_int64(st, 2);
		c.plans_signed = sqlite3_column_int64(st, 3);
		if (c.touched > 0) {
			sqlite3_bind_int64(med, 1, sqlite3_column_int64(st, 0));
			sqlite3_bind_int64(med, 2, c.touched);
			if (sqlite3_step(med) != SQLITE_ROW) {
				sqlite3_reset(med);
				return read_error(s, st, SQLITE_ERROR, e);
			}
			c.touch_set = true;
			c.median_touch_days = sqlite3_column_double(med, 0);
			sqlite3_reset(med);
		}
		if (cb(ctx, &c))
			break;
	}
	return read_error(s, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, e);
}

enum status
store_dash_risks(struct store *s, int (*cb)(void *, const struct team_risk *), void *ctx,
		 struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT category, accounts, arr, renewing_arr FROM dash_risk_cell WHERE accounts > 0"
		" ORDER BY arr DESC, category", e);
	struct team_risk r;
	int rc;

	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.category = store_col_text(st, 0);
		r.accounts = sqlite3_column_int64(st, 1);
		r.arr = sqlite3_column_int64(st, 2);
		r.renewing_arr = sqlite3_column_int64(st, 3);
		if (cb(ctx, &r))
			break;
	}
	return read_error(s, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, e);
}

enum status
store_dash_churn(struct store *s, int (*cb)(void *, const struct team_churn *), void *ctx,
		 struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT reason, accounts, arr FROM dash_churn_cell WHERE accounts > 0"
		" ORDER BY arr DESC, reason", e);
	struct team_churn c;
	int rc;

	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c.reason = store_col_text(st, 0);
		c.accounts = sqlite3_column_int64(st, 1);
		c.arr = sqlite3_column_int64(st, 2);
		if (cb(ctx, &c))
			break;
	}
	return read_error(s, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, e);
}

enum status
store_dash_forget(struct store *s, struct err *e)
{
	struct dash_period p = { 0 };
	int64_t have;
	enum status st;

	if (!s->has_dash)
		return ST_OK;
	if ((st = one_int(s, "SELECT count(*) FROM dash_state", &have, e)) || !have)
		return st;
	return run_all(s, forget_sql, &p, e);
}
