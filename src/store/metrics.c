/*
 * metrics.c -- the set-based aggregation behind `tend metrics` (see
 * metrics.h), and the renewal and ARR reads of `tend renewal close`.
 *
 * Four statements read the book for a period [t0, t1):
 *   ledger     per account a0 = ARR(t0) and a1 = ARR(t1) from one pass over
 *              the arr_events index, then summed per (owner, segment) into
 *              S, E, C, X, new ARR and their account counts; the same pass
 *              counts active premium accounts and, for those, whether a
 *              review (QBR or EBR; for SMB also the 1-to-many webinar) is
 *              dated in their segment's window before t1;
 *   renewals   due in [t0, t1): target, gross and net won, on time, lost;
 *   surveys    dated in [t0, t1): NPS promoters and detractors, CSAT;
 *   touchpoints dated in [t0, t1), notes and internal reviews left out:
 *              how many, how many proactive.
 * The last three come in two forms, built from the same text: grouped per
 * (owner, segment) through a join to accounts, or for the whole book with no
 * join at all when no grouping is asked for (see below).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/xalloc.h"
#include "store/metrics.h"
#include "store/store_int.h"

/* ?1 = t0, ?2 = t1, ?3..?5 = first day of the review window of enterprise,
 * mid_market and smb accounts.  The per-account rows are MATERIALIZED first:
 * otherwise SQLite evaluates the review subquery while reading the GROUP BY
 * sorter, in (owner, segment) order, one random index read per account --
 * five times the page reads and 60% more time on a 100k-account book. */
static const char ledger_sql[] =
	"WITH acc AS MATERIALIZED ("
	"  SELECT a.owner_id AS o, a.segment AS g, l.a0, l.a1,"
	"    a.service_package = 'premium' AND l.a1 > 0 AS premium,"
	"    CASE WHEN a.service_package = 'premium' AND l.a1 > 0 THEN"
	"      EXISTS (SELECT 1 FROM touchpoints t WHERE t.account_id = a.id"
	"              AND t.date >= CASE a.segment WHEN 'enterprise' THEN ?3"
	"                             WHEN 'mid_market' THEN ?4 ELSE ?5 END"
	"              AND t.date < ?2"
	"              AND (t.kind = 'qbr' OR t.kind = 'ebr'"
	"                   OR (t.kind = 'webinar' AND a.segment = 'smb')))"
	"    ELSE 0 END AS reviewed"
	"  FROM (SELECT account_id,"
	"          sum(CASE WHEN date < ?1 THEN arr_delta_cents ELSE 0 END) AS a0,"
	"          sum(arr_delta_cents) AS a1"
	"        FROM arr_events WHERE date < ?2 GROUP BY account_id) l"
	"  JOIN accounts a ON a.id = l.account_id)"
	" SELECT o, g,"
	" sum(CASE WHEN a0 > 0 THEN a0 ELSE 0 END),"
	" sum(CASE WHEN a0 > 0 AND a1 > a0 THEN a1 - a0 ELSE 0 END),"
	" sum(CASE WHEN a0 > 0 AND a1 > 0 AND a1 < a0 THEN a0 - a1 ELSE 0 END),"
	" sum(CASE WHEN a0 > 0 AND a1 <= 0 THEN a0 ELSE 0 END),"
	" sum(CASE WHEN a0 <= 0 AND a1 > 0 THEN a1 ELSE 0 END),"
	" sum(CASE WHEN a1 > 0 THEN a1 ELSE 0 END),"
	" count(CASE WHEN a0 > 0 THEN 1 END),"
	" count(CASE WHEN a0 > 0 AND a1 <= 0 THEN 1 END),"
	" count(CASE WHEN a0 <= 0 AND a1 > 0 THEN 1 END),"
	" count(CASE WHEN a1 > 0 THEN 1 END),"
	" sum(premium), sum(reviewed)"
	" FROM acc GROUP BY o, g";

