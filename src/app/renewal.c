/*
 * renewal.c -- closing a renewal and writing its ledger event (see
 * renewal.h for the rules), through the write path as one action.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/renewal.h"
#include "core/date.h"
#include "core/money.h"
#include "core/names.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/metrics.h"
#include "store/renewals.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"
#include "app/account_edit.h"

/* Money as people read it: grouped, cents only when there are some. */
static const char *
money_text(int64_t cents, char *buf)
{
	return money_format_grouped(cents, cents % 100 == 0, buf);
}

/* The ledger event for closing r at final, given the account's ARR at the end
 * of the due date.  *kind is NULL when there is none. */
static void
ledger_event(const struct renewal_info *r, int64_t final, int64_t arr, const char **kind,
	     int64_t *delta)
{
	*delta = final - r->target;
	*kind = NULL;
	if (*delta > 0) {
		*kind = "expansion";
	} else if (*delta < 0 && arr + *delta > 0) {
		*kind = "contraction";
	} else if (*delta < 0 && arr > 0) {
		*kind = "churn";
		*delta = -arr;
	} else {
		*delta = 0;   /* no change, or nothing left to churn */
	}
}

/* The checks that need no renewal: the amount and the reason code. */
static enum status
check_input(const struct renewal_close_input *in, struct err *e)
{
	if (in->final < 0)
		return err_set(e, ST_USAGE, "final: an amount of zero or more");
	if (in->reason && names_lookup(churn_reason_names, in->reason) < 0)
		return err_set(e, ST_USAGE, "reason: '%s' is not a churn reason", in->reason);
	if (in->final == 0 && !in->reason)
		return err_set(e, ST_USAGE, "reason: a lost renewal (final 0) needs a reason code");
	return ST_OK;
}

/* The checks against the renewal as it is now. */
static enum status
check_renewal(const struct renewal_info *r, const struct renewal_close_input *in, struct err *e)
{
	char m1[MONEY_STRLEN], m2[MONEY_STRLEN];

	if (!strcmp(r->stage, "won") || !strcmp(r->stage, "lost"))
		return err_set(e, ST_DATA,
			       "renewal #%lld is already closed (%s on %s); nothing was changed",
			       (long long)r->id, r->stage, r->closed_date);
	if (in->reason && in->final >= r->target)
		return err_set(e, ST_USAGE,
			       "reason is for a lost or downsold renewal (final %s, target %s)",
			       money_text(in->final, m1), money_text(r->target, m2));
	return ST_OK;
}

/* The renewal's new stage, dates and final ARR. */
static enum status
write_renewal(struct wtx *t, const struct renewal_close_input *in, const char *stage,
	      struct err *e)
{
	char closed[DATE_STRLEN];
	struct row r;
	enum status st;

	row_init(&r, &entity_renewal);
	row_text(&r, "stage", stage);
	row_int(&r, "final_arr", in->final);
	row_text(&r, "closed_date", date_format(in->closed, closed));
	if (in->reason)
		row_text(&r, "churn_reason", in->reason);
	if (in->final == 0)
		row_text(&r, "forecast_category", "lost");
	st = wtx_update(t, &r, in->renewal_id, e);
	row_done(&r);
	return st;
}

/* The ledger event out describes, dated on the due date. */
static enum status
write_event(struct wtx *t, int64_t account_id, const char *reason,
	    struct renewal_close_result *out, struct err *e)
{
	char due[DATE_STRLEN];
	struct row r;
	enum status st;

	row_init(&r, &entity_arr_event);
	row_int(&r, "account", account_id);
	row_text(&r, "date", date_format(out->due, due));
	row_text(&r, "kind", out->kind);
	row_int(&r, "arr_delta", out->delta);
	row_text(&r, "reason", reason);
	st = wtx_insert(t, &r, &out->event_id, e);
	row_done(&r);
	return st;
}

/* Won: the next term's renewal, one term after this one. */
static enum status
write_next(struct wtx *t, const struct renewal_rec *rec, int64_t final,
	   struct renewal_close_result *out, struct err *e)
{
	char due[DATE_STRLEN];
	struct row r;
	enum status st;

