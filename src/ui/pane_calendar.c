/*
 * pane_calendar.c -- the renewal calendar (key 6, `:calendar [DATE]`): a
 * month grid in the manner of calcurse, a quarter of ARR due per week, and
 * the pipeline with its cadence compliance.  The renewal under the cursor
 * is worked (forecast, stage, cadence step, close) by pane_calendar_work.c.
 *
 * Three views, m cycles them:
 *   month     the grid of the cursor's month (weeks start on week_start:
 *             the locale's first weekday unless the config says), each day
 *             with its renewals' count, the glyph and colour of the worst
 *             open forecast category, and the ARR at stake; below, the
 *             cursor day's renewals.  h/l move a day, j/k a week, PgDn/PgUp
 *             a month, } and { a quarter, t goes to today.  Enter on a day
 *             moves into its list; Enter there opens the account, Back
 *             returns to the grid;
 *   quarter   the cursor's calendar quarter, one row per week: renewals and
 *             ARR due, with a bar;
 *   pipeline  open renewals overdue or due within 120 days, with the state
 *             of each cadence step (domain/cadence.h) -- the missed ones in
 *             the warning colours.  It loads in weekly slices in the
 *             background (ui.h `more`), so its first page shows at once.
 *
 * Data model: the grid's days (count, ARR and worst category of the
 * renewals due, every stage), aggregated in SQL per day of the range on
 * screen, in `days`; the cursor day's renewals, read when the cursor lands
 * on it (a light statement, no evidence), in `items`; the pipeline's rows
 * in `pipe`.  Text from the book is
 * cleaned (ui_clean) as it is copied into the pool, so drawing never meets
 * raw data.  The day's list and the pipeline use the shared list cursor.
 */
#include "config.h"

#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "core/pool.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/cadence.h"
#include "domain/model.h"
#include "store/renewals.h"
#include "store/store.h"
#include "ui/calendar_pane.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"

enum cal_view { CV_MONTH, CV_QUARTER, CV_PIPELINE, CV_COUNT_ };
static const char *const view_names[] = { "month", "quarter", "pipeline" };

#define PIPE_DAYS 120      /* the pipeline's horizon: the last window's end */
#define PIPE_SLICE 7       /* days loaded per background step */
#define GRID_ROWS 2        /* lines per week in the month grid */


struct cal_rows {
	struct cal_item *v;
	size_t n, cap;
};

struct cal_pane {
	bool ready;
	enum cal_view view;
	int32_t cursor, today;
	int week_start;
	struct cadence cad;
	int32_t from, to;           /* the grid's loaded range, inclusive */
	struct calendar_day *days;  /* the range's days with renewals, in order */
	size_t ndays, capdays;
	struct cal_rows items;      /* the cursor day's renewals */
	struct pool pool;
	bool in_list;               /* month view: the cursor is in the day's list */
	struct list day;            /* over the cursor day's renewals */
	size_t day_first, day_n;    /* their place in items (all of it) */
	struct cal_rows pipe;       /* the pipeline */
	struct pool pipe_pool;
	struct list pipe_list;
	int32_t pipe_next;          /* the next slice's first day; past the horizon: done */
	char owner[64];             /* the owner filter the rows were read with */
};

/* -- configuration ----------------------------------------------------------------- */

/* The locale's first weekday (glibc: LC_TIME's first_weekday counts from
 * week-1stday, a Sunday or a Monday), as date_weekday() numbers days. */
static int
locale_week_start(void)
{
#ifdef _NL_TIME_FIRST_WEEKDAY
	int first = nl_langinfo(_NL_TIME_FIRST_WEEKDAY)[0];
	union { const char *s; intptr_t i; } base = { nl_langinfo(_NL_TIME_WEEK_1STDAY) };
	int base_day = base.i == 19971201 ? WEEK_MONDAY : WEEK_SUNDAY;

	if (first < 1 || first > 7)
		return WEEK_MONDAY;
	return (base_day + first - 1) % 7;
#else
	return WEEK_MONDAY;
#endif
}

