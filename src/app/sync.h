/*
 * sync.h -- the use cases of offline field copies (doc/sync.md): clone a
 * copy of the team book, push its changes back, pull the team's, and
 * resolve a conflict.  Each is one transaction on each book it writes.
 *
 * The copy and the team book are two open stores; the CLI opens the team
 * book at the path the copy remembers, under the same identity, so a push
 * is checked against the pusher's role there as a direct write would be.
 */
#ifndef TEND_APP_SYNC_H
#define TEND_APP_SYNC_H

#include <stdint.h>

#include "core/err.h"

struct store;

#define SYNC_REFUSALS 16

struct sync_report {
	int64_t changes;            /* journal changes sent or taken */
	int64_t rows;               /* row changes applied */
	int64_t conflicts;          /* recorded on the team book */
	int64_t skipped;            /* rows gone on both sides, or applied before */
	int64_t refused;            /* changes the pusher could not make directly */
	char refusals[SYNC_REFUSALS][512];   /* the first ones, in words */
	int nrefusals;
};

/* Copy the team book (open as team) to path, a new file, as a field copy
 * of login's; then open it with copy_open and make it remember its source
 * (source_path, as an absolute path).  *copy is its number. */
enum status sync_clone(struct store *team, const char *source_path, const char *path, const char *login,
		       enum status (*copy_open)(void *ctx, const char *path, struct store **out,
						struct err *e),
		       void *ctx, int64_t *copy, struct err *e);
/* Send the copy's changes since its last push to the team book.  A change
 * the pusher may not make there is refused (r->refused, r->refusals) and
 * taken back on the copy; the rest lands. */
enum status sync_push(struct store *copy, struct store *team, struct sync_report *r, struct err *e);
/* Take the team book's changes since the last pull (not the copy's own).
 * Refused while the copy has changes not pushed. */
enum status sync_pull(struct store *copy, struct store *team, struct sync_report *r, struct err *e);
/* Resolve conflict id on the team book: "theirs" keeps the team's value,
 * "mine" writes the copy's, "edit" writes value (text, parsed as the
 * column's JSON scalar when it is one, else taken as text). */
enum status sync_resolve(struct store *team, int64_t id, const char *how, const char *value,
			 struct err *e);

#endif
