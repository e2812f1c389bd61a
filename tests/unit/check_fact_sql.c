/*
 * check_fact_sql.c -- each fact's standalone SQL expression (store/fact_sql.h)
 * against store_facts_each, account by account.
 *
 * For every fact and every account, `SELECT a.id, <expr> FROM accounts a`
 * must give what store_facts_each gives: known and unknown alike, numbers
 * within 1e-9 relative, labels equal, and the SQL type of the fact's kind.
 * Two books: a demo book (with manual ratings and overrides added, and
 * twelve weeks of health scored as `tend demo` does) compared on its today,
 * 45 days before and a year before; and a tiny hand-made book of edge cases
 * (an account with no rows anywhere, a pooled one, contacts who left before
 * and after the date, unsigned plans, tied renewals, stale and fresh manual
 * ratings, zero seats), whose new facts are also checked against values
 * computed by hand.  A mismatch names the fact, the account, the date and
 * both values; a test proves the comparison does catch a wrong expression.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include "domain/facts.h"
#include "app/health_run.h"
#include "domain/model.h"
#include "app/scorecard_set.h"
#include "store/fact_sql.h"
#include "store/facts.h"
#include "factbook.h"
#include "testutil.h"

#define NOW FB_NOW
#define EARLY FB_EARLY
#define YEAR_BEFORE "2025-11-23"
#define MAX_REPORTED 20             /* mismatches listed in a failure message */

/* One account's facts as store_facts_each gave them (labels copied: the
 * store's strings live only during the callback). */
struct want {
	int64_t id;
	bool known[FACT_COUNT_];
	double num[FACT_COUNT_];
	char label[FACT_COUNT_][32];
};

struct wants {
	struct want *v;
	size_t n, cap;
};

/* What the compared data exercised, fact by fact. */
struct seen {
	long known[FACT_COUNT_];
	bool varied[FACT_COUNT_];          /* two different values met */
	struct want first;                 /* the first known value of each fact */
};

static char *demo_path;

static int
keep(void *ctx, const struct fact_row *r)
{
	struct wants *w = ctx;
	struct want *k;

	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
	}
	k = &w->v[w->n++];
	memset(k, 0, sizeof(*k));
	k->id = r->account_id;
	for (int f = 0; f < FACT_COUNT_; f++) {
		k->known[f] = r->v[f].known;
		k->num[f] = r->v[f].num;
		if (r->v[f].label)
			snprintf(k->label[f], sizeof(k->label[f]), "%s", r->v[f].label);
	}
	return 0;
}

static void
facts_as_of(struct store *s, const char *date, struct wants *w)
{
	struct err e = { ST_OK, "" };

	memset(w, 0, sizeof(*w));
	ck_assert_msg(store_facts_each(s, fb_day(date), 0, keep, w, &e) == ST_OK, "facts: %s",
		      e.msg);
}

/* The value for people: NULL, 'text' or the number. */
static const char *
show(bool known, bool is_label, double num, const char *label, char *out, size_t size)
{
	if (!known)
		snprintf(out, size, "NULL");
	else if (is_label)
		snprintf(out, size, "'%s'", label);
	else
		snprintf(out, size, "%.17g", num);
	return out;
}

