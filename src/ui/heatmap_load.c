/*
 * heatmap_load.c -- the heatmap's rows: read from the book (a big book's
 * worst accounts first, then the rest in chunks between keystrokes), made
 * safe for the terminal once, and brought up to date after an edit by
 * reading back only the accounts it changed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/portfolio.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/heatmap.h"

#define HM_CHUNK 5000          /* accounts loaded between two keystrokes */
#define HM_TWO_STEP 5000       /* books bigger than this open on a first page */

struct loader {
	struct pane *p;
	struct pool *pool;
	struct hm_row **rows;
	size_t *n, *cap;
};

/* The model's own copy of a known name; anything else is copied. */
static const char *
shared_name(const char *const *names, const char *s, struct pool *pool)
{
	int i = s ? names_lookup(names, s) : -1;

	return i >= 0 ? names[i] : pool_strdup(pool, s);
}

/* Owners repeat across the book: keep each one's cleaned name once. */
static const char *
shared_owner(struct loader *l, const char *owner)
{
	struct heatmap *h = l->p->priv;
	char *clean;
	const char *kept;

	for (size_t i = 0; i < h->nowners; i++)
		if (!strcmp(h->owners[i], owner))
			return h->owners[i];
	clean = ui_clean(l->p->ui, owner);
	kept = pool_strdup(&h->pool, clean);
	free(clean);
	if (strcmp(kept, owner))
		return kept;   /* cleaned: it can never match the raw name again */
	if (h->nowners < HM_OWNERS_SHARED)
		h->owners[h->nowners++] = kept;
	return kept;
}

static int
add_row(void *ctx, const struct portfolio_row *r)
{
	struct loader *l = ctx;
	struct ui *ui = l->p->ui;
	struct hm_row *h;
	char *clean;

	if (*l->n == *l->cap) {
		*l->cap = *l->cap ? *l->cap * 2 : 1024;
		*l->rows = xreallocarray(*l->rows, *l->cap, sizeof(**l->rows));
	}
	h = &(*l->rows)[(*l->n)++];
	memset(h, 0, sizeof(*h));
	h->id = r->id;
	/* Text from the book is made safe once, here; drawing never sees raw data. */
	clean = ui_clean(ui, r->name);
	h->name = pool_strdup(l->pool, clean);
	free(clean);
	h->pooled = !r->owner;
	h->owner = shared_owner(l, r->owner ? r->owner : "pooled");   /* what the tiles show */
	h->segment = shared_name(segment_names, r->segment, l->pool);
	h->stage = shared_name(stage_names, r->stage, l->pool);
	h->renewal = pool_strdup(l->pool, r->renewal_due);
	clean = r->tags ? ui_clean(ui, r->tags) : NULL;
	h->tags = pool_strdup(l->pool, clean);
	free(clean);
	h->vals = pool_strdup(l->pool, r->vals);
	draw_spark_levels_of(r->trend, r->scale ? r->scale : 3, h->spark, sizeof(h->spark));
	h->arr_cents = r->arr_cents;
	h->renewal_days = r->renewal_days;
	h->scored = r->scored;
	h->score_known = r->score_known;
	h->score = (float)r->score;
	h->band = (signed char)(r->band ? names_lookup(band_names, r->band) : -1);
	h->computed_band = (signed char)(r->computed_band ? names_lookup(band_names, r->computed_band) : -1);
	h->scale = (unsigned char)r->scale;
	h->outcomes_known = r->outcomes_known;
	h->outcomes = (float)r->outcomes;
	h->experience_known = r->experience_known;
	h->experience = (float)r->experience;
	h->false_positive = r->false_positive;
	h->overridden = r->overridden;
	snprintf(h->ratings, sizeof(h->ratings), "%s", r->ratings ? r->ratings : "");
	return 0;
}



void
hm_clear_rows(struct heatmap *h)
{
	pool_done(&h->pool);
	pool_done(&h->first_pool);
	free(h->rows);
	free(h->first);
	h->rows = h->first = NULL;
	h->n = h->cap = h->nfirst = h->nowners = 0;
}

