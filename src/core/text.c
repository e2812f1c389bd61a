/*
 * text.c -- the terminal-safety sanitizer and display-width helpers.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"

size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c;
	size_t n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Reject overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

bool
text_is_utf8(const char *s)
{
	size_t len = strlen(s);
	uint32_t cp;

	for (size_t i = 0, n; i < len; i += n)
		if (!(n = utf8_decode((const unsigned char *)s + i, len - i, &cp)))
			return false;
	return true;
}

/* Code points a terminal acts on, that reorder text, or that are invisible
 * (zero-width spaces and joiners, word joiners, the BOM: they make two names
 * that look alike differ, or hide text): never shown raw. */
bool
text_cp_dangerous(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	       cp == 0x061c || (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0xfeff;
}

bool
text_is_clean(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		n = utf8_decode(p + i, len - i, &cp);
		if (n == 0 || text_cp_dangerous(cp))
			return false;
		i += n;
	}
	return true;
}

void
text_sanitize(struct buf *out, const char *s, size_t len, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, n;
	uint32_t cp;

	buf_grow(out, len);
	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			run++;
			continue;
		}
		n = utf8_decode(p + i, len - i, &cp);
		if (n && !text_cp_dangerous(cp)) {
			i += n;
			run += n;
			continue;
		}
		buf_add(out, p + i - run, run);
		run = 0;
		if (n == 0) {
			buf_addf(out, "\\x%02x", p[i]);
			i++;
			continue;
		}
		i += n;
		if (cp == '\n' && (flags & TEXT_KEEP_NEWLINES))
			buf_addc(out, '\n');
		else if (cp == '\n')
			buf_adds(out, "\\n");
		else if (cp == '\t')
			buf_adds(out, "\\t");
		else if (cp == '\r')
			buf_adds(out, "\\r");
		else if (cp < 0x80)
			buf_addf(out, "\\x%02x", (unsigned)cp);
		else
			buf_addf(out, "\\u%04x", (unsigned)cp);
	}
	buf_add(out, p + i - run, run);
}

const char *
text_clean(struct buf *scratch, const char *s)
{
	buf_reset(scratch);
	if (s)
		text_sanitize(scratch, s, strlen(s), TEXT_ONE_LINE);
	else
		buf_add(scratch, "", 0);
	return scratch->data;
}

/* Wide (two-column) ranges, used when the C library cannot tell because
 * the locale is not UTF-8.  East Asian Wide/Fullwidth blocks and emoji. */
static bool
cp_is_wide_fallback(uint32_t cp)
{
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
	};

	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return true;
	return false;
}

int
text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x7f)
		return cp >= 0x20;
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	if (cp >= 0x300 && cp <= 0x36f)
		return 0;
	return cp_is_wide_fallback(cp) ? 2 : 1;
}

size_t
text_fit(const char *s, int cols, int *used)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, n;
	int w = 0, cw;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(p + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			cw = 1;
		} else {
			cw = text_cp_width(cp);
		}
		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	if (used)
		*used = w;
	return i;
}

int
text_width(const char *s)
{
	int used;

	text_fit(s, 1 << 30, &used);
	return used;
}

void
text_pad(struct buf *out, const char *s, int cols, bool right, bool unicode)
{
	int w = text_width(s), used;
	size_t cut;

	if (cols <= 0)
		return;
	if (w <= cols) {
		if (right)
			buf_addpad(out, ' ', (size_t)(cols - w));
		buf_adds(out, s);
		if (!right)
			buf_addpad(out, ' ', (size_t)(cols - w));
		return;
	}
	cut = text_fit(s, cols - 1, &used);
	buf_add(out, s, cut);
	buf_adds(out, unicode ? "\xe2\x80\xa6" : "~");
	buf_addpad(out, ' ', (size_t)(cols - 1 - used));
}
