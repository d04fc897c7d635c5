/* rg-report-service.c — the service reports: turnover and dining time by
 * table, zone and hour, spend per cover by party size (rollup_service_day),
 * and ratings by aspect, dish, server, hour and table (rollup_feedback_day).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-report-private.h"

/* A dish or table is among the lowest rated with at least this many
 * ratings in the period. */
#define MIN_RATINGS 3

typedef struct
{
  gchar   *key;
  gdouble  now[5];       /* visits, covers, revenue, timed, dine_ms */
  gdouble  before[5];
} Figures;

static void
figures_free (gpointer data)
{
  Figures *figures = data;

  g_free (figures->key);
  g_free (figures);
}

static Figures *
lookup_figures (GHashTable  *table,
                const gchar *key)
{
  Figures *figures = g_hash_table_lookup (table, key);

  if (figures == NULL)
    {
      figures = g_new0 (Figures, 1);
      figures->key = g_strdup (key);
      g_hash_table_insert (table, figures->key, figures);
    }
  return figures;
}

static gint
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Figures *x = *(Figures **) a, *y = *(Figures **) b;
  gsize lx = strlen (x->key), ly = strlen (y->key);

  /* Numbers (hours, party sizes) in numeric order. */
  return lx != ly && g_ascii_isdigit (x->key[0]) && g_ascii_isdigit (y->key[0]) ? (lx > ly) - (lx < ly)
                                                                                 : strcmp (x->key, y->key);
}

/* The figures of one kind of a rollup, by key, for both periods. */
static GPtrArray *
load_kind (RgDb                *db,
           const gchar         *sql,
           const RgReportRange *range,
           const gchar         *kind,
           guint                n_columns,
           GHashTable          *table,
           GError             **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);
  GPtrArray *sorted;
  GHashTableIter iter;
  gpointer value;
  int rc;

  if (stmt == NULL)
    return NULL;
  _rg_report_bind_range (stmt, range, range->prev_from, range->from, range->to);
  sqlite3_bind_text (stmt, 5, kind, -1, SQLITE_STATIC);
  _rg_report_bind_span (stmt, range);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Figures *figures = lookup_figures (table, (const gchar *) sqlite3_column_text (stmt, 1));
      gdouble *into = sqlite3_column_int (stmt, 0) ? figures->now : figures->before;

      for (guint i = 0; i < n_columns; i++)
        into[i] += sqlite3_column_double (stmt, 2 + (gint) i);
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading the %s figures of the report", kind);
      return NULL;
    }

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_keys);
  return sorted;
}

/* ---------------------------------------------------------------- service */

#define SERVICE_SQL \
  "SELECT day >= ?3, key, sum (visits), sum (covers), sum (revenue), sum (timed), sum (dine_ms) FROM " \
  RG_REPORT_SPAN ("rollup_service_day", "rollup_service_month", "key, visits, covers, revenue, timed, dine_ms", \
                  "kind = ?5 AND " RG_REPORT_BRANCHES) " GROUP BY 1, 2"

/* @tables: how many tables the row stands for (turnover is per table and day). */
static RgReportRow *
service_row (const Figures       *figures,
             const gchar         *label,
             const gchar         *group,
             gdouble              tables,
             const RgReportRange *range)
{
  RgReportRow *row = _rg_report_row_new (figures->key, label, group);
  const gdouble *both[2] = { figures->now, figures->before };

  for (guint i = 0; i < 2; i++)
    {
      void (*set) (RgReportRow *, RgMeasure, gdouble) = i == 0 ? _rg_report_row_set : _rg_report_row_set_previous;
      const gdouble *f = both[i];

      set (row, RG_MEASURE_VISITS, f[0]);
      set (row, RG_MEASURE_COVERS, f[1]);
      set (row, RG_MEASURE_REVENUE, f[2]);
      set (row, RG_MEASURE_SPEND_PER_COVER, _rg_report_ratio (f[2], f[1]));
      set (row, RG_MEASURE_DINE_MIN, _rg_report_ratio (f[4], f[3] * 60000.0));
      set (row, RG_MEASURE_TURNOVER, tables > 0 ? f[0] / (tables * range->days) : NAN);
    }
  return row;
}

