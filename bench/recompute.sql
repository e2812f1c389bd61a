-- recompute.sql -- what `tend health recompute` does with the default scorecard,
-- hand-written as one INSERT for the sqlite3 CLI (bench/run.sh compares the two,
-- and checks they give every account the same score and band).  @NOW@ is the date.
WITH
 tk AS (SELECT account_id,   sum(closed_date IS NULL OR closed_date > '@NOW@') AS open_now,   sum(priority = 'p1' AND (closed_date IS NULL OR closed_date > '@NOW@')) AS open_p1,   sum(max(0, julianday(min('@NOW@', coalesce(date(closed_date, '-1 day'),
 '@NOW@')))             - julianday(max(opened_date, date('@NOW@', '-29 days'))) + 1)) AS open_days,   sum(opened_date > date('@NOW@', '-90 days')) AS t90,   sum(opened_date > date('@NOW@', '-28 days'))     - sum(opened_date > date('@NOW@', '-56 days') AND opened_date <= date('@NOW@', '-28 days')) AS trend  FROM tickets WHERE opened_date <= '@NOW@'    AND (closed_date IS NULL OR closed_date > date('@NOW@', '-30 days') OR opened_date > date('@NOW@', '-90 days'))  GROUP BY account_id),
 sv AS (SELECT account_id,   100.0 * (sum(kind = 'nps' AND score >= 9) - sum(kind = 'nps' AND score <= 6))     / nullif(sum(kind = 'nps'),
 0) AS nps,   avg(CASE WHEN kind = 'csat' AND date > date('@NOW@', '-90 days') THEN score END) AS csat  FROM surveys WHERE date > date('@NOW@', '-12 months') AND date <= '@NOW@'  GROUP BY account_id),
 tp AS (SELECT account_id,   max(CASE WHEN kind <> 'note' AND kind <> 'internal_review' THEN date END) AS touch,   max(CASE WHEN kind = 'qbr' OR kind = 'ebr' THEN date END) AS review  FROM touchpoints WHERE date <= '@NOW@'  GROUP BY account_id),
 ex AS (SELECT t.account_id, max(t.date) AS exec  FROM touchpoints t JOIN touchpoint_attendees x ON x.touchpoint_id = t.id  JOIN contacts c ON c.id = x.contact_id  WHERE t.date <= '@NOW@' AND c.is_executive = 1  GROUP BY t.account_id),
 ct AS (SELECT c.account_id, max(r.role = 'champion') AS champion,   max(r.role = 'executive_sponsor') AS sponsor  FROM contacts c JOIN contact_roles r ON r.contact_id = c.id  WHERE (c.status = 'active' OR c.left_on > '@NOW@')   AND (r.role = 'champion' OR r.role = 'executive_sponsor')  GROUP BY c.account_id),
 iv AS (SELECT account_id,   max(max(0, julianday(coalesce(CASE WHEN paid_date <= '@NOW@' THEN paid_date END, '@NOW@'))              - julianday(due_date))) AS late  FROM invoices WHERE due_date <= '@NOW@'    AND (due_date > date('@NOW@', '-365 days') OR paid_date IS NULL OR paid_date > '@NOW@')  GROUP BY account_id),
 ar AS (SELECT account_id, sum(arr_delta_cents) AS arr FROM arr_events  WHERE date <= '@NOW@'  GROUP BY account_id),
 ini AS (SELECT account_id, min(start_date),
 arr_cents FROM contracts  WHERE 1  GROUP BY account_id),
 ne AS (SELECT account_id, min(date),
 arr_delta_cents FROM arr_events  WHERE kind = 'new'  GROUP BY account_id),
 ms AS (SELECT p.account_id, sum(m.status = 'done' OR m.status = 'on_track') AS good,   count(*) AS n  FROM success_plans p JOIN objectives o ON o.plan_id = p.id  JOIN milestones m ON m.objective_id = o.id  WHERE (p.status = 'shared' OR p.status = 'signed' OR p.status = 'active')   GROUP BY p.account_id),
 rn AS (SELECT account_id, min(due_date) AS due FROM renewals  WHERE stage <> 'won' AND stage <> 'lost'  GROUP BY account_id),
 rk AS (SELECT account_id, count(*) AS n FROM risks  WHERE status <> 'closed' AND opened_on <= '@NOW@'  GROUP BY account_id),
 ot AS (SELECT account_id, count(*) AS n FROM tasks  WHERE status = 'open' AND due_date < '@NOW@'  GROUP BY account_id),
 ad AS (SELECT account_id, count(*) AS n FROM advocacy_events  WHERE date > date('@NOW@', '-12 months') AND date <= '@NOW@'  GROUP BY account_id),
 f AS (SELECT a.id, a.segment, a.stage,
  CASE WHEN coalesce(un.licensed_seats, a.licensed_seats) > 0
       THEN 1.0 * un.activated_seats / coalesce(un.licensed_seats, a.licensed_seats) END AS lu,
  1.0 * un.advanced_features_used / nullif(un.advanced_features_entitled, 0) AS fu,
  coalesce(tk.open_p1, 0) AS p1,
  CASE WHEN coalesce(tk.open_days, 0) > 0 THEN coalesce(tk.open_now, 0) / (tk.open_days / 30.0) ELSE 0 END AS vs,
  sv.nps AS nps, sv.csat AS csat,
  julianday('@NOW@') - julianday(ex.exec) AS exd, coalesce(ct.champion, 0) AS champ,
  CASE WHEN julianday('@NOW@') - julianday(fi.date) <= CASE WHEN coalesce(hs.override_band, hs.band)
       IN ('red', 'orange', 'yellow') THEN 14 ELSE 30 END THEN fi.value END AS fr,
  floor(iv.late) AS late,
  CASE WHEN coalesce(ini.arr_cents, ne.arr_delta_cents) > 0
       THEN 1.0 * coalesce(ar.arr, 0) / coalesce(ini.arr_cents, ne.arr_delta_cents) END AS g,
  (SELECT band FROM health_overrides o WHERE o.account_id = a.id AND o.starts_on <= '@NOW@'
    AND o.until >= '@NOW@' ORDER BY o.starts_on DESC, o.id DESC LIMIT 1) AS ob
  FROM accounts a LEFT JOIN users u ON u.id = a.owner_id LEFT JOIN usage un ON un.id = (SELECT id FROM usage WHERE account_id = a.id   AND date <= '@NOW@' AND (active_users IS NOT NULL OR activated_seats IS NOT NULL) ORDER BY date DESC LIMIT 1) LEFT JOIN usage u30 ON u30.id = (SELECT id FROM usage WHERE account_id = a.id   AND date <= date('@NOW@', '-30 days') AND (active_users IS NOT NULL OR activated_seats IS NOT NULL) ORDER BY date DESC LIMIT 1) LEFT JOIN usage u90 ON u90.id = (SELECT id FROM usage WHERE account_id = a.id   AND date <= date('@NOW@', '-90 days') AND (active_users IS NOT NULL OR activated_seats IS NOT NULL) ORDER BY date DESC LIMIT 1) LEFT JOIN health_inputs fi ON fi.id = (SELECT id FROM health_inputs WHERE account_id = a.id   AND fact = 'financial_rating' AND date <= '@NOW@' ORDER BY date DESC, id DESC LIMIT 1) LEFT JOIN health_inputs si ON si.id = (SELECT id FROM health_inputs WHERE account_id = a.id   AND fact = 'csm_sentiment' AND date <= '@NOW@' ORDER BY date DESC, id DESC LIMIT 1) LEFT JOIN tk ON tk.account_id = a.id LEFT JOIN sv ON sv.account_id = a.id LEFT JOIN tp ON tp.account_id = a.id LEFT JOIN ex ON ex.account_id = a.id LEFT JOIN ct ON ct.account_id = a.id LEFT JOIN iv ON iv.account_id = a.id LEFT JOIN ar ON ar.account_id = a.id LEFT JOIN ini ON ini.account_id = a.id LEFT JOIN ne ON ne.account_id = a.id LEFT JOIN ms ON ms.account_id = a.id LEFT JOIN rn ON rn.account_id = a.id LEFT JOIN rk ON rk.account_id = a.id LEFT JOIN ot ON ot.account_id = a.id LEFT JOIN ad ON ad.account_id = a.id LEFT JOIN health_snapshots hs ON hs.id = (SELECT id FROM health_snapshots   WHERE account_id = a.id AND date <= '@NOW@' ORDER BY date DESC LIMIT 1) LEFT JOIN health_snapshots h30 ON h30.id = (SELECT id FROM health_snapshots   WHERE account_id = a.id AND date <= date('@NOW@', '-30 days') ORDER BY date DESC LIMIT 1)),
 r AS (SELECT id, ob, lu, fu, vs, nps, exd, late, g,
  CASE WHEN lu IS NULL THEN NULL WHEN lu >= 0.8 THEN 3 WHEN lu >= 0.5 THEN 2 ELSE 1 END AS r1,
  CASE WHEN fu IS NULL THEN NULL WHEN fu >= 0.6 THEN 3 WHEN fu >= 0.3 THEN 2 ELSE 1 END AS r2,
  CASE WHEN p1 > 0 THEN 1 WHEN vs <= 1.0 THEN 3 WHEN vs <= 1.5 THEN 2 ELSE 1 END AS r3,
  CASE WHEN nps >= 60 THEN 3 WHEN nps >= 30 THEN 2 WHEN nps < 30 THEN 1
       WHEN csat >= 4 THEN 3 WHEN csat >= 3 THEN 2 WHEN csat < 3 THEN 1 END AS r4,
  CASE WHEN exd <= 30 AND champ = 1 THEN 3 WHEN exd <= 90 THEN 2 ELSE 1 END AS r5,
  CASE WHEN fr = 3 THEN 3 WHEN fr = 2 THEN 2 WHEN fr = 1 THEN 1 WHEN late IS NULL THEN NULL
       WHEN late <= 0 THEN 3 WHEN late <= 60 THEN 2 ELSE 1 END AS r6,
  CASE WHEN g IS NULL THEN NULL WHEN g >= 1.1 THEN 3 WHEN g >= 1.0 THEN 2 ELSE 1 END AS r7
  FROM f WHERE stage <> 'churned'),
 w AS (SELECT *,
  15 * coalesce(r1, 0) + 15 * coalesce(r2, 0) + 14 * r3 + 14 * coalesce(r4, 0) + 14 * r5
    + 14 * coalesce(r6, 0) + 14 * coalesce(r7, 0) AS pts,
  15 * (r1 IS NOT NULL) + 15 * (r2 IS NOT NULL) + 14 + 14 * (r4 IS NOT NULL) + 14
    + 14 * (r6 IS NOT NULL) + 14 * (r7 IS NOT NULL) AS known,
  15 * coalesce(r1, 0) + 15 * coalesce(r2, 0) + 14 * coalesce(r6, 0) + 14 * coalesce(r7, 0) AS opts,
  15 * (r1 IS NOT NULL) + 15 * (r2 IS NOT NULL) + 14 * (r6 IS NOT NULL) + 14 * (r7 IS NOT NULL) AS oknown,
  14 * r3 + 14 * coalesce(r4, 0) + 14 * r5 AS epts,
  28 + 14 * (r4 IS NOT NULL) AS eknown
  FROM r),
 s AS (SELECT *, round(1.0 * pts / known, 3) AS score,
  CASE WHEN oknown > 0 THEN round(1.0 * opts / oknown, 3) END AS outcomes,
  round(1.0 * epts / eknown, 3) AS experience
  FROM w)
INSERT OR REPLACE INTO health_snapshots (account_id, date, scorecard, scale, score, band, outcomes,
  experience, false_positive, override_band, measures)
SELECT id, '@NOW@', 'default', 3, score,
  CASE WHEN 100 - known > 50 THEN 'unknown' WHEN score >= 2.5 THEN 'green'
       WHEN score >= 1.75 THEN 'yellow' ELSE 'red' END,
  outcomes, experience,
  coalesce(experience >= 2.5 AND outcomes < 1.75, 0), ob,
  json_object('license_utilization', json_object('value', lu, 'rating', r1),
    'feature_utilization', json_object('value', fu, 'rating', r2),
    'support', json_object('value', vs, 'rating', r3),
    'sentiment', json_object('value', nps, 'rating', r4),
    'sponsor_coverage', json_object('value', exd, 'rating', r5),
    'financial_health', json_object('value', late, 'rating', r6),
    'growth', json_object('value', g, 'rating', r7))
FROM s ORDER BY id;
