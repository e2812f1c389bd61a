/*
 * pane_heatmap.c -- the portfolio heatmap: loading, filters, sorts, the
 * matrix mode and the keys.  Tiles and the quadrant are heatmap_modes.c.
 *
 * Matrix: one row per account, one column per measure of the scorecard in
 * force, each cell coloured by its rating and showing the rating's digit
 * (or, with `v`, the measure's value), then the band letter and score, ARR,
 * next renewal and a sparkline of the last scores.  The selected row is
 * marked by a glyph and its name alone is highlighted, so a cursor move
 * rewrites two short runs of cells instead of two whole lines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/names.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/portfolio.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/heatmap.h"
#include "ui/records.h"


static const char *const sort_names[HM_SORTS_] = { "health", "name", "ARR", "renewal", "owner" };
static const char *const mode_names[HM_MODES_] = { "matrix", "tiles", "quadrant" };

/* -- rows ----------------------------------------------------------------------------- */

const struct hm_row *
hm_rows(const struct heatmap *h, size_t *n)
{
	if (h->loading) {
		*n = h->nfirst;
		return h->first;
	}
	*n = h->n;
	return h->rows;
}

const struct hm_row *
hm_at(const struct heatmap *h, size_t i)
{
	size_t n;
	const struct hm_row *rows = hm_rows(h, &n);

	return i < h->list.n ? &rows[h->view[i]] : NULL;
}

int
hm_quadrant(const struct heatmap *h, const struct hm_row *r)
{
	const struct scorecard *sc = h->sc;
	double good_exp, good_out;
	bool out, exp;

	if (!r->outcomes_known || !r->experience_known || !sc)
		return -1;
	/* The same lines as the false-positive flag: experience counts as good
	 * from the band it names, outcomes as poor below theirs. */
	good_exp = sc->bands[sc->fp_experience];
	good_out = sc->bands[sc->fp_outcomes];
	out = r->outcomes >= good_out - 1e-9;
	exp = r->experience >= good_exp - 1e-9;
	return out && exp ? 0 : !out && exp ? 1 : out ? 2 : 3;
}

/* -- filtering and sorting ------------------------------------------------------------- */

