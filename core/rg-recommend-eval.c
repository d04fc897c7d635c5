/* rg-recommend-eval.c — offline evaluation of the recommender: the last
 * visit of each regular held out, and basket completion.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-recommend-eval.h"

#include <math.h>

#include "rg-recommend-rank.h"

#define MIN_VISITS 3
#define HIT_AT 5
#define LIST_LENGTH 10

typedef struct
{
  gdouble hit;
  gdouble recall;
  gdouble ndcg;
} Metrics;

struct _RgRecommendEval
{
  GObject   parent_instance;

  guint     n_cases;
  gboolean  measured[RG_RECOMMEND_N_METHODS];
  Metrics   sum[RG_RECOMMEND_N_METHODS];
  gdouble   build_ms;
};

G_DEFINE_FINAL_TYPE (RgRecommendEval, rg_recommend_eval, G_TYPE_OBJECT)

static const gchar * const method_names[RG_RECOMMEND_N_METHODS] = {
  "blend", "popularity", "personal frequency", "pair count",
};

/* A candidate of a baseline: a dish and the keys it is sorted by. */
typedef struct
{
  guint  item;
  gint64 key;
  gint64 tie;
} Candidate;

/* ------------------------------------------------------------- accessors */

static void
rg_recommend_eval_class_init (RgRecommendEvalClass *klass)
{
}

static void
rg_recommend_eval_init (RgRecommendEval *self)
{
}

guint
rg_recommend_eval_get_n_cases (RgRecommendEval *self)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_EVAL (self), 0);
  return self->n_cases;
}

gboolean
rg_recommend_eval_has_method (RgRecommendEval   *self,
                              RgRecommendMethod  method)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_EVAL (self), FALSE);
  g_return_val_if_fail (method < RG_RECOMMEND_N_METHODS, FALSE);
  return self->measured[method];
}

static gdouble
mean (RgRecommendEval *self,
      gdouble          sum)
{
  return self->n_cases > 0 ? sum / self->n_cases : 0;
}

gdouble
rg_recommend_eval_get_hit_rate (RgRecommendEval   *self,
                                RgRecommendMethod  method)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_EVAL (self), 0);
  g_return_val_if_fail (method < RG_RECOMMEND_N_METHODS, 0);
  return mean (self, self->sum[method].hit);
}

gdouble
rg_recommend_eval_get_recall (RgRecommendEval   *self,
                              RgRecommendMethod  method)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_EVAL (self), 0);
  g_return_val_if_fail (method < RG_RECOMMEND_N_METHODS, 0);
  return mean (self, self->sum[method].recall);
}

gdouble
rg_recommend_eval_get_ndcg (RgRecommendEval   *self,
                            RgRecommendMethod  method)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_EVAL (self), 0);
  g_return_val_if_fail (method < RG_RECOMMEND_N_METHODS, 0);
  return mean (self, self->sum[method].ndcg);
}

gdouble
rg_recommend_eval_get_build_ms (RgRecommendEval *self)
{
  g_return_val_if_fail (RG_IS_RECOMMEND_EVAL (self), 0);
  return self->build_ms;
}

const gchar *
rg_recommend_method_to_string (RgRecommendMethod method)
{
  g_return_val_if_fail (method < RG_RECOMMEND_N_METHODS, NULL);
  return method_names[method];
}

gchar *
rg_recommend_eval_format (RgRecommendEval *self,
                          const gchar     *title)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (RG_IS_RECOMMEND_EVAL (self), NULL);

  for (guint m = 0; m < RG_RECOMMEND_N_METHODS; m++)
    if (self->measured[m])
      g_string_append_printf (text, "| %s | %s | %u | %.3f | %.3f | %.3f |\n",
                              title, method_names[m], self->n_cases,
                              rg_recommend_eval_get_hit_rate (self, m),
                              rg_recommend_eval_get_recall (self, m),
                              rg_recommend_eval_get_ndcg (self, m));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --------------------------------------------------------------- scoring */

static gboolean
basket_has (const RgBasket *basket,
            guint           item)
{
  for (guint i = 0; i < basket->items->len; i++)
    if (g_array_index (basket->items, guint, i) == item)
      return TRUE;
  return FALSE;
}

/* Scores one ranked list (@ranking: guint items, best first) against the
 * dishes of @truth. */
static void
score_ranking (RgRecommendEval   *self,
               RgRecommendMethod  method,
               GArray            *ranking,
               const RgBasket    *truth)
{
  guint relevant = truth->items->len;
  guint found = 0;
  gdouble dcg = 0, ideal = 0;
  gboolean hit = FALSE;

  for (guint r = 0; r < MIN (ranking->len, LIST_LENGTH); r++)
    if (basket_has (truth, g_array_index (ranking, guint, r)))
      {
        found++;
        dcg += 1.0 / log2 (r + 2.0);
        hit |= r < HIT_AT;
      }
  for (guint r = 0; r < MIN (relevant, LIST_LENGTH); r++)
    ideal += 1.0 / log2 (r + 2.0);

  self->measured[method] = TRUE;
  self->sum[method].hit += hit ? 1 : 0;
  self->sum[method].recall += relevant > 0 ? (gdouble) found / relevant : 0;
  self->sum[method].ndcg += ideal > 0 ? dcg / ideal : 0;
}

