/*
 * pane_plan_forms.c -- the success-plan pane's forms and actions: a new
 * plan from a template, objectives, milestones and KPIs added, edited,
 * moved and deleted, KPI readings, the status flow with the signature,
 * and sections written in $VISUAL/$EDITOR.
 *
 * Every change is one use case of app/plan.h or app/plan_items.h, the
 * same the CLI calls, so the checks and their messages are the same; a
 * form that a use case refuses stays open with the message, so nothing
 * typed is lost.  A section goes to the editor the way `git commit` does
 * it (core/editor.h): curses saves its modes and leaves the screen
 * (def_prog_mode, endwin), the editor has the terminal, and a refresh
 * takes it back before the text is checked and saved in one transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/plan.h"
#include "app/plan_items.h"
#include "app/plan_template.h"
#include "core/buf.h"
#include "core/editor.h"
#include "domain/model.h"
#include "domain/plan.h"
#include "store/entity.h"
#include "store/records.h"
#include "store/store.h"
#include "ui/form.h"
#include "ui/plan_pane.h"
#include "ui/ui.h"

struct form_ctx {
	struct pane *p;
	int64_t id;                  /* the item edited, or the parent of the one added */
	const char *done;            /* the confirmation's verb */
};

static struct plan *
plan_of(struct pane *p)
{
	return ((struct plan_pane *)p->priv)->plan;
}

/* What a use case refused, for the form to show; NULL when it went. */
static const char *
result(struct form_ctx *c, enum status st, const struct err *e, const char *what,
       const struct work_done *d, char *msg, size_t size)
{
	if (st) {
		snprintf(msg, size, "%s", e->msg);
		return msg;
	}
	ui_message(c->p->ui, TH_OK, "%s #%lld %s", what, (long long)d->id,
		   d->skipped ? "unchanged" : c->done);
	work_done_clear((struct work_done *)d, 1);
	return NULL;
}

static const struct plan_objective *
find_objective(const struct plan *pl, int64_t id, int *index)
{
	for (int i = 0; pl && i < pl->nobjectives; i++)
		if (pl->objectives[i].id == id) {
			if (index)
				*index = i;
			return &pl->objectives[i];
		}
	return NULL;
}

/* -- a new plan ---------------------------------------------------------------------- */

static void
first_problem(void *ctx, const struct diag *d)
{
	if (d->n)
		snprintf(ctx, 256, "%s", d->items[0].text);
}

static const char *
submit_new(void *ctx, char *const *v, char *msg, size_t size)
{
	struct form_ctx *c = ctx;
	struct plan_pane *pp = c->p->priv;
	struct plan_new_input in = { .account_id = pp->account_id, .start = v[1] };
	struct plan_template *tpl = NULL;
	char problem[256] = "";
	struct err e = { ST_OK, "" };
	struct work_done d;
	enum status st;

	if (strcmp(v[0], "none")) {
		if (plan_template_load(NULL, *v[0] ? v[0] : NULL, first_problem, problem, &tpl, &e)) {
			snprintf(msg, size, "%s", problem[0] ? problem : e.msg);
			return msg;
		}
		in.template_name = tpl->name;
		in.sections = (const char *const *)tpl->sections;
	}
	st = plan_new(c->p->ui->store, &in, &d, &e);
	plan_template_free(tpl);
	return result(c, st, &e, "plan", &d, msg, size);
}

int
plan_form_new(struct pane *p)
{
	struct form_field fields[] = {
		{ "template", "default", 24, NULL, "or none, or a file" },
		{ "start", "today", 12, NULL, "YYYY-MM-DD" },
	};
	struct form_ctx c = { p, 0, "started" };

	if (plan_of(p) && strcmp(plan_of(p)->status, "done")) {
		ui_message(p->ui, TH_WARNING, "this account has a plan already (done ones "
			   "excepted): finish it first");
		return ACT_DONE;
	}
	return ui_form(p->ui, "Start a success plan", fields, 2, submit_new, &c) ? ACT_WROTE | ACT_RELOAD
										 : ACT_DRAW;
}

/* -- objectives -------------------------------------------------------------------- */

enum { OB_TITLE, OB_TYPE, OB_PRIORITY, OB_BENEFICIARY, OB_VALIDATED, OB_FIELDS };

