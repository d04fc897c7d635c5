/* rg-visit.c — seating a party, closing or voiding its check, and reading
 * visits and a guest's history.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-visit-private.h"

#include <string.h>

#include "rg-auth.h"
#include "rg-id.h"
#include "rg-rollup.h"

#define MAX_PARTY 500

/* The non-voided lines of visit v, as one sum. */
#define LINES_OF_V(expr) \
  "(SELECT coalesce (sum (" expr "), 0) FROM order_line l " \
  " WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0)"

#define VISIT_SELECT \
  "SELECT v.id, v.branch_id, b.name, v.guest_id, v.table_id, t.name, v.party_size, " \
  "  v.children, v.seated_ms, v.left_ms, v.server_id, v.status, " \
  "  CASE WHEN v.status = 'open' THEN " LINES_OF_V ("l.qty * l.unit_price - l.discount") " ELSE v.subtotal END, " \
  "  v.tip, v.payment_method, " \
  "  (SELECT group_concat (name, '" RG_VISIT_NAME_SEPARATOR "') FROM " \
  "     (SELECT m.name AS name FROM order_line l JOIN menu_item m ON m.id = l.item_id " \
  "      WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0 " \
  "      GROUP BY l.item_id ORDER BY min (l.created_ms), min (l.rowid))), " \
  "  (SELECT group_concat (label || ' ' || rating, ', ') FROM " \
  "     (SELECT CASE WHEN f.aspect = 'dish' THEN m.name ELSE f.aspect END AS label, f.rating " \
  "      FROM feedback f LEFT JOIN menu_item m ON m.id = f.item_id " \
  "      WHERE f.visit_id = v.id AND f.deleted = 0 ORDER BY f.created_ms, f.rowid)) " \
  "FROM visit v JOIN branch b ON b.id = v.branch_id " \
  "LEFT JOIN dining_table t ON t.id = v.table_id "

/* --------------------------------------------------------------- helpers */

void
_rg_visit_state_clear (VisitState *state)
{
  g_free (state->table_id);
}

static gboolean
set_visit_not_found (GError      **error,
                     const gchar  *visit_id)
{
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no visit with the id %s", visit_id);
  return FALSE;
}

/* Steps a statement that yields one visit at most. */
static RgVisit *
read_one_visit (RgDb         *db,
                RgStmt       *stmt,
                const gchar  *missing,
                GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return _rg_visit_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, RG_ERROR, RG_ERROR_NOT_FOUND, missing);
  else
    rg_db_set_error (db, error, "reading a visit");
  return NULL;
}

gboolean
_rg_visit_load_state (RgDb         *db,
                      const gchar  *visit_id,
                      VisitState   *state,
                      GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT table_id, status, seated_ms FROM visit WHERE id = ? AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return set_visit_not_found (error, visit_id);
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the visit %s", visit_id);
  state->table_id = _rg_service_dup_column (stmt, 0);
  rg_visit_status_from_string ((const gchar *) sqlite3_column_text (stmt, 1), &state->status);
  state->seated_ms = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

gboolean
_rg_visit_load_open (RgDb         *db,
                     const gchar  *visit_id,
                     VisitState   *state,
                     const gchar  *doing,
                     GError      **error)
{
  if (!_rg_visit_load_state (db, visit_id, state, error))
    return FALSE;
  if (state->status != RG_VISIT_OPEN)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s: the check is %s already",
                   doing, state->status == RG_VISIT_CLOSED ? "closed" : "void");
      return FALSE;
    }
  return TRUE;
}

/* ----------------------------------------------------------------- seat */

