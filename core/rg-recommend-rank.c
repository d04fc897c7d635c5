/* rg-recommend-rank.c — the blend: profiles, today's menu, the hard
 * filters, the score of each dish and its reason in words.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-recommend-rank.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define AVERSE_SUFFIX "-averse"
/* What a "like" adds to the history signal, the share of visits a dish
 * the guest orders every other time would have. */
#define LIKED_BONUS 0.5
/* The least share of checks a dish is taken to have, so that an empty
 * model still ranks (by the other signals) instead of taking logs of 0. */
#define MIN_SHARE 1e-9
/* Pseudo-guests that pull the pairs of dishes the same guests order
 * towards chance, unless the weights fix a shrink: chosen with --tune on
 * the demo restaurant (few guests order two given dishes, too few for a
 * fit like that of the checks' pairs). */
#define GUEST_SHRINK 2.5

/* ------------------------------------------------------------------ menu */

static GStrv
split_words (const gchar *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree gchar *word = g_ascii_strdown (g_strstrip (parts[i]), -1);

      if (*word != '\0')
        g_strv_builder_add (words, word);
    }
  return g_strv_builder_end (words);
}

static gboolean
words_contain (const gchar * const *words,
               const gchar         *word)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], word) == 0)
      return TRUE;
  return FALSE;
}

static void
rank_dish_free (RgRankDish *dish)
{
  g_free (dish->id);
  g_free (dish->name);
  g_strfreev (dish->allergens);
  g_strfreev (dish->tags);
  g_strfreev (dish->dayparts);
  g_free (dish);
}

RgRankMenu *
rg_rank_menu_load (RgDb              *db,
                   RgRecommendModel  *model,
                   GError           **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT id, name, price, cost, allergens, tags, dayparts, available "
      "FROM menu_item WHERE deleted = 0", error);
  g_autoptr(RgRankMenu) menu = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  menu = g_new0 (RgRankMenu, 1);
  menu->dishes = g_ptr_array_new_with_free_func ((GDestroyNotify) rank_dish_free);
  menu->by_item = g_hash_table_new (g_direct_hash, g_direct_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RgRankDish *dish = g_new0 (RgRankDish, 1);

      dish->id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      dish->name = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
      dish->item = rg_recommend_model_intern (model, dish->id);
      dish->price = sqlite3_column_int64 (stmt, 2);
      dish->cost = sqlite3_column_int64 (stmt, 3);
      dish->allergens = split_words ((const gchar *) sqlite3_column_text (stmt, 4));
      dish->tags = split_words ((const gchar *) sqlite3_column_text (stmt, 5));
      dish->dayparts = split_words ((const gchar *) sqlite3_column_text (stmt, 6));
      dish->available = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (menu->dishes, dish);
      g_hash_table_insert (menu->by_item, GUINT_TO_POINTER (dish->item + 1), dish);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the menu");
      return NULL;
    }
  return g_steal_pointer (&menu);
}

void
rg_rank_menu_free (RgRankMenu *menu)
{
  if (menu == NULL)
    return;
  g_hash_table_unref (menu->by_item);
  g_ptr_array_unref (menu->dishes);
  g_free (menu);
}

RgRankDish *
rg_rank_menu_find (RgRankMenu *menu,
                   guint       item)
{
  return g_hash_table_lookup (menu->by_item, GUINT_TO_POINTER (item + 1));
}

/* --------------------------------------------------------------- profile */

RgRankProfile *
rg_rank_profile_new (gint64    now_ms,
                     RgDaypart daypart,
                     gdouble   half_life_days)
{
  RgRankProfile *profile = g_new0 (RgRankProfile, 1);

  profile->now_ms = now_ms;
  profile->daypart = daypart;
  profile->half_life_days = half_life_days;
  profile->visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  profile->history = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  profile->tags = g_ptr_array_new_with_free_func (g_free);
  profile->averse = g_ptr_array_new_with_free_func (g_free);
  profile->allergens = g_ptr_array_new_with_free_func (g_free);
  profile->liked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  profile->disliked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  profile->check = g_array_new (FALSE, FALSE, sizeof (guint));
  return profile;
}

void
rg_rank_profile_free (RgRankProfile *profile)
{
  if (profile == NULL)
    return;
  g_hash_table_unref (profile->visits);
  g_hash_table_unref (profile->history);
  g_ptr_array_unref (profile->tags);
  g_ptr_array_unref (profile->averse);
  g_ptr_array_unref (profile->allergens);
  g_hash_table_unref (profile->liked);
  g_hash_table_unref (profile->disliked);
  g_array_unref (profile->check);
  g_free (profile);
}

