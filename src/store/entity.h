/*
 * entity.h -- the catalog of entities: what each table holds, field by field.
 *
 * One descriptor per entity drives CSV import (header names, types,
 * validation, reference resolution), export, the generic write path and its
 * audit record, and the column lists in `tend help import` and the man page.
 * Field names are the canonical file headers: doc/model.md's names, with foreign
 * keys shown as natural keys (an account's external id, a user's login, a
 * contact's email) and money in major units (JSON adds `_cents`).
 *
 * tests/unit/check_schema.c proves every descriptor matches the live schema.
 */
#ifndef TEND_ENTITY_H
#define TEND_ENTITY_H

#include <stdbool.h>
#include <stddef.h>

enum ftype {
	FT_ID,        /* INTEGER PRIMARY KEY; optional on import */
	FT_TEXT,
	FT_INT,
	FT_REAL,
	FT_BOOL,      /* INTEGER 0/1; files say true/false */
	FT_DATE,      /* TEXT YYYY-MM-DD */
	FT_MONEY,     /* INTEGER cents; files say 12000.50 */
	FT_ENUM,      /* TEXT, one of field.values */
	FT_REF,       /* INTEGER id of another row, shown by its natural key */
	FT_LIST,      /* several values kept in a child table; files say a;b;c */
};

enum fflag {
	F_REQUIRED = 1 << 0,  /* must be present and non-empty on import */
	F_TODAY = 1 << 1,     /* a date that defaults to today when not given */
	F_NONNEG = 1 << 2,    /* a count or an amount: 0 or more (the schema's CHECK) */
};

struct ref_def {
	const char *what;             /* "account", for messages */
	const char *table;            /* the referenced table */
	const char *key;              /* its natural-key column ("id" for plain ids) */
	bool per_account;             /* the key is unique only within the row's account */
	bool nocase;                  /* the key matches whatever its case (emails) */
};

struct list_def {
	const char *table;            /* child table */
	const char *parent;           /* its column holding the parent id */
	const char *value;            /* its column holding one element */
	const char *const *values;    /* allowed elements, or NULL */
	const struct ref_def *ref;    /* elements are references, or NULL */
};

struct field {
	const char *name;             /* header / JSON key */
	const char *column;           /* SQL column; NULL for FT_LIST */
	enum ftype type;
	unsigned flags;               /* enum fflag */
	const char *const *values;    /* FT_ENUM: allowed values */
	const struct ref_def *ref;    /* FT_REF */
	const struct list_def *list;  /* FT_LIST */
	const char *help;             /* one line for help and the man page */
};

#define ENTITY_MAX_FIELDS 24

struct entity {
	const char *name;             /* singular, as typed: "arr_event" */
	const char *table;            /* SQL table */
	const char *help;             /* one line */
	const struct field *fields;
	int nfields;
	bool import;                  /* accepted by `tend import` (not audit) */
	/* The rule a row-level CHECK of the table enforces, in the user's words,
	 * for the message when a row breaks it; NULL: no such CHECK. */
	const char *rule;
};

extern const struct entity *const entity_catalog[];
extern const size_t entity_catalog_count;

/* By singular name, plural ("accounts") or table name; NULL if unknown. */
const struct entity *entity_find(const char *name);
/* Closest entity name for "did you mean", or NULL. */
const char *entity_suggest(const char *name);
/* Index of a field by header name (case-insensitive), or -1. */
int entity_field(const struct entity *ent, const char *name);
/* The field's referenced-table index within the catalog, for ordering. */
const char *ftype_name(enum ftype t);

/* The entity descriptors, for modules that write a known entity. */
extern const struct entity entity_team, entity_user, entity_account, entity_contact,
	entity_contract, entity_arr_event, entity_renewal, entity_invoice, entity_opportunity,
	entity_usage, entity_ticket, entity_survey, entity_touchpoint, entity_advocacy,
	entity_task, entity_task_item, entity_risk, entity_success_plan, entity_objective,
	entity_milestone, entity_kpi, entity_health_snapshot, entity_health_override,
	entity_health_input, entity_calibration, entity_account_health, entity_audit,
	entity_playbook_run, entity_playbook_rule_run, entity_playbook_firing, entity_escalation,
	entity_inbox, entity_stage_history, entity_kpi_reading;
extern const struct entity entity_renewal_step;

#endif