static const char *
submit_objective(void *ctx, char *const *v, char *msg, size_t size)
{
	struct form_ctx *c = ctx;
	struct objective_input in = { .title = v[OB_TITLE], .type = v[OB_TYPE],
		.priority = v[OB_PRIORITY], .beneficiary = v[OB_BENEFICIARY],
		.validated = v[OB_VALIDATED] };
	struct store *s = c->p->ui->store;
	struct err e = { ST_OK, "" };
	struct work_done d;
	enum status st;

	if (c->id)
		st = objective_edit(s, c->id, &in, &d, &e);
	else {
		/* Empty optional fields on add are not "clear": just unset. */
		if (!*in.beneficiary)
			in.beneficiary = NULL;
		if (!*in.validated)
			in.validated = NULL;
		st = objective_add(s, plan_of(c->p)->id, &in, &d, &e);
	}
	return result(c, st, &e, "objective", &d, msg, size);
}

static int
objective_form(struct pane *p, const struct plan_objective *o)
{
	struct form_field fields[OB_FIELDS] = {
		[OB_TITLE] = { "title", o ? o->title : "", 46, NULL, NULL },
		[OB_TYPE] = { "type", o ? o->type : "quantitative", 14, objective_type_names,
			      "Left/Right" },
		[OB_PRIORITY] = { "priority", o ? o->priority : "medium", 8,
				  objective_priority_names, "Left/Right" },
		[OB_BENEFICIARY] = { "beneficiary", o ? o->beneficiary_email : "", 30, NULL,
				     "a contact's email" },
		[OB_VALIDATED] = { "validated", o ? o->last_validated : "", 12, NULL,
				   "last validated, YYYY-MM-DD" },
	};
	struct form_ctx c = { p, o ? o->id : 0, o ? "changed" : "added" };

	if (o)   /* an edit saves only what nobody changed meanwhile */
		return ui_form_on(p->ui, &entity_objective, o->id, "Edit the objective", fields, OB_FIELDS,
				  submit_objective, &c) ? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
	return ui_form(p->ui, "Add an objective", fields, OB_FIELDS, submit_objective, &c)
		? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
}

int
plan_form_objective(struct pane *p)
{
	return objective_form(p, NULL);
}

/* -- milestones -------------------------------------------------------------------- */

enum { MS_TITLE, MS_OWNER, MS_DUE, MS_STATUS, MS_FIELDS };

struct milestone_ctx {
	struct form_ctx c;
	bool add;
};

static const char *
submit_milestone(void *ctx, char *const *v, char *msg, size_t size)
{
	struct milestone_ctx *m = ctx;
	struct milestone_input in = { .title = v[MS_TITLE], .owner = v[MS_OWNER], .due = v[MS_DUE],
		.status = v[MS_STATUS] };
	struct store *s = m->c.p->ui->store;
	struct err e = { ST_OK, "" };
	struct work_done d;
	enum status st;

	if (m->add)
		st = milestone_add(s, m->c.id, &in, &d, &e);
	else
		st = milestone_edit(s, m->c.id, &in, &d, &e);
	return result(&m->c, st, &e, "milestone", &d, msg, size);
}

static int
milestone_form(struct pane *p, int64_t id, const struct plan_milestone *ms)
{
	struct form_field fields[MS_FIELDS] = {
		[MS_TITLE] = { "title", ms ? ms->title : "", 46, NULL, NULL },
		[MS_OWNER] = { "owner", ms ? ms->owner : p->ui->opts->login, 30, NULL,
			       "a login or a contact's email" },
		[MS_DUE] = { "due", ms ? ms->due_date : "+2w", 12, NULL, "+2w, YYYY-MM-DD or empty" },
		[MS_STATUS] = { "status", ms ? ms->status : "not_started", 12, milestone_status_names,
				"Left/Right" },
	};
	struct milestone_ctx m = { { p, id, ms ? "changed" : "added" }, !ms };

	if (ms)
		return ui_form_on(p->ui, &entity_milestone, ms->id, "Edit the milestone", fields, MS_FIELDS,
				  submit_milestone, &m) ? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
	return ui_form(p->ui, "Add a milestone", fields, MS_FIELDS, submit_milestone, &m)
		? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
}

/* The objective the selected line belongs to, or a warning. */
static int64_t
selected_objective(struct pane *p, const char *what)
{
	const struct pl_line *l = plan_pane_selected(p);

	if (!l || !l->objective) {
		ui_message(p->ui, TH_WARNING, "select an objective (or one of its lines) to add %s",
			   what);
		return 0;
	}
	return l->objective;
}

int
plan_form_milestone(struct pane *p)
{
	int64_t o = selected_objective(p, "a milestone");

	return o ? milestone_form(p, o, NULL) : ACT_DONE;
}

/* -- KPIs -------------------------------------------------------------------------- */

enum { KP_NAME, KP_BASELINE, KP_TARGET, KP_UNIT, KP_BY, KP_CURRENT, KP_FIELDS };

