/*
 * watch.h -- noticing other sessions' changes: many tend processes share a
 * book (WAL, a busy timeout, short BEGIN IMMEDIATE writes), and an open
 * interface asks now and then whether anyone else committed.
 */
#ifndef TEND_WATCH_H
#define TEND_WATCH_H

#include <stdint.h>

#include "core/err.h"

struct store;

/* SQLite's PRAGMA data_version: a number that changes when another
 * connection commits to the book, and never for this store's own writes.
 * Cheap (no read of the book), so it can be asked several times a second. */
enum status store_data_version(struct store *s, int64_t *version, struct err *e);

#endif
