/*
 * import_fmt.h -- the values of export files, in tend's canonical text.
 *
 * A mapping file (man tend-import(5)) says how a column writes its values;
 * these turn one cell into the text the canonical import reads: dates as
 * YYYY-MM-DD, money as 12000.50, counts as 1200, enumerations folded to
 * tend's names.  Pure functions: no book, no files.
 */
#ifndef TEND_IMPORT_FMT_H
#define TEND_IMPORT_FMT_H

#include <stdbool.h>
#include <stddef.h>

/* A date by a strptime-like format: %Y %y %m %d %e (day, 1 or 2 digits),
 * %b (Jan..Dec, any case, or the full name), %H %M %S, %z (Z, +HH, +HHMM,
 * +HH:MM) and literal text; a trailing time or offset beyond the format
 * is an error.  "iso" accepts YYYY-MM-DD optionally followed by a time
 * (T or space, HH:MM[:SS[.fff]]) and an offset; the date is the one
 * written (local to the offset).  out: DATE_STRLEN bytes. */
bool fmt_date(const char *text, const char *format, char *out);

/* Money with currency symbols or codes ($ € £ ¥, USD...), spaces,
 * thousands separators and a decimal comma or point, negative with a
 * minus or in parentheses: "$12,000.50", "12.000,50 €", "(300)" ->
 * "12000.50", "-300".  decimal is ',' or '.', thousands the other (or
 * a space, or '\0' for none).  out holds outsz bytes.  False with *why. */
bool fmt_money(const char *text, char decimal, char thousands, char *out, size_t outsz,
	       const char **why);

/* A whole number with thousands separators ("1,200" or "1.200" -> "1200");
 * a fraction is refused.  False with *why. */
bool fmt_number(const char *text, char thousands, char *out, size_t outsz, const char **why);

/* Fold an enumeration value the way people write it: lower case, spaces
 * and hyphens to '_' ("Mid-Market" -> "mid_market").  In place. */
void fmt_enum_fold(char *s);
/* ASCII lower or upper case, in place. */
void fmt_lower(char *s);
void fmt_upper(char *s);
/* Trim leading and trailing blanks; returns s (moved past the blanks). */
char *fmt_trim(char *s);
/* A Salesforce record id: the 18-character form cut to its 15-character
 * case-sensitive id (the three extra characters only encode case), so the
 * report's and the API's ids match.  Other text is left as it is. */
void fmt_salesforce_id(char *s);

#endif
