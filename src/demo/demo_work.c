/*
 * demo_work.c -- the CSM's work on a demo account: risks (doc/model.md §6),
 * tasks with checklists, joint success plans (§9) and expansion
 * opportunities.
 *
 * These are written after the activity (demo_activity.c) because they are
 * the CSM's response to it: an open P1 becomes a support risk, a lapsed
 * sponsor an engagement risk, a champion who left an external one; tasks
 * follow the risks and the renewal calendar.  Status mixes are chosen so a
 * 600-account book shows every status of every entity.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "demo/demo_int.h"

static int32_t
later(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

static int32_t
earlier(int32_t a, int32_t b)
{
	return a < b ? a : b;
}

static const char *
date_or_null(int32_t day, char *buf)
{
	return day ? date_format(day, buf) : NULL;
}

static void
ref_or_null(struct row *r, const char *field, int64_t id)
{
	if (id)
		row_int(r, field, id);
	else
		row_null(r, field);
}

/* -- risks --------------------------------------------------------------------- */

static const char *const risk_desc[RC_COUNT_][2] = {
	[RC_DEPLOYMENT] = { "Licence use below a quarter of purchased seats.",
			    "Deployment review with the admin; rollout plan per team." },
	[RC_ENGAGEMENT] = { "No executive touch in over 90 days.",
			    "AM to reconnect with the sponsor; propose an EBR." },
	[RC_ADOPTION] = { "Active users down more than 25% against 90 days ago.",
			  "Adoption workshop and usage review with the champion." },
	[RC_VALUE] = { "Customer cannot point to ROI; objectives missed.",
		       "Rebuild the success plan with measurable KPIs." },
	[RC_SATISFACTION] = { "Detractors in the last NPS wave.",
			      "Call each detractor within a week; share a fix plan." },
	[RC_SUPPORT] = { "Open P1 and rising ticket volume.",
			 "Escalated to support leadership; daily updates to the customer." },
	[RC_SENTIMENT] = { "Stakeholders unresponsive to meeting requests.",
			   "Reach new contacts through the AM; send a value summary." },
	[RC_EXTERNAL] = { "Champion left the company.",
			  "Identify and onboard a new champion; meet the sponsor." },
	[RC_PRODUCT] = { "Missing SCIM provisioning blocks the rollout.",
			 "Product feedback filed; workaround documented." },
	[RC_RENEWAL] = { "Renewal forecast at risk; budget under review.",
			 "Early renewal call with finance; prepare options." },
};

static enum status
write_risk(struct demo_ctx *c, struct demo_acct *a, int cat, int sev, int status, int32_t opened,
	   int32_t closed)
{
	struct row *r = demo_row(c, DE_RISK);
	char o[DATE_STRLEN], cl[DATE_STRLEN];
	bool mitigated = status != RST_OPEN || rng_pm(&a->rng, 500);

	row_int(r, "account", a->id);
	row_text(r, "category", risk_category_names[cat]);
	row_text(r, "severity", priority_names[sev]);
	row_text(r, "status", risk_status_names[status]);
	row_text(r, "opened_on", date_format(opened, o));
	row_text(r, "closed_on", date_or_null(closed, cl));
	ref_or_null(r, "owner", a->author);
	row_text(r, "description", risk_desc[cat][0]);
	row_text(r, "mitigation", mitigated ? risk_desc[cat][1] : NULL);
	row_text(r, "source", "demo");
	a->nrisks_open += status != RST_CLOSED;
	return demo_put(c, r, NULL);
}

/* The categories the account's facts call for. */
static int
risk_candidates(struct demo_ctx *c, struct demo_acct *a, int *out)
{
	int n = 0;
	int fc = a->open_term >= 0 ? a->forecast : -1;

	if (a->open_p1)
		out[n++] = RC_SUPPORT;
	if (a->champion_left)
		out[n++] = RC_EXTERNAL;
	if (a->adoption_now && a->adoption_now <= 300)
		out[n++] = RC_DEPLOYMENT;
	if (a->exec_gap_from && a->exec_gap_from <= c->today - 90)
		out[n++] = RC_ENGAGEMENT;
	if (fc == FC_AT_RISK || fc == FC_LOST)
		out[n++] = RC_RENEWAL;
	if (a->ndetractors)
		out[n++] = RC_SATISFACTION;
	out[n++] = a->arch == A_AT_RISK ? RC_ADOPTION : RC_VALUE;
	out[n++] = rng_pm(&a->rng, 500) ? RC_SENTIMENT : RC_PRODUCT;
	return n;
}

