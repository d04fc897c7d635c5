/* rg-feedback-dialog.h — the table's ratings: 1–5 per aspect (food,
 * service, ambience, tableware, overall) and per dish ordered, with a
 * comment.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rg-feedback.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_FEEDBACK_DIALOG (rg_feedback_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgFeedbackDialog, rg_feedback_dialog, RG, FEEDBACK_DIALOG, AdwMessageDialog)

/**
 * rg_feedback_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @session: what it works on
 * @visit_id: the visit rated
 *
 * A dialog with five stars per aspect and per dish on the check; its
 * "save" response means the ratings are to be kept: call
 * rg_feedback_dialog_apply() then.  Each star button is named
 * "rate-ASPECT-N" ("rate-food-4") or "rate-dish-ITEMID-N".
 *
 * Returns: (transfer none) (nullable): the dialog, %NULL with @error set
 *   when the check cannot be read.
 */
RgFeedbackDialog *rg_feedback_dialog_new   (GtkWindow         *parent,
                                            RgSession         *session,
                                            const gchar       *visit_id,
                                            GError           **error);

/**
 * rg_feedback_dialog_apply:
 *
 * Stores every rating given, in one transaction, linked to the visit, the
 * waiter and the host guest; the comment goes with the overall rating, or
 * with the first one given when there is no overall rating.
 *
 * Returns: the number of ratings stored; -1 with @error set when the core
 *   refuses (nothing is stored then).
 */
gint              rg_feedback_dialog_apply (RgFeedbackDialog  *self,
                                            GError           **error);

G_END_DECLS
