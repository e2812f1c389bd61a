/*
 * pba_checklist.c -- the `checklist` action: a task made from a template
 * of the playbooks (templates:), with the template's items.
 *
 *   - checklist: { template: qbr-prep, title: "QBR for {account.name}", kind: cadence,
 *                  priority: low, due: 14d, owner: lead }
 *
 * Fields (struct pb_action): checklist (the template, resolved once every
 * file is loaded), title (default: the template's), value (task kind,
 * default lifecycle), priority (default medium), due_days, role (owner).
 * A run writes the task as the task action does (pba_task.c) and then
 * one item per template item, in order, not done.
 */
#include "config.h"

#include <stdint.h>

#include "app/pba.h"
#include "app/playbook_exec.h"
#include "store/row.h"
#include "store/wtx.h"

/* The keys of its body, in the order did-you-mean and messages use. */
static const struct pb_key checklist_keys[] = {
	{ .name = "template", .required = true, .parse = pb_key_template },
	{ .name = "title", .parse = pb_key_title },
	{ .name = "kind", .parse = pba_task_kind },
	{ .name = "priority", .parse = pb_key_priority },
	{ .name = "due", .parse = pb_key_due },
	{ .name = "owner", .parse = pb_key_role },
	{ .name = NULL },
};

static void
checklist_parse(struct pb_parse *p, yaml_node_t *body, struct pb_action *a)
{
	pb_parse_body(p, body, a, checklist_keys);
}

static void
checklist_describe(struct pb_fire *f, const struct pb_action *a, struct pb_act_report *out)
{
	const struct pb_template *t = a->checklist;

	pba_task_line(f, a, a->title ? a->title : t ? t->title : NULL, "lifecycle", out);
	out->items = t ? t->nitems : 0;
}

static enum status
checklist_execute(struct pb_fire *f, const struct pb_action *a, const struct pb_act_report *r,
		  struct err *e)
{
	const struct pb_template *t = a->checklist;
	struct row row;
	int64_t id;
	enum status st = pba_task_write(f, a, r, "lifecycle", &id, e);

	for (size_t i = 0; !st && t && i < t->nitems; i++) {
		row_init(&row, &entity_task_item);
		row_int(&row, "task", id);
		row_int(&row, "position", (int64_t)i + 1);
		/* Items show no facts: a hit carries only those its rule's
		 * condition and texts name (pb_text_facts), not the items'. */
		row_text(&row, "text",
			 pb_text(f->x, f->rule, f->account, NULL, r->due, t->items[i]));
		row_int(&row, "done", 0);
		st = wtx_insert(f->t, &row, NULL, e);
		row_done(&row);
	}
	return st;
}

const struct pb_action_ops pba_checklist = {
	.name = "checklist",             /* - checklist: { template: ID, ... } */
	.unless = PB_UNLESS_TASK_DONE,   /* its task can be done */
	.parse = checklist_parse,        /* a mapping of checklist_keys */
	.execute = checklist_execute,    /* an open task and its items */
	.describe = checklist_describe,  /* "title"  kind, priority, N items  -> owner  due DAY */
};
