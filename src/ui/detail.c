/*
 * detail.c -- a record's full text and its actions in a modal window (see
 * detail.h), drawn on a panel above the pane like the forms and menus.
 */
#include "config.h"

#include <panel.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/detail.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define DETAIL_WIDTH 76
#define DETAIL_MAX_LINES 200

/* Split text into lines of at most cols columns, at spaces where it can:
 * the start and byte length of each line go to starts/lens. */
static int
wrap(const char *text, int cols, const char **starts, size_t *lens, int max)
{
	int n = 0;

	for (const char *p = text; *p && n < max;) {
		size_t nl = strcspn(p, "\n"), fit;
		int used;

		fit = text_fit(p, cols, &used);
		if (fit > nl)
			fit = nl;
		if (fit < nl) {
			/* Break at the last space in the part that fits. */
			size_t k = fit;

			while (k > 0 && p[k] != ' ')
				k--;
			if (k > 0)
				fit = k;
		}
		if (!fit && nl)
			fit = 1;   /* never stall on a character wider than the window */
		starts[n] = p;
		lens[n++] = fit;
		p += fit;
		if (*p == ' ' && fit < nl)
			p++;
		else if (*p == '\n')
			p++;
	}
	return n;
}

/* text made safe line by line: ui_clean() makes one line of its text, and
 * the body's line breaks are the caller's, not the data's. */
static char *
clean_lines(const struct ui *ui, const char *text)
{
	struct buf b;

	buf_init(&b);
	for (const char *p = text;; p++) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *c = ui_clean(ui, line);

		buf_adds(&b, c);
		free(c);
		free(line);
		p += n;
		if (!*p)
			break;
		buf_addc(&b, '\n');
	}
	return buf_detach(&b);
}

static void
draw_body(struct ui *ui, WINDOW *win, int rows, int w, const char **starts, const size_t *lens,
	  int nlines)
{
	for (int i = 0; i < rows && i < nlines; i++) {
		char *line = xstrndup(starts[i], lens[i]);

		draw_text(ui, win, 2 + i, 2, line, w - 4, false, ui_attr(ui, TH_NORMAL));
		free(line);
	}
	if (nlines > rows)
		draw_text(ui, win, 1 + rows, 2, "...", w - 4, false, ui_attr(ui, TH_DIM));
}

static void
draw_actions(struct ui *ui, WINDOW *win, int y, int w, const struct detail_action *actions, int n,
	     int cursor)
{
	for (int i = 0; i < n; i++) {
		char text[96];
		int attr = ui_attr(ui, i == cursor ? TH_CURSOR : TH_NORMAL);

		snprintf(text, sizeof(text), " %c  %s", actions[i].key, actions[i].label);
		draw_text(ui, win, y + i, 2, text, w - 4, false, attr);
	}
}

int
ui_detail(struct ui *ui, const char *title, const char *body, const struct detail_action *actions,
	  int n)
{
	const char *starts[DETAIL_MAX_LINES];
	size_t lens[DETAIL_MAX_LINES];
	char *clean = clean_lines(ui, body ? body : "");
	int w = ui->cols - 4 < DETAIL_WIDTH ? ui->cols - 4 : DETAIL_WIDTH;
	int nlines = wrap(clean, w - 4, starts, lens, DETAIL_MAX_LINES);
	int rows = nlines, h, cursor = 0, chosen = -1, ch;
	WINDOW *win;
	PANEL *panel;

	if (n > DETAIL_MAX_ACTIONS)
		n = DETAIL_MAX_ACTIONS;
	/* Box, title, a blank line between the text and the actions, the
	 * key line: what is left of the screen is the text's. */
	if (rows > ui->lines - 2 - n - 5)
		rows = ui->lines - 2 - n - 5;
	if (rows < 1)
		rows = 1;
	h = rows + n + 5;
	win = newwin(h, w, (ui->lines - h) / 2, (ui->cols - w) / 2);
	keypad(win, TRUE);
	wbkgd(win, (chtype)ui_attr(ui, TH_NORMAL));
	box(win, 0, 0);
	panel = new_panel(win);
	{
		char *t = ui_clean(ui, title);

		draw_text(ui, win, 0, 2, t, w - 4, false, ui_attr(ui, TH_TITLE));
		free(t);
	}
	draw_body(ui, win, rows, w, starts, lens, nlines);
	draw_text(ui, win, h - 2, 2, n ? "a key or Enter acts  Esc closes" : "Esc closes", w - 4, false,
		  ui_attr(ui, TH_DIM));
	for (;;) {
		draw_actions(ui, win, 3 + rows, w, actions, n, cursor);
		update_panels();
		doupdate();
		ch = wgetch(win);
		if (ch == 27 || ch == 'q' || ch == ERR)
			break;
		if ((ch == '\n' || ch == '\r' || ch == KEY_ENTER) && n) {
			chosen = cursor;
			break;
		}
		if ((ch == KEY_DOWN || ch == 'j') && cursor < n - 1)
			cursor++;
		else if ((ch == KEY_UP || ch == 'k') && cursor > 0)
			cursor--;
		for (int i = 0; i < n && chosen < 0; i++)
			if (ch == actions[i].key)
				chosen = i;
		if (chosen >= 0)
			break;
	}
	del_panel(panel);
	update_panels();
	delwin(win);
	free(clean);
	return chosen;
}
