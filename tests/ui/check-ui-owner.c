/* check-ui-owner.c — the owner's dashboard under Xvfb: every chart shows
 * the numbers rg_report_run() gives for the same range (the value under a
 * point, on hover and on a tap), a new range redraws them, a waiter cannot
 * open it and is told why, opening it or changing its range is one audit
 * row, and the CSV and PDF exports are checked against
 * regulars-cli and the A4 page size; screenshots at 1280×800 and 800×1280.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rg-auth.h"
#include "rg-branch.h"
#include "rg-chart-bars.h"
#include "rg-chart-heatmap.h"
#include "rg-chart-lines.h"
#include "rg-chart-pyramid.h"
#include "rg-owner-page.h"
#include "rg-owner-table.h"
#include "rg-ui-test-util.h"

#define WAIT_MS   20000
#define FIRST_DAY "2026-09-01"
#define LAST_DAY  "2026-11-20"   /* the demo's last day */
#define OWNER     "Ann Owner"
#define OWNER_PIN "4711"

/* --------------------------------------------------------------- helpers */

static gchar *
add_owner (RgDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) owner = rg_auth_add_staff (db, NULL, OWNER, RG_ROLE_OWNER, OWNER_PIN, &error);

  ck_assert_no_error (error);
  return g_strdup (rg_staff_get_id (owner));
}

static gboolean
loaded (gpointer data)
{
  RgOwnerPage *page = data;

  return !rg_owner_page_is_loading (page);
}

/* Opens the dashboard of @window as its signed-in staff member would. */
static RgOwnerPage *
open_dashboard (RgWindow *window)
{
  RgOwnerPage *page = RG_OWNER_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_OWNER_PAGE, NULL));

  ck_assert_ptr_nonnull (page);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reports", NULL);
  rg_ui_test_run_for (50);
  return page;
}

static void
wait_loaded (RgOwnerPage *page)
{
  ck_assert_msg (rg_ui_test_wait_until (loaded, page, WAIT_MS), "the reports did not come in %d ms", WAIT_MS);
  rg_ui_test_run_for (200);
  ck_assert_msg (rg_owner_page_get_error (page) == NULL, "the dashboard says: %s", rg_owner_page_get_error (page));
}

/* The same report, made here as the owner. */
static RgReport *
expected_report (RgDb         *db,
                 const gchar  *owner_id,
                 RgReportKind  kind,
                 RgOwnerPage  *page,
                 gboolean      by_profit)
{
  g_autoptr(GError) error = NULL;
  RgReportQuery query = {
    .staff_id = owner_id,
    .from = rg_owner_page_get_from (page),
    .to = rg_owner_page_get_to (page),
    .branch_id = rg_owner_page_get_branch_id (page),
    .by_profit = by_profit,
  };
  RgReport *report = rg_report_run (db, kind, &query, &error);

  ck_assert_no_error (error);
  return report;
}

/* The row of @section with the largest @measure. */
static RgReportRow *
dup_max_row (RgReport    *report,
             const gchar *section,
             RgMeasure    measure)
{
  GListModel *rows = rg_report_get_section (report, section);
  RgReportRow *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);

      if (best == NULL || rg_report_row_get_value (row, measure) > rg_report_row_get_value (best, measure))
        g_set_object (&best, row);
    }
  ck_assert_ptr_nonnull (best);
  return best;
}

static gdouble
section_sum (RgReport    *report,
             const gchar *section,
             RgMeasure    measure)
{
  GListModel *rows = rg_report_get_section (report, section);
  gdouble sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);

      sum += rg_report_row_get_value (row, measure);
    }
  return sum;
}

static gdouble
chart_sum (RgChart *chart)
{
  gdouble sum = 0;

  for (guint i = 0; i < rg_chart_get_n_points (chart); i++)
    sum += rg_chart_get_value (chart, i);
  return sum;
}

