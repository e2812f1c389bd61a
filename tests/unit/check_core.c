/*
 * check_core.c -- dates, money, the sanitizer, display width, JSON
 * escaping, suggestions, diagnostics and the config file.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/conf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/json.h"
#include "core/money.h"
#include "core/names.h"
#include "core/frame.h"
#include "core/text.h"
#include "core/ydoc.h"
#include "domain/model.h"

/* -- dates ------------------------------------------------------------------ */

START_TEST(test_date_roundtrip)
{
	char out[DATE_STRLEN];
	int32_t d;

	ck_assert(date_parse("1970-01-01", &d));
	ck_assert_int_eq(d, 0);
	ck_assert(date_parse("2024-02-29", &d));
	ck_assert_str_eq(date_format(d, out), "2024-02-29");
	ck_assert(date_parse("2000-02-29", &d));
	ck_assert(date_parse("1969-12-31", &d));
	ck_assert_int_eq(d, -1);
	/* Every day for 10 years round-trips. */
	for (int32_t k = 19000; k < 19000 + 3650; k++) {
		ck_assert(date_parse(date_format(k, out), &d));
		ck_assert_int_eq(d, k);
	}
}
END_TEST

START_TEST(test_date_rejects)
{
	static const char *const bad[] = {
		"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01",
		"24-01-01", "2024/01/01", "2024-01-01T00:00", "", "today", "2024-01-0a", NULL,
	};
	int32_t d;

	for (int i = 0; bad[i]; i++)
		ck_assert_msg(!date_parse(bad[i], &d), "accepted %s", bad[i]);
	ck_assert(!date_parse(NULL, &d));
}
END_TEST

START_TEST(test_date_relative_and_months)
{
	char out[DATE_STRLEN];
	int32_t today, d;

	ck_assert(date_parse("2026-01-31", &today));
	ck_assert(date_parse_relative("+3d", today, &d));
	ck_assert_str_eq(date_format(d, out), "2026-02-03");
	ck_assert(date_parse_relative("-2w", today, &d));
	ck_assert_str_eq(date_format(d, out), "2026-01-17");
	ck_assert(date_parse_relative("+1m", today, &d));   /* clamped to Feb's end */
	ck_assert_str_eq(date_format(d, out), "2026-02-28");
	ck_assert(date_parse_relative("tomorrow", today, &d));
	ck_assert_int_eq(d, today + 1);
	ck_assert(date_parse_relative("2026-05-05", today, &d));
	ck_assert(!date_parse_relative("+3x", today, &d));
	ck_assert(!date_parse_relative("+d", today, &d));
	ck_assert(!date_parse_relative("+3dd", today, &d));
	ck_assert_str_eq(date_format(date_add_months(today, -13), out), "2024-12-31");
	ck_assert(date_parse("2026-11-23", &d));
	ck_assert_int_eq(date_weekday(d), 0);   /* a Monday */
}
END_TEST

START_TEST(test_date_years_bounded)
{
	char out[DATE_STRLEN];
	int32_t today, d = 0;

	/* Whatever the arithmetic, a date stays within 1900-2999 or is
	 * refused; -33315m once read days_in_month out of bounds (UBSan). */
	ck_assert(date_parse("2026-11-23", &today));
	ck_assert(!date_parse_relative("-33315m", today, &d));
	ck_assert(!date_parse_relative("+99999m", today, &d));
	ck_assert(!date_parse_relative("-100000d", today, &d));
	ck_assert(!date_parse_relative("+60000w", today, &d));
	ck_assert(date_parse_relative("-1520m", today, &d));    /* 1900-03-23 */
	ck_assert_str_eq(date_format(d, out), "1900-03-23");
	ck_assert(!date_parse_relative("-1524m", today, &d));   /* 1899 */
	ck_assert(!date_parse("1899-12-31", &d));
	ck_assert(!date_parse("3000-01-01", &d));
	ck_assert(date_parse("2999-12-31", &d));
	/* The words too (tests/fuzz found "yesterday" on the first day). */
	ck_assert(date_parse("1900-01-01", &today));
	ck_assert(!date_parse_relative("yesterday", today, &d));
	ck_assert(date_parse_relative("today", today, &d) && d == today);
	ck_assert(date_parse("2999-12-31", &today));
	ck_assert(!date_parse_relative("tomorrow", today, &d));
	/* Months before year 0 still give a real month. */
	ck_assert(date_parse("2026-01-31", &today));
	ck_assert_str_eq(date_format(date_add_months(today, -12 * 2026 - 1), out), "0000-12-31");
}
END_TEST

