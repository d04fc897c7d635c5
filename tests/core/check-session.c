/* check-session.c — the session the UI holds: its connection, branch,
 * staff member and what they may do.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-test-util.h"
#include "rg-auth.h"
#include "rg-id.h"
#include "rg-session.h"

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A session on a connection of its own to @t's file. */
static RgSession *
session_for (RgTestDb    *t,
             const gchar *branch_id,
             const gchar *staff_id)
{
  g_autoptr(GError) error = NULL;
  RgDb *db = rg_db_open (t->path, &error);

  ck_assert_no_error (error);
  return rg_session_new (db, branch_id, staff_id);
}

/* ------------------------------------------------------------ properties */

START_TEST (test_new_keeps_what_it_is_given)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSession) session = session_for (t, "b-1", NULL);
  g_autofree gchar *branch = NULL;

  ck_assert_ptr_nonnull (rg_session_get_db (session));
  ck_assert_str_eq (rg_db_get_path (rg_session_get_db (session)), t->path);
  ck_assert_str_eq (rg_session_get_branch_id (session), "b-1");
  ck_assert_ptr_null (rg_session_get_staff_id (session));
  g_object_get (session, "branch-id", &branch, NULL);
  ck_assert_str_eq (branch, "b-1");
}
END_TEST

START_TEST (test_setters_notify_only_on_change)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgSession) session = session_for (t, NULL, NULL);
  guint staff_changes = 0;
  guint branch_changes = 0;

  g_signal_connect (session, "notify::staff-id", G_CALLBACK (on_notify_cb), &staff_changes);
  g_signal_connect (session, "notify::branch-id", G_CALLBACK (on_notify_cb), &branch_changes);

  rg_session_set_staff_id (session, "s-1");
  rg_session_set_staff_id (session, "s-1");
  ck_assert_str_eq (rg_session_get_staff_id (session), "s-1");
  ck_assert_uint_eq (staff_changes, 1);
  rg_session_set_staff_id (session, NULL);
  ck_assert_ptr_null (rg_session_get_staff_id (session));
  ck_assert_uint_eq (staff_changes, 2);

  rg_session_set_branch_id (session, "b-2");
  rg_session_set_branch_id (session, "b-2");
  ck_assert_uint_eq (branch_changes, 1);
  ck_assert_str_eq (rg_session_get_branch_id (session), "b-2");
}
END_TEST

/* ----------------------------------------------------------- permissions */

START_TEST (test_may_follows_the_role)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) owner = rg_auth_add_staff (t->db, NULL, "Owner Wu", RG_ROLE_OWNER, "2468", &error);
  g_autoptr(RgStaff) waiter = NULL;
  g_autoptr(RgSession) session = NULL;

  ck_assert_no_error (error);
  waiter = rg_auth_add_staff (t->db, rg_staff_get_id (owner), "Waiter Li", RG_ROLE_WAITER, "1357", &error);
  ck_assert_no_error (error);
  session = session_for (t, NULL, NULL);

  /* Nobody signed in may do nothing. */
  ck_assert (!rg_session_may (session, RG_PERMISSION_LOOKUP_GUESTS));

  rg_session_set_staff_id (session, rg_staff_get_id (waiter));
  ck_assert (rg_session_may (session, RG_PERMISSION_TAKE_ORDERS));
  ck_assert (!rg_session_may (session, RG_PERMISSION_SEE_PHONES));
  ck_assert (!rg_session_may (session, RG_PERMISSION_VIEW_REPORTS));

  rg_session_set_staff_id (session, rg_staff_get_id (owner));
  ck_assert (rg_session_may (session, RG_PERMISSION_SEE_PHONES));
  ck_assert (rg_session_may (session, RG_PERMISSION_VIEW_REPORTS));

  /* An id that is nobody's may do nothing either. */
  {
    g_autofree gchar *stranger = rg_id_new ();

    rg_session_set_staff_id (session, stranger);
    ck_assert (!rg_session_may (session, RG_PERMISSION_TAKE_ORDERS));
  }
}
END_TEST

static Suite *
session_suite (void)
{
  Suite *s = suite_create ("session");
  TCase *tc;

  tc = tcase_create ("properties");
  tcase_add_test (tc, test_new_keeps_what_it_is_given);
  tcase_add_test (tc, test_setters_notify_only_on_change);
  suite_add_tcase (s, tc);

  tc = tcase_create ("permissions");
  tcase_add_test (tc, test_may_follows_the_role);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (session_suite ());
}
