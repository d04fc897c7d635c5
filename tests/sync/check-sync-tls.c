/* check-sync-tls.c — the terminal refuses a store it cannot trust: an
 * untrusted CA, a wrong host name, an expired certificate, a wrong pin, a
 * plain http address; nothing is sent.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-sync-harness.h"
#include "rg-test-util.h"

#include "rg-guest.h"

static void
add_guest (RgDb *db)
{
  g_autoptr(GError) error = NULL;
  RgGuestFields fields = { .name = "Chen Jie", .notes = "" };
  const gchar *phones[] = { "+8613700001111", NULL };
  g_autoptr(RgGuest) guest = rg_guest_add (db, &fields, phones, NULL, &error);

  ck_assert_ptr_nonnull (guest);
  ck_assert_no_error (error);
}

/* A push refused for TLS: a clear error, the outbox kept, the store empty. */
static void
assert_push_refused (RgSyncHarness *h,
                     RgSync        *sync,
                     RgDb          *db,
                     const gchar   *reason)
{
  g_autoptr(GError) error = NULL;
  gint64 pending = rg_sync_count_pending (db);

  ck_assert_int_gt (pending, 0);
  ck_assert (!rg_sync_push (sync, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_TLS);
  ck_assert_msg (strstr (error->message, "certificate") != NULL, "unclear: %s", error->message);
  ck_assert_msg (strstr (error->message, reason) != NULL, "“%s” does not say %s", error->message, reason);
  ck_assert_int_eq (rg_sync_count_pending (db), pending);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row"), 0);
}

/* An enrolment refused for TLS: the code is not used up and the terminal
 * stays unenrolled. */
static void
assert_enrol_refused (RgSyncHarness *h,
                      const gchar   *url,
                      const gchar   *reason)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_new (t->db);
  g_autoptr(RgSync) again = rg_sync_new (t->db);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *code = rg_sync_harness_new_code (h);
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);

  rg_sync_set_ca_file (sync, h->ca_file);
  ck_assert (!rg_sync_enrol (sync, owner_id, url, code, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_TLS);
  ck_assert_msg (strstr (error->message, reason) != NULL, "“%s” does not say %s", error->message, reason);
  ck_assert (!rg_sync_is_enrolled (t->db));
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM enrol_code WHERE used_at IS NOT NULL"), 0);

  /* the same code still works with the real store */
  g_clear_error (&error);
  rg_sync_set_ca_file (again, h->ca_file);
  ck_assert (rg_sync_enrol (again, owner_id, h->url, code, &error));
  ck_assert_no_error (error);
}

START_TEST (test_untrusted_ca_is_refused)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);

  add_guest (t->db);
  rg_sync_set_ca_file (sync, h->other_ca_file);
  assert_push_refused (h, sync, t->db, "unable to get local issuer certificate");
  /* the system store does not know the test CA either */
  rg_sync_set_ca_file (sync, NULL);
  assert_push_refused (h, sync, t->db, "certificate");
}
END_TEST

START_TEST (test_wrong_host_name_is_refused)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();

  assert_enrol_refused (h, h->wrong_host_url, "localhost");
}
END_TEST

START_TEST (test_expired_certificate_is_refused)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();

  assert_enrol_refused (h, h->expired_url, "expired");
}
END_TEST

START_TEST (test_wrong_pin_is_refused_and_right_pin_passes)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_harness_enrol (h, t->db);
  g_autoptr(GError) error = NULL;

  add_guest (t->db);
  rg_sync_set_pin (sync, h->other_pin);
  assert_push_refused (h, sync, t->db, "public key");

  rg_sync_set_pin (sync, h->pin);
  ck_assert (rg_sync_push (sync, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_sync_count_pending (t->db), 0);
  ck_assert_int_gt (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row"), 0);
}
END_TEST

START_TEST (test_plain_http_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_new (t->db);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);

  ck_assert (!rg_sync_enrol (sync, owner_id, "http://localhost:8480", "ABCD-EFGH-JKLM", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert (!rg_sync_is_enrolled (t->db));
}
END_TEST

START_TEST (test_push_without_enrolment_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSync) sync = rg_sync_new (t->db);
  g_autoptr(GError) error = NULL;

  add_guest (t->db);
  ck_assert (!rg_sync_run_once (sync, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  ck_assert_int_gt (rg_sync_count_pending (t->db), 0);
}
END_TEST

static Suite *
tls_suite (void)
{
  Suite *s = suite_create ("sync-tls");
  TCase *tc = tcase_create ("refusals");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_untrusted_ca_is_refused);
  tcase_add_test (tc, test_wrong_host_name_is_refused);
  tcase_add_test (tc, test_expired_certificate_is_refused);
  tcase_add_test (tc, test_wrong_pin_is_refused_and_right_pin_passes);
  suite_add_tcase (s, tc);

  tc = tcase_create ("addresses");
  tcase_add_test (tc, test_plain_http_is_refused);
  tcase_add_test (tc, test_push_without_enrolment_is_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (tls_suite ());
}
