/*
 * prompt.h -- talking to the user on the status line and in overlays:
 * the `:` command line (history, completion), incremental `/` search, the
 * filter menu, and the `?` help generated from the keymap.
 */
#ifndef TEND_PROMPT_H
#define TEND_PROMPT_H

#include <stdbool.h>

struct ui;

enum prompt_result {
	PROMPT_REQUEST_NONE,
	PROMPT_REQUEST_REFILTER,   /* filters or search changed */
	PROMPT_REQUEST_RELOAD,     /* data should be read again */
	PROMPT_REQUEST_RECOMPUTE,
};

enum prompt_result prompt_command(struct ui *ui);
void prompt_search(struct ui *ui);
/* True when a filter changed. */
bool prompt_filter(struct ui *ui);
void prompt_clear_filter(struct ui *ui);
void prompt_help(struct ui *ui);
/* Apply a search text to the filter (runs the full-text query). */
void prompt_set_search(struct ui *ui, const char *text);

#endif
