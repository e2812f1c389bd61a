/*
 * cli.h -- the command-line front end: global options, the command table,
 * and what every subcommand shares (the open book, the output format, the
 * clock, who the user is).
 *
 * Subcommands live one family per file (cmd_*.c) and are thin: parse their
 * options with cli_getopt(), call the store or the domain, print through
 * cli/output.h.  Each returns an enum status; main() turns it into a
 * sysexits(3) code and prints the error, sanitized.
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
	char *login;               /* the OS user (or $TEND_USER) */
	struct conf conf;
	struct store *store;       /* opened by cli_store() */
	struct err *err;
};

struct command {
	const char *name;
	const char *args;          /* synopsis after the name */
	const char *summary;       /* one line for `tend help` */
	const char *help;          /* options and details for `tend help NAME` */
	enum status (*run)(struct cli *c, int argc, char **argv);
};

extern const struct command cli_commands[];
extern const size_t cli_command_count;

/* Handler for a command's own options; return ST_OK or an error. */
typedef enum status (*opt_fn)(struct cli *c, int opt, const char *arg, void *ctx);

/* getopt_long over argv with the command's options plus the global ones
 * (--db, --now, --format, ...), which may appear anywhere.  Positional
 * arguments are left in argv[*first .. argc).  --help prints the command's
 * help and returns ST_OK with *first = -1. */
enum status cli_getopt(struct cli *c, const struct command *cmd, int argc, char **argv,
		       const char *shortopts, const struct option *longopts,
		       opt_fn fn, void *ctx, int *first);

/* Print a file's diagnostics to stderr (a report callback of the loaders). */
void cli_report_diag(void *ctx, const struct diag *d);
/* Open the book (once).  create: make the file if it does not exist. */
enum status cli_store(struct cli *c, bool create, struct store **out);
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
/* The use cases in domain/ name a bad field as "field: why"; when the field
 * is one of the command's long options, show it as the option ("--field:
 * why"), as the command's own checks do.  Returns the error's status. */
enum status cli_option_error(struct cli *c, const struct option *opts);

/* Subcommand entry points (cmd_*.c). */
enum status cmd_init(struct cli *c, int argc, char **argv);
enum status cmd_demo(struct cli *c, int argc, char **argv);
enum status cmd_import(struct cli *c, int argc, char **argv);
enum status cmd_export(struct cli *c, int argc, char **argv);
enum status cmd_accounts(struct cli *c, int argc, char **argv);
enum status cmd_account(struct cli *c, int argc, char **argv);
enum status cmd_log(struct cli *c, int argc, char **argv);
enum status cmd_task(struct cli *c, int argc, char **argv);
enum status cmd_metrics(struct cli *c, int argc, char **argv);
enum status cmd_renewal(struct cli *c, int argc, char **argv);
enum status cmd_config(struct cli *c, int argc, char **argv);
enum status cmd_help(struct cli *c, int argc, char **argv);
enum status cmd_version(struct cli *c, int argc, char **argv);
enum status cmd_tui(struct cli *c, int argc, char **argv);
enum status cmd_facts(struct cli *c, int argc, char **argv);
enum status cmd_health(struct cli *c, int argc, char **argv);
enum status cmd_playbook(struct cli *c, int argc, char **argv);
enum status cmd_inbox(struct cli *c, int argc, char **argv);

#endif
