/*
 * draw.h -- drawing helpers shared by the panes: fitted text, band glyphs
 * and letters (colour is never the only signal), sparklines, and the ASCII
 * forms used when the locale is not UTF-8.
 */
#ifndef TEND_DRAW_H
#define TEND_DRAW_H

#include <curses.h>
#include <stdbool.h>

#include "ui/theme.h"

struct ui;

/* Write s (already clean) at y, x, fitted to width columns (padded, or cut
 * with an ellipsis), left- or right-aligned, with attribute attr. */
void draw_text(const struct ui *ui, WINDOW *w, int y, int x, const char *s, int width, bool right,
	       int attr);
/* The theme role of a band name, and of a rating on a scale. */
enum theme_role band_role(const char *band);
enum theme_role rating_role(int rating, int scale);
/* One letter per band: R O Y L G, ? for unknown (mono and colour-blind safe). */
char band_letter(const char *band);
/* A trend as sparkline levels: one character per point, '0'..'7' for a
 * score from 1 to the full scale, '-' for an unknown one; at most size-1. */
void draw_spark_levels_of(const char *trend, int scale, char *out, size_t size);
/* Levels in the last width cells of a row, right-aligned. */
void draw_spark_levels(const struct ui *ui, WINDOW *w, int y, int x, const char *levels, int width,
		       int attr);
/* A sparkline of the comma-separated scores (1..scale) in width cells. */
void draw_sparkline(const struct ui *ui, WINDOW *w, int y, int x, const char *trend, int scale, int width,
		    int attr);
/* Line-drawing glyphs, Unicode or ASCII. */
const char *draw_glyph_hline(const struct ui *ui);
const char *draw_glyph_vline(const struct ui *ui);
const char *draw_glyph_cursor(const struct ui *ui);   /* the row marker */
/* Horizontal rule across the window at row y. */
void draw_rule(const struct ui *ui, WINDOW *w, int y, int attr);

#endif
