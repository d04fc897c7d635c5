/* rg-auth.c — roles and the matrix of what each role may do, PINs,
 * unlocking, the lockout after wrong PINs, and the idle lock.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-auth-private.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "rg-audit.h"
#include "rg-id.h"
#include "rg-text.h"

#define PIN_SCHEME        "pbkdf2-sha256"
#define PIN_SALT_BYTES    16
#define PIN_HASH_BYTES    32
#define PIN_MIN_COST      1000
#define PIN_MAX_COST      10000000
#define IDLE_LOCK_MIN_S   10
#define IDLE_LOCK_MAX_S   86400

/* ---------------------------------------------------------------- matrix */

static const gchar * const role_names[RG_N_ROLES] = {
  [RG_ROLE_HOST] = "host",
  [RG_ROLE_WAITER] = "waiter",
  [RG_ROLE_MANAGER] = "manager",
  [RG_ROLE_OWNER] = "owner",
};

/* DESIGN.md, "Roles": who may do what.  Columns: host, waiter, manager,
 * owner.  A manager may do all a host and a waiter may; an owner all. */
static const struct
{
  const gchar *describe;
  gboolean     may[RG_N_ROLES];
} matrix[RG_N_PERMISSIONS] = {
  /*                                                    host   waiter manager owner */
  [RG_PERMISSION_LOOKUP_GUESTS]  = { "look up guests",          { TRUE,  FALSE, TRUE,  TRUE } },
  [RG_PERMISSION_ENROL_GUESTS]   = { "enrol guests",            { TRUE,  FALSE, TRUE,  TRUE } },
  [RG_PERMISSION_SEAT]           = { "seat guests",             { TRUE,  FALSE, TRUE,  TRUE } },
  [RG_PERMISSION_VIEW_PREFS]     = { "see guests' preferences", { TRUE,  TRUE,  TRUE,  TRUE } },
  [RG_PERMISSION_RUN_TABLES]     = { "run tables",              { FALSE, TRUE,  TRUE,  TRUE } },
  [RG_PERMISSION_TAKE_ORDERS]    = { "take orders",             { FALSE, TRUE,  TRUE,  TRUE } },
  [RG_PERMISSION_EDIT_PREFS]     = { "note guests' preferences", { FALSE, TRUE,  TRUE,  TRUE } },
  [RG_PERMISSION_LOG_FEEDBACK]   = { "log feedback",            { FALSE, TRUE,  TRUE,  TRUE } },
  [RG_PERMISSION_EDIT_MENU]      = { "change the menu",         { FALSE, FALSE, TRUE,  TRUE } },
  [RG_PERMISSION_EDIT_FLOOR]     = { "change the floor plan",   { FALSE, FALSE, TRUE,  TRUE } },
  [RG_PERMISSION_VOID_LINES]     = { "void order lines",        { FALSE, FALSE, TRUE,  TRUE } },
  [RG_PERMISSION_SEE_PHONES]     = { "see full phone numbers",  { FALSE, FALSE, TRUE,  TRUE } },
  [RG_PERMISSION_VIEW_REPORTS]   = { "view reports",            { FALSE, FALSE, FALSE, TRUE } },
  [RG_PERMISSION_EXPORT]         = { "export data",             { FALSE, FALSE, FALSE, TRUE } },
  [RG_PERMISSION_MANAGE_STAFF]   = { "manage staff",            { FALSE, FALSE, FALSE, TRUE } },
  [RG_PERMISSION_MANAGE_DEVICES] = { "manage terminals",        { FALSE, FALSE, FALSE, TRUE } },
  [RG_PERMISSION_GUEST_DATA]     = { "export or erase a guest's data", { FALSE, FALSE, FALSE, TRUE } },
  [RG_PERMISSION_VIEW_AUDIT]     = { "read the audit log",      { FALSE, FALSE, FALSE, TRUE } },
};

/* --------------------------------------------------------------- helpers */

/* "Waiter Li", for messages. */
static gchar *
dup_title (RgStaff *staff)
{
  const gchar *role = role_names[staff->role];

  return g_strdup_printf ("%c%s %s", g_ascii_toupper (role[0]), role + 1, staff->name);
}

/* Milliseconds in words, rounded up: "30 seconds", "2 minutes", "1 hour". */
static gchar *
dup_duration (gint64 ms)
{
  gint64 s = (ms + 999) / 1000;

  if (s < 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT " second%s", s, s == 1 ? "" : "s");
  if (s < 3600)
    {
      gint64 m = (s + 59) / 60;

      return g_strdup_printf ("%" G_GINT64_FORMAT " minute%s", m, m == 1 ? "" : "s");
    }
  s = (s + 3599) / 3600;
  return g_strdup_printf ("%" G_GINT64_FORMAT " hour%s", s, s == 1 ? "" : "s");
}

