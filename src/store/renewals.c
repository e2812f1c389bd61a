/*
 * renewals.c -- the pipeline, the calendar's renewals, the forecast and the
 * reads of working a renewal (renewals.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/xalloc.h"
#include "store/renewal_sql.h"
#include "store/renewals.h"
#include "store/store_int.h"

#define EVIDENCE \
	" " ACCOUNT_ARR_ON("?1") "," \
	" " EVIDENCE_T120 ", " EVIDENCE_T90 ", " EVIDENCE_T60 ", " EVIDENCE_T30 "," \
	" " RENEWAL_REVIEWS
/* The calendar's: what a day shows, no evidence (?1 and ?7 unbound). */
#define NO_EVIDENCE " 0, NULL, NULL, NULL, NULL, 0"

#define RENEWALS_SELECT(INDEX, COLS) \
	"SELECT r.id, r.account_id, a.external_id, a.name, u.login, t.name, a.segment, h.band," \
	" r.forecast_category, r.stage, r.due_date, r.closed_date, r.target_arr_cents," \
	" r.forecast_arr_cents, r.final_arr_cents," COLS \
	" FROM renewals r " INDEX " JOIN accounts a ON a.id = r.account_id" \
	" LEFT JOIN users u ON u.id = coalesce(r.owner_id, a.owner_id)" \
	" LEFT JOIN teams t ON t.id = u.team_id" \
	" LEFT JOIN account_health h ON h.account_id = r.account_id" \
	" WHERE r.due_date >= ?2 AND r.due_date <= ?3" \
	" AND (?4 IS NULL OR (?4 = 'pooled' AND u.id IS NULL) OR u.login = ?4)" \
	" AND (?5 IS NULL OR t.name = ?5)"
#define RENEWALS_ORDER " ORDER BY r.due_date, r.id"

/* Two texts so the open ones go through renewals_open_due: a partial index
 * serves only a statement whose WHERE says its condition as written. */
static const char renewals_all_sql[] = RENEWALS_SELECT("", EVIDENCE) RENEWALS_ORDER;
static const char renewals_light_sql[] = RENEWALS_SELECT("", NO_EVIDENCE) RENEWALS_ORDER;
/* Without statistics (no ANALYZE) the planner takes renewals_due and
 * reads every closed renewal of the past to skip it: three in four. */
static const char renewals_open_sql[] =
	RENEWALS_SELECT("INDEXED BY renewals_open_due", EVIDENCE)
	" AND r.stage <> 'won' AND r.stage <> 'lost'" RENEWALS_ORDER;
/* The open ones from the evidence table (schema 0017, kept by
 * wtx_evidence.c): every column but the owner's login and team and the
 * band is in its row, and its key (due_date, id) is the order, so a
 * window of due dates is one range read and no sort.  A row whose
 * evidence counted from another opening (another cadence: ?8 its lead in
 * days) has it computed here; an ARR event after today (?1) has the ARR
 * summed up to today. */
#define READY_STEP(col, expr) " CASE WHEN r.lead = ?8 THEN r." col " ELSE " expr " END,"
static const char renewals_ready_sql[] =
	"SELECT r.id, r.account_id, r.external_id, r.name, u.login, t.name, r.segment, h.band,"
	" r.forecast_category, r.stage, r.due_date, r.closed_date, r.target_arr_cents,"
	" r.forecast_arr_cents, r.final_arr_cents,"
	" CASE WHEN r.arr_through IS NULL THEN 0 WHEN r.arr_through <= ?1 THEN r.arr_cents"
	"  ELSE " ACCOUNT_ARR_ON("?1") " END,"
	READY_STEP("t120", EVIDENCE_T120) READY_STEP("t90", EVIDENCE_T90)
	READY_STEP("t60", EVIDENCE_T60) READY_STEP("t30", EVIDENCE_T30)
	" r.reviews"
	" FROM renewal_evidence r"
	" LEFT JOIN users u ON u.id = r.owner_id"
	" LEFT JOIN teams t ON t.id = u.team_id"
	" LEFT JOIN account_health h ON h.account_id = r.account_id"
	" WHERE r.due_date >= ?2 AND r.due_date <= ?3"
	" AND (?4 IS NULL OR (?4 = 'pooled' AND u.id IS NULL) OR u.login = ?4)"
	" AND (?5 IS NULL OR t.name = ?5)" RENEWALS_ORDER;

/* A text column, NULL for SQL NULL, in one call (store_col_text asks its
 * type first: two calls, each taking the connection's mutex, for each of
 * a dozen columns of a pipeline's 27,000 rows). */
