/*
 * scorecard_set.c -- finding and loading the scorecards in force.
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
#include "app/scorecard_set.h"
#include "store/health.h"

/* "default" -> playbooks/scorecard.yaml, "handbook" -> playbooks/scorecard-handbook.yaml */
static const struct embedded_file *
shipped(const char *name)
{
	char path[128];

	if (!strcmp(name, "default"))
		return embedded_find("playbooks/scorecard.yaml");
	snprintf(path, sizeof(path), "playbooks/scorecard-%s.yaml", name);
	return embedded_find(path);
}

struct scorecard *
scorecard_load_file(const char *name, struct diag *d, struct err *e)
{
	const struct embedded_file *f = strchr(name, '/') || strstr(name, ".yaml") ? NULL : shipped(name);
	struct scorecard *sc;
	struct buf text;
	int errnum;

	if (f)
		return scorecard_parse(f->name, f->text, strlen(f->text), d);
	buf_init(&text);
	if ((errnum = buf_read_file(&text, name))) {
		err_set(e, errnum == EIO ? ST_IOERR : ST_NOINPUT, "cannot read scorecard %s: %s", name,
			file_error(errnum));
		buf_done(&text);
		return NULL;
	}
	sc = scorecard_parse(name, text.data, text.len, d);
	buf_done(&text);
	return sc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* *.yaml files of the config scorecards directory, sorted; NULL-ended. */
static char **
config_files(void)
{
	char *cfg = paths_config_file(), *dir, **list = NULL;
	size_t n = 0;
	struct dirent *de;
	DIR *dp;

	dir = xasprintf("%.*s/scorecards", (int)(strrchr(cfg, '/') - cfg), cfg);
	free(cfg);
	if ((dp = opendir(dir))) {
		while ((de = readdir(dp))) {
			size_t len = strlen(de->d_name);

			if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") || de->d_name[0] == '.')
				continue;
			list = xreallocarray(list, n + 2, sizeof(*list));
			list[n++] = xasprintf("%s/%s", dir, de->d_name);
		}
		closedir(dp);
	}
	free(dir);
	if (list) {
		qsort(list, n, sizeof(*list), cmp_str);
		list[n] = NULL;
	}
	return list;
}

static enum status
add(struct scorecard_set *set, const char *name, struct err *e,
    void (*report)(void *, const struct diag *), void *ctx)
{
	struct diag d;
	struct scorecard *sc;

	diag_init(&d, name);
	sc = scorecard_load_file(name, &d, e);
	if (!sc) {
		if (d.n) {
			if (report)
				report(ctx, &d);
			err_set(e, ST_DATA, "scorecard %s has %zu problem%s; nothing was scored", name,
				d.n, d.n == 1 ? "" : "s");
		}
		diag_done(&d);
		return e->status ? e->status : ST_DATA;
	}
	diag_done(&d);
	for (int i = 0; i < set->n; i++)
		if (!strcmp(set->sc[i]->name, sc->name)) {
			err_set(e, ST_DATA, "two scorecards are named '%s' (%s and %s)", sc->name,
				set->sc[i]->file, sc->file);
			scorecard_free(sc);
			return ST_DATA;
		}
	if (set->n == SC_SET_MAX) {
		scorecard_free(sc);
		return err_set(e, ST_DATA, "at most %d scorecards at once", SC_SET_MAX);
	}
	set->sc[set->n++] = sc;
	return ST_OK;
}

enum status
scorecard_set_load(struct scorecard_set *set, const char *const *files, int nfiles,
		   const char *config_name, struct err *e,
		   void (*report)(void *, const struct diag *), void *ctx)
{
	char **list;
	enum status st = ST_OK;

	memset(set, 0, sizeof(*set));
	if (nfiles) {
		set->source = "--scorecard";
		for (int i = 0; i < nfiles && !st; i++)
			st = add(set, files[i], e, report, ctx);
	} else if ((list = config_files())) {
		set->source = "config directory";
		for (int i = 0; list[i]; i++) {
			if (!st)
				st = add(set, list[i], e, report, ctx);
			free(list[i]);
		}
		free(list);
	} else {
		const char *name = config_name ? config_name : "default";

		set->source = "shipped";
		if (!strchr(name, '/') && !shipped(name))
			return err_set(e, ST_CONFIG, "no shipped scorecard '%s' (default, handbook or practical)",
				       name);
		st = add(set, name, e, report, ctx);
	}
	if (st)
		scorecard_set_free(set);
	return st;
}

enum status
scorecard_set_calibrate(struct scorecard_set *set, struct store *s, struct err *e)
{
	for (int i = 0; i < set->n; i++)
		if (store_calibrations_load(s, set->sc[i], e))
			return e->status;
	return ST_OK;
}

void
scorecard_set_free(struct scorecard_set *set)
{
	for (int i = 0; i < set->n; i++)
		scorecard_free(set->sc[i]);
	set->n = 0;
}

struct scorecard *
scorecard_for(const struct scorecard_set *set, const char *segment)
{
	for (int i = 0; i < set->n; i++)
		if (scorecard_applies(set->sc[i], segment))
			return set->sc[i];
	return NULL;
}
