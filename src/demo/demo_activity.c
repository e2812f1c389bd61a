/*
 * demo_activity.c -- what happens on a demo account over the two years of
 * history: weekly product usage, support tickets with their CSAT, NPS
 * waves, touchpoints on the segment's cadence (doc/model.md §7), and advocacy.
 *
 * Everything follows the account's archetype (demo_int.h) so the health
 * measures of doc/model.md §3 come out as the archetype says: a thriving
 * account uses most of its seats, rates 9-10 and meets its sponsor; an at-
 * risk one drops in usage over the last months, opens P1s, rates low and
 * may have had no executive touch for three months.  Usage is the bulk of
 * the book (104 rows per account), so its loop does the least work.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "demo/demo_int.h"

/* -- usage --------------------------------------------------------------------- */

/* Licence use over time: `then` two years ago, `now` today, moving linearly
 * over the last `turn` weeks before the end of the account's life. */
struct curve {
	int then, now, turn, engagement;
};

static void
draw_curve(struct rng *r, enum arch arch, struct curve *cv)
{
	switch (arch) {
	case A_THRIVING:
		*cv = (struct curve){ rng_range(r, 600, 700), rng_range(r, 850, 950), 104, 780 };
		break;
	case A_STEADY: {
		int then = rng_range(r, 600, 780);

		*cv = (struct curve){ then, then + rng_range(r, -50, 50), 52, 680 };
		break;
	}
	case A_SLIPPING:
		*cv = (struct curve){ rng_range(r, 650, 760), rng_range(r, 430, 560), 30, 600 };
		break;
	case A_AT_RISK:
		*cv = (struct curve){ rng_range(r, 600, 700), rng_range(r, 150, 330), 16, 480 };
		break;
	default:
		*cv = (struct curve){ rng_range(r, 500, 650), rng_range(r, 150, 300), 20, 500 };
		break;
	}
}

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Licence use in permille on day, before noise. */
static int
adoption_on(const struct curve *cv, int32_t day, int32_t life_start, int32_t end)
{
	int to_end = (end - day) / 7, since = (day - life_start) / 7, v;

	v = to_end >= cv->turn ? cv->then : cv->now + (cv->then - cv->now) * to_end / cv->turn;
	/* New customers ramp up over their first twelve weeks. */
	if (since < 12)
		v = v * (100 + 75 * (since < 0 ? 0 : since)) / 1000;
	return v;
}

static enum status
usage_week(struct demo_ctx *c, struct demo_acct *a, const struct curve *cv, int32_t monday,
	   int64_t arr, int32_t life_start, int32_t end)
{
	/* Features entitled by segment: basic, advanced. */
	static const int basic[] = { [SEGMENT_ENTERPRISE] = 30, [SEGMENT_MID_MARKET] = 20,
		[SEGMENT_SMB] = 12 };
	static const int adv[] = { [SEGMENT_ENTERPRISE] = 15, [SEGMENT_MID_MARKET] = 10,
		[SEGMENT_SMB] = 5 };
	struct row *r = demo_row(c, DE_USAGE);
	struct rng *rr = &a->rng;
	uint64_t bits = rng_next(rr);
	int noise = (int)(bits & 63) - 32, noise2 = (int)(bits >> 8 & 127) - 64;
	int v = clamp(adoption_on(cv, monday, life_start, end) + noise, 0, 1000);
	int64_t seats = arr / a->seat_price, activated, assigned, active;
	int eng = clamp(cv->engagement + noise2, 100, 1000);
	/* Advanced features trail licence use: 90% use gives ~60%, 30% ~2%. */
	int adv_pm = clamp(v - 280 + noise2 / 2, 20, 1000);
	char d[DATE_STRLEN];

	if (seats < 1)
		seats = 1;
	activated = seats * v / 1000;
	assigned = activated + (seats - activated) * (int)(30 + (bits >> 16 & 15)) / 100;
	active = activated * eng / 1000;
	row_int(r, "account", a->id);
	row_text(r, "date", date_format(monday, d));
	row_text(r, "period", "week");
	row_int(r, "active_users", active);
	row_int(r, "licensed_seats", seats);
	row_int(r, "assigned_seats", assigned);
	row_int(r, "activated_seats", activated);
	row_int(r, "basic_features_used", basic[a->seg] * clamp(v + 150, 100, 1000) / 1000);
	row_int(r, "basic_features_entitled", basic[a->seg]);
	row_int(r, "advanced_features_used", (adv[a->seg] * adv_pm + 500) / 1000);
	row_int(r, "advanced_features_entitled", adv[a->seg]);
	/* Enterprise accounts send product telemetry too. */
	if (a->seg == SEGMENT_ENTERPRISE) {
		row_text(r, "metric_name", "reports_run");
		row_real(r, "metric_value", (double)(active * 3 + (int64_t)(bits >> 24 & 31)));
	} else {
		row_null(r, "metric_name");
		row_null(r, "metric_value");
	}
	return demo_put(c, r, NULL);
}

