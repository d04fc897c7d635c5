/* bench-import.c — importing the shared public order exports, in rows per
 * second, each into a fresh database file.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-import [--data ../shared/data] [--runs 5]
 */
#include <locale.h>

#include "rg-bench-util.h"
#include "rg-import.h"

typedef struct
{
  const gchar *label;
  const gchar *file;
  const gchar *map;
} DataSet;

static const DataSet data_sets[] = {
  { "pizza sales", "pizza-sales/pizza_sales.csv",
    "visit=order_id,date=order_date,time=order_time,item=pizza_id,qty=quantity,price=unit_price,category=category" },
  { "coffee shop", "coffee-shop/coffee_sales.csv",
    "visit=visit_id,date=date,time=time,item=product,qty=quantity,price=unit_price,guest=customer_id,category=category,branch=outlet_id" },
};

static gboolean
import_once (const DataSet  *set,
             const gchar    *data_dir,
             gint64         *ns,
             guint          *rows,
             GError        **error)
{
  g_autofree gchar *dir = g_dir_make_tmp ("regulars-bench-XXXXXX", error);
  g_autofree gchar *db_path = NULL;
  g_autofree gchar *csv = g_build_filename (data_dir, set->file, NULL);
  g_autoptr(RgImportOptions) options = rg_import_options_new ();
  g_autoptr(RgImportResult) result = NULL;
  g_autoptr(RgDb) db = NULL;
  gint64 t0;

  if (dir == NULL)
    return FALSE;
  db_path = g_build_filename (dir, "bench.db", NULL);
  db = rg_db_open (db_path, error);
  if (db == NULL || !rg_import_options_set_map (options, set->map, error))
    return FALSE;

  t0 = rg_bench_now_ns ();
  result = rg_import_orders (db, csv, options, error);
  *ns = rg_bench_now_ns () - t0;
  if (result == NULL)
    return FALSE;
  *rows = result->rows;

  g_clear_pointer (&db, rg_db_close);
  rg_bench_remove_database (dir, db_path);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree gchar *data_dir = g_strdup (g_getenv ("REGULARS_DATA_DIR"));
  gint runs = 5;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "The shared data folder", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Imports of each file", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— import benchmark");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL || runs <= 0)
    {
      g_printerr ("usage: bench-import --data DIR [--runs N]\n");
      return 2;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (data_sets); i++)
    {
      g_autoptr(RgBenchSamples) samples = rg_bench_samples_new ((guint) runs);
      g_autofree gchar *label = g_strdup_printf ("import %s", data_sets[i].label);
      guint rows = 0;
      gdouble median_s;

      for (gint r = 0; r < runs; r++)
        {
          gint64 ns;

          if (!import_once (&data_sets[i], data_dir, &ns, &rows, &error))
            {
              g_printerr ("%s: %s\n", label, error->message);
              return 3;
            }
          rg_bench_samples_add (samples, ns);
        }
      median_s = rg_bench_samples_quantile (samples, 0.5) / 1e9;
      g_print ("%-22s %u rows   median %.3f s   min %.3f s   max %.3f s   %.0f rows/s\n",
               label, rows, median_s,
               rg_bench_samples_quantile (samples, 0.0) / 1e9,
               rg_bench_samples_quantile (samples, 1.0) / 1e9,
               rows / median_s);
    }
  return 0;
}
