/*
 * ydoc.c -- YAML node trees with positions (see ydoc.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/ydoc.h"

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