enum status
demo_usage(struct demo_ctx *c, struct demo_acct *a)
{
	struct curve cv;
	int32_t first = c->today - date_weekday(c->today) - 7 * 104;
	int32_t end = a->churned_on ? a->churned_on : c->today;
	int64_t arr;
	int k = 0;

	draw_curve(&a->rng, a->arch, &cv);
	a->adoption_now = a->churned_on ? 0 : cv.now;
	for (int w = 0; w < 104; w++) {
		int32_t monday = first + 7 * w;
		const struct demo_span *sp = NULL;

		for (int i = 0; i < a->nlive; i++)
			if (monday + 6 >= a->live[i].from && monday < a->live[i].to)
				sp = &a->live[i];
		if (!sp)
			continue;
		/* ARR at the start of the week: the last step dated before it
		 * (or the first of the life, in the week it starts). */
		while (k + 1 < a->nsteps && a->steps[k + 1].day < monday)
			k++;
		arr = a->steps[k].arr;
		if (arr <= 0 && k + 1 < a->nsteps)
			arr = a->steps[k + 1].arr;
		if (usage_week(c, a, &cv, monday, arr, sp->from, end))
			return c->e->status;
	}
	return ST_OK;
}

/* -- picking days ------------------------------------------------------------ */

/* Live days of the account within the history window. */
static int32_t
live_days(const struct demo_ctx *c, const struct demo_acct *a)
{
	int32_t n = 0;

	for (int i = 0; i < a->nlive; i++) {
		int32_t from = a->live[i].from > c->hist_start ? a->live[i].from : c->hist_start;
		int32_t to = a->live[i].to < c->today ? a->live[i].to : c->today;

		if (to > from)
			n += to - from;
	}
	return n;
}

/* The n-th live day in the window (0 <= n < live_days). */
static int32_t
nth_live_day(const struct demo_ctx *c, const struct demo_acct *a, int32_t n)
{
	for (int i = 0; i < a->nlive; i++) {
		int32_t from = a->live[i].from > c->hist_start ? a->live[i].from : c->hist_start;
		int32_t to = a->live[i].to < c->today ? a->live[i].to : c->today;

		if (to <= from)
			continue;
		if (n < to - from)
			return from + n;
		n -= to - from;
	}
	return c->today - 1;
}

static void
sort_days(int32_t *d, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && d[j - 1] > d[j]; j--) {
			int32_t t = d[j];

			d[j] = d[j - 1];
			d[j - 1] = t;
		}
}

/* -- tickets and CSAT -------------------------------------------------------- */

static const char *const subjects[] = {
	"Cannot log in after SSO certificate rotation", "CSV export times out for large reports",
	"Dashboard widgets load slowly in the morning", "How do we bulk-assign licences?",
	"Webhook retries flood our endpoint", "Question about invoice line items",
	"Permissions: managers cannot see team reports", "Scheduled report arrived empty",
	"API rate limit reached during nightly sync", "Request: add field to the export",
	"Two-factor codes not received by SMS", "Import fails on accented characters",
	"Mobile app crashes on older Android devices", "Calendar integration shows wrong time zone",
	"Need help configuring SAML attributes", "Data retention policy question",
};
static const char *const p1_subjects[] = {
	"Production outage: users cannot sign in", "Data sync stopped for all regions",
	"Critical: reports show another tenant's totals",
	"Service unavailable since the last release",
};
static const char *const csat_comments[] = {
	"Quick and friendly, thank you.", "Resolved, but it took three follow-ups.",
	"Support engineer knew the product inside out.", "Still waiting for the root cause.",
	"Great workaround until the fix ships.", NULL, NULL, NULL,
};

