/* rg-report-revenue.c — revenue over time: days, ISO weeks and months of the
 * period beside the same days a year before, month on month, from
 * rollup_hour.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-report-private.h"

/* "YYYY-MM-DD" → sums of that day, over a year and a month before the
 * period up to its end. */
static GHashTable *
load_days (RgDb                 *db,
           const RgReportRange  *range,
           const gchar          *first,
           GError              **error)
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
      RgReportSums *sums = g_new0 (RgReportSums, 1);

      _rg_report_sums_add_row (sums, stmt, 1);
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
sum_days (GHashTable   *days,
          const gchar  *first,
          const gchar  *last,
          RgReportSums *out)
{
  gchar day[11];

  memset (out, 0, sizeof *out);
  memcpy (day, first, sizeof day);
  while (strcmp (day, last) <= 0)
    {
      RgReportSums *sums = g_hash_table_lookup (days, day);

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
  RgReportSums now, before;

  sum_days (days, first, last, &now);
  _rg_report_day_add (first, -back, prev_first);
  _rg_report_day_add (last, -back, prev_last);
  sum_days (days, prev_first, prev_last, &before);
  _rg_report_row_set_sums (row, &now, &before);
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
_rg_report_revenue (RgDb                 *db,
                    const RgReportRange  *range,
                    GError              **error)
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
  RgReportSums totals[2];

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
      RgReportSums now, month_before;

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
  _rg_report_add_totals (report, totals);
  return g_steal_pointer (&report);
}

