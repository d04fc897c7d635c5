/* rg-floor.c — zones, tables, live status and table suggestions.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-service-private.h"

#include <math.h>
#include <string.h>

#include "rg-id.h"
#include "rg-menu.h"
#include "rg-text.h"

#define MAX_SEATS 200
/* A table with more seats than this for the party is wasted on it. */
#define TOO_BIG(seats, party) ((seats) > 2 * (party) + 2)

/* How much one seating_pref row weighs, by what it names. */
#define WEIGHT_TABLE 3.0
#define WEIGHT_ZONE 2.0
#define WEIGHT_FEATURE 1.0

struct _RgZone
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *branch_id;
  gchar *name;

  RgZoneKind kind;
};

struct _RgDiningTable
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *branch_id;
  gchar *name;
  gchar *zone_id;
  gchar *zone_name;
  GStrv  features;
  gchar *sort_key;

  gint          seats;
  RgZoneKind    zone_kind;
  gdouble       x;
  gdouble       y;
  gdouble       width;
  gdouble       height;
  RgTableShape  shape;
  RgTableStatus status;
};

struct _RgTableLive
{
  GObject parent_instance;

  /* owned */
  RgDiningTable *table;
  gchar         *visit_id;
  gchar         *guest_id;
  gchar         *guest_name;
  gchar         *server_id;

  gint   party_size;
  gint64 seated_ms;
  gint64 check_total;
};

struct _RgTableSuggestion
{
  GObject parent_instance;

  /* owned */
  RgDiningTable *table;
  gchar         *reason;

  gdouble score;
};

G_DEFINE_FINAL_TYPE (RgZone, rg_zone, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgDiningTable, rg_dining_table, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgTableLive, rg_table_live, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgTableSuggestion, rg_table_suggestion, G_TYPE_OBJECT)

static const gchar * const zone_kinds[] = {
  "main", "window", "booth", "patio", "bar", "quiet", "private", NULL
};
static const gchar * const zone_phrases[] = {
  "in the main room", "by the window", "in a booth", "on the patio", "at the bar",
  "in the quiet zone", "in a private room",
};
static const gchar * const table_shapes[] = { "rect", "round", NULL };
static const gchar * const table_statuses[] = { "free", "seated", "reserved", "to_clean", NULL };

#define TABLE_COLUMNS \
  "t.id, t.branch_id, t.name, t.seats, t.zone_id, z.name, z.kind, t.x, t.y, " \
  "t.width, t.height, t.shape, t.features, t.status"
#define TABLE_FROM \
  "dining_table t LEFT JOIN zone z ON z.id = t.zone_id AND z.deleted = 0"
#define N_TABLE_COLUMNS 14

/* --------------------------------------------------------------- helpers */

static gboolean
set_table_not_found (GError      **error,
                     const gchar  *table_id)
{
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no table with the id %s", table_id);
  return FALSE;
}

/* The *_from_row makers return gpointer so that collect_rows() can call
 * any of them. */
static gpointer
zone_from_row (RgStmt *stmt)
{
  RgZone *self = g_object_new (RG_TYPE_ZONE, NULL);

  self->id = _rg_service_dup_column (stmt, 0);
  self->branch_id = _rg_service_dup_column (stmt, 1);
  self->name = _rg_service_dup_column (stmt, 2);
  self->kind = MAX (0, _rg_service_word_index (zone_kinds, (const gchar *) sqlite3_column_text (stmt, 3)));
  return self;
}

/* Reads TABLE_COLUMNS starting at column 0 of @stmt. */
static gpointer
table_from_row (RgStmt *stmt)
{
  RgDiningTable *self = g_object_new (RG_TYPE_DINING_TABLE, NULL);

  self->id = _rg_service_dup_column (stmt, 0);
  self->branch_id = _rg_service_dup_column (stmt, 1);
  self->name = _rg_service_dup_column (stmt, 2);
  self->seats = sqlite3_column_int (stmt, 3);
  self->zone_id = _rg_service_dup_column (stmt, 4);
  self->zone_name = _rg_service_dup_column (stmt, 5);
  self->zone_kind = MAX (0, _rg_service_word_index (zone_kinds, (const gchar *) sqlite3_column_text (stmt, 6)));
  self->x = sqlite3_column_double (stmt, 7);
  self->y = sqlite3_column_double (stmt, 8);
  self->width = sqlite3_column_double (stmt, 9);
  self->height = sqlite3_column_double (stmt, 10);
  self->shape = MAX (0, _rg_service_word_index (table_shapes, (const gchar *) sqlite3_column_text (stmt, 11)));
  self->features = _rg_service_split_words ((const gchar *) sqlite3_column_text (stmt, 12));
  self->status = MAX (0, _rg_service_word_index (table_statuses, (const gchar *) sqlite3_column_text (stmt, 13)));
  self->sort_key = g_utf8_collate_key_for_filename (self->name, -1);
  return self;
}

