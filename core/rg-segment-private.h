/* rg-segment-private.h — what the guest report files share: a guest's
 * figures in the two periods, loading them, and the guest lists.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-report-private.h"
#include "rg-segment.h"

G_BEGIN_DECLS

#define RG_DAY_MS G_GINT64_CONSTANT (86400000)

typedef struct
{
  gchar   *id;
  gdouble  visits[2], spend[2], cost[2];   /* [0] the period, [1] the one before */
  gint64   last_ms;
  guint    tier[2];                        /* 0: not active in that period */
  gint     score[3];                       /* R, F, M */
} RgSegmentGuest;

/* The guests of a report: @list points into blocks of guests and ids that
 * are freed together (a hundred thousand guests would be as many small
 * allocations otherwise). */
typedef struct
{
  GPtrArray    *list;
  GPtrArray    *blocks;
  GStringChunk *ids;
} RgSegmentGuests;

void _rg_segment_guests_free (RgSegmentGuests *guests);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSegmentGuests, _rg_segment_guests_free)

/* Every guest with a visit in the months of the period or the period
 * before. */
RgSegmentGuests *_rg_segment_load_guests (RgDb *db, const RgReportRange *range, GError **error);

/* Sorts @list by @value, highest first (ties in their order in @list),
 * reading each value once. */
void _rg_segment_sort_by (GPtrArray *list, gdouble (*value) (const RgSegmentGuest *guest, gconstpointer data),
                          gconstpointer data);
/* The guest's name, or its id when it is not there. */
gchar     *_rg_segment_dup_guest_name (RgDb *db, const gchar *guest_id, GError **error);
/* The sections "counts" (with @active guests), "lapsed" and "dates". */
gboolean   _rg_segment_add_lists      (RgDb *db, RgReport *report, const RgReportRange *range,
                                       guint active, GError **error);

G_END_DECLS
