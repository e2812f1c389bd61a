/*
 * cmd_book.c -- commands about the book itself: init, demo, config, help,
 * version, and opening the TUI.
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/book.h"
#include "app/team.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include "app/scorecard_set.h"
#include "store/entity.h"
#include "store/migrate.h"
#include "store/store.h"
#include "ui/tui.h"

/* -- init ------------------------------------------------------------------ */

/* --team-group: the book (and its -wal and -shm files, when there) given
 * to the group, mode 0660, so every member opens it as themselves; the
 * directory is the admin's to share (2770), and is said so. */
static enum status
share_with_group(struct cli *c, const char *path, const char *group)
{
	struct group *g = getgrnam(group);
	char side[4096];

	if (!g)
		return err_set(c->err, ST_USAGE, "--team-group: no group '%s' on this machine", group);
	if (chown(path, (uid_t)-1, g->gr_gid) || chmod(path, 0660))
		return err_set(c->err, ST_NOPERM, "--team-group: cannot give %s to group %s: %s "
			       "(you must be one of its members)", path, group, strerror(errno));
	for (int i = 0; i < 2; i++) {
		snprintf(side, sizeof(side), "%s%s", path, i ? "-shm" : "-wal");
		if (access(side, F_OK) == 0 && (chown(side, (uid_t)-1, g->gr_gid) || chmod(side, 0660)))
			return err_set(c->err, ST_NOPERM, "--team-group: cannot give %s to group %s: %s",
				       side, group, strerror(errno));
	}
	return ST_OK;
}

struct init_opts {
	const char *name, *role, *team;
	const char *group;         /* --team-group: the book shared with a Unix group */
};

static enum status
init_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct init_opts *o = ctx;

	switch (opt) {
	case 'n': o->name = arg; return ST_OK;
	case 'r': o->role = arg; return cli_choice(c, "role", arg, role_names);
	case 't': o->team = arg; return ST_OK;
	case 'g': o->group = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

static enum status
cmd_init(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "team", required_argument, NULL, 't' },
		{ "team-group", required_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 },
	};
	struct init_opts o = { 0 };
	struct book_user u;
	struct book_join r;
	struct store *s;
	int first;

	if (cli_getopt(c, cli_find("init"), argc, argv, "", opts, init_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cli_find("init"), "unexpected argument '%s'", argv[first]);
	if (o.group && !getgrnam(o.group))
		return cli_usage(c, cli_find("init"), "--team-group: no group '%s' on this machine",
				 o.group);
	if (cli_store(c, true, &s))
		return c->err->status;
	if (o.group && share_with_group(c, store_path(s), o.group))
		return c->err->status;
	u = (struct book_user){ .login = c->login, .name = o.name, .role = o.role, .team = o.team };
	if (book_init(s, &u, &r, c->err))
		return cli_option_error(c, opts);
	printf("book    %s (schema %d)\n", store_path(s), store_version(s));
	if (store_backup_path(s))
		printf("backup  %s (copy made before upgrading the schema)\n", store_backup_path(s));
	printf("you     ");
	out_text(stdout, c->login, false);
	/* As before: "registered now" is said to a new book's first user only. */
	printf(" (%s)%s\n", r.role, r.first ? ", registered now" : "");
	return ST_OK;
}

static const char cmd_init_help[] =
	"Creates the book (an SQLite file, mode 0600 in a 0700 directory) if it does not\n"
	"exist, brings its schema up to date, and registers the current login as a user.\n"
	"Running it again on an existing book only reports where it is.\n\n"
	"  --name NAME    your display name (default: your login)\n"
	"  --role ROLE    csm, lead or admin (default: admin for the first user)\n"
	"  --team TEAM    your team, created if needed\n"
	"  --team-group GROUP\n"
	"                 share the book with a Unix group: the file becomes the\n"
	"                 group's, mode 0660 (its directory should be 2770)\n";

