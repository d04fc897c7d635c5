/* rg-central-http.h — the central store's HTTP API (libmicrohttpd).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   GET  /v1/health                      200 {"status":"ok"}, 503 without the database
 *   POST /v1/enrol    {"code","device_id","name"}   200 {"token": …}, 401 bad code
 *   POST /v1/changes  {"changes": […]}   200 {"accepted": n, "applied": n}
 *   GET  /v1/changes?since=CURSOR&limit=N
 *                                        200 {"changes": […], "cursor": …, "more": …}
 *
 * /v1/changes needs `Authorization: Bearer TOKEN` (401 otherwise, or once
 * the device is revoked) and takes a token from the device's rate limit
 * (429 with Retry-After when there is none, rg-central-devices.h); a body
 * that is not valid JSON or names unknown tables or columns gets 400, one
 * over max-body 413; a refused request changes nothing.  The server speaks
 * plain HTTP on the loopback or a private network: TLS is the terminator's
 * job (nginx), and so is compressing answers.
 */
#pragma once

#include "rg-central-config.h"
#include "rg-central-store.h"

G_BEGIN_DECLS

typedef struct _RgCentralServer RgCentralServer;

/**
 * rg_central_server_start:
 * @store: (transfer none): the store, kept alive by the caller until
 *   rg_central_server_stop()
 * @config: the settings (address, port, body limit)
 * @error: return location for a #GError
 *
 * Starts serving in background threads, one per connection.
 *
 * Returns: (transfer full): the server, or %NULL with %RG_ERROR_NETWORK.
 */
RgCentralServer *rg_central_server_start (RgCentralStore         *store,
                                          const RgCentralConfig  *config,
                                          GError                **error);

/**
 * rg_central_server_get_port:
 *
 * Returns: the port the server listens on (useful after asking for 0).
 */
guint rg_central_server_get_port (RgCentralServer *self);

void rg_central_server_stop (RgCentralServer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgCentralServer, rg_central_server_stop)

G_END_DECLS
