/*
 * migrate.h -- forward-only schema migrations.
 *
 * The files schema/NNNN_name.sql are embedded into the binary at build time
 * (the generated schema.c) as an array sorted by version.  On open, every
 * migration newer than PRAGMA user_version is applied inside one
 * transaction, and before an existing book is changed a copy of it is kept
 * beside it as `BOOK.vN.bak` (N = the version it had).  A book newer than
 * this binary, or a SQLite file that is not a tend book, is refused.
 */
#ifndef TEND_MIGRATE_H
#define TEND_MIGRATE_H

#include <stddef.h>

/* 'tend' in ASCII, stored in PRAGMA application_id. */
#define TEND_APPLICATION_ID 0x74656e64

struct migration {
	int version;          /* NNNN of the file name; 1, 2, ... without gaps */
	const char *name;     /* the rest of the file name */
	const char *sql;      /* the file's text */
};

extern const struct migration schema_migrations[];
extern const size_t schema_migrations_count;

/* Version the embedded schema brings a book to. */
int migrate_latest(void);

#endif
