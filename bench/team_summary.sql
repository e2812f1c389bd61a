-- bench/team_summary.sql -- what `tend team` and the Team pane read once
-- the summary is current (src/store/dash.c, src/store/team.c), as the
-- sqlite3 CLI runs it, for `make bench`: the users, every cell, the
-- per-owner sums with late tasks and open escalations, the signed plans,
-- the risk and churn cells, and the stuck accounts through their index.
-- The per-owner medians are added by bench/run.sh (one statement each, as
-- tend runs them).  @NOW@ is today.
SELECT u.id, u.login, t.name, u.segment, u.role = 'csm' AND u.active
 FROM users u LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.id;
SELECT * FROM dash_cell;
WITH o AS (SELECT owner, sum(red) AS red, sum(yellow) AS yellow, sum(green) AS green,
   sum(unknown) AS unknown, sum(at_risk) AS at_risk, sum(n30) AS n30, sum(a30) AS a30,
   sum(n60) AS n60, sum(a60) AS a60, sum(n90) AS n90, sum(a90) AS a90,
   sum(n120) AS n120, sum(a120) AS a120 FROM dash_cell GROUP BY owner)
 SELECT u.login, o.*,
  CASE WHEN o.owner = 0 THEN 0 ELSE
   (SELECT count(*) FROM tasks k WHERE k.owner_id = o.owner AND k.status = 'open'
     AND k.due_date < '@NOW@')
   + (SELECT count(*) FROM tasks k WHERE k.owner_id = o.owner AND k.status = 'snoozed'
     AND k.snoozed_until <= '@NOW@' AND k.due_date < '@NOW@') END,
  (SELECT count(*) FROM escalations s JOIN playbook_firings f ON f.id = s.firing_id
   JOIN accounts a ON a.id = f.account_id
   WHERE s.status = 'open' AND coalesce(a.owner_id, 0) = o.owner)
 FROM o LEFT JOIN users u ON u.id = o.owner ORDER BY u.login IS NOT NULL, u.login;
SELECT c.owner, u.login, sum(c.touched), sum(c.plans) FROM dash_cell c
 LEFT JOIN users u ON u.id = c.owner GROUP BY c.owner
 HAVING sum(c.touched) > 0 OR sum(c.plans) > 0 ORDER BY u.login IS NOT NULL, u.login;
SELECT category, accounts, arr, renewing_arr FROM dash_risk_cell WHERE accounts > 0
 ORDER BY arr DESC, category;
SELECT reason, accounts, arr FROM dash_churn_cell WHERE accounts > 0 ORDER BY arr DESC, reason;
WITH lim(stage, days) AS (VALUES ('land', 30), ('onboard', 90), ('adopt', 365),
   ('expand', 365), ('renew', 120)),
 x AS (SELECT a.id, a.external_id, a.name, a.owner_id, a.stage, l.days AS lim,
   CAST(julianday('@NOW@') - julianday(a.stage_since) AS INTEGER) AS days
   FROM lim l JOIN accounts a ON a.stage = l.stage
   AND a.stage_since < date('@NOW@', printf('-%d days', l.days)) WHERE l.days > 0)
 SELECT x.id, x.external_id, x.name, u.login, x.stage, x.days, x.lim,
   coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e
     WHERE e.account_id = x.id AND e.date <= '@NOW@'), 0)
 FROM x LEFT JOIN users u ON u.id = x.owner_id
 ORDER BY x.days - x.lim DESC, x.name, x.id;
