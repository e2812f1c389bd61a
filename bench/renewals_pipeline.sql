-- renewals_pipeline.sql -- the statement store/renewals.c runs for the pipeline
-- (open renewals, every cadence step's evidence), written out for the raw
-- sqlite3 side of bench/run.sh; @NOW@ @FROM@ @TO@ @TEAM@ @LEAD@ are filled in.
-- It reads the evidence table (schema/0017_renewal_evidence.sql), whose rows
-- count evidence from 180 days before the due date (@LEAD@'s); a row counted
-- from another opening, or whose ARR has an event after @NOW@, computes them.
-- bench/run.sh checks both sides list the same renewals.
SELECT r.id, r.account_id, r.external_id, r.name, u.login, t.name, r.segment, h.band, 
r.forecast_category, r.stage, r.due_date, r.closed_date, r.target_arr_cents, r.forecast_arr_cents, 
r.final_arr_cents, CASE WHEN r.arr_through IS NULL THEN 0 WHEN r.arr_through <= '@NOW@' THEN 
r.arr_cents  ELSE coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e   WHERE e.account_id = 
r.account_id AND e.date <= '@NOW@'), 0) END, CASE WHEN r.lead = 180 THEN r.t120 ELSE 
nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 
't120'), '9999-12-31'), coalesce((SELECT min(p.date) FROM touchpoints p WHERE p.account_id = 
r.account_id AND p.date >= date(r.due_date, '@LEAD@') AND (p.kind = 'ebr' OR p.kind = 'qbr')), 
'9999-12-31'), coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = r.account_id AND 
k.source = 'playbook:renewal-t120' AND k.status = 'done' AND k.done_on >= date(r.due_date, 
'@LEAD@')), '9999-12-31')), '9999-12-31') END, CASE WHEN r.lead = 180 THEN r.t90 ELSE 
nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND k.step = 
't90'), '9999-12-31'), coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = 
r.account_id AND k.source = 'playbook:renewal-t90' AND k.status = 'done' AND k.done_on >= 
date(r.due_date, '@LEAD@')), '9999-12-31'), coalesce((SELECT min(g.from_date) FROM 
account_stage_history g WHERE g.account_id = r.account_id AND g.stage = 'renew' AND g.from_date >= 
date(r.due_date, '@LEAD@')), '9999-12-31')), '9999-12-31') END, CASE WHEN r.lead = 180 THEN r.t60 
ELSE nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND 
k.step = 't60'), '9999-12-31'), coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = 
r.account_id AND k.source = 'playbook:renewal-t60' AND k.status = 'done' AND k.done_on >= 
date(r.due_date, '@LEAD@')), '9999-12-31')), '9999-12-31') END, CASE WHEN r.lead = 180 THEN r.t30 
ELSE nullif(min(coalesce((SELECT min(k.date) FROM renewal_steps k WHERE k.renewal_id = r.id AND 
k.step = 't30'), '9999-12-31'), coalesce((SELECT min(k.done_on) FROM tasks k WHERE k.account_id = 
r.account_id AND k.source = 'playbook:renewal-t30' AND k.status = 'done' AND k.done_on >= 
date(r.due_date, '@LEAD@')), '9999-12-31')), '9999-12-31') END, r.reviews FROM renewal_evidence r 
LEFT JOIN users u ON u.id = r.owner_id LEFT JOIN teams t ON t.id = u.team_id LEFT JOIN 
account_health h ON h.account_id = r.account_id WHERE r.due_date >= '@FROM@' AND r.due_date <= 
'@TO@' AND (NULL IS NULL OR (NULL = 'pooled' AND u.id IS NULL) OR u.login = NULL) AND (@TEAM@ IS 
NULL OR t.name = @TEAM@) ORDER BY r.due_date, r.id

;
