/* rg-floor-page.h — seating: the floor plan with live status, the free
 * tables that suit the party ranked with their reasons, one tap to seat.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-floor-plan.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_FLOOR_PAGE (rg_floor_page_get_type ())
G_DECLARE_FINAL_TYPE (RgFloorPage, rg_floor_page, RG, FLOOR_PAGE, GtkWidget)

void         rg_floor_page_set_session     (RgFloorPage *self,
                                            RgSession   *session);

/**
 * rg_floor_page_load:
 * @guest_id: (nullable): the guest to seat, %NULL for a walk-in
 * @guest_name: (nullable): their name, for the title
 * @party_size: how many are coming, > 0
 *
 * Reads the branch's tables and ranks the free ones for the party.
 *
 * Returns: %FALSE with @error set when the floor cannot be read.
 */
gboolean     rg_floor_page_load            (RgFloorPage *self,
                                            const gchar *guest_id,
                                            const gchar *guest_name,
                                            gint         party_size,
                                            GError     **error);

/* Seats the party at @table_id, opens the visit and redraws the floor;
 * emits ::seated.  %FALSE with @error set when the core refuses. */
gboolean     rg_floor_page_seat            (RgFloorPage *self,
                                            const gchar *table_id,
                                            GError     **error);

/* Stacks the plan over the suggestions instead of side by side. */
void         rg_floor_page_set_compact     (RgFloorPage *self,
                                            gboolean     compact);

/* (transfer none) */
RgFloorPlan *rg_floor_page_get_plan        (RgFloorPage *self);
/* (transfer none): a #GListModel of #RgTableSuggestion, best first */
GListModel  *rg_floor_page_get_suggestions (RgFloorPage *self);

G_END_DECLS
