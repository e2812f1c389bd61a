/*
 * playbook_store.h -- what the playbook engine reads from the book: the
 * accounts a compiled rule matches, the context its actions need (owner,
 * lead, renewal), escalation ladders in progress, each rule's history for
 * `tend playbook list`, and the inbox.  Writes go through the write path
 * (store/wtx.h) from the engine, like every other user action.
 */
#ifndef TEND_PLAYBOOK_STORE_H
#define TEND_PLAYBOOK_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/pool.h"
#include "domain/facts.h"
#include "store/rule_sql.h"

struct store;

/* One account a rule's condition holds for.  Strings live until the
 * callback returns. */
struct pb_match {
	int64_t account_id;
	const char *scope_key;        /* NULL: out of scope (no open renewal) */
	bool fired_before;            /* already fired in this scope */
	int64_t renewal_id;           /* the earliest open renewal, 0 if none */
	const char *renewal_due;
	int64_t renewal_arr_cents;
	struct fact_value facts[FACT_COUNT_];   /* the facts of q->facts only */
};
typedef int (*pb_match_cb)(void *ctx, const struct pb_match *m);

/* A playbook run reads every account's rows for each rule: a larger page
 * cache and a memory-mapped book while it runs (on), SQLite's defaults
 * again after (off). */
void store_pb_scan(struct store *s, bool on);

/* Run compiled rule q as of day; cb for every account whose condition
 * holds, in id order.  A non-zero return from cb stops. */
enum status store_rule_eval(struct store *s, const struct rule_sql *q, const char *rule_id,
			    int32_t day, pb_match_cb cb, void *ctx, struct err *e);

/* What actions and placeholders need of an account; strings in pool. */
struct pb_account {
	int64_t id;
	const char *name, *external_id, *segment, *stage, *currency;
	int64_t owner_id;             /* 0: pooled */
	const char *owner_login, *owner_name;
	int64_t lead_id;              /* a lead of the owner's team, else any lead; 0: none */
	const char *lead_login;
	int64_t am_id, rm_id;         /* users whose login is the account's am / rm */
	const char *am, *rm;
	int64_t arr_cents;            /* ARR at the end of the day */
	int64_t renewal_id;           /* the earliest open renewal, 0 if none */
	const char *renewal_due;
	int64_t renewal_arr_cents;
	const char *tags;             /* ';'-separated, "" when none */
};
enum status store_pb_account(struct store *s, int64_t id, int32_t day, struct pool *pool,
			     struct pb_account *out, struct err *e);

/* An escalation ladder in progress. */
struct pb_open_escalation {
	int64_t id, firing_id, account_id;
	const char *rule_id;
	int32_t fired_on;
	int steps;                    /* steps taken */
	bool task_done;               /* the firing's task is done */
	bool risk_mitigated;          /* its risk is mitigating or closed */
	bool acknowledged;            /* its latest escalation request is done */
};
typedef int (*pb_escalation_cb)(void *ctx, const struct pb_open_escalation *x);
enum status store_pb_escalations(struct store *s, pb_escalation_cb cb, void *ctx, struct err *e);

/* The task a firing created, 0 if none. */
enum status store_pb_firing_task(struct store *s, int64_t firing_id, int64_t *task, struct err *e);

/* One rule's history, for `tend playbook list`. */
struct pb_rule_stats {
	int64_t firings;              /* all time */
	int64_t open_escalations;
	char last_run[11];            /* as_of of its latest run, "" if never */
	int64_t last_matched, last_fired;
};
enum status store_pb_rule_stats(struct store *s, const char *rule_id, struct pb_rule_stats *out,
				struct err *e);

/* The inbox of a user (login): items addressed to them, and role-addressed
 * items their role takes (a lead: lead and a pooled account's csm; an
 * admin: executive, and everything no user was found for).  */
struct inbox_item {
	int64_t id;
	int64_t account_id;           /* 0: not about an account */
	const char *created_on, *kind, *account, *account_name, *recipient, *role, *message,
		*due_date, *status, *source;
	int level;
};
typedef int (*inbox_cb)(void *ctx, const struct inbox_item *it);
/* all: every item of the book, not only the user's; done: include done ones. */
enum status store_inbox_each(struct store *s, const char *login, bool all, bool done,
			     inbox_cb cb, void *ctx, struct err *e);
/* Count of the user's items not done (for the interface's header). */
enum status store_inbox_count(struct store *s, const char *login, int64_t *out, struct err *e);

#endif
