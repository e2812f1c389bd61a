/*
 * tui.c -- the interim full-screen portfolio list.
 *
 * Layout: a header line (book, user and role, date), the account list, and a
 * status line.  Rows are loaded once into a pool and only the visible window
 * is drawn; a cursor move repaints two lines, so curses sends a few bytes.
 * Resizes arrive as KEY_RESIZE (no curses calls in signal handlers).
 */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli/output.h"
#include "core/money.h"
#include "core/pool.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "ui/tui.h"

#define TUI_MIN_COLS 80   /* the smallest screen the layout is designed for */
#define TUI_MIN_LINES 24

struct tui_row {
	const char *name, *owner, *segment, *stage, *renewal;
	int64_t arr_cents, days;
};

struct tui {
	struct store *s;
	const struct tui_opts *o;
	struct pool pool;
	struct tui_row *rows;
	long n, cap;
	long cursor, top;
	bool unicode;
	char role[32];
	struct buf line;
	struct buf clean;
};

static int
collect(void *ctx, const struct account_row *a)
{
	struct tui *t = ctx;
	struct tui_row *r;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->rows = xreallocarray(t->rows, (size_t)t->cap, sizeof(*t->rows));
	}
	r = &t->rows[t->n++];
	/* Sanitized once at load: drawing never sees raw data. */
	r->name = pool_strdup(&t->pool, text_clean(&t->clean, a->name));
	r->owner = pool_strdup(&t->pool, text_clean(&t->clean, a->owner ? a->owner : "pooled"));
	r->segment = pool_strdup(&t->pool, a->segment);
	r->stage = pool_strdup(&t->pool, a->stage);
	r->renewal = pool_strdup(&t->pool, a->renewal_due);
	r->arr_cents = a->arr_cents;
	r->days = a->renewal_days;
	return 0;
}

static int
user_role(void *ctx, const struct user_row *u)
{
	snprintf(ctx, 32, "%s", u->role);
	return 0;
}

static enum status
load(struct tui *t, struct err *e)
{
	struct account_filter f = { .renewing_within = -1, .sort = "name" };
	bool found;

	pool_done(&t->pool);
	t->n = 0;
	if (store_user_get(t->s, t->o->login, &found, user_role, t->role, e))
		return e->status;
	if (!found)
		snprintf(t->role, sizeof(t->role), "not a user of this book");
	return store_accounts_each(t->s, &f, collect, t, e);
}

/* Write s at (y, x) fitted to w columns. */
static void
put(struct tui *t, int y, int x, const char *s, int w, bool right)
{
	buf_reset(&t->line);
	text_pad(&t->line, s ? s : "", w, right, t->unicode);
	mvaddstr(y, x, t->line.data);
}

static void
draw_header(struct tui *t)
{
	char today[DATE_STRLEN], text[512];

	snprintf(text, sizeof(text), " tend  %s  |  %s (%s)  |  %s  |  %ld accounts",
		 store_path(t->s), t->o->login, t->role,
		 date_format(store_clock(t->s)->today, today), t->n);
	attron(A_REVERSE);
	put(t, 0, 0, text_clean(&t->clean, text), COLS, false);
	attroff(A_REVERSE);
	attron(A_BOLD);
	mvhline(1, 0, ' ', COLS);
	put(t, 1, 1, "NAME", COLS - 62, false);
	put(t, 1, COLS - 60, "OWNER", 16, false);
	put(t, 1, COLS - 43, "SEGMENT", 10, false);
	put(t, 1, COLS - 32, "STAGE", 7, false);
	put(t, 1, COLS - 24, "ARR", 11, true);
	put(t, 1, COLS - 12, "RENEWAL", 11, false);
	attroff(A_BOLD);
}

