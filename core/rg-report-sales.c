/* rg-report-sales.c — the sales reports: peak times, dishes and margins,
 * revenue over time; all from rollup_hour, rollup_item_day and
 * rollup_pair_month.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-report-private.h"

/* A pair of dishes is shown when this many visits had both. */
#define MIN_PAIR_VISITS 5

typedef struct
{
  gdouble visits, covers, revenue, cost, qty;
} Sums;

/* -------------------------------------------------------------- helpers */

static void
sums_add_row (Sums         *sums,
              sqlite3_stmt *stmt,
              gint          first)
{
  sums->visits += sqlite3_column_double (stmt, first);
  sums->covers += sqlite3_column_double (stmt, first + 1);
  sums->revenue += sqlite3_column_double (stmt, first + 2);
  sums->cost += sqlite3_column_double (stmt, first + 3);
}

static void
set_sums (RgReportRow *row,
          const Sums  *now,
          const Sums  *before)
{
  const Sums *both[2] = { now, before };

  for (guint i = 0; i < 2; i++)
    {
      void (*set) (RgReportRow *, RgMeasure, gdouble) = i == 0 ? _rg_report_row_set : _rg_report_row_set_previous;

      if (both[i] == NULL)
        continue;
      set (row, RG_MEASURE_VISITS, both[i]->visits);
      set (row, RG_MEASURE_COVERS, both[i]->covers);
      set (row, RG_MEASURE_REVENUE, both[i]->revenue);
      set (row, RG_MEASURE_COST, both[i]->cost);
      set (row, RG_MEASURE_MARGIN, both[i]->revenue - both[i]->cost);
      set (row, RG_MEASURE_MARGIN_PCT, _rg_report_pct (both[i]->revenue - both[i]->cost, both[i]->revenue));
    }
}

static void
bind_range (sqlite3_stmt        *stmt,
            const RgReportRange *range,
            const gchar         *first,
            const gchar         *split,
            const gchar         *last)
{
  sqlite3_bind_text (stmt, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, split, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_TRANSIENT);
}

/* Visits, covers, revenue, cost of the period [0] and the period before [1]. */
static gboolean
load_totals (RgDb                *db,
             const RgReportRange *range,
             Sums                 totals[2],
             GError             **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT day >= ?3, sum (visits), sum (covers), sum (revenue), sum (cost) FROM rollup_hour "
      "WHERE " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?4 GROUP BY 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  memset (totals, 0, 2 * sizeof (Sums));
  bind_range (stmt, range, range->prev_from, range->from, range->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sums_add_row (&totals[sqlite3_column_int (stmt, 0) ? 0 : 1], stmt, 1);
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "adding up the visits of the report");
  return TRUE;
}

static void
add_totals_section (RgReport   *report,
                    const Sums  totals[2])
{
  static const RgMeasure measures[] = {
    RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE, RG_MEASURE_COST,
    RG_MEASURE_MARGIN, RG_MEASURE_MARGIN_PCT,
  };
  GListStore *store = _rg_report_add_section (report, "totals", measures, G_N_ELEMENTS (measures));
  RgReportRow *row = _rg_report_row_new ("total", NULL, NULL);

  set_sums (row, &totals[0], &totals[1]);
  _rg_report_store_take (store, row);
}

/* ------------------------------------------------------------ peak times */

static gint
compare_by_covers (gconstpointer a,
                   gconstpointer b)
{
  RgReportRow *x = *(RgReportRow **) a, *y = *(RgReportRow **) b;
  gdouble cx = rg_report_row_get_value (x, RG_MEASURE_COVERS), cy = rg_report_row_get_value (y, RG_MEASURE_COVERS);

  return cx < cy ? 1 : cx > cy ? -1 : strcmp (rg_report_row_get_key (x), rg_report_row_get_key (y));
}

static gint
compare_by_previous_covers (gconstpointer a,
                            gconstpointer b)
{
  RgReportRow *x = *(RgReportRow **) a, *y = *(RgReportRow **) b;
  gdouble cx = rg_report_row_get_previous (x, RG_MEASURE_COVERS);
  gdouble cy = rg_report_row_get_previous (y, RG_MEASURE_COVERS);

  return cx < cy ? 1 : cx > cy ? -1 : strcmp (rg_report_row_get_key (x), rg_report_row_get_key (y));
}

