/*
 * cmd_user.c -- `tend user add|list|set|remove`: who may use the book, and
 * with which role (app/user.h; roles are enforced by the write path,
 * store/wtx_perm.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/user.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "cli/ssh.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/store.h"
#include "store/users.h"

static const struct option user_options[] = {
	{ "role", required_argument, NULL, 'r' },
	{ "team", required_argument, NULL, 't' },
	{ "name", required_argument, NULL, 'n' },
	{ "email", required_argument, NULL, 'e' },
	{ "active", required_argument, NULL, 'a' },
	{ NULL, 0, NULL, 0 },
};

static enum status
user_opt(struct cli *c, int opt, const char *arg, void *ctx)
{
	static const char *const bools[] = { "false", "true", NULL };
	struct user_in *in = ctx;

	switch (opt) {
	case 'r': in->role = arg; return cli_choice(c, "role", arg, role_names);
	case 't': in->team = arg; return ST_OK;
	case 'n': in->name = arg; return ST_OK;
	case 'e': in->email = arg; return ST_OK;
	case 'a':
		if (cli_choice(c, "active", arg, bools))
			return c->err->status;
		in->active = !strcmp(arg, "true");
		return ST_OK;
	}
	return ST_SOFTWARE;
}

/* "LOGIN (ROLE, team T)" after a change, read back from the book. */
static int
print_user(void *ctx, const struct user_row *u)
{
	(void)ctx;
	out_text(stdout, u->login, false);
	printf(" (%s", u->role);
	if (u->team) {
		printf(", team ");
		out_text(stdout, u->team, false);
	}
	printf(")\n");
	return 0;
}

static enum status
said(struct cli *c, struct store *s, const char *what, const char *login)
{
	bool found;

	printf("%s ", what);
	return store_user_get(s, login, &found, print_user, NULL, c->err);
}

static enum status
one_login(struct cli *c, const char *sub, int n)
{
	if (n != 1)
		return cli_usage(c, cli_find("user"), "user %s takes one LOGIN", sub);
	return ST_OK;
}

static enum status
user_add_cmd(struct cli *c, struct store *s, struct user_in *in, int n, char **args)
{
	if (one_login(c, "add", n))
		return c->err->status;
	in->login = args[0];
	if (in->active >= 0)
		return cli_usage(c, cli_find("user"), "--active is for user set");
	if (user_add(s, in, c->err))
		return cli_option_error(c, user_options);
	return said(c, s, "added", in->login);
}

static enum status
user_set_cmd(struct cli *c, struct store *s, struct user_in *in, int n, char **args)
{
	if (one_login(c, "set", n))
		return c->err->status;
	in->login = args[0];
	if (user_set(s, in, c->err))
		return cli_option_error(c, user_options);
	return said(c, s, "changed", in->login);
}

static enum status
user_remove_cmd(struct cli *c, struct store *s, struct user_in *in, int n, char **args)
{
	if (one_login(c, "remove", n))
		return c->err->status;
	if (in->role || in->team || in->name || in->email || in->active >= 0)
		return cli_usage(c, cli_find("user"), "user remove takes only a LOGIN");
	if (user_remove(s, args[0], c->err))
		return c->err->status;
	printf("removed ");
	out_text(stdout, args[0], false);
	printf(": inactive, kept in the book's history; give their accounts to others with "
	       "'tend account set ACCOUNT --owner LOGIN'\n");
	return ST_OK;
}

/* The first line of path, into a malloc'd string (NULL: unreadable). */
static char *
first_line(const char *path)
{
	char line[16384];
	FILE *fp = fopen(path, "r");
	bool ok;

	if (!fp)
		return NULL;
	ok = fgets(line, sizeof(line), fp) != NULL;
	fclose(fp);
	return ok ? xstrdup(line) : NULL;
}

/* Is line (without its newline) in the file already? */
static bool
has_line(const char *path, const char *want)
{
	char line[16384];
	FILE *fp = fopen(path, "r");
	bool found = false;

	if (!fp)
		return false;
	while (!found && fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\n")] = '\0';
		found = !strcmp(line, want);
	}
	fclose(fp);
	return found;
}

/* Append line to ~/.ssh/authorized_keys, made 0700/0600 when new. */
static enum status
append_key(struct cli *c, const char *line, char **where, bool *added)
{
	const char *home = getenv("HOME");
	char *dir;
	int fd;

	if (!home || !*home)
		return err_set(c->err, ST_CONFIG, "HOME is not set: where is ~/.ssh?");
	dir = xasprintf("%s/.ssh", home);
	if (mkdir(dir, 0700) && errno != EEXIST) {
		err_set(c->err, ST_CANTCREAT, "cannot create %s: %s", dir, strerror(errno));
		free(dir);
		return c->err->status;
	}
	*where = xasprintf("%s/authorized_keys", dir);
	free(dir);
	if ((*added = !has_line(*where, line)) == false)
		return ST_OK;
	fd = open(*where, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || dprintf(fd, "%s\n", line) < 0) {
		err_set(c->err, ST_CANTCREAT, "cannot write %s: %s", *where, strerror(errno));
		if (fd >= 0)
			close(fd);
		return c->err->status;
	}
	close(fd);
	return ST_OK;
}

