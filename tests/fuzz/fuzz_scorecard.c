/*
 * fuzz_scorecard.c -- a scorecard file (domain/scorecard.c): any bytes
 * either make a scorecard or problems with positions, never both missing.
 */
#include "config.h"

#include "domain/scorecard.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct scorecard *sc;

	diag_init(&d, "fuzz.yaml");
	sc = scorecard_parse("fuzz.yaml", (const char *)data, size, &d);
	fuzz_assert(sc || d.n > 0);
	if (sc)
		for (int i = -1; i < 8; i++)
			(void)scorecard_band_name(sc, i);
	scorecard_free(sc);
	diag_done(&d);
	return 0;
}
