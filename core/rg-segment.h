/* rg-segment.h — guest segments: the tier pyramid by spend or profit, RFM
 * scores and their named segments, lapsed regulars and coming dates.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports themselves are RG_REPORT_TIERS and RG_REPORT_RFM of
 * rg_report_run() (rg-report.h); this header names the segments they use.
 *
 * Tiers rank the guests active in the period (at least one visit) by what
 * they spent (or the profit on it): tier 1 is the top 1%, tier 2 the next
 * 4%, tier 3 the next 15%, tier 4 the other 80% (each tier's size rounded
 * up, so the top tier has a guest as soon as there is one).
 *
 * RFM looks at the guests with a visit in the period or the period before:
 * recency (days from the last visit to the end of the period), frequency
 * (visits) and monetary value (spend) each score 1 to 5 by quintile among
 * them, 5 the best.
 *
 * The guest lists of the tiers report are chain-wide and as of the end of
 * the period, from the latest figures: inactive guests (no visit in
 * inactive_days), guests enrolled in the period who never came, lapsed
 * regulars (lapsed_visits or more visits, the last one between lapsed_days
 * and a year ago; the biggest spenders first) and the birthdays and
 * anniversaries of the coming upcoming_days of guests who have come (the
 * biggest spenders, soonest first).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RgRfmSegment:
 * @RG_RFM_CHAMPIONS: recent, frequent and big spenders (R, F and M 4+)
 * @RG_RFM_LOYAL: frequent and not lapsing (F 4+, R 3+)
 * @RG_RFM_NEW: one visit in both periods, a recent one (R 4+)
 * @RG_RFM_PROMISING: recent but not yet frequent (R 3+)
 * @RG_RFM_AT_RISK: good guests who stopped coming (R 2-, F or M 3+)
 * @RG_RFM_HIBERNATING: neither recent nor frequent nor big spenders
 */
typedef enum
{
  RG_RFM_CHAMPIONS,
  RG_RFM_LOYAL,
  RG_RFM_NEW,
  RG_RFM_PROMISING,
  RG_RFM_AT_RISK,
  RG_RFM_HIBERNATING,
} RgRfmSegment;

#define RG_RFM_N_SEGMENTS (RG_RFM_HIBERNATING + 1)

/**
 * RG_TIER_N:
 *
 * The tiers of the pyramid: 1 (top 1%), 2 (next 4%), 3 (next 15%), 4 (the
 * other 80%).
 */
#define RG_TIER_N 4

const gchar  *rg_rfm_segment_to_string (RgRfmSegment segment);
RgRfmSegment  rg_rfm_segment_classify  (gint r, gint f, gint m, guint visits);
guint         rg_segment_tier_of_rank  (guint rank, guint n_guests);
const gchar  *rg_segment_tier_to_string (guint tier);

G_END_DECLS
