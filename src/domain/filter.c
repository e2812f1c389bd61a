/*
 * filter.c -- matching an account held in memory against a filter (see
 * filter.h; store/filter_sql.c is the same filter as SQL).
 */
#include "config.h"

#include <string.h>

#include "domain/filter.h"

bool
account_filter_empty(const struct account_filter *f)
{
	return !f->owner && !f->pooled && !f->segment && !f->stage && !f->band && !f->tag &&
	       f->renewing_within < 0 && !f->false_positive;
}

bool
filter_has_tag(const char *tags, const char *tag)
{
	size_t len = strlen(tag);

	for (const char *t = tags; t && *t; t = strchr(t, ';') ? strchr(t, ';') + 1 : NULL)
		if (!strncmp(t, tag, len) && (t[len] == ';' || !t[len]))
			return true;
	return false;
}

static bool
same(const char *want, const char *have)
{
	return !want || (have && !strcmp(want, have));
}

bool
account_filter_match(const struct account_filter *f, const struct account_match *a)
{
	if (f->pooled && a->owner)
		return false;
	if (!same(f->owner, a->owner) || !same(f->segment, a->segment) || !same(f->stage, a->stage))
		return false;
	if (f->band && !(a->band ? !strcmp(f->band, a->band) : !strcmp(f->band, "unknown")))
		return false;
	if (f->tag && !filter_has_tag(a->tags, f->tag))
		return false;
	if (f->renewing_within >= 0 && (!a->has_renewal || a->renewal_days > f->renewing_within))
		return false;
	return !f->false_positive || a->false_positive;
}
