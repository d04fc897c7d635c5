/* rg-sync-apply.c — synced rows between SQLite and the wire form.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statements are built from the table description of rg-wire (never from
 * received text) and cached by rg_db_prepare().
 */
#include "rg-sync-apply.h"

#include <string.h>

#include "rg-guest.h"
#include "rg-rollup.h"

#define MAX_MERGE_CHAIN 32

struct _RgSyncApply
{
  /* borrowed */
  RgDb               *db;
  const RgWireTable  *tables;

  /* owned, one per synced table */
  gchar             **select_sql;
  gchar             **upsert_sql;
};

/* --------------------------------------------------------------- touched */

void
rg_sync_touched_init (RgSyncTouched *touched)
{
  touched->guests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  touched->closed_visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  touched->repointed = 0;
  touched->recount = FALSE;
  touched->bulk = FALSE;
}

void
rg_sync_touched_clear (RgSyncTouched *touched)
{
  g_clear_pointer (&touched->guests, g_hash_table_unref);
  g_clear_pointer (&touched->closed_visits, g_hash_table_unref);
}

/* ------------------------------------------------------------ statements */

static gchar *
build_column_list (const RgWireTable *table,
                   const gchar       *prefix)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (out, "%s%s%s", i > 0 ? ", " : "", prefix, table->columns[i].name);
  return g_string_free (out, FALSE);
}

static gchar *
build_select_sql (const RgWireTable *table)
{
  g_autofree gchar *columns = build_column_list (table, "");

  return g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, table->name);
}

static gchar *
build_upsert_sql (const RgWireTable *table)
{
  g_autofree gchar *columns = build_column_list (table, "");
  GString *values = g_string_new (NULL);
  GString *updates = g_string_new (NULL);
  gchar *sql;

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_string_append_printf (values, "%s?%u", i > 0 ? ", " : "", i + 1);
      if (i > 0)
        g_string_append_printf (updates, "%s%s = excluded.%s", i > 1 ? ", " : "",
                                table->columns[i].name, table->columns[i].name);
    }
  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (id) DO UPDATE SET %s",
                         table->name, columns, values->str, updates->str);
  g_string_free (values, TRUE);
  g_string_free (updates, TRUE);
  return sql;
}

RgSyncApply *
rg_sync_apply_new (RgDb *db)
{
  RgSyncApply *self = g_new0 (RgSyncApply, 1);
  guint n_tables;

  self->db = db;
  self->tables = rg_wire_get_tables (&n_tables);
  self->select_sql = g_new0 (gchar *, n_tables + 1);
  self->upsert_sql = g_new0 (gchar *, n_tables + 1);
  for (guint i = 0; i < n_tables; i++)
    {
      self->select_sql[i] = build_select_sql (&self->tables[i]);
      self->upsert_sql[i] = build_upsert_sql (&self->tables[i]);
    }
  return self;
}

void
rg_sync_apply_free (RgSyncApply *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->select_sql);
  g_strfreev (self->upsert_sql);
  g_free (self);
}

static guint
table_index (RgSyncApply       *self,
             const RgWireTable *table)
{
  return (guint) (table - self->tables);
}

static void
bind_value (RgStmt             *stmt,
            gint                index,
            const RgWireColumn *column,
            JsonNode           *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (column->type == RG_WIRE_TEXT)
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
  else if (column->type == RG_WIRE_INTEGER)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_double (stmt, index, (gdouble) json_node_get_int (node));
  else
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
}

/* ------------------------------------------------------------ reading */

