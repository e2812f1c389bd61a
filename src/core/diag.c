/*
 * diag.c -- collecting positioned diagnostics.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/text.h"
#include "core/xalloc.h"

#define DIAG_DEFAULT_MAX 100

void
diag_init(struct diag *d, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->file = file;
}

void
diag_done(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->items[i].text);
	free(d->items);
	d->items = NULL;
	d->n = d->cap = 0;
}

int
diag_full(const struct diag *d)
{
	return d->n >= (d->max ? d->max : DIAG_DEFAULT_MAX);
}

void
diag_add(struct diag *d, long line, long col, const char *fmt, ...)
{
	char msg[1024];
	struct buf b;
	va_list ap;

	if (diag_full(d)) {
		d->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	buf_init(&b);
	text_sanitize(&b, d->file ? d->file : "-", strlen(d->file ? d->file : "-"), TEXT_ONE_LINE);
	if (line > 0)
		buf_addf(&b, ":%ld", line);
	if (line > 0 && col > 0)
		buf_addf(&b, ":%ld", col);
	buf_adds(&b, ": ");
	text_sanitize(&b, msg, strlen(msg), TEXT_ONE_LINE);
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->items = xreallocarray(d->items, d->cap, sizeof(*d->items));
	}
	d->items[d->n++].text = buf_detach(&b);
}
