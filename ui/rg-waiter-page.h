/* rg-waiter-page.h — the waiter's mode: the floor plan with each seated
 * table's party, time seated and open check; a tap opens the table sheet.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-floor-plan.h"
#include "rg-table-sheet.h"

G_BEGIN_DECLS

#define RG_TYPE_WAITER_PAGE (rg_waiter_page_get_type ())
G_DECLARE_FINAL_TYPE (RgWaiterPage, rg_waiter_page, RG, WAITER_PAGE, GtkWidget)

void          rg_waiter_page_set_session     (RgWaiterPage  *self,
                                              RgSession     *session);
void          rg_waiter_page_set_recommender (RgWaiterPage  *self,
                                              RgRecommender *recommender);

/* Re-reads the floor and shows it.  %FALSE with @error set when the floor
 * cannot be read. */
gboolean      rg_waiter_page_load            (RgWaiterPage  *self,
                                              GError       **error);

/**
 * rg_waiter_page_open_table:
 * @table_id: a table of the branch
 *
 * What a tap on the table does: opens its sheet when a party is seated
 * there.
 *
 * Returns: %FALSE with @error set (%RG_ERROR_NOT_FOUND: nobody is
 *   seated there) when there is no check to open.
 */
gboolean      rg_waiter_page_open_table      (RgWaiterPage  *self,
                                              const gchar   *table_id,
                                              GError       **error);

void          rg_waiter_page_set_compact     (RgWaiterPage  *self,
                                              gboolean       compact);

/* (transfer none) */
RgFloorPlan  *rg_waiter_page_get_plan        (RgWaiterPage  *self);
/* (transfer none) */
RgTableSheet *rg_waiter_page_get_sheet       (RgWaiterPage  *self);

G_END_DECLS
