/* rg-recommend-model.c — the counts behind the recommender: item
 * popularity overall and per daypart, and item-to-item co-occurrence.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-recommend-model.h"

#include "rg-id.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A guest of the packed array (rg_recommend_model_pack()): the key first,
 * so that bsearch() compares entries as keys. */
typedef struct
{
  RgIdKey        key;
  RgGuestSummary summary;
} PackedGuest;

struct _RgRecommendModel
{
  /* owned */
  GHashTable *index;        /* item id (borrowed from ids) → GUINT_TO_POINTER (item + 1) */
  GPtrArray  *ids;          /* item → id */
  GArray     *count;        /* item → guint: baskets with the item */
  GArray     *daypart_count[RG_DAYPART_COUNT];
  GPtrArray  *pairs;        /* item → GHashTable (other + 1 → count), NULL when none */
  GHashTable *guests;       /* guest id → RgGuestSummary: those not packed */
  PackedGuest *packed;      /* sorted by key; n_dishes 0: taken back since */
  guint       n_packed;
  guint       n_packed_live;  /* packed guests with a dish */
  RgGuestDish *packed_dishes;  /* the packed guests' dishes, one block */
  GArray     *guest_count;  /* item → guint: guests who ordered it */
  GPtrArray  *guest_pairs;  /* item → GHashTable (other + 1 → guests who ordered both) */

  guint       n_baskets;
  guint       n_daypart[RG_DAYPART_COUNT];
  guint64     n_lines;      /* sum of count: distinct items over all baskets */
  gdouble     half_life_days;

  /* Fitted from the counts when first asked for after they changed (see
   * rg_recommend_model_fit(): some forty passes over the pairs). */
  gboolean    fitted;
  gdouble     shrink;
  gdouble     daypart_prior;
};

/* The least fitted prior, in pseudo-checks: even a pair (or daypart)
 * that differs a lot from chance needs a few checks to say so. */
#define MIN_PRIOR 0.1

/* --------------------------------------------------------------- baskets */

void
rg_basket_free (RgBasket *basket)
{
  if (basket == NULL)
    return;
  g_free (basket->visit_id);
  g_free (basket->guest_id);
  g_array_unref (basket->items);
  g_free (basket);
}

static gboolean
basket_has (const RgBasket *basket,
            guint           item)
{
  for (guint i = 0; i < basket->items->len; i++)
    if (g_array_index (basket->items, guint, i) == item)
      return TRUE;
  return FALSE;
}

static RgBasket *
basket_new (sqlite3_stmt *stmt,
            GHashTable   *zones)
{
  RgBasket *basket = g_new0 (RgBasket, 1);
  const gchar *tz = (const gchar *) sqlite3_column_text (stmt, 3);
  GTimeZone *zone;

  basket->visit_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  basket->guest_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  basket->seated_ms = sqlite3_column_int64 (stmt, 2);
  basket->tz = g_intern_string (tz);
  basket->items = g_array_new (FALSE, FALSE, sizeof (guint));

  zone = g_hash_table_lookup (zones, basket->tz);
  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (basket->tz);
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      g_hash_table_insert (zones, (gpointer) basket->tz, zone);
    }
  basket->daypart = rg_daypart_in_zone (basket->seated_ms, zone);
  return basket;
}

/* Steps @stmt (rows of visit id, guest id, seated_ms, time zone, item
 * id, grouped by visit) and hands each visit's basket to @func as soon as
 * its last row is read. */
static gboolean
read_baskets (RgDb              *db,
              RgStmt            *stmt,
              RgRecommendModel  *model,
              RgBasketFunc       func,
              gpointer           user_data,
              GError           **error)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_time_zone_unref);
  g_autoptr(RgBasket) current = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *visit_id = (const gchar *) sqlite3_column_text (stmt, 0);
      guint item = rg_recommend_model_intern (model, (const gchar *) sqlite3_column_text (stmt, 4));

      if (current == NULL || g_strcmp0 (current->visit_id, visit_id) != 0)
        {
          if (current != NULL)
            func (g_steal_pointer (&current), user_data);
          current = basket_new (stmt, zones);
        }
      if (!basket_has (current, item))
        g_array_append_val (current->items, item);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the order history");
  if (current != NULL)
    func (g_steal_pointer (&current), user_data);
  return TRUE;
}

