-- 0017_renewal_evidence.sql -- the pipeline's rows, kept ready (issue 15:
-- `tend renewals --team T` under 100 ms on a 100k-account book).
--
-- The pipeline lists open renewals with, for each, the first evidence of
-- every cadence step (store/renewals.h: renewal steps logged, EBRs and
-- QBRs held, playbook tasks done, the account entering renew), the
-- account's ARR and the renewal's review count.  Computed row by row that
-- is a dozen index lookups per renewal, 0.5 s for a team's 27,000; and
-- reading the renewal, its account and its ARR at random places of a big
-- book costs another 150 ms.  So this table holds one row per open renewal
-- with everything the pipeline shows but the owner's login and team and
-- the health band (small tables, joined when read), in the pipeline's
-- order: the primary key (due_date, id) is the order, a window of due
-- dates is one range of it, no sort.
--
-- Derived data, never written by hand and never journaled for undo: the
-- write path (store/wtx_evidence.c) rebuilds the rows of every account a
-- transaction wrote a source row of, at commit (a bulk action, all of
-- them); an undo is itself such a write.
--   lead         the days before the due date from which evidence counts
--                (the default cadence's: 120 + 60); a pipeline read with
--                another cadence computes that row's evidence afresh
--   t120 .. t30  the first evidence of each step from then (NULL: none)
--   arr_cents    the sum of all the account's ARR events, arr_through the
--                last one's date: the ARR as of a day on or after it (else
--                the read sums the events up to its day)
--   reviews      the renewal's audited updates and its steps logged
-- DROP first: derived, so a book rewound past this migration (a test's)
-- simply gets it rebuilt.
DROP TABLE IF EXISTS renewal_evidence;
CREATE TABLE renewal_evidence (
	due_date           TEXT NOT NULL,
	id                 INTEGER NOT NULL,   -- the renewal's
	account_id         INTEGER NOT NULL,
	owner_id           INTEGER,            -- the renewal's owner, else the account's
	external_id        TEXT NOT NULL,
	name               TEXT NOT NULL,
	segment            TEXT NOT NULL,
	forecast_category  TEXT NOT NULL,
	stage              TEXT NOT NULL,
	closed_date        TEXT,
	target_arr_cents   INTEGER NOT NULL,
	forecast_arr_cents INTEGER,
	final_arr_cents    INTEGER,
	arr_cents          INTEGER NOT NULL,
	arr_through        TEXT,
	lead               INTEGER NOT NULL,
	t120               TEXT,
	t90                TEXT,
	t60                TEXT,
	t30                TEXT,
	reviews            INTEGER NOT NULL,
	PRIMARY KEY (due_date, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX renewal_evidence_account ON renewal_evidence (account_id);

-- Every open renewal's row, as store/wtx_evidence.c writes it (the same
-- expressions, store/renewal_sql.h; tests/cli/renewal_evidence.sh holds
-- the two to the same rows).
INSERT INTO renewal_evidence
SELECT r.due_date, r.id, r.account_id, coalesce(r.owner_id, a.owner_id), a.external_id, a.name,
       a.segment, r.forecast_category, r.stage, r.closed_date, r.target_arr_cents,
       r.forecast_arr_cents, r.final_arr_cents,
       coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e WHERE e.account_id = r.account_id), 0),
       (SELECT max(e.date) FROM arr_events e WHERE e.account_id = r.account_id),
       180,
       nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 't120'), '9999-12-31'),
                  coalesce((SELECT min(p.date) FROM touchpoints p WHERE p.account_id = r.account_id
                            AND p.date >= date(r.due_date, '-180 days') AND (p.kind = 'ebr' OR p.kind = 'qbr')), '9999-12-31'),
                  coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = r.account_id
                            AND k.source = 'playbook:renewal-t120' AND k.status = 'done'
                            AND k.done_on >= date(r.due_date, '-180 days')), '9999-12-31')), '9999-12-31'),
       nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 't90'), '9999-12-31'),
                  coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = r.account_id
                            AND k.source = 'playbook:renewal-t90' AND k.status = 'done'
                            AND k.done_on >= date(r.due_date, '-180 days')), '9999-12-31'),
                  coalesce((SELECT min(g.from_date) FROM account_stage_history g WHERE g.account_id = r.account_id
                            AND g.stage = 'renew' AND g.from_date >= date(r.due_date, '-180 days')), '9999-12-31')), '9999-12-31'),
       nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 't60'), '9999-12-31'),
                  coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = r.account_id
                            AND k.source = 'playbook:renewal-t60' AND k.status = 'done'
                            AND k.done_on >= date(r.due_date, '-180 days')), '9999-12-31')), '9999-12-31'),
       nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 't30'), '9999-12-31'),
                  coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = r.account_id
                            AND k.source = 'playbook:renewal-t30' AND k.status = 'done'
                            AND k.done_on >= date(r.due_date, '-180 days')), '9999-12-31')), '9999-12-31'),
       (SELECT count(*) FROM audit_log l WHERE l.table_name = 'renewals' AND l.row_id = r.id AND l.op = 'update')
        + (SELECT count(*) FROM renewal_steps k WHERE k.renewal_id = r.id)
FROM renewals r JOIN accounts a ON a.id = r.account_id
WHERE r.stage <> 'won' AND r.stage <> 'lost';
