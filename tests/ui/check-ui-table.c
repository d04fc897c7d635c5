/* check-ui-table.c — the table sheet for a party of several known guests:
 * everyone's allergies in the banner and in the allergen guard, the
 * kitchen ticket, suggestions logged and hidden for the holdout, and a
 * closed check counted into the recommender; the waiter's floor plan
 * showing a seated table's party, seated time and check total, and fitting
 * the width of a tablet held either way.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "rg-close-check-dialog.h"
#include "rg-floor-page.h"
#include "rg-floor-plan.h"
#include "rg-floor.h"
#include "rg-guest.h"
#include "rg-menu.h"
#include "rg-prefs.h"
#include "rg-recommend-log.h"
#include "rg-ui-format.h"
#include "rg-visit.h"
#include "rg-ui-waiter-util.h"

/* Two dishes each holding an allergen the other does not, and a dish with
 * none. */
typedef struct
{
  gchar *first_id;
  gchar *first_allergen;
  gchar *second_id;
  gchar *second_allergen;
  gchar *safe_id;
} Dishes;

static void
dishes_clear (Dishes *d)
{
  g_free (d->first_id);
  g_free (d->first_allergen);
  g_free (d->second_id);
  g_free (d->second_allergen);
  g_free (d->safe_id);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dishes, dishes_clear)

static void
pick_dishes (RgDb   *db,
             Dishes *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = rg_menu_list (db, NULL, &error);

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgMenuItem) item = g_list_model_get_item (items, i);
      const gchar * const *allergens = rg_menu_item_get_allergens (item);

      if (!rg_menu_item_get_available (item))
        continue;
      if (allergens[0] == NULL && d->safe_id == NULL)
        d->safe_id = g_strdup (rg_menu_item_get_id (item));
      else if (allergens[0] != NULL && d->first_id == NULL)
        {
          d->first_id = g_strdup (rg_menu_item_get_id (item));
          d->first_allergen = g_strdup (allergens[0]);
        }
      else if (allergens[0] != NULL && d->second_id == NULL && d->first_id != NULL &&
               !rg_menu_item_has_allergen (item, d->first_allergen))
        for (guint j = 0; allergens[j] != NULL && d->second_id == NULL; j++)
          {
            g_autoptr(RgMenuItem) first = rg_menu_get (db, d->first_id, NULL);

            if (!rg_menu_item_has_allergen (first, allergens[j]))
              {
                d->second_id = g_strdup (rg_menu_item_get_id (item));
                d->second_allergen = g_strdup (allergens[j]);
              }
          }
    }
  ck_assert_ptr_nonnull (d->safe_id);
  ck_assert_ptr_nonnull (d->first_id);
  ck_assert_ptr_nonnull (d->second_id);
}

static gchar *
guest_name (RgDb        *db,
            const gchar *guest_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) guest = rg_guest_get (db, guest_id, &error);

  ck_assert_no_error (error);
  return g_strdup (rg_guest_get_name (guest));
}

