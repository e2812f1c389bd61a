/*
 * touchpoint.h -- fixing the timeline: editing and deleting a touchpoint
 * (`tend log edit|delete`, and the interface's timeline actions), each one
 * audited transaction.  Logging one is action_log() (app/actions.h).
 *
 * Only the touchpoint's author may change it; a lead or an admin (users.role)
 * may change any, including those with no author (imported ones).  Anyone
 * else is refused with ST_NOPERM, naming the author.  Edit changes the
 * fields given; attendees, given, replace the list.  Results and refusals
 * are as app/work.h says.
 */
#ifndef TEND_TOUCHPOINT_H
#define TEND_TOUCHPOINT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/work.h"
#include "core/err.h"

struct store;

struct touch_edit_input {
	int64_t id;
	const char *summary;       /* NULL: unchanged; never empty */
	const char *kind;          /* NULL: unchanged */
	const char *follow_ups;    /* NULL: unchanged; "": cleared */
	bool set_date;
	int32_t date;
	int duration;              /* minutes; -1: unchanged */
	int sentiment;             /* 1-5; -1: unchanged */
	const char *attendees;     /* emails separated by ',' or ';'; NULL: unchanged;
				    * "" or "none": nobody */
	int32_t today;             /* a new date after it needs planned */
	bool planned;              /* the new date is still to come (--planned) */
};

/* login: who is changing it. */
enum status touchpoint_edit(struct store *s, const char *login, const struct touch_edit_input *in,
			    struct work_done *out, struct err *e);
enum status touchpoint_delete(struct store *s, const char *login, int64_t id,
			      struct work_done *out, struct err *e);

#endif
