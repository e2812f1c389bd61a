/*
 * work_cmd.h -- what the commands of a CSM's daily work share: `tend log`
 * and `tend task` (cmd_work.c, whose edit subcommands live in
 * cmd_task_edit.c and cmd_log_edit.c), `tend risk` (cmd_risk.c) and
 * `tend opportunity` (cmd_opportunity.c).
 */
#ifndef TEND_WORK_CMD_H
#define TEND_WORK_CMD_H

#include <stdbool.h>
#include <stdint.h>

#include "app/work.h"
#include "cli/cli.h"

/* The options of `tend task`, one bit each, in the order of task_options
 * (cmd_work.c): each subcommand says which it takes. */
enum task_opt_bit {
	TASK_OPT_DUE = 1 << 0, TASK_OPT_PRIORITY = 1 << 1, TASK_OPT_KIND = 1 << 2,
	TASK_OPT_OWNER = 1 << 3, TASK_OPT_STATUS = 1 << 4, TASK_OPT_ACCOUNT = 1 << 5,
	TASK_OPT_OVERDUE = 1 << 6, TASK_OPT_TITLE = 1 << 7, TASK_OPT_NOTES = 1 << 8,
	TASK_OPT_UNTIL = 1 << 9, TASK_OPT_REASON = 1 << 10,
};

struct task_opts {
	const char *priority, *kind, *owner, *status, *account, *title, *notes, *reason;
	/* Dates are parsed once every option is read, so a --now after them
	 * still counts for +3d. */
	const char *due_arg, *until_arg;
	int32_t due, until;
	bool due_set, due_none, overdue;
	unsigned given;            /* enum task_opt_bit of the options given */
};

/* The task edit subcommands (cmd_task_edit.c), run by `tend task` with the
 * book open and the arguments after the subcommand's name. */
typedef enum status (*task_sub_fn)(struct cli *c, struct store *s, const struct task_opts *o,
				   int n, char **args);
enum status task_cmd_show(struct cli *c, struct store *s, const struct task_opts *o, int n,
			  char **args);
enum status task_cmd_edit(struct cli *c, struct store *s, const struct task_opts *o, int n,
			  char **args);
enum status task_cmd_snooze(struct cli *c, struct store *s, const struct task_opts *o, int n,
			    char **args);
enum status task_cmd_cancel(struct cli *c, struct store *s, const struct task_opts *o, int n,
			    char **args);
enum status task_cmd_reassign(struct cli *c, struct store *s, const struct task_opts *o, int n,
			      char **args);
enum status task_cmd_tick(struct cli *c, struct store *s, const struct task_opts *o, int n,
			  char **args);
enum status task_cmd_untick(struct cli *c, struct store *s, const struct task_opts *o, int n,
			    char **args);

/* `tend log edit ID ...` and `tend log delete ID` (cmd_log_edit.c), given
 * the whole command line: they parse their own options. */
enum status log_cmd_edit(struct cli *c, int argc, char **argv);
enum status log_cmd_delete(struct cli *c, int argc, char **argv);

/* Parse the record ids args[0..n) into ids (room for n); what names the
 * record ("task").  A usage error of cmd names the bad one. */
enum status work_ids(struct cli *c, const struct command *cmd, const char *what, int n,
		     char **args, int64_t *ids);
/* Print a confirmation's account, sanitized, and end the line:
 * " (Acme Corporation, CRM-001)\n", or " (internal task)\n". */
void work_print_account(const struct work_done *d);

#endif
