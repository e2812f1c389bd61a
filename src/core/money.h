/*
 * money.h -- money as integer cents.
 *
 * Amounts are never floating point.  Text in files uses major units with an
 * optional sign and at most two decimals ("12000.50", "-300"); tables show
 * thousands separators; JSON carries the integer cents.
 */
#ifndef TEND_MONEY_H
#define TEND_MONEY_H

#include <stdbool.h>
#include <stdint.h>

#define MONEY_STRLEN 32

/* Strict: [-]digits[.d[d]]; no separators, no currency symbols, no exponent.
 * Returns false (and a reason in *why) on anything else or on overflow. */
bool money_parse(const char *s, int64_t *cents, const char **why);
/* "12000.50", "-0.05": the exact inverse of money_parse. */
char *money_format(int64_t cents, char *out);
/* "12,000.50" or, with whole, "12,001" rounded half away from zero. */
char *money_format_grouped(int64_t cents, bool whole, char *out);

#endif
