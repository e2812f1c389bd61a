/*
 * pane_calendar_draw.c -- drawing the renewal calendar's three views (see
 * pane_calendar.c): the month grid with a cell per day and the cursor
 * day's renewals, the quarter's weeks with their ARR due, and the
 * pipeline with a glyph per cadence step.  Everything drawn was cleaned
 * when it was loaded.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "domain/cadence.h"
#include "domain/model.h"
#include "store/renewals.h"
#include "ui/calendar_int.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"

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
		 cal_more(p) ? " (loading)" : "");
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

void
cal_draw(struct pane *p)
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
