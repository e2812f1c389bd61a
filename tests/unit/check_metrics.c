/*
 * check_metrics.c -- revenue metrics (doc/model.md section 4) on tiny books
 * computed by hand: golden numbers to the cent, the edge cases of the ledger
 * (churn and reactivation inside the period, contraction to zero, accounts
 * new in the period, several contracts, events on the period's first and
 * day-after-last days, an empty cohort), renewal rates, NPS and CSAT,
 * coverage and review cadence, grouping, the JSON keys of `tend metrics`,
 * and the ledger events `tend renewal close` writes.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "domain/metrics.h"
#include "store/metrics.h"
#include "testutil.h"

#define TODAY "2026-11-23"
#define USD(n) ((int64_t)(n) * 100)

static void
load(struct store *s, const struct entity *ent, const char *csv)
{
	char *report = NULL;
	size_t n = tu_import(s, ent, csv, NULL, &report);

	ck_assert_msg(n == 0, "import %s: %s", ent->name, report ? report : "");
	free(report);
}

static int32_t
day(const char *ymd)
{
	int32_t d;

	ck_assert_msg(date_parse(ymd, &d), "bad date %s", ymd);
	return d;
}

/* A ratio that must be set and equal to num / den (the same division the
 * code does, so exact), and never NaN. */