START_TEST(test_date_ago)
{
	char buf[DATE_AGO_STRLEN];

	/* One wording for the CLI and the interface alike. */
	ck_assert_str_eq(date_ago(-1, buf, sizeof(buf)), "never");
	ck_assert_str_eq(date_ago(0, buf, sizeof(buf)), "today");
	ck_assert_str_eq(date_ago(1, buf, sizeof(buf)), "yesterday");
	ck_assert_str_eq(date_ago(2, buf, sizeof(buf)), "2 days ago");
	ck_assert_str_eq(date_ago(400, buf, sizeof(buf)), "400 days ago");
}
END_TEST

START_TEST(test_clock)
{
	struct clock c;
	char stamp[32];

	clock_init(&c);
	ck_assert(!c.fixed);
	ck_assert(!c.pinned);
	ck_assert(!clock_fix(&c, "2026-02-30"));
	/* A pinned wall clock sets today too, until today is fixed. */
	ck_assert(clock_pin(&c, "2028-02-29T23:59:58Z"));
	ck_assert(c.pinned && !c.fixed);
	ck_assert_int_eq(c.today, date_from_ymd(2028, 2, 29));
	ck_assert(clock_fix(&c, "2026-11-23"));
	ck_assert(c.fixed);
	ck_assert_int_eq(c.today, date_from_ymd(2026, 11, 23));
	/* The stamp is the wall clock, to the second, whatever today is. */
	ck_assert_str_eq(clock_stamp(&c, stamp, sizeof(stamp)), "2028-02-29T23:59:58Z");
	ck_assert(clock_pin(&c, "2026-12-01T07:05:09Z"));
	ck_assert_int_eq(c.today, date_from_ymd(2026, 11, 23));
	ck_assert_str_eq(clock_stamp(&c, stamp, sizeof(stamp)), "2026-12-01T07:05:09Z");
	/* Anything but YYYY-MM-DDTHH:MM:SSZ is refused and changes nothing. */
	ck_assert(!clock_pin(&c, "2026-12-01T24:00:00Z"));
	ck_assert(!clock_pin(&c, "2026-12-01 07:05:09Z"));
	ck_assert(!clock_pin(&c, "2026-12-01T07:05:09"));
	ck_assert(!clock_pin(&c, "2026-02-30T07:05:09Z"));
	ck_assert(!clock_pin(&c, "2026-12-01T7:05:09ZZ"));
	ck_assert(!clock_pin(&c, "2026-12-01T07:5:099Z"));
	ck_assert(!clock_pin(&c, "2026-12-01T 7:05:09Z"));
	ck_assert_str_eq(clock_stamp(&c, stamp, sizeof(stamp)), "2026-12-01T07:05:09Z");
}
END_TEST

/* -- money ------------------------------------------------------------------ */

START_TEST(test_money_parse)
{
	static const struct { const char *in; int64_t cents; } ok[] = {
		{ "0", 0 }, { "12000.50", 1200050 }, { "12000.5", 1200050 }, { "-300", -30000 },
		{ "+7.05", 705 }, { "-0.05", -5 }, { "0012", 1200 },
		{ "92233720368547757", 9223372036854775700LL },
	};
	static const char *const bad[] = {
		"", "12,000.50", "1.234", "12.", ".5", "$12", "12 000", "1e3", "abc", "-",
		"92233720368547758", "12.5x", NULL,
	};
	const char *why;
	int64_t c;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ck_assert_msg(money_parse(ok[i].in, &c, &why), "rejected %s: %s", ok[i].in, why);
		ck_assert_int_eq(c, ok[i].cents);
	}
	for (int i = 0; bad[i]; i++) {
		ck_assert_msg(!money_parse(bad[i], &c, &why), "accepted %s", bad[i]);
		ck_assert_ptr_nonnull(why);
	}
	ck_assert(!money_parse("12,000", &c, &why));
	ck_assert_str_eq(why, "thousands separators are not allowed (write 12000.50)");
}
END_TEST

