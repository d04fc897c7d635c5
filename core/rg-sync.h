/* rg-sync.h — the terminal's side of sync with the central store: enrol,
 * push the outbox, pull and apply what other terminals changed.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to a synced table lands in sync_outbox in the same SQLite
 * transaction (schema/local/002-sync-outbox.sql).  rg_sync_push() sends the
 * outbox in batches and removes a batch only once the store has
 * acknowledged it, so a crash or a lost answer sends it again, which the
 * store's last-writer-wins makes harmless.  rg_sync_pull() fetches rows in
 * the store's commit order from a cursor kept in the same transaction as
 * the rows it covers, and applies each with last-writer-wins on
 * (updated_hlc, origin) (core/rg-wire).
 *
 * Merges: a row pulled from another terminal that still points at a guest
 * merged away (merged_into set) is re-pointed on apply to the surviving
 * guest, as a local change that syncs back, so every terminal and the
 * store end with one guest holding everything; a re-pointed tag, allergy,
 * dish preference or party place the survivor already has is tombstoned
 * instead, as rg_guest_merge() does.
 *
 * Transport: HTTPS only, through libcurl with OpenSSL; certificates are
 * always verified (a CA file, or the system store), with an optional
 * public-key pin; connect and total timeouts; retries with exponential
 * backoff and jitter on network failures and 5xx answers; keep-alive and
 * gzip.  Every call that talks to the network blocks: the app runs it in a
 * GTask thread on its own RgDb.
 *
 * Settings (in the setting table): sync.url, sync.token, sync.ca_file,
 * sync.pin, and the pull cursor sync.cursor.
 */
#pragma once

#include "rg-db.h"

G_BEGIN_DECLS

typedef struct _RgSync RgSync;

/**
 * RgSyncStats:
 * @pushed: rows sent and acknowledged
 * @pulled: rows received
 * @applied: received rows that changed this terminal
 * @repointed: rows moved to a surviving guest after a merge
 * @retries: requests sent again after a failure
 *
 * What one rg_sync_run_once() (or push, or pull) did.
 */
typedef struct
{
  guint pushed;
  guint pulled;
  guint applied;
  guint repointed;
  guint retries;
} RgSyncStats;

/**
 * rg_sync_new:
 * @db: (transfer none): the connection to sync; must outlive the result
 *
 * Makes a client with the settings saved in @db (see the file comment)
 * and default transport options: 10 s to connect, 60 s per request, 6
 * attempts from 250 ms apart, 500 rows per batch.
 *
 * Returns: (transfer full): the client.
 */
RgSync *rg_sync_new (RgDb *db);

void rg_sync_free (RgSync *self);

/**
 * rg_sync_set_ca_file:
 * @ca_file: (nullable): a PEM file of the certificate authorities to
 *   trust instead of the system store, or %NULL for the system store
 *
 * Only for this client; rg_sync_enrol() saves it for later clients.
 */
void rg_sync_set_ca_file (RgSync *self, const gchar *ca_file);

/**
 * rg_sync_set_pin:
 * @pin: (nullable): `sha256//BASE64` of the store's public key (as curl's
 *   --pinnedpubkey), or %NULL for no pin
 */
void rg_sync_set_pin (RgSync *self, const gchar *pin);

/**
 * rg_sync_set_timeouts:
 * @connect_ms: the longest wait for a connection (TCP and TLS)
 * @total_ms: the longest wait for a whole request
 */
void rg_sync_set_timeouts (RgSync *self, guint connect_ms, guint total_ms);

/**
 * rg_sync_set_retries:
 * @attempts: how many times a request is tried (at least 1)
 * @first_delay_ms: the wait before the second try; it doubles each time,
 *   up to 30 s, with random jitter
 */
void rg_sync_set_retries (RgSync *self, guint attempts, guint first_delay_ms);

/**
 * rg_sync_set_batch_size:
 * @rows: rows per push and per pull (1 to 5000)
 */
void rg_sync_set_batch_size (RgSync *self, guint rows);

/**
 * rg_sync_enrol:
 * @staff_id: (nullable): who enrols the terminal; must have
 *   %RG_PERMISSION_MANAGE_DEVICES (the owner)
 * @url: the store's address, `https://host[:port]`
 * @code: the one-time code the owner got from `regulars-central --new-code`
 * @error: return location for a #GError
 *
 * Enrols this terminal: sends its device id and @code, and saves @url, the
 * device token and the CA file and pin set on @self, and writes
 * `device.enrol` (the store's address, this host's name) to the audit log.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID (not an https
 *   address), %RG_ERROR_PERMISSION (@staff_id may not manage
 *   devices, or the code is unknown, used or expired), %RG_ERROR_TLS (the certificate was refused),
 *   %RG_ERROR_NETWORK (the store cannot be reached).
 */
gboolean rg_sync_enrol (RgSync *self, const gchar *staff_id, const gchar *url, const gchar *code, GError **error);

/**
 * rg_sync_is_enrolled:
 *
 * Returns: %TRUE if @db has a store address and a device token.
 */
gboolean rg_sync_is_enrolled (RgDb *db);

/**
 * rg_sync_count_pending:
 *
 * Returns: the number of changes waiting in the outbox, or -1 if the
 *   database cannot be read.
 */
gint64 rg_sync_count_pending (RgDb *db);

/**
 * rg_sync_push:
 * @stats: (inout) (optional): counters to add to
 *
 * Sends the whole outbox, batch by batch, each batch removed from the
 * outbox once acknowledged.
 *
 * Returns: %TRUE when the outbox is empty (or holds only changes made
 *   while pushing); %FALSE with %RG_ERROR_NETWORK, %RG_ERROR_TLS,
 *   %RG_ERROR_PERMISSION (not enrolled, or the token was revoked),
 *   %RG_ERROR_INVALID (the store refused a row) or a database error —
 *   batches acknowledged before the failure stay sent.
 */
gboolean rg_sync_push (RgSync *self, RgSyncStats *stats, GError **error);

/**
 * rg_sync_pull:
 * @stats: (inout) (optional): counters to add to
 *
 * Fetches and applies every change the store has after this terminal's
 * cursor, page by page, each page and its cursor in one transaction; then
 * re-points rows of merged-away guests and refreshes the name index and the
 * figures of the guests that changed.
 *
 * Returns: %TRUE on success; %FALSE with the errors of rg_sync_push().
 */
gboolean rg_sync_pull (RgSync *self, RgSyncStats *stats, GError **error);

/**
 * rg_sync_run_once:
 * @stats: (out caller-allocates) (optional): what was done
 *
 * Pushes then pulls: what `regulars-cli sync --once` and each round of the
 * app's background sync do.
 *
 * Returns: %TRUE on success; %FALSE with the errors of rg_sync_push().
 */
gboolean rg_sync_run_once (RgSync *self, RgSyncStats *stats, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSync, rg_sync_free)

G_END_DECLS
