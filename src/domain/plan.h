/*
 * plan.h -- the joint success plan as the editor, the exports and the QBR
 * pack see it (doc/model.md sections 2 and 9): its seven sections, the
 * objective -> milestone / KPI tree, the status flow and the arithmetic of
 * progress.  Pure: the store fills a `struct plan`, this module judges it.
 *
 * A plan moves draft -> shared -> signed -> active -> done, one step at a
 * time; a shared plan may go back to draft (the customer asked for
 * changes).  Signing needs at least one objective and a signer who is an
 * active contact of the account (the store checks the contact).
 *
 * Progress (doc/model.md section 9, tend chooses): a KPI's progress is how
 * far its current value has moved from the baseline to the target,
 * (current - baseline) / (target - baseline), clamped to 0..1, unknown
 * without a current value; a milestone counts 1 when done, else 0; an
 * objective's progress is the mean over its milestones and KPIs, unknown
 * when it has none.  A KPI is off track when its target date has passed
 * short of the target, or when its progress lags the time gone from the
 * plan's start to its target date by more than a quarter.  A milestone is
 * overdue when its due date has passed and it is not done.  A plan is
 * unvalidated when nobody validated it with the customer for 90 days.
 */
#ifndef TEND_DOMAIN_PLAN_H
#define TEND_DOMAIN_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/pool.h"

/* The seven sections: id, column of success_plans, the short name the
 * CLI takes, the heading. */
#define PLAN_SECTION_LIST(_) \
	_(SUMMARY, "executive_summary", "summary", "Executive summary") \
	_(OBJECTIVES, "adoption_objectives", "objectives", "Adoption objectives") \
	_(ACTIVITIES, "adoption_activities", "activities", "Adoption activities") \
	_(FINANCES, "finances_timescales", "finances", "Finances and timescales") \
	_(MEASUREMENT, "measurement_reporting", "measurement", "Measurement and reporting") \
	_(RISKS, "key_risks", "risks", "Key risks: adoption barriers and mitigations") \
	_(APPENDICES, "appendices", "appendices", "Appendices: people, third parties, methods")

#define PLAN_SECTION_ENUM(id, col, name, title) PLAN_SECTION_##id,
enum plan_section { PLAN_SECTION_LIST(PLAN_SECTION_ENUM) PLAN_NSECTIONS };
#undef PLAN_SECTION_ENUM

extern const char *const plan_section_columns[];   /* by enum plan_section */
extern const char *const plan_section_names[];     /* short names, NULL-terminated */
extern const char *const plan_section_titles[];

#define PLAN_UNVALIDATED_DAYS 90   /* doc/model.md section 9: a plan unvalidated this long says so */

/* The section named by its short name or its column; -1 when none. */
int plan_section_find(const char *name);

struct plan_kpi {
	int64_t id;
	const char *name, *unit, *target_date;
	bool has_baseline, has_target, has_current;
	double baseline, target, current;
	const char *read_on;         /* the latest reading's day; NULL without one */
	int nreadings;
};

struct plan_milestone {
	int64_t id;
	const char *title, *owner, *due_date, *status, *done_on;
};

struct plan_objective {
	int64_t id;
	const char *title, *type, *priority;
	int64_t beneficiary_id;      /* 0: none */
	const char *beneficiary;     /* the contact's name; NULL without one */
	const char *beneficiary_email;
	const char *last_validated, *achieved_on;
	bool confirmed;              /* achievement confirmed in writing */
	struct plan_milestone *milestones;
	int nmilestones;
	struct plan_kpi *kpis;
	int nkpis;
};

/* One plan with its tree, in the CSM's order; strings live in the pool,
 * the arrays are the plan's own (plan_free releases both). */
struct plan {
	struct pool pool;
	int64_t id, account_id;
	const char *account, *external_id, *currency;
	const char *status, *start_date, *signed_date, *validated_on, *template;
	int64_t signed_by_id;
	const char *signed_by;       /* the signatory's name; NULL when unsigned */
	const char *section[PLAN_NSECTIONS];
	struct plan_objective *objectives;
	int nobjectives;
};

void plan_free(struct plan *p);

/* May a plan go from status `from` to `to`?  ST_DATA "plan #N is draft:
 * share it before it is signed" when not; signing also needs objectives. */
enum status plan_status_check(const struct plan *p, const char *to, struct err *e);

/* KPI progress 0..1; false when unknown (no current, baseline or target,
 * or a target equal to its baseline). */
bool plan_kpi_progress(const struct plan_kpi *k, double *out);
/* Off track on day today (dates are day numbers; see the top comment). */
bool plan_kpi_off_track(const struct plan *p, const struct plan_kpi *k, int32_t today);
bool plan_milestone_overdue(const struct plan_milestone *m, int32_t today);
/* Objective progress 0..1; false when it has no milestones and no KPI
 * with a known progress. */
bool plan_objective_progress(const struct plan_objective *o, double *out);
/* Milestones done and in all, over the whole plan. */
void plan_milestone_counts(const struct plan *p, int *done, int *all);
/* The day the plan was last validated: its own validated_on, else the
 * latest objective's, else its start; days since it go to *days. */
const char *plan_last_validated(const struct plan *p, int32_t today, int64_t *days);

/* A section's text as it is kept: CRLF as LF, blanks ending lines and
 * blank lines ending the text removed.  ST_USAGE "field: ..." for invalid
 * UTF-8 or a control character other than tab and newline: what a file
 * from an editor may hold, but nobody means to keep. */
enum status plan_text_clean(const char *field, const char *text, struct buf *out, struct err *e);

/* A number as the plan shows it: no trailing zeros ("30", "14.5"). */
void plan_number(struct buf *out, double v);
/* A text-mode progress bar of width cells ("[#####-----]"). */
void plan_bar(struct buf *out, double progress, int width);

#endif