START_TEST(test_money_format)
{
	char out[MONEY_STRLEN];
	const char *why;
	int64_t back;

	ck_assert_str_eq(money_format(1200050, out), "12000.50");
	ck_assert_str_eq(money_format(-5, out), "-0.05");
	ck_assert_str_eq(money_format(0, out), "0.00");
	ck_assert_str_eq(money_format(INT64_MIN + 1, out), "-92233720368547758.07");
	/* Written by hand since the pipeline's files: the ends of the range too. */
	ck_assert_str_eq(money_format(INT64_MIN, out), "-92233720368547758.08");
	ck_assert_str_eq(money_format(INT64_MAX, out), "92233720368547758.07");
	ck_assert_str_eq(money_format(100, out), "1.00");
	ck_assert_str_eq(money_format(-1010, out), "-10.10");
	ck_assert_str_eq(money_format(7, out), "0.07");
	for (int64_t v = -100005; v <= 100005; v += 997) {
		ck_assert(money_parse(money_format(v, out), &back, &why));
		ck_assert_int_eq(back, v);
	}
	ck_assert_str_eq(money_format_grouped(123456789, false, out), "1,234,567.89");
	ck_assert_str_eq(money_format_grouped(123456789, true, out), "1,234,568");
	ck_assert_str_eq(money_format_grouped(-100000, true, out), "-1,000");
	ck_assert_str_eq(money_format_grouped(99, false, out), "0.99");
	ck_assert_str_eq(money_format_grouped(-20, true, out), "0");
}
END_TEST

/* -- sanitizer and width ------------------------------------------------------ */

static const char *
clean(struct buf *b, const char *s, unsigned flags)
{
	buf_reset(b);
	text_sanitize(b, s, strlen(s), flags);
	return b->data;
}

START_TEST(test_sanitize)
{
	struct buf b;

	buf_init(&b);
	ck_assert_str_eq(clean(&b, "Acme Corp", 0), "Acme Corp");
	ck_assert_str_eq(clean(&b, "Société 株式会社", 0), "Société 株式会社");
	ck_assert_str_eq(clean(&b, "red \x1b[31mX\x1b[0m", 0), "red \\x1b[31mX\\x1b[0m");
	ck_assert_str_eq(clean(&b, "\x1b]0;title\x07", 0), "\\x1b]0;title\\x07");
	ck_assert_str_eq(clean(&b, "a\tb\rc\nd", 0), "a\\tb\\rc\\nd");
	ck_assert_str_eq(clean(&b, "a\nb", TEXT_KEEP_NEWLINES), "a\nb");
	ck_assert_str_eq(clean(&b, "del\x7f", 0), "del\\x7f");
	ck_assert_str_eq(clean(&b, "c1 \xc2\x9b" "31m", 0), "c1 \\u009b31m");       /* 8-bit CSI */
	ck_assert_str_eq(clean(&b, "raw \x9b" "31m", 0), "raw \\x9b31m");          /* invalid UTF-8 */
	ck_assert_str_eq(clean(&b, "evil\xe2\x80\xae" "gnp.exe", 0), "evil\\u202egnp.exe");
	ck_assert_str_eq(clean(&b, "iso\xe2\x81\xa6x\xe2\x81\xa9", 0), "iso\\u2066x\\u2069");
	ck_assert_str_eq(clean(&b, "ls\xe2\x80\xa8" "x", 0), "ls\\u2028x");
	ck_assert_str_eq(clean(&b, "zw\xe2\x80\x8b" "sp\xe2\x80\x8dj", 0), "zw\\u200bsp\\u200dj");
	ck_assert_str_eq(clean(&b, "\xef\xbb\xbf" "bom\xe2\x81\xa0", 0), "\\ufeffbom\\u2060");
	ck_assert_str_eq(clean(&b, "\xed\xa0\x80", 0), "\\xed\\xa0\\x80");          /* surrogate */
	ck_assert_str_eq(clean(&b, "\xc0\xaf", 0), "\\xc0\\xaf");                   /* overlong */
	ck_assert_str_eq(clean(&b, "cut\xe2\x80", 0), "cut\\xe2\\x80");             /* truncated */
	ck_assert(text_is_clean("Zoë", 4));
	ck_assert(!text_is_clean("a\x1b", 2));
	ck_assert_str_eq(text_clean(&b, NULL), "");
	buf_done(&b);
}
END_TEST

