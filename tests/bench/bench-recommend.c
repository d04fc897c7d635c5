/* bench-recommend.c — the recommender on the demo restaurant and on the
 * shared public data sets: model build time and memory, query latency, and
 * the offline evaluation (hit rate@5, recall@10, NDCG@10 of the blend
 * against the baselines) as a Markdown table for README.md.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-recommend [--data ../shared/data] [--runs 5] [--tune]
 *
 * --tune searches the blend's weights on a demo restaurant of another seed
 * than the one reported, so the reported figures are never fitted on their
 * own held-out visits; the shared data sets are only ever measured.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <string.h>

#include "rg-bench-util.h"
#include "rg-demo.h"
#include "rg-import.h"
#include "rg-recommend.h"
#include "rg-recommend-eval.h"

#define REPORT_SEED 7
#define TUNE_SEED 1
#define DEMO_GUESTS 3000
#define DEMO_DAYS 365
#define DEMO_LAST_DAY "2026-10-31"
#define QUERIES 200
#define ADDED_VISITS 200

typedef struct
{
  const gchar *label;
  const gchar *file;     /* NULL: the demo restaurant */
  const gchar *map;
  gboolean     guests;   /* has guest ids: evaluate the last visit */
} DataSet;

static const DataSet data_sets[] = {
  { "demo", NULL, NULL, TRUE },
  { "coffee-shop", "coffee-shop/coffee_sales.csv",
    "visit=visit_id,date=date,time=time,item=product,qty=quantity,price=unit_price,"
    "guest=customer_id,category=category,branch=outlet_id", TRUE },
  { "pizza-sales", "pizza-sales/pizza_sales.csv",
    "visit=order_id,date=order_date,time=order_time,item=pizza_name,qty=quantity,"
    "price=unit_price,category=category", FALSE },
};

typedef struct
{
  gchar *dir;
  gchar *path;
  RgDb  *db;
} BenchDb;

static void
bench_db_free (BenchDb *b)
{
  static const gchar *suffixes[] = { "", "-wal", "-shm" };

  if (b == NULL)
    return;
  rg_db_close (b->db);
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (b->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (b->dir);
  g_free (b->path);
  g_free (b->dir);
  g_free (b);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchDb, bench_db_free)

static BenchDb *
bench_db_new (GError **error)
{
  g_autoptr(BenchDb) b = g_new0 (BenchDb, 1);

  b->dir = g_dir_make_tmp ("regulars-bench-XXXXXX", error);
  if (b->dir == NULL)
    return NULL;
  b->path = g_build_filename (b->dir, "bench.db", NULL);
  b->db = rg_db_open (b->path, error);
  if (b->db == NULL)
    return NULL;
  return g_steal_pointer (&b);
}

static BenchDb *
load_data_set (const DataSet  *set,
               const gchar    *data_dir,
               guint32         seed,
               GError        **error)
{
  g_autoptr(BenchDb) b = bench_db_new (error);
  g_autoptr(RgImportOptions) options = NULL;
  g_autoptr(RgImportResult) result = NULL;
  g_autofree gchar *csv = NULL;

  if (b == NULL)
    return NULL;
  if (set->file == NULL)
    {
      RgDemoOptions demo = {
        .guests = DEMO_GUESTS, .days = DEMO_DAYS, .branches = 1, .seed = seed,
        .last_day = DEMO_LAST_DAY,
      };

      return rg_demo_generate (b->db, &demo, NULL, error) ? g_steal_pointer (&b) : NULL;
    }

  csv = g_build_filename (data_dir, set->file, NULL);
  options = rg_import_options_new ();
  if (!rg_import_options_set_map (options, set->map, error))
    return NULL;
  result = rg_import_orders (b->db, csv, options, error);
  return result != NULL ? g_steal_pointer (&b) : NULL;
}

/* Bytes the allocator has handed out and not got back (glibc). */
static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static GPtrArray *
sample_guests (RgDb *db)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT guest_id FROM visit WHERE guest_id IS NOT NULL AND status = 'closed' "
      "GROUP BY guest_id ORDER BY count (*) DESC, guest_id LIMIT ?", NULL);

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int (stmt, 1, QUERIES);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  return ids;
}

