/*
 * health_cmd.h -- what the `tend health` subcommands share (cmd_score.c,
 * cmd_explain.c).
 */
#ifndef TEND_HEALTH_CMD_H
#define TEND_HEALTH_CMD_H

#include "cli/cli.h"
#include "app/scorecard_set.h"
#include "store/health.h"

#define MAX_SCORECARD_ARGS 16

struct health_opts {
	struct account_query f;         /* tend health's filter, sort and limit */
	const char *scorecards[MAX_SCORECARD_ARGS];
	int nscorecards;
	const char *band, *reason, *note;
	int32_t until, from;
	bool until_set, from_set, clear;
};

/* Load the scorecards in force with their calibrations, warning about
 * quantile measures never or long ago calibrated. */
enum status health_load_set(struct cli *c, struct store *s, const struct health_opts *o,
			    struct scorecard_set *set);
/* `tend health explain ACCOUNT` */
enum status health_explain(struct cli *c, struct store *s, const struct health_opts *o,
			   const char *account);

#endif
