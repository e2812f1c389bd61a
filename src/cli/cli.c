/*
 * cli.c -- what every command shares: the global options and the getopt
 * wrapper that takes them anywhere on the line, the help printer, usage
 * errors, option value parsers, finding a command by name, and opening the
 * book.  The commands themselves, with their entries and help, are the
 * cmd_*.c files; cmd_list.c lists them.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "app/health_current.h"
#include "cli/cli.h"
#include "cli/audit_cmd.h"
#include "cli/cmd_list.h"
#include "core/names.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/store.h"
#include "store/work.h"

#define GLOBAL_HELP \
	"Global options (anywhere on the line):\n" \
	"  --db PATH          the book to use (default: $TEND_DB, the config file's db,\n" \
	"                     then $XDG_DATA_HOME/tend/tend.db)\n" \
	"  --demo             use the demo book, demo.db beside the real one\n" \
	"  --now YYYY-MM-DD   pretend today is this date (reproducible results)\n" \
	"  --format FORMAT    table, csv or json\n" \
	"  --read-only        open the book read-only; every change is refused\n" \
	"  --no-color         no colours (also when NO_COLOR is set)\n" \
	"  --theme NAME       colour theme for the TUI\n" \
	"  -h, --help         this help\n"

const struct command *
cli_find(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (!strcmp(cli_commands[i]->name, name))
			return cli_commands[i];
	return NULL;
}

const char *
cli_suggest(const char *name)
{
	const char **names = xcalloc(cli_command_count + 1, sizeof(*names));
	const char *hint;

	for (size_t i = 0; i < cli_command_count; i++)
		names[i] = cli_commands[i]->name;
	hint = names_suggest(names, name);   /* one of the entries' names, not names[] */
	free(names);
	return hint;
}

void
cli_print_help(const struct command *cmd, FILE *fp)
{
	fprintf(fp, "usage: tend %s%s%s\n\n%s.\n", cmd->name, *cmd->args ? " " : "", cmd->args,
		cmd->summary);
	if (*cmd->help)
		fprintf(fp, "\n%s", cmd->help);
	fprintf(fp, "\n" GLOBAL_HELP);
}

enum status
cli_usage(struct cli *c, const struct command *cmd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(c->err, ST_USAGE, "%s: %s (see 'tend help %s')", cmd->name, msg, cmd->name);
}

enum status
cli_int(struct cli *c, const char *opt, const char *arg, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (!*arg || *end || v < lo || v > hi)
		return err_set(c->err, ST_USAGE, "--%s: '%s' is not a number from %ld to %ld", opt, arg, lo, hi);
	*out = v;
	return ST_OK;
}

enum status
cli_date(struct cli *c, const char *opt, const char *arg, int32_t *out)
{
	if (!date_parse_relative(arg, c->clock.today, out))
		return err_set(c->err, ST_USAGE,
			       "--%s: '%s' is not a date between %d and %d (YYYY-MM-DD, today, "
			       "tomorrow, +3d, -2w, +1m)", opt, arg, DATE_YEAR_MIN, DATE_YEAR_MAX);
	return ST_OK;
}

enum status
cli_choice(struct cli *c, const char *opt, const char *arg, const char *const *names)
{
	const char *hint;

	if (names_lookup(names, arg) >= 0)
		return ST_OK;
	hint = names_suggest(names, arg);
	if (hint)
		return err_set(c->err, ST_USAGE, "--%s: '%s' is not allowed; did you mean '%s'?", opt, arg, hint);
	{
		char list[256];

		return err_set(c->err, ST_USAGE, "--%s: '%s' is not allowed (one of: %s)", opt, arg,
			       names_join(names, list, sizeof(list)));
	}
}

void
cli_owner(const struct cli *c, const char *arg, struct account_filter *f)
{
	f->pooled = !strcmp(arg, "pooled");
	f->owner = f->pooled ? NULL : !strcmp(arg, "me") ? c->login : arg;
}

enum status
cli_known_owner(struct cli *c, struct store *s, const char *opt, const struct account_filter *f)
{
	char hint[64] = "";
	int64_t id;

	if (!f->owner || store_user_id(s, f->owner, &id, c->err) == ST_OK)
		return ST_OK;
	if (c->err->status != ST_NOUSER)
		return c->err->status;
	store_login_suggest(s, f->owner, hint, sizeof(hint), c->err);
	return err_set(c->err, ST_NOUSER, "--%s: '%s' is not a user of this book%s%s%s ('tend export "
		       "user' lists them; 'pooled' means no owner)", opt, f->owner,
		       *hint ? "; did you mean '" : "", hint, *hint ? "'?" : "");
}

enum status
cli_option_error(struct cli *c, const struct option *opts)
{
	char *msg = c->err->msg;
	size_t n = strcspn(msg, ": ");

	if (msg[n] != ':' || strlen(msg) + 3 > sizeof(c->err->msg))
		return c->err->status;
	for (; opts && opts->name; opts++) {
		if (strlen(opts->name) == n && !strncmp(opts->name, msg, n)) {
			memmove(msg + 2, msg, strlen(msg) + 1);
			msg[0] = msg[1] = '-';
			break;
		}
	}
	return c->err->status;
}

