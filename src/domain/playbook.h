/*
 * playbook.h -- playbooks: rules a CS team writes in YAML (tend-playbook(5)).
 *
 * A playbook file holds checklist templates and rules.  A rule says when it
 * applies to an account (a condition over the fact catalog, domain/facts.h,
 * plus the pseudo-facts owner and tag), how often it may fire for one
 * account (its idempotency scope), what it does when it fires (actions) and
 * whom to ask for action if nobody acts (an escalation ladder).
 *
 * This module owns the model and its loading: parsing with positions,
 * validation (every problem as file:line:column, with a did-you-mean), the
 * set in force (shipped defaults, the config directory, --playbooks) and
 * placeholders in texts.  Nothing here touches the book: the rule compiler
 * (store/rule_sql.h) turns conditions into SQL and the engine
 * (app/playbook_run.h) applies actions.  No SQL and no curses here.
 */
#ifndef TEND_PLAYBOOK_H
#define TEND_PLAYBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/err.h"
#include "core/pool.h"

/* Comparison operators, in the spelling of the YAML keys. */
#define PB_OP_LIST(_) _(EQ, "eq") _(NE, "ne") _(LT, "lt") _(LTE, "lte") _(GT, "gt") \
	_(GTE, "gte") _(IN, "in") _(BETWEEN, "between") _(KNOWN, "known")
enum pb_op {
#define PB_OP_ENUM(id, name) PB_##id,
	PB_OP_LIST(PB_OP_ENUM)
#undef PB_OP_ENUM
	PB_OP_COUNT_
};
extern const char *const pb_op_names[];

/* Who a task is for, whom a notification or an escalation step goes to.
 * csm: the account's owner; lead: a lead of the owner's team; executive:
 * the book's admins; am, rm: the user whose login is the account's AM/RM;
 * support, marketing: teams outside tend (role-addressed inbox items). */
#define PB_ROLE_LIST(_) _(CSM, "csm") _(LEAD, "lead") _(EXECUTIVE, "executive") \
	_(AM, "am") _(RM, "rm") _(SUPPORT, "support") _(MARKETING, "marketing")
enum pb_role {
#define PB_ROLE_ENUM(id, name) PB_ROLE_##id,
	PB_ROLE_LIST(PB_ROLE_ENUM)
#undef PB_ROLE_ENUM
	PB_ROLE_COUNT_
};
extern const char *const pb_role_names[];

/* What a comparison is about: a catalog fact, or a pseudo-fact. */
enum pb_subject {
	PB_SUBJ_FACT,    /* fact: a domain/facts.h id */
	PB_SUBJ_OWNER,   /* the owner's login ("pooled" when none); labels */
	PB_SUBJ_TAG,     /* eq/in: the account has the tag (any of them); ne: it has not */
};

/* The right-hand side of a comparison. */
struct pb_operand {
	enum { PB_VAL_NUM, PB_VAL_TEXT, PB_VAL_FACT } kind;
	double num;          /* NUM: ratios as fractions, days, cents, flags 0/1 */
	const char *text;    /* TEXT: a label, login or tag */
	int fact;            /* FACT: another fact, times `times` */
	double times;        /* FACT: the factor (1 when not given) */
};

enum pb_cond_kind { PB_COND_ALL, PB_COND_ANY, PB_COND_NOT, PB_COND_CMP };

/* A condition: a tree.  A YAML mapping with several entries is an ALL. */
struct pb_cond {
	enum pb_cond_kind kind;
	long line, col;               /* where it is written */
	/* ALL, ANY: kids[0..nkids); NOT: kids[0] */
	struct pb_cond **kids;
	size_t nkids;
	/* CMP: subject op args.  eq..gte: one operand; between: two (low, high,
	 * inclusive); in: one or more; known: one NUM, 1 (known) or 0. */
	enum pb_subject subject;
	int fact;
	enum pb_op op;
	struct pb_operand *args;
	size_t nargs;
};

/* How often one rule may fire for one account. */
enum pb_scope {
	PB_ONCE_ACCOUNT,     /* once ever (scope key "account") */
	PB_ONCE_RENEWAL,     /* once per open renewal: the earliest not won or lost
				(scope key "renewal:ID"); no open renewal, no firing */
	PB_ONCE_PERIOD,      /* at most once in any period_days days (scope key: the date) */
};

/* What an action is and does: its parse, describe and execute
 * (domain/playbook_action.h); the actions themselves are app/pba_*.c. */
struct pb_action_ops;

/* A checklist template: a title and its items (doc/model.md section 9). */
struct pb_template {
	const char *id;
	const char *title;           /* placeholders allowed */
	const char **items;
	size_t nitems;
	const char *file;
	long line, col;
};

