/*
 * json.c -- streaming JSON output.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/json.h"
#include "core/text.h"

void
json_escape(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, n;
	uint32_t cp;

	buf_addc(out, '"');
	while (i < len) {
		n = utf8_decode(p + i, len - i, &cp);
		if (n == 0) {
			buf_adds(out, "\\ufffd");
			i++;
			continue;
		}
		i += n;
		switch (cp) {
		case '"': buf_adds(out, "\\\""); continue;
		case '\\': buf_adds(out, "\\\\"); continue;
		case '\n': buf_adds(out, "\\n"); continue;
		case '\r': buf_adds(out, "\\r"); continue;
		case '\t': buf_adds(out, "\\t"); continue;
		}
		if (text_cp_dangerous(cp))
			buf_addf(out, "\\u%04x", (unsigned)cp);
		else
			buf_add(out, p + i - n, n);
	}
	buf_addc(out, '"');
}

void
json_init(struct json *j, FILE *fp)
{
	memset(j, 0, sizeof(*j));
	j->fp = fp;
}

/* Comma and indentation before a value or key at the current depth. */
static void
sep(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		fputs(j->has_items[j->depth] ? ",\n" : "\n", j->fp);
		j->has_items[j->depth] = true;
		for (int i = 0; i < j->depth; i++)
			fputs("  ", j->fp);
	}
}

static void
open_(struct json *j, char c)
{
	sep(j);
	fputc(c, j->fp);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->has_items[j->depth] = false;
}

static void
close_(struct json *j, char c)
{
	bool had = j->has_items[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (had) {
		fputc('\n', j->fp);
		for (int i = 0; i < j->depth; i++)
			fputs("  ", j->fp);
	}
	fputc(c, j->fp);
}

void json_obj_begin(struct json *j) { open_(j, '{'); }
void json_obj_end(struct json *j) { close_(j, '}'); }
void json_arr_begin(struct json *j) { open_(j, '['); }
void json_arr_end(struct json *j) { close_(j, ']'); }

void
json_key(struct json *j, const char *key)
{
	struct buf b;

	sep(j);
	buf_init(&b);
	json_escape(&b, key);
	fputs(b.data, j->fp);
	fputs(": ", j->fp);
	buf_done(&b);
	j->after_key = true;
}

void
json_str(struct json *j, const char *s)
{
	struct buf b;

	if (!s) {
		json_null(j);
		return;
	}
	sep(j);
	buf_init(&b);
	json_escape(&b, s);
	fputs(b.data, j->fp);
	buf_done(&b);
}

void
json_int(struct json *j, int64_t v)
{
	sep(j);
	fprintf(j->fp, "%lld", (long long)v);
}

void
json_real(struct json *j, double v)
{
	if (!isfinite(v)) {
		json_null(j);
		return;
	}
	sep(j);
	fprintf(j->fp, "%.15g", v);
}

void
json_bool(struct json *j, bool v)
{
	sep(j);
	fputs(v ? "true" : "false", j->fp);
}

void
json_null(struct json *j)
{
	sep(j);
	fputs("null", j->fp);
}

void
json_end(struct json *j)
{
	if (j->depth == 0)
		fputc('\n', j->fp);
}
