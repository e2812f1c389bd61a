/*
 * pba_risk.c -- the `risk` action: opens a risk on the account (doc/model.md
 * section 6).
 *
 *   - risk: { category: adoption, severity: high, description: "...", owner: csm }
 *
 * Fields (struct pb_action): value (risk category), priority (severity,
 * default medium), text (description), role (owner).  A run writes one
 * open risk marked playbook:RULE; the firing's first risk is the one
 * escalations' `unless: risk_mitigated` watches.
 */
#include "config.h"

#include "core/date.h"
#include "domain/model.h"
#include "app/pba.h"
#include "app/playbook_exec.h"
#include "store/row.h"
#include "store/wtx.h"

static void
category(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	const char *name = pb_parse_name(p, v, risk_category_names, "risk category");

	(void)key;
	if (name)
		a->value = name;
}

/* The keys of its body, in the order did-you-mean and messages use. */
static const struct pb_key risk_keys[] = {
	{ .name = "category", .required = true, .parse = category },
	{ .name = "severity", .parse = pb_key_priority },
	{ .name = "description", .parse = pb_key_text },
	{ .name = "owner", .parse = pb_key_role },
	{ .name = NULL },
};

static void
risk_parse(struct pb_parse *p, yaml_node_t *body, struct pb_action *a)
{
	pb_parse_body(p, body, a, risk_keys);
}

static void
risk_describe(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out)
{
	pb_role_user(f->account, a->role, &out->who);
	out->what = a->value;
	out->detail = a->priority ? a->priority : "medium";
}

static enum status
risk_execute(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
	     struct err *e)
{
	struct pb_exec *x = f->x;
	const char *shown, *description = pb_fire_text(f, r->due, a->text);
	int64_t owner = pb_role_user(f->account, a->role, &shown), id;
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	row_init(&row, &entity_risk);
	row_int(&row, "account", f->account->id);
	row_text(&row, "category", a->value);
	row_text(&row, "severity", a->priority ? a->priority : "medium");
	row_text(&row, "status", "open");
	row_text(&row, "opened_on", date_format(x->day, today));
	if (owner)
		row_int(&row, "owner", owner);
	if (description)
		row_text(&row, "description", description);
	row_text(&row, "source", pb_source(x, f->rule));
	st = wtx_insert(f->t, &row, &id, e);
	row_done(&row);
	if (!st && !f->w.risk_id)
		f->w.risk_id = id;
	return st;
}

const struct pb_action_ops pba_risk = {
	.name = "risk",                     /* - risk: { category: ..., ... } */
	.unless = PB_UNLESS_RISK_MITIGATED, /* its risk can be mitigated */
	.parse = risk_parse,                /* a mapping of risk_keys */
	.execute = risk_execute,            /* one open risk */
	.describe = risk_describe,          /* "category"  severity  -> owner */
};
