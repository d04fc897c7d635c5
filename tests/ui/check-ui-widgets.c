/* check-ui-widgets.c — the digit pad, the scanner detector and the floor
 * plan, each on its own, driven like a host would.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rg-branch.h"
#include "rg-digit-pad.h"
#include "rg-floor-plan.h"
#include "rg-floor.h"
#include "rg-scan-detector.h"
#include "rg-ui-test-util.h"

/* ------------------------------------------------------------- digit pad */

static void
on_pad_submit_cb (RgDigitPad *pad,
                  guint      *count)
{
  (*count)++;
}

START_TEST (test_digit_pad_types_into_its_target)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *pad = rg_digit_pad_new ();
  guint submitted = 0;

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), pad);
  gtk_window_set_child (GTK_WINDOW (window), box);
  rg_digit_pad_set_target (RG_DIGIT_PAD (pad), GTK_EDITABLE (entry));
  g_signal_connect (pad, "submit", G_CALLBACK (on_pad_submit_cb), &submitted);
  gtk_window_present (GTK_WINDOW (window));
  rg_ui_test_run_for (200);

  for (const gchar *d = "8000"; *d != '\0'; d++)
    {
      gchar key[2] = { *d, '\0' };

      rg_ui_test_tap (rg_ui_test_find_button (pad, key));
    }
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "8000");

  /* Backspace takes the digit before the cursor. */
  rg_ui_test_tap (rg_ui_test_find_button (pad, "9"));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "80009");
  {
    GtkWidget *child;

    for (child = gtk_widget_get_first_child (pad); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "edit-clear-symbolic") == 0)
        break;
    ck_assert_ptr_nonnull (child);
    rg_ui_test_tap (GTK_BUTTON (child));
  }
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "8000");

  rg_ui_test_tap (rg_ui_test_find_button (pad, "Look Up"));
  ck_assert_uint_eq (submitted, 1);
  rg_ui_test_tap (rg_ui_test_find_button (pad, "Clear"));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "");

  /* Touch targets: every key at least 44 px each way. */
  for (GtkWidget *child = gtk_widget_get_first_child (pad); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ck_assert_int_ge (gtk_widget_get_width (child), 44);
      ck_assert_int_ge (gtk_widget_get_height (child), 44);
      /* The keys never take the focus from the field. */
      ck_assert (!gtk_widget_get_focusable (child));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* --------------------------------------------------------- scan detector */

typedef struct
{
  guint  count;
  gchar *code;
} Scans;

static void
on_scanned_cb (RgScanDetector *detector,
               const gchar    *code,
               Scans          *scans)
{
  scans->count++;
  g_free (scans->code);
  scans->code = g_strdup (code);
}

static void
feed (RgScanDetector *detector,
      const gchar    *text,
      guint32         start_ms,
      guint32         gap_ms)
{
  for (guint i = 0; text[i] != '\0'; i++)
    rg_scan_detector_feed_char (detector, start_ms + i * gap_ms, (gunichar) text[i]);
}

START_TEST (test_scan_detector_tells_bursts_from_typing)
{
  g_autoptr(RgScanDetector) detector = rg_scan_detector_new ();
  Scans scans = { 0, NULL };

  g_signal_connect (detector, "scanned", G_CALLBACK (on_scanned_cb), &scans);

  /* A scanner: 12 digits 8 ms apart, Enter 8 ms later. */
  feed (detector, "850950369841", 1000, 8);
  ck_assert (rg_scan_detector_feed_enter (detector, 1000 + 12 * 8));
  ck_assert_uint_eq (scans.count, 1);
  ck_assert_str_eq (scans.code, "850950369841");

  /* A person: 120 ms between keys. */
  feed (detector, "13800138000", 5000, 120);
  ck_assert (!rg_scan_detector_feed_enter (detector, 5000 + 11 * 120));
  ck_assert_uint_eq (scans.count, 1);

  /* Too short a burst (a fast pair of keys, then Enter). */
  feed (detector, "12", 9000, 5);
  ck_assert (!rg_scan_detector_feed_enter (detector, 9010));

  /* A burst, then a pause before Enter: a person pressing Enter. */
  feed (detector, "850950369841", 12000, 5);
  ck_assert (!rg_scan_detector_feed_enter (detector, 12000 + 12 * 5 + 400));

  /* Slow typing, then a burst: only the burst is the code. */
  feed (detector, "abc", 20000, 200);
  feed (detector, "850960369872", 21000, 6);
  ck_assert (rg_scan_detector_feed_enter (detector, 21000 + 12 * 6));
  ck_assert_uint_eq (scans.count, 2);
  ck_assert_str_eq (scans.code, "850960369872");
  g_free (scans.code);
}
END_TEST

START_TEST (test_scan_detector_sees_real_keystrokes)
{
  g_autoptr(RgScanDetector) detector = rg_scan_detector_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *entry = gtk_entry_new ();
  Scans scans = { 0, NULL };

  gtk_window_set_child (GTK_WINDOW (window), entry);
  rg_scan_detector_attach (detector, window);
  g_signal_connect (detector, "scanned", G_CALLBACK (on_scanned_cb), &scans);
  gtk_window_present (GTK_WINDOW (window));
  rg_ui_test_run_for (300);
  gtk_widget_grab_focus (entry);

  /* xdotool types through the X server, like a keyboard-wedge scanner.  A
   * loaded machine can stall xdotool past the gap: try up to three times. */
  for (guint tries = 0; tries < 3 && scans.count == 0; tries++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      rg_ui_test_xdotool (GTK_WINDOW (window),
                          (const gchar *[]) { "key", "--delay", "2", "8", "5", "0", "9", "5", "0", "3", "6", "9", "8", "4", "1", "Return", NULL });
      rg_ui_test_run_for (300);
    }
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "850950369841");
  ck_assert_uint_eq (scans.count, 1);
  ck_assert_str_eq (scans.code, "850950369841");

  /* The same digits typed at a person's pace are not a scan. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  rg_ui_test_xdotool (GTK_WINDOW (window),
                      (const gchar *[]) { "key", "--delay", "90", "8", "5", "0", "9", "5", "0", "3", "Return", NULL });
  rg_ui_test_run_for (300);
  ck_assert_uint_eq (scans.count, 1);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "8509503");

  g_free (scans.code);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ------------------------------------------------------------ floor plan */

static void
on_table_activated_cb (RgFloorPlan *plan,
                       const gchar *table_id,
                       gchar      **activated)
{
  g_free (*activated);
  *activated = g_strdup (table_id);
}

START_TEST (test_floor_plan_draws_to_scale_and_picks_by_tap)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = rg_branch_get_current (t->db, &error);
  g_autoptr(GListModel) tables = NULL;
  g_autoptr(GListModel) suggestions = NULL;
  g_autoptr(RgTableSuggestion) best = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *plan = rg_floor_plan_new ();
  g_autofree gchar *activated = NULL;
  g_autofree gchar *path = NULL;
  gdouble scale_x = -1, scale_y = -1;
  graphene_rect_t r;
  guint n;

  ck_assert_no_error (error);
  tables = rg_floor_list_tables (t->db, rg_branch_get_id (branch), &error);
  ck_assert_no_error (error);
  n = g_list_model_get_n_items (tables);
  ck_assert_uint_gt (n, 3);
  suggestions = rg_floor_suggest_tables (t->db, rg_branch_get_id (branch), 4, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (g_list_model_get_n_items (suggestions), 0);

  rg_floor_plan_set_tables (RG_FLOOR_PLAN (plan), tables);
  rg_floor_plan_set_suggestions (RG_FLOOR_PLAN (plan), suggestions);
  g_signal_connect (plan, "table-activated", G_CALLBACK (on_table_activated_cb), &activated);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), plan);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  rg_ui_test_run_for (400);

  /* To scale: one pixels-per-metre for every table, in both directions;
   * and big enough to tap. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDiningTable) table = g_list_model_get_item (tables, i);

      ck_assert (rg_floor_plan_get_table_bounds (RG_FLOOR_PLAN (plan), rg_dining_table_get_id (table), &r));
      if (scale_x < 0)
        {
          scale_x = r.size.width / rg_dining_table_get_width (table);
          scale_y = r.size.height / rg_dining_table_get_height (table);
        }
      ck_assert_double_eq_tol (r.size.width / rg_dining_table_get_width (table), scale_x, 0.01);
      ck_assert_double_eq_tol (r.size.height / rg_dining_table_get_height (table), scale_y, 0.01);
      ck_assert_double_ge (MIN (r.size.width, r.size.height), 44.0 - 0.01);
    }
  ck_assert_double_eq_tol (scale_x, scale_y, 0.01);

  /* The suggested tables are numbered by rank. */
  best = g_list_model_get_item (suggestions, 0);
  ck_assert_uint_eq (rg_floor_plan_get_rank (RG_FLOOR_PLAN (plan),
                                             rg_dining_table_get_id (rg_table_suggestion_get_table (best))), 1);

  /* A real click in the middle of the best table picks it. */
  ck_assert (rg_floor_plan_get_table_bounds (RG_FLOOR_PLAN (plan),
                                             rg_dining_table_get_id (rg_table_suggestion_get_table (best)), &r));
  {
    graphene_point_t p;
    g_autofree gchar *x = NULL;
    g_autofree gchar *y = NULL;

    ck_assert (gtk_widget_compute_point (plan, GTK_WIDGET (window),
                                         &GRAPHENE_POINT_INIT (r.origin.x + r.size.width / 2,
                                                               r.origin.y + r.size.height / 2), &p));
    ck_assert_double_lt (p.y, 700);
    x = g_strdup_printf ("%d", (gint) p.x);
    y = g_strdup_printf ("%d", (gint) p.y);
    rg_ui_test_xdotool (GTK_WINDOW (window),
                        (const gchar *[]) { "mousemove", "--window", "XID", x, y, "click", "1", NULL });
  }
  rg_ui_test_run_for (300);
  ck_assert_ptr_nonnull (activated);
  ck_assert_str_eq (activated, rg_dining_table_get_id (rg_table_suggestion_get_table (best)));
  ck_assert_str_eq (rg_floor_plan_get_selected_id (RG_FLOOR_PLAN (plan)), activated);

  path = rg_ui_test_screenshot (window, "floor-plan-widget");
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
widgets_suite (void)
{
  Suite *s = suite_create ("ui-widgets");
  TCase *tc;

  tc = tcase_create ("digit pad");
  tcase_add_test (tc, test_digit_pad_types_into_its_target);
  suite_add_tcase (s, tc);

  tc = tcase_create ("scan detector");
  tcase_add_test (tc, test_scan_detector_tells_bursts_from_typing);
  tcase_add_test (tc, test_scan_detector_sees_real_keystrokes);
  suite_add_tcase (s, tc);

  tc = tcase_create ("floor plan");
  tcase_add_test (tc, test_floor_plan_draws_to_scale_and_picks_by_tap);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr(AdwApplication) app = rg_ui_test_init ();
  int status = rg_test_run (widgets_suite ());

  g_application_release (G_APPLICATION (app));
  return status;
}
