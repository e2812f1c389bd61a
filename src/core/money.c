/*
 * money.c -- parsing and formatting integer-cent amounts.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"

/* Largest whole-unit part that still fits in int64 cents. */
#define MONEY_MAX_UNITS (INT64_MAX / 100 - 1)

bool
money_parse(const char *s, int64_t *cents, const char **why)
{
	const char *p = s;
	int64_t units = 0, frac = 0;
	bool neg = false;
	int fdigits = 0;

	*why = NULL;
	if (!s || !*s)
		return *why = "empty amount", false;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return *why = "expected digits (like 12000.50)", false;
	while (isdigit((unsigned char)*p)) {
		int digit = *p++ - '0';

		if (units > (MONEY_MAX_UNITS - digit) / 10)
			return *why = "amount too large", false;
		units = units * 10 + digit;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (++fdigits > 2)
				return *why = "more than two decimals", false;
			frac = frac * 10 + (*p++ - '0');
		}
		if (fdigits == 0)
			return *why = "expected digits after the decimal point", false;
		if (fdigits == 1)
			frac *= 10;
	}
	if (*p == ',')
		return *why = "thousands separators are not allowed (write 12000.50)", false;
	if (*p)
		return *why = "unexpected characters (write a plain number like 12000.50)", false;
	*cents = units * 100 + frac;
	if (neg)
		*cents = -*cents;
	return true;
}

/* By hand, not snprintf: a file of 27,000 renewals formats three amounts
 * a row, and printf's machinery was a tenth of writing it. */
char *
money_format(int64_t cents, char *out)
{
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	uint64_t units = mag / 100;
	char digits[24], *o = out;
	int n = 0;

	do
		digits[n++] = (char)('0' + units % 10);
	while ((units /= 10));
	if (cents < 0)
		*o++ = '-';
	while (n)
		*o++ = digits[--n];
	*o++ = '.';
	*o++ = (char)('0' + mag % 100 / 10);
	*o++ = (char)('0' + mag % 10);
	*o = '\0';
	return out;
}

char *
money_format_grouped(int64_t cents, bool whole, char *out)
{
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	uint64_t units = mag / 100, frac = mag % 100;
	char digits[32], *o = out;
	int n, i;

	if (whole) {
		units += frac >= 50;
		frac = 0;
	}
	n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)units);
	if (cents < 0 && (units || frac))
		*o++ = '-';
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			*o++ = ',';
		*o++ = digits[i];
	}
	if (whole)
		*o = '\0';
	else
		snprintf(o, 4, ".%02llu", (unsigned long long)frac);
	return out;
}
