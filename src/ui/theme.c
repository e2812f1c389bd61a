/*
 * theme.c -- colours and attributes by role (see theme.h, tend-theme(5)).
 *
 * Data model: for every role a theme holds three forms -- the 256-colour
 * form (fg, bg: 0-255, or -1 for the terminal's default; attributes), the
 * 8-colour form (fg8, bg8: 0-7 or -1; attrs8) and the monochrome form
 * (attributes only) -- and the most colours it uses (colors: 256, 8, 0).
 *
 * Loading starts from a base theme (the shipped default, unless the file
 * names another or none) and lays the file's keys over it, so a file may
 * name only what it changes and a mistake costs one key, never the theme.
 * libyaml's document API keeps every node's mark for file:line:column.
 *
 * theme_apply() picks the form the terminal can show and makes one colour
 * pair per role (pair = role + 1); theme_attr() is then a table look-up.
 * Until theme_apply() every role has its monochrome form, so code without a
 * terminal (tests, --no-color) gets sensible attributes.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/embedded.h"
#include "core/names.h"
#include "core/xalloc.h"
#include "core/ydoc.h"
#include "domain/model.h"
#include "ui/theme.h"

#ifndef A_ITALIC
#define A_ITALIC A_NORMAL       /* curses without italic: plain instead */
#endif

/* A file, its base, the base's base: bases are shipped themes built on
 * default or none, so this only stops a loop if one ever ships. */
#define BASE_DEPTH_MAX 3

struct form {
	short fg, bg;           /* colour number, or -1: the terminal's default */
	int attrs;              /* A_* bits */
};

struct role_style {
	struct form c256;       /* fg, bg, attrs */
	struct form c8;         /* fg8, bg8, attrs8: colours 0-7 only */
	int mono;               /* attributes when there is no colour */
};

struct theme {
	char *name;                     /* as loaded: shipped name or path */
	int colors;                     /* the most it uses: 256, 8 or 0 */
	struct role_style role[TH_COUNT_];
	int attr[TH_COUNT_];            /* what theme_attr() returns */
};

static const char *const th_role_names[] = {
#define THEME_ROLE_NAME(id, name, help) name,
	THEME_ROLES(THEME_ROLE_NAME)
#undef THEME_ROLE_NAME
	NULL
};

static const char *const th_role_helps[] = {
#define THEME_ROLE_HELP(id, name, help) help,
	THEME_ROLES(THEME_ROLE_HELP)
#undef THEME_ROLE_HELP
};

static const char *const shipped_names[] = {
	"default", "light", "high-contrast", "colorblind", "mono", NULL
};
static const char *const top_keys[] = { "theme", "description", "base", "colors", "roles", NULL };
enum { K_FG, K_BG, K_ATTRS, K_FG8, K_BG8, K_ATTRS8, K_MONO, K_COUNT };
static const char *const role_keys[] = { "fg", "bg", "attrs", "fg8", "bg8", "attrs8", "mono", NULL };
/* The eight basic colours have curses' numbers: COLOR_BLACK is 0 ... */
static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "default", NULL
};
static const char *const attr_names[] = {
	"normal", "bold", "dim", "underline", "reverse", "standout", "italic", "blink", NULL
};
static const int attr_bits[] = {
	(int)A_NORMAL, (int)A_BOLD, (int)A_DIM, (int)A_UNDERLINE, (int)A_REVERSE,
	(int)A_STANDOUT, (int)A_ITALIC, (int)A_BLINK
};

struct parse {
	struct theme *t;
	struct diag *d;
	struct ydoc y;
	long seen[TH_COUNT_];   /* line where this file set each role */
};

static void load_text(struct theme *t, const char *text, struct diag *d, const char *base, int depth);

/* The closest name for "did you mean": an edit first ("tab.actve" is
 * tab.active, not the prefix tab), then names_suggest's longer or shorter
 * forms. */
static const char *
suggest(const char *const *names, const char *s)
{
	const char *best = NULL;
	int best_d = 3, d;

	for (int i = 0; names[i]; i++)
		if ((d = names_distance(s, names[i], 2)) < best_d) {
			best_d = d;
			best = names[i];
		}
	return best ? best : names_suggest(names, s);
}

/* "unknown colour 'gren'; did you mean 'green'?", or the choices. */
static void
unknown(struct parse *p, const yaml_node_t *n, const char *what, const char *where,
	const char *const *names, const char *choices)
{
	const char *s = ydoc_text(n), *hint = s ? suggest(names, s) : NULL;

	if (!s)
		ydoc_problem(&p->y, n, "%s%s must be a single word (%s)", what, where, choices);
	else if (hint)
		ydoc_problem(&p->y, n, "unknown %s '%s'%s; did you mean '%s'?", what, s, where, hint);
	else
		ydoc_problem(&p->y, n, "unknown %s '%s'%s (%s)", what, s, where, choices);
}

