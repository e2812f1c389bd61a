/*
 * cmd_renewals.c -- `tend renewals`: the renewal pipeline with the cadence
 * compliance of each renewal (table, CSV, JSON or an iCalendar file), and
 * `tend renewals forecast`: the period's forecast by CSM, segment, team or
 * quarter.  The rows come from store/renewals.h, the rules from
 * domain/cadence.h; this file only chooses and prints.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/output.h"
#include "cli/renewals_cmd.h"
#include "core/names.h"
#include "core/xalloc.h"
#include "store/renewals.h"
#include "store/store.h"

#define NULLV ((struct value){ V_NULL, 0, 0, NULL })
#define INTV(x) ((struct value){ V_INT, (x), 0, NULL })
#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : NULLV)

/* Targets the forecast is read against (doc/model.md section 4): renewal
 * rate 90%, NRR above 100%. */
#define TARGET_GRR 0.90
#define TARGET_NRR 1.00

struct renewals_opts {
	long within;                /* -1: the pipeline's 120 days */
	int32_t q_from, q_to;       /* --quarter: [from, to); 0: none */
	const char *owner, *team, *by;
	const char *window;         /* --window 30|60|90|120|overdue */
	int32_t from, to;           /* forecast --from/--to */
	bool from_set, to_set, all, ics, todos;
};

static enum status
renewals_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	static const char *const windows[] = { "overdue", "30", "60", "90", "120", NULL };
	struct renewals_opts *o = ctx;

	switch (opt) {
	case 'w': return cli_int(c, "within", arg, 0, 3650, &o->within);
	case 'q':
		if (!cal_parse_quarter(arg, &o->q_from, &o->q_to))
			return err_set(c->err, ST_USAGE, "--quarter: '%s' is not a quarter such as 2026Q4",
				       arg);
		return ST_OK;
	case 'o': o->owner = arg; return ST_OK;
	case 'T': o->team = arg; return ST_OK;
	case 'W': o->window = arg; return cli_choice(c, "window", arg, windows);
	case 'b': o->by = arg; return cli_choice(c, "by", arg, forecast_by_names);
	case 'f': o->from_set = true; return cli_date(c, "from", arg, &o->from);
	case 't': o->to_set = true; return cli_date(c, "to", arg, &o->to);
	case 'a': o->all = true; return ST_OK;
	case 'D': o->todos = true; return ST_OK;
	}
	return ST_SOFTWARE;
}

/* The cadence of the config file, else the default. */
static enum status
cadence_of(struct cli *c, struct cadence *cad)
{
	const char *why;

	cadence_default(cad);
	if (c->conf.renewal_cadence && !cadence_parse(c->conf.renewal_cadence, cad, &why))
		return err_set(c->err, ST_CONFIG, "%s: renewal_cadence: '%s': %s",
			       c->conf.source ? c->conf.source : "config", c->conf.renewal_cadence, why);
	return ST_OK;
}

/* -- the pipeline ---------------------------------------------------------------------- */

static int
keep_line(void *ctx, const struct renewal_line *l)
{
	struct renewal_lines *rs = ctx;
	struct renewal_line *k;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->v = xreallocarray(rs->v, rs->cap, sizeof(*rs->v));
	}
	k = &rs->v[rs->n++];
	*k = *l;
	k->external_id = pool_strdup(&rs->text, l->external_id);
	k->account = pool_strdup(&rs->text, l->account);
	k->owner = pool_strdup(&rs->text, l->owner);
	k->team = pool_strdup(&rs->text, l->team);
	k->segment = pool_strdup(&rs->text, l->segment);
	k->band = pool_strdup(&rs->text, l->band);
	k->category = pool_strdup(&rs->text, l->category);
	k->stage = pool_strdup(&rs->text, l->stage);
	return 0;
}

