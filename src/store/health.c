/*
 * health.c -- reading snapshots, overrides and calibrations (see health.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/filter_sql.h"
#include "store/health.h"
#include "store/store_int.h"

static const struct {
	const char *key;
	const char *order;
} health_sorts[] = {
	/* Worst first: the band in force, then the score. */
	{ "score", HEALTH_BAND_RANK("coalesce(h.override_band, h.band)")
		   ", h.score IS NULL, h.score, a.name COLLATE NOCASE" },
	{ "name", "a.name COLLATE NOCASE" },
	{ "arr", "arr DESC" },
	{ "change", "(h.score - p.score) IS NULL, h.score - p.score" },
};

const char *const health_sort_keys[] = { "score", "name", "arr", "change", NULL };

#define HEALTH_SELECT \
	"SELECT a.id, a.name, u.login, a.segment," \
	" coalesce((SELECT sum(arr_delta_cents) FROM arr_events e WHERE e.account_id = a.id" \
	"   AND e.date <= ?1), 0) AS arr," \
	" h.date, h.scorecard, h.scale, h.score, h.band, h.override_band, h.outcomes, h.experience," \
	" h.false_positive, p.score, coalesce(p.override_band, p.band)" \
	" FROM accounts a NOT INDEXED" \
	" JOIN health_snapshots h ON h.id = (SELECT id FROM health_snapshots" \
	"   WHERE account_id = a.id AND date <= ?1 ORDER BY date DESC LIMIT 1)" \
	" LEFT JOIN health_snapshots p ON p.id = (SELECT id FROM health_snapshots" \
	"   WHERE account_id = a.id AND date <= date(?1, '-30 days') ORDER BY date DESC LIMIT 1)" \
	" LEFT JOIN users u ON u.id = a.owner_id" \
	" WHERE 1"

/* What the filter reads here (store/filter_sql.h); its parameters are ?2.. */
static const struct filter_cols health_cols = {
	.account_id = "a.id", .owner_id = "a.owner_id", .login = "u.login", .segment = "a.segment",
	.stage = "a.stage", .band = "coalesce(h.override_band, h.band)",
	.due = "(SELECT min(r.due_date) FROM renewals r WHERE r.account_id = a.id AND r.stage NOT IN ('won', 'lost'))",
	.today = "?1", .false_positive = "h.false_positive",
};
#define HEALTH_LIMIT_PARAM (2 + FILTER_SQL_PARAMS)

enum status
store_health_each(struct store *s, int32_t day, const struct account_query *q, health_cb cb,
		  void *ctx, struct err *e)
{
	const char *order = NULL;
	char date[DATE_STRLEN];
	struct health_row r;
	struct buf sql;
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < sizeof(health_sorts) / sizeof(health_sorts[0]); i++)
		if (!strcmp(q->sort ? q->sort : "score", health_sorts[i].key))
			order = health_sorts[i].order;
	if (!order)
		return err_set(e, ST_USAGE, "cannot sort health by '%s'", q->sort);
	buf_init(&sql);
	buf_adds(&sql, HEALTH_SELECT);
	if (filter_sql_where(&sql, &q->filter, &health_cols, 2, e)) {
		buf_done(&sql);
		return e->status;
	}
	buf_addf(&sql, " ORDER BY %s, a.id", order);
	if (q->limit > 0)
		buf_addf(&sql, " LIMIT ?%d", HEALTH_LIMIT_PARAM);
	st = store_stmt(s, sql.data, e);
	buf_done(&sql);
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	filter_sql_bind(st, &q->filter, 2);
	if (q->limit > 0)
		sqlite3_bind_int64(st, HEALTH_LIMIT_PARAM, q->limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof(r));
		r.account_id = sqlite3_column_int64(st, 0);
		r.name = store_col_text(st, 1);
		r.owner = store_col_text(st, 2);
		r.segment = store_col_text(st, 3);
		r.arr_cents = sqlite3_column_int64(st, 4);
		r.date = store_col_text(st, 5);
		r.scorecard = store_col_text(st, 6);
		r.scale = sqlite3_column_int(st, 7);
		r.score_known = sqlite3_column_type(st, 8) != SQLITE_NULL;
		r.score = sqlite3_column_double(st, 8);
		r.band = store_col_text(st, 9);
		r.override_band = store_col_text(st, 10);
		r.outcomes_known = sqlite3_column_type(st, 11) != SQLITE_NULL;
		r.outcomes = sqlite3_column_double(st, 11);
		r.experience_known = sqlite3_column_type(st, 12) != SQLITE_NULL;
		r.experience = sqlite3_column_double(st, 12);
		r.false_positive = sqlite3_column_int(st, 13);
		r.before_known = sqlite3_column_type(st, 14) != SQLITE_NULL;
		r.before_score = sqlite3_column_double(st, 14);
		r.before_band = store_col_text(st, 15);
		if (cb(ctx, &r))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "listing health");
	return ST_OK;
}

enum status
store_health_latest_date(struct store *s, int32_t day, char out[11], struct err *e)
{
	char date[DATE_STRLEN];
	sqlite3_stmt *st = store_stmt(s, "SELECT max(date) FROM health_snapshots WHERE date <= ?1", e);
	int rc;

	out[0] = '\0';
	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : store_sql_error(s, e, "reading health");
}

