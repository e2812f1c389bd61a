/*
 * testutil.h -- helpers shared by the check unit tests: temporary books and
 * one-value SQL probes.  Tests may read the database directly (they check
 * what the store wrote); product code never does.
 */
#ifndef TEND_TESTUTIL_H
#define TEND_TESTUTIL_H

#include <check.h>
#include <sqlite3.h>
#include <stdint.h>

#include "store/entity.h"
#include "store/store.h"

/* A fresh temporary directory (removed by tu_cleanup). */
const char *tu_tmpdir(void);
/* Path of a new file name inside tu_tmpdir(); caller frees. */
char *tu_path(const char *name);
/* The wall clock every test runs at (audit stamps): no test reads the real
 * time. */
#define TU_WALL_CLOCK "2026-11-23T09:30:00Z"
/* A clock with today fixed ("YYYY-MM-DD") and the wall clock pinned to
 * TU_WALL_CLOCK.  Fails the test on a bad date. */
void tu_clock(struct clock *c, const char *today);
/* Open (creating) a book at path, or a new temp file when path is NULL,
 * with tu_clock(today).  Fails the test on error. */
struct store *tu_open(const char *path, const char *today);
/* The connection behind a store, for probes. */
sqlite3 *tu_db(struct store *s);
/* First column of the first row of sql as an integer / text (caller frees). */
int64_t tu_int(struct store *s, const char *sql);
char *tu_text(struct store *s, const char *sql);
/* Every row of every table (sorted by table, then rowid) as text, for
 * comparing two books; caller frees. */
char *tu_dump(struct store *s);
/* Import csv text as ent, named t.csv, with the import `tend import` runs
 * (app/import.h): one transaction, committed only when clean.  Returns the
 * number of problems; their lines (each ending in '\n') go to *report when
 * it is not NULL (caller frees); rows imported to *rows. */
size_t tu_import(struct store *s, const struct entity *ent, const char *csv, int64_t *rows,
		 char **report);
/* Every row of ent as the CSV `tend export` writes; caller frees. */
char *tu_export(struct store *s, const struct entity *ent);
/* Remove the temporary directory. */
void tu_cleanup(void);
/* Run a suite and return the process exit status. */
int tu_run(Suite *s);

#endif
