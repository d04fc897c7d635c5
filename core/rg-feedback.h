/* rg-feedback.h — what guests thought: 1–5 ratings of a visit, its table
 * and the dishes on its check.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rating is about one aspect of a visit (food, service, ambience,
 * tableware, overall) or about one dish that was on its check (aspect dish
 * with the item).  Ratings of 2 or less are "low" and show on the manager's
 * and the owner's screens.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_FEEDBACK_COMMENT_MAX 1000
#define RG_FEEDBACK_LOW 2

typedef enum {
  RG_ASPECT_FOOD,
  RG_ASPECT_SERVICE,
  RG_ASPECT_AMBIENCE,
  RG_ASPECT_TABLEWARE,
  RG_ASPECT_OVERALL,
  RG_ASPECT_DISH,
} RgFeedbackAspect;

/* "food", "service", "ambience", "tableware", "overall", "dish".  The parser
 * returns %FALSE for an unknown word and leaves the output alone. */
const gchar *rg_feedback_aspect_to_string   (RgFeedbackAspect aspect);
gboolean     rg_feedback_aspect_from_string (const gchar *text, RgFeedbackAspect *aspect);

#define RG_TYPE_FEEDBACK (rg_feedback_get_type ())
G_DECLARE_FINAL_TYPE (RgFeedback, rg_feedback, RG, FEEDBACK, GObject)

/* Getters of a rating as read from the database: strings are borrowed
 * (transfer none) and never %NULL unless marked nullable. */
const gchar      *rg_feedback_get_id         (RgFeedback *self);
const gchar      *rg_feedback_get_visit_id   (RgFeedback *self);
const gchar      *rg_feedback_get_branch_id  (RgFeedback *self);
/* (nullable): the visit's table */
const gchar      *rg_feedback_get_table_id   (RgFeedback *self);
/* (nullable) */
const gchar      *rg_feedback_get_table_name (RgFeedback *self);
RgFeedbackAspect  rg_feedback_get_aspect     (RgFeedback *self);
/* (nullable): the dish, for aspect dish only */
const gchar      *rg_feedback_get_item_id    (RgFeedback *self);
/* (nullable) */
const gchar      *rg_feedback_get_item_name  (RgFeedback *self);
/* 1 to 5 */
gint              rg_feedback_get_rating     (RgFeedback *self);
/* (nullable) */
const gchar      *rg_feedback_get_comment    (RgFeedback *self);
/* (nullable) */
const gchar      *rg_feedback_get_staff_id   (RgFeedback *self);
/* (nullable): the known guest who gave it, and their name */
const gchar      *rg_feedback_get_guest_id   (RgFeedback *self);
const gchar      *rg_feedback_get_guest_name (RgFeedback *self);
gint64            rg_feedback_get_created_ms (RgFeedback *self);

/**
 * rg_feedback_add:
 * @db: a connection
 * @visit_id: the visit it is about (open or closed)
 * @aspect: what is rated
 * @item_id: (nullable): for %RG_ASPECT_DISH, an item on the visit's check
 *   (not voided); %NULL for every other aspect
 * @rating: 1 (poor) to 5 (excellent)
 * @comment: (nullable): the guest's words
 * @staff_id: (nullable): who logged it
 * @guest_id: (nullable): the known guest who gave it
 * @error: return location for a #GError
 *
 * Logs a rating against the visit and its table.
 *
 * Returns: (transfer full): the feedback, or %NULL with nothing written:
 *   %RG_ERROR_INVALID (rating out of range, a dish aspect without an item
 *   or another aspect with one, a dish not on the check, a bad comment, a
 *   void visit), %RG_ERROR_NOT_FOUND (unknown visit, item, guest or staff).
 */
RgFeedback *rg_feedback_add (RgDb *db, const gchar *visit_id, RgFeedbackAspect aspect, const gchar *item_id, gint rating, const gchar *comment, const gchar *staff_id, const gchar *guest_id, GError **error);

/**
 * rg_feedback_list_for_visit:
 * @db: a connection
 * @visit_id: a visit
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgFeedback in the order they
 *   were logged, or %NULL with @error set.
 */
GListModel *rg_feedback_list_for_visit (RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_feedback_list_low:
 * @db: a connection
 * @branch_id: (nullable): only this branch; %NULL for all
 * @since_ms: only feedback logged at or after this UTC ms
 * @until_ms: and before this one (%G_MAXINT64 for no end)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgFeedback rated
 *   %RG_FEEDBACK_LOW or less, newest first, or %NULL with @error set.
 */
GListModel *rg_feedback_list_low (RgDb *db, const gchar *branch_id, gint64 since_ms, gint64 until_ms,
                                  GError **error);

G_END_DECLS
