/*
 * import_map.h -- mapping files (man tend-import(5)): which column of an
 * export holds each field of an entity, how its values are written, the
 * key that matches rows already in the book, and the rows that are not
 * data (extra header rows, a report's footer).
 *
 * Shipped maps are embedded (maps/NAME.yaml); a user's is any file.
 * import_map_guess() proposes one for a file's header.
 */
#ifndef TEND_IMPORT_MAP_H
#define TEND_IMPORT_MAP_H

#include <stddef.h>

#include "core/buf.h"
#include "core/csvread.h"
#include "core/diag.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/pool.h"
#include "core/textconv.h"
#include "store/import.h"

struct import_mapfile {
	struct import_map map;
	struct pool pool;          /* the map's strings */
};

/* Parse a mapping's YAML text; problems go to d (file:line:column, the
 * file being d's) and give ST_CONFIG. */
enum status import_map_parse(const char *name, const char *text, size_t len,
			     struct import_mapfile *mf, struct diag *d, struct err *e);
void import_map_done(struct import_mapfile *mf);
/* The shipped map called name ("salesforce-accounts"), or NULL. */
const struct embedded_file *import_map_shipped(const char *name);
/* The shipped maps' embedded names ("maps/NAME.yaml"), up to max. */
size_t import_maps_shipped(const char **names, size_t max);
/* The map of a canonical file: the header names the fields. */
void import_map_canonical(struct import_map *m, const struct entity *ent);

/* A proposed mapping, as YAML, for a file whose header is h and whose
 * first data rows are rows[0..nrows): the entity whose fields the
 * columns resemble most, each field's column, and the date format and
 * decimal separator the rows use.  Columns it cannot place are listed
 * as comments. */
void import_map_guess(const struct csv_record *h, const struct csv_record *const *rows,
		      int nrows, char delim, struct buf *out);

#endif