static int
score_in(struct rng *r, const int range[2])
{
	return rng_range(r, range[0], range[1]);
}

static enum status
csat_survey(struct demo_ctx *c, struct demo_acct *a, int64_t ticket, int32_t day, int score)
{
	struct row *r = demo_row(c, DE_SURVEY);
	const struct demo_contact *k = demo_contact_on(a, CRL_ADMIN, day);
	char d[DATE_STRLEN];

	row_int(r, "account", a->id);
	if (k)
		row_int(r, "contact", k->id);
	else
		row_null(r, "contact");
	row_int(r, "ticket", ticket);
	row_text(r, "date", date_format(day, d));
	row_text(r, "kind", "csat");
	row_int(r, "score", score);
	row_text(r, "comment", DEMO_PICK(&a->rng, csat_comments));
	return demo_put(c, r, NULL);
}

static enum status
ticket(struct demo_ctx *c, struct demo_acct *a, int32_t opened, int prio, bool keep_open)
{
	static const int csat[A_COUNT][2] = { { 4, 5 }, { 3, 5 }, { 2, 5 }, { 1, 4 }, { 1, 4 } };
	static const int days[TP_COUNT_][2] = { { 0, 3 }, { 1, 7 }, { 2, 20 }, { 3, 40 } };
	struct row *r = demo_row(c, DE_TICKET);
	struct rng *rr = &a->rng;
	char ext[32], o_s[DATE_STRLEN], c_s[DATE_STRLEN];
	int32_t closed = opened + rng_range(rr, days[prio][0], days[prio][1]);
	bool open = keep_open || closed >= c->today;
	int score = !open && rng_pm(rr, 350) ? score_in(rr, csat[a->arch]) : 0;
	int64_t id;

	snprintf(ext, sizeof(ext), "SUP-%07lld", (long long)++c->ticket_no);
	row_int(r, "account", a->id);
	row_text(r, "external_id", ext);
	row_text(r, "subject",
		 prio == TP_P1 ? DEMO_PICK(rr, p1_subjects) : DEMO_PICK(rr, subjects));
	row_text(r, "opened_date", date_format(opened, o_s));
	row_text(r, "closed_date", open ? NULL : date_format(closed, c_s));
	row_text(r, "priority", ticket_priority_names[prio]);
	row_text(r, "status", ticket_status_names[open ? (rng_pm(rr, 700) ? TS_OPEN : TS_PENDING) :
						rng_pm(rr, 800) ? TS_CLOSED : TS_SOLVED]);
	if (score)
		row_int(r, "csat", score);
	else
		row_null(r, "csat");
	if (demo_put(c, r, &id))
		return c->e->status;
	if (open && prio == TP_P1)
		a->open_p1 = true;
	if (score) {
		int32_t day = closed + rng_range(rr, 0, 2);

		return csat_survey(c, a, id, day < c->today ? day : c->today, score);
	}
	return ST_OK;
}

static int
pick_priority(struct rng *r, enum arch arch)
{
	int x = (int)rng_below(r, 1000);
	bool bad = arch == A_AT_RISK || arch == A_CHURNED;

	if (x < (bad ? 80 : 30))
		return TP_P1;
	if (x < (bad ? 330 : 200))
		return TP_P2;
	return x < 650 ? TP_P3 : TP_P4;
}

enum status
demo_support(struct demo_ctx *c, struct demo_acct *a)
{
	/* Tickets per two years by segment, and per mille by archetype. */
	static const int per2y[] = { [SEGMENT_ENTERPRISE] = 16, [SEGMENT_MID_MARKET] = 6,
		[SEGMENT_SMB] = 2 };
	static const int mult[A_COUNT] = { 800, 1000, 1500, 2200, 1500 };
	struct rng *r = &a->rng;
	int32_t live = live_days(c, a), day[64];
	int64_t milli = (int64_t)per2y[a->seg] * mult[a->arch] * live / 728;
	int n = (int)((milli * rng_range(r, 50, 150) / 100 + 500) / 1000);

	if (live <= 0)
		return ST_OK;
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++)
		day[i] = nth_live_day(c, a, (int32_t)rng_below(r, (uint32_t)live));
	sort_days(day, n);
	for (int i = 0; i < n; i++)
		if (ticket(c, a, day[i], pick_priority(r, a->arch), false))
			return c->e->status;
	/* Accounts in trouble often have a P1 open right now. */
	if (a->arch == A_AT_RISK && !a->open_p1 && rng_pm(r, 400))
		return ticket(c, a, c->today - rng_range(r, 1, 10), TP_P1, true);
	return ST_OK;
}

