/* rg-import-write.c — the last pass of an orders import: branches, items
 * and guests matched or added, rows grouped into closed visits and written,
 * the rollups rebuilt, all in one transaction.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-import-private.h"

#include <string.h>

#include "rg-guest.h"
#include "rg-id.h"
#include "rg-phone.h"
#include "rg-rollup.h"

#define NEW_VISIT_GAP_MS (G_GINT64_CONSTANT (6) * 3600 * 1000)
#define DEFAULT_BRANCH_NAME "Main"

typedef struct
{
  gchar  *id;
  gint64  cost;
} KnownItem;

/* ------------------------------------------------------------ branches */

static gboolean
load_time_zone (RgImportBranch  *branch,
                const gchar     *tz,
                GError         **error)
{
  if (g_strcmp0 (tz, "UTC") == 0 || g_strcmp0 (tz, "Etc/UTC") == 0)
    return TRUE;

  branch->tz = g_time_zone_new_identifier (tz);
  if (branch->tz == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the branch %s has the unknown time zone “%s”",
                   branch->name != NULL ? branch->name : branch->id, tz);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lookup_branch (RgImportRun     *imp,
               RgImportBranch  *branch,
               const gchar     *sql,
               const gchar     *key,
               GError         **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      branch->id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      if (branch->name == NULL)
        branch->name = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
      return load_time_zone (branch, (const gchar *) sqlite3_column_text (stmt, 2), error);
    case SQLITE_DONE:
      return TRUE;
    default:
      return rg_db_set_error (imp->db, error, "looking up a branch");
    }
}

static gboolean
resolve_branch (RgImportRun     *imp,
                RgImportBranch  *branch,
                GError         **error)
{
  g_autoptr(RgStmt) insert = NULL;

  if (branch->name != NULL)
    {
      if (!lookup_branch (imp, branch,
                          "SELECT id, name, tz FROM branch WHERE deleted = 0 AND name = ?1 COLLATE NOCASE",
                          branch->name, error))
        return FALSE;
    }
  else
    {
      g_autofree gchar *setting = rg_db_dup_setting (imp->db, "branch_id");

      if (setting != NULL &&
          !lookup_branch (imp, branch,
                          "SELECT id, name, tz FROM branch WHERE deleted = 0 AND id = ?1",
                          setting, error))
        return FALSE;
      if (branch->id == NULL &&
          !lookup_branch (imp, branch,
                          "SELECT id, name, tz FROM branch WHERE deleted = 0 ORDER BY rowid LIMIT 1",
                          NULL, error))
        return FALSE;
      if (branch->id == NULL)
        branch->name = g_strdup (DEFAULT_BRANCH_NAME);
    }
  if (branch->id != NULL)
    return TRUE;

  insert = rg_db_prepare (imp->db,
      "INSERT INTO branch (id, name, tz, updated_hlc, origin) VALUES (?1, ?2, 'UTC', ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  branch->id = rg_id_new ();
  sqlite3_bind_text (insert, 1, branch->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, branch->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (insert, 4, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding the branch %s", branch->name);
  imp->result->new_branches++;
  return TRUE;
}

/* --------------------------------------------------------------- items */

static void
known_item_free (KnownItem *known)
{
  g_free (known->id);
  g_free (known);
}

/* The live menu by folded name; the oldest item wins a name. */
static GHashTable *
load_menu (RgImportRun  *imp,
           GError      **error)
{
  g_autoptr(GHashTable) menu = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) known_item_free);
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "SELECT id, name, cost FROM menu_item WHERE deleted = 0 ORDER BY rowid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree gchar *folded = _rg_import_fold_name ((const gchar *) sqlite3_column_text (stmt, 1));
      KnownItem *known;

      if (g_hash_table_contains (menu, folded))
        continue;
      known = g_new0 (KnownItem, 1);
      known->id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      known->cost = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (menu, g_steal_pointer (&folded), known);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (imp->db, error, "reading the menu");
      return NULL;
    }
  return g_steal_pointer (&menu);
}

static gboolean
add_item (RgImportRun   *imp,
          RgImportItem  *item,
          GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "INSERT INTO menu_item (id, name, category, price, cost, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  item->id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, item->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, item->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, item->category, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, item->price);
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding the item %s to the menu", item->name);
  imp->result->new_items++;
  return TRUE;
}

/* Matches the item with the menu by its folded name, or adds it. */
static gboolean
resolve_item (RgImportRun   *imp,
              RgImportItem  *item,
              GError       **error)
{
  g_autofree gchar *folded = NULL;
  KnownItem *known;

  if (imp->menu == NULL)
    {
      imp->menu = load_menu (imp, error);
      if (imp->menu == NULL)
        return FALSE;
    }

  folded = _rg_import_fold_name (item->name);
  known = g_hash_table_lookup (imp->menu, folded);
  if (known == NULL)
    return add_item (imp, item, error);
  item->id = g_strdup (known->id);
  item->cost = known->cost;
  return TRUE;
}

