/*
 * cmd_score.c -- `tend health`: list scores, recompute snapshots, explain an
 * account's score, override a band, calibrate quantile thresholds, record a
 * manual rating, and check scorecard files.
 *
 * Scoring itself is domain/score.c; facts come from store/facts.c; the
 * writes are use cases in app/ (health_run.c, health_edit.c), each one
 * action through the write path.  This file parses and prints.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/health_edit.h"
#include "app/health_run.h"
#include "app/scorecard_set.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/health_cmd.h"
#include "domain/score.h"
#include "store/health.h"
#include "store/store.h"

#define CALIBRATION_STALE_DAYS 183   /* "validate thresholds semi-annually" [001 Ch9] */

extern const char *const health_sort_keys[];

static enum status
health_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct health_opts *o = ctx;
	long v;

	switch (opt) {
	case 'b': o->f.filter.band = arg; o->band = arg; return cli_choice(c, "band", arg, band_names);
	case 'o': cli_owner(c, arg, &o->f.filter); return ST_OK;
	case 'g': o->f.filter.segment = arg; return cli_choice(c, "segment", arg, segment_names);
	case 'F': o->f.filter.false_positive = true; return ST_OK;
	case 'S': o->f.sort = arg; return cli_choice(c, "sort", arg, health_sort_keys);
	case 'l':
		if (cli_int(c, "limit", arg, 1, 100000000, &v))
			return c->err->status;
		o->f.limit = v;
		return ST_OK;
	case 'c':
		if (o->nscorecards == MAX_SCORECARD_ARGS)
			return err_set(c->err, ST_USAGE, "--scorecard: at most %d", MAX_SCORECARD_ARGS);
		o->scorecards[o->nscorecards++] = arg;
		return ST_OK;
	case 'r': o->reason = arg; return ST_OK;
	case 'u': o->until_set = true; return cli_date(c, "until", arg, &o->until);
	case 'f': o->from_set = true; return cli_date(c, "from", arg, &o->from);
	case 'x': o->clear = true; return ST_OK;
	case 'n': o->note = arg; return ST_OK;
	}
	return ST_SOFTWARE;
}

