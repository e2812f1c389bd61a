/*
 * fuzz_cmdline.c -- the interface's `:` command line (ui/cmdline.c): any
 * line is a command, empty, unknown or refused with a reason, and its
 * argument checked as prompt.c relies on.
 */
#include "config.h"

#include <string.h>

#include "core/date.h"
#include "core/names.h"
#include "domain/model.h"
#include "ui/cmdline.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = fuzz_string(data, size);
	size_t len = strlen(line);
	struct cmdline c;

	switch (cmdline_parse(line, date_from_ymd(2026, 6, 1), &c)) {
	case CL_NONE:
		fuzz_assert(len == 0 || line[0] == '\0');
		break;
	case CL_UNKNOWN:
	case CL_INVALID:
		fuzz_assert(c.why[0] && strlen(c.why) < sizeof(c.why));
		break;
	case CL_SEGMENT:
		fuzz_assert(!*c.arg || names_lookup(segment_names, c.arg) >= 0);
		fuzz_assert(strlen(c.arg) < CMDLINE_NAME_MAX);
		break;
	case CL_STAGE:
		fuzz_assert(!*c.arg || names_lookup(stage_names, c.arg) >= 0);
		fuzz_assert(strlen(c.arg) < CMDLINE_NAME_MAX);
		break;
	case CL_BAND:
		fuzz_assert(!*c.arg || names_lookup(band_names, c.arg) >= 0);
		fuzz_assert(strlen(c.arg) < CMDLINE_NAME_MAX);
		break;
	case CL_WITHIN:
		fuzz_assert(c.within >= -1 && c.within <= 3650);
		break;
	case CL_CALENDAR: {
		int y, m, d;

		date_to_ymd(c.day, &y, &m, &d);
		fuzz_assert(!*c.arg || (y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX));
		break;
	}
	default:
		break;
	}
	fuzz_assert(c.word == line && c.arg >= line && c.arg <= line + len);
	free(line);
	return 0;
}
