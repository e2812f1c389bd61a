/*
 * cmd_backup.c -- `tend backup FILE`: a consistent copy of the book, made
 * while others go on writing (store/backup.h).
 */
#include "config.h"

#include <stdio.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "store/backup.h"
#include "store/store.h"

static enum status
cmd_backup(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("backup");
	struct store *s;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	if (first + 1 != argc)
		return cli_usage(c, cmd, "expected one FILE to write the copy to");
	if (c->ssh_user)
		return err_set(c->err, ST_NOPERM, "backup: not over SSH (it would write a file on "
			       "the server as the service account)");
	if (cli_store(c, false, &s) || store_backup_to(s, argv[first], c->err))
		return c->err->status;
	printf("backed up %s to ", store_path(s));
	out_text(stdout, argv[first], false);
	printf("\n");
	return ST_OK;
}

static const char cmd_backup_help[] =
	"Copies the book to FILE, a new file (mode 0600; an existing file is never\n"
	"replaced), with SQLite's online backup: one consistent state of the book,\n"
	"taken while other sessions go on writing.  Works on a --read-only book;\n"
	"refused over SSH.\n";

const struct command cmd_backup_entry = {
	.name = "backup",
	.args = "FILE",
	.summary = "copy the book to a new file, safely while others write",
	.help = cmd_backup_help,
	.run = cmd_backup,
};
