/*
 * work.h -- reading a CSM's work records for the verbs that change them:
 * tasks with their checklists, risks, touchpoints and opportunities.
 *
 * The edit use cases (app/task_edit.h and its siblings) read a record's
 * head -- its account, status and user -- inside their write transaction,
 * check it, then write through store/wtx.h; the commands that show and list
 * the records read the rest here.  A task's status is always the one in force on the store's
 * today: a snoozed task whose snooze has ended reads as open (doc/model.md
 * section 2; nothing is written when that day comes).
 */
#ifndef TEND_STORE_WORK_H
#define TEND_STORE_WORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/pool.h"

struct store;
struct entity;

/* What every edit checks and every confirmation names.  Strings are the
 * caller's: free them with work_head_done(). */
struct work_head {
	int64_t id;
	int64_t account_id;        /* 0: none (an internal task) */
	char *account;             /* the account's name; NULL without one */
	char *external_id;         /* and its external id */
	char status[16];           /* a task's status as read, a risk's status, an
				    * opportunity's or account's stage; "" for a
				    * touchpoint */
	int64_t user_id;           /* the task's, risk's or account's owner, the
				    * opportunity's sourcing CSM, the touchpoint's
				    * author; 0: none */
	char *user;                /* that user's login; NULL without one */
	char date[DATE_STRLEN];    /* done_on of a task, closed_on of a risk or an
				    * opportunity, date of a touchpoint; "" when empty */
};

/* The head of row id of ent (entity_task, entity_risk, entity_opportunity or
 * entity_touchpoint; or entity_account, whose head is itself, its stage and
 * its owner); ST_NOINPUT "no task with id 12" when there is none. */
enum status store_work_head(struct store *s, const struct entity *ent, int64_t id,
			    struct work_head *h, struct err *e);
void work_head_done(struct work_head *h);

/* -- A task and its checklist ---------------------------------------------- */

struct task_item_row {
	int64_t id;
	int number;                /* 1, 2, ... in checklist order (position, then id) */
	const char *text;
	bool done;
};

/* One task as `tend task show` prints it; strings live in the pool. */
struct task_detail {
	struct pool pool;
	int64_t id;
	const char *account, *external_id;   /* NULL for an internal task */
	const char *title, *kind, *priority, *owner, *due_date, *status, *snoozed_until,
		*source, *created_on, *done_on, *notes, *cancel_reason;
	int64_t days_left;         /* due - today, when due_date */
	int escalation_level;
	struct task_item_row *items;
	int nitems, nitems_done;
};

/* ST_NOINPUT when there is no such task.  Free with task_detail_free(). */
enum status store_task_detail(struct store *s, int64_t id, struct task_detail **out,
			      struct err *e);
void task_detail_free(struct task_detail *t);

/* -- Risks -------------------------------------------------------------------- */

struct risk_row {
	int64_t id;
	const char *account, *external_id;
	const char *category, *severity, *status, *opened_on, *closed_on, *owner, *description,
		*mitigation, *resolution, *source;
};

struct risk_filter {
	int64_t account_id;        /* 0: every account */
	const char *status;        /* NULL: open and mitigating; a status; "all" */
	const char *category;      /* NULL: any */
};

typedef int (*risk_cb)(void *ctx, const struct risk_row *r);
/* Worst first: severity, then the oldest.  Strings live during the callback;
 * a non-zero return stops the walk. */
enum status store_risks_each(struct store *s, const struct risk_filter *f, risk_cb cb, void *ctx,
			     struct err *e);

/* -- Opportunities -------------------------------------------------------------- */

struct opportunity_row {
	int64_t id;
	const char *account, *external_id;
	const char *title, *kind, *stage, *forecast, *am, *sourced_by, *created_on,
		*expected_close, *closed_on, *close_reason;
	int64_t arr_cents;
};

struct opportunity_filter {
	int64_t account_id;        /* 0: every account */
	const char *stage;         /* NULL or "open": qualify, propose, commit; a stage; "all" */
};

typedef int (*opportunity_cb)(void *ctx, const struct opportunity_row *r);
/* Soonest expected close first (those without one last), then by id. */
enum status store_opportunities_each(struct store *s, const struct opportunity_filter *f,
				     opportunity_cb cb, void *ctx, struct err *e);

/* The account's AM (a name, not a login), the one who works its
 * opportunities; *am is NULL when it has none (caller frees). */
enum status store_account_am(struct store *s, int64_t account_id, char **am, struct err *e);

/* -- Users ---------------------------------------------------------------------- */

/* The login closest to a mistyped one, for "did you mean", into hint (""
 * when none is close). */
enum status store_login_suggest(struct store *s, const char *login, char *hint, size_t size,
				struct err *e);

#endif
