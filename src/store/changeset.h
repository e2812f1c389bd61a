/*
 * changeset.h -- a session changeset with only some of its rows: the
 * changes a pull sends a field copy of some accounts (store/sync_scope.c).
 *
 * The SQLite in Debian 12 (3.40) has no sqlite3changegroup_add_change, so
 * the kept rows are written back in the changeset format the session
 * extension documents (sqlite3session.c, "CHANGESET FORMAT"), value by
 * value as the iterator hands them over.  Kept whole, a changeset comes
 * out byte for byte as it went in (tests/unit/check_store.c says so).
 */
#ifndef TEND_STORE_CHANGESET_H
#define TEND_STORE_CHANGESET_H

#include <sqlite3.h>

#include "core/buf.h"
#include "core/err.h"

/* 1 keeps the row the iterator is on, 0 leaves it out, -1 stops with an
 * error the callback has set in e. */
typedef int (*changeset_keep_fn)(void *ctx, sqlite3_changeset_iter *it, const char *table, int op,
				 struct err *e);

/* The rows of changeset (cs, n) keep says yes to, as a changeset, in out
 * (reset first; empty when none is kept). */
enum status changeset_filter(const void *cs, int n, changeset_keep_fn keep, void *ctx, struct buf *out,
			     struct err *e);

#endif