/* -- NPS ----------------------------------------------------------------------- */

static const char *const nps_comments[3][4] = {
	{ "We are moving to another vendor.", "Too many outages this quarter.",
	  "Hard to see the value for the price.", "Support takes days to answer." },
	{ "Does the job; reporting could be better.", "Good product, onboarding was slow.",
	  "Fine, but we need the API improvements.", "Solid, pricing is a stretch." },
	{ "Our teams rely on it every day.", "Best vendor relationship we have.",
	  "The CSM team is outstanding.", "Rolled out to two more departments already." },
};

/* Respondents rate by the archetype of the time: troubles are recent. */
static enum arch
arch_on(const struct demo_ctx *c, const struct demo_acct *a, int32_t day)
{
	if (a->churned_on)
		return day > a->churned_on - 200 ? A_AT_RISK : A_STEADY;
	if (day >= c->today - 180 || a->arch == A_THRIVING)
		return a->arch;
	return A_STEADY;
}

/* An NPS score: per cent of answers 0..10 by archetype, so a thriving
 * account scores NPS ~ +85, a steady one ~ +30 and the rest below zero. */
static int
nps_score(struct rng *r, enum arch arch)
{
	static const unsigned char pct[A_COUNT][11] = {
		[A_THRIVING] = { 0, 0, 0, 0, 0, 0, 0, 3, 7, 40, 50 },
		[A_STEADY] = { 0, 0, 0, 0, 0, 2, 8, 20, 30, 30, 10 },
		[A_SLIPPING] = { 0, 0, 0, 5, 10, 15, 20, 25, 15, 10, 0 },
		[A_AT_RISK] = { 3, 7, 10, 15, 15, 20, 15, 10, 5, 0, 0 },
		[A_CHURNED] = { 5, 5, 10, 15, 20, 20, 15, 10, 0, 0, 0 },
	};
	int x = (int)rng_below(r, 100);

	for (int s = 0; s <= 10; s++) {
		if (x < pct[arch][s])
			return s;
		x -= pct[arch][s];
	}
	return 7;
}

static enum status
nps_response(struct demo_ctx *c, struct demo_acct *a, const struct demo_contact *k, int32_t day)
{
	struct row *r = demo_row(c, DE_SURVEY);
	struct rng *rr = &a->rng;
	int score = nps_score(rr, arch_on(c, a, day));
	int band = score >= 9 ? 2 : score >= 7 ? 1 : 0;
	char d[DATE_STRLEN];

	if (day >= c->today - 365)
		a->ndetractors += band == 0;
	row_int(r, "account", a->id);
	row_int(r, "contact", k->id);
	row_null(r, "ticket");
	row_text(r, "date", date_format(day, d));
	row_text(r, "kind", "nps");
	row_int(r, "score", score);
	row_text(r, "comment", rng_pm(rr, 400) ? nps_comments[band][rng_below(rr, 4)] : NULL);
	return demo_put(c, r, NULL);
}

/* A survey wave every six months, answered by one to three people. */
enum status
demo_nps(struct demo_ctx *c, struct demo_acct *a)
{
	static const int most[] = { [SEGMENT_ENTERPRISE] = 3, [SEGMENT_MID_MARKET] = 2,
		[SEGMENT_SMB] = 1 };
	struct rng *r = &a->rng;
	int32_t offset = rng_range(r, 0, 181);

	for (int32_t day = c->hist_start + offset; day < c->today; day += 182) {
		int n = rng_range(r, a->seg == SEGMENT_SMB ? 0 : 1, most[a->seg]);
		int at = (int)rng_below(r, (uint32_t)a->ncontacts);

		if (!demo_live_on(a, day))
			continue;
		/* Distinct respondents: walk the contacts from a random one. */
		for (int i = 0; i < a->ncontacts && n > 0; i++) {
			const struct demo_contact *k = &a->contacts[(at + i) % a->ncontacts];

			if ((k->joined && k->joined > day) || (k->left_on && k->left_on <= day))
				continue;
			if (nps_response(c, a, k, day))
				return c->e->status;
			n--;
		}
	}
	return ST_OK;
}