enum status
demo_risks(struct demo_ctx *c, struct demo_acct *a)
{
	static const int quiet[] = { RC_PRODUCT, RC_SUPPORT, RC_SENTIMENT, RC_VALUE };
	struct rng *r = &a->rng;
	int cand[12], n, want;

	if (a->churned_on) {
		int32_t opened = later(a->churned_on - rng_range(r, 60, 200), a->life_start + 1);

		return write_risk(c, a, rng_pm(r, 500) ? RC_RENEWAL : RC_VALUE, PR_HIGH, RST_CLOSED,
				  opened, a->churned_on);
	}
	if (a->arch <= A_STEADY) {
		/* Healthy accounts had their scares too, long since closed. */
		int32_t opened = later(c->today - rng_range(r, 90, 600), a->life_start + 1);

		if (opened < c->today - 30 && rng_pm(r, 150) &&
		    write_risk(c, a, DEMO_PICK(r, quiet), PR_LOW + (int)rng_below(r, 2), RST_CLOSED,
			       opened, opened + rng_range(r, 7, 30)))
			return c->e->status;
		if (a->arch == A_STEADY && rng_pm(r, 60))
			return write_risk(c, a, DEMO_PICK(r, quiet), PR_LOW, RST_OPEN,
					  later(c->today - rng_range(r, 3, 40), a->life_start), 0);
		return ST_OK;
	}
	n = risk_candidates(c, a, cand);
	want = a->arch == A_AT_RISK ? rng_range(r, 2, 3) : rng_range(r, 0, 2);
	/* A random pick of the candidates (partial Fisher-Yates). */
	for (int i = 0; i < n && i < want; i++) {
		int j = i + (int)rng_below(r, (uint32_t)(n - i)), tmp = cand[i];

		cand[i] = cand[j];
		cand[j] = tmp;
	}
	for (int i = 0; i < n && i < want; i++) {
		int sev = a->arch == A_AT_RISK ? (rng_pm(r, 400) ? PR_CRITICAL : PR_HIGH) :
						 (rng_pm(r, 500) ? PR_HIGH : PR_MEDIUM);
		int32_t opened = later(c->today - rng_range(r, 5, 120), a->life_start);
		int status = rng_pm(r, 550) ? RST_OPEN : RST_MITIGATING;

		if (write_risk(c, a, cand[i], sev, status, opened, 0))
			return c->e->status;
	}
	return ST_OK;
}

/* -- tasks --------------------------------------------------------------------- */

static const char *const task_titles[TKD_COUNT_][3] = {
	[TKD_RISK] = { "Get-well plan: agree actions with the sponsor",
		       "Escalation: daily check-in until the P1 is closed",
		       "Review usage drop with the champion" },
	[TKD_EXPANSION] = { "Expansion lead: hand over to the AM (handshake #2)",
			    "Scope a pilot for the analytics add-on",
			    "Share seat-usage report ahead of the upsell talk" },
	[TKD_LIFECYCLE] = { "Kickoff with the executive sponsor",
			    "Onboarding: confirm first impact",
			    "Welcome call and admin training" },
	[TKD_RENEWAL] = { "Renewal T-90: hand over to the RM (handshake #3)",
			  "Renewal T-60: resolve objections and start pricing",
			  "Renewal T-120: validate usage, CSAT and open issues" },
	[TKD_CADENCE] = { "Schedule the QBR", "Send the monthly adoption report",
			  "Invite admins to the quarterly webinar" },
	[TKD_ACTIVITY] = { "Send notes from the last call", "Update the stakeholder map",
			   "Follow up on the open support case" },
};

static const char *const checklist[TKD_COUNT_][5] = {
	[TKD_EXPANSION] = { "Confirm the business need with the champion", "Size seats and modules",
			    "Brief the AM", "Joint call with the AM", "Log the opportunity" },
	[TKD_LIFECYCLE] = { "Welcome e-mail sent", "Kickoff booked with the sponsor",
			    "Admins trained", "Success plan drafted",
			    "First value milestone agreed" },
	[TKD_RENEWAL] = { "Validate usage and health", "Review open tickets and CSAT",
			  "Brief the RM", "Confirm decision makers", "Send renewal proposal" },
};

