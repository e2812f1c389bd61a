/*
 * import.h -- importing a CSV file into the book, all or nothing (`tend
 * import`, the unit tests' books, and the interface when it imports).
 *
 * The rows are checked and inserted by the store's importer (store/import.h)
 * inside one bulk write, which is committed only when no row had a
 * problem.  Every problem is reported with its file, line and column, and
 * reading goes on so the user sees them all at once (up to the diagnostics'
 * limit).
 */
#ifndef TEND_APP_IMPORT_H   /* TEND_IMPORT_H is store/import.h's */
#define TEND_APP_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/diag.h"
#include "core/err.h"
#include "store/entity.h"

struct store;

struct import_input {
	const struct entity *ent;  /* what the rows are; it must be importable (ent->import) */
	FILE *fp;                  /* the CSV, header first, read to its end (the caller
				    * closes it) */
	bool dry_run;              /* check every row the same way, write nothing */
};

/* Import in->fp as rows of in->ent in one bulk action ("import ENTITY",
 * audited as a count per table).  d, initialised by the caller with the
 * file's name as the user knows it, receives every problem as
 * "file:line:column: message"; with any, nothing is written and the result
 * is ST_DATA ("nothing was imported: N problems in FILE").  *rows: the rows
 * imported (or found valid, on a dry run; or inserted before the problems,
 * then rolled back).  ST_USAGE when the entity cannot be imported. */
enum status import_csv(struct store *s, const struct import_input *in, struct diag *d,
		       int64_t *rows, struct err *e);

#endif
