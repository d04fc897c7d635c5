/* rg-cli-sync.c — regulars-cli enrol and sync: join this terminal to the
 * central store, then send and fetch changes, once or until stopped.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sync` without --once runs a round every --interval seconds until
 * SIGINT or SIGTERM; a round that cannot reach the store (no network, the
 * store down) is reported on standard error and tried again at the next
 * round, any other failure stops the command.
 */
#include "rg-cli.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "rg-id.h"
#include "rg-sync.h"

#define INTERVAL_DEFAULT_S 30
#define INTERVAL_MAX_S     86400

gboolean
rg_cli_enrol (RgCli   *cli,
              gint     argc,
              gchar  **argv,
              GError **error)
{
  g_autofree gchar *ca_file = NULL;
  g_autofree gchar *pin = NULL;
  g_autoptr(RgSync) sync = NULL;
  const GOptionEntry entries[] = {
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, "Trust the store's certificate from this PEM file", "FILE" },
    { "pin", 0, 0, G_OPTION_ARG_FILENAME, &pin, "The store's public key, sha256//BASE64", "PIN" },
    { NULL }
  };

  if (!rg_cli_parse ("URL CODE [--ca-file FILE] [--pin sha256//BASE64]", entries, &argc, &argv, 2, 2, error) ||
      !rg_cli_require (cli, RG_PERMISSION_MANAGE_DEVICES, error))
    return FALSE;

  sync = rg_sync_new (cli->db);
  if (ca_file != NULL)
    rg_sync_set_ca_file (sync, ca_file);
  if (pin != NULL)
    rg_sync_set_pin (sync, pin);
  if (!rg_sync_enrol (sync, cli->staff_id, argv[1], argv[2], error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_string (b, "url", argv[1]);
      rg_cli_json_string (b, "device_id", rg_db_get_device_id (cli->db));
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("This terminal is enrolled with %s.\n", argv[1]);
  return TRUE;
}

static void
print_round (RgCli             *cli,
             const RgSyncStats *stats)
{
  gint64 pending = rg_sync_count_pending (cli->db);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_int (b, "pushed", stats->pushed);
      rg_cli_json_int (b, "pulled", stats->pulled);
      rg_cli_json_int (b, "applied", stats->applied);
      rg_cli_json_int (b, "repointed", stats->repointed);
      rg_cli_json_int (b, "retries", stats->retries);
      rg_cli_json_int (b, "pending", pending);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    {
      g_autofree gchar *now = rg_cli_format_time (rg_now_ms ());

      rg_cli_print ("%s: sent %u, received %u (%u changed this terminal, %u moved to a merged guest), "
                    "%u retries; %" G_GINT64_FORMAT " changes waiting.\n",
                    now, stats->pushed, stats->pulled, stats->applied, stats->repointed,
                    stats->retries, pending);
    }
  fflush (stdout);
}

static gboolean
on_stop (gpointer data)
{
  gboolean *stop = data;

  *stop = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *due = data;

  *due = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits @seconds, or less if a signal asks to stop; returns whether to
 * go on. */
static gboolean
wait_round (guint     seconds,
            gboolean *stop)
{
  gboolean due = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, on_timeout, &due);

  while (!due && !*stop)
    g_main_context_iteration (NULL, TRUE);
  if (!due)
    g_source_remove (timeout);
  return !*stop;
}

gboolean
rg_cli_sync (RgCli   *cli,
             gint     argc,
             gchar  **argv,
             GError **error)
{
  gboolean once = FALSE;
  gboolean stop = FALSE;
  gint interval = INTERVAL_DEFAULT_S;
  guint sigint, sigterm;
  g_autoptr(RgSync) sync = NULL;
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, "One round, then stop", NULL },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval, "Seconds between rounds (30)", "S" },
    { NULL }
  };

  if (!rg_cli_parse ("[--once] [--interval S]", entries, &argc, &argv, 0, 0, error) ||
      !rg_cli_check_range (interval, 1, INTERVAL_MAX_S, "--interval", error) ||
      rg_cli_open (cli, error) == NULL)
    return FALSE;
  if (!rg_sync_is_enrolled (cli->db))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
                   "This terminal is not enrolled with a central store yet: run regulars-cli enrol URL CODE first.");
      return FALSE;
    }

  sync = rg_sync_new (cli->db);
  if (once)
    {
      RgSyncStats stats = { 0 };

      if (!rg_sync_run_once (sync, &stats, error))
        return FALSE;
      print_round (cli, &stats);
      return TRUE;
    }

  sigint = g_unix_signal_add (SIGINT, on_stop, &stop);
  sigterm = g_unix_signal_add (SIGTERM, on_stop, &stop);
  do
    {
      RgSyncStats stats = { 0 };
      g_autoptr(GError) local_error = NULL;

      if (rg_sync_run_once (sync, &stats, &local_error))
        print_round (cli, &stats);
      else if (g_error_matches (local_error, RG_ERROR, RG_ERROR_NETWORK))
        fprintf (stderr, "regulars-cli: %s — trying again in %d s.\n", local_error->message, interval);
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  while (ok && wait_round ((guint) interval, &stop));
  g_source_remove (sigint);
  g_source_remove (sigterm);
  return ok;
}
