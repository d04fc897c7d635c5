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
 * this runs; a rebuild takes the visits in the order they were seated).
 * A rebuild sums the same rollups set-based from the temporary tables that
 * rg-rollup gathers.  rollup_guest_month is also kept packed
 * (rg-rollup-guest.c) for the guest reports.
 */
#include "rg-rollup-guest.h"
#include "rg-rollup-pair.h"
#include "rg-rollup-report.h"

/* One upsert for the four kinds of rollup_service_day, or of its month
 * twin (schema version 17). */
#define SERVICE_UPSERT(table, period) \
  "INSERT INTO " table " (kind, branch_id, " period ", key, visits, covers, revenue, timed, dine_ms) " \
  "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8) " \
  "ON CONFLICT (kind, branch_id, " period ", key) DO UPDATE SET visits = visits + 1, " \
  "  covers = covers + excluded.covers, revenue = revenue + excluded.revenue, " \
  "  timed = timed + excluded.timed, dine_ms = dine_ms + excluded.dine_ms"

/* The ratings of a visit (?3), or only one of them (?6), by every key, into
 * rollup_feedback_day or its month twin. */
#define FEEDBACK_UPSERT(table, period) \
  "INSERT INTO " table " (kind, branch_id, " period ", key, ratings, total) " \
  "SELECT kind, ?1, ?2, key, count (*), sum (rating) FROM (" \
  "  SELECT 'aspect' AS kind, aspect AS key, rating FROM f " \
  "  UNION ALL SELECT 'item', item_id, rating FROM f WHERE item_id IS NOT NULL " \
  "  UNION ALL SELECT 'table', table_id, rating FROM f WHERE table_id IS NOT NULL " \
  "  UNION ALL SELECT 'server', ?4, rating FROM f WHERE ?4 IS NOT NULL " \
  "  UNION ALL SELECT 'hour', ?5, rating FROM f) " \
  "WHERE true GROUP BY kind, key " \
  "ON CONFLICT (kind, branch_id, " period ", key) DO UPDATE SET ratings = ratings + excluded.ratings, " \
  "  total = total + excluded.total"
#define FEEDBACK_ROWS \
  "WITH f AS (SELECT aspect, item_id, table_id, rating FROM feedback " \
  "  WHERE visit_id = ?3 AND deleted = 0 AND (?6 IS NULL OR id = ?6)) "

/* The same rollups summed over the temporary tables of a rebuild; the
 * service figures one kind at a time, which keeps each sort small. */
#define SERVICE_SUMS(kind, key, where) \
  "INSERT INTO rollup_service_day (kind, branch_id, day, key, visits, covers, revenue, timed, dine_ms) " \
  "SELECT '" kind "', branch_id, day, " key " AS key, count (*), sum (party_size), sum (revenue), " \
  "  sum (left_ms > seated_ms), sum (max (left_ms - seated_ms, 0)) " \
  "FROM rebuild_visit r " where " GROUP BY branch_id, day, key; "
#define GUEST_KEY \
  "CASE WHEN guest_id IS NULL THEN 'walkin' " \
  "  WHEN EXISTS (SELECT 1 FROM rebuild_party p WHERE p.guest_id = r.guest_id " \
  "    AND (p.seated_ms, p.visit_id) < (r.seated_ms, r.id)) THEN 'returning' " \
  "  ELSE 'new' END"
#define REBUILD_SERVICE \
  "DELETE FROM rollup_service_day; " \
  SERVICE_SUMS ("table", "table_id", "WHERE table_id IS NOT NULL") \
  SERVICE_SUMS ("hour", "printf ('%02d', hour)", "") \
  SERVICE_SUMS ("party", "CAST (party_size AS TEXT)", "") \
  SERVICE_SUMS ("guest", GUEST_KEY, "")
#define REBUILD_GUEST_MONTH \
  "DELETE FROM rollup_guest_month; " \
  "INSERT INTO rollup_guest_month (branch_id, month, guest_id, visits, spend, cost, last_ms) " \
  "SELECT branch_id, substr (day, 1, 7), guest_id, count (*), sum (revenue), sum (cost), max (seated_ms) " \
  "FROM rebuild_visit WHERE guest_id IS NOT NULL GROUP BY branch_id, substr (day, 1, 7), guest_id; "
#define REBUILD_PAIRS \
  "DELETE FROM rollup_pair_month; " \
  "INSERT INTO rollup_pair_month (branch_id, month, item_a, item_b, visits) " \
  "SELECT b.id, p.month, ia.id, ib.id, p.visits " \
  "FROM (SELECT r.branch, substr (r.day, 1, 7) AS month, d.item AS a, e.item AS b, count (*) AS visits " \
  "    FROM rebuild_dish d JOIN rebuild_visit r ON r.visit = d.visit " \
  "      JOIN rebuild_dish e ON e.visit = d.visit AND e.item > d.item " \
  "    GROUP BY r.branch, month, d.item, e.item) p " \
  "  JOIN branch b ON b.rowid = p.branch JOIN rebuild_item ia ON ia.n = p.a JOIN rebuild_item ib ON ib.n = p.b; "
