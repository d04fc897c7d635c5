/* check-recommend.c — the recommender: model, lists and reasons, hard
 * filters, tables and checks, freshness, evaluation, the suggestion log.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-id.h"
#include "rg-recommend.h"
#include "rg-recommend-eval.h"
#include "rg-recommend-log.h"
#include "rg-recommend-model.h"

/* 3 Nov 2026, 19:00 UTC: dinner in a UTC branch. */
#define NOV3_DINNER G_GINT64_CONSTANT (1793732400000)
#define DAY_MS G_GINT64_CONSTANT (86400000)
#define HOUR_MS G_GINT64_CONSTANT (3600000)

/* --------------------------------------------------------------- helpers */

static void
exec_sql (RgDb        *db,
          const gchar *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
exec_sql (RgDb        *db,
          const gchar *format,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  rg_db_exec (db, sql, &error);
  ck_assert_no_error (error);
}

static gchar *
add_branch (RgDb        *db,
            const gchar *tz)
{
  gchar *id = rg_id_new ();

  exec_sql (db, "INSERT INTO branch (id, name, tz) VALUES ('%s', 'Branch %s', '%s')", id, id, tz);
  return id;
}

static gchar *
add_item_full (RgDb        *db,
               const gchar *name,
               const gchar *allergens,
               const gchar *tags,
               const gchar *dayparts,
               gint64       price,
               gint64       cost)
{
  gchar *id = rg_id_new ();

  exec_sql (db, "INSERT INTO menu_item (id, name, price, cost, allergens, tags, dayparts) "
            "VALUES ('%s', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', '%s', '%s')",
            id, name, price, cost, allergens, tags, dayparts);
  return id;
}

static gchar *
add_item (RgDb        *db,
          const gchar *name)
{
  return add_item_full (db, name, "", "", "", 1000, 0);
}

static gchar *
add_guest (RgDb        *db,
           const gchar *name)
{
  gchar *id = rg_id_new ();

  exec_sql (db, "INSERT INTO guest (id, name, created_ms) VALUES ('%s', '%s', 0)", id, name);
  return id;
}

/* A visit with one line per item (NULL-terminated), closed unless @status
 * says otherwise. */
static gchar *
add_visit_status (RgDb        *db,
                  const gchar *branch,
                  const gchar *guest,
                  gint64       seated_ms,
                  const gchar *status,
                  ...)
{
  gchar *id = rg_id_new ();
  const gchar *item;
  va_list args;
  gint line = 0;

  if (guest != NULL)
    exec_sql (db, "INSERT INTO visit (id, branch_id, guest_id, seated_ms, status) "
              "VALUES ('%s', '%s', '%s', %" G_GINT64_FORMAT ", '%s')",
              id, branch, guest, seated_ms, status);
  else
    exec_sql (db, "INSERT INTO visit (id, branch_id, seated_ms, status) "
              "VALUES ('%s', '%s', %" G_GINT64_FORMAT ", '%s')", id, branch, seated_ms, status);

  va_start (args, status);
  while ((item = va_arg (args, const gchar *)) != NULL)
    {
      g_autofree gchar *line_id = rg_id_new ();

      exec_sql (db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, created_ms) "
                "VALUES ('%s', '%s', '%s', 1, 1000, %" G_GINT64_FORMAT ")",
                line_id, id, item, seated_ms + line++);
    }
  va_end (args);
  return id;
}

#define add_visit(db, branch, guest, ms, ...) \
  add_visit_status ((db), (branch), (guest), (ms), "closed", __VA_ARGS__, NULL)

static RgRecommender *
build (RgDb *db)
{
  g_autoptr(GError) error = NULL;
  RgRecommender *rec = rg_recommender_new (db, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (rec);
  return rec;
}

/* (transfer none): the list keeps its own reference. */
static RgRecommendation *
nth (GListModel *list,
     guint       i)
{
  RgRecommendation *rec;

  ck_assert_uint_gt (g_list_model_get_n_items (list), i);
  rec = g_list_model_get_item (list, i);
  g_object_unref (rec);
  return rec;
}

static gboolean
list_has (GListModel  *list,
          const gchar *item_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RgRecommendation) rec = g_list_model_get_item (list, i);

      if (strcmp (rg_recommendation_get_item_id (rec), item_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
for_guest (RgRecommender  *rec,
           RgDb           *db,
           const gchar    *guest,
           RgDaypart       daypart,
           GListModel    **usual,
           GListModel    **new_items)
{
  g_autoptr(GError) error = NULL;

  ck_assert (rg_recommender_for_guest (rec, db, guest, daypart, 10, usual, new_items, &error));
  ck_assert_no_error (error);
}

/* -------------------------------------------------------------- dayparts */

START_TEST (test_daypart_for_time)
{
  g_autoptr(GError) error = NULL;
  RgDaypart daypart;

  /* 19:00 UTC is dinner in London (winter) and 03:00 the next day in Shanghai. */
  ck_assert_int_eq (rg_daypart_for_time (NOV3_DINNER, "Europe/London"), RG_DAYPART_DINNER);
  ck_assert_int_eq (rg_daypart_for_time (NOV3_DINNER, "Asia/Shanghai"), RG_DAYPART_LATE);
  ck_assert_int_eq (rg_daypart_for_time (NOV3_DINNER - 7 * HOUR_MS, NULL), RG_DAYPART_LUNCH);
  ck_assert_int_eq (rg_daypart_for_time (NOV3_DINNER - 12 * HOUR_MS, "Not/AZone"), RG_DAYPART_BREAKFAST);

  ck_assert (rg_daypart_from_string ("Dinner", &daypart, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (daypart, RG_DAYPART_DINNER);
  ck_assert_str_eq (rg_daypart_to_string (RG_DAYPART_LATE), "late");
  ck_assert (!rg_daypart_from_string ("brunch", &daypart, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

/* ----------------------------------------------------------------- model */

/* Counts @n checks of the two items @a and @b (both when @both, else one
 * of them, alternately) into @model. */
static void
count_checks (RgRecommendModel *model,
              guint             n,
              const gchar      *a,
              const gchar      *b,
              gboolean          both)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgBasket) basket = g_new0 (RgBasket, 1);
      guint first = rg_recommend_model_intern (model, a);
      guint second = rg_recommend_model_intern (model, b);

      basket->visit_id = g_strdup_printf ("%s-%s-%u-%d", a, b, i, both);
      basket->seated_ms = NOV3_DINNER;
      basket->tz = g_intern_static_string ("UTC");
      basket->daypart = RG_DAYPART_DINNER;
      basket->items = g_array_new (FALSE, FALSE, sizeof (guint));
      if (both || i % 2 == 0)
        g_array_append_val (basket->items, first);
      if (both || i % 2 == 1)
        g_array_append_val (basket->items, second);
      rg_recommend_model_count (model, basket, 1);
    }
}

START_TEST (test_fitted_shrink)
{
  g_autoptr(RgRecommendModel) chance = rg_recommend_model_new (180);
  g_autoptr(RgRecommendModel) pairs = rg_recommend_model_new (180);
  gdouble shrink;

  /* Tea goes with cake, coffee with a croissant, never across: the pairs
   * say much more than chance, so few pseudo-checks. */
  count_checks (pairs, 50, "tea", "cake", TRUE);
  count_checks (pairs, 50, "coffee", "croissant", TRUE);
  shrink = rg_recommend_model_get_shrink (pairs);
  ck_assert_msg (isfinite (shrink) && shrink < 5, "shrink %g", shrink);

  /* Every pair of four dishes on as many checks, as chance has it: no
   * pair says anything, the popularity alone is left. */
  count_checks (chance, 30, "tea", "cake", TRUE);
  count_checks (chance, 30, "tea", "croissant", TRUE);
  count_checks (chance, 30, "coffee", "cake", TRUE);
  count_checks (chance, 30, "coffee", "croissant", TRUE);
  count_checks (chance, 30, "tea", "coffee", TRUE);
  count_checks (chance, 30, "cake", "croissant", TRUE);
  ck_assert (isinf (rg_recommend_model_get_shrink (chance)));

  /* The fit follows the counts: tea with cake far more often now. */
  count_checks (chance, 300, "tea", "cake", TRUE);
  ck_assert (isfinite (rg_recommend_model_get_shrink (chance)));

  /* All checks in one daypart: nothing to tell the dayparts apart by. */
  ck_assert (isinf (rg_recommend_model_get_daypart_prior (pairs)));
}
END_TEST

START_TEST (test_fitted_daypart_prior)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *soup = add_item (t->db, "Soup");
  g_autofree gchar *steak = add_item (t->db, "Steak");
  g_autofree gchar *rice = add_item (t->db, "Rice");
  const gchar *empty[] = { NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) dinner = NULL;
  g_autoptr(GListModel) lunch = NULL;
  g_autoptr(GError) error = NULL;

  /* Soup at lunch, steak at dinner, rice at both: with the default
   * weights the model sees the dayparts differ and lets them speak. */
  for (gint i = 0; i < 60; i++)
    {
      g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS - 6 * HOUR_MS, soup));
      g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS - 6 * HOUR_MS, rice));
      g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, rice));
    }
  for (gint i = 0; i < 40; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, steak));

  rec = build (t->db);
  dinner = rg_recommender_complete_basket (rec, t->db, empty, RG_DAYPART_DINNER, 5, &error);
  ck_assert_no_error (error);
  lunch = rg_recommender_complete_basket (rec, t->db, empty, RG_DAYPART_LUNCH, 5, &error);
  ck_assert_no_error (error);

  /* All day, rice (120) and soup (60) lead steak (40). */
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (dinner, 0)), rice);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (dinner, 1)), steak);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (lunch, 0)), rice);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (lunch, 1)), soup);
}
END_TEST

