/*
 * cmdline.c -- parsing the `:` command line (cmdline.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/names.h"
#include "domain/model.h"
#include "ui/cmdline.h"

const char *const cmdline_commands[] = {
	"quit", "help", "recompute", "refresh", "clear", "search", "account", "owner", "segment", "stage",
	"band", "within", "tag",
	"plan",
	"calendar",
	"team", "heatmap", "inbox", "sync",
	NULL,
};

static const struct {
	const char *word;
	enum cmdline_verb verb;
} verbs[] = {
	{ "q", CL_QUIT }, { "quit", CL_QUIT }, { "help", CL_HELP }, { "recompute", CL_RECOMPUTE },
	{ "refresh", CL_REFRESH }, { "clear", CL_CLEAR }, { "search", CL_SEARCH },
	{ "account", CL_ACCOUNT }, { "plan", CL_PLAN }, { "owner", CL_OWNER }, { "tag", CL_TAG },
	{ "segment", CL_SEGMENT }, { "stage", CL_STAGE }, { "band", CL_BAND },
	{ "within", CL_WITHIN }, { "calendar", CL_CALENDAR }, { "debug-abort", CL_DEBUG_ABORT },
};

/* A segment, stage or band must be one of its names (or empty: any). */
static enum cmdline_verb
check_name(struct cmdline *c, const char *const *names)
{
	if (*c->arg && names_lookup(names, c->arg) < 0) {
		snprintf(c->why, sizeof(c->why), "%s: '%.60s' is not one of its values", c->word, c->arg);
		return c->verb = CL_INVALID;
	}
	return c->verb;
}

static enum cmdline_verb
check_within(struct cmdline *c)
{
	char *end;
	long d;

	c->within = -1;
	if (!*c->arg)
		return c->verb;
	d = strtol(c->arg, &end, 10);
	if (*end || end == c->arg || d < 0 || d > 3650) {
		snprintf(c->why, sizeof(c->why), "within takes a number of days (0 to 3650)");
		return c->verb = CL_INVALID;
	}
	c->within = (int)d;
	return c->verb;
}

/* A day as the CLI's options take it: 2028-02-29, today, +3m. */
static enum cmdline_verb
check_day(struct cmdline *c, int32_t today)
{
	if (*c->arg && !date_parse_relative(c->arg, today, &c->day)) {
		snprintf(c->why, sizeof(c->why), "calendar: '%.60s' is not a date (YYYY-MM-DD, today, +2m)",
			 c->arg);
		return c->verb = CL_INVALID;
	}
	return c->verb;
}

enum cmdline_verb
cmdline_parse(char *line, int32_t today, struct cmdline *c)
{
	char *arg = strchr(line, ' ');

	memset(c, 0, sizeof(*c));
	if (arg)
		*arg++ = '\0';
	else
		arg = line + strlen(line);
	c->word = line;
	c->arg = arg;
	c->within = -1;
	if (!*line)
		return c->verb = CL_NONE;
	c->verb = CL_UNKNOWN;
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(line, verbs[i].word))
			c->verb = verbs[i].verb;
	switch (c->verb) {
	case CL_UNKNOWN:
		snprintf(c->why, sizeof(c->why), "unknown command '%.60s' (Tab completes; :help)", line);
		return c->verb;
	case CL_SEGMENT:
		return check_name(c, segment_names);
	case CL_STAGE:
		return check_name(c, stage_names);
	case CL_BAND:
		return check_name(c, band_names);
	case CL_WITHIN:
		return check_within(c);
	case CL_CALENDAR:
		return check_day(c, today);
	default:
		return c->verb;
	}
}
