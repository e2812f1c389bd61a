/*
 * record_forms.c -- the edit forms of the records the interface shows (see
 * records.h): an account, many marked accounts, a task, a touchpoint and a
 * contact.
 *
 * A form opens on the record's values as the book has them; on Enter only
 * the fields the user changed are handed to the use case (app/), so an
 * untouched field never overwrites a change someone else made meanwhile.
 * A refusal keeps the form open with the use case's message, and nothing
 * typed is lost.  Values from the book are shown made safe (ui_clean), and
 * "changed" compares with what was shown: a name with a control character
 * in it is not rewritten because the form showed it cleaned.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/account_edit.h"
#include "app/contact.h"
#include "app/task_edit.h"
#include "app/touchpoint.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "domain/account_view.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/store.h"
#include "store/work.h"
#include "ui/form.h"
#include "ui/records.h"
#include "ui/ui.h"

#define KEEP "(keep)"

/* names with "(keep)" first, for a field of the bulk form that may stay
 * as each account has it. */
static const char **
with_keep(const char *const *names, const char **out, size_t room)
{
	size_t n = 0;

	out[n++] = KEEP;
	for (size_t i = 0; names[i] && n + 1 < room; i++)
		out[n++] = names[i];
	out[n] = NULL;
	return out;
}

/* The values a form opens with, made safe for the terminal. */
struct inits {
	char *v[FORM_MAX_FIELDS];
};

static const char *
init(struct ui *ui, struct inits *in, int i, const char *value)
{
	in->v[i] = ui_clean(ui, value ? value : "");
	return in->v[i];
}

static void
inits_done(struct inits *in)
{
	for (int i = 0; i < FORM_MAX_FIELDS; i++)
		free(in->v[i]);
}

/* Field i's value when it differs from what the form opened with. */
static const char *
changed(char *const *v, const struct inits *in, int i)
{
	return strcmp(v[i], in->v[i] ? in->v[i] : "") ? v[i] : NULL;
}

static void
report(struct ui *ui, const struct edit_report *r)
{
	struct buf line;

	buf_init(&line);
	ui_message(ui, r->changes ? TH_OK : TH_DIM, "%s", edit_report_line(r, &line));
	buf_done(&line);
}

/* Tags typed as "+vip -old" (or with commas) into in->tags. */
static const char *
parse_tags(char *text, struct account_edit_input *in, char *msg, size_t size)
{
	for (char *save = NULL, *t = strtok_r(text, " ,", &save); t; t = strtok_r(NULL, " ,", &save)) {
		if (*t != '+' && *t != '-') {
			snprintf(msg, size, "tags: '%s' needs a sign: +tag adds it, -tag removes it", t);
			return msg;
		}
		if (in->ntags == ACCOUNT_EDIT_MAX_TAGS)
			return "tags: too many at once";
		in->tags[in->ntags++] = t;
	}
	return NULL;
}

/* -- one account ---------------------------------------------------------------------- */

enum { AF_OWNER, AF_AM, AF_RM, AF_SEGMENT, AF_TOUCH, AF_PACKAGE, AF_STAGE, AF_PARTNER, AF_SEATS,
       AF_TAGS, AF_NOTES, AF_COUNT };

struct account_form {
	struct ui *ui;
	int64_t id;
	struct inits in;
	const int64_t *ids;        /* the bulk form's accounts */
	size_t n;
};

/* The input from the fields that changed; NULL or a message. */
static const char *
account_input(struct account_form *f, char *const *v, struct account_edit_input *in, char *msg,
	      size_t size)
{
	const struct inits *i = &f->in;

	in->owner = changed(v, i, AF_OWNER);
	in->am = changed(v, i, AF_AM);
	in->rm = changed(v, i, AF_RM);
	in->segment = changed(v, i, AF_SEGMENT);
	in->touch_model = changed(v, i, AF_TOUCH);
	in->package = changed(v, i, AF_PACKAGE);
	in->stage = changed(v, i, AF_STAGE);
	in->partner = changed(v, i, AF_PARTNER);
	in->notes = changed(v, i, AF_NOTES);
	if (changed(v, i, AF_SEATS)) {
		char *end;

		in->seats = strtoll(v[AF_SEATS], &end, 10);
		if (!*v[AF_SEATS] || *end || in->seats < 1)
			return "seats: a number of licensed seats, 1 or more";
		in->has_seats = true;
	}
	return parse_tags(v[AF_TAGS], in, msg, size);
}

