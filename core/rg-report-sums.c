/* rg-report-sums.c — the sums of visits, covers, revenue and cost that the
 * peak, dish and revenue reports share, and their totals section.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-report-private.h"

void
_rg_report_sums_add_row (RgReportSums *sums,
                         sqlite3_stmt *stmt,
                         gint          first)
{
  sums->visits += sqlite3_column_double (stmt, first);
  sums->covers += sqlite3_column_double (stmt, first + 1);
  sums->revenue += sqlite3_column_double (stmt, first + 2);
  sums->cost += sqlite3_column_double (stmt, first + 3);
}

void
_rg_report_row_set_sums (RgReportRow        *row,
                         const RgReportSums *now,
                         const RgReportSums *before)
{
  const RgReportSums *both[2] = { now, before };

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

void
_rg_report_bind_range (sqlite3_stmt        *stmt,
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

void
_rg_report_bind_span (sqlite3_stmt        *stmt,
                      const RgReportRange *range)
{
  const RgReportSpan *span = &range->span;
  const gchar *texts[7] = {
    span->lead_last, span->cut_first, span->cut_last, span->tail_first,
    span->month_first, span->month_last, span->month_cut,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    sqlite3_bind_text (stmt, 6 + (gint) i, texts[i], -1, SQLITE_STATIC);
}

/* Visits, covers, revenue, cost of the period [0] and the period before [1]. */
gboolean
_rg_report_load_totals (RgDb                 *db,
                        const RgReportRange  *range,
                        RgReportSums          totals[2],
                        GError              **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT day >= ?3, sum (visits), sum (covers), sum (revenue), sum (cost) FROM rollup_hour "
      "WHERE " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?4 GROUP BY 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  memset (totals, 0, 2 * sizeof (RgReportSums));
  _rg_report_bind_range (stmt, range, range->prev_from, range->from, range->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _rg_report_sums_add_row (&totals[sqlite3_column_int (stmt, 0) ? 0 : 1], stmt, 1);
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "adding up the visits of the report");
  return TRUE;
}

void
_rg_report_add_totals (RgReport           *report,
                       const RgReportSums  totals[2])
{
  static const RgMeasure measures[] = {
    RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE, RG_MEASURE_COST,
    RG_MEASURE_MARGIN, RG_MEASURE_MARGIN_PCT,
  };
  GListStore *store = _rg_report_add_section (report, "totals", measures, G_N_ELEMENTS (measures));
  RgReportRow *row = _rg_report_row_new ("total", NULL, NULL);

  _rg_report_row_set_sums (row, &totals[0], &totals[1]);
  _rg_report_store_take (store, row);
}

