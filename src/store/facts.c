/*
 * facts.c -- the fact catalog in SQL (see facts.h).
 *
 * ?1 is the date (YYYY-MM-DD).  The text is a template: ACCT is replaced by
 * a constant filter ("" for the whole book, "AND account_id = ?2" for one
 * account) so that one-account queries use the indexes too.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/pool.h"
#include "core/xalloc.h"
#include "store/facts.h"
#include "store/store_int.h"

static const char facts_sql[] =
	"WITH"
	/* Tickets: open now, open P1, open-ticket-days over the 30 days ending
	 * on the date (a ticket is open on day x when opened <= x < closed),
	 * opened in 90 days, and the 4-week trend. */
	" tk AS (SELECT account_id,"
	"   sum(closed_date IS NULL OR closed_date > ?1) AS open_now,"
	"   sum(priority = 'p1' AND (closed_date IS NULL OR closed_date > ?1)) AS open_p1,"
	"   sum(max(0, julianday(min(?1, coalesce(date(closed_date, '-1 day'), ?1)))"
	"             - julianday(max(opened_date, date(?1, '-29 days'))) + 1)) AS open_days,"
	"   sum(opened_date > date(?1, '-90 days')) AS t90,"
	"   sum(opened_date > date(?1, '-28 days'))"
	"     - sum(opened_date > date(?1, '-56 days') AND opened_date <= date(?1, '-28 days')) AS trend"
	"  FROM tickets WHERE opened_date <= ?1 ACCT"
	"   AND (closed_date IS NULL OR closed_date > date(?1, '-30 days') OR opened_date > date(?1, '-90 days'))"
	"  GROUP BY account_id),"
	" sv AS (SELECT account_id,"
	"   100.0 * (sum(kind = 'nps' AND score >= 9) - sum(kind = 'nps' AND score <= 6))"
	"     / nullif(sum(kind = 'nps'), 0) AS nps,"
	"   avg(CASE WHEN kind = 'csat' AND date > date(?1, '-90 days') THEN score END) AS csat"
	"  FROM surveys WHERE date > date(?1, '-12 months') AND date <= ?1 ACCT GROUP BY account_id),"
	" tp AS (SELECT account_id,"
	"   max(CASE WHEN kind <> 'note' AND kind <> 'internal_review' THEN date END) AS touch,"
	"   max(CASE WHEN kind = 'qbr' OR kind = 'ebr' THEN date END) AS review"
	"  FROM touchpoints WHERE date <= ?1 ACCT GROUP BY account_id),"
	" ex AS (SELECT t.account_id, max(t.date) AS exec"
	"  FROM touchpoints t JOIN touchpoint_attendees x ON x.touchpoint_id = t.id"
	"  JOIN contacts c ON c.id = x.contact_id"
	"  WHERE t.date <= ?1 AND c.is_executive = 1 TACCT GROUP BY t.account_id),"
	/* A contact who left after the date was still there on it. */
	" ct AS (SELECT c.account_id, max(r.role = 'champion') AS champion,"
	"   max(r.role = 'executive_sponsor') AS sponsor"
	"  FROM contacts c JOIN contact_roles r ON r.contact_id = c.id"
	"  WHERE (c.status = 'active' OR c.left_on > ?1)"
	"   AND (r.role = 'champion' OR r.role = 'executive_sponsor') CACCT GROUP BY c.account_id),"
	" iv AS (SELECT account_id,"
	"   max(max(0, julianday(coalesce(CASE WHEN paid_date <= ?1 THEN paid_date END, ?1))"
	"              - julianday(due_date))) AS late"
	"  FROM invoices WHERE due_date <= ?1 ACCT"
	"   AND (due_date > date(?1, '-365 days') OR paid_date IS NULL OR paid_date > ?1)"
	"  GROUP BY account_id),"
	" ar AS (SELECT account_id, sum(arr_delta_cents) AS arr FROM arr_events"
	"  WHERE date <= ?1 ACCT GROUP BY account_id),"
	/* SQLite takes the bare column from the row that holds the min(). */
	" ini AS (SELECT account_id, min(start_date), arr_cents FROM contracts"
	"  WHERE 1 ACCT GROUP BY account_id),"
	" ne AS (SELECT account_id, min(date), arr_delta_cents FROM arr_events"
	"  WHERE kind = 'new' ACCT GROUP BY account_id),"
	" ms AS (SELECT p.account_id, sum(m.status = 'done' OR m.status = 'on_track') AS good,"
	"   count(*) AS n"
	"  FROM success_plans p JOIN objectives o ON o.plan_id = p.id"
	"  JOIN milestones m ON m.objective_id = o.id"
	"  WHERE (p.status = 'shared' OR p.status = 'signed' OR p.status = 'active') PACCT"
	"  GROUP BY p.account_id),"
	/* The oldest plan not yet signed, and when a champion or sponsor last left. */
	" pu AS (SELECT account_id, min(start_date) AS start FROM success_plans"
	"  WHERE (status = 'draft' OR status = 'shared') AND start_date <= ?1 ACCT"
	"  GROUP BY account_id),"
	" cl AS (SELECT c.account_id, max(c.left_on) AS left_on"
	"  FROM contacts c WHERE c.left_on <= ?1 AND EXISTS (SELECT 1 FROM contact_roles r"
	"   WHERE r.contact_id = c.id AND (r.role = 'champion' OR r.role = 'executive_sponsor'))"
	"  CACCT GROUP BY c.account_id),"
	" rk AS (SELECT account_id, count(*) AS n FROM risks"
	"  WHERE status <> 'closed' AND opened_on <= ?1 ACCT GROUP BY account_id),"
	" ot AS (SELECT account_id, count(*) AS n FROM tasks"
	"  WHERE " TASK_STATUS_SQL("tasks", "?1") " = 'open' AND due_date < ?1 ACCT"
	"  GROUP BY account_id),"
	" ad AS (SELECT account_id, count(*) AS n FROM advocacy_events"
	"  WHERE date > date(?1, '-12 months') AND date <= ?1 ACCT GROUP BY account_id)"
	" SELECT a.id, a.name, u.login, a.segment, a.stage, a.touch_model,"          /* 0-5 */
	"  a.initial_contract_date, a.licensed_seats,"                               /* 6-7 */
	"  un.activated_seats, un.licensed_seats, un.advanced_features_used,"        /* 8-10 */
	"  un.advanced_features_entitled, un.active_users, u30.active_users,"        /* 11-13 */
	"  u90.active_users,"                                                        /* 14 */
	"  tk.open_now, tk.open_p1, tk.open_days, tk.t90, tk.trend,"                 /* 15-19 */
	"  sv.nps,"                                                                  /* 20 */
	"  (SELECT score FROM surveys WHERE account_id = a.id AND kind = 'nps' AND date <= ?1"
	"    ORDER BY date DESC LIMIT 1),"                                         /* 21 */
	"  sv.csat,"                                                                 /* 22 */
	"  (SELECT sentiment FROM touchpoints WHERE account_id = a.id AND date <= ?1"
	"    AND sentiment IS NOT NULL ORDER BY date DESC LIMIT 1),"               /* 23 */
	"  fi.value, fi.date, si.value, si.date,"                                    /* 24-27 */
	"  tp.touch, ex.exec, tp.review, ct.champion, ct.sponsor, iv.late,"          /* 28-33 */
	"  ar.arr, ini.arr_cents, ne.arr_delta_cents, ms.good, ms.n, rw.due_date,"   /* 34-39 */
	"  rk.n, ot.n,"                                                              /* 40-41 */
	"  hs.score, coalesce(hs.override_band, hs.band),"                           /* 42-43 */
	"  h30.score, coalesce(h30.override_band, h30.band), ad.n,"                  /* 44-46 */
	"  a.stage_since, pu.start, cl.left_on,"                                     /* 47-49 */
	"  rw.forecast_category, rw.forecast_arr_cents - rw.target_arr_cents,"       /* 50-51 */
	"  rw.id"                                                                    /* 52 */
	" FROM accounts a LEFT JOIN users u ON u.id = a.owner_id"
	" LEFT JOIN usage un ON un.id = (SELECT id FROM usage WHERE account_id = a.id"
	"   AND date <= ?1 AND (active_users IS NOT NULL OR activated_seats IS NOT NULL) ORDER BY date DESC LIMIT 1)"
	" LEFT JOIN usage u30 ON u30.id = (SELECT id FROM usage WHERE account_id = a.id"
	"   AND date <= date(?1, '-30 days') AND (active_users IS NOT NULL OR activated_seats IS NOT NULL) ORDER BY date DESC LIMIT 1)"
	" LEFT JOIN usage u90 ON u90.id = (SELECT id FROM usage WHERE account_id = a.id"
	"   AND date <= date(?1, '-90 days') AND (active_users IS NOT NULL OR activated_seats IS NOT NULL) ORDER BY date DESC LIMIT 1)"
	" LEFT JOIN health_inputs fi ON fi.id = (SELECT id FROM health_inputs WHERE account_id = a.id"
	"   AND fact = 'financial_rating' AND date <= ?1 ORDER BY date DESC, id DESC LIMIT 1)"
	" LEFT JOIN health_inputs si ON si.id = (SELECT id FROM health_inputs WHERE account_id = a.id"
	"   AND fact = 'csm_sentiment' AND date <= ?1 ORDER BY date DESC, id DESC LIMIT 1)"
	" LEFT JOIN tk ON tk.account_id = a.id LEFT JOIN sv ON sv.account_id = a.id"
	" LEFT JOIN tp ON tp.account_id = a.id LEFT JOIN ex ON ex.account_id = a.id"
	" LEFT JOIN ct ON ct.account_id = a.id LEFT JOIN iv ON iv.account_id = a.id"
	" LEFT JOIN ar ON ar.account_id = a.id LEFT JOIN ini ON ini.account_id = a.id"
	" LEFT JOIN ne ON ne.account_id = a.id LEFT JOIN ms ON ms.account_id = a.id"
	" LEFT JOIN pu ON pu.account_id = a.id LEFT JOIN cl ON cl.account_id = a.id"
	" LEFT JOIN rk ON rk.account_id = a.id"
	" LEFT JOIN ot ON ot.account_id = a.id LEFT JOIN ad ON ad.account_id = a.id"
	/* The renewal coming up: the earliest open one, the lowest id on a tie. */
	" LEFT JOIN renewals rw ON rw.id = (SELECT id FROM renewals WHERE account_id = a.id"
	"   AND stage <> 'won' AND stage <> 'lost' ORDER BY due_date, id LIMIT 1)"
	" LEFT JOIN health_snapshots hs ON hs.id = (SELECT id FROM health_snapshots"
	"   WHERE account_id = a.id AND date <= ?1 ORDER BY date DESC LIMIT 1)"
	" LEFT JOIN health_snapshots h30 ON h30.id = (SELECT id FROM health_snapshots"
	"   WHERE account_id = a.id AND date <= date(?1, '-30 days') ORDER BY date DESC LIMIT 1)"
	" WHERE 1 AACCT ORDER BY a.id";

