-- Version 4: the recommender's suggestion log.
--
-- Every time suggestions are made for a visit, each suggested dish is logged
-- with its list, rank, score and reason.  Guests in the holdout (a share set
-- by 'recommend_holdout_share', 10% by default, picked by a hash of the
-- guest id) get their suggestions logged but not shown, so the uplift report
-- can compare how often a suggested dish was then ordered with and without
-- the suggestion.  Terminal-only (local_): never synced.
CREATE TABLE local_suggestion (
  id        TEXT PRIMARY KEY,
  shown_ms  INTEGER NOT NULL,
  visit_id  TEXT NOT NULL REFERENCES visit (id),
  guest_id  TEXT REFERENCES guest (id),        -- NULL for a walk-in
  item_id   TEXT NOT NULL REFERENCES menu_item (id),
  list      TEXT NOT NULL CHECK (list IN ('usual', 'new')),
  rank      INTEGER NOT NULL CHECK (rank >= 0),
  score     REAL NOT NULL,
  reason    TEXT NOT NULL,
  shown     INTEGER NOT NULL CHECK (shown IN (0, 1))   -- 0: holdout, logged only
);
CREATE INDEX local_suggestion_visit ON local_suggestion (visit_id);
CREATE INDEX local_suggestion_time ON local_suggestion (shown_ms);
