/* rg-bench-util.h — timing samples and their summary for the benchmarks.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmarks are programs, not tests: they print figures with their median
 * and spread so that a reader can judge them, and assert nothing.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RgBenchSamples RgBenchSamples;

RgBenchSamples *rg_bench_samples_new (guint expected);
void            rg_bench_samples_free (RgBenchSamples *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgBenchSamples, rg_bench_samples_free)

/* Monotonic nanoseconds. */
gint64  rg_bench_now_ns (void);

void    rg_bench_samples_add (RgBenchSamples *self, gint64 ns);
guint   rg_bench_samples_count (RgBenchSamples *self);

/* The @q quantile (0..1) of the samples in nanoseconds; sorts them. */
gint64  rg_bench_samples_quantile (RgBenchSamples *self, gdouble q);

/* Prints "label  n=…  median … µs  p99 … µs  IQR … µs  max … µs". */
void    rg_bench_samples_print_us (RgBenchSamples *self, const gchar *label);

/* Removes the database file @db_path with its -wal and -shm files, then
 * the (now empty) folder @dir that held it. */
void    rg_bench_remove_database (const gchar *dir, const gchar *db_path);

/* Peak resident set size of this process in KiB (VmHWM). */
gint64  rg_bench_peak_rss_kib (void);

G_END_DECLS
