/*
 * demo.c -- the demo book generator (see demo.h): the driver, the team, the
 * accounts and their contacts.
 *
 * The driver opens one bulk write transaction and walks the accounts in
 * index order; for each it draws the archetype, plans the revenue story
 * (demo_revenue.c), then writes the account, its contacts, its revenue,
 * its activity (demo_activity.c) and the CSM's work on it (demo_work.c).
 * Owners are dealt round-robin among the CSMs of the account's segment.
 * Scoring the new book's history (demo_score) is at the end.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/health_run.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include "demo/demo_int.h"
#include "domain/model.h"
#include "store/entity.h"
#include "store/row.h"
#include "store/store.h"
#include "store/wtx.h"

#define TEAM_NAME "Customer Success"
#define STAFF_DOMAIN "tend.example"

/* -- shared helpers (demo_int.h) ------------------------------------------- */

static const struct entity *const demo_entities[DE_COUNT_] = {
	[DE_TEAM] = &entity_team, [DE_USER] = &entity_user, [DE_ACCOUNT] = &entity_account,
	[DE_CONTACT] = &entity_contact, [DE_CONTRACT] = &entity_contract,
	[DE_ARR_EVENT] = &entity_arr_event, [DE_RENEWAL] = &entity_renewal,
	[DE_INVOICE] = &entity_invoice, [DE_OPPORTUNITY] = &entity_opportunity,
	[DE_USAGE] = &entity_usage, [DE_TICKET] = &entity_ticket, [DE_SURVEY] = &entity_survey,
	[DE_TOUCHPOINT] = &entity_touchpoint, [DE_ADVOCACY] = &entity_advocacy,
	[DE_TASK] = &entity_task, [DE_TASK_ITEM] = &entity_task_item, [DE_RISK] = &entity_risk,
	[DE_PLAN] = &entity_success_plan, [DE_OBJECTIVE] = &entity_objective,
	[DE_MILESTONE] = &entity_milestone, [DE_KPI] = &entity_kpi,
};

struct row *
demo_row(struct demo_ctx *c, enum demo_ent which)
{
	row_reset(&c->rows[which]);
	return &c->rows[which];
}

enum status
demo_put(struct demo_ctx *c, struct row *r, int64_t *id)
{
	/* wtx_rows() counts rows, not the list elements they carry. */
	c->items += r->nitems;
	return wtx_insert(c->t, r, id, c->e);
}

bool
demo_live_on(const struct demo_acct *a, int32_t day)
{
	for (int i = 0; i < a->nlive; i++)
		if (day >= a->live[i].from && day < a->live[i].to)
			return true;
	return false;
}

static bool
there_on(const struct demo_contact *k, int32_t day)
{
	return (!k->joined || k->joined <= day) && (!k->left_on || k->left_on > day);
}

const struct demo_contact *
demo_contact_on(const struct demo_acct *a, int role, int32_t day)
{
	const struct demo_contact *any = NULL;

	for (int i = 0; i < a->ncontacts; i++) {
		const struct demo_contact *k = &a->contacts[i];

		if (!there_on(k, day))
			continue;
		if (role >= 0 && (k->roles & (1u << role)))
			return k;
		if (!any)
			any = k;
	}
	return any;
}

/* -- the team ---------------------------------------------------------------- */

/* Specialists per segment, in proportion to the account mix (§7):
 * 8 CSMs give 2 enterprise, 3 mid-market, 3 SMB. */
static int
specialty(int i, int n)
{
	int ent = (n * 2 + 4) / 8, mid = (n * 3 + 4) / 8;

	return i < ent ? SEGMENT_ENTERPRISE : i < ent + mid ? SEGMENT_MID_MARKET : SEGMENT_SMB;
}

static void
unique_login(char (*logins)[64], int n, char *login)
{
	char base[48];
	bool clash = true;

	snprintf(base, sizeof(base), "%s", login);
	for (int k = 2; clash; k++) {
		clash = false;
		for (int j = 0; j < n && !clash; j++)
			clash = !strcmp(logins[j], login);
		if (clash)
			snprintf(login, 64, "%.47s%d", base, k);
	}
}

