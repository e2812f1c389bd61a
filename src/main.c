/*
 * main.c -- tend's entry point: locale, configuration, dispatch, exit code.
 *
 * `tend [global options] [COMMAND [options] [args]]`; with no command the
 * TUI opens.  Errors are printed once, here, sanitized, and the status
 * becomes a sysexits(3) exit code.
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/ssh.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "ui/tui.h"

/* Global options that take a value in the next argument. */
static bool
takes_value(const char *arg)
{
	static const char *const opts[] = { "--db", "--now", "--format", "--theme", NULL };

	for (int i = 0; opts[i]; i++)
		if (!strcmp(arg, opts[i]))
			return true;
	return false;
}

/* Index of the command word: the first argument that is not a global option
 * (or its value); 0 when there is none. */
static int
command_index(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return i + 1 < argc ? i + 1 : 0;
		if (argv[i][0] != '-' || !argv[i][1])
			return i;
		if (takes_value(argv[i]))
			i++;
	}
	return 0;
}

static void
load_config(struct cli *c)
{
	char *path = paths_config_file();
	struct diag d;

	diag_init(&d, path);
	conf_load(&c->conf, path, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "tend: warning: %s (using the default)\n", d.items[i].text);
	diag_done(&d);
	free(path);
}

/* TEND_CLOCK pins the wall clock and TEND_NOW fixes today (as --now does,
 * which still wins): how tests and scripts make a run reproducible. */
static enum status
clock_from_env(struct cli *c)
{
	const char *wall = getenv("TEND_CLOCK"), *now = getenv("TEND_NOW");

	if (wall && *wall && !clock_pin(&c->clock, wall))
		return err_set(c->err, ST_USAGE, "TEND_CLOCK: '%s' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)", wall);
	if (now && *now && !clock_fix(&c->clock, now))
		return err_set(c->err, ST_USAGE, "TEND_NOW: '%s' is not a date (YYYY-MM-DD)", now);
	return ST_OK;
}

static void
print_error(const struct err *e)
{
	struct buf b;

	buf_init(&b);
	text_sanitize(&b, e->msg, strlen(e->msg), TEXT_KEEP_NEWLINES);
	fprintf(stderr, "tend: %s\n", b.len ? b.data : status_text(e->status));
	buf_done(&b);
}

int
main(int argc, char **argv)
{
	struct err err = { ST_OK, "" };
	struct cli c;
	const struct command *cmd;
	const char *no_color = getenv("NO_COLOR");
	enum status st;
	char **args, **ssh_args = NULL;
	int ci, n = 0;

	setlocale(LC_ALL, "");
	/* Past a file-size limit (ulimit -f) a write fails with EFBIG and
	 * SQLite reports it, rolling back; SIGXFSZ would kill us silently. */
	signal(SIGXFSZ, SIG_IGN);
	store_global_init();
	memset(&c, 0, sizeof(c));
	c.prog = "tend";
	c.err = &err;
	c.color = !(no_color && *no_color);
	c.format = OUT_TABLE;
	clock_init(&c.clock);
	c.login = paths_login();
	c.os_login = paths_os_login();
	conf_init(&c.conf);
	c.conf.views = tui_pane_names;   /* what default_view may name */
	load_config(&c);
	/* Run as an SSH key's forced command: the client's words replace argv. */
	if (ssh_forced(argc, argv)) {
		if (ssh_argv(&c, argc, argv, &argc, &ssh_args)) {
			print_error(&err);
			free(c.login);
			free(c.os_login);
			conf_done(&c.conf);
			return status_exit_code(err.status);
		}
		argv = ssh_args;
		free(c.login);
		c.login = xstrdup(c.ssh_user);
	}

	ci = command_index(argc, argv);
	cmd = cli_find(ci ? argv[ci] : "tui");
	if (!ci) {
		for (int i = 1; i < argc; i++) {
			if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
				cmd = cli_find("help");
			if (!strcmp(argv[i], "--version"))
				cmd = cli_find("version");
		}
	}
	if (clock_from_env(&c)) {
		st = err.status;
	} else if (!cmd) {
		const char *hint = cli_suggest(argv[ci]);

		if (hint)
			err_set(&err, ST_USAGE, "'%s' is not a command; did you mean '%s'? (see 'tend help')",
				argv[ci], hint);
		else
			err_set(&err, ST_USAGE, "'%s' is not a command (see 'tend help')", argv[ci]);
		st = ST_USAGE;
	} else {
		/* The command sees argv without its own name, so getopt can take
		 * global options before and after it alike. */
		args = xcalloc((size_t)argc + 1, sizeof(char *));
		args[n++] = (char *)cmd->name;
		for (int i = 1; i < argc; i++) {
			if (i == ci || !strcmp(argv[i], "--version"))
				continue;
			/* `tend --help` is general help, not help about `help`. */
			if (!ci && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")))
				continue;
			args[n++] = argv[i];
		}
		st = cmd->run(&c, n, args);
		free(args);
	}
	if (c.store)
		store_close(c.store);
	if (st != ST_OK)
		print_error(&err);
	conf_done(&c.conf);
	free(c.login);
	free(c.os_login);
	free(c.db_path);
	free(c.db_flag);
	free(c.theme);
	ssh_argv_free(ssh_args);
	return status_exit_code(st);
}
