/* bench-recommend.c — the recommender on the demo restaurant and on the
 * shared public data sets: model build time and memory, query latency, and
 * the offline evaluation (hit rate@5, recall@10, NDCG@10 of the blend
 * against the baselines) as a Markdown table for README.md.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-recommend [--data ../shared/data] [--runs 5] [--tune]
 *   bench-recommend --db /tmp/bench-5m.db [--guests 100000] [--days 2100] [--runs 3]
 *
 * --db measures a large database instead: the model build (time, heap
 * kept, peak resident memory) and the query for one guest (median, p99),
 * nothing else.  An empty file is filled by the demo generator first
 * (100 000 guests over 2 100 days are about 5M order lines; it takes a
 * long while: keep the file and pass it again); pass
 * `file:PATH?mode=ro` to leave an existing database untouched.
 *
 * --tune searches the blend's weights on a demo restaurant of another seed
 * than the one reported, so the reported figures are never fitted on their
 * own held-out visits; the shared data sets are only ever measured.
 */
#include <locale.h>
#include <malloc.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

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
#define LARGE_QUERIES 2000
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
  if (b == NULL)
    return;
  rg_db_close (b->db);
  rg_bench_remove_database (b->dir, b->path);
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

/* Resident memory of this process that is not a mapped file, KiB: the
 * heap and stacks, without the database pages SQLite maps (mmap_size)
 * that the peak resident size counts. */
static gint64
anon_rss_kib (void)
{
  g_autofree gchar *status = NULL;
  const gchar *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "RssAnon:");
  return line != NULL ? g_ascii_strtoll (line + strlen ("RssAnon:"), NULL, 10) : 0;
}

/* Bytes the allocator has handed out and not got back (glibc). */
static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static gint64
query_int (RgDb        *db,
           const gchar *sql)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Every @nth guest of the table, in the order they were added. */
static GPtrArray *
sample_every_nth_guest (RgDb   *db,
                        gint64  nth)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT id FROM guest WHERE deleted = 0 AND rowid % ? = 0 ORDER BY rowid", NULL);

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, nth);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  return ids;
}

static GPtrArray *
sample_guests (RgDb  *db,
               guint  limit)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT guest_id FROM visit WHERE guest_id IS NOT NULL AND status = 'closed' "
      "GROUP BY guest_id ORDER BY count (*) DESC, guest_id LIMIT ?", NULL);

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int (stmt, 1, (int) limit);
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

/* CPU time of this thread: what a query costs without the time it
 * waits for a core on a loaded machine. */
static gint64
thread_cpu_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

/* The thread's involuntary context switches (it was preempted) and
 * reads from disk so far. */
static void
thread_disturbances (glong *preempted,
                     glong *read_blocks)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  *preempted = usage.ru_nivcsw;
  *read_blocks = usage.ru_inblock + usage.ru_majflt;
}

/* Times one query for each of @guests, on the clock and in CPU time, and
 * on the clock again for the queries that were neither preempted (the
 * machine is shared) nor waited for the disk; prints the figures under
 * @label. */
static gboolean
measure_queries (const gchar    *label,
                 RgRecommender  *rec,
                 RgDb           *db,
                 GPtrArray      *guests,
                 GError        **error)
{
  g_autoptr(RgBenchSamples) lookups = rg_bench_samples_new (MAX (guests->len, 1));
  g_autoptr(RgBenchSamples) cpu = rg_bench_samples_new (MAX (guests->len, 1));
  g_autoptr(RgBenchSamples) undisturbed = rg_bench_samples_new (MAX (guests->len, 1));
  g_autofree gchar *cpu_label = g_strdup_printf ("%s, CPU", label);
  g_autofree gchar *undisturbed_label = g_strdup_printf ("%s, undisturbed", label);
  guint n_preempted = 0, n_read = 0;

  if (guests->len == 0)
    return TRUE;
  for (guint i = 0; i < guests->len; i++)
    {
      g_autoptr(GListModel) usual = NULL;
      g_autoptr(GListModel) new_items = NULL;
      glong preempted0, read0, preempted1, read1;
      gint64 t0, c0, wall;

      thread_disturbances (&preempted0, &read0);
      t0 = rg_bench_now_ns ();
      c0 = thread_cpu_ns ();
      if (!rg_recommender_for_guest (rec, db, g_ptr_array_index (guests, i), RG_DAYPART_LUNCH, 5,
                                     &usual, &new_items, error))
        return FALSE;
      rg_bench_samples_add (cpu, thread_cpu_ns () - c0);
      wall = rg_bench_now_ns () - t0;
      rg_bench_samples_add (lookups, wall);
      thread_disturbances (&preempted1, &read1);
      n_preempted += preempted1 > preempted0;
      n_read += read1 > read0;
      if (preempted1 == preempted0 && read1 == read0)
        rg_bench_samples_add (undisturbed, wall);
    }
  rg_bench_samples_print_us (lookups, label);
  rg_bench_samples_print_us (cpu, cpu_label);
  rg_bench_samples_print_us (undisturbed, undisturbed_label);
  g_print ("%s: %u of %u queries preempted, %u read from the disk\n",
           label, n_preempted, guests->len, n_read);
  return TRUE;
}