/* ------------------------------------------------------------ languages */

/* A basket of @guest_id at @seated_ms with the dishes of @items (indexes
 * in the model, -1-terminated). */
static RgBasket *
make_basket (const gchar *guest_id,
             gint64       seated_ms,
             const gint  *items)
{
  RgBasket *basket = g_new0 (RgBasket, 1);

  basket->visit_id = rg_id_new ();
  basket->guest_id = g_strdup (guest_id);
  basket->seated_ms = seated_ms;
  basket->tz = g_intern_static_string ("UTC");
  basket->daypart = RG_DAYPART_DINNER;
  basket->items = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; items[i] >= 0; i++)
    g_array_append_val (basket->items, items[i]);
  return basket;
}

/* Counts @basket into both models. */
static void
count_both (RgRecommendModel *a,
            RgRecommendModel *b,
            RgBasket         *basket,
            gint              sign)
{
  rg_recommend_model_count (a, basket, sign);
  rg_recommend_model_count (b, basket, sign);
}

static void
assert_same_guest (RgRecommendModel *packed,
                   RgRecommendModel *plain,
                   const gchar      *guest_id)
{
  const RgGuestSummary *x = rg_recommend_model_find_guest (packed, guest_id);
  const RgGuestSummary *y = rg_recommend_model_find_guest (plain, guest_id);

  ck_assert_msg ((x == NULL) == (y == NULL), "guest %s known to one model only", guest_id);
  if (x == NULL)
    return;
  ck_assert_int_eq (x->last_ms, y->last_ms);
  ck_assert_double_eq (x->weight, y->weight);
  ck_assert_ptr_eq (x->tz, y->tz);
  ck_assert_uint_eq (x->n_dishes, y->n_dishes);
  for (guint i = 0; i < x->n_dishes; i++)
    {
      ck_assert_uint_eq (x->dishes[i].item, y->dishes[i].item);
      ck_assert_uint_eq (x->dishes[i].times, y->dishes[i].times);
      ck_assert_float_eq (x->dishes[i].weight, y->dishes[i].weight);
      ck_assert_uint_eq (x->dishes[i].last_s, y->dishes[i].last_s);
    }
}

/* The recommender packs its model once built (guests in a sorted array,
 * dishes in one block): packed or not, a model holds the same histories
 * and guest counts, also after checks close since (a packed guest's
 * dishes grow out of the block, a new guest joins), a guest taken back
 * whole and counted again, and a guest whose id is not a UUID. */
START_TEST (test_packed_model_counts_as_unpacked)
{
  g_autoptr(RgRecommendModel) packed = rg_recommend_model_new (180);
  g_autoptr(RgRecommendModel) plain = rg_recommend_model_new (180);
  g_autoptr(GPtrArray) baskets = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_basket_free);
  g_autofree gchar *ana = rg_id_new ();
  g_autofree gchar *ben = rg_id_new ();
  g_autofree gchar *cai = rg_id_new ();
  g_autofree gchar *dan = rg_id_new ();
  const gchar *legacy = "imported-guest-7";
  const gchar *guests[] = { ana, ben, cai, dan, legacy };
  const gint soup_bread[] = { 0, 1, -1 };
  const gint bread_cake[] = { 1, 2, -1 };
  const gint soup[] = { 0, -1 };
  const gint all[] = { 3, 2, 1, 0, -1 };
  RgBasket *ben_visit;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree gchar *item = g_strdup_printf ("item-%u", i);

      ck_assert_uint_eq (rg_recommend_model_intern (packed, item), i);
      ck_assert_uint_eq (rg_recommend_model_intern (plain, item), i);
    }
  g_ptr_array_add (baskets, make_basket (ana, NOV3_DINNER - 30 * DAY_MS, soup_bread));
  g_ptr_array_add (baskets, make_basket (ana, NOV3_DINNER - 10 * DAY_MS, soup));
  g_ptr_array_add (baskets, make_basket (ben, NOV3_DINNER - 20 * DAY_MS, bread_cake));
  g_ptr_array_add (baskets, make_basket (cai, NOV3_DINNER - 5 * DAY_MS, soup_bread));
  g_ptr_array_add (baskets, make_basket (legacy, NOV3_DINNER - 7 * DAY_MS, bread_cake));
  for (guint i = 0; i < baskets->len; i++)
    count_both (packed, plain, g_ptr_array_index (baskets, i), 1);
  rg_recommend_model_pack (packed);

  /* Checks close since: Ana orders what she never had, Dan is new, the
   * imported guest comes back. */
  g_ptr_array_add (baskets, make_basket (ana, NOV3_DINNER, all));
  g_ptr_array_add (baskets, make_basket (dan, NOV3_DINNER - DAY_MS, soup));
  g_ptr_array_add (baskets, make_basket (legacy, NOV3_DINNER, soup));
  for (guint i = 5; i < baskets->len; i++)
    count_both (packed, plain, g_ptr_array_index (baskets, i), 1);
  for (guint g = 0; g < G_N_ELEMENTS (guests); g++)
    assert_same_guest (packed, plain, guests[g]);

  /* Ben's only visit taken back (as the evaluation does), then counted
   * again. */
  ben_visit = g_ptr_array_index (baskets, 2);
  count_both (packed, plain, ben_visit, -1);
  ck_assert_ptr_null (rg_recommend_model_find_guest (packed, ben));
  ck_assert_double_eq (rg_recommend_model_guest_share (packed, 2),
                       rg_recommend_model_guest_share (plain, 2));
  count_both (packed, plain, ben_visit, 1);

  for (guint g = 0; g < G_N_ELEMENTS (guests); g++)
    assert_same_guest (packed, plain, guests[g]);
  ck_assert_uint_eq (rg_recommend_model_find_guest (packed, ana)->n_dishes, 4);
  for (guint a = 0; a < 4; a++)
    {
      ck_assert_double_eq (rg_recommend_model_guest_share (packed, a),
                           rg_recommend_model_guest_share (plain, a));
      for (guint b = 0; b < 4; b++)
        ck_assert_double_eq (rg_recommend_model_guest_lift (packed, a, b, 1),
                             rg_recommend_model_guest_lift (plain, a, b, 1));
    }
  ck_assert_uint_lt (rg_recommend_model_estimate_memory (packed), rg_recommend_model_estimate_memory (plain));
}
END_TEST

START_TEST (test_reasons_in_chinese)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *kung_pao = add_item (t->db, "Kung Pao Chicken");
  g_autofree gchar *noodles = add_item (t->db, "Dan Dan Noodles");
  g_autofree gchar *guest = add_guest (t->db, "Li Wei");
  g_autofree gchar *newcomer = add_guest (t->db, "Zhang San");
  const gchar *localedir = g_getenv ("REGULARS_LOCALEDIR");
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  g_autoptr(GListModel) cold_usual = NULL;
  g_autoptr(GListModel) cold_new = NULL;

  ck_assert_msg (localedir != NULL, "REGULARS_LOCALEDIR (the build's translations) is not set");
  for (gint i = 4; i >= 0; i--)
    g_free (add_visit (t->db, branch, guest, NOV3_DINNER - i * 7 * DAY_MS, kung_pao));
  g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - DAY_MS, noodles));

  /* What the app does at start, in a Simplified Chinese session. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  ck_assert (setlocale (LC_ALL, "C.UTF-8") != NULL);
  bindtextdomain ("regulars", localedir);
  bind_textdomain_codeset ("regulars", "UTF-8");

  rec = build (t->db);
  for_guest (rec, t->db, guest, RG_DAYPART_DINNER, &usual, &new_items);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (usual, 0)), "点过 5 次，最近一次在11月3日");
  for_guest (rec, t->db, newcomer, RG_DAYPART_DINNER, &cold_usual, &cold_new);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (cold_new, 0)), "晚餐热门");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}
END_TEST

/* ----------------------------------------------------------------- lists */

