/*
 * users.h -- reading the book's users for `tend user list` and the team
 * dashboard (writes go through app/user.h and the write path).
 */
#ifndef TEND_USERS_H
#define TEND_USERS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct store;

struct user_rec {
	int64_t id;
	const char *login;
	const char *name;
	const char *email;         /* NULL: none */
	const char *role;          /* csm, lead, admin or viewer */
	const char *team;          /* NULL: none */
	bool active;
	int64_t accounts;          /* accounts it owns */
};

/* Every user, by login; cb returns nonzero to stop.  Borrowed strings live
 * until cb returns. */
enum status store_users_each(struct store *s, int (*cb)(void *, const struct user_rec *), void *ctx,
			     struct err *e);

#endif
