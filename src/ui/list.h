/*
 * list.h -- the one cursor-and-paging implementation every pane's rows use
 * (tig's move_view/scroll_view).
 *
 * A list is a count of rows, the selected row (cursor), the first row on
 * the screen (top) and the selected row's id, which keeps the selection on
 * the same record when the rows are loaded again.  It knows nothing of
 * drawing: each movement says what changed, so a pane can rewrite only the
 * two rows a cursor move touches (what keeps a keystroke to a hundred-odd
 * bytes over SSH) or redraw the page when it scrolled.
 *
 * Paging follows less and htop: a page turns the whole view and the cursor
 * keeps its row on the screen; at either end the cursor goes the rest of
 * the way.
 */
#ifndef TEND_LIST_H
#define TEND_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/req.h"

struct list {
	size_t n;               /* rows in the list */
	size_t cursor;          /* the selected row, < n (0 when empty) */
	size_t top;             /* the first row shown */
	size_t old;             /* the cursor before the last movement */
	int64_t cursor_id;      /* the selected row's id, 0: none (see list_reload) */
	bool sticky;            /* a reload that loses the selected row goes to
				   the first row and remembers cursor_id, so the
				   row is selected again when it comes back (a
				   search narrowed, then cleared) */
};

/* Marked rows, by id (mutt's tagged messages): the rows one action is
 * then applied to together.  Ids, so marks survive a reload, a sort and a
 * filter that hides them for a while. */
struct list_marks {
	int64_t *ids;           /* sorted */
	size_t n, cap;
};

/* Mark id, or unmark it when it is marked; returns whether it is marked now. */
bool marks_toggle(struct list_marks *m, int64_t id);
bool marks_has(const struct list_marks *m, int64_t id);
void marks_clear(struct list_marks *m);
void marks_done(struct list_marks *m);

/* What a movement changed. */
enum list_change {
	LIST_NONE,              /* not a movement request */
	LIST_SAME,              /* nothing moved (an empty list, or already there) */
	LIST_MOVED,             /* the cursor moved on the same page: redraw old and cursor */
	LIST_SCROLLED,          /* the page scrolled: redraw it */
};

/* The id of row i, for keeping the selection across loads. */
typedef int64_t (*list_id_fn)(const void *ctx, size_t i);

/* Move, page or jump for a movement request (move_down/up, page_down/up,
 * move_first/last) with `page` rows visible; LIST_NONE for other requests.
 * id_at (may be NULL) keeps cursor_id on the selected row. */
enum list_change list_request(struct list *l, enum request r, size_t page, list_id_fn id_at,
			      const void *ctx);
/* Select row `to` (clamped to the list), scrolling as little as needed. */
enum list_change list_move_to(struct list *l, long to, size_t page, list_id_fn id_at, const void *ctx);
/* The rows changed: there are n now.  With id_at, the cursor goes to the
 * row whose id is cursor_id; when that row is gone (done, filtered out) it
 * keeps its place, which is now the next row (or, for a sticky list, goes
 * to the first row).  Then the page is kept where it was as far as the
 * cursor allows. */
void list_reload(struct list *l, size_t n, size_t page, list_id_fn id_at, const void *ctx);
/* Keep the cursor on a page of `page` rows (after a resize, or a jump). */
void list_show_cursor(struct list *l, size_t page);
/* Center the cursor on the page (after a sort moved it far). */
void list_center(struct list *l, size_t page);
/* Is row i on the page? */
int list_visible(const struct list *l, size_t i, size_t page);

#endif
