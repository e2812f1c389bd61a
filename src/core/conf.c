/*
 * conf.c -- loading config.yaml with libyaml; XDG paths; who the user is.
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "core/conf.h"
#include "core/names.h"
#include "core/xalloc.h"

const struct conf_key conf_keys[] = {
	{ .name = "config_version", .help = "format version of this file (1)",
	  .offset = offsetof(struct conf, config_version), .is_int = 1 },
	{ .name = "db", .help = "path of the book (overridden by $TEND_DB and --db)",
	  .offset = offsetof(struct conf, db) },
	{ .name = "theme", .help = "colour theme: default, light, high-contrast, colorblind or mono",
	  .offset = offsetof(struct conf, theme) },
	{ .name = "default_view", .help = "pane the TUI opens on",
	  .offset = offsetof(struct conf, default_view), .is_view = 1 },
	{ .name = "scorecard", .help = "health scorecard: default, handbook, practical or a file",
	  .offset = offsetof(struct conf, scorecard) },
	{ .name = "keys", .help = "key bindings of the interface, a mapping such as { x: quit }",
	  .is_block = 1 },
};
const size_t conf_key_count = sizeof(conf_keys) / sizeof(conf_keys[0]);

void
conf_init(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	c->config_version = CONF_VERSION;
}

void
conf_done(struct conf *c)
{
	free(c->db);
	free(c->theme);
	free(c->default_view);
	free(c->scorecard);
	free(c->source);
	conf_init(c);
}

const char *
conf_get(const struct conf *c, const struct conf_key *k, char *tmp, size_t size)
{
	const char *base = (const char *)c;

	if (k->is_block)
		return NULL;
	if (k->is_int) {
		snprintf(tmp, size, "%d", *(const int *)(base + k->offset));
		return tmp;
	}
	return *(char *const *)(base + k->offset);
}

static const struct conf_key *
find_key(const char *name)
{
	for (size_t i = 0; i < conf_key_count; i++)
		if (!strcmp(conf_keys[i].name, name))
			return &conf_keys[i];
	return NULL;
}

static void
unknown_key(struct diag *d, const yaml_mark_t *m, const char *name)
{
	const char *names[16];
	const char *hint;
	size_t n = 0;

	for (size_t i = 0; i < conf_key_count && n < 15; i++)
		names[n++] = conf_keys[i].name;
	names[n] = NULL;
	hint = names_suggest(names, name);
	if (hint)
		diag_add(d, (long)m->line + 1, (long)m->column + 1,
			 "unknown key '%s'; did you mean '%s'?", name, hint);
	else
		diag_add(d, (long)m->line + 1, (long)m->column + 1, "unknown key '%s'", name);
}

static void
set_value(struct conf *c, const struct conf_key *k, const yaml_event_t *ev, struct diag *d)
{
	const char *v = (const char *)ev->data.scalar.value;
	long line = (long)ev->start_mark.line + 1, col = (long)ev->start_mark.column + 1;
	char *base = (char *)c, *end;
	long n;

	if (k->is_int) {
		n = strtol(v, &end, 10);
		if (!*v || *end || n < 1 || n > 1000) {
			diag_add(d, line, col, "%s must be a positive whole number", k->name);
			return;
		}
		if (n > CONF_VERSION)
			diag_add(d, line, col, "config_version %ld is newer than this tend (%d); "
				 "unknown settings may be ignored", n, CONF_VERSION);
		*(int *)(base + k->offset) = (int)n;
		return;
	}
	if (k->is_view ? c->views && names_lookup(c->views, v) < 0 : k->choices && names_lookup(k->choices, v) < 0) {
		diag_add(d, line, col, "'%s' is not a valid %s", v, k->name);
		return;
	}
	free(*(char **)(base + k->offset));
	*(char **)(base + k->offset) = xstrdup(v);
}

int
conf_load(struct conf *c, const char *path, struct diag *d)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	const struct conf_key *key = NULL;
	int depth = 0, expect_key = 1, done = 0;
	FILE *fp = fopen(path, "rb");

	if (!fp) {
		if (errno == ENOENT)
			return 0;
		diag_add(d, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	free(c->source);
	c->source = xstrdup(path);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, fp);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			diag_add(d, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
				 "%s", parser.problem ? parser.problem : "YAML syntax error");
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 1 && !expect_key && key && key->is_block &&
			    ev.type == YAML_MAPPING_START_EVENT) {
				expect_key = 1;   /* read by its own module */
				key = NULL;
			} else if (depth == 1 && !expect_key) {
				diag_add(d, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
					 key && key->is_block ? "%s takes a mapping (key: value lines)"
							      : "%s takes a single value", key ? key->name : "this key");
				expect_key = 1;
				key = NULL;
			} else if (depth == 0 && ev.type == YAML_SEQUENCE_START_EVENT) {
				diag_add(d, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
					 "the file must be a mapping of key: value");
			}
			depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			if (depth != 1)
				break;   /* values inside a rejected nested block */
			if (expect_key) {
				key = find_key((const char *)ev.data.scalar.value);
				if (!key)
					unknown_key(d, &ev.start_mark, (const char *)ev.data.scalar.value);
			} else if (key && key->is_block) {
				diag_add(d, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
					 "%s takes a mapping (key: value lines)", key->name);
			} else if (key) {
				set_value(c, key, &ev, d);
			}
			expect_key = !expect_key;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	fclose(fp);
	return 0;
}

static char *
xdg_dir(const char *env, const char *fallback)
{
	const char *v = getenv(env), *home = getenv("HOME");
	struct passwd *pw;

	/* The XDG spec says relative values are invalid and must be ignored. */
	if (v && v[0] == '/')
		return xasprintf("%s/tend", v);
	if (!home || !*home) {
		pw = getpwuid(getuid());
		home = pw && pw->pw_dir ? pw->pw_dir : "/tmp";
	}
	return xasprintf("%s/%s/tend", home, fallback);
}

char *
paths_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
paths_config_file(void)
{
	char *dir = xdg_dir("XDG_CONFIG_HOME", ".config"), *path;

	path = xasprintf("%s/config.yaml", dir);
	free(dir);
	return path;
}

char *
paths_login(void)
{
	const char *env = getenv("TEND_USER");
	struct passwd *pw;

	if (env && *env)
		return xstrdup(env);
	pw = getpwuid(getuid());
	if (pw && pw->pw_name)
		return xstrdup(pw->pw_name);
	env = getenv("USER");
	return xstrdup(env && *env ? env : "unknown");
}