enum status
store_health_history(struct store *s, int64_t account_id, int32_t day, int days, point_cb cb,
		     void *ctx, struct err *e)
{
	char date[DATE_STRLEN];
	struct health_point p;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT date, score, coalesce(override_band, band) FROM health_snapshots"
		" WHERE account_id = ?1 AND date <= ?2 AND date > date(?2, '-' || ?3 || ' days')"
		" ORDER BY date", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_text(st, 2, date_format(day, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, days);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p.date = store_col_text(st, 0);
		p.known = sqlite3_column_type(st, 1) != SQLITE_NULL;
		p.score = sqlite3_column_double(st, 1);
		p.band = store_col_text(st, 2);
		if (cb(ctx, &p))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading health history");
	return ST_OK;
}

enum status
store_overrides_each(struct store *s, int32_t day, int64_t account_id, override_cb cb, void *ctx,
		     struct err *e)
{
	char date[DATE_STRLEN];
	struct override_row o;
	/* The newest override wins when several are in force. */
	sqlite3_stmt *st = store_stmt(s,
		"SELECT o.id, o.account_id, o.band, o.reason, o.starts_on, o.until, u.login"
		" FROM health_overrides o LEFT JOIN users u ON u.id = o.author_id"
		" WHERE o.starts_on <= ?1 AND o.until >= ?1 AND (?2 = 0 OR o.account_id = ?2)"
		" ORDER BY o.account_id, o.starts_on DESC, o.id DESC", e);
	int rc;

	if (!st)
		return e->status;
	sqlite3_bind_text(st, 1, date_format(day, date), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		o.id = sqlite3_column_int64(st, 0);
		o.account_id = sqlite3_column_int64(st, 1);
		o.band = store_col_text(st, 2);
		o.reason = store_col_text(st, 3);
		o.starts_on = store_col_text(st, 4);
		o.until = store_col_text(st, 5);
		o.author = store_col_text(st, 6);
		if (cb(ctx, &o))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading overrides");
	return ST_OK;
}

enum status
store_calibrations_load(struct store *s, struct scorecard *sc, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT c.calibrated_on, j.value FROM scorecard_calibrations c, json_each(c.cut_points) j"
		" WHERE c.scorecard = ?1 AND c.measure = ?2 ORDER BY j.key", e);

	if (!st)
		return e->status;
	for (int i = 0; i < sc->nmeasures; i++) {
		double cuts[4];
		int n = 0, rc;
		int32_t on = 0;

		if (!sc->measures[i].quantile)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, sc->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, sc->measures[i].id, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (n == 0 && !date_parse((const char *)sqlite3_column_text(st, 0), &on))
				on = 0;
			if (n < 4)
				cuts[n] = sqlite3_column_double(st, 1);
			n++;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_sql_error(s, e, "reading calibrations");
		if (n == sc->scale - 1)
			scorecard_set_cuts(sc, i, cuts, n, on);
	}
	return ST_OK;
}

static enum status
find_id(struct store *s, const char *sql, const char *a, const char *b, int64_t n, bool *found,
	int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);
	int rc;

	*found = false;
	if (!st)
		return e->status;
	if (a)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, n);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		*id = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_sql_error(s, e, "reading health");
}

enum status
store_calibration_id(struct store *s, const char *scorecard, const char *measure, bool *found,
		     int64_t *id, struct err *e)
{
	return find_id(s, "SELECT id FROM scorecard_calibrations WHERE scorecard = ?1 AND measure = ?2",
		       scorecard, measure, 0, found, id, e);
}

enum status
store_snapshot_id(struct store *s, int64_t account_id, const char *date, bool *found, int64_t *id,
		  struct err *e)
{
	return find_id(s, "SELECT id FROM health_snapshots WHERE account_id = ?1 AND date = ?2",
		       NULL, date, account_id, found, id, e);
}

enum status
store_snapshot_latest(struct store *s, int64_t account_id, const char *date, bool *found,
		      bool *score_known, double *score, char *band, size_t band_size, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT score, coalesce(override_band, band) FROM health_snapshots"
				      " WHERE account_id = ?1 AND date <= ?2 ORDER BY date DESC LIMIT 1", e);
	int rc;

	*found = *score_known = false;
	*score = 0;
	band[0] = '\0';
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = true;
		*score_known = sqlite3_column_type(st, 0) != SQLITE_NULL;
		*score = sqlite3_column_double(st, 0);
		snprintf(band, band_size, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_sql_error(s, e, "reading health");
}

enum status
store_account_health_prev(struct store *s, int64_t account_id, bool *found, int64_t *id,
			  char date[11], char *trend, size_t trend_size, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id, date, trend FROM account_health WHERE account_id = ?1", e);
	int rc;

	*found = false;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		*id = sqlite3_column_int64(st, 0);
		snprintf(date, 11, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(trend, trend_size, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_sql_error(s, e, "reading current health");
}

enum status
store_health_kept(struct store *s, bool *kept, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT EXISTS (SELECT 1 FROM account_health)", e);
	int rc;

	*kept = false;
	if (!st)
		return e->status;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*kept = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : store_sql_error(s, e, "reading current health");
}

enum status
store_override_id(struct store *s, int64_t account_id, bool *found, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM health_overrides WHERE account_id = ?1", e);
	int rc;

	*found = false;
	if (!st)
		return e->status;
	sqlite3_bind_int64(st, 1, account_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = true;
		*id = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_sql_error(s, e, "reading overrides");
}
