/*
 * demo_names.h -- the vocabulary of the demo book: people, companies and
 * the small fixed lists (regions, industries, account managers, partners).
 *
 * Every function here is a pure function of its arguments: callers draw the
 * random bits from their own seeded generator (demo/demo_int.h) and pass
 * them in, so names never depend on call order or on any global state.
 * Names are deliberately diverse -- accents, CJK, apostrophes, commas and
 * very long company names -- because the demo book is also the UI's test
 * card.  No string here contains control or bidi-override characters.
 */
#ifndef TEND_DEMO_NAMES_H
#define TEND_DEMO_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* Regions; a company's region steers its contacts' names. */
enum demo_region { DR_NA, DR_EMEA, DR_APAC, DR_LATAM, DR_COUNT_ };
extern const char *const demo_region_names[];    /* indexed by enum demo_region */

/* What kind of name a company got, so tests and callers can tell. */
enum demo_name_kind { DN_PLAIN, DN_ACCENTED, DN_CJK, DN_LONG };

struct demo_company {
	char name[192];         /* display name, UTF-8 */
	char domain[64];        /* e-mail domain, ASCII, under .example */
	enum demo_region region;
	const char *industry;   /* static string */
	enum demo_name_kind kind;
};

struct demo_person {
	char name[128];         /* display name in the culture's order, UTF-8 */
	char first_ascii[48];   /* romanised, lower case: for logins and e-mail */
	char last_ascii[64];
};

/* The company name of account `index` (0-based).  The kind is chosen by
 * index so that every book, even a tiny one, shows each kind early on, and
 * a large book has a few per cent of each. */
void demo_company(uint64_t bits, int index, struct demo_company *out);

/* A customer contact's name, drawn from the cultures usual in region. */
void demo_person(uint64_t bits, enum demo_region region, struct demo_person *out);

/* The i-th member of staff (0 is the lead, then the CSMs).  The first few
 * are fixed people; later ones are drawn from the name tables.  Logins are
 * "first.last" in ASCII and are not guaranteed unique: the caller checks. */
void demo_staff(int i, struct demo_person *out);

/* Lower-case ASCII `first.last` (letters, digits, '-' only) into out. */
void demo_login(const struct demo_person *p, char *out, size_t size);

/* Fixed lists, NULL-ended. */
extern const char *const demo_industries[];
extern const char *const demo_account_managers[];
extern const char *const demo_renewal_managers[];
extern const char *const demo_partners[];

/* Job title for a contact holding a role (index into contact_role_names). */
const char *demo_title(int role, uint64_t bits);

#endif
