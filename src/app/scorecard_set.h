/*
 * scorecard_set.h -- which scorecards are in force, and for which accounts.
 *
 * In order of precedence: the files named with --scorecard; else every
 * *.yaml in $XDG_CONFIG_HOME/tend/scorecards/ (a team keeps its own there,
 * one per segment if it likes); else the shipped scorecard named by the
 * config file's `scorecard:` (default, handbook or practical); else the
 * default.  Each account is scored by the first scorecard of the set that
 * applies to its segment.
 */
#ifndef TEND_SCORECARD_SET_H
#define TEND_SCORECARD_SET_H

#include "core/diag.h"
#include "core/err.h"
#include "domain/scorecard.h"

#define SC_SET_MAX 16

struct scorecard_set {
	struct scorecard *sc[SC_SET_MAX];
	int n;
	const char *source;   /* "--scorecard", "config directory", "shipped" */
};

/* Load the set.  files: --scorecard values (paths, or shipped names).
 * Problems in files are reported through `report` (one call per file with
 * its diagnostics; report may be NULL) and make the load fail with ST_DATA. */
enum status scorecard_set_load(struct scorecard_set *set, const char *const *files, int nfiles,
			       const char *config_name, struct err *e,
			       void (*report)(void *ctx, const struct diag *d), void *ctx);
void scorecard_set_free(struct scorecard_set *set);
/* Give the set's quantile measures the cut points calibrated in this book
 * (tend health calibrate): every score shown, by any command or pane, is
 * computed with them. */
struct store;
enum status scorecard_set_calibrate(struct scorecard_set *set, struct store *s, struct err *e);
/* The scorecard for a segment, or NULL when none applies. */
struct scorecard *scorecard_for(const struct scorecard_set *set, const char *segment);
/* Parse one file (a path, or a shipped name) on its own, for `health check`. */
struct scorecard *scorecard_load_file(const char *name, struct diag *d, struct err *e);

#endif
