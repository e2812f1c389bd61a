/*
 * output.c -- table, CSV and JSON rendering of typed rows.
 *
 * A table is kept in memory until out_end() so its columns can be measured.
 * On a terminal it is then fitted to the width, like taskwarrior's
 * description column: every column keeps the width of its widest value
 * except the free-text ones (COL_FREETEXT, COL_LIST), which share what the others
 * leave, the widest giving way first, each down to a minimum; when even the
 * whole columns do not fit, the line is long rather than an id or a date
 * cut.  To a file or a pipe nothing is cut (COLUMNS does not matter then).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/output.h"
#include "core/json.h"
#include "core/money.h"
#include "core/text.h"
#include "core/xalloc.h"

#define TABLE_GAP 2     /* spaces between table columns */
#define TABLE_PIPE_PAD 60  /* the most a free-text column pads to off a terminal */
#define FREE_MIN 12     /* a free-text column keeps this much (or its title, or all of
			 * its widest value when shorter): "Quantumline…" still says which */

bool
out_parse_format(const char *s, enum out_format *fmt)
{
	if (!strcmp(s, "table"))
		*fmt = OUT_TABLE;
	else if (!strcmp(s, "csv"))
		*fmt = OUT_CSV;
	else if (!strcmp(s, "json"))
		*fmt = OUT_JSON;
	else
		return false;
	return true;
}

const char *
out_money(int64_t cents, char *buf32)
{
	return money_format_grouped(cents, cents % 100 == 0, buf32);
}

void
out_text(FILE *fp, const char *s, bool multiline)
{
	struct buf b;

	if (!s)
		return;
	buf_init(&b);
	text_sanitize(&b, s, strlen(s), multiline ? TEXT_KEEP_NEWLINES : TEXT_ONE_LINE);
	fputs(b.data, fp);
	buf_done(&b);
}

/* Only asked when fp is a terminal: COLUMNS wins (as with ls and ps), then
 * the terminal's own size. */
static int
terminal_width(FILE *fp)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (cols && atoi(cols) > 0)
		return atoi(cols);
	if (ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void
out_begin(struct out *o, FILE *fp, enum out_format fmt, const struct out_col *cols, int n)
{
	const char *lang = getenv("LC_ALL");

	memset(o, 0, sizeof(*o));
	o->fp = fp;
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = n;
	o->tty = isatty(fileno(fp));
	o->width = o->tty ? terminal_width(fp) : 0;
	if (!lang || !*lang)
		lang = getenv("LC_CTYPE");
	if (!lang || !*lang)
		lang = getenv("LANG");
	o->unicode = lang && (strstr(lang, "UTF-8") || strstr(lang, "utf8") || strstr(lang, "UTF8"));
	buf_init(&o->scratch);
	if (fmt == OUT_CSV) {
		for (int i = 0; i < n; i++)
			fprintf(fp, "%s%s", i ? "," : "", cols[i].key);
		fputc('\n', fp);
	} else if (fmt == OUT_JSON) {
		fputc('[', fp);
	}
}

/* The shortest text that reads back as exactly v (files must round-trip). */
static void
real_exact(double v, char *tmp)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(tmp, 32, "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			return;
	}
}

/* The text of a value as shown in a table or CSV file. */
static const char *
cell_text(const struct out_col *c, const struct value *v, bool table, char *tmp)
{
	if (v->kind == V_NULL)
		return "";
	switch (c->type) {
	case COL_MONEY:
		if (v->kind != V_INT)
			break;
		return table ? out_money(v->i, tmp) : money_format(v->i, tmp);
	case COL_BOOL:
		if (v->kind == V_INT)
			return v->i ? (table ? "yes" : "true") : (table ? "no" : "false");
		break;
	default:
		break;
	}
	switch (v->kind) {
	case V_INT: snprintf(tmp, 32, "%lld", (long long)v->i); return tmp;
	case V_REAL:
		if (table && c->type == COL_SCORE)
			snprintf(tmp, 32, "%.3f", v->r);
		else if (table)
			snprintf(tmp, 32, "%.6g", v->r);
		else
			real_exact(v->r, tmp);
		return tmp;
	case V_TEXT: return v->s;
	case V_NULL: break;
	}
	return "";
}

static void
csv_field(struct out *o, const char *s)
{
	const char *p;
	bool quote = *s && (strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[strlen(s) - 1] == ' ');

	if (o->tty) {
		s = text_clean(&o->scratch, s);
		quote = quote || strchr(s, ',') || strchr(s, '"');
	}
	if (!quote) {
		fputs(s, o->fp);
		return;
	}
	fputc('"', o->fp);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', o->fp);
		fputc(*p, o->fp);
	}
	fputc('"', o->fp);
}

