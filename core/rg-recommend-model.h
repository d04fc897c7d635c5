/* rg-recommend-model.h — internal to the recommender: the counts of the
 * co-occurrence model and the closed visits they are counted from.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not part of the core's public API: rg-recommend*.c share it.  Items are
 * numbered densely (an "index") in the order the model first meets them,
 * so the counts are arrays and small hash tables.
 */
#pragma once

#include "rg-recommend.h"

G_BEGIN_DECLS

/* One closed visit: its distinct, non-voided items in the order of their
 * first line. */
typedef struct
{
  gchar       *visit_id;
  gchar       *guest_id;    /* nullable: a walk-in */
  gint64       seated_ms;
  const gchar *tz;          /* interned: the branch's time zone */
  RgDaypart    daypart;
  GArray      *items;       /* guint item indexes */
} RgBasket;

void rg_basket_free (RgBasket *basket);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgBasket, rg_basket_free)

#define RG_MS_PER_DAY (24.0 * 3600.0 * 1000.0)

/* A dish one guest has ordered: 16 bytes, so that the histories of 100 000
 * guests take a few tens of megabytes. */
typedef struct
{
  guint   item;
  guint   times;     /* visits with the dish */
  gfloat  weight;    /* Σ 2^(-(last_s - seated) / half-life) over those visits */
  guint32 last_s;    /* the latest of them, Unix seconds */
} RgGuestDish;

/* Everything a query needs of a guest's history, kept with the model so
 * that it reads none from the database. */
typedef struct
{
  gint64       last_ms;    /* the guest's latest visit */
  gdouble      weight;     /* Σ 2^(-(last_ms - seated) / half-life) over the visits */
  const gchar *tz;         /* interned: the branch's zone of the latest visit */
  guint        n_dishes;
  guint        n_alloc;    /* 0: the dishes are in the model's packed block */
  RgGuestDish *dishes;     /* sorted by item */
} RgGuestSummary;

/* An id that is a UUID (rg_id_is_valid()) as 16 bytes, for sorted arrays
 * of many ids: a million of them in 16 MB. */
typedef struct
{
  guint64 hi;
  guint64 lo;
} RgIdKey;

/* Packs @id into @key; FALSE when @id is not a UUID. */
gboolean rg_id_key_parse   (const gchar *id, RgIdKey *key);
/* Orders two keys (for g_array_sort() and bsearch()). */
gint     rg_id_key_compare (gconstpointer a, gconstpointer b);

typedef struct _RgRecommendModel RgRecommendModel;

/* A model whose guest summaries weigh visits by @half_life_days. */
RgRecommendModel *rg_recommend_model_new (gdouble half_life_days);
void              rg_recommend_model_free (RgRecommendModel *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgRecommendModel, rg_recommend_model_free)

/* The index of @item_id, numbering it if it is new. */
guint        rg_recommend_model_intern      (RgRecommendModel *self, const gchar *item_id);
/* The index of @item_id, or -1 when the model has never seen it. */
gint         rg_recommend_model_find        (RgRecommendModel *self, const gchar *item_id);
guint        rg_recommend_model_get_n_items (RgRecommendModel *self);
const gchar *rg_recommend_model_get_item_id (RgRecommendModel *self, guint item);

/* Adds (@sign = 1) or takes back (@sign = -1) the counts of one basket. */
void         rg_recommend_model_count       (RgRecommendModel *self, const RgBasket *basket, gint sign);

/* Adds @basket to the summary of @guest_id, a guest of the party who was
 * not the host (the host is counted by rg_recommend_model_count()). */
void         rg_recommend_model_count_party (RgRecommendModel *self, const RgBasket *basket,
                                             const gchar *guest_id);
/* (nullable): the history of @guest_id as host or guest of a party;
 * %NULL when the guest has no closed visit.  Valid until the model counts
 * again. */
const RgGuestSummary *rg_recommend_model_find_guest (RgRecommendModel *self, const gchar *guest_id);
/* Packs the histories counted so far, once the whole order history is:
 * the guests with a UUID move from the table of their ids (some 200 bytes
 * of bookkeeping each) to one array sorted by id, and all their dishes to
 * one block, which changes no count.  Guests counted later go to the
 * table; a packed guest's dishes move out of the block when they grow. */
void         rg_recommend_model_pack        (RgRecommendModel *self);
gdouble      rg_recommend_model_get_half_life (RgRecommendModel *self);
/* 2^(-(@to_ms - @from_ms) / half-life), 1 when @to_ms is not later. */
gdouble      rg_recommend_model_decay       (RgRecommendModel *self, gint64 from_ms, gint64 to_ms);

