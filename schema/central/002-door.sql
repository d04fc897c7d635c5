-- Regulars central store, version 2: each device's rate limit.
--
-- A token bucket per device (app/regulars-central/rg-central-devices.c):
-- tokens left as of updated_at; it refills at the configured rate up to
-- the configured burst.  Kept here rather than in each instance so that
-- every instance of the store draws from the same bucket.

CREATE TABLE device_rate (
  device_id  text PRIMARY KEY,
  tokens     double precision NOT NULL,
  updated_at timestamptz NOT NULL
);
