/*
 * date.h -- civil dates as day numbers, and the clock.
 *
 * A date is an `int32_t` count of days since 1970-01-01 (proleptic
 * Gregorian), which makes differences and offsets plain arithmetic.  Text
 * form is strictly ISO-8601 `YYYY-MM-DD`, the same form SQLite's date
 * functions use, so dates compare correctly as strings in the store.
 *
 * The clock is the one place "today" and the time of day come from, and
 * they are two things.  "Today" is the date every computation uses (renewal
 * windows, demo history, relative dates); `--now` or TEND_NOW fixes it so
 * results are reproducible.  The wall clock is when a change really
 * happened: audit rows record it whatever `--now` says.  Tests pin the wall
 * clock too (TEND_CLOCK), so no test reads the real time.  Nothing else may
 * call time(2).
 */
#ifndef TEND_DATE_H
#define TEND_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_STRLEN 11   /* "YYYY-MM-DD" plus NUL */

int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t day, int *y, int *m, int *d);
bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
/* The years a date of the book may fall in, whatever the arithmetic that
 * made it: a customer relationship is not dated before 1900 or after 2999. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2999
/* Strict YYYY-MM-DD between DATE_YEAR_MIN and DATE_YEAR_MAX; false on
 * anything else, including 2023-02-29. */
bool date_parse(const char *s, int32_t *out);
/* Also accepts "today", "tomorrow", "yesterday", "+N[dwm]" and "-N[dwm]";
 * false when the result falls outside those years. */
bool date_parse_relative(const char *s, int32_t today, int32_t *out);
/* Writes "YYYY-MM-DD" into out (DATE_STRLEN bytes) and returns out. */
char *date_format(int32_t day, char *out);
/* How long ago, for people: "today", "yesterday", "N days ago"; "never"
 * for a negative count (no such day).  Returns out or a constant. */
#define DATE_AGO_STRLEN 32
const char *date_ago(int64_t days, char *out, size_t size);
/* Same day-of-month n months later, clamped to the month's last day. */
int32_t date_add_months(int32_t day, int months);
/* 0 = Monday ... 6 = Sunday (ISO). */
int date_weekday(int32_t day);

struct clock {
	int32_t today;   /* the current date, real or fixed by --now */
	bool fixed;      /* true when --now (or TEND_NOW) set it */
	bool pinned;     /* true when the wall clock is pinned (TEND_CLOCK) */
	int64_t wall;    /* the pinned wall clock, seconds since the epoch, UTC */
};

/* Real local date and the real wall clock. */
void clock_init(struct clock *c);
/* Fix "today" to a YYYY-MM-DD date; false if the text is not a date.  The
 * wall clock is left alone. */
bool clock_fix(struct clock *c, const char *ymd);
/* Pin the wall clock to "YYYY-MM-DDTHH:MM:SSZ"; today follows it unless it
 * is fixed.  False if the text is not such a time. */
bool clock_pin(struct clock *c, const char *iso);
/* ISO-8601 UTC timestamp of the wall clock, to the second, for audit
 * records: when the change really happened, whatever "today" is. */
char *clock_stamp(const struct clock *c, char *out, unsigned size);

#endif