static bool
same_num(double a, double b)
{
	return a == b || fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* The SQL type a fact's kind must give: integers for whole quantities, REAL
 * for ratios, TEXT for labels; numbers may be either. */
static bool
type_ok(enum fact_kind k, int type)
{
	switch (k) {
	case FK_RATIO: return type == SQLITE_FLOAT;
	case FK_NUMBER: return type == SQLITE_FLOAT || type == SQLITE_INTEGER;
	case FK_LABEL: return type == SQLITE_TEXT;
	default: return type == SQLITE_INTEGER;
	}
}

static void
note_seen(struct seen *seen, int f, const struct want *w)
{
	bool label = fact_defs[f].kind == FK_LABEL;

	if (!seen || !w->known[f])
		return;
	if (!seen->known[f]++) {
		seen->first.num[f] = w->num[f];
		memcpy(seen->first.label[f], w->label[f], sizeof(w->label[f]));
	} else if (label ? strcmp(seen->first.label[f], w->label[f]) != 0
			 : seen->first.num[f] != w->num[f]) {
		seen->varied[f] = true;
	}
}

/* Compare expr, as fact f, with the store's values w as of date; each
 * mismatch becomes a line of report.  Returns the number of mismatches. */
static int
compare_fact(sqlite3 *db, const struct wants *w, int f, const char *expr, const char *date,
	     struct buf *report, struct seen *seen)
{
	const struct fact_def *d = &fact_defs[f];
	bool label = d->kind == FK_LABEL;
	char *sql = xasprintf("SELECT a.id, %s FROM accounts a ORDER BY a.id", expr);
	char a[64], b[64];
	sqlite3_stmt *st;
	size_t i = 0;
	int bad = 0;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s: %s",
		      d->name, sqlite3_errmsg(db), sql);
	ck_assert_msg(sqlite3_bind_parameter_count(st) <= 1, "%s uses parameters besides ?1",
		      d->name);
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	for (; sqlite3_step(st) == SQLITE_ROW; i++) {
		const struct want *k = i < w->n ? &w->v[i] : NULL;
		int64_t id = sqlite3_column_int64(st, 0);
		int type = sqlite3_column_type(st, 1);
		bool known = type != SQLITE_NULL;
		double num = known && !label ? sqlite3_column_double(st, 1) : 0;
		const char *text = label && known ? (const char *)sqlite3_column_text(st, 1) : "";
		bool ok;

		if (!k || k->id != id) {
			buf_addf(report, "%s on %s: account %lld out of store_facts_each's order\n",
				 d->name, date, (long long)id);
			bad++;
			break;
		}
		note_seen(seen, f, k);
		ok = known == k->known[f] && (!known || (label ? !strcmp(text, k->label[f])
								 : same_num(num, k->num[f])));
		if (ok && known && !type_ok(d->kind, type)) {
			buf_addf(report, "%s on %s, account %lld: SQL type %d for a %s fact\n",
				 d->name, date, (long long)id, type, fact_kind_name(d->kind));
			bad++;
		} else if (!ok && ++bad <= MAX_REPORTED) {
			buf_addf(report, "%s on %s, account %lld: store_facts_each %s, SQL %s\n",
				 d->name, date, (long long)id,
				 show(k->known[f], label, k->num[f], k->label[f], a, sizeof(a)),
				 show(known, label, num, text, b, sizeof(b)));
		}
	}
	if (i != w->n && !bad) {
		buf_addf(report, "%s on %s: %zu accounts in SQL, %zu in store_facts_each\n",
			 d->name, date, i, w->n);
		bad++;
	}
	sqlite3_finalize(st);
	free(sql);
	return bad;
}

/* Every fact of the catalog on date; fails the test listing the mismatches. */
static void
compare_all(struct store *s, const char *date, struct seen *seen)
{
	struct wants w;
	struct buf report;
	int bad = 0;

	facts_as_of(s, date, &w);
	ck_assert_msg(w.n > 0, "no accounts");
	buf_init(&report);
	for (int f = 0; f < FACT_COUNT_; f++)
		bad += compare_fact(tu_db(s), &w, f, fact_sql_expr(f), date, &report, seen);
	ck_assert_msg(bad == 0, "%d mismatches on %s:\n%s", bad, date,
		      report.data ? report.data : "");
	buf_done(&report);
	free(w.v);
}

/* -- the demo book ----------------------------------------------------------- */

static void
make_demo_book(void)
{
	demo_path = tu_path("demo.db");
	fb_demo_book(demo_path);
}

static void
free_demo_book(void)
{
	free(demo_path);
	demo_path = NULL;
}

START_TEST(test_demo_now)
{
	struct store *s = tu_open(demo_path, NOW);

	compare_all(s, NOW, NULL);
	store_close(s);
}
END_TEST

START_TEST(test_demo_45_days_before)
{
	struct store *s = tu_open(demo_path, NOW);

	compare_all(s, EARLY, NULL);
	store_close(s);
}
END_TEST

START_TEST(test_demo_year_before)
{
	struct store *s = tu_open(demo_path, NOW);

	compare_all(s, YEAR_BEFORE, NULL);
	store_close(s);
}
END_TEST

