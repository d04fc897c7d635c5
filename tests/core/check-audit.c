/* check-audit.c — writing and paging the audit log.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-audit.h"
#include "rg-id.h"

#define STAFF_ID "0192d9b0-3c1f-7abc-8def-0123456789ab"

static void
add_staff (RgDb *db)
{
  ck_assert (rg_db_exec (db, "INSERT INTO staff (id, name, role) VALUES ('" STAFF_ID "', 'Mei', 'owner')",
                         NULL));
}

static RgAuditEntry *
nth_entry (GListModel *model,
           guint       i)
{
  RgAuditEntry *entry = g_list_model_get_item (model, i);

  ck_assert_ptr_nonnull (entry);
  g_object_unref (entry);    /* the model keeps it alive */
  return entry;
}

/* ----------------------------------------------------------------- write */

START_TEST (test_log_writes_a_synced_row)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 before = rg_now_ms ();
  RgAuditEntry *entry;

  add_staff (t->db);
  ck_assert (rg_audit_log (t->db, STAFF_ID, "guest.export", "guest-1", "12 guests to CSV", &error));
  ck_assert_no_error (error);

  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM audit_log"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM audit_log a JOIN setting s ON s.key = 'device_id' "
                    "WHERE a.origin = s.value AND a.updated_hlc > 0 AND a.deleted = 0 "
                    "AND length (a.id) = 36"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM sync_outbox o JOIN audit_log a ON a.id = o.row_id "
                    "WHERE o.tbl = 'audit_log'"), 1);

  list = rg_audit_list (t->db, NULL, 0, 0, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 1);
  entry = nth_entry (list, 0);
  ck_assert (rg_id_is_valid (rg_audit_entry_get_id (entry)));
  ck_assert_int_ge (rg_audit_entry_get_at_ms (entry), before);
  ck_assert_int_le (rg_audit_entry_get_at_ms (entry), rg_now_ms ());
  ck_assert_str_eq (rg_audit_entry_get_staff_id (entry), STAFF_ID);
  ck_assert_str_eq (rg_audit_entry_get_staff_name (entry), "Mei");
  ck_assert_str_eq (rg_audit_entry_get_action (entry), "guest.export");
  ck_assert_str_eq (rg_audit_entry_get_subject (entry), "guest-1");
  ck_assert_str_eq (rg_audit_entry_get_detail (entry), "12 guests to CSV");
}
END_TEST

START_TEST (test_log_without_staff_or_subject)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  RgAuditEntry *entry;

  ck_assert (rg_audit_log (t->db, NULL, "  sync.reset ", "   ", NULL, &error));
  ck_assert_no_error (error);
  /* a staff id not (yet) synced to this terminal is kept as given */
  ck_assert (rg_audit_log (t->db, "0192d9b0-3c1f-7abc-8def-000000000000", "guest.view", "g", "", &error));
  ck_assert_no_error (error);

  list = rg_audit_list (t->db, NULL, 0, 0, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  entry = nth_entry (list, 1);
  ck_assert_str_eq (rg_audit_entry_get_action (entry), "sync.reset");
  ck_assert_ptr_null (rg_audit_entry_get_staff_id (entry));
  ck_assert_ptr_null (rg_audit_entry_get_staff_name (entry));
  ck_assert_ptr_null (rg_audit_entry_get_subject (entry));
  ck_assert_ptr_null (rg_audit_entry_get_detail (entry));
  entry = nth_entry (list, 0);
  ck_assert_str_eq (rg_audit_entry_get_staff_id (entry), "0192d9b0-3c1f-7abc-8def-000000000000");
  ck_assert_ptr_null (rg_audit_entry_get_staff_name (entry));
  ck_assert_ptr_null (rg_audit_entry_get_detail (entry));
}
END_TEST

START_TEST (test_log_refuses_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *long_action = g_strnfill (RG_AUDIT_ACTION_MAX + 1, 'a');
  g_autofree gchar *long_detail = g_strnfill (RG_AUDIT_DETAIL_MAX + 1, 'd');
  const struct { const gchar *action; const gchar *subject; const gchar *detail; } cases[] = {
    { NULL, NULL, NULL },
    { "", NULL, NULL },
    { "   ", "g", "d" },
    { long_action, NULL, NULL },
    { "guest.view", "g\xff", NULL },
    { "guest.view", NULL, "bad\x01" },
    { "guest.view", NULL, long_detail },
    { "guest\x1b.view", NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert (!rg_audit_log (t->db, NULL, cases[i].action, cases[i].subject, cases[i].detail, &error));
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
    }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM audit_log"), 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox WHERE tbl = 'audit_log'"), 0);
}
END_TEST

