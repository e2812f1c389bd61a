/*
 * check_account_edit.c -- account and contact edits through their app
 * functions (app/account_edit.h, app/contact.h), the calls the interface
 * makes: what they write, what they report, the stage history and the
 * facts that must agree with it, and refusals that change nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/account_edit.h"
#include "app/contact.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "store/facts.h"
#include "store/records.h"
#include "testutil.h"

#define TODAY "2026-11-23"

static struct store *book;
static char *path;

/* (Re)open the book with today as the date, as a later session would. */
static void
open_on(const char *today)
{
	if (book)
		store_close(book);
	book = tu_open(path, today);
}

static void
setup(void)
{
	char *report = NULL;

	path = tu_path("edit.db");
	book = NULL;
	open_on(TODAY);
	ck_assert_msg(tu_import(book, &entity_user, "login,name\namara,Amara\nbo,Bo\n", NULL,
				&report) == 0, "%s", report);
	free(report);
	ck_assert_msg(tu_import(book, &entity_account,
				"external_id,name,owner,segment,stage,stage_since,tags\n"
				"A-1,Acme,amara,enterprise,onboard,2026-08-01,x\n"
				"A-2,Zed,,smb,land,,\n", NULL, &report) == 0, "%s", report);
	free(report);
	ck_assert_msg(tu_import(book, &entity_contact,
				"account,name,email,is_executive,roles\n"
				"A-1,Dana,dana@acme.test,true,champion;executive_sponsor\n"
				"A-2,Dana Z,dana@acme.test,false,\n", NULL, &report) == 0, "%s", report);
	free(report);
}

static void
teardown(void)
{
	store_close(book);
	book = NULL;
	free(path);
}

static void
expect_text(const char *sql, const char *want)
{
	char *got = tu_text(book, sql);

	ck_assert_msg(!strcmp(got ? got : "(null)", want), "%s: '%s', expected '%s'", sql,
		      got ? got : "(null)", want);
	free(got);
}

/* The report's line, for comparing. */
static char *
line_of(struct edit_report *r)
{
	struct buf b;
	char *s;

	buf_init(&b);
	s = xstrdup(edit_report_line(r, &b));
	buf_done(&b);
	return s;
}

/* account_edit(in) returns want with message msg (NULL: any) and the
 * report line line (NULL: not checked). */
static void
expect_edit(const struct account_edit_input *in, enum status want, const char *msg, const char *line)
{
	struct err e = { ST_OK, "" };
	struct edit_report r;
	char *got;

	edit_report_init(&r);
	ck_assert_msg(account_edit(book, "amara", in, &r, &e) == want, "account_edit: %s", e.msg);
	if (msg)
		ck_assert_str_eq(e.msg, msg);
	got = line_of(&r);
	if (line)
		ck_assert_str_eq(got, line);
	free(got);
	edit_report_done(&r);
}

/* The fact's value for account id as of today, -1 when unknown. */
struct fact_probe {
	enum fact_id fact;
	double value;
};

static int
probe_cb(void *ctx, const struct fact_row *row)
{
	struct fact_probe *p = ctx;

	p->value = row->v[p->fact].known ? row->v[p->fact].num : -1;
	return 1;
}

static double
fact_of(int64_t account, enum fact_id fact)
{
	struct fact_probe p = { fact, -2 };
	struct err e = { ST_OK, "" };

	ck_assert_msg(store_facts_each(book, store_clock(book)->today, account, probe_cb, &p, &e) ==
		      ST_OK, "%s", e.msg);
	return p.value;
}

