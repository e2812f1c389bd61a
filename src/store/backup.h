/*
 * backup.h -- copying an open book to a new file with SQLite's online
 * backup API (`tend backup FILE`), safe while other sessions write: the
 * copy is one consistent state of the book, and writers are not stopped
 * (in WAL mode a reader blocks nobody).
 */
#ifndef TEND_BACKUP_H
#define TEND_BACKUP_H

#include "core/err.h"

struct store;

/* Copy the book to path, a new file made 0600 (an existing one is refused,
 * ST_CANTCREAT; a failed copy is removed). */
enum status store_backup_to(struct store *s, const char *path, struct err *e);

#endif
