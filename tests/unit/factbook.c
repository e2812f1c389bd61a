/*
 * factbook.c -- the demo book of the fact tests (see factbook.h).
 */
#include "config.h"

#include <stdlib.h>

#include "core/buf.h"
#include "core/date.h"
#include "demo/demo.h"
#include "app/health_run.h"
#include "domain/model.h"
#include "app/scorecard_set.h"
#include "factbook.h"
#include "testutil.h"

int32_t
fb_day(const char *ymd)
{
	int32_t d;

	ck_assert_msg(date_parse(ymd, &d), "bad date %s", ymd);
	return d;
}

void
fb_load(struct store *s, const struct entity *ent, const char *csv)
{
	char *report = NULL;
	size_t n = tu_import(s, ent, csv, NULL, &report);

	ck_assert_msg(n == 0, "import %s: %s", ent->name, report ? report : "");
	free(report);
}

/* Manual ratings of every age around the freshness windows (some two on one
 * day), and band overrides: in force during part of the scored weeks, and a
 * few on the last day (so the band shown, which decides how long a rating
 * stays fresh, differs from the computed one). */
static void
add_manual_inputs(struct store *s)
{
	int32_t now = fb_day(FB_NOW), early = fb_day(FB_EARLY);
	struct buf in, ov;
	char d[DATE_STRLEN], u[DATE_STRLEN];
	sqlite3_stmt *st;

	buf_init(&in);
	buf_init(&ov);
	buf_adds(&in, "account,fact,value,date\n");
	buf_adds(&ov, "account,band,reason,starts_on,until\n");
	ck_assert(sqlite3_prepare_v2(tu_db(s), "SELECT id, external_id FROM accounts ORDER BY id",
				     -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *ext = (const char *)sqlite3_column_text(st, 1);

		if (id % 3 == 0)
			buf_addf(&in, "%s,financial_rating,%d,%s\n", ext, 1 + (int)(id / 3 % 3),
				 date_format(now - (int32_t)(id % 50), d));
		if (id % 4 == 0)
			buf_addf(&in, "%s,csm_sentiment,%d,%s\n", ext, 1 + (int)(id % 5),
				 date_format(early - (int32_t)(id % 40), d));
		if (id % 8 == 0)
			buf_addf(&in, "%s,csm_sentiment,%d,%s\n", ext, 5 - (int)(id % 5), d);
		if (id % 11 == 0)
			buf_addf(&ov, "%s,%s,demo override,%s,%s\n", ext,
				 override_band_names[id % 5], date_format(now - 70, d),
				 date_format(now - 20, u));
		if (id % 13 == 0 && id % 11 != 0)   /* one override per account */
			buf_addf(&ov, "%s,%s,late override,%s,%s\n", ext,
				 override_band_names[id / 13 % 5], date_format(now - 3, d),
				 date_format(now + 10, u));
	}
	sqlite3_finalize(st);
	fb_load(s, &entity_health_input, in.data);
	fb_load(s, &entity_health_override, ov.data);
	buf_done(&in);
	buf_done(&ov);
}

void
fb_demo_book(const char *path)
{
	struct demo_opts o = { FB_ACCOUNTS, 6, 5 };
	struct demo_stats stats;
	struct scorecard_set set;
	struct err e = { ST_OK, "" };
	struct store *s;

	s = tu_open(path, FB_NOW);
	ck_assert_msg(demo_generate(s, &o, &stats, &e) == ST_OK, "demo: %s", e.msg);
	add_manual_inputs(s);
	ck_assert_msg(scorecard_set_load(&set, NULL, 0, NULL, &e, NULL, NULL) == ST_OK, "%s",
		      e.msg);
	/* Twelve weeks of history, scored as `tend demo` scores its book. */
	ck_assert_msg(demo_score(s, &set, 12, &e) == ST_OK, "%s", e.msg);
	scorecard_set_free(&set);
	store_close(s);
}