static int
task_priority(struct demo_acct *a, int kind)
{
	struct rng *r = &a->rng;

	switch (kind) {
	case TKD_RENEWAL:
		return a->forecast == FC_AT_RISK || a->forecast == FC_LOST ? PR_CRITICAL : PR_HIGH;
	case TKD_RISK:
		return a->arch == A_AT_RISK ? (rng_pm(r, 500) ? PR_CRITICAL : PR_HIGH) : PR_MEDIUM;
	case TKD_EXPANSION:
		return rng_pm(r, 500) ? PR_HIGH : PR_MEDIUM;
	case TKD_LIFECYCLE:
		return PR_MEDIUM;
	default:
		return rng_pm(r, 500) ? PR_LOW : PR_MEDIUM;
	}
}

/* What kind of task the account's situation calls for. */
static int
task_kind(struct demo_ctx *c, struct demo_acct *a)
{
	int kinds[8], n = 0;

	if (a->open_term >= 0 && a->terms[a->open_term].due - c->today <= 120)
		kinds[n++] = TKD_RENEWAL;
	if (a->arch >= A_SLIPPING || a->nrisks_open)
		kinds[n++] = TKD_RISK;
	if (a->arch == A_THRIVING)
		kinds[n++] = TKD_EXPANSION;
	if (c->today - a->life_start < 150)
		kinds[n++] = TKD_LIFECYCLE;
	kinds[n++] = TKD_CADENCE;
	kinds[n++] = TKD_ACTIVITY;
	return kinds[rng_below(&a->rng, (uint32_t)n)];
}

struct task_plan {
	int64_t account, owner;
	int kind, priority, status, escalation;
	int32_t due, created, done, snoozed;
	const char *title;
};

/* Dates and status: open work is due around today, closed work is past. */
static void
task_dates(struct demo_ctx *c, struct rng *r, struct task_plan *t, int32_t floor, int32_t end)
{
	int x = (int)rng_below(r, 100);

	t->done = t->snoozed = 0;
	if (end < c->today)
		x = x < 70 ? 45 : 90;   /* churned: only done or cancelled */
	if (x < 45) {
		t->status = TASK_STATUS_OPEN;
		t->due = c->today + rng_range(r, -14, 30);
	} else if (x < 75) {
		t->status = TASK_STATUS_DONE;
		t->due = later(earlier(c->today, end) - rng_range(r, 1, 150), floor);
		t->done = earlier(t->due + rng_range(r, -5, 5), c->today);
	} else if (x < 83) {
		t->status = TASK_STATUS_CANCELLED;
		t->due = later(earlier(c->today, end) - rng_range(r, 1, 120), floor);
	} else {
		t->status = TASK_STATUS_SNOOZED;
		t->due = c->today + rng_range(r, -7, 10);
		t->snoozed = c->today + rng_range(r, 3, 21);
	}
	t->created = earlier(later(t->due - rng_range(r, 7, 40), floor), c->today);
	if (t->done && t->done < t->created)
		t->done = t->created;
}

