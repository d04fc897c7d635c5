/* rg-recommend.h — what to suggest to a guest, a table or a check, and why.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An #RgRecommender is a model counted from the closed visits of a
 * connection: how often each dish was ordered (overall and per daypart),
 * how often two dishes were ordered on the same check, and by how many of
 * the same guests (on any of their visits).  It is kept in memory
 * and grows by one closed visit at a time (rg_recommender_add_visit()), or
 * is rebuilt in a worker thread (rg_recommender_new_async()) while the old
 * one keeps answering.
 *
 * A query scores each dish by the log of how likely the guest is to order
 * it, estimated in steps that each fall back on the one before when the
 * evidence is thin (weights in #RgRecommendWeights):
 *
 *  - popular: the dish's share of checks in the daypart, smoothed towards
 *    its all-day share; a dish nobody has ordered yet counts as an average
 *    one.  This is the prior, and the whole score of a brand-new guest;
 *  - history: the guest's own share of visits with the dish, each visit
 *    weighted by its age (a visit #RgRecommendWeights.half_life_days old
 *    counts half), with #RgRecommendWeights.history_prior pseudo-visits at
 *    the dish's popularity (a Dirichlet prior), plus a bonus for a dish the
 *    guest is marked to like.  A regular's favourites come first, a guest
 *    with two visits still gets popular dishes after them;
 *  - together: P(dish | check), the share of checks holding the items
 *    already on the check that also held the dish, with
 *    #RgRecommendWeights.shrink pseudo-checks per item at the dish's
 *    popularity; its log over the popularity (the lift) is added.  A pair
 *    seen on two checks moves little, one seen on two hundred a lot, and
 *    nothing on the check means no lift.  With a weight of its own, the
 *    shrunk log-lift over guests: how much likelier guests who order one
 *    of the guest's usual dishes order this one.  "Often ordered with X"
 *    (or "popular with guests who order X") is said only when the dish's
 *    lift to X (its shrunk P(dish | X) over P(dish)) is above 1;
 *  - tags: the share of the guest's taste tags that the dish carries;
 *  - margin: (price - cost) / price, weighted by the owner's setting
 *    `recommend_margin_weight` (0, the default, turns it off).
 *
 * The "something new" list only holds dishes with some evidence: ordered
 * by someone, seen with the check or the guest's dishes, or matching a tag.
 *
 * Hard filters come before any score: a dish is never suggested when it
 * contains an allergen of the guest (of anyone at the table), when the
 * guest (anyone at the table) dislikes it, when a guest is tagged
 * "WORD-averse" and the dish is tagged WORD, when it is 86'd or not served
 * in the daypart, or when it is already on the check.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * RgDaypart:
 * @RG_DAYPART_BREAKFAST: 05:00–10:59 local time
 * @RG_DAYPART_LUNCH: 11:00–15:59
 * @RG_DAYPART_DINNER: 16:00–21:59
 * @RG_DAYPART_LATE: 22:00–04:59
 *
 * The parts of a day that popularity is counted by; the words match the
 * `dayparts` of menu items.
 */
typedef enum {
  RG_DAYPART_BREAKFAST,
  RG_DAYPART_LUNCH,
  RG_DAYPART_DINNER,
  RG_DAYPART_LATE,
} RgDaypart;

#define RG_DAYPART_COUNT 4

/**
 * rg_daypart_for_time:
 * @utc_ms: an instant, UTC milliseconds
 * @tz: (nullable): an IANA time zone ("Asia/Shanghai"); %NULL or an
 *   unknown zone means UTC
 *
 * Returns: the daypart of @utc_ms in the local time of @tz.
 */
RgDaypart    rg_daypart_for_time   (gint64 utc_ms, const gchar *tz);

/**
 * rg_daypart_to_string:
 *
 * Returns: (transfer none): "breakfast", "lunch", "dinner" or "late".
 */
const gchar *rg_daypart_to_string  (RgDaypart daypart);

/**
 * rg_daypart_from_string:
 * @text: a daypart word, in any case
 * @daypart: (out): the daypart
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID for a word that
 *   is not a daypart.
 */
gboolean     rg_daypart_from_string (const gchar *text, RgDaypart *daypart, GError **error);

/**
 * RgRecommendWeights:
 * @history_prior: pseudo-visits at the dish's popularity that the guest's
 *   own share of visits is smoothed with (small: trust the guest soon)
 * @together: weight of the log-lift the items already on the check give
 *   (1: P(dish | check) as estimated)
 * @usual_together: weight of the lift to the guest's usual dishes ("guests
 *   who order X also order Y")
 * @tags: weight of the taste tags matched to dish tags
 * @half_life_days: age in days at which a visit counts half
 * @shrink: pseudo-checks per item that pull a pair's co-occurrence towards
 *   the dish's popularity; 0 (the default) fits them to the counts: the
 *   more the pairs spread beyond what chance gives, the fewer
 * @daypart_prior: pseudo-checks that pull a daypart's popularity towards
 *   the all-day one (a daypart with few checks says little on its own);
 *   0 (the default) fits them to how far the dayparts differ beyond chance
 *
 * How the signals are blended.  rg_recommend_weights_init() fills in the
 * defaults, chosen on a demo restaurant (see README.md).  The margin nudge
 * is not here: it is the owner's setting, read at every query.
 */
