/* check-branch.c — branches, time zones and the terminal's settings.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-branch.h"

static gint64
count_branches (RgDb *db)
{
  return rg_test_query_int (db, "SELECT count(*) FROM branch WHERE deleted = 0");
}

/* ------------------------------------------------------------- branches */

START_TEST (test_add_and_get)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) added = rg_branch_add (t->db, "  Riverside ", "Asia/Shanghai", &error);
  g_autoptr(RgBranch) got = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) new_year = NULL;

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_name (added), "Riverside");
  got = rg_branch_get (t->db, rg_branch_get_id (added), &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_name (got), "Riverside");
  ck_assert_str_eq (rg_branch_get_tz (got), "Asia/Shanghai");
  zone = rg_branch_dup_time_zone (got);
  new_year = g_date_time_new (zone, 2024, 1, 1, 12, 0, 0);
  ck_assert_int_eq (g_date_time_get_utc_offset (new_year) / G_TIME_SPAN_SECOND, 8 * 3600);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM branch WHERE updated_hlc > 0 AND origin <> ''"), 1);
}
END_TEST

START_TEST (test_find_by_name_ignores_case)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) added = rg_branch_add (t->db, "Harbour View", "Europe/London", &error);
  g_autoptr(RgBranch) found = rg_branch_find_by_name (t->db, "harbour view ", &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_id (found), rg_branch_get_id (added));
}
END_TEST

START_TEST (test_duplicate_name_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) first = rg_branch_add (t->db, "Riverside", "UTC", &error);
  g_autoptr(RgBranch) second = NULL;

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (first);
  second = rg_branch_add (t->db, "RIVERSIDE", "UTC", &error);
  ck_assert_ptr_null (second);
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_int_eq (count_branches (t->db), 1);
}
END_TEST

START_TEST (test_bad_input_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  const gchar *bad_names[] = { "", "   ", "Rive\xff" "rside", NULL };
  const gchar *bad_zones[] = { "", "Mars/Olympus", "/etc/localtime", "../../etc/passwd",
                               "Asia/Shanghai\xff", NULL };
  g_autofree gchar *long_name = g_strnfill (RG_BRANCH_NAME_MAX + 1, 'x');

  for (guint i = 0; bad_names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_ptr_null (rg_branch_add (t->db, bad_names[i], "UTC", &error));
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
    }
  for (guint i = 0; bad_zones[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_ptr_null (rg_branch_add (t->db, "Riverside", bad_zones[i], &error));
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      ck_assert (!rg_branch_check_tz (bad_zones[i], NULL));
    }
  {
    g_autoptr(GError) error = NULL;

    ck_assert_ptr_null (rg_branch_add (t->db, long_name, "UTC", &error));
    ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  }
  ck_assert_int_eq (count_branches (t->db), 0);
}
END_TEST

START_TEST (test_unknown_id_is_not_found)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (rg_branch_get (t->db, "0192d9b0-3c1f-7abc-8def-0123456789ab", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_branch_find_by_name (t->db, "Nowhere", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_branch_set_tz (t->db, "nope", "UTC", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_list_is_sorted_by_name)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(RgBranch) first = NULL;
  g_autoptr(RgBranch) last = NULL;
  const gchar *names[] = { "Harbour", "Airport", "Old Town" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RgBranch) b = rg_branch_add (t->db, names[i], "UTC", NULL);

      ck_assert_ptr_nonnull (b);
    }
  list = rg_branch_list (t->db, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 3);
  ck_assert (g_list_model_get_item_type (list) == RG_TYPE_BRANCH);
  first = g_list_model_get_item (list, 0);
  last = g_list_model_get_item (list, 2);
  ck_assert_str_eq (rg_branch_get_name (first), "Airport");
  ck_assert_str_eq (rg_branch_get_name (last), "Old Town");
}
END_TEST

START_TEST (test_set_tz)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) b = rg_branch_add (t->db, "Riverside", "UTC", &error);
  g_autoptr(RgBranch) again = NULL;

  ck_assert (rg_branch_set_tz (t->db, rg_branch_get_id (b), "America/New_York", &error));
  ck_assert_no_error (error);
  ck_assert (!rg_branch_set_tz (t->db, rg_branch_get_id (b), "Atlantis/Capital", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  again = rg_branch_get (t->db, rg_branch_get_id (b), NULL);
  ck_assert_str_eq (rg_branch_get_tz (again), "America/New_York");
}
END_TEST

/* ------------------------------------------------------------- settings */

START_TEST (test_country_setting)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *before = rg_branch_dup_country (t->db);
  g_autofree gchar *after = NULL;
  g_autofree gchar *kept = NULL;

  ck_assert_str_eq (before, RG_BRANCH_DEFAULT_COUNTRY);
  ck_assert (rg_branch_set_country (t->db, "us", &error));
  ck_assert_no_error (error);
  after = rg_branch_dup_country (t->db);
  ck_assert_str_eq (after, "US");

  ck_assert (!rg_branch_set_country (t->db, "XX", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_branch_set_country (t->db, "USA", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_branch_set_country (t->db, "\xc3\x28", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  kept = rg_branch_dup_country (t->db);
  ck_assert_str_eq (kept, "US");
}
END_TEST

START_TEST (test_current_branch)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) b = rg_branch_add (t->db, "Riverside", "UTC", NULL);
  g_autoptr(RgBranch) current = NULL;

  ck_assert_ptr_null (rg_branch_get_current (t->db, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ck_assert (!rg_branch_set_current (t->db, "missing", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ck_assert (rg_branch_set_current (t->db, rg_branch_get_id (b), &error));
  current = rg_branch_get_current (t->db, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_id (current), rg_branch_get_id (b));
}
END_TEST

/* ---------------------------------------------------------------- setup */

START_TEST (test_setup_new_terminal)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) b = rg_branch_setup_terminal (t->db, "Riverside", "Asia/Shanghai", "cn", &error);
  g_autofree gchar *country = NULL;
  g_autofree gchar *branch_id = NULL;

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_tz (b), "Asia/Shanghai");
  country = rg_db_dup_setting (t->db, "country");
  branch_id = rg_db_dup_setting (t->db, "branch_id");
  ck_assert_str_eq (country, "CN");
  ck_assert_str_eq (branch_id, rg_branch_get_id (b));
}
END_TEST

START_TEST (test_setup_defaults_and_is_idempotent)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) first = rg_branch_setup_terminal (t->db, NULL, NULL, NULL, &error);
  g_autoptr(RgBranch) second = NULL;
  g_autofree gchar *country = NULL;

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_name (first), "Main");
  ck_assert (rg_branch_check_tz (rg_branch_get_tz (first), NULL));
  country = rg_db_dup_setting (t->db, "country");
  ck_assert_str_eq (country, RG_BRANCH_DEFAULT_COUNTRY);

  second = rg_branch_setup_terminal (t->db, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_id (second), rg_branch_get_id (first));
  ck_assert_int_eq (count_branches (t->db), 1);
}
END_TEST

START_TEST (test_setup_changes_country_and_zone_later)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) first = rg_branch_setup_terminal (t->db, "Riverside", "UTC", "CN", &error);
  g_autoptr(RgBranch) second = NULL;
  g_autofree gchar *country = NULL;

  second = rg_branch_setup_terminal (t->db, NULL, "Europe/London", "GB", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_branch_get_id (second), rg_branch_get_id (first));
  ck_assert_str_eq (rg_branch_get_tz (second), "Europe/London");
  country = rg_branch_dup_country (t->db);
  ck_assert_str_eq (country, "GB");
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM branch WHERE tz = 'Europe/London'"), 1);
}
END_TEST