#define ck_ratio(x, num, den) do { \
	ck_assert_msg((x).set, #x " is not set"); \
	ck_assert_msg(!isnan((x).v) && (x).v == (double)(num) / (double)(den), \
		      #x " = %.17g, expected %s / %s", (x).v, #num, #den); \
} while (0)
#define ck_null(x) ck_assert_msg(!(x).set, #x " is set (%.17g), expected null", (x).v)

/*
 * The hand-computed book.  Period 2026-01-01 .. 2026-12-31: t0 = 2026-01-01,
 * t1 = 2027-01-01.  Amounts in dollars; ARR(t0) -> ARR(t1):
 *   A amy ent   100,000 -> 120,000   expansion 20,000
 *   B amy ent    50,000 ->  40,000   contraction 10,000
 *   C amy ent    30,000 ->  25,000   churned 2026-02-01, reactivated 2026-09-01:
 *                                    a contraction of 5,000, not a churn
 *   D ben mid    20,000 ->       0   a contraction to zero is a churn: X 20,000
 *   E ben smb         0 ->   8,000   new in the period: new ARR, not in the cohort
 *   F ben smb    10,000 ->   9,000   two contracts (6,000 + 4,000); one grows
 *                                    3,000, the other churns 4,000: net
 *                                    contraction 1,000
 *   G pooled smb  5,000 ->       0   churned on the period's last day: X 5,000
 *   H pooled smb      0 ->   7,000   new on t0 (in the period); +1,000 on t1 is not
 *   I amy ent         0 ->       0   churned before the period: nowhere
 *   J amy ent    10,000 ->  12,000   expansion dated t0 belongs to the period
 * Cohort A B C D F G J: 7 accounts, S = 225,000; E = 22,000; C = 16,000;
 * X = 25,000 (2 accounts); new ARR 15,000 (2 accounts); ending 221,000.
 */
static const char users_csv[] =
	"login,name,role,team,segment\n"
	"amy,Amy Adams,csm,East,enterprise\n"
	"ben,Ben Brown,csm,West,smb\n"
	"lee,Lee Lead,lead,,\n";
static const char teams_csv[] = "name\nEast\nWest\n";
static const char accounts_csv[] =
	"external_id,name,owner,segment,service_package\n"
	"A,Alpha,amy,enterprise,premium\n"
	"B,Bravo,amy,enterprise,premium\n"
	"C,Charlie,amy,enterprise,premium\n"
	"D,Delta,ben,mid_market,premium\n"
	"E,Echo,ben,smb,premium\n"
	"F,Foxtrot,ben,smb,premium\n"
	"G,Golf,,smb,premium\n"
	"H,Hotel,,smb,free\n"
	"I,India,amy,enterprise,premium\n"
	"J,Juliett,amy,enterprise,premium\n";
static const char ledger_csv[] =
	"account,date,kind,arr_delta,reason\n"
	"A,2025-01-01,new,100000,\n"
	"A,2026-03-01,expansion,20000,\n"
	"B,2025-06-01,new,50000,\n"
	"B,2026-05-01,contraction,-10000,\n"
	"C,2025-02-01,new,30000,\n"
	"C,2026-02-01,churn,-30000,\n"
	"C,2026-09-01,reactivation,25000,\n"
	"D,2025-03-01,new,20000,\n"
	"D,2026-04-01,contraction,-20000,\n"
	"E,2026-06-01,new,8000,\n"
	"F,2024-01-01,new,6000,contract 1\n"
	"F,2025-01-01,new,4000,contract 2\n"
	"F,2026-07-01,expansion,3000,contract 1\n"
	"F,2026-08-01,churn,-4000,contract 2\n"
	"G,2025-01-01,new,5000,\n"
	"G,2026-12-31,churn,-5000,\n"
	"H,2026-01-01,new,7000,\n"
	"H,2027-01-01,expansion,1000,\n"
	"I,2024-01-01,new,40000,\n"
	"I,2025-06-01,churn,-40000,\n"
	"J,2025-01-01,new,10000,\n"
	"J,2026-01-01,expansion,2000,\n";
/* Due in the period: R1-R4, 180,000.  Won: R1 on time (gross 100,000, net
 * 120,000) and R2 late (40,000 both); R3 lost; R4 open.  R5 is due on t1 and
 * R6 the day before t0: both outside. */
static const char renewals_csv[] =
	"account,due_date,target_arr,final_arr,stage,closed_date,churn_reason\n"
	"A,2026-03-01,100000,120000,won,2026-02-20,\n"
	"B,2026-05-01,50000,40000,won,2026-05-10,\n"
	"D,2026-04-01,20000,0,lost,2026-03-25,budget\n"
	"F,2026-11-15,10000,,negotiating,,\n"
	"J,2027-01-01,12000,,not_started,,\n"
	"G,2025-12-31,5000,5000,won,2025-12-01,\n";
/* NPS in the period 10 9 9 7 6: 3 promoters, 1 detractor of 5 -> +40.
 * CSAT 5 4 3 1: mean 3.25, half rated 4 or 5. */
static const char surveys_csv[] =
	"account,date,kind,score\n"
	"A,2026-01-01,nps,10\n"
	"B,2026-02-01,nps,9\n"
	"E,2026-12-31,nps,9\n"
	"F,2026-06-01,nps,7\n"
	"H,2026-07-01,nps,6\n"
	"A,2027-01-01,nps,0\n"
	"B,2025-12-31,nps,0\n"
	"A,2026-03-01,csat,5\n"
	"C,2026-03-02,csat,4\n"
	"E,2026-03-03,csat,3\n"
	"G,2026-03-04,csat,1\n";
/* Premium accounts paying at t1: A B C J (enterprise, window from
 * 2026-10-01) and E F (smb, window from 2026-10-01).  Reviewed in time:
 * A (QBR on the window's first day), C (EBR), E (webinar counts for SMB);
 * overdue: B (a day early), J (a webinar does not count for enterprise), F
 * (on t1).  Customer touchpoints in the period: 7, 5 proactive. */
static const char touchpoints_csv[] =
	"account,date,kind,proactive\n"
	"A,2026-10-01,qbr,true\n"
	"B,2026-09-30,qbr,true\n"
	"C,2026-12-31,ebr,true\n"
	"J,2026-11-01,webinar,true\n"
	"E,2026-12-01,webinar,true\n"
	"F,2027-01-01,qbr,true\n"
	"A,2026-04-01,call,false\n"
	"D,2026-03-01,email,false\n"
	"A,2026-05-01,note,true\n"
	"B,2026-06-01,internal_review,true\n"
	"C,2025-12-31,call,true\n";

static struct store *
golden_book(void)
{
	struct store *s = tu_open(NULL, TODAY);

	load(s, &entity_team, teams_csv);
	load(s, &entity_user, users_csv);
	load(s, &entity_account, accounts_csv);
	load(s, &entity_arr_event, ledger_csv);
	load(s, &entity_renewal, renewals_csv);
	load(s, &entity_survey, surveys_csv);
	load(s, &entity_touchpoint, touchpoints_csv);
	return s;
}

static struct metrics_group *
groups_of(struct store *s, const char *from, const char *to, enum metrics_by by, size_t *n)
{
	struct err e = { ST_OK, "" };
	struct metrics_book b;
	struct metrics_group *g;
	enum status st = store_metrics(s, day(from), day(to) + 1, by != METRICS_BOOK, &b, &e);

	ck_assert_msg(st == ST_OK, "store_metrics: %s", e.msg);
	g = metrics_groups(&b, by, n);
	/* Names point into the book: keep copies for the checks. */
	for (size_t i = 0; i < *n; i++)
		g[i].name = g[i].name ? xstrdup(g[i].name) : NULL;
	metrics_book_done(&b);
	return g;
}

static void
groups_free(struct metrics_group *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)g[i].name);
	free(g);
}

