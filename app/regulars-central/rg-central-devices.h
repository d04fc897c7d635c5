/* rg-central-devices.h — the owner's hold on enrolled devices: revoking a
 * terminal's tokens, and each device's rate limit.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rate limits are token buckets kept in PostgreSQL (table device_rate),
 * not in each instance's memory: every instance behind the load balancer
 * draws from the same bucket, so a device cannot multiply its allowance
 * by the number of instances, and a restarted instance forgets nothing.
 * Taking a token is one UPSERT that locks the device's row, about as cheap
 * as the token check that precedes it.
 */
#pragma once

#include "rg-central-store.h"

G_BEGIN_DECLS

/**
 * rg_central_devices_revoke:
 * @store: the store
 * @device_id: the device whose tokens to revoke
 * @n_revoked: (out) (optional): how many tokens were revoked
 * @error: return location for a #GError
 *
 * Revokes every live token of @device_id: its next request gets 401 and it
 * must be enrolled again with a new code.
 *
 * Returns: %TRUE, or %FALSE with %RG_ERROR_NOT_FOUND (no live token of
 *   that device), %RG_ERROR_INVALID (not a device id) or %RG_ERROR_DB.
 */
gboolean rg_central_devices_revoke (RgCentralStore  *store,
                                    const gchar     *device_id,
                                    guint           *n_revoked,
                                    GError         **error);

/**
 * rg_central_devices_take:
 * @store: the store
 * @device_id: the device making a request
 * @rate: tokens added per second
 * @burst: the most tokens the bucket holds (at least 1)
 * @retry_after_s: (out): 0 when the request may go on; otherwise the
 *   whole seconds until a token is there
 * @error: return location for a #GError
 *
 * Takes one token from @device_id's bucket, shared by every instance of
 * the store.  A refused request takes nothing.
 *
 * Returns: %TRUE with @retry_after_s set, or %FALSE with %RG_ERROR_DB or
 *   %RG_ERROR_BUSY.
 */
gboolean rg_central_devices_take (RgCentralStore  *store,
                                  const gchar     *device_id,
                                  gdouble          rate,
                                  gdouble          burst,
                                  guint           *retry_after_s,
                                  GError         **error);

G_END_DECLS
