/*
 * cmd_team.c -- `tend team`: the team dashboard as a table, CSV or JSON.
 *
 * The figures are app/team.h's, the same the Team pane shows: the
 * scoreboard and each CSM's revenue, renewal-rate, coverage and review
 * figures are `tend metrics --by csm`'s own, the rest the store's team
 * reads.  A table for people prints every section (scoreboard against the
 * targets, one row per CSM, the risk roll-up, accounts stuck in a stage,
 * churn by reason); CSV and JSON print one section, --section's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "app/team.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"

#define NULLV ((struct value){ V_NULL, 0, 0, NULL })
#define INTV(x) ((struct value){ V_INT, (x), 0, NULL })
#define REALV(x) ((struct value){ V_REAL, 0, (x), NULL })
#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : NULLV)

/* -- one row per CSM ------------------------------------------------------- */

static const struct out_col csm_cols[] = {
	{ "csm", "CSM", COL_TEXT },
	{ "team", "TEAM", COL_TEXT },
	{ "accounts", "ACCTS", COL_INT },
	{ "arr", "ARR", COL_MONEY },
	{ "outside_band", "BAND", COL_TEXT },
	{ "red", "RED", COL_INT },
	{ "yellow", "YEL", COL_INT },
	{ "green", "GRN", COL_INT },
	{ "arr_at_risk", "AT RISK", COL_MONEY },
	{ "renewals_30d", "R30", COL_INT },
	{ "renewals_60d", "R60", COL_INT },
	{ "renewals_90d", "R90", COL_INT },
	{ "renewals_120d", "R120", COL_INT },
	{ "on_time_renewal_rate", "ON TIME", COL_REAL },
	{ "overdue_tasks", "OVERDUE", COL_INT },
	{ "open_escalations", "ESC", COL_INT },
	{ "reviews_overdue", "REVIEWS", COL_INT },
	{ "median_days_since_touch", "TOUCH", COL_REAL },
	{ "plans_signed", "PLANS", COL_INT },
};
#define N_CSM_COLS ((int)(sizeof(csm_cols) / sizeof(csm_cols[0])))
#define ON_TIME_COL 13   /* a percentage in tables */
#define TOUCH_COL 17     /* whole days in tables */

static struct value
ratio(const struct metrics_num *n)
{
	return n->set ? REALV(n->v) : NULLV;
}

static void
csm_row(struct out *o, const struct team_row *r)
{
	const struct metrics *m = r->m;
	const struct team_extra *x = &r->x;
	struct value v[N_CSM_COLS];
	char on_time[16], touch[16];
	int k = 0;

	v[k++] = TEXTV(r->csm);
	v[k++] = TEXTV(r->team);
	v[k++] = INTV(m->sums.active_accounts);
	v[k++] = INTV(m->sums.ending_arr);
	v[k++] = TEXTV(r->band);
	v[k++] = INTV(x->red);
	v[k++] = INTV(x->yellow);
	v[k++] = INTV(x->green);
	v[k++] = INTV(x->arr_at_risk);
	for (int i = 0; i < 4; i++)
		v[k++] = INTV(x->renew[i]);
	v[k++] = ratio(&m->on_time_renewal_rate);
	v[k++] = INTV(x->overdue_tasks);
	v[k++] = INTV(x->open_escalations);
	v[k++] = INTV(m->reviews_overdue);
	v[k++] = r->cover.touch_set ? REALV(r->cover.median_touch_days) : NULLV;
	v[k++] = INTV(r->cover.plans_signed);
	if (o->fmt == OUT_TABLE) {   /* people read a percentage and days, or "-" */
		if (v[ON_TIME_COL].kind == V_REAL)
			snprintf(on_time, sizeof(on_time), "%.0f%%", v[ON_TIME_COL].r * 100);
		else
			snprintf(on_time, sizeof(on_time), "-");
		v[ON_TIME_COL] = (struct value){ V_TEXT, 0, 0, on_time };
		if (v[TOUCH_COL].kind == V_REAL)
			snprintf(touch, sizeof(touch), "%.0f", v[TOUCH_COL].r);
		else
			snprintf(touch, sizeof(touch), "-");
		v[TOUCH_COL] = (struct value){ V_TEXT, 0, 0, touch };
	}
	out_row(o, v);
}

static void
print_csms(enum out_format fmt, const struct team_dash *d)
{
	struct out_col cols[N_CSM_COLS];
	struct out o;

	memcpy(cols, csm_cols, sizeof(cols));
	if (fmt == OUT_TABLE)
		cols[ON_TIME_COL].type = cols[TOUCH_COL].type = COL_TEXT;
	out_begin(&o, stdout, fmt, cols, N_CSM_COLS);
	for (size_t r = 0; r < d->n; r++)
		csm_row(&o, &d->rows[r]);
	if (fmt != OUT_TABLE)   /* the whole book last, with no csm */
		csm_row(&o, &d->book);
	out_end(&o);
}

