/*
 * playbook_route.c -- who gets an inbox item: the one rule, used by notify
 * actions and escalation steps alike (see pb_route in playbook_exec.h).
 *
 * A role is held, for an account, by
 *   csm        its owner (an active user; a pooled account has none),
 *   lead       an active lead of the owner's team, else any active lead,
 *   am, rm     the active user its am or rm names (login, e-mail, or the
 *              one user of that full name: store_pb_account),
 *   executive  every active admin,
 *   support,
 *   marketing  the users and e-mail addresses the configuration file's
 *              notify: names (an address that is no user's is kept as the
 *              item's address: tend sends no mail).
 * When nobody holds it, the item is redirected, marked with the role it
 * was for: to the owner, else (pooled, or an owner who left) the lead,
 * else the first admin.  An executive request climbs instead of falling
 * back to the CSM it is about: to the lead, else the owner.  With nobody
 * at all, the item is undelivered (`tend inbox --undelivered`).
 */
#include "config.h"

#include <string.h>

#include "core/buf.h"
#include "core/names.h"
#include "app/playbook_exec.h"
#include "store/playbook_store.h"

static void
notice(struct pb_exec *x, const char *text)
{
	struct pb_report *rep = x->rep;
	const char **v;

	v = pool_alloc(&rep->pool, (rep->nnotices + 1) * sizeof(*v));
	if (rep->nnotices)
		memcpy(v, rep->notices, rep->nnotices * sizeof(*v));
	v[rep->nnotices++] = pool_strdup(&rep->pool, text);
	rep->notices = v;
}

/* The admins and the notify: lists as users and addresses, read once per
 * run: the same for every item. */
static enum status
people(struct pb_exec *x, struct err *e)
{
	struct pool *pool = &x->rep->pool;
	enum status st;

	if (x->people_read)
		return ST_OK;
	if ((st = store_pb_admins(x->s, pool, &x->admins, &x->nadmins, e)))
		return st;
	for (size_t i = 0; x->notify && i < CONF_NOTIFY_ROLES; i++) {
		const struct conf_notify *n = &x->notify[i];
		struct pb_dest *d = pool_alloc(pool, (n->n + 1) * sizeof(*d));
		size_t k = 0;

		for (size_t j = 0; j < n->n; j++) {
			struct pb_dest to = { 0 };
			bool twice = false;
			struct buf b;

			if ((st = store_pb_user(x->s, n->to[j], pool, &to.user, &to.login, e)))
				return st;
			if (!to.user && strchr(n->to[j], '@'))
				to.address = pool_strdup(pool, n->to[j]);
			for (size_t m = 0; m < k; m++)
				twice |= to.user && d[m].user == to.user;
			if (to.user || to.address) {
				if (!twice)
					d[k++] = to;
				continue;
			}
			buf_init(&b);
			buf_addf(&b, "notify: %s: '%s' is no active user of this book; left out",
				 conf_notify_roles[i], n->to[j]);
			notice(x, b.data);
			buf_done(&b);
		}
		x->outside[i] = d;
		x->noutside[i] = k;
	}
	x->people_read = true;
	return ST_OK;
}

static void
add_user(struct pb_route *r, int64_t id, const char *login)
{
	if (id)
		r->to[r->n++] = (struct pb_dest){ .user = id, .login = login };
}

/* Who holds role for account a, into r. */
static void
holders(struct pb_exec *x, const struct pb_account *a, enum pb_role role, struct pb_route *r)
{
	int i;

	switch (role) {
	case PB_ROLE_CSM:
		if (a->owner_active)
			add_user(r, a->owner_id, a->owner_login);
		break;
	case PB_ROLE_LEAD: add_user(r, a->lead_id, a->lead_login); break;
	case PB_ROLE_AM: add_user(r, a->am_id, a->am_login); break;
	case PB_ROLE_RM: add_user(r, a->rm_id, a->rm_login); break;
	case PB_ROLE_EXECUTIVE:
		for (size_t k = 0; k < x->nadmins; k++)
			add_user(r, x->admins[k].id, x->admins[k].login);
		break;
	default:
		i = names_lookup(conf_notify_roles, pb_role_names[role]);
		for (size_t k = 0; i >= 0 && k < x->noutside[i]; k++)
			r->to[r->n++] = x->outside[i][k];
		break;
	}
}

/* Nobody holds role for a: the one person it goes to instead, if any. */
static void
instead(struct pb_exec *x, const struct pb_account *a, enum pb_role role, struct pb_route *r)
{
	int64_t owner = a->owner_active ? a->owner_id : 0;

	if (role == PB_ROLE_EXECUTIVE) {
		add_user(r, a->lead_id, a->lead_login);
		if (!r->n)
			add_user(r, owner, a->owner_login);
		return;
	}
	add_user(r, owner, a->owner_login);
	if (!r->n)
		add_user(r, a->lead_id, a->lead_login);
	if (!r->n && x->nadmins)
		add_user(r, x->admins[0].id, x->admins[0].login);
}

/* "sam, mia@example.com", "amara (redirected from am)", "undelivered (support)". */
static const char *
shown(struct pb_exec *x, const struct pb_route *r)
{
	struct buf b;
	const char *out;

	buf_init(&b);
	for (size_t k = 0; k < r->n; k++)
		buf_addf(&b, "%s%s", k ? ", " : "", r->to[k].user ? r->to[k].login : r->to[k].address);
	if (!r->n)
		buf_addf(&b, "undelivered (%s)", pb_role_names[r->role]);
	else if (r->redirected)
		buf_addf(&b, " (redirected from %s)", pb_role_names[r->role]);
	out = pool_strdup(&x->rep->pool, b.data);
	buf_done(&b);
	return out;
}

enum status
pb_route(struct pb_exec *x, const struct pb_account *a, enum pb_role role, struct pb_route *out,
	 struct err *e)
{
	size_t max = 1;
	enum status st;
	int i;

	if ((st = people(x, e)))
		return st;
	memset(out, 0, sizeof(*out));
	out->role = role;
	if (role == PB_ROLE_EXECUTIVE)
		max = x->nadmins;
	else if ((i = names_lookup(conf_notify_roles, pb_role_names[role])) >= 0)
		max = x->noutside[i];
	out->to = pool_alloc(&x->rep->pool, (max + 1) * sizeof(*out->to));
	holders(x, a, role, out);
	if (!out->n) {
		instead(x, a, role, out);
		out->redirected = out->n > 0;
	}
	out->shown = shown(x, out);
	return ST_OK;
}
