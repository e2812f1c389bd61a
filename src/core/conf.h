/*
 * conf.h -- the user's configuration file and the XDG locations.
 *
 * $XDG_CONFIG_HOME/tend/config.yaml is a flat YAML mapping.  One table lists
 * every key with its parser and help, and drives both loading and
 * `tend config`.  A bad file never stops tend: each problem is reported as
 * file:line:column and the default is kept for that key.
 */
#ifndef TEND_CONF_H
#define TEND_CONF_H

#include <stddef.h>

#include "core/diag.h"

#define CONF_VERSION 1

/* The roles outside the book whom `notify:` maps to people: "support",
 * "marketing", NULL-ended, in the order of struct conf's notify. */
extern const char *const conf_notify_roles[];
#define CONF_NOTIFY_ROLES 2

/* Whom one of those roles reaches: logins of users of the book or e-mail
 * addresses, in the file's order, each once. */
struct conf_notify {
	char **to;
	size_t n;
};

struct conf {
	int config_version;     /* format version of the file, for later upgrades */
	char *db;               /* path of the book */
	char *theme;            /* theme name (themes/NAME.yaml) */
	char *default_view;     /* pane the TUI opens on */
	char *scorecard;        /* shipped scorecard name or a file path */
	char *week_start;       /* the calendar's first weekday: conf_week_starts */
	char *renewal_cadence;  /* "120,90,60,30" (checked where it is used) */
	/* The team dashboard's targets in percent and how many days each
	 * lifecycle stage (land, onboard, adopt, expand, renew) may last;
	 * 0: not set, the dashboard's default applies (app/team.h). */
	int target_nrr, target_grr, target_gross_renewal_rate, target_net_renewal_rate,
		target_on_time_renewal_rate;
	int stuck_days[5];
	struct conf_notify notify[CONF_NOTIFY_ROLES];   /* by conf_notify_roles */
	char *notify_text;      /* the same on one line, for `tend config`:
				   "support: sam, mia@example.com; marketing: ..." */
	char *source;           /* the file loaded, NULL if none */
	/* The panes default_view may name (NULL-ended), set by whoever knows
	 * them (the interface's registry) before conf_load; NULL: any. */
	const char *const *views;
};

struct conf_key {
	const char *name;
	const char *help;
	const char *const *choices;                 /* NULL = any text */
	size_t offset;                              /* of the char * or int in struct conf */
	char is_int;
	char is_block;   /* a mapping another module reads (keys: the interface's keymap) */
	char is_view;    /* one of struct conf's views (default_view) */
	char is_notify;  /* the notify: mapping, read here; offset is notify_text's */
};

/* week_start's values, NULL-ended. */
extern const char *const conf_week_starts[];

extern const struct conf_key conf_keys[];
extern const size_t conf_key_count;

void conf_init(struct conf *c);
void conf_done(struct conf *c);
/* Load path into c.  A missing file is not an error.  Problems go to d.
 * Returns 0, or -1 when the file exists but could not be read. */
int conf_load(struct conf *c, const char *path, struct diag *d);
/* Value of a key as text (for `tend config`); NULL when unset. */
const char *conf_get(const struct conf *c, const struct conf_key *k, char *tmp, size_t size);

/* XDG locations; each returns a malloc'd path. */
char *paths_data_dir(void);      /* $XDG_DATA_HOME/tend or ~/.local/share/tend */
char *paths_config_file(void);   /* $XDG_CONFIG_HOME/tend/config.yaml or ~/.config/... */
/* The OS login, or $TEND_USER when set. */
char *paths_login(void);
/* The OS login of the effective user id alone (getpwuid(geteuid())). */
char *paths_os_login(void);

#endif
