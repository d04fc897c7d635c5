/* bench-ui-waiter.c — the waiter's two figures in the real widgets: a tap
 * on a dish in the order entry to the committed line, and the floor plan
 * with 200 open tables redrawn.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1280x1280x24" bench-ui-waiter [--taps 200] [--draws 300]
 *
 * Tap: the app's window (RgWindow, 1280×800) on a demo database, a regular
 * seated, the table sheet open; a tap is the menu list's "row-activated" on
 * a dish without allergens.  "to committed line" ends when the order
 * entry's "line-added" is emitted (after the transaction committed; an
 * emission hook, so before the sheet re-reads the check); "to sheet
 * refreshed" when the tap's handlers have all run (the check, totals,
 * suggestions and their log re-read).  Twenty dishes per table, then the
 * next table, so the check stays the size of a real one.
 *
 * Floor: RgFloorPlan alone in a 1280×800 window on a floor of 200 tables
 * (20 × 10, the front five rows one zone, the back five another), every
 * one seated with a line on its check, showing the live
 * floor (party, seated time, check total).  "snapshot" is the widget's
 * snapshot; "snapshot + raster" adds replaying the node into a 1280×800
 * image; "frame" is the window's frame clock from "before-paint" to
 * "after-paint" after gtk_widget_queue_draw(): the whole window snapshotted
 * and rendered (GSK_RENDERER=cairo as in the tests), nothing changed.  The
 * plan keeps each table's drawing while what it shows is the same, so two
 * more frames: "frame after a dish" adds a dish to one table's check (the
 * next table each time) and gives the plan the live floor re-read, as the
 * waiter page does; "frame, every table anew" turns the check totals off
 * and on, so all 200 tables are drawn again (the worst case).  That worst
 * case is also split in two: "snapshot, every table anew" is the plan's
 * own share (new text, new nodes), "raster, every table anew" the
 * renderer's drawing of those nodes into a 1280×800 image; "of which the
 * plan's snapshot" times the plan's snapshot inside those frames; the
 * rest of the frame is GTK's (the window's snapshot, the renderer drawing
 * to the X11 window, the X server's work).  The floor is 20 × 10 tables 2 m apart, wider than 1280 px at
 * 44 px a table, so the plan flows them in rows (as on a tablet).  Figures
 * are median, 90th and 99th percentile, and the spread (p99 − p1).
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "rg-bench-util.h"
#include "rg-db.h"
#include "rg-demo.h"
#include "rg-floor-plan.h"
#include "rg-floor.h"
#include "rg-menu.h"
#include "rg-renderer.h"
#include "rg-table-sheet.h"
#include "rg-visit.h"
#include "rg-waiter-page.h"
#include "rg-window.h"

#define TAPS_PER_TABLE 20
#define FLOOR_COLUMNS  20
#define FLOOR_ROWS     10
#define PLAN_WIDTH     1280
#define PLAN_HEIGHT    800

/* --------------------------------------------------------------- helpers */

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gchar *
query_text (RgDb        *db,
            const gchar *sql)
{
  sqlite3_stmt *stmt = NULL;
  gchar *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (text);
  return text;
}

static GtkWidget *
find_widget (GtkWidget   *root,
             GType        type,
             const gchar *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Seats @guest at a free table and returns the table's id. */
static gchar *
seat_guest (RgDb        *db,
            const gchar *branch_id,
            const gchar *guest_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM dining_table WHERE branch_id = '%s' AND deleted = 0"
                                           " AND status = 'free' AND seats >= 2 ORDER BY name LIMIT 1", branch_id);
  gchar *table_id = query_text (db, sql);
  RgSeating seating = { .branch_id = branch_id, .table_id = table_id, .guest_id = guest_id, .party_size = 2 };
  g_autoptr(RgVisit) visit = rg_visit_seat (db, &seating, &error);

  g_assert_no_error (error);
  g_assert_nonnull (visit);
  return table_id;
}

