/*
 * store_int.h -- what the store's own modules share; never included outside
 * src/store/.
 */
#ifndef TEND_STORE_INT_H
#define TEND_STORE_INT_H

#include <sqlite3.h>

#include "store/store.h"
#include "store/wtx.h"

struct wtx;

struct stmt_slot {
	char *sql;                  /* owned copy of the text, the cache key */
	sqlite3_stmt *stmt;
};

/* How long a statement waits for another session's lock (a lead's long
 * recompute must not fail a CSM's save); wtx.c retries a write's start
 * beyond it. */
#define STORE_BUSY_TIMEOUT_MS 5000

struct store {
	sqlite3 *db;
	/* A form's record as it was when the form opened (wtx_expect): the
	 * first update of that row in an action must find it so. */
	struct {
		const struct entity *ent;
		int64_t id;
		char *json;
	} expect;
	char *path;
	char *backup_path;          /* copy made before the last migration */
	char *actor;
	bool enforce_roles;          /* store_opts.enforce_roles */
	bool read_only;
	const char *read_only_why;  /* opened read-only although not asked to: why (static text) */
	enum status read_only_status;  /* and the status a write then fails with */
	struct clock clock;
	struct stmt_slot *cache;    /* open-addressed, keyed by SQL text */
	size_t cache_cap;
	size_t cache_len;
	struct wtx *tx;             /* the write transaction in progress, if any */
	bool has_stored_facts;      /* the schema has account_facts (version 5 on) */
	bool has_journal;           /* the schema has the change journal (version 6 on) */
	bool has_audit_chain;       /* audit_log has its hash chain (version 13 on) */
	bool has_renewal_evidence;  /* the schema has renewal_evidence (version 17 on) */
	bool has_dash;              /* the schema has the dashboard's summary (version 16 on) */
	bool has_sync;              /* the sync tables exist (version 18 on) */
	int64_t id_lo, id_hi;       /* new synced rows take ids in [id_lo, id_hi); 0: any */
	wtx_accounts_fn accounts_hook;         /* wtx_set_accounts_hook() */
	void *hook_ctx;
	void (*hook_release)(void *ctx);
};

/* The worst-first rank of a band (SQL text over the column or expression
 * band): red 0 .. green 4, unknown 5.  Health lists sort by the band in
 * force this way, then by score; schema/NNNN_one_override.sql indexes account_health by
 * HEALTH_BAND_RANK("band") written out, which must stay the same text. */
#define HEALTH_BAND_RANK(band) \
	"(CASE " band " WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2" \
	" WHEN 'lightgreen' THEN 3 WHEN 'green' THEN 4 ELSE 5 END)"

/* A prepared statement for sql, cached for the life of the store, reset and
 * with its bindings cleared.  Statements are only ever built from constant
 * text and schema metadata, never from data: data is always bound. */
sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct err *e);
/* Set e from the connection's last error, prefixed with what was being done. */
enum status store_sql_error(struct store *s, struct err *e, const char *what);
/* A failed constraint in words, never the schema text SQLite quotes; rule:
 * the row-level CHECK in words (struct entity), or NULL. */
enum status store_constraint_error(int code, const char *msg, struct err *e, const char *what,
				   const char *rule);
/* Register tend_audit_hash() on a connection (audit_chain.c). */
int audit_chain_register(sqlite3 *db);
/* One audit row's columns, for its hash (audit_chain.c); row_id 0 and
 * NULL texts hash as SQL NULL. */
struct audit_row {
	const char *prev;           /* the hash of the row before, NULL for the first */
	int64_t id;
	const char *at, *actor, *action, *table;
	int64_t row_id;
	const char *op, *old, *new;
};
/* What tend_audit_hash() gives for the same values: 64 hex digits. */
void audit_hash_row(const struct audit_row *r, char out[65]);
/* Whether audit_log has the chain (a test may hold an older book). */
bool audit_chain_present(struct store *s);
/* The ids the query sql (constant text, one ?1 bound to param) returns,
 * in a new array of *n; what names the read in an error. */
enum status store_ids(struct store *s, const char *sql, int64_t param, int64_t **ids, size_t *n,
		      const char *what, struct err *e);
