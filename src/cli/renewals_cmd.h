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
#include "core/pool.h"
#include "core/err.h"
#include "domain/cadence.h"
#include "store/renewals.h"

/* Renewal lines whose text is owned (copied into the pool: a team's
 * pipeline is some 200,000 strings), for printing after the statement is
 * gone. */
struct renewal_lines {
	struct renewal_line *v;
	size_t n, cap;
	struct pool text;
};
void renewal_lines_done(struct renewal_lines *rs);

/* An open task of a renewal's account, for --todos (text owned). */
struct ics_todo {
	int64_t id, renewal_id;     /* the task; the account's first renewal in the file */
	char *title, *account;
	int priority;               /* RFC 5545: 1 critical, 3 high, 5 medium, 9 low */
	int32_t due;                /* CADENCE_NONE: none */
};
struct ics_todos {
	struct ics_todo *v;
	size_t n, cap;
};

/* Write rs as an iCalendar (RFC 5545) file to fp, built with libical: one
 * all-day VEVENT per renewal, a VALARM at each cadence step; with todos
 * (may be NULL), one VTODO per task, RELATED-TO its renewal.  ST_SOFTWARE
 * if libical fails. */
enum status renewals_ics(FILE *fp, const struct renewal_lines *rs, const struct ics_todos *todos,
			 const struct cadence *cad, const struct clock *clock, struct err *e);

#endif
