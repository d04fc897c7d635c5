/* bench-sync.c — figures of sync against the real store on the loopback
 * (PostgreSQL, regulars-central, nginx TLS, started by rg-sync-harness):
 *
 *   1. the first sync of a terminal joining a chain of 100k guests and
 *      1M order lines (100k closed visits, 60 dishes);
 *   2. push throughput (rows/s) of new guests;
 *   3. change-to-visible: a change on one terminal until another, online,
 *      has it (push, then the other's pull);
 *   4. the store under 16 devices pushing and pulling at once (requests/s,
 *      p50 and p99 per request).
 *
 * Run by hand (a Check program, because the harness is):
 *   REGULARS_CENTRAL=build/app/regulars-central/regulars-central \
 *   [BENCH_GUESTS=100000 BENCH_LINES=1000000] build/tests/sync/bench-sync
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libpq-fe.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rg-sync-harness.h"
#include "rg-test-util.h"

#include "rg-guest.h"

#define DEVICE       "0190a1b2-0000-7000-8000-0000000000be"
#define DEVICES      16
#define LOAD_US      (10 * G_USEC_PER_SEC)
#define LATENCY_RUNS 30

/* An id in UUID form: @kind in the second group, @n in the last. */
#define ID(kind, n) "'0190a1b2-" kind "-7000-8000-' || lpad (to_hex (" n "), 12, '0')"

static void
seed_store (RgSyncHarness *h,
            guint          guests,
            guint          lines)
{
  guint visits = MAX (guests, lines / 10);
  g_autofree gchar *sql = g_strdup_printf (
      "BEGIN;"
      "INSERT INTO sync_row SELECT 'branch', b.id, 1, '" DEVICE "', false, jsonb_build_object ("
      "  'id', b.id, 'updated_hlc', 1, 'origin', '" DEVICE "', 'deleted', 0, 'name', 'Flagship', "
      "  'tz', 'Asia/Shanghai'), pg_current_xact_id ()::text::bigint, nextval ('sync_row_seq') "
      "FROM (SELECT " ID ("0001", "1") " AS id) b;"
      "INSERT INTO sync_row SELECT 'menu_item', m.id, 2, '" DEVICE "', false, jsonb_build_object ("
      "  'id', m.id, 'updated_hlc', 2, 'origin', '" DEVICE "', 'deleted', 0, 'name', 'Dish ' || i, "
      "  'category', 'Mains', 'price', 1000 + i * 100, 'cost', 300 + i * 30, 'allergens', '', "
      "  'tags', '', 'dayparts', '', 'available', 1, 'external_ref', null), "
      "  pg_current_xact_id ()::text::bigint, nextval ('sync_row_seq') "
      "FROM (SELECT i, " ID ("0002", "i") " AS id FROM generate_series (1::bigint, 60) i) m;"
      "COMMIT;"
      "INSERT INTO sync_row SELECT 'guest', g.id, 3, '" DEVICE "', false, jsonb_build_object ("
      "  'id', g.id, 'updated_hlc', 3, 'origin', '" DEVICE "', 'deleted', 0, 'name', 'Guest ' || i, "
      "  'family_name', null, 'title', null, 'gender', null, 'birthday', null, 'anniversary', null, "
      "  'language', null, 'vip', 0, 'notes', '', 'consent_marketing', 0, 'external_ref', null, "
      "  'merged_into', null, 'created_ms', 1700000000000 + i), "
      "  pg_current_xact_id ()::text::bigint, nextval ('sync_row_seq') "
      "FROM (SELECT i, " ID ("0003", "i") " AS id FROM generate_series (1::bigint, %u) i) g;"
      "INSERT INTO sync_row SELECT 'visit', v.id, 4, '" DEVICE "', false, jsonb_build_object ("
      "  'id', v.id, 'updated_hlc', 4, 'origin', '" DEVICE "', 'deleted', 0, "
      "  'branch_id', " ID ("0001", "1") ", 'guest_id', " ID ("0003", "1 + i %% %u") ", "
      "  'table_id', null, 'party_size', 2, 'children', 0, 'seated_ms', 1700000000000 + i * 60000, "
      "  'left_ms', 1700000000000 + i * 60000 + 3600000, 'server_id', null, 'status', 'closed', "
      "  'subtotal', 0, 'tip', 0, 'payment_method', 'card', 'external_ref', null), "
      "  pg_current_xact_id ()::text::bigint, nextval ('sync_row_seq') "
      "FROM (SELECT i, " ID ("0004", "i") " AS id FROM generate_series (1::bigint, %u) i) v;"
      "INSERT INTO sync_row SELECT 'order_line', l.id, 5, '" DEVICE "', false, jsonb_build_object ("
      "  'id', l.id, 'updated_hlc', 5, 'origin', '" DEVICE "', 'deleted', 0, "
      "  'visit_id', " ID ("0004", "1 + i %% %u") ", 'item_id', " ID ("0002", "1 + i %% 60") ", "
      "  'qty', 1, 'unit_price', 1500, 'unit_cost', 450, 'seat', null, 'course', null, 'voided', 0, "
      "  'void_reason', null, 'allergen_override', null, 'staff_id', null, "
      "  'created_ms', 1700000000000 + i, 'discount', 0), "
      "  pg_current_xact_id ()::text::bigint, nextval ('sync_row_seq') "
      "FROM (SELECT i, " ID ("0005", "i") " AS id FROM generate_series (1::bigint, %u) i) l;"
      "ANALYZE sync_row;",
      guests, guests, visits, visits, lines);
  g_autofree gchar *path = g_build_filename (h->dir, "seed.sql", NULL);
  const gchar *argv[] = { "psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", h->conninfo, "-f", path, NULL };
  gint status = 0;

  g_file_set_contents (path, sql, -1, NULL);
  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The cursor of the newest row in the store: a terminal given it pulls only
 * what comes after (as if it had done its first sync already). */
static void
start_at_store_end (RgSyncHarness *h,
                    RgDb          *db)
{
  PGconn *conn = PQconnectdb (h->conninfo);
  PGresult *result = PQexec (conn, "SELECT coalesce ((SELECT xid || '.' || seq FROM sync_row "
                                   "ORDER BY xid DESC, seq DESC LIMIT 1), '0.0')");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_true (rg_db_set_setting (db, "sync.cursor", PQgetvalue (result, 0, 0), NULL));
  PQclear (result);
  PQfinish (conn);
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a;
  gdouble y = *(const gdouble *) b;

  return (x > y) - (x < y);
}

static gdouble
percentile (GArray  *ms,
            gdouble  p)
{
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, gdouble, MIN ((guint) (p * ms->len), ms->len - 1));
}

