/*
 * pane_plan.c -- the success-plan pane: one account's joint plan, and
 * the keys that build it (issue #14).
 *
 * Data model: a load reads the account's current plan (store/plan.h) and
 * turns it into lines of styled spans, every string made safe for the
 * terminal and kept in a pool, so drawing never queries and never prints
 * raw data.  Each line knows what it shows (a section, an objective, a
 * milestone, a KPI) and the row it is, so the keys act on the line under
 * the cursor, which stays on the same line across loads.
 *
 * Layout: the header (status, signature, last validated -- a plan
 * unvalidated for 90 days says so -- and progress), the seven sections
 * with the first line of each, then the objective tree: each objective
 * with its priority, type and a progress bar from its milestones and KPIs,
 * a line with its beneficiary and last validation, then its milestones
 * (overdue ones in the warning role, marked OVERDUE) and KPIs (OFF TRACK
 * likewise).  The forms are in pane_plan_forms.c.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/plan.h"
#include "store/plan.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/plan_pane.h"
#include "ui/ui.h"

#define PL_MILESTONE_OWNER 16    /* columns of a milestone's owner */
#define PL_BAR 10                /* cells of an objective's progress bar */

/* -- building the page ----------------------------------------------------------- */

static struct pl_line *
add_line(struct plan_pane *pp, enum pl_kind kind, int64_t id, int64_t objective)
{
	struct pl_line *l;

	if (pp->n == pp->cap) {
		pp->cap = pp->cap ? pp->cap * 2 : 64;
		pp->lines = xreallocarray(pp->lines, pp->cap, sizeof(*pp->lines));
	}
	l = &pp->lines[pp->n++];
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	l->id = id;
	l->objective = objective;
	return l;
}