/* The newest ticket saved in the tickets folder, as text. */
static gchar *
newest_ticket (void)
{
  g_autofree gchar *folder = g_build_filename (g_get_user_data_dir (), "regulars", "tickets", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree gchar *newest = NULL;
  const gchar *name;
  gchar *text = NULL;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt") && g_strcmp0 (name, newest) > 0)
      {
        g_free (newest);
        newest = g_strdup (name);
      }
  ck_assert_ptr_nonnull (newest);
  {
    g_autofree gchar *path = g_build_filename (folder, newest, NULL);
    g_autofree gchar *pdf = g_strdup (path);

    memcpy (pdf + strlen (pdf) - 4, ".pdf", 4);
    ck_assert (g_file_test (pdf, G_FILE_TEST_EXISTS));
    ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  }
  return text;
}

START_TEST (test_party_allergies_and_ticket)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Dishes) d = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *host = rg_ui_waiter_regular (t->db, 0);
  g_autofree gchar *friend = rg_ui_waiter_regular (t->db, 1);
  g_autofree gchar *host_name = guest_name (t->db, host);
  g_autofree gchar *friend_name = guest_name (t->db, friend);
  g_autofree gchar *a1 = NULL;
  g_autofree gchar *a2 = NULL;
  g_autofree gchar *table = NULL;
  g_autofree gchar *visit = NULL;
  g_autofree gchar *ticket = NULL;
  g_autofree gchar *flag = NULL;
  const gchar *extras[] = { friend, NULL };
  RgWindow *window;
  RgTableSheet *sheet;
  GtkLabel *banner;
  GtkWindow *dialog;

  pick_dishes (t->db, &d);
  a1 = rg_prefs_add_allergy (t->db, host, d.first_allergen, "severe", NULL, &error);
  a2 = rg_prefs_add_allergy (t->db, friend, d.second_allergen, "anaphylactic", NULL, &error);
  ck_assert_no_error (error);
  visit = rg_ui_waiter_seat (t->db, host, extras, 3, &table);

  window = rg_ui_test_window_new (t->db, 1280, 800);
  sheet = rg_ui_waiter_open_table (window, table, visit);

  /* Both guests' allergies, by name, in the banner. */
  banner = GTK_LABEL (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_LABEL, "allergy-banner"));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (banner)));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (banner), host_name));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (banner), friend_name));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (banner), d.first_allergen));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (banner), d.second_allergen));

  /* The friend's allergen marks the dish and stops it at the tap. */
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (rg_ui_waiter_menu_row (sheet, d.second_id)), "error"));
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (rg_ui_waiter_menu_row (sheet, d.first_id)), "error"));
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (rg_ui_waiter_menu_row (sheet, d.safe_id)), "error"));
  rg_ui_waiter_tap_row (rg_ui_waiter_menu_row (sheet, d.second_id));
  dialog = rg_ui_waiter_wait_dialog (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), friend_name));
  rg_ui_waiter_respond (dialog, "_Don't Add");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s'", visit), 0);

  rg_ui_waiter_tap_row (rg_ui_waiter_menu_row (sheet, d.second_id));
  rg_ui_waiter_respond (rg_ui_waiter_wait_dialog (ADW_TYPE_MESSAGE_DIALOG), "_Confirmed With Guest, Add");
  rg_ui_waiter_tap_row (rg_ui_waiter_menu_row (sheet, d.safe_id));
  rg_ui_test_run_for (100);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s' AND item_id = '%s'"
                            " AND instr (allergen_override, '%s') > 0", visit, d.second_id, d.second_allergen), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s'", visit), 2);
  rg_ui_test_shot (GTK_WIDGET (window), "table-party-landscape");

  /* Send to kitchen: the ticket names the friend beside their dish. */
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "_Send to Kitchen"));
  ticket = newest_ticket ();
  flag = g_strdup_printf ("!! ALLERGEN %s: %s", d.second_allergen, friend_name);
  ck_assert_msg (strstr (ticket, flag) != NULL, "no '%s' in:\n%s", flag, ticket);
  ck_assert_ptr_nonnull (strstr (ticket, "ALLERGIES AT THIS TABLE"));
  ck_assert_ptr_nonnull (strstr (ticket, host_name));

  gtk_window_destroy (GTK_WINDOW (window));

  /* The same table on a tablet held upright. */
  window = rg_ui_test_window_new (t->db, 800, 1280);
  sheet = rg_ui_waiter_open_table (window, table, visit);
  banner = GTK_LABEL (rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_LABEL, "allergy-banner"));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (banner)));
  rg_ui_test_shot (GTK_WIDGET (window), "table-party-portrait");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ---------------------------------------------------------- recommender */

/* Opens the sheet of a new visit of @guest with @recommender. */
static RgTableSheet *
open_with_recommender (RgWindow      *window,
                       RgDb          *db,
                       RgRecommender *recommender,
                       const gchar   *guest,
                       gchar        **visit_id)
{
  RgWaiterPage *page = RG_WAITER_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_WAITER_PAGE, NULL));
  g_autofree gchar *table = NULL;

  *visit_id = rg_ui_waiter_seat (db, guest, NULL, 2, &table);
  rg_waiter_page_set_recommender (page, recommender);
  return rg_ui_waiter_open_table (window, table, *visit_id);
}