enum scope { WHOLE, ONE, RANGE };

/* The statement for the whole book, one account or a range of account ids:
 * each placeholder word becomes a constant filter for its table alias. */
static void
build_sql(struct buf *out, enum scope scope)
{
	static const struct {
		const char *word, *one, *range;
	} subst[] = {
		{ "AACCT", "AND a.id = ?2", "AND a.id BETWEEN ?2 AND ?3" },
		{ "TACCT", "AND t.account_id = ?2", "AND t.account_id BETWEEN ?2 AND ?3" },
		{ "CACCT", "AND c.account_id = ?2", "AND c.account_id BETWEEN ?2 AND ?3" },
		{ "PACCT", "AND p.account_id = ?2", "AND p.account_id BETWEEN ?2 AND ?3" },
		{ "ACCT", "AND account_id = ?2", "AND account_id BETWEEN ?2 AND ?3" },
	};
	const char *p = facts_sql;

	while (*p) {
		size_t k, n = sizeof(subst) / sizeof(subst[0]);

		/* Every word starts with one of these: the text up to the next
		 * is copied at once (one account is scored per change, and
		 * this loop was half of it). */
		const char *next = strpbrk(p, "ATCP");

		if (next != p) {
			size_t len = next ? (size_t)(next - p) : strlen(p);

			buf_add(out, p, len);
			p += len;
			continue;
		}
		for (k = 0; k < n; k++) {
			size_t len = strlen(subst[k].word);

			if (!strncmp(p, subst[k].word, len)) {
				buf_adds(out, scope == ONE ? subst[k].one : scope == RANGE ? subst[k].range : "");
				p += len;
				break;
			}
		}
		if (k == n)
			buf_addc(out, *p++);
	}
}

