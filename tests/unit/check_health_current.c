/*
 * check_health_current.c -- the current health kept current by the write
 * path's accounts hook (store/wtx.h, app/health_current.h): any change a
 * use case makes through wtx -- a stage change, a risk closed, a
 * milestone's status, an override -- rescores its account in the same
 * transaction, whoever wrote the use case; tasks and risks only when a
 * scorecard reads them; bulk actions and books never scored are left
 * alone; a hook that fails takes the change back; the stored facts stay
 * fresh; and the one_override migration folds the extra overrides of old
 * books.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/health_current.h"
#include "app/health_edit.h"
#include "app/health_run.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "store/account_facts.h"
#include "store/migrate.h"
#include "store/row.h"
#include "store/wtx.h"
#include "testutil.h"

#define TODAY "2026-11-23"

static struct store *book;
static struct scorecard_set set;

static int32_t
today(void)
{
	int32_t d;

	ck_assert(date_parse(TODAY, &d));
	return d;
}

static void
load_csv(const struct entity *ent, const char *csv)
{
	char *report = NULL;

	ck_assert_msg(tu_import(book, ent, csv, NULL, &report) == 0, "%s", report);
	free(report);
}

/* The set of one scorecard file with this measure line. */
static void
use_scorecard(const char *measure)
{
	char *path = tu_path("sc.yaml");
	FILE *f = fopen(path, "w");
	const char *files[1] = { path };
	struct err e = { ST_OK, "" };

	ck_assert(f != NULL);
	fprintf(f, "scorecard: test\nmeasures:\n  - %s\n", measure);
	fclose(f);
	ck_assert_msg(scorecard_set_load(&set, files, 1, NULL, &e, NULL, NULL) == ST_OK, "%s", e.msg);
	free(path);
}

static void
recompute(void)
{
	struct health_run out;
	struct err e = { ST_OK, "" };

	ck_assert_msg(health_run_recompute(book, &set, today(), &out, &e) == ST_OK, "%s", e.msg);
}

/* A book of two accounts, scored with the measure, then kept current. */
static void
scored_book(const char *measure)
{
	book = tu_open(NULL, TODAY);
	load_csv(&entity_account, "external_id,name,segment,stage,stage_since\n"
		 "A,Acme,smb,onboard,2026-03-01\nB,Beta,smb,adopt,2026-11-01\n");
	use_scorecard(measure);
	recompute();
	health_current_attach_set(book, &set);
}

static void
teardown(void)
{
	store_close(book);
	scorecard_set_free(&set);
	book = NULL;
}

/* Account 1's current health as "band score date", and its snapshot's. */
static char *
current(void)
{
	return tu_text(book, "SELECT band || ' ' || coalesce(score, '-') || ' ' || date"
			     " FROM account_health WHERE account_id = 1");
}

static void
expect_current(const char *want)
{
	char *got = current(), *snap;

	ck_assert_str_eq(got ? got : "", want);
	free(got);
	/* tend health reads the latest snapshot: the same. */
	snap = tu_text(book, "SELECT coalesce(override_band, band) || ' ' || coalesce(score, '-') || ' '"
			     " || date FROM health_snapshots WHERE account_id = 1 ORDER BY date DESC LIMIT 1");
	ck_assert_str_eq(snap ? snap : "", want);
	free(snap);
}

/* Write r (an update of row id when id > 0) as one action through wtx. */
static enum status
write_one(const struct row *r, int64_t id, struct err *e)
{
	struct wtx *t;
	enum status st;

	if ((st = wtx_begin(book, "test", WTX_AUDIT_ROWS, &t, e)))
		return st;
	st = id > 0 ? wtx_update(t, r, id, e) : wtx_insert(t, r, NULL, e);
	if (st) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}

static int64_t
snapshot_writes(void)
{
	return tu_int(book, "SELECT count(*) FROM audit_log WHERE table_name = 'health_snapshots'");
}

