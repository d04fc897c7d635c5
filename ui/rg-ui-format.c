/* rg-ui-format.c — dates, money, tiers and ordinals for the host.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tier badge is the guest's place in the owner's spend pyramid
 * (rg-guest-tier.h): the top 1%, 5% and 20% of this year's guests.
 */
#include "rg-ui-format.h"

#include <glib/gi18n.h>

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

void
rg_ui_show_tier (GtkLabel    *badge,
                 RgGuestTier  tier)
{
  static const struct { const gchar *label; const gchar *css_class; } tiers[] = {
    [RG_GUEST_TIER_TOP1] = { NC_("tier", "Top 1%"), "tier-gold" },
    [RG_GUEST_TIER_NEXT4] = { NC_("tier", "Top 5%"), "tier-silver" },
    [RG_GUEST_TIER_NEXT15] = { NC_("tier", "Top 20%"), "tier-regular" },
    [RG_GUEST_TIER_REST] = { NC_("tier", "Regular"), "tier-rest" },
  };

  g_return_if_fail (GTK_IS_LABEL (badge));
  g_return_if_fail (tier <= RG_GUEST_TIER_REST);

  gtk_widget_set_visible (GTK_WIDGET (badge), tier != RG_GUEST_TIER_NONE);
  if (tier == RG_GUEST_TIER_NONE)
    return;
  gtk_label_set_label (badge, g_dpgettext2 (NULL, "tier", tiers[tier].label));
  gtk_widget_set_css_classes (GTK_WIDGET (badge), (const gchar *[]) { "badge", tiers[tier].css_class, NULL });
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
