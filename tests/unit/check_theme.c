/*
 * check_theme.c -- themes: the shipped ones are complete and clean, every
 * mistake in a theme file gets its own file:line:column message and costs
 * only what is in error, the monochrome forms keep the bands and the cursor
 * apart, and tend-theme(5) documents every role with examples that load.
 */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/embedded.h"
#include "ui/theme.h"

static const char *const shipped[] = { "default", "light", "high-contrast", "colorblind", "mono" };
#define NSHIPPED (int)(sizeof(shipped) / sizeof(shipped[0]))

static char tmpdir[] = "/tmp/check_theme.XXXXXX";

static char *
slurp(const char *path)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "rb");

	ck_assert_msg(fp != NULL, "cannot read %s", path);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return buf_detach(&b);
}

static void
spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_msg(fp != NULL, "cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
}

/* Load name; the diagnostics, one per line, go to got. */
static struct theme *
load(const char *name, struct buf *got)
{
	struct diag d;
	struct err e = { 0 };
	struct theme *t;

	diag_init(&d, NULL);
	t = theme_load(name, &d, &e);
	buf_reset(got);
	for (size_t i = 0; i < d.n; i++)
		buf_addf(got, "%s\n", d.items[i].text);
	diag_done(&d);
	ck_assert_msg(t != NULL, "%s did not load: %s", name, e.msg);
	return t;
}

/* True when a and b give role r the same form at every depth. */
static bool
same_role(const struct theme *a, const struct theme *b, int r)
{
	static const int depths[] = { 256, 8, 0 };
	int f1, b1, a1, f2, b2, a2;

	for (int i = 0; i < 3; i++) {
		theme_resolve(a, (enum theme_role)r, depths[i], &f1, &b1, &a1);
		theme_resolve(b, (enum theme_role)r, depths[i], &f2, &b2, &a2);
		if (f1 != f2 || b1 != b2 || a1 != a2)
			return false;
	}
	return true;
}

START_TEST(test_shipped_clean_and_complete)
{
	char path[512], key[64];
	struct buf got;
	struct theme *t;
	char *text;

	buf_init(&got);
	for (int i = 0; i < NSHIPPED; i++) {
		t = load(shipped[i], &got);
		ck_assert_msg(got.len == 0, "%s: %s", shipped[i], got.data);
		ck_assert_str_eq(theme_name(t), shipped[i]);
		/* The embedded copy is the file, and the file names every role
		 * itself rather than inheriting it. */
		snprintf(path, sizeof(path), "%s/themes/%s.yaml", TEST_SRCDIR, shipped[i]);
		text = slurp(path);
		snprintf(path, sizeof(path), "themes/%s.yaml", shipped[i]);
		ck_assert_msg(embedded_find(path) != NULL, "%s is not embedded", path);
		ck_assert_msg(!strcmp(embedded_find(path)->text, text), "%s: embedded copy is stale", path);
		for (int r = 0; r < TH_COUNT_; r++) {
			snprintf(key, sizeof(key), "\n  %s:", theme_role_name((enum theme_role)r));
			ck_assert_msg(strstr(text, key) != NULL, "%s does not set %s", shipped[i], key + 3);
		}
		free(text);
		theme_free(t);
	}
	buf_done(&got);
}
END_TEST

/* The five bands, unknown, the cursor and false positives are pairwise
 * different without colour, in every theme; colour themes paint band cells
 * with a background in both colour forms. */
START_TEST(test_mono_forms_distinct)
{
	static const enum theme_role apart[] = { TH_BAND_RED, TH_BAND_ORANGE, TH_BAND_YELLOW,
		TH_BAND_LIGHTGREEN, TH_BAND_GREEN, TH_BAND_UNKNOWN, TH_CURSOR, TH_FALSE_POSITIVE };
	int n = (int)(sizeof(apart) / sizeof(apart[0])), fg, bg, a[8], before;
	struct buf got;
	struct theme *t;

	buf_init(&got);
	for (int i = 0; i < NSHIPPED; i++) {
		t = load(shipped[i], &got);
		for (int k = 0; k < n; k++) {
			theme_resolve(t, apart[k], 0, &fg, &bg, &a[k]);
			ck_assert(fg == -1 && bg == -1);
			/* Without a terminal theme_attr() is the mono form. */
			ck_assert_int_eq(theme_attr(t, apart[k]), a[k]);
			for (int j = 0; j < k; j++)
				ck_assert_msg(a[j] != a[k], "%s: %s and %s look the same in mono", shipped[i],
					      theme_role_name(apart[j]), theme_role_name(apart[k]));
		}
		/* No band shares the cursor's reverse video. */
		for (int k = 0; k < 6; k++)
			ck_assert(!(a[k] & (int)A_REVERSE));
		for (int r = TH_BAND_RED; r <= TH_BAND_GREEN && i != NSHIPPED - 1; r++) {
			theme_resolve(t, (enum theme_role)r, 256, &fg, &bg, &before);
			ck_assert_msg(bg >= 16, "%s: %s has no 256-colour cell", shipped[i],
				      theme_role_name((enum theme_role)r));
			theme_resolve(t, (enum theme_role)r, 8, &fg, &bg, &before);
			ck_assert(bg >= 0 && bg <= 7 && fg >= -1 && fg <= 7);
		}
		theme_free(t);
	}
	buf_done(&got);
}
END_TEST

