-- Version 11: the guest lists of the tiers report read indexes only.
-- Lapsed regulars are the biggest spenders first: walking local_guest_stats
-- by spend stops at the last one shown.  Guests enrolled in a period who
-- never came are counted from the enrolment index with the guest's id in
-- it, without reading the guest rows.
CREATE INDEX local_guest_stats_spend ON local_guest_stats (total_spend DESC, last_visit_ms, visit_count);
DROP INDEX guest_created;
CREATE INDEX guest_created ON guest (created_ms, id) WHERE deleted = 0 AND merged_into IS NULL;
