/*
 * demo_int.h -- what the demo generator's files share; never included
 * outside src/demo/demo*.c.
 *
 * The generator walks the accounts in index order.  For each one it first
 * plans the whole revenue history in memory (struct demo_acct: contract
 * terms, ledger steps, the periods the customer was live), then writes the
 * account and everything that hangs off it.  Each account draws from its
 * own random stream (seed, account index), so its data depend only on the
 * seed, its index and today -- never on how other accounts turned out.
 *
 *   demo.c           the driver, users, accounts, contacts
 *   demo_revenue.c   contract terms, ledger, renewals, invoices
 *   demo_activity.c  usage, tickets, surveys, touchpoints, advocacy
 *   demo_work.c      risks, tasks, success plans, opportunities
 */
#ifndef TEND_DEMO_INT_H
#define TEND_DEMO_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "demo/demo_names.h"
#include "domain/model.h"
#include "store/row.h"

struct store;
struct wtx;

/* -- random numbers: xoshiro256** seeded through splitmix64 ----------------- */

struct rng {
	uint64_t s[4];
};

static inline uint64_t
rng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rng_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rng_rotl(s[3], 45);
	return out;
}

/* Stream `stream` of generator `seed`: distinct streams are independent. */
static inline void
rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * 0xd1342543de82ef95u);

	for (int i = 0; i < 4; i++) {
		uint64_t z = (x += 0x9e3779b97f4a7c15u);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
		r->s[i] = z ^ (z >> 31);
	}
}

/* Uniform in [0, n) by multiply-shift (Lemire); the bias is far below what
 * demo data could show.  n must be >= 1. */
