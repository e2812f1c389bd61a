/*
 * pane_account.c -- one account's 360 view, and its quick actions.
 *
 * The page is built once per load as lines of styled spans from the store's
 * account view, the live health explanation (facts scored with the
 * scorecard in force) and the score history, then scrolled from memory.
 * Quick actions (log a touchpoint, add a task, mark a task done, add a
 * note) are small forms; each writes one transaction, then the page loads
 * again.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/pool.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/account_view.h"
#include "app/actions.h"
#include "app/health_view.h"
#include "domain/model.h"
#include "domain/score.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/records.h"
#include "ui/ui.h"

#define AP_SPANS 12

struct span {
	const char *text;
	enum theme_role role;
	int width;               /* 0: as wide as the text */
	bool right;
	bool spark;              /* text is a trend, drawn as a sparkline */
};

struct line {
	struct span spans[AP_SPANS];
	int n;
	struct record_ref rec;   /* the record it shows: e edits it, Enter opens it */
};

struct account_pane {
	struct pool pool;
	struct line *lines;
	size_t n, cap;
	struct list list;        /* cursor and page over lines */
	int64_t id;              /* the account on the page */
	int scale;
	char title[80];
};

static const char *
out_money_text(int64_t cents, char *out)
{
	return money_format_grouped(cents, cents % 100 == 0, out);
}

/* -- building the page -------------------------------------------------------------- */

static struct line *
line(struct account_pane *a)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 128;
		a->lines = xreallocarray(a->lines, a->cap, sizeof(*a->lines));
	}
	memset(&a->lines[a->n], 0, sizeof(a->lines[0]));
	return &a->lines[a->n++];
}

static void span(struct ui *ui, struct account_pane *a, struct line *l, enum theme_role role, int width,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* A span of data or formatted text, made safe for the terminal. */
static void
span(struct ui *ui, struct account_pane *a, struct line *l, enum theme_role role, int width, const char *fmt, ...)
{
	char raw[512], *clean;
	va_list ap;

	if (l->n == AP_SPANS)
		return;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	clean = ui_clean(ui, raw);
	l->spans[l->n++] = (struct span){ pool_strdup(&a->pool, clean), role, width, false, false };
	free(clean);
}

/* A line showing record id of kind. */
static struct line *
rec_line(struct account_pane *a, enum record_kind kind, int64_t id)
{
	struct line *l = line(a);

	l->rec = (struct record_ref){ .kind = kind, .id = id, .account_id = a->id };
	return l;
}

static void
title(struct ui *ui, struct account_pane *a, const char *text)
{
	line(a);
	span(ui, a, line(a), TH_TITLE, 0, "%s", text);
}

/* The scores of the last 90 days, oldest first, as the sparkline reads
 * them ("2.1,2.0,1.8"). */
static void
trend_text(const struct health_view *hv, int32_t today, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < hv->npoints && used < size - 16; i++)
		if (hv->points[i].known && hv->points[i].day > today - 90)
			used += (size_t)snprintf(out + used, size - used, "%s%.3f", used ? "," : "",
						 hv->points[i].score);
}

static void
header(struct pane *p, const struct account_view *v, const struct health_view *hv)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;
	const struct score_result *res = hv->sc ? &hv->res : NULL;
	const char *band = health_view_band(hv);
	struct line *l = rec_line(a, REC_ACCOUNT, v->id);
	char m[MONEY_STRLEN], trend[256];

	span(ui, a, l, TH_TITLE, 0, "%s", v->name);
	span(ui, a, l, TH_DIM, 0, "  #%lld %s", (long long)v->id, v->external_id);
	l = rec_line(a, REC_ACCOUNT, v->id);
	if (res && res->known) {
		/* The band in force leads; an override says what it replaced. */
		span(ui, a, l, band_role(band), 0, " %c %.3f ", band_letter(band), res->score);
		if (hv->have_override)
			span(ui, a, l, TH_NORMAL, 0, " %s by override until %s (computed %s), %.0f%% of full score  ",
			     band, hv->ov_until, res->band, floor(res->percent + 1e-9));
		else
			span(ui, a, l, TH_NORMAL, 0, " %s, %.0f%% of full score  ", res->band,
			     floor(res->percent + 1e-9));
		trend_text(hv, store_clock(ui->store)->today, trend, sizeof(trend));
		if (*trend && l->n < AP_SPANS) {
			l->spans[l->n] = (struct span){ pool_strdup(&a->pool, trend), TH_DIM, 12, false, true };
			l->n++;
		}
	} else {
		span(ui, a, l, TH_BAND_UNKNOWN, 0, " ? not scored ");
	}
	span(ui, a, l, TH_NORMAL, 0, "   ARR %s %s", out_money_text(v->arr_cents, m), v->currency);
	l = rec_line(a, REC_ACCOUNT, v->id);
	span(ui, a, l, TH_NORMAL, 0, "%s  %s  %s  %s touch  %s", v->owner ? v->owner : "pooled", v->segment,
	     v->stage, v->touch_model, v->service_package);
	if (v->next_renewal)
		span(ui, a, l, v->next_renewal_days <= 30 ? TH_WARNING : TH_NORMAL, 0, "   renewal %s (in %lld days)",
		     v->next_renewal, (long long)v->next_renewal_days);
}

