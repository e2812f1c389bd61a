/*
 * account_view.h -- everything about one account, for the 360 view.
 *
 * Loaded in one go by store_account_view() (a handful of queries, each
 * set-based over that account) and drawn from memory by `tend account show`
 * and the account-detail pane.  All strings live in the view's pool.
 * "Days" are counted from the store's today (--now); -1 means "never".
 */
#ifndef TEND_ACCOUNT_VIEW_H
#define TEND_ACCOUNT_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/pool.h"

struct av_contact {
	int64_t id;
	const char *name, *title, *email, *status, *roles;   /* roles: "a;b" */
	bool is_executive;
	int sentiment;            /* 0 = unknown */
	int64_t last_touch_days;  /* -1 = never attended a touchpoint */
};

struct av_contract {
	int64_t id;
	const char *start_date, *end_date, *channel;
	int64_t arr_cents;
	bool auto_renew;
};

struct av_arr_event {
	const char *date, *kind, *reason;
	int64_t delta_cents;
	bool scheduled;             /* dated after today: a renewal closed ahead of its date */
};

struct av_renewal {
	int64_t id;
	const char *due_date, *stage, *forecast_category, *booking_type, *closed_date, *churn_reason;
	int64_t target_cents, forecast_cents, final_cents;   /* -1 = not set */
	int64_t days;             /* due - today */
};

struct av_task {
	int64_t id;
	const char *title, *kind, *priority, *owner, *due_date, *status, *source;
	int64_t days_left;
	int items, items_done;    /* its checklist: items, and how many are ticked */
};

/* A checklist item of one of the open tasks, in checklist order; number is
 * its place in that task's checklist (1, 2, ...: `tend task tick` reads it). */
struct av_task_item {
	int64_t id, task_id;
	int number;
	const char *text;
	bool done;
};
struct av_opportunity {
	int64_t id;
	const char *title, *kind, *stage, *expected_close;
	int64_t arr_cents;
};
struct av_risk {
	int64_t id;
	const char *category, *severity, *status, *opened_on, *description, *mitigation;
};

struct av_plan {
	int64_t id;
	const char *status, *start_date, *signed_date, *signed_by;
	int objectives, milestones, milestones_done, milestones_on_track, milestones_at_risk;
};

struct av_touchpoint {
	int64_t id;
	const char *date, *kind, *summary, *author, *follow_ups;
	int sentiment, duration;  /* 0: not given */
	bool proactive;
	bool planned;              /* dated after today: still to come */
};

/* A period in a lifecycle stage (schema 0007), most recent first: the
 * current stage comes from the account itself (stage, stage_since), so a
 * book whose history starts later still shows it. */
struct av_stage {
	const char *stage;
	const char *from_date;    /* NULL: not known */
	const char *to_date;      /* NULL: the stage the account is in */
	int64_t days;             /* to (or today) - from; -1 when from is not known */
};

/* A change to the account or what belongs to it, from the audit log, most
 * recent first. */
struct av_change {
	int64_t id;
	const char *at, *actor, *action, *table, *op;
	const char *changes;      /* "stage: adopt -> expand"; NULL: none to show */
};

struct account_view {
	struct pool pool;
	/* identity */
	int64_t id;
	const char *external_id, *name, *owner, *owner_name, *am, *rm, *segment, *touch_model,
		*service_package, *stage, *stage_since, *industry, *region, *partner, *partner_role,
		*initial_contract_date, *currency, *notes, *tags;
	int64_t licensed_seats;          /* -1 = unknown */
	/* revenue */
	int64_t arr_cents;               /* ARR at the end of today */
	int64_t initial_arr_cents;       /* the first `new` event */
	const char *next_renewal;        /* NULL when none is open */
	int64_t next_renewal_days;
	/* signals */
	int64_t active_users, activated_seats, usage_licensed;   /* latest usage; -1 = none */
	const char *usage_date;
	int64_t open_tickets, open_p1, tickets_90d;
	double nps_12m;                  /* NAN when no responses */
	int64_t nps_responses_12m;
	double csat_90d;                 /* NAN when no responses */
	int64_t last_touch_days, last_exec_touch_days;   /* -1 = never */
	bool champion_present;
	/* lists */
	struct av_contact *contacts; int ncontacts;
	struct av_contract *contracts; int ncontracts;
	struct av_arr_event *ledger; int nledger;
	struct av_renewal *renewals; int nrenewals;
	struct av_task *tasks; int ntasks;            /* open and snoozed */
	struct av_task_item *items; int nitems;       /* their checklists, task by task */
	struct av_opportunity *opportunities; int nopportunities;   /* open ones */
	struct av_risk *risks; int nrisks;            /* not closed */
	struct av_plan *plans; int nplans;
	struct av_touchpoint *touchpoints; int ntouchpoints;  /* most recent first */
	struct av_stage *stages; int nstages;         /* the current stage first, then the past */
	struct av_change *history; int nhistory;      /* the latest changes (AV_HISTORY) */
};

#define AV_HISTORY 15   /* changes the 360 view shows; tend audit --account has all */

void account_view_free(struct account_view *v);

#endif
