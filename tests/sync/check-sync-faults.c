/* check-sync-faults.c — nothing lost, nothing duplicated: a batch pushed
 * twice, an acknowledgement lost, a client killed between send and
 * acknowledgement, and a store that is killed, resets connections, answers
 * 500 or is slow while a terminal pushes.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rg-sync-harness.h"
#include "rg-test-util.h"

#include "rg-guest.h"

#define GUESTS 200

/* Adds @n guests with one phone each: 2 × @n synced rows. */
static void
add_guests (RgDb  *db,
            guint  n,
            guint  first)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *name = g_strdup_printf ("Guest %u", first + i);
      g_autofree gchar *phone = g_strdup_printf ("+86138%08u", first + i);
      RgGuestFields fields = { .name = name, .notes = "" };
      const gchar *phones[] = { phone, NULL };
      g_autoptr(RgGuest) guest = rg_guest_add (db, &fields, phones, NULL, &error);

      ck_assert_ptr_nonnull (guest);
      ck_assert_no_error (error);
    }
}

static gint64
store_rows (RgSyncHarness *h)
{
  return rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row");
}

static gint64
store_last_seq (RgSyncHarness *h)
{
  return rg_sync_harness_query_int (h, "SELECT coalesce (max (seq), 0) FROM sync_row");
}

static gint64
terminal_rows (RgDb *db)
{
  return rg_test_query_int (db, "SELECT (SELECT count (*) FROM guest) + (SELECT count (*) FROM guest_phone)");
}

/* A fresh terminal pulls everything and must hold exactly what was sent. */
static void
assert_nothing_lost_or_duplicated (RgSyncHarness *h,
                                   RgDb          *sender,
                                   const gchar   *what)
{
  g_autoptr(RgTestDb) other = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, other->db);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *sent = rg_sync_harness_terminal_digest (sender, TRUE);
  g_autofree gchar *received = NULL;
  gint64 expected = terminal_rows (sender);
  gint64 stored = store_rows (h);
  gint64 pulled;

  ck_assert (rg_sync_pull (sync, NULL, &error));
  ck_assert_no_error (error);
  received = rg_sync_harness_terminal_digest (other->db, TRUE);
  pulled = terminal_rows (other->db);
  g_print ("%s: sent %" G_GINT64_FORMAT " rows, store holds %" G_GINT64_FORMAT
           ", another terminal pulled %" G_GINT64_FORMAT ": lost %" G_GINT64_FORMAT
           ", duplicated %" G_GINT64_FORMAT "\n",
           what, expected, stored, pulled, MAX (expected - stored, 0), MAX (stored - expected, 0));
  ck_assert_int_eq (rg_sync_count_pending (sender), 0);
  ck_assert_int_eq (stored, expected);
  ck_assert_int_eq (pulled, expected);
  ck_assert_str_eq (sent, received);
}

/* -------------------------------------------------------------- replays */

