/*
 * cmd_work.c -- a CSM's daily writes: `tend log` (a touchpoint on the
 * timeline) and `tend task`: add, list and done here, the subcommands that
 * change a task after it was added in cmd_task_edit.c (cli/work_cmd.h).
 * Each command is one user action: one write transaction, audited row by
 * row.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/work_cmd.h"
#include "core/xalloc.h"
#include "app/actions.h"
#include "store/store.h"

/* Is the login a user of this book? */
static bool
is_user(struct cli *c, struct store *s)
{
	struct err ignore = { ST_OK, "" };
	int64_t id;

	return store_user_id(s, c->login, &id, &ignore) == ST_OK;
}

/* -- log ------------------------------------------------------------------- */

struct log_opts {
	const char *summary, *kind, *follow_ups, *with;
	int32_t date;
	bool date_set;
	long duration, sentiment;
	bool reactive, planned;
};

static enum status
log_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct log_opts *o = ctx;

	switch (opt) {
	case 'm': o->summary = arg; return ST_OK;
	case 'k': o->kind = arg; return cli_choice(c, "kind", arg, touch_kind_names);
	case 'd': o->date_set = true; return cli_date(c, "date", arg, &o->date);
	case 'u': return cli_int(c, "duration", arg, 0, 24 * 60, &o->duration);
	case 's': return cli_int(c, "sentiment", arg, 1, 5, &o->sentiment);
	case 'r': o->reactive = true; return ST_OK;
	case 'p': o->planned = true; return ST_OK;
	case 'w': o->with = arg; return ST_OK;
	case 'f': o->follow_ups = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

static enum status
cmd_log(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "summary", required_argument, NULL, 'm' },
		{ "kind", required_argument, NULL, 'k' },
		{ "date", required_argument, NULL, 'd' },
		{ "duration", required_argument, NULL, 'u' },
		{ "sentiment", required_argument, NULL, 's' },
		{ "reactive", no_argument, NULL, 'r' },
		{ "planned", no_argument, NULL, 'p' },
		{ "with", required_argument, NULL, 'w' },
		{ "follow-ups", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("log");
	struct log_opts o = { .kind = "call", .duration = -1, .sentiment = -1 };
	struct touch_input in;
	char date[DATE_STRLEN];
	struct store *s;
	int64_t id;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "m:", opts, log_opt, &o, &first) || first < 0)
		return c->err->status;
	/* Fixing the timeline: these parse the line again with their own options. */
	if (first < argc && !strcmp(argv[first], "edit"))
		return log_cmd_edit(c, argc, argv);
	if (first < argc && !strcmp(argv[first], "delete"))
		return log_cmd_delete(c, argc, argv);
	if (argc - first < 1 || argc - first > 2)
		return cli_usage(c, cmd, "expected an ACCOUNT and at most one SUMMARY");
	if (argc - first == 2) {
		if (o.summary)
			return cli_usage(c, cmd, "give the summary either with -m or as an argument");
		o.summary = argv[first + 1];
	}
	if (!o.date_set)
		o.date = c->clock.today;
	if (cli_store(c, false, &s))
		return c->err->status;
	in = (struct touch_input){ .kind = o.kind, .date = o.date, .summary = o.summary,
		.follow_ups = o.follow_ups, .duration = (int)o.duration, .sentiment = (int)o.sentiment,
		.reactive = o.reactive, .attendees = o.with, .today = c->clock.today,
		.planned = o.planned };
	if (store_account_resolve(s, argv[first], &in.account_id, c->err))
		return c->err->status;
	if ((st = action_log(s, c->login, &in, &id, c->err)))
		return cli_option_error(c, opts);
	printf("%s %s #%lld on %s for ", o.planned ? "planned" : "logged", o.kind, (long long)id,
	       date_format(o.date, date));
	cli_print_account(stdout, s, in.account_id);
	printf("\n");
	return ST_OK;
}

