/*
 * prompt.c -- the command line, search, filter menu and help (prompt.h).
 */
#include "config.h"

#include <ctype.h>
#include <menu.h>
#include <panel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/names.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/model.h"
#include "store/portfolio.h"
#include "store/store.h"
#include "ui/calendar_pane.h"
#include "ui/cmdline.h"
#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/ui.h"

/* -- line editing ---------------------------------------------------------------- */

static void
remember(struct ui *ui, const char *line)
{
	if (!*line || (ui->nhistory && !strcmp(ui->history[ui->nhistory - 1], line)))
		return;
	if (ui->nhistory == UI_HISTORY) {
		free(ui->history[0]);
		memmove(ui->history, ui->history + 1, (UI_HISTORY - 1) * sizeof(char *));
		ui->nhistory--;
	}
	ui->history[ui->nhistory++] = xstrdup(line);
}

static void
show_line(struct ui *ui, const char *prompt, const char *text)
{
	struct buf b;
	char *clean = ui_clean(ui, text);
	int pw = text_width(prompt), tw = text_width(clean), x;

	buf_init(&b);
	werase(ui->status);
	draw_text(ui, ui->status, 0, 0, prompt, pw, false, ui_attr(ui, TH_INPUT));
	/* Keep the end of a long line visible. */
	x = pw + tw >= ui->cols ? ui->cols - 1 - tw : pw;
	draw_text(ui, ui->status, 0, x < pw ? pw : x, clean, ui->cols - pw - 1, false, ui_attr(ui, TH_INPUT));
	/* The status line is taken by the prompt, so what the last key has
	 * to say (completion candidates, a search error) goes after the text. */
	x = pw + tw + 2;
	if (ui->message[0] && x < ui->cols - 8)
		draw_text(ui, ui->status, 0, x, ui->message, ui->cols - 1 - x, false, ui_attr(ui, ui->message_role));
	wmove(ui->status, 0, pw + tw < ui->cols - 1 ? pw + tw : ui->cols - 1);
	wnoutrefresh(ui->status);
	doupdate();
	free(clean);
	buf_done(&b);
}

char *
ui_read_line(struct ui *ui, const char *prompt, const char *initial,
	     void (*on_change)(struct ui *, const char *, void *), void *ctx,
	     int (*complete)(struct ui *, const char *, char *, size_t))
{
	char line[256];
	size_t len;
	int hist = ui->nhistory, ch;

	snprintf(line, sizeof(line), "%s", initial ? initial : "");
	len = strlen(line);
	curs_set(1);
	timeout(-1);
	for (;;) {
		show_line(ui, prompt, line);
		ch = wgetch(ui->status);
		ui->message[0] = '\0';   /* it answered the previous key */
		if (ch == 27 || ch == 7) {   /* Esc, ^G */
			curs_set(0);
			return NULL;
		}
		if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
			break;
		if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
			/* Remove a whole UTF-8 character. */
			while (len && ((unsigned char)line[len - 1] & 0xc0) == 0x80)
				len--;
			if (len)
				len--;
		} else if (ch == 21) {   /* ^U */
			len = 0;
		} else if (ch == KEY_UP && hist > 0) {
			snprintf(line, sizeof(line), "%s", ui->history[--hist]);
			len = strlen(line);
		} else if (ch == KEY_DOWN && hist < ui->nhistory) {
			hist++;
			snprintf(line, sizeof(line), "%s", hist < ui->nhistory ? ui->history[hist] : "");
			len = strlen(line);
		} else if (ch == '\t' && complete) {
			char out[256];

			if (complete(ui, line, out, sizeof(out))) {
				snprintf(line, sizeof(line), "%s", out);
				len = strlen(line);
			}
		} else if (ch >= 32 && ch < 256 && len < sizeof(line) - 1 && ch != 127) {
			line[len++] = (char)ch;
		} else {
			continue;
		}
		line[len] = '\0';
		if (on_change)
			on_change(ui, line, ctx);
	}
	curs_set(0);
	line[len] = '\0';
	remember(ui, line);
	return xstrdup(line);
}

/* -- menus ------------------------------------------------------------------------- */