START_TEST(test_mono_and_colorblind)
{
	struct buf got;
	struct theme *t;
	int fg, bg, a, m;

	buf_init(&got);
	/* mono: no colour even when the terminal has 256. */
	t = load("mono", &got);
	for (int r = 0; r < TH_COUNT_; r++) {
		theme_resolve(t, (enum theme_role)r, 0, &fg, &bg, &m);
		theme_resolve(t, (enum theme_role)r, 256, &fg, &bg, &a);
		ck_assert(fg == -1 && bg == -1 && a == m);
	}
	theme_free(t);
	/* colorblind: its 8-colour form never uses red next to green; green is
	 * not used at all. */
	t = load("colorblind", &got);
	for (int r = 0; r < TH_COUNT_; r++) {
		theme_resolve(t, (enum theme_role)r, 8, &fg, &bg, &a);
		ck_assert_msg(fg != COLOR_GREEN && bg != COLOR_GREEN, "colorblind: %s uses green",
			      theme_role_name((enum theme_role)r));
	}
	theme_free(t);
	buf_done(&got);
}
END_TEST

/* Each file has only mistakes, so the theme must come out as the default. */
static const struct {
	const char *yaml;
	const char *want;
} cases[] = {
	{ "roles:\n  band.rd: { bg: 1 }\n",
	  "t.yaml:2:3: unknown role 'band.rd'; did you mean 'band.red'?\n" },
	{ "roles:\n  tab.actve: { bg: 1 }\n",
	  "t.yaml:2:3: unknown role 'tab.actve'; did you mean 'tab.active'?\n" },
	{ "roles:\n  sidebar: { bg: 1 }\n",
	  "t.yaml:2:3: unknown role 'sidebar' (see tend-theme(5))\n" },
	{ "roles:\n  band.green: { bg: gren }\n",
	  "t.yaml:2:21: unknown colour 'gren'; did you mean 'green'?\n" },
	{ "roles:\n  band.green: { fg: purple }\n",
	  "t.yaml:2:21: unknown colour 'purple' (black, red, green, yellow, blue, magenta, cyan, "
	  "white, default or 0-255)\n" },
	{ "roles:\n  band.green: { bg: 300, fg: -1 }\n",
	  "t.yaml:2:21: bg: 300 is out of range (0-255)\n"
	  "t.yaml:2:30: fg: -1 is out of range (0-255)\n" },
	{ "roles:\n  band.green: { fg8: 208, bg8: 2x }\n",
	  "t.yaml:2:22: fg8 takes one of the 8 basic colours (0-7 or a name), not 208\n"
	  "t.yaml:2:32: bg8: '2x' is not a colour\n" },
	{ "roles:\n  band.red: { attrs: [bold, bolt], mono: blink2 }\n",
	  "t.yaml:2:29: unknown attribute 'bolt'; did you mean 'bold'?\n"
	  "t.yaml:2:42: unknown attribute 'blink2'; did you mean 'blink'?\n" },
	{ "roles:\n  band.red: { mono: { bold: yes } }\n",
	  "t.yaml:2:21: mono is a list of attributes like [bold, underline]\n" },
	{ "roles:\n  band.red: { fgg: 1, colour: 2 }\n",
	  "t.yaml:2:15: unknown key 'fgg' in band.red; did you mean 'fg'?\n"
	  "t.yaml:2:23: unknown key 'colour' in band.red (fg, bg, attrs, fg8, bg8, attrs8, mono)\n" },
	{ "theme: x\nrols:\n  cursor: { bg: 1 }\n",
	  "t.yaml:2:1: unknown key 'rols' in a theme; did you mean 'roles'?\n" },
	{ "colors: 16\nbase: ligt\n",
	  "t.yaml:2:7: unknown base theme 'ligt'; did you mean 'light'?\n"
	  "t.yaml:1:9: colors must be 256, 8 or 0 (the most colours the theme uses)\n" },
	{ "roles: [cursor]\n",
	  "t.yaml:1:8: roles: must be a mapping of role: { fg: ..., bg: ..., mono: [...] }\n" },
	{ "roles:\n  cursor: reverse\n  cursor: { mono: [reverse] }\n",
	  "t.yaml:2:11: cursor must be a mapping like { fg: 196, bg: default, mono: [bold] }\n"
	  "t.yaml:3:3: role cursor is already set at line 2\n" },
	{ "- roles\n",
	  "t.yaml:1:1: a theme is a mapping (theme:, colors:, roles: ...)\n" },
	{ "",
	  "t.yaml: the file is empty\n" },
	{ "roles:\n  cursor: { bg: 1\n  header: { bg: 2 }\n",
	  "t.yaml:3:9: YAML: did not find expected ',' or '}' while parsing a flow mapping\n" },
	{ "roles:\n\tcursor: { bg: 1 }\n",
	  "t.yaml:2:1: YAML: found character that cannot start any token while scanning for the next token\n" },
};