typedef struct
{
  gdouble history_prior;
  gdouble together;
  gdouble usual_together;
  gdouble tags;
  gdouble half_life_days;
  gdouble shrink;
  gdouble daypart_prior;
} RgRecommendWeights;

/**
 * rg_recommend_weights_init:
 * @weights: (out caller-allocates): the weights to fill in
 *
 * Sets @weights to the defaults.
 */
void rg_recommend_weights_init (RgRecommendWeights *weights);

/**
 * RgRecommendReason:
 * @RG_RECOMMEND_REASON_HISTORY: the guest ordered it before
 * @RG_RECOMMEND_REASON_LIKED: the guest is marked to like it
 * @RG_RECOMMEND_REASON_TOGETHER: often ordered with a dish the guest has or
 *   that is on the check
 * @RG_RECOMMEND_REASON_TAGS: its tags match the guest's taste tags
 * @RG_RECOMMEND_REASON_POPULAR: popular in the daypart
 *
 * The signal that earned a suggestion its place, so the UI can pick an icon.
 */
typedef enum {
  RG_RECOMMEND_REASON_HISTORY,
  RG_RECOMMEND_REASON_LIKED,
  RG_RECOMMEND_REASON_TOGETHER,
  RG_RECOMMEND_REASON_TAGS,
  RG_RECOMMEND_REASON_POPULAR,
} RgRecommendReason;

#define RG_TYPE_RECOMMENDATION (rg_recommendation_get_type ())
G_DECLARE_FINAL_TYPE (RgRecommendation, rg_recommendation, RG, RECOMMENDATION, GObject)

const gchar       *rg_recommendation_get_item_id     (RgRecommendation *self);
const gchar       *rg_recommendation_get_name        (RgRecommendation *self);
/* The blended score; only the order within one list means something. */
gdouble            rg_recommendation_get_score       (RgRecommendation *self);
/* In words: "ordered 5 times, last on 3 Nov", "often ordered with Kung Pao
 * Chicken", "popular at dinner", "matches: sweet-sour"; in the language of
 * the process's messages (gettext domain "regulars", bound by the app),
 * the day written as that language writes one. */
const gchar       *rg_recommendation_get_reason      (RgRecommendation *self);
RgRecommendReason  rg_recommendation_get_reason_kind (RgRecommendation *self);

#define RG_TYPE_RECOMMENDER (rg_recommender_get_type ())
G_DECLARE_FINAL_TYPE (RgRecommender, rg_recommender, RG, RECOMMENDER, GObject)

/**
 * rg_recommender_new:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Counts the model from every closed visit of @db, with the default
 * weights.  This reads every order line: on a large database call it from
 * a worker thread (rg_recommender_new_async()).
 *
 * Returns: (transfer full): the model, or %NULL with a database error.
 */
RgRecommender *rg_recommender_new (RgDb *db, GError **error);

/**
 * rg_recommender_new_async:
 * @db_path: the database file; the worker opens its own connection
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when the model is ready
 * @user_data: data for @callback
 *
 * Builds a model in a worker thread, so that a rebuild never blocks the
 * lookups the current model answers meanwhile.  Visits closed while the
 * worker runs may be missing from the new model: pass them to
 * rg_recommender_add_visit() after the swap (a visit counted already is
 * skipped).
 */
