/*
 * chrome.c -- the interface's two fixed lines at the top: the header (book,
 * who you are, today, the inbox count and the filter in force) and the tab
 * line (one tab per registered pane, then what the current pane shows), and
 * the status line at the bottom (a message, else the keys that work here).
 *
 * The tab line has to hold every pane at 80 columns.  When the titles do
 * not fit beside the pane's description, tabs shrink to their key (" 6 "),
 * as tmux's status line shortens window names: the key is what a user
 * needs to go there.  The current tab keeps its title, and the others
 * theirs from the left while they fit.  The mouse finds tabs through the same
 * layout, so a click lands where the eye sees the tab.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/text.h"
#include "store/store.h"
#include "ui/chrome.h"
#include "ui/draw.h"
#include "ui/keymap.h"

/* Tabs shrink before the description gets fewer than this many columns
 * (or its whole width, when shorter). */
#define CHROME_DESCRIBE_MIN 40

static void
describe_filter(const struct ui *ui, struct buf *b)
{
	const struct ui_filter *f = &ui->filter;

	if (f->owner[0])
		buf_addf(b, " owner=%s", f->owner);
	if (f->segment[0])
		buf_addf(b, " segment=%s", f->segment);
	if (f->stage[0])
		buf_addf(b, " stage=%s", f->stage);
	if (f->band[0])
		buf_addf(b, " band=%s", f->band);
	if (f->within >= 0)
		buf_addf(b, " renewing<=%dd", f->within);
	if (f->tag[0])
		buf_addf(b, " tag=%s", f->tag);
	if (f->search[0])
		buf_addf(b, " search=\"%s\"", f->search);
}

void
chrome_header(struct ui *ui)
{
	char today[DATE_STRLEN];
	const char *path = store_path(ui->store), *slash = strrchr(path, '/');
	struct buf b;
	char *clean;

	buf_init(&b);
	buf_addf(&b, " tend  %s  %s (%s)  %s", slash ? slash + 1 : path, ui->opts->login, ui->role,
		 date_format(store_clock(ui->store)->today, today));
	if (store_read_only(ui->store))
		buf_adds(&b, "  read-only");
	if (ui->inbox_open > 0)
		buf_addf(&b, "  inbox %lld", (long long)ui->inbox_open);
	/* All pushed: the copy says so briefly, leaving room for what follows. */
	if (ui->unsynced > 0)
		buf_addf(&b, "  offline copy, %lld change%s not synced", (long long)ui->unsynced,
			 ui->unsynced == 1 ? "" : "s");
	else if (ui->unsynced == 0)
		buf_adds(&b, "  offline copy");
	if (ui->sync_conflicts > 0)
		buf_addf(&b, "  conflicts %lld", (long long)ui->sync_conflicts);
	if (!ui_filter_empty(ui)) {
		buf_adds(&b, "  filter:");
		describe_filter(ui, &b);
	}
	clean = ui_clean(ui, b.data);
	wbkgdset(ui->header, (chtype)ui_attr(ui, TH_HEADER));
	werase(ui->header);
	draw_text(ui, ui->header, 0, 0, clean, ui->cols, false, ui_attr(ui, TH_HEADER));
	wnoutrefresh(ui->header);
	free(clean);
	buf_done(&b);
}

/* A pane that asks for it has no tab while it has nothing to show (the
 * Sync pane on a book no copy was made of): its key still opens it. */
static bool
tab_hidden(const struct ui *ui, int i)
{
	const struct pane *p = &ui->panes[i];

	return p->ops->tab_when_empty_hidden && p->ops->empty && i != (int)ui->current &&
	       p->ops->empty((struct pane *)p);
}

/* A tab: the first key of the pane's view request (so a rebound key shows
 * as such), and, unless short, the pane's title; none for a hidden tab. */
static int
tab_label(const struct ui *ui, int i, bool brief, char *out, size_t size)
{
	char keys[64], *comma;

	if (tab_hidden(ui, i)) {
		*out = '\0';
		return -1;   /* with its separating blank: no room at all */
	}

	keymap_keys_of(&ui->keys, ui_pane_request(i), keys, sizeof(keys));
	if ((comma = strchr(keys, ',')))
		*comma = '\0';
	if (brief && *keys)
		snprintf(out, size, " %s ", keys);
	else
		snprintf(out, size, " %s%s%s ", keys, *keys ? " " : "", ui->panes[i].ops->title);
	return text_width(out);
}

/* Which tabs shrink to their keys: none when every title fits beside the
 * description (given at least CHROME_DESCRIBE_MIN columns, or its whole
 * width when shorter); else the current tab keeps its title and the others
 * get theirs back from the left while they fit, so a crowded line still
 * names most panes ("1 Heatmap 2 Account 3 Inbox 5 Plan 6 7"). */
