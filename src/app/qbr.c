/*
 * qbr.c -- loading the QBR pack and writing it as Markdown (see qbr.h).
 * Numbers are shown as the commands that own them show them: scores to
 * three decimals and percentages rounded down as `tend health explain`
 * does, money grouped as `tend metrics` does.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/qbr_int.h"
#include "core/md.h"
#include "core/money.h"
#include "core/xalloc.h"
#include "domain/plan_md.h"
#include "store/metrics.h"
#include "store/plan.h"
#include "store/store.h"
#include "store/work.h"

/* -- loading ----------------------------------------------------------------------- */

static int
add_opportunity(void *ctx, const struct opportunity_row *r)
{
	struct qbr *q = ctx;
	struct qbr_opportunity *o;

	q->opps = xreallocarray(q->opps, (size_t)q->nopps + 1, sizeof(*q->opps));
	o = &q->opps[q->nopps++];
	o->title = xstrdup(r->title ? r->title : "");
	o->kind = xstrdup(r->kind ? r->kind : "");
	o->stage = xstrdup(r->stage ? r->stage : "");
	o->expected_close = r->expected_close ? xstrdup(r->expected_close) : NULL;
	o->arr_cents = r->arr_cents;
	return 0;
}

static void
count_touchpoints(struct qbr *q)
{
	char t0[DATE_STRLEN];

	date_format(q->t0, t0);
	for (int i = 0; i < q->v->ntouchpoints; i++) {
		const struct av_touchpoint *t = &q->v->touchpoints[i];

		if (!t->date || strcmp(t->date, t0) < 0)
			continue;
		q->touchpoints++;
		q->reviews += t->kind && (!strcmp(t->kind, "qbr") || !strcmp(t->kind, "ebr"));
	}
}

static enum status
load_rest(struct store *s, struct qbr *q, struct err *e)
{
	struct opportunity_filter of = { .account_id = q->v->id, .stage = "open" };
	const struct scorecard *sc = q->hv->sc;
	int64_t plan_id;
	enum status st;

	if ((st = store_account_arr(s, q->v->id, q->t0, &q->arr0, e)) ||
	    (st = store_account_arr(s, q->v->id, q->today + 1, &q->arr1, e)))
		return st;
	for (int i = 0; i < sc->nmeasures; i++)
		if ((st = store_qbr_measure_then(s, q->v->id, q->t0, sc->measures[i].id, &q->then[i],
						 e)))
			return st;
	if ((st = store_opportunities_each(s, &of, add_opportunity, q, e)))
		return st;
	st = store_plan_current(s, q->v->id, &plan_id, e);
	if (st == ST_NOINPUT)
		return ST_OK;          /* no plan: the pack says so */
	return st ? st : store_plan_load(s, plan_id, &q->plan, e);
}

enum status
qbr_load(struct store *s, const struct qbr_opts *o, struct qbr **out, struct err *e)
{
	struct qbr *q = xcalloc(1, sizeof(*q));
	enum status st;

	*out = NULL;
	q->today = store_clock(s)->today;
	q->days = o->days;
	q->t0 = q->today - o->days + 1;
	snprintf(q->author, sizeof(q->author), "%s", o->author ? o->author : "");
	if ((st = store_read_begin(s, e)))
		goto fail;
	q->hv = xmalloc(sizeof(*q->hv));
	if (!(st = store_account_view(s, o->account_id, &q->v, e)) &&
	    !(st = health_view_load(s, o->set, o->account_id, q->today, q->hv, e))) {
		if (!q->hv->sc)
			st = err_set(e, ST_DATA, "no scorecard in force covers the %s segment",
				     q->v->segment ? q->v->segment : "?");
		else
			st = load_rest(s, q, e);
	}
	store_read_end(s);
	if (st)
		goto fail;
	count_touchpoints(q);
	*out = q;
	return ST_OK;
fail:
	qbr_free(q);
	return st;
}

