/*
 * facts.h -- the fact catalog: what tend knows about each account on a date.
 *
 * Facts are the inputs of scorecards (and of playbook conditions): named,
 * typed values computed for every account at once by the store
 * (store/facts.h) as of a date.  This header is the single list of them;
 * `tend facts`, scorecard validation and the man page all read it.  A fact
 * can be unknown for an account (no usage data, no survey...), which
 * scorecards treat as missing data, never as zero.
 */
#ifndef TEND_FACTS_H
#define TEND_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum fact_kind {
	FK_RATIO,     /* a fraction: 0.8 = 80% */
	FK_NUMBER,    /* any number */
	FK_COUNT,     /* a whole number of things */
	FK_DAYS,      /* a whole number of days */
	FK_MONEY,     /* cents */
	FK_FLAG,      /* 0 or 1 */
	FK_LABEL,     /* text from a fixed set */
};

/*  id, name, kind, unit, description (the formula, for `tend facts` and the man page) */
#define FACT_LIST(_) \
	_(LICENSE_UTILIZATION, "license_utilization", FK_RATIO, "ratio", \
	  "activated seats / licensed seats in the latest usage on or before the date (licensed: the usage row's, else the account's)") \
	_(FEATURE_UTILIZATION, "feature_utilization", FK_RATIO, "ratio", \
	  "advanced features used / advanced features entitled, latest usage") \
	_(ADOPTION_DEPTH, "adoption_depth", FK_RATIO, "ratio", \
	  "active users / activated seats, latest usage (how deeply the deployed seats are used)") \
	_(ACTIVE_USERS, "active_users", FK_COUNT, "users", \
	  "active users in the latest usage on or before the date") \
	_(ACTIVE_USERS_CHANGE_30D, "active_users_change_30d", FK_RATIO, "ratio", \
	  "(active users now - active users 30 days before) / active users 30 days before") \
	_(ACTIVE_USERS_CHANGE_90D, "active_users_change_90d", FK_RATIO, "ratio", \
	  "(active users now - active users 90 days before) / active users 90 days before") \
	_(OPEN_TICKETS, "open_tickets", FK_COUNT, "tickets", \
	  "tickets opened on or before the date and not closed by it") \
	_(OPEN_P1, "open_p1", FK_COUNT, "tickets", "open tickets of priority p1") \
	_(OPEN_TICKETS_AVG_30D, "open_tickets_avg_30d", FK_NUMBER, "tickets", \
	  "average number of open tickets over the 30 days ending on the date") \
	_(OPEN_TICKETS_VS_AVG, "open_tickets_vs_avg", FK_RATIO, "ratio", \
	  "open tickets / their 30-day average (0 when there were none)") \
	_(TICKETS_90D, "tickets_90d", FK_COUNT, "tickets", "tickets opened in the 90 days ending on the date") \
	_(TICKET_TREND, "ticket_trend", FK_COUNT, "tickets", \
	  "tickets opened in the last 4 weeks minus those opened in the 4 weeks before") \
	_(NPS_12M, "nps_12m", FK_NUMBER, "-100..100", \
	  "NPS of the responses in the 12 months ending on the date: % promoters (9-10) - % detractors (0-6)") \
	_(NPS_CATEGORY, "nps_category", FK_LABEL, "promoter|passive|detractor", \
	  "category of the latest NPS response on or before the date") \
	_(CSAT_90D, "csat_90d", FK_NUMBER, "1..5", "average CSAT score of the responses in the 90 days ending on the date") \
	_(SENTIMENT, "sentiment", FK_NUMBER, "1..5", "sentiment of the latest touchpoint that recorded one") \
	_(CSM_SENTIMENT, "csm_sentiment", FK_NUMBER, "1..5", \
	  "the CSM's own rating (tend health rate), while fresh: 30 days, 14 while yellow or worse") \
	_(DAYS_SINCE_TOUCH, "days_since_touch", FK_DAYS, "days", \
	  "days since the latest touchpoint with the customer (not notes or internal reviews)") \
	_(DAYS_SINCE_EXEC_TOUCH, "days_since_exec_touch", FK_DAYS, "days", \
	  "days since the latest touchpoint an executive contact attended") \
	_(DAYS_SINCE_REVIEW, "days_since_review", FK_DAYS, "days", "days since the latest QBR or EBR") \
	_(CHAMPION_PRESENT, "champion_present", FK_FLAG, "0|1", "an active contact has the champion role") \
	_(SPONSOR_PRESENT, "sponsor_present", FK_FLAG, "0|1", "an active contact has the executive_sponsor role") \
	_(DAYS_SINCE_CHAMPION_LEFT, "days_since_champion_left", FK_DAYS, "days", \
	  "days since a contact with the champion or executive_sponsor role last left: the latest " \
	  "left_on on or before the date (unknown when none has left)") \
	_(ADVOCACY_12M, "advocacy_12m", FK_COUNT, "events", \
	  "advocacy events (references, case studies, reviews, talks) in the 12 months ending on the date") \
	_(INVOICE_DAYS_LATE, "invoice_days_late", FK_DAYS, "days", \
	  "most days any invoice due in the 365 days ending on the date was paid (or is still unpaid) after its due date; 0 when none was late") \
	_(FINANCIAL_RATING, "financial_rating", FK_NUMBER, "1..3", \
	  "the CSM's financial-health rating (tend health rate), while fresh: 30 days, 14 while yellow or worse") \
	_(ARR, "arr", FK_MONEY, "money", "ARR at the end of the date: the sum of ledger events dated on or before it") \
	_(ARR_GROWTH, "arr_growth", FK_RATIO, "ratio", \
	  "ARR / the ARR of the first contract (else of the first new event)") \
	_(MILESTONES_ON_TRACK, "milestones_on_track", FK_RATIO, "ratio", \
	  "milestones done or on track / all milestones, in success plans shared, signed or active") \
	_(PLAN_UNSIGNED_DAYS, "plan_unsigned_days", FK_DAYS, "days", \
	  "days since the start date of the oldest success plan still draft or shared that started " \
	  "on or before the date (unknown when none)") \
	_(DAYS_TO_RENEWAL, "days_to_renewal", FK_DAYS, "days", \
	  "days until the earliest renewal neither won nor lost (negative when overdue)") \
	_(RENEWAL_FORECAST, "renewal_forecast", FK_LABEL, "forecast", \
	  "forecast category of that renewal (on equal due dates, the one with the lowest id)") \
	_(RENEWAL_UPSELL, "renewal_upsell", FK_MONEY, "money", \
	  "forecast ARR - target ARR of that renewal (unknown while it has no forecast)") \
	_(DAYS_SINCE_START, "days_since_start", FK_DAYS, "days", "days since the initial contract date") \
	_(DAYS_IN_STAGE, "days_in_stage", FK_DAYS, "days", \
	  "days since the account entered its lifecycle stage (unknown when that date is not " \
	  "recorded)") \
	_(OPEN_RISKS, "open_risks", FK_COUNT, "risks", "risks not closed") \
	_(OVERDUE_TASKS, "overdue_tasks", FK_COUNT, "tasks", "open tasks due before the date") \
	_(HEALTH_SCORE, "health_score", FK_NUMBER, "1..scale", "score of the latest health snapshot on or before the date") \
	_(HEALTH_BAND, "health_band", FK_LABEL, "band", \
	  "band of that snapshot (the override when one was in force)") \
	_(HEALTH_SCORE_30D, "health_score_30d", FK_NUMBER, "1..scale", \
	  "score of the latest snapshot on or before 30 days before the date") \
	_(HEALTH_BAND_30D, "health_band_30d", FK_LABEL, "band", "band of that snapshot") \
	_(HEALTH_CHANGE_30D, "health_change_30d", FK_NUMBER, "points", "health_score - health_score_30d") \
	_(SEGMENT, "segment", FK_LABEL, "segment", "the account's segment") \
	_(STAGE, "stage", FK_LABEL, "stage", "the account's lifecycle stage") \
	_(TOUCH_MODEL, "touch_model", FK_LABEL, "touch", "the account's touch model")