START_TEST (test_same_batch_pushed_twice_changes_nothing)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);
  g_autoptr(GError) error = NULL;
  gint64 last_seq;

  add_guests (t->db, 20, 0);
  ck_assert (rg_sync_push (sync, NULL, &error));
  ck_assert_no_error (error);
  last_seq = store_last_seq (h);

  /* put the same rows in the outbox again and send them again */
  ck_assert (rg_db_exec (t->db,
                         "INSERT INTO sync_outbox (tbl, row_id, hlc) "
                         "SELECT 'guest', id, updated_hlc FROM guest UNION ALL "
                         "SELECT 'guest_phone', id, updated_hlc FROM guest_phone", &error));
  ck_assert_int_eq (rg_sync_count_pending (t->db), 40);
  ck_assert (rg_sync_push (sync, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (store_last_seq (h), last_seq);
  assert_nothing_lost_or_duplicated (h, t->db, "batch pushed twice");
}
END_TEST

START_TEST (test_lost_acknowledgement_is_sent_again_harmlessly)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);
  g_autoptr(GError) error = NULL;
  RgSyncStats stats = { 0 };

  add_guests (t->db, 20, 0);
  /* the store commits the batch, the answer never reaches the terminal */
  rg_fault_proxy_inject (h->back, RG_FAULT_DROP_ANSWER, 1, 0);
  ck_assert (rg_sync_push (sync, &stats, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (rg_fault_proxy_get_faults (h->back), 1);
  ck_assert_uint_ge (stats.retries, 1);
  assert_nothing_lost_or_duplicated (h, t->db, "acknowledgement lost");
}
END_TEST

START_TEST (test_client_killed_between_send_and_acknowledgement)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);
  g_autoptr(GError) error = NULL;
  gint64 expected;
  gint64 last_seq;
  gint status = 0;
  pid_t child;

  add_guests (t->db, 20, 0);
  expected = terminal_rows (t->db);
  /* every answer is lost: the child sends, the store commits, the child
   * waits to send again and is killed then */
  rg_fault_proxy_inject (h->back, RG_FAULT_DROP_ANSWER, 1000, 0);
  child = fork ();
  ck_assert_int_ge (child, 0);
  if (child == 0)
    {
      g_autoptr(RgDb) db = rg_db_open (t->path, NULL);
      g_autoptr(RgSync) doomed = rg_sync_new (db);

      rg_sync_set_ca_file (doomed, h->ca_file);
      rg_sync_set_retries (doomed, 100, 2000);
      rg_sync_push (doomed, NULL, NULL);
      _exit (0);
    }
  for (gint waited = 0; store_rows (h) < expected && waited < 200; waited++)
    g_usleep (50000);
  kill (child, SIGKILL);
  waitpid (child, &status, 0);
  ck_assert (WIFSIGNALED (status));
  ck_assert_int_eq (store_rows (h), expected);
  ck_assert_int_eq (rg_sync_count_pending (t->db), expected);
  last_seq = store_last_seq (h);

  /* the terminal starts again and sends the same outbox */
  rg_fault_proxy_inject (h->back, RG_FAULT_NONE, 0, 0);
  ck_assert (rg_sync_push (sync, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (store_last_seq (h), last_seq);
  assert_nothing_lost_or_duplicated (h, t->db, "client killed before the acknowledgement");
}
END_TEST

/* ------------------------------------------------------- a failing store */

typedef struct
{
  RgSync  *sync;
  GError  *error;
  gboolean ok;
} PushJob;

static gpointer
push_in_thread (gpointer data)
{
  PushJob *job = data;

  job->ok = rg_sync_push (job->sync, NULL, &job->error);
  return NULL;
}

START_TEST (test_outbox_drains_through_resets_500s_slowness_and_a_killed_store)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);
  PushJob job = { sync, NULL, FALSE };
  GThread *thread;
  guint faults;

  add_guests (t->db, GUESTS, 0);
  rg_sync_set_batch_size (sync, 20);
  rg_sync_set_timeouts (sync, 2000, 1500);
  rg_fault_proxy_inject (h->front, RG_FAULT_RESET, 3, 0);

  thread = g_thread_new ("push", push_in_thread, &job);
  for (gint waited = 0; store_rows (h) == 0 && waited < 400; waited++)
    g_usleep (10000);
  rg_fault_proxy_inject (h->back, RG_FAULT_ERROR_500, 3, 0);
  g_usleep (100000);
  rg_fault_proxy_inject (h->back, RG_FAULT_SLOW, 2, 2500);
  g_usleep (100000);
  /* the store dies mid-batch and comes back a moment later */
  rg_sync_harness_kill_central (h);
  g_usleep (700000);
  rg_sync_harness_start_central (h);
  g_thread_join (thread);

  faults = rg_fault_proxy_get_faults (h->front) + rg_fault_proxy_get_faults (h->back);
  g_print ("faults injected: %u, plus one store killed\n", faults);
  ck_assert_msg (job.ok, "push failed: %s", job.error ? job.error->message : "");
  ck_assert_uint_ge (faults, 5);
  assert_nothing_lost_or_duplicated (h, t->db, "store failing");
}
END_TEST

static Suite *
faults_suite (void)
{
  Suite *s = suite_create ("sync-faults");
  TCase *tc;

  tc = tcase_create ("replays");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_same_batch_pushed_twice_changes_nothing);
  tcase_add_test (tc, test_lost_acknowledgement_is_sent_again_harmlessly);
  tcase_add_test (tc, test_client_killed_between_send_and_acknowledgement);
  suite_add_tcase (s, tc);

  tc = tcase_create ("failing-store");
  tcase_set_timeout (tc, 180);
  tcase_add_test (tc, test_outbox_drains_through_resets_500s_slowness_and_a_killed_store);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (faults_suite ());
}