const struct command cmd_init_entry = {
	.name = "init",
	.args = "[--name NAME] [--role ROLE] [--team TEAM] [--team-group GROUP]",
	.summary = "create a new book and register yourself as its first user",
	.help = cmd_init_help,
	.run = cmd_init,
};

/* -- demo ------------------------------------------------------------------ */

/* What `tend demo` takes: the generator's options and the weeks to score. */
struct demo_args {
	struct demo_opts o;
	int weeks;            /* -1: the default for the book's size */
};

static enum status
demo_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct demo_args *a = ctx;
	struct demo_opts *o = &a->o;
	long v;

	switch (opt) {
	case 'w':
		if (cli_int(c, "weeks", arg, 0, DEMO_MAX_WEEKS, &v))
			return c->err->status;
		a->weeks = (int)v;
		return ST_OK;
	case 'a':
		if (cli_int(c, "accounts", arg, 1, DEMO_MAX_ACCOUNTS, &v))
			return c->err->status;
		o->accounts = (int)v;
		return ST_OK;
	case 'c':
		if (cli_int(c, "csms", arg, 1, DEMO_MAX_CSMS, &v))
			return c->err->status;
		o->csms = (int)v;
		return ST_OK;
	case 's': {
		char *end;
		unsigned long long seed = strtoull(arg, &end, 10);

		if (!*arg || *end || arg[0] == '-')
			return err_set(c->err, ST_USAGE, "--seed: '%s' is not a whole number", arg);
		o->seed = seed;
		return ST_OK;
	}
	}
	return ST_SOFTWARE;
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Score the demo's weeks, from first, count of them (the demo's own or
 * those an interrupted run left). */
static enum status
score_demo(struct cli *c, struct store *s, int32_t first, int count, bool quiet)
{
	struct scorecard_set set;
	struct timespec t0;
	enum status st;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (scorecard_set_load(&set, NULL, 0, c->conf.scorecard, c->err, NULL, NULL))
		return c->err->status;
	st = demo_score_from(s, &set, first, count, c->err);
	scorecard_set_free(&set);
	if (st)
		return st;
	if (!quiet)
		printf("scored %d week%s of health history in %.1f s\n", count, count == 1 ? "" : "s",
		       seconds_since(&t0));
	return ST_OK;
}

/* A new demo book, or the rest of one an interrupted run left (demo.h). */
static enum status
make_demo(struct cli *c, const struct demo_args *a, bool quiet)
{
	const struct demo_opts *o = &a->o;
	struct demo_stats stats = { 0 };
	struct demo_resume r = { 0 };
	struct timespec t0;
	struct store *s;
	char today[DATE_STRLEN];
	int weeks = a->weeks >= 0 ? a->weeks : demo_default_weeks(o->accounts);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (cli_store(c, true, &s) || (weeks && demo_resume_point(s, o, weeks, &r, c->err)))
		return c->err->status;
	if (r.unfinished) {
		if (!quiet)
			printf("finishing the demo book %s: %d of %d weeks of health history were "
			       "scored\n", store_path(s), r.scored, weeks);
		return score_demo(c, s, r.first, r.left, quiet);
	}
	if (demo_generate(s, o, &stats, c->err))
		return c->err->status;
	if (!quiet)
		printf("demo book %s: %lld accounts, %lld users, %lld rows (seed %llu, today %s) in %.1f s\n",
		       store_path(s), (long long)stats.accounts, (long long)stats.users,
		       (long long)stats.rows, (unsigned long long)o->seed,
		       date_format(store_clock(s)->today, today), seconds_since(&t0));
	if (!weeks)
		return ST_OK;
	return score_demo(c, s, store_clock(s)->today - 7 * (weeks - 1), weeks, quiet);
}

