/*
 * keymap.c -- default bindings, rebinding from the config file, help text.
 */
#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "core/file.h"
#include "domain/model.h"
#include "ui/keymap.h"

static const struct {
	const char *name, *scope, *hint, *help;
} reqs[] = {
	[REQ_NONE] = { "none", "all", "", "" },
#define REQ_ROW(id, name, scope, hint, help) [REQ_##id] = { name, scope, hint, help },
	REQ_LIST(REQ_ROW)
#undef REQ_ROW
};

const char *req_name(enum request r) { return reqs[r].name; }
const char *req_scope(enum request r) { return reqs[r].scope; }
const char *req_help(enum request r) { return reqs[r].help; }
const char *req_hint(enum request r) { return reqs[r].hint; }

enum request
req_lookup(const char *name)
{
	for (int i = 1; i < REQ_COUNT_; i++)
		if (!strcmp(reqs[i].name, name))
			return (enum request)i;
	return REQ_NONE;
}

#define CTRL(c) ((c) & 0x1f)

static const struct {
	int key;
	enum request req;
} defaults[] = {
	{ 'j', REQ_MOVE_DOWN }, { KEY_DOWN, REQ_MOVE_DOWN },
	{ 'k', REQ_MOVE_UP }, { KEY_UP, REQ_MOVE_UP },
	{ 'h', REQ_MOVE_LEFT }, { KEY_LEFT, REQ_MOVE_LEFT },
	{ 'l', REQ_MOVE_RIGHT }, { KEY_RIGHT, REQ_MOVE_RIGHT },
	{ KEY_NPAGE, REQ_PAGE_DOWN }, { ' ', REQ_PAGE_DOWN }, { CTRL('f'), REQ_PAGE_DOWN },
	{ KEY_PPAGE, REQ_PAGE_UP }, { CTRL('b'), REQ_PAGE_UP },
	{ 'g', REQ_MOVE_FIRST }, { KEY_HOME, REQ_MOVE_FIRST },
	{ 'G', REQ_MOVE_LAST }, { KEY_END, REQ_MOVE_LAST },
	{ '\n', REQ_ENTER }, { '\r', REQ_ENTER }, { KEY_ENTER, REQ_ENTER },
	{ 'q', REQ_BACK }, { 27, REQ_BACK },
	{ 'Q', REQ_QUIT },
	{ '\t', REQ_NEXT_PANE }, { KEY_BTAB, REQ_PREV_PANE },
#define PANE_KEY(X, id, ops, name, key, help) { key, REQ_VIEW_##id },
	PANE_LIST(PANE_KEY, )
#undef PANE_KEY
	{ '/', REQ_SEARCH }, { 'f', REQ_FILTER }, { 'c', REQ_CLEAR },
	{ 's', REQ_SORT }, { 'm', REQ_MODE }, { 'v', REQ_VALUES }, { 'b', REQ_GROUP }, { 't', REQ_MARK },
	{ 'e', REQ_EDIT }, { ' ', REQ_TICK },
	{ 'L', REQ_LOG }, { 'T', REQ_TASK_ADD }, { 'D', REQ_TASK_DONE }, { 'N', REQ_NOTE },
	{ 'd', REQ_INBOX_DONE }, { 'a', REQ_INBOX_ALL }, { 'a', REQ_SYNC_ALL },
	{ 'P', REQ_PLAN }, { 'n', REQ_PLAN_NEW }, { 'O', REQ_PLAN_OBJECTIVE },
	{ 'M', REQ_PLAN_MILESTONE }, { 'K', REQ_PLAN_KPI }, { 'w', REQ_PLAN_READING },
	{ 'x', REQ_PLAN_DELETE }, { '[', REQ_PLAN_UP }, { ']', REQ_PLAN_DOWN },
	{ 'S', REQ_PLAN_STATUS }, { 'V', REQ_PLAN_VALIDATE },
	{ 'm', REQ_CAL_VIEW }, { 't', REQ_CAL_TODAY }, { '}', REQ_CAL_NEXT_QUARTER },
	{ '{', REQ_CAL_PREV_QUARTER }, { 'C', REQ_CAL_CLOSE }, { 'F', REQ_CAL_FORECAST },
	{ 'S', REQ_CAL_STAGE }, { 'L', REQ_CAL_STEP },
	{ 'r', REQ_REFRESH }, { 'R', REQ_RECOMPUTE }, { 'u', REQ_UNDO },
	{ ':', REQ_PROMPT }, { '?', REQ_HELP }, { KEY_F(1), REQ_HELP },
};

void
keymap_defaults(struct keymap *k)
{
	k->n = 0;
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		k->binds[k->n].key = defaults[i].key;
		k->binds[k->n].req = defaults[i].req;
		k->n++;
	}
}

enum request
keymap_lookup(const struct keymap *k, int key, const char *pane)
{
	enum request all = REQ_NONE, other = REQ_NONE;

	/* A binding of the pane's own wins over one for every pane (Space
	 * ticks in the 360 view, turns the page elsewhere); a key bound only
	 * to another pane's request still reports it ("not available here"). */
	for (int i = 0; i < k->n; i++) {
		const char *scope;

		if (k->binds[i].key != key)
			continue;
		scope = req_scope(k->binds[i].req);
		if (pane && !strcmp(scope, pane))
			return k->binds[i].req;
		if (!strcmp(scope, "all") && all == REQ_NONE)
			all = k->binds[i].req;
		else if (other == REQ_NONE)
			other = k->binds[i].req;
	}
	return all != REQ_NONE ? all : other;
}

