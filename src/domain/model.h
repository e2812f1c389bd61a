/*
 * model.h -- the domain vocabulary of doc/model.md section 2.
 *
 * Each enumeration is one X-macro that yields the C enum and the NULL-ended
 * array of its canonical names (the spellings used in the schema's CHECK
 * constraints, in CSV files, in JSON and on the command line).  The structs
 * are what the store hands to the CLI and the UI; they own nothing that the
 * callback contract does not say they own.  No SQL and no curses here.
 */
#ifndef TEND_MODEL_H
#define TEND_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#define SEGMENT_LIST(_) _(ENTERPRISE, "enterprise") _(MID_MARKET, "mid_market") _(SMB, "smb")
#define STAGE_LIST(_) _(LAND, "land") _(ONBOARD, "onboard") _(ADOPT, "adopt") \
	_(EXPAND, "expand") _(RENEW, "renew") _(CHURNED, "churned")
#define TOUCH_LIST(_) _(HIGH, "high") _(LOW, "low") _(TECH, "tech")
#define PACKAGE_LIST(_) _(FREE, "free") _(PREMIUM, "premium")
#define ROLE_LIST(_) _(CSM, "csm") _(LEAD, "lead") _(ADMIN, "admin") _(VIEWER, "viewer")
#define PARTNER_ROLE_LIST(_) _(SALES_AGENT, "sales_agent") _(CSM, "csm")
#define CONTACT_ROLE_LIST(_) _(EXECUTIVE_SPONSOR, "executive_sponsor") \
	_(ECONOMIC_BUYER, "economic_buyer") _(CHAMPION, "champion") \
	_(DECISION_MAKER, "decision_maker") _(PROJECT_MANAGER, "project_manager") \
	_(ADMIN, "admin") _(POWER_USER, "power_user") _(END_USER, "end_user")
#define CONTACT_STATUS_LIST(_) _(ACTIVE, "active") _(LEFT, "left")
#define CHANNEL_LIST(_) _(DIRECT, "direct") _(PARTNER, "partner")
#define ARR_KIND_LIST(_) _(NEW, "new") _(EXPANSION, "expansion") \
	_(CONTRACTION, "contraction") _(CHURN, "churn") _(REACTIVATION, "reactivation")
#define FORECAST_LIST(_) _(COMMIT, "commit") _(LIKELY, "likely") _(AT_RISK, "at_risk") _(LOST, "lost")
#define RENEWAL_STAGE_LIST(_) _(NOT_STARTED, "not_started") _(IN_PROGRESS, "in_progress") \
	_(NEGOTIATING, "negotiating") _(WON, "won") _(LOST, "lost")
#define CHURN_REASON_LIST(_) _(BUDGET, "budget") _(NO_VALUE, "no_value") \
	_(CHAMPION_LEFT, "champion_left") _(ACQUIRED, "acquired") _(COMPETITOR, "competitor") \
	_(PRODUCT_GAP, "product_gap") _(SUPPORT_EXPERIENCE, "support_experience") \
	_(CONSOLIDATION, "consolidation") _(BUSINESS_CLOSED, "business_closed") _(OTHER, "other")
#define OPP_KIND_LIST(_) _(UPSELL, "upsell") _(CROSS_SELL, "cross_sell") \
	_(WHITESPACE, "whitespace") _(REFERRAL, "referral")
#define OPP_STAGE_LIST(_) _(QUALIFY, "qualify") _(PROPOSE, "propose") _(COMMIT, "commit") \
	_(WON, "won") _(LOST, "lost")
#define OPP_FORECAST_LIST(_) _(PIPELINE, "pipeline") _(BEST_CASE, "best_case") \
	_(COMMIT, "commit") _(CLOSED, "closed")
#define HANDSHAKE_LIST(_) _(NONE, "none") _(PROPOSED, "proposed") _(ACCEPTED, "accepted") \
	_(REJECTED, "rejected")
#define PERIOD_LIST(_) _(DAY, "day") _(WEEK, "week") _(MONTH, "month")
#define PRIORITY_TICKET_LIST(_) _(P1, "p1") _(P2, "p2") _(P3, "p3") _(P4, "p4")
#define TICKET_STATUS_LIST(_) _(OPEN, "open") _(PENDING, "pending") _(SOLVED, "solved") \
	_(CLOSED, "closed")
#define SURVEY_KIND_LIST(_) _(NPS, "nps") _(CSAT, "csat")
#define TOUCH_KIND_LIST(_) _(CALL, "call") _(MEETING, "meeting") _(EMAIL, "email") \
	_(QBR, "qbr") _(EBR, "ebr") _(ONSITE, "onsite") _(WEBINAR, "webinar") \
	_(INTERNAL_REVIEW, "internal_review") _(NOTE, "note")
#define ADVOCACY_LIST(_) _(REFERENCE, "reference") _(CASE_STUDY, "case_study") \
	_(REVIEW, "review") _(SPEAKING, "speaking") _(PROMOTER, "promoter")
#define TASK_KIND_LIST(_) _(RISK, "risk") _(EXPANSION, "expansion") _(LIFECYCLE, "lifecycle") \
	_(RENEWAL, "renewal") _(CADENCE, "cadence") _(ACTIVITY, "activity")
