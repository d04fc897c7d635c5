/* rg-lookup-page.h — the host's search: one big field for a phone, its last
 * digits, a member card or a name, a digit pad, and the matches.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-guest-tier.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_LOOKUP_PAGE (rg_lookup_page_get_type ())
G_DECLARE_FINAL_TYPE (RgLookupPage, rg_lookup_page, RG, LOOKUP_PAGE, GtkWidget)

void         rg_lookup_page_set_session   (RgLookupPage *self,
                                           RgSession    *session);

/* (transfer none): the search field */
GtkEditable *rg_lookup_page_get_entry     (RgLookupPage *self);

/* (transfer none): the current matches, a #GListModel of #RgGuestMatch */
GListModel  *rg_lookup_page_get_results   (RgLookupPage *self);

/* The spend tier of the match at @position of the results. */
RgGuestTier  rg_lookup_page_get_tier      (RgLookupPage *self,
                                           guint         position);
/* %TRUE while a lookup runs or waits to run. */
gboolean     rg_lookup_page_is_busy       (RgLookupPage *self);

/* Puts @text in the field and opens the guest as soon as the lookup finds
 * exactly one (a scanned card, a phone number). */
void         rg_lookup_page_open          (RgLookupPage *self,
                                           const gchar  *text);

/* Runs the lookup again, after a guest was added or changed. */
void         rg_lookup_page_refresh       (RgLookupPage *self);

/* Empties the field and focuses it. */
void         rg_lookup_page_reset         (RgLookupPage *self);

G_END_DECLS
