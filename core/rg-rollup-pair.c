/* rg-rollup-pair.c — keeping rollup_pair_pack, the packed twin of
 * rollup_pair_month that the dish pairings read (schema version 18).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Closing a check rewrites the one row of its branch and month: a few
 * thousand pairs of a big menu, some tens of kilobytes.  A rebuild repacks
 * rollup_pair_month, keeping the numbers dishes already have, so that a
 * rebuild gives the same rows as closing the checks.
 */
#include <stdlib.h>

#include "rg-rollup-pair.h"
#include "rg-rollup-private.h"

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const RgRollupPairEntry *x = a, *y = b;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b ? 1 : 0;
}

/* Writes @entries (sorted) as the pack of @branch_id and @month. */
static gboolean
write_pack (RgDb          *db,
            const gchar   *branch_id,
            const gchar   *month,
            const GArray  *entries,
            GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO rollup_pair_pack (branch_id, month, pairs) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (branch_id, month) DO UPDATE SET pairs = excluded.pairs", error);
  g_autofree guint32 *words = g_new (guint32, MAX (entries->len, 1) * 3);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const RgRollupPairEntry *e = &g_array_index (entries, RgRollupPairEntry, i);

      words[3 * i] = GUINT32_TO_LE (e->a);
      words[3 * i + 1] = GUINT32_TO_LE (e->b);
      words[3 * i + 2] = GUINT32_TO_LE (e->visits);
    }
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, words, (int) (entries->len * RG_ROLLUP_PAIR_ENTRY_SIZE), SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "updating the dish pairings of %s", month);
  return TRUE;
}

/* The pairs of a pack row (none when there is no row). */
static GArray *
read_pack (RgDb         *db,
           const gchar  *branch_id,
           const gchar  *month,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT pairs FROM rollup_pair_pack WHERE branch_id = ?1 AND month = ?2", error);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (RgRollupPairEntry));

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      g_array_set_size (entries, (guint) sqlite3_column_bytes (stmt, 0) / RG_ROLLUP_PAIR_ENTRY_SIZE);
      for (guint i = 0; i < entries->len; i++)
        rg_rollup_pair_get_entry (sqlite3_column_blob (stmt, 0), i,
                                  &g_array_index (entries, RgRollupPairEntry, i));
      return g_steal_pointer (&entries);
    case SQLITE_DONE:
      return g_steal_pointer (&entries);
    default:
      rg_db_set_error (db, error, "reading the dish pairings of %s", month);
      return NULL;
    }
}

/* ------------------------------------------------------------ public API */

