/* rg-recommend.c — the recommender object and its queries: for a guest,
 * for a table, for the items on a check.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-recommend.h"

#include "rg-auth.h"
#include "rg-id.h"
#include "rg-recommend-rank.h"

#include <stdlib.h>

#define MARGIN_SETTING "recommend_margin_weight"
/* A counted visit id: its characters, a hash slot and the allocator's
 * bookkeeping. */
#define VISIT_ID_BYTES (RG_ID_LEN + 1 + 2 * sizeof (gpointer) + sizeof (guint) + 16)

struct _RgRecommendation
{
  GObject            parent_instance;

  /* owned */
  gchar             *item_id;
  gchar             *name;
  gchar             *reason;

  gdouble            score;
  RgRecommendReason  kind;
};

struct _RgRecommender
{
  GObject             parent_instance;

  /* owned */
  RgRecommendModel   *model;
  GArray             *built;      /* RgIdKey of the visits counted by the build, sorted */
  GHashTable         *visits;     /* ids of the visits counted since, or not UUIDs */
  gboolean            building;
  GHashTable         *parties;    /* while building: visit id → guests, not the host */

  RgRecommendWeights  weights;
};

G_DEFINE_FINAL_TYPE (RgRecommendation, rg_recommendation, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RgRecommender, rg_recommender, G_TYPE_OBJECT)

static const gchar * const daypart_words[RG_DAYPART_COUNT] = {
  "breakfast", "lunch", "dinner", "late",
};

/* -------------------------------------------------------------- dayparts */

RgDaypart
rg_daypart_in_zone (gint64     utc_ms,
                    GTimeZone *tz)
{
  gint64 seconds = utc_ms / 1000;
  gint interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, seconds);
  gint64 local = seconds + g_time_zone_get_offset (tz, MAX (interval, 0));
  gint hour = (gint) (((local % 86400) + 86400) % 86400 / 3600);

  if (hour >= 5 && hour < 11)
    return RG_DAYPART_BREAKFAST;
  if (hour >= 11 && hour < 16)
    return RG_DAYPART_LUNCH;
  if (hour >= 16 && hour < 22)
    return RG_DAYPART_DINNER;
  return RG_DAYPART_LATE;
}

RgDaypart
rg_daypart_for_time (gint64       utc_ms,
                     const gchar *tz)
{
  g_autoptr(GTimeZone) zone = tz != NULL ? g_time_zone_new_identifier (tz) : NULL;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  return rg_daypart_in_zone (utc_ms, zone);
}

const gchar *
rg_daypart_to_string (RgDaypart daypart)
{
  g_return_val_if_fail (daypart < RG_DAYPART_COUNT, NULL);

  return daypart_words[daypart];
}

gboolean
rg_daypart_from_string (const gchar  *text,
                        RgDaypart    *daypart,
                        GError      **error)
{
  g_return_val_if_fail (daypart != NULL, FALSE);

  for (guint d = 0; d < RG_DAYPART_COUNT && text != NULL; d++)
    if (g_ascii_strcasecmp (text, daypart_words[d]) == 0)
      {
        *daypart = (RgDaypart) d;
        return TRUE;
      }
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "“%s” is not a part of the day: use breakfast, lunch, dinner or late",
               text != NULL ? text : "");
  return FALSE;
}

/* --------------------------------------------------------------- weights */

/* Found by `bench-recommend --tune` on a demo restaurant of another seed
 * than the one reported (README.md, "Recommendation quality"), except the
 * half-life: the demo's guests never change their tastes, so it cannot
 * tell; half a year is a guess about real ones. */
void
rg_recommend_weights_init (RgRecommendWeights *weights)
{
  g_return_if_fail (weights != NULL);

  *weights = (RgRecommendWeights) {
    .history_prior = 4,
    .together = 1,
    .usual_together = 0.05,
    .tags = 0.25,
    .half_life_days = 180,
    .shrink = 0,
    .daypart_prior = 0,
  };
}

