/*
 * cadence.h -- the renewal cadence and the renewal calendar's arithmetic
 * (doc/model.md section 5), pure: no SQL, no I/O.
 *
 * The cadence is four steps, each due a number of days before the renewal
 * (the offsets, configurable: `renewal_cadence: 120,90,60,30`):
 *   t120  validate the renewal list, review utilisation, CSAT and faults,
 *         hold the EBR by now;
 *   t90   handshake #3 CSM to RM, start the renewal discussion;
 *   t60   resolve objections, start the price negotiation;
 *   t30   scope and price agreed (else escalate).
 * A step is judged from the first evidence of it the book holds (the store
 * finds it: store/renewals.h) against its deadline, due - offset:
 *   on_time  evidence on or before the deadline;
 *   late     evidence after it;
 *   missing  no evidence, and the deadline has passed;
 *   pending  no evidence yet, and the deadline is still ahead.
 * Evidence counts from the cycle's opening, CADENCE_LEAD days before the
 * first step's deadline, so last year's EBR is not this year's.
 */
#ifndef TEND_CADENCE_H
#define TEND_CADENCE_H

#include <stdbool.h>
#include <stdint.h>

#define CADENCE_STEPS 4
/* Days before the first deadline from which evidence counts: an EBR two
 * months ahead of T-120 is this renewal's, one a year before is not. */
#define CADENCE_LEAD 60
/* "No evidence": a day before any book's. */
#define CADENCE_NONE INT32_MIN

enum cadence_step { CAD_T120, CAD_T90, CAD_T60, CAD_T30 };
enum cadence_state { CAD_PENDING, CAD_ON_TIME, CAD_LATE, CAD_MISSING };

extern const char *const cadence_step_names[];    /* "t120" ... NULL-ended */
extern const char *const cadence_step_help[];     /* what each step asks */
extern const char *const cadence_state_names[];   /* "pending", "on_time", "late", "missing" */

struct cadence {
	int offset[CADENCE_STEPS];   /* days before the due date, strictly decreasing */
};

void cadence_default(struct cadence *c);
/* "120,90,60,30": four whole days, strictly decreasing, 1 to 730.  On
 * failure *why says what is wrong and c is unchanged. */
bool cadence_parse(const char *text, struct cadence *c, const char **why);
/* The first day evidence counts for a renewal due on due. */
int32_t cadence_open(const struct cadence *c, int32_t due);
/* A step's state, given its first evidence (CADENCE_NONE: none). */
enum cadence_state cadence_judge(const struct cadence *c, enum cadence_step k, int32_t due,
				 int32_t evidence, int32_t today);
/* One letter per state for lists: ' ' pending, '+' on time, '~' late,
 * '!' missing -- never colour alone. */
char cadence_glyph(enum cadence_state s);

/* -- the pipeline's windows -------------------------------------------------- */

enum renewal_window { RW_OVERDUE, RW_30, RW_60, RW_90, RW_120, RW_LATER, RW_COUNT_ };
extern const char *const renewal_window_names[];  /* "overdue", "0-30", ... ">120" */
enum renewal_window renewal_window_of(int32_t due, int32_t today);

/* -- the calendar ------------------------------------------------------------ */

/* The first day of the week: 0 Monday ... 6 Sunday (date_weekday's). */
#define WEEK_MONDAY 0
#define WEEK_SATURDAY 5
#define WEEK_SUNDAY 6
/* The day that starts the grid of the month holding day: the week start
 * on or before its 1st. */
int32_t cal_grid_start(int32_t day, int week_start);
/* Rows of that grid: 4 to 6 weeks, enough to hold the whole month. */
int cal_grid_weeks(int32_t day, int week_start);
/* The first day of day's calendar quarter, and the quarter (1-4). */
int32_t cal_quarter_start(int32_t day);
int cal_quarter_of(int32_t day);
/* Parse "2026Q4" (or "2026q4"): the quarter's first day and the next
 * quarter's first day. */
bool cal_parse_quarter(const char *s, int32_t *from, int32_t *to);

/* The next term's due date: months after due, the day of month clamped
 * (a renewal due on 29 February 2028 renews on 28 February 2029). */
int32_t renewal_next_due(int32_t due, int months);

#endif
