/*
 * draw.c -- drawing helpers (see draw.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "ui/draw.h"
#include "ui/ui.h"

/* Every string a pane draws comes through here, and is made safe here
 * whatever the caller did: text from data with a control, bidi or
 * invisible character (or, on a terminal without UTF-8, any non-ASCII)
 * is drawn as ui_clean() shows it.  Clean text, the common case, is
 * checked and drawn as it is. */
void
draw_text(const struct ui *ui, WINDOW *w, int y, int x, const char *s, int width, bool right, int attr)
{
	const char *t = s ? s : "";
	char *clean = NULL;
	struct buf b;

	if (width <= 0)
		return;
	if (!ui->unicode || !text_is_clean(t, strlen(t)))
		t = clean = ui_clean(ui, t);
	buf_init(&b);
	text_pad(&b, t, width, right, ui->unicode);
	wattrset(w, attr);
	mvwaddstr(w, y, x, b.data);
	wattrset(w, A_NORMAL);
	buf_done(&b);
	free(clean);
}

enum theme_role
band_role(const char *band)
{
	static const struct {
		const char *name;
		enum theme_role role;
	} roles[] = {
		{ "red", TH_BAND_RED }, { "orange", TH_BAND_ORANGE }, { "yellow", TH_BAND_YELLOW },
		{ "lightgreen", TH_BAND_LIGHTGREEN }, { "green", TH_BAND_GREEN },
	};

	for (size_t i = 0; band && i < sizeof(roles) / sizeof(roles[0]); i++)
		if (!strcmp(roles[i].name, band))
			return roles[i].role;
	return TH_BAND_UNKNOWN;
}

enum theme_role
rating_role(int rating, int scale)
{
	static const enum theme_role three[] = { TH_BAND_RED, TH_BAND_YELLOW, TH_BAND_GREEN };
	static const enum theme_role five[] = { TH_BAND_RED, TH_BAND_ORANGE, TH_BAND_YELLOW,
						TH_BAND_LIGHTGREEN, TH_BAND_GREEN };

	if (rating < 1 || rating > scale)
		return TH_BAND_UNKNOWN;
	return scale == 5 ? five[rating - 1] : three[rating - 1 > 2 ? 2 : rating - 1];
}

char
band_letter(const char *band)
{
	if (!band)
		return '?';
	if (!strcmp(band, "lightgreen"))
		return 'L';
	if (!strcmp(band, "red") || !strcmp(band, "orange") || !strcmp(band, "yellow") ||
	    !strcmp(band, "green"))
		return (char)(band[0] - 32);
	return '?';
}

void
draw_spark_levels_of(const char *trend, int scale, char *out, size_t size)
{
	const char *p = trend;
	size_t n = 0;

	while (p && *p && n + 1 < size) {
		char *end;
		double v = strtod(p, &end);
		int level = scale > 1 ? (int)((v - 1) / (scale - 1) * 7 + 0.5) : 0;

		level = level < 0 ? 0 : level > 7 ? 7 : level;
		out[n++] = end != p ? (char)('0' + level) : '-';
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	out[n] = '\0';
}

void
draw_spark_levels(const struct ui *ui, WINDOW *w, int y, int x, const char *levels, int width, int attr)
{
	/* Eight heights; a point with no score is left blank. */
	static const char *const blocks[] = { "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
		"\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88" };
	static const char ascii[] = "_.,-~=^\"";
	int n = (int)strlen(levels);

	wattrset(w, attr);
	wmove(w, y, x);
	for (int i = 0; i < width; i++) {
		int k = n - width + i;
		int level = k >= 0 ? levels[k] - '0' : -1;

		if (level < 0 || level > 7)
			waddch(w, ' ');
		else if (ui->unicode)
			waddstr(w, blocks[level]);
		else
			waddch(w, (chtype)ascii[level]);
	}
	wattrset(w, A_NORMAL);
}

void
draw_sparkline(const struct ui *ui, WINDOW *w, int y, int x, const char *trend, int scale, int width,
	       int attr)
{
	char levels[64];

	draw_spark_levels_of(trend, scale, levels, sizeof(levels));
	draw_spark_levels(ui, w, y, x, levels, width, attr);
}

const char *
draw_glyph_hline(const struct ui *ui)
{
	return ui->unicode ? "\xe2\x94\x80" : "-";
}

const char *
draw_glyph_vline(const struct ui *ui)
{
	return ui->unicode ? "\xe2\x94\x82" : "|";
}

const char *
draw_glyph_cursor(const struct ui *ui)
{
	return ui->unicode ? "\xe2\x96\xb6" : ">";
}

void
draw_rule(const struct ui *ui, WINDOW *w, int y, int attr)
{
	int cols = getmaxx(w);

	wattrset(w, attr);
	wmove(w, y, 0);
	for (int i = 0; i < cols; i++)
		waddstr(w, draw_glyph_hline(ui));
	wattrset(w, A_NORMAL);
}
