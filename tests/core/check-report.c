/* check-report.c — every report read from the rollups equals the same
 * figures computed directly from the visits and lines (random demo data),
 * known answers on the pizza sales, incremental rollups equal rebuilt
 * ones, and bad queries.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-demo.h"
#include "rg-feedback.h"
#include "rg-import.h"
#include "rg-report.h"
#include "rg-rollup.h"
#include "rg-rollup-report.h"
#include "rg-visit.h"

#define LAST_DAY "2026-06-30"

/* ------------------------------------------------------ direct figures */

/* t_day (ms, tz) and t_hour (ms, tz): the local day and hour of an instant,
 * for the direct queries; GLib's zones, not the rollup code. */
static void
local_time_fn (sqlite3_context  *ctx,
               int               argc,
               sqlite3_value   **argv)
{
  gint64 ms = sqlite3_value_int64 (argv[0]);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ((const gchar *) sqlite3_value_text (argv[1]));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz != NULL ? tz : g_time_zone_new_utc ());

  if (sqlite3_user_data (ctx) != NULL)
    sqlite3_result_int (ctx, g_date_time_get_hour (local));
  else
    {
      gchar *day = g_date_time_format (local, "%Y-%m-%d");

      sqlite3_result_text (ctx, day, -1, g_free);
    }
}

static void
register_functions (RgDb *db)
{
  sqlite3 *handle = rg_db_get_handle (db);

  sqlite3_create_function (handle, "t_day", 2, SQLITE_UTF8, NULL, local_time_fn, NULL, NULL);
  sqlite3_create_function (handle, "t_hour", 2, SQLITE_UTF8, GINT_TO_POINTER (1), local_time_fn, NULL, NULL);
}

/* Closed visits with their local day and hour, revenue and cost. */
#define VISITS \
  "WITH v AS (SELECT v.*, t_day (v.seated_ms, b.tz) AS day, t_hour (v.seated_ms, b.tz) AS hour, " \
  "  (SELECT coalesce (sum (qty * unit_price - discount), 0) FROM order_line l WHERE l.visit_id = v.id " \
  "   AND l.voided = 0 AND l.deleted = 0) AS rev, " \
  "  (SELECT coalesce (sum (qty * unit_cost), 0) FROM order_line l WHERE l.visit_id = v.id " \
  "   AND l.voided = 0 AND l.deleted = 0) AS cost " \
  "  FROM visit v JOIN branch b ON b.id = v.branch_id " \
  "  WHERE v.status = 'closed' AND v.deleted = 0 AND (?1 IS NULL OR v.branch_id = ?1)) "
#define IN_RANGE " v.day BETWEEN ?2 AND ?3 "

/* Runs @sql (?1 branch, ?2 and ?3 first and last day) giving (key, value)
 * rows and checks that @section of @report carries them as @measure, in the
 * period or, with @previous, in the period before; rows the query does not
 * give must be 0 or absent. */
static void
expect_section (RgDb        *db,
                RgReport    *report,
                const gchar *section,
                RgMeasure    measure,
                gboolean     previous,
                const gchar *branch_id,
                const gchar *sql)
{
  GListModel *rows = rg_report_get_section (report, section);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  guint matched = 0;

  ck_assert_ptr_nonnull (rows);
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, previous ? rg_report_get_previous_from (report) : rg_report_get_from (report), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, previous ? rg_report_get_previous_to (report) : rg_report_get_to (report), -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (expected, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)),
                         g_memdup2 (&(gdouble) { sqlite3_column_double (stmt, 1) }, sizeof (gdouble)));
  sqlite3_finalize (stmt);
  ck_assert_msg (g_hash_table_size (expected) > 0, "%s %s%s: no figures to compare", section,
                 rg_measure_to_string (measure), previous ? " (before)" : "");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);
      gdouble got = previous ? rg_report_row_get_previous (row, measure) : rg_report_row_get_value (row, measure);
      gdouble *want = g_hash_table_lookup (expected, rg_report_row_get_key (row));

      if (want == NULL)
        {
          ck_assert_msg (isnan (got) || got == 0, "%s %s %s: %g, expected nothing", section,
                         rg_report_row_get_key (row), rg_measure_to_string (measure), got);
          continue;
        }
      matched++;
      ck_assert_msg (fabs (got - *want) <= 1e-6 * MAX (1.0, fabs (*want)), "%s %s %s%s: %.6f, expected %.6f",
                     section, rg_report_row_get_key (row), rg_measure_to_string (measure),
                     previous ? " (before)" : "", got, *want);
    }
  ck_assert_msg (matched == g_hash_table_size (expected), "%s %s: %u of %u rows", section,
                 rg_measure_to_string (measure), matched, g_hash_table_size (expected));
}

/* Both periods. */
static void
expect_both (RgDb        *db,
             RgReport    *report,
             const gchar *section,
             RgMeasure    measure,
             const gchar *branch_id,
             const gchar *sql)
{
  expect_section (db, report, section, measure, FALSE, branch_id, sql);
  expect_section (db, report, section, measure, TRUE, branch_id, sql);
}

