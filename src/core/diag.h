/*
 * diag.h -- diagnostics with positions: "file:line:column: message".
 *
 * Parsers of user files (CSV, YAML) collect every problem they find instead
 * of stopping at the first, so one run shows the user everything to fix.
 * Messages are stored already sanitized, safe to print to a terminal.
 */
#ifndef TEND_DIAG_H
#define TEND_DIAG_H

#include <stddef.h>

struct diag_item {
	char *text;      /* the whole "file:line:col: message" line */
};

struct diag {
	const char *file;          /* as the user named it */
	struct diag_item *items;
	size_t n, cap;
	size_t max;                /* stop collecting after this many (0 = 100) */
	size_t dropped;            /* problems beyond max, counted only */
};

void diag_init(struct diag *d, const char *file);
void diag_done(struct diag *d);
/* line and col are 1-based; 0 leaves that part out. */
void diag_add(struct diag *d, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* True once max problems have been collected: stop parsing. */
int diag_full(const struct diag *d);

#endif