/* -------------------------------------------------------------- guests */

/* The live guest that @id is or was merged into; NULL for an erased one. */
static gchar *
follow_merges (RgImportRun  *imp,
               const gchar  *id,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gchar *live = rg_guest_resolve_id (imp->db, id, &local_error);

  if (live == NULL && !g_error_matches (local_error, RG_ERROR, RG_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return live;
}

/* Finds a guest by one key; *found tells a guest held by the key (even an
 * erased one, whose *id is NULL) from none. */
static gboolean
find_guest_by (RgImportRun  *imp,
               const gchar  *sql,
               const gchar  *key,
               gboolean     *found,
               gchar       **id,
               GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db, sql, error);
  g_autoptr(GError) local_error = NULL;
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return rg_db_set_error (imp->db, error, "looking up the guest %s", key);

  *found = TRUE;
  *id = follow_merges (imp, (const gchar *) sqlite3_column_text (stmt, 0), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_phone (RgImportRun  *imp,
           const gchar  *guest_id,
           const gchar  *e164,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "INSERT INTO guest_phone (id, guest_id, e164, digits_rev, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autofree gchar *id = rg_id_new ();
  g_autofree gchar *digits_rev = rg_phone_digits_reversed (e164);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, e164, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, digits_rev, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding a guest's phone");
  return TRUE;
}

static gboolean
add_guest (RgImportRun    *imp,
           RgImportGuest  *guest,
           GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "INSERT INTO guest (id, name, external_ref, created_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autofree gchar *name = NULL;

  if (stmt == NULL)
    return FALSE;
  if (guest->ref != NULL)
    name = g_strdup_printf ("Guest %s", guest->ref);
  else
    name = g_strdup_printf ("Guest …%s", guest->phone + MAX (0, (gint) strlen (guest->phone) - 4));

  guest->id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, guest->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, guest->ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rg_now_ms ());
  sqlite3_bind_int64 (stmt, 5, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 6, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "adding the guest %s", name);
  imp->result->new_guests++;

  return guest->phone == NULL || add_phone (imp, guest->id, guest->phone, error);
}

/* Finds the guest by its id in the other system, then by phone; adds it
 * when neither is known, and its phone when only the id is. */
static gboolean
resolve_guest (RgImportRun    *imp,
               RgImportGuest  *guest,
               GError        **error)
{
  gboolean by_ref = FALSE, by_phone = FALSE;
  g_autofree gchar *phone_owner = NULL;

  if (guest->resolved)
    return TRUE;
  guest->resolved = TRUE;

  if (guest->ref != NULL &&
      !find_guest_by (imp, "SELECT id FROM guest WHERE external_ref = ?1",
                      guest->ref, &by_ref, &guest->id, error))
    return FALSE;
  if (guest->phone != NULL &&
      !find_guest_by (imp, "SELECT guest_id FROM guest_phone WHERE e164 = ?1 AND deleted = 0",
                      guest->phone, &by_phone, &phone_owner, error))
    return FALSE;

  if (!by_ref && !by_phone)
    return add_guest (imp, guest, error);
  if (!by_ref)
    guest->id = g_steal_pointer (&phone_owner);
  else if (!by_phone && guest->id != NULL && guest->phone != NULL)
    return add_phone (imp, guest->id, guest->phone, error);
  return TRUE;
}

/* -------------------------------------------------------------- visits */

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const RgImportRow *x = *(const RgImportRow * const *) a;
  const RgImportRow *y = *(const RgImportRow * const *) b;

  if (x->branch != y->branch)
    return (guintptr) x->branch < (guintptr) y->branch ? -1 : 1;
  if (x->visit != y->visit)
    return (guintptr) x->visit < (guintptr) y->visit ? -1 : 1;
  if (x->utc_ms != y->utc_ms)
    return x->utc_ms < y->utc_ms ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static gboolean
same_date (const RgImportStamp *a,
           const RgImportStamp *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

static gboolean
visit_exists (RgImportRun  *imp,
              const gchar  *branch_id,
              const gchar  *ref,
              gboolean     *exists,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (imp->db,
      "SELECT 1 FROM visit WHERE branch_id = ?1 AND external_ref = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "looking up the visit %s", ref);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* One row as one order line.  A total that does not divide by the
 * quantity ("3 for the price of 1") is charged at the next whole unit
 * price with the difference as the line's discount, so that the revenue
 * stays exact. */
static gboolean
write_row (RgImportRun        *imp,
           const gchar        *visit_id,
           const RgImportRow  *row,
           GError            **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *id = NULL;
  gint64 unit = row->total / row->qty + (row->total % row->qty != 0 ? 1 : 0);

  if (row->item->id == NULL && !resolve_item (imp, row->item, error))
    return FALSE;
  stmt = rg_db_prepare (imp->db,
      "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, discount, unit_cost, "
      "created_ms, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->item->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, row->qty);
  sqlite3_bind_int64 (stmt, 5, unit);
  sqlite3_bind_int64 (stmt, 6, unit * row->qty - row->total);
  sqlite3_bind_int64 (stmt, 7, row->item->cost);
  sqlite3_bind_int64 (stmt, 8, row->utc_ms);
  sqlite3_bind_int64 (stmt, 9, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 10, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "importing line %u", row->line);
  imp->result->lines++;
  imp->result->revenue += row->total;
  return TRUE;
}

static gboolean
write_visit (RgImportRun  *imp,
             RgImportRow **rows,
             guint         n_rows,
             GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  const RgImportRow *first = rows[0];
  g_autofree gchar *ref = g_strdup_printf ("%04d-%02d-%02d #%s", first->stamp.year,
                                           first->stamp.month, first->stamp.day, first->visit);
  g_autofree gchar *id = NULL;
  const gchar *guest_id = NULL;
  gint64 subtotal = 0;
  gboolean exists = FALSE;

  if (!visit_exists (imp, first->branch->id, ref, &exists, error))
    return FALSE;
  if (exists)
    {
      imp->result->duplicate_visits++;
      imp->result->duplicate_rows += n_rows;
      return TRUE;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      subtotal += rows[i]->total;
      if (guest_id == NULL && rows[i]->guest != NULL)
        {
          if (!resolve_guest (imp, rows[i]->guest, error))
            return FALSE;
          guest_id = rows[i]->guest->id;
        }
    }

  stmt = rg_db_prepare (imp->db,
      "INSERT INTO visit (id, branch_id, guest_id, seated_ms, left_ms, status, subtotal, "
      "external_ref, updated_hlc, origin) VALUES (?1, ?2, ?3, ?4, ?5, 'closed', ?6, ?7, ?8, ?9)",
      error);
  if (stmt == NULL)
    return FALSE;
  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, first->branch->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, first->utc_ms);
  sqlite3_bind_int64 (stmt, 5, rows[n_rows - 1]->utc_ms);
  sqlite3_bind_int64 (stmt, 6, subtotal);
  sqlite3_bind_text (stmt, 7, ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, rg_db_next_hlc (imp->db));
  sqlite3_bind_text (stmt, 9, rg_db_get_device_id (imp->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (imp->db, error, "importing the visit %s", first->visit);
  imp->result->visits++;

  for (guint i = 0; i < n_rows; i++)
    if (!write_row (imp, id, rows[i], error))
      return FALSE;
  return TRUE;
}

/* Groups the rows by branch and visit id, in time order; a row of the same
 * id on a later date and long after the previous one starts a new visit. */
static gboolean
write_visits (RgImportRun  *imp,
              GError      **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (imp->rows->len);
  guint i, j;

  for (i = 0; i < imp->rows->len; i++)
    {
      RgImportRow *row = &g_array_index (imp->rows, RgImportRow, i);

      if (row->skipped)
        continue;
      if (row->branch->id == NULL && !resolve_branch (imp, row->branch, error))
        return FALSE;
      row->utc_ms = rg_import_parse_stamp_to_ms (&row->stamp, row->branch->tz);
      g_ptr_array_add (order, row);
    }
  g_ptr_array_sort (order, compare_rows);

  for (i = 0; i < order->len; i = j)
    {
      RgImportRow **rows = (RgImportRow **) order->pdata;
      gint64 previous_ms = rows[i]->utc_ms;

      for (j = i + 1; j < order->len; j++)
        {
          if (rows[j]->branch != rows[i]->branch || rows[j]->visit != rows[i]->visit)
            break;
          if (rows[j]->utc_ms - previous_ms > NEW_VISIT_GAP_MS &&
              !same_date (&rows[j]->stamp, &rows[i]->stamp))
            break;
          previous_ms = rows[j]->utc_ms;
        }
      if (!write_visit (imp, rows + i, j - i, error))
        return FALSE;
    }
  return TRUE;
}

/* -------------------------------------------------------- internal API */

gboolean
_rg_import_write (RgImportRun  *imp,
                  GError      **error)
{
  g_autoptr(RgTransaction) txn = rg_db_begin (imp->db, error);
  gint64 start;

  if (txn == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!write_visits (imp, error))
    return FALSE;
  imp->result->write_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  /* which also renumbers the guest name index by the new last visits */
  if (!rg_rollup_rebuild (imp->db, error))
    return FALSE;
  imp->result->rollup_us = g_get_monotonic_time () - start;

  return rg_transaction_commit (g_steal_pointer (&txn), error);
}
