/*
 * heatmap.h -- the heatmap pane's data, shared by its modules:
 * pane_heatmap.c (loading, filtering, sorting, the matrix, keys) and
 * heatmap_modes.c (tiles and the outcomes/experience quadrant).
 */
#ifndef TEND_HEATMAP_H
#define TEND_HEATMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/pool.h"
#include "ui/list.h"
#include "ui/ui.h"

#define HM_MAX_MEASURES 16
#define HM_SPARK_POINTS 12     /* HEALTH_TREND_POINTS */
#define HM_OWNERS_SHARED 256   /* distinct owners shared before copying per row */

/* One account in memory: a 100k book must fit in a few tens of MB, so
 * names the book repeats (owner, segment, stage) are shared, and the trend
 * is kept as sparkline levels, not text. */
struct hm_row {
	int64_t id;
	const char *name, *owner, *segment, *stage, *renewal, *tags, *vals;
	char spark[HM_SPARK_POINTS + 1];  /* draw_spark_levels() levels, oldest first */
	int64_t arr_cents, renewal_days;
	bool scored, score_known, outcomes_known, experience_known, false_positive;
	bool pooled;             /* no owner (owner then reads "pooled") */
	bool overridden;         /* band is a CSM's override, marked '*' */
	float score, outcomes, experience;
	signed char band, computed_band;  /* index in band_names, -1 when not scored; band:
					     the band in force */
	unsigned char scale;
	char ratings[HM_MAX_MEASURES + 1];
};

enum hm_mode { HM_MATRIX, HM_TILES, HM_QUADRANT, HM_MODES_ };
enum hm_sort { HM_BY_HEALTH, HM_BY_NAME, HM_BY_ARR, HM_BY_RENEWAL, HM_BY_OWNER, HM_SORTS_ };

/* One line of the tile layout: a group title or a run of tiles. */
struct hm_line {
	size_t first, count;     /* view indices of its tiles; count 0: a group title */
	size_t group;            /* index of the group's first view entry */
};

struct heatmap {
	struct pool pool;        /* strings of rows */
	const char *owners[HM_OWNERS_SHARED];  /* each owner's name once, in pool */
	size_t nowners;
	struct hm_row *rows;
	size_t n, cap;
	struct pool first_pool;  /* the first page, shown while the rest loads */
	struct hm_row *first;
	size_t nfirst;
	bool loading;            /* the whole book is still coming in */
	int64_t last_id, total;        /* loading: the last id read, the book's last id */
	size_t *view;            /* indices of rows passing the filters, sorted */
	struct list list;        /* cursor and page over view (list.n entries);
				    cursor_id keeps the account across reloads */
	struct list_marks marks; /* accounts marked with t, for one action on all */
	enum hm_mode mode;
	enum hm_sort sort;
	bool values;             /* cells show values instead of ratings */
	bool by_segment;         /* tiles grouped by segment instead of CSM */
	int quadrant;            /* selected quadrant; the filter when quad_filter */
	bool quad_filter;
	const struct scorecard *sc;   /* its measures are the matrix columns */
	struct hm_line *lines;   /* tile layout */
	size_t nlines, lcap, ltop;
};

/* Rows on screen now (the first page while loading). */
const struct hm_row *hm_rows(const struct heatmap *h, size_t *n);
/* The view again from the rows: filters, sort, cursor (pane_heatmap.c). */
void hm_rebuild(struct pane *p);
/* The view again after rows idx[0..k) (of hm_rows) changed in place: they
 * move to their places, the rest stays as it was (pane_heatmap.c). */
void hm_reposition(struct pane *p, const size_t *idx, size_t k);

/* Loading (heatmap_load.c): the pane's load, more and load_more. */
enum status hm_load(struct pane *p, struct err *e);
bool hm_more(struct pane *p);
enum status hm_load_more(struct pane *p, struct err *e);
void hm_clear_rows(struct heatmap *h);
/* Accounts ids[0..n) changed: read them back into the rows; ACT_DRAW, or
 * ACT_RELOAD when there are too many or one is gone. */
int hm_refresh_rows(struct pane *p, const int64_t *ids, size_t n);
/* The row of view position i. */
const struct hm_row *hm_at(const struct heatmap *h, size_t i);
/* Quadrant of a row: 0 good outcomes and experience, 1 poor outcomes but
 * good experience (false-positive healthy), 2 good outcomes, poor
 * experience, 3 both poor; -1 when not scored. */
int hm_quadrant(const struct heatmap *h, const struct hm_row *r);

/* heatmap_modes.c */
void hm_tiles_layout(struct pane *p);
void hm_tiles_draw(struct pane *p);
int hm_tiles_request(struct pane *p, enum request r);
/* A click at y, x of the pane: selects the tile there (twice: opens it). */
int hm_tiles_click(struct pane *p, int y, int x, bool twice);
void hm_quadrant_draw(struct pane *p);
int hm_quadrant_request(struct pane *p, enum request r);

#endif