START_TEST(test_each_mistake)
{
	struct buf got, none;
	struct theme *t, *dflt;

	buf_init(&got);
	buf_init(&none);
	spit("t.yaml", cases[_i].yaml);
	t = load("t.yaml", &got);
	ck_assert_msg(!strcmp(got.data, cases[_i].want), "case %d:\n got: %s want: %s", _i, got.data,
		      cases[_i].want);
	ck_assert_str_eq(theme_name(t), "t.yaml");
	dflt = load("default", &none);
	for (int r = 0; r < TH_COUNT_; r++)
		ck_assert_msg(same_role(t, dflt, r), "case %d changed %s", _i,
			      theme_role_name((enum theme_role)r));
	theme_free(dflt);
	theme_free(t);
	buf_done(&none);
	buf_done(&got);
}
END_TEST

START_TEST(test_inheritance)
{
	static const char yaml[] =
		"theme: mine\n"
		"description: a test\n"
		"roles:\n"
		"  band.red: { fg: 16, bg: 208 }\n"                  /* 8-colour form derived */
		"  band.green: { bg: 24, attrs: [underline] }\n"     /* fg kept from default */
		"  cursor: { mono: [bold, reverse] }\n"
		"  title: { fg: 214, fg8: magenta, attrs: bold, attrs8: [] }\n";
	struct buf got;
	struct theme *t, *dflt, *light;
	int fg, bg, a, f2, b2, a2;

	buf_init(&got);
	spit("mine.yaml", yaml);
	t = load("mine.yaml", &got);
	ck_assert_str_eq(got.data, "");
	dflt = load("default", &got);
	theme_resolve(t, TH_BAND_RED, 256, &fg, &bg, &a);
	ck_assert(fg == 16 && bg == 208 && a == (int)A_BOLD);  /* attrs not given: the base's */
	theme_resolve(t, TH_BAND_RED, 8, &fg, &bg, &a);
	ck_assert_int_eq(fg, COLOR_BLACK);
	ck_assert_int_eq(bg, COLOR_RED);
	ck_assert_int_eq(a, (int)A_BOLD);               /* attrs8 not given: the base's */
	theme_resolve(t, TH_BAND_RED, 0, &fg, &bg, &a);
	ck_assert_int_eq(a, (int)(A_BOLD | A_UNDERLINE));
	theme_resolve(t, TH_BAND_GREEN, 256, &fg, &bg, &a);
	ck_assert(fg == 231 && bg == 24 && a == (int)A_UNDERLINE);
	theme_resolve(t, TH_BAND_GREEN, 8, &fg, &bg, &a);
	ck_assert(fg == COLOR_BLACK && bg == COLOR_BLUE && a == (int)A_UNDERLINE);
	theme_resolve(t, TH_CURSOR, 0, &fg, &bg, &a);
	ck_assert_int_eq(a, (int)(A_BOLD | A_REVERSE));
	ck_assert_int_eq(theme_attr(t, TH_CURSOR), (int)(A_BOLD | A_REVERSE));
	theme_resolve(t, TH_TITLE, 8, &fg, &bg, &a);
	ck_assert(fg == COLOR_MAGENTA && a == 0);
	ck_assert(same_role(t, dflt, TH_HEADER) && same_role(t, dflt, TH_BAND_YELLOW));
	theme_free(t);

	/* Derived 8-colour forms of 256-colour numbers. */
	spit("mine.yaml", "roles:\n"
		"  normal: { fg: 214, bg: 252 }\n"
		"  title: { fg: 240, bg: 236 }\n"
		"  dim: { fg: 9, bg: 113 }\n"
		"  ok: { fg: 231, bg: 16 }\n");
	t = load("mine.yaml", &got);
	ck_assert_str_eq(got.data, "");
	theme_resolve(t, TH_NORMAL, 8, &fg, &bg, &a);
	ck_assert(fg == COLOR_YELLOW && bg == COLOR_WHITE);
	theme_resolve(t, TH_TITLE, 8, &fg, &bg, &a);
	ck_assert(fg == -1 && bg == COLOR_BLACK);
	theme_resolve(t, TH_DIM, 8, &fg, &bg, &a);
	ck_assert(fg == COLOR_RED && bg == COLOR_GREEN);
	theme_resolve(t, TH_OK, 8, &fg, &bg, &a);
	ck_assert(fg == COLOR_WHITE && bg == COLOR_BLACK);
	theme_free(t);

	/* base: another shipped theme, or none; colors: caps the depth. */
	spit("mine.yaml", "base: light\ncolors: 8\nroles:\n  cursor: { bg: 25 }\n");
	t = load("mine.yaml", &got);
	ck_assert_str_eq(got.data, "");
	light = load("light", &got);
	theme_resolve(t, TH_BAND_RED, 256, &fg, &bg, &a);       /* capped at 8 */
	theme_resolve(light, TH_BAND_RED, 8, &f2, &b2, &a2);
	ck_assert(fg == f2 && bg == b2 && a == a2);
	theme_resolve(t, TH_CURSOR, 256, &fg, &bg, &a);
	ck_assert_int_eq(bg, COLOR_BLUE);               /* 25 -> blue, derived */
	theme_free(light);
	theme_free(t);
	spit("mine.yaml", "base: none\nroles:\n  cursor: { mono: [reverse] }\n");
	t = load("mine.yaml", &got);
	ck_assert_str_eq(got.data, "");
	theme_resolve(t, TH_BAND_RED, 256, &fg, &bg, &a);
	ck_assert(fg == -1 && bg == -1 && a == 0);
	ck_assert_int_eq(theme_attr(t, TH_BAND_RED), 0);
	ck_assert_int_eq(theme_attr(t, TH_CURSOR), (int)A_REVERSE);
	theme_free(t);
	theme_free(dflt);
	buf_done(&got);
}
END_TEST

