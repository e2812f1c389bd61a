/*
 * opportunity.c -- adding opportunities and moving them through their
 * stages to won or lost (the rules are in opportunity.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/opportunity.h"
#include "core/date.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/work.h"
#include "store/wtx.h"

static bool
is_closed(const char *stage)
{
	return !strcmp(stage, "won") || !strcmp(stage, "lost");
}

static enum status
check_add(const struct opportunity_input *in, struct err *e)
{
	if (!in->kind)
		return err_set(e, ST_USAGE, "kind: say what kind of opportunity it is");
	if (work_choice("kind", in->kind, opp_kind_names, "kind of opportunity", e))
		return e->status;
	if (in->arr_cents < 0)
		return err_set(e, ST_USAGE, "amount: an ARR of zero or more");
	return work_text("title", in->title, "say what the opportunity is", e);
}

enum status
opportunity_add(struct store *s, const char *login, const struct opportunity_input *in,
		struct work_done *out, struct err *e)
{
	char today[DATE_STRLEN], close[DATE_STRLEN], *am = NULL;
	struct work_head acct;
	int64_t source = work_user_or_none(s, login), id = 0;
	struct wtx *t;
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_add(in, e)))
		return st;
	if ((st = work_begin(s, "opportunity add", &entity_account, in->account_id, &t, &acct, e)))
		return st;
	row_init(&r, &entity_opportunity);
	row_int(&r, "account", in->account_id);
	row_text(&r, "title", in->title);
	row_text(&r, "kind", in->kind);
	row_int(&r, "arr", in->arr_cents);
	row_text(&r, "stage", "qualify");
	row_text(&r, "forecast_category", "pipeline");
	if (source)
		row_int(&r, "sourced_by", source);
	row_text(&r, "created_on", date_format(store_clock(s)->today, today));
	if (in->has_close)
		row_text(&r, "expected_close", date_format(in->expected_close, close));
	if (!(st = store_account_am(s, in->account_id, &am, e))) {
		if (am)
			row_text(&r, "am", am);
		st = wtx_insert(t, &r, &id, e);
	}
	if (!(st = work_end(t, st, e))) {
		work_done_take(out, &acct);
		out->id = id;
	}
	row_done(&r);
	free(am);
	work_head_done(&acct);
	return st;
}

/* Write r to opportunity id, refused when it is closed; skipped when
 * same_stage names the stage it is in. */
static enum status
change(struct store *s, const char *action, int64_t id, const struct row *r,
       const char *same_stage, struct work_done *out, struct err *e)
{
	struct work_head h;
	struct wtx *t;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = work_begin(s, action, &entity_opportunity, id, &t, &h, e)))
		return st;
	if (is_closed(h.status) && same_stage)
		st = err_set(e, ST_DATA, "opportunity #%lld is closed already (%s on %s); nothing was "
			     "changed", (long long)id, h.status, h.date);
	else if (same_stage && !strcmp(h.status, same_stage))
		out->skipped = true;
	else
		st = wtx_update(t, r, id, e);
	if (!(st = work_end(t, st, e)))
		work_done_take(out, &h);
	work_head_done(&h);
	return st;
}

enum status
opportunity_stage(struct store *s, int64_t id, const char *stage, struct work_done *out,
		  struct err *e)
{
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (!stage || work_choice("stage", stage, opp_stage_names, "stage", e))
		return stage ? e->status : err_set(e, ST_USAGE, "stage: say which");
	if (is_closed(stage))
		return err_set(e, ST_USAGE, "stage: an opportunity is %s with 'tend opportunity "
			       "close ID --%s'", stage, stage);
	row_init(&r, &entity_opportunity);
	row_text(&r, "stage", stage);
	st = change(s, "opportunity stage", id, &r, stage, out, e);
	row_done(&r);
	return st;
}

enum status
opportunity_amount(struct store *s, int64_t id, int64_t arr_cents, struct work_done *out,
		   struct err *e)
{
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (arr_cents < 0)
		return err_set(e, ST_USAGE, "amount: an ARR of zero or more");
	row_init(&r, &entity_opportunity);
	row_int(&r, "arr", arr_cents);
	st = change(s, "opportunity amount", id, &r, NULL, out, e);
	row_done(&r);
	return st;
}

enum status
opportunity_close(struct store *s, int64_t id, bool won, const char *reason,
		  struct work_done *out, struct err *e)
{
	char today[DATE_STRLEN];
	struct row r;
	enum status st;

	memset(out, 0, sizeof(*out));
	if (reason && work_text("reason", reason, "say why, or leave it out", e))
		return e->status;
	row_init(&r, &entity_opportunity);
	row_text(&r, "stage", won ? "won" : "lost");
	row_text(&r, "forecast_category", "closed");
	row_text(&r, "closed_on", date_format(store_clock(s)->today, today));
	if (reason)
		row_text(&r, "close_reason", reason);
	/* "" is no stage: any open one moves, a closed one refuses. */
	st = change(s, "opportunity close", id, &r, "", out, e);
	row_done(&r);
	return st;
}
