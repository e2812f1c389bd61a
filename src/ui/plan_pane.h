/*
 * plan_pane.h -- what the success-plan pane (pane_plan.c: the page, its
 * drawing and its keys) shares with its forms (pane_plan_forms.c: adding
 * and editing through app/plan.h and app/plan_items.h, the status flow,
 * and sections handed to $EDITOR).  Not used outside those two files.
 */
#ifndef TEND_PLAN_PANE_H
#define TEND_PLAN_PANE_H

#include <stddef.h>
#include <stdint.h>

#include "core/pool.h"
#include "ui/list.h"
#include "ui/theme.h"

struct pane;
struct plan;

enum pl_kind {
	PL_TEXT,        /* a heading or a line of the header */
	PL_SECTION,     /* one of the seven sections: Enter edits it */
	PL_OBJECTIVE,   /* an objective (its title line and its detail line) */
	PL_MILESTONE,
	PL_KPI,
};

#define PL_SPANS 8

struct pl_span {
	const char *text;       /* clean, in the pane's pool */
	enum theme_role role;
	int width;              /* 0: as wide as the text; -1: the rest of the row */
	bool right;
};

struct pl_line {
	enum pl_kind kind;
	int64_t id;             /* the objective, milestone or KPI; the section's index */
	int64_t objective;      /* the objective a line belongs to (0: none) */
	struct pl_span spans[PL_SPANS];
	int n;
};

struct plan_pane {
	struct pool pool;
	struct pl_line *lines;
	size_t n, cap;
	struct list list;       /* cursor and page over lines */
	int64_t account_id;     /* the account opened on; 0: none yet */
	char account[80];       /* its name, clean, for the tab line */
	struct plan *plan;      /* its current plan; NULL when it has none */
};

/* The selected line, or NULL. */
const struct pl_line *plan_pane_selected(struct pane *p);

/* The forms and actions (pane_plan_forms.c); each returns ACT_* flags. */
int plan_form_new(struct pane *p);
int plan_form_edit(struct pane *p);         /* the selected line's form, or $EDITOR */
int plan_form_objective(struct pane *p);
int plan_form_milestone(struct pane *p);
int plan_form_kpi(struct pane *p);
int plan_form_reading(struct pane *p);
int plan_form_delete(struct pane *p);
int plan_form_move(struct pane *p, int by);
int plan_form_status(struct pane *p);
int plan_form_validate(struct pane *p);

#endif