/*
 * One action of a rule: its type (ops) and the fields its body gave.  The
 * fields are a vocabulary every action shares, each action's file
 * (app/pba_NAME.c) saying which it uses; those it does not are NULL / 0 / -1.
 * Texts may hold placeholders ({account.name}, see pb_placeholder_names);
 * pb_text_facts() reads title, text and the template's title.
 */
struct pb_action {
	const struct pb_action_ops *ops;     /* its type: what parsed it, describes and runs it */
	const char *title;                   /* a title (placeholders) */
	const char *text;                    /* notes, a description or a message (placeholders) */
	const char *value;                   /* the action's main value, a canonical name of
						domain/model.h (a task kind, a stage...) or a tag */
	const char *priority;                /* a priority or severity name */
	int due_days;                        /* days from the run to the due date; -1: none */
	enum pb_role role;                   /* whom it is for (default csm) */
	const struct pb_template *checklist; /* a template, once the set is loaded */
	int64_t arr_cents;                   /* an amount */
	long line, col;                      /* where its key is written */
};

/* What stops an escalation (any of the set bits). */
enum pb_unless {
	PB_UNLESS_TASK_DONE = 1,        /* the task the firing created is done */
	PB_UNLESS_RISK_MITIGATED = 2,   /* the risk it opened is mitigating or closed */
	PB_UNLESS_ACKNOWLEDGED = 4,     /* its last escalation request was marked done in the inbox */
};
#define PB_UNLESS_LIST(_) _(TASK_DONE, "task_done") _(RISK_MITIGATED, "risk_mitigated") \
	_(ACKNOWLEDGED, "acknowledged")

/* One step of an escalation ladder: after_days after the firing, unless
 * one of `unless` holds, ask `to` for action with `request`.  Steps climb
 * one level each (level = index + 1, at most 3). */
struct pb_step {
	int after_days;
	unsigned unless;
	enum pb_role to;
	const char *request;
	long line, col;
};

struct pb_rule {
	const char *id;              /* [a-z0-9][a-z0-9_-]*, unique in the set */
	const char *description;
	const char *file;            /* the file it came from, as named */
	long line, col;
	bool enabled;                /* `enabled: false` keeps a shipped rule from running */
	struct pb_cond *when;
	enum pb_scope once;
	int period_days;             /* PB_ONCE_PERIOD */
	struct pb_action *actions;
	size_t nactions;
	struct pb_step *steps;
	size_t nsteps;
};

/* The rules in force.  Everything is allocated in pool. */
struct playbook_set {
	struct pool pool;
	struct pb_rule **rules;
	size_t nrules, caprules;
	struct pb_template **templates;
	size_t ntemplates, captemplates;
	const char *source;          /* "--playbooks DIR", "shipped + config directory" */
};

/* Placeholders texts may use, NULL-ended ("account.name", ...); a text may
 * also name any fact as {fact.NAME}. */
extern const char *const pb_placeholder_names[];

void playbook_set_init(struct playbook_set *set);
void playbook_set_free(struct playbook_set *set);

/*
 * Parse one file's text into set (rules and templates are added; ids are
 * checked against what set already holds).  actions are the action types
 * a rule may use, NULL-ended (app/pba.h's pb_actions).  Every problem
 * goes to d with its position; returns the number of problems (0: the
 * file is good).  A rule of a file with problems must not be run: callers
 * load every file and refuse the whole set when any has problems.
 * `override` lets this file's rules replace rules of the same id already in
 * the set (a team's file tuning a shipped rule); otherwise a second id is
 * a problem naming the first's position.
 */
size_t playbook_parse(struct playbook_set *set, const struct pb_action_ops *const *actions,
		      const char *text, size_t len, struct diag *d, bool override);

/* The rule with this id, or NULL. */
const struct pb_rule *playbook_find(const struct playbook_set *set, const char *id);

/* Facts a rule needs (condition, and {fact.NAME} in its texts). */
void pb_rule_facts(const struct pb_rule *r, bool used[/* FACT_COUNT_ */]);
/* Facts its texts show ({fact.NAME}): those a firing must carry. */
void pb_text_facts(const struct pb_rule *r, bool used[/* FACT_COUNT_ */]);

/*
 * Expand placeholders of tmpl into out.  lookup returns the text of one
 * placeholder name ("account.name", "fact.arr"), or NULL for "unknown"
 * (written as "n/a").  Text is copied as is: the caller sanitises for a
 * terminal.  {{ and }} are literal braces.
 */
void pb_expand(struct buf *out, const char *tmpl,
	       const char *(*lookup)(void *ctx, const char *name), void *ctx);

#endif