static enum status
write_user(struct demo_ctx *c, int64_t team, int i, int seg, char (*logins)[64], int64_t *id)
{
	/* doc/model.md §7 bands: accounts per CSM and ARR per CSM, mid-points. */
	static const int cap_accounts[] = { [SEGMENT_ENTERPRISE] = 30, [SEGMENT_MID_MARKET] = 175,
		[SEGMENT_SMB] = 175 };
	static const int64_t cap_arr[] = { [SEGMENT_ENTERPRISE] = 350000000,
		[SEGMENT_MID_MARKET] = 350000000, [SEGMENT_SMB] = 150000000 };
	struct row *r = demo_row(c, DE_USER);
	struct demo_person p;
	char email[96];

	demo_staff(i, &p);
	demo_login(&p, logins[i], 64);
	unique_login(logins, i, logins[i]);
	snprintf(email, sizeof(email), "%s@" STAFF_DOMAIN, logins[i]);
	row_text(r, "login", logins[i]);
	row_text(r, "name", p.name);
	row_text(r, "email", email);
	row_text(r, "role", role_names[seg < 0 ? ROLE_LEAD : ROLE_CSM]);
	row_int(r, "team", team);
	if (seg < 0) {
		row_null(r, "segment");
		row_null(r, "capacity_accounts");
		row_null(r, "capacity_arr");
	} else {
		row_text(r, "segment", segment_names[seg]);
		row_int(r, "capacity_accounts", cap_accounts[seg]);
		row_int(r, "capacity_arr", cap_arr[seg]);
	}
	row_int(r, "active", 1);
	return demo_put(c, r, id);
}

static enum status
write_team(struct demo_ctx *c)
{
	struct row *r = demo_row(c, DE_TEAM);
	char (*logins)[64] = xcalloc((size_t)c->ncsms + 1, sizeof(*logins));
	int64_t team, lead;
	enum status st;

	row_text(r, "name", TEAM_NAME);
	if ((st = demo_put(c, r, &team)) || (st = write_user(c, team, 0, -1, logins, &lead)))
		goto done;
	c->pool_csm = 0;
	for (int i = 0; i < c->ncsms; i++) {
		c->csm_seg[i] = specialty(i, c->ncsms);
		if ((st = write_user(c, team, i + 1, c->csm_seg[i], logins, &c->csm_ids[i])))
			goto done;
		if (c->csm_seg[i] == SEGMENT_SMB && !c->pool_csm)
			c->pool_csm = c->csm_ids[i];
	}
	if (!c->pool_csm)
		c->pool_csm = c->csm_ids[c->ncsms - 1];
done:
	free(logins);
	return st;
}

/* Round-robin owners per segment; every fifth SMB account is pooled. */
struct assign {
	int next[3];          /* per segment: how many accounts assigned so far */
	int smb_seen;
};

static void
assign_owner(struct demo_ctx *c, struct demo_acct *a, struct assign *as)
{
	int n = 0, pick, k = 0;

	a->owner = 0;
	if (a->seg == SEGMENT_SMB && as->smb_seen++ % 5 == 4) {
		a->author = c->pool_csm;
		return;
	}
	for (int i = 0; i < c->ncsms; i++)
		n += c->csm_seg[i] == a->seg;
	pick = as->next[a->seg]++ % (n ? n : c->ncsms);
	for (int i = 0; i < c->ncsms; i++) {
		if (n && c->csm_seg[i] != a->seg)
			continue;
		if (k++ == pick) {
			a->owner = c->csm_ids[i];
			break;
		}
	}
	a->author = a->owner;
}

/* -- planning an account ----------------------------------------------------- */

/* Exact segment shares in every block of 100 accounts (37 is coprime with
 * 100, so i * 37 mod 100 visits each residue once): 15% / 35% / 50%. */
static int
segment_of(int i)
{
	int k = (int)((int64_t)i * 37 % 100);

	return k < 15 ? SEGMENT_ENTERPRISE : k < 50 ? SEGMENT_MID_MARKET : SEGMENT_SMB;
}

static enum arch
pick_arch(struct rng *r, int seg)
{
	/* permille: thriving, steady, slipping, at risk (rest churned).  SMB
	 * churns most, as in every real book. */
	static const int mix[3][4] = {
		[SEGMENT_ENTERPRISE] = { 280, 400, 170, 100 },
		[SEGMENT_MID_MARKET] = { 250, 370, 180, 120 },
		[SEGMENT_SMB] = { 220, 350, 180, 130 },
	};
	int x = (int)rng_below(r, 1000);

	for (int k = 0; k < 4; k++) {
		if (x < mix[seg][k])
			return (enum arch)k;
		x -= mix[seg][k];
	}
	return A_CHURNED;
}

/* -- accounts ------------------------------------------------------------------ */

