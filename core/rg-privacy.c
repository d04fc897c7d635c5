/* rg-privacy.c — exporting and erasing a guest's data, marketing consent,
 * and the owner's audit log.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-privacy.h"

#include "rg-audit.h"
#include "rg-auth.h"
#include "rg-guest.h"
#include "rg-id.h"

#define EXPORT_FORMAT "regulars-guest-export/1"

/* The guest's own rows, one array each in the export; ?1 is one id of the
 * guest (the live record or one merged into it). */
static const struct
{
  const gchar *member;
  const gchar *sql;
} export_sections[] = {
  { "guests", "SELECT * FROM guest WHERE id = ?1" },
  { "stats", "SELECT * FROM local_guest_stats WHERE guest_id = ?1" },
  { "phones", "SELECT * FROM guest_phone WHERE guest_id = ?1 ORDER BY rowid" },
  { "cards", "SELECT * FROM member_card WHERE guest_id = ?1 ORDER BY issued_ms, rowid" },
  { "tags", "SELECT * FROM guest_tag WHERE guest_id = ?1 ORDER BY rowid" },
  { "allergies", "SELECT * FROM guest_allergy WHERE guest_id = ?1 ORDER BY rowid" },
  { "seating_prefs", "SELECT * FROM seating_pref WHERE guest_id = ?1 ORDER BY rowid" },
  { "dish_prefs", "SELECT d.*, m.name AS item_name FROM dish_pref d "
                  "LEFT JOIN menu_item m ON m.id = d.item_id WHERE d.guest_id = ?1 ORDER BY d.rowid" },
  { "notes", "SELECT * FROM guest_note WHERE guest_id = ?1 ORDER BY created_ms, rowid" },
  { "links", "SELECT * FROM guest_link WHERE guest_id = ?1 OR other_id = ?1 ORDER BY rowid" },
  { "audit", "SELECT * FROM audit_log WHERE subject = ?1 ORDER BY at_ms, rowid" },
};

/* What erasing does to each id of the guest: ?1 the id, ?2 updated_hlc,
 * ?3 origin, ?4 now in ms.  Values under CHECK (length > 0) become
 * "erased". */
static const gchar * const erase_steps[] = {
  "UPDATE guest SET name = '" RG_PRIVACY_ERASED_NAME "', family_name = NULL, title = NULL, "
  "gender = NULL, birthday = NULL, anniversary = NULL, language = NULL, vip = 0, notes = '', "
  "consent_marketing = 0, external_ref = NULL, deleted = 1, updated_hlc = ?2, origin = ?3 "
  "WHERE id = ?1",
  "UPDATE guest_phone SET e164 = '', digits_rev = '', label = NULL, deleted = 1, "
  "updated_hlc = ?2, origin = ?3 WHERE guest_id = ?1",
  "UPDATE member_card SET revoked_ms = coalesce (revoked_ms, ?4), deleted = 1, "
  "updated_hlc = ?2, origin = ?3 WHERE guest_id = ?1",
  "UPDATE guest_tag SET tag = 'erased', deleted = 1, updated_hlc = ?2, origin = ?3 "
  "WHERE guest_id = ?1",
  "UPDATE guest_allergy SET allergen = 'erased', note = NULL, deleted = 1, "
  "updated_hlc = ?2, origin = ?3 WHERE guest_id = ?1",
  "UPDATE seating_pref SET value = '', note = NULL, deleted = 1, updated_hlc = ?2, origin = ?3 "
  "WHERE guest_id = ?1",
  "UPDATE dish_pref SET note = NULL, deleted = 1, updated_hlc = ?2, origin = ?3 "
  "WHERE guest_id = ?1",
  "UPDATE guest_note SET body = 'erased', deleted = 1, updated_hlc = ?2, origin = ?3 "
  "WHERE guest_id = ?1",
  "UPDATE guest_link SET deleted = 1, updated_hlc = ?2, origin = ?3 "
  "WHERE guest_id = ?1 OR other_id = ?1",
  "UPDATE feedback SET comment = NULL, updated_hlc = ?2, origin = ?3 WHERE comment IS NOT NULL "
  "AND (guest_id = ?1 OR visit_id IN (SELECT id FROM visit WHERE guest_id = ?1))",
  "UPDATE audit_log SET detail = NULL, updated_hlc = ?2, origin = ?3 "
  "WHERE subject = ?1 AND detail IS NOT NULL",
};

/* --------------------------------------------------------------- helpers */