START_TEST(test_width)
{
	struct buf b;
	int used;

	ck_assert_int_eq(text_width("Acme"), 4);
	ck_assert_int_eq(text_width("Zoë"), 3);
	ck_assert_int_eq(text_width("株式会社"), 8);
	ck_assert_int_eq(text_width("e\xcc\x81"), 1);   /* e + combining acute */
	/* Never split a wide character. */
	ck_assert_uint_eq(text_fit("株式会社", 5, &used), 6);
	ck_assert_int_eq(used, 4);
	buf_init(&b);
	text_pad(&b, "株式会社", 5, false, true);
	ck_assert_str_eq(b.data, "株式\xe2\x80\xa6");
	buf_reset(&b);
	text_pad(&b, "Acme Corporation", 6, false, false);
	ck_assert_str_eq(b.data, "Acme ~");
	buf_reset(&b);
	text_pad(&b, "42", 5, true, true);
	ck_assert_str_eq(b.data, "   42");
	buf_reset(&b);
	text_pad(&b, "Zoë", 5, false, true);
	ck_assert_str_eq(b.data, "Zoë  ");
	buf_done(&b);
}
END_TEST

START_TEST(test_json_escape)
{
	struct buf b;

	buf_init(&b);
	json_escape(&b, "a\"b\\c\n\x1b[1m\xe2\x80\xae\xc2\x85 é 株 \xff");
	ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\n\\u001b[1m\\u202e\\u0085 é 株 \\ufffd\"");
	buf_done(&b);
}
END_TEST

START_TEST(test_suggest)
{
	ck_assert_str_eq(names_suggest(segment_names, "enterprize"), "enterprise");
	ck_assert_str_eq(names_suggest(segment_names, "mid-market"), "mid_market");
	ck_assert_ptr_null(names_suggest(segment_names, "government"));
	ck_assert_str_eq(names_suggest(stage_names, "adoption"), "adopt");
	ck_assert_str_eq(names_suggest(segment_names, "enter"), "enterprise");
	ck_assert_str_eq(names_suggest(segment_names, "sm"), "smb");
	ck_assert_int_eq(names_lookup(stage_names, "churned"), STAGE_CHURNED);
	ck_assert_int_eq(names_lookup(stage_names, "Churned"), -1);
	ck_assert_int_eq(names_distance("kitten", "sitting", 5), 3);
	ck_assert_int_eq(names_distance("abc", "abcdefgh", 2), 3);   /* capped */
}
END_TEST

START_TEST(test_diag)
{
	struct diag d;

	diag_init(&d, "in\x1b.csv");
	d.max = 2;
	diag_add(&d, 3, 7, "bad value '%s'", "\x1b[2J");
	diag_add(&d, 4, 0, "short row");
	ck_assert(diag_full(&d));
	diag_add(&d, 5, 1, "dropped");
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.dropped, 1);
	ck_assert_str_eq(d.items[0].text, "in\\x1b.csv:3:7: bad value '\\x1b[2J'");
	ck_assert_str_eq(d.items[1].text, "in\\x1b.csv:4: short row");
	diag_done(&d);
}
END_TEST

static char *write_tmp(const char *text);

START_TEST(test_ydoc)
{
	const char *text = "name: x\nlist: [1, 2]\nmap: { a: b }\n";
	struct diag d;
	struct ydoc y;
	yaml_node_t *root, *map;

	diag_init(&d, "t.yaml");
	ck_assert(ydoc_load(&y, text, strlen(text), &d));
	root = ydoc_root(&y);
	ck_assert_str_eq(ydoc_text(ydoc_get(&y, root, "name")), "x");
	ck_assert_ptr_null(ydoc_text(ydoc_get(&y, root, "list")));
	ck_assert_ptr_null(ydoc_get(&y, root, "nope"));
	map = ydoc_get(&y, root, "map");
	ck_assert_ptr_null(ydoc_get(&y, ydoc_get(&y, root, "name"), "a"));   /* not a mapping */
	ydoc_problem(&y, ydoc_get(&y, map, "a"), "bad %s", "value");
	ck_assert_uint_eq(y.problems, 1);
	ck_assert_str_eq(d.items[0].text, "t.yaml:3:11: bad value");
	ydoc_done(&y);
	ydoc_done(&y);   /* twice is harmless */

	/* A syntax error is reported where the parser stopped. */
	ck_assert(!ydoc_load(&y, "a: [1, 2\nb: c\n", 14, &d));
	ck_assert_uint_eq(y.problems, 1);
	ck_assert_uint_eq(d.n, 2);
	ck_assert(strstr(d.items[1].text, "t.yaml:2:") == d.items[1].text);
	ck_assert_ptr_null(ydoc_root(&y));
	ydoc_done(&y);
	diag_done(&d);
}
END_TEST

