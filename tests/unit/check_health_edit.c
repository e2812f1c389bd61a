/*
 * check_health_edit.c -- health overrides, their clearing and manual
 * ratings through app/health_edit.h, the calls the interface makes: one
 * override per account, a new one replacing it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/health_edit.h"
#include "core/date.h"
#include "testutil.h"

#define TODAY "2026-11-23"

static struct store *book;

static int32_t
day(const char *ymd)
{
	int32_t d;

	ck_assert_msg(date_parse(ymd, &d), "bad date %s", ymd);
	return d;
}

static void
setup(void)
{
	char *report = NULL;

	book = tu_open(NULL, TODAY);
	ck_assert_msg(tu_import(book, &entity_user, "login,name\namara,Amara\n", NULL,
				&report) == 0, "%s", report);
	free(report);
	ck_assert_msg(tu_import(book, &entity_account, "external_id,name,segment\nA,Acme,smb\n",
				NULL, &report) == 0, "%s", report);
	free(report);
}

static void
teardown(void)
{
	store_close(book);
}

/* The account's overrides as "band starts_on..until author|...", by id. */
static char *
overrides(void)
{
	return tu_text(book, "SELECT group_concat(o.band || ' ' || o.starts_on || '..' || o.until "
			     "|| ' ' || coalesce(u.login, '-'), '|') "
			     "FROM (SELECT * FROM health_overrides ORDER BY id) o "
			     "LEFT JOIN users u ON u.id = o.author_id");
}

static void
expect_overrides(const char *want)
{
	char *got = overrides();

	ck_assert_str_eq(got ? got : "", want);
	free(got);
}

static void
add_override(const char *band, const char *from, const char *until, const char *login)
{
	struct health_override_input in = { .account_id = 1, .band = band, .reason = "why",
		.from = from ? day(from) : 0, .from_set = from != NULL, .until = day(until) };
	struct err e = { ST_OK, "" };

	ck_assert_msg(health_edit_override(book, login, &in, NULL, &e) == ST_OK, "%s", e.msg);
}

/* in must be refused as a usage error starting with start, changing nothing. */
static void
expect_refused(const struct health_override_input *in, const char *start)
{
	struct err e = { ST_OK, "" };
	char *before = tu_dump(book), *after;

	ck_assert_int_eq(health_edit_override(book, "amara", in, NULL, &e), ST_USAGE);
	ck_assert_msg(!strncmp(e.msg, start, strlen(start)), "message '%s', expected '%s...'",
		      e.msg, start);
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a refused override changed the book");
	free(before);
	free(after);
}

