/*
 * err.c -- status codes, their exit codes and the error-detail buffer.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/err.h"

static const struct {
	int code;
	const char *text;
} status_table[] = {
#define STATUS_ROW(name, code, text) { code, text },
	STATUS_LIST(STATUS_ROW)
#undef STATUS_ROW
};

enum status
err_vset(struct err *e, enum status st, const char *fmt, va_list ap)
{
	if (e) {
		e->status = st;
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	}
	return st;
}

enum status
err_set(struct err *e, enum status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, st, fmt, ap);
	va_end(ap);
	return st;
}

enum status
err_wrap(struct err *e, const char *fmt, ...)
{
	char prefix[512], both[sizeof(prefix) + sizeof(e->msg) + 2];
	size_t len;
	va_list ap;

	if (!e)
		return ST_SOFTWARE;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	snprintf(both, sizeof(both), "%s: %s", prefix, e->msg);
	/* Keep what fits; the end of a long message is the least useful part. */
	len = strnlen(both, sizeof(e->msg) - 1);
	memcpy(e->msg, both, len);
	e->msg[len] = '\0';
	return e->status;
}

void
err_clear(struct err *e)
{
	e->status = ST_OK;
	e->msg[0] = '\0';
}

int
status_exit_code(enum status st)
{
	if ((size_t)st >= sizeof(status_table) / sizeof(status_table[0]))
		return 70;
	return status_table[st].code;
}

const char *
status_text(enum status st)
{
	if ((size_t)st >= sizeof(status_table) / sizeof(status_table[0]))
		return "unknown status";
	return status_table[st].text;
}