/**
 * rg_rollup_pair_add:
 * @db: a connection inside the transaction that closes the check
 * @branch_id: the visit's branch
 * @month: the local month its party was seated, "YYYY-MM"
 * @visit_id: the visit
 * @error: return location for a #GError
 *
 * Adds the visit to every pair of its live dishes in rollup_pair_pack, as
 * closing the check adds it to rollup_pair_month, numbering dishes on
 * their first pairing.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean
rg_rollup_pair_add (RgDb         *db,
                    const gchar  *branch_id,
                    const gchar  *month,
                    const gchar  *visit_id,
                    GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) entries = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && branch_id != NULL && month != NULL && visit_id != NULL, FALSE);

  stmt = rg_db_prepare (db, "SELECT DISTINCT item_id FROM order_line WHERE visit_id = ? AND voided = 0 AND deleted = 0",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the dishes of the visit %s", visit_id);
  rg_stmt_release (g_steal_pointer (&stmt));
  if (items->len < 2)
    return TRUE;

  for (guint i = 0; i < items->len; i++)
    {
      guint32 number;

      if (!_rg_rollup_number (db, "rollup_item_number", "item_id", "dish", items->pdata[i], &number, error))
        return FALSE;
      g_array_append_val (numbers, number);
    }
  entries = read_pack (db, branch_id, month, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < numbers->len; i++)
    for (guint j = i + 1; j < numbers->len; j++)
      {
        guint32 x = g_array_index (numbers, guint32, i), y = g_array_index (numbers, guint32, j);
        RgRollupPairEntry pair = { MIN (x, y), MAX (x, y), 1 };
        guint lo = 0, hi = entries->len;

        while (lo < hi)
          {
            guint mid = lo + (hi - lo) / 2;

            if (compare_entries (&g_array_index (entries, RgRollupPairEntry, mid), &pair) < 0)
              lo = mid + 1;
            else
              hi = mid;
          }
        if (lo < entries->len && compare_entries (&g_array_index (entries, RgRollupPairEntry, lo), &pair) == 0)
          g_array_index (entries, RgRollupPairEntry, lo).visits++;
        else
          g_array_insert_val (entries, lo, pair);
      }
  return write_pack (db, branch_id, month, entries, error);
}

/**
 * rg_rollup_pair_rebuild:
 * @db: a connection inside a transaction, rollup_pair_month just rebuilt
 * @error: return location for a #GError
 *
 * Repacks rollup_pair_pack from rollup_pair_month, numbering the dishes
 * without a number in the order of their ids.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean
rg_rollup_pair_rebuild (RgDb    *db,
                        GError **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (RgRollupPairEntry));
  g_autofree gchar *branch_id = NULL;
  g_autofree gchar *month = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!rg_db_exec (db, "DELETE FROM rollup_pair_pack; "
                       "INSERT OR IGNORE INTO rollup_item_number (item_id) "
                       "SELECT item_a FROM rollup_pair_month UNION SELECT item_b FROM rollup_pair_month ORDER BY 1",
                   error))
    return FALSE;
  stmt = rg_db_prepare (db,
      "SELECT m.branch_id, m.month, na.number, nb.number, m.visits FROM rollup_pair_month m "
      "JOIN rollup_item_number na ON na.item_id = m.item_a JOIN rollup_item_number nb ON nb.item_id = m.item_b "
      "ORDER BY m.branch_id, m.month", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *row_branch = (const gchar *) sqlite3_column_text (stmt, 0);
      const gchar *row_month = (const gchar *) sqlite3_column_text (stmt, 1);
      guint32 x = (guint32) sqlite3_column_int64 (stmt, 2), y = (guint32) sqlite3_column_int64 (stmt, 3);
      RgRollupPairEntry pair = { MIN (x, y), MAX (x, y), (guint32) sqlite3_column_int64 (stmt, 4) };

      if (g_strcmp0 (month, row_month) != 0 || g_strcmp0 (branch_id, row_branch) != 0)
        {
          if (entries->len > 0)
            {
              g_array_sort (entries, compare_entries);
              if (!write_pack (db, branch_id, month, entries, error))
                return FALSE;
            }
          g_array_set_size (entries, 0);
          g_free (branch_id);
          branch_id = g_strdup (row_branch);
          g_free (month);
          month = g_strdup (row_month);
        }
      g_array_append_val (entries, pair);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "packing the dish pairings");
  if (entries->len == 0)
    return TRUE;
  g_array_sort (entries, compare_entries);
  return write_pack (db, branch_id, month, entries, error);
}

/**
 * rg_rollup_pair_ensure:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Packs rollup_pair_month once when a database just updated to schema
 * version 18 has pairs but no packs yet (rg_rollup_pair_rebuild() in a
 * transaction of its own); does nothing otherwise.
 *
 * Returns: %TRUE on success; %FALSE with a database error, nothing changed.
 */
gboolean
rg_rollup_pair_ensure (RgDb    *db,
                       GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT EXISTS (SELECT 1 FROM rollup_pair_month) AND NOT EXISTS (SELECT 1 FROM rollup_pair_pack)", error);
  g_autoptr(RgTransaction) txn = NULL;
  gboolean missing;

  g_return_val_if_fail (db != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "checking the dish pairings");
  missing = sqlite3_column_int (stmt, 0) != 0;
  rg_stmt_release (g_steal_pointer (&stmt));
  if (!missing)
    return TRUE;

  txn = rg_db_begin (db, error);
  if (txn == NULL || !rg_rollup_pair_rebuild (db, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/**
 * rg_rollup_pair_dup_items:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8): the id of each dish number
 *   of rollup_item_number at its index (%NULL for a number not given), or
 *   %NULL with a database error.
 */
GPtrArray *
rg_rollup_pair_dup_items (RgDb    *db,
                          GError **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT number, item_id FROM rollup_item_number ORDER BY number", error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint number = (guint) sqlite3_column_int64 (stmt, 0);

      if (number >= items->len)
        g_ptr_array_set_size (items, (gint) number + 1);
      items->pdata[number] = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the dishes of the pairings");
      return NULL;
    }
  return g_steal_pointer (&items);
}