/* The secondary statements, each as per-row aggregates AGG (named c2, c3, ...
 * after their result column) over FROM.  For the whole book: AGG over the
 * rows, no join.  Per cell: AGG per account first, then those few rows joined
 * to accounts and summed -- a join per account instead of per row, 2-3 times
 * faster on a 100k-account book.  NOT INDEXED: scanning each table in order
 * beats walking an index with a random table read per row -- touchpoints and
 * surveys have no date index, and the renewals due in a year are a quarter
 * of the table (the renewals_due index made that part 6 times slower). */
#define RENEWALS_AGG \
	"count(*) AS c2, sum(target_arr_cents) AS c3," \
	" sum(CASE WHEN stage = 'won' THEN min(final_arr_cents, target_arr_cents) ELSE 0 END)" \
	"  AS c4," \
	" sum(CASE WHEN stage = 'won' THEN final_arr_cents ELSE 0 END) AS c5," \
	" count(CASE WHEN stage = 'won' THEN 1 END) AS c6," \
	" count(CASE WHEN stage = 'won' AND closed_date <= due_date THEN 1 END) AS c7," \
	" count(CASE WHEN stage = 'lost' THEN 1 END) AS c8"
#define RENEWALS_FROM " FROM renewals NOT INDEXED WHERE due_date >= ?1 AND due_date < ?2"
#define RENEWALS_SUMS "sum(c2), sum(c3), sum(c4), sum(c5), sum(c6), sum(c7), sum(c8)"
#define SURVEYS_AGG \
	"count(CASE WHEN kind = 'nps' THEN 1 END) AS c2," \
	" count(CASE WHEN kind = 'nps' AND score >= 9 THEN 1 END) AS c3," \
	" count(CASE WHEN kind = 'nps' AND score <= 6 THEN 1 END) AS c4," \
	" count(CASE WHEN kind = 'csat' THEN 1 END) AS c5," \
	" sum(CASE WHEN kind = 'csat' THEN score ELSE 0 END) AS c6," \
	" count(CASE WHEN kind = 'csat' AND score >= 4 THEN 1 END) AS c7"
#define SURVEYS_FROM " FROM surveys NOT INDEXED WHERE date >= ?1 AND date < ?2"
#define SURVEYS_SUMS "sum(c2), sum(c3), sum(c4), sum(c5), sum(c6), sum(c7)"
#define TOUCHPOINTS_AGG "count(*) AS c2, sum(proactive) AS c3"
#define TOUCHPOINTS_FROM \
	" FROM touchpoints NOT INDEXED WHERE date >= ?1 AND date < ?2" \
	" AND kind <> 'note' AND kind <> 'internal_review'"
#define TOUCHPOINTS_SUMS "sum(c2), sum(c3)"

#define FOR_BOOK(AGG, FROM) "SELECT NULL, NULL, " AGG FROM
#define PER_CELL(AGG, FROM, SUMS) \
	"SELECT a.owner_id, a.segment, " SUMS \
	" FROM (SELECT account_id, " AGG FROM " GROUP BY account_id) x" \
	" JOIN accounts a ON a.id = x.account_id GROUP BY a.owner_id, a.segment"

enum part { PART_RENEWALS, PART_SURVEYS, PART_TOUCHPOINTS, N_PARTS };

static const char *const part_sql[N_PARTS][2] = {
	[PART_RENEWALS] = { FOR_BOOK(RENEWALS_AGG, RENEWALS_FROM),
			    PER_CELL(RENEWALS_AGG, RENEWALS_FROM, RENEWALS_SUMS) },
	[PART_SURVEYS] = { FOR_BOOK(SURVEYS_AGG, SURVEYS_FROM),
			   PER_CELL(SURVEYS_AGG, SURVEYS_FROM, SURVEYS_SUMS) },
	[PART_TOUCHPOINTS] = { FOR_BOOK(TOUCHPOINTS_AGG, TOUCHPOINTS_FROM),
			       PER_CELL(TOUCHPOINTS_AGG, TOUCHPOINTS_FROM, TOUCHPOINTS_SUMS) },
};

static const char *const part_what[N_PARTS] = {
	"reading renewals", "reading surveys", "reading touchpoints",
};

