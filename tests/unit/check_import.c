/*
 * check_import.c -- CSV import: every kind of mistake gets its own clear
 * message at file:line:column, all problems are reported at once, and a
 * file with any problem writes nothing at all.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/import.h"
#include "domain/import_fmt.h"
#include "core/buf.h"
#include "testutil.h"

static struct store *book;

static void
setup(void)
{
	book = tu_open(NULL, "2026-11-23");
	ck_assert_uint_eq(tu_import(book, &entity_user, "login,name\namara,Amara\n", NULL, NULL), 0);
	ck_assert_uint_eq(tu_import(book, &entity_account,
		"external_id,name,segment,owner\nCRM-1,Acme,enterprise,amara\nCRM-2,Beta,smb,\n",
		NULL, NULL), 0);
	ck_assert_uint_eq(tu_import(book, &entity_contact,
		"account,name,email\nCRM-1,Dana,dana@acme.test\nCRM-2,Eve,eve@beta.test\n", NULL, NULL), 0);
}

static void
teardown(void)
{
	store_close(book);
}

/* Import csv; the report must be exactly `expect` and nothing may change. */
static void
expect_problems(const struct entity *ent, const char *csv, const char *expect)
{
	char *before = tu_dump(book), *after, *report;
	int64_t rows = -1;

	ck_assert_uint_gt(tu_import(book, ent, csv, &rows, &report), 0);
	ck_assert_str_eq(report, expect);
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a failed import changed the book");
	free(before);
	free(after);
	free(report);
}

START_TEST(test_bad_date)
{
	expect_problems(&entity_arr_event,
		"account,date,kind,arr_delta\nCRM-1,2024-01-01,new,100\nCRM-1,2024-13-01,expansion,5\n",
		"t.csv:3:7: date: '2024-13-01' is not a date (expected YYYY-MM-DD)\n");
	expect_problems(&entity_arr_event,
		"account,date,kind,arr_delta\nCRM-1,01/02/2024,new,100\n",
		"t.csv:2:7: date: '01/02/2024' is not a date (expected YYYY-MM-DD)\n");
}
END_TEST

START_TEST(test_unknown_account)
{
	expect_problems(&entity_touchpoint,
		"account,date,kind\nCRM-1,2026-11-01,call\nCRM-404,2026-11-02,call\n",
		"t.csv:3:1: account: unknown account 'CRM-404'\n");
}
END_TEST

START_TEST(test_bad_money)
{
	expect_problems(&entity_contract,
		"account,start_date,end_date,arr\n"
		"CRM-1,2025-01-01,2026-01-01,\"12,000\"\n"
		"CRM-1,2025-01-01,2026-01-01,$500\n"
		"CRM-1,2025-01-01,2026-01-01,10.999\n",
		"t.csv:2:29: arr: '12,000' is not an amount: thousands separators are not allowed (write 12000.50)\n"
		"t.csv:3:29: arr: '$500' is not an amount: expected digits (like 12000.50)\n"
		"t.csv:4:29: arr: '10.999' is not an amount: more than two decimals\n");
}
END_TEST

START_TEST(test_wrong_column_count)
{
	expect_problems(&entity_account,
		"external_id,name,segment\nCRM-3,Gamma,smb\nCRM-4,Delta\nCRM-5,Eps,smb,extra\n",
		"t.csv:3: expected 3 fields (as in the header), found 2\n"
		"t.csv:4: expected 3 fields (as in the header), found 4\n");
}
END_TEST

START_TEST(test_header_problems)
{
	expect_problems(&entity_account, "external_id,nme,segment,segment\nCRM-3,Gamma,smb,smb\n",
		"t.csv:1:13: unknown column 'nme' for account; did you mean 'name'?\n"
		"t.csv:1:25: column 'segment' appears twice\n"
		"t.csv:1: missing required column 'name' for account\n");
	expect_problems(&entity_account, "external_id,colour\nCRM-3,red\n",
		"t.csv:1:13: unknown column 'colour' for account (see 'tend help import')\n"
		"t.csv:1: missing required column 'name' for account\n"
		"t.csv:1: missing required column 'segment' for account\n");
}
END_TEST

