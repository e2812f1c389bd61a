/*
 * cmdline.h -- parsing the interface's `:` command line.
 *
 * The line the user typed is split into its command word and its argument
 * and the argument is checked (a segment, stage or band name, a number of
 * days, a date); prompt.c then carries the command out.  A word that is no
 * command may still be a pane's name (:team), which prompt.c looks up.  Kept apart from the
 * curses code so the parser can be tested and fuzzed on its own
 * (tests/fuzz/fuzz_cmdline.c).
 */
#ifndef TEND_CMDLINE_H
#define TEND_CMDLINE_H

#include <stdint.h>

enum cmdline_verb {
	CL_NONE,          /* an empty line */
	CL_UNKNOWN,       /* not a command: why says so */
	CL_INVALID,       /* a command with a bad argument: why says so */
	CL_DEBUG_ABORT,   /* the screen tests' abort (only with TEND_DEBUG_ABORT) */
	CL_QUIT, CL_HELP, CL_RECOMPUTE, CL_REFRESH, CL_CLEAR, CL_SEARCH,
	CL_ACCOUNT, CL_PLAN, CL_OWNER, CL_TAG, CL_SEGMENT, CL_STAGE, CL_BAND, CL_WITHIN,
	CL_CALENDAR,
};

/* The filter fields' sizes (struct ui_filter): longer arguments are cut. */
#define CMDLINE_OWNER_MAX 64
#define CMDLINE_NAME_MAX 16

struct cmdline {
	enum cmdline_verb verb;
	const char *word;     /* the command word, within the line */
	const char *arg;      /* the rest after the first space ("" if none), within the line */
	int within;           /* CL_WITHIN: days, or -1 for "no limit" */
	int32_t day;          /* CL_CALENDAR: the day asked, or 0 for none */
	char why[160];        /* CL_UNKNOWN, CL_INVALID: the message (not yet sanitised) */
};

/* The command words, NULL-ended, for Tab completion (with the panes'
 * names, which the interface's registry knows). */
extern const char *const cmdline_commands[];

/* Parse line, splitting it in place (the first space becomes a NUL);
 * relative dates count from today. */
enum cmdline_verb cmdline_parse(char *line, int32_t today, struct cmdline *out);

#endif
