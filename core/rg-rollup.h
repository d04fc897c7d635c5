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
 * rg_rollup_add_visit:
 * @db: a connection inside a transaction
 * @visit_id: a closed visit
 *
 * Adds the visit's non-voided lines to rollup_hour and rollup_item_day (in
 * the branch's local time, bucketed by the time the party was seated) and
 * updates local_guest_stats of its guest.  Call it once, in the transaction
 * that closes the check.
 *
 * Returns: %TRUE on success.
 */
gboolean rg_rollup_add_visit (RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_rollup_rebuild:
 *
 * Recreates every rollup and local_guest_stats from the closed visits and
 * their order lines, in one transaction.
 *
 * Returns: %TRUE on success.
 */
gboolean rg_rollup_rebuild (RgDb *db, GError **error);

G_END_DECLS
