/*
 * audit_log.h -- reading the audit log: `tend audit`, an account's
 * history in the 360 view.  (The hash chain is store/audit.h's.)
 *
 * The write path (store/wtx.c) appends one row per row changed -- who,
 * the wall-clock time, the user action, the table, the row, the operation,
 * the row before and after as JSON -- or one summary row for a bulk
 * action.  This module only reads: a query by account, user and time, the
 * newest first, with each change summarised in SQL (json_each) as the
 * fields whose values differ.
 */
#ifndef TEND_STORE_AUDIT_LOG_H
#define TEND_STORE_AUDIT_LOG_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct store;

struct audit_query {
	int64_t account_id;        /* rows of this account and what belongs to it; 0: any */
	const char *since;         /* "YYYY-MM-DD" or a full timestamp: at >= since; NULL: any */
	const char *user;          /* the actor's login; NULL: any */
	int64_t limit;             /* at most this many rows; 0: all */
	bool people;               /* only what people and playbooks changed: not the
				      derived rows (health, stored facts, playbook
				      bookkeeping), nor updates that changed nothing,
				      nor the checklist items a new task comes with */
};

struct audit_entry {
	int64_t id;
	const char *at, *actor, *action;
	const char *table;         /* NULL for a bulk summary */
	int64_t row_id;            /* 0: none */
	const char *op;            /* insert, update, delete, bulk */
	const char *old, *new;     /* JSON, NULL when none */
	const char *changes;       /* "stage: expand -> adopt, ..." for an update;
				      the new row's fields for an insert; NULL else */
};

/* The rows q selects, newest first; cb returns nonzero to stop.  An
 * account's rows are its own, those of the rows that hold its id
 * (account_id), and those of its tasks' checklist items, its contacts'
 * roles, its touchpoints' attendees and its plans' objectives, milestones,
 * KPIs and readings. */
enum status store_audit_each(struct store *s, const struct audit_query *q,
			     int (*cb)(void *, const struct audit_entry *), void *ctx, struct err *e);

#endif
