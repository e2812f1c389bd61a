/*
 * work.h -- what the verbs that edit a CSM's work records share: tasks,
 * risks, touchpoints and opportunities (app/task_edit.h and its siblings).
 *
 * Each verb is one user action: one transaction through the write path,
 * audited row by row, that reads the record inside it, checks it and
 * writes it, or changes nothing.  A verb hands back, per record, what its
 * confirmation names: the record and its account ("risk #12 closed (Acme
 * Corporation, CRM-001)").  Refusals name the field first ("owner: ...",
 * "note: ..."), so the CLI can show it as the option: ST_USAGE for bad
 * input, ST_NOINPUT for no such record, ST_NOUSER for a login that is not
 * a user of the book, ST_DATA when the record's state forbids the change
 * (a closed risk cannot be closed again), ST_NOPERM when the user may not
 * make it (and on a read-only book).
 */
#ifndef TEND_APP_WORK_H
#define TEND_APP_WORK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct entity;
struct store;
struct work_head;
struct wtx;

/* What a verb did to one record, for its confirmation. */
struct work_done {
	int64_t id;                /* the record */
	char *account;             /* its account's name; NULL for an internal task */
	char *external_id;         /* the account's external id */
	bool skipped;              /* it was so already: nothing was written for it */
};

/* Free the strings of n results (not the array). */
void work_done_clear(struct work_done *d, int n);
/* Fill d from a record's head, taking over its account strings. */
void work_done_take(struct work_done *d, struct work_head *h);

/* Begin the action's transaction and read the head of row id of ent in it;
 * on failure nothing is open (*t is NULL) and h holds nothing. */
enum status work_begin(struct store *s, const char *action, const struct entity *ent, int64_t id,
		       struct wtx **t, struct work_head *h, struct err *e);
/* End it: commit when st is ST_OK, else roll back and return st. */
enum status work_end(struct wtx *t, enum status st, struct err *e);

/* The id of login, a user of the book; otherwise ST_NOUSER "field: no user
 * with login 'x'; did you mean 'y'?". */
enum status work_user(struct store *s, const char *field, const char *login, int64_t *id,
		      struct err *e);
/* The id of login when it is a user of the book, else 0. */
int64_t work_user_or_none(struct store *s, const char *login);
/* Text a field needs: refused (ST_USAGE "field: ...") when NULL, empty or
 * only blanks. */
enum status work_text(const char *field, const char *text, const char *why, struct err *e);
/* Check an enumerated value against names ("field: 'x' is not a ...; did
 * you mean 'y'?"); what names the kind of value ("risk category"). */
enum status work_choice(const char *field, const char *value, const char *const *names,
			const char *what, struct err *e);

#endif
