/*
 * cmd_io.c -- `tend export`: CSV or JSON out, with the canonical columns of
 * each entity (store/entity.h), one entity or (--all) every one a book
 * holds, as files `tend import --all` reads back.  Importing is
 * cli/cmd_import.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "store/export.h"
#include "store/store.h"

static enum status
find_entity(struct cli *c, const struct command *cmd, const char *name, const struct entity **out)
{
	const char *hint;

	if ((*out = entity_find(name)))
		return ST_OK;
	hint = entity_suggest(name);
	if (hint)
		return cli_usage(c, cmd, "unknown entity '%s'; did you mean '%s'?", name, hint);
	return cli_usage(c, cmd, "unknown entity '%s'", name);
}

/* -- export ---------------------------------------------------------------- */

static enum col_type
col_type_of(const struct field *f)
{
	switch (f->type) {
	case FT_MONEY: return COL_MONEY;
	case FT_BOOL: return COL_BOOL;
	case FT_ID:
	case FT_INT: return COL_INT;
	case FT_REAL: return COL_REAL;
	case FT_DATE: return COL_DATE;
	case FT_LIST: return COL_LIST;
	case FT_REF: return strcmp(f->ref->key, "id") ? COL_TEXT : COL_INT;
	default: return COL_TEXT;
	}
}

static int
export_row(void *ctx, const struct value *vals, int n)
{
	(void)n;
	out_row(ctx, vals);
	return 0;
}

struct export_opts {
	bool template;
	const char *all;
};

static enum status
export_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct export_opts *o = ctx;

	(void)c;
	if (opt == 't')
		o->template = true;
	else if (opt == 'a')
		o->all = arg;
	return ST_OK;
}

static void
entity_cols(const struct entity *ent, struct out_col *cols)
{
	for (int i = 0; i < ent->nfields; i++)
		cols[i] = (struct out_col){ ent->fields[i].name, NULL, col_type_of(&ent->fields[i]) };
}

/* Every importable entity to DIR/NAME.csv, in the canonical columns. */
static enum status
export_all(struct cli *c, const char *dir)
{
	struct out_col cols[ENTITY_MAX_FIELDS];
	struct store *s;
	enum status st = ST_OK;
	int files = 0;

	if (mkdir(dir, 0777) && errno != EEXIST)
		return err_set(c->err, ST_CANTCREAT, "cannot make %s: %s", dir, strerror(errno));
	if (cli_store(c, false, &s))
		return c->err->status;
	for (size_t i = 0; i < entity_catalog_count && !st; i++) {
		const struct entity *ent = entity_catalog[i];
		char path[4096];
		struct out o;
		FILE *fp;

		if (!ent->import)
			continue;
		snprintf(path, sizeof(path), "%s/%s.csv", dir, ent->name);
		if (!(fp = fopen(path, "w")))
			return err_set(c->err, ST_CANTCREAT, "cannot write %s: %s", path, strerror(errno));
		entity_cols(ent, cols);
		out_begin(&o, fp, OUT_CSV, cols, ent->nfields);
		st = store_export(s, ent, export_row, &o, c->err);
		out_end(&o);
		if (fclose(fp) && !st)
			st = err_set(c->err, ST_IOERR, "cannot write %s: %s", path, strerror(errno));
		files++;
	}
	if (!st)
		printf("exported %d files to %s\n", files, dir);
	return st;
}

static enum status
cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "template", no_argument, NULL, 't' },
		{ "all", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("export");
	struct out_col cols[ENTITY_MAX_FIELDS];
	const struct entity *ent;
	struct export_opts eo = { false, NULL };
	struct store *s;
	struct out o;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", opts, export_opt, &eo, &first) || first < 0)
		return c->err->status;
	if (eo.all)
		return argc - first ? cli_usage(c, cmd, "--all takes only its DIR") : export_all(c, eo.all);
	if (argc - first != 1)
		return cli_usage(c, cmd, "expected one ENTITY");
	if (find_entity(c, cmd, argv[first], &ent))
		return c->err->status;
	entity_cols(ent, cols);
	if (eo.template) {
		out_begin(&o, stdout, OUT_CSV, cols, ent->nfields);
		out_end(&o);
		return ST_OK;
	}
	if (cli_store(c, false, &s))
		return c->err->status;
	out_begin(&o, stdout, cli_format(c, OUT_CSV), cols, ent->nfields);
	st = store_export(s, ent, export_row, &o, c->err);
	out_end(&o);
	return st;
}

static const char cmd_export_help[] =
	"Writes the entity's rows with the same columns 'tend import' reads, so an\n"
	"export can be edited and imported into another book.  --format json gives\n"
	"money as integer cents under KEY_cents.\n\n"
	"  --template     only the header row: a blank file to fill in\n"
	"  --all DIR      every entity of the book to DIR/ENTITY.csv, which 'tend import\n"
	"                 --all DIR' reads back into a book\n";

const struct command cmd_export_entry = {
	.name = "export",
	.args = "ENTITY [--template] | --all DIR",
	.summary = "write every row of an entity (CSV by default)",
	.help = cmd_export_help,
	.run = cmd_export,
};
