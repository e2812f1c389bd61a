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

/* An account a rule fires for: its condition holds and the rule has not
 * fired for it in the scope. */
struct pb_hit {
	int64_t account_id;
	const char *scope_key;
	struct fact_value *facts;     /* the values of the result's `facts`, in
					 that order; NULL when the texts use none */
};

/* One rule's evaluation.  Hits and their strings live in pool until
 * rule_result_done(). */
struct rule_result {
	int64_t matched;              /* accounts whose condition holds */
	int64_t already;              /* of them, fired already in scope, or out of scope */
	struct pb_hit *hits;          /* the rest, in account id order */
	size_t n, cap;
	int facts[FACT_COUNT_];       /* the facts each hit carries (the rule's
					 texts show them), in order */
	int nfacts;
	double ms;                    /* time in the statement */
	struct pool pool;
};

/*
 * Evaluate n compiled rules as of day, all on the same state of the book,
 * into out[0..n) (which this initialises).  On a big book the rules are
 * shared between this thread and worker threads, each with its own
 * read-only connection (WAL: they read the last committed state, the one
 * this connection reads); the results are the same either way.
 */
enum status store_rules_eval(struct store *s, const struct rule_sql *const *q,
			     const char *const *ids, size_t n, int32_t day, struct rule_result *out,
			     struct err *e);
void rule_result_done(struct rule_result *r);

/* What actions and placeholders need of an account; strings in pool. */
struct pb_account {
	int64_t id;
	const char *name, *external_id, *segment, *stage, *currency;
	int64_t owner_id;             /* 0: pooled */
	const char *owner_login, *owner_name;
	bool owner_active;            /* the owner is an active user (else nobody is the CSM) */
	int64_t lead_id;              /* an active lead of the owner's team, else any; 0: none */
	const char *lead_login;
	int64_t am_id, rm_id;         /* the active users the account's am / rm name (by
					 login, e-mail, or the one user of that name); 0: none */
	const char *am_login, *rm_login;
	const char *am, *rm;          /* as the account has them */
	int64_t arr_cents;            /* ARR at the end of the day */
	int64_t renewal_id;           /* the earliest open renewal, 0 if none */
	const char *renewal_due;
	int64_t renewal_arr_cents;
	const char *tags;             /* ';'-separated, "" when none */
};
enum status store_pb_account(struct store *s, int64_t id, int32_t day, struct pool *pool,
			     struct pb_account *out, struct err *e);

/* A user of the book. */
struct pb_user {
	int64_t id;
	const char *login;
};
/* The active user whose login is who, else whose e-mail is (any case);
 * *id 0 when none.  The login is in pool. */
enum status store_pb_user(struct store *s, const char *who, struct pool *pool, int64_t *id,
			  const char **login, struct err *e);
/* The active admins, lowest id first, in pool. */
enum status store_pb_admins(struct store *s, struct pool *pool, struct pb_user **out, size_t *n,
			    struct err *e);

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

/* The inbox.  An item went to a user (recipient), to an e-mail address
 * outside the book (address), or nowhere (undelivered: nobody at all could
 * take it); redirected_from names the role it was for when nobody held it
 * and it went to the owner, a lead or an admin instead. */
struct inbox_item {
	int64_t id;
	int64_t account_id;           /* 0: not about an account */
	const char *created_on, *kind, *account, *account_name, *recipient, *role, *message,
		*due_date, *status, *source;
	const char *address;          /* NULL unless it went to an address */
	const char *redirected_from;  /* NULL unless redirected */
	bool undelivered;             /* no recipient, no address */
	int level;
};
typedef int (*inbox_cb)(void *ctx, const struct inbox_item *it);
enum inbox_scope {
	INBOX_MINE,                   /* the user's (login): addressed to them, and items
					 addressed to a role alone (undelivered, or from
					 before delivery) for a role they take (a lead:
					 lead and a pooled account's csm; an admin: all) */
	INBOX_ALL,                    /* every item of the book */
	INBOX_UNDELIVERED,            /* those that had nowhere to go */
};
/* done: include done ones.  owner (NULL: any): only the items about that
 * CSM's accounts, "pooled" those about accounts with no owner (the
 * interface's owner filter). */
enum status store_inbox_each(struct store *s, const char *login, enum inbox_scope scope, bool done,
			     const char *owner, inbox_cb cb, void *ctx, struct err *e);
/* Count of the user's items not done (for the interface's header). */
enum status store_inbox_count(struct store *s, const char *login, int64_t *out, struct err *e);

#endif
