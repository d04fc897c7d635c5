/* rg-floor.c — zones, tables, their status, and the live floor plan.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-floor-private.h"

#include <math.h>
#include <string.h>

#include "rg-auth.h"
#include "rg-id.h"
#include "rg-menu.h"
#include "rg-text.h"

#define MAX_SEATS 200

#define TABLE_FROM \
  "dining_table t LEFT JOIN zone z ON z.id = t.zone_id AND z.deleted = 0"

/* --------------------------------------------------------------- helpers */

static gboolean
set_table_not_found (GError      **error,
                     const gchar  *table_id)
{
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no table with the id %s", table_id);
  return FALSE;
}

static gint
compare_tables (gconstpointer a,
                gconstpointer b)
{
  const RgDiningTable *ta = *(RgDiningTable * const *) a;
  const RgDiningTable *tb = *(RgDiningTable * const *) b;

  return strcmp (ta->sort_key, tb->sort_key);
}

GPtrArray *
_rg_floor_collect_rows (RgDb         *db,
                        RgStmt       *stmt,
                        gpointer    (*make) (RgStmt *),
                        const gchar  *doing,
                        GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, make (stmt));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "%s", doing);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GListModel *
_rg_floor_store_from_array (GType      type,
                            GPtrArray *rows)
{
  GListStore *store = g_list_store_new (type);

  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

gboolean
_rg_service_check_row (RgDb         *db,
                       const gchar  *table,
                       const gchar  *id,
                       const gchar  *what,
                       GError      **error)
{
  static const gchar * const queries[][2] = {
    { "branch", "SELECT 1 FROM branch WHERE id = ? AND deleted = 0" },
    { "guest", "SELECT 1 FROM guest WHERE id = ? AND deleted = 0" },
    { "staff", "SELECT 1 FROM staff WHERE id = ? AND deleted = 0" },
    { "zone", "SELECT 1 FROM zone WHERE id = ? AND deleted = 0" },
  };
  const gchar *sql = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    if (strcmp (queries[i][0], table) == 0)
      sql = queries[i][1];
  g_return_val_if_fail (sql != NULL, FALSE);

  stmt = rg_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return TRUE;
    case SQLITE_DONE:
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no %s with the id %s", what, id);
      return FALSE;
    default:
      return rg_db_set_error (db, error, "looking up the %s %s", what, id);
    }
}

gboolean
_rg_service_check_branch (RgDb         *db,
                          const gchar  *branch_id,
                          GError      **error)
{
  return _rg_service_check_row (db, "branch", branch_id, "branch", error);
}

/* --------------------------------------------------------------- tables */

typedef struct
{
  gchar *name;
  gchar *features;
  gdouble width;
  gdouble height;
} CleanTable;

static void
clean_table_clear (CleanTable *clean)
{
  g_free (clean->name);
  g_free (clean->features);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanTable, clean_table_clear)

static gboolean
check_zone_of_branch (RgDb         *db,
                      const gchar  *zone_id,
                      const gchar  *branch_id,
                      GError      **error)
{
  g_autoptr(RgZone) zone = NULL;

  if (zone_id == NULL)
    return TRUE;
  zone = _rg_floor_get_zone (db, zone_id, error);
  if (zone == NULL)
    return FALSE;
  if (strcmp (zone->branch_id, branch_id) != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the zone %s belongs to another branch", zone->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_table_name_free (RgDb         *db,
                       const gchar  *branch_id,
                       const gchar  *name,
                       const gchar  *except_id,
                       GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT 1 FROM dining_table WHERE branch_id = ?1 AND name = ?2 COLLATE NOCASE "
      "AND deleted = 0 AND id IS NOT ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, except_id, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_DONE:
      return TRUE;
    case SQLITE_ROW:
      g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "the branch already has a table called %s", name);
      return FALSE;
    default:
      return rg_db_set_error (db, error, "checking the table %s", name);
    }
}

static gboolean
clean_table_spec (RgDb                     *db,
                  const gchar              *branch_id,
                  const gchar              *except_id,
                  const RgDiningTableSpec  *spec,
                  CleanTable               *clean,
                  GError                  **error)
{
  g_auto(GStrv) features = NULL;

  clean->name = rg_text_check (spec->name, "the table's name", RG_FLOOR_NAME_MAX, error);
  if (clean->name == NULL)
    return FALSE;
  if (spec->seats < 1 || spec->seats > MAX_SEATS)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "table %s: seats must be between 1 and %d", clean->name, MAX_SEATS);
      return FALSE;
    }
  if (!isfinite (spec->x) || !isfinite (spec->y) || !isfinite (spec->width) ||
      !isfinite (spec->height) || spec->x < 0 || spec->y < 0 || spec->width < 0 ||
      spec->height < 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "table %s: its place and size on the plan cannot be negative", clean->name);
      return FALSE;
    }
  g_return_val_if_fail (spec->shape == RG_TABLE_RECT || spec->shape == RG_TABLE_ROUND, FALSE);
  clean->width = spec->width > 0 ? spec->width : 1.0;
  clean->height = spec->height > 0 ? spec->height : 1.0;

  features = rg_menu_normalize_words (spec->features, "the table's feature", error);
  if (features == NULL)
    return FALSE;
  clean->features = g_strjoinv (",", features);

  return check_zone_of_branch (db, spec->zone_id, branch_id, error) &&
         check_table_name_free (db, branch_id, clean->name, except_id, error);
}

