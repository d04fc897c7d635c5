/* rg-feedback.c — logging and reading guests' ratings.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-feedback.h"

#include "rg-rollup-report.h"

#include "rg-id.h"
#include "rg-service-private.h"
#include "rg-text.h"

struct _RgFeedback
{
  GObject parent_instance;

  /* owned */
  gchar *id;
  gchar *visit_id;
  gchar *branch_id;
  gchar *table_id;
  gchar *table_name;
  gchar *item_id;
  gchar *item_name;
  gchar *comment;
  gchar *staff_id;
  gchar *guest_id;
  gchar *guest_name;

  RgFeedbackAspect aspect;
  gint             rating;
  gint64           created_ms;
};

G_DEFINE_FINAL_TYPE (RgFeedback, rg_feedback, G_TYPE_OBJECT)

static const gchar * const aspects[] = {
  "food", "service", "ambience", "tableware", "overall", "dish", NULL
};

#define FEEDBACK_SELECT \
  "SELECT f.id, f.visit_id, v.branch_id, f.table_id, t.name, f.aspect, f.item_id, m.name, " \
  "  f.rating, f.comment, f.staff_id, f.guest_id, g.name, f.created_ms " \
  "FROM feedback f JOIN visit v ON v.id = f.visit_id " \
  "LEFT JOIN dining_table t ON t.id = f.table_id " \
  "LEFT JOIN menu_item m ON m.id = f.item_id " \
  "LEFT JOIN guest g ON g.id = f.guest_id "

/* --------------------------------------------------------------- helpers */

static RgFeedback *
feedback_from_row (RgStmt *stmt)
{
  RgFeedback *self = g_object_new (RG_TYPE_FEEDBACK, NULL);

  self->id = _rg_service_dup_column (stmt, 0);
  self->visit_id = _rg_service_dup_column (stmt, 1);
  self->branch_id = _rg_service_dup_column (stmt, 2);
  self->table_id = _rg_service_dup_column (stmt, 3);
  self->table_name = _rg_service_dup_column (stmt, 4);
  self->aspect = MAX (0, _rg_service_word_index (aspects, (const gchar *) sqlite3_column_text (stmt, 5)));
  self->item_id = _rg_service_dup_column (stmt, 6);
  self->item_name = _rg_service_dup_column (stmt, 7);
  self->rating = sqlite3_column_int (stmt, 8);
  self->comment = _rg_service_dup_column (stmt, 9);
  self->staff_id = _rg_service_dup_column (stmt, 10);
  self->guest_id = _rg_service_dup_column (stmt, 11);
  self->guest_name = _rg_service_dup_column (stmt, 12);
  self->created_ms = sqlite3_column_int64 (stmt, 13);
  return self;
}

static GListModel *
collect_feedback (RgDb         *db,
                  RgStmt       *stmt,
                  GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_FEEDBACK);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RgFeedback) feedback = feedback_from_row (stmt);

      g_list_store_append (store, feedback);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the feedback");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Reads the visit's table and status; refuses an unknown or void visit. */
static gboolean
load_visit (RgDb         *db,
            const gchar  *visit_id,
            gchar       **table_id,
            GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT table_id, status FROM visit WHERE id = ? AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no visit with the id %s", visit_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the visit %s", visit_id);
  if (g_strcmp0 ((const gchar *) sqlite3_column_text (stmt, 1), "void") == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the visit was voided; it takes no feedback");
      return FALSE;
    }
  *table_id = _rg_service_dup_column (stmt, 0);
  return TRUE;
}

/* A dish rating must name a dish that was served on the visit's check. */
static gboolean
check_dish_on_check (RgDb         *db,
                     const gchar  *visit_id,
                     const gchar  *item_id,
                     GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT m.name, (SELECT count(*) FROM order_line l WHERE l.visit_id = ?1 AND l.item_id = m.id "
      "                AND l.voided = 0 AND l.deleted = 0) "
      "FROM menu_item m WHERE m.id = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "there is no dish with the id %s", item_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "checking the dish %s", item_id);
  if (sqlite3_column_int (stmt, 1) == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s was not on this visit's check",
                   (const gchar *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_input (RgFeedbackAspect   aspect,
             const gchar       *item_id,
             gint               rating,
             const gchar       *comment,
             gchar            **clean_comment,
             GError           **error)
{
  if (rating < 1 || rating > 5)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "a rating is from 1 to 5, not %d", rating);
      return FALSE;
    }
  if ((aspect == RG_ASPECT_DISH) != (item_id != NULL))
    {
      g_set_error_literal (error, RG_ERROR, RG_ERROR_INVALID,
                           aspect == RG_ASPECT_DISH ? "a dish rating needs the dish"
                                                    : "only a dish rating names a dish");
      return FALSE;
    }
  return rg_text_check_optional (comment, "the comment", RG_FEEDBACK_COMMENT_MAX,
                                 clean_comment, error);
}

static RgFeedback *
get_feedback (RgDb         *db,
              const gchar  *id,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, FEEDBACK_SELECT "WHERE f.id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rg_db_set_error (db, error, "reading the feedback");
      return NULL;
    }
  return feedback_from_row (stmt);
}

/* ------------------------------------------------------------ public API */

RgFeedback *
rg_feedback_add (RgDb              *db,
                 const gchar       *visit_id,
                 RgFeedbackAspect   aspect,
                 const gchar       *item_id,
                 gint               rating,
                 const gchar       *comment,
                 const gchar       *staff_id,
                 const gchar       *guest_id,
                 GError           **error)
{
  g_autofree gchar *clean_comment = NULL;
  g_autofree gchar *table_id = NULL;
  g_autofree gchar *id = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(RgTransaction) txn = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);
  g_return_val_if_fail (aspect >= RG_ASPECT_FOOD && aspect <= RG_ASPECT_DISH, NULL);

  if (!check_input (aspect, item_id, rating, comment, &clean_comment, error) ||
      !load_visit (db, visit_id, &table_id, error) ||
      (item_id != NULL && !check_dish_on_check (db, visit_id, item_id, error)) ||
      (staff_id != NULL && !_rg_service_check_row (db, "staff", staff_id, "staff member", error)) ||
      (guest_id != NULL && !_rg_service_check_row (db, "guest", guest_id, "guest", error)))
    return NULL;

  /* A rating of a check already closed goes into the report rollups in the
   * same transaction; one of an open check is counted when it closes. */
  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return NULL;
  stmt = rg_db_prepare (db,
      "INSERT INTO feedback (id, visit_id, table_id, item_id, guest_id, aspect, rating, comment, "
      "                      staff_id, created_ms, updated_hlc, origin) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  id = rg_id_new ();
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, visit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, table_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, item_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, guest_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, aspects[aspect], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, rating);
  sqlite3_bind_text (stmt, 8, clean_comment, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, staff_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, rg_now_ms ());
  sqlite3_bind_int64 (stmt, 11, rg_db_next_hlc (db));
  sqlite3_bind_text (stmt, 12, rg_db_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "logging the feedback");
      return NULL;
    }
  g_clear_pointer (&stmt, rg_stmt_release);
  if (!rg_rollup_report_add_feedback (db, id, error) ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return get_feedback (db, id, error);
}

