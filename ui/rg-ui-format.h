/* rg-ui-format.h — words and dates the way the host reads them, shared by
 * the pages of the front-of-house app.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-guest-tier.h"

G_BEGIN_DECLS

/* "3 Nov" this year, "3 Nov 2024" before; in the local time zone. */
gchar       *rg_ui_format_day      (gint64       utc_ms);

/* "¥1,234.50" style money from minor units. */
gchar       *rg_ui_format_money    (gint64       minor);

/* Shows the guest's spend tier on @badge: "Top 1%", "Top 5%", "Top 20%"
 * or "Regular", translated, with its style class; hidden for a guest
 * without a visit this year. */
void         rg_ui_show_tier       (GtkLabel    *badge,
                                    RgGuestTier  tier);

/* "1st", "2nd", "12th" in English; "第12次" style in Chinese. */
gchar       *rg_ui_format_nth_visit (guint       n);

G_END_DECLS