void
renewal_lines_done(struct renewal_lines *rs)
{
	pool_done(&rs->text);
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

static const struct out_col pipeline_cols[] = {
	{ "id", "ID", COL_INT },
	{ "due_date", "DUE", COL_DATE },
	{ "days", "DAYS", COL_INT },
	{ "window", "WINDOW", COL_TEXT },
	{ "account", "ACCOUNT", COL_TEXT },
	{ "name", "NAME", COL_FREETEXT },
	{ "owner", "OWNER", COL_TEXT },
	{ "band", "BAND", COL_TEXT },
	{ "target_arr", "TARGET", COL_MONEY },
	{ "forecast_arr", "FORECAST", COL_MONEY },
	{ "arr", "ARR", COL_MONEY },
	{ "forecast_category", "CATEGORY", COL_TEXT },
	{ "stage", "STAGE", COL_TEXT },
	{ "t120", "T-120", COL_TEXT },
	{ "t90", "T-90", COL_TEXT },
	{ "t60", "T-60", COL_TEXT },
	{ "t30", "T-30", COL_TEXT },
	{ "missed", "MISSED", COL_INT },
};
#define N_PIPELINE_COLS ((int)(sizeof(pipeline_cols) / sizeof(pipeline_cols[0])))

/* A step's state as a table shows it: the missed ones shout. */
static const char *
step_text(enum out_format fmt, enum cadence_state st)
{
	static const char *const table[] = { "pending", "on time", "LATE", "MISSING" };

	return fmt == OUT_TABLE ? table[st] : cadence_state_names[st];
}

static void
pipeline_row(struct out *o, const struct renewal_line *l, const struct cadence *cad,
	     int32_t today)
{
	struct value v[N_PIPELINE_COLS];
	char due[DATE_STRLEN];
	int k = 0, missed = 0;

	v[k++] = INTV(l->id);
	v[k++] = TEXTV(date_format(l->due, due));
	v[k++] = INTV(l->due - today);
	v[k++] = TEXTV(l->closed ? "closed" : renewal_window_names[renewal_window_of(l->due, today)]);
	v[k++] = TEXTV(l->external_id);
	v[k++] = TEXTV(l->account);
	v[k++] = TEXTV(l->owner ? l->owner : "pooled");
	v[k++] = TEXTV(l->band);
	v[k++] = INTV(l->target);
	v[k++] = l->forecast >= 0 ? INTV(l->forecast) : NULLV;
	v[k++] = INTV(l->arr);
	v[k++] = TEXTV(l->category);
	v[k++] = TEXTV(l->stage);
	for (int s = 0; s < CADENCE_STEPS; s++) {
		enum cadence_state cs = cadence_judge(cad, (enum cadence_step)s, l->due,
						      l->evidence[s], today);

		missed += cs == CAD_LATE || cs == CAD_MISSING;
		v[k++] = TEXTV(step_text(o->fmt, cs));
	}
	v[k++] = INTV(missed);
	out_row(o, v);
}

/* A list or file of the pipeline is printed as the rows come: a team's is
 * some 27,000 rows, and copying each out of the statement first cost a
 * tenth of the command's time.  (The table keeps its own copies, for its
 * widths; the iCalendar file needs them all, for --todos.) */
struct pipeline_print {
	struct out *out;
	const struct cadence *cad;
	int32_t today;
};

static int
print_line(void *ctx, const struct renewal_line *l)
{
	struct pipeline_print *p = ctx;

	pipeline_row(p->out, l, p->cad, p->today);
	return 0;
}

/* --todos: the open tasks of the accounts in rs, each tied to the
 * account's first renewal there. */
struct todo_ctx {
	const struct renewal_lines *rs;
	int64_t (*by_account)[2];   /* account id, renewal id; sorted by account */
	size_t n;
	struct ics_todos *out;
};

static int
cmp_account(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1];
}

