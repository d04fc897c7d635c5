/* rg-owner-table.h — the exact numbers beside the owner's charts: one
 * report section as a table, on screen (GtkColumnView) and in the PDF.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-report.h"

G_BEGIN_DECLS

#define RG_OWNER_TABLE_MAX_MEASURES 6
#define RG_OWNER_TABLE_MAX_CHANGES  2
/* The name, the group, the measures and their changes. */
#define RG_OWNER_TABLE_MAX_COLUMNS  (2 + RG_OWNER_TABLE_MAX_MEASURES + RG_OWNER_TABLE_MAX_CHANGES)

/**
 * RgOwnerTableSpec:
 * @kind: the report
 * @section: its section
 * @title: (translatable): the heading, marked with N_()
 * @group_title: (nullable): the heading of a column of the rows' groups
 *   (a dish's category, a table's zone), marked with N_(); %NULL for none
 * @measures: the columns after the name, in order
 * @n_measures: how many
 * @changes: measures among @measures followed by how they moved against
 *   the period before: places up or down for a rank, a change in percent
 *   for the others
 * @n_changes: how many
 *
 * Which numbers of which section a table shows, on screen and in the PDF.
 */
typedef struct
{
  RgReportKind kind;
  const gchar *section;
  const gchar *title;
  const gchar *group_title;
  RgMeasure    measures[RG_OWNER_TABLE_MAX_MEASURES];
  guint        n_measures;
  RgMeasure    changes[RG_OWNER_TABLE_MAX_CHANGES];
  guint        n_changes;
} RgOwnerTableSpec;

GtkWidget *rg_owner_table_new        (const RgOwnerTableSpec *spec,
                                      GListModel             *rows);
guint      rg_owner_table_n_columns  (const RgOwnerTableSpec *spec);
gchar     *rg_owner_table_dup_title  (const RgOwnerTableSpec *spec,
                                      guint                   column);
gboolean   rg_owner_table_is_numeric (const RgOwnerTableSpec *spec,
                                      guint                   column);
gchar     *rg_owner_table_dup_cell   (const RgOwnerTableSpec *spec,
                                      RgReportRow            *row,
                                      guint                   column);

G_END_DECLS
