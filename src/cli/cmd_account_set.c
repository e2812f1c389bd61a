/*
 * cmd_account_set.c -- `tend account set`: change an account's owner, AM,
 * RM, segment, touch model, package, stage, partner, seats, tags and notes
 * in one audited change (app/account_edit.h), and say what changed.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/account_cmd.h"
#include "domain/model.h"
#include "store/store.h"

const struct option account_set_options[] = {
	{ "owner", required_argument, NULL, 'o' },
	{ "am", required_argument, NULL, 'A' },
	{ "rm", required_argument, NULL, 'R' },
	{ "segment", required_argument, NULL, 'g' },
	{ "touch", required_argument, NULL, 'T' },
	{ "package", required_argument, NULL, 'P' },
	{ "stage", required_argument, NULL, 's' },
	{ "partner", required_argument, NULL, 'p' },
	{ "seats", required_argument, NULL, 'S' },
	{ "tag", required_argument, NULL, 't' },
	{ "notes", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

enum status
account_set_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct account_set_opts *o = ctx;
	struct account_edit_input *in = &o->in;
	long v;

	o->given++;
	switch (opt) {
	case 'o': in->owner = !strcmp(arg, "me") ? c->login : arg; return ST_OK;
	case 'A': in->am = !strcmp(arg, "me") ? c->login : arg; return ST_OK;
	case 'R': in->rm = !strcmp(arg, "me") ? c->login : arg; return ST_OK;
	case 'g': in->segment = arg; return cli_choice(c, "segment", arg, segment_names);
	case 'T': in->touch_model = arg; return cli_choice(c, "touch", arg, touch_model_names);
	case 'P': in->package = arg; return cli_choice(c, "package", arg, package_names);
	case 's': in->stage = arg; return cli_choice(c, "stage", arg, stage_names);
	case 'p': in->partner = arg; return ST_OK;
	case 'S':
		if (cli_int(c, "seats", arg, 1, 100000000, &v))
			return c->err->status;
		in->seats = v;
		in->has_seats = true;
		return ST_OK;
	case 't':
		if (in->ntags >= ACCOUNT_EDIT_MAX_TAGS)
			return err_set(c->err, ST_USAGE, "--tag: at most %d at once", ACCOUNT_EDIT_MAX_TAGS);
		in->tags[in->ntags++] = arg;
		return ST_OK;
	case 'n': in->notes = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

enum status
account_set(struct cli *c, struct account_set_opts *o, int n, char **args)
{
	const struct command *cmd = cli_find("account");
	struct edit_report rep;
	struct buf line;
	struct store *s;
	enum status st;

	if (n != 1)
		return cli_usage(c, cmd, "account set takes one ACCOUNT");
	if (!o->given)
		return cli_usage(c, cmd, "account set: say what to change (--stage, --owner, ...)");
	if (cli_store(c, false, &s) || store_account_resolve(s, args[0], &o->in.account_id, c->err))
		return c->err->status;
	edit_report_init(&rep);
	st = account_edit(s, c->login, &o->in, &rep, c->err);
	if (st) {
		edit_report_done(&rep);
		return cli_option_error(c, account_set_options);
	}
	buf_init(&line);
	out_text(stdout, edit_report_line(&rep, &line), false);
	putchar('\n');
	buf_done(&line);
	edit_report_done(&rep);
	return ST_OK;
}