/* Disabled staff can neither sign in nor act. */
gboolean
_rg_auth_check_active (RgStaff      *staff,
                       const gchar  *to_do,
                       GError      **error)
{
  if (staff->active)
    return TRUE;
  g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION, "%s is disabled and may not %s.",
               staff->name, to_do);
  return FALSE;
}

gboolean
_rg_auth_write_pin_hash (RgDb         *db,
                         const gchar  *staff_id,
                         const gchar  *encoded,
                         GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "UPDATE staff SET pin_hash = ?2, updated_hlc = ?3, origin = ?4 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, encoded, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "saving the PIN");
  return TRUE;
}

gboolean
_rg_auth_clear_lockout (RgDb         *db,
                        const gchar  *staff_id,
                        GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "DELETE FROM local_staff_lockout WHERE staff_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "clearing the lockout");
  return TRUE;
}

/* Counts one more wrong PIN; *@lock_ms is the lockout it starts, or 0. */
static gboolean
count_failure (RgDb         *db,
               const gchar  *staff_id,
               gint64       *failures,
               gint64       *lock_ms,
               GError      **error)
{
  g_autoptr(RgStmt) read = rg_db_prepare (db,
      "SELECT failures FROM local_staff_lockout WHERE staff_id = ?1", error);
  g_autoptr(RgStmt) write = NULL;
  int rc;

  if (read == NULL)
    return FALSE;
  sqlite3_bind_text (read, 1, staff_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (read);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the wrong PINs");
  *failures = (rc == SQLITE_ROW ? sqlite3_column_int64 (read, 0) : 0) + 1;

  *lock_ms = 0;
  if (*failures >= RG_AUTH_MAX_FAILURES)
    {
      gint64 doublings = MIN (*failures - RG_AUTH_MAX_FAILURES, 20);

      *lock_ms = MIN ((gint64) RG_AUTH_FIRST_LOCK_MS << doublings, RG_AUTH_LONGEST_LOCK_MS);
    }

  write = rg_db_prepare (db,
      "INSERT OR REPLACE INTO local_staff_lockout (staff_id, failures, locked_until_ms, lock_ms) "
      "VALUES (?1, ?2, ?3, ?4)", error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_text (write, 1, staff_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (write, 2, *failures);
  sqlite3_bind_int64 (write, 3, *lock_ms > 0 ? rg_now_ms () + *lock_ms : 0);
  sqlite3_bind_int64 (write, 4, *lock_ms);
  if (sqlite3_step (write) != SQLITE_DONE)
    return rg_db_set_error (db, error, "counting a wrong PIN");
  return TRUE;
}

/* A wrong PIN: counted and audited, then reported in @error. */
static void
fail_unlock (RgDb     *db,
             RgStaff  *staff,
             GError  **error)
{
  g_autoptr(RgTransaction) txn = rg_db_begin (db, error);
  g_autofree gchar *detail = NULL;
  gint64 failures = 0, lock_ms = 0;

  if (txn == NULL ||
      !count_failure (db, staff->id, &failures, &lock_ms, error))
    return;
  detail = g_strdup_printf ("wrong PIN %" G_GINT64_FORMAT " in a row", failures);
  if (!rg_audit_log (db, staff->id, "auth.login_failed", staff->id, detail, error))
    return;
  if (lock_ms > 0)
    {
      g_autofree gchar *lasting = dup_duration (lock_ms);
      g_autofree gchar *why = g_strdup_printf ("locked out for %s", lasting);

      if (!rg_audit_log (db, staff->id, "auth.lockout", staff->id, why, error) ||
          !rg_transaction_commit (g_steal_pointer (&txn), error))
        return;
      g_set_error (error, RG_ERROR, RG_ERROR_LOCKED,
                   "Wrong PIN. %s is locked out after %" G_GINT64_FORMAT " wrong PINs: "
                   "try again in %s.", staff->name, failures, lasting);
      return;
    }
  if (!rg_transaction_commit (g_steal_pointer (&txn), error))
    return;
  g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
               "Wrong PIN for %s (%" G_GINT64_FORMAT " more before a lockout).",
               staff->name, RG_AUTH_MAX_FAILURES - failures);
}

/* A right PIN: the lockout cleared, an old hash remade, the login audited. */
static gboolean
pass_unlock (RgDb         *db,
             RgStaff      *staff,
             const gchar  *pin,
             gboolean      rehash,
             GError      **error)
{
  g_autoptr(RgTransaction) txn = rg_db_begin (db, error);

  if (txn == NULL || !_rg_auth_clear_lockout (db, staff->id, error))
    return FALSE;
  if (rehash)
    {
      g_autofree gchar *encoded = rg_auth_hash_pin (pin, 0, error);

      if (encoded == NULL || !_rg_auth_write_pin_hash (db, staff->id, encoded, error))
        return FALSE;
    }
  return rg_audit_log (db, staff->id, "auth.login", staff->id, NULL, error) &&
         rg_transaction_commit (g_steal_pointer (&txn), error);
}

static gboolean
derive_key (const gchar *pin,
            const guchar *salt,
            gsize         salt_len,
            guint         iterations,
            guchar        out[PIN_HASH_BYTES])
{
  return PKCS5_PBKDF2_HMAC (pin, (int) strlen (pin), salt, (int) salt_len, (int) iterations,
                            EVP_sha256 (), PIN_HASH_BYTES, out) == 1;
}

/* ------------------------------------------------------------ public API */

const gchar *
rg_role_to_string (RgRole role)
{
  g_return_val_if_fail (role < RG_N_ROLES, NULL);
  return role_names[role];
}

gboolean
rg_role_from_string (const gchar  *text,
                     RgRole       *role,
                     GError      **error)
{
  for (guint i = 0; i < RG_N_ROLES; i++)
    if (text != NULL && g_ascii_strcasecmp (text, role_names[i]) == 0)
      {
        *role = (RgRole) i;
        return TRUE;
      }

  {
    g_autofree gchar *quoted = rg_text_quote_for_message (text);

    g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                 "'%s' is not a role: a staff member is a host, waiter, manager or owner.", quoted);
  }
  return FALSE;
}

const gchar *
rg_permission_describe (RgPermission permission)
{
  g_return_val_if_fail (permission < RG_N_PERMISSIONS, NULL);
  return matrix[permission].describe;
}

gboolean
rg_auth_role_may (RgRole       role,
                  RgPermission permission)
{
  g_return_val_if_fail (role < RG_N_ROLES, FALSE);
  g_return_val_if_fail (permission < RG_N_PERMISSIONS, FALSE);
  return matrix[permission].may[role];
}

gboolean
rg_auth_may_see_phone (RgRole role)
{
  return rg_auth_role_may (role, RG_PERMISSION_SEE_PHONES);
}

gboolean
rg_auth_check_pin (const gchar  *pin,
                   GError      **error)
{
  gsize len = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "A PIN is %d to %d digits, nothing else.", RG_AUTH_PIN_MIN, RG_AUTH_PIN_MAX);
        return FALSE;
      }
  if (len < RG_AUTH_PIN_MIN || len > RG_AUTH_PIN_MAX)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "A PIN is %d to %d digits; this one has %"
                   G_GSIZE_FORMAT ".", RG_AUTH_PIN_MIN, RG_AUTH_PIN_MAX, len);
      return FALSE;
    }
  return TRUE;
}