GListModel *
rg_feedback_list_for_visit (RgDb         *db,
                            const gchar  *visit_id,
                            GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (visit_id != NULL, NULL);

  stmt = rg_db_prepare (db,
      FEEDBACK_SELECT "WHERE f.visit_id = ? AND f.deleted = 0 ORDER BY f.created_ms, f.rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  return collect_feedback (db, stmt, error);
}

GListModel *
rg_feedback_list_low (RgDb         *db,
                      const gchar  *branch_id,
                      gint64        since_ms,
                      gint64        until_ms,
                      GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = rg_db_prepare (db,
      FEEDBACK_SELECT
      "WHERE f.rating <= 2 AND f.created_ms >= ?1 AND f.created_ms < ?3 AND f.deleted = 0 "
      "  AND (?2 IS NULL OR v.branch_id = ?2) "
      "ORDER BY f.created_ms DESC, f.rowid DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since_ms);
  sqlite3_bind_text (stmt, 2, branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, until_ms);
  return collect_feedback (db, stmt, error);
}

const gchar *
rg_feedback_aspect_to_string (RgFeedbackAspect aspect)
{
  g_return_val_if_fail (aspect >= RG_ASPECT_FOOD && aspect <= RG_ASPECT_DISH, NULL);
  return aspects[aspect];
}

gboolean
rg_feedback_aspect_from_string (const gchar      *text,
                                RgFeedbackAspect *aspect)
{
  gint i = _rg_service_word_index (aspects, text);

  if (i < 0)
    return FALSE;
  *aspect = i;
  return TRUE;
}

/* -------------------------------------------------------------- object */

static void
rg_feedback_finalize (GObject *object)
{
  RgFeedback *self = RG_FEEDBACK (object);

  g_free (self->id);
  g_free (self->visit_id);
  g_free (self->branch_id);
  g_free (self->table_id);
  g_free (self->table_name);
  g_free (self->item_id);
  g_free (self->item_name);
  g_free (self->comment);
  g_free (self->staff_id);
  g_free (self->guest_id);
  g_free (self->guest_name);
  G_OBJECT_CLASS (rg_feedback_parent_class)->finalize (object);
}

static void
rg_feedback_class_init (RgFeedbackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_feedback_finalize;
}

static void
rg_feedback_init (RgFeedback *self)
{
}

/* -------------------------------------------------------------- getters */

const gchar *
rg_feedback_get_id (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->id;
}

const gchar *
rg_feedback_get_visit_id (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->visit_id;
}

const gchar *
rg_feedback_get_branch_id (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->branch_id;
}

const gchar *
rg_feedback_get_table_id (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->table_id;
}

const gchar *
rg_feedback_get_table_name (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->table_name;
}

RgFeedbackAspect
rg_feedback_get_aspect (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), 0);
  return self->aspect;
}

const gchar *
rg_feedback_get_item_id (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->item_id;
}

const gchar *
rg_feedback_get_item_name (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->item_name;
}

gint
rg_feedback_get_rating (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), 0);
  return self->rating;
}

const gchar *
rg_feedback_get_comment (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->comment;
}

const gchar *
rg_feedback_get_staff_id (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->staff_id;
}

const gchar *
rg_feedback_get_guest_id (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->guest_id;
}

const gchar *
rg_feedback_get_guest_name (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), NULL);
  return self->guest_name;
}

gint64
rg_feedback_get_created_ms (RgFeedback *self)
{
  g_return_val_if_fail (RG_IS_FEEDBACK (self), 0);
  return self->created_ms;
}
