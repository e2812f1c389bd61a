/*
 * pane_team.c -- the Team pane: the team dashboard a lead opens on
 * (issue #16), the same figures as `tend team` (app/team.h).
 *
 * Data model: one load reads the whole dashboard for the trailing twelve
 * months as of today (team_dash_load, a handful of set-based statements)
 * and keeps it; drawing reads only that.  The CSM under the cursor is
 * remembered by its position in the login order, which a reload keeps.
 * Enter sets the one account filter's owner (ui->filter, the same `:owner`
 * sets) to that CSM and shows the heatmap: every pane that lists accounts
 * shows their book, the header says so, and `c` (clear) or Enter on the
 * same CSM again lets go.
 *
 * Layout, top to bottom: two scoreboard lines (each rate beside its
 * target, in the warning role when below it), the column titles, one row
 * per CSM (pooled last) with the red/yellow/green accounts as a bar, a
 * rule, the risk roll-up (left) beside churn by reason (right), the
 * accounts stuck in a stage, and the selected CSM's counts in full.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "app/team.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"

/* Column widths, each with its gap; the CSM's login takes what is left
 * (within TM_CSM_MIN..TM_CSM_MAX). */
#define TM_ACCTS 6
#define TM_ARR 7
#define TM_BAR 10        /* red, yellow, green as one bar */
#define TM_RISK 8
#define TM_R90 5
#define TM_ONTIME 7
#define TM_OVERDUE 5
#define TM_ESC 4
#define TM_TOUCH 6
#define TM_PLANS 6
#define TM_FIXED (2 + TM_ACCTS + TM_ARR + TM_BAR + TM_RISK + TM_R90 + TM_ONTIME + TM_OVERDUE + \
		  TM_ESC + TM_TOUCH + TM_PLANS)
#define TM_CSM_MIN 12
#define TM_CSM_MAX 24
#define TM_HEAD 3        /* scoreboard lines and the titles above the rows */
#define TM_FOOT 7        /* below them: a rule, the roll-ups' titles and a row
			    at least, the stuck line and two detail lines */

struct team {
	struct team_dash d;
	bool loaded;
	struct list list;        /* cursor over d.rows */
};

/* -- loading --------------------------------------------------------------- */

static int64_t
row_id(const void *ctx, size_t i)
{
	(void)ctx;
	return (int64_t)i + 1;
}

/* The CSM rows that fit, leaving room below for the roll-ups. */
static int
page(const struct pane *p)
{
	int n = p->h - TM_HEAD - TM_FOOT;

	return n < 1 ? 1 : n;
}

static enum status
load(struct pane *p, struct err *e)
{
	struct team *t = p->priv;
	struct ui *ui = p->ui;
	int32_t today = store_clock(ui->store)->today;
	struct team_targets targets;
	enum status st;

	if (t->loaded)
		team_dash_done(&t->d);
	t->loaded = false;
	if (ui->opts->targets)
		targets = *ui->opts->targets;
	else
		team_targets_default(&targets);
	/* The trailing twelve months, as tend team and tend metrics. */
	st = team_dash_load(ui->store, today, date_add_months(today + 1, -12), today, &targets, &t->d, e);
	if (st) {
		team_dash_done(&t->d);
		list_reload(&t->list, 0, (size_t)page(p), NULL, NULL);
		return st;
	}
	t->loaded = true;
	list_reload(&t->list, t->d.n, (size_t)page(p), row_id, t);
	return ST_OK;
}

/* -- drawing --------------------------------------------------------------- */

/* Money for a narrow column: 7.7M, 538.8k, 912. */
static const char *
short_money(int64_t cents, char *out, size_t size)
{
	double v = (double)cents / 100;

	if (v >= 1e6 || v <= -1e6)
		snprintf(out, size, "%.1fM", v / 1e6);
	else if (v >= 1e4 || v <= -1e4)
		snprintf(out, size, "%.0fk", v / 1e3);
	else
		snprintf(out, size, "%.0f", v);
	return out;
}

static const char *
pct(const struct metrics_num *n, char *out, size_t size)
{
	if (n->set)
		snprintf(out, size, "%.1f%%", n->v * 100);
	else
		snprintf(out, size, "-");
	return out;
}

/* "NRR 101.3%/100" at x, below target in the warning role; returns the
 * next x. */
