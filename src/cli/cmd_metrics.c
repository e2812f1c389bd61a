/*
 * cmd_metrics.c -- `tend metrics`: revenue, renewal, survey and coverage
 * metrics over a period, for the whole book and optionally per CSM, segment
 * or team (doc/model.md sections 4 and 7; the formulas are in tend(1), METRICS).
 *
 * The period is given by its first and last days, both inclusive; internally
 * it is [from, to + 1).  By default it is the trailing twelve months ending
 * today.  CSV and JSON have one row per group, with the keys of the column
 * table below (money in cents under KEY_cents in JSON, ratios as plain
 * numbers, 1.0 = 100%); the table for people is turned on its side: one line
 * per metric, one column per group, percentages shown as %.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/names.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/metrics.h"
#include "store/metrics.h"

enum mtype {
	MT_FROM,        /* the period's first day */
	MT_TO,          /* its last day */
	MT_MONEY,       /* int64_t cents */
	MT_OPT_MONEY,   /* struct metrics_cents */
	MT_INT,         /* int64_t count */
	MT_RATIO,       /* struct metrics_num, 1.0 = 100% */
	MT_SCORE,       /* struct metrics_num, NPS -100..100 */
	MT_MEAN,        /* struct metrics_num, an average shown with two decimals */
	MT_PER,         /* struct metrics_num, a count per CSM */
};

struct mcol {
	const char *key;            /* CSV header, JSON key (money adds _cents) */
	const char *label;          /* the table's line for people */
	enum mtype type;
	size_t off;                 /* where the value is in struct metrics */
};

#define SUM(f) offsetof(struct metrics, sums.f)
#define M(f) offsetof(struct metrics, f)

static const struct mcol mcols[] = {
	{ "from", "from", MT_FROM, 0 },
	{ "to", "to", MT_TO, 0 },
	{ "starting_arr", "starting ARR", MT_MONEY, SUM(starting_arr) },
	{ "expansion", "expansion", MT_MONEY, SUM(expansion) },
	{ "contraction", "contraction", MT_MONEY, SUM(contraction) },
	{ "churned_arr", "churned ARR", MT_MONEY, SUM(churned_arr) },
	{ "new_arr", "new ARR", MT_MONEY, SUM(new_arr) },
	{ "ending_arr", "ending ARR", MT_MONEY, SUM(ending_arr) },
	{ "nrr", "NRR", MT_RATIO, M(nrr) },
	{ "grr", "GRR", MT_RATIO, M(grr) },
	{ "logo_churn", "logo churn", MT_RATIO, M(logo_churn) },
	{ "revenue_churn", "revenue churn", MT_RATIO, M(revenue_churn) },
	{ "cohort_accounts", "cohort accounts", MT_INT, SUM(cohort_accounts) },
	{ "churned_accounts", "churned accounts", MT_INT, SUM(churned_accounts) },
	{ "new_accounts", "new accounts", MT_INT, SUM(new_accounts) },
	{ "renewals_due", "renewals due (ARR)", MT_MONEY, SUM(renewals_due) },
	{ "renewals", "renewals due", MT_INT, SUM(renewals) },
	{ "renewals_won", "renewals won", MT_INT, SUM(renewals_won) },
	{ "renewals_lost", "renewals lost", MT_INT, SUM(renewals_lost) },
	{ "gross_renewal_rate", "gross renewal rate", MT_RATIO, M(gross_renewal_rate) },
	{ "net_renewal_rate", "net renewal rate", MT_RATIO, M(net_renewal_rate) },
	{ "on_time_renewal_rate", "on-time renewals", MT_RATIO, M(on_time_renewal_rate) },
	{ "nps", "NPS", MT_SCORE, M(nps) },
	{ "nps_responses", "NPS responses", MT_INT, SUM(nps_responses) },
	{ "csat", "CSAT (1-5)", MT_MEAN, M(csat) },
	{ "csat_satisfied", "CSAT 4-5", MT_RATIO, M(csat_satisfied) },
	{ "csat_responses", "CSAT responses", MT_INT, SUM(csat_responses) },
	{ "active_accounts", "active accounts", MT_INT, SUM(active_accounts) },
	{ "csms", "CSMs", MT_INT, SUM(csms) },
	{ "accounts_per_csm", "accounts per CSM", MT_PER, M(accounts_per_csm) },
	{ "arr_per_csm", "ARR per CSM", MT_OPT_MONEY, M(arr_per_csm) },
	{ "csms_outside_band", "CSMs outside band", MT_INT, SUM(csms_outside_band) },
	{ "review_accounts", "premium accounts", MT_INT, SUM(review_accounts) },
	{ "reviews_overdue", "reviews overdue", MT_INT, M(reviews_overdue) },
	{ "review_coverage", "review coverage", MT_RATIO, M(review_coverage) },
	{ "touchpoints", "touchpoints", MT_INT, SUM(touchpoints) },
	{ "proactive_share", "proactive share", MT_RATIO, M(proactive_share) },
};
#define N_MCOLS ((int)(sizeof(mcols) / sizeof(mcols[0])))

