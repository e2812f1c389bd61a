/*
 * cmd_task_edit.c -- the `tend task` subcommands that show and change a task
 * after it was added: show, edit, snooze, cancel, reassign, tick and untick.
 * `tend task` itself (its options and dispatch) is in cmd_work.c; the rules
 * are app/task_edit.h's.  Each parses its arguments, calls the use case and
 * names the task and its account in its confirmation.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/task_edit.h"
#include "cli/cli.h"
#include "cli/work_cmd.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/work.h"

static const struct command *
task_cmd(void)
{
	return cli_find("task");
}

/* The one task ID a subcommand takes, alone or before its items. */
static enum status
one_id(struct cli *c, const char *sub, int n, char **args, bool more, int64_t *id)
{
	if (n < 1 || (!more && n > 1))
		return cli_usage(c, task_cmd(), "task %s takes one task ID%s", sub,
				 more ? " and one or more ITEMs" : "");
	return work_ids(c, task_cmd(), "task", 1, args, id);
}

/* A use case's refusal: its field as the option of `tend task`. */
static enum status
app_error(struct cli *c)
{
	static const struct option fields[] = {
		{ "title", 0, NULL, 0 }, { "due", 0, NULL, 0 }, { "priority", 0, NULL, 0 },
		{ "kind", 0, NULL, 0 }, { "until", 0, NULL, 0 }, { "reason", 0, NULL, 0 },
		{ "owner", 0, NULL, 0 }, { NULL, 0, NULL, 0 },
	};

	if (c->err->status == ST_USAGE)
		return cli_app_usage(c, task_cmd(), fields);
	return cli_option_error(c, fields);
}

/* -- show ------------------------------------------------------------------- */

static void
show_line(const char *label, const char *value)
{
	if (!value)
		return;
	printf("  %-11s ", label);
	out_text(stdout, value, false);
	putchar('\n');
}

/* Notes as a block under their label, each line indented. */
static void
show_notes(const char *notes)
{
	char *copy = xstrdup(notes), *line, *save = NULL;

	printf("  notes\n");
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		printf("    ");
		out_text(stdout, line, false);
		putchar('\n');
	}
	free(copy);
}

static void
show_due(const struct task_detail *t)
{
	if (!t->due_date)
		return;
	printf("  %-11s %s", "due", t->due_date);
	if (t->days_left > 0)
		printf(" (in %lld day%s)", (long long)t->days_left, t->days_left == 1 ? "" : "s");
	else if (t->days_left == 0)
		printf(" (today)");
	else
		printf(" (%lld day%s ago)", (long long)-t->days_left, t->days_left == -1 ? "" : "s");
	putchar('\n');
}

static void
show_task(const struct task_detail *t)
{
	printf("task #%lld ", (long long)t->id);
	out_text(stdout, t->title, false);
	putchar('\n');
	if (t->account) {
		printf("  %-11s ", "account");
		out_text(stdout, t->account, false);
		printf(" (");
		out_text(stdout, t->external_id, false);
		printf(")\n");
	} else {
		printf("  %-11s internal task\n", "account");
	}
	printf("  %-11s %s", "status", t->status);
	if (!strcmp(t->status, "snoozed") && t->snoozed_until)
		printf(" until %s", t->snoozed_until);
	if (!strcmp(t->status, "done") && t->done_on)
		printf(" on %s", t->done_on);
	putchar('\n');
	show_line("owner", t->owner ? t->owner : "-");
	show_due(t);
	show_line("priority", t->priority);
	show_line("kind", t->kind);
	show_line("source", t->source);
	show_line("created", t->created_on);
	if (t->escalation_level)
		printf("  %-11s level %d\n", "escalation", t->escalation_level);
	if (!strcmp(t->status, "cancelled"))
		show_line("why", t->cancel_reason);
	if (t->notes)
		show_notes(t->notes);
	if (!t->nitems)
		return;
	printf("checklist %d/%d\n", t->nitems_done, t->nitems);
	for (int i = 0; i < t->nitems; i++) {
		printf("  %2d [%c] ", t->items[i].number, t->items[i].done ? 'x' : ' ');
		out_text(stdout, t->items[i].text, false);
		putchar('\n');
	}
}

enum status
task_cmd_show(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	struct task_detail *t;
	int64_t id;

	(void)o;
	if (one_id(c, "show", n, args, false, &id) || store_task_detail(s, id, &t, c->err))
		return c->err->status;
	show_task(t);
	task_detail_free(t);
	return ST_OK;
}

/* -- edit and snooze: one task ----------------------------------------------- */

