-- Version 13: how many guests who came had their last visit on each UTC
-- day (last_visit_ms / 86400000; -1000000000 for none), by their visits
-- (capped at 16), kept by triggers whoever writes local_guest_stats
-- (closing a check, a rebuild, a merge, a synced visit).  The tiers report
-- counts inactive guests and lapsed regulars from these few thousand rows
-- and the index of local_guest_stats for the one day a count ends in.
CREATE TABLE rollup_guest_last (
  day    INTEGER NOT NULL,
  visits INTEGER NOT NULL,
  guests INTEGER NOT NULL,
  PRIMARY KEY (day, visits)
) WITHOUT ROWID;

CREATE TRIGGER local_guest_stats_last_insert AFTER INSERT ON local_guest_stats
BEGIN
  INSERT INTO rollup_guest_last (day, visits, guests)
    VALUES (coalesce (NEW.last_visit_ms / 86400000, -1000000000), min (NEW.visit_count, 16), 1)
    ON CONFLICT (day, visits) DO UPDATE SET guests = guests + 1;
END;

CREATE TRIGGER local_guest_stats_last_delete AFTER DELETE ON local_guest_stats
BEGIN
  UPDATE rollup_guest_last SET guests = guests - 1
    WHERE day = coalesce (OLD.last_visit_ms / 86400000, -1000000000) AND visits = min (OLD.visit_count, 16);
  DELETE FROM rollup_guest_last
    WHERE day = coalesce (OLD.last_visit_ms / 86400000, -1000000000) AND visits = min (OLD.visit_count, 16)
    AND guests = 0;
END;

CREATE TRIGGER local_guest_stats_last_update AFTER UPDATE OF last_visit_ms, visit_count ON local_guest_stats
BEGIN
  UPDATE rollup_guest_last SET guests = guests - 1
    WHERE day = coalesce (OLD.last_visit_ms / 86400000, -1000000000) AND visits = min (OLD.visit_count, 16);
  INSERT INTO rollup_guest_last (day, visits, guests)
    VALUES (coalesce (NEW.last_visit_ms / 86400000, -1000000000), min (NEW.visit_count, 16), 1)
    ON CONFLICT (day, visits) DO UPDATE SET guests = guests + 1;
  DELETE FROM rollup_guest_last
    WHERE day = coalesce (OLD.last_visit_ms / 86400000, -1000000000) AND visits = min (OLD.visit_count, 16)
    AND guests = 0;
END;

INSERT INTO rollup_guest_last (day, visits, guests)
  SELECT coalesce (last_visit_ms / 86400000, -1000000000), min (visit_count, 16), count (*)
  FROM local_guest_stats GROUP BY 1, 2;