static void
set(struct fact_value *v, double x)
{
	v->known = true;
	v->num = x;
}

static bool
col_num(sqlite3_stmt *st, int i, double *out)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return false;
	*out = sqlite3_column_double(st, i);
	return true;
}

/* Days from a YYYY-MM-DD column to day (day - date); false when NULL. */
static bool
col_days(sqlite3_stmt *st, int i, int32_t day, double *out)
{
	const char *t = store_col_text(st, i);
	int32_t d;

	if (!t || !date_parse(t, &d))
		return false;
	*out = day - d;
	return true;
}

static void
label(struct fact_value *v, const char *s)
{
	v->known = s != NULL;
	v->label = s;
}

/* A manual rating counts while fresh (fact_manual_fresh). */
static void
manual(struct fact_row *r, struct fact_value *v, sqlite3_stmt *st, int col, int32_t day, int slot,
       const char *band)
{
	double value, age;

	r->manual_age[slot] = -1;
	if (!col_num(st, col, &value) || !col_days(st, col + 1, day, &age))
		return;
	r->manual_age[slot] = (int)age;
	r->manual_value[slot] = value;
	if (fact_manual_fresh((int)age, band))
		set(v, value);
}

static void
fill(struct fact_row *r, sqlite3_stmt *st, int32_t day)
{
	struct fact_value *v = r->v;
	double a, b, c;

	memset(r, 0, sizeof(*r));
	r->account_id = sqlite3_column_int64(st, 0);
	r->name = store_col_text(st, 1);
	r->owner = store_col_text(st, 2);
	label(&v[FACT_SEGMENT], store_col_text(st, 3));
	label(&v[FACT_STAGE], store_col_text(st, 4));
	label(&v[FACT_TOUCH_MODEL], store_col_text(st, 5));
	if (col_days(st, 6, day, &a))
		set(&v[FACT_DAYS_SINCE_START], a);
	/* Seats licensed: the usage row's, else the account's. */
	if (col_num(st, 8, &a) && (col_num(st, 9, &b) || col_num(st, 7, &b)) && b > 0)
		set(&v[FACT_LICENSE_UTILIZATION], a / b);
	if (col_num(st, 10, &a) && col_num(st, 11, &b) && b > 0)
		set(&v[FACT_FEATURE_UTILIZATION], a / b);
	if (col_num(st, 12, &a) && col_num(st, 8, &b) && b > 0)
		set(&v[FACT_ADOPTION_DEPTH], a / b);
	if (col_num(st, 12, &a)) {
		set(&v[FACT_ACTIVE_USERS], a);
		if (col_num(st, 13, &b) && b > 0)
			set(&v[FACT_ACTIVE_USERS_CHANGE_30D], (a - b) / b);
		if (col_num(st, 14, &b) && b > 0)
			set(&v[FACT_ACTIVE_USERS_CHANGE_90D], (a - b) / b);
	}
	/* No tickets is a fact too: zero, not unknown. */
	set(&v[FACT_OPEN_TICKETS], col_num(st, 15, &a) ? a : 0);
	set(&v[FACT_OPEN_P1], col_num(st, 16, &a) ? a : 0);
	set(&v[FACT_OPEN_TICKETS_AVG_30D], col_num(st, 17, &a) ? a / 30.0 : 0);
	set(&v[FACT_OPEN_TICKETS_VS_AVG], v[FACT_OPEN_TICKETS_AVG_30D].num > 0
	    ? v[FACT_OPEN_TICKETS].num / v[FACT_OPEN_TICKETS_AVG_30D].num : 0);
	set(&v[FACT_TICKETS_90D], col_num(st, 18, &a) ? a : 0);
	set(&v[FACT_TICKET_TREND], col_num(st, 19, &a) ? a : 0);
	if (col_num(st, 20, &a))
		set(&v[FACT_NPS_12M], a);
	if (col_num(st, 21, &a))
		label(&v[FACT_NPS_CATEGORY], a >= 9 ? "promoter" : a >= 7 ? "passive" : "detractor");
	if (col_num(st, 22, &a))
		set(&v[FACT_CSAT_90D], a);
	if (col_num(st, 23, &a))
		set(&v[FACT_SENTIMENT], a);
	label(&v[FACT_HEALTH_BAND], store_col_text(st, 43));
	manual(r, &v[FACT_FINANCIAL_RATING], st, 24, day, 0, v[FACT_HEALTH_BAND].label);
	manual(r, &v[FACT_CSM_SENTIMENT], st, 26, day, 1, v[FACT_HEALTH_BAND].label);
	if (col_days(st, 28, day, &a))
		set(&v[FACT_DAYS_SINCE_TOUCH], a);
	if (col_days(st, 29, day, &a))
		set(&v[FACT_DAYS_SINCE_EXEC_TOUCH], a);
	if (col_days(st, 30, day, &a))
		set(&v[FACT_DAYS_SINCE_REVIEW], a);
	set(&v[FACT_CHAMPION_PRESENT], col_num(st, 31, &a) ? a : 0);
	set(&v[FACT_SPONSOR_PRESENT], col_num(st, 32, &a) ? a : 0);
	if (col_num(st, 33, &a))
		set(&v[FACT_INVOICE_DAYS_LATE], floor(a));
	set(&v[FACT_ARR], col_num(st, 34, &a) ? a : 0);
	if ((col_num(st, 35, &b) || col_num(st, 36, &b)) && b > 0)
		set(&v[FACT_ARR_GROWTH], v[FACT_ARR].num / b);
	if (col_num(st, 37, &a) && col_num(st, 38, &b) && b > 0)
		set(&v[FACT_MILESTONES_ON_TRACK], a / b);
	if (col_days(st, 39, day, &a))
		set(&v[FACT_DAYS_TO_RENEWAL], -a);
	label(&v[FACT_RENEWAL_FORECAST], store_col_text(st, 50));
	r->renewal_id = sqlite3_column_int64(st, 52);
	if (col_num(st, 51, &a))
		set(&v[FACT_RENEWAL_UPSELL], a);
	if (col_days(st, 47, day, &a))
		set(&v[FACT_DAYS_IN_STAGE], a);
	if (col_days(st, 48, day, &a))
		set(&v[FACT_PLAN_UNSIGNED_DAYS], a);
	if (col_days(st, 49, day, &a))
		set(&v[FACT_DAYS_SINCE_CHAMPION_LEFT], a);
	set(&v[FACT_OPEN_RISKS], col_num(st, 40, &a) ? a : 0);
	set(&v[FACT_OVERDUE_TASKS], col_num(st, 41, &a) ? a : 0);
	set(&v[FACT_ADVOCACY_12M], col_num(st, 46, &a) ? a : 0);
	if (col_num(st, 42, &a))
		set(&v[FACT_HEALTH_SCORE], a);
	if (col_num(st, 44, &c))
		set(&v[FACT_HEALTH_SCORE_30D], c);
	label(&v[FACT_HEALTH_BAND_30D], store_col_text(st, 45));
	if (v[FACT_HEALTH_SCORE].known && v[FACT_HEALTH_SCORE_30D].known)
		set(&v[FACT_HEALTH_CHANGE_30D], v[FACT_HEALTH_SCORE].num - v[FACT_HEALTH_SCORE_30D].num);
}

