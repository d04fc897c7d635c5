/* rg-central-config.h — the central store's settings, from a file and the
 * environment.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is a key file with one group:
 *
 *     [central]
 *     listen = 127.0.0.1       # address to serve plain HTTP on, for the TLS terminator
 *     port = 8480              # 0 picks a free port and prints it
 *     database = host=/run/postgresql dbname=regulars
 *     max-body = 8388608       # bytes; a bigger request gets 413
 *     pool = 16                # database connections per instance
 *     rate = 20                # requests a second per device; 0: no limit
 *     burst = 200              # requests a device may make at once
 *
 * Each key can be overridden by the environment: REGULARS_CENTRAL_LISTEN,
 * _PORT, _DATABASE, _MAX_BODY, _POOL, _RATE, _BURST.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gchar *listen;
  gchar *database;
  guint  port;
  gsize  max_body;
  guint  pool_size;
  guint  rate;
  guint  burst;
} RgCentralConfig;

/**
 * rg_central_config_load:
 * @config: (out caller-allocates): filled with the settings
 * @path: (nullable): a key file, or %NULL for defaults and the environment
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_IO for a file that
 *   cannot be read or %RG_ERROR_INVALID for a value that makes no sense.
 */
gboolean rg_central_config_load (RgCentralConfig  *config,
                                 const gchar      *path,
                                 GError          **error);

void rg_central_config_clear (RgCentralConfig *config);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgCentralConfig, rg_central_config_clear)

G_END_DECLS
