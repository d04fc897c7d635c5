/* check-sync-cli.c — regulars-cli enrol and sync against the real store:
 * two terminals enrolled from the command line, a guest added on one
 * reaches the other; a used code and an untrusted store are refused.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include "rg-sync-harness.h"
#include "rg-test-util.h"

/* Runs regulars-cli --db @db ARGS… and checks its exit status; returns
 * its standard output (standard error when it failed). */
static gchar * G_GNUC_NULL_TERMINATED
cli (const gchar *db,
     gint         want_status,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *arg;
  gint status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("REGULARS_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, want_status);
  while ((arg = va_arg (args, const gchar *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  ck_assert_ptr_nonnull (argv->pdata[0]);
  ck_assert (g_spawn_sync (NULL, (gchar **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &out, &err, &status, &error));
  ck_assert_no_error (error);
  ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == want_status,
                 "regulars-cli %s exited %d, not %d: %s", (gchar *) argv->pdata[3],
                 WIFEXITED (status) ? WEXITSTATUS (status) : -1, want_status, err);
  return want_status == 0 ? g_steal_pointer (&out) : g_steal_pointer (&err);
}

#define ck_assert_has(text, part) \
  ck_assert_msg (strstr ((text), (part)) != NULL, "no '%s' in: %s", (part), (text))

START_TEST (test_two_terminals_from_the_command_line)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *a = g_build_filename (t->dir, "a.db", NULL);
  g_autofree gchar *b = g_build_filename (t->dir, "b.db", NULL);
  g_autofree gchar *code_a = rg_sync_harness_new_code (h);
  g_autofree gchar *code_b = rg_sync_harness_new_code (h);
  g_autofree gchar *out = NULL;

  /* each terminal's owner enrols it */
  g_setenv ("REGULARS_PIN", "2468", TRUE);
  g_free (cli (a, 0, "init", "--branch", "Main", "--tz", "UTC", "--country", "CN", "--owner", "Mia", NULL));
  g_free (cli (b, 0, "init", "--branch", "Main", "--tz", "UTC", "--country", "CN", "--owner", "Mia", NULL));

  /* a store whose certificate no trusted CA signed: refused, the code kept */
  out = cli (a, 3, "--staff", "Mia", "enrol", h->url, code_a, "--ca-file", h->other_ca_file, NULL);
  ck_assert_has (out, "certificate");
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM enrol_code WHERE used_at IS NOT NULL"), 0);

  out = cli (a, 0, "--staff", "Mia", "enrol", h->url, code_a, "--ca-file", h->ca_file, "--pin", h->pin, NULL);
  ck_assert_has (out, "enrolled");
  g_clear_pointer (&out, g_free);

  /* the code is used up */
  out = cli (b, 2, "--staff", "Mia", "enrol", h->url, code_a, "--ca-file", h->ca_file, NULL);
  g_clear_pointer (&out, g_free);
  out = cli (b, 0, "--staff", "Mia", "enrol", h->url, code_b, "--ca-file", h->ca_file, NULL);
  g_clear_pointer (&out, g_free);

  g_free (cli (a, 0, "guest", "add", "--name", "Chen Jie", "--phone", "+8613700001111", NULL));
  out = cli (a, 0, "--json", "sync", "--once", NULL);
  ck_assert_has (out, "\"pending\":0");
  ck_assert_msg (strstr (out, "\"pushed\":0") == NULL, "nothing pushed: %s", out);
  g_clear_pointer (&out, g_free);
  ck_assert_int_gt (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row"), 0);

  out = cli (b, 0, "sync", "--once", NULL);
  ck_assert_has (out, "0 changes waiting");
  g_clear_pointer (&out, g_free);
  out = cli (b, 0, "lookup", "13700001111", NULL);
  ck_assert_has (out, "Chen Jie");
  g_clear_pointer (&out, g_free);
}
END_TEST

static Suite *
sync_cli_suite (void)
{
  Suite *s = suite_create ("sync-cli");
  TCase *tc = tcase_create ("enrol and sync");

  tcase_set_timeout (tc, 180);
  tcase_add_test (tc, test_two_terminals_from_the_command_line);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (sync_cli_suite ());
}