static gboolean
check_seating (RgDb            *db,
               const RgSeating *seating,
               GPtrArray       *extras,
               gint            *party_size,
               GError         **error)
{
  if (!_rg_service_check_branch (db, seating->branch_id, error))
    return FALSE;
  if (seating->guest_id != NULL && !_rg_service_check_row (db, "guest", seating->guest_id, "guest", error))
    return FALSE;
  if (seating->server_id != NULL && !_rg_service_check_row (db, "staff", seating->server_id, "staff member", error))
    return FALSE;

  for (gsize i = 0; seating->extra_guest_ids != NULL && seating->extra_guest_ids[i] != NULL; i++)
    {
      const gchar *id = seating->extra_guest_ids[i];

      if (g_strcmp0 (id, seating->guest_id) == 0 ||
          g_ptr_array_find_with_equal_func (extras, id, g_str_equal, NULL))
        continue;
      if (!_rg_service_check_row (db, "guest", id, "guest", error))
        return FALSE;
      g_ptr_array_add (extras, (gpointer) id);
    }

  *party_size = seating->party_size;
  if (*party_size == 0)
    *party_size = 1 + extras->len;
  if (*party_size < 1 || *party_size > MAX_PARTY)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "a party has between 1 and %d guests", MAX_PARTY);
      return FALSE;
    }
  if (*party_size < (gint) extras->len + (seating->guest_id != NULL ? 1 : 0))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "a party of %d cannot hold %u known guests", *party_size,
                   extras->len + (seating->guest_id != NULL ? 1 : 0));
      return FALSE;
    }
  if (seating->children < 0 || seating->children > *party_size)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "a party of %d cannot have %d children", *party_size, seating->children);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_table_for_seating (RgDb            *db,
                         const RgSeating *seating,
                         GError         **error)
{
  g_autoptr(RgDiningTable) table = NULL;
  gboolean open;

  if (seating->table_id == NULL)
    return TRUE;
  table = rg_floor_get_table (db, seating->table_id, error);
  if (table == NULL)
    return FALSE;
  if (strcmp (rg_dining_table_get_branch_id (table), seating->branch_id) != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "table %s belongs to another branch",
                   rg_dining_table_get_name (table));
      return FALSE;
    }

  if (!_rg_floor_has_open_visit (db, seating->table_id, &open, error))
    return FALSE;
  if (open || rg_dining_table_get_status (table) == RG_TABLE_SEATED)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "table %s is already seated",
                   rg_dining_table_get_name (table));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_visit_guest (RgDb         *db,
                    const gchar  *visit_id,
                    const gchar  *guest_id,
                    GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO visit_guest (id, visit_id, guest_id, updated_hlc, origin) VALUES (?, ?, ?, ?, ?)",
      error);
  g_autofree gchar *id = rg_id_new ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 5, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "adding a guest to the party");
  return TRUE;
}

static gboolean
check_external_ref (RgDb            *db,
                    const RgSeating *seating,
                    GError         **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  if (seating->external_ref == NULL)
    return TRUE;
  stmt = rg_db_prepare (db, "SELECT 1 FROM visit WHERE branch_id = ? AND external_ref = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, seating->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, seating->external_ref, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_DONE:
      return TRUE;
    case SQLITE_ROW:
      g_set_error (error, RG_ERROR, RG_ERROR_EXISTS, "the visit %s was imported already",
                   seating->external_ref);
      return FALSE;
    default:
      return rg_db_set_error (db, error, "checking the imported visit %s", seating->external_ref);
    }
}

RgVisit *
rg_visit_seat (RgDb             *db,
               const RgSeating  *seating,
               GError          **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(GPtrArray) extras = g_ptr_array_new ();
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *id = NULL;
  gint party_size;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (seating != NULL, NULL);
  g_return_val_if_fail (seating->branch_id != NULL, NULL);

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !check_seating (db, seating, extras, &party_size, error) ||
      !check_table_for_seating (db, seating, error) ||
      !check_external_ref (db, seating, error))
    return NULL;

  stmt = rg_db_prepare (db,
      "INSERT INTO visit (id, branch_id, guest_id, table_id, party_size, children, seated_ms, "
      "                   server_id, external_ref, updated_hlc, origin) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, seating->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, seating->guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, seating->table_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, party_size);
  sqlite3_bind_int (stmt, 6, seating->children);
  sqlite3_bind_int64 (stmt, 7, seating->seated_ms > 0 ? seating->seated_ms : rg_now_ms ());
  sqlite3_bind_text (stmt, 8, seating->server_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, seating->external_ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 11, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "seating the party");
      return NULL;
    }

  for (guint i = 0; i < extras->len; i++)
    if (!insert_visit_guest (db, id, extras->pdata[i], error))
      return NULL;
  if ((seating->table_id != NULL &&
       !_rg_floor_write_status (db, seating->table_id, RG_TABLE_SEATED, error)) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;

  return rg_visit_get (db, id, error);
}