static enum status
write_task(struct demo_ctx *c, struct rng *r, const struct task_plan *t)
{
	static const char *const notes[] = {
		"Customer asked to move this after their fiscal year end.",
		"Waiting on the customer's IT team.", NULL, NULL, NULL, NULL,
	};
	struct row *row = demo_row(c, DE_TASK);
	char due[DATE_STRLEN], sn[DATE_STRLEN], cr[DATE_STRLEN], dn[DATE_STRLEN];
	const char *const *items = t->kind >= 0 ? checklist[t->kind] : NULL;
	int64_t id;
	int ticked;

	ref_or_null(row, "account", t->account);
	row_text(row, "title", t->title);
	row_text(row, "kind", task_kind_names[t->kind >= 0 ? t->kind : TKD_ACTIVITY]);
	row_text(row, "priority", priority_names[t->priority]);
	ref_or_null(row, "owner", t->owner);
	row_text(row, "due_date", date_format(t->due, due));
	row_text(row, "status", task_status_names[t->status]);
	row_text(row, "snoozed_until", date_or_null(t->snoozed, sn));
	row_text(row, "source", "demo");
	row_int(row, "escalation_level", t->escalation);
	row_text(row, "created_on", date_format(t->created, cr));
	row_text(row, "done_on", date_or_null(t->done, dn));
	row_text(row, "notes", DEMO_PICK(r, notes));
	if (demo_put(c, row, &id))
		return c->e->status;
	/* Handshake and onboarding tasks carry their checklist (doc/model.md §9). */
	if (!items || !items[0] || !rng_pm(r, 600))
		return ST_OK;
	ticked = t->status == TASK_STATUS_DONE ? 5 : rng_range(r, 0, 3);
	for (int i = 0; i < 5; i++) {
		struct row *it = demo_row(c, DE_TASK_ITEM);

		row_int(it, "task", id);
		row_int(it, "position", i + 1);
		row_text(it, "text", items[i]);
		row_int(it, "done", i < ticked);
		if (demo_put(c, it, NULL))
			return c->e->status;
	}
	return ST_OK;
}

enum status
demo_tasks(struct demo_ctx *c, struct demo_acct *a)
{
	static const int count[A_COUNT][2] = { { 0, 2 }, { 0, 2 }, { 1, 3 }, { 2, 4 }, { 0, 1 } };
	struct rng *r = &a->rng;
	int n = rng_range(r, count[a->arch][0], count[a->arch][1]);
	int32_t end = a->churned_on ? a->churned_on : c->today;

	if (!a->owner && n > 1)
		n = 1;
	for (int i = 0; i < n; i++) {
		struct task_plan t = { .account = a->id, .owner = a->author };

		t.kind = task_kind(c, a);
		t.title = task_titles[t.kind][rng_below(r, 3)];
		t.priority = task_priority(a, t.kind);
		if ((t.kind == TKD_RISK || t.kind == TKD_RENEWAL) && a->arch == A_AT_RISK) {
			int x = (int)rng_below(r, 100);

			t.escalation = x < 50 ? 0 : x < 85 ? 1 : x < 97 ? 2 : 3;
		}
		task_dates(c, r, &t, a->life_start, end);
		if (write_task(c, r, &t))
			return c->e->status;
	}
	return ST_OK;
}

enum status
demo_internal_tasks(struct demo_ctx *c, int64_t csm, struct rng *r)
{
	static const char *const titles[] = {
		"Prepare the monthly book review for the lead", "Update renewal forecasts",
		"Finish the product certification course", "Clean up stale contacts in the CRM",
		"Draft the segment playbook improvements",
	};
	int n = rng_range(r, 1, 3);

	for (int i = 0; i < n; i++) {
		struct task_plan t = { .owner = csm, .kind = -1, .priority = PR_MEDIUM };

		t.title = DEMO_PICK(r, titles);
		task_dates(c, r, &t, c->hist_start, c->today);
		if (write_task(c, r, &t))
			return c->e->status;
	}
	return ST_OK;
}

/* -- success plans ------------------------------------------------------------- */

static const struct {
	const char *title;
	int type;             /* OT_* */
	const char *kpi, *unit;
	int baseline, target;
} objectives[] = {
	{ "Roll out to every regional team", OT_QUANTITATIVE,
	  "Weekly active users", "users", 120, 400 },
	{ "Cut monthly reporting time", OT_QUANTITATIVE, "Report turnaround", "hours", 48, 8 },
	{ "Activate purchased licences", OT_QUANTITATIVE, "Licence activation", "%", 35, 85 },
	{ "Reduce support load through self-service", OT_QUANTITATIVE,
	  "Tickets per month", "tickets", 40, 15 },
	{ "Onboard new teams faster", OT_QUANTITATIVE, "Time to onboard a team", "days", 30, 10 },
	{ "Retire the legacy spreadsheet process", OT_QUANTITATIVE,
	  "Manual hours saved", "hours/month", 0, 120 },
	{ "Executive visibility into operations", OT_QUALITATIVE, NULL, NULL, 0, 0 },
	{ "Build an internal champions network", OT_QUALITATIVE, NULL, NULL, 0, 0 },
	{ "Standardise processes across subsidiaries", OT_QUALITATIVE, NULL, NULL, 0, 0 },
};
static const char *const milestone_titles[] = {
	"Pilot team live", "Admins certified", "SSO and provisioning configured",
	"Second region onboarded", "Executive dashboard adopted", "Legacy reports switched off",
	"Train-the-trainer sessions held", "Value review signed off by sponsor",
};

