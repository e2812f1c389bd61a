/*
 * plan_items.h -- the verbs on a success plan's objectives, milestones and
 * KPIs (`tend objective`, `tend milestone`, `tend kpi`, and the plan
 * pane's forms), each one audited transaction that changes nothing when
 * refused.
 *
 * Inputs are text, as typed in a form or on the command line, so both
 * share the checks and their messages ("target: ..."): a NULL field is
 * left as it is (on add: its default); "" clears an optional one.
 *   - dates are YYYY-MM-DD or relative (today, +2w);
 *   - an objective's beneficiary is a contact of the plan's account;
 *   - a milestone's owner is a user of the book (a login) or a contact of
 *     the account (an email), kept as given;
 *   - a KPI's baseline and target are numbers, and differ: a target equal
 *     to its baseline measures nothing;
 *   - a reading is a number on a day not in the future: it is kept
 *     (kpi_readings) and becomes the KPI's current value unless a later
 *     reading exists.
 * Add appends at the end; move puts an item at a 1-based position among
 * its siblings (renumbering them); delete takes an objective's milestones,
 * KPIs and readings with it.  Items of a done plan refuse every change.
 * The result's id is the item's (the new one for add).
 */
#ifndef TEND_APP_PLAN_ITEMS_H
#define TEND_APP_PLAN_ITEMS_H

#include <stdint.h>

#include "app/work.h"
#include "core/err.h"

struct entity;
struct store;

struct objective_input {
	const char *title;
	const char *type;            /* quantitative (default) or qualitative */
	const char *priority;        /* low, medium (default), high */
	const char *beneficiary;     /* contact id or email; "" clears */
	const char *validated;       /* last validated; "" clears */
	const char *achieved;        /* achieved on; "" clears */
	const char *confirmed;       /* "yes" / "no": achievement confirmed in writing */
};

struct milestone_input {
	const char *title;
	const char *owner;           /* login or contact email; "" clears */
	const char *due;             /* "" clears */
	const char *status;          /* not_started (default), on_track, at_risk, done, missed */
};

struct kpi_input {
	const char *name;
	const char *baseline, *target, *current;   /* numbers; "" clears current */
	const char *unit;            /* "" clears */
	const char *target_date;     /* "" clears */
};

enum status objective_add(struct store *s, int64_t plan_id, const struct objective_input *in,
			  struct work_done *out, struct err *e);
enum status objective_edit(struct store *s, int64_t id, const struct objective_input *in,
			   struct work_done *out, struct err *e);
enum status milestone_add(struct store *s, int64_t objective_id, const struct milestone_input *in,
			  struct work_done *out, struct err *e);
enum status milestone_edit(struct store *s, int64_t id, const struct milestone_input *in,
			   struct work_done *out, struct err *e);
enum status kpi_add(struct store *s, int64_t objective_id, const struct kpi_input *in,
		    struct work_done *out, struct err *e);
enum status kpi_edit(struct store *s, int64_t id, const struct kpi_input *in,
		     struct work_done *out, struct err *e);
/* value: a number; on: NULL for today.  login: who records it. */
enum status kpi_record(struct store *s, int64_t id, const char *value, const char *on,
		       const char *login, struct work_done *out, struct err *e);
/* ent: entity_objective, entity_milestone or entity_kpi. */
enum status plan_item_delete(struct store *s, const struct entity *ent, int64_t id,
			     struct work_done *out, struct err *e);
enum status plan_item_move(struct store *s, const struct entity *ent, int64_t id, int position,
			   struct work_done *out, struct err *e);

#endif
