/*
 * output.h -- printing results as a table, CSV or JSON.
 *
 * Every command that prints rows describes its columns once and hands rows
 * of typed values to this module, so all three formats agree and every
 * string from data is sanitized before it can reach a terminal:
 *   table  for people: aligned by display width, money grouped, always
 *          sanitized; on a terminal, fitted to its width by shortening only
 *          the free-text columns (COL_FREETEXT), never an id, a date, an
 *          amount or a login; to a file or pipe, every value whole;
 *   csv    RFC 4180 with the canonical headers, money in major units; raw
 *          bytes to a file or pipe (lossless), sanitized on a terminal;
 *   json   an array of objects; money as integer cents under `KEY_cents`,
 *          lists as arrays; escaped so it is safe anywhere.
 */
#ifndef TEND_OUTPUT_H
#define TEND_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "store/row.h"

enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON };

/*
 * What a column holds, which decides how each format shows it:
 *   COL_TEXT      text a table never cuts: external ids, logins, enums, rule ids
 *   COL_FREETEXT  free text -- names, titles, messages, descriptions -- the
 *                 only kind a table on a terminal shortens (with an ellipsis)
 *                 to fit its width; CSV and JSON treat it as COL_TEXT
 *   COL_LIST      several values as one "a;b" text (tags, roles): so in
 *                 tables, where it shortens like free text, and in CSV; a
 *                 JSON array of strings, [] when there are none
 *   COL_SCORE     a real shown with three decimals in tables (1.990), like
 *                 COL_REAL elsewhere
 */
enum col_type {
	COL_TEXT, COL_FREETEXT, COL_LIST, COL_INT, COL_REAL, COL_SCORE, COL_MONEY, COL_DATE, COL_BOOL,
};

struct out_col {
	const char *key;     /* CSV header and JSON key (money adds _cents in JSON) */
	const char *title;   /* table header; NULL = key */
	enum col_type type;
};

struct out {
	FILE *fp;
	enum out_format fmt;
	bool tty;                  /* fp is a terminal: sanitize csv, fit tables */
	bool unicode;              /* the locale can show "…" */
	int width;                 /* terminal columns (COLUMNS, else the tty's); 0 = not a
				    * terminal: tables keep every value whole */
	const struct out_col *cols;
	int ncols;
	long nrows;
	/* table: rows are kept until out_end() to measure the columns */
	char ***cells;
	long cap;
	bool cents[32];            /* table: some money in column i has cents */
	const char *const *drop;   /* keys a narrow terminal may leave out, the first first */
	struct buf scratch;
};

/* Parse "table", "csv" or "json". */
bool out_parse_format(const char *s, enum out_format *fmt);
void out_begin(struct out *o, FILE *fp, enum out_format fmt, const struct out_col *cols, int n);
/* On a terminal too narrow for the table once its free text is as short
 * as it may be, leave out these columns (keys, NULL-ended), the first
 * first, until it fits: the details of a list, never what names a row.
 * Files and pipes always get every column. */
void out_drop(struct out *o, const char *const *keys);
/* vals[i] is column i.  Integers for money are cents; for bools 0/1. */
void out_row(struct out *o, const struct value *vals);
void out_end(struct out *o);

/* Formatting helpers shared with commands that print free-form text. */
const char *out_money(int64_t cents, char *buf32);          /* "12,000" or "12,000.50" */
/* Print s to fp sanitized (newlines kept when multiline). */
void out_text(FILE *fp, const char *s, bool multiline);

#endif
