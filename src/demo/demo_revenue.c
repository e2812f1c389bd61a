/*
 * demo_revenue.c -- the revenue story of a demo account: contract terms,
 * the ARR ledger, renewals and invoices (doc/model.md sections 4 and 5).
 *
 * Data model: an account's revenue is planned before anything is written
 * (struct demo_acct in demo_int.h).  A life starts on the initial contract
 * date with a `new` ledger event and runs in contract terms (one year for
 * SMB and mid-market, one to three for enterprise).  Each term ends on its
 * renewal due date, where the renewal is won flat, with an upsell (an
 * `expansion` event) or a downsell (a `contraction`), or lost (a `churn` of
 * the whole ARR, with a reason code).  The renewal due in the future -- or
 * overdue and still unsigned -- stays open.  A few churned customers come
 * back later with a `reactivation` event and a second life.  Mid-term
 * expansions are co-terminous add-on contracts, so every contract's ARR is
 * the ARR it adds for its whole term.  Contracts, ledger, renewals and
 * invoices are all written from that one plan, which is why they agree:
 * every ledger event is dated before today, the running ARR never goes
 * negative, and a churned account is at zero.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "demo/demo_int.h"
#include "domain/model.h"

/* -- small arithmetic ------------------------------------------------------------ */

static int64_t
round_to(int64_t v, int64_t unit)
{
	return (v + unit / 2) / unit * unit;
}

/* v changed by pct per cent, rounded to $10, never below $10. */
static int64_t
change(int64_t v, int pct)
{
	int64_t n = round_to(v * (100 + pct) / 100, 1000);

	return n < 1000 ? 1000 : n;
}

static int32_t
clamp_day(int32_t d, int32_t lo, int32_t hi)
{
	return d < lo ? lo : d > hi ? hi : d;
}

/* -- planning -------------------------------------------------------------------- */

static int
pick_forecast(struct rng *r, enum arch arch)
{
	/* permille: commit, likely, at_risk (rest lost) */
	static const int mix[A_COUNT][3] = {
		[A_THRIVING] = { 700, 300, 0 }, [A_STEADY] = { 400, 550, 50 },
		[A_SLIPPING] = { 50, 420, 480 }, [A_AT_RISK] = { 0, 100, 600 },
		[A_CHURNED] = { 0, 0, 0 },
	};
	int x = (int)rng_below(r, 1000);

	for (int k = 0; k < 3; k++) {
		if (x < mix[arch][k])
			return k;
		x -= mix[arch][k];
	}
	return FC_LOST;
}

/* Initial ARR in cents.  A product of two uniforms skews enterprise and
 * mid-market deals toward the low end of their band, as real books are. */
static int64_t
initial_arr(struct rng *r, int seg)
{
	int64_t u1 = rng_below(r, 1001), u2 = rng_below(r, 1001);

	switch (seg) {
	case SEGMENT_ENTERPRISE:
		return round_to(80000 + 320000 * u1 * u2 / 1000000, 1000) * 100;
	case SEGMENT_MID_MARKET:
		return round_to(15000 + 45000 * u1 * u2 / 1000000, 500) * 100;
	default:
		return round_to(3000 + 9000 * u1 / 1000, 120) * 100;
	}
}

static enum outcome
pick_outcome(struct rng *r, enum arch arch)
{
	/* permille of up, flat (rest down) at renewal */
	static const int up[A_COUNT] = { 600, 250, 120, 60, 100 };
	static const int flat[A_COUNT] = { 380, 650, 580, 540, 600 };
	int x = (int)rng_below(r, 1000);

	return x < up[arch] ? OUT_UP : x < up[arch] + flat[arch] ? OUT_FLAT : OUT_DOWN;
}

static void
plan_addon(struct demo_ctx *c, struct demo_acct *a, struct demo_term *t)
{
	static const int chance[A_COUNT] = { 300, 100, 30, 20, 30 };
	struct rng *r = &a->rng;
	int32_t day;

	if (t->due - t->start < 150 || !rng_pm(r, chance[a->arch]))
		return;
	day = t->start + rng_range(r, 60, t->due - t->start - 60);
	if (day >= c->today)
		return;
	t->addon_day = day;
	t->addon = round_to(t->arr * rng_range(r, 5, 25) / 100, 1000);
	if (t->addon < 1000)
		t->addon_day = 0, t->addon = 0;
}