static void add_span(struct pane *p, struct pl_line *l, enum theme_role role, int width,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* A span of data or formatted text, made safe for the terminal. */
static void
add_span(struct pane *p, struct pl_line *l, enum theme_role role, int width, const char *fmt, ...)
{
	struct plan_pane *pp = p->priv;
	struct buf raw;
	char *clean;
	va_list ap;
	int len;

	if (l->n == PL_SPANS)
		return;
	buf_init(&raw);
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	/* The whole text, however long: a cut could split a character. */
	buf_grow(&raw, len > 0 ? (size_t)len : 0);
	va_start(ap, fmt);
	vsnprintf(raw.data, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
	va_end(ap);
	raw.len = len > 0 ? (size_t)len : 0;
	clean = ui_clean(p->ui, raw.data);
	l->spans[l->n++] = (struct pl_span){ pool_strdup(&pp->pool, clean), role, width, false };
	free(clean);
	buf_done(&raw);
}

static void
heading(struct pane *p, const char *text)
{
	add_line(p->priv, PL_TEXT, 0, 0);
	add_span(p, add_line(p->priv, PL_TEXT, 0, 0), TH_TITLE, 0, "%s", text);
}

static void
header(struct pane *p, const struct plan *pl, int32_t today)
{
	struct pl_line *l = add_line(p->priv, PL_TEXT, 0, 0);
	int64_t days;
	const char *last = plan_last_validated(pl, today, &days);
	int done, all;

	add_span(p, l, TH_TITLE, 0, "Plan #%lld  ", (long long)pl->id);
	add_span(p, l, TH_NORMAL, 0, "%s", pl->status);
	add_span(p, l, TH_DIM, 0, "  since %s%s%s", pl->start_date, pl->template ? ", template " : "",
		 pl->template ? pl->template : "");
	l = add_line(p->priv, PL_TEXT, 0, 0);
	if (pl->signed_by)
		add_span(p, l, TH_NORMAL, 0, "Signed by %s on %s", pl->signed_by,
			 pl->signed_date ? pl->signed_date : "?");
	else
		add_span(p, l, TH_DIM, 0, "Not signed yet");
	add_span(p, l, days > PLAN_UNVALIDATED_DAYS ? TH_WARNING : TH_DIM, 0,
		 "  last validated %s (%lld days ago)%s", last, (long long)days,
		 days > PLAN_UNVALIDATED_DAYS ? ": UNVALIDATED for 90+ days" : "");
	plan_milestone_counts(pl, &done, &all);
	add_span(p, add_line(p->priv, PL_TEXT, 0, 0), TH_DIM, 0,
		 "%d objective%s, milestones %d/%d done", pl->nobjectives,
		 pl->nobjectives == 1 ? "" : "s", done, all);
}

static void
sections(struct pane *p, const struct plan *pl)
{
	heading(p, "Sections (Enter writes one in your editor)");
	for (int i = 0; i < PLAN_NSECTIONS; i++) {
		struct pl_line *l = add_line(p->priv, PL_SECTION, i, 0);
		const char *t = pl->section[i];
		size_t first = t ? strcspn(t, "\n") : 0;

		/* The heading up to its colon: "Key risks", "Appendices". */
		add_span(p, l, TH_NORMAL, 28, "%d %.*s", i + 1,
			 (int)strcspn(plan_section_titles[i], ":"), plan_section_titles[i]);
		if (t && *t)
			add_span(p, l, TH_DIM, -1, "%.*s%s", (int)first, t, t[first] ? " ..." : "");
		else
			add_span(p, l, TH_DIM, -1, "(empty)");
	}
}

static void
number(struct buf *b, bool has, double v)
{
	if (has)
		plan_number(b, v);
	else
		buf_adds(b, "-");
}

static void
kpi_line(struct pane *p, const struct plan *pl, const struct plan_objective *o,
	 const struct plan_kpi *k, int32_t today)
{
	struct pl_line *l = add_line(p->priv, PL_KPI, k->id, o->id);
	bool off = plan_kpi_off_track(pl, k, today);
	double progress;
	struct buf b;

	buf_init(&b);
	number(&b, k->has_baseline, k->baseline);
	buf_adds(&b, " -> ");
	number(&b, k->has_target, k->target);
	if (k->unit)
		buf_addf(&b, " %s", k->unit);
	if (k->target_date)
		buf_addf(&b, " by %s", k->target_date);
	buf_adds(&b, ", now ");
	number(&b, k->has_current, k->current);
	if (plan_kpi_progress(k, &progress))
		buf_addf(&b, " (%d%%)", (int)floor(progress * 100 + 1e-9));
	add_span(p, l, TH_DIM, 8, "    KPI");
	add_span(p, l, off ? TH_WARNING : TH_NORMAL, 26, "%s", k->name);
	add_span(p, l, off ? TH_WARNING : TH_NORMAL, -1, "%s%s", b.data, off ? "  OFF TRACK" : "");
	buf_done(&b);
}

static void
milestone_line(struct pane *p, const struct plan_objective *o, const struct plan_milestone *m,
	       int32_t today)
{
	struct pl_line *l = add_line(p->priv, PL_MILESTONE, m->id, o->id);
	bool late = plan_milestone_overdue(m, today) || !strcmp(m->status, "missed");

	add_span(p, l, TH_DIM, 8, "    [%c]", !strcmp(m->status, "done") ? 'x' : ' ');
	add_span(p, l, late ? TH_WARNING : TH_NORMAL, 26, "%s", m->title);
	add_span(p, l, TH_DIM, PL_MILESTONE_OWNER + 1, "%s", m->owner ? m->owner : "-");
	add_span(p, l, late ? TH_WARNING : TH_NORMAL, -1, "%s  %s%s", m->due_date ? m->due_date : "no date",
		 m->status, plan_milestone_overdue(m, today) ? "  OVERDUE" : "");
}

static void
objective(struct pane *p, const struct plan *pl, int n, const struct plan_objective *o,
	  int32_t today)
{
	struct pl_line *l = add_line(p->priv, PL_OBJECTIVE, o->id, o->id);
	double progress;
	struct buf bar;

	buf_init(&bar);
	if (plan_objective_progress(o, &progress)) {
		plan_bar(&bar, progress, PL_BAR);
		buf_addf(&bar, " %3d%%", (int)floor(progress * 100 + 1e-9));
	} else {
		buf_adds(&bar, "no measure yet");
	}
	add_span(p, l, TH_TITLE, 4, "%d", n);
	add_span(p, l, TH_TITLE, -1, "%s", o->title);
	add_span(p, l, TH_DIM, 21, " %s, %s", o->priority, o->type);
	add_span(p, l, TH_NORMAL, 18, " %s", bar.data);
	buf_done(&bar);
	l = add_line(p->priv, PL_OBJECTIVE, o->id, o->id);
	add_span(p, l, TH_DIM, -1, "    for %s, validated %s%s", o->beneficiary ? o->beneficiary : "-",
		 o->last_validated ? o->last_validated : "never",
		 o->achieved_on ? (o->confirmed ? ", achieved (confirmed)" : ", achieved") : "");
	for (int i = 0; i < o->nmilestones; i++)
		milestone_line(p, o, &o->milestones[i], today);
	for (int i = 0; i < o->nkpis; i++)
		kpi_line(p, pl, o, &o->kpis[i], today);
}

static void
build(struct pane *p, int32_t today)
{
	struct plan_pane *pp = p->priv;
	const struct plan *pl = pp->plan;
	char k1[16];

	header(p, pl, today);
	sections(p, pl);
	keymap_first_key(&p->ui->keys, REQ_PLAN_OBJECTIVE, k1, sizeof(k1));
	heading(p, "Objectives");
	for (int i = 0; i < pl->nobjectives; i++)
		objective(p, pl, i + 1, &pl->objectives[i], today);
	if (!pl->nobjectives)
		add_span(p, add_line(pp, PL_TEXT, 0, 0), TH_DIM, 0, "  none yet (%s adds one)", k1);
}

/* The line's identity, for keeping the cursor on it across loads. */
static int64_t
line_id(const void *ctx, size_t i)
{
	const struct pl_line *l = &((const struct plan_pane *)ctx)->lines[i];

	return l->kind == PL_TEXT ? -(int64_t)i - 1 : (int64_t)l->kind << 40 | l->id << 1 |
		(i && l[-1].kind == l->kind && l[-1].id == l->id);
}

static void
plan_pane_clear(struct plan_pane *pp)
{
	pool_done(&pp->pool);
	pool_init(&pp->pool);
	pp->n = 0;
	plan_free(pp->plan);
	pp->plan = NULL;
}

static enum status
load(struct pane *p, struct err *e)
{
	struct plan_pane *pp = p->priv;
	struct store *s = p->ui->store;
	int64_t plan_id = 0;
	char *label;
	enum status st;

	plan_pane_clear(pp);
	if (!pp->account_id)
		return ST_OK;
	label = store_account_label(s, pp->account_id);
	if (label) {
		char *clean = ui_clean(p->ui, label);

		snprintf(pp->account, sizeof(pp->account), "%s", clean);
		free(clean);
		free(label);
	}
	st = store_plan_current(s, pp->account_id, &plan_id, e);
	if (st == ST_NOINPUT) {          /* no plan yet: the page says so */
		e->status = ST_OK;
		e->msg[0] = '\0';
	} else if (st || (st = store_plan_load(s, plan_id, &pp->plan, e))) {
		return st;
	}
	if (pp->plan)
		build(p, store_clock(s)->today);
	list_reload(&pp->list, pp->n, (size_t)p->h, line_id, pp);
	return ST_OK;
}

const struct pl_line *
plan_pane_selected(struct pane *p)
{
	struct plan_pane *pp = p->priv;

	return pp->n ? &pp->lines[pp->list.cursor] : NULL;
}

/* -- drawing ------------------------------------------------------------------------ */

static void
draw_marker(struct pane *p, size_t i)
{
	struct plan_pane *pp = p->priv;
	bool cursor = i == pp->list.cursor;

	draw_text(p->ui, p->win, (int)(i - pp->list.top), 0, cursor ? draw_glyph_cursor(p->ui) : " ", 2,
		  false, ui_attr(p->ui, cursor ? TH_CURSOR : TH_NORMAL));
}

static void
draw_line(struct pane *p, size_t i)
{
	struct plan_pane *pp = p->priv;
	const struct pl_line *l = &pp->lines[i];
	int y = (int)(i - pp->list.top), x = 2, fixed = 0;

	draw_marker(p, i);
	for (int k = 0; k < l->n; k++)
		fixed += l->spans[k].width > 0 ? l->spans[k].width : 0;
	for (int k = 0; k < l->n && x < p->w; k++) {
		const struct pl_span *s = &l->spans[k];
		int w = s->width > 0 ? s->width : s->width < 0 ? p->w - 2 - fixed : text_width(s->text);

		if (w > p->w - x)
			w = p->w - x;
		if (w > 0)
			draw_text(p->ui, p->win, y, x, s->text, w, s->right, ui_attr(p->ui, s->role));
		x += w > 0 ? w : 0;
	}
	if (x < p->w)
		draw_text(p->ui, p->win, y, x, "", p->w - x, false, ui_attr(p->ui, TH_NORMAL));
}

static void
draw(struct pane *p)
{
	struct plan_pane *pp = p->priv;
	char k[16];

	if (!pp->account_id) {
		draw_text(p->ui, p->win, 1, 2, "Open an account's plan with P in its 360 view, or :plan NAME.",
			  p->w - 4, false, ui_attr(p->ui, TH_DIM));
		return;
	}
	if (!pp->plan) {
		char text[200];

		keymap_first_key(&p->ui->keys, REQ_PLAN_NEW, k, sizeof(k));
		snprintf(text, sizeof(text), "%s has no success plan yet: %s starts one from a template.",
			 pp->account, k);
		draw_text(p->ui, p->win, 1, 2, text, p->w - 4, false, ui_attr(p->ui, TH_DIM));
		return;
	}
	list_show_cursor(&pp->list, (size_t)p->h);
	for (size_t i = pp->list.top; i < pp->n && i < pp->list.top + (size_t)p->h; i++)
		draw_line(p, i);
}

/* -- requests ----------------------------------------------------------------------- */

static int
moved(struct pane *p, enum list_change ch)
{
	struct plan_pane *pp = p->priv;

	if (ch == LIST_SCROLLED)
		return ACT_DRAW | ACT_TABS;
	if (ch == LIST_MOVED) {
		draw_marker(p, pp->list.old);
		draw_marker(p, pp->list.cursor);
	}
	return ACT_DONE | ACT_TABS;
}

static int
request(struct pane *p, enum request r)
{
	struct plan_pane *pp = p->priv;
	enum list_change ch;

	if (!pp->account_id)
		return ACT_NONE;
	if (r == REQ_PLAN_NEW)
		return plan_form_new(p);
	if (!pp->plan)
		return ACT_NONE;
	ch = list_request(&pp->list, r, (size_t)p->h, line_id, pp);
	if (ch != LIST_NONE)
		return moved(p, ch);
	switch (r) {
	case REQ_ENTER:                   /* a section in the editor, the rest in a form */
	case REQ_EDIT: return plan_form_edit(p);
	case REQ_PLAN_OBJECTIVE: return plan_form_objective(p);
	case REQ_PLAN_MILESTONE: return plan_form_milestone(p);
	case REQ_PLAN_KPI: return plan_form_kpi(p);
	case REQ_PLAN_READING: return plan_form_reading(p);
	case REQ_PLAN_DELETE: return plan_form_delete(p);
	case REQ_PLAN_UP: return plan_form_move(p, -1);
	case REQ_PLAN_DOWN: return plan_form_move(p, 1);
	case REQ_PLAN_STATUS: return plan_form_status(p);
	case REQ_PLAN_VALIDATE: return plan_form_validate(p);
	default: return ACT_NONE;
	}
}

static int
click(struct pane *p, int y, int x, bool twice)
{
	struct plan_pane *pp = p->priv;
	int act;

	(void)x;
	if (!pp->n || pp->list.top + (size_t)y >= pp->n)
		return ACT_NONE;
	act = moved(p, list_move_to(&pp->list, (long)(pp->list.top + (size_t)y), (size_t)p->h, line_id,
				    pp));
	return twice ? plan_form_edit(p) : act;
}

static void
describe(struct pane *p, char *out, size_t size)
{
	struct plan_pane *pp = p->priv;

	if (!pp->account_id)
		snprintf(out, size, "no account");
	else if (!pp->plan)
		snprintf(out, size, "%s, no plan", pp->account);
	else
		snprintf(out, size, "%s, %s", pp->account, pp->plan->status);
}

/* The same account keeps its cursor (after a form); another opens at the top. */
static void
open_on(struct pane *p, const struct pane_arg *arg)
{
	struct plan_pane *pp = p->priv;

	if (arg->account_id != pp->account_id) {
		pp->account_id = arg->account_id;
		pp->list = (struct list){ 0 };
	}
}

static const char *
empty(struct pane *p)
{
	return ((struct plan_pane *)p->priv)->account_id ? NULL
		: "no plan opened yet: press P in an account's 360 view, or :plan NAME";
}

static void
done(struct pane *p)
{
	struct plan_pane *pp = p->priv;

	plan_pane_clear(pp);
	pool_done(&pp->pool);
	free(pp->lines);
}

static const enum request hint_list[] = { REQ_EDIT, REQ_PLAN_OBJECTIVE, REQ_PLAN_MILESTONE,
	REQ_PLAN_KPI, REQ_PLAN_STATUS, REQ_NONE };

static int64_t
account_of(struct pane *p)
{
	return ((struct plan_pane *)p->priv)->account_id;
}

const struct pane_ops plan_ops = {
	.title = "Plan",
	.private_size = sizeof(struct plan_pane),
	.open = open_on,
	.empty = empty,
	.load = load,
	.draw = draw,
	.request = request,
	.hints = hint_list,
	.click = click,
	.describe = describe,
	.account = account_of,
	.done = done,
};
