/*
 * scorecard.h -- health scorecards: what measures rate an account, and how.
 *
 * A scorecard is a YAML file (man tend-scorecard(5)): a rating scale (3 or 5
 * bands), overall band cut-offs, and measures.  Each measure belongs to the
 * outcomes or experience group, has a weight (all weights sum to 100), shows
 * one fact, and is rated by ordered rules (`when` conditions over facts,
 * first match wins), then by thresholds on its fact (fixed, best first, or
 * `quantile: N` cut points computed from the book by `tend health
 * calibrate`).  A measure whose rules and thresholds cannot apply (the facts
 * are unknown) is missing data, never a bad rating.
 *
 * Loading validates everything and reports each problem as
 * file:line:column; a scorecard with problems is not used.  No SQL here.
 */
#ifndef TEND_SCORECARD_H
#define TEND_SCORECARD_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/pool.h"
#include "domain/facts.h"

#define SC_MAX_MEASURES 32
#define SC_MAX_LABELS 8

enum sc_op { OP_EQ, OP_NE, OP_LT, OP_LTE, OP_GT, OP_GTE, OP_IN, OP_BETWEEN };
enum sc_group { GROUP_OUTCOMES, GROUP_EXPERIENCE };

/* One comparison: fact OP value(s). */
struct sc_cond {
	int fact;
	enum sc_op op;
	double num[2];                    /* operands for numeric facts */
	const char *labels[SC_MAX_LABELS];/* operands for label facts */
	int nvalues;
};

/* "rating N when all of these hold". */
struct sc_rule {
	int rating;
	struct sc_cond *conds;
	int nconds;
	long line;
};

struct sc_measure {
	const char *id;
	const char *name;
	enum sc_group group;
	double weight;
	int fact;                         /* the value shown; -1 for none */
	bool lower_is_better;
	double thresholds[4];             /* best first: scale-1 of them */
	int nthresholds;
	int quantile;                     /* 0, or the scale: thresholds come from calibration */
	bool calibrated;                  /* quantile cut points are loaded */
	int32_t calibrated_on;            /* day number of the calibration */
	struct sc_rule *rules;
	int nrules;
	long line;
};

struct scorecard {
	struct pool pool;                 /* owns every string and array below */
	const char *name;
	const char *description;
	const char *file;
	int scale;                        /* 3 or 5 */
	double bands[5];                  /* score cut-offs, best band first (scale-1 used) */
	bool segments[3];                 /* applies to these segments (all when none listed) */
	double missing_max;               /* % of weight that may be missing before "unknown" */
	int fp_experience;                /* false-positive healthy: experience at least band index... */
	int fp_outcomes;                  /* ...and outcomes below band index (see score.c) */
	struct sc_measure measures[SC_MAX_MEASURES];
	int nmeasures;
};

/* Parse text (named file in messages) into a new scorecard.  Every problem
 * goes to d; returns NULL when there was any. */
struct scorecard *scorecard_parse(const char *file, const char *text, size_t len, struct diag *d);
void scorecard_free(struct scorecard *sc);

/* Does sc apply to accounts of this segment? */
bool scorecard_applies(const struct scorecard *sc, const char *segment);
/* Band names of a scale, best first: green, yellow, red / green,
 * lightgreen, yellow, orange, red. */
const char *scorecard_band_name(const struct scorecard *sc, int index);
/* Set quantile cut points (ascending, as calibration stores them). */
void scorecard_set_cuts(struct scorecard *sc, int measure, const double *ascending, int n,
			int32_t calibrated_on);

extern const char *const sc_op_names[];

#endif
