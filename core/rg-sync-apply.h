/* rg-sync-apply.h — moving synced rows between the terminal's SQLite
 * tables and the wire form: reading a local row, applying a pulled one
 * with last-writer-wins, re-pointing rows of merged guests, refreshing
 * what is derived from them.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by rg-sync; every function runs inside the caller's transaction.
 * An RgSyncApply holds the statements' text for every synced table, built
 * once from the description of rg-wire.
 */
#pragma once

#include "rg-db.h"
#include "rg-wire.h"

G_BEGIN_DECLS

typedef struct _RgSyncApply RgSyncApply;

/* What applied rows touched, for refreshing what is derived from them.
 * With @bulk set nothing is noted row by row: the caller rebuilds every
 * figure once at the end (the first sync of a terminal). */
typedef struct
{
  gboolean    bulk;
  GHashTable *guests;          /* guest ids whose figures or index may differ */
  GHashTable *closed_visits;   /* visits that became a closed check */
  guint       repointed;       /* rows moved to a surviving guest */
  gboolean    recount;         /* closed checks changed: rebuild the rollups */
} RgSyncTouched;

void rg_sync_touched_init  (RgSyncTouched *touched);
void rg_sync_touched_clear (RgSyncTouched *touched);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgSyncTouched, rg_sync_touched_clear)

/**
 * rg_sync_apply_new:
 * @db: (transfer none): the connection; must outlive the result
 *
 * Returns: (transfer full): an applier for @db.
 */
RgSyncApply *rg_sync_apply_new (RgDb *db);

void rg_sync_apply_free (RgSyncApply *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSyncApply, rg_sync_apply_free)

/**
 * rg_sync_apply_read_row:
 * @table: a synced table
 * @id: the row's id
 * @change: (out) (transfer full) (nullable): the row as a change, or
 *   %NULL when the terminal has no such row
 *
 * A row written on this terminal with an empty origin is read with the
 * terminal's device id as its origin.
 *
 * Returns: %TRUE on success; %FALSE with a database error or
 *   %RG_ERROR_INVALID when the stored row does not fit the wire format.
 */
gboolean rg_sync_apply_read_row (RgSyncApply        *self,
                                 const RgWireTable  *table,
                                 const gchar        *id,
                                 RgWireChange      **change,
                                 GError            **error);

/**
 * rg_sync_apply_change:
 * @incoming: a row pulled from the store
 * @touched: what the row touched is added here
 * @applied: (out): whether the terminal's row changed
 *
 * Applies @incoming if it wins last-writer-wins against the terminal's
 * version (rg_wire_change_merge()), without recording it in the outbox.
 * When it collides with another live row on a unique key (a phone number
 * given to two guests at two branches), the older of the two is
 * tombstoned as a local change, the same choice on every terminal.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean rg_sync_apply_change (RgSyncApply    *self,
                               RgWireChange   *incoming,
                               RgSyncTouched  *touched,
                               gboolean       *applied,
                               GError        **error);

/**
 * rg_sync_apply_repoint:
 * @touched: the guests concerned are added here, and each row moved or
 *   tombstoned counted
 *
 * Moves every live row that refers to a merged-away guest to the guest
 * it was finally merged into, as local changes that sync back; a row the
 * survivor already has an equal of is tombstoned instead.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean rg_sync_apply_repoint (RgSyncApply    *self,
                                RgSyncTouched  *touched,
                                GError        **error);

/**
 * rg_sync_apply_refresh:
 * @touched: what applied rows touched
 *
 * Adds the visits that became closed to the rollups and their guests'
 * figures (rg_rollup_add_visit()) and refreshes the name index of the
 * guests touched; when a closed check itself changed (moved to another
 * guest by a merge, voided, its lines or party changed), rebuilds the
 * rollups and figures (rg_rollup_rebuild()) instead.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean rg_sync_apply_refresh (RgSyncApply    *self,
                                RgSyncTouched  *touched,
                                GError        **error);

G_END_DECLS
