/* rg-ui-waiter-util.h — what the waiter's UI tests and benchmark share:
 * seating a party in the demo database, opening its table sheet from the
 * floor, tapping dishes and answering dialogs like a waiter.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-table-sheet.h"
#include "rg-ui-test-util.h"
#include "rg-waiter-page.h"

G_BEGIN_DECLS

#define RG_UI_WAITER_WAIT_MS 5000

/* Seats @host (nullable: walk-ins) with the known @extras (nullable) and
 * @party people at the first free table of the demo branch with enough
 * seats, skipping @avoid_table (nullable).  Returns the visit id; with
 * @table_id, the table's too. */
gchar         *rg_ui_waiter_seat        (RgDb                *db,
                                         const gchar         *host,
                                         const gchar * const *extras,
                                         gint                 party,
                                         gchar              **table_id);

/* A regular of the demo (most visits first) with no allergy yet, skipping
 * the @n_taken first ones. */
gchar         *rg_ui_waiter_regular     (RgDb                *db,
                                         guint                n_taken);

/* Shows the tables page and taps @table_id in the plan; returns the sheet,
 * checked to show @visit_id. */
RgTableSheet  *rg_ui_waiter_open_table  (RgWindow            *window,
                                         const gchar         *table_id,
                                         const gchar         *visit_id);

/* The row of the menu list showing @item_id. */
GtkListBoxRow *rg_ui_waiter_menu_row    (RgTableSheet        *sheet,
                                         const gchar         *item_id);

/* What a tap on a menu row does; returns once its handlers have run. */
void           rg_ui_waiter_tap_row     (GtkListBoxRow       *row);

/* Waits for a toplevel of @type to open. */
GtkWindow     *rg_ui_waiter_wait_dialog (GType                type);

/* Taps the dialog's answer labelled @response; waits until it is gone. */
void           rg_ui_waiter_respond     (GtkWindow           *dialog,
                                         const gchar         *response);

G_END_DECLS
