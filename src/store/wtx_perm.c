/*
 * wtx_perm.c -- who may write what: the role check of the write path
 * (wtx_int.h), the one place every write of the CLI, the interface, the
 * playbooks, imports and undo is allowed or refused.
 *
 * The actor is the store's login (store_opts.actor), read from the users
 * table inside each write transaction, so a role changed by an admin
 * counts from the next action of every open session.  The rules (man
 * tend, ROLES AND SHARED BOOKS):
 *   - admin: everything, and the only role that writes users and teams;
 *   - lead: the accounts owned by the members of their team, pooled ones
 *     and their own; reassigns them;
 *   - csm: the accounts they own and pooled ones; never reassigns one;
 *   - viewer: nothing;
 *   - a login that is no user (or an inactive one): nothing, unless the
 *     book has no users yet (a book being set up).
 * Roles are checked when store_opts.enforce_roles says so: for every
 * login but the file's owner, who can change the file by other means
 * anyway, and always for a login acting for an SSH key (--ssh-user).
 * A row belongs to an account directly or through its parents (row_account
 * in wtx.c); rows of no account (a personal task) are anyone's who may
 * write at all.  Derived rows (scores, snapshots, playbook bookkeeping,
 * the inbox, whose recipient the use case checks) are written by whoever
 * acts: they follow from rows the check already passed, or from a
 * recompute, which anyone who writes may run.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/store_int.h"
#include "store/wtx.h"
#include "store/wtx_int.h"

/* Written along with what the check already passed, or recomputed. */
static const struct entity *const perm_derived[] = {
	&entity_account_health, &entity_health_snapshot, &entity_calibration,
	&entity_playbook_run, &entity_playbook_rule_run, &entity_playbook_firing, &entity_inbox,
};

static bool
derived(const struct entity *ent)
{
	for (size_t i = 0; i < sizeof(perm_derived) / sizeof(perm_derived[0]); i++)
		if (perm_derived[i] == ent)
			return true;
	return false;
}

