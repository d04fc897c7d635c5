/* bench-report.c — every owner report on a large database, read from the
 * rollups through rg_report_run(), beside the same figures computed by a
 * plain scan of the visits and order lines of the period (and the period
 * before) with SQL.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-report --db /tmp/bench-10m.db [--days 30] [--runs 9] [--scan-runs 3] [--report tiers]
 *                [--branch NAME] [--app-memory]
 *
 * A database without visits is filled by the demo generator first (400 000
 * guests, 3 years, 5 branches: about 10M order lines, which takes a long
 * while: keep the file and pass it again); one whose report rollups are
 * empty is rebuilt first.  The period is the last --days days of the data,
 * of every branch or of the one named by --branch.
 *
 * Each report prints its wall and CPU time (median, p99, IQR, max) from the
 * rollups and from the plain scan: ordinary SQL over the visits and order
 * lines of the two periods with the schema's indexes (visits by branch and
 * time, lines by visit, guests by their dates), and the guest lists from
 * local_guest_stats.  The scans bucket days by the demo's fixed UTC+8 (the
 * plain way); check-report proves the rollup reports equal an exact direct
 * computation.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rg-auth.h"
#include "rg-bench-util.h"
#include "rg-demo.h"
#include "rg-report.h"
#include "rg-rollup.h"
#include "rg-rollup-guest.h"

/* Closed visits of the period and the period before, with their local time
 * (the demo's UTC+8 as a fixed offset) and period (1: the report's): every
 * branch through the index by branch and time, as the rollups are read. */
#define SCAN_VISITS \
  "WITH v AS (SELECT v.*, v.seated_ms / 1000 + 8 * 3600 AS local_s, v.seated_ms >= ?2 AS cur FROM visit v " \
  "  WHERE v.branch_id IN (SELECT id FROM branch WHERE deleted = 0 AND (?4 IS NULL OR id = ?4)) " \
  "  AND v.seated_ms >= ?1 " \
  "  AND v.seated_ms < ?3 AND v.status = 'closed' AND v.deleted = 0) "
#define VISIT_REVENUE \
  "(SELECT coalesce (sum (qty * unit_price - discount), 0) FROM order_line l WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0)"
#define SCAN_LINES \
  SCAN_VISITS ", l AS (SELECT v.id AS visit_id, v.cur, v.guest_id, l.item_id, l.qty, l.unit_price, l.unit_cost, " \
  "  l.discount FROM v JOIN order_line l ON l.visit_id = v.id WHERE l.voided = 0 AND l.deleted = 0) "
/* Birthdays (or anniversaries) of guests who came, in the 14 days from the
 * last day of the period (?3 is the end of that day), from the date index. */
#define SCAN_DATES(column) \
  "SELECT g.id, s.total_spend FROM guest g JOIN local_guest_stats s ON s.guest_id = g.id " \
  "WHERE g." column " IS NOT NULL AND g.deleted = 0 AND g.merged_into IS NULL " \
  "AND substr (g." column ", -5) BETWEEN strftime ('%m-%d', ?3 / 1000 - 86400, 'unixepoch') " \
  "AND strftime ('%m-%d', ?3 / 1000 + 12 * 86400, 'unixepoch')"

static const gchar * const peak_scan[] = {
  SCAN_VISITS "SELECT cur, strftime ('%w', local_s, 'unixepoch'), strftime ('%H', local_s, 'unixepoch'), "
  "count (*), sum (party_size), sum (" VISIT_REVENUE ") FROM v GROUP BY 1, 2, 3",
  NULL,
};

/* Pairs: both lines of a visit through the index of lines by visit. */
static const gchar * const dishes_scan[] = {
  SCAN_LINES "SELECT cur, item_id, sum (qty), sum (qty * unit_price - discount), sum (qty * unit_cost), "
  "count (DISTINCT visit_id) FROM l GROUP BY 1, 2",
  SCAN_VISITS "SELECT a.item_id, b.item_id, count (DISTINCT v.id) FROM v JOIN order_line a ON a.visit_id = v.id "
  "JOIN order_line b ON b.visit_id = v.id AND b.item_id > a.item_id WHERE v.cur AND a.voided = 0 "
  "AND a.deleted = 0 AND b.voided = 0 AND b.deleted = 0 GROUP BY 1, 2 HAVING count (DISTINCT v.id) >= 5",
  NULL,
};

