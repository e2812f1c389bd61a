/*
 * sync_scope.h -- what part of the book a field copy of some accounts
 * holds, table by table (store/sync_scope.c): shared by the clone, which
 * builds such a copy, and the pull, which sends it only its rows.  Store
 * internal.
 */
#ifndef TEND_STORE_SYNC_SCOPE_H
#define TEND_STORE_SYNC_SCOPE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

struct store;

enum scope_kind {
	SCOPE_ALL,          /* book-wide: users, teams, playbook bookkeeping */
	SCOPE_NONE,         /* never in a copy of some accounts: history, summaries, sync's own */
	SCOPE_ACCOUNT,      /* accounts itself */
	SCOPE_BY_ACCOUNT,   /* a row with an account_id */
	SCOPE_CHILD,        /* a row of a row of an account (a milestone of an objective) */
};

#define SCOPE_PARENTS 4

struct scope_table {
	char name[64];
	enum scope_kind kind;
	/* SCOPE_BY_ACCOUNT: account_id; SCOPE_CHILD: the columns naming a
	 * scoped parent (the first one is the one climbed) and the parents */
	int ncols;
	char cols[SCOPE_PARENTS][64], parents[SCOPE_PARENTS][64];
	int colno;          /* cols[0]'s position */
	/* whose a row of no account is (a personal task): its column, or "" */
	char personal[32];
	int personalno;
};

/* How table (of schema, "main" or an attached one) is held by a copy of
 * some accounts.  A table the rules do not know (SQL names it, nothing
 * else) is SCOPE_ALL only when nothing in it points at an account. */
enum status scope_classify(sqlite3 *db, const char *schema, const char *table, struct scope_table *out,
			   struct err *e);

/* The copy the team book is sending changes to, and its scope (found
 * false: the copy holds the whole book, nothing is filtered). */
struct scope_filter;
enum status scope_filter_open(struct store *s, int64_t copy, struct scope_filter **out, struct err *e);
void scope_filter_close(struct scope_filter *f);
/* The rows of changeset (cs, n) the copy holds, in out (empty: none). */
enum status scope_filter_change(struct scope_filter *f, const void *cs, int n, struct buf *out,
				struct err *e);

#endif
