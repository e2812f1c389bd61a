/*
 * cmd_import.c -- `tend import`: a CSV file in, canonical or through a
 * mapping (man tend-import(5)); `--maps` lists the shipped mappings,
 * `--guess` proposes one for a file, `--all DIR` reads back what `tend
 * export --all DIR` wrote.  Importing itself, all or nothing, is
 * app/import.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/import.h"
#include "app/import_map.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "core/buf.h"
#include "core/file.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/wtx.h"

#define PROGRESS_MIN_BYTES (4 << 20)   /* smaller files are done before a bar helps */
#define GUESS_ROWS 20

struct import_opts {
	bool dry_run, skip_bad, maps;
	const char *map, *guess, *all, *encoding, *delimiter;
};

struct reject_file {
	FILE *fp;
	const char *path;
	int64_t n;
};

struct progress {
	bool on;
	int last;
};

/* What the import tells us as it goes: rejects and progress. */
struct import_ui {
	struct reject_file rej;
	struct progress prog;
};

static enum status
import_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	struct import_opts *o = ctx;

	(void)c;
	switch (opt) {
	case 'n': o->dry_run = true; break;
	case 'm': o->map = arg; break;
	case 'M': o->maps = true; break;
	case 'g': o->guess = arg; break;
	case 'a': o->all = arg; break;
	case 'e': o->encoding = arg; break;
	case 'd': o->delimiter = arg; break;
	case 'k': o->skip_bad = true; break;
	}
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

/* One CSV cell, quoted when it must be. */
static void
csv_cell(FILE *fp, const char *s, bool last)
{
	if (strpbrk(s, ",\"\r\n")) {
		fputc('"', fp);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', fp);
			fputc(*s, fp);
		}
		fputc('"', fp);
	} else {
		fputs(s, fp);
	}
	fputc(last ? '\n' : ',', fp);
}

static void
on_reject(void *ctx, const struct csv_record *rec, const char *why, bool header)
{
	struct reject_file *r = &((struct import_ui *)ctx)->rej;
	char line[32];

	if (!r->fp)
		return;
	if (!header)
		r->n++;
	snprintf(line, sizeof(line), "%ld", rec->first_line);
	csv_cell(r->fp, header ? "line" : line, false);
	csv_cell(r->fp, header ? "reason" : why, rec->n == 0);
	for (int i = 0; i < rec->n; i++)
		csv_cell(r->fp, rec->fields[i], i == rec->n - 1);
}

static void
on_progress(void *ctx, size_t done, size_t total)
{
	struct progress *p = &((struct import_ui *)ctx)->prog;
	int pct = total ? (int)(done * 100 / total) : 100;
	char bar[41];

	if (!p->on || pct == p->last)
		return;
	p->last = pct;
	memset(bar, '#', (size_t)pct * 40 / 100);
	memset(bar + pct * 40 / 100, ' ', 40 - (size_t)pct * 40 / 100);
	bar[40] = '\0';
	fprintf(stderr, "\rimporting [%s] %3d%%", bar, pct);
	if (pct == 100)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static void
print_samples(const struct import_result *res, bool dry)
{
	static const char *const what[IMP_NKINDS][2] = {
		{ "inserted", "to insert" }, { "updated", "to update" }, { "unchanged", "unchanged" },
		{ "rejected", "rejected" },
	};
	struct buf scratch;

	buf_init(&scratch);
	for (int k = 0; k < IMP_NKINDS; k++) {
		const struct buf *b = &res->counts.sample[k];
		const char *p = b->data;

		if (!res->counts.nsample[k])
			continue;
		printf("%s (first %d):\n", what[k][dry], res->counts.nsample[k]);
		/* The lines carry the file's text: never raw to a terminal. */
		while (p && *p) {
			const char *nl = strchr(p, '\n');
			char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));

			printf("%s\n", text_clean(&scratch, one));
			free(one);
			p = nl ? nl + 1 : p + strlen(p);
		}
	}
	buf_done(&scratch);
}

