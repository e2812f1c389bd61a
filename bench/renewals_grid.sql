-- renewals_grid.sql -- what the calendar's first frame and a month step read, as
-- store/renewals.c says it: the grid's days aggregated in SQL (@FROM@ to @TO@),
-- then the cursor day's renewals (@DAY@), for the raw side of bench/run.sh.
SELECT r.due_date, count(*), sum(r.target_arr_cents), max(CASE WHEN r.stage = 'won' THEN 0 WHEN 
r.stage = 'lost' THEN 1 WHEN r.forecast_category = 'commit' THEN 2 WHEN r.forecast_category = 
'likely' THEN 3 ELSE 4 END) FROM renewals r WHERE r.due_date >= '@FROM@' AND r.due_date <= '@TO@' 
GROUP BY r.due_date
;
SELECT r.id, r.account_id, a.external_id, a.name, u.login, t.name, a.segment, h.band, 
r.forecast_category, r.stage, r.due_date, r.closed_date, r.target_arr_cents, r.forecast_arr_cents, 
r.final_arr_cents, 0, NULL, NULL, NULL, NULL, 0 FROM renewals r  JOIN accounts a ON a.id = 
r.account_id LEFT JOIN users u ON u.id = coalesce(r.owner_id, a.owner_id) LEFT JOIN teams t ON t.id 
= u.team_id LEFT JOIN account_health h ON h.account_id = r.account_id WHERE r.due_date >= '@DAY@' 
AND r.due_date <= '@DAY@' AND (NULL IS NULL OR (NULL = 'pooled' AND u.id IS NULL) OR u.login = 
NULL) AND (NULL IS NULL OR t.name = NULL) ORDER BY r.due_date, r.id
;
