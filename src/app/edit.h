/*
 * edit.h -- what the edit use cases (app/account_edit.h, app/contact.h)
 * share: the report of what an edit did, and the checks and list edits
 * they make the same way.
 *
 * The report is in the words the command line prints and the interface's
 * status line shows: the record written to, named ("Acme Corporation
 * (CRM-001)"), each change as "field old -> new", and notes on what was
 * asked but already so:
 *
 *   Acme Corporation (CRM-001): stage onboard -> adopt, owner amara -> priya.raman
 *   Acme Corporation (CRM-001): nothing to change (already has tag 'vip')
 *
 * Its texts hold data (names, logins, tags) as stored: print them through
 * a sanitising printer.
 */
#ifndef TEND_EDIT_H
#define TEND_EDIT_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

struct edit_report {
	struct buf who;            /* the record written to */
	struct buf what;           /* the changes, ", "-separated; empty: none */
	struct buf notes;          /* what was already so, ", "-separated */
	int changes;               /* how many fields changed */
};

void edit_report_init(struct edit_report *r);
void edit_report_done(struct edit_report *r);
/* Name the record: printf-like. */
void edit_report_who(struct edit_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* One change "label old -> new"; a NULL or empty value shows as none. */
void edit_report_change(struct edit_report *r, const char *label, const char *old, const char *new,
			const char *none);
/* One change in free words ("tags +vip", "notes changed"). */
void edit_report_changef(struct edit_report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* One note on something asked for that was already so. */
void edit_report_note(struct edit_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Forget the changes and notes (an edit that failed changed nothing). */
void edit_report_clear(struct edit_report *r);
/* The whole report as one line, without a newline, in out: "who: what
 * (notes)", "who: nothing to change (notes)". */
const char *edit_report_line(const struct edit_report *r, struct buf *out);

/* value as one of names (NULL-ended): its canonical spelling in *out, or
 * ST_USAGE "field: 'x' is not allowed; did you mean 'y'?". */
enum status edit_check_choice(const char *field, const char *value, const char *const *names,
			      const char **out, struct err *e);

/* Signed edits of a list of values (an account's tags, a contact's roles):
 * "+x" adds x, "-x" removes it. */
struct edit_list {
	const char *field;         /* for errors: "tag", "role" */
	const char *noun;          /* for notes and the report: "tag" ("already has tag 'x'") */
	const char *const *allowed;   /* the values the list may hold; NULL: any text without ';' */
	int max;                   /* elements the list may hold */
};
/* Apply n edits to now (';'-separated, NULL: empty).  When the list
 * changes, *changed is set, the new list (sorted, ';'-separated) is put in
 * list and the change is reported ("tags +vip -old"); adding a value the
 * list has or removing one it lacks is noted.  A value both added and
 * removed, one without a sign, or one not allowed is ST_USAGE. */
enum status edit_list_apply(const struct edit_list *l, const char *now, const char *const *edits,
			    int n, struct edit_report *out, bool *changed, struct buf *list,
			    struct err *e);

#endif