RgRankHistory *
rg_rank_profile_find (RgRankProfile *profile,
                      guint          item)
{
  return g_hash_table_lookup (profile->history, GUINT_TO_POINTER (item + 1));
}

void
rg_rank_profile_add_basket (RgRankProfile  *profile,
                            const RgBasket *basket)
{
  gdouble age_days, weight;

  if (!g_hash_table_add (profile->visits, g_strdup (basket->visit_id)))
    return;

  age_days = MAX (0, profile->now_ms - basket->seated_ms) / RG_MS_PER_DAY;
  weight = exp2 (-age_days / profile->half_life_days);
  profile->total_weight += weight;

  for (guint i = 0; i < basket->items->len; i++)
    {
      guint item = g_array_index (basket->items, guint, i);
      RgRankHistory *history = rg_rank_profile_find (profile, item);

      if (history == NULL)
        {
          history = g_new0 (RgRankHistory, 1);
          g_hash_table_insert (profile->history, GUINT_TO_POINTER (item + 1), history);
        }
      history->times++;
      history->weight += weight;
      if (basket->seated_ms >= history->last_ms)
        {
          history->last_ms = basket->seated_ms;
          history->last_tz = basket->tz;
        }
    }
}

void
rg_rank_profile_add_summary (RgRankProfile        *profile,
                             RgRecommendModel     *model,
                             const RgGuestSummary *guest)
{
  profile->total_weight += guest->weight * rg_recommend_model_decay (model, guest->last_ms,
                                                                     profile->now_ms);
  for (guint i = 0; i < guest->n_dishes; i++)
    {
      const RgGuestDish *dish = &guest->dishes[i];
      gint64 last_ms = dish->last_s * G_GINT64_CONSTANT (1000);
      RgRankHistory *history = rg_rank_profile_find (profile, dish->item);

      if (history == NULL)
        {
          history = g_new0 (RgRankHistory, 1);
          g_hash_table_insert (profile->history, GUINT_TO_POINTER (dish->item + 1), history);
        }
      history->times += dish->times;
      history->weight += dish->weight * rg_recommend_model_decay (model, last_ms, profile->now_ms);
      if (last_ms >= history->last_ms)
        {
          history->last_ms = last_ms;
          history->last_tz = guest->tz;
        }
    }
}

static void
add_word (GPtrArray   *words,
          const gchar *word)
{
  g_autofree gchar *folded = g_ascii_strdown (word, -1);

  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), folded) == 0)
      return;
  g_ptr_array_add (words, g_steal_pointer (&folded));
}

gboolean
rg_rank_profile_add_facts (RgRankProfile  *profile,
                           RgDb           *db,
                           const gchar    *guest_id,
                           GError        **error)
{
  g_autoptr(RgStmt) tags = rg_db_prepare (db,
      "SELECT tag FROM guest_tag WHERE guest_id = ? AND deleted = 0", error);
  g_autoptr(RgStmt) allergies = NULL;
  g_autoptr(RgStmt) prefs = NULL;
  int rc;

  if (tags == NULL)
    return FALSE;
  sqlite3_bind_text (tags, 1, guest_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (tags)) == SQLITE_ROW)
    {
      const gchar *tag = (const gchar *) sqlite3_column_text (tags, 0);

      if (g_str_has_suffix (tag, AVERSE_SUFFIX) && strlen (tag) > strlen (AVERSE_SUFFIX))
        {
          g_autofree gchar *word = g_strndup (tag, strlen (tag) - strlen (AVERSE_SUFFIX));

          add_word (profile->averse, word);
        }
      else
        add_word (profile->tags, tag);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the guest's tags");

  allergies = rg_db_prepare (db,
      "SELECT allergen FROM guest_allergy WHERE guest_id = ? AND deleted = 0", error);
  if (allergies == NULL)
    return FALSE;
  sqlite3_bind_text (allergies, 1, guest_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (allergies)) == SQLITE_ROW)
    {
      g_autofree gchar *allergen = g_strdup ((const gchar *) sqlite3_column_text (allergies, 0));

      add_word (profile->allergens, g_strstrip (allergen));
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the guest's allergies");

  prefs = rg_db_prepare (db,
      "SELECT item_id, pref = 'like' FROM dish_pref WHERE guest_id = ? AND deleted = 0", error);
  if (prefs == NULL)
    return FALSE;
  sqlite3_bind_text (prefs, 1, guest_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (prefs)) == SQLITE_ROW)
    {
      const gchar *item_id = (const gchar *) sqlite3_column_text (prefs, 0);

      g_hash_table_add (sqlite3_column_int (prefs, 1) ? profile->liked : profile->disliked,
                        g_strdup (item_id));
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the guest's likes and dislikes");

  return TRUE;
}