/* Run stmt (already bound) and hand each row to cb. */
static int
walk(sqlite3_stmt *st, int32_t day, fact_cb cb, void *ctx)
{
	struct fact_row row;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fill(&row, st, day);
		if (cb(ctx, &row))
			return SQLITE_DONE;
	}
	return rc;
}

static void
bind_common(sqlite3_stmt *st, int32_t day)
{
	char date[DATE_STRLEN];

	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
}

/*
 * The upper half of a big book is computed by a worker thread on its own
 * read-only connection while the caller's thread walks the lower half; the
 * worker's rows wait in memory (strings copied into its pool) and reach the
 * callback afterwards, on the caller's thread, so the callback may write
 * and the order stays by id.  In WAL mode the worker reads the last
 * committed state, the same state the caller's own query sees.
 */
#define FACTS_PARALLEL_MIN 20000   /* below this many accounts one thread is quicker */

struct half {
	const char *path;
	char *sql;
	int32_t day;
	int64_t lo, hi;
	struct fact_row *rows;
	size_t n, cap;
	struct pool pool;
	char error[256];
};

static int
keep_row(void *ctx, const struct fact_row *r)
{
	struct half *h = ctx;
	struct fact_row *k;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 4096;
		h->rows = xreallocarray(h->rows, h->cap, sizeof(*h->rows));
	}
	k = &h->rows[h->n++];
	*k = *r;
	k->name = pool_strdup(&h->pool, r->name);
	k->owner = pool_strdup(&h->pool, r->owner);
	for (int i = 0; i < FACT_COUNT_; i++)
		if (k->v[i].label)
			k->v[i].label = pool_strdup(&h->pool, r->v[i].label);
	return 0;
}

