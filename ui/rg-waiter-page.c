/* rg-waiter-page.c — the floor for the waiter, and the sheet it opens.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan shows each seated table's party, seated time and check total;
 * beside it, a list of the seated tables with party, time seated and
 * check total; a tap on either opens the sheet, whose back button returns
 * to the floor re-read.
 */
#include "rg-waiter-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-floor.h"
#include "rg-ui-format.h"
#include "rg-visit.h"

#define LIVE_LIST_WIDTH 300
/* Stacked under the plan, the list keeps room for three tables. */
#define COMPACT_LIST_HEIGHT 220

struct _RgWaiterPage
{
  GtkWidget parent_instance;

  /* owned */
  RgSession    *session;

  /* children */
  GtkStack     *stack;
  GtkBox       *floor_box;
  RgFloorPlan  *plan;
  GtkScrolledWindow *live_scroller;
  GtkListBox   *live_list;
  GtkLabel     *info_label;
  RgTableSheet *sheet;
};

G_DEFINE_FINAL_TYPE (RgWaiterPage, rg_waiter_page, GTK_TYPE_WIDGET)

static void
say (RgWaiterPage *self,
     const gchar  *message)
{
  gtk_label_set_label (self->info_label, message);
}

static GtkWidget *
make_live_row (RgTableLive *live)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) seated = g_date_time_new_from_unix_local (rg_table_live_get_seated_ms (live) / 1000);
  g_autofree gchar *time = g_date_time_format (seated, "%H:%M");
  g_autofree gchar *money = rg_ui_format_money (rg_table_live_get_check_total (live));
  g_autofree gchar *subtitle = NULL;
  g_autofree gchar *title = NULL;
  const gchar *who = rg_table_live_get_guest_name (live) != NULL
                     ? rg_table_live_get_guest_name (live) : _("Walk-in");

  /* Translators: a seated table, "Li Wei · 3 · since 19:05" */
  subtitle = g_strdup_printf (_("%s · %d · since %s"), who, rg_table_live_get_party_size (live), time);
  /* Translators: a seated table in the waiter's list, "Table W2" */
  title = g_strdup_printf (_("Table %s"), rg_dining_table_get_name (rg_table_live_get_table (live)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (money));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "table-id",
                          g_strdup (rg_dining_table_get_id (rg_table_live_get_table (live))), g_free);
  return row;
}

static void
open_or_say (RgWaiterPage *self,
             const gchar  *table_id)
{
  g_autoptr(GError) error = NULL;

  if (!rg_waiter_page_open_table (self, table_id, &error))
    say (self, error->message);
}

static void
on_plan_table_activated_cb (RgFloorPlan  *plan,
                            const gchar  *table_id,
                            RgWaiterPage *self)
{
  g_autofree gchar *id = g_strdup (table_id);

  open_or_say (self, id);
}

static void
on_live_list_row_activated_cb (GtkListBox    *list,
                               GtkListBoxRow *row,
                               RgWaiterPage  *self)
{
  g_autofree gchar *id = g_strdup (g_object_get_data (G_OBJECT (row), "table-id"));

  open_or_say (self, id);
}

static void
on_back_button_clicked_cb (GtkButton    *button,
                           RgWaiterPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_waiter_page_load (self, &error))
    say (self, error->message);
}

static void
on_sheet_check_closed_cb (RgTableSheet *sheet,
                          const gchar  *visit_id,
                          const gchar  *message,
                          RgWaiterPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!rg_waiter_page_load (self, &error))
    message = error->message;
  say (self, message);
}

static void
rg_waiter_page_dispose (GObject *object)
{
  RgWaiterPage *self = RG_WAITER_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rg_waiter_page_parent_class)->dispose (object);
}

static void
rg_waiter_page_class_init (RgWaiterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rg_waiter_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "waiterpage");
}