static const struct metrics_group *
group_named(const struct metrics_group *g, size_t n, const char *name)
{
	for (size_t i = 1; i < n; i++)
		if (!strcmp(g[i].name, name))
			return &g[i];
	ck_abort_msg("no group %s", name);
	return NULL;
}

START_TEST(test_ledger_golden)
{
	struct store *s = golden_book();
	size_t n;
	struct metrics_group *g = groups_of(s, "2026-01-01", "2026-12-31", METRICS_BOOK, &n);
	const struct metrics *m = &g[0].m;

	ck_assert_int_eq(n, 1);
	ck_assert_ptr_null(g[0].name);
	ck_assert_int_eq(m->sums.starting_arr, USD(225000));
	ck_assert_int_eq(m->sums.expansion, USD(22000));
	ck_assert_int_eq(m->sums.contraction, USD(16000));
	ck_assert_int_eq(m->sums.churned_arr, USD(25000));
	ck_assert_int_eq(m->sums.new_arr, USD(15000));
	ck_assert_int_eq(m->sums.ending_arr, USD(221000));
	ck_assert_int_eq(m->sums.cohort_accounts, 7);
	ck_assert_int_eq(m->sums.churned_accounts, 2);
	ck_assert_int_eq(m->sums.new_accounts, 2);
	ck_assert_int_eq(m->sums.active_accounts, 7);   /* A B C E F H J */
	ck_ratio(m->nrr, 206000, 225000);
	ck_ratio(m->grr, 184000, 225000);
	ck_ratio(m->logo_churn, 2, 7);
	ck_ratio(m->revenue_churn, 25000, 225000);
	/* The identity behind the definitions. */
	ck_assert_int_eq(m->sums.starting_arr + m->sums.expansion - m->sums.contraction -
			 m->sums.churned_arr + m->sums.new_arr, m->sums.ending_arr);
	groups_free(g, n);
	store_close(s);
}
END_TEST

START_TEST(test_renewals_surveys_touchpoints)
{
	struct store *s = golden_book();
	size_t n;
	struct metrics_group *g = groups_of(s, "2026-01-01", "2026-12-31", METRICS_BOOK, &n);
	const struct metrics *m = &g[0].m;

	ck_assert_int_eq(m->sums.renewals, 4);
	ck_assert_int_eq(m->sums.renewals_due, USD(180000));
	ck_assert_int_eq(m->sums.renewals_won, 2);
	ck_assert_int_eq(m->sums.renewals_lost, 1);
	ck_ratio(m->gross_renewal_rate, 140000, 180000);
	ck_ratio(m->net_renewal_rate, 160000, 180000);
	ck_ratio(m->on_time_renewal_rate, 1, 4);
	ck_assert_int_eq(m->sums.nps_responses, 5);
	ck_ratio(m->nps, 200, 5);
	ck_assert(m->nps.v == 40.0);
	ck_assert_int_eq(m->sums.csat_responses, 4);
	ck_assert(m->csat.set && m->csat.v == 3.25);
	ck_ratio(m->csat_satisfied, 1, 2);
	ck_assert_int_eq(m->sums.touchpoints, 7);
	ck_ratio(m->proactive_share, 5, 7);
	ck_assert_int_eq(m->sums.review_accounts, 6);
	ck_assert_int_eq(m->sums.reviews_current, 3);
	ck_assert_int_eq(m->reviews_overdue, 3);
	ck_ratio(m->review_coverage, 1, 2);
	/* Coverage: amy carries A B C J (197,000), ben E F (17,000); the lead
	 * owns nothing and is no CSM.  Both are far under their bands. */
	ck_assert_int_eq(m->sums.csms, 2);
	ck_assert_int_eq(m->sums.csm_accounts, 6);
	ck_ratio(m->accounts_per_csm, 6, 2);
	ck_assert(m->arr_per_csm.set);
	ck_assert_int_eq(m->arr_per_csm.v, USD(107000));
	ck_assert_int_eq(m->sums.csms_outside_band, 2);
	groups_free(g, n);
	store_close(s);
}
END_TEST