START_TEST (test_setup_with_bad_input_changes_nothing)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) first = rg_branch_setup_terminal (t->db, "Riverside", "UTC", "CN", &error);
  g_autofree gchar *country = NULL;
  g_autofree gchar *branch_id = NULL;
  gint64 outbox = rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox");

  ck_assert_ptr_null (rg_branch_setup_terminal (t->db, "Harbour", "Nowhere/Land", NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_branch_setup_terminal (t->db, "Harbour", NULL, "ZZ", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_branch_setup_terminal (t->db, "", NULL, "US", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);

  ck_assert_int_eq (count_branches (t->db), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox"), outbox);
  country = rg_branch_dup_country (t->db);
  branch_id = rg_db_dup_setting (t->db, "branch_id");
  ck_assert_str_eq (country, "CN");
  ck_assert_str_eq (branch_id, rg_branch_get_id (first));
}
END_TEST

static Suite *
branch_suite (void)
{
  Suite *s = suite_create ("branch");
  TCase *tc;

  tc = tcase_create ("branches");
  tcase_add_test (tc, test_add_and_get);
  tcase_add_test (tc, test_find_by_name_ignores_case);
  tcase_add_test (tc, test_duplicate_name_is_refused);
  tcase_add_test (tc, test_bad_input_is_refused);
  tcase_add_test (tc, test_unknown_id_is_not_found);
  tcase_add_test (tc, test_list_is_sorted_by_name);
  tcase_add_test (tc, test_set_tz);
  suite_add_tcase (s, tc);

  tc = tcase_create ("settings");
  tcase_add_test (tc, test_country_setting);
  tcase_add_test (tc, test_current_branch);
  suite_add_tcase (s, tc);

  tc = tcase_create ("setup");
  tcase_add_test (tc, test_setup_new_terminal);
  tcase_add_test (tc, test_setup_defaults_and_is_idempotent);
  tcase_add_test (tc, test_setup_changes_country_and_zone_later);
  tcase_add_test (tc, test_setup_with_bad_input_changes_nothing);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (branch_suite ());
}
