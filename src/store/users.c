/*
 * users.c -- the users of a book, as `tend user list` shows them (see
 * users.h).
 */
#include "config.h"

#include "store/store_int.h"
#include "store/users.h"

enum status
store_users_each(struct store *s, int (*cb)(void *, const struct user_rec *), void *ctx,
		 struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT u.id, u.login, u.name, u.email, u.role, t.name, u.active,"
		" (SELECT count(*) FROM accounts a WHERE a.owner_id = u.id)"
		" FROM users u LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.login", e);
	struct user_rec u;
	int rc;

	if (!st)
		return e->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		u.id = sqlite3_column_int64(st, 0);
		u.login = store_col_text(st, 1);
		u.name = store_col_text(st, 2);
		u.email = store_col_text(st, 3);
		u.role = store_col_text(st, 4);
		u.team = store_col_text(st, 5);
		u.active = sqlite3_column_int(st, 6) == 1;
		u.accounts = sqlite3_column_int64(st, 7);
		if (cb(ctx, &u))
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, "reading users");
	return ST_OK;
}