START_TEST (test_suggestions_logged_and_held_out)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgRecommender) recommender = rg_recommender_new (t->db, &error);
  g_autofree gchar *shown_guest = NULL;
  g_autofree gchar *held_guest = NULL;
  g_autofree gchar *shown_visit = NULL;
  g_autofree gchar *held_visit = NULL;
  RgWindow *window;
  RgTableSheet *sheet;
  GtkWidget *usual;
  gint64 logged;

  ck_assert_no_error (error);
  ck_assert (rg_recommend_set_holdout_share (t->db, 0.5, &error));
  for (guint i = 0; i < 40 && (shown_guest == NULL || held_guest == NULL); i++)
    {
      g_autofree gchar *guest = rg_ui_waiter_regular (t->db, i);

      if (rg_recommend_is_holdout (t->db, guest, "any"))
        {
          if (held_guest == NULL)
            held_guest = g_steal_pointer (&guest);
        }
      else if (shown_guest == NULL)
        shown_guest = g_steal_pointer (&guest);
    }
  ck_assert_ptr_nonnull (shown_guest);
  ck_assert_ptr_nonnull (held_guest);

  window = rg_ui_test_window_new (t->db, 1280, 800);
  sheet = open_with_recommender (window, t->db, recommender, shown_guest, &shown_visit);
  usual = rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_LABEL, "usual-dishes");
  ck_assert (gtk_widget_get_mapped (usual));
  ck_assert_int_gt (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND guest_id = '%s'"
                            " AND shown = 1", shown_visit, shown_guest), 0);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND shown = 0",
                            shown_visit), 0);
  /* The same suggestions shown again are not logged twice. */
  logged = rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s'", shown_visit);
  ck_assert (rg_table_sheet_load (sheet, shown_visit, &error));
  ck_assert_no_error (error);
  ck_assert (gtk_widget_get_visible (usual));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s'", shown_visit),
                    logged);

  /* The holdout guest's suggestions are logged, never shown. */
  sheet = open_with_recommender (window, t->db, recommender, held_guest, &held_visit);
  usual = rg_ui_test_find (GTK_WIDGET (sheet), GTK_TYPE_LABEL, "usual-dishes");
  ck_assert (!gtk_widget_get_visible (usual));
  ck_assert_int_gt (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND guest_id = '%s'"
                            " AND shown = 0", held_visit, held_guest), 0);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM local_suggestion WHERE visit_id = '%s' AND shown = 1",
                            held_visit), 0);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_closed_check_counts_into_recommender)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Dishes) d = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RgRecommender) recommender = rg_recommender_new (t->db, &error);
  g_autofree gchar *guest = rg_ui_waiter_regular (t->db, 0);
  g_autofree gchar *visit = NULL;
  RgWindow *window;
  RgTableSheet *sheet;
  guint before;

  ck_assert_no_error (error);
  pick_dishes (t->db, &d);
  window = rg_ui_test_window_new (t->db, 1280, 800);
  sheet = open_with_recommender (window, t->db, recommender, guest, &visit);
  rg_ui_waiter_tap_row (rg_ui_waiter_menu_row (sheet, d.safe_id));
  rg_ui_test_run_for (100);
  before = rg_recommender_get_n_visits (recommender);

  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (sheet), "_Close Check…"));
  rg_ui_waiter_respond (rg_ui_waiter_wait_dialog (RG_TYPE_CLOSE_CHECK_DIALOG), "C_lose Check");
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM visit WHERE id = '%s' AND status = 'closed'", visit), 1);
  ck_assert_uint_eq (rg_recommender_get_n_visits (recommender), before + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* ---------------------------------------------------------------- floor */

/* Asserts the plan says of @table its party, @seated time and @total, and
 * that its accessible description says the same. */
static void
assert_plan_tile (RgFloorPlan *plan,
                  const gchar *table,
                  gint         party,
                  const gchar *seated,
                  gint64       total)
{
  g_autofree gchar *text = rg_floor_plan_dup_table_text (plan, table);
  g_autofree gchar *party_text = g_strdup_printf ("party of %d", party);
  g_autofree gchar *money = rg_ui_format_money (total);
  g_autofree gchar *description = NULL;
  GString *all = g_string_new (NULL);
  GListModel *tables = rg_floor_plan_get_tables (plan);

  ck_assert_ptr_nonnull (text);
  ck_assert_msg (strstr (text, party_text) != NULL, "no '%s' in '%s'", party_text, text);
  ck_assert_msg (strstr (text, seated) != NULL, "no '%s' in '%s'", seated, text);
  ck_assert_msg (strstr (text, money) != NULL, "no '%s' in '%s'", money, text);

  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(RgDiningTable) t = g_list_model_get_item (tables, i);
      g_autofree gchar *one = rg_floor_plan_dup_table_text (plan, rg_dining_table_get_id (t));

      g_string_append_printf (all, "%s%s", all->len > 0 ? ".\n" : "", one);
    }
  description = g_string_free (all, FALSE);
  ck_assert_ptr_nonnull (strstr (description, text));
  ck_assert_ptr_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (plan),
                                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                          description));
}

