/*
 * cmd_renewal.c -- `tend renewal close`: record a renewal's outcome and the
 * ledger event that goes with it (doc/model.md section 5), in one audited write.
 *
 * Closing sets the stage (won when the final ARR is above zero, lost at
 * zero), the close date, the final ARR and the churn reason, and writes one
 * arr_event dated on the renewal's due date with delta = final - target:
 *   delta > 0                       expansion ("renewal with upsell");
 *   delta < 0, the account's ARR
 *     after it still above zero     contraction (the reason code, or
 *                                   "renewal with downsell");
 *   ARR after it at or below zero   churn of the whole ARR left (delta =
 *                                   -ARR, so ARR never goes negative);
 *   delta = 0                       no event.
 * "The account's ARR" is its ARR at the end of the due date, before this
 * event: an account with several contracts that loses one renewal contracts,
 * it does not churn.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/money.h"
#include "store/entity.h"
#include "store/metrics.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

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

/* The ledger event for closing r at final, given the account's ARR at the end
 * of the due date.  *kind is NULL when there is none. */
static void
ledger_event(const struct renewal_info *r, int64_t final, int64_t arr, const char **kind,
	     int64_t *delta)
{
	*delta = final - r->target;
	*kind = NULL;
	if (*delta > 0) {
		*kind = "expansion";
	} else if (*delta < 0 && arr + *delta > 0) {
		*kind = "contraction";
	} else if (*delta < 0 && arr > 0) {
		*kind = "churn";
		*delta = -arr;
	} else {
		*delta = 0;   /* no change, or nothing left to churn */
	}
}

static enum status
close_write(struct cli *c, struct store *s, int64_t id, int64_t final, const struct close_opts *o)
{
	const struct command *cmd = cli_find("renewal");
	char closed[DATE_STRLEN], due[DATE_STRLEN], m1[MONEY_STRLEN], m2[MONEY_STRLEN],
		m3[MONEY_STRLEN];
	struct renewal_info r;
	const char *kind, *stage = final > 0 ? "won" : "lost", *reason;
	int64_t arr, delta, event_id = 0;
	struct wtx *t;
	struct row rr, re;
	enum status st;

	date_format(o->date_set ? o->date : c->clock.today, closed);
	/* Read inside the write transaction: nobody can close it meanwhile. */
	if ((st = wtx_begin(s, "renewal close", WTX_AUDIT_ROWS, &t, c->err)))
		return st;
	if ((st = store_renewal_get(s, id, &r, c->err))) {
		wtx_abort(t);
		return st;
	}
	date_format(r.due, due);
	if (!strcmp(r.stage, "won") || !strcmp(r.stage, "lost")) {
		st = err_set(c->err, ST_DATA,
			     "renewal #%lld is already closed (%s on %s); nothing was changed",
			     (long long)id, r.stage, r.closed_date);
		goto abort;
	}
	if (o->reason && final >= r.target) {
		st = cli_usage(c, cmd,
			       "--reason is for a lost or downsold renewal (final %s, target %s)",
			       out_money(final, m1), out_money(r.target, m2));
		goto abort;
	}
	if ((st = store_account_arr(s, r.account_id, r.due + 1, &arr, c->err)))
		goto abort;
	ledger_event(&r, final, arr, &kind, &delta);
	if (delta > 0)
		reason = "renewal with upsell";
	else
		reason = o->reason ? o->reason : "renewal with downsell";

	row_init(&rr, &entity_renewal);
	row_text(&rr, "stage", stage);
	row_int(&rr, "final_arr", final);
	row_text(&rr, "closed_date", closed);
	if (o->reason)
		row_text(&rr, "churn_reason", o->reason);
	if (final == 0)
		row_text(&rr, "forecast_category", "lost");
	st = wtx_update(t, &rr, id, c->err);
	row_done(&rr);
	if (!st && kind) {
		row_init(&re, &entity_arr_event);
		row_int(&re, "account", r.account_id);
		row_text(&re, "date", due);
		row_text(&re, "kind", kind);
		row_int(&re, "arr_delta", delta);
		row_text(&re, "reason", reason);
		st = wtx_insert(t, &re, &event_id, c->err);
		row_done(&re);
	}
	if (st)
		goto abort;
	if ((st = wtx_commit(t, c->err))) {
		renewal_info_done(&r);
		return st;
	}

	printf("renewal #%lld of ", (long long)id);
	out_text(stdout, r.account, false);
	printf(" closed %s on %s: final %s, target %s", stage, closed, out_money(final, m1),
	       out_money(r.target, m2));
	if (o->reason)
		printf(", reason %s", o->reason);
	printf("\n");
	if (kind)
		printf("ledger: %s %s%s on %s (#%lld), ARR %s -> %s\n", kind, delta > 0 ? "+" : "",
		       out_money(delta, m1), due, (long long)event_id, out_money(arr, m2),
		       out_money(arr + delta, m3));
	else
		printf("ledger: no change (ARR %s on %s)\n", out_money(arr, m1), due);
	renewal_info_done(&r);
	return ST_OK;
abort:
	wtx_abort(t);
	renewal_info_done(&r);
	return st;
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
	if (final == 0 && !o.reason)
		return cli_usage(c, cmd, "a lost renewal (--final 0) needs --reason CODE");
	if (cli_store(c, false, &s))
		return c->err->status;
	return close_write(c, s, id, final, &o);
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
