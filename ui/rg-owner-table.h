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

/**
 * RgOwnerTableSpec:
 * @kind: the report
 * @section: its section
 * @title: (translatable): the heading, marked with N_()
 * @group_title: (nullable): the heading of a column of the rows' groups
 *   (a dish's category, a table's zone), marked with N_(); %NULL for none
 * @measures: the columns after the name, in order
 * @n_measures: how many
 *
 * Which numbers of which section a table shows.
 */
typedef struct
{
  RgReportKind kind;
  const gchar *section;
  const gchar *title;
  const gchar *group_title;
  RgMeasure    measures[RG_OWNER_TABLE_MAX_MEASURES];
  guint        n_measures;
} RgOwnerTableSpec;

GtkWidget *rg_owner_table_new       (const RgOwnerTableSpec *spec,
                                     GListModel             *rows);

G_END_DECLS
