/* rg-recommend-log.c — logging suggestions, the holdout, and the uplift
 * report.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-recommend-log.h"

#include "rg-auth.h"
#include "rg-id.h"

#define HOLDOUT_SETTING "recommend_holdout_share"
#define HOLDOUT_MAX 0.5
#define HOLDOUT_BUCKETS 10000

typedef struct
{
  guint visits;
  guint suggestions;
  guint ordered;
  guint converted;
} Group;

struct _RgRecommendUplift
{
  GObject parent_instance;

  Group   shown;
  Group   holdout;
};

G_DEFINE_FINAL_TYPE (RgRecommendUplift, rg_recommend_uplift, G_TYPE_OBJECT)

/* --------------------------------------------------------------- holdout */

gdouble
rg_recommend_get_holdout_share (RgDb *db)
{
  g_autofree gchar *text = rg_db_dup_setting (db, HOLDOUT_SETTING);
  gdouble share;

  if (text == NULL)
    return RG_RECOMMEND_DEFAULT_HOLDOUT_SHARE;
  share = g_ascii_strtod (text, NULL);
  return share >= 0 && share <= HOLDOUT_MAX ? share : RG_RECOMMEND_DEFAULT_HOLDOUT_SHARE;
}

gboolean
rg_recommend_set_holdout_share (RgDb     *db,
                                gdouble   share,
                                GError  **error)
{
  gchar text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!(share >= 0 && share <= HOLDOUT_MAX))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The share of guests who are not shown suggestions must be "
                   "between 0 and %g, not %g", HOLDOUT_MAX, share);
      return FALSE;
    }
  return rg_db_set_setting (db, HOLDOUT_SETTING, g_ascii_dtostr (text, sizeof text, share), error);
}

/* FNV-1a: fixed by its definition, unlike g_str_hash, so the holdout stays
 * the same across GLib versions and terminals. */
static guint32
hash_id (const gchar *id)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }
  return hash;
}

gboolean
rg_recommend_is_holdout (RgDb        *db,
                         const gchar *guest_id,
                         const gchar *visit_id)
{
  const gchar *key = guest_id != NULL ? guest_id : visit_id;

  g_return_val_if_fail (key != NULL, FALSE);

  return hash_id (key) % HOLDOUT_BUCKETS < rg_recommend_get_holdout_share (db) * HOLDOUT_BUCKETS;
}

/* ------------------------------------------------------------------- log */

static gboolean
check_exists (RgDb         *db,
              const gchar  *sql,
              const gchar  *id,
              const gchar  *what,
              GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "logging suggestions: looking up %s %s", what, id);
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "Logging suggestions: there is no %s %s", what, id);
  return FALSE;
}

static gboolean
log_list (RgDb         *db,
          const gchar  *visit_id,
          const gchar  *guest_id,
          const gchar  *list_name,
          GListModel   *list,
          gboolean      shown,
          gint64        now_ms,
          GError      **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  if (n == 0)
    return TRUE;
  stmt = rg_db_prepare (db,
      "INSERT INTO local_suggestion (id, shown_ms, visit_id, guest_id, item_id, list, rank, "
      "score, reason, shown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgRecommendation) rec = g_list_model_get_item (list, i);
      g_autofree gchar *id = rg_id_new ();

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, now_ms);
      sqlite3_bind_text (stmt, 3, visit_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, guest_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, rg_recommendation_get_item_id (rec), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, list_name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, (int) i);
      sqlite3_bind_double (stmt, 8, rg_recommendation_get_score (rec));
      sqlite3_bind_text (stmt, 9, rg_recommendation_get_reason (rec), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 10, shown);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rg_db_set_error (db, error, "logging the suggestion %s", rg_recommendation_get_name (rec));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
rg_recommend_log (RgDb         *db,
                  const gchar  *visit_id,
                  const gchar  *guest_id,
                  GListModel   *usual,
                  GListModel   *new_items,
                  gboolean     *show,
                  GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  gboolean shown;
  gint64 now_ms = rg_now_ms ();

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  if (!check_exists (db, "SELECT 1 FROM visit WHERE id = ? AND deleted = 0", visit_id, "visit", error))
    return FALSE;
  if (guest_id != NULL &&
      !check_exists (db, "SELECT 1 FROM guest WHERE id = ? AND deleted = 0", guest_id, "guest", error))
    return FALSE;

  shown = !rg_recommend_is_holdout (db, guest_id, visit_id);
  txn = rg_db_begin (db, error);
  if (txn == NULL)
    return FALSE;
  if (!log_list (db, visit_id, guest_id, "usual", usual, shown, now_ms, error) ||
      !log_list (db, visit_id, guest_id, "new", new_items, shown, now_ms, error))
    return FALSE;
  if (!rg_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;

  if (show != NULL)
    *show = shown;
  return TRUE;
}

/* ---------------------------------------------------------------- uplift */

static void
rg_recommend_uplift_class_init (RgRecommendUpliftClass *klass)
{
}

static void
rg_recommend_uplift_init (RgRecommendUplift *self)
{
}

static const Group *
group_of (RgRecommendUplift *self,
          gboolean           shown)
{
  return shown ? &self->shown : &self->holdout;
}

guint
rg_recommend_uplift_get_visits (RgRecommendUplift *self,
                                gboolean           shown)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_UPLIFT (self), 0);
  return group_of (self, shown)->visits;
}

