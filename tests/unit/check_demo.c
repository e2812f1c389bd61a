/*
 * check_demo.c -- the demo book generator: determinism, the shape of the
 * default book (team, segment mix, ARR concentration, every status of every
 * entity, stress names) and the consistency of its revenue story (ledger,
 * renewals, usage), plus refusal of non-empty books and bad options.
 *
 * The default 600-account book is generated once, in the parent process,
 * into a file every test opens on its own connection.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "demo/demo.h"
#include "store/entity.h"
#include "testutil.h"

#define TODAY "2026-11-23"

static char *default_path;          /* the shared 600-account book */
static struct demo_stats default_stats;

static void
generate(struct store *s, int accounts, int csms, uint64_t seed, struct demo_stats *stats)
{
	struct demo_opts o = { accounts, csms, seed };
	struct demo_stats local;
	struct err e = { ST_OK, "" };

	ck_assert_msg(demo_generate(s, &o, stats ? stats : &local, &e) == ST_OK, "demo: %s", e.msg);
}

static void
make_default_book(void)
{
	struct store *s;

	default_path = tu_path("default.db");
	s = tu_open(default_path, TODAY);
	generate(s, DEMO_DEFAULT_ACCOUNTS, DEMO_DEFAULT_CSMS, 1, &default_stats);
	store_close(s);
}

static void
free_default_book(void)
{
	free(default_path);
	default_path = NULL;
}

static struct store *
open_default(void)
{
	return tu_open(default_path, TODAY);
}

/* -- determinism ----------------------------------------------------------- */

START_TEST(test_same_seed_same_book)
{
	struct store *a = tu_open(NULL, TODAY), *b = tu_open(NULL, TODAY), *c = tu_open(NULL, TODAY);
	char *da, *db, *dc;

	generate(a, 150, 4, 42, NULL);
	generate(b, 150, 4, 42, NULL);
	generate(c, 150, 4, 43, NULL);
	da = tu_dump(a);
	db = tu_dump(b);
	dc = tu_dump(c);
	ck_assert_msg(!strcmp(da, db), "same seed, different books");
	ck_assert_msg(strcmp(da, dc) != 0, "different seeds, same book");
	/* Same accounts and segments whatever the seed; different details. */
	ck_assert_int_eq(tu_int(c, "SELECT count(*) FROM accounts"), 150);
	free(da);
	free(db);
	free(dc);
	store_close(a);
	store_close(b);
	store_close(c);
}
END_TEST

/* -- options and refusal --------------------------------------------------- */

START_TEST(test_bad_options)
{
	struct store *s = tu_open(NULL, TODAY);
	struct demo_stats st;
	struct err e = { ST_OK, "" };
	struct demo_opts bad[] = {
		{ 0, 8, 1 }, { -3, 8, 1 }, { DEMO_MAX_ACCOUNTS + 1, 8, 1 },
		{ 10, 0, 1 }, { 10, DEMO_MAX_CSMS + 1, 1 },
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(demo_generate(s, &bad[i], &st, &e), ST_USAGE);
		ck_assert(strstr(e.msg, "must be between") != NULL);
	}
	ck_assert_int_eq(demo_generate(s, NULL, &st, &e), ST_USAGE);
	/* Nothing was written by the refusals. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log"), 0);
	store_close(s);
}
END_TEST

START_TEST(test_refuses_non_empty_book)
{
	struct store *s = tu_open(NULL, TODAY);
	struct demo_opts o = { 5, 1, 1 };
	struct demo_stats st;
	struct err e = { ST_OK, "" };
	int64_t rows = 0;

	generate(s, 5, 1, 1, NULL);
	ck_assert_int_eq(demo_generate(s, &o, &st, &e), ST_DATA);
	ck_assert(strstr(e.msg, "already holds accounts or users") != NULL);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts"), 5);
	store_close(s);

	/* A single user is enough to refuse. */
	s = tu_open(NULL, TODAY);
	ck_assert_uint_eq(tu_import(s, &entity_user, "login,name\nbob,Bob\n", &rows, NULL), 0);
	ck_assert_int_eq(demo_generate(s, &o, &st, &e), ST_DATA);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts"), 0);
	store_close(s);
}
END_TEST