int
ui_menu(struct ui *ui, const char *title, const char *const *labels)
{
	ITEM *items[UI_MENU_MAX + 1];
	char *clean[UI_MENU_MAX];
	MENU *menu;
	WINDOW *win, *sub;
	PANEL *panel;
	int n = 0, width = text_width(title) + 4, ch, chosen = -1;

	while (labels[n] && n < UI_MENU_MAX) {
		/* Labels may come from the book (owners, tags): made safe here. */
		int w;

		clean[n] = ui_clean(ui, labels[n]);
		w = text_width(clean[n]) + 4;
		width = w > width ? w : width;
		items[n] = new_item(clean[n], "");
		n++;
	}
	items[n] = NULL;
	menu = new_menu(items);
	win = newwin(n + 4 < ui->lines - 2 ? n + 4 : ui->lines - 2, width + 2, 2, 2);
	sub = derwin(win, getmaxy(win) - 3, width, 2, 1);
	keypad(win, TRUE);
	set_menu_win(menu, win);
	set_menu_sub(menu, sub);
	set_menu_format(menu, getmaxy(win) - 3, 1);
	/* The menu library measures the mark in bytes, so a UTF-8 glyph
	 * would indent the other items by more than it takes on screen. */
	set_menu_mark(menu, "> ");
	set_menu_fore(menu, (chtype)ui_attr(ui, TH_CURSOR));
	set_menu_back(menu, (chtype)ui_attr(ui, TH_NORMAL));
	wbkgd(win, (chtype)ui_attr(ui, TH_NORMAL));
	box(win, 0, 0);
	draw_text(ui, win, 0, 2, title, width - 2, false, ui_attr(ui, TH_TITLE));
	panel = new_panel(win);
	post_menu(menu);
	for (;;) {
		update_panels();
		doupdate();
		ch = wgetch(win);
		if (ch == 27 || ch == 'q')
			break;
		if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
			chosen = item_index(current_item(menu));
			break;
		}
		if (ch == KEY_DOWN || ch == 'j')
			menu_driver(menu, REQ_DOWN_ITEM);
		else if (ch == KEY_UP || ch == 'k')
			menu_driver(menu, REQ_UP_ITEM);
		else if (ch == KEY_NPAGE)
			menu_driver(menu, REQ_SCR_DPAGE);
		else if (ch == KEY_PPAGE)
			menu_driver(menu, REQ_SCR_UPAGE);
	}
	unpost_menu(menu);
	free_menu(menu);
	for (int i = 0; i < n; i++) {
		free_item(items[i]);
		free(clean[i]);
	}
	del_panel(panel);
	delwin(sub);
	delwin(win);
	update_panels();
	return chosen;
}

/* -- search -------------------------------------------------------------------------- */

struct ids {
	int64_t *v;
	size_t n, cap;
};

static int
add_id(void *ctx, int64_t id)
{
	struct ids *ids = ctx;

	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 256;
		ids->v = xreallocarray(ids->v, ids->cap, sizeof(int64_t));
	}
	ids->v[ids->n++] = id;
	return 0;
}

void
prompt_set_search(struct ui *ui, const char *text)
{
	struct err e = { ST_OK, "" };
	struct ids ids = { 0 };

	snprintf(ui->filter.search, sizeof(ui->filter.search), "%s", text);
	free(ui->filter.ids);
	ui->filter.ids = NULL;
	ui->filter.nids = 0;
	if (!*text)
		return;
	if (store_search_accounts(ui->store, text, add_id, &ids, &e))
		ui_message(ui, TH_ERROR, "%s", e.msg);
	ui->filter.ids = ids.v;
	ui->filter.nids = ids.n;
}

/* Incremental: every keystroke narrows the panes at once. */
static void
search_changed(struct ui *ui, const char *text, void *ctx)
{
	struct pane *p = &ui->panes[PANE_HEATMAP];

	(void)ctx;
	prompt_set_search(ui, text);
	if (p->loaded && p->ops->refilter) {
		p->ops->refilter(p);
		/* The header names the search and the tab line counts the
		 * rows: they change with every keystroke too. */
		ui_draw(ui);
	}
}

void
prompt_search(struct ui *ui)
{
	char before[sizeof(ui->filter.search)];
	char *text;

	snprintf(before, sizeof(before), "%s", ui->filter.search);
	/* The search narrows the heatmap: show it. */
	ui_open(ui, PANE_HEATMAP, NULL);
	text = ui_read_line(ui, "/", ui->filter.search, search_changed, NULL, NULL);
	if (!text) {
		prompt_set_search(ui, before);
		return;
	}
	prompt_set_search(ui, text);
	if (*text) {
		struct pane *p = &ui->panes[PANE_HEATMAP];
		size_t shown = ui->filter.nids;

		/* Count what the heatmap shows: the search also finds churned
		 * accounts, and other filters may be on. */
		if (p->loaded && p->ops->refilter && p->ops->count) {
			p->ops->refilter(p);
			shown = p->ops->count(p);
		}
		ui_message(ui, TH_OK, "%zu %s \"%s\" (c clears)", shown,
			   shown == 1 ? "account matches" : "accounts match", text);
	}
	free(text);
}

