/*
 * sync.c -- field copies: clone, push, pull, resolve (see sync.h).
 *
 * A push reads the copy's journal after pushed_through and applies it on
 * the team book in one write transaction as the pusher, moving the team's
 * applied_through for the copy in the same transaction, so a push retried
 * after a lost answer applies nothing twice.  A change the pusher may not
 * make, or one that breaks a rule of the book, is refused: the whole
 * transaction is rolled back and run again without it (and without what
 * needed it), at most SYNC_PASSES times; the refusals are reported and the
 * rest lands.  Then the copy moves pushed_through.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "app/sync.h"
#include "store/store.h"
#include "store/sync.h"
#include "store/wtx.h"

#define SYNC_PASSES 8

/* A change read from one book's journal, kept while the other is written. */
struct held {
	struct sync_change c;
	char *at, *actor, *action;
	void *cs;
	bool refused;
};

struct held_list {
	struct held *v;
	size_t n;
};

static int
hold(void *ctx, const struct sync_change *c)
{
	struct held_list *l = ctx;
	struct held *h;

	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	h = &l->v[l->n++];
	memset(h, 0, sizeof(*h));
	h->c = *c;
	h->c.at = h->at = xstrdup(c->at ? c->at : "");
	h->c.actor = h->actor = xstrdup(c->actor ? c->actor : "");
	h->c.action = h->action = xstrdup(c->action ? c->action : "");
	h->cs = xmalloc(c->n ? (size_t)c->n : 1);
	memcpy(h->cs, c->cs, (size_t)c->n);
	h->c.cs = h->cs;
	return 0;
}

static void
held_done(struct held_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].at);
		free(l->v[i].actor);
		free(l->v[i].action);
		free(l->v[i].cs);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void
refuse(struct sync_report *r, struct held *h, const char *why)
{
	h->refused = true;
	r->refused++;
	if (r->nrefusals < SYNC_REFUSALS)
		snprintf(r->refusals[r->nrefusals++], sizeof(r->refusals[0]), "change #%lld ('%s' by %s, %s): %s",
			 (long long)h->c.id, h->action, h->actor, h->at, why);
}

/* One pass of a push: every change not refused yet, in one transaction.
 * *again when a change was refused on the way (the pass was rolled back). */
static enum status
push_pass(struct store *team, int64_t copy, int64_t through, struct held_list *l, struct sync_report *r,
	  bool *again, struct err *e)
{
	char action[64];
	struct wtx *t;
	enum status rs;
	int64_t last = through;

	*again = false;
	r->changes = r->rows = r->conflicts = r->skipped = 0;
	snprintf(action, sizeof(action), "sync push from copy %lld", (long long)copy);
	if ((rs = wtx_begin(team, action, WTX_AUDIT_ROWS, &t, e)))
		return rs;
	store_sync_mark_origin(t, copy);
	for (size_t i = 0; i < l->n; i++) {
		struct held *h = &l->v[i];
		struct sync_applied a = { 0 };
		struct err why = { ST_OK, "" };

		if (h->c.id > last)
			last = h->c.id;
		if (h->c.id <= through || h->refused)
			continue;
		if (store_sync_check(t, &h->c, false, &why) ||
		    store_sync_apply(t, &h->c, true, copy, &a, &why) ||
		    store_sync_check(t, &h->c, true, &why)) {
			if (why.status != ST_NOPERM && why.status != ST_DATA) {
				wtx_abort(t);
				return err_set(e, why.status, "%s", why.msg);
			}
			refuse(r, h, why.msg);
			*again = true;
			wtx_abort(t);
			return ST_OK;
		}
		r->changes++;
		r->rows += a.rows;
		r->conflicts += a.conflicts;
		r->skipped += a.skipped;
	}
	if ((rs = store_sync_set_applied(team, copy, last, e))) {
		wtx_abort(t);
		return rs;
	}
	return wtx_commit(t, e);
}

/* The copy shows what the team book has: the refused changes are taken
 * back there (they stay in its journal and its audit log, and the push
 * said what they were). */
static enum status
take_back(struct store *copy, struct held_list *l, struct err *e)
{
	struct wtx *t;
	enum status rs;

	if ((rs = wtx_begin(copy, "sync: refused changes taken back", WTX_AUDIT_ROWS, &t, e)))
		return rs;
	wtx_no_journal(t);
	for (size_t i = l->n; i-- > 0 && !rs;) {
		struct sync_applied a = { 0 };

		if (l->v[i].refused)
			rs = store_sync_revert(t, &l->v[i].c, &a, e);
	}
	if (rs) {
		wtx_abort(t);
		return rs;
	}
	return wtx_commit(t, e);
}

