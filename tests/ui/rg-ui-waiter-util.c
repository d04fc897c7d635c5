/* rg-ui-waiter-util.c — seating, opening a table and tapping like a waiter.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-ui-waiter-util.h"

#include "rg-visit.h"

gchar *
rg_ui_waiter_seat (RgDb                *db,
                   const gchar         *host,
                   const gchar * const *extras,
                   gint                 party,
                   gchar              **table_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch_id = rg_ui_test_query_text (db, "SELECT id FROM branch WHERE deleted = 0 ORDER BY name LIMIT 1");
  g_autofree gchar *sql = g_strdup_printf ("SELECT id FROM dining_table WHERE branch_id = '%s' AND deleted = 0"
                                           " AND status = 'free' AND seats >= %d ORDER BY name LIMIT 1",
                                           branch_id, MIN (party, 4));
  g_autofree gchar *table = rg_ui_test_query_text (db, sql);
  RgSeating seating = { .branch_id = branch_id, .table_id = table, .guest_id = host,
                        .extra_guest_ids = extras, .party_size = party };
  g_autoptr(RgVisit) visit = rg_visit_seat (db, &seating, &error);

  ck_assert_no_error (error);
  if (table_id != NULL)
    *table_id = g_steal_pointer (&table);
  return g_strdup (rg_visit_get_id (visit));
}

gchar *
rg_ui_waiter_regular (RgDb  *db,
                      guint  n_taken)
{
  g_autofree gchar *sql = g_strdup_printf (
    "SELECT g.id FROM guest g JOIN local_guest_stats s ON s.guest_id = g.id"
    " WHERE g.deleted = 0 AND g.merged_into IS NULL"
    "   AND NOT EXISTS (SELECT 1 FROM guest_allergy a WHERE a.guest_id = g.id AND a.deleted = 0)"
    "   AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.guest_id = g.id AND v.status = 'open')"
    " ORDER BY s.visit_count DESC, g.id LIMIT 1 OFFSET %u", n_taken);

  return rg_ui_test_query_text (db, sql);
}

RgTableSheet *
rg_ui_waiter_open_table (RgWindow    *window,
                         const gchar *table_id,
                         const gchar *visit_id)
{
  RgWaiterPage *page = RG_WAITER_PAGE (rg_ui_test_find (GTK_WIDGET (window), RG_TYPE_WAITER_PAGE, NULL));
  RgTableSheet *sheet = rg_waiter_page_get_sheet (page);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.tables", NULL));
  rg_ui_test_run_for (300);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (page)));
  /* What a tap on the table in the plan does. */
  g_signal_emit_by_name (rg_waiter_page_get_plan (page), "table-activated", table_id);
  rg_ui_test_run_for (400);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (sheet)));
  ck_assert_str_eq (rg_table_sheet_get_visit_id (sheet), visit_id);
  return sheet;
}

GtkListBoxRow *
rg_ui_waiter_menu_row (RgTableSheet *sheet,
                       const gchar  *item_id)
{
  GtkWidget *list = rg_ui_test_find (GTK_WIDGET (rg_table_sheet_get_order_entry (sheet)), GTK_TYPE_LIST_BOX, "boxed-list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "item-id"), item_id) == 0)
      return GTK_LIST_BOX_ROW (row);
  ck_abort_msg ("no menu row for %s", item_id);
  return NULL;
}

void
rg_ui_waiter_tap_row (GtkListBoxRow *row)
{
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
}

static gboolean
dialog_open (gpointer data)
{
  return rg_ui_test_find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

GtkWindow *
rg_ui_waiter_wait_dialog (GType type)
{
  ck_assert_msg (rg_ui_test_wait_until (dialog_open, GSIZE_TO_POINTER (type), RG_UI_WAITER_WAIT_MS),
                 "no %s", g_type_name (type));
  rg_ui_test_run_for (300);
  return rg_ui_test_find_window (type);
}

void
rg_ui_waiter_respond (GtkWindow   *dialog,
                      const gchar *response)
{
  GtkWindow *watched = dialog;

  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);
  rg_ui_test_tap (rg_ui_test_find_button (GTK_WIDGET (dialog), response));
  for (guint i = 0; watched != NULL && i < RG_UI_WAITER_WAIT_MS / 50; i++)
    rg_ui_test_run_for (50);
  if (watched != NULL)
    g_object_remove_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);
  ck_assert_msg (watched == NULL, "the dialog is still open after \"%s\"", response);
  rg_ui_test_run_for (100);
}