static int
keep_todo(void *ctx, const struct open_task *t)
{
	static const char *const prio[] = { "critical", "high", "medium", "low", NULL };
	static const int level[] = { 1, 3, 5, 9 };
	struct todo_ctx *k = ctx;
	int64_t key[2] = { t->account_id, 0 };
	const int64_t (*hit)[2];
	struct ics_todo *d;
	size_t lo = 0, hi = k->n;
	int p;

	while (lo < hi) {   /* the first entry of the account */
		size_t mid = (lo + hi) / 2;

		if (k->by_account[mid][0] < key[0])
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == k->n || k->by_account[lo][0] != key[0])
		return 0;
	hit = &k->by_account[lo];
	if (k->out->n == k->out->cap) {
		k->out->cap = k->out->cap ? k->out->cap * 2 : 64;
		k->out->v = xreallocarray(k->out->v, k->out->cap, sizeof(*k->out->v));
	}
	d = &k->out->v[k->out->n++];
	d->id = t->id;
	d->renewal_id = (*hit)[1];
	d->title = xstrdup(t->title ? t->title : "");
	d->account = NULL;
	for (size_t i = 0; i < k->rs->n && !d->account; i++)
		if (k->rs->v[i].id == d->renewal_id)
			d->account = xstrdup(k->rs->v[i].account ? k->rs->v[i].account : "");
	p = t->priority ? names_lookup(prio, t->priority) : -1;
	d->priority = p >= 0 ? level[p] : 5;
	d->due = t->due;
	return 0;
}

static enum status
collect_todos(struct store *s, const struct renewal_lines *rs, struct ics_todos *out,
	      struct err *e)
{
	struct todo_ctx k = { rs, NULL, rs->n, out };
	enum status st;

	k.by_account = xreallocarray(NULL, rs->n ? rs->n : 1, sizeof(*k.by_account));
	for (size_t i = 0; i < rs->n; i++) {
		k.by_account[i][0] = rs->v[i].account_id;
		k.by_account[i][1] = rs->v[i].id;
	}
	qsort(k.by_account, rs->n, sizeof(*k.by_account), cmp_account);
	st = store_open_tasks(s, keep_todo, &k, e);
	free(k.by_account);
	return st;
}

static void
todos_done(struct ics_todos *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].title);
		free(t->v[i].account);
	}
	free(t->v);
}

/* The due dates o selects, inclusive. */
static void
pipeline_range(const struct renewals_opts *o, int32_t today, struct renewals_query *q)
{
	q->from = date_from_ymd(DATE_YEAR_MIN, 1, 1);   /* overdue ones too */
	q->to = today + (o->within >= 0 ? (int32_t)o->within : 120);
	if (o->q_from) {
		q->from = o->q_from;
		q->to = o->q_to - 1;
	}
	if (o->window) {
		static const int upper[] = { 30, 60, 90, 120 };

		if (!strcmp(o->window, "overdue")) {
			q->to = today - 1;
		} else {
			int w = atoi(o->window), i = 0;

			while (upper[i] != w)
				i++;
			q->from = today + (i ? upper[i - 1] + 1 : 0);
			q->to = today + w;
		}
	}
}

