/* rg-rollup.c — keeping the report rollups and per-guest figures.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A visit counts in the hour and day (branch's local time) in which its
 * party was seated.  Revenue and cost are the non-voided lines at the
 * prices they were ordered at; tips are not revenue.  In local_guest_stats
 * the host guest is credited with the whole check and every other known
 * guest of the party with one cover's share (subtotal / party size), so a
 * regular who always comes as someone's companion still shows what they are
 * worth without the check being counted twice over.
 *
 * A rebuild replays every closed visit through the same code as closing a
 * check, so a rebuilt rollup cannot differ from one kept incrementally.
 */
#include "rg-rollup.h"

#include "rg-guest.h"
#include "rg-rollup-report.h"

typedef struct
{
  gchar  *branch_id;
  gchar  *tz;
  gchar  *guest_id;
  gchar  *status;
  gint    party_size;
  gint64  seated_ms;
} VisitFacts;

static void
visit_facts_clear (VisitFacts *facts)
{
  g_free (facts->branch_id);
  g_free (facts->tz);
  g_free (facts->guest_id);
  g_free (facts->status);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VisitFacts, visit_facts_clear)

/* --------------------------------------------------------------- helpers */

static gboolean
load_facts (RgDb         *db,
            const gchar  *visit_id,
            VisitFacts   *facts,
            GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT v.branch_id, b.tz, v.guest_id, v.status, v.party_size, v.seated_ms "
      "FROM visit v JOIN branch b ON b.id = v.branch_id WHERE v.id = ? AND v.deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no visit with the id %s", visit_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the visit %s for the reports", visit_id);
  facts->branch_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  facts->tz = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  facts->guest_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 2));
  facts->status = g_strdup ((const gchar *) sqlite3_column_text (stmt, 3));
  facts->party_size = sqlite3_column_int (stmt, 4);
  facts->seated_ms = sqlite3_column_int64 (stmt, 5);
  return TRUE;
}

/* The time zone called @tz_name, from @zones when it is there (a rebuild
 * meets the same few zones thousands of times).  A zone that GLib does not
 * know falls back to UTC (rg-branch checks zones on entry). */
static GTimeZone *
lookup_zone (GHashTable  *zones,
             const gchar *tz_name)
{
  GTimeZone *tz = zones != NULL ? g_hash_table_lookup (zones, tz_name) : NULL;

  if (tz != NULL)
    return g_time_zone_ref (tz);
  tz = g_time_zone_new_identifier (tz_name);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  if (zones != NULL)
    g_hash_table_insert (zones, g_strdup (tz_name), g_time_zone_ref (tz));
  return tz;
}

/* The local day ("2026-11-25") and hour of @ms in @tz. */
static gchar *
local_bucket (GTimeZone *tz,
              gint64     ms,
              gint      *hour)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  *hour = g_date_time_get_hour (local);
  return g_date_time_format (local, "%Y-%m-%d");
}