/* -- the tiny book ----------------------------------------------------------- */

/* T1 has nothing but its row (pooled, no dates, no seats); T2 is pooled and
 * has a bit of everything; T3 is owned, its champion leaves after NOW and its
 * sponsor between EARLY and NOW; T4 has zeros everywhere (seats, ARR). */
static struct store *
open_tiny(void)
{
	struct store *s = tu_open(NULL, NOW);

	fb_load(s, &entity_user, "login,name\namy,Amy Adams\n");
	fb_load(s, &entity_account,
	     "external_id,name,owner,segment,touch_model,stage,stage_since,licensed_seats,"
	     "initial_contract_date\n"
	     "T1,Nothing At All,,smb,low,land,,,\n"
	     "T2,Pooled Co,,smb,tech,adopt,2026-06-01,50,2025-01-15\n"
	     "T3,Owned Co,amy,enterprise,high,renew,2026-10-01,100,2024-03-01\n"
	     "T4,Zero Co,amy,mid_market,low,onboard,2026-11-23,0,2026-11-23\n");
	fb_load(s, &entity_contact, "account,name,email,is_executive,status,left_on,roles\n"
	     "T2,Cara Champ,cara@t2,false,left,2026-09-01,champion\n"
	     "T2,Sam Sponsor,sam@t2,true,active,,executive_sponsor\n"
	     "T3,Lee Left,lee@t3,true,left,2026-12-01,champion\n"
	     "T3,Ed Exec,ed@t3,true,left,2026-10-20,executive_sponsor;economic_buyer\n"
	     "T3,Pat User,pat@t3,false,left,2026-05-01,power_user\n"
	     "T4,Ann Admin,ann@t4,false,active,,admin\n");
	fb_load(s, &entity_contract, "account,start_date,end_date,arr\n"
	     "T3,2024-03-01,2025-03-01,60000\n"
	     "T3,2025-03-01,2026-03-01,70000\n"
	     "T4,2026-11-23,2027-11-23,0\n");
	/* T2 has no contract: its first ARR is the first new event's, two on a day. */
	fb_load(s, &entity_arr_event, "account,date,kind,arr_delta\n"
	     "T2,2025-01-15,new,10000\n"
	     "T2,2025-01-15,new,9000\n"
	     "T2,2026-05-01,expansion,2000\n"
	     "T2,2026-12-01,expansion,500\n"
	     "T3,2024-03-01,new,40000\n"
	     "T3,2024-03-01,new,30000\n"
	     "T4,2026-11-23,new,0\n");
	/* T2's two open renewals are due the same day: id 2 (listed second) wins. */
	fb_load(s, &entity_renewal,
	     "id,account,due_date,target_arr,forecast_arr,final_arr,forecast_category,stage,"
	     "closed_date\n"
	     "3,T2,2027-01-10,12000,,,commit,not_started,\n"
	     "2,T2,2027-01-10,12000,15000,,at_risk,negotiating,\n"
	     "1,T2,2026-10-01,10000,,10000,commit,won,2026-09-30\n"
	     "4,T3,2026-11-01,50000,,,likely,in_progress,\n"
	     "5,T4,2026-12-15,0,0,,likely,not_started,\n");
	fb_load(s, &entity_invoice, "account,issued_date,due_date,paid_date,amount\n"
	     "T2,2026-09-01,2026-10-01,2026-10-21,100\n"
	     "T2,2025-01-01,2025-02-01,,100\n"
	     "T3,2026-10-01,2026-11-01,2026-10-25,100\n"
	     "T3,2026-11-01,2026-12-01,,100\n"
	     "T4,2025-06-01,2025-07-01,2025-07-05,100\n");
	fb_load(s, &entity_usage, "account,date,active_users,licensed_seats,activated_seats,"
	     "advanced_features_used,advanced_features_entitled\n"
	     "T2,2026-06-01,10,,20,1,4\n"
	     "T2,2026-08-20,12,,24,2,4\n"
	     "T2,2026-10-20,15,40,30,3,0\n"
	     "T2,2026-11-20,18,,30,,\n"
	     "T2,2026-11-22,,,,,\n"
	     "T3,2026-09-01,5,10,8,1,2\n"
	     "T3,2026-11-01,0,0,0,0,0\n"
	     "T4,2026-11-10,,5,,,\n");
	fb_load(s, &entity_ticket, "account,opened_date,closed_date,priority\n"
	     "T2,2026-11-01,,p1\n"
	     "T2,2026-10-15,2026-11-10,p2\n"
	     "T2,2026-11-23,,p3\n"
	     "T2,2026-05-01,2026-05-03,p4\n"
	     "T2,2026-11-05,2026-11-30,p1\n"
	     "T3,2026-08-01,,p2\n"
	     "T3,2026-10-01,2026-10-24,p3\n");
	fb_load(s, &entity_survey, "account,date,kind,score\n"
	     "T2,2026-11-01,nps,9\n"
	     "T2,2026-06-01,nps,3\n"
	     "T2,2025-11-23,nps,10\n"
	     "T2,2026-11-10,csat,4\n"
	     "T2,2026-08-01,csat,2\n"
	     "T3,2026-10-01,nps,7\n"
	     "T4,2026-11-20,csat,5\n");
	fb_load(s, &entity_touchpoint, "account,date,kind,sentiment,attendees\n"
	     "T2,2026-11-20,note,,\n"
	     "T2,2026-11-15,call,4,cara@t2\n"
	     "T2,2026-10-01,qbr,,sam@t2\n"
	     "T2,2026-09-01,internal_review,2,\n"
	     "T3,2026-11-22,email,,ed@t3\n"
	     "T3,2026-06-01,ebr,5,\n"
	     "T4,2026-11-23,note,3,\n");
	fb_load(s, &entity_advocacy, "account,date,kind\n"
	     "T2,2026-03-01,reference\n"
	     "T2,2025-11-23,case_study\n");
	fb_load(s, &entity_task, "account,title,status,due_date,created_on\n"
	     "T2,Call,open,2026-11-01,2026-10-01\n"
	     "T2,Today,open,2026-11-23,2026-10-01\n"
	     "T2,Old,done,2026-01-01,2025-12-01\n"
	     "T3,Later,snoozed,2026-01-01,2025-12-01\n");
	fb_load(s, &entity_risk, "account,category,status,opened_on\n"
	     "T2,value,open,2026-11-01\n"
	     "T2,support,closed,2026-01-01\n"
	     "T3,product,mitigating,2026-12-01\n");
	fb_load(s, &entity_success_plan, "id,account,status,start_date\n"
	     "1,T2,draft,2026-08-01\n"
	     "2,T2,shared,2026-07-15\n"
	     "3,T2,draft,2026-12-01\n"
	     "4,T3,signed,2026-01-01\n"
	     "5,T3,active,2026-02-01\n"
	     "6,T4,shared,2026-11-01\n");
	fb_load(s, &entity_objective, "id,plan,title\n1,2,Adopt\n2,4,Expand\n3,1,Drafted\n");
	fb_load(s, &entity_milestone, "objective,title,status\n"
	     "1,m1,done\n1,m2,at_risk\n1,m3,on_track\n2,m4,missed\n2,m5,not_started\n3,m6,done\n");
	/* T2 is yellow on NOW (14-day window), green on EARLY; T3's band is
	 * 'unknown' on NOW (30 days). */
	fb_load(s, &entity_health_snapshot, "account,date,score,band,override_band\n"
	     "T2,2026-11-16,2.5,yellow,\n"
	     "T2,2026-10-20,1.5,red,green\n"
	     "T2,2026-09-01,3,green,\n"
	     "T3,2026-11-23,,unknown,\n"
	     "T3,2026-10-01,1,red,\n");
	fb_load(s, &entity_health_input, "account,fact,value,date\n"
	     "T2,financial_rating,2,2026-11-05\n"
	     "T2,financial_rating,3,2026-10-01\n"
	     "T2,csm_sentiment,4,2026-11-20\n"
	     "T2,csm_sentiment,2,2026-11-20\n"
	     "T3,financial_rating,1,2026-10-30\n"
	     "T3,csm_sentiment,5,2026-09-01\n");
	return s;
}