static enum status
load_users(struct store *s, struct metrics_user **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT u.id, u.login, t.name, u.segment, u.role = 'csm' AND u.active"
		" FROM users u LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.id", e);
	struct metrics_user *users = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *team = store_col_text(st, 2), *seg = store_col_text(st, 3);

		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			users = xreallocarray(users, cap, sizeof(*users));
		}
		users[len].id = sqlite3_column_int64(st, 0);
		users[len].login = xstrdup((const char *)sqlite3_column_text(st, 1));
		users[len].team = team ? xstrdup(team) : NULL;
		users[len].segment = seg ? names_lookup(segment_names, seg) : -1;
		users[len].csm = sqlite3_column_int(st, 4) != 0;
		len++;
	}
	sqlite3_reset(st);
	*out = users;
	*n = len;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading users");
	return ST_OK;
}

/* The cell for the row's first two columns (owner id or NULL, segment). */
static struct metrics_sums *
row_cell(struct metrics_book *b, sqlite3_stmt *st, struct err *e)
{
	const char *seg = store_col_text(st, 1);
	int g = seg ? names_lookup(segment_names, seg) : -1;
	struct metrics_sums *cell = metrics_book_cell(b, sqlite3_column_int64(st, 0), g);

	if (!cell)
		err_set(e, ST_SOFTWARE, "internal: no metrics cell for owner %lld, segment %s",
			(long long)sqlite3_column_int64(st, 0), seg ? seg : "NULL");
	return cell;
}

static void
bind_dates(sqlite3_stmt *st, int32_t t0, int32_t t1)
{
	char d[DATE_STRLEN];

	sqlite3_bind_text(st, 1, date_format(t0, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date_format(t1, d), -1, SQLITE_TRANSIENT);
}

static enum status
read_ledger(struct store *s, struct metrics_book *b, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, ledger_sql, e);
	struct metrics_sums *c;
	char d[DATE_STRLEN];
	int rc;

	if (!st)
		return e->status;
	bind_dates(st, b->t0, b->t1);
	for (int g = 0; g < SEGMENT_COUNT_; g++)
		sqlite3_bind_text(st, 3 + g, date_format(b->t1 - metrics_bands[g].review_days, d),
				  -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!(c = row_cell(b, st, e))) {
			sqlite3_reset(st);
			return e->status;
		}
		c->starting_arr += sqlite3_column_int64(st, 2);
		c->expansion += sqlite3_column_int64(st, 3);
		c->contraction += sqlite3_column_int64(st, 4);
		c->churned_arr += sqlite3_column_int64(st, 5);
		c->new_arr += sqlite3_column_int64(st, 6);
		c->ending_arr += sqlite3_column_int64(st, 7);
		c->cohort_accounts += sqlite3_column_int64(st, 8);
		c->churned_accounts += sqlite3_column_int64(st, 9);
		c->new_accounts += sqlite3_column_int64(st, 10);
		c->active_accounts += sqlite3_column_int64(st, 11);
		c->review_accounts += sqlite3_column_int64(st, 12);
		c->reviews_current += sqlite3_column_int64(st, 13);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading the ARR ledger");
	return ST_OK;
}

static void
add_part(enum part p, sqlite3_stmt *st, struct metrics_sums *c)
{
	switch (p) {
	case PART_RENEWALS:
		c->renewals += sqlite3_column_int64(st, 2);
		c->renewals_due += sqlite3_column_int64(st, 3);
		c->renewals_gross += sqlite3_column_int64(st, 4);
		c->renewals_net += sqlite3_column_int64(st, 5);
		c->renewals_won += sqlite3_column_int64(st, 6);
		c->renewals_on_time += sqlite3_column_int64(st, 7);
		c->renewals_lost += sqlite3_column_int64(st, 8);
		break;
	case PART_SURVEYS:
		c->nps_responses += sqlite3_column_int64(st, 2);
		c->nps_promoters += sqlite3_column_int64(st, 3);
		c->nps_detractors += sqlite3_column_int64(st, 4);
		c->csat_responses += sqlite3_column_int64(st, 5);
		c->csat_total += sqlite3_column_int64(st, 6);
		c->csat_satisfied += sqlite3_column_int64(st, 7);
		break;
	case PART_TOUCHPOINTS:
		c->touchpoints += sqlite3_column_int64(st, 2);
		c->proactive += sqlite3_column_int64(st, 3);
		break;
	case N_PARTS:
		break;
	}
}

