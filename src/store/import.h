/*
 * import.h -- rows from a CSV file into the book: inserted, or updated where
 * they match a row already there, all or nothing.
 *
 * The caller (app/import.c) reads the file (core/csvread.h) inside one write
 * transaction and feeds the header and then each record here.  A map
 * (struct import_map, read from a mapping file by app/import_map.c, see
 * man tend-import(5)) says which column holds each field and how its values
 * are written; without one the header names the fields and the values are
 * canonical.  Each record is matched by the map's key (an account's
 * external id, a ticket's number, a usage row's account and date...): a new
 * key is inserted, a known one updated in the fields that differ, each
 * change audited with its old and new values; the same file twice changes
 * nothing.
 *
 * Every problem goes to the diagnostics with the line and column of the
 * offending cell, and parsing goes on so the user sees all of them at once.
 *
 * Speed: statements are prepared once; references (an account by external
 * id or name, a user by login, email or display name) are read once into
 * memory; a table empty when the import starts needs no lookups; an
 * unchanged row costs one indexed read and no write.
 */
#ifndef TEND_IMPORT_H
#define TEND_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/csvread.h"
#include "core/diag.h"
#include "store/entity.h"

struct store;
struct wtx;
struct importer;

#define MAP_ALTS 8     /* alternative columns, date formats, footer prefixes */
#define MAP_MATCH 4    /* fields in a match key */

enum map_case { MAP_CASE_AUTO, MAP_CASE_NONE, MAP_CASE_LOWER, MAP_CASE_UPPER };

struct map_value {
	const char *from, *to;           /* a cell reading `from` (any case) means `to` */
};

struct map_field {
	int field;                       /* index in the entity */
	const char *columns[MAP_ALTS];   /* header names, the first present wins */
	int ncolumns;                    /* 0: the field takes its default */
	const char *dates[MAP_ALTS];     /* date formats (domain/import_fmt.h), in order */
	int ndates;
	bool salesforce_id;              /* 18-character ids cut to 15 */
	enum map_case fold;              /* AUTO: enumerations fold, text stays */
	const struct map_value *values;  /* value map */
	int nvalues;
	const char *def;                 /* for an empty cell or an absent column */
	const char *by;                  /* a reference's key: external_id, name, email, login */
	long line;                       /* in the mapping file, for messages */
};

struct import_map {
	const char *name;                /* the map's name or file, for messages */
	const char *description;         /* one line, for --maps */
	const struct entity *ent;
	struct map_field fields[ENTITY_MAX_FIELDS];
	int nfields;
	int match[MAP_MATCH];            /* the key's fields; 0 of them: the entity's own */
	int nmatch;
	char decimal, thousands;         /* how money and counts are written */
	int header_rows;                 /* rows after the header that are not data */
	const char *footer[MAP_ALTS];    /* a row whose first cell starts so ends the data */
	int nfooter;
	const char *encoding;            /* as the map says it, or NULL */
	char delimiter;                  /* '\0': sniffed */
	bool canonical;                  /* no map: the header names the fields */
};

enum import_outcome { IMP_INSERTED, IMP_UPDATED, IMP_UNCHANGED, IMP_REJECTED, IMP_NKINDS };

struct import_counts {
	int64_t n[IMP_NKINDS];
	struct buf sample[IMP_NKINDS];   /* "line N: ..." lines, the first few of each */
	int nsample[IMP_NKINDS];
};

/* Map the header to the entity's fields; problems go to d.  map NULL: the
 * canonical columns.  Returns NULL when the header is unusable. */
struct importer *importer_new(struct store *s, struct wtx *t, const struct import_map *map,
			      const struct csv_record *header, struct diag *d);
/* Validate one record and insert it, update its match or leave it;
 * problems go to d (the outcome is then IMP_REJECTED). */
enum import_outcome importer_row(struct importer *im, const struct csv_record *rec,
				 struct diag *d);
const struct import_counts *importer_counts(const struct importer *im);
void importer_free(struct importer *im);

/* The key column of the referenced table a map's `by:` names (display_name
 * is a user's name), or NULL when that table cannot be referenced so. */
const char *import_ref_key(const struct ref_def *ref, const char *by);
/* The entity's own match key when a map names none: field names, NULL-ended
 * (empty: rows are only inserted). */
const char *const *import_default_key(const struct entity *ent);

#endif
