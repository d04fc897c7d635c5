/* rg-rollup-report.c — keeping the rollups of the owner's reports that
 * schema version 6 added.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each closed visit adds one row's worth to every rollup it belongs to, so
 * a rollup summed over any range of days equals the same sum over the
 * visits.  Revenue is the non-voided lines at the prices they were ordered
 * at, as in rg-rollup.  A known guest's visit is "new" when the guest had
 * no closed visit before it (local_guest_stats is still without it when
 * this runs, and a rebuild replays visits in the order they were seated).
 */
#include "rg-rollup-report.h"

/* One upsert for the four kinds of rollup_service_day. */
#define SERVICE_UPSERT \
  "INSERT INTO rollup_service_day (kind, branch_id, day, key, visits, covers, revenue, timed, dine_ms) " \
  "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8) " \
  "ON CONFLICT (kind, branch_id, day, key) DO UPDATE SET visits = visits + 1, " \
  "  covers = covers + excluded.covers, revenue = revenue + excluded.revenue, " \
  "  timed = timed + excluded.timed, dine_ms = dine_ms + excluded.dine_ms"

/* The ratings of a visit (?3), or only one of them (?6), by every key. */
#define FEEDBACK_UPSERT \
  "INSERT INTO rollup_feedback_day (kind, branch_id, day, key, ratings, total) " \
  "SELECT kind, ?1, ?2, key, count (*), sum (rating) FROM (" \
  "  SELECT 'aspect' AS kind, aspect AS key, rating FROM f " \
  "  UNION ALL SELECT 'item', item_id, rating FROM f WHERE item_id IS NOT NULL " \
  "  UNION ALL SELECT 'table', table_id, rating FROM f WHERE table_id IS NOT NULL " \
  "  UNION ALL SELECT 'server', ?4, rating FROM f WHERE ?4 IS NOT NULL " \
  "  UNION ALL SELECT 'hour', ?5, rating FROM f) " \
  "WHERE true GROUP BY kind, key " \
  "ON CONFLICT (kind, branch_id, day, key) DO UPDATE SET ratings = ratings + excluded.ratings, " \
  "  total = total + excluded.total"
#define FEEDBACK_ROWS \
  "WITH f AS (SELECT aspect, item_id, table_id, rating FROM feedback " \
  "  WHERE visit_id = ?3 AND deleted = 0 AND (?6 IS NULL OR id = ?6)) "

typedef struct
{
  const gchar *branch_id;
  const gchar *guest_id;
  const gchar *table_id;
  const gchar *server_id;
  gint         party_size;
  gint64       seated_ms;
  gint64       left_ms;     /* 0: not known */
  gint64       revenue;
  gint64       cost;
  gboolean     returning;
} Visit;

/* --------------------------------------------------------------- helpers */

static gboolean
add_service (RgDb         *db,
             const Visit  *v,
             const gchar  *kind,
             const gchar  *key,
             const gchar  *day,
             GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, SERVICE_UPSERT, error);
  gboolean timed = v->left_ms > v->seated_ms;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, v->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, v->party_size);
  sqlite3_bind_int64 (stmt, 6, v->revenue);
  sqlite3_bind_int (stmt, 7, timed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, timed ? v->left_ms - v->seated_ms : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the service report");
  return TRUE;
}

static gboolean
add_guest_month (RgDb         *db,
                 const Visit  *v,
                 const gchar  *month,
                 GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO rollup_guest_month (branch_id, month, guest_id, visits, spend, cost, last_ms) "
      "VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6) "
      "ON CONFLICT (branch_id, month, guest_id) DO UPDATE SET visits = visits + 1, "
      "  spend = spend + excluded.spend, cost = cost + excluded.cost, "
      "  last_ms = max (last_ms, excluded.last_ms)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, v->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, v->guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, v->revenue);
  sqlite3_bind_int64 (stmt, 5, v->cost);
  sqlite3_bind_int64 (stmt, 6, v->seated_ms);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the guest tiers");
  return TRUE;
}

static gboolean
add_pairs (RgDb         *db,
           const gchar  *branch_id,
           const gchar  *month,
           const gchar  *visit_id,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "WITH d AS (SELECT DISTINCT item_id FROM order_line "
      "  WHERE visit_id = ?3 AND voided = 0 AND deleted = 0) "
      "INSERT INTO rollup_pair_month (branch_id, month, item_a, item_b, visits) "
      "SELECT ?1, ?2, a.item_id, b.item_id, 1 FROM d a JOIN d b ON a.item_id < b.item_id WHERE true "
      "ON CONFLICT (branch_id, month, item_a, item_b) DO UPDATE SET visits = visits + 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, visit_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the dish pairings");
  return TRUE;
}

