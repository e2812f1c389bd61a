/*
 * check_audit.c -- the audit records of the write path (store/wtx_audit.c,
 * store/audit_chain.c): the hash computed in C is the SQL function's, the
 * row JSON built in C is what json_object() and json_patch() wrote, and the
 * chain verifies after a large import, an undo of it and the actions after.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/undo.h"
#include "core/buf.h"
#include "store/row.h"
#include "store/wtx.h"
#include "store/audit.h"
#include "store/store_int.h"
#include "store/wtx_int.h"
#include "testutil.h"

static struct store *book;

static void
setup(void)
{
	book = tu_open(NULL, "2026-11-23");
	ck_assert_uint_eq(tu_import(book, &entity_user, "login,name\namara,Amara\n", NULL, NULL), 0);
}

static void
teardown(void)
{
	store_close(book);
}

static void
bind_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

START_TEST(test_hash_row_is_the_sql_function)
{
	static const struct audit_row rows[] = {
		{ NULL, 1, "2026-11-23T09:30:00Z", "amara", "import account", "accounts", 7, "insert",
		  NULL, "{\"id\":7,\"name\":\"Acme\"}" },
		{ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 123456789012,
		  "2026-11-23T09:30:00Z", "amara", "demo", NULL, 0, "bulk", NULL, "{\"accounts\": 3}" },
		{ "x", 2, "", "", "", "", -5, "update", "", "\xc3\xa9\n\"" },
	};
	sqlite3_stmt *st;
	char mine[65];

	ck_assert_int_eq(sqlite3_prepare_v2(tu_db(book), "SELECT tend_audit_hash(?1, ?2, ?3, ?4, ?5, ?6, "
					    "?7, ?8, ?9, ?10)", -1, &st, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct audit_row *r = &rows[i];

		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		bind_or_null(st, 1, r->prev);
		sqlite3_bind_int64(st, 2, r->id);
		bind_or_null(st, 3, r->at);
		bind_or_null(st, 4, r->actor);
		bind_or_null(st, 5, r->action);
		bind_or_null(st, 6, r->table);
		if (r->row_id)   /* as the write path binds it: 0 is no row */
			sqlite3_bind_int64(st, 7, r->row_id);
		bind_or_null(st, 8, r->op);
		bind_or_null(st, 9, r->old);
		bind_or_null(st, 10, r->new);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		audit_hash_row(r, mine);
		ck_assert_str_eq(mine, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
}
END_TEST

START_TEST(test_int_text_is_printfs)
{
	static const int64_t values[] = {
		0, 7, -1, 10, -10, 99, 100, 1234567890123, -987654321, INT64_MAX, INT64_MIN,
	};
	char mine[24], theirs[24];

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		size_t n = wtx_int_text(values[i], mine);

		snprintf(theirs, sizeof(theirs), "%lld", (long long)values[i]);
		ck_assert_str_eq(mine, theirs);
		ck_assert_uint_eq(n, strlen(theirs));
	}
}
END_TEST

/* Values of every kind, as members built in C and by SQLite. */
START_TEST(test_json_members_are_sqlites)
{
	static const char *const values[] = {
		"'plain'", "'quote \" and back\\slash / slash'", "char(1, 8, 9, 10, 12, 13, 31, 127)",
		"'caf\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80'", "''", "0", "-42", "9223372036854775807",
		"1.5", "0.1", "1e20", "-2.5e-7", "100.0", "NULL", "json_array()", "json_array('a', 1)",
	};
	sqlite3_stmt *st;
	char sql[256];

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		bool is_json = !strncmp(values[i], "json_", 5);

		for (int compact = 0; compact < 2; compact++) {
			struct buf out;
			int n = 0;

			snprintf(sql, sizeof(sql), compact ? "SELECT %s, json_patch('{}', json_object('k', 1, 'v', %s))"
				 : "SELECT %s, json_object('k', 1, 'v', %s)", values[i], values[i]);
			ck_assert_int_eq(sqlite3_prepare_v2(tu_db(book), sql, -1, &st, NULL), SQLITE_OK);
			ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
			buf_init(&out);
			buf_adds(&out, "{\"k\":1");
			n = 1;
			ck_assert_int_eq(wtx_json_member(&out, "v", st, 0, is_json, compact, &n), ST_OK);
			buf_addc(&out, '}');
			ck_assert_msg(!strcmp(out.data, (const char *)sqlite3_column_text(st, 1)),
				      "%s (compact %d): %s, SQLite %s", values[i], compact, out.data,
				      (const char *)sqlite3_column_text(st, 1));
			buf_done(&out);
			sqlite3_finalize(st);
		}
	}
}
END_TEST

