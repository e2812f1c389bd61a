/*
 * records.c -- a record's detail and actions, edits and checklist ticks in
 * the interface (see records.h); the forms are in record_forms.c.
 *
 * Each action is one use case of app/, the one the command line runs
 * (`tend task snooze`, `tend risk close`...), so the interface can do
 * nothing the CLI cannot, and both word their results alike.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/actions.h"
#include "app/opportunity.h"
#include "app/risk.h"
#include "app/task_edit.h"
#include "app/touchpoint.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/money.h"
#include "domain/account_view.h"
#include "domain/model.h"
#include "store/store.h"
#include "store/work.h"
#include "ui/detail.h"
#include "ui/records.h"
#include "ui/ui.h"

void
records_say(struct ui *ui, const struct work_done *d, const char *fmt, ...)
{
	char what[160], *name = d->account ? ui_clean(ui, d->account) : NULL;
	char *ext = d->external_id ? ui_clean(ui, d->external_id) : NULL;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (name)
		ui_message(ui, d->skipped ? TH_DIM : TH_OK, "%s for %s (%s)", what, name, ext ? ext : "-");
	else
		ui_message(ui, d->skipped ? TH_DIM : TH_OK, "%s", what);
	free(name);
	free(ext);
}

static bool
failed(struct ui *ui, const struct err *e)
{
	ui_message(ui, TH_ERROR, "%s", e->msg);
	return false;
}

/* A line typed on the status line; NULL when cancelled (Esc). */
static char *
ask(struct ui *ui, const char *prompt, const char *initial)
{
	return ui_read_line(ui, prompt, initial, NULL, NULL, NULL);
}

/* -- tasks ------------------------------------------------------------------------------ */

static bool
task_done(struct ui *ui, int64_t id)
{
	struct err e = { ST_OK, "" };
	int done, skipped;

	if (action_tasks_done(ui->store, &id, 1, &done, &skipped, NULL, &e))
		return failed(ui, &e);
	ui_message(ui, skipped ? TH_DIM : TH_OK, skipped ? "task #%lld was done already" : "task #%lld done",
		   (long long)id);
	return !skipped;
}

static bool
task_snooze_ask(struct ui *ui, int64_t id)
{
	struct err e = { ST_OK, "" };
	char *text = ask(ui, "snooze until (+3d, YYYY-MM-DD): ", "+7d"), day[DATE_STRLEN];
	struct work_done d;
	int32_t until;
	bool ok;

	if (!text)
		return false;
	ok = date_parse_relative(text, store_clock(ui->store)->today, &until);
	free(text);
	if (!ok) {
		ui_message(ui, TH_ERROR, "until: YYYY-MM-DD, tomorrow, +3d or +2w");
		return false;
	}
	if (task_snooze(ui->store, id, until, &d, &e))
		return failed(ui, &e);
	records_say(ui, &d, "task #%lld snoozed until %s", (long long)id, date_format(until, day));
	work_done_clear(&d, 1);
	return true;
}

static bool
task_cancel_ask(struct ui *ui, int64_t id)
{
	struct err e = { ST_OK, "" };
	char *reason = ask(ui, "cancel: why (optional): ", "");
	struct work_done d;
	bool ok;

	if (!reason)
		return false;
	ok = !tasks_cancel(ui->store, &id, 1, *reason ? reason : NULL, &d, &e);
	free(reason);
	if (!ok)
		return failed(ui, &e);
	records_say(ui, &d, d.skipped ? "task #%lld was cancelled already" : "task #%lld cancelled",
		 (long long)id);
	work_done_clear(&d, 1);
	return !d.skipped;
}

static bool
task_reassign_ask(struct ui *ui, int64_t id)
{
	struct err e = { ST_OK, "" };
	char *login = ask(ui, "give it to (login): ", "");
	struct work_done d;
	bool ok;

	if (!login || !*login) {
		free(login);
		return false;
	}
	ok = !tasks_reassign(ui->store, &id, 1, login, &d, &e);
	if (ok)
		records_say(ui, &d, d.skipped ? "task #%lld was %s's already" : "task #%lld reassigned to %s",
			 (long long)id, login);
	free(login);
	if (!ok)
		return failed(ui, &e);
	work_done_clear(&d, 1);
	return !d.skipped;
}