/* An element of a NULL-ended list. */
static const char *
pick_name(struct rng *r, const char *const *list)
{
	uint32_t n = 0;

	while (list[n])
		n++;
	return list[rng_below(r, n)];
}

static int
account_stage(struct demo_ctx *c, struct demo_acct *a, int32_t *since)
{
	int32_t age = c->today - a->life_start, due;

	if (a->churned_on) {
		*since = a->churned_on;
		return STAGE_CHURNED;
	}
	due = a->terms[a->open_term].due;
	if (age < 45) {
		*since = a->life_start;
		return STAGE_LAND;
	}
	if (age < 150) {
		*since = a->life_start + 45;
		return STAGE_ONBOARD;
	}
	if (due - c->today <= 90) {
		/* The renewal stage starts at T-90 (doc/model.md §5). */
		*since = due - 90 > a->life_start + 150 ? due - 90 : a->life_start + 150;
		if (*since > c->today)
			*since = c->today;
		return STAGE_RENEW;
	}
	*since = a->terms[a->open_term].start > a->life_start + 150 ? a->terms[a->open_term].start :
									 a->life_start + 150;
	return a->arch == A_THRIVING && rng_pm(&a->rng, 600) ? STAGE_EXPAND : STAGE_ADOPT;
}

static void
account_tags(struct row *r, struct demo_acct *a, bool partner)
{
	struct rng *rr = &a->rng;

	if (a->seg == SEGMENT_ENTERPRISE && a->arr_now >= 25000000)
		row_item_text(r, "tags", "strategic");
	if (a->arch == A_THRIVING && rng_pm(rr, 300))
		row_item_text(r, "tags", "reference");
	if (partner)
		row_item_text(r, "tags", "partner-sourced");
	if (a->reactivated)
		row_item_text(r, "tags", "win-back");
	if (a->term_months > 12)
		row_item_text(r, "tags", "multi-year");
	if (a->arch == A_AT_RISK && rng_pm(rr, 250))
		row_item_text(r, "tags", "exec-escalation");
	if (rng_pm(rr, 50))
		row_item_text(r, "tags", "beta-program");
}

static enum status
write_account(struct demo_ctx *c, struct demo_acct *a)
{
	static const char *const notes[] = {
		"Prefers e-mail over calls; quarterly roadmap preview requested.",
		"Budget cycle closes in September; plan renewal talks early.",
		"Procurement requires three quotes above $50k.",
		"Runs a shared-services model: one admin for all subsidiaries.",
		"Sponsor reorganised in spring; confirm the new reporting line.",
	};
	struct row *r = demo_row(c, DE_ACCOUNT);
	struct rng *rr = &a->rng;
	char ext[16], since_s[DATE_STRLEN], start_s[DATE_STRLEN];
	int32_t since;
	int stage = account_stage(c, a, &since);
	int64_t seats = 0;

	for (int k = a->nsteps - 1; k >= 0 && !seats; k--)
		seats = a->steps[k].arr / a->seat_price;
	snprintf(ext, sizeof(ext), "CRM-%06d", a->index + 1);
	a->am = pick_name(rr, demo_account_managers);
	a->partner = rng_pm(rr, 120);
	row_text(r, "external_id", ext);
	row_text(r, "name", a->co.name);
	if (a->owner)
		row_int(r, "owner", a->owner);
	else
		row_null(r, "owner");
	row_text(r, "am", a->am);
	/* Only enterprise renewals have a renewal manager; the CSM owns the rest. */
	row_text(r, "rm",
		 a->seg == SEGMENT_ENTERPRISE ? pick_name(rr, demo_renewal_managers) : NULL);
	row_text(r, "segment", segment_names[a->seg]);
	row_text(r, "touch_model", segment_touch_model(segment_names[a->seg]));
	row_text(r, "service_package", a->owner || a->seg != SEGMENT_SMB ? "premium" : "free");
	row_text(r, "stage", stage_names[stage]);
	row_text(r, "stage_since", date_format(since, since_s));
	row_text(r, "industry", a->co.industry);
	row_text(r, "region", demo_region_names[a->co.region]);
	row_text(r, "partner", a->partner ? pick_name(rr, demo_partners) : NULL);
	row_text(r, "partner_role", a->partner ? pick_name(rr, partner_role_names) : NULL);
	row_int(r, "licensed_seats", seats > 0 ? seats : 1);
	row_text(r, "initial_contract_date", date_format(a->start, start_s));
	row_text(r, "currency", "USD");
	row_text(r, "notes", rng_pm(rr, 150) ? DEMO_PICK(rr, notes) : NULL);
	account_tags(r, a, a->partner);
	return demo_put(c, r, &a->id);
}

