/*
 * check_changeset.c -- a changeset written back with only some of its rows
 * (store/changeset.c): kept whole it is the same bytes, every kind of
 * value and operation included; kept in part it applies as the rows kept.
 */
#include "config.h"

#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/changeset.h"

static void
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql, msg ? msg : "");
}

static const char schema[] =
	"CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB, n TEXT);"
	"CREATE TABLE u (a TEXT, k INTEGER, v TEXT, PRIMARY KEY (a, k)) WITHOUT ROWID;";

/* A changeset of every kind of change and value, over two tables. */
static void
make_changeset(int *n, void **cs)
{
	sqlite3 *db;
	sqlite3_session *sess;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	exec(db, schema);
	exec(db, "INSERT INTO t VALUES (1, 10, 1.5, 'one', x'00ff', NULL), (2, -7, -0.25, 'two', x'', 'x'),"
		 " (3, 300000000000, 3e300, '', NULL, NULL);"
		 "INSERT INTO u VALUES ('p', 1, 'a'), ('q', 2, 'b')");
	ck_assert_int_eq(sqlite3session_create(db, "main", &sess), SQLITE_OK);
	ck_assert_int_eq(sqlite3session_attach(sess, NULL), SQLITE_OK);
	exec(db, "INSERT INTO t VALUES (4, 1, 2.0, 'fòur \xe2\x80\xae', x'deadbeef', NULL);"
		 "UPDATE t SET s = 'ONE', n = 'set' WHERE id = 1;"
		 "UPDATE t SET i = NULL WHERE id = 3;"
		 "DELETE FROM t WHERE id = 2;"
		 "INSERT INTO u VALUES ('r', 3, 'c');"
		 "UPDATE u SET v = 'bb' WHERE a = 'q';"
		 "DELETE FROM u WHERE a = 'p'");
	ck_assert_int_eq(sqlite3session_changeset(sess, n, cs), SQLITE_OK);
	sqlite3session_delete(sess);
	sqlite3_close(db);
}

static int
keep_all(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	(void)ctx, (void)it, (void)table, (void)op, (void)e;
	return 1;
}

static int
keep_none(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	(void)ctx, (void)it, (void)table, (void)op, (void)e;
	return 0;
}

/* Only the changes to t, and of those not the delete. */
static int
keep_some(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	(void)ctx, (void)it, (void)e;
	return !strcmp(table, "t") && op != SQLITE_DELETE;
}

static int
stop(void *ctx, sqlite3_changeset_iter *it, const char *table, int op, struct err *e)
{
	(void)ctx, (void)it, (void)table, (void)op;
	err_set(e, ST_DATA, "stopped");
	return -1;
}

START_TEST(test_whole_is_the_same_bytes)
{
	struct err e = { ST_OK, "" };
	struct buf out;
	void *cs;
	int n;

	make_changeset(&n, &cs);
	buf_init(&out);
	ck_assert_int_eq(changeset_filter(cs, n, keep_all, NULL, &out, &e), ST_OK);
	ck_assert_uint_eq(out.len, (size_t)n);
	ck_assert(memcmp(out.data, cs, (size_t)n) == 0);
	ck_assert_int_eq(changeset_filter(cs, n, keep_none, NULL, &out, &e), ST_OK);
	ck_assert_uint_eq(out.len, 0);
	ck_assert_int_eq(changeset_filter(cs, n, stop, NULL, &out, &e), ST_DATA);
	ck_assert_str_eq(e.msg, "stopped");
	buf_done(&out);
	sqlite3_free(cs);
}
END_TEST

static int
count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int v;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
no_conflicts(void *ctx, int kind, sqlite3_changeset_iter *it)
{
	(void)ctx, (void)kind, (void)it;
	return SQLITE_CHANGESET_ABORT;
}

START_TEST(test_part_applies_as_the_rows_kept)
{
	struct err e = { ST_OK, "" };
	struct buf out;
	sqlite3 *db;
	void *cs;
	int n;

	make_changeset(&n, &cs);
	buf_init(&out);
	ck_assert_int_eq(changeset_filter(cs, n, keep_some, NULL, &out, &e), ST_OK);
	ck_assert(out.len > 0 && out.len < (size_t)n);
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	exec(db, schema);
	exec(db, "INSERT INTO t VALUES (1, 10, 1.5, 'one', x'00ff', NULL), (2, -7, -0.25, 'two', x'', 'x'),"
		 " (3, 300000000000, 3e300, '', NULL, NULL);"
		 "INSERT INTO u VALUES ('p', 1, 'a'), ('q', 2, 'b')");
	ck_assert_int_eq(sqlite3changeset_apply(db, (int)out.len, out.data, NULL, no_conflicts, NULL), SQLITE_OK);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM t WHERE id = 4 AND b = x'deadbeef' AND r = 2.0"), 1);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM t WHERE id = 1 AND s = 'ONE' AND n = 'set' AND i = 10"), 1);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM t WHERE id = 3 AND i IS NULL AND r = 3e300"), 1);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM t WHERE id = 2"), 1);      /* the delete left out */
	ck_assert_int_eq(count(db, "SELECT count(*) FROM u"), 2);                   /* u left alone */
	ck_assert_int_eq(count(db, "SELECT count(*) FROM u WHERE v = 'b'"), 1);
	sqlite3_close(db);
	buf_done(&out);
	sqlite3_free(cs);
}
END_TEST

START_TEST(test_cut_short_is_an_error)
{
	struct err e = { ST_OK, "" };
	struct buf out;
	void *cs;
	int n;

	make_changeset(&n, &cs);
	buf_init(&out);
	ck_assert_int_eq(changeset_filter(cs, n - 5, keep_all, NULL, &out, &e), ST_DATA);
	ck_assert_str_eq(e.msg, "a change in the journal is not a whole changeset");
	buf_done(&out);
	sqlite3_free(cs);
}
END_TEST

static Suite *
changeset_suite(void)
{
	Suite *s = suite_create("changeset");
	TCase *tc = tcase_create("filter");

	tcase_add_test(tc, test_whole_is_the_same_bytes);
	tcase_add_test(tc, test_part_applies_as_the_rows_kept);
	tcase_add_test(tc, test_cut_short_is_an_error);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(changeset_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