static void
setup(struct pane *p)
{
	struct cal_pane *cp = p->priv;
	const struct tui_opts *o = p->ui->opts;
	const char *why;

	cp->ready = true;
	cp->today = store_clock(p->ui->store)->today;
	if (!cp->cursor)
		cp->cursor = cp->today;
	cp->week_start = !o->week_start || !strcmp(o->week_start, "locale") ? locale_week_start()
			 : !strcmp(o->week_start, "sunday") ? WEEK_SUNDAY
			 : !strcmp(o->week_start, "saturday") ? WEEK_SATURDAY : WEEK_MONDAY;
	cadence_default(&cp->cad);
	if (o->renewal_cadence && !cadence_parse(o->renewal_cadence, &cp->cad, &why))
		ui_message(p->ui, TH_WARNING, "renewal_cadence: %s; using 120,90,60,30", why);
	pool_init(&cp->pool);
	pool_init(&cp->pipe_pool);
}

/* -- loading ------------------------------------------------------------------------- */

struct keep_ctx {
	struct pane *p;
	struct cal_rows *rows;
	struct pool *pool;
};

static const char *
keep_text(struct keep_ctx *k, const char *s)
{
	char *clean;
	const char *kept;

	if (!s)
		return NULL;
	clean = ui_clean(k->p->ui, s);
	kept = pool_strdup(k->pool, clean);
	free(clean);
	return kept;
}

static int
keep_item(void *ctx, const struct renewal_line *l)
{
	struct keep_ctx *k = ctx;
	struct cal_rows *r = k->rows;
	struct cal_item *it;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	it = &r->v[r->n++];
	it->id = l->id;
	it->account_id = l->account_id;
	it->due = l->due;
	it->target = l->target;
	it->forecast = l->forecast;
	it->name = keep_text(k, l->account);
	it->owner = keep_text(k, l->owner ? l->owner : "pooled");
	it->band = keep_text(k, l->band);
	it->category = keep_text(k, l->category);
	it->stage = keep_text(k, l->stage);
	memcpy(it->evidence, l->evidence, sizeof(it->evidence));
	return 0;
}

/* The owner filter of the portfolio panes, as the store takes it. */
static const char *
owner_filter(const struct pane *p)
{
	return p->ui->filter.owner[0] ? p->ui->filter.owner : NULL;
}

/* The range the month or quarter view shows. */
static void
view_range(const struct cal_pane *cp, int32_t *from, int32_t *to)
{
	if (cp->view == CV_QUARTER) {
		int32_t q = cal_quarter_start(cp->cursor);

		*from = cal_grid_start(q, cp->week_start);
		*to = date_add_months(q, 3) - 1;
		*to += 6 - (date_weekday(*to) - cp->week_start + 7) % 7;
	} else {
		*from = cal_grid_start(cp->cursor, cp->week_start);
		*to = *from + cal_grid_weeks(cp->cursor, cp->week_start) * 7 - 1;
	}
}

static int
keep_day(void *ctx, const struct calendar_day *d)
{
	struct cal_pane *cp = ctx;

	if (cp->ndays == cp->capdays) {
		cp->capdays = cp->capdays ? cp->capdays * 2 : 64;
		cp->days = xreallocarray(cp->days, cp->capdays, sizeof(*cp->days));
	}
	cp->days[cp->ndays++] = *d;
	return 0;
}

static enum status
load_grid(struct pane *p, struct err *e)
{
	struct cal_pane *cp = p->priv;

	view_range(cp, &cp->from, &cp->to);
	cp->ndays = 0;
	return store_calendar_days(p->ui->store, cp->from, cp->to, owner_filter(p), keep_day, cp, e);
}

/* The cursor day's renewals, with their names. */
static enum status
load_day(struct pane *p, struct err *e)
{
	struct cal_pane *cp = p->priv;
	struct keep_ctx k = { p, &cp->items, &cp->pool };
	struct renewals_query q = { 0 };
	enum status st;

	pool_done(&cp->pool);
	pool_init(&cp->pool);
	cp->items.n = 0;
	q.from = q.to = cp->cursor;
	q.owner = owner_filter(p);
	q.light = true;
	q.cadence = &cp->cad;
	st = store_renewals(p->ui->store, &q, keep_item, &k, e);
	cp->day_first = 0;
	cp->day_n = cp->items.n;
	cp->day.n = cp->day_n;
	if (cp->day.cursor >= cp->day_n)
		cp->day.cursor = cp->day_n ? cp->day_n - 1 : 0;
	if (!cp->day_n)
		cp->in_list = false;
	return st;
}

