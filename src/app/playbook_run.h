/*
 * playbook_run.h -- the playbook engine: evaluate every rule at a date,
 * apply the actions of new firings, advance escalation ladders.
 *
 * Per rule: its compiled statement (store/rule_sql.h) finds the accounts
 * whose condition holds; those not yet fired in the rule's scope fire; the
 * firings' actions, the firing records and their escalations are written
 * in one transaction, so a rule that fails changes nothing, and the
 * (rule, account, scope) key makes a second run a no-op.  Then open
 * escalations whose next step is due either stop (an `unless` holds) or
 * climb: an inbox request to the step's role and a higher escalation
 * level on the firing's task, one transaction for all of them.
 *
 * A dry run computes the same report and writes nothing.  The report's
 * texts are raw data: printers sanitise them for the terminal.
 */
#ifndef TEND_PLAYBOOK_RUN_H
#define TEND_PLAYBOOK_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/pool.h"
#include "domain/playbook.h"

struct conf_notify;
struct store;
struct rule_result;

struct pb_run_opts {
	int32_t day;                 /* the date evaluated (--now) */
	bool dry_run;
	const char *only_rule;       /* --rule ID; NULL: every enabled rule */
	bool live_facts;             /* compute facts from the book even when
					stored ones are fresh (--live-facts) */
	const struct conf_notify *notify;   /* whom support and marketing reach, by
					       conf_notify_roles (the config's
					       notify:); NULL: nobody */
};

/* How a text report lays out an action's line; the action chooses.  JSON
 * shows the same fields whatever the form. */
enum pb_act_form {
	PB_FORM_ITEM,                /* something made: "what"  detail, N items  -> who  due DAY */
	PB_FORM_MESSAGE,             /* a message: who: "what" */
	PB_FORM_CHANGE,              /* a value set on the account: what (was detail), or
					what (already) when unchanged */
};

/* One action a firing takes: what a dry run shows and a run does.  The
 * printers show it from these fields alone, whatever the action. */
struct pb_act_report {
	const char *action;          /* the action's name, its YAML key: "task" */
	enum pb_act_form form;       /* how a text report lays the line out */
	bool unchanged;              /* nothing to write: the account is so already
					(detail says "unchanged") */
	const char *what;            /* title, message, stage, tag or risk category */
	const char *detail;          /* "renewal, high" (task), "high" (risk), kind (opportunity),
					the stage left, "unchanged" */
	const char *who;             /* owner or recipient: a login, else the role */
	const char *due;             /* YYYY-MM-DD or NULL */
	size_t items;                /* checklist items */
};

struct pb_fire_report {
	const char *rule_id;
	int64_t account_id;
	const char *account, *account_name;   /* external id, name */
	const char *scope_key;
	struct pb_act_report *acts;
	size_t nacts;
};

/* An escalation step taken, or a ladder that stopped. */
struct pb_step_report {
	const char *rule_id;
	int64_t account_id;
	const char *account, *account_name;
	int level;                   /* 1..3: a step taken; 0: the ladder stopped */
	const char *to, *request, *due;       /* a step taken */
	const char *resolution;      /* stopped: task_done, risk_mitigated or acknowledged */
};

struct pb_rule_report {
	const char *rule_id;
	int64_t matched;             /* accounts whose condition held */
	int64_t fired;               /* of them, fired now */
	int64_t already;             /* already fired in their scope (or out of scope) */
	double ms;                   /* evaluation time */
};

struct pb_report {
	struct pool pool;
	bool dry_run;
	int32_t day;
	int64_t run_id;              /* 0 for a dry run */
	double eval_ms;              /* wall time evaluating every rule (in parallel
					on a big book): the rules' `ms` overlap */
	bool facts_stored;           /* evaluated on stored facts (store/account_facts.h) */
	char facts_as_of[11];        /* the day stored facts are as of; "" when stale */
	int64_t accounts;            /* accounts in the book */
	struct pb_rule_report *rules;
	size_t nrules;
	struct pb_fire_report *fires;
	size_t nfires, capfires;
	struct pb_step_report *steps;
	size_t nsteps, capsteps;
	size_t orphans;              /* open escalations of rules no longer in the set */
	struct rule_result *results; /* the evaluations (their pools hold hits' texts) */
	size_t nresults;
	const char **notices;        /* what the reader should know ("notify: support:
					'sam' is no active user of this book; left out") */
	size_t nnotices;
};

/* Run (or dry-run) set as of o->day; rep is filled either way (free it
 * with pb_report_free).  ST_USAGE when only_rule names no rule. */
enum status playbook_run(struct store *s, const struct playbook_set *set,
			 const struct pb_run_opts *o, struct pb_report *rep, struct err *e);
void pb_report_free(struct pb_report *rep);

#endif
