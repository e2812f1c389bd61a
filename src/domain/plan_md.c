/*
 * plan_md.c -- a success plan as Markdown (`tend plan export`, and the
 * plan part of the QBR pack): its header, the seven sections, the
 * objective tree with progress, overdue milestones and KPIs off track
 * marked in words, and the sign-off.  Every text from the book goes
 * through core/md.h, so none of it becomes markup.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/date.h"
#include "core/md.h"
#include "domain/plan.h"
#include "domain/plan_md.h"

static void
add_num(struct buf *out, double v)
{
	plan_number(out, v);
}

static void
header(const struct plan *p, int32_t today, struct buf *out)
{
	int done, all;
	int64_t days;
	const char *last = plan_last_validated(p, today, &days);

	buf_adds(out, "# Success plan: ");
	md_inline(out, p->account);
	buf_adds(out, " (");
	md_inline(out, p->external_id);
	buf_adds(out, ")\n\n- Status: ");
	md_inline(out, p->status);
	if (p->signed_by) {
		bool signed_now = !strcmp(p->status, "signed");

		buf_adds(out, signed_now ? " by " : " (signed by ");
		md_inline(out, p->signed_by);
		if (p->signed_date)
			buf_addf(out, " on %s", p->signed_date);
		if (!signed_now)
			buf_addc(out, ')');
	}
	buf_addf(out, "\n- Started: %s", p->start_date);
	if (p->template) {
		buf_adds(out, " (template ");
		md_inline(out, p->template);
		buf_adds(out, ")");
	}
	buf_addf(out, "\n- Last validated: %s", last);
	if (days > PLAN_UNVALIDATED_DAYS)
		buf_addf(out, ", %lld days ago: **validate it with the customer**", (long long)days);
	plan_milestone_counts(p, &done, &all);
	buf_addf(out, "\n- Objectives: %d; milestones done: %d of %d\n", p->nobjectives, done, all);
}

static void
sections(const struct plan *p, struct buf *out)
{
	for (int i = 0; i < PLAN_NSECTIONS; i++) {
		buf_addf(out, "\n## %d. %s\n\n", i + 1, plan_section_titles[i]);
		if (p->section[i] && *p->section[i])
			md_block(out, p->section[i]);
		else
			buf_adds(out, "*(empty)*\n");
	}
}

static void
milestone(const struct plan_milestone *m, int32_t today, struct buf *out)
{
	bool done = m->status && !strcmp(m->status, "done");

	buf_addf(out, "- [%c] ", done ? 'x' : ' ');
	md_inline(out, m->title);
	buf_adds(out, ": ");
	md_inline(out, m->status);
	if (m->owner) {
		buf_adds(out, ", owner ");
		md_inline(out, m->owner);
	}
	if (m->due_date)
		buf_addf(out, ", due %s", m->due_date);
	if (done && m->done_on)
		buf_addf(out, ", done on %s", m->done_on);
	if (plan_milestone_overdue(m, today))
		buf_adds(out, ", **overdue**");
	if (m->status && !strcmp(m->status, "missed"))
		buf_adds(out, ", **missed**");
	buf_addc(out, '\n');
}

static void
kpi(const struct plan *p, const struct plan_kpi *k, int32_t today, struct buf *out)
{
	double progress;

	buf_adds(out, "- ");
	md_inline(out, k->name);
	buf_adds(out, ": baseline ");
	if (k->has_baseline)
		add_num(out, k->baseline);
	else
		buf_adds(out, "none");
	buf_adds(out, ", target ");
	if (k->has_target)
		add_num(out, k->target);
	else
		buf_adds(out, "none");
	if (k->unit) {
		buf_addc(out, ' ');
		md_inline(out, k->unit);
	}
	if (k->target_date)
		buf_addf(out, " by %s", k->target_date);
	buf_adds(out, ", current ");
	if (k->has_current)
		add_num(out, k->current);
	else
		buf_adds(out, "not measured");
	if (k->read_on)
		buf_addf(out, " (read %s)", k->read_on);
	if (plan_kpi_progress(k, &progress))
		buf_addf(out, "; %d%% of the way", (int)floor(progress * 100 + 1e-9));
	if (plan_kpi_off_track(p, k, today))
		buf_adds(out, ", **off track**");
	buf_addc(out, '\n');
}

static void
objective(const struct plan *p, int n, const struct plan_objective *o, int32_t today,
	  struct buf *out)
{
	double progress;

	buf_addf(out, "\n### Objective %d: ", n);
	md_inline(out, o->title);
	buf_adds(out, "\n\n- Type: ");
	md_inline(out, o->type);
	buf_adds(out, "; priority: ");
	md_inline(out, o->priority);
	if (o->beneficiary) {
		buf_adds(out, "\n- Beneficiary: ");
		md_inline(out, o->beneficiary);
	}
	buf_addf(out, "\n- Last validated: %s", o->last_validated ? o->last_validated : "never");
	if (o->achieved_on)
		buf_addf(out, "\n- Achieved on %s%s", o->achieved_on,
			 o->confirmed ? ", confirmed in writing by the customer" : "");
	buf_adds(out, "\n- Progress: ");
	if (plan_objective_progress(o, &progress)) {
		buf_addf(out, "%d%% ", (int)floor(progress * 100 + 1e-9));
		/* The bar's brackets and hashes are markup: escape them. */
		buf_adds(out, "`");
		plan_bar(out, progress, 10);
		buf_adds(out, "`");
	} else {
		buf_adds(out, "not measured yet");
	}
	buf_addc(out, '\n');
	if (o->nmilestones) {
		buf_adds(out, "\nMilestones:\n\n");
		for (int i = 0; i < o->nmilestones; i++)
			milestone(&o->milestones[i], today, out);
	}
	if (o->nkpis) {
		buf_adds(out, "\nKPIs:\n\n");
		for (int i = 0; i < o->nkpis; i++)
			kpi(p, &o->kpis[i], today, out);
	}
}

void
plan_objectives_md(const struct plan *p, int32_t today, struct buf *out)
{
	if (!p->nobjectives)
		buf_adds(out, "\nNo objectives yet.\n");
	for (int i = 0; i < p->nobjectives; i++)
		objective(p, i + 1, &p->objectives[i], today, out);
}

void
plan_markdown(const struct plan *p, int32_t today, struct buf *out)
{
	header(p, today, out);
	sections(p, out);
	buf_adds(out, "\n## Objectives\n");
	plan_objectives_md(p, today, out);
	buf_adds(out, "\n## Sign-off\n\n");
	if (p->signed_by) {
		buf_adds(out, "Signed for the customer by ");
		md_inline(out, p->signed_by);
		buf_addf(out, " on %s.\n", p->signed_date ? p->signed_date : "an unknown day");
	} else {
		buf_adds(out, "Not signed yet.\n");
	}
}
