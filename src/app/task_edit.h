/*
 * task_edit.h -- changing tasks after they were added (`tend task edit,
 * snooze, cancel, reassign, tick, untick`, and the interface's task
 * actions): each call is one audited transaction, and a refusal changes
 * nothing.  Adding and completing tasks are in app/actions.h.
 *
 * The rules:
 *   - edit changes the fields given (title, due date or none, priority,
 *     kind, notes), whatever the task's status;
 *   - snooze sets the status snoozed until a day after today; only an open
 *     or snoozed task can be snoozed.  No write brings it back: from that
 *     day on, every read shows it open (store/work.h);
 *   - cancel marks open and snoozed tasks cancelled with an optional
 *     reason; one cancelled already is skipped, and a done task refuses
 *     the lot;
 *   - reassign gives open and snoozed tasks to another user of the book;
 *     one they own already is skipped, and a done or cancelled task
 *     refuses the lot;
 *   - tick and untick set checklist items (task_items) done or not; an
 *     item is named by its number in the checklist (1, 2, ... as `tend
 *     task show` lists them) or, when the number is not one, by its id.
 *     Items that are so already are skipped.
 * See app/work.h for what results and refusals look like.
 */
#ifndef TEND_TASK_EDIT_H
#define TEND_TASK_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/work.h"
#include "core/err.h"

struct store;

struct task_edit_input {
	int64_t task_id;
	const char *title;         /* NULL: unchanged */
	const char *kind;          /* NULL: unchanged */
	const char *priority;      /* NULL: unchanged */
	const char *notes;         /* NULL: unchanged; "": cleared */
	bool set_due;              /* set the due date to due */
	bool clear_due;            /* the task has no due date any more */
	int32_t due;
};

/* ST_USAGE "edit: nothing to change" when no field is given. */
enum status task_edit(struct store *s, const struct task_edit_input *in, struct work_done *out,
		      struct err *e);
/* Snooze task id until the day until (after today). */
enum status task_snooze(struct store *s, int64_t id, int32_t until, struct work_done *out,
			struct err *e);
/* Cancel n tasks; out has room for n.  reason may be NULL. */
enum status tasks_cancel(struct store *s, const int64_t *ids, int n, const char *reason,
			 struct work_done *out, struct err *e);
/* Give n tasks to owner (a login); out has room for n. */
enum status tasks_reassign(struct store *s, const int64_t *ids, int n, const char *owner,
			   struct work_done *out, struct err *e);

#define TASK_ITEMS_MAX 64          /* items named in one tick or untick */

struct task_items_result {
	struct work_done task;
	int n;                     /* items named */
	int number[TASK_ITEMS_MAX];      /* each one's number in the checklist */
	bool skipped[TASK_ITEMS_MAX];    /* it was ticked (untick: unticked) already */
	int changed;               /* items written */
	int nitems, ndone;         /* the checklist afterwards: items, ticked */
};

/* Tick (done) or untick the items named in items[0..n) of task id. */
enum status task_items_set(struct store *s, int64_t id, const char *const *items, int n, bool done,
			   struct task_items_result *out, struct err *e);
void task_items_result_done(struct task_items_result *r);

#endif
