/* rg-floor-zones.c — the zones of a branch's floor.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-floor-private.h"

#include "rg-auth.h"
#include "rg-id.h"
#include "rg-text.h"

RgZone *
_rg_floor_get_zone (RgDb         *db,
                    const gchar  *zone_id,
                    GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT id, branch_id, name, kind FROM zone WHERE id = ? AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, zone_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _rg_floor_zone_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no zone with the id %s", zone_id);
  else
    rg_db_set_error (db, error, "reading the zone %s", zone_id);
  return NULL;
}

/* Checks a zone name and that no other live zone of the branch has it. */
static gchar *
check_zone_name (RgDb         *db,
                 const gchar  *branch_id,
                 const gchar  *name,
                 const gchar  *except_id,
                 GError      **error)
{
  g_autofree gchar *clean = rg_text_check (name, "the zone's name", RG_FLOOR_NAME_MAX, error);
  g_autoptr(RgStmt) stmt = NULL;

  if (clean == NULL)
    return NULL;
  stmt = rg_db_prepare (db,
      "SELECT 1 FROM zone WHERE branch_id = ?1 AND name = ?2 COLLATE NOCASE "
      "AND deleted = 0 AND id IS NOT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, except_id, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_DONE:
      return g_steal_pointer (&clean);
    case SQLITE_ROW:
      g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "the branch already has a zone called %s", clean);
      return NULL;
    default:
      rg_db_set_error (db, error, "checking the zone %s", clean);
      return NULL;
    }
}

RgZone *
rg_floor_add_zone (RgDb         *db,
                   const gchar  *staff_id,
                   const gchar  *branch_id,
                   const gchar  *name,
                   RgZoneKind    kind,
                   GError      **error)
{
  g_autofree gchar *clean = NULL;
  g_autofree gchar *id = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);
  g_return_val_if_fail (kind >= RG_ZONE_MAIN && kind <= RG_ZONE_PRIVATE, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_FLOOR, error))
    return NULL;

  if (!_rg_service_check_branch (db, branch_id, error))
    return NULL;
  clean = check_zone_name (db, branch_id, name, NULL, error);
  if (clean == NULL)
    return NULL;

  stmt = rg_db_prepare (db,
      "INSERT INTO zone (id, branch_id, name, kind, updated_hlc, origin) VALUES (?, ?, ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return NULL;
  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, rg_zone_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "adding the zone %s", clean);
      return NULL;
    }
  return _rg_floor_get_zone (db, id, error);
}

RgZone *
rg_floor_edit_zone (RgDb         *db,
                    const gchar  *staff_id,
                    const gchar  *zone_id,
                    const gchar  *name,
                    RgZoneKind    kind,
                    GError      **error)
{
  g_autoptr(RgZone) zone = NULL;
  g_autofree gchar *clean = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (zone_id != NULL, NULL);
  g_return_val_if_fail (kind >= RG_ZONE_MAIN && kind <= RG_ZONE_PRIVATE, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_FLOOR, error))
    return NULL;

  zone = _rg_floor_get_zone (db, zone_id, error);
  if (zone == NULL)
    return NULL;
  clean = check_zone_name (db, zone->branch_id, name, zone_id, error);
  if (clean == NULL)
    return NULL;

  stmt = rg_db_prepare (db,
      "UPDATE zone SET name = ?2, kind = ?3, updated_hlc = ?4, origin = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, zone_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rg_zone_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 5, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "changing the zone %s", zone->name);
      return NULL;
    }
  return _rg_floor_get_zone (db, zone_id, error);
}

GListModel *
rg_floor_list_zones (RgDb         *db,
                     const gchar  *branch_id,
                     GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);

  stmt = rg_db_prepare (db,
      "SELECT id, branch_id, name, kind FROM zone WHERE branch_id = ? AND deleted = 0 "
      "ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  rows = _rg_floor_collect_rows (db, stmt, _rg_floor_zone_from_row, "reading the zones", error);
  if (rows == NULL)
    return NULL;
  return _rg_floor_store_from_array (RG_TYPE_ZONE, rows);
}

