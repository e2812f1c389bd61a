/*
 * pba_notify.c -- the `notify` action: a message in someone's inbox.
 *
 *   - notify: { to: support, message: "Ticket spike at {account.name}" }
 *
 * Fields (struct pb_action): role (recipient), text (message).  Whom the
 * role reaches for the account is pb_route's rule (playbook_route.c): its
 * own CSM, lead, AM or RM, the people the config names for support and
 * marketing, else the owner, a lead or an admin instead.  A run writes the
 * inbox items with the firing record, which they point to, so the action
 * only queues them (struct pb_written).
 */
#include "config.h"

#include "app/pba.h"
#include "app/playbook_exec.h"

/* The keys of its body, in the order did-you-mean and messages use. */
static const struct pb_key notify_keys[] = {
	{ .name = "to", .required = true, .parse = pb_key_role },
	{ .name = "message", .required = true, .parse = pb_key_text },
	{ .name = NULL },
};

static void
notify_parse(struct pb_parse *p, yaml_node_t *body, struct pb_action *a)
{
	pb_parse_body(p, body, a, notify_keys);
}

static void
notify_describe(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out)
{
	struct pb_route route;
	struct err e = { 0 };

	out->form = PB_FORM_MESSAGE;
	/* A failed read shows the role; the run's execute meets it again. */
	out->who = pb_route(f->x, f->account, a->role, &route, &e) ? pb_role_names[a->role]
								       : route.shown;
	out->what = pb_fire_text(f, NULL, a->text);
}

static enum status
notify_execute(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
	       struct err *e)
{
	struct pb_written *w = &f->w;
	struct pb_pending *n;

	(void)e;
	if (!w->notes)
		w->notes = pool_alloc(&f->x->rep->pool, f->rule->nactions * sizeof(*w->notes));
	n = &w->notes[w->nnotes++];
	n->role = a->role;
	n->message = r->what;
	return ST_OK;
}

const struct pb_action_ops pba_notify = {
	.name = "notify",                /* - notify: { to: ROLE, message: ... } */
	.unless = 0,                     /* acknowledged needs no action */
	.parse = notify_parse,           /* a mapping of notify_keys */
	.execute = notify_execute,       /* an inbox item, with the firing */
	.describe = notify_describe,     /* recipient: "message" */
};