enum status
hm_load(struct pane *p, struct err *e)
{
	struct heatmap *h = p->priv;
	struct store *s = p->ui->store;
	int32_t day = store_clock(s)->today;
	size_t cap = 0;

	hm_clear_rows(h);
	pool_init(&h->pool);
	pool_init(&h->first_pool);
	h->sc = p->ui->scorecards.n ? p->ui->scorecards.sc[0] : NULL;
	h->last_id = 0;
	if (store_portfolio_last_id(s, &h->total, e))
		return e->status;
	if (h->total > HM_TWO_STEP && h->sort == HM_BY_HEALTH) {
		/* A big book: show the worst accounts at once, read the rest
		 * between keystrokes. */
		struct loader l = { p, &h->first_pool, &h->first, &h->nfirst, &cap };

		if (store_portfolio_first(s, day, p->h > 0 ? p->h * 2 : 64, add_row, &l, e))
			return e->status;
		h->loading = true;
	} else {
		struct loader l = { p, &h->pool, &h->rows, &h->n, &h->cap };

		if (store_portfolio_chunk(s, day, 0, 0, add_row, &l, e))
			return e->status;
		h->loading = false;
	}
	hm_rebuild(p);
	return ST_OK;
}

/* Accounts a change wrote to, read again into the rows in memory (the
 * book's and the first page's) and the view rebuilt: an edit costs a
 * query per account, not a reload of the book.  Above HM_REFRESH_MAX
 * accounts the pane loads again instead. */
#define HM_REFRESH_MAX 256

struct row_refresh {
	struct loader l;
	struct hm_row row;
	bool found;
};

static int
refresh_row(void *ctx, const struct portfolio_row *r)
{
	struct row_refresh *f = ctx;
	struct hm_row *tmp = NULL;
	size_t n = 0, cap = 0;
	struct loader l = { f->l.p, f->l.pool, &tmp, &n, &cap };

	add_row(&l, r);
	f->row = tmp[0];
	f->found = true;
	free(tmp);
	return 1;
}

/* Where the row was (n: nowhere). */
static size_t
replace_row(struct hm_row *rows, size_t n, const struct hm_row *row)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == row->id) {
			rows[i] = *row;
			return i;
		}
	return n;
}

int
hm_refresh_rows(struct pane *p, const int64_t *ids, size_t n)
{
	struct heatmap *h = p->priv;
	struct store *s = p->ui->store;
	struct err e = { ST_OK, "" };

	size_t at[HM_REFRESH_MAX];

	if (n > HM_REFRESH_MAX)
		return ACT_RELOAD;
	for (size_t i = 0; i < n; i++) {
		struct row_refresh f = { { p, &h->pool, NULL, NULL, NULL }, { 0 }, false };

		if (store_portfolio_chunk(s, store_clock(s)->today, ids[i] - 1, 1, refresh_row, &f, &e))
			return ACT_RELOAD;
		if (!f.found || f.row.id != ids[i])
			return ACT_RELOAD;   /* gone (merged, deleted): the book again */
		at[i] = replace_row(h->rows, h->n, &f.row);
		replace_row(h->first, h->nfirst, &f.row);
	}
	/* Loaded whole: the rows move to their places; else the view again. */
	hm_reposition(p, at, n);
	return ACT_DRAW;
}

bool
hm_more(struct pane *p)
{
	return ((struct heatmap *)p->priv)->loading;
}

static int
note_last(void *ctx, const struct portfolio_row *r)
{
	struct loader *l = ctx;

	((struct heatmap *)l->p->priv)->last_id = r->id;
	return add_row(ctx, r);
}

enum status
hm_load_more(struct pane *p, struct err *e)
{
	struct heatmap *h = p->priv;
	struct loader l = { p, &h->pool, &h->rows, &h->n, &h->cap };
	size_t before = h->n;

	if (store_portfolio_chunk(p->ui->store, store_clock(p->ui->store)->today, h->last_id, HM_CHUNK,
				  note_last, &l, e))
		return e->status;
	if (h->n - before < HM_CHUNK) {
		/* Everything is in: switch from the first page to the book. */
		const struct hm_row *cur = hm_at(h, h->list.cursor);

		if (cur && !h->list.cursor_id)
			h->list.cursor_id = cur->id;
		h->loading = false;
		pool_done(&h->first_pool);
		free(h->first);
		h->first = NULL;
		h->nfirst = 0;
		hm_rebuild(p);
	}
	return ST_OK;
}