gboolean
rg_sync_apply_read_row (RgSyncApply        *self,
                        const RgWireTable  *table,
                        const gchar        *id,
                        RgWireChange      **change,
                        GError            **error)
{
  RgDb *db = self->db;
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, self->select_sql[table_index (self, table)], error);
  g_autoptr(JsonObject) row = NULL;
  int rc;

  *change = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading %s %s to sync it", table->name, id);

  row = json_object_new ();
  for (guint i = 0; i < table->n_columns; i++)
    {
      const RgWireColumn *column = &table->columns[i];
      gint type = sqlite3_column_type (stmt, (int) i);

      if (type == SQLITE_NULL)
        json_object_set_null_member (row, column->name);
      else if (column->type == RG_WIRE_TEXT)
        json_object_set_string_member (row, column->name, (const gchar *) sqlite3_column_text (stmt, (int) i));
      else if (column->type == RG_WIRE_INTEGER)
        json_object_set_int_member (row, column->name, sqlite3_column_int64 (stmt, (int) i));
      else
        json_object_set_double_member (row, column->name, sqlite3_column_double (stmt, (int) i));
    }
  /* a row written before the terminal set origins on every write */
  if (*json_object_get_string_member (row, "origin") == '\0')
    json_object_set_string_member (row, "origin", rg_db_get_device_id (db));

  *change = rg_wire_change_new (table->name, row, error);
  return *change != NULL;
}

/* --------------------------------------------------------------- writing */

/* A received row as it is, the common case (the terminal holds no version
 * of it): bound from its values, never built as a JsonObject. */
static int
upsert_change (RgSyncApply         *self,
               const RgWireChange  *change,
               GError             **error)
{
  const RgWireTable *table = change->table;
  g_autoptr(RgStmt) stmt = rg_db_prepare (self->db, self->upsert_sql[table_index (self, table)], error);

  if (stmt == NULL)
    return SQLITE_ERROR;
  for (guint i = 0; i < table->n_columns; i++)
    {
      const RgWireValue *value = &change->values[i];
      gint index = (gint) i + 1;

      if (value->kind == RG_WIRE_VALUE_TEXT)
        sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_STATIC);
      else if (value->kind == RG_WIRE_VALUE_INTEGER && table->columns[i].type == RG_WIRE_REAL)
        sqlite3_bind_double (stmt, index, (gdouble) value->integer);
      else if (value->kind == RG_WIRE_VALUE_INTEGER)
        sqlite3_bind_int64 (stmt, index, value->integer);
      else if (value->kind == RG_WIRE_VALUE_REAL)
        sqlite3_bind_double (stmt, index, value->real);
      else
        sqlite3_bind_null (stmt, index);
    }
  return sqlite3_step (stmt);
}

static int
upsert_row (RgSyncApply        *self,
            const RgWireTable  *table,
            JsonObject         *row,
            GError            **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (self->db, self->upsert_sql[table_index (self, table)], error);

  if (stmt == NULL)
    return SQLITE_ERROR;
  for (guint i = 0; i < table->n_columns; i++)
    bind_value (stmt, (gint) i + 1, &table->columns[i], json_object_get_member (row, table->columns[i].name));
  return sqlite3_step (stmt);
}

/* A local change that the outbox records even while pulled rows are
 * applied: the terminal decided it, so every other terminal must learn it. */
static int
run_local_change (RgDb        *db,
                  const gchar *sql,
                  const gchar *value,
                  const gchar *id)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, NULL);
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  if (value != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 3, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_TRANSIENT);
  rg_db_set_capture_changes (db, TRUE);
  rc = sqlite3_step (stmt);
  rg_db_set_capture_changes (db, FALSE);
  return rc;
}

static gboolean
tombstone (RgDb               *db,
           const RgWireTable  *table,
           const gchar        *id,
           GError            **error)
{
  g_autofree gchar *sql = g_strdup_printf ("UPDATE %s SET deleted = 1, updated_hlc = ?2, origin = ?3 "
                                           "WHERE id = ?4", table->name);

  if (run_local_change (db, sql, NULL, id) != SQLITE_DONE)
    return rg_db_set_error (db, error, "removing the duplicate %s %s", table->name, id);
  return TRUE;
}

/* Live rows other than @row's that hold the same value of one of the
 * table's unique keys. */
