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
 * (number >> RG_ROLLUP_GUEST_CHUNK_BITS), as entries of
 * RG_ROLLUP_GUEST_ENTRY_SIZE bytes in the order of their numbers; read
 * them with rg_rollup_guest_get_entry().
 */
#pragma once

#include <string.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_ROLLUP_GUEST_CHUNK_BITS 11
#define RG_ROLLUP_GUEST_ENTRY_SIZE 32

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
 * rg_rollup_guest_get_entry:
 * @pack: a `guests` value of rollup_guest_pack
 * @index: an entry, below rg_rollup_guest_n_entries() of its size
 * @entry: (out caller-allocates): the guest's figures
 *
 * Reads one guest of a pack (inline: the guest reports read a million).
 */
static inline void
rg_rollup_guest_get_entry (const guint8       *pack,
                           guint               index,
                           RgRollupGuestEntry *entry)
{
  const guint8 *p = pack + (gsize) index * RG_ROLLUP_GUEST_ENTRY_SIZE;
  guint32 u[2];
  gint64 i[3];

  memcpy (u, p, sizeof u);
  memcpy (i, p + sizeof u, sizeof i);
  entry->number = GUINT32_FROM_LE (u[0]);
  entry->visits = GUINT32_FROM_LE (u[1]);
  entry->spend = GINT64_FROM_LE (i[0]);
  entry->cost = GINT64_FROM_LE (i[1]);
  entry->last_ms = GINT64_FROM_LE (i[2]);
}

guint    rg_rollup_guest_n_entries (gsize size);
gboolean rg_rollup_guest_add       (RgDb *db, const gchar *branch_id, const gchar *month, const gchar *guest_id,
                                    gint64 spend, gint64 cost, gint64 seated_ms, GError **error);
gboolean rg_rollup_guest_rebuild   (RgDb *db, GError **error);
gboolean rg_rollup_guest_ensure    (RgDb *db, GError **error);
gchar   *rg_rollup_guest_dup_id    (RgDb *db, guint number, GError **error);

G_END_DECLS
