-- bench/team.sql -- the team dashboard's own reads (src/store/team.c) as
-- the sqlite3 CLI runs them, for `make bench`: per owner the bands, ARR at
-- risk, renewals coming up, late tasks, escalations; the median days since
-- the last touch and plans signed; the risk roll-up; stuck accounts; churn
-- by reason.  @NOW@ is today, @T0@ the period's first day, @T1@ the day
-- after its last, @Q0@ and @Q1@ this quarter.
WITH arr AS (SELECT account_id AS id, sum(arr_delta_cents) AS arr FROM arr_events
   WHERE date <= '@NOW@' GROUP BY account_id),
 rn AS (SELECT account_id AS id,
   sum(due_date <= date('@NOW@', '+30 days')) AS n30,
   sum(CASE WHEN due_date <= date('@NOW@', '+30 days') THEN target_arr_cents ELSE 0 END) AS a30,
   sum(due_date <= date('@NOW@', '+60 days')) AS n60,
   sum(CASE WHEN due_date <= date('@NOW@', '+60 days') THEN target_arr_cents ELSE 0 END) AS a60,
   sum(due_date <= date('@NOW@', '+90 days')) AS n90,
   sum(CASE WHEN due_date <= date('@NOW@', '+90 days') THEN target_arr_cents ELSE 0 END) AS a90,
   count(*) AS n120, sum(target_arr_cents) AS a120
   FROM renewals WHERE stage <> 'won' AND stage <> 'lost'
   AND due_date >= '@NOW@' AND due_date <= date('@NOW@', '+120 days') GROUP BY account_id),
 x AS (SELECT a.id, a.owner_id, h.band, coalesce(arr.arr, 0) AS arr, rn.*
  FROM accounts a LEFT JOIN account_health h ON h.account_id = a.id
  LEFT JOIN arr ON arr.id = a.id LEFT JOIN rn ON rn.id = a.id)
SELECT u.login, sum(x.band IN ('red', 'orange')), sum(x.band = 'yellow'),
 sum(x.band IN ('lightgreen', 'green')), sum(x.band IS NULL OR x.band = 'unknown'),
 sum(CASE WHEN x.band IN ('red', 'orange') AND x.arr > 0 THEN x.arr ELSE 0 END),
 sum(coalesce(x.n30, 0)), sum(coalesce(x.a30, 0)), sum(coalesce(x.n60, 0)), sum(coalesce(x.a60, 0)),
 sum(coalesce(x.n90, 0)), sum(coalesce(x.a90, 0)), sum(coalesce(x.n120, 0)), sum(coalesce(x.a120, 0)),
 (SELECT count(*) FROM tasks k WHERE k.owner_id = x.owner_id AND x.owner_id IS NOT NULL
   AND (CASE WHEN k.status = 'snoozed' AND k.snoozed_until <= '@NOW@' THEN 'open' ELSE k.status END) = 'open'
   AND k.due_date < '@NOW@'),
 (SELECT count(*) FROM escalations s JOIN playbook_firings f ON f.id = s.firing_id
   JOIN accounts a ON a.id = f.account_id WHERE s.status = 'open' AND a.owner_id IS x.owner_id)
 FROM x LEFT JOIN users u ON u.id = x.owner_id GROUP BY x.owner_id ORDER BY u.login IS NOT NULL, u.login;

WITH t AS (SELECT a.owner_id AS o, julianday('@NOW@') - julianday(max(p.date)) AS d FROM accounts a
   JOIN touchpoints p ON p.account_id = a.id
   WHERE a.stage <> 'churned' AND p.kind <> 'note' AND p.kind <> 'internal_review'
   AND p.date <= '@NOW@' GROUP BY a.id),
 r AS (SELECT o, d, row_number() OVER (PARTITION BY o ORDER BY d) AS k, count(*) OVER (PARTITION BY o) AS n FROM t),
 med AS (SELECT o, avg(d) AS d, max(n) AS n FROM r WHERE k = (n + 1) / 2 OR k = (n + 2) / 2 GROUP BY o),
 pl AS (SELECT a.owner_id AS o, count(DISTINCT a.id) AS n FROM success_plans p
   JOIN accounts a ON a.id = p.account_id
   WHERE a.stage <> 'churned' AND p.status IN ('signed', 'active', 'done') GROUP BY a.owner_id),
 owners AS (SELECT o FROM med UNION SELECT o FROM pl)
SELECT u.login, med.d, coalesce(med.n, 0), coalesce(pl.n, 0) FROM owners w
 LEFT JOIN med ON med.o IS w.o LEFT JOIN pl ON pl.o IS w.o
 LEFT JOIN users u ON u.id = w.o ORDER BY u.login IS NOT NULL, u.login;

WITH r AS (SELECT DISTINCT category, account_id FROM risks WHERE status IN ('open', 'mitigating')),
 arr AS (SELECT e.account_id AS id, sum(e.arr_delta_cents) AS arr FROM arr_events e
   WHERE e.date <= '@NOW@' AND e.account_id IN (SELECT account_id FROM r) GROUP BY e.account_id),
 x AS (SELECT r.category, r.account_id, coalesce(arr.arr, 0) AS arr,
   EXISTS (SELECT 1 FROM renewals n WHERE n.account_id = r.account_id
     AND n.stage <> 'won' AND n.stage <> 'lost' AND n.due_date >= '@Q0@' AND n.due_date <= '@Q1@') AS renewing
   FROM r LEFT JOIN arr ON arr.id = r.account_id)
SELECT category, count(*), sum(max(arr, 0)), sum(CASE WHEN renewing THEN max(arr, 0) ELSE 0 END)
 FROM x GROUP BY category ORDER BY sum(max(arr, 0)) DESC, category;

WITH x AS (SELECT a.id, a.external_id, a.name, a.owner_id, a.stage,
   CAST(julianday('@NOW@') - julianday(a.stage_since) AS INTEGER) AS days,
   CASE a.stage WHEN 'land' THEN 30 WHEN 'onboard' THEN 90 WHEN 'adopt' THEN 365
     WHEN 'expand' THEN 365 WHEN 'renew' THEN 120 ELSE 0 END AS lim
   FROM accounts a WHERE a.stage <> 'churned' AND a.stage_since IS NOT NULL)
SELECT x.id, x.external_id, x.name, u.login, x.stage, x.days, x.lim,
   coalesce((SELECT sum(e.arr_delta_cents) FROM arr_events e WHERE e.account_id = x.id AND e.date <= '@NOW@'), 0)
 FROM x LEFT JOIN users u ON u.id = x.owner_id
 WHERE x.lim > 0 AND x.days > x.lim ORDER BY x.days - x.lim DESC, x.name, x.id;

WITH a AS (SELECT e.account_id AS id,
   sum(CASE WHEN e.date < '@T0@' THEN e.arr_delta_cents ELSE 0 END) AS s,
   sum(CASE WHEN e.date < '@T1@' THEN e.arr_delta_cents ELSE 0 END) AS t
   FROM arr_events e WHERE e.date < '@T1@' GROUP BY e.account_id),
 c AS (SELECT a.id, a.s, (SELECT e.reason FROM arr_events e WHERE e.account_id = a.id
   AND e.kind = 'churn' AND e.date >= '@T0@' AND e.date < '@T1@'
   ORDER BY e.date DESC, e.id DESC LIMIT 1) AS reason FROM a WHERE a.s > 0 AND a.t <= 0)
SELECT coalesce(reason, 'unspecified'), count(*), sum(s) FROM c GROUP BY 1 ORDER BY sum(s) DESC, 1;
