-- Version 17: the dish, service and rating rollups also by local month
-- ('YYYY-MM'), as rollup_item_day, rollup_service_day and
-- rollup_feedback_day hold them by day.  A report of a long range reads the
-- months that lie wholly in its period or in the period before from these,
-- and only the days of the months it cuts from the day rollups.  Kept by
-- closing a check and logging a rating (rg-rollup.c, rg-rollup-report.c)
-- and by a rebuild, from the day rollups.  Terminal-only: never synced.

CREATE TABLE rollup_item_month (
  branch_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  item_id   TEXT NOT NULL,
  qty       INTEGER NOT NULL DEFAULT 0,
  revenue   INTEGER NOT NULL DEFAULT 0,
  cost      INTEGER NOT NULL DEFAULT 0,
  visits    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (branch_id, month, item_id)
) WITHOUT ROWID;

CREATE TABLE rollup_service_month (
  kind      TEXT NOT NULL CHECK (kind IN ('table', 'hour', 'party', 'guest')),
  branch_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  key       TEXT NOT NULL,
  visits    INTEGER NOT NULL DEFAULT 0,
  covers    INTEGER NOT NULL DEFAULT 0,
  revenue   INTEGER NOT NULL DEFAULT 0,
  timed     INTEGER NOT NULL DEFAULT 0,
  dine_ms   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, branch_id, month, key)
) WITHOUT ROWID;

CREATE TABLE rollup_feedback_month (
  kind      TEXT NOT NULL CHECK (kind IN ('aspect', 'item', 'server', 'hour', 'table')),
  branch_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  key       TEXT NOT NULL,
  ratings   INTEGER NOT NULL DEFAULT 0,
  total     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, branch_id, month, key)
) WITHOUT ROWID;

INSERT INTO rollup_item_month (branch_id, month, item_id, qty, revenue, cost, visits)
  SELECT branch_id, substr (day, 1, 7), item_id, sum (qty), sum (revenue), sum (cost), sum (visits)
  FROM rollup_item_day GROUP BY 1, 2, 3;
INSERT INTO rollup_service_month (kind, branch_id, month, key, visits, covers, revenue, timed, dine_ms)
  SELECT kind, branch_id, substr (day, 1, 7), key, sum (visits), sum (covers), sum (revenue), sum (timed),
    sum (dine_ms)
  FROM rollup_service_day GROUP BY 1, 2, 3, 4;
INSERT INTO rollup_feedback_month (kind, branch_id, month, key, ratings, total)
  SELECT kind, branch_id, substr (day, 1, 7), key, sum (ratings), sum (total)
  FROM rollup_feedback_day GROUP BY 1, 2, 3, 4;
