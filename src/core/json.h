/*
 * json.h -- a small streaming JSON writer.
 *
 * Strings are escaped so the output is valid UTF-8 JSON and safe on a
 * terminal: control characters, DEL, C1 controls, bidi overrides and line
 * separators are written as \uXXXX, invalid bytes as \ufffd.  Commas and
 * nesting are tracked by the writer; output is one member per line.
 */
#ifndef TEND_JSON_H
#define TEND_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"

#define JSON_MAX_DEPTH 16

struct json {
	FILE *fp;
	int depth;
	bool has_items[JSON_MAX_DEPTH];
	bool after_key;
};

void json_init(struct json *j, FILE *fp);
void json_obj_begin(struct json *j);
void json_obj_end(struct json *j);
void json_arr_begin(struct json *j);
void json_arr_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s);      /* NULL writes null */
void json_int(struct json *j, int64_t v);
void json_real(struct json *j, double v);          /* NaN/inf write null */
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* Finish with a newline at depth 0. */
void json_end(struct json *j);

/* Append s as a quoted, escaped JSON string. */
void json_escape(struct buf *out, const char *s);

#endif
