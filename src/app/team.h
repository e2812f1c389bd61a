/*
 * team.h -- the team dashboard, assembled once for `tend team` and the
 * Team pane, so the two always show the same numbers.
 *
 * The scoreboard and each CSM's revenue, renewal-rate, coverage and
 * review figures are `tend metrics --by csm`'s own (store_metrics and
 * metrics_groups over the same period); the rest comes from store/team.h.
 * The targets come from the configuration (conf.h: target_*, stuck_*);
 * this module only carries them beside the figures.
 */
#ifndef TEND_APP_TEAM_H
#define TEND_APP_TEAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/pool.h"
#include "domain/metrics.h"
#include "domain/model.h"
#include "store/team.h"

struct store;

/* What the lead aims at, in percent (0: no target), and how many days
 * each lifecycle stage may last before an account counts as stuck
 * (0: never stuck), by enum stage (churned is never stuck). */
struct team_targets {
	int nrr, grr;
	int gross_renewal_rate, net_renewal_rate, on_time_renewal_rate;
	int stuck[STAGE_CHURNED];
};

/* The defaults of doc/model.md (section 4: NRR above 100%,
 * renewal rate 90%, on-time renewals above 70%) and tend's own stuck
 * limits (man tend, TEAM DASHBOARD). */
void team_targets_default(struct team_targets *t);
/* The defaults, with what the configuration sets instead. */
struct conf;
void team_targets_from_conf(const struct conf *c, struct team_targets *t);

/* One CSM (or pooled, or the whole book). */
struct team_row {
	const char *csm;            /* login or "pooled"; NULL: the whole book */
	const char *team;           /* NULL: none */
	const struct metrics *m;    /* tend metrics' figures for the period */
	const char *band;           /* "in", "outside", NULL: no CSM to judge */
	struct team_extra x;        /* x.login is not set */
	struct team_cover cover;    /* cover.login is not set */
};

struct team_dash {
	int32_t from, to;           /* the period, both days included */
	int32_t today;
	int32_t q0, q1;             /* this quarter, for the risk roll-up */
	struct team_targets targets;
	bool summary;               /* read from the summary rows (store/dash.h) */
	struct team_row book;       /* the whole book */
	struct team_row *rows;      /* one per CSM in name order, pooled last */
	size_t n;
	struct team_risk *risks;    /* by ARR, most first */
	size_t nrisks;
	struct team_stuck *stuck;   /* most overdue first */
	size_t nstuck;
	struct team_churn *churn;   /* by ARR, most first */
	size_t nchurn;
	/* owned storage */
	struct metrics_book mb;
	struct metrics_group *groups;
	size_t ngroups;
	struct pool pool;
};

/* Everything for the period [from, to] as of today.  Free with
 * team_dash_done(), also on failure. */
enum status team_dash_load(struct store *s, int32_t today, int32_t from, int32_t to,
			   const struct team_targets *t, struct team_dash *d, struct err *e);
void team_dash_done(struct team_dash *d);

/* The row of a CSM (login, or "pooled"), or NULL. */
const struct team_row *team_dash_row(const struct team_dash *d, const char *csm);

#endif
