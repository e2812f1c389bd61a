/*
 * date.c -- civil-date arithmetic (days since 1970-01-01) and the clock.
 *
 * The conversions are Howard Hinnant's public-domain days_from_civil /
 * civil_from_days algorithms, which are exact for the whole int32 range we
 * use and need no tables or time zone.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"

int32_t
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int32_t z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

bool
date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool
date_parse(const char *s, int32_t *out)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 0 || d < 0 || !date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

/* day into *out when it falls in the book's years. */
static bool
in_years(int32_t day, int32_t *out)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return false;
	*out = day;
	return true;
}

bool
date_parse_relative(const char *s, int32_t today, int32_t *out)
{
	char *end;
	long n;

	if (!s)
		return false;
	/* The words too stay within the years: "yesterday" on 1900-01-01 is
	 * not a date of the book (found by tests/fuzz/fuzz_date.c). */
	if (!strcmp(s, "today"))
		return in_years(today, out);
	if (!strcmp(s, "tomorrow"))
		return in_years(today + 1, out);
	if (!strcmp(s, "yesterday"))
		return in_years(today - 1, out);
	if (s[0] == '+' || s[0] == '-') {
		n = strtol(s + 1, &end, 10);
		if (end == s + 1 || n < 0 || n > 100000 || end[0] == '\0' || end[1] != '\0')
			return false;
		if (s[0] == '-')
			n = -n;
		switch (end[0]) {
		case 'd': return in_years(today + (int32_t)n, out);
		case 'w': return in_years(today + 7 * (int32_t)n, out);
		case 'm': return in_years(date_add_months(today, (int)n), out);
		default: return false;
		}
	}
	return date_parse(s, out);
}

char *
date_format(int32_t day, char *out)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	/* Written by hand: exactly ten characters whatever the compiler thinks. */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return out;
}

int32_t
date_add_months(int32_t day, int months)
{
	int y, m, d, total, dim;

	date_to_ymd(day, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	/* Floor division: a total before year 0 still gives a month 1-12
	 * (the caller judges the year). */
	y = total >= 0 ? total / 12 : -((-total + 11) / 12);
	m = total - y * 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

int
date_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (ISO weekday index 3). */
	int w = (int)((day % 7 + 7) % 7);

	return (w + 3) % 7;
}

const char *
date_ago(int64_t days, char *out, size_t size)
{
	if (days < 0)
		return "never";
	if (days == 0)
		return "today";
	if (days == 1)
		return "yesterday";
	snprintf(out, size, "%lld days ago", (long long)days);
	return out;
}

static int32_t
local_date(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void
clock_init(struct clock *c)
{
	c->today = local_date(time(NULL));
	c->fixed = false;
	c->pinned = false;
	c->wall = 0;
}

bool
clock_fix(struct clock *c, const char *ymd)
{
	int32_t day;

	if (!date_parse(ymd, &day))
		return false;
	c->today = day;
	c->fixed = true;
	return true;
}

bool
clock_pin(struct clock *c, const char *iso)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	char ymd[DATE_STRLEN];
	int32_t day;
	int h, m, s;

	if (strlen(iso) != sizeof(shape) - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)iso[i]) : iso[i] != shape[i])
			return false;
	memcpy(ymd, iso, 10);
	ymd[10] = '\0';
	h = (iso[11] - '0') * 10 + iso[12] - '0';
	m = (iso[14] - '0') * 10 + iso[15] - '0';
	s = (iso[17] - '0') * 10 + iso[18] - '0';
	if (!date_parse(ymd, &day) || h > 23 || m > 59 || s > 59)
		return false;
	c->pinned = true;
	c->wall = (int64_t)day * 86400 + h * 3600 + m * 60 + s;
	if (!c->fixed)
		c->today = local_date((time_t)c->wall);
	return true;
}

char *
clock_stamp(const struct clock *c, char *out, unsigned size)
{
	time_t t = c->pinned ? (time_t)c->wall : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return out;
}