static void
tabs_brief(const struct ui *ui, int describe_width, bool *brief)
{
	char tab[96];
	int x = 1, room = describe_width < CHROME_DESCRIBE_MIN ? describe_width : CHROME_DESCRIBE_MIN;
	int full[PANE_COUNT_], shrunk[PANE_COUNT_];

	for (int i = 0; i < PANE_COUNT_; i++) {
		full[i] = tab_label(ui, i, false, tab, sizeof(tab)) + 1;
		shrunk[i] = tab_label(ui, i, true, tab, sizeof(tab)) + 1;
		x += full[i];
		brief[i] = false;
	}
	if (x + room + 1 <= ui->cols)
		return;
	x = 1;
	for (int i = 0; i < PANE_COUNT_; i++) {
		brief[i] = i != (int)ui->current;
		x += brief[i] ? shrunk[i] : full[i];
	}
	for (int i = 0; i < PANE_COUNT_; i++)
		if (brief[i] && x - shrunk[i] + full[i] + room + 1 <= ui->cols) {
			brief[i] = false;
			x += full[i] - shrunk[i];
		}
}

/* The current pane's description, made safe: it may hold data (an
 * account's name). */
static char *
describe(const struct ui *ui)
{
	const struct pane *cur = &ui->panes[ui->current];
	char what[160];

	what[0] = '\0';
	if (cur->ops->describe)
		cur->ops->describe((struct pane *)cur, what, sizeof(what));
	return ui_clean(ui, what);
}

int
chrome_tab_at(const struct ui *ui, int col)
{
	char *clean = describe(ui);
	bool brief[PANE_COUNT_];
	int x = 1;

	tabs_brief(ui, text_width(clean), brief);
	free(clean);
	for (int i = 0; i < PANE_COUNT_; i++) {
		char tab[96];
		int len = tab_label(ui, i, brief[i], tab, sizeof(tab));

		if (len >= 0 && col >= x && col < x + len)
			return i;
		x += len + 1;
	}
	return -1;
}

void
chrome_tabs(struct ui *ui)
{
	char *clean = describe(ui);
	int len = text_width(clean), x = 1;
	bool brief[PANE_COUNT_];

	tabs_brief(ui, len, brief);
	werase(ui->tabs);
	for (int i = 0; i < PANE_COUNT_; i++) {
		char tab[96];
		int w = tab_label(ui, i, brief[i], tab, sizeof(tab));

		if (w >= 0)
			draw_text(ui, ui->tabs, 0, x, tab, w, false,
				  ui_attr(ui, i == (int)ui->current ? TH_TAB_ACTIVE : TH_TAB));
		x += w + 1;
	}
	if (len > ui->cols - x - 1)
		len = ui->cols - x - 1;
	if (len > 0)
		draw_text(ui, ui->tabs, 0, ui->cols - len - 1, clean, len, true, ui_attr(ui, TH_DIM));
	free(clean);
	wnoutrefresh(ui->tabs);
}

/* -- the status line: a message, or the hints ----------------------------------- */

/* "KEY word" for each request that has a word and a key now. */
static void
add_hints(const struct ui *ui, struct buf *b, const enum request *reqs, bool writable)
{
	char key[16];

	for (; reqs && *reqs != REQ_NONE; reqs++) {
		if (!writable && ui_writes(*reqs))
			continue;
		const char *word = *reqs == REQ_BACK && ui->current == ui->home ? "quit" : req_hint(*reqs);

		if (*word && *keymap_first_key(&ui->keys, *reqs, key, sizeof(key)))
			buf_addf(b, "  %s %s", key, word);
	}
}

/* The bottom line's hints, from the key map, so rebinding a key never
 * makes them lie: help, search and filter, the pane's own, then the
 * command line and back. */
static void
hints(struct ui *ui, struct buf *b)
{
	static const enum request before[] = { REQ_HELP, REQ_SEARCH, REQ_FILTER, REQ_NONE };
	static const enum request after[] = { REQ_PROMPT, REQ_BACK, REQ_NONE };
	const char *why;
	bool writable = ui_may_write_here(ui, &why);

	add_hints(ui, b, before, writable);
	add_hints(ui, b, ui->panes[ui->current].ops->hints, writable);
	add_hints(ui, b, after, writable);
}

void
chrome_status(struct ui *ui)
{
	werase(ui->status);
	if (ui->message[0]) {
		draw_text(ui, ui->status, 0, 1, ui->message, ui->cols - 1, false, ui_attr(ui, ui->message_role));
	} else {
		struct buf b;

		buf_init(&b);
		hints(ui, &b);
		/* One leading blank, as the message has. */
		draw_text(ui, ui->status, 0, 0, b.len ? b.data + 1 : "", ui->cols, false, ui_attr(ui, TH_STATUS));
		buf_done(&b);
	}
	wnoutrefresh(ui->status);
}
