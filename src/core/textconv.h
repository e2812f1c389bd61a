/*
 * textconv.h -- the character encodings export files come in, to UTF-8.
 *
 * CRM and survey tools write UTF-8 (with or without a byte-order mark),
 * UTF-16 with a byte-order mark (little- or big-endian, often with tabs),
 * or, from older systems and Excel on Windows, Latin-1 / Windows-1252.
 * UTF-8 and UTF-16 are recognised by their marks; the 8-bit encodings
 * cannot be told apart from bytes, so the user names them (--encoding).
 * A wrong guess is said with the line and the byte that shows it.
 */
#ifndef TEND_TEXTCONV_H
#define TEND_TEXTCONV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/diag.h"

enum textenc {
	ENC_AUTO,        /* UTF-16 by its mark, else UTF-8 */
	ENC_UTF8,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_UTF16,       /* either, by its mark (required) */
	ENC_LATIN1,
	ENC_CP1252,
};

/* By name: utf-8, utf-16, utf-16le, utf-16be, latin-1 (iso-8859-1),
 * windows-1252 (cp1252), case-insensitive; false if unknown. */
bool textenc_parse(const char *name, enum textenc *out);
/* The names, for help and errors. */
extern const char textenc_names[];

/* Decode in[0..len) from enc into out as UTF-8 (a UTF-8 input, the common
 * case, is left where it is: *text points into in).  Problems go to d
 * with their line and byte; returns false then. */
bool textconv(const char *in, size_t len, enum textenc enc, struct buf *out,
	      const char **text, size_t *textlen, struct diag *d);

#endif
