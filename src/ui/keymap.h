/*
 * keymap.h -- which key asks for which request.
 *
 * Keys follow tig, htop and vi: arrows and hjkl, PgUp/PgDn, g/G, Enter,
 * q/Esc, Tab and number keys, / search, f filter, s sort, r refresh, :
 * prompt, ? help.  The config file's `keys:` mapping rebinds them
 * (`keys: { x: quit, ctrl-d: page_down }`); problems there are reported as
 * file:line:column and the default stays.
 */
#ifndef TEND_KEYMAP_H
#define TEND_KEYMAP_H

#include <stddef.h>

#include "core/diag.h"
#include "ui/req.h"

#define KEYMAP_MAX 128

struct keymap {
	struct {
		int key;
		enum request req;
	} binds[KEYMAP_MAX];
	int n;
};

void keymap_defaults(struct keymap *k);
/* What key asks for in pane (its registry name; NULL: any pane). */
enum request keymap_lookup(const struct keymap *k, int key, const char *pane);
/* Bind a key name ("x", "ctrl-f", "enter", "pgdn", "f5") to a request
 * name; false with a reason when either is unknown. */
int keymap_bind(struct keymap *k, const char *key, const char *req, const char **why);
/* Read `keys:` from the config file (missing file or key: nothing). */
void keymap_load(struct keymap *k, const char *path, struct diag *d);
/* The keys bound to r, as text ("j, Down"), into out. */
const char *keymap_keys_of(const struct keymap *k, enum request r, char *out, size_t size);
/* The first key bound to r ("j"), "" when none is. */
const char *keymap_first_key(const struct keymap *k, enum request r, char *out, size_t size);
/* A key's display name ("Down", "^F", "q"). */
const char *keymap_key_name(int key, char *out, size_t size);

#endif