START_TEST(test_edit_every_field)
{
	struct account_edit_input in = { .account_id = 1, .owner = "bo", .am = "amara", .rm = "bo",
		.segment = "mid_market", .touch_model = "tech", .package = "free", .stage = "adopt",
		.partner = "Globex", .notes = "n", .seats = 50, .has_seats = true,
		.tags = { "+y", "-x" }, .ntags = 2 };

	expect_edit(&in, ST_OK, NULL, "Acme (A-1): stage onboard -> adopt, owner amara -> bo, "
		    "am - -> amara, rm - -> bo, segment enterprise -> mid_market, touch model high -> "
		    "tech, package premium -> free, partner - -> Globex, seats - -> 50, tags +y -x, "
		    "notes added");
	expect_text("SELECT u.login || ' ' || a.am || ' ' || a.rm || ' ' || a.segment || ' ' || "
		    "a.touch_model || ' ' || a.service_package || ' ' || a.stage || ' ' || a.stage_since "
		    "|| ' ' || a.partner || ' ' || a.licensed_seats || ' ' || a.notes FROM accounts a JOIN users u "
		    "ON u.id = a.owner_id WHERE a.id = 1",
		    "bo amara bo mid_market tech free adopt 2026-11-23 Globex 50 n");
	expect_text("SELECT group_concat(tag) FROM account_tags WHERE account_id = 1", "y");
	/* One audited action: the account, and the two periods of its history. */
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'account set'"), 3);
	expect_text("SELECT json_extract(old, '$.tags') || ' ' || json_extract(new, '$.tags') "
		    "FROM audit_log WHERE table_name = 'accounts' AND op = 'update'", "[\"x\"] [\"y\"]");
	/* The same again: nothing to change, nothing written. */
	in.tags[0] = "+y";
	in.tags[1] = "-x";
	expect_edit(&in, ST_OK, NULL, "Acme (A-1): nothing to change (already has tag 'y', "
		    "has no tag 'x')");
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action = 'account set'"), 3);
}
END_TEST

START_TEST(test_pooled_and_clearing)
{
	struct account_edit_input in = { .account_id = 1, .owner = "pooled", .notes = "",
		.partner = "" };

	expect_edit(&in, ST_OK, NULL, "Acme (A-1): owner amara -> pooled");
	ck_assert_int_eq(tu_int(book, "SELECT owner_id IS NULL FROM accounts WHERE id = 1"), 1);
	in = (struct account_edit_input){ .account_id = 1, .owner = "" };
	expect_edit(&in, ST_OK, NULL, "Acme (A-1): nothing to change");
}
END_TEST

/* in is refused with want and msg, and the book stays as it was. */
static void
expect_refused(const struct account_edit_input *in, enum status want, const char *msg)
{
	char *before = tu_dump(book), *after;

	expect_edit(in, want, msg, NULL);
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a refused edit changed the book (%s)", msg);
	free(before);
	free(after);
}

START_TEST(test_refusals_change_nothing)
{
	struct account_edit_input in = { .account_id = 1, .stage = "renew", .owner = "bob" };

	expect_refused(&in, ST_NOINPUT, "owner: 'bob' is not a user of this book; did you mean 'bo'?");
	in = (struct account_edit_input){ .account_id = 1, .stage = "renew", .am = "zelda" };
	expect_refused(&in, ST_NOINPUT, "am: 'zelda' is not a user of this book");
	in = (struct account_edit_input){ .account_id = 1, .seats = 0, .has_seats = true };
	expect_refused(&in, ST_USAGE, "seats: 0 is not a positive number of seats");
	in = (struct account_edit_input){ .account_id = 1, .segment = "big" };
	expect_refused(&in, ST_USAGE, "segment: 'big' is not allowed (one of: enterprise, mid_market, smb)");
	in = (struct account_edit_input){ .account_id = 1, .touch_model = "lo" };
	expect_refused(&in, ST_USAGE, "touch: 'lo' is not allowed; did you mean 'low'?");
	in = (struct account_edit_input){ .account_id = 1, .stage = "renw" };
	expect_refused(&in, ST_USAGE, "stage: 'renw' is not allowed; did you mean 'renew'?");
	in = (struct account_edit_input){ .account_id = 1, .tags = { "x" }, .ntags = 1 };
	expect_refused(&in, ST_USAGE, "tag: 'x': say +x to add it or -x to remove it");
	in = (struct account_edit_input){ .account_id = 1, .tags = { "+q", "-q" }, .ntags = 2 };
	expect_refused(&in, ST_USAGE, "tag: 'q' is both added and removed");
	in = (struct account_edit_input){ .account_id = 9, .stage = "renew" };
	expect_refused(&in, ST_NOINPUT, "no account with id 9");
}
END_TEST