static void
print_counts(const char *file, const struct entity *ent, const struct import_result *res,
	     bool dry, const struct reject_file *rej)
{
	const int64_t *n = res->counts.n;
	int64_t rows = n[IMP_INSERTED] + n[IMP_UPDATED] + n[IMP_UNCHANGED];

	if (dry) {
		printf("%s: dry run, nothing was written: %lld to insert, %lld to update, %lld "
		       "unchanged, %lld rejected (%s)\n", file, (long long)n[IMP_INSERTED],
		       (long long)n[IMP_UPDATED], (long long)n[IMP_UNCHANGED],
		       (long long)n[IMP_REJECTED], ent->name);
		print_samples(res, true);
		return;
	}
	if (!n[IMP_INSERTED] && !n[IMP_UPDATED])
		printf("%s: nothing changed: %lld %s row%s, all already in the book\n", file,
		       (long long)rows, ent->name, rows == 1 ? "" : "s");
	else
		printf("%s: %lld inserted, %lld updated, %lld unchanged (%s)\n", file,
		       (long long)n[IMP_INSERTED], (long long)n[IMP_UPDATED],
		       (long long)n[IMP_UNCHANGED], ent->name);
	if (rej && rej->n)
		printf("%lld row%s rejected, written with the reasons to %s\n", (long long)rej->n,
		       rej->n == 1 ? "" : "s", rej->path);
}

/* -- --maps and --guess --------------------------------------------------- */

static enum status
list_maps(void)
{
	const char *names[64];
	size_t n = import_maps_shipped(names, 64);

	for (size_t i = 0; i < n; i++) {
		const struct embedded_file *f = embedded_find(names[i]);
		struct import_mapfile mf;
		struct err e = { ST_OK, "" };
		struct diag d;
		char name[128];

		snprintf(name, sizeof(name), "%s", names[i] + strlen("maps/"));
		name[strlen(name) - strlen(".yaml")] = '\0';
		diag_init(&d, names[i]);
		if (!import_map_parse(name, f->text, strlen(f->text), &mf, &d, &e))
			printf("%-25s %-12s %s\n", name, mf.map.ent->name, mf.map.description);
		import_map_done(&mf);
		diag_done(&d);
	}
	return ST_OK;
}

struct guess_ctx {
	struct csv_record header;
	struct csv_record *rows[GUESS_ROWS];
	int nrows;
};

static struct csv_record *
copy_record(const struct csv_record *r)
{
	struct csv_record *c = xcalloc(1, sizeof(*c));

	c->n = r->n;
	c->fields = xcalloc((size_t)r->n + 1, sizeof(char *));
	for (int i = 0; i < r->n; i++)
		c->fields[i] = xstrdup(r->fields[i]);
	return c;
}

static void
free_record(struct csv_record *r)
{
	for (int i = 0; r && i < r->n; i++)
		free(r->fields[i]);
	if (r)
		free(r->fields);
	free(r);
}

static int
guess_record(void *ctx, const struct csv_record *rec)
{
	struct guess_ctx *g = ctx;

	g->rows[g->nrows++] = copy_record(rec);
	return g->nrows == GUESS_ROWS;
}

/* Read a whole file, decoded to UTF-8, into out. */
static enum status
read_decoded(struct cli *c, const char *file, enum textenc enc, struct buf *out, struct diag *d)
{
	struct buf raw;
	const char *text;
	size_t len;
	int rc;

	buf_init(&raw);
	if ((rc = buf_read_file(&raw, file))) {
		buf_done(&raw);
		return err_set(c->err, rc == ENOENT || rc == EACCES || rc == EINVAL ? ST_NOINPUT : ST_IOERR,
			       "cannot open %s: %s", file, file_error(rc));
	}
	if (!textconv(raw.data ? raw.data : "", raw.len, enc, out, &text, &len, d)) {
		buf_done(&raw);
		return err_set(c->err, ST_DATA, "cannot read %s", file);
	}
	if (text == raw.data) {
		buf_done(out);
		*out = raw;
	} else {
		buf_done(&raw);
	}
	return ST_OK;
}

