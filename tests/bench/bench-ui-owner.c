/* bench-ui-owner.c — from opening the owner's dashboard to its first chart
 * painted with the figures, on a large database.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1280x1280x24" bench-ui-owner --db /tmp/owner-bench.db [--runs 15]
 *     [--from YYYY-MM-DD --to YYYY-MM-DD]
 *
 * A database without visits is filled by the demo generator first (60 000
 * guests, 2 years, 2 branches up to yesterday: about 1.4M order lines;
 * keep the file and pass it again).  Each run opens the dashboard
 * (rg_owner_page_open(): the last 4 weeks, or the range given, all branches) in a 1280×800
 * window and times until a frame is painted whose peak heatmap holds the
 * report, then waits for the other reports before the next run.  The
 * first run is printed apart: it reads a cold page cache.
 */
#include <adwaita.h>
#include <locale.h>

#include "rg-auth.h"
#include "rg-bench-util.h"
#include "rg-db.h"
#include "rg-demo.h"
#include "rg-owner-page.h"
#include "rg-session.h"

#define WAIT_MS   60000
#define OWNER     "Bench Owner"

typedef struct
{
  RgChart *chart;
  gint64   arrived_ns;     /* 0 until the chart holds the report */
  gint64   painted_ns;     /* 0 until a frame shows the chart's data */
} Opening;

/* --------------------------------------------------------------- helpers */

static gint64
query_int (RgDb        *db,
           const gchar *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, &error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, error != NULL ? error->message : sqlite3_errmsg (rg_db_get_handle (db)));
  return sqlite3_column_int64 (stmt, 0);
}

static void
fill (RgDb *db)
{
  const RgDemoOptions options = { .guests = 60000, .days = 730, .branches = 2, .seed = 11 };
  g_autoptr(GError) error = NULL;
  gint64 start = rg_bench_now_ns ();

  g_print ("making the demo restaurant (60 000 guests, 2 years, 2 branches)…\n");
  if (!rg_demo_generate (db, &options, NULL, &error))
    g_error ("demo: %s", error->message);
  g_print ("made in %.0f s\n", (rg_bench_now_ns () - start) / 1e9);
}

static gchar *
dup_owner_id (RgDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) owner = rg_auth_find_staff (db, OWNER, NULL);

  if (owner == NULL)
    owner = rg_auth_add_staff (db, NULL, OWNER, RG_ROLE_OWNER, NULL, &error);
  if (owner == NULL)
    g_error ("adding the owner: %s", error->message);
  return g_strdup (rg_staff_get_id (owner));
}

static void
run_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the dashboard did not answer in %d ms", WAIT_MS);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
painted (gpointer data)
{
  Opening *opening = data;

  if (opening->arrived_ns == 0 && rg_chart_get_n_points (opening->chart) > 0)
    opening->arrived_ns = rg_bench_now_ns ();
  return opening->painted_ns != 0;
}

static gboolean
loaded (gpointer data)
{
  return !rg_owner_page_is_loading (data);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Opening       *opening)
{
  if (opening->painted_ns == 0 && rg_chart_get_n_points (opening->chart) > 0)
    opening->painted_ns = rg_bench_now_ns ();
}

/* ------------------------------------------------------------------ main */

int
main (int    argc,
      char **argv)
{
  g_autofree gchar *path = NULL;
  g_autofree gchar *from = NULL;
  g_autofree gchar *to = NULL;
  gint runs = 15;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database (filled if empty)", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Openings to time (15)", "N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "First day of the range (with --to)", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "Last day of the range (with --from)", "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  RgDb *db;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgBenchSamples) first_chart = NULL;
  g_autoptr(RgBenchSamples) arrived = NULL;
  g_autoptr(RgBenchSamples) all_reports = NULL;
  g_autofree gchar *owner_id = NULL;
  GtkWidget *window;
  RgOwnerPage *page;
  Opening opening = { NULL, 0, 0 };
  gulong handler;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || runs <= 0
      || (from == NULL) != (to == NULL))
    {
      g_printerr ("usage: bench-ui-owner --db PATH [--runs N] [--from YYYY-MM-DD --to YYYY-MM-DD]%s%s\n", error != NULL ? ": " : "",
                  error != NULL ? error->message : "");
      return 2;
    }
  /* SQLite bounded as in the app (app/regulars/main.c). */
  rg_db_bound_memory (RG_DB_APP_HEAP_LIMIT);
  gtk_init ();
  adw_init ();

  db = rg_db_open (path, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  if (query_int (db, "SELECT count (*) FROM visit") == 0)
    fill (db);
  owner_id = dup_owner_id (db);
  g_print ("%" G_GINT64_FORMAT " order lines, %" G_GINT64_FORMAT " visits, %" G_GINT64_FORMAT " guests, "
           "%" G_GINT64_FORMAT " branches\n",
           query_int (db, "SELECT count (*) FROM order_line"), query_int (db, "SELECT count (*) FROM visit"),
           query_int (db, "SELECT count (*) FROM guest"), query_int (db, "SELECT count (*) FROM branch"));

  /* The session owns the connection from here on. */
  session = rg_session_new (db, NULL, owner_id);
  page = g_object_new (RG_TYPE_OWNER_PAGE, NULL);
  rg_owner_page_set_session (page, session);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  if (from != NULL)
    {
      /* a custom range stays chosen: each opening below reads it again */
      if (!rg_owner_page_set_days (page, from, to, &error))
        g_error ("the range: %s", error->message);
      run_until (loaded, page);
    }

  opening.chart = rg_owner_page_get_chart (page, RG_REPORT_PEAK);
  handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                              G_CALLBACK (on_after_paint_cb), &opening);
  first_chart = rg_bench_samples_new ((guint) runs);
  arrived = rg_bench_samples_new ((guint) runs);
  all_reports = rg_bench_samples_new ((guint) runs);
  for (gint i = 0; i <= runs; i++)
    {
      gint64 start = rg_bench_now_ns ();

      opening.arrived_ns = 0;
      opening.painted_ns = 0;
      rg_owner_page_open (page);
      run_until (painted, &opening);
      run_until (loaded, page);
      if (rg_owner_page_get_error (page) != NULL)
        g_error ("the dashboard says: %s", rg_owner_page_get_error (page));
      if (i == 0)
        {
          g_print ("range %s to %s, all branches\n", rg_owner_page_get_from (page), rg_owner_page_get_to (page));
          g_print ("cold first opening: first chart painted after %.1f ms, every report after %.1f ms\n",
                   (opening.painted_ns - start) / 1e6, (rg_bench_now_ns () - start) / 1e6);
          continue;
        }
      rg_bench_samples_add (arrived, opening.arrived_ns - start);
      rg_bench_samples_add (first_chart, opening.painted_ns - start);
      rg_bench_samples_add (all_reports, rg_bench_now_ns () - start);
    }
  rg_bench_samples_print_us (arrived, "open → peak report in the chart");
  rg_bench_samples_print_us (first_chart, "open → first chart painted");
  rg_bench_samples_print_us (all_reports, "open → every report shown");

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), handler);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