START_TEST(test_read_only_refuses)
{
	struct account_edit_input in = { .account_id = 1, .stage = "renew" };
	struct store_opts o = { .read_only = true, .actor = "tester" };
	struct err e = { ST_OK, "" };
	struct store *ro;
	char *before = tu_dump(book), *after;

	store_close(book);
	book = NULL;
	o.path = path;
	tu_clock(&o.clock, TODAY);
	ck_assert_msg(store_open(&ro, &o, &e) == ST_OK, "%s", e.msg);
	book = ro;
	expect_edit(&in, ST_NOPERM, "cannot account set: the book is open read-only", NULL);
	open_on(TODAY);
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a read-only edit changed the book");
	free(before);
	free(after);
}
END_TEST

START_TEST(test_stage_history_and_days_in_stage)
{
	struct account_edit_input in = { .account_id = 1, .stage = "adopt" };

	ck_assert(fact_of(1, FACT_DAYS_IN_STAGE) == 114);
	open_on("2026-09-01");
	expect_edit(&in, ST_OK, NULL, "Acme (A-1): stage onboard -> adopt");
	open_on("2026-10-01");
	in.stage = "expand";
	expect_edit(&in, ST_OK, NULL, "Acme (A-1): stage adopt -> expand");
	open_on(TODAY);
	/* Every period with its dates; the one left before the history began
	 * keeps its start (stage_since). */
	expect_text("SELECT group_concat(stage || ' ' || coalesce(from_date, '-') || ' ' || "
		    "coalesce(to_date, '-') || ' ' || coalesce(source, '-'), '|') FROM "
		    "(SELECT * FROM account_stage_history ORDER BY id)",
		    "onboard 2026-08-01 2026-09-01 -|adopt 2026-09-01 2026-10-01 manual|"
		    "expand 2026-10-01 - manual");
	ck_assert(fact_of(1, FACT_DAYS_IN_STAGE) == 53);
	/* A stage entered after the day of a change cannot end on it. */
	open_on("2026-09-15");
	in.stage = "renew";
	expect_refused(&in, ST_DATA, "stage: the account has been in expand since 2026-10-01, "
		       "after 2026-09-15");
	/* An account with no stage_since: its first period has no start. */
	open_on(TODAY);
	in = (struct account_edit_input){ .account_id = 2, .stage = "onboard" };
	expect_edit(&in, ST_OK, NULL, "Zed (A-2): stage land -> onboard");
	expect_text("SELECT group_concat(stage || ' ' || coalesce(from_date, '-') || ' ' || "
		    "coalesce(to_date, '-'), '|') FROM (SELECT * FROM account_stage_history "
		    "WHERE account_id = 2 ORDER BY id)",
		    "land - 2026-11-23|onboard 2026-11-23 -");
	ck_assert(fact_of(2, FACT_DAYS_IN_STAGE) == 0);
}
END_TEST

/* -- contacts ----------------------------------------------------------------- */

static void
expect_contact(enum status got, enum status want, const struct err *e, struct edit_report *r,
	       const char *line)
{
	char *l;

	ck_assert_msg(got == want, "status %d, expected %d: %s", got, want, e->msg);
	l = line_of(r);
	if (line)
		ck_assert_str_eq(l, line);
	free(l);
	edit_report_done(r);
	edit_report_init(r);
}

