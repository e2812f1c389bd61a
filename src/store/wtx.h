/*
 * wtx.h -- the write path: the only way anything is written to the book.
 *
 * A user action opens one write transaction (BEGIN IMMEDIATE, so two
 * sessions on a shared book queue instead of deadlocking), writes rows
 * through wtx_insert/update/delete, and commits or aborts as a whole.  This
 * narrow family is where everything that must see every write lives:
 *   - the audit record: each row change is logged with its old and new
 *     values as JSON; bulk actions (demo, import) log one summary record
 *     with per-table counts instead;
 *   - refusal on a read-only book;
 *   - the full-text search indexes of accounts and touchpoints;
 *   - the stored facts (store/account_facts.h): a commit that wrote
 *     anything they are computed from marks them stale;
 *   - (coming) role checks and change capture for offline sync.
 * Nothing else may execute INSERT, UPDATE or DELETE on book tables.
 */
#ifndef TEND_WTX_H
#define TEND_WTX_H

#include <stdint.h>

#include "core/err.h"
#include "store/row.h"

struct store;
struct wtx;

enum wtx_mode {
	WTX_AUDIT_ROWS = 0,   /* one audit record per row changed */
	WTX_BULK = 1,         /* one summary audit record for the action */
};

/* Start the transaction for one user action, named for the audit log
 * ("task add", "import accounts").  Only one may be open per store. */
enum status wtx_begin(struct store *s, const char *action, enum wtx_mode mode,
		      struct wtx **out, struct err *e);
/* Insert r; its new row id goes to *id (may be NULL). */
enum status wtx_insert(struct wtx *t, const struct row *r, int64_t *id, struct err *e);
/* A whole action of one row: begin (audited by row), insert, commit; on
 * failure nothing is written.  id may be NULL. */
enum status wtx_insert_one(struct store *s, const char *action, const struct row *r, int64_t *id,
			   struct err *e);
/* Update the fields set in r of row id.  List fields replace the list.
 * ST_NOINPUT if there is no such row. */
enum status wtx_update(struct wtx *t, const struct row *r, int64_t id, struct err *e);
enum status wtx_delete(struct wtx *t, const struct entity *ent, int64_t id, struct err *e);
/* This action's changes are not journaled for undo (store/journal.h):
 * derived data (a recompute) or a whole new book (the demo), which nobody
 * takes back row by row.  Call right after wtx_begin. */
void wtx_no_journal(struct wtx *t);
/* Rows written so far in this transaction. */
int64_t wtx_rows(const struct wtx *t);
/* Commit and free t (also on failure, after rolling back). */
enum status wtx_commit(struct wtx *t, struct err *e);
/* Roll back and free t.  NULL is a no-op. */
void wtx_abort(struct wtx *t);

#endif