/* --------------------------------------------------------------- filters */

static gboolean
any_word_in (GPtrArray           *words,
             const gchar * const *in)
{
  for (guint i = 0; i < words->len; i++)
    if (words_contain (in, g_ptr_array_index (words, i)))
      return TRUE;
  return FALSE;
}

static gboolean
on_check (const RgRankProfile *profile,
          guint                item)
{
  for (guint i = 0; i < profile->check->len; i++)
    if (g_array_index (profile->check, guint, i) == item)
      return TRUE;
  return FALSE;
}

gboolean
rg_rank_is_excluded (const RgRankDish    *dish,
                     const RgRankProfile *profile,
                     gboolean             live)
{
  if (live)
    {
      if (!dish->available)
        return TRUE;
      if (dish->dayparts[0] != NULL &&
          !words_contain ((const gchar * const *) dish->dayparts,
                          rg_daypart_to_string (profile->daypart)))
        return TRUE;
    }
  return any_word_in (profile->allergens, (const gchar * const *) dish->allergens) ||
         any_word_in (profile->averse, (const gchar * const *) dish->tags) ||
         g_hash_table_contains (profile->disliked, dish->id) ||
         on_check (profile, dish->item);
}

/* --------------------------------------------------------------- scoring */

/* What goes with the context, per item of the model. */
typedef struct
{
  gdouble  *pairs;      /* checks shared with the items on the check, summed */
  gdouble  *guests;     /* summed, weighted log-lifts over guests */
  gdouble  *best;       /* the largest single log-lift */
  gint     *with;       /* the context item of that lift, or -1 */
  gboolean *by_guests;  /* whether that lift came from the guest-level counts */
} Spread;

/* Adds what goes with @context to @spread.  On the check (@by_guests
 * false) it sums the raw pair counts, from which rg_rank_score() estimates
 * P(dish | check).  Over the guest's history (@by_guests true: pairs of
 * dishes the same guest ordered, on any visits) it adds @weight times the
 * log of how much likelier the dish is with @context than if the two had
 * never been seen together, log (1 + pairs / (shrink × share)); dividing
 * by the dish's share keeps popular dishes from going with everything.
 * That same log-lift picks the item a dish is said to go with. */
static void
spread_context (RgRecommendModel *model,
                guint             context,
                gdouble           weight,
                gboolean          by_guests,
                gdouble           shrink,
                Spread           *spread)
{
  GHashTable *neighbours = by_guests ? rg_recommend_model_get_guest_neighbours (model, context)
                                     : rg_recommend_model_get_neighbours (model, context);
  GHashTableIter iter;
  gpointer key, value;

  if (neighbours == NULL || weight <= 0)
    return;

  g_hash_table_iter_init (&iter, neighbours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint other = GPOINTER_TO_UINT (key) - 1;
      gdouble pair = GPOINTER_TO_UINT (value);
      gdouble share = by_guests ? rg_recommend_model_guest_share (model, other)
                                : rg_recommend_model_share (model, other);
      gdouble s = weight * log1p (pair / (shrink * share));

      if (by_guests)
        spread->guests[other] += s;
      else
        spread->pairs[other] += pair;
      if (s > spread->best[other])
        {
          spread->best[other] = s;
          spread->with[other] = (gint) context;
          spread->by_guests[other] = by_guests;
        }
    }
}

static gdouble
tag_share (const RgRankDish    *dish,
           const RgRankProfile *profile)
{
  guint matches = 0;

  if (profile->tags->len == 0)
    return 0;
  for (guint i = 0; i < profile->tags->len; i++)
    if (words_contain ((const gchar * const *) dish->tags, g_ptr_array_index (profile->tags, i)))
      matches++;
  return (gdouble) matches / profile->tags->len;
}

static gint
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RgRanked *x = a;
  const RgRanked *y = b;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return strcmp (x->dish->id, y->dish->id);
}

