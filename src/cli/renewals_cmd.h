/*
 * renewals_cmd.h -- what `tend renewals` shares between its files: the
 * renewals it lists, copied out of the store, and the iCalendar writer
 * (renewals_ics.c).
 */
#ifndef TEND_RENEWALS_CMD_H
#define TEND_RENEWALS_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "core/date.h"
#include "core/err.h"
#include "domain/cadence.h"
#include "store/renewals.h"

/* Renewal lines whose text is owned (strdup'd), for printing after the
 * statement is gone. */
struct renewal_set {
	struct renewal_line *v;
	size_t n, cap;
};
void renewal_set_done(struct renewal_set *rs);

/* Write rs as an iCalendar (RFC 5545) file to fp, built with libical: one
 * all-day VEVENT per renewal, a VALARM at each cadence step.  ST_SOFTWARE
 * if libical fails. */
enum status renewals_ics(FILE *fp, const struct renewal_set *rs, const struct cadence *cad,
			 const struct clock *clock, struct err *e);

#endif