START_TEST(test_values)
{
	expect_problems(&entity_account,
		"external_id,name,segment,stage,licensed_seats,owner,tags\n"
		"CRM-3,,enterprize,adoption,many,nobody,a;b\n",
		"t.csv:2:7: name: a value is required\n"
		"t.csv:2:8: segment: 'enterprize' is not allowed; did you mean 'enterprise'?\n"
		"t.csv:2:19: stage: 'adoption' is not allowed; did you mean 'adopt'?\n"
		"t.csv:2:28: licensed_seats: 'many' is not a whole number\n"
		"t.csv:2:33: owner: unknown user 'nobody'\n");
	expect_problems(&entity_contact, "account,name,roles,is_executive\nCRM-1,Al,champion;boss,maybe\n",
		"t.csv:2:10: roles: 'boss' is not allowed (expected one of: executive_sponsor, "
		"economic_buyer, champion, decision_maker, project_manager, admin, power_user, end_user)\n"
		"t.csv:2:24: is_executive: 'maybe' is not true or false\n");
	/* Contacts are found by email within the row's account only. */
	expect_problems(&entity_survey, "account,contact,date,kind,score\nCRM-1,eve@beta.test,2026-11-01,nps,9\n",
		"t.csv:2:7: contact: unknown contact 'eve@beta.test' in this account\n");
}
END_TEST

START_TEST(test_constraint_from_the_schema)
{
	/* Checks only the schema knows still come back with the line, in
	 * words: never the schema text SQLite quotes. */
	expect_problems(&entity_survey, "account,date,kind,score\nCRM-1,2026-11-01,csat,9\n",
		"t.csv:2: survey: an NPS score is 0 to 10, a CSAT score 1 to 5\n");
	expect_problems(&entity_arr_event, "account,date,kind,arr_delta\nCRM-1,2026-11-01,new,-5\n",
		"t.csv:2: arr_event: new, expansion and reactivation add ARR (arr_delta 0 or more); "
		"contraction and churn take it away (arr_delta 0 or less)\n");
	/* A new id (so no match) with an external id the book has. */
	expect_problems(&entity_account, "id,external_id,name,segment\n99,CRM-1,Again,smb\n",
		"t.csv:2: account: one already exists with the same accounts.external_id\n");
}
END_TEST

START_TEST(test_malformed_file)
{
	expect_problems(&entity_account, "external_id,name,segment\nCRM-3,\"Gamma,smb\n",
		"t.csv:2:7: a quoted field is never closed\n");
	expect_problems(&entity_account, "external_id,name,segment\nCRM-3,Caf\xe9,smb\n",
		"t.csv:2:10: byte 0xE9 is not valid UTF-8 (if the file is Latin-1 or Windows-1252, say --encoding windows-1252)\n");
}
END_TEST