static inline uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]; lo when hi < lo. */
static inline int
rng_range(struct rng *r, int lo, int hi)
{
	return hi <= lo ? lo : lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* True with probability permille / 1000. */
static inline bool
rng_pm(struct rng *r, int permille)
{
	return (int)rng_below(r, 1000) < permille;
}

/* -- positions in the model.h name arrays ---------------------------------- */

/* Generated from the same X-macros as the arrays, so they cannot drift. */
#define DI_FC(id, n) FC_##id,
#define DI_RS(id, n) RS_##id,
#define DI_CR(id, n) CR_##id,
#define DI_CRL(id, n) CRL_##id,
#define DI_AK(id, n) AK_##id,
#define DI_TP(id, n) TP_##id,
#define DI_TS(id, n) TS_##id,
#define DI_TK(id, n) TK_##id,
#define DI_AD(id, n) AD_##id,
#define DI_TKD(id, n) TKD_##id,
#define DI_PR(id, n) PR_##id,
#define DI_RC(id, n) RC_##id,
#define DI_RST(id, n) RST_##id,
#define DI_PS(id, n) PS_##id,
#define DI_MS(id, n) MS_##id,
#define DI_OK(id, n) OK_##id,
#define DI_OS(id, n) OS_##id,
#define DI_OF(id, n) OF_##id,
#define DI_HS(id, n) HS_##id,
#define DI_OT(id, n) OT_##id,
#define DI_OP(id, n) OP_##id,
#define DI_CH(id, n) CH_##id,
enum { FORECAST_LIST(DI_FC) FC_COUNT_ };
enum { RENEWAL_STAGE_LIST(DI_RS) RS_COUNT_ };
enum { CHURN_REASON_LIST(DI_CR) CR_COUNT_ };
enum { CONTACT_ROLE_LIST(DI_CRL) CRL_COUNT_ };
enum { ARR_KIND_LIST(DI_AK) AK_COUNT_ };
enum { PRIORITY_TICKET_LIST(DI_TP) TP_COUNT_ };
enum { TICKET_STATUS_LIST(DI_TS) TS_COUNT_ };
enum { TOUCH_KIND_LIST(DI_TK) TK_COUNT_ };
enum { ADVOCACY_LIST(DI_AD) AD_COUNT_ };
enum { TASK_KIND_LIST(DI_TKD) TKD_COUNT_ };
enum { PRIORITY_LIST(DI_PR) PR_COUNT_ };
enum { RISK_CATEGORY_LIST(DI_RC) RC_COUNT_ };
enum { RISK_STATUS_LIST(DI_RST) RST_COUNT_ };
enum { PLAN_STATUS_LIST(DI_PS) PS_COUNT_ };
enum { MILESTONE_STATUS_LIST(DI_MS) MS_COUNT_ };
enum { OPP_KIND_LIST(DI_OK) OK_COUNT_ };
enum { OPP_STAGE_LIST(DI_OS) OS_COUNT_ };
enum { OPP_FORECAST_LIST(DI_OF) OF_COUNT_ };
enum { HANDSHAKE_LIST(DI_HS) HS_COUNT_ };
enum { OBJECTIVE_TYPE_LIST(DI_OT) OT_COUNT_ };
enum { OBJECTIVE_PRIORITY_LIST(DI_OP) OP_COUNT_ };
enum { CHANNEL_LIST(DI_CH) CH_COUNT_ };

/* -- the plan of one account ------------------------------------------------ */

/* The account's hidden character: drives every fact about it. */
enum arch { A_THRIVING, A_STEADY, A_SLIPPING, A_AT_RISK, A_CHURNED, A_COUNT };

/* How a contract term ended. */
enum outcome { OUT_OPEN, OUT_UP, OUT_FLAT, OUT_DOWN, OUT_LOST };

#define DEMO_MAX_TERMS 16
#define DEMO_MAX_STEPS (3 * DEMO_MAX_TERMS)
#define DEMO_MAX_CONTACTS 10

/* One contract term: [start, due), renewed (or not) on `due`. */
struct demo_term {
	int32_t start, due;
	int64_t arr;            /* ARR at the start of the term */
	int32_t addon_day;      /* mid-term expansion (co-terminous add-on), 0 if none */
	int64_t addon;
	enum outcome out;
	int64_t final;          /* ARR from `due` on, when closed */
	int32_t closed;         /* renewal close date, when closed */
	int reason;             /* churn_reason_names index, -1 if none */
	bool opens_life;        /* first term of a life: a new or reactivation event */
	bool reactivation;
};

/* ARR after each ledger event, for seat counts over time. */
struct demo_step {
	int32_t day;
	int64_t arr;
};

/* Days the customer was live: [from, to). */
struct demo_span {
	int32_t from, to;
};

struct demo_contact {
	int64_t id;
	unsigned roles;         /* bit i: contact_role_names[i] */
	bool exec;
	int32_t joined;         /* 0: there from the start (else a replacement) */
	int32_t left_on;        /* 0 while still there */
	int sentiment;
	char name[128];
	char local[64];         /* e-mail local part, unique within the account */
};

struct demo_acct {
	int index;
	int64_t id;
	int seg;                        /* SEGMENT_* */
	enum arch arch;                 /* now (after a reactivation: the new life's) */
	bool reactivated;
	int64_t owner;                  /* CSM user id, 0 when pooled */
	int64_t author;                 /* who logs its touchpoints (owner or pool CSM) */
	const char *am;
	bool partner;                   /* sold through a channel partner */
	struct demo_company co;
	int term_months;
	int seat_price;                 /* cents per seat per year */

	struct demo_term terms[DEMO_MAX_TERMS];
	int nterms;
	struct demo_step steps[DEMO_MAX_STEPS];
	int nsteps;
	struct demo_span live[2];
	int nlive;
	int32_t start;                  /* initial contract date */
	int32_t life_start;             /* start of the current life */
	int32_t churned_on;             /* 0 unless churned now */
	int64_t arr_now;
	int open_term;                  /* index of the open renewal's term, -1 if none */
	int forecast;                   /* forecast_names index of the open renewal */
	int adoption_now;               /* licence use now, permille (set by usage) */

	struct demo_contact contacts[DEMO_MAX_CONTACTS];
	int ncontacts;
	bool champion_left;             /* a champion left in the last two years */
	int32_t exec_gap_from;          /* no executive touch since, 0 if none */
	bool open_p1;
	int ndetractors;                /* NPS detractors in the last 12 months */
	int nrisks_open;

	struct rng rng;
};

/* Everything the writers share. */
enum demo_ent {
	DE_TEAM, DE_USER, DE_ACCOUNT, DE_CONTACT, DE_CONTRACT, DE_ARR_EVENT, DE_RENEWAL,
	DE_INVOICE, DE_OPPORTUNITY, DE_USAGE, DE_TICKET, DE_SURVEY, DE_TOUCHPOINT, DE_ADVOCACY,
	DE_TASK, DE_TASK_ITEM, DE_RISK, DE_PLAN, DE_OBJECTIVE, DE_MILESTONE, DE_KPI, DE_COUNT_
};

struct demo_ctx {
	struct store *s;
	struct wtx *t;
	struct err *e;
	uint64_t seed;
	int32_t today;
	int32_t hist_start;             /* first day of the two years of activity */
	int64_t *csm_ids;               /* by CSM index */
	int *csm_seg;                   /* their segment specialty */
	int ncsms;
	int64_t pool_csm;               /* answers for the pooled SMB accounts */
	int64_t ticket_no;              /* last support case number used */
	int64_t invoice_no;             /* last invoice number used */
	int64_t items;                  /* list elements written (roles, tags, attendees) */
	struct row rows[DE_COUNT_];     /* one reusable row per entity */
};

/* The entity's row, reset and ready to fill. */
struct row *demo_row(struct demo_ctx *c, enum demo_ent which);
/* Insert a row; the new id to *id when not NULL. */
enum status demo_put(struct demo_ctx *c, struct row *r, int64_t *id);

/* The contact holding role (index into contact_role_names) who is still
 * there on day, else any contact there on day; NULL if nobody is. */
const struct demo_contact *demo_contact_on(const struct demo_acct *a, int role, int32_t day);
/* Is the account live on day? */
bool demo_live_on(const struct demo_acct *a, int32_t day);
/* A random element of a static array (a NULL element means "none"). */
#define DEMO_PICK(r, arr) ((arr)[rng_below((r), (uint32_t)(sizeof(arr) / sizeof((arr)[0])))])

/* demo_revenue.c: plan the account's terms (before the account row is
 * written: its stage and seats come from the plan), then write them. */
void demo_plan_revenue(struct demo_ctx *c, struct demo_acct *a);
enum status demo_revenue(struct demo_ctx *c, struct demo_acct *a);

/* demo_activity.c */
enum status demo_usage(struct demo_ctx *c, struct demo_acct *a);
enum status demo_support(struct demo_ctx *c, struct demo_acct *a);
enum status demo_nps(struct demo_ctx *c, struct demo_acct *a);
enum status demo_touches(struct demo_ctx *c, struct demo_acct *a);
enum status demo_advocacy(struct demo_ctx *c, struct demo_acct *a);

/* demo_work.c */
enum status demo_risks(struct demo_ctx *c, struct demo_acct *a);
enum status demo_tasks(struct demo_ctx *c, struct demo_acct *a);
enum status demo_plans(struct demo_ctx *c, struct demo_acct *a);
enum status demo_opportunities(struct demo_ctx *c, struct demo_acct *a);
/* Internal (account-less) tasks of one CSM. */
enum status demo_internal_tasks(struct demo_ctx *c, int64_t csm, struct rng *r);

#endif