START_TEST(test_small_book)
{
	struct store *s = tu_open(NULL, TODAY);
	struct demo_stats st;

	generate(s, 5, 1, 7, &st);
	ck_assert_int_eq(st.accounts, 5);
	ck_assert_int_eq(st.users, 2);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts"), 5);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE role = 'csm'"), 1);
	/* Everyone is owned by the one CSM, or pooled. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE owner_id IS NOT NULL AND "
				   "owner_id <> (SELECT id FROM users WHERE role = 'csm')"), 0);
	/* Even a tiny book shows an accented, a CJK and a very long name. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE length(name) > 70"), 1);
	ck_assert_int_ge(tu_int(s, "SELECT count(*) FROM accounts WHERE name GLOB '*[^ -~]*'"), 2);
	/* The stats count every row written, list elements included. */
	ck_assert_int_eq(st.rows,
		tu_int(s, "SELECT (SELECT count(*) FROM teams) + (SELECT count(*) FROM users) + "
			  "(SELECT count(*) FROM accounts) + (SELECT count(*) FROM account_tags) + "
			  "(SELECT count(*) FROM contacts) + (SELECT count(*) FROM contact_roles) + "
			  "(SELECT count(*) FROM contracts) + (SELECT count(*) FROM arr_events) + "
			  "(SELECT count(*) FROM renewals) + (SELECT count(*) FROM invoices) + "
			  "(SELECT count(*) FROM opportunities) + (SELECT count(*) FROM usage) + "
			  "(SELECT count(*) FROM tickets) + (SELECT count(*) FROM surveys) + "
			  "(SELECT count(*) FROM touchpoints) + (SELECT count(*) FROM touchpoint_attendees) + "
			  "(SELECT count(*) FROM advocacy_events) + (SELECT count(*) FROM tasks) + "
			  "(SELECT count(*) FROM task_items) + (SELECT count(*) FROM risks) + "
			  "(SELECT count(*) FROM success_plans) + (SELECT count(*) FROM objectives) + "
			  "(SELECT count(*) FROM milestones) + (SELECT count(*) FROM kpis)"));
	/* One bulk audit record, no per-row ones. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log"), 1);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log WHERE op = 'bulk' AND action = 'demo'"), 1);
	store_close(s);
}
END_TEST

/* -- the default book -------------------------------------------------------- */

