/*
 * fuzz_playbook.c -- a playbook file (domain/playbook*.c) with the real
 * action types (app/pba.h): parsed on its own, then again into the same set
 * replacing its ids, and its template references resolved, as a team's
 * file over the shipped ones is.  The input is also expanded as a task's
 * text template ({account.name}, {fact.NAME}, {{ and }}: pb_expand).
 */
#include "config.h"

#include <string.h>

#include "app/pba.h"
#include "core/buf.h"
#include "domain/playbook.h"
#include "domain/playbook_int.h"
#include "fuzz.h"

/* Some placeholders known, some unknown ("n/a"), one of them empty. */
static const char *
lookup(void *ctx, const char *name)
{
	(void)ctx;
	if (!strcmp(name, "account.name"))
		return "Acme {not a placeholder}";
	if (!strcmp(name, "fact.arr"))
		return "";
	return strncmp(name, "fact.", 5) ? NULL : "42";
}

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
	{
		char *tmpl = fuzz_string(data, size);
		struct buf out;

		buf_init(&out);
		pb_expand(&out, tmpl, lookup, NULL);
		buf_done(&out);
		free(tmpl);
	}
	return 0;
}