static gboolean
find_rivals (RgDb               *db,
             const RgWireTable  *table,
             JsonObject         *row,
             GPtrArray          *rivals,
             GError            **error)
{
  g_autoptr(RgStmt) indexes = rg_db_prepare (db,
      "SELECT name FROM pragma_index_list (?) WHERE \"unique\" = 1 AND origin <> 'pk'", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (indexes == NULL)
    return FALSE;
  sqlite3_bind_text (indexes, 1, table->name, -1, SQLITE_STATIC);
  while (sqlite3_step (indexes) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const gchar *) sqlite3_column_text (indexes, 0)));

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(RgStmt) info = rg_db_prepare (db, "SELECT name FROM pragma_index_info (?) ORDER BY seqno", error);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(RgStmt) find = NULL;
      gboolean has_null = FALSE;

      if (info == NULL)
        return FALSE;
      sqlite3_bind_text (info, 1, g_ptr_array_index (names, i), -1, SQLITE_TRANSIENT);
      while (sqlite3_step (info) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const gchar *) sqlite3_column_text (info, 0)));

      g_string_printf (sql, "SELECT id FROM %s WHERE deleted = 0 AND id <> ?1", table->name);
      for (guint c = 0; c < columns->len; c++)
        {
          const gchar *name = g_ptr_array_index (columns, c);

          has_null |= json_object_get_null_member (row, name);
          g_string_append_printf (sql, " AND %s = ?%u", name, c + 2);
        }
      if (has_null || columns->len == 0)
        continue;
      find = rg_db_prepare (db, sql->str, error);
      if (find == NULL)
        return FALSE;
      sqlite3_bind_text (find, 1, json_object_get_string_member (row, "id"), -1, SQLITE_TRANSIENT);
      for (guint c = 0; c < columns->len; c++)
        {
          const gchar *name = g_ptr_array_index (columns, c);

          bind_value (find, (gint) c + 2, rg_wire_table_lookup_column (table, name),
                      json_object_get_member (row, name));
        }
      while (sqlite3_step (find) == SQLITE_ROW)
        g_ptr_array_add (rivals, g_strdup ((const gchar *) sqlite3_column_text (find, 0)));
    }
  return TRUE;
}

/* Two live rows share a unique key: the newer by (updated_hlc, origin)
 * stays, the other is tombstoned.  Every terminal compares the same two
 * versions, so all of them pick the same one. */
static gboolean
resolve_collision (RgSyncApply        *self,
                   const RgWireTable  *table,
                   JsonObject         *merged,
                   GError            **error)
{
  RgDb *db = self->db;
  g_autoptr(JsonObject) row = json_object_new ();
  JsonObjectIter iter;
  const gchar *member;
  JsonNode *node;
  g_autoptr(GPtrArray) rivals = g_ptr_array_new_with_free_func (g_free);
  gint64 hlc = json_object_get_int_member (merged, "updated_hlc");
  const gchar *origin = json_object_get_string_member (merged, "origin");
  const gchar *id;

  /* a private copy: the received row may have to become a tombstone */
  json_object_iter_init (&iter, merged);
  while (json_object_iter_next (&iter, &member, &node))
    json_object_set_member (row, member, json_node_copy (node));
  id = json_object_get_string_member (row, "id");

  if (!find_rivals (db, table, row, rivals, error))
    return FALSE;
  for (guint i = 0; i < rivals->len; i++)
    {
      g_autoptr(RgWireChange) rival = NULL;

      if (!rg_sync_apply_read_row (self, table, g_ptr_array_index (rivals, i), &rival, error))
        return FALSE;
      if (rg_wire_compare (hlc, origin, rival->updated_hlc, rival->origin) > 0)
        {
          if (!tombstone (db, table, rival->id, error))
            return FALSE;
          continue;
        }
      /* the received row is the older one: keep it, as a tombstone */
      json_object_set_int_member (row, "deleted", 1);
      if (upsert_row (self, table, row, error) != SQLITE_DONE)
        return rg_db_set_error (db, error, "saving %s %s from the central store", table->name, id);
      return tombstone (db, table, id, error);
    }
  if (upsert_row (self, table, row, error) != SQLITE_DONE)
    return rg_db_set_error (db, error, "saving %s %s from the central store", table->name, id);
  return TRUE;
}