/* The plan fits its scrolled window's width: the floor's rightmost table
 * (the one furthest east in metres) is on screen without scrolling
 * sideways, and every table is still a touch target. */
static void
assert_plan_fits_width (RgFloorPlan *plan)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (plan), GTK_TYPE_SCROLLED_WINDOW);
  GListModel *tables = rg_floor_plan_get_tables (plan);
  GtkAdjustment *sideways;
  g_autofree gchar *east = NULL;
  gdouble east_x = -1;
  graphene_rect_t r;
  graphene_point_t right_edge;

  ck_assert_ptr_nonnull (scroller);
  sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  ck_assert_msg (gtk_adjustment_get_upper (sideways) - gtk_adjustment_get_page_size (sideways) < 1.0,
                 "the plan scrolls sideways: %g px wide in %g px", gtk_adjustment_get_upper (sideways),
                 gtk_adjustment_get_page_size (sideways));
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(RgDiningTable) table = g_list_model_get_item (tables, i);
      gdouble x = rg_dining_table_get_x (table) + rg_dining_table_get_width (table);

      ck_assert (rg_floor_plan_get_table_bounds (plan, rg_dining_table_get_id (table), &r));
      ck_assert_double_ge (MIN (r.size.width, r.size.height), 44.0 - 0.01);
      if (x > east_x)
        {
          east_x = x;
          g_free (east);
          east = g_strdup (rg_dining_table_get_id (table));
        }
    }
  ck_assert (rg_floor_plan_get_table_bounds (plan, east, &r));
  ck_assert (gtk_widget_compute_point (GTK_WIDGET (plan), scroller,
                                       &GRAPHENE_POINT_INIT (r.origin.x + r.size.width, r.origin.y), &right_edge));
  ck_assert_msg (right_edge.x > 0 && right_edge.x <= gtk_widget_get_width (scroller),
                 "the rightmost table ends at x %g, outside the %d px plan", right_edge.x,
                 gtk_widget_get_width (scroller));
}

