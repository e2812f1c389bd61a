/*
 * check_csv.c -- the CSV reader: fields, quoting, and the exact line and
 * column of every field, which import error messages depend on.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/csvread.h"

struct collect {
	struct buf out;     /* "line:col=text|..." per record, one per line */
	int records;
	int stop_after;
};

static int
on_record(void *ctx, const struct csv_record *rec)
{
	struct collect *c = ctx;

	for (int i = 0; i < rec->n; i++)
		buf_addf(&c->out, "%s%ld:%ld=%s", i ? "|" : "", rec->line[i], rec->col[i], rec->fields[i]);
	buf_addc(&c->out, '\n');
	c->records++;
	return c->stop_after && c->records >= c->stop_after;
}

/* Read text; returns csv_read's result, with records in c and problems in d. */
static int
read_text(const char *text, struct collect *c, struct diag *d)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	ck_assert_ptr_nonnull(fp);
	buf_init(&c->out);
	c->records = 0;
	diag_init(d, "t.csv");
	rc = csv_read(fp, d, on_record, c);
	fclose(fp);
	return rc;
}

START_TEST(test_positions)
{
	struct collect c = { 0 };
	struct diag d;

	ck_assert_int_eq(read_text("a,bb,ccc\n1,,\"x,y\"\n", &c, &d), 0);
	ck_assert_str_eq(c.out.data, "1:1=a|1:3=bb|1:6=ccc\n2:1=1|2:3=|2:4=x,y\n");
	ck_assert_uint_eq(d.n, 0);
	buf_done(&c.out);
	diag_done(&d);
}
END_TEST

START_TEST(test_multiline_and_crlf)
{
	struct collect c = { 0 };
	struct diag d;

	ck_assert_int_eq(read_text("h1,h2\r\n\"line one\r\nline two\",Zoë\r\nx,\"say \"\"hi\"\"\"\r\n",
				   &c, &d), 0);
	ck_assert_str_eq(c.out.data,
		"1:1=h1|1:4=h2\n"
		"2:1=line one\r\nline two|3:11=Zoë\n"
		"4:1=x|4:3=say \"hi\"\n");
	buf_done(&c.out);
	diag_done(&d);
}
END_TEST

START_TEST(test_bom_blank_lines_no_final_newline)
{
	struct collect c = { 0 };
	struct diag d;

	/* Columns count characters, not bytes: 'é' is one column. */
	ck_assert_int_eq(read_text("\xef\xbb\xbfid,name\n\n1,Café\n\n2,Zürich,x", &c, &d), 0);
	ck_assert_str_eq(c.out.data, "1:1=id|1:4=name\n3:1=1|3:3=Café\n5:1=2|5:3=Zürich|5:10=x\n");
	buf_done(&c.out);
	diag_done(&d);
}
END_TEST

START_TEST(test_unterminated_quote)
{
	struct collect c = { 0 };
	struct diag d;

	ck_assert_int_eq(read_text("a,b\n1,\"open\n2,3\n", &c, &d), -1);
	ck_assert_int_eq(c.records, 1);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.items[0].text, "t.csv:2:3: a quoted field is never closed");
	buf_done(&c.out);
	diag_done(&d);
}
END_TEST

START_TEST(test_invalid_utf8)
{
	struct collect c = { 0 };
	struct diag d;

	ck_assert_int_eq(read_text("a,b\nok,caf\xe9 latin1\n", &c, &d), -1);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.items[0].text, "t.csv:2:7: byte 0xE9 is not valid UTF-8 (if the file is Latin-1 or Windows-1252, say --encoding windows-1252)");
	buf_done(&c.out);
	diag_done(&d);
}
END_TEST

START_TEST(test_callback_stops)
{
	struct collect c = { .stop_after = 2 };
	struct diag d;

	ck_assert_int_eq(read_text("a\n1\n2\n3\n", &c, &d), -1);
	ck_assert_int_eq(c.records, 2);
	buf_done(&c.out);
	diag_done(&d);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_positions);
	tcase_add_test(tc, test_multiline_and_crlf);
	tcase_add_test(tc, test_bom_blank_lines_no_final_newline);
	tcase_add_test(tc, test_unterminated_quote);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_callback_stops);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