static void
add_basket_to_array (RgBasket *basket,
                     gpointer  user_data)
{
  g_ptr_array_add (user_data, basket);
}

static GPtrArray *
collect_baskets (RgDb              *db,
                 RgStmt            *stmt,
                 RgRecommendModel  *model,
                 GError           **error)
{
  g_autoptr(GPtrArray) baskets = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_basket_free);

  if (!read_baskets (db, stmt, model, add_basket_to_array, baskets, error))
    return NULL;
  return g_steal_pointer (&baskets);
}

gboolean
rg_recommend_scan_baskets (RgDb              *db,
                           RgRecommendModel  *model,
                           RgBasketFunc       func,
                           gpointer           user_data,
                           GError           **error)
{
  /* By visit id alone: the index gives that order, so SQLite sorts
   * nothing and holds no more than a row at a time, however long the
   * history. */
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT v.id, v.guest_id, v.seated_ms, b.tz, l.item_id "
      "FROM visit v JOIN branch b ON b.id = v.branch_id "
      "JOIN order_line l ON l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0 "
      "WHERE v.status = 'closed' AND v.deleted = 0 "
      "ORDER BY v.id", error);

  if (stmt == NULL)
    return FALSE;
  return read_baskets (db, stmt, model, func, user_data, error);
}

GPtrArray *
rg_recommend_load_guest_baskets (RgDb              *db,
                                 RgRecommendModel  *model,
                                 const gchar       *guest_id,
                                 GError           **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT v.id, v.guest_id, v.seated_ms, b.tz, l.item_id "
      "FROM visit v JOIN branch b ON b.id = v.branch_id "
      "JOIN order_line l ON l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0 "
      "WHERE v.status = 'closed' AND v.deleted = 0 AND v.id IN ("
      "  SELECT id FROM visit WHERE guest_id = ?1 "
      "  UNION SELECT visit_id FROM visit_guest WHERE guest_id = ?1 AND deleted = 0) "
      "ORDER BY v.seated_ms, v.id, l.created_ms, l.rowid", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  return collect_baskets (db, stmt, model, error);
}

GPtrArray *
rg_recommend_load_baskets (RgDb              *db,
                           RgRecommendModel  *model,
                           const gchar       *visit_id,
                           GError           **error)
{
  g_autoptr(RgStmt) stmt = NULL;

  if (visit_id == NULL)
    stmt = rg_db_prepare (db,
        "SELECT v.id, v.guest_id, v.seated_ms, b.tz, l.item_id "
        "FROM visit v JOIN branch b ON b.id = v.branch_id "
        "JOIN order_line l ON l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0 "
        "WHERE v.status = 'closed' AND v.deleted = 0 "
        "ORDER BY v.seated_ms, v.id, l.created_ms, l.rowid", error);
  else
    stmt = rg_db_prepare (db,
        "SELECT v.id, v.guest_id, v.seated_ms, b.tz, l.item_id "
        "FROM visit v JOIN branch b ON b.id = v.branch_id "
        "JOIN order_line l ON l.visit_id = v.id AND l.voided = 0 AND l.deleted = 0 "
        "WHERE v.id = ? AND v.deleted = 0 "
        "ORDER BY l.created_ms, l.rowid", error);
  if (stmt == NULL)
    return NULL;
  if (visit_id != NULL)
    sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);

  return collect_baskets (db, stmt, model, error);
}

GHashTable *
rg_recommend_load_parties (RgDb         *db,
                           const gchar  *visit_id,
                           GError      **error)
{
  g_autoptr(GHashTable) parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT g.visit_id, g.guest_id FROM visit_guest g JOIN visit v ON v.id = g.visit_id "
      "WHERE g.deleted = 0 AND v.deleted = 0 AND v.status = 'closed' "
      "AND g.guest_id IS NOT v.guest_id AND (?1 IS NULL OR g.visit_id = ?1)", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *visit = (const gchar *) sqlite3_column_text (stmt, 0);
      GPtrArray *guests = g_hash_table_lookup (parties, visit);

      if (guests == NULL)
        {
          guests = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (parties, g_strdup (visit), guests);
        }
      g_ptr_array_add (guests, g_strdup ((const gchar *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading who sat at which table");
      return NULL;
    }
  return g_steal_pointer (&parties);
}

gchar *
rg_recommend_dup_visit_status (RgDb         *db,
                               const gchar  *visit_id,
                               GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT status FROM visit WHERE id = ? AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, visit_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading visit %s", visit_id);
      return NULL;
    }
  g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "There is no visit %s", visit_id);
  return NULL;
}