/* The live guest @guest_id resolves to, then every record merged into it,
 * however long the chain. */
static GPtrArray *
collect_ids (RgDb         *db,
             const gchar  *guest_id,
             GError      **error)
{
  g_autofree gchar *live = rg_guest_resolve_id (db, guest_id, error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  if (live == NULL)
    return NULL;
  stmt = rg_db_prepare (db,
      "WITH RECURSIVE g (id) AS (SELECT ?1 UNION SELECT guest.id FROM guest JOIN g ON guest.merged_into = g.id) "
      "SELECT id FROM g", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, live, -1, SQLITE_STATIC);

  ids = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "finding the records of guest %s", live);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Adds every column of the current row as a member of the open object. */
static void
add_columns (JsonBuilder *b,
             RgStmt      *stmt)
{
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      json_builder_set_member_name (b, sqlite3_column_name (stmt, i));
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_builder_add_int_value (b, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_builder_add_double_value (b, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          json_builder_add_null_value (b);
          break;
        default:
          json_builder_add_string_value (b, (const gchar *) sqlite3_column_text (stmt, i));
          break;
        }
    }
}

/* Adds the rows of @sql for @key (bound to ?1) as objects of the open
 * array. */
static gboolean
add_rows (RgDb         *db,
          JsonBuilder  *b,
          const gchar  *sql,
          const gchar  *key,
          GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_columns (b, stmt);
      json_builder_end_object (b);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "exporting the guest's data");
  return TRUE;
}

/* The visits of the guest (as host or in the party), each with its lines
 * and feedback; a visit is listed once. */
static gboolean
add_visits (RgDb         *db,
            JsonBuilder  *b,
            GPtrArray    *ids,
            GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  json_builder_set_member_name (b, "visits");
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db,
          "SELECT * FROM visit WHERE guest_id = ?1 "
          "OR id IN (SELECT visit_id FROM visit_guest WHERE guest_id = ?1) ORDER BY seated_ms, rowid",
          error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const gchar *visit_id = (const gchar *) sqlite3_column_text (stmt, 0);

          if (!g_hash_table_add (seen, g_strdup (visit_id)))
            continue;
          json_builder_begin_object (b);
          add_columns (b, stmt);
          json_builder_set_member_name (b, "lines");
          json_builder_begin_array (b);
          if (!add_rows (db, b,
                         "SELECT l.*, m.name AS item_name FROM order_line l "
                         "LEFT JOIN menu_item m ON m.id = l.item_id WHERE l.visit_id = ?1 "
                         "ORDER BY l.created_ms, l.rowid", visit_id, error))
            return FALSE;
          json_builder_end_array (b);
          json_builder_set_member_name (b, "feedback");
          json_builder_begin_array (b);
          if (!add_rows (db, b, "SELECT * FROM feedback WHERE visit_id = ?1 ORDER BY created_ms, rowid",
                         visit_id, error))
            return FALSE;
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      if (rc != SQLITE_DONE)
        return rg_db_set_error (db, error, "exporting the guest's visits");
    }
  json_builder_end_array (b);
  return TRUE;
}

/* ------------------------------------------------------------ public API */

JsonNode *
rg_privacy_export (RgDb         *db,
                   const gchar  *staff_id,
                   const gchar  *guest_id,
                   GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  g_autofree gchar *detail = NULL;
  const gchar *live;

  g_return_val_if_fail (db != NULL, NULL);

  /* one transaction: a consistent snapshot, and the audit entry with it */
  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !rg_auth_require (db, staff_id, RG_PERMISSION_GUEST_DATA, error) ||
      (ids = collect_ids (db, guest_id, error)) == NULL)
    return NULL;
  live = g_ptr_array_index (ids, 0);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, EXPORT_FORMAT);
  json_builder_set_member_name (b, "exported_ms");
  json_builder_add_int_value (b, rg_now_ms ());
  json_builder_set_member_name (b, "guest_id");
  json_builder_add_string_value (b, live);
  for (gsize s = 0; s < G_N_ELEMENTS (export_sections); s++)
    {
      json_builder_set_member_name (b, export_sections[s].member);
      json_builder_begin_array (b);
      for (guint i = 0; i < ids->len; i++)
        if (!add_rows (db, b, export_sections[s].sql, g_ptr_array_index (ids, i), error))
          return NULL;
      json_builder_end_array (b);
    }
  if (!add_visits (db, b, ids, error))
    return NULL;
  json_builder_end_object (b);

  detail = g_strdup_printf ("exported %u record%s of the guest", ids->len, ids->len == 1 ? "" : "s");
  if (!rg_audit_log (db, staff_id, "guest.export", live, detail, error) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return json_builder_get_root (b);
}

