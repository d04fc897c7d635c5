/* check-sync-concurrent.c — 8 terminals push while 8 pull, at the same
 * time, for a bounded time: all converge to the same state, equal to the
 * store's, so no pull skipped a row committed late by a concurrent push.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-sync-harness.h"
#include "rg-test-util.h"

#include "rg-guest.h"

#define PUSHERS        8
#define PULLERS        8
#define RUN_US         (4 * G_USEC_PER_SEC)
#define CATCH_UP_BATCH 500

typedef struct
{
  RgTestDb *t;
  RgSync   *sync;
  GError   *error;
  gint64    deadline;
  guint     index;
  guint     rounds;
  guint     rows;
} Device;

static gpointer
push_loop (gpointer data)
{
  Device *d = data;
  guint serial = 0;

  while (g_get_monotonic_time () < d->deadline && d->error == NULL)
    {
      for (guint i = 0; i < 3; i++, serial++)
        {
          g_autofree gchar *name = g_strdup_printf ("Guest %u-%u", d->index, serial);
          g_autofree gchar *phone = g_strdup_printf ("+86139%02u%06u", d->index, serial);
          RgGuestFields fields = { .name = name, .notes = "" };
          const gchar *phones[] = { phone, NULL };
          g_autoptr(RgGuest) guest = rg_guest_add (d->t->db, &fields, phones, NULL, &d->error);

          if (guest == NULL)
            return NULL;
          d->rows += 2;
        }
      rg_sync_push (d->sync, NULL, &d->error);
      d->rounds++;
    }
  return NULL;
}

static gpointer
pull_loop (gpointer data)
{
  Device *d = data;

  while (g_get_monotonic_time () < d->deadline && d->error == NULL)
    {
      rg_sync_pull (d->sync, NULL, &d->error);
      d->rounds++;
    }
  return NULL;
}

START_TEST (test_concurrent_pushes_and_pulls_converge)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  Device devices[PUSHERS + PULLERS] = { { 0 } };
  GThread *threads[PUSHERS + PULLERS];
  g_autofree gchar *store = NULL;
  g_autofree gchar *reference = NULL;
  gint64 deadline;
  gint64 start = g_get_monotonic_time ();
  guint rows = 0;
  guint pulls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      devices[i].t = rg_test_db_new ();
      devices[i].sync = rg_sync_harness_enrol (h, devices[i].t->db);
      /* small pushes, so that many transactions overlap the pulls */
      rg_sync_set_batch_size (devices[i].sync, i < PUSHERS ? 7 : 50);
      devices[i].index = i;
    }
  g_print ("%d devices enrolled in %.1f s\n", PUSHERS + PULLERS, (g_get_monotonic_time () - start) / 1e6);
  deadline = g_get_monotonic_time () + RUN_US;
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      devices[i].deadline = deadline;
      threads[i] = g_thread_new ("device", i < PUSHERS ? push_loop : pull_loop, &devices[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_thread_join (threads[i]);
      ck_assert_msg (devices[i].error == NULL, "device %u: %s", i, devices[i].error->message);
      if (i < PUSHERS)
        rows += devices[i].rows;
      else
        pulls += devices[i].rounds;
    }

  /* everyone catches up, from where their cursor is, in pages of the
   * usual size (pages of 7 would be hundreds of requests a device, which
   * the store's rate limit spreads over minutes) */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(GError) error = NULL;

      rg_sync_set_batch_size (devices[i].sync, CATCH_UP_BATCH);
      ck_assert (rg_sync_run_once (devices[i].sync, NULL, &error));
      ck_assert_no_error (error);
    }
  g_print ("all caught up in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  store = rg_sync_harness_store_digest (h);
  reference = rg_sync_harness_terminal_digest (devices[0].t->db, TRUE);
  g_print ("%u rows pushed by %d devices while %d pulled %u times\n", rows, PUSHERS, PULLERS, pulls);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row"), rows);
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autofree gchar *full = rg_sync_harness_terminal_digest (devices[i].t->db, TRUE);
      g_autofree gchar *keys = rg_sync_harness_terminal_digest (devices[i].t->db, FALSE);

      ck_assert_msg (g_str_equal (full, reference), "device %u differs", i);
      ck_assert_str_eq (keys, store);
      rg_sync_free (devices[i].sync);
      rg_test_db_free (devices[i].t);
    }
  ck_assert_uint_gt (rows, 0);
  ck_assert_uint_gt (pulls, PULLERS);
}
END_TEST

static Suite *
concurrent_suite (void)
{
  Suite *s = suite_create ("sync-concurrent");
  TCase *tc = tcase_create ("convergence");

  tcase_set_timeout (tc, 180);
  tcase_add_test (tc, test_concurrent_pushes_and_pulls_converge);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (concurrent_suite ());
}
