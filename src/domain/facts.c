/*
 * facts.c -- the fact catalog's table and look-ups.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "core/names.h"

#include "domain/facts.h"
#include "domain/model.h"

const struct fact_def fact_defs[FACT_COUNT_] = {
#define FACT_ROW(id, name, kind, unit, desc) [FACT_##id] = { name, kind, unit, desc },
	FACT_LIST(FACT_ROW)
#undef FACT_ROW
};

int
fact_lookup(const char *name)
{
	for (int i = 0; name && i < FACT_COUNT_; i++)
		if (!strcmp(fact_defs[i].name, name))
			return i;
	return -1;
}

const char *
fact_suggest(const char *name)
{
	const char *names[FACT_COUNT_ + 1];

	for (int i = 0; i < FACT_COUNT_; i++)
		names[i] = fact_defs[i].name;
	names[FACT_COUNT_] = NULL;
	return names_suggest(names, name);
}

bool
fact_manual_fresh(int age, const char *band)
{
	bool worse_than_green = band && (!strcmp(band, "red") || !strcmp(band, "orange") ||
					 !strcmp(band, "yellow"));

	return age >= 0 && age <= (worse_than_green ? 14 : 30);
}

const char *
fact_kind_name(enum fact_kind t)
{
	static const char *const names[] = {
		[FK_RATIO] = "ratio", [FK_NUMBER] = "number", [FK_COUNT] = "count",
		[FK_DAYS] = "days", [FK_MONEY] = "money", [FK_FLAG] = "flag", [FK_LABEL] = "label",
	};
	return names[t];
}

const char *const *
fact_label_values(int fact)
{
	static const char *const nps[] = { "promoter", "passive", "detractor", NULL };

	switch (fact) {
	case FACT_SEGMENT: return segment_names;
	case FACT_STAGE: return stage_names;
	case FACT_TOUCH_MODEL: return touch_model_names;
	case FACT_HEALTH_BAND:
	case FACT_HEALTH_BAND_30D: return band_names;
	case FACT_NPS_CATEGORY: return nps;
	case FACT_RENEWAL_FORECAST: return forecast_names;
	default: return NULL;
	}
}

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
