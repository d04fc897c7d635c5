/* check-auth.c — staff, roles, PINs, lockout and the permission matrix.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-auth.h"
#include "rg-audit.h"
#include "rg-id.h"

/* DESIGN.md's table of roles, written out again by permission so that the
 * test does not read the matrix it checks. */
static const struct
{
  RgPermission permission;
  const gchar *roles;   /* the roles that may, as initials: h w m o */
} expected[] = {
  { RG_PERMISSION_LOOKUP_GUESTS, "hmo" },
  { RG_PERMISSION_ENROL_GUESTS, "hmo" },
  { RG_PERMISSION_SEAT, "hmo" },
  { RG_PERMISSION_VIEW_PREFS, "hwmo" },
  { RG_PERMISSION_RUN_TABLES, "wmo" },
  { RG_PERMISSION_TAKE_ORDERS, "wmo" },
  { RG_PERMISSION_EDIT_PREFS, "wmo" },
  { RG_PERMISSION_LOG_FEEDBACK, "wmo" },
  { RG_PERMISSION_EDIT_MENU, "mo" },
  { RG_PERMISSION_EDIT_FLOOR, "mo" },
  { RG_PERMISSION_VOID_LINES, "mo" },
  { RG_PERMISSION_SEE_PHONES, "mo" },
  { RG_PERMISSION_VIEW_REPORTS, "o" },
  { RG_PERMISSION_EXPORT, "o" },
  { RG_PERMISSION_MANAGE_STAFF, "o" },
  { RG_PERMISSION_MANAGE_DEVICES, "o" },
  { RG_PERMISSION_GUEST_DATA, "o" },
  { RG_PERMISSION_VIEW_AUDIT, "o" },
};

static const gchar role_initials[RG_N_ROLES] = { 'h', 'w', 'm', 'o' };
static const gchar * const role_titles[RG_N_ROLES] = { "Host", "Waiter", "Manager", "Owner" };

/* The first owner, made as `regulars-cli init` makes it. */
static RgStaff *
add_owner (RgDb *db)
{
  g_autoptr(GError) error = NULL;
  RgStaff *owner = rg_auth_add_staff (db, NULL, "Mei", RG_ROLE_OWNER, "2468", &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (owner);
  return owner;
}

static RgStaff *
add_staff (RgDb        *db,
           RgStaff     *by,
           const gchar *name,
           RgRole       role,
           const gchar *pin)
{
  g_autoptr(GError) error = NULL;
  RgStaff *staff = rg_auth_add_staff (db, rg_staff_get_id (by), name, role, pin, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (staff);
  return staff;
}

/* A fingerprint of everything a refused call must leave alone. */
static gint64
count_rows (RgDb *db)
{
  return rg_test_query_int (db,
      "SELECT (SELECT count(*) FROM staff) * 1000000 + (SELECT count(*) FROM audit_log) * 1000 "
      "+ (SELECT count(*) FROM local_staff_lockout) * 10 + (SELECT count(*) FROM sync_outbox)");
}

static gint64
failures_of (RgDb    *db,
             RgStaff *staff)
{
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT coalesce ((SELECT failures FROM local_staff_lockout WHERE staff_id = '%s'), 0)",
      rg_staff_get_id (staff));

  return rg_test_query_int (db, sql);
}

static void
expire_lockout (RgDb *db)
{
  ck_assert (rg_db_exec (db, "UPDATE local_staff_lockout SET locked_until_ms = 0", NULL));
}

/* --------------------------------------------------------------- matrix */

START_TEST (test_matrix_every_role_and_permission)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) staff = NULL;
  RgRole role = (RgRole) _i;
  g_autofree gchar *name = g_strdup_printf ("Li %d", _i);

  ck_assert_uint_eq (G_N_ELEMENTS (expected), RG_N_PERMISSIONS);
  staff = role == RG_ROLE_OWNER ? g_object_ref (owner) : add_staff (t->db, owner, name, role, "1357");

  for (guint p = 0; p < G_N_ELEMENTS (expected); p++)
    {
      g_autoptr(GError) error = NULL;
      gboolean may = strchr (expected[p].roles, role_initials[role]) != NULL;
      gboolean allowed;

      ck_assert_int_eq (expected[p].permission, p);
      ck_assert_msg (rg_auth_role_may (role, expected[p].permission) == may,
                     "%s / %s", rg_role_to_string (role),
                     rg_permission_describe (expected[p].permission));

      allowed = rg_auth_require (t->db, rg_staff_get_id (staff), expected[p].permission, &error);
      ck_assert_int_eq (allowed, may);
      if (may)
        ck_assert_no_error (error);
      else
        {
          g_autofree gchar *want = g_strdup_printf ("%s %s may not %s.", role_titles[role],
                                                    rg_staff_get_name (staff),
                                                    rg_permission_describe (expected[p].permission));

          ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
          ck_assert_str_eq (error->message, want);
        }
    }
}
END_TEST

