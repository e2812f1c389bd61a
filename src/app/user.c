/*
 * user.c -- adding, changing and removing a book's users (see user.h),
 * each one action through the write path.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "app/user.h"
#include "core/names.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

bool
user_login_ok(const char *login)
{
	size_t n = login ? strlen(login) : 0;

	if (n == 0 || n > 64 || login[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)login[i]) && !strchr("._-", login[i]))
			return false;
	return true;
}

static enum status
check_in(const struct user_in *in, struct err *e)
{
	if (!user_login_ok(in->login))
		return err_set(e, ST_USAGE, "login: '%s' is not a login (letters, digits, '.', '_' "
			       "and '-', at most 64)", in->login ? in->login : "");
	if (in->role && names_lookup(role_names, in->role) < 0)
		return err_set(e, ST_USAGE, "role: '%s' is not csm, lead, admin or viewer", in->role);
	if (in->name && !*in->name)
		return err_set(e, ST_USAGE, "name: a user needs a name");
	return ST_OK;
}

/* The team's id, inserted within t when the book has none of that name. */
static enum status
team_of(struct store *s, struct wtx *t, const char *team, int64_t *id, struct err *e)
{
	struct row r;
	bool found = false;
	enum status st;

	if ((st = store_team_id(s, team, &found, id, e)) || found)
		return st;
	row_init(&r, &entity_team);
	row_text(&r, "name", team);
	st = wtx_insert(t, &r, id, e);
	row_done(&r);
	return st;
}

/* Fill r with what in sets (team resolved within t). */
static enum status
fill(struct store *s, struct wtx *t, const struct user_in *in, struct row *r, struct err *e)
{
	int64_t team = 0;

	if (in->name)
		row_text(r, "name", in->name);
	if (in->email)
		row_text(r, "email", *in->email ? in->email : NULL);
	if (in->role)
		row_text(r, "role", in->role);
	if (in->active >= 0)
		row_int(r, "active", in->active);
	if (in->team && *in->team && team_of(s, t, in->team, &team, e))
		return e->status;
	if (in->team && *in->team)
		row_int(r, "team", team);
	else if (in->team)
		row_null(r, "team");
	return ST_OK;
}

enum status
user_add(struct store *s, const struct user_in *in, struct err *e)
{
	struct wtx *t;
	struct row r;
	bool found;
	enum status st;

	if (check_in(in, e))
		return e->status;
	if ((st = wtx_begin(s, "user add", WTX_AUDIT_ROWS, &t, e)))
		return st;
	row_init(&r, &entity_user);
	row_text(&r, "login", in->login);
	if (!in->name)
		row_text(&r, "name", in->login);
	if (!in->role)
		row_text(&r, "role", "csm");
	if (!(st = store_user_get(s, in->login, &found, NULL, NULL, e)) && found)
		st = err_set(e, ST_DATA, "login: %s is a user already (change them with 'tend user "
			     "set %s')", in->login, in->login);
	if (!st && !(st = fill(s, t, in, &r, e)))
		st = wtx_insert(t, &r, NULL, e);
	row_done(&r);
	if (st) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}

/* Update the existing user login with row r's fields, as action. */
static enum status
update(struct store *s, const char *action, const struct user_in *in, struct err *e)
{
	struct wtx *t;
	struct row r;
	int64_t id = 0;
	enum status st;

	if ((st = wtx_begin(s, action, WTX_AUDIT_ROWS, &t, e)))
		return st;
	row_init(&r, &entity_user);
	if ((st = store_user_id(s, in->login, &id, e)) == ST_NOUSER)
		st = err_set(e, ST_NOINPUT, "no user '%s' in this book (see 'tend user list')",
			     in->login);
	if (!st && !(st = fill(s, t, in, &r, e)))
		st = wtx_update(t, &r, id, e);
	row_done(&r);
	if (st) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}

enum status
user_set(struct store *s, const struct user_in *in, struct err *e)
{
	if (check_in(in, e))
		return e->status;
	if (!in->name && !in->email && !in->role && !in->team && in->active < 0)
		return err_set(e, ST_USAGE, "nothing to change: give --role, --team, --name, --email "
			       "or --active");
	return update(s, "user set", in, e);
}

enum status
user_remove(struct store *s, const char *login, struct err *e)
{
	struct user_in in = { .login = login, .active = 0 };

	if (check_in(&in, e))
		return e->status;
	return update(s, "user remove", &in, e);
}
