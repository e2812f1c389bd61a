/*
 * fuzz_date.c -- dates as the CLI and forms take them: date_parse and
 * date_parse_relative (core/date.c).  Whatever is accepted lies within
 * DATE_YEAR_MIN..DATE_YEAR_MAX and formats back to a date that parses to
 * the same day.
 */
#include "config.h"

#include <string.h>

#include "core/date.h"
#include "fuzz.h"

static void
check_day(int32_t day)
{
	char text[DATE_STRLEN];
	int32_t again;
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	fuzz_assert(y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX);
	fuzz_assert(date_valid_ymd(y, m, d));
	fuzz_assert(date_parse(date_format(day, text), &again) && again == day);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The edges of the book's years and an ordinary day. */
	const int32_t todays[] = { date_from_ymd(DATE_YEAR_MIN, 1, 1), date_from_ymd(2026, 6, 1),
				   date_from_ymd(2024, 2, 29), date_from_ymd(DATE_YEAR_MAX, 12, 31) };
	char *s = fuzz_string(data, size);
	int32_t day;

	if (date_parse(s, &day))
		check_day(day);
	for (size_t i = 0; i < sizeof(todays) / sizeof(todays[0]); i++)
		if (date_parse_relative(s, todays[i], &day))
			check_day(day);
	free(s);
	return 0;
}
