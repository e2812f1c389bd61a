/*
 * actions.h -- a CSM's everyday writes, shared by the command line and the
 * interface's forms: log a touchpoint, add a task, complete tasks.  Each is
 * one user action: one transaction through the write path, audited row by
 * row.  Text inputs are validated the way an import validates them.
 */
#ifndef TEND_ACTIONS_H
#define TEND_ACTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct store;

struct touch_input {
	int64_t account_id;
	const char *kind;          /* touch kind name; NULL: call */
	int32_t date;
	const char *summary;
	const char *follow_ups;
	int duration;              /* minutes, -1: not given */
	int sentiment;             /* 1-5, -1: not given */
	bool reactive;
	const char *attendees;     /* emails separated by ',' or ';', NULL: none */
	int32_t today;             /* a date after it is refused unless planned */
	bool planned;              /* a touchpoint still to come (--planned) */
};

struct task_input {
	int64_t account_id;        /* 0: an internal task */
	const char *title;
	const char *kind;          /* NULL: activity */
	const char *priority;      /* NULL: medium */
	const char *owner;         /* login; NULL: the current user when they are one */
	int32_t due;
	bool has_due;
};

/* The new row's id goes to *id.  ST_USAGE for bad input (e names the field). */
/* A touchpoint's date against today: a past event cannot be dated in the
 * future unless it is planned, and a planned one must be still to come. */
enum status action_touch_date(int32_t date, int32_t today, bool planned, struct err *e);
enum status action_log(struct store *s, const char *login, const struct touch_input *in, int64_t *id,
		       struct err *e);
enum status action_task_add(struct store *s, const char *login, const struct task_input *in,
			    int64_t *id, struct err *e);
/* Mark tasks done today; ones already done keep their date (their ids go
 * to skipped_ids, which has room for n, and their count to *skipped).
 * Any unknown id: nothing changes. */
enum status action_tasks_done(struct store *s, const int64_t *ids, int n, int *done, int *skipped,
			      int64_t *skipped_ids, struct err *e);

/* Mark inbox items done (an escalation request acknowledged); ones done
 * already keep their date and are counted in *skipped.  Any unknown id:
 * nothing changes. */
enum status action_inbox_done(struct store *s, const int64_t *ids, int n, int *done, int *skipped,
			      struct err *e);

#endif