guint
rg_recommend_uplift_get_suggestions (RgRecommendUplift *self,
                                     gboolean           shown)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_UPLIFT (self), 0);
  return group_of (self, shown)->suggestions;
}

guint
rg_recommend_uplift_get_ordered (RgRecommendUplift *self,
                                 gboolean           shown)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_UPLIFT (self), 0);
  return group_of (self, shown)->ordered;
}

guint
rg_recommend_uplift_get_converted (RgRecommendUplift *self,
                                   gboolean           shown)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_UPLIFT (self), 0);
  return group_of (self, shown)->converted;
}

gdouble
rg_recommend_uplift_get_rate (RgRecommendUplift *self,
                              gboolean           shown)
{
  const Group *group;

  g_return_val_if_fail (RG_IS_RECOMMEND_UPLIFT (self), 0);
  group = group_of (self, shown);
  return group->suggestions > 0 ? (gdouble) group->ordered / group->suggestions : 0;
}

gdouble
rg_recommend_uplift_get_uplift (RgRecommendUplift *self)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_UPLIFT (self), 0);
  return 100.0 * (rg_recommend_uplift_get_rate (self, TRUE) - rg_recommend_uplift_get_rate (self, FALSE));
}

RgRecommendUplift *
rg_recommend_uplift_report (RgDb         *db,
                            const gchar  *staff_id,
                            gint64        from_ms,
                            gint64        to_ms,
                            GError      **error)
{
  g_autoptr(RgRecommendUplift) self = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_VIEW_REPORTS, error))
    return NULL;
  if (to_ms <= from_ms)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Reporting on suggestions: the period ends before it starts");
      return NULL;
    }
  /* A dish suggested twice in one visit (the sheet was opened again)
   * counts once. */
  stmt = rg_db_prepare (db,
      "WITH s AS ("
      "  SELECT DISTINCT s.visit_id, s.item_id, s.shown FROM local_suggestion s "
      "  JOIN visit v ON v.id = s.visit_id AND v.status = 'closed' AND v.deleted = 0 "
      "  WHERE s.shown_ms >= ?1 AND s.shown_ms < ?2), "
      "o AS ("
      "  SELECT s.*, EXISTS (SELECT 1 FROM order_line l WHERE l.visit_id = s.visit_id "
      "    AND l.item_id = s.item_id AND l.voided = 0 AND l.deleted = 0) AS ordered FROM s) "
      "SELECT shown, count (DISTINCT visit_id), count (*), sum (ordered), "
      "  count (DISTINCT CASE WHEN ordered THEN visit_id END) FROM o GROUP BY shown", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_ms);
  sqlite3_bind_int64 (stmt, 2, to_ms);

  self = g_object_new (RG_TYPE_RECOMMEND_UPLIFT, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Group *group = sqlite3_column_int (stmt, 0) ? &self->shown : &self->holdout;

      group->visits = sqlite3_column_int (stmt, 1);
      group->suggestions = sqlite3_column_int (stmt, 2);
      group->ordered = sqlite3_column_int (stmt, 3);
      group->converted = sqlite3_column_int (stmt, 4);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reporting on suggestions");
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
append_group (GString     *text,
              const gchar *label,
              const Group *group,
              gdouble      rate)
{
  g_string_append_printf (text,
                          "%-8s %6u visits  %7u suggested dishes  %6u ordered (%.1f%%)  "
                          "%6u visits took a suggestion\n",
                          label, group->visits, group->suggestions, group->ordered,
                          100.0 * rate, group->converted);
}

gchar *
rg_recommend_uplift_format (RgRecommendUplift *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (RG_IS_RECOMMEND_UPLIFT (self), NULL);

  append_group (text, "shown", &self->shown, rg_recommend_uplift_get_rate (self, TRUE));
  append_group (text, "holdout", &self->holdout, rg_recommend_uplift_get_rate (self, FALSE));
  if (self->holdout.suggestions == 0 || self->shown.suggestions == 0)
    g_string_append (text, "uplift   not measurable yet: both groups need suggestions on closed visits\n");
  else
    g_string_append_printf (text, "uplift   %+.1f percentage points of suggested dishes ordered\n",
                            rg_recommend_uplift_get_uplift (self));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