START_TEST(test_by_csm)
{
	struct store *s = golden_book();
	size_t n;
	struct metrics_group *g = groups_of(s, "2026-01-01", "2026-12-31", METRICS_BY_CSM, &n);
	const struct metrics *amy, *ben, *pooled;

	/* book, amy, ben, pooled: the lead owns nothing and is no CSM */
	ck_assert_int_eq(n, 4);
	ck_assert_str_eq(g[1].name, "amy");
	ck_assert_str_eq(g[2].name, "ben");
	ck_assert_str_eq(g[3].name, "pooled");
	amy = &group_named(g, n, "amy")->m;
	ben = &group_named(g, n, "ben")->m;
	pooled = &group_named(g, n, "pooled")->m;

	ck_assert_int_eq(amy->sums.starting_arr, USD(190000));
	ck_assert_int_eq(amy->sums.expansion, USD(22000));
	ck_assert_int_eq(amy->sums.contraction, USD(15000));
	ck_assert_int_eq(amy->sums.churned_arr, 0);
	ck_assert_int_eq(amy->sums.cohort_accounts, 4);
	ck_ratio(amy->nrr, 197000, 190000);
	ck_ratio(amy->grr, 175000, 190000);
	ck_ratio(amy->logo_churn, 0, 4);
	ck_assert_int_eq(amy->sums.renewals, 2);
	ck_ratio(amy->gross_renewal_rate, 140000, 150000);
	ck_ratio(amy->review_coverage, 2, 4);
	ck_assert_int_eq(amy->sums.csms, 1);
	ck_assert_int_eq(amy->sums.csm_arr, USD(197000));
	ck_assert_int_eq(amy->sums.csms_outside_band, 1);

	ck_assert_int_eq(ben->sums.starting_arr, USD(30000));
	ck_assert_int_eq(ben->sums.contraction, USD(1000));
	ck_assert_int_eq(ben->sums.churned_arr, USD(20000));
	ck_assert_int_eq(ben->sums.new_arr, USD(8000));
	ck_ratio(ben->nrr, 9000, 30000);
	ck_ratio(ben->grr, 9000, 30000);
	ck_ratio(ben->logo_churn, 1, 2);
	ck_ratio(ben->revenue_churn, 20000, 30000);
	ck_ratio(ben->on_time_renewal_rate, 0, 2);
	ck_ratio(ben->review_coverage, 1, 2);
	ck_assert_int_eq(ben->sums.csm_accounts, 2);

	ck_assert_int_eq(pooled->sums.starting_arr, USD(5000));
	ck_assert_int_eq(pooled->sums.churned_arr, USD(5000));
	ck_assert_int_eq(pooled->sums.new_arr, USD(7000));
	ck_ratio(pooled->nrr, 0, 5000);
	ck_ratio(pooled->logo_churn, 1, 1);
	ck_assert_int_eq(pooled->sums.csms, 0);
	ck_null(pooled->accounts_per_csm);
	ck_assert(!pooled->arr_per_csm.set);
	ck_null(pooled->review_coverage);   /* H is free, G no longer pays */
	ck_null(pooled->on_time_renewal_rate);
	groups_free(g, n);
	store_close(s);
}
END_TEST

