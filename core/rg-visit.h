/* rg-visit.h — running a table: seating a party, the order, closing the
 * check, and a guest's visit history.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A visit is one party at one table, open from seating until its check is
 * closed (or voided).  Order lines copy the item's price and cost at the
 * time they are added.  An item that contains an allergen of anyone known
 * at the table is refused with %RG_ERROR_ALLERGEN until the caller confirms
 * it; the confirmed allergens are kept on the line.  Closing a check updates
 * the report rollups in the same transaction (rg-rollup.h).
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_VISIT_REASON_MAX 200
/* The longest note on an order line, in characters. */
#define RG_VISIT_NOTE_MAX 140

typedef enum {
  RG_VISIT_OPEN,
  RG_VISIT_CLOSED,
  RG_VISIT_VOID,
} RgVisitStatus;

typedef enum {
  RG_PAYMENT_CASH,
  RG_PAYMENT_CARD,
  RG_PAYMENT_MOBILE,
  RG_PAYMENT_VOUCHER,
  RG_PAYMENT_OTHER,
} RgPaymentMethod;

/* "open", "closed", "void"; "cash", "card", "mobile", "voucher", "other".
 * The parsers return %FALSE for an unknown word and leave the output alone. */
const gchar *rg_visit_status_to_string     (RgVisitStatus status);
gboolean     rg_visit_status_from_string   (const gchar *text, RgVisitStatus *status);
const gchar *rg_payment_method_to_string   (RgPaymentMethod method);
gboolean     rg_payment_method_from_string (const gchar *text, RgPaymentMethod *method);

/* ----------------------------------------------------------------- visit */

#define RG_TYPE_VISIT (rg_visit_get_type ())
G_DECLARE_FINAL_TYPE (RgVisit, rg_visit, RG, VISIT, GObject)

/* Getters of the records below: strings and vectors are borrowed (transfer
 * none) and never %NULL unless marked nullable. */
const gchar         *rg_visit_get_id               (RgVisit *self);
const gchar         *rg_visit_get_branch_id        (RgVisit *self);
const gchar         *rg_visit_get_branch_name      (RgVisit *self);
/* (nullable): %NULL for a walk-in */
const gchar         *rg_visit_get_guest_id         (RgVisit *self);
/* (nullable): %NULL when the visit had no table (an import, a takeaway) */
const gchar         *rg_visit_get_table_id         (RgVisit *self);
/* (nullable) */
const gchar         *rg_visit_get_table_name       (RgVisit *self);
gint                 rg_visit_get_party_size       (RgVisit *self);
gint                 rg_visit_get_children         (RgVisit *self);
gint64               rg_visit_get_seated_ms        (RgVisit *self);
/* 0 while the visit is open */
gint64               rg_visit_get_left_ms          (RgVisit *self);
/* (nullable) */
const gchar         *rg_visit_get_server_id        (RgVisit *self);
RgVisitStatus        rg_visit_get_status           (RgVisit *self);
/* The closed check's subtotal; for an open visit, the current one. */
gint64               rg_visit_get_subtotal         (RgVisit *self);
gint64               rg_visit_get_tip              (RgVisit *self);
/* (nullable): %NULL until the check is closed */
const gchar         *rg_visit_get_payment_method   (RgVisit *self);
/* (transfer none): names of the dishes on the check (non-voided lines, in
 * order, each once); never %NULL */
const gchar * const *rg_visit_get_dish_names       (RgVisit *self);
/* (nullable): the ratings logged, "overall 5, food 4, Margherita 2";
 * %NULL when there are none */
const gchar         *rg_visit_get_feedback_summary (RgVisit *self);

/* ------------------------------------------------------------ order line */

#define RG_TYPE_ORDER_LINE (rg_order_line_get_type ())
G_DECLARE_FINAL_TYPE (RgOrderLine, rg_order_line, RG, ORDER_LINE, GObject)

