/*
 * fuzz_csv.c -- the CSV reader (core/csvread.c): any bytes, read to the end
 * or refused with a position.  Every field handed on is valid UTF-8 with a
 * position inside the file.
 */
#include "config.h"

#include <string.h>

#include "core/csvread.h"
#include "core/text.h"
#include "fuzz.h"

struct seen {
	long records;
	long lines;   /* an upper bound on the file's lines */
};

static int
record(void *ctx, const struct csv_record *rec)
{
	struct seen *s = ctx;

	fuzz_assert(rec->n >= 0);
	fuzz_assert(rec->first_line >= 1 && rec->first_line <= s->lines);
	for (int i = 0; i < rec->n; i++) {
		fuzz_assert(rec->fields[i]);
		fuzz_assert(text_is_utf8(rec->fields[i]));
		fuzz_assert(rec->line[i] >= rec->first_line && rec->line[i] <= s->lines);
		fuzz_assert(rec->col[i] >= 1);
	}
	s->records++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen s = { 0, 1 };
	struct diag d;
	FILE *fp;

	if (!size)
		return 0;   /* fmemopen refuses a zero-sized buffer */
	for (size_t i = 0; i < size; i++)
		s.lines += data[i] == '\n' || data[i] == '\r';
	if (!(fp = fmemopen((void *)data, size, "rb")))
		abort();
	diag_init(&d, "fuzz.csv");
	if (csv_read(fp, &d, record, &s) < 0)
		fuzz_assert(d.n > 0 || d.dropped > 0);
	diag_done(&d);
	fclose(fp);
	return 0;
}
