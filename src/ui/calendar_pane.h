/*
 * calendar_pane.h -- what the renewal calendar's files share: the shell's
 * command line opens it (`:calendar [DATE]`, pane_calendar.c), and the
 * pane hands the renewal under its cursor to the forms that work it
 * (pane_calendar_work.c).
 */
#ifndef TEND_CALENDAR_PANE_H
#define TEND_CALENDAR_PANE_H

#include <stdint.h>

#include "domain/cadence.h"

struct pane;
struct ui;

/* A renewal as the calendar holds it. */
struct cal_item {
	int64_t id, account_id;
	int32_t due;
	int64_t target, forecast;   /* cents; forecast -1: none */
	const char *name, *owner, *band, *category, *stage;   /* cleaned, in the pool */
	int32_t evidence[CADENCE_STEPS];
};

/* Work the selected renewal (NULL: none; the caller said so): ACT_* flags. */
int cal_work_close(struct pane *p, const struct cal_item *it);
int cal_work_forecast(struct pane *p, const struct cal_item *it);
int cal_work_stage(struct pane *p, const struct cal_item *it);
int cal_work_step(struct pane *p, const struct cal_item *it);

/* Show the calendar on day (a day number; 0: where it was). */
void calendar_open(struct ui *ui, int32_t day);

#endif