static enum status
guess(struct cli *c, const char *file, enum textenc enc, char delim)
{
	struct guess_ctx g = { .nrows = 0 };
	struct buf text, yaml;
	struct diag d;
	enum status st;

	buf_init(&text);
	diag_init(&d, file);
	if ((st = read_decoded(c, file, enc, &text, &d))) {
		print_problems(&d);
		diag_done(&d);
		buf_done(&text);
		return st;
	}
	if (!delim)
		delim = csv_sniff(text.data ? text.data : "", text.len);
	csv_read_mem(text.data ? text.data : "", text.len, delim, &d, guess_record, &g);
	buf_done(&text);
	if (!g.nrows) {
		diag_done(&d);
		return err_set(c->err, ST_DATA, "%s has no header row to guess from", file);
	}
	buf_init(&yaml);
	import_map_guess(g.rows[0], (const struct csv_record *const *)g.rows + 1, g.nrows - 1, delim,
			 &yaml);
	fputs(yaml.data, stdout);
	buf_done(&yaml);
	for (int i = 0; i < g.nrows; i++)
		free_record(g.rows[i]);
	diag_done(&d);
	return ST_OK;
}

/* -- --all ---------------------------------------------------------------- */

/* Every importable entity's DIR/NAME.csv, in the catalog's order (which
 * resolves every reference), in one action. */
static enum status
import_all(struct cli *c, struct store *s, const char *dir, const struct import_opts *o)
{
	struct wtx *t;
	enum status st;
	int files = 0;

	if ((st = wtx_begin(s, "import all", WTX_BULK, &t, c->err)))
		return st;
	wtx_audit_each(t);
	for (size_t i = 0; i < entity_catalog_count; i++) {
		const struct entity *ent = entity_catalog[i];
		struct import_input in = { .ent = ent };
		struct import_result res;
		char path[4096];
		struct diag d;

		if (!ent->import)
			continue;
		snprintf(path, sizeof(path), "%s/%s.csv", dir, ent->name);
		if (!(in.fp = file_open_regular(path)))
			continue;
		files++;
		diag_init(&d, path);
		st = import_csv_in(s, t, &in, &d, &res, c->err);
		fclose(in.fp);
		print_problems(&d);
		diag_done(&d);
		if (!st && !res.empty)
			printf("%s: %lld inserted, %lld updated, %lld unchanged (%s)\n", path,
			       (long long)res.counts.n[IMP_INSERTED], (long long)res.counts.n[IMP_UPDATED],
			       (long long)res.counts.n[IMP_UNCHANGED], ent->name);
		import_result_done(&res);
		if (st) {
			wtx_abort(t);
			return st;
		}
	}
	if (!files) {
		wtx_abort(t);
		return err_set(c->err, ST_NOINPUT, "%s holds no ENTITY.csv files (see 'tend export "
			       "--all')", dir);
	}
	if (o->dry_run) {
		wtx_abort(t);
		printf("dry run: nothing was written\n");
		return ST_OK;
	}
	return wtx_commit(t, c->err);
}

/* -- import --------------------------------------------------------------- */

static enum status
load_map(struct cli *c, const struct command *cmd, const char *spec, struct import_mapfile *mf)
{
	const struct embedded_file *f = import_map_shipped(spec);
	struct diag d;
	struct buf text;
	enum status st;
	int rc;

	diag_init(&d, f ? f->name : spec);
	if (f) {
		st = import_map_parse(spec, f->text, strlen(f->text), mf, &d, c->err);
	} else if (!strchr(spec, '/') && !strstr(spec, ".y")) {
		diag_done(&d);
		return cli_usage(c, cmd, "no shipped map '%s' (see 'tend import --maps'; a file "
				 "needs its path)", spec);
	} else {
		buf_init(&text);
		if ((rc = buf_read_file(&text, spec))) {
			buf_done(&text);
			diag_done(&d);
			return err_set(c->err, ST_NOINPUT, "cannot open %s: %s", spec, file_error(rc));
		}
		st = import_map_parse(spec, text.data ? text.data : "", text.len, mf, &d, c->err);
		buf_done(&text);
	}
	print_problems(&d);
	diag_done(&d);
	return st;
}

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