void
qbr_free(struct qbr *q)
{
	if (!q)
		return;
	for (int i = 0; i < q->nopps; i++) {
		free(q->opps[i].title);
		free(q->opps[i].kind);
		free(q->opps[i].stage);
		free(q->opps[i].expected_close);
	}
	free(q->opps);
	if (q->v)
		account_view_free(q->v);
	free(q->hv);
	plan_free(q->plan);
	free(q);
}

/* -- Markdown ------------------------------------------------------------------------ */

static const char *
money(int64_t cents, char *out)
{
	return money_format_grouped(cents, cents % 100 == 0, out);
}

static void
summary(const struct qbr *q, struct buf *b)
{
	const struct account_view *v = q->v;
	char m0[48], m1[48], d0[DATE_STRLEN], d1[DATE_STRLEN];

	buf_adds(b, "# Business review: ");
	md_inline(b, v->name);
	buf_adds(b, " (");
	md_inline(b, v->external_id);
	buf_addf(b, ")\n\nPeriod: %s to %s (%d days). Prepared", date_format(q->t0, d0),
		 date_format(q->today, d1), q->days);
	if (q->author[0]) {
		buf_adds(b, " by ");
		md_inline(b, q->author);
	}
	buf_addf(b, " on %s.\n\n## Account summary\n\n- Owner: ", d1);
	md_inline(b, v->owner ? v->owner : "pooled");
	buf_adds(b, "; segment ");
	md_inline(b, v->segment);
	buf_adds(b, "; stage ");
	md_inline(b, v->stage);
	if (v->stage_since)
		buf_addf(b, " since %s", v->stage_since);
	buf_addf(b, "\n- ARR: %s ", money(q->arr1, m1));
	md_inline(b, v->currency);
	buf_addf(b, " (%s at the start of the period", money(q->arr0, m0));
	if (q->arr0 > 0)
		buf_addf(b, ", NRR %.1f%%", (double)q->arr1 * 100.0 / (double)q->arr0);
	buf_adds(b, ")\n");
	if (v->next_renewal)
		buf_addf(b, "- Next renewal: %s (in %lld days)\n", v->next_renewal,
			 (long long)v->next_renewal_days);
	buf_addf(b, "- Touchpoints in the period: %d, of which business reviews: %d\n",
		 q->touchpoints, q->reviews);
	for (int i = 0; i < v->ncontacts; i++) {
		const struct av_contact *c = &v->contacts[i];

		if (!c->roles || strcmp(c->status ? c->status : "", "active") ||
		    (!strstr(c->roles, "executive_sponsor") && !strstr(c->roles, "champion")))
			continue;
		buf_adds(b, "- ");
		md_inline(b, c->name);
		if (c->title) {
			buf_adds(b, ", ");
			md_inline(b, c->title);
		}
		buf_adds(b, ": ");
		/* "economic_buyer;executive_sponsor" as "economic buyer, executive sponsor" */
		for (const char *r = c->roles; *r; r++)
			if (*r == ';')
				buf_adds(b, ", ");
			else
				buf_addc(b, *r == '_' ? ' ' : *r);
		buf_addc(b, '\n');
	}
}

