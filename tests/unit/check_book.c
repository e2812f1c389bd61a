/*
 * check_book.c -- joining a book through app/book.h (what `tend init` and
 * the interface call): the first user of an empty book is its admin, the
 * next ones CSMs, teams are found or made, and a second join writes nothing.
 */
#include "config.h"

#include <stdlib.h>

#include "app/book.h"
#include "testutil.h"

#define TODAY "2026-11-23"

START_TEST(test_book_first_user_is_admin)
{
	struct store *s = tu_open(NULL, TODAY);
	struct book_user u = { .login = "terry", .name = "Terry", .team = "East" };
	struct err e = { ST_OK, "" };
	struct book_join r;
	char *v;

	ck_assert_msg(book_init(s, &u, &r, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(r.role, "admin");
	ck_assert(r.registered && r.first);
	/* Again: already a user, nothing written. */
	ck_assert_msg(book_init(s, &u, &r, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(r.role, "admin");
	ck_assert(!r.registered && !r.first);
	/* The next user is a CSM of the same team, named by the login. */
	u = (struct book_user){ .login = "bo", .team = "East" };
	ck_assert_msg(book_init(s, &u, &r, &e) == ST_OK, "%s", e.msg);
	ck_assert_str_eq(r.role, "csm");
	ck_assert(r.registered && !r.first);
	v = tu_text(s, "SELECT group_concat(u.login || ' ' || u.name || ' ' || u.role || ' ' || "
		       "t.name, '|') FROM users u JOIN teams t ON t.id = u.team_id");
	ck_assert_str_eq(v, "terry Terry admin East|bo bo csm East");
	free(v);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log WHERE action = 'init'"), 3);
	u.login = "cy";
	u.role = "boss";
	ck_assert_int_eq(book_init(s, &u, &r, &e), ST_USAGE);
	ck_assert_str_eq(e.msg, "role: 'boss' is not csm, lead, admin or viewer");
	store_close(s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("book");
	TCase *tc = tcase_create("init");

	tcase_add_test(tc, test_book_first_user_is_admin);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