/* A list column ("a;b", NULL for none) as a JSON array of strings. */
static void
json_list(struct buf *out, const char *list)
{
	struct buf item;
	const char *p = list, *end;

	buf_init(&item);
	buf_addc(out, '[');
	while (p && *p) {
		end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		buf_reset(&item);
		buf_add(&item, p, (size_t)(end - p));
		if (p != list)
			buf_adds(out, ", ");
		json_escape(out, item.data);
		p = *end ? end + 1 : end;
	}
	buf_addc(out, ']');
	buf_done(&item);
}

static void
json_row(struct out *o, const struct value *vals)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, o->nrows ? ",\n  {" : "\n  {");
	for (int i = 0; i < o->ncols; i++) {
		const struct out_col *c = &o->cols[i];
		const struct value *v = &vals[i];

		buf_adds(&b, i ? ", " : "");
		buf_addf(&b, "\"%s%s\": ", c->key, c->type == COL_MONEY ? "_cents" : "");
		if (c->type == COL_LIST)
			json_list(&b, v->kind == V_TEXT ? v->s : NULL);
		else if (v->kind == V_NULL)
			buf_adds(&b, "null");
		else if (c->type == COL_BOOL && v->kind == V_INT)
			buf_adds(&b, v->i ? "true" : "false");
		else if (v->kind == V_INT)
			buf_addf(&b, "%lld", (long long)v->i);
		else if (v->kind == V_REAL) {
			char tmp[32];

			real_exact(v->r, tmp);
			buf_adds(&b, tmp);
		}
		else
			json_escape(&b, v->s);
	}
	buf_addc(&b, '}');
	fputs(b.data, o->fp);
	buf_done(&b);
}

void
out_row(struct out *o, const struct value *vals)
{
	char tmp[64];

	switch (o->fmt) {
	case OUT_CSV:
		for (int i = 0; i < o->ncols; i++) {
			if (i)
				fputc(',', o->fp);
			csv_field(o, cell_text(&o->cols[i], &vals[i], false, tmp));
		}
		fputc('\n', o->fp);
		break;
	case OUT_JSON:
		json_row(o, vals);
		break;
	case OUT_TABLE:
		if (o->nrows == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 64;
			o->cells = xreallocarray(o->cells, (size_t)o->cap, sizeof(*o->cells));
		}
		o->cells[o->nrows] = xcalloc((size_t)o->ncols, sizeof(char *));
		for (int i = 0; i < o->ncols; i++) {
			const struct value *v = &vals[i];

			/* Money keeps its cents here; table_end drops ".00" from
			 * columns where no amount has any. */
			if (o->cols[i].type == COL_MONEY && v->kind == V_INT) {
				money_format_grouped(v->i, false, tmp);
				if (i < 32 && v->i % 100)
					o->cents[i] = true;
				o->cells[o->nrows][i] = xstrdup(tmp);
				continue;
			}
			o->cells[o->nrows][i] = xstrdup(text_clean(&o->scratch,
				cell_text(&o->cols[i], v, true, tmp)));
		}
		break;
	}
	o->nrows++;
}

static bool
right_aligned(const struct out_col *c)
{
	return c->type == COL_INT || c->type == COL_REAL || c->type == COL_SCORE || c->type == COL_MONEY;
}

/* The narrowest a column may become: all of it, unless it is free text or a list. */
static int
min_width(const struct out_col *c, int natural)
{
	int title = text_width(c->title ? c->title : c->key);
	int min = title > FREE_MIN ? title : FREE_MIN;

	if (c->type != COL_FREETEXT && c->type != COL_LIST)
		return natural;
	return natural < min ? natural : min;
}

void
out_drop(struct out *o, const char *const *keys)
{
	o->drop = keys;
}

/* The table's width with the columns still shown (w[i] >= 0). */
static int
table_width(const struct out *o, const int *w)
{
	int total = 0, shown = 0;

	for (int i = 0; i < o->ncols; i++)
		if (w[i] >= 0)
			total += w[i] + (shown++ ? TABLE_GAP : 0);
	return total;
}

/* Still too wide with free text at its narrowest: leave out the columns
 * out_drop() named, in its order, until the table fits (w[i] = -1). */
