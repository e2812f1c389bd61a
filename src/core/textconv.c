/*
 * textconv.c -- export files' encodings to UTF-8 (see textconv.h).
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "core/textconv.h"

const char textenc_names[] = "utf-8, utf-16, utf-16le, utf-16be, latin-1, windows-1252";

bool
textenc_parse(const char *name, enum textenc *out)
{
	static const struct { const char *name; enum textenc enc; } names[] = {
		{ "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 }, { "utf-16", ENC_UTF16 },
		{ "utf16", ENC_UTF16 }, { "utf-16le", ENC_UTF16LE }, { "utf-16be", ENC_UTF16BE },
		{ "latin-1", ENC_LATIN1 }, { "latin1", ENC_LATIN1 }, { "iso-8859-1", ENC_LATIN1 },
		{ "windows-1252", ENC_CP1252 }, { "cp1252", ENC_CP1252 }, { "auto", ENC_AUTO },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(name, names[i].name)) {
			*out = names[i].enc;
			return true;
		}
	return false;
}

static void
put_utf8(struct buf *b, uint32_t cp)
{
	char s[4];

	if (cp < 0x80) {
		buf_addc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, s, 4);
	}
}

static bool
utf16(const unsigned char *p, size_t len, bool le, struct buf *out, struct diag *d)
{
	long line = 1;

	if (len % 2) {
		diag_add(d, 0, 0, "an odd number of bytes (%zu) cannot be UTF-16; is the file "
			 "really UTF-16?", len);
		return false;
	}
	for (size_t i = 0; i < len; i += 2) {
		uint32_t u = le ? (uint32_t)(p[i] | p[i + 1] << 8) : (uint32_t)(p[i] << 8 | p[i + 1]);

		if (u >= 0xd800 && u < 0xdc00 && i + 3 < len) {
			uint32_t v = le ? (uint32_t)(p[i + 2] | p[i + 3] << 8) :
					  (uint32_t)(p[i + 2] << 8 | p[i + 3]);

			if (v >= 0xdc00 && v < 0xe000) {
				put_utf8(out, 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
				i += 2;
				continue;
			}
		}
		if ((u >= 0xd800 && u < 0xe000) || u == 0) {
			diag_add(d, line, 0, "byte %zu: %s is not valid UTF-16%s", i,
				 u ? "a lone surrogate" : "a NUL character",
				 le ? " (little-endian)" : " (big-endian)");
			return false;
		}
		if (u == '\n')
			line++;
		put_utf8(out, u);
	}
	return true;
}

/* Windows-1252's 0x80-0x9F; 0: undefined. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
	0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
	0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* An 8-bit file that is valid UTF-8 with characters beyond ASCII was
 * almost surely UTF-8: decoding it as Latin-1 would garble every accent. */
static bool
looks_utf8(const unsigned char *p, size_t len, long *line, size_t *at)
{
	bool multi = false;
	uint32_t cp;

	*line = 1;
	for (size_t i = 0; i < len;) {
		size_t k;

		if (p[i] < 0x80) {
			if (p[i] == '\n' && !multi)
				(*line)++;
			i++;
			continue;
		}
		if (!(k = utf8_decode(p + i, len - i, &cp)))
			return false;
		if (!multi)
			*at = i;
		multi = true;
		i += k;
	}
	return multi;
}

static bool
eight_bit(const unsigned char *p, size_t len, bool cp1252, struct buf *out, struct diag *d)
{
	long line = 1;
	size_t at = 0;

	if (looks_utf8(p, len, &line, &at)) {
		diag_add(d, line, 0, "byte %zu: 0x%02X 0x%02X is UTF-8, not %s; leave out --encoding",
			 at, p[at], p[at + 1], cp1252 ? "Windows-1252" : "Latin-1");
		return false;
	}
	line = 1;
	for (size_t i = 0; i < len; i++) {
		uint32_t cp = p[i];

		if (cp == '\n')
			line++;
		if (cp1252 && cp >= 0x80 && cp < 0xa0 && !(cp = cp1252_high[cp - 0x80])) {
			diag_add(d, line, 0, "byte %zu: 0x%02X is not a Windows-1252 character; try "
				 "--encoding latin-1", i, p[i]);
			return false;
		}
		if (cp == 0) {
			diag_add(d, line, 0, "byte %zu: a NUL byte (is the file UTF-16 without a "
				 "byte-order mark? try --encoding utf-16le)", i);
			return false;
		}
		put_utf8(out, cp);
	}
	return true;
}

bool
textconv(const char *in, size_t len, enum textenc enc, struct buf *out, const char **text,
	 size_t *textlen, struct diag *d)
{
	const unsigned char *p = (const unsigned char *)in;
	bool le_bom = len >= 2 && p[0] == 0xff && p[1] == 0xfe;
	bool be_bom = len >= 2 && p[0] == 0xfe && p[1] == 0xff;
	bool ok;

	*text = in;
	*textlen = len;
	if (enc == ENC_AUTO)
		enc = le_bom ? ENC_UTF16LE : be_bom ? ENC_UTF16BE : ENC_UTF8;
	if (enc == ENC_UTF16) {
		if (!le_bom && !be_bom) {
			diag_add(d, 1, 0, "byte 0: no UTF-16 byte-order mark (say --encoding "
				 "utf-16le or utf-16be)");
			return false;
		}
		enc = le_bom ? ENC_UTF16LE : ENC_UTF16BE;
	}
	if (enc == ENC_UTF8) {
		if (le_bom || be_bom) {
			diag_add(d, 1, 0, "byte 0: a UTF-16 byte-order mark in a file read as UTF-8 "
				 "(leave out --encoding)");
			return false;
		}
		return true;   /* checked as it is parsed (csvread.c) */
	}
	buf_reset(out);
	if (enc == ENC_UTF16LE || enc == ENC_UTF16BE) {
		size_t skip = (enc == ENC_UTF16LE ? le_bom : be_bom) ? 2 : 0;

		ok = utf16(p + skip, len - skip, enc == ENC_UTF16LE, out, d);
	} else {
		ok = eight_bit(p, len, enc == ENC_CP1252, out, d);
	}
	*text = out->data ? out->data : "";
	*textlen = out->len;
	return ok;
}