static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int32_t
col_day(sqlite3_stmt *st, int i)
{
	int32_t d;
	const char *s = col_text(st, i);

	return s && date_parse(s, &d) ? d : CADENCE_NONE;
}

static int64_t
col_money(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

static void
read_line(sqlite3_stmt *st, struct renewal_line *l)
{
	int32_t closed;

	memset(l, 0, sizeof(*l));
	l->id = sqlite3_column_int64(st, 0);
	l->account_id = sqlite3_column_int64(st, 1);
	l->external_id = col_text(st, 2);
	l->account = col_text(st, 3);
	l->owner = col_text(st, 4);
	l->team = col_text(st, 5);
	l->segment = col_text(st, 6);
	l->band = col_text(st, 7);
	l->category = col_text(st, 8);
	l->stage = col_text(st, 9);
	l->due = col_day(st, 10);
	closed = col_day(st, 11);
	l->closed = closed == CADENCE_NONE ? 0 : closed;
	l->target = sqlite3_column_int64(st, 12);
	l->forecast = col_money(st, 13);
	l->final = col_money(st, 14);
	l->arr = sqlite3_column_int64(st, 15);
	for (int k = 0; k < CADENCE_STEPS; k++)
		l->evidence[k] = col_day(st, 16 + k);
	l->changes = sqlite3_column_int64(st, 20);
}

/* The pipeline computed reads a dozen indexes at random places of a big
 * book for each renewal (read ready, still the band's and the owner's):
 * through a memory map and a bigger page cache, as playbook
 * evaluation does (rule_eval.c), a quarter of its time that went to copying
 * pages is saved.  Set for the statement, then back to the defaults. */
#define PIPELINE_PRAGMAS "PRAGMA cache_size = -65536; PRAGMA mmap_size = 2147483648"
#define DEFAULT_PRAGMAS "PRAGMA cache_size = -2000; PRAGMA mmap_size = 0"

enum status
store_renewals(struct store *s, const struct renewals_query *q,
	       int (*cb)(void *, const struct renewal_line *), void *ctx, struct err *e)
{
	/* Inside a write transaction the table holds what the book held at
	 * its start (it is brought up to date at commit). */
	bool ready = q->open_only && !q->computed && s->has_renewal_evidence && !s->tx;
	sqlite3_stmt *st = store_stmt(s, q->light ? renewals_light_sql : ready ? renewals_ready_sql
				      : q->open_only ? renewals_open_sql : renewals_all_sql, e);
	char today[DATE_STRLEN], from[DATE_STRLEN], to[DATE_STRLEN], lead[32];
	struct renewal_line l;
	int rc;

	if (!st)
		return e->status;
	snprintf(lead, sizeof(lead), "-%d days", q->cadence->offset[0] + CADENCE_LEAD);
	sqlite3_bind_text(st, 1, date_format(s->clock.today, today), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date_format(q->from, from), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date_format(q->to, to), -1, SQLITE_STATIC);
	store_bind_text(st, 4, q->owner);
	store_bind_text(st, 5, q->team);
	sqlite3_bind_text(st, 7, lead, -1, SQLITE_STATIC);
	if (ready)
		sqlite3_bind_int(st, 8, q->cadence->offset[0] + CADENCE_LEAD);
	if (!q->light && !s->tx)
		sqlite3_exec(s->db, PIPELINE_PRAGMAS, NULL, NULL, NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_line(st, &l);
		if (cb(ctx, &l)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!q->light && !s->tx)
		sqlite3_exec(s->db, DEFAULT_PRAGMAS, NULL, NULL, NULL);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading renewals");
	return ST_OK;
}

/* -- the forecast ------------------------------------------------------------------ */

const char *const forecast_by_names[] = { "book", "csm", "segment", "team", "quarter", NULL };

#define OPEN "r.stage <> 'won' AND r.stage <> 'lost'"
#define FC_AMOUNT "coalesce(r.forecast_arr_cents, r.target_arr_cents)"
#define FC_CAT(cat, expr) \
	" sum(CASE WHEN " OPEN " AND r.forecast_category = '" cat "' THEN " expr " ELSE 0 END),"
#define FORECAST_SQL(group) \
	"SELECT " group ", count(*), sum(r.target_arr_cents)," \
	" count(CASE WHEN " OPEN " THEN 1 END)," \
	FC_CAT("commit", FC_AMOUNT) FC_CAT("likely", FC_AMOUNT) FC_CAT("at_risk", FC_AMOUNT) \
	FC_CAT("commit", "min(" FC_AMOUNT ", r.target_arr_cents)") \
	FC_CAT("likely", "min(" FC_AMOUNT ", r.target_arr_cents)") \
	" count(CASE WHEN r.stage = 'won' THEN 1 END)," \
	" sum(CASE WHEN r.stage = 'won' THEN r.final_arr_cents ELSE 0 END)," \
	" sum(CASE WHEN r.stage = 'won' THEN min(r.final_arr_cents, r.target_arr_cents) ELSE 0 END)," \
	" count(CASE WHEN r.stage = 'lost' THEN 1 END)," \
	" sum(CASE WHEN r.stage = 'lost' THEN r.target_arr_cents ELSE 0 END)" \
	" FROM renewals r JOIN accounts a ON a.id = r.account_id" \
	" LEFT JOIN users u ON u.id = a.owner_id LEFT JOIN teams t ON t.id = u.team_id" \
	" WHERE r.due_date >= ?1 AND r.due_date < ?2 GROUP BY 1 ORDER BY 1"

static const char *const forecast_sql[] = {
	[FC_BOOK] = FORECAST_SQL("NULL"),
	[FC_CSM] = FORECAST_SQL("u.login"),
	[FC_SEGMENT] = FORECAST_SQL("a.segment"),
	[FC_TEAM] = FORECAST_SQL("t.name"),
	[FC_QUARTER] = FORECAST_SQL("strftime('%Y', r.due_date) || 'Q' ||"
				    " ((CAST(strftime('%m', r.due_date) AS INTEGER) + 2) / 3)"),
};

enum status
store_forecast(struct store *s, int32_t t0, int32_t t1, enum forecast_by by,
	       int (*cb)(void *, const struct forecast_sums *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, forecast_sql[by], e);
	char from[DATE_STRLEN], to[DATE_STRLEN];
	struct forecast_sums f;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(t0, from), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date_format(t1, to), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = 1;

		f.group = store_col_text(st, 0);
		f.renewals = sqlite3_column_int64(st, i++);
		f.due = sqlite3_column_int64(st, i++);
		f.open = sqlite3_column_int64(st, i++);
		f.commit = sqlite3_column_int64(st, i++);
		f.likely = sqlite3_column_int64(st, i++);
		f.at_risk = sqlite3_column_int64(st, i++);
		f.commit_gross = sqlite3_column_int64(st, i++);
		f.likely_gross = sqlite3_column_int64(st, i++);
		f.won = sqlite3_column_int64(st, i++);
		f.won_final = sqlite3_column_int64(st, i++);
		f.won_gross = sqlite3_column_int64(st, i++);
		f.lost = sqlite3_column_int64(st, i++);
		f.lost_target = sqlite3_column_int64(st, i++);
		if (cb(ctx, &f)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the forecast");
	return ST_OK;
}

/* -- working one renewal --------------------------------------------------------------- */

/* Whole months from start to end, to the nearest (a contract of 365 or
 * 366 days is 12 months); 12 when that is under one. */
static int
term_months(const char *start, const char *end)
{
	int32_t a, b;
	int y1, m1, d1, y2, m2, d2, n;

	if (!start || !end || !date_parse(start, &a) || !date_parse(end, &b))
		return 12;
	date_to_ymd(a, &y1, &m1, &d1);
	date_to_ymd(b, &y2, &m2, &d2);
	n = (y2 - y1) * 12 + (m2 - m1) + (d2 - d1 >= 15 ? 1 : d2 - d1 <= -15 ? -1 : 0);
	return n >= 1 ? n : 12;
}

enum status
store_renewal_rec(struct store *s, int64_t id, struct renewal_rec *r, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT r.account_id, r.due_date, r.target_arr_cents, r.forecast_arr_cents,"
		" r.forecast_category, r.stage, r.owner_id, r.contract_id, c.start_date, c.end_date"
		" FROM renewals r LEFT JOIN contracts c ON c.id = r.contract_id WHERE r.id = ?1", e);
	int rc;

	memset(r, 0, sizeof(*r));
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->id = id;
		r->account_id = sqlite3_column_int64(st, 0);
		date_parse((const char *)sqlite3_column_text(st, 1), &r->due);
		r->target = sqlite3_column_int64(st, 2);
		r->forecast = col_money(st, 3);
		snprintf(r->category, sizeof(r->category), "%s", sqlite3_column_text(st, 4));
		snprintf(r->stage, sizeof(r->stage), "%s", sqlite3_column_text(st, 5));
		r->owner_id = sqlite3_column_int64(st, 6);
		r->contract_id = sqlite3_column_int64(st, 7);
		r->term_months = term_months(store_col_text(st, 8), store_col_text(st, 9));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading renewals");
	return err_set(e, ST_NOINPUT, "no renewal with id %lld", (long long)id);
}

enum status
store_account_open_work(struct store *s, int64_t account_id, int64_t **tasks, size_t *ntasks,
			int64_t **risks, size_t *nrisks, struct err *e)
{
	enum status st;

	*risks = NULL;
	*nrisks = 0;
	st = store_ids(s,
		"SELECT id FROM tasks k WHERE k.account_id = ?1"
		" AND (k.status = 'open' OR k.status = 'snoozed') ORDER BY id", account_id, tasks,
		ntasks, "reading the account's open work", e);
	if (!st)
		st = store_ids(s,
			"SELECT id FROM risks WHERE account_id = ?1"
			" AND (status = 'open' OR status = 'mitigating') ORDER BY id", account_id,
			risks, nrisks, "reading the account's open work", e);
	if (st) {
		free(*tasks);
		*tasks = NULL;
		*ntasks = 0;
	}
	return st;
}

enum status
store_renewal_step_logged(struct store *s, int64_t id, const char *step, bool *yes,
			  struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT 1 FROM renewal_steps WHERE renewal_id = ?1 AND step = ?2", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, step, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading renewal steps");
	return ST_OK;
}

enum status
store_account_stage(struct store *s, int64_t account_id, char *out, size_t size, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT stage FROM accounts WHERE id = ?1", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading accounts");
	return err_set(e, ST_NOINPUT, "no account with id %lld", (long long)account_id);
}

