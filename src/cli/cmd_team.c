/*
 * cmd_team.c -- `tend team`: the team dashboard as a table, CSV or JSON.
 *
 * The scoreboard and each CSM's revenue, renewal-rate, coverage and review
 * figures are `tend metrics --by csm`'s own (store_metrics and
 * metrics_groups, the same period rules), so the two always agree; the
 * dashboard adds what only it shows (store/team.h): health band counts,
 * ARR at risk, renewals coming up, overdue tasks and open escalations.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/xalloc.h"
#include "domain/metrics.h"
#include "store/metrics.h"
#include "store/store.h"
#include "store/team.h"

#define NULLV ((struct value){ V_NULL, 0, 0, NULL })
#define INTV(x) ((struct value){ V_INT, (x), 0, NULL })
#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : NULLV)

/* The extras of every owner, copied out of the statement. */
struct team_extras {
	struct team_extra *v;
	size_t n;
};

static int
keep_extra(void *ctx, const struct team_extra *x)
{
	struct team_extras *all = ctx;

	all->v = xreallocarray(all->v, all->n + 1, sizeof(*all->v));
	all->v[all->n] = *x;
	all->v[all->n].login = xstrdup(x->login ? x->login : METRICS_POOLED);
	all->n++;
	return 0;
}

static const struct team_extra *
extra_of(const struct team_extras *all, const char *login)
{
	for (size_t i = 0; i < all->n; i++)
		if (!strcmp(all->v[i].login, login))
			return &all->v[i];
	return NULL;
}

static const char *
team_of(const struct metrics_book *b, const char *login)
{
	for (size_t i = 0; i < b->nusers; i++)
		if (!strcmp(b->users[i].login, login))
			return b->users[i].team;
	return NULL;
}

static const struct out_col team_cols[] = {
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
};
#define N_TEAM_COLS ((int)(sizeof(team_cols) / sizeof(team_cols[0])))
#define ON_TIME_COL 13   /* a percentage in tables */

static struct value
ratio(const struct metrics_num *n)
{
	return n->set ? (struct value){ V_REAL, 0, n->v, NULL } : NULLV;
}

/* One row: a CSM's group (name set) or the whole book (name NULL). */
static void
team_row(struct out *o, const struct metrics_book *b, const struct metrics_group *g,
	 const struct team_extra *x, const char *band)
{
	static const struct team_extra none;
	const struct metrics *m = &g->m;
	struct value v[N_TEAM_COLS];
	char on_time[16];
	int k = 0;

	if (!x)
		x = &none;
	v[k++] = TEXTV(g->name);
	v[k++] = TEXTV(g->name ? team_of(b, g->name) : NULL);
	v[k++] = INTV(m->sums.active_accounts);
	v[k++] = INTV(m->sums.ending_arr);
	v[k++] = TEXTV(band);
	v[k++] = INTV(x->red);
	v[k++] = INTV(x->yellow);
	v[k++] = INTV(x->green);
	v[k++] = INTV(x->arr_at_risk);
	for (int i = 0; i < 4; i++)
		v[k++] = INTV(x->renew[i]);
	v[k] = ratio(&m->on_time_renewal_rate);
	if (o->fmt == OUT_TABLE) {   /* people read a percentage, or "-" as in tend metrics */
		if (v[k].kind == V_REAL)
			snprintf(on_time, sizeof(on_time), "%.0f%%", v[k].r * 100);
		else
			snprintf(on_time, sizeof(on_time), "-");
		v[k] = (struct value){ V_TEXT, 0, 0, on_time };
	}
	k++;
	v[k++] = INTV(x->overdue_tasks);
	v[k++] = INTV(x->open_escalations);
	v[k++] = INTV(m->reviews_overdue);
	out_row(o, v);
}

static void
pct(const char *label, const struct metrics_num *n)
{
	if (n->set)
		printf("  %-22s %.1f%%\n", label, n->v * 100);
	else
		printf("  %-22s -\n", label);
}

/* The scoreboard, for people, above the table. */
static void
scoreboard(const struct metrics *m, const struct team_extra *book, const char *from,
	   const char *to)
{
	char a[32], b[32];

	printf("Team scoreboard %s to %s\n", from, to);
	printf("  %-22s %s (from %s)\n", "ARR", out_money(m->sums.ending_arr, a),
	       out_money(m->sums.starting_arr, b));
	printf("  %-22s %s\n", "expansion", out_money(m->sums.expansion, a));
	pct("NRR", &m->nrr);
	pct("GRR", &m->grr);
	pct("gross renewal rate", &m->gross_renewal_rate);
	pct("net renewal rate", &m->net_renewal_rate);
	printf("  %-22s %s in %lld red accounts\n", "ARR at risk", out_money(book->arr_at_risk, a),
	       (long long)book->red);
	printf("\n");
}