START_TEST(test_team)
{
	struct store *s = open_default();

	ck_assert_int_eq(default_stats.users, 9);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM teams"), 1);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE role = 'lead'"), 1);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE role = 'csm'"), 8);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE team_id IS NULL"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE segment = 'enterprise'"), 2);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE segment = 'mid_market'"), 3);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE segment = 'smb'"), 3);
	/* Logins are first.last in ASCII even for accented names. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM users WHERE login GLOB '*[^a-z.-]*' "
				   "OR login NOT LIKE '%.%'"), 0);
	ck_assert_int_ge(tu_int(s, "SELECT count(*) FROM users WHERE name GLOB '*[^ -~]*'"), 1);
	/* Accounts go to CSMs of their segment; a fifth of SMB is pooled. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a JOIN users u ON u.id = a.owner_id "
				   "WHERE u.segment <> a.segment"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE owner_id IS NULL"), 60);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE owner_id IS NULL AND "
				   "(segment <> 'smb' OR service_package <> 'free')"), 0);
	store_close(s);
}
END_TEST

START_TEST(test_segments_and_arr)
{
	struct store *s = open_default();
	int64_t n = tu_int(s, "SELECT count(*) FROM accounts");
	int64_t ent = tu_int(s, "SELECT count(*) FROM accounts WHERE segment = 'enterprise'");
	int64_t mid = tu_int(s, "SELECT count(*) FROM accounts WHERE segment = 'mid_market'");
	int64_t smb = tu_int(s, "SELECT count(*) FROM accounts WHERE segment = 'smb'");
	int64_t share;

	ck_assert_int_eq(n, 600);
	ck_assert_int_eq(default_stats.accounts, 600);
	ck_assert_int_le(llabs(ent * 100 - 15 * n), 2 * n);
	ck_assert_int_le(llabs(mid * 100 - 35 * n), 2 * n);
	ck_assert_int_le(llabs(smb * 100 - 50 * n), 2 * n);
	/* Enterprise is a minority of logos and a majority of ARR (§7). */
	share = tu_int(s, "SELECT 100 * sum(CASE WHEN a.segment = 'enterprise' THEN e.arr_delta_cents END) "
			  "/ sum(e.arr_delta_cents) FROM arr_events e JOIN accounts a ON a.id = e.account_id "
			  "WHERE e.date < '" TODAY "'");
	ck_assert_int_gt(share, 50);
	/* Touch model follows the segment. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE touch_model <> CASE segment "
				   "WHEN 'enterprise' THEN 'high' WHEN 'mid_market' THEN 'low' ELSE 'tech' END"), 0);
	/* Every lifecycle stage, churned included. */
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT stage) FROM accounts"), 6);
	store_close(s);
}
END_TEST