/* What a hover and a tap at (@x, @y) of @chart show must be @row's @value. */
static void
assert_point (RgChart     *chart,
              gdouble      x,
              gdouble      y,
              const gchar *key,
              gdouble      value)
{
  gint index = rg_chart_index_at (chart, x, y);
  g_autofree gchar *text = NULL;

  ck_assert_int_ge (index, 0);
  ck_assert_str_eq (rg_report_row_get_key (rg_chart_get_row (chart, (guint) index)), key);
  ck_assert_double_eq_tol (rg_chart_get_value (chart, (guint) index), value, 1e-6);
  ck_assert (rg_chart_show_point_at (chart, x, y));
  text = rg_chart_dup_point_text (chart, (guint) index);
  ck_assert_str_eq (rg_chart_get_shown_text (chart), text);
  ck_assert_int_eq (rg_chart_get_highlight (chart), index);
}

static gchar *
read_file (const gchar *path)
{
  g_autoptr(GError) error = NULL;
  gchar *text = NULL;

  ck_assert (g_file_get_contents (path, &text, NULL, &error));
  ck_assert_no_error (error);
  return text;
}

/* The table under @root headed @title: the heading is the label before
 * the card that scrolls the table. */
static GtkColumnView *
find_table (GtkWidget   *root,
            const gchar *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found;

      if (GTK_IS_COLUMN_VIEW (child))
        {
          GtkWidget *card = gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW);
          GtkWidget *heading = card != NULL ? gtk_widget_get_prev_sibling (card) : NULL;

          if (GTK_IS_LABEL (heading) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (heading)), title) == 0)
            return GTK_COLUMN_VIEW (child);
        }
      found = find_table (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The titles of @view's columns, "|"-separated. */
static gchar *
dup_column_titles (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", gtk_column_view_column_get_title (column));
    }
  return g_strdup (titles->str);
}

/* The busiest slots' table shows how each moved against the period
 * before, as @peak has it: places for the rank ("new" for a slot without
 * guests then), percent for the covers.  Returns how many had a rank then. */
static guint
assert_busiest_moves (RgOwnerPage *page,
                      RgReport    *peak)
{
  GtkColumnView *table = find_table (GTK_WIDGET (page), "Busiest Slots");
  static const RgOwnerTableSpec spec = {
    RG_REPORT_PEAK, "busiest", "Busiest Slots", NULL,
    { RG_MEASURE_RANK, RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE }, 4,
    { RG_MEASURE_RANK, RG_MEASURE_COVERS }, 2,
  };
  GListModel *slots = rg_report_get_section (peak, "busiest");
  g_autofree gchar *titles = NULL;
  guint ranked = 0;

  ck_assert_ptr_nonnull (table);
  titles = dup_column_titles (table);
  ck_assert_str_eq (titles, "Name|Rank|Moved|Visits|Covers|±%|Revenue");
  ck_assert_uint_gt (g_list_model_get_n_items (slots), 0);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))),
                     g_list_model_get_n_items (slots));
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(RgReportRow) slot = g_list_model_get_item (slots, i);
      g_autoptr(RgReportRow) shown = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), i);
      gdouble was = rg_report_row_get_previous (slot, RG_MEASURE_RANK);
      gdouble now = rg_report_row_get_value (slot, RG_MEASURE_RANK);
      gdouble change = rg_report_row_get_change_pct (slot, RG_MEASURE_COVERS);
      g_autofree gchar *moved = rg_owner_table_dup_cell (&spec, shown, 2);
      g_autofree gchar *covers = rg_owner_table_dup_cell (&spec, shown, 5);
      g_autofree gchar *expected = isnan (was) ? g_strdup ("new")
                                   : was > now ? g_strdup_printf ("↑ %.0f", was - now)
                                   : was < now ? g_strdup_printf ("↓ %.0f", now - was) : g_strdup ("same");
      g_autofree gchar *expected_pct = isnan (change) ? g_strdup ("") : g_strdup_printf ("%+.1f%%", change);

      ck_assert_str_eq (rg_report_row_get_key (shown), rg_report_row_get_key (slot));
      ck_assert_str_eq (moved, expected);
      ck_assert_str_eq (covers, expected_pct);
      ck_assert (isnan (was) == (rg_report_row_get_previous (slot, RG_MEASURE_COVERS) == 0));
      ranked += !isnan (was);
    }
  return ranked;
}

