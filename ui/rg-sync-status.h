/* rg-sync-status.h — the sync state of the terminal in the header bar:
 * synced, N changes pending, offline or an error with its reason; syncs
 * in the background and on a click on "Sync now".
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-session.h"

G_BEGIN_DECLS

/**
 * RgSyncState:
 * @RG_SYNC_STATE_NOT_ENROLLED: the terminal is not enrolled with a central store
 * @RG_SYNC_STATE_SYNCED: the last sync succeeded and nothing waits to be sent
 * @RG_SYNC_STATE_PENDING: changes wait to be sent (none failed yet)
 * @RG_SYNC_STATE_OFFLINE: the central store could not be reached
 * @RG_SYNC_STATE_ERROR: the store refused the terminal or its certificate,
 *   or the terminal could not apply what it received
 */
typedef enum {
  RG_SYNC_STATE_NOT_ENROLLED,
  RG_SYNC_STATE_SYNCED,
  RG_SYNC_STATE_PENDING,
  RG_SYNC_STATE_OFFLINE,
  RG_SYNC_STATE_ERROR,
} RgSyncState;

#define RG_TYPE_SYNC_STATUS (rg_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (RgSyncStatus, rg_sync_status, RG, SYNC_STATUS, GtkWidget)

/**
 * rg_sync_status_new:
 * @session: the app's session; its database is only read on the UI thread
 *
 * While the widget is shown and the terminal is enrolled, it syncs every
 * second (an empty pull when nothing changed) on a worker thread with its
 * own connection to the database file (rg_db_get_path()), so the UI never
 * waits on the network and a change on another terminal shows here within
 * about two seconds.
 *
 * Returns: (transfer floating): the widget
 */
GtkWidget   *rg_sync_status_new          (RgSession    *session);

/**
 * rg_sync_status_get_state:
 *
 * Returns: the state shown
 */
RgSyncState  rg_sync_status_get_state    (RgSyncStatus *self);

/**
 * rg_sync_status_get_summary:
 *
 * Returns: (transfer none): the short text shown in the header ("Synced",
 *   "3 pending", "Offline", "Sync error", "Not connected")
 */
const gchar *rg_sync_status_get_summary  (RgSyncStatus *self);

/**
 * rg_sync_status_get_detail:
 *
 * Returns: (transfer none): the sentence shown when the widget is clicked:
 *   what waits to be sent, when the terminal last synced, or the reason
 *   of the failure
 */
const gchar *rg_sync_status_get_detail   (RgSyncStatus *self);

/**
 * rg_sync_status_is_running:
 *
 * Returns: %TRUE while a sync runs on the worker thread
 */
gboolean     rg_sync_status_is_running   (RgSyncStatus *self);

/**
 * rg_sync_status_sync_now:
 *
 * Starts a sync at once, unless one is running or the terminal is not
 * enrolled (the state is then refreshed only).
 */
void         rg_sync_status_sync_now     (RgSyncStatus *self);

/**
 * rg_sync_status_set_interval:
 * @seconds: time between two background syncs, at least 1
 */
void         rg_sync_status_set_interval (RgSyncStatus *self,
                                          guint         seconds);

G_END_DECLS