START_TEST(test_ledger)
{
	struct store *s = open_default();

	/* No account's running ARR ever goes negative. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM (SELECT sum(arr_delta_cents) OVER "
				   "(PARTITION BY account_id ORDER BY date, id) AS arr FROM arr_events) WHERE arr < 0"), 0);
	/* Churned accounts are at zero today; all others above. */
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM accounts WHERE stage = 'churned'"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a WHERE stage = 'churned' AND "
				   "(SELECT sum(arr_delta_cents) FROM arr_events e WHERE e.account_id = a.id "
				   "AND e.date < '" TODAY "') <> 0"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a WHERE stage <> 'churned' AND "
				   "(SELECT sum(arr_delta_cents) FROM arr_events e WHERE e.account_id = a.id "
				   "AND e.date < '" TODAY "') <= 0"), 0);
	/* Every kind of ledger event, and the ledger starts with the first contract. */
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT kind) FROM arr_events"), 5);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a WHERE initial_contract_date <> "
				   "(SELECT min(date) FROM arr_events e WHERE e.account_id = a.id)"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a WHERE (SELECT kind FROM arr_events e "
				   "WHERE e.account_id = a.id ORDER BY date, id LIMIT 1) <> 'new'"), 0);
	/* History reaches back years, and nothing is dated in the future. */
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM arr_events WHERE date < date('" TODAY "', '-4 years')"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM arr_events WHERE date >= '" TODAY "'"), 0);
	/* A contract's ARR is the ARR it adds for its whole term. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM contracts c WHERE arr_cents <> (SELECT "
				   "sum(arr_delta_cents) FROM arr_events e WHERE e.account_id = c.account_id AND "
				   "e.date <= c.start_date) AND NOT EXISTS (SELECT 1 FROM contracts o WHERE "
				   "o.account_id = c.account_id AND o.id <> c.id AND o.start_date <= c.end_date "
				   "AND o.end_date >= c.start_date)"), 0);
	store_close(s);
}
END_TEST

START_TEST(test_renewals)
{
	struct store *s = open_default();

	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT forecast_category) FROM renewals "
				   "WHERE stage NOT IN ('won', 'lost')"), 4);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT stage) FROM renewals"), 5);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM renewals WHERE stage IN ('won', 'lost') AND "
				   "(closed_date IS NULL OR final_arr_cents IS NULL)"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM renewals WHERE stage = 'won' AND closed_date > due_date"), 0);
	/* A lost renewal is a churn of everything, with a reason, on its due date. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM renewals r WHERE stage = 'lost' AND (final_arr_cents <> 0 "
				   "OR churn_reason IS NULL OR NOT EXISTS (SELECT 1 FROM arr_events e WHERE "
				   "e.account_id = r.account_id AND e.date = r.due_date AND e.kind = 'churn' AND "
				   "e.arr_delta_cents = -r.target_arr_cents))"), 0);
	/* An upsell or a downsell is the ledger event of its due date. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM renewals r WHERE stage = 'won' AND "
				   "final_arr_cents <> target_arr_cents AND NOT EXISTS (SELECT 1 FROM arr_events e "
				   "WHERE e.account_id = r.account_id AND e.date = r.due_date AND e.kind = CASE WHEN "
				   "r.final_arr_cents > r.target_arr_cents THEN 'expansion' ELSE 'contraction' END AND "
				   "e.arr_delta_cents = r.final_arr_cents - r.target_arr_cents)"), 0);
	/* Every live account has exactly one open renewal, with its contract and owner. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a WHERE stage <> 'churned' AND (SELECT "
				   "count(*) FROM renewals r WHERE r.account_id = a.id AND r.stage NOT IN "
				   "('won', 'lost')) <> 1"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM renewals r JOIN accounts a ON a.id = r.account_id "
				   "WHERE r.contract_id IS NULL OR r.owner_id IS NOT a.owner_id"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM renewals WHERE stage NOT IN ('won', 'lost') AND "
				   "due_date < date('" TODAY "', '-60 days')"), 0);
	store_close(s);
}
END_TEST

START_TEST(test_every_status)
{
	struct store *s = open_default();

	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT status) FROM tasks"), 4);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT kind) FROM tasks"), 6);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT priority) FROM tasks"), 4);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM tasks WHERE source <> 'demo'"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM task_items"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM tasks WHERE account_id IS NULL"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT status) FROM success_plans"), 5);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT status) FROM milestones"), 5);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM kpis"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT status) FROM risks"), 3);
	ck_assert_int_ge(tu_int(s, "SELECT count(DISTINCT category) FROM risks"), 8);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT stage) FROM opportunities"), 5);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT priority) FROM tickets"), 4);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM tickets WHERE priority = 'p1' AND closed_date IS NULL"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(DISTINCT kind) FROM surveys"), 2);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM surveys WHERE kind = 'csat' AND ticket_id IS NOT NULL"), 0);
	ck_assert_int_ge(tu_int(s, "SELECT count(DISTINCT kind) FROM touchpoints"), 8);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM advocacy_events"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM invoices WHERE paid_date IS NULL AND due_date < '" TODAY "'"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM health_snapshots"), 0);
	store_close(s);
}
END_TEST

START_TEST(test_contacts_and_names)
{
	struct store *s = open_default();
	char sql[256];

	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts a WHERE (SELECT count(*) FROM contacts c "
				   "WHERE c.account_id = a.id) < 2"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM contacts c JOIN contact_roles r ON r.contact_id = c.id "
				   "WHERE r.role = 'champion' AND c.status = 'left' AND c.left_on IS NOT NULL"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM contacts c JOIN contact_roles r ON r.contact_id = c.id "
				   "WHERE r.role = 'executive_sponsor' AND c.is_executive = 0"), 0);
	/* Accents, CJK and very long names, in accounts and contacts. */
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM accounts WHERE instr(name, 'é') OR instr(name, 'ü') "
				   "OR instr(name, 'ñ') OR instr(name, 'Ñ') OR instr(name, 'ø') OR instr(name, 'ã')"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM accounts WHERE instr(name, '株式会社') OR "
				   "instr(name, '有限公司') OR instr(name, '주식회사')"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM accounts WHERE length(name) > 70"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM contacts WHERE name GLOB '*[^ -~]*'"), 0);
	/* No control or bidi-override characters anywhere a name or text shows. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE name GLOB '*[' || char(1) || '-' || "
				   "char(31) || char(127) || ']*'"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM touchpoints WHERE summary GLOB '*[' || char(1) || '-' || "
				   "char(31) || ']*'"), 0);
	for (int cp = 0x202a; cp <= 0x2069; cp = cp == 0x202e ? 0x2066 : cp + 1) {
		snprintf(sql, sizeof(sql), "SELECT (SELECT count(*) FROM accounts WHERE instr(name, char(%d))) + "
			 "(SELECT count(*) FROM contacts WHERE instr(name, char(%d)))", cp, cp);
		ck_assert_int_eq(tu_int(s, sql), 0);
	}
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM accounts WHERE external_id NOT GLOB 'CRM-[0-9][0-9][0-9][0-9][0-9][0-9]'"), 0);
	store_close(s);
}
END_TEST

START_TEST(test_activity)
{
	struct store *s = open_default();

	/* Weekly usage on Mondays, within two years, never after a churn. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM usage WHERE period <> 'week' OR strftime('%w', date) <> '1'"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT max(n) FROM (SELECT count(*) AS n FROM usage GROUP BY account_id)"), 104);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM usage WHERE date < date('" TODAY "', '-735 days') "
				   "OR date > '" TODAY "'"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM usage u JOIN accounts a ON a.id = u.account_id "
				   "WHERE a.stage = 'churned' AND u.date >= a.stage_since"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM usage WHERE activated_seats > assigned_seats OR "
				   "assigned_seats > licensed_seats OR active_users > activated_seats OR "
				   "advanced_features_used > advanced_features_entitled"), 0);
	/* The archetypes show: some accounts use most seats, others a fraction. */
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM usage WHERE date >= date('" TODAY "', '-7 days') AND "
				   "activated_seats * 100 >= 80 * licensed_seats"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM usage WHERE date >= date('" TODAY "', '-7 days') AND "
				   "activated_seats * 100 <= 25 * licensed_seats"), 0);
	/* Touchpoints are written by the account's CSM; some accounts have
	 * gone 90 days without an executive touch. */
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM touchpoints t JOIN accounts a ON a.id = t.account_id "
				   "WHERE a.owner_id IS NOT NULL AND t.author_id IS NOT a.owner_id"), 0);
	ck_assert_int_gt(tu_int(s, "SELECT count(*) FROM accounts a WHERE a.segment = 'enterprise' AND "
				   "a.stage <> 'churned' AND NOT EXISTS (SELECT 1 FROM touchpoints t JOIN "
				   "touchpoint_attendees ta ON ta.touchpoint_id = t.id JOIN contacts c ON "
				   "c.id = ta.contact_id WHERE t.account_id = a.id AND c.is_executive = 1 AND "
				   "t.date >= date('" TODAY "', '-90 days'))"), 0);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM touchpoints WHERE date >= '" TODAY "'"), 0);
	store_close(s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("demo");
	TCase *gen = tcase_create("generator");
	TCase *book = tcase_create("default book");

	tcase_add_test(gen, test_same_seed_same_book);
	tcase_add_test(gen, test_bad_options);
	tcase_add_test(gen, test_refuses_non_empty_book);
	tcase_add_test(gen, test_small_book);
	suite_add_tcase(s, gen);

	tcase_add_unchecked_fixture(book, make_default_book, free_default_book);
	tcase_add_test(book, test_team);
	tcase_add_test(book, test_segments_and_arr);
	tcase_add_test(book, test_ledger);
	tcase_add_test(book, test_renewals);
	tcase_add_test(book, test_every_status);
	tcase_add_test(book, test_contacts_and_names);
	tcase_add_test(book, test_activity);
	suite_add_tcase(s, book);
	return tu_run(s);
}