START_TEST (test_usual_with_reason)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *kung_pao = add_item (t->db, "Kung Pao Chicken");
  g_autofree gchar *noodles = add_item (t->db, "Dan Dan Noodles");
  g_autofree gchar *guest = add_guest (t->db, "Li Wei");
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  RgRecommendation *first;

  for (gint i = 4; i >= 0; i--)
    g_free (add_visit (t->db, branch, guest, NOV3_DINNER - i * 7 * DAY_MS, kung_pao));
  g_free (add_visit (t->db, branch, guest, NOV3_DINNER - 60 * DAY_MS, noodles));

  rec = build (t->db);
  ck_assert_uint_eq (rg_recommender_get_n_visits (rec), 6);
  for_guest (rec, t->db, guest, RG_DAYPART_DINNER, &usual, &new_items);

  ck_assert_uint_eq (g_list_model_get_n_items (usual), 2);
  first = nth (usual, 0);
  ck_assert_str_eq (rg_recommendation_get_item_id (first), kung_pao);
  ck_assert_str_eq (rg_recommendation_get_name (first), "Kung Pao Chicken");
  ck_assert_int_eq (rg_recommendation_get_reason_kind (first), RG_RECOMMEND_REASON_HISTORY);
  ck_assert_msg (g_str_has_prefix (rg_recommendation_get_reason (first), "ordered 5 times, last on 3 Nov"),
                 "reason: %s", rg_recommendation_get_reason (first));
  ck_assert_msg (g_str_has_prefix (rg_recommendation_get_reason (nth (usual, 1)), "ordered once, on "),
                 "reason: %s", rg_recommendation_get_reason (nth (usual, 1)));
  ck_assert_double_gt (rg_recommendation_get_score (first), rg_recommendation_get_score (nth (usual, 1)));
  ck_assert (!list_has (new_items, kung_pao));
  ck_assert (!list_has (new_items, noodles));
}
END_TEST

START_TEST (test_recency_outweighs_old_habit)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *old_dish = add_item (t->db, "Old Favourite");
  g_autofree gchar *new_dish = add_item (t->db, "New Habit");
  g_autofree gchar *guest = add_guest (t->db, "Ana");
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  gint64 now = rg_now_ms ();

  /* Four visits two years ago against three in the last month. */
  for (gint i = 0; i < 4; i++)
    g_free (add_visit (t->db, branch, guest, now - (730 + i) * DAY_MS, old_dish));
  for (gint i = 0; i < 3; i++)
    g_free (add_visit (t->db, branch, guest, now - (10 + i) * DAY_MS, new_dish));

  rec = build (t->db);
  for_guest (rec, t->db, guest, RG_DAYPART_DINNER, &usual, &new_items);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (usual, 0)), new_dish);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (usual, 1)), old_dish);
}
END_TEST

START_TEST (test_together_is_not_popularity)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *kung_pao = add_item (t->db, "Kung Pao Chicken");
  g_autofree gchar *rice = add_item (t->db, "Steamed Rice");
  g_autofree gchar *soup = add_item (t->db, "Hot and Sour Soup");
  g_autofree gchar *tea = add_item (t->db, "Jasmine Tea");
  const gchar *check[] = { kung_pao, NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  /* Tea is on every check; rice and soup are as popular as each other,
   * but only rice goes with Kung Pao.  Raw pair counts would put the tea
   * first and call it "often ordered with" Kung Pao. */
  for (gint i = 0; i < 10; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * HOUR_MS, kung_pao, rice, tea));
  for (gint i = 0; i < 10; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * HOUR_MS, soup, tea));
  for (gint i = 0; i < 80; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * HOUR_MS, tea));

  rec = build (t->db);
  list = rg_recommender_complete_basket (rec, t->db, check, RG_DAYPART_DINNER, 3, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 3);
  for (guint i = 0; i < 3; i++)
    {
      RgRecommendation *r = nth (list, i);
      const gchar *id = rg_recommendation_get_item_id (r);

      if (g_str_equal (id, rice))
        {
          ck_assert_int_eq (rg_recommendation_get_reason_kind (r), RG_RECOMMEND_REASON_TOGETHER);
          ck_assert_str_eq (rg_recommendation_get_reason (r), "often ordered with Kung Pao Chicken");
        }
      else
        ck_assert_str_eq (rg_recommendation_get_reason (r), "popular at dinner");
    }
  /* Rice and soup are equally popular: only the pair sets them apart. */
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (list, 2)), soup);
}
END_TEST

START_TEST (test_guests_who_order_x_also_order_y)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *dumplings = add_item (t->db, "Dumplings");
  g_autofree gchar *duck = add_item (t->db, "Peking Duck");
  g_autofree gchar *fries = add_item (t->db, "Fries");
  g_autofree gchar *guest = add_guest (t->db, "Ana");
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  RgRecommendWeights weights;
  g_autoptr(GError) error = NULL;

  /* Six guests order dumplings on one visit and the duck on another, never
   * on the same check; fries are ordered more, by eight other guests. */
  for (gint g = 0; g < 6; g++)
    {
      g_autofree gchar *name = g_strdup_printf ("Regular %d", g);
      g_autofree gchar *regular = add_guest (t->db, name);

      g_free (add_visit (t->db, branch, regular, NOV3_DINNER - 2 * DAY_MS, dumplings));
      g_free (add_visit (t->db, branch, regular, NOV3_DINNER - DAY_MS, duck));
    }
  for (gint i = 0; i < 8; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Fries fan %d", i);
      g_autofree gchar *fan = add_guest (t->db, name);

      g_free (add_visit (t->db, branch, fan, NOV3_DINNER - i * DAY_MS, fries));
    }
  g_free (add_visit (t->db, branch, guest, NOV3_DINNER, dumplings));

  rec = build (t->db);
  rg_recommender_get_weights (rec, &weights);
  weights.usual_together = 1;
  ck_assert (rg_recommender_set_weights (rec, &weights, &error));
  for_guest (rec, t->db, guest, RG_DAYPART_DINNER, &usual, &new_items);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (new_items, 0)), duck);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (new_items, 0)),
                    "popular with guests who order Dumplings");
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (new_items, 1)), fries);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (new_items, 1)), "popular at dinner");
}
END_TEST

START_TEST (test_cold_start_daypart)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *soup = add_item (t->db, "Lunch Soup");
  g_autofree gchar *steak = add_item (t->db, "Dinner Steak");
  const gchar *empty[] = { NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) dinner = NULL;
  g_autoptr(GListModel) lunch = NULL;
  RgRecommendWeights weights;
  g_autoptr(GError) error = NULL;

  for (gint i = 0; i < 60; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS - 6 * HOUR_MS, soup));
  for (gint i = 0; i < 40; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, steak));

  rec = build (t->db);
  /* A hundred checks are few: let the dayparts speak for themselves. */
  rg_recommender_get_weights (rec, &weights);
  weights.daypart_prior = 5;
  ck_assert (rg_recommender_set_weights (rec, &weights, &error));
  dinner = rg_recommender_complete_basket (rec, t->db, empty, RG_DAYPART_DINNER, 5, &error);
  ck_assert_no_error (error);
  lunch = rg_recommender_complete_basket (rec, t->db, empty, RG_DAYPART_LUNCH, 5, &error);
  ck_assert_no_error (error);

  ck_assert_str_eq (rg_recommendation_get_item_id (nth (dinner, 0)), steak);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (dinner, 0)), "popular at dinner");
  ck_assert_int_eq (rg_recommendation_get_reason_kind (nth (dinner, 0)), RG_RECOMMEND_REASON_POPULAR);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (lunch, 0)), soup);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (lunch, 0)), "popular at lunch");
}
END_TEST