/* The ratings of @visit_id (all of them, or only @feedback_id). */
static gboolean
add_feedback (RgDb         *db,
              const gchar  *branch_id,
              const gchar  *day,
              gint          hour,
              const gchar  *visit_id,
              const gchar  *server_id,
              const gchar  *feedback_id,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, FEEDBACK_ROWS FEEDBACK_UPSERT, error);
  gchar hour_key[3];

  if (stmt == NULL)
    return FALSE;
  g_snprintf (hour_key, sizeof hour_key, "%02d", hour);
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, server_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, hour_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, feedback_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the feedback report");
  return TRUE;
}

/* ------------------------------------------------------------ public API */

gboolean
rg_rollup_report_add_visit (RgDb         *db,
                            const gchar  *visit_id,
                            const gchar  *day,
                            gint          hour,
                            GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *month = NULL;
  gchar hour_key[3], party_key[12];
  Visit v = { NULL, };
  const gchar *guest_key;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL && day != NULL, FALSE);
  g_return_val_if_fail (hour >= 0 && hour <= 23, FALSE);

  stmt = rg_db_prepare (db,
      "SELECT v.branch_id, v.guest_id, v.table_id, v.server_id, v.party_size, v.seated_ms, "
      "  coalesce (v.left_ms, 0), "
      "  (SELECT coalesce (sum (qty * unit_price), 0) FROM order_line l "
      "   WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0), "
      "  (SELECT coalesce (sum (qty * unit_cost), 0) FROM order_line l "
      "   WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0), "
      "  (SELECT visit_count > 0 FROM local_guest_stats s WHERE s.guest_id = v.guest_id) "
      "FROM visit v WHERE v.id = ? AND v.deleted = 0", error);
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

  /* Borrowed from the row: the statement stays on it until this returns. */
  v.branch_id = (const gchar *) sqlite3_column_text (stmt, 0);
  v.guest_id = (const gchar *) sqlite3_column_text (stmt, 1);
  v.table_id = (const gchar *) sqlite3_column_text (stmt, 2);
  v.server_id = (const gchar *) sqlite3_column_text (stmt, 3);
  v.party_size = sqlite3_column_int (stmt, 4);
  v.seated_ms = sqlite3_column_int64 (stmt, 5);
  v.left_ms = sqlite3_column_int64 (stmt, 6);
  v.revenue = sqlite3_column_int64 (stmt, 7);
  v.cost = sqlite3_column_int64 (stmt, 8);
  v.returning = sqlite3_column_int (stmt, 9) != 0;

  month = g_strndup (day, 7);
  g_snprintf (hour_key, sizeof hour_key, "%02d", hour);
  g_snprintf (party_key, sizeof party_key, "%d", v.party_size);
  guest_key = v.guest_id == NULL ? "walkin" : v.returning ? "returning" : "new";

  return (v.table_id == NULL || add_service (db, &v, "table", v.table_id, day, error)) &&
         add_service (db, &v, "hour", hour_key, day, error) &&
         add_service (db, &v, "party", party_key, day, error) &&
         add_service (db, &v, "guest", guest_key, day, error) &&
         (v.guest_id == NULL || add_guest_month (db, &v, month, error)) &&
         add_pairs (db, v.branch_id, month, visit_id, error) &&
         add_feedback (db, v.branch_id, day, hour, visit_id, v.server_id, NULL, error);
}

gboolean
rg_rollup_report_add_feedback (RgDb         *db,
                               const gchar  *feedback_id,
                               GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree gchar *day = NULL;
  gint64 seated_ms;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (feedback_id != NULL, FALSE);

  stmt = rg_db_prepare (db,
      "SELECT v.id, v.branch_id, b.tz, v.server_id, v.seated_ms, v.status = 'closed' "
      "FROM feedback f JOIN visit v ON v.id = f.visit_id JOIN branch b ON b.id = v.branch_id "
      "WHERE f.id = ? AND f.deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, feedback_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no rating with the id %s", feedback_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the rating %s for the reports", feedback_id);
  if (sqlite3_column_int (stmt, 5) == 0)
    return TRUE;

  /* The same local day and hour as rg-rollup gives the visit. */
  tz = g_time_zone_new_identifier ((const gchar *) sqlite3_column_text (stmt, 2));
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  seated_ms = sqlite3_column_int64 (stmt, 4);
  utc = g_date_time_new_from_unix_utc (seated_ms / 1000 - (seated_ms % 1000 < 0 ? 1 : 0));
  local = g_date_time_to_timezone (utc, tz);
  day = g_date_time_format (local, "%Y-%m-%d");
  return add_feedback (db, (const gchar *) sqlite3_column_text (stmt, 1), day,
                       g_date_time_get_hour (local), (const gchar *) sqlite3_column_text (stmt, 0),
                       (const gchar *) sqlite3_column_text (stmt, 3), feedback_id, error);
}

gboolean
rg_rollup_report_clear (RgDb    *db,
                        GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return rg_db_exec (db,
                     "DELETE FROM rollup_service_day; DELETE FROM rollup_feedback_day; "
                     "DELETE FROM rollup_guest_month; DELETE FROM rollup_pair_month",
                     error);
}
