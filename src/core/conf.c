/*
 * conf.c -- loading config.yaml with libyaml (its flat keys, and the
 * notify: mapping of roles to people); XDG paths; who the user is.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>

#include "core/buf.h"
#include "core/conf.h"
#include "core/file.h"
#include "core/names.h"
#include "core/xalloc.h"

const char *const conf_week_starts[] = { "locale", "monday", "sunday", "saturday", NULL };

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
	{ .name = "week_start", .help = "first day of the calendar's weeks: locale, monday, sunday or saturday",
	  .choices = conf_week_starts, .offset = offsetof(struct conf, week_start) },
	{ .name = "renewal_cadence", .help = "days before a renewal of its four cadence steps (120,90,60,30)",
	  .offset = offsetof(struct conf, renewal_cadence) },
	/* The team dashboard's targets (percent) and stuck limits (days). */
	{ .name = "target_nrr", .help = "team dashboard: NRR target in percent (default 100)",
	  .offset = offsetof(struct conf, target_nrr), .is_int = 1 },
	{ .name = "target_grr", .help = "team dashboard: GRR target in percent (default 90)",
	  .offset = offsetof(struct conf, target_grr), .is_int = 1 },
	{ .name = "target_gross_renewal_rate", .help = "team dashboard: gross renewal rate target, percent (default 90)",
	  .offset = offsetof(struct conf, target_gross_renewal_rate), .is_int = 1 },
	{ .name = "target_net_renewal_rate", .help = "team dashboard: net renewal rate target, percent (default 100)",
	  .offset = offsetof(struct conf, target_net_renewal_rate), .is_int = 1 },
	{ .name = "target_on_time_renewal_rate", .help = "team dashboard: on-time renewal target, percent (default 70)",
	  .offset = offsetof(struct conf, target_on_time_renewal_rate), .is_int = 1 },
	{ .name = "stuck_land_days", .help = "team dashboard: days in land before an account is stuck (default 30)",
	  .offset = offsetof(struct conf, stuck_days[0]), .is_int = 1 },
	{ .name = "stuck_onboard_days", .help = "team dashboard: days in onboard before stuck (default 90)",
	  .offset = offsetof(struct conf, stuck_days[1]), .is_int = 1 },
	{ .name = "stuck_adopt_days", .help = "team dashboard: days in adopt before stuck (default 365)",
	  .offset = offsetof(struct conf, stuck_days[2]), .is_int = 1 },
	{ .name = "stuck_expand_days", .help = "team dashboard: days in expand before stuck (default 365)",
	  .offset = offsetof(struct conf, stuck_days[3]), .is_int = 1 },
	{ .name = "stuck_renew_days", .help = "team dashboard: days in renew before stuck (default 120)",
	  .offset = offsetof(struct conf, stuck_days[4]), .is_int = 1 },
	{ .name = "notify", .help = "who support and marketing are: { support: [LOGIN or ADDRESS, ...] }",
	  .offset = offsetof(struct conf, notify_text), .is_notify = 1 },
};
const size_t conf_key_count = sizeof(conf_keys) / sizeof(conf_keys[0]);

const char *const conf_notify_roles[] = { "support", "marketing", NULL };

static void notify_clear(struct conf *c);

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
	free(c->week_start);
	free(c->renewal_cadence);
	free(c->source);
	notify_clear(c);
	conf_init(c);
}

