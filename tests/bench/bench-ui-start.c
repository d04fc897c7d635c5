/* bench-ui-start.c — cold start of the app to an interactive window, and
 * its resident memory, on a large database.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1280x1280x24" \
 *     bench-ui-start --db /tmp/bench-100k.db [--runs 7] [--settle 3000] \
 *                    [--env GSK_RENDERER=gl]…
 *
 * Each run spawns a new `regulars --db FILE` process with
 * REGULARS_TRACE_START set, so that it prints when its window drew the
 * first frame, when its main loop was next idle after it (the window
 * answers input: "interactive") and when the model of recommendations it
 * learns in the background after the first frame was ready (see
 * app/regulars/main.c).  Times run from just before the spawn to those
 * moments.  The memory is read from /proc/PID/status when the window is
 * interactive, and again @settle ms after the model was ready (the rest of
 * the start's background work, the day's tier cut, done too): VmRSS, VmHWM
 * (the peak), and VmRSS split into RssAnon (the app's own heap and the
 * model) and RssFile (its code and the shared libraries, fonts and icons
 * it maps).  The process is then ended with SIGTERM.  The file cache is
 * left warm: this is the cold start of the process, not of the disk.
 *
 * --env sets a variable in the app's environment, to compare renderers:
 * the app draws with Cairo where OpenGL would be a software rasteriser
 * (ui/rg-renderer.h) unless GSK_RENDERER is set.
 */
#include <gio/gio.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "rg-bench-util.h"

/* How long a run may take to reach each moment before it is given up. */
#define RUN_TIMEOUT_S 120

enum {
  MEM_RSS,
  MEM_HWM,
  MEM_ANON,
  MEM_FILE,
  N_MEM
};

static const gchar *mem_keys[N_MEM] = { "VmRSS:", "VmHWM:", "RssAnon:", "RssFile:" };

enum {
  AT_FRAME,
  AT_IDLE,
  AT_MODEL,
  N_MOMENTS
};

/* The app's trace line of each moment, "regulars: WHAT N". */
static const gchar *moment_traces[N_MOMENTS] = { "first frame", "idle", "model ready" };
static const gchar *moment_labels[N_MOMENTS] = { "spawn to first frame", "spawn to interactive",
                                                 "spawn to model ready" };

typedef struct
{
  RgBenchSamples *time[N_MOMENTS];   /* ns from the spawn */
  RgBenchSamples *interactive[N_MEM];  /* KiB, as "ns" for the quantiles */
  RgBenchSamples *settled[N_MEM];
} Figures;

/* One run: the moments the app traced so far. */
typedef struct
{
  GMainLoop        *loop;
  GDataInputStream *lines;
  GError           *error;
  guint             timeout;
  gint64            at[N_MOMENTS];   /* µs, -1 until traced */
} Run;

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

static void
on_line_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  g_autofree gchar *line = g_data_input_stream_read_line_finish_utf8 (run->lines, result, NULL, &run->error);

  if (line == NULL)
    {
      if (run->error == NULL)
        g_set_error (&run->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "the app ended before its model of recommendations was ready");
      g_main_loop_quit (run->loop);
      return;
    }
  for (guint i = 0; i < N_MOMENTS; i++)
    if (run->at[i] < 0 && trace_time (line, moment_traces[i]) > 0)
      run->at[i] = trace_time (line, moment_traces[i]);
  if (run->at[AT_IDLE] >= 0)
    g_main_loop_quit (run->loop);
  else
    g_data_input_stream_read_line_async (run->lines, G_PRIORITY_DEFAULT, NULL, on_line_cb, run);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timeout = 0;
  g_set_error (&run->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               "the app did not get there in %d s", RUN_TIMEOUT_S);
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* Reads the app's trace until @moment (and any before it) was seen. */
static gboolean
wait_for (Run      *run,
          guint     moment,
          GError  **error)
{
  if (run->at[moment] >= 0)
    return TRUE;
  run->timeout = g_timeout_add_seconds (RUN_TIMEOUT_S, on_timeout_cb, run);
  /* on_line_cb reads on until the idle; past it, one line at a time. */
  while (run->at[moment] < 0 && run->error == NULL)
    {
      g_data_input_stream_read_line_async (run->lines, G_PRIORITY_DEFAULT, NULL, on_line_cb, run);
      g_main_loop_run (run->loop);
    }
  g_clear_handle_id (&run->timeout, g_source_remove);
  if (run->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run->error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_once (const gchar          *app,
          const gchar          *db,
          const gchar * const  *env,
          guint                 settle_ms,
          Figures              *figures,
          GError              **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GDataInputStream) lines = NULL;
  Run run = { loop, NULL, NULL, 0, { -1, -1, -1 } };
  gint64 spawned_us;
  const gchar *pid;

  g_subprocess_launcher_setenv (launcher, "REGULARS_TRACE_START", "1", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      if (pair[1] == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "--env %s: not NAME=VALUE", env[i]);
          return FALSE;
        }
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  spawned_us = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawn (launcher, error, app, "--db", db, NULL);
  if (child == NULL)
    return FALSE;
  pid = g_subprocess_get_identifier (child);
  lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (child));
  run.lines = lines;

  if (!wait_for (&run, AT_IDLE, error))
    goto fail;
  read_memory (pid, figures->interactive);
  if (!wait_for (&run, AT_MODEL, error))
    goto fail;
  g_usleep (settle_ms * 1000);
  read_memory (pid, figures->settled);

  for (guint i = 0; i < N_MOMENTS; i++)
    rg_bench_samples_add (figures->time[i], (run.at[i] - spawned_us) * 1000);
  g_subprocess_send_signal (child, SIGTERM);
  return g_subprocess_wait (child, NULL, error);

fail:
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
  return FALSE;
}