struct kpi_ctx {
	struct form_ctx c;
	bool add;
};

static const char *
submit_kpi(void *ctx, char *const *v, char *msg, size_t size)
{
	struct kpi_ctx *k = ctx;
	struct kpi_input in = { .name = v[KP_NAME], .baseline = v[KP_BASELINE],
		.target = v[KP_TARGET], .unit = v[KP_UNIT], .target_date = v[KP_BY],
		.current = v[KP_CURRENT] };
	struct store *s = k->c.p->ui->store;
	struct err e = { ST_OK, "" };
	struct work_done d;
	enum status st;

	if (k->add) {
		if (!*in.current)
			in.current = NULL;
		st = kpi_add(s, k->c.id, &in, &d, &e);
	} else {
		st = kpi_edit(s, k->c.id, &in, &d, &e);
	}
	return result(&k->c, st, &e, "KPI", &d, msg, size);
}

static void
num_text(char *out, size_t size, bool has, double v)
{
	struct buf b;

	buf_init(&b);
	if (has)
		plan_number(&b, v);
	snprintf(out, size, "%s", b.data);
	buf_done(&b);
}

static int
kpi_form(struct pane *p, int64_t id, const struct plan_kpi *k)
{
	char base[32] = "", target[32] = "", cur[32] = "";
	struct form_field fields[KP_FIELDS] = {
		[KP_NAME] = { "name", k ? k->name : "", 40, NULL, NULL },
		[KP_BASELINE] = { "baseline", base, 12, NULL, "the value at the start" },
		[KP_TARGET] = { "target", target, 12, NULL, "never the baseline" },
		[KP_UNIT] = { "unit", k ? k->unit : "", 12, NULL, "days, %, users..." },
		[KP_BY] = { "by", k ? k->target_date : "", 12, NULL, "target date" },
		[KP_CURRENT] = { "current", cur, 12, NULL, "w records a dated reading" },
	};
	struct kpi_ctx c = { { p, id, k ? "changed" : "added" }, !k };

	if (k) {
		num_text(base, sizeof(base), k->has_baseline, k->baseline);
		num_text(target, sizeof(target), k->has_target, k->target);
		num_text(cur, sizeof(cur), k->has_current, k->current);
	}
	if (k)
		return ui_form_on(p->ui, &entity_kpi, k->id, "Edit the KPI", fields, KP_FIELDS, submit_kpi, &c)
			? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
	return ui_form(p->ui, "Add a KPI", fields, KP_FIELDS, submit_kpi, &c) ? ACT_WROTE | ACT_RELOAD
									     : ACT_DRAW;
}

int
plan_form_kpi(struct pane *p)
{
	int64_t o = selected_objective(p, "a KPI");

	return o ? kpi_form(p, o, NULL) : ACT_DONE;
}

static const struct plan_kpi *
selected_kpi(struct pane *p, int *index)
{
	const struct pl_line *l = plan_pane_selected(p);
	const struct plan_objective *o = l ? find_objective(plan_of(p), l->objective, NULL) : NULL;

	for (int i = 0; o && l->kind == PL_KPI && i < o->nkpis; i++)
		if (o->kpis[i].id == l->id) {
			if (index)
				*index = i;
			return &o->kpis[i];
		}
	return NULL;
}

static const struct plan_milestone *
selected_milestone(struct pane *p, int *index)
{
	const struct pl_line *l = plan_pane_selected(p);
	const struct plan_objective *o = l ? find_objective(plan_of(p), l->objective, NULL) : NULL;

	for (int i = 0; o && l->kind == PL_MILESTONE && i < o->nmilestones; i++)
		if (o->milestones[i].id == l->id) {
			if (index)
				*index = i;
			return &o->milestones[i];
		}
	return NULL;
}

static const char *
submit_reading(void *ctx, char *const *v, char *msg, size_t size)
{
	struct form_ctx *c = ctx;
	struct err e = { ST_OK, "" };
	struct work_done d;
	enum status st;

	st = kpi_record(c->p->ui->store, c->id, v[0], v[1], c->p->ui->opts->login, &d, &e);
	return result(c, st, &e, "KPI", &d, msg, size);
}

int
plan_form_reading(struct pane *p)
{
	const struct plan_kpi *k = selected_kpi(p, NULL);
	struct form_field fields[] = {
		{ "value", "", 12, NULL, k ? k->unit : NULL },
		{ "on", "today", 12, NULL, "the day it was read" },
	};
	struct form_ctx c = { p, k ? k->id : 0, "reading recorded" };

	if (!k) {
		ui_message(p->ui, TH_WARNING, "select a KPI to record a reading of it");
		return ACT_DONE;
	}
	return ui_form(p->ui, "Record a reading", fields, 2, submit_reading, &c) ? ACT_WROTE | ACT_RELOAD
										     : ACT_DRAW;
}

