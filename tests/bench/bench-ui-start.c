/* bench-ui-start.c — cold start of the app to an interactive window, and
 * its resident memory, on a large database.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1280x1280x24" \
 *     bench-ui-start --db /tmp/bench-100k.db [--runs 7] [--settle 5000]
 *
 * Each run spawns a new `regulars --db FILE` process with
 * REGULARS_TRACE_START set, so that it prints when its window drew the
 * first frame and when its main loop was next idle (see app/regulars/
 * main.c).  Start-up is timed from just before the spawn to those two
 * moments.  The memory is read from /proc/PID/status at the first frame
 * and again after @settle ms, once the background work of the start (the
 * recommender model, the day's tier cut) is done: VmRSS, VmHWM (the peak),
 * and VmRSS split into RssAnon (the app's own heap) and RssFile (mostly
 * the database file mapped by SQLite, shared with the page cache).  The
 * process is then ended with SIGTERM.  The file cache is left warm: this
 * is the cold start of the process, not of the disk.
 */
#include <gio/gio.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "rg-bench-util.h"

enum {
  MEM_RSS,
  MEM_HWM,
  MEM_ANON,
  MEM_FILE,
  N_MEM
};

static const gchar *mem_keys[N_MEM] = { "VmRSS:", "VmHWM:", "RssAnon:", "RssFile:" };

typedef struct
{
  RgBenchSamples *frame;            /* spawn to first frame, ns */
  RgBenchSamples *idle;             /* spawn to idle after it */
  RgBenchSamples *at_frame[N_MEM];  /* KiB, as "ns" for the quantiles */
  RgBenchSamples *settled[N_MEM];
} Figures;

/* --------------------------------------------------------------- helpers */

static void
read_memory (const gchar    *pid,
             RgBenchSamples *into[N_MEM])
{
  g_autofree gchar *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree gchar *status = NULL;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return;
  for (guint m = 0; m < N_MEM; m++)
    {
      const gchar *line = strstr (status, mem_keys[m]);

      if (line != NULL)
        rg_bench_samples_add (into[m], g_ascii_strtoll (line + strlen (mem_keys[m]), NULL, 10));
    }
}

/* The microseconds on a "regulars: WHAT N" line, or -1. */
static gint64
trace_time (const gchar *line,
            const gchar *what)
{
  g_autofree gchar *prefix = g_strdup_printf ("regulars: %s ", what);

  if (!g_str_has_prefix (line, prefix))
    return -1;
  return g_ascii_strtoll (line + strlen (prefix), NULL, 10);
}

static gboolean
run_once (const gchar  *app,
          const gchar  *db,
          guint         settle_ms,
          Figures      *figures,
          GError      **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  gint64 spawned_us, frame_us = -1, idle_us = -1;

  g_subprocess_launcher_setenv (launcher, "REGULARS_TRACE_START", "1", TRUE);
  spawned_us = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawn (launcher, error, app, "--db", db, NULL);
  if (child == NULL)
    return FALSE;
  lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (child));
  while (idle_us < 0)
    {
      g_autofree gchar *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error);

      if (line == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the app ended before its window was up");
          return FALSE;
        }
      if (trace_time (line, "first frame") > 0)
        {
          frame_us = trace_time (line, "first frame");
          read_memory (g_subprocess_get_identifier (child), figures->at_frame);
        }
      else if (trace_time (line, "idle") > 0)
        idle_us = trace_time (line, "idle");
    }
  rg_bench_samples_add (figures->frame, (frame_us - spawned_us) * 1000);
  rg_bench_samples_add (figures->idle, (idle_us - spawned_us) * 1000);

  g_usleep (settle_ms * 1000);
  read_memory (g_subprocess_get_identifier (child), figures->settled);
  g_subprocess_send_signal (child, SIGTERM);
  return g_subprocess_wait (child, NULL, error);
}

static void
print_ms (RgBenchSamples *samples,
          const gchar    *label)
{
  g_print ("%-34s n=%-3u median %7.1f ms  min %7.1f  max %7.1f  IQR %6.1f ms\n",
           label, rg_bench_samples_count (samples),
           rg_bench_samples_quantile (samples, 0.5) / 1e6,
           rg_bench_samples_quantile (samples, 0.0) / 1e6,
           rg_bench_samples_quantile (samples, 1.0) / 1e6,
           (rg_bench_samples_quantile (samples, 0.75) - rg_bench_samples_quantile (samples, 0.25)) / 1e6);
}

static void
print_mib (RgBenchSamples *samples[N_MEM],
           const gchar    *when)
{
  for (guint m = 0; m < N_MEM; m++)
    {
      g_autofree gchar *label = g_strdup_printf ("%s %s", mem_keys[m], when);

      if (rg_bench_samples_count (samples[m]) == 0)
        continue;
      g_print ("%-34s n=%-3u median %7.1f MiB  min %7.1f  max %7.1f\n",
               label, rg_bench_samples_count (samples[m]),
               rg_bench_samples_quantile (samples[m], 0.5) / 1024.0,
               rg_bench_samples_quantile (samples[m], 0.0) / 1024.0,
               rg_bench_samples_quantile (samples[m], 1.0) / 1024.0);
    }
}

int
main (int argc, char **argv)
{
  g_autofree gchar *db = NULL;
  g_autofree gchar *app = g_strdup (REGULARS_APP);
  gint runs = 7;
  gint settle_ms = 5000;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database file (a large demo database)", "PATH" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The regulars binary (default: the one of this build)", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Starts to time", "N" },
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle_ms, "Milliseconds after start before reading the memory again", "MS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— cold start and memory of the app");
  g_autoptr(GError) error = NULL;
  Figures figures;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || runs <= 0 || settle_ms < 0)
    {
      g_printerr ("usage: bench-ui-start --db PATH [--runs N] [--settle MS]%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return 2;
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s does not exist: make it with regulars-cli --db %s demo --guests 100000\n", db, db);
      return 2;
    }

  figures.frame = rg_bench_samples_new (runs);
  figures.idle = rg_bench_samples_new (runs);
  for (guint m = 0; m < N_MEM; m++)
    {
      figures.at_frame[m] = rg_bench_samples_new (runs);
      figures.settled[m] = rg_bench_samples_new (runs);
    }

  g_print ("start of %s --db %s, %d runs, memory again after %d ms\n\n", app, db, runs, settle_ms);
  for (gint i = 0; i < runs; i++)
    if (!run_once (app, db, (guint) settle_ms, &figures, &error))
      {
        g_printerr ("run %d: %s\n", i + 1, error->message);
        return 3;
      }

  print_ms (figures.frame, "spawn to first frame");
  print_ms (figures.idle, "spawn to idle after it");
  print_mib (figures.at_frame, "at first frame");
  print_mib (figures.settled, "settled");

  rg_bench_samples_free (figures.frame);
  rg_bench_samples_free (figures.idle);
  for (guint m = 0; m < N_MEM; m++)
    {
      rg_bench_samples_free (figures.at_frame[m]);
      rg_bench_samples_free (figures.settled[m]);
    }
  return 0;
}