START_TEST(test_a_stage_change_rescores_at_once)
{
	struct err e = { ST_OK, "" };
	struct row r;

	scored_book("{ id: stage, group: outcomes, weight: 100, fact: days_in_stage,"
		    " lower_is_better: true, thresholds: [30, 90] }");
	expect_current("red 1.0 " TODAY);
	/* The generic write an `account set --stage` makes. */
	row_init(&r, &entity_account);
	row_text(&r, "stage", "adopt");
	row_text(&r, "stage_since", TODAY);
	ck_assert_msg(write_one(&r, 1, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	expect_current("green 3.0 " TODAY);
	/* Its change is audited with the action that caused it. */
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'test'"
				      " AND table_name = 'account_health' AND op = 'update'"), 1);
	/* A field no fact reads rescores nothing. */
	row_init(&r, &entity_account);
	row_text(&r, "notes", "met the team");
	ck_assert_msg(write_one(&r, 1, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	ck_assert_int_eq(snapshot_writes(), 1);
}
END_TEST

START_TEST(test_risks_count_when_a_scorecard_reads_them)
{
	struct err e = { ST_OK, "" };
	struct row r;
	int64_t risk;

	scored_book("{ id: risks, group: experience, weight: 100, fact: open_risks,"
		    " lower_is_better: true, thresholds: [0, 1] }");
	expect_current("green 3.0 " TODAY);
	row_init(&r, &entity_risk);
	row_int(&r, "account", 1);
	row_text(&r, "category", "support");
	row_text(&r, "status", "open");
	row_text(&r, "opened_on", TODAY);
	ck_assert_msg(write_one(&r, 0, &e) == ST_OK, "%s", e.msg);
	risk = tu_int(book, "SELECT max(id) FROM risks");
	ck_assert_msg(write_one(&r, 0, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	expect_current("red 1.0 " TODAY);
	/* Closing one. */
	row_init(&r, &entity_risk);
	row_text(&r, "status", "closed");
	row_text(&r, "closed_on", TODAY);
	ck_assert_msg(write_one(&r, risk, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	expect_current("yellow 2.0 " TODAY);
}
END_TEST

START_TEST(test_tasks_do_not_rescore_for_a_scorecard_that_ignores_them)
{
	struct err e = { ST_OK, "" };
	struct row r;

	scored_book("{ id: stage, group: outcomes, weight: 100, fact: days_in_stage,"
		    " lower_is_better: true, thresholds: [30, 90] }");
	row_init(&r, &entity_task);
	row_int(&r, "account", 1);
	row_text(&r, "title", "call");
	row_text(&r, "status", "open");
	row_text(&r, "due_date", "2026-11-01");
	row_text(&r, "created_on", "2026-11-01");
	ck_assert_msg(write_one(&r, 0, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	ck_assert_int_eq(snapshot_writes(), 0);
}
END_TEST

START_TEST(test_a_milestone_finds_its_account_through_its_parents)
{
	struct err e = { ST_OK, "" };
	struct row r;
	int64_t id;

	book = tu_open(NULL, TODAY);
	load_csv(&entity_account, "external_id,name,segment\nA,Acme,smb\nB,Beta,smb\n");
	load_csv(&entity_success_plan, "id,account,status,start_date\n7,B,active,2026-01-01\n"
		 "8,A,active,2026-01-01\n");
	load_csv(&entity_objective, "id,plan,title\n5,8,Adopt\n");
	load_csv(&entity_milestone, "objective,title,status\n5,Train,at_risk\n5,Roll out,at_risk\n");
	use_scorecard("{ id: plan, group: outcomes, weight: 100, fact: milestones_on_track,"
		      " thresholds: [0.9, 0.5] }");
	recompute();
	health_current_attach_set(book, &set);
	expect_current("red 1.0 " TODAY);
	id = tu_int(book, "SELECT min(id) FROM milestones");
	row_init(&r, &entity_milestone);
	row_text(&r, "status", "done");
	ck_assert_msg(write_one(&r, id, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	expect_current("yellow 2.0 " TODAY);
	/* Only Acme's: Beta was not rescored. */
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE table_name = 'account_health'"
				      " AND row_id = (SELECT id FROM account_health WHERE account_id = 2)"), 0);
}
END_TEST

START_TEST(test_an_override_keeps_the_stored_facts_fresh)
{
	struct health_override_input in = { .account_id = 1, .band = "yellow", .reason = "why",
		.until = today() + 30 };
	struct stored_facts sf;
	struct err e = { ST_OK, "" };

	scored_book("{ id: stage, group: outcomes, weight: 100, fact: days_in_stage,"
		    " lower_is_better: true, thresholds: [30, 90] }");
	ck_assert_msg(health_edit_override(book, NULL, &in, NULL, &e) == ST_OK, "%s", e.msg);
	expect_current("yellow 1.0 " TODAY);
	ck_assert_int_eq(tu_int(book, "SELECT overridden FROM account_health WHERE account_id = 1"), 1);
	ck_assert_int_eq(store_account_facts_state(book, today(), &sf, &e), ST_OK);
	ck_assert(sf.fresh);
	ck_assert_int_eq(tu_int(book, "SELECT health_band = 'yellow' FROM account_facts WHERE account_id = 1"), 1);
	ck_assert_int_eq(health_edit_clear(book, 1, &(int){ 0 }, &e), ST_OK);
	expect_current("red 1.0 " TODAY);
	ck_assert_int_eq(tu_int(book, "SELECT overridden FROM account_health WHERE account_id = 1"), 0);
	ck_assert_int_eq(tu_int(book, "SELECT health_band = 'red' FROM account_facts WHERE account_id = 1"), 1);
}
END_TEST

START_TEST(test_bulk_actions_and_unscored_books_are_left_alone)
{
	struct err e = { ST_OK, "" };
	struct wtx *t;
	struct row r;

	scored_book("{ id: stage, group: outcomes, weight: 100, fact: days_in_stage,"
		    " lower_is_better: true, thresholds: [30, 90] }");
	row_init(&r, &entity_account);
	row_text(&r, "stage_since", TODAY);
	ck_assert_int_eq(wtx_begin(book, "import", WTX_BULK, &t, &e), ST_OK);
	ck_assert_int_eq(wtx_update(t, &r, 1, &e), ST_OK);
	ck_assert_msg(wtx_commit(t, &e) == ST_OK, "%s", e.msg);
	expect_current("red 1.0 " TODAY);
	/* A book with no current health at all stays so. */
	ck_assert_int_eq(sqlite3_exec(tu_db(book), "DELETE FROM account_health", NULL, NULL, NULL),
			 SQLITE_OK);
	row_reset(&r);
	row_text(&r, "stage_since", "2026-11-20");
	ck_assert_msg(write_one(&r, 1, &e) == ST_OK, "%s", e.msg);
	row_done(&r);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM account_health"), 0);
}
END_TEST

START_TEST(test_a_failed_rescore_takes_the_change_back)
{
	struct err e = { ST_OK, "" };
	struct row r;

	scored_book("{ id: stage, group: outcomes, weight: 100, fact: days_in_stage,"
		    " lower_is_better: true, thresholds: [30, 90] }");
	/* Scorecards that cannot be loaded: the config names none shipped. */
	health_current_attach(book, "no-such-scorecard");
	row_init(&r, &entity_account);
	row_text(&r, "stage_since", TODAY);
	ck_assert_int_eq(write_one(&r, 1, &e), ST_CONFIG);
	row_done(&r);
	ck_assert_msg(strstr(e.msg, "cannot keep the health scores current"), "%s", e.msg);
	ck_assert_int_eq(tu_int(book, "SELECT stage_since = '2026-03-01' FROM accounts WHERE id = 1"), 1);
	expect_current("red 1.0 " TODAY);
}
END_TEST

/* The version of schema/NNNN_one_override.sql, whatever its number by now. */
static int
fold_version(void)
{
	for (size_t i = 0; i < schema_migrations_count; i++)
		if (!strcmp(schema_migrations[i].name, "one_override"))
			return schema_migrations[i].version;
	ck_abort_msg("no migration one_override");
	return 0;
}

START_TEST(test_old_books_fold_to_one_override)
{
	char *path = tu_path("old.db");
	struct store_opts o = { .path = path, .create = true, .actor = "tester",
		.target_version = fold_version() - 1 };
	struct err e = { ST_OK, "" };
	char *left;

	tu_clock(&o.clock, TODAY);
	ck_assert_msg(store_open(&book, &o, &e) == ST_OK, "%s", e.msg);
	load_csv(&entity_account, "external_id,name,segment\nA,Acme,smb\nB,Beta,smb\n");
	ck_assert_int_eq(sqlite3_exec(tu_db(book),
		"INSERT INTO health_overrides (id, account_id, band, reason, starts_on, until) VALUES"
		" (1, 1, 'red', 'first', '2026-11-01', '2026-12-31'),"
		" (2, 1, 'green', 'latest start', '2026-11-20', '2026-12-31'),"
		" (3, 1, 'yellow', 'written last', '2026-11-10', '2026-12-31'),"
		" (4, 2, 'orange', 'alone', '2026-11-01', '2026-12-31');"
		"INSERT INTO health_snapshots (account_id, date, scorecard, scale, score, band, override_band)"
		" VALUES (1, '2026-11-22', 'default', 3, 1.0, 'red', 'green');"
		"INSERT INTO account_health (account_id, date, scorecard, scale, score, band, computed_band)"
		" VALUES (1, '2026-11-22', 'default', 3, 1.0, 'green', 'red'),"
		"        (2, '2026-11-22', 'default', 3, 1.0, 'red', 'red')", NULL, NULL, NULL), SQLITE_OK);
	store_close(book);
	book = tu_open(path, TODAY);
	/* The one `tend health` showed: the latest to start. */
	left = tu_text(book, "SELECT group_concat(id || ' ' || reason, '|') FROM health_overrides");
	ck_assert_str_eq(left, "2 latest start|4 alone");
	free(left);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE table_name = 'health_overrides'"
				      " AND op = 'delete' AND row_id IN (1, 3) AND old LIKE '%\"band\":%'"), 2);
	left = tu_text(book, "SELECT group_concat(overridden, ' ') FROM"
			     " (SELECT overridden FROM account_health ORDER BY account_id)");
	ck_assert_str_eq(left, "1 0");
	free(left);
	free(path);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("health_current");
	TCase *tc = tcase_create("health_current");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, test_a_stage_change_rescores_at_once);
	tcase_add_test(tc, test_risks_count_when_a_scorecard_reads_them);
	tcase_add_test(tc, test_tasks_do_not_rescore_for_a_scorecard_that_ignores_them);
	tcase_add_test(tc, test_a_milestone_finds_its_account_through_its_parents);
	tcase_add_test(tc, test_an_override_keeps_the_stored_facts_fresh);
	tcase_add_test(tc, test_bulk_actions_and_unscored_books_are_left_alone);
	tcase_add_test(tc, test_a_failed_rescore_takes_the_change_back);
	tcase_add_test(tc, test_old_books_fold_to_one_override);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