START_TEST(test_good_import_defaults_and_lists)
{
	int64_t rows;
	char *v;

	ck_assert_uint_eq(tu_import(book, &entity_task,
		"account,title,owner\nCRM-1,Call Dana,amara\n,Internal,\n", &rows, NULL), 0);
	ck_assert_int_eq(rows, 2);
	/* created_on defaults to today and source to import. */
	v = tu_text(book, "SELECT group_concat(created_on || ' ' || source || ' ' || status, '|') FROM tasks");
	ck_assert_str_eq(v, "2026-11-23 import open|2026-11-23 import open");
	free(v);
	ck_assert_uint_eq(tu_import(book, &entity_touchpoint,
		"account,date,kind,attendees\nCRM-1,2026-11-20,meeting, dana@acme.test ; \n", &rows, NULL), 0);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM touchpoint_attendees"), 1);
	ck_assert_uint_eq(tu_import(book, &entity_account,
		"external_id,name,segment,tags\nCRM-9,Nine,smb,b;a;b\n", &rows, NULL), 0);
	v = tu_text(book, "SELECT group_concat(tag) FROM account_tags");
	ck_assert_str_eq(v, "a,b");
	free(v);
	/* The touch model follows the segment unless the file says otherwise. */
	ck_assert_uint_eq(tu_import(book, &entity_account,
		"external_id,name,segment,touch_model\nE-1,Ent,enterprise,\nM-1,Mid,mid_market,high\n",
		&rows, NULL), 0);
	v = tu_text(book, "SELECT group_concat(external_id || '=' || touch_model, ' ') FROM accounts "
			  "WHERE external_id IN ('E-1', 'M-1', 'CRM-9')");
	ck_assert_str_eq(v, "CRM-9=tech E-1=high M-1=high");
	free(v);
}
END_TEST

START_TEST(test_everything_or_nothing)
{
	char *report;

	/* 1000 good rows and one bad one: none of them lands. */
	struct buf csv;

	buf_init(&csv);
	buf_adds(&csv, "external_id,name,segment\n");
	for (int i = 0; i < 1000; i++)
		buf_addf(&csv, "X-%d,Account %d,smb\n", i, i);
	buf_adds(&csv, "X-bad,Bad,galaxy\n");
	ck_assert_uint_eq(tu_import(book, &entity_account, csv.data, NULL, &report), 1);
	ck_assert_str_eq(report, "t.csv:1002:11: segment: 'galaxy' is not allowed "
				 "(expected one of: enterprise, mid_market, smb)\n");
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM accounts"), 2);
	free(report);
	buf_done(&csv);
}
END_TEST

/* The values of other systems' exports, to canonical text. */
START_TEST(test_formats)
{
	char out[64];
	const char *why = NULL;

	ck_assert(fmt_date("3/1/2022", "%m/%d/%Y", out));
	ck_assert_str_eq(out, "2022-03-01");
	ck_assert(fmt_date("01.03.2022", "%d.%m.%Y", out));
	ck_assert_str_eq(out, "2022-03-01");
	ck_assert(fmt_date("2026-11-01 09:12:44 -0700", "iso", out));
	ck_assert_str_eq(out, "2026-11-01");
	ck_assert(fmt_date("2026-11-01T23:59:59.123+05:30", "iso", out));
	ck_assert_str_eq(out, "2026-11-01");
	ck_assert(fmt_date("2026-11-01T00:00:00Z", "iso", out));
	ck_assert(fmt_date("2026-11-01", "iso", out));
	ck_assert(fmt_date("5 Mar 2024", "%d %b %Y", out));
	ck_assert_str_eq(out, "2024-03-05");
	ck_assert(!fmt_date("2/30/2022", "%m/%d/%Y", out));      /* no such day */
	ck_assert(!fmt_date("13/1/2022", "%m/%d/%Y", out));
	ck_assert(!fmt_date("3/1/2022 10:00", "%m/%d/%Y", out)); /* a time the format lacks */
	ck_assert(!fmt_date("2026-11-01 25:00", "iso", out));
	ck_assert(!fmt_date("2026-11-01T10:00+99", "iso", out));

	ck_assert(fmt_money("$12,000.50", '.', ',', out, sizeof(out), &why));
	ck_assert_str_eq(out, "12000.50");
	ck_assert(fmt_money("12.000,50 \xe2\x82\xac", ',', '.', out, sizeof(out), &why));
	ck_assert_str_eq(out, "12000.50");
	ck_assert(fmt_money("(300)", '.', ',', out, sizeof(out), &why));
	ck_assert_str_eq(out, "-300");
	ck_assert(fmt_money("USD -1,250", '.', ',', out, sizeof(out), &why));
	ck_assert_str_eq(out, "-1250");
	ck_assert(fmt_money("\xc2\xa3 99.9", '.', ',', out, sizeof(out), &why));
	ck_assert_str_eq(out, "99.9");
	ck_assert(!fmt_money("12.345.67", '.', ',', out, sizeof(out), &why));
	ck_assert_str_eq(why, "two decimal separators");
	ck_assert(!fmt_money("1.005", '.', ',', out, sizeof(out), &why));
	ck_assert_str_eq(why, "more than two decimals");
	ck_assert(!fmt_money("twelve", '.', ',', out, sizeof(out), &why));

	ck_assert(fmt_number("1,200", ',', out, sizeof(out), &why));
	ck_assert_str_eq(out, "1200");
	ck_assert(fmt_number("1.200", '.', out, sizeof(out), &why));
	ck_assert_str_eq(out, "1200");
	ck_assert(!fmt_number("12.5", ',', out, sizeof(out), &why));

	strcpy(out, "Mid-Market");
	fmt_enum_fold(out);
	ck_assert_str_eq(out, "mid_market");
	strcpy(out, "0015g00000AcMeAQAB");
	fmt_salesforce_id(out);
	ck_assert_str_eq(out, "0015g00000AcMeA");
	strcpy(out, "CRM-0000000000001");
	fmt_salesforce_id(out);
	ck_assert_str_eq(out, "CRM-0000000000001");
}
END_TEST