START_TEST(test_a_new_override_replaces_the_one_in_force)
{
	struct health_override_input in = { .account_id = 1, .band = "red", .reason = "why",
		.until = day("2026-11-30") };
	struct err e = { ST_OK, "" };
	bool replaced = true;

	ck_assert_msg(health_edit_override(book, "amara", &in, &replaced, &e) == ST_OK, "%s", e.msg);
	ck_assert(!replaced);
	expect_overrides("red 2026-11-23..2026-11-30 amara");
	/* Again, by someone who is not a user, from later: the same row. */
	in.band = "green";
	in.from = day("2026-12-02");
	in.from_set = true;
	in.until = day("2026-12-09");
	ck_assert_msg(health_edit_override(book, "nobody", &in, &replaced, &e) == ST_OK, "%s", e.msg);
	ck_assert(replaced);
	expect_overrides("green 2026-12-02..2026-12-09 -");
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'health override'"
				      " AND table_name = 'health_overrides' AND op = 'insert'"), 1);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'health override'"
				      " AND table_name = 'health_overrides' AND op = 'update'"
				      " AND old LIKE '%\"band\":\"red\"%' AND new LIKE '%\"band\":\"green\"%'"), 1);
	/* Not in force today (it starts on 12-02): replacing it replaces none. */
	ck_assert_msg(health_edit_override(book, "amara", &in, &replaced, &e) == ST_OK, "%s", e.msg);
	ck_assert(!replaced);
	/* The schema holds it to one, whatever writes. */
	ck_assert_int_ne(sqlite3_exec(tu_db(book), "INSERT INTO health_overrides (account_id, band, reason,"
				      " starts_on, until) VALUES (1, 'red', 'x', '2026-11-23', '2026-11-23')",
				      NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM health_overrides"), 1);
}
END_TEST

START_TEST(test_override_refusals)
{
	struct health_override_input in = { .account_id = 1, .band = "unknown", .reason = "x",
		.until = day("2026-12-01") };

	expect_refused(&in, "band: an override names a real band, not unknown");
	in.band = "purple";
	expect_refused(&in, "band: 'purple' is not");
	in.band = NULL;
	expect_refused(&in, "band: ");
	in.band = "red";
	in.reason = "";
	expect_refused(&in, "reason: say why the computed band is wrong");
	in.reason = NULL;
	expect_refused(&in, "reason: ");
	in.reason = "x";
	in.until = day("2026-11-22");
	expect_refused(&in, "until is before the override starts");
	in.from = day("2026-12-05");
	in.from_set = true;
	in.until = day("2026-12-04");
	expect_refused(&in, "until is before the override starts");
}
END_TEST

START_TEST(test_clear_ends_what_is_in_force_today)
{
	struct err e = { ST_OK, "" };
	int cleared = -1;

	add_override("yellow", "2026-11-01", "2026-12-01", "amara");   /* ends yesterday */
	ck_assert_int_eq(health_edit_clear(book, 1, &cleared, &e), ST_OK);
	ck_assert_int_eq(cleared, 1);
	expect_overrides("yellow 2026-11-01..2026-11-22 amara");
	add_override("green", TODAY, "2026-12-09", "amara");           /* starts today: goes */
	ck_assert_int_eq(health_edit_clear(book, 1, &cleared, &e), ST_OK);
	ck_assert_int_eq(cleared, 1);
	expect_overrides("");
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = "
				      "'health override clear'"), 2);
	add_override("red", "2026-12-10", "2026-12-20", "amara");      /* not in force: stays */
	ck_assert_int_eq(health_edit_clear(book, 1, &cleared, &e), ST_OK);
	ck_assert_int_eq(cleared, 0);
	expect_overrides("red 2026-12-10..2026-12-20 amara");
	/* Nothing in force: nothing written. */
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = "
				      "'health override clear'"), 2);
}
END_TEST

START_TEST(test_rate)
{
	struct health_rating_input in = { .account_id = 1, .fact = "financial_rating", .value = 3,
		.note = "paid up" };
	struct err e = { ST_OK, "" };
	char *v;

	ck_assert_int_eq(health_edit_rating_max("financial_rating"), 3);
	ck_assert_int_eq(health_edit_rating_max("csm_sentiment"), 5);
	ck_assert_int_eq(health_edit_rating_max("mood"), 0);
	ck_assert_int_eq(health_edit_rating_max(NULL), 0);
	ck_assert_msg(health_edit_rate(book, "amara", &in, &e) == ST_OK, "%s", e.msg);
	v = tu_text(book, "SELECT fact || ' ' || value || ' ' || date || ' ' || note || ' ' || "
			  "author_id FROM health_inputs");
	ck_assert_str_eq(v, "financial_rating 3.0 2026-11-23 paid up 1");
	free(v);
	in.value = 4;
	ck_assert_int_eq(health_edit_rate(book, "amara", &in, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "value: financial_rating is rated from 1 to 3");
	in.fact = "mood";
	in.value = 1;
	ck_assert_int_eq(health_edit_rate(book, "amara", &in, &e), ST_USAGE);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM health_inputs"), 1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("health_edit");
	TCase *tc = tcase_create("health_edit");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_a_new_override_replaces_the_one_in_force);
	tcase_add_test(tc, test_override_refusals);
	tcase_add_test(tc, test_clear_ends_what_is_in_force_today);
	tcase_add_test(tc, test_rate);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
