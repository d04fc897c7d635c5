/* rg-rollup-guest.h — what each guest spent per branch and local month,
 * packed (schema version 10) so that the guest reports of a long range
 * read few rows.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every guest of rollup_guest_month has a small number in
 * rollup_guest_number.  A row of rollup_guest_pack holds the figures of
 * one branch and month for the guests whose numbers share a chunk
 * (number >> RG_ROLLUP_GUEST_CHUNK_BITS), in the order of their numbers,
 * mostly in 16 bytes each (schema version 15); read them with an
 * #RgRollupGuestReader.
 */
#pragma once

#include <string.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_ROLLUP_GUEST_CHUNK_BITS 11

/* A `guests` value starts with an 8-byte little-endian header: the
 * earliest last_ms of its entries, which then take 16 bytes each (offset
 * of the number in the chunk and visits as 16 bits; spend, cost and
 * last_ms − header as 32 bits), or RG_ROLLUP_GUEST_WIDE when one of them
 * does not fit, and every entry takes 32 bytes (number and visits as 32
 * bits, spend, cost and last_ms as 64 bits). */
#define RG_ROLLUP_GUEST_HEADER_SIZE 8
#define RG_ROLLUP_GUEST_COMPACT_SIZE 16
#define RG_ROLLUP_GUEST_WIDE_SIZE 32
#define RG_ROLLUP_GUEST_WIDE G_MININT64

/**
 * RgRollupGuestEntry:
 * @number: the guest's number in rollup_guest_number
 * @visits: visits the guest hosted in that branch and month
 * @spend: what those checks came to, in minor units
 * @cost: the cost of their dishes, in minor units
 * @last_ms: when the party of the last of them was seated
 *
 * One guest's figures in a row of rollup_guest_pack.
 */
typedef struct
{
  guint32 number;
  guint32 visits;
  gint64  spend;
  gint64  cost;
  gint64  last_ms;
} RgRollupGuestEntry;

/**
 * RgRollupGuestReader:
 *
 * Reads the entries of one `guests` value in order, set up by
 * rg_rollup_guest_reader_init(); its fields are private.
 */
typedef struct
{
  const guint8 *at, *end;
  guint32       first_number;
  gint64        base_ms;
} RgRollupGuestReader;

/**
 * rg_rollup_guest_reader_next:
 * @reader: a reader
 * @entry: (out caller-allocates): the next guest's figures
 *
 * Reads the next guest of a pack (inline: the guest reports read a
 * million).
 *
 * Returns: %FALSE when every entry was read.
 */
static inline gboolean
rg_rollup_guest_reader_next (RgRollupGuestReader *reader,
                             RgRollupGuestEntry  *entry)
{
  const guint8 *p = reader->at;

  if (p >= reader->end)
    return FALSE;
  if (reader->base_ms != RG_ROLLUP_GUEST_WIDE)
    {
      guint16 h[2];
      guint32 u[3];

      memcpy (h, p, sizeof h);
      memcpy (u, p + sizeof h, sizeof u);
      entry->number = reader->first_number + GUINT16_FROM_LE (h[0]);
      entry->visits = GUINT16_FROM_LE (h[1]);
      entry->spend = GUINT32_FROM_LE (u[0]);
      entry->cost = GUINT32_FROM_LE (u[1]);
      entry->last_ms = reader->base_ms + GUINT32_FROM_LE (u[2]);
      reader->at = p + RG_ROLLUP_GUEST_COMPACT_SIZE;
    }
  else
    {
      guint32 u[2];
      gint64 i[3];

      memcpy (u, p, sizeof u);
      memcpy (i, p + sizeof u, sizeof i);
      entry->number = GUINT32_FROM_LE (u[0]);
      entry->visits = GUINT32_FROM_LE (u[1]);
      entry->spend = GINT64_FROM_LE (i[0]);
      entry->cost = GINT64_FROM_LE (i[1]);
      entry->last_ms = GINT64_FROM_LE (i[2]);
      reader->at = p + RG_ROLLUP_GUEST_WIDE_SIZE;
    }
  return TRUE;
}

gboolean rg_rollup_guest_reader_init (RgRollupGuestReader *reader, const guint8 *pack, gsize size, gint64 chunk);
gboolean rg_rollup_guest_add       (RgDb *db, const gchar *branch_id, const gchar *month, const gchar *guest_id,
                                    gint64 spend, gint64 cost, gint64 seated_ms, GError **error);
gboolean rg_rollup_guest_rebuild   (RgDb *db, GError **error);
gboolean rg_rollup_guest_ensure    (RgDb *db, GError **error);
gchar   *rg_rollup_guest_dup_id    (RgDb *db, guint number, GError **error);

G_END_DECLS
