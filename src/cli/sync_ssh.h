/*
 * sync_ssh.h -- a team book over ssh for `tend sync` (cli/sync_ssh.c): the
 * client, a struct sync_remote over `ssh HOST tend sync serve`, and the
 * server loop `tend sync serve` runs.
 */
#ifndef TEND_SYNC_SSH_H
#define TEND_SYNC_SSH_H

#include <stdbool.h>
#include <stdio.h>

#include "core/err.h"

struct store;
struct sync_remote;
struct sync_ssh;

/* Is source an ssh://HOST[/PATH] address? */
bool sync_ssh_url(const char *source);
/* Start $TEND_SYNC_SSH (default ssh) HOST "tend --db PATH sync serve" (no
 * PATH: "sync serve", for the service account's forced command) and make
 * r speak to it.  Close with sync_ssh_close(). */
enum status sync_ssh_open(const char *url, struct sync_remote *r, struct sync_ssh **out, struct err *e);
void sync_ssh_close(struct sync_ssh *s);
/* Run `tend [--db PATH] ARGS...` on the host, its output ours; *code is
 * its exit status. */
enum status sync_ssh_run(const char *url, const char *const *args, int nargs, int *code,
			 struct err *e);
/* Answer requests on from with out until the client ends, as login. */
enum status sync_serve(struct store *team, const char *login, FILE *from, FILE *out, struct err *e);

#endif