/* --------------------------------------------------------------- charts */

START_TEST (test_charts_show_the_report)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *owner_id = add_owner (t->db);
  RgWindow *window = rg_ui_test_window_new (t->db, 1280, 800);
  g_autoptr(GError) error = NULL;
  RgOwnerPage *page;
  RgChart *chart;
  gdouble x, y;

  rg_session_set_staff_id (rg_window_get_session (window), owner_id);
  page = open_dashboard (window);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (page)));
  ck_assert (rg_owner_page_set_days (page, FIRST_DAY, LAST_DAY, &error));
  ck_assert_no_error (error);
  wait_loaded (page);

  /* Peak: the busiest cell by covers, then by revenue. */
  {
    g_autoptr(RgReport) peak = expected_report (t->db, owner_id, RG_REPORT_PEAK, page, FALSE);
    g_autoptr(RgReportRow) busiest = dup_max_row (peak, "heatmap", RG_MEASURE_COVERS);

    chart = rg_owner_page_get_chart (page, RG_REPORT_PEAK);
    ck_assert_uint_eq (rg_chart_get_n_points (chart), 7 * 24);
    ck_assert_int_eq (rg_chart_get_measure (chart), RG_MEASURE_COVERS);
    ck_assert_double_eq_tol (chart_sum (chart), section_sum (peak, "heatmap", RG_MEASURE_COVERS), 1e-6);
    ck_assert (rg_chart_heatmap_get_cell_center (RG_CHART_HEATMAP (chart),
                                                 (guint) rg_report_row_get_value (busiest, RG_MEASURE_WEEKDAY),
                                                 (guint) rg_report_row_get_value (busiest, RG_MEASURE_HOUR), &x, &y));
    assert_point (chart, x, y, rg_report_row_get_key (busiest), rg_report_row_get_value (busiest, RG_MEASURE_COVERS));
    g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-peak-landscape"));

    /* The first weeks of the demo: every busy slot is new. */
    ck_assert_uint_eq (assert_busiest_moves (page, peak), 0);
  }

  /* Dishes: the first bar is the best seller by revenue. */
  {
    g_autoptr(RgReport) dishes = expected_report (t->db, owner_id, RG_REPORT_DISHES, page, FALSE);
    g_autoptr(RgReportRow) top = dup_max_row (dishes, "items", RG_MEASURE_REVENUE);

    rg_owner_page_show_report (page, RG_REPORT_DISHES);
    rg_ui_test_run_for (300);
    chart = rg_owner_page_get_chart (page, RG_REPORT_DISHES);
    ck_assert (rg_chart_bars_get_bar_center (RG_CHART_BARS (chart), 0, &x, &y));
    assert_point (chart, x, y, rg_report_row_get_key (top), rg_report_row_get_value (top, RG_MEASURE_REVENUE));
    g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-dishes-landscape"));
  }

  /* Guests: the top 1% by spend, then by profit. */
  {
    g_autoptr(RgReport) tiers = expected_report (t->db, owner_id, RG_REPORT_TIERS, page, FALSE);
    g_autoptr(RgReport) profit = expected_report (t->db, owner_id, RG_REPORT_TIERS, page, TRUE);
    g_autoptr(RgReportRow) first = g_list_model_get_item (rg_report_get_section (tiers, "tiers"), 0);
    g_autoptr(RgReportRow) first_profit = g_list_model_get_item (rg_report_get_section (profit, "tiers"), 0);
    GtkToggleButton *by_profit;

    rg_owner_page_show_report (page, RG_REPORT_TIERS);
    rg_ui_test_run_for (300);
    chart = rg_owner_page_get_chart (page, RG_REPORT_TIERS);
    ck_assert_uint_eq (rg_chart_get_n_points (chart), 4);
    ck_assert (rg_chart_pyramid_get_tier_center (RG_CHART_PYRAMID (chart), 0, &x, &y));
    assert_point (chart, x, y, "top1", rg_report_row_get_value (first, RG_MEASURE_REVENUE));
    g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-guests-landscape"));

    by_profit = GTK_TOGGLE_BUTTON (rg_ui_test_find_button (GTK_WIDGET (page), "By Profit"));
    ck_assert_ptr_nonnull (by_profit);
    gtk_toggle_button_set_active (by_profit, TRUE);
    rg_ui_test_run_for (100);
    ck_assert_int_eq (rg_chart_get_measure (chart), RG_MEASURE_MARGIN);
    ck_assert (rg_chart_pyramid_get_tier_center (RG_CHART_PYRAMID (chart), 0, &x, &y));
    assert_point (chart, x, y, "top1", rg_report_row_get_value (first_profit, RG_MEASURE_MARGIN));
  }

  /* Revenue: the first day, with the same day a year before dashed. */
  {
    g_autoptr(RgReport) revenue = expected_report (t->db, owner_id, RG_REPORT_REVENUE, page, FALSE);
    g_autoptr(RgReportRow) day = g_list_model_get_item (rg_report_get_section (revenue, "days"), 0);
    GtkToggleButton *weeks;

    rg_owner_page_show_report (page, RG_REPORT_REVENUE);
    rg_ui_test_run_for (300);
    chart = rg_owner_page_get_chart (page, RG_REPORT_REVENUE);
    ck_assert_uint_eq (rg_chart_get_n_points (chart), g_list_model_get_n_items (rg_report_get_section (revenue, "days")));
    ck_assert (rg_chart_lines_get_point_center (RG_CHART_LINES (chart), 0, &x, &y));
    assert_point (chart, x, y, FIRST_DAY, rg_report_row_get_value (day, RG_MEASURE_REVENUE));
    g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-revenue-landscape"));

    weeks = GTK_TOGGLE_BUTTON (rg_ui_test_find_button (GTK_WIDGET (page), "Weeks"));
    gtk_toggle_button_set_active (weeks, TRUE);
    rg_ui_test_run_for (100);
    ck_assert_uint_eq (rg_chart_get_n_points (chart), g_list_model_get_n_items (rg_report_get_section (revenue, "weeks")));
    ck_assert_double_eq_tol (chart_sum (chart), section_sum (revenue, "weeks", RG_MEASURE_REVENUE), 1e-6);
  }

  /* Segments, service and feedback have their charts too. */
  rg_owner_page_show_report (page, RG_REPORT_RFM);
  rg_ui_test_run_for (300);
  ck_assert_uint_gt (rg_chart_get_n_points (rg_owner_page_get_chart (page, RG_REPORT_RFM)), 0);
  g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-segments-landscape"));
  rg_owner_page_show_report (page, RG_REPORT_FEEDBACK);
  rg_ui_test_run_for (300);
  g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-feedback-landscape"));
  rg_owner_page_show_report (page, RG_REPORT_SERVICE);
  rg_ui_test_run_for (300);
  g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-service-landscape"));
  ck_assert_uint_gt (rg_chart_get_n_points (rg_owner_page_get_chart (page, RG_REPORT_SERVICE)), 0);

  /* The dark style: the charts take their colours from it. */
  rg_owner_page_show_report (page, RG_REPORT_PEAK);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rg_ui_test_run_for (300);
  g_free (rg_ui_test_screenshot (GTK_WIDGET (window), "owner-peak-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_range_change_redraws)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *owner_id = add_owner (t->db);
  RgWindow *window = rg_ui_test_window_new (t->db, 1280, 800);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReport) wide = NULL;
  g_autoptr(RgReport) narrow = NULL;
  RgOwnerPage *page;
  RgChart *chart;
  gdouble before;

  rg_session_set_staff_id (rg_window_get_session (window), owner_id);
  page = open_dashboard (window);
  ck_assert (rg_owner_page_set_days (page, FIRST_DAY, LAST_DAY, &error));
  wait_loaded (page);
  chart = rg_owner_page_get_chart (page, RG_REPORT_PEAK);
  wide = expected_report (t->db, owner_id, RG_REPORT_PEAK, page, FALSE);
  before = chart_sum (chart);
  ck_assert_double_eq_tol (before, section_sum (wide, "heatmap", RG_MEASURE_COVERS), 1e-6);

  /* The last week of the demo only. */
  ck_assert (rg_owner_page_set_days (page, "2026-11-14", LAST_DAY, &error));
  ck_assert_no_error (error);
  wait_loaded (page);
  ck_assert_str_eq (rg_owner_page_get_from (page), "2026-11-14");
  narrow = expected_report (t->db, owner_id, RG_REPORT_PEAK, page, FALSE);
  ck_assert_double_eq_tol (chart_sum (chart), section_sum (narrow, "heatmap", RG_MEASURE_COVERS), 1e-6);
  /* The week before had guests: slots moved up and down. */
  ck_assert_uint_gt (assert_busiest_moves (page, narrow), 0);
  ck_assert (chart_sum (chart) < before);
  ck_assert (chart_sum (chart) > 0);

  /* A preset sets the two days itself: last month, the 1st to its end. */
  rg_owner_page_set_range (page, RG_OWNER_RANGE_LAST_MONTH);
  wait_loaded (page);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) end = g_date_time_add_days (now, -g_date_time_get_day_of_month (now));
    g_autofree gchar *last = g_date_time_format (end, "%Y-%m-%d");
    g_autofree gchar *first = g_date_time_format (end, "%Y-%m-01");

    ck_assert_str_eq (rg_owner_page_get_from (page), first);
    ck_assert_str_eq (rg_owner_page_get_to (page), last);
  }

  /* One branch of two: the new one has no visits yet. */
  {
    g_autoptr(RgBranch) branch = rg_branch_add (t->db, "Harbour", "Asia/Shanghai", &error);
    g_autoptr(RgReport) mine = NULL;
    GtkDropDown *picker;

    ck_assert_no_error (error);
    ck_assert (rg_owner_page_set_days (page, FIRST_DAY, LAST_DAY, &error));
    wait_loaded (page);
    rg_owner_page_open (page);
    wait_loaded (page);
    picker = GTK_DROP_DOWN (rg_ui_test_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, "branch-picker"));
    ck_assert_ptr_nonnull (picker);
    ck_assert (gtk_widget_get_visible (GTK_WIDGET (picker)));
    ck_assert_uint_eq (g_list_model_get_n_items (gtk_drop_down_get_model (picker)), 3);
    for (guint i = 1; i < 3; i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (picker)), i),
                     "Harbour") == 0)
        gtk_drop_down_set_selected (picker, i);
    wait_loaded (page);
    ck_assert_str_eq (rg_owner_page_get_branch_id (page), rg_branch_get_id (branch));
    mine = expected_report (t->db, owner_id, RG_REPORT_PEAK, page, FALSE);
    ck_assert_double_eq_tol (chart_sum (chart), section_sum (mine, "heatmap", RG_MEASURE_COVERS), 1e-6);
    ck_assert_double_eq_tol (chart_sum (chart), 0, 1e-6);
    gtk_drop_down_set_selected (picker, 0);
    wait_loaded (page);
    ck_assert_ptr_null (rg_owner_page_get_branch_id (page));
    ck_assert_double_eq_tol (chart_sum (chart), before, 1e-6);
  }

  /* A day that is not one is refused and changes nothing. */
  ck_assert (!rg_owner_page_set_days (page, "2026-02-30", LAST_DAY, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_owner_page_set_days (page, LAST_DAY, FIRST_DAY, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_str_ne (rg_owner_page_get_from (page), LAST_DAY);

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* The page alone on a portrait tablet: its tabs put the tables under the
 * charts.  (In the whole window the narrowest width is also set by the
 * other pages of its stack.) */
START_TEST (test_portrait)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *owner_id = add_owner (t->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = rg_session_new (rg_db_open (t->path, &error), NULL, owner_id);
  RgOwnerPage *page = g_object_new (RG_TYPE_OWNER_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkOrientable *tab;

  ck_assert_no_error (error);
  rg_owner_page_set_session (page, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 1280);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  rg_ui_test_run_for (300);
  ck_assert_int_eq (gtk_widget_get_width (window), 800);
  rg_owner_page_open (page);
  ck_assert (rg_owner_page_set_days (page, FIRST_DAY, LAST_DAY, &error));
  wait_loaded (page);
  ck_assert_uint_gt (rg_chart_get_n_points (rg_owner_page_get_chart (page, RG_REPORT_PEAK)), 0);
  tab = GTK_ORIENTABLE (gtk_widget_get_ancestor (GTK_WIDGET (rg_owner_page_get_chart (page, RG_REPORT_PEAK)),
                                                 GTK_TYPE_BOX));
  tab = GTK_ORIENTABLE (gtk_widget_get_parent (GTK_WIDGET (tab)));
  ck_assert_int_eq (gtk_orientable_get_orientation (tab), GTK_ORIENTATION_VERTICAL);
  g_free (rg_ui_test_screenshot (window, "owner-peak-portrait"));
  rg_owner_page_show_report (page, RG_REPORT_DISHES);
  rg_ui_test_run_for (300);
  g_free (rg_ui_test_screenshot (window, "owner-dishes-portrait"));
  rg_owner_page_show_report (page, RG_REPORT_TIERS);
  rg_ui_test_run_for (300);
  g_free (rg_ui_test_screenshot (window, "owner-guests-portrait"));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ----------------------------------------------------------- permission */

START_TEST (test_waiter_cannot_open)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *waiter_id = rg_ui_test_query_text (t->db, "SELECT id FROM staff WHERE role = 'waiter' LIMIT 1");
  RgWindow *window = rg_ui_test_window_new (t->db, 1280, 800);
  GtkWidget *button = rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "reports-button");
  GtkStack *stack = GTK_STACK (rg_ui_test_find (GTK_WIDGET (window), GTK_TYPE_STACK, NULL));
  RgOwnerPage *page;

  ck_assert_ptr_nonnull (button);
  rg_session_set_staff_id (rg_window_get_session (window), waiter_id);
  rg_ui_test_run_for (50);
  ck_assert (!gtk_widget_get_visible (button));
  page = open_dashboard (window);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "work");
  ck_assert_ptr_null (rg_owner_page_get_report (page, RG_REPORT_PEAK));

  /* Even opened by other means, the core refuses and the page says so. */
  rg_owner_page_open (page);
  ck_assert (rg_ui_test_wait_until (loaded, page, WAIT_MS));
  rg_ui_test_run_for (100);
  ck_assert_ptr_nonnull (rg_owner_page_get_error (page));
  ck_assert_ptr_null (rg_owner_page_get_report (page, RG_REPORT_PEAK));
  ck_assert_uint_eq (rg_chart_get_n_points (rg_owner_page_get_chart (page, RG_REPORT_PEAK)), 0);

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* --------------------------------------------------------------- export */

START_TEST (test_export_csv_and_pdf)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *owner_id = add_owner (t->db);
  RgWindow *window = rg_ui_test_window_new (t->db, 1280, 800);
  g_autofree gchar *csv_path = g_build_filename (t->dir, "dishes.csv", NULL);
  g_autofree gchar *pdf_path = g_build_filename (t->dir, "dishes.pdf", NULL);
  g_autofree gchar *bad_path = g_build_filename (t->dir, "missing", "dishes.pdf", NULL);
  g_autofree gchar *csv = NULL;
  g_autofree gchar *cli_out = NULL;
  g_autofree gchar *cli_err = NULL;
  g_autofree gchar *pdf = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *cli = g_getenv ("REGULARS_CLI");
  gsize pdf_length;
  gint status, pages = 0;
  RgOwnerPage *page;

  rg_session_set_staff_id (rg_window_get_session (window), owner_id);
  page = open_dashboard (window);
  ck_assert (rg_owner_page_set_days (page, FIRST_DAY, LAST_DAY, &error));
  wait_loaded (page);
  rg_owner_page_show_report (page, RG_REPORT_DISHES);
  rg_ui_test_run_for (100);

  /* CSV: byte for byte what the command line prints. */
  ck_assert (rg_owner_page_export_csv (page, csv_path, &error));
  ck_assert_no_error (error);
  csv = read_file (csv_path);
  ck_assert_msg (cli != NULL, "REGULARS_CLI is not set");
  {
    const gchar *argv[] = {
      cli, "--db", t->path, "--staff", OWNER, "report", "dishes", "--from", FIRST_DAY, "--to", LAST_DAY,
      "--format", "csv", NULL,
    };
    g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "REGULARS_PIN", OWNER_PIN, TRUE);

    ck_assert (g_spawn_sync (NULL, (gchar **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &cli_out, &cli_err,
                             &status, &error));
    ck_assert_no_error (error);
    ck_assert_msg (g_spawn_check_wait_status (status, NULL), "regulars-cli failed: %s", cli_err);
  }
  ck_assert (g_str_has_prefix (csv, "section,key,label,group,measure,value,previous\n"));
  ck_assert_uint_gt (strlen (csv), 200);
  ck_assert_str_eq (csv, cli_out);

  /* PDF: a PDF file of A4 pages. */
  ck_assert (rg_owner_page_export_pdf (page, pdf_path, &error));
  ck_assert_no_error (error);
  ck_assert (g_file_get_contents (pdf_path, &pdf, &pdf_length, &error));
  ck_assert (g_str_has_prefix (pdf, "%PDF-1."));
  /* The file holds binary streams: search it with memmem, not strstr. */
  for (gchar *p = pdf; (p = memmem (p, pdf + pdf_length - p, "/MediaBox [ 0 0 ", 16)) != NULL; p++)
    {
      gdouble w = g_ascii_strtod (p + strlen ("/MediaBox [ 0 0 "), &p);
      gdouble h = g_ascii_strtod (p, NULL);

      ck_assert_double_eq_tol (w, 595.28, 0.5);
      ck_assert_double_eq_tol (h, 841.89, 0.5);
      pages++;
    }
  ck_assert_int_gt (pages, 0);
  ck_assert_int_ge (pages, 2);   /* the dishes table does not fit under the chart */

  /* The tables have the group column of the screen: the dishes their
   * category, in the heading and beside the top dish. */
  {
    g_autofree gchar *pdftotext = g_find_program_in_path ("pdftotext");
    g_autoptr(RgReport) dishes = expected_report (t->db, owner_id, RG_REPORT_DISHES, page, FALSE);
    g_autoptr(RgReportRow) top = g_list_model_get_item (rg_report_get_section (dishes, "items"), 0);
    const gchar *argv[] = { pdftotext, "-layout", pdf_path, "-", NULL };
    g_autofree gchar *text = NULL;
    g_autofree gchar *line = NULL;
    gchar *at;

    ck_assert_msg (pdftotext != NULL, "pdftotext (poppler-utils) is needed to read the PDF back");
    ck_assert (g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                             &status, &error));
    ck_assert_no_error (error);
    at = strstr (text, "Category");
    ck_assert_ptr_nonnull (at);
    ck_assert_ptr_nonnull (rg_report_row_get_group (top));
    /* The dish's row of the table, not its bar of the chart above. */
    at = strstr (at, rg_report_row_get_label (top));
    ck_assert_ptr_nonnull (at);
    line = g_strndup (at, strcspn (at, "\n"));
    ck_assert_msg (strstr (line, rg_report_row_get_group (top)) != NULL, "no category in \"%s\"", line);
  }

  /* A copy beside the screenshots, to look at. */
  {
    g_autofree gchar *copy = g_build_filename (g_getenv ("REGULARS_SCREENSHOT_DIR"), "owner-dishes.pdf", NULL);

    ck_assert (rg_owner_page_export_pdf (page, copy, &error));
    ck_assert_no_error (error);
  }

  /* A folder that is not there: a message, no file. */
  ck_assert (!rg_owner_page_export_pdf (page, bad_path, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_IO);
  ck_assert (!g_file_test (bad_path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* --------------------------------------------------------------- audit */

/* Opening the dashboard is one "report.view" row naming every report it
 * shows, not one per report; so is each new range and each branch. */
START_TEST (test_one_audit_row_per_view)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autofree gchar *owner_id = add_owner (t->db);
  RgWindow *window = rg_ui_test_window_new (t->db, 1280, 800);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = NULL;
  g_autofree gchar *subject = NULL;
  const gchar *views = "SELECT count (*) FROM audit_log WHERE action = 'report.view'";
  RgOwnerPage *page;
  GtkDropDown *picker;

  rg_session_set_staff_id (rg_window_get_session (window), owner_id);
  ck_assert_int_eq (rg_test_query_int (t->db, views), 0);
  page = open_dashboard (window);
  wait_loaded (page);
  ck_assert_int_eq (rg_test_query_int (t->db, views), 1);
  subject = rg_test_query_text (t->db, "SELECT subject FROM audit_log WHERE action = 'report.view'");
  for (guint k = 0; k < RG_REPORT_N_KINDS; k++)
    ck_assert_msg (strstr (subject, rg_report_kind_to_string (k)) != NULL, "%s is not in %s",
                   rg_report_kind_to_string (k), subject);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM audit_log WHERE action = 'report.view' "
                                               "AND staff_id = '%s'", owner_id), 1);

  ck_assert (rg_owner_page_set_days (page, FIRST_DAY, LAST_DAY, &error));
  ck_assert_no_error (error);
  wait_loaded (page);
  ck_assert_int_eq (rg_test_query_int (t->db, views), 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count (*) FROM audit_log WHERE action = 'report.view' "
                                              "AND detail = '" FIRST_DAY " to " LAST_DAY "'"), 1);

  /* A refused range runs nothing and logs nothing. */
  ck_assert (!rg_owner_page_set_days (page, LAST_DAY, FIRST_DAY, &error));
  g_clear_error (&error);
  rg_ui_test_run_for (100);
  ck_assert_int_eq (rg_test_query_int (t->db, views), 2);

  /* Another branch: one more. */
  branch = rg_branch_add (t->db, "Harbour", "Asia/Shanghai", &error);
  ck_assert_no_error (error);
  rg_owner_page_open (page);
  wait_loaded (page);
  ck_assert_int_eq (rg_test_query_int (t->db, views), 3);
  picker = GTK_DROP_DOWN (rg_ui_test_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, "branch-picker"));
  ck_assert_ptr_nonnull (picker);
  gtk_drop_down_set_selected (picker, 1);
  wait_loaded (page);
  ck_assert_int_eq (rg_test_query_int (t->db, views), 4);

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
owner_suite (void)
{
  Suite *s = suite_create ("ui-owner");
  TCase *tc;

  tc = tcase_create ("charts");
  tcase_add_test (tc, test_charts_show_the_report);
  tcase_add_test (tc, test_range_change_redraws);
  tcase_add_test (tc, test_portrait);
  suite_add_tcase (s, tc);

  tc = tcase_create ("permission");
  tcase_add_test (tc, test_waiter_cannot_open);
  tcase_add_test (tc, test_one_audit_row_per_view);
  suite_add_tcase (s, tc);

  tc = tcase_create ("export");
  tcase_add_test (tc, test_export_csv_and_pdf);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr(AdwApplication) app = rg_ui_test_init ();
  int status = rg_test_run (owner_suite ());

  g_application_release (G_APPLICATION (app));
  return status;
}
