/* rg-visit.c — seating, order lines, allergen guard, closing checks, history.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding a line is the waiter's most frequent action, so it reads the visit,
 * the item and (only for an item with allergens) the party's allergies with
 * cached statements, then writes one row in one short transaction.
 */
#include "rg-visit.h"

#include <string.h>

#include "rg-id.h"
#include "rg-rollup.h"
#include "rg-service-private.h"
#include "rg-text.h"

#define MAX_PARTY 500
/* Separates dish names inside one SQL result (the ASCII unit separator). */
#define NAME_SEPARATOR "\x1f"

struct _RgVisit
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *branch_id;
  gchar *branch_name;
  gchar *guest_id;
  gchar *table_id;
  gchar *table_name;
  gchar *server_id;
  gchar *payment_method;
  GStrv  dish_names;
  gchar *feedback_summary;

  gint          party_size;
  gint          children;
  gint64        seated_ms;
  gint64        left_ms;
  RgVisitStatus status;
  gint64        subtotal;
  gint64        tip;
};

struct _RgOrderLine
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *visit_id;
  gchar *item_id;
  gchar *item_name;
  gchar *void_reason;
  gchar *allergen_override;
  gchar *staff_id;

  gint     qty;
  gint64   unit_price;
  gint64   unit_cost;
  gint     seat;
  gint     course;
  gboolean voided;
  gint64   created_ms;
};

G_DEFINE_FINAL_TYPE (RgVisit, rg_visit, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgOrderLine, rg_order_line, G_TYPE_OBJECT)

static const gchar * const visit_statuses[] = { "open", "closed", "void", NULL };
static const gchar * const payment_methods[] = { "cash", "card", "mobile", "voucher", "other", NULL };

/* The non-voided lines of visit v, as one sum. */
#define LINES_OF_V(expr) \
  "(SELECT coalesce (sum (" expr "), 0) FROM order_line l " \
  " WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0)"

#define VISIT_SELECT \
  "SELECT v.id, v.branch_id, b.name, v.guest_id, v.table_id, t.name, v.party_size, " \
  "  v.children, v.seated_ms, v.left_ms, v.server_id, v.status, " \
  "  CASE WHEN v.status = 'open' THEN " LINES_OF_V ("l.qty * l.unit_price") " ELSE v.subtotal END, " \
  "  v.tip, v.payment_method, " \
  "  (SELECT group_concat (name, '" NAME_SEPARATOR "') FROM " \
  "     (SELECT m.name AS name FROM order_line l JOIN menu_item m ON m.id = l.item_id " \
  "      WHERE l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0 " \
  "      GROUP BY l.item_id ORDER BY min (l.created_ms), min (l.rowid))), " \
  "  (SELECT group_concat (label || ' ' || rating, ', ') FROM " \
  "     (SELECT CASE WHEN f.aspect = 'dish' THEN m.name ELSE f.aspect END AS label, f.rating " \
  "      FROM feedback f LEFT JOIN menu_item m ON m.id = f.item_id " \
  "      WHERE f.visit_id = v.id AND f.deleted = 0 ORDER BY f.created_ms, f.rowid)) " \
  "FROM visit v JOIN branch b ON b.id = v.branch_id " \
  "LEFT JOIN dining_table t ON t.id = v.table_id "

#define LINE_SELECT \
  "SELECT l.id, l.visit_id, l.item_id, m.name, l.qty, l.unit_price, l.unit_cost, l.seat, " \
  "  l.course, l.voided, l.void_reason, l.allergen_override, l.staff_id, l.created_ms " \
  "FROM order_line l JOIN menu_item m ON m.id = l.item_id "

/* What a line needs to know about its visit. */
typedef struct
{
  gchar         *table_id;
  RgVisitStatus  status;
  gint64         seated_ms;
} VisitState;

static void
visit_state_clear (VisitState *state)
{
  g_free (state->table_id);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VisitState, visit_state_clear)

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
set_visit_not_found (GError      **error,
                     const gchar  *visit_id)
{
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no visit with the id %s", visit_id);
  return FALSE;
}

