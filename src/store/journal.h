/*
 * journal.h -- the change journal: what each user action changed, as an
 * SQLite session changeset (schema 0006), and taking an action back.
 *
 * The write path opens a session when an action begins and, at commit,
 * keeps the changeset beside the action's audit records.  An undo inverts
 * the changeset and applies it in a new action of its own (audited and
 * journaled like any other); SQLite's conflict detection says when a row
 * it would restore was changed again since, and the undo is then refused
 * whole.  Derived tables are not journaled (see schema/0006_changes.sql).
 *
 * Undo is built on the session extension rather than on the audit log's
 * old values because a changeset is exact (every column, every child row,
 * in SQLite's own value types), can be inverted and applied by SQLite with
 * the conflict check built in, and is the form offline sync will send.
 */
#ifndef TEND_JOURNAL_H
#define TEND_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct store;
struct wtx;

/* A change in the journal, as undo shows it. */
struct journal_change {
	int64_t id;
	char at[32];
	char action[64];
	int64_t rows;
	int64_t accounts;            /* accounts it touched (rows of accounts or with an account) */
	int64_t ids[64];             /* their ids, when there are at most 64 (nids == accounts) */
	int nids;
	char account[256];           /* the one account's name, when it touched one */
};

/* The last change of actor that is not an undo and not undone yet; *found
 * false when there is none.  The n-th before it with skip = n. */
enum status journal_last(struct store *s, const char *actor, int skip, struct journal_change *out,
			 bool *found, struct err *e);

/* Why an undo was refused: a row changed since by someone. */
struct journal_conflict {
	bool conflict;
	bool foreign;                      /* later rows refer to rows it would remove */
	char table[64];
	int64_t row_id;
	char by[64], action[64], at[32];   /* the last change of that row, from the audit log */
};

/* Take change id back inside t (an action named "undo ..." of its own).
 * ST_DATA with c filled when a row changed since; nothing is written then. */
enum status journal_undo(struct wtx *t, int64_t id, struct journal_conflict *c, struct err *e);

#endif