/* -- touchpoints --------------------------------------------------------------- */

struct touch {
	int32_t day;
	int kind;               /* TK_* */
	bool proactive;
	bool exec;              /* an executive should attend */
};

static const char *const summaries[TK_COUNT_][3] = {
	[TK_CALL] = { "Check-in with %s: adoption on track, two teams onboarded.",
		      "Call with %s about the reporting backlog.",
		      "Walked %s through the new admin console." },
	[TK_MEETING] = { "Working session with %s on workflow design.",
			 "Roadmap preview for %s and the ops team.",
			 "Training plan review with %s." },
	[TK_EMAIL] = { "Sent %s the adoption report for last month.",
		       "Followed up with %s on open questions.",
		       "Shared release notes and webinar invite with %s." },
	[TK_QBR] = { "QBR with %s: health review, value delivered, next quarter's goals.",
		     "Quarterly review with %s; agreed on two adoption objectives.",
		     "QBR with %s: usage up, discussed expansion to a new region." },
	[TK_EBR] = { "EBR with %s: strategic priorities and the renewal timeline.",
		     "Executive review with %s; sponsor confirmed next year's budget.",
		     "EBR with %s: joint success plan refreshed." },
	[TK_ONSITE] = { "On-site visit; workshop with %s and the admins.",
			"On-site enablement day hosted by %s.",
			"Visited the team of %s; mapped the new org chart." },
	[TK_WEBINAR] = { "%s attended the quarterly best-practices webinar.",
			 "%s joined the release webinar.",
			 "%s attended the admin tips webinar." },
	[TK_INTERNAL_REVIEW] = { "Internal account review: %s remains the main contact.",
				 "Internal review of risks and renewal plan; owner update for %s.",
				 "Deal desk review ahead of renewal; contact %s." },
	[TK_NOTE] = { "Note: %s is changing roles next quarter.",
		      "Note: %s asked for a reference call.",
		      "Note: %s mentioned a budget freeze." },
};
static const char *const reactive[] = {
	"%s escalated a support case; joined the call with engineering.",
	"%s reported slow dashboards; gathered details for support.",
	"%s asked about contract terms ahead of the renewal.",
	"%s flagged that a key team stopped using the product.",
};
static const char *const follow_ups[] = {
	"Send deck and notes; schedule the adoption workshop.",
	"Share usage by team; confirm success-plan owners.",
	"Book the next review; draft the renewal proposal.",
};

static int
touch_sentiment(const struct demo_ctx *c, struct demo_acct *a, int32_t day)
{
	static const int mood[A_COUNT][2] = { { 4, 5 }, { 3, 4 }, { 2, 4 }, { 1, 3 }, { 1, 3 } };
	struct rng *r = &a->rng;

	if (day < c->today - 120 && !a->churned_on)
		return rng_range(r, 3, 5);
	return rng_range(r, mood[a->arch][0], mood[a->arch][1]);
}

static void
attendees(struct row *r, const struct demo_acct *a, const struct touch *t, const char **who)
{
	static const int duty[TK_COUNT_] = { [TK_CALL] = CRL_CHAMPION, [TK_MEETING] = CRL_CHAMPION,
		[TK_EMAIL] = CRL_CHAMPION, [TK_QBR] = CRL_CHAMPION, [TK_EBR] = CRL_ECONOMIC_BUYER,
		[TK_ONSITE] = CRL_ADMIN, [TK_WEBINAR] = CRL_POWER_USER,
		[TK_INTERNAL_REVIEW] = CRL_CHAMPION, [TK_NOTE] = CRL_CHAMPION };
	const struct demo_contact *main = demo_contact_on(a, duty[t->kind], t->day), *ex = NULL;

	*who = main ? main->name : "the customer";
	if (t->kind == TK_INTERNAL_REVIEW || t->kind == TK_NOTE)
		return;
	if (t->exec && (ex = demo_contact_on(a, CRL_EXECUTIVE_SPONSOR, t->day)) && ex->exec) {
		row_item_int(r, "attendees", ex->id);
		*who = ex->name;
	} else {
		ex = NULL;
	}
	if (main && main != ex)
		row_item_int(r, "attendees", main->id);
}

