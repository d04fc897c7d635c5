-- Version 15: how many live guests (not deleted, not merged) were enrolled
-- on each UTC day (created_ms / 86400000), by the UTC day of their first
-- visit (first_visit_ms / 86400000; 1000000000 for a guest who never came),
-- kept by triggers whoever writes guest or local_guest_stats (enrolment,
-- closing a check, a rebuild, a merge, sync).  The tiers report counts the
-- guests enrolled in a period who never came from these few thousand rows,
-- and the guests of the days a period starts and ends in from the indexes
-- (guest_created, and local_guest_stats by first visit) instead of probing
-- every guest enrolled in the period.
CREATE TABLE rollup_guest_enrol (
  day    INTEGER NOT NULL,
  came   INTEGER NOT NULL,
  guests INTEGER NOT NULL,
  PRIMARY KEY (day, came)
) WITHOUT ROWID;

CREATE INDEX local_guest_stats_first ON local_guest_stats (first_visit_ms);

-- A guest is enrolled, changes its enrolment time, is deleted or merged.
CREATE TRIGGER guest_enrol_insert AFTER INSERT ON guest
  WHEN NEW.deleted = 0 AND NEW.merged_into IS NULL
BEGIN
  INSERT INTO rollup_guest_enrol (day, came, guests)
    VALUES (NEW.created_ms / 86400000,
            coalesce ((SELECT first_visit_ms FROM local_guest_stats WHERE guest_id = NEW.id) / 86400000, 1000000000), 1)
    ON CONFLICT (day, came) DO UPDATE SET guests = guests + 1;
END;

CREATE TRIGGER guest_enrol_update AFTER UPDATE OF created_ms, deleted, merged_into ON guest
BEGIN
  UPDATE rollup_guest_enrol SET guests = guests - 1
    WHERE OLD.deleted = 0 AND OLD.merged_into IS NULL AND day = OLD.created_ms / 86400000
    AND came = coalesce ((SELECT first_visit_ms FROM local_guest_stats WHERE guest_id = OLD.id) / 86400000, 1000000000);
  INSERT INTO rollup_guest_enrol (day, came, guests)
    SELECT NEW.created_ms / 86400000,
           coalesce ((SELECT first_visit_ms FROM local_guest_stats WHERE guest_id = NEW.id) / 86400000, 1000000000), 1
    WHERE NEW.deleted = 0 AND NEW.merged_into IS NULL
    ON CONFLICT (day, came) DO UPDATE SET guests = guests + 1;
  DELETE FROM rollup_guest_enrol WHERE guests = 0 AND day = OLD.created_ms / 86400000;
END;

CREATE TRIGGER guest_enrol_delete AFTER DELETE ON guest
  WHEN OLD.deleted = 0 AND OLD.merged_into IS NULL
BEGIN
  UPDATE rollup_guest_enrol SET guests = guests - 1
    WHERE day = OLD.created_ms / 86400000
    AND came = coalesce ((SELECT first_visit_ms FROM local_guest_stats WHERE guest_id = OLD.id) / 86400000, 1000000000);
  DELETE FROM rollup_guest_enrol WHERE guests = 0 AND day = OLD.created_ms / 86400000;
END;

-- A guest's figures appear, change their first visit or go: the live guest
-- moves from one day of first visit to another.
CREATE TRIGGER local_guest_stats_enrol_insert AFTER INSERT ON local_guest_stats
BEGIN
  UPDATE rollup_guest_enrol SET guests = guests - 1
    WHERE (day, came) = (SELECT created_ms / 86400000, 1000000000 FROM guest
                         WHERE id = NEW.guest_id AND deleted = 0 AND merged_into IS NULL);
  INSERT INTO rollup_guest_enrol (day, came, guests)
    SELECT created_ms / 86400000, coalesce (NEW.first_visit_ms / 86400000, 1000000000), 1 FROM guest
    WHERE id = NEW.guest_id AND deleted = 0 AND merged_into IS NULL
    ON CONFLICT (day, came) DO UPDATE SET guests = guests + 1;
  DELETE FROM rollup_guest_enrol WHERE guests = 0
    AND day = (SELECT created_ms / 86400000 FROM guest WHERE id = NEW.guest_id);
END;

CREATE TRIGGER local_guest_stats_enrol_update AFTER UPDATE OF guest_id, first_visit_ms ON local_guest_stats
  WHEN OLD.guest_id IS NOT NEW.guest_id OR OLD.first_visit_ms IS NOT NEW.first_visit_ms
BEGIN
  UPDATE rollup_guest_enrol SET guests = guests - 1
    WHERE (day, came) = (SELECT created_ms / 86400000, coalesce (OLD.first_visit_ms / 86400000, 1000000000)
                         FROM guest WHERE id = OLD.guest_id AND deleted = 0 AND merged_into IS NULL);
  INSERT INTO rollup_guest_enrol (day, came, guests)
    SELECT created_ms / 86400000, coalesce (NEW.first_visit_ms / 86400000, 1000000000), 1 FROM guest
    WHERE id = NEW.guest_id AND deleted = 0 AND merged_into IS NULL
    ON CONFLICT (day, came) DO UPDATE SET guests = guests + 1;
  DELETE FROM rollup_guest_enrol WHERE guests = 0
    AND day IN (SELECT created_ms / 86400000 FROM guest WHERE id IN (OLD.guest_id, NEW.guest_id));
END;

CREATE TRIGGER local_guest_stats_enrol_delete AFTER DELETE ON local_guest_stats
BEGIN
  UPDATE rollup_guest_enrol SET guests = guests - 1
    WHERE (day, came) = (SELECT created_ms / 86400000, coalesce (OLD.first_visit_ms / 86400000, 1000000000)
                         FROM guest WHERE id = OLD.guest_id AND deleted = 0 AND merged_into IS NULL);
  INSERT INTO rollup_guest_enrol (day, came, guests)
    SELECT created_ms / 86400000, 1000000000, 1 FROM guest
    WHERE id = OLD.guest_id AND deleted = 0 AND merged_into IS NULL
    ON CONFLICT (day, came) DO UPDATE SET guests = guests + 1;
  DELETE FROM rollup_guest_enrol WHERE guests = 0
    AND day = (SELECT created_ms / 86400000 FROM guest WHERE id = OLD.guest_id);
END;

INSERT INTO rollup_guest_enrol (day, came, guests)
  SELECT g.created_ms / 86400000, coalesce (s.first_visit_ms / 86400000, 1000000000), count (*)
  FROM guest g LEFT JOIN local_guest_stats s ON s.guest_id = g.id
  WHERE g.deleted = 0 AND g.merged_into IS NULL GROUP BY 1, 2;

-- rollup_guest_pack entries take 16 bytes when their figures fit, after a
-- header (see rg-rollup-guest.h): the packs of the older layout go, and
-- the first guest report packs rollup_guest_month again
-- (rg_rollup_guest_ensure).
DELETE FROM rollup_guest_pack;
