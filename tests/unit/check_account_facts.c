/*
 * check_account_facts.c -- the facts `tend health recompute` stores for the
 * playbooks (store/account_facts.h) against the facts computed from the
 * book, and when they count as fresh.
 *
 * After a recompute, every stored column must equal, account by account,
 * the fact's own SQL expression (store/fact_sql.h) evaluated on the book as
 * the recompute left it -- the health facts are those of the scores just
 * written, and the manual ratings those in force under the band now shown.
 * The default playbooks compiled on stored facts must then find exactly
 * what they find on computed ones.  Writes to tables stored facts are
 * computed from make them stale; the writes of a playbook run (tasks,
 * risks, the inbox, renamed accounts, tags) do not.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "app/actions.h"
#include "domain/facts.h"
#include "app/health_run.h"
#include "app/playbook_set.h"
#include "domain/playbook.h"
#include "app/scorecard_set.h"
#include "store/account_facts.h"
#include "store/fact_sql.h"
#include "store/playbook_store.h"
#include "store/row.h"
#include "store/rule_sql.h"
#include "store/wtx.h"
#include "factbook.h"
#include "testutil.h"

#define MAX_REPORTED 20

static char *demo_path;

/* A copy of the demo book to change (the fixture stays as built). */
static struct store *
demo_copy(const char *name)
{
	struct store *s = tu_open(demo_path, FB_NOW);
	char *path = tu_path(name);
	sqlite3_stmt *st;

	ck_assert(sqlite3_prepare_v2(tu_db(s), "VACUUM INTO ?1", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	ck_assert_msg(sqlite3_step(st) == SQLITE_DONE, "%s", sqlite3_errmsg(tu_db(s)));
	sqlite3_finalize(st);
	store_close(s);
	s = tu_open(path, FB_NOW);
	free(path);
	return s;
}

static void
recompute(struct store *s, const char *date)
{
	struct scorecard_set set;
	struct health_run r;
	struct err e = { ST_OK, "" };

	ck_assert_msg(scorecard_set_load(&set, NULL, 0, NULL, &e, NULL, NULL) == ST_OK, "%s", e.msg);
	ck_assert_msg(health_run_recompute(s, &set, fb_day(date), &r, &e) == ST_OK, "%s", e.msg);
	scorecard_set_free(&set);
}

static bool
fresh(struct store *s, const char *date)
{
	struct stored_facts sf;
	struct err e = { ST_OK, "" };

	ck_assert_msg(store_account_facts_state(s, fb_day(date), &sf, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(sf.accounts, tu_int(s, "SELECT count(*) FROM accounts"));
	return sf.fresh;
}

static bool
same_value(sqlite3_stmt *a, sqlite3_stmt *b, int col)
{
	int ta = sqlite3_column_type(a, col), tb = sqlite3_column_type(b, col);
	double x, y;

	if (ta == SQLITE_NULL || tb == SQLITE_NULL)
		return ta == tb;
	if (ta == SQLITE_TEXT || tb == SQLITE_TEXT)
		return ta == tb && !strcmp((const char *)sqlite3_column_text(a, col),
					   (const char *)sqlite3_column_text(b, col));
	x = sqlite3_column_double(a, col);
	y = sqlite3_column_double(b, col);
	return x == y || fabs(x - y) <= 1e-9 * fmax(fabs(x), fabs(y));
}

/* Compare a column of account_facts with an expression on the accounts,
 * both ordered by account; mismatches go to report.  Returns their count. */
static int
compare_column(sqlite3 *db, const char *name, const char *column, const char *expr, const char *date,
	       struct buf *report)
{
	char *qs = xasprintf("SELECT account_id, %s FROM account_facts ORDER BY account_id", column);
	char *ql = xasprintf("SELECT a.id, %s FROM accounts a ORDER BY a.id", expr);
	sqlite3_stmt *s, *l;
	int bad = 0, rs, rl;

	ck_assert_msg(sqlite3_prepare_v2(db, qs, -1, &s, NULL) == SQLITE_OK, "%s: %s", qs, sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_prepare_v2(db, ql, -1, &l, NULL) == SQLITE_OK, "%s: %s", name, sqlite3_errmsg(db));
	sqlite3_bind_text(l, 1, date, -1, SQLITE_STATIC);
	while ((rs = sqlite3_step(s)) == SQLITE_ROW && (rl = sqlite3_step(l)) == SQLITE_ROW) {
		ck_assert_int_eq(sqlite3_column_int64(s, 0), sqlite3_column_int64(l, 0));
		if (!same_value(s, l, 1) && ++bad <= MAX_REPORTED)
			buf_addf(report, "%s, account %lld: stored %s, computed %s\n", name,
				 (long long)sqlite3_column_int64(s, 0),
				 sqlite3_column_type(s, 1) == SQLITE_NULL ? "NULL" : (const char *)sqlite3_column_text(s, 1),
				 sqlite3_column_type(l, 1) == SQLITE_NULL ? "NULL" : (const char *)sqlite3_column_text(l, 1));
	}
	ck_assert_msg(rs == SQLITE_DONE && sqlite3_step(l) == SQLITE_DONE, "%s: row counts differ", name);
	sqlite3_finalize(s);
	sqlite3_finalize(l);
	free(qs);
	free(ql);
	return bad;
}

/* Every stored fact, and the renewal coming up, as the book computes them. */
static void
compare_all(struct store *s, const char *date)
{
	struct buf report;
	int bad = 0;

	buf_init(&report);
	for (int f = 0; f < FACT_COUNT_; f++)
		if (fact_sql_stored(f))
			bad += compare_column(tu_db(s), fact_defs[f].name, fact_defs[f].name,
					      fact_sql_expr(f), date, &report);
	bad += compare_column(tu_db(s), "renewal_id", "renewal_id",
		"(SELECT id FROM renewals WHERE account_id = a.id AND stage <> 'won' AND stage <> 'lost'"
		" ORDER BY due_date, id LIMIT 1)", date, &report);
	ck_assert_msg(bad == 0, "%d mismatches on %s:\n%s", bad, date, report.data ? report.data : "");
	buf_done(&report);
}

static void
make_demo_book(void)
{
	setenv("XDG_CONFIG_HOME", tu_tmpdir(), 1);
	demo_path = tu_path("demo.db");
	fb_demo_book(demo_path);
}

static void
free_demo_book(void)
{
	free(demo_path);
	demo_path = NULL;
}

/* -- the table --------------------------------------------------------------- */

/* account_facts has the account, its renewal, then one column per stored
 * fact in catalog order, typed by kind; only the two counts playbook
 * actions change are left out. */
START_TEST(test_columns_follow_catalog)
{
	struct store *s = tu_open(NULL, FB_NOW);
	sqlite3_stmt *st;
	int col = 0, f = 0;

	ck_assert(sqlite3_prepare_v2(tu_db(s), "SELECT name, type FROM pragma_table_info('account_facts')"
				     " ORDER BY cid", -1, &st, NULL) == SQLITE_OK);
	for (; sqlite3_step(st) == SQLITE_ROW; col++) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		const char *want;

		if (col < 2) {
			ck_assert_str_eq(name, col ? "renewal_id" : "account_id");
			continue;
		}
		while (f < FACT_COUNT_ && !fact_sql_stored(f))
			f++;
		ck_assert_msg(f < FACT_COUNT_, "extra column %s", name);
		switch (fact_defs[f].kind) {
		case FK_RATIO: case FK_NUMBER: want = "REAL"; break;
		case FK_LABEL: want = "TEXT"; break;
		default: want = "INTEGER"; break;
		}
		ck_assert_str_eq(name, fact_defs[f].name);
		ck_assert_msg(!strcmp(type, want), "%s is %s, not %s", name, type, want);
		f++;
	}
	while (f < FACT_COUNT_ && !fact_sql_stored(f))
		f++;
	ck_assert_msg(f == FACT_COUNT_, "no column for %s", f < FACT_COUNT_ ? fact_defs[f].name : "");
	for (f = 0; f < FACT_COUNT_; f++)
		ck_assert_int_eq(fact_sql_stored(f), f != FACT_OPEN_RISKS && f != FACT_OVERDUE_TASKS);
	sqlite3_finalize(st);
	/* A new book has none: nothing is fresh. */
	ck_assert(!fresh(s, FB_NOW));
	store_close(s);
}
END_TEST

/* -- the values -------------------------------------------------------------- */

START_TEST(test_stored_equal_computed)
{
	struct store *s = tu_open(demo_path, FB_NOW);

	ck_assert(fresh(s, FB_NOW));
	ck_assert(!fresh(s, "2026-11-22"));
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM account_facts"), FB_ACCOUNTS);
	compare_all(s, FB_NOW);
	/* The comparison saw what matters: overrides in force today, and
	 * manual ratings both fresh and not. */
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM health_snapshots WHERE date = '" FB_NOW "'"
				" AND override_band IS NOT NULL AND override_band <> band"), 3);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM account_facts WHERE financial_rating IS NOT NULL"), 10);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM account_facts f WHERE financial_rating IS NULL"
				" AND EXISTS (SELECT 1 FROM health_inputs i WHERE i.account_id = f.account_id"
				" AND i.fact = 'financial_rating')"), 10);
	store_close(s);
}
END_TEST