static int
plan_status(struct demo_ctx *c, struct demo_acct *a)
{
	int32_t age = c->today - a->life_start;
	int x = (int)rng_below(&a->rng, 1000);

	if (age < 45)
		return PS_DRAFT;
	if (age < 100)
		return PS_SHARED;
	/* Older customers: mostly active plans, some just renewed or done. */
	return x < 50 ? PS_DRAFT : x < 120 ? PS_SHARED : x < 270 ? PS_SIGNED :
	       x < 850 ? PS_ACTIVE : PS_DONE;
}

static int
milestone_status(struct demo_ctx *c, struct demo_acct *a, int plan, int32_t due)
{
	static const int kept[A_COUNT] = { 900, 750, 550, 400, 400 };
	struct rng *r = &a->rng;

	if (plan == PS_DRAFT || plan == PS_SHARED)
		return MS_NOT_STARTED;
	if (plan == PS_DONE)
		return rng_pm(r, 900) ? MS_DONE : MS_MISSED;
	if (due < c->today)
		return rng_pm(r, kept[a->arch]) ? MS_DONE : MS_MISSED;
	if (due - c->today > 60 && rng_pm(r, 500))
		return MS_NOT_STARTED;
	return rng_pm(r, a->arch <= A_STEADY ? 800 : 350) ? MS_ON_TRACK : MS_AT_RISK;
}

struct ms_plan {
	int32_t due, done;
	int status;
	const char *title, *owner;
};

/* Milestones of one objective, planned before anything is written: the
 * objective is achieved (on the last one's day) when all are done. */
static int
plan_milestones(struct demo_ctx *c, struct demo_acct *a, int plan, int32_t start,
		struct ms_plan *ms, int32_t *achieved)
{
	struct rng *r = &a->rng;
	int n = rng_range(r, 1, 3);
	bool all = true;

	*achieved = 0;
	for (int j = 0; j < n; j++) {
		ms[j].due = start + (j + 1) * 360 / (n + 1) + rng_range(r, -10, 10);
		ms[j].status = milestone_status(c, a, plan, ms[j].due);
		ms[j].done = 0;
		if (ms[j].status == MS_DONE) {
			int32_t done = ms[j].due - rng_range(r, 0, 15);

			ms[j].done = later(earlier(done, c->today), start);
			*achieved = later(*achieved, ms[j].done);
		}
		all = all && ms[j].status == MS_DONE;
		ms[j].title = DEMO_PICK(r, milestone_titles);
		ms[j].owner = rng_pm(r, 500) ? "Customer" : "CSM";
	}
	if (!all)
		*achieved = 0;
	return n;
}

static enum status
write_milestone(struct demo_ctx *c, int64_t obj, const struct ms_plan *m)
{
	struct row *row = demo_row(c, DE_MILESTONE);
	char d[DATE_STRLEN], dn[DATE_STRLEN];

	row_int(row, "objective", obj);
	row_text(row, "title", m->title);
	row_text(row, "owner", m->owner);
	row_text(row, "due_date", date_format(m->due, d));
	row_text(row, "status", milestone_status_names[m->status]);
	row_text(row, "done_on", date_or_null(m->done, dn));
	return demo_put(c, row, NULL);
}

static enum status
kpi(struct demo_ctx *c, struct demo_acct *a, int64_t obj, int o, int plan, int32_t start)
{
	static const int progress[A_COUNT] = { 850, 600, 350, 150, 100 };
	struct row *row = demo_row(c, DE_KPI);
	int base = objectives[o].baseline, target = objectives[o].target;
	int p = plan == PS_DRAFT || plan == PS_SHARED ? 0 :
		plan == PS_DONE ? 1000 : progress[a->arch];
	char d[DATE_STRLEN];

	row_int(row, "objective", obj);
	row_text(row, "name", objectives[o].kpi);
	row_real(row, "baseline", base);
	row_real(row, "target", target);
	row_real(row, "current", base + (target - base) * p / 1000);
	row_text(row, "unit", objectives[o].unit);
	row_text(row, "target_date", date_format(start + 365, d));
	return demo_put(c, row, NULL);
}