/* -- the calendar's days ------------------------------------------------------------ */

#define DAY_RANK \
	"max(CASE WHEN r.stage = 'won' THEN 0 WHEN r.stage = 'lost' THEN 1" \
	" WHEN r.forecast_category = 'commit' THEN 2 WHEN r.forecast_category = 'likely' THEN 3" \
	" ELSE 4 END)"
/* Without an owner: the renewals alone, through renewals_due; with one, the
 * owner as the pipeline reads it (the renewal's, else the account's). */
static const char days_sql[] =
	"SELECT r.due_date, count(*), sum(r.target_arr_cents), " DAY_RANK
	" FROM renewals r WHERE r.due_date >= ?1 AND r.due_date <= ?2 GROUP BY r.due_date";
static const char days_owner_sql[] =
	"SELECT r.due_date, count(*), sum(r.target_arr_cents), " DAY_RANK
	" FROM renewals r JOIN accounts a ON a.id = r.account_id"
	" LEFT JOIN users u ON u.id = coalesce(r.owner_id, a.owner_id)"
	" WHERE r.due_date >= ?1 AND r.due_date <= ?2"
	" AND ((?3 = 'pooled' AND u.id IS NULL) OR u.login = ?3) GROUP BY r.due_date";

enum status
store_calendar_days(struct store *s, int32_t from, int32_t to, const char *owner,
		    int (*cb)(void *, const struct calendar_day *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, owner ? days_owner_sql : days_sql, e);
	char f[DATE_STRLEN], t[DATE_STRLEN];
	struct calendar_day d;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(from, f), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date_format(to, t), -1, SQLITE_STATIC);
	if (owner)
		sqlite3_bind_text(st, 3, owner, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d.day = col_day(st, 0);
		d.renewals = sqlite3_column_int64(st, 1);
		d.arr = sqlite3_column_int64(st, 2);
		d.worst = sqlite3_column_int(st, 3);
		if (cb(ctx, &d)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the calendar");
	return ST_OK;
}

/* -- open tasks, for the calendar file ---------------------------------------------- */

enum status
store_open_tasks(struct store *s, int (*cb)(void *, const struct open_task *), void *ctx,
		 struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT k.id, k.account_id, k.title, k.due_date, k.priority FROM tasks k"
		" WHERE k.account_id IS NOT NULL AND (k.status = 'open' OR k.status = 'snoozed')"
		" AND " TASK_STATUS_SQL("k", "?1") " = 'open' ORDER BY k.account_id, k.id", e);
	char today[DATE_STRLEN];
	struct open_task t;
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(s->clock.today, today), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t.id = sqlite3_column_int64(st, 0);
		t.account_id = sqlite3_column_int64(st, 1);
		t.title = store_col_text(st, 2);
		t.due = col_day(st, 3);
		t.priority = store_col_text(st, 4);
		if (cb(ctx, &t)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading open tasks");
	return ST_OK;
}
