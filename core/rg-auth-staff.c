/* rg-auth-staff.c — staff members: their records, adding them, their PINs,
 * disabling them.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-auth-private.h"

#include "rg-audit.h"
#include "rg-id.h"
#include "rg-text.h"

#define STAFF_COLUMNS "id, name, role, active, pin_hash IS NOT NULL FROM staff "

G_DEFINE_FINAL_TYPE (RgStaff, rg_staff, G_TYPE_OBJECT)

/* ----------------------------------------------------------------- staff */

static void
rg_staff_finalize (GObject *object)
{
  RgStaff *self = RG_STAFF (object);

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (rg_staff_parent_class)->finalize (object);
}

static void
rg_staff_class_init (RgStaffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_staff_finalize;
}

static void
rg_staff_init (RgStaff *self)
{
}

const gchar *
rg_staff_get_id (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), NULL);
  return self->id;
}

const gchar *
rg_staff_get_name (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), NULL);
  return self->name;
}

RgRole
rg_staff_get_role (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), RG_ROLE_HOST);
  return self->role;
}

gboolean
rg_staff_get_active (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), FALSE);
  return self->active;
}

gboolean
rg_staff_get_has_pin (RgStaff *self)
{
  g_return_val_if_fail (RG_IS_STAFF (self), FALSE);
  return self->has_pin;
}

/* --------------------------------------------------------------- helpers */

/* Reads the STAFF_COLUMNS of the current row. */
static RgStaff *
staff_from_row (RgStmt *stmt)
{
  RgStaff *self = g_object_new (RG_TYPE_STAFF, NULL);

  self->id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  self->name = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  if (!rg_role_from_string ((const gchar *) sqlite3_column_text (stmt, 2), &self->role, NULL))
    self->role = RG_ROLE_HOST;
  self->active = sqlite3_column_int (stmt, 3) != 0;
  self->has_pin = sqlite3_column_int (stmt, 4) != 0;
  return self;
}

/* Steps @stmt, which selects STAFF_COLUMNS of at most one staff member. */
static RgStaff *
fetch_staff (RgDb         *db,
             RgStmt       *stmt,
             const gchar  *what,
             GError      **error)
{
  g_autofree gchar *quoted = rg_text_quote_for_message (what);
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return staff_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "There is no staff member %s.", quoted);
  else
    rg_db_set_error (db, error, "reading the staff member %s", quoted);
  return NULL;
}

/* Whether any active owner can unlock; while none can, a terminal is
 * still being set up and its first owner may be made without one. */
static gboolean
owner_has_pin (RgDb     *db,
               gboolean *out,
               GError  **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'owner' AND active = 1 "
      "AND deleted = 0 AND pin_hash IS NOT NULL)", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the owners");
  *out = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* May @by_staff_id change staff (give @role a PIN, add one of @role)?
 * %NULL is the set-up: only an owner, only while no owner can unlock. */
static gboolean
may_manage_staff (RgDb         *db,
                  const gchar  *by_staff_id,
                  RgRole        role,
                  GError      **error)
{
  gboolean has_owner = FALSE;

  if (by_staff_id != NULL)
    return rg_auth_require (db, by_staff_id, RG_PERMISSION_MANAGE_STAFF, error);
  if (!owner_has_pin (db, &has_owner, error))
    return FALSE;
  if (role == RG_ROLE_OWNER && !has_owner)
    return TRUE;
  g_set_error (error, RG_ERROR, RG_ERROR_PERMISSION,
               "Only an owner may manage staff: unlock the terminal as an owner first.");
  return FALSE;
}

/* ------------------------------------------------------------ public API */

RgStaff *
rg_auth_add_staff (RgDb         *db,
                   const gchar  *by_staff_id,
                   const gchar  *name,
                   RgRole        role,
                   const gchar  *pin,
                   GError      **error)
{
  g_autofree gchar *clean = NULL;
  g_autofree gchar *encoded = NULL;
  g_autofree gchar *id = NULL;
  g_autofree gchar *detail = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (role < RG_N_ROLES, NULL);

  clean = rg_text_check (name, "the staff member's name", RG_AUTH_NAME_MAX, error);
  if (clean == NULL)
    return NULL;
  if (pin != NULL && (encoded = rg_auth_hash_pin (pin, 0, error)) == NULL)
    return NULL;

  txn = rg_db_begin (db, error);
  if (txn == NULL || !may_manage_staff (db, by_staff_id, role, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "INSERT INTO staff (id, name, role, pin_hash, active, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)", error);
  if (stmt == NULL)
    return NULL;
  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rg_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, encoded, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (rg_db_get_handle (db)) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_EXISTS,
                       "There is already a staff member called %s.", clean);
          return NULL;
        }
      rg_db_set_error (db, error, "adding the staff member %s", clean);
      return NULL;
    }

  detail = g_strdup_printf ("%s, %s", clean, rg_role_to_string (role));
  if (!rg_audit_log (db, by_staff_id, "staff.add", id, detail, error) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return rg_auth_get_staff (db, id, error);
}

