/*
 * actions.c -- everyday writes through the write path (see actions.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/actions.h"
#include "core/date.h"
#include "core/names.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

static int64_t
user_id(struct store *s, const char *login)
{
	struct err ignore = { ST_OK, "" };
	int64_t id = 0;

	if (!login || store_user_id(s, login, &id, &ignore))
		return 0;
	return id;
}

enum status
action_touch_date(int32_t date, int32_t today, bool planned, struct err *e)
{
	char d[DATE_STRLEN];

	if (date > today && !planned)
		return err_set(e, ST_USAGE, "date: %s is after today; a touchpoint still to come is "
			       "planned (--planned)", date_format(date, d));
	if (date <= today && planned)
		return err_set(e, ST_USAGE, "planned: a planned touchpoint is dated after today "
			       "(--date)");
	return ST_OK;
}

enum status
action_log(struct store *s, const char *login, const struct touch_input *in, int64_t *id, struct err *e)
{
	const char *kind = in->kind ? in->kind : "call";
	char date[DATE_STRLEN], *with = NULL;
	int64_t author = user_id(s, login);
	struct row r;
	enum status st = ST_OK;

	if (names_lookup(touch_kind_names, kind) < 0)
		return err_set(e, ST_USAGE, "kind: '%s' is not a touchpoint kind", kind);
	if (!in->summary || !*in->summary)
		return err_set(e, ST_USAGE, "summary: say what happened (SUMMARY or --summary)");
	if (action_touch_date(in->date, in->today, in->planned, e))
		return e->status;
	if (in->sentiment != -1 && (in->sentiment < 1 || in->sentiment > 5))
		return err_set(e, ST_USAGE, "sentiment: from 1 to 5");
	if (in->duration < -1 || in->duration > 24 * 60)
		return err_set(e, ST_USAGE, "duration: minutes, at most a day");
	row_init(&r, &entity_touchpoint);
	row_int(&r, "account", in->account_id);
	row_text(&r, "date", date_format(in->date, date));
	row_text(&r, "kind", kind);
	row_text(&r, "summary", in->summary);
	row_int(&r, "proactive", !in->reactive);
	if (in->duration >= 0)
		row_int(&r, "duration_min", in->duration);
	if (in->sentiment > 0)
		row_int(&r, "sentiment", in->sentiment);
	if (in->follow_ups && *in->follow_ups)
		row_text(&r, "follow_ups", in->follow_ups);
	if (author)
		row_int(&r, "author", author);
	if (in->attendees && *in->attendees) {
		/* Emails resolved like an import's attendees column. */
		with = xstrdup(in->attendees);
		for (char *p = with; *p; p++)
			if (*p == ',')
				*p = ';';
		if (row_parse(s, &r, entity_field(&entity_touchpoint, "attendees"), with, e)) {
			err_wrap(e, "with");
			e->status = st = ST_USAGE;
		}
	}
	if (!st)
		st = wtx_insert_one(s, "log", &r, id, e);
	free(with);
	row_done(&r);
	return st;
}

enum status
action_task_add(struct store *s, const char *login, const struct task_input *in, int64_t *id,
		struct err *e)
{
	char due[DATE_STRLEN], today[DATE_STRLEN];
	int64_t owner = 0;
	struct row r;
	enum status st;

	if (!in->title || !*in->title)
		return err_set(e, ST_USAGE, "title: say what is to be done");
	if (in->kind && names_lookup(task_kind_names, in->kind) < 0)
		return err_set(e, ST_USAGE, "kind: '%s' is not a task kind", in->kind);
	if (in->priority && names_lookup(priority_names, in->priority) < 0)
		return err_set(e, ST_USAGE, "priority: '%s' is not low, medium, high or critical", in->priority);
	if (in->owner && *in->owner && store_user_id(s, in->owner, &owner, e))
		return e->status;
	if (!in->owner || !*in->owner)
		owner = user_id(s, login);
	row_init(&r, &entity_task);
	if (in->account_id)
		row_int(&r, "account", in->account_id);
	row_text(&r, "title", in->title);
	row_text(&r, "kind", in->kind ? in->kind : "activity");
	row_text(&r, "priority", in->priority ? in->priority : "medium");
	if (owner)
		row_int(&r, "owner", owner);
	if (in->has_due)
		row_text(&r, "due_date", date_format(in->due, due));
	row_text(&r, "status", "open");
	row_text(&r, "source", "manual");
	row_text(&r, "created_on", date_format(store_clock(s)->today, today));
	st = wtx_insert_one(s, "task add", &r, id, e);
	row_done(&r);
	return st;
}

/* Mark rows of ent done today, as one action; rows done already keep the
 * day they were done (their ids go to skipped_ids, room for n). */
static enum status
mark_done(struct store *s, const char *action, const struct entity *ent, const int64_t *ids, int n,
	  int *done, int *skipped, int64_t *skipped_ids, struct err *e)
{
	char today[DATE_STRLEN];
	struct wtx *t;
	struct row r;
	enum status st;

	*done = *skipped = 0;
	if ((st = wtx_begin(s, action, WTX_AUDIT_ROWS, &t, e)))
		return st;
	row_init(&r, ent);
	row_text(&r, "status", "done");
	row_text(&r, "done_on", date_format(store_clock(s)->today, today));
	for (int i = 0; i < n && !st; i++) {
		char status[16];

		if ((st = store_row_status(s, ent, ids[i], status, e))) {
			err_wrap(e, "nothing was changed");
			break;
		}
		if (!strcmp(status, "done")) {
			if (skipped_ids)
				skipped_ids[*skipped] = ids[i];
			(*skipped)++;
			continue;
		}
		if ((st = wtx_update(t, &r, ids[i], e)))
			err_wrap(e, "nothing was changed");
		else
			(*done)++;
	}
	row_done(&r);
	if (st) {
		wtx_abort(t);
		*done = 0;
		return st;
	}
	return wtx_commit(t, e);
}

enum status
action_tasks_done(struct store *s, const int64_t *ids, int n, int *done, int *skipped,
		  int64_t *skipped_ids, struct err *e)
{
	return mark_done(s, "task done", &entity_task, ids, n, done, skipped, skipped_ids, e);
}

enum status
action_inbox_done(struct store *s, const int64_t *ids, int n, int *done, int *skipped,
		  struct err *e)
{
	return mark_done(s, "inbox done", &entity_inbox, ids, n, done, skipped, NULL, e);
}
