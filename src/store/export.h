/*
 * export.h -- streaming every row of an entity, in file form.
 *
 * Values come out as the import would want them back: references as natural
 * keys (external ids, logins, emails), lists joined with ';', money and
 * booleans as integers for the caller to format.  Rows are in id order.
 */
#ifndef TEND_EXPORT_H
#define TEND_EXPORT_H

#include "core/err.h"
#include "store/entity.h"
#include "store/row.h"

struct store;

/* vals[i] belongs to ent->fields[i]; valid only during the call.  A non-zero
 * return stops the walk. */
typedef int (*export_cb)(void *ctx, const struct value *vals, int n);

enum status store_export(struct store *s, const struct entity *ent, export_cb cb, void *ctx,
			 struct err *e);

#endif
