-- Regulars terminal database, version 1: the whole domain of DESIGN.md.
--
-- Conventions
--  * ids are UUIDv7 text made on the terminal (rg_id_new), so rows made
--    offline at two branches never collide;
--  * money is integer minor units (cents, fen); instants are UTC milliseconds;
--  * every synced row carries updated_hlc (hybrid logical clock), origin
--    (device id) and deleted (tombstone); rows are never removed while they
--    may still need to reach the central store;
--  * tables whose name starts with local_ or rollup_ are derived or
--    terminal-only and never synced.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE branch (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  tz          TEXT NOT NULL DEFAULT 'UTC',
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX branch_name ON branch (name) WHERE deleted = 0;

CREATE TABLE device (
  id          TEXT PRIMARY KEY,
  branch_id   TEXT NOT NULL REFERENCES branch (id),
  name        TEXT NOT NULL,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE staff (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('host', 'waiter', 'manager', 'owner')),
  pin_hash    TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX staff_name ON staff (name) WHERE deleted = 0;

-- A guest.  merged_into points at the surviving record after a merge, so an
-- old id (or a card bound to it) still finds the survivor.
CREATE TABLE guest (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length (trim (name)) > 0),
  family_name       TEXT,
  title             TEXT,
  gender            TEXT CHECK (gender IN ('female', 'male', 'other')),
  birthday          TEXT,          -- 'YYYY-MM-DD' or '--MM-DD' when the year is unknown
  anniversary       TEXT,          -- same forms as birthday
  language          TEXT,
  vip               INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1)),
  notes             TEXT NOT NULL DEFAULT '',
  consent_marketing INTEGER NOT NULL DEFAULT 0 CHECK (consent_marketing IN (0, 1)),
  external_ref      TEXT,          -- an id from an imported system
  merged_into       TEXT REFERENCES guest (id),
  created_ms        INTEGER NOT NULL,
  updated_hlc       INTEGER NOT NULL DEFAULT 0,
  origin            TEXT NOT NULL DEFAULT '',
  deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX guest_external_ref ON guest (external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX guest_merged_into ON guest (merged_into) WHERE merged_into IS NOT NULL;

-- Folded name tokens of live guests (rowid = guest.rowid), written by the core:
-- lower case, accents removed, every CJK character its own token.
CREATE VIRTUAL TABLE guest_name_fts USING fts5 (
  tokens,
  tokenize = 'unicode61 remove_diacritics 2',
  detail = 'none'
);

-- Derived per-guest figures, kept by closing a check; never synced.
CREATE TABLE local_guest_stats (
  guest_id       TEXT PRIMARY KEY REFERENCES guest (id),
  visit_count    INTEGER NOT NULL DEFAULT 0,
  first_visit_ms INTEGER,
  last_visit_ms  INTEGER,
  total_spend    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX local_guest_stats_recent ON local_guest_stats (last_visit_ms DESC);

-- One E.164 number belongs to one guest.  digits_rev holds the number's
-- digits reversed so that "last N digits" is an index range scan.
CREATE TABLE guest_phone (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  e164        TEXT NOT NULL,
  digits_rev  TEXT NOT NULL,
  label       TEXT,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX guest_phone_e164 ON guest_phone (e164) WHERE deleted = 0;
CREATE INDEX guest_phone_digits_rev ON guest_phone (digits_rev) WHERE deleted = 0;
CREATE INDEX guest_phone_guest ON guest_phone (guest_id);

CREATE TABLE member_card (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  number      TEXT NOT NULL,
  issued_ms   INTEGER NOT NULL,
  revoked_ms  INTEGER,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX member_card_number ON member_card (number);
CREATE INDEX member_card_guest ON member_card (guest_id);

CREATE TABLE guest_tag (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  tag         TEXT NOT NULL CHECK (length (tag) > 0),
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX guest_tag_unique ON guest_tag (guest_id, tag) WHERE deleted = 0;

CREATE TABLE guest_allergy (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  allergen    TEXT NOT NULL CHECK (length (allergen) > 0),
  severity    TEXT NOT NULL DEFAULT 'severe' CHECK (severity IN ('mild', 'severe', 'anaphylactic')),
  note        TEXT,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX guest_allergy_unique ON guest_allergy (guest_id, allergen) WHERE deleted = 0;

CREATE TABLE seating_pref (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  kind        TEXT NOT NULL CHECK (kind IN ('table', 'zone', 'feature')),
  value       TEXT NOT NULL,     -- a table id, a zone kind, or a feature word
  weight      REAL NOT NULL DEFAULT 1.0,
  note        TEXT,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX seating_pref_guest ON seating_pref (guest_id);

CREATE TABLE dish_pref (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  item_id     TEXT NOT NULL REFERENCES menu_item (id),
  pref        TEXT NOT NULL CHECK (pref IN ('like', 'dislike')),
  note        TEXT,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX dish_pref_unique ON dish_pref (guest_id, item_id) WHERE deleted = 0;

CREATE TABLE guest_note (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  body        TEXT NOT NULL CHECK (length (body) > 0),
  staff_id    TEXT REFERENCES staff (id),
  created_ms  INTEGER NOT NULL,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX guest_note_guest ON guest_note (guest_id);

CREATE TABLE guest_link (
  id          TEXT PRIMARY KEY,
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  other_id    TEXT NOT NULL REFERENCES guest (id),
  kind        TEXT NOT NULL CHECK (kind IN ('referred_by', 'partner', 'family', 'colleague', 'friend')),
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  CHECK (guest_id <> other_id)
);
CREATE INDEX guest_link_guest ON guest_link (guest_id);
CREATE INDEX guest_link_other ON guest_link (other_id);

-- Menu.  allergens, tags and dayparts are comma-separated lower-case words
-- ('gluten,peanut'; 'spicy,sweet-sour'; 'lunch,dinner,late').
CREATE TABLE menu_item (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length (trim (name)) > 0),
  category     TEXT NOT NULL DEFAULT '',
  price        INTEGER NOT NULL CHECK (price >= 0),
  cost         INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
  allergens    TEXT NOT NULL DEFAULT '',
  tags         TEXT NOT NULL DEFAULT '',
  dayparts     TEXT NOT NULL DEFAULT '',
  available    INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1)),
  external_ref TEXT,
  updated_hlc  INTEGER NOT NULL DEFAULT 0,
  origin       TEXT NOT NULL DEFAULT '',
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX menu_item_external_ref ON menu_item (external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX menu_item_category ON menu_item (category, name);

-- Floor.  Positions and sizes are in metres from the plan's top-left corner.
CREATE TABLE zone (
  id          TEXT PRIMARY KEY,
  branch_id   TEXT NOT NULL REFERENCES branch (id),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'main' CHECK (kind IN ('main', 'window', 'booth', 'patio', 'bar', 'quiet', 'private')),
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX zone_branch ON zone (branch_id);

CREATE TABLE dining_table (
  id          TEXT PRIMARY KEY,
  branch_id   TEXT NOT NULL REFERENCES branch (id),
  zone_id     TEXT REFERENCES zone (id),
  name        TEXT NOT NULL,
  seats       INTEGER NOT NULL CHECK (seats > 0),
  x           REAL NOT NULL DEFAULT 0,
  y           REAL NOT NULL DEFAULT 0,
  width       REAL NOT NULL DEFAULT 1 CHECK (width > 0),
  height      REAL NOT NULL DEFAULT 1 CHECK (height > 0),
  shape       TEXT NOT NULL DEFAULT 'rect' CHECK (shape IN ('rect', 'round')),
  features    TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'free' CHECK (status IN ('free', 'seated', 'reserved', 'to_clean')),
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX dining_table_name ON dining_table (branch_id, name) WHERE deleted = 0;

-- A visit is one party at one table; guest_id is the host's guest, NULL for a
-- walk-in.  Other known guests of the party are in visit_guest.
CREATE TABLE visit (
  id             TEXT PRIMARY KEY,
  branch_id      TEXT NOT NULL REFERENCES branch (id),
  guest_id       TEXT REFERENCES guest (id),
  table_id       TEXT REFERENCES dining_table (id),
  party_size     INTEGER NOT NULL DEFAULT 1 CHECK (party_size > 0),
  children       INTEGER NOT NULL DEFAULT 0 CHECK (children >= 0),
  seated_ms      INTEGER NOT NULL,
  left_ms        INTEGER,
  server_id      TEXT REFERENCES staff (id),
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'void')),
  subtotal       INTEGER NOT NULL DEFAULT 0,
  tip            INTEGER NOT NULL DEFAULT 0 CHECK (tip >= 0),
  payment_method TEXT,
  external_ref   TEXT,
  updated_hlc    INTEGER NOT NULL DEFAULT 0,
  origin         TEXT NOT NULL DEFAULT '',
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX visit_by_guest ON visit (guest_id, seated_ms DESC) WHERE guest_id IS NOT NULL;
CREATE INDEX visit_branch_time ON visit (branch_id, seated_ms);
CREATE INDEX visit_open_table ON visit (table_id) WHERE status = 'open';
CREATE UNIQUE INDEX visit_external_ref ON visit (branch_id, external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE visit_guest (
  id          TEXT PRIMARY KEY,
  visit_id    TEXT NOT NULL REFERENCES visit (id),
  guest_id    TEXT NOT NULL REFERENCES guest (id),
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE UNIQUE INDEX visit_guest_unique ON visit_guest (visit_id, guest_id) WHERE deleted = 0;
CREATE INDEX visit_guest_guest ON visit_guest (guest_id);

CREATE TABLE order_line (
  id                TEXT PRIMARY KEY,
  visit_id          TEXT NOT NULL REFERENCES visit (id),
  item_id           TEXT NOT NULL REFERENCES menu_item (id),
  qty               INTEGER NOT NULL CHECK (qty > 0),
  unit_price        INTEGER NOT NULL CHECK (unit_price >= 0),
  unit_cost         INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
  seat              INTEGER,
  course            INTEGER,
  voided            INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  void_reason       TEXT,
  allergen_override TEXT,       -- the allergens confirmed despite the warning
  staff_id          TEXT REFERENCES staff (id),
  created_ms        INTEGER NOT NULL,
  updated_hlc       INTEGER NOT NULL DEFAULT 0,
  origin            TEXT NOT NULL DEFAULT '',
  deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX order_line_visit ON order_line (visit_id);
CREATE INDEX order_line_item ON order_line (item_id);

CREATE TABLE feedback (
  id          TEXT PRIMARY KEY,
  visit_id    TEXT NOT NULL REFERENCES visit (id),
  table_id    TEXT REFERENCES dining_table (id),
  item_id     TEXT REFERENCES menu_item (id),
  guest_id    TEXT REFERENCES guest (id),
  aspect      TEXT NOT NULL CHECK (aspect IN ('food', 'service', 'ambience', 'tableware', 'overall', 'dish')),
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment     TEXT,
  staff_id    TEXT REFERENCES staff (id),
  created_ms  INTEGER NOT NULL,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  CHECK ((aspect = 'dish') = (item_id IS NOT NULL))
);
CREATE INDEX feedback_visit ON feedback (visit_id);
CREATE INDEX feedback_low ON feedback (created_ms) WHERE rating <= 2;

CREATE TABLE audit_log (
  id          TEXT PRIMARY KEY,
  at_ms       INTEGER NOT NULL,
  staff_id    TEXT,
  action      TEXT NOT NULL,
  subject     TEXT,
  detail      TEXT,
  updated_hlc INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL DEFAULT '',
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX audit_log_at ON audit_log (at_ms);

-- Report rollups, in the branch's local time; kept by closing a check and
-- rebuildable from the order lines.
CREATE TABLE rollup_hour (
  branch_id TEXT NOT NULL,
  day       TEXT NOT NULL,     -- local 'YYYY-MM-DD'
  hour      INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  visits    INTEGER NOT NULL DEFAULT 0,
  covers    INTEGER NOT NULL DEFAULT 0,
  revenue   INTEGER NOT NULL DEFAULT 0,
  cost      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (branch_id, day, hour)
) WITHOUT ROWID;

CREATE TABLE rollup_item_day (
  branch_id TEXT NOT NULL,
  day       TEXT NOT NULL,
  item_id   TEXT NOT NULL,
  qty       INTEGER NOT NULL DEFAULT 0,
  revenue   INTEGER NOT NULL DEFAULT 0,
  cost      INTEGER NOT NULL DEFAULT 0,
  visits    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (branch_id, day, item_id)
) WITHOUT ROWID;

-- Changes waiting to reach the central store, written in the same
-- transaction as the change itself.
CREATE TABLE sync_outbox (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl     TEXT NOT NULL,
  row_id  TEXT NOT NULL,
  hlc     INTEGER NOT NULL
);