static gint
compare_tables (gconstpointer a,
                gconstpointer b)
{
  const RgDiningTable *ta = *(RgDiningTable * const *) a;
  const RgDiningTable *tb = *(RgDiningTable * const *) b;

  return strcmp (ta->sort_key, tb->sort_key);
}

/* Steps @stmt and makes one object per row with @make; on failure sets
 * @error saying it was @doing. */
static GPtrArray *
collect_rows (RgDb         *db,
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

static GListModel *
store_from_array (GType      type,
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

/* ---------------------------------------------------------------- zones */

static RgZone *
get_zone (RgDb         *db,
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
    return zone_from_row (stmt);
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
  sqlite3_bind_text (stmt, 4, zone_kinds[kind], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "adding the zone %s", clean);
      return NULL;
    }
  return get_zone (db, id, error);
}

RgZone *
rg_floor_edit_zone (RgDb         *db,
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

  zone = get_zone (db, zone_id, error);
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
  sqlite3_bind_text (stmt, 3, zone_kinds[kind], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 5, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "changing the zone %s", zone->name);
      return NULL;
    }
  return get_zone (db, zone_id, error);
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
  rows = collect_rows (db, stmt, zone_from_row, "reading the zones", error);
  if (rows == NULL)
    return NULL;
  return store_from_array (RG_TYPE_ZONE, rows);
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
  zone = get_zone (db, zone_id, error);
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
      "SELECT " TABLE_COLUMNS " FROM " TABLE_FROM " WHERE t.id = ? AND t.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return table_from_row (stmt);
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
      "SELECT " TABLE_COLUMNS " FROM " TABLE_FROM " "
      "WHERE t.branch_id = ? AND t.name = ? COLLATE NOCASE AND t.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return table_from_row (stmt);
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
  sqlite3_bind_text (stmt, 10, table_shapes[spec->shape], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, clean->features, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 13, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "saving the table %s", clean->name);
  return TRUE;
}

RgDiningTable *
rg_floor_add_table (RgDb                     *db,
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
                       const gchar  *table_id,
                       GError      **error)
{
  g_autoptr(RgDiningTable) table = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  gboolean open;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (table_id != NULL, FALSE);

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

/* Every live table of a branch, sorted by name as people count; only the
 * free ones when @free_only. */
static GPtrArray *
load_tables (RgDb         *db,
             const gchar  *branch_id,
             gboolean      free_only,
             GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT " TABLE_COLUMNS " FROM " TABLE_FROM " "
      "WHERE t.branch_id = ?1 AND t.deleted = 0 AND (?2 = 0 OR t.status = 'free')", error);
  GPtrArray *rows;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, free_only);
  rows = collect_rows (db, stmt, table_from_row, "reading the tables", error);
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

  rows = load_tables (db, branch_id, FALSE, error);
  if (rows == NULL)
    return NULL;
  return store_from_array (RG_TYPE_DINING_TABLE, rows);
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
  sqlite3_bind_text (stmt, 2, table_statuses[status], -1, SQLITE_STATIC);
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
                   table->name, table_statuses[table->status], table_statuses[status]);
      return FALSE;
    }

  return _rg_floor_write_status (db, table_id, status, error);
}

/* ------------------------------------------------------------------ live */

