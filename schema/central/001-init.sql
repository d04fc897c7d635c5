-- Regulars central store, version 1.
--
-- The store keeps the newest version of every synced row of every terminal
-- as JSON (the wire form of core/rg-wire), one row per (table, id): the
-- columns and their types are checked by rg-wire before anything is
-- written, so the store follows the terminals' logical model without
-- copying their SQLite schema.
--
-- Pull order.  Each write records the writing transaction's id (xid) and a
-- sequence number.  A pull returns rows in (xid, seq) order but only those
-- whose xid is older than every transaction still running
-- (pg_snapshot_xmin of the current snapshot): such rows are final, and any
-- later write gets a larger xid, so a cursor (xid, seq) never passes a row
-- that a slow concurrent push commits afterwards.

CREATE TABLE sync_row (
  tbl         text   NOT NULL,
  id          text   NOT NULL,
  updated_hlc bigint NOT NULL,
  origin      text   COLLATE "C" NOT NULL,
  deleted     boolean NOT NULL,
  data        jsonb  NOT NULL,
  xid         bigint NOT NULL,
  seq         bigint NOT NULL,
  PRIMARY KEY (tbl, id)
);
CREATE SEQUENCE sync_row_seq;
CREATE INDEX sync_row_order ON sync_row (xid, seq);

-- Devices enrolled with a one-time code; tokens and codes are kept as
-- SHA-256 hashes, never in clear.
CREATE TABLE enrol_code (
  code_hash  text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now (),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  device_id  text
);

CREATE TABLE device_token (
  token_hash text PRIMARY KEY,
  device_id  text NOT NULL,
  name       text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now (),
  revoked_at timestamptz
);
CREATE INDEX device_token_device ON device_token (device_id);
