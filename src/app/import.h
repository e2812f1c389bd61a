/*
 * import.h -- importing a CSV file into the book, all or nothing (`tend
 * import`, `tend import --all`, the unit tests' books).
 *
 * The file is decoded (UTF-8 with or without a BOM, UTF-16 by its BOM, or
 * the 8-bit encoding the user names), its delimiter sniffed unless given,
 * and its rows fed to the store's importer (store/import.h) inside one bulk
 * write: each row inserted, or its match updated in the fields that
 * changed, or left alone.  A map (app/import_map.h) may say which rows are
 * not data: extra header rows, and a footer, which must end the file.
 * The write is committed only when no row had a problem, unless skip_bad
 * says to import the good rows and hand the bad ones to the caller.
 * Every problem is reported with its file, line and column, and reading
 * goes on so the user sees them all at once (up to the diagnostics' limit).
 */
#ifndef TEND_APP_IMPORT_H   /* TEND_IMPORT_H is store/import.h's */
#define TEND_APP_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/csvread.h"
#include "core/diag.h"
#include "core/err.h"
#include "core/textconv.h"
#include "store/entity.h"
#include "store/import.h"

struct store;
struct wtx;

struct import_input {
	const struct entity *ent;  /* what the rows are; it must be importable (ent->import) */
	const struct import_map *map;   /* NULL: canonical columns */
	FILE *fp;                  /* the CSV, header first, read to its end (the caller
				    * closes it) */
	enum textenc enc;          /* ENC_AUTO: UTF-16 by its mark, else UTF-8 */
	char delim;                /* '\0': the map's, else sniffed from the header */
	bool dry_run;              /* check every row the same way, write nothing */
	bool skip_bad;             /* import the good rows; bad ones go to on_reject */
	/* With skip_bad: the header, then each rejected record and why. */
	void (*on_reject)(void *ctx, const struct csv_record *rec, const char *why, bool header);
	/* Now and then: bytes of the file read so far, of total. */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *ctx;
};

struct import_result {
	struct import_counts counts;   /* per outcome, with samples (import_result_done) */
	bool empty;                    /* the file had no data rows */
};

/* Import in->fp as rows of in->ent in one bulk action ("import ENTITY",
 * audited as a count per table, and each update field by field).  d,
 * initialised by the caller with the file's name as the user knows it,
 * receives every problem as "file:line:column: message"; with any (and
 * not skip_bad), nothing is written and the result is ST_DATA ("nothing
 * was imported: N problems in FILE").  ST_USAGE when the entity cannot be
 * imported. */
enum status import_csv(struct store *s, const struct import_input *in, struct diag *d,
		       struct import_result *res, struct err *e);
/* The same within an action already begun (tend import --all). */
enum status import_csv_in(struct store *s, struct wtx *t, const struct import_input *in,
			  struct diag *d, struct import_result *res, struct err *e);
void import_result_done(struct import_result *res);

#endif