static gboolean
set_status (RgDb         *db,
            GPtrArray    *ids,
            const gchar  *status,
            GError      **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, "UPDATE visit SET status = ? WHERE id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rg_db_set_error (db, error, "reopening visits for the benchmark");
    }
  return TRUE;
}

/* Builds a model without the last @n closed visits (reopened for the
 * while), closes them again and times counting each into the model, as
 * when checks close during service. */
static gboolean
measure_add_visit (const DataSet  *set,
                   RgDb           *db,
                   guint           n,
                   GError        **error)
{
  g_autoptr(RgBenchSamples) adds = rg_bench_samples_new (n);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RgRecommender) rec = NULL;
  g_autofree gchar *label = g_strdup_printf ("%s add_visit", set->label);
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT id FROM visit WHERE status = 'closed' ORDER BY seated_ms DESC LIMIT ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, rg_stmt_release);

  if (!set_status (db, ids, "open", error))
    return FALSE;
  rec = rg_recommender_new (db, error);
  if (rec == NULL || !set_status (db, ids, "closed", error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 t0 = rg_bench_now_ns ();

      if (!rg_recommender_add_visit (rec, db, g_ptr_array_index (ids, i), error))
        return FALSE;
      rg_bench_samples_add (adds, rg_bench_now_ns () - t0);
    }
  rg_bench_samples_print_us (adds, label);
  return TRUE;
}

static gboolean
measure_model (const DataSet  *set,
               RgDb           *db,
               gint            runs,
               GError        **error)
{
  g_autoptr(RgBenchSamples) build = rg_bench_samples_new ((guint) runs);
  g_autoptr(RgBenchSamples) queries = rg_bench_samples_new (QUERIES);
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GPtrArray) guests = sample_guests (db);
  g_autofree gchar *label = NULL;
  gsize heap_before, heap_after = 0;

  for (gint r = 0; r < runs; r++)
    {
      gint64 t0;

      g_clear_object (&rec);
      heap_before = heap_in_use ();
      t0 = rg_bench_now_ns ();
      rec = rg_recommender_new (db, error);
      if (rec == NULL)
        return FALSE;
      rg_bench_samples_add (build, rg_bench_now_ns () - t0);
      /* What the model keeps, once the visits it was counted from are
       * freed (SQLite's statement cache and page cache included). */
      heap_after = heap_in_use () - heap_before;
    }
  g_print ("%-12s model of %u visits: build median %.1f ms (min %.1f, max %.1f); "
           "memory %.0f KiB on the heap (estimate %.0f KiB)\n",
           set->label, rg_recommender_get_n_visits (rec),
           rg_bench_samples_quantile (build, 0.5) / 1e6,
           rg_bench_samples_quantile (build, 0.0) / 1e6,
           rg_bench_samples_quantile (build, 1.0) / 1e6,
           heap_after / 1024.0, rg_recommender_estimate_memory (rec) / 1024.0);

  for (guint i = 0; i < guests->len; i++)
    {
      g_autoptr(GListModel) usual = NULL;
      g_autoptr(GListModel) new_items = NULL;
      gint64 t0 = rg_bench_now_ns ();

      if (!rg_recommender_for_guest (rec, db, g_ptr_array_index (guests, i), RG_DAYPART_LUNCH, 5,
                                     &usual, &new_items, error))
        return FALSE;
      rg_bench_samples_add (queries, rg_bench_now_ns () - t0);
    }
  if (guests->len > 0)
    {
      label = g_strdup_printf ("%s for_guest", set->label);
      rg_bench_samples_print_us (queries, label);
    }
  return measure_add_visit (set, db, ADDED_VISITS, error);
}

static gboolean
evaluate (const DataSet             *set,
          RgDb                      *db,
          const RgRecommendWeights  *weights,
          GString                   *table,
          GError                   **error)
{
  g_autoptr(RgRecommendEval) basket = NULL;
  g_autofree gchar *basket_rows = NULL;
  g_autofree gchar *title = g_strdup_printf ("%s, basket completion", set->label);
  gint64 t0 = rg_bench_now_ns ();

  if (set->guests)
    {
      g_autoptr(RgRecommendEval) last = rg_recommend_eval_last_visit (db, weights, error);
      g_autofree gchar *rows = NULL;
      g_autofree gchar *last_title = g_strdup_printf ("%s, last visit held out", set->label);

      if (last == NULL)
        return FALSE;
      rows = rg_recommend_eval_format (last, last_title);
      g_string_append (table, rows);
    }
  basket = rg_recommend_eval_basket (db, weights, error);
  if (basket == NULL)
    return FALSE;
  basket_rows = rg_recommend_eval_format (basket, title);
  g_string_append (table, basket_rows);
  g_print ("%-12s evaluation took %.1f s\n", set->label, (rg_bench_now_ns () - t0) / 1e9);
  return TRUE;
}