/* -- the scoreboard --------------------------------------------------------- */

static void
pct(const char *label, const struct metrics_num *n, int target)
{
	char v[16] = "-", t[32] = "";

	if (n->set)
		snprintf(v, sizeof(v), "%.1f%%", n->v * 100);
	if (target)
		snprintf(t, sizeof(t), "  target %d%%%s", target,
			 !n->set ? "" : n->v * 100 + 1e-9 >= target ? "  met" : "  below");
	printf("  %-22s %-8s%s\n", label, v, t);
}

static void
print_scoreboard(const struct team_dash *d)
{
	const struct metrics *m = d->book.m;
	const struct team_targets *t = &d->targets;
	char a[32], b[32], from[DATE_STRLEN], to[DATE_STRLEN];

	printf("Team scoreboard %s to %s\n", date_format(d->from, from), date_format(d->to, to));
	printf("  %-22s %s (from %s)\n", "ARR", out_money(m->sums.ending_arr, a),
	       out_money(m->sums.starting_arr, b));
	printf("  %-22s %s\n", "expansion", out_money(m->sums.expansion, a));
	pct("NRR", &m->nrr, t->nrr);
	pct("GRR", &m->grr, t->grr);
	pct("gross renewal rate", &m->gross_renewal_rate, t->gross_renewal_rate);
	pct("net renewal rate", &m->net_renewal_rate, t->net_renewal_rate);
	pct("on-time renewals", &m->on_time_renewal_rate, t->on_time_renewal_rate);
	printf("  %-22s %s in %lld red accounts\n", "ARR at risk", out_money(d->book.x.arr_at_risk, a),
	       (long long)d->book.x.red);
	printf("  %-22s %lld\n", "plans signed", (long long)d->book.cover.plans_signed);
	printf("\n");
}

/* -- the roll-ups ------------------------------------------------------------ */

static const struct out_col risk_cols[] = {
	{ "category", "RISK", COL_TEXT },
	{ "accounts", "ACCTS", COL_INT },
	{ "arr", "ARR", COL_MONEY },
	{ "renewing_this_quarter_arr", "RENEWING THIS QUARTER", COL_MONEY },
};

static void
print_risks(enum out_format fmt, const struct team_dash *d)
{
	struct out o;

	out_begin(&o, stdout, fmt, risk_cols, 4);
	for (size_t i = 0; i < d->nrisks; i++) {
		const struct team_risk *r = &d->risks[i];

		out_row(&o, (struct value[]){ TEXTV(r->category), INTV(r->accounts), INTV(r->arr),
					      INTV(r->renewing_arr) });
	}
	out_end(&o);
}

static const struct out_col stuck_cols[] = {
	{ "account", "ACCOUNT", COL_TEXT },
	{ "name", "NAME", COL_FREETEXT },
	{ "owner", "OWNER", COL_TEXT },
	{ "stage", "STAGE", COL_TEXT },
	{ "days", "DAYS", COL_INT },
	{ "limit_days", "LIMIT", COL_INT },
	{ "arr", "ARR", COL_MONEY },
};

static void
print_stuck(enum out_format fmt, const struct team_dash *d)
{
	struct out o;

	out_begin(&o, stdout, fmt, stuck_cols, 7);
	for (size_t i = 0; i < d->nstuck; i++) {
		const struct team_stuck *s = &d->stuck[i];

		out_row(&o, (struct value[]){ TEXTV(s->account), TEXTV(s->name), TEXTV(s->owner),
					      TEXTV(s->stage), INTV(s->days), INTV(s->limit),
					      INTV(s->arr) });
	}
	out_end(&o);
}

static const struct out_col churn_cols[] = {
	{ "reason", "CHURN REASON", COL_TEXT },
	{ "accounts", "ACCTS", COL_INT },
	{ "arr", "ARR", COL_MONEY },
};

static void
print_churn(enum out_format fmt, const struct team_dash *d)
{
	struct out o;

	out_begin(&o, stdout, fmt, churn_cols, 3);
	for (size_t i = 0; i < d->nchurn; i++) {
		const struct team_churn *c = &d->churn[i];

		out_row(&o, (struct value[]){ TEXTV(c->reason), INTV(c->accounts), INTV(c->arr) });
	}
	out_end(&o);
}

