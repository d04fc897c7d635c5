-- Regulars central store, version 3: chains.
--
-- One store may serve several restaurant groups.  Every enrolment code,
-- device token and row belongs to one chain; a device pushes into and
-- pulls from its own chain's rows only, and the same (table, id) in two
-- chains are two rows, so a device cannot read nor overwrite another
-- chain's data even by guessing its ids.  What was stored before chains
-- belongs to the chain 'main', as does a code made without naming one.

ALTER TABLE enrol_code ADD COLUMN chain text NOT NULL DEFAULT 'main';
ALTER TABLE device_token ADD COLUMN chain text NOT NULL DEFAULT 'main';
ALTER TABLE sync_row ADD COLUMN chain text NOT NULL DEFAULT 'main';
ALTER TABLE sync_row DROP CONSTRAINT sync_row_pkey;
ALTER TABLE sync_row ADD PRIMARY KEY (chain, tbl, id);
DROP INDEX sync_row_order;
CREATE INDEX sync_row_order ON sync_row (chain, xid, seq);