gboolean
rg_visit_add_guest (RgDb         *db,
                    const gchar  *visit_id,
                    const gchar  *guest_id,
                    GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_auto(VisitState) state = { NULL, };
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);
  g_return_val_if_fail (guest_id != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !_rg_visit_load_open (db, visit_id, &state, "adding a guest to the party", error) ||
      !_rg_service_check_row (db, "guest", guest_id, "guest", error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "SELECT 1 FROM visit WHERE id = ?1 AND guest_id = ?2 "
      "UNION ALL SELECT 1 FROM visit_guest WHERE visit_id = ?1 AND guest_id = ?2 AND deleted = 0",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, guest_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the party");

  if (!insert_visit_guest (db, visit_id, guest_id, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

GStrv
rg_visit_list_guest_ids (RgDb         *db,
                         const gchar  *visit_id,
                         GError      **error)
{
  g_auto(VisitState) state = { NULL, };
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  if (!_rg_visit_load_state (db, visit_id, &state, error))
    return NULL;
  stmt = rg_db_prepare (db,
      "SELECT guest_id FROM (SELECT guest_id, 0 AS k, 0 AS r FROM visit WHERE id = ?1 AND guest_id IS NOT NULL "
      "  UNION ALL SELECT guest_id, 1, rowid FROM visit_guest WHERE visit_id = ?1 AND deleted = 0) "
      "ORDER BY k, r", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (ids, (const gchar *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the guests at the table");
      return NULL;
    }
  return g_strv_builder_end (ids);
}
/* ---------------------------------------------------------------- close */

gboolean
rg_visit_close (RgDb             *db,
                const gchar      *visit_id,
                gint64            tip,
                RgPaymentMethod   method,
                gint64            left_ms,
                GError          **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_auto(VisitState) visit = { NULL, };
  g_autoptr(RgStmt) stmt = NULL;
  RgVisitTotals totals;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);
  g_return_val_if_fail (method >= RG_PAYMENT_CASH && method <= RG_PAYMENT_OTHER, FALSE);

  if (tip < 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "closing the check: a tip cannot be negative");
      return FALSE;
    }
  txn = rg_db_begin (db, error);
  if (txn == NULL || !_rg_visit_load_open (db, visit_id, &visit, "closing the check", error))
    return FALSE;
  if (left_ms <= 0)
    left_ms = MAX (rg_now_ms (), visit.seated_ms);
  if (left_ms < visit.seated_ms)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "closing the check: the party cannot leave before it was seated");
      return FALSE;
    }
  if (!_rg_visit_compute_totals (db, visit_id, &totals, error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "UPDATE visit SET status = 'closed', subtotal = ?2, tip = ?3, payment_method = ?4, "
      "  left_ms = ?5, updated_hlc = ?6, origin = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, totals.subtotal);
  sqlite3_bind_int64 (stmt, 3, tip);
  sqlite3_bind_text (stmt, 4, rg_payment_method_to_string (method), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, left_ms);
  sqlite3_bind_int64 (stmt, 6, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 7, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "closing the check");

  if ((visit.table_id != NULL &&
       !_rg_floor_write_status (db, visit.table_id, RG_TABLE_TO_CLEAN, error)) ||
      !rg_rollup_add_visit (db, visit_id, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/* Whether the open visit @visit_id has lines not voided. */
static gboolean
has_live_lines (RgDb         *db,
                const gchar  *visit_id,
                gboolean     *live,
                GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT EXISTS (SELECT 1 FROM order_line WHERE visit_id = ?1 AND voided = 0 AND deleted = 0)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the check");
  *live = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
rg_visit_void (RgDb         *db,
               const gchar  *staff_id,
               const gchar  *visit_id,
               GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_auto(VisitState) visit = { NULL, };
  g_autoptr(RgStmt) stmt = NULL;
  gboolean live = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL || !_rg_visit_load_open (db, visit_id, &visit, "voiding the visit", error) ||
      !has_live_lines (db, visit_id, &live, error) ||
      !rg_auth_require (db, staff_id, live ? RG_PERMISSION_VOID_LINES : RG_PERMISSION_SEAT, error))
    return FALSE;
  stmt = rg_db_prepare (db,
      "UPDATE visit SET status = 'void', left_ms = ?2, updated_hlc = ?3, origin = ?4 WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, MAX (rg_now_ms (), visit.seated_ms));
  sqlite3_bind_int64 (stmt, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "voiding the visit");
  if (visit.table_id != NULL &&
      !_rg_floor_write_status (db, visit.table_id, RG_TABLE_TO_CLEAN, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/* ---------------------------------------------------------------- reads */

RgVisit *
rg_visit_get (RgDb         *db,
              const gchar  *visit_id,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autofree gchar *missing = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  stmt = rg_db_prepare (db, VISIT_SELECT "WHERE v.id = ? AND v.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  missing = g_strdup_printf ("there is no visit with the id %s", visit_id);
  return read_one_visit (db, stmt, missing, error);
}

RgVisit *
rg_visit_get_open_for_table (RgDb         *db,
                             const gchar  *table_id,
                             GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (table_id != NULL, NULL);

  stmt = rg_db_prepare (db,
      VISIT_SELECT "WHERE v.table_id = ? AND v.status = 'open' AND v.deleted = 0 "
      "ORDER BY v.seated_ms DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table_id, -1, SQLITE_STATIC);
  return read_one_visit (db, stmt, "no party is seated at this table", error);
}

GListModel *
rg_visit_list_for_guest (RgDb         *db,
                         const gchar  *guest_id,
                         guint         offset,
                         guint         limit,
                         GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_VISIT);
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (guest_id != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  stmt = rg_db_prepare (db,
      VISIT_SELECT
      "WHERE v.id IN (SELECT id FROM visit WHERE guest_id = ?1 "
      "               UNION SELECT visit_id FROM visit_guest WHERE guest_id = ?1 AND deleted = 0) "
      "  AND v.deleted = 0 AND v.status <> 'void' "
      "ORDER BY v.seated_ms DESC, v.id DESC LIMIT ?3 OFFSET ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, offset);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgVisit) visit = _rg_visit_from_row (stmt);

      g_list_store_append (store, visit);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the guest's visits");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