enum status
sync_team_push(struct store *team, int64_t copy, const struct sync_change *changes, size_t n,
	       bool *refused, struct sync_report *r, struct err *e)
{
	struct held_list l = { NULL, 0 };
	int64_t through;
	bool known, again = true;
	enum status rs;

	memset(r, 0, sizeof(*r));
	if ((rs = store_sync_applied(team, copy, &through, &known, e)))
		return rs;
	if (!known)
		return err_set(e, ST_DATA, "%s has no copy #%lld: this copy was not made from it",
			       store_path(team), (long long)copy);
	for (size_t i = 0; i < n; i++)
		hold(&l, &changes[i]);
	/* Each pass lands, or refuses one more change and runs again. */
	for (int pass = 0; again && pass < SYNC_PASSES; pass++)
		if ((rs = push_pass(team, copy, through, &l, r, &again, e)))
			goto out;
	if (again)
		rs = err_set(e, ST_DATA, "more than %d changes were refused: nothing was sent", SYNC_PASSES - 1);
	for (size_t i = 0; !rs && i < n; i++)
		refused[i] = l.v[i].refused;
out:
	held_done(&l);
	return rs;
}

enum status
sync_push(struct store *copy, const struct sync_remote *team, struct sync_report *r, struct err *e)
{
	struct held_list l = { NULL, 0 };
	struct sync_change *v = NULL;
	struct sync_state st;
	bool *refused = NULL;
	int64_t last = 0;
	enum status rs;

	memset(r, 0, sizeof(*r));
	if ((rs = store_sync_state(copy, &st, e)))
		return rs;
	if (!st.found)
		return err_set(e, ST_USAGE, "this book is not a field copy (make one with tend sync clone)");
	if ((rs = store_sync_changes(copy, st.pushed_through, 0, hold, &l, e)))
		goto out;
	v = xcalloc(l.n ? l.n : 1, sizeof(*v));
	refused = xcalloc(l.n ? l.n : 1, sizeof(*refused));
	for (size_t i = 0; i < l.n; i++) {
		v[i] = l.v[i].c;
		if (v[i].id > last)
			last = v[i].id;
	}
	if ((rs = team->push(team->ctx, st.copy, v, l.n, refused, r, e)))
		goto out;
	if (last > st.pushed_through && (rs = store_sync_set_pushed(copy, last, e)))
		goto out;
	for (size_t i = 0; i < l.n; i++)
		l.v[i].refused = refused[i];
	if (r->refused)
		rs = take_back(copy, &l, e);
out:
	free(v);
	free(refused);
	held_done(&l);
	return rs;
}

enum status
sync_pull(struct store *copy, const struct sync_remote *team, struct sync_report *r, struct err *e)
{
	struct held_list l = { NULL, 0 };
	struct sync_state st;
	int64_t unpushed, last = 0;
	struct wtx *t = NULL;
	struct buf fit;
	bool scoped = false;
	enum status rs;

	memset(r, 0, sizeof(*r));
	buf_init(&fit);
	if ((rs = store_sync_state(copy, &st, e)))
		return rs;
	if (!st.found)
		return err_set(e, ST_USAGE, "this book is not a field copy (make one with tend sync clone)");
	if ((rs = store_sync_count_after(copy, st.pushed_through, &unpushed, e)))
		return rs;
	if (unpushed)
		return err_set(e, ST_USAGE, "this copy has %lld change%s not pushed: push first (tend sync)",
			       (long long)unpushed, unpushed == 1 ? "" : "s");
	if ((rs = team->changes(team->ctx, st.pulled_through, st.copy, hold, &l, &last, &r->unheld, e)))
		goto out;
	if ((rs = wtx_begin(copy, "sync pull", WTX_AUDIT_ROWS, &t, e)))
		goto out;
	scoped = strcmp(st.scope, "team") != 0;
	/* The team's changes are the team's: not this copy's to push or undo. */
	wtx_no_journal(t);
	for (size_t i = 0; i < l.n && !rs; i++) {
		struct sync_applied a = { 0 };
		struct sync_change c = l.v[i].c;
		int64_t left_out = 0;

		if (c.id > last)
			continue;
		/* A copy of some accounts takes only rows whose parents it holds. */
		if (scoped) {
			if ((rs = store_sync_fit(copy, c.cs, c.n, &fit, &left_out, e)))
				break;
			r->left_out += left_out;
			if (!fit.len)
				continue;
			c.cs = fit.data;
			c.n = (int)fit.len;
		}
		if (!(rs = store_sync_apply(t, &c, false, 0, &a, e))) {
			r->changes++;
			r->rows += a.rows;
			r->skipped += a.skipped;
		}
	}
	if (!rs && last > st.pulled_through)
		rs = store_sync_set_pulled(copy, last, e);
	if (rs) {
		wtx_abort(t);
		goto out;
	}
	rs = wtx_commit(t, e);
out:
	buf_done(&fit);
	held_done(&l);
	return rs;
}