static enum status
pipeline(struct cli *c, const struct command *cmd, struct renewals_opts *o)
{
	struct account_filter f = ACCOUNT_FILTER_ANY;
	struct renewal_lines rs = { 0 };
	struct renewals_query q = { 0 };
	struct cadence cad;
	struct store *s;
	struct out out;
	enum status st;

	if (o->todos && !o->ics)
		return cli_usage(c, cmd, "--todos adds the open tasks to --format ics");
	if ((o->window && (o->within >= 0 || o->q_from)))
		return cli_usage(c, cmd, "--window picks one of the pipeline's windows: "
				 "not with --within or --quarter");
	if (o->within >= 0 && o->q_from)
		return cli_usage(c, cmd, "give --within or --quarter, not both");
	if (cadence_of(c, &cad) || cli_store(c, false, &s))
		return c->err->status;
	if (o->owner) {
		cli_owner(c, o->owner, &f);
		if (cli_known_owner(c, s, "owner", &f))
			return c->err->status;
		q.owner = f.pooled ? "pooled" : f.owner;
	}
	q.team = o->team;
	q.open_only = !o->all;
	q.cadence = &cad;
	pipeline_range(o, c->clock.today, &q);
	if (o->ics) {
		struct ics_todos todos = { 0 };

		if ((st = store_renewals(s, &q, keep_line, &rs, c->err)))
			goto done;
		if (o->todos)
			st = collect_todos(s, &rs, &todos, c->err);
		if (!st)
			st = renewals_ics(stdout, &rs, o->todos ? &todos : NULL, &cad, &c->clock, c->err);
		todos_done(&todos);
		goto done;
	}
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), pipeline_cols, N_PIPELINE_COLS);
	{
		static const char *const drop[] = { "forecast_arr", "arr", "band", "days", "window",
			NULL };
		struct pipeline_print p = { &out, &cad, c->clock.today };

		out_drop(&out, drop);
		st = store_renewals(s, &q, print_line, &p, c->err);
	}
	out_end(&out);
done:
	renewal_lines_done(&rs);
	return st;
}

/* -- the forecast ---------------------------------------------------------------------- */

static const struct out_col forecast_cols[] = {
	{ "group", "GROUP", COL_TEXT },
	{ "renewals", "DUE", COL_INT },
	{ "target_arr", "TARGET", COL_MONEY },
	{ "open", "OPEN", COL_INT },
	{ "commit", "COMMIT", COL_MONEY },
	{ "likely", "LIKELY", COL_MONEY },
	{ "at_risk", "AT RISK", COL_MONEY },
	{ "won", "WON", COL_INT },
	{ "won_final_arr", "FINAL", COL_MONEY },
	{ "lost", "LOST", COL_INT },
	{ "lost_target_arr", "LOST ARR", COL_MONEY },
	{ "forecast_grr", "GRR", COL_REAL },
	{ "target_grr", "GRR TGT", COL_REAL },
	{ "forecast_nrr", "NRR", COL_REAL },
	{ "target_nrr", "NRR TGT", COL_REAL },
};
#define N_FORECAST_COLS ((int)(sizeof(forecast_cols) / sizeof(forecast_cols[0])))

struct forecast_print {
	struct out *o;
	enum forecast_by by;
	struct forecast_sums total;
	char pct[4][16];
};

/* A rate for people ("92.5%"), a number for machines, "-" / null when
 * there is nothing due: never 0% for a period with no renewals. */
static struct value
rate(struct forecast_print *p, int slot, bool set, double r)
{
	if (p->o->fmt != OUT_TABLE)
		return set ? (struct value){ V_REAL, 0, r, NULL } : NULLV;
	if (set)
		snprintf(p->pct[slot], sizeof(p->pct[slot]), "%.1f%%", r * 100);
	else
		snprintf(p->pct[slot], sizeof(p->pct[slot]), "-");
	return TEXTV(p->pct[slot]);
}

static void
forecast_row(struct forecast_print *p, const struct forecast_sums *f, const char *group)
{
	struct value v[N_FORECAST_COLS];
	bool set = f->due > 0;
	int k = 0;

	v[k++] = TEXTV(group);
	v[k++] = INTV(f->renewals);
	v[k++] = INTV(f->due);
	v[k++] = INTV(f->open);
	v[k++] = INTV(f->commit);
	v[k++] = INTV(f->likely);
	v[k++] = INTV(f->at_risk);
	v[k++] = INTV(f->won);
	v[k++] = INTV(f->won_final);
	v[k++] = INTV(f->lost);
	v[k++] = INTV(f->lost_target);
	/* Closed at their final ARR, open commit and likely at their forecast;
	 * at-risk ARR is left out (the downside a lead reads beside it). */
	v[k++] = rate(p, 0, set, (double)(f->won_gross + f->commit_gross + f->likely_gross) /
			       (double)(set ? f->due : 1));
	v[k++] = rate(p, 1, true, TARGET_GRR);
	v[k++] = rate(p, 2, set, (double)(f->won_final + f->commit + f->likely) /
			       (double)(set ? f->due : 1));
	v[k++] = rate(p, 3, true, TARGET_NRR);
	out_row(p->o, v);
}