#define REBUILD_FEEDBACK \
  "DELETE FROM rollup_feedback_day; " \
  "WITH f AS (SELECT r.branch_id, r.day, r.hour, r.server_id, b.aspect, b.item_id, b.table_id, b.rating " \
  "  FROM feedback b JOIN visit v ON v.id = b.visit_id JOIN rebuild_visit r ON r.visit = v.rowid " \
  "  WHERE b.deleted = 0) " \
  "INSERT INTO rollup_feedback_day (kind, branch_id, day, key, ratings, total) " \
  "SELECT kind, branch_id, day, key, count (*), sum (rating) " \
  "FROM (SELECT 'aspect' AS kind, aspect AS key, * FROM f " \
  "  UNION ALL SELECT 'item', item_id, * FROM f WHERE item_id IS NOT NULL " \
  "  UNION ALL SELECT 'table', table_id, * FROM f WHERE table_id IS NOT NULL " \
  "  UNION ALL SELECT 'server', server_id, * FROM f WHERE server_id IS NOT NULL " \
  "  UNION ALL SELECT 'hour', printf ('%02d', hour), * FROM f) " \
  "GROUP BY kind, branch_id, day, key"

/* The month twins (schema version 17) summed from the day rollups just
 * rebuilt. */
#define REBUILD_MONTHS \
  "; DELETE FROM rollup_item_month; " \
  "INSERT INTO rollup_item_month (branch_id, month, item_id, qty, revenue, cost, visits) " \
  "SELECT branch_id, substr (day, 1, 7), item_id, sum (qty), sum (revenue), sum (cost), sum (visits) " \
  "FROM rollup_item_day GROUP BY 1, 2, 3; " \
  "DELETE FROM rollup_service_month; " \
  "INSERT INTO rollup_service_month (kind, branch_id, month, key, visits, covers, revenue, timed, dine_ms) " \
  "SELECT kind, branch_id, substr (day, 1, 7), key, sum (visits), sum (covers), sum (revenue), sum (timed), " \
  "  sum (dine_ms) FROM rollup_service_day GROUP BY 1, 2, 3, 4; " \
  "DELETE FROM rollup_feedback_month; " \
  "INSERT INTO rollup_feedback_month (kind, branch_id, month, key, ratings, total) " \
  "SELECT kind, branch_id, substr (day, 1, 7), key, sum (ratings), sum (total) " \
  "FROM rollup_feedback_day GROUP BY 1, 2, 3, 4"

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
  static const gchar * const sql[2] = {
    SERVICE_UPSERT ("rollup_service_day", "day"), SERVICE_UPSERT ("rollup_service_month", "month"),
  };
  gboolean timed = v->left_ms > v->seated_ms;
  gchar month[8];

  g_strlcpy (month, day, sizeof month);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, v->branch_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, i == 0 ? day : month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, v->party_size);
      sqlite3_bind_int64 (stmt, 6, v->revenue);
      sqlite3_bind_int (stmt, 7, timed ? 1 : 0);
      sqlite3_bind_int64 (stmt, 8, timed ? v->left_ms - v->seated_ms : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rg_db_set_error (db, error, "updating the service report");
    }
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
  return rg_rollup_guest_add (db, v->branch_id, month, v->guest_id, v->revenue, v->cost, v->seated_ms, error);
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
  return rg_rollup_pair_add (db, branch_id, month, visit_id, error);
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
  static const gchar * const sql[2] = {
    FEEDBACK_ROWS FEEDBACK_UPSERT ("rollup_feedback_day", "day"),
    FEEDBACK_ROWS FEEDBACK_UPSERT ("rollup_feedback_month", "month"),
  };
  gchar hour_key[3], month[8];

  g_snprintf (hour_key, sizeof hour_key, "%02d", hour);
  g_strlcpy (month, day, sizeof month);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, i == 0 ? day : month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, visit_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, server_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, hour_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, feedback_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rg_db_set_error (db, error, "updating the feedback report");
    }
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
      "  (SELECT coalesce (sum (qty * unit_price - discount), 0) FROM order_line l "
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
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (feedback_id != NULL, FALSE);

  /* The same local day and hour as rg-rollup gives the visit. */
  stmt = rg_db_prepare (db,
      "SELECT v.id, v.branch_id, v.server_id, v.status = 'closed', "
      "  rg_local_day (v.seated_ms, b.tz), rg_local_hour (v.seated_ms, b.tz) "
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
  if (sqlite3_column_int (stmt, 3) == 0)
    return TRUE;

  return add_feedback (db, (const gchar *) sqlite3_column_text (stmt, 1),
                       (const gchar *) sqlite3_column_text (stmt, 4), sqlite3_column_int (stmt, 5),
                       (const gchar *) sqlite3_column_text (stmt, 0),
                       (const gchar *) sqlite3_column_text (stmt, 2), feedback_id, error);
}

gboolean
rg_rollup_report_rebuild (RgDb    *db,
                          GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return rg_db_exec (db, REBUILD_SERVICE REBUILD_GUEST_MONTH REBUILD_PAIRS REBUILD_FEEDBACK REBUILD_MONTHS, error) &&
         rg_rollup_guest_rebuild (db, error) &&
         rg_rollup_pair_rebuild (db, error);
}
