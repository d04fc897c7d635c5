/* rg-owner-table.c — one report section as a table.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first column names the row (a dish, a guest, a slot "Wed 19:00", a
 * segment); the others are the spec's measures, formatted as the charts
 * format them, numbers aligned right.  Long sections scroll inside the
 * table so the chart stays in view.
 */
#include "rg-owner-table.h"

#include <glib/gi18n.h>
#include "rg-chart.h"

#define TABLE_MAX_HEIGHT 360
#define TABLE_ROW_HEIGHT 34

/* The columns before the measures. */
#define COLUMN_NAME  -1
#define COLUMN_GROUP -2

/* --------------------------------------------------------------- helpers */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), numeric ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  RgReportRow *row = gtk_list_item_get_item (item);
  gint measure = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "measure"));
  g_autofree gchar *text = NULL;

  if (measure == COLUMN_NAME)
    text = rg_chart_dup_row_label (row);
  else if (measure == COLUMN_GROUP)
    text = rg_chart_dup_group_label (row);
  else
    text = rg_chart_format_value ((RgMeasure) measure, rg_report_row_get_value (row, (RgMeasure) measure));
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (GtkColumnView *view,
            const gchar   *title,
            gint           measure)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "measure", GINT_TO_POINTER (measure));
  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (measure >= 0));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, measure == COLUMN_NAME);
  gtk_column_view_append_column (view, column);
}

/* ------------------------------------------------------------ public API */

/**
 * rg_owner_table_new:
 * @spec: the columns
 * @rows: (nullable): #RgReportRow of the section; %NULL for none
 *
 * Returns: (transfer floating): a box with the heading and the table, or
 *   "Nothing in this period" when @rows is empty.
 */
GtkWidget *
rg_owner_table_new (const RgOwnerTableSpec *spec,
                    GListModel             *rows)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_(spec->title));
  GtkWidget *scroller, *view;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    {
      GtkWidget *empty = gtk_label_new (_("Nothing in this period"));

      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (box), empty);
      return box;
    }

  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (rows))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "owner-table");
  add_column (GTK_COLUMN_VIEW (view), _("Name"), COLUMN_NAME);
  if (spec->group_title != NULL)
    add_column (GTK_COLUMN_VIEW (view), _(spec->group_title), COLUMN_GROUP);
  for (guint m = 0; m < spec->n_measures; m++)
    add_column (GTK_COLUMN_VIEW (view), rg_chart_measure_name (spec->measures[m]), (gint) spec->measures[m]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->title), -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), TABLE_MAX_HEIGHT);
  /* A list view asks for little height: make room for the rows up to the
   * most the table shows before it scrolls. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              MIN (TABLE_MAX_HEIGHT,
                                                   TABLE_ROW_HEIGHT * (gint) (g_list_model_get_n_items (rows) + 2)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}
