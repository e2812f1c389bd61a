/*
 * playbook_exec.h -- what the engine's files share (playbook_run.c,
 * playbook_write.c, playbook_escalate.c) and what the actions' describe
 * and execute (pba_*.c, domain/playbook_action.h) get to work with: the
 * firing, texts expanded for its account, its owner resolved, and the
 * write path.  Never used outside app/.
 */
#ifndef TEND_PLAYBOOK_EXEC_H
#define TEND_PLAYBOOK_EXEC_H

#include "core/conf.h"
#include "domain/facts.h"
#include "app/playbook_run.h"
#include "store/playbook_store.h"

struct wtx;

struct pb_exec {
	struct store *s;
	const struct playbook_set *set;
	struct pb_report *rep;
	int32_t day;
	int64_t firings, steps;      /* written, for the run record */
	/* Whom roles reach (playbook_route.c), read on first use. */
	const struct conf_notify *notify;                 /* the run's o->notify */
	bool people_read;
	struct pb_user *admins;                           /* active, lowest id first */
	size_t nadmins;
	struct pb_dest *outside[CONF_NOTIFY_ROLES];       /* notify: resolved */
	size_t noutside[CONF_NOTIFY_ROLES];
};

/* Where an inbox item goes: a user, or an e-mail address outside the book. */
struct pb_dest {
	int64_t user;                /* 0: an address */
	const char *login;           /* the user's */
	const char *address;
};

/* Whom an item for a role about an account goes to. */
struct pb_route {
	enum pb_role role;           /* the role asked */
	struct pb_dest *to;          /* n of them; none: undelivered */
	size_t n;
	bool redirected;             /* nobody held the role: to the owner, a lead or an admin */
	const char *shown;           /* for reports: "sam, mia@example.com",
					"amara (redirected from am)", "undelivered (support)" */
};

/* A notification waiting for its firing's id. */
struct pb_pending {
	enum pb_role role;
	const char *message;
};

/* What a firing's actions wrote, for the firing record. */
struct pb_written {
	int64_t task_id, risk_id;    /* the first task and risk made (escalations' unless) */
	struct pb_pending *notes;    /* notifications, written with the firing */
	size_t nnotes;
};

/* One firing of a rule for an account, being planned or written: what an
 * action's describe and execute work on (opaque to domain/). */
struct pb_fire {
	struct pb_exec *x;                  /* the run: the book, the day, the report's pool */
	const struct pb_rule *rule;         /* the rule that fires */
	const struct pb_account *account;   /* the account, as the book has it */
	const struct fact_value *facts;     /* by fact id, for {fact.*}; NULL: they are n/a */
	struct wtx *t;                      /* the rule's transaction; NULL in a dry run */
	struct pb_written w;                /* what its actions wrote so far */
};

/* Action ac of firing f: its report line in out (its type's describe);
 * in a run, also written (its execute) unless the line says unchanged. */
enum status pb_exec_action(struct pb_fire *f, const struct pb_action *ac, struct pb_act_report *out,
			   struct err *e);
/* Record the firing, its notifications and its escalation ladder. */
enum status pb_exec_firing(struct pb_fire *f, const char *scope_key, struct err *e);
/* The inbox items of a notification (level 0) or an escalation request
 * for role about account a: one per person route r names (pb_route), one
 * undelivered item when it names nobody. */
enum status pb_exec_inbox(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
			  const struct pb_route *route, int level, const char *message,
			  const char *due, int64_t firing, struct wtx *t, struct err *e);
enum status pb_exec_rule_run(struct pb_exec *x, const struct pb_rule *r,
			     const struct pb_rule_report *rr, struct wtx *t, struct err *e);
enum status pb_exec_begin_run(struct pb_exec *x, struct err *e);
enum status pb_exec_end_run(struct pb_exec *x, struct err *e);

/* Who gets an inbox item for role about account a (playbook_route.c): the
 * one rule for notifications and escalation requests.  Strings and the
 * array are in the report's pool. */
enum status pb_route(struct pb_exec *x, const struct pb_account *a, enum pb_role role,
		     struct pb_route *out, struct err *e);
/* The owner of a task or risk for a role (0: none, as for a pooled
 * account) and how to show it (a login, else the role). */
int64_t pb_role_user(const struct pb_account *a, enum pb_role role, const char **shown);
/* Expand a text for account a (facts may be NULL: {fact.*} are n/a), in
 * the report's pool; NULL for a NULL tmpl.  due is what {due} shows. */
const char *pb_text(struct pb_exec *x, const struct pb_rule *r, const struct pb_account *a,
		    const struct fact_value *facts, const char *due, const char *tmpl);
/* The same for firing f, with its facts. */
const char *pb_fire_text(struct pb_fire *f, const char *due, const char *tmpl);
/* What rows written for rule r name as their source: "playbook:RULE". */
const char *pb_source(struct pb_exec *x, const struct pb_rule *r);
/* Escalations: take due steps, stop ladders whose `unless` holds. */
enum status pb_escalate(struct pb_exec *x, const char *only_rule, struct err *e);

#endif
