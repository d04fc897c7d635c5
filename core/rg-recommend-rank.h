/* rg-recommend-rank.h — internal to the recommender: who is asking (a
 * profile of one guest, a party or a check), the menu of today, and the
 * blended, filtered ranking with its reasons.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not part of the core's public API.  The live queries (rg-recommend.c)
 * fill a profile from the database; the evaluation (rg-recommend-eval.c)
 * fills it from the visits it did not hold out, and both rank with the
 * same code.
 */
#pragma once

#include "rg-recommend-model.h"

G_BEGIN_DECLS

/* A dish of the menu, with its model index. */
typedef struct
{
  gchar    *id;
  gchar    *name;
  guint     item;
  gint64    price;
  gint64    cost;
  GStrv     allergens;
  GStrv     tags;
  GStrv     dayparts;
  gboolean  available;
} RgRankDish;

typedef struct
{
  GPtrArray  *dishes;    /* RgRankDish, owned */
  GHashTable *by_item;   /* GUINT_TO_POINTER (item + 1) → RgRankDish, borrowed */
} RgRankMenu;

/* The live (not removed) menu items of @db; interned into @model. */
RgRankMenu *rg_rank_menu_load (RgDb *db, RgRecommendModel *model, GError **error);
void        rg_rank_menu_free (RgRankMenu *menu);
RgRankDish *rg_rank_menu_find (RgRankMenu *menu, guint item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgRankMenu, rg_rank_menu_free)

/* What one guest (or a party) ordered: per item. */
typedef struct
{
  guint        times;     /* visits with the item */
  gint64       last_ms;
  const gchar *last_tz;   /* interned */
  gdouble      weight;    /* sum of the recency weights of those visits */
} RgRankHistory;

typedef struct
{
  gint64      now_ms;
  RgDaypart   daypart;
  gdouble     half_life_days;

  GHashTable *visits;     /* visit ids counted, so a shared visit counts once */
  GHashTable *history;    /* GUINT_TO_POINTER (item + 1) → RgRankHistory */
  gdouble     total_weight;
  GPtrArray  *tags;       /* taste words */
  GPtrArray  *averse;     /* words of "WORD-averse" tags */
  GPtrArray  *allergens;
  GHashTable *liked;      /* item ids */
  GHashTable *disliked;   /* item ids */
  GArray     *check;      /* guint items already on the check */
} RgRankProfile;

RgRankProfile *rg_rank_profile_new  (gint64 now_ms, RgDaypart daypart, gdouble half_life_days);
void           rg_rank_profile_free (RgRankProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgRankProfile, rg_rank_profile_free)

/* Adds one visit to the history (once per visit id). */
void     rg_rank_profile_add_basket (RgRankProfile *profile, const RgBasket *basket);
/* Adds the history of one guest, summarised by @model (whose half-life
 * the profile's must be).  Unlike rg_rank_profile_add_basket(), a visit
 * in two summaries counts twice. */
void     rg_rank_profile_add_summary (RgRankProfile *profile, RgRecommendModel *model,
                                      const RgGuestSummary *guest);
/* Adds the guest's tags, allergies, likes and dislikes. */
gboolean rg_rank_profile_add_facts  (RgRankProfile *profile, RgDb *db, const gchar *guest_id, GError **error);
RgRankHistory *rg_rank_profile_find (RgRankProfile *profile, guint item);

/* Whether a hard filter keeps @dish out: an allergen, a dislike, an
 * aversion, already on the check; with @live also 86'd or not served in
 * the daypart. */
gboolean rg_rank_is_excluded (const RgRankDish *dish, const RgRankProfile *profile, gboolean live);

typedef enum {
  RG_RANK_HISTORY,
  RG_RANK_TOGETHER,
  RG_RANK_POPULAR,
  RG_RANK_TAGS,
  RG_RANK_MARGIN,
  RG_RANK_N_PARTS,
} RgRankPart;

/* One dish's score, the sum of its parts (tags and margin weighted):
 * popular, the log of the share of checks in the daypart (< 0); history,
 * the log of the guest's smoothed share of visits over that share (0 for
 * a guest without visits); together, the log-lift of the check plus the
 * weighted log-lifts over guests; tags, the share of the guest's tags
 * (0–1); margin, the share of the price (0–1).  Logs make the blend a
 * product: the probability of the dish, how much likelier the guest and
 * the check make it. */
typedef struct
{
  RgRankDish *dish;       /* borrowed from the menu */
  gdouble     score;
  gdouble     parts[RG_RANK_N_PARTS];
  gint        with;       /* the context item it goes best with, or -1 */
  gboolean    with_guests;  /* by guests who order both, not by checks */
  gdouble     with_lift;  /* P(dish | with) / P(dish), shrunk */
  gboolean    known;      /* ordered before or liked */
  gboolean    evidence;   /* known, ordered by anyone, seen with the context or matching a tag */
} RgRanked;

/* Every dish of @menu that passes the filters, best first. */
GArray *rg_rank_score (RgRecommendModel         *model,
                       RgRankMenu               *menu,
                       RgRankProfile            *profile,
                       const RgRecommendWeights *weights,
                       gdouble                   margin_weight,
                       gboolean                  live);

/* The reason of @ranked in words, and its kind. */
gchar  *rg_rank_dup_reason (const RgRanked    *ranked,
                            RgRankMenu        *menu,
                            RgRankProfile     *profile,
                            RgRecommendReason *kind);

G_END_DECLS
