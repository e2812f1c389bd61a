/*
 * cmd_audit.c -- `tend audit`: the audit log, listed (cmd_audit_list.c,
 * which also picks the subcommand) or verified (cmd_audit_verify.c).
 */
#include "config.h"

#include "cli/audit_cmd.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"

const struct command cmd_audit_entry = {
	.name = "audit",
	.args = "[--account A] [--since DATE] [--user LOGIN] [--limit N] | verify",
	.summary = "the audit log: who changed what, when; verify checks its hash chain",
	.help = "tend audit [--account A] [--since DATE] [--user LOGIN] [--limit N]\n"
		"  The audit log, newest first: every change any user made through tend\n"
		"  (commands, the interface, playbook runs, imports, undo), each with the\n"
		"  wall-clock time (UTC), the user, the action, the table and row, the\n"
		"  operation and what changed (old -> new); an import or recompute is one\n"
		"  summary row of counts.  CSV and JSON add the rows before and after as\n"
		"  JSON (old, new).\n"
		"  --account A    only account A's rows and what belongs to it (contacts,\n"
		"                 tasks and their items, plans and their objectives...)\n"
		"  --since DATE   only changes on or after DATE\n"
		"  --user LOGIN   only LOGIN's changes\n"
		"  --limit N      at most N rows\n\n"
		"tend audit verify\n"
		"  Recomputes the hash chain of the audit log: every row's SHA-256 covers the\n"
		"  row before it and its own columns, so a row changed, inserted or removed\n"
		"  outside tend shows as the first row where the chain breaks (exit 65).  Also\n"
		"  checks that the triggers refusing edits are still there.  Prints the head\n"
		"  (the last row's hash): keep it elsewhere, since someone who can write the\n"
		"  file could rebuild the whole chain, and only a kept head shows that.\n"
		"  'tend check' runs the same check; every command checks the last rows.\n",
	.run = cmd_audit_run,
};
