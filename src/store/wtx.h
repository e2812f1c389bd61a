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
 *   - the renewal pipeline's rows (store/wtx_evidence.c): written again at
 *     commit for every account whose renewals or their evidence it wrote;
 *   - the accounts whose health a row-audited action changed (the ones
 *     whose facts or override it wrote), handed at commit to the store's
 *     accounts hook, which rescores them in the same transaction
 *     (app/health_current.h sets it);
 *   - (coming) role checks and change capture for offline sync.
 * Nothing else may execute INSERT, UPDATE or DELETE on book tables.
 */
#ifndef TEND_WTX_H
#define TEND_WTX_H

#include <stddef.h>
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
/* A bulk action whose every row is audited like any other change, old and
 * new values and all, instead of by one summary record: imports, whose
 * data comes from outside (the demo and a recompute keep the summary). */
void wtx_audit_each(struct wtx *t);
/* ST_OK when this session may write at all (the book is writable, the
 * actor an active user who is no viewer, or the file's owner); else
 * ST_NOPERM with the words a refused action would get.  Writes are still
 * checked one by one: this is for hiding what cannot succeed. */
enum status wtx_may_write(struct store *s, struct err *e);
/* The same for the rows of one account: ST_NOPERM, with the refusal's
 * words (its owner, and who may), when this session may not change it. */
enum status wtx_may_write_account(struct store *s, int64_t account, struct err *e);
/* A form is opening on row id of ent: until wtx_expect_end(), an action
 * that updates that row fails with ST_DATA and changes nothing if the row
 * is no longer as it is now (another session changed it meanwhile), so a
 * form never overwrites what it did not show.  ST_NOINPUT if there is no
 * such row.  One row at a time. */
enum status wtx_expect(struct store *s, const struct entity *ent, int64_t id, struct err *e);
void wtx_expect_end(struct store *s);
/* Insert r; its new row id goes to *id (may be NULL). */
enum status wtx_insert(struct wtx *t, const struct row *r, int64_t *id, struct err *e);
/* A whole action of one row: begin (audited by row), insert, commit; on
 * failure nothing is written.  id may be NULL. */
enum status wtx_insert_one(struct store *s, const char *action, const struct row *r, int64_t *id,
			   struct err *e);
/* Update the fields set in r of row id.  List fields replace the list.
 * ST_NOINPUT if there is no such row. */
enum status wtx_update(struct wtx *t, const struct row *r, int64_t id, struct err *e);
/* An update whose caller read the row first (an import comparing a file
 * with the book): the fields set in r are written, and the audit record
 * is old and new as given -- JSON objects of the changed fields only --
 * whatever the mode, so a bulk action still logs each change field by
 * field without reading the row back. */
enum status wtx_update_logged(struct wtx *t, const struct row *r, int64_t id, const char *old,
			      const char *new, struct err *e);
enum status wtx_delete(struct wtx *t, const struct entity *ent, int64_t id, struct err *e);
/* This action's changes are not journaled for undo (store/journal.h):
 * derived data (a recompute) or a whole new book (the demo), which nobody
 * takes back row by row.  Call right after wtx_begin. */
void wtx_no_journal(struct wtx *t);
/* The accounts hook: called by wtx_commit, before the COMMIT, with the
 * accounts whose health the action may have changed, ascending, each once,
 * never none: every account one of its rows belongs to (directly, or
 * through a parent: a milestone's objective's plan's account) when the row
 * is a source of the account's facts -- the tables wtx.c knows as such,
 * the same knowledge that marks the stored facts stale -- or is the
 * account's override.  `what` says which (an account may have several).
 * The hook may write through t; its own writes are not collected again
 * and do not mark the stored facts stale (a hook that writes what they
 * are computed from keeps those accounts' rows itself).  An error rolls
 * the whole action back.  Only row-audited actions collect accounts: a
 * bulk one (import, demo, recompute) is the whole book's business, left
 * to `tend health recompute`. */
enum {
	WTX_FACTS = 1 << 0,            /* a source of stored facts (a touchpoint, a ticket, its stage) */
	WTX_UNSTORED_FACTS = 1 << 1,   /* a source of facts never stored only (a task, a risk) */
	WTX_OVERRIDE = 1 << 2,         /* its health override */
};
struct wtx_account {
	int64_t id;
	unsigned what;                 /* WTX_FACTS | WTX_UNSTORED_FACTS | WTX_OVERRIDE */
};
typedef enum status (*wtx_accounts_fn)(void *ctx, struct store *s, struct wtx *t,
				       const struct wtx_account *accounts, size_t n, struct err *e);
/* Set the store's accounts hook (NULL: none), replacing the one before:
 * release (may be NULL) is called with its ctx then, and when the store
 * is closed. */
void wtx_set_accounts_hook(struct store *s, wtx_accounts_fn fn, void *ctx,
			   void (*release)(void *ctx));
/* Rows written so far in this transaction. */
int64_t wtx_rows(const struct wtx *t);
/* Commit and free t (also on failure, after rolling back). */
enum status wtx_commit(struct wtx *t, struct err *e);
/* Roll back and free t.  NULL is a no-op. */
void wtx_abort(struct wtx *t);

#endif
