/*
 * user.h -- managing a book's users (`tend user add|set|remove`): who may
 * use the book and with which role.  Each is one action through the write
 * path, which lets only an admin (or the book file's owner) write users and
 * teams (store/wtx_perm.c).
 */
#ifndef TEND_USER_H
#define TEND_USER_H

#include <stdbool.h>

#include "core/err.h"

struct store;

struct user_in {
	const char *login;         /* who: the OS login or the --ssh-user name */
	const char *name;          /* NULL: unchanged (add: the login) */
	const char *email;         /* NULL: unchanged; "": none */
	const char *role;          /* csm, lead, admin or viewer; NULL: unchanged (add: csm) */
	const char *team;          /* NULL: unchanged; "": none; created when new */
	int active;                /* 0, 1; -1: unchanged */
};

/* Add a user; ST_USAGE for a bad login or role, ST_DATA when the login is
 * a user already. */
enum status user_add(struct store *s, const struct user_in *in, struct err *e);
/* Change what in sets of an existing user; ST_NOINPUT for no such user. */
enum status user_set(struct store *s, const struct user_in *in, struct err *e);
/* Take the user's access away: they stay in the book, inactive, so their
 * accounts, tasks and the audit log keep naming them; an admin gives their
 * accounts to others with `tend account set --owner`. */
enum status user_remove(struct store *s, const char *login, struct err *e);
/* A login tend accepts: 1-64 letters, digits, '.', '_', '-', not first '-'.
 * (It goes into authorized_keys lines and command lines.) */
bool user_login_ok(const char *login);

#endif