static void
print_ms (RgBenchSamples *samples,
          const gchar    *label)
{
  g_print ("%-28s n=%-3u median %7.1f ms  p90 %7.1f  min %7.1f  max %7.1f  IQR %6.1f ms\n",
           label, rg_bench_samples_count (samples),
           rg_bench_samples_quantile (samples, 0.5) / 1e6,
           rg_bench_samples_quantile (samples, 0.9) / 1e6,
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
      g_print ("%-28s n=%-3u median %7.1f MiB  p90 %7.1f  min %7.1f  max %7.1f\n",
               label, rg_bench_samples_count (samples[m]),
               rg_bench_samples_quantile (samples[m], 0.5) / 1024.0,
               rg_bench_samples_quantile (samples[m], 0.9) / 1024.0,
               rg_bench_samples_quantile (samples[m], 0.0) / 1024.0,
               rg_bench_samples_quantile (samples[m], 1.0) / 1024.0);
    }
}

static void
figures_init (Figures *figures,
              guint    runs)
{
  for (guint i = 0; i < N_MOMENTS; i++)
    figures->time[i] = rg_bench_samples_new (runs);
  for (guint m = 0; m < N_MEM; m++)
    {
      figures->interactive[m] = rg_bench_samples_new (runs);
      figures->settled[m] = rg_bench_samples_new (runs);
    }
}

static void
figures_clear (Figures *figures)
{
  for (guint i = 0; i < N_MOMENTS; i++)
    rg_bench_samples_free (figures->time[i]);
  for (guint m = 0; m < N_MEM; m++)
    {
      rg_bench_samples_free (figures->interactive[m]);
      rg_bench_samples_free (figures->settled[m]);
    }
}

int
main (int argc, char **argv)
{
  g_autofree gchar *db = NULL;
  g_autofree gchar *app = g_strdup (REGULARS_APP);
  g_auto(GStrv) env = NULL;
  g_autofree gchar *env_text = NULL;
  gint runs = 7;
  gint settle_ms = 3000;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database file (a large demo database)", "PATH" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The regulars binary (default: the one of this build)", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Starts to time", "N" },
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle_ms,
      "Milliseconds after the model is ready before reading the memory again", "MS" },
    { "env", 0, 0, G_OPTION_ARG_STRING_ARRAY, &env, "A variable of the app's environment", "NAME=VALUE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— cold start and memory of the app");
  g_autoptr(GError) error = NULL;
  Figures figures;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || runs <= 0 || settle_ms < 0)
    {
      g_printerr ("usage: bench-ui-start --db PATH [--runs N] [--settle MS] [--env NAME=VALUE]…%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return 2;
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s does not exist: make it with regulars-cli --db %s demo --guests 100000\n", db, db);
      return 2;
    }

  figures_init (&figures, (guint) runs);
  env_text = env != NULL ? g_strjoinv (" ", env) : g_strdup ("");
  g_print ("start of %s --db %s %s, %d runs, memory when interactive and %d ms after the model is ready\n\n",
           app, db, env_text, runs, settle_ms);
  for (gint i = 0; i < runs; i++)
    if (!run_once (app, db, (const gchar * const *) env, (guint) settle_ms, &figures, &error))
      {
        g_printerr ("run %d: %s\n", i + 1, error->message);
        figures_clear (&figures);
        return 3;
      }

  for (guint i = 0; i < N_MOMENTS; i++)
    print_ms (figures.time[i], moment_labels[i]);
  print_mib (figures.interactive, "interactive");
  print_mib (figures.settled, "with the model");
  figures_clear (&figures);
  return 0;
}
