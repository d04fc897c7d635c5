-- Version 10: what each guest spent per local month, packed, so that the
-- tier pyramid and RFM of a long range read a few thousand rows instead
-- of one row per guest and month (rollup_guest_month stays the source of
-- a rebuild).  Terminal-only: never synced; rg-rollup-guest.c keeps them.

-- A small number for every guest of rollup_guest_month, given once and
-- kept across rebuilds.
CREATE TABLE rollup_guest_number (
  number   INTEGER PRIMARY KEY,
  guest_id TEXT NOT NULL UNIQUE
);

-- The guests of one branch and local month ('YYYY-MM') whose numbers share
-- chunk (number >> 11): guests is their rollup_guest_month figures as
-- 32-byte little-endian entries (number and visits as 32 bits, spend, cost
-- and last_ms as 64 bits), in the order of their numbers.
CREATE TABLE rollup_guest_pack (
  branch_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  chunk     INTEGER NOT NULL,
  guests    BLOB NOT NULL,
  PRIMARY KEY (branch_id, month, chunk)
);
