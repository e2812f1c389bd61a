/*
 * csvread.h -- reading CSV files record by record, with positions.
 *
 * A thin layer over libcsv (RFC 4180 quoting, embedded newlines, CRLF) that
 * adds what error messages need: the line and column where every field
 * starts.  It also checks that the text is UTF-8 and drops a leading BOM.
 * The delimiter is a comma unless the caller says otherwise (csv_sniff()
 * guesses it from the header line).
 */
#ifndef TEND_CSVREAD_H
#define TEND_CSVREAD_H

#include <stddef.h>
#include <stdio.h>

#include "core/diag.h"

struct csv_record {
	char **fields;       /* NUL-terminated field texts */
	long *line;          /* line of each field's first character */
	long *col;           /* its column, counted in characters */
	int n;               /* number of fields */
	long first_line;     /* line the record starts on */
	size_t offset;       /* byte offset of the record in the text */
};

/* Called once per record (the header is record 0).  Return non-zero to
 * stop reading. */
typedef int (*csv_record_cb)(void *ctx, const struct csv_record *rec);

/* Read fp to the end, comma-separated.  Malformed input (bad UTF-8, a quote
 * left open) goes to d with its position; the return is 0 when reading
 * finished, -1 when it stopped early (callback, I/O error or malformed
 * input). */
int csv_read(FILE *fp, struct diag *d, csv_record_cb cb, void *ctx);
/* The same over UTF-8 text in memory, with delimiter delim. */
int csv_read_mem(const char *text, size_t len, char delim, struct diag *d, csv_record_cb cb,
		 void *ctx);
/* The delimiter of the text's first line: the most frequent of comma,
 * semicolon and tab outside quotes (comma when none occurs). */
char csv_sniff(const char *text, size_t len);

#endif