/* Aliases of aliases ("billion laughs"), an alias inside its own anchor and
 * deep nesting are refused at load, before any loader walks them; shared
 * aliases that stay small are still fine. */
/* sync's frames: what is written reads back; a bad magic, an oversized
 * length and a frame cut short are errors, a clean end is not. */
START_TEST(test_frame_roundtrip)
{
	struct err e = { ST_OK, "" };
	struct buf b, p;
	struct frame_in in;
	char kind, *str;
	uint64_t v;
	bool eof;
	FILE *fp = tmpfile();

	ck_assert_ptr_nonnull(fp);
	buf_init(&b);
	buf_init(&p);
	frame_put_u64(&p, UINT64_C(0x0102030405060708));
	frame_put_str(&p, "priya.raman");
	frame_put_bytes(&p, "a\0b", 3);
	ck_assert_int_eq(frame_write(fp, 'C', p.data, p.len, &e), ST_OK);
	ck_assert_int_eq(frame_write(fp, 'E', NULL, 0, &e), ST_OK);
	rewind(fp);
	ck_assert_int_eq(frame_read(fp, &kind, &b, &eof, &e), ST_OK);
	ck_assert(!eof);
	ck_assert_int_eq(kind, 'C');
	frame_in_init(&in, &b);
	ck_assert(frame_get_u64(&in, &v));
	ck_assert(v == UINT64_C(0x0102030405060708));
	ck_assert(frame_get_str(&in, &str));
	ck_assert_str_eq(str, "priya.raman");
	free(str);
	/* Embedded NULs are bytes, never a string. */
	ck_assert(!frame_get_str(&in, &str));
	ck_assert(!frame_get_u64(&in, &v));
	ck_assert_int_eq(frame_read(fp, &kind, &b, &eof, &e), ST_OK);
	ck_assert_int_eq(kind, 'E');
	ck_assert_int_eq(b.len, 0);
	ck_assert_int_eq(frame_read(fp, &kind, &b, &eof, &e), ST_OK);
	ck_assert(eof);
	/* A bad magic, an oversized length, a frame cut short. */
	rewind(fp);
	ck_assert_int_eq(ftruncate(fileno(fp), 0), 0);
	fputs("HTTP/1.1 400 Bad Request\r\n", fp);
	rewind(fp);
	ck_assert_int_eq(frame_read(fp, &kind, &b, &eof, &e), ST_DATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "does not speak tend sync 1"));
	rewind(fp);
	ck_assert_int_eq(ftruncate(fileno(fp), 0), 0);
	fwrite("TSY1C\x7f\xff\xff\xff", 1, 9, fp);
	rewind(fp);
	ck_assert_int_eq(frame_read(fp, &kind, &b, &eof, &e), ST_DATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "over the"));
	rewind(fp);
	ck_assert_int_eq(ftruncate(fileno(fp), 0), 0);
	fwrite("TSY1C\0\0\0\x20short", 1, 14, fp);
	rewind(fp);
	ck_assert_int_eq(frame_read(fp, &kind, &b, &eof, &e), ST_IOERR);
	fclose(fp);
	buf_done(&b);
	buf_done(&p);
}
END_TEST