static enum status
read_part(struct store *s, enum part p, struct metrics_book *b, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, part_sql[p][b->grouped], e);
	struct metrics_sums *c;
	int rc;

	if (!st)
		return e->status;
	bind_dates(st, b->t0, b->t1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c = b->grouped ? row_cell(b, st, e) : &b->rest;
		if (!c) {
			sqlite3_reset(st);
			return e->status;
		}
		add_part(p, st, c);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, part_what[p]);
	return ST_OK;
}

enum status
store_metrics_book(struct store *s, int32_t t0, int32_t t1, bool grouped, struct metrics_book *b,
		   struct err *e)
{
	struct metrics_user *users;
	size_t n;
	enum status st;

	st = load_users(s, &users, &n, e);
	metrics_book_init(b, t0, t1, grouped, users, n);
	return st;
}

enum status
store_metrics_cell_add(struct metrics_book *b, int64_t owner_id, const char *segment,
		       const struct metrics_sums *add, struct err *e)
{
	int g = segment ? names_lookup(segment_names, segment) : -1;
	struct metrics_sums *cell = metrics_book_cell(b, owner_id, g);

	if (!cell)
		return err_set(e, ST_SOFTWARE, "internal: no metrics cell for owner %lld, segment %s",
			       (long long)owner_id, segment ? segment : "NULL");
	metrics_sums_add(cell, add);
	return ST_OK;
}

enum status
store_metrics(struct store *s, int32_t t0, int32_t t1, bool grouped, struct metrics_book *b,
	      struct err *e)
{
	enum status st;

	if ((st = store_metrics_book(s, t0, t1, grouped, b, e)))
		return st;
	/* One read transaction, so every part sees the same book. */
	if (!s->tx && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "starting a read");
	if (!(st = read_ledger(s, b, e)))
		for (int p = 0; p < N_PARTS && !st; p++)
			st = read_part(s, (enum part)p, b, e);
	if (!s->tx)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return st;
}

/* -- Closing a renewal ------------------------------------------------------ */

enum status
store_renewal_get(struct store *s, int64_t id, struct renewal_info *r, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT r.account_id, a.external_id, r.due_date, r.target_arr_cents, r.stage,"
		" r.closed_date FROM renewals r JOIN accounts a ON a.id = r.account_id"
		" WHERE r.id = ?1", e);
	const char *closed;
	int rc;

	memset(r, 0, sizeof(*r));
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->id = id;
		r->account_id = sqlite3_column_int64(st, 0);
		r->account = xstrdup((const char *)sqlite3_column_text(st, 1));
		date_parse((const char *)sqlite3_column_text(st, 2), &r->due);
		r->target = sqlite3_column_int64(st, 3);
		snprintf(r->stage, sizeof(r->stage), "%s",
			 (const char *)sqlite3_column_text(st, 4));
		closed = store_col_text(st, 5);
		snprintf(r->closed_date, sizeof(r->closed_date), "%s", closed ? closed : "");
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading renewals");
	return err_set(e, ST_NOINPUT, "no renewal with id %lld", (long long)id);
}

void
renewal_info_done(struct renewal_info *r)
{
	free(r->account);
	r->account = NULL;
}

enum status
store_account_arr(struct store *s, int64_t account_id, int32_t t, int64_t *arr, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT coalesce(sum(arr_delta_cents), 0) FROM arr_events"
		" WHERE account_id = ?1 AND date < ?2", e);
	char d[DATE_STRLEN];
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_text(st, 2, date_format(t, d), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*arr = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, "reading the ARR ledger");
	return ST_OK;
}