static void
score_blend (RgRecommendEval          *self,
             RgRecommendModel         *model,
             RgRankMenu               *menu,
             RgRankProfile            *profile,
             const RgRecommendWeights *weights,
             gdouble                   margin,
             const RgBasket           *truth)
{
  g_autoptr(GArray) ranked = rg_rank_score (model, menu, profile, weights, margin, FALSE);
  g_autoptr(GArray) ranking = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Like the baselines, a dish without any evidence is not suggested. */
  for (guint i = 0; i < ranked->len && ranking->len < LIST_LENGTH; i++)
    if (g_array_index (ranked, RgRanked, i).evidence)
      g_array_append_val (ranking, g_array_index (ranked, RgRanked, i).dish->item);
  score_ranking (self, RG_RECOMMEND_METHOD_BLEND, ranking, truth);
}

static gint
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->key != y->key)
    return x->key < y->key ? 1 : -1;
  if (x->tie != y->tie)
    return x->tie < y->tie ? 1 : -1;
  return (x->item > y->item) - (x->item < y->item);
}

/* Ranks the dishes of @menu that pass the filters and have a positive key;
 * @key_for gives the key and the tie-breaker of a dish. */
static void
score_baseline (RgRecommendEval   *self,
                RgRecommendMethod  method,
                RgRankMenu        *menu,
                RgRankProfile     *profile,
                void             (*key_for) (RgRecommendModel *, RgRankProfile *, guint, Candidate *),
                RgRecommendModel  *model,
                const RgBasket    *truth)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) ranking = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < menu->dishes->len; i++)
    {
      RgRankDish *dish = g_ptr_array_index (menu->dishes, i);
      Candidate c = { .item = dish->item };

      if (rg_rank_is_excluded (dish, profile, FALSE))
        continue;
      key_for (model, profile, dish->item, &c);
      if (c.key > 0)
        g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < MIN (candidates->len, LIST_LENGTH); i++)
    g_array_append_val (ranking, g_array_index (candidates, Candidate, i).item);
  score_ranking (self, method, ranking, truth);
}

static void
popular_key (RgRecommendModel *model,
             RgRankProfile    *profile,
             guint             item,
             Candidate        *c)
{
  c->key = rg_recommend_model_get_count (model, item);
}

static void
personal_key (RgRecommendModel *model,
              RgRankProfile    *profile,
              guint             item,
              Candidate        *c)
{
  RgRankHistory *history = rg_rank_profile_find (profile, item);

  if (history == NULL)
    return;
  c->key = history->times;
  c->tie = history->last_ms;
}

static void
pair_count_key (RgRecommendModel *model,
                RgRankProfile    *profile,
                guint             item,
                Candidate        *c)
{
  for (guint i = 0; i < profile->check->len; i++)
    c->key += rg_recommend_model_get_pair (model, g_array_index (profile->check, guint, i), item);
  c->tie = rg_recommend_model_get_count (model, item);
}

/* ----------------------------------------------------------- evaluations */

static void
init_weights (RgRecommendWeights       *weights,
              const RgRecommendWeights *given)
{
  if (given != NULL)
    *weights = *given;
  else
    rg_recommend_weights_init (weights);
}

/* Groups the baskets of known guests by guest: guest id → GPtrArray of
 * borrowed baskets, oldest first. */
static GHashTable *
group_by_guest (GPtrArray *baskets)
{
  GHashTable *guests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < baskets->len; i++)
    {
      RgBasket *basket = g_ptr_array_index (baskets, i);
      GPtrArray *visits;

      if (basket->guest_id == NULL)
        continue;
      visits = g_hash_table_lookup (guests, basket->guest_id);
      if (visits == NULL)
        {
          visits = g_ptr_array_new ();
          g_hash_table_insert (guests, basket->guest_id, visits);
        }
      g_ptr_array_add (visits, basket);
    }
  return guests;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const gchar * const *) a, *(const gchar * const *) b);
}