static void
plan_close(struct demo_ctx *c, struct demo_acct *a, struct demo_term *t, bool lose)
{
	/* permille of renewals signed after their due date */
	static const int late[A_COUNT] = { 80, 150, 300, 400, 300 };
	static const int lost_reasons[] = { CR_BUDGET, CR_NO_VALUE, CR_CHAMPION_LEFT, CR_ACQUIRED,
		CR_COMPETITOR, CR_PRODUCT_GAP, CR_SUPPORT_EXPERIENCE, CR_CONSOLIDATION,
		CR_BUSINESS_CLOSED, CR_OTHER, CR_COMPETITOR, CR_NO_VALUE, CR_BUDGET };
	static const int down_reasons[] = { CR_BUDGET, CR_CONSOLIDATION, CR_NO_VALUE };
	struct rng *r = &a->rng;
	int64_t total = t->arr + t->addon;

	if (lose) {
		/* Customers usually give notice before the date. */
		t->out = OUT_LOST;
		t->final = 0;
		t->closed = clamp_day(t->due - rng_range(r, 0, 30), t->start + 1, c->today);
		t->reason = DEMO_PICK(r, lost_reasons);
		return;
	}
	t->out = pick_outcome(r, a->arch);
	t->final = t->out == OUT_UP ? change(total, rng_range(r, 5, 30)) :
		   t->out == OUT_DOWN ? change(total, -rng_range(r, 5, 25)) : total;
	if (t->final == total)
		t->out = OUT_FLAT;
	if (t->out == OUT_DOWN && rng_pm(r, 500))
		t->reason = DEMO_PICK(r, down_reasons);
	t->closed = rng_pm(r, late[a->arch]) ? t->due + rng_range(r, 1, 45) :
					       t->due - rng_range(r, 0, 40);
	if (t->closed > c->today) {
		/* Due, but not signed yet: an overdue open renewal. */
		t->out = OUT_OPEN;
		t->final = t->closed = 0;
		t->reason = -1;
	}
}

/* Plan one life from start: terms until the open renewal, or until the
 * term lose_at (0-based) is lost. */
static void
plan_life(struct demo_ctx *c, struct demo_acct *a, int32_t start, int64_t arr, int lose_at,
	  bool reactivation)
{
	int32_t from = start;

	for (int k = 0; a->nterms < DEMO_MAX_TERMS; k++) {
		struct demo_term *t = &a->terms[a->nterms++];

		memset(t, 0, sizeof(*t));
		t->reason = -1;
		t->start = from;
		t->due = date_add_months(start, (k + 1) * a->term_months);
		t->arr = arr;
		t->opens_life = k == 0;
		t->reactivation = reactivation && k == 0;
		if (t->due >= c->today || a->nterms == DEMO_MAX_TERMS) {
			t->out = OUT_OPEN;
			return;
		}
		plan_addon(c, a, t);
		plan_close(c, a, t, k == lose_at);
		if (t->out == OUT_OPEN || t->out == OUT_LOST)
			return;
		arr = t->final;
		from = t->due;
	}
}

static void
push_step(struct demo_acct *a, int32_t day, int64_t arr)
{
	if (a->nsteps < DEMO_MAX_STEPS)
		a->steps[a->nsteps++] = (struct demo_step){ day, arr };
}

/* Derive the ledger steps, live spans and today's state from the terms. */
static void
summarise(struct demo_ctx *c, struct demo_acct *a)
{
	a->nsteps = a->nlive = 0;
	a->churned_on = 0;
	a->open_term = -1;
	for (int k = 0; k < a->nterms; k++) {
		const struct demo_term *t = &a->terms[k];

		if (t->opens_life) {
			push_step(a, t->start, t->arr);
			a->live[a->nlive++] = (struct demo_span){ t->start, c->today + 1 };
			a->life_start = t->start;
			a->churned_on = 0;
		}
		if (t->addon_day)
			push_step(a, t->addon_day, t->arr + t->addon);
		if (t->out == OUT_OPEN)
			a->open_term = k;
		else
			push_step(a, t->due, t->final);
		if (t->out == OUT_LOST)
			a->live[a->nlive - 1].to = a->churned_on = t->due;
	}
	a->arr_now = a->steps[a->nsteps - 1].arr;
}