RgDiningTable *
rg_floor_get_table (RgDb         *db,
                    const gchar  *table_id,
                    GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (table_id != NULL, NULL);

  stmt = rg_db_prepare (db,
      "SELECT " RG_FLOOR_TABLE_COLUMNS " FROM " TABLE_FROM " WHERE t.id = ? AND t.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _rg_floor_table_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_table_not_found (error, table_id);
  else
    rg_db_set_error (db, error, "reading the table %s", table_id);
  return NULL;
}

RgDiningTable *
rg_floor_find_table (RgDb         *db,
                     const gchar  *branch_id,
                     const gchar  *name,
                     GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *clean = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);

  clean = rg_text_check (name, "the table's name", RG_FLOOR_NAME_MAX, error);
  if (clean == NULL)
    return NULL;
  stmt = rg_db_prepare (db,
      "SELECT " RG_FLOOR_TABLE_COLUMNS " FROM " TABLE_FROM " "
      "WHERE t.branch_id = ? AND t.name = ? COLLATE NOCASE AND t.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _rg_floor_table_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no table %s in this branch", clean);
  else
    rg_db_set_error (db, error, "looking up the table %s", clean);
  return NULL;
}

static gboolean
bind_and_write_table (RgDb                     *db,
                      RgStmt                   *stmt,
                      const gchar              *id,
                      const gchar              *branch_id,
                      const RgDiningTableSpec  *spec,
                      const CleanTable         *clean,
                      GError                  **error)
{
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, spec->zone_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, spec->seats);
  sqlite3_bind_double (stmt, 6, spec->x);
  sqlite3_bind_double (stmt, 7, spec->y);
  sqlite3_bind_double (stmt, 8, clean->width);
  sqlite3_bind_double (stmt, 9, clean->height);
  sqlite3_bind_text (stmt, 10, rg_table_shape_to_string (spec->shape), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, clean->features, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 13, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "saving the table %s", clean->name);
  return TRUE;
}

RgDiningTable *
rg_floor_add_table (RgDb                     *db,
                    const gchar              *staff_id,
                    const gchar              *branch_id,
                    const RgDiningTableSpec  *spec,
                    GError                  **error)
{
  g_auto(CleanTable) clean = { NULL, };
  g_autofree gchar *id = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_FLOOR, error))
    return NULL;

  if (!_rg_service_check_branch (db, branch_id, error) ||
      !clean_table_spec (db, branch_id, NULL, spec, &clean, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "INSERT INTO dining_table (id, branch_id, zone_id, name, seats, x, y, width, height, "
      "                          shape, features, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (stmt == NULL)
    return NULL;
  id = rg_id_new ();
  if (!bind_and_write_table (db, stmt, id, branch_id, spec, &clean, error))
    return NULL;
  return rg_floor_get_table (db, id, error);
}

RgDiningTable *
rg_floor_edit_table (RgDb                     *db,
                     const gchar              *staff_id,
                     const gchar              *table_id,
                     const RgDiningTableSpec  *spec,
                     GError                  **error)
{
  g_auto(CleanTable) clean = { NULL, };
  g_autoptr(RgDiningTable) table = NULL;
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (table_id != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_FLOOR, error))
    return NULL;

  table = rg_floor_get_table (db, table_id, error);
  if (table == NULL ||
      !clean_table_spec (db, table->branch_id, table_id, spec, &clean, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "UPDATE dining_table SET zone_id = ?3, name = ?4, seats = ?5, x = ?6, y = ?7, "
      "  width = ?8, height = ?9, shape = ?10, features = ?11, updated_hlc = ?12, origin = ?13 "
      "WHERE id = ?1 AND branch_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  if (!bind_and_write_table (db, stmt, table_id, table->branch_id, spec, &clean, error))
    return NULL;
  return rg_floor_get_table (db, table_id, error);
}

gboolean
_rg_floor_has_open_visit (RgDb         *db,
                          const gchar  *table_id,
                          gboolean     *open,
                          GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT 1 FROM visit WHERE table_id = ? AND status = 'open' AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "looking for a party at the table");
  *open = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
rg_floor_remove_table (RgDb         *db,
                       const gchar  *staff_id,
                       const gchar  *table_id,
                       GError      **error)
{
  g_autoptr(RgDiningTable) table = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean open;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (table_id != NULL, FALSE);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EDIT_FLOOR, error))
    return FALSE;

  table = rg_floor_get_table (db, table_id, error);
  if (table == NULL || !_rg_floor_has_open_visit (db, table_id, &open, error))
    return FALSE;
  if (open)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "table %s has a party seated; close its check first", table->name);
      return FALSE;
    }

  stmt = rg_db_prepare (db,
      "UPDATE dining_table SET deleted = 1, updated_hlc = ?2, origin = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 3, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "removing the table %s", table->name);
  return TRUE;
}

