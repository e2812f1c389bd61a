/*
 * form.h -- small modal forms for quick actions (ncurses form library).
 *
 * Fields are free text or a choice among fixed values (Left/Right cycle
 * through them).  Tab or Down moves to the next field, Up to the previous,
 * ^U clears the field, Enter submits, Esc cancels.  The submit callback validates and acts; when
 * it returns a message the form stays open and shows it, so nothing typed
 * is lost.
 */
#ifndef TEND_FORM_H
#define TEND_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ui;

#define FORM_MAX_FIELDS 12

struct form_field {
	const char *label;
	const char *initial;           /* NULL: empty */
	int width;                     /* columns of the input */
	const char *const *choices;    /* NULL-ended, or NULL for free text */
	const char *hint;              /* shown beside the field */
};

/* values[i] gets field i's text (trimmed); they stay valid during submit.
 * submit returns NULL when done, or a message to show (the form stays). */
typedef const char *(*form_submit)(void *ctx, char *const *values, char *msg, size_t size);

/* True when submitted, false when cancelled. */
bool ui_form(struct ui *ui, const char *title, const struct form_field *fields, int n,
	     form_submit submit, void *ctx);

/* The same, on one record (an entity's row id) shown as the form opened:
 * it saves only while nobody else has changed the record (wtx_expect);
 * else the submit is refused with why, the form stays open and nothing is
 * overwritten. */
struct entity;
bool ui_form_on(struct ui *ui, const struct entity *ent, int64_t id, const char *title,
		const struct form_field *fields, int n, form_submit submit, void *ctx);

#endif