/* What the write path stored before it built JSON in C: the row read back
 * through json_object(), null members patched away when compact. */
static char *
sql_row_json(const struct entity *ent, int64_t id, bool compact)
{
	struct buf sql;
	char *json;
	int n = 0;

	buf_init(&sql);
	buf_adds(&sql, compact ? "SELECT json_patch('{}', json_object(" : "SELECT json_object(");
	for (int i = 0; i < ent->nfields; i++) {
		const struct list_def *l = ent->fields[i].list;

		if (l)
			buf_addf(&sql, "%s'%s', json((SELECT json_group_array(%s) FROM (SELECT %s FROM %s "
				 "WHERE %s = a.id ORDER BY %s)))", n++ ? ", " : "", ent->fields[i].name,
				 l->value, l->value, l->table, l->parent, l->value);
		if (ent->fields[i].column)
			buf_addf(&sql, "%s'%s', %s", n++ ? ", " : "", ent->fields[i].column,
				 ent->fields[i].column);
	}
	buf_addf(&sql, ")%s FROM %s a WHERE id = %lld", compact ? ")" : "", ent->table, (long long)id);
	json = tu_text(book, sql.data);
	buf_done(&sql);
	return json;
}

/* Every audited insert of ent's rows holds what SQLite gives for them. */
static void
expect_inserts_as_sqlite(const struct entity *ent, bool compact)
{
	char q[160];
	int64_t rows;

	snprintf(q, sizeof(q), "SELECT count(*) FROM audit_log WHERE table_name = '%s' AND op = 'insert'",
		 ent->table);
	rows = tu_int(book, q);
	ck_assert_int_gt(rows, 0);
	for (int64_t k = 0; k < rows; k++) {
		char *want, *got;
		int64_t id;

		snprintf(q, sizeof(q), "SELECT row_id FROM audit_log WHERE table_name = '%s' AND op = 'insert' "
			 "ORDER BY id LIMIT 1 OFFSET %lld", ent->table, (long long)k);
		id = tu_int(book, q);
		snprintf(q, sizeof(q), "SELECT new FROM audit_log WHERE table_name = '%s' AND op = 'insert' "
			 "AND row_id = %lld", ent->table, (long long)id);
		got = tu_text(book, q);
		want = sql_row_json(ent, id, compact);
		ck_assert_str_eq(got, want);
		free(want);
		free(got);
	}
}

/* A new row's JSON is written from its values where the table says how it
 * stores them, and read back where it does not: either way, SQLite's. */
START_TEST(test_new_rows_json_from_their_values)
{
	struct err e = { ST_OK, "" };
	struct row r;
	int64_t id;

	ck_assert_uint_eq(tu_import(book, &entity_account, "external_id,name,segment,currency\n"
				    "CRM-1,Acme,smb,EUR\n", NULL, NULL), 0);
	/* The defaults of the columns the file leaves out (currency...). */
	ck_assert_uint_eq(tu_import(book, &entity_account, "external_id,name,segment\n"
				    "CRM-2,\"Beta \"\"the\"\" \\ one\",enterprise\n", NULL, NULL), 0);
	/* Reals as SQLite writes them, defaults (period), nulls dropped. */
	ck_assert_uint_eq(tu_import(book, &entity_usage,
		"account,date,period,active_users,metric_name,metric_value\n"
		"CRM-1,2026-11-01,day,5,logins,0.1\nCRM-1,2026-11-02,day,,logins,1e20\n"
		"CRM-2,2026-11-01,month,0,x,3\nCRM-2,2026-11-02,week,7,,-2.5e-7\n"
		"CRM-2,2026-11-03,day,,y,100\nCRM-2,2026-11-04,day,1,,\n", NULL, NULL), 0);
	ck_assert_uint_eq(tu_import(book, &entity_usage, "account,date,active_users\nCRM-1,2026-11-09,3\n",
				    NULL, NULL), 0);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM usage WHERE period = 'week'"), 2);
	expect_inserts_as_sqlite(&entity_usage, true);
	expect_inserts_as_sqlite(&entity_account, true);
	/* One row at a time (every member, nulls too), with values the table
	 * converts (an integer into a text column): read back. */
	row_init(&r, &entity_account);
	row_text(&r, "external_id", "CRM-3");
	row_int(&r, "name", 42);
	row_text(&r, "segment", "smb");
	row_null(&r, "industry");
	ck_assert_int_eq(wtx_insert_one(book, "test", &r, &id, &e), ST_OK);
	row_reset(&r);
	row_text(&r, "external_id", "CRM-4");
	row_text(&r, "name", "Four");
	row_text(&r, "segment", "smb");
	row_int(&r, "licensed_seats", 12);
	ck_assert_int_eq(wtx_insert_one(book, "test", &r, &id, &e), ST_OK);
	row_done(&r);
	{
		char *want = sql_row_json(&entity_account, id, false);
		char *got = tu_text(book, "SELECT new FROM audit_log WHERE action = 'test' ORDER BY id DESC LIMIT 1");

		ck_assert_str_eq(got, want);
		free(want);
		free(got);
		want = sql_row_json(&entity_account, id - 1, false);
		got = tu_text(book, "SELECT new FROM audit_log WHERE action = 'test' ORDER BY id LIMIT 1");
		ck_assert_str_eq(got, want);
		ck_assert_ptr_nonnull(strstr(got, "\"name\":\"42\""));
		free(want);
		free(got);
	}
}
END_TEST