/* Did an interrupted `tend --demo` leave its book unfinished? */
static bool
demo_unfinished(struct cli *c, const struct demo_args *a)
{
	struct demo_resume r = { 0 };
	struct err e = { ST_OK, "" };
	struct err *saved = c->err;
	struct store *s;
	bool yes;

	c->err = &e;   /* any problem is the open's to report, next */
	yes = !cli_store(c, false, &s) &&
	      !demo_resume_point(s, &a->o, demo_default_weeks(a->o.accounts), &r, &e) && r.unfinished;
	c->err = saved;
	return yes;
}

static enum status
cmd_demo(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "accounts", required_argument, NULL, 'a' },
		{ "csms", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ "weeks", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct demo_args a = { { DEMO_DEFAULT_ACCOUNTS, DEMO_DEFAULT_CSMS, 1 }, -1 };
	int first;

	if (cli_getopt(c, cli_find("demo"), argc, argv, "", opts, demo_opt, &a, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cli_find("demo"), "unexpected argument '%s'", argv[first]);
	return make_demo(c, &a, false);
}

static const char cmd_demo_help[] =
	"Generates a deterministic book: one team, a lead, CSMs, accounts across the\n"
	"enterprise, mid-market and SMB segments, two years of ARR ledger, renewals,\n"
	"weekly usage, tickets, surveys, touchpoints, contacts, tasks, risks and\n"
	"success plans.  The same seed and --now give the same book byte for byte.\n"
	"Then scores it weekly, oldest first, so every account has a health trend.\n"
	"Refuses to touch a book that already holds data, but finishes a demo book\n"
	"an interrupted run left (the same command again scores the weeks left).\n\n"
	"  --accounts N   number of accounts (default 600, at most 1000000)\n"
	"  --csms N       number of CSMs (default 8)\n"
	"  --seed S       random seed (default 1)\n"
	"  --weeks N      weeks of health history to score, 0 to 52 (default 12;\n"
	"                 1, today only, for books over 20000 accounts)\n";

const struct command cmd_demo_entry = {
	.name = "demo",
	.args = "[--accounts N] [--csms N] [--seed S] [--weeks N]",
	.summary = "fill an empty book with a realistic sample book of business",
	.help = cmd_demo_help,
	.run = cmd_demo,
};

/* -- tui ------------------------------------------------------------------- */

static enum status
cmd_tui(struct cli *c, int argc, char **argv)
{
	struct tui_opts t = { 0 };
	struct team_targets targets;
	struct store *s;
	char *config;
	enum status st;
	int first;

	if (cli_getopt(c, cli_find("tui"), argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cli_find("tui"), "unexpected argument '%s'", argv[first]);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(c->err, ST_USAGE,
			       "the interface needs a terminal; for scripts use a command such as "
			       "'tend accounts' (see 'tend help')");
	if (c->demo && !c->db_flag) {
		cli_resolve_db(c);
		struct demo_args a = { { DEMO_DEFAULT_ACCOUNTS, DEMO_DEFAULT_CSMS, 1 }, -1 };
		bool missing = access(c->db_path, F_OK) != 0;

		if (missing || demo_unfinished(c, &a)) {
			fprintf(stderr, "tend: %s the demo book at %s ...\n",
				missing ? "creating" : "finishing", c->db_path);
			if (make_demo(c, &a, true))
				return c->err->status;
		}
	}
	if (cli_store(c, false, &s))
		return c->err->status;
	t.color = c->color;
	t.theme = c->theme ? c->theme : c->conf.theme;
	t.theme_source = !c->theme && c->conf.theme ? c->conf.source : NULL;
	t.login = c->login;
	t.scorecard = c->conf.scorecard;
	t.default_view = c->conf.default_view;
	t.week_start = c->conf.week_start;
	t.renewal_cadence = c->conf.renewal_cadence;
	team_targets_from_conf(&c->conf, &targets);
	t.targets = &targets;
	config = paths_config_file();
	t.config_path = config;
	st = tui_run(s, &t, c->err);
	free(config);
	return st;
}

const struct command cmd_tui_entry = {
	.name = "tui",
	.args = "",
	.summary = "open the terminal interface (the default with no command)",
	.help = "Opens the full-screen interface on the book.  Needs a terminal.\n",
	.run = cmd_tui,
};

/* -- config ---------------------------------------------------------------- */

static enum status
cmd_config(struct cli *c, int argc, char **argv)
{
	char *path = paths_config_file(), tmp[32];
	int first;

	if (cli_getopt(c, cli_find("config"), argc, argv, "", NULL, NULL, NULL, &first) || first < 0) {
		free(path);
		return c->err->status;
	}
	cli_resolve_db(c);
	printf("%-16s ", "book");
	out_text(stdout, c->db_path, false);
	printf("  (%s)\n%-16s ", c->db_source, "config file");
	out_text(stdout, path, false);
	printf("%s\n%-16s ", c->conf.source ? "" : "  (not found; defaults in use)", "user");
	out_text(stdout, c->login, false);
	printf("\n");
	for (size_t i = 0; i < conf_key_count; i++) {
		const char *v = conf_get(&c->conf, &conf_keys[i], tmp, sizeof(tmp));

		printf("%-16s ", conf_keys[i].name);
		out_text(stdout, v ? v : conf_keys[i].is_block ? "(in the file)" : "-", false);
		printf("  # %s\n", conf_keys[i].help);
	}
	free(path);
	return ST_OK;
}

const struct command cmd_config_entry = {
	.name = "config",
	.args = "",
	.summary = "show the settings in effect and where each comes from",
	.help = "Prints the book's path and its source, the config file, and every setting.\n",
	.run = cmd_config,
};

/* -- help and version ------------------------------------------------------ */

static void
general_help(void)
{
	printf("usage: tend [OPTIONS] [COMMAND [ARGS]]\n\n"
	       "tend manages a Customer Success book of business from the terminal.\n"
	       "With no command it opens the full-screen interface.\n\nCommands:\n");
	for (size_t i = 0; i < cli_command_count; i++)
		printf("  %-10s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
	printf("\nRun 'tend help COMMAND' for a command's options, 'man tend' for everything.\n");
}

static void
entity_help(void)
{
	printf("\nEntities and their columns (* = required; import them in this order):\n");
	for (size_t i = 0; i < entity_catalog_count; i++) {
		const struct entity *e = entity_catalog[i];

		printf("\n  %s -- %s\n", e->name, e->help);
		for (int f = 0; f < e->nfields; f++) {
			const struct field *fd = &e->fields[f];

			printf("    %-26s %s %s\n", fd->name, fd->flags & F_REQUIRED ? "*" : " ", fd->help);
		}
	}
}

static enum status
cmd_help(struct cli *c, int argc, char **argv)
{
	const struct command *cmd;
	int first;

	if (cli_getopt(c, cli_find("help"), argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	if (first >= argc) {
		general_help();
		return ST_OK;
	}
	if (!(cmd = cli_find(argv[first]))) {
		const char *hint = cli_suggest(argv[first]);

		return err_set(c->err, ST_USAGE, "no command '%s'%s%s%s", argv[first],
			       hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
	}
	cli_print_help(cmd, stdout);
	if (!strcmp(cmd->name, "import") || !strcmp(cmd->name, "export"))
		entity_help();
	return ST_OK;
}

const struct command cmd_help_entry = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "show help for tend or a command",
	.help = "'tend help import' also lists every entity and its columns.\n",
	.run = cmd_help,
};

static enum status
cmd_version(struct cli *c, int argc, char **argv)
{
	int first;

	if (cli_getopt(c, cli_find("version"), argc, argv, "", NULL, NULL, NULL, &first) || first < 0)
		return c->err->status;
	printf("tend %s (schema %d, SQLite %s)\n", PACKAGE_VERSION, migrate_latest(), store_sqlite_version());
	return ST_OK;
}

const struct command cmd_version_entry = {
	.name = "version",
	.args = "",
	.summary = "print the version",
	.help = "",
	.run = cmd_version,
};
