/*
 * work.c -- what the edit verbs of tasks, risks, touchpoints and
 * opportunities share (see work.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "app/work.h"
#include "core/names.h"
#include "store/store.h"
#include "store/work.h"
#include "store/wtx.h"

void
work_done_clear(struct work_done *d, int n)
{
	for (int i = 0; d && i < n; i++) {
		free(d[i].account);
		free(d[i].external_id);
		d[i].account = d[i].external_id = NULL;
	}
}

void
work_done_take(struct work_done *d, struct work_head *h)
{
	d->id = h->id;
	d->account = h->account;
	d->external_id = h->external_id;
	h->account = h->external_id = NULL;
}

enum status
work_begin(struct store *s, const char *action, const struct entity *ent, int64_t id,
	   struct wtx **t, struct work_head *h, struct err *e)
{
	enum status st;

	memset(h, 0, sizeof(*h));
	if ((st = wtx_begin(s, action, WTX_AUDIT_ROWS, t, e)))
		return st;
	/* Read inside the transaction: nobody can change the record meanwhile. */
	if ((st = store_work_head(s, ent, id, h, e))) {
		wtx_abort(*t);
		*t = NULL;
	}
	return st;
}

enum status
work_end(struct wtx *t, enum status st, struct err *e)
{
	if (st) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}

enum status
work_user(struct store *s, const char *field, const char *login, int64_t *id, struct err *e)
{
	struct err ignore = { ST_OK, "" };
	char hint[128];

	if (!login || !*login)
		return err_set(e, ST_USAGE, "%s: give a login", field);
	if (store_user_id(s, login, id, &ignore) == ST_OK)
		return ST_OK;
	if (ignore.status != ST_NOUSER)
		return err_set(e, ignore.status, "%s", ignore.msg);
	if (store_login_suggest(s, login, hint, sizeof(hint), e))
		return e->status;
	if (*hint)
		return err_set(e, ST_NOUSER, "%s: no user with login '%s'; did you mean '%s'?", field,
			       login, hint);
	return err_set(e, ST_NOUSER, "%s: no user with login '%s'", field, login);
}

int64_t
work_user_or_none(struct store *s, const char *login)
{
	struct err ignore = { ST_OK, "" };
	int64_t id = 0;

	if (!login || store_user_id(s, login, &id, &ignore))
		return 0;
	return id;
}

enum status
work_text(const char *field, const char *text, const char *why, struct err *e)
{
	for (const char *p = text; p && *p; p++)
		if (!isspace((unsigned char)*p))
			return ST_OK;
	return err_set(e, ST_USAGE, "%s: %s", field, why);
}

enum status
work_choice(const char *field, const char *value, const char *const *names, const char *what,
	    struct err *e)
{
	const char *hint;

	if (names_lookup(names, value) >= 0)
		return ST_OK;
	if ((hint = names_suggest(names, value)))
		return err_set(e, ST_USAGE, "%s: '%s' is not a %s; did you mean '%s'?", field, value,
			       what, hint);
	return err_set(e, ST_USAGE, "%s: '%s' is not a %s", field, value, what);
}