GArray *
rg_rank_score (RgRecommendModel         *model,
               RgRankMenu               *menu,
               RgRankProfile            *profile,
               const RgRecommendWeights *weights,
               gdouble                   margin_weight,
               gboolean                  live)
{
  guint n = rg_recommend_model_get_n_items (model);
  g_autofree gdouble *pairs = g_new0 (gdouble, n);
  g_autofree gdouble *guests = g_new0 (gdouble, n);
  g_autofree gdouble *best = g_new0 (gdouble, n);
  g_autofree gint *with = g_new (gint, n);
  g_autofree gboolean *by_guests = g_new0 (gboolean, n);
  Spread spread = { pairs, guests, best, with, by_guests };
  GArray *ranked = g_array_new (FALSE, FALSE, sizeof (RgRanked));
  gdouble shrink = weights->shrink > 0 ? weights->shrink : rg_recommend_model_get_shrink (model);
  gdouble guest_shrink = weights->shrink > 0 ? weights->shrink : GUEST_SHRINK;
  gdouble daypart_prior = weights->daypart_prior > 0 ? weights->daypart_prior
                                                     : rg_recommend_model_get_daypart_prior (model);
  gdouble check_total = 0;
  GHashTableIter iter;
  gpointer key, value;
  for (guint i = 0; i < n; i++)
    with[i] = -1;

  /* The context of "goes with": what is on the check, by pairs on one
   * check; and the guest's history, by pairs of dishes the same guests
   * order, each dish by how large a share of the guest's visits it makes. */
  for (guint i = 0; i < profile->check->len; i++)
    {
      guint item = g_array_index (profile->check, guint, i);

      spread_context (model, item, 1, FALSE, shrink, &spread);
      check_total += rg_recommend_model_get_count (model, item) + shrink;
    }
  g_hash_table_iter_init (&iter, profile->history);
  while (g_hash_table_iter_next (&iter, &key, &value))
    spread_context (model, GPOINTER_TO_UINT (key) - 1,
                    weights->usual_together * ((RgRankHistory *) value)->weight / profile->total_weight,
                    TRUE, guest_shrink, &spread);

  for (guint i = 0; i < menu->dishes->len; i++)
    {
      RgRankDish *dish = g_ptr_array_index (menu->dishes, i);
      RgRankHistory *history = rg_rank_profile_find (profile, dish->item);
      gboolean liked = g_hash_table_contains (profile->liked, dish->id);
      RgRanked r = { .dish = dish, .with = with[dish->item], .with_guests = by_guests[dish->item] };
      gdouble popular, personal;

      if (rg_rank_is_excluded (dish, profile, live))
        continue;

      r.known = history != NULL || liked;
      popular = MAX (MIN_SHARE, rg_recommend_model_popularity (model, dish->item, profile->daypart,
                                                               daypart_prior));
      r.parts[RG_RANK_POPULAR] = log (popular);

      /* The guest's own share of visits with the dish, with
       * history_prior pseudo-visits at its popularity: a regular's
       * favourites come first, a guest with few visits leans on what
       * everyone orders, a new guest gets exactly that. */
      personal = ((history != NULL ? history->weight : 0) + weights->history_prior * popular) /
                 (profile->total_weight + weights->history_prior);
      if (liked)
        personal += LIKED_BONUS;
      r.parts[RG_RANK_HISTORY] = log (personal) - r.parts[RG_RANK_POPULAR];

      /* P(dish | check) as the checks with the items on it had it, with
       * shrink pseudo-checks per item at its popularity: thin evidence
       * falls back to popularity, a lot of it to the observed share; an
       * infinite shrink (pairs no likelier than chance) to popularity
       * alone.  Its log over the popularity is the lift the check gives. */
      if (profile->check->len > 0 && !isinf (shrink))
        r.parts[RG_RANK_TOGETHER] =
            weights->together * (log ((pairs[dish->item] + profile->check->len * shrink * popular) /
                                      check_total) -
                                 r.parts[RG_RANK_POPULAR]);
      r.parts[RG_RANK_TOGETHER] += guests[dish->item];
      if (r.with >= 0)
        r.with_lift = r.with_guests
                      ? rg_recommend_model_guest_lift (model, (guint) r.with, dish->item, guest_shrink)
                      : rg_recommend_model_lift (model, (guint) r.with, dish->item, shrink);
      r.parts[RG_RANK_TAGS] = tag_share (dish, profile);
      if (dish->price > 0 && dish->cost > 0 && dish->cost < dish->price)
        r.parts[RG_RANK_MARGIN] = (gdouble) (dish->price - dish->cost) / dish->price;
      r.evidence = r.known || best[dish->item] > 0 || guests[dish->item] > 0 ||
                   r.parts[RG_RANK_TAGS] > 0 || rg_recommend_model_get_count (model, dish->item) > 0;

      r.score = r.parts[RG_RANK_POPULAR] +
                r.parts[RG_RANK_HISTORY] +
                r.parts[RG_RANK_TOGETHER] +
                weights->tags * r.parts[RG_RANK_TAGS] +
                margin_weight * r.parts[RG_RANK_MARGIN];
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  return ranked;
}

/* --------------------------------------------------------------- reasons */

/* The day of @utc_ms in the branch's zone, as the language of the
 * messages writes a day ("3 Nov", "11月3日"), with the year when it is
 * not that of @now_ms. */
static gchar *
format_day (gint64       utc_ms,
            const gchar *tz,
            gint64       now_ms)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tz);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (utc_ms / 1000);
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now_ms / 1000);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, zone);
  now = g_date_time_to_timezone (now_utc, zone);
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a day of this year in a suggestion's reason ("last on
     * 3 Nov"), a g_date_time_format() format: %b is the month's
     * abbreviated name in the locale, %-m its number. */
    return g_date_time_format (local, _("%-d %b"));
  /* Translators: a day of another year, as above. */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static gchar *