/* The store's value of a fact for an account by external id. */
static const struct want *
account(struct store *s, const struct wants *w, const char *ext)
{
	char *sql = xasprintf("SELECT id FROM accounts WHERE external_id = '%s'", ext);
	int64_t id = tu_int(s, sql);

	free(sql);
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].id == id)
			return &w->v[i];
	ck_abort_msg("no account %s", ext);
	return NULL;
}

#define ck_num(w, f, x) do { \
	ck_assert_msg((w)->known[f], #f " unknown, expected %g", (double)(x)); \
	ck_assert_msg(same_num((w)->num[f], (x)), #f " = %.17g, expected %.17g", (w)->num[f], \
		      (double)(x)); \
} while (0)
#define ck_unknown(w, f) ck_assert_msg(!(w)->known[f], #f " is known (%.17g)", (w)->num[f])
#define ck_label(w, f, x) do { \
	ck_assert_msg((w)->known[f], #f " unknown, expected %s", (x)); \
	ck_assert_str_eq((w)->label[f], (x)); \
} while (0)

START_TEST(test_tiny_book)
{
	struct store *s = open_tiny();

	compare_all(s, NOW, NULL);
	compare_all(s, EARLY, NULL);
	compare_all(s, YEAR_BEFORE, NULL);
	store_close(s);
}
END_TEST

