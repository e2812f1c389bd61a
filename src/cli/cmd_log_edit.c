/*
 * cmd_log_edit.c -- `tend log edit ID ...` and `tend log delete ID`: fixing
 * the timeline, by a touchpoint's author or a lead (app/touchpoint.h has
 * the rules).  `tend log` itself is in cmd_work.c and hands these two
 * subcommands the whole line, which they parse with their own options.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/touchpoint.h"
#include "cli/cli.h"
#include "cli/work_cmd.h"
#include "domain/model.h"
#include "store/store.h"

struct edit_opts {
	struct touch_edit_input in;
	const char *date;          /* parsed after every option, --now included */
	long duration, sentiment;
};

static const struct option edit_options[] = {
	{ "summary", required_argument, NULL, 'm' },
	{ "kind", required_argument, NULL, 'k' },
	{ "date", required_argument, NULL, 'd' },
	{ "duration", required_argument, NULL, 'u' },
	{ "sentiment", required_argument, NULL, 's' },
	{ "with", required_argument, NULL, 'w' },
	{ "follow-ups", required_argument, NULL, 'f' },
	{ "planned", no_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

static enum status
edit_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct edit_opts *o = ctx;

	switch (opt) {
	case 'm': o->in.summary = arg; return ST_OK;
	case 'k': o->in.kind = arg; return cli_choice(c, "kind", arg, touch_kind_names);
	case 'd': o->date = arg; return ST_OK;
	case 'u': return cli_int(c, "duration", arg, 0, 24 * 60, &o->duration);
	case 's': return cli_int(c, "sentiment", arg, 1, 5, &o->sentiment);
	case 'w': o->in.attendees = arg; return ST_OK;
	case 'f': o->in.follow_ups = arg; return ST_OK;
	case 'p': o->in.planned = true; return ST_OK;
	}
	return ST_SOFTWARE;
}

/* The touchpoint ID after `edit` or `delete`, the only argument. */
static enum status
touch_id(struct cli *c, const char *sub, int argc, char **argv, int first, int64_t *id)
{
	const struct command *cmd = cli_find("log");

	if (argc - first != 2)
		return cli_usage(c, cmd, "log %s takes one touchpoint ID", sub);
	return work_ids(c, cmd, "touchpoint", 1, argv + first + 1, id);
}

static enum status
app_error(struct cli *c)
{
	if (c->err->status == ST_USAGE)
		return cli_app_usage(c, cli_find("log"), edit_options);
	return cli_option_error(c, edit_options);
}

enum status
log_cmd_edit(struct cli *c, int argc, char **argv)
{
	struct edit_opts o = { .duration = -1, .sentiment = -1 };
	struct work_done d;
	struct store *s;
	int first;

	if (cli_getopt(c, cli_find("log"), argc, argv, "m:", edit_options, edit_opt, &o, &first) ||
	    first < 0)
		return c->err->status;
	if (touch_id(c, "edit", argc, argv, first, &o.in.id))
		return c->err->status;
	o.in.set_date = o.date != NULL;
	if (o.date && cli_date(c, "date", o.date, &o.in.date))
		return c->err->status;
	o.in.today = c->clock.today;
	o.in.duration = (int)o.duration;
	o.in.sentiment = (int)o.sentiment;
	if (cli_store(c, false, &s))
		return c->err->status;
	if (touchpoint_edit(s, c->login, &o.in, &d, c->err))
		return app_error(c);
	printf("touchpoint #%lld edited", (long long)d.id);
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}

enum status
log_cmd_delete(struct cli *c, int argc, char **argv)
{
	struct work_done d;
	struct store *s;
	int64_t id;
	int first;

	if (cli_getopt(c, cli_find("log"), argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	if (touch_id(c, "delete", argc, argv, first, &id) || cli_store(c, false, &s))
		return c->err->status;
	if (touchpoint_delete(s, c->login, id, &d, c->err))
		return app_error(c);
	printf("touchpoint #%lld deleted", (long long)d.id);
	work_print_account(&d);
	work_done_clear(&d, 1);
	return ST_OK;
}
