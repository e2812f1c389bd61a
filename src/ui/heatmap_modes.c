/*
 * heatmap_modes.c -- the heatmap's tiles and quadrant modes.
 *
 * Tiles: the whole book as coloured tiles grouped by CSM (or segment), one
 * tile per account, its width the ARR tier and its colour the band, with
 * the band's letter inside so it reads in monochrome too: a lead sees where
 * the red ARR sits at a glance.
 *
 * Quadrant: outcomes against experience (doc/model.md section 3), split where
 * the scorecard's false-positive rule splits them; the corner of good
 * experience and poor outcomes is marked.  Enter lists a quadrant's
 * accounts in the matrix.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "ui/draw.h"
#include "ui/heatmap.h"

/* -- tiles -------------------------------------------------------------------------- */

/* Width of a tile by ARR tier: <$10k, <$50k, <$200k, more. */
static int
tile_width(const struct hm_row *r)
{
	int64_t arr = r->arr_cents / 100;

	return arr < 10000 ? 1 : arr < 50000 ? 2 : arr < 200000 ? 3 : 4;
}

static const char *
group_of(const struct heatmap *h, const struct hm_row *r)
{
	return h->by_segment ? r->segment : r->owner;
}

static int
cmp_group(const void *pa, const void *pb, void *arg)
{
	const struct heatmap *h = arg;
	size_t n;
	const struct hm_row *rows = hm_rows(h, &n);
	const struct hm_row *a = &rows[*(const size_t *)pa], *b = &rows[*(const size_t *)pb];
	int c = strcmp(group_of(h, a), group_of(h, b));

	/* Within a group: the worst first, then the biggest. */
	if (!c)
		c = (a->band > b->band) - (a->band < b->band);
	if (!c)
		c = (a->arr_cents < b->arr_cents) - (a->arr_cents > b->arr_cents);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static void
add_line(struct heatmap *h, size_t first, size_t count, size_t group)
{
	if (h->nlines == h->lcap) {
		h->lcap = h->lcap ? h->lcap * 2 : 256;
		h->lines = xreallocarray(h->lines, h->lcap, sizeof(*h->lines));
	}
	h->lines[h->nlines++] = (struct hm_line){ first, count, group };
}

void
hm_tiles_layout(struct pane *p)
{
	struct heatmap *h = p->priv;
	int64_t cursor_id = h->list.cursor_id;
	size_t n;
	const struct hm_row *rows = hm_rows(h, &n);

	/* Tiles are ordered by group; the view is reordered to match. */
	qsort_r(h->view, h->list.n, sizeof(size_t), cmp_group, h);
	for (size_t i = 0; i < h->list.n; i++)
		if (rows[h->view[i]].id == cursor_id)
			h->list.cursor = i;
	h->nlines = 0;
	for (size_t i = 0; i < h->list.n;) {
		const char *g = group_of(h, &rows[h->view[i]]);
		size_t start = i;
		int x = 0;

		add_line(h, i, 0, start);
		while (i < h->list.n && !strcmp(g, group_of(h, &rows[h->view[i]]))) {
			int w = tile_width(&rows[h->view[i]]) + 1;

			if (x + w > p->w - 2 && x > 0) {
				add_line(h, i, 0, start);
				h->lines[h->nlines - 1].count = 0;
				h->nlines--;
				x = 0;
			}
			if (x == 0)
				add_line(h, i, 0, start);
			h->lines[h->nlines - 1].count++;
			x += w;
			i++;
		}
	}
}

static size_t
line_of(const struct heatmap *h, size_t cursor)
{
	for (size_t l = 0; l < h->nlines; l++)
		if (h->lines[l].count && cursor >= h->lines[l].first &&
		    cursor < h->lines[l].first + h->lines[l].count)
			return l;
	return 0;
}

static void
group_title(struct pane *p, int y, const struct hm_line *line)
{
	struct heatmap *h = p->priv;
	const struct hm_row *first = hm_at(h, line->group);
	int64_t arr = 0, red_arr = 0;
	long count = 0, red = 0;
	char text[256], m1[MONEY_STRLEN], m2[MONEY_STRLEN];

	for (size_t i = line->group; i < h->list.n; i++) {
		const struct hm_row *r = hm_at(h, i);

		if (strcmp(group_of(h, r), group_of(h, first)))
			break;
		count++;
		arr += r->arr_cents;
		if (r->band == BAND_RED || r->band == BAND_ORANGE) {
			red++;
			red_arr += r->arr_cents;
		}
	}
	snprintf(text, sizeof(text), "%s: %ld account%s, %s ARR; %ld red, %s of it", group_of(h, first), count,
		 count == 1 ? "" : "s", money_format_grouped(arr, true, m1), red,
		 money_format_grouped(red_arr, true, m2));
	draw_text(p->ui, p->win, y, 0, text, p->w, false, ui_attr(p->ui, TH_TITLE));
}

void
hm_tiles_draw(struct pane *p)
{
	struct heatmap *h = p->priv;
	size_t cl = line_of(h, h->list.cursor);
	int rows = p->h - 2;
	const struct hm_row *cur;

	if (cl < h->ltop)
		h->ltop = cl;
	if (cl >= h->ltop + (size_t)rows)
		h->ltop = cl - (size_t)rows + 1;
	for (size_t l = h->ltop; l < h->nlines && l < h->ltop + (size_t)rows; l++) {
		const struct hm_line *line = &h->lines[l];
		int y = (int)(l - h->ltop), x = 1;

		if (!line->count) {
			group_title(p, y, line);
			continue;
		}
		for (size_t i = line->first; i < line->first + line->count; i++) {
			const struct hm_row *r = hm_at(h, i);
			int w = tile_width(r), attr = ui_attr(p->ui, band_role(r->band >= 0 ? band_names[r->band] : NULL));
			char tile[8];

			memset(tile, ' ', sizeof(tile));
			tile[0] = band_letter(r->band >= 0 ? band_names[r->band] : NULL);
			if (r->overridden && w > 1)
				tile[1] = '*';
			tile[w] = '\0';
			if (i == h->list.cursor)
				attr = ui_attr(p->ui, TH_CURSOR);
			draw_text(p->ui, p->win, y, x, tile, w, false, attr);
			x += w + 1;
		}
	}
	cur = hm_at(h, h->list.cursor);
	if (cur) {
		char text[256], m[MONEY_STRLEN];

		snprintf(text, sizeof(text), "%s %s: %s%s, %s ARR, %s  (tile width: ARR tier; Enter opens; b groups by %s)",
			 draw_glyph_cursor(p->ui), cur->name, cur->band >= 0 ? band_names[cur->band] : "not scored",
			 cur->overridden ? " by override" : "", money_format_grouped(cur->arr_cents, true, m),
			 cur->owner, h->by_segment ? "CSM" : "segment");
		draw_text(p->ui, p->win, p->h - 1, 0, text, p->w, false, ui_attr(p->ui, TH_DIM));
	} else {
		draw_text(p->ui, p->win, 1, 2, "No account matches the search and filters.", p->w - 4, false,
			  ui_attr(p->ui, TH_DIM));
	}
}

int
hm_tiles_request(struct pane *p, enum request r)
{
	struct heatmap *h = p->priv;
	size_t l;

	if (!h->list.n)
		return r == REQ_ENTER ? ACT_DONE : ACT_NONE;
	l = line_of(h, h->list.cursor);
	switch (r) {
	case REQ_MOVE_RIGHT:
		if (h->list.cursor + 1 < h->list.n)
			h->list.cursor++;
		break;
	case REQ_MOVE_LEFT:
		if (h->list.cursor > 0)
			h->list.cursor--;
		break;
	case REQ_MOVE_DOWN:
	case REQ_MOVE_UP: {
		/* The tile in the next (previous) run at about the same place. */
		size_t pos = h->list.cursor - h->lines[l].first, k = l;

		do
			k = r == REQ_MOVE_DOWN ? k + 1 : k - 1;
		while (k < h->nlines && k != (size_t)-1 && !h->lines[k].count);
		if (k >= h->nlines || k == (size_t)-1)
			return ACT_DONE;
		h->list.cursor = h->lines[k].first + (pos < h->lines[k].count ? pos : h->lines[k].count - 1);
		break;
	}
	case REQ_MOVE_FIRST:
		h->list.cursor = 0;
		break;
	case REQ_MOVE_LAST:
		h->list.cursor = h->list.n - 1;
		break;
	case REQ_ENTER: {
		const struct hm_row *row = hm_at(h, h->list.cursor);

		ui_open(p->ui, PANE_ACCOUNT, &(struct pane_arg){ .account_id = row->id });
		return ACT_DRAW;
	}
	default:
		return ACT_NONE;
	}
	h->list.cursor_id = hm_at(h, h->list.cursor)->id;
	return ACT_DRAW | ACT_TABS;
}

int
hm_tiles_click(struct pane *p, int y, int x, bool twice)
{
	struct heatmap *h = p->priv;
	size_t l = h->ltop + (size_t)y;
	int left = 1;

	/* The tiles as hm_tiles_draw laid them out: from x 1, a blank apart. */
	if (y < 0 || y >= p->h - 2 || l >= h->nlines || !h->lines[l].count)
		return ACT_NONE;
	for (size_t i = h->lines[l].first; i < h->lines[l].first + h->lines[l].count; i++) {
		int w = tile_width(hm_at(h, i));

		if (x >= left && x < left + w) {
			h->list.cursor = i;
			h->list.cursor_id = hm_at(h, i)->id;
			if (twice) {
				ui_open(p->ui, PANE_ACCOUNT, &(struct pane_arg){ .account_id = h->list.cursor_id });
				return ACT_DRAW;
			}
			return ACT_DRAW | ACT_TABS;
		}
		left += w + 1;
	}
	return ACT_NONE;
}

/* -- quadrant ----------------------------------------------------------------------- */

static const char *const quad_title[4] = {
	"HEALTHY: good outcomes, good experience",
	"FALSE-POSITIVE HEALTHY: good experience, poor outcomes",
	"POOR EXPERIENCE: good outcomes",
	"AT RISK: poor outcomes, poor experience",
};

void
hm_quadrant_draw(struct pane *p)
{
	struct heatmap *h = p->priv;
	long count[4] = { 0 }, unscored = 0;
	int64_t arr[4] = { 0 }, total = 0;
	size_t n;
	const struct hm_row *rows = hm_rows(h, &n);
	int half = (p->w - 3) / 2, boxh = (p->h - 4) / 2;

	/* Counted over the filtered book, ignoring a quadrant filter. */
	for (size_t i = 0; i < n; i++) {
		int q = hm_quadrant(h, &rows[i]);

		if (q < 0) {
			unscored++;
			continue;
		}
		count[q]++;
		arr[q] += rows[i].arr_cents;
		total += rows[i].arr_cents;
	}
	draw_text(p->ui, p->win, 0, 0, "EXPERIENCE good (top) / poor (bottom)   x   OUTCOMES poor (left) / good (right)",
		  p->w, false, ui_attr(p->ui, TH_TITLE));
	for (int q = 0; q < 4; q++) {
		/* Layout: poor outcomes on the left, good experience on top. */
		static const int col[4] = { 1, 0, 1, 0 }, row[4] = { 0, 0, 1, 1 };
		int x = col[q] * (half + 2), y = 1 + row[q] * (boxh + 1);
		enum theme_role role = q == 1 ? TH_FALSE_POSITIVE : q == 0 ? TH_BAND_GREEN : q == 3 ? TH_BAND_RED
										    : TH_BAND_YELLOW;
		char text[160], m[MONEY_STRLEN];
		int attr = ui_attr(p->ui, h->quadrant == q ? TH_CURSOR : role);

		draw_text(p->ui, p->win, y, x, quad_title[q], half, false, attr);
		snprintf(text, sizeof(text), "  %ld accounts", count[q]);
		draw_text(p->ui, p->win, y + 1, x, text, half, false, ui_attr(p->ui, TH_NORMAL));
		snprintf(text, sizeof(text), "  %s ARR (%.0f%% of the book)", money_format_grouped(arr[q], true, m),
			 total ? 100.0 * (double)arr[q] / (double)total : 0.0);
		draw_text(p->ui, p->win, y + 2, x, text, half, false, ui_attr(p->ui, TH_NORMAL));
		if (q == 1)
			draw_text(p->ui, p->win, y + 3, x, "  ! the most dangerous corner: they like you, but get no value",
				  half, false, ui_attr(p->ui, TH_WARNING));
		if (h->quadrant == q)
			draw_text(p->ui, p->win, y + boxh - 1, x, "  Enter lists these accounts", half, false,
				  ui_attr(p->ui, TH_DIM));
	}
	{
		char text[128];

		snprintf(text, sizeof(text), "%ld accounts without both group scores are not placed.  Arrows choose a corner.",
			 unscored);
		draw_text(p->ui, p->win, p->h - 1, 0, text, p->w, false, ui_attr(p->ui, TH_DIM));
	}
}

int
hm_quadrant_request(struct pane *p, enum request r)
{
	struct heatmap *h = p->priv;

	switch (r) {
	case REQ_MOVE_LEFT:
	case REQ_MOVE_RIGHT:
		h->quadrant ^= 1;
		return ACT_DRAW;
	case REQ_MOVE_UP:
	case REQ_MOVE_DOWN:
		h->quadrant ^= 2;
		return ACT_DRAW;
	case REQ_ENTER:
		/* The matrix, narrowed to this corner. */
		h->quad_filter = true;
		h->mode = HM_MATRIX;
		p->ops->refilter(p);
		return ACT_DRAW | ACT_TABS;
	default:
		return ACT_NONE;
	}
}
