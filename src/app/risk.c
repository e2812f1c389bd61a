/*
 * risk.c -- opening, mitigating and closing risks through the write path
 * (the rules are in risk.h).
 */
#include "config.h"

#include <string.h>

#include "app/risk.h"
#include "core/date.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/work.h"
#include "store/wtx.h"

static enum status
check_open(const struct risk_open_input *in, struct err *e)
{
	if (!in->category)
		return err_set(e, ST_USAGE, "category: say what kind of risk it is");
	if (work_choice("category", in->category, risk_category_names, "risk category", e))
		return e->status;
	if (in->severity && work_choice("severity", in->severity, priority_names, "severity", e))
		return e->status;
	return work_text("description", in->description, "say what is not going to plan", e);
}

enum status
risk_open(struct store *s, const char *login, const struct risk_open_input *in,
	  struct work_done *out, struct err *e)
{
	char today[DATE_STRLEN];
	struct work_head acct;
	int64_t owner;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_open(in, e)))
		return st;
	if ((st = work_begin(s, "risk open", &entity_account, in->account_id, &t, &acct, e)))
		return st;
	owner = acct.user_id ? acct.user_id : work_user_or_none(s, login);
	row_init(&r, &entity_risk);
	row_int(&r, "account", in->account_id);
	row_text(&r, "category", in->category);
	row_text(&r, "severity", in->severity ? in->severity : "medium");
	row_text(&r, "status", "open");
	row_text(&r, "opened_on", date_format(store_clock(s)->today, today));
	if (owner)
		row_int(&r, "owner", owner);
	row_text(&r, "description", in->description);
	row_text(&r, "source", "manual");
	st = work_end(t, wtx_insert(t, &r, &out->id, e), e);
	row_done(&r);
	if (!st) {
		int64_t id = out->id;

		work_done_take(out, &acct);
		out->id = id;
	}
	work_head_done(&acct);
	return st;
}

/* Change risk id to status with text in column (the plan, or how it was
 * closed), unless it is closed already. */
static enum status
risk_set(struct store *s, const char *action, int64_t id, const char *status, const char *column,
	 const char *note, struct work_done *out, struct err *e)
{
	char today[DATE_STRLEN];
	struct work_head h;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = work_text("note", note, !strcmp(status, "closed") ? "say how it was resolved"
			    : "say what is being done", e)))
		return st;
	if ((st = work_begin(s, action, &entity_risk, id, &t, &h, e)))
		return st;
	if (!strcmp(h.status, "closed")) {
		st = err_set(e, ST_DATA, "risk #%lld is closed already (on %s); nothing was changed",
			     (long long)id, h.date);
		wtx_abort(t);
		work_head_done(&h);
		return st;
	}
	row_init(&r, &entity_risk);
	row_text(&r, "status", status);
	row_text(&r, column, note);
	if (!strcmp(status, "closed"))
		row_text(&r, "closed_on", date_format(store_clock(s)->today, today));
	st = work_end(t, wtx_update(t, &r, id, e), e);
	row_done(&r);
	if (!st)
		work_done_take(out, &h);
	work_head_done(&h);
	return st;
}

enum status
risk_mitigate(struct store *s, int64_t id, const char *note, struct work_done *out, struct err *e)
{
	return risk_set(s, "risk mitigate", id, "mitigating", "mitigation", note, out, e);
}

enum status
risk_close(struct store *s, int64_t id, const char *note, struct work_done *out, struct err *e)
{
	return risk_set(s, "risk close", id, "closed", "resolution", note, out, e);
}
