/* rg-central-config.c — the central store's settings.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-central-config.h"

#include "rg-error.h"

#define GROUP "central"

/* The value of @key: the environment first, then the file. */
static gchar *
lookup (GKeyFile    *file,
        const gchar *key,
        const gchar *env)
{
  const gchar *value = g_getenv (env);

  if (value != NULL)
    return g_strdup (value);
  if (file != NULL)
    return g_key_file_get_string (file, GROUP, key, NULL);
  return NULL;
}

static gboolean
lookup_number (GKeyFile     *file,
               const gchar  *key,
               const gchar  *env,
               guint64       min,
               guint64       max,
               guint64      *value,
               GError      **error)
{
  g_autofree gchar *text = lookup (file, key, env);
  g_autoptr(GError) parse_error = NULL;

  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  if (!g_ascii_string_to_unsigned (text, 10, min, max, value, &parse_error))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the setting %s (%s): %s", key, env, parse_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
rg_central_config_load (RgCentralConfig  *config,
                        const gchar      *path,
                        GError          **error)
{
  g_autoptr(GKeyFile) file = NULL;
  guint64 port = 8480;
  guint64 max_body = 8 * 1024 * 1024;
  guint64 pool = 16;
  guint64 rate = 20;
  guint64 burst = 200;

  if (path != NULL)
    {
      g_autoptr(GError) load_error = NULL;

      file = g_key_file_new ();
      if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &load_error))
        {
          g_set_error (error, RG_ERROR, RG_ERROR_IO,
                       "reading the settings %s: %s", path, load_error->message);
          return FALSE;
        }
    }

  if (!lookup_number (file, "port", "REGULARS_CENTRAL_PORT", 0, 65535, &port, error)
      || !lookup_number (file, "max-body", "REGULARS_CENTRAL_MAX_BODY", 1024, G_MAXUINT32, &max_body, error)
      || !lookup_number (file, "pool", "REGULARS_CENTRAL_POOL", 1, 1000, &pool, error)
      || !lookup_number (file, "rate", "REGULARS_CENTRAL_RATE", 0, 100000, &rate, error)
      || !lookup_number (file, "burst", "REGULARS_CENTRAL_BURST", 1, 1000000, &burst, error))
    return FALSE;

  config->listen = lookup (file, "listen", "REGULARS_CENTRAL_LISTEN");
  if (config->listen == NULL)
    config->listen = g_strdup ("127.0.0.1");
  config->database = lookup (file, "database", "REGULARS_CENTRAL_DATABASE");
  if (config->database == NULL)
    config->database = g_strdup ("dbname=regulars");
  config->port = (guint) port;
  config->max_body = (gsize) max_body;
  config->pool_size = (guint) pool;
  config->rate = (guint) rate;
  config->burst = (guint) burst;
  return TRUE;
}

void
rg_central_config_clear (RgCentralConfig *config)
{
  g_clear_pointer (&config->listen, g_free);
  g_clear_pointer (&config->database, g_free);
}