static void
health(const struct qbr *q, struct buf *b)
{
	const struct health_view *hv = q->hv;
	const struct score_result *r = &hv->res;
	const struct scorecard *sc = hv->sc;
	const struct hv_point *then = health_view_at(hv, q->t0);
	char v[64], d[DATE_STRLEN];

	buf_adds(b, "\n## Health\n\n");
	if (r->known)
		buf_addf(b, "- Overall: %.3f of %d (%.0f%% of full score), %s", r->score, sc->scale,
			 floor(r->percent + 1e-9), r->band);
	else
		buf_adds(b, "- Overall: unknown (no measure has data)");
	if (hv->have_override) {
		buf_adds(b, "; overridden to ");
		md_inline(b, hv->ov_band);
		buf_adds(b, " (");
		md_inline(b, hv->ov_reason);
		buf_adds(b, ")");
	}
	buf_addc(b, '\n');
	/* The score the period started with: the last on or before its
	 * first day, else the first within it. */
	for (int i = 0; !then && i < hv->npoints; i++)
		if (hv->points[i].known && hv->points[i].day >= q->t0 && hv->points[i].day <= q->today)
			then = &hv->points[i];
	if (then && r->known)
		buf_addf(b, "- At the start of the period: %.3f (%s) on %s, %+.3f since\n",
			 then->score, then->band, date_format(then->day, d), r->score - then->score);
	else
		buf_adds(b, "- At the start of the period: no score recorded\n");
	if (r->outcomes_known)
		buf_addf(b, "- Outcomes %.3f %s", r->outcomes, r->outcomes_band);
	if (r->experience_known)
		buf_addf(b, "%sexperience %.3f %s", r->outcomes_known ? "; " : "- Experience ",
			 r->experience, r->experience_band);
	if (r->outcomes_known || r->experience_known)
		buf_addc(b, '\n');
	if (r->false_positive)
		buf_adds(b, "- **False-positive healthy**: good experience, poor outcomes\n");
	buf_adds(b, "\nBy measure (rating now, and at the start of the period):\n\n");
	for (int i = 0; i < sc->nmeasures; i++) {
		const struct sc_measure *m = &sc->measures[i];
		const struct measure_result *mr = &r->m[i];

		buf_adds(b, "- ");
		md_inline(b, m->name);
		buf_adds(b, ": ");
		if (m->fact >= 0)
			md_inline(b, fact_text(&fact_defs[m->fact], &hv->facts.v[m->fact], v, sizeof(v)));
		if (mr->rated)
			buf_addf(b, ", rating %d, %.3f points", mr->rating, health_points(sc, r, i));
		else
			buf_adds(b, ", not rated");
		if (q->then[i].found)
			buf_addf(b, "; was %d on %s", q->then[i].rating, q->then[i].date);
		buf_addc(b, '\n');
	}
}

static void
value_realised(const struct qbr *q, struct buf *b)
{
	int n = 0;

	buf_adds(b, "\n## Value realised\n\n");
	for (int i = 0; q->plan && i < q->plan->nobjectives; i++) {
		const struct plan_objective *o = &q->plan->objectives[i];

		for (int k = 0; k < o->nkpis; k++) {
			const struct plan_kpi *kp = &o->kpis[k];
			double progress;

			buf_adds(b, "- ");
			md_inline(b, kp->name);
			buf_adds(b, " (");
			md_inline(b, o->title);
			buf_adds(b, "): ");
			if (kp->has_current)
				plan_number(b, kp->current);
			else
				buf_adds(b, "not measured");
			buf_adds(b, " against a baseline of ");
			kp->has_baseline ? plan_number(b, kp->baseline) : buf_adds(b, "none");
			buf_adds(b, " and a target of ");
			kp->has_target ? plan_number(b, kp->target) : buf_adds(b, "none");
			if (kp->unit) {
				buf_addc(b, ' ');
				md_inline(b, kp->unit);
			}
			if (kp->target_date)
				buf_addf(b, " by %s", kp->target_date);
			if (plan_kpi_progress(kp, &progress))
				buf_addf(b, ": %d%% of the way", (int)floor(progress * 100 + 1e-9));
			if (plan_kpi_off_track(q->plan, kp, q->today))
				buf_adds(b, ", **off track**");
			buf_addc(b, '\n');
			n++;
		}
	}
	if (!n)
		buf_adds(b, "No KPIs recorded in a success plan yet.\n");
}