enum fact_id {
#define FACT_ENUM(id, name, kind, unit, desc) FACT_##id,
	FACT_LIST(FACT_ENUM)
#undef FACT_ENUM
	FACT_COUNT_
};

struct fact_def {
	const char *name;
	enum fact_kind kind;
	const char *unit;
	const char *description;
};

extern const struct fact_def fact_defs[FACT_COUNT_];

/* A fact's id by name, or -1; and the closest name for "did you mean". */
int fact_lookup(const char *name);
const char *fact_suggest(const char *name);
const char *fact_kind_name(enum fact_kind t);
/* The values a label fact takes (NULL-ended), or NULL for other kinds. */
const char *const *fact_label_values(int fact);

/* One fact's value for one account. */
struct fact_value {
	bool known;
	double num;          /* numbers, ratios, counts, days, money (cents), flags */
	const char *label;   /* FK_LABEL; NULL otherwise */
};

/* All facts of one account, as the store streams them.  Strings belong to
 * the store and are valid only during the callback. */
struct fact_row {
	int64_t account_id;
	const char *name;
	const char *owner;           /* login, NULL when pooled */
	struct fact_value v[FACT_COUNT_];
	int manual_age[2];           /* age in days of the latest financial_rating and
					csm_sentiment input, -1 when there is none */
	double manual_value[2];      /* their values, fresh or not (when age >= 0) */
	int64_t renewal_id;          /* the renewal coming up (days_to_renewal's), 0: none */
};

/* Is a manual rating age days old still in force for an account whose
 * health band is band (NULL: never scored)?  30 days, 14 while the band is
 * yellow or worse: a struggling account is rated again sooner. */
bool fact_manual_fresh(int age, const char *band);

/* A fact value as text for people: "83%", "12", "12,000", "yes", "n/a". */
const char *fact_text(const struct fact_def *d, const struct fact_value *v, char *out, size_t size);

#endif
