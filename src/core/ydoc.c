/*
 * ydoc.c -- YAML node trees with positions (see ydoc.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "core/ydoc.h"

/*
 * A file's tree as the loaders walk it: an alias is its anchor's node again,
 * so ten lines of aliases of aliases can stand for 8^11 nodes (a "billion
 * laughs") and a walk would not end.  ydoc counts each node's walked size
 * once (memo) and refuses a file over YDOC_MAX_WALKED nodes, one that nests
 * deeper than YDOC_MAX_NESTING or an alias to a node that contains it.
 */
#define YDOC_MAX_WALKED 200000
#define YDOC_MAX_NESTING 256
#define YDOC_STR_(x) #x
#define YDOC_STR(x) YDOC_STR_(x)

struct ydoc_walk {
	struct ydoc *y;
	size_t *size;      /* walked size by node index; 0 not yet counted */
	unsigned char *on; /* on the path being counted (a cycle) */
	const yaml_node_t *bad;
	const char *why;
};

static size_t
ydoc_walked(struct ydoc_walk *w, int index, int depth)
{
	yaml_node_t *n = yaml_document_get_node(&w->y->doc, index);
	size_t total = 1, i = (size_t)index;

	if (!n || w->why)
		return 0;
	if (w->size[i])
		return w->size[i];
	if (w->on[i] || depth > YDOC_MAX_NESTING) {
		w->bad = n;
		w->why = w->on[i] ? "an alias refers to a node that contains it"
				  : "the file nests more than " YDOC_STR(YDOC_MAX_NESTING) " levels deep";
		return 0;
	}
	w->on[i] = 1;
	if (n->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top && !w->why; it++)
			total += ydoc_walked(w, *it, depth + 1);
	} else if (n->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
		     pr < n->data.mapping.pairs.top && !w->why; pr++)
			total += ydoc_walked(w, pr->key, depth + 1) + ydoc_walked(w, pr->value, depth + 1);
	}
	w->on[i] = 0;
	if (!w->why && total > YDOC_MAX_WALKED) {
		w->bad = n;
		w->why = "through its aliases this node stands for more than " YDOC_STR(YDOC_MAX_WALKED) " nodes";
	}
	return w->size[i] = w->why ? 0 : total;
}

/* False, with the problem reported, when the tree is not one to walk. */
static bool
ydoc_check_walk(struct ydoc *y)
{
	size_t n = (size_t)(y->doc.nodes.top - y->doc.nodes.start) + 1;
	struct ydoc_walk w = { .y = y };

	if (!y->doc.nodes.start || n == 1)
		return true;
	w.size = xcalloc(n, sizeof(*w.size));
	w.on = xcalloc(n, 1);
	ydoc_walked(&w, 1, 0);
	if (w.why)
		ydoc_problem(y, w.bad, "YAML: %s", w.why);
	free(w.size);
	free(w.on);
	return !w.why;
}

bool
ydoc_load(struct ydoc *y, const char *text, size_t len, struct diag *d)
{
	yaml_parser_t parser;

	memset(y, 0, sizeof(*y));
	y->d = d;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	y->loaded = yaml_parser_load(&parser, &y->doc);
	if (!y->loaded) {
		diag_add(d, (long)parser.problem_mark.line + 1, (long)parser.problem_mark.column + 1,
			 "YAML: %s%s%s", parser.problem ? parser.problem : "syntax error",
			 parser.context ? " " : "", parser.context ? parser.context : "");
		y->problems++;
	}
	yaml_parser_delete(&parser);
	if (y->loaded && !ydoc_check_walk(y)) {
		yaml_document_delete(&y->doc);
		y->loaded = false;
	}
	return y->loaded;
}

void
ydoc_done(struct ydoc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = false;
}

yaml_node_t *
ydoc_root(struct ydoc *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *
ydoc_node(struct ydoc *y, int index)
{
	return yaml_document_get_node(&y->doc, index);
}

const char *
ydoc_text(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

yaml_node_t *
ydoc_get(struct ydoc *y, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top;
	     pair++) {
		const char *name = ydoc_text(ydoc_node(y, pair->key));

		if (name && !strcmp(name, key))
			return ydoc_node(y, pair->value);
	}
	return NULL;
}

void
ydoc_problem(struct ydoc *y, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(y->d, n ? (long)n->start_mark.line + 1 : 0, n ? (long)n->start_mark.column + 1 : 0, "%s",
		 msg);
	y->problems++;
}