static enum status
objective(struct demo_ctx *c, struct demo_acct *a, int64_t plan_id, int plan, int32_t start, int o)
{
	struct row *row = demo_row(c, DE_OBJECTIVE);
	struct rng *r = &a->rng;
	const struct demo_contact *who = demo_contact_on(a, rng_pm(r, 500) ? CRL_CHAMPION :
							 CRL_EXECUTIVE_SPONSOR, c->today - 1);
	int32_t validated = plan >= PS_SIGNED ? later(c->today - rng_range(r, 5, 200), start) : 0;
	struct ms_plan ms[3];
	int32_t achieved;
	int n = plan_milestones(c, a, plan, start, ms, &achieved);
	char v[DATE_STRLEN], ach[DATE_STRLEN];
	int64_t id;

	row_int(row, "plan", plan_id);
	row_text(row, "title", objectives[o].title);
	row_text(row, "type", objective_type_names[objectives[o].type]);
	row_text(row, "priority", objective_priority_names[rng_below(r, OP_COUNT_)]);
	ref_or_null(row, "beneficiary", who ? who->id : 0);
	row_text(row, "last_validated", date_or_null(validated, v));
	row_text(row, "achieved_on", date_or_null(achieved, ach));
	/* Achievement counts once the customer confirms it in writing [001]. */
	row_int(row, "confirmed_in_writing", achieved && rng_pm(r, 700));
	if (demo_put(c, row, &id))
		return c->e->status;
	for (int j = 0; j < n; j++)
		if (write_milestone(c, id, &ms[j]))
			return c->e->status;
	if (objectives[o].kpi && kpi(c, a, id, o, plan, start))
		return c->e->status;
	return ST_OK;
}

static const char *const plan_text[7][2] = {
	{ "Make reporting self-service for every regional team within a year.",
	  "Replace manual consolidation with one shared operational view." },
	{ "Activate purchased seats and make advanced reporting part of the monthly close.",
	  "Every team uses dashboards in its weekly meeting." },
	{ "Admin training, pilot group, then region-by-region rollout.",
	  "Train-the-trainer programme and office hours every fortnight." },
	{ "Budget approved for the current term; expansion reviewed at renewal.",
	  "Phase one this quarter, phase two after the fiscal year end." },
	{ "Monthly usage report; quarterly business review with the sponsor.",
	  "KPI dashboard reviewed in every QBR." },
	{ "Staff resistance: early communication and a change champion.",
	  "Skills gap: training and a pilot group before rollout." },
	{ "People: sponsor, champion, admins. Third parties: the implementation partner.",
	  "Methods: pilot, train-the-trainer, monthly health review." },
};
static const char *const plan_fields[7] = {
	"executive_summary", "adoption_objectives", "adoption_activities", "finances_timescales",
	"measurement_reporting", "key_risks", "appendices",
};

static int32_t
plan_start(struct demo_ctx *c, struct demo_acct *a, int status)
{
	static const int ago[PS_COUNT_][2] = { [PS_DRAFT] = { 3, 30 }, [PS_SHARED] = { 10, 45 },
		[PS_SIGNED] = { 20, 75 }, [PS_ACTIVE] = { 75, 400 }, [PS_DONE] = { 400, 700 } };

	return later(c->today - rng_range(&a->rng, ago[status][0], ago[status][1]), a->life_start);
}

