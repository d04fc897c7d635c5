-- Version 7: the lockout of staff members after wrong PINs.
--
-- failures counts the wrong PINs since the last right one; from the fifth
-- on, each one locks the staff member out until locked_until_ms, for
-- lock_ms (30 s, doubling with every further wrong PIN; see core/rg-auth.c).
-- Kept in the database so that restarting the app does not reset it.
-- Terminal-only (local_): never synced, each terminal counts its own tries.
CREATE TABLE local_staff_lockout (
  staff_id        TEXT PRIMARY KEY REFERENCES staff (id),
  failures        INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  locked_until_ms INTEGER NOT NULL DEFAULT 0,
  lock_ms         INTEGER NOT NULL DEFAULT 0 CHECK (lock_ms >= 0)
) WITHOUT ROWID;