GPtrArray *
_rg_floor_load_tables (RgDb         *db,
                       const gchar  *branch_id,
                       gboolean      free_only,
                       GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT " RG_FLOOR_TABLE_COLUMNS " FROM " TABLE_FROM " "
      "WHERE t.branch_id = ?1 AND t.deleted = 0 AND (?2 = 0 OR t.status = 'free')", error);
  GPtrArray *rows;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, free_only);
  rows = _rg_floor_collect_rows (db, stmt, _rg_floor_table_from_row, "reading the tables", error);
  if (rows != NULL)
    g_ptr_array_sort (rows, compare_tables);
  return rows;
}

GListModel *
rg_floor_list_tables (RgDb         *db,
                      const gchar  *branch_id,
                      GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);

  rows = _rg_floor_load_tables (db, branch_id, FALSE, error);
  if (rows == NULL)
    return NULL;
  return _rg_floor_store_from_array (RG_TYPE_DINING_TABLE, rows);
}

/* ---------------------------------------------------------------- status */

static gboolean
status_change_allowed (RgTableStatus from,
                       RgTableStatus to)
{
  switch (from)
    {
    case RG_TABLE_FREE:
      return to == RG_TABLE_RESERVED || to == RG_TABLE_TO_CLEAN;
    case RG_TABLE_RESERVED:
      return to == RG_TABLE_FREE || to == RG_TABLE_TO_CLEAN;
    case RG_TABLE_TO_CLEAN:
      return to == RG_TABLE_FREE || to == RG_TABLE_RESERVED;
    case RG_TABLE_SEATED:
      /* Only when no party is there any more (checked by the caller). */
      return to != RG_TABLE_SEATED;
    default:
      return FALSE;
    }
}

gboolean
_rg_floor_write_status (RgDb           *db,
                        const gchar    *table_id,
                        RgTableStatus   status,
                        GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "UPDATE dining_table SET status = ?2, updated_hlc = ?3, origin = ?4 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rg_table_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "changing the status of a table");
  return TRUE;
}

gboolean
rg_floor_set_status (RgDb           *db,
                     const gchar    *table_id,
                     RgTableStatus   status,
                     GError        **error)
{
  g_autoptr(RgDiningTable) table = NULL;
  gboolean open = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (table_id != NULL, FALSE);
  g_return_val_if_fail (status >= RG_TABLE_FREE && status <= RG_TABLE_TO_CLEAN, FALSE);

  table = rg_floor_get_table (db, table_id, error);
  if (table == NULL)
    return FALSE;
  if (table->status == status)
    return TRUE;
  if (status == RG_TABLE_SEATED)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "table %s is marked seated by seating a party at it", table->name);
      return FALSE;
    }
  if (table->status == RG_TABLE_SEATED && !_rg_floor_has_open_visit (db, table_id, &open, error))
    return FALSE;
  if (open)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "table %s has a party seated; close its check first", table->name);
      return FALSE;
    }
  if (!status_change_allowed (table->status, status))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "table %s cannot go from %s to %s",
                   table->name, rg_table_status_to_string (table->status), rg_table_status_to_string (status));
      return FALSE;
    }

  return _rg_floor_write_status (db, table_id, status, error);
}

/* ------------------------------------------------------------------ live */

static gint
compare_live (gconstpointer a,
              gconstpointer b)
{
  const RgTableLive *la = *(RgTableLive * const *) a;
  const RgTableLive *lb = *(RgTableLive * const *) b;

  return strcmp (la->table->sort_key, lb->table->sort_key);
}

GListModel *
rg_floor_list_live (RgDb         *db,
                    const gchar  *branch_id,
                    GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);

  stmt = rg_db_prepare (db,
      "SELECT " RG_FLOOR_TABLE_COLUMNS ", v.id, v.guest_id, g.name, v.server_id, v.party_size, v.seated_ms, "
      "  (SELECT coalesce (sum (l.qty * l.unit_price - l.discount), 0) FROM order_line l "
      "   WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0) "
      "FROM " TABLE_FROM " "
      "LEFT JOIN visit v ON v.id = (SELECT o.id FROM visit o WHERE o.table_id = t.id "
      "                             AND o.status = 'open' AND o.deleted = 0 "
      "                             ORDER BY o.seated_ms DESC LIMIT 1) "
      "LEFT JOIN guest g ON g.id = v.guest_id "
      "WHERE t.branch_id = ? AND t.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  rows = _rg_floor_collect_rows (db, stmt, _rg_floor_live_from_row,
                       "reading the floor plan", error);
  if (rows == NULL)
    return NULL;
  g_ptr_array_sort (rows, compare_live);
  return _rg_floor_store_from_array (RG_TYPE_TABLE_LIVE, rows);
}