/* The table for people: every section, each said when empty. */
static void
print_all(const struct team_dash *d)
{
	char q0[DATE_STRLEN], q1[DATE_STRLEN];

	print_scoreboard(d);
	print_csms(OUT_TABLE, d);
	printf("\nRisk roll-up (open risks; renewing %s to %s)\n", date_format(d->q0, q0),
	       date_format(d->q1, q1));
	if (d->nrisks)
		print_risks(OUT_TABLE, d);
	else
		printf("  no open risks\n");
	printf("\nStuck in a lifecycle stage\n");
	if (d->nstuck)
		print_stuck(OUT_TABLE, d);
	else
		printf("  none\n");
	printf("\nChurn by reason in the period\n");
	if (d->nchurn)
		print_churn(OUT_TABLE, d);
	else
		printf("  none\n");
}

/* -- the command ---------------------------------------------------------------- */

static const char *const section_names[] = { "csms", "risks", "stuck", "churn", NULL };

struct team_opts {
	int32_t from, to;
	bool from_set, to_set;
	int section;             /* in section_names, -1: all (tables) or csms */
};

static enum status
team_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct team_opts *o = ctx;

	switch (opt) {
	case 'f': o->from_set = true; return cli_date(c, "from", arg, &o->from);
	case 't': o->to_set = true; return cli_date(c, "to", arg, &o->to);
	case 's':
		if (cli_choice(c, "section", arg, section_names))
			return c->err->status;
		o->section = names_lookup(section_names, arg);
		return ST_OK;
	}
	return ST_SOFTWARE;
}

static void
print_team(enum out_format fmt, int section, const struct team_dash *d)
{
	if (fmt == OUT_TABLE && section < 0) {
		print_all(d);
		return;
	}
	switch (section < 0 ? 0 : section) {
	case 1: print_risks(fmt, d); break;
	case 2: print_stuck(fmt, d); break;
	case 3: print_churn(fmt, d); break;
	default: print_csms(fmt, d); break;
	}
}

static enum status
cmd_team(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "section", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("team");
	struct team_opts o = { .section = -1 };
	char from[DATE_STRLEN], to[DATE_STRLEN];
	struct team_targets targets;
	struct team_dash d;
	struct store *s;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", opts, team_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cmd, "unexpected argument '%s'", argv[first]);
	if (!o.to_set)
		o.to = c->clock.today;
	if (!o.from_set)   /* the trailing twelve months, as tend metrics */
		o.from = date_add_months(o.to + 1, -12);
	if (o.from > o.to)
		return cli_usage(c, cmd, "the period starts (--from %s) after it ends (--to %s)",
				 date_format(o.from, from), date_format(o.to, to));
	if (cli_store(c, false, &s))
		return c->err->status;
	team_targets_from_conf(&c->conf, &targets);
	st = team_dash_load(s, c->clock.today, o.from, o.to, &targets, &d, c->err);
	if (!st)
		print_team(cli_format(c, OUT_TABLE), o.section, &d);
	team_dash_done(&d);
	return st;
}

static const char cmd_team_help[] =
	"The team dashboard, as the Team pane shows it: the scoreboard for the\n"
	"period (ARR now and at its start, expansion, NRR beside GRR, gross, net\n"
	"and on-time renewal rates, each against its target from the config, ARR\n"
	"at risk, plans signed), then one row per CSM (the accounts' owner;\n"
	"'pooled' for accounts with none): accounts and ARR and whether they are\n"
	"outside their segment's band, red, yellow and green accounts by the band\n"
	"in force, the ARR of the red ones, open renewals due within 30, 60, 90\n"
	"and 120 days, the on-time renewal rate, overdue tasks, open escalations,\n"
	"reviews overdue, the median days since an account's last touch and the\n"
	"accounts with a signed plan; then the open risks by category (accounts,\n"
	"their ARR, and the ARR of those renewing this quarter), the accounts\n"
	"stuck in a lifecycle stage longer than it allows, and churn by reason\n"
	"code.  The revenue, renewal and review figures are those of 'tend metrics\n"
	"--by csm' for the same period.  CSV and JSON print one section; the CSMs'\n"
	"ends with the whole book's row, its csm empty.\n\n"
	"  --from DATE       first day of the period (default: the trailing twelve\n"
	"                    months ending on --to)\n"
	"  --to DATE         last day of the period, included (default today)\n"
	"  --section NAME    csms, risks, stuck or churn: the one section to print\n"
	"                    (default: csms for CSV and JSON, all for a table)\n";

const struct command cmd_team_entry = {
	.name = "team",
	.args = "[--from DATE] [--to DATE] [--section csms|risks|stuck|churn]",
	.summary = "the team dashboard: scoreboard, one row per CSM, risks, stuck accounts, churn",
	.help = cmd_team_help,
	.run = cmd_team,
};
