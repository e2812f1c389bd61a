/*
 * plan.h -- reading success plans for the editor, the exports and the QBR
 * pack: which plan of an account is current, one plan with its objective
 * tree (domain/plan.h), and where an objective, milestone or KPI belongs.
 *
 * An account's current plan is its latest (by start date, then id) that is
 * not done; when all are done, the latest.  Rows are in the CSM's order:
 * position, then id (rows imported before positions existed have 0).
 */
#ifndef TEND_STORE_PLAN_H
#define TEND_STORE_PLAN_H

#include <stdint.h>

#include "core/err.h"

struct entity;
struct plan;
struct store;

/* The current plan's id; ST_NOINPUT "no success plan for ..." when the
 * account has none. */
enum status store_plan_current(struct store *s, int64_t account_id, int64_t *plan_id,
			       struct err *e);
/* The id of a plan of the account that is not done, 0 when none. */
enum status store_plan_open(struct store *s, int64_t account_id, int64_t *plan_id, struct err *e);
/* Plan id with its tree; ST_NOINPUT when there is no such plan.  Free
 * with plan_free(). */
enum status store_plan_load(struct store *s, int64_t plan_id, struct plan **out, struct err *e);
/* The plan row id of ent (entity_objective, entity_milestone, entity_kpi,
 * entity_kpi_reading)
 * belongs to, and its objective (the row itself for an objective);
 * ST_NOINPUT "no milestone with id 9" when there is none. */
enum status store_plan_item(struct store *s, const struct entity *ent, int64_t id,
			    int64_t *plan_id, int64_t *objective_id, struct err *e);
/* The ids of ent's rows under parent (a plan's objectives, an objective's
 * milestones or KPIs, a KPI's readings), in order: *ids is malloc'ed (free it), *n their
 * number. */
enum status store_plan_siblings(struct store *s, const struct entity *ent, int64_t parent,
				int64_t **ids, int *n, struct err *e);

/* The position after the last of ent's rows under parent. */
enum status store_plan_next_position(struct store *s, const struct entity *ent, int64_t parent,
				     int *pos, struct err *e);

#endif