/* -- sections, in the editor -------------------------------------------------------- */

static int
edit_section(struct pane *p, int section)
{
	struct plan *pl = plan_of(p);
	struct err e = { ST_OK, "" };
	struct work_done d;
	char *text = NULL;
	enum status st;

	if (store_read_only(p->ui->store)) {
		ui_message(p->ui, TH_ERROR, "the book is open read-only: nothing was changed");
		return ACT_DONE;
	}
	/* The terminal goes to the editor and comes back as it was: curses
	 * keeps its modes, leaves the screen, and repaints all of it after. */
	def_prog_mode();
	endwin();
	st = editor_edit(pl->section[section], plan_section_names[section], &text, &e);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (!st)
		st = plan_section_set(p->ui->store, pl->id, section, text, &d, &e);
	free(text);
	if (st) {
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
		return ACT_DRAW;
	}
	ui_message(p->ui, TH_OK, d.skipped ? "%s unchanged: nothing was saved" : "%s saved",
		   plan_section_titles[section]);
	work_done_clear(&d, 1);
	return ACT_WROTE | ACT_RELOAD;
}

int
plan_form_edit(struct pane *p)
{
	const struct pl_line *l = plan_pane_selected(p);
	const struct plan_milestone *m;
	const struct plan_kpi *k;

	if (!l || l->kind == PL_TEXT) {
		ui_message(p->ui, TH_WARNING, "select a section, an objective, a milestone or a KPI");
		return ACT_DONE;
	}
	if (l->kind == PL_SECTION)
		return edit_section(p, (int)l->id);
	if (l->kind == PL_OBJECTIVE)
		return objective_form(p, find_objective(plan_of(p), l->id, NULL));
	if ((m = selected_milestone(p, NULL)))
		return milestone_form(p, m->id, m);
	if ((k = selected_kpi(p, NULL)))
		return kpi_form(p, k->id, k);
	return ACT_DONE;
}

/* -- delete and move --------------------------------------------------------------- */

static const struct entity *
line_entity(const struct pl_line *l)
{
	return !l ? NULL : l->kind == PL_OBJECTIVE ? &entity_objective :
	       l->kind == PL_MILESTONE ? &entity_milestone : l->kind == PL_KPI ? &entity_kpi : NULL;
}

static int
done_or_error(struct pane *p, enum status st, const struct err *e, struct work_done *d,
	      const char *what, const char *verb)
{
	if (st) {
		ui_message(p->ui, TH_ERROR, "%s", e->msg);
		return ACT_DONE;
	}
	ui_message(p->ui, TH_OK, "%s #%lld %s", what, (long long)d->id, verb);
	work_done_clear(d, 1);
	return ACT_WROTE | ACT_RELOAD;
}

int
plan_form_delete(struct pane *p)
{
	static const char *const answers[] = { "keep it", "delete it", NULL };
	const struct pl_line *l = plan_pane_selected(p);
	const struct entity *ent = line_entity(l);
	const struct plan_objective *o;
	struct err e = { ST_OK, "" };
	struct work_done d;
	char title[120];
	const char *what;

	if (!ent) {
		ui_message(p->ui, TH_WARNING, "select an objective, a milestone or a KPI to delete");
		return ACT_DONE;
	}
	what = ent == &entity_kpi ? "KPI" : ent->name;
	o = find_objective(plan_of(p), l->objective, NULL);
	if (ent == &entity_objective && o)
		snprintf(title, sizeof(title), "Delete objective #%lld, its %d milestones and %d KPIs?",
			 (long long)l->id, o->nmilestones, o->nkpis);
	else
		snprintf(title, sizeof(title), "Delete %s #%lld?", what, (long long)l->id);
	if (ui_menu(p->ui, title, answers) != 1)
		return ACT_DRAW;
	return done_or_error(p, plan_item_delete(p->ui->store, ent, l->id, &d, &e), &e, &d, what,
			     "deleted");
}

