/* rg-rollup.c — keeping the report rollups and per-guest figures.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A visit counts in the hour and day (branch's local time) in which its
 * party was seated.  Revenue and cost are the non-voided lines at the
 * prices they were ordered at, less their discounts; tips are not revenue.
 * In local_guest_stats the host guest is credited with the whole check and
 * every other known guest of the party with one cover's share (subtotal /
 * party size), so a regular who always comes as someone's companion still
 * shows what they are worth without the check being counted twice over.
 *
 * A rebuild recounts everything set-based, a few INSERT … SELECT … GROUP BY
 * over the closed visits, instead of replaying them one by one: it first
 * gathers them in temporary tables (see rg-rollup-report.h) that the
 * rollups are then summed from.  Both ways bucket a visit with the same SQL
 * functions rg_local_day() and rg_local_hour(), and a rebuild counts a guest
 * as new on the visit that would have been their first had the checks been
 * closed in the order the parties were seated, so a rebuilt rollup equals
 * one kept incrementally.
 */
#include "rg-rollup.h"

#include "rg-guest.h"
#include "rg-rollup-private.h"
#include "rg-rollup-report.h"

typedef struct
{
  gchar  *branch_id;
  gchar  *guest_id;
  gchar  *status;
  gchar  *day;
  gint    hour;
  gint    party_size;
  gint64  seated_ms;
} VisitFacts;

static void
visit_facts_clear (VisitFacts *facts)
{
  g_free (facts->branch_id);
  g_free (facts->guest_id);
  g_free (facts->status);
  g_free (facts->day);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VisitFacts, visit_facts_clear)

/* ------------------------------------------------ local day and hour (SQL) */

#define SECONDS_PER_DAY 86400
/* Julian day (GDate: 1 is 1 January of year 1) of 1 January 1970. */
#define JULIAN_1970 719163

/* A zone with the offset it has during one UTC day (the last one asked). */
typedef struct
{
  GTimeZone *tz;
  gint64     utc_day;      /* G_MININT64: none yet */
  gboolean   whole_day;    /* no change of offset during utc_day */
  gint32     offset;       /* seconds east of UTC at the start of utc_day */
} Zone;

static void
zone_free (gpointer data)
{
  Zone *zone = data;

  g_time_zone_unref (zone->tz);
  g_free (zone);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b < 0 ? 1 : 0);
}

/* The local time of @ms (milliseconds since 1970) in the zone called
 * @name, in seconds since 1970 as if that clock were UTC.  @zones caches
 * the zones by name; a rebuild meets the same few thousands of times, in
 * about the order of time, so the offset of the day is usually at hand.  A
 * zone that GLib does not know is UTC (rg-branch checks zones on entry). */
static gint64
local_seconds (GHashTable  *zones,
               const gchar *name,
               gint64       ms)
{
  Zone *zone = g_hash_table_lookup (zones, name);
  gint64 secs = floor_div (ms, 1000);
  gint64 utc_day = floor_div (secs, SECONDS_PER_DAY);

  if (zone == NULL)
    {
      zone = g_new0 (Zone, 1);
      zone->tz = g_time_zone_new_identifier (name);
      if (zone->tz == NULL)
        zone->tz = g_time_zone_new_utc ();
      zone->utc_day = G_MININT64;
      g_hash_table_insert (zones, g_strdup (name), zone);
    }
  if (utc_day != zone->utc_day)
    {
      gint64 start = utc_day * SECONDS_PER_DAY;
      gint first = g_time_zone_find_interval (zone->tz, G_TIME_TYPE_UNIVERSAL, start);
      gint last = g_time_zone_find_interval (zone->tz, G_TIME_TYPE_UNIVERSAL,
                                             start + SECONDS_PER_DAY - 1);

      zone->utc_day = utc_day;
      zone->whole_day = first == last;
      zone->offset = g_time_zone_get_offset (zone->tz, first);
    }
  if (zone->whole_day)
    return secs + zone->offset;
  return secs + g_time_zone_get_offset (zone->tz,
                                        g_time_zone_find_interval (zone->tz, G_TIME_TYPE_UNIVERSAL, secs));
}

/* The local seconds of the call's (ms, tz) arguments; FALSE (and a NULL
 * result) for a NULL time. */