static void
add_sums(struct forecast_sums *a, const struct forecast_sums *b)
{
	a->renewals += b->renewals;
	a->due += b->due;
	a->open += b->open;
	a->commit += b->commit;
	a->likely += b->likely;
	a->at_risk += b->at_risk;
	a->commit_gross += b->commit_gross;
	a->likely_gross += b->likely_gross;
	a->won += b->won;
	a->won_final += b->won_final;
	a->won_gross += b->won_gross;
	a->lost += b->lost;
	a->lost_target += b->lost_target;
}

static int
print_group(void *ctx, const struct forecast_sums *f)
{
	struct forecast_print *p = ctx;
	const char *name = f->group;

	if (p->by == FC_BOOK)
		name = "book";
	else if (!name)
		name = p->by == FC_CSM ? "pooled" : "none";
	forecast_row(p, f, name);
	add_sums(&p->total, f);
	return 0;
}

static enum status
forecast(struct cli *c, const struct command *cmd, struct renewals_opts *o)
{
	struct forecast_print p = { 0 };
	char from[DATE_STRLEN], to[DATE_STRLEN];
	int32_t t0, t1;
	struct store *s;
	struct out out;
	enum status st;

	if (o->q_from && (o->from_set || o->to_set))
		return cli_usage(c, cmd, "give --quarter or --from/--to, not both");
	if (o->q_from) {
		t0 = o->q_from;
		t1 = o->q_to;
	} else {   /* default: the quarter of today */
		t0 = o->from_set ? o->from : cal_quarter_start(c->clock.today);
		t1 = o->to_set ? o->to + 1 : date_add_months(cal_quarter_start(t0), 3);
	}
	if (t1 <= t0)
		return cli_usage(c, cmd, "the period ends before it starts");
	if (cli_store(c, false, &s))
		return c->err->status;
	p.by = o->by ? (enum forecast_by)names_lookup(forecast_by_names, o->by) : FC_BOOK;
	p.o = &out;
	if (cli_format(c, OUT_TABLE) == OUT_TABLE)
		printf("Renewal forecast %s to %s (due in the period; GRR and NRR: won at final ARR, "
		       "open commit and likely at forecast)\n",
		       date_format(t0, from), date_format(t1 - 1, to));
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), forecast_cols, N_FORECAST_COLS);
	st = store_forecast(s, t0, t1, p.by, print_group, &p, c->err);
	if (!st && p.by != FC_BOOK)
		forecast_row(&p, &p.total, "total");
	if (!st && p.by == FC_BOOK && !p.total.renewals)
		forecast_row(&p, &p.total, "book");   /* nothing due: "-", never 0% */
	out_end(&out);
	return st;
}

/* --format ics is this command's own: taken out before the global
 * options (table, csv, json) see it. */
static int
take_ics(int argc, char **argv, char **out)
{
	int n = 0;
	bool ics = false;

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--format=ics")) {
			ics = true;
			continue;
		}
		if (!strcmp(argv[i], "--format") && i + 1 < argc && !strcmp(argv[i + 1], "ics")) {
			ics = true;
			i++;
			continue;
		}
		out[n++] = argv[i];
	}
	out[n] = NULL;
	return ics ? -n : n;
}

