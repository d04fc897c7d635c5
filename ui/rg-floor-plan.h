/* rg-floor-plan.h — a branch's floor drawn to scale, with each table's live
 * status, the zones, and the tables suggested for a party.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_TYPE_FLOOR_PLAN (rg_floor_plan_get_type ())
G_DECLARE_FINAL_TYPE (RgFloorPlan, rg_floor_plan, RG, FLOOR_PLAN, GtkWidget)

GtkWidget   *rg_floor_plan_new                (void);

/* (transfer none) (nullable): a #GListModel of #RgDiningTable */
GListModel  *rg_floor_plan_get_tables         (RgFloorPlan *self);
void         rg_floor_plan_set_tables         (RgFloorPlan *self,
                                               GListModel  *tables);

/* @live: (nullable): a #GListModel of #RgTableLive (rg_floor_list_live());
 * each seated table then shows its party, seated time and check total */
void         rg_floor_plan_set_live           (RgFloorPlan *self,
                                               GListModel  *live);

/* Whether a seated table shows its check total (the host's plan does not) */
gboolean     rg_floor_plan_get_show_check     (RgFloorPlan *self);
void         rg_floor_plan_set_show_check     (RgFloorPlan *self,
                                               gboolean     show_check);

/* (transfer full) (nullable): what the plan says of a table, as its
 * accessible description does ("Table 4, party of 3, seated at 19:05,
 * check ¥56.00"); %NULL for a table not on the plan */
gchar       *rg_floor_plan_dup_table_text     (RgFloorPlan *self,
                                               const gchar *table_id);

/* @suggestions: (nullable): a #GListModel of #RgTableSuggestion, best
 * first; those tables are outlined and numbered by rank */
void         rg_floor_plan_set_suggestions    (RgFloorPlan *self,
                                               GListModel  *suggestions);

/* (nullable): the id of the table picked by tap or keyboard */
const gchar *rg_floor_plan_get_selected_id    (RgFloorPlan *self);
void         rg_floor_plan_set_selected_id    (RgFloorPlan *self,
                                               const gchar *table_id);

/* The rank (1 = best) of a suggested table, 0 when it is not suggested. */
guint        rg_floor_plan_get_rank           (RgFloorPlan *self,
                                               const gchar *table_id);

/* Where a table is drawn, in widget coordinates; %FALSE if it is unknown. */
gboolean     rg_floor_plan_get_table_bounds   (RgFloorPlan     *self,
                                               const gchar     *table_id,
                                               graphene_rect_t *bounds);

G_END_DECLS
