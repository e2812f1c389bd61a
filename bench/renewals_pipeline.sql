-- renewals_pipeline.sql -- the statement store/renewals.c runs for the pipeline
-- (open renewals, every cadence step's evidence), written out for the raw
-- sqlite3 side of bench/run.sh; @NOW@ @FROM@ @TO@ @TEAM@ @LEAD@ are filled in.
-- bench/run.sh checks both sides list the same renewals.
SELECT r.id, r.account_id, a.external_id, a.name, u.login, t.name, a.segment, h.band, 
r.forecast_category, r.stage, r.due_date, r.closed_date, r.target_arr_cents, r.forecast_arr_cents, 
r.final_arr_cents, coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e   WHERE e.account_id = 
r.account_id AND e.date <= '@NOW@'), 0), nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps 
k WHERE k.renewal_id = r.id AND k.step = 't120'), '9999-12-31'), coalesce((SELECT min(p.date) FROM 
touchpoints p WHERE p.account_id = r.account_id AND p.date >= date(r.due_date, '@LEAD@') AND 
(p.kind = 'ebr' OR p.kind = 'qbr')), '9999-12-31'), coalesce((SELECT min(k.done_on) FROM tasks k 
WHERE k.account_id = r.account_id AND k.source = 'playbook:renewal-t120' AND k.status = 'done' AND 
k.done_on >= date(r.due_date, '@LEAD@')), '9999-12-31')), '9999-12-31'), 
nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 
't90'), '9999-12-31'), coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = 
r.account_id AND k.source = 'playbook:renewal-t90' AND k.status = 'done' AND k.done_on >= 
date(r.due_date, '@LEAD@')), '9999-12-31'), coalesce((SELECT min(g.from_date) FROM 
account_stage_history g WHERE g.account_id = r.account_id AND g.stage = 'renew' AND g.from_date >= 
date(r.due_date, '@LEAD@')), '9999-12-31')), '9999-12-31'), nullif(min(coalesce((SELECT min(k.date) 
FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 't60'), '9999-12-31'), coalesce((SELECT 
min(k.done_on) FROM tasks k WHERE k.account_id = r.account_id AND k.source = 'playbook:renewal-t60' 
AND k.status = 'done' AND k.done_on >= date(r.due_date, '@LEAD@')), '9999-12-31')), '9999-12-31'), 
nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 
't30'), '9999-12-31'), coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = 
r.account_id AND k.source = 'playbook:renewal-t30' AND k.status = 'done' AND k.done_on >= 
date(r.due_date, '@LEAD@')), '9999-12-31')), '9999-12-31'), (SELECT count(*) FROM audit_log l WHERE 
l.table_name = 'renewals' AND l.row_id = r.id   AND l.op = 'update')  + (SELECT count(*) FROM 
renewal_steps k WHERE k.renewal_id = r.id) FROM renewals r INDEXED BY renewals_open_due JOIN 
accounts a ON a.id = r.account_id LEFT JOIN users u ON u.id = coalesce(r.owner_id, a.owner_id) LEFT 
JOIN teams t ON t.id = u.team_id LEFT JOIN account_health h ON h.account_id = r.account_id WHERE 
r.due_date >= '@FROM@' AND r.due_date <= '@TO@' AND (NULL IS NULL OR (NULL = 'pooled' AND u.id IS 
NULL) OR u.login = NULL) AND (@TEAM@ IS NULL OR t.name = @TEAM@) AND r.stage <> 'won' AND r.stage 
<> 'lost' ORDER BY r.due_date, r.id
;