gboolean
rg_auth_set_pin (RgDb         *db,
                 const gchar  *by_staff_id,
                 const gchar  *staff_id,
                 const gchar  *pin,
                 GError      **error)
{
  g_autoptr(RgStaff) staff = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  g_autofree gchar *encoded = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (staff_id != NULL, FALSE);

  encoded = rg_auth_hash_pin (pin, 0, error);
  if (encoded == NULL)
    return FALSE;
  txn = rg_db_begin (db, error);
  if (txn == NULL || (staff = rg_auth_get_staff (db, staff_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (by_staff_id, staff->id) == 0)
    {
      if (!_rg_auth_check_active (staff, "change their PIN", error))
        return FALSE;
    }
  else if (!may_manage_staff (db, by_staff_id, staff->role, error))
    return FALSE;

  return _rg_auth_write_pin_hash (db, staff->id, encoded, error) &&
         _rg_auth_clear_lockout (db, staff->id, error) &&
         rg_audit_log (db, by_staff_id, "staff.pin", staff->id, staff->name, error) &&
         rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
rg_auth_disable_staff (RgDb         *db,
                       const gchar  *by_staff_id,
                       const gchar  *staff_id,
                       GError      **error)
{
  g_autoptr(RgStaff) staff = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) owners = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (staff_id != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !rg_auth_require (db, by_staff_id, RG_PERMISSION_MANAGE_STAFF, error) ||
      (staff = rg_auth_get_staff (db, staff_id, error)) == NULL)
    return FALSE;
  if (!staff->active)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s is already disabled.", staff->name);
      return FALSE;
    }
  if (staff->role == RG_ROLE_OWNER)
    {
      owners = rg_db_prepare (db,
          "SELECT count(*) FROM staff WHERE role = 'owner' AND active = 1 AND deleted = 0", error);
      if (owners == NULL)
        return FALSE;
      if (sqlite3_step (owners) != SQLITE_ROW)
        return rg_db_set_error (db, error, "counting the owners");
      if (sqlite3_column_int64 (owners, 0) <= 1)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "%s is the only owner and cannot be disabled.", staff->name);
          return FALSE;
        }
    }

  stmt = rg_db_prepare (db,
      "UPDATE staff SET active = 0, updated_hlc = ?2, origin = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 3, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "disabling %s", staff->name);

  return rg_audit_log (db, by_staff_id, "staff.disable", staff->id, staff->name, error) &&
         rg_transaction_commit (g_steal_pointer (&txn), error);
}

RgStaff *
rg_auth_get_staff (RgDb         *db,
                   const gchar  *staff_id,
                   GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = rg_db_prepare (db, "SELECT " STAFF_COLUMNS "WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  return fetch_staff (db, stmt, staff_id, error);
}

RgStaff *
rg_auth_find_staff (RgDb         *db,
                    const gchar  *name,
                    GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = rg_db_prepare (db, "SELECT " STAFF_COLUMNS "WHERE name = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return fetch_staff (db, stmt, name, error);
}

GListModel *
rg_auth_list_staff (RgDb      *db,
                    gboolean   include_inactive,
                    GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_STAFF);
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = rg_db_prepare (db,
      "SELECT " STAFF_COLUMNS "WHERE deleted = 0 AND (?1 OR active = 1) ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgStaff) staff = staff_from_row (stmt);

      g_list_store_append (store, staff);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "listing the staff");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