const gchar *rg_order_line_get_id                (RgOrderLine *self);
const gchar *rg_order_line_get_visit_id          (RgOrderLine *self);
const gchar *rg_order_line_get_item_id           (RgOrderLine *self);
const gchar *rg_order_line_get_item_name         (RgOrderLine *self);
gint         rg_order_line_get_qty               (RgOrderLine *self);
gint64       rg_order_line_get_unit_price        (RgOrderLine *self);
gint64       rg_order_line_get_unit_cost         (RgOrderLine *self);
/* taken off the line's qty × unit price, minor units, >= 0 */
gint64       rg_order_line_get_discount          (RgOrderLine *self);
/* qty × unit price − discount */
gint64       rg_order_line_get_total             (RgOrderLine *self);
/* 0 when not given */
gint         rg_order_line_get_seat              (RgOrderLine *self);
gint         rg_order_line_get_course            (RgOrderLine *self);
gboolean     rg_order_line_get_voided            (RgOrderLine *self);
/* (nullable) */
const gchar *rg_order_line_get_void_reason       (RgOrderLine *self);
/* (nullable): the allergens confirmed despite the warning, "peanut,sesame" */
const gchar *rg_order_line_get_allergen_override (RgOrderLine *self);
/* (nullable) */
const gchar *rg_order_line_get_staff_id          (RgOrderLine *self);
gint64       rg_order_line_get_created_ms        (RgOrderLine *self);
/* (nullable): the note for the kitchen, "no onions"; %NULL when none */
const gchar *rg_order_line_get_note              (RgOrderLine *self);

/**
 * RgSeating:
 * @branch_id: the branch
 * @table_id: (nullable): a table of the branch where no party sits (free,
 *   reserved for them, or waiting to be cleared); %NULL only for imported or
 *   takeaway visits that had no table
 * @guest_id: (nullable): the host guest; %NULL for a walk-in
 * @extra_guest_ids: (nullable) (array zero-terminated=1): other known guests
 *   of the party
 * @party_size: how many sit down, > 0 (0 means 1 plus the known extras)
 * @children: how many of them are children, >= 0
 * @server_id: (nullable): the waiter serving the table
 * @seated_ms: when they sat down, UTC ms; 0 means now
 * @external_ref: (nullable): the visit's id in an imported system, unique
 *   per branch
 *
 * A party as the host seats it.
 */
typedef struct
{
  const gchar         *branch_id;
  const gchar         *table_id;
  const gchar         *guest_id;
  const gchar * const *extra_guest_ids;
  gint                 party_size;
  gint                 children;
  const gchar         *server_id;
  gint64               seated_ms;
  const gchar         *external_ref;
} RgSeating;

/**
 * RgVisitTotals:
 * @subtotal: sum of qty × unit price over the non-voided lines
 * @cost: sum of qty × unit cost over the same lines
 * @items: sum of their quantities
 * @lines: how many non-voided lines
 */
typedef struct
{
  gint64 subtotal;
  gint64 cost;
  gint   items;
  gint   lines;
} RgVisitTotals;

/**
 * rg_visit_seat:
 * @db: a connection
 * @seating: the party
 * @error: return location for a #GError
 *
 * Opens a visit and marks its table seated, in one transaction.
 *
 * Returns: (transfer full): the open visit, or %NULL with nothing written:
 *   %RG_ERROR_EXISTS (the table is already seated), %RG_ERROR_NOT_FOUND
 *   (unknown branch, table, guest or server), %RG_ERROR_INVALID (party
 *   size, children more than the party, a table of another branch).
 */
RgVisit *rg_visit_seat (RgDb *db, const RgSeating *seating, GError **error);

/**
 * rg_visit_add_guest:
 * @db: a connection
 * @visit_id: an open visit
 * @guest_id: a known guest recognised at the table
 * @error: return location for a #GError
 *
 * Records another known guest of the party (their allergies count from now
 * on).  Adding the host guest or one already recorded does nothing.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND or
 *   %RG_ERROR_INVALID (the visit is not open).
 */
gboolean rg_visit_add_guest (RgDb *db, const gchar *visit_id, const gchar *guest_id, GError **error);

/**
 * rg_visit_list_guest_ids:
 * @db: a connection
 * @visit_id: a visit
 * @error: return location for a #GError
 *
 * The known guests at the table: the host guest first, then the others of
 * the party in the order they were recognised.  Walk-ins have no id and are
 * not in it.
 *
 * Returns: (transfer full) (array zero-terminated=1): the guest ids, an
 *   empty vector for a party of walk-ins; %NULL with %RG_ERROR_NOT_FOUND
 *   (unknown visit) or a database error.
 */