/* ------------------------------------------------------------------- ids */

gboolean
rg_id_key_parse (const gchar *id,
                 RgIdKey     *key)
{
  guint64 half[2] = { 0, 0 };
  guint digits = 0;

  if (!rg_id_is_valid (id))
    return FALSE;
  for (const gchar *c = id; *c != '\0'; c++)
    if (*c != '-')
      {
        half[digits / 16] = half[digits / 16] << 4 | (guint64) g_ascii_xdigit_value (*c);
        digits++;
      }
  *key = (RgIdKey) { half[0], half[1] };
  return TRUE;
}

gint
rg_id_key_compare (gconstpointer a,
                   gconstpointer b)
{
  const RgIdKey *x = a;
  const RgIdKey *y = b;

  if (x->hi != y->hi)
    return x->hi < y->hi ? -1 : 1;
  return (x->lo > y->lo) - (x->lo < y->lo);
}

/* ----------------------------------------------------------------- model */

static void
free_neighbours (gpointer neighbours)
{
  if (neighbours != NULL)
    g_hash_table_unref (neighbours);
}

static void
guest_summary_free (RgGuestSummary *guest)
{
  g_free (guest->dishes);
  g_free (guest);
}

RgRecommendModel *
rg_recommend_model_new (gdouble half_life_days)
{
  RgRecommendModel *self = g_new0 (RgRecommendModel, 1);

  g_return_val_if_fail (half_life_days > 0, NULL);

  self->half_life_days = half_life_days;

  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->count = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint d = 0; d < RG_DAYPART_COUNT; d++)
    self->daypart_count[d] = g_array_new (FALSE, TRUE, sizeof (guint));
  self->pairs = g_ptr_array_new_with_free_func (free_neighbours);
  self->guests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) guest_summary_free);
  self->guest_count = g_array_new (FALSE, TRUE, sizeof (guint));
  self->guest_pairs = g_ptr_array_new_with_free_func (free_neighbours);
  return self;
}

void
rg_recommend_model_free (RgRecommendModel *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->ids);
  g_array_unref (self->count);
  for (guint d = 0; d < RG_DAYPART_COUNT; d++)
    g_array_unref (self->daypart_count[d]);
  g_ptr_array_unref (self->pairs);
  g_hash_table_unref (self->guests);
  for (guint i = 0; i < self->n_packed; i++)
    if (self->packed[i].summary.n_alloc > 0)
      g_free (self->packed[i].summary.dishes);
  g_free (self->packed);
  g_free (self->packed_dishes);
  g_array_unref (self->guest_count);
  g_ptr_array_unref (self->guest_pairs);
  g_free (self);
}

guint
rg_recommend_model_intern (RgRecommendModel *self,
                           const gchar      *item_id)
{
  gpointer found = g_hash_table_lookup (self->index, item_id);
  gchar *id;
  guint item;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  item = self->ids->len;
  id = g_strdup (item_id);
  g_ptr_array_add (self->ids, id);
  g_hash_table_insert (self->index, id, GUINT_TO_POINTER (item + 1));
  g_array_set_size (self->count, item + 1);
  for (guint d = 0; d < RG_DAYPART_COUNT; d++)
    g_array_set_size (self->daypart_count[d], item + 1);
  g_ptr_array_add (self->pairs, NULL);
  g_array_set_size (self->guest_count, item + 1);
  g_ptr_array_add (self->guest_pairs, NULL);
  return item;
}

gint
rg_recommend_model_find (RgRecommendModel *self,
                         const gchar      *item_id)
{
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->index, item_id)) - 1;
}

guint
rg_recommend_model_get_n_items (RgRecommendModel *self)
{
  return self->ids->len;
}

const gchar *
rg_recommend_model_get_item_id (RgRecommendModel *self,
                                guint             item)
{
  return g_ptr_array_index (self->ids, item);
}

static void
add_to (guint *counter,
        gint   sign)
{
  /* Taking back a basket that was never counted is a programmer error;
   * never wrap below zero. */
  g_return_if_fail (sign > 0 || *counter > 0);
  *counter += sign;
}