START_TEST (test_floor_plan_shows_open_check)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Dishes) d = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *host = rg_ui_waiter_regular (t->db, 0);
  g_autofree gchar *table = NULL;
  g_autofree gchar *visit_id = NULL;
  g_autofree gchar *seated = NULL;
  g_autofree gchar *free_text = NULL;
  g_autofree gchar *free_table = NULL;
  g_autoptr(RgVisit) visit = NULL;
  g_autoptr(RgMenuItem) dish = NULL;
  g_autoptr(RgOrderLine) line = NULL;
  g_autoptr(GDateTime) seated_at = NULL;
  g_autofree gchar *host_text = NULL;
  RgWaiterPage *page;
  RgFloorPlan *plan;
  RgFloorPlan *host_plan;
  RgFloorPage *host_page;
  RgWindow *window;
  RgTableSheet *sheet;
  gint64 price;

  pick_dishes (t->db, &d);
  visit_id = rg_ui_waiter_seat (t->db, host, NULL, 3, &table);
  dish = rg_menu_get (t->db, d.safe_id, &error);
  ck_assert_no_error (error);
  price = rg_menu_item_get_price (dish);
  ck_assert_int_gt (price, 0);
  line = rg_visit_add_line (t->db, visit_id, d.safe_id, 2, 0, 0, NULL, FALSE, &error);
  ck_assert_no_error (error);
  visit = rg_visit_get_open_for_table (t->db, table, &error);
  ck_assert_no_error (error);
  seated_at = g_date_time_new_from_unix_local (rg_visit_get_seated_ms (visit) / 1000);
  seated = g_date_time_format (seated_at, "%H:%M");
  free_table = rg_ui_test_query_text (t->db, "SELECT id FROM dining_table WHERE status = 'free' AND deleted = 0 LIMIT 1");

  window = rg_ui_test_window_new (t->db, 1280, 800);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.tables", NULL));
  rg_ui_test_run_for (300);
  page = RG_WAITER_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_WAITER_PAGE, NULL));
  plan = rg_waiter_page_get_plan (page);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (plan)));
  assert_plan_tile (plan, table, 3, seated, 2 * price);
  free_text = rg_floor_plan_dup_table_text (plan, free_table);
  ck_assert_ptr_nonnull (strstr (free_text, "free"));
  ck_assert_ptr_null (strstr (free_text, "check"));
  ck_assert_ptr_null (rg_floor_plan_dup_table_text (plan, "no-such-table"));
  assert_plan_fits_width (plan);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-floor-tiles-landscape");

  /* A dish added at the table shows on the plan once back on the floor. */
  sheet = rg_ui_waiter_open_table (window, table, visit_id);
  rg_ui_waiter_tap_row (rg_ui_waiter_menu_row (sheet, d.safe_id));
  rg_ui_test_run_for (100);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM order_line WHERE visit_id = '%s'", visit_id), 2);
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (page), "_Back to the Floor"));
  rg_ui_test_run_for (300);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (plan)));
  assert_plan_tile (plan, table, 3, seated, 3 * price);

  /* The host's plan shows the party and its time, not the check. */
  host_page = RG_FLOOR_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_FLOOR_PAGE, NULL));
  ck_assert (rg_floor_page_load (host_page, NULL, NULL, 2, &error));
  ck_assert_no_error (error);
  host_plan = RG_FLOOR_PLAN (rg_ui_test_find (GTK_WIDGET (host_page), RG_TYPE_FLOOR_PLAN, NULL));
  ck_assert (!rg_floor_plan_get_show_check (host_plan));
  host_text = rg_floor_plan_dup_table_text (host_plan, table);
  ck_assert_ptr_nonnull (host_text);
  ck_assert_msg (strstr (host_text, "party of 3") != NULL, "no party in '%s'", host_text);
  ck_assert_ptr_nonnull (strstr (host_text, seated));
  ck_assert_ptr_null (strstr (host_text, "check"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The same floor on a tablet held upright. */
  window = rg_ui_test_window_new (t->db, 800, 1280);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.tables", NULL));
  rg_ui_test_run_for (300);
  plan = rg_waiter_page_get_plan (RG_WAITER_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_WAITER_PAGE, NULL)));
  assert_plan_tile (plan, table, 3, seated, 3 * price);
  assert_plan_fits_width (plan);
  rg_ui_test_shot (GTK_WIDGET (window), "waiter-floor-tiles-portrait");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

/* The plan's drawing as the frame gets it: the zones, then one node per
 * table. */
static GskRenderNode *
plan_nodes (RgFloorPlan *plan)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (plan)->snapshot (GTK_WIDGET (plan), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  ck_assert_int_eq (gsk_render_node_get_node_type (node), GSK_CONTAINER_NODE);
  return node;
}

/* How many of @after's children are not those of @before. */
static guint
count_new_nodes (GskRenderNode *before,
                 GskRenderNode *after)
{
  guint changed = 0;

  ck_assert_uint_eq (gsk_container_node_get_n_children (before), gsk_container_node_get_n_children (after));
  for (guint i = 0; i < gsk_container_node_get_n_children (after); i++)
    changed += gsk_container_node_get_child (before, i) != gsk_container_node_get_child (after, i);
  return changed;
}