/* The task's text for its detail window. */
static void
task_body(const struct task_detail *t, struct buf *b)
{
	buf_addf(b, "%s\n\n%s, %s priority, owner %s, due %s, %s", t->title, t->kind, t->priority,
		   t->owner ? t->owner : "-", t->due_date ? t->due_date : "-", t->status);
	if (t->snoozed_until && !strcmp(t->status, "snoozed"))
		buf_addf(b, " until %s", t->snoozed_until);
	buf_addf(b, "\nfrom %s, created %s", t->source ? t->source : "-", t->created_on);
	if (t->notes)
		buf_addf(b, "\n\n%s", t->notes);
	if (t->nitems)
		buf_addf(b, "\n\nChecklist %d/%d (Space ticks an item in the 360 view):", t->nitems_done,
			   t->nitems);
	for (int i = 0; i < t->nitems; i++)
		buf_addf(b, "\n[%c] %d. %s", t->items[i].done ? 'x' : ' ', t->items[i].number,
			   t->items[i].text);
}

static bool
task_open(struct ui *ui, int64_t id)
{
	static const struct detail_action actions[] = {
		{ 'd', "mark it done" }, { 'e', "edit it" }, { 's', "snooze it until a day" },
		{ 'c', "cancel it" }, { 'r', "give it to someone else" },
	};
	struct err e = { ST_OK, "" };
	struct task_detail *t;
	struct buf body;
	char title[48];
	int pick;

	if (store_task_detail(ui->store, id, &t, &e))
		return failed(ui, &e);
	buf_init(&body);
	task_body(t, &body);
	snprintf(title, sizeof(title), "Task #%lld", (long long)id);
	pick = ui_detail(ui, title, body.data, actions, 5);
	buf_done(&body);
	task_detail_free(t);
	switch (pick) {
	case 0: return task_done(ui, id);
	case 1: return record_form_task(ui, id);
	case 2: return task_snooze_ask(ui, id);
	case 3: return task_cancel_ask(ui, id);
	case 4: return task_reassign_ask(ui, id);
	}
	return false;
}

/* -- risks ------------------------------------------------------------------------------ */

struct risk_find {
	int64_t id;
	struct buf body;
	bool found;
};

static int
risk_found(void *ctx, const struct risk_row *r)
{
	struct risk_find *f = ctx;

	if (r->id != f->id)
		return 0;
	f->found = true;
	buf_addf(&f->body, "%s\n\n%s risk, %s, %s since %s, owner %s, from %s",
		   r->description ? r->description : "-", r->category, r->severity, r->status,
		   r->opened_on, r->owner ? r->owner : "-", r->source ? r->source : "-");
	if (r->mitigation)
		buf_addf(&f->body, "\n\nMitigation: %s", r->mitigation);
	if (r->resolution)
		buf_addf(&f->body, "\n\nClosed %s: %s", r->closed_on ? r->closed_on : "", r->resolution);
	return 1;
}

static bool
risk_act(struct ui *ui, int64_t id, bool close)
{
	struct err e = { ST_OK, "" };
	char *note = ask(ui, close ? "close: how it was resolved: " : "mitigation: what is being done: ", "");
	struct work_done d;
	bool ok;

	if (!note)
		return false;
	ok = !(close ? risk_close : risk_mitigate)(ui->store, id, *note ? note : NULL, &d, &e);
	free(note);
	if (!ok)
		return failed(ui, &e);
	records_say(ui, &d, close ? "risk #%lld closed" : "risk #%lld mitigating", (long long)id);
	work_done_clear(&d, 1);
	return true;
}

static bool
risk_open_detail(struct ui *ui, int64_t id, int64_t account_id)
{
	static const struct detail_action actions[] = {
		{ 'm', "mitigate it: say what is being done" }, { 'c', "close it, with how" },
	};
	struct risk_filter rf = { .account_id = account_id, .status = "all" };
	struct risk_find f = { .id = id };
	struct err e = { ST_OK, "" };
	char title[48];
	int pick;

	buf_init(&f.body);
	if (store_risks_each(ui->store, &rf, risk_found, &f, &e) || !f.found) {
		buf_done(&f.body);
		if (!e.msg[0])
			snprintf(e.msg, sizeof(e.msg), "risk #%lld is not on this account", (long long)id);
		return failed(ui, &e);
	}
	snprintf(title, sizeof(title), "Risk #%lld", (long long)id);
	pick = ui_detail(ui, title, f.body.data, actions, 2);
	buf_done(&f.body);
	return pick >= 0 && risk_act(ui, id, pick == 1);
}