/* Read the actor's user row into t->who, within the transaction. */
static enum status
load_actor(struct wtx *t, struct err *e)
{
	struct wtx_who *w = &t->who;
	sqlite3_stmt *st;
	int rc;

	memset(w, 0, sizeof(*w));
	if (!(st = store_stmt(t->s, "SELECT u.id, u.role, u.team_id, u.active, tm.name,"
			      " (SELECT count(*) FROM users) FROM (SELECT 1) LEFT JOIN users u"
			      " ON u.login = ?1 LEFT JOIN teams tm ON tm.id = u.team_id", e)))
		return e->status;
	sqlite3_bind_text(st, 1, t->s->actor, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		w->known = sqlite3_column_type(st, 0) != SQLITE_NULL;
		w->id = sqlite3_column_int64(st, 0);
		snprintf(w->role, sizeof(w->role), "%s", w->known ? store_col_text(st, 1) : "");
		w->team = sqlite3_column_int64(st, 2);
		w->active = sqlite3_column_int(st, 3) == 1;
		snprintf(w->team_name, sizeof(w->team_name), "%s",
			 store_col_text(st, 4) ? store_col_text(st, 4) : "");
		w->no_users = sqlite3_column_int64(st, 5) == 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(t->s, e, "reading who you are");
	/* Unrestricted: the file's owner, a book being set up, an admin. */
	w->all = !t->s->enforce_roles || w->no_users ||
		 (w->known && w->active && !strcmp(w->role, "admin"));
	return ST_OK;
}

enum status
wtx_perm_begin(struct wtx *t, struct err *e)
{
	const struct wtx_who *w = &t->who;
	const char *me = t->s->actor;

	if (load_actor(t, e))
		return e->status;
	if (w->all)
		return ST_OK;
	if (!w->known)
		return err_set(e, ST_NOPERM,
			       "cannot %s: %s is not a user of this book; an admin adds you with "
			       "'tend user add %s --role csm|lead|admin|viewer --team TEAM'",
			       t->action, me, me);
	if (!w->active)
		return err_set(e, ST_NOPERM,
			       "cannot %s: %s is no longer an active user of this book; an admin "
			       "restores you with 'tend user set %s --active true'", t->action, me, me);
	if (!strcmp(w->role, "viewer"))
		return err_set(e, ST_NOPERM,
			       "cannot %s: %s is a viewer, who only reads; a csm, lead or admin may "
			       "(an admin changes your role with 'tend user set %s --role csm')",
			       t->action, me, me);
	return ST_OK;
}

/* The account's owner: id (0: pooled), login and team. */
struct perm_owner {
	bool found;
	int64_t id, team;
	char login[64], team_name[64];
};

static enum status
account_owner(struct wtx *t, int64_t account, struct perm_owner *o, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(o, 0, sizeof(*o));
	if (!(st = store_stmt(t->s, "SELECT a.owner_id, u.login, u.team_id, tm.name FROM accounts a"
			      " LEFT JOIN users u ON u.id = a.owner_id"
			      " LEFT JOIN teams tm ON tm.id = u.team_id WHERE a.id = ?1", e)))
		return e->status;
	sqlite3_bind_int64(st, 1, account);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		o->found = true;
		o->id = sqlite3_column_int64(st, 0);
		snprintf(o->login, sizeof(o->login), "%s", store_col_text(st, 1) ? store_col_text(st, 1) : "");
		o->team = sqlite3_column_int64(st, 2);
		snprintf(o->team_name, sizeof(o->team_name), "%s",
			 store_col_text(st, 3) ? store_col_text(st, 3) : "");
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(t->s, e, "finding the account's owner");
	return ST_OK;
}

static bool
may_write(const struct wtx_who *w, const struct perm_owner *o)
{
	if (!o->found || o->id == 0 || o->id == w->id)
		return true;
	return !strcmp(w->role, "lead") && w->team && w->team == o->team;
}

static enum status
refuse_account(struct wtx *t, int64_t account, const struct perm_owner *o, struct err *e)
{
	char *label = store_account_label(t->s, account);
	char who[320];

	if (o->team)
		snprintf(who, sizeof(who), "its owner %s, a lead of team %s, or an admin", o->login,
			 o->team_name);
	else
		snprintf(who, sizeof(who), "its owner %s or an admin (%s is in no team)", o->login,
			 o->login);
	err_set(e, ST_NOPERM, "cannot %s on %s: it belongs to %s; you are %s (%s), and only %s may",
		t->action, label ? label : "an account", o->login, t->s->actor, t->who.role, who);
	free(label);
	return e->status;
}

enum status
wtx_perm_row(struct wtx *t, const struct entity *ent, int64_t id, struct wtx_perm *p,
	     struct err *e)
{
	const struct wtx_who *w = &t->who;
	struct perm_owner o;
	int64_t account;

	if (w->all || t->in_hook || derived(ent))
		return ST_OK;
	if (ent == &entity_user || ent == &entity_team)
		return err_set(e, ST_NOPERM, "cannot %s: managing users and teams needs an admin; "
			       "you are %s (%s)", t->action, t->s->actor, w->role);
	if (row_account(t, ent, id, &account, e))
		return e->status;
	if (!account)
		return ST_OK;
	if (account_owner(t, account, &o, e))
		return e->status;
	/* Reassigning is a lead's: for a csm the owner after an update must
	 * be the owner before (a pooled account stays pooled). */
	if (p && ent == &entity_account && p->seen && p->owner != o.id && strcmp(w->role, "lead")) {
		char *label = store_account_label(t->s, account);

		err_set(e, ST_NOPERM, "cannot %s on %s: reassigning an account needs a lead of its "
			"team or an admin; you are %s (%s)", t->action, label ? label : "an account",
			t->s->actor, w->role);
		free(label);
		return e->status;
	}
	if (p && !p->seen) {
		p->seen = true;
		p->owner = o.id;
	}
	return may_write(w, &o) ? ST_OK : refuse_account(t, account, &o, e);
}

/* Whether a write would pass the checks every action passes first, read
 * as wtx_perm_begin reads them (outside a transaction: the answer may be
 * stale by the next action, which checks again). */
enum status
wtx_may_write(struct store *s, struct err *e)
{
	struct wtx *t;
	enum status st;

	if (store_read_only(s))
		return err_set(e, ST_NOPERM, "this book is open read-only (%s): nothing can be changed",
			       store_read_only_why(s) ? store_read_only_why(s) : "--read-only");
	t = xcalloc(1, sizeof(*t));
	t->s = s;
	t->action = (char *)"change the book";
	st = wtx_perm_begin(t, e);
	free(t);
	return st;
}

enum status
wtx_may_write_account(struct store *s, int64_t account, struct err *e)
{
	struct perm_owner o;
	struct wtx *t;
	enum status st;

	if ((st = wtx_may_write(s, e)))
		return st;
	t = xcalloc(1, sizeof(*t));
	t->s = s;
	t->action = (char *)"change the book";
	/* Said on an 80-column status line: the owner first, who else may. */
	if (!(st = wtx_perm_begin(t, e)) && !t->who.all && account && !(st = account_owner(t, account, &o, e)) &&
	    !may_write(&t->who, &o)) {
		if (o.team)
			st = err_set(e, ST_NOPERM, "read only: this account is %s's; %s, a lead of %s or an "
				     "admin may change it", o.login, o.login, o.team_name);
		else
			st = err_set(e, ST_NOPERM, "read only: this account is %s's; %s or an admin may "
				     "change it", o.login, o.login);
	}
	free(t);
	return st;
}
