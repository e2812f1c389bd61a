/*
 * fuzz_playbook.c -- a playbook file (domain/playbook*.c) with the real
 * action types (app/pba.h): parsed on its own, then again into the same set
 * replacing its ids, and its template references resolved, as a team's
 * file over the shipped ones is.
 */
#include "config.h"

#include "app/pba.h"
#include "domain/playbook.h"
#include "domain/playbook_int.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct playbook_set set;
	struct pb_load l;
	struct diag d1, d2;
	size_t problems = 0;

	playbook_set_init(&set);
	diag_init(&d1, "fuzz.yaml");
	diag_init(&d2, "fuzz2.yaml");
	pb_load_init(&l, &set, pb_actions);
	pb_load_file(&l, (const char *)data, size, &d1, false, &problems);
	pb_load_file(&l, (const char *)data, size, &d2, true, &problems);
	problems += pb_load_resolve(&l);
	pb_load_done(&l);
	fuzz_assert(!problems || d1.n + d2.n + d1.dropped + d2.dropped > 0);
	diag_done(&d1);
	diag_done(&d2);
	playbook_set_free(&set);
	return 0;
}