/* -- opportunities ------------------------------------------------------------------------ */

struct opp_find {
	int64_t id;
	struct buf body;
	bool found;
};

static int
opp_found(void *ctx, const struct opportunity_row *o)
{
	struct opp_find *f = ctx;
	char m[MONEY_STRLEN];

	if (o->id != f->id)
		return 0;
	f->found = true;
	buf_addf(&f->body, "%s\n\n%s, %s, ARR %s, forecast %s, expected to close %s\nAM %s, sourced by "
		   "%s, created %s", o->title ? o->title : "-", o->kind, o->stage,
		   money_format_grouped(o->arr_cents, o->arr_cents % 100 == 0, m), o->forecast,
		   o->expected_close ? o->expected_close : "-", o->am ? o->am : "-",
		   o->sourced_by ? o->sourced_by : "-", o->created_on);
	return 1;
}

static bool
opp_stage_pick(struct ui *ui, int64_t id)
{
	static const char *const open_stages[] = { "qualify", "propose", "commit", NULL };
	struct err e = { ST_OK, "" };
	struct work_done d;
	int pick = ui_menu(ui, "Move to stage", open_stages);

	if (pick < 0)
		return false;
	if (opportunity_stage(ui->store, id, open_stages[pick], &d, &e))
		return failed(ui, &e);
	records_say(ui, &d, d.skipped ? "opportunity #%lld was in %s already" : "opportunity #%lld moved to %s",
		 (long long)id, open_stages[pick]);
	work_done_clear(&d, 1);
	return !d.skipped;
}

static bool
opp_amount_ask(struct ui *ui, int64_t id)
{
	struct err e = { ST_OK, "" };
	char *text = ask(ui, "ARR: ", ""), m[MONEY_STRLEN];
	struct work_done d;
	const char *why;
	int64_t cents;
	bool ok;

	if (!text)
		return false;
	ok = money_parse(text, &cents, &why);
	free(text);
	if (!ok) {
		ui_message(ui, TH_ERROR, "amount: %s", why);
		return false;
	}
	if (opportunity_amount(ui->store, id, cents, &d, &e))
		return failed(ui, &e);
	records_say(ui, &d, "opportunity #%lld ARR set to %s", (long long)id,
		 money_format_grouped(cents, cents % 100 == 0, m));
	work_done_clear(&d, 1);
	return true;
}

static bool
opp_close_ask(struct ui *ui, int64_t id, bool won)
{
	struct err e = { ST_OK, "" };
	char *reason = ask(ui, won ? "won: why (optional): " : "lost: why (optional): ", "");
	struct work_done d;
	bool ok;

	if (!reason)
		return false;
	ok = !opportunity_close(ui->store, id, won, *reason ? reason : NULL, &d, &e);
	free(reason);
	if (!ok)
		return failed(ui, &e);
	records_say(ui, &d, won ? "opportunity #%lld won" : "opportunity #%lld lost", (long long)id);
	work_done_clear(&d, 1);
	return true;
}

static bool
opp_open(struct ui *ui, int64_t id, int64_t account_id)
{
	static const struct detail_action actions[] = {
		{ 's', "move it to another stage" }, { 'a', "change its ARR" },
		{ 'w', "close it as won" }, { 'l', "close it as lost" },
	};
	struct opportunity_filter of = { .account_id = account_id, .stage = "all" };
	struct opp_find f = { .id = id };
	struct err e = { ST_OK, "" };
	char title[48];
	int pick;

	buf_init(&f.body);
	if (store_opportunities_each(ui->store, &of, opp_found, &f, &e) || !f.found) {
		buf_done(&f.body);
		if (!e.msg[0])
			snprintf(e.msg, sizeof(e.msg), "opportunity #%lld is not on this account", (long long)id);
		return failed(ui, &e);
	}
	snprintf(title, sizeof(title), "Opportunity #%lld", (long long)id);
	pick = ui_detail(ui, title, f.body.data, actions, 4);
	buf_done(&f.body);
	switch (pick) {
	case 0: return opp_stage_pick(ui, id);
	case 1: return opp_amount_ask(ui, id);
	case 2: return opp_close_ask(ui, id, true);
	case 3: return opp_close_ask(ui, id, false);
	}
	return false;
}

/* -- touchpoints ---------------------------------------------------------------------------- */