gdouble
rg_recommend_get_margin_weight (RgDb *db)
{
  g_autofree gchar *text = rg_db_dup_setting (db, MARGIN_SETTING);
  gdouble weight;

  if (text == NULL)
    return 0;
  weight = g_ascii_strtod (text, NULL);
  return weight >= 0 && weight <= 1 ? weight : 0;
}

gboolean
rg_recommend_set_margin_weight (RgDb         *db,
                                const gchar  *staff_id,
                                gdouble       weight,
                                GError      **error)
{
  gchar text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_VIEW_REPORTS, error))
    return FALSE;
  if (!(weight >= 0 && weight <= 1))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The margin nudge must be between 0 (off) and 1, not %g", weight);
      return FALSE;
    }
  return rg_db_set_setting (db, MARGIN_SETTING, g_ascii_dtostr (text, sizeof text, weight), error);
}

/* -------------------------------------------------------- recommendation */

static void
rg_recommendation_finalize (GObject *object)
{
  RgRecommendation *self = RG_RECOMMENDATION (object);

  g_free (self->item_id);
  g_free (self->name);
  g_free (self->reason);

  G_OBJECT_CLASS (rg_recommendation_parent_class)->finalize (object);
}

static void
rg_recommendation_class_init (RgRecommendationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_recommendation_finalize;
}

static void
rg_recommendation_init (RgRecommendation *self)
{
}

const gchar *
rg_recommendation_get_item_id (RgRecommendation *self)
{
  g_return_val_if_fail (RG_IS_RECOMMENDATION (self), NULL);
  return self->item_id;
}

const gchar *
rg_recommendation_get_name (RgRecommendation *self)
{
  g_return_val_if_fail (RG_IS_RECOMMENDATION (self), NULL);
  return self->name;
}

gdouble
rg_recommendation_get_score (RgRecommendation *self)
{
  g_return_val_if_fail (RG_IS_RECOMMENDATION (self), 0);
  return self->score;
}

const gchar *
rg_recommendation_get_reason (RgRecommendation *self)
{
  g_return_val_if_fail (RG_IS_RECOMMENDATION (self), NULL);
  return self->reason;
}

RgRecommendReason
rg_recommendation_get_reason_kind (RgRecommendation *self)
{
  g_return_val_if_fail (RG_IS_RECOMMENDATION (self), RG_RECOMMEND_REASON_POPULAR);
  return self->kind;
}

/* ----------------------------------------------------------- recommender */

static void
rg_recommender_finalize (GObject *object)
{
  RgRecommender *self = RG_RECOMMENDER (object);

  rg_recommend_model_free (self->model);
  g_array_unref (self->built);
  g_hash_table_unref (self->visits);
  g_clear_pointer (&self->parties, g_hash_table_unref);

  G_OBJECT_CLASS (rg_recommender_parent_class)->finalize (object);
}

static void
rg_recommender_class_init (RgRecommenderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_recommender_finalize;
}

