/*
 * import_guess.c -- a proposed mapping for an export nobody wrote a map for
 * (`tend import --guess FILE`, see import_map.h): the columns are matched to
 * fields by their labels (tend's own names, and the labels CRMs, help desks,
 * survey tools and telemetry exports use), the entity is the one most
 * columns point to, and the first rows say how dates and money are written.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "app/import_map.h"
#include "domain/import_fmt.h"

struct label {
	const char *entity;   /* NULL: any entity with that field */
	const char *field;
	const char *label;    /* lower case, letters and digits only */
	const char *by;       /* a reference's key, when not its own */
};

static const struct label labels[] = {
	{ "account", "external_id", "accountid", NULL },
	{ "account", "external_id", "recordid", NULL },
	{ "account", "external_id", "accountid18", NULL },
	{ "account", "name", "accountname", NULL },
	{ "account", "name", "companyname", NULL },
	{ "account", "owner", "accountowner", "display_name" },
	{ "account", "owner", "companyowner", "display_name" },
	{ "account", "owner", "csm", "display_name" },
	{ "account", "segment", "type", NULL },
	{ "account", "segment", "tier", NULL },
	{ "account", "region", "billingcountry", NULL },
	{ "account", "region", "country", NULL },
	{ "account", "region", "countryregion", NULL },
	{ "account", "initial_contract_date", "customersince", NULL },
	{ "account", "initial_contract_date", "createdate", NULL },
	{ "account", "licensed_seats", "seats", NULL },
	{ "account", "stage", "lifecyclestage", NULL },
	{ "opportunity", "external_id", "opportunityid", NULL },
	{ "opportunity", "title", "opportunityname", NULL },
	{ "opportunity", "arr", "amount", NULL },
	{ "opportunity", "expected_close", "closedate", NULL },
	{ "opportunity", "kind", "type", NULL },
	{ "opportunity", "account", "accountid", NULL },
	{ "opportunity", "account", "accountname", "name" },
	{ "opportunity", "sourced_by", "opportunityowner", "display_name" },
	{ "ticket", "external_id", "id", NULL },
	{ "ticket", "external_id", "ticketid", NULL },
	{ "ticket", "account", "organization", "name" },
	{ "ticket", "account", "organisation", "name" },
	{ "ticket", "opened_date", "createdat", NULL },
	{ "ticket", "closed_date", "solvedat", NULL },
	{ "ticket", "csat", "satisfactionscore", NULL },
	{ "survey", "external_id", "responseid", NULL },
	{ "survey", "date", "recordeddate", NULL },
	{ "survey", "date", "enddate", NULL },
	{ "survey", "score", "nps", NULL },
	{ "survey", "score", "npsscore", NULL },
	{ "survey", "score", "q1", NULL },
	{ "survey", "account", "externalreference", NULL },
	{ "survey", "account", "externaldatareference", NULL },
	{ "survey", "contact", "recipientemail", NULL },
	{ "survey", "comment", "q2", NULL },
	{ "usage", "account", "accountid", NULL },
	{ "usage", "account", "customerid", NULL },
	{ "usage", "date", "day", NULL },
	{ "usage", "date", "week", NULL },
	{ "usage", "date", "month", NULL },
	{ "usage", "active_users", "dau", NULL },
	{ "usage", "active_users", "wau", NULL },
	{ "usage", "active_users", "mau", NULL },
	{ "usage", "active_users", "users", NULL },
	{ NULL, NULL, NULL, NULL },
};

