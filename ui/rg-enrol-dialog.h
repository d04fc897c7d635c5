/* rg-enrol-dialog.h — enrolling a new guest in a few taps, or editing one,
 * with duplicate detection before anything is written.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_ENROL_DIALOG (rg_enrol_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RgEnrolDialog, rg_enrol_dialog, RG, ENROL_DIALOG, AdwWindow)

/**
 * rg_enrol_dialog_new:
 * @parent: the window it belongs to
 * @session: the session
 * @query: (nullable): what the host had typed; a phone or card goes to
 *   its field, anything else to the name
 *
 * Returns: (transfer none): a new modal dialog, destroyed when closed.
 */
RgEnrolDialog *rg_enrol_dialog_new      (GtkWindow   *parent,
                                         RgSession   *session,
                                         const gchar *query);

/**
 * rg_enrol_dialog_new_edit:
 * @guest_id: the guest to edit in place
 *
 * Returns: (transfer none) (nullable): a dialog filled with the guest's
 *   details, or %NULL with @error set when the guest cannot be read.
 */
RgEnrolDialog *rg_enrol_dialog_new_edit (GtkWindow   *parent,
                                         RgSession   *session,
                                         const gchar *guest_id,
                                         GError     **error);

/* Saves (or, when duplicates were found and not yet confirmed, shows them
 * and returns %FALSE without writing). */
gboolean       rg_enrol_dialog_save     (RgEnrolDialog *self);

/* (transfer none): the fields, for tests and for focus order */
GtkEditable   *rg_enrol_dialog_get_field (RgEnrolDialog *self,
                                          const gchar   *name);

/* (transfer none): the candidates found by the last check, a #GListModel
 * of #RgGuestDuplicate; empty when none */
GListModel    *rg_enrol_dialog_get_duplicates (RgEnrolDialog *self);

G_END_DECLS