#define NULLV ((struct value){ V_NULL, 0, 0, NULL })

struct metrics_opts {
	int32_t from, to;
	bool from_set, to_set;
	enum metrics_by by;
};

/* The value of metric i of m: money and counts as V_INT, ratios as V_REAL. */
static struct value
mvalue(const struct mcol *mc, const struct metrics *m, const char *from, const char *to)
{
	const char *p = (const char *)m + mc->off;
	const struct metrics_num *num = (const struct metrics_num *)(const void *)p;
	const struct metrics_cents *cents = (const struct metrics_cents *)(const void *)p;

	switch (mc->type) {
	case MT_FROM: return (struct value){ V_TEXT, 0, 0, from };
	case MT_TO: return (struct value){ V_TEXT, 0, 0, to };
	case MT_MONEY:
	case MT_INT: return (struct value){ V_INT, *(const int64_t *)(const void *)p, 0, NULL };
	case MT_OPT_MONEY: return cents->set ? (struct value){ V_INT, cents->v, 0, NULL } : NULLV;
	case MT_RATIO:
	case MT_SCORE:
	case MT_MEAN:
	case MT_PER: return num->set ? (struct value){ V_REAL, 0, num->v, NULL } : NULLV;
	}
	return NULLV;
}

static enum col_type
mcol_type(enum mtype t)
{
	switch (t) {
	case MT_FROM:
	case MT_TO: return COL_DATE;
	case MT_MONEY:
	case MT_OPT_MONEY: return COL_MONEY;
	case MT_INT: return COL_INT;
	default: return COL_REAL;
	}
}

/* The text of a value for people: money grouped, ratios as percentages. */
static const char *
mtext(enum mtype t, const struct value *v, char *buf)
{
	if (v->kind == V_NULL)
		return "-";
	switch (t) {
	case MT_FROM:
	case MT_TO: return v->s;
	case MT_MONEY:
	case MT_OPT_MONEY: return out_money(v->i, buf);
	case MT_INT: snprintf(buf, 64, "%lld", (long long)v->i); break;
	case MT_RATIO: snprintf(buf, 64, "%.1f%%", v->r * 100); break;
	case MT_SCORE:
	case MT_PER: snprintf(buf, 64, "%.1f", v->r); break;
	case MT_MEAN: snprintf(buf, 64, "%.2f", v->r); break;
	}
	return buf;
}

/* CSV and JSON: one row per group. */
static void
print_rows(struct cli *c, const struct metrics_group *g, size_t n, bool by, const char *from,
	   const char *to)
{
	struct out_col cols[N_MCOLS + 1];
	struct value v[N_MCOLS + 1];
	int k = 0;
	struct out o;

	if (by)
		cols[k++] = (struct out_col){ "group", "GROUP", COL_TEXT };
	for (int i = 0; i < N_MCOLS; i++)
		cols[k++] = (struct out_col){ mcols[i].key, mcols[i].label,
					      mcol_type(mcols[i].type) };
	out_begin(&o, stdout, cli_format(c, OUT_TABLE), cols, k);
	for (size_t r = 0; r < n; r++) {
		k = 0;
		if (by)
			v[k++] = g[r].name ? (struct value){ V_TEXT, 0, 0, g[r].name } : NULLV;
		for (int i = 0; i < N_MCOLS; i++)
			v[k++] = mvalue(&mcols[i], &g[r].m, from, to);
		out_row(&o, v);
	}
	out_end(&o);
}

