/*
 * task_edit.c -- editing, snoozing, cancelling and reassigning tasks, and
 * ticking their checklists, each as one audited action (the rules are in
 * task_edit.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/task_edit.h"
#include "core/date.h"
#include "core/names.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/work.h"
#include "store/wtx.h"

static bool
is_live(const char *status)
{
	return !strcmp(status, "open") || !strcmp(status, "snoozed");
}

/* -- edit ---------------------------------------------------------------- */

static enum status
check_edit(const struct task_edit_input *in, struct err *e)
{
	if (!in->title && !in->kind && !in->priority && !in->notes && !in->set_due && !in->clear_due)
		return err_set(e, ST_USAGE, "edit: nothing to change");
	if (in->title && work_text("title", in->title, "say what is to be done", e))
		return e->status;
	if (in->kind && work_choice("kind", in->kind, task_kind_names, "task kind", e))
		return e->status;
	if (in->priority && work_choice("priority", in->priority, priority_names, "priority", e))
		return e->status;
	if (in->set_due && in->clear_due)
		return err_set(e, ST_USAGE, "due: either a date or none");
	return ST_OK;
}

enum status
task_edit(struct store *s, const struct task_edit_input *in, struct work_done *out, struct err *e)
{
	char due[DATE_STRLEN];
	struct work_head h;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_edit(in, e)))
		return st;
	if ((st = work_begin(s, "task edit", &entity_task, in->task_id, &t, &h, e)))
		return st;
	row_init(&r, &entity_task);
	if (in->title)
		row_text(&r, "title", in->title);
	if (in->kind)
		row_text(&r, "kind", in->kind);
	if (in->priority)
		row_text(&r, "priority", in->priority);
	if (in->notes)
		row_text(&r, "notes", *in->notes ? in->notes : NULL);
	if (in->set_due)
		row_text(&r, "due_date", date_format(in->due, due));
	if (in->clear_due)
		row_null(&r, "due_date");
	st = work_end(t, wtx_update(t, &r, in->task_id, e), e);
	row_done(&r);
	if (!st)
		work_done_take(out, &h);
	work_head_done(&h);
	return st;
}

/* -- snooze --------------------------------------------------------------- */

enum status
task_snooze(struct store *s, int64_t id, int32_t until, struct work_done *out, struct err *e)
{
	const struct clock *clock = store_clock(s);
	char day[DATE_STRLEN], today[DATE_STRLEN];
	struct work_head h;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (until <= clock->today)
		return err_set(e, ST_USAGE, "until: snooze until a day after today (%s)",
			       date_format(clock->today, today));
	if ((st = work_begin(s, "task snooze", &entity_task, id, &t, &h, e)))
		return st;
	if (!is_live(h.status)) {
		st = err_set(e, ST_DATA, "task #%lld is %s: only open and snoozed tasks can be snoozed",
			     (long long)id, h.status);
		wtx_abort(t);
		work_head_done(&h);
		return st;
	}
	row_init(&r, &entity_task);
	row_text(&r, "status", "snoozed");
	row_text(&r, "snoozed_until", date_format(until, day));
	st = work_end(t, wtx_update(t, &r, id, e), e);
	row_done(&r);
	if (!st)
		work_done_take(out, &h);
	work_head_done(&h);
	return st;
}

/* -- cancel and reassign: several tasks in one action ------------------------ */

/* Decide for one task, given its head: write it (return ST_OK with *write),
 * skip it (ST_OK, !*write) or refuse the lot (an error in e). */
typedef enum status (*each_fn)(const struct work_head *h, const void *arg, bool *write,
			       struct err *e);

static enum status
each_task(struct store *s, const char *action, const int64_t *ids, int n, each_fn decide,
	  const void *arg, const struct row *r, struct work_done *out, struct err *e)
{
	struct work_head h;
	struct wtx *t;
	enum status st;

	memset(out, 0, sizeof(*out) * (size_t)(n > 0 ? n : 0));
	if (n < 1)
		return err_set(e, ST_USAGE, "ID: name one or more tasks");
	if ((st = wtx_begin(s, action, WTX_AUDIT_ROWS, &t, e)))
		return st;
	for (int i = 0; i < n && !st; i++) {
		bool write = false;

		if ((st = store_work_head(s, &entity_task, ids[i], &h, e)))
			break;
		if (!(st = decide(&h, arg, &write, e)) && write)
			st = wtx_update(t, r, ids[i], e);
		out[i].skipped = !write;
		work_done_take(&out[i], &h);
		work_head_done(&h);
	}
	if (st) {
		err_wrap(e, "nothing was changed");
		work_done_clear(out, n);
	}
	return work_end(t, st, e);
}

