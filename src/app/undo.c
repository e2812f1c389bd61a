/*
 * undo.c -- taking back one's own changes (see undo.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/undo.h"
#include "store/store.h"
#include "store/wtx.h"

enum status
undo_last(struct store *s, struct undo_result *r, struct err *e)
{
	char action[96];
	struct wtx *t;
	bool found;
	enum status st;

	memset(r, 0, sizeof(*r));
	if (journal_last(s, store_actor(s), 0, &r->change, &found, e))
		return e->status;
	if (!found)
		return err_set(e, ST_NOINPUT, "nothing to undo: no change of yours is left to take back");
	snprintf(action, sizeof(action), "undo %s", r->change.action);
	if ((st = wtx_begin(s, action, WTX_AUDIT_ROWS, &t, e)))
		return st;
	if ((st = journal_undo(t, r->change.id, &r->conflict, e))) {
		wtx_abort(t);
		return err_wrap(e, "cannot undo '%s' of %s", r->change.action, r->change.at);
	}
	return wtx_commit(t, e);
}

enum status
undo_list(struct store *s, int n, int (*cb)(void *ctx, const struct journal_change *c), void *ctx,
	  struct err *e)
{
	struct journal_change c;
	bool found = true;

	for (int i = 0; i < n && found; i++) {
		if (journal_last(s, store_actor(s), i, &c, &found, e))
			return e->status;
		if (found && cb(ctx, &c))
			break;
	}
	return ST_OK;
}