static void
health(struct pane *p, const struct scorecard *sc, const struct score_result *res, const struct fact_row *f)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;
	char v[64];

	title(ui, a, sc ? "Health" : "Health (no scorecard in force)");
	if (!sc)
		return;
	{
		struct line *l = line(a);

		span(ui, a, l, TH_NORMAL, 0, "  outcomes %s  experience %s  scorecard %s",
		     res->outcomes_known ? res->outcomes_band : "n/a",
		     res->experience_known ? res->experience_band : "n/a", sc->name);
		if (res->false_positive)
			span(ui, a, l, TH_FALSE_POSITIVE, 0, "  FALSE-POSITIVE HEALTHY");
	}
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];
		const struct measure_result *r = &res->m[i];
		struct line *l = line(a);

		span(ui, a, l, r->rated ? rating_role(r->rating, sc->scale) : TH_BAND_UNKNOWN, 3, " %c ",
		     r->rated ? '0' + r->rating : '-');
		span(ui, a, l, TH_NORMAL, 24, " %s", m->name);
		span(ui, a, l, TH_NORMAL, 10, "%s",
		     m->fact >= 0 ? fact_text(&fact_defs[m->fact], &f->v[m->fact], v, sizeof(v)) : "-");
		span(ui, a, l, TH_DIM, 0, "  weight %g%s", m->weight, r->rated ? "" : ", no data");
		if (r->rated)
			span(ui, a, l, TH_DIM, 0, ", %.3f points", health_points(sc, res, i));
	}
}

static void
signals(struct pane *p, const struct account_view *v)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;
	char d1[32], d2[32];
	struct line *l;

	title(ui, a, "Signals");
	l = line(a);
	if (v->active_users >= 0)
		span(ui, a, l, TH_NORMAL, 0, "  usage %lld active users, %lld of %lld seats activated",
		     (long long)v->active_users, (long long)v->activated_seats, (long long)v->usage_licensed);
	else
		span(ui, a, l, TH_DIM, 0, "  usage: no data");
	l = line(a);
	span(ui, a, l, v->open_p1 ? TH_WARNING : TH_NORMAL, 0, "  support %lld open (%lld P1), %lld in 90 days",
	     (long long)v->open_tickets, (long long)v->open_p1, (long long)v->tickets_90d);
	l = line(a);
	if (v->nps_responses_12m)
		span(ui, a, l, TH_NORMAL, 0, "  NPS %+.0f (%lld responses in 12 months)", v->nps_12m,
		     (long long)v->nps_responses_12m);
	else
		span(ui, a, l, TH_DIM, 0, "  NPS: no responses in 12 months");
	if (!isnan(v->csat_90d))
		span(ui, a, l, TH_NORMAL, 0, "   CSAT %.1f (90 days)", v->csat_90d);
	l = line(a);
	span(ui, a, l, TH_NORMAL, 0, "  last touch %s, last executive touch %s",
	     date_ago(v->last_touch_days, d1, sizeof(d1)), date_ago(v->last_exec_touch_days, d2, sizeof(d2)));
}