START_TEST (test_tags_match_and_aversion)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *sweet_sour = add_item_full (t->db, "Sweet and Sour Pork", "", "sweet-sour", "", 1200, 0);
  g_autofree gchar *mapo = add_item_full (t->db, "Mapo Tofu", "", "spicy,vegetarian", "", 1100, 0);
  g_autofree gchar *mei = add_guest (t->db, "Mei");
  g_autofree gchar *other = add_guest (t->db, "Tom");
  g_autofree gchar *tag1 = rg_id_new ();
  g_autofree gchar *tag2 = rg_id_new ();
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  g_autoptr(GListModel) other_usual = NULL;
  g_autoptr(GListModel) other_new = NULL;
  RgRecommendation *first;

  /* Four established dishes, each on a quarter of the checks, and the
   * spicy tofu on all of them; the sweet-and-sour pork is new. */
  for (gint d = 0; d < 4; d++)
    {
      g_autofree gchar *name = g_strdup_printf ("Dish %d", d);
      g_autofree gchar *dish = add_item (t->db, name);

      for (gint i = 0; i < 5; i++)
        g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - (d * 5 + i) * DAY_MS, dish, mapo));
    }
  exec_sql (t->db, "INSERT INTO guest_tag (id, guest_id, tag) VALUES ('%s', '%s', 'sweet-sour')", tag1, mei);
  exec_sql (t->db, "INSERT INTO guest_tag (id, guest_id, tag) VALUES ('%s', '%s', 'spicy-averse')", tag2, mei);

  rec = build (t->db);
  for_guest (rec, t->db, mei, RG_DAYPART_DINNER, &usual, &new_items);
  ck_assert_uint_eq (g_list_model_get_n_items (usual), 0);
  first = nth (new_items, 0);
  ck_assert_str_eq (rg_recommendation_get_item_id (first), sweet_sour);
  ck_assert_str_eq (rg_recommendation_get_reason (first), "matches: sweet-sour");
  ck_assert_int_eq (rg_recommendation_get_reason_kind (first), RG_RECOMMEND_REASON_TAGS);
  ck_assert_uint_eq (g_list_model_get_n_items (new_items), 5);
  ck_assert (!list_has (new_items, mapo));

  /* Without the tags: the tofu leads, and the new dish, which nobody has
   * ordered yet, is not suggested at all. */
  for_guest (rec, t->db, other, RG_DAYPART_DINNER, &other_usual, &other_new);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (other_new, 0)), mapo);
  ck_assert (!list_has (other_new, sweet_sour));
}
END_TEST

/* --------------------------------------------------------------- filters */

START_TEST (test_hard_filters)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *satay = add_item_full (t->db, "Satay", "peanut", "", "", 900, 0);
  g_autofree gchar *liver = add_item (t->db, "Liver");
  g_autofree gchar *fish = add_item (t->db, "Fish of the Day");
  g_autofree gchar *brunch = add_item_full (t->db, "Eggs Benedict", "egg", "", "breakfast", 900, 0);
  g_autofree gchar *rice = add_item (t->db, "Rice");
  g_autofree gchar *guest = add_guest (t->db, "Sam");
  g_autofree gchar *allergy = rg_id_new ();
  g_autofree gchar *pref = rg_id_new ();
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;

  for (gint i = 0; i < 5; i++)
    g_free (add_visit (t->db, branch, guest, NOV3_DINNER - i * DAY_MS, satay, liver, fish, brunch, rice));
  for (gint i = 0; i < 5; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, satay, liver, fish, brunch, rice));
  exec_sql (t->db, "INSERT INTO guest_allergy (id, guest_id, allergen) VALUES ('%s', '%s', 'Peanut')",
            allergy, guest);
  exec_sql (t->db, "INSERT INTO dish_pref (id, guest_id, item_id, pref) VALUES ('%s', '%s', '%s', 'dislike')",
            pref, guest, liver);
  exec_sql (t->db, "UPDATE menu_item SET available = 0 WHERE id = '%s'", fish);

  rec = build (t->db);
  for_guest (rec, t->db, guest, RG_DAYPART_DINNER, &usual, &new_items);
  ck_assert_uint_eq (g_list_model_get_n_items (usual), 1);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (usual, 0)), rice);
  ck_assert_uint_eq (g_list_model_get_n_items (new_items), 0);

  /* At breakfast the eggs are served again; the other filters hold. */
  g_clear_object (&usual);
  g_clear_object (&new_items);
  for_guest (rec, t->db, guest, RG_DAYPART_BREAKFAST, &usual, &new_items);
  ck_assert_uint_eq (g_list_model_get_n_items (usual), 2);
  ck_assert (list_has (usual, brunch));
  ck_assert (!list_has (usual, satay) && !list_has (usual, liver) && !list_has (usual, fish));
}
END_TEST

/* ------------------------------------------------------------ properties */

#define RANDOM_DISHES 30
#define RANDOM_GUESTS 200
#define RANDOM_VISITS 400
#define RANDOM_MENUS 10

static const gchar * const random_allergens[] = { "peanut", "egg", "milk", "fish", "gluten", "soy" };
static const gchar * const random_tags[] = { "spicy", "sweet-sour", "vegan", "fried" };

/* A random restaurant, and what the test knows of it. */
typedef struct
{
  gchar   *branch;
  gchar   *dishes[RANDOM_DISHES];
  guint    dish_allergens[RANDOM_DISHES];    /* bits of random_allergens */
  guint    dish_tags[RANDOM_DISHES];         /* bits of random_tags */
  gchar   *guests[RANDOM_GUESTS];
  guint    guest_allergens[RANDOM_GUESTS];
  guint    guest_averse[RANDOM_GUESTS];      /* bits of random_tags */
  guint64  guest_dislikes[RANDOM_GUESTS];    /* bits of dishes */
} RandomRestaurant;

static void
random_restaurant_free (RandomRestaurant *r)
{
  g_free (r->branch);
  for (guint d = 0; d < RANDOM_DISHES; d++)
    g_free (r->dishes[d]);
  for (guint g = 0; g < RANDOM_GUESTS; g++)
    g_free (r->guests[g]);
  g_free (r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RandomRestaurant, random_restaurant_free)

/* The words of the bits of @bits, comma-separated; @upper capitalises the
 * first letter of each (the filters ignore case). */
static gchar *
join_bits (const gchar * const *words,
           guint                n_words,
           guint                bits,
           gboolean             upper)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    if (bits & (1u << i))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, words[i]);
        if (upper)
          text->str[text->len - strlen (words[i])] = g_ascii_toupper (words[i][0]);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
random_bits (GRand   *rand,
             guint    n,
             gdouble  p)
{
  guint bits = 0;

  for (guint i = 0; i < n; i++)
    if (g_rand_double (rand) < p)
      bits |= 1u << i;
  return bits;
}