static gboolean
add_hour (RgDb              *db,
          const VisitFacts  *facts,
          const gchar       *day,
          gint               hour,
          const gchar       *visit_id,
          gint64            *revenue,
          GError           **error)
{
  g_autoptr(RgStmt) sums = rg_db_prepare (db,
      "SELECT coalesce (sum (qty * unit_price), 0), coalesce (sum (qty * unit_cost), 0) "
      "FROM order_line WHERE visit_id = ? AND voided = 0 AND deleted = 0", error);
  g_autoptr(RgStmt) upsert = NULL;
  gint64 cost;

  if (sums == NULL)
    return FALSE;
  sqlite3_bind_text (sums, 1, visit_id, -1, SQLITE_STATIC);
  if (sqlite3_step (sums) != SQLITE_ROW)
    return rg_db_set_error (db, error, "adding up the visit for the reports");
  *revenue = sqlite3_column_int64 (sums, 0);
  cost = sqlite3_column_int64 (sums, 1);

  upsert = rg_db_prepare (db,
      "INSERT INTO rollup_hour (branch_id, day, hour, visits, covers, revenue, cost) "
      "VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6) "
      "ON CONFLICT (branch_id, day, hour) DO UPDATE SET visits = visits + 1, "
      "  covers = covers + excluded.covers, revenue = revenue + excluded.revenue, "
      "  cost = cost + excluded.cost", error);
  if (upsert == NULL)
    return FALSE;
  sqlite3_bind_text (upsert, 1, facts->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (upsert, 3, hour);
  sqlite3_bind_int (upsert, 4, facts->party_size);
  sqlite3_bind_int64 (upsert, 5, *revenue);
  sqlite3_bind_int64 (upsert, 6, cost);
  if (sqlite3_step (upsert) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the hourly report");
  return TRUE;
}

static gboolean
add_items (RgDb              *db,
           const VisitFacts  *facts,
           const gchar       *day,
           const gchar       *visit_id,
           GError           **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO rollup_item_day (branch_id, day, item_id, qty, revenue, cost, visits) "
      "SELECT ?1, ?2, item_id, sum (qty), sum (qty * unit_price), sum (qty * unit_cost), 1 "
      "FROM order_line WHERE visit_id = ?3 AND voided = 0 AND deleted = 0 GROUP BY item_id "
      "ON CONFLICT (branch_id, day, item_id) DO UPDATE SET qty = qty + excluded.qty, "
      "  revenue = revenue + excluded.revenue, cost = cost + excluded.cost, visits = visits + 1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, facts->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, visit_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the dish report");
  return TRUE;
}

static gboolean
add_guest (RgDb         *db,
           const gchar  *guest_id,
           gint64        seated_ms,
           gint64        spend,
           gboolean      refresh_index,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms, total_spend) "
      "VALUES (?1, 1, ?2, ?2, ?3) "
      "ON CONFLICT (guest_id) DO UPDATE SET visit_count = visit_count + 1, "
      "  first_visit_ms = min (coalesce (first_visit_ms, excluded.first_visit_ms), excluded.first_visit_ms), "
      "  last_visit_ms = max (coalesce (last_visit_ms, excluded.last_visit_ms), excluded.last_visit_ms), "
      "  total_spend = total_spend + excluded.total_spend", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seated_ms);
  sqlite3_bind_int64 (stmt, 3, spend);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the guest's visit figures");
  return !refresh_index || rg_guest_index_refresh (db, guest_id, error);
}

static gboolean
add_guests (RgDb              *db,
            const VisitFacts  *facts,
            const gchar       *visit_id,
            gint64             revenue,
            gboolean           refresh_index,
            GError           **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (facts->guest_id != NULL &&
      !add_guest (db, facts->guest_id, facts->seated_ms, revenue, refresh_index, error))
    return FALSE;

  /* Collected first: add_guest() may use other statements while this one
   * would still be stepping. */
  stmt = rg_db_prepare (db,
      "SELECT DISTINCT guest_id FROM visit_guest "
      "WHERE visit_id = ?1 AND deleted = 0 AND guest_id IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, facts->guest_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (extras, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the party of the visit");

  for (guint i = 0; i < extras->len; i++)
    if (!add_guest (db, extras->pdata[i], facts->seated_ms,
                    revenue / MAX (facts->party_size, 1), refresh_index, error))
      return FALSE;
  return TRUE;
}

/* Adds one closed visit; @zones (nullable) caches time zones by name. */
static gboolean
add_visit (RgDb         *db,
           const gchar  *visit_id,
           gboolean      refresh_index,
           GHashTable   *zones,
           GError      **error)
{
  g_auto(VisitFacts) facts = { NULL, };
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree gchar *day = NULL;
  gint hour;
  gint64 revenue = 0;

  if (!load_facts (db, visit_id, &facts, error))
    return FALSE;
  if (g_strcmp0 (facts.status, "closed") != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "only a closed check counts in the reports; this visit is %s", facts.status);
      return FALSE;
    }

  tz = lookup_zone (zones, facts.tz);
  day = local_bucket (tz, facts.seated_ms, &hour);
  return add_hour (db, &facts, day, hour, visit_id, &revenue, error) &&
         add_items (db, &facts, day, visit_id, error) &&
         rg_rollup_report_add_visit (db, visit_id, day, hour, error) &&
         add_guests (db, &facts, visit_id, revenue, refresh_index, error);
}

/* ------------------------------------------------------------ public API */

gboolean
rg_rollup_add_visit (RgDb         *db,
                     const gchar  *visit_id,
                     GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL || !add_visit (db, visit_id, TRUE, NULL, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
rg_rollup_rebuild (RgDb    *db,
                   GError **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_time_zone_unref);
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !rg_db_exec (db,
                   "DELETE FROM rollup_hour; DELETE FROM rollup_item_day; DELETE FROM local_guest_stats",
                   error) ||
      !rg_rollup_report_clear (db, error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "SELECT id FROM visit WHERE status = 'closed' AND deleted = 0 ORDER BY seated_ms, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (visits, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the closed visits");

  for (guint i = 0; i < visits->len; i++)
    if (!add_visit (db, visits->pdata[i], FALSE, zones, error))
      return FALSE;

  /* Recency order of the name index follows the rebuilt figures. */
  if (!rg_guest_index_rebuild (db, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}
