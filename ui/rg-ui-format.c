/* rg-ui-format.c — dates, money, tiers and ordinals for the host.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card's tier counts visits: 20 make Gold, 10 Silver, 3 a Regular.
 * The owner's tier pyramid (rg-segment.h) ranks guests by spend within a
 * report period and has no lookup for one guest; when it gets one, the
 * badge should show that instead.
 */
#include "rg-ui-format.h"

#include <glib/gi18n.h>

#define TIER_GOLD_VISITS    20
#define TIER_SILVER_VISITS  10
#define TIER_REGULAR_VISITS  3

gchar *
rg_ui_format_day (gint64 utc_ms)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (utc_ms / 1000);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (when) == g_date_time_get_year (now))
    /* Translators: a day this year, strftime format: "3 Nov" */
    return g_date_time_format (when, _("%-d %b"));
  /* Translators: a day of another year, strftime format: "3 Nov 2024" */
  return g_date_time_format (when, _("%-d %b %Y"));
}

gchar *
rg_ui_format_money (gint64 minor)
{
  g_autofree gchar *amount = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", minor < 0 ? "-" : "",
                                              ABS (minor) / 100, (gint) (ABS (minor) % 100));

  /* Translators: an amount of money, "¥1234.50" */
  return g_strdup_printf (_("¥%s"), amount);
}

const gchar *
rg_ui_tier_for_visits (guint visit_count)
{
  if (visit_count >= TIER_GOLD_VISITS)
    return C_("tier", "Gold");
  if (visit_count >= TIER_SILVER_VISITS)
    return C_("tier", "Silver");
  if (visit_count >= TIER_REGULAR_VISITS)
    return C_("tier", "Regular");
  return C_("tier", "New");
}

const gchar *
rg_ui_tier_css_class (guint visit_count)
{
  if (visit_count >= TIER_GOLD_VISITS)
    return "tier-gold";
  if (visit_count >= TIER_SILVER_VISITS)
    return "tier-silver";
  if (visit_count >= TIER_REGULAR_VISITS)
    return "tier-regular";
  return "tier-new";
}

gchar *
rg_ui_format_nth_visit (guint n)
{
  if (n % 100 >= 11 && n % 100 <= 13)
    return g_strdup_printf (C_("ordinal", "%uth"), n);
  switch (n % 10)
    {
    case 1:
      return g_strdup_printf (C_("ordinal", "%ust"), n);
    case 2:
      return g_strdup_printf (C_("ordinal", "%und"), n);
    case 3:
      return g_strdup_printf (C_("ordinal", "%urd"), n);
    default:
      return g_strdup_printf (C_("ordinal", "%uth"), n);
    }
}