void
demo_plan_revenue(struct demo_ctx *c, struct demo_acct *a)
{
	struct rng *r = &a->rng;
	int64_t arr = initial_arr(r, a->seg);
	int32_t start, churn = 0;
	int lose_at = -1;

	a->term_months = 12;
	if (a->seg == SEGMENT_ENTERPRISE) {
		int x = (int)rng_below(r, 100);

		a->term_months = x < 60 ? 12 : x < 85 ? 24 : 36;
	}
	if (a->arch == A_CHURNED) {
		/* Churned in the last two years, after one to three terms;
		 * one in eight came back later. */
		int prior = a->term_months > 12 ? 1 : rng_range(r, 1, 3);

		a->reactivated = rng_pm(r, 125);
		churn = c->today - rng_range(r, a->reactivated ? 200 : 14, 700);
		start = date_add_months(churn, -prior * a->term_months);
		lose_at = prior - 1;
	} else {
		/* A few young accounts (land, onboard); the rest up to 5 years old. */
		int age = rng_pm(r, 80) ? rng_range(r, 20, 180) : rng_range(r, 180, 1825);

		start = c->today - age;
	}
	a->start = start;
	a->nterms = 0;
	plan_life(c, a, start, arr, lose_at, false);
	summarise(c, a);
	if (a->reactivated && a->churned_on) {
		int32_t back = a->churned_on + rng_range(r, 60, 150);

		if (back < c->today - 30) {
			a->arch = rng_pm(r, 700) ? A_STEADY : A_SLIPPING;
			a->term_months = 12;
			arr = change(a->terms[a->nterms - 1].arr + a->terms[a->nterms - 1].addon,
				     -rng_range(r, 0, 40));
			plan_life(c, a, back, arr, -1, true);
			summarise(c, a);
		} else {
			a->reactivated = false;
		}
	}
	/* Price per seat and year: bigger deals get bigger discounts. */
	if (a->seg == SEGMENT_ENTERPRISE)
		a->seat_price = rng_range(r, 9000, 15000);
	else if (a->seg == SEGMENT_MID_MARKET)
		a->seat_price = rng_range(r, 12000, 20000);
	else
		a->seat_price = rng_range(r, 15000, 30000);
	if (a->open_term >= 0)
		a->forecast = pick_forecast(r, a->arch);
}

/* -- revenue ------------------------------------------------------------------- */

static enum status
ledger(struct demo_ctx *c, struct demo_acct *a, int32_t day, int kind, int64_t delta,
       const char *reason)
{
	struct row *r = demo_row(c, DE_ARR_EVENT);
	char d[DATE_STRLEN];

	row_int(r, "account", a->id);
	row_text(r, "date", date_format(day, d));
	row_text(r, "kind", arr_kind_names[kind]);
	row_int(r, "arr_delta", delta);
	row_text(r, "reason", reason);
	return demo_put(c, r, NULL);
}

static enum status
contract(struct demo_ctx *c, struct demo_acct *a, int32_t from, int32_t to, int64_t arr,
	 int64_t *id)
{
	struct row *r = demo_row(c, DE_CONTRACT);
	char f[DATE_STRLEN], t[DATE_STRLEN];

	row_int(r, "account", a->id);
	row_text(r, "start_date", date_format(from, f));
	row_text(r, "end_date", date_format(to, t));
	row_int(r, "arr", arr);
	/* Self-serve SMB contracts renew themselves; larger ones are negotiated. */
	row_int(r, "auto_renew", rng_pm(&a->rng, a->seg == SEGMENT_SMB ? 800 : 200));
	row_text(r, "channel", channel_names[a->partner ? CH_PARTNER : CH_DIRECT]);
	return demo_put(c, r, id);
}

/* Paid on time mostly; late or not at all for accounts in trouble in the
 * last year.  0 = unpaid. */
static int32_t
paid_on(struct demo_ctx *c, struct demo_acct *a, int32_t issued, int32_t due)
{
	struct rng *r = &a->rng;
	bool recent = issued >= c->today - 365;
	int32_t paid = due - rng_range(r, 0, 25);

	if (recent && a->arch == A_SLIPPING && rng_pm(r, 300))
		paid = due + rng_range(r, 5, 45);
	else if (recent && a->arch == A_AT_RISK)
		paid = rng_pm(r, 500) ? 0 : due + rng_range(r, 10, 75);
	else if (a->churned_on && issued > a->churned_on - 365 && rng_pm(r, 200))
		paid = 0;
	if (paid && paid < issued)
		paid = issued;
	return paid > c->today ? 0 : paid;
}

static enum status
invoice(struct demo_ctx *c, struct demo_acct *a, int32_t issued, int64_t amount)
{
	struct row *r = demo_row(c, DE_INVOICE);
	char no[32], i_s[DATE_STRLEN], d_s[DATE_STRLEN], p_s[DATE_STRLEN];
	int32_t due = issued + 30, paid = paid_on(c, a, issued, due);

	snprintf(no, sizeof(no), "INV-%07lld", (long long)++c->invoice_no);
	row_int(r, "account", a->id);
	row_text(r, "number", no);
	row_text(r, "issued_date", date_format(issued, i_s));
	row_text(r, "due_date", date_format(due, d_s));
	row_text(r, "paid_date", paid ? date_format(paid, p_s) : NULL);
	row_int(r, "amount", amount);
	return demo_put(c, r, NULL);
}