static gpointer
live_from_row (RgStmt *stmt)
{
  RgTableLive *self = g_object_new (RG_TYPE_TABLE_LIVE, NULL);
  const gint v = N_TABLE_COLUMNS;

  self->table = table_from_row (stmt);
  self->visit_id = _rg_service_dup_column (stmt, v);
  self->guest_id = _rg_service_dup_column (stmt, v + 1);
  self->guest_name = _rg_service_dup_column (stmt, v + 2);
  self->server_id = _rg_service_dup_column (stmt, v + 3);
  self->party_size = sqlite3_column_int (stmt, v + 4);
  self->seated_ms = sqlite3_column_int64 (stmt, v + 5);
  self->check_total = sqlite3_column_int64 (stmt, v + 6);
  return self;
}

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
      "SELECT " TABLE_COLUMNS ", v.id, v.guest_id, g.name, v.server_id, v.party_size, v.seated_ms, "
      "  (SELECT coalesce (sum (l.qty * l.unit_price), 0) FROM order_line l "
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
  rows = collect_rows (db, stmt, live_from_row,
                       "reading the floor plan", error);
  if (rows == NULL)
    return NULL;
  g_ptr_array_sort (rows, compare_live);
  return store_from_array (RG_TYPE_TABLE_LIVE, rows);
}

/* ------------------------------------------------------------ suggestion */

typedef struct
{
  gchar   *kind;
  gchar   *value;
  gdouble  weight;
} SeatingPref;

static void
seating_pref_free (SeatingPref *pref)
{
  g_free (pref->kind);
  g_free (pref->value);
  g_free (pref);
}

static GPtrArray *
load_seating_prefs (RgDb         *db,
                    const gchar  *guest_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) prefs = g_ptr_array_new_with_free_func ((GDestroyNotify) seating_pref_free);
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  if (guest_id == NULL)
    return g_steal_pointer (&prefs);
  stmt = rg_db_prepare (db,
      "SELECT kind, value, weight FROM seating_pref WHERE guest_id = ? AND deleted = 0 "
      "ORDER BY weight DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SeatingPref *pref = g_new0 (SeatingPref, 1);

      pref->kind = _rg_service_dup_column (stmt, 0);
      pref->value = _rg_service_dup_column (stmt, 1);
      pref->weight = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (prefs, pref);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the guest's seating preferences");
      return NULL;
    }
  return g_steal_pointer (&prefs);
}

static gboolean
same_word (const gchar *a,
           const gchar *b)
{
  g_autofree gchar *fa = NULL;
  g_autofree gchar *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

/* Adds what @pref says about @table to @score and @reasons. */
static void
weigh_pref (const SeatingPref   *pref,
            const RgDiningTable *table,
            gdouble             *score,
            GPtrArray           *reasons)
{
  const gchar *avoid = pref->weight < 0 ? ", which the guest would rather avoid" : NULL;

  if (strcmp (pref->kind, "table") == 0 &&
      (g_strcmp0 (pref->value, table->id) == 0 || same_word (pref->value, table->name)))
    {
      *score += WEIGHT_TABLE * pref->weight;
      g_ptr_array_add (reasons, avoid
                       ? g_strdup_printf ("table %s%s", table->name, avoid)
                       : g_strdup_printf ("table %s, their favourite", table->name));
    }
  else if (strcmp (pref->kind, "zone") == 0 &&
           (same_word (pref->value, zone_kinds[table->zone_kind]) ||
            g_strcmp0 (pref->value, table->zone_id) == 0 ||
            same_word (pref->value, table->zone_name)))
    {
      *score += WEIGHT_ZONE * pref->weight;
      g_ptr_array_add (reasons, g_strdup_printf ("%s%s", zone_phrases[table->zone_kind],
                                                 avoid ? avoid : ", the guest's usual zone"));
    }
  else if (strcmp (pref->kind, "feature") == 0)
    {
      for (gsize i = 0; table->features[i] != NULL; i++)
        if (same_word (pref->value, table->features[i]))
          {
            *score += WEIGHT_FEATURE * pref->weight;
            g_ptr_array_add (reasons, g_strdup_printf ("with %s%s", table->features[i],
                                                       avoid ? avoid : ", as the guest likes"));
            break;
          }
    }
}

static RgTableSuggestion *
suggest_one (RgDiningTable *table,
             GPtrArray     *prefs,
             gint           party_size)
{
  RgTableSuggestion *self = g_object_new (RG_TYPE_TABLE_SUGGESTION, NULL);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  gdouble score = 0;

  for (guint i = 0; i < prefs->len; i++)
    weigh_pref (prefs->pdata[i], table, &score, reasons);

  /* A snug fit scores up to 1: below any preference of weight 1, so the
   * guest's wishes lead and the fit breaks ties. */
  score += (gdouble) party_size / table->seats;
  if (table->seats == party_size)
    g_ptr_array_add (reasons, g_strdup_printf ("seats %d, just right", table->seats));
  else
    g_ptr_array_add (reasons, g_strdup_printf ("seats %d for a party of %d", table->seats, party_size));
  g_ptr_array_add (reasons, NULL);

  self->table = g_object_ref (table);
  self->score = score;
  self->reason = g_strjoinv ("; ", (GStrv) reasons->pdata);
  return self;
}

static gint
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const RgTableSuggestion *sa = *(RgTableSuggestion * const *) a;
  const RgTableSuggestion *sb = *(RgTableSuggestion * const *) b;

  if (sa->score != sb->score)
    return sa->score > sb->score ? -1 : 1;
  if (sa->table->seats != sb->table->seats)
    return sa->table->seats - sb->table->seats;
  return strcmp (sa->table->sort_key, sb->table->sort_key);
}