gchar *
rg_auth_hash_pin (const gchar  *pin,
                  guint         iterations,
                  GError      **error)
{
  guchar salt[PIN_SALT_BYTES];
  guchar key[PIN_HASH_BYTES];
  g_autofree gchar *salt64 = NULL;
  g_autofree gchar *key64 = NULL;

  if (!rg_auth_check_pin (pin, error))
    return NULL;
  if (iterations == 0)
    iterations = RG_AUTH_PBKDF2_ITERATIONS;
  g_return_val_if_fail (iterations >= PIN_MIN_COST && iterations <= PIN_MAX_COST, NULL);

  if (RAND_bytes (salt, sizeof salt) != 1 ||
      !derive_key (pin, salt, sizeof salt, iterations, key))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_IO,
                   "Saving the PIN: the system's random numbers or hash failed.");
      return NULL;
    }
  salt64 = g_base64_encode (salt, sizeof salt);
  key64 = g_base64_encode (key, sizeof key);
  OPENSSL_cleanse (key, sizeof key);
  return g_strdup_printf (PIN_SCHEME "$%u$%s$%s", iterations, salt64, key64);
}

gboolean
rg_auth_verify_pin (const gchar *pin,
                    const gchar *encoded,
                    gboolean    *needs_rehash)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guchar *salt = NULL;
  g_autofree guchar *want = NULL;
  guchar key[PIN_HASH_BYTES];
  gsize salt_len = 0, want_len = 0;
  guint64 iterations = 0;
  gboolean same;

  if (pin == NULL || encoded == NULL || !rg_auth_check_pin (pin, NULL))
    return FALSE;
  parts = g_strsplit (encoded, "$", 0);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], PIN_SCHEME) != 0 ||
      !g_ascii_string_to_unsigned (parts[1], 10, PIN_MIN_COST, PIN_MAX_COST, &iterations, NULL))
    return FALSE;
  salt = g_base64_decode (parts[2], &salt_len);
  want = g_base64_decode (parts[3], &want_len);
  if (salt_len < 8 || want_len != PIN_HASH_BYTES ||
      !derive_key (pin, salt, salt_len, (guint) iterations, key))
    return FALSE;

  same = CRYPTO_memcmp (key, want, PIN_HASH_BYTES) == 0;
  OPENSSL_cleanse (key, sizeof key);
  if (needs_rehash != NULL)
    *needs_rehash = iterations < RG_AUTH_PBKDF2_ITERATIONS;
  return same;
}

