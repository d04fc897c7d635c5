/* rg-central-devices.c — revoking devices and their token buckets.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-central-devices.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-central-store-private.h"
#include "rg-error.h"
#include "rg-wire.h"

gboolean
rg_central_devices_revoke (RgCentralStore  *store,
                           const gchar     *device_id,
                           guint           *n_revoked,
                           GError         **error)
{
  const gchar *params[] = { device_id };
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  if (device_id == NULL || *device_id == '\0' || strlen (device_id) > RG_WIRE_MAX_ORIGIN
      || !g_utf8_validate (device_id, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "'%s' is not a device id",
                   device_id != NULL && g_utf8_validate (device_id, -1, NULL) ? device_id : "?");
      return FALSE;
    }
  result = _rg_central_store_query (store,
                                    "UPDATE device_token SET revoked_at = now () "
                                    "WHERE device_id = $1 AND revoked_at IS NULL",
                                    1, params, PGRES_COMMAND_OK, "revoking a device", error);
  if (result == NULL)
    return FALSE;
  if (atoi (PQcmdTuples (result)) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "the device %s has no live token", device_id);
      return FALSE;
    }
  if (n_revoked != NULL)
    *n_revoked = (guint) atoi (PQcmdTuples (result));
  return TRUE;
}

gboolean
rg_central_devices_take (RgCentralStore  *store,
                         const gchar     *device_id,
                         gdouble          rate,
                         gdouble          burst,
                         guint           *retry_after_s,
                         GError         **error)
{
  gchar rate_text[G_ASCII_DTOSTR_BUF_SIZE];
  gchar burst_text[G_ASCII_DTOSTR_BUF_SIZE];
  const gchar *params[] = {
    device_id,
    g_ascii_dtostr (rate_text, sizeof rate_text, rate),
    g_ascii_dtostr (burst_text, sizeof burst_text, burst),
  };
  g_autoptr(PGresult) result = NULL;
  gdouble had;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (device_id != NULL, FALSE);
  g_return_val_if_fail (rate > 0 && burst >= 1, FALSE);
  g_return_val_if_fail (retry_after_s != NULL, FALSE);

  /* The bucket refills by elapsed time × rate up to the burst; the row is
   * locked (FOR UPDATE) so that concurrent requests of one device, on any
   * instance, take one token each. */
  result = _rg_central_store_query (store,
      "WITH clock AS (SELECT clock_timestamp () AS t), "
      "bucket AS ("
      "  SELECT least ($3::float8, coalesce ((SELECT tokens + extract (epoch FROM (SELECT t FROM clock) - updated_at) * $2::float8 "
      "                                       FROM device_rate WHERE device_id = $1 FOR UPDATE), $3::float8)) AS tokens) "
      "INSERT INTO device_rate AS r (device_id, tokens, updated_at) "
      "SELECT $1, CASE WHEN tokens >= 1 THEN tokens - 1 ELSE tokens END, (SELECT t FROM clock) FROM bucket "
      "ON CONFLICT (device_id) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at "
      "RETURNING (SELECT tokens FROM bucket)",
      3, params, PGRES_TUPLES_OK, "counting the device's requests", error);
  if (result == NULL)
    return FALSE;
  had = g_ascii_strtod (PQgetvalue (result, 0, 0), NULL);
  *retry_after_s = had >= 1 ? 0 : (guint) MAX (1.0, ceil ((1 - had) / rate));
  return TRUE;
}