START_TEST (test_matrix_message_and_phones)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) li = add_staff (t->db, owner, "Li", RG_ROLE_WAITER, "1357");
  g_autoptr(GError) error = NULL;

  ck_assert (!rg_auth_require (t->db, rg_staff_get_id (li), RG_PERMISSION_VIEW_REPORTS, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  ck_assert_str_eq (error->message, "Waiter Li may not view reports.");

  ck_assert (!rg_auth_may_see_phone (RG_ROLE_HOST));
  ck_assert (!rg_auth_may_see_phone (RG_ROLE_WAITER));
  ck_assert (rg_auth_may_see_phone (RG_ROLE_MANAGER));
  ck_assert (rg_auth_may_see_phone (RG_ROLE_OWNER));
}
END_TEST

START_TEST (test_require_refuses_nobody_unknown_disabled)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) ann = add_staff (t->db, owner, "Ann", RG_ROLE_HOST, "1357");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *stranger = rg_id_new ();

  ck_assert (!rg_auth_require (t->db, NULL, RG_PERMISSION_SEAT, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);

  ck_assert (!rg_auth_require (t->db, stranger, RG_PERMISSION_SEAT, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ck_assert (rg_auth_require (t->db, rg_staff_get_id (ann), RG_PERMISSION_SEAT, &error));
  ck_assert (rg_auth_disable_staff (t->db, rg_staff_get_id (owner), rg_staff_get_id (ann), &error));
  ck_assert_no_error (error);
  ck_assert (!rg_auth_require (t->db, rg_staff_get_id (ann), RG_PERMISSION_SEAT, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
}
END_TEST

START_TEST (test_roles_as_text)
{
  g_autoptr(GError) error = NULL;
  RgRole role = RG_ROLE_HOST;

  for (guint i = 0; i < RG_N_ROLES; i++)
    {
      ck_assert (rg_role_from_string (rg_role_to_string ((RgRole) i), &role, &error));
      ck_assert_int_eq (role, i);
    }
  ck_assert (rg_role_from_string ("Manager", &role, NULL));
  ck_assert_int_eq (role, RG_ROLE_MANAGER);
  ck_assert (!rg_role_from_string ("chef", &role, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_role_from_string (NULL, &role, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

/* ------------------------------------------------------------------ pins */

START_TEST (test_pin_shape)
{
  const gchar *bad[] = { "", "123", "123456789", "12a4", "12 34", " 1234", "１２３４", "12345\n" };

  ck_assert (rg_auth_check_pin ("1234", NULL));
  ck_assert (rg_auth_check_pin ("00000000", NULL));
  ck_assert (!rg_auth_check_pin (NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!rg_auth_check_pin (bad[i], &error), "accepted '%s'", bad[i]);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
    }
}
END_TEST

START_TEST (test_pin_hash_and_verify)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *one = rg_auth_hash_pin ("2468", 0, &error);
  g_autofree gchar *two = rg_auth_hash_pin ("2468", 0, &error);
  g_autofree gchar *prefix = g_strdup_printf ("pbkdf2-sha256$%d$", RG_AUTH_PBKDF2_ITERATIONS);
  g_auto(GStrv) parts = NULL;
  gboolean rehash = TRUE;

  ck_assert_no_error (error);
  ck_assert (g_str_has_prefix (one, prefix));
  ck_assert (strstr (one, "2468") == NULL);
  ck_assert_str_ne (one, two);             /* salted */
  parts = g_strsplit (one, "$", 0);
  ck_assert_uint_eq (g_strv_length (parts), 4);

  ck_assert (rg_auth_verify_pin ("2468", one, &rehash));
  ck_assert (!rehash);
  ck_assert (rg_auth_verify_pin ("2468", two, NULL));
  ck_assert (!rg_auth_verify_pin ("2469", one, NULL));
  ck_assert (!rg_auth_verify_pin ("24680", one, NULL));
  ck_assert (!rg_auth_verify_pin ("24a8", one, NULL));
  ck_assert (!rg_auth_verify_pin (NULL, one, NULL));
  ck_assert (!rg_auth_verify_pin ("2468", NULL, NULL));

  ck_assert (rg_auth_hash_pin ("24", 0, &error) == NULL);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

START_TEST (test_pin_malformed_hash_never_matches)
{
  g_autofree gchar *good = rg_auth_hash_pin ("2468", 1000, NULL);
  g_auto(GStrv) p = g_strsplit (good, "$", 0);
  g_autofree gchar *scheme = g_strdup_printf ("pbkdf2-sha1$%s$%s$%s", p[1], p[2], p[3]);
  g_autofree gchar *cheap = g_strdup_printf ("%s$999$%s$%s", p[0], p[2], p[3]);
  g_autofree gchar *dear = g_strdup_printf ("%s$999999999$%s$%s", p[0], p[2], p[3]);
  g_autofree gchar *short_hash = g_strdup_printf ("%s$%s$%s$AAAA", p[0], p[1], p[2]);
  g_autofree gchar *no_salt = g_strdup_printf ("%s$%s$$%s", p[0], p[1], p[3]);
  g_autofree gchar *extra = g_strdup_printf ("%s$x", good);
  const gchar *bad[] = { scheme, cheap, dear, short_hash, no_salt, extra, "", "pbkdf2-sha256" };
  gboolean rehash = FALSE;

  ck_assert (rg_auth_verify_pin ("2468", good, &rehash));
  ck_assert (rehash);                      /* 1000 < the current cost */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    ck_assert_msg (!rg_auth_verify_pin ("2468", bad[i], NULL), "matched '%s'", bad[i]);
}
END_TEST

/* ----------------------------------------------------------------- staff */

START_TEST (test_first_owner_then_only_by_owner)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) owner = NULL;
  g_autoptr(RgStaff) li = NULL;
  gint64 before;

  /* only an owner may be the first */
  ck_assert_ptr_null (rg_auth_add_staff (t->db, NULL, "Li", RG_ROLE_WAITER, "1357", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM staff"), 0);

  owner = add_owner (t->db);
  ck_assert_str_eq (rg_staff_get_name (owner), "Mei");
  ck_assert_int_eq (rg_staff_get_role (owner), RG_ROLE_OWNER);
  ck_assert (rg_staff_get_active (owner));
  ck_assert (rg_staff_get_has_pin (owner));
  ck_assert (rg_id_is_valid (rg_staff_get_id (owner)));
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM staff s JOIN setting d ON d.key = 'device_id' "
                    "WHERE s.origin = d.value AND s.updated_hlc > 0 AND s.pin_hash LIKE 'pbkdf2-sha256$%'"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM sync_outbox WHERE tbl = 'staff'"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM audit_log WHERE action = 'staff.add' AND staff_id IS NULL"), 1);

  /* once an owner can sign in, nobody adds staff without one */
  before = count_rows (t->db);
  ck_assert_ptr_null (rg_auth_add_staff (t->db, NULL, "Bo", RG_ROLE_OWNER, "1357", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (t->db), before);

  li = add_staff (t->db, owner, "Li", RG_ROLE_WAITER, "1357");
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM audit_log WHERE action = 'staff.add' AND staff_id IS NOT NULL"), 1);

  before = count_rows (t->db);
  ck_assert_ptr_null (rg_auth_add_staff (t->db, rg_staff_get_id (li), "Bo", RG_ROLE_HOST, "1357", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  ck_assert_str_eq (error->message, "Waiter Li may not manage staff.");
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

START_TEST (test_add_staff_refuses_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  const gchar *owner_id = rg_staff_get_id (owner);
  g_autofree gchar *stranger = rg_id_new ();
  g_autofree gchar *long_name = g_strnfill (RG_AUTH_NAME_MAX + 1, 'a');
  gint64 before = count_rows (t->db);
  struct { const gchar *by, *name, *pin; gint code; } cases[] = {
    { owner_id, "Mei", "1357", RG_ERROR_EXISTS },
    { owner_id, "", "1357", RG_ERROR_INVALID },
    { owner_id, "   ", "1357", RG_ERROR_INVALID },
    { owner_id, "Li\xff", "1357", RG_ERROR_INVALID },
    { owner_id, long_name, "1357", RG_ERROR_INVALID },
    { owner_id, "Li", "13a7", RG_ERROR_INVALID },
    { owner_id, "Li", "135", RG_ERROR_INVALID },
    { stranger, "Li", "1357", RG_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_ptr_null (rg_auth_add_staff (t->db, cases[i].by, cases[i].name, RG_ROLE_WAITER,
                                         cases[i].pin, &error));
      ck_assert_msg (g_error_matches (error, RG_ERROR, cases[i].code), "case %u: %s", i,
                     error ? error->message : "no error");
    }
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

START_TEST (test_staff_without_pin_then_set)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) bo = add_staff (t->db, owner, "Bo", RG_ROLE_HOST, NULL);
  g_autoptr(RgStaff) li = add_staff (t->db, owner, "Li", RG_ROLE_WAITER, "1357");
  g_autoptr(RgStaff) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;

  ck_assert (!rg_staff_get_has_pin (bo));
  ck_assert_ptr_null (rg_auth_unlock (t->db, rg_staff_get_id (bo), "1234", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);

  /* a waiter may not set another's PIN; nothing changes */
  before = count_rows (t->db);
  ck_assert (!rg_auth_set_pin (t->db, rg_staff_get_id (li), rg_staff_get_id (bo), "1234", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert (!rg_auth_set_pin (t->db, rg_staff_get_id (owner), rg_staff_get_id (bo), "12x4", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (t->db), before);

  ck_assert (rg_auth_set_pin (t->db, rg_staff_get_id (owner), rg_staff_get_id (bo), "1234", &error));
  ck_assert_no_error (error);
  unlocked = rg_auth_unlock (t->db, rg_staff_get_id (bo), "1234", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_staff_get_id (unlocked), rg_staff_get_id (bo));

  /* anyone may change their own PIN */
  ck_assert (rg_auth_set_pin (t->db, rg_staff_get_id (li), rg_staff_get_id (li), "97531", &error));
  ck_assert_no_error (error);
  g_clear_object (&unlocked);
  unlocked = rg_auth_unlock (t->db, rg_staff_get_id (li), "97531", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM audit_log WHERE action = 'staff.pin'"), 2);
}
END_TEST

START_TEST (test_owner_without_pin_may_be_given_one)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgStaff) mei = NULL;

  /* as the demo leaves it: staff without PINs */
  ck_assert (rg_db_exec (t->db, "INSERT INTO staff (id, name, role) VALUES "
                         "('0192d9b0-3c1f-7abc-8def-0123456789ab', 'Mei', 'owner'), "
                         "('0192d9b0-3c1f-7abc-8def-0123456789ac', 'Li', 'waiter')", NULL));
  ck_assert (!rg_auth_set_pin (t->db, NULL, "0192d9b0-3c1f-7abc-8def-0123456789ac", "1357", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert (rg_auth_set_pin (t->db, NULL, "0192d9b0-3c1f-7abc-8def-0123456789ab", "2468", &error));
  ck_assert_no_error (error);
  mei = rg_auth_unlock (t->db, "0192d9b0-3c1f-7abc-8def-0123456789ab", "2468", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_staff_get_name (mei), "Mei");

  /* and then the door is shut */
  ck_assert (!rg_auth_set_pin (t->db, NULL, "0192d9b0-3c1f-7abc-8def-0123456789ab", "1111", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
}
END_TEST

START_TEST (test_disable_and_list)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) li = add_staff (t->db, owner, "Li", RG_ROLE_WAITER, "1357");
  g_autoptr(RgStaff) ann = add_staff (t->db, owner, "Ann", RG_ROLE_HOST, "1357");
  g_autoptr(RgStaff) found = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (t->db);

  ck_assert (!rg_auth_disable_staff (t->db, rg_staff_get_id (owner), rg_staff_get_id (owner), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_auth_disable_staff (t->db, rg_staff_get_id (ann), rg_staff_get_id (li), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (t->db), before);

  ck_assert (rg_auth_disable_staff (t->db, rg_staff_get_id (owner), rg_staff_get_id (li), &error));
  ck_assert_no_error (error);
  ck_assert (!rg_auth_disable_staff (t->db, rg_staff_get_id (owner), rg_staff_get_id (li), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_auth_unlock (t->db, rg_staff_get_id (li), "1357", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);

  active = rg_auth_list_staff (t->db, FALSE, &error);
  all = rg_auth_list_staff (t->db, TRUE, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (active), 2);
  ck_assert_uint_eq (g_list_model_get_n_items (all), 3);
  {
    g_autoptr(RgStaff) first = g_list_model_get_item (all, 0);
    g_autoptr(RgStaff) second = g_list_model_get_item (all, 1);

    ck_assert_str_eq (rg_staff_get_name (first), "Ann");
    ck_assert_str_eq (rg_staff_get_name (second), "Li");
    ck_assert (!rg_staff_get_active (second));
  }

  found = rg_auth_find_staff (t->db, "Ann", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_staff_get_id (found), rg_staff_get_id (ann));
  ck_assert_ptr_null (rg_auth_find_staff (t->db, "Nobody", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

/* ---------------------------------------------------------------- unlock */

START_TEST (test_unlock_right_and_wrong)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) li = add_staff (t->db, owner, "Li", RG_ROLE_WAITER, "1357");
  g_autoptr(RgStaff) unlocked = NULL;
  g_autoptr(GError) error = NULL;

  unlocked = rg_auth_unlock (t->db, rg_staff_get_id (li), "1357", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_staff_get_id (unlocked), rg_staff_get_id (li));
  ck_assert_str_eq (rg_staff_get_name (unlocked), "Li");
  ck_assert_int_eq (rg_staff_get_role (unlocked), RG_ROLE_WAITER);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM audit_log WHERE action = 'auth.login'"), 1);

  ck_assert_ptr_null (rg_auth_unlock (t->db, rg_staff_get_id (li), "1358", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  ck_assert_str_eq (error->message, "Wrong PIN for Li (4 more before a lockout).");
  ck_assert_int_eq (failures_of (t->db, li), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed'"), 1);

  /* a right PIN forgets the wrong ones */
  g_clear_error (&error);
  g_clear_object (&unlocked);
  unlocked = rg_auth_unlock (t->db, rg_staff_get_id (li), "1357", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (failures_of (t->db, li), 0);
}
END_TEST

START_TEST (test_unlock_bad_input_changes_nothing)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) li = add_staff (t->db, owner, "Li", RG_ROLE_WAITER, "1357");
  g_autofree gchar *stranger = rg_id_new ();
  gint64 before = count_rows (t->db);
  struct { const gchar *id, *pin; gint code; } cases[] = {
    { NULL, "13a7", RG_ERROR_INVALID },
    { NULL, "135", RG_ERROR_INVALID },
    { NULL, "", RG_ERROR_INVALID },
    { NULL, NULL, RG_ERROR_INVALID },
    { NULL, "123456789", RG_ERROR_INVALID },
    { "", "1357", RG_ERROR_NOT_FOUND },
  };

  cases[5].id = stranger;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const gchar *id = cases[i].id != NULL ? cases[i].id : rg_staff_get_id (li);

      ck_assert_ptr_null (rg_auth_unlock (t->db, id, cases[i].pin, &error));
      ck_assert_msg (g_error_matches (error, RG_ERROR, cases[i].code), "case %u: %s", i,
                     error ? error->message : "no error");
    }
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

START_TEST (test_lockout_grows_and_survives_restart)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) li = add_staff (t->db, owner, "Li", RG_ROLE_WAITER, "1357");
  g_autoptr(RgStaff) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *id = rg_staff_get_id (li);
  gint64 before, remaining;

  for (guint i = 0; i < RG_AUTH_MAX_FAILURES - 1; i++)
    {
      ck_assert_ptr_null (rg_auth_unlock (t->db, id, "0000", &error));
      ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  ck_assert_int_eq (rg_auth_lock_remaining_ms (t->db, id), 0);

  /* the fifth wrong PIN locks for 30 s */
  ck_assert_ptr_null (rg_auth_unlock (t->db, id, "0000", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_LOCKED);
  ck_assert (strstr (error->message, "30 seconds") != NULL);
  g_clear_error (&error);
  remaining = rg_auth_lock_remaining_ms (t->db, id);
  ck_assert_int_gt (remaining, 25000);
  ck_assert_int_le (remaining, 30000);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM audit_log WHERE action = 'auth.lockout'"), 1);

  /* while locked even the right PIN is refused, and nothing is written */
  before = count_rows (t->db);
  ck_assert_ptr_null (rg_auth_unlock (t->db, id, "1357", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_LOCKED);
  ck_assert (strstr (error->message, "try again in 30 seconds") != NULL);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (t->db), before);

  /* restarting the app does not help */
  rg_db_close (t->db);
  t->db = rg_db_open (t->path, &error);
  ck_assert_no_error (error);
  ck_assert_int_gt (rg_auth_lock_remaining_ms (t->db, id), 25000);

  /* once it ends, the next wrong PIN locks for twice as long */
  expire_lockout (t->db);
  ck_assert_ptr_null (rg_auth_unlock (t->db, id, "0000", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_LOCKED);
  ck_assert (strstr (error->message, "1 minute") != NULL);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT lock_ms FROM local_staff_lockout"), 60000);
  expire_lockout (t->db);
  ck_assert_ptr_null (rg_auth_unlock (t->db, id, "0000", &error));
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT lock_ms FROM local_staff_lockout"), 120000);

  /* the owner's new PIN lifts the lockout */
  ck_assert (rg_auth_set_pin (t->db, rg_staff_get_id (owner), id, "8642", &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_auth_lock_remaining_ms (t->db, id), 0);
  unlocked = rg_auth_unlock (t->db, id, "8642", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (failures_of (t->db, li), 0);
}
END_TEST

START_TEST (test_lockout_is_capped)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(GError) error = NULL;

  ck_assert (rg_db_exec (t->db, "INSERT INTO local_staff_lockout (staff_id, failures) "
                         "SELECT id, 40 FROM staff", NULL));
  ck_assert_ptr_null (rg_auth_unlock (t->db, rg_staff_get_id (owner), "0000", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_LOCKED);
  ck_assert (strstr (error->message, "1 hour") != NULL);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT lock_ms FROM local_staff_lockout"),
                    RG_AUTH_LONGEST_LOCK_MS);
  /* a clock set back never makes the wait longer than the lockout */
  ck_assert (rg_db_exec (t->db, "UPDATE local_staff_lockout SET locked_until_ms = locked_until_ms * 2", NULL));
  ck_assert_int_eq (rg_auth_lock_remaining_ms (t->db, rg_staff_get_id (owner)), RG_AUTH_LONGEST_LOCK_MS);
}
END_TEST

START_TEST (test_old_hash_is_remade)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgStaff) owner = add_owner (t->db);
  g_autoptr(RgStaff) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *cheap = rg_auth_hash_pin ("2468", 1000, NULL);
  g_autoptr(RgStmt) stmt = rg_db_prepare (t->db, "UPDATE staff SET pin_hash = ?1", NULL);
  g_autofree gchar *like = g_strdup_printf ("SELECT count(*) FROM staff WHERE pin_hash LIKE 'pbkdf2-sha256$%d$%%'",
                                            RG_AUTH_PBKDF2_ITERATIONS);

  sqlite3_bind_text (stmt, 1, cheap, -1, SQLITE_STATIC);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
  g_clear_pointer (&stmt, rg_stmt_release);
  ck_assert_int_eq (rg_test_query_int (t->db, like), 0);

  unlocked = rg_auth_unlock (t->db, rg_staff_get_id (owner), "2468", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (t->db, like), 1);
  g_clear_object (&unlocked);
  unlocked = rg_auth_unlock (t->db, rg_staff_get_id (owner), "2468", &error);
  ck_assert_no_error (error);
}
END_TEST

/* ------------------------------------------------------------------ idle */

START_TEST (test_idle_lock)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  ck_assert_int_eq (rg_auth_get_idle_lock_ms (t->db), 120000);
  ck_assert (rg_db_set_setting (t->db, "idle_lock_seconds", "300", NULL));
  ck_assert_int_eq (rg_auth_get_idle_lock_ms (t->db), 300000);
  ck_assert (rg_db_set_setting (t->db, "idle_lock_seconds", "soon", NULL));
  ck_assert_int_eq (rg_auth_get_idle_lock_ms (t->db), 120000);
  ck_assert (rg_db_set_setting (t->db, "idle_lock_seconds", "0", NULL));
  ck_assert_int_eq (rg_auth_get_idle_lock_ms (t->db), 120000);

  ck_assert_int_eq (rg_auth_idle_remaining_ms (1000, 1000, 120000), 120000);
  ck_assert_int_eq (rg_auth_idle_remaining_ms (1000, 61000, 120000), 60000);
  ck_assert_int_eq (rg_auth_idle_remaining_ms (1000, 121000, 120000), 0);
  ck_assert_int_eq (rg_auth_idle_remaining_ms (1000, 999999, 120000), 0);
  ck_assert_int_eq (rg_auth_idle_remaining_ms (5000, 1000, 120000), 120000);
}
END_TEST

static Suite *
auth_suite (void)
{
  Suite *s = suite_create ("auth");
  TCase *tc;

  tc = tcase_create ("matrix");
  tcase_add_loop_test (tc, test_matrix_every_role_and_permission, 0, RG_N_ROLES);
  tcase_add_test (tc, test_matrix_message_and_phones);
  tcase_add_test (tc, test_require_refuses_nobody_unknown_disabled);
  tcase_add_test (tc, test_roles_as_text);
  suite_add_tcase (s, tc);

  tc = tcase_create ("pin");
  tcase_add_test (tc, test_pin_shape);
  tcase_add_test (tc, test_pin_hash_and_verify);
  tcase_add_test (tc, test_pin_malformed_hash_never_matches);
  suite_add_tcase (s, tc);

  tc = tcase_create ("staff");
  tcase_add_test (tc, test_first_owner_then_only_by_owner);
  tcase_add_test (tc, test_add_staff_refuses_bad_input);
  tcase_add_test (tc, test_staff_without_pin_then_set);
  tcase_add_test (tc, test_owner_without_pin_may_be_given_one);
  tcase_add_test (tc, test_disable_and_list);
  suite_add_tcase (s, tc);

  tc = tcase_create ("unlock");
  tcase_add_test (tc, test_unlock_right_and_wrong);
  tcase_add_test (tc, test_unlock_bad_input_changes_nothing);
  tcase_add_test (tc, test_lockout_grows_and_survives_restart);
  tcase_add_test (tc, test_lockout_is_capped);
  tcase_add_test (tc, test_old_hash_is_remade);
  suite_add_tcase (s, tc);

  tc = tcase_create ("idle");
  tcase_add_test (tc, test_idle_lock);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (auth_suite ());
}