static int64_t
pipe_id(const void *ctx, size_t i)
{
	return ((const struct cal_pane *)ctx)->pipe.v[i].id;
}

/* One slice of the pipeline: the overdue ones and today's first -- the
 * top of the list, what the first page shows -- then a week at a time. */
static enum status
load_slice(struct pane *p, struct err *e)
{
	struct cal_pane *cp = p->priv;
	struct keep_ctx k = { p, &cp->pipe, &cp->pipe_pool };
	struct renewals_query q = { 0 };
	enum status st;

	q.from = cp->pipe_next == cp->today ? date_from_ymd(DATE_YEAR_MIN, 1, 1) : cp->pipe_next;
	q.to = cp->pipe_next == cp->today ? cp->today : cp->pipe_next + PIPE_SLICE - 1;
	if (q.to > cp->today + PIPE_DAYS)
		q.to = cp->today + PIPE_DAYS;
	q.owner = owner_filter(p);
	q.open_only = true;
	q.cadence = &cp->cad;
	st = store_renewals(p->ui->store, &q, keep_item, &k, e);
	cp->pipe_next = q.to + 1;
	list_reload(&cp->pipe_list, cp->pipe.n, (size_t)(p->h > 2 ? p->h - 2 : 1), pipe_id, cp);
	return st;
}

static enum status
load(struct pane *p, struct err *e)
{
	struct cal_pane *cp = p->priv;
	enum status st;

	if (!cp->ready)
		setup(p);
	snprintf(cp->owner, sizeof(cp->owner), "%s", p->ui->filter.owner);
	if (cp->view == CV_PIPELINE) {
		pool_done(&cp->pipe_pool);
		pool_init(&cp->pipe_pool);
		cp->pipe.n = 0;
		cp->pipe_next = cp->today;
		return load_slice(p, e);
	}
	if ((st = load_grid(p, e)))
		return st;
	return load_day(p, e);
}

static bool
more(struct pane *p)
{
	struct cal_pane *cp = p->priv;

	return cp->view == CV_PIPELINE && cp->pipe_next <= cp->today + PIPE_DAYS;
}

/* The cursor moved: the grid reloads only when it left the range held. */
static enum status
moved_to(struct pane *p, int32_t day, struct err *e)
{
	struct cal_pane *cp = p->priv;
	int32_t from, to;

	if (day < date_from_ymd(DATE_YEAR_MIN, 1, 1) || day >= date_from_ymd(DATE_YEAR_MAX, 1, 1))
		return ST_OK;
	cp->cursor = day;
	cp->day = (struct list){ 0 };
	view_range(cp, &from, &to);
	if (from != cp->from || to != cp->to) {
		enum status st = load_grid(p, e);

		if (st)
			return st;
	}
	return load_day(p, e);
}

/* -- drawing -------------------------------------------------------------------------- */

static const char *const month_names[] = { "January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December" };
static const char *const day_abbr[] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };

/* Worse first: what a day's cell shows of several renewals. */
static int
category_rank(const struct cal_item *it)
{
	if (!strcmp(it->stage, "won"))
		return 0;
	if (!strcmp(it->stage, "lost"))
		return 1;
	if (!strcmp(it->category, "commit"))
		return 2;
	if (!strcmp(it->category, "likely"))
		return 3;
	return 4;   /* at_risk (or lost while open) */
}

static const char rank_glyph[] = { 'v', 'x', '+', '~', '!' };
static const enum theme_role rank_role[] = { TH_OK, TH_DIM, TH_BAND_GREEN, TH_BAND_YELLOW,
	TH_BAND_RED };

