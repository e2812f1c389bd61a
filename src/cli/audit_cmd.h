/*
 * audit_cmd.h -- what the audit commands share (cmd_audit*.c, cmd_check.c,
 * cli.c).
 */
#ifndef TEND_CLI_AUDIT_CMD_H
#define TEND_CLI_AUDIT_CMD_H

#include <stdio.h>

#include "cli/cli.h"
#include "store/audit.h"

/* Print what a check found to fp; ST_DATA in e when the chain is broken. */
enum status audit_report(FILE *fp, const struct audit_verdict *v, struct err *e);
/* The cheap check on open: one warning line on stderr when it fails. */
void audit_warn_on_open(struct store *s, const char *path);
/* `tend audit`: the list, or verify (cmd_audit_list.c). */
enum status cmd_audit_run(struct cli *c, int argc, char **argv);
/* `tend audit verify`. */
enum status cmd_audit_verify(struct cli *c, struct store *s);

#endif