enum status
sync_clone(const struct sync_remote *team, const char *source, const char *path, const char *login,
	   const struct sync_scope_req *req, enum status (*copy_open)(void *ctx, const char *path, struct store **out, struct err *e),
	   void *ctx, int64_t *copy, struct err *e)
{
	struct store *c = NULL;
	int64_t through;
	enum status rs;

	if ((rs = team->clone(team->ctx, path, login, req, copy, &through, e)))
		return rs;
	if ((rs = copy_open(ctx, path, &c, e)))
		return rs;
	rs = store_sync_become_copy(c, source, *copy, login, sync_scope_kind(req), through, e);
	store_close(c);
	return rs;
}

/* -- a team book on a path ------------------------------------------------------ */

static enum status
local_clone(void *ctx, const char *path, const char *login, const struct sync_scope_req *req,
	    int64_t *copy, int64_t *through, struct err *e)
{
	return store_sync_clone_to(ctx, path, login, req, copy, through, e);
}

static enum status
local_push(void *ctx, int64_t copy, const struct sync_change *v, size_t n, bool *refused,
	   struct sync_report *r, struct err *e)
{
	return sync_team_push(ctx, copy, v, n, refused, r, e);
}

static enum status
local_changes(void *ctx, int64_t after, int64_t copy, int (*cb)(void *, const struct sync_change *),
	      void *cbctx, int64_t *last, int64_t *unheld, struct err *e)
{
	enum status rs;

	/* The last change first: what the pull brings is up to it. */
	if ((rs = store_sync_last_change(ctx, last, e)) || (rs = store_sync_unheld(ctx, copy, unheld, e)))
		return rs;
	return store_sync_changes(ctx, after, copy, cb, cbctx, e);
}

static enum status
local_open_conflicts(void *ctx, int64_t copy, int64_t *n, struct err *e)
{
	return store_sync_count_open(ctx, copy, n, e);
}

void
sync_remote_local(struct sync_remote *r, struct store *team)
{
	r->ctx = team;
	r->clone = local_clone;
	r->push = local_push;
	r->changes = local_changes;
	r->open_conflicts = local_open_conflicts;
}

enum status
sync_resolve(struct store *team, int64_t id, const char *how, const char *value, struct err *e)
{
	struct sync_conflict c;
	struct wtx *t;
	char action[64];
	enum status rs;
	const char *json = NULL;
	char *quoted = NULL;

	if ((rs = store_sync_conflict(team, id, &c, e)))
		return rs;
	if (strcmp(c.status, "open")) {
		rs = err_set(e, ST_USAGE, "sync conflict #%lld is resolved already (%s)", (long long)id, c.status);
		goto out;
	}
	if (strcmp(how, "theirs") && strcmp(c.kind, "field")) {
		rs = err_set(e, ST_USAGE, "conflict #%lld is a row deleted on one side: only 'theirs' resolves it "
			     "here; the copy's values are in the conflict (tend sync conflicts)", (long long)id);
		goto out;
	}
	if (!strcmp(how, "mine")) {
		json = c.mine;
	} else if (!strcmp(how, "edit")) {
		/* A number or null as it is; anything else is text. */
		char *end;

		if (value && (!strcmp(value, "null") || (*value && (strtod(value, &end), !*end)))) {
			json = value;
		} else {
			json = quoted = store_sync_json_text(value ? value : "");
		}
	} else if (strcmp(how, "theirs")) {
		rs = err_set(e, ST_USAGE, "resolve a conflict as mine, theirs or edit, not '%s'", how);
		goto out;
	}
	snprintf(action, sizeof(action), "sync resolve #%lld (%s)", (long long)id, how);
	if ((rs = wtx_begin(team, action, WTX_AUDIT_ROWS, &t, e)))
		goto out;
	if (json)
		rs = store_sync_write_value(t, c.table, c.row_id, c.column, json, e);
	if (!rs)
		rs = store_sync_conflict_close(team, id, !strcmp(how, "edit") ? "edited" : how, e);
	if (rs)
		wtx_abort(t);
	else
		rs = wtx_commit(t, e);
out:
	free(quoted);
	sync_conflict_done(&c);
	return rs;
}