/* ARR short enough for a cell: 950, 12k, 1.2M. */
static void
short_money(int64_t cents, char *out, size_t size)
{
	double v = (double)cents / 100;

	if (v >= 1e6)
		snprintf(out, size, "$%.1fM", v / 1e6);
	else if (v >= 1e4)
		snprintf(out, size, "$%.0fk", v / 1e3);
	else if (v >= 1e3)
		snprintf(out, size, "$%.1fk", v / 1e3);
	else
		snprintf(out, size, "$%.0f", v);
}

struct day_sum {
	int n, worst;
	int64_t arr;
};

/* Day's sums, walking the days in order from *i. */
static struct day_sum
sum_day(const struct cal_pane *cp, int32_t day, size_t *i)
{
	struct day_sum s = { 0, -1, 0 };

	while (*i < cp->ndays && cp->days[*i].day < day)
		(*i)++;
	if (*i < cp->ndays && cp->days[*i].day == day) {
		s.n = (int)cp->days[*i].renewals;
		s.arr = cp->days[*i].arr;
		s.worst = cp->days[*i].worst;
	}
	return s;
}

static void
draw_cell(struct pane *p, int y, int x, int cw, int32_t day, const struct day_sum *s)
{
	struct cal_pane *cp = p->priv;
	int yy, mm, dd, cy, cm, cd;
	bool cursor = day == cp->cursor, other;
	int attr;
	char num[8], count[16], arr[16];

	date_to_ymd(day, &yy, &mm, &dd);
	date_to_ymd(cp->cursor, &cy, &cm, &cd);
	other = mm != cm;
	attr = ui_attr(p->ui, cursor ? (cp->in_list ? TH_TITLE : TH_CURSOR)
			 : other ? TH_DIM : day == cp->today ? TH_TITLE : TH_NORMAL);
	snprintf(num, sizeof(num), day == cp->today ? "%2d*" : "%2d ", dd);
	draw_text(p->ui, p->win, y, x, num, 3, false, attr);
	draw_text(p->ui, p->win, y + 1, x, "", cw - 1, false, ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
	if (!s->n) {
		draw_text(p->ui, p->win, y, x + 3, "", cw - 4, false, attr);
		return;
	}
	snprintf(count, sizeof(count), "%c%d", rank_glyph[s->worst], s->n);
	draw_text(p->ui, p->win, y, x + 3, count, cw - 4, false,
		  cursor ? attr : ui_attr(p->ui, other ? TH_DIM : rank_role[s->worst]));
	short_money(s->arr, arr, sizeof(arr));
	draw_text(p->ui, p->win, y + 1, x, arr, cw - 1, true,
		  ui_attr(p->ui, cursor ? TH_CURSOR : other ? TH_DIM : TH_NORMAL));
}

static void
draw_item(struct pane *p, int y, const struct cal_item *it, bool cursor)
{
	char line[160], m[32];
	int x = 2, w = p->w;
	int r = category_rank(it);
	char glyph[2] = { rank_glyph[r], 0 }, band[2] = { band_letter(it->band), 0 };

	draw_text(p->ui, p->win, y, 0, cursor ? draw_glyph_cursor(p->ui) : " ", 2, false,
		  ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
	draw_text(p->ui, p->win, y, x, glyph, 2, false, ui_attr(p->ui, rank_role[r]));
	draw_text(p->ui, p->win, y, x + 2, band, 2, false, ui_attr(p->ui, band_role(it->band)));
	snprintf(line, sizeof(line), "%12s  %-8s %-11s %s", money_format_grouped(it->target, true, m),
		 it->category, it->stage, it->owner);
	x += 4;
	if (w - x > 40) {
		draw_text(p->ui, p->win, y, x, it->name, w - x - 40, false,
			  ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
		draw_text(p->ui, p->win, y, w - 40, line, 40, false, ui_attr(p->ui, TH_NORMAL));
	} else if (w > x) {
		draw_text(p->ui, p->win, y, x, it->name, w - x, false, ui_attr(p->ui, TH_NORMAL));
	}
}

static void
draw_month(struct pane *p)
{
	struct cal_pane *cp = p->priv;
	int cw = p->w / 7 > 12 ? 12 : p->w / 7, y0 = 2, weeks, y, m, d, list_top;
	int32_t start = cal_grid_start(cp->cursor, cp->week_start), day;
	char title[64], head[200];
	size_t i = 0;
	struct day_sum total = { 0, -1, 0 };
	char money[32];

	date_to_ymd(cp->cursor, &y, &m, &d);
	snprintf(title, sizeof(title), "%s %d", month_names[m - 1], y);
	draw_text(p->ui, p->win, 0, 1, title, 20, false, ui_attr(p->ui, TH_TITLE));
	draw_text(p->ui, p->win, 0, 22, "v won  x lost  + commit  ~ likely  ! at risk", p->w - 23,
		  false, ui_attr(p->ui, TH_DIM));
	for (int k = 0; k < 7; k++)
		draw_text(p->ui, p->win, 1, k * cw, day_abbr[(cp->week_start + k) % 7], cw, false,
			  ui_attr(p->ui, TH_TITLE));
	weeks = cal_grid_weeks(cp->cursor, cp->week_start);
	for (int w = 0; w < weeks; w++)
		for (int k = 0; k < 7; k++) {
			struct day_sum s;

			day = start + w * 7 + k;
			s = sum_day(cp, day, &i);
			draw_cell(p, y0 + w * GRID_ROWS, k * cw, cw, day, &s);
		}
	list_top = y0 + weeks * GRID_ROWS;
	if (list_top >= p->h)
		return;
	for (size_t k = 0; k < cp->day_n; k++)
		total.arr += cp->items.v[cp->day_first + k].target;
	snprintf(head, sizeof(head), "%s %s: %zu renewal%s, %s due%s",
		 day_abbr[date_weekday(cp->cursor)], date_format(cp->cursor, title), cp->day_n,
		 cp->day_n == 1 ? "" : "s", money_format_grouped(total.arr, true, money),
		 cp->day_n && !cp->in_list ? "  (Enter lists them)" : "");
	draw_rule(p->ui, p->win, list_top, ui_attr(p->ui, TH_BORDER));
	draw_text(p->ui, p->win, list_top, 2, head, p->w - 4, false, ui_attr(p->ui, TH_TITLE));
	{
		size_t page = (size_t)(p->h - list_top - 1);

		if (!page)
			return;
		list_show_cursor(&cp->day, page);
		for (size_t k = cp->day.top; k < cp->day_n && k < cp->day.top + page; k++)
			draw_item(p, list_top + 1 + (int)(k - cp->day.top),
				  &cp->items.v[cp->day_first + k], cp->in_list && k == cp->day.cursor);
	}
}

static void
draw_quarter(struct pane *p)
{
	struct cal_pane *cp = p->priv;
	int32_t q = cal_quarter_start(cp->cursor), end = date_add_months(q, 3);
	int32_t start = cal_grid_start(q, cp->week_start), cur_week;
	int64_t max = 1, sum[16] = { 0 }, qarr = 0;
	int cnt[16] = { 0 }, nweeks = (int)((end - 1 - start) / 7 + 1), y, m, d, qn = 0;
	char line[200], money[32], title[80];

	date_to_ymd(q, &y, &m, &d);
	if (nweeks > 16)
		nweeks = 16;
	for (size_t i = 0; i < cp->ndays; i++) {
		const struct calendar_day *dy = &cp->days[i];
		int w = (int)((dy->day - start) / 7);

		if (dy->day < q || dy->day >= end || w < 0 || w >= nweeks)
			continue;
		sum[w] += dy->arr;
		cnt[w] += (int)dy->renewals;
		qarr += dy->arr;
		qn += (int)dy->renewals;
	}
	for (int w = 0; w < nweeks; w++)
		max = sum[w] > max ? sum[w] : max;
	snprintf(title, sizeof(title), "%dQ%d: %d renewal%s, %s due -- ARR due per week", y,
		 cal_quarter_of(q), qn, qn == 1 ? "" : "s", money_format_grouped(qarr, true, money));
	draw_text(p->ui, p->win, 0, 1, title, p->w - 2, false, ui_attr(p->ui, TH_TITLE));
	cur_week = (cp->cursor - start) / 7;
	for (int w = 0; w < nweeks && w + 2 < p->h; w++) {
		char wk[DATE_STRLEN];
		int bar = p->w - 44 > 0 ? (int)((double)sum[w] / (double)max * (p->w - 44)) : 0;
		bool cursor = w == cur_week;

		snprintf(line, sizeof(line), "week of %s %5d %14s ", date_format(start + w * 7, wk),
			 cnt[w], money_format_grouped(sum[w], true, money));
		draw_text(p->ui, p->win, w + 2, 0, cursor ? draw_glyph_cursor(p->ui) : " ", 2, false,
			  ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
		draw_text(p->ui, p->win, w + 2, 2, line, 42, false,
			  ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
		for (int b = 0; b < bar && 44 + b < p->w; b++)
			mvwaddstr(p->win, w + 2, 44 + b, p->ui->unicode ? "\u2588" : "#");
	}
}

static const enum theme_role state_role[] = { TH_DIM, TH_OK, TH_WARNING, TH_ERROR };
/* The pipeline's columns: due and window, band letter, the name (the rest), owner to
 * stage, one glyph per cadence step. */
#define PIPE_LEFT 23
#define PIPE_RIGHT 40
#define PIPE_STEPS 9

static void
draw_pipe_row(struct pane *p, int y, size_t i)
{
	struct cal_pane *cp = p->priv;
	const struct cal_item *it = &cp->pipe.v[i];
	bool cursor = i == cp->pipe_list.cursor;
	char left[64], due[DATE_STRLEN], m[32], right[80], band[2] = "";
	int x, namew;

	snprintf(left, sizeof(left), "%s %-7s", date_format(it->due, due),
		 renewal_window_names[renewal_window_of(it->due, cp->today)]);
	snprintf(right, sizeof(right), " %-8.8s %10s %-7.7s %-11.11s", it->owner,
		 money_format_grouped(it->target, true, m), it->category, it->stage);
	draw_text(p->ui, p->win, y, 0, cursor ? draw_glyph_cursor(p->ui) : " ", 2, false,
		  ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
	draw_text(p->ui, p->win, y, 2, left, 19, false, ui_attr(p->ui, TH_NORMAL));
	band[0] = band_letter(it->band);
	draw_text(p->ui, p->win, y, 21, band, 2, false, ui_attr(p->ui, band_role(it->band)));
	namew = p->w - PIPE_LEFT - PIPE_RIGHT - PIPE_STEPS;
	x = PIPE_LEFT;
	if (namew > 4) {
		draw_text(p->ui, p->win, y, x, it->name, namew, false,
			  ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
		x += namew;
		draw_text(p->ui, p->win, y, x, right, PIPE_RIGHT, false, ui_attr(p->ui, TH_NORMAL));
		x += PIPE_RIGHT;
	}
	for (int k = 0; k < CADENCE_STEPS && x + 2 <= p->w; k++, x += 2) {
		enum cadence_state s = cadence_judge(&cp->cad, (enum cadence_step)k, it->due,
						     it->evidence[k], cp->today);
		char g[3] = { ' ', cadence_glyph(s), 0 };

		draw_text(p->ui, p->win, y, x, g, 2, false, ui_attr(p->ui, state_role[s]));
	}
}

static void
draw_pipeline(struct pane *p)
{
	struct cal_pane *cp = p->priv;
	size_t page = (size_t)(p->h > 2 ? p->h - 2 : 1);
	char head[200];

	snprintf(head, sizeof(head), "Pipeline: %zu open, overdue to %d days%s  "
		 "+ on time  ~ late  ! missing  . pending", cp->pipe.n, PIPE_DAYS,
		 more(p) ? " (loading)" : "");
	draw_text(p->ui, p->win, 0, 1, head, p->w - 2, false, ui_attr(p->ui, TH_TITLE));
	draw_text(p->ui, p->win, 1, 2, "DUE        WINDOW  H ACCOUNT", p->w - 2, false,
		  ui_attr(p->ui, TH_DIM));
	if (p->w > PIPE_LEFT + PIPE_RIGHT + PIPE_STEPS + 4) {
		char cols[80];

		/* The steps in order, T-120 to T-30, one glyph each. */
		snprintf(cols, sizeof(cols), " %-8.8s %10s %-7.7s %-11.11s cadence", "OWNER", "TARGET",
			 "FORECAS", "STAGE");
		draw_text(p->ui, p->win, 1, p->w - PIPE_RIGHT - PIPE_STEPS, cols,
			  PIPE_RIGHT + PIPE_STEPS, false, ui_attr(p->ui, TH_DIM));
	}
	list_show_cursor(&cp->pipe_list, page);
	for (size_t i = cp->pipe_list.top; i < cp->pipe.n && i < cp->pipe_list.top + page; i++)
		draw_pipe_row(p, 2 + (int)(i - cp->pipe_list.top), i);
}

static void
draw(struct pane *p)
{
	struct cal_pane *cp = p->priv;

	werase(p->win);
	if (cp->view == CV_MONTH)
		draw_month(p);
	else if (cp->view == CV_QUARTER)
		draw_quarter(p);
	else
		draw_pipeline(p);
}

/* -- working a renewal ---------------------------------------------------------------- */

static const struct cal_item *
selected(struct pane *p)
{
	struct cal_pane *cp = p->priv;

	if (cp->view == CV_PIPELINE)
		return cp->pipe.n ? &cp->pipe.v[cp->pipe_list.cursor] : NULL;
	if (cp->view == CV_MONTH && cp->in_list && cp->day_n)
		return &cp->items.v[cp->day_first + cp->day.cursor];
	return NULL;
}

static const struct cal_item *
need_selected(struct pane *p)
{
	const struct cal_item *it = selected(p);

	if (!it)
		ui_message(p->ui, TH_WARNING, "select a renewal first: Enter on a day lists its renewals");
	return it;
}

/* -- requests ------------------------------------------------------------------------- */

static int64_t
day_id(const void *ctx, size_t i)
{
	const struct cal_pane *cp = ctx;

	return cp->items.v[cp->day_first + i].id;
}

static int
open_account(struct pane *p, const struct cal_item *it)
{
	ui_open(p->ui, PANE_ACCOUNT, &(struct pane_arg){ .account_id = it->account_id });
	return ACT_DRAW | ACT_TABS;
}

/* A movement of the grid's cursor by days, or to a day. */
static int
grid_move(struct pane *p, int32_t day)
{
	struct err e = { ST_OK, "" };

	if (moved_to(p, day, &e))
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
	return ACT_DRAW | ACT_TABS;
}

static int
list_request_of(struct pane *p, struct list *l, enum request r, size_t page, list_id_fn id)
{
	enum list_change ch = list_request(l, r, page, id, p->priv);

	return ch == LIST_NONE ? -1 : ACT_DRAW | ACT_TABS;
}

static int
request(struct pane *p, enum request r)
{
	struct cal_pane *cp = p->priv;
	int act;

	switch (r) {
	case REQ_CAL_VIEW:
		cp->view = (enum cal_view)((cp->view + 1) % CV_COUNT_);
		cp->in_list = false;
		return ACT_RELOAD | ACT_TABS;
	case REQ_CAL_TODAY:
		cp->in_list = false;
		if (cp->view == CV_PIPELINE)
			cp->view = CV_MONTH;
		cp->cursor = cp->today;
		return ACT_RELOAD | ACT_TABS;
	case REQ_CAL_CLOSE: return cal_work_close(p, need_selected(p));
	case REQ_CAL_FORECAST: return cal_work_forecast(p, need_selected(p));
	case REQ_CAL_STAGE: return cal_work_stage(p, need_selected(p));
	case REQ_CAL_STEP: return cal_work_step(p, need_selected(p));
	default: break;
	}
	if (cp->view == CV_PIPELINE) {
		if (r == REQ_ENTER)
			return cp->pipe.n ? open_account(p, &cp->pipe.v[cp->pipe_list.cursor]) : ACT_DONE;
		act = list_request_of(p, &cp->pipe_list, r, (size_t)(p->h > 2 ? p->h - 2 : 1), pipe_id);
		return act < 0 ? ACT_NONE : act;
	}
	if (cp->in_list) {
		if (r == REQ_ENTER)
			return open_account(p, &cp->items.v[cp->day_first + cp->day.cursor]);
		if (r == REQ_BACK) {
			cp->in_list = false;
			return ACT_DRAW;
		}
		act = list_request_of(p, &cp->day, r, 4, day_id);
		if (act >= 0)
			return act;
	}
	switch (r) {
	case REQ_ENTER:
		if (cp->view == CV_QUARTER) {
			cp->view = CV_MONTH;
			return ACT_RELOAD | ACT_TABS;
		}
		if (!cp->day_n) {
			ui_message(p->ui, TH_DIM, "no renewal due that day");
			return ACT_DRAW;
		}
		cp->in_list = true;
		return ACT_DRAW;
	case REQ_MOVE_LEFT: return grid_move(p, cp->cursor - 1);
	case REQ_MOVE_RIGHT: return grid_move(p, cp->cursor + 1);
	case REQ_MOVE_DOWN: return grid_move(p, cp->cursor + 7);
	case REQ_MOVE_UP: return grid_move(p, cp->cursor - 7);
	case REQ_PAGE_DOWN: return grid_move(p, date_add_months(cp->cursor, 1));
	case REQ_PAGE_UP: return grid_move(p, date_add_months(cp->cursor, -1));
	case REQ_CAL_NEXT_QUARTER: return grid_move(p, date_add_months(cp->cursor, 3));
	case REQ_CAL_PREV_QUARTER: return grid_move(p, date_add_months(cp->cursor, -3));
	default: return ACT_NONE;
	}
}

static void
describe(struct pane *p, char *out, size_t size)
{
	struct cal_pane *cp = p->priv;
	char d[DATE_STRLEN];

	if (cp->view == CV_PIPELINE)
		snprintf(out, size, "pipeline, %zu/%zu%s", cp->pipe.n ? cp->pipe_list.cursor + 1 : 0,
			 cp->pipe.n, more(p) ? "+" : "");
	else
		snprintf(out, size, "%s, %s", view_names[cp->view], date_format(cp->cursor, d));
}

static void
open_on(struct pane *p, const struct pane_arg *arg)
{
	struct cal_pane *cp = p->priv;

	if (arg->date) {
		cp->cursor = arg->date;
		cp->in_list = false;
		if (cp->view == CV_PIPELINE)
			cp->view = CV_MONTH;
	}
}

static size_t
count(struct pane *p)
{
	struct cal_pane *cp = p->priv;

	return cp->view == CV_PIPELINE ? cp->pipe.n : cp->items.n;
}

/* The owner filter changed: read the rows again with it. */
static void
refilter(struct pane *p)
{
	struct cal_pane *cp = p->priv;
	struct err e = { ST_OK, "" };

	if (strcmp(cp->owner, p->ui->filter.owner) && load(p, &e))
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
}

static void
done(struct pane *p)
{
	struct cal_pane *cp = p->priv;

	if (cp->ready) {
		pool_done(&cp->pool);
		pool_done(&cp->pipe_pool);
	}
	free(cp->items.v);
	free(cp->days);
	free(cp->pipe.v);
}

static const enum request hint_list[] = { REQ_CAL_VIEW, REQ_CAL_TODAY, REQ_CAL_CLOSE,
	REQ_CAL_FORECAST, REQ_CAL_STEP, REQ_NONE };

const struct pane_ops calendar_ops = {
	.title = "Calendar",
	.private_size = sizeof(struct cal_pane),
	.load = load,
	.more = more,
	.load_more = load_slice,
	.draw = draw,
	.request = request,
	.hints = hint_list,
	.describe = describe,
	.refilter = refilter,
	.count = count,
	.done = done,
};

void
calendar_open(struct ui *ui, int32_t day)
{
	struct pane *p = &ui->panes[PANE_CALENDAR];
	struct pane_arg arg = { .date = day };

	open_on(p, &arg);
	ui_open(ui, PANE_CALENDAR, day ? &arg : NULL);
}
