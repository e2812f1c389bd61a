/*
 * cli.c -- the command table, global options, help, and opening the book.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/names.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/store.h"

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

const struct command cli_commands[] = {
	{ "init", "[--name NAME] [--role ROLE] [--team TEAM]",
	  "create a new book and register yourself as its first user",
	  "Creates the book (an SQLite file, mode 0600 in a 0700 directory) if it does not\n"
	  "exist, brings its schema up to date, and registers the current login as a user.\n"
	  "Running it again on an existing book only reports where it is.\n\n"
	  "  --name NAME    your display name (default: your login)\n"
	  "  --role ROLE    csm, lead or admin (default: admin for the first user)\n"
	  "  --team TEAM    your team, created if needed\n",
	  cmd_init },
	{ "demo", "[--accounts N] [--csms N] [--seed S] [--weeks N]",
	  "fill an empty book with a realistic sample book of business",
	  "Generates a deterministic book: one team, a lead, CSMs, accounts across the\n"
	  "enterprise, mid-market and SMB segments, two years of ARR ledger, renewals,\n"
	  "weekly usage, tickets, surveys, touchpoints, contacts, tasks, risks and\n"
	  "success plans.  The same seed and --now give the same book byte for byte.\n"
	  "Then scores it weekly, oldest first, so every account has a health trend.\n"
	  "Refuses to touch a book that already holds data.\n\n"
	  "  --accounts N   number of accounts (default 600, at most 1000000)\n"
	  "  --csms N       number of CSMs (default 8)\n"
	  "  --seed S       random seed (default 1)\n"
	  "  --weeks N      weeks of health history to score, 0 to 52 (default 12;\n"
	  "                 1, today only, for books over 20000 accounts)\n",
	  cmd_demo },
	{ "import", "ENTITY FILE.csv [--dry-run]",
	  "add rows from a CSV file; all or nothing",
	  "Reads FILE (- for standard input) with a header row of canonical column names\n"
	  "and adds one row per record, in one transaction: if any record is wrong,\n"
	  "every problem is listed as FILE:LINE:COLUMN and nothing is written.\n"
	  "Accounts are referenced by external id, users by login, contacts by email\n"
	  "(within the row's account), plans, objectives, tasks and tickets by id.  Money\n"
	  "is in major units (12000.50), dates are YYYY-MM-DD, lists are separated by ';',\n"
	  "booleans are true or false.  Empty cells are empty values.\n\n"
	  "  --dry-run      check the file and report, but write nothing\n\n"
	  "'tend help import' lists every entity and its columns.\n",
	  cmd_import },
	{ "export", "ENTITY [--template]",
	  "write every row of an entity (CSV by default)",
	  "Writes the entity's rows with the same columns 'tend import' reads, so an\n"
	  "export can be edited and imported into another book.  --format json gives\n"
	  "money as integer cents under KEY_cents.\n\n"
	  "  --template     only the header row: a blank file to fill in\n",
	  cmd_export },
	{ "accounts", "[--owner LOGIN] [--segment S] [--stage S] [--tag T] [--renewing-within DAYS] [--sort KEY] [--reverse] [--limit N]",
	  "list accounts with ARR and next renewal",
	  "Lists the book's accounts.  ARR is the ledger's ARR at the end of today; the\n"
	  "renewal is the earliest one not yet won or lost (overdue ones included).\n\n"
	  "  --owner LOGIN          owner's login, 'me' or 'pooled'\n"
	  "  --segment S            enterprise, mid_market or smb\n"
	  "  --stage S              land, onboard, adopt, expand, renew or churned\n"
	  "  --tag T                accounts with this tag\n"
	  "  --renewing-within N    open renewal due within N days (or overdue)\n"
	  "  --sort KEY             name, arr, renewal, owner, segment, stage, id or\n"
	  "                         external_id (default name)\n"
	  "  --reverse              reverse the order\n"
	  "  --limit N              at most N accounts\n",
	  cmd_accounts },
	{ "account", "show ID|EXTERNAL_ID|NAME",
	  "show one account: the 360 view",
	  "Shows an account's identity, ARR and its ledger, renewals, usage, support and\n"
	  "survey signals, contacts by role with their last touch, open tasks and risks,\n"
	  "success plans and the latest touchpoints.  The account may be named by id,\n"
	  "external id, name or an unambiguous start of its name.\n",
	  cmd_account },
	{ "log", "ACCOUNT [SUMMARY] [--kind K] [--date D] [--duration MIN] [--sentiment N] [--reactive] [--with EMAIL,...]",
	  "record a touchpoint (call, meeting, QBR, note, ...)",
	  "Adds a touchpoint to the account's timeline.\n\n"
	  "  -m, --summary TEXT    what happened (or give it as SUMMARY)\n"
	  "  --kind K              call, meeting, email, qbr, ebr, onsite, webinar,\n"
	  "                        internal_review or note (default call)\n"
	  "  --date D              when (default today; also yesterday, -3d)\n"
	  "  --duration MIN        minutes\n"
	  "  --sentiment N         1 (unhappy) to 5 (delighted)\n"
	  "  --reactive            the customer initiated it\n"
	  "  --with EMAIL,...      attendees, by email\n"
	  "  --follow-ups TEXT     agreed next steps\n",
	  cmd_log },
	{ "task", "add ACCOUNT TITLE | list | done ID...",
	  "add, list and complete tasks (calls to action)",
	  "tend task add ACCOUNT TITLE [--due D] [--priority P] [--kind K] [--owner LOGIN]\n"
	  "  Adds an open task; ACCOUNT '-' makes an internal task.  --due takes\n"
	  "  YYYY-MM-DD, today, tomorrow or +Nd/+Nw/+Nm.  Priority low, medium (default),\n"
	  "  high or critical; kind risk, expansion, lifecycle, renewal, cadence or\n"
	  "  activity (default).  The owner defaults to you.\n"
	  "tend task list [--owner LOGIN|me|all] [--account A] [--status S] [--overdue]\n"
	  "  Open and snoozed tasks, soonest due first.  --status open, done, cancelled,\n"
	  "  snoozed or all.  By default your tasks when you are a user of the book.\n"
	  "tend task done ID...\n"
	  "  Marks tasks done today, all in one change.\n",
	  cmd_task },
	{ "metrics", "[--from DATE] [--to DATE] [--by csm|segment|team]",
	  "revenue, renewal, survey and coverage metrics over a period",
	  "Computes, over the period from --from to --to with both days included:\n"
	  "starting ARR, expansion, contraction, churned and new ARR, NRR, GRR, logo\n"
	  "and revenue churn from the ARR ledger; gross, net and on-time renewal rates\n"
	  "over the renewals due in the period; NPS and CSAT; accounts and ARR per CSM\n"
	  "against their segment's band, reviews overdue and the proactive share of\n"
	  "touchpoints.  The whole book is always the first row.  Ratios are fractions\n"
	  "(1.0 = 100%) in CSV and JSON; money is cents under KEY_cents in JSON.\n"
	  "'man tend' (section METRICS) gives every formula.\n\n"
	  "  --from DATE    first day of the period (default: twelve months before\n"
	  "                 the day after --to, i.e. the trailing twelve months)\n"
	  "  --to DATE      last day of the period, included (default today)\n"
	  "  --by G         also one row per csm (the account's owner; 'pooled' for\n"
	  "                 accounts with none), segment, or team (the owner's team)\n",
	  cmd_metrics },
	{ "renewal", "close ID --final AMOUNT [--reason CODE] [--date D]",
	  "close a renewal as won or lost and write its ARR ledger event",
	  "Sets the renewal's final ARR, its stage (won, or lost when AMOUNT is 0), its\n"
	  "close date and reason, and writes the ledger event dated on its due date:\n"
	  "expansion by the amount above the target, contraction by the amount below\n"
	  "it, churn of the account's whole ARR when nothing would be left; no event\n"
	  "when final and target are equal.  All in one change.  A closed renewal\n"
	  "cannot be closed again.  'tend account show' lists an account's renewals\n"
	  "with their IDs.\n\n"
	  "  --final AMOUNT   final ARR in major units (12000.50); 0 means lost\n"
	  "  --reason CODE    why it was lost or downsold (required when lost): budget,\n"
	  "                   no_value, champion_left, acquired, competitor,\n"
	  "                   product_gap, support_experience, consolidation,\n"
	  "                   business_closed or other\n"
	  "  --date D         the day it closed (default today)\n",
	  cmd_renewal },
	{ "health", "[list | recompute | explain ACCOUNT | override ACCOUNT | calibrate | rate ACCOUNT FACT VALUE | check [FILE...]]",
	  "score accounts' health and explain the scores",
	  "tend health [list] [--band B] [--owner LOGIN|me|pooled] [--segment S] [--false-positive]\n"
	  "            [--sort score|name|arr|change] [--limit N]\n"
	  "  Each account's latest score (worst first): score on the scorecard's scale and as\n"
	  "  a percentage of full score, band (an override first, the computed band beside\n"
	  "  it), outcomes and experience scores, the false-positive-healthy flag and the\n"
	  "  change over 30 days.\n"
	  "tend health recompute [--scorecard FILE|NAME]...\n"
	  "  Scores every account as of today (--now) and keeps one snapshot per account per\n"
	  "  day; running it again the same day replaces that day's snapshots.  Also stores\n"
	  "  every account's facts for the day, which 'tend playbook run' then reads.\n"
	  "tend health explain ACCOUNT\n"
	  "  Each measure's fact value, the rule or threshold that rated it, its rating,\n"
	  "  weight and points; the group scores, the override and the 30/90-day trend.\n"
	  "tend health override ACCOUNT --band B --reason TEXT --until DATE [--from DATE]\n"
	  "tend health override ACCOUNT --clear\n"
	  "  Sets (or ends) a CSM's band for an account; the computed score stays visible.\n"
	  "tend health calibrate\n"
	  "  Computes the cut points of measures with quantile thresholds from the book.\n"
	  "tend health rate ACCOUNT financial_rating 1-3 | csm_sentiment 1-5 [--note TEXT]\n"
	  "  Records a manual rating; it counts for 30 days (14 while yellow or worse).\n"
	  "tend health check [FILE...]\n"
	  "  Validates scorecard files (default: the ones in force); problems are shown as\n"
	  "  FILE:LINE:COLUMN and make it exit with 65.\n\n"
	  "Scorecards in force: --scorecard (repeatable), else $XDG_CONFIG_HOME/tend/scorecards/\n"
	  "*.yaml, else the config file's scorecard (default, handbook or practical).\n"
	  "man tend-scorecard(5) documents the format.\n",
	  cmd_health },
	{ "facts", "[ACCOUNT | --all]",
	  "list the facts tend computes, or their values for an account",
	  "With no argument, lists every fact of the catalog with its kind, unit and\n"
	  "formula.  With an ACCOUNT, shows that account's values as of today (--now).\n"
	  "Scorecards rate accounts on these facts.\n\n"
	  "  --all          every account's facts, one row each (CSV by default;\n"
	  "                 ratios as fractions, money in cents, unknown values empty)\n",
	  cmd_facts },
	{ "playbook", "[list | run | check [FILE...] | sql RULE] [--dry-run] [--rule ID] [--playbooks DIR] [--summary]"
	  " [--live-facts]",
	  "run the playbooks: rules that create tasks, risks and escalations",
	  "tend playbook [list]\n"
	  "  Each rule in force: enabled, idempotency scope, its last run (date, accounts\n"
	  "  matched and fired), firings so far, open escalations, file and description.\n"
	  "tend playbook run [--dry-run] [--rule ID] [--summary] [--live-facts]\n"
	  "  Evaluates every enabled rule as of today (--now) over the whole book.  Accounts\n"
	  "  whose condition holds and that the rule has not fired for in its scope (once\n"
	  "  per account, per renewal or per period) fire: the rule's actions are written in\n"
	  "  one transaction per rule, with source playbook:RULE, audited.  Then open\n"
	  "  escalations climb when their next step is due and no 'unless' holds.  Prints\n"
	  "  what it did; --dry-run prints the same report and writes nothing.  Running it\n"
	  "  again the same day does nothing more: safe in cron.  --format json for scripts.\n"
	  "  Rules read the facts today's 'tend health recompute' stored while nothing they\n"
	  "  come from has changed since, else compute them from the book (slower); so the\n"
	  "  cron line is 'tend health recompute && tend playbook run'.  --live-facts always\n"
	  "  computes them.\n"
	  "tend playbook check [FILE...]\n"
	  "  Validates playbook files (default: the ones in force); every problem is shown as\n"
	  "  FILE:LINE:COLUMN and makes it exit with 65.  Nothing runs while any file of the\n"
	  "  set in force has a problem.\n"
	  "tend playbook sql RULE [--live-facts]\n"
	  "  The SQL statement the rule compiles to, with its parameters written in: the\n"
	  "  one a run would use now (on stored facts or not, as its first line says).\n\n"
	  "  --playbooks DIR   use only the *.yaml files in DIR (default: the shipped\n"
	  "                    playbooks, then $XDG_CONFIG_HOME/tend/playbooks/*.yaml,\n"
	  "                    whose rules replace shipped ones of the same id)\n\n"
	  "man tend-playbook(5) documents the format.\n",
	  cmd_playbook },
	{ "inbox", "[--all] [--done] | done ID...",
	  "notifications and escalation requests for you",
	  "Lists the inbox items addressed to you, and those addressed to a role you take\n"
	  "(a lead: lead requests and notes about pooled accounts; an admin: executive\n"
	  "requests and everything no user was found for), escalations first by due date.\n\n"
	  "  --all          every item of the book\n"
	  "  --done         include items already done\n"
	  "tend inbox done ID...\n"
	  "  Marks items done; an escalation request marked done is acknowledged, which\n"
	  "  stops ladders whose next step says 'unless: acknowledged'.\n",
	  cmd_inbox },
	{ "config", "",
	  "show the settings in effect and where each comes from",
	  "Prints the book's path and its source, the config file, and every setting.\n",
	  cmd_config },
	{ "tui", "",
	  "open the terminal interface (the default with no command)",
	  "Opens the full-screen interface on the book.  Needs a terminal.\n",
	  cmd_tui },
	{ "help", "[COMMAND]",
	  "show help for tend or a command",
	  "'tend help import' also lists every entity and its columns.\n",
	  cmd_help },
	{ "version", "",
	  "print the version",
	  "",
	  cmd_version },
};
const size_t cli_command_count = sizeof(cli_commands) / sizeof(cli_commands[0]);

const struct command *
cli_find(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (!strcmp(cli_commands[i].name, name))
			return &cli_commands[i];
	return NULL;
}

const char *
cli_suggest(const char *name)
{
	const char *names[32];
	size_t n = 0;

	for (size_t i = 0; i < cli_command_count && n < 31; i++)
		names[n++] = cli_commands[i].name;
	names[n] = NULL;
	return names_suggest(names, name);
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
			       "--%s: '%s' is not a date (YYYY-MM-DD, today, tomorrow, +3d, -2w, +1m)",
			       opt, arg);
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
	return err_set(c->err, ST_USAGE, "--%s: '%s' is not allowed", opt, arg);
}

void
cli_owner(const struct cli *c, const char *arg, struct account_filter *f)
{
	f->pooled = !strcmp(arg, "pooled");
	f->owner = f->pooled ? NULL : !strcmp(arg, "me") ? c->login : arg;
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

enum status
cli_getopt(struct cli *c, const struct command *cmd, int argc, char **argv, const char *shortopts,
	   const struct option *longopts, opt_fn fn, void *ctx, int *first)
{
	struct option all[64];
	char shorts[64];
	size_t n = 0;
	enum status st = ST_OK;
	int opt;

	for (; longopts && longopts[n].name && n < 64 - N_GLOBAL - 1; n++)
		all[n] = longopts[n];
	memcpy(all + n, global_options, sizeof(global_options));
	memset(&all[n + N_GLOBAL], 0, sizeof(all[0]));
	/* Leading ':' so we report missing arguments ourselves; 'h' is --help. */
	snprintf(shorts, sizeof(shorts), ":h%s", shortopts ? shortopts : "");
	optind = 0;   /* glibc: full re-initialisation, so commands can re-parse */
	opterr = 0;
	*first = argc;
	while ((opt = getopt_long(argc, argv, shorts, all, NULL)) != -1) {
		if (opt == 'h' || opt == OPT_HELP) {
			cli_print_help(cmd, stdout);
			*first = -1;
			return ST_OK;
		}
		if (opt == '?')
			return cli_usage(c, cmd, "unknown option '%s'", argv[optind - 1]);
		if (opt == ':')
			return cli_usage(c, cmd, "option '%s' needs a value", argv[optind - 1]);
		if (opt >= OPT_DB && opt <= OPT_HELP)
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
	if (store_open(&c->store, &o, c->err))
		return c->err->status;
	*out = c->store;
	return ST_OK;
}

enum out_format
cli_format(const struct cli *c, enum out_format dflt)
{
	return c->format_set ? c->format : dflt;
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