/* Every grouping adds up to the whole book, figure by figure. */
START_TEST(test_groups_add_up)
{
	static const enum metrics_by dims[] = {
		METRICS_BY_CSM, METRICS_BY_SEGMENT, METRICS_BY_TEAM,
	};
	struct store *s = golden_book();
	size_t n, nb;
	struct metrics_group *book = groups_of(s, "2026-01-01", "2026-12-31", METRICS_BOOK, &nb);

	for (size_t d = 0; d < sizeof(dims) / sizeof(dims[0]); d++) {
		struct metrics_group *g = groups_of(s, "2026-01-01", "2026-12-31", dims[d], &n);
		struct metrics_sums total = { 0 };

		for (size_t i = 1; i < n; i++)
			metrics_sums_add(&total, &g[i].m.sums);
		if (dims[d] == METRICS_BY_SEGMENT) {
			/* the segment of a CSM is one: coverage adds up too */
			ck_assert_int_eq(n, 4);
			ck_assert_str_eq(g[1].name, "enterprise");
			ck_assert_str_eq(g[2].name, "mid_market");
			ck_assert_str_eq(g[3].name, "smb");
			ck_assert_int_eq(g[2].m.sums.churned_arr, USD(20000));
			ck_ratio(g[2].m.grr, 0, 20000);
			ck_assert_int_eq(g[2].m.sums.csms, 0);
		}
		if (dims[d] == METRICS_BY_TEAM) {
			ck_assert_int_eq(n, 4);
			ck_assert_str_eq(g[1].name, "East");
			ck_assert_str_eq(g[2].name, "West");
			ck_assert_str_eq(g[3].name, "pooled");
		}
		ck_assert_msg(!memcmp(&total, &g[0].m.sums, sizeof(total)),
			      "groups of %d differ from the book", (int)dims[d]);
		ck_assert_msg(!memcmp(&g[0].m.sums, &book[0].m.sums, sizeof(total)),
			      "the grouped book differs from the ungrouped one");
		groups_free(g, n);
	}
	groups_free(book, nb);
	store_close(s);
}
END_TEST

/* A period before any revenue: nothing to divide by, so null, never NaN. */
START_TEST(test_empty_cohort)
{
	struct store *s = golden_book();
	size_t n;
	struct metrics_group *g = groups_of(s, "2023-01-01", "2023-12-31", METRICS_BY_SEGMENT, &n);

	ck_assert_int_eq(n, 4);
	for (size_t i = 0; i < n; i++) {
		const struct metrics *m = &g[i].m;

		ck_assert_int_eq(m->sums.cohort_accounts, 0);
		ck_assert_int_eq(m->sums.starting_arr, 0);
		ck_null(m->nrr);
		ck_null(m->grr);
		ck_null(m->logo_churn);
		ck_null(m->revenue_churn);
		ck_null(m->gross_renewal_rate);
		ck_null(m->net_renewal_rate);
		ck_null(m->on_time_renewal_rate);
		ck_null(m->nps);
		ck_null(m->csat);
		ck_null(m->csat_satisfied);
		ck_null(m->review_coverage);
		ck_null(m->proactive_share);
	}
	/* Active CSMs are still counted, with empty books. */
	ck_assert_int_eq(g[0].m.sums.csms, 2);
	ck_assert(g[0].m.accounts_per_csm.set && g[0].m.accounts_per_csm.v == 0);
	groups_free(g, n);
	store_close(s);

	/* A book with nothing at all. */
	s = tu_open(NULL, TODAY);
	g = groups_of(s, "2026-01-01", "2026-12-31", METRICS_BY_CSM, &n);
	ck_assert_int_eq(n, 1);
	ck_null(g[0].m.nrr);
	ck_null(g[0].m.accounts_per_csm);
	ck_assert(!g[0].m.arr_per_csm.set);
	groups_free(g, n);
	store_close(s);
}
END_TEST

START_TEST(test_compute_pure)
{
	struct metrics_sums in = { 0 };
	struct metrics m;

	metrics_compute(&in, &m);
	ck_null(m.nrr);
	ck_null(m.nps);
	ck_assert(!m.arr_per_csm.set);
	/* GRR never exceeds 100%, NRR may; ARR per CSM rounds half away from 0. */
	in.starting_arr = 1000;
	in.expansion = 500;
	in.contraction = 0;
	in.csms = 3;
	in.csm_arr = 100;       /* 33.33 -> 33 */
	metrics_compute(&in, &m);
	ck_ratio(m.nrr, 1500, 1000);
	ck_ratio(m.grr, 1000, 1000);
	ck_assert_int_eq(m.arr_per_csm.v, 33);
	in.csm_arr = 5;  /* 1.67 -> 2 */
	metrics_compute(&in, &m);
	ck_assert_int_eq(m.arr_per_csm.v, 2);
	in.nps_responses = 3;
	in.nps_detractors = 3;
	metrics_compute(&in, &m);
	ck_assert(m.nps.set && m.nps.v == -100.0);
}
END_TEST

