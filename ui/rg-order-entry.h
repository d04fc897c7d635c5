/* rg-order-entry.h — the menu by category with search, for adding items to
 * an open check: quantity, seat and course; 86'd items shown but off; an
 * allergen of the table needs an explicit confirmation.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_ORDER_ENTRY (rg_order_entry_get_type ())
G_DECLARE_FINAL_TYPE (RgOrderEntry, rg_order_entry, RG, ORDER_ENTRY, GtkWidget)

void     rg_order_entry_set_session (RgOrderEntry *self,
                                     RgSession    *session);

/**
 * rg_order_entry_load:
 * @visit_id: the open visit the items go to
 *
 * Reads the menu (all categories, today's availability) and the
 * allergies of the host guest; dishes holding one are marked.
 *
 * Returns: %FALSE with @error set when the menu cannot be read.
 */
gboolean rg_order_entry_load        (RgOrderEntry *self,
                                     const gchar  *visit_id,
                                     GError      **error);

/**
 * rg_order_entry_add_item:
 * @item_id: the menu item tapped
 *
 * Adds the item with the quantity, seat and course chosen.  When it holds
 * an allergen of someone at the table, nothing is written: an
 * #AdwMessageDialog names the allergen and, confirmed, adds the line with
 * the override recorded.  Emits ::line-added for each line written.
 *
 * Returns: %TRUE when the line was added or the confirmation is asked;
 *   %FALSE with @error set when the core refuses for another reason
 *   (%RG_ERROR_INVALID: the item is off today, the check is closed).
 */
gboolean rg_order_entry_add_item    (RgOrderEntry *self,
                                     const gchar  *item_id,
                                     GError      **error);

/* The quantity, seat (0: none) and course (0: none) of the next item. */
void     rg_order_entry_set_amounts (RgOrderEntry *self,
                                     gint          qty,
                                     gint          seat,
                                     gint          course);

G_END_DECLS
