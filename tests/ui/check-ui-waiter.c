/* check-ui-waiter.c — the waiter's side driven like a waiter would: open a
 * seated table from the floor, add items, meet the allergen warning and
 * confirm it, log preferences, rate the table and a dish, void a line and
 * close the check; the database is asserted after each step, with
 * screenshots at 1280×800 and 800×1280.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-auth.h"
#include "rg-close-check-dialog.h"
#include "rg-feedback-dialog.h"
#include "rg-floor.h"
#include "rg-menu.h"
#include "rg-prefs.h"
#include "rg-ui-waiter-util.h"
#include "rg-visit.h"
#include "rg-waiter-page.h"

/* What a test sets up: a known guest with an allergy seated at a table,
 * a dish with that allergen, a safe dish and a dish that is off today. */
typedef struct
{
  gchar *guest_id;
  gchar *table_id;
  gchar *visit_id;
  gchar *allergen;
  gchar *risky_id;
  gchar *safe_id;
  gchar *off_id;
} Scene;

static void
scene_clear (Scene *scene)
{
  g_free (scene->guest_id);
  g_free (scene->table_id);
  g_free (scene->visit_id);
  g_free (scene->allergen);
  g_free (scene->risky_id);
  g_free (scene->safe_id);
  g_free (scene->off_id);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scene, scene_clear)

static void
set_scene (RgDb  *db,
           Scene *scene)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = rg_menu_list (db, NULL, &error);
  g_autoptr(RgVisit) visit = NULL;
  g_autofree gchar *branch_id = rg_ui_test_query_text (db, "SELECT id FROM branch WHERE deleted = 0 ORDER BY name LIMIT 1");
  g_autofree gchar *allergy_id = NULL;
  g_autofree gchar *sql = NULL;
  g_autofree gchar *manager_id = rg_ui_test_query_text (db, "SELECT id FROM staff WHERE active = 1 AND deleted = 0"
                                                            " AND role IN ('manager', 'owner') ORDER BY name LIMIT 1");
  RgSeating seating = { 0 };

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgMenuItem) item = g_list_model_get_item (items, i);
      const gchar * const *allergens = rg_menu_item_get_allergens (item);

      if (!rg_menu_item_get_available (item))
        continue;
      if (scene->risky_id == NULL && allergens[0] != NULL)
        {
          scene->risky_id = g_strdup (rg_menu_item_get_id (item));
          scene->allergen = g_strdup (allergens[0]);
        }
      else if (scene->safe_id == NULL && allergens[0] == NULL)
        scene->safe_id = g_strdup (rg_menu_item_get_id (item));
      else if (scene->off_id == NULL && allergens[0] == NULL)
        scene->off_id = g_strdup (rg_menu_item_get_id (item));
    }
  ck_assert_ptr_nonnull (scene->risky_id);
  ck_assert_ptr_nonnull (scene->safe_id);
  ck_assert_ptr_nonnull (scene->off_id);
  ck_assert (rg_menu_set_available (db, manager_id, scene->off_id, FALSE, &error));
  ck_assert_no_error (error);

  /* A regular with no allergy yet, given one the menu can trigger. */
  scene->guest_id = rg_ui_test_query_text (db,
    "SELECT g.id FROM guest g JOIN local_guest_stats s ON s.guest_id = g.id"
    " WHERE g.deleted = 0 AND g.merged_into IS NULL"
    "   AND NOT EXISTS (SELECT 1 FROM guest_allergy a WHERE a.guest_id = g.id AND a.deleted = 0)"
    " ORDER BY s.visit_count DESC, g.id LIMIT 1");
  allergy_id = rg_prefs_add_allergy (db, scene->guest_id, scene->allergen, "severe", NULL, &error);
  ck_assert_no_error (error);

  sql = g_strdup_printf ("SELECT id FROM dining_table WHERE branch_id = '%s' AND deleted = 0"
                         " AND status = 'free' AND seats >= 3 ORDER BY name LIMIT 1", branch_id);
  scene->table_id = rg_ui_test_query_text (db, sql);
  seating.branch_id = branch_id;
  seating.table_id = scene->table_id;
  seating.guest_id = scene->guest_id;
  seating.party_size = 3;
  visit = rg_visit_seat (db, &seating, &error);
  ck_assert_no_error (error);
  scene->visit_id = g_strdup (rg_visit_get_id (visit));
}