static const char cmd_log_help[] =
	"Adds a touchpoint to the account's timeline.\n\n"
	"  -m, --summary TEXT    what happened (or give it as SUMMARY)\n"
	"  --kind K              call, meeting, email, qbr, ebr, onsite, webinar,\n"
	"                        internal_review or note (default call)\n"
	"  --date D              when (default today; also yesterday, -3d)\n"
	"  --duration MIN        minutes\n"
	"  --sentiment N         1 (unhappy) to 5 (delighted)\n"
	"  --reactive            the customer initiated it\n"
	"  --planned             it is still to come: --date is after today (a past\n"
	"                        event is never dated in the future)\n"
	"  --with EMAIL,...      attendees, by email\n"
	"  --follow-ups TEXT     agreed next steps\n"
	"\n"
	"tend log edit ID [--summary T] [--kind K] [--date D] [--duration MIN]\n"
	"              [--sentiment N] [--with EMAIL,...] [--follow-ups TEXT] [--planned]\n"
	"  Changes the fields given of touchpoint ID (as 'tend account show' or\n"
	"  'tend export touchpoint' lists them); --with replaces the attendees\n"
	"  (--with none: nobody); a date after today needs --planned.\n"
	"tend log delete ID\n"
	"  Deletes touchpoint ID.\n"
	"Only a touchpoint's author may edit or delete it; a lead or an admin may\n"
	"change any.  An account called 'edit' or 'delete' is logged to by its id\n"
	"or external id.\n";

const struct command cmd_log_entry = {
	.name = "log",
	.args = "ACCOUNT [SUMMARY] [--kind K] [--date D] [--duration MIN] [--sentiment N] "
		"[--reactive] [--planned] [--with EMAIL,...] | edit ID ... | delete ID",
	.summary = "record a touchpoint (call, meeting, QBR, note, ...), fix or delete one",
	.help = cmd_log_help,
	.run = cmd_log,
};

/* -- task ------------------------------------------------------------------ */