/* The table for people: one line per metric, one column per group. */
static void
print_table(const struct metrics_group *g, size_t n, const char *from, const char *to)
{
	struct out_col *cols = xcalloc(n + 1, sizeof(*cols));
	struct value *v = xcalloc(n + 1, sizeof(*v));
	char (*text)[64] = xcalloc(n, sizeof(*text));
	char **titles = xcalloc(n, sizeof(*titles));
	struct buf scratch;
	struct out o;

	buf_init(&scratch);
	cols[0] = (struct out_col){ "metric", "METRIC", COL_TEXT };
	for (size_t r = 0; r < n; r++) {
		/* Group names are data: sanitized before they become headers. */
		titles[r] = xstrdup(g[r].name ? text_clean(&scratch, g[r].name) : "BOOK");
		cols[r + 1] = (struct out_col){ titles[r], titles[r], COL_REAL };
	}
	out_begin(&o, stdout, OUT_TABLE, cols, (int)n + 1);
	for (int i = 0; i < N_MCOLS; i++) {
		v[0] = (struct value){ V_TEXT, 0, 0, mcols[i].label };
		for (size_t r = 0; r < n; r++) {
			struct value x = mvalue(&mcols[i], &g[r].m, from, to);

			v[r + 1] = (struct value){ V_TEXT, 0, 0,
						   mtext(mcols[i].type, &x, text[r]) };
		}
		out_row(&o, v);
	}
	out_end(&o);
	for (size_t r = 0; r < n; r++)
		free(titles[r]);
	free(titles);
	free(text);
	free(v);
	free(cols);
	buf_done(&scratch);
}

static enum status
metrics_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct metrics_opts *o = ctx;

	switch (opt) {
	case 'f': o->from_set = true; return cli_date(c, "from", arg, &o->from);
	case 't': o->to_set = true; return cli_date(c, "to", arg, &o->to);
	case 'b':
		if (cli_choice(c, "by", arg, metrics_by_names))
			return c->err->status;
		o->by = (enum metrics_by)(names_lookup(metrics_by_names, arg) + 1);
		return ST_OK;
	}
	return ST_SOFTWARE;
}

static enum status
cmd_metrics(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "by", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("metrics");
	struct metrics_opts o = { .by = METRICS_BOOK };
	char from[DATE_STRLEN], to[DATE_STRLEN];
	struct metrics_group *groups;
	struct metrics_book book;
	struct store *s;
	enum status st;
	size_t n;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", opts, metrics_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cmd, "unexpected argument '%s'", argv[first]);
	if (!o.to_set)
		o.to = c->clock.today;
	if (!o.from_set)   /* the trailing twelve months ending on --to */
		o.from = date_add_months(o.to + 1, -12);
	date_format(o.from, from);
	date_format(o.to, to);
	if (o.from > o.to)
		return cli_usage(c, cmd, "the period starts (--from %s) after it ends (--to %s)",
				 from, to);
	if (cli_store(c, false, &s))
		return c->err->status;
	st = store_metrics(s, o.from, o.to + 1, o.by != METRICS_BOOK, &book, c->err);
	if (st) {
		metrics_book_done(&book);
		return st;
	}
	groups = metrics_groups(&book, o.by, &n);
	if (o.from > c->clock.today)   /* nothing has happened in it yet */
		for (size_t i = 0; i < n; i++)
			metrics_not_happened(&groups[i].m);
	if (cli_format(c, OUT_TABLE) == OUT_TABLE)
		print_table(groups, n, from, to);
	else
		print_rows(c, groups, n, o.by != METRICS_BOOK, from, to);
	free(groups);
	metrics_book_done(&book);
	return ST_OK;
}

static const char cmd_metrics_help[] =
	"Computes, over the period from --from to --to with both days included:\n"
	"starting ARR, expansion, contraction, churned and new ARR, NRR, GRR, logo\n"
	"and revenue churn from the ARR ledger; gross, net and on-time renewal rates\n"
	"over the renewals due in the period; NPS and CSAT; accounts and ARR per CSM\n"
	"against their segment's band, reviews overdue and the proactive share of\n"
	"touchpoints.  The whole book is always the first row.  Ratios are fractions\n"
	"(1.0 = 100%) in CSV and JSON; money is cents under KEY_cents in JSON.\n"
	"'man tend' (section METRICS) gives every formula.  For a period that starts\n"
	"after today the outcomes (NRR, GRR, churn, renewal rates) are '-' (null):\n"
	"nothing has happened yet; 'tend renewals forecast' forecasts them.\n\n"
	"  --from DATE    first day of the period (default: twelve months before\n"
	"                 the day after --to, i.e. the trailing twelve months)\n"
	"  --to DATE      last day of the period, included (default today)\n"
	"  --by G         also one row per csm (the account's owner; 'pooled' for\n"
	"                 accounts with none), segment, or team (the owner's team)\n";

const struct command cmd_metrics_entry = {
	.name = "metrics",
	.args = "[--from DATE] [--to DATE] [--by csm|segment|team]",
	.summary = "revenue, renewal, survey and coverage metrics over a period",
	.help = cmd_metrics_help,
	.run = cmd_metrics,
};
