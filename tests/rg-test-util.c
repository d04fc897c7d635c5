/* rg-test-util.c — temporary databases and folders for the tests.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-test-util.h"

#include <glib/gstdio.h>

#include "rg-floor.h"
#include "rg-id.h"

gchar *
rg_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  gchar *dir = g_dir_make_tmp ("regulars-test-XXXXXX", &error);

  ck_assert_no_error (error);
  return dir;
}

void
rg_test_remove_tree (const gchar *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const gchar *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rg_test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

RgTestDb *
rg_test_db_new (void)
{
  g_autoptr(GError) error = NULL;
  RgTestDb *t = g_new0 (RgTestDb, 1);

  t->dir = rg_test_make_dir ();
  t->path = g_build_filename (t->dir, "test.db", NULL);
  t->db = rg_db_open (t->path, &error);
  ck_assert_no_error (error);
  return t;
}

RgTestDb *
rg_test_db_new_staffed (void)
{
  RgTestDb *t = rg_test_db_new ();
  char *message = NULL;

  sqlite3_exec (rg_db_get_handle (t->db),
                "INSERT INTO staff (id, name, role) VALUES ('host', 'Hana', 'host'), ('waiter', 'Wen', 'waiter'), "
                "  ('manager', 'Mia', 'manager'), ('owner', 'Otto', 'owner')",
                NULL, NULL, &message);
  ck_assert_msg (message == NULL, "adding the staff: %s", message);
  return t;
}

void
rg_test_db_free (RgTestDb *t)
{
  if (t == NULL)
    return;
  rg_db_close (t->db);
  rg_test_remove_tree (t->dir);
  g_free (t->path);
  g_free (t->dir);
  g_free (t);
}

gint64
rg_test_query_int (RgDb        *db,
                   const gchar *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gchar *
rg_test_query_text (RgDb        *db,
                    const gchar *sql)
{
  sqlite3_stmt *stmt = NULL;
  gchar *text;

  ck_assert_msg (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL) == SQLITE_OK,
                 "%s", sqlite3_errmsg (rg_db_get_handle (db)));
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  text = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

gint64
rg_test_query_intf (RgDb        *db,
                    const gchar *format,
                    ...)
{
  g_autofree gchar *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return rg_test_query_int (db, sql);
}

gchar *
rg_test_query_textf (RgDb        *db,
                     const gchar *format,
                     ...)
{
  g_autofree gchar *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return rg_test_query_text (db, sql);
}

void
rg_test_exec (RgDb        *db,
              const gchar *sql,
              ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list args;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  va_start (args, sql);
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    sqlite3_bind_text (stmt, i, va_arg (args, const gchar *), -1, SQLITE_TRANSIENT);
  va_end (args);
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_DONE, "%s: %s", sql,
                 sqlite3_errmsg (rg_db_get_handle (db)));
  sqlite3_finalize (stmt);
}

void
rg_test_exec_printf (RgDb        *db,
                     const gchar *format,
                     ...)
{
  va_list args;
  g_autofree gchar *sql = NULL;
  g_autoptr(GError) error = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  ck_assert_msg (rg_db_exec (db, sql, &error), "%s: %s", sql, error != NULL ? error->message : "");
}

RgGuest *
rg_test_new_guest (RgDb        *db,
                   const gchar *name,
                   const gchar *phone,
                   const gchar *card)
{
  g_autoptr(GError) error = NULL;
  const gchar *phones[] = { phone, NULL };
  RgGuestFields fields = { .name = name };
  RgGuest *guest = rg_guest_add (db, &fields, phone != NULL ? phones : NULL, card, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (guest);
  return guest;
}

gchar *
rg_test_add_guest (RgDb        *db,
                   const gchar *name,
                   const gchar *phone,
                   const gchar *card)
{
  g_autoptr(RgGuest) guest = rg_test_new_guest (db, name, phone, card);

  return g_strdup (rg_guest_get_id (guest));
}

gchar *
rg_test_insert_guest (RgDb        *db,
                      const gchar *name)
{
  gchar *id = rg_id_new ();

  rg_test_exec (db, "INSERT INTO guest (id, name, created_ms) VALUES (?, ?, 0)", id, name);
  return id;
}

gchar *
rg_test_add_table (RgDb        *db,
                   const gchar *staff_id,
                   const gchar *branch_id,
                   const gchar *name)
{
  g_autoptr(GError) error = NULL;
  RgDiningTableSpec spec = { .name = name, .seats = 4 };
  g_autoptr(RgDiningTable) table = rg_floor_add_table (db, staff_id, branch_id, &spec, &error);

  ck_assert_no_error (error);
  return g_strdup (rg_dining_table_get_id (table));
}

gchar *
rg_test_dup_staff_id (RgDb   *db,
                      RgRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) staff = rg_auth_find_staff (db, rg_role_to_string (role), NULL);
  g_autofree gchar *owner_id = NULL;

  if (staff != NULL)
    return g_strdup (rg_staff_get_id (staff));
  if (role != RG_ROLE_OWNER)
    owner_id = rg_test_dup_staff_id (db, RG_ROLE_OWNER);
  staff = rg_auth_add_staff (db, owner_id, rg_role_to_string (role), role, NULL, &error);
  ck_assert_no_error (error);
  return g_strdup (rg_staff_get_id (staff));
}

gchar *
rg_test_shared_data (const gchar *relative)
{
  const gchar *dir = g_getenv ("REGULARS_DATA_DIR");

  ck_assert_msg (dir != NULL, "REGULARS_DATA_DIR is not set");
  return g_build_filename (dir, relative, NULL);
}

gchar *
rg_test_source_file (const gchar *relative)
{
  const gchar *dir = g_getenv ("REGULARS_SOURCE_DIR");

  ck_assert_msg (dir != NULL, "REGULARS_SOURCE_DIR is not set");
  return g_build_filename (dir, relative, NULL);
}

int
rg_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
