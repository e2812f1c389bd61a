/*
 * check_renewal.c -- closing a renewal through app/renewal.h, the call the
 * interface makes: the renewal's new state, the ledger event of each kind
 * (expansion, contraction, churn, none), and refusals that change nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/renewal.h"
#include "core/date.h"
#include "testutil.h"

#define TODAY "2026-11-23"
#define USD(n) ((int64_t)(n) * 100)

/* One renewal per case; M has two contracts and renews only the smaller. */
static const char accounts_csv[] =
	"external_id,name,segment\n"
	"U,Upsell,smb\nD,Downsell,smb\nL,Lost,smb\nM,Multi,smb\nZ,Same,smb\n";
static const char ledger_csv[] =
	"account,date,kind,arr_delta\n"
	"U,2025-01-01,new,10000\nD,2025-01-01,new,8000\nL,2025-01-01,new,25000\n"
	"M,2025-01-01,new,6000\nM,2025-06-01,new,4000\nZ,2025-01-01,new,5000\n";
static const char renewals_csv[] =
	"account,due_date,target_arr,stage\n"
	"U,2026-11-15,10000,negotiating\n"
	"D,2026-12-01,8000,negotiating\n"
	"L,2027-02-01,25000,negotiating\n"
	"M,2026-12-15,4000,not_started\n"
	"Z,2026-12-20,5000,not_started\n";
enum { R_UPSELL = 1, R_DOWNSELL, R_LOST, R_MULTI, R_SAME, R_NONE = 99 };

static struct store *book;

static void
load(const struct entity *ent, const char *csv)
{
	char *report = NULL;

	ck_assert_msg(tu_import(book, ent, csv, NULL, &report) == 0, "%s: %s", ent->name, report);
	free(report);
}

static void
setup(void)
{
	book = tu_open(NULL, TODAY);
	load(&entity_account, accounts_csv);
	load(&entity_arr_event, ledger_csv);
	load(&entity_renewal, renewals_csv);
}

static void
teardown(void)
{
	store_close(book);
}

static int32_t
day(const char *ymd)
{
	int32_t d;

	ck_assert_msg(date_parse(ymd, &d), "bad date %s", ymd);
	return d;
}

static enum status
close_renewal(int64_t id, int64_t final, const char *reason, struct renewal_close_result *r,
	      struct err *e)
{
	struct renewal_close_input in = { .renewal_id = id, .final = final, .reason = reason,
		.closed = day(TODAY) };

	return renewal_close(book, &in, r, e);
}

/* The newest ledger event as "account date kind delta_cents reason". */
static char *
last_event(void)
{
	return tu_text(book, "SELECT a.external_id || ' ' || e.date || ' ' || e.kind || ' ' || "
			     "e.arr_delta_cents || ' ' || coalesce(e.reason, '-') "
			     "FROM arr_events e JOIN accounts a ON a.id = e.account_id "
			     "ORDER BY e.id DESC LIMIT 1");
}

static void
expect_event(const char *want)
{
	char *got = last_event();

	ck_assert_str_eq(got, want);
	free(got);
}

/* id must fail with st, the message starting with start, and change nothing. */
static void
expect_refused(int64_t id, int64_t final, const char *reason, enum status st, const char *start)
{
	struct err e = { ST_OK, "" };
	struct renewal_close_result r;
	char *before = tu_dump(book), *after;

	ck_assert_int_eq(close_renewal(id, final, reason, &r, &e), st);
	ck_assert_msg(!strncmp(e.msg, start, strlen(start)), "message '%s', expected '%s...'",
		      e.msg, start);
	ck_assert_ptr_null(r.account);
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a refused close changed the book");
	free(before);
	free(after);
}

START_TEST(test_upsell_writes_an_expansion_and_closes_once)
{
	struct err e = { ST_OK, "" };
	struct renewal_close_result r;
	char *v;

	ck_assert_int_eq(close_renewal(R_UPSELL, USD(12000), NULL, &r, &e), ST_OK);
	ck_assert_str_eq(r.account, "U");
	ck_assert_str_eq(r.stage, "won");
	ck_assert_str_eq(r.kind, "expansion");
	ck_assert_int_eq(r.delta, USD(2000));
	ck_assert_int_eq(r.arr, USD(10000));
	ck_assert_int_eq(r.target, USD(10000));
	ck_assert_int_eq(r.due, day("2026-11-15"));
	ck_assert_int_eq(r.event_id, tu_int(book, "SELECT max(id) FROM arr_events"));
	renewal_close_result_done(&r);
	expect_event("U 2026-11-15 expansion 200000 renewal with upsell");
	v = tu_text(book, "SELECT stage || ' ' || final_arr_cents || ' ' || closed_date "
			  "FROM renewals WHERE id = 1");
	ck_assert_str_eq(v, "won 1200000 2026-11-23");
	free(v);
	/* One action, audited row by row: the renewal, its event and the
	 * next term's renewal. */
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM audit_log "
				      "WHERE action = 'renewal close'"), 3);

	expect_refused(R_UPSELL, USD(1), NULL, ST_DATA,
		       "renewal #1 is already closed (won on 2026-11-23); nothing was changed");
}
END_TEST

