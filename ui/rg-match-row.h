/* rg-match-row.h — one guest in the lookup results, told apart from the
 * others by name, masked phone, last visit and tier.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-guest-lookup.h"
#include "rg-guest-tier.h"

G_BEGIN_DECLS

#define RG_TYPE_MATCH_ROW (rg_match_row_get_type ())
G_DECLARE_FINAL_TYPE (RgMatchRow, rg_match_row, RG, MATCH_ROW, GtkWidget)

GtkWidget    *rg_match_row_new       (void);

/* (transfer none) (nullable) */
RgGuestMatch *rg_match_row_get_match (RgMatchRow   *self);
void          rg_match_row_set_match (RgMatchRow   *self,
                                      RgGuestMatch *match);
/* The guest's spend tier badge, found by the lookup (rg-guest-tier.h). */
void          rg_match_row_set_tier  (RgMatchRow   *self,
                                      RgGuestTier   tier);

G_END_DECLS