RgStaff *
rg_auth_unlock (RgDb         *db,
                const gchar  *staff_id,
                const gchar  *pin,
                GError      **error)
{
  g_autoptr(RgStaff) staff = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *encoded = NULL;
  gboolean rehash = FALSE;
  gint64 remaining;

  g_return_val_if_fail (db != NULL, NULL);

  if (!rg_auth_check_pin (pin, error) ||
      (staff = rg_auth_get_staff (db, staff_id, error)) == NULL)
    return NULL;
  if (!_rg_auth_check_active (staff, "sign in", error))
    return NULL;
  remaining = rg_auth_lock_remaining_ms (db, staff->id);
  if (remaining > 0)
    {
      g_autofree gchar *lasting = dup_duration (remaining);

      g_set_error (error, RG_ERROR, RG_ERROR_LOCKED,
                   "%s is locked out after too many wrong PINs: try again in %s.",
                   staff->name, lasting);
      return NULL;
    }

  stmt = rg_db_prepare (db, "SELECT pin_hash FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, staff->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rg_db_set_error (db, error, "reading the PIN of %s", staff->name);
      return NULL;
    }
  encoded = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, rg_stmt_release);
  if (encoded == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
                   "%s has no PIN yet: an owner must set one.", staff->name);
      return NULL;
    }

  if (!rg_auth_verify_pin (pin, encoded, &rehash))
    {
      fail_unlock (db, staff, error);
      return NULL;
    }
  if (!pass_unlock (db, staff, pin, rehash, error))
    return NULL;
  return g_steal_pointer (&staff);
}

gint64
rg_auth_lock_remaining_ms (RgDb        *db,
                           const gchar *staff_id)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, 0);

  stmt = rg_db_prepare (db,
      "SELECT locked_until_ms, lock_ms FROM local_staff_lockout WHERE staff_id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  /* never longer than the lockout itself, even if the clock went back */
  return CLAMP (sqlite3_column_int64 (stmt, 0) - rg_now_ms (), 0, sqlite3_column_int64 (stmt, 1));
}

gboolean
rg_auth_require (RgDb          *db,
                 const gchar   *staff_id,
                 RgPermission   permission,
                 GError       **error)
{
  g_autoptr(RgStaff) staff = NULL;
  g_autofree gchar *title = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (permission < RG_N_PERMISSIONS, FALSE);

  if (staff_id == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
                   "Nobody is signed in: unlock the terminal with a PIN to %s.",
                   matrix[permission].describe);
      return FALSE;
    }
  staff = rg_auth_get_staff (db, staff_id, error);
  if (staff == NULL)
    return FALSE;
  if (!_rg_auth_check_active (staff, matrix[permission].describe, error))
    return FALSE;
  if (matrix[permission].may[staff->role])
    return TRUE;
  title = dup_title (staff);
  g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION, "%s may not %s.",
               title, matrix[permission].describe);
  return FALSE;
}

gint64
rg_auth_get_idle_lock_ms (RgDb *db)
{
  g_autofree gchar *value = NULL;
  guint64 seconds = RG_AUTH_IDLE_LOCK_DEFAULT;

  g_return_val_if_fail (db != NULL, RG_AUTH_IDLE_LOCK_DEFAULT * 1000);

  value = rg_db_dup_setting (db, "idle_lock_seconds");
  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, IDLE_LOCK_MIN_S, IDLE_LOCK_MAX_S, &seconds, NULL))
    seconds = RG_AUTH_IDLE_LOCK_DEFAULT;
  return (gint64) seconds * 1000;
}

gint64
rg_auth_idle_remaining_ms (gint64 last_activity_ms,
                           gint64 now_ms,
                           gint64 idle_lock_ms)
{
  if (now_ms < last_activity_ms)
    return MAX (idle_lock_ms, 0);
  return CLAMP (idle_lock_ms - (now_ms - last_activity_ms), 0, MAX (idle_lock_ms, 0));
}