/* The new facts, and the manual-rating windows, by hand. */
START_TEST(test_tiny_by_hand)
{
	struct store *s = open_tiny();
	struct wants now, early;
	const struct want *w;

	facts_as_of(s, NOW, &now);
	facts_as_of(s, EARLY, &early);

	w = account(s, &now, "T1");
	ck_unknown(w, FACT_DAYS_IN_STAGE);
	ck_unknown(w, FACT_PLAN_UNSIGNED_DAYS);
	ck_unknown(w, FACT_DAYS_SINCE_CHAMPION_LEFT);
	ck_unknown(w, FACT_RENEWAL_FORECAST);
	ck_unknown(w, FACT_RENEWAL_UPSELL);
	ck_num(w, FACT_OPEN_TICKETS, 0);
	ck_num(w, FACT_CHAMPION_PRESENT, 0);

	w = account(s, &now, "T2");
	ck_num(w, FACT_DAYS_IN_STAGE, 175);
	ck_num(w, FACT_PLAN_UNSIGNED_DAYS, 131);       /* the shared plan of 07-15 */
	ck_num(w, FACT_DAYS_SINCE_CHAMPION_LEFT, 83);
	ck_label(w, FACT_RENEWAL_FORECAST, "at_risk"); /* id 2 of the tie */
	ck_num(w, FACT_RENEWAL_UPSELL, 300000);
	ck_num(w, FACT_DAYS_TO_RENEWAL, 48);
	ck_num(w, FACT_CHAMPION_PRESENT, 0);
	ck_num(w, FACT_SPONSOR_PRESENT, 1);
	ck_unknown(w, FACT_FINANCIAL_RATING);          /* 18 days old, yellow: stale */
	ck_num(w, FACT_CSM_SENTIMENT, 2);              /* the later of two on a day */
	ck_num(w, FACT_LICENSE_UTILIZATION, 0.6);      /* 30 / the account's 50 */
	ck_num(w, FACT_ACTIVE_USERS_CHANGE_30D, 0.2);
	ck_num(w, FACT_OPEN_TICKETS, 3);
	ck_num(w, FACT_OPEN_P1, 2);
	ck_num(w, FACT_INVOICE_DAYS_LATE, 660);
	ck_label(w, FACT_HEALTH_BAND_30D, "green");    /* the override */
	w = account(s, &early, "T2");
	ck_num(w, FACT_DAYS_SINCE_CHAMPION_LEFT, 38);
	ck_num(w, FACT_PLAN_UNSIGNED_DAYS, 86);
	ck_num(w, FACT_FINANCIAL_RATING, 3);           /* 8 days old, green */
	ck_unknown(w, FACT_CSM_SENTIMENT);

	w = account(s, &now, "T3");
	ck_num(w, FACT_DAYS_SINCE_CHAMPION_LEFT, 34);  /* the sponsor; the champion leaves later */
	ck_num(w, FACT_CHAMPION_PRESENT, 1);
	ck_num(w, FACT_SPONSOR_PRESENT, 0);
	ck_label(w, FACT_RENEWAL_FORECAST, "likely");
	ck_unknown(w, FACT_RENEWAL_UPSELL);
	ck_num(w, FACT_DAYS_TO_RENEWAL, -22);
	ck_unknown(w, FACT_PLAN_UNSIGNED_DAYS);
	ck_num(w, FACT_FINANCIAL_RATING, 1);           /* 24 days old, band unknown: 30 */
	ck_unknown(w, FACT_LICENSE_UTILIZATION);       /* zero seats */
	w = account(s, &early, "T3");
	ck_unknown(w, FACT_DAYS_SINCE_CHAMPION_LEFT);
	ck_num(w, FACT_SPONSOR_PRESENT, 1);

	w = account(s, &now, "T4");
	ck_num(w, FACT_DAYS_IN_STAGE, 0);
	ck_num(w, FACT_PLAN_UNSIGNED_DAYS, 22);
	ck_num(w, FACT_RENEWAL_UPSELL, 0);
	ck_unknown(w, FACT_ARR_GROWTH);                /* its first contract is 0 */
	w = account(s, &early, "T4");
	ck_num(w, FACT_DAYS_IN_STAGE, -45);
	ck_unknown(w, FACT_PLAN_UNSIGNED_DAYS);

	free(now.v);
	free(early.v);
	store_close(s);
}
END_TEST