/* -- contacts ------------------------------------------------------------------ */

/* Roles by position in the account: sponsor, champion, buyer, admin, ... */
static unsigned
roles_for(struct rng *r, int seg, int pos, int n)
{
	unsigned b = 0;

	switch (pos) {
	case 0:
		b = 1u << CRL_EXECUTIVE_SPONSOR;
		if (seg != SEGMENT_ENTERPRISE && rng_pm(r, 500))
			b |= 1u << CRL_ECONOMIC_BUYER;
		return b;
	case 1:
		b = 1u << CRL_CHAMPION;
		if (rng_pm(r, 300))
			b |= 1u << CRL_DECISION_MAKER;
		if (n == 2)
			b |= 1u << CRL_ADMIN;
		return b;
	case 2:
		return 1u << (seg == SEGMENT_SMB ? CRL_ADMIN : CRL_ECONOMIC_BUYER);
	case 3:
		return 1u << (seg == SEGMENT_SMB ? CRL_POWER_USER : CRL_ADMIN);
	case 4:
		return 1u << CRL_PROJECT_MANAGER;
	default:
		return 1u << (pos % 2 ? CRL_POWER_USER : CRL_END_USER);
	}
}

static int
first_role(unsigned roles)
{
	for (int i = 0; i < CRL_COUNT_; i++)
		if (roles & (1u << i))
			return i;
	return CRL_END_USER;
}

/* When a champion leaves: recently for accounts in trouble, before the
 * churn for churned ones; 0 when the account is too young to tell. */
static int32_t
champion_left_on(struct demo_ctx *c, struct demo_acct *a, bool forced)
{
	static const int chance[A_COUNT] = { 40, 60, 150, 300, 250 };
	struct rng *r = &a->rng;
	int32_t lo = a->life_start + 60 > c->hist_start ? a->life_start + 60 : c->hist_start;
	int32_t day;

	if (!forced && !rng_pm(r, chance[a->arch]))
		return 0;
	if (a->churned_on)
		day = a->churned_on - rng_range(r, 30, 200);
	else if (a->arch == A_AT_RISK)
		day = c->today - rng_range(r, 20, 150);
	else
		day = lo + rng_range(r, 0, c->today - 30 - lo);
	return day >= lo && day < c->today ? day : 0;
}

static void
plan_contacts(struct demo_ctx *c, struct demo_acct *a)
{
	/* Contacts per account by segment: lo..hi. */
	static const int lo[] = { [SEGMENT_ENTERPRISE] = 5, [SEGMENT_MID_MARKET] = 3,
		[SEGMENT_SMB] = 2 };
	static const int hi[] = { [SEGMENT_ENTERPRISE] = 8, [SEGMENT_MID_MARKET] = 6,
		[SEGMENT_SMB] = 4 };
	static const unsigned execs = 1u << CRL_EXECUTIVE_SPONSOR | 1u << CRL_ECONOMIC_BUYER;
	static const int mood[A_COUNT][2] = { { 4, 5 }, { 3, 4 }, { 2, 4 }, { 1, 3 }, { 1, 3 } };
	struct rng *r = &a->rng;
	const struct demo_term *last = &a->terms[a->nterms - 1];
	int n = rng_range(r, lo[a->seg], hi[a->seg]);
	int32_t left;

	a->ncontacts = n;
	for (int i = 0; i < n; i++) {
		struct demo_contact *k = &a->contacts[i];

		memset(k, 0, sizeof(*k));
		k->roles = roles_for(r, a->seg, i, n);
		k->exec = (k->roles & execs) != 0;
		k->sentiment = rng_range(r, mood[a->arch][0], mood[a->arch][1]);
	}
	left = champion_left_on(c, a, last->out == OUT_LOST && last->reason == CR_CHAMPION_LEFT);
	a->champion_left = left != 0;
	if (!left)
		return;
	a->contacts[1].left_on = left;
	/* Healthy accounts find a new champion quickly; others may not. */
	if (rng_pm(r, a->arch <= A_STEADY ? 800 : 400) && left + 60 < c->today) {
		struct demo_contact *k = &a->contacts[a->ncontacts++];

		memset(k, 0, sizeof(*k));
		k->roles = 1u << CRL_CHAMPION;
		k->joined = left + rng_range(r, 10, 60);
		k->sentiment = rng_range(r, mood[a->arch][0], mood[a->arch][1]);
	}
}