static enum status
write_touch(struct demo_ctx *c, struct demo_acct *a, const struct touch *t)
{
	static const int minutes[TK_COUNT_] = { [TK_CALL] = 30, [TK_MEETING] = 45, [TK_QBR] = 90,
		[TK_EBR] = 120, [TK_ONSITE] = 240, [TK_WEBINAR] = 45, [TK_INTERNAL_REVIEW] = 30 };
	struct row *r = demo_row(c, DE_TOUCHPOINT);
	struct rng *rr = &a->rng;
	const char *who, *fmt;
	char d[DATE_STRLEN], summary[320];
	bool review = t->kind == TK_QBR || t->kind == TK_EBR;

	attendees(r, a, t, &who);
	fmt = t->proactive ? summaries[t->kind][rng_below(rr, 3)] : DEMO_PICK(rr, reactive);
	snprintf(summary, sizeof(summary), fmt, who);
	row_int(r, "account", a->id);
	row_text(r, "date", date_format(t->day, d));
	row_text(r, "kind", touch_kind_names[t->kind]);
	if (minutes[t->kind])
		row_int(r, "duration_min", minutes[t->kind]);
	else
		row_null(r, "duration_min");
	row_int(r, "sentiment", touch_sentiment(c, a, t->day));
	row_int(r, "proactive", t->proactive);
	row_text(r, "summary", summary);
	row_text(r, "follow_ups",
		 review || t->kind == TK_ONSITE ? DEMO_PICK(rr, follow_ups) : NULL);
	row_text(r, "situation",
		 review ? "Rolled out to most teams; reporting is the main use." : NULL);
	row_text(r, "pain", review ? "Manual consolidation of regional reports." : NULL);
	row_text(r, "impact", review ? "About two days a month saved per analyst." : NULL);
	row_text(r, "critical_event", t->kind == TK_EBR ? "Board review of vendor spend." : NULL);
	row_text(r, "decision", t->kind == TK_EBR ? "Sponsor and finance decide together." : NULL);
	if (a->author)
		row_int(r, "author", a->author);
	else
		row_null(r, "author");
	return demo_put(c, r, NULL);
}

/* A weekday near the given day (reviews are not held at weekends). */
static int32_t
weekday_near(int32_t day)
{
	int w = date_weekday(day);

	return w >= 5 ? day - (w - 4) : day;
}

/* The cadence touch of month k (0 = the month history starts), or -1. */
static int
cadence_kind(struct demo_acct *a, int k)
{
	struct rng *r = &a->rng;

	switch (a->seg) {
	case SEGMENT_ENTERPRISE:
		if (k % 3 == 2)
			return k % 12 == 11 ? TK_EBR : TK_QBR;
		return rng_pm(r, 600) ? TK_CALL : TK_MEETING;
	case SEGMENT_MID_MARKET:
		if (k % 3 != 1)
			return -1;
		return k % 6 == 4 ? TK_QBR : TK_CALL;
	default:
		/* Tech touch: the quarterly webinar; a named CSM also writes
		 * to the sponsor once a quarter. */
		if (k % 3 == 2)
			return rng_pm(r, a->owner ? 600 : 500) ? TK_WEBINAR : -1;
		return a->owner && k % 3 == 0 && rng_pm(r, 600) ? TK_EMAIL : -1;
	}
}

