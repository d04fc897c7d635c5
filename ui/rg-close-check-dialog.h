/* rg-close-check-dialog.h — closing a check: the totals, a tip and how the
 * bill was paid (no card processing).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rg-session.h"
#include "rg-visit.h"

G_BEGIN_DECLS

#define RG_TYPE_CLOSE_CHECK_DIALOG (rg_close_check_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgCloseCheckDialog, rg_close_check_dialog, RG, CLOSE_CHECK_DIALOG, AdwMessageDialog)

/**
 * rg_close_check_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @session: what it works on
 * @visit_id: the open visit
 *
 * A dialog with the check's totals, a tip field and the payment methods;
 * its "close" response means the waiter wants the check closed: call
 * rg_close_check_dialog_apply() then.
 *
 * Returns: (transfer none) (nullable): the dialog, %NULL with @error set
 *   when the totals cannot be read.
 */
RgCloseCheckDialog *rg_close_check_dialog_new        (GtkWindow          *parent,
                                                      RgSession          *session,
                                                      const gchar        *visit_id,
                                                      GError            **error);

void                rg_close_check_dialog_set_tip    (RgCloseCheckDialog *self,
                                                      gint64              tip);
void                rg_close_check_dialog_set_method (RgCloseCheckDialog *self,
                                                      RgPaymentMethod     method);

/**
 * rg_close_check_dialog_apply:
 *
 * Closes the check with the tip and method chosen: the table turns to
 * clean and the rollups are updated (rg_visit_close()).
 *
 * Returns: %FALSE with @error set when the core refuses.
 */
gboolean            rg_close_check_dialog_apply      (RgCloseCheckDialog *self,
                                                      GError            **error);

G_END_DECLS