guint        rg_recommend_model_get_n_baskets (RgRecommendModel *self);
/* In how many baskets @item was. */
guint        rg_recommend_model_get_count   (RgRecommendModel *self, guint item);
/* In how many baskets @a and @b were together. */
guint        rg_recommend_model_get_pair    (RgRecommendModel *self, guint a, guint b);
/* The share of baskets with @item, 0–1. */
gdouble      rg_recommend_model_share       (RgRecommendModel *self, guint item);
/* P(@item | @given): the share of baskets with @given that also had @item,
 * shrunk towards the base rate of @item by @shrink pseudo-baskets. */
gdouble      rg_recommend_model_conditional (RgRecommendModel *self, guint given, guint item, gdouble shrink);
/* The shrunk conditional over the base rate: above 1 when @item goes with
 * @given more often than with anything. */
gdouble      rg_recommend_model_lift        (RgRecommendModel *self, guint given, guint item, gdouble shrink);
/* (transfer none) (nullable): GUINT_TO_POINTER (other + 1) →
 * GUINT_TO_POINTER (count) of the items seen with @item. */
GHashTable  *rg_recommend_model_get_neighbours (RgRecommendModel *self, guint item);
/* (transfer none) (nullable): GUINT_TO_POINTER (other + 1) →
 * GUINT_TO_POINTER (guests) of the items that guests who ordered @item
 * (on any visit) also ordered. */
GHashTable  *rg_recommend_model_get_guest_neighbours (RgRecommendModel *self, guint item);
/* The share of known guests who ever ordered @item, 0–1. */
gdouble      rg_recommend_model_guest_share (RgRecommendModel *self, guint item);
/* Like rg_recommend_model_lift(), over guests instead of checks. */
gdouble      rg_recommend_model_guest_lift  (RgRecommendModel *self, guint given, guint item, gdouble shrink);
/* The item's share of the baskets of @daypart, smoothed towards its
 * all-day share by @daypart_prior pseudo-baskets; for an item never
 * ordered, the share of an average item. */
gdouble      rg_recommend_model_popularity  (RgRecommendModel *self, guint item, RgDaypart daypart,
                                             gdouble daypart_prior);
/* The pseudo-checks at the dish's popularity that a pair's conditional
 * share is best shrunk with, and those at the all-day share that a
 * daypart's share is: the numbers that best predict each count from all
 * the others (leave-one-out likelihood: empirical Bayes on the training
 * counts alone), fitted when first asked for after the counts changed;
 * infinite when the prior alone predicts best (the counts spread no
 * more than chance makes them). */
gdouble      rg_recommend_model_get_shrink        (RgRecommendModel *self);
/* Fits them now if the counts changed (some forty passes over the pairs, a few
 * milliseconds for a large model), so that no lookup waits for it. */
void         rg_recommend_model_fit               (RgRecommendModel *self);
gdouble      rg_recommend_model_get_daypart_prior (RgRecommendModel *self);
gsize        rg_recommend_model_estimate_memory (RgRecommendModel *self);

/* The closed visits of @db, oldest first, as #RgBasket (visits without a
 * live line are left out); or only the visit @visit_id (closed or not: the
 * caller checks).  Items are interned into @model. */
GPtrArray   *rg_recommend_load_baskets (RgDb              *db,
                                        RgRecommendModel  *model,
                                        const gchar       *visit_id,
                                        GError           **error);

/* Called with each basket read, which it owns (transfer full). */
typedef void (*RgBasketFunc) (RgBasket *basket, gpointer user_data);

/* Hands every closed visit of @db (visits without a live line left out)
 * to @func as soon as it is read, in no particular order, so that a
 * history of any length is counted in little memory.  Items are interned
 * into @model. */
gboolean     rg_recommend_scan_baskets (RgDb              *db,
                                        RgRecommendModel  *model,
                                        RgBasketFunc       func,
                                        gpointer           user_data,
                                        GError           **error);

/* The closed visits of @guest_id (as host or as a known guest of the
 * party), oldest first. */
GPtrArray   *rg_recommend_load_guest_baskets (RgDb              *db,
                                              RgRecommendModel  *model,
                                              const gchar       *guest_id,
                                              GError           **error);

/* The guests of the closed visits (of @visit_id only, if not %NULL) who
 * were not their hosts: visit id → #GPtrArray of guest ids. */
GHashTable  *rg_recommend_load_parties (RgDb         *db,
                                        const gchar  *visit_id,
                                        GError      **error);

/* The daypart of @utc_ms in the local time of @tz. */
RgDaypart    rg_daypart_in_zone (gint64 utc_ms, GTimeZone *tz);

/* The status of @visit_id ("open", "closed", "void"), or %NULL with
 * %RG_ERROR_NOT_FOUND. */
gchar       *rg_recommend_dup_visit_status (RgDb *db, const gchar *visit_id, GError **error);

G_END_DECLS