/* The window signs in the first staff member by name: give them @role. */
static void
set_first_staff_role (RgDb        *db,
                      const gchar *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *sql = g_strdup_printf ("UPDATE staff SET role = '%s' WHERE id ="
                                           " (SELECT id FROM staff ORDER BY name LIMIT 1)", role);

  ck_assert (rg_db_exec (db, sql, &error));
  ck_assert_no_error (error);
}

static RgWaiterPage *
open_tables (RgWindow *window)
{
  RgWaiterPage *page = RG_WAITER_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_WAITER_PAGE, NULL));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.tables", NULL));
  rg_ui_test_run_for (300);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (page)));
  return page;
}

/* What a tap on a menu row does, and a moment for the sheet to settle. */
static void
tap_row (RgTableSheet  *sheet,
         GtkListBoxRow *row)
{
  rg_ui_waiter_tap_row (row);
  rg_ui_test_run_for (100);
}

static GtkWidget *
find_named (GtkWidget   *root,
            const gchar *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The ticket the sheet last saved, as text: its message names the PDF,
 * and the text ticket lies beside it. */
static gchar *
read_saved_ticket (RgTableSheet *sheet)
{
  GtkLabel *info = NULL;
  const gchar *message;
  const gchar *pdf;
  g_autofree gchar *stem = NULL;
  g_autofree gchar *path = NULL;
  gchar *text = NULL;

  /* The message line is the one label between the sheet's body and its
   * action bar. */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (sheet)));
       w != NULL && info == NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w))
      info = GTK_LABEL (w);
  ck_assert_ptr_nonnull (info);
  message = gtk_label_get_label (info);
  pdf = strstr (message, ": /");
  ck_assert_msg (pdf != NULL && g_str_has_suffix (message, ".pdf"), "no ticket saved: %s", message);
  stem = g_strndup (pdf + 2, strlen (pdf + 2) - strlen (".pdf"));
  path = g_strconcat (stem, ".txt", NULL);
  ck_assert_msg (g_file_get_contents (path, &text, NULL, NULL), "no text ticket at %s", path);
  return text;
}

/* The sheet's actions are drawn inside the window, not scrolled away, and
 * are touch targets. */
static void
assert_actions_on_screen (RgWindow     *window,
                          RgTableSheet *sheet)
{
  const gchar *labels[] = { "_Send to Kitchen", "_Rate the Table…", "_Close Check…" };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = GTK_WIDGET (rg_ui_test_find_button (GTK_WIDGET (sheet), labels[i]));
      graphene_rect_t bounds;

      ck_assert (gtk_widget_get_mapped (button));
      ck_assert (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
      ck_assert_msg (bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (window)),
                     "%s is at y %g..%g, outside the window", labels[i], bounds.origin.y,
                     bounds.origin.y + bounds.size.height);
      ck_assert_msg (bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (window)),
                     "%s is outside the window", labels[i]);
      ck_assert_int_ge (gtk_widget_get_height (button), 44);
      ck_assert (gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW) == NULL ||
                 gtk_widget_is_ancestor (GTK_WIDGET (sheet), gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW)));
    }
}

static RgTableSheet *
open_the_table (RgWindow    *window,
                const Scene *scene)
{
  RgWaiterPage *page = open_tables (window);
  RgTableSheet *sheet = rg_waiter_page_get_sheet (page);
  GtkLabel *banner;

  /* What a tap on the table in the plan does. */
  g_signal_emit_by_name (rg_waiter_page_get_plan (page), "table-activated", scene->table_id);
  rg_ui_test_run_for (400);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (sheet)));
  ck_assert_str_eq (rg_table_sheet_get_visit_id (sheet), scene->visit_id);

  /* The allergy is at the top, impossible to miss. */
  banner = GTK_LABEL (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_LABEL, "allergy-banner"));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (banner)));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (banner), scene->allergen));
  return sheet;
}

