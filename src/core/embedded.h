/*
 * embedded.h -- files compiled into the binary: the default scorecards and
 * playbooks, so tend works from the build tree and without its data
 * directory.  Installed copies under $(datadir)/tend are for reading and
 * copying; the embedded ones are what runs.
 */
#ifndef TEND_EMBEDDED_H
#define TEND_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;     /* path in the source tree: "playbooks/scorecard.yaml" */
	const char *text;
};

extern const struct embedded_file embedded_files[];
extern const size_t embedded_file_count;

/* The embedded file with this name, or NULL. */
const struct embedded_file *embedded_find(const char *name);

#endif