static gboolean
is_closed_visit (const RgWireTable *table,
                 JsonObject        *row)
{
  return row != NULL && strcmp (table->name, "visit") == 0
         && !json_object_get_int_member (row, "deleted")
         && g_strcmp0 (json_object_get_string_member (row, "status"), "closed") == 0;
}

static void
note_guests (GHashTable         *guests,
             const RgWireTable  *table,
             JsonObject         *row)
{
  if (row == NULL)
    return;
  if (strcmp (table->name, "guest") == 0)
    g_hash_table_add (guests, g_strdup (json_object_get_string_member (row, "id")));
  for (guint i = 0; i < table->n_columns; i++)
    {
      const RgWireColumn *column = &table->columns[i];

      if ((column->flags & RG_WIRE_GUEST_REF) && !json_object_get_null_member (row, column->name))
        g_hash_table_add (guests, g_strdup (json_object_get_string_member (row, column->name)));
    }
}

static gboolean
is_visit_closed (RgDb        *db,
                 const gchar *visit_id)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT status = 'closed' FROM visit WHERE id = ?", NULL);

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
}

static void
note_touched (RgDb               *db,
              RgSyncTouched      *touched,
              const RgWireTable  *table,
              JsonObject         *before,
              JsonObject         *after)
{
  if (touched->bulk)
    return;
  note_guests (touched->guests, table, before);
  note_guests (touched->guests, table, after);

  if (is_closed_visit (table, after) && !is_closed_visit (table, before))
    g_hash_table_add (touched->closed_visits, g_strdup (json_object_get_string_member (after, "id")));
  else if (is_closed_visit (table, before))
    touched->recount = TRUE;
  else if ((strcmp (table->name, "order_line") == 0 || strcmp (table->name, "visit_guest") == 0)
           && is_visit_closed (db, json_object_get_string_member (after, "visit_id")))
    touched->recount = TRUE;
}

gboolean
rg_sync_apply_change (RgSyncApply    *self,
                      RgWireChange   *incoming,
                      RgSyncTouched  *touched,
                      gboolean       *applied,
                      GError        **error)
{
  RgDb *db = self->db;
  const RgWireTable *table = incoming->table;
  g_autoptr(RgWireChange) existing = NULL;
  g_autoptr(JsonObject) merged = NULL;
  int rc;

  *applied = FALSE;
  rg_db_observe_hlc (db, incoming->updated_hlc);
  if (!rg_sync_apply_read_row (self, table, incoming->id, &existing, error))
    return FALSE;
  if (existing == NULL)
    {
      /* a row new to this terminal is stored as received */
      if (!touched->bulk)
        note_touched (db, touched, table, NULL, rg_wire_change_get_row (incoming));
      *applied = TRUE;
      rc = upsert_change (self, incoming, error);
      if (rc == SQLITE_DONE)
        return TRUE;
      merged = json_object_ref (rg_wire_change_get_row (incoming));
    }
  else
    {
      merged = rg_wire_change_merge (existing, incoming);
      if (merged == NULL)
        return TRUE;
      note_touched (db, touched, table, rg_wire_change_get_row (existing), merged);
      *applied = TRUE;
      rc = upsert_row (self, table, merged, error);
      if (rc == SQLITE_DONE)
        return TRUE;
    }
  if ((rc & 0xff) == SQLITE_CONSTRAINT && sqlite3_extended_errcode (rg_db_get_handle (db)) == SQLITE_CONSTRAINT_UNIQUE)
    return resolve_collision (self, table, merged, error);
  if (rc != SQLITE_ERROR || (error != NULL && *error == NULL))
    return rg_db_set_error (db, error, "saving %s %s from the central store", table->name, incoming->id);
  return FALSE;
}

/* ------------------------------------------------------------- re-pointing */

