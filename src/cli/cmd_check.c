/*
 * cmd_check.c -- `tend check`: is the book sound?
 *
 * The store's own integrity check (every page, index and constraint) and its
 * foreign-key check, read-only.  A book that fails them is not repaired
 * here: the message says how to get back to a good one.
 */
#include "config.h"

#include <stdio.h>

#include "cli/audit_cmd.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "store/store.h"

static void
problem(void *ctx, const char *check, const char *text)
{
	(void)ctx;
	printf("%s: ", check);
	out_text(stdout, text, false);
	putchar('\n');
}

static enum status
cmd_check(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("check");
	struct store *s;
	struct audit_verdict v;
	int first, problems;

	if (cli_getopt(c, cmd, argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cmd, "unexpected argument '%s'", argv[first]);
	if (cli_store(c, false, &s) || store_check(s, problem, NULL, &problems, c->err))
		return c->err->status;
	if (store_audit_verify(s, false, &v, c->err) || (v.chained && audit_report(stdout, &v, c->err)))
		return c->err->status;
	printf("the book is sound: integrity and foreign keys check out%s\n",
	       v.chained ? ", and the audit log's chain holds" : "");
	return ST_OK;
}

static const char cmd_check_help[] =
	"Runs the book's integrity check and foreign-key check on the book, without\n"
	"writing to it, and lists what they find.  Exit 0 when the book is sound,\n"
	"65 when it is damaged.\n";

const struct command cmd_check_entry = {
	.name = "check",
	.args = "",
	.summary = "check the book's integrity and foreign keys",
	.help = cmd_check_help,
	.run = cmd_check,
};
