/* rg-report-dishes.c — the dishes report: items and categories with quantity,
 * revenue, cost, margin, share and attach rate (rollup_item_day), the best
 * pairings (rollup_pair_month) and the menu-engineering lists.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rg-report-private.h"
#include "rg-rollup-pair.h"

/* A pair of dishes is shown when this many visits had both. */
#define MIN_PAIR_VISITS 5

typedef struct
{
  RgReportSums     now, before;
  gdouble  visits_now, visits_before;
  gchar   *id;
  gchar   *category;
} Dish;

static void
dish_free (gpointer data)
{
  Dish *dish = data;

  g_free (dish->id);
  g_free (dish->category);
  g_free (dish);
}

static Dish *
lookup_dish (GHashTable  *dishes,
             const gchar *id)
{
  Dish *dish = g_hash_table_lookup (dishes, id);

  if (dish == NULL)
    {
      dish = g_new0 (Dish, 1);
      dish->id = g_strdup (id);
      g_hash_table_insert (dishes, dish->id, dish);
    }
  return dish;
}

static RgReportRow *
dish_row (const gchar        *key,
          const gchar        *label,
          const gchar        *group,
          const Dish         *dish,
          const RgReportSums  totals[2])
{
  RgReportRow *row = _rg_report_row_new (key, label, group);

  _rg_report_row_set_sums (row, &dish->now, &dish->before);
  _rg_report_row_set (row, RG_MEASURE_QTY, dish->now.qty);
  _rg_report_row_set_previous (row, RG_MEASURE_QTY, dish->before.qty);
  _rg_report_row_set (row, RG_MEASURE_VISITS, dish->visits_now);
  _rg_report_row_set_previous (row, RG_MEASURE_VISITS, dish->visits_before);
  _rg_report_row_set (row, RG_MEASURE_SHARE_PCT, _rg_report_pct (dish->now.revenue, totals[0].revenue));
  _rg_report_row_set_previous (row, RG_MEASURE_SHARE_PCT, _rg_report_pct (dish->before.revenue, totals[1].revenue));
  _rg_report_row_set (row, RG_MEASURE_ATTACH_PCT, _rg_report_pct (dish->visits_now, totals[0].visits));
  _rg_report_row_set_previous (row, RG_MEASURE_ATTACH_PCT, _rg_report_pct (dish->visits_before, totals[1].visits));
  return row;
}

static gint
compare_by_revenue (gconstpointer a,
                    gconstpointer b)
{
  RgReportRow *x = *(RgReportRow **) a, *y = *(RgReportRow **) b;
  gdouble rx = rg_report_row_get_value (x, RG_MEASURE_REVENUE), ry = rg_report_row_get_value (y, RG_MEASURE_REVENUE);

  return rx < ry ? 1 : rx > ry ? -1 : strcmp (rg_report_row_get_key (x), rg_report_row_get_key (y));
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;

  return x < y ? -1 : x > y;
}

static gdouble
median_of (GPtrArray *rows,
           RgMeasure  measure)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gdouble));

  for (guint i = 0; i < rows->len; i++)
    {
      gdouble v = rg_report_row_get_value (rows->pdata[i], measure);

      if (!isnan (v))
        g_array_append_val (values, v);
    }
  if (values->len == 0)
    return NAN;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, gdouble, values->len / 2);
}

/* Menu engineering: dishes with a margin above the median that sell less
 * than the median, and dishes that sell more than the median with a margin
 * below it. */
static void
add_engineering_sections (RgReport            *report,
                          GPtrArray           *items,
                          const RgMeasure     *measures,
                          guint                n_measures,
                          const RgReportRange *range)
{
  gdouble qty = median_of (items, RG_MEASURE_QTY);
  gdouble pct = median_of (items, RG_MEASURE_MARGIN_PCT);
  GListStore *gems = _rg_report_add_section (report, "high-margin-low-sales", measures, n_measures);
  GListStore *horses = _rg_report_add_section (report, "popular-low-margin", measures, n_measures);

  for (guint i = 0; i < items->len; i++)
    {
      RgReportRow *row = items->pdata[i];
      gdouble q = rg_report_row_get_value (row, RG_MEASURE_QTY);
      gdouble p = rg_report_row_get_value (row, RG_MEASURE_MARGIN_PCT);

      if (p > pct && q < qty && g_list_model_get_n_items (G_LIST_MODEL (gems)) < range->limit)
        g_list_store_append (gems, row);
      else if (q > qty && p < pct && g_list_model_get_n_items (G_LIST_MODEL (horses)) < range->limit)
        g_list_store_append (horses, row);
    }
}