static enum status
task_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct task_opts *o = ctx;

	switch (opt) {
	case 'd': o->given |= TASK_OPT_DUE; o->due_arg = arg; return ST_OK;
	case 'p':
		o->given |= TASK_OPT_PRIORITY;
		o->priority = arg;
		return cli_choice(c, "priority", arg, priority_names);
	case 'k':
		o->given |= TASK_OPT_KIND;
		o->kind = arg;
		return cli_choice(c, "kind", arg, task_kind_names);
	case 'o': o->given |= TASK_OPT_OWNER; o->owner = arg; return ST_OK;
	case 's':
		o->given |= TASK_OPT_STATUS;
		o->status = arg;
		if (!strcmp(arg, "all"))
			return ST_OK;
		return cli_choice(c, "status", arg, task_status_names);
	case 'a': o->given |= TASK_OPT_ACCOUNT; o->account = arg; return ST_OK;
	case 'O': o->given |= TASK_OPT_OVERDUE; o->overdue = true; return ST_OK;
	case 't': o->given |= TASK_OPT_TITLE; o->title = arg; return ST_OK;
	case 'n': o->given |= TASK_OPT_NOTES; o->notes = arg; return ST_OK;
	case 'u': o->given |= TASK_OPT_UNTIL; o->until_arg = arg; return ST_OK;
	case 'r': o->given |= TASK_OPT_REASON; o->reason = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

/* In the order of enum task_opt_bit. */
static const struct option task_options[] = {
	{ "due", required_argument, NULL, 'd' },
	{ "priority", required_argument, NULL, 'p' },
	{ "kind", required_argument, NULL, 'k' },
	{ "owner", required_argument, NULL, 'o' },
	{ "status", required_argument, NULL, 's' },
	{ "account", required_argument, NULL, 'a' },
	{ "overdue", no_argument, NULL, 'O' },
	{ "title", required_argument, NULL, 't' },
	{ "notes", required_argument, NULL, 'n' },
	{ "until", required_argument, NULL, 'u' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

/* The dates, once every option (--now included) is read. */
static enum status
task_dates(struct cli *c, struct task_opts *o)
{
	if (o->due_arg && !strcmp(o->due_arg, "none"))
		o->due_none = true;
	else if (o->due_arg && cli_date(c, "due", o->due_arg, &o->due))
		return c->err->status;
	o->due_set = o->due_arg && !o->due_none;
	if (o->until_arg && cli_date(c, "until", o->until_arg, &o->until))
		return c->err->status;
	return ST_OK;
}

static enum status
task_add(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	const struct command *cmd = cli_find("task");
	struct task_input in = { 0 };
	char due[DATE_STRLEN];
	int64_t id;
	enum status st;

	if (n != 2)
		return cli_usage(c, cmd, "task add takes an ACCOUNT (or -) and a TITLE");
	if (!*args[1])
		return cli_usage(c, cmd, "the title is empty");
	if (strcmp(args[0], "-") && store_account_resolve(s, args[0], &in.account_id, c->err))
		return c->err->status;
	in.title = args[1];
	in.kind = o->kind;
	in.priority = o->priority;
	in.owner = o->owner && !strcmp(o->owner, "me") ? c->login : o->owner;
	in.due = o->due;
	in.has_due = o->due_set;
	if ((st = action_task_add(s, c->login, &in, &id, c->err)))
		return st;
	printf("task #%lld added", (long long)id);
	if (in.account_id) {
		printf(" for ");
		cli_print_account(stdout, s, in.account_id);
	}
	if (o->due_set)
		printf(", due %s", date_format(o->due, due));
	printf("\n");
	return ST_OK;
}

static const struct out_col task_cols[] = {
	{ "id", "ID", COL_INT },
	{ "due_date", "DUE", COL_DATE },
	{ "days_left", "DAYS", COL_INT },
	{ "priority", "PRIORITY", COL_TEXT },
	{ "title", "TITLE", COL_FREETEXT },
	{ "account", "ACCOUNT", COL_FREETEXT },
	{ "owner", "OWNER", COL_TEXT },
	{ "status", "STATUS", COL_TEXT },
	{ "kind", "KIND", COL_TEXT },
	{ "source", "SOURCE", COL_TEXT },
};
#define N_TASK_COLS ((int)(sizeof(task_cols) / sizeof(task_cols[0])))

#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : (struct value){ V_NULL, 0, 0, NULL })

static int
task_row_out(void *ctx, const struct task_row *t)
{
	struct value v[N_TASK_COLS] = {
		{ V_INT, t->id, 0, NULL },
		TEXTV(t->due_date),
		t->due_date ? (struct value){ V_INT, t->days_left, 0, NULL } : (struct value){ V_NULL, 0, 0, NULL },
		TEXTV(t->priority),
		TEXTV(t->title),
		TEXTV(t->account),
		TEXTV(t->owner),
		TEXTV(t->status),
		TEXTV(t->kind),
		TEXTV(t->source),
	};

	out_row(ctx, v);
	return 0;
}

static enum status
task_list(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	struct task_filter f = { .status = o->status, .overdue = o->overdue };
	struct out out;
	enum status st;

	(void)args;
	if (n != 0)
		return cli_usage(c, cli_find("task"), "task list takes no arguments");
	if (o->account && store_account_resolve(s, o->account, &f.account_id, c->err))
		return c->err->status;
	if (o->owner && strcmp(o->owner, "all"))
		f.owner = !strcmp(o->owner, "me") ? c->login : o->owner;
	else if (!o->owner && !o->account && is_user(c, s))
		f.owner = c->login;   /* your own list by default, when you are a user */
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), task_cols, N_TASK_COLS);
	out_drop(&out, (const char *const[]){ "source", "kind", "days_left", "status", NULL });
	st = store_tasks_each(s, &f, task_row_out, &out, c->err);
	out_end(&out);
	return st;
}

enum status
work_ids(struct cli *c, const struct command *cmd, const char *what, int n, char **args,
	 int64_t *ids)
{
	long id;

	for (int i = 0; i < n; i++) {
		if (cli_int(c, "ID", args[i], 1, 1L << 62, &id))
			return cli_usage(c, cmd, "'%s' is not a %s id", args[i], what);
		ids[i] = id;
	}
	return ST_OK;
}

void
work_print_account(const struct work_done *d)
{
	if (!d->account) {
		printf(" (internal task)\n");
		return;
	}
	/* As cli_print_account() words it for every other write. */
	printf(" for ");
	out_text(stdout, d->account, false);
	if (d->external_id) {
		printf(" (");
		out_text(stdout, d->external_id, false);
		printf(")");
	}
	printf("\n");
}

static enum status
task_done(struct cli *c, struct store *s, const struct task_opts *o, int n, char **args)
{
	const struct command *cmd = cli_find("task");
	int64_t *ids, *skipped_ids;
	int done, skipped;
	enum status st;

	(void)o;
	if (n < 1)
		return cli_usage(c, cmd, "task done takes one or more task IDs");
	ids = xcalloc((size_t)n, sizeof(*ids));
	skipped_ids = xcalloc((size_t)n, sizeof(*skipped_ids));
	st = work_ids(c, cmd, "task", n, args, ids);
	if (!st)
		st = action_tasks_done(s, ids, n, &done, &skipped, skipped_ids, c->err);
	if (!st) {
		for (int i = 0; i < skipped; i++)
			printf("task #%lld was already done\n", (long long)skipped_ids[i]);
		printf("%d task%s done\n", done, done == 1 ? "" : "s");
	}
	free(ids);
	free(skipped_ids);
	return st;
}

/* Each subcommand with the options it takes. */
static const struct task_sub {
	const char *name;
	unsigned opts;             /* enum task_opt_bit */
	task_sub_fn run;
} task_subs[] = {
	{ "add", TASK_OPT_DUE | TASK_OPT_PRIORITY | TASK_OPT_KIND | TASK_OPT_OWNER, task_add },
	{ "list", TASK_OPT_OWNER | TASK_OPT_ACCOUNT | TASK_OPT_STATUS | TASK_OPT_OVERDUE, task_list },
	{ "done", 0, task_done },
	{ "show", 0, task_cmd_show },
	{ "edit", TASK_OPT_TITLE | TASK_OPT_DUE | TASK_OPT_PRIORITY | TASK_OPT_KIND | TASK_OPT_NOTES,
	  task_cmd_edit },
	{ "snooze", TASK_OPT_UNTIL, task_cmd_snooze },
	{ "cancel", TASK_OPT_REASON, task_cmd_cancel },
	{ "reassign", TASK_OPT_OWNER, task_cmd_reassign },
	{ "tick", 0, task_cmd_tick },
	{ "untick", 0, task_cmd_untick },
};
#define N_TASK_SUBS (sizeof(task_subs) / sizeof(task_subs[0]))
#define TASK_SUB_NAMES "add, list, done, show, edit, snooze, cancel, reassign, tick or untick"

static enum status
cmd_task(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("task");
	const struct task_sub *sub = NULL;
	struct task_opts o = { 0 };
	struct store *s;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", task_options, task_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first >= argc)
		return cli_usage(c, cmd, "expected " TASK_SUB_NAMES);
	for (size_t i = 0; i < N_TASK_SUBS; i++)
		if (!strcmp(argv[first], task_subs[i].name))
			sub = &task_subs[i];
	if (!sub)
		return cli_usage(c, cmd, "'%s' is not " TASK_SUB_NAMES, argv[first]);
	first++;
	for (int i = 0; task_options[i].name; i++)
		if ((o.given & ~sub->opts) & (1u << i))
			return cli_usage(c, cmd, "task %s does not take --%s", sub->name,
					 task_options[i].name);
	if (task_dates(c, &o) || cli_store(c, false, &s))
		return c->err->status;
	return sub->run(c, s, &o, argc - first, argv + first);
}

static const char cmd_task_help[] =
	"tend task add ACCOUNT TITLE [--due D] [--priority P] [--kind K] [--owner LOGIN]\n"
	"  Adds an open task; ACCOUNT '-' makes an internal task.  --due takes\n"
	"  YYYY-MM-DD, today, tomorrow or +Nd/+Nw/+Nm.  Priority low, medium (default),\n"
	"  high or critical; kind risk, expansion, lifecycle, renewal, cadence or\n"
	"  activity (default).  The owner defaults to you.\n"
	"tend task list [--owner LOGIN|me|all] [--account A] [--status S] [--overdue]\n"
	"  Open and snoozed tasks, soonest due first.  --status open, done, cancelled,\n"
	"  snoozed or all.  By default your tasks when you are a user of the book.\n"
	"  A snoozed task is open again from the day its snooze ends.\n"
	"tend task done ID...\n"
	"  Marks tasks done today, all in one change.\n"
	"tend task show ID\n"
	"  The task with its notes and its checklist.\n"
	"tend task edit ID [--title T] [--due D|none] [--priority P] [--kind K] [--notes TEXT]\n"
	"  Changes the fields given; --due none removes the due date, --notes '' the notes.\n"
	"tend task snooze ID --until D\n"
	"  Puts an open task aside until the day D (after today).\n"
	"tend task cancel ID... [--reason TEXT]\n"
	"  Cancels open and snoozed tasks, all in one change.\n"
	"tend task reassign ID... --owner LOGIN\n"
	"  Gives open and snoozed tasks to another user of the book.\n"
	"tend task tick ID ITEM...  /  tend task untick ID ITEM...\n"
	"  Ticks (unticks) checklist items, named by their number in 'task show'\n"
	"  (1, 2, ...) or by their id.\n";

const struct command cmd_task_entry = {
	.name = "task",
	.args = "add ACCOUNT TITLE | list | done ID... | show ID | edit ID | snooze ID --until D | "
		"cancel ID... | reassign ID... --owner LOGIN | tick|untick ID ITEM...",
	.summary = "add, list, complete and change tasks (calls to action) and their checklists",
	.help = cmd_task_help,
	.run = cmd_task,
};