static void
expect_chain_holds(int64_t rows)
{
	struct audit_verdict v;
	struct err e = { ST_OK, "" };

	ck_assert_int_eq(store_audit_verify(book, false, &v, &e), ST_OK);
	ck_assert_msg(audit_verdict_ok(&v), "the chain breaks at row %lld", (long long)v.broken_id);
	ck_assert_int_eq(v.rows, rows);
	ck_assert_int_eq(tu_int(book, "SELECT max(id) FROM audit_log"), rows);
}

START_TEST(test_chain_after_a_big_import_and_its_undo)
{
	struct undo_result u;
	struct err e = { ST_OK, "" };
	int64_t before = tu_int(book, "SELECT count(*) FROM audit_log"), rows;
	struct buf csv;

	buf_init(&csv);
	buf_adds(&csv, "external_id,name,segment,industry,licensed_seats,notes,tags\n");
	/* Some rows with tags (their arrays are read), most without. */
	for (int i = 0; i < 3000; i++)
		buf_addf(&csv, "A-%d,\"Account \"\"%d\"\"\",%s,%s,%d,\"%s\",%s\n", i, i,
			 i % 3 ? "smb" : "enterprise", i % 2 ? "Software" : "", i,
			 i % 5 ? "" : "two\nlines\tand a \\ back", i % 7 ? "" : "z;a;m");
	ck_assert_uint_eq(tu_import(book, &entity_account, csv.data, &rows, NULL), 0);
	ck_assert_int_eq(rows, 3000);
	expect_chain_holds(before + 3000);
	/* Each row's record holds its values, as SQLite wrote them. */
	for (int64_t id = 1; id <= 3000; id += 499) {
		char *want = sql_row_json(&entity_account, id, true), *got, q[128];

		snprintf(q, sizeof(q), "SELECT new FROM audit_log WHERE table_name = 'accounts' AND row_id = %lld",
			 (long long)id);
		got = tu_text(book, q);
		ck_assert_str_eq(got, want);
		free(want);
		free(got);
	}
	/* A second action continues the chain from where the first left it. */
	ck_assert_uint_eq(tu_import(book, &entity_account, "external_id,name,segment\nA-1,Renamed,smb\nB-1,New,smb\n",
				    &rows, NULL), 0);
	expect_chain_holds(before + 3002);
	ck_assert_int_eq(undo_last(book, &u, &e), ST_OK);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM accounts WHERE name = 'Renamed'"), 0);
	expect_chain_holds(before + 3004);
	ck_assert_int_eq(undo_last(book, &u, &e), ST_OK);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM accounts"), 0);
	ck_assert_int_eq(tu_int(book, "SELECT count(*) FROM account_tags"), 0);
	/* The undo is audited too, and the chain goes on from it. */
	ck_assert_int_gt(tu_int(book, "SELECT count(*) FROM audit_log"), before + 3004);
	expect_chain_holds(tu_int(book, "SELECT count(*) FROM audit_log"));
	ck_assert_uint_eq(tu_import(book, &entity_account, "external_id,name,segment\nC-1,After,smb\n", &rows, NULL), 0);
	expect_chain_holds(tu_int(book, "SELECT count(*) FROM audit_log"));
	buf_done(&csv);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("audit");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_hash_row_is_the_sql_function);
	tcase_add_test(tc, test_int_text_is_printfs);
	tcase_add_test(tc, test_json_members_are_sqlites);
	tcase_add_test(tc, test_new_rows_json_from_their_values);
	tcase_add_test(tc, test_chain_after_a_big_import_and_its_undo);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