static enum status
write_contact(struct demo_ctx *c, struct demo_acct *a, int i)
{
	struct demo_contact *k = &a->contacts[i];
	struct row *r = demo_row(c, DE_CONTACT);
	struct rng *rr = &a->rng;
	struct demo_person p;
	char local[64], email[160], phone[32], left_s[DATE_STRLEN];
	bool fan = a->arch == A_THRIVING && (k->exec || (k->roles & (1u << CRL_CHAMPION)));

	demo_person(rng_next(rr), a->co.region, &p);
	demo_login(&p, local, sizeof(local));
	/* Two contacts with one name at one account get distinct addresses
	 * (generated locals have no digits, so "name<position>" is free). */
	for (int j = 0; j < i; j++)
		if (!strcmp(a->contacts[j].local, local)) {
			snprintf(k->local, sizeof(k->local), "%.40s%d", local, i + 1);
			break;
		}
	if (!k->local[0])
		snprintf(k->local, sizeof(k->local), "%s", local);
	snprintf(email, sizeof(email), "%s@%s", k->local, a->co.domain);
	snprintf(k->name, sizeof(k->name), "%s", p.name);
	if (a->co.region == DR_EMEA)
		snprintf(phone, sizeof(phone), "+44 20 7946 0%03d", rng_range(rr, 0, 999));
	else
		snprintf(phone, sizeof(phone), "+1 555 01%02d", rng_range(rr, 0, 99));
	row_int(r, "account", a->id);
	row_text(r, "name", p.name);
	row_text(r, "title", demo_title(first_role(k->roles), rng_next(rr)));
	row_text(r, "email", email);
	row_text(r, "phone", rng_pm(rr, 700) ? phone : NULL);
	row_int(r, "is_executive", k->exec);
	row_text(r, "status", k->left_on ? "left" : "active");
	row_text(r, "left_on", k->left_on ? date_format(k->left_on, left_s) : NULL);
	row_int(r, "sentiment", k->sentiment);
	row_int(r, "advocate_reference", fan && rng_pm(rr, 400));
	row_int(r, "advocate_case_study", fan && rng_pm(rr, 150));
	row_int(r, "advocate_speaker", fan && rng_pm(rr, 80));
	for (int role = 0; role < CRL_COUNT_; role++)
		if (k->roles & (1u << role))
			row_item_text(r, "roles", contact_role_names[role]);
	return demo_put(c, r, &k->id);
}

/* -- the driver ---------------------------------------------------------------- */

static enum status
account(struct demo_ctx *c, struct demo_acct *a, int i, struct assign *as)
{
	memset(a, 0, sizeof(*a));
	a->index = i;
	rng_seed(&a->rng, c->seed, (uint64_t)i + 1);
	a->seg = segment_of(i);
	a->arch = pick_arch(&a->rng, a->seg);
	demo_company(rng_next(&a->rng), i, &a->co);
	assign_owner(c, a, as);
	demo_plan_revenue(c, a);
	plan_contacts(c, a);
	if (write_account(c, a))
		return c->e->status;
	for (int k = 0; k < a->ncontacts; k++)
		if (write_contact(c, a, k))
			return c->e->status;
	if (demo_revenue(c, a) || demo_usage(c, a) || demo_support(c, a) || demo_nps(c, a) ||
	    demo_touches(c, a) || demo_advocacy(c, a) || demo_risks(c, a) || demo_tasks(c, a) ||
	    demo_plans(c, a) || demo_opportunities(c, a))
		return c->e->status;
	return ST_OK;
}

static enum status
check_opts(struct store *s, const struct demo_opts *o, struct err *e)
{
	bool empty;

	if (!o)
		return err_set(e, ST_USAGE, "demo: no options");
	if (o->accounts < 1 || o->accounts > DEMO_MAX_ACCOUNTS)
		return err_set(e, ST_USAGE, "--accounts must be between 1 and %d (got %d)",
			       DEMO_MAX_ACCOUNTS, o->accounts);
	if (o->csms < 1 || o->csms > DEMO_MAX_CSMS)
		return err_set(e, ST_USAGE, "--csms must be between 1 and %d (got %d)",
			       DEMO_MAX_CSMS, o->csms);
	if (store_is_empty(s, &empty, e))
		return e->status;
	if (!empty)
		return err_set(e, ST_DATA,
			       "%s already holds accounts or users; the demo fills only an "
			       "empty book (give a new file with --db)", store_path(s));
	return ST_OK;
}

