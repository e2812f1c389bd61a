/*
 * health_out.c -- fact values as text for people.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "cli/health_out.h"
#include "core/money.h"

const char *
fact_text(const struct fact_def *d, const struct fact_value *v, char *out, size_t size)
{
	char m[MONEY_STRLEN];

	if (!v->known)
		return "n/a";
	switch (d->kind) {
	case FK_RATIO: snprintf(out, size, "%.0f%%", v->num * 100); break;
	case FK_NUMBER: snprintf(out, size, "%.2f", v->num); break;
	case FK_COUNT: snprintf(out, size, "%.0f", v->num); break;
	case FK_DAYS: snprintf(out, size, "%.0f", v->num); break;
	case FK_MONEY: snprintf(out, size, "%s", money_format_grouped((int64_t)llround(v->num), true, m)); break;
	case FK_FLAG: snprintf(out, size, "%s", v->num != 0 ? "yes" : "no"); break;
	case FK_LABEL: snprintf(out, size, "%s", v->label); break;
	}
	return out;
}