/* Coordinate search, one weight at a time, on the NDCG@10 of the last
 * visit held out plus that of basket completion. */
static gdouble
objective (RgDb                     *db,
           const RgRecommendWeights *weights)
{
  g_autoptr(RgRecommendEval) last = rg_recommend_eval_last_visit (db, weights, NULL);
  g_autoptr(RgRecommendEval) basket = rg_recommend_eval_basket (db, weights, NULL);

  if (last == NULL || basket == NULL)
    return 0;
  return rg_recommend_eval_get_ndcg (last, RG_RECOMMEND_METHOD_BLEND) +
         rg_recommend_eval_get_ndcg (basket, RG_RECOMMEND_METHOD_BLEND);
}

static gboolean
tune (const gchar         *data_dir,
      RgRecommendWeights  *weights,
      GError             **error)
{
  g_autoptr(BenchDb) b = load_data_set (&data_sets[0], data_dir, TUNE_SEED, error);
  /* Not the half-life: the demo's guests keep their tastes for ever. */
  gdouble *fields[] = {
    &weights->history, &weights->together, &weights->usual_together, &weights->tags,
    &weights->shrink, &weights->daypart_prior,
  };
  const gchar *names[] = {
    "history", "together", "usual_together", "tags", "shrink", "daypart_prior",
  };
  const gdouble factors[] = { 0.25, 0.5, 2.0, 4.0 };
  gdouble best;

  if (b == NULL)
    return FALSE;
  best = objective (b->db, weights);
  for (gint round = 0; round < 2; round++)
    for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
      {
        gdouble start = *fields[f];
        gdouble chosen = start;

        for (gsize k = 0; k < G_N_ELEMENTS (factors); k++)
          {
            gdouble score;

            *fields[f] = start * factors[k];
            score = objective (b->db, weights);
            if (score > best + 1e-4)
              {
                best = score;
                chosen = *fields[f];
              }
          }
        *fields[f] = chosen;
        g_print ("tune: %-15s %.4g  (objective %.4f)\n", names[f], chosen, best);
      }
  g_print ("tuned on demo seed %u: history %.4g, together %.4g, usual_together %.4g, "
           "popular %.4g, tags %.4g, half-life %.4g days, shrink %.4g, daypart prior %.4g\n",
           TUNE_SEED, weights->history, weights->together, weights->usual_together,
           weights->popular, weights->tags, weights->half_life_days, weights->shrink,
           weights->daypart_prior);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree gchar *data_dir = g_strdup (g_getenv ("REGULARS_DATA_DIR"));
  gint runs = 5;
  gboolean tuning = FALSE;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "The shared data folder", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Model builds per data set", "N" },
    { "tune", 0, 0, G_OPTION_ARG_NONE, &tuning, "Search the weights on another demo seed first", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— recommender benchmark and evaluation");
  g_autoptr(GString) table = g_string_new (
      "| data set | method | cases | hit@5 | recall@10 | NDCG@10 |\n"
      "| --- | --- | ---: | ---: | ---: | ---: |\n");
  g_autoptr(GError) error = NULL;
  RgRecommendWeights weights;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL || runs <= 0)
    {
      g_printerr ("usage: bench-recommend --data DIR [--runs N] [--tune]\n");
      return 2;
    }

  rg_recommend_weights_init (&weights);
  if (tuning && !tune (data_dir, &weights, &error))
    {
      g_printerr ("tuning: %s\n", error->message);
      return 3;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (data_sets); i++)
    {
      const DataSet *set = &data_sets[i];
      g_autoptr(BenchDb) b = load_data_set (set, data_dir, REPORT_SEED, &error);

      if (b == NULL || !measure_model (set, b->db, runs, &error) ||
          !evaluate (set, b->db, &weights, table, &error))
        {
          g_printerr ("%s: %s\n", set->label, error->message);
          return 3;
        }
    }
  g_print ("\n%s", table->str);
  return 0;
}
