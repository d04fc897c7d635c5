-- Version 12: rollup_guest_pack read chunk by chunk, every month of a
-- chunk together, so that summing a long range touches one chunk of
-- guests at a time (see rg-segment.c).
CREATE INDEX rollup_guest_pack_chunk ON rollup_guest_pack (chunk, branch_id, month);
