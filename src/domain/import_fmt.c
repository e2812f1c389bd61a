/*
 * import_fmt.c -- export values to canonical text (see import_fmt.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "domain/import_fmt.h"

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
};

/* Up to max digits (at least min) at *p; advances. */
static bool
digits(const char **p, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)(*p)[n])) {
		v = v * 10 + ((*p)[n] - '0');
		n++;
	}
	if (n < min)
		return false;
	*p += n;
	*out = v;
	return true;
}

static bool
month_name(const char **p, int *m)
{
	for (int i = 0; i < 12; i++) {
		size_t full = strlen(months[i]);

		if (!strncasecmp(*p, months[i], full)) {
			*p += full;
			*m = i + 1;
			return true;
		}
		if (!strncasecmp(*p, months[i], 3)) {
			*p += 3;
			if (**p == '.')
				(*p)++;
			*m = i + 1;
			return true;
		}
	}
	return false;
}

/* Z, +HH, +HHMM or +HH:MM. */
static bool
offset(const char **p)
{
	int h, m = 0;

	if (**p == 'Z') {
		(*p)++;
		return true;
	}
	if (**p != '+' && **p != '-')
		return false;
	(*p)++;
	if (!digits(p, 2, 2, &h) || h > 14)
		return false;
	if (**p == ':')
		(*p)++;
	if (isdigit((unsigned char)**p) && (!digits(p, 2, 2, &m) || m > 59))
		return false;
	return true;
}

/* [T ]HH:MM[:SS[.fff]][ ][offset], after an ISO date. */
static bool
iso_time(const char **p)
{
	int h, m, s;

	if (**p != 'T' && **p != ' ')
		return **p == '\0';
	(*p)++;
	if (!digits(p, 1, 2, &h) || h > 23 || *(*p)++ != ':' || !digits(p, 2, 2, &m) || m > 59)
		return false;
	if (**p == ':') {
		(*p)++;
		if (!digits(p, 2, 2, &s) || s > 60)
			return false;
		if (**p == '.' || **p == ',') {
			(*p)++;
			while (isdigit((unsigned char)**p))
				(*p)++;
		}
	}
	if (**p == ' ')
		(*p)++;
	return **p == '\0' || offset(p);
}

static bool
valid_ymd(int y, int m, int d, char *out)
{
	int32_t day;
	int yy, mm, dd;

	if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999)
		return false;
	day = date_from_ymd(y, m, d);
	date_to_ymd(day, &yy, &mm, &dd);
	if (yy != y || mm != m || dd != d)
		return false;   /* 2/30 */
	date_format(day, out);
	return true;
}

bool
fmt_date(const char *text, const char *format, char *out)
{
	const char *p = text, *f = format;
	int y = 0, m = 0, d = 0, v;

	if (!strcmp(format, "iso")) {
		if (!digits(&p, 4, 4, &y) || *p++ != '-' || !digits(&p, 2, 2, &m) || *p++ != '-' ||
		    !digits(&p, 2, 2, &d) || !iso_time(&p) || *p)
			return false;
		return valid_ymd(y, m, d, out);
	}
	for (; *f; f++) {
		if (*f != '%') {
			if (*p++ != *f)
				return false;
			continue;
		}
		switch (*++f) {
		case 'Y': if (!digits(&p, 4, 4, &y)) return false; break;
		case 'y': if (!digits(&p, 2, 2, &y)) return false; y += y < 70 ? 2000 : 1900; break;
		case 'm': if (!digits(&p, 1, 2, &m)) return false; break;
		case 'd':
		case 'e': if (!digits(&p, 1, 2, &d)) return false; break;
		case 'b': if (!month_name(&p, &m)) return false; break;
		case 'H': if (!digits(&p, 1, 2, &v) || v > 23) return false; break;
		case 'M': if (!digits(&p, 2, 2, &v) || v > 59) return false; break;
		case 'S': if (!digits(&p, 2, 2, &v) || v > 60) return false; break;
		case 'z': if (!offset(&p)) return false; break;
		case '%': if (*p++ != '%') return false; break;
		default: return false;
		}
	}
	return *p == '\0' && valid_ymd(y, m, d, out);
}

bool
fmt_money(const char *text, char decimal, char thousands, char *out, size_t outsz,
	  const char **why)
{
	char num[64];
	size_t n = 0, frac = 0;
	bool neg = false, paren = false, point = false, any = false;
	const unsigned char *p = (const unsigned char *)text;

	for (; *p; p++) {
		if (isdigit(*p)) {
			if (n >= sizeof(num) - 2)
				return *why = "too many digits", false;
			num[n++] = (char)*p;
			any = true;
			if (point)
				frac++;
		} else if (*p == (unsigned char)decimal) {
			if (point)
				return *why = "two decimal separators", false;
			point = true;
			num[n++] = '.';
		} else if (thousands && *p == (unsigned char)thousands && !point) {
			continue;
		} else if (*p == '-' && !any && !neg) {
			neg = true;
		} else if (*p == '(' && !any && !paren) {
			paren = true;
		} else if (*p == ')' && paren) {
			paren = false;
			neg = true;
		} else if (*p == ' ' || *p == '$' || *p == '+' || isupper(*p)) {
			continue;   /* a currency code (USD) or padding */
		} else if (*p == 0xc2 && (p[1] == 0xa3 || p[1] == 0xa5 || p[1] == 0xa0)) {
			p++;        /* £ ¥, a no-break space */
		} else if (*p == 0xe2 && p[1] == 0x82 && p[2] == 0xac) {
			p += 2;     /* € */
		} else if (*p == 0xe2 && p[1] == 0x80 && p[2] == 0xaf) {
			p += 2;     /* a narrow no-break space (fr-FR grouping) */
		} else {
			*why = decimal == ',' ? "expected an amount like 12.000,50 €" :
						"expected an amount like $12,000.50";
			return false;
		}
	}
	if (paren)
		return *why = "a parenthesis is not closed", false;
	if (!any)
		return *why = "no digits", false;
	if (frac > 2)
		return *why = "more than two decimals", false;
	num[n] = '\0';
	snprintf(out, outsz, "%s%s", neg ? "-" : "", num);
	return true;
}

bool
fmt_number(const char *text, char thousands, char *out, size_t outsz, const char **why)
{
	size_t n = 0;
	const char *p = text;

	if (*p == '-' || *p == '+') {
		if (*p == '-' && n < outsz - 1)
			out[n++] = '-';
		p++;
	}
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n >= outsz - 1)
				return *why = "too many digits", false;
			out[n++] = *p;
		} else if (thousands && *p == thousands) {
			continue;
		} else if (*p == ' ') {
			continue;
		} else {
			return *why = "not a whole number", false;
		}
	}
	if (n == 0 || (n == 1 && out[0] == '-'))
		return *why = "no digits", false;
	out[n] = '\0';
	return true;
}

void
fmt_enum_fold(char *s)
{
	for (; *s; s++)
		*s = *s == ' ' || *s == '-' ? '_' : (char)tolower((unsigned char)*s);
}

void
fmt_lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

void
fmt_upper(char *s)
{
	for (; *s; s++)
		*s = (char)toupper((unsigned char)*s);
}

char *
fmt_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

void
fmt_salesforce_id(char *s)
{
	size_t n = strlen(s);

	if (n != 18)
		return;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return;
	s[15] = '\0';
}