RgReport *
_rg_report_peak (RgDb                *db,
                 const RgReportRange *range,
                 GError             **error)
{
  static const RgMeasure cell_measures[] = {
    RG_MEASURE_WEEKDAY, RG_MEASURE_HOUR, RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE,
  };
  static const RgMeasure busiest_measures[] = {
    RG_MEASURE_RANK, RG_MEASURE_WEEKDAY, RG_MEASURE_HOUR, RG_MEASURE_VISITS, RG_MEASURE_COVERS,
    RG_MEASURE_REVENUE,
  };
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_PEAK, range);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);
  Sums sums[2][7 * 24] = { { { 0 } } };
  Sums totals[2] = { { 0 } };
  GListStore *heatmap, *busiest;
  int rc;

  /* strftime's %w is 0 for Sunday; the report's weekdays run Monday 1 to
   * Sunday 7. */
  stmt = rg_db_prepare (db,
      "SELECT day >= ?3, (CAST (strftime ('%w', day) AS INTEGER) + 6) % 7, hour, "
      "  sum (visits), sum (covers), sum (revenue), sum (cost) FROM rollup_hour "
      "WHERE " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?4 GROUP BY 1, 2, 3", error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, range, range->prev_from, range->from, range->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint period = sqlite3_column_int (stmt, 0) ? 0 : 1;
      guint cell = (guint) sqlite3_column_int (stmt, 1) * 24 + (guint) sqlite3_column_int (stmt, 2);

      sums_add_row (&sums[period][cell], stmt, 3);
      sums_add_row (&totals[period], stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the peak times");
      return NULL;
    }

  heatmap = _rg_report_add_section (report, "heatmap", cell_measures, G_N_ELEMENTS (cell_measures));
  for (guint cell = 0; cell < 7 * 24; cell++)
    {
      g_autofree gchar *key = g_strdup_printf ("%u-%02u", cell / 24 + 1, cell % 24);
      RgReportRow *row = _rg_report_row_new (key, NULL, NULL);

      set_sums (row, &sums[0][cell], &sums[1][cell]);
      _rg_report_row_set (row, RG_MEASURE_WEEKDAY, cell / 24 + 1);
      _rg_report_row_set (row, RG_MEASURE_HOUR, cell % 24);
      g_list_store_append (heatmap, row);
      g_ptr_array_add (cells, row);
    }

  /* The busiest slots, with the rank each had in the period before. */
  g_ptr_array_sort (cells, compare_by_previous_covers);
  for (guint i = 0; i < cells->len; i++)
    _rg_report_row_set_previous (cells->pdata[i], RG_MEASURE_RANK, i + 1);
  g_ptr_array_sort (cells, compare_by_covers);
  busiest = _rg_report_add_section (report, "busiest", busiest_measures, G_N_ELEMENTS (busiest_measures));
  for (guint i = 0; i < cells->len; i++)
    _rg_report_row_set (cells->pdata[i], RG_MEASURE_RANK, i + 1);
  for (guint i = 0; i < MIN (cells->len, range->limit); i++)
    if (rg_report_row_get_value (cells->pdata[i], RG_MEASURE_COVERS) > 0)
      g_list_store_append (busiest, cells->pdata[i]);

  add_totals_section (report, totals);
  return g_steal_pointer (&report);
}

/* ---------------------------------------------------------------- dishes */