static gboolean
add_service_section (RgDb                *db,
                     RgReport            *report,
                     const RgReportRange *range,
                     const gchar         *kind,
                     const gchar         *name,
                     const RgMeasure     *measures,
                     guint                n_measures,
                     GError             **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, figures_free);
  g_autoptr(GPtrArray) sorted = load_kind (db, SERVICE_SQL, range, kind, 5, table, error);
  GListStore *store;

  if (sorted == NULL)
    return FALSE;
  store = _rg_report_add_section (report, name, measures, n_measures);
  for (guint i = 0; i < sorted->len; i++)
    _rg_report_store_take (store, service_row (sorted->pdata[i], NULL, NULL, NAN, range));
  return TRUE;
}

RgReport *
_rg_report_service (RgDb                *db,
                    const RgReportRange *range,
                    GError             **error)
{
  static const RgMeasure table_measures[] = {
    RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_TURNOVER, RG_MEASURE_DINE_MIN, RG_MEASURE_REVENUE,
    RG_MEASURE_SPEND_PER_COVER,
  };
  static const RgMeasure hour_measures[] = {
    RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_DINE_MIN, RG_MEASURE_REVENUE,
  };
  static const RgMeasure party_measures[] = {
    RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE, RG_MEASURE_SPEND_PER_COVER,
    RG_MEASURE_DINE_MIN,
  };
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_SERVICE, range);
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, figures_free);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, figures_free);
  g_autoptr(GHashTable) zone_tables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) zone_of = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) zone_list = g_ptr_array_new ();
  GListStore *store;
  GHashTableIter iter;
  gpointer value;

  names = _rg_report_load_names (db, "SELECT id, name FROM dining_table", error);
  if (names == NULL)
    return NULL;
  zone_of = _rg_report_load_names (db,
      "SELECT t.id, coalesce (z.name, '') FROM dining_table t LEFT JOIN zone z ON z.id = t.zone_id", error);
  if (zone_of == NULL)
    return NULL;
  sorted = load_kind (db, SERVICE_SQL, range, "table", 5, tables, error);
  if (sorted == NULL)
    return NULL;

  /* Tables by name; their zones add up their figures and count them. */
  store = _rg_report_add_section (report, "tables", table_measures, G_N_ELEMENTS (table_measures));
  for (guint i = 0; i < sorted->len; i++)
    {
      Figures *t = sorted->pdata[i];
      const gchar *zone = g_hash_table_lookup (zone_of, t->key) ?: "";
      Figures *z = lookup_figures (zones, zone);

      _rg_report_store_take (store, service_row (t, g_hash_table_lookup (names, t->key), zone, 1, range));
      for (guint k = 0; k < 5; k++)
        {
          z->now[k] += t->now[k];
          z->before[k] += t->before[k];
        }
      g_hash_table_insert (zone_tables, z->key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (zone_tables, z->key)) + 1));
    }
  store = _rg_report_add_section (report, "zones", table_measures, G_N_ELEMENTS (table_measures));
  g_hash_table_iter_init (&iter, zones);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (zone_list, value);
  g_ptr_array_sort (zone_list, compare_keys);
  for (guint i = 0; i < zone_list->len; i++)
    {
      Figures *z = zone_list->pdata[i];

      _rg_report_store_take (store, service_row (z, NULL, NULL,
                                                 GPOINTER_TO_UINT (g_hash_table_lookup (zone_tables, z->key)),
                                                 range));
    }

  if (!add_service_section (db, report, range, "hour", "hours", hour_measures, G_N_ELEMENTS (hour_measures), error) ||
      !add_service_section (db, report, range, "party", "party", party_measures, G_N_ELEMENTS (party_measures), error))
    return NULL;
  return g_steal_pointer (&report);
}