START_TEST(test_contact_add_edit_left)
{
	struct contact_input in = { .name = "Pat", .email = "Pat@Acme.test", .title = "CTO",
		.executive = 1, .roles = { "decision_maker" }, .nroles = 1 };
	struct err e = { ST_OK, "" };
	struct edit_report r;
	int64_t id = 0;
	char *before, *after;

	edit_report_init(&r);
	expect_contact(contact_add(book, 1, &in, &id, &r, &e), ST_OK, &e, &r,
		       "Acme (A-1): added contact #3 Pat <Pat@Acme.test>");
	ck_assert_int_eq(id, 3);
	expect_text("SELECT name || ' ' || email || ' ' || title || ' ' || is_executive || ' ' || "
		    "(SELECT group_concat(role) FROM contact_roles WHERE contact_id = 3) "
		    "FROM contacts WHERE id = 3", "Pat Pat@Acme.test CTO 1 decision_maker");
	/* The same email in another case is the same person. */
	before = tu_dump(book);
	in.email = "pat@ACME.test";
	expect_contact(contact_add(book, 1, &in, &id, &r, &e), ST_DATA, &e, &r, NULL);
	ck_assert_str_eq(e.msg, "email: contact #3 Pat at this account has 'Pat@Acme.test' already");
	in = (struct contact_input){ .email = "Dana@acme.test", .executive = -1 };
	expect_contact(contact_edit(book, 3, &in, &r, &e), ST_DATA, &e, &r, NULL);
	ck_assert_str_eq(e.msg, "email: contact #1 Dana at this account has 'dana@acme.test' already");
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a refused contact change wrote");
	free(before);
	free(after);

	in = (struct contact_input){ .title = "", .executive = 0, .roles = { "+champion",
		"-decision_maker", "+admin" }, .nroles = 3 };
	expect_contact(contact_edit(book, 3, &in, &r, &e), ST_OK, &e, &r,
		       "Acme (A-1), contact #3 Pat: title CTO -> -, executive yes -> no, "
		       "roles +champion -decision_maker +admin");
	expect_text("SELECT group_concat(role) FROM (SELECT role FROM contact_roles "
		    "WHERE contact_id = 3 ORDER BY role)", "admin,champion");

	/* Leaving: the champion and sponsor facts see it. */
	ck_assert(fact_of(1, FACT_DAYS_SINCE_CHAMPION_LEFT) == -1);
	expect_contact(contact_left(book, 1, store_clock(book)->today - 2, true, &r, &e), ST_OK, &e,
		       &r, "Acme (A-1), contact #1 Dana: left on 2026-11-21");
	ck_assert(fact_of(1, FACT_DAYS_SINCE_CHAMPION_LEFT) == 2);
	ck_assert(fact_of(1, FACT_SPONSOR_PRESENT) == 0);
	ck_assert(fact_of(1, FACT_CHAMPION_PRESENT) == 1);   /* Pat is one now */
	expect_contact(contact_left(book, 1, store_clock(book)->today, false, &r, &e), ST_OK, &e, &r,
		       "Acme (A-1), contact #1 Dana: nothing to change (left on 2026-11-21 already)");
	expect_contact(contact_left(book, 1, store_clock(book)->today + 1, true, &r, &e), ST_USAGE,
		       &e, &r, NULL);
	ck_assert_str_eq(e.msg, "date: 2026-11-24 is after today (2026-11-23): mark a contact as "
			 "left once they have");
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log WHERE action IN "
				      "('contact add', 'contact edit', 'contact left')"), 3);
	edit_report_done(&r);
}
END_TEST

START_TEST(test_contact_resolve)
{
	struct err e = { ST_OK, "" };
	int64_t id = 0;

	ck_assert_int_eq(store_contact_resolve(book, "DANA@acme.test", 0, &id, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "'DANA@acme.test' is the email of several contacts: #1 dana@acme.test "
			 "at Acme (A-1), #2 dana@acme.test at Zed (A-2); give an id or --account");
	ck_assert_int_eq(store_contact_resolve(book, "DANA@acme.test", 2, &id, &e), ST_OK);
	ck_assert_int_eq(id, 2);
	ck_assert_int_eq(store_contact_resolve(book, "1", 0, &id, &e), ST_OK);
	ck_assert_int_eq(id, 1);
	ck_assert_int_eq(store_contact_resolve(book, "1", 2, &id, &e), ST_NOINPUT);
	ck_assert_int_eq(store_contact_resolve(book, "x@y.z", 0, &id, &e), ST_NOINPUT);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("account_edit");
	TCase *tc = tcase_create("account_edit");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_edit_every_field);
	tcase_add_test(tc, test_pooled_and_clearing);
	tcase_add_test(tc, test_refusals_change_nothing);
	tcase_add_test(tc, test_read_only_refuses);
	tcase_add_test(tc, test_stage_history_and_days_in_stage);
	tcase_add_test(tc, test_contact_add_edit_left);
	tcase_add_test(tc, test_contact_resolve);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