/* The whole book's extras: the sum of every owner's. */
static void
book_extras(const struct team_extras *all, struct team_extra *sum)
{
	memset(sum, 0, sizeof(*sum));
	for (size_t i = 0; i < all->n; i++) {
		const struct team_extra *x = &all->v[i];

		sum->red += x->red;
		sum->yellow += x->yellow;
		sum->green += x->green;
		sum->unknown += x->unknown;
		sum->arr_at_risk += x->arr_at_risk;
		for (int k = 0; k < 4; k++) {
			sum->renew[k] += x->renew[k];
			sum->renew_arr[k] += x->renew_arr[k];
		}
		sum->overdue_tasks += x->overdue_tasks;
		sum->open_escalations += x->open_escalations;
	}
}

static void
print_team(struct cli *c, const struct metrics_book *b, const struct metrics_group *g, size_t n,
	   const struct team_extras *all, const char *from, const char *to)
{
	enum out_format fmt = cli_format(c, OUT_TABLE);
	struct out_col cols[N_TEAM_COLS];
	struct team_extra book;
	struct out o;

	book_extras(all, &book);
	memcpy(cols, team_cols, sizeof(cols));
	if (fmt == OUT_TABLE) {
		scoreboard(&g[0].m, &book, from, to);
		cols[ON_TIME_COL].type = COL_TEXT;
	}
	out_begin(&o, stdout, fmt, cols, N_TEAM_COLS);
	for (size_t r = 1; r < n; r++) {
		const struct metrics_sums *s = &g[r].m.sums;
		const char *band = !s->csms ? NULL : s->csms_outside_band ? "outside" : "in";

		team_row(&o, b, &g[r], extra_of(all, g[r].name), band);
	}
	if (fmt != OUT_TABLE)   /* the whole book last, with no csm */
		team_row(&o, b, &g[0], &book, NULL);
	out_end(&o);
}

struct team_opts {
	int32_t from, to;
	bool from_set, to_set;
};

static enum status
team_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct team_opts *o = ctx;

	switch (opt) {
	case 'f': o->from_set = true; return cli_date(c, "from", arg, &o->from);
	case 't': o->to_set = true; return cli_date(c, "to", arg, &o->to);
	}
	return ST_SOFTWARE;
}

static enum status
cmd_team(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("team");
	struct team_opts o = { 0 };
	struct team_extras all = { NULL, 0 };
	char from[DATE_STRLEN], to[DATE_STRLEN];
	struct metrics_group *groups = NULL;
	struct metrics_book book;
	struct store *s;
	enum status st;
	size_t n = 0;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", opts, team_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		return cli_usage(c, cmd, "unexpected argument '%s'", argv[first]);
	if (!o.to_set)
		o.to = c->clock.today;
	if (!o.from_set)   /* the trailing twelve months, as tend metrics */
		o.from = date_add_months(o.to + 1, -12);
	date_format(o.from, from);
	date_format(o.to, to);
	if (o.from > o.to)
		return cli_usage(c, cmd, "the period starts (--from %s) after it ends (--to %s)",
				 from, to);
	if (cli_store(c, false, &s))
		return c->err->status;
	st = store_metrics(s, o.from, o.to + 1, true, &book, c->err);
	if (!st)
		st = store_team_extras(s, c->clock.today, keep_extra, &all, c->err);
	if (!st) {
		groups = metrics_groups(&book, METRICS_BY_CSM, &n);
		print_team(c, &book, groups, n, &all, from, to);
	}
	free(groups);
	metrics_book_done(&book);
	for (size_t i = 0; i < all.n; i++)
		free((char *)all.v[i].login);
	free(all.v);
	return st;
}

static const char cmd_team_help[] =
	"The team dashboard: the scoreboard for the period (ARR now and at its start,\n"
	"expansion, NRR beside GRR, gross and net renewal rates, ARR at risk), then\n"
	"one row per CSM (the accounts' owner; 'pooled' for accounts with none):\n"
	"accounts and ARR and whether they are outside their segment's band, red,\n"
	"yellow and green accounts by the band in force, the ARR of the red ones,\n"
	"open renewals due within 30, 60, 90 and 120 days, the on-time renewal\n"
	"rate, overdue tasks, open escalations and reviews overdue.  CSV and JSON\n"
	"end with the whole book's row, its csm empty.  The revenue, renewal and\n"
	"review figures are those of 'tend metrics --by csm' for the same period.\n\n"
	"  --from DATE    first day of the period (default: the trailing twelve\n"
	"                 months ending on --to)\n"
	"  --to DATE      last day of the period, included (default today)\n";

const struct command cmd_team_entry = {
	.name = "team",
	.args = "[--from DATE] [--to DATE]",
	.summary = "the team dashboard: scoreboard and one row per CSM",
	.help = cmd_team_help,
	.run = cmd_team,
};