static void
rg_recommender_init (RgRecommender *self)
{
  rg_recommend_weights_init (&self->weights);
  self->model = rg_recommend_model_new (self->weights.half_life_days);
  self->built = g_array_new (FALSE, FALSE, sizeof (RgIdKey));
  self->visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
has_visit (RgRecommender *self,
           const gchar   *visit_id)
{
  RgIdKey key;

  if (rg_id_key_parse (visit_id, &key) &&
      bsearch (&key, self->built->data, self->built->len, sizeof (RgIdKey), rg_id_key_compare) != NULL)
    return TRUE;
  return g_hash_table_contains (self->visits, visit_id);
}

/* Records @visit_id as counted; FALSE when it already was.  The build
 * reads each visit once and sorts the keys at its end. */
static gboolean
note_visit (RgRecommender *self,
            const gchar   *visit_id)
{
  RgIdKey key;

  if (self->building && rg_id_key_parse (visit_id, &key))
    {
      g_array_append_val (self->built, key);
      return TRUE;
    }
  if (has_visit (self, visit_id))
    return FALSE;
  g_hash_table_add (self->visits, g_strdup (visit_id));
  return TRUE;
}

static void
count_basket (RgRecommender *self,
              RgBasket      *basket)
{
  GPtrArray *party;

  if (!note_visit (self, basket->visit_id))
    return;
  rg_recommend_model_count (self->model, basket, 1);
  party = g_hash_table_lookup (self->parties, basket->visit_id);
  for (guint i = 0; party != NULL && i < party->len; i++)
    rg_recommend_model_count_party (self->model, basket, g_ptr_array_index (party, i));
}

static void
count_and_free_basket (RgBasket *basket,
                       gpointer  user_data)
{
  g_autoptr(RgBasket) owned = basket;

  count_basket (user_data, owned);
}

RgRecommender *
rg_recommender_new (RgDb    *db,
                    GError **error)
{
  g_autoptr(RgRecommender) self = g_object_new (RG_TYPE_RECOMMENDER, NULL);

  g_return_val_if_fail (db != NULL, NULL);

  self->parties = rg_recommend_load_parties (db, NULL, error);
  if (self->parties == NULL)
    return NULL;
  self->building = TRUE;
  if (!rg_recommend_scan_baskets (db, self->model, count_and_free_basket, self, error))
    return NULL;
  self->building = FALSE;
  g_array_sort (self->built, rg_id_key_compare);
  g_clear_pointer (&self->parties, g_hash_table_unref);
  rg_recommend_model_pack (self->model);
  rg_recommend_model_fit (self->model);
  return g_steal_pointer (&self);
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDb) db = rg_db_open (task_data, &error);
  RgRecommender *self;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self = rg_recommender_new (db, &error);
  if (self == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
rg_recommender_new_async (const gchar         *db_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_recommender_new_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, build_in_thread);
}

RgRecommender *
rg_recommender_new_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
rg_recommender_add_visit (RgRecommender  *self,
                          RgDb           *db,
                          const gchar    *visit_id,
                          GError        **error)
{
  g_autofree gchar *status = NULL;
  g_autoptr(GPtrArray) baskets = NULL;

  g_return_val_if_fail (RG_IS_RECOMMENDER (self), FALSE);
  g_return_val_if_fail (visit_id != NULL, FALSE);

  if (has_visit (self, visit_id))
    return TRUE;
  status = rg_recommend_dup_visit_status (db, visit_id, error);
  if (status == NULL)
    return FALSE;
  if (g_strcmp0 (status, "closed") != 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Learning from visit %s: its check is not closed", visit_id);
      return FALSE;
    }
  baskets = rg_recommend_load_baskets (db, self->model, visit_id, error);
  if (baskets == NULL)
    return FALSE;
  self->parties = rg_recommend_load_parties (db, visit_id, error);
  if (self->parties == NULL)
    return FALSE;
  for (guint i = 0; i < baskets->len; i++)
    count_basket (self, g_ptr_array_index (baskets, i));
  g_clear_pointer (&self->parties, g_hash_table_unref);
  rg_recommend_model_fit (self->model);
  return TRUE;
}

void
rg_recommender_get_weights (RgRecommender      *self,
                            RgRecommendWeights *weights)
{
  g_return_if_fail (RG_IS_RECOMMENDER (self));
  *weights = self->weights;
}

gboolean
rg_recommender_set_weights (RgRecommender             *self,
                            const RgRecommendWeights  *weights,
                            GError                   **error)
{
  g_return_val_if_fail (RG_IS_RECOMMENDER (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  if (!(weights->history_prior > 0 && weights->together >= 0 && weights->usual_together >= 0 &&
        weights->tags >= 0 && weights->shrink >= 0 && weights->daypart_prior >= 0 &&
        weights->half_life_days > 0))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Changing the recommendation blend: weights must not be negative, "
                   "the history prior and the half-life must be more than 0");
      return FALSE;
    }
  self->weights = *weights;
  return TRUE;
}

guint
rg_recommender_get_n_visits (RgRecommender *self)
{
  g_return_val_if_fail (RG_IS_RECOMMENDER (self), 0);
  return rg_recommend_model_get_n_baskets (self->model);
}

gsize
rg_recommender_estimate_memory (RgRecommender *self)
{
  g_return_val_if_fail (RG_IS_RECOMMENDER (self), 0);

  return rg_recommend_model_estimate_memory (self->model) +
         self->built->len * sizeof (RgIdKey) + g_hash_table_size (self->visits) * VISIT_ID_BYTES;
}

/* --------------------------------------------------------------- queries */

/* Resolves a merged guest to the survivor; NOT_FOUND for an unknown one. */
static gchar *
dup_live_guest (RgDb         *db,
                const gchar  *guest_id,
                GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT coalesce (merged_into, id) FROM guest WHERE id = ? AND "
      "(deleted = 0 OR merged_into IS NOT NULL)", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "looking up guest %s", guest_id);
      return NULL;
    }
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "There is no guest %s", guest_id);
  return NULL;
}

