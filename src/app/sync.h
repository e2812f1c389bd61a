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

#include <stdbool.h>
#include <stddef.h>
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
	int64_t unheld;             /* pull: accounts of the user's the copy lacks */
	int64_t left_out;           /* pull: rows needing rows the copy lacks */
	char refusals[SYNC_REFUSALS][512];   /* the first ones, in words */
	int nrefusals;
};

struct sync_change;
struct sync_scope_req;

/* The team book, wherever it is: what a copy asks of it.  A book on a path
 * is sync_remote_local(); one over ssh, the CLI's (cli/sync_ssh.c). */
struct sync_remote {
	void *ctx;
	/* Number a new copy for login and write what req says it holds to path. */
	enum status (*clone)(void *ctx, const char *path, const char *login, const struct sync_scope_req *req,
			     int64_t *copy, int64_t *through, struct err *e);
	/* Apply a copy's changes (sync_team_push). */
	enum status (*push)(void *ctx, int64_t copy, const struct sync_change *v, size_t n, bool *refused,
			    struct sync_report *r, struct err *e);
	/* The team's changes after `after` but copy's own, oldest first, and
	 * *last, its last change, read first; *unheld, the accounts the
	 * copy's user owns there that a copy of theirs does not hold. */
	enum status (*changes)(void *ctx, int64_t after, int64_t copy,
			       int (*cb)(void *cbctx, const struct sync_change *c), void *cbctx,
			       int64_t *last, int64_t *unheld, struct err *e);
	/* How many conflicts of copy are open. */
	enum status (*open_conflicts)(void *ctx, int64_t copy, int64_t *n, struct err *e);
};
void sync_remote_local(struct sync_remote *r, struct store *team);

/* Make path (a new file) a field copy of login's of the team book, of what
 * req says (store/sync.h): the remote writes it, copy_open opens it, and
 * it remembers source (how to reach the team book again: a path or
 * ssh://host/path).  *copy is its number. */
enum status sync_clone(const struct sync_remote *team, const char *source, const char *path,
		       const char *login, const struct sync_scope_req *req,
		       enum status (*copy_open)(void *ctx, const char *path, struct store **out,
						struct err *e),
		       void *ctx, int64_t *copy, struct err *e);
/* Send the copy's changes since its last push to the team book.  A change
 * the pusher may not make there is refused (r->refused, r->refusals) and
 * taken back on the copy; the rest lands. */
enum status sync_push(struct store *copy, const struct sync_remote *team, struct sync_report *r,
		      struct err *e);
/* The team side of a push, on the team book as the pusher: every change of
 * v (oldest first) not applied before, in one transaction with the mark of
 * what was applied; refused[i] says which were refused. */
enum status sync_team_push(struct store *team, int64_t copy, const struct sync_change *v, size_t n,
			   bool *refused, struct sync_report *r, struct err *e);
/* Take the team book's changes since the last pull (not the copy's own).
 * Refused while the copy has changes not pushed. */
enum status sync_pull(struct store *copy, const struct sync_remote *team, struct sync_report *r,
		      struct err *e);
/* Resolve conflict id on the team book: "theirs" keeps the team's value,
 * "mine" writes the copy's, "edit" writes value (text, parsed as the
 * column's JSON scalar when it is one, else taken as text). */
enum status sync_resolve(struct store *team, int64_t id, const char *how, const char *value,
			 struct err *e);

#endif
