/*
 * tui.h -- the full-screen interface.
 *
 * Panes: the portfolio heatmap (matrix, tiles, quadrant), the account 360
 * view and the inbox (the registry: ui/panes.h).  The interface never speaks SQL: it reads and writes the book
 * through the store and the write path, and draws from memory.
 */
#ifndef TEND_TUI_H
#define TEND_TUI_H

#include <stdbool.h>

#include "core/err.h"

struct store;
struct team_targets;

struct tui_opts {
	bool color;              /* false with --no-color / NO_COLOR */
	const char *theme;       /* theme name or file, NULL = default */
	const char *theme_source;  /* where theme came from, when a missing one should
				    * fall back to the default (the config file) */
	const char *login;       /* who is using it */
	const char *scorecard;   /* config's scorecard, for explain */
	const char *config_path; /* for keys: bindings */
	const char *default_view;  /* the pane to open on (config's default_view),
				      NULL: the first (the Team pane for a lead) */
	const char *week_start;    /* config's week_start: locale (NULL), monday, ... */
	const char *renewal_cadence;   /* config's renewal_cadence, NULL: the default */
	const struct team_targets *targets;   /* the Team pane's, from the config;
						 NULL: the defaults */
};

/* The panes' names, NULL-ended, in the registry's order: what
 * `default_view:` accepts. */
extern const char *const tui_pane_names[];

/* Run until the user quits.  Restores the terminal on every exit path. */
enum status tui_run(struct store *s, const struct tui_opts *o, struct err *e);

#endif
