/* rg-rollup-report.h — the rollups of the owner's reports that closing a
 * check keeps beside rollup_hour and rollup_item_day (schema version 6).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * rg_rollup_report_add_visit:
 * @db: a connection inside a transaction
 * @visit_id: a closed visit
 * @day: the local day the party was seated, "YYYY-MM-DD"
 * @hour: the local hour the party was seated, 0 to 23
 * @error: return location for a #GError
 *
 * Adds the visit to rollup_service_day (its table, hour, party size and
 * whether its guest is new), rollup_guest_month and rollup_guest_pack (its
 * host guest, rg_rollup_guest_add()),
 * rollup_pair_month (every pair of dishes on the check) and
 * rollup_feedback_day (the ratings logged so far).  rg-rollup calls it for
 * each closed check, before the guest's local_guest_stats are updated, so
 * that a guest without figures yet counts as new.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean rg_rollup_report_add_visit (RgDb *db, const gchar *visit_id, const gchar *day, gint hour, GError **error);

/**
 * rg_rollup_report_add_feedback:
 * @db: a connection
 * @feedback_id: a rating just logged
 * @error: return location for a #GError
 *
 * Adds a rating logged after its visit's check was closed to
 * rollup_feedback_day; does nothing for a rating of an open visit (closing
 * the check will count it).
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND or a
 *   database error.
 */
gboolean rg_rollup_report_add_feedback (RgDb *db, const gchar *feedback_id, GError **error);

/**
 * rg_rollup_report_rebuild:
 * @db: a connection inside the transaction of rg_rollup_rebuild()
 * @error: return location for a #GError
 *
 * Empties the report rollups of schema version 6 and sums them again (and
 * repacks rollup_guest_pack, rg_rollup_guest_rebuild()) from
 * the temporary tables that rg_rollup_rebuild() has just filled:
 * rebuild_visit (one row per closed visit: visit (the visit's rowid), id,
 * branch (the branch's rowid), branch_id, guest_id, table_id, server_id,
 * party_size, seated_ms, left_ms (0: not known), local day and hour,
 * revenue and cost of its live lines), rebuild_dish (one row per visit and
 * dish: visit, item, qty, revenue, cost), rebuild_item (n, the dish's
 * number in the order of the ids, and id) and rebuild_party (one row per
 * known guest of a party: guest_id, seated_ms, visit_id, share).  A host
 * guest's visit is new when the guest has no earlier row in rebuild_party,
 * earlier meaning by seating time then visit id — the order in which a
 * replay would have closed the checks.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean rg_rollup_report_rebuild (RgDb *db, GError **error);

G_END_DECLS
