/*
 * book.c -- registering the user who joins a book (see book.h), through
 * the write path as one action.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/book.h"
#include "core/names.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

static int
copy_role(void *ctx, const struct user_row *u)
{
	struct book_join *out = ctx;

	snprintf(out->role, sizeof(out->role), "%s", u->role);
	return 0;
}

/* Insert the user (and a new team) within t; role is the role to give. */
static enum status
insert_user(struct store *s, struct wtx *t, const struct book_user *in, const char *role,
	    struct err *e)
{
	struct row team, user;
	int64_t team_id = 0;
	bool found = false;
	enum status st = ST_OK;

	if (in->team && (st = store_team_id(s, in->team, &found, &team_id, e)))
		return st;
	row_init(&team, &entity_team);
	row_init(&user, &entity_user);
	if (in->team && !found) {
		row_text(&team, "name", in->team);
		st = wtx_insert(t, &team, &team_id, e);
	}
	row_text(&user, "login", in->login);
	row_text(&user, "name", in->name ? in->name : in->login);
	row_text(&user, "role", role);
	if (team_id)
		row_int(&user, "team", team_id);
	if (!st)
		st = wtx_insert(t, &user, NULL, e);
	row_done(&team);
	row_done(&user);
	return st;
}

enum status
book_init(struct store *s, const struct book_user *in, struct book_join *out, struct err *e)
{
	struct wtx *t;
	bool found;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (!in->login || !*in->login)
		return err_set(e, ST_USAGE, "login: who is joining the book?");
	if (in->role && names_lookup(role_names, in->role) < 0)
		return err_set(e, ST_USAGE, "role: '%s' is not csm, lead, admin or viewer", in->role);
	if ((st = store_user_get(s, in->login, &found, copy_role, out, e)) || found)
		return st;
	/* Whether it is the first user, and its team, read inside the write. */
	if ((st = wtx_begin(s, "init", WTX_AUDIT_ROWS, &t, e)))
		return st;
	if (!(st = store_is_empty(s, &out->first, e))) {
		snprintf(out->role, sizeof(out->role), "%s",
			 in->role ? in->role : out->first ? "admin" : "csm");
		st = insert_user(s, t, in, out->role, e);
	}
	if (st) {
		wtx_abort(t);
		memset(out, 0, sizeof(*out));
		return st;
	}
	if ((st = wtx_commit(t, e))) {
		memset(out, 0, sizeof(*out));
		return st;
	}
	out->registered = true;
	return ST_OK;
}