static enum status
parse_delim(struct cli *c, const struct command *cmd, const char *arg, char *out)
{
	if (!arg)
		return ST_OK;
	if (!strcmp(arg, "tab") || !strcmp(arg, "\\t") || !strcmp(arg, "\t"))
		*out = '\t';
	else if (strlen(arg) == 1 && strchr(",;|", arg[0]))
		*out = arg[0];
	else
		return cli_usage(c, cmd, "--delimiter: expected ',', ';', '|' or tab");
	return ST_OK;
}

static enum status
run_import(struct cli *c, const struct command *cmd, const struct import_opts *o,
	   struct import_input *in, const char *file)
{
	struct import_ui ui = { .prog = { .last = -1 } };
	struct reject_file *rej = &ui.rej;
	struct import_result res;
	char rpath[4096];
	struct store *s;
	struct diag d;
	enum status st;
	long size = -1;

	in->fp = strcmp(file, "-") ? file_open_regular(file) : stdin;
	if (!in->fp)
		return err_set(c->err, ST_NOINPUT, "cannot open %s: %s", file, file_error(errno));
	if (in->fp != stdin && !fseek(in->fp, 0, SEEK_END)) {
		size = ftell(in->fp);
		rewind(in->fp);
	}
	if (o->skip_bad && !o->dry_run) {
		const char *dot = strrchr(file, '.');
		int base = dot && !strchr(dot, '/') ? (int)(dot - file) : (int)strlen(file);

		if (in->fp == stdin) {
			st = cli_usage(c, cmd, "--skip-bad writes its rejects beside the file: "
				       "give a file, not standard input");
			goto out;
		}
		snprintf(rpath, sizeof(rpath), "%.*s.rejects.csv", base, file);
		rej->path = rpath;
		if (!(rej->fp = fopen(rpath, "w"))) {
			st = err_set(c->err, ST_CANTCREAT, "cannot write %s: %s", rpath, strerror(errno));
			goto out;
		}
	}
	in->skip_bad = o->skip_bad;
	in->on_reject = on_reject;
	ui.prog.on = isatty(STDERR_FILENO) && size >= PROGRESS_MIN_BYTES;
	if (ui.prog.on)
		in->progress = on_progress;
	in->ctx = &ui;
	if ((st = cli_store(c, true, &s)))
		goto out;
	diag_init(&d, strcmp(file, "-") ? file : "<stdin>");
	st = import_csv(s, in, &d, &res, c->err);
	if (d.n)
		print_problems(&d);
	if (!st)
		print_counts(d.file, in->ent, &res, o->dry_run, rej);
	else if (o->dry_run && res.counts.nsample[IMP_REJECTED])
		print_samples(&res, true);
	import_result_done(&res);
	diag_done(&d);
out:
	if (rej->fp) {
		fclose(rej->fp);
		if (!rej->n)
			remove(rpath);
	}
	if (in->fp != stdin)
		fclose(in->fp);
	return st;
}