GStrv rg_visit_list_guest_ids (RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_visit_add_line:
 * @db: a connection
 * @visit_id: an open visit
 * @item_id: the menu item
 * @qty: how many, > 0
 * @seat: the seat number, or 0 when not given
 * @course: the course number, or 0 when not given
 * @staff_id: (nullable): who took the order
 * @confirm_allergens: %TRUE once staff have confirmed an allergen warning
 *   with the table
 * @error: return location for a #GError
 *
 * Adds a line to the check at the item's current price and cost.  Fast:
 * cached statements and one short transaction.
 *
 * Returns: (transfer full): the line, or %NULL with nothing written:
 *   %RG_ERROR_ALLERGEN when the item contains an allergen of the host guest
 *   or another known guest of the party and @confirm_allergens is %FALSE
 *   (the message names the allergen and the guest: "Margherita contains
 *   gluten: Li Wei is allergic to gluten"); %RG_ERROR_INVALID for an 86'd
 *   item ("Margherita is off today"), qty < 1 or a visit that is not open;
 *   %RG_ERROR_NOT_FOUND for an unknown visit or item.
 */
RgOrderLine *rg_visit_add_line (RgDb *db, const gchar *visit_id, const gchar *item_id, gint qty, gint seat, gint course, const gchar *staff_id, gboolean confirm_allergens, GError **error);

/**
 * rg_visit_add_noted_line:
 * @db: a connection
 * @visit_id: an open visit
 * @item_id: the menu item
 * @qty: how many, > 0
 * @seat: the seat number, or 0 when not given
 * @course: the course number, or 0 when not given
 * @note: (nullable): a note for the kitchen ("no onions", "sauce on the
 *   side"), one line of at most %RG_VISIT_NOTE_MAX characters; %NULL or
 *   blank for none
 * @staff_id: (nullable): who took the order
 * @confirm_allergens: as for rg_visit_add_line()
 * @error: return location for a #GError
 *
 * As rg_visit_add_line(), with a note on the line.  The note is trimmed and
 * printed under the dish on the kitchen ticket.
 *
 * Returns: (transfer full): the line, or %NULL with nothing written: the
 *   errors of rg_visit_add_line(), and %RG_ERROR_INVALID for a note that is
 *   not valid UTF-8, too long, or holds control characters or line breaks.
 */
RgOrderLine *rg_visit_add_noted_line (RgDb *db, const gchar *visit_id, const gchar *item_id, gint qty, gint seat, gint course, const gchar *note, const gchar *staff_id, gboolean confirm_allergens, GError **error);

/**
 * rg_visit_set_line_note:
 * @db: a connection
 * @line_id: a line of an open check, not voided
 * @note: (nullable): the new note, checked as for rg_visit_add_noted_line();
 *   %NULL or blank removes the note
 * @error: return location for a #GError
 *
 * Writes, replaces or removes the kitchen note of a line already on the
 * check.
 *
 * Returns: %TRUE on success; %FALSE with nothing changed: %RG_ERROR_INVALID
 *   (a bad note, a voided line, a check that is not open) or
 *   %RG_ERROR_NOT_FOUND (unknown line).
 */
gboolean rg_visit_set_line_note (RgDb *db, const gchar *line_id, const gchar *note, GError **error);

/**
 * rg_visit_import_line:
 * @db: a connection
 * @visit_id: an open visit
 * @item_id: the menu item
 * @qty: how many, > 0
 * @unit_price: the price charged then, minor units, >= 0
 * @created_ms: when it was ordered, UTC ms; 0 means the visit's seated time
 * @error: return location for a #GError
 *
 * Adds a historical line from an imported system: the recorded price, the
 * item's current cost, and no availability or allergen check (it was served
 * already).
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND or
 *   %RG_ERROR_INVALID.
 */
gboolean rg_visit_import_line (RgDb *db, const gchar *visit_id, const gchar *item_id, gint qty, gint64 unit_price, gint64 created_ms, GError **error);

/**
 * rg_visit_void_line:
 * @db: a connection
 * @staff_id: (nullable): who voids it; a manager or the owner
 *   (%RG_PERMISSION_VOID_LINES)
 * @line_id: a line of an open check
 * @reason: why ("sent back", "wrong table"); required
 * @error: return location for a #GError
 *
 * Strikes a line off the check: it stays on it, marked voided, and is not
 * charged.
 *
 * Returns: %TRUE on success; %FALSE with nothing changed:
 *   %RG_ERROR_PERMISSION (nobody signed in, or a role that may not void),
 *   %RG_ERROR_INVALID (no reason, the line is voided already, the check is
 *   closed) or %RG_ERROR_NOT_FOUND (unknown line or staff member).
 */
gboolean rg_visit_void_line (RgDb *db, const gchar *staff_id, const gchar *line_id, const gchar *reason, GError **error);

/**
 * rg_visit_list_lines:
 * @db: a connection
 * @visit_id: a visit
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgOrderLine in the order they
 *   were added, voided ones included; %NULL with %RG_ERROR_NOT_FOUND.
 */
GListModel *rg_visit_list_lines (RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_visit_get_totals:
 * @db: a connection
 * @visit_id: a visit
 * @totals: (out caller-allocates): the totals of its non-voided lines
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND.
 */
gboolean rg_visit_get_totals (RgDb *db, const gchar *visit_id, RgVisitTotals *totals, GError **error);

/**
 * rg_visit_close:
 * @db: a connection
 * @visit_id: an open visit
 * @tip: the tip in minor units, >= 0
 * @method: how the bill was paid
 * @left_ms: when the party left, UTC ms; 0 means now
 * @error: return location for a #GError
 *
 * Closes the check in one transaction: stores the subtotal, tip, payment
 * method and leaving time, marks the table to_clean, and adds the visit to
 * the report rollups and its guests' figures (rg_rollup_add_visit()).
 *
 * Returns: %TRUE on success; %FALSE with nothing changed:
 *   %RG_ERROR_INVALID (already closed or void, negative tip, leaving before
 *   being seated) or %RG_ERROR_NOT_FOUND.
 */
gboolean rg_visit_close (RgDb *db, const gchar *visit_id, gint64 tip, RgPaymentMethod method, gint64 left_ms, GError **error);

/**
 * rg_visit_void:
 * @db: a connection
 * @staff_id: (nullable): who voids it
 * @visit_id: an open visit
 * @error: return location for a #GError
 *
 * Cancels an open visit that will not be paid (seated by mistake, the
 * party left): status void, the table to_clean, no rollup.  An empty
 * check is undone by whoever may seat (%RG_PERMISSION_SEAT); one with
 * live lines only by a manager or the owner (%RG_PERMISSION_VOID_LINES).
 *
 * Returns: %TRUE on success; %FALSE with nothing changed:
 *   %RG_ERROR_PERMISSION, %RG_ERROR_INVALID (not open) or
 *   %RG_ERROR_NOT_FOUND.
 */
gboolean rg_visit_void (RgDb *db, const gchar *staff_id, const gchar *visit_id, GError **error);

/**
 * rg_visit_get:
 * @db: a connection
 * @visit_id: a visit
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the visit, or %NULL with %RG_ERROR_NOT_FOUND.
 */
RgVisit *rg_visit_get (RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_visit_get_open_for_table:
 * @db: a connection
 * @table_id: a table
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the table's open visit, or %NULL with
 *   %RG_ERROR_NOT_FOUND when no party is seated there.
 */
RgVisit *rg_visit_get_open_for_table (RgDb *db, const gchar *table_id, GError **error);

/**
 * rg_visit_list_for_guest:
 * @db: a connection
 * @guest_id: a guest
 * @offset: how many of the newest visits to skip
 * @limit: the most to return, > 0
 * @error: return location for a #GError
 *
 * A guest's history, newest first: visits they hosted and visits where they
 * were another known guest of the party; void visits left out.
 *
 * Returns: (transfer full): a #GListModel of #RgVisit (possibly empty), or
 *   %NULL with @error set.
 */
GListModel *rg_visit_list_for_guest (RgDb *db, const gchar *guest_id, guint offset, guint limit, GError **error);

G_END_DECLS