static void *
worker(void *arg)
{
	struct half *h = arg;
	sqlite3_stmt *st = NULL;
	sqlite3 *db = NULL;
	int rc;

	rc = sqlite3_open_v2(h->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		sqlite3_exec(db, "PRAGMA trusted_schema = OFF; PRAGMA cache_size = -32768;"
			     "PRAGMA mmap_size = 2147483648", NULL, NULL, NULL);
		rc = sqlite3_prepare_v2(db, h->sql, -1, &st, NULL);
	}
	if (rc == SQLITE_OK) {
		bind_common(st, h->day);
		sqlite3_bind_int64(st, 2, h->lo);
		sqlite3_bind_int64(st, 3, h->hi);
		rc = walk(st, h->day, keep_row, h);
	}
	if (rc != SQLITE_DONE && rc != SQLITE_OK)
		snprintf(h->error, sizeof(h->error), "%s", db ? sqlite3_errmsg(db) : "out of memory");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return NULL;
}

/* Smallest and largest account id, and how many accounts. */
static enum status
id_range(struct store *s, int64_t *lo, int64_t *hi, int64_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT min(id), max(id), count(*) FROM accounts", e);

	if (!st)
		return e->status;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_sql_error(s, e, "computing facts");
	}
	*lo = sqlite3_column_int64(st, 0);
	*hi = sqlite3_column_int64(st, 1);
	*n = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	return ST_OK;
}

