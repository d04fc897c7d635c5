/* bench-auth.c — how long one PIN check takes: the key derivation alone
 * (rg_auth_verify_pin) and a whole unlock (rg_auth_unlock, with its audit
 * row), to hold RG_AUTH_PBKDF2_ITERATIONS between 10 and 100 ms.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-auth [--runs 50]
 */
#include <locale.h>
#include <stdio.h>

#include "rg-auth.h"
#include "rg-bench-util.h"

static gboolean
time_unlocks (gint              runs,
              RgBenchSamples   *samples,
              GError          **error)
{
  g_autofree gchar *dir = g_dir_make_tmp ("regulars-bench-XXXXXX", error);
  g_autofree gchar *path = NULL;
  g_autoptr(RgDb) db = NULL;
  g_autoptr(RgStaff) owner = NULL;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "auth.db", NULL);
  db = rg_db_open (path, error);
  if (db != NULL)
    owner = rg_auth_add_staff (db, NULL, "Mei", RG_ROLE_OWNER, "2468", error);
  ok = owner != NULL;
  for (gint i = 0; ok && i < runs; i++)
    {
      g_autoptr(RgStaff) unlocked = NULL;
      gint64 t0 = rg_bench_now_ns ();

      unlocked = rg_auth_unlock (db, rg_staff_get_id (owner), "2468", error);
      rg_bench_samples_add (samples, rg_bench_now_ns () - t0);
      ok = unlocked != NULL;
    }

  g_clear_pointer (&db, rg_db_close);
  rg_bench_remove_database (dir, path);
  return ok;
}

int
main (int argc, char **argv)
{
  gint runs = 50;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "PIN checks to time", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— PIN check benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBenchSamples) verify = NULL;
  g_autoptr(RgBenchSamples) unlock = NULL;
  g_autofree gchar *encoded = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      fprintf (stderr, "bench-auth: %s\n", error != NULL ? error->message : "--runs must be positive");
      return 2;
    }

  encoded = rg_auth_hash_pin ("2468", 0, &error);
  if (encoded == NULL)
    {
      fprintf (stderr, "bench-auth: %s\n", error->message);
      return 1;
    }
  verify = rg_bench_samples_new ((guint) runs);
  for (gint i = 0; i < runs; i++)
    {
      gint64 t0 = rg_bench_now_ns ();
      gboolean same = rg_auth_verify_pin ("2468", encoded, NULL);

      rg_bench_samples_add (verify, rg_bench_now_ns () - t0);
      if (!same)
        {
          fprintf (stderr, "bench-auth: the PIN did not verify\n");
          return 1;
        }
    }

  unlock = rg_bench_samples_new ((guint) runs);
  if (!time_unlocks (runs, unlock, &error))
    {
      fprintf (stderr, "bench-auth: %s\n", error->message);
      return 1;
    }

  printf ("PBKDF2-HMAC-SHA256, %d iterations, %d runs (target: 10 ms <= median < 100 ms)\n",
          RG_AUTH_PBKDF2_ITERATIONS, runs);
  rg_bench_samples_print_us (verify, "verify PIN");
  rg_bench_samples_print_us (unlock, "unlock (with audit)");
  /* the floor matters too: even the fastest check must cost 10 ms */
  printf ("fastest verify %.1f ms, fastest unlock %.1f ms\n",
          rg_bench_samples_quantile (verify, 0.0) / 1e6, rg_bench_samples_quantile (unlock, 0.0) / 1e6);
  return 0;
}