RgRecommendEval *
rg_recommend_eval_last_visit (RgDb                      *db,
                              const RgRecommendWeights  *given,
                              GError                   **error)
{
  g_autoptr(RgRecommendEval) self = g_object_new (RG_TYPE_RECOMMEND_EVAL, NULL);
  g_autoptr(RgRecommendModel) model = NULL;
  g_autoptr(GPtrArray) baskets = NULL;
  g_autoptr(GHashTable) guests = NULL;
  g_autoptr(GHashTable) held = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(RgRankMenu) menu = NULL;
  g_autofree gpointer *guest_ids = NULL;
  gdouble margin = rg_recommend_get_margin_weight (db);
  RgRecommendWeights weights;
  guint n_guests;
  gint64 start;

  g_return_val_if_fail (db != NULL, NULL);
  init_weights (&weights, given);
  model = rg_recommend_model_new (weights.half_life_days);

  start = g_get_monotonic_time ();
  baskets = rg_recommend_load_baskets (db, model, NULL, error);
  if (baskets == NULL)
    return NULL;
  guests = group_by_guest (baskets);
  guest_ids = g_hash_table_get_keys_as_array (guests, &n_guests);
  qsort (guest_ids, n_guests, sizeof (gpointer), compare_strings);

  for (guint g = 0; g < n_guests; g++)
    {
      GPtrArray *visits = g_hash_table_lookup (guests, guest_ids[g]);

      if (visits->len >= MIN_VISITS)
        g_hash_table_add (held, g_ptr_array_index (visits, visits->len - 1));
    }
  for (guint i = 0; i < baskets->len; i++)
    if (!g_hash_table_contains (held, g_ptr_array_index (baskets, i)))
      rg_recommend_model_count (model, g_ptr_array_index (baskets, i), 1);
  self->build_ms = (g_get_monotonic_time () - start) / 1000.0;

  menu = rg_rank_menu_load (db, model, error);
  if (menu == NULL)
    return NULL;

  for (guint g = 0; g < n_guests; g++)
    {
      GPtrArray *visits = g_hash_table_lookup (guests, guest_ids[g]);
      RgBasket *truth;
      g_autoptr(RgRankProfile) profile = NULL;

      if (visits->len < MIN_VISITS)
        continue;
      truth = g_ptr_array_index (visits, visits->len - 1);
      profile = rg_rank_profile_new (truth->seated_ms, truth->daypart, weights.half_life_days);
      for (guint v = 0; v + 1 < visits->len; v++)
        rg_rank_profile_add_basket (profile, g_ptr_array_index (visits, v));
      if (!rg_rank_profile_add_facts (profile, db, guest_ids[g], error))
        return NULL;

      self->n_cases++;
      score_blend (self, model, menu, profile, &weights, margin, truth);
      score_baseline (self, RG_RECOMMEND_METHOD_POPULAR, menu, profile, popular_key, model, truth);
      score_baseline (self, RG_RECOMMEND_METHOD_PERSONAL, menu, profile, personal_key, model, truth);
    }
  return g_steal_pointer (&self);
}

RgRecommendEval *
rg_recommend_eval_basket (RgDb                      *db,
                          const RgRecommendWeights  *given,
                          GError                   **error)
{
  g_autoptr(RgRecommendEval) self = g_object_new (RG_TYPE_RECOMMEND_EVAL, NULL);
  g_autoptr(RgRecommendModel) model = NULL;
  g_autoptr(GPtrArray) baskets = NULL;
  g_autoptr(RgRankMenu) menu = NULL;
  gdouble margin = rg_recommend_get_margin_weight (db);
  RgRecommendWeights weights;
  gint64 start;

  g_return_val_if_fail (db != NULL, NULL);
  init_weights (&weights, given);
  model = rg_recommend_model_new (weights.half_life_days);

  start = g_get_monotonic_time ();
  baskets = rg_recommend_load_baskets (db, model, NULL, error);
  if (baskets == NULL)
    return NULL;
  for (guint i = 0; i < baskets->len; i++)
    rg_recommend_model_count (model, g_ptr_array_index (baskets, i), 1);
  self->build_ms = (g_get_monotonic_time () - start) / 1000.0;

  menu = rg_rank_menu_load (db, model, error);
  if (menu == NULL)
    return NULL;

  for (guint i = 0; i < baskets->len; i++)
    {
      RgBasket *basket = g_ptr_array_index (baskets, i);
      g_autoptr(RgRankProfile) profile = NULL;
      g_autoptr(RgBasket) truth = NULL;
      guint n = basket->items->len;
      guint hidden;

      if (n < 2)
        continue;

      /* Which dish is hidden is a hash of the visit's time, so that runs
       * on re-imported data (new ids) hide the same dishes; always the
       * last line would favour whatever is habitually rung up last (the
       * pastry after the coffee). */
      hidden = (guint) (((guint64) basket->seated_ms * G_GUINT64_CONSTANT (2654435761)) >> 16) % n;
      truth = g_new0 (RgBasket, 1);
      truth->items = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (truth->items, g_array_index (basket->items, guint, hidden));
      profile = rg_rank_profile_new (basket->seated_ms, basket->daypart, weights.half_life_days);
      for (guint k = 0; k < n; k++)
        if (k != hidden)
          g_array_append_val (profile->check, g_array_index (basket->items, guint, k));

      /* Leave this visit out of the counts while it is being predicted. */
      rg_recommend_model_count (model, basket, -1);
      self->n_cases++;
      score_blend (self, model, menu, profile, &weights, margin, truth);
      score_baseline (self, RG_RECOMMEND_METHOD_POPULAR, menu, profile, popular_key, model, truth);
      score_baseline (self, RG_RECOMMEND_METHOD_PAIR_COUNT, menu, profile, pair_count_key, model, truth);
      rg_recommend_model_count (model, basket, 1);
    }
  return g_steal_pointer (&self);
}