/* One invoice per contract year, issued two weeks ahead, once issued. */
static enum status
term_invoices(struct demo_ctx *c, struct demo_acct *a, const struct demo_term *t)
{
	for (int y = 0;; y++) {
		int32_t year = date_add_months(t->start, 12 * y);

		if (year >= t->due || year - 14 > c->today)
			break;
		if (invoice(c, a, year - 14, t->arr))
			return c->e->status;
	}
	if (t->addon_day && invoice(c, a, t->addon_day, t->addon * (t->due - t->addon_day) / 365))
		return c->e->status;
	return ST_OK;
}

static int
open_stage(struct rng *r, int days)
{
	if (days < 0)
		return RS_NEGOTIATING;
	if (days <= 60)
		return rng_pm(r, 800) ? RS_NEGOTIATING : RS_IN_PROGRESS;
	if (days <= 120)
		return rng_pm(r, 700) ? RS_IN_PROGRESS :
		       rng_pm(r, 500) ? RS_NOT_STARTED : RS_NEGOTIATING;
	return rng_pm(r, 850) ? RS_NOT_STARTED : RS_IN_PROGRESS;
}

static enum status
renewal(struct demo_ctx *c, struct demo_acct *a, const struct demo_term *t, int64_t contract_id)
{
	struct row *r = demo_row(c, DE_RENEWAL);
	struct rng *rr = &a->rng;
	char due_s[DATE_STRLEN], closed_s[DATE_STRLEN];
	int64_t target = t->arr + t->addon, forecast;
	int cat, stage;

	if (t->out == OUT_OPEN) {
		cat = a->forecast;
		stage = open_stage(rr, t->due - c->today);
		forecast = cat == FC_COMMIT ? change(target, rng_range(rr, 0, 15)) :
			   cat == FC_LIKELY ? target :
			   cat == FC_AT_RISK ? change(target, -rng_range(rr, 15, 40)) : 0;
	} else {
		cat = t->out == OUT_LOST ? FC_LOST : FC_COMMIT;
		stage = t->out == OUT_LOST ? RS_LOST : RS_WON;
		forecast = t->final;
	}
	row_int(r, "account", a->id);
	row_int(r, "contract", contract_id);
	row_text(r, "due_date", date_format(t->due, due_s));
	row_int(r, "target_arr", target);
	row_int(r, "forecast_arr", forecast);
	if (t->out == OUT_OPEN)
		row_null(r, "final_arr");
	else
		row_int(r, "final_arr", t->final);
	row_text(r, "forecast_category", forecast_names[cat]);
	row_text(r, "stage", renewal_stage_names[stage]);
	row_text(r, "churn_reason", t->reason >= 0 ? churn_reason_names[t->reason] : NULL);
	row_text(r, "closed_date", t->out == OUT_OPEN ? NULL : date_format(t->closed, closed_s));
	if (a->owner)
		row_int(r, "owner", a->owner);
	else
		row_null(r, "owner");
	return demo_put(c, r, NULL);
}

static enum status
renewal_event(struct demo_ctx *c, struct demo_acct *a, const struct demo_term *t)
{
	int64_t delta = t->final - t->arr - t->addon;

	if (t->out == OUT_LOST)
		return ledger(c, a, t->due, AK_CHURN, delta, churn_reason_names[t->reason]);
	if (delta > 0)
		return ledger(c, a, t->due, AK_EXPANSION, delta, "renewal with upsell");
	if (delta < 0)
		return ledger(c, a, t->due, AK_CONTRACTION, delta, "renewal with downsell");
	return ST_OK;
}

enum status
demo_revenue(struct demo_ctx *c, struct demo_acct *a)
{
	for (int k = 0; k < a->nterms; k++) {
		const struct demo_term *t = &a->terms[k];
		int64_t id;

		if (t->opens_life &&
		    ledger(c, a, t->start, t->reactivation ? AK_REACTIVATION : AK_NEW, t->arr,
			   t->reactivation ? "win-back" : "new logo"))
			return c->e->status;
		if (contract(c, a, t->start, t->due - 1, t->arr, &id) || term_invoices(c, a, t))
			return c->e->status;
		if (t->addon_day &&
		    (ledger(c, a, t->addon_day, AK_EXPANSION, t->addon, "mid-term expansion") ||
		     contract(c, a, t->addon_day, t->due - 1, t->addon, NULL)))
			return c->e->status;
		if (renewal(c, a, t, id))
			return c->e->status;
		if (t->out != OUT_OPEN && renewal_event(c, a, t))
			return c->e->status;
	}
	return ST_OK;
}