/* -- the comparison itself --------------------------------------------------- */

/* Every fact must be known somewhere and take two values in the compared
 * data, or the comparisons above prove little. */
START_TEST(test_data_exercise_every_fact)
{
	static const char *const dates[] = { NOW, EARLY, YEAR_BEFORE };
	struct store *s = tu_open(demo_path, NOW), *t = open_tiny();
	struct seen seen;
	struct buf missing;

	memset(&seen, 0, sizeof(seen));
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		compare_all(s, dates[i], &seen);
		compare_all(t, dates[i], &seen);
	}
	buf_init(&missing);
	for (int f = 0; f < FACT_COUNT_; f++)
		if (!seen.known[f] || !seen.varied[f])
			buf_addf(&missing, " %s", fact_defs[f].name);
	ck_assert_msg(!missing.data || !missing.data[0], "facts never known or never varied:%s",
		      missing.data);
	buf_done(&missing);
	store_close(t);
	store_close(s);
}
END_TEST

/* A wrong expression is caught, and the report says where. */
START_TEST(test_detects_wrong_expression)
{
	struct store *s = open_tiny();
	struct wants w;
	struct buf report;
	char *t2 = xasprintf("account %lld:", (long long)tu_int(s,
		"SELECT id FROM accounts WHERE external_id = 'T2'"));

	facts_as_of(s, NOW, &w);
	buf_init(&report);
	/* open_p1 computed as open_tickets: T2 has 3 open, 2 of them p1. */
	ck_assert_int_ge(compare_fact(tu_db(s), &w, FACT_OPEN_P1, fact_sql_expr(FACT_OPEN_TICKETS),
				      NOW, &report, NULL), 1);
	ck_assert_msg(strstr(report.data, "open_p1 on " NOW) && strstr(report.data, t2) &&
		      strstr(report.data, "store_facts_each 2, SQL 3"), "%s", report.data);
	/* The tied renewal taken by the highest id. */
	buf_reset(&report);
	ck_assert_int_eq(compare_fact(tu_db(s), &w, FACT_RENEWAL_FORECAST,
		"(SELECT forecast_category FROM renewals WHERE account_id = a.id AND stage <> 'won'"
		" AND stage <> 'lost' ORDER BY due_date, id DESC LIMIT 1)", NOW, &report, NULL), 1);
	ck_assert_msg(strstr(report.data, "store_facts_each 'at_risk', SQL 'commit'"), "%s",
		      report.data);
	/* Unknown taken for zero. */
	buf_reset(&report);
	ck_assert_int_ge(compare_fact(tu_db(s), &w, FACT_OPEN_TICKETS,
		"(SELECT nullif(count(*), 0) FROM tickets WHERE account_id = a.id"
		" AND opened_date <= ?1 AND (closed_date IS NULL OR closed_date > ?1))",
		NOW, &report, NULL), 1);
	ck_assert_msg(strstr(report.data, "store_facts_each 0, SQL NULL"), "%s", report.data);
	buf_done(&report);
	free(t2);
	free(w.v);
	store_close(s);
}
END_TEST