enum status
task_cmd_edit(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	struct task_edit_input in = { 0 };
	struct work_done d;

	if (one_id(c, "edit", n, args, false, &in.task_id))
		return c->err->status;
	if (!o->given)
		return cli_usage(c, task_cmd(), "task edit needs something to change: --title, --due, "
				 "--priority, --kind or --notes");
	in.title = o->title;
	in.kind = o->kind;
	in.priority = o->priority;
	in.notes = o->notes;
	in.set_due = o->due_set;
	in.clear_due = o->due_none;
	in.due = o->due;
	if (task_edit(s, &in, &d, c->err))
		return app_error(c);
	printf("task #%lld edited", (long long)d.id);
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}

enum status
task_cmd_snooze(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	char until[DATE_STRLEN];
	struct work_done d;
	int64_t id;

	if (one_id(c, "snooze", n, args, false, &id))
		return c->err->status;
	if (!o->until_arg)
		return cli_usage(c, task_cmd(), "task snooze needs --until D");
	if (task_snooze(s, id, o->until, &d, c->err))
		return app_error(c);
	printf("task #%lld snoozed until %s", (long long)d.id, date_format(o->until, until));
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}

/* -- cancel and reassign: several tasks ---------------------------------------- */

typedef enum status (*many_fn)(struct store *s, const int64_t *ids, int n, const char *arg,
			       struct work_done *out, struct err *e);

/* Run fn over the task ids in args and confirm each: done (with the verb
 * and its detail) or skipped (with what it was already). */
static enum status
many(struct cli *c, struct store *s, const char *sub, int n, char **args, many_fn fn,
     const char *arg, const char *verb, const char *already)
{
	struct work_done *d;
	int64_t *ids;
	enum status st;

	if (n < 1)
		return cli_usage(c, task_cmd(), "task %s takes one or more task IDs", sub);
	ids = xcalloc((size_t)n, sizeof(*ids));
	d = xcalloc((size_t)n, sizeof(*d));
	if (!(st = work_ids(c, task_cmd(), "task", n, args, ids)) &&
	    (st = fn(s, ids, n, arg, d, c->err)))
		st = app_error(c);
	for (int i = 0; !st && i < n; i++) {
		printf("task #%lld ", (long long)d[i].id);
		out_text(stdout, d[i].skipped ? already : verb, false);
		work_print_account(&d[i]);
	}
	work_done_clear(d, n);
	free(d);
	free(ids);
	return st;
}

enum status
task_cmd_cancel(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	return many(c, s, "cancel", n, args, tasks_cancel, o->reason, "cancelled",
		    "was already cancelled");
}

enum status
task_cmd_reassign(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	const char *owner = o->owner && !strcmp(o->owner, "me") ? c->login : o->owner;
	char verb[160], already[160];

	if (!owner)
		return cli_usage(c, task_cmd(), "task reassign needs --owner LOGIN");
	snprintf(verb, sizeof(verb), "reassigned to %s", owner);
	snprintf(already, sizeof(already), "was already %s's", owner);
	return many(c, s, "reassign", n, args, tasks_reassign, owner, verb, already);
}

/* -- tick and untick ------------------------------------------------------------ */

static enum status
items(struct cli *c, struct store *s, const char *sub, int n, char **args, bool done)
{
	const char *verb = done ? "ticked" : "unticked";
	struct task_items_result r;
	int64_t id;
	int shown = 0;

	if (one_id(c, sub, n, args, true, &id))
		return c->err->status;
	if (n < 2)
		return cli_usage(c, task_cmd(), "task %s takes one task ID and one or more ITEMs",
				 sub);
	if (task_items_set(s, id, (const char *const *)args + 1, n - 1, done, &r, c->err))
		return app_error(c);
	for (int i = 0; i < r.n; i++)
		if (r.skipped[i])
			printf("item %d of task #%lld was already %s\n", r.number[i], (long long)id,
			       verb);
	printf("task #%lld checklist %d/%d", (long long)id, r.ndone, r.nitems);
	for (int i = 0; i < r.n; i++)
		if (!r.skipped[i])
			printf("%s%d", shown++ ? ", " : done ? ": ticked " : ": unticked ",
			       r.number[i]);
	work_print_account(&r.task);
	task_items_result_done(&r);
	return ST_OK;
}

enum status
task_cmd_tick(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	(void)o;
	return items(c, s, "tick", n, args, true);
}

enum status
task_cmd_untick(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	(void)o;
	return items(c, s, "untick", n, args, false);
}
