/*
 * fuzz_money.c -- amounts as files and the CLI give them: money_parse
 * (core/money.c).  An accepted amount formats back to text that parses to
 * the same cents; a refused one says why.
 */
#include "config.h"

#include <string.h>

#include "core/money.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), text[MONEY_STRLEN];
	const char *why = NULL;
	int64_t cents, again;

	if (money_parse(s, &cents, &why)) {
		fuzz_assert(money_parse(money_format(cents, text), &again, &why) && again == cents);
		fuzz_assert(strlen(money_format_grouped(cents, false, text)) < MONEY_STRLEN);
		fuzz_assert(strlen(money_format_grouped(cents, true, text)) < MONEY_STRLEN);
	} else {
		fuzz_assert(why && *why);
	}
	free(s);
	return 0;
}
