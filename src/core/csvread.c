/*
 * csvread.c -- libcsv with field positions.
 *
 * libcsv calls us back at the end of each field and record but does not say
 * where a field began.  We feed it the input in pieces that end right after
 * each byte that can end a field (the delimiter, CR, LF): a field callback
 * can then only have fired on the last byte of a piece, so the next field
 * starts just after it, and we know that position exactly.  (The parser's
 * state, a public member of struct csv_parser, tells us when no field is
 * open.)  Field texts go to one buffer per record, not one allocation per
 * field: a million-row usage file has ten million fields.
 */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/csvread.h"
#include "core/text.h"
#include "core/xalloc.h"

struct reader {
	struct diag *d;
	csv_record_cb cb;
	void *ctx;
	struct csv_record rec;
	struct buf text;           /* the record's field texts, NUL-separated */
	size_t *off;               /* each field's offset in text */
	int cap;
	long line, col;            /* position of the next byte */
	long start_line, start_col;/* where the next field starts */
	size_t start_byte;         /* byte offset where the next field starts */
	int pending_field;         /* a field callback fired in this piece */
	int stop;
};

static void
on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;

	if (r->rec.n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->rec.fields = xreallocarray(r->rec.fields, (size_t)r->cap, sizeof(char *));
		r->rec.line = xreallocarray(r->rec.line, (size_t)r->cap, sizeof(long));
		r->rec.col = xreallocarray(r->rec.col, (size_t)r->cap, sizeof(long));
		r->off = xreallocarray(r->off, (size_t)r->cap, sizeof(size_t));
	}
	if (data && memchr(data, '\0', len))
		diag_add(r->d, r->start_line, r->start_col, "NUL byte in a field");
	r->off[r->rec.n] = r->text.len;
	if (len)
		buf_add(&r->text, data, len);
	buf_addc(&r->text, '\0');
	r->rec.line[r->rec.n] = r->start_line;
	r->rec.col[r->rec.n] = r->start_col;
	if (r->rec.n == 0) {
		r->rec.first_line = r->start_line;
		r->rec.offset = r->start_byte;
	}
	r->rec.n++;
	r->pending_field = 1;
}

static void
on_record(int term, void *ctx)
{
	struct reader *r = ctx;

	(void)term;
	/* The buffer may have moved while the record grew: point now. */
	for (int i = 0; i < r->rec.n; i++)
		r->rec.fields[i] = r->text.data + r->off[i];
	if (!r->stop && r->rec.n && r->cb(r->ctx, &r->rec))
		r->stop = 1;
	r->rec.n = 0;
	buf_reset(&r->text);
}

/* Advance the position over bytes of input (columns count characters). */
static void
advance(struct reader *r, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n') {
			r->line++;
			r->col = 1;
		} else if ((p[i] & 0xc0) != 0x80) {
			r->col++;
		}
	}
}

/* Is p[0..n) valid UTF-8?  Else *bad is the offset of the first bad byte. */
static int
check_utf8(const unsigned char *p, size_t n, size_t *bad)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(p + i, n - i, &cp);
		if (k == 0) {
			*bad = i;
			return 0;
		}
		i += k;
	}
	return 1;
}

char
csv_sniff(const char *text, size_t len)
{
	static const char cands[] = { ',', ';', '\t' };
	size_t counts[3] = { 0, 0, 0 }, best = 0;
	int quoted = 0;

	for (size_t i = 0; i < len && (quoted || (text[i] != '\n' && text[i] != '\r')); i++) {
		if (text[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			for (int k = 0; k < 3; k++)
				if (text[i] == cands[k])
					counts[k]++;
	}
	for (int k = 1; k < 3; k++)
		if (counts[k] > counts[best])
			best = (size_t)k;
	return cands[best];
}

int
csv_read_mem(const char *text, size_t len, char delim, struct diag *d, csv_record_cb cb,
	     void *ctx)
{
	struct reader r = { .d = d, .cb = cb, .ctx = ctx, .line = 1, .col = 1,
			    .start_line = 1, .start_col = 1 };
	const unsigned char *s = (const unsigned char *)text;
	struct csv_parser p;
	bool stop[256] = { false };
	size_t off = 0, bad;
	int result = 0;

	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return -1;
	csv_set_delim(&p, (unsigned char)delim);
	stop[(unsigned char)delim] = stop['\r'] = stop['\n'] = true;
	buf_init(&r.text);
	if (len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		off = 3;   /* a byte-order mark, as spreadsheets write */
	r.start_byte = off;
	/* Line by line, so a bad byte is reported before any of its line is
	 * parsed, and multi-byte characters stay whole. */
	while (off < len && !r.stop) {
		const unsigned char *nl = memchr(s + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - s) + 1 : len;

		if (!check_utf8(s + off, end - off, &bad)) {
			advance(&r, s + off, bad);
			diag_add(d, r.line, r.col, "byte 0x%02X is not valid UTF-8 (if the file is "
				 "Latin-1 or Windows-1252, say --encoding windows-1252)", s[off + bad]);
			result = -1;
			break;
		}
		while (off < end && !r.stop) {
			size_t piece = 0;

			while (off + piece < end && !stop[s[off + piece]])
				piece++;
			piece = off + piece < end ? piece + 1 : end - off;
			r.pending_field = 0;
			if (csv_parse(&p, s + off, piece, on_field, on_record, &r) != piece) {
				diag_add(d, r.line, r.col, "%s", csv_strerror(csv_error(&p)));
				result = -1;
				r.stop = 1;
				break;
			}
			advance(&r, s + off, piece);
			off += piece;
			/* libcsv states 0 and 1: no field is open, so the next one
			 * starts after this piece (also skips blank lines). */
			if (r.pending_field || p.pstate <= 1) {
				r.start_line = r.line;
				r.start_col = r.col;
				r.start_byte = off;
			}
		}
	}
	if (!r.stop && result == 0) {
		/* libcsv would close a quote left open at the end of the file
		 * (its STRICT_FINI needs strict mode), so check its state:
		 * 2 = inside a field, quoted = it began with a quote. */
		if (p.pstate == 2 && p.quoted) {
			diag_add(d, r.start_line, r.start_col, "a quoted field is never closed");
			result = -1;
		} else if (csv_fini(&p, on_field, on_record, &r) != 0) {
			diag_add(d, r.line, r.col, "%s", csv_strerror(csv_error(&p)));
			result = -1;
		}
	}
	if (r.stop && result == 0)
		result = -1;
	buf_done(&r.text);
	free(r.off);
	free(r.rec.fields);
	free(r.rec.line);
	free(r.rec.col);
	csv_free(&p);
	return result;
}

int
csv_read(FILE *fp, struct diag *d, csv_record_cb cb, void *ctx)
{
	struct buf all;
	char chunk[65536];
	size_t n;
	int result;

	buf_init(&all);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&all, chunk, n);
	if (ferror(fp)) {
		diag_add(d, 0, 0, "read error: %s", strerror(errno));
		buf_done(&all);
		return -1;
	}
	result = csv_read_mem(all.data ? all.data : "", all.len, ',', d, cb, ctx);
	buf_done(&all);
	return result;
}