START_TEST(test_unknown_names)
{
	struct diag d;
	struct err e = { 0 };

	diag_init(&d, NULL);
	ck_assert_ptr_null(theme_load("ligth", &d, &e));
	ck_assert_int_eq(e.status, ST_NOINPUT);
	ck_assert_str_eq(e.msg, "unknown theme 'ligth'; did you mean 'light'? "
			 "(default, light, high-contrast, colorblind, mono, or a file)");
	ck_assert_ptr_null(theme_load("no/such/theme.yaml", &d, &e));
	ck_assert_int_eq(e.status, ST_NOINPUT);
	ck_assert_str_eq(e.msg, "cannot read theme no/such/theme.yaml: No such file or directory");
	ck_assert_uint_eq(d.n, 0);
	diag_done(&d);
}
END_TEST

/* The page lists every role, its example theme loads clean, and its
 * diagnostics are what tend prints for that example with four mistakes. */
START_TEST(test_man_page)
{
	static const char broken[] =
		"theme: ocean\n"
		"roles:\n"
		"  cursor: { fg: 231, bg: 25, fg8: white, bg8: blue }\n"
		"  title: { fg: 75, attrs: [bold, underline], attrs8: [bold] }\n"
		"  band.rd: { fg: 231, bg: 130, attrs: [bold] }\n"
		"  band.green: { fg: 231, bg: gren }\n"
		"  band.yellow: { fg: 300, bg: 220 }\n"
		"  band.orange: { fg: 16, bg: 208, attrs: [bolt] }\n";
	char path[512], key[64], *man, *start, *end, *line;
	struct buf got, example;
	struct theme *t;
	int fg, bg, a;

	snprintf(path, sizeof(path), "%s/man/tend-theme.5", TEST_SRCDIR);
	man = slurp(path);
	for (int r = 0; r < TH_COUNT_; r++) {
		snprintf(key, sizeof(key), "\n.It Cm %s\n", theme_role_name((enum theme_role)r));
		ck_assert_msg(strstr(man, key) != NULL, "tend-theme(5) lacks role %s", key + 8);
	}
	for (int i = 0; i < NSHIPPED; i++) {
		snprintf(key, sizeof(key), "\n.It Cm %s\n", shipped[i]);
		ck_assert_msg(strstr(man, key) != NULL, "tend-theme(5) lacks theme %s", shipped[i]);
	}
	start = strstr(man, "\ntheme: ocean\n");
	ck_assert_msg(start != NULL, "no example theme in tend-theme(5)");
	end = strstr(start, "\n.Ed\n");
	ck_assert_ptr_nonnull(end);
	buf_init(&example);
	buf_add(&example, start + 1, (size_t)(end - start));
	buf_init(&got);
	spit("ocean.yaml", example.data);
	t = load("ocean.yaml", &got);
	ck_assert_msg(got.len == 0, "the page's example: %s", got.data);
	theme_resolve(t, TH_CURSOR, 256, &fg, &bg, &a);
	ck_assert(fg == 231 && bg == 25);
	theme_resolve(t, TH_BAND_RED, 8, &fg, &bg, &a);
	ck_assert_int_eq(bg, COLOR_RED);
	theme_free(t);

	spit("ocean.yaml", broken);
	t = load("ocean.yaml", &got);
	ck_assert_uint_gt(got.len, 0);
	for (line = strtok(got.data, "\n"); line; line = strtok(NULL, "\n"))
		ck_assert_msg(strstr(man, line) != NULL, "tend-theme(5) DIAGNOSTICS lacks\n%s", line);
	theme_free(t);
	buf_done(&got);
	buf_done(&example);
	free(man);
}
END_TEST