static enum status
cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "map", required_argument, NULL, 'm' },
		{ "maps", no_argument, NULL, 'M' },
		{ "guess", required_argument, NULL, 'g' },
		{ "all", required_argument, NULL, 'a' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "skip-bad", no_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = cli_find("import");
	struct import_opts o = { 0 };
	struct import_input in = { 0 };
	struct import_mapfile mf = { 0 };
	struct store *s;
	enum status st;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "n", opts, import_opt, &o, &first) || first < 0)
		return c->err->status;
	if (o.encoding && !textenc_parse(o.encoding, &in.enc))
		return cli_usage(c, cmd, "--encoding: '%s' is not one of %s", o.encoding, textenc_names);
	if (parse_delim(c, cmd, o.delimiter, &in.delim))
		return c->err->status;
	in.dry_run = o.dry_run;
	if (o.maps)
		return argc - first ? cli_usage(c, cmd, "--maps takes no arguments") : list_maps();
	if (o.guess)
		return argc - first ? cli_usage(c, cmd, "--guess takes only its FILE") :
		       guess(c, o.guess, in.enc, in.delim);
	if (o.all) {
		if (argc - first)
			return cli_usage(c, cmd, "--all takes only its DIR");
		if (cli_store(c, true, &s))
			return c->err->status;
		return import_all(c, s, o.all, &o);
	}
	if (argc - first != 2)
		return cli_usage(c, cmd, "expected ENTITY and FILE");
	if (find_entity(c, cmd, argv[first], &in.ent))
		return c->err->status;
	if (!in.ent->import)
		return cli_usage(c, cmd, "%s cannot be imported", in.ent->name);
	if (!o.map)
		return run_import(c, cmd, &o, &in, argv[first + 1]);
	if (load_map(c, cmd, o.map, &mf)) {
		import_map_done(&mf);   /* a map read with problems holds its strings */
		return c->err->status;
	}
	if (mf.map.ent != in.ent) {
		st = cli_usage(c, cmd, "the map %s is for %s, not %s", o.map, mf.map.ent->name,
			       in.ent->name);
	} else {
		in.map = &mf.map;
		st = run_import(c, cmd, &o, &in, argv[first + 1]);
	}
	import_map_done(&mf);
	return st;
}

static const char cmd_import_help[] =
	"Reads FILE (- for standard input) and adds or updates one row per record, in\n"
	"one transaction: if any record is wrong, every problem is listed as\n"
	"FILE:LINE:COLUMN and nothing is written.  Rows already in the book are matched\n"
	"by their key (an account's external_id, a user's login, a ticket's external_id,\n"
	"a usage row's account and date, or id when the file has ids) and updated in\n"
	"the fields that changed, each change audited with its old and new values;\n"
	"importing the same file again changes nothing, and says so.\n\n"
	"Without --map the header names tend's columns: accounts by external id, users\n"
	"by login, contacts by email (within the row's account), plans, objectives,\n"
	"tasks and tickets by id; money is 12000.50, dates YYYY-MM-DD, lists a;b;c,\n"
	"booleans true or false; empty cells are empty values.  With --map, a mapping\n"
	"file (man tend-import(5)) says which column holds each field and how the\n"
	"export writes dates, money and values.\n\n"
	"  --map NAME|FILE   read FILE through a shipped mapping or a mapping file\n"
	"  --maps            list the shipped mappings\n"
	"  --guess FILE      write a proposed mapping for FILE's header to standard output\n"
	"  --dry-run         check the file and show what would change, but write nothing\n"
	"  --skip-bad        import the good rows; write the bad ones, with their reasons,\n"
	"                    to FILE.rejects.csv beside the input\n"
	"  --encoding ENC    utf-8 (default; a BOM is fine), utf-16 (by its BOM),\n"
	"                    utf-16le, utf-16be, latin-1 or windows-1252\n"
	"  --delimiter D     ',', ';', '|' or tab (default: guessed from the header)\n"
	"  --all DIR         import every ENTITY.csv that 'tend export --all DIR' wrote\n\n"
	"'tend help import' lists every entity and its columns.\n";

const struct command cmd_import_entry = {
	.name = "import",
	.args = "[--map NAME|FILE] ENTITY FILE.csv [--dry-run] [--skip-bad] | --maps | --guess FILE | --all DIR",
	.summary = "add or update rows from a CSV file; all or nothing",
	.help = cmd_import_help,
	.run = cmd_import,
};