START_TEST (test_run_a_table)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Scene) scene = { 0 };
  RgWindow *window;
  RgTableSheet *sheet;
  GtkWindow *dialog;

  set_scene (t->db, &scene);
  set_first_staff_role (t->db, "manager");
  window = rg_ui_test_window_new (t->db, 1280, 800);
  open_tables (window);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-floor-landscape");
  sheet = open_the_table (window, &scene);

  /* Two of the safe dish for seat 1, course 2. */
  rg_order_entry_set_amounts (rg_table_sheet_get_order_entry (sheet), 2, 1, 2);
  {
    GtkListBoxRow *row = rg_ui_waiter_menu_row (sheet, scene.safe_id);
    gint64 start = g_get_monotonic_time ();

    /* The tap's handlers run to the end: the line committed, the check
     * and the recommendations re-read. */
    g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
    g_print ("tap to committed line and refreshed sheet: %.1f ms\n",
             (g_get_monotonic_time () - start) / 1000.0);
    rg_ui_test_run_for (100);
  }
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'"
                                        " AND qty = 2 AND seat = 1 AND course = 2 AND allergen_override IS NULL",
                                        scene.visit_id, scene.safe_id), 1);

  /* The 86'd dish is shown but cannot be tapped. */
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (rg_ui_waiter_menu_row (sheet, scene.off_id))));
  ck_assert (!gtk_list_box_row_get_activatable (rg_ui_waiter_menu_row (sheet, scene.off_id)));

  /* The risky dish is marked before anyone taps it. */
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (rg_ui_waiter_menu_row (sheet, scene.risky_id)), "error"));
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (rg_ui_waiter_menu_row (sheet, scene.safe_id)), "error"));

  /* The risky dish: a warning, nothing written until confirmed. */
  rg_order_entry_set_amounts (rg_table_sheet_get_order_entry (sheet), 1, 2, 2);
  tap_row (sheet, rg_ui_waiter_menu_row (sheet, scene.risky_id));
  dialog = rg_ui_waiter_wait_dialog (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), scene.allergen));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'",
                                        scene.visit_id, scene.risky_id), 0);
  rg_ui_test_shot (GTK_WIDGET (dialog), "waiter-allergen-warning-landscape");
  rg_ui_waiter_respond (dialog, "_Confirmed With Guest, Add");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'"
                                        " AND instr (allergen_override, '%s') > 0 AND seat = 2",
                                        scene.visit_id, scene.risky_id, scene.allergen), 1);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-sheet-landscape");

  /* The sheet's actions stay on screen below the check. */
  assert_actions_on_screen (window, sheet);

  /* A note for the kitchen in two taps: the line's note button, a usual
   * note; then one typed; the ticket prints it under the dish. */
  {
    GtkMenuButton *note = GTK_MENU_BUTTON (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_MENU_BUTTON, "line-note-button"));
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (note));
    GtkWidget *entry;
    g_autofree gchar *ticket = NULL;

    gtk_menu_button_popup (note);
    rg_ui_test_run_for (300);
    rg_ui_test_shot (popover, "waiter-line-note-landscape");
    rg_ui_test_tap (rg_ui_test_find_button (popover, "No onions"));
    ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'"
                                          " AND note = 'No onions'", scene.visit_id, scene.safe_id), 1);
    ck_assert_ptr_nonnull (rg_ui_test_find_label (GTK_WIDGET (sheet), "“No onions” · seat 1 · course 2"));

    note = GTK_MENU_BUTTON (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_MENU_BUTTON, "line-note-button"));
    entry = rg_ui_test_find (GTK_WIDGET (gtk_menu_button_get_popover (note)), GTK_TYPE_ENTRY, NULL);
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "No onions");
    gtk_editable_set_text (GTK_EDITABLE (entry), "no onions, sauce on the side");
    g_signal_emit_by_name (entry, "activate");
    rg_ui_test_run_for (100);
    ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'"
                                          " AND note = 'no onions, sauce on the side'", scene.visit_id, scene.safe_id), 1);
    ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND note IS NOT NULL",
                                          scene.visit_id), 1);
    rg_ui_test_shot (GTK_WIDGET (window), "waiter-sheet-note-landscape");

    rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "_Send to Kitchen"));
    ticket = read_saved_ticket (sheet);
    ck_assert_msg (strstr (ticket, "\n     >> no onions, sauce on the side\n") != NULL, "%s", ticket);
  }

  /* Preferences in two taps: open the menu, tap the choice. */
  {
    GtkMenuButton *likes = GTK_MENU_BUTTON (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_MENU_BUTTON, "pref-button"));
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (likes));
    g_autofree gchar *safe_name = g_strdup_printf ("SELECT name FROM menu_item WHERE id = '%s'", scene.safe_id);
    g_autofree gchar *name = rg_ui_test_query_text (t->db, safe_name);

    gtk_menu_button_popup (likes);
    rg_ui_test_run_for (300);
    rg_ui_test_shot (popover, "waiter-like-a-dish-landscape");
    rg_ui_test_tap (rg_ui_test_find_button (popover, name));
    ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM dish_pref WHERE guest_id = '%s' AND item_id = '%s'"
                                          " AND pref = 'like' AND deleted = 0", scene.guest_id, scene.safe_id), 1);
  }
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "Kids' chair"));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM guest_tag WHERE guest_id = '%s' AND tag = 'kids-chair'"
                                        " AND deleted = 0", scene.guest_id), 1);
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "Window"));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM seating_pref WHERE guest_id = '%s' AND kind = 'zone'"
                                        " AND value = 'window' AND weight > 0 AND deleted = 0", scene.guest_id), 1);
  gtk_editable_set_text (GTK_EDITABLE (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_ENTRY, NULL)),
                         "Likes the bread warm");
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "Save Note"));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM guest_note WHERE guest_id = '%s'"
                                        " AND body = 'Likes the bread warm' AND deleted = 0", scene.guest_id), 1);

  /* Rate the table and a dish, with a comment. */
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "_Rate the Table…"));
  dialog = rg_ui_waiter_wait_dialog (RG_TYPE_FEEDBACK_DIALOG);
  {
    g_autofree gchar *dish = g_strdup_printf ("rate-dish-%s-2", scene.safe_id);

    rg_ui_test_tap (GTK_BUTTON (find_named (GTK_WIDGET (dialog), "rate-overall-5")));
    rg_ui_test_tap (GTK_BUTTON (find_named (GTK_WIDGET (dialog), "rate-food-4")));
    rg_ui_test_tap (GTK_BUTTON (find_named (GTK_WIDGET (dialog), dish)));
  }
  gtk_editable_set_text (GTK_EDITABLE (rg_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL)), "Lovely evening");
  rg_ui_test_shot (GTK_WIDGET (dialog), "waiter-feedback-landscape");
  rg_ui_waiter_respond (dialog, "_Save Ratings");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM feedback WHERE visit_id = '%s' AND deleted = 0", scene.visit_id), 3);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM feedback WHERE visit_id = '%s' AND aspect = 'overall'"
                                        " AND rating = 5 AND comment = 'Lovely evening' AND guest_id = '%s' AND table_id = '%s'",
                                        scene.visit_id, scene.guest_id, scene.table_id), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM feedback WHERE visit_id = '%s' AND aspect = 'dish'"
                                        " AND item_id = '%s' AND rating = 2 AND comment IS NULL", scene.visit_id, scene.safe_id), 1);

  /* A manager voids the safe line, with a reason. */
  g_signal_emit_by_name (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_BUTTON, "void-button"), "clicked");
  dialog = rg_ui_waiter_wait_dialog (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), "sent back");
  rg_ui_waiter_respond (dialog, "_Void");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'"
                                        " AND voided = 1 AND void_reason = 'sent back'", scene.visit_id, scene.safe_id), 1);

  /* Close: a tip, paid by card; the table turns to clean. */
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "_Close Check…"));
  dialog = rg_ui_waiter_wait_dialog (RG_TYPE_CLOSE_CHECK_DIALOG);
  rg_close_check_dialog_set_tip (RG_CLOSE_CHECK_DIALOG (dialog), 850);
  rg_close_check_dialog_set_method (RG_CLOSE_CHECK_DIALOG (dialog), RG_PAYMENT_CARD);
  rg_ui_test_shot (GTK_WIDGET (dialog), "waiter-close-check-landscape");
  rg_ui_waiter_respond (dialog, "C_lose Check");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM visit WHERE id = '%s' AND status = 'closed' AND tip = 850"
                                        " AND payment_method = 'card' AND left_ms >= seated_ms", scene.visit_id), 1);
  /* The voided line is not charged. */
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT subtotal FROM visit WHERE id = '%s'", scene.visit_id),
                    rg_test_query_intf (t->db, "SELECT unit_price FROM order_line WHERE visit_id = '%s' AND item_id = '%s'",
                                        scene.visit_id, scene.risky_id));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM dining_table WHERE id = '%s' AND status = 'to_clean'",
                                        scene.table_id), 1);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-closed-landscape");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_portrait_tablet)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Scene) scene = { 0 };
  g_autoptr(GError) error = NULL;
  RgWindow *window;
  RgTableSheet *sheet;
  RgWaiterPage *page;

  set_scene (t->db, &scene);
  set_first_staff_role (t->db, "waiter");
  window = rg_ui_test_window_new (t->db, 800, 1280);
  page = open_tables (window);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-floor-portrait");

  /* A free table has no check to open. */
  {
    g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM dining_table WHERE status = 'free' AND deleted = 0"
                                             " AND id <> '%s' LIMIT 1", scene.table_id);
    g_autofree gchar *free_id = rg_ui_test_query_text (t->db, sql);

    ck_assert (!rg_waiter_page_open_table (page, free_id, &error));
    ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  }

  sheet = open_the_table (window, &scene);
  tap_row (sheet, rg_ui_waiter_menu_row (sheet, scene.safe_id));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s'", scene.visit_id), 1);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-sheet-portrait");
  assert_actions_on_screen (window, sheet);

  /* A waiter may not void. */
  ck_assert (!gtk_widget_get_sensitive (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_BUTTON, "void-button")));

  /* The search narrows the menu to the dish typed. */
  {
    g_autofree gchar *sql = g_strdup_printf ("SELECT name FROM menu_item WHERE id = '%s'", scene.risky_id);
    g_autofree gchar *name = rg_ui_test_query_text (t->db, sql);
    GtkWidget *entry = rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_SEARCH_ENTRY, NULL);
    GtkWidget *list = rg_ui_test_find (GTK_WIDGET (rg_table_sheet_get_order_entry (sheet)), GTK_TYPE_LIST_BOX, "boxed-list");
    guint rows = 0;

    gtk_editable_set_text (GTK_EDITABLE (entry), name);
    rg_ui_test_run_for (600);
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      rows++;
    ck_assert_uint_ge (rows, 1);
    ck_assert_uint_lt (rows, rg_test_query_intf (t->db, "SELECT count(*) FROM menu_item WHERE deleted = 0"));
    ck_assert_str_eq (g_object_get_data (G_OBJECT (gtk_widget_get_first_child (list)), "item-id"), scene.risky_id);
  }

  /* Refusing the warning writes nothing. */
  tap_row (sheet, rg_ui_waiter_menu_row (sheet, scene.risky_id));
  rg_ui_waiter_respond (rg_ui_waiter_wait_dialog (ADW_TYPE_MESSAGE_DIALOG), "_Don't Add");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s'", scene.visit_id), 1);

  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "_Close Check…"));
  rg_ui_waiter_respond (rg_ui_waiter_wait_dialog (RG_TYPE_CLOSE_CHECK_DIALOG), "C_lose Check");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM visit WHERE id = '%s' AND status = 'closed'"
                                        " AND payment_method = 'cash' AND tip = 0", scene.visit_id), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM dining_table WHERE id = '%s' AND status = 'to_clean'",
                                        scene.table_id), 1);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-closed-portrait");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_walk_in_table)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Scene) scene = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RgVisit) visit = NULL;
  g_autofree gchar *branch_id = NULL;
  g_autofree gchar *table_id = NULL;
  RgSeating seating = { 0 };
  RgWindow *window;
  RgWaiterPage *page;
  RgTableSheet *sheet;

  set_scene (t->db, &scene);
  branch_id = rg_ui_test_query_text (t->db, "SELECT branch_id FROM dining_table WHERE status = 'free' LIMIT 1");
  table_id = rg_ui_test_query_text (t->db, "SELECT id FROM dining_table WHERE status = 'free' ORDER BY name DESC LIMIT 1");
  seating.branch_id = branch_id;
  seating.table_id = table_id;
  seating.party_size = 2;
  visit = rg_visit_seat (t->db, &seating, &error);
  ck_assert_no_error (error);

  window = rg_ui_test_window_new (t->db, 1280, 800);
  page = open_tables (window);
  ck_assert (rg_waiter_page_open_table (page, table_id, &error));
  ck_assert_no_error (error);
  rg_ui_test_run_for (300);
  sheet = rg_waiter_page_get_sheet (page);

  /* Nobody known: no banner, nobody to remember preferences for. */
  ck_assert (!gtk_widget_get_visible (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_LABEL, "allergy-banner")));
  ck_assert (!gtk_widget_get_sensitive (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_MENU_BUTTON, "pref-button")));
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (rg_ui_waiter_menu_row (sheet, scene.risky_id)), "error"));

  /* No allergy known at this table: the dish goes straight on the check. */
  tap_row (sheet, rg_ui_waiter_menu_row (sheet, scene.risky_id));
  ck_assert_ptr_null (rg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'"
                                        " AND allergen_override IS NULL", rg_visit_get_id (visit), scene.risky_id), 1);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-walk-in-landscape");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
waiter_suite (void)
{
  Suite *s = suite_create ("ui-waiter");
  TCase *tc;

  tc = tcase_create ("table");
  tcase_add_test (tc, test_run_a_table);
  tcase_add_test (tc, test_portrait_tablet);
  tcase_add_test (tc, test_walk_in_table);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autoptr(AdwApplication) app = rg_ui_test_init ();
  int status = rg_test_run (waiter_suite ());

  g_application_release (G_APPLICATION (app));
  return status;
}