enum status
cli_app_usage(struct cli *c, const struct command *cmd, const struct option *opts)
{
	size_t n = strcspn(c->err->msg, ": ");
	const char *dashes = "";
	char msg[sizeof(c->err->msg)];

	if (c->err->status != ST_USAGE)
		return c->err->status;
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == n && !strncmp(opts->name, c->err->msg, n))
			dashes = "--";
	snprintf(msg, sizeof(msg), "%s", c->err->msg);
	return cli_usage(c, cmd, "%s%s", dashes, msg);
}

enum {
	OPT_DB = 0x1000, OPT_NOW, OPT_FORMAT, OPT_READ_ONLY, OPT_NO_COLOR, OPT_DEMO, OPT_THEME,
	OPT_HELP,
};

static const struct option global_options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "read-only", no_argument, NULL, OPT_READ_ONLY },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "help", no_argument, NULL, OPT_HELP },
};
#define N_GLOBAL (sizeof(global_options) / sizeof(global_options[0]))

static enum status
global_option(struct cli *c, int opt, const char *arg)
{
	switch (opt) {
	case OPT_DB:
		free(c->db_flag);
		c->db_flag = xstrdup(arg);
		return ST_OK;
	case OPT_NOW:
		if (!clock_fix(&c->clock, arg))
			return err_set(c->err, ST_USAGE, "--now: '%s' is not a date (YYYY-MM-DD)", arg);
		return ST_OK;
	case OPT_FORMAT:
		if (!out_parse_format(arg, &c->format))
			return err_set(c->err, ST_USAGE, "--format: '%s' is not table, csv or json", arg);
		c->format_set = true;
		return ST_OK;
	case OPT_READ_ONLY:
		c->read_only = true;
		return ST_OK;
	case OPT_NO_COLOR:
		c->color = false;
		return ST_OK;
	case OPT_DEMO:
		c->demo = true;
		return ST_OK;
	case OPT_THEME:
		free(c->theme);
		c->theme = xstrdup(arg);
		return ST_OK;
	}
	return ST_SOFTWARE;
}

/* One getopt pass over argv.  Pass 1 applies the global options only;
 * pass 2 hands the command's own options to fn.  Both see the same errors
 * in the same order, so whichever pass meets a bad option reports it. */
static enum status
getopt_pass(struct cli *c, const struct command *cmd, int argc, char **argv, const char *shorts,
	    const struct option *all, bool globals, opt_fn fn, void *ctx, int *first)
{
	enum status st = ST_OK;
	int opt;

	optind = 0;   /* glibc: full re-initialisation, so commands can re-parse */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, shorts, all, NULL)) != -1) {
		bool global = opt >= OPT_DB && opt <= OPT_HELP;

		if (opt == 'h' || opt == OPT_HELP) {
			cli_print_help(cmd, stdout);
			*first = -1;
			return ST_OK;
		}
		if (opt == '?')
			return cli_usage(c, cmd, "unknown option '%s'", argv[optind - 1]);
		if (opt == ':')
			return cli_usage(c, cmd, "option '%s' needs a value", argv[optind - 1]);
		if (global != globals)
			continue;
		if (global)
			st = global_option(c, opt, optarg);
		else if (fn)
			st = fn(c, opt, optarg, ctx);
		else
			st = cli_usage(c, cmd, "unexpected option");
		if (st)
			return st;
	}
	*first = optind;
	return ST_OK;
}

/* Two passes, global options first: a command's option may depend on
 * them -- `task add acme x --due +1d --now 2027-01-31` is due a day after
 * --now, not after the real today -- and a single pass would interpret
 * --due before it has seen --now.  Deferring only the relative dates would
 * fix that one case; applying every global option first fixes it for
 * --format, --db and whatever a command's option may read next. */
enum status
cli_getopt(struct cli *c, const struct command *cmd, int argc, char **argv, const char *shortopts,
	   const struct option *longopts, opt_fn fn, void *ctx, int *first)
{
	struct option all[64];
	char shorts[64];
	size_t n = 0;
	enum status st;

	for (; longopts && longopts[n].name && n < 64 - N_GLOBAL - 1; n++)
		all[n] = longopts[n];
	memcpy(all + n, global_options, sizeof(global_options));
	memset(&all[n + N_GLOBAL], 0, sizeof(all[0]));
	/* Leading ':' so we report missing arguments ourselves; 'h' is --help. */
	snprintf(shorts, sizeof(shorts), ":h%s", shortopts ? shortopts : "");
	*first = argc;
	st = getopt_pass(c, cmd, argc, argv, shorts, all, true, fn, ctx, first);
	if (st || *first < 0)
		return st;
	return getopt_pass(c, cmd, argc, argv, shorts, all, false, fn, ctx, first);
}