join_matching_tags (const RgRankDish    *dish,
                    const RgRankProfile *profile)
{
  g_autoptr(GString) tags = g_string_new (NULL);

  for (guint i = 0; i < profile->tags->len; i++)
    {
      const gchar *tag = g_ptr_array_index (profile->tags, i);

      if (!words_contain ((const gchar * const *) dish->tags, tag))
        continue;
      if (tags->len > 0)
        /* Translators: between two taste tags in "matches: sweet-sour, spicy". */
        g_string_append (tags, C_("list", ", "));
      g_string_append (tags, tag);
    }
  /* Translators: %s is the guest's taste tags that the dish carries. */
  return g_strdup_printf (_("matches: %s"), tags->str);
}

static const gchar *
popular_reason (RgDaypart daypart)
{
  static const gchar * const reasons[RG_DAYPART_COUNT] = {
    N_("popular at breakfast"),
    N_("popular at lunch"),
    N_("popular at dinner"),
    N_("popular late at night"),
  };

  return _(reasons[daypart]);
}

gchar *
rg_rank_dup_reason (const RgRanked    *ranked,
                    RgRankMenu        *menu,
                    RgRankProfile     *profile,
                    RgRecommendReason *kind)
{
  RgRankHistory *history = rg_rank_profile_find (profile, ranked->dish->item);
  RgRankDish *with = ranked->with >= 0 ? rg_rank_menu_find (menu, (guint) ranked->with) : NULL;

  if (history != NULL)
    {
      g_autofree gchar *day = format_day (history->last_ms, history->last_tz, profile->now_ms);

      *kind = RG_RECOMMEND_REASON_HISTORY;
      if (history->times == 1)
        /* Translators: %s is a day, "3 Nov". */
        return g_strdup_printf (_("ordered once, on %s"), day);
      /* Translators: %u is how many visits had the dish, %s the last day
       * ("3 Nov"); "ordered once" is a message of its own. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "ordered %u time, last on %s",
                                           "ordered %u times, last on %s", history->times),
                              history->times, day);
    }
  if (ranked->known)
    {
      *kind = RG_RECOMMEND_REASON_LIKED;
      return g_strdup (_("marked as a favourite"));
    }
  /* "Often ordered with" only when the pair is likelier than chance. */
  if (with != NULL && ranked->with_lift > 1)
    {
      *kind = RG_RECOMMEND_REASON_TOGETHER;
      if (ranked->with_guests)
        /* Translators: %s is a dish the guest orders. */
        return g_strdup_printf (_("popular with guests who order %s"), with->name);
      /* Translators: %s is a dish on the check or that the guest orders. */
      return g_strdup_printf (_("often ordered with %s"), with->name);
    }
  if (ranked->parts[RG_RANK_TAGS] > 0)
    {
      *kind = RG_RECOMMEND_REASON_TAGS;
      return join_matching_tags (ranked->dish, profile);
    }
  *kind = RG_RECOMMEND_REASON_POPULAR;
  return g_strdup (popular_reason (profile->daypart));
}