static RgReport *
run_report (RgDb         *db,
            RgReportKind  kind,
            const gchar  *from,
            const gchar  *to,
            const gchar  *branch_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *owner_id = rg_test_dup_staff_id (db, RG_ROLE_OWNER);
  RgReportQuery query = { .staff_id = owner_id, .from = from, .to = to, .branch_id = branch_id, .limit = 1000 };
  RgReport *report = rg_report_run (db, kind, &query, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (report);
  return report;
}

typedef struct
{
  RgTestDb *t;
  guint32   seed;
  gchar    *branch;     /* the second demo branch */
} Demo;

static void
demo_free (Demo *d)
{
  rg_test_db_free (d->t);
  g_free (d->branch);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* A demo restaurant of @guests guests over 150 days to LAST_DAY, in two
 * branches, from a random seed. */
static Demo *
demo_new_sized (guint guests)
{
  g_autoptr(GError) error = NULL;
  Demo *d = g_new0 (Demo, 1);
  RgDemoOptions options = { .guests = guests, .days = 150, .branches = 2, .last_day = LAST_DAY };
  sqlite3_stmt *stmt = NULL;

  d->t = rg_test_db_new ();
  d->seed = options.seed = g_random_int ();
  ck_assert_msg (rg_demo_generate (d->t->db, &options, NULL, &error), "seed %u: %s", d->seed,
                 error != NULL ? error->message : "");
  register_functions (d->t->db);
  sqlite3_prepare_v2 (rg_db_get_handle (d->t->db),
                      "SELECT id FROM branch WHERE deleted = 0 ORDER BY name LIMIT 1 OFFSET 1", -1, &stmt, NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  d->branch = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return d;
}

static Demo *
demo_new (void)
{
  return demo_new_sized (600);
}

/* ---------------------------------------------------- rollups vs direct */

START_TEST (test_peak_matches_direct)
{
  g_autoptr(Demo) d = demo_new ();
  const gchar *branches[] = { NULL, d->branch };

  for (guint b = 0; b < G_N_ELEMENTS (branches); b++)
    {
      g_autoptr(RgReport) r = run_report (d->t->db, RG_REPORT_PEAK, "2026-05-11", LAST_DAY, branches[b]);
#define CELL "printf ('%d-%02d', (CAST (strftime ('%w', v.day) AS INTEGER) + 6) % 7 + 1, v.hour)"

      expect_both (d->t->db, r, "heatmap", RG_MEASURE_VISITS, branches[b],
                   VISITS "SELECT " CELL ", count (*) FROM v WHERE" IN_RANGE "GROUP BY 1");
      expect_both (d->t->db, r, "heatmap", RG_MEASURE_COVERS, branches[b],
                   VISITS "SELECT " CELL ", sum (party_size) FROM v WHERE" IN_RANGE "GROUP BY 1");
      expect_both (d->t->db, r, "heatmap", RG_MEASURE_REVENUE, branches[b],
                   VISITS "SELECT " CELL ", sum (rev) FROM v WHERE" IN_RANGE "GROUP BY 1");
      expect_both (d->t->db, r, "totals", RG_MEASURE_COST, branches[b],
                   VISITS "SELECT 'total', sum (cost) FROM v WHERE" IN_RANGE);
    }
}
END_TEST

/* Ranges of 45 days: one whose period starts a month (whole months in
 * the middle, days at both ends), one whose period cuts a month (May, read
 * by its days between April and the days of June). */
static const gchar * const ranges_45[][2] = { { "2026-04-01", "2026-05-15" }, { "2026-05-16", "2026-06-29" } };

START_TEST (test_dishes_match_direct)
{
  g_autoptr(Demo) d = demo_new ();
  const gchar *branches[] = { NULL, d->branch };

  for (guint b = 0; b < 2 * G_N_ELEMENTS (branches); b++)
    {
      g_autoptr(RgReport) r = run_report (d->t->db, RG_REPORT_DISHES, ranges_45[b / 2][0], ranges_45[b / 2][1],
                                          branches[b % 2]);
#define LINES VISITS "SELECT l.item_id AS item, l.qty, l.unit_price, l.unit_cost, l.discount, v.id AS visit, v.day " \
  "FROM v JOIN order_line l ON l.visit_id = v.id WHERE l.voided = 0 AND l.deleted = 0 AND" IN_RANGE

      expect_both (d->t->db, r, "items", RG_MEASURE_QTY, branches[b % 2],
                   "SELECT item, sum (qty) FROM (" LINES ") GROUP BY 1");
      expect_both (d->t->db, r, "items", RG_MEASURE_REVENUE, branches[b % 2],
                   "SELECT item, sum (qty * unit_price - discount) FROM (" LINES ") GROUP BY 1");
      expect_both (d->t->db, r, "items", RG_MEASURE_MARGIN, branches[b % 2],
                   "SELECT item, sum (qty * (unit_price - unit_cost) - discount) FROM (" LINES ") GROUP BY 1");
      expect_both (d->t->db, r, "items", RG_MEASURE_ATTACH_PCT, branches[b % 2],
                   "SELECT item, count (DISTINCT visit) * 100.0 / (SELECT count (*) FROM (" VISITS
                   "SELECT 1 FROM v WHERE" IN_RANGE ")) FROM (" LINES ") GROUP BY 1");
      expect_both (d->t->db, r, "categories", RG_MEASURE_REVENUE, branches[b % 2],
                   "SELECT m.category, sum (qty * unit_price - discount) FROM (" LINES ") x "
                   "JOIN menu_item m ON m.id = x.item GROUP BY 1");
      /* Pairings are by month: all of April and May. */
      expect_section (d->t->db, r, "pairings", RG_MEASURE_VISITS, FALSE, branches[b % 2],
                      "WITH d AS (SELECT DISTINCT v.id AS visit, l.item_id AS item FROM (" VISITS
                      "SELECT * FROM v) v JOIN order_line l ON l.visit_id = v.id WHERE l.voided = 0 "
                      "AND l.deleted = 0 AND substr (v.day, 1, 7) BETWEEN substr (?2, 1, 7) AND substr (?3, 1, 7)) "
                      "SELECT a.item || '+' || b.item, count (*) FROM d a JOIN d b "
                      "ON a.visit = b.visit AND a.item < b.item GROUP BY 1 HAVING count (*) >= 5");
    }
}
END_TEST

START_TEST (test_revenue_matches_direct)
{
  g_autoptr(Demo) d = demo_new ();
  g_autoptr(RgReport) r = run_report (d->t->db, RG_REPORT_REVENUE, "2026-03-01", LAST_DAY, NULL);
  g_autoptr(RgReportRow) april = NULL;
  GListModel *months = rg_report_get_section (r, "months");

  expect_section (d->t->db, r, "days", RG_MEASURE_REVENUE, FALSE, NULL,
                  VISITS "SELECT day, sum (rev) FROM v WHERE" IN_RANGE "GROUP BY 1");
  expect_section (d->t->db, r, "months", RG_MEASURE_REVENUE, FALSE, NULL,
                  VISITS "SELECT substr (day, 1, 7), sum (rev) FROM v WHERE" IN_RANGE "GROUP BY 1");
  expect_both (d->t->db, r, "totals", RG_MEASURE_REVENUE, NULL,
               VISITS "SELECT 'total', sum (rev) FROM v WHERE" IN_RANGE);
  expect_section (d->t->db, r, "weeks", RG_MEASURE_VISITS, FALSE, NULL,
                  VISITS "SELECT strftime ('%Y', day, '-3 days', 'weekday 4') || '-W' || "
                  "printf ('%02d', (strftime ('%j', day, '-3 days', 'weekday 4') - 1) / 7 + 1), count (*) "
                  "FROM v WHERE" IN_RANGE "GROUP BY 1");

  /* Month on month: April against March. */
  ck_assert_uint_eq (g_list_model_get_n_items (months), 4);
  april = g_list_model_get_item (months, 1);
  ck_assert_str_eq (rg_report_row_get_key (april), "2026-04");
  {
    gint64 march = rg_test_query_int (d->t->db, VISITS "SELECT sum (rev) FROM v WHERE day LIKE '2026-03-%'");
    gint64 apr = rg_test_query_int (d->t->db, VISITS "SELECT sum (rev) FROM v WHERE day LIKE '2026-04-%'");

    ck_assert_double_eq_tol (rg_report_row_get_value (april, RG_MEASURE_MOM_PCT),
                             (apr - march) * 100.0 / march, 1e-9);
  }
}
END_TEST

START_TEST (test_service_matches_direct)
{
  g_autoptr(Demo) d = demo_new ();
  const gchar *branches[] = { NULL, d->branch };

  for (guint b = 0; b < 2 * G_N_ELEMENTS (branches); b++)
    {
      g_autoptr(RgReport) r = run_report (d->t->db, RG_REPORT_SERVICE, ranges_45[b / 2][0], ranges_45[b / 2][1],
                                          branches[b % 2]);

      expect_both (d->t->db, r, "tables", RG_MEASURE_VISITS, branches[b % 2],
                   VISITS "SELECT table_id, count (*) FROM v WHERE table_id IS NOT NULL AND" IN_RANGE "GROUP BY 1");
      expect_both (d->t->db, r, "tables", RG_MEASURE_DINE_MIN, branches[b % 2],
                   VISITS "SELECT table_id, avg (left_ms - seated_ms) / 60000.0 FROM v "
                   "WHERE table_id IS NOT NULL AND left_ms > seated_ms AND" IN_RANGE "GROUP BY 1");
      expect_both (d->t->db, r, "tables", RG_MEASURE_TURNOVER, branches[b % 2],
                   VISITS "SELECT table_id, count (*) / 45.0 FROM v WHERE table_id IS NOT NULL AND" IN_RANGE
                   "GROUP BY 1");
      expect_both (d->t->db, r, "zones", RG_MEASURE_VISITS, branches[b % 2],
                   VISITS "SELECT coalesce (z.name, ''), count (*) FROM v JOIN dining_table t ON t.id = v.table_id "
                   "LEFT JOIN zone z ON z.id = t.zone_id WHERE" IN_RANGE "GROUP BY 1");
      expect_both (d->t->db, r, "hours", RG_MEASURE_DINE_MIN, branches[b % 2],
                   VISITS "SELECT printf ('%02d', hour), avg (left_ms - seated_ms) / 60000.0 FROM v "
                   "WHERE left_ms > seated_ms AND" IN_RANGE "GROUP BY 1");
      expect_both (d->t->db, r, "party", RG_MEASURE_SPEND_PER_COVER, branches[b % 2],
                   VISITS "SELECT party_size, sum (rev) * 1.0 / sum (party_size) FROM v WHERE" IN_RANGE "GROUP BY 1");
    }
}
END_TEST

START_TEST (test_feedback_matches_direct)
{
  /* Enough guests for ratings of dishes at each branch in both periods. */
  g_autoptr(Demo) d = demo_new_sized (5000);
  const gchar *branches[] = { NULL, d->branch };

  for (guint b = 0; b < G_N_ELEMENTS (branches); b++)
    {
      g_autoptr(RgReport) r = run_report (d->t->db, RG_REPORT_FEEDBACK, "2026-04-01", LAST_DAY, branches[b]);
#define RATINGS VISITS "SELECT f.*, v.server_id AS server, v.hour AS hour FROM v JOIN feedback f " \
  "ON f.visit_id = v.id WHERE f.deleted = 0 AND" IN_RANGE

      expect_both (d->t->db, r, "aspects", RG_MEASURE_RATINGS, branches[b],
                   "SELECT aspect, count (*) FROM (" RATINGS ") GROUP BY 1");
      expect_both (d->t->db, r, "aspects", RG_MEASURE_RATING_AVG, branches[b],
                   "SELECT aspect, avg (rating) FROM (" RATINGS ") GROUP BY 1");
      expect_both (d->t->db, r, "dishes", RG_MEASURE_RATING_AVG, branches[b],
                   "SELECT item_id, avg (rating) FROM (" RATINGS ") WHERE item_id IS NOT NULL GROUP BY 1");
      expect_both (d->t->db, r, "servers", RG_MEASURE_RATINGS, branches[b],
                   "SELECT server, count (*) FROM (" RATINGS ") WHERE server IS NOT NULL GROUP BY 1");
      expect_both (d->t->db, r, "hours", RG_MEASURE_RATING_AVG, branches[b],
                   "SELECT printf ('%02d', hour), avg (rating) FROM (" RATINGS ") GROUP BY 1");
      expect_both (d->t->db, r, "tables", RG_MEASURE_RATINGS, branches[b],
                   "SELECT table_id, count (*) FROM (" RATINGS ") WHERE table_id IS NOT NULL GROUP BY 1");
    }
}
END_TEST

/* Tiers of the host guests by spend over the months of the range. */
#define THE_MONTHS "substr (?2, 1, 7) AND substr (?3, 1, 7)"
#define GUEST_SPEND_IN(value, months) \
  VISITS ", g AS (SELECT guest_id, sum (" value ") AS s, count (*) AS n FROM v WHERE guest_id IS NOT NULL " \
  "  AND substr (day, 1, 7) BETWEEN " months " GROUP BY 1), " \
  "r AS (SELECT s, n, row_number () OVER (ORDER BY s DESC, guest_id) - 1 AS rk, count (*) OVER () AS total FROM g) " \
  "SELECT CASE WHEN rk < (total + 99) / 100 THEN 'top1' WHEN rk < (total * 5 + 99) / 100 THEN 'next4' " \
  "  WHEN rk < (total * 20 + 99) / 100 THEN 'next15' ELSE 'rest80' END AS tier, "
#define GUEST_SPEND(value) GUEST_SPEND_IN (value, THE_MONTHS)

START_TEST (test_tiers_match_direct)
{
  g_autoptr(Demo) d = demo_new ();
  const gchar *branches[] = { NULL, d->branch };

  for (guint b = 0; b < G_N_ELEMENTS (branches); b++)
    {
      g_autoptr(RgReport) r = run_report (d->t->db, RG_REPORT_TIERS, "2026-05-10", "2026-06-20", branches[b]);
      g_autoptr(GError) error = NULL;
      g_autofree gchar *owner_id = rg_test_dup_staff_id (d->t->db, RG_ROLE_OWNER);
      RgReportQuery profit = { .staff_id = owner_id, .from = "2026-05-10", .to = "2026-06-20", .branch_id = branches[b], .by_profit = TRUE };
      g_autoptr(RgReport) p = rg_report_run (d->t->db, RG_REPORT_TIERS, &profit, &error);

      ck_assert_no_error (error);
      /* The period is May and June by month; the one before, March and
       * April. */
      expect_section (d->t->db, r, "tiers", RG_MEASURE_GUESTS, FALSE, branches[b],
                      GUEST_SPEND ("rev") "count (*) FROM r GROUP BY 1");
      expect_section (d->t->db, r, "tiers", RG_MEASURE_REVENUE, FALSE, branches[b],
                      GUEST_SPEND ("rev") "sum (s) FROM r GROUP BY 1");
      /* Guests who spent the same may fall either side of a tier's edge:
       * their visits are compared in all. */
      expect_section (d->t->db, r, "tiers", RG_MEASURE_GUESTS, FALSE, branches[b],
                      GUEST_SPEND ("rev") "count (*) FROM r GROUP BY 1");
      {
        GListModel *tiers = rg_report_get_section (r, "tiers");
        g_autofree gchar *sql = g_strdup_printf (VISITS "SELECT count (*) FROM v WHERE guest_id IS NOT NULL AND "
                                                 "day BETWEEN '2026-05-01' AND '2026-06-30' AND (%s%s%s IS NULL OR branch_id = %s%s%s)",
                                                 b ? "'" : "", b ? branches[b] : "NULL", b ? "'" : "",
                                                 b ? "'" : "", b ? branches[b] : "NULL", b ? "'" : "");
        gdouble visits = 0;

        for (guint i = 0; i < g_list_model_get_n_items (tiers); i++)
          {
            g_autoptr(RgReportRow) row = g_list_model_get_item (tiers, i);

            visits += rg_report_row_get_value (row, RG_MEASURE_VISITS);
          }
        ck_assert_double_eq (visits, (gdouble) rg_test_query_int (d->t->db, sql));
      }
      expect_section (d->t->db, p, "tiers", RG_MEASURE_MARGIN, FALSE, branches[b],
                      GUEST_SPEND ("rev - cost") "sum (s) FROM r GROUP BY 1");
      ck_assert_str_eq (rg_report_get_previous_from (r), "2026-03-29");
      expect_section (d->t->db, r, "tiers", RG_MEASURE_GUESTS, TRUE, branches[b],
                      GUEST_SPEND_IN ("rev", "'2026-03' AND '2026-04'") "count (*) FROM r GROUP BY 1");
      expect_section (d->t->db, r, "tiers", RG_MEASURE_REVENUE, TRUE, branches[b],
                      GUEST_SPEND_IN ("rev", "'2026-03' AND '2026-04'") "sum (s) FROM r GROUP BY 1");
    }
}
END_TEST

START_TEST (test_rfm_matches_direct)
{
  g_autoptr(Demo) d = demo_new ();
  const gchar *branches[] = { NULL, d->branch };

  for (guint b = 0; b < G_N_ELEMENTS (branches); b++)
    {
      g_autoptr(RgReport) r = run_report (d->t->db, RG_REPORT_RFM, "2026-06-01", LAST_DAY, branches[b]);
      GListModel *segments = rg_report_get_section (r, "segments");
      gdouble guests = 0, spend = 0;

      for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
        {
          g_autoptr(RgReportRow) row = g_list_model_get_item (segments, i);

          guests += rg_report_row_get_value (row, RG_MEASURE_GUESTS);
          spend += rg_report_row_get_value (row, RG_MEASURE_REVENUE);
        }
      /* Everyone with a visit in May or June, and what they spent. */
      {
        g_autofree gchar *sql = g_strdup_printf (VISITS "SELECT %%s FROM v WHERE guest_id IS NOT NULL AND day "
                                                 "BETWEEN '2026-05-01' AND '2026-06-30' AND (%s%s%s IS NULL OR branch_id = %s%s%s)",
                                                 b ? "'" : "", b ? branches[b] : "NULL", b ? "'" : "",
                                                 b ? "'" : "", b ? branches[b] : "NULL", b ? "'" : "");
        g_autofree gchar *count = g_strdup_printf (sql, "count (DISTINCT guest_id)");
        g_autofree gchar *total = g_strdup_printf (sql, "sum (rev)");

        ck_assert_double_eq (guests, (gdouble) rg_test_query_int (d->t->db, count));
        ck_assert_double_eq (spend, (gdouble) rg_test_query_int (d->t->db, total));
      }

      /* A guest's first closed visit (as host or in the party) is new. */
      expect_both (d->t->db, r, "visits", RG_MEASURE_VISITS, branches[b],
                   VISITS "SELECT CASE WHEN guest_id IS NULL THEN 'walkin' WHEN EXISTS (SELECT 1 FROM visit w "
                   "WHERE w.status = 'closed' AND w.deleted = 0 AND (w.seated_ms, w.id) < (v.seated_ms, v.id) "
                   "AND (w.guest_id = v.guest_id OR EXISTS (SELECT 1 FROM visit_guest vg WHERE vg.visit_id = w.id "
                   "AND vg.guest_id = v.guest_id AND vg.deleted = 0))) THEN 'returning' ELSE 'new' END, count (*) "
                   "FROM v WHERE" IN_RANGE "GROUP BY 1");
    }
}
END_TEST

/* ------------------------------------------------- incremental, rebuild */

#define DUMP(table, columns) \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT " columns " AS r FROM " table " ORDER BY 1)"

static gchar *
dump_rollups (RgDb *db)
{
  static const gchar * const sql[] = {
    DUMP ("rollup_service_day", "kind||branch_id||day||key||'|'||visits||'|'||covers||'|'||revenue||'|'||timed||'|'||dine_ms"),
    DUMP ("rollup_feedback_day", "kind||branch_id||day||key||'|'||ratings||'|'||total"),
    DUMP ("rollup_guest_month", "branch_id||month||guest_id||'|'||visits||'|'||spend||'|'||cost||'|'||last_ms"),
    DUMP ("rollup_pair_month", "branch_id||month||item_a||item_b||'|'||visits"),
  };
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql[i], -1, &stmt, NULL), SQLITE_OK);
      ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
      g_string_append_printf (all, "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  return g_string_free (all, FALSE);
}

START_TEST (test_closing_checks_equals_rebuild)
{
  g_autoptr(Demo) d = demo_new ();
  g_autoptr(GError) error = NULL;
  RgDb *db = d->t->db;
  g_autofree gchar *incremental = NULL;
  g_autofree gchar *rebuilt = NULL;
  gint64 before = rg_test_query_int (db, "SELECT sum (visits) FROM rollup_service_day WHERE kind = 'hour'");

  /* Eight more checks closed today at free tables, one of them rated after
   * it was closed. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree gchar *table = rg_test_query_text (db, "SELECT id FROM dining_table WHERE status = 'free' ORDER BY id LIMIT 1");
      g_autofree gchar *item = rg_test_query_text (db, "SELECT id FROM menu_item WHERE allergens = '' ORDER BY id LIMIT 1");
      g_autofree gchar *other = rg_test_query_text (db, "SELECT id FROM menu_item WHERE allergens = '' ORDER BY id DESC LIMIT 1");
      g_autofree gchar *branch = rg_test_query_text (db, "SELECT branch_id FROM dining_table WHERE status = 'free' ORDER BY id LIMIT 1");
      g_autofree gchar *guest = rg_test_query_text (db, "SELECT id FROM guest ORDER BY id LIMIT 1");
      RgSeating seating = { .branch_id = branch, .table_id = table, .guest_id = i % 2 ? guest : NULL,
                            .party_size = 1 + (gint) i % 4 };
      g_autoptr(RgVisit) visit = rg_visit_seat (db, &seating, &error);
      g_autoptr(RgOrderLine) a = NULL;
      g_autoptr(RgOrderLine) b = NULL;

      ck_assert_no_error (error);
      a = rg_visit_add_line (db, rg_visit_get_id (visit), item, 2, 0, 0, NULL, TRUE, &error);
      ck_assert_no_error (error);
      b = rg_visit_add_line (db, rg_visit_get_id (visit), other, 1, 0, 0, NULL, TRUE, &error);
      ck_assert_no_error (error);
      ck_assert (rg_visit_close (db, rg_visit_get_id (visit), 0, RG_PAYMENT_CARD, 0, &error));
      ck_assert_no_error (error);
      if (i == 3)
        {
          g_autoptr(RgFeedback) f = rg_feedback_add (db, rg_visit_get_id (visit), RG_ASPECT_SERVICE, NULL, 2,
                                                     NULL, NULL, NULL, &error);

          ck_assert_no_error (error);
          ck_assert_ptr_nonnull (f);
        }
    }
  ck_assert_int_eq (rg_test_query_int (db, "SELECT sum (visits) FROM rollup_service_day WHERE kind = 'hour'"),
                    before + 8);
  incremental = dump_rollups (db);
  ck_assert (rg_rollup_rebuild (db, &error));
  ck_assert_no_error (error);
  rebuilt = dump_rollups (db);
  ck_assert_str_eq (incremental, rebuilt);
}
END_TEST

/* ----------------------------------------------------------- pizza sales */

/* One CSV field of @line starting at *@p; quotes as in RFC 4180. */
static gchar *
next_field (const gchar **p)
{
  GString *field = g_string_new (NULL);
  const gchar *s = *p;

  if (*s == '"')
    for (s++; *s != '\0'; s++)
      {
        if (*s == '"' && s[1] == '"')
          g_string_append_c (field, *s++);
        else if (*s == '"')
          {
            s++;
            break;
          }
        else
          g_string_append_c (field, *s);
      }
  else
    for (; *s != '\0' && *s != ',' && *s != '\r'; s++)
      g_string_append_c (field, *s);
  *p = *s == ',' ? s + 1 : s;
  return g_string_free (field, FALSE);
}

START_TEST (test_pizza_known_answers)
{
  g_autofree gchar *path = rg_test_shared_data ("pizza-sales/pizza_sales.csv");
  g_autofree gchar *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *orders_by_hour[24];
  g_autoptr(GHashTable) qty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = rg_import_options_new ();
  g_autoptr(RgImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReport) revenue = NULL;
  g_autoptr(RgReport) peak = NULL;
  g_autoptr(RgReport) dishes = NULL;
  g_autoptr(RgReportRow) totals = NULL;
  g_autoptr(RgReportRow) first_dish = NULL;
  gint64 total = 0;
  guint busiest = 0, top_qty = 0;
  const gchar *top_dish = NULL;
  gdouble hours[24] = { 0 };
  guint report_busiest = 0;
  GListModel *heatmap;
  GHashTableIter iter;
  gpointer key, value;

  /* The answers, straight from the file. */
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint h = 0; h < 24; h++)
    orders_by_hour[h] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const gchar *p = lines[i];
      gchar *f[10];
      gint64 units, cents;

      for (guint k = 0; k < 10; k++)
        f[k] = next_field (&p);
      /* order_details_id,order_id,order_date,order_time,pizza_id,…,quantity,unit_price */
      units = g_ascii_strtoll (f[9], NULL, 10);
      cents = strchr (f[9], '.') != NULL ? g_ascii_strtoll (strchr (f[9], '.') + 1, NULL, 10) : 0;
      if (strchr (f[9], '.') != NULL && strlen (strchr (f[9], '.') + 1) == 1)
        cents *= 10;
      total += g_ascii_strtoll (f[8], NULL, 10) * (units * 100 + cents);
      g_hash_table_add (orders_by_hour[atoi (f[3])], g_strdup (f[1]));
      if (!g_hash_table_contains (qty, f[4]))
        g_hash_table_insert (qty, g_strdup (f[4]), GUINT_TO_POINTER (0));
      g_hash_table_insert (qty, g_strdup (f[4]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (qty, f[4])) + atoi (f[8])));
      for (guint k = 0; k < 10; k++)
        g_free (f[k]);
    }
  for (guint h = 1; h < 24; h++)
    if (g_hash_table_size (orders_by_hour[h]) > g_hash_table_size (orders_by_hour[busiest]))
      busiest = h;
  g_hash_table_iter_init (&iter, qty);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > top_qty)
      {
        top_qty = GPOINTER_TO_UINT (value);
        top_dish = key;
      }
  ck_assert_int_gt (total, 0);

  /* The reports of the imported file. */
  ck_assert (rg_import_options_set_map (options, "visit=order_id,date=order_date,time=order_time,item=pizza_id,"
                                                 "qty=quantity,price=unit_price,category=category", &error));
  result = rg_import_orders (t->db, path, options, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (result);

  revenue = run_report (t->db, RG_REPORT_REVENUE, "2015-01-01", "2015-12-31", NULL);
  totals = g_list_model_get_item (rg_report_get_section (revenue, "totals"), 0);
  ck_assert_double_eq (rg_report_row_get_value (totals, RG_MEASURE_REVENUE), (gdouble) total);

  peak = run_report (t->db, RG_REPORT_PEAK, "2015-01-01", "2015-12-31", NULL);
  heatmap = rg_report_get_section (peak, "heatmap");
  for (guint i = 0; i < g_list_model_get_n_items (heatmap); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (heatmap, i);

      hours[(guint) rg_report_row_get_value (row, RG_MEASURE_HOUR)] += rg_report_row_get_value (row, RG_MEASURE_VISITS);
    }
  for (guint h = 1; h < 24; h++)
    if (hours[h] > hours[report_busiest])
      report_busiest = h;
  ck_assert_uint_eq (report_busiest, busiest);
  ck_assert_double_eq (hours[busiest], g_hash_table_size (orders_by_hour[busiest]));
  for (guint h = 0; h < 24; h++)
    g_hash_table_unref (orders_by_hour[h]);

  dishes = run_report (t->db, RG_REPORT_DISHES, "2015-01-01", "2015-12-31", NULL);
  {
    GListModel *items = rg_report_get_section (dishes, "items");
    gdouble best = -1;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(RgReportRow) row = g_list_model_get_item (items, i);

        if (rg_report_row_get_value (row, RG_MEASURE_QTY) > best)
          {
            best = rg_report_row_get_value (row, RG_MEASURE_QTY);
            g_set_object (&first_dish, row);
          }
      }
  }
  ck_assert_str_eq (rg_report_row_get_label (first_dish), top_dish);
  ck_assert_double_eq (rg_report_row_get_value (first_dish, RG_MEASURE_QTY), top_qty);
}
END_TEST

