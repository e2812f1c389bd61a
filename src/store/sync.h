/*
 * sync.h -- a field copy's bookkeeping and the changes sync moves between
 * a copy and the team book (schema/0018_sync.sql, doc/sync.md): the copy's
 * state, the team book's list of copies, the conflicts, the id ranges, and
 * applying another book's change inside a write transaction.
 *
 * A change is a row of the change journal (store/journal.h): an action's
 * session changeset.  Sync sends those as they are; the team book applies a
 * copy's changes under the pusher's identity, deciding conflicts there (the
 * team's value is kept, both recorded); a copy applies the team's changes
 * as the team has them.
 */
#ifndef TEND_STORE_SYNC_H
#define TEND_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct buf;
struct store;
struct wtx;

/* The team book's own rows stay below SYNC_TEAM_HI; copy n takes
 * [SYNC_TEAM_HI + n * SYNC_RANGE, SYNC_TEAM_HI + (n + 1) * SYNC_RANGE). */
#define SYNC_TEAM_HI ((int64_t)1 << 40)
#define SYNC_RANGE ((int64_t)1 << 32)

/* A copy's memory of where it came from (found false: not a copy). */
struct sync_state {
	bool found;
	char source[1024];
	int64_t copy, id_lo, id_hi;
	char login[64], cloned_at[32];
	int64_t pushed_through, pulled_through;
	char pushed_at[32], pulled_at[32];   /* "" never */
	char scope[16];                      /* team, mine or accounts */
	int64_t accounts;                    /* how many it holds */
};

bool store_sync_present(const struct store *s);
/* Is the book a field copy, or a team book with copies made of it? */
bool store_sync_in_use(const struct store *s);
enum status store_sync_state(struct store *s, struct sync_state *st, struct err *e);

/* The team book: number a new copy made by login to path (within a write
 * the caller holds, or alone). */
enum status store_sync_add_copy(struct store *s, const char *login, const char *path, int64_t *copy,
				struct err *e);
/* What a copy holds: the whole book (team), or the clone's user's
 * accounts (mine) and those named (ids, external ids or names). */
struct sync_scope_req {
	bool team, mine;
	const char *const *accounts;
	size_t naccounts;
};
/* "team", "mine" or "accounts". */
const char *sync_scope_kind(const struct sync_scope_req *req);
/* Copy the book to path as one consistent read and number the copy for
 * login: the whole book by the backup API, or the accounts in scope, what
 * hangs off them and the book-wide rows, built afresh with no history
 * (store/sync_clone.c).  *through is the book's last change, which the
 * copy holds.  A failure leaves no file. */
enum status store_sync_clone_to(struct store *s, const char *path, const char *login,
				const struct sync_scope_req *req, int64_t *copy, int64_t *through,
				struct err *e);
/* Team side: how many accounts copy's user owns that the copy, one of
 * their accounts (--mine), does not hold (handed to them since the clone);
 * 0 for other copies. */
enum status store_sync_unheld(struct store *s, int64_t copy, int64_t *n, struct err *e);
/* login's user id (0: no such user). */
enum status store_sync_user_id(struct store *s, const char *login, int64_t *id, struct err *e);
/* The new copy: remember the source, its number, what it holds (kind, and
 * how many accounts) and the team's last change it holds; drop the team
 * book's own sync bookkeeping it inherited. */
enum status store_sync_become_copy(struct store *s, const char *source, int64_t copy,
				   const char *login, const char *kind, int64_t pulled_through,
				   struct err *e);
/* The last change id of the journal (0: none). */
enum status store_sync_last_change(struct store *s, int64_t *id, struct err *e);
/* How many changes the journal holds after id, made here (not pushed from a copy). */
enum status store_sync_count_after(struct store *s, int64_t after, int64_t *n, struct err *e);

/* A copy's team book on a path, opened as the copy was (the same person,
 * clock and role checks); ST_USAGE for a copy of a book over ssh. */
enum status store_sync_open_source(struct store *copy, struct store **team, struct err *e);
/* A copy's changes not pushed yet; -1 when the book is no copy. */
enum status store_sync_unsynced(struct store *s, int64_t *n, struct err *e);
/* Team side: the last change of a copy applied here; move it. */
enum status store_sync_applied(struct store *s, int64_t copy, int64_t *through, bool *known,
			       struct err *e);