static void
count_pair (GPtrArray *pairs,
            guint      a,
            guint      b,
            gint       sign)
{
  GHashTable *neighbours = g_ptr_array_index (pairs, a);
  gpointer key = GUINT_TO_POINTER (b + 1);
  guint count;

  if (neighbours == NULL)
    {
      neighbours = g_hash_table_new (g_direct_hash, g_direct_equal);
      pairs->pdata[a] = neighbours;
    }
  count = GPOINTER_TO_UINT (g_hash_table_lookup (neighbours, key));
  add_to (&count, sign);
  if (count == 0)
    g_hash_table_remove (neighbours, key);
  else
    g_hash_table_insert (neighbours, key, GUINT_TO_POINTER (count));
}

/* Pairs @item with every other dish the guest has ordered, when it enters
 * (@sign 1) or leaves (-1) the guest's set of dishes. */
static void
count_guest_pairs (RgRecommendModel     *self,
                   const RgGuestSummary *guest,
                   guint                 item,
                   gint                  sign)
{
  add_to (&g_array_index (self->guest_count, guint, item), sign);
  for (guint i = 0; i < guest->n_dishes; i++)
    {
      guint other = guest->dishes[i].item;

      if (other == item)
        continue;
      count_pair (self->guest_pairs, item, other, sign);
      count_pair (self->guest_pairs, other, item, sign);
    }
}

/* The position of @item in the guest's sorted dishes, or where it would
 * go (with *@found FALSE). */
static guint
guest_find_dish (const RgGuestSummary *guest,
                 guint                 item,
                 gboolean             *found)
{
  guint lo = 0, hi = guest->n_dishes;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (guest->dishes[mid].item < item)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = lo < guest->n_dishes && guest->dishes[lo].item == item;
  return lo;
}

static RgGuestDish *
guest_insert_dish (RgGuestSummary *guest,
                   guint           at,
                   guint           item)
{
  if (guest->n_alloc == 0 && guest->dishes != NULL)
    {
      /* Packed: the dishes leave the block, which has no room to grow. */
      RgGuestDish *packed = guest->dishes;

      guest->n_alloc = MAX (4, guest->n_dishes + guest->n_dishes / 2);
      guest->dishes = g_new (RgGuestDish, guest->n_alloc);
      memcpy (guest->dishes, packed, guest->n_dishes * sizeof (RgGuestDish));
    }
  else if (guest->n_dishes == guest->n_alloc)
    {
      guest->n_alloc = MAX (4, guest->n_alloc + guest->n_alloc / 2);
      guest->dishes = g_renew (RgGuestDish, guest->dishes, guest->n_alloc);
    }
  memmove (&guest->dishes[at + 1], &guest->dishes[at],
           (guest->n_dishes - at) * sizeof (RgGuestDish));
  guest->n_dishes++;
  guest->dishes[at] = (RgGuestDish) { .item = item };
  return &guest->dishes[at];
}

static void
guest_remove_dish (RgGuestSummary *guest,
                   guint           at)
{
  guest->n_dishes--;
  memmove (&guest->dishes[at], &guest->dishes[at + 1],
           (guest->n_dishes - at) * sizeof (RgGuestDish));
}

gdouble
rg_recommend_model_decay (RgRecommendModel *self,
                          gint64            from_ms,
                          gint64            to_ms)
{
  return exp2 (-MAX (0, to_ms - from_ms) / (self->half_life_days * RG_MS_PER_DAY));
}

/* Adds a visit at @seated_ms to a recency-weighted sum kept as of @last_ms
 * (the latest visit so far), moving it to the new visit when that is
 * later; or takes one back, leaving the reference where it is. */
static void
add_weighted (RgRecommendModel *self,
              gdouble          *weight,
              gint64           *last_ms,
              gint64            seated_ms,
              gint              sign)
{
  if (sign < 0)
    *weight = MAX (0, *weight - rg_recommend_model_decay (self, seated_ms, *last_ms));
  else if (seated_ms >= *last_ms)
    {
      *weight = *weight * rg_recommend_model_decay (self, *last_ms, seated_ms) + 1;
      *last_ms = seated_ms;
    }
  else
    *weight += rg_recommend_model_decay (self, seated_ms, *last_ms);
}

/* The packed entry of @guest_id, with a dish or taken back since; NULL
 * when the guest was not packed. */