static void
add_guest (RgDb  *db,
           guint  device,
           guint  n)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *name = g_strdup_printf ("Bench %u-%u", device, n);
  g_autofree gchar *phone = g_strdup_printf ("+86137%02u%06u", device, n);
  RgGuestFields fields = { .name = name, .notes = "" };
  const gchar *phones[] = { phone, NULL };
  g_autoptr(RgGuest) guest = rg_guest_add (db, &fields, phones, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (guest);
}

/* ------------------------------------------------------------ 1. first sync */

/* CPU seconds used by this process (every thread) so far: on a machine
 * shared with other work, wall time alone overstates the cost. */
static gdouble
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
bench_first_sync (RgSyncHarness *h,
                  guint          guests,
                  guint          lines)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);
  g_autoptr(GError) error = NULL;
  RgSyncStats stats = { 0 };
  gint64 start = g_get_monotonic_time ();
  gint64 seeded;
  gdouble seconds;
  gdouble cpu;
  gboolean pulled;

  seed_store (h, guests, lines);
  seeded = rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row");
  g_print ("store seeded with %" G_GINT64_FORMAT " rows in %.1f s\n",
           seeded, (g_get_monotonic_time () - start) / 1e6);

  rg_sync_set_batch_size (sync, 5000);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  pulled = rg_sync_pull (sync, &stats, &error);
  g_assert_no_error (error);
  g_assert_true (pulled);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  g_print ("first sync: %u rows (%" G_GINT64_FORMAT " guests, %" G_GINT64_FORMAT " order lines) "
           "in %.1f s (terminal CPU %.1f s) = %.0f rows/s pulled and applied; "
           "guest figures: %" G_GINT64_FORMAT " visits\n",
           stats.pulled, rg_test_query_int (t->db, "SELECT count (*) FROM guest"),
           rg_test_query_int (t->db, "SELECT count (*) FROM order_line"),
           seconds, cpu, stats.pulled / seconds,
           rg_test_query_int (t->db, "SELECT coalesce (sum (visit_count), 0) FROM local_guest_stats"));
  g_assert_cmpint (stats.pulled, ==, seeded);
}

/* ---------------------------------------------------------------- 2. push */

