/*
 * cadence.c -- the renewal cadence's rules and the calendar's date
 * arithmetic (cadence.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "domain/cadence.h"

const char *const cadence_step_names[] = { "t120", "t90", "t60", "t30", NULL };
const char *const cadence_step_help[] = {
	"renewal list validated, EBR held",
	"handshake #3 to the RM, discussion started",
	"price negotiation started",
	"scope and price agreed",
	NULL,
};
const char *const cadence_state_names[] = { "pending", "on_time", "late", "missing", NULL };
const char *const renewal_window_names[] = { "overdue", "0-30", "31-60", "61-90", "91-120",
	">120", NULL };

void
cadence_default(struct cadence *c)
{
	static const int def[CADENCE_STEPS] = { 120, 90, 60, 30 };

	memcpy(c->offset, def, sizeof(def));
}

bool
cadence_parse(const char *text, struct cadence *c, const char **why)
{
	struct cadence n;
	const char *p = text;

	for (int k = 0; k < CADENCE_STEPS; k++) {
		char *end;
		long v = strtol(p, &end, 10);

		if (end == p || v < 1 || v > 730) {
			*why = "four whole days from 1 to 730, such as 120,90,60,30";
			return false;
		}
		if (k && v >= n.offset[k - 1]) {
			*why = "each step comes fewer days before the renewal than the one before";
			return false;
		}
		n.offset[k] = (int)v;
		p = end;
		if (k < CADENCE_STEPS - 1) {
			if (*p != ',') {
				*why = "four days separated by commas, such as 120,90,60,30";
				return false;
			}
			p++;
		}
	}
	if (*p) {
		*why = "four days separated by commas, such as 120,90,60,30";
		return false;
	}
	*c = n;
	return true;
}

int32_t
cadence_open(const struct cadence *c, int32_t due)
{
	return due - c->offset[0] - CADENCE_LEAD;
}

enum cadence_state
cadence_judge(const struct cadence *c, enum cadence_step k, int32_t due, int32_t evidence,
	      int32_t today)
{
	int32_t deadline = due - c->offset[k];

	if (evidence != CADENCE_NONE)
		return evidence <= deadline ? CAD_ON_TIME : CAD_LATE;
	return today > deadline ? CAD_MISSING : CAD_PENDING;
}

char
cadence_glyph(enum cadence_state s)
{
	static const char g[] = { '.', '+', '~', '!' };

	return g[s];
}

enum renewal_window
renewal_window_of(int32_t due, int32_t today)
{
	int32_t d = due - today;

	if (d < 0)
		return RW_OVERDUE;
	if (d <= 30)
		return RW_30;
	if (d <= 60)
		return RW_60;
	if (d <= 90)
		return RW_90;
	if (d <= 120)
		return RW_120;
	return RW_LATER;
}

int32_t
cal_grid_start(int32_t day, int week_start)
{
	int y, m, d;
	int32_t first;

	date_to_ymd(day, &y, &m, &d);
	first = date_from_ymd(y, m, 1);
	return first - ((date_weekday(first) - week_start + 7) % 7);
}

int
cal_grid_weeks(int32_t day, int week_start)
{
	int y, m, d;
	int32_t start = cal_grid_start(day, week_start), last;

	date_to_ymd(day, &y, &m, &d);
	last = date_from_ymd(y, m, date_days_in_month(y, m));
	return (int)((last - start) / 7 + 1);
}

int
cal_quarter_of(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return (m - 1) / 3 + 1;
}

int32_t
cal_quarter_start(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
}

bool
cal_parse_quarter(const char *s, int32_t *from, int32_t *to)
{
	int y, q, n = 0;

	if (sscanf(s, "%4d%*[qQ]%1d%n", &y, &q, &n) != 2 || s[n] || strlen(s) != 6 || q < 1 ||
	    q > 4 || y < DATE_YEAR_MIN || y >= DATE_YEAR_MAX)
		return false;
	*from = date_from_ymd(y, (q - 1) * 3 + 1, 1);
	*to = date_add_months(*from, 3);
	return true;
}

int32_t
renewal_next_due(int32_t due, int months)
{
	return date_add_months(due, months);
}