static void
contacts(struct pane *p, const struct account_view *v)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;
	bool sponsor = false;
	char d[32];

	title(ui, a, "Contacts by role");
	for (int i = 0; i < v->ncontacts; i++) {
		const struct av_contact *k = &v->contacts[i];
		bool left = !strcmp(k->status, "left");
		struct line *l = rec_line(a, REC_CONTACT, k->id);

		sponsor = sponsor || (!left && k->roles && strstr(k->roles, "executive_sponsor"));
		span(ui, a, l, left ? TH_DIM : TH_NORMAL, 26, "  %s%s", k->name, k->is_executive ? " *" : "");
		span(ui, a, l, TH_DIM, 36, "%s", k->roles ? k->roles : "-");
		span(ui, a, l, left ? TH_WARNING : TH_NORMAL, 0, "%s", left ? "LEFT" : date_ago(k->last_touch_days, d, sizeof(d)));
	}
	if (!v->champion_present)
		span(ui, a, line(a), TH_WARNING, 0, "  ! no active champion");
	if (!sponsor)
		span(ui, a, line(a), TH_WARNING, 0, "  ! no active executive sponsor");
}

static void
revenue(struct pane *p, const struct account_view *v)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;
	char m[MONEY_STRLEN], m2[MONEY_STRLEN];

	title(ui, a, "Renewals");
	for (int i = 0; i < v->nrenewals; i++) {
		const struct av_renewal *r = &v->renewals[i];
		struct line *l = line(a);
		bool open = strcmp(r->stage, "won") && strcmp(r->stage, "lost");

		span(ui, a, l, open && r->days <= 30 ? TH_WARNING : TH_NORMAL, 0, "  %s  %-11s %-8s target %s",
		     r->due_date, r->stage, r->forecast_category, out_money_text(r->target_cents, m));
		if (r->final_cents >= 0)
			span(ui, a, l, TH_DIM, 0, ", final %s (%s)", out_money_text(r->final_cents, m2),
			     r->booking_type ? r->booking_type : "-");
	}
	title(ui, a, "Contracts and ARR history");
	for (int i = 0; i < v->ncontracts; i++)
		span(ui, a, line(a), TH_NORMAL, 0, "  contract %s .. %s  %s ARR%s", v->contracts[i].start_date,
		     v->contracts[i].end_date, out_money_text(v->contracts[i].arr_cents, m),
		     v->contracts[i].auto_renew ? ", auto-renews" : "");
	for (int i = 0; i < v->nledger; i++) {
		const struct av_arr_event *e = &v->ledger[i];

		span(ui, a, line(a), e->delta_cents < 0 ? TH_WARNING : TH_NORMAL, 0, "  %s  %-12s %s%s", e->date,
		     e->kind, money_format_grouped(e->delta_cents, e->delta_cents % 100 == 0, m),
		     e->scheduled ? "  (scheduled)" : "");
	}
}

/* The checklist of task id under its line: Space ticks an item. */
static void
checklist(struct pane *p, const struct account_view *v, int64_t id)
{
	struct account_pane *a = p->priv;

	for (int i = 0; i < v->nitems; i++) {
		const struct av_task_item *it = &v->items[i];
		struct line *l;

		if (it->task_id != id)
			continue;
		l = rec_line(a, REC_TASK_ITEM, it->id);
		l->rec.task_id = id;
		l->rec.number = it->number;
		l->rec.done = it->done;
		span(p->ui, a, l, it->done ? TH_DIM : TH_NORMAL, 0, "      [%c] %d. %s", it->done ? 'x' : ' ',
		     it->number, it->text);
	}
}

static void
opportunities(struct pane *p, const struct account_view *v)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;
	char m[MONEY_STRLEN];

	if (!v->nopportunities)
		return;
	title(ui, a, "Open opportunities");
	for (int i = 0; i < v->nopportunities; i++) {
		const struct av_opportunity *o = &v->opportunities[i];

		span(ui, a, rec_line(a, REC_OPPORTUNITY, o->id), TH_NORMAL, 0, "  #%lld %-10s %-8s %s  %s%s%s",
		     (long long)o->id, o->kind, o->stage, out_money_text(o->arr_cents, m),
		     o->title ? o->title : "", o->expected_close ? ", closes " : "",
		     o->expected_close ? o->expected_close : "");
	}
}