static PackedGuest *
find_packed (RgRecommendModel *self,
             const gchar      *guest_id)
{
  RgIdKey key;

  if (self->n_packed == 0 || !rg_id_key_parse (guest_id, &key))
    return NULL;
  return bsearch (&key, self->packed, self->n_packed, sizeof (PackedGuest), rg_id_key_compare);
}

/* The guest-level counts of one guest of @basket: the summary of the
 * dishes the guest has ordered, and for each pair of dishes how many
 * guests ordered both. */
static void
count_guest (RgRecommendModel *self,
             const RgBasket   *basket,
             const gchar      *guest_id,
             gint              sign)
{
  PackedGuest *packed = find_packed (self, guest_id);
  RgGuestSummary *guest = packed != NULL ? &packed->summary : g_hash_table_lookup (self->guests, guest_id);

  if (guest == NULL)
    {
      g_return_if_fail (sign > 0);
      guest = g_new0 (RgGuestSummary, 1);
      g_hash_table_insert (self->guests, g_strdup (guest_id), guest);
    }
  else if (guest->n_dishes == 0)
    {
      /* A packed guest taken back comes back as a new one. */
      g_return_if_fail (sign > 0);
      guest->last_ms = 0;
      guest->weight = 0;
      guest->tz = NULL;
      self->n_packed_live++;
    }

  add_weighted (self, &guest->weight, &guest->last_ms, basket->seated_ms, sign);
  if (sign > 0 && guest->last_ms == basket->seated_ms)
    guest->tz = basket->tz;
  for (guint i = 0; i < basket->items->len; i++)
    {
      guint item = g_array_index (basket->items, guint, i);
      gboolean found;
      guint at = guest_find_dish (guest, item, &found);
      RgGuestDish *dish;
      gint64 last_ms;
      gdouble weight;

      if (!found)
        {
          g_return_if_fail (sign > 0);
          count_guest_pairs (self, guest, item, 1);
          guest_insert_dish (guest, at, item);
        }
      dish = &guest->dishes[at];
      add_to (&dish->times, sign);
      if (dish->times == 0)
        {
          guest_remove_dish (guest, at);
          count_guest_pairs (self, guest, item, -1);
          continue;
        }
      last_ms = dish->last_s * G_GINT64_CONSTANT (1000);
      weight = dish->weight;
      add_weighted (self, &weight, &last_ms, basket->seated_ms, sign);
      dish->weight = (gfloat) weight;
      dish->last_s = (guint32) CLAMP (last_ms / 1000, 0, G_MAXUINT32);
    }
  if (guest->n_dishes > 0)
    return;
  if (packed != NULL)
    self->n_packed_live--;
  else
    g_hash_table_remove (self->guests, guest_id);
}

void
rg_recommend_model_count_party (RgRecommendModel *self,
                                const RgBasket   *basket,
                                const gchar      *guest_id)
{
  if (basket->items->len == 0 || g_strcmp0 (guest_id, basket->guest_id) == 0)
    return;
  count_guest (self, basket, guest_id, 1);
}

const RgGuestSummary *
rg_recommend_model_find_guest (RgRecommendModel *self,
                               const gchar      *guest_id)
{
  PackedGuest *packed = find_packed (self, guest_id);

  if (packed != NULL)
    return packed->summary.n_dishes > 0 ? &packed->summary : NULL;
  return g_hash_table_lookup (self->guests, guest_id);
}

void
rg_recommend_model_pack (RgRecommendModel *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gsize n_dishes = 0;
  RgGuestDish *next;
  GHashTable *fresh;

  g_return_if_fail (self->packed == NULL);

  self->packed = g_new (PackedGuest, g_hash_table_size (self->guests));
  g_hash_table_iter_init (&iter, self->guests);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PackedGuest *guest = &self->packed[self->n_packed];

      if (!rg_id_key_parse (key, &guest->key))
        continue;
      guest->summary = *(RgGuestSummary *) value;
      n_dishes += guest->summary.n_dishes;
      self->n_packed++;
      g_hash_table_iter_steal (&iter);
      g_free (key);
      g_free (value);
    }
  if (self->n_packed == 0)
    {
      g_clear_pointer (&self->packed, g_free);
      return;
    }
  self->packed = g_renew (PackedGuest, self->packed, self->n_packed);
  qsort (self->packed, self->n_packed, sizeof (PackedGuest), rg_id_key_compare);

  self->packed_dishes = g_new (RgGuestDish, n_dishes);
  next = self->packed_dishes;
  for (guint i = 0; i < self->n_packed; i++)
    {
      RgGuestSummary *guest = &self->packed[i].summary;

      memcpy (next, guest->dishes, guest->n_dishes * sizeof (RgGuestDish));
      g_free (guest->dishes);
      guest->dishes = next;
      guest->n_alloc = 0;
      next += guest->n_dishes;
    }
  self->n_packed_live = self->n_packed;

  /* The table had room for every guest: a new one for those left. */
  fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) guest_summary_free);
  g_hash_table_iter_init (&iter, self->guests);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (fresh, key, value);
      g_hash_table_iter_steal (&iter);
    }
  g_hash_table_unref (self->guests);
  self->guests = fresh;
}

