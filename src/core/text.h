/*
 * text.h -- making data text safe and measuring it on screen.
 *
 * Every string that came from the database or an input file passes through
 * text_sanitize() before it reaches a terminal, CLI and TUI alike.  It keeps
 * printable UTF-8 and turns everything a terminal would act on -- C0 and C1
 * controls (so ESC sequences lose their ESC), DEL, bidi overrides and
 * isolates, line separators and invalid UTF-8 -- into visible, inert escapes
 * such as `\x1b`, `\u202e` or `\xff`.
 *
 * Layout never uses strlen(): text_width() counts display columns (wcwidth,
 * with a built-in fallback for wide CJK when the locale cannot tell), and
 * text_fit() cuts at a column boundary without splitting a character.
 */
#ifndef TEND_TEXT_H
#define TEND_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

enum text_flags {
	TEXT_ONE_LINE = 0,        /* newlines become visible `\n` */
	TEXT_KEEP_NEWLINES = 1,   /* multi-line blocks keep real newlines */
};

/* Append the sanitized form of s[0..len) to out. */
void text_sanitize(struct buf *out, const char *s, size_t len, unsigned flags);
/* Sanitize a NUL-terminated string into scratch (reset first); returns scratch->data. */
const char *text_clean(struct buf *scratch, const char *s);
/* Code points never shown raw: controls, bidi overrides and isolates,
 * invisible format characters (text.c says which). */
bool text_cp_dangerous(uint32_t cp);
/* True when s needs no change to be shown (the common case, checked fast). */
bool text_is_clean(const char *s, size_t len);

/* Is s (NUL-terminated) valid UTF-8 throughout? */
bool text_is_utf8(const char *s);
/* Decode one UTF-8 sequence; returns its length (>= 1) and sets *cp, or
 * returns 0 for an invalid sequence (caller treats the first byte as raw). */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Display columns of one code point: 0 (combining), 1 or 2 (wide). */
int text_cp_width(uint32_t cp);
/* Display columns of sanitized UTF-8 text. */
int text_width(const char *s);
/* Longest prefix of s that fits in cols columns; its width goes to *used. */
size_t text_fit(const char *s, int cols, int *used);
/* Append s fitted to exactly cols columns: truncated with an ellipsis
 * (unicode "…" or ASCII "~") when too wide, padded with spaces when
 * short; right-aligned when right is set. */
void text_pad(struct buf *out, const char *s, int cols, bool right, bool unicode);

#endif