static void
normalise(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n < size - 1; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

/* The field of ent column label names, or -1; *by its reference key. */
static int
match(const struct entity *ent, const char *label, const char **by)
{
	char norm[128], name[64];

	normalise(label, norm, sizeof(norm));
	*by = NULL;
	for (const struct label *l = labels; l->field; l++)
		if ((!l->entity || !strcmp(l->entity, ent->name)) && !strcmp(l->label, norm)) {
			*by = l->by;
			return entity_field(ent, l->field);
		}
	for (int f = 0; f < ent->nfields; f++) {
		normalise(ent->fields[f].name, name, sizeof(name));
		if (!strcmp(name, norm))
			return f;
	}
	return -1;
}

static void
yaml_str(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(out, '\\');
		/* A header reaches a terminal: no control characters. */
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

/* The first format every sample of column c fits, or NULL. */
static const char *
date_format_of(const struct csv_record *const *rows, int nrows, int c)
{
	static const char *const formats[] = { "iso", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y",
					       "%Y/%m/%d", "%m/%d/%y", "%d-%b-%Y", "%d %b %Y", NULL };
	char out[16];

	for (int k = 0; formats[k]; k++) {
		bool all = true, any = false;

		for (int r = 0; r < nrows && all; r++) {
			const char *v;

			if (c >= rows[r]->n || !*(v = rows[r]->fields[c]))
				continue;
			any = true;
			all = fmt_date(v, formats[k], out);
		}
		if (any && all)
			return formats[k];
	}
	return NULL;
}

/* Does column c write amounts with a decimal comma (12.000,50)? */
static bool
decimal_comma(const struct csv_record *const *rows, int nrows, int c)
{
	for (int r = 0; r < nrows; r++) {
		const char *v, *comma;

		if (c >= rows[r]->n)
			continue;
		v = rows[r]->fields[c];
		comma = strrchr(v, ',');
		if (comma && isdigit((unsigned char)comma[1]) && isdigit((unsigned char)comma[2]) &&
		    !isdigit((unsigned char)comma[3]) && !strchr(comma, '.'))
			return true;
	}
	return false;
}

/* Rows after the header that are more header: a Qualtrics export's
 * question texts, then its {"ImportId": ...} row. */
static int
extra_header_rows(const struct csv_record *const *rows, int nrows)
{
	for (int r = 0; r < nrows && r < 3; r++)
		for (int c = 0; c < rows[r]->n; c++)
			if (!strncmp(rows[r]->fields[c], "{\"ImportId\"", 11))
				return r + 1;
	return 0;
}

void
import_map_guess(const struct csv_record *h, const struct csv_record *const *rows, int nrows,
		 char delim, struct buf *out)
{
	int skip = extra_header_rows(rows, nrows);
	const struct entity *best = NULL;
	int best_n = 0, fields[256];
	const char *bys[256];
	bool comma = false;
	uint32_t used = 0;

	for (size_t i = 0; i < entity_catalog_count; i++) {
		const struct entity *ent = entity_catalog[i];
		uint32_t seen = 0;
		int n = 0;
		const char *by;

		if (!ent->import)
			continue;
		for (int c = 0; c < h->n; c++) {
			int f = match(ent, h->fields[c], &by);

			if (f >= 0 && !(seen & (1u << f))) {
				seen |= 1u << f;
				n++;
			}
		}
		if (n > best_n) {
			best = ent;
			best_n = n;
		}
	}
	buf_adds(out, "# A mapping proposed by 'tend import --guess': check every line, then\n"
		      "# 'tend import --map THIS-FILE ENTITY FILE --dry-run'.  See tend-import(5).\n");
	if (!best) {
		buf_adds(out, "# No column looks like a field of any entity; write the fields by hand.\n"
			      "entity: account\nfields:\n");
		for (int c = 0; c < h->n; c++) {
			buf_adds(out, "  # ?: ");
			yaml_str(out, h->fields[c]);
			buf_addc(out, '\n');
		}
		return;
	}
	rows += skip;   /* samples are data rows only */
	nrows -= skip;
	for (int c = 0; c < h->n && c < 256; c++) {
		fields[c] = match(best, h->fields[c], &bys[c]);
		if (fields[c] >= 0 && (used & (1u << fields[c])))
			fields[c] = -1;   /* the first column of a field wins */
		if (fields[c] >= 0) {
			used |= 1u << fields[c];
			if (best->fields[fields[c]].type == FT_MONEY && decimal_comma(rows, nrows, c))
				comma = true;
		}
	}
	buf_addf(out, "entity: %s\n", best->name);
	{
		const char *const *key = import_default_key(best);
		int f = key[0] ? entity_field(best, key[0]) : -1;

		if (f >= 0 && (used & (1u << f)) && !key[1])
			buf_addf(out, "match: %s\n", key[0]);
	}
	if (delim != ',')
		buf_addf(out, "delimiter: %s\n", delim == '\t' ? "tab" : delim == ';' ? "\";\"" : "\"|\"");
	if (comma)
		buf_adds(out, "decimal: \",\"\nthousands: \".\"\n");
	if (skip)
		buf_addf(out, "skip:\n  header_rows: %d\n", skip);
	buf_adds(out, "fields:\n");
	for (int c = 0; c < h->n && c < 256; c++) {
		const struct field *fd;
		const char *fmt;

		if (fields[c] < 0)
			continue;
		fd = &best->fields[fields[c]];
		buf_addf(out, "  %s: ", fd->name);
		fmt = fd->type == FT_DATE ? date_format_of(rows, nrows, c) : NULL;
		if (!bys[c] && !(fmt && strcmp(fmt, "iso"))) {
			yaml_str(out, h->fields[c]);
			buf_addc(out, '\n');
			continue;
		}
		buf_adds(out, "{column: ");
		yaml_str(out, h->fields[c]);
		if (bys[c])
			buf_addf(out, ", by: %s", bys[c]);
		if (fmt && strcmp(fmt, "iso")) {
			buf_adds(out, ", date: ");
			yaml_str(out, fmt);
		}
		buf_adds(out, "}\n");
	}
	for (int f = 0; f < best->nfields; f++)
		if ((best->fields[f].flags & F_REQUIRED) && !(used & (1u << f)))
			buf_addf(out, "  # %s: ?   (required: no column looks like it)\n",
				 best->fields[f].name);
	for (int c = 0; c < h->n; c++)
		if (c >= 256 || fields[c] < 0) {
			buf_adds(out, "  # not mapped: ");
			yaml_str(out, h->fields[c]);
			buf_addc(out, '\n');
		}
}
