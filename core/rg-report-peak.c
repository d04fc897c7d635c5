/* rg-report-peak.c — the peak times report: a weekday × hour heatmap of
 * visits, covers and revenue from rollup_hour, and the busiest slots with
 * the rank they had in the period before.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rg-report-private.h"

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
_rg_report_peak (RgDb                 *db,
                 const RgReportRange  *range,
                 GError              **error)
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
  RgReportSums sums[2][7 * 24] = { { { 0 } } };
  RgReportSums totals[2] = { { 0 } };
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
  _rg_report_bind_range (stmt, range, range->prev_from, range->from, range->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint period = sqlite3_column_int (stmt, 0) ? 0 : 1;
      guint cell = (guint) sqlite3_column_int (stmt, 1) * 24 + (guint) sqlite3_column_int (stmt, 2);

      _rg_report_sums_add_row (&sums[period][cell], stmt, 3);
      _rg_report_sums_add_row (&totals[period], stmt, 3);
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

      _rg_report_row_set_sums (row, &sums[0][cell], &sums[1][cell]);
      _rg_report_row_set (row, RG_MEASURE_WEEKDAY, cell / 24 + 1);
      _rg_report_row_set (row, RG_MEASURE_HOUR, cell % 24);
      g_list_store_append (heatmap, row);
      g_ptr_array_add (cells, row);
    }

  /* The busiest slots, with the rank each had in the period before (none
   * for a slot without covers then: it did not rank). */
  g_ptr_array_sort (cells, compare_by_previous_covers);
  for (guint i = 0; i < cells->len; i++)
    _rg_report_row_set_previous (cells->pdata[i], RG_MEASURE_RANK,
                                 rg_report_row_get_previous (cells->pdata[i], RG_MEASURE_COVERS) > 0 ? i + 1 : NAN);
  g_ptr_array_sort (cells, compare_by_covers);
  busiest = _rg_report_add_section (report, "busiest", busiest_measures, G_N_ELEMENTS (busiest_measures));
  for (guint i = 0; i < cells->len; i++)
    _rg_report_row_set (cells->pdata[i], RG_MEASURE_RANK, i + 1);
  for (guint i = 0; i < MIN (cells->len, range->limit); i++)
    if (rg_report_row_get_value (cells->pdata[i], RG_MEASURE_COVERS) > 0)
      g_list_store_append (busiest, cells->pdata[i]);

  _rg_report_add_totals (report, totals);
  return g_steal_pointer (&report);
}

