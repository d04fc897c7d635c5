/* rg-visit-private.h — what the files of rg-visit share.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rg-visit.c seats parties, closes checks and reads visits; rg-visit-lines.c
 * runs the order (lines, the allergen guard, voids, totals);
 * rg-visit-records.c holds the record types, their getters and the enum
 * words.
 */
#pragma once

#include "rg-service-private.h"
#include "rg-visit.h"

G_BEGIN_DECLS

/* Separates dish names inside one SQL result (the ASCII unit separator). */
#define RG_VISIT_NAME_SEPARATOR "\x1f"

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
  gchar *note;

  gint     qty;
  gint64   unit_price;
  gint64   unit_cost;
  gint64   discount;
  gint     seat;
  gint     course;
  gboolean voided;
  gint64   created_ms;
};

/* What a line needs to know about its visit. */
typedef struct
{
  gchar         *table_id;
  RgVisitStatus  status;
  gint64         seated_ms;
} VisitState;

void _rg_visit_state_clear (VisitState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VisitState, _rg_visit_state_clear)

/* Reads the visit's table, status and seated time; %RG_ERROR_NOT_FOUND for
 * an unknown visit. */
gboolean _rg_visit_load_state (RgDb *db, const gchar *visit_id, VisitState *state, GError **error);

/* As _rg_visit_load_state(), refusing with %RG_ERROR_INVALID a visit whose
 * check is not open; @doing says what was being done, for the message. */
gboolean _rg_visit_load_open (RgDb *db, const gchar *visit_id, VisitState *state, const gchar *doing, GError **error);

/* Adds up the visit's non-voided lines. */
gboolean _rg_visit_compute_totals (RgDb *db, const gchar *visit_id, RgVisitTotals *totals, GError **error);

/* An allergy written by hand or imported, as menu words are stored
 * ("Tree nuts" → "tree-nuts"), to match it against a dish's allergens. */
gchar *_rg_visit_normalize_allergen (const gchar *allergen);

/* Row makers for the SELECTs of rg-visit.c (a visit) and rg-visit-lines.c
 * (an order line). */
RgVisit *_rg_visit_from_row (RgStmt *stmt);
RgOrderLine *_rg_order_line_from_row (RgStmt *stmt);

G_END_DECLS