/* Who changed what, latest first (the audit log; tend audit --account). */
static void
history(struct pane *p, const struct account_view *v)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;

	title(ui, a, "History");
	for (int i = 0; i < v->nhistory; i++) {
		const struct av_change *h = &v->history[i];
		struct line *l = line(a);

		/* "2026-11-23 09:30 amara  account set: stage: adopt -> expand" */
		span(ui, a, l, TH_DIM, 0, "  %.10s %.5s ", h->at, h->at && strlen(h->at) > 11 ? h->at + 11 : "");
		span(ui, a, l, TH_NORMAL, 0, "%s  %s: %s", h->actor, h->action,
		     h->changes ? h->changes : h->op);
	}
	if (!v->nhistory)
		span(ui, a, line(a), TH_DIM, 0, "  none");
}

static void
work(struct pane *p, const struct account_view *v)
{
	struct ui *ui = p->ui;
	struct account_pane *a = p->priv;
	char k1[16], k2[16], text[96];

	/* The keys named in titles are the ones bound now. */
	keymap_first_key(&ui->keys, REQ_TASK_DONE, k1, sizeof(k1));
	keymap_first_key(&ui->keys, REQ_EDIT, k2, sizeof(k2));
	snprintf(text, sizeof(text), "Open tasks (%s done, %s edit, Enter acts, Space ticks)", k1, k2);
	title(ui, a, text);
	for (int i = 0; i < v->ntasks; i++) {
		const struct av_task *t = &v->tasks[i];
		struct line *l = rec_line(a, REC_TASK, t->id);

		span(ui, a, l, t->due_date && t->days_left < 0 ? TH_WARNING : TH_NORMAL, 0, "  #%lld %-8s %s  %s",
		     (long long)t->id, t->priority, t->due_date ? t->due_date : "no date", t->title);
		span(ui, a, l, TH_DIM, 0, "  %s%s%s", t->owner ? t->owner : "-",
		     strcmp(t->status, "open") ? ", " : "", strcmp(t->status, "open") ? t->status : "");
		checklist(p, v, t->id);
	}
	if (!v->ntasks)
		span(ui, a, line(a), TH_DIM, 0, "  none (%s adds one)",
		     keymap_first_key(&ui->keys, REQ_TASK_ADD, k1, sizeof(k1)));
	title(ui, a, "Open risks");
	for (int i = 0; i < v->nrisks; i++)
		span(ui, a, rec_line(a, REC_RISK, v->risks[i].id), TH_WARNING, 0, "  #%lld %s (%s, %s) %s",
		     (long long)v->risks[i].id, v->risks[i].category, v->risks[i].severity,
		     v->risks[i].status, v->risks[i].description ? v->risks[i].description : "");
	opportunities(p, v);
	title(ui, a, "Success plans");
	for (int i = 0; i < v->nplans; i++) {
		const struct av_plan *pl = &v->plans[i];

		span(ui, a, line(a), pl->milestones_at_risk ? TH_WARNING : TH_NORMAL, 0,
		     "  %s since %s: %d objectives, milestones %d/%d done, %d on track, %d at risk", pl->status,
		     pl->start_date, pl->objectives, pl->milestones_done, pl->milestones, pl->milestones_on_track,
		     pl->milestones_at_risk);
	}
	keymap_first_key(&ui->keys, REQ_LOG, k1, sizeof(k1));
	keymap_first_key(&ui->keys, REQ_NOTE, k2, sizeof(k2));
	snprintf(text, sizeof(text), "Timeline (%s logs, %s adds a note)", k1, k2);
	title(ui, a, text);
	for (int i = 0; i < v->ntouchpoints; i++) {
		const struct av_touchpoint *t = &v->touchpoints[i];
		struct line *l = rec_line(a, REC_TOUCHPOINT, t->id);

		span(ui, a, l, TH_DIM, 0, "  %s %-15s ", t->date, t->kind);
		span(ui, a, l, TH_NORMAL, 0, "%s%s%s", t->planned ? "planned: " : "",
		     t->proactive ? "" : "(reactive) ", t->summary ? t->summary : "");
	}
	if (v->notes) {
		title(ui, a, "Notes");
		span(ui, a, line(a), TH_NORMAL, 0, "  %s", v->notes);
	}
	history(p, v);
}