void
cli_resolve_db(struct cli *c)
{
	const char *env = getenv("TEND_DB");
	char *dir, *real, *slash;

	free(c->db_path);
	if (c->db_flag) {
		c->db_path = xstrdup(c->db_flag);
		c->db_source = "--db";
		return;
	}
	if (env && *env) {
		real = xstrdup(env);
		c->db_source = "$TEND_DB";
	} else if (c->conf.db) {
		real = xstrdup(c->conf.db);
		c->db_source = "config file";
	} else {
		dir = paths_data_dir();
		real = xasprintf("%s/tend.db", dir);
		free(dir);
		c->db_source = "default";
	}
	if (!c->demo) {
		c->db_path = real;
		return;
	}
	/* The demo book sits beside the real one and never replaces it. */
	slash = strrchr(real, '/');
	if (slash)
		c->db_path = xasprintf("%.*s/demo.db", (int)(slash - real), real);
	else
		c->db_path = xstrdup("demo.db");
	c->db_source = "--demo";
	free(real);
}

/* Who acts on the book (man tend, ROLES AND SHARED BOOKS).  The OS login
 * that owns the file (or is creating it) writes everything, as the file
 * permissions let it anyway; it may name itself with $TEND_USER (tests, a
 * personal book) and, as a service account, act for an SSH key with
 * --ssh-user LOGIN, which checks LOGIN's role like anyone's.  Any other
 * login is itself, its role checked on every write, and $TEND_USER is
 * refused: honouring it would let anyone write as anyone. */
static enum status
cli_identity(struct cli *c, struct store_opts *o)
{
	struct stat sb;
	bool exists = stat(c->db_path, &sb) == 0, mine = !exists || sb.st_uid == geteuid();

	/* Anyone could change such a book behind every role and the audit log. */
	if (exists && (sb.st_mode & S_IWOTH))
		return err_set(c->err, ST_NOPERM,
			       "%s is writable by every login on this machine, so anyone could change "
			       "it: fix it with 'chmod o-w %s' (a team's book is shared through its "
			       "group: man tend, ROLES AND SHARED BOOKS)", c->db_path, c->db_path);
	if (c->ssh_user) {
		if (!mine)
			return err_set(c->err, ST_NOPERM,
				       "--ssh-user is for the account that owns the book (the forced "
				       "command of its authorized_keys), and %s belongs to another user",
				       c->db_path);
		o->actor = c->ssh_user;
		o->enforce_roles = true;
		return ST_OK;
	}
	if (strcmp(c->login, c->os_login) && !mine)
		return err_set(c->err, ST_NOPERM,
			       "TEND_USER=%s is honoured only on a book you own, and %s belongs to "
			       "another user: unset TEND_USER to act as yourself (%s)",
			       c->login, c->db_path, c->os_login);
	o->enforce_roles = !mine;
	return ST_OK;
}

enum status
cli_store_at(struct cli *c, const char *path, bool create, struct store **out)
{
	struct store_opts o = {
		.read_only = c->read_only,
		.create = create,
		.clock = c->clock,
		.actor = c->login,
	};
	char *saved = c->db_path;
	enum status st;

	*out = NULL;
	/* The same identity rules as the book itself, applied to this file. */
	c->db_path = (char *)path;
	st = cli_identity(c, &o);
	c->db_path = saved;
	if (st)
		return st;
	o.path = path;
	if (store_open(out, &o, c->err))
		return c->err->status;
	health_current_attach(*out, c->conf.scorecard);
	return ST_OK;
}

enum status
cli_store(struct cli *c, bool create, struct store **out)
{
	struct store_opts o = {
		.read_only = c->read_only,
		.create = create,
		.clock = c->clock,
		.actor = c->login,
	};

	if (c->store) {
		*out = c->store;
		return ST_OK;
	}
	if (c->demo && c->db_flag)
		return err_set(c->err, ST_USAGE, "--demo and --db cannot be used together");
	cli_resolve_db(c);
	o.path = c->db_path;
	if (cli_identity(c, &o))
		return c->err->status;
	if (store_open(&c->store, &o, c->err))
		return c->err->status;
	audit_warn_on_open(c->store, c->db_path);
	/* Every change rescores what it changed, from here and the interface. */
	health_current_attach(c->store, c->conf.scorecard);
	*out = c->store;
	return ST_OK;
}

enum out_format
cli_format(const struct cli *c, enum out_format dflt)
{
	return c->format_set ? c->format : dflt;
}

void
cli_print_account(FILE *fp, struct store *s, int64_t id)
{
	char *label = store_account_label(s, id);

	if (label)
		out_text(fp, label, false);
	else
		fprintf(fp, "account #%lld", (long long)id);
	free(label);
}

void
cli_report_diag(void *ctx, const struct diag *d)
{
	(void)ctx;
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s\n", d->items[i].text);
	if (d->dropped)
		fprintf(stderr, "... and %zu more problems\n", d->dropped);
}