static void
plan_progress(const struct qbr *q, struct buf *b)
{
	const struct plan *p = q->plan;
	int done, all;

	buf_adds(b, "\n## Success-plan progress\n\n");
	if (!p) {
		buf_adds(b, "No success plan yet.\n\n## Adoption barriers and mitigations\n\n"
			 "None written: there is no success plan.\n");
		return;
	}
	plan_milestone_counts(p, &done, &all);
	buf_addf(b, "Plan #%lld, %s", (long long)p->id, p->status);
	if (p->signed_by) {
		buf_adds(b, ", signed by ");
		md_inline(b, p->signed_by);
		buf_addf(b, " on %s", p->signed_date ? p->signed_date : "?");
	}
	buf_addf(b, "; %d objectives, milestones %d of %d done.\n", p->nobjectives, done, all);
	plan_objectives_md(p, q->today, b);
	buf_adds(b, "\n## Adoption barriers and mitigations\n\n");
	if (p->section[PLAN_SECTION_RISKS] && *p->section[PLAN_SECTION_RISKS])
		md_block(b, p->section[PLAN_SECTION_RISKS]);
	else
		buf_adds(b, "None written in the plan.\n");
}

static void
risks(const struct qbr *q, struct buf *b)
{
	buf_adds(b, "\n## Open risks\n\n");
	for (int i = 0; i < q->v->nrisks; i++) {
		const struct av_risk *r = &q->v->risks[i];

		buf_adds(b, "- ");
		md_inline(b, r->category);
		buf_adds(b, " (");
		md_inline(b, r->severity);
		buf_adds(b, ", ");
		md_inline(b, r->status);
		buf_addf(b, " since %s): ", r->opened_on ? r->opened_on : "?");
		md_inline(b, r->description ? r->description : "");
		if (r->mitigation) {
			buf_adds(b, "; mitigation: ");
			md_inline(b, r->mitigation);
		}
		buf_addc(b, '\n');
	}
	if (!q->v->nrisks)
		buf_adds(b, "None.\n");
}

static void
renewals(const struct qbr *q, struct buf *b)
{
	char m[48];
	int n = 0;

	buf_adds(b, "\n## Renewals and expansion\n\n");
	for (int i = 0; i < q->v->nrenewals; i++) {
		const struct av_renewal *r = &q->v->renewals[i];

		if (r->closed_date)
			continue;
		buf_addf(b, "- Renewal due %s (in %lld days): %s ARR", r->due_date, (long long)r->days,
			 money(r->target_cents > 0 ? r->target_cents : 0, m));
		buf_adds(b, ", forecast ");
		md_inline(b, r->forecast_category);
		buf_adds(b, ", ");
		md_inline(b, r->stage);
		buf_addc(b, '\n');
		n++;
	}
	for (int i = 0; i < q->nopps; i++) {
		const struct qbr_opportunity *o = &q->opps[i];

		buf_adds(b, "- Expansion: ");
		md_inline(b, o->title);
		buf_adds(b, " (");
		md_inline(b, o->kind);
		buf_addf(b, ", %s ARR, ", money(o->arr_cents, m));
		md_inline(b, o->stage);
		if (o->expected_close)
			buf_addf(b, ", expected %s", o->expected_close);
		buf_adds(b, ")\n");
		n++;
	}
	if (!n)
		buf_adds(b, "No open renewal or expansion opportunity.\n");
}

static void
agenda(struct buf *b)
{
	buf_adds(b,
		 "\n## Agenda\n\n"
		 "1. Health-score review for the period\n"
		 "2. Adoption activities since the last review\n"
		 "3. Value realised against the plan\n"
		 "4. Adoption barriers and their mitigation\n"
		 "5. Roadmap and expansion\n"
		 "6. Upcoming renewals\n"
		 "\nAs an executive business review: the executives for the first 30 minutes "
		 "(one or two topics), one to two hours with the working team, 20 to 30 minutes "
		 "on next steps, and the follow-up sent the same day.\n");
}

void
qbr_md_summary(const struct qbr *q, struct buf *out)
{
	summary(q, out);
}

void
qbr_md_rest(const struct qbr *q, struct buf *out)
{
	health(q, out);
	value_realised(q, out);
	plan_progress(q, out);
	risks(q, out);
	renewals(q, out);
	agenda(out);
}

void
qbr_markdown(const struct qbr *q, struct buf *out)
{
	qbr_md_summary(q, out);
	qbr_md_rest(q, out);
}
