-- Version 18: the dish pairs of rollup_pair_month packed per branch and
-- local month, so that the pairings of a long range read one row per
-- branch and month (a few thousand pairs each) instead of one row per pair
-- and month.  Terminal-only: never synced; rg-rollup-pair.c keeps them, and
-- the first dish report packs a database that has pairs but no packs yet.

-- A small number for every dish of rollup_pair_month, given once and kept
-- across rebuilds.
CREATE TABLE rollup_item_number (
  number  INTEGER PRIMARY KEY,
  item_id TEXT NOT NULL UNIQUE
);

-- pairs: 12-byte little-endian entries (the smaller dish number, the
-- larger, the visits with both, as 32 bits) in the order of the numbers.
CREATE TABLE rollup_pair_pack (
  branch_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  pairs     BLOB NOT NULL,
  UNIQUE (branch_id, month)
);