static enum status
load(struct pane *p, struct err *e)
{
	struct account_pane *a = p->priv;
	struct ui *ui = p->ui;
	struct store *s = ui->store;
	int32_t today = store_clock(s)->today;
	struct account_view *v;
	struct health_view *hv;

	pool_done(&a->pool);
	pool_init(&a->pool);
	a->n = 0;
	if (!a->id)
		return ST_OK;
	if (store_account_view(s, a->id, &v, e))
		return e->status;
	/* Its health as tend health explain shows it: the same facts, the
	 * same scorecard and calibrations, the override in force. */
	hv = xmalloc(sizeof(*hv));
	if (health_view_load(s, &ui->scorecards, a->id, today, hv, e)) {
		free(hv);
		account_view_free(v);
		return e->status;
	}
	snprintf(a->title, sizeof(a->title), "%s", v->name);
	header(p, v, hv);
	if (hv->sc)
		health(p, hv->sc, &hv->res, &hv->facts);
	signals(p, v);
	contacts(p, v);
	work(p, v);
	revenue(p, v);
	free(hv);
	account_view_free(v);
	list_reload(&a->list, a->n, (size_t)p->h, NULL, NULL);
	return ST_OK;
}

/* -- drawing -------------------------------------------------------------------------- */

static void
draw_line(struct pane *p, size_t i)
{
	struct account_pane *a = p->priv;
	const struct line *l = &a->lines[i];
	int y = (int)(i - a->list.top), x = 2;

	draw_text(p->ui, p->win, y, 0, i == a->list.cursor ? draw_glyph_cursor(p->ui) : " ", 2, false,
		  ui_attr(p->ui, i == a->list.cursor ? TH_CURSOR : TH_NORMAL));
	for (int k = 0; k < l->n && x < p->w; k++) {
		const struct span *s = &l->spans[k];
		int w = s->width ? s->width : text_width(s->text);

		if (w > p->w - x)
			w = p->w - x;
		if (s->spark)
			draw_sparkline(p->ui, p->win, y, x, s->text, a->scale ? a->scale : 3, w, ui_attr(p->ui, s->role));
		else
			draw_text(p->ui, p->win, y, x, s->text, w, s->right, ui_attr(p->ui, s->role));
		x += w;
	}
}

static void
draw(struct pane *p)
{
	struct account_pane *a = p->priv;

	if (!a->id) {
		draw_text(p->ui, p->win, 1, 2, "Choose an account in the heatmap (Enter) or with :account NAME.",
			  p->w - 4, false, ui_attr(p->ui, TH_DIM));
		return;
	}
	for (size_t i = a->list.top; i < a->n && i < a->list.top + (size_t)p->h; i++)
		draw_line(p, i);
}

/* After a movement: two cursor markers, or the page when it scrolled. */
static int
moved(struct pane *p, enum list_change ch)
{
	struct account_pane *a = p->priv;

	if (ch == LIST_SCROLLED)
		return ACT_DRAW;
	if (ch == LIST_MOVED) {
		draw_text(p->ui, p->win, (int)(a->list.old - a->list.top), 0, " ", 2, false,
			  ui_attr(p->ui, TH_NORMAL));
		draw_text(p->ui, p->win, (int)(a->list.cursor - a->list.top), 0, draw_glyph_cursor(p->ui), 2,
			  false, ui_attr(p->ui, TH_CURSOR));
	}
	return ACT_DONE;
}

/* -- quick actions ---------------------------------------------------------------------- */

static const char *const yes_no[] = { "no", "yes", NULL };
static const char *const sentiments[] = { "-", "1", "2", "3", "4", "5", NULL };

struct act_ctx {
	struct pane *p;
	bool note;
};

static bool
parse_day(struct ui *ui, const char *text, int32_t *out)
{
	return date_parse_relative(*text ? text : "today", store_clock(ui->store)->today, out);
}

/* The fields of the log form, and of the note form: a note has no kind to
 * choose, and its text comes first so the form opens where the typing goes. */
enum { LOG_KIND, LOG_DATE, LOG_SUMMARY, LOG_MINUTES, LOG_SENTIMENT, LOG_REACTIVE, LOG_WITH, LOG_FIELDS };
enum { NOTE_TEXT, NOTE_DATE, NOTE_FIELDS };