/* Adds the histories the model keeps of @guest_id and of the guests
 * merged into it since (their visits are the survivor's now, but the
 * model counted them under the old id). */
static gboolean
add_summaries (RgRecommender  *self,
               RgDb           *db,
               RgRankProfile  *profile,
               const gchar    *guest_id,
               GError        **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "WITH RECURSIVE merged (id) AS (SELECT ?1 "
      "  UNION SELECT g.id FROM guest g JOIN merged m ON g.merged_into = m.id) "
      "SELECT id FROM merged", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const RgGuestSummary *summary =
          rg_recommend_model_find_guest (self->model, (const gchar *) sqlite3_column_text (stmt, 0));

      if (summary != NULL)
        rg_rank_profile_add_summary (profile, self->model, summary);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "looking up guest %s", guest_id);
  return TRUE;
}

/* Adds a guest's history and facts.  A lone guest's history is the
 * model's summary (no reading of the order history); a party's is read
 * from the database so that a visit they shared counts once, as is a
 * history weighed with another half-life than the model's. */
static gboolean
add_guest (RgRecommender  *self,
           RgDb           *db,
           RgRankProfile  *profile,
           const gchar    *guest_id,
           gboolean        alone,
           GError        **error)
{
  g_autofree gchar *live_id = dup_live_guest (db, guest_id, error);
  g_autoptr(GPtrArray) baskets = NULL;

  if (live_id == NULL)
    return FALSE;
  if (alone && self->weights.half_life_days == rg_recommend_model_get_half_life (self->model))
    {
      if (!add_summaries (self, db, profile, live_id, error))
        return FALSE;
    }
  else
    {
      baskets = rg_recommend_load_guest_baskets (db, self->model, live_id, error);
      if (baskets == NULL)
        return FALSE;
      for (guint i = 0; i < baskets->len; i++)
        rg_rank_profile_add_basket (profile, g_ptr_array_index (baskets, i));
    }
  return rg_rank_profile_add_facts (profile, db, live_id, error);
}

static gboolean
add_check (RgRecommender        *self,
           RgRankMenu           *menu,
           RgRankProfile        *profile,
           const gchar * const  *item_ids,
           GError              **error)
{
  for (guint i = 0; item_ids != NULL && item_ids[i] != NULL; i++)
    {
      gint item = rg_recommend_model_find (self->model, item_ids[i]);

      if (item < 0 || rg_rank_menu_find (menu, (guint) item) == NULL)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND,
                       "The item %s on the check is not on the menu", item_ids[i]);
          return FALSE;
        }
      g_array_append_val (profile->check, item);
    }
  return TRUE;
}

static RgRecommendation *
recommendation_new (const RgRanked *ranked,
                    RgRankMenu     *menu,
                    RgRankProfile  *profile)
{
  RgRecommendation *self = g_object_new (RG_TYPE_RECOMMENDATION, NULL);

  self->item_id = g_strdup (ranked->dish->id);
  self->name = g_strdup (ranked->dish->name);
  self->score = ranked->score;
  self->reason = rg_rank_dup_reason (ranked, menu, profile, &self->kind);
  return self;
}

/* Splits the ranking into the dishes the party knows and the new ones with
 * a reason to suggest them (a margin alone is none). */
