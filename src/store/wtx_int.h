/*
 * wtx_int.h -- the write path's own state, shared by its files: wtx.c (the
 * transaction, statements, audit and journal) and wtx_fts.c (the
 * full-text indexes kept in step with their tables).  Nothing outside
 * store/wtx*.c includes it.
 */
#ifndef TEND_WTX_INT_H
#define TEND_WTX_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "store/entity.h"
#include "store/wtx.h"

struct journal;
struct store;

#define WTX_CACHE 48     /* distinct (entity, field set) shapes per action */
#define WTX_MIRRORS 2    /* full-text indexes (wtx_fts.c) */

struct shape {
	const struct entity *ent;
	uint32_t mask;
	char op;                     /* 'i'nsert or 'u'pdate */
	sqlite3_stmt *st;            /* owned by the store's cache */
};

enum fts_state { FTS_UNKNOWN, FTS_NONE, FTS_ROWS, FTS_REBUILD };

struct wtx {
	struct store *s;
	enum fts_state fts[WTX_MIRRORS];  /* wtx_fts.c */
	char *action;
	enum wtx_mode mode;
	int64_t rows;
	int64_t per_entity[64];      /* rows per catalog entry, for bulk audit */
	struct shape shapes[WTX_CACHE];
	int nshapes;
	char stamp[32];              /* the action's time, for every audit row */
	bool changes_facts;          /* wrote something a stored fact is computed from */
	struct journal *journal;     /* the action's changes, for undo (journal.c) */
	int64_t undo_of;             /* the change this action takes back, 0: none */
	bool stores_facts;           /* wtx_stores_facts() */
	struct wtx_account *accounts;  /* whose health it changed, for the accounts hook */
	size_t naccounts, cap_accounts;
	bool in_hook;                /* the hook is writing: collect nothing more */
};

/* Step a write statement; a failure is said in words (store_sql_error). */
enum status wtx_step_write(struct wtx *t, sqlite3_stmt *st, const struct entity *ent, struct err *e);

/* -- wtx_fts.c ------------------------------------------------------------------ */

/* Add (the row's current text) or remove (its text before a change) row id
 * of ent in its full-text index, if it has one. */
enum status wtx_fts_sync(struct wtx *t, const struct entity *ent, int64_t id, bool add,
			 struct err *e);
/* Before the first insert of an action into ent's table: will its index
 * be built row by row, or in one pass at commit (a bulk load into an
 * empty table)? */
enum status wtx_fts_before_insert(struct wtx *t, const struct entity *ent, struct err *e);
/* Does an update of fields `set` change what ent's full-text index holds? */
bool wtx_touches_index(const struct entity *ent, uint32_t set);
/* At commit: build the indexes of tables a bulk action filled from empty. */
enum status wtx_fts_rebuild(struct wtx *t, struct err *e);

#endif
