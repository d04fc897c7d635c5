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
  guint    number;                         /* in rollup_guest_number */
  gdouble  visits[2], spend[2], cost[2];   /* [0] the period, [1] the one before */
  gint64   last_ms;
  guint    tier[2];                        /* 0: not active in that period */
  gint     score[3];                       /* R, F, M */
} RgSegmentGuest;

/* The guests of a report, in the order they were first read. */
typedef struct
{
  RgSegmentGuest *guests;
  guint           n;
} RgSegmentGuests;

void _rg_segment_guests_free (RgSegmentGuests *guests);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSegmentGuests, _rg_segment_guests_free)

/* Every guest with a visit in the months of the period or the period
 * before, summed in C from rollup_guest_pack. */
RgSegmentGuests *_rg_segment_load_guests (RgDb *db, const RgReportRange *range, GError **error);

/* A guest's value and place in the guests of a report: keys order by
 * value, highest first, then by index. */
typedef struct
{
  gdouble value;
  guint   index;
} RgSegmentKey;

/* Moves the @k best of @n keys before the (k+1)-th best, which it puts at
 * @k (nothing when @k >= @n); expected time linear in @n. */
void   _rg_segment_select     (RgSegmentKey *keys, guint n, guint k);
/* Sorts the first @n keys best first. */
void   _rg_segment_sort_keys  (RgSegmentKey *keys, guint n);
/* The guest's name, or its id when it is not there. */
gchar *_rg_segment_dup_guest_name (RgDb *db, const gchar *guest_id, GError **error);
/* The id (into @id) and name of the guest of a number. */
gchar *_rg_segment_dup_numbered (RgDb *db, guint number, gchar **id, GError **error);
/* The sections "counts" (with @active guests), "lapsed" and "dates". */
gboolean   _rg_segment_add_lists      (RgDb *db, RgReport *report, const RgReportRange *range,
                                       guint active, GError **error);

G_END_DECLS