/* Each guest's spend, profit and visits in both periods, ranked (the
 * pyramid, the moves and the top guests), then the guest lists: inactive,
 * never came, lapsed regulars and coming dates. */
static const gchar * const tiers_scan[] = {
  SCAN_LINES ", g AS (SELECT cur, guest_id, sum (qty * unit_price - discount) AS s, sum (qty * unit_cost) AS c, "
  "  count (DISTINCT visit_id) AS n FROM l WHERE guest_id IS NOT NULL GROUP BY 1, 2) "
  "SELECT cur, guest_id, s, s - c, n, row_number () OVER (PARTITION BY cur ORDER BY s DESC, guest_id) FROM g",
  "SELECT count (*) FROM local_guest_stats WHERE last_visit_ms < ?3 - 90 * 86400000",
  "SELECT count (*) FROM guest g WHERE g.deleted = 0 AND g.merged_into IS NULL AND g.created_ms >= ?2 "
  "AND g.created_ms < ?3 AND NOT EXISTS (SELECT 1 FROM local_guest_stats s WHERE s.guest_id = g.id "
  "AND s.first_visit_ms < ?3)",
  "SELECT guest_id, visit_count, total_spend, count (*) OVER () FROM local_guest_stats "
  "WHERE last_visit_ms >= ?3 - 365 * 86400000 AND last_visit_ms < ?3 - 60 * 86400000 AND visit_count >= 4 "
  "ORDER BY total_spend DESC, guest_id LIMIT 20",
  "SELECT * FROM (" SCAN_DATES ("birthday") " UNION ALL " SCAN_DATES ("anniversary") ") "
  "ORDER BY 2 DESC, 1 LIMIT 20",
  NULL,
};

/* Recency, frequency and spend of each guest over both periods, their
 * quintiles and the biggest spenders; new, returning and walk-in visits. */
static const gchar * const rfm_scan[] = {
  SCAN_VISITS ", g AS (SELECT guest_id, max (seated_ms) AS r, count (*) AS f, sum (" VISIT_REVENUE ") AS m "
  "  FROM v WHERE guest_id IS NOT NULL GROUP BY 1) "
  "SELECT guest_id, ntile (5) OVER (ORDER BY r), ntile (5) OVER (ORDER BY f), ntile (5) OVER (ORDER BY m), "
  "r, f, m FROM g ORDER BY m DESC, guest_id LIMIT 20",
  SCAN_VISITS "SELECT cur, CASE WHEN guest_id IS NULL THEN 'walkin' WHEN EXISTS (SELECT 1 FROM visit p "
  "WHERE p.guest_id = v.guest_id AND p.seated_ms < v.seated_ms AND p.status = 'closed' AND p.deleted = 0) "
  "THEN 'returning' ELSE 'new' END, count (*), sum (party_size), sum (" VISIT_REVENUE ") FROM v GROUP BY 1, 2",
  NULL,
};

static const gchar * const service_scan[] = {
  SCAN_VISITS "SELECT cur, table_id, count (*), sum (party_size), sum (left_ms - seated_ms), "
  "sum (" VISIT_REVENUE ") FROM v GROUP BY 1, 2",
  SCAN_VISITS "SELECT cur, strftime ('%H', local_s, 'unixepoch'), count (*), sum (left_ms - seated_ms) "
  "FROM v GROUP BY 1, 2",
  SCAN_VISITS "SELECT cur, party_size, count (*), sum (party_size), sum (" VISIT_REVENUE ") FROM v GROUP BY 1, 2",
  NULL,
};

static const gchar * const feedback_scan[] = {
  SCAN_VISITS ", f AS (SELECT f.*, v.cur, v.server_id, strftime ('%H', v.local_s, 'unixepoch') AS hour "
  "  FROM v JOIN feedback f ON f.visit_id = v.id WHERE f.deleted = 0) "
  "SELECT cur, 'aspect', aspect, count (*), avg (rating) FROM f GROUP BY 1, 3 "
  "UNION ALL SELECT cur, 'item', item_id, count (*), avg (rating) FROM f GROUP BY 1, 3 "
  "UNION ALL SELECT cur, 'server', server_id, count (*), avg (rating) FROM f GROUP BY 1, 3 "
  "UNION ALL SELECT cur, 'hour', hour, count (*), avg (rating) FROM f GROUP BY 1, 3 "
  "UNION ALL SELECT cur, 'table', table_id, count (*), avg (rating) FROM f GROUP BY 1, 3",
  NULL,
};

