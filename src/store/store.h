/*
 * store.h -- the book of business on disk: opening it and reading from it.
 *
 * The store is the only code that speaks SQL (with the rule compiler, later).
 * Reads return domain structs (domain/model.h) one row at a time through
 * callbacks, so a 100k-account book never needs to sit in memory; strings in
 * a row are valid only during the callback.  Writes go through the narrow
 * write path in store/wtx.h.
 *
 * Opening applies pending schema migrations (store/migrate.h), turns on
 * foreign keys, WAL and a busy timeout, and refuses files that are not tend
 * books or that come from a newer tend.
 */
#ifndef TEND_STORE_H
#define TEND_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "domain/filter.h"
#include "domain/model.h"

struct store;
struct migration;

struct store_opts {
	const char *path;           /* file path or ":memory:" */
	bool read_only;             /* open read-only; every write is refused */
	bool create;                /* create the file (0600, parent 0700) if missing */
	struct clock clock;         /* "today" for every date computation */
	const char *actor;          /* login recorded in the audit log */
	/* Check the actor's role on every write (store/wtx_perm.c): the OS
	 * login does not own the file, or acts for an SSH key (--ssh-user).
	 * False: the file's owner, who can change it by other means anyway,
	 * writes everything, whoever it names itself in the audit log. */
	bool enforce_roles;
	/* Tests only: migrate with this list up to this version instead of
	 * the embedded schema.  NULL / 0 = the embedded list, all of it. */
	const struct migration *migrations;
	size_t n_migrations;
	int target_version;
};

/* Process-wide SQLite settings; call once, before any store is opened.
 * (Turns off SQLite's memory statistics, which cost ~10% on bulk writes.) */
void store_global_init(void);
/* The SQLite library's version, for `tend version`. */
const char *store_sqlite_version(void);
/* The book's own checks: SQLite's integrity check (at most 100 problems)
 * and the foreign-key check.  Each problem goes to cb with the check's
 * name and SQLite's words for it (data: print it made safe); *problems
 * counts them.  ST_DATA, with the way back to a sound book, when there
 * are problems. */
typedef void (*store_check_fn)(void *ctx, const char *check, const char *problem);
enum status store_check(struct store *s, store_check_fn cb, void *ctx, int *problems, struct err *e);

enum status store_open(struct store **out, const struct store_opts *opts, struct err *e);
void store_close(struct store *s);

const char *store_path(const struct store *s);
const struct clock *store_clock(const struct store *s);
const char *store_actor(const struct store *s);
bool store_read_only(const struct store *s);
/* Whether writes are checked against the actor's role: false for the
 * file's owner, who can change it by other means anyway. */
bool store_roles_enforced(const struct store *s);
/* When the book was opened read-only because it could not be written (a
 * full disk, a file or directory this login may not write): why; else NULL. */
const char *store_read_only_why(const struct store *s);
/* Schema version of the open book (PRAGMA user_version). */
int store_version(struct store *s);
/* Path of the copy made before the last migration, NULL if none was made. */
const char *store_backup_path(const struct store *s);

/* A read transaction: every read until store_read_end sees the book as it
 * was at the first one, and pays for its locks once instead of per
 * statement.  No write may start inside it. */
enum status store_read_begin(struct store *s, struct err *e);
void store_read_end(struct store *s);

/* Is the book empty (no accounts and no users)? */
enum status store_is_empty(struct store *s, bool *empty, struct err *e);
/* What a demo left in the book, read from the audit log (demo/demo.h's
 * resume): is the log one "demo" action followed only by "health
 * recompute" actions (nobody else has written), how many of those, the
 * accounts in the book and the newest health snapshot's date ("" if none). */
struct store_demo_log {
	bool only_demo;
	int recomputes;
	int64_t accounts;
	char last_scored[11];
};
enum status store_demo_log(struct store *s, struct store_demo_log *out, struct err *e);

/* -- Portfolio ---------------------------------------------------------- */
typedef int (*account_cb)(void *ctx, const struct account_row *row);
/* Which accounts (domain/filter.h), in which order, how many. */
struct account_query {
	struct account_filter filter;
	const char *sort;           /* name (default), arr, renewal, owner, segment, stage, id, external_id */
	bool descending;
	int64_t limit;              /* 0 = no limit */
};
/* The sort keys store_accounts_each accepts, NULL-ended. */
extern const char *const account_sort_keys[];
/* Stream the accounts that match q's filter (owner, segment, stage, tag,
 * renewal window), sorted as q asks.  A non-zero return from cb stops the
 * walk and is returned as ST_OK. */
enum status store_accounts_each(struct store *s, const struct account_query *q,
				account_cb cb, void *ctx, struct err *e);
/* Resolve what a user typed to an account id: "#42" (an id only), else an
 * id or an external id, else a name (any case), else the start of a name.
 * The one resolver for every command and the interface.  ST_NOINPUT when
 * nothing matches; ST_USAGE when several do -- two accounts of that name,
 * or a start several names share -- with the candidates listed by id,
 * external id and owner: a name never silently picks one. */
enum status store_account_resolve(struct store *s, const char *key, int64_t *id, struct err *e);
/* "Acme Corporation (CRM-001)": how confirmations name the account they
 * wrote to (raw text from the data: print it sanitised).  NULL when there
 * is no such account; free it. */
char *store_account_label(struct store *s, int64_t id);

/* The 360 view of one account (domain/account_view.h); free with
 * account_view_free().  ST_NOINPUT if there is no such account. */
struct account_view;
enum status store_account_view(struct store *s, int64_t id, struct account_view **out,
			       struct err *e);

/* -- Users -------------------------------------------------------------- */
struct user_row {
	int64_t id;
	const char *login;
	const char *name;
	const char *role;
	const char *team;
	const char *segment;
};
/* Look a user up by login; *found says whether it exists. */
enum status store_user_get(struct store *s, const char *login, bool *found,
			   int (*cb)(void *, const struct user_row *), void *ctx, struct err *e);
enum status store_user_id(struct store *s, const char *login, int64_t *id, struct err *e);
/* A team's id by name; *found says whether it exists. */
enum status store_team_id(struct store *s, const char *name, bool *found, int64_t *id,
			  struct err *e);

/* -- Tasks -------------------------------------------------------------- */
typedef int (*task_cb)(void *ctx, const struct task_row *row);
enum status store_tasks_each(struct store *s, const struct task_filter *f,
			     task_cb cb, void *ctx, struct err *e);
/* The status of row id of an entity with a status column (a task: "open",
 * "done"...; an inbox item: "unread", "done"...) into status[16];
 * ST_NOINPUT if there is no such row. */
struct entity;
enum status store_row_status(struct store *s, const struct entity *ent, int64_t id, char status[16],
			     struct err *e);

#endif
