/*
 * cmd_io.c -- `tend import` and `tend export`: CSV in, CSV/JSON out, with
 * the canonical columns of each entity (store/entity.h).  Importing itself,
 * all or nothing, is app/import.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/import.h"
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

/* -- import ---------------------------------------------------------------- */

static enum status
import_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	(void)c;
	(void)arg;
	if (opt == 'n')
		*(bool *)ctx = true;
	return ST_OK;
}

static void
print_problems(const struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s\n", d->items[i].text);
	if (d->dropped)
		fprintf(stderr, "... and %zu more problems\n", d->dropped);
}

static enum status
cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("import");
	struct import_input in = { 0 };
	struct diag d;
	const char *file;
	struct store *s;
	int64_t rows;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "n", opts, import_opt, &in.dry_run, &first) || first < 0)
		return c->err->status;
	if (argc - first != 2)
		return cli_usage(c, cmd, "expected ENTITY and FILE");
	if (find_entity(c, cmd, argv[first], &in.ent))
		return c->err->status;
	if (!in.ent->import)
		return cli_usage(c, cmd, "%s cannot be imported", in.ent->name);
	file = argv[first + 1];
	in.fp = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	if (!in.fp)
		return err_set(c->err, ST_NOINPUT, "cannot open %s: %s", file, strerror(errno));
	if (cli_store(c, true, &s)) {
		if (in.fp != stdin)
			fclose(in.fp);
		return c->err->status;
	}
	diag_init(&d, strcmp(file, "-") ? file : "<stdin>");
	st = import_csv(s, &in, &d, &rows, c->err);
	if (in.fp != stdin)
		fclose(in.fp);
	if (d.n)
		print_problems(&d);
	else if (!st && in.dry_run)
		printf("%s: %lld %s row%s are valid (dry run: nothing was written)\n", d.file,
		       (long long)rows, in.ent->name, rows == 1 ? "" : "s");
	else if (!st)
		printf("imported %lld %s row%s from %s\n", (long long)rows, in.ent->name,
		       rows == 1 ? "" : "s", d.file);
	diag_done(&d);
	return st;
}

static const char cmd_import_help[] =
	"Reads FILE (- for standard input) with a header row of canonical column names\n"
	"and adds one row per record, in one transaction: if any record is wrong,\n"
	"every problem is listed as FILE:LINE:COLUMN and nothing is written.\n"
	"Accounts are referenced by external id, users by login, contacts by email\n"
	"(within the row's account), plans, objectives, tasks and tickets by id.  Money\n"
	"is in major units (12000.50), dates are YYYY-MM-DD, lists are separated by ';',\n"
	"booleans are true or false.  Empty cells are empty values.\n\n"
	"  --dry-run      check the file and report, but write nothing\n\n"
	"'tend help import' lists every entity and its columns.\n";

const struct command cmd_import_entry = {
	.name = "import",
	.args = "ENTITY FILE.csv [--dry-run]",
	.summary = "add rows from a CSV file; all or nothing",
	.help = cmd_import_help,
	.run = cmd_import,
};

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

static enum status
export_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	(void)c;
	(void)arg;
	if (opt == 't')
		*(bool *)ctx = true;
	return ST_OK;
}

static enum status
cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "template", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("export");
	struct out_col cols[ENTITY_MAX_FIELDS];
	const struct entity *ent;
	bool template = false;
	struct store *s;
	struct out o;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", opts, export_opt, &template, &first) || first < 0)
		return c->err->status;
	if (argc - first != 1)
		return cli_usage(c, cmd, "expected one ENTITY");
	if (find_entity(c, cmd, argv[first], &ent))
		return c->err->status;
	for (int i = 0; i < ent->nfields; i++)
		cols[i] = (struct out_col){ ent->fields[i].name, NULL, col_type_of(&ent->fields[i]) };
	if (template) {
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
	"  --template     only the header row: a blank file to fill in\n";

const struct command cmd_export_entry = {
	.name = "export",
	.args = "ENTITY [--template]",
	.summary = "write every row of an entity (CSV by default)",
	.help = cmd_export_help,
	.run = cmd_export,
};
