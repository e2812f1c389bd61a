/*
 * edit.c -- the edit use cases' report, checks and list edits (see edit.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/edit.h"
#include "core/names.h"
#include "core/xalloc.h"

void
edit_report_init(struct edit_report *r)
{
	buf_init(&r->who);
	buf_init(&r->what);
	buf_init(&r->notes);
	r->changes = 0;
}

void
edit_report_done(struct edit_report *r)
{
	buf_done(&r->who);
	buf_done(&r->what);
	buf_done(&r->notes);
}

/* Append to b, ", "-separated, the formatted text. */
static void
add_item(struct buf *b, const char *fmt, va_list ap)
{
	char text[1024];

	vsnprintf(text, sizeof(text), fmt, ap);
	if (b->len)
		buf_adds(b, ", ");
	buf_adds(b, text);
}

void
edit_report_who(struct edit_report *r, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	buf_reset(&r->who);
	buf_adds(&r->who, text);
}

void
edit_report_change(struct edit_report *r, const char *label, const char *old, const char *new,
		   const char *none)
{
	edit_report_changef(r, "%s %s -> %s", label, old && *old ? old : none,
			    new && *new ? new : none);
}

void
edit_report_changef(struct edit_report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_item(&r->what, fmt, ap);
	va_end(ap);
	r->changes++;
}

void
edit_report_note(struct edit_report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_item(&r->notes, fmt, ap);
	va_end(ap);
}

void
edit_report_clear(struct edit_report *r)
{
	buf_reset(&r->what);
	buf_reset(&r->notes);
	r->changes = 0;
}

const char *
edit_report_line(const struct edit_report *r, struct buf *out)
{
	buf_reset(out);
	buf_addf(out, "%s: %s", r->who.len ? r->who.data : "?",
		 r->what.len ? r->what.data : "nothing to change");
	if (r->notes.len)
		buf_addf(out, " (%s)", r->notes.data);
	return out->data;
}

enum status
edit_check_choice(const char *field, const char *value, const char *const *names, const char **out,
		  struct err *e)
{
	int k = names_lookup(names, value);
	const char *hint;

	if (k >= 0) {
		*out = names[k];
		return ST_OK;
	}
	hint = names_suggest(names, value);
	if (hint)
		return err_set(e, ST_USAGE, "%s: '%s' is not allowed; did you mean '%s'?", field, value,
			       hint);
	{
		char list[256];

		return err_set(e, ST_USAGE, "%s: '%s' is not allowed (one of: %s)", field, value,
			       names_join(names, list, sizeof(list)));
	}
}

/* -- list edits ------------------------------------------------------------ */

/* The values of a list being edited, each its own allocation. */
struct valset {
	char **v;
	int n;
};

static int
valset_find(const struct valset *s, const char *x)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], x))
			return i;
	return -1;
}

static void
valset_done(struct valset *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One "+x" or "-x": its sign, and x trimmed (allocated) in *value. */
static enum status
parse_edit(const struct edit_list *l, const char *arg, char *sign, char **value, struct err *e)
{
	const char *p = arg + 1, *canon;
	size_t n;

	*value = NULL;
	if (arg[0] != '+' && arg[0] != '-')
		return err_set(e, ST_USAGE, "%s: '%s': say +%s to add it or -%s to remove it", l->field,
			       arg, arg, arg);
	while (*p == ' ' || *p == '\t')
		p++;
	n = strlen(p);
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (!n)
		return err_set(e, ST_USAGE, "%s: '%s' names no %s", l->field, arg, l->noun);
	if (memchr(p, ';', n))
		return err_set(e, ST_USAGE, "%s: '%s': a %s cannot contain ';'", l->field, arg, l->noun);
	*value = xmalloc(n + 1);
	memcpy(*value, p, n);
	(*value)[n] = '\0';
	if (l->allowed && edit_check_choice(l->field, *value, l->allowed, &canon, e)) {
		free(*value);
		*value = NULL;
		return e->status;
	}
	*sign = arg[0];
	return ST_OK;
}

/* Apply the parsed edits to set, reporting into words and out's notes. */
static enum status
apply(const struct edit_list *l, struct valset *set, char *const *val, const char *sign, int n,
      struct edit_report *out, struct buf *words, struct err *e)
{
	for (int i = 0; i < n; i++) {
		int at = valset_find(set, val[i]);
		bool again = false;

		for (int k = 0; k < i; k++)
			again |= !strcmp(val[k], val[i]);
		if (again)
			continue;
		if (sign[i] == '+' && at >= 0) {
			edit_report_note(out, "already has %s '%s'", l->noun, val[i]);
		} else if (sign[i] == '-' && at < 0) {
			edit_report_note(out, "has no %s '%s'", l->noun, val[i]);
		} else if (sign[i] == '+') {
			if (set->n >= l->max)
				return err_set(e, ST_USAGE, "%s: at most %d %ss", l->field, l->max, l->noun);
			set->v = xreallocarray(set->v, (size_t)set->n + 1, sizeof(*set->v));
			set->v[set->n++] = xstrdup(val[i]);
			buf_addf(words, " +%s", val[i]);
		} else {
			free(set->v[at]);
			set->v[at] = set->v[--set->n];
			buf_addf(words, " -%s", val[i]);
		}
	}
	return ST_OK;
}

enum status
edit_list_apply(const struct edit_list *l, const char *now, const char *const *edits, int n,
		struct edit_report *out, bool *changed, struct buf *list, struct err *e)
{
	struct valset set = { NULL, 0 };
	char **val = xcalloc((size_t)n + 1, sizeof(*val)), *sign = xcalloc((size_t)n + 1, 1);
	struct buf words;
	enum status st = ST_OK;

	*changed = false;
	buf_init(&words);
	for (int i = 0; i < n && !st; i++) {
		if ((st = parse_edit(l, edits[i], &sign[i], &val[i], e)))
			break;
		for (int k = 0; k < i && !st; k++)
			if (!strcmp(val[k], val[i]) && sign[k] != sign[i])
				st = err_set(e, ST_USAGE, "%s: '%s' is both added and removed", l->field,
					     val[i]);
	}
	if (!st && now) {
		char *copy = xstrdup(now), *save = NULL;

		for (char *t = strtok_r(copy, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
			set.v = xreallocarray(set.v, (size_t)set.n + 1, sizeof(*set.v));
			set.v[set.n++] = xstrdup(t);
		}
		free(copy);
	}
	if (!st)
		st = apply(l, &set, val, sign, n, out, &words, e);
	if (!st && words.len) {
		qsort(set.v, (size_t)set.n, sizeof(set.v[0]), cmp_str);
		buf_reset(list);
		for (int i = 0; i < set.n; i++)
			buf_addf(list, "%s%s", i ? ";" : "", set.v[i]);
		edit_report_changef(out, "%ss%s", l->noun, words.data);
		*changed = true;
	}
	buf_done(&words);
	valset_done(&set);
	for (int i = 0; i < n; i++)
		free(val[i]);
	free(val);
	free(sign);
	return st;
}