void           rg_recommender_new_async  (const gchar         *db_path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

/**
 * rg_recommender_new_finish:
 *
 * Returns: (transfer full): the model, or %NULL with @error set (the
 *   errors of rg_db_open() and rg_recommender_new(), or
 *   %G_IO_ERROR_CANCELLED).
 */
RgRecommender *rg_recommender_new_finish (GAsyncResult *result, GError **error);

/**
 * rg_recommender_add_visit:
 * @self: a model
 * @db: the connection the model was counted from
 * @visit_id: a visit whose check was just closed
 * @error: return location for a #GError
 *
 * Counts one closed visit into the model (its co-occurrences, and the
 * histories of its host and of the known guests of the party, which the
 * guest lookups read instead of the database) and refits the model's
 * priors, in a few milliseconds at most, so that no lookup waits for the
 * fit.  A visit that is counted already is skipped.  A visit the model
 * was not told of (closed on another device, or a line voided after the
 * close) reaches the guest lookups at the next build.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND (no such
 *   visit), %RG_ERROR_INVALID (the check is not closed) or a database error.
 */
gboolean rg_recommender_add_visit (RgRecommender *self, RgDb *db, const gchar *visit_id, GError **error);

/**
 * rg_recommender_get_weights:
 * @weights: (out caller-allocates): the model's blend
 */
void     rg_recommender_get_weights (RgRecommender *self, RgRecommendWeights *weights);

/**
 * rg_recommender_set_weights:
 * @weights: the new blend; every field >= 0, half-life > 0
 *
 * Returns: %TRUE; %FALSE with %RG_ERROR_INVALID for a negative weight or a
 *   half-life that is not positive.
 */
gboolean rg_recommender_set_weights (RgRecommender *self, const RgRecommendWeights *weights, GError **error);

/**
 * rg_recommender_get_n_visits:
 *
 * Returns: how many closed visits the model has counted.
 */
guint    rg_recommender_get_n_visits (RgRecommender *self);

/**
 * rg_recommender_estimate_memory:
 *
 * Returns: about how many bytes the model holds (counts, item ids, each
 *   known guest's set of dishes and the ids of the counted visits).
 */
gsize    rg_recommender_estimate_memory (RgRecommender *self);

/**
 * rg_recommender_for_guest:
 * @self: a model
 * @db: the connection (read for the guest's history, tags, allergies,
 *   likes and dislikes and for today's menu)
 * @guest_id: a guest; a merged guest's id finds the survivor
 * @daypart: the daypart of the visit
 * @n: the most items per list, > 0
 * @usual: (out) (transfer full): "your usual": #RgRecommendation of dishes
 *   the guest ordered before or likes, still on the menu, best first
 * @new_items: (out) (transfer full): "something new": dishes the guest has
 *   not ordered, best first
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND (unknown
 *   guest), %RG_ERROR_INVALID (@n is 0) or a database error.
 */
gboolean rg_recommender_for_guest (RgRecommender  *self,
                                   RgDb           *db,
                                   const gchar    *guest_id,
                                   RgDaypart       daypart,
                                   guint           n,
                                   GListModel    **usual,
                                   GListModel    **new_items,
                                   GError        **error);

/**
 * rg_recommender_for_table:
 * @self: a model
 * @db: the connection
 * @guest_ids: (nullable) (array zero-terminated=1): the known guests of
 *   the party; %NULL or empty for walk-ins
 * @check_item_ids: (nullable) (array zero-terminated=1): the items already
 *   on the check
 * @daypart: the daypart of the visit
 * @n: the most items per list, > 0
 * @usual: (out) (transfer full): dishes someone at the table ordered
 *   before or likes, not on the check yet
 * @new_items: (out) (transfer full): dishes nobody at the table has
 *   ordered; with items on the check, led by what goes with them
 * @error: return location for a #GError
 *
 * Recommends for a whole party: the union of the guests' histories and
 * tastes, filtered by the union of their allergies, dislikes and
 * aversions, and by what is on the check.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND (an unknown
 *   guest or item), %RG_ERROR_INVALID (@n is 0) or a database error.
 */
gboolean rg_recommender_for_table (RgRecommender        *self,
                                   RgDb                 *db,
                                   const gchar * const  *guest_ids,
                                   const gchar * const  *check_item_ids,
                                   RgDaypart             daypart,
                                   guint                 n,
                                   GListModel          **usual,
                                   GListModel          **new_items,
                                   GError              **error);

/**
 * rg_recommender_complete_basket:
 * @self: a model
 * @db: the connection (for today's menu)
 * @check_item_ids: (array zero-terminated=1): the items on the check
 * @daypart: the daypart of the visit
 * @n: the most items, > 0
 * @error: return location for a #GError
 *
 * "Guests who ordered these also took…": for a walk-in, or any check.
 *
 * Returns: (transfer full): a #GListModel of #RgRecommendation, best
 *   first, or %NULL with %RG_ERROR_NOT_FOUND (an unknown item),
 *   %RG_ERROR_INVALID (@n is 0) or a database error.
 */
GListModel *rg_recommender_complete_basket (RgRecommender        *self,
                                            RgDb                 *db,
                                            const gchar * const  *check_item_ids,
                                            RgDaypart             daypart,
                                            guint                 n,
                                            GError              **error);

/**
 * rg_recommend_set_margin_weight:
 * @db: a connection
 * @staff_id: (nullable): who sets it; must be the owner
 *   (%RG_PERMISSION_VIEW_REPORTS), else %RG_ERROR_PERMISSION
 *   (%RG_ERROR_NOT_FOUND for an unknown staff id) and nothing changes
 * @weight: the owner's margin nudge, 0 (off) to 1
 * @error: return location for a #GError
 *
 * Saves the setting `recommend_margin_weight`, read by every query.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID outside 0–1.
 */
gboolean rg_recommend_set_margin_weight (RgDb *db, const gchar *staff_id, gdouble weight, GError **error);

/**
 * rg_recommend_get_margin_weight:
 *
 * Returns: the margin nudge in effect; 0 when unset or unreadable.
 */
gdouble  rg_recommend_get_margin_weight (RgDb *db);

G_END_DECLS
