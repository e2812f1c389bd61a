/*
 * ssh.h -- the service-account deployment (man tend, ROLES AND SHARED
 * BOOKS): tend as the forced command of each SSH key, in the manner of
 * gitolite.  The key's line in the tend account's authorized_keys reads
 *   command="tend --ssh-user LOGIN",restrict ssh-ed25519 AAAA... comment
 * so sshd runs exactly that whatever the client asked, and puts what the
 * client asked in $SSH_ORIGINAL_COMMAND.  tend takes its identity from
 * --ssh-user alone, runs the client's words as a tend command line, and
 * trusts nothing else the client sends.
 */
#ifndef TEND_SSH_H
#define TEND_SSH_H

#include "cli/cli.h"

/* Is this the forced command (argv[1] is --ssh-user)? */
bool ssh_forced(int argc, char **argv);
/* Take the forced command apart: set c->ssh_user from argv and build the
 * command line to run from $SSH_ORIGINAL_COMMAND (a leading "tend" word
 * dropped; none: the interface) into *out (argv[0] first, NULL-ended,
 * free with ssh_argv_free).  Refuses (ST_USAGE) more arguments after the
 * login, a bad login, and client words that would choose the book or the
 * identity: --db, --demo, --ssh-user.  Unsets $TEND_USER and $TEND_DB's
 * rivals from the client's side: only the account's own settings count. */
enum status ssh_argv(struct cli *c, int argc, char **argv, int *out_argc, char ***out);
void ssh_argv_free(char **argv);
/* The authorized_keys line for a public key (one line "TYPE BASE64
 * [COMMENT]") and login, into a malloc'd string; NULL when the key is not
 * of that shape. */
char *ssh_key_line(const char *login, const char *key);

#endif