static gboolean
load_dishes (RgDb                 *db,
             const RgReportRange  *range,
             GHashTable           *dishes,
             GError              **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT day >= ?3, item_id, sum (visits), 0, sum (revenue), sum (cost), sum (qty) FROM "
      RG_REPORT_SPAN ("rollup_item_day", "rollup_item_month", "item_id, visits, revenue, cost, qty",
                      RG_REPORT_BRANCHES) " GROUP BY 1, 2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _rg_report_bind_range (stmt, range, range->prev_from, range->from, range->to);
  _rg_report_bind_span (stmt, range);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Dish *dish = lookup_dish (dishes, (const gchar *) sqlite3_column_text (stmt, 1));
      gboolean now = sqlite3_column_int (stmt, 0) != 0;
      RgReportSums *sums = now ? &dish->now : &dish->before;

      _rg_report_sums_add_row (sums, stmt, 2);
      sums->qty += sqlite3_column_double (stmt, 6);
      *(now ? &dish->visits_now : &dish->visits_before) += sums->visits;
      sums->visits = 0;
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the dish figures");
  return TRUE;
}

/* The visits with both dishes of each pair over the months of the period,
 * from rollup_pair_pack (schema version 18): a pair's numbers as
 * (a << 32 | b) → a guint32 of visits in @both. */
static gboolean
sum_pairs (RgDb                 *db,
           const RgReportRange  *range,
           GHashTable           *both,
           GError              **error)
{
  g_autoptr(RgStmt) stmt = NULL;
  int rc;

  if (!rg_rollup_pair_ensure (db, error))
    return FALSE;
  stmt = rg_db_prepare (db, "SELECT pairs FROM rollup_pair_pack WHERE " RG_REPORT_BRANCHES
                            " AND month BETWEEN ?2 AND ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, range->from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, range->to_month, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *pack = sqlite3_column_blob (stmt, 0);
      guint n = (guint) sqlite3_column_bytes (stmt, 0) / RG_ROLLUP_PAIR_ENTRY_SIZE;

      for (guint i = 0; i < n; i++)
        {
          RgRollupPairEntry e;
          gint64 pair;
          guint32 *visits;

          rg_rollup_pair_get_entry (pack, i, &e);
          pair = (gint64) ((guint64) e.a << 32 | e.b);
          visits = g_hash_table_lookup (both, &pair);
          if (visits == NULL)
            {
              visits = g_new0 (guint32, 1);
              g_hash_table_insert (both, g_memdup2 (&pair, sizeof pair), visits);
            }
          *visits += e.visits;
        }
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the dish pairings");
  return TRUE;
}

/* Pairings in the order of their keys, so that equal lifts rank the same
 * whatever order the pairs were summed in. */
static gint
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  return strcmp (rg_report_row_get_key (*(RgReportRow **) a), rg_report_row_get_key (*(RgReportRow **) b));
}

/* Pairs of dishes in the months of the period, by lift: how much likelier
 * the two are together than if guests chose them independently. */
