/*
 * calendar_int.h -- the renewal calendar pane's state, shared by its
 * loading and requests (pane_calendar.c) and its drawing
 * (pane_calendar_draw.c).  Nothing outside the pane includes it.
 */
#ifndef TEND_CALENDAR_INT_H
#define TEND_CALENDAR_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/pool.h"
#include "domain/cadence.h"
#include "store/renewals.h"
#include "ui/calendar_pane.h"
#include "ui/list.h"

struct pane;

enum cal_view { CV_MONTH, CV_QUARTER, CV_PIPELINE, CV_COUNT_ };

#define PIPE_DAYS 120      /* the pipeline's horizon: the last window's end */
#define PIPE_SLICE 7       /* days loaded per background step */
#define GRID_ROWS 2        /* lines per week in the month grid */

struct cal_rows {
	struct cal_item *v;
	size_t n, cap;
};

struct cal_pane {
	bool ready;
	enum cal_view view;
	int32_t cursor, today;
	int week_start;
	struct cadence cad;
	int32_t from, to;           /* the grid's loaded range, inclusive */
	struct calendar_day *days;  /* the range's days with renewals, in order */
	size_t ndays, capdays;
	struct cal_rows items;      /* the cursor day's renewals */
	struct pool pool;
	bool in_list;               /* month view: the cursor is in the day's list */
	struct list day;            /* over the cursor day's renewals */
	size_t day_first, day_n;    /* their place in items (all of it) */
	struct cal_rows pipe;       /* the pipeline */
	struct pool pipe_pool;
	struct list pipe_list;
	int32_t pipe_next;          /* the next slice's first day; past the horizon: done */
	char owner[64];             /* the owner filter the rows were read with */
};

/* Whether the pipeline is still loading slices (the pane's `more`). */
bool cal_more(struct pane *p);
/* Draw the current view. */
void cal_draw(struct pane *p);

#endif