static enum status
facts_parallel(struct store *s, int32_t day, int64_t lo, int64_t hi, fact_cb cb, void *ctx,
	       struct err *e)
{
	struct half h = { .path = s->path, .day = day, .lo = lo + (hi - lo) / 2 + 1, .hi = hi };
	struct buf sql;
	sqlite3_stmt *st;
	pthread_t tid;
	int rc = SQLITE_DONE, stop = 0;
	enum status status = ST_OK;

	buf_init(&sql);
	build_sql(&sql, RANGE);
	h.sql = sql.data;
	pool_init(&h.pool);
	if (pthread_create(&tid, NULL, worker, &h) != 0) {
		buf_done(&sql);
		return err_set(e, ST_OSERR, "cannot start a thread to compute facts");
	}
	st = store_stmt(s, sql.data, e);
	if (st) {
		bind_common(st, day);
		sqlite3_bind_int64(st, 2, lo);
		sqlite3_bind_int64(st, 3, h.lo - 1);
		rc = walk(st, day, cb, ctx);
		stop = rc == SQLITE_DONE && sqlite3_stmt_busy(st);
		sqlite3_reset(st);
	}
	pthread_join(tid, NULL);
	if (!st)
		status = e->status;
	else if (rc != SQLITE_DONE)
		status = store_sql_error(s, e, "computing facts");
	else if (h.error[0])
		status = err_set(e, ST_SOFTWARE, "computing facts: %s", h.error);
	for (size_t i = 0; !status && !stop && i < h.n; i++)
		if (cb(ctx, &h.rows[i]))
			break;
	free(h.rows);
	pool_done(&h.pool);
	buf_done(&sql);
	return status;
}

enum status
store_facts_each(struct store *s, int32_t day, int64_t account_id, fact_cb cb, void *ctx,
		 struct err *e)
{
	struct buf sql;
	sqlite3_stmt *st;
	int64_t lo = 0, hi = 0, n = 0;
	int rc;

	if (!account_id && strcmp(s->path, ":memory:")) {
		if (id_range(s, &lo, &hi, &n, e))
			return e->status;
		if (n >= FACTS_PARALLEL_MIN)
			return facts_parallel(s, day, lo, hi, cb, ctx, e);
	}
	buf_init(&sql);
	build_sql(&sql, account_id ? ONE : WHOLE);
	st = store_stmt(s, sql.data, e);
	buf_done(&sql);
	if (!st)
		return e->status;
	bind_common(st, day);
	if (account_id)
		sqlite3_bind_int64(st, 2, account_id);
	rc = walk(st, day, cb, ctx);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "computing facts");
	return ST_OK;
}
