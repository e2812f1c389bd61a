/*
 * contact.h -- an account's stakeholders: adding a contact, changing one
 * (name, email, title, phone, executive flag, roles), and marking one as
 * having left, as `tend contact` and the interface do it.
 *
 * Each is one user action: one transaction through the write path
 * ("contact add", "contact edit", "contact left"), audited row by row,
 * checked whole before anything is written.  Emails identify a contact
 * within its account and match without case: "Dana@Acme.test" is the
 * same person as "dana@acme.test", so a second one is refused.  Roles are
 * the contact roles of doc/model.md section 2 (executive_sponsor,
 * champion, ...); a contact who left keeps them, which is how the
 * account's champion and sponsor facts (champion_present,
 * days_since_champion_left) see the leaving.
 *
 * Errors name the field first ("email: ..."): ST_USAGE for a value that
 * is not allowed, ST_DATA for one the book contradicts (an email another
 * contact of the account has), ST_NOINPUT for no such contact, ST_NOPERM
 * on a read-only book.
 */
#ifndef TEND_CONTACT_H
#define TEND_CONTACT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/edit.h"
#include "core/err.h"

struct store;

#define CONTACT_MAX_ROLES 16

/* A contact's fields.  Adding: name and email are required, the rest
 * optional.  Editing: a field is changed only when given (NULL, or
 * executive -1, leaves it). */
struct contact_input {
	const char *name;
	const char *email;
	const char *title, *phone;  /* "" clears */
	int executive;              /* 1 an executive, 0 not, -1 not given */
	/* Adding: role names.  Editing: "+role" adds it, "-role" removes it. */
	const char *roles[CONTACT_MAX_ROLES];
	int nroles;
};

/* Add a contact to the account; its id goes to *id (may be NULL).  out
 * (initialised by the caller) names the account and the new contact. */
enum status contact_add(struct store *s, int64_t account_id, const struct contact_input *in,
			int64_t *id, struct edit_report *out, struct err *e);
/* Change contact id as in says; out names it and lists what changed
 * (nothing when the values were already so, which writes nothing).
 * Adding a role it has or removing one it lacks is noted, not refused. */
enum status contact_edit(struct store *s, int64_t id, const struct contact_input *in,
			 struct edit_report *out, struct err *e);
/* Mark contact id as having left on date (not after today).  One who left
 * already keeps their date unless date_given says to correct it. */
enum status contact_left(struct store *s, int64_t id, int32_t date, bool date_given,
			 struct edit_report *out, struct err *e);

#endif
