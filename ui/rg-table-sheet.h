/* rg-table-sheet.h — the waiter's view of one seated table: who is there,
 * their allergies and dislikes where nobody can miss them, their usual
 * dishes, the open check with order entry beside it, preferences in two
 * taps, feedback and closing the check.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-order-entry.h"
#include "rg-recommend.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_TABLE_SHEET (rg_table_sheet_get_type ())
G_DECLARE_FINAL_TYPE (RgTableSheet, rg_table_sheet, RG, TABLE_SHEET, GtkWidget)

void          rg_table_sheet_set_session     (RgTableSheet  *self,
                                              RgSession     *session);

/* @recommender: (nullable): where the usual dishes come from; without one
 * the sheet shows none */
void          rg_table_sheet_set_recommender (RgTableSheet  *self,
                                              RgRecommender *recommender);

/**
 * rg_table_sheet_load:
 * @visit_id: the open visit at the table
 *
 * Reads the visit, its guests' allergies and dislikes, the check and the
 * menu.
 *
 * Returns: %FALSE with @error set when the visit cannot be read.
 */
gboolean      rg_table_sheet_load            (RgTableSheet  *self,
                                              const gchar   *visit_id,
                                              GError       **error);

/* (nullable): the visit shown */
const gchar  *rg_table_sheet_get_visit_id    (RgTableSheet  *self);

/* (transfer none) */
RgOrderEntry *rg_table_sheet_get_order_entry (RgTableSheet  *self);

/* Puts the order entry under the check instead of beside it. */
void          rg_table_sheet_set_compact     (RgTableSheet  *self,
                                              gboolean       compact);

G_END_DECLS