static enum status
cmd_renewals(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "within", required_argument, NULL, 'w' },
		{ "quarter", required_argument, NULL, 'q' },
		{ "owner", required_argument, NULL, 'o' },
		{ "team", required_argument, NULL, 'T' },
		{ "window", required_argument, NULL, 'W' },
		{ "by", required_argument, NULL, 'b' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "todos", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("renewals");
	struct renewals_opts o = { .within = -1 };
	char **args = xreallocarray(NULL, (size_t)argc + 1, sizeof(char *));
	enum status st;
	int n = take_ics(argc, argv, args), first;

	o.ics = n < 0;
	n = n < 0 ? -n : n;
	st = cli_getopt(c, cmd, n, args, "", opts, renewals_opt, &o, &first);
	if (st || first < 0)
		goto done;
	if (first < n && !strcmp(args[first], "forecast")) {
		if (first + 1 < n)
			st = cli_usage(c, cmd, "unexpected argument '%s'", args[first + 1]);
		else if (o.ics || o.todos || o.window || o.within >= 0 || o.owner || o.team || o.all)
			st = cli_usage(c, cmd, "forecast takes --quarter, --from, --to and --by");
		else
			st = forecast(c, cmd, &o);
	} else if (first < n) {
		st = cli_usage(c, cmd, "unexpected argument '%s' (did you mean 'forecast'?)",
			       args[first]);
	} else if (o.by || o.from_set || o.to_set) {
		st = cli_usage(c, cmd, "--by, --from and --to are the forecast's: "
			       "'tend renewals forecast'");
	} else {
		st = pipeline(c, cmd, &o);
	}
done:
	free(args);
	return st;
}

static const char cmd_renewals_help[] =
	"The renewal pipeline: open renewals overdue or due within 120 days (by\n"
	"due date), each with its owner (the renewal's, else the account's), target,\n"
	"forecast and the account's ARR, forecast category, stage, health band and\n"
	"the cadence: whether each step happened on time, judged from the book --\n"
	"T-120 (an EBR or QBR held, or the step logged, or the renewal-t120 task\n"
	"done), T-90 (handshake #3: the renewal-t90 task done, the account in the\n"
	"renew stage, or the step logged), T-60 and T-30 (their task done or the\n"
	"step logged; 'tend renewal set' logs them as the stage and forecast move).\n"
	"Each step is on time, late, missing (its day passed with nothing done) or\n"
	"pending; MISSED counts the late and missing ones.\n\n"
	"  --within DAYS     due within DAYS days, and overdue (default 120)\n"
	"  --quarter 2026Q4  due in that quarter\n"
	"  --window W        one window: overdue, 30 (0-30 days), 60 (31-60), 90, 120\n"
	"  --owner LOGIN     one owner's ('me', or 'pooled' for none)\n"
	"  --team NAME       one team's\n"
	"  --all             closed renewals too\n"
	"  --format ics      an iCalendar file (RFC 5545) on standard output: one all-day\n"
	"                    event per renewal (UID stable, SEQUENCE counting its\n"
	"                    changes) with an alarm at each cadence step\n"
	"  --todos           with --format ics: the accounts' open tasks as VTODOs,\n"
	"                    RELATED-TO their renewal\n\n"
	"tend renewals forecast [--quarter Q | --from D --to D] [--by csm|segment|team|quarter]\n"
	"  Renewals due in the period (default: this quarter): target ARR, open\n"
	"  forecast ARR by category, won (final ARR) and lost, and the forecast GRR\n"
	"  and NRR -- won at final ARR plus open commit and likely at forecast (else\n"
	"  target), over the target ARR due -- next to the targets (90%, 100%).  A\n"
	"  period with nothing due shows '-', never 0%.\n";

const struct command cmd_renewals_entry = {
	.name = "renewals",
	.args = "[forecast] [--within DAYS] [--quarter Q] [--window W] [--owner LOGIN] [--team NAME]",
	.summary = "the renewal pipeline with cadence compliance, as a list or calendar; the forecast",
	.help = cmd_renewals_help,
	.run = cmd_renewals,
};