START_TEST(test_ydoc_walk_bounded)
{
	char laughs[1024], deep[2 * 300 + 1];
	const char *ok = "a: &a [1, 2]\nb: [*a, *a]\n";
	const char *self = "a: &a [1, *a]\n";
	struct diag d;
	struct ydoc y;
	int n = 0;

	diag_init(&d, "t.yaml");
	ck_assert(ydoc_load(&y, ok, strlen(ok), &d));
	ydoc_done(&y);
	n += snprintf(laughs + n, sizeof(laughs) - (size_t)n, "c0: &c0 [x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i < 8; i++)
		n += snprintf(laughs + n, sizeof(laughs) - (size_t)n,
			      "c%d: &c%d [*c%d, *c%d, *c%d, *c%d, *c%d, *c%d, *c%d, *c%d]\n", i, i,
			      i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	ck_assert(!ydoc_load(&y, laughs, strlen(laughs), &d));
	ck_assert_ptr_null(ydoc_root(&y));
	ck_assert_uint_eq(d.n, 1);
	ck_assert_msg(strstr(d.items[0].text, "stands for more than 200000 nodes"), "%s", d.items[0].text);
	ydoc_done(&y);
	ck_assert(!ydoc_load(&y, self, strlen(self), &d));
	ck_assert_msg(strstr(d.items[1].text, "t.yaml:1:4: YAML: an alias refers to a node that contains it"),
		      "%s", d.items[1].text);
	ydoc_done(&y);
	memset(deep, '[', 300);
	memset(deep + 300, ']', 300);
	deep[600] = 0;
	ck_assert(!ydoc_load(&y, deep, strlen(deep), &d));
	ck_assert_msg(strstr(d.items[2].text, "nests more than 256 levels"), "%s", d.items[2].text);
	ydoc_done(&y);
	diag_done(&d);
}
END_TEST

START_TEST(test_buf_read_file)
{
	struct buf b;
	char *path = write_tmp("hello\n");

	buf_init(&b);
	ck_assert_int_eq(buf_read_file(&b, path), 0);
	ck_assert_uint_eq(b.len, 6);
	ck_assert_int_eq(buf_read_file(&b, "/nonexistent/file.yaml"), ENOENT);
	ck_assert_uint_eq(b.len, 6);
	unlink(path);
	buf_done(&b);
}
END_TEST

/* -- config ------------------------------------------------------------------ */

static char *
write_tmp(const char *text)
{
	static char path[64];
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "/tmp/tend-conf-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

START_TEST(test_conf_good)
{
	char *path = write_tmp("# my settings\nconfig_version: 1\ndb: /srv/cs/book.db\n"
			       "keys:\n  x: quit\n  ctrl-n: move_down\n"
			       "theme: mono\ndefault_view: team\n");
	static const char *const views[] = { "heatmap", "team", NULL };
	struct conf c;
	struct diag d;

	conf_init(&c);
	c.views = views;
	diag_init(&d, path);
	ck_assert_int_eq(conf_load(&c, path, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(c.db, "/srv/cs/book.db");
	ck_assert_str_eq(c.theme, "mono");
	ck_assert_str_eq(c.default_view, "team");
	ck_assert_str_eq(c.source, path);
	diag_done(&d);
	conf_done(&c);
	unlink(path);
}
END_TEST

START_TEST(test_conf_problems)
{
	char *path = write_tmp("db: /a.db\nthem: mono\ndefault_view: kanban\n"
			       "config_version: x\ntheme: [a, b]\nzzz: 1\nkeys: quit\n");
	static const char *const views[] = { "heatmap", "team", NULL };
	char expect[256];
	struct conf c;
	struct diag d;

	conf_init(&c);
	c.views = views;
	diag_init(&d, "config.yaml");
	ck_assert_int_eq(conf_load(&c, path, &d), 0);
	ck_assert_uint_eq(d.n, 6);
	ck_assert_str_eq(d.items[0].text, "config.yaml:2:1: unknown key 'them'; did you mean 'theme'?");
	ck_assert_str_eq(d.items[1].text, "config.yaml:3:15: 'kanban' is not a valid default_view");
	ck_assert_str_eq(d.items[2].text, "config.yaml:4:17: config_version must be a positive whole number");
	ck_assert_str_eq(d.items[3].text, "config.yaml:5:8: theme takes a single value");
	ck_assert_str_eq(d.items[4].text, "config.yaml:6:1: unknown key 'zzz'");
	ck_assert_str_eq(d.items[5].text, "config.yaml:7:7: keys takes a mapping (key: value lines)");
	/* Good keys still load; bad ones keep their defaults. */
	ck_assert_str_eq(c.db, "/a.db");
	ck_assert_ptr_null(c.default_view);
	ck_assert_ptr_null(c.theme);
	ck_assert_int_eq(c.config_version, CONF_VERSION);
	(void)expect;
	diag_done(&d);
	conf_done(&c);
	unlink(path);
}
END_TEST

START_TEST(test_conf_syntax_error)
{
	char *path = write_tmp("db: /a.db\ntheme: \"unclosed\n");
	struct conf c;
	struct diag d;

	conf_init(&c);
	diag_init(&d, "config.yaml");
	conf_load(&c, path, &d);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_msg(strncmp(d.items[0].text, "config.yaml:3:1: ", 17) == 0, "%s", d.items[0].text);
	diag_done(&d);
	conf_done(&c);
	unlink(path);
	/* A missing file is no problem at all. */
	conf_init(&c);
	diag_init(&d, "none");
	ck_assert_int_eq(conf_load(&c, "/nonexistent/tend/config.yaml", &d), 0);
	ck_assert_uint_eq(d.n, 0);
	diag_done(&d);
	conf_done(&c);
}
END_TEST

START_TEST(test_conf_notify)
{
	char *path = write_tmp("notify:\n  support: [sam.support, Help@Vendor.example]\n"
			       "  marketing: mia@example.com\n  sales: [x]\n  ? [a]\n  : b\n"
			       "theme: mono\n");
	struct conf c;
	struct diag d;

	conf_init(&c);
	diag_init(&d, "config.yaml");
	ck_assert_int_eq(conf_load(&c, path, &d), 0);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(d.items[0].text, "config.yaml:4:3: notify: unknown role 'sales' (support or marketing)");
	ck_assert_str_eq(d.items[1].text, "config.yaml:5:5: notify: a role is expected here (support or marketing)");
	/* By conf_notify_roles, in the file's order; the keys after it load. */
	ck_assert_str_eq(conf_notify_roles[0], "support");
	ck_assert_uint_eq(c.notify[0].n, 2);
	ck_assert_str_eq(c.notify[0].to[0], "sam.support");
	ck_assert_str_eq(c.notify[0].to[1], "Help@Vendor.example");
	ck_assert_uint_eq(c.notify[1].n, 1);
	ck_assert_str_eq(c.notify[1].to[0], "mia@example.com");
	ck_assert_str_eq(c.notify_text, "support: sam.support, Help@Vendor.example; marketing: mia@example.com");
	ck_assert_str_eq(c.theme, "mono");
	diag_done(&d);
	conf_done(&c);
	ck_assert_uint_eq(c.notify[0].n, 0);
	unlink(path);
}
END_TEST

/* A syntax error inside notify: ends the file there; what came before stays. */
START_TEST(test_conf_notify_syntax_error)
{
	char *path = write_tmp("notify:\n  support: [a, b\ntheme: mono\n");
	struct conf c;
	struct diag d;

	conf_init(&c);
	diag_init(&d, "config.yaml");
	conf_load(&c, path, &d);
	/* libyaml reads "b\ntheme" as one plain scalar before it fails. */
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(d.items[0].text,
			 "config.yaml:2:16: notify: support: 'b theme' is neither a login nor an e-mail address");
	ck_assert_msg(strncmp(d.items[1].text, "config.yaml:3:", 14) == 0, "%s", d.items[1].text);
	ck_assert_ptr_null(c.theme);
	ck_assert_uint_eq(c.notify[0].n, 1);
	diag_done(&d);
	conf_done(&c);
	unlink(path);
}
END_TEST

static Suite *
core_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_date_roundtrip);
	tcase_add_test(tc, test_date_rejects);
	tcase_add_test(tc, test_date_relative_and_months);
	tcase_add_test(tc, test_date_years_bounded);
	tcase_add_test(tc, test_date_ago);
	tcase_add_test(tc, test_clock);
	tcase_add_test(tc, test_money_parse);
	tcase_add_test(tc, test_money_format);
	tcase_add_test(tc, test_sanitize);
	tcase_add_test(tc, test_width);
	tcase_add_test(tc, test_json_escape);
	tcase_add_test(tc, test_suggest);
	tcase_add_test(tc, test_diag);
	tcase_add_test(tc, test_ydoc);
	tcase_add_test(tc, test_ydoc_walk_bounded);
	tcase_add_test(tc, test_frame_roundtrip);
	tcase_add_test(tc, test_buf_read_file);
	tcase_add_test(tc, test_conf_good);
	tcase_add_test(tc, test_conf_problems);
	tcase_add_test(tc, test_conf_syntax_error);
	tcase_add_test(tc, test_conf_notify);
	tcase_add_test(tc, test_conf_notify_syntax_error);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	sr = srunner_create(core_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
