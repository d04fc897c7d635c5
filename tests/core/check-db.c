/* check-db.c — opening, migrating, transactions and errors of rg-db.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-id.h"

static gint
count_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children ("/org/regulars/schema/local",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  ck_assert_ptr_nonnull (names);
  return (gint) g_strv_length (names);
}

static void
insert_branch (RgDb *db, const gchar *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *id = rg_id_new ();
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "INSERT INTO branch (id, name) VALUES (?, ?)", &error);

  ck_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
}

/* ------------------------------------------------------------- migration */

START_TEST (test_open_applies_every_migration)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  ck_assert_int_gt (count_migrations (), 0);
  ck_assert_int_eq (rg_db_get_schema_version (t->db), count_migrations ());
  ck_assert_int_eq (rg_test_query_int (t->db, "PRAGMA foreign_keys"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM sqlite_master WHERE name = 'guest'"), 1);
}
END_TEST

START_TEST (test_reopen_is_idempotent_and_keeps_data)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *device = g_strdup (rg_db_get_device_id (t->db));

  insert_branch (t->db, "Riverside");
  rg_db_close (t->db);
  t->db = rg_db_open (t->path, &error);
  ck_assert_no_error (error);

  ck_assert_int_eq (rg_db_get_schema_version (t->db), count_migrations ());
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch"), 1);
  ck_assert_str_eq (rg_db_get_device_id (t->db), device);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}
END_TEST

START_TEST (test_newer_schema_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  RgDb *db;

  ck_assert (rg_db_exec (t->db, "PRAGMA user_version = 999", NULL));
  rg_db_close (t->db);
  t->db = NULL;

  db = rg_db_open (t->path, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, RG_ERROR, RG_ERROR_CORRUPT);
  ck_assert_ptr_nonnull (strstr (error->message, "newer version"));
}
END_TEST

START_TEST (test_garbage_file_is_refused)
{
  g_autofree gchar *dir = rg_test_make_dir ();
  g_autofree gchar *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree gchar *after = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *text = "this is a shopping list, not a database, but it is long enough "
                      "to fill the first page header that SQLite reads on open.....";
  RgDb *db;

  ck_assert (g_file_set_contents (path, text, -1, NULL));
  db = rg_db_open (path, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, RG_ERROR, RG_ERROR_CORRUPT);

  ck_assert (g_file_get_contents (path, &after, NULL, NULL));
  ck_assert_str_eq (after, text);
  rg_test_remove_tree (dir);
}
END_TEST

START_TEST (test_read_only_file_refuses_writes)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *uri = g_strdup_printf ("file:%s?mode=ro", t->path);
  RgDb *ro;

  insert_branch (t->db, "Riverside");
  ro = rg_db_open (uri, &error);
  ck_assert_no_error (error);

  ck_assert (!rg_db_exec (ro, "INSERT INTO branch (id, name) VALUES ('x', 'Harbour')", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_READONLY);
  ck_assert_ptr_nonnull (strstr (error->message, "read-only"));
  rg_db_close (ro);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch"), 1);
}
END_TEST

START_TEST (test_read_only_old_schema_is_refused)
{
  g_autofree gchar *dir = rg_test_make_dir ();
  g_autofree gchar *path = g_build_filename (dir, "empty.db", NULL);
  g_autofree gchar *uri = g_strdup_printf ("file:%s?mode=ro", path);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  /* a database at schema version 0: opening it must migrate, which a
   * read-only file cannot */
  ck_assert_int_eq (sqlite3_open (path, &raw), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (raw, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (raw);

  ck_assert_ptr_null (rg_db_open (uri, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_READONLY);
  rg_test_remove_tree (dir);
}
END_TEST

/* ---------------------------------------------------------- transactions */

START_TEST (test_transaction_rolls_back_unless_committed)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RgTransaction) txn = rg_db_begin (t->db, &error);

    ck_assert_no_error (error);
    ck_assert_ptr_nonnull (txn);
    insert_branch (t->db, "Dropped");
  }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch"), 0);

  {
    g_autoptr(RgTransaction) txn = rg_db_begin (t->db, &error);

    insert_branch (t->db, "Kept");
    ck_assert (rg_transaction_commit (g_steal_pointer (&txn), &error));
    ck_assert_no_error (error);
  }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch"), 1);
}
END_TEST

START_TEST (test_nested_transaction_is_a_savepoint)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTransaction) outer = rg_db_begin (t->db, &error);

  insert_branch (t->db, "Outer");
  {
    g_autoptr(RgTransaction) inner = rg_db_begin (t->db, &error);

    ck_assert_no_error (error);
    ck_assert_ptr_nonnull (inner);
    insert_branch (t->db, "Inner");
  }
  ck_assert (rg_transaction_commit (g_steal_pointer (&outer), &error));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM branch WHERE name = 'Outer'"), 1);
}
END_TEST

/* ------------------------------------------------------ statements, errors */

START_TEST (test_statements_are_cached)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  RgStmt *a = rg_db_prepare (t->db, "SELECT count(*) FROM guest", NULL);
  RgStmt *b = rg_db_prepare (t->db, "SELECT count(*) FROM guest", NULL);

  ck_assert_ptr_nonnull (a);
  ck_assert_ptr_eq (a, b);
}
END_TEST