/* Most enterprise and mid-market customers have a joint success plan. */
enum status
demo_plans(struct demo_ctx *c, struct demo_acct *a)
{
	struct rng *r = &a->rng;
	struct row *row;
	int status, n;
	int32_t start, signed_on = 0;
	const struct demo_contact *sig = NULL;
	char s_s[DATE_STRLEN], g_s[DATE_STRLEN];
	int64_t id;
	bool fresh = rng_pm(r, 500);

	if (a->churned_on || a->seg == SEGMENT_SMB ||
	    !rng_pm(r, a->seg == SEGMENT_ENTERPRISE ? 900 : 600))
		return ST_OK;
	status = plan_status(c, a);
	start = plan_start(c, a, status);
	if (status >= PS_SIGNED) {
		signed_on = earlier(start + rng_range(r, 7, 20), c->today);
		sig = demo_contact_on(a, CRL_EXECUTIVE_SPONSOR, signed_on);
	}
	row = demo_row(c, DE_PLAN);
	row_int(row, "account", a->id);
	row_text(row, "status", plan_status_names[status]);
	row_text(row, "start_date", date_format(start, s_s));
	ref_or_null(row, "signed_by", sig ? sig->id : 0);
	row_text(row, "signed_date", date_or_null(signed_on, g_s));
	for (int i = 0; i < 7; i++)
		row_text(row, plan_fields[i],
			 i < 2 || status != PS_DRAFT ? plan_text[i][fresh] : NULL);
	if (demo_put(c, row, &id))
		return c->e->status;
	if (a->seg == SEGMENT_ENTERPRISE)
		n = rng_range(r, 2, 4);
	else
		n = rng_range(r, 1, 3);
	for (int i = 0, o = (int)rng_below(r, 9); i < n; i++, o = (o + 4) % 9)
		if (objective(c, a, id, status, start, o))
			return c->e->status;
	return ST_OK;
}

/* -- opportunities ------------------------------------------------------------- */

enum status
demo_opportunities(struct demo_ctx *c, struct demo_acct *a)
{
	static const int chance[A_COUNT] = { 450, 150, 50, 0, 0 };
	static const char *const titles[OK_COUNT_] = {
		[OK_UPSELL] = "Additional seats for the next rollout wave",
		[OK_CROSS_SELL] = "Analytics add-on",
		[OK_WHITESPACE] = "New division not yet on the platform",
		[OK_REFERRAL] = "Referral to a partner company",
	};
	static const int forecast[OS_COUNT_] = { [OS_QUALIFY] = OF_PIPELINE,
		[OS_PROPOSE] = OF_BEST_CASE, [OS_COMMIT] = OF_COMMIT, [OS_WON] = OF_CLOSED,
		[OS_LOST] = OF_CLOSED };
	struct rng *r = &a->rng;
	int n;

	if (a->churned_on || !rng_pm(r, chance[a->arch]))
		return ST_OK;
	n = a->arch == A_THRIVING && rng_pm(r, 250) ? 2 : 1;
	for (int i = 0; i < n; i++) {
		struct row *row = demo_row(c, DE_OPPORTUNITY);
		int x = (int)rng_below(r, 100), y = (int)rng_below(r, 100);
		int kind = x < 50 ? OK_UPSELL : x < 75 ? OK_CROSS_SELL :
			   x < 90 ? OK_WHITESPACE : OK_REFERRAL;
		int stage = y < 30 ? OS_QUALIFY : y < 55 ? OS_PROPOSE : y < 70 ? OS_COMMIT :
			    y < 90 ? OS_WON : OS_LOST;
		int hs = stage == OS_QUALIFY ? (rng_pm(r, 500) ? HS_PROPOSED : HS_NONE) :
			 stage == OS_LOST && rng_pm(r, 300) ? HS_REJECTED : HS_ACCEPTED;
		int32_t created = later(c->today - rng_range(r, 10, 240), a->life_start);
		int32_t closed = 0;
		int64_t arr = (a->arr_now * rng_range(r, 10, 40) / 100 + 5000) / 10000 * 10000;
		char cr[DATE_STRLEN], cl[DATE_STRLEN];

		if (stage >= OS_WON)
			closed = earlier(created + rng_range(r, 20, 120), c->today);

		row_int(row, "account", a->id);
		row_text(row, "title", titles[kind]);
		row_text(row, "kind", opp_kind_names[kind]);
		row_int(row, "arr", arr);
		row_text(row, "stage", opp_stage_names[stage]);
		row_text(row, "forecast_category", opp_forecast_names[forecast[stage]]);
		row_text(row, "am", a->am);
		ref_or_null(row, "sourced_by", a->owner);
		row_text(row, "handshake_status", handshake_names[hs]);
		row_text(row, "created_on", date_format(created, cr));
		row_text(row, "closed_on", date_or_null(closed, cl));
		if (demo_put(c, row, NULL))
			return c->e->status;
	}
	return ST_OK;
}