static void
fill_lists (RgRecommender  *self,
            RgDb           *db,
            RgRankMenu     *menu,
            RgRankProfile  *profile,
            guint           n,
            GListStore     *usual,
            GListStore     *new_items)
{
  g_autoptr(GArray) ranked = rg_rank_score (self->model, menu, profile, &self->weights,
                                            rg_recommend_get_margin_weight (db), TRUE);

  for (guint i = 0; i < ranked->len; i++)
    {
      const RgRanked *r = &g_array_index (ranked, RgRanked, i);
      GListStore *list = r->known ? usual : new_items;
      g_autoptr(RgRecommendation) rec = NULL;

      if (list == NULL || g_list_model_get_n_items (G_LIST_MODEL (list)) >= n)
        continue;
      if (!r->evidence)
        continue;
      rec = recommendation_new (r, menu, profile);
      g_list_store_append (list, rec);
    }
}

static gboolean
recommend (RgRecommender        *self,
           RgDb                 *db,
           const gchar * const  *guest_ids,
           const gchar * const  *check_item_ids,
           RgDaypart             daypart,
           guint                 n,
           GListStore           *usual,
           GListStore           *new_items,
           GError              **error)
{
  g_autoptr(RgRankProfile) profile = NULL;
  g_autoptr(RgRankMenu) menu = NULL;
  gboolean alone;

  if (n == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Asking for suggestions: the list must hold at least one dish");
      return FALSE;
    }
  menu = rg_rank_menu_load (db, self->model, error);
  if (menu == NULL)
    return FALSE;
  profile = rg_rank_profile_new (rg_now_ms (), daypart, self->weights.half_life_days);
  alone = guest_ids != NULL && guest_ids[0] != NULL && guest_ids[1] == NULL;
  for (guint i = 0; guest_ids != NULL && guest_ids[i] != NULL; i++)
    if (!add_guest (self, db, profile, guest_ids[i], alone, error))
      return FALSE;
  if (!add_check (self, menu, profile, check_item_ids, error))
    return FALSE;

  fill_lists (self, db, menu, profile, n, usual, new_items);
  return TRUE;
}

gboolean
rg_recommender_for_table (RgRecommender        *self,
                          RgDb                 *db,
                          const gchar * const  *guest_ids,
                          const gchar * const  *check_item_ids,
                          RgDaypart             daypart,
                          guint                 n,
                          GListModel          **usual,
                          GListModel          **new_items,
                          GError              **error)
{
  g_autoptr(GListStore) usual_store = g_list_store_new (RG_TYPE_RECOMMENDATION);
  g_autoptr(GListStore) new_store = g_list_store_new (RG_TYPE_RECOMMENDATION);

  g_return_val_if_fail (RG_IS_RECOMMENDER (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (daypart < RG_DAYPART_COUNT, FALSE);
  g_return_val_if_fail (usual != NULL && new_items != NULL, FALSE);

  if (!recommend (self, db, guest_ids, check_item_ids, daypart, n, usual_store, new_store, error))
    return FALSE;
  *usual = G_LIST_MODEL (g_steal_pointer (&usual_store));
  *new_items = G_LIST_MODEL (g_steal_pointer (&new_store));
  return TRUE;
}

gboolean
rg_recommender_for_guest (RgRecommender  *self,
                          RgDb           *db,
                          const gchar    *guest_id,
                          RgDaypart       daypart,
                          guint           n,
                          GListModel    **usual,
                          GListModel    **new_items,
                          GError        **error)
{
  const gchar *guest_ids[] = { guest_id, NULL };

  g_return_val_if_fail (guest_id != NULL, FALSE);

  return rg_recommender_for_table (self, db, guest_ids, NULL, daypart, n, usual, new_items, error);
}

GListModel *
rg_recommender_complete_basket (RgRecommender        *self,
                                RgDb                 *db,
                                const gchar * const  *check_item_ids,
                                RgDaypart             daypart,
                                guint                 n,
                                GError              **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RG_TYPE_RECOMMENDATION);

  g_return_val_if_fail (RG_IS_RECOMMENDER (self), NULL);
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (daypart < RG_DAYPART_COUNT, NULL);

  if (!recommend (self, db, NULL, check_item_ids, daypart, n, NULL, store, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}