static RandomRestaurant *
random_restaurant_new (RgDb  *db,
                       GRand *rand)
{
  g_autoptr(RandomRestaurant) r = g_new0 (RandomRestaurant, 1);

  exec_sql (db, "BEGIN");
  r->branch = add_branch (db, "UTC");
  for (guint d = 0; d < RANDOM_DISHES; d++)
    {
      g_autofree gchar *name = g_strdup_printf ("Dish %u", d);
      g_autofree gchar *allergens = NULL;
      g_autofree gchar *tags = NULL;

      r->dish_allergens[d] = random_bits (rand, G_N_ELEMENTS (random_allergens), 0.15);
      r->dish_tags[d] = random_bits (rand, G_N_ELEMENTS (random_tags), 0.2);
      allergens = join_bits (random_allergens, G_N_ELEMENTS (random_allergens), r->dish_allergens[d], d % 2);
      tags = join_bits (random_tags, G_N_ELEMENTS (random_tags), r->dish_tags[d], FALSE);
      r->dishes[d] = add_item_full (db, name, allergens, tags, "", 1000, 0);
    }
  for (guint g = 0; g < RANDOM_GUESTS; g++)
    {
      g_autofree gchar *name = g_strdup_printf ("Guest %u", g);

      r->guests[g] = add_guest (db, name);
      r->guest_allergens[g] = random_bits (rand, G_N_ELEMENTS (random_allergens), 0.15);
      r->guest_averse[g] = random_bits (rand, G_N_ELEMENTS (random_tags), 0.1);
      for (guint a = 0; a < G_N_ELEMENTS (random_allergens); a++)
        if (r->guest_allergens[g] & (1u << a))
          {
            g_autofree gchar *id = rg_id_new ();
            g_autofree gchar *allergen = g % 3 == 0 ? g_ascii_strup (random_allergens[a], -1)
                                                    : g_strdup (random_allergens[a]);

            exec_sql (db, "INSERT INTO guest_allergy (id, guest_id, allergen) VALUES ('%s', '%s', '%s')",
                      id, r->guests[g], allergen);
          }
      for (guint k = 0; k < G_N_ELEMENTS (random_tags); k++)
        if (r->guest_averse[g] & (1u << k))
          {
            g_autofree gchar *id = rg_id_new ();

            exec_sql (db, "INSERT INTO guest_tag (id, guest_id, tag) VALUES ('%s', '%s', '%s-averse')",
                      id, r->guests[g], random_tags[k]);
          }
      for (guint d = 0; d < RANDOM_DISHES; d++)
        if (g_rand_double (rand) < 0.05)
          {
            g_autofree gchar *id = rg_id_new ();

            r->guest_dislikes[g] |= G_GUINT64_CONSTANT (1) << d;
            exec_sql (db, "INSERT INTO dish_pref (id, guest_id, item_id, pref) "
                      "VALUES ('%s', '%s', '%s', 'dislike')", id, r->guests[g], r->dishes[d]);
          }
    }
  /* Guests order what they like to eat, allergens and dislikes included
   * (the filters, not the history, must keep those out). */
  for (guint v = 0; v < RANDOM_VISITS; v++)
    {
      g_autofree gchar *visit = rg_id_new ();
      gint64 seated = NOV3_DINNER - g_rand_int_range (rand, 0, 90) * DAY_MS -
                      g_rand_int_range (rand, 0, 12) * HOUR_MS;
      gint lines = g_rand_int_range (rand, 1, 5);

      if (g_rand_double (rand) < 0.8)
        exec_sql (db, "INSERT INTO visit (id, branch_id, guest_id, seated_ms, status) "
                  "VALUES ('%s', '%s', '%s', %" G_GINT64_FORMAT ", 'closed')", visit, r->branch,
                  r->guests[g_rand_int_range (rand, 0, RANDOM_GUESTS)], seated);
      else
        exec_sql (db, "INSERT INTO visit (id, branch_id, seated_ms, status) "
                  "VALUES ('%s', '%s', %" G_GINT64_FORMAT ", 'closed')", visit, r->branch, seated);
      for (gint l = 0; l < lines; l++)
        {
          g_autofree gchar *line = rg_id_new ();

          exec_sql (db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, created_ms) "
                    "VALUES ('%s', '%s', '%s', 1, 1000, %" G_GINT64_FORMAT ")", line, visit,
                    r->dishes[g_rand_int_range (rand, 0, RANDOM_DISHES)], seated + l);
        }
    }
  exec_sql (db, "COMMIT");
  return g_steal_pointer (&r);
}

static gint
dish_index (RandomRestaurant *r,
            const gchar      *item_id)
{
  for (guint d = 0; d < RANDOM_DISHES; d++)
    if (strcmp (r->dishes[d], item_id) == 0)
      return (gint) d;
  ck_abort_msg ("suggested %s, which is not on the menu", item_id);
  return -1;
}

/* Asserts that nothing in @list harms or displeases any of @party. */
static void
assert_safe (RandomRestaurant *r,
             GListModel       *list,
             const guint      *party,
             guint             n_party)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RgRecommendation) rec = g_list_model_get_item (list, i);
      gint d = dish_index (r, rg_recommendation_get_item_id (rec));

      for (guint p = 0; p < n_party; p++)
        {
          guint g = party[p];

          ck_assert_msg ((r->dish_allergens[d] & r->guest_allergens[g]) == 0,
                         "dish %d holds an allergen of guest %u", d, g);
          ck_assert_msg ((r->guest_dislikes[g] & (G_GUINT64_CONSTANT (1) << d)) == 0,
                         "guest %u dislikes dish %d", g, d);
          ck_assert_msg ((r->dish_tags[d] & r->guest_averse[g]) == 0,
                         "guest %u is averse to a tag of dish %d", g, d);
        }
      ck_assert (*rg_recommendation_get_reason (rec) != '\0');
    }
}

START_TEST (test_property_never_allergen_or_dislike)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261103);
  guint checked = 0;

  for (guint m = 0; m < RANDOM_MENUS; m++)
    {
      g_autoptr(RgTestDb) t = rg_test_db_new ();
      g_autoptr(RandomRestaurant) r = random_restaurant_new (t->db, rand);
      g_autoptr(RgRecommender) rec = build (t->db);

      for (guint g = 0; g < RANDOM_GUESTS; g++)
        {
          RgDaypart daypart = (RgDaypart) g_rand_int_range (rand, 0, RG_DAYPART_COUNT);
          guint party[] = { g, (guint) g_rand_int_range (rand, 0, RANDOM_GUESTS) };
          const gchar *guests[] = { r->guests[party[0]], r->guests[party[1]], NULL };
          const gchar *check[] = { r->dishes[g_rand_int_range (rand, 0, RANDOM_DISHES)], NULL };
          g_autoptr(GListModel) usual = NULL;
          g_autoptr(GListModel) new_items = NULL;
          g_autoptr(GListModel) table_usual = NULL;
          g_autoptr(GListModel) table_new = NULL;
          g_autoptr(GError) error = NULL;

          ck_assert (rg_recommender_for_guest (rec, t->db, guests[0], daypart, 10, &usual, &new_items, &error));
          ck_assert_no_error (error);
          assert_safe (r, usual, party, 1);
          assert_safe (r, new_items, party, 1);

          ck_assert (rg_recommender_for_table (rec, t->db, guests, check, daypart, 10,
                                               &table_usual, &table_new, &error));
          ck_assert_no_error (error);
          assert_safe (r, table_usual, party, 2);
          assert_safe (r, table_new, party, 2);
          checked += g_list_model_get_n_items (usual) + g_list_model_get_n_items (new_items) +
                     g_list_model_get_n_items (table_usual) + g_list_model_get_n_items (table_new);
        }
    }
  /* The property was put to the test: plenty of suggestions were made. */
  ck_assert_uint_gt (checked, RANDOM_MENUS * RANDOM_GUESTS * 5);
}
END_TEST

/* Asserts that @a and @b hold the same suggestions, in the same order,
 * with the same reasons and scores. */
static void
assert_same_lists (GListModel *a,
                   GListModel *b)
{
  ck_assert_uint_eq (g_list_model_get_n_items (a), g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(RgRecommendation) x = g_list_model_get_item (a, i);
      g_autoptr(RgRecommendation) y = g_list_model_get_item (b, i);

      ck_assert_str_eq (rg_recommendation_get_item_id (x), rg_recommendation_get_item_id (y));
      ck_assert_str_eq (rg_recommendation_get_reason (x), rg_recommendation_get_reason (y));
      /* Visits are weighted by their age at the moment of the query: the
       * milliseconds between two queries move a score by a hair. */
      ck_assert_double_eq_tol (rg_recommendation_get_score (x), rg_recommendation_get_score (y),
                               1e-9 * fabs (rg_recommendation_get_score (x)) + 1e-12);
    }
}

START_TEST (test_deterministic)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RandomRestaurant) r = random_restaurant_new (t->db, rand);
  g_autoptr(RgRecommender) first = build (t->db);
  g_autoptr(RgRecommender) second = build (t->db);
  guint suggested = 0;

  for (guint g = 0; g < RANDOM_GUESTS; g++)
    {
      const gchar *check[] = { r->dishes[g % RANDOM_DISHES], r->dishes[(g * 7) % RANDOM_DISHES], NULL };
      g_autoptr(GListModel) usual1 = NULL;
      g_autoptr(GListModel) new1 = NULL;
      g_autoptr(GListModel) usual2 = NULL;
      g_autoptr(GListModel) new2 = NULL;
      g_autoptr(GListModel) basket1 = NULL;
      g_autoptr(GListModel) basket2 = NULL;
      g_autoptr(GError) error = NULL;

      for_guest (first, t->db, r->guests[g], RG_DAYPART_DINNER, &usual1, &new1);
      for_guest (second, t->db, r->guests[g], RG_DAYPART_DINNER, &usual2, &new2);
      assert_same_lists (usual1, usual2);
      assert_same_lists (new1, new2);
      basket1 = rg_recommender_complete_basket (first, t->db, check, RG_DAYPART_LUNCH, 10, &error);
      ck_assert_no_error (error);
      basket2 = rg_recommender_complete_basket (second, t->db, check, RG_DAYPART_LUNCH, 10, &error);
      ck_assert_no_error (error);
      assert_same_lists (basket1, basket2);
      suggested += g_list_model_get_n_items (usual1) + g_list_model_get_n_items (new1);
    }
  ck_assert_uint_gt (suggested, RANDOM_GUESTS);
}
END_TEST

