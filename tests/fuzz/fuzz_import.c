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

static void
close_book(void)
{
	store_close(book);
}

/* A few users and accounts, so that rows naming them are checked further
 * than "unknown account". */
static const char seed_users[] =
	"login,name,role,team,segment\n"
	"amara,Amara Okafor,csm,,enterprise\n"
	"bo,Bo Lindqvist,csm,,smb\n";
static const char seed_accounts[] =
	"external_id,name,owner,segment,stage,licensed_seats,initial_contract_date,tags,notes\n"
	"CRM-001,Acme Corporation,amara,enterprise,adopt,800,2024-01-15,strategic;reference,Key\n"
	"CRM-002,\"Borealis Logistics, Ltd\",bo,smb,churned,40,2024-06-01,,\n";

static void
seed(const struct entity *ent, const char *csv)
{
	struct import_input in = { .ent = ent };
	struct err e = { ST_OK, "" };
	struct diag d;
	int64_t rows;

	diag_init(&d, "seed.csv");
	if (!(in.fp = fmemopen((void *)csv, strlen(csv), "rb")) ||
	    import_csv(book, &in, &d, &rows, &e)) {
		fprintf(stderr, "fuzz_import: seeding %s: %s %s\n", ent->name, e.msg,
			d.n ? d.items[0].text : "");
		abort();
	}
	fclose(in.fp);
	diag_done(&d);
}

static void
open_book(void)
{
	struct store_opts o = { .path = ":memory:", .create = true, .actor = "fuzz" };
	struct err e = { ST_OK, "" };

	store_global_init();
	clock_init(&o.clock);
	if (!clock_pin(&o.clock, "2026-06-01T09:00:00Z") || !clock_fix(&o.clock, "2026-06-01"))
		abort();
	if (store_open(&book, &o, &e)) {
		fprintf(stderr, "fuzz_import: %s\n", e.msg);
		abort();
	}
	seed(&entity_user, seed_users);
	seed(&entity_account, seed_accounts);
	for (size_t i = 0; i < entity_catalog_count && nimportable < 64; i++)
		if (entity_catalog[i]->import)
			importable[nimportable++] = entity_catalog[i];
	atexit(close_book);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_input in = { .dry_run = true };
	struct err e = { ST_OK, "" };
	struct diag d;
	int64_t rows = 0;
	enum status st;
	const uint8_t *nl = memchr(data, '\n', size);
	char name[32];
	size_t skip;

	if (!nl || nl == data || (skip = (size_t)(nl - data) + 1) >= size)
		return 0;
	if (!book)
		open_book();
	snprintf(name, sizeof(name), "%.*s", (int)(skip - 1), (const char *)data);
	in.ent = entity_find(name);
	if (!in.ent || !in.ent->import)
		in.ent = importable[data[0] % nimportable];
	if (!(in.fp = fmemopen((void *)(data + skip), size - skip, "rb")))
		abort();
	diag_init(&d, "fuzz.csv");
	st = import_csv(book, &in, &d, &rows, &e);
	fuzz_assert(st == ST_OK || st == ST_DATA);
	fuzz_assert(st == ST_OK || d.n > 0 || d.dropped > 0 || e.msg[0]);
	diag_done(&d);
	fclose(in.fp);
	return 0;
}
