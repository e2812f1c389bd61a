/*
 * undo.h -- taking back a user's own changes, newest first (`tend undo`,
 * `u` in the interface).
 *
 * Each undo takes back the user's last change still in force (not an undo
 * itself, not undone yet), exactly as the change journal recorded it
 * (store/journal.h), in one action of its own; the next undo takes back the
 * one before.  It is refused, and changes nothing, when someone changed the
 * same rows since.
 */
#ifndef TEND_UNDO_H
#define TEND_UNDO_H

#include "core/err.h"
#include "store/journal.h"

struct store;

struct undo_result {
	struct journal_change change;      /* what was (or would have been) taken back */
	struct journal_conflict conflict;  /* why it was refused */
};

/* Take back the store's actor's last change.  ST_NOINPUT when nothing is
 * left to undo; ST_DATA, with r->conflict, when a row changed since. */
enum status undo_last(struct store *s, struct undo_result *r, struct err *e);
/* The actor's changes undo would take back, newest first, at most n. */
enum status undo_list(struct store *s, int n, int (*cb)(void *ctx, const struct journal_change *c),
		      void *ctx, struct err *e);

#endif
