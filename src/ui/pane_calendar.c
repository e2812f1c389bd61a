/*
 * pane_calendar.c -- the renewal calendar (key 6, `:calendar [DATE]`): a
 * month grid in the manner of calcurse, a quarter of ARR due per week, and
 * the pipeline with its cadence compliance.  The renewal under the cursor
 * is worked (forecast, stage, cadence step, close) by pane_calendar_work.c;
 * the views are drawn by pane_calendar_draw.c.
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
#include "ui/calendar_int.h"
#include "ui/calendar_pane.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"

static const char *const view_names[] = { "month", "quarter", "pipeline" };


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

bool
cal_more(struct pane *p)
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
			 cp->pipe.n, cal_more(p) ? "+" : "");
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
	.more = cal_more,
	.load_more = load_slice,
	.draw = cal_draw,
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