static void
give_live_floor (RgFloorPlan *plan,
                 RgDb        *db,
                 const gchar *branch_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) live = rg_floor_list_live (db, branch_id, &error);

  ck_assert_no_error (error);
  rg_floor_plan_set_live (plan, live);
}

START_TEST (test_floor_plan_redraws_changed_tables_only)
{
  g_autoptr(RgTestDb) t = rg_ui_test_demo_db ();
  g_auto(Dishes) d = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch_id = rg_ui_test_query_text (t->db, "SELECT id FROM branch WHERE deleted = 0 ORDER BY name LIMIT 1");
  g_autofree gchar *host = rg_ui_waiter_regular (t->db, 0);
  g_autofree gchar *table = NULL;
  g_autofree gchar *visit_id = NULL;
  g_autofree gchar *other = NULL;
  g_autoptr(GListModel) tables = NULL;
  g_autoptr(RgOrderLine) line = NULL;
  g_autoptr(GskRenderNode) first = NULL;
  g_autoptr(GskRenderNode) same = NULL;
  g_autoptr(GskRenderNode) dish = NULL;
  g_autoptr(GskRenderNode) picked = NULL;
  GtkWidget *window = gtk_window_new ();
  RgFloorPlan *plan = RG_FLOOR_PLAN (rg_floor_plan_new ());
  guint n;

  pick_dishes (t->db, &d);
  visit_id = rg_ui_waiter_seat (t->db, host, NULL, 2, &table);
  other = rg_ui_test_query_text (t->db, "SELECT id FROM dining_table WHERE status = 'free' AND deleted = 0 LIMIT 1");
  tables = rg_floor_list_tables (t->db, branch_id, &error);
  ck_assert_no_error (error);
  n = g_list_model_get_n_items (tables);
  ck_assert_uint_gt (n, 2);
  rg_floor_plan_set_tables (plan, tables);
  give_live_floor (plan, t->db, branch_id);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (plan));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  rg_ui_test_run_for (300);

  /* The zones and every table; the live floor read again changes none. */
  first = plan_nodes (plan);
  ck_assert_uint_eq (gsk_container_node_get_n_children (first), n + 1);
  give_live_floor (plan, t->db, branch_id);
  same = plan_nodes (plan);
  ck_assert_uint_eq (count_new_nodes (first, same), 0);

  /* A dish on one check draws that table again, and only it. */
  line = rg_visit_add_line (t->db, visit_id, d.safe_id, 1, 0, 0, NULL, FALSE, &error);
  ck_assert_no_error (error);
  give_live_floor (plan, t->db, branch_id);
  dish = plan_nodes (plan);
  ck_assert_uint_eq (count_new_nodes (same, dish), 1);

  /* Picking another table draws it again, and the one picked before. */
  rg_floor_plan_set_selected_id (plan, table);
  g_clear_pointer (&dish, gsk_render_node_unref);
  dish = plan_nodes (plan);
  rg_floor_plan_set_selected_id (plan, other);
  picked = plan_nodes (plan);
  ck_assert_uint_eq (count_new_nodes (dish, picked), 2);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
table_suite (void)
{
  Suite *s = suite_create ("ui-table");
  TCase *tc;

  tc = tcase_create ("party");
  tcase_add_test (tc, test_party_allergies_and_ticket);
  suite_add_tcase (s, tc);

  tc = tcase_create ("recommender");
  tcase_add_test (tc, test_suggestions_logged_and_held_out);
  tcase_add_test (tc, test_closed_check_counts_into_recommender);
  suite_add_tcase (s, tc);

  tc = tcase_create ("floor");
  tcase_add_test (tc, test_floor_plan_shows_open_check);
  tcase_add_test (tc, test_floor_plan_redraws_changed_tables_only);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_autofree gchar *data_home = g_dir_make_tmp ("regulars-table-XXXXXX", NULL);
  g_autoptr(AdwApplication) app = NULL;
  int status;

  /* Tickets land in this program's own data folder. */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  app = rg_ui_test_init ();
  status = rg_test_run (table_suite ());
  g_application_release (G_APPLICATION (app));
  rg_test_remove_tree (data_home);
  return status;
}