/* doc/model.md section 7 bands, both ends included. */
START_TEST(test_bands)
{
	ck_assert(!metrics_outside_band(SEGMENT_ENTERPRISE, 11, USD(2000000)));
	ck_assert(!metrics_outside_band(SEGMENT_ENTERPRISE, 50, USD(5000000)));
	ck_assert(metrics_outside_band(SEGMENT_ENTERPRISE, 10, USD(3000000)));
	ck_assert(metrics_outside_band(SEGMENT_ENTERPRISE, 51, USD(3000000)));
	ck_assert(metrics_outside_band(SEGMENT_ENTERPRISE, 30, USD(5000000) + 1));
	ck_assert(metrics_outside_band(SEGMENT_ENTERPRISE, 30, USD(2000000) - 1));
	ck_assert(!metrics_outside_band(SEGMENT_MID_MARKET, 100, USD(2000000)));
	ck_assert(metrics_outside_band(SEGMENT_MID_MARKET, 251, USD(2000000)));
	ck_assert(!metrics_outside_band(SEGMENT_SMB, 250, USD(1000000)));
	ck_assert(metrics_outside_band(SEGMENT_SMB, 200, USD(2000000) + 1));
	ck_assert(metrics_outside_band(SEGMENT_SMB, 99, USD(1500000)));
}
END_TEST

/* A CSM with no segment of their own is judged by the segment most of their
 * accounts are in: 11 enterprise accounts of 200,000 and one SMB account of
 * 10,000 is 12 accounts and 2,210,000 -- inside the enterprise band, far
 * outside the SMB one. */
START_TEST(test_coverage_band_by_majority)
{
	struct store *s = tu_open(NULL, TODAY);
	struct buf acc, led;
	size_t n;
	struct metrics_group *g;

	load(s, &entity_user, "login,name,role\ncat,Cat Cole,csm\nidle,Idle Ida,csm\n");
	buf_init(&acc);
	buf_init(&led);
	buf_adds(&acc, "external_id,name,owner,segment\n");
	buf_adds(&led, "account,date,kind,arr_delta\n");
	for (int i = 0; i < 12; i++) {
		buf_addf(&acc, "K%d,Kilo %d,cat,%s\n", i, i, i < 11 ? "enterprise" : "smb");
		buf_addf(&led, "K%d,2025-01-01,new,%d\n", i, i < 11 ? 200000 : 10000);
	}
	load(s, &entity_account, acc.data);
	load(s, &entity_arr_event, led.data);
	buf_done(&acc);
	buf_done(&led);

	g = groups_of(s, "2026-01-01", "2026-12-31", METRICS_BY_CSM, &n);
	ck_assert_int_eq(n, 3);   /* the book, cat, and idle (a CSM with no accounts) */
	ck_assert_str_eq(g[1].name, "cat");
	ck_assert_int_eq(g[1].m.sums.csm_accounts, 12);
	ck_assert_int_eq(g[1].m.sums.csm_arr, USD(2210000));
	ck_assert_int_eq(g[1].m.sums.csms_outside_band, 0);
	ck_assert_str_eq(g[2].name, "idle");
	ck_assert_int_eq(g[2].m.sums.csms, 1);
	ck_assert_int_eq(g[2].m.sums.csms_outside_band, 0);   /* no segment: not judged */
	ck_assert_int_eq(g[0].m.sums.csms, 2);
	ck_ratio(g[0].m.accounts_per_csm, 12, 2);
	ck_assert_int_eq(g[0].m.arr_per_csm.v, USD(1105000));
	groups_free(g, n);
	store_close(s);
}
END_TEST

/* -- the commands ---------------------------------------------------------- */

