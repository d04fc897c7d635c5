/* rg-bench-util.c — timing samples and their summary for the benchmarks.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

struct _RgBenchSamples
{
  GArray   *ns;
  gboolean  sorted;
};

RgBenchSamples *
rg_bench_samples_new (guint expected)
{
  RgBenchSamples *self = g_new0 (RgBenchSamples, 1);

  self->ns = g_array_sized_new (FALSE, FALSE, sizeof (gint64), expected);
  return self;
}

void
rg_bench_samples_free (RgBenchSamples *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->ns);
  g_free (self);
}

gint64
rg_bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

void
rg_bench_samples_add (RgBenchSamples *self,
                      gint64          ns)
{
  g_array_append_val (self->ns, ns);
  self->sorted = FALSE;
}

guint
rg_bench_samples_count (RgBenchSamples *self)
{
  return self->ns->len;
}

static gint
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

gint64
rg_bench_samples_quantile (RgBenchSamples *self,
                           gdouble         q)
{
  guint index;

  g_return_val_if_fail (self->ns->len > 0, 0);

  if (!self->sorted)
    {
      g_array_sort (self->ns, compare_gint64);
      self->sorted = TRUE;
    }
  index = (guint) (q * (self->ns->len - 1) + 0.5);
  return g_array_index (self->ns, gint64, MIN (index, self->ns->len - 1));
}

void
rg_bench_samples_print_us (RgBenchSamples *self,
                           const gchar    *label)
{
  gdouble median = rg_bench_samples_quantile (self, 0.50) / 1000.0;
  gdouble p99 = rg_bench_samples_quantile (self, 0.99) / 1000.0;
  gdouble iqr = (rg_bench_samples_quantile (self, 0.75) -
                 rg_bench_samples_quantile (self, 0.25)) / 1000.0;
  gdouble max = rg_bench_samples_quantile (self, 1.0) / 1000.0;

  g_print ("%-34s n=%-6u median %9.1f µs   p99 %9.1f µs   IQR %8.1f µs   max %9.1f µs\n",
           label, self->ns->len, median, p99, iqr, max);
}

gint64
rg_bench_peak_rss_kib (void)
{
  g_autofree gchar *status = NULL;
  const gchar *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

void
rg_bench_remove_database (const gchar *dir,
                          const gchar *db_path)
{
  static const gchar *suffixes[] = { "", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (db_path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}
