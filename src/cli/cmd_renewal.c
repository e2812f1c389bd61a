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
	const char *category, *forecast, *stage, *note;
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
	case 'c': o->category = arg; return ST_OK;
	case 'f': o->forecast = arg; return ST_OK;
	case 's': o->stage = arg; return ST_OK;
	case 'n': o->note = arg; return ST_OK;
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

/* What closing moved on: the next term, or the end of the account. */
static void
close_print_next(const struct renewal_close_result *r, int64_t final)
{
	char due[DATE_STRLEN], m[MONEY_STRLEN];

	if (r->next_id)
		printf("next term: renewal #%lld due %s, target %s\n", (long long)r->next_id,
		       date_format(r->next_due, due), out_money(final, m));
	if (r->churned)
		printf("account: stage churned\n");
	if (r->tasks_cancelled || r->risks_closed)
		printf("closed out: %zu open task%s cancelled, %zu open risk%s closed\n",
		       r->tasks_cancelled, r->tasks_cancelled == 1 ? "" : "s", r->risks_closed,
		       r->risks_closed == 1 ? "" : "s");
}

static enum status
renewal_close_cmd(struct cli *c, const struct command *cmd, const struct option *opts,
		  struct close_opts o, long id)
{
	struct renewal_close_input in;
	struct renewal_close_result r;
	const char *why = NULL;
	struct store *s;
	int64_t final;

	if (o.category || o.forecast || o.stage || o.note)
		return cli_usage(c, cmd, "renewal close takes --final, --reason and --date");
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
		.closed = o.date_set ? o.date : c->clock.today, .login = c->login };
	if (renewal_close(s, &in, &r, c->err))
		return cli_app_usage(c, cmd, opts);
	close_print(s, id, &in, &r);
	close_print_next(&r, final);
	renewal_close_result_done(&r);
	return ST_OK;
}

static enum status
renewal_set_cmd(struct cli *c, const struct command *cmd, const struct option *opts,
		struct close_opts o, long id)
{
	struct renewal_set_input in = { .renewal_id = id, .forecast = -1, .login = c->login };
	const char *why = NULL;
	struct store *s;
	bool changed;

	if (o.final || o.reason || o.date_set || o.note)
		return cli_usage(c, cmd, "renewal set takes --category, --forecast and --stage");
	if (!o.category && !o.forecast && !o.stage)
		return cli_usage(c, cmd, "renewal set needs --category, --forecast or --stage");
	if (o.forecast && (!money_parse(o.forecast, &in.forecast, &why) || in.forecast < 0))
		return cli_usage(c, cmd, "--forecast: '%s' is not an amount of zero or more%s%s",
				 o.forecast, why ? ": " : "", why ? why : "");
	in.category = o.category;
	in.stage = o.stage;
	if (cli_store(c, false, &s))
		return c->err->status;
	if (renewal_set(s, &in, &changed, c->err))
		return cli_app_usage(c, cmd, opts);
	printf("renewal #%ld %s\n", id, changed ? "updated" : "unchanged: nothing differed");
	return ST_OK;
}

static enum status
renewal_step_cmd(struct cli *c, const struct command *cmd, const struct option *opts,
		 struct close_opts o, long id, const char *step)
{
	struct store *s;
	char day[DATE_STRLEN];
	int64_t sid;

	if (o.final || o.reason || o.category || o.forecast || o.stage)
		return cli_usage(c, cmd, "renewal step takes --date and --note");
	if (cli_store(c, false, &s))
		return c->err->status;
	if (renewal_step(s, id, step, o.date_set ? o.date : c->clock.today, o.note, c->login,
			 &sid, c->err))
		return cli_app_usage(c, cmd, opts);
	printf("renewal #%ld: step %s logged on %s (#%lld)\n", id, step,
	       date_format(o.date_set ? o.date : c->clock.today, day), (long long)sid);
	return ST_OK;
}

static enum status
cmd_renewal(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "final", required_argument, NULL, 'F' },
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 'd' },
		{ "category", required_argument, NULL, 'c' },
		{ "forecast", required_argument, NULL, 'f' },
		{ "stage", required_argument, NULL, 's' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("renewal");
	struct close_opts o = { 0 };
	const char *verb;
	long id;
	int first, want;

	if (cli_getopt(c, cmd, argc, argv, "", opts, renewal_opt, &o, &first) || first < 0)
		return c->err->status;
	verb = first < argc ? argv[first] : "";
	if (strcmp(verb, "close") && strcmp(verb, "set") && strcmp(verb, "step"))
		return cli_usage(c, cmd, "expected 'close ID --final AMOUNT', 'set ID ...' or "
				 "'step ID STEP'");
	want = !strcmp(verb, "step") ? 3 : 2;
	if (argc - first != want)
		return cli_usage(c, cmd, "renewal %s takes %s", verb,
				 want == 3 ? "one renewal ID and a step (t120, t90, t60, t30)"
					   : "one renewal ID");
	if (cli_int(c, "ID", argv[first + 1], 1, 1L << 62, &id))
		return cli_usage(c, cmd, "'%s' is not a renewal id", argv[first + 1]);
	if (!strcmp(verb, "set"))
		return renewal_set_cmd(c, cmd, opts, o, id);
	if (!strcmp(verb, "step"))
		return renewal_step_cmd(c, cmd, opts, o, id, argv[first + 2]);
	return renewal_close_cmd(c, cmd, opts, o, id);
}

static const char cmd_renewal_help[] =
	"Sets the renewal's final ARR, its stage (won, or lost when AMOUNT is 0), its\n"
	"close date and reason, and writes the ledger event dated on its due date:\n"
	"expansion by the amount above the target, contraction by the amount below\n"
	"it, churn of the account's whole ARR when nothing would be left; no event\n"
	"when final and target are equal.  All in one change.  A closed renewal\n"
	"cannot be closed again.  'tend account show' lists an account's renewals\n"
	"with their IDs.  Closing also moves the motion on, in the same change: a\n"
	"won renewal creates the next term's (due one term later -- the contract's\n"
	"length, else 12 months -- target = the final ARR); a loss that leaves the\n"
	"account no ARR sets its stage to churned, cancels its open tasks and\n"
	"closes its open risks, each with the note 'renewal #ID lost (REASON)'.\n\n"
	"tend renewal set ID [--category C] [--forecast AMOUNT] [--stage S]\n"
	"  Forecast category commit, likely or at_risk; forecast ARR; stage\n"
	"  not_started, in_progress or negotiating.  Moving to in_progress logs the\n"
	"  T-90 step (discussion started), to negotiating T-60, the category to\n"
	"  commit T-30 (price agreed).\n\n"
	"tend renewal step ID STEP [--date D] [--note TEXT]\n"
	"  Log a cadence step (t120, t90, t60 or t30) as done on D (default today).\n\n"
	"Options of close:\n"
	"  --final AMOUNT   final ARR in major units (12000.50); 0 means lost\n"
	"  --reason CODE    why it was lost or downsold (required when lost): budget,\n"
	"                   no_value, champion_left, acquired, competitor,\n"
	"                   product_gap, support_experience, consolidation,\n"
	"                   business_closed or other\n"
	"  --date D         the day it closed (default today)\n";

const struct command cmd_renewal_entry = {
	.name = "renewal",
	.args = "close ID --final AMOUNT [--reason CODE] [--date D] | set ID ... | step ID STEP",
	.summary = "work a renewal: forecast, stage, cadence steps; close it as won or lost",
	.help = cmd_renewal_help,
	.run = cmd_renewal,
};
