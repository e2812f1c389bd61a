/*
 * account_edit.h -- changing an account: its owner, AM and RM, segment,
 * touch model, package, lifecycle stage, partner, seats, tags and notes,
 * as `tend account set` and the interface's edit form do it.
 *
 * One call is one user action: one transaction through the write path
 * ("account set"), audited row by row, that writes only what differs from
 * the book.  Every field is checked before anything is written, so a bad
 * one changes nothing.  A stage change is recorded with its date (the
 * account's stage_since, and a period in account_stage_history: schema
 * 0007), so how long an account stayed in each stage can be asked later.
 *
 * Errors name the field first, as the command line shows them: ST_USAGE
 * for a value that is not allowed ("stage: 'adoptt' is not allowed; did
 * you mean 'adopt'?"), ST_NOINPUT for a login that is not a user, ST_DATA
 * for a change the book's dates contradict, ST_NOPERM on a read-only book.
 */
#ifndef TEND_ACCOUNT_EDIT_H
#define TEND_ACCOUNT_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/edit.h"
#include "core/err.h"

struct store;
struct wtx;

#define ACCOUNT_EDIT_MAX_TAGS 32

/* What to change.  A field is changed only when given: NULL (has_seats
 * false, no tags) leaves it as it is. */
struct account_edit_input {
	int64_t account_id;
	const char *owner;          /* a user's login; "pooled" or "": no owner */
	const char *am, *rm;        /* a user's login; "": none */
	const char *segment;        /* enterprise, mid_market or smb */
	const char *touch_model;    /* high, low or tech */
	const char *package;        /* free or premium */
	const char *stage;          /* land, onboard, adopt, expand, renew or churned */
	const char *partner;        /* "": none */
	const char *notes;          /* replaces the notes; "": none */
	int64_t seats;              /* licensed seats, >= 1, when has_seats */
	bool has_seats;
	const char *tags[ACCOUNT_EDIT_MAX_TAGS];   /* "+x" adds x, "-x" removes it */
	int ntags;
};

/* Change the account as in says, as login (the stage period's author when
 * they are a user).  out (initialised by the caller) names the account and
 * lists what changed; none of it when the values were already so, which is
 * not an error and writes nothing.  Adding a tag the account has or
 * removing one it lacks is noted, not refused. */
enum status account_edit(struct store *s, const char *login, const struct account_edit_input *in,
			 struct edit_report *out, struct err *e);

/* The same change to many accounts (a lead reassigning a book, a stage
 * for a selection): one action, one transaction for the lot, all or
 * nothing; each account's report goes to each (may be NULL) as it is
 * made.  A change an account's own dates contradict names that account. */
struct account_bulk {
	size_t changed;            /* accounts written */
	size_t unchanged;          /* accounts that were so already */
};
enum status account_edit_many(struct store *s, const char *login, const int64_t *ids, size_t n,
			      const struct account_edit_input *in, struct account_bulk *out,
			      void (*each)(void *ctx, const struct edit_report *r), void *ctx,
			      struct err *e);

/* Record in t that the account moves to stage on day, before the caller
 * writes the account's own stage and stage_since (day) in the same
 * transaction: the open period of its stage history ends on day (when the
 * history has not started, the period it leaves is written, from its
 * stage_since) and the new one begins, by author (a user id, 0: none) and
 * source ("manual", "playbook:RULE").  ST_DATA when the account entered
 * its stage after day. */
enum status account_stage_write(struct wtx *t, struct store *s, int64_t account_id,
				const char *stage, int32_t day, int64_t author, const char *source,
				struct err *e);

#endif