gdouble
rg_recommend_model_get_half_life (RgRecommendModel *self)
{
  return self->half_life_days;
}

void
rg_recommend_model_count (RgRecommendModel *self,
                          const RgBasket   *basket,
                          gint              sign)
{
  GArray *items = basket->items;

  if (items->len == 0)
    return;

  self->fitted = FALSE;
  add_to (&self->n_baskets, sign);
  add_to (&self->n_daypart[basket->daypart], sign);
  self->n_lines += sign > 0 ? items->len : -(gint64) items->len;
  for (guint i = 0; i < items->len; i++)
    {
      guint a = g_array_index (items, guint, i);

      add_to (&g_array_index (self->count, guint, a), sign);
      add_to (&g_array_index (self->daypart_count[basket->daypart], guint, a), sign);
      for (guint j = 0; j < items->len; j++)
        if (j != i)
          count_pair (self->pairs, a, g_array_index (items, guint, j), sign);
    }
  if (basket->guest_id != NULL)
    count_guest (self, basket, basket->guest_id, sign);
}

guint
rg_recommend_model_get_n_baskets (RgRecommendModel *self)
{
  return self->n_baskets;
}

guint
rg_recommend_model_get_count (RgRecommendModel *self,
                              guint             item)
{
  return g_array_index (self->count, guint, item);
}

guint
rg_recommend_model_get_pair (RgRecommendModel *self,
                             guint             a,
                             guint             b)
{
  GHashTable *neighbours = g_ptr_array_index (self->pairs, a);

  if (neighbours == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (neighbours, GUINT_TO_POINTER (b + 1)));
}

GHashTable *
rg_recommend_model_get_neighbours (RgRecommendModel *self,
                                   guint             item)
{
  return g_ptr_array_index (self->pairs, item);
}

GHashTable *
rg_recommend_model_get_guest_neighbours (RgRecommendModel *self,
                                         guint             item)
{
  return g_ptr_array_index (self->guest_pairs, item);
}

gdouble
rg_recommend_model_guest_share (RgRecommendModel *self,
                                guint             item)
{
  guint n_guests = self->n_packed_live + g_hash_table_size (self->guests);

  if (n_guests == 0)
    return 0;
  return (gdouble) g_array_index (self->guest_count, guint, item) / n_guests;
}

gdouble
rg_recommend_model_guest_lift (RgRecommendModel *self,
                               guint             given,
                               guint             item,
                               gdouble           shrink)
{
  GHashTable *neighbours = g_ptr_array_index (self->guest_pairs, given);
  gdouble both = neighbours != NULL
                 ? GPOINTER_TO_UINT (g_hash_table_lookup (neighbours, GUINT_TO_POINTER (item + 1))) : 0;
  gdouble base = rg_recommend_model_guest_share (self, item);

  if (base == 0)
    return 1;
  if (isinf (shrink))
    return 1;
  return (both + shrink * base) / (g_array_index (self->guest_count, guint, given) + shrink) / base;
}

gdouble
rg_recommend_model_share (RgRecommendModel *self,
                          guint             item)
{
  if (self->n_baskets == 0)
    return 0;
  return (gdouble) rg_recommend_model_get_count (self, item) / self->n_baskets;
}

gdouble
rg_recommend_model_conditional (RgRecommendModel *self,
                                guint             given,
                                guint             item,
                                gdouble           shrink)
{
  gdouble both = rg_recommend_model_get_pair (self, given, item);
  gdouble base = rg_recommend_model_share (self, item);

  if (isinf (shrink))
    return base;
  /* @shrink pseudo-checks at the base rate: a pair seen on two checks out
   * of three says little, one seen on 200 out of 300 a lot. */
  return (both + shrink * base) / (rg_recommend_model_get_count (self, given) + shrink);
}

