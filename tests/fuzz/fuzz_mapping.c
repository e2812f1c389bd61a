/*
 * fuzz_mapping.c -- an import mapping file (app/import_map.c, man
 * tend-import(5)) and a CSV read through it.  The input is the mapping's
 * YAML, then optionally a line "--csv--" and a CSV file, imported with the
 * map as `tend import --map FILE --dry-run` would on the scratch book:
 * columns, value maps, date formats, decimal marks, skipped rows.
 */
#include "config.h"

#include <string.h>

#include "app/import.h"
#include "app/import_map.h"
#include "fuzz.h"

#define CSV_MARK "\n--csv--\n"

/* memmem, which C11 does not have. */
static const uint8_t *
find(const uint8_t *data, size_t size, const char *what)
{
	size_t n = strlen(what);

	for (size_t i = 0; size >= n && i <= size - n; i++)
		if (!memcmp(data + i, what, n))
			return data + i;
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *mark = find(data, size, CSV_MARK);
	size_t ylen = mark ? (size_t)(mark - data) : size;
	struct err e = { ST_OK, "" };
	struct import_mapfile mf;
	struct diag d;
	enum status st;

	diag_init(&d, "fuzz-map.yaml");
	st = import_map_parse("fuzz", (const char *)data, ylen, &mf, &d, &e);
	fuzz_assert(st == ST_OK || st == ST_CONFIG);
	fuzz_assert(st == ST_OK || d.n > 0 || e.msg[0]);
	diag_done(&d);
	if (!st && mark && mf.map.ent && mf.map.ent->import) {
		size_t skip = ylen + strlen(CSV_MARK);
		struct import_input in = { .ent = mf.map.ent, .map = &mf.map, .dry_run = true };
		struct import_result res = { 0 };

		if (skip < size && (in.fp = fmemopen((void *)(data + skip), size - skip, "rb"))) {
			diag_init(&d, "fuzz.csv");
			st = import_csv(fuzz_book(), &in, &d, &res, &e);
			fuzz_assert(st == ST_OK || st == ST_DATA);
			import_result_done(&res);
			diag_done(&d);
			fclose(in.fp);
		}
	}
	import_map_done(&mf);
	return 0;
}