static RgVisit *
visit_from_row (RgStmt *stmt)
{
  RgVisit *self = g_object_new (RG_TYPE_VISIT, NULL);
  const gchar *dishes = (const gchar *) sqlite3_column_text (stmt, 15);

  self->id = _rg_service_dup_column (stmt, 0);
  self->branch_id = _rg_service_dup_column (stmt, 1);
  self->branch_name = _rg_service_dup_column (stmt, 2);
  self->guest_id = _rg_service_dup_column (stmt, 3);
  self->table_id = _rg_service_dup_column (stmt, 4);
  self->table_name = _rg_service_dup_column (stmt, 5);
  self->party_size = sqlite3_column_int (stmt, 6);
  self->children = sqlite3_column_int (stmt, 7);
  self->seated_ms = sqlite3_column_int64 (stmt, 8);
  self->left_ms = sqlite3_column_int64 (stmt, 9);
  self->server_id = _rg_service_dup_column (stmt, 10);
  self->status = MAX (0, _rg_service_word_index (visit_statuses, (const gchar *) sqlite3_column_text (stmt, 11)));
  self->subtotal = sqlite3_column_int64 (stmt, 12);
  self->tip = sqlite3_column_int64 (stmt, 13);
  self->payment_method = _rg_service_dup_column (stmt, 14);
  self->dish_names = dishes != NULL ? g_strsplit (dishes, NAME_SEPARATOR, -1) : g_new0 (gchar *, 1);
  self->feedback_summary = _rg_service_dup_column (stmt, 16);
  return self;
}

static RgOrderLine *
line_from_row (RgStmt *stmt)
{
  RgOrderLine *self = g_object_new (RG_TYPE_ORDER_LINE, NULL);

  self->id = _rg_service_dup_column (stmt, 0);
  self->visit_id = _rg_service_dup_column (stmt, 1);
  self->item_id = _rg_service_dup_column (stmt, 2);
  self->item_name = _rg_service_dup_column (stmt, 3);
  self->qty = sqlite3_column_int (stmt, 4);
  self->unit_price = sqlite3_column_int64 (stmt, 5);
  self->unit_cost = sqlite3_column_int64 (stmt, 6);
  self->seat = sqlite3_column_int (stmt, 7);
  self->course = sqlite3_column_int (stmt, 8);
  self->voided = sqlite3_column_int (stmt, 9) != 0;
  self->void_reason = _rg_service_dup_column (stmt, 10);
  self->allergen_override = _rg_service_dup_column (stmt, 11);
  self->staff_id = _rg_service_dup_column (stmt, 12);
  self->created_ms = sqlite3_column_int64 (stmt, 13);
  return self;
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
    return visit_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, RG_ERROR, RG_ERROR_NOT_FOUND, missing);
  else
    rg_db_set_error (db, error, "reading a visit");
  return NULL;
}

static gboolean
load_visit_state (RgDb         *db,
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
  state->status = MAX (0, _rg_service_word_index (visit_statuses, (const gchar *) sqlite3_column_text (stmt, 1)));
  state->seated_ms = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* Loads the visit and refuses it unless its check is open; @doing says
 * what was being done, for the message. */
static gboolean
load_open_visit (RgDb         *db,
                 const gchar  *visit_id,
                 VisitState   *state,
                 const gchar  *doing,
                 GError      **error)
{
  if (!load_visit_state (db, visit_id, state, error))
    return FALSE;
  if (state->status != RG_VISIT_OPEN)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s: the check is %s already",
                   doing, state->status == RG_VISIT_CLOSED ? "closed" : "void");
      return FALSE;
    }
  return TRUE;
}

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

/* An allergy written by hand or imported is matched the way menu words are
 * stored ("Tree nuts" → "tree-nuts"). */
