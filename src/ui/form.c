/*
 * form.c -- modal forms with the ncurses form library (see form.h).
 */
#include "config.h"

#include <form.h>
#include <panel.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "store/wtx.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/ui.h"

#define LABEL_WIDTH 12

/* A field's text without the padding the library adds. */
static char *
field_text(FIELD *f)
{
	char *s = xstrdup(field_buffer(f, 0));
	size_t len = strlen(s);

	while (len && s[len - 1] == ' ')
		s[--len] = '\0';
	return s;
}

bool
ui_form(struct ui *ui, const char *title, const struct form_field *defs, int n, form_submit submit,
	void *ctx)
{
	FIELD *fields[FORM_MAX_FIELDS + 1];
	char *values[FORM_MAX_FIELDS], msg[256] = "";
	int width = 0, h = n + 6, w, ch, rc;
	bool submitted = false;
	WINDOW *win, *sub;
	PANEL *panel;
	FORM *form;
	wint_t wc;

	if (n > FORM_MAX_FIELDS)
		n = FORM_MAX_FIELDS;
	for (int i = 0; i < n; i++)
		if (defs[i].width > width)
			width = defs[i].width;
	w = LABEL_WIDTH + width + 28;
	if (w > ui->cols - 2)
		w = ui->cols - 2;
	if (width > w - LABEL_WIDTH - 4)
		width = w - LABEL_WIDTH - 4;
	for (int i = 0; i < n; i++) {
		fields[i] = new_field(1, defs[i].width < width ? defs[i].width : width, i, LABEL_WIDTH, 0, 0);
		set_field_back(fields[i], (chtype)ui_attr(ui, TH_INPUT));
		field_opts_off(fields[i], O_AUTOSKIP);
		if (defs[i].choices) {
			set_field_type(fields[i], TYPE_ENUM, defs[i].choices, 0, 0);
			field_opts_off(fields[i], O_EDIT);
		} else {
			field_opts_off(fields[i], O_STATIC);   /* long text scrolls */
		}
		set_field_buffer(fields[i], 0, defs[i].initial ? defs[i].initial :
				 defs[i].choices ? defs[i].choices[0] : "");
	}
	fields[n] = NULL;
	form = new_form(fields);
	/* Backspace at the start of a field stays there: the library's
	 * default moves into the field before and deletes what it holds. */
	set_form_opts(form, form_opts(form) & ~O_BS_OVERLOAD);
	win = newwin(h, w, (ui->lines - h) / 2, (ui->cols - w) / 2);
	sub = derwin(win, n, w - 4, 2, 2);
	keypad(win, TRUE);
	set_form_win(form, win);
	set_form_sub(form, sub);
	wbkgd(win, (chtype)ui_attr(ui, TH_NORMAL));
	box(win, 0, 0);
	panel = new_panel(win);
	post_form(form);
	curs_set(1);
	for (;;) {
		draw_text(ui, win, 0, 2, title, w - 4, false, ui_attr(ui, TH_TITLE));
		for (int i = 0; i < n; i++) {
			draw_text(ui, win, 2 + i, 2, defs[i].label, LABEL_WIDTH - 1, false, ui_attr(ui, TH_NORMAL));
			if (defs[i].hint && 2 + LABEL_WIDTH + width + 2 < w - 2)
				draw_text(ui, win, 2 + i, 2 + LABEL_WIDTH + width + 1, defs[i].hint,
					  w - (3 + LABEL_WIDTH + width + 2), false, ui_attr(ui, TH_DIM));
		}
		draw_text(ui, win, h - 3, 2, msg, w - 4, false, ui_attr(ui, TH_ERROR));
		draw_text(ui, win, h - 2, 2, "Enter saves  Esc cancels  Tab next  Left/Right choose  ^U clears",
			  w - 4, false, ui_attr(ui, TH_DIM));
		pos_form_cursor(form);
		update_panels();
		doupdate();
		rc = wget_wch(win, &wc);
		ch = (int)wc;
		if (rc == KEY_CODE_YES) {
			switch (ch) {
			case KEY_DOWN: form_driver(form, REQ_NEXT_FIELD); form_driver(form, REQ_END_LINE); break;
			case KEY_UP: form_driver(form, REQ_PREV_FIELD); form_driver(form, REQ_END_LINE); break;
			case KEY_LEFT:
				form_driver(form, field_type(current_field(form)) ? REQ_PREV_CHOICE : REQ_PREV_CHAR);
				break;
			case KEY_RIGHT:
				form_driver(form, field_type(current_field(form)) ? REQ_NEXT_CHOICE : REQ_NEXT_CHAR);
				break;
			case KEY_BACKSPACE: form_driver(form, REQ_DEL_PREV); break;
			case KEY_DC: form_driver(form, REQ_DEL_CHAR); break;
			case KEY_ENTER: goto submit;
			case KEY_BTAB: form_driver(form, REQ_PREV_FIELD); break;
			}
			continue;
		}
		if (ch == 27)
			break;
		if (ch == '\t') {
			form_driver(form, REQ_NEXT_FIELD);
			form_driver(form, REQ_END_LINE);
			continue;
		}
		if (ch == 21) {   /* ^U, as in a shell: the field starts again */
			form_driver(form, REQ_CLR_FIELD);
			continue;
		}
		if (ch == 127 || ch == 8) {
			form_driver(form, REQ_DEL_PREV);
			continue;
		}
		if (ch == '\n' || ch == '\r') {
submit:
			/* Commit the current field's edits to its buffer first. */
			form_driver(form, REQ_VALIDATION);
			for (int i = 0; i < n; i++)
				values[i] = field_text(fields[i]);
			{
				const char *err = submit(ctx, values, msg, sizeof(msg));

				for (int i = 0; i < n; i++)
					free(values[i]);
				if (!err) {
					submitted = true;
					break;
				}
				if (err != msg)
					snprintf(msg, sizeof(msg), "%s", err);
			}
			continue;
		}
		if (ch >= 32)
			form_driver_w(form, OK, (wchar_t)wc);
	}
	curs_set(0);
	unpost_form(form);
	free_form(form);
	for (int i = 0; i < n; i++)
		free_field(fields[i]);
	del_panel(panel);
	update_panels();
	delwin(sub);
	delwin(win);
	return submitted;
}

bool
ui_form_on(struct ui *ui, const struct entity *ent, int64_t id, const char *title,
	   const struct form_field *fields, int n, form_submit submit, void *ctx)
{
	struct err e = { ST_OK, "" };
	bool wrote;

	if (wtx_expect(ui->store, ent, id, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return false;
	}
	wrote = ui_form(ui, title, fields, n, submit, ctx);
	wtx_expect_end(ui->store);
	return wrote;
}
