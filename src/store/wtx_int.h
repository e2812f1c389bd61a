/*
 * wtx_int.h -- the write path's own state, shared by its files: wtx.c (the
 * transaction, statements, audit and journal) and wtx_fts.c (the
 * full-text indexes kept in step with their tables).  Nothing outside
 * store/wtx*.c includes it (but the unit tests of wtx_audit.c).
 * Also wtx_audit.c and wtx_newrow.c: the audit records, each row's JSON
 * and its place in the hash chain.
 */
#ifndef TEND_WTX_INT_H
#define TEND_WTX_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/entity.h"
#include "store/wtx.h"

struct journal;
struct row;
struct store;

#define WTX_CACHE 48     /* distinct (entity, field set) shapes per action */
#define WTX_MIRRORS 2    /* full-text indexes (wtx_fts.c) */
#define WTX_READS 16     /* entities whose rows an action reads for the audit (wtx_audit.c) */

struct shape {
	const struct entity *ent;
	uint32_t mask;
	char op;                     /* 'i'nsert or 'u'pdate */
	sqlite3_stmt *st;            /* owned by the store's cache */
};

/* The statement reading an entity's row for its audit JSON (wtx_audit.c). */
struct wtx_read {
	const struct entity *ent;
	bool no_lists;               /* without its list fields (a new row's are empty) */
	sqlite3_stmt *st;            /* owned by the store's cache */
};

/* How a table stores a new row's values (wtx_newrow.c). */
struct wtx_coldef {
	char type;                   /* 'i'nteger, 'r'eal, 't'ext */
	bool has_default;
	char dflt[32];               /* the literal default, unquoted */
};
struct wtx_cols {
	const struct entity *ent;
	bool usable;                 /* false: read new rows back */
	struct wtx_coldef col[ENTITY_MAX_FIELDS];   /* by field */
};

/* The audit log's head as the action last wrote it (wtx_audit.c). */
struct wtx_chain {
	bool read;                   /* read from the log at the action's first record */
	int64_t id;                  /* the last row's id, 0: an empty log */
	bool has_hash;
	char hash[65];               /* its hash */
	sqlite3_stmt *insert;        /* the record's INSERT (the store's cache owns it) */
};

enum fts_state { FTS_UNKNOWN, FTS_NONE, FTS_ROWS, FTS_REBUILD };

/* Who is writing (wtx_perm.c), read at wtx_begin. */
struct wtx_who {
	bool known, active;          /* a user of the book; still active */
	bool no_users;               /* the book has no users yet */
	bool all;                    /* may write everything (admin, owner, set-up) */
	int64_t id, team;            /* user and team ids, 0: none */
	char role[16];               /* csm, lead, admin, viewer; "" when no user */
	char team_name[64];
};