static bool
touch_delete(struct ui *ui, int64_t id)
{
	struct err e = { ST_OK, "" };
	char *yes = ask(ui, "delete this touchpoint? (y/n) ", "");
	struct work_done d;
	bool sure = yes && (*yes == 'y' || *yes == 'Y');

	free(yes);
	if (!sure)
		return false;
	if (touchpoint_delete(ui->store, ui->opts->login, id, &d, &e))
		return failed(ui, &e);
	records_say(ui, &d, "touchpoint #%lld deleted", (long long)id);
	work_done_clear(&d, 1);
	return true;
}

static void
touch_body(const struct av_touchpoint *t, struct buf *b)
{
	buf_addf(b, "%s\n\n%s%s on %s by %s, %s", t->summary ? t->summary : "-",
		   t->planned ? "planned " : "", t->kind, t->date, t->author ? t->author : "-",
		   t->proactive ? "proactive" : "reactive (they called us)");
	if (t->duration)
		buf_addf(b, ", %d minutes", t->duration);
	if (t->sentiment)
		buf_addf(b, ", sentiment %d of 5", t->sentiment);
	if (t->follow_ups)
		buf_addf(b, "\n\nFollow-ups: %s", t->follow_ups);
}

static bool
touch_open(struct ui *ui, int64_t id, int64_t account_id)
{
	static const struct detail_action actions[] = {
		{ 'e', "edit it" }, { 'x', "delete it" },
	};
	struct err e = { ST_OK, "" };
	struct account_view *v;
	struct buf body;
	int pick = -1;

	if (store_account_view(ui->store, account_id, &v, &e))
		return failed(ui, &e);
	buf_init(&body);
	for (int i = 0; i < v->ntouchpoints; i++)
		if (v->touchpoints[i].id == id)
			touch_body(&v->touchpoints[i], &body);
	account_view_free(v);
	if (body.len)
		pick = ui_detail(ui, "Touchpoint", body.data, actions, 2);
	buf_done(&body);
	if (pick == 0)
		return record_form_touchpoint(ui, id, account_id);
	return pick == 1 && touch_delete(ui, id);
}

/* -- the entry points ---------------------------------------------------------------------- */

bool
records_edit(struct ui *ui, const struct record_ref *r)
{
	switch (r->kind) {
	case REC_ACCOUNT: return record_form_account(ui, r->id);
	case REC_CONTACT: return record_form_contact(ui, r->id, r->account_id);
	case REC_TASK: return record_form_task(ui, r->id);
	case REC_TASK_ITEM: return record_form_task(ui, r->task_id);
	case REC_RISK: return risk_act(ui, r->id, false);
	case REC_OPPORTUNITY: return opp_open(ui, r->id, r->account_id);
	case REC_TOUCHPOINT: return record_form_touchpoint(ui, r->id, r->account_id);
	case REC_NONE: break;
	}
	ui_message(ui, TH_DIM, "nothing to edit on this line: move to an account, task, risk, "
		   "touchpoint, opportunity or contact");
	return false;
}

bool
records_open(struct ui *ui, const struct record_ref *r)
{
	switch (r->kind) {
	case REC_TASK: return task_open(ui, r->id);
	case REC_TASK_ITEM: return task_open(ui, r->task_id);
	case REC_RISK: return risk_open_detail(ui, r->id, r->account_id);
	case REC_OPPORTUNITY: return opp_open(ui, r->id, r->account_id);
	case REC_TOUCHPOINT: return touch_open(ui, r->id, r->account_id);
	case REC_ACCOUNT:
	case REC_CONTACT: return records_edit(ui, r);
	case REC_NONE: break;
	}
	return false;
}

bool
records_tick(struct ui *ui, const struct record_ref *r)
{
	struct task_items_result res;
	struct err e = { ST_OK, "" };
	char number[16];
	const char *items[1] = { number };
	struct work_done *d = &res.task;

	if (r->kind != REC_TASK_ITEM) {
		ui_message(ui, TH_DIM, "Space ticks a checklist item: move to one under its task");
		return false;
	}
	snprintf(number, sizeof(number), "%d", r->number);
	if (task_items_set(ui->store, r->task_id, items, 1, !r->done, &res, &e))
		return failed(ui, &e);
	records_say(ui, d, "task #%lld checklist %d/%d: %s %d", (long long)r->task_id, res.ndone, res.nitems,
		 r->done ? "unticked" : "ticked", r->number);
	task_items_result_done(&res);
	return true;
}