static const char *
submit_log(void *ctx, char *const *v, char *msg, size_t size)
{
	struct act_ctx *c = ctx;
	struct ui *ui = c->p->ui;
	struct err e = { ST_OK, "" };
	struct touch_input in = { .account_id = ((struct account_pane *)c->p->priv)->id, .duration = -1, .sentiment = -1 };
	int64_t id;
	char *end;

	in.kind = c->note ? "note" : v[LOG_KIND];
	in.today = store_clock(ui->store)->today;
	if (!parse_day(ui, v[c->note ? NOTE_DATE : LOG_DATE], &in.date))
		return "date: YYYY-MM-DD, today, yesterday or -3d";
	if (c->note) {
		in.summary = v[NOTE_TEXT];
		if (!*in.summary)
			return "write the note";
	} else {
		in.summary = v[LOG_SUMMARY];
		if (*v[LOG_MINUTES]) {
			in.duration = (int)strtol(v[LOG_MINUTES], &end, 10);
			if (*end || in.duration < 0)
				return "duration: a number of minutes";
		}
		in.sentiment = strcmp(v[LOG_SENTIMENT], "-") ? atoi(v[LOG_SENTIMENT]) : -1;
		in.reactive = !strcmp(v[LOG_REACTIVE], "yes");
		in.attendees = v[LOG_WITH];
	}
	if (action_log(ui->store, ui->opts->login, &in, &id, &e)) {
		snprintf(msg, size, "%s", e.msg);
		return msg;
	}
	ui_message(ui, TH_OK, "logged %s #%lld", in.kind, (long long)id);
	return NULL;
}

static int
log_form(struct pane *p, bool note)
{
	struct form_field log_fields[LOG_FIELDS] = {
		[LOG_KIND] = { "kind", "call", 16, touch_kind_names, "Left/Right" },
		[LOG_DATE] = { "date", "today", 12, NULL, "or -3d, YYYY-MM-DD" },
		[LOG_SUMMARY] = { "summary", "", 46, NULL, NULL },
		[LOG_MINUTES] = { "minutes", "", 6, NULL, "optional" },
		[LOG_SENTIMENT] = { "sentiment", "-", 4, sentiments, "1 unhappy .. 5 delighted" },
		[LOG_REACTIVE] = { "reactive", "no", 4, yes_no, "they called us" },
		[LOG_WITH] = { "with", "", 36, NULL, "attendee emails, a,b" },
	};
	struct form_field note_fields[NOTE_FIELDS] = {
		[NOTE_TEXT] = { "note", "", 52, NULL, NULL },
		[NOTE_DATE] = { "date", "today", 12, NULL, NULL },
	};
	struct act_ctx c = { p, note };

	if (ui_form(p->ui, note ? "Add a note" : "Log a touchpoint", note ? note_fields : log_fields,
		    note ? NOTE_FIELDS : LOG_FIELDS, submit_log, &c))
		return ACT_WROTE | ACT_RELOAD;
	return ACT_DRAW;
}

static const char *
submit_task(void *ctx, char *const *v, char *msg, size_t size)
{
	struct act_ctx *c = ctx;
	struct ui *ui = c->p->ui;
	struct err e = { ST_OK, "" };
	struct task_input in = { .account_id = ((struct account_pane *)c->p->priv)->id, .title = v[0], .priority = v[2], .kind = v[3],
				 .owner = *v[4] ? v[4] : NULL };
	int64_t id;

	if (*v[1]) {
		if (!parse_day(ui, v[1], &in.due))
			return "due: YYYY-MM-DD, tomorrow, +7d, +2w";
		in.has_due = true;
	}
	if (action_task_add(ui->store, ui->opts->login, &in, &id, &e)) {
		snprintf(msg, size, "%s", e.msg);
		return msg;
	}
	ui_message(ui, TH_OK, "task #%lld added", (long long)id);
	return NULL;
}

static int
task_form(struct pane *p)
{
	struct form_field fields[] = {
		{ "title", "", 46, NULL, NULL },
		{ "due", "+7d", 12, NULL, "+7d, YYYY-MM-DD or empty" },
		{ "priority", "medium", 10, priority_names, "Left/Right" },
		{ "kind", "activity", 10, task_kind_names, "Left/Right" },
		{ "owner", p->ui->opts->login, 20, NULL, "login" },
	};
	struct act_ctx c = { p, false };

	return ui_form(p->ui, "Add a task", fields, 5, submit_task, &c) ? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
}