typedef struct
{
  Sums     now, before;
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
dish_row (const gchar *key,
          const gchar *label,
          const gchar *group,
          const Dish  *dish,
          const Sums   totals[2])
{
  RgReportRow *row = _rg_report_row_new (key, label, group);

  set_sums (row, &dish->now, &dish->before);
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
load_dishes (RgDb                *db,
             const RgReportRange *range,
             GHashTable          *dishes,
             GError             **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT day >= ?3, item_id, sum (visits), 0, sum (revenue), sum (cost), sum (qty) "
      "FROM rollup_item_day WHERE " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?4 GROUP BY 1, 2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_range (stmt, range, range->prev_from, range->from, range->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Dish *dish = lookup_dish (dishes, (const gchar *) sqlite3_column_text (stmt, 1));
      gboolean now = sqlite3_column_int (stmt, 0) != 0;
      Sums *sums = now ? &dish->now : &dish->before;

      sums_add_row (sums, stmt, 2);
      sums->qty += sqlite3_column_double (stmt, 6);
      *(now ? &dish->visits_now : &dish->visits_before) += sums->visits;
      sums->visits = 0;
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the dish figures");
  return TRUE;
}

/* Pairs of dishes in the months of the period, by lift: how much likelier
 * the two are together than if guests chose them independently. */
static gboolean
add_pairings (RgDb                *db,
              RgReport            *report,
              const RgReportRange *range,
              GHashTable          *names,
              GError             **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_VISITS, RG_MEASURE_ATTACH_PCT, RG_MEASURE_LIFT };
  g_autoptr(RgStmt) singles = rg_db_prepare (db,
      "SELECT item_id, sum (visits) FROM rollup_item_day "
      "WHERE " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?3 GROUP BY 1", error);
  g_autoptr(RgStmt) all = NULL;
  g_autoptr(RgStmt) pairs = NULL;
  g_autoptr(GHashTable) visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gchar *first = g_strconcat (range->from_month, "-01", NULL);
  g_autofree gchar *last = g_strconcat (range->to_month, "-31", NULL);
  GListStore *store;
  gdouble total;
  int rc;

  if (singles == NULL)
    return FALSE;
  sqlite3_bind_text (singles, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (singles, 2, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (singles, 3, last, -1, SQLITE_STATIC);
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

  pairs = rg_db_prepare (db,
      "SELECT item_a, item_b, sum (visits) FROM rollup_pair_month "
      "WHERE " RG_REPORT_BRANCHES " AND month BETWEEN ?2 AND ?3 GROUP BY 1, 2 HAVING sum (visits) >= ?4", error);
  if (pairs == NULL)
    return FALSE;
  sqlite3_bind_text (pairs, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (pairs, 2, range->from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (pairs, 3, range->to_month, -1, SQLITE_STATIC);
  sqlite3_bind_int (pairs, 4, MIN_PAIR_VISITS);
  while ((rc = sqlite3_step (pairs)) == SQLITE_ROW)
    {
      const gchar *a = (const gchar *) sqlite3_column_text (pairs, 0);
      const gchar *b = (const gchar *) sqlite3_column_text (pairs, 1);
      gdouble *va = g_hash_table_lookup (visits, a), *vb = g_hash_table_lookup (visits, b);
      gdouble both = sqlite3_column_double (pairs, 2);
      g_autofree gchar *key = g_strconcat (a, "+", b, NULL);
      g_autofree gchar *label = g_strconcat (g_hash_table_lookup (names, a) ?: a, " + ",
                                             g_hash_table_lookup (names, b) ?: b, NULL);
      RgReportRow *row;

      if (va == NULL || vb == NULL)
        continue;
      row = _rg_report_row_new (key, label, g_hash_table_lookup (names, a));
      _rg_report_row_set (row, RG_MEASURE_VISITS, both);
      /* Of the visits with the rarer dish, how many had the other too. */
      _rg_report_row_set (row, RG_MEASURE_ATTACH_PCT, _rg_report_pct (both, MIN (*va, *vb)));
      _rg_report_row_set (row, RG_MEASURE_LIFT, _rg_report_ratio (both * total, *va * *vb));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the dish pairings");

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
_rg_report_dishes (RgDb                *db,
                   const RgReportRange *range,
                   GError             **error)
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
  Sums totals[2];
  Dish *dish;

  names = _rg_report_load_names (db, "SELECT id, name FROM menu_item", error);
  if (names == NULL)
    return NULL;
  categories = _rg_report_load_names (db, "SELECT id, category FROM menu_item", error);
  if (categories == NULL || !load_totals (db, range, totals, error) ||
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
  add_totals_section (report, totals);
  return g_steal_pointer (&report);
}

/* --------------------------------------------------------------- revenue */

/* "YYYY-MM-DD" → sums of that day, over a year and a month before the
 * period up to its end. */
static GHashTable *
load_days (RgDb                *db,
           const RgReportRange *range,
           const gchar         *first,
           GError             **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT day, sum (visits), sum (covers), sum (revenue), sum (cost) FROM rollup_hour "
      "WHERE " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?3 GROUP BY 1", error);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, range->to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Sums *sums = g_new0 (Sums, 1);

      sums_add_row (sums, stmt, 1);
      g_hash_table_insert (days, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)), sums);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the revenue by day");
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* The sums of the days of [@first, @last]. */
static void
sum_days (GHashTable  *days,
          const gchar *first,
          const gchar *last,
          Sums        *out)
{
  gchar day[11];

  memset (out, 0, sizeof *out);
  memcpy (day, first, sizeof day);
  while (strcmp (day, last) <= 0)
    {
      Sums *sums = g_hash_table_lookup (days, day);

      if (sums != NULL)
        {
          out->visits += sums->visits;
          out->covers += sums->covers;
          out->revenue += sums->revenue;
          out->cost += sums->cost;
        }
      _rg_report_day_add (day, 1, day);
    }
}

static void
add_bucket (GListStore  *store,
            GHashTable  *days,
            const gchar *key,
            const gchar *first,
            const gchar *last,
            gint         back)
{
  RgReportRow *row = _rg_report_row_new (key, NULL, NULL);
  gchar prev_first[11], prev_last[11];
  Sums now, before;

  sum_days (days, first, last, &now);
  _rg_report_day_add (first, -back, prev_first);
  _rg_report_day_add (last, -back, prev_last);
  sum_days (days, prev_first, prev_last, &before);
  set_sums (row, &now, &before);
  _rg_report_store_take (store, row);
}

static gint
days_in_year_before (const gchar *day)
{
  gchar back[11];
  GDate a, b;

  /* Same calendar day a year before (28 February for a 29th). */
  g_snprintf (back, sizeof back, "%04d%s", atoi (day) - 1, day + 4);
  if (strcmp (back + 5, "02-29") == 0)
    back[9] = '8';
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, (GDateDay) atoi (day + 8), (GDateMonth) atoi (day + 5), (GDateYear) atoi (day));
  g_date_set_dmy (&b, (GDateDay) atoi (back + 8), (GDateMonth) atoi (back + 5), (GDateYear) atoi (back));
  return g_date_days_between (&b, &a);
}

RgReport *
_rg_report_revenue (RgDb                *db,
                    const RgReportRange *range,
                    GError             **error)
{
  static const RgMeasure measures[] = {
    RG_MEASURE_REVENUE, RG_MEASURE_COST, RG_MEASURE_MARGIN, RG_MEASURE_MARGIN_PCT,
    RG_MEASURE_VISITS, RG_MEASURE_COVERS,
  };
  static const RgMeasure month_measures[] = {
    RG_MEASURE_REVENUE, RG_MEASURE_COST, RG_MEASURE_MARGIN, RG_MEASURE_MARGIN_PCT,
    RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_MOM_PCT,
  };
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_REVENUE, range);
  g_autoptr(GHashTable) days = NULL;
  GListStore *store;
  gchar first[11], day[11];
  Sums totals[2];

  _rg_report_day_add (range->from, -400, first);
  days = load_days (db, range, first, error);
  if (days == NULL)
    return NULL;

  /* Days, each beside the same weekday 52 weeks before. */
  store = _rg_report_add_section (report, "days", measures, G_N_ELEMENTS (measures));
  for (memcpy (day, range->from, sizeof day); strcmp (day, range->to) <= 0; _rg_report_day_add (day, 1, day))
    add_bucket (store, days, day, day, day, 364);

  /* ISO weeks (Monday to Sunday) cut to the period. */
  store = _rg_report_add_section (report, "weeks", measures, G_N_ELEMENTS (measures));
  memcpy (day, range->from, sizeof day);
  while (strcmp (day, range->to) <= 0)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (atoi (day), atoi (day + 5), atoi (day + 8), 0, 0, 0);
      g_autofree gchar *key = g_date_time_format (date, "%G-W%V");
      gchar last[11];

      _rg_report_day_add (day, 7 - g_date_time_get_day_of_week (date), last);
      if (strcmp (last, range->to) > 0)
        memcpy (last, range->to, sizeof last);
      add_bucket (store, days, key, day, last, 364);
      _rg_report_day_add (last, 1, day);
    }

  /* Calendar months cut to the period, beside the same days a year before,
   * and the change from the month before. */
  store = _rg_report_add_section (report, "months", month_measures, G_N_ELEMENTS (month_measures));
  memcpy (day, range->from, sizeof day);
  while (strcmp (day, range->to) <= 0)
    {
      gchar last[11], key[8], month_first[11], prev_first[11], prev_last[11];
      RgReportRow *row;
      Sums now, month_before;

      g_strlcpy (key, day, sizeof key);
      g_snprintf (month_first, sizeof month_first, "%s-01", key);
      _rg_report_day_add (month_first, 31, last);
      memcpy (last + 8, "01", 2);
      _rg_report_day_add (last, -1, last);
      if (strcmp (last, range->to) > 0)
        memcpy (last, range->to, sizeof last);
      add_bucket (store, days, key, day, last, days_in_year_before (day));

      _rg_report_day_add (month_first, -1, prev_last);
      g_snprintf (prev_first, sizeof prev_first, "%.7s-01", prev_last);
      sum_days (days, day, last, &now);
      sum_days (days, prev_first, prev_last, &month_before);
      row = g_list_model_get_item (G_LIST_MODEL (store), g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);
      _rg_report_row_set (row, RG_MEASURE_MOM_PCT,
                          month_before.revenue > 0 ? (now.revenue - month_before.revenue) / month_before.revenue * 100 : NAN);
      g_object_unref (row);
      _rg_report_day_add (last, 1, day);
    }

  sum_days (days, range->from, range->to, &totals[0]);
  sum_days (days, range->prev_from, range->prev_to, &totals[1]);
  add_totals_section (report, totals);
  return g_steal_pointer (&report);
}
