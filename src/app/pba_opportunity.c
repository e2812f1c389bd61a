/*
 * pba_opportunity.c -- the `opportunity` action: an expansion opportunity
 * on the account, for its AM.
 *
 *   - opportunity: { kind: upsell, title: "More seats for {account.name}", arr: 25000 }
 *
 * Fields (struct pb_action): value (opportunity kind), title, arr_cents.
 * A run writes it in stage qualify, forecast pipeline, handshake proposed,
 * its AM the account's, sourced by the account's owner.
 */
#include "config.h"

#include "core/date.h"
#include "domain/model.h"
#include "app/pba.h"
#include "app/playbook_exec.h"
#include "store/row.h"
#include "store/wtx.h"

static void
kind(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	const char *name = pb_parse_name(p, v, opp_kind_names, "opportunity kind");

	(void)key;
	if (name)
		a->value = name;
}

/* The keys of its body, in the order did-you-mean and messages use. */
static const struct pb_key opportunity_keys[] = {
	{ .name = "kind", .required = true, .parse = kind },
	{ .name = "title", .parse = pb_key_title },
	{ .name = "arr", .parse = pb_key_amount },
	{ .name = NULL },
};

static void
opportunity_parse(struct pb_parse *p, yaml_node_t *body, struct pb_action *a)
{
	pb_parse_body(p, body, a, opportunity_keys);
}

static void
opportunity_describe(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out)
{
	out->what = pb_fire_text(f, NULL, a->title);
	out->detail = a->value;
}

static enum status
opportunity_execute(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
		    struct err *e)
{
	const struct pb_account *acct = f->account;
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	row_init(&row, &entity_opportunity);
	row_int(&row, "account", acct->id);
	if (r->what)
		row_text(&row, "title", r->what);
	row_text(&row, "kind", a->value);
	row_int(&row, "arr", a->arr_cents);
	row_text(&row, "stage", "qualify");
	row_text(&row, "forecast_category", "pipeline");
	if (acct->am)
		row_text(&row, "am", acct->am);
	if (acct->owner_id)
		row_int(&row, "sourced_by", acct->owner_id);
	row_text(&row, "handshake_status", "proposed");
	row_text(&row, "created_on", date_format(f->x->day, today));
	st = wtx_insert(f->t, &row, NULL, e);
	row_done(&row);
	return st;
}

const struct pb_action_ops pba_opportunity = {
	.name = "opportunity",            /* - opportunity: { kind: ..., ... } */
	.unless = 0,                      /* nothing an escalation can wait for */
	.parse = opportunity_parse,       /* a mapping of opportunity_keys */
	.execute = opportunity_execute,   /* one opportunity in qualify */
	.describe = opportunity_describe, /* "title"  kind */
};
