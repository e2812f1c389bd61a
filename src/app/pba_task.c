/*
 * pba_task.c -- the `task` action: a call to action for someone, with a
 * title, a kind, a priority and a due date.
 *
 *   - task: { title: "Call {account.name}", kind: risk, priority: high, due: 2d,
 *             owner: csm, notes: "..." }
 *
 * Fields (struct pb_action): title, text (notes), value (task kind,
 * default activity), priority (default medium), due_days, role (owner).
 * A run writes one open task marked playbook:RULE; the firing's first task
 * is the one escalations' `unless: task_done` watches.  The row and the
 * report line are shared with the checklist action (pba.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "domain/model.h"
#include "app/pba.h"
#include "app/playbook_exec.h"
#include "store/row.h"
#include "store/wtx.h"

void
pba_task_kind(struct pb_parse *p, yaml_node_t *v, struct pb_action *a, const char *key)
{
	const char *name = pb_parse_name(p, v, task_kind_names, "task kind");

	(void)key;
	if (name)
		a->value = name;
}

void
pba_task_line(struct pb_fire *f, const struct pb_action *a, const char *title,
	      const char *kind_default, struct pb_act_report *out)
{
	char line[96];

	pb_role_user(f->account, a->role, &out->who);
	out->what = pb_fire_text(f, out->due, title);
	snprintf(line, sizeof(line), "%s, %s", a->value ? a->value : kind_default,
		 a->priority ? a->priority : "medium");
	out->detail = pool_strdup(&f->x->rep->pool, line);
}

enum status
pba_task_write(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
	       const char *kind_default, int64_t *id, struct err *e)
{
	struct pb_exec *x = f->x;
	const char *shown, *notes = pb_fire_text(f, r->due, a->text);
	int64_t owner = pb_role_user(f->account, a->role, &shown);
	char today[DATE_STRLEN];
	struct row row;
	enum status st;

	row_init(&row, &entity_task);
	row_int(&row, "account", f->account->id);
	row_text(&row, "title", r->what);
	row_text(&row, "kind", a->value ? a->value : kind_default);
	row_text(&row, "priority", a->priority ? a->priority : "medium");
	if (owner)
		row_int(&row, "owner", owner);
	if (r->due)
		row_text(&row, "due_date", r->due);
	row_text(&row, "status", "open");
	row_text(&row, "source", pb_source(x, f->rule));
	row_text(&row, "created_on", date_format(x->day, today));
	if (notes)
		row_text(&row, "notes", notes);
	st = wtx_insert(f->t, &row, id, e);
	row_done(&row);
	if (!st && !f->w.task_id)
		f->w.task_id = *id;
	return st;
}

/* The keys of its body, in the order did-you-mean and messages use. */
static const struct pb_key task_keys[] = {
	{ .name = "title", .required = true, .parse = pb_key_title },
	{ .name = "kind", .parse = pba_task_kind },
	{ .name = "priority", .parse = pb_key_priority },
	{ .name = "due", .parse = pb_key_due },
	{ .name = "owner", .parse = pb_key_role },
	{ .name = "notes", .parse = pb_key_text },
	{ .name = NULL },
};

static void
task_parse(struct pb_parse *p, yaml_node_t *body, struct pb_action *a)
{
	pb_parse_body(p, body, a, task_keys);
}

static void
task_describe(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out)
{
	pba_task_line(f, a, a->title, "activity", out);
}

static enum status
task_execute(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
	     struct err *e)
{
	int64_t id;

	return pba_task_write(f, a, r, "activity", &id, e);
}

const struct pb_action_ops pba_task = {
	.name = "task",                  /* - task: { title: ..., ... } */
	.unless = PB_UNLESS_TASK_DONE,   /* its task can be done */
	.parse = task_parse,             /* a mapping of task_keys */
	.execute = task_execute,         /* one open task */
	.describe = task_describe,       /* "title"  kind, priority  -> owner  due DAY */
};
