/*
 * fuzz_theme.c -- a theme file (ui/theme.c) loaded by path, as --theme
 * FILE does: its base chain, colours, attributes and roles.  Every role of
 * a loaded theme resolves.
 */
#include "config.h"

#include "ui/theme.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	struct err e = { ST_OK, "" };
	struct diag d;
	struct theme *t;

	diag_init(&d, path);
	t = theme_load(path, &d, &e);
	if (t) {
		for (int r = 0; r < TH_COUNT_; r++) {
			static const int depths[] = { 256, 8, 0 };

			for (int i = 0; i < 3; i++) {
				int fg, bg, attrs;

				theme_resolve(t, (enum theme_role)r, depths[i], &fg, &bg, &attrs);
				fuzz_assert(fg >= -1 && fg < 256 && bg >= -1 && bg < 256);
			}
			(void)theme_role_name((enum theme_role)r);
		}
		theme_free(t);
	}
	diag_done(&d);
	return 0;
}