static enum status
generate(struct demo_ctx *c, const struct demo_opts *o)
{
	struct assign as = { { 0 }, 0 };
	struct demo_acct *a = xmalloc(sizeof(*a));
	struct rng r;
	enum status st = write_team(c);

	for (int i = 0; !st && i < o->accounts; i++)
		if ((st = account(c, a, i, &as)))
			err_wrap(c->e, "demo account %d", i + 1);
	/* The CSMs' own to-do lists come last, from a stream of their own. */
	for (int i = 0; !st && i < c->ncsms; i++) {
		rng_seed(&r, c->seed, UINT64_MAX - (uint64_t)i);
		st = demo_internal_tasks(c, c->csm_ids[i], &r);
	}
	free(a);
	return st;
}

enum status
demo_generate(struct store *s, const struct demo_opts *o, struct demo_stats *out, struct err *e)
{
	struct demo_ctx c;
	enum status st;

	if (out)
		memset(out, 0, sizeof(*out));
	if (check_opts(s, o, e))
		return e->status;
	memset(&c, 0, sizeof(c));
	c.s = s;
	c.e = e;
	c.seed = o->seed;
	c.today = store_clock(s)->today;
	c.hist_start = c.today - 7 * 104;
	c.ncsms = o->csms;
	c.csm_ids = xcalloc((size_t)o->csms, sizeof(*c.csm_ids));
	c.csm_seg = xcalloc((size_t)o->csms, sizeof(*c.csm_seg));
	for (int i = 0; i < DE_COUNT_; i++)
		row_init(&c.rows[i], demo_entities[i]);
	if (!(st = wtx_begin(s, "demo", WTX_BULK, &c.t, e))) {
		wtx_no_journal(c.t);
		st = generate(&c, o);
		if (!st && out) {
			out->rows = wtx_rows(c.t) + c.items;
			out->accounts = o->accounts;
			out->users = o->csms + 1;
		}
		if (st)
			wtx_abort(c.t);
		else
			st = wtx_commit(c.t, e);
	}
	for (int i = 0; i < DE_COUNT_; i++)
		row_done(&c.rows[i]);
	free(c.csm_ids);
	free(c.csm_seg);
	return st;
}

/* -- scoring the new book --------------------------------------------------- */

int
demo_default_weeks(int accounts)
{
	return accounts > DEMO_BIG_BOOK ? 1 : DEMO_DEFAULT_WEEKS;
}

enum status
demo_score_from(struct store *s, const struct scorecard_set *set, int32_t first, int count,
		struct err *e)
{
	struct health_run r;
	enum status st = ST_OK;

	for (int w = 0; w < count && !st; w++)
		st = health_run_recompute(s, set, first + 7 * w, &r, e);
	return st;
}

enum status
demo_score(struct store *s, const struct scorecard_set *set, int weeks, struct err *e)
{
	return demo_score_from(s, set, store_clock(s)->today - 7 * (weeks - 1), weeks, e);
}

/* -- finishing an interrupted demo ----------------------------------------- */

enum status
demo_resume_point(struct store *s, const struct demo_opts *o, int weeks, struct demo_resume *r,
		  struct err *e)
{
	int32_t today = store_clock(s)->today, last;
	struct store_demo_log log;

	memset(r, 0, sizeof(*r));
	if (weeks < 1 || store_demo_log(s, &log, e))
		return e->status;
	if (!log.only_demo)
		return ST_OK;   /* not a demo's book, or someone wrote to it */
	if (!log.recomputes) {
		r->first = today - 7 * (weeks - 1);
		r->left = weeks;
	} else if (date_parse(log.last_scored, &last) && last < today && (today - last) % 7 == 0 &&
		   log.recomputes + (today - last) / 7 == weeks) {
		r->first = last + 7;
		r->left = (today - last) / 7;
	} else {
		return ST_OK;   /* complete, or scored for another today or --weeks */
	}
	r->scored = log.recomputes;
	r->unfinished = true;
	if (log.accounts != o->accounts)
		return err_set(e, ST_DATA,
			       "%s holds an unfinished demo book of %lld accounts; run 'tend demo "
			       "--accounts %lld' with the same --seed, --weeks and --now to finish it",
			       store_path(s), (long long)log.accounts, (long long)log.accounts);
	return ST_OK;
}