struct wtx {
	struct store *s;
	enum fts_state fts[WTX_MIRRORS];  /* wtx_fts.c */
	char *action;
	enum wtx_mode mode;
	bool audit_each;             /* WTX_BULK, but every row audited (wtx_audit_each) */
	int64_t rows;
	int64_t per_entity[64];      /* rows per catalog entry, for bulk audit */
	struct shape shapes[WTX_CACHE];
	int nshapes;
	char stamp[32];              /* the action's time, for every audit row */
	bool changes_facts;          /* wrote something a stored fact is computed from */
	struct journal *journal;     /* the action's changes, for undo (journal.c) */
	int64_t undo_of;             /* the change this action takes back, 0: none */
	int64_t origin;              /* the copy its changes come from (sync), 0: here */
	bool stores_facts;           /* wtx_stores_facts() */
	struct wtx_account *accounts;  /* whose health it changed, for the accounts hook */
	size_t naccounts, cap_accounts;
	bool in_hook;                /* the hook is writing: collect nothing more */
	struct wtx_who who;          /* the actor (wtx_perm.c) */
	bool expect_seen;            /* the form's row was updated once (wtx_expect) */
	struct wtx_account *evidence;  /* accounts whose pipeline rows it made stale (what:
					* wtx_evidence.c's) */
	size_t nevidence, cap_evidence;
	bool evidence_all;           /* all of them (wtx_evidence.c) */
	struct wtx_read reads[WTX_READS];  /* wtx_audit.c */
	int nreads;
	struct wtx_chain chain;      /* wtx_audit.c */
	struct wtx_cols cols[WTX_READS];   /* wtx_newrow.c */
	int ncols;
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

/* -- wtx_facts.c ---------------------------------------------------------------- */

/* A row of ent written, fields `set` of it (all for an insert or delete):
 * count it, and note when it makes the stored facts stale. */
void wtx_count(struct wtx *t, const struct entity *ent, uint32_t set);
/* Note row id's account when writing fields `set` may change its health. */
enum status wtx_collect(struct wtx *t, const struct entity *ent, int64_t id, uint32_t set,
			struct err *e);
/* At commit: hand the accounts collected, sorted and each once, to the hook. */
enum status wtx_run_accounts_hook(struct wtx *t, struct err *e);

/* The account row id of ent belongs to, climbing its parents; 0: none. */
enum status row_account(struct wtx *t, const struct entity *ent, int64_t id, int64_t *account,
			struct err *e);

/* -- wtx_evidence.c ------------------------------------------------------------- */

/* Row id of ent, fields `set` of it written: note its account when that
 * may change the account's rows of the evidence table. */
enum status wtx_evidence_collect(struct wtx *t, const struct entity *ent, int64_t id,
				 uint32_t set, struct err *e);
/* At commit: write those accounts' rows again from the book. */
enum status wtx_evidence_refresh(struct wtx *t, struct err *e);
/* -- wtx_audit.c ---------------------------------------------------------------- */

/* Row id of ent as a JSON object, in *json (malloc'd; NULL when there is
 * no such row): its columns in field order, each list field as its sorted
 * array; compact leaves out the members that are null.  The text is what
 * json_object() (inside json_patch('{}', ...) when compact) gives. */
enum status wtx_row_json(struct wtx *t, const struct entity *ent, int64_t id, bool compact,
			 char **json, struct err *e);
/* The same for row r just inserted as id (its list fields are the
 * elements r gives, so none need reading when it gives none). */
enum status wtx_row_json_new(struct wtx *t, const struct row *r, int64_t id, bool compact,
			     char **json, struct err *e);
/* v in decimal, as "%lld" writes it; its length. */
size_t wtx_int_text(int64_t v, char out[24]);
/* Append n bytes of s as a JSON string, escaped as SQLite's json
 * functions escape it. */
void wtx_json_string(struct buf *out, const char *s, size_t n);
/* Append column col of st's current row as the member key (a '{' before
 * the first, *n counts them); is_json: the column holds JSON text.
 * Nothing when compact and the value is NULL; ST_DATA for a blob. */
enum status wtx_json_member(struct buf *out, const char *key, sqlite3_stmt *st, int col,
			    bool is_json, bool compact, int *n);
/* Append one audit record of the action, chained to the one before. */
enum status wtx_audit_insert(struct wtx *t, const char *table, int64_t row_id, const char *op,
			     const char *old, const char *new, struct err *e);

/* -- wtx_newrow.c --------------------------------------------------------------- */

/* Row r just inserted as id, as wtx_row_json_new gives it, written from
 * r's values where the table says how they are stored, else read back. */
enum status wtx_inserted_json(struct wtx *t, const struct row *r, int64_t id, bool compact,
			      char **json, struct err *e);

/* -- wtx_perm.c ----------------------------------------------------------------- */

/* At wtx_begin: read who acts and refuse a login that may write nothing
 * (a viewer, no user of the book, an inactive one), ST_NOPERM. */
enum status wtx_perm_begin(struct wtx *t, struct err *e);
/* One update's state between its two checks (an account's owner). */
struct wtx_perm {
	bool seen;
	int64_t owner;
};
/* May the actor write row id of ent as it stands?  Called after an
 * insert, before and after an update (with the same p, so a csm cannot
 * reassign an account), before a delete (p NULL but for updates).
 * ST_NOPERM naming the account, its owner and who may. */
enum status wtx_perm_row(struct wtx *t, const struct entity *ent, int64_t id, struct wtx_perm *p,
			 struct err *e);
#endif