	out->next_due = renewal_next_due(rec->due, rec->term_months);
	row_init(&r, &entity_renewal);
	row_int(&r, "account", rec->account_id);
	row_text(&r, "due_date", date_format(out->next_due, due));
	row_int(&r, "target_arr", final);
	row_text(&r, "forecast_category", "likely");
	row_text(&r, "stage", "not_started");
	if (rec->owner_id)
		row_int(&r, "owner", rec->owner_id);
	st = wtx_insert(t, &r, &out->next_id, e);
	row_done(&r);
	return st;
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

/* Each of ids, of entity ent, gets the fields of r. */
static enum status
update_all(struct wtx *t, const struct row *r, const int64_t *ids, size_t n, struct err *e)
{
	enum status st = ST_OK;

	for (size_t i = 0; i < n && !st; i++)
		st = wtx_update(t, r, ids[i], e);
	return st;
}

/* Nothing left: the account churned; its open work ends with a note. */
static enum status
write_churn(struct wtx *t, struct store *s, const struct renewal_close_input *in,
	    const struct renewal_rec *rec, struct renewal_close_result *out, struct err *e)
{
	char note[160], day[DATE_STRLEN], stage[16] = "";
	int64_t *tasks = NULL, *risks = NULL;
	size_t ntasks = 0, nrisks = 0;
	struct row r;
	enum status st;

	snprintf(note, sizeof(note), "renewal #%lld lost (%s)", (long long)rec->id,
		 in->reason ? in->reason : "no ARR left");
	date_format(in->closed, day);
	if ((st = store_account_stage(s, rec->account_id, stage, sizeof(stage), e)))
		return st;
	if (strcmp(stage, "churned")) {
		st = account_stage_write(t, s, rec->account_id, "churned", in->closed,
					 user_of(s, in->login), "manual", e);
		if (!st) {
			row_init(&r, &entity_account);
			row_text(&r, "stage", "churned");
			row_text(&r, "stage_since", day);
			st = wtx_update(t, &r, rec->account_id, e);
			row_done(&r);
		}
		out->churned = !st;
	}
	if (!st)
		st = store_account_open_work(s, rec->account_id, &tasks, &ntasks, &risks, &nrisks, e);
	if (!st) {
		row_init(&r, &entity_task);
		row_text(&r, "status", "cancelled");
		row_text(&r, "cancel_reason", note);
		st = update_all(t, &r, tasks, ntasks, e);
		row_done(&r);
	}
	if (!st) {
		row_init(&r, &entity_risk);
		row_text(&r, "status", "closed");
		row_text(&r, "closed_on", day);
		row_text(&r, "resolution", note);
		st = update_all(t, &r, risks, nrisks, e);
		row_done(&r);
	}
	if (!st) {
		out->tasks_cancelled = ntasks;
		out->risks_closed = nrisks;
	}
	free(tasks);
	free(risks);
	return st;
}

/* What follows the ledger: the next term, or the end of the account. */
static enum status
move_on(struct wtx *t, struct store *s, const struct renewal_close_input *in,
	struct renewal_close_result *out, struct err *e)
{
	struct renewal_rec rec;
	enum status st;

	if ((st = store_renewal_rec(s, in->renewal_id, &rec, e)))
		return st;
	if (in->final > 0)
		return write_next(t, &rec, in->final, out, e);
	if (out->arr + out->delta <= 0)
		return write_churn(t, s, in, &rec, out, e);
	return ST_OK;
}

enum status
renewal_close(struct store *s, const struct renewal_close_input *in,
	      struct renewal_close_result *out, struct err *e)
{
	struct renewal_info r;
	const char *reason = NULL;
	struct wtx *t;
	enum status st;

	memset(out, 0, sizeof(*out));
	if ((st = check_input(in, e)))
		return st;
	/* Read inside the write transaction: nobody can close it meanwhile. */
	if ((st = wtx_begin(s, "renewal close", WTX_AUDIT_ROWS, &t, e)))
		return st;
	if ((st = store_renewal_get(s, in->renewal_id, &r, e))) {
		wtx_abort(t);
		return st;
	}
	st = check_renewal(&r, in, e);
	if (!st)
		st = store_account_arr(s, r.account_id, r.due + 1, &out->arr, e);
	if (!st) {
		out->stage = in->final > 0 ? "won" : "lost";
		out->due = r.due;
		out->target = r.target;
		ledger_event(&r, in->final, out->arr, &out->kind, &out->delta);
		if (out->delta > 0)
			reason = "renewal with upsell";
		else
			reason = in->reason ? in->reason : "renewal with downsell";
		st = write_renewal(t, in, out->stage, e);
	}
	if (!st && out->kind)
		st = write_event(t, r.account_id, reason, out, e);
	if (!st)
		st = move_on(t, s, in, out, e);
	if (st)
		wtx_abort(t);
	else
		st = wtx_commit(t, e);
	if (st) {
		memset(out, 0, sizeof(*out));
	} else {
		out->account_id = r.account_id;
		out->account = r.account;   /* handed over: renewal_close_result_done frees it */
		r.account = NULL;
	}
	renewal_info_done(&r);
	return st;
}

void
renewal_close_result_done(struct renewal_close_result *r)
{
	free(r->account);
	r->account = NULL;
}
