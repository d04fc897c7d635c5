/* rg-rollup.h — the report rollups and per-guest figures that closing a
 * check keeps current.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * rg_rollup_register_functions:
 * @handle: an open SQLite connection
 *
 * Registers on @handle the SQL functions that bucket a time in a branch's
 * local time: `rg_local_day (ms, tz)`, the local day as 'YYYY-MM-DD', and
 * `rg_local_hour (ms, tz)`, the local hour 0 to 23, of @ms milliseconds
 * since 1970 in the zone named @tz (UTC for a name GLib does not know).
 * Both are deterministic and give NULL for a NULL time.  rg_db_open()
 * calls it for every connection.
 *
 * Returns: %TRUE on success; %FALSE when SQLite is out of memory.
 */
gboolean rg_rollup_register_functions (sqlite3 *handle);

/**
 * rg_rollup_add_visit:
 * @db: a connection inside a transaction
 * @visit_id: a closed visit
 * @error: return location for a #GError
 *
 * Adds the visit's non-voided lines to rollup_hour and rollup_item_day (in
 * the branch's local time, bucketed by the time the party was seated) and
 * updates local_guest_stats of its guest.  Call it once, in the transaction
 * that closes the check.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND for an unknown
 *   visit, %RG_ERROR_INVALID for one that is not closed, or a database error.
 */
gboolean rg_rollup_add_visit (RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_rollup_rebuild:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Recreates every rollup and local_guest_stats from the closed visits and
 * their order lines, in one transaction, with the same figures as closing
 * the checks one by one in the order their parties were seated, and then
 * rebuilds the guest name index (rg_guest_index_rebuild()).
 *
 * Returns: %TRUE on success; %FALSE with a database error, the rollups
 *   unchanged.
 */
gboolean rg_rollup_rebuild (RgDb *db, GError **error);

G_END_DECLS