/* theme_apply() against real terminfo entries, drawing into /dev/null: no
 * tty needed.  Skipped where the entries are not installed. */
static int
apply_on(const char *term, const char *name, bool color, int *pair_attr)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	struct buf got;
	struct theme *t;
	SCREEN *sp;
	int depth = -1;

	buf_init(&got);
	sp = out && in ? newterm(term, out, in) : NULL;
	if (sp) {
		t = load(name, &got);
		depth = theme_apply(t, color);
		*pair_attr = theme_attr(t, TH_BAND_RED);
		theme_free(t);
		endwin();
		delscreen(sp);
	}
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	buf_done(&got);
	return depth;
}

START_TEST(test_apply)
{
	static const struct {
		const char *term, *theme;
		bool color;
		int depth;
	} runs[] = {
		{ "xterm-256color", "default", true, 256 },
		{ "xterm-256color", "default", false, 0 },      /* --no-color, NO_COLOR */
		{ "xterm-256color", "mono", true, 0 },
		{ "xterm", "colorblind", true, 8 },
		{ "vt100", "default", true, 0 },
	};
	int a = 0, depth;

	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		depth = apply_on(runs[i].term, runs[i].theme, runs[i].color, &a);
		if (depth < 0)
			continue;       /* no terminfo entry here */
		ck_assert_msg(depth == runs[i].depth, "%s %s: depth %d", runs[i].term, runs[i].theme, depth);
		if (depth)
			ck_assert_int_eq(PAIR_NUMBER(a), TH_BAND_RED + 1);
		else
			ck_assert_int_eq(a, (int)(A_BOLD | A_UNDERLINE));
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("theme");
	TCase *tc = tcase_create("theme");
	SRunner *sr;
	int failed;

	if (!mkdtemp(tmpdir) || chdir(tmpdir)) {
		perror(tmpdir);
		return EXIT_FAILURE;
	}
	tcase_add_test(tc, test_shipped_clean_and_complete);
	tcase_add_test(tc, test_mono_forms_distinct);
	tcase_add_test(tc, test_mono_and_colorblind);
	tcase_add_loop_test(tc, test_each_mistake, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_inheritance);
	tcase_add_test(tc, test_unknown_names);
	tcase_add_test(tc, test_man_page);
	tcase_add_test(tc, test_apply);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	remove("t.yaml");
	remove("mine.yaml");
	remove("ocean.yaml");
	if (chdir("/") || rmdir(tmpdir))
		perror(tmpdir);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