/* ------------------------------------------------------------------- tap */

static gboolean
on_line_added_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  *(gint64 *) user_data = rg_bench_now_ns ();
  return TRUE;
}

static GtkListBoxRow *
menu_row (RgTableSheet *sheet,
          const gchar  *item_id)
{
  GtkWidget *list = find_widget (GTK_WIDGET (rg_table_sheet_get_order_entry (sheet)), GTK_TYPE_LIST_BOX, "boxed-list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "item-id"), item_id) == 0)
      return GTK_LIST_BOX_ROW (row);
  g_error ("no menu row for %s", item_id);
}

static void
bench_tap (const gchar *path,
           guint        taps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDb) db = rg_db_open (path, &error);
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgBenchSamples) committed = rg_bench_samples_new (taps);
  g_autoptr(RgBenchSamples) refreshed = rg_bench_samples_new (taps);
  g_autofree gchar *staff_id = NULL;
  g_autofree gchar *branch_id = NULL;
  g_autofree gchar *item_id = NULL;
  gint64 committed_ns = 0;
  RgWaiterPage *page;
  RgTableSheet *sheet = NULL;
  RgWindow *window;
  guint hook;

  g_assert_no_error (error);
  staff_id = query_text (db, "SELECT id FROM staff WHERE deleted = 0 ORDER BY name LIMIT 1");
  branch_id = query_text (db, "SELECT id FROM branch WHERE deleted = 0 ORDER BY name LIMIT 1");
  item_id = query_text (db, "SELECT id FROM menu_item WHERE allergens = '' AND available = 1 AND deleted = 0"
                            " ORDER BY name LIMIT 1");
  {
    RgDb *own = rg_db_open (path, &error);

    g_assert_no_error (error);
    session = rg_session_new (own, NULL, staff_id);
  }
  window = rg_window_new (ADW_APPLICATION (g_application_get_default ()), session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  rg_window_start (window);
  /* Let the window build its recommender, so a tap re-reads suggestions. */
  run_for (1500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tables", NULL));
  run_for (200);
  page = RG_WAITER_PAGE (find_widget (GTK_WIDGET (window), RG_TYPE_WAITER_PAGE, NULL));
  hook = g_signal_add_emission_hook (g_signal_lookup ("line-added", RG_TYPE_ORDER_ENTRY), 0,
                                     on_line_added_hook, &committed_ns, NULL);

  for (guint i = 0; i < taps; i++)
    {
      GtkListBoxRow *row;
      gint64 start;

      if (i % TAPS_PER_TABLE == 0)
        {
          g_autofree gchar *sql = g_strdup_printf (
            "SELECT g.id FROM guest g JOIN local_guest_stats s ON s.guest_id = g.id"
            " WHERE g.deleted = 0 AND g.merged_into IS NULL"
            "   AND NOT EXISTS (SELECT 1 FROM guest_allergy a WHERE a.guest_id = g.id AND a.deleted = 0)"
            " ORDER BY s.visit_count DESC, g.id LIMIT 1 OFFSET %u", i / TAPS_PER_TABLE);
          g_autofree gchar *guest_id = query_text (db, sql);
          g_autofree gchar *table_id = seat_guest (db, branch_id, guest_id);

          g_signal_emit_by_name (rg_waiter_page_get_plan (page), "table-activated", table_id);
          run_for (300);
          sheet = rg_waiter_page_get_sheet (page);
        }
      row = menu_row (sheet, item_id);
      committed_ns = 0;
      start = rg_bench_now_ns ();
      g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
      rg_bench_samples_add (refreshed, rg_bench_now_ns () - start);
      g_assert_cmpint (committed_ns, >, start);
      rg_bench_samples_add (committed, committed_ns - start);
      run_for (30);
    }
  g_signal_remove_emission_hook (g_signal_lookup ("line-added", RG_TYPE_ORDER_ENTRY), hook);

  g_print ("tap on a dish in the order entry (%u taps, %d per table):\n", taps, TAPS_PER_TABLE);
  rg_bench_samples_print_us (committed, "  to committed line");
  rg_bench_samples_print_us (refreshed, "  to sheet refreshed");
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (100);
}

/* Prints @samples as median, p90, p99 and spread (p99 − p1), in ms. */
static void
print_ms (RgBenchSamples *samples,
          const gchar    *label)
{
  g_print ("%-34s n=%-5u median %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  spread %7.2f ms\n",
           label, rg_bench_samples_count (samples),
           rg_bench_samples_quantile (samples, 0.50) / 1e6, rg_bench_samples_quantile (samples, 0.90) / 1e6,
           rg_bench_samples_quantile (samples, 0.99) / 1e6,
           (rg_bench_samples_quantile (samples, 0.99) - rg_bench_samples_quantile (samples, 0.01)) / 1e6);
}

/* ----------------------------------------------------------------- floor */

typedef struct
{
  RgBenchSamples *paint;
  gint64          paint_ns;
  gboolean        painted;
} FramePaint;

/* The plan's own snapshot inside a frame, timed by wrapping the class's
 * snapshot (this program has one plan). */
static void (*plan_snapshot) (GtkWidget *widget, GtkSnapshot *snapshot);
static RgBenchSamples *plan_snapshot_samples;

static void
timed_plan_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  gint64 start = rg_bench_now_ns ();

  plan_snapshot (widget, snapshot);
  if (plan_snapshot_samples != NULL)
    rg_bench_samples_add (plan_snapshot_samples, rg_bench_now_ns () - start);
}

