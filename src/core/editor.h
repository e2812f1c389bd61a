/*
 * editor.h -- handing text to the user's editor, the way `git commit` does.
 *
 * The text goes into a new temporary file (mode 0600, in $TMPDIR or /tmp,
 * named for what it holds), $VISUAL, else $EDITOR, else vi runs on it
 * through the shell (so "code --wait" works), and what it saved comes
 * back; the file is removed whatever happens.  While the editor runs tend
 * ignores SIGINT and SIGQUIT, which are the editor's.  The interface hands
 * over the terminal before (ui/term.h) and takes it back after; the
 * caller checks the text and saves it in one transaction.
 */
#ifndef TEND_EDITOR_H
#define TEND_EDITOR_H

#include "core/err.h"

/* Edit text (NULL: empty) in a file called tend-NAME-XXXXXX.md; on
 * success *out is what the editor left (malloc'ed).  ST_OSERR when the
 * file or the editor cannot be made to work, ST_DATA when the editor
 * failed (nothing is changed then). */
enum status editor_edit(const char *text, const char *name, char **out, struct err *e);
/* The editor command editor_edit runs. */
const char *editor_command(void);

#endif
