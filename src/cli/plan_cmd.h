/*
 * plan_cmd.h -- what `tend plan` (cmd_plan.c) shares with `tend objective`,
 * `tend milestone` and `tend kpi` (cmd_plan_items.c).
 */
#ifndef TEND_PLAN_CMD_H
#define TEND_PLAN_CMD_H

#include <stdint.h>

#include "cli/cli.h"

struct plan;

/* The current plan of the account the user named (store/plan.h). */
enum status plan_cmd_current(struct cli *c, struct store *s, const char *account,
			     int64_t *plan_id);
/* The same plan, loaded; free with plan_free(). */
enum status plan_cmd_load(struct cli *c, struct store *s, const char *account, struct plan **p);

#endif