static enum status
cadence(struct demo_ctx *c, struct demo_acct *a)
{
	struct rng *r = &a->rng;
	int y, m, d;

	date_to_ymd(c->hist_start, &y, &m, &d);
	for (int k = 0; k <= 24; k++) {
		int32_t month = date_add_months(date_from_ymd(y, m, 1), k);
		struct touch t = { weekday_near(month + rng_range(r, 2, 26)), cadence_kind(a, k),
			true, false };

		if (a->seg == SEGMENT_ENTERPRISE && k % 3 == 0 && t.day - 3 >= c->hist_start &&
		    t.day - 3 < c->today && demo_live_on(a, t.day - 3)) {
			struct touch in = { weekday_near(t.day - 3), TK_INTERNAL_REVIEW, true, false };

			if (write_touch(c, a, &in))
				return c->e->status;
		}
		if (t.kind < 0 || t.day < c->hist_start || t.day >= c->today ||
		    !demo_live_on(a, t.day))
			continue;
		/* Accounts in trouble go quiet: half the recent touches never happen. */
		if (a->arch == A_AT_RISK && t.day >= c->today - 45 && rng_pm(r, 500))
			continue;
		/* Reviews are with the sponsor; healthy accounts see them
		 * between reviews too. */
		t.exec = t.kind == TK_QBR || t.kind == TK_EBR ||
			 (t.kind != TK_WEBINAR && a->arch <= A_STEADY &&
			  rng_pm(r, a->seg == SEGMENT_ENTERPRISE ? 350 : 600));
		if (a->exec_gap_from && t.day >= a->exec_gap_from) {
			/* The sponsor stopped showing up: reviews become calls. */
			t.exec = false;
			if (t.kind == TK_QBR || t.kind == TK_EBR)
				t.kind = TK_CALL;
		}
		if (write_touch(c, a, &t))
			return c->e->status;
		if (a->seg == SEGMENT_ENTERPRISE && k % 6 == 3 && rng_pm(r, 200)) {
			struct touch on = { weekday_near(t.day + 7), TK_ONSITE, true, !a->exec_gap_from };

			if (on.day < c->today && demo_live_on(a, on.day) && write_touch(c, a, &on))
				return c->e->status;
		}
	}
	return ST_OK;
}

enum status
demo_touches(struct demo_ctx *c, struct demo_acct *a)
{
	static const int reactive_n[A_COUNT][2] = {
		{ 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 5 }, { 2, 3 },
	};
	struct rng *r = &a->rng;
	int32_t live = live_days(c, a), end = a->churned_on ? a->churned_on : c->today;
	int n;

	if ((a->arch == A_SLIPPING && rng_pm(r, 500)) || (a->arch == A_AT_RISK && rng_pm(r, 800)))
		a->exec_gap_from = c->today - rng_range(r, 95, 160);
	if (live <= 0)
		return ST_OK;
	if (cadence(c, a))
		return c->e->status;
	/* Customer-initiated contacts: clustered near the end when in trouble. */
	n = rng_range(r, reactive_n[a->arch][0], reactive_n[a->arch][1]);
	for (int i = 0; i < n; i++) {
		struct touch t = { 0, rng_pm(r, 600) ? TK_CALL : TK_EMAIL, false, false };

		t.day = a->arch >= A_SLIPPING ? end - rng_range(r, 1, 120) :
						nth_live_day(c, a, (int32_t)rng_below(r, (uint32_t)live));
		if (t.day < c->hist_start || t.day >= c->today || !demo_live_on(a, t.day))
			continue;
		if (write_touch(c, a, &t))
			return c->e->status;
	}
	return ST_OK;
}

/* -- advocacy ------------------------------------------------------------------ */

enum status
demo_advocacy(struct demo_ctx *c, struct demo_acct *a)
{
	static const char *const notes[AD_COUNT_] = {
		[AD_REFERENCE] = "Reference call with a prospect in the same industry.",
		[AD_CASE_STUDY] = "Published joint case study on reporting time saved.",
		[AD_REVIEW] = "Five-star review on a software review site.",
		[AD_SPEAKING] = "Spoke at the customer conference panel.",
		[AD_PROMOTER] = "Promoter in the NPS wave; agreed to be contacted.",
	};
	struct rng *r = &a->rng;
	int32_t live = live_days(c, a);
	int n;

	if (a->arch != A_THRIVING || live <= 0 || !rng_pm(r, 350))
		return ST_OK;
	n = rng_range(r, 1, 2);
	for (int i = 0; i < n; i++) {
		struct row *row = demo_row(c, DE_ADVOCACY);
		int32_t day = nth_live_day(c, a, (int32_t)rng_below(r, (uint32_t)live));
		const struct demo_contact *k = demo_contact_on(a, CRL_CHAMPION, day);
		int kind = (int)rng_below(r, AD_COUNT_);
		char d[DATE_STRLEN];

		row_int(row, "account", a->id);
		if (k)
			row_int(row, "contact", k->id);
		else
			row_null(row, "contact");
		row_text(row, "date", date_format(day, d));
		row_text(row, "kind", advocacy_names[kind]);
		if (a->owner)
			row_int(row, "credited_to", a->owner);
		else
			row_null(row, "credited_to");
		row_text(row, "note", notes[kind]);
		if (demo_put(c, row, NULL))
			return c->e->status;
	}
	return ST_OK;
}
