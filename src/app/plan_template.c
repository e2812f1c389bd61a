/*
 * plan_template.c -- finding and reading success-plan templates (see
 * plan_template.h).  Barriers are written into the key risks section after
 * its prompt, one line each: "- Political: a customer sponsor ...".
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app/plan_template.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/embedded.h"
#include "core/xalloc.h"
#include "core/ydoc.h"

void
plan_template_free(struct plan_template *t)
{
	if (!t)
		return;
	for (int i = 0; i < PLAN_NSECTIONS; i++)
		free(t->sections[i]);
	free(t->name);
	free(t->file);
	free(t);
}

/* The text of the template called name into text; its file to *file. */
static enum status
find(const char *name, struct buf *text, char **file, struct err *e)
{
	char *cfg, *path;
	int rc;

	if (strchr(name, '/') || strstr(name, ".yaml")) {
		path = xstrdup(name);
	} else {
		cfg = paths_config_file();
		path = xasprintf("%.*s/plans/%s.yaml", (int)(strrchr(cfg, '/') - cfg), cfg, name);
		free(cfg);
	}
	rc = buf_read_file(text, path);
	if (!rc) {
		*file = path;
		return ST_OK;
	}
	if (rc == ENOENT && !strchr(name, '/') && !strstr(name, ".yaml")) {
		char shipped[128];
		const struct embedded_file *f;

		snprintf(shipped, sizeof(shipped), "playbooks/plan-%s.yaml", name);
		if ((f = embedded_find(shipped))) {
			free(path);
			buf_adds(text, f->text);
			*file = xstrdup(f->name);
			return ST_OK;
		}
		rc = 0;
	}
	err_set(e, rc == EIO ? ST_IOERR : ST_NOINPUT, "template: no plan template '%s' (%s%s%s)",
		name, rc ? path : "looked for ", rc ? ": " : path, rc ? strerror(rc) : "");
	free(path);
	return e->status;
}

static void
parse_sections(struct ydoc *y, yaml_node_t *map, struct plan_template *t)
{
	if (!map)
		return;
	if (map->type != YAML_MAPPING_NODE) {
		ydoc_problem(y, map, "sections: expected a mapping of section names to text");
		return;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = ydoc_node(y, p->key), *v = ydoc_node(y, p->value);
		const char *key = ydoc_text(k), *val = ydoc_text(v);
		int i = plan_section_find(key);

		if (i < 0)
			ydoc_problem(y, k, "sections: '%s' is not a section (summary, objectives, "
				     "activities, finances, measurement, risks, appendices)",
				     key ? key : "?");
		else if (!val)
			ydoc_problem(y, v, "sections.%s: expected text", key);
		else {
			free(t->sections[i]);
			t->sections[i] = xstrdup(val);
		}
	}
}

static void
parse_barriers(struct ydoc *y, yaml_node_t *seq, struct buf *out)
{
	if (!seq)
		return;
	if (seq->type != YAML_SEQUENCE_NODE) {
		ydoc_problem(y, seq, "barriers: expected a list of barrier and mitigation");
		return;
	}
	for (yaml_node_item_t *it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++) {
		yaml_node_t *n = ydoc_node(y, *it);
		const char *b = n ? ydoc_text(ydoc_get(y, n, "barrier")) : NULL;
		const char *m = n ? ydoc_text(ydoc_get(y, n, "mitigation")) : NULL;

		if (!n || n->type != YAML_MAPPING_NODE || !b || !m) {
			ydoc_problem(y, n, "barriers: each needs a barrier and a mitigation");
			continue;
		}
		buf_addf(out, "- %s: %s\n", b, m);
	}
}

static struct plan_template *
parse(const char *name, const char *file, const char *text, struct diag *d)
{
	struct plan_template *t = xcalloc(1, sizeof(*t));
	struct buf barriers;
	struct ydoc y;
	yaml_node_t *root;
	const char *n;

	buf_init(&barriers);
	if (ydoc_load(&y, text, strlen(text), d)) {
		root = ydoc_root(&y);
		if (!root || root->type != YAML_MAPPING_NODE) {
			ydoc_problem(&y, root, "expected a mapping with name, sections and barriers");
		} else {
			n = ydoc_text(ydoc_get(&y, root, "name"));
			t->name = xstrdup(n ? n : name);
			parse_sections(&y, ydoc_get(&y, root, "sections"), t);
			parse_barriers(&y, ydoc_get(&y, root, "barriers"), &barriers);
		}
	}
	if (barriers.len) {
		struct buf r;

		buf_init(&r);
		if (t->sections[PLAN_SECTION_RISKS])
			buf_addf(&r, "%s\n", t->sections[PLAN_SECTION_RISKS]);
		buf_adds(&r, barriers.data);
		free(t->sections[PLAN_SECTION_RISKS]);
		t->sections[PLAN_SECTION_RISKS] = buf_detach(&r);
	}
	buf_done(&barriers);
	if (!t->name)
		t->name = xstrdup(name);
	t->file = xstrdup(file);
	if (y.problems || d->n) {
		ydoc_done(&y);
		plan_template_free(t);
		return NULL;
	}
	ydoc_done(&y);
	return t;
}

enum status
plan_template_load(const struct conf *conf, const char *name,
		   void (*report)(void *ctx, const struct diag *d), void *ctx,
		   struct plan_template **out, struct err *e)
{
	struct buf text;
	struct diag d;
	char *file = NULL;

	(void)conf;
	*out = NULL;
	if (!name)
		name = "default";
	buf_init(&text);
	if (find(name, &text, &file, e)) {
		buf_done(&text);
		return e->status;
	}
	diag_init(&d, file);
	*out = parse(name, file, text.data, &d);
	if (!*out) {
		if (report && d.n)
			report(ctx, &d);
		err_set(e, ST_DATA, "template: %s has %zu problem%s; nothing was changed", file,
			d.n, d.n == 1 ? "" : "s");
	}
	diag_done(&d);
	buf_done(&text);
	free(file);
	return *out ? ST_OK : e->status;
}
