/* rg-visit-records.c — the visit and order-line record types, their
 * getters, and the words their enums are stored as.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-visit-private.h"

G_DEFINE_FINAL_TYPE (RgVisit, rg_visit, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgOrderLine, rg_order_line, G_TYPE_OBJECT)

static const gchar * const visit_statuses[] = { "open", "closed", "void", NULL };
static const gchar * const payment_methods[] = { "cash", "card", "mobile", "voucher", "other", NULL };

/* ------------------------------------------------------------- row makers */

RgVisit *
_rg_visit_from_row (RgStmt *stmt)
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
  self->dish_names = dishes != NULL ? g_strsplit (dishes, RG_VISIT_NAME_SEPARATOR, -1) : g_new0 (gchar *, 1);
  self->feedback_summary = _rg_service_dup_column (stmt, 16);
  return self;
}

RgOrderLine *
_rg_order_line_from_row (RgStmt *stmt)
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
  self->discount = sqlite3_column_int64 (stmt, 14);
  self->note = _rg_service_dup_column (stmt, 15);
  return self;
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
  g_free (self->note);
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
  return self->qty * self->unit_price - self->discount;
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

gint64
rg_order_line_get_discount (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), 0);
  return self->discount;
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

const gchar *
rg_order_line_get_note (RgOrderLine *self)
{
  g_return_val_if_fail (RG_IS_ORDER_LINE (self), NULL);
  return self->note;
}