static void
draw_row(struct tui *t, long i)
{
	int y = 2 + (int)(i - t->top);
	char arr[MONEY_STRLEN];
	const struct tui_row *r;

	move(y, 0);
	clrtoeol();
	if (i >= t->n)
		return;
	r = &t->rows[i];
	if (i == t->cursor)
		attron(A_REVERSE);
	mvhline(y, 0, ' ', COLS);
	put(t, y, 1, r->name, COLS - 62, false);
	put(t, y, COLS - 60, r->owner, 16, false);
	put(t, y, COLS - 43, r->segment, 10, false);
	put(t, y, COLS - 32, r->stage, 7, false);
	put(t, y, COLS - 24, money_format_grouped(r->arr_cents, true, arr), 11, true);
	put(t, y, COLS - 12, r->renewal ? r->renewal : "-", 11, false);
	if (i == t->cursor)
		attroff(A_REVERSE);
}

static int
page(void)
{
	return LINES - 3;
}

static void
draw_status(struct tui *t, const char *msg)
{
	char text[256];

	snprintf(text, sizeof(text), " %s%sj/k move  PgUp/PgDn page  g/G ends  r reload  q quit  "
		 "(heatmap and account panes: coming)", msg ? msg : "", msg ? "  |  " : "");
	attron(A_REVERSE);
	put(t, LINES - 1, 0, text, COLS, false);
	attroff(A_REVERSE);
}

static void
draw_all(struct tui *t, const char *msg)
{
	erase();
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
		mvprintw(0, 0, "Terminal too small: %dx%d; tend needs %dx%d.", COLS, LINES,
			 TUI_MIN_COLS, TUI_MIN_LINES);
		mvprintw(1, 0, "Resize the window, or press q to quit.");
		return;
	}
	draw_header(t);
	for (long i = t->top; i < t->top + page(); i++)
		draw_row(t, i);
	if (t->n == 0)
		mvaddstr(3, 2, "This book is empty: import accounts with 'tend import', or try 'tend --demo'.");
	draw_status(t, msg);
}

/* Move the cursor; only the two rows involved are redrawn unless it scrolls. */
static bool
move_to(struct tui *t, long to)
{
	long old = t->cursor;

	if (t->n == 0)
		return false;
	if (to < 0)
		to = 0;
	if (to >= t->n)
		to = t->n - 1;
	t->cursor = to;
	if (to < t->top || to >= t->top + page()) {
		t->top = to < t->top ? to : to - page() + 1;
		return true;
	}
	draw_row(t, old);
	draw_row(t, to);
	return false;
}

static enum status
loop(struct tui *t, struct err *e)
{
	bool full = true;
	const char *msg = NULL;
	int ch;

	for (;;) {
		if (full)
			draw_all(t, msg);
		full = false;
		msg = NULL;
		refresh();
		ch = getch();
		switch (ch) {
		case 'q': case 27: return ST_OK;
		case KEY_RESIZE: full = true; break;
		case 'j': case KEY_DOWN: full = move_to(t, t->cursor + 1); break;
		case 'k': case KEY_UP: full = move_to(t, t->cursor - 1); break;
		case KEY_NPAGE: case ' ': full = move_to(t, t->cursor + page()); break;
		case KEY_PPAGE: full = move_to(t, t->cursor - page()); break;
		case 'g': case KEY_HOME: full = move_to(t, 0); break;
		case 'G': case KEY_END: full = move_to(t, t->n - 1); break;
		case 'r':
			if (load(t, e))
				return e->status;
			if (t->cursor >= t->n)
				t->cursor = t->n ? t->n - 1 : 0;
			msg = "reloaded";
			full = true;
			break;
		case ERR: return ST_OK;   /* input closed */
		default: break;
		}
	}
}

enum status
tui_run(struct store *s, const struct tui_opts *o, struct err *e)
{
	struct tui t;
	enum status st;

	memset(&t, 0, sizeof(t));
	t.s = s;
	t.o = o;
	pool_init(&t.pool);
	buf_init(&t.line);
	buf_init(&t.clean);
	t.unicode = !strcmp(nl_langinfo(CODESET), "UTF-8");
	if ((st = load(&t, e)) == ST_OK) {
		initscr();
		cbreak();
		noecho();
		keypad(stdscr, TRUE);
		curs_set(0);
		set_escdelay(25);
		st = loop(&t, e);
		endwin();
	}
	free(t.rows);
	pool_done(&t.pool);
	buf_done(&t.line);
	buf_done(&t.clean);
	return st;
}