static void
on_clock_before_paint_cb (GdkFrameClock *clock,
                          FramePaint    *frame)
{
  frame->paint_ns = rg_bench_now_ns ();
}

static void
on_clock_after_paint_cb (GdkFrameClock *clock,
                         FramePaint    *frame)
{
  if (frame->paint_ns == 0)
    return;
  rg_bench_samples_add (frame->paint, rg_bench_now_ns () - frame->paint_ns);
  frame->paint_ns = 0;
  frame->painted = TRUE;
}

/* A floor of FLOOR_COLUMNS × FLOOR_ROWS tables, every one seated with a
 * dish on its check; returns the branch id. */
static gchar *
make_full_floor (RgDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_db_exec (db,
    "INSERT INTO branch (id, name, tz) VALUES ('floor', 'Big Hall', 'UTC');"
    "INSERT INTO zone (id, branch_id, name) VALUES ('front', 'floor', 'Front'), ('back', 'floor', 'Back');"
    "INSERT INTO menu_item (id, name, price) VALUES ('tea', 'Tea', 300);", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < FLOOR_COLUMNS * FLOOR_ROWS; i++)
    {
      g_autofree gchar *sql = g_strdup_printf (
        "INSERT INTO dining_table (id, branch_id, zone_id, name, seats, x, y, width, height, shape)"
        " VALUES ('t%u', 'floor', '%s', '%u', %u, %g, %g, 1.2, 1.2, '%s')",
        i, i / FLOOR_COLUMNS < FLOOR_ROWS / 2 ? "front" : "back", i + 1, 2 + i % 5,
        (i % FLOOR_COLUMNS) * 2.0, (i / FLOOR_COLUMNS) * 2.0, i % 3 ? "rect" : "round");
      g_autofree gchar *table_id = g_strdup_printf ("t%u", i);
      RgSeating seating = { .branch_id = "floor", .table_id = table_id, .party_size = 2 };
      g_autoptr(RgVisit) visit = NULL;
      g_autoptr(RgOrderLine) line = NULL;

      g_assert_true (rg_db_exec (db, sql, &error));
      visit = rg_visit_seat (db, &seating, &error);
      g_assert_no_error (error);
      line = rg_visit_add_line (db, rg_visit_get_id (visit), "tea", 2, 0, 0, NULL, FALSE, &error);
      g_assert_no_error (error);
    }
  return g_strdup ("floor");
}

