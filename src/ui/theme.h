/*
 * theme.h -- colours and attributes, named by role.
 *
 * Drawing code never names a colour: it asks theme_attr(TH_BAND_RED) and
 * gets a curses attribute.  Themes are YAML files (man tend-theme(5)) that
 * map each role to a foreground, a background and attributes; the shipped
 * ones (default, light, high-contrast, colorblind, mono) are embedded in the
 * binary.  When the terminal has fewer colours than a theme wants, or colour
 * is off (--no-color, NO_COLOR), roles fall back to the theme's 8-colour or
 * monochrome forms, so every role stays distinguishable by attribute too.
 */
#ifndef TEND_THEME_H
#define TEND_THEME_H

#include <stdbool.h>

#include "core/diag.h"
#include "core/err.h"

/*  id, name in theme files, what it colours */
#define THEME_ROLES(_) \
	_(NORMAL, "normal", "ordinary text") \
	_(HEADER, "header", "the header line at the top") \
	_(STATUS, "status", "the status line at the bottom") \
	_(TITLE, "title", "titles of sections and columns") \
	_(DIM, "dim", "secondary text: dates, units, hints") \
	_(CURSOR, "cursor", "the selected row") \
	_(TAB, "tab", "a pane's name in the tab bar") \
	_(TAB_ACTIVE, "tab.active", "the current pane's name") \
	_(BORDER, "border", "lines and boxes") \
	_(INPUT, "input", "the command line and form fields") \
	_(MATCH, "match", "search matches") \
	_(ERROR, "error", "error messages") \
	_(WARNING, "warning", "warnings and overdue items") \
	_(OK, "ok", "confirmations") \
	_(BAND_RED, "band.red", "red health (rating 1 of 3)") \
	_(BAND_ORANGE, "band.orange", "orange health (5-band scorecards)") \
	_(BAND_YELLOW, "band.yellow", "yellow health") \
	_(BAND_LIGHTGREEN, "band.lightgreen", "light green health (5-band scorecards)") \
	_(BAND_GREEN, "band.green", "green health") \
	_(BAND_UNKNOWN, "band.unknown", "unknown health (not enough data)") \
	_(FALSE_POSITIVE, "false_positive", "false-positive healthy accounts")

enum theme_role {
#define THEME_ROLE_ENUM(id, name, help) TH_##id,
	THEME_ROLES(THEME_ROLE_ENUM)
#undef THEME_ROLE_ENUM
	TH_COUNT_
};

struct theme;

/* Load a theme by shipped name ("default", "light", "high-contrast",
 * "colorblind", "mono") or file path.  Problems go to d as
 * file:line:column; the theme loads anyway with defaults for the roles in
 * error (a bad theme file never stops tend).  NULL only when the name is
 * neither a shipped theme nor a readable file (e is set). */
struct theme *theme_load(const char *name, struct diag *d, struct err *e);
void theme_free(struct theme *t);
const char *theme_name(const struct theme *t);

/* After initscr(): set up colour pairs for what the terminal offers.
 * color_allowed is false with --no-color or NO_COLOR.  Returns the depth
 * used: 256, 8 or 0 (monochrome: attributes only). */
int theme_apply(struct theme *t, bool color_allowed);

/* The curses attribute (colour pair and attributes) of a role. */
int theme_attr(const struct theme *t, enum theme_role r);
/* What theme_apply() would give a role at a depth (256, 8 or 0, capped by
 * the theme's own colors:), without curses: colours (-1 = the terminal's
 * default) and A_* attributes.  For tests and listings. */
void theme_resolve(const struct theme *t, enum theme_role r, int depth, int *fg, int *bg,
		   int *attrs);
/* Name and help of a role, for docs and the help screen. */
const char *theme_role_name(enum theme_role r);
const char *theme_role_help(enum theme_role r);

#endif