static const struct option health_options[] = {
	{ "band", required_argument, NULL, 'b' },
	{ "owner", required_argument, NULL, 'o' },
	{ "segment", required_argument, NULL, 'g' },
	{ "false-positive", no_argument, NULL, 'F' },
	{ "sort", required_argument, NULL, 'S' },
	{ "limit", required_argument, NULL, 'l' },
	{ "scorecard", required_argument, NULL, 'c' },
	{ "reason", required_argument, NULL, 'r' },
	{ "until", required_argument, NULL, 'u' },
	{ "from", required_argument, NULL, 'f' },
	{ "clear", no_argument, NULL, 'x' },
	{ "note", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

/* Print a scorecard file's problems to stderr. */

/* Load the scorecards in force and their calibrations; warn about quantile
 * measures never calibrated or calibrated too long ago. */
enum status
health_load_set(struct cli *c, struct store *s, const struct health_opts *o, struct scorecard_set *set)
{
	if (scorecard_set_load(set, o->scorecards, o->nscorecards, c->conf.scorecard, c->err, cli_report_diag, NULL))
		return c->err->status;
	if (scorecard_set_calibrate(set, s, c->err)) {
		scorecard_set_free(set);
		return c->err->status;
	}
	for (int i = 0; i < set->n; i++) {
		struct scorecard *sc = set->sc[i];

		for (int k = 0; k < sc->nmeasures; k++) {
			const struct sc_measure *m = &sc->measures[k];
			char on[DATE_STRLEN];

			if (!m->quantile)
				continue;
			if (!m->calibrated)
				fprintf(stderr, "tend: warning: %s: measure %s has quantile thresholds but no "
					"calibration; run 'tend health calibrate' (it counts as missing)\n",
					sc->name, m->id);
			else if (c->clock.today - m->calibrated_on > CALIBRATION_STALE_DAYS)
				fprintf(stderr, "tend: warning: %s: measure %s was calibrated on %s, more than "
					"6 months ago; run 'tend health calibrate'\n", sc->name, m->id,
					date_format(m->calibrated_on, on));
		}
	}
	return ST_OK;
}

/* -- list ------------------------------------------------------------------- */

/* BAND is the band in force.  A table marks an override there ("yellow*",
 * one character where a column would cost eleven at 80 columns); CSV and
 * JSON keep the band a band and say so in a field of their own. */
static const struct out_col list_cols[] = {
	{ "account_id", "ID", COL_INT },
	{ "name", "NAME", COL_FREETEXT },
	{ "owner", "OWNER", COL_TEXT },
	{ "segment", "SEGMENT", COL_TEXT },
	{ "arr", "ARR", COL_MONEY },
	{ "score", "SCORE", COL_SCORE },
	{ "percent", "%", COL_INT },
	{ "band", "BAND", COL_TEXT },
	{ "computed_band", "COMPUTED", COL_TEXT },
	{ "overridden", "OVERRIDDEN", COL_BOOL },
	{ "outcomes", "OUTCOMES", COL_SCORE },
	{ "experience", "EXPERIENCE", COL_SCORE },
	{ "false_positive", "FALSE+", COL_BOOL },
	{ "change_30d", "30D", COL_SCORE },
	{ "date", "DATE", COL_DATE },
};
#define N_LIST_COLS ((int)(sizeof(list_cols) / sizeof(list_cols[0])))
#define OVERRIDDEN_COL 9

#define REALV(known, x) ((known) ? (struct value){ V_REAL, 0, (x), NULL } : (struct value){ V_NULL, 0, 0, NULL })
#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : (struct value){ V_NULL, 0, 0, NULL })

struct list_ctx {
	struct out out;
	bool table;               /* the marker instead of the field */
	bool marked;              /* some row is overridden */
	char oldest[DATE_STRLEN]; /* the oldest score listed */
};

static int
list_row(void *ctx, const struct health_row *h)
{
	struct list_ctx *l = ctx;
	char band[24];
	struct value v[N_LIST_COLS] = {
		{ V_INT, h->account_id, 0, NULL },
		TEXTV(h->name),
		TEXTV(h->owner),
		TEXTV(h->segment),
		{ V_INT, h->arr_cents, 0, NULL },
		REALV(h->score_known, h->score),
		h->score_known ? (struct value){ V_INT, (int64_t)floor(h->score / h->scale * 100 + 1e-9), 0, NULL }
			       : (struct value){ V_NULL, 0, 0, NULL },
		TEXTV(h->override_band ? h->override_band : h->band),
		TEXTV(h->band),
		{ V_INT, h->override_band != NULL, 0, NULL },
		REALV(h->outcomes_known, h->outcomes),
		REALV(h->experience_known, h->experience),
		{ V_INT, h->false_positive, 0, NULL },
		REALV(h->score_known && h->before_known, round((h->score - h->before_score) * 1000) / 1000),
		TEXTV(h->date),
	};
	struct value shown[N_LIST_COLS - 1];

	if (h->date && (!*l->oldest || strcmp(h->date, l->oldest) < 0))
		snprintf(l->oldest, sizeof(l->oldest), "%s", h->date);
	if (!l->table) {
		out_row(&l->out, v);
		return 0;
	}
	if (h->override_band) {
		snprintf(band, sizeof(band), "%s*", h->override_band);
		v[7] = (struct value){ V_TEXT, 0, 0, band };
		l->marked = true;
	}
	memcpy(shown, v, OVERRIDDEN_COL * sizeof(*v));
	memcpy(shown + OVERRIDDEN_COL, v + OVERRIDDEN_COL + 1,
	       (N_LIST_COLS - OVERRIDDEN_COL - 1) * sizeof(*v));
	out_row(&l->out, shown);
	return 0;
}

static enum status
health_list(struct cli *c, struct store *s, struct health_opts *o)
{
	struct out_col table_cols[N_LIST_COLS - 1];
	char latest[DATE_STRLEN], today[DATE_STRLEN];
	struct list_ctx l = { .table = cli_format(c, OUT_TABLE) == OUT_TABLE };
	enum status st;

	if (store_health_latest_date(s, c->clock.today, latest, c->err))
		return c->err->status;
	if (!*latest)
		fprintf(stderr, "tend: no health scores yet; run 'tend health recompute'\n");
	memcpy(table_cols, list_cols, OVERRIDDEN_COL * sizeof(*list_cols));
	memcpy(table_cols + OVERRIDDEN_COL, list_cols + OVERRIDDEN_COL + 1,
	       (N_LIST_COLS - OVERRIDDEN_COL - 1) * sizeof(*list_cols));
	if (l.table)
		out_begin(&l.out, stdout, OUT_TABLE, table_cols, N_LIST_COLS - 1);
	else
		out_begin(&l.out, stdout, cli_format(c, OUT_TABLE), list_cols, N_LIST_COLS);
	out_drop(&l.out, (const char *const[]){ "date", "computed_band", "experience", "outcomes", "percent",
					      "segment", "false_positive", NULL });
	st = store_health_each(s, c->clock.today, &o->f, list_row, &l, c->err);
	/* Changes rescore their accounts at once, so scores can be of several
	 * days: the oldest says when the book was last scored as a whole. */
	if (!st && *l.oldest && strcmp(l.oldest, date_format(c->clock.today, today)))
		fprintf(stderr, "tend: scores as of %s; run 'tend health recompute' for %s\n", l.oldest,
			today);
	out_end(&l.out);
	if (!st && l.table && l.marked)
		printf("* a CSM's override; tend health explain ACCOUNT shows the computed band "
		       "and why\n");
	return st;
}

/* -- recompute -------------------------------------------------------------- */

static enum status
health_recompute(struct cli *c, struct store *s, struct health_opts *o)
{
	struct scorecard_set set;
	struct health_run r;
	char date[DATE_STRLEN];
	enum status st;

	if (health_load_set(c, s, o, &set))
		return c->err->status;
	st = health_run_recompute(s, &set, c->clock.today, &r, c->err);
	if (!st) {
		printf("scored %ld account%s on %s with %s%s: %ld green, %ld yellow, %ld red",
		       r.scored, r.scored == 1 ? "" : "s", date_format(c->clock.today, date), set.sc[0]->name,
		       set.n > 1 ? " and others" : "", r.counts[BAND_GREEN], r.counts[BAND_YELLOW],
		       r.counts[BAND_RED]);
		if (r.counts[BAND_LIGHTGREEN] || r.counts[BAND_ORANGE])
			printf(", %ld light green, %ld orange", r.counts[BAND_LIGHTGREEN], r.counts[BAND_ORANGE]);
		printf(", %ld unknown; %ld false-positive healthy; %ld override%s in force; "
		       "%ld churned not scored\n", r.counts[BAND_UNKNOWN], r.false_positive, r.overridden,
		       r.overridden == 1 ? "" : "s", r.churned);
		if (r.unscored)
			fprintf(stderr, "tend: warning: %ld account%s in segments no scorecard covers were "
				"not scored\n", r.unscored, r.unscored == 1 ? "" : "s");
	}
	scorecard_set_free(&set);
	return st;
}

/* -- override ----------------------------------------------------------------- */

/* `health override ACCOUNT --clear` */
static enum status
override_clear(struct cli *c, struct store *s, int64_t account)
{
	int cleared;

	if (health_edit_clear(s, account, &cleared, c->err))
		return c->err->status;
	printf(cleared ? "override cleared for " : "no override in force for ");
	cli_print_account(stdout, s, account);
	printf(cleared ? "; the computed band applies again\n" : "\n");
	return ST_OK;
}

static enum status
health_override(struct cli *c, struct store *s, struct health_opts *o, int n, char **args)
{
	const struct command *cmd = cli_find("health");
	struct health_override_input in = { 0 };
	char from[DATE_STRLEN], until[DATE_STRLEN];
	bool replaced;

	if (n != 1)
		return cli_usage(c, cmd, "health override takes one ACCOUNT");
	if (store_account_resolve(s, args[0], &in.account_id, c->err))
		return c->err->status;
	if (o->clear)
		return override_clear(c, s, in.account_id);
	if (!o->band || !o->reason || !o->until_set)
		return cli_usage(c, cmd, "an override needs --band, --reason and --until (or --clear)");
	in.band = o->band;
	in.reason = o->reason;
	in.from = o->from_set ? o->from : c->clock.today;
	in.from_set = true;
	in.until = o->until;
	if (health_edit_override(s, c->login, &in, &replaced, c->err))
		return cli_app_usage(c, cmd, health_options);
	printf("band %s for ", o->band);
	cli_print_account(stdout, s, in.account_id);
	printf(" from %s until %s%s; the computed score stays visible (tend health explain)\n",
	       date_format(in.from, from), date_format(in.until, until),
	       replaced ? ", replacing the override in force" : "");
	return ST_OK;
}

/* -- calibrate ---------------------------------------------------------------- */

/* Print one measure's calibration as it is written (or skipped). */
static void
print_calibration(void *ctx, const struct health_calibration *k)
{
	(void)ctx;
	if (!k->calibrated)
		fprintf(stderr, "tend: warning: %s: %s has only %d account%s with data; "
			"not calibrated\n", k->sc->name, k->m->id, k->accounts,
			k->accounts == 1 ? "" : "s");
	else
		printf("%s: %s cut points %s from %d accounts%s\n", k->sc->name, k->m->id,
		       k->cut_points, k->accounts, k->ties ? " (ties: some bands are empty)" : "");
}

static enum status
health_calibrate(struct cli *c, struct store *s, struct health_opts *o)
{
	struct scorecard_set set;
	enum status st;
	int measures;

	if (scorecard_set_load(&set, o->scorecards, o->nscorecards, c->conf.scorecard, c->err, cli_report_diag, NULL))
		return c->err->status;
	st = health_edit_calibrate(s, &set, print_calibration, NULL, &measures, c->err);
	if (!st && !measures)
		printf("no measure uses quantile thresholds: nothing to calibrate\n");
	scorecard_set_free(&set);
	return st;
}

/* -- rate (manual inputs) -------------------------------------------------------- */

static enum status
health_rate(struct cli *c, struct store *s, struct health_opts *o, int n, char **args)
{
	const struct command *cmd = cli_find("health");
	struct health_rating_input in = { 0 };
	char today[DATE_STRLEN];
	long v;
	int max;

	if (n != 3)
		return cli_usage(c, cmd, "health rate takes ACCOUNT FACT VALUE");
	if (!(max = health_edit_rating_max(args[1])))
		return cli_usage(c, cmd, "'%s' is not a manual fact (financial_rating or csm_sentiment)", args[1]);
	if (cli_int(c, args[1], args[2], 1, max, &v))
		return c->err->status;
	if (store_account_resolve(s, args[0], &in.account_id, c->err))
		return c->err->status;
	in.fact = args[1];
	in.value = (int)v;
	in.note = o->note;
	if (health_edit_rate(s, c->login, &in, c->err))
		return cli_app_usage(c, cmd, health_options);
	printf("%s %ld recorded for ", args[1], v);
	cli_print_account(stdout, s, in.account_id);
	printf(" on %s; it counts for 30 days (14 while the account is yellow or worse)\n",
	       date_format(c->clock.today, today));
	return ST_OK;
}

/* -- check ------------------------------------------------------------------------ */

static enum status
health_check(struct cli *c, struct health_opts *o, int n, char **args)
{
	struct scorecard_set set;
	int bad = 0;

	if (n == 0) {
		if (scorecard_set_load(&set, o->scorecards, o->nscorecards, c->conf.scorecard, c->err,
				       cli_report_diag, NULL))
			return c->err->status;
		for (int i = 0; i < set.n; i++)
			printf("%s: ok (%s, %d measures, %d bands)\n", set.sc[i]->file, set.sc[i]->name,
			       set.sc[i]->nmeasures, set.sc[i]->scale);
		scorecard_set_free(&set);
		return ST_OK;
	}
	for (int i = 0; i < n; i++) {
		struct diag d;
		struct err e = { ST_OK, "" };
		struct scorecard *sc;

		diag_init(&d, args[i]);
		sc = scorecard_load_file(args[i], &d, &e);
		if (sc)
			printf("%s: ok (%s, %d measures, %d bands)\n", args[i], sc->name, sc->nmeasures, sc->scale);
		else if (d.n)
			cli_report_diag(NULL, &d);
		else
			fprintf(stderr, "tend: %s\n", e.msg);
		bad += !sc;
		scorecard_free(sc);
		diag_done(&d);
	}
	if (bad)
		return err_set(c->err, ST_DATA, "%d of %d scorecard%s did not validate", bad, n, n == 1 ? "" : "s");
	return ST_OK;
}

/* -- dispatch ---------------------------------------------------------------------- */

static enum status
cmd_health(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("health");
	struct health_opts o;
	struct store *s;
	const char *sub = "list";
	int first, n;

	memset(&o, 0, sizeof(o));
	o.f.filter = ACCOUNT_FILTER_ANY;
	if (cli_getopt(c, cmd, argc, argv, "", health_options, health_opt, &o, &first) || first < 0)
		return c->err->status;
	if (first < argc)
		sub = argv[first++];
	n = argc - first;
	if (!strcmp(sub, "check"))
		return health_check(c, &o, n, argv + first);
	if (strcmp(sub, "list") && strcmp(sub, "recompute") && strcmp(sub, "explain") &&
	    strcmp(sub, "override") && strcmp(sub, "calibrate") && strcmp(sub, "rate"))
		return cli_usage(c, cmd, "'%s' is not list, recompute, explain, override, calibrate, rate "
				 "or check", sub);
	if (cli_store(c, false, &s) || cli_known_owner(c, s, "owner", &o.f.filter))
		return c->err->status;
	if (!strcmp(sub, "list"))
		return n ? cli_usage(c, cmd, "health list takes no arguments") : health_list(c, s, &o);
	if (!strcmp(sub, "recompute"))
		return n ? cli_usage(c, cmd, "health recompute takes no arguments") : health_recompute(c, s, &o);
	if (!strcmp(sub, "explain"))
		return n != 1 ? cli_usage(c, cmd, "health explain takes one ACCOUNT")
			      : health_explain(c, s, &o, argv[first]);
	if (!strcmp(sub, "override"))
		return health_override(c, s, &o, n, argv + first);
	if (!strcmp(sub, "calibrate"))
		return n ? cli_usage(c, cmd, "health calibrate takes no arguments") : health_calibrate(c, s, &o);
	return health_rate(c, s, &o, n, argv + first);
}

static const char cmd_health_help[] =
	"tend health [list] [--band B] [--owner LOGIN|me|pooled] [--segment S] [--false-positive]\n"
	"            [--sort score|name|arr|change] [--limit N]\n"
	"  Each account's latest score, worst first (by the band in force, then the score):\n"
	"  score on the scorecard's scale and as a percentage of full score, band (an\n"
	"  override marked *, the computed band beside it), outcomes and experience scores,\n"
	"  the false-positive-healthy flag and the change over 30 days.  Every change to\n"
	"  an account (a touchpoint, its stage, an override...) rescores it at once.\n"
	"tend health recompute [--scorecard FILE|NAME]...\n"
	"  Scores every account as of today (--now) and keeps one snapshot per account per\n"
	"  day; running it again the same day replaces that day's snapshots.  Also stores\n"
	"  every account's facts for the day, which 'tend playbook run' then reads.\n"
	"tend health explain ACCOUNT\n"
	"  Each measure's fact value, the rule or threshold that rated it, its rating,\n"
	"  weight and points; the group scores, the override and the 30/90-day trend.\n"
	"tend health override ACCOUNT --band B --reason TEXT --until DATE [--from DATE]\n"
	"tend health override ACCOUNT --clear\n"
	"  Sets (or ends) a CSM's band for an account, at once; the computed score stays\n"
	"  visible.  One per account: a new override replaces the one it had.\n"
	"tend health calibrate\n"
	"  Computes the cut points of measures with quantile thresholds from the book.\n"
	"tend health rate ACCOUNT financial_rating 1-3 | csm_sentiment 1-5 [--note TEXT]\n"
	"  Records a manual rating; it counts for 30 days (14 while yellow or worse).\n"
	"tend health check [FILE...]\n"
	"  Validates scorecard files (default: the ones in force); problems are shown as\n"
	"  FILE:LINE:COLUMN and make it exit with 65.\n\n"
	"Scorecards in force: --scorecard (repeatable), else $XDG_CONFIG_HOME/tend/scorecards/\n"
	"*.yaml, else the config file's scorecard (default, handbook or practical).\n"
	"man tend-scorecard(5) documents the format.\n";

const struct command cmd_health_entry = {
	.name = "health",
	.args = "[list | recompute | explain ACCOUNT | override ACCOUNT | calibrate "
		"| rate ACCOUNT FACT VALUE | check [FILE...]]",
	.summary = "score accounts' health and explain the scores",
	.help = cmd_health_help,
	.run = cmd_health,
};
