/*
 * fuzz_conf.c -- the configuration file (core/conf.c) and the keymap the
 * interface reads from its keys: block (ui/keymap.c), from a file as tend
 * reads them.  Every key then reads back as text.
 */
#include "config.h"

#include "core/conf.h"
#include "ui/keymap.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	struct keymap *k = malloc(sizeof(*k));
	struct conf c;
	struct diag d;
	char tmp[256];

	if (!k)
		abort();
	diag_init(&d, path);
	conf_init(&c);
	if (conf_load(&c, path, &d) == 0)
		for (size_t i = 0; i < conf_key_count; i++)
			(void)conf_get(&c, &conf_keys[i], tmp, sizeof(tmp));
	conf_done(&c);
	keymap_defaults(k);
	keymap_load(k, path, &d);
	free(k);
	diag_done(&d);
	return 0;
}
