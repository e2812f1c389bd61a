/*
 * renewal_set.c -- working an open renewal: its forecast category,
 * forecast ARR and stage, and the cadence steps logged (renewal.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/renewal.h"
#include "core/date.h"
#include "core/names.h"
#include "domain/cadence.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/renewals.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

/* The stages renewal set may move to: won and lost are closing's. */
static const char *const open_stages[] = { "not_started", "in_progress", "negotiating", NULL };
static const char *const open_categories[] = { "commit", "likely", "at_risk", NULL };

static bool
is_closed(const char *stage)
{
	return !strcmp(stage, "won") || !strcmp(stage, "lost");
}

static enum status
check_set(const struct renewal_set_input *in, struct err *e)
{
	if (in->category && names_lookup(open_categories, in->category) < 0) {
		if (names_lookup(forecast_names, in->category) >= 0)
			return err_set(e, ST_USAGE, "category: a renewal is lost by closing it "
				       "('tend renewal close ID --final 0 --reason CODE')");
		return err_set(e, ST_USAGE, "category: '%s' is not commit, likely or at_risk",
			       in->category);
	}
	if (in->stage && names_lookup(open_stages, in->stage) < 0) {
		if (names_lookup(renewal_stage_names, in->stage) >= 0)
			return err_set(e, ST_USAGE, "stage: won and lost are set by closing the "
				       "renewal ('tend renewal close')");
		return err_set(e, ST_USAGE,
			       "stage: '%s' is not not_started, in_progress or negotiating", in->stage);
	}
	if (in->forecast < -1)
		return err_set(e, ST_USAGE, "forecast: an amount of zero or more");
	return ST_OK;
}

static int64_t
user_of(struct store *s, const char *login)
{
	struct err ignore = { ST_OK, "" };
	int64_t id = 0;

	if (!login || store_user_id(s, login, &id, &ignore))
		return 0;
	return id;
}

/* Insert step k of renewal id inside t, unless it is logged already and
 * only_once says so. */
static enum status
log_step(struct wtx *t, struct store *s, int64_t renewal_id, const char *step, int32_t day,
	 const char *note, const char *login, bool only_once, int64_t *id, struct err *e)
{
	char d[DATE_STRLEN];
	bool logged = false;
	int64_t author = user_of(s, login);
	struct row r;
	enum status st;

	if (only_once && (st = store_renewal_step_logged(s, renewal_id, step, &logged, e)))
		return st;
	if (logged)
		return ST_OK;
	row_init(&r, &entity_renewal_step);
	row_int(&r, "renewal", renewal_id);
	row_text(&r, "step", step);
	row_text(&r, "date", date_format(day, d));
	if (author)
		row_int(&r, "author", author);
	if (note)
		row_text(&r, "note", note);
	st = wtx_insert(t, &r, id, e);
	row_done(&r);
	return st;
}

/* The steps a change stands for, logged once each. */
static enum status
implied_steps(struct wtx *t, struct store *s, const struct renewal_set_input *in,
	      const struct renewal_rec *was, struct err *e)
{
	int32_t today = store_clock(s)->today;
	enum status st = ST_OK;

	if (in->stage && strcmp(in->stage, was->stage) && !strcmp(in->stage, "in_progress"))
		st = log_step(t, s, was->id, "t90", today, "renewal discussion started", in->login,
			      true, NULL, e);
	if (!st && in->stage && strcmp(in->stage, was->stage) && !strcmp(in->stage, "negotiating"))
		st = log_step(t, s, was->id, "t60", today, "price negotiation started", in->login,
			      true, NULL, e);
	if (!st && in->category && strcmp(in->category, was->category) &&
	    !strcmp(in->category, "commit"))
		st = log_step(t, s, was->id, "t30", today, "forecast commit: price agreed", in->login,
			      true, NULL, e);
	return st;
}

enum status
renewal_set(struct store *s, const struct renewal_set_input *in, bool *changed, struct err *e)
{
	struct renewal_rec was;
	struct wtx *t;
	struct row r;
	bool any = false;
	enum status st;

	*changed = false;
	if ((st = check_set(in, e)))
		return st;
	if ((st = wtx_begin(s, "renewal set", WTX_AUDIT_ROWS, &t, e)))
		return st;
	if ((st = store_renewal_rec(s, in->renewal_id, &was, e))) {
		wtx_abort(t);
		return st;
	}
	if (is_closed(was.stage)) {
		wtx_abort(t);
		return err_set(e, ST_DATA, "renewal #%lld is closed (%s); nothing was changed",
			       (long long)was.id, was.stage);
	}
	row_init(&r, &entity_renewal);
	if (in->category && strcmp(in->category, was.category)) {
		row_text(&r, "forecast_category", in->category);
		any = true;
	}
	if (in->forecast >= 0 && in->forecast != was.forecast) {
		row_int(&r, "forecast_arr", in->forecast);
		any = true;
	}
	if (in->stage && strcmp(in->stage, was.stage)) {
		row_text(&r, "stage", in->stage);
		any = true;
	}
	if (any)
		st = wtx_update(t, &r, was.id, e);
	row_done(&r);
	if (!st && any)
		st = implied_steps(t, s, in, &was, e);
	if (st || !any) {
		wtx_abort(t);
		return st;
	}
	if ((st = wtx_commit(t, e)))
		return st;
	*changed = true;
	return ST_OK;
}

enum status
renewal_step(struct store *s, int64_t renewal_id, const char *step, int32_t day,
	     const char *note, const char *login, int64_t *id, struct err *e)
{
	struct renewal_rec was;
	struct wtx *t;
	enum status st;

	if (names_lookup(cadence_step_names, step) < 0)
		return err_set(e, ST_USAGE, "step: '%s' is not t120, t90, t60 or t30", step);
	if ((st = wtx_begin(s, "renewal step", WTX_AUDIT_ROWS, &t, e)))
		return st;
	st = store_renewal_rec(s, renewal_id, &was, e);
	if (!st && is_closed(was.stage))
		st = err_set(e, ST_DATA, "renewal #%lld is closed (%s); its cadence is over",
			     (long long)renewal_id, was.stage);
	if (!st)
		st = log_step(t, s, renewal_id, step, day, note, login, false, id, e);
	if (st) {
		wtx_abort(t);
		return st;
	}
	return wtx_commit(t, e);
}
