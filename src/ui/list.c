/*
 * list.c -- cursor, scrolling and paging over a pane's rows (see list.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "ui/list.h"

static size_t
last_top(const struct list *l, size_t page)
{
	return l->n > page ? l->n - page : 0;
}

void
list_show_cursor(struct list *l, size_t page)
{
	if (!page)
		page = 1;
	if (l->cursor < l->top)
		l->top = l->cursor;
	else if (l->cursor >= l->top + page)
		l->top = l->cursor - page + 1;
	/* No empty rows below the last one while rows above are hidden. */
	if (l->top > last_top(l, page))
		l->top = last_top(l, page);
}

void
list_center(struct list *l, size_t page)
{
	l->top = l->cursor > page / 2 ? l->cursor - page / 2 : 0;
	list_show_cursor(l, page);
}

int
list_visible(const struct list *l, size_t i, size_t page)
{
	return i >= l->top && i < l->top + page;
}

enum list_change
list_move_to(struct list *l, long to, size_t page, list_id_fn id_at, const void *ctx)
{
	size_t top = l->top;

	l->old = l->cursor;
	if (!l->n)
		return LIST_SAME;
	if (to < 0)
		to = 0;
	if ((size_t)to >= l->n)
		to = (long)l->n - 1;
	l->cursor = (size_t)to;
	if (id_at)
		l->cursor_id = id_at(ctx, l->cursor);
	if (!page)
		page = 1;
	if (l->cursor < l->top || l->cursor >= l->top + page) {
		l->top = l->cursor < l->top ? l->cursor : l->cursor - page + 1;
		return LIST_SCROLLED;
	}
	if (l->top != top)
		return LIST_SCROLLED;
	return l->cursor == l->old ? LIST_SAME : LIST_MOVED;
}

/* A page turns the view; the cursor keeps its row on the screen. */
static enum list_change
page_by(struct list *l, long dir, size_t page, list_id_fn id_at, const void *ctx)
{
	long n = page ? (long)page : 1, last = (long)last_top(l, (size_t)n);
	long top = (long)l->top + dir * n;
	size_t old = l->cursor;

	top = top < 0 ? 0 : top > last ? last : top;
	if (top == (long)l->top)
		return list_move_to(l, dir > 0 ? (long)l->n - 1 : 0, (size_t)n, id_at, ctx);
	l->top = (size_t)top;
	list_move_to(l, (long)l->cursor + dir * n, (size_t)n, id_at, ctx);
	l->old = old;
	return LIST_SCROLLED;
}

enum list_change
list_request(struct list *l, enum request r, size_t page, list_id_fn id_at, const void *ctx)
{
	switch (r) {
	case REQ_MOVE_DOWN: return list_move_to(l, (long)l->cursor + 1, page, id_at, ctx);
	case REQ_MOVE_UP: return list_move_to(l, (long)l->cursor - 1, page, id_at, ctx);
	case REQ_PAGE_DOWN: return page_by(l, 1, page, id_at, ctx);
	case REQ_PAGE_UP: return page_by(l, -1, page, id_at, ctx);
	case REQ_MOVE_FIRST: return list_move_to(l, 0, page, id_at, ctx);
	case REQ_MOVE_LAST: return list_move_to(l, (long)l->n - 1, page, id_at, ctx);
	default: return LIST_NONE;
	}
}

void
list_reload(struct list *l, size_t n, size_t page, list_id_fn id_at, const void *ctx)
{
	bool found = false;

	l->n = n;
	for (size_t i = 0; id_at && l->cursor_id && i < n && !found; i++)
		if (id_at(ctx, i) == l->cursor_id) {
			l->cursor = i;
			found = true;
		}
	if (!found && l->sticky)
		l->cursor = 0;
	if (l->cursor >= n)
		l->cursor = n ? n - 1 : 0;
	l->old = l->cursor;
	if (id_at && !found && !l->sticky)
		l->cursor_id = n ? id_at(ctx, l->cursor) : 0;
	list_show_cursor(l, page);
}

/* -- marks ------------------------------------------------------------------ */

/* Where id is in the sorted marks, or where it would go. */
static size_t
marks_find(const struct list_marks *m, int64_t id, bool *found)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (m->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < m->n && m->ids[lo] == id;
	return lo;
}

bool
marks_has(const struct list_marks *m, int64_t id)
{
	bool found;

	marks_find(m, id, &found);
	return found;
}

bool
marks_toggle(struct list_marks *m, int64_t id)
{
	bool found;
	size_t i = marks_find(m, id, &found);

	if (found) {
		memmove(m->ids + i, m->ids + i + 1, (m->n - i - 1) * sizeof(*m->ids));
		m->n--;
		return false;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->ids = xreallocarray(m->ids, m->cap, sizeof(*m->ids));
	}
	memmove(m->ids + i + 1, m->ids + i, (m->n - i) * sizeof(*m->ids));
	m->ids[i] = id;
	m->n++;
	return true;
}

void
marks_clear(struct list_marks *m)
{
	m->n = 0;
}

void
marks_done(struct list_marks *m)
{
	free(m->ids);
	memset(m, 0, sizeof(*m));
}