/* ----------------------------------------------------------------- table */

START_TEST (test_table_unions_tastes_and_allergies)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *prawns = add_item_full (t->db, "Prawns", "shellfish", "", "", 1500, 0);
  g_autofree gchar *duck = add_item (t->db, "Duck");
  g_autofree gchar *greens = add_item (t->db, "Greens");
  g_autofree gchar *rice = add_item (t->db, "Rice");
  g_autofree gchar *ana = add_guest (t->db, "Ana");
  g_autofree gchar *bo = add_guest (t->db, "Bo");
  g_autofree gchar *allergy = rg_id_new ();
  const gchar *party[] = { ana, bo, NULL };
  const gchar *check[] = { duck, NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  g_autoptr(GError) error = NULL;

  for (gint i = 0; i < 3; i++)
    g_free (add_visit (t->db, branch, ana, NOV3_DINNER - i * DAY_MS, prawns, greens));
  for (gint i = 0; i < 3; i++)
    g_free (add_visit (t->db, branch, bo, NOV3_DINNER - i * DAY_MS, duck));
  for (gint i = 0; i < 8; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, duck, rice));
  exec_sql (t->db, "INSERT INTO guest_allergy (id, guest_id, allergen) VALUES ('%s', '%s', 'shellfish')",
            allergy, bo);

  rec = build (t->db);
  ck_assert (rg_recommender_for_table (rec, t->db, party, check, RG_DAYPART_DINNER, 10,
                                       &usual, &new_items, &error));
  ck_assert_no_error (error);
  /* Ana's greens are usual for the table; her prawns are not, with Bo at
   * it; the duck is on the check already; rice goes with the duck. */
  ck_assert (list_has (usual, greens));
  ck_assert (!list_has (usual, prawns) && !list_has (new_items, prawns));
  ck_assert (!list_has (usual, duck) && !list_has (new_items, duck));
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (new_items, 0)), rice);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (new_items, 0)), "often ordered with Duck");
}
END_TEST

START_TEST (test_complete_basket_for_walk_in)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *burger = add_item (t->db, "Burger");
  g_autofree gchar *fries = add_item (t->db, "Fries");
  g_autofree gchar *salad = add_item (t->db, "Salad");
  const gchar *check[] = { burger, NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  for (gint i = 0; i < 6; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, burger, fries));
  for (gint i = 0; i < 9; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, salad));

  rec = build (t->db);
  list = rg_recommender_complete_basket (rec, t->db, check, RG_DAYPART_DINNER, 2, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (list, 0)), fries);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (list, 1)), salad);
  ck_assert (!list_has (list, burger));
}
END_TEST