/* ------------------------------------------------------------ bad input */

START_TEST (test_bad_queries)
{
  static const struct { const gchar *from, *to, *branch; gint code; } bad[] = {
    { "2026-02-30", "2026-03-01", NULL, RG_ERROR_INVALID },
    { "2026-3-01", "2026-03-01", NULL, RG_ERROR_INVALID },
    { NULL, "2026-03-01", NULL, RG_ERROR_INVALID },
    { "2026-03-02", "2026-03-01", NULL, RG_ERROR_INVALID },
    { "2000-01-01", "2026-03-01", NULL, RG_ERROR_INVALID },
    { "2026-03-01", "2026-03-01x", NULL, RG_ERROR_INVALID },
    { "2026-03-01", "2026-03-01", "no-such-branch", RG_ERROR_NOT_FOUND },
  };
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);
  gint64 changes = sqlite3_total_changes (rg_db_get_handle (t->db));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
      {
        g_autoptr(GError) error = NULL;
        RgReportQuery query = { .staff_id = owner_id, .from = bad[i].from, .to = bad[i].to,
                                .branch_id = bad[i].branch };
        g_autoptr(RgReport) report = rg_report_run (t->db, (RgReportKind) k, &query, &error);

        ck_assert_ptr_null (report);
        ck_assert_error (error, RG_ERROR, bad[i].code);
      }
  ck_assert_int_eq (sqlite3_total_changes (rg_db_get_handle (t->db)), changes);
}
END_TEST