const char *
conf_get(const struct conf *c, const struct conf_key *k, char *tmp, size_t size)
{
	const char *base = (const char *)c;

	if (k->is_block)
		return NULL;
	if (k->is_int) {
		if (!*(const int *)(base + k->offset))
			return NULL;   /* not set: the default of whoever reads it */
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
		if (!*v || *end || n < 1 || n > 3650) {
			diag_add(d, line, col, "%s must be a positive whole number", k->name);
			return;
		}
		if (k->offset == offsetof(struct conf, config_version) && n > CONF_VERSION)
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

/* -- notify: { support: [sam.support, mia@example.com], marketing: ... } ------ */

#define AT(ev) (long)(ev)->start_mark.line + 1, (long)(ev)->start_mark.column + 1

static int
next_event(yaml_parser_t *parser, yaml_event_t *ev, struct diag *d)
{
	if (yaml_parser_parse(parser, ev))
		return 0;
	diag_add(d, (long)parser->problem_mark.line + 1, (long)parser->problem_mark.column + 1,
		 "%s", parser->problem ? parser->problem : "YAML syntax error");
	return -1;
}

/* The rest of the value ev starts (a collection: up to its end). */
static int
skip_value(yaml_parser_t *parser, const yaml_event_t *ev, struct diag *d)
{
	yaml_event_t e;
	int depth = ev->type == YAML_MAPPING_START_EVENT || ev->type == YAML_SEQUENCE_START_EVENT;

	while (depth > 0) {
		if (next_event(parser, &e, d))
			return -1;
		if (e.type == YAML_MAPPING_START_EVENT || e.type == YAML_SEQUENCE_START_EVENT)
			depth++;
		else if (e.type == YAML_MAPPING_END_EVENT || e.type == YAML_SEQUENCE_END_EVENT)
			depth--;
		yaml_event_delete(&e);
	}
	return 0;
}

/* A login (no blanks, controls, ',' or ';') or an address: LOCAL@DOMAIN. */
static const char *
recipient_problem(const char *v)
{
	const char *at = strchr(v, '@');

	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == ',' || *p == ';')
			return "is neither a login nor an e-mail address";
	if (at && (at == v || !at[1] || strchr(at + 1, '@')))
		return "is not an e-mail address (LOCAL@DOMAIN)";
	return NULL;
}

static void
add_recipient(struct conf_notify *n, const char *role, const yaml_event_t *ev, struct diag *d)
{
	const char *v = (const char *)ev->data.scalar.value, *why;

	if (!*v)
		return;   /* `support:` with nothing: nobody */
	if ((why = recipient_problem(v))) {
		diag_add(d, AT(ev), "notify: %s: '%s' %s", role, v, why);
		return;
	}
	for (size_t k = 0; k < n->n; k++)
		if (!strcasecmp(n->to[k], v)) {
			diag_add(d, AT(ev), "notify: %s: '%s' is listed twice", role, v);
			return;
		}
	n->to = xreallocarray(n->to, n->n + 1, sizeof(*n->to));
	n->to[n->n++] = xstrdup(v);
}

/* One role's value, ev its first event: a login or address, or a list. */
static int
read_recipients(yaml_parser_t *parser, struct conf_notify *n, const char *role,
		const yaml_event_t *ev, struct diag *d)
{
	yaml_event_t e;

	if (ev->type == YAML_SCALAR_EVENT) {
		add_recipient(n, role, ev, d);
		return 0;
	}
	if (ev->type != YAML_SEQUENCE_START_EVENT) {
		diag_add(d, AT(ev), "notify: %s takes a login, an e-mail address or a list of them", role);
		return skip_value(parser, ev, d);
	}
	for (;;) {
		if (next_event(parser, &e, d))
			return -1;
		if (e.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (e.type == YAML_SCALAR_EVENT) {
			add_recipient(n, role, &e, d);
		} else {
			diag_add(d, AT(&e), "notify: %s: each entry is a login or an e-mail address", role);
			if (skip_value(parser, &e, d)) {
				yaml_event_delete(&e);
				return -1;
			}
		}
		yaml_event_delete(&e);
	}
	yaml_event_delete(&e);
	return 0;
}

static void
notify_clear(struct conf *c)
{
	for (size_t i = 0; i < CONF_NOTIFY_ROLES; i++) {
		for (size_t k = 0; k < c->notify[i].n; k++)
			free(c->notify[i].to[k]);
		free(c->notify[i].to);
		c->notify[i].to = NULL;
		c->notify[i].n = 0;
	}
	free(c->notify_text);
	c->notify_text = NULL;
}

/* "support: sam, mia@example.com; marketing: mia@example.com", or NULL. */
static char *
notify_text(const struct conf *c)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < CONF_NOTIFY_ROLES; i++) {
		if (!c->notify[i].n)
			continue;
		buf_addf(&b, "%s%s:", b.len ? "; " : "", conf_notify_roles[i]);
		for (size_t k = 0; k < c->notify[i].n; k++)
			buf_addf(&b, "%s %s", k ? "," : "", c->notify[i].to[k]);
	}
	if (!b.len) {
		buf_done(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* The notify: mapping, its start event just read: up to its end.  A later
 * notify: replaces an earlier one, like any key.  -1 on a syntax error
 * (reported). */
static int
read_notify(yaml_parser_t *parser, struct conf *c, struct diag *d)
{
	bool seen[CONF_NOTIFY_ROLES] = { false };
	yaml_event_t key, value;
	int r = 0;

	notify_clear(c);
	while (!r) {
		const char *name;
		int i;

		if (next_event(parser, &key, d))
			return -1;
		if (key.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&key);
			break;
		}
		/* A key that is a collection: read past it to its value. */
		if (skip_value(parser, &key, d) || next_event(parser, &value, d)) {
			yaml_event_delete(&key);
			return -1;
		}
		name = key.type == YAML_SCALAR_EVENT ? (const char *)key.data.scalar.value : NULL;
		i = name ? names_lookup(conf_notify_roles, name) : -1;
		if (i >= 0 && !seen[i]) {
			seen[i] = true;
			r = read_recipients(parser, &c->notify[i], name, &value, d);
		} else {
			const char *hint = name ? names_suggest(conf_notify_roles, name) : NULL;

			if (!name)
				diag_add(d, AT(&key), "notify: a role is expected here (support or marketing)");
			else if (i >= 0)
				diag_add(d, AT(&key), "notify: %s is given twice", name);
			else if (hint)
				diag_add(d, AT(&key), "notify: unknown role '%s'; did you mean '%s'?", name, hint);
			else
				diag_add(d, AT(&key), "notify: unknown role '%s' (support or marketing)", name);
			r = skip_value(parser, &value, d);
		}
		yaml_event_delete(&key);
		yaml_event_delete(&value);
	}
	c->notify_text = notify_text(c);
	return r;
}

int
conf_load(struct conf *c, const char *path, struct diag *d)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	const struct conf_key *key = NULL;
	int depth = 0, expect_key = 1, done = 0;
	FILE *fp = file_open_regular(path);

	if (!fp) {
		if (errno == ENOENT)
			return 0;
		diag_add(d, 0, 0, "cannot read: %s", file_error(errno));
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
			if (depth == 1 && !expect_key && key && key->is_notify &&
			    ev.type == YAML_MAPPING_START_EVENT) {
				/* Read to its end here: the depth stays. */
				done = read_notify(&parser, c, d) < 0;
				expect_key = 1;
				key = NULL;
				break;
			}
			if (depth == 1 && !expect_key && key && key->is_block &&
			    ev.type == YAML_MAPPING_START_EVENT) {
				expect_key = 1;   /* read by its own module */
				key = NULL;
			} else if (depth == 1 && !expect_key) {
				diag_add(d, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
					 key && (key->is_block || key->is_notify)
					 ? "%s takes a mapping (key: value lines)" : "%s takes a single value",
					 key ? key->name : "this key");
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
			} else if (key && (key->is_block || key->is_notify)) {
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

char *
paths_os_login(void)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw && pw->pw_name)
		return xstrdup(pw->pw_name);
	return xasprintf("uid%lu", (unsigned long)geteuid());
}
