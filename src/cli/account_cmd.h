/*
 * account_cmd.h -- `tend account set` (cmd_account_set.c), for the
 * `tend account` command of cmd_accounts.c, which parses the options of
 * both its subcommands at once and hands `set` over.
 */
#ifndef TEND_ACCOUNT_CMD_H
#define TEND_ACCOUNT_CMD_H

#include "app/account_edit.h"
#include "cli/cli.h"

struct account_set_opts {
	struct account_edit_input in;    /* the fields given */
	int given;                       /* how many options of set's were given */
	const char *where;               /* --where FILTER: the accounts to change */
	bool yes;                        /* --yes: change many without asking */
};

/* set's options, and their handler (ctx: struct account_set_opts). */
extern const struct option account_set_options[];
enum status account_set_opt(struct cli *c, int opt, const char *arg, void *ctx);
/* `tend account set ACCOUNT`: args are what follows "set". */
enum status account_set(struct cli *c, struct account_set_opts *o, int n, char **args);

#endif