/* A rating 20 days old, yesterday's band red (14 days: stale), today's
 * shown band green by an override (30 days: fresh): what the recompute
 * read was yesterday's band, what it stores is today's. */
START_TEST(test_manual_window_follows_new_band)
{
	struct store *s = tu_open(NULL, FB_NOW);

	fb_load(s, &entity_account, "external_id,name,segment,stage\nM1,Mended,smb,adopt\n"
		"M2,Marred,smb,adopt\n");
	fb_load(s, &entity_health_input, "account,fact,value,date\n"
		"M1,financial_rating,3,2026-11-03\nM2,financial_rating,2,2026-11-03\n");
	fb_load(s, &entity_health_override, "account,band,reason,starts_on,until\n"
		"M1,red,was bad,2026-11-22,2026-11-22\nM2,green,was fine,2026-11-22,2026-11-22\n");
	recompute(s, "2026-11-22");
	/* One override per account: today's replace yesterday's. */
	ck_assert_int_eq(sqlite3_exec(tu_db(s), "UPDATE health_overrides SET starts_on = '2026-11-23',"
				      " until = '2026-12-31', band = CASE band WHEN 'red' THEN 'green'"
				      " ELSE 'red' END", NULL, NULL, NULL), SQLITE_OK);
	recompute(s, FB_NOW);
	ck_assert(fresh(s, FB_NOW));
	compare_all(s, FB_NOW);
	ck_assert_int_eq(tu_int(s, "SELECT financial_rating FROM account_facts f JOIN accounts a"
				" ON a.id = f.account_id WHERE a.external_id = 'M1'"), 3);
	ck_assert_int_eq(tu_int(s, "SELECT financial_rating IS NULL FROM account_facts f JOIN accounts a"
				" ON a.id = f.account_id WHERE a.external_id = 'M2'"), 1);
	store_close(s);
}
END_TEST

