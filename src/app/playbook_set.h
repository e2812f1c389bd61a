/*
 * playbook_set.h -- the playbooks in force: finding their files (shipped,
 * the config directory, --playbooks DIR) and loading them into one set
 * (domain/playbook.h parses each file).  File discovery and reading is
 * I/O, so it lives here and not in domain/.
 */
#ifndef TEND_PLAYBOOK_SET_H
#define TEND_PLAYBOOK_SET_H

#include <stddef.h>

#include "core/diag.h"
#include "core/err.h"
#include "domain/playbook.h"

/*
 * Load the set in force: with dir (--playbooks DIR) every *.yaml in it,
 * in name order, alone; else the shipped playbooks (embedded, playbooks/
 * pb-*.yaml) then every *.yaml of $XDG_CONFIG_HOME/tend/playbooks/, whose
 * rules override shipped ones of the same id.  report is called once per
 * file that has problems; any problem fails the load with ST_DATA.
 */
enum status playbook_set_load(struct playbook_set *set, const char *dir, struct err *e,
			      void (*report)(void *ctx, const struct diag *d), void *ctx);

/* Check files on their own (`tend playbook check FILE...`): as one set, so
 * duplicate ids across them are found.  Returns the number of problems. */
size_t playbook_check_files(const char *const *files, int nfiles, struct err *e,
			    void (*report)(void *ctx, const struct diag *d), void *ctx);

#endif
