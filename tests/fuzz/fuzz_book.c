/*
 * fuzz_book.c -- the scratch book of the import harnesses (fuzz.h): in
 * memory, opened once per process, with a few users and accounts so that
 * rows naming them are checked further than "unknown account".
 */
#include "config.h"

#include <string.h>

#include "app/import.h"
#include "core/date.h"
#include "store/entity.h"
#include "store/store.h"
#include "fuzz.h"

static struct store *book;

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
	struct import_result res = { 0 };
	struct diag d;

	diag_init(&d, "seed.csv");
	if (!(in.fp = fmemopen((void *)csv, strlen(csv), "rb")) ||
	    import_csv(book, &in, &d, &res, &e)) {
		fprintf(stderr, "fuzz_import: seeding %s: %s %s\n", ent->name, e.msg,
			d.n ? d.items[0].text : "");
		abort();
	}
	fclose(in.fp);
	import_result_done(&res);
	diag_done(&d);
}

struct store *
fuzz_book(void)
{
	struct store_opts o = { .path = ":memory:", .create = true, .actor = "fuzz" };
	struct err e = { ST_OK, "" };

	if (book)
		return book;
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
	atexit(close_book);
	return book;
}

