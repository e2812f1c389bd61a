/*
 * cmd_undo.c -- `tend undo`: take back your last change, and the one before
 * (app/undo.h); `tend undo list` shows what the next undos would take back.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/undo.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "store/store.h"

/* "1 row on Acme Corporation", "12 rows on 3 accounts", "2 rows". */
static void
print_what(const struct journal_change *ch)
{
	printf("%lld row%s", (long long)ch->rows, ch->rows == 1 ? "" : "s");
	if (ch->accounts == 1) {
		printf(" on ");
		out_text(stdout, ch->account, false);
	} else if (ch->accounts > 1) {
		printf(" on %lld accounts", (long long)ch->accounts);
	}
}

static const struct out_col list_cols[] = {
	{ "id", "ID", COL_INT },
	{ "at", "AT", COL_TEXT },
	{ "action", "ACTION", COL_TEXT },
	{ "rows", "ROWS", COL_INT },
	{ "accounts", "ACCOUNTS", COL_INT },
	{ "account", "ACCOUNT", COL_FREETEXT },
};
#define N_LIST_COLS (int)(sizeof(list_cols) / sizeof(list_cols[0]))

static int
list_row(void *ctx, const struct journal_change *ch)
{
	struct value v[N_LIST_COLS] = {
		{ V_INT, ch->id, 0, NULL }, { V_TEXT, 0, 0, ch->at }, { V_TEXT, 0, 0, ch->action },
		{ V_INT, ch->rows, 0, NULL }, { V_INT, ch->accounts, 0, NULL },
		{ ch->accounts == 1 ? V_TEXT : V_NULL, 0, 0, ch->account },
	};

	out_row(ctx, v);
	return 0;
}

static enum status
cmd_undo(struct cli *c, int argc, char **argv)
{
	struct undo_result r;
	struct store *s;
	struct out out;
	enum status st;
	long n = 10;
	int first;

	if (cli_getopt(c, &cmd_undo_entry, argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	if (first < argc && strcmp(argv[first], "list"))
		return cli_usage(c, &cmd_undo_entry, "unexpected argument '%s'", argv[first]);
	if (first < argc && argc - first > 2)
		return cli_usage(c, &cmd_undo_entry, "list takes at most a number");
	if (argc - first == 2 && cli_int(c, "list", argv[first + 1], 1, 1000, &n))
		return c->err->status;
	if (cli_store(c, false, &s))
		return c->err->status;
	if (first < argc) {
		out_begin(&out, stdout, cli_format(c, OUT_TABLE), list_cols, N_LIST_COLS);
		st = undo_list(s, (int)n, list_row, &out, c->err);
		out_end(&out);
		return st;
	}
	if ((st = undo_last(s, &r, c->err)))
		return st;
	printf("undid '%s' of %s: ", r.change.action, r.change.at);
	print_what(&r.change);
	putchar('\n');
	return ST_OK;
}

const struct command cmd_undo_entry = {
	.name = "undo",
	.args = "[list [N]]",
	.summary = "take back your last change, then the one before",
	.help = "Takes back your last change still in force, exactly: every row it added, changed\n"
		"or removed, in one change of its own (audited as 'undo ACTION').  Run it again\n"
		"to take back the change before that one.  Refused, and nothing changes, when\n"
		"someone changed the same rows since (the message says who and when).  A health\n"
		"recompute and the demo book are derived data: they are never undone.\n\n"
		"tend undo list [N]\n"
		"  The next N changes undo would take back, newest first (default 10).\n",
	.run = cmd_undo,
};
