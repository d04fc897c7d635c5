/* rg-central-store.h — the central store's PostgreSQL side: migrations,
 * devices and their tokens, applying pushed rows, reading pulls.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps no state of its own besides a pool of connections, so
 * any number of instances can serve one database.  Every function may be
 * called from any thread.
 */
#pragma once

#include <glib.h>

#include "rg-wire.h"

G_BEGIN_DECLS

typedef struct _RgCentralStore RgCentralStore;

/* The chain of devices enrolled without naming one (and of every row
 * stored before chains: schema/central/003-chains.sql). */
#define RG_CENTRAL_CHAIN_DEFAULT "main"

/**
 * rg_central_store_new:
 * @conninfo: a libpq connection string
 * @pool_size: the most connections kept open at once
 *
 * Returns: (transfer full): the store; nothing is connected yet.
 */
RgCentralStore *rg_central_store_new (const gchar *conninfo,
                                      guint        pool_size);

void rg_central_store_free (RgCentralStore *self);

/**
 * rg_central_store_migrate:
 *
 * Applies every migration of schema/central newer than the database's, each
 * in its own transaction, under an advisory lock so that instances starting
 * together do not race.
 *
 * Returns: %TRUE on success, or %FALSE with %RG_ERROR_DB.
 */
gboolean rg_central_store_migrate (RgCentralStore *self, GError **error);

/**
 * rg_central_store_check:
 *
 * Returns: %TRUE when the database answers, or %FALSE with %RG_ERROR_DB.
 */
gboolean rg_central_store_check (RgCentralStore *self, GError **error);

/**
 * rg_central_store_new_code:
 * @chain: (nullable): the chain (restaurant group) the terminal will
 *   belong to, %NULL for %RG_CENTRAL_CHAIN_DEFAULT
 * @valid_hours: how long the code may be used
 *
 * Makes a one-time enrolment code for the owner to type on a new terminal.
 * A device belongs to the chain of its code: it pushes into and pulls from
 * that chain's rows only.
 *
 * Returns: (transfer full): the code (`XXXX-XXXX-XXXX`), or %NULL with
 *   %RG_ERROR_DB.
 */
gchar *rg_central_store_new_code (RgCentralStore  *self,
                                  const gchar     *chain,
                                  guint            valid_hours,
                                  GError         **error);

/**
 * rg_central_store_enrol:
 * @code: a code from rg_central_store_new_code(), not used before
 * @device_id: the terminal's device id
 * @name: (nullable): a name for the terminal
 *
 * Uses @code up and issues a device token; only its hash is kept.
 *
 * Returns: (transfer full): the token, or %NULL with %RG_ERROR_PERMISSION
 *   (unknown, used or expired code), %RG_ERROR_INVALID or %RG_ERROR_DB.
 */
gchar *rg_central_store_enrol (RgCentralStore  *self,
                               const gchar     *code,
                               const gchar     *device_id,
                               const gchar     *name,
                               GError         **error);

/**
 * rg_central_store_authenticate:
 * @token: a bearer token
 * @chain: (out) (transfer full): the device's chain
 *
 * Returns: (transfer full): the device id the token belongs to, or %NULL
 *   with %RG_ERROR_PERMISSION (unknown or revoked) or %RG_ERROR_DB.
 */
gchar *rg_central_store_authenticate (RgCentralStore  *self,
                                      const gchar     *token,
                                      gchar          **chain,
                                      GError         **error);

/**
 * rg_central_store_push:
 * @chain: the pushing device's chain: rows of other chains are never
 *   read nor touched, even with the same ids
 * @changes: (element-type RgWireChange): validated changes
 * @applied: (out) (optional): how many rows changed in the store
 *
 * Applies @changes in one transaction, each row only if it wins
 * last-writer-wins (rg_wire_change_merge()) against the stored version, so
 * sending a batch twice changes nothing the second time.
 *
 * Returns: %TRUE on success, or %FALSE with %RG_ERROR_DB and nothing
 *   applied.
 */
gboolean rg_central_store_push (RgCentralStore  *self,
                                const gchar     *chain,
                                GPtrArray       *changes,
                                guint           *applied,
                                GError         **error);

/**
 * rg_central_store_pull:
 * @chain: the pulling device's chain: only its rows are returned
 * @cursor: (nullable): the cursor of the previous answer, or %NULL from
 *   the start
 * @limit: the most rows to return
 * @out: where the JSON answer `{"changes": […], "cursor": …, "more": …}`
 *   is appended
 *
 * Returns: %TRUE on success, or %FALSE with %RG_ERROR_INVALID (a cursor
 *   this store did not make) or %RG_ERROR_DB.
 */
gboolean rg_central_store_pull (RgCentralStore  *self,
                                const gchar     *chain,
                                const gchar     *cursor,
                                guint            limit,
                                GString         *out,
                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgCentralStore, rg_central_store_free)

G_END_DECLS
