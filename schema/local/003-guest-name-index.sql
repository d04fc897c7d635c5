-- Version 3: the guest name index, ordered by recency.
--
-- A lookup by name lists the most recent guests first and stops after one
-- page, so the index's own rowid order must be that order: each live guest
-- gets an fts_rowid from an increasing counter when it is enrolled and again
-- each time it visits (rg_guest_index_refresh), and a name lookup reads
-- `MATCH ? ORDER BY rowid DESC LIMIT ?` without sorting its matches.
-- rg_guest_index_rebuild renumbers every guest by last visit.
--
-- Prefix indexes of 1 to 10 characters let a prefix query read one ready
-- doclist in rowid order instead of merging those of every matching word.

DROP TABLE guest_name_fts;

CREATE VIRTUAL TABLE guest_name_fts USING fts5 (
  tokens,
  tokenize = 'unicode61 remove_diacritics 2',
  detail = 'none',
  prefix = '1 2 3 4 5 6 7 8 9 10'
);

-- Which guest an index row is, and the last visit it was placed for.
-- Terminal-only: rebuilt from guest and local_guest_stats.
CREATE TABLE local_guest_key (
  fts_rowid     INTEGER PRIMARY KEY,
  guest_id      TEXT NOT NULL UNIQUE REFERENCES guest (id),
  last_visit_ms INTEGER NOT NULL DEFAULT 0
);