GListModel *
rg_floor_suggest_tables (RgDb         *db,
                         const gchar  *branch_id,
                         gint          party_size,
                         const gchar  *guest_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) prefs = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any_reasonable = FALSE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (branch_id != NULL, NULL);

  if (party_size < 1)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "a party has at least one guest");
      return NULL;
    }
  if (!_rg_service_check_branch (db, branch_id, error))
    return NULL;
  tables = load_tables (db, branch_id, TRUE, error);
  if (tables == NULL)
    return NULL;
  prefs = load_seating_prefs (db, guest_id, error);
  if (prefs == NULL)
    return NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      RgDiningTable *table = tables->pdata[i];

      if (table->seats >= party_size && !TOO_BIG (table->seats, party_size))
        any_reasonable = TRUE;
    }
  for (guint i = 0; i < tables->len; i++)
    {
      RgDiningTable *table = tables->pdata[i];

      if (table->seats < party_size || (any_reasonable && TOO_BIG (table->seats, party_size)))
        continue;
      g_ptr_array_add (found, suggest_one (table, prefs, party_size));
    }
  g_ptr_array_sort (found, compare_suggestions);
  return store_from_array (RG_TYPE_TABLE_SUGGESTION, found);
}

/* ---------------------------------------------------------------- words */

const gchar *
rg_zone_kind_to_string (RgZoneKind kind)
{
  g_return_val_if_fail (kind >= RG_ZONE_MAIN && kind <= RG_ZONE_PRIVATE, NULL);
  return zone_kinds[kind];
}

gboolean
rg_zone_kind_from_string (const gchar *text,
                          RgZoneKind  *kind)
{
  gint i = _rg_service_word_index (zone_kinds, text);

  if (i < 0)
    return FALSE;
  *kind = i;
  return TRUE;
}

const gchar *
rg_table_shape_to_string (RgTableShape shape)
{
  g_return_val_if_fail (shape == RG_TABLE_RECT || shape == RG_TABLE_ROUND, NULL);
  return table_shapes[shape];
}

gboolean
rg_table_shape_from_string (const gchar  *text,
                            RgTableShape *shape)
{
  gint i = _rg_service_word_index (table_shapes, text);

  if (i < 0)
    return FALSE;
  *shape = i;
  return TRUE;
}

const gchar *
rg_table_status_to_string (RgTableStatus status)
{
  g_return_val_if_fail (status >= RG_TABLE_FREE && status <= RG_TABLE_TO_CLEAN, NULL);
  return table_statuses[status];
}

gboolean
rg_table_status_from_string (const gchar   *text,
                             RgTableStatus *status)
{
  gint i = _rg_service_word_index (table_statuses, text);

  if (i < 0)
    return FALSE;
  *status = i;
  return TRUE;
}

/* -------------------------------------------------------------- objects */

static void
rg_zone_finalize (GObject *object)
{
  RgZone *self = RG_ZONE (object);

  g_free (self->id);
  g_free (self->branch_id);
  g_free (self->name);
  G_OBJECT_CLASS (rg_zone_parent_class)->finalize (object);
}

static void
rg_zone_class_init (RgZoneClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_zone_finalize;
}

static void
rg_zone_init (RgZone *self)
{
}

