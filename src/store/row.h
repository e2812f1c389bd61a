/*
 * row.h -- one entity row as typed values, on its way into the store.
 *
 * A `struct row` is what every write carries: the entity, which fields are
 * set, their values (references already resolved to ids) and the elements of
 * list fields.  Text values are borrowed, not copied: they must outlive the
 * write that uses the row.  row_parse() turns the text of a file field into
 * a value, validating it and resolving references against the open book.
 */
#ifndef TEND_ROW_H
#define TEND_ROW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/entity.h"

struct store;

enum vkind { V_NULL, V_INT, V_REAL, V_TEXT };

struct value {
	enum vkind kind;
	int64_t i;
	double r;
	const char *s;
};

#define ROW_MAX_ITEMS 64   /* list elements per row (tags, roles, attendees) */

struct row {
	const struct entity *ent;
	uint32_t set;                           /* bit i: fields[i] was given */
	struct value v[ENTITY_MAX_FIELDS];
	struct value item[ROW_MAX_ITEMS];       /* list elements, in field order */
	int item_field[ROW_MAX_ITEMS];          /* which list field each belongs to */
	int nitems;
	struct buf scratch;                     /* owns text split from lists */
	int hint;                               /* where the next field lookup starts */
};

void row_init(struct row *r, const struct entity *ent);
void row_reset(struct row *r);
void row_done(struct row *r);

/* Setters by field name; the name must exist in the entity (abort if not:
 * that is a programming error, not bad data). */
void row_int(struct row *r, const char *field, int64_t v);
void row_real(struct row *r, const char *field, double v);
void row_text(struct row *r, const char *field, const char *s);   /* NULL = SQL NULL */
void row_null(struct row *r, const char *field);
/* Append one element to a list field (text, or an id for reference lists). */
void row_item_text(struct row *r, const char *field, const char *s);
void row_item_int(struct row *r, const char *field, int64_t id);
/* Is the field set, and its value. */
const struct value *row_get(const struct row *r, const char *field);

/* Parse the text of field i (as read from a file) into r.  Empty text is
 * NULL.  References are looked up in s; contacts need the row's account to
 * be parsed first.  On error, e says what was wrong with the value (no
 * position: the caller adds file:line:column). */
enum status row_parse(struct store *s, struct row *r, int i, const char *text, struct err *e);

#endif