/* Scoring the same day again after an account churned drops its snapshot
 * of the day: its stored health is the one before. */
START_TEST(test_same_day_again_after_churn)
{
	struct store *s = demo_copy("churn.db");
	/* One whose score moved since the week before. */
	int64_t id = tu_int(s, "SELECT h.account_id FROM health_snapshots h JOIN health_snapshots p"
			       " ON p.account_id = h.account_id AND p.date = date(h.date, '-7 days')"
			       " WHERE h.date = '" FB_NOW "' AND h.score <> p.score ORDER BY 1 LIMIT 1");
	struct wtx *t;
	struct row r;
	struct err e = { ST_OK, "" };

	ck_assert_int_gt(id, 0);
	row_init(&r, &entity_account);
	row_text(&r, "stage", "churned");
	ck_assert_int_eq(wtx_begin(s, "test", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_update(t, &r, id, &e), ST_OK);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);
	row_done(&r);
	ck_assert(!fresh(s, FB_NOW));
	recompute(s, FB_NOW);
	ck_assert(fresh(s, FB_NOW));
	compare_all(s, FB_NOW);
	store_close(s);
}
END_TEST

/* -- freshness ----------------------------------------------------------------- */

static void
update_account(struct store *s, int64_t id, const char *field, const char *value)
{
	struct wtx *t;
	struct row r;
	struct err e = { ST_OK, "" };

	row_init(&r, &entity_account);
	if (!strcmp(field, "tags"))
		ck_assert_int_eq(row_parse(s, &r, entity_field(&entity_account, "tags"), value, &e), ST_OK);
	else
		row_text(&r, field, value);
	ck_assert_int_eq(wtx_begin(s, "test", WTX_AUDIT_ROWS, &t, &e), ST_OK);
	ck_assert_msg(wtx_update(t, &r, id, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(wtx_commit(t, &e), ST_OK);
	row_done(&r);
}

START_TEST(test_which_writes_stale)
{
	struct store *s = demo_copy("writes.db");
	int64_t id = tu_int(s, "SELECT min(id) FROM accounts");
	char *ext = tu_text(s, "SELECT external_id FROM accounts ORDER BY id LIMIT 1");
	char *csv;
	struct task_input task = { .account_id = id, .title = "Call", .due = fb_day(FB_NOW) + 3,
				   .has_due = true };
	struct touch_input touch = { .account_id = id, .date = fb_day(FB_NOW), .today = fb_day(FB_NOW),
				     .summary = "Call",
				     .duration = -1, .sentiment = -1 };
	struct err e = { ST_OK, "" };
	int64_t new_id;

	ck_assert(fresh(s, FB_NOW));
	/* What a playbook run writes, and a CSM's edits of what no fact reads. */
	ck_assert_int_eq(action_task_add(s, NULL, &task, &new_id, &e), ST_OK);
	csv = xasprintf("account,category,severity\n%s,value,high\n", ext);
	fb_load(s, &entity_risk, csv);
	free(csv);
	update_account(s, id, "name", "Renamed Co");
	update_account(s, id, "notes", "a note");
	update_account(s, id, "tags", "watch");
	ck_assert(fresh(s, FB_NOW));
	/* A touchpoint: days_since_touch may change. */
	ck_assert_int_eq(action_log(s, NULL, &touch, &new_id, &e), ST_OK);
	ck_assert(!fresh(s, FB_NOW));
	recompute(s, FB_NOW);
	ck_assert(fresh(s, FB_NOW));
	compare_all(s, FB_NOW);
	/* A stage change: stage and days_in_stage. */
	update_account(s, id, "stage", "expand");
	ck_assert(!fresh(s, FB_NOW));
	/* Scored on another day, they are that day's. */
	recompute(s, "2026-11-30");
	ck_assert(fresh(s, "2026-11-30"));
	ck_assert(!fresh(s, FB_NOW));
	compare_all(s, "2026-11-30");
	free(ext);
	store_close(s);
}
END_TEST

/* -- rules -------------------------------------------------------------------- */

static void
eval_all(struct store *s, const struct playbook_set *set, bool stored, struct rule_result *out)
{
	struct rule_sql *q = xcalloc(set->nrules, sizeof(*q));
	const struct rule_sql **qp = xcalloc(set->nrules, sizeof(*qp));
	const char **ids = xcalloc(set->nrules, sizeof(*ids));
	struct err e = { ST_OK, "" };

	for (size_t i = 0; i < set->nrules; i++) {
		rule_sql_compile(set->rules[i], stored, &q[i]);
		ck_assert(strstr(q[i].sql.data, "account_facts") ? stored : !stored);
		qp[i] = &q[i];
		ids[i] = set->rules[i]->id;
	}
	ck_assert_msg(store_rules_eval(s, qp, ids, set->nrules, fb_day(FB_NOW), out, &e) == ST_OK,
		      "%s", e.msg);
	for (size_t i = 0; i < set->nrules; i++)
		rule_sql_done(&q[i]);
	free(q);
	free(qp);
	free(ids);
}

static void
same_fact(const char *rule, int fact, const struct fact_value *a, const struct fact_value *b)
{
	ck_assert_msg(a->known == b->known, "%s: %s known differs", rule, fact_defs[fact].name);
	if (!a->known)
		return;
	if (fact_defs[fact].kind == FK_LABEL)
		ck_assert_str_eq(a->label, b->label);
	else
		ck_assert_msg(a->num == b->num || fabs(a->num - b->num) <= 1e-9 * fabs(a->num),
			      "%s: %s %g vs %g", rule, fact_defs[fact].name, a->num, b->num);
}

/* Every default rule (disabled ones too) finds the same accounts, scopes
 * and text facts on stored facts as on computed ones, and some find many. */
START_TEST(test_default_rules_agree)
{
	struct store *s = tu_open(demo_path, FB_NOW);
	struct playbook_set set;
	struct rule_result *st, *live;
	struct err e = { ST_OK, "" };
	int64_t hits = 0;

	playbook_set_init(&set);
	ck_assert_msg(playbook_set_load(&set, NULL, &e, NULL, NULL) == ST_OK, "%s", e.msg);
	st = xcalloc(set.nrules, sizeof(*st));
	live = xcalloc(set.nrules, sizeof(*live));
	eval_all(s, &set, true, st);
	eval_all(s, &set, false, live);
	for (size_t i = 0; i < set.nrules; i++) {
		const char *id = set.rules[i]->id;

		ck_assert_msg(st[i].matched == live[i].matched && st[i].n == live[i].n &&
			      st[i].already == live[i].already, "%s: %lld/%zu stored, %lld/%zu computed",
			      id, (long long)st[i].matched, st[i].n, (long long)live[i].matched, live[i].n);
		ck_assert_int_eq(st[i].nfacts, live[i].nfacts);
		for (size_t k = 0; k < st[i].n; k++) {
			ck_assert_int_eq(st[i].hits[k].account_id, live[i].hits[k].account_id);
			ck_assert_str_eq(st[i].hits[k].scope_key, live[i].hits[k].scope_key);
			for (int f = 0; f < st[i].nfacts; f++)
				same_fact(id, st[i].facts[f], &st[i].hits[k].facts[f], &live[i].hits[k].facts[f]);
		}
		hits += st[i].n;
		rule_result_done(&st[i]);
		rule_result_done(&live[i]);
	}
	ck_assert_int_gt(hits, FB_ACCOUNTS);
	free(st);
	free(live);
	playbook_set_free(&set);
	store_close(s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("account_facts");
	TCase *demo = tcase_create("demo");
	TCase *tiny = tcase_create("tiny");

	tcase_set_timeout(demo, 120);
	tcase_add_unchecked_fixture(demo, make_demo_book, free_demo_book);
	tcase_add_test(demo, test_stored_equal_computed);
	tcase_add_test(demo, test_same_day_again_after_churn);
	tcase_add_test(demo, test_which_writes_stale);
	tcase_add_test(demo, test_default_rules_agree);
	suite_add_tcase(s, demo);
	tcase_add_test(tiny, test_columns_follow_catalog);
	tcase_add_test(tiny, test_manual_window_follows_new_band);
	suite_add_tcase(s, tiny);
	return tu_run(s);
}
