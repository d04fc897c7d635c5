/* rg-owner-table.c — one report section as a table.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first column names the row (a dish, a guest, a slot "Wed 19:00", a
 * segment), the second its group when the spec has one; the others are the
 * spec's measures, formatted as the charts format them, numbers aligned
 * right, each followed by how it moved when the spec asks.  The PDF prints
 * the same columns.  Long sections scroll inside the table so the chart
 * stays in view.
 */
#include "rg-owner-table.h"

#include <math.h>

#include <glib/gi18n.h>
#include "rg-chart.h"

#define TABLE_MAX_HEIGHT 360
#define TABLE_ROW_HEIGHT 34

typedef enum
{
  COLUMN_NAME,
  COLUMN_GROUP,
  COLUMN_VALUE,
  COLUMN_CHANGE,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  RgMeasure  measure;
} Column;

/* --------------------------------------------------------------- helpers */

static gboolean
shows_change (const RgOwnerTableSpec *spec,
              RgMeasure               measure)
{
  for (guint c = 0; c < spec->n_changes; c++)
    if (spec->changes[c] == measure)
      return TRUE;
  return FALSE;
}

/* The @index-th column of @spec's tables. */
static Column
get_column (const RgOwnerTableSpec *spec,
            guint                   index)
{
  guint at = 0;

  if (index == at++)
    return (Column) { COLUMN_NAME, 0 };
  if (spec->group_title != NULL && index == at++)
    return (Column) { COLUMN_GROUP, 0 };
  for (guint m = 0; m < spec->n_measures; m++)
    {
      if (index == at++)
        return (Column) { COLUMN_VALUE, spec->measures[m] };
      if (shows_change (spec, spec->measures[m]) && index == at++)
        return (Column) { COLUMN_CHANGE, spec->measures[m] };
    }
  g_return_val_if_reached (((Column) { COLUMN_NAME, 0 }));
}

/* How a rank moved since the period before: places up or down, or new
 * when it did not rank then. */
static gchar *
dup_rank_move (gdouble rank,
               gdouble previous)
{
  if (isnan (rank))
    return g_strdup ("");
  if (isnan (previous))
    /* Translators: a busiest slot that had no guests in the period before */
    return g_strdup (_("new"));
  if (previous > rank)
    /* Translators: a busiest slot moved up this many places */
    return g_strdup_printf (_("↑ %.0f"), previous - rank);
  if (previous < rank)
    /* Translators: a busiest slot moved down this many places */
    return g_strdup_printf (_("↓ %.0f"), rank - previous);
  /* Translators: a busiest slot kept its place */
  return g_strdup (_("same"));
}

static gchar *
dup_change (RgReportRow *row,
            RgMeasure    measure)
{
  gdouble change;

  if (measure == RG_MEASURE_RANK || measure == RG_MEASURE_TIER)
    return dup_rank_move (rg_report_row_get_value (row, measure), rg_report_row_get_previous (row, measure));
  change = rg_report_row_get_change_pct (row, measure);
  return isnan (change) ? g_strdup ("") : g_strdup_printf ("%+.1f%%", change);
}

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
  const RgOwnerTableSpec *spec = g_object_get_data (G_OBJECT (factory), "spec");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree gchar *text = rg_owner_table_dup_cell (spec, gtk_list_item_get_item (item), column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (GtkColumnView          *view,
            const RgOwnerTableSpec *spec,
            guint                   index)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autofree gchar *title = rg_owner_table_dup_title (spec, index);

  /* The specs are static tables of the page. */
  g_object_set_data (G_OBJECT (factory), "spec", (gpointer) spec);
  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (rg_owner_table_is_numeric (spec, index)));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, index == 0);
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
  for (guint c = 0; c < rg_owner_table_n_columns (spec); c++)
    add_column (GTK_COLUMN_VIEW (view), spec, c);
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

/**
 * rg_owner_table_n_columns:
 * @spec: a table
 *
 * Returns: how many columns its tables have: the name, the group when it
 *   has one, each measure and each change.
 */
guint
rg_owner_table_n_columns (const RgOwnerTableSpec *spec)
{
  guint n = 1 + (spec->group_title != NULL ? 1 : 0);

  g_return_val_if_fail (spec != NULL, 0);

  for (guint m = 0; m < spec->n_measures; m++)
    n += shows_change (spec, spec->measures[m]) ? 2 : 1;
  return n;
}

/**
 * rg_owner_table_dup_title:
 * @spec: a table
 * @column: below rg_owner_table_n_columns()
 *
 * Returns: (transfer full): the column's heading, translated.
 */
gchar *
rg_owner_table_dup_title (const RgOwnerTableSpec *spec,
                          guint                   column)
{
  Column c = get_column (spec, column);

  switch (c.kind)
    {
    case COLUMN_NAME:
      return g_strdup (_("Name"));
    case COLUMN_GROUP:
      return g_strdup (_(spec->group_title));
    case COLUMN_VALUE:
      return g_strdup (rg_chart_measure_name (c.measure));
    case COLUMN_CHANGE:
    default:
      /* Translators: the heading of how a rank moved since the period before */
      return g_strdup (c.measure == RG_MEASURE_RANK || c.measure == RG_MEASURE_TIER ? _("Moved") : "±%");
    }
}

/**
 * rg_owner_table_is_numeric:
 * @spec: a table
 * @column: below rg_owner_table_n_columns()
 *
 * Returns: whether the column holds numbers (aligned right).
 */
gboolean
rg_owner_table_is_numeric (const RgOwnerTableSpec *spec,
                           guint                   column)
{
  ColumnKind kind = get_column (spec, column).kind;

  return kind == COLUMN_VALUE || kind == COLUMN_CHANGE;
}

/**
 * rg_owner_table_dup_cell:
 * @spec: a table
 * @row: a row of its section
 * @column: below rg_owner_table_n_columns()
 *
 * Returns: (transfer full): the text of the cell, as the screen and the
 *   PDF show it ("" when there is nothing to show).
 */
gchar *
rg_owner_table_dup_cell (const RgOwnerTableSpec *spec,
                         RgReportRow            *row,
                         guint                   column)
{
  Column c = get_column (spec, column);

  g_return_val_if_fail (RG_IS_REPORT_ROW (row), NULL);

  switch (c.kind)
    {
    case COLUMN_NAME:
      return rg_chart_dup_row_label (row);
    case COLUMN_GROUP:
      return rg_chart_dup_group_label (row);
    case COLUMN_VALUE:
      return rg_chart_format_value (c.measure, rg_report_row_get_value (row, c.measure));
    case COLUMN_CHANGE:
    default:
      return dup_change (row, c.measure);
    }
}