int
plan_form_move(struct pane *p, int by)
{
	const struct pl_line *l = plan_pane_selected(p);
	const struct entity *ent = line_entity(l);
	struct err e = { ST_OK, "" };
	struct work_done d;
	int at = -1, n = 0;

	if (!ent) {
		ui_message(p->ui, TH_WARNING, "select an objective, a milestone or a KPI to move");
		return ACT_DONE;
	}
	if (ent == &entity_objective) {
		find_objective(plan_of(p), l->id, &at);
		n = plan_of(p)->nobjectives;
	} else {
		const struct plan_objective *o = find_objective(plan_of(p), l->objective, NULL);

		if (ent == &entity_milestone)
			selected_milestone(p, &at);
		else
			selected_kpi(p, &at);
		n = o ? (ent == &entity_milestone ? o->nmilestones : o->nkpis) : 0;
	}
	if (at < 0 || at + by < 0 || at + by >= n)
		return ACT_DONE;   /* already first or last */
	return done_or_error(p, plan_item_move(p->ui->store, ent, l->id, at + by + 1, &d, &e), &e,
			     &d, ent == &entity_kpi ? "KPI" : ent->name, "moved");
}

/* -- the status flow ------------------------------------------------------------------ */

struct emails {
	struct pool pool;
	const char *list[UI_MENU_MAX + 1];
	int n;
};

static int
add_email(void *ctx, const struct contact_rec *c)
{
	struct emails *m = ctx;

	if (c->email && c->status && !strcmp(c->status, "active") && m->n < UI_MENU_MAX)
		m->list[m->n++] = pool_strdup(&m->pool, c->email);
	return 0;
}

static const char *
submit_sign(void *ctx, char *const *v, char *msg, size_t size)
{
	struct form_ctx *c = ctx;
	struct err e = { ST_OK, "" };
	struct work_done d;
	enum status st;

	st = plan_sign(c->p->ui->store, plan_of(c->p)->id, v[0], v[1], &d, &e);
	return result(c, st, &e, "plan", &d, msg, size);
}

static int
sign_form(struct pane *p)
{
	struct plan_pane *pp = p->priv;
	struct emails m = { .n = 0 };
	struct err e = { ST_OK, "" };
	struct form_ctx c = { p, 0, "signed" };
	int act = ACT_DRAW;

	pool_init(&m.pool);
	if (store_contacts_each(p->ui->store, pp->account_id, add_email, &m, &e)) {
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
	} else if (!m.n) {
		ui_message(p->ui, TH_WARNING, "%s has no active contact with an email to sign it",
			   pp->account);
	} else {
		struct form_field fields[] = {
			{ "signed by", m.list[0], 32, m.list, "Left/Right: the account's contacts" },
			{ "on", "today", 12, NULL, "YYYY-MM-DD" },
		};

		m.list[m.n] = NULL;
		ui_draw(p->ui);   /* the menu's hole filled before the form opens */
		if (ui_form(p->ui, "Record the customer's signature", fields, 2, submit_sign, &c))
			act = ACT_WROTE | ACT_RELOAD;
	}
	pool_done(&m.pool);
	return act;
}

static int
set_status(struct pane *p, const char *status)
{
	struct err e = { ST_OK, "" };
	struct work_done d;

	return done_or_error(p, plan_status_set(p->ui->store, plan_of(p)->id, status, &d, &e), &e,
			     &d, "plan", status);
}

int
plan_form_status(struct pane *p)
{
	static const char *const from_draft[] = { "share it with the customer", NULL };
	static const char *const from_shared[] = { "record the customer's signature",
		"take it back to draft", NULL };
	static const char *const from_signed[] = { "make it active", NULL };
	static const char *const from_active[] = { "mark it done", NULL };
	const char *status = plan_of(p)->status;
	int pick;

	if (!strcmp(status, "draft"))
		return ui_menu(p->ui, "Plan status: draft", from_draft) == 0 ? set_status(p, "shared")
									   : ACT_DRAW;
	if (!strcmp(status, "shared")) {
		pick = ui_menu(p->ui, "Plan status: shared", from_shared);
		return pick == 0 ? sign_form(p) : pick == 1 ? set_status(p, "draft") : ACT_DRAW;
	}
	if (!strcmp(status, "signed"))
		return ui_menu(p->ui, "Plan status: signed", from_signed) == 0 ?
			set_status(p, "active") : ACT_DRAW;
	if (!strcmp(status, "active"))
		return ui_menu(p->ui, "Plan status: active", from_active) == 0 ?
			set_status(p, "done") : ACT_DRAW;
	{
		char k[16];

		keymap_first_key(&p->ui->keys, REQ_PLAN_NEW, k, sizeof(k));
		ui_message(p->ui, TH_WARNING, "the plan is done: %s starts the next one", k);
	}
	return ACT_DONE;
}

int
plan_form_validate(struct pane *p)
{
	struct err e = { ST_OK, "" };
	struct work_done d;

	return done_or_error(p, plan_validate(p->ui->store, plan_of(p)->id, NULL, &d, &e), &e, &d,
			     "plan", "validated with the customer today");
}
