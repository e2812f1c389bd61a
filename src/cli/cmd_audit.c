/*
 * cmd_audit.c -- `tend audit`: the audit log's subcommands (verify, in
 * cmd_audit_verify.c).
 */
#include "config.h"

#include <string.h>

#include "cli/audit_cmd.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"

static enum status
cmd_audit(struct cli *c, int argc, char **argv)
{
	struct store *s;
	int first;

	if (cli_getopt(c, &cmd_audit_entry, argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	if (first >= argc)
		return cli_usage(c, &cmd_audit_entry, "say what to do: verify");
	if (strcmp(argv[first], "verify"))
		return cli_usage(c, &cmd_audit_entry, "unknown subcommand '%s' (allowed: verify)", argv[first]);
	if (first + 1 < argc)
		return cli_usage(c, &cmd_audit_entry, "unexpected argument '%s'", argv[first + 1]);
	if (cli_store(c, false, &s))
		return c->err->status;
	return cmd_audit_verify(c, s);
}

const struct command cmd_audit_entry = {
	.name = "audit",
	.args = "verify",
	.summary = "check the audit log's hash chain",
	.help = "tend audit verify\n"
		"  Recomputes the hash chain of the audit log: every row's SHA-256 covers the\n"
		"  row before it and its own columns, so a row changed, inserted or removed\n"
		"  outside tend shows as the first row where the chain breaks (exit 65).  Also\n"
		"  checks that the triggers refusing edits are still there.  Prints the head\n"
		"  (the last row's hash): keep it elsewhere, since someone who can write the\n"
		"  file could rebuild the whole chain, and only a kept head shows that.\n"
		"  'tend check' runs the same check; every command checks the last rows.\n",
	.run = cmd_audit,
};
