/* rg-floor-private.h — what rg-floor shares with rg-visit and rg-feedback.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-floor.h"

G_BEGIN_DECLS

/* %TRUE if @branch_id is a live branch; else %RG_ERROR_NOT_FOUND. */
gboolean _rg_floor_check_branch (RgDb *db, const gchar *branch_id, GError **error);

/* %TRUE if the live row @id exists in @table ("guest", "staff"); else
 * %RG_ERROR_NOT_FOUND saying "there is no @what with the id …".  @table is
 * one of a fixed set of names, never user input. */
gboolean _rg_floor_check_row (RgDb *db, const gchar *table, const gchar *id, const gchar *what, GError **error);

G_END_DECLS