START_TEST (test_margin_nudge)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);
  g_autofree gchar *thin = add_item_full (t->db, "Thin Margin", "", "", "", 1000, 900);
  g_autofree gchar *fat = add_item_full (t->db, "Fat Margin", "", "", "", 1000, 200);
  const gchar *empty[] = { NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) off = NULL;
  g_autoptr(GListModel) on = NULL;
  g_autoptr(GError) error = NULL;

  for (gint i = 0; i < 11; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, thin));
  for (gint i = 0; i < 10; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER - i * DAY_MS, fat));

  rec = build (t->db);
  ck_assert_double_eq (rg_recommend_get_margin_weight (t->db), 0);
  off = rg_recommender_complete_basket (rec, t->db, empty, RG_DAYPART_DINNER, 2, &error);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (off, 0)), thin);

  ck_assert (rg_recommend_set_margin_weight (t->db, owner_id, 0.5, &error));
  ck_assert_no_error (error);
  on = rg_recommender_complete_basket (rec, t->db, empty, RG_DAYPART_DINNER, 2, &error);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (on, 0)), fat);

  ck_assert (!rg_recommend_set_margin_weight (t->db, owner_id, 1.5, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_double_eq (rg_recommend_get_margin_weight (t->db), 0.5);
}
END_TEST

/* ----------------------------------------------------------------- input */

START_TEST (test_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *soup = add_item (t->db, "Soup");
  g_autofree gchar *guest = add_guest (t->db, "Jo");
  g_autofree gchar *unknown = rg_id_new ();
  const gchar *bad_check[] = { soup, unknown, NULL };
  RgRecommendWeights weights, kept;
  g_autoptr(RgRecommender) rec = NULL;
  GListModel *usual = NULL;
  GListModel *new_items = NULL;
  GError *error = NULL;

  g_free (add_visit (t->db, branch, guest, NOV3_DINNER, soup));
  rec = build (t->db);

  ck_assert (!rg_recommender_for_guest (rec, t->db, unknown, RG_DAYPART_DINNER, 5, &usual, &new_items, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  ck_assert_ptr_null (usual);
  g_clear_error (&error);

  ck_assert (!rg_recommender_for_guest (rec, t->db, guest, RG_DAYPART_DINNER, 0, &usual, &new_items, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  ck_assert_ptr_null (rg_recommender_complete_basket (rec, t->db, bad_check, RG_DAYPART_DINNER, 5, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rg_recommender_get_weights (rec, &kept);
  weights = kept;
  weights.together = -1;
  ck_assert (!rg_recommender_set_weights (rec, &weights, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  weights = kept;
  weights.half_life_days = 0;
  ck_assert (!rg_recommender_set_weights (rec, &weights, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  rg_recommender_get_weights (rec, &weights);
  ck_assert_double_eq (weights.together, kept.together);
  ck_assert_double_eq (weights.half_life_days, kept.half_life_days);
}
END_TEST

/* ----------------------------------------------------------------- fresh */

START_TEST (test_add_visit_incrementally)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *burger = add_item (t->db, "Burger");
  g_autofree gchar *fries = add_item (t->db, "Fries");
  g_autofree gchar *shake = add_item (t->db, "Shake");
  g_autofree gchar *open_visit = NULL;
  g_autofree gchar *unknown = rg_id_new ();
  const gchar *check[] = { burger, NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(RgRecommender) fresh = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) rebuilt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *v = NULL;

  for (gint i = 0; i < 5; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER, burger, fries));
  g_free (add_visit (t->db, branch, NULL, NOV3_DINNER, shake));
  rec = build (t->db);
  before = rg_recommender_complete_basket (rec, t->db, check, RG_DAYPART_DINNER, 1, &error);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (before, 0)), fries);

  /* Six checks close with burger and shake: the model learns them. */
  for (gint i = 0; i < 6; i++)
    {
      g_free (v);
      v = add_visit (t->db, branch, NULL, NOV3_DINNER, burger, shake);
      ck_assert (rg_recommender_add_visit (rec, t->db, v, &error));
      ck_assert_no_error (error);
    }
  ck_assert_uint_eq (rg_recommender_get_n_visits (rec), 12);
  ck_assert (rg_recommender_add_visit (rec, t->db, v, &error));
  ck_assert_uint_eq (rg_recommender_get_n_visits (rec), 12);

  after = rg_recommender_complete_basket (rec, t->db, check, RG_DAYPART_DINNER, 2, &error);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (after, 0)), shake);

  /* The same as a model counted from scratch. */
  fresh = build (t->db);
  rebuilt = rg_recommender_complete_basket (fresh, t->db, check, RG_DAYPART_DINNER, 2, &error);
  for (guint i = 0; i < 2; i++)
    {
      ck_assert_str_eq (rg_recommendation_get_item_id (nth (after, i)),
                        rg_recommendation_get_item_id (nth (rebuilt, i)));
      ck_assert_double_eq_tol (rg_recommendation_get_score (nth (after, i)),
                               rg_recommendation_get_score (nth (rebuilt, i)), 1e-9);
    }

  open_visit = add_visit_status (t->db, branch, NULL, NOV3_DINNER, "open", burger, NULL);
  ck_assert (!rg_recommender_add_visit (rec, t->db, open_visit, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_recommender_add_visit (rec, t->db, unknown, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  ck_assert_uint_eq (rg_recommender_get_n_visits (rec), 12);
}
END_TEST

static void
on_built_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RgRecommender **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rg_recommender_new_finish (result, &error);
  ck_assert_no_error (error);
}

/* A lone guest's history comes from the model's summary, kept up to date
 * by rg_recommender_add_visit(); it must be the history the database
 * holds: as host and as guest of a party, and that of a guest merged in
 * after the model was built.  A party's query (here the same guest twice)
 * reads the history from the database. */
START_TEST (test_summary_matches_database)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *soup = add_item (t->db, "Soup");
  g_autofree gchar *bread = add_item (t->db, "Bread");
  g_autofree gchar *cake = add_item (t->db, "Cake");
  g_autofree gchar *ana = add_guest (t->db, "Ana");
  g_autofree gchar *ben = add_guest (t->db, "Ben");
  g_autofree gchar *old_ana = add_guest (t->db, "Ana (old card)");
  g_autofree gchar *shared = NULL;
  g_autofree gchar *link = rg_id_new ();
  g_autofree gchar *later = NULL;
  const gchar *twice[] = { ana, ana, NULL };
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  g_autoptr(GListModel) read_usual = NULL;
  g_autoptr(GListModel) read_new = NULL;
  g_autoptr(GError) error = NULL;

  g_free (add_visit (t->db, branch, ana, NOV3_DINNER - 30 * DAY_MS, soup));
  g_free (add_visit (t->db, branch, ana, NOV3_DINNER - 20 * DAY_MS, soup));
  shared = add_visit (t->db, branch, ben, NOV3_DINNER - 10 * DAY_MS, bread);
  exec_sql (t->db, "INSERT INTO visit_guest (id, visit_id, guest_id) VALUES ('%s', '%s', '%s')",
            link, shared, ana);
  g_free (add_visit (t->db, branch, old_ana, NOV3_DINNER - 5 * DAY_MS, bread));
  rec = build (t->db);

  /* After the build: a check closes, and the old card is merged into Ana's. */
  later = add_visit (t->db, branch, ana, NOV3_DINNER, cake, soup);
  ck_assert_uint_eq (rg_recommender_get_n_visits (rec), 4);
  ck_assert (rg_recommender_add_visit (rec, t->db, later, &error));
  ck_assert_no_error (error);
  /* A visit the build counted, and one added since, count once. */
  ck_assert (rg_recommender_add_visit (rec, t->db, shared, &error));
  ck_assert (rg_recommender_add_visit (rec, t->db, later, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (rg_recommender_get_n_visits (rec), 5);
  exec_sql (t->db, "UPDATE guest SET merged_into = '%s', deleted = 1 WHERE id = '%s'", ana, old_ana);
  exec_sql (t->db, "UPDATE visit SET guest_id = '%s' WHERE guest_id = '%s'", ana, old_ana);

  for_guest (rec, t->db, ana, RG_DAYPART_DINNER, &usual, &new_items);
  ck_assert (rg_recommender_for_table (rec, t->db, twice, NULL, RG_DAYPART_DINNER, 10,
                                       &read_usual, &read_new, &error));
  ck_assert_no_error (error);

  ck_assert_uint_eq (g_list_model_get_n_items (usual), 3);
  ck_assert_uint_eq (g_list_model_get_n_items (read_usual), 3);
  ck_assert_str_eq (rg_recommendation_get_item_id (nth (usual, 0)), soup);
  ck_assert_str_eq (rg_recommendation_get_reason (nth (usual, 0)), "ordered 3 times, last on 3 Nov");
  ck_assert (list_has (usual, bread));
  ck_assert (list_has (usual, cake));
  for (guint i = 0; i < 3; i++)
    {
      ck_assert_str_eq (rg_recommendation_get_item_id (nth (usual, i)),
                        rg_recommendation_get_item_id (nth (read_usual, i)));
      ck_assert_str_eq (rg_recommendation_get_reason (nth (usual, i)),
                        rg_recommendation_get_reason (nth (read_usual, i)));
      ck_assert_double_eq_tol (rg_recommendation_get_score (nth (usual, i)),
                               rg_recommendation_get_score (nth (read_usual, i)), 1e-6);
    }
}
END_TEST

START_TEST (test_build_in_background)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *soup = add_item (t->db, "Soup");
  g_autoptr(RgRecommender) rec = NULL;

  for (gint i = 0; i < 7; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER, soup));

  rg_recommender_new_async (t->path, NULL, on_built_cb, &rec);
  while (rec == NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_uint_eq (rg_recommender_get_n_visits (rec), 7);
  ck_assert_uint_gt (rg_recommender_estimate_memory (rec), 0);
}
END_TEST

/* ------------------------------------------------------------ evaluation */

START_TEST (test_eval_last_visit_metrics)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *a = add_item (t->db, "A");
  g_autofree gchar *b = add_item (t->db, "B");
  g_autofree gchar *c = add_item (t->db, "C");
  g_autofree gchar *guest = add_guest (t->db, "G");
  g_autofree gchar *short_guest = add_guest (t->db, "Two Visits");
  g_autoptr(RgRecommendEval) eval = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *table = NULL;
  /* Relevant {A, C}, ranked [A, B]: DCG 1, ideal 1 + 1/log2 3. */
  gdouble ndcg = 1.0 / (1.0 + 1.0 / log2 (3.0));

  g_free (add_visit (t->db, branch, guest, NOV3_DINNER - 2 * DAY_MS, a, b));
  g_free (add_visit (t->db, branch, guest, NOV3_DINNER - DAY_MS, a));
  g_free (add_visit (t->db, branch, guest, NOV3_DINNER, a, c));
  g_free (add_visit (t->db, branch, short_guest, NOV3_DINNER - DAY_MS, a));
  g_free (add_visit (t->db, branch, short_guest, NOV3_DINNER, a));

  eval = rg_recommend_eval_last_visit (t->db, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (rg_recommend_eval_get_n_cases (eval), 1);
  ck_assert (!rg_recommend_eval_has_method (eval, RG_RECOMMEND_METHOD_PAIR_COUNT));
  for (guint m = RG_RECOMMEND_METHOD_BLEND; m <= RG_RECOMMEND_METHOD_PERSONAL; m++)
    {
      ck_assert (rg_recommend_eval_has_method (eval, m));
      ck_assert_double_eq (rg_recommend_eval_get_hit_rate (eval, m), 1.0);
      /* C was only in the hidden visit: no method may know it. */
      ck_assert_double_eq_tol (rg_recommend_eval_get_recall (eval, m), 0.5, 1e-9);
      ck_assert_double_eq_tol (rg_recommend_eval_get_ndcg (eval, m), ndcg, 1e-9);
    }
  table = rg_recommend_eval_format (eval, "tiny");
  ck_assert_msg (strstr (table, "| tiny | personal frequency | 1 | 1.000 | 0.500 | 0.613 |") != NULL,
                 "%s", table);
}
END_TEST

START_TEST (test_eval_basket_leaves_one_out)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *x = add_item (t->db, "X");
  g_autofree gchar *y = add_item (t->db, "Y");
  g_autofree gchar *q = add_item (t->db, "Q");
  g_autofree gchar *r = add_item (t->db, "R");
  g_autofree gchar *guest = add_guest (t->db, "Regular");
  g_autoptr(RgRecommendEval) eval = NULL;
  g_autoptr(GError) error = NULL;

  /* A known guest's checks are taken out of the guest-level counts too. */
  for (gint i = 0; i < 4; i++)
    g_free (add_visit (t->db, branch, i < 2 ? guest : NULL, NOV3_DINNER - i * HOUR_MS, x, y));
  g_free (add_visit (t->db, branch, guest, NOV3_DINNER, x));
  /* R is seen only on this check: with the check left out, nothing can
   * suggest it. */
  g_free (add_visit (t->db, branch, NULL, NOV3_DINNER, q, r));

  eval = rg_recommend_eval_basket (t->db, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (rg_recommend_eval_get_n_cases (eval), 5);
  ck_assert (rg_recommend_eval_has_method (eval, RG_RECOMMEND_METHOD_PAIR_COUNT));
  ck_assert (!rg_recommend_eval_has_method (eval, RG_RECOMMEND_METHOD_PERSONAL));
  ck_assert_double_eq_tol (rg_recommend_eval_get_hit_rate (eval, RG_RECOMMEND_METHOD_BLEND), 0.8, 1e-9);
  ck_assert_double_eq_tol (rg_recommend_eval_get_ndcg (eval, RG_RECOMMEND_METHOD_BLEND), 0.8, 1e-9);
  ck_assert_double_eq_tol (rg_recommend_eval_get_recall (eval, RG_RECOMMEND_METHOD_PAIR_COUNT), 0.8, 1e-9);
}
END_TEST

START_TEST (test_eval_empty)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgRecommendEval) eval = NULL;
  g_autoptr(GError) error = NULL;

  eval = rg_recommend_eval_last_visit (t->db, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (rg_recommend_eval_get_n_cases (eval), 0);
  ck_assert_double_eq (rg_recommend_eval_get_hit_rate (eval, RG_RECOMMEND_METHOD_BLEND), 0);
}
END_TEST

/* ------------------------------------------------------------------- log */

static gchar *
find_guest_in_holdout (RgDb     *db,
                       gboolean  holdout)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Guest %u", i);
      g_autofree gchar *id = add_guest (db, name);

      if (rg_recommend_is_holdout (db, id, NULL) == holdout)
        return g_steal_pointer (&id);
    }
  ck_abort_msg ("no guest found in the wanted group");
  return NULL;
}

START_TEST (test_holdout_share)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  guint held = 0;

  ck_assert_double_eq (rg_recommend_get_holdout_share (t->db), 0.10);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree gchar *id = rg_id_new ();
      gboolean first = rg_recommend_is_holdout (t->db, id, NULL);

      ck_assert_int_eq (rg_recommend_is_holdout (t->db, id, "another-visit"), first);
      held += first;
    }
  ck_assert_msg (held > 140 && held < 260, "%u of 2000 held out at 10%%", held);

  ck_assert (rg_recommend_set_holdout_share (t->db, 0, &error));
  ck_assert (!rg_recommend_is_holdout (t->db, "anyone", NULL));
  ck_assert (!rg_recommend_set_holdout_share (t->db, 0.9, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_double_eq (rg_recommend_get_holdout_share (t->db), 0);
}
END_TEST

static void
suggest_and_log (RgRecommender *rec,
                 RgDb          *db,
                 const gchar   *visit,
                 const gchar   *guest,
                 gboolean       expect_shown)
{
  g_autoptr(GListModel) usual = NULL;
  g_autoptr(GListModel) new_items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean show = !expect_shown;

  for_guest (rec, db, guest, RG_DAYPART_DINNER, &usual, &new_items);
  ck_assert (rg_recommend_log (db, visit, guest, usual, new_items, &show, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (show, expect_shown);
}

START_TEST (test_log_and_uplift)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *branch = add_branch (t->db, "UTC");
  g_autofree gchar *soup = add_item (t->db, "Soup");
  g_autofree gchar *bread = add_item (t->db, "Bread");
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);
  g_autofree gchar *shown_guest = find_guest_in_holdout (t->db, FALSE);
  g_autofree gchar *held_guest = find_guest_in_holdout (t->db, TRUE);
  g_autofree gchar *unknown = rg_id_new ();
  g_autofree gchar *v1 = NULL;
  g_autofree gchar *v2 = NULL;
  g_autofree gchar *v3 = NULL;
  g_autoptr(RgRecommender) rec = NULL;
  g_autoptr(RgRecommendUplift) uplift = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;
  gint64 now = rg_now_ms ();
  gint64 rows;

  for (gint i = 0; i < 3; i++)
    g_free (add_visit (t->db, branch, NULL, NOV3_DINNER, soup, bread));
  rec = build (t->db);

  /* Both guests are offered soup and bread; the one who saw them orders
   * the soup, the held-out one orders nothing suggested. */
  v1 = add_visit (t->db, branch, shown_guest, now, soup);
  v2 = add_visit (t->db, branch, held_guest, now, soup);
  exec_sql (t->db, "UPDATE order_line SET voided = 1 WHERE visit_id = '%s'", v2);
  /* As the table sheet does when a check closes. */
  ck_assert (rg_recommender_add_visit (rec, t->db, v1, &error));
  ck_assert (rg_recommender_add_visit (rec, t->db, v2, &error));
  ck_assert_no_error (error);
  v3 = add_visit_status (t->db, branch, shown_guest, now, "open", soup, NULL);
  suggest_and_log (rec, t->db, v1, shown_guest, TRUE);
  suggest_and_log (rec, t->db, v1, shown_guest, TRUE);
  suggest_and_log (rec, t->db, v2, held_guest, FALSE);
  suggest_and_log (rec, t->db, v3, shown_guest, TRUE);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM local_suggestion WHERE shown = 0"), 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM local_suggestion"), 8);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM local_suggestion WHERE reason LIKE 'ordered once, on %'"), 3);

  uplift = rg_recommend_uplift_report (t->db, owner_id, now - DAY_MS, now + DAY_MS, &error);
  ck_assert_no_error (error);
  /* The open visit does not count yet; the repeated log counts once. */
  ck_assert_uint_eq (rg_recommend_uplift_get_visits (uplift, TRUE), 1);
  ck_assert_uint_eq (rg_recommend_uplift_get_suggestions (uplift, TRUE), 2);
  ck_assert_uint_eq (rg_recommend_uplift_get_ordered (uplift, TRUE), 1);
  ck_assert_uint_eq (rg_recommend_uplift_get_converted (uplift, TRUE), 1);
  ck_assert_uint_eq (rg_recommend_uplift_get_visits (uplift, FALSE), 1);
  ck_assert_uint_eq (rg_recommend_uplift_get_ordered (uplift, FALSE), 0);
  ck_assert_double_eq_tol (rg_recommend_uplift_get_rate (uplift, TRUE), 0.5, 1e-9);
  ck_assert_double_eq_tol (rg_recommend_uplift_get_uplift (uplift), 50.0, 1e-9);
  text = rg_recommend_uplift_format (uplift);
  ck_assert_msg (strstr (text, "+50.0 percentage points") != NULL, "%s", text);

  /* Bad input changes nothing. */
  rows = rg_test_query_int (t->db, "SELECT count(*) FROM local_suggestion");
  ck_assert (!rg_recommend_log (t->db, unknown, shown_guest, NULL, NULL, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_recommend_log (t->db, v1, unknown, NULL, NULL, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM local_suggestion"), rows);
  ck_assert_ptr_null (rg_recommend_uplift_report (t->db, owner_id, now, now, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

/* ----------------------------------------------------------------- suite */

static Suite *
recommend_suite (void)
{
  Suite *s = suite_create ("recommend");
  TCase *tc;

  tc = tcase_create ("daypart");
  tcase_add_test (tc, test_daypart_for_time);
  suite_add_tcase (s, tc);

  tc = tcase_create ("model");
  tcase_add_test (tc, test_fitted_shrink);
  tcase_add_test (tc, test_fitted_daypart_prior);
  tcase_add_test (tc, test_packed_model_counts_as_unpacked);
  suite_add_tcase (s, tc);

  tc = tcase_create ("languages");
  tcase_add_test (tc, test_reasons_in_chinese);
  suite_add_tcase (s, tc);

  tc = tcase_create ("lists");
  tcase_add_test (tc, test_usual_with_reason);
  tcase_add_test (tc, test_recency_outweighs_old_habit);
  tcase_add_test (tc, test_together_is_not_popularity);
  tcase_add_test (tc, test_guests_who_order_x_also_order_y);
  tcase_add_test (tc, test_cold_start_daypart);
  tcase_add_test (tc, test_tags_match_and_aversion);
  tcase_add_test (tc, test_margin_nudge);
  suite_add_tcase (s, tc);

  tc = tcase_create ("filters");
  tcase_add_test (tc, test_hard_filters);
  tcase_add_test (tc, test_property_never_allergen_or_dislike);
  tcase_add_test (tc, test_deterministic);
  suite_add_tcase (s, tc);

  tc = tcase_create ("table");
  tcase_add_test (tc, test_table_unions_tastes_and_allergies);
  tcase_add_test (tc, test_complete_basket_for_walk_in);
  suite_add_tcase (s, tc);

  tc = tcase_create ("input");
  tcase_add_test (tc, test_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("fresh");
  tcase_add_test (tc, test_add_visit_incrementally);
  tcase_add_test (tc, test_summary_matches_database);
  tcase_add_test (tc, test_build_in_background);
  suite_add_tcase (s, tc);

  tc = tcase_create ("eval");
  tcase_add_test (tc, test_eval_last_visit_metrics);
  tcase_add_test (tc, test_eval_basket_leaves_one_out);
  tcase_add_test (tc, test_eval_empty);
  suite_add_tcase (s, tc);

  tc = tcase_create ("log");
  tcase_add_test (tc, test_holdout_share);
  tcase_add_test (tc, test_log_and_uplift);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (recommend_suite ());
}
