-- Version 6: the rollups of the owner's reports beyond rollup_hour and
-- rollup_item_day, and the indexes of the guest lists.
--
-- Like the rollups of version 1 they are in the branch's local time, kept
-- by closing a check (rg_rollup_report_add_visit) and rebuilt from the
-- closed visits; a visit counts on the day, hour and month its party was
-- seated.  Terminal-only: never synced.

-- Service figures of a local day by one key: kind 'table' (key: table id),
-- 'hour' (key: local hour '00'..'23'), 'party' (key: party size '1', '2', …)
-- or 'guest' (key: 'new' for a known guest's first visit, 'returning', or
-- 'walkin').  timed counts the visits with a leaving time, dine_ms their
-- summed dining time.
CREATE TABLE rollup_service_day (
  kind      TEXT NOT NULL CHECK (kind IN ('table', 'hour', 'party', 'guest')),
  branch_id TEXT NOT NULL,
  day       TEXT NOT NULL,
  key       TEXT NOT NULL,
  visits    INTEGER NOT NULL DEFAULT 0,
  covers    INTEGER NOT NULL DEFAULT 0,
  revenue   INTEGER NOT NULL DEFAULT 0,
  timed     INTEGER NOT NULL DEFAULT 0,
  dine_ms   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, branch_id, day, key)
) WITHOUT ROWID;

-- Ratings of the visits of a local day by one key: kind 'aspect' (key: the
-- aspect), 'item', 'server' (staff id), 'hour' ('00'..'23') or 'table'.
CREATE TABLE rollup_feedback_day (
  kind      TEXT NOT NULL CHECK (kind IN ('aspect', 'item', 'server', 'hour', 'table')),
  branch_id TEXT NOT NULL,
  day       TEXT NOT NULL,
  key       TEXT NOT NULL,
  ratings   INTEGER NOT NULL DEFAULT 0,
  total     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, branch_id, day, key)
) WITHOUT ROWID;

-- What the host guest of each visit spent in a local month ('YYYY-MM'):
-- the tier pyramid, tier moves and RFM read months, not days.
CREATE TABLE rollup_guest_month (
  branch_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  guest_id  TEXT NOT NULL,
  visits    INTEGER NOT NULL DEFAULT 0,
  spend     INTEGER NOT NULL DEFAULT 0,
  cost      INTEGER NOT NULL DEFAULT 0,
  last_ms   INTEGER NOT NULL,
  PRIMARY KEY (branch_id, month, guest_id)
) WITHOUT ROWID;

-- How many visits of a local month had both dishes (item_a < item_b).
CREATE TABLE rollup_pair_month (
  branch_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  item_a    TEXT NOT NULL,
  item_b    TEXT NOT NULL,
  visits    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (branch_id, month, item_a, item_b)
) WITHOUT ROWID;

-- Guest lists read indexes only: lapsed regulars and inactive guests by
-- their last visit, guests enrolled in a period, dates in the coming days.
CREATE INDEX local_guest_stats_lapsed ON local_guest_stats (last_visit_ms, visit_count, total_spend);
CREATE INDEX guest_created ON guest (created_ms) WHERE deleted = 0 AND merged_into IS NULL;
CREATE INDEX guest_birthday_day ON guest (substr (birthday, -5))
  WHERE birthday IS NOT NULL AND deleted = 0 AND merged_into IS NULL;
CREATE INDEX guest_anniversary_day ON guest (substr (anniversary, -5))
  WHERE anniversary IS NOT NULL AND deleted = 0 AND merged_into IS NULL;
