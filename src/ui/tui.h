/*
 * tui.h -- the full-screen interface.
 *
 * For now a single portfolio list (the pane shell, heatmap and account
 * detail come with the TUI issue).  The UI never speaks SQL: it reads the
 * book through store/store.h and draws from memory.
 */
#ifndef TEND_TUI_H
#define TEND_TUI_H

#include <stdbool.h>

#include "core/err.h"

struct store;

struct tui_opts {
	bool color;            /* false with --no-color / NO_COLOR */
	const char *theme;     /* theme name, NULL = default */
	const char *login;     /* who is using it */
};

/* Run until the user quits.  Restores the terminal on every exit path. */
enum status tui_run(struct store *s, const struct tui_opts *o, struct err *e);

#endif
