/* rg-sync-transport.h — HTTPS requests to the central store: libcurl with
 * OpenSSL, verification always on, pinning, timeouts, retries.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by rg-sync; one transport is one reusable connection (keep-alive),
 * used from one thread at a time.
 */
#pragma once

#include <glib.h>

#include "rg-error.h"

G_BEGIN_DECLS

typedef struct _RgSyncTransport RgSyncTransport;

/**
 * rg_sync_transport_new:
 *
 * Returns: (transfer full): a transport with the defaults of rg_sync_new().
 */
RgSyncTransport *rg_sync_transport_new (void);

void rg_sync_transport_free (RgSyncTransport *self);

void rg_sync_transport_set_ca_file  (RgSyncTransport *self, const gchar *ca_file);
void rg_sync_transport_set_pin      (RgSyncTransport *self, const gchar *pin);
void rg_sync_transport_set_timeouts (RgSyncTransport *self, guint connect_ms, guint total_ms);
void rg_sync_transport_set_retries  (RgSyncTransport *self, guint attempts, guint first_delay_ms);

/**
 * rg_sync_transport_request:
 * @url: an https address
 * @token: (nullable): the device token, sent as a bearer token
 * @body: (nullable): a JSON body to POST, or %NULL to GET
 * @retries: (inout): incremented for each request sent again
 * @error: return location for a #GError
 *
 * Sends one request, again after network failures, 5xx and 429 answers.
 * A refused certificate or pin, and any 4xx answer, are not tried again.
 *
 * Returns: (transfer full): the answer's body on a 2xx answer, or %NULL
 *   with %RG_ERROR_TLS (certificate or pin refused: nothing was sent),
 *   %RG_ERROR_NETWORK (unreachable, or still failing after the last
 *   attempt), %RG_ERROR_PERMISSION (401), %RG_ERROR_INVALID (other 4xx,
 *   or an address that is not https).
 */
gchar *rg_sync_transport_request (RgSyncTransport  *self,
                                  const gchar      *url,
                                  const gchar      *token,
                                  const gchar      *body,
                                  guint            *retries,
                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgSyncTransport, rg_sync_transport_free)

G_END_DECLS