gdouble
rg_recommend_model_lift (RgRecommendModel *self,
                         guint             given,
                         guint             item,
                         gdouble           shrink)
{
  gdouble base = rg_recommend_model_share (self, item);

  if (base == 0)
    return 1;
  return rg_recommend_model_conditional (self, given, item, shrink) / base;
}

/* A count of the daypart fit: of one dish in one daypart, with the
 * daypart's total and the dish's all-day share without that one. */
typedef struct
{
  gdouble count;
  gdouble total;
  gdouble share;
} FitCell;

/* The log-likelihood of every counted dish when it is predicted from all
 * the others (leave-one-out): its daypart's share smoothed by @tau
 * pseudo-dishes at its all-day share; @tau infinite is the all-day share
 * alone. */
static gdouble
loo_likelihood (GArray  *cells,
                gdouble  tau)
{
  gdouble sum = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      const FitCell *cell = &g_array_index (cells, FitCell, i);

      if (isinf (tau))
        sum += cell->count * log (cell->share);
      else
        sum += cell->count * log ((cell->count - 1 + tau * cell->share) / (cell->total - 1 + tau));
    }
  return sum;
}

/* The @tau that predicts @cells best, leave-one-out: a search over
 * powers of ten from 0.1 to 10⁸, refined between the neighbours of the
 * best; infinite when the all-day shares alone predict better than any. */
static gdouble
fit_loo (GArray *cells)
{
  const gdouble step = 0.5;  /* in decades */
  gdouble best = loo_likelihood (cells, INFINITY);
  gdouble best_log = INFINITY;
  gdouble lo, hi;

  for (gdouble k = -1; k <= 8; k += step)
    {
      gdouble l = loo_likelihood (cells, pow (10, k));

      if (l > best)
        {
          best = l;
          best_log = k;
        }
    }
  if (isinf (best_log))
    return INFINITY;
  /* Golden section on the log of tau around the best point of the grid. */
  lo = best_log - step;
  hi = best_log + step;
  for (gint i = 0; i < 24; i++)
    {
      gdouble a = hi - (hi - lo) * 0.618034;
      gdouble b = lo + (hi - lo) * 0.618034;

      if (loo_likelihood (cells, pow (10, a)) > loo_likelihood (cells, pow (10, b)))
        hi = b;
      else
        lo = a;
    }
  return MAX (pow (10, (lo + hi) / 2), MIN_PRIOR);
}

/* How many pseudo-checks at the dish's popularity the share of checks
 * with X that also had the dish needs: the pairs of each item X are taken
 * as a draw of its checks' other dishes, and the number is the one that
 * predicts each pair best from all the others (leave-one-out), smoothing
 * towards the shares of all the other dishes; infinite when those shares
 * alone predict best (dishes go together no more than chance has them).
 * In checks, not dishes. */
static gdouble
fit_shrink (RgRecommendModel *self)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (FitCell));

  if (self->n_lines < 2)
    return INFINITY;
  for (guint x = 0; x < self->ids->len; x++)
    {
      GHashTable *neighbours = g_ptr_array_index (self->pairs, x);
      gdouble others = self->n_lines - rg_recommend_model_get_count (self, x);
      gdouble slots = 0;
      GHashTableIter iter;
      gpointer key, value;

      if (neighbours == NULL || others < 2)
        continue;
      g_hash_table_iter_init (&iter, neighbours);
      while (g_hash_table_iter_next (&iter, &key, &value))
        slots += GPOINTER_TO_UINT (value);
      g_hash_table_iter_init (&iter, neighbours);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          FitCell cell = {
            .count = GPOINTER_TO_UINT (value),
            .total = slots,
            .share = (rg_recommend_model_get_count (self, GPOINTER_TO_UINT (key) - 1) - 1.0) /
                     (others - 1),
          };

          if (cell.share > 0)
            g_array_append_val (cells, cell);
        }
    }
  return fit_loo (cells) * self->n_baskets / self->n_lines;
}