/* A step of a query plan that costs in proportion to one account's rows:
 * the scan of the accounts themselves, or a search keyed by the account
 * (or by the row or parent id reached from it).  A search on another
 * column first, such as contact_roles_role (role=?), reads the whole book's
 * rows for every account. */
static bool
plan_step_ok(const char *detail)
{
	static const char *const keys[] = { "(account_id=", "(rowid=", "(contact_id=",
		"(touchpoint_id=", "(plan_id=", "(objective_id=" };

	/* A subquery's own steps are listed and checked too. */
	if (!strcmp(detail, "SCAN a") || !strncmp(detail, "SCAN a ", 7) ||
	    !strncmp(detail, "SEARCH a ", 9) || !strncmp(detail, "SCAN (subquery-", 15))
		return true;
	if (strncmp(detail, "SEARCH ", 7))
		return strncmp(detail, "SCAN ", 5) != 0;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strstr(detail, keys[i]))
			return true;
	return false;
}

/* Every fact has an expression in parentheses, a cost, only ?1, works
 * inside a WHERE, and reads only the account's own rows (plan_step_ok). */
START_TEST(test_expressions_are_seeks)
{
	struct store *s = tu_open(demo_path, NOW);
	sqlite3 *db = tu_db(s);

	for (int f = 0; f < FACT_COUNT_; f++) {
		const char *e = fact_sql_expr(f), *col = fact_sql_column(f);
		char *sql;
		sqlite3_stmt *st;

		ck_assert_msg(e && e[0] == '(' && e[strlen(e) - 1] == ')', "%s: %s",
			      fact_defs[f].name, e);
		ck_assert_int_ge(fact_sql_cost(f), 0);
		ck_assert_int_le(fact_sql_cost(f), 3);
		ck_assert_msg(!col || (fact_sql_cost(f) == 0 && strstr(e, col)), "%s",
			      fact_defs[f].name);
		sql = xasprintf("EXPLAIN QUERY PLAN SELECT a.id FROM accounts a"
				" WHERE a.id > 0 AND %s IS NOT NULL AND NOT %s IS NULL", e, e);
		ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s",
			      fact_defs[f].name, sqlite3_errmsg(db));
		/* Only ?1, if anything (milestones_on_track does not depend on the date). */
		ck_assert_int_le(sqlite3_bind_parameter_count(st), 1);
		if (sqlite3_bind_parameter_count(st))
			ck_assert_str_eq(sqlite3_bind_parameter_name(st, 1), "?1");
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *detail = (const char *)sqlite3_column_text(st, 3);

			ck_assert_msg(plan_step_ok(detail), "%s: %s", fact_defs[f].name, detail);
		}
		sqlite3_finalize(st);
		free(sql);
	}
	ck_assert_ptr_null(fact_sql_expr(-1));
	ck_assert_ptr_null(fact_sql_expr(FACT_COUNT_));
	ck_assert_str_eq(fact_sql_column(FACT_SEGMENT), "segment");
	ck_assert_ptr_null(fact_sql_column(FACT_ARR));
	store_close(s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fact_sql");
	TCase *demo = tcase_create("demo book");
	TCase *tiny = tcase_create("tiny book");

	tcase_add_unchecked_fixture(demo, make_demo_book, free_demo_book);
	tcase_set_timeout(demo, 120);
	tcase_add_test(demo, test_expressions_are_seeks);
	tcase_add_test(demo, test_demo_now);
	tcase_add_test(demo, test_demo_45_days_before);
	tcase_add_test(demo, test_demo_year_before);
	tcase_add_test(demo, test_data_exercise_every_fact);
	suite_add_tcase(s, demo);

	tcase_add_test(tiny, test_tiny_book);
	tcase_add_test(tiny, test_tiny_by_hand);
	tcase_add_test(tiny, test_detects_wrong_expression);
	suite_add_tcase(s, tiny);
	return tu_run(s);
}