static void
rg_dining_table_finalize (GObject *object)
{
  RgDiningTable *self = RG_DINING_TABLE (object);

  g_free (self->id);
  g_free (self->branch_id);
  g_free (self->name);
  g_free (self->zone_id);
  g_free (self->zone_name);
  g_strfreev (self->features);
  g_free (self->sort_key);
  G_OBJECT_CLASS (rg_dining_table_parent_class)->finalize (object);
}

static void
rg_dining_table_class_init (RgDiningTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_dining_table_finalize;
}

static void
rg_dining_table_init (RgDiningTable *self)
{
}

static void
rg_table_live_finalize (GObject *object)
{
  RgTableLive *self = RG_TABLE_LIVE (object);

  g_clear_object (&self->table);
  g_free (self->visit_id);
  g_free (self->guest_id);
  g_free (self->guest_name);
  g_free (self->server_id);
  G_OBJECT_CLASS (rg_table_live_parent_class)->finalize (object);
}

static void
rg_table_live_class_init (RgTableLiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_table_live_finalize;
}

static void
rg_table_live_init (RgTableLive *self)
{
}

static void
rg_table_suggestion_finalize (GObject *object)
{
  RgTableSuggestion *self = RG_TABLE_SUGGESTION (object);

  g_clear_object (&self->table);
  g_free (self->reason);
  G_OBJECT_CLASS (rg_table_suggestion_parent_class)->finalize (object);
}

static void
rg_table_suggestion_class_init (RgTableSuggestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_table_suggestion_finalize;
}

static void
rg_table_suggestion_init (RgTableSuggestion *self)
{
}

/* -------------------------------------------------------------- getters */

const gchar *
rg_zone_get_id (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), NULL);
  return self->id;
}

const gchar *
rg_zone_get_branch_id (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), NULL);
  return self->branch_id;
}

const gchar *
rg_zone_get_name (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), NULL);
  return self->name;
}

RgZoneKind
rg_zone_get_kind (RgZone *self)
{
  g_return_val_if_fail (RG_IS_ZONE (self), 0);
  return self->kind;
}

const gchar *
rg_dining_table_get_id (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->id;
}

const gchar *
rg_dining_table_get_branch_id (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->branch_id;
}

const gchar *
rg_dining_table_get_name (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->name;
}

gint
rg_dining_table_get_seats (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->seats;
}

const gchar *
rg_dining_table_get_zone_id (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->zone_id;
}

const gchar *
rg_dining_table_get_zone_name (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return self->zone_name;
}

RgZoneKind
rg_dining_table_get_zone_kind (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->zone_kind;
}

gdouble
rg_dining_table_get_x (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->x;
}

gdouble
rg_dining_table_get_y (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->y;
}

gdouble
rg_dining_table_get_width (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->width;
}

gdouble
rg_dining_table_get_height (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->height;
}

RgTableShape
rg_dining_table_get_shape (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->shape;
}

const gchar * const *
rg_dining_table_get_features (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), NULL);
  return (const gchar * const *) self->features;
}

RgTableStatus
rg_dining_table_get_status (RgDiningTable *self)
{
  g_return_val_if_fail (RG_IS_DINING_TABLE (self), 0);
  return self->status;
}

RgDiningTable *
rg_table_live_get_table (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->table;
}

const gchar *
rg_table_live_get_visit_id (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->visit_id;
}

const gchar *
rg_table_live_get_guest_id (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->guest_id;
}

const gchar *
rg_table_live_get_guest_name (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->guest_name;
}

const gchar *
rg_table_live_get_server_id (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), NULL);
  return self->server_id;
}

gint
rg_table_live_get_party_size (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), 0);
  return self->party_size;
}

gint64
rg_table_live_get_seated_ms (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), 0);
  return self->seated_ms;
}

gint64
rg_table_live_get_check_total (RgTableLive *self)
{
  g_return_val_if_fail (RG_IS_TABLE_LIVE (self), 0);
  return self->check_total;
}

RgDiningTable *
rg_table_suggestion_get_table (RgTableSuggestion *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SUGGESTION (self), NULL);
  return self->table;
}

gdouble
rg_table_suggestion_get_score (RgTableSuggestion *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SUGGESTION (self), 0);
  return self->score;
}

const gchar *
rg_table_suggestion_get_reason (RgTableSuggestion *self)
{
  g_return_val_if_fail (RG_IS_TABLE_SUGGESTION (self), NULL);
  return self->reason;
}