static gchar *
normalize_allergen (const gchar *allergen)
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
      g_autofree gchar *allergen = normalize_allergen ((const gchar *) sqlite3_column_text (stmt, 0));
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
             const gchar   *staff_id,
             gint64         created_ms,
             GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, unit_cost, seat, course, "
      "                        allergen_override, staff_id, created_ms, updated_hlc, origin) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif (?7, 0), nullif (?8, 0), ?9, ?10, ?11, ?12, ?13)",
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
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rg_db_set_error (db, error, "adding a line to the check");
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
      !load_open_visit (db, visit_id, &state, "adding a guest to the party", error) ||
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
  g_autoptr(RgTransaction) txn = NULL;
  g_auto(VisitState) visit = { NULL, };
  g_auto(ItemState) item = { NULL, };
  g_autoptr(GPtrArray) matched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) warning = g_string_new (NULL);
  g_autofree gchar *override = NULL;
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

  txn = rg_db_begin (db, error);
  if (txn == NULL ||
      !load_open_visit (db, visit_id, &visit, "adding to the check", error) ||
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
  line->created_ms = rg_now_ms ();

  if (!insert_line (db, line->id, visit_id, item_id, qty, line->unit_price, line->unit_cost,
                    seat, course, line->allergen_override, staff_id, line->created_ms, error) ||
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
      !load_open_visit (db, visit_id, &visit, "importing a line", error) ||
      !load_item_state (db, item_id, &item, error))
    return FALSE;

  id = rg_id_new ();
  if (!insert_line (db, id, visit_id, item_id, qty, unit_price, item.cost, 0, 0, NULL, NULL,
                    created_ms > 0 ? created_ms : visit.seated_ms, error))
    return FALSE;
  return rg_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
rg_visit_void_line (RgDb         *db,
                    const gchar  *line_id,
                    const gchar  *reason,
                    GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgStmt) find = NULL;
  g_autoptr(RgStmt) update = NULL;
  g_auto(VisitState) visit = { NULL, };
  g_autofree gchar *clean = NULL;
  g_autofree gchar *visit_id = NULL;
  g_autofree gchar *item_name = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (line_id != NULL, FALSE);

  clean = rg_text_check (reason, "the reason for voiding", RG_VISIT_REASON_MAX, error);
  if (clean == NULL)
    return FALSE;

  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return FALSE;
  find = rg_db_prepare (db,
      "SELECT l.visit_id, l.voided, m.name FROM order_line l JOIN menu_item m ON m.id = l.item_id "
      "WHERE l.id = ? AND l.deleted = 0", error);
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
  item_name = _rg_service_dup_column (find, 2);
  if (sqlite3_column_int (find, 1) != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the line of %s is voided already", item_name);
      return FALSE;
    }
  if (!load_open_visit (db, visit_id, &visit, "voiding a line", error))
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

  if (!load_visit_state (db, visit_id, &visit, error))
    return NULL;
  stmt = rg_db_prepare (db,
      LINE_SELECT "WHERE l.visit_id = ? AND l.deleted = 0 ORDER BY l.created_ms, l.rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgOrderLine) line = line_from_row (stmt);

      g_list_store_append (store, line);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the check");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
compute_totals (RgDb           *db,
                const gchar    *visit_id,
                RgVisitTotals  *totals,
                GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT coalesce (sum (qty * unit_price), 0), coalesce (sum (qty * unit_cost), 0), "
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

  return load_visit_state (db, visit_id, &visit, error) &&
         compute_totals (db, visit_id, totals, error);
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
  if (txn == NULL || !load_open_visit (db, visit_id, &visit, "closing the check", error))
    return FALSE;
  if (left_ms <= 0)
    left_ms = MAX (rg_now_ms (), visit.seated_ms);
  if (left_ms < visit.seated_ms)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "closing the check: the party cannot leave before it was seated");
      return FALSE;
    }
  if (!compute_totals (db, visit_id, &totals, error))
    return FALSE;

  stmt = rg_db_prepare (db,
      "UPDATE visit SET status = 'closed', subtotal = ?2, tip = ?3, payment_method = ?4, "
      "  left_ms = ?5, updated_hlc = ?6, origin = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, totals.subtotal);
  sqlite3_bind_int64 (stmt, 3, tip);
  sqlite3_bind_text (stmt, 4, payment_methods[method], -1, SQLITE_STATIC);
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

gboolean
rg_visit_void (RgDb         *db,
               const gchar  *visit_id,
               GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_auto(VisitState) visit = { NULL, };
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  txn = rg_db_begin (db, error);
  if (txn == NULL || !load_open_visit (db, visit_id, &visit, "voiding the visit", error))
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
      g_autoptr(RgVisit) visit = visit_from_row (stmt);

      g_list_store_append (store, visit);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the guest's visits");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ---------------------------------------------------------------- words */

const gchar *
rg_visit_status_to_string (RgVisitStatus status)
{
  g_return_val_if_fail (status >= RG_VISIT_OPEN && status <= RG_VISIT_VOID, NULL);
  return visit_statuses[status];
}

gboolean
rg_visit_status_from_string (const gchar   *text,
                             RgVisitStatus *status)
{
  gint i = _rg_service_word_index (visit_statuses, text);

  if (i < 0)
    return FALSE;
  *status = i;
  return TRUE;
}

const gchar *
rg_payment_method_to_string (RgPaymentMethod method)
{
  g_return_val_if_fail (method >= RG_PAYMENT_CASH && method <= RG_PAYMENT_OTHER, NULL);
  return payment_methods[method];
}

gboolean
rg_payment_method_from_string (const gchar     *text,
                               RgPaymentMethod *method)
{
  gint i = _rg_service_word_index (payment_methods, text);

  if (i < 0)
    return FALSE;
  *method = i;
  return TRUE;
}

/* -------------------------------------------------------------- objects */

static void
rg_visit_finalize (GObject *object)
{
  RgVisit *self = RG_VISIT (object);

  g_free (self->id);
  g_free (self->branch_id);
  g_free (self->branch_name);
  g_free (self->guest_id);
  g_free (self->table_id);
  g_free (self->table_name);
  g_free (self->server_id);
  g_free (self->payment_method);
  g_strfreev (self->dish_names);
  g_free (self->feedback_summary);
  G_OBJECT_CLASS (rg_visit_parent_class)->finalize (object);
}

static void
rg_visit_class_init (RgVisitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_visit_finalize;
}

static void
rg_visit_init (RgVisit *self)
{
}

static void
rg_order_line_finalize (GObject *object)
{
  RgOrderLine *self = RG_ORDER_LINE (object);

  g_free (self->id);
  g_free (self->visit_id);
  g_free (self->item_id);
  g_free (self->item_name);
  g_free (self->void_reason);
  g_free (self->allergen_override);
  g_free (self->staff_id);
  G_OBJECT_CLASS (rg_order_line_parent_class)->finalize (object);
}

static void
rg_order_line_class_init (RgOrderLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_order_line_finalize;
}

static void
rg_order_line_init (RgOrderLine *self)
{
}

gint64
rg_order_line_get_total (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->qty * self->unit_price;
}

/* -------------------------------------------------------------- getters */

const gchar *
rg_visit_get_id (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->id;
}

const gchar *
rg_visit_get_branch_id (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->branch_id;
}

const gchar *
rg_visit_get_branch_name (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->branch_name;
}

const gchar *
rg_visit_get_guest_id (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->guest_id;
}

const gchar *
rg_visit_get_table_id (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->table_id;
}

const gchar *
rg_visit_get_table_name (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->table_name;
}

gint
rg_visit_get_party_size (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), 0);
  return self->party_size;
}

gint
rg_visit_get_children (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), 0);
  return self->children;
}

