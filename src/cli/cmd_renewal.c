/*
 * cmd_renewal.c -- `tend renewal close`: parse the close, hand it to
 * app/renewal.c (which validates it, updates the renewal and writes the
 * ledger event in one audited write: the rules are in app/renewal.h), and
 * print what changed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/renewal.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/money.h"
#include "domain/model.h"

struct close_opts {
	const char *final, *reason;
	int32_t date;
	bool date_set;
};

static enum status
renewal_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct close_opts *o = ctx;

	switch (opt) {
	case 'F': o->final = arg; return ST_OK;
	case 'r': o->reason = arg; return cli_choice(c, "reason", arg, churn_reason_names);
	case 'd': o->date_set = true; return cli_date(c, "date", arg, &o->date);
	}
	return ST_SOFTWARE;
}

/* What renewal close prints: the renewal's new state, then the ledger. */
static void
close_print(struct store *s, int64_t id, const struct renewal_close_input *in,
	    const struct renewal_close_result *r)
{
	char closed[DATE_STRLEN], due[DATE_STRLEN], m1[MONEY_STRLEN], m2[MONEY_STRLEN],
		m3[MONEY_STRLEN];

	date_format(in->closed, closed);
	date_format(r->due, due);
	printf("renewal #%lld of ", (long long)id);
	cli_print_account(stdout, s, r->account_id);
	printf(" closed %s on %s: final %s, target %s", r->stage, closed, out_money(in->final, m1),
	       out_money(r->target, m2));
	if (in->reason)
		printf(", reason %s", in->reason);
	printf("\n");
	if (r->kind)
		printf("ledger: %s %s%s on %s (#%lld), ARR %s -> %s\n", r->kind,
		       r->delta > 0 ? "+" : "", out_money(r->delta, m1), due,
		       (long long)r->event_id, out_money(r->arr, m2),
		       out_money(r->arr + r->delta, m3));
	else
		printf("ledger: no change (ARR %s on %s)\n", out_money(r->arr, m1), due);
}

static enum status
cmd_renewal(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "final", required_argument, NULL, 'F' },
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("renewal");
	struct close_opts o = { 0 };
	struct renewal_close_input in;
	struct renewal_close_result r;
	const char *why = NULL;
	struct store *s;
	int64_t final;
	long id;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", opts, renewal_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first >= argc || strcmp(argv[first], "close"))
		return cli_usage(c, cmd, "expected 'close ID --final AMOUNT'");
	if (argc - first != 2)
		return cli_usage(c, cmd, "renewal close takes one renewal ID");
	if (cli_int(c, "ID", argv[first + 1], 1, 1L << 62, &id))
		return cli_usage(c, cmd, "'%s' is not a renewal id", argv[first + 1]);
	if (!o.final)
		return cli_usage(c, cmd, "--final AMOUNT is required (0 for a lost renewal)");
	if (!money_parse(o.final, &final, &why) || final < 0)
		return cli_usage(c, cmd, "--final: '%s' is not an amount of zero or more%s%s",
				 o.final, why ? ": " : "", why ? why : "");
	/* renewal_close() checks this too; here it is said in options, and before
	 * the book is opened. */
	if (final == 0 && !o.reason)
		return cli_usage(c, cmd, "a lost renewal (--final 0) needs --reason CODE");
	if (cli_store(c, false, &s))
		return c->err->status;
	in = (struct renewal_close_input){ .renewal_id = id, .final = final, .reason = o.reason,
		.closed = o.date_set ? o.date : c->clock.today };
	if (renewal_close(s, &in, &r, c->err))
		return cli_app_usage(c, cmd, opts);
	close_print(s, id, &in, &r);
	renewal_close_result_done(&r);
	return ST_OK;
}

static const char cmd_renewal_help[] =
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
	"  --date D         the day it closed (default today)\n";

const struct command cmd_renewal_entry = {
	.name = "renewal",
	.args = "close ID --final AMOUNT [--reason CODE] [--date D]",
	.summary = "close a renewal as won or lost and write its ARR ledger event",
	.help = cmd_renewal_help,
	.run = cmd_renewal,
};