static enum status
decide_cancel(const struct work_head *h, const void *arg, bool *write, struct err *e)
{
	(void)arg;
	if (!strcmp(h->status, "done"))
		return err_set(e, ST_DATA,
			       "task #%lld is done (on %s); a done task cannot be cancelled",
			       (long long)h->id, h->date);
	*write = strcmp(h->status, "cancelled") != 0;
	return ST_OK;
}

enum status
tasks_cancel(struct store *s, const int64_t *ids, int n, const char *reason, struct work_done *out,
	     struct err *e)
{
	struct row r;
	enum status st;

	if (reason && work_text("reason", reason, "say why, or leave it out", e))
		return e->status;
	row_init(&r, &entity_task);
	row_text(&r, "status", "cancelled");
	if (reason)
		row_text(&r, "cancel_reason", reason);
	st = each_task(s, "task cancel", ids, n, decide_cancel, NULL, &r, out, e);
	row_done(&r);
	return st;
}

static enum status
decide_reassign(const struct work_head *h, const void *arg, bool *write, struct err *e)
{
	const int64_t *owner = arg;

	if (!is_live(h->status))
		return err_set(e, ST_DATA,
			       "task #%lld is %s: only open and snoozed tasks are reassigned",
			       (long long)h->id, h->status);
	*write = h->user_id != *owner;
	return ST_OK;
}

enum status
tasks_reassign(struct store *s, const int64_t *ids, int n, const char *owner, struct work_done *out,
	       struct err *e)
{
	int64_t owner_id = 0;
	struct row r;
	enum status st;

	if ((st = work_user(s, "owner", owner, &owner_id, e)))
		return st;
	row_init(&r, &entity_task);
	row_int(&r, "owner", owner_id);
	st = each_task(s, "task reassign", ids, n, decide_reassign, &owner_id, &r, out, e);
	row_done(&r);
	return st;
}

/* -- checklist items -------------------------------------------------------- */

/* The index in t->items of the item named by text: its number, else its id. */
static enum status
find_item(const struct task_detail *t, const char *text, int *index, struct err *e)
{
	char *end;
	long long v = strtoll(text, &end, 10);

	if (!*text || *end || v < 1)
		return err_set(e, ST_USAGE, "item: '%s' is not an item's number or id", text);
	if (!t->nitems)
		return err_set(e, ST_NOINPUT, "item: task #%lld has no checklist", (long long)t->id);
	if (v <= t->nitems) {
		*index = (int)v - 1;
		return ST_OK;
	}
	for (int i = 0; i < t->nitems; i++)
		if (t->items[i].id == v) {
			*index = i;
			return ST_OK;
		}
	return err_set(e, ST_NOINPUT, "item: task #%lld has no item %lld (its items are 1 to %d, "
		       "or their ids)", (long long)t->id, v, t->nitems);
}

/* Set the named items of t as done says, through t's transaction. */
static enum status
set_items(struct wtx *t, struct task_detail *task, const char *const *items, int n, bool done,
	  struct task_items_result *out, struct err *e)
{
	struct row r;
	enum status st = ST_OK;

	row_init(&r, &entity_task_item);
	row_int(&r, "done", done);
	for (int i = 0; i < n && !st; i++) {
		struct task_item_row *it;
		int k = 0;

		if ((st = find_item(task, items[i], &k, e)))
			break;
		it = &task->items[k];
		out->number[i] = it->number;
		out->skipped[i] = it->done == done;
		if (out->skipped[i])
			continue;
		if ((st = wtx_update(t, &r, it->id, e)))
			break;
		it->done = done;
		task->nitems_done += done ? 1 : -1;
		out->changed++;
	}
	row_done(&r);
	out->nitems = task->nitems;
	out->ndone = task->nitems_done;
	return st;
}

enum status
task_items_set(struct store *s, int64_t id, const char *const *items, int n, bool done,
	       struct task_items_result *out, struct err *e)
{
	struct task_detail *task = NULL;
	struct work_head h;
	struct wtx *t;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (n < 1)
		return err_set(e, ST_USAGE, "item: name one or more items");
	if (n > TASK_ITEMS_MAX)
		return err_set(e, ST_USAGE, "item: at most %d items at once", TASK_ITEMS_MAX);
	if ((st = work_begin(s, done ? "task tick" : "task untick", &entity_task, id, &t, &h, e)))
		return st;
	out->n = n;
	st = store_task_detail(s, id, &task, e);
	if (!st)
		st = set_items(t, task, items, n, done, out, e);
	task_detail_free(task);
	if (st)
		memset(out, 0, sizeof(*out));
	if (!(st = work_end(t, st, e)))
		work_done_take(&out->task, &h);
	work_head_done(&h);
	return st;
}

void
task_items_result_done(struct task_items_result *r)
{
	work_done_clear(&r->task, 1);
}