/* Bind helpers: NULL strings bind SQL NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Column text, NULL for SQL NULL (sqlite3_column_text gives NULL there too,
 * but also on a failed allocation: asking the type first tells them apart). */
const char *store_col_text(sqlite3_stmt *st, int i);

/* A task's status as read (doc/model.md section 2): a snoozed task whose
 * snooze has ended is open again.  K is the tasks table's name or alias,
 * TODAY the parameter bound to the store's today ("?1"). */
#define TASK_STATUS_SQL(K, TODAY) \
	"(CASE WHEN " K ".status = 'snoozed' AND " K ".snoozed_until <= " TODAY \
	" THEN 'open' ELSE " K ".status END)"

/* The store a write transaction writes to, and its time stamp (the
 * audit log's), for the store modules that keep derived tables. */
struct store *wtx_store(struct wtx *t);
const char *wtx_stamp(const struct wtx *t);
/* This transaction stores the facts itself (store_account_facts_begin):
 * its commit leaves them as it wrote them, whatever else it wrote. */
void wtx_stores_facts(struct wtx *t);

/* A change from elsewhere applied inside t as an undo is (store/journal.c):
 * the search indexes kept, each row audited, its accounts collected;
 * conflict is sqlite3changeset_apply's handler.  ST_DATA when the handler
 * aborted (the transaction must then be rolled back). */
typedef int (*journal_conflict_fn)(void *ctx, int why, sqlite3_changeset_iter *it);
/* Rows the handler left out, so not audited as changed. */
typedef bool (*journal_skip_fn)(void *ctx, const char *table, int64_t id);
enum status journal_apply(struct wtx *t, int n, void *cs, journal_conflict_fn conflict,
			  journal_skip_fn skip, void *ctx, struct err *e);
/* A row of the team dashboard's per-owner figures, in store/team.c's
 * column order (login, bands, ARR at risk, renewals, late tasks,
 * escalations), as both its readers give them (team.c, dash.c). */
struct team_extra;
void store_team_extra_read(sqlite3_stmt *st, struct team_extra *x);
/* Is the table journaled, and so sent by sync (journal.c)? */
bool journal_table_synced(const char *table);
/* The next id of s's range for a new row of table (store/sync.c);
 * ST_CANTCREAT when the range is used up. */
enum status store_sync_next_id(struct store *s, const char *table, int64_t *id, struct err *e);
/* Read the book's id range, at open (store/sync.c). */
void store_sync_open(struct store *s);
/* The copy a change comes from (store/sync.c), kept with it in the
 * journal; 0: made here. */
void wtx_set_origin(struct wtx *t, int64_t copy);
int64_t wtx_origin(const struct wtx *t);

/* The action's name ("task done"). */
const char *wtx_action(const struct wtx *t);
/* For undo (journal.c): the action takes change back; it wrote rows of
 * table; the search index of a row of table; an audit record as is; one
 * summary record of the rows written. */
void wtx_undoes(struct wtx *t, int64_t change);
void wtx_wrote_table(struct wtx *t, const char *table);
/* Is column of table one its full-text index holds? */
bool wtx_indexed_column(const char *table, const char *column);
enum status wtx_fts_sync_table(struct wtx *t, const char *table, int64_t id, bool add, struct err *e);
/* For undo: row id of table (of a list's child table: its parent's id)
 * changes, for the accounts hook (wtx.h); call it while the row is there:
 * before a delete, after an insert, and on both sides of an update.  For
 * an update, names[0..n) are the table's columns and changed[] says which
 * it changes; names NULL: every column. */
enum status wtx_collect_row(struct wtx *t, const char *table, int64_t id, const char *const *names,
			    const bool *changed, int n, struct err *e);
enum status wtx_audit_row(struct wtx *t, const char *table, int64_t id, const char *op, const char *old,
			  const char *new, struct err *e);
enum status wtx_audit_summary(struct wtx *t, struct err *e);

/* The change journal, for the write path (journal.c). */
struct journal;
enum status journal_open(struct store *s, struct journal **out, struct err *e);
enum status journal_save(struct journal *j, struct wtx *t, int64_t undo_of, struct err *e);
void journal_close(struct journal *j);

/* Apply the pending migrations of opts (store/migrate.c). */
enum status migrate_open(struct store *s, const struct store_opts *opts, struct err *e);

#endif
