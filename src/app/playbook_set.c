/*
 * playbook_set.c -- finding and loading the playbooks in force (see
 * playbook_set.h): the shipped files compiled into the binary, then the
 * config directory's, whose rules and templates replace shipped ones of
 * the same id; or --playbooks DIR alone.
 *
 * Every file is parsed into one set with its own diag, then template
 * references are resolved across the set (playbook_int.h), and only then
 * are the files with problems reported, each once with all its problems.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/embedded.h"
#include "core/xalloc.h"
#include "domain/playbook.h"
#include "domain/playbook_int.h"
#include "app/pba.h"
#include "app/playbook_set.h"

/* Shipped playbooks: embedded files named like this. */

/* One file of a load and its problems. */
struct file_diag {
	char *name;
	struct diag d;
	size_t problems;
};

struct loading {
	struct pb_load l;
	struct file_diag **files;    /* separately allocated: refs keep &files[i]->d */
	size_t n;
	void (*report)(void *ctx, const struct diag *d);
	void *ctx;
};

static void
loading_init(struct loading *lo, struct playbook_set *set,
	     void (*report)(void *, const struct diag *), void *ctx)
{
	memset(lo, 0, sizeof(*lo));
	pb_load_init(&lo->l, set, pb_actions);
	lo->report = report;
	lo->ctx = ctx;
}

static void
load_text(struct loading *lo, const char *name, const char *text, size_t len, bool override)
{
	struct file_diag *f = xcalloc(1, sizeof(*f));

	f->name = xstrdup(name);
	diag_init(&f->d, f->name);
	lo->files = xreallocarray(lo->files, lo->n + 1, sizeof(*lo->files));
	lo->files[lo->n++] = f;
	pb_load_file(&lo->l, text, len, &f->d, override, &f->problems);
}

static enum status
load_path(struct loading *lo, const char *path, bool override, struct err *e)
{
	struct buf text;
	int errnum;

	buf_init(&text);
	if ((errnum = buf_read_file(&text, path))) {
		buf_done(&text);
		return err_set(e, errnum == EIO ? ST_IOERR : ST_NOINPUT,
			       "cannot read playbook %s: %s", path, file_error(errnum));
	}
	load_text(lo, path, text.data ? text.data : "", text.len, override);
	buf_done(&text);
	return ST_OK;
}

/* Resolve templates, report each file with problems; the total. */
static size_t
loading_finish(struct loading *lo)
{
	size_t total = 0;

	pb_load_resolve(&lo->l);
	for (size_t i = 0; i < lo->n; i++) {
		struct file_diag *f = lo->files[i];

		if (f->problems && lo->report)
			lo->report(lo->ctx, &f->d);
		total += f->problems;
		diag_done(&f->d);
		free(f->name);
		free(f);
	}
	free(lo->files);
	pb_load_done(&lo->l);
	return total;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml files of dir, sorted by name, NULL-ended; NULL with errno
 * set when dir cannot be opened. */
static char **
yaml_files(const char *dir)
{
	char **list = xcalloc(1, sizeof(*list));
	struct dirent *de;
	size_t n = 0;
	DIR *dp;

	if (!(dp = opendir(dir))) {
		int saved = errno;

		free(list);
		errno = saved;
		return NULL;
	}
	while ((de = readdir(dp))) {
		size_t len = strlen(de->d_name);

		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") || de->d_name[0] == '.')
			continue;
		list = xreallocarray(list, n + 2, sizeof(*list));
		list[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(dp);
	list[n] = NULL;
	qsort(list, n, sizeof(*list), cmp_str);
	return list;
}

static void
free_list(char **list)
{
	for (size_t i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
}

/* $XDG_CONFIG_HOME/tend/playbooks (beside config.yaml). */
static char *
config_dir(void)
{
	char *cfg = paths_config_file(), *dir;

	dir = xasprintf("%.*s/playbooks", (int)(strrchr(cfg, '/') - cfg), cfg);
	free(cfg);
	return dir;
}

static enum status
load_dir(struct loading *lo, const char *dir, struct err *e)
{
	char **list = yaml_files(dir);
	enum status st = ST_OK;

	if (!list)
		return err_set(e, ST_NOINPUT, "cannot open playbook directory %s: %s", dir,
			       strerror(errno));
	if (!list[0])
		st = err_set(e, ST_NOINPUT, "no playbooks (*.yaml files) in %s", dir);
	for (size_t i = 0; !st && list[i]; i++)
		st = load_path(lo, list[i], false, e);
	free_list(list);
	return st;
}

static void
load_shipped(struct loading *lo)
{
	for (size_t i = 0; i < embedded_file_count; i++)
		if (pb_shipped(embedded_files[i].name))
			load_text(lo, embedded_files[i].name, embedded_files[i].text,
				  strlen(embedded_files[i].text), false);
}

static enum status
load_default(struct loading *lo, struct err *e)
{
	struct playbook_set *set = lo->l.set;
	char *dir = config_dir(), **list;
	enum status st = ST_OK;

	load_shipped(lo);
	set->source = "shipped";
	if (!(list = yaml_files(dir))) {
		if (errno != ENOENT && errno != ENOTDIR)
			st = err_set(e, ST_NOINPUT, "cannot open playbook directory %s: %s", dir,
				     strerror(errno));
		free(dir);
		return st;
	}
	if (list[0])
		set->source = "shipped + config directory";
	for (size_t i = 0; !st && list[i]; i++)
		st = load_path(lo, list[i], true, e);
	free_list(list);
	free(dir);
	return st;
}

enum status
playbook_set_load(struct playbook_set *set, const char *dir, struct err *e,
		  void (*report)(void *ctx, const struct diag *d), void *ctx)
{
	struct loading lo;
	enum status st;
	size_t bad;

	loading_init(&lo, set, report, ctx);
	if (dir) {
		struct buf b;

		buf_init(&b);
		buf_addf(&b, "--playbooks %s", dir);
		set->source = pool_strdup(&set->pool, b.data);
		buf_done(&b);
		st = load_dir(&lo, dir, e);
	} else {
		st = load_default(&lo, e);
	}
	bad = loading_finish(&lo);
	if (st)
		return st;
	if (bad)
		return err_set(e, ST_DATA, "%zu problem%s in the playbooks (%s)", bad,
			       bad == 1 ? "" : "s", set->source);
	return ST_OK;
}

size_t
playbook_check_files(const char *const *files, int nfiles, struct err *e,
		     void (*report)(void *ctx, const struct diag *d), void *ctx)
{
	struct playbook_set set;
	struct loading lo;
	struct err first = { .status = ST_OK };
	size_t bad;

	playbook_set_init(&set);
	loading_init(&lo, &set, report, ctx);
	/* Checked as they would run: beside the shipped playbooks, whose
	 * templates they may use and whose rules they may replace. */
	load_shipped(&lo);
	/* An unreadable file does not stop the others from being checked;
	 * the first such error is the one returned. */
	for (int i = 0; i < nfiles; i++) {
		struct err one = { .status = ST_OK };

		if (load_path(&lo, files[i], true, &one) && !first.status)
			first = one;
	}
	bad = loading_finish(&lo);
	playbook_set_free(&set);
	if (first.status)
		*e = first;
	return bad;
}