/* The record on the cursor's line. */
static const struct record_ref *
selected(struct account_pane *a)
{
	static const struct record_ref none = { REC_NONE, 0, 0, 0, 0, false };

	return a->n ? &a->lines[a->list.cursor].rec : &none;
}

static int
task_done(struct pane *p)
{
	struct account_pane *a = p->priv;
	const struct record_ref *r = selected(a);
	struct err e = { ST_OK, "" };
	int64_t id = r->kind == REC_TASK ? r->id : r->kind == REC_TASK_ITEM ? r->task_id : 0;
	int done, skipped;

	if (!id) {
		ui_message(p->ui, TH_WARNING, "select a task line first (in Open tasks)");
		return ACT_DONE;
	}
	if (action_tasks_done(p->ui->store, &id, 1, &done, &skipped, NULL, &e)) {
		ui_message(p->ui, TH_ERROR, "%s", e.msg);
		return ACT_DONE;
	}
	ui_message(p->ui, TH_OK, "task #%lld done for %s", (long long)id, a->title);
	return ACT_WROTE | ACT_RELOAD;
}

/* Space: tick the item on the cursor's line; on any other line it turns
 * the page, as it does in every other pane. */
static int
tick(struct pane *p)
{
	struct account_pane *a = p->priv;

	if (selected(a)->kind != REC_TASK_ITEM)
		return moved(p, list_request(&a->list, REQ_PAGE_DOWN, (size_t)p->h, NULL, NULL));
	return records_tick(p->ui, selected(a)) ? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
}

static int
request(struct pane *p, enum request r)
{
	struct account_pane *a = p->priv;
	enum list_change ch;

	if (!a->id)
		return ACT_NONE;
	ch = list_request(&a->list, r, (size_t)p->h, NULL, NULL);
	if (ch != LIST_NONE)
		return moved(p, ch);
	switch (r) {
	case REQ_LOG: return log_form(p, false);
	case REQ_NOTE: return log_form(p, true);
	case REQ_TASK_ADD: return task_form(p);
	case REQ_TASK_DONE: return task_done(p);
	case REQ_EDIT: return records_edit(p->ui, selected(a)) ? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
	case REQ_ENTER: return records_open(p->ui, selected(a)) ? ACT_WROTE | ACT_RELOAD : ACT_DRAW;
	case REQ_TICK: return tick(p);
	case REQ_PLAN: ui_open(p->ui, PANE_PLAN, &(struct pane_arg){ .account_id = a->id }); return ACT_DRAW;
	default: return ACT_NONE;
	}
}

static int
click(struct pane *p, int y, int x, bool twice)
{
	struct account_pane *a = p->priv;

	(void)x;
	(void)twice;
	return moved(p, list_move_to(&a->list, (long)(a->list.top + (size_t)y), (size_t)p->h, NULL, NULL));
}

static void
describe(struct pane *p, char *out, size_t size)
{
	struct account_pane *a = p->priv;

	snprintf(out, size, "%s", a->id ? a->title : "");
}

/* The cursor is kept when the same account opens again (after a quick
 * action, or from the inbox); another account opens at its top. */
static void
open_on(struct pane *p, const struct pane_arg *arg)
{
	struct account_pane *a = p->priv;

	if (arg->account_id != a->id) {
		a->id = arg->account_id;
		a->list.cursor = a->list.top = 0;
	}
}

static const char *
empty(struct pane *p)
{
	return ((struct account_pane *)p->priv)->id ? NULL
		: "no account selected yet: press Enter on one in the heatmap";
}

static void
done(struct pane *p)
{
	struct account_pane *a = p->priv;

	pool_done(&a->pool);
	free(a->lines);
}

static const enum request hint_list[] = { REQ_EDIT, REQ_LOG, REQ_TASK_ADD, REQ_TASK_DONE,
					  REQ_NONE };

static int64_t
account_of(struct pane *p)
{
	return ((struct account_pane *)p->priv)->id;
}

const struct pane_ops account_ops = {
	.title = "Account",
	.private_size = sizeof(struct account_pane),
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
