/*
 * records.h -- single records read for editing them: an account's editable
 * fields, a contact, the book's logins, and an account's stage periods.
 *
 * The edit use cases (app/account_edit.h, app/contact.h) read a record
 * inside their write transaction, compare it with what the user asked for
 * and write only the difference, so what they read is what they change.
 * Strings are copied into the caller's pool, or (for the walks with a
 * callback) valid only during the callback.
 */
#ifndef TEND_RECORDS_H
#define TEND_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/pool.h"

struct store;

/* An account as an edit sees it: NULL for a value not set. */
struct account_rec {
	int64_t id;
	const char *external_id, *name;
	const char *owner;           /* the owner's login; NULL: pooled */
	const char *am, *rm, *segment, *touch_model, *package, *stage, *stage_since, *partner, *notes;
	int64_t seats;               /* licensed seats; -1: not known */
	const char *tags;            /* "a;b", sorted; NULL: none */
};
/* ST_NOINPUT when there is no such account. */
enum status store_account_rec(struct store *s, int64_t id, struct pool *p, struct account_rec *out,
			      struct err *e);

/* Every user's login, sorted, as a NULL-ended array in p (for "did you
 * mean"). */
enum status store_user_logins(struct store *s, struct pool *p, const char *const **out,
			      struct err *e);

/* -- Contacts ------------------------------------------------------------ */
struct contact_rec {
	int64_t id, account_id;
	const char *account_name, *account_external_id;
	const char *name, *title, *email, *phone, *status, *left_on;
	bool is_executive;
	const char *roles;           /* "a;b", sorted; NULL: none */
};
/* ST_NOINPUT when there is no such contact. */
enum status store_contact_rec(struct store *s, int64_t id, struct pool *p, struct contact_rec *out,
			      struct err *e);
typedef int (*contact_rec_cb)(void *ctx, const struct contact_rec *c);
/* The account's contacts: active ones first, executives first, by name.
 * A non-zero return from cb stops the walk. */
enum status store_contacts_each(struct store *s, int64_t account_id, contact_rec_cb cb, void *ctx,
				struct err *e);
/* "12" (a contact id) or an email, matched without case, to a contact id;
 * account_id, when not 0, keeps to that account's contacts.  ST_NOINPUT
 * when nothing matches, ST_USAGE with the candidates listed (id, email,
 * account) when an email is at several accounts. */
enum status store_contact_resolve(struct store *s, const char *key, int64_t account_id, int64_t *id,
				  struct err *e);
/* Another contact of the account (not except) with this email, matched
 * without case: its id in *other, 0 when there is none. */
enum status store_contact_email_taken(struct store *s, int64_t account_id, const char *email,
				      int64_t except, int64_t *other, struct err *e);

/* -- Stage history --------------------------------------------------------- */
/* The account's open stage period (to_date NULL): its id, 0 when it has
 * none (its history has not started), and its from_date into from[11]
 * ("" when not known). */
enum status store_stage_open(struct store *s, int64_t account_id, int64_t *id, char from[11],
			     struct err *e);

#endif