static void
bench_push (RgSyncHarness *h)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);
  g_autoptr(GError) error = NULL;
  RgSyncStats stats = { 0 };
  gint64 start;
  gdouble seconds;

  for (guint i = 0; i < 10000; i++)
    add_guest (t->db, 99, i);
  rg_sync_set_batch_size (sync, 1000);
  start = g_get_monotonic_time ();
  g_assert_true (rg_sync_push (sync, &stats, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("push: %u rows in %.2f s = %.0f rows/s (batches of 1000)\n",
           stats.pushed, seconds, stats.pushed / seconds);
}

/* ------------------------------------------------------ 3. change to visible */

static void
bench_change_to_visible (RgSyncHarness *h)
{
  g_autoptr(RgTestDb) a = rg_test_db_new ();
  g_autoptr(RgTestDb) b = rg_test_db_new ();
  g_autoptr(RgSync) sync_a = rg_sync_harness_enrol (h, a->db);
  g_autoptr(RgSync) sync_b = rg_sync_harness_enrol (h, b->db);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr(GError) error = NULL;

  start_at_store_end (h, b->db);
  for (guint i = 0; i < LATENCY_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree gchar *sql = g_strdup_printf ("SELECT count (*) FROM guest WHERE name = 'Bench 98-%u'", i);
      gdouble elapsed;

      add_guest (a->db, 98, i);
      g_assert_true (rg_sync_push (sync_a, NULL, &error));
      g_assert_true (rg_sync_pull (sync_b, NULL, &error));
      g_assert_no_error (error);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpint (rg_test_query_int (b->db, sql), ==, 1);
      g_array_append_val (ms, elapsed);
    }
  g_print ("change to visible on another terminal: median %.1f ms, max %.1f ms (%d runs)\n",
           percentile (ms, 0.5), percentile (ms, 1.0), LATENCY_RUNS);
}

/* --------------------------------------------------------------- 4. load */

typedef struct
{
  RgTestDb *t;
  RgSync   *sync;
  GArray   *ms;
  guint     index;
  gint64    deadline;
} Device;

static gpointer
device_loop (gpointer data)
{
  Device *d = data;
  guint n = 0;

  while (g_get_monotonic_time () < d->deadline)
    {
      g_autoptr(GError) error = NULL;
      gint64 start;
      gdouble elapsed;

      add_guest (d->t->db, d->index, n++);
      start = g_get_monotonic_time ();
      g_assert_true (rg_sync_push (d->sync, NULL, &error));
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (d->ms, elapsed);
      start = g_get_monotonic_time ();
      g_assert_true (rg_sync_pull (d->sync, NULL, &error));
      g_assert_no_error (error);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (d->ms, elapsed);
    }
  return NULL;
}

static void
bench_load (RgSyncHarness *h)
{
  Device devices[DEVICES];
  GThread *threads[DEVICES];
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gdouble));
  gint64 start;
  gdouble seconds;

  for (guint i = 0; i < DEVICES; i++)
    {
      devices[i].t = rg_test_db_new ();
      devices[i].sync = rg_sync_harness_enrol (h, devices[i].t->db);
      devices[i].ms = g_array_new (FALSE, FALSE, sizeof (gdouble));
      devices[i].index = i;
      /* only the load's own rows, not the whole chain */
      start_at_store_end (h, devices[i].t->db);
    }
  start = g_get_monotonic_time ();
  for (guint i = 0; i < DEVICES; i++)
    {
      devices[i].deadline = start + LOAD_US;
      threads[i] = g_thread_new ("device", device_loop, &devices[i]);
    }
  for (guint i = 0; i < DEVICES; i++)
    {
      g_thread_join (threads[i]);
      g_array_append_vals (all, devices[i].ms->data, devices[i].ms->len);
      g_array_unref (devices[i].ms);
      rg_sync_free (devices[i].sync);
      rg_test_db_free (devices[i].t);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("store under %d devices pushing and pulling: %.0f requests/s, p50 %.1f ms, p99 %.1f ms\n",
           DEVICES, all->len / seconds, percentile (all, 0.5), percentile (all, 0.99));
}

static guint
env_count (const gchar *name,
           guint        fallback)
{
  const gchar *value = g_getenv (name);

  return value != NULL ? (guint) atoi (value) : fallback;
}

START_TEST (bench_sync)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();

  bench_first_sync (h, env_count ("BENCH_GUESTS", 100000), env_count ("BENCH_LINES", 1000000));
  bench_push (h);
  bench_change_to_visible (h);
  bench_load (h);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("bench-sync");
  TCase *tc = tcase_create ("figures");

  tcase_set_timeout (tc, 3600);
  tcase_add_test (tc, bench_sync);
  suite_add_tcase (s, tc);
  return rg_test_run (s);
}
