/* main.c — regulars-central, the central store that terminals sync with.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   regulars-central [--config FILE]              migrate, then serve until SIGTERM
 *   regulars-central [--config FILE] --new-code [--chain NAME]
 *                                                 print a one-time enrolment code for a
 *                                                 terminal of that chain (default "main")
 *   regulars-central [--config FILE] revoke DEVICE
 *                                                 revoke a device's tokens: its next
 *                                                 request gets 401
 *
 * When it is serving it prints "listening on ADDRESS:PORT" on stdout.
 */
#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "rg-central-config.h"
#include "rg-central-devices.h"
#include "rg-central-http.h"
#include "rg-central-store.h"

#define CODE_VALID_HOURS 72

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
fail (const GError *error)
{
  g_printerr ("regulars-central: %s\n", error->message);
  return 1;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) options = g_option_context_new ("— the Regulars central store");
  g_autofree gchar *config_path = NULL;
  gboolean new_code = FALSE;
  g_autofree gchar *chain = NULL;
  g_auto(RgCentralConfig) config = { 0 };
  g_autoptr(RgCentralStore) store = NULL;
  g_autoptr(RgCentralServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path, "Settings file", "FILE" },
    { "new-code", 0, 0, G_OPTION_ARG_NONE, &new_code, "Print a one-time enrolment code", NULL },
    { "chain", 0, 0, G_OPTION_ARG_STRING, &chain, "The chain of the terminal the code enrols (main)", "NAME" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("regulars-central: %s\n", error->message);
      return 2;
    }
  if (argc > 1 && !(argc == 3 && g_strcmp0 (argv[1], "revoke") == 0 && !new_code))
    {
      g_printerr ("regulars-central: usage: regulars-central [--config FILE] [--new-code | revoke DEVICE]\n");
      return 2;
    }
  if (!rg_central_config_load (&config, config_path, &error))
    return fail (error);

  store = rg_central_store_new (config.database, config.pool_size);
  if (!rg_central_store_migrate (store, &error))
    return fail (error);

  if (new_code)
    {
      g_autofree gchar *code = rg_central_store_new_code (store, chain, CODE_VALID_HOURS, &error);

      if (code == NULL)
        return fail (error);
      g_print ("%s\n", code);
      return 0;
    }

  if (argc == 3)
    {
      guint revoked = 0;

      if (!rg_central_devices_revoke (store, argv[2], &revoked, &error))
        return fail (error);
      g_print ("revoked %u token%s of %s\n", revoked, revoked == 1 ? "" : "s", argv[2]);
      return 0;
    }

  server = rg_central_server_start (store, &config, &error);
  if (server == NULL)
    return fail (error);
  g_print ("listening on %s:%u\n", config.listen, rg_central_server_get_port (server));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
