/*
 * md.h -- text from the book, made inert for Markdown (CommonMark).
 *
 * What a customer or a CSM typed goes into exported Markdown (the plan,
 * the QBR pack) and from there through cmark into HTML, so it must never
 * become markup: no emphasis, link, image, raw HTML, entity, heading,
 * list or code block it did not mean.  Text is sanitised first (core/text.h:
 * control characters become visible escapes), then every character
 * CommonMark could read as markup is backslash-escaped; at the start of a
 * line, what would open a block is escaped too.  The result reads as the
 * text itself, rendered or not.
 */
#ifndef TEND_MD_H
#define TEND_MD_H

#include "core/buf.h"

/* s as inline text on one line (newlines shown as `\n`). */
void md_inline(struct buf *out, const char *s);
/* s as paragraphs: its line breaks kept (hard breaks), blank lines
 * separating paragraphs, leading blanks dropped (they would make code);
 * a line starting "- " or "* " stays a bullet of a list. */
void md_block(struct buf *out, const char *s);

/* s as HTML text (& < > " ' escaped), sanitised first: for what tend writes
 * around Markdown rendered by cmark (a title, an SVG label). */
void html_escape(struct buf *out, const char *s);

#endif
