/* rg-guest-index.c — the name index that a lookup by name searches.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invariant: every live guest (not deleted, not merged away) has exactly
 * one local_guest_key row and one guest_name_fts row with the same rowid,
 * and no other guest has either.  A guest's key is taken from an
 * increasing counter when it is enrolled and whenever its last visit moves
 * forward, so a higher rowid means more recent activity and a lookup can
 * read matches in rowid order, newest first, without sorting them.
 */
#include "rg-guest-private.h"

#include "rg-text.h"

/* ------------------------------------------------------------ name index */

static gchar *
fold_name (const gchar *name,
           const gchar *family_name)
{
  g_autofree gchar *full = g_strjoin (" ", name, family_name, NULL);

  return rg_text_fold_tokens (full);
}

static gboolean
remove_key (RgDb         *db,
            gint64        fts_rowid,
            GError      **error)
{
  g_autoptr(RgStmt) fts = rg_db_prepare (db, "DELETE FROM guest_name_fts WHERE rowid = ?", error);
  g_autoptr(RgStmt) key = NULL;

  if (fts == NULL)
    return FALSE;
  sqlite3_bind_int64 (fts, 1, fts_rowid);
  if (sqlite3_step (fts) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the name index");

  key = rg_db_prepare (db, "DELETE FROM local_guest_key WHERE fts_rowid = ?", error);
  if (key == NULL)
    return FALSE;
  sqlite3_bind_int64 (key, 1, fts_rowid);
  if (sqlite3_step (key) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the name index");
  return TRUE;
}

/* Writes the index rows of one guest under @fts_rowid, or under the next
 * key of the counter when @fts_rowid is 0. */
static gboolean
insert_key (RgDb         *db,
            gint64        fts_rowid,
            const gchar  *guest_id,
            const gchar  *tokens,
            gint64        last_visit_ms,
            GError      **error)
{
  g_autoptr(RgStmt) key = rg_db_prepare (db,
      "INSERT INTO local_guest_key (fts_rowid, guest_id, last_visit_ms) "
      "VALUES (coalesce (nullif (?1, 0), (SELECT coalesce (max (fts_rowid), 0) + 1 FROM local_guest_key)), ?2, ?3)",
      error);
  g_autoptr(RgStmt) fts = NULL;

  if (key == NULL)
    return FALSE;
  sqlite3_bind_int64 (key, 1, fts_rowid);
  sqlite3_bind_text (key, 2, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (key, 3, last_visit_ms);
  if (sqlite3_step (key) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the name index");

  fts = rg_db_prepare (db, "INSERT INTO guest_name_fts (rowid, tokens) VALUES (?, ?)", error);
  if (fts == NULL)
    return FALSE;
  sqlite3_bind_int64 (fts, 1, sqlite3_last_insert_rowid (rg_db_get_handle (db)));
  sqlite3_bind_text (fts, 2, tokens, -1, SQLITE_STATIC);
  if (sqlite3_step (fts) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the name index");
  return TRUE;
}

gboolean
_rg_guest_refresh_index (RgDb         *db,
               const gchar  *guest_id,
               GError      **error)
{
  g_autoptr(RgStmt) guest = rg_db_prepare (db,
      "SELECT g.name, g.family_name, g.deleted = 0 AND g.merged_into IS NULL, "
      "       coalesce (s.last_visit_ms, 0), k.fts_rowid, k.last_visit_ms "
      "FROM guest g LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "LEFT JOIN local_guest_key k ON k.guest_id = g.id WHERE g.id = ?", error);
  g_autofree gchar *tokens = NULL;
  gint64 last_visit_ms, fts_rowid;
  int rc;

  if (guest == NULL)
    return FALSE;
  sqlite3_bind_text (guest, 1, guest_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (guest);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "updating the name index");

  fts_rowid = sqlite3_column_int64 (guest, 4);
  if (!sqlite3_column_int (guest, 2))
    return fts_rowid == 0 || remove_key (db, fts_rowid, error);

  tokens = fold_name ((const gchar *) sqlite3_column_text (guest, 0),
                      (const gchar *) sqlite3_column_text (guest, 1));
  last_visit_ms = sqlite3_column_int64 (guest, 3);

  /* Keep the place unless the guest visited since it was given; a new
   * visit moves the guest to the top of the recency order. */
  if (fts_rowid != 0 && last_visit_ms > sqlite3_column_int64 (guest, 5))
    {
      if (!remove_key (db, fts_rowid, error))
        return FALSE;
      fts_rowid = 0;
    }
  else if (fts_rowid != 0)
    {
      g_autoptr(RgStmt) update = rg_db_prepare (db,
          "UPDATE guest_name_fts SET tokens = ?2 WHERE rowid = ?1", error);

      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, fts_rowid);
      sqlite3_bind_text (update, 2, tokens, -1, SQLITE_STATIC);
      if (sqlite3_step (update) != SQLITE_DONE)
        return rg_db_set_error (db, error, "updating the name index");
      return TRUE;
    }

  return insert_key (db, 0, guest_id, tokens, last_visit_ms, error);
}

gboolean
rg_guest_index_refresh (RgDb         *db,
                        const gchar  *guest_id,
                        GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (guest_id != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL || !_rg_guest_refresh_index (db, guest_id, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
rg_guest_index_rebuild (RgDb    *db,
                        GError **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) guests = NULL;
  gint64 fts_rowid = 0;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !rg_db_exec (db, "DELETE FROM guest_name_fts; DELETE FROM local_guest_key", error))
    return FALSE;

  guests = rg_db_prepare (db,
      "SELECT g.id, g.name, g.family_name, coalesce (s.last_visit_ms, 0) AS last "
      "FROM guest g LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "WHERE g.deleted = 0 AND g.merged_into IS NULL ORDER BY last, g.created_ms, g.rowid", error);
  if (guests == NULL)
    return FALSE;
  while ((rc = sqlite3_step (guests)) == SQLITE_ROW)
    {
      g_autofree gchar *tokens = fold_name ((const gchar *) sqlite3_column_text (guests, 1),
                                            (const gchar *) sqlite3_column_text (guests, 2));

      if (!insert_key (db, ++fts_rowid, (const gchar *) sqlite3_column_text (guests, 0),
                       tokens, sqlite3_column_int64 (guests, 3), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "rebuilding the name index");

  if (!rg_db_exec (db, "INSERT INTO guest_name_fts (guest_name_fts) VALUES ('optimize')", error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}