enum status store_sync_set_applied(struct store *s, int64_t copy, int64_t through, struct err *e);
/* Copy side, after a push or a pull went through. */
enum status store_sync_set_pushed(struct store *s, int64_t through, struct err *e);
enum status store_sync_set_pulled(struct store *s, int64_t through, struct err *e);

/* The journal's changes after id, oldest first, but those that came from
 * copy skip (0: none skipped); for a copy of some accounts, each with only
 * the rows it holds, and none that holds none of them. */
struct sync_change {
	int64_t id;
	const char *at, *actor, *action;
	int64_t origin;
	const void *cs;
	int n;
};
enum status store_sync_changes(struct store *s, int64_t after, int64_t skip,
			       int (*cb)(void *ctx, const struct sync_change *c), void *ctx,
			       struct err *e);

/* -- applying a change --------------------------------------------------------- */

/* What applying did. */
struct sync_applied {
	int64_t rows;              /* row changes applied */
	int64_t conflicts;         /* recorded in sync_conflicts (push) */
	int64_t skipped;           /* rows not there any more on either side */
};

/* Push side, on the team book inside t: may the pusher (the store's actor)
 * write every row the change touches -- before it is applied (!after: the
 * rows an update or a delete changes, as they are) and after (the rows an
 * insert or an update leaves)?  ST_NOPERM with the refusal, as a direct
 * write would get it. */
enum status store_sync_check(struct wtx *t, const struct sync_change *c, bool after, struct err *e);
/* Apply c inside t.  push: on the team book, from copy `copy`; the same
 * field changed on both sides keeps the team's value and records a
 * conflict, as does a row deleted on one side and changed on the other.
 * Else (a pull, on a copy): the team's values win.  ST_DATA when the change
 * breaks a constraint (the caller rolls back). */
enum status store_sync_apply(struct wtx *t, const struct sync_change *c, bool push, int64_t copy,
			     struct sync_applied *out, struct err *e);

/* The changes t writes come from copy (the team book's journal keeps it). */
void store_sync_mark_origin(struct wtx *t, int64_t copy);
/* text as a JSON string (malloc'd). */
char *store_sync_json_text(const char *text);

/* On the copy, inside t: take back a change the team book refused, but
 * the rows changed since (left as they are). */
enum status store_sync_revert(struct wtx *t, const struct sync_change *c, struct sync_applied *out,
			      struct err *e);

/* On a copy of some accounts: change (cs, n) of the team's without the
 * rows that name a row the copy holds neither already nor in the change,
 * nor the rows that needed those (store/sync_fit.c), in out; *left_out,
 * how many went. */
enum status store_sync_fit(struct store *s, const void *cs, int n, struct buf *out, int64_t *left_out,
			   struct err *e);

/* -- conflicts ------------------------------------------------------------------- */

struct sync_conflict {
	int64_t id;
	char kind[16];             /* field, deleted_here (the copy deleted it), deleted_there */
	int64_t copy;
	char table[64], column[64];
	char field[64];            /* the column as the catalog names it ("seats"), else the column */
	char account[256];         /* the account the row is of, by name; "" when unknown or gone */
	int64_t row_id;
	char *original, *mine, *theirs;   /* JSON; NULL: none */
	char mine_by[64], mine_at[32], theirs_by[64], theirs_at[32];
	char status[16];
};
void sync_conflict_done(struct sync_conflict *c);
/* Every conflict (open_only: those not resolved), oldest first. */
enum status store_sync_conflicts(struct store *s, bool open_only,
				 int (*cb)(void *ctx, const struct sync_conflict *c), void *ctx,
				 struct err *e);
/* How many are open (of copy; 0: of every copy). */
enum status store_sync_count_open(struct store *s, int64_t copy, int64_t *n, struct err *e);
/* One; ST_NOINPUT when there is none. */
enum status store_sync_conflict(struct store *s, int64_t id, struct sync_conflict *c, struct err *e);
/* Set column of row id of table to a JSON scalar, inside t, as an
 * ordinary audited change the actor must be allowed to make. */
enum status store_sync_write_value(struct wtx *t, const char *table, int64_t id, const char *column,
				   const char *json, struct err *e);
/* Mark it resolved (status mine, theirs or edited) by the store's actor. */
enum status store_sync_conflict_close(struct store *s, int64_t id, const char *status,
				      struct err *e);

#endif
