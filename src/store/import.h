/*
 * import.h -- adding rows from a CSV file to the book, all or nothing.
 *
 * The caller reads the file (core/csvread.h) inside one write transaction
 * and feeds the header and then each record here.  Every problem goes to the
 * diagnostics with the line and column of the offending cell, and parsing
 * goes on so the user sees all of them at once; the caller commits only when
 * there were none.
 */
#ifndef TEND_IMPORT_H
#define TEND_IMPORT_H

#include <stdint.h>

#include "core/csvread.h"
#include "core/diag.h"
#include "store/entity.h"

struct store;
struct wtx;
struct importer;

/* Map the header to the entity's fields; problems go to d.  Returns NULL
 * when the header is unusable (nothing to import against). */
struct importer *importer_new(struct store *s, struct wtx *t, const struct entity *ent,
			      const struct csv_record *header, struct diag *d);
/* Validate and insert one record (unless problems were found earlier). */
void importer_row(struct importer *im, const struct csv_record *rec);
/* Rows inserted so far. */
int64_t importer_count(const struct importer *im);
void importer_free(struct importer *im);

#endif