START_TEST (test_bad_sql_is_a_db_error)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (rg_db_prepare (t->db, "SELECT nonsense FROM nowhere", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_DB);
  ck_assert_ptr_nonnull (strstr (error->message, "nowhere"));
}
END_TEST

START_TEST (test_unique_violation_is_exists)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;

  ck_assert (rg_db_exec (t->db, "INSERT INTO branch (id, name) VALUES ('a', 'Riverside')", NULL));
  ck_assert (!rg_db_exec (t->db, "INSERT INTO branch (id, name) VALUES ('b', 'Riverside')", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
}
END_TEST

START_TEST (test_exit_status_per_error)
{
  g_autoptr(GError) missing = g_error_new (RG_ERROR, RG_ERROR_NOT_FOUND, "x");
  g_autoptr(GError) bad = g_error_new (RG_ERROR, RG_ERROR_INVALID, "x");
  g_autoptr(GError) disk = g_error_new (RG_ERROR, RG_ERROR_FULL, "x");

  ck_assert_int_eq (rg_error_exit_status (NULL), 0);
  ck_assert_int_eq (rg_error_exit_status (missing), 1);
  ck_assert_int_eq (rg_error_exit_status (bad), 2);
  ck_assert_int_eq (rg_error_exit_status (disk), 3);
}
END_TEST

/* ------------------------------------------------------ settings, clock */

START_TEST (test_settings_round_trip)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *missing = rg_db_dup_setting (t->db, "country");
  g_autofree gchar *value = NULL;

  ck_assert_ptr_null (missing);
  ck_assert (rg_db_set_setting (t->db, "country", "CN", NULL));
  ck_assert (rg_db_set_setting (t->db, "country", "US", NULL));
  value = rg_db_dup_setting (t->db, "country");
  ck_assert_str_eq (value, "US");
}
END_TEST

START_TEST (test_hlc_is_monotonic_and_survives_restart)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  gint64 future = (rg_now_ms () + 3600 * 1000) << 16;
  gint64 a, b;

  a = rg_db_next_hlc (t->db);
  b = rg_db_next_hlc (t->db);
  ck_assert_int_gt (b, a);
  ck_assert_int_ge (a >> 16, rg_now_ms () - 1000);

  /* a row from a terminal whose clock runs an hour ahead */
  rg_db_observe_hlc (t->db, future);
  ck_assert_int_gt (rg_db_next_hlc (t->db), future);

  rg_db_close (t->db);
  t->db = rg_db_open (t->path, &error);
  ck_assert_no_error (error);
  ck_assert_int_gt (rg_db_next_hlc (t->db), future);
}
END_TEST

START_TEST (test_outbox_follows_capture)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  insert_branch (t->db, "Captured");
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM sync_outbox WHERE tbl = 'branch'"), 1);

  rg_db_set_capture_changes (t->db, FALSE);
  insert_branch (t->db, "Pulled");
  rg_db_set_capture_changes (t->db, TRUE);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox"), 1);
}
END_TEST

START_TEST (test_ids_are_uuid_v7)
{
  g_autofree gchar *a = rg_id_new ();
  g_autofree gchar *b = rg_id_new ();

  ck_assert (rg_id_is_valid (a));
  ck_assert_str_ne (a, b);
  ck_assert_int_eq (a[14], '7');
  ck_assert (strchr ("89ab", a[19]) != NULL);
  ck_assert (!rg_id_is_valid ("not-an-id"));
  ck_assert (!rg_id_is_valid ("0192d9b0-3c1f-7abc-8def-0123456789ag"));
  ck_assert (!rg_id_is_valid (NULL));
}
END_TEST

static Suite *
db_suite (void)
{
  Suite *s = suite_create ("db");
  TCase *tc;

  tc = tcase_create ("migration");
  tcase_add_test (tc, test_open_applies_every_migration);
  tcase_add_test (tc, test_reopen_is_idempotent_and_keeps_data);
  tcase_add_test (tc, test_newer_schema_is_refused);
  tcase_add_test (tc, test_garbage_file_is_refused);
  tcase_add_test (tc, test_read_only_file_refuses_writes);
  tcase_add_test (tc, test_read_only_old_schema_is_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("transactions");
  tcase_add_test (tc, test_transaction_rolls_back_unless_committed);
  tcase_add_test (tc, test_nested_transaction_is_a_savepoint);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_test (tc, test_statements_are_cached);
  tcase_add_test (tc, test_bad_sql_is_a_db_error);
  tcase_add_test (tc, test_unique_violation_is_exists);
  tcase_add_test (tc, test_exit_status_per_error);
  suite_add_tcase (s, tc);

  tc = tcase_create ("state");
  tcase_add_test (tc, test_settings_round_trip);
  tcase_add_test (tc, test_hlc_is_monotonic_and_survives_restart);
  tcase_add_test (tc, test_outbox_follows_capture);
  tcase_add_test (tc, test_ids_are_uuid_v7);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (db_suite ());
}