static int
rate(struct pane *p, int y, int x, const char *label, const struct metrics_num *n, int target)
{
	struct ui *ui = p->ui;
	char v[16], t[16] = "";
	bool below = target && n->set && n->v * 100 + 1e-9 < target;
	int w;

	pct(n, v, sizeof(v));
	if (target)
		snprintf(t, sizeof(t), "/%d", target);
	w = (int)strlen(label);
	draw_text(ui, p->win, y, x, label, w, false, ui_attr(ui, TH_DIM));
	x += w + 1;
	w = (int)strlen(v);
	draw_text(ui, p->win, y, x, v, w, false, ui_attr(ui, below ? TH_WARNING : TH_NORMAL));
	x += w;
	w = (int)strlen(t);
	draw_text(ui, p->win, y, x, t, w, false, ui_attr(ui, TH_DIM));
	return x + w + 2;
}

static void
draw_scoreboard(struct pane *p)
{
	struct team *t = p->priv;
	const struct team_dash *d = &t->d;
	const struct metrics *m = d->book.m;
	const struct team_targets *g = &d->targets;
	struct ui *ui = p->ui;
	char a[16], b[16], c[16], r[16], line[160];
	int x;

	snprintf(line, sizeof(line), "ARR %s from %s  expansion %s  at risk %s (%lld red)  plans signed %lld",
		 short_money(m->sums.ending_arr, a, sizeof(a)), short_money(m->sums.starting_arr, b, sizeof(b)),
		 short_money(m->sums.expansion, c, sizeof(c)), short_money(d->book.x.arr_at_risk, r, sizeof(r)),
		 (long long)d->book.x.red, (long long)d->book.cover.plans_signed);
	draw_text(ui, p->win, 0, 1, line, p->w - 2, false, ui_attr(ui, TH_NORMAL));
	/* Gross and net renewal rates side by side: "renewals 93.4%/90 net ...". */
	x = rate(p, 1, 1, "NRR", &m->nrr, g->nrr);
	x = rate(p, 1, x, "GRR", &m->grr, g->grr);
	x = rate(p, 1, x, "renewals", &m->gross_renewal_rate, g->gross_renewal_rate) - 1;
	x = rate(p, 1, x, "net", &m->net_renewal_rate, g->net_renewal_rate);
	if (x + 16 <= p->w)
		rate(p, 1, x, "on time", &m->on_time_renewal_rate, g->on_time_renewal_rate);
}

static int
csm_width(const struct pane *p)
{
	int w = p->w - TM_FIXED;

	return w < TM_CSM_MIN ? TM_CSM_MIN : w > TM_CSM_MAX ? TM_CSM_MAX : w;
}

static void
title_row(struct pane *p)
{
	static const char *const titles[] = { "CSM", "ACCTS", "ARR", "HEALTH", "AT RISK", "R90", "ONTIME",
					      "LATE", "ESC", "TOUCH", "PLANS" };
	const int widths[] = { csm_width(p), TM_ACCTS, TM_ARR, TM_BAR, TM_RISK, TM_R90, TM_ONTIME,
			       TM_OVERDUE, TM_ESC, TM_TOUCH, TM_PLANS };
	int x = 2, attr = ui_attr(p->ui, TH_TITLE);

	draw_text(p->ui, p->win, 2, 0, "", p->w, false, attr);
	for (int i = 0; i < 11; i++) {
		/* Numbers are right-aligned under right-aligned titles. */
		draw_text(p->ui, p->win, 2, x, titles[i], widths[i] - 1, i > 0 && i != 3, attr);
		x += widths[i];
	}
}

/* Red, yellow and green accounts as one bar of width cells, each part at
 * least one cell when it has an account; distinct glyphs as well as
 * colours, so the bar reads in monochrome too. */
static void
draw_bar(struct pane *p, int y, int x, int width, const struct team_extra *e)
{
	const int64_t n[3] = { e->red, e->yellow, e->green };
	const char *const uglyph[3] = { "\u2588", "\u2593", "\u2591" }, *const aglyph[3] = { "R", "Y", "G" };
	const enum theme_role role[3] = { TH_BAND_RED, TH_BAND_YELLOW, TH_BAND_GREEN };
	int64_t total = n[0] + n[1] + n[2];
	int cells[3], used = 0, big = 0;

	if (!total) {
		draw_text(p->ui, p->win, y, x, "-", width, false, ui_attr(p->ui, TH_DIM));
		return;
	}
	for (int i = 0; i < 3; i++) {
		cells[i] = (int)(n[i] * width / total);
		if (n[i] && !cells[i])
			cells[i] = 1;
		used += cells[i];
		if (cells[i] > cells[big])
			big = i;
	}
	cells[big] += width - used;   /* rounding goes to the largest part */
	for (int i = 0; i < 3; i++) {
		wattrset(p->win, ui_attr(p->ui, role[i]));
		for (int k = 0; k < cells[i]; k++)
			mvwaddstr(p->win, y, x++, p->ui->unicode ? uglyph[i] : aglyph[i]);
	}
	wattrset(p->win, A_NORMAL);
}