/* Builds the model of @db @runs times; prints the figures under @label. */
static RgRecommender *
measure_build (const gchar  *label,
               RgDb         *db,
               gint          runs,
               GError      **error)
{
  g_autoptr(RgBenchSamples) build = rg_bench_samples_new ((guint) runs);
  g_autoptr(RgRecommender) rec = NULL;
  gsize heap_before, heap_after = 0;

  for (gint r = 0; r < runs; r++)
    {
      gint64 t0;

      g_clear_object (&rec);
      heap_before = heap_in_use ();
      t0 = rg_bench_now_ns ();
      rec = rg_recommender_new (db, error);
      if (rec == NULL)
        return NULL;
      rg_bench_samples_add (build, rg_bench_now_ns () - t0);
      /* What the model keeps, once the visits it was counted from are
       * freed (SQLite's statement cache and page cache included). */
      heap_after = heap_in_use () - heap_before;
    }
  g_print ("%-12s model of %u visits: build median %.1f ms (min %.1f, max %.1f); "
           "memory %.0f KiB on the heap (estimate %.0f KiB); resident %.0f MiB anonymous, "
           "%.0f MiB at the peak with the mapped database\n",
           label, rg_recommender_get_n_visits (rec),
           rg_bench_samples_quantile (build, 0.5) / 1e6,
           rg_bench_samples_quantile (build, 0.0) / 1e6,
           rg_bench_samples_quantile (build, 1.0) / 1e6,
           heap_after / 1024.0, rg_recommender_estimate_memory (rec) / 1024.0,
           anon_rss_kib () / 1024.0, rg_bench_peak_rss_kib () / 1024.0);
  return g_steal_pointer (&rec);
}

static gboolean
measure_model (const DataSet  *set,
               RgDb           *db,
               gint            runs,
               GError        **error)
{
  g_autoptr(RgRecommender) rec = measure_build (set->label, db, runs, error);
  g_autoptr(GPtrArray) guests = sample_guests (db, QUERIES);
  g_autofree gchar *label = g_strdup_printf ("%s for_guest", set->label);

  return rec != NULL && measure_queries (label, rec, db, guests, error) &&
         measure_add_visit (set, db, ADDED_VISITS, error);
}

/* The --db mode: a large database, generated first when it is empty. */
static gboolean
measure_large (const gchar  *path,
               guint         guests,
               guint         days,
               gint          runs,
               GError      **error)
{
  g_autoptr(RgDb) db = rg_db_open (path, error);
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GPtrArray) heaviest = NULL;
  g_autoptr(GPtrArray) spread = NULL;
  gint64 visits, lines, n_guests;

  if (db == NULL)
    return FALSE;
  visits = query_int (db, "SELECT count (*) FROM visit");
  if (visits == 0)
    {
      RgDemoOptions options = { .guests = guests, .days = days, .branches = 1,
                                .seed = REPORT_SEED, .last_day = DEMO_LAST_DAY };
      RgDemoCounts counts;
      gint64 t0 = rg_bench_now_ns ();

      if (!rg_demo_generate (db, &options, &counts, error))
        return FALSE;
      g_print ("demo: %u guests, %u visits, %u lines in %.0f s\n", counts.guests, counts.visits,
               counts.lines, (rg_bench_now_ns () - t0) / 1e9);
    }
  visits = query_int (db, "SELECT count (*) FROM visit WHERE status = 'closed'");
  lines = query_int (db, "SELECT count (*) FROM order_line");
  n_guests = query_int (db, "SELECT count (*) FROM guest");
  g_print ("large: %" G_GINT64_FORMAT " guests, %" G_GINT64_FORMAT " closed visits, %"
           G_GINT64_FORMAT " order lines\n", n_guests, visits, lines);
  rec = measure_build ("large", db, runs, error);
  if (rec == NULL)
    return FALSE;
  /* Guests spread evenly over the table (per guest), then the regulars
   * with the longest histories (the worst case). */
  spread = sample_every_nth_guest (db, MAX (1, n_guests / LARGE_QUERIES));
  heaviest = sample_guests (db, QUERIES);
  return measure_queries ("large for_guest (every guest)", rec, db, spread, error) &&
         measure_queries ("large for_guest (top regulars)", rec, db, heaviest, error);
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
  /* Not the half-life: the demo's guests keep their tastes for ever; nor
   * the shrink and the daypart prior: the model fits them to each data
   * set's own counts. */
  gdouble *fields[] = {
    &weights->history_prior, &weights->together, &weights->usual_together, &weights->tags,
  };
  const gchar *names[] = {
    "history_prior", "together", "usual_together", "tags",
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
  g_print ("tuned on demo seed %u: history prior %.4g, together %.4g, usual_together %.4g, "
           "tags %.4g, half-life %.4g days, shrink %.4g, daypart prior %.4g\n",
           TUNE_SEED, weights->history_prior, weights->together, weights->usual_together,
           weights->tags, weights->half_life_days, weights->shrink,
           weights->daypart_prior);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree gchar *data_dir = g_strdup (g_getenv ("REGULARS_DATA_DIR"));
  g_autofree gchar *large_db = NULL;
  gint runs = 5;
  gint large_guests = 100000;
  gint large_days = 2100;
  gboolean tuning = FALSE;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "The shared data folder", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Model builds per data set", "N" },
    { "tune", 0, 0, G_OPTION_ARG_NONE, &tuning, "Search the weights on another demo seed first", NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &large_db, "Measure this large database only", "PATH" },
    { "guests", 0, 0, G_OPTION_ARG_INT, &large_guests, "Guests of a generated large database", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &large_days, "Days of a generated large database", "N" },
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
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs <= 0 ||
      large_guests <= 0 || large_days <= 0 || (data_dir == NULL && large_db == NULL))
    {
      g_printerr ("usage: bench-recommend --data DIR [--runs N] [--tune]\n"
                  "       bench-recommend --db PATH [--guests N] [--days N] [--runs N]\n");
      return 2;
    }
  if (large_db != NULL)
    {
      if (!measure_large (large_db, (guint) large_guests, (guint) large_days, runs, &error))
        {
          g_printerr ("%s: %s\n", large_db, error->message);
          return 3;
        }
      return 0;
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
