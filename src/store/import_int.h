/*
 * import_int.h -- the importer's state, shared by its files: import.c (the
 * header, the cells, each record) and import_match.c (keys, and comparing
 * a record with the row it matches).  Nothing outside store/import*.c
 * includes it.
 */
#ifndef TEND_IMPORT_INT_H
#define TEND_IMPORT_INT_H

#include <sqlite3.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/strmap.h"
#include "store/import.h"
#include "store/row.h"

#define SAMPLES 5      /* lines of each outcome kept for the dry run */
#define SHORT 96       /* room for a transformed date, amount or count */

/* A reference field's keys, read once. */
struct refcache {
	const char *column;          /* the key column in the referenced table */
	bool nocase, loaded, sfid;
	struct strmap map;           /* key -> id; -1: several rows have it */
};

struct col {
	int field;                   /* entity field */
	int src;                     /* header column, -1: none (the default applies) */
	const struct map_field *mf;  /* NULL: canonical */
};

struct importer {
	struct store *s;
	struct wtx *t;
	const struct entity *ent;
	const struct import_map *map;   /* NULL: canonical */
	int ncols;                   /* of the header */
	const char *const *header;   /* names, for messages (owned: hdr) */
	char **hdr;
	struct col cols[ENTITY_MAX_FIELDS];
	int n;                       /* cols in parse order: the account first */
	uint32_t given;              /* fields the file (or a default) gives */
	int key[MAP_MATCH], nkey;    /* the match key's fields that are given */
	bool key_opt[MAP_MATCH];     /* that part may be empty; else an empty one: no key */
	bool table_empty;            /* nothing to match against */
	sqlite3_stmt *find;          /* id and the given columns by key */
	int find_col[ENTITY_MAX_FIELDS];   /* field -> result column, -1 */
	struct refcache refs[ENTITY_MAX_FIELDS];
	struct hashset seen;         /* keys met in this file -> line */
	struct row row;
	struct buf tmp[ENTITY_MAX_FIELDS];  /* transformed text, per field */
	struct buf why, json_old, json_new, json_msg, scratch;
	struct import_counts counts;
	char today[DATE_STRLEN];
};

/* The match key's values of the parsed row, hashed (duplicates in a file). */
uint64_t imp_key_hash(const struct importer *im);
/* The key as the file wrote it, for samples and messages. */
void imp_key_text(struct importer *im, const struct csv_record *rec, struct buf *b);
void imp_bind(sqlite3_stmt *st, int i, const struct value *v);
/* The fields of the matched row (im->find stepped on it) the record
 * changes, with their old and new values as JSON (im->json_old, json_new)
 * and, when sample is not NULL, in words. */
enum status imp_changes(struct importer *im, int64_t id, uint32_t *changed, struct buf *sample,
			struct err *e);

#endif