/* import_csv() itself, as `tend import` calls it: a dry run checks and
 * counts but writes nothing, an empty file is a problem, and an entity that
 * cannot be imported is refused before anything is read. */
START_TEST(test_dry_run_empty_file_and_refusal)
{
	static const char good[] = "external_id,name,segment\nX-1,One,smb\nX-2,Two,smb\n";
	struct import_input in = { .ent = &entity_account, .dry_run = true };
	struct err e = { ST_OK, "" };
	char *before = tu_dump(book), *after;
	struct diag d;
	int64_t rows = -1;
	struct import_result res;

	in.fp = fmemopen((void *)good, strlen(good), "r");
	diag_init(&d, "good.csv");
	ck_assert_int_eq(import_csv(book, &in, &d, &res, &e), ST_OK);
	rows = res.counts.n[IMP_INSERTED];
	import_result_done(&res);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(rows, 2);
	fclose(in.fp);
	diag_done(&d);
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a dry run changed the book");
	free(after);

	in.dry_run = false;
	in.fp = fmemopen((void *)"\n", 1, "r");
	diag_init(&d, "empty.csv");
	ck_assert_int_eq(import_csv(book, &in, &d, &res, &e), ST_DATA);
	ck_assert_str_eq(e.msg, "nothing was imported: 1 problem in empty.csv");
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.items[0].text, "empty.csv:1: the file is empty (expected a header row; "
					  "see 'tend export account --template')");
	fclose(in.fp);
	diag_done(&d);

	in.ent = &entity_audit;
	in.fp = fmemopen((void *)good, strlen(good), "r");
	diag_init(&d, "audit.csv");
	ck_assert_int_eq(import_csv(book, &in, &d, &res, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "audit cannot be imported");
	fclose(in.fp);
	diag_done(&d);
	after = tu_dump(book);
	ck_assert_msg(!strcmp(before, after), "a refused import changed the book");
	free(before);
	free(after);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_bad_date);
	tcase_add_test(tc, test_unknown_account);
	tcase_add_test(tc, test_bad_money);
	tcase_add_test(tc, test_wrong_column_count);
	tcase_add_test(tc, test_header_problems);
	tcase_add_test(tc, test_values);
	tcase_add_test(tc, test_constraint_from_the_schema);
	tcase_add_test(tc, test_malformed_file);
	tcase_add_test(tc, test_good_import_defaults_and_lists);
	tcase_add_test(tc, test_everything_or_nothing);
	tcase_add_test(tc, test_dry_run_empty_file_and_refusal);
	tcase_add_test(tc, test_formats);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
