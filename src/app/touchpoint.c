/*
 * touchpoint.c -- editing and deleting touchpoints, by their author or a
 * lead (the rules are in touchpoint.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/actions.h"
#include "app/touchpoint.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/work.h"
#include "store/wtx.h"

static int
copy_role(void *ctx, const struct user_row *u)
{
	snprintf(ctx, 16, "%s", u->role ? u->role : "");
	return 0;
}

/* May login change touchpoint h?  Its author may; a lead or admin may
 * change any. */
static enum status
may_change(struct store *s, const char *login, const struct work_head *h, const char *verb,
	   struct err *e)
{
	char role[16] = "";
	bool found = false;

	if (h->user && login && !strcmp(h->user, login))
		return ST_OK;
	if (login && store_user_get(s, login, &found, copy_role, role, e))
		return e->status;
	if (found && (!strcmp(role, "lead") || !strcmp(role, "admin")))
		return ST_OK;
	if (h->user)
		return err_set(e, ST_NOPERM, "touchpoint #%lld was logged by %s: only %s or a lead can "
			       "%s it", (long long)h->id, h->user, h->user, verb);
	return err_set(e, ST_NOPERM, "touchpoint #%lld has no author: only a lead can %s it",
		       (long long)h->id, verb);
}

static enum status
check_edit(const struct touch_edit_input *in, struct err *e)
{
	if (!in->summary && !in->kind && !in->follow_ups && !in->set_date && in->duration == -1 &&
	    in->sentiment == -1 && !in->attendees)
		return err_set(e, ST_USAGE, "edit: nothing to change");
	if (in->summary && work_text("summary", in->summary, "say what happened", e))
		return e->status;
	if (in->kind && work_choice("kind", in->kind, touch_kind_names, "touchpoint kind", e))
		return e->status;
	if (in->sentiment != -1 && (in->sentiment < 1 || in->sentiment > 5))
		return err_set(e, ST_USAGE, "sentiment: from 1 to 5");
	if (in->duration < -1 || in->duration > 24 * 60)
		return err_set(e, ST_USAGE, "duration: minutes, at most a day");
	if (in->planned && !in->set_date)
		return err_set(e, ST_USAGE, "planned: give the date it is planned for (--date)");
	if (in->set_date && action_touch_date(in->date, in->today, in->planned, e))
		return e->status;
	return ST_OK;
}

/* The attendees, as an import's attendees column reads them. */
static enum status
set_attendees(struct store *s, struct row *r, const char *emails, struct err *e)
{
	char *list;
	enum status st = ST_OK;

	if (!*emails || !strcmp(emails, "none")) {
		row_parse(s, r, entity_field(&entity_touchpoint, "attendees"), "", e);
		return ST_OK;
	}
	list = xstrdup(emails);
	for (char *p = list; *p; p++)
		if (*p == ',')
			*p = ';';
	if (row_parse(s, r, entity_field(&entity_touchpoint, "attendees"), list, e)) {
		err_wrap(e, "with");
		st = e->status = ST_USAGE;
	}
	free(list);
	return st;
}

static enum status
edit_row(struct store *s, const struct touch_edit_input *in, const struct work_head *h,
	 struct row *r, char date[DATE_STRLEN], struct err *e)
{
	/* The account is known to the row so attendees resolve in it. */
	row_int(r, "account", h->account_id);
	if (in->summary)
		row_text(r, "summary", in->summary);
	if (in->kind)
		row_text(r, "kind", in->kind);
	if (in->follow_ups)
		row_text(r, "follow_ups", *in->follow_ups ? in->follow_ups : NULL);
	if (in->set_date)
		row_text(r, "date", date_format(in->date, date));
	if (in->duration >= 0)
		row_int(r, "duration_min", in->duration);
	if (in->sentiment > 0)
		row_int(r, "sentiment", in->sentiment);
	if (in->attendees)
		return set_attendees(s, r, in->attendees, e);
	return ST_OK;
}

enum status
touchpoint_edit(struct store *s, const char *login, const struct touch_edit_input *in,
		struct work_done *out, struct err *e)
{
	char date[DATE_STRLEN];
	struct work_head h;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_edit(in, e)))
		return st;
	if ((st = work_begin(s, "log edit", &entity_touchpoint, in->id, &t, &h, e)))
		return st;
	row_init(&r, &entity_touchpoint);
	st = may_change(s, login, &h, "edit", e);
	if (!st)
		st = edit_row(s, in, &h, &r, date, e);
	if (!st)
		st = wtx_update(t, &r, in->id, e);
	if (!(st = work_end(t, st, e)))
		work_done_take(out, &h);
	row_done(&r);
	work_head_done(&h);
	return st;
}

enum status
touchpoint_delete(struct store *s, const char *login, int64_t id, struct work_done *out,
		  struct err *e)
{
	struct work_head h;
	struct wtx *t;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = work_begin(s, "log delete", &entity_touchpoint, id, &t, &h, e)))
		return st;
	st = may_change(s, login, &h, "delete", e);
	if (!st)
		st = wtx_delete(t, &entity_touchpoint, id, e);
	if (!(st = work_end(t, st, e)))
		work_done_take(out, &h);
	work_head_done(&h);
	return st;
}