/* Run a command on s with stdout captured; returns its output (caller frees). */
static char *
run_cmd(struct store *s, enum status (*fn)(struct cli *, int, char **), enum status expect,
	int argc, char **argv)
{
	struct err e = { ST_OK, "" };
	struct cli c;
	char *path = tu_path("out.txt"), *text;
	FILE *fp;
	int saved, fd;
	long len;

	memset(&c, 0, sizeof(c));
	c.prog = "tend";
	c.err = &e;
	c.store = s;
	c.login = (char *)"tester";
	c.format = OUT_JSON;
	c.format_set = true;
	tu_clock(&c.clock, TODAY);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fp = fopen(path, "w+");
	ck_assert_ptr_nonnull(fp);
	fd = fileno(fp);
	dup2(fd, STDOUT_FILENO);
	ck_assert_msg(fn(&c, argc, argv) == expect, "%s: status %d (%s)", argv[0], (int)e.status,
		      e.msg);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	text = xmalloc((size_t)len + 1);
	ck_assert_int_eq(fread(text, 1, (size_t)len, fp), (size_t)len);
	text[len] = '\0';
	fclose(fp);
	free(path);
	return text;
}

START_TEST(test_json_keys)
{
	static const char *const keys[] = {
		"\"group\": null", "\"from\": \"2026-01-01\"", "\"to\": \"2026-12-31\"",
		"\"starting_arr_cents\": 22500000", "\"expansion_cents\": 2200000",
		"\"contraction_cents\": 1600000", "\"churned_arr_cents\": 2500000",
		"\"new_arr_cents\": 1500000", "\"ending_arr_cents\": 22100000",
		"\"nrr\": 0.9155555555555556", "\"grr\": 0.8177777777777778",
		"\"logo_churn\": 0.2857142857142857", "\"revenue_churn\": 0.1111111111111111",
		"\"cohort_accounts\": 7", "\"churned_accounts\": 2", "\"new_accounts\": 2",
		"\"renewals_due_cents\": 18000000", "\"renewals\": 4", "\"renewals_won\": 2",
		"\"renewals_lost\": 1", "\"gross_renewal_rate\": 0.7777777777777778",
		"\"net_renewal_rate\": 0.8888888888888888", "\"on_time_renewal_rate\": 0.25",
		"\"nps\": 40", "\"nps_responses\": 5", "\"csat\": 3.25", "\"csat_satisfied\": 0.5",
		"\"csat_responses\": 4", "\"active_accounts\": 7", "\"csms\": 2",
		"\"accounts_per_csm\": 3", "\"arr_per_csm_cents\": 10700000",
		"\"csms_outside_band\": 2", "\"review_accounts\": 6", "\"reviews_overdue\": 3",
		"\"review_coverage\": 0.5", "\"touchpoints\": 7",
		"\"proactive_share\": 0.7142857142857143",
		"{\"group\": \"mid_market\"", "\"nrr\": 0, \"grr\": 0",
		"{\"group\": \"smb\"",
	};
	char *argv[] = { "metrics", "--from", "2026-01-01", "--to", "2026-12-31", "--by", "segment",
			 NULL };
	struct store *s = golden_book();
	char *out = run_cmd(s, cmd_metrics_entry.run, ST_OK, 7, argv);

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		ck_assert_msg(strstr(out, keys[i]), "no %s in\n%s", keys[i], out);
	ck_assert_msg(!strstr(out, "nan") && !strstr(out, "inf"), "NaN in\n%s", out);
	free(out);
	store_close(s);
}
END_TEST

static char *
close_renewal(struct store *s, enum status expect, const char *id, const char *final,
	      const char *reason)
{
	char *argv[] = { "renewal", "close", (char *)id, "--final", (char *)final, "--reason",
			 (char *)reason, NULL };

	return run_cmd(s, cmd_renewal_entry.run, expect, reason ? 7 : 5, argv);
}

