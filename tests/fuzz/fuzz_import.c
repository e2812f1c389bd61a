/*
 * fuzz_import.c -- a CSV import through the app layer (app/import.c) as
 * `tend import --dry-run` runs it: the reader, the header, every column's
 * type and the store's checks, on a scratch book in memory.  The first line
 * names the entity ("accounts"; any other text picks one by its first
 * byte); the rest is the file.  A refused file names a
 * position; nothing reaches the book.
 */
#include "config.h"

#include <string.h>

#include "app/import.h"
#include "core/date.h"
#include "store/entity.h"
#include "store/store.h"
#include "fuzz.h"

static struct store *book;
static const struct entity *importable[64];
static size_t nimportable;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_input in = { .dry_run = true };
	struct err e = { ST_OK, "" };
	struct import_result res = { 0 };
	struct diag d;
	enum status st;
	const uint8_t *nl = memchr(data, '\n', size);
	char name[32];
	size_t skip;

	if (!nl || nl == data || (skip = (size_t)(nl - data) + 1) >= size)
		return 0;
	if (!book) {
		book = fuzz_book();
		for (size_t i = 0; i < entity_catalog_count && nimportable < 64; i++)
			if (entity_catalog[i]->import)
				importable[nimportable++] = entity_catalog[i];
	}
	snprintf(name, sizeof(name), "%.*s", (int)(skip - 1), (const char *)data);
	in.ent = entity_find(name);
	if (!in.ent || !in.ent->import)
		in.ent = importable[data[0] % nimportable];
	if (!(in.fp = fmemopen((void *)(data + skip), size - skip, "rb")))
		abort();
	diag_init(&d, "fuzz.csv");
	st = import_csv(book, &in, &d, &res, &e);
	fuzz_assert(st == ST_OK || st == ST_DATA);
	fuzz_assert(st == ST_OK || d.n > 0 || d.dropped > 0 || e.msg[0]);
	import_result_done(&res);
	diag_done(&d);
	fclose(in.fp);
	return 0;
}
