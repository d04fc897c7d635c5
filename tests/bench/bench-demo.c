/* bench-demo.c — the demo generator's speed in order lines per second.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-demo [--guests 100000] [--days 365] [--branches 3] [--runs 3]
 */
#include <locale.h>

#include "rg-bench-util.h"
#include "rg-demo.h"

static gboolean
generate_once (const RgDemoOptions  *options,
               gint64               *ns,
               RgDemoCounts         *counts,
               GError              **error)
{
  g_autofree gchar *dir = g_dir_make_tmp ("regulars-bench-XXXXXX", error);
  g_autofree gchar *path = NULL;
  g_autoptr(RgDb) db = NULL;
  gint64 t0;
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "demo.db", NULL);
  db = rg_db_open (path, error);
  if (db == NULL)
    return FALSE;

  t0 = rg_bench_now_ns ();
  ok = rg_demo_generate (db, options, counts, error);
  *ns = rg_bench_now_ns () - t0;

  g_clear_pointer (&db, rg_db_close);
  rg_bench_remove_database (dir, path);
  return ok;
}

int
main (int argc, char **argv)
{
  gint guests = 100000, days = 365, branches = 3, runs = 3;
  GOptionEntry entries[] = {
    { "guests", 0, 0, G_OPTION_ARG_INT, &guests, "Guests", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of history", "D" },
    { "branches", 0, 0, G_OPTION_ARG_INT, &branches, "Branches", "B" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— demo generator benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBenchSamples) samples = NULL;
  RgDemoCounts counts = { 0 };
  RgDemoOptions options;
  gdouble median_s;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      guests < 0 || days <= 0 || branches <= 0 || runs <= 0)
    {
      g_printerr ("usage: bench-demo [--guests N] [--days D] [--branches B] [--runs N]\n");
      return 2;
    }

  options = (RgDemoOptions) { .guests = (guint) guests, .days = (guint) days,
                              .branches = (guint) branches, .seed = 1,
                              .last_day = "2026-10-31" };
  samples = rg_bench_samples_new ((guint) runs);
  for (gint r = 0; r < runs; r++)
    {
      gint64 ns;

      if (!generate_once (&options, &ns, &counts, &error))
        {
          g_printerr ("demo: %s\n", error->message);
          return 3;
        }
      rg_bench_samples_add (samples, ns);
    }

  median_s = rg_bench_samples_quantile (samples, 0.5) / 1e9;
  g_print ("demo: %u guests, %u visits, %u order lines, %u branches\n",
           counts.guests, counts.visits, counts.lines, counts.branches);
  g_print ("demo generation   median %.2f s   min %.2f s   max %.2f s   %.0f lines/s   %.0f guests/s\n",
           median_s, rg_bench_samples_quantile (samples, 0.0) / 1e9,
           rg_bench_samples_quantile (samples, 1.0) / 1e9,
           counts.lines / median_s, counts.guests / median_s);
  return 0;
}