/* --------------------------------------------------------------- feedback */

#define FEEDBACK_SQL \
  "SELECT day >= ?3, key, sum (ratings), sum (total) FROM " \
  RG_REPORT_SPAN ("rollup_feedback_day", "rollup_feedback_month", "key, ratings, total", \
                  "kind = ?5 AND " RG_REPORT_BRANCHES) " GROUP BY 1, 2"

static RgReportRow *
rating_row (const Figures *figures,
            const gchar   *label)
{
  RgReportRow *row = _rg_report_row_new (figures->key, label, NULL);

  _rg_report_row_set (row, RG_MEASURE_RATINGS, figures->now[0]);
  _rg_report_row_set_previous (row, RG_MEASURE_RATINGS, figures->before[0]);
  _rg_report_row_set (row, RG_MEASURE_RATING_AVG, _rg_report_ratio (figures->now[1], figures->now[0]));
  _rg_report_row_set_previous (row, RG_MEASURE_RATING_AVG, _rg_report_ratio (figures->before[1], figures->before[0]));
  return row;
}

static gint
compare_by_rating (gconstpointer a,
                   gconstpointer b)
{
  RgReportRow *x = *(RgReportRow **) a, *y = *(RgReportRow **) b;
  gdouble rx = rg_report_row_get_value (x, RG_MEASURE_RATING_AVG), ry = rg_report_row_get_value (y, RG_MEASURE_RATING_AVG);

  return rx < ry ? -1 : rx > ry ? 1 : strcmp (rg_report_row_get_key (x), rg_report_row_get_key (y));
}

static gboolean
add_ratings (RgDb                *db,
             RgReport            *report,
             const RgReportRange *range,
             const gchar         *kind,
             const gchar         *name,
             const gchar         *lowest,
             const gchar         *names_sql,
             GError             **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_RATINGS, RG_MEASURE_RATING_AVG };
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, figures_free);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) rated = g_ptr_array_new ();
  GListStore *store;

  if (names_sql != NULL && (names = _rg_report_load_names (db, names_sql, error)) == NULL)
    return FALSE;
  sorted = load_kind (db, FEEDBACK_SQL, range, kind, 2, table, error);
  if (sorted == NULL)
    return FALSE;
  store = _rg_report_add_section (report, name, measures, G_N_ELEMENTS (measures));
  for (guint i = 0; i < sorted->len; i++)
    {
      Figures *f = sorted->pdata[i];
      RgReportRow *row = rating_row (f, names != NULL ? g_hash_table_lookup (names, f->key) : NULL);

      if (f->now[0] >= MIN_RATINGS)
        g_ptr_array_add (rated, row);
      _rg_report_store_take (store, row);
    }
  if (lowest == NULL)
    return TRUE;

  g_ptr_array_sort (rated, compare_by_rating);
  store = _rg_report_add_section (report, lowest, measures, G_N_ELEMENTS (measures));
  for (guint i = 0; i < MIN (rated->len, range->limit); i++)
    g_list_store_append (store, rated->pdata[i]);
  return TRUE;
}

RgReport *
_rg_report_feedback (RgDb                *db,
                     const RgReportRange *range,
                     GError             **error)
{
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_FEEDBACK, range);

  if (!add_ratings (db, report, range, "aspect", "aspects", NULL, NULL, error) ||
      !add_ratings (db, report, range, "item", "dishes", "lowest-dishes", "SELECT id, name FROM menu_item", error) ||
      !add_ratings (db, report, range, "server", "servers", NULL, "SELECT id, name FROM staff", error) ||
      !add_ratings (db, report, range, "hour", "hours", NULL, NULL, error) ||
      !add_ratings (db, report, range, "table", "tables", "lowest-tables", "SELECT id, name FROM dining_table", error))
    return NULL;
  return g_steal_pointer (&report);
}
