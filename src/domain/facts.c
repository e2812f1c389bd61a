/*
 * facts.c -- the fact catalog's table and look-ups.
 */
#include "config.h"

#include <string.h>

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
	return model_suggest(names, name);
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