/* -- filters --------------------------------------------------------------------------- */

void
prompt_clear_filter(struct ui *ui)
{
	struct ui_filter *f = &ui->filter;

	f->owner[0] = f->segment[0] = f->stage[0] = f->band[0] = f->tag[0] = '\0';
	f->within = -1;
	prompt_set_search(ui, "");
}

struct owners {
	char *v[64];
	int n;
};

static int
collect_owner(void *ctx, const char *login)
{
	struct owners *o = ctx;

	if (o->n == UI_MENU_MAX - 2)
		return 1;   /* with "me" and "pooled", a full menu; ":owner LOGIN" takes any */
	o->v[o->n++] = xstrdup(login);
	return 0;
}

static bool
pick_owner(struct ui *ui)
{
	struct err e = { ST_OK, "" };
	struct owners o = { .n = 0 };
	const char *items[68];
	int k, n = 0;

	if (store_portfolio_owners(ui->store, collect_owner, &o, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return false;
	}
	items[n++] = "me";
	items[n++] = "pooled";
	for (int i = 0; i < o.n; i++)
		items[n++] = o.v[i];
	items[n] = NULL;
	k = ui_menu(ui, "Owner", items);
	if (k >= 0)
		snprintf(ui->filter.owner, sizeof(ui->filter.owner), "%s",
			 k == 0 ? ui->opts->login : items[k]);
	for (int i = 0; i < o.n; i++)
		free(o.v[i]);
	return k >= 0;
}

static bool
pick_from(struct ui *ui, const char *title, const char *const *names, char *out, size_t size)
{
	int k = ui_menu(ui, title, names);

	if (k < 0)
		return false;
	snprintf(out, size, "%s", names[k]);
	return true;
}

bool
prompt_filter(struct ui *ui)
{
	static const char *const fields[] = { "Owner", "Segment", "Stage", "Band", "Renewing within",
					      "Tag", "Clear all", NULL };
	static const char *const windows[] = { "30 days", "60 days", "90 days", "120 days", NULL };
	static const int days[] = { 30, 60, 90, 120 };
	struct ui_filter *f = &ui->filter;
	char *text;
	int k;

	switch (ui_menu(ui, "Filter by", fields)) {
	case 0: return pick_owner(ui);
	case 1: return pick_from(ui, "Segment", segment_names, f->segment, sizeof(f->segment));
	case 2: return pick_from(ui, "Stage", stage_names, f->stage, sizeof(f->stage));
	case 3: return pick_from(ui, "Band", band_names, f->band, sizeof(f->band));
	case 4:
		if ((k = ui_menu(ui, "Renewing within", windows)) < 0)
			return false;
		f->within = days[k];
		return true;
	case 5:
		if (!(text = ui_read_line(ui, "tag: ", f->tag, NULL, NULL, NULL)))
			return false;
		snprintf(f->tag, sizeof(f->tag), "%s", text);
		free(text);
		return true;
	case 6:
		prompt_clear_filter(ui);
		return true;
	default:
		return false;
	}
}

/* -- help ----------------------------------------------------------------------------- */

void
prompt_help(struct ui *ui)
{
	const char *scope = ui->panes[ui->current].name;
	WINDOW *win = newwin(ui->lines - 2, ui->cols, 1, 0);
	PANEL *panel = new_panel(win);
	struct buf lines;
	int top = 0, n = 0, ch;

	/* One line per action for this pane, from the same list the keymap
	 * and the config's key names come from. */
	buf_init(&lines);
	for (int pass = 0; pass < 2; pass++)
		for (int r = 1; r < REQ_COUNT_; r++) {
			char keys[64];
			bool mine = !strcmp(req_scope(r), scope);

			if ((pass == 0) != mine || (!mine && strcmp(req_scope(r), "all")))
				continue;
			keymap_keys_of(&ui->keys, r, keys, sizeof(keys));
			buf_addf(&lines, "  %-16s %-12s %s\n", *keys ? keys : "(unbound)", req_name(r), req_help(r));
			n++;
		}
	keypad(win, TRUE);
	wbkgd(win, (chtype)ui_attr(ui, TH_NORMAL));
	for (;;) {
		const char *p = lines.data;
		int y = 2;

		werase(win);
		draw_text(ui, win, 0, 1, "Keys -- rebind them under keys: in config.yaml (names in the "
			  "middle column); q or Esc closes", ui->cols - 2, false, ui_attr(ui, TH_TITLE));
		for (int i = 0; *p && y < ui->lines - 3; i++) {
			const char *end = strchr(p, '\n');

			if (i >= top) {
				/* Fitted with an ellipsis: a long line written as is
				 * would wrap onto the next one. */
				char text[256];

				snprintf(text, sizeof(text), "%.*s", (int)(end - p), p);
				draw_text(ui, win, y++, 0, text, ui->cols, false, ui_attr(ui, TH_NORMAL));
			}
			p = end + 1;
		}
		update_panels();
		doupdate();
		ch = wgetch(win);
		if (ch == 'q' || ch == 27 || ch == '?')
			break;
		if ((ch == 'j' || ch == KEY_DOWN) && top < n - 1)
			top++;
		if ((ch == 'k' || ch == KEY_UP) && top > 0)
			top--;
	}
	del_panel(panel);
	delwin(win);
	update_panels();
	buf_done(&lines);
}

/* -- the command line ------------------------------------------------------------------ */

/* Cut keep to the start it shares with other, ignoring case, and back to a
 * whole UTF-8 character. */
static void
common_start(char *keep, const char *other)
{
	size_t i = 0;

	while (keep[i] && tolower((unsigned char)keep[i]) == tolower((unsigned char)other[i]))
		i++;
	while (i && ((unsigned char)keep[i] & 0xc0) == 0x80)
		i--;
	keep[i] = '\0';
}

/* Complete word, the end of a line that starts with head, from names
 * (NULL-ended): the one name it starts, or the longest start several
 * share, listed in the message. */
static int
complete_from(struct ui *ui, const char *head, const char *word, const char *const *names, const char *tail,
	      char *out, size_t size)
{
	char common[64] = "", list[200] = "";
	size_t used = 0;
	int hits = 0;

	for (int i = 0; names[i]; i++) {
		if (strncmp(names[i], word, strlen(word)))
			continue;
		if (hits++ == 0)
			snprintf(common, sizeof(common), "%s", names[i]);
		else
			common_start(common, names[i]);
		if (used < sizeof(list))
			used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s", used ? " " : "", names[i]);
	}
	if (!hits) {
		ui_message(ui, TH_WARNING, "nothing starts with '%s'", word);
		return 0;
	}
	if (hits > 1)
		ui_message(ui, TH_DIM, "%s", list);
	snprintf(out, size, "%s%s%s", head, common, hits == 1 ? tail : "");
	return 1;
}

#define UI_COMPLETE_MAX 500   /* names a Tab looks at */

struct name_match {
	const char *prefix;
	size_t len;
	char common[200];
	int n;
};

static int
match_name(void *ctx, const char *name)
{
	struct name_match *m = ctx;

	if (strncasecmp(name, m->prefix, m->len))
		return 0;
	if (m->n++ == 0)
		snprintf(m->common, sizeof(m->common), "%s", name);
	else
		common_start(m->common, name);
	return 0;
}

/* Account names by prefix, ignoring case, as far as they agree. */
static int
complete_account(struct ui *ui, const char *prefix, char *out, size_t size)
{
	struct name_match m = { .prefix = prefix, .len = strlen(prefix) };
	struct err e = { ST_OK, "" };

	if (store_account_names(ui->store, prefix, UI_COMPLETE_MAX, match_name, &m, &e)) {
		ui_message(ui, TH_ERROR, "%s", e.msg);
		return 0;
	}
	if (!m.n) {
		ui_message(ui, TH_WARNING, "no account name starts with '%s'", prefix);
		return 0;
	}
	if (m.n == UI_COMPLETE_MAX) {
		/* The names read may agree further than all of them do. */
		ui_message(ui, TH_DIM, "more than %d accounts start so; type more", UI_COMPLETE_MAX - 1);
		return 0;
	}
	if (m.n > 1)
		ui_message(ui, TH_DIM, "%d accounts start so; type more", m.n);
	snprintf(out, size, "account %s", m.common);
	return 1;
}

static int
complete(struct ui *ui, const char *line, char *out, size_t size)
{
	const char *space = strchr(line, ' ');

	if (!space)
		return complete_from(ui, "", line, cmdline_commands, " ", out, size);
	if (!strncmp(line, "account ", 8))
		return complete_account(ui, line + 8, out, size);
	if (!strncmp(line, "plan ", 5) && complete_account(ui, line + 5, out, size)) {
		memcpy(out, "plan   ", 5);          /* "account NAME" -> "plan NAME" */
		memmove(out + 5, out + 8, strlen(out + 8) + 1);
		return 1;
	}
	if (!strncmp(line, "segment ", 8))
		return complete_from(ui, "segment ", line + 8, segment_names, "", out, size);
	if (!strncmp(line, "stage ", 6))
		return complete_from(ui, "stage ", line + 6, stage_names, "", out, size);
	if (!strncmp(line, "band ", 5))
		return complete_from(ui, "band ", line + 5, band_names, "", out, size);
	return 0;
}

_Static_assert(sizeof(((struct ui_filter *)0)->owner) == CMDLINE_OWNER_MAX &&
	       sizeof(((struct ui_filter *)0)->tag) == CMDLINE_OWNER_MAX &&
	       sizeof(((struct ui_filter *)0)->band) == CMDLINE_NAME_MAX, "cmdline.h's sizes");

/* The filter field a :segment, :stage or :band sets. */
static char *
filter_field(struct ui_filter *f, enum cmdline_verb v)
{
	return v == CL_SEGMENT ? f->segment : v == CL_STAGE ? f->stage : f->band;
}

enum prompt_result
prompt_command(struct ui *ui)
{
	struct ui_filter *f = &ui->filter;
	enum prompt_result res = PROMPT_REQUEST_NONE;
	char *line = ui_read_line(ui, ":", "", NULL, NULL, complete);
	struct err e = { ST_OK, "" };
	struct cmdline c;
	int64_t id;

	if (!line)
		return res;
	switch (cmdline_parse(line, store_clock(ui->store)->today, &c)) {
	case CL_NONE:
		break;
	case CL_UNKNOWN:
		if (ui_pane_lookup(c.word) >= 0 && !*c.arg) {
			/* :team, :heatmap...: a pane by its name, as its key shows it. */
			struct pane *p = &ui->panes[ui_pane_lookup(c.word)];
			const char *why = p->ops->empty ? p->ops->empty(p) : NULL;

			if (why)
				ui_message(ui, TH_WARNING, "%s", why);
			else
				ui_open(ui, p->id, NULL);
			break;
		}
		ui_message(ui, TH_ERROR, "%s", c.why);
		break;
	case CL_INVALID:
		ui_message(ui, TH_ERROR, "%s", c.why);
		break;
	case CL_DEBUG_ABORT:
		/* For the test that an internal abort restores the terminal
		 * (tests/ui/smoke.sh); not a command otherwise. */
		if (getenv("TEND_DEBUG_ABORT"))
			abort();
		ui_message(ui, TH_ERROR, "unknown command '%s' (Tab completes; :help)", c.word);
		break;
	case CL_QUIT:
		ui->quit = true;
		break;
	case CL_HELP:
		prompt_help(ui);
		break;
	case CL_RECOMPUTE:
		res = PROMPT_REQUEST_RECOMPUTE;
		break;
	case CL_REFRESH:
		res = PROMPT_REQUEST_RELOAD;
		break;
	case CL_CLEAR:
		prompt_clear_filter(ui);
		res = PROMPT_REQUEST_REFILTER;
		break;
	case CL_SEARCH:
		prompt_set_search(ui, c.arg);
		res = PROMPT_REQUEST_REFILTER;
		break;
	case CL_ACCOUNT:
	case CL_PLAN:
		/* The CLI's resolver ("#42" included): an ambiguous name lists
		 * its candidates first, so they fit the status line. */
		if (store_account_resolve(ui->store, c.arg, &id, &e))
			ui_message(ui, TH_ERROR, "%s", e.msg);
		else
			ui_open(ui, c.verb == CL_ACCOUNT ? PANE_ACCOUNT : PANE_PLAN,
				&(struct pane_arg){ .account_id = id });
		break;
	case CL_CALENDAR:
		calendar_open(ui, c.day);
		break;
	case CL_OWNER:
	case CL_TAG:
		snprintf(c.verb == CL_OWNER ? f->owner : f->tag, CMDLINE_OWNER_MAX, "%s",
			 !strcmp(c.arg, "me") ? ui->opts->login : c.arg);
		res = PROMPT_REQUEST_REFILTER;
		break;
	case CL_SEGMENT:
	case CL_STAGE:
	case CL_BAND:
		snprintf(filter_field(f, c.verb), CMDLINE_NAME_MAX, "%s", c.arg);
		res = PROMPT_REQUEST_REFILTER;
		break;
	case CL_WITHIN:
		f->within = c.within;
		res = PROMPT_REQUEST_REFILTER;
		break;
	}
	free(line);
	return res;
}