/* Several reports shown together are one audit row naming each kind once;
 * with the query's logged flag a report audits nothing itself but is still
 * refused to a waiter; a refused or bad view writes nothing. */
START_TEST (test_log_views_once)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);
  g_autofree gchar *waiter_id = rg_test_dup_staff_id (t->db, RG_ROLE_WAITER);
  g_autoptr(GError) error = NULL;
  static const RgReportKind kinds[] = { RG_REPORT_TIERS, RG_REPORT_PEAK, RG_REPORT_TIERS, RG_REPORT_REVENUE };
  RgReportQuery query = { .staff_id = owner_id, .from = "2026-01-01", .to = "2026-01-31", .logged = TRUE };
  const gchar *views = "SELECT count (*) FROM audit_log WHERE action = 'report.view'";
  gint64 changes;

  ck_assert (rg_report_log_views (t->db, &query, kinds, G_N_ELEMENTS (kinds), &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (t->db, views), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM audit_log WHERE action = 'report.view' "
                                               "AND staff_id = '%s' AND subject = 'tiers,peak,revenue' "
                                               "AND detail = '2026-01-01 to 2026-01-31'", owner_id), 1);
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    {
      g_autoptr(RgReport) report = rg_report_run (t->db, (RgReportKind) k, &query, &error);

      ck_assert_no_error (error);
      ck_assert_ptr_nonnull (report);
    }
  ck_assert_int_eq (rg_test_query_int (t->db, views), 1);

  changes = sqlite3_total_changes (rg_db_get_handle (t->db));
  query.staff_id = waiter_id;
  ck_assert_ptr_null (rg_report_run (t->db, RG_REPORT_PEAK, &query, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert (!rg_report_log_views (t->db, &query, kinds, G_N_ELEMENTS (kinds), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  query.staff_id = owner_id;
  query.to = "2025-12-31";
  ck_assert (!rg_report_log_views (t->db, &query, kinds, G_N_ELEMENTS (kinds), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (sqlite3_total_changes (rg_db_get_handle (t->db)), changes);
}
END_TEST

START_TEST (test_empty_database)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    {
      g_autoptr(RgReport) report = run_report (t->db, (RgReportKind) k, "2026-01-01", "2026-01-31", NULL);
      const gchar * const *sections = rg_report_get_sections (report);

      ck_assert_ptr_nonnull (sections[0]);
      for (guint s = 0; sections[s] != NULL; s++)
        ck_assert_ptr_nonnull (rg_report_get_section (report, sections[s]));
      ck_assert_ptr_null (rg_report_get_section (report, "no such section"));
    }
}
END_TEST

START_TEST (test_names)
{
  RgReportKind kind;

  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    {
      ck_assert (rg_report_kind_from_string (rg_report_kind_to_string ((RgReportKind) k), &kind));
      ck_assert_int_eq (kind, k);
    }
  ck_assert (!rg_report_kind_from_string ("sales", &kind));
  ck_assert (!rg_report_kind_from_string (NULL, &kind));
  ck_assert_str_eq (rg_measure_to_string (RG_MEASURE_MARGIN_PCT), "margin_pct");
  ck_assert_str_eq (rg_measure_to_string (RG_MEASURE_MOM_PCT), "mom_pct");
}
END_TEST

static Suite *
report_suite (void)
{
  Suite *s = suite_create ("report");
  TCase *tc;

  tc = tcase_create ("direct");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_peak_matches_direct);
  tcase_add_test (tc, test_dishes_match_direct);
  tcase_add_test (tc, test_revenue_matches_direct);
  tcase_add_test (tc, test_service_matches_direct);
  tcase_add_test (tc, test_feedback_matches_direct);
  tcase_add_test (tc, test_tiers_match_direct);
  tcase_add_test (tc, test_rfm_matches_direct);
  suite_add_tcase (s, tc);

  tc = tcase_create ("rebuild");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_closing_checks_equals_rebuild);
  suite_add_tcase (s, tc);

  tc = tcase_create ("known-answers");
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_pizza_known_answers);
  suite_add_tcase (s, tc);

  tc = tcase_create ("input");
  tcase_add_test (tc, test_bad_queries);
  tcase_add_test (tc, test_log_views_once);
  tcase_add_test (tc, test_empty_database);
  tcase_add_test (tc, test_names);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (report_suite ());
}
