/*
 * cli.h -- the command-line front end: global options, what a command is
 * (struct command), and what every subcommand shares (the open book, the
 * output format, the clock, who the user is).
 *
 * Subcommands live one family per file (cmd_*.c) and are thin: parse their
 * options with cli_getopt(), call the store or the domain, print through
 * cli/output.h.  Each file defines its commands' entries, help included, next
 * to their static run functions; cli/cmd_list.h lists them all.  Each run
 * returns an enum status; main() turns it into a sysexits(3) code and prints
 * the error, sanitized.
 *
 * Adding a command NAME takes:
 *   1. its code in a cmd_*.c file that includes cli/cmd_list.h (a new file
 *      also goes in Makefile.am's libtend_a_SOURCES): a static run function
 *      and, after it, its entry, with help longer than a line in a static
 *      cmd_NAME_help[] just before the entry:
 *        const struct command cmd_NAME_entry = {
 *                .name = "NAME", .args = "...", .summary = "...",
 *                .help = cmd_NAME_help, .run = cmd_NAME,
 *        };
 *   2. one line, _(NAME), in CLI_COMMAND_LIST (cli/cmd_list.h), at the place
 *      `tend help` should show it;
 *   3. its .It Ic NAME item in man/tend.1, every option included, and a
 *      mention in README.md: tests/cli/docs.sh fails without them, and on an
 *      entry missing from the list.
 */
#ifndef TEND_CLI_H
#define TEND_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "cli/output.h"
#include "core/conf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/filter.h"

struct store;

struct cli {
	const char *prog;          /* argv[0] for messages */
	char *db_path;             /* the book, once resolved */
	const char *db_source;     /* where db_path came from, for `tend config` */
	char *db_flag;             /* --db */
	bool demo;                 /* --demo: demo.db beside the real book */
	struct clock clock;        /* --now or the real date */
	enum out_format format;
	bool format_set;           /* --format was given */
	bool read_only;
	bool color;                /* false with --no-color or NO_COLOR */
	char *theme;               /* --theme */
	char *login;               /* who acts: the OS user, $TEND_USER or --ssh-user */
	char *os_login;            /* the OS user (getpwuid(geteuid())) */
	const char *ssh_user;      /* --ssh-user: identity from a forced command alone */
	struct conf conf;
	struct store *store;       /* opened by cli_store() */
	struct err *err;
};

/* A command: what `tend NAME` runs and how it describes itself.  Each is
 * defined as cmd_NAME_entry in the cmd_*.c file that implements it and
 * listed once in cli/cmd_list.h. */
struct command {
	const char *name;          /* what the user types: `tend NAME` */
	const char *args;          /* synopsis after the name in usage lines, "" for none */
	const char *summary;       /* one line for `tend help`, no final full stop */
	const char *help;          /* details and options for `tend help NAME`, "" for none */
	/* Run with argv[0] = NAME and the rest of the line, global options
	 * included (cli_getopt takes them); return ST_OK or an error in c->err. */
	enum status (*run)(struct cli *c, int argc, char **argv);
};

/* Handler for a command's own options; return ST_OK or an error. */
typedef enum status (*opt_fn)(struct cli *c, int opt, const char *arg, void *ctx);

/* getopt_long over argv with the command's options plus the global ones
 * (--db, --now, --format, ...), which may appear anywhere: they are all
 * applied before fn sees the first of the command's own, so an option
 * such as --due +1d reads the --now given after it.  Positional
 * arguments are left in argv[*first .. argc).  --help prints the command's
 * help and returns ST_OK with *first = -1. */
enum status cli_getopt(struct cli *c, const struct command *cmd, int argc, char **argv,
		       const char *shortopts, const struct option *longopts,
		       opt_fn fn, void *ctx, int *first);

/* Print account id as "NAME (EXTERNAL_ID)", sanitised, to fp: every
 * confirmation of a write names the account it wrote to this way. */
void cli_print_account(FILE *fp, struct store *s, int64_t id);
/* Print a file's diagnostics to stderr (a report callback of the loaders). */
void cli_report_diag(void *ctx, const struct diag *d);
/* Open the book (once).  create: make the file if it does not exist. */
enum status cli_store(struct cli *c, bool create, struct store **out);
/* Another book, as the same person (a field copy's team book): close it
 * with store_close(). */
enum status cli_store_at(struct cli *c, const char *path, bool create, struct store **out);
/* The format to use: --format, else dflt. */
enum out_format cli_format(const struct cli *c, enum out_format dflt);
/* Print a command's help (usage, summary, details). */
void cli_print_help(const struct command *cmd, FILE *fp);
const struct command *cli_find(const char *name);
/* "did you mean" for a mistyped command. */
const char *cli_suggest(const char *name);
/* A usage error for cmd: message plus "see 'tend help CMD'". */
enum status cli_usage(struct cli *c, const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Resolve --db/--demo/$TEND_DB/config/default into c->db_path. */
void cli_resolve_db(struct cli *c);
/* Parse an integer option strictly within [lo, hi]. */
enum status cli_int(struct cli *c, const char *opt, const char *arg, long lo, long hi, long *out);
/* Parse a date option: YYYY-MM-DD, today, tomorrow, +3d, -2w, +1m. */
enum status cli_date(struct cli *c, const char *opt, const char *arg, int32_t *out);
/* --owner LOGIN|me|pooled into a filter: me is the user, pooled means
 * accounts with no owner. */
void cli_owner(const struct cli *c, const char *arg, struct account_filter *f);
/* Check an enumerated option value against names (with did-you-mean). */
enum status cli_choice(struct cli *c, const char *opt, const char *arg, const char *const *names);
/* The use cases in app/ name a bad field as "field: why"; when the field
 * is one of the command's long options, show it as the option ("--field:
 * why"), as the command's own checks do.  Returns the error's status. */
/* The filter's owner, when it names one, is a user of the book: ST_NOUSER
 * naming --opt and the closest login otherwise (an empty list would hide
 * the typo). */
enum status cli_known_owner(struct cli *c, struct store *s, const char *opt,
			    const struct account_filter *f);
enum status cli_option_error(struct cli *c, const struct option *opts);
/* A use case's usage error (ST_USAGE, its field first: "field: why" or
 * "field why") as a usage error of cmd, the field shown as the option when
 * it is one: "CMD: --field: why (see 'tend help CMD')".  Other errors pass
 * unchanged.  Returns the error's status. */
enum status cli_app_usage(struct cli *c, const struct command *cmd, const struct option *opts);

#endif