static const char *
submit_account(void *ctx, char *const *v, char *msg, size_t size)
{
	struct account_form *f = ctx;
	struct account_edit_input in = { .account_id = f->id };
	struct edit_report rep;
	struct err e = { ST_OK, "" };
	char *tags = xstrdup(v[AF_TAGS]);
	const char *why;

	why = account_input(f, (char *const[]){ v[AF_OWNER], v[AF_AM], v[AF_RM], v[AF_SEGMENT],
		v[AF_TOUCH], v[AF_PACKAGE], v[AF_STAGE], v[AF_PARTNER], v[AF_SEATS], tags,
		v[AF_NOTES] }, &in, msg, size);
	if (why) {
		free(tags);
		return why;
	}
	edit_report_init(&rep);
	if (account_edit(f->ui->store, f->ui->opts->login, &in, &rep, &e)) {
		snprintf(msg, size, "%s", e.msg);
		why = msg;
	} else {
		report(f->ui, &rep);
	}
	edit_report_done(&rep);
	free(tags);
	return why;
}

bool
record_form_account(struct ui *ui, int64_t account_id)
{
	struct err e = { ST_OK, "" };
	struct account_view *v;
	struct account_form f = { .ui = ui, .id = account_id };
	struct inits *i = &f.in;
	char title[96], seats[24] = "", *name, *tags;
	bool wrote;

	if (store_account_view(ui->store, account_id, &v, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return false;
	}
	if (v->licensed_seats >= 0)
		snprintf(seats, sizeof(seats), "%lld", (long long)v->licensed_seats);
	tags = ui_clean(ui, v->tags ? v->tags : "+tag adds, -tag removes");
	{
		struct form_field fields[AF_COUNT] = {
			[AF_OWNER] = { "owner", init(ui, i, AF_OWNER, v->owner ? v->owner : "pooled"), 20,
				       NULL, "login or pooled" },
			[AF_AM] = { "AM", init(ui, i, AF_AM, v->am), 20, NULL, "login, empty: none" },
			[AF_RM] = { "RM", init(ui, i, AF_RM, v->rm), 20, NULL, "login, empty: none" },
			[AF_SEGMENT] = { "segment", init(ui, i, AF_SEGMENT, v->segment), 12, segment_names,
					 "Left/Right" },
			[AF_TOUCH] = { "touch", init(ui, i, AF_TOUCH, v->touch_model), 12, touch_model_names,
				       "Left/Right" },
			[AF_PACKAGE] = { "package", init(ui, i, AF_PACKAGE, v->service_package), 12,
					 package_names, "Left/Right" },
			[AF_STAGE] = { "stage", init(ui, i, AF_STAGE, v->stage), 12, stage_names,
				       "Left/Right; dated today" },
			[AF_PARTNER] = { "partner", init(ui, i, AF_PARTNER, v->partner), 24, NULL, NULL },
			[AF_SEATS] = { "seats", init(ui, i, AF_SEATS, seats), 8, NULL, "licensed" },
			[AF_TAGS] = { "tags", "", 24, NULL, tags },
			[AF_NOTES] = { "notes", init(ui, i, AF_NOTES, v->notes), 44, NULL, NULL },
		};

		name = ui_clean(ui, v->name);
		snprintf(title, sizeof(title), "Edit %s", name);
		free(name);
		wrote = ui_form_on(ui, &entity_account, account_id, title, fields, AF_COUNT, submit_account, &f);
	}
	free(tags);
	inits_done(i);
	account_view_free(v);
	return wrote;
}

/* -- many accounts ---------------------------------------------------------------------- */

enum { BF_OWNER, BF_AM, BF_RM, BF_SEGMENT, BF_TOUCH, BF_PACKAGE, BF_STAGE, BF_TAGS, BF_COUNT };

static const char *
keep(const char *value)
{
	return strcmp(value, KEEP) ? value : NULL;
}

static const char *
submit_accounts(void *ctx, char *const *v, char *msg, size_t size)
{
	struct account_form *f = ctx;
	struct account_edit_input in = { 0 };
	struct account_bulk out = { 0, 0 };
	struct err e = { ST_OK, "" };
	char *tags = xstrdup(v[BF_TAGS]);
	const char *why;

	/* An empty login field leaves each account's as it is: clearing an AM
	 * on a hundred accounts is `tend account set --where ... --am ''`. */
	in.owner = *v[BF_OWNER] ? v[BF_OWNER] : NULL;
	in.am = *v[BF_AM] ? v[BF_AM] : NULL;
	in.rm = *v[BF_RM] ? v[BF_RM] : NULL;
	in.segment = keep(v[BF_SEGMENT]);
	in.touch_model = keep(v[BF_TOUCH]);
	in.package = keep(v[BF_PACKAGE]);
	in.stage = keep(v[BF_STAGE]);
	if ((why = parse_tags(tags, &in, msg, size)))
		goto out;
	if (!in.owner && !in.am && !in.rm && !in.segment && !in.touch_model && !in.package &&
	    !in.stage && !in.ntags) {
		why = "nothing to change: every field keeps what each account has";
		goto out;
	}
	if (account_edit_many(f->ui->store, f->ui->opts->login, f->ids, f->n, &in, &out, NULL, NULL,
			      &e)) {
		snprintf(msg, size, "%s", e.msg);
		why = msg;
		goto out;
	}
	ui_message(f->ui, out.changed ? TH_OK : TH_DIM, "%zu marked account%s changed, %zu already so",
		   out.changed, out.changed == 1 ? "" : "s", out.unchanged);
out:
	free(tags);
	return why;
}

bool
records_edit_accounts(struct ui *ui, const int64_t *ids, size_t n)
{
	const char *seg[16], *touch[16], *pkg[16], *stage[16];
	struct account_form f = { .ui = ui, .ids = ids, .n = n };
	struct form_field fields[BF_COUNT] = {
		[BF_OWNER] = { "owner", "", 20, NULL, "login or pooled; empty: keep" },
		[BF_AM] = { "AM", "", 20, NULL, "login; empty: keep" },
		[BF_RM] = { "RM", "", 20, NULL, "login; empty: keep" },
		[BF_SEGMENT] = { "segment", KEEP, 12, with_keep(segment_names, seg, 16), "Left/Right" },
		[BF_TOUCH] = { "touch", KEEP, 12, with_keep(touch_model_names, touch, 16), NULL },
		[BF_PACKAGE] = { "package", KEEP, 12, with_keep(package_names, pkg, 16), NULL },
		[BF_STAGE] = { "stage", KEEP, 12, with_keep(stage_names, stage, 16), "dated today" },
		[BF_TAGS] = { "tags", "", 24, NULL, "+tag adds, -tag removes" },
	};
	char title[64];

	snprintf(title, sizeof(title), "Change %zu marked account%s (one change, u takes it back)", n,
		 n == 1 ? "" : "s");
	return ui_form(ui, title, fields, BF_COUNT, submit_accounts, &f);
}

/* -- a task ---------------------------------------------------------------------------- */

enum { TF_TITLE, TF_DUE, TF_PRIORITY, TF_KIND, TF_NOTES, TF_COUNT };

struct task_form {
	struct ui *ui;
	int64_t id;
	struct inits in;
};

static const char *
submit_task(void *ctx, char *const *v, char *msg, size_t size)
{
	struct task_form *f = ctx;
	struct task_edit_input in = { .task_id = f->id };
	struct err e = { ST_OK, "" };
	struct work_done d;

	in.title = changed(v, &f->in, TF_TITLE);
	in.priority = changed(v, &f->in, TF_PRIORITY);
	in.kind = changed(v, &f->in, TF_KIND);
	in.notes = changed(v, &f->in, TF_NOTES);
	if (changed(v, &f->in, TF_DUE)) {
		if (!*v[TF_DUE])
			in.clear_due = true;
		else if (!date_parse_relative(v[TF_DUE], store_clock(f->ui->store)->today, &in.due))
			return "due: YYYY-MM-DD, tomorrow, +7d, +2w, or empty for none";
		else
			in.set_due = true;
	}
	if (!in.title && !in.priority && !in.kind && !in.notes && !in.set_due && !in.clear_due)
		return "nothing changed (Esc closes the form)";
	if (task_edit(f->ui->store, &in, &d, &e)) {
		snprintf(msg, size, "%s", e.msg);
		return msg;
	}
	records_say(f->ui, &d, "task #%lld edited", (long long)d.id);
	work_done_clear(&d, 1);
	return NULL;
}

bool
record_form_task(struct ui *ui, int64_t task_id)
{
	struct err e = { ST_OK, "" };
	struct task_detail *t;
	struct task_form f = { .ui = ui, .id = task_id };
	struct inits *i = &f.in;
	bool wrote;

	if (store_task_detail(ui->store, task_id, &t, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return false;
	}
	{
		struct form_field fields[TF_COUNT] = {
			[TF_TITLE] = { "title", init(ui, i, TF_TITLE, t->title), 46, NULL, NULL },
			[TF_DUE] = { "due", init(ui, i, TF_DUE, t->due_date), 12, NULL,
				     "+7d, YYYY-MM-DD or empty" },
			[TF_PRIORITY] = { "priority", init(ui, i, TF_PRIORITY, t->priority), 10,
					  priority_names, "Left/Right" },
			[TF_KIND] = { "kind", init(ui, i, TF_KIND, t->kind), 10, task_kind_names,
				      "Left/Right" },
			[TF_NOTES] = { "notes", init(ui, i, TF_NOTES, t->notes), 46, NULL, NULL },
		};
		char title[48];

		snprintf(title, sizeof(title), "Edit task #%lld", (long long)task_id);
		wrote = ui_form_on(ui, &entity_task, task_id, title, fields, TF_COUNT, submit_task, &f);
	}
	inits_done(i);
	task_detail_free(t);
	return wrote;
}

/* -- a touchpoint ------------------------------------------------------------------------ */

enum { PF_KIND, PF_DATE, PF_SUMMARY, PF_SENTIMENT, PF_COUNT };

static const char *const sentiments[] = { "-", "1", "2", "3", "4", "5", NULL };

struct touch_form {
	struct ui *ui;
	const struct av_touchpoint *t;
	struct inits in;
};

static const char *
submit_touch(void *ctx, char *const *v, char *msg, size_t size)
{
	struct touch_form *f = ctx;
	struct touch_edit_input in = { .id = f->t->id, .duration = -1, .sentiment = -1 };
	int32_t today = store_clock(f->ui->store)->today;
	struct err e = { ST_OK, "" };
	struct work_done d;

	in.today = today;
	in.kind = changed(v, &f->in, PF_KIND);
	in.summary = changed(v, &f->in, PF_SUMMARY);
	if (changed(v, &f->in, PF_DATE)) {
		if (!date_parse_relative(v[PF_DATE], today, &in.date))
			return "date: YYYY-MM-DD, yesterday or -3d";
		in.set_date = true;
		/* A date still to come is a planned touchpoint: the form says
		 * so by its date, as --planned does on the command line. */
		in.planned = in.date > today;
	}
	if (changed(v, &f->in, PF_SENTIMENT) && strcmp(v[PF_SENTIMENT], "-"))
		in.sentiment = atoi(v[PF_SENTIMENT]);
	if (!in.kind && !in.summary && !in.set_date && in.sentiment == -1)
		return "nothing changed (Esc closes the form)";
	if (touchpoint_edit(f->ui->store, f->ui->opts->login, &in, &d, &e)) {
		snprintf(msg, size, "%s", e.msg);
		return msg;
	}
	records_say(f->ui, &d, "touchpoint #%lld edited", (long long)d.id);
	work_done_clear(&d, 1);
	return NULL;
}

bool
record_form_touchpoint(struct ui *ui, int64_t touchpoint_id, int64_t account_id)
{
	struct err e = { ST_OK, "" };
	struct account_view *v;
	struct touch_form f = { .ui = ui };
	bool wrote = false;

	if (store_account_view(ui->store, account_id, &v, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return false;
	}
	for (int i = 0; i < v->ntouchpoints; i++)
		if (v->touchpoints[i].id == touchpoint_id)
			f.t = &v->touchpoints[i];
	if (f.t) {
		struct inits *i = &f.in;
		char sentiment[12] = "-";

		if (f.t->sentiment > 0)
			snprintf(sentiment, sizeof(sentiment), "%d", f.t->sentiment);
		struct form_field fields[PF_COUNT] = {
			[PF_KIND] = { "kind", init(ui, i, PF_KIND, f.t->kind), 16, touch_kind_names,
				      "Left/Right" },
			[PF_DATE] = { "date", init(ui, i, PF_DATE, f.t->date), 12, NULL,
				      "after today: planned" },
			[PF_SUMMARY] = { "summary", init(ui, i, PF_SUMMARY, f.t->summary), 46, NULL, NULL },
			[PF_SENTIMENT] = { "sentiment", init(ui, i, PF_SENTIMENT, sentiment), 4, sentiments,
					   "1 unhappy .. 5 delighted" },
		};

		wrote = ui_form_on(ui, &entity_touchpoint, touchpoint_id, "Edit touchpoint", fields, PF_COUNT,
				    submit_touch, &f);
		inits_done(i);
	} else {
		ui_message(ui, TH_ERROR, "touchpoint #%lld is not on this account's timeline",
			   (long long)touchpoint_id);
	}
	account_view_free(v);
	return wrote;
}

/* -- a contact ------------------------------------------------------------------------------ */

enum { CF_TITLE, CF_EMAIL, CF_EXEC, CF_ROLES, CF_COUNT };

static const char *const yes_no[] = { "no", "yes", NULL };

struct contact_form {
	struct ui *ui;
	const struct av_contact *k;
	struct inits in;
};

static const char *
submit_contact(void *ctx, char *const *v, char *msg, size_t size)
{
	struct contact_form *f = ctx;
	struct contact_input in = { .executive = -1 };
	struct edit_report rep;
	struct err e = { ST_OK, "" };
	char *roles = xstrdup(v[CF_ROLES]);
	const char *why = NULL;

	in.title = changed(v, &f->in, CF_TITLE);
	in.email = changed(v, &f->in, CF_EMAIL);
	if (changed(v, &f->in, CF_EXEC))
		in.executive = !strcmp(v[CF_EXEC], "yes");
	for (char *save = NULL, *t = strtok_r(roles, " ,", &save); t; t = strtok_r(NULL, " ,", &save)) {
		if (in.nroles == CONTACT_MAX_ROLES) {
			why = "roles: too many at once";
			goto out;
		}
		in.roles[in.nroles++] = t;
	}
	edit_report_init(&rep);
	if (contact_edit(f->ui->store, f->k->id, &in, &rep, &e)) {
		snprintf(msg, size, "%s", e.msg);
		why = msg;
	} else {
		report(f->ui, &rep);
	}
	edit_report_done(&rep);
out:
	free(roles);
	return why;
}

bool
record_form_contact(struct ui *ui, int64_t contact_id, int64_t account_id)
{
	struct err e = { ST_OK, "" };
	struct account_view *v;
	struct contact_form f = { .ui = ui };
	bool wrote = false;

	if (store_account_view(ui->store, account_id, &v, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return false;
	}
	for (int i = 0; i < v->ncontacts; i++)
		if (v->contacts[i].id == contact_id)
			f.k = &v->contacts[i];
	if (f.k) {
		struct inits *i = &f.in;
		char *roles = ui_clean(ui, f.k->roles ? f.k->roles : "+role adds, -role removes");
		struct form_field fields[CF_COUNT] = {
			[CF_TITLE] = { "title", init(ui, i, CF_TITLE, f.k->title), 30, NULL, NULL },
			[CF_EMAIL] = { "email", init(ui, i, CF_EMAIL, f.k->email), 30, NULL, NULL },
			[CF_EXEC] = { "executive", init(ui, i, CF_EXEC, f.k->is_executive ? "yes" : "no"), 4,
				      yes_no, NULL },
			[CF_ROLES] = { "roles", "", 30, NULL, roles },
		};
		char title[96], *name = ui_clean(ui, f.k->name);

		snprintf(title, sizeof(title), "Edit %s", name);
		free(name);
		wrote = ui_form_on(ui, &entity_contact, contact_id, title, fields, CF_COUNT, submit_contact, &f);
		free(roles);
		inits_done(i);
	} else {
		ui_message(ui, TH_ERROR, "contact #%lld is not on this account", (long long)contact_id);
	}
	account_view_free(v);
	return wrote;
}
