/*
 * csvread.c -- libcsv with field positions.
 *
 * libcsv calls us back at the end of each field and record but does not say
 * where a field began.  We feed it the input in pieces that end right after
 * each byte that can end a field (comma, CR, LF): a field callback can then
 * only have fired on the last byte of a piece, so the next field starts just
 * after it, and we know that position exactly.  (The parser's state, a
 * public member of struct csv_parser, tells us when no field is open.)
 */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/text.h"
#include "core/xalloc.h"

struct reader {
	struct diag *d;
	csv_record_cb cb;
	void *ctx;
	struct csv_record rec;
	int cap;
	long line, col;            /* position of the next byte */
	long start_line, start_col;/* where the next field starts */
	long rec_line;             /* where the current record starts */
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
	}
	r->rec.fields[r->rec.n] = xstrndup(data ? data : "", len);
	if (data && memchr(data, '\0', len))
		diag_add(r->d, r->start_line, r->start_col, "NUL byte in a field");
	r->rec.line[r->rec.n] = r->start_line;
	r->rec.col[r->rec.n] = r->start_col;
	if (r->rec.n == 0)
		r->rec.first_line = r->start_line;
	r->rec.n++;
	r->pending_field = 1;
}

static void
clear_record(struct reader *r)
{
	for (int i = 0; i < r->rec.n; i++)
		free(r->rec.fields[i]);
	r->rec.n = 0;
}

static void
on_record(int term, void *ctx)
{
	struct reader *r = ctx;

	(void)term;
	if (!r->stop && r->cb(r->ctx, &r->rec))
		r->stop = 1;
	clear_record(r);
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

int
csv_read(FILE *fp, struct diag *d, csv_record_cb cb, void *ctx)
{
	struct reader r = { .d = d, .cb = cb, .ctx = ctx, .line = 1, .col = 1,
			    .start_line = 1, .start_col = 1 };
	struct csv_parser p;
	char *line = NULL;
	size_t cap = 0, bad;
	ssize_t len;
	int result = 0, first = 1;

	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return -1;
	/* Whole lines keep multi-byte characters together for the UTF-8 check. */
	while (!r.stop && (len = getline(&line, &cap, fp)) > 0) {
		unsigned char *s = (unsigned char *)line;
		size_t n = (size_t)len, off = 0;

		if (first && n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
			off = 3;   /* a byte-order mark, as spreadsheets write */
		first = 0;
		if (!check_utf8(s + off, n - off, &bad)) {
			advance(&r, s, off + bad);
			diag_add(d, r.line, r.col, "not valid UTF-8 (save the file as UTF-8)");
			result = -1;
			break;
		}
		while (off < n && !r.stop) {
			size_t piece = strcspn((char *)s + off, ",\r\n");

			piece = off + piece < n ? piece + 1 : n - off;
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
			}
		}
	}
	if (ferror(fp)) {
		diag_add(d, r.line, 0, "read error: %s", strerror(errno));
		result = -1;
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
	clear_record(&r);
	free(r.rec.fields);
	free(r.rec.line);
	free(r.rec.col);
	free(line);
	csv_free(&p);
	return result;
}