typedef enum
{
  CHANGE_NOTHING,
  CHANGE_ONE_CHECK,
  CHANGE_EVERY_TABLE,
} FloorChange;

/* Changes @change on the floor, queues a redraw and waits for the frame,
 * @draws times. */
static void
time_frames (GtkWidget     *plan,
             RgDb          *db,
             const gchar   *branch_id,
             FloorChange    change,
             guint          draws,
             FramePaint    *frame)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (plan);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_clock_before_paint_cb), frame);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_clock_after_paint_cb), frame);
  for (guint i = 0; i < draws; i++)
    {
      gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      frame->painted = FALSE;
      if (change == CHANGE_ONE_CHECK)
        {
          g_autoptr(GError) error = NULL;
          g_autofree gchar *table_id = g_strdup_printf ("t%u", i % (FLOOR_COLUMNS * FLOOR_ROWS));
          g_autoptr(RgVisit) visit = rg_visit_get_open_for_table (db, table_id, &error);
          g_autoptr(RgOrderLine) line = NULL;
          g_autoptr(GListModel) live = NULL;

          g_assert_no_error (error);
          line = rg_visit_add_line (db, rg_visit_get_id (visit), "tea", 1, 0, 0, NULL, FALSE, &error);
          g_assert_no_error (error);
          live = rg_floor_list_live (db, branch_id, &error);
          g_assert_no_error (error);
          rg_floor_plan_set_live (RG_FLOOR_PLAN (plan), live);
        }
      else if (change == CHANGE_EVERY_TABLE)
        rg_floor_plan_set_show_check (RG_FLOOR_PLAN (plan), !rg_floor_plan_get_show_check (RG_FLOOR_PLAN (plan)));
      gtk_widget_queue_draw (plan);
      while (!frame->painted && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      if (!frame->painted)
        g_error ("the floor plan was not redrawn within 2 s");
    }
  g_signal_handlers_disconnect_by_data (clock, frame);
}