/* ------------------------------------------------------------------ list */

START_TEST (test_list_newest_first_in_pages)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  gint expected = 24;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree gchar *detail = g_strdup_printf ("%u", i);

      ck_assert (rg_audit_log (t->db, NULL, "guest.view", NULL, detail, &error));
    }
  /* one entry from another terminal whose clock is a minute behind */
  ck_assert (rg_db_exec (t->db,
                         "INSERT INTO audit_log (id, at_ms, action, detail, updated_hlc, origin) "
                         "SELECT 'remote', min (at_ms) - 60000, 'guest.view', 'old', 1, 'other' FROM audit_log",
                         NULL));
  ck_assert_int_eq (rg_audit_count (t->db, NULL, &error), 26);

  for (guint offset = 0; offset < 30; offset += 10)
    {
      GListModel *page = rg_audit_list (t->db, NULL, offset, 10, &error);

      ck_assert_no_error (error);
      g_ptr_array_add (pages, page);
    }
  ck_assert_uint_eq (g_list_model_get_n_items (pages->pdata[0]), 10);
  ck_assert_uint_eq (g_list_model_get_n_items (pages->pdata[1]), 10);
  ck_assert_uint_eq (g_list_model_get_n_items (pages->pdata[2]), 6);

  for (guint p = 0; p < pages->len; p++)
    for (guint i = 0; i < g_list_model_get_n_items (pages->pdata[p]); i++)
      {
        RgAuditEntry *entry = nth_entry (pages->pdata[p], i);
        const gchar *detail = rg_audit_entry_get_detail (entry);

        ck_assert (g_hash_table_add (seen, (gpointer) rg_audit_entry_get_id (entry)));
        if (expected >= 0)
          ck_assert_int_eq (atoi (detail), expected);
        else
          ck_assert_str_eq (detail, "old");
        expected--;
      }
  ck_assert_uint_eq (g_hash_table_size (seen), 26);
}
END_TEST

START_TEST (test_list_by_subject)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) none = NULL;

  ck_assert (rg_audit_log (t->db, NULL, "guest.view", "guest-a", NULL, NULL));
  ck_assert (rg_audit_log (t->db, NULL, "guest.view", "guest-b", NULL, NULL));
  ck_assert (rg_audit_log (t->db, NULL, "guest.erase", "guest-a", NULL, NULL));
  ck_assert (rg_db_exec (t->db, "UPDATE audit_log SET deleted = 1 WHERE action = 'guest.view' "
                                "AND subject = 'guest-b'", NULL));

  list = rg_audit_list (t->db, "guest-a", 0, 0, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  ck_assert_str_eq (rg_audit_entry_get_action (nth_entry (list, 0)), "guest.erase");
  ck_assert_str_eq (rg_audit_entry_get_action (nth_entry (list, 1)), "guest.view");
  ck_assert_int_eq (rg_audit_count (t->db, "guest-a", NULL), 2);
  ck_assert_int_eq (rg_audit_count (t->db, "guest-b", NULL), 0);
  ck_assert_int_eq (rg_audit_count (t->db, NULL, NULL), 2);

  none = rg_audit_list (t->db, "guest-b", 0, 10, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (none), 0);
  ck_assert (g_list_model_get_item_type (none) == RG_TYPE_AUDIT_ENTRY);
}
END_TEST

static Suite *
audit_suite (void)
{
  Suite *s = suite_create ("audit");
  TCase *tc;

  tc = tcase_create ("write");
  tcase_add_test (tc, test_log_writes_a_synced_row);
  tcase_add_test (tc, test_log_without_staff_or_subject);
  tcase_add_test (tc, test_log_refuses_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("list");
  tcase_add_test (tc, test_list_newest_first_in_pages);
  tcase_add_test (tc, test_list_by_subject);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (audit_suite ());
}
