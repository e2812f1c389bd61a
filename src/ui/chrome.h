/*
 * chrome.h -- the header and the tab line (see chrome.c).
 */
#ifndef TEND_UI_CHROME_H
#define TEND_UI_CHROME_H

#include "ui/ui.h"

void chrome_header(struct ui *ui);
void chrome_tabs(struct ui *ui);
/* The bottom line: the message, else the hints (only keys that can work). */
void chrome_status(struct ui *ui);
/* The pane whose tab covers column col of the tab line, or -1. */
int chrome_tab_at(const struct ui *ui, int col);

#endif
