/* rg-guest-tier.h — one guest's place in the owner's spend pyramid, for the
 * badge on the guest card and the lookup results.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pyramid is the one of the tiers report (rg-segment.h): the guests
 * with a closed visit in the last 365 days, ranked by what they spent as
 * the host guest of those visits (the subtotals), make the top 1%, the
 * next 4%, the next 15% and the rest.  Guests who spent as much as the
 * last one of a tier are in it too.
 *
 * Ranking every guest per card would read the whole year of visits, so the
 * lowest spend of each tier (the cut) is worked out once per UTC day, and
 * again when the visits grew by more than a tenth since (an import, the
 * demo), and kept in the terminal's settings.  A guest's tier is then their
 * own visits of the year, read from the visit_guest_spend index alone,
 * against the cut.
 */
#pragma once

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * RgGuestTier:
 * @RG_GUEST_TIER_NONE: no closed visit in the last 365 days
 * @RG_GUEST_TIER_TOP1: the top 1% of the active guests by spend
 * @RG_GUEST_TIER_NEXT4: the next 4%
 * @RG_GUEST_TIER_NEXT15: the next 15%
 * @RG_GUEST_TIER_REST: the other 80%
 *
 * Tiers 1 to 4 are the tiers of rg_segment_tier_of_rank().
 */
typedef enum
{
  RG_GUEST_TIER_NONE,
  RG_GUEST_TIER_TOP1,
  RG_GUEST_TIER_NEXT4,
  RG_GUEST_TIER_NEXT15,
  RG_GUEST_TIER_REST,
} RgGuestTier;

gboolean rg_guest_tier_refresh (RgDb         *db,
                                gint64        now_ms,
                                GError      **error);

gboolean rg_guest_tier_is_ready (RgDb        *db,
                                 gint64       now_ms);

gboolean rg_guest_tier_get     (RgDb         *db,
                                const gchar  *guest_id,
                                gint64        now_ms,
                                RgGuestTier  *tier,
                                GError      **error);

gboolean rg_guest_tier_get_many (RgDb                *db,
                                 const gchar * const *guest_ids,
                                 guint                n_guests,
                                 gint64               now_ms,
                                 RgGuestTier         *tiers,
                                 GError             **error);

G_END_DECLS
