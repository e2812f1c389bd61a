/*
 * cmd_opportunity.c -- `tend opportunity list|add|stage|amount|close`: the
 * expansion pipeline of the book, listed and worked by hand (playbooks add
 * opportunities too).  The rules are app/opportunity.h's; this file parses,
 * calls and prints.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/opportunity.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/work_cmd.h"
#include "core/money.h"
#include "domain/model.h"
#include "store/store.h"
#include "store/work.h"

struct opp_opts {
	const char *account, *stage, *kind, *amount, *close, *reason;
	bool won, lost;
	unsigned given;            /* bits of opp_options, by index */
};

enum { OO_ACCOUNT = 1 << 0, OO_STAGE = 1 << 1, OO_KIND = 1 << 2, OO_AMOUNT = 1 << 3,
	OO_CLOSE = 1 << 4, OO_WON = 1 << 5, OO_LOST = 1 << 6, OO_REASON = 1 << 7 };

/* In the order of the OO_ bits. */
static const struct option opp_options[] = {
	{ "account", required_argument, NULL, 'a' },
	{ "stage", required_argument, NULL, 's' },
	{ "kind", required_argument, NULL, 'k' },
	{ "amount", required_argument, NULL, 'm' },
	{ "close", required_argument, NULL, 'c' },
	{ "won", no_argument, NULL, 'W' },
	{ "lost", no_argument, NULL, 'L' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

static enum status
opp_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct opp_opts *o = ctx;

	switch (opt) {
	case 'a': o->given |= OO_ACCOUNT; o->account = arg; return ST_OK;
	case 's':
		o->given |= OO_STAGE;
		o->stage = arg;
		if (!strcmp(arg, "open") || !strcmp(arg, "all"))
			return ST_OK;
		return cli_choice(c, "stage", arg, opp_stage_names);
	case 'k': o->given |= OO_KIND; o->kind = arg; return cli_choice(c, "kind", arg, opp_kind_names);
	case 'm': o->given |= OO_AMOUNT; o->amount = arg; return ST_OK;
	case 'c': o->given |= OO_CLOSE; o->close = arg; return ST_OK;
	case 'W': o->given |= OO_WON; o->won = true; return ST_OK;
	case 'L': o->given |= OO_LOST; o->lost = true; return ST_OK;
	case 'r': o->given |= OO_REASON; o->reason = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

static const struct command *
opp_cmd(void)
{
	return cli_find("opportunity");
}

static enum status
app_error(struct cli *c)
{
	if (c->err->status == ST_USAGE)
		return cli_app_usage(c, opp_cmd(), opp_options);
	return cli_option_error(c, opp_options);
}

/* An amount of money in major units, zero or more; what names it. */
static enum status
parse_amount(struct cli *c, const char *what, const char *text, int64_t *cents)
{
	const char *why = NULL;

	if (!money_parse(text, cents, &why) || *cents < 0)
		return cli_usage(c, opp_cmd(),
				 "%s: '%s' is not an amount of zero or more (12000.50)%s%s", what, text,
				 why ? ": " : "", why ? why : "");
	return ST_OK;
}

/* Print the confirmation "opportunity #ID WHAT (Account, CRM-1)". */
static void
confirm(struct work_done *d, const char *what)
{
	printf("opportunity #%lld %s", (long long)d->id, what);
	work_print_account(d);
	work_done_clear(d, 1);
}

/* -- list ------------------------------------------------------------------- */

static const struct out_col opp_cols[] = {
	{ "id", "ID", COL_INT },
	{ "created_on", "CREATED", COL_DATE },
	{ "stage", "STAGE", COL_TEXT },
	{ "kind", "KIND", COL_TEXT },
	{ "arr", "ARR", COL_MONEY },
	{ "expected_close", "CLOSE", COL_DATE },
	{ "account", "ACCOUNT", COL_FREETEXT },
	{ "title", "TITLE", COL_FREETEXT },
	{ "am", "AM", COL_FREETEXT },
	{ "sourced_by", "SOURCED BY", COL_TEXT },
	{ "forecast_category", "FORECAST", COL_TEXT },
	{ "closed_on", "CLOSED", COL_DATE },
	{ "close_reason", "REASON", COL_FREETEXT },
};
#define N_OPP_COLS ((int)(sizeof(opp_cols) / sizeof(opp_cols[0])))

#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : (struct value){ V_NULL, 0, 0, NULL })

static int
opp_row_out(void *ctx, const struct opportunity_row *r)
{
	struct value v[N_OPP_COLS] = {
		{ V_INT, r->id, 0, NULL },
		TEXTV(r->created_on), TEXTV(r->stage), TEXTV(r->kind),
		{ V_INT, r->arr_cents, 0, NULL },
		TEXTV(r->expected_close), TEXTV(r->account), TEXTV(r->title), TEXTV(r->am),
		TEXTV(r->sourced_by), TEXTV(r->forecast), TEXTV(r->closed_on), TEXTV(r->close_reason),
	};

	out_row(ctx, v);
	return 0;
}

static enum status
opp_list(struct cli *c, struct store *s, const struct opp_opts *o, int n, char **args)
{
	struct opportunity_filter f = { .stage = o->stage };
	struct out out;
	enum status st;

	(void)args;
	if (n != 0)
		return cli_usage(c, opp_cmd(), "opportunity list takes no arguments");
	if (o->account && store_account_resolve(s, o->account, &f.account_id, c->err))
		return c->err->status;
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), opp_cols, N_OPP_COLS);
	/* On a narrow terminal, the pipeline's stage, ARR and close date stay. */
	out_drop(&out, (const char *const[]){ "close_reason", "closed_on", "forecast_category", "am",
					      "sourced_by", "created_on", NULL });
	st = store_opportunities_each(s, &f, opp_row_out, &out, c->err);
	out_end(&out);
	return st;
}

/* -- add, stage, amount, close -------------------------------------------------- */

static enum status
opp_add(struct cli *c, struct store *s, const struct opp_opts *o, int n, char **args)
{
	struct opportunity_input in = { .kind = o->kind };
	struct work_done d;

	if (n != 2)
		return cli_usage(c, opp_cmd(), "opportunity add takes an ACCOUNT and a TITLE");
	if (!o->kind || !o->amount)
		return cli_usage(c, opp_cmd(), "opportunity add needs --kind K and --amount MONEY");
	if (parse_amount(c, "--amount", o->amount, &in.arr_cents))
		return c->err->status;
	in.has_close = o->close != NULL;
	if (o->close && cli_date(c, "close", o->close, &in.expected_close))
		return c->err->status;
	if (store_account_resolve(s, args[0], &in.account_id, c->err))
		return c->err->status;
	in.title = args[1];
	if (opportunity_add(s, c->login, &in, &d, c->err))
		return app_error(c);
	confirm(&d, "added");
	return ST_OK;
}

/* The one opportunity ID before the rest of a subcommand's arguments. */
static enum status
opp_id(struct cli *c, const char *sub, const char *rest, int n, int want, char **args,
       int64_t *id)
{
	if (n != want)
		return cli_usage(c, opp_cmd(), "opportunity %s takes one opportunity ID%s", sub, rest);
	return work_ids(c, opp_cmd(), "opportunity", 1, args, id);
}

static enum status
opp_stage(struct cli *c, struct store *s, const struct opp_opts *o, int n, char **args)
{
	char what[64];
	struct work_done d;
	int64_t id;

	(void)o;
	if (opp_id(c, "stage", " and a STAGE", n, 2, args, &id))
		return c->err->status;
	if (!strcmp(args[1], "won") || !strcmp(args[1], "lost"))
		return cli_usage(c, opp_cmd(), "an opportunity is %s with 'opportunity close ID --%s'",
				 args[1], args[1]);
	if (cli_choice(c, "STAGE", args[1], opp_stage_names))
		return cli_usage(c, opp_cmd(), "STAGE: '%s' is not qualify, propose or commit",
				 args[1]);
	if (opportunity_stage(s, id, args[1], &d, c->err))
		return app_error(c);
	snprintf(what, sizeof(what), "%s %s", d.skipped ? "was already in" : "moved to", args[1]);
	confirm(&d, what);
	return ST_OK;
}

static enum status
opp_amount(struct cli *c, struct store *s, const struct opp_opts *o, int n, char **args)
{
	char what[64], m[MONEY_STRLEN];
	struct work_done d;
	int64_t id, cents;

	(void)o;
	if (opp_id(c, "amount", " and an AMOUNT", n, 2, args, &id) ||
	    parse_amount(c, "AMOUNT", args[1], &cents))
		return c->err->status;
	if (opportunity_amount(s, id, cents, &d, c->err))
		return app_error(c);
	snprintf(what, sizeof(what), "ARR set to %s", out_money(cents, m));
	confirm(&d, what);
	return ST_OK;
}

static enum status
opp_close(struct cli *c, struct store *s, const struct opp_opts *o, int n, char **args)
{
	struct work_done d;
	int64_t id;

	if (opp_id(c, "close", "", n, 1, args, &id))
		return c->err->status;
	if (o->won == o->lost)
		return cli_usage(c, opp_cmd(), "opportunity close needs --won or --lost");
	if (opportunity_close(s, id, o->won, o->reason, &d, c->err))
		return app_error(c);
	confirm(&d, o->won ? "won" : "lost");
	return ST_OK;
}

static const struct opp_sub {
	const char *name;
	unsigned opts;             /* the OO_ bits it takes */
	enum status (*run)(struct cli *c, struct store *s, const struct opp_opts *o, int n,
			   char **args);
} opp_subs[] = {
	{ "list", OO_ACCOUNT | OO_STAGE, opp_list },
	{ "add", OO_KIND | OO_AMOUNT | OO_CLOSE, opp_add },
	{ "stage", 0, opp_stage },
	{ "amount", 0, opp_amount },
	{ "close", OO_WON | OO_LOST | OO_REASON, opp_close },
};

static enum status
cmd_opportunity(struct cli *c, int argc, char **argv)
{
	const struct opp_sub *sub = NULL;
	struct opp_opts o = { 0 };
	struct store *s;
	int first;

	if (cli_getopt(c, opp_cmd(), argc, argv, "", opp_options, opp_opt, &o, &first) || first < 0)
		return c->err->status;
	for (size_t i = 0; first < argc && i < sizeof(opp_subs) / sizeof(opp_subs[0]); i++)
		if (!strcmp(argv[first], opp_subs[i].name))
			sub = &opp_subs[i];
	if (!sub)
		return cli_usage(c, opp_cmd(), "expected list, add, stage, amount or close");
	first++;
	for (int i = 0; opp_options[i].name; i++)
		if ((o.given & ~sub->opts) & (1u << i))
			return cli_usage(c, opp_cmd(), "opportunity %s does not take --%s", sub->name,
					 opp_options[i].name);
	if (cli_store(c, false, &s))
		return c->err->status;
	return sub->run(c, s, &o, argc - first, argv + first);
}

static const char cmd_opportunity_help[] =
	"tend opportunity list [--account A] [--stage S|open|all]\n"
	"  Opportunities, soonest expected close first; by default the open ones\n"
	"  (qualify, propose, commit) of every account.\n"
	"tend opportunity add ACCOUNT --kind K --amount MONEY [--close D] TITLE\n"
	"  A new opportunity in qualify: kind upsell, cross_sell, whitespace or\n"
	"  referral; MONEY its ARR in major units (12000.50); --close the day it\n"
	"  should close.  The account's AM works it; you are credited with the lead.\n"
	"tend opportunity stage ID STAGE\n"
	"  Moves an open opportunity to qualify, propose or commit.\n"
	"tend opportunity amount ID MONEY\n"
	"  Sets its ARR.\n"
	"tend opportunity close ID --won|--lost [--reason R]\n"
	"  Closes it today as won or lost, with why.\n";

const struct command cmd_opportunity_entry = {
	.name = "opportunity",
	.args = "list | add ACCOUNT --kind K --amount MONEY TITLE | stage ID STAGE | "
		"amount ID MONEY | close ID --won|--lost",
	.summary = "list, add and work expansion opportunities",
	.help = cmd_opportunity_help,
	.run = cmd_opportunity,
};