/* A colour: a basic name, default, or 0-255 (0-7 when eight). */
static bool
colour(struct parse *p, yaml_node_t *n, const char *key, bool eight, short *out)
{
	const char *s = ydoc_text(n);
	char *end;
	long v;
	int i;

	if (s && (i = names_lookup(colour_names, s)) >= 0) {
		*out = (short)(strcmp(s, "default") ? i : -1);
		return true;
	}
	if (!s || !*s || !strchr("0123456789-", *s)) {
		unknown(p, n, "colour", "", colour_names,
			"black, red, green, yellow, blue, magenta, cyan, white, default or 0-255");
		return false;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno) {
		ydoc_problem(&p->y, n, "%s: '%s' is not a colour", key, s);
		return false;
	}
	if (v < 0 || v > 255) {
		ydoc_problem(&p->y, n, "%s: %ld is out of range (0-255)", key, v);
		return false;
	}
	if (eight && v > 7) {
		ydoc_problem(&p->y, n, "%s takes one of the 8 basic colours (0-7 or a name), not %ld", key, v);
		return false;
	}
	*out = (short)v;
	return true;
}

static bool
attribute(struct parse *p, yaml_node_t *n, int *a)
{
	int i = names_lookup(attr_names, ydoc_text(n));

	if (i < 0) {
		unknown(p, n, "attribute", "", attr_names,
			"bold, dim, underline, reverse, standout, italic, blink or normal");
		return false;
	}
	*a |= attr_bits[i];
	return true;
}

/* attrs: [bold, underline], a single word, or []. */
static bool
attributes(struct parse *p, yaml_node_t *n, const char *key, int *out)
{
	bool ok = true;
	int a = 0;

	if (n->type == YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, n, "%s is a list of attributes like [bold, underline]", key);
		return false;
	}
	if (n->type == YAML_SCALAR_NODE)
		ok = attribute(p, n, &a);
	else
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++)
			ok = attribute(p, ydoc_node(&p->y, *it), &a) && ok;
	if (ok)
		*out = a;
	return ok;
}

/*
 * The nearest basic colour of a 256-colour number, for a role that gives
 * fg or bg but not fg8 or bg8: the 16 system colours fold onto the 8; a
 * cube colour keeps the channels at least half as bright as its brightest
 * (208 orange -> red, 214 -> yellow, 24 -> blue); other greys become
 * the terminal's default as text (dark or light, it stays readable) and
 * black or white behind it.
 */
static short
to8(short c, bool is_fg)
{
	int rgb[3], max, bits = 0;

	if (c < 0)
		return -1;
	if (c < 16 && c != 8)
		return (short)(c & 7);
	if (c == 16 || c == 231)         /* the cube's black and white */
		return c == 16 ? COLOR_BLACK : COLOR_WHITE;
	if (c >= 16 && c < 232) {
		rgb[0] = (c - 16) / 36;
		rgb[1] = (c - 16) / 6 % 6;
		rgb[2] = (c - 16) % 6;
		if (rgb[0] != rgb[1] || rgb[1] != rgb[2]) {
			max = rgb[0] > rgb[1] ? rgb[0] : rgb[1];
			max = max > rgb[2] ? max : rgb[2];
			for (int i = 0; i < 3; i++)
				bits |= rgb[i] * 2 > max ? 1 << i : 0;
			return (short)bits;
		}
		c = (short)(rgb[0] >= 3 ? 255 : 232);   /* a grey of the cube */
	}
	if (is_fg)
		return -1;
	return c >= 244 ? COLOR_WHITE : COLOR_BLACK;     /* grey ramp 232-255, and 8 */
}

/* One role's mapping, laid over what the base gave it. */
static void
role(struct parse *p, int r, yaml_node_t *map)
{
	struct role_style *s = &p->t->role[r];
	bool given[K_COUNT] = { false };
	short c;
	int a;

	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key), *v = ydoc_node(&p->y, pair->value);
		int key = names_lookup(role_keys, ydoc_text(k));

		if (key < 0) {
			char where[64];

			snprintf(where, sizeof(where), " in %s", th_role_names[r]);
			unknown(p, k, "key", where, role_keys, "fg, bg, attrs, fg8, bg8, attrs8, mono");
			continue;
		}
		switch (key) {
		case K_FG:
		case K_BG:
		case K_FG8:
		case K_BG8:
			if (!colour(p, v, role_keys[key], key >= K_FG8, &c))
				continue;
			*(key == K_FG ? &s->c256.fg : key == K_BG ? &s->c256.bg
			  : key == K_FG8 ? &s->c8.fg : &s->c8.bg) = c;
			break;
		default:
			if (!attributes(p, v, role_keys[key], &a))
				continue;
			*(key == K_ATTRS ? &s->c256.attrs : key == K_ATTRS8 ? &s->c8.attrs : &s->mono) = a;
			break;
		}
		given[key] = true;
	}
	/* The 8-colour form follows the 256 one unless the file gives it. */
	if (given[K_FG] && !given[K_FG8])
		s->c8.fg = to8(s->c256.fg, true);
	if (given[K_BG] && !given[K_BG8])
		s->c8.bg = to8(s->c256.bg, false);
	if (given[K_ATTRS] && !given[K_ATTRS8])
		s->c8.attrs = s->c256.attrs;
}

