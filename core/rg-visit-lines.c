/* rg-visit-lines.c — the order of a table: lines at the item's price, the
 * allergen guard, voids and totals.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding a line is the waiter's most frequent action, so it reads the visit,
 * the item and (only for an item with allergens) the party's allergies with
 * cached statements, then writes one row in one short transaction.
 */
#include "rg-visit-private.h"

#include <string.h>

#include "rg-auth.h"
#include "rg-id.h"
#include "rg-text.h"

#define LINE_SELECT \
  "SELECT l.id, l.visit_id, l.item_id, m.name, l.qty, l.unit_price, l.unit_cost, l.seat, " \
  "  l.course, l.voided, l.void_reason, l.allergen_override, l.staff_id, l.created_ms, " \
  "  l.discount, l.note " \
  "FROM order_line l JOIN menu_item m ON m.id = l.item_id "

/* What a line needs to know about its item. */
typedef struct
{
  gchar    *name;
  gchar    *allergens;
  gint64    price;
  gint64    cost;
  gboolean  available;
} ItemState;

static void
item_state_clear (ItemState *state)
{
  g_free (state->name);
  g_free (state->allergens);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemState, item_state_clear)

/* --------------------------------------------------------------- helpers */

static gboolean
load_item_state (RgDb         *db,
                 const gchar  *item_id,
                 ItemState    *state,
                 GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT name, allergens, price, cost, available FROM menu_item WHERE id = ? AND deleted = 0",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no dish with the id %s on the menu", item_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the dish %s", item_id);
  state->name = _rg_service_dup_column (stmt, 0);
  state->allergens = _rg_service_dup_column (stmt, 1);
  state->price = sqlite3_column_int64 (stmt, 2);
  state->cost = sqlite3_column_int64 (stmt, 3);
  state->available = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

gchar *
_rg_visit_normalize_allergen (const gchar *allergen)
{
  gchar *word = rg_text_check_word (allergen, "the allergen", G_MAXINT, NULL);

  return word != NULL ? word : g_utf8_strdown (allergen, -1);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

/* Finds the allergies of the party that @item_allergens (normalised, comma
 * separated) contains.  Fills @matched with the allergens, sorted and each
 * once, and @warning with one clause per guest and allergen. */
static gboolean
find_party_allergens (RgDb         *db,
                      const gchar  *visit_id,
                      const gchar  *item_allergens,
                      GPtrArray    *matched,
                      GString      *warning,
                      GError      **error)
{
  g_auto(GStrv) contains = g_strsplit (item_allergens, ",", -1);
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT a.allergen, a.severity, g.name FROM guest_allergy a JOIN guest g ON g.id = a.guest_id "
      "WHERE a.deleted = 0 AND a.guest_id IN "
      "  (SELECT guest_id FROM visit WHERE id = ?1 AND guest_id IS NOT NULL "
      "   UNION SELECT guest_id FROM visit_guest WHERE visit_id = ?1 AND deleted = 0) "
      "ORDER BY g.name, a.allergen", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree gchar *allergen = _rg_visit_normalize_allergen ((const gchar *) sqlite3_column_text (stmt, 0));
      const gchar *severity = (const gchar *) sqlite3_column_text (stmt, 1);

      if (!g_strv_contains ((const gchar * const *) contains, allergen))
        continue;
      g_string_append_printf (warning, "%s%s is allergic to %s%s", warning->len ? "; " : "",
                              (const gchar *) sqlite3_column_text (stmt, 2), allergen,
                              g_strcmp0 (severity, "anaphylactic") == 0 ? " (anaphylactic)" : "");
      if (!g_ptr_array_find_with_equal_func (matched, allergen, g_str_equal, NULL))
        g_ptr_array_add (matched, g_steal_pointer (&allergen));
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the allergies of the party");
  g_ptr_array_sort (matched, compare_strings);
  return TRUE;
}

static gchar *
join_words (GPtrArray   *words,
            const gchar *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (out, "%s%s", i ? separator : "", (const gchar *) words->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Checks a kitchen note: like any text a person types, and one line, since
 * it is printed under the dish on the ticket.  Sets @out to %NULL for none. */
static gboolean
check_note (const gchar  *note,
            gchar       **out,
            GError      **error)
{
  if (!rg_text_check_optional (note, "the note for the kitchen", RG_VISIT_NOTE_MAX, out, error))
    return FALSE;
  if (*out != NULL && strpbrk (*out, "\t\n") != NULL)
    {
      g_clear_pointer (out, g_free);
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the note for the kitchen must be one line");
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_line (RgDb          *db,
             const gchar   *id,
             const gchar   *visit_id,
             const gchar   *item_id,
             gint           qty,
             gint64         unit_price,
             gint64         unit_cost,
             gint           seat,
             gint           course,
             const gchar   *allergen_override,
             const gchar   *note,
             const gchar   *staff_id,
             gint64         created_ms,
             GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, unit_cost, seat, course, "
      "                        allergen_override, staff_id, created_ms, updated_hlc, origin, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif (?7, 0), nullif (?8, 0), ?9, ?10, ?11, ?12, ?13, ?14)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, item_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, qty);
  sqlite3_bind_int64 (stmt, 5, unit_price);
  sqlite3_bind_int64 (stmt, 6, unit_cost);
  sqlite3_bind_int (stmt, 7, seat);
  sqlite3_bind_int (stmt, 8, course);
  sqlite3_bind_text (stmt, 9, allergen_override, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, staff_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, created_ms);
  sqlite3_bind_int64 (stmt, 12, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 13, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, note, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "adding a line to the check");
  return TRUE;
}

/* ---------------------------------------------------------------- lines */

RgOrderLine *
rg_visit_add_line (RgDb         *db,
                   const gchar  *visit_id,
                   const gchar  *item_id,
                   gint          qty,
                   gint          seat,
                   gint          course,
                   const gchar  *staff_id,
                   gboolean      confirm_allergens,
                   GError      **error)
{
  return rg_visit_add_noted_line (db, visit_id, item_id, qty, seat, course, NULL, staff_id,
                                  confirm_allergens, error);
}

RgOrderLine *
rg_visit_add_noted_line (RgDb         *db,
                         const gchar  *visit_id,
                         const gchar  *item_id,
                         gint          qty,
                         gint          seat,
                         gint          course,
                         const gchar  *note,
                         const gchar  *staff_id,
                         gboolean      confirm_allergens,
                         GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_auto(VisitState) visit = { NULL, };
  g_auto(ItemState) item = { NULL, };
  g_autoptr(GPtrArray) matched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) warning = g_string_new (NULL);
  g_autofree gchar *override = NULL;
  g_autofree gchar *clean_note = NULL;
  RgOrderLine *line;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  if (qty < 1 || seat < 0 || course < 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "a line needs a quantity of at least 1, and no negative seat or course");
      return NULL;
    }
  if (!check_note (note, &clean_note, error))
    return NULL;

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !_rg_visit_load_open (db, visit_id, &visit, "adding to the check", error) ||
      !load_item_state (db, item_id, &item, error))
    return NULL;
  if (!item.available)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s is off today", item.name);
      return NULL;
    }
  if (*item.allergens != '\0' &&
      !find_party_allergens (db, visit_id, item.allergens, matched, warning, error))
    return NULL;
  if (matched->len > 0 && !confirm_allergens)
    {
      g_autofree gchar *list = join_words (matched, " and ");

      g_set_error (error, RG_ERROR, RG_ERROR_ALLERGEN, "%s contains %s: %s",
                   item.name, list, warning->str);
      return NULL;
    }
  if (matched->len > 0)
    override = join_words (matched, ",");

  line = g_object_new (RG_TYPE_ORDER_LINE, NULL);
  line->id = rg_id_new ();
  line->visit_id = g_strdup (visit_id);
  line->item_id = g_strdup (item_id);
  line->item_name = g_steal_pointer (&item.name);
  line->qty = qty;
  line->unit_price = item.price;
  line->unit_cost = item.cost;
  line->seat = seat;
  line->course = course;
  line->allergen_override = g_steal_pointer (&override);
  line->staff_id = g_strdup (staff_id);
  line->note = g_steal_pointer (&clean_note);
  line->created_ms = rg_now_ms ();

  if (!insert_line (db, line->id, visit_id, item_id, qty, line->unit_price, line->unit_cost,
                    seat, course, line->allergen_override, line->note, staff_id, line->created_ms,
                    error) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    {
      g_object_unref (line);
      return NULL;
    }
  return line;
}

gboolean
rg_visit_import_line (RgDb         *db,
                      const gchar  *visit_id,
                      const gchar  *item_id,
                      gint          qty,
                      gint64        unit_price,
                      gint64        created_ms,
                      GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_auto(VisitState) visit = { NULL, };
  g_auto(ItemState) item = { NULL, };
  g_autofree gchar *id = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (qty < 1 || unit_price < 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "an imported line needs a quantity of at least 1 and a price of 0 or more");
      return FALSE;
    }
  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !_rg_visit_load_open (db, visit_id, &visit, "importing a line", error) ||
      !load_item_state (db, item_id, &item, error))
    return FALSE;

  id = rg_id_new ();
  if (!insert_line (db, id, visit_id, item_id, qty, unit_price, item.cost, 0, 0, NULL, NULL, NULL,
                    created_ms > 0 ? created_ms : visit.seated_ms, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

/* Finds a live line of an open check, for changing it: @item_name is set
 * to its dish's name.  A voided line or a check that is no longer open is
 * %RG_ERROR_INVALID ("the line of Margherita is voided already"). */
static gboolean
load_changeable_line (RgDb         *db,
                      const gchar  *line_id,
                      const gchar  *doing,
                      gchar       **item_name,
                      GError      **error)
{
  g_autoptr(RgStmt) find = rg_db_prepare (db,
      "SELECT l.visit_id, l.voided, m.name FROM order_line l JOIN menu_item m ON m.id = l.item_id "
      "WHERE l.id = ? AND l.deleted = 0", error);
  g_auto(VisitState) visit = { NULL, };
  g_autofree gchar *visit_id = NULL;
  g_autofree gchar *name = NULL;
  int rc;

  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, line_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no order line with the id %s", line_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the order line %s", line_id);
  visit_id = _rg_service_dup_column (find, 0);
  name = _rg_service_dup_column (find, 2);
  if (sqlite3_column_int (find, 1) != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the line of %s is voided already", name);
      return FALSE;
    }
  if (!_rg_visit_load_open (db, visit_id, &visit, doing, error))
    return FALSE;
  *item_name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
rg_visit_void_line (RgDb         *db,
                    const gchar  *staff_id,
                    const gchar  *line_id,
                    const gchar  *reason,
                    GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) update = NULL;
  g_autofree gchar *clean = NULL;
  g_autofree gchar *item_name = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (line_id != NULL, FALSE);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_VOID_LINES, error))
    return FALSE;
  clean = rg_text_check (reason, "the reason for voiding", RG_VISIT_REASON_MAX, error);
  if (clean == NULL)
    return FALSE;

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !load_changeable_line (db, line_id, "voiding a line", &item_name, error))
    return FALSE;

  update = rg_db_prepare (db,
      "UPDATE order_line SET voided = 1, void_reason = ?2, updated_hlc = ?3, origin = ?4 "
      "WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, line_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (update, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (update) != SQLITE_DONE)
    return rg_db_set_error (db, error, "voiding the line of %s", item_name);
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
rg_visit_set_line_note (RgDb         *db,
                        const gchar  *line_id,
                        const gchar  *note,
                        GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) update = NULL;
  g_autofree gchar *clean = NULL;
  g_autofree gchar *item_name = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (line_id != NULL, FALSE);

  if (!check_note (note, &clean, error))
    return FALSE;
  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !load_changeable_line (db, line_id, "writing a note on a line", &item_name, error))
    return FALSE;

  update = rg_db_prepare (db,
      "UPDATE order_line SET note = ?2, updated_hlc = ?3, origin = ?4 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, line_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, rg_db_next_hlc (db));
  sqlite3_bind_text (update, 4, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (update) != SQLITE_DONE)
    return rg_db_set_error (db, error, "writing the note on the line of %s", item_name);
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

GListModel *
rg_visit_list_lines (RgDb         *db,
                     const gchar  *visit_id,
                     GError      **error)
{
  g_auto(VisitState) visit = { NULL, };
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_ORDER_LINE);
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  if (!_rg_visit_load_state (db, visit_id, &visit, error))
    return NULL;
  stmt = rg_db_prepare (db,
      LINE_SELECT "WHERE l.visit_id = ? AND l.deleted = 0 ORDER BY l.created_ms, l.rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgOrderLine) line = _rg_order_line_from_row (stmt);

      g_list_store_append (store, line);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the check");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
_rg_visit_compute_totals (RgDb           *db,
                          const gchar    *visit_id,
                          RgVisitTotals  *totals,
                          GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT coalesce (sum (qty * unit_price - discount), 0), coalesce (sum (qty * unit_cost), 0), "
      "  coalesce (sum (qty), 0), count (*) "
      "FROM order_line WHERE visit_id = ? AND voided = 0 AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rg_db_set_error (db, error, "adding up the check");
  totals->subtotal = sqlite3_column_int64 (stmt, 0);
  totals->cost = sqlite3_column_int64 (stmt, 1);
  totals->items = sqlite3_column_int (stmt, 2);
  totals->lines = sqlite3_column_int (stmt, 3);
  return TRUE;
}

gboolean
rg_visit_get_totals (RgDb           *db,
                     const gchar    *visit_id,
                     RgVisitTotals  *totals,
                     GError        **error)
{
  g_auto(VisitState) visit = { NULL, };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  return _rg_visit_load_state (db, visit_id, &visit, error) &&
         _rg_visit_compute_totals (db, visit_id, totals, error);
}