START_TEST(test_downsell_contracts_with_its_reason)
{
	struct err e = { ST_OK, "" };
	struct renewal_close_result r;

	ck_assert_int_eq(close_renewal(R_DOWNSELL, USD(5000), "budget", &r, &e), ST_OK);
	ck_assert_str_eq(r.kind, "contraction");
	ck_assert_int_eq(r.delta, -USD(3000));
	renewal_close_result_done(&r);
	expect_event("D 2026-12-01 contraction -300000 budget");
	ck_assert_int_eq(close_renewal(R_MULTI, USD(3000), NULL, &r, &e), ST_OK);
	renewal_close_result_done(&r);
	expect_event("M 2026-12-15 contraction -100000 renewal with downsell");
}
END_TEST

START_TEST(test_loss_churns_what_is_left)
{
	struct err e = { ST_OK, "" };
	struct renewal_close_result r;
	char *v;

	ck_assert_int_eq(close_renewal(R_LOST, 0, "competitor", &r, &e), ST_OK);
	ck_assert_str_eq(r.stage, "lost");
	ck_assert_str_eq(r.kind, "churn");
	ck_assert_int_eq(r.delta, -USD(25000));
	renewal_close_result_done(&r);
	expect_event("L 2027-02-01 churn -2500000 competitor");
	v = tu_text(book, "SELECT stage || ' ' || forecast_category || ' ' || churn_reason "
			  "FROM renewals WHERE id = 3");
	ck_assert_str_eq(v, "lost lost competitor");
	free(v);
}
END_TEST

START_TEST(test_losing_one_of_two_contracts_is_a_contraction)
{
	struct err e = { ST_OK, "" };
	struct renewal_close_result r;

	ck_assert_int_eq(close_renewal(R_MULTI, 0, "budget", &r, &e), ST_OK);
	ck_assert_str_eq(r.kind, "contraction");
	ck_assert_int_eq(r.arr, USD(10000));
	ck_assert_int_eq(r.delta, -USD(4000));
	renewal_close_result_done(&r);
	expect_event("M 2026-12-15 contraction -400000 budget");
}
END_TEST

START_TEST(test_flat_renewal_writes_no_event)
{
	struct err e = { ST_OK, "" };
	struct renewal_close_result r;
	int64_t events = tu_int(book, "SELECT count(*) FROM arr_events");

	ck_assert_int_eq(close_renewal(R_SAME, USD(5000), NULL, &r, &e), ST_OK);
	ck_assert_ptr_null(r.kind);
	ck_assert_int_eq(r.delta, 0);
	ck_assert_int_eq(r.event_id, 0);
	ck_assert_int_eq(r.arr, USD(5000));
	renewal_close_result_done(&r);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM arr_events"), events);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM renewals WHERE stage = 'won'"), 1);
}
END_TEST

START_TEST(test_refusals_name_the_field)
{
	expect_refused(R_UPSELL, USD(12000), "budget", ST_USAGE,
		       "reason is for a lost or downsold renewal (final 12,000, target 10,000)");
	expect_refused(R_LOST, 0, NULL, ST_USAGE, "reason: ");
	expect_refused(R_LOST, 0, "boredom", ST_USAGE, "reason: 'boredom' is not a churn reason");
	expect_refused(R_LOST, -1, NULL, ST_USAGE, "final: ");
	expect_refused(R_NONE, USD(1), NULL, ST_NOINPUT, "no renewal with id 99");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("renewal");
	TCase *tc = tcase_create("close");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_upsell_writes_an_expansion_and_closes_once);
	tcase_add_test(tc, test_downsell_contracts_with_its_reason);
	tcase_add_test(tc, test_loss_churns_what_is_left);
	tcase_add_test(tc, test_losing_one_of_two_contracts_is_a_contraction);
	tcase_add_test(tc, test_flat_renewal_writes_no_event);
	tcase_add_test(tc, test_refusals_name_the_field);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
