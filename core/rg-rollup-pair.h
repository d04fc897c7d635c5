/* rg-rollup-pair.h — how many visits had both dishes, per branch and local
 * month, packed (schema version 18) so that the pairings of a long range
 * read one row per branch and month instead of one per pair.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every dish of rollup_pair_month has a small number in
 * rollup_item_number.  A row of rollup_pair_pack holds the pairs of one
 * branch and month as entries of RG_ROLLUP_PAIR_ENTRY_SIZE bytes (the two
 * numbers, the smaller first, and the visits, as 32-bit little-endian),
 * in the order of their numbers.
 */
#pragma once

#include <string.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_ROLLUP_PAIR_ENTRY_SIZE 12

/**
 * RgRollupPairEntry:
 * @a: the smaller number of the two dishes
 * @b: the larger
 * @visits: visits with both in that branch and month
 *
 * One pair of a row of rollup_pair_pack.
 */
typedef struct
{
  guint32 a;
  guint32 b;
  guint32 visits;
} RgRollupPairEntry;

/**
 * rg_rollup_pair_get_entry:
 * @pack: a `pairs` value of rollup_pair_pack
 * @index: an entry, below its size / %RG_ROLLUP_PAIR_ENTRY_SIZE
 * @entry: (out caller-allocates): the pair
 *
 * Reads one pair of a pack (inline: a long range reads hundreds of
 * thousands).
 */
static inline void
rg_rollup_pair_get_entry (const guint8      *pack,
                          guint              index,
                          RgRollupPairEntry *entry)
{
  guint32 u[3];

  memcpy (u, pack + (gsize) index * RG_ROLLUP_PAIR_ENTRY_SIZE, sizeof u);
  entry->a = GUINT32_FROM_LE (u[0]);
  entry->b = GUINT32_FROM_LE (u[1]);
  entry->visits = GUINT32_FROM_LE (u[2]);
}

gboolean rg_rollup_pair_add     (RgDb *db, const gchar *branch_id, const gchar *month, const gchar *visit_id,
                                 GError **error);
gboolean rg_rollup_pair_rebuild (RgDb *db, GError **error);
gboolean rg_rollup_pair_ensure  (RgDb *db, GError **error);
GPtrArray *rg_rollup_pair_dup_items (RgDb *db, GError **error);

G_END_DECLS