static bool
in_ids(const struct ui_filter *f, int64_t id)
{
	size_t lo = 0, hi = f->nids;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (f->ids[mid] == id)
			return true;
		if (f->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool
passes(const struct heatmap *h, const struct ui_filter *f, const struct account_filter *cond,
       const struct hm_row *r)
{
	struct account_match m = {
		.owner = r->pooled ? NULL : r->owner,
		.segment = r->segment,
		.stage = r->stage,
		.band = r->band >= 0 ? band_names[r->band] : NULL,
		.tags = r->tags,
		.has_renewal = r->renewal != NULL,
		.renewal_days = r->renewal_days,
		.false_positive = r->false_positive,
	};

	if (!account_filter_match(cond, &m))
		return false;
	if (f->search[0] && !in_ids(f, r->id))
		return false;
	if (h->quad_filter && hm_quadrant(h, r) != h->quadrant)
		return false;
	return true;
}

static int
page(const struct pane *p)
{
	return p->h - 2;   /* a title row and a legend row */
}

struct sort_ctx {
	const struct hm_row *rows;
	enum hm_sort key;
};

static int
cmp_rows(const void *pa, const void *pb, void *arg)
{
	const struct sort_ctx *sc = arg;
	const struct hm_row *a = &sc->rows[*(const size_t *)pa], *b = &sc->rows[*(const size_t *)pb];
	enum hm_sort sort_key = sc->key;
	int c = 0;

	switch (sort_key) {
	case HM_BY_HEALTH:
		/* Worst first, as the first page's index has it: by the band in
		 * force (an override sorts with its band; band_names is worst
		 * first, unknown last), then the score; unscored accounts last. */
		c = (a->band < 0 ? BAND_COUNT_ : a->band) - (b->band < 0 ? BAND_COUNT_ : b->band);
		if (!c)
			c = (a->score_known ? 0 : 1) - (b->score_known ? 0 : 1);
		if (!c && a->score_known)
			c = (a->score > b->score) - (a->score < b->score);
		break;
	case HM_BY_NAME: c = strcasecmp(a->name, b->name); break;
	case HM_BY_ARR: c = (a->arr_cents < b->arr_cents) - (a->arr_cents > b->arr_cents); break;
	case HM_BY_RENEWAL:
		c = (a->renewal ? 0 : 1) - (b->renewal ? 0 : 1);
		if (!c && a->renewal)
			c = strcmp(a->renewal, b->renewal);
		break;
	case HM_BY_OWNER: c = strcmp(a->owner, b->owner); break;
	case HM_SORTS_: break;
	}
	/* Equal health goes by id, the order of the score index, so a big
	 * book's first page is exactly the top of the loaded book. */
	if (!c && sort_key != HM_BY_NAME && sort_key != HM_BY_HEALTH)
		c = strcasecmp(a->name, b->name);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static int64_t
view_id(const void *ctx, size_t i)
{
	const struct hm_row *r = hm_at(ctx, i);

	return r ? r->id : 0;
}

/* Build the view from the rows in memory; keep the cursor on its account. */
void
hm_rebuild(struct pane *p)
{
	struct heatmap *h = p->priv;
	size_t n, nview = 0;
	const struct hm_row *rows = hm_rows(h, &n);
	struct account_filter cond = ui_filter_conditions(p->ui);

	h->view = xreallocarray(h->view, n ? n : 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		if (passes(h, &p->ui->filter, &cond, &rows[i]))
			h->view[nview++] = i;
	h->list.n = nview;
	/* The first page already comes in health order from the index. */
	if (!h->loading) {
		struct sort_ctx sc = { rows, h->sort };

		qsort_r(h->view, nview, sizeof(size_t), cmp_rows, &sc);
	}
	h->list.sticky = true;
	list_reload(&h->list, nview, (size_t)page(p), view_id, h);
	if (h->mode == HM_TILES)
		hm_tiles_layout(p);
}

/* Rows idx[0..k) changed in place: take them out of the view, then put
 * each back where the sort puts it (if the filter still passes it),
 * keeping the cursor -- a binary search and a move per row, where sorting
 * the whole view again took 400 ms on a 100k-account book after every
 * edit.  All out first: a binary search needs the rest in order. */
void
hm_reposition(struct pane *p, const size_t *idx, size_t k)
{
	struct heatmap *h = p->priv;
	size_t n, nview = h->list.n, kept = 0;
	const struct hm_row *rows = hm_rows(h, &n);
	struct account_filter cond = ui_filter_conditions(p->ui);
	struct sort_ctx sc = { rows, h->sort };

	if (h->loading) {
		hm_rebuild(p);
		return;
	}
	/* The cursor stays on its account wherever the sort takes it, also
	 * when it never moved since the pane loaded (the list then knows only
	 * its place): e on the top row, then e again, is the same account. */
	if (!h->list.cursor_id && h->list.cursor < nview)
		h->list.cursor_id = view_id(h, h->list.cursor);
	for (size_t v = 0; v < nview; v++) {
		bool changed = false;

		for (size_t j = 0; j < k && !changed; j++)
			changed = h->view[v] == idx[j];
		if (!changed)
			h->view[kept++] = h->view[v];
	}
	nview = kept;
	for (size_t j = 0; j < k; j++) {
		size_t i = idx[j], lo = 0, hi = nview;

		if (i >= n || !passes(h, &p->ui->filter, &cond, &rows[i]))
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (cmp_rows(&h->view[mid], &i, &sc) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		memmove(&h->view[lo + 1], &h->view[lo], (nview - lo) * sizeof(size_t));
		h->view[lo] = i;
		nview++;
	}
	h->list.n = nview;
	h->list.sticky = true;
	list_reload(&h->list, nview, (size_t)page(p), view_id, h);
	if (h->mode == HM_TILES)
		hm_tiles_layout(p);
}

static void
refilter(struct pane *p)
{
	hm_rebuild(p);
}

static size_t
count_rows(struct pane *p)
{
	return ((struct heatmap *)p->priv)->list.n;
}


/* -- the matrix -------------------------------------------------------------------------- */

struct columns {
	int name, band, cell, ncells, arr, renewal, trend;  /* widths; 0 = hidden */
};

static void
columns(const struct pane *p, struct columns *c)
{
	const struct heatmap *h = p->priv;
	int rest;

	c->ncells = h->sc ? h->sc->nmeasures : 0;
	if (c->ncells > HM_MAX_MEASURES)
		c->ncells = HM_MAX_MEASURES;
	c->cell = h->values ? 6 : 3;
	c->band = 7;
	c->arr = 10;
	c->renewal = 11;
	c->trend = 9;
	rest = p->w - 2 - c->band - c->cell * c->ncells - c->arr - c->renewal - c->trend;
	if (rest < 16) {
		rest += c->trend;
		c->trend = 0;
	}
	if (rest < 16) {
		rest += c->renewal;
		c->renewal = 0;
	}
	c->name = rest > 60 ? 60 : rest;
}

static void
title_row(struct pane *p, const struct columns *c)
{
	const struct heatmap *h = p->priv;
	int x = 2, t = ui_attr(p->ui, TH_TITLE);

	draw_text(p->ui, p->win, 0, 0, "", p->w, false, t);
	draw_text(p->ui, p->win, 0, x, "ACCOUNT", c->name, false, t);
	x += c->name;
	draw_text(p->ui, p->win, 0, x, " HEALTH", c->band, false, t);
	x += c->band;
	for (int i = 0; i < c->ncells; i++) {
		char abbr[8];

		/* Three letters of the measure id: lic fea sup sen spo fin gro */
		snprintf(abbr, sizeof(abbr), " %.*s", c->cell - 1, h->sc->measures[i].id);
		draw_text(p->ui, p->win, 0, x, abbr, c->cell, false, t);
		x += c->cell;
	}
	draw_text(p->ui, p->win, 0, x, "ARR", c->arr - 1, true, t);
	x += c->arr;
	if (c->renewal) {
		draw_text(p->ui, p->win, 0, x, "RENEWAL", c->renewal, false, t);
		x += c->renewal;
	}
	if (c->trend)
		draw_text(p->ui, p->win, 0, x, "TREND", c->trend, false, t);
}

/* The n-th '|'-separated value of vals. */
static void
nth_value(const char *vals, int n, char *out, size_t size)
{
	const char *p = vals;

	for (int i = 0; i < n && p; i++)
		p = (p = strchr(p, '|')) ? p + 1 : NULL;
	if (!p) {
		snprintf(out, size, "-");
		return;
	}
	snprintf(out, size, "%.*s", (int)(strchr(p, '|') ? (size_t)(strchr(p, '|') - p) : strlen(p)), p);
}

/* The marker and name: all a cursor move needs to rewrite. */
static void
draw_name(struct pane *p, int y, const struct hm_row *r, bool cursor, const struct columns *c)
{
	struct ui *ui = p->ui;

	draw_text(ui, p->win, y, 0, cursor ? draw_glyph_cursor(ui) : " ", 1, false,
		  ui_attr(ui, cursor ? TH_CURSOR : TH_NORMAL));
	/* A marked row (t) says so beside the cursor's column. */
	bool marked = marks_has(&((struct heatmap *)p->priv)->marks, r->id);

	draw_text(ui, p->win, y, 1, marked ? "*" : " ", 1, false,
		  ui_attr(ui, marked ? TH_WARNING : cursor ? TH_CURSOR : TH_NORMAL));
	draw_text(ui, p->win, y, 2, r->name, c->name - 1, false,
		  ui_attr(ui, cursor ? TH_CURSOR : r->false_positive ? TH_FALSE_POSITIVE : TH_NORMAL));
}

static void
draw_row(struct pane *p, size_t i)
{
	struct heatmap *h = p->priv;
	const struct hm_row *r = hm_at(h, i);
	struct ui *ui = p->ui;
	struct columns c;
	char text[32], m[MONEY_STRLEN];
	int y = 1 + (int)(i - h->list.top), x;

	if (!r || y >= p->h - 1)
		return;
	columns(p, &c);
	draw_name(p, y, r, i == h->list.cursor, &c);
	x = 2 + c.name;
	/* "R 1.00": the band in force and the computed score; "Y*1.00" when
	 * the band is a CSM's override. */
	if (r->score_known || r->overridden)
		snprintf(text, sizeof(text), r->score_known ? " %c%c%.2f" : " %c%c n/a",
			 band_letter(r->band >= 0 ? band_names[r->band] : NULL), r->overridden ? '*' : ' ',
			 r->score);
	else
		snprintf(text, sizeof(text), " %c  n/a", r->scored ? '?' : '-');
	draw_text(ui, p->win, y, x, text, c.band, false,
		  ui_attr(ui, band_role(r->band >= 0 ? band_names[r->band] : NULL)));
	x += c.band;
	for (int k = 0; k < c.ncells; k++) {
		char rating = k < (int)strlen(r->ratings) ? r->ratings[k] : '-';

		if (h->values) {
			char v[16];

			nth_value(r->vals ? r->vals : "", k, v, sizeof(v));
			snprintf(text, sizeof(text), "%5s ", v);
		} else {
			snprintf(text, sizeof(text), " %c ", rating);
		}
		draw_text(ui, p->win, y, x, text, c.cell, false,
			  ui_attr(ui, rating == '-' ? TH_DIM : rating_role(rating - '0', r->scale)));
		x += c.cell;
	}
	draw_text(ui, p->win, y, x, money_format_grouped(r->arr_cents, true, m), c.arr - 1, true,
		  ui_attr(ui, TH_NORMAL));
	x += c.arr;
	if (c.renewal) {
		draw_text(ui, p->win, y, x, r->renewal ? r->renewal : "-", c.renewal - 1, false,
			  ui_attr(ui, r->renewal && r->renewal_days <= 30 ? TH_WARNING : TH_NORMAL));
		x += c.renewal;
	}
	if (c.trend)
		draw_spark_levels(ui, p->win, y, x, r->spark, c.trend - 1, ui_attr(ui, TH_DIM));
}

static void
legend(struct pane *p)
{
	const struct heatmap *h = p->priv;
	/* "* override" comes early enough to show at 80 columns. */
	const char *text = h->values ? "cells: each measure's value (v: ratings)  R red  Y yellow  G green  * override  ? unknown"
				     : "cells: 1 red  2 yellow  3 green  - no data (v: values)  * override   health: band letter and score";

	draw_text(p->ui, p->win, p->h - 1, 0, text, p->w, false, ui_attr(p->ui, TH_DIM));
}

static void
draw_matrix(struct pane *p)
{
	struct heatmap *h = p->priv;
	struct columns c;

	columns(p, &c);
	title_row(p, &c);
	for (size_t i = h->list.top; i < h->list.n && i < h->list.top + (size_t)page(p); i++)
		draw_row(p, i);
	if (!h->list.n)
		draw_text(p->ui, p->win, 2, 2, h->n || h->nfirst || h->loading
			  ? "No account matches the search and filters (c clears them)."
			  : "No accounts yet: import some (tend import account FILE.csv) or try tend --demo.",
			  p->w - 4, false, ui_attr(p->ui, TH_DIM));
	else if (!h->sc)
		draw_text(p->ui, p->win, p->h - 2, 2, "No scorecard in force.", p->w - 4, false,
			  ui_attr(p->ui, TH_WARNING));
	legend(p);
}

static void
draw(struct pane *p)
{
	switch (((struct heatmap *)p->priv)->mode) {
	case HM_MATRIX: draw_matrix(p); break;
	case HM_TILES: hm_tiles_draw(p); break;
	case HM_QUADRANT: hm_quadrant_draw(p); break;
	case HM_MODES_: break;
	}
}

/* After a movement, redraw what it changed: only the two name cells on the
 * same page (a cursor move is a few dozen bytes over SSH), else the page. */
static int
moved(struct pane *p, enum list_change ch)
{
	struct heatmap *h = p->priv;
	struct columns c;
	const struct hm_row *r;

	if (ch == LIST_SCROLLED)
		return ACT_DRAW | ACT_TABS;
	if (ch != LIST_MOVED)
		return ACT_DONE | ACT_TABS;
	columns(p, &c);
	if ((r = hm_at(h, h->list.old)))
		draw_name(p, 1 + (int)(h->list.old - h->list.top), r, false, &c);
	if ((r = hm_at(h, h->list.cursor)))
		draw_name(p, 1 + (int)(h->list.cursor - h->list.top), r, true, &c);
	return ACT_DONE | ACT_TABS;
}

static int
move_to(struct pane *p, long to)
{
	return moved(p, list_move_to(&((struct heatmap *)p->priv)->list, to, (size_t)page(p), view_id, p->priv));
}

/* t: mark the selected account (or unmark it) and go to the next row, so a
 * run of t marks a run of rows. */
static int
mark(struct pane *p)
{
	struct heatmap *h = p->priv;
	const struct hm_row *r = hm_at(h, h->list.cursor);
	struct columns c;

	if (!r || h->mode != HM_MATRIX)
		return ACT_DONE;
	marks_toggle(&h->marks, r->id);
	columns(p, &c);
	draw_name(p, 1 + (int)(h->list.cursor - h->list.top), r, true, &c);
	return move_to(p, (long)h->list.cursor + 1) | ACT_TABS;
}

static int
open_selected(struct pane *p)
{
	const struct hm_row *r = hm_at(p->priv, ((struct heatmap *)p->priv)->list.cursor);

	if (r)
		ui_open(p->ui, PANE_ACCOUNT, &(struct pane_arg){ .account_id = r->id });
	return ACT_DRAW;
}

/* e: the selected account's form, or one change for every marked account
 * (the marks are let go once it is written, as mutt's tag-prefix does). */
static int
edit(struct pane *p)
{
	struct heatmap *h = p->priv;
	const struct hm_row *r = hm_at(h, h->list.cursor);

	int64_t id;
	int act;

	if (h->marks.n) {
		if (!records_edit_accounts(p->ui, h->marks.ids, h->marks.n))
			return ACT_DRAW;
		act = hm_refresh_rows(p, h->marks.ids, h->marks.n);
		marks_clear(&h->marks);
		return ACT_WROTE | ACT_TABS | act;
	}
	if (!r)
		return ACT_DONE;
	id = r->id;
	if (!record_form_account(p->ui, id))
		return ACT_DRAW;
	return ACT_WROTE | ACT_TABS | hm_refresh_rows(p, &id, 1);
}

static int
request(struct pane *p, enum request req)
{
	struct heatmap *h = p->priv;
	enum list_change ch;

	if (h->mode == HM_TILES && req != REQ_MODE && req != REQ_SORT) {
		int act = hm_tiles_request(p, req);

		if (act != ACT_NONE)
			return act;
	}
	if (h->mode == HM_QUADRANT && req != REQ_MODE) {
		int act = hm_quadrant_request(p, req);

		if (act != ACT_NONE)
			return act;
	}
	ch = list_request(&h->list, req, (size_t)page(p), view_id, h);
	if (ch != LIST_NONE)
		return moved(p, ch);
	switch (req) {
	case REQ_ENTER: return open_selected(p);
	case REQ_MARK: return mark(p);
	case REQ_EDIT: return edit(p);
	case REQ_SORT:
		h->sort = (enum hm_sort)((h->sort + 1) % HM_SORTS_);
		if (h->loading)
			return ACT_RELOAD | ACT_TABS;   /* the first page is in health order only */
		hm_rebuild(p);
		list_center(&h->list, (size_t)page(p));
		return ACT_DRAW | ACT_TABS;
	case REQ_MODE: {
		const struct hm_row *cur = hm_at(h, h->list.cursor);

		/* The selected account stays selected in every mode, and the
		 * view is built again: tiles reorder it by group, the matrix
		 * wants it back in its sort order. */
		if (cur)
			h->list.cursor_id = cur->id;
		h->mode = (enum hm_mode)((h->mode + 1) % HM_MODES_);
		hm_rebuild(p);
		if (!list_visible(&h->list, h->list.cursor, (size_t)page(p)))
			list_center(&h->list, (size_t)page(p));
		return ACT_DRAW | ACT_TABS;
	}
	case REQ_VALUES:
		h->values = !h->values;
		return ACT_DRAW;
	case REQ_GROUP:
		h->by_segment = !h->by_segment;
		if (h->mode == HM_TILES)
			hm_tiles_layout(p);
		return ACT_DRAW | ACT_TABS;
	case REQ_BACK:
		if (h->marks.n) {
			/* Back first lets go of the marks, then of the rest. */
			marks_clear(&h->marks);
			ui_message(p->ui, TH_OK, "marks cleared");
			return ACT_DRAW | ACT_TABS;
		}
		if (h->quad_filter) {
			h->quad_filter = false;
			hm_rebuild(p);
			return ACT_DRAW | ACT_TABS;
		}
		return ACT_NONE;
	default:
		return ACT_NONE;
	}
}

static int
click(struct pane *p, int y, int x, bool twice)
{
	struct heatmap *h = p->priv;
	int act;

	if (h->mode == HM_TILES)
		return hm_tiles_click(p, y, x, twice);
	if (h->mode != HM_MATRIX || y < 1 || y > page(p))
		return ACT_NONE;
	act = move_to(p, (long)(h->list.top + (size_t)(y - 1)));
	return twice ? open_selected(p) : act;
}

static void
describe(struct pane *p, char *out, size_t size)
{
	struct heatmap *h = p->priv;
	static const char *const quads[] = { "healthy", "false-positive healthy", "poor experience", "at risk" };

	snprintf(out, size, "%s%s%s, by %s, %zu/%zu%s%s", mode_names[h->mode],
		 h->mode == HM_TILES ? (h->by_segment ? " by segment" : " by CSM") : "",
		 h->values && h->mode == HM_MATRIX ? " values" : "", sort_names[h->sort],
		 h->list.n ? h->list.cursor + 1 : 0, h->list.n, h->quad_filter ? ", " : "",
		 h->quad_filter ? quads[h->quadrant] : "");
	if (h->marks.n) {
		size_t len = strlen(out);

		snprintf(out + len, size - len, ", %zu marked", h->marks.n);
	}
	if (h->loading) {
		size_t len = strlen(out);

		snprintf(out + len, size - len, " (loading, %d%%)",
			 h->total ? (int)(100 * h->last_id / h->total) : 0);
	}
}

static void
done(struct pane *p)
{
	struct heatmap *h = p->priv;

	hm_clear_rows(h);
	free(h->view);
	free(h->lines);
	marks_done(&h->marks);
}

static const enum request hint_list[] = { REQ_SORT, REQ_MODE, REQ_ENTER, REQ_EDIT, REQ_NONE };

const struct pane_ops heatmap_ops = {
	.title = "Heatmap",
	.private_size = sizeof(struct heatmap),
	.load = hm_load,
	.accounts_changed = hm_refresh_rows,
	.more = hm_more,
	.load_more = hm_load_more,
	.draw = draw,
	.request = request,
	.hints = hint_list,
	.click = click,
	.describe = describe,
	.refilter = refilter,
	.count = count_rows,
	.done = done,
};