static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{ "up", KEY_UP }, { "down", KEY_DOWN }, { "left", KEY_LEFT }, { "right", KEY_RIGHT },
	{ "pgup", KEY_PPAGE }, { "pgdn", KEY_NPAGE }, { "home", KEY_HOME }, { "end", KEY_END },
	{ "enter", '\n' }, { "esc", 27 }, { "tab", '\t' }, { "backtab", KEY_BTAB },
	{ "space", ' ' }, { "backspace", KEY_BACKSPACE }, { "delete", KEY_DC },
};

/* The key code of a name, or -1. */
static int
key_code(const char *name)
{
	if (strlen(name) == 1)
		return (unsigned char)name[0];
	if (!strncasecmp(name, "ctrl-", 5) && strlen(name) == 6)
		return CTRL(name[5]);
	if ((name[0] == 'f' || name[0] == 'F') && name[1] >= '1' && name[1] <= '9') {
		int n = name[1] - '0';

		if (name[2] >= '0' && name[2] <= '2' && !name[3] && n == 1)
			return KEY_F(10 + name[2] - '0');
		if (!name[2])
			return KEY_F(n);
	}
	for (size_t i = 0; i < sizeof(named_keys) / sizeof(named_keys[0]); i++)
		if (!strcasecmp(named_keys[i].name, name))
			return named_keys[i].key;
	return -1;
}

int
keymap_bind(struct keymap *k, const char *key, const char *req, const char **why)
{
	int code = key_code(key);
	enum request r = req_lookup(req);

	if (code < 0)
		return *why = "unknown key name (a character, ctrl-x, f1-f12, up, down, left, right, "
			      "pgup, pgdn, home, end, enter, esc, tab, backtab, space)", 0;
	if (r == REQ_NONE)
		return *why = "unknown action (see the ? screen for their names)", 0;
	/* The key now means r alone, in every pane (a default key may have
	 * meant one thing in a pane and another elsewhere); its first binding
	 * keeps its place, so the hints name the rebound key first. */
	{
		int kept = 0;
		bool found = false;

		for (int i = 0; i < k->n; i++) {
			if (k->binds[i].key == code) {
				if (found)
					continue;
				found = true;
				k->binds[i].req = r;
			}
			k->binds[kept++] = k->binds[i];
		}
		k->n = kept;
		if (found)
			return 1;
	}
	if (k->n == KEYMAP_MAX)
		return *why = "too many bindings", 0;
	k->binds[k->n].key = code;
	k->binds[k->n].req = r;
	k->n++;
	return 1;
}

static const char *
scalar(yaml_document_t *doc, int i)
{
	yaml_node_t *n = yaml_document_get_node(doc, i);

	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

void
keymap_load(struct keymap *k, const char *path, struct diag *d)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root, *keys = NULL;
	FILE *fp = file_open_regular(path);

	if (!fp)
		return;   /* conf_load() has said why */
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, fp);
	if (!yaml_parser_load(&parser, &doc)) {
		/* The config loader already reported the syntax error. */
		yaml_parser_delete(&parser);
		fclose(fp);
		return;
	}
	root = yaml_document_get_root_node(&doc);
	if (root && root->type == YAML_MAPPING_NODE)
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
			const char *name = scalar(&doc, p->key);

			if (name && !strcmp(name, "keys"))
				keys = yaml_document_get_node(&doc, p->value);
		}
	if (keys && keys->type != YAML_MAPPING_NODE)
		diag_add(d, (long)keys->start_mark.line + 1, (long)keys->start_mark.column + 1,
			 "keys: must map a key to an action, like { x: quit }");
	else if (keys)
		for (yaml_node_pair_t *p = keys->data.mapping.pairs.start; p < keys->data.mapping.pairs.top; p++) {
			yaml_node_t *kn = yaml_document_get_node(&doc, p->key);
			const char *key = scalar(&doc, p->key), *req = scalar(&doc, p->value), *why;

			if (!key || !req)
				why = "a binding is key: action";
			else if (keymap_bind(k, key, req, &why))
				continue;
			diag_add(d, (long)kn->start_mark.line + 1, (long)kn->start_mark.column + 1, "keys: %s: %s",
				 key ? key : "?", why);
		}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(fp);
}

const char *
keymap_key_name(int key, char *out, size_t size)
{
	for (size_t i = 0; i < sizeof(named_keys) / sizeof(named_keys[0]); i++)
		if (named_keys[i].key == key) {
			snprintf(out, size, "%c%s", named_keys[i].name[0] - 32, named_keys[i].name + 1);
			return out;
		}
	if (key == '\r' || key == KEY_ENTER)
		snprintf(out, size, "Enter");
	else if (key >= KEY_F(1) && key <= KEY_F(12))
		snprintf(out, size, "F%d", key - KEY_F(0));
	else if (key > 0 && key < 32)
		snprintf(out, size, "^%c", key + 64);
	else if (key > 32 && key < 127)
		snprintf(out, size, "%c", key);
	else
		snprintf(out, size, "#%d", key);
	return out;
}

const char *
keymap_first_key(const struct keymap *k, enum request r, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < k->n; i++)
		if (k->binds[i].req == r)
			return keymap_key_name(k->binds[i].key, out, size);
	return out;
}

const char *
keymap_keys_of(const struct keymap *k, enum request r, char *out, size_t size)
{
	size_t used = 0;
	char name[16];

	out[0] = '\0';
	for (int i = 0; i < k->n && used + 12 < size; i++) {
		if (k->binds[i].req != r || k->binds[i].key == '\r' || k->binds[i].key == KEY_ENTER)
			continue;
		used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "",
					 keymap_key_name(k->binds[i].key, name, sizeof(name)));
	}
	return out;
}