static void
drop_columns(struct out *o, int *w, const int *min)
{
	int saved[32];

	for (int i = 0; i < o->ncols && i < 32; i++)
		saved[i] = w[i];
	for (int i = 0; i < o->ncols; i++)
		if (w[i] > min[i])
			w[i] = min[i];
	for (int k = 0; o->drop && o->drop[k] && table_width(o, w) > o->width; k++)
		for (int i = 0; i < o->ncols; i++)
			if (!strcmp(o->cols[i].key, o->drop[k]))
				w[i] = saved[i] = -1;
	/* Give the free text back what the dropped columns left over. */
	for (int i = 0; i < o->ncols && i < 32; i++)
		if (w[i] >= 0)
			w[i] = saved[i];
}

/* Fit the table to the terminal by narrowing the free-text columns, the
 * widest first (so they end up sharing the room evenly and a short one
 * keeps all of its text), none below its minimum; then, if it must, by
 * leaving out the columns the command said can go. */
static void
fit_widths(struct out *o, int *w)
{
	int total = 0, widest;
	int *min;

	for (int i = 0; i < o->ncols; i++)
		total += w[i] + (i ? TABLE_GAP : 0);
	if (!o->width || total <= o->width)
		return;
	min = xcalloc((size_t)o->ncols, sizeof(int));
	for (int i = 0; i < o->ncols; i++)
		min[i] = min_width(&o->cols[i], w[i]);
	if (o->drop && o->ncols <= 32) {
		int narrowest[32];

		for (int i = 0; i < o->ncols; i++)
			narrowest[i] = min[i];
		if (table_width(o, narrowest) > o->width) {
			drop_columns(o, w, min);
			total = table_width(o, w);
		}
	}
	while (total > o->width) {
		widest = -1;
		for (int i = 0; i < o->ncols; i++)
			if (w[i] >= 0 && w[i] > min[i] && (widest < 0 || w[i] > w[widest]))
				widest = i;
		if (widest < 0)
			break;
		w[widest]--;
		total--;
	}
	free(min);
}

static void
table_end(struct out *o)
{
	int *w = xcalloc((size_t)o->ncols, sizeof(int));
	struct buf line;

	for (int i = 0; i < o->ncols; i++) {
		if (o->cols[i].type == COL_MONEY && !(i < 32 && o->cents[i]))
			for (long r = 0; r < o->nrows; r++) {
				char *dot = strrchr(o->cells[r][i], '.');

				if (dot && !strcmp(dot, ".00"))
					*dot = '\0';
			}
		w[i] = text_width(o->cols[i].title ? o->cols[i].title : o->cols[i].key);
		for (long r = 0; r < o->nrows; r++) {
			int cw = text_width(o->cells[r][i]);

			if (cw > w[i])
				w[i] = cw;
		}
	}
	fit_widths(o, w);
	/* Into a file or a pipe nothing is cut, but one long value must not
	 * pad every row to its width (a 10 kB name made a 6 MB table): a
	 * free-text column pads to at most TABLE_PIPE_PAD, and a longer value
	 * is written whole, pushing only its own row's next columns right. */
	if (!o->tty)
		for (int i = 0; i < o->ncols; i++)
			if ((o->cols[i].type == COL_FREETEXT || o->cols[i].type == COL_LIST) &&
			    w[i] > TABLE_PIPE_PAD)
				w[i] = TABLE_PIPE_PAD;
	buf_init(&line);
	for (long r = -1; r < o->nrows; r++) {
		int shown = 0;

		buf_reset(&line);
		for (int i = 0; i < o->ncols; i++) {
			const char *s = r < 0 ? (o->cols[i].title ? o->cols[i].title : o->cols[i].key)
					      : o->cells[r][i];

			if (w[i] < 0)
				continue;   /* left out on this terminal */
			if (shown++)
				buf_addpad(&line, ' ', TABLE_GAP);
			if (!o->tty && text_width(s) > w[i])
				buf_adds(&line, s);
			else
				text_pad(&line, s, w[i], right_aligned(&o->cols[i]), o->unicode);
		}
		while (line.len && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		fputs(line.data, o->fp);
		fputc('\n', o->fp);
	}
	buf_done(&line);
	for (long r = 0; r < o->nrows; r++) {
		for (int i = 0; i < o->ncols; i++)
			free(o->cells[r][i]);
		free(o->cells[r]);
	}
	free(o->cells);
	free(w);
}

void
out_end(struct out *o)
{
	switch (o->fmt) {
	case OUT_TABLE:
		table_end(o);
		break;
	case OUT_JSON:
		fputs(o->nrows ? "\n]\n" : "]\n", o->fp);
		break;
	case OUT_CSV:
		break;
	}
	buf_done(&o->scratch);
}
