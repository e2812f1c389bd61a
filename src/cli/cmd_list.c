/*
 * cmd_list.c -- the command table: a pointer to each command's entry, in the
 * order of CLI_COMMAND_LIST (cli/cmd_list.h), which is the order `tend help`
 * prints.  The entries themselves live with their code in cmd_*.c.
 */
#include "config.h"

#include "cli/cmd_list.h"

#define CLI_COMMAND_ENTRY(name) &cmd_##name##_entry,
const struct command *const cli_commands[] = { CLI_COMMAND_LIST(CLI_COMMAND_ENTRY) };
#undef CLI_COMMAND_ENTRY

const size_t cli_command_count = sizeof(cli_commands) / sizeof(cli_commands[0]);