static void
roles(struct parse *p, yaml_node_t *map)
{
	if (map->type != YAML_MAPPING_NODE) {
		ydoc_problem(&p->y, map, "roles: must be a mapping of role: { fg: ..., bg: ..., mono: [...] }");
		return;
	}
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key), *v = ydoc_node(&p->y, pair->value);
		int r = names_lookup(th_role_names, ydoc_text(k));

		if (r < 0) {
			unknown(p, k, "role", "", th_role_names, "see tend-theme(5)");
			continue;
		}
		if (p->seen[r]) {
			ydoc_problem(&p->y, k, "role %s is already set at line %ld", th_role_names[r], p->seen[r]);
			continue;
		}
		p->seen[r] = (long)k->start_mark.line + 1;
		if (v->type != YAML_MAPPING_NODE) {
			ydoc_problem(&p->y, v, "%s must be a mapping like { fg: 196, bg: default, mono: [bold] }",
				th_role_names[r]);
			continue;
		}
		role(p, r, v);
	}
}

/* The base this file builds on: its base: key, else the default. */
static const char *
base_of(struct parse *p, yaml_node_t *root, const char *base)
{
	yaml_node_t *v = root && root->type == YAML_MAPPING_NODE ? ydoc_get(&p->y, root, "base") : NULL;
	const char *s = ydoc_text(v);

	if (!v)
		return base;
	if (s && !strcmp(s, "none"))
		return NULL;
	if (s && names_lookup(shipped_names, s) >= 0)
		return s;
	unknown(p, v, "base theme", "", shipped_names,
		"default, light, high-contrast, colorblind, mono or none");
	return base;
}

static void
top(struct parse *p, yaml_node_t *root)
{
	yaml_node_t *v;
	const char *s;

	for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
	     pair < root->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = ydoc_node(&p->y, pair->key);

		if (names_lookup(top_keys, ydoc_text(k)) < 0)
			unknown(p, k, "key", " in a theme", top_keys, "theme, description, base, colors, roles");
	}
	if ((v = ydoc_get(&p->y, root, "theme")) && !ydoc_text(v))
		ydoc_problem(&p->y, v, "theme: takes the theme's name");
	if ((v = ydoc_get(&p->y, root, "description")) && !ydoc_text(v))
		ydoc_problem(&p->y, v, "description: takes one line of text");
	if ((v = ydoc_get(&p->y, root, "colors"))) {
		s = ydoc_text(v);
		if (s && (!strcmp(s, "256") || !strcmp(s, "8") || !strcmp(s, "0")))
			p->t->colors = atoi(s);
		else
			ydoc_problem(&p->y, v, "colors must be 256, 8 or 0 (the most colours the theme uses)");
	}
	if ((v = ydoc_get(&p->y, root, "roles")))
		roles(p, v);
}

static const struct embedded_file *
shipped(const char *name)
{
	char path[64];

	if (names_lookup(shipped_names, name) < 0)
		return NULL;
	snprintf(path, sizeof(path), "themes/%s.yaml", name);
	return embedded_find(path);
}

/* Lay the shipped theme name over t; its problems name its own file. */
static void
load_base(struct theme *t, const char *name, struct diag *d, int depth)
{
	const struct embedded_file *f = shipped(name);
	const char *file = d->file;

	if (!f || depth >= BASE_DEPTH_MAX)
		return;
	d->file = f->name;
	load_text(t, f->text, d, strcmp(name, "default") ? "default" : NULL, depth + 1);
	d->file = file;
}

/* Parse text over t: first its base (base unless the file says), then its
 * own keys.  A file that does not parse leaves t to its base. */
static void
load_text(struct theme *t, const char *text, struct diag *d, const char *base, int depth)
{
	struct parse p = { .t = t, .d = d };
	yaml_node_t *root = NULL;

	if (ydoc_load(&p.y, text, strlen(text), d)) {
		root = ydoc_root(&p.y);
		base = base_of(&p, root, base);
	}
	if (base)
		load_base(t, base, d, depth);
	if (!p.y.loaded)
		return;   /* the syntax error is reported; t keeps its base */
	if (!root)
		ydoc_problem(&p.y, NULL, "the file is empty");
	else if (root->type != YAML_MAPPING_NODE)
		ydoc_problem(&p.y, root, "a theme is a mapping (theme:, colors:, roles: ...)");
	else
		top(&p, root);
	ydoc_done(&p.y);
}


