/*
 * cmd_qbr.c -- `tend qbr ACCOUNT [--period 90d] [--format md|html]`: the
 * pack a CSM brings to a business review (app/qbr.h), on standard output.
 * This file parses, loads the scorecards in force as `tend health explain`
 * does, and prints.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/qbr.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/buf.h"
#include "store/store.h"

struct qbr_cli {
	const char *period, *format;
};

/* Its own --format (md or html) wins over the global one, which is for
 * tables. */
static const struct option qbr_options[] = {
	{ "period", required_argument, NULL, 'p' },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 },
};

static enum status
qbr_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct qbr_cli *o = ctx;
	static const char *const formats[] = { "md", "html", NULL };

	switch (opt) {
	case 'p': o->period = arg; return ST_OK;
	case 'f': o->format = arg; return cli_choice(c, "format", arg, formats);
	}
	return ST_SOFTWARE;
}

/* "90d", "12w", "3m" (calendar months back from today) into days. */
static enum status
period_days(struct cli *c, const char *text, int *days)
{
	char *end;
	long n = strtol(text, &end, 10);
	int32_t today = c->clock.today;

	if (end == text || n < 1 || n > 1000 || !end[0] || end[1] || !strchr("dwm", end[0]))
		return err_set(c->err, ST_USAGE, "--period: '%s' is not a period (90d, 12w, 3m)", text);
	*days = end[0] == 'd' ? (int)n : end[0] == 'w' ? (int)n * 7
	      : (int)(today - date_add_months(today, -(int)n));
	if (*days > QBR_DAYS_MAX)
		return err_set(c->err, ST_USAGE, "--period: at most %d days: the health history a "
			       "review reads goes back that far", QBR_DAYS_MAX);
	return ST_OK;
}

static enum status
cmd_qbr(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("qbr");
	struct qbr_cli o = { .period = "90d", .format = "md" };
	struct qbr_opts qo = { .author = c->login };
	struct scorecard_set set;
	struct qbr *q;
	struct store *s;
	struct buf out;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", qbr_options, qbr_opt, &o, &first) || first < 0)
		return c->err->status;
	if (argc - first != 1)
		return cli_usage(c, cmd, "qbr takes one ACCOUNT");
	if (period_days(c, o.period, &qo.days) || cli_store(c, false, &s) ||
	    store_account_resolve(s, argv[first], &qo.account_id, c->err))
		return c->err->status;
	if (scorecard_set_load(&set, NULL, 0, c->conf.scorecard, c->err, cli_report_diag, NULL))
		return c->err->status;
	if (scorecard_set_calibrate(&set, s, c->err)) {
		scorecard_set_free(&set);
		return c->err->status;
	}
	qo.set = &set;
	st = qbr_load(s, &qo, &q, c->err);
	if (!st) {
		buf_init(&out);
		if (!strcmp(o.format, "html"))
			st = qbr_html(q, &out, c->err);
		else
			qbr_markdown(q, &out);
		if (!st)
			fputs(out.data, stdout);
		buf_done(&out);
		qbr_free(q);
	}
	scorecard_set_free(&set);
	return st;
}

static const char cmd_qbr_help[] =
	"Writes the pack for a business review with ACCOUNT on standard output:\n"
	"account summary, health by measure now and at the start of the period,\n"
	"ARR at both ends, value realised (the plan's KPIs against baseline and\n"
	"target), success-plan progress, adoption barriers and mitigations, open\n"
	"risks, renewals and expansion, and the QBR agenda with the EBR's shape.\n"
	"  --period P     the days up to today: 90d (default), 12w, 3m; at most 120 days\n"
	"  --format F     md (Markdown, default) or html: one self-contained file with\n"
	"                 the health trend and the ARR history as charts\n";

const struct command cmd_qbr_entry = {
	.name = "qbr",
	.args = "ACCOUNT [--period 90d] [--format md|html]",
	.summary = "the QBR pack for a business review, as Markdown or HTML",
	.help = cmd_qbr_help,
	.run = cmd_qbr,
};