#define PRIORITY_LIST(_) _(LOW, "low") _(MEDIUM, "medium") _(HIGH, "high") _(CRITICAL, "critical")
#define TASK_STATUS_LIST(_) _(OPEN, "open") _(DONE, "done") _(CANCELLED, "cancelled") \
	_(SNOOZED, "snoozed")
#define SOURCE_LIST(_) _(MANUAL, "manual") _(IMPORT, "import") _(DEMO, "demo")
#define RISK_CATEGORY_LIST(_) _(DEPLOYMENT, "deployment") _(ENGAGEMENT, "engagement") \
	_(ADOPTION, "adoption") _(VALUE, "value") _(SATISFACTION, "satisfaction") \
	_(SUPPORT, "support") _(SENTIMENT, "sentiment") _(EXTERNAL, "external") \
	_(PRODUCT, "product") _(RENEWAL, "renewal")
#define RISK_STATUS_LIST(_) _(OPEN, "open") _(MITIGATING, "mitigating") _(CLOSED, "closed")
#define PLAN_STATUS_LIST(_) _(DRAFT, "draft") _(SHARED, "shared") _(SIGNED, "signed") \
	_(ACTIVE, "active") _(DONE, "done")
#define OBJECTIVE_TYPE_LIST(_) _(QUANTITATIVE, "quantitative") _(QUALITATIVE, "qualitative")
#define OBJECTIVE_PRIORITY_LIST(_) _(LOW, "low") _(MEDIUM, "medium") _(HIGH, "high")
#define MILESTONE_STATUS_LIST(_) _(NOT_STARTED, "not_started") _(ON_TRACK, "on_track") \
	_(AT_RISK, "at_risk") _(DONE, "done") _(MISSED, "missed")
#define BAND_LIST(_) _(RED, "red") _(ORANGE, "orange") _(YELLOW, "yellow") \
	_(LIGHTGREEN, "lightgreen") _(GREEN, "green") _(UNKNOWN, "unknown")

/* Declare `enum prefix { PREFIX_A, ... }` and `extern const char *const prefix_names[]`. */
#define MODEL_ENUM_MEMBER(prefix, id, name) prefix##_##id,
#define MODEL_DECLARE(type, PREFIX, LIST) \
	enum type { LIST(MODEL_ENUM_##PREFIX) PREFIX##_COUNT_ }; \
	extern const char *const type##_names[];

#define MODEL_ENUM_SEGMENT(id, name) SEGMENT_##id,
#define MODEL_ENUM_STAGE(id, name) STAGE_##id,
#define MODEL_ENUM_ROLE(id, name) ROLE_##id,
#define MODEL_ENUM_TASK_STATUS(id, name) TASK_STATUS_##id,
#define MODEL_ENUM_BAND(id, name) BAND_##id,
MODEL_DECLARE(segment, SEGMENT, SEGMENT_LIST)
MODEL_DECLARE(stage, STAGE, STAGE_LIST)
MODEL_DECLARE(role, ROLE, ROLE_LIST)
MODEL_DECLARE(task_status, TASK_STATUS, TASK_STATUS_LIST)
MODEL_DECLARE(band, BAND, BAND_LIST)

/* Name arrays for the enumerations that need no C enum yet. */
extern const char *const touch_model_names[], *const package_names[],
	*const partner_role_names[], *const contact_role_names[],
	*const contact_status_names[], *const channel_names[], *const arr_kind_names[],
	*const forecast_names[], *const renewal_stage_names[], *const churn_reason_names[],
	*const opp_kind_names[], *const opp_stage_names[], *const opp_forecast_names[],
	*const handshake_names[], *const period_names[], *const ticket_priority_names[],
	*const ticket_status_names[], *const survey_kind_names[], *const touch_kind_names[],
	*const advocacy_names[], *const task_kind_names[], *const priority_names[],
	*const risk_category_names[], *const risk_status_names[], *const plan_status_names[],
	*const objective_type_names[], *const objective_priority_names[],
	*const milestone_status_names[], *const override_band_names[], *const manual_fact_names[];

/* The touch model a segment gets by default (doc/model.md section 7):
 * enterprise high, mid_market low, smb tech; NULL for an unknown segment. */
const char *segment_touch_model(const char *segment);


/* One row of `tend accounts`: the portfolio list. */
struct account_row {
	int64_t id;
	const char *external_id;
	const char *name;
	const char *owner;          /* login, NULL when pooled */
	const char *segment;
	const char *stage;
	int64_t arr_cents;          /* ARR at the end of `today` (events dated <= today) */
	const char *renewal_due;    /* next open renewal, NULL if none */
	int64_t renewal_days;       /* days from today to renewal_due */
	const char *tags;           /* "a;b", NULL if none */
};


struct task_row {
	int64_t id;
	int64_t account_id;         /* 0 for an internal task */
	const char *account;        /* account name, NULL for an internal task */
	const char *title;
	const char *kind;
	const char *priority;
	const char *owner;
	const char *due_date;
	const char *status;
	const char *source;
	int64_t days_left;          /* due - today; meaningful when due_date */
};

struct task_filter {
	const char *owner;          /* login, or NULL for everyone */
	int64_t account_id;         /* 0 = any */
	const char *status;         /* NULL = open and snoozed */
	bool overdue;
};

#endif
