/*
 * check_playbook.c -- playbook files: a file with every feature parses
 * into the expected model; every mistake of the corpus under
 * tests/data/playbooks/bad/ gets exactly its expected messages at
 * line:column; overriding, placeholders and the facts a rule needs.
 *
 * Each bad file starts with its expectations, one comment per problem in
 * report order:  # expect: LINE:COL: message
 * A directory under bad/ is one case: its *.yaml files are checked as one
 * set, in name order.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "domain/facts.h"
#include "app/pba.h"
#include "app/playbook_set.h"
#include "domain/playbook.h"
#include "domain/playbook_action.h"

#define GOOD TEST_SRCDIR "/tests/data/playbooks/good"
#define BAD TEST_SRCDIR "/tests/data/playbooks/bad/"

/* -- helpers ----------------------------------------------------------------- */

/* Collects diagnostics as "LINE:COL: message" lines: the "file:" prefix
 * dropped and the corpus directory removed from the messages. */
static void
collect(void *ctx, const struct diag *d)
{
	struct buf *b = ctx;

	for (size_t i = 0; i < d->n; i++) {
		const char *t = d->items[i].text, *hit;
		size_t skip = strlen(d->file);

		if (!strncmp(t, d->file, skip) && t[skip] == ':')
			t += skip + 1 + (t[skip + 1] == ' ');
		while ((hit = strstr(t, BAD))) {
			buf_add(b, t, (size_t)(hit - t));
			t = hit + strlen(BAD);
		}
		buf_addf(b, "%s\n", t);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of dir (names, sorted, NULL-ended), *.yaml files and, with
 * dirs, sub-directories. */
static char **
entries(const char *dir, bool dirs)
{
	char **list = xcalloc(1, sizeof(*list));
	struct dirent *de;
	size_t n = 0;
	DIR *dp = opendir(dir);

	ck_assert_msg(dp != NULL, "cannot open %s", dir);
	while ((de = readdir(dp))) {
		size_t len = strlen(de->d_name);
		char *path;
		struct stat st;
		bool keep;

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		keep = !stat(path, &st) && (S_ISDIR(st.st_mode) ? dirs :
					    len > 5 && !strcmp(de->d_name + len - 5, ".yaml"));
		free(path);
		if (!keep)
			continue;
		list = xreallocarray(list, n + 2, sizeof(*list));
		list[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	list[n] = NULL;
	qsort(list, n, sizeof(*list), cmp_str);
	return list;
}

static void
free_list(char **list)
{
	for (size_t i = 0; list[i]; i++)
		free(list[i]);
	free(list);
}

/* The "# expect: " lines of a file, one per line, into want. */
static size_t
expectations(const char *path, struct buf *want)
{
	struct buf text;
	size_t n = 0;

	buf_init(&text);
	ck_assert_msg(buf_read_file(&text, path) == 0, "cannot read %s", path);
	for (const char *s = text.data; s && *s;) {
		const char *eol = strchr(s, '\n');
		size_t len = eol ? (size_t)(eol - s) : strlen(s);

		if (len > 10 && !strncmp(s, "# expect: ", 10)) {
			buf_add(want, s + 10, len - 10);
			buf_addc(want, '\n');
			n++;
		}
		s += len + (eol != NULL);
	}
	buf_done(&text);
	return n;
}

static void
fail_report(void *ctx, const struct diag *d)
{
	(void)ctx;
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s\n", d->items[i].text);
	ck_abort_msg("unexpected problems in %s", d->file);
}

static const struct pb_cond *
kid(const struct pb_cond *c, size_t i)
{
	ck_assert_uint_lt(i, c->nkids);
	return c->kids[i];
}

/* A comparison of a catalog fact with one constant number. */
static void
is_num(const struct pb_cond *c, int fact, enum pb_op op, double num)
{
	ck_assert_int_eq(c->kind, PB_COND_CMP);
	ck_assert_int_eq(c->subject, PB_SUBJ_FACT);
	ck_assert_int_eq(c->fact, fact);
	ck_assert_int_eq(c->op, op);
	ck_assert_uint_eq(c->nargs, 1);
	ck_assert_int_eq(c->args[0].kind, PB_VAL_NUM);
	ck_assert_double_eq_tol(c->args[0].num, num, 1e-9);
}

static void
is_text(const struct pb_cond *c, enum pb_subject subject, int fact, enum pb_op op, size_t nargs,
	const char *first)
{
	ck_assert_int_eq(c->kind, PB_COND_CMP);
	ck_assert_int_eq(c->subject, subject);
	if (subject == PB_SUBJ_FACT)
		ck_assert_int_eq(c->fact, fact);
	ck_assert_int_eq(c->op, op);
	ck_assert_uint_eq(c->nargs, nargs);
	ck_assert_int_eq(c->args[0].kind, PB_VAL_TEXT);
	ck_assert_str_eq(c->args[0].text, first);
}

/* -- the model ---------------------------------------------------------------- */

static void
check_when(const struct pb_cond *w)
{
	const struct pb_cond *c;

	ck_assert_int_eq(w->kind, PB_COND_ALL);
	ck_assert_uint_eq(w->nkids, 16);
	is_text(kid(w, 0), PB_SUBJ_FACT, FACT_SEGMENT, PB_EQ, 1, "enterprise");
	is_text(kid(w, 1), PB_SUBJ_FACT, FACT_STAGE, PB_IN, 2, "adopt");
	ck_assert_str_eq(kid(w, 1)->args[1].text, "expand");
	is_num(kid(w, 2), FACT_LICENSE_UTILIZATION, PB_LTE, 0.25);          /* "25%" */
	is_num(kid(w, 3), FACT_LICENSE_UTILIZATION, PB_GT, 0.05);
	c = kid(w, 4);                                                       /* [30d, 90] */
	ck_assert_int_eq(c->op, PB_BETWEEN);
	ck_assert_uint_eq(c->nargs, 2);
	ck_assert(c->args[0].num == 30 && c->args[1].num == 90);
	is_num(kid(w, 5), FACT_ARR, PB_GTE, 5000000);                        /* "50,000.00" */
	is_num(kid(w, 6), FACT_RENEWAL_UPSELL, PB_LT, 100050);               /* 1000.5 */
	is_num(kid(w, 7), FACT_CHAMPION_PRESENT, PB_EQ, 0);                  /* false */
	is_num(kid(w, 8), FACT_SPONSOR_PRESENT, PB_EQ, 1);
	c = kid(w, 9);                                                       /* fact x times */
	ck_assert_int_eq(c->fact, FACT_OPEN_TICKETS);
	ck_assert_int_eq(c->op, PB_GT);
	ck_assert_int_eq(c->args[0].kind, PB_VAL_FACT);
	ck_assert_int_eq(c->args[0].fact, FACT_OPEN_TICKETS_AVG_30D);
	ck_assert_double_eq(c->args[0].times, 1.5);
	c = kid(w, 10);
	ck_assert_int_eq(c->op, PB_NE);
	ck_assert_int_eq(c->args[0].kind, PB_VAL_FACT);
	ck_assert_int_eq(c->args[0].fact, FACT_HEALTH_BAND_30D);
	ck_assert_double_eq(c->args[0].times, 1);
	is_num(kid(w, 11), FACT_DAYS_SINCE_REVIEW, PB_KNOWN, 0);
	is_text(kid(w, 12), PB_SUBJ_OWNER, -1, PB_IN, 2, "bo");
	ck_assert_str_eq(kid(w, 12)->args[1].text, "pooled");
	is_text(kid(w, 13), PB_SUBJ_TAG, -1, PB_NE, 1, "vip");
	c = kid(w, 14);
	ck_assert_int_eq(c->kind, PB_COND_NOT);
	ck_assert_uint_eq(c->nkids, 1);
	is_text(kid(c, 0), PB_SUBJ_FACT, FACT_TOUCH_MODEL, PB_EQ, 1, "tech");
	c = kid(w, 15);
	ck_assert_int_eq(c->kind, PB_COND_ANY);
	ck_assert_uint_eq(c->nkids, 2);
	is_text(kid(c, 0), PB_SUBJ_FACT, FACT_NPS_CATEGORY, PB_EQ, 1, "detractor");
	c = kid(c, 1);
	ck_assert_int_eq(c->kind, PB_COND_ALL);
	ck_assert_uint_eq(c->nkids, 2);
	is_num(kid(c, 0), FACT_CSAT_90D, PB_LT, 3);
	is_text(kid(c, 1), PB_SUBJ_TAG, -1, PB_IN, 2, "strategic");
}

static void
check_actions(const struct pb_rule *r)
{
	const struct pb_action *a = r->actions;

	ck_assert_uint_eq(r->nactions, 8);
	ck_assert_str_eq(a[0].ops->name, "task");
	ck_assert_str_eq(a[0].title,
			 "Call {account.name} ({fact.arr}) about {fact.days_to_renewal}");
	ck_assert_str_eq(a[0].value, "renewal");
	ck_assert_str_eq(a[0].priority, "critical");
	ck_assert_int_eq(a[0].due_days, 7);
	ck_assert_int_eq(a[0].role, PB_ROLE_AM);
	ck_assert_str_eq(a[0].text, "Braces {{like this}} and {renewal.due}");
	ck_assert_str_eq(a[1].ops->name, "checklist");
	ck_assert_ptr_nonnull(a[1].checklist);
	ck_assert_str_eq(a[1].checklist->id, "kickoff");
	ck_assert_uint_eq(a[1].checklist->nitems, 2);
	ck_assert_str_eq(a[1].checklist->items[1], "Sponsor confirmed ({fact.sponsor_present})");
	ck_assert_ptr_null(a[1].title);
	ck_assert_int_eq(a[1].due_days, 14);
	ck_assert_int_eq(a[1].role, PB_ROLE_LEAD);
	ck_assert_str_eq(a[1].value, "cadence");
	ck_assert_str_eq(a[1].priority, "low");
	ck_assert_ptr_nonnull(a[2].checklist);      /* from templates.yaml, loaded later */
	ck_assert_str_eq(a[2].checklist->id, "later");
	ck_assert_str_eq(a[2].title, "Own title {today}");
	ck_assert_int_eq(a[2].due_days, -1);
	ck_assert_int_eq(a[2].role, PB_ROLE_CSM);
	ck_assert_ptr_null(a[2].value);
	ck_assert_ptr_null(a[2].priority);
	ck_assert_str_eq(a[3].ops->name, "risk");
	ck_assert_str_eq(a[3].value, "renewal");
	ck_assert_str_eq(a[3].priority, "high");
	ck_assert_str_eq(a[3].text, "At risk: {fact.nps_12m}");
	ck_assert_int_eq(a[3].role, PB_ROLE_RM);
	ck_assert_str_eq(a[4].ops->name, "stage");
	ck_assert_str_eq(a[4].value, "renew");
	ck_assert_str_eq(a[5].ops->name, "tag");
	ck_assert_str_eq(a[5].value, "at-risk");
	ck_assert_str_eq(a[6].ops->name, "notify");
	ck_assert_int_eq(a[6].role, PB_ROLE_SUPPORT);
	ck_assert_str_eq(a[6].text, "Heads-up on {account.external_id}");
	ck_assert_str_eq(a[7].ops->name, "opportunity");
	ck_assert_str_eq(a[7].value, "cross_sell");
	ck_assert_str_eq(a[7].title, "More for {account.name}");
	ck_assert_int_eq(a[7].arr_cents, 1250050);
}

START_TEST(test_full_model)
{
	struct playbook_set set;
	const struct pb_rule *r;
	struct err e = { 0 };

	playbook_set_init(&set);
	ck_assert_int_eq(playbook_set_load(&set, GOOD, &e, fail_report, NULL), ST_OK);
	ck_assert_str_eq(set.source, "--playbooks " GOOD);
	/* Load order: full.yaml, rules-first.yaml, templates.yaml. */
	ck_assert_uint_eq(set.nrules, 4);
	ck_assert_str_eq(set.rules[0]->id, "everything");
	ck_assert_str_eq(set.rules[1]->id, "periodic");
	ck_assert_str_eq(set.rules[2]->id, "plain");
	ck_assert_str_eq(set.rules[3]->id, "flow-style");
	ck_assert_uint_eq(set.ntemplates, 3);
	ck_assert_str_eq(set.templates[0]->id, "kickoff");
	ck_assert_str_eq(set.templates[1]->id, "touch");
	ck_assert_str_eq(set.templates[2]->id, "later");
	ck_assert_str_eq(set.templates[2]->title, "Follow-up for {account.name}");
	ck_assert_int_eq(set.templates[2]->line, 3);
	ck_assert_int_eq(set.templates[2]->col, 3);

	r = playbook_find(&set, "everything");
	ck_assert_ptr_eq(r, set.rules[0]);
	ck_assert_str_eq(r->description, "every condition form");
	ck_assert_str_eq(r->file, GOOD "/full.yaml");
	ck_assert_int_eq(r->line, 12);
	ck_assert_int_eq(r->col, 5);
	ck_assert(!r->enabled);
	ck_assert_int_eq(r->once, PB_ONCE_RENEWAL);
	check_when(r->when);
	check_actions(r);
	ck_assert_uint_eq(r->nsteps, 3);
	ck_assert_int_eq(r->steps[0].after_days, 3);
	ck_assert_uint_eq(r->steps[0].unless, 0);
	ck_assert_int_eq(r->steps[0].to, PB_ROLE_LEAD);
	ck_assert_str_eq(r->steps[0].request, "Help with {account.name} ({fact.open_p1} P1)");
	ck_assert_int_eq(r->steps[1].after_days, 10);
	ck_assert_uint_eq(r->steps[1].unless,
			  PB_UNLESS_TASK_DONE | PB_UNLESS_RISK_MITIGATED | PB_UNLESS_ACKNOWLEDGED);
	ck_assert_int_eq(r->steps[1].to, PB_ROLE_EXECUTIVE);
	ck_assert_int_eq(r->steps[2].after_days, 30);
	ck_assert_uint_eq(r->steps[2].unless, PB_UNLESS_ACKNOWLEDGED);
	ck_assert_int_eq(r->steps[2].to, PB_ROLE_MARKETING);
	ck_assert_str_eq(r->steps[2].request, "Last call");

	r = set.rules[1];
	ck_assert(r->enabled);
	ck_assert_int_eq(r->once, PB_ONCE_PERIOD);
	ck_assert_int_eq(r->period_days, 30);
	is_num(r->when, FACT_OPEN_P1, PB_GT, 0);               /* one entry: no ALL around it */
	ck_assert_uint_eq(r->nsteps, 0);

	r = set.rules[2];
	ck_assert_int_eq(r->once, PB_ONCE_ACCOUNT);
	ck_assert_int_eq(r->when->kind, PB_COND_ALL);
	is_text(kid(r->when, 0), PB_SUBJ_OWNER, -1, PB_EQ, 1, "bo");
	ck_assert_int_eq(kid(r->when, 1)->subject, PB_SUBJ_TAG);
	ck_assert_int_eq(kid(r->when, 1)->op, PB_KNOWN);
	ck_assert(kid(r->when, 1)->args[0].num == 1);

	r = set.rules[3];                                      /* template defined below it */
	ck_assert_str_eq(r->actions[0].checklist->id, "touch");
	ck_assert_int_eq(r->steps[0].unless, PB_UNLESS_TASK_DONE);
	ck_assert_int_eq(r->steps[0].to, PB_ROLE_CSM);
	ck_assert_ptr_null(playbook_find(&set, "nope"));
	playbook_set_free(&set);
}
END_TEST

START_TEST(test_rule_facts)
{
	static const int want[] = {
		/* condition */
		FACT_SEGMENT, FACT_STAGE, FACT_LICENSE_UTILIZATION, FACT_DAYS_TO_RENEWAL, FACT_ARR,
		FACT_RENEWAL_UPSELL, FACT_CHAMPION_PRESENT, FACT_SPONSOR_PRESENT, FACT_OPEN_TICKETS,
		FACT_OPEN_TICKETS_AVG_30D, FACT_HEALTH_BAND, FACT_HEALTH_BAND_30D,
		FACT_DAYS_SINCE_REVIEW,
		FACT_TOUCH_MODEL, FACT_NPS_CATEGORY, FACT_CSAT_90D,
		/* only in texts: a risk's description, a step's request, a template's title */
		FACT_NPS_12M, FACT_OPEN_P1, FACT_ADVOCACY_12M,
	};
	bool used[FACT_COUNT_] = { 0 }, expect[FACT_COUNT_] = { 0 };
	struct playbook_set set;
	struct err e = { 0 };

	playbook_set_init(&set);
	ck_assert_int_eq(playbook_set_load(&set, GOOD, &e, fail_report, NULL), ST_OK);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		expect[want[i]] = true;
	pb_rule_facts(playbook_find(&set, "everything"), used);
	for (int f = 0; f < FACT_COUNT_; f++)
		ck_assert_msg(used[f] == expect[f], "%s: used %d, expected %d", fact_defs[f].name,
			      used[f], expect[f]);
	memset(used, 0, sizeof(used));
	pb_rule_facts(playbook_find(&set, "flow-style"), used);
	for (int f = 0; f < FACT_COUNT_; f++)
		ck_assert_msg(used[f] == (f == FACT_DAYS_SINCE_TOUCH), "%s", fact_defs[f].name);
	playbook_set_free(&set);
}
END_TEST

/* -- placeholders -------------------------------------------------------------- */

static const char *
lookup(void *ctx, const char *name)
{
	(*(int *)ctx)++;
	if (!strcmp(name, "account.name"))
		return "Acme";
	if (!strcmp(name, "fact.arr"))
		return "12,000";
	return NULL;
}

START_TEST(test_expand)
{
	static const struct {
		const char *tmpl, *want;
		int lookups;
	} cases[] = {
		{ "Call {account.name} ({fact.arr})", "Call Acme (12,000)", 2 },
		{ "{account.name}{account.name}", "AcmeAcme", 2 },
		{ "due {due}, {fact.nps_12m}", "due n/a, n/a", 2 },
		{ "{{literal}} and }} and {{", "{literal} and } and {", 0 },
		{ "{{{account.name}}}", "{Acme}", 1 },
		{ "a lone } stays", "a lone } stays", 0 },
		{ "unclosed {account.name", "unclosed {account.name", 0 },
		{ "", "", 0 },
		{ "Société {account.name} — ok", "Société Acme — ok", 1 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b;
		int n = 0;

		buf_init(&b);
		pb_expand(&b, cases[i].tmpl, lookup, &n);
		ck_assert_str_eq(b.data ? b.data : "", cases[i].want);
		ck_assert_int_eq(n, cases[i].lookups);
		buf_done(&b);
	}
	{
		struct buf b;
		int n = 0;

		buf_init(&b);
		pb_expand(&b, NULL, lookup, &n);
		ck_assert_uint_eq(b.len, 0);
		buf_done(&b);
	}
	ck_assert_str_eq(pb_placeholder_names[0], "account.name");
}
END_TEST

/* -- overriding ---------------------------------------------------------------- */

static size_t
parse(struct playbook_set *set, const char *file, const char *text, bool override, struct buf *got)
{
	struct diag d;
	size_t n;

	diag_init(&d, file);
	n = playbook_parse(set, pb_actions, text, strlen(text), &d, override);
	for (size_t i = 0; i < d.n; i++)
		buf_addf(got, "%s\n", d.items[i].text);
	ck_assert_uint_eq(d.n, n);
	diag_done(&d);
	return n;
}

START_TEST(test_override)
{
	static const char a[] =
		"templates:\n  prep: { title: Prep, items: [ one ] }\n"
		"rules:\n"
		"  - id: r1\n    description: first\n    when: { segment: smb }\n"
		"    actions: [ { checklist: { template: prep } } ]\n"
		"  - id: r2\n    when: { segment: smb }\n    actions: [ { tag: y } ]\n";
	static const char b[] =
		"templates:\n  prep: { title: Prep 2, items: [ two ] }\n"
		"rules:\n"
		"  - id: r1\n    description: second\n    enabled: false\n"
		"    when: { segment: smb }\n"
		"    actions: [ { tag: z } ]\n";
	static const char twice[] =
		"rules:\n"
		"  - { id: r3, when: { segment: smb }, actions: [ tag: a ] }\n"
		"  - { id: r3, when: { segment: smb }, actions: [ tag: b ] }\n";
	struct playbook_set set;
	struct buf got;

	buf_init(&got);
	playbook_set_init(&set);
	/* Only shipped rules and templates (playbooks/pb-*) may be replaced. */
	ck_assert_uint_eq(parse(&set, "playbooks/pb-a.yaml", a, false, &got), 0);
	ck_assert_uint_eq(parse(&set, "b.yaml", b, true, &got), 0);
	/* Replaced in place: same position, the new rule and template. */
	ck_assert_uint_eq(set.nrules, 2);
	ck_assert_str_eq(set.rules[0]->description, "second");
	ck_assert_str_eq(set.rules[0]->file, "b.yaml");
	ck_assert(!set.rules[0]->enabled);
	ck_assert_str_eq(set.rules[1]->id, "r2");
	ck_assert_uint_eq(set.ntemplates, 1);
	ck_assert_str_eq(set.templates[0]->title, "Prep 2");

	/* Without override a second id is a problem naming the first; with
	 * it too, when the first is not a shipped one. */
	ck_assert_uint_eq(parse(&set, "c.yaml", b, true, &got), 2);
	buf_reset(&got);
	ck_assert_uint_eq(parse(&set, "c.yaml", b, false, &got), 2);
	ck_assert_str_eq(got.data,
			 "c.yaml:2:3: duplicate template id 'prep' (first defined at b.yaml:2:3)\n"
			 "c.yaml:4:9: duplicate rule id 'r1' (first defined at b.yaml:4:5)\n");
	ck_assert_str_eq(set.rules[0]->file, "b.yaml");

	/* Within one file, override or not, twice is a problem. */
	buf_reset(&got);
	ck_assert_uint_eq(parse(&set, "d.yaml", twice, true, &got), 1);
	ck_assert_str_eq(got.data,
			 "d.yaml:3:11: duplicate rule id 'r3' (first defined at d.yaml:2:5)\n");
	ck_assert_uint_eq(set.nrules, 3);
	playbook_set_free(&set);
	buf_done(&got);
}
END_TEST

/* Shipped playbooks, then the config directory's with override. */
START_TEST(test_shipped_and_config)
{
	static const char mine[] =
		"templates:\n  qbr-prep: { title: Our own QBR, items: [ one ] }\n"
		"rules:\n"
		"  - id: renewal-t90\n    enabled: false\n    when: { segment: smb }\n"
		"    actions: [ { tag: x } ]\n"
		"  - id: team-rule\n    when: { segment: smb }\n"
		"    actions: [ { checklist: { template: get-well } } ]\n";
	char tmpl[] = "/tmp/check_playbook.XXXXXX", *dir, *path, *old = getenv("XDG_CONFIG_HOME");
	struct playbook_set set;
	struct err e = { 0 };
	const struct pb_rule *r;
	size_t shipped, t90 = 0;
	FILE *f;

	old = old ? xstrdup(old) : NULL;
	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	setenv("XDG_CONFIG_HOME", tmpl, 1);

	/* No config directory: the shipped set alone. */
	playbook_set_init(&set);
	ck_assert_int_eq(playbook_set_load(&set, NULL, &e, fail_report, NULL), ST_OK);
	ck_assert_str_eq(set.source, "shipped");
	shipped = set.nrules;
	ck_assert_uint_gt(shipped, 20);
	while (t90 < set.nrules && strcmp(set.rules[t90]->id, "renewal-t90"))
		t90++;
	ck_assert_uint_lt(t90, set.nrules);
	ck_assert_str_eq(set.rules[t90]->file, "playbooks/pb-renewal.yaml");
	playbook_set_free(&set);

	dir = xasprintf("%s/tend", tmpl);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	free(dir);
	dir = xasprintf("%s/tend/playbooks", tmpl);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	path = xasprintf("%s/mine.yaml", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(mine, f);
	fclose(f);

	playbook_set_init(&set);
	ck_assert_int_eq(playbook_set_load(&set, NULL, &e, fail_report, NULL), ST_OK);
	ck_assert_str_eq(set.source, "shipped + config directory");
	ck_assert_uint_eq(set.nrules, shipped + 1);
	ck_assert_str_eq(set.rules[t90]->id, "renewal-t90");
	ck_assert_str_eq(set.rules[t90]->file, path);
	ck_assert(!set.rules[t90]->enabled);
	ck_assert_str_eq(set.rules[shipped]->id, "team-rule");
	/* A shipped rule's checklist takes the overriding template. */
	r = playbook_find(&set, "cadence-qbr-enterprise");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->actions[0].checklist->title, "Our own QBR");
	playbook_set_free(&set);

	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	dir = xasprintf("%s/tend", tmpl);
	rmdir(dir);
	free(dir);
	rmdir(tmpl);
	if (old)
		setenv("XDG_CONFIG_HOME", old, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(old);
}
END_TEST

START_TEST(test_load_errors)
{
	const char *files[] = { GOOD "/full.yaml", "/nonexistent/x.yaml" };
	struct playbook_set set;
	struct err e = { 0 };
	struct buf got;

	playbook_set_init(&set);
	ck_assert_int_eq(playbook_set_load(&set, "/nonexistent/playbooks", &e, fail_report, NULL),
			 ST_NOINPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/playbooks"));
	playbook_set_free(&set);

	/* A file with problems fails the load with ST_DATA. */
	buf_init(&got);
	playbook_set_init(&set);
	memset(&e, 0, sizeof(e));
	ck_assert_int_eq(playbook_set_load(&set, BAD "dup-across", &e, collect, &got), ST_DATA);
	ck_assert_str_eq(e.msg, "2 problems in the playbooks (--playbooks " BAD "dup-across)");
	ck_assert_ptr_nonnull(strstr(got.data, "duplicate rule id 'shared'"));
	playbook_set_free(&set);

	/* check_files: an unreadable file is an error; the others are still checked. */
	memset(&e, 0, sizeof(e));
	buf_reset(&got);
	ck_assert_uint_eq(playbook_check_files(files, 2, &e, collect, &got), 1);
	ck_assert_int_eq(e.status, ST_NOINPUT);
	ck_assert_str_eq(got.data, "45:32: unknown template 'later'\n");
	buf_done(&got);
}
END_TEST

START_TEST(test_empty_file)
{
	struct playbook_set set;
	struct buf got;

	buf_init(&got);
	playbook_set_init(&set);
	ck_assert_uint_eq(parse(&set, "e.yaml", "# only a comment\n", false, &got), 1);
	ck_assert_str_eq(got.data, "e.yaml: the file is empty\n");
	playbook_set_free(&set);
	buf_done(&got);
}
END_TEST

/* The complete playbook of tend-playbook(5)'s EXAMPLES loads as is. */
START_TEST(test_man_example)
{
	struct playbook_set set;
	struct buf man, got;
	const char *start, *end;
	struct diag d;

	buf_init(&man);
	buf_init(&got);
	ck_assert_int_eq(buf_read_file(&man, TEST_SRCDIR "/man/tend-playbook.5"), 0);
	start = strstr(man.data, "\n# team.yaml");
	ck_assert_ptr_nonnull(start);
	start++;
	end = strstr(start, "\n.Ed\n");
	ck_assert_ptr_nonnull(end);
	ck_assert_ptr_null(memchr(start, '\\', (size_t)(end - start)));   /* no roff escapes */
	playbook_set_init(&set);
	diag_init(&d, "team.yaml");
	playbook_parse(&set, pb_actions, start, (size_t)(end - start) + 1, &d, false);
	for (size_t i = 0; i < d.n; i++)
		buf_addf(&got, "%s\n", d.items[i].text);
	ck_assert_msg(d.n == 0, "%s", got.data);
	ck_assert_uint_eq(set.nrules, 3);
	ck_assert_uint_eq(set.ntemplates, 1);
	ck_assert_ptr_nonnull(playbook_find(&set, "sponsor-quiet")->actions[0].checklist);
	diag_done(&d);
	playbook_set_free(&set);
	buf_done(&got);
	buf_done(&man);
}
END_TEST

/* -- the corpus ---------------------------------------------------------------- */

/* Check one case (a file, or a directory of files as one set); on a
 * mismatch, say so in failures. */
static void
corpus_case(const char *name, struct buf *failures)
{
	char *path = xasprintf("%s%s", BAD, name), **names = NULL;
	const char **files;
	struct buf want, got;
	struct stat st;
	struct err e = { 0 };
	size_t n = 0, expected = 0, problems;

	buf_init(&want);
	buf_init(&got);
	ck_assert_int_eq(stat(path, &st), 0);
	if (S_ISDIR(st.st_mode)) {
		names = entries(path, false);
		while (names[n])
			n++;
		files = xcalloc(n, sizeof(*files));
		for (size_t i = 0; i < n; i++)
			files[i] = xasprintf("%s/%s", path, names[i]);
	} else {
		files = xcalloc(1, sizeof(*files));
		files[0] = xstrdup(path);
		n = 1;
	}
	for (size_t i = 0; i < n; i++)
		expected += expectations(files[i], &want);
	problems = playbook_check_files(files, (int)n, &e, collect, &got);
	if (!expected || e.status || problems != expected ||
	    strcmp(got.data ? got.data : "", want.data ? want.data : ""))
		buf_addf(failures,
			 "%s (%zu problems, %zu expected%s%s):\n--- got\n%s--- want\n%s\n", name,
			 problems, expected, e.status ? "; " : "", e.status ? e.msg : "",
			 got.data ? got.data : "", want.data ? want.data : "");
	for (size_t i = 0; i < n; i++)
		free((char *)files[i]);
	free(files);
	if (names)
		free_list(names);
	free(path);
	buf_done(&want);
	buf_done(&got);
}

START_TEST(test_corpus)
{
	char **names = entries(BAD, true);
	struct buf failures;
	size_t n = 0;

	buf_init(&failures);
	for (; names[n]; n++)
		corpus_case(names[n], &failures);
	ck_assert_uint_ge(n, 35);
	ck_assert_msg(failures.len == 0, "%s", failures.data);
	free_list(names);
	buf_done(&failures);
}
END_TEST

START_TEST(test_good_files)
{
	char **names = entries(GOOD, false);
	const char **files;
	struct err e = { 0 };
	size_t n = 0;

	while (names[n])
		n++;
	ck_assert_uint_ge(n, 3);
	files = xcalloc(n, sizeof(*files));
	for (size_t i = 0; i < n; i++)
		files[i] = xasprintf("%s/%s", GOOD, names[i]);
	ck_assert_uint_eq(playbook_check_files(files, (int)n, &e, fail_report, NULL), 0);
	ck_assert_int_eq(e.status, ST_OK);
	for (size_t i = 0; i < n; i++)
		free((char *)files[i]);
	free(files);
	free_list(names);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("playbook");
	TCase *tc = tcase_create("playbook");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_full_model);
	tcase_add_test(tc, test_rule_facts);
	tcase_add_test(tc, test_expand);
	tcase_add_test(tc, test_override);
	tcase_add_test(tc, test_shipped_and_config);
	tcase_add_test(tc, test_load_errors);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_man_example);
	tcase_add_test(tc, test_corpus);
	tcase_add_test(tc, test_good_files);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