/* How many pseudo-checks at the all-day share a daypart's share of checks
 * with a dish needs: the number that predicts each counted dish best from
 * all the others (leave-one-out), so fitted to the training counts alone;
 * infinite when the dayparts' mixes differ no more than chance makes them
 * (the all-day share predicts best).  Fitted on the mixes, not the shares
 * of checks: a daypart of larger checks has more of every dish, which
 * changes no ranking. */
static gdouble
fit_daypart_prior (RgRecommendModel *self)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (FitCell));
  gdouble lines[RG_DAYPART_COUNT] = { 0 };
  guint parts = 0;

  if (self->n_lines < 2)
    return INFINITY;
  for (guint y = 0; y < self->ids->len; y++)
    for (guint d = 0; d < RG_DAYPART_COUNT; d++)
      lines[d] += g_array_index (self->daypart_count[d], guint, y);
  for (guint d = 0; d < RG_DAYPART_COUNT; d++)
    parts += lines[d] > 0;
  if (parts < 2)
    return INFINITY;

  for (guint d = 0; d < RG_DAYPART_COUNT; d++)
    for (guint y = 0; y < self->ids->len; y++)
      {
        FitCell cell = {
          .count = g_array_index (self->daypart_count[d], guint, y),
          .total = lines[d],
          .share = (rg_recommend_model_get_count (self, y) - 1.0) / (self->n_lines - 1.0),
        };

        /* A dish counted once predicts nothing of itself. */
        if (cell.count > 0 && cell.share > 0)
          g_array_append_val (cells, cell);
      }
  return fit_loo (cells) * self->n_baskets / self->n_lines;
}

void
rg_recommend_model_fit (RgRecommendModel *self)
{
  if (self->fitted)
    return;
  self->shrink = fit_shrink (self);
  self->daypart_prior = fit_daypart_prior (self);
  self->fitted = TRUE;
}

gdouble
rg_recommend_model_get_shrink (RgRecommendModel *self)
{
  rg_recommend_model_fit (self);
  return self->shrink;
}

gdouble
rg_recommend_model_get_daypart_prior (RgRecommendModel *self)
{
  rg_recommend_model_fit (self);
  return self->daypart_prior;
}

gdouble
rg_recommend_model_popularity (RgRecommendModel *self,
                               guint             item,
                               RgDaypart         daypart,
                               gdouble           daypart_prior)
{
  guint count = rg_recommend_model_get_count (self, item);
  gdouble all_day, in_part;

  /* A dish nobody has ordered yet (new on the menu) is taken for an
   * average one, not for one nobody wants. */
  if (count == 0)
    return self->n_baskets > 0 && self->ids->len > 0
           ? (gdouble) self->n_lines / self->n_baskets / self->ids->len : 0;

  all_day = (gdouble) count / self->n_baskets;
  if (isinf (daypart_prior))
    return all_day;
  in_part = g_array_index (self->daypart_count[daypart], guint, item);
  return (in_part + daypart_prior * all_day) / (self->n_daypart[daypart] + daypart_prior);
}

static gsize
neighbours_memory (GHashTable *neighbours)
{
  /* A GHashTable entry costs a key, a value and a hash slot. */
  const gsize entry = 2 * sizeof (gpointer) + sizeof (guint);

  return neighbours != NULL ? 64 + g_hash_table_size (neighbours) * entry : 0;
}

gsize
rg_recommend_model_estimate_memory (RgRecommendModel *self)
{
  gsize bytes = sizeof (*self);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->ids->len; i++)
    {
      bytes += strlen (g_ptr_array_index (self->ids, i)) + 1 + 4 * sizeof (gpointer);
      bytes += (2 + RG_DAYPART_COUNT) * sizeof (guint);
      bytes += neighbours_memory (g_ptr_array_index (self->pairs, i));
      bytes += neighbours_memory (g_ptr_array_index (self->guest_pairs, i));
    }
  g_hash_table_iter_init (&iter, self->guests);
  while (g_hash_table_iter_next (&iter, &key, &value))
    bytes += strlen (key) + 1 + 4 * sizeof (gpointer) + sizeof (RgGuestSummary) +
             ((RgGuestSummary *) value)->n_alloc * sizeof (RgGuestDish);
  for (guint i = 0; i < self->n_packed; i++)
    bytes += sizeof (PackedGuest) + (self->packed[i].summary.n_alloc > 0
                                     ? self->packed[i].summary.n_alloc
                                     : self->packed[i].summary.n_dishes) * sizeof (RgGuestDish);
  return bytes;
}