static void
draw_marker(struct pane *p, size_t i)
{
	struct team *t = p->priv;
	bool cursor = i == t->list.cursor;

	draw_text(p->ui, p->win, TM_HEAD + (int)(i - t->list.top), 0, cursor ? draw_glyph_cursor(p->ui) : " ", 2,
		  false, ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
}

/* Is this CSM's book the filter in force? */
static bool
filtered(const struct pane *p, const struct team_row *r)
{
	return p->ui->filter.owner[0] && !strcmp(p->ui->filter.owner, r->csm);
}

static void
draw_row(struct pane *p, size_t i)
{
	struct team *t = p->priv;
	const struct team_row *r = &t->d.rows[i];
	const struct team_targets *g = &t->d.targets;
	struct ui *ui = p->ui;
	int y = TM_HEAD + (int)(i - t->list.top), x = 2, cw = csm_width(p);
	int norm = ui_attr(ui, TH_NORMAL), warn = ui_attr(ui, TH_WARNING);
	const struct metrics_num *ot = &r->m->on_time_renewal_rate;
	char v[32], name[48];

	draw_marker(p, i);
	/* The CSM whose book is the filter carries a mark. */
	snprintf(name, sizeof(name), "%s%s", r->csm, filtered(p, r) ? " *" : "");
	draw_text(ui, p->win, y, x, name, cw - 1, false, ui_attr(ui, filtered(p, r) ? TH_TITLE : TH_NORMAL));
	x += cw;
	snprintf(v, sizeof(v), "%lld", (long long)r->m->sums.active_accounts);
	draw_text(ui, p->win, y, x, v, TM_ACCTS - 1, true, r->band && !strcmp(r->band, "outside") ? warn : norm);
	x += TM_ACCTS;
	draw_text(ui, p->win, y, x, short_money(r->m->sums.ending_arr, v, sizeof(v)), TM_ARR - 1, true, norm);
	x += TM_ARR;
	draw_bar(p, y, x, TM_BAR - 1, &r->x);
	x += TM_BAR;
	draw_text(ui, p->win, y, x, short_money(r->x.arr_at_risk, v, sizeof(v)), TM_RISK - 1, true,
		  r->x.arr_at_risk ? ui_attr(ui, TH_BAND_RED) : norm);
	x += TM_RISK;
	snprintf(v, sizeof(v), "%lld", (long long)r->x.renew[2]);
	draw_text(ui, p->win, y, x, v, TM_R90 - 1, true, norm);
	x += TM_R90;
	if (ot->set)
		snprintf(v, sizeof(v), "%.0f%%", ot->v * 100);
	else
		snprintf(v, sizeof(v), "-");
	draw_text(ui, p->win, y, x, v, TM_ONTIME - 1, true,
		  ot->set && g->on_time_renewal_rate && ot->v * 100 + 1e-9 < g->on_time_renewal_rate ? warn : norm);
	x += TM_ONTIME;
	snprintf(v, sizeof(v), "%lld", (long long)r->x.overdue_tasks);
	draw_text(ui, p->win, y, x, v, TM_OVERDUE - 1, true, r->x.overdue_tasks ? warn : norm);
	x += TM_OVERDUE;
	snprintf(v, sizeof(v), "%lld", (long long)r->x.open_escalations);
	draw_text(ui, p->win, y, x, v, TM_ESC - 1, true, r->x.open_escalations ? warn : norm);
	x += TM_ESC;
	if (r->cover.touch_set)
		snprintf(v, sizeof(v), "%.0fd", r->cover.median_touch_days);
	else
		snprintf(v, sizeof(v), "-");
	draw_text(ui, p->win, y, x, v, TM_TOUCH - 1, true, norm);
	x += TM_TOUCH;
	snprintf(v, sizeof(v), "%lld", (long long)r->cover.plans_signed);
	draw_text(ui, p->win, y, x, v, TM_PLANS - 1, true, norm);
}

/* The risk roll-up on the left half, churn by reason on the right. */
static void
draw_rollups(struct pane *p, int y0, int rows)
{
	struct team *t = p->priv;
	const struct team_dash *d = &t->d;
	struct ui *ui = p->ui;
	int half = p->w / 2, dim = ui_attr(ui, TH_DIM), title = ui_attr(ui, TH_TITLE);
	char line[96], a[16], b[16];

	draw_text(ui, p->win, y0, 1, "OPEN RISKS    ACCTS     ARR  RENEW Q", half - 2, false, title);
	draw_text(ui, p->win, y0, half + 1, "CHURN (12 MONTHS)   ACCTS     ARR", p->w - half - 2, false, title);
	for (int i = 0; i < rows - 1; i++) {
		if ((size_t)i < d->nrisks) {
			const struct team_risk *r = &d->risks[i];

			snprintf(line, sizeof(line), "%-13s %5lld %7s  %7s", r->category, (long long)r->accounts,
				 short_money(r->arr, a, sizeof(a)), short_money(r->renewing_arr, b, sizeof(b)));
			draw_text(ui, p->win, y0 + 1 + i, 1, line, half - 2, false, ui_attr(ui, TH_NORMAL));
		} else if (i == 0) {
			draw_text(ui, p->win, y0 + 1, 1, "no open risks", half - 2, false, dim);
		}
		if ((size_t)i < d->nchurn) {
			const struct team_churn *c = &d->churn[i];

			snprintf(line, sizeof(line), "%-19s %5lld %7s", c->reason, (long long)c->accounts,
				 short_money(c->arr, a, sizeof(a)));
			draw_text(ui, p->win, y0 + 1 + i, half + 1, line, p->w - half - 2, false, ui_attr(ui, TH_NORMAL));
		} else if (i == 0) {
			draw_text(ui, p->win, y0 + 1, half + 1, "no churn", p->w - half - 2, false, dim);
		}
	}
}

/* "stuck in a stage: 19 (land 1, onboard 8, adopt 7, expand 3)". */
static void
draw_stuck(struct pane *p, int y)
{
	static const char *const stages[] = { "land", "onboard", "adopt", "expand", "renew" };
	struct team *t = p->priv;
	const struct team_dash *d = &t->d;
	struct buf b;
	bool first = true;

	buf_init(&b);
	buf_addf(&b, "stuck in a stage too long: %zu", d->nstuck);
	for (size_t s = 0; s < 5; s++) {
		size_t n = 0;

		for (size_t i = 0; i < d->nstuck; i++)
			n += !strcmp(d->stuck[i].stage, stages[s]);
		if (n) {
			buf_addf(&b, "%s%s %zu", first ? " (" : ", ", stages[s], n);
			first = false;
		}
	}
	if (!first)
		buf_adds(&b, ")");
	if (d->nstuck)
		buf_addf(&b, "; longest over: %s, %s %lld days", d->stuck[0].name, d->stuck[0].stage,
			 (long long)d->stuck[0].days);
	{
		char *clean = ui_clean(p->ui, b.data);   /* holds an account's name */

		draw_text(p->ui, p->win, y, 1, clean, p->w - 2, false,
			  ui_attr(p->ui, d->nstuck ? TH_WARNING : TH_DIM));
		free(clean);
	}
	buf_done(&b);
}

/* The last two rows: the selected CSM's counts in full. */
static void
draw_detail(struct pane *p)
{
	struct team *t = p->priv;
	const struct team_row *r = t->d.n ? &t->d.rows[t->list.cursor] : NULL;
	char line[2][256];

	if (!r || !t->loaded)
		return;
	snprintf(line[0], sizeof(line[0]), "%s%s%s%s: red %lld, yellow %lld, green %lld, not scored %lld%s", r->csm,
		 r->team ? " (" : "", r->team ? r->team : "", r->team ? ")" : "", (long long)r->x.red,
		 (long long)r->x.yellow, (long long)r->x.green, (long long)r->x.unknown,
		 r->band && !strcmp(r->band, "outside") ? "; outside the band" : "");
	snprintf(line[1], sizeof(line[1]),
		 "renewals in 30/60/90/120 days %lld/%lld/%lld/%lld; reviews overdue %lld; tasks late %lld",
		 (long long)r->x.renew[0], (long long)r->x.renew[1], (long long)r->x.renew[2],
		 (long long)r->x.renew[3], (long long)r->m->reviews_overdue, (long long)r->x.overdue_tasks);
	for (int i = 0; i < 2; i++) {
		char *clean = ui_clean(p->ui, line[i]);   /* the team's name is data */

		draw_text(p->ui, p->win, p->h - 2 + i, 0, clean, p->w, false, ui_attr(p->ui, TH_DIM));
		free(clean);
	}
}

static void
draw(struct pane *p)
{
	struct team *t = p->priv;
	int y;

	if (!t->loaded) {
		draw_text(p->ui, p->win, 1, 2, "The team dashboard could not be read (r reloads).", p->w - 4, false,
			  ui_attr(p->ui, TH_DIM));
		return;
	}
	draw_scoreboard(p);
	title_row(p);
	if (!t->d.n)
		draw_text(p->ui, p->win, TM_HEAD, 2, "No CSM has accounts yet.", p->w - 4, false,
			  ui_attr(p->ui, TH_DIM));
	list_show_cursor(&t->list, (size_t)page(p));
	for (size_t i = t->list.top; i < t->d.n && i < t->list.top + (size_t)page(p); i++)
		draw_row(p, i);
	y = TM_HEAD + (int)(t->d.n < (size_t)page(p) ? (t->d.n ? t->d.n : 1) : (size_t)page(p));
	draw_rule(p->ui, p->win, y, ui_attr(p->ui, TH_BORDER));
	draw_rollups(p, y + 1, p->h - y - 4);
	draw_stuck(p, p->h - 3);
	draw_detail(p);
}

/* -- requests --------------------------------------------------------------- */

static int
moved(struct pane *p, enum list_change ch)
{
	struct team *t = p->priv;

	if (ch == LIST_SCROLLED)
		return ACT_DRAW | ACT_TABS;
	if (ch == LIST_MOVED) {
		draw_marker(p, t->list.old);
		draw_marker(p, t->list.cursor);
		draw_detail(p);
	}
	return ACT_DONE | ACT_TABS;
}

/* Enter: show the selected CSM's book in every pane (the owner filter);
 * on the CSM already shown, let go of it. */
static int
drill(struct pane *p)
{
	struct team *t = p->priv;
	struct ui *ui = p->ui;
	const struct team_row *r;

	if (!t->d.n)
		return ACT_DONE;
	r = &t->d.rows[t->list.cursor];
	if (filtered(p, r)) {
		ui->filter.owner[0] = '\0';
		ui_filter_changed(ui);
		ui_message(ui, TH_OK, "showing every CSM's accounts again");
		return ACT_DRAW;
	}
	snprintf(ui->filter.owner, sizeof(ui->filter.owner), "%s", r->csm);
	ui_filter_changed(ui);
	ui_open(ui, PANE_HEATMAP, NULL);
	ui_message(ui, TH_OK, "showing %s's book (c clears; Enter on them in Team too)", r->csm);
	return ACT_DRAW;
}

static int
request(struct pane *p, enum request r)
{
	struct team *t = p->priv;
	enum list_change ch = list_request(&t->list, r, (size_t)page(p), row_id, t);

	if (ch != LIST_NONE)
		return moved(p, ch);
	if (r == REQ_ENTER)
		return drill(p);
	return ACT_NONE;
}

static int
click(struct pane *p, int y, int x, bool twice)
{
	struct team *t = p->priv;
	int act;

	(void)x;
	if (y < TM_HEAD || y >= TM_HEAD + page(p) || t->list.top + (size_t)(y - TM_HEAD) >= t->d.n)
		return ACT_NONE;
	act = moved(p, list_move_to(&t->list, (long)(t->list.top + (size_t)(y - TM_HEAD)), (size_t)page(p),
				    row_id, t));
	return twice ? drill(p) : act;
}

static void
describe(struct pane *p, char *out, size_t size)
{
	struct team *t = p->priv;
	const char *owner = p->ui->filter.owner;

	/* The position first: a long login must not push it off the line. */
	if (*owner)
		snprintf(out, size, "%zu/%zu, book of %s", t->d.n ? t->list.cursor + 1 : 0, t->d.n, owner);
	else
		snprintf(out, size, "12 months, %zu/%zu", t->d.n ? t->list.cursor + 1 : 0, t->d.n);
}

static size_t
count_rows(struct pane *p)
{
	return ((struct team *)p->priv)->d.n;
}

static void
done(struct pane *p)
{
	struct team *t = p->priv;

	if (t->loaded)
		team_dash_done(&t->d);
}

static const enum request hint_list[] = { REQ_ENTER, REQ_CLEAR, REQ_REFRESH, REQ_NONE };

const struct pane_ops team_ops = {
	.title = "Team",
	.private_size = sizeof(struct team),
	.load = load,
	.draw = draw,
	.request = request,
	.hints = hint_list,
	.click = click,
	.describe = describe,
	.count = count_rows,
	.done = done,
};