gint64
rg_visit_get_seated_ms (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), 0);
  return self->seated_ms;
}

gint64
rg_visit_get_left_ms (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), 0);
  return self->left_ms;
}

const gchar *
rg_visit_get_server_id (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->server_id;
}

RgVisitStatus
rg_visit_get_status (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), 0);
  return self->status;
}

gint64
rg_visit_get_subtotal (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), 0);
  return self->subtotal;
}

gint64
rg_visit_get_tip (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), 0);
  return self->tip;
}

const gchar *
rg_visit_get_payment_method (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->payment_method;
}

const gchar * const *
rg_visit_get_dish_names (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return (const gchar * const *) self->dish_names;
}

const gchar *
rg_visit_get_feedback_summary (RgVisit *self)
{
  g_return_val_if_fail (RG_IS_VISIT (self), NULL);
  return self->feedback_summary;
}

const gchar *
rg_order_line_get_id (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->id;
}

const gchar *
rg_order_line_get_visit_id (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->visit_id;
}

const gchar *
rg_order_line_get_item_id (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->item_id;
}

const gchar *
rg_order_line_get_item_name (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->item_name;
}

gint
rg_order_line_get_qty (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->qty;
}

gint64
rg_order_line_get_unit_price (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->unit_price;
}

gint64
rg_order_line_get_unit_cost (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->unit_cost;
}

gint
rg_order_line_get_seat (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->seat;
}

gint
rg_order_line_get_course (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->course;
}

gboolean
rg_order_line_get_voided (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), FALSE);
  return self->voided;
}

const gchar *
rg_order_line_get_void_reason (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->void_reason;
}

const gchar *
rg_order_line_get_allergen_override (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->allergen_override;
}

const gchar *
rg_order_line_get_staff_id (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->staff_id;
}

gint64
rg_order_line_get_created_ms (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->created_ms;
}