/* Revenue reads 400 days more for the same days a year before. */
static const gchar * const revenue_scan[] = {
  SCAN_VISITS "SELECT date (local_s, 'unixepoch'), count (*), sum (party_size), sum (" VISIT_REVENUE ") "
  "FROM v GROUP BY 1",
  NULL,
};

typedef struct
{
  RgReportKind         kind;
  const gchar * const *scan;
  gboolean             year_before;
} Bench;

static const Bench benches[] = {
  { RG_REPORT_PEAK, peak_scan, FALSE },
  { RG_REPORT_DISHES, dishes_scan, FALSE },
  { RG_REPORT_TIERS, tiers_scan, FALSE },
  { RG_REPORT_RFM, rfm_scan, FALSE },
  { RG_REPORT_SERVICE, service_scan, FALSE },
  { RG_REPORT_FEEDBACK, feedback_scan, FALSE },
  { RG_REPORT_REVENUE, revenue_scan, TRUE },
};

static gint64
query_int (RgDb        *db,
           const gchar *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, &error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
ensure_data (RgDb    *db,
             GError **error)
{
  RgDemoOptions options = { .guests = 400000, .days = 1095, .branches = 5, .seed = 7,
                            .last_day = "2026-10-31" };
  RgDemoCounts counts;
  gint64 t0;

  if (query_int (db, "SELECT count (*) FROM visit") == 0)
    {
      g_print ("making the demo restaurant (400 000 guests, 3 years, 5 branches)…\n");
      t0 = rg_bench_now_ns ();
      if (!rg_demo_generate (db, &options, &counts, error))
        return FALSE;
      g_print ("demo: %u visits, %u lines in %.0f s\n", counts.visits, counts.lines,
               (rg_bench_now_ns () - t0) / 1e9);
    }
  if (query_int (db, "SELECT count (*) FROM rollup_service_day") == 0)
    {
      g_print ("rebuilding the rollups…\n");
      t0 = rg_bench_now_ns ();
      if (!rg_rollup_rebuild (db, error))
        return FALSE;
      g_print ("rollups rebuilt in %.0f s\n", (rg_bench_now_ns () - t0) / 1e9);
    }
  /* A database from before schema version 10 packs its guest figures on
   * the first guest report: not a report's time. */
  return rg_rollup_guest_ensure (db, error);
}

/* Runs every statement of @scan to its last row: the visits from
 * @start_ms, the period's from @split_ms, to @end_ms, of @branch_id (all
 * when %NULL). */
static gboolean
run_scan (RgDb                *db,
          const gchar * const *scan,
          gint64               start_ms,
          gint64               split_ms,
          gint64               end_ms,
          const gchar         *branch_id,
          GError             **error)
{
  for (guint i = 0; scan[i] != NULL; i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, scan[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, start_ms);
      sqlite3_bind_int64 (stmt, 2, split_ms);
      sqlite3_bind_int64 (stmt, 3, end_ms);
      if (sqlite3_bind_parameter_count (stmt) >= 4)
        sqlite3_bind_text (stmt, 4, branch_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      if (rc != SQLITE_DONE)
        return rg_db_set_error (db, error, "scanning for the benchmark");
    }
  return TRUE;
}

/* CPU time of this process in nanoseconds: on a busy machine the wall
 * clock also counts waiting for a core. */
static gint64
cpu_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The start of a local day of the demo (UTC+8). */
static gint64
day_ms (const gchar *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (atoi (day), atoi (day + 5), atoi (day + 8), 0, 0, 0);

  return (g_date_time_to_unix (dt) - 8 * 3600) * 1000;
}

/* The id of an active owner of @db (the reports are theirs), added
 * without a PIN when there is none. */
static gchar *
dup_owner_id (RgDb    *db,
              GError **error)
{
  g_autoptr(GListModel) staff = rg_auth_list_staff (db, FALSE, error);
  g_autoptr(RgStaff) added = NULL;

  if (staff == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(RgStaff) member = g_list_model_get_item (staff, i);

      if (rg_staff_get_role (member) == RG_ROLE_OWNER)
        return g_strdup (rg_staff_get_id (member));
    }
  added = rg_auth_add_staff (db, NULL, "Bench owner", RG_ROLE_OWNER, NULL, error);
  return added != NULL ? g_strdup (rg_staff_get_id (added)) : NULL;
}

int
main (int argc, char **argv)
{
  g_autofree gchar *path = NULL;
  gint days = 30, runs = 9, scan_runs = 3;
  g_autofree gchar *only = NULL;
  g_autofree gchar *branch_name = NULL;
  g_autofree gchar *branch_id = NULL;
  gboolean app_memory = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database file (filled by the demo when empty)", "PATH" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days in the report's period (30)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each report (9)", "N" },
    { "scan-runs", 0, 0, G_OPTION_ARG_INT, &scan_runs, "Runs of each plain scan (3; 0: none)", "N" },
    { "report", 0, 0, G_OPTION_ARG_STRING, &only, "Only this report (peak, dishes, tiers, rfm…)", "KIND" },
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch_name, "The reports of this branch only", "NAME" },
    { "app-memory", 0, 0, G_OPTION_ARG_NONE, &app_memory, "SQLite's memory bounded as in the app", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— report benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDb) db = NULL;
  g_autoptr(RgStmt) last = NULL;
  g_autofree gchar *owner_id = NULL;
  gchar to[11] = "", from[11], prev_from[11], year_before[11];
  gint64 lines;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || days <= 0 || runs <= 0 ||
      scan_runs < 0)
    {
      g_printerr ("usage: bench-report --db PATH [--days N] [--runs N] [--scan-runs N] [--report KIND] "
                  "[--branch NAME] [--app-memory]%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return 2;
    }
  if (app_memory)
    rg_db_bound_memory (RG_DB_APP_HEAP_LIMIT);
  db = rg_db_open (path, &error);
  if (db == NULL || !ensure_data (db, &error) || (owner_id = dup_owner_id (db, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  last = rg_db_prepare (db, "SELECT max (day) FROM rollup_hour", &error);
  if (last == NULL || sqlite3_step (last) != SQLITE_ROW || sqlite3_column_text (last, 0) == NULL)
    {
      g_printerr ("the database has no closed visits\n");
      return 3;
    }
  g_strlcpy (to, (const gchar *) sqlite3_column_text (last, 0), sizeof to);
  rg_stmt_release (g_steal_pointer (&last));
  {
    g_autoptr(GDateTime) end = g_date_time_new_utc (atoi (to), atoi (to + 5), atoi (to + 8), 0, 0, 0);
    g_autoptr(GDateTime) start = g_date_time_add_days (end, 1 - days);
    g_autoptr(GDateTime) before = g_date_time_add_days (end, 1 - 2 * days);
    g_autoptr(GDateTime) year = g_date_time_add_days (end, 1 - days - 400);
    g_autofree gchar *a = g_date_time_format (start, "%Y-%m-%d");
    g_autofree gchar *b = g_date_time_format (before, "%Y-%m-%d");
    g_autofree gchar *c = g_date_time_format (year, "%Y-%m-%d");

    g_strlcpy (from, a, sizeof from);
    g_strlcpy (prev_from, b, sizeof prev_from);
    g_strlcpy (year_before, c, sizeof year_before);
  }

  if (branch_name != NULL)
    {
      g_autoptr(RgStmt) find = rg_db_prepare (db, "SELECT id FROM branch WHERE name = ? AND deleted = 0", &error);

      if (find == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 3;
        }
      sqlite3_bind_text (find, 1, branch_name, -1, SQLITE_STATIC);
      if (sqlite3_step (find) != SQLITE_ROW)
        {
          g_printerr ("there is no branch named %s\n", branch_name);
          return 3;
        }
      branch_id = g_strdup ((const gchar *) sqlite3_column_text (find, 0));
    }

  lines = query_int (db, "SELECT count (*) FROM order_line");
  g_print ("reports on %s: %" G_GINT64_FORMAT " order lines, %" G_GINT64_FORMAT " visits, %" G_GINT64_FORMAT
           " guests, %" G_GINT64_FORMAT " branches\nperiod %s to %s (%d days) and the %d days before, %s\n\n",
           path, lines, query_int (db, "SELECT count (*) FROM visit"), query_int (db, "SELECT count (*) FROM guest"),
           query_int (db, "SELECT count (*) FROM branch WHERE deleted = 0"), from, to, days, days,
           branch_name != NULL ? branch_name : "all branches");

  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    {
      const Bench *bench = &benches[i];
      const gchar *kind = rg_report_kind_to_string (bench->kind);
      g_autoptr(RgBenchSamples) rollup = rg_bench_samples_new ((guint) runs);
      g_autoptr(RgBenchSamples) rollup_cpu = rg_bench_samples_new ((guint) runs);
      g_autoptr(RgBenchSamples) scan = rg_bench_samples_new ((guint) scan_runs);
      g_autoptr(RgBenchSamples) scan_cpu = rg_bench_samples_new ((guint) scan_runs);
      RgReportQuery query = { .staff_id = owner_id, .from = from, .to = to, .branch_id = branch_id };
      g_autofree gchar *rollup_label = g_strdup_printf ("%s: rollups, wall", kind);
      g_autofree gchar *rollup_cpu_label = g_strdup_printf ("%s: rollups, CPU", kind);
      g_autofree gchar *scan_label = g_strdup_printf ("%s: plain scan, wall", kind);
      g_autofree gchar *scan_cpu_label = g_strdup_printf ("%s: plain scan, CPU", kind);
      gdouble wall_ms, wall_ratio, cpu_ratio;

      if (only != NULL && strcmp (only, kind) != 0)
        continue;
      for (gint r = 0; r < runs; r++)
        {
          gint64 t0 = rg_bench_now_ns (), c0 = cpu_now_ns ();
          g_autoptr(RgReport) report = rg_report_run (db, bench->kind, &query, &error);

          if (report == NULL)
            {
              g_printerr ("%s: %s\n", kind, error->message);
              return 3;
            }
          rg_bench_samples_add (rollup, rg_bench_now_ns () - t0);
          rg_bench_samples_add (rollup_cpu, cpu_now_ns () - c0);
        }
      for (gint r = 0; r < scan_runs; r++)
        {
          gint64 t0 = rg_bench_now_ns (), c0 = cpu_now_ns ();

          if (!run_scan (db, bench->scan, day_ms (bench->year_before ? year_before : prev_from), day_ms (from),
                         day_ms (to) + 86400000, branch_id, &error))
            {
              g_printerr ("%s: %s\n", kind, error->message);
              return 3;
            }
          rg_bench_samples_add (scan, rg_bench_now_ns () - t0);
          rg_bench_samples_add (scan_cpu, cpu_now_ns () - c0);
        }
      rg_bench_samples_print_us (rollup, rollup_label);
      rg_bench_samples_print_us (rollup_cpu, rollup_cpu_label);
      wall_ms = rg_bench_samples_quantile (rollup, 0.5) / 1e6;
      if (scan_runs == 0)
        {
          g_print ("%-34s %s\n\n", "", wall_ms < 100 ? "" : "(over 100 ms!)");
          continue;
        }
      rg_bench_samples_print_us (scan, scan_label);
      rg_bench_samples_print_us (scan_cpu, scan_cpu_label);
      wall_ratio = (gdouble) rg_bench_samples_quantile (scan, 0.5) / MAX (rg_bench_samples_quantile (rollup, 0.5), 1);
      cpu_ratio = (gdouble) rg_bench_samples_quantile (scan_cpu, 0.5) /
                  MAX (rg_bench_samples_quantile (rollup_cpu, 0.5), 1);
      g_print ("%-34s %.0f× faster in wall time, %.0f× in CPU time (medians)%s%s\n\n", "", wall_ratio, cpu_ratio,
               wall_ms < 100 ? "" : "   (over 100 ms!)", wall_ratio >= 20 ? "" : "   (under 20×!)");
    }
  return 0;
}