/* Closing writes the matching event on the due date; metrics follow. */
START_TEST(test_renewal_close)
{
	struct store *s = tu_open(NULL, TODAY);
	char *out;

	load(s, &entity_account, "external_id,name,segment\nP,Papa,smb\nQ,Quebec,smb\nR,Romeo,smb\n"
				 "S,Sierra,smb\n");
	load(s, &entity_arr_event, "account,date,kind,arr_delta\n"
				   "P,2025-01-01,new,10000\nQ,2025-01-01,new,10000\n"
				   "R,2025-01-01,new,6000\nR,2025-06-01,new,4000\n"
				   "S,2025-01-01,new,10000\n");
	load(s, &entity_renewal, "id,account,due_date,target_arr\n"
				 "1,P,2026-12-01,10000\n2,Q,2026-12-02,10000\n"
				 "3,R,2026-12-03,4000\n4,S,2026-12-04,10000\n"
				 "5,S,2027-12-04,10000\n");

	/* Upsell: expansion of the difference. */
	free(close_renewal(s, ST_OK, "1", "12000.50", NULL));
	ck_assert_int_eq(tu_int(s, "SELECT arr_delta_cents FROM arr_events WHERE account_id = 1"
				   " AND kind = 'expansion' AND date = '2026-12-01'"), 200050);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM renewals WHERE id = 1 AND stage = 'won'"
				   " AND final_arr_cents = 1200050"
				   " AND closed_date = '2026-11-23'"), 1);
	/* Downsell with a reason: contraction. */
	free(close_renewal(s, ST_OK, "2", "7000", "budget"));
	ck_assert_int_eq(tu_int(s, "SELECT arr_delta_cents FROM arr_events WHERE account_id = 2"
				   " AND kind = 'contraction' AND reason = 'budget'"), -300000);
	/* Lost, on an account with two contracts: the rest stays, a contraction. */
	out = close_renewal(s, ST_OK, "3", "0", "competitor");
	ck_assert_msg(strstr(out, "ledger: contraction -4,000 on 2026-12-03"), "%s", out);
	free(out);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM renewals WHERE id = 3 AND stage = 'lost'"
				   " AND churn_reason = 'competitor' AND final_arr_cents = 0"), 1);
	/* Lost, the account's only contract: churn of all of it. */
	free(close_renewal(s, ST_OK, "4", "0", "no_value"));
	ck_assert_int_eq(tu_int(s, "SELECT arr_delta_cents FROM arr_events WHERE account_id = 4"
				   " AND kind = 'churn' AND date = '2026-12-04'"), -1000000);
	/* Nothing left to churn: a second lost renewal writes no event. */
	out = close_renewal(s, ST_OK, "5", "0", "other");
	ck_assert_msg(strstr(out, "ledger: no change"), "%s", out);
	free(out);
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM arr_events WHERE account_id = 4"), 2);
	/* Closed already: refused, nothing changes. */
	free(close_renewal(s, ST_DATA, "1", "5000", NULL));
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM arr_events"), 9);
	/* Lost needs a reason; a reason needs a loss or a downsell. */
	free(close_renewal(s, ST_NOINPUT, "99", "5000", NULL));
	ck_assert_int_eq(tu_int(s, "SELECT count(*) FROM audit_log WHERE action = 'renewal close'"
				   " AND table_name = 'arr_events'"), 4);

	/* The metrics of 2026-12: S 40,000, E 2,000.50, C 3,000 + 4,000, X 10,000. */
	{
		size_t n;
		struct metrics_group *g;

		g = groups_of(s, "2026-12-01", "2026-12-31", METRICS_BOOK, &n);
		ck_assert_int_eq(g[0].m.sums.starting_arr, USD(40000));
		ck_assert_int_eq(g[0].m.sums.expansion, 200050);
		ck_assert_int_eq(g[0].m.sums.contraction, USD(7000));
		ck_assert_int_eq(g[0].m.sums.churned_arr, USD(10000));
		ck_assert_int_eq(g[0].m.sums.churned_accounts, 1);
		ck_ratio(g[0].m.nrr, 4000000 + 200050 - 700000 - 1000000, 4000000);
		ck_assert_int_eq(g[0].m.sums.renewals, 4);
		ck_ratio(g[0].m.gross_renewal_rate, 1000000 + 700000, 3400000);
		ck_ratio(g[0].m.net_renewal_rate, 1200050 + 700000, 3400000);
		groups_free(g, n);
	}
	store_close(s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("metrics");
	TCase *tc = tcase_create("metrics");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_compute_pure);
	tcase_add_test(tc, test_bands);
	tcase_add_test(tc, test_ledger_golden);
	tcase_add_test(tc, test_renewals_surveys_touchpoints);
	tcase_add_test(tc, test_by_csm);
	tcase_add_test(tc, test_groups_add_up);
	tcase_add_test(tc, test_empty_cohort);
	tcase_add_test(tc, test_coverage_band_by_majority);
	tcase_add_test(tc, test_json_keys);
	tcase_add_test(tc, test_renewal_close);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
