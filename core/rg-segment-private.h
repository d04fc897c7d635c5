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

/* 64 bytes: a long range sums some 300 000 of them, and touching fewer
 * fresh pages of memory is a good part of a report's time. */
typedef struct
{
  guint32  number;               /* in rollup_guest_number */
  guint32  visits[2];            /* [0] the period, [1] the one before */
  guint8   tier[2];              /* 0: not active in that period */
  guint8   score[3];             /* R, F, M */
  gint64   spend[2], cost[2];
  gint64   last_ms;
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

/* The keys of ranks @ranks (0 the best, each below @n) into @found, in
 * time linear in @n: the keys are counted in buckets of values and only
 * those of the buckets holding the ranks are selected among. */
void   _rg_segment_keys_at    (const RgSegmentKey *keys, guint n, const guint *ranks, guint n_ranks,
                               RgSegmentKey *found);
/* Moves the @shown best of @n keys first, best first. */
void   _rg_segment_take_top   (RgSegmentKey *keys, guint n, guint shown);
/* The guest's name, or its id when it is not there. */
gchar *_rg_segment_dup_guest_name (RgDb *db, const gchar *guest_id, GError **error);
/* The id (into @id) and name of the guest of a number. */
gchar *_rg_segment_dup_numbered (RgDb *db, guint number, gchar **id, GError **error);
/* The sections "counts" (with @active guests), "lapsed" and "dates". */
gboolean   _rg_segment_add_lists      (RgDb *db, RgReport *report, const RgReportRange *range,
                                       guint active, GError **error);

G_END_DECLS
