/* rg-recommend-eval.h — how good the suggestions are, measured offline on
 * the visits of a database, against two simple baselines.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line (`regulars-cli eval recommend`) and the benchmark call
 * these same functions, so the figures in README.md can be reproduced.
 */
#pragma once

#include "rg-recommend.h"

G_BEGIN_DECLS

/**
 * RgRecommendMethod:
 * @RG_RECOMMEND_METHOD_BLEND: the recommender's blend
 * @RG_RECOMMEND_METHOD_POPULAR: baseline: the most ordered dishes overall
 * @RG_RECOMMEND_METHOD_PERSONAL: baseline: the guest's own most frequent
 *   dishes (last visit held out only)
 * @RG_RECOMMEND_METHOD_PAIR_COUNT: baseline: the dishes most often on the
 *   same check as the given ones, by raw count (basket completion only)
 *
 * A way of ranking dishes that the evaluation measures.
 */
typedef enum {
  RG_RECOMMEND_METHOD_BLEND,
  RG_RECOMMEND_METHOD_POPULAR,
  RG_RECOMMEND_METHOD_PERSONAL,
  RG_RECOMMEND_METHOD_PAIR_COUNT,
} RgRecommendMethod;

#define RG_RECOMMEND_N_METHODS 4

#define RG_TYPE_RECOMMEND_EVAL (rg_recommend_eval_get_type ())
G_DECLARE_FINAL_TYPE (RgRecommendEval, rg_recommend_eval, RG, RECOMMEND_EVAL, GObject)

/* How many held-out visits (or orders) were scored. */
guint    rg_recommend_eval_get_n_cases    (RgRecommendEval *self);
/* Whether @method was measured by this evaluation. */
gboolean rg_recommend_eval_has_method     (RgRecommendEval *self, RgRecommendMethod method);
/* Share of cases with at least one held-out dish in the top 5, 0–1. */
gdouble  rg_recommend_eval_get_hit_rate   (RgRecommendEval *self, RgRecommendMethod method);
/* Mean share of the held-out dishes found in the top 10, 0–1. */
gdouble  rg_recommend_eval_get_recall     (RgRecommendEval *self, RgRecommendMethod method);
/* Mean normalised discounted cumulative gain of the top 10, 0–1. */
gdouble  rg_recommend_eval_get_ndcg       (RgRecommendEval *self, RgRecommendMethod method);
/* Milliseconds spent counting the model the cases were scored with. */
gdouble  rg_recommend_eval_get_build_ms   (RgRecommendEval *self);

/**
 * rg_recommend_method_to_string:
 *
 * Returns: (transfer none): "blend", "popularity", "personal frequency" or
 *   "pair count".
 */
const gchar *rg_recommend_method_to_string (RgRecommendMethod method);

/**
 * rg_recommend_eval_last_visit:
 * @db: a connection
 * @weights: (nullable): the blend to measure; %NULL for the defaults
 * @error: return location for a #GError
 *
 * For every guest with at least 3 closed visits, hides the guest's last
 * visit, counts a model from every other closed visit (none of the hidden
 * ones), recommends for the guest as of the hidden visit's time and
 * daypart from the guest's earlier visits, tags, allergies and dish
 * preferences, and scores the ranking against the hidden visit's dishes:
 * hit rate@5, recall@10 and NDCG@10, for the blend, global popularity and
 * the guest's own most frequent dishes.  Hard filters apply to all three;
 * availability does not (today's 86'd items were served back then).
 *
 * Returns: (transfer full): the figures (0 cases when no guest has 3
 *   visits), or %NULL with a database error.
 */
RgRecommendEval *rg_recommend_eval_last_visit (RgDb *db, const RgRecommendWeights *weights, GError **error);

/**
 * rg_recommend_eval_basket:
 * @db: a connection
 * @weights: (nullable): the blend to measure; %NULL for the defaults
 * @error: return location for a #GError
 *
 * Basket completion: for every closed visit with two or more dishes, hides
 * one of them (picked by a hash of the visit's time) and ranks the menu
 * from the others, with the visit taken out of the model for that case
 * (leave-one-out, no leakage).
 * Measures the blend, global popularity and raw pair counts.
 *
 * Returns: (transfer full): the figures, or %NULL with a database error.
 */
RgRecommendEval *rg_recommend_eval_basket (RgDb *db, const RgRecommendWeights *weights, GError **error);

/**
 * rg_recommend_eval_format:
 * @title: the data set's name, for the first column
 *
 * Returns: (transfer full): the figures as the rows of a Markdown table
 *   (`| title | method | cases | hit@5 | recall@10 | NDCG@10 |`), one per
 *   measured method, without the header.
 */
gchar *rg_recommend_eval_format (RgRecommendEval *self, const gchar *title);

G_END_DECLS
