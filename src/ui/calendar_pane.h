/*
 * calendar_pane.h -- what the shell's command line needs of the renewal
 * calendar (pane_calendar.c): `:calendar [DATE]`.
 */
#ifndef TEND_CALENDAR_PANE_H
#define TEND_CALENDAR_PANE_H

#include <stdint.h>

struct ui;

/* Show the calendar on day (a day number; 0: where it was). */
void calendar_open(struct ui *ui, int32_t day);

#endif