static gboolean
add_pairings (RgDb                 *db,
              RgReport             *report,
              const RgReportRange  *range,
              GHashTable           *names,
              GError              **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_VISITS, RG_MEASURE_ATTACH_PCT, RG_MEASURE_LIFT };
  g_autoptr(RgStmt) singles = rg_db_prepare (db,
      "SELECT item_id, sum (visits) FROM rollup_item_month "
      "WHERE " RG_REPORT_BRANCHES " AND month BETWEEN ?2 AND ?3 GROUP BY 1", error);
  g_autoptr(RgStmt) all = NULL;
  g_autoptr(GHashTable) visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) both = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) items = NULL;
  GHashTableIter iter;
  gpointer key_data, count;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gchar *first = g_strconcat (range->from_month, "-01", NULL);
  g_autofree gchar *last = g_strconcat (range->to_month, "-31", NULL);
  GListStore *store;
  gdouble total;
  int rc;

  if (singles == NULL)
    return FALSE;
  sqlite3_bind_text (singles, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (singles, 2, range->from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (singles, 3, range->to_month, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (singles)) == SQLITE_ROW)
    g_hash_table_insert (visits, g_strdup ((const gchar *) sqlite3_column_text (singles, 0)),
                         g_memdup2 (&(gdouble) { sqlite3_column_double (singles, 1) }, sizeof (gdouble)));
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the dish pairings");

  all = rg_db_prepare (db, "SELECT coalesce (sum (visits), 0) FROM rollup_hour "
                           "WHERE " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?3", error);
  if (all == NULL)
    return FALSE;
  sqlite3_bind_text (all, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (all, 2, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (all, 3, last, -1, SQLITE_STATIC);
  if (sqlite3_step (all) != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading the dish pairings");
  total = sqlite3_column_double (all, 0);

  if (!sum_pairs (db, range, both, error))
    return FALSE;
  items = rg_rollup_pair_dup_items (db, error);
  if (items == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, both);
  while (g_hash_table_iter_next (&iter, &key_data, &count))
    {
      guint64 pair = *(const guint64 *) key_data;
      guint x = (guint) (pair >> 32), y = (guint) (pair & G_MAXUINT32);
      const gchar *a = x < items->len ? items->pdata[x] : NULL, *b = y < items->len ? items->pdata[y] : NULL;
      gdouble *va, *vb, together = *(const guint32 *) count;
      g_autofree gchar *key = NULL;
      g_autofree gchar *label = NULL;
      RgReportRow *row;

      if (a == NULL || b == NULL || together < MIN_PAIR_VISITS)
        continue;
      /* Keyed as the month rollup pairs them: the smaller id first. */
      if (strcmp (a, b) > 0)
        {
          const gchar *t = a;

          a = b;
          b = t;
        }
      va = g_hash_table_lookup (visits, a);
      vb = g_hash_table_lookup (visits, b);
      if (va == NULL || vb == NULL)
        continue;
      key = g_strconcat (a, "+", b, NULL);
      label = g_strconcat (g_hash_table_lookup (names, a) ?: a, " + ", g_hash_table_lookup (names, b) ?: b, NULL);
      row = _rg_report_row_new (key, label, g_hash_table_lookup (names, a));
      _rg_report_row_set (row, RG_MEASURE_VISITS, together);
      /* Of the visits with the rarer dish, how many had the other too. */
      _rg_report_row_set (row, RG_MEASURE_ATTACH_PCT, _rg_report_pct (together, MIN (*va, *vb)));
      _rg_report_row_set (row, RG_MEASURE_LIFT, _rg_report_ratio (together * total, *va * *vb));
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_pairs);

  store = _rg_report_add_section (report, "pairings", measures, G_N_ELEMENTS (measures));
  for (guint n = 0; n < range->limit && rows->len > 0; n++)
    {
      guint best = 0;

      for (guint i = 1; i < rows->len; i++)
        if (rg_report_row_get_value (rows->pdata[i], RG_MEASURE_LIFT) >
            rg_report_row_get_value (rows->pdata[best], RG_MEASURE_LIFT))
          best = i;
      g_list_store_append (store, rows->pdata[best]);
      g_ptr_array_remove_index_fast (rows, best);
    }
  return TRUE;
}

RgReport *
_rg_report_dishes (RgDb                 *db,
                   const RgReportRange  *range,
                   GError              **error)
{
  static const RgMeasure measures[] = {
    RG_MEASURE_QTY, RG_MEASURE_REVENUE, RG_MEASURE_COST, RG_MEASURE_MARGIN, RG_MEASURE_MARGIN_PCT,
    RG_MEASURE_SHARE_PCT, RG_MEASURE_ATTACH_PCT,
  };
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_DISHES, range);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) dishes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, dish_free);
  g_autoptr(GHashTable) by_category = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, dish_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  GHashTableIter iter;
  RgReportSums totals[2];
  Dish *dish;

  names = _rg_report_load_names (db, "SELECT id, name FROM menu_item", error);
  if (names == NULL)
    return NULL;
  categories = _rg_report_load_names (db, "SELECT id, category FROM menu_item", error);
  if (categories == NULL || !_rg_report_load_totals (db, range, totals, error) ||
      !load_dishes (db, range, dishes, error))
    return NULL;

  g_hash_table_iter_init (&iter, dishes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &dish))
    {
      const gchar *category = g_hash_table_lookup (categories, dish->id) ?: "";
      Dish *group = lookup_dish (by_category, category);

      g_ptr_array_add (items, dish_row (dish->id, g_hash_table_lookup (names, dish->id), category,
                                        dish, totals));
      group->now.revenue += dish->now.revenue;
      group->now.cost += dish->now.cost;
      group->now.qty += dish->now.qty;
      group->before.revenue += dish->before.revenue;
      group->before.cost += dish->before.cost;
      group->before.qty += dish->before.qty;
      group->visits_now += dish->visits_now;
      group->visits_before += dish->visits_before;
    }
  g_hash_table_iter_init (&iter, by_category);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &dish))
    {
      RgReportRow *row = dish_row (dish->id, NULL, NULL, dish, totals);

      /* A visit with two dishes of a category counts once for each. */
      _rg_report_row_set (row, RG_MEASURE_ATTACH_PCT, NAN);
      _rg_report_row_set_previous (row, RG_MEASURE_ATTACH_PCT, NAN);
      g_ptr_array_add (groups, row);
    }
  g_ptr_array_sort (items, compare_by_revenue);
  g_ptr_array_sort (groups, compare_by_revenue);

  store = _rg_report_add_section (report, "items", measures, G_N_ELEMENTS (measures));
  for (guint i = 0; i < items->len; i++)
    g_list_store_append (store, items->pdata[i]);
  store = _rg_report_add_section (report, "categories", measures, G_N_ELEMENTS (measures) - 1);
  for (guint i = 0; i < groups->len; i++)
    g_list_store_append (store, groups->pdata[i]);
  if (!add_pairings (db, report, range, names, error))
    return NULL;
  add_engineering_sections (report, items, measures, G_N_ELEMENTS (measures), range);
  _rg_report_add_totals (report, totals);
  return g_steal_pointer (&report);
}