static void
rg_waiter_page_init (RgWaiterPage *self)
{
  GtkWidget *plan_scroller = gtk_scrolled_window_new ();
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *live_scroller = gtk_scrolled_window_new ();
  GtkWidget *table_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back to the Floor"));
  GtkWidget *viewport;
  GtkWidget *placeholder;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->floor_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (self->floor_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->floor_box), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->floor_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->floor_box), 12);
  self->plan = RG_FLOOR_PLAN (rg_floor_plan_new ());
  g_signal_connect (self->plan, "table-activated", G_CALLBACK (on_plan_table_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (plan_scroller), GTK_WIDGET (self->plan));
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (plan_scroller));
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  gtk_widget_set_hexpand (plan_scroller, TRUE);
  gtk_widget_set_vexpand (plan_scroller, TRUE);
  self->info_label = GTK_LABEL (gtk_label_new (_("Tap a seated table to open its check.")));
  gtk_label_set_wrap (self->info_label, TRUE);
  gtk_label_set_xalign (self->info_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->info_label), "dim-label");
  gtk_box_append (GTK_BOX (left), plan_scroller);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->info_label));
  gtk_box_append (self->floor_box, left);

  self->live_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->live_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->live_list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->live_list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->live_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Seated tables"), -1);
  placeholder = gtk_label_new (_("No party is seated."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->live_list, placeholder);
  g_signal_connect (self->live_list, "row-activated", G_CALLBACK (on_live_list_row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (live_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (live_scroller, LIVE_LIST_WIDTH, -1);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (live_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (live_scroller), GTK_WIDGET (self->live_list));
  gtk_box_append (self->floor_box, live_scroller);
  self->live_scroller = GTK_SCROLLED_WINDOW (live_scroller);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->floor_box), "floor");

  gtk_widget_set_halign (back, GTK_ALIGN_START);
  gtk_widget_set_margin_start (back, 12);
  gtk_widget_set_margin_top (back, 12);
  g_signal_connect (back, "clicked", G_CALLBACK (on_back_button_clicked_cb), self);
  self->sheet = g_object_new (RG_TYPE_TABLE_SHEET, "vexpand", TRUE, NULL);
  g_signal_connect (self->sheet, "check-closed", G_CALLBACK (on_sheet_check_closed_cb), self);
  gtk_box_append (GTK_BOX (table_box), back);
  gtk_box_append (GTK_BOX (table_box), GTK_WIDGET (self->sheet));
  gtk_stack_add_named (self->stack, table_box, "table");
}

void
rg_waiter_page_set_session (RgWaiterPage *self,
                            RgSession    *session)
{
  g_return_if_fail (RG_IS_WAITER_PAGE (self));
  g_return_if_fail (RG_IS_SESSION (session));

  g_set_object (&self->session, session);
  rg_table_sheet_set_session (self->sheet, session);
}

void
rg_waiter_page_set_recommender (RgWaiterPage  *self,
                                RgRecommender *recommender)
{
  g_return_if_fail (RG_IS_WAITER_PAGE (self));

  rg_table_sheet_set_recommender (self->sheet, recommender);
}

gboolean
rg_waiter_page_load (RgWaiterPage  *self,
                     GError       **error)
{
  RgDb *db;
  const gchar *branch_id;
  g_autoptr(GListModel) tables = NULL;
  g_autoptr(GListModel) live = NULL;
  GtkWidget *child;

  g_return_val_if_fail (RG_IS_WAITER_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  db = rg_session_get_db (self->session);
  branch_id = rg_session_get_branch_id (self->session);
  tables = rg_floor_list_tables (db, branch_id, error);
  if (tables == NULL)
    return FALSE;
  live = rg_floor_list_live (db, branch_id, error);
  if (live == NULL)
    return FALSE;
  rg_floor_plan_set_tables (self->plan, tables);
  rg_floor_plan_set_live (self->plan, live);
  rg_floor_plan_set_suggestions (self->plan, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->live_list))) != NULL)
    gtk_list_box_remove (self->live_list, child);
  for (guint i = 0; i < g_list_model_get_n_items (live); i++)
    {
      g_autoptr(RgTableLive) table = g_list_model_get_item (live, i);

      if (rg_table_live_get_visit_id (table) != NULL)
        gtk_list_box_append (self->live_list, make_live_row (table));
    }
  gtk_stack_set_visible_child_name (self->stack, "floor");
  return TRUE;
}

gboolean
rg_waiter_page_open_table (RgWaiterPage  *self,
                           const gchar   *table_id,
                           GError       **error)
{
  g_autoptr(RgVisit) visit = NULL;

  g_return_val_if_fail (RG_IS_WAITER_PAGE (self), FALSE);
  g_return_val_if_fail (table_id != NULL, FALSE);

  visit = rg_visit_get_open_for_table (rg_session_get_db (self->session), table_id, error);
  if (visit == NULL)
    return FALSE;
  rg_floor_plan_set_selected_id (self->plan, table_id);
  if (!rg_table_sheet_load (self->sheet, rg_visit_get_id (visit), error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "table");
  return TRUE;
}

void
rg_waiter_page_set_compact (RgWaiterPage *self,
                            gboolean      compact)
{
  g_return_if_fail (RG_IS_WAITER_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->floor_box),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_scrolled_window_set_min_content_height (self->live_scroller, compact ? COMPACT_LIST_HEIGHT : -1);
  rg_table_sheet_set_compact (self->sheet, compact);
}

RgFloorPlan *
rg_waiter_page_get_plan (RgWaiterPage *self)
{
  g_return_val_if_fail (RG_IS_WAITER_PAGE (self), NULL);

  return self->plan;
}

RgTableSheet *
rg_waiter_page_get_sheet (RgWaiterPage *self)
{
  g_return_val_if_fail (RG_IS_WAITER_PAGE (self), NULL);

  return self->sheet;
}
