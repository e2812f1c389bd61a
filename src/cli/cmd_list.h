/*
 * cmd_list.h -- the one list of tend's commands, in the order `tend help`
 * shows them.  Not a command family itself: it only names the entries.
 *
 * Each command's entry (struct command, cli/cli.h) is defined with its code
 * in a cmd_*.c file, as cmd_NAME_entry.  CLI_COMMAND_LIST is an X-macro, so
 * its one line per command yields both the extern declarations below and the
 * table in cmd_list.c: registering a command is one line here, where an
 * extern per entry plus a table row would be two places to keep in step.
 * NAME is only the C identifier; what users type is the entry's .name.
 * A command listed here but not defined fails to link.
 */
#ifndef TEND_CMD_LIST_H
#define TEND_CMD_LIST_H

#include <stddef.h>

#include "cli/cli.h"

#define CLI_COMMAND_LIST(_) \
	_(init) \
	_(demo) \
	_(import) \
	_(export) \
	_(backup) \
	_(accounts) \
	_(account) \
	_(contact) \
	_(log) \
	_(task) \
	_(risk) \
	_(opportunity) \
	_(plan) \
	_(objective) \
	_(milestone) \
	_(kpi) \
	_(qbr) \
	_(metrics) \
	_(team) \
	_(sync) \
	_(renewal) \
	_(renewals) \
	_(health) \
	_(facts) \
	_(playbook) \
	_(inbox) \
	_(undo) \
	_(check) \
	_(audit) \
	_(user) \
	_(config) \
	_(tui) \
	_(help) \
	_(version)

#define CLI_COMMAND_EXTERN(name) extern const struct command cmd_##name##_entry;
CLI_COMMAND_LIST(CLI_COMMAND_EXTERN)
#undef CLI_COMMAND_EXTERN

/* Every command's entry, in the order above (cmd_list.c). */
extern const struct command *const cli_commands[];
extern const size_t cli_command_count;

#endif
