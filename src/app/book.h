/*
 * book.h -- joining a book (`tend init`, and whatever opens a book for a
 * new user): the person at the keyboard becomes one of its users.
 *
 * Creating the book is opening it (store_open with create: the file, its
 * schema and migrations); this is the use case that follows.  The book's
 * first user is its admin; later ones are CSMs unless they say otherwise.
 */
#ifndef TEND_BOOK_H
#define TEND_BOOK_H

#include <stdbool.h>

#include "core/err.h"

struct store;

struct book_user {
	const char *login;         /* who joins: the OS user or $TEND_USER */
	const char *name;          /* NULL: the login */
	const char *role;          /* csm, lead or admin; NULL: admin for the book's first
				    * user, else csm */
	const char *team;          /* NULL: none; created when the book has no such team */
};

struct book_join {
	char role[16];             /* the user's role in the book */
	bool registered;           /* registered now (false: a user already, nothing written) */
	bool first;                /* the book was empty (no accounts, no users) before */
};

/* Register in->login in the book unless it is a user already, with its
 * team found or created, as one action ("init", audited row by row);
 * *out says the user's role and what happened.  ST_USAGE for a bad role
 * or no login. */
enum status book_init(struct store *s, const struct book_user *in, struct book_join *out,
		      struct err *e);

#endif