/* themes/NAME.yaml beside the user's config file. */
static char *
user_theme(const char *name)
{
	char *cfg = paths_config_file(), *slash = strrchr(cfg, '/'), *path;

	path = xasprintf("%.*s/themes/%s.yaml", slash ? (int)(slash - cfg) : 1, slash ? cfg : ".", name);
	free(cfg);
	return path;
}

struct theme *
theme_load(const char *name, struct diag *d, struct err *e)
{
	const struct embedded_file *f = NULL;
	const char *file = d->file, *hint;
	bool is_path;
	struct theme *t;
	struct buf text;
	char *path = NULL;
	int errnum;

	if (!name || !*name)
		name = "default";
	is_path = strchr(name, '/') || strstr(name, ".yaml");
	buf_init(&text);
	if (!is_path)
		f = shipped(name);
	if (!f) {
		path = is_path ? xstrdup(name) : user_theme(name);
		if ((errnum = buf_read_file(&text, path))) {
			err_set(e, errnum == EIO ? ST_IOERR : ST_NOINPUT, "cannot read theme %s: %s", path,
				file_error(errnum));
			if (!is_path && e->status == ST_NOINPUT) {
				hint = suggest(shipped_names, name);
				err_set(e, ST_NOINPUT, "unknown theme '%s'%s%s%s (default, light, "
					"high-contrast, colorblind, mono, or a file)", name,
					hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
			}
			free(path);
			buf_done(&text);
			return NULL;
		}
	}
	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	t->colors = 256;
	for (int r = 0; r < TH_COUNT_; r++)
		t->role[r] = (struct role_style){ .c256 = { -1, -1, 0 }, .c8 = { -1, -1, 0 } };
	/* Problems name the theme's own file while it loads; d keeps only
	 * formatted lines, so the caller's file name comes back after. */
	d->file = f ? f->name : path;
	load_text(t, f ? f->text : text.data, d, f && !strcmp(name, "default") ? NULL : "default", 0);
	d->file = file;
	for (int r = 0; r < TH_COUNT_; r++)
		t->attr[r] = t->role[r].mono;
	free(path);
	buf_done(&text);
	return t;
}

void
theme_free(struct theme *t)
{
	if (!t)
		return;
	free(t->name);
	free(t);
}

const char *
theme_name(const struct theme *t)
{
	return t->name;
}

void
theme_resolve(const struct theme *t, enum theme_role r, int depth, int *fg, int *bg, int *attrs)
{
	const struct role_style *s = &t->role[r];
	const struct form *f = NULL;

	if (depth > t->colors)
		depth = t->colors;
	if (depth >= 256)
		f = &s->c256;
	else if (depth >= 8)
		f = &s->c8;
	*fg = f ? f->fg : -1;
	*bg = f ? f->bg : -1;
	*attrs = f ? f->attrs : s->mono;
}

int
theme_apply(struct theme *t, bool color_allowed)
{
	int depth = 0, fg, bg, a;
	bool dflt = false;

	/* One pair per role; without that many, colour would lie. */
	if (color_allowed && t->colors > 0 && has_colors() && start_color() == OK && COLORS >= 8 &&
	    COLOR_PAIRS > TH_COUNT_)
		depth = COLORS >= 256 && t->colors >= 256 ? 256 : 8;
	if (depth)
		dflt = use_default_colors() == OK;
	for (int r = 0; r < TH_COUNT_; r++) {
		theme_resolve(t, (enum theme_role)r, depth, &fg, &bg, &a);
		if (depth) {
			/* Without default colours, -1 means white on black. */
			if (!dflt && fg < 0)
				fg = COLOR_WHITE;
			if (!dflt && bg < 0)
				bg = COLOR_BLACK;
			init_pair((short)(r + 1), (short)fg, (short)bg);
			a |= (int)COLOR_PAIR(r + 1);
		}
		t->attr[r] = a;
	}
	return depth;
}

int
theme_attr(const struct theme *t, enum theme_role r)
{
	return (unsigned)r < TH_COUNT_ ? t->attr[r] : (int)A_NORMAL;
}

const char *
theme_role_name(enum theme_role r)
{
	return (unsigned)r < TH_COUNT_ ? th_role_names[r] : "?";
}

const char *
theme_role_help(enum theme_role r)
{
	return (unsigned)r < TH_COUNT_ ? th_role_helps[r] : "";
}
