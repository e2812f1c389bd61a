/*
 * qbr_html.c -- the QBR pack as one self-contained HTML file: the
 * Markdown of qbr.c rendered by cmark (the CommonMark reference library,
 * with its default safe options: raw HTML and dangerous links never pass),
 * a print stylesheet, and two inline SVG charts drawn from the same
 * numbers: the health score over the period (the snapshots of `tend health
 * recompute`) and the ARR over the period (the ledger, as at the start of
 * each day).  Nothing is fetched: it reads the same printed, mailed or
 * opened offline.
 */
#include "config.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "app/qbr_int.h"
#include "core/md.h"
#include "core/money.h"

#define CH_W 640        /* chart size in SVG units */
#define CH_H 160
#define CH_PAD 36       /* room for the axis labels */

static const char style[] =
	"body{font:15px/1.45 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
	"color:#222}h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}"
	"figure{margin:1em 0}figcaption{font-size:.85em;color:#555}svg{max-width:100%;height:auto}"
	"code{font-size:.9em}@media print{body{margin:0;max-width:none}h2{break-after:avoid}"
	"figure{break-inside:avoid}}";

static void
render(struct buf *out, const struct buf *md)
{
	char *html = cmark_markdown_to_html(md->data, md->len, CMARK_OPT_DEFAULT);

	buf_adds(out, html);
	free(html);
}

static double
x_of(const struct qbr *q, int32_t day)
{
	double span = q->today > q->t0 ? (double)(q->today - q->t0) : 1;

	return CH_PAD + (double)(day - q->t0) * (CH_W - 2 * CH_PAD) / span;
}

static void
chart_open(struct buf *b, const char *label)
{
	buf_addf(b, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		 "role=\"img\" aria-label=\"", CH_W, CH_H);
	html_escape(b, label);
	buf_addf(b, "\"><rect x=\"%d\" y=\"8\" width=\"%d\" height=\"%d\" fill=\"none\" "
		 "stroke=\"#bbb\"/>", CH_PAD, CH_W - 2 * CH_PAD, CH_H - CH_PAD);
}

static void
chart_close(struct buf *b, const struct qbr *q, const char *caption)
{
	char d0[DATE_STRLEN], d1[DATE_STRLEN];

	buf_addf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>"
		 "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text></svg>"
		 "<figcaption>", CH_PAD, CH_H - 12, date_format(q->t0, d0), CH_W - CH_PAD, CH_H - 12,
		 date_format(q->today, d1));
	html_escape(b, caption);
	buf_adds(b, "</figcaption></figure>\n");
}

/* The score of each snapshot in the period, on the scorecard's scale. */
static void
health_chart(const struct qbr *q, struct buf *b)
{
	const struct health_view *hv = q->hv;
	int scale = hv->sc->scale, n = 0;
	double top = 8, h = CH_H - CH_PAD;

	chart_open(b, "Health score over the period");
	buf_adds(b, "<polyline fill=\"none\" stroke=\"#2a6\" stroke-width=\"2\" points=\"");
	for (int i = 0; i < hv->npoints; i++) {
		const struct hv_point *p = &hv->points[i];

		if (!p->known || p->day < q->t0 || p->day > q->today)
			continue;
		buf_addf(b, "%s%.1f,%.1f", n++ ? " " : "", x_of(q, p->day),
			 top + h - (p->score - 1) * h / (scale > 1 ? scale - 1 : 1));
	}
	buf_adds(b, "\"/>");
	buf_addf(b, "<text x=\"4\" y=\"18\" font-size=\"11\">%d</text><text x=\"4\" y=\"%.0f\" "
		 "font-size=\"11\">1</text>", scale, top + h);
	chart_close(b, q, n ? "Health score over the period (1 to the scorecard's full score)"
			   : "Health score over the period: no snapshot in the period");
}

/* ARR as a step line: at the start of the period, then after each event. */
static void
arr_chart(const struct qbr *q, struct buf *b)
{
	const struct account_view *v = q->v;
	int64_t arr = q->arr0, top = q->arr0 > q->arr1 ? q->arr0 : q->arr1;
	double h = CH_H - CH_PAD, y;
	char t0[DATE_STRLEN], m[48];

	date_format(q->t0, t0);
	/* The highest ARR in the period sets the scale. */
	{
		int64_t run = q->arr0;

		for (int i = 0; i < v->nledger; i++) {
			const struct av_arr_event *ev = &v->ledger[i];
			int32_t d;

			if (!ev->date || !date_parse(ev->date, &d) || d < q->t0 || d > q->today)
				continue;
			run += ev->delta_cents;
			if (run > top)
				top = run;
		}
	}
	chart_open(b, "ARR over the period");
	buf_adds(b, "<polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"2\" points=\"");
	y = 8 + h - (top > 0 ? (double)arr * h / (double)top : 0);
	buf_addf(b, "%.1f,%.1f", x_of(q, q->t0), y);
	/* The ledger is in date order in the view. */
	for (int i = 0; i < v->nledger; i++) {
		const struct av_arr_event *ev = &v->ledger[i];
		int32_t d;

		if (!ev->date || !date_parse(ev->date, &d) || d < q->t0 || d > q->today)
			continue;
		buf_addf(b, " %.1f,%.1f", x_of(q, d), y);
		arr += ev->delta_cents;
		y = 8 + h - (top > 0 ? (double)arr * h / (double)top : 0);
		buf_addf(b, " %.1f,%.1f", x_of(q, d), y);
	}
	buf_addf(b, " %.1f,%.1f\"/>", x_of(q, q->today), y);
	buf_addf(b, "<text x=\"4\" y=\"18\" font-size=\"11\">%s</text>",
		 money_format_grouped(top, true, m));
	chart_close(b, q, "ARR over the period, from the ledger");
}

enum status
qbr_html(const struct qbr *q, struct buf *out, struct err *e)
{
	struct buf md;

	(void)e;
	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
		 "Business review: ");
	html_escape(out, q->v->name);
	buf_addf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
	buf_init(&md);
	qbr_md_summary(q, &md);
	render(out, &md);
	buf_reset(&md);
	buf_adds(out, "<h2>Trends</h2>\n");
	health_chart(q, out);
	arr_chart(q, out);
	qbr_md_rest(q, &md);
	render(out, &md);
	buf_done(&md);
	buf_adds(out, "</body>\n</html>\n");
	return ST_OK;
}