gboolean
rg_privacy_erase (RgDb         *db,
                  const gchar  *staff_id,
                  const gchar  *guest_id,
                  GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(RgTransaction) txn = NULL;
  g_autofree gchar *detail = NULL;
  gint64 now = rg_now_ms ();
  const gchar *live;

  g_return_val_if_fail (db != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !rg_auth_require (db, staff_id, RG_PERMISSION_GUEST_DATA, error) ||
      (ids = collect_ids (db, guest_id, error)) == NULL)
    return FALSE;
  live = g_ptr_array_index (ids, 0);

  for (guint i = 0; i < ids->len; i++)
    {
      const gchar *id = g_ptr_array_index (ids, i);

      for (gsize s = 0; s < G_N_ELEMENTS (erase_steps); s++)
        {
          g_autoptr(RgStmt) stmt = rg_db_prepare (db, erase_steps[s], error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, rg_db_next_hlc (db));
          sqlite3_bind_text (stmt, 3, rg_db_get_device_id (db), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, now);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return rg_db_set_error (db, error, "erasing guest %s", live);
        }
      if (!rg_guest_index_refresh (db, id, error))
        return FALSE;
    }

  detail = g_strdup_printf ("erased the personal data of %u record%s", ids->len, ids->len == 1 ? "" : "s");
  return rg_audit_log (db, staff_id, "guest.erase", live, detail, error) &&
         rg_transaction_commit (g_steal_pointer (&txn), error);
}

GStrv
rg_privacy_filter_marketing (RgDb                *db,
                             const gchar * const *guest_ids,
                             GError             **error)
{
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  g_return_val_if_fail (db != NULL, NULL);

  for (gsize i = 0; guest_ids != NULL && guest_ids[i] != NULL; i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db,
          "SELECT consent_marketing = 1 AND deleted = 0 AND merged_into IS NULL FROM guest WHERE id = ?1",
          error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, guest_ids[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0))
        g_strv_builder_add (kept, guest_ids[i]);
      else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          rg_db_set_error (db, error, "reading the guests' marketing consent");
          return NULL;
        }
    }
  return g_strv_builder_end (kept);
}

JsonNode *
rg_privacy_export_segment (RgDb                *db,
                           const gchar         *staff_id,
                           const gchar         *segment,
                           const gchar * const *guest_ids,
                           GError             **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree gchar *detail = NULL;
  guint n_given = guest_ids != NULL ? g_strv_length ((gchar **) guest_ids) : 0;
  guint n_kept;

  g_return_val_if_fail (db != NULL, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EXPORT, error))
    return NULL;
  if (segment == NULL || *segment == '\0' || !g_utf8_validate (segment, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "Exporting a guest list: the list needs a name.");
      return NULL;
    }
  if ((kept = rg_privacy_filter_marketing (db, guest_ids, error)) == NULL)
    return NULL;

  n_kept = g_strv_length (kept);
  json_builder_begin_array (b);
  for (guint i = 0; i < n_kept; i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db,
          "SELECT g.name, (SELECT p.e164 FROM guest_phone p WHERE p.guest_id = g.id AND p.deleted = 0 "
          "                ORDER BY p.rowid LIMIT 1) "
          "FROM guest g WHERE g.id = ?1", error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, kept[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          rg_db_set_error (db, error, "reading the guests of the list %s", segment);
          return NULL;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "guest_id");
      json_builder_add_string_value (b, kept[i]);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, (const gchar *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (b, "phone");
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        json_builder_add_null_value (b);
      else
        json_builder_add_string_value (b, (const gchar *) sqlite3_column_text (stmt, 1));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  detail = g_strdup_printf ("%u guest%s kept, %u left out without marketing consent",
                            n_kept, n_kept == 1 ? "" : "s", n_given - n_kept);
  if (!rg_audit_log (db, staff_id, "segment.export", segment, detail, error))
    return NULL;
  return json_builder_get_root (b);
}

GListModel *
rg_privacy_list_audit (RgDb         *db,
                       const gchar  *staff_id,
                       const gchar  *subject,
                       guint         offset,
                       guint         limit,
                       GError      **error)
{
  g_return_val_if_fail (db != NULL, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_VIEW_AUDIT, error))
    return NULL;
  return rg_audit_list (db, subject, offset, limit, error);
}
