/*
 * md.c -- escaping text for Markdown (see md.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "core/md.h"
#include "core/text.h"

/* Characters that are markup anywhere in a CommonMark line: emphasis,
 * code, links and images, raw HTML, entities, tables, strikethrough, the
 * escape itself, and # (a closing heading sequence). */
static const char inline_specials[] = "\\`*_[]<>&|~#";

static void
escape_clean(struct buf *out, const char *s, size_t len, bool line_start)
{
	size_t i = 0;

	if (line_start) {
		size_t d = 0;

		/* A block opener: a heading, a quote, a list or a thematic
		 * break, a setext underline, or an ordered list ("1." "2)"). */
		if (len && strchr("-+=", s[0]))   /* > and # are escaped below */
			buf_addc(out, '\\');
		while (d < len && isdigit((unsigned char)s[d]))
			d++;
		if (d && d < len && (s[d] == '.' || s[d] == ')')) {
			buf_add(out, s, d);
			buf_addc(out, '\\');
			i = d;
		}
	}
	for (; i < len; i++) {
		if (strchr(inline_specials, s[i]) && s[i])
			buf_addc(out, '\\');
		buf_addc(out, s[i]);
	}
}

void
md_inline(struct buf *out, const char *s)
{
	struct buf clean;

	buf_init(&clean);
	text_sanitize(&clean, s ? s : "", s ? strlen(s) : 0, TEXT_ONE_LINE);
	escape_clean(out, clean.data, clean.len, false);
	buf_done(&clean);
}

/* A bullet the writer meant: "- " or "* " starting the line. */
static bool
bullet(const char *q, const char *end)
{
	return end - q >= 2 && (q[0] == '-' || q[0] == '*') && q[1] == ' ';
}

void
md_block(struct buf *out, const char *s)
{
	struct buf clean;
	const char *p, *end;
	bool in_para = false;

	buf_init(&clean);
	text_sanitize(&clean, s ? s : "", s ? strlen(s) : 0, TEXT_KEEP_NEWLINES);
	for (p = clean.data; *p; p = *end ? end + 1 : end) {
		const char *q;
		bool item;

		end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		q = p;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q == end) {           /* a blank line ends the paragraph */
			if (in_para)
				buf_adds(out, "\n\n");
			in_para = false;
			continue;
		}
		/* Bullets stay a list (they can carry no markup: the rest of
		 * the line is escaped); other lines keep their breaks. */
		item = bullet(q, end);
		if (in_para)
			buf_adds(out, item ? "\n" : "\\\n");
		if (item) {
			buf_adds(out, "- ");
			q += 2;
			while (q < end && *q == ' ')
				q++;
			escape_clean(out, q, (size_t)(end - q), false);
		} else {
			escape_clean(out, q, (size_t)(end - q), true);
		}
		in_para = true;
	}
	if (in_para)
		buf_addc(out, '\n');
	buf_done(&clean);
}

void
html_escape(struct buf *out, const char *s)
{
	struct buf clean;

	buf_init(&clean);
	text_sanitize(&clean, s ? s : "", s ? strlen(s) : 0, TEXT_ONE_LINE);
	for (const char *p = clean.data; *p; p++)
		switch (*p) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, *p); break;
		}
	buf_done(&clean);
}