/* The guest that @guest_id was finally merged into, or NULL if it was not. */
static gchar *
dup_survivor (RgDb        *db,
              const gchar *guest_id)
{
  g_autofree gchar *current = g_strdup (guest_id);
  gboolean moved = FALSE;

  for (gint hop = 0; hop < MAX_MERGE_CHAIN; hop++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT merged_into FROM guest WHERE id = ?", NULL);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, current, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        break;
      g_free (current);
      current = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      moved = TRUE;
    }
  return moved ? g_steal_pointer (&current) : NULL;
}

static gboolean
repoint_column (RgDb                *db,
                const RgWireTable   *table,
                const RgWireColumn  *column,
                RgSyncTouched       *touched,
                GError             **error)
{
  g_autofree gchar *find_sql = g_strdup_printf (
      "SELECT t.id, t.%s FROM guest g JOIN %s t ON t.%s = g.id "
      "WHERE g.merged_into IS NOT NULL AND t.deleted = 0",
      column->name, table->name, column->name);
  g_autofree gchar *move_sql = g_strdup_printf (
      "UPDATE %s SET %s = ?1, updated_hlc = ?2, origin = ?3 WHERE id = ?4",
      table->name, column->name);
  g_autoptr(RgStmt) find = rg_db_prepare (db, find_sql, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (find == NULL)
    return FALSE;
  while (sqlite3_step (find) == SQLITE_ROW)
    {
      g_ptr_array_add (found, g_strdup ((const gchar *) sqlite3_column_text (find, 0)));
      g_ptr_array_add (found, g_strdup ((const gchar *) sqlite3_column_text (find, 1)));
    }

  for (guint i = 0; i < found->len; i += 2)
    {
      const gchar *id = g_ptr_array_index (found, i);
      const gchar *old_guest = g_ptr_array_index (found, i + 1);
      g_autofree gchar *survivor = dup_survivor (db, old_guest);
      int rc;

      if (survivor == NULL)
        continue;
      rc = run_local_change (db, move_sql, survivor, id);
      /* the survivor has this already (same tag, same party place) or a
       * link would join the guest to itself */
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          if (!tombstone (db, table, id, error))
            return FALSE;
        }
      else if (rc != SQLITE_DONE)
        return rg_db_set_error (db, error, "moving %s %s to the merged guest", table->name, id);
      g_hash_table_add (touched->guests, g_strdup (old_guest));
      g_hash_table_add (touched->guests, g_steal_pointer (&survivor));
      touched->repointed++;
    }
  return TRUE;
}

gboolean
rg_sync_apply_repoint (RgSyncApply    *self,
                       RgSyncTouched  *touched,
                       GError        **error)
{
  guint n_tables;
  const RgWireTable *tables = rg_wire_get_tables (&n_tables);

  for (guint t = 0; t < n_tables; t++)
    for (guint c = 0; c < tables[t].n_columns; c++)
      {
        const RgWireColumn *column = &tables[t].columns[c];

        /* merged_into itself is followed, not moved */
        if (!(column->flags & RG_WIRE_GUEST_REF) || (column->flags & RG_WIRE_STICKY))
          continue;
        if (!repoint_column (self->db, &tables[t], column, touched, error))
          return FALSE;
      }
  return TRUE;
}

/* ----------------------------------------------------------------- derived */

gboolean
rg_sync_apply_refresh (RgSyncApply    *self,
                       RgSyncTouched  *touched,
                       GError        **error)
{
  RgDb *db = self->db;
  GHashTableIter iter;
  const gchar *id;

  if (touched->bulk)
    return TRUE;
  /* checks moved between guests or changed after closing: their figures
   * are recounted whole */
  if (touched->recount || touched->repointed > 0)
    return rg_rollup_rebuild (db, error);

  g_hash_table_iter_init (&iter, touched->closed_visits);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!rg_rollup_add_visit (db, id, error))
      return FALSE;
  g_hash_table_iter_init (&iter, touched->guests);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!rg_guest_index_refresh (db, id, error))
      return FALSE;
  return TRUE;
}