static void
bench_floor (guint draws)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("bench-floor-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr(RgDb) db = rg_db_open (path, &error);
  g_autofree gchar *branch_id = NULL;
  g_autoptr(GListModel) tables = NULL;
  g_autoptr(GListModel) live = NULL;
  g_autoptr(RgBenchSamples) snap = rg_bench_samples_new (draws);
  g_autoptr(RgBenchSamples) raster = rg_bench_samples_new (draws);
  g_autoptr(RgBenchSamples) snap_anew = rg_bench_samples_new (draws);
  g_autoptr(RgBenchSamples) raster_anew = rg_bench_samples_new (draws);
  g_autoptr(RgBenchSamples) in_frame = rg_bench_samples_new (draws);
  FramePaint frame = { rg_bench_samples_new (draws), 0, FALSE };
  FramePaint refreshed = { rg_bench_samples_new (draws), 0, FALSE };
  FramePaint anew = { rg_bench_samples_new (draws), 0, FALSE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, PLAN_WIDTH, PLAN_HEIGHT);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *plan = rg_floor_plan_new ();
  guint seated = 0;

  g_assert_no_error (error);
  branch_id = make_full_floor (db);
  tables = rg_floor_list_tables (db, branch_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(RgDiningTable) table = g_list_model_get_item (tables, i);

      seated += rg_dining_table_get_status (table) == RG_TABLE_SEATED;
    }
  g_assert_cmpuint (seated, ==, FLOOR_COLUMNS * FLOOR_ROWS);
  live = rg_floor_list_live (db, branch_id, &error);
  g_assert_no_error (error);

  rg_floor_plan_set_tables (RG_FLOOR_PLAN (plan), tables);
  rg_floor_plan_set_live (RG_FLOOR_PLAN (plan), live);
  gtk_window_set_child (GTK_WINDOW (window), plan);
  gtk_window_set_default_size (GTK_WINDOW (window), PLAN_WIDTH, PLAN_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  run_for (500);

  for (guint i = 0; i < 2 * draws; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      cairo_t *cr;
      gboolean all_new = i >= draws;
      gint64 start, drawn;

      if (all_new)
        rg_floor_plan_set_show_check (RG_FLOOR_PLAN (plan), !rg_floor_plan_get_show_check (RG_FLOOR_PLAN (plan)));
      start = rg_bench_now_ns ();
      GTK_WIDGET_GET_CLASS (plan)->snapshot (plan, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      drawn = rg_bench_now_ns ();
      rg_bench_samples_add (all_new ? snap_anew : snap, drawn - start);
      cr = cairo_create (surface);
      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (all_new)
        rg_bench_samples_add (raster_anew, rg_bench_now_ns () - drawn);
      else
        rg_bench_samples_add (raster, rg_bench_now_ns () - start);
      gsk_render_node_unref (node);
    }

  time_frames (plan, db, branch_id, CHANGE_NOTHING, draws, &frame);
  time_frames (plan, db, branch_id, CHANGE_ONE_CHECK, draws, &refreshed);
  plan_snapshot = GTK_WIDGET_GET_CLASS (plan)->snapshot;
  GTK_WIDGET_GET_CLASS (plan)->snapshot = timed_plan_snapshot;
  plan_snapshot_samples = in_frame;
  time_frames (plan, db, branch_id, CHANGE_EVERY_TABLE, draws, &anew);
  plan_snapshot_samples = NULL;
  GTK_WIDGET_GET_CLASS (plan)->snapshot = plan_snapshot;

  g_print ("floor plan, %u open tables, %d×%d px (%u draws, renderer %s):\n", seated, PLAN_WIDTH, PLAN_HEIGHT, draws,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  print_ms (snap, "  snapshot");
  print_ms (raster, "  snapshot + raster");
  print_ms (frame.paint, "  frame");
  print_ms (refreshed.paint, "  frame after a dish");
  print_ms (snap_anew, "  snapshot, every table anew");
  print_ms (raster_anew, "  raster, every table anew");
  print_ms (anew.paint, "  frame, every table anew");
  print_ms (in_frame, "    of which the plan's snapshot");
  rg_bench_samples_free (frame.paint);
  rg_bench_samples_free (refreshed.paint);
  rg_bench_samples_free (anew.paint);
  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (100);
  g_clear_pointer (&db, rg_db_close);
  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ main */

int
main (int    argc,
      char **argv)
{
  gint taps = 200;
  gint draws = 300;
  GOptionEntry entries[] = {
    { "taps", 0, 0, G_OPTION_ARG_INT, &taps, "Dishes tapped (200)", "N" },
    { "draws", 0, 0, G_OPTION_ARG_INT, &draws, "Redraws of the floor plan (300)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— a tap to the committed line, the floor redrawn");
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autofree gchar *dir = NULL;
  g_autofree gchar *path = NULL;
  const RgDemoOptions options = { .guests = 400, .days = 60, .branches = 1, .seed = 7, .last_day = "2026-11-20" };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || taps <= 0 || draws <= 0)
    {
      g_printerr ("usage: bench-ui-waiter [--taps N] [--draws N]%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return 2;
    }
  /* The renderer the app would choose on this machine (app/regulars/main.c). */
  rg_renderer_choose (RG_RENDERER_DRI_DIR);
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run\n");
      return 2;
    }
  app = adw_application_new ("org.regulars.Regulars", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_hold (G_APPLICATION (app));

  dir = g_dir_make_tmp ("bench-waiter-XXXXXX", NULL);
  path = g_build_filename (dir, "demo.db", NULL);
  {
    g_autoptr(RgDb) db = rg_db_open (path, &error);

    if (db == NULL || !rg_demo_generate (db, &options, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return 3;
      }
  }
  bench_tap (path, (guint) taps);
  bench_floor ((guint) draws);
  g_application_release (G_APPLICATION (app));
  {
    g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
    g_autofree gchar *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
  return 0;
}