static enum status
user_add_key_cmd(struct cli *c, struct store *s, struct user_in *in, int n, char **args)
{
	char *key, *line, *where = NULL;
	bool found, added = false;
	enum status st;

	if (n != 2 || in->role || in->team || in->name || in->email || in->active >= 0)
		return cli_usage(c, cli_find("user"), "user add-key takes a LOGIN and a public key FILE");
	if (c->ssh_user)
		return err_set(c->err, ST_NOPERM, "user add-key: not over SSH; the service account "
			       "adds keys on the server");
	if (store_read_only(s))
		return err_set(c->err, ST_NOPERM, "cannot add a key: the book is open read-only");
	if (store_user_get(s, args[0], &found, NULL, NULL, c->err))
		return c->err->status;
	if (!found)
		return err_set(c->err, ST_NOINPUT, "no user '%s' in this book: add them first with "
			       "'tend user add %s --role ROLE'", args[0], args[0]);
	if (!(key = first_line(args[1])))
		return err_set(c->err, ST_NOINPUT, "cannot read %s", args[1]);
	line = ssh_key_line(args[0], key);
	free(key);
	if (!line)
		return err_set(c->err, ST_DATA, "%s: not an SSH public key line (TYPE BASE64 [COMMENT])",
			       args[1]);
	if ((st = append_key(c, line, &where, &added)) == ST_OK) {
		printf("%s ", added ? "added a key for" : "the key is already there for");
		out_text(stdout, args[0], false);
		printf(" to ");
		out_text(stdout, where, false);
		printf(":\n");
		out_text(stdout, line, false);
		printf("\n");
	}
	free(line);
	free(where);
	return st;
}

static const struct out_col user_cols[] = {
	{ "login", "LOGIN", COL_TEXT },
	{ "name", "NAME", COL_FREETEXT },
	{ "role", "ROLE", COL_TEXT },
	{ "team", "TEAM", COL_TEXT },
	{ "active", "ACTIVE", COL_BOOL },
	{ "accounts", "ACCOUNTS", COL_INT },
	{ "email", "EMAIL", COL_TEXT },
};
#define N_USER_COLS ((int)(sizeof(user_cols) / sizeof(user_cols[0])))
#define TEXTV(s) ((s) ? (struct value){ V_TEXT, 0, 0, (s) } : (struct value){ V_NULL, 0, 0, NULL })

static int
user_row_out(void *ctx, const struct user_rec *u)
{
	struct value v[N_USER_COLS] = {
		TEXTV(u->login), TEXTV(u->name), TEXTV(u->role), TEXTV(u->team),
		{ V_INT, u->active, 0, NULL }, { V_INT, u->accounts, 0, NULL }, TEXTV(u->email),
	};

	out_row(ctx, v);
	return 0;
}

static enum status
user_list_cmd(struct cli *c, struct store *s, struct user_in *in, int n, char **args)
{
	struct out out;
	enum status st;

	(void)args;
	if (n || in->role || in->team || in->name || in->email || in->active >= 0)
		return cli_usage(c, cli_find("user"), "user list takes no arguments");
	out_begin(&out, stdout, cli_format(c, OUT_TABLE), user_cols, N_USER_COLS);
	st = store_users_each(s, user_row_out, &out, c->err);
	out_end(&out);
	return st;
}

static enum status
cmd_user(struct cli *c, int argc, char **argv)
{
	static const struct {
		const char *name;
		enum status (*run)(struct cli *, struct store *, struct user_in *, int, char **);
	} subs[] = {
		{ "add", user_add_cmd }, { "list", user_list_cmd },
		{ "set", user_set_cmd }, { "remove", user_remove_cmd },
		{ "add-key", user_add_key_cmd },
	};
	const struct command *cmd = cli_find("user");
	struct user_in in = { .active = -1 };
	struct store *s;
	const char *sub;
	int first;

	if (cli_getopt(c, cmd, argc, argv, "", user_options, user_opt, &in, &first) || first < 0)
		return c->err->status;
	if (first >= argc)
		return cli_usage(c, cmd, "expected add, list, set, remove or add-key");
	sub = argv[first++];
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		if (strcmp(sub, subs[i].name))
			continue;
		if (cli_store(c, false, &s))
			return c->err->status;
		return subs[i].run(c, s, &in, argc - first, argv + first);
	}
	return cli_usage(c, cmd, "'%s' is not add, list, set, remove or add-key", sub);
}

static const char cmd_user_help[] =
	"tend user add LOGIN [--role csm|lead|admin|viewer] [--team TEAM] [--name N]\n"
	"                    [--email E]\n"
	"  Lets LOGIN (an OS login, or the name an SSH key's forced command gives)\n"
	"  use the book with that role (default csm); the team is created if new.\n"
	"tend user set LOGIN [--role R] [--team T] [--name N] [--email E]\n"
	"                    [--active true|false]\n"
	"  Changes a user; --team '' takes them out of their team.\n"
	"tend user remove LOGIN\n"
	"  Takes their access away: they stay in the book, inactive, so their\n"
	"  accounts, tasks and the audit log keep naming them.\n"
	"tend user list\n"
	"  Every user with role, team, whether active and the accounts they own.\n"
	"tend user add-key LOGIN FILE\n"
	"  On the service account (man tend, ROLES AND SHARED BOOKS): adds the\n"
	"  public key in FILE to ~/.ssh/authorized_keys with the forced command\n"
	"  command=\"tend --ssh-user LOGIN\",restrict; a key already there is\n"
	"  left as it is.\n\n"
	"Only an admin (or the owner of the book's file) adds, changes or removes\n"
	"users.  Roles: a csm writes the accounts they own and pooled ones; a lead\n"
	"writes their team's accounts and reassigns them; an admin writes\n"
	"everything, users and teams included; a viewer only reads.\n";

const struct command cmd_user_entry = {
	.name = "user",
	.args = "add LOGIN --role R --team T | list | set LOGIN | remove LOGIN | add-key LOGIN FILE",
	.summary = "manage who may use the book, and their roles",
	.help = cmd_user_help,
	.run = cmd_user,
};