static gboolean
local_seconds_sql (sqlite3_context  *context,
                   sqlite3_value   **argv,
                   gint64           *local)
{
  const gchar *name = (const gchar *) sqlite3_value_text (argv[1]);

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return FALSE;
    }
  *local = local_seconds (sqlite3_user_data (context), name != NULL ? name : "UTC",
                          sqlite3_value_int64 (argv[0]));
  return TRUE;
}

static void
local_day_sql (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  gint64 local, julian;
  GDate date;
  gchar text[16];

  if (!local_seconds_sql (context, argv, &local))
    return;
  julian = floor_div (local, SECONDS_PER_DAY) + JULIAN_1970;
  if (julian < 1 || julian > G_MAXUINT32 || !g_date_valid_julian ((guint32) julian))
    {
      sqlite3_result_null (context);
      return;
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  sqlite3_result_text (context, text, -1, SQLITE_TRANSIENT);
}

static void
local_hour_sql (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  gint64 local;

  if (local_seconds_sql (context, argv, &local))
    sqlite3_result_int (context, (int) ((local - floor_div (local, SECONDS_PER_DAY) * SECONDS_PER_DAY) / 3600));
}

/* --------------------------------------------------------------- helpers */

static gboolean
load_facts (RgDb         *db,
            const gchar  *visit_id,
            VisitFacts   *facts,
            GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT v.branch_id, v.guest_id, v.status, v.party_size, v.seated_ms, "
      "  rg_local_day (v.seated_ms, b.tz), rg_local_hour (v.seated_ms, b.tz) "
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
  facts->guest_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  facts->status = g_strdup ((const gchar *) sqlite3_column_text (stmt, 2));
  facts->party_size = sqlite3_column_int (stmt, 3);
  facts->seated_ms = sqlite3_column_int64 (stmt, 4);
  facts->day = g_strdup ((const gchar *) sqlite3_column_text (stmt, 5));
  facts->hour = sqlite3_column_int (stmt, 6);
  return TRUE;
}

static gboolean
add_hour (RgDb              *db,
          const VisitFacts  *facts,
          const gchar       *visit_id,
          gint64            *revenue,
          GError           **error)
{
  g_autoptr(RgStmt) sums = rg_db_prepare (db,
      "SELECT coalesce (sum (qty * unit_price - discount), 0), coalesce (sum (qty * unit_cost), 0) "
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
  sqlite3_bind_text (upsert, 2, facts->day, -1, SQLITE_STATIC);
  sqlite3_bind_int (upsert, 3, facts->hour);
  sqlite3_bind_int (upsert, 4, facts->party_size);
  sqlite3_bind_int64 (upsert, 5, *revenue);
  sqlite3_bind_int64 (upsert, 6, cost);
  if (sqlite3_step (upsert) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the hourly report");
  return TRUE;
}

/* What the live lines of a visit (?3) add to its branch (?1) and day or
 * month (?2) of @table. */
#define ITEM_UPSERT(table, period) \
  "INSERT INTO " table " (branch_id, " period ", item_id, qty, revenue, cost, visits) " \
  "SELECT ?1, ?2, item_id, sum (qty), sum (qty * unit_price - discount), sum (qty * unit_cost), 1 " \
  "FROM order_line WHERE visit_id = ?3 AND voided = 0 AND deleted = 0 GROUP BY item_id " \
  "ON CONFLICT (branch_id, " period ", item_id) DO UPDATE SET qty = qty + excluded.qty, " \
  "  revenue = revenue + excluded.revenue, cost = cost + excluded.cost, visits = visits + 1"

static gboolean
add_items (RgDb              *db,
           const VisitFacts  *facts,
           const gchar       *visit_id,
           GError           **error)
{
  /* By day, and by month for long reports (schema version 17). */
  static const gchar * const sql[2] = { ITEM_UPSERT ("rollup_item_day", "day"),
                                        ITEM_UPSERT ("rollup_item_month", "month") };
  gchar month[8];

  g_strlcpy (month, facts->day, sizeof month);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, facts->branch_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, i == 0 ? facts->day : month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, visit_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rg_db_set_error (db, error, "updating the dish report");
    }
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

/* The closed visits with their local day and hour and what their live
 * lines add up to, their dishes, and every known guest of their parties
 * with the share of the check credited to them: the host the whole check,
 * each other known guest one cover's share.  Visits, branches and dishes
 * are keyed by small integers (the dishes numbered in the order of their
 * ids) so that the big sorts of the sums stay small. */
#define REBUILD_GATHER \
  "CREATE TEMP TABLE rebuild_item (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE); " \
  "INSERT INTO rebuild_item (id) SELECT DISTINCT item_id FROM order_line ORDER BY item_id; " \
  "CREATE TEMP TABLE rebuild_dish (visit INTEGER, item INTEGER, qty INTEGER, revenue INTEGER, " \
  "  cost INTEGER, PRIMARY KEY (visit, item)) WITHOUT ROWID; " \
  "INSERT INTO rebuild_dish " \
  "  SELECT v.rowid, i.n, sum (l.qty), sum (l.qty * l.unit_price - l.discount), sum (l.qty * l.unit_cost) " \
  "  FROM visit v JOIN order_line l ON l.visit_id = v.id JOIN rebuild_item i ON i.id = l.item_id " \
  "  WHERE v.status = 'closed' AND v.deleted = 0 AND l.voided = 0 AND l.deleted = 0 " \
  "  GROUP BY v.rowid, i.n; " \
  "CREATE TEMP TABLE rebuild_visit (visit INTEGER PRIMARY KEY, id TEXT, branch INTEGER, branch_id TEXT, " \
  "  guest_id TEXT, table_id TEXT, server_id TEXT, party_size INTEGER, seated_ms INTEGER, " \
  "  left_ms INTEGER, day TEXT, hour INTEGER, revenue INTEGER, cost INTEGER); " \
  "INSERT INTO rebuild_visit " \
  "  SELECT v.rowid, v.id, b.rowid, v.branch_id, v.guest_id, v.table_id, v.server_id, v.party_size, " \
  "    v.seated_ms, coalesce (v.left_ms, 0), rg_local_day (v.seated_ms, b.tz), " \
  "    rg_local_hour (v.seated_ms, b.tz), " \
  "    (SELECT coalesce (sum (d.revenue), 0) FROM rebuild_dish d WHERE d.visit = v.rowid), " \
  "    (SELECT coalesce (sum (d.cost), 0) FROM rebuild_dish d WHERE d.visit = v.rowid) " \
  "  FROM visit v JOIN branch b ON b.id = v.branch_id WHERE v.status = 'closed' AND v.deleted = 0; " \
  "CREATE TEMP TABLE rebuild_party (guest_id TEXT, seated_ms INTEGER, visit_id TEXT, share INTEGER, " \
  "  PRIMARY KEY (guest_id, seated_ms, visit_id)) WITHOUT ROWID; " \
  "INSERT INTO rebuild_party " \
  "  SELECT guest_id, seated_ms, id, revenue FROM rebuild_visit WHERE guest_id IS NOT NULL " \
  "  UNION ALL SELECT DISTINCT g.guest_id, r.seated_ms, r.id, r.revenue / max (r.party_size, 1) " \
  "  FROM visit_guest g JOIN visit v ON v.id = g.visit_id JOIN rebuild_visit r ON r.visit = v.rowid " \
  "  WHERE g.deleted = 0 AND g.guest_id IS NOT r.guest_id " \
  "  ORDER BY 1, 2, 3; "

/* local_guest_stats is updated in place, only where a figure changed:
 * triggers keep rollups of it (schema versions 13 and 15), and rewriting
 * every guest's row would run them 2 × 300 000 times on a large database. */
#define REBUILD_SUM \
  "DELETE FROM rollup_hour; DELETE FROM rollup_item_day; " \
  "INSERT INTO rollup_hour (branch_id, day, hour, visits, covers, revenue, cost) " \
  "  SELECT branch_id, day, hour, count (*), sum (party_size), sum (revenue), sum (cost) " \
  "  FROM rebuild_visit GROUP BY branch_id, day, hour; " \
  "INSERT INTO rollup_item_day (branch_id, day, item_id, qty, revenue, cost, visits) " \
  "  SELECT b.id, s.day, i.id, s.qty, s.revenue, s.cost, s.visits " \
  "  FROM (SELECT r.branch, r.day, d.item, sum (d.qty) AS qty, sum (d.revenue) AS revenue, " \
  "      sum (d.cost) AS cost, count (*) AS visits " \
  "    FROM rebuild_dish d JOIN rebuild_visit r ON r.visit = d.visit " \
  "    GROUP BY r.branch, r.day, d.item) s " \
  "  JOIN branch b ON b.rowid = s.branch JOIN rebuild_item i ON i.n = s.item; " \
  "DELETE FROM local_guest_stats WHERE guest_id NOT IN (SELECT guest_id FROM rebuild_party); " \
  "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms, total_spend) " \
  "  SELECT guest_id, count (*), min (seated_ms), max (seated_ms), sum (share) " \
  "  FROM rebuild_party WHERE TRUE GROUP BY guest_id " \
  "  ON CONFLICT (guest_id) DO UPDATE SET visit_count = excluded.visit_count, " \
  "    first_visit_ms = excluded.first_visit_ms, last_visit_ms = excluded.last_visit_ms, " \
  "    total_spend = excluded.total_spend " \
  "  WHERE (visit_count, first_visit_ms, last_visit_ms, total_spend) IS NOT " \
  "    (excluded.visit_count, excluded.first_visit_ms, excluded.last_visit_ms, excluded.total_spend); "

#define REBUILD_DROP \
  "DROP TABLE temp.rebuild_party; DROP TABLE temp.rebuild_visit; DROP TABLE temp.rebuild_dish; " \
  "DROP TABLE temp.rebuild_item"

/* Adds one closed visit. */
static gboolean
add_visit (RgDb         *db,
           const gchar  *visit_id,
           gboolean      refresh_index,
           GError      **error)
{
  g_auto(VisitFacts) facts = { NULL, };
  gint64 revenue = 0;

  if (!load_facts (db, visit_id, &facts, error))
    return FALSE;
  if (g_strcmp0 (facts.status, "closed") != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "only a closed check counts in the reports; this visit is %s", facts.status);
      return FALSE;
    }

  return add_hour (db, &facts, visit_id, &revenue, error) &&
         add_items (db, &facts, visit_id, error) &&
         rg_rollup_report_add_visit (db, visit_id, facts.day, facts.hour, error) &&
         add_guests (db, &facts, visit_id, revenue, refresh_index, error);
}

/* ------------------------------------------------------------ public API */

gboolean
rg_rollup_register_functions (sqlite3 *handle)
{
  GHashTable *zones;
  int rc;

  g_return_val_if_fail (handle != NULL, FALSE);

  /* One cache of zones for both functions; each holds a reference. */
  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, zone_free);
  rc = sqlite3_create_function_v2 (handle, "rg_local_day", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   g_hash_table_ref (zones), local_day_sql, NULL, NULL,
                                   (void (*) (void *)) g_hash_table_unref);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (handle, "rg_local_hour", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     g_hash_table_ref (zones), local_hour_sql, NULL, NULL,
                                     (void (*) (void *)) g_hash_table_unref);
  g_hash_table_unref (zones);
  return rc == SQLITE_OK;
}

gboolean
rg_rollup_add_visit (RgDb         *db,
                     const gchar  *visit_id,
                     GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL || !add_visit (db, visit_id, TRUE, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
rg_rollup_rebuild (RgDb    *db,
                   GError **error)
{
  g_autoptr(RgTransaction) txn = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return FALSE;
  if (!rg_db_exec (db, REBUILD_GATHER REBUILD_SUM, error) ||
      !rg_rollup_report_rebuild (db, error) ||
      !rg_db_exec (db, REBUILD_DROP, error))
    {
      g_prefix_error (error, "recounting the reports from the closed checks: ");
      return FALSE;
    }

  /* Recency order of the name index follows the rebuilt figures. */
  if (!rg_guest_index_rebuild (db, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
_rg_rollup_number (RgDb         *db,
                   const gchar  *table,
                   const gchar  *key_column,
                   const gchar  *what,
                   const gchar  *id,
                   guint32      *number,
                   GError      **error)
{
  g_autofree gchar *find_sql = g_strdup_printf ("SELECT number FROM %s WHERE %s = ?", table, key_column);
  g_autofree gchar *add_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (?) RETURNING number",
                                               table, key_column);
  g_autoptr(RgStmt) find = rg_db_prepare (db, find_sql, error);
  g_autoptr(RgStmt) add = NULL;

  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, id, -1, SQLITE_STATIC);
  switch (sqlite3_step (find))
    {
    case SQLITE_ROW:
      *number = (guint32) sqlite3_column_int64 (find, 0);
      return TRUE;
    case SQLITE_DONE:
      break;
    default:
      return rg_db_set_error (db, error, "numbering the %s %s for the reports", what, id);
    }

  add = rg_db_prepare (db, add_sql, error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_text (add, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (add) != SQLITE_ROW)
    return rg_db_set_error (db, error, "numbering the %s %s for the reports", what, id);
  *number = (guint32) sqlite3_column_int64 (add, 0);
  return TRUE;
}
