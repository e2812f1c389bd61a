/*
 * pba_stage.c -- the `stage` action: moves the account to a lifecycle
 * stage.
 *
 *   - stage: renew
 *
 * Fields (struct pb_action): value (the stage).  An account already in
 * the stage is left as it is (the report says "already"); otherwise a run
 * sets its stage and stage_since (today) and records the change in its
 * stage history, as `tend account set --stage` does (app/account_edit.h),
 * with the rule as its source.
 */
#include "config.h"

#include <string.h>

#include "core/date.h"
#include "domain/model.h"
#include "app/account_edit.h"
#include "app/pba.h"
#include "app/playbook_exec.h"
#include "store/row.h"
#include "store/wtx.h"

/* The body is the stage's name. */
static void
stage_parse(struct pb_parse *p, yaml_node_t *body, struct pb_action *a)
{
	const char *name = pb_parse_name(p, body, stage_names, "stage");

	if (name)
		a->value = name;
}

static void
stage_describe(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out)
{
	out->form = PB_FORM_CHANGE;
	out->what = a->value;
	if (!strcmp(f->account->stage, a->value)) {
		out->unchanged = true;
		out->detail = "unchanged";
	} else {
		out->detail = f->account->stage;   /* the stage it leaves */
	}
}

static enum status
stage_execute(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
	      struct err *e)
{
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	(void)r;
	if ((st = account_stage_write(f->t, f->x->s, f->account->id, a->value, f->x->day, 0,
				      pb_source(f->x, f->rule), e)))
		return st;
	row_init(&row, &entity_account);
	row_text(&row, "stage", a->value);
	row_text(&row, "stage_since", date_format(f->x->day, today));
	st = wtx_update(f->t, &row, f->account->id, e);
	row_done(&row);
	return st;
}

const struct pb_action_ops pba_stage = {
	.name = "stage",                 /* - stage: STAGE */
	.unless = 0,                     /* nothing an escalation can wait for */
	.parse = stage_parse,            /* a stage name */
	.execute = stage_execute,        /* the account's stage, stage_since and history */
	.describe = stage_describe,      /* STAGE (was OLD), STAGE (already) */
};
