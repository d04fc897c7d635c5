/* rg-segment-rfm.c — the RFM report: recency, frequency and monetary
 * scores by quintile, their named segments, and new against returning
 * visits (rollup_service_day and its month twin).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "rg-segment-private.h"

static gdouble
rfm_value (const RgSegmentGuest *g,
           guint                 which)
{
  switch (which)
    {
    case 0:
      return (gdouble) g->last_ms;
    case 1:
      return (gdouble) g->visits[0] + g->visits[1];
    default:
      return (gdouble) (g->spend[0] + g->spend[1]);
    }
}

/* Quintile scores: a guest's score is 1 + 5 × (how many guests have less)
 * / all, so equal values score the same.  The score is above k exactly
 * when the value is above the ceil (k × n / 5)-th smallest, so the four
 * thresholds are enough (found without sorting the guests). */
static void
score_guests (RgSegmentGuests *guests)
{
  g_autofree RgSegmentKey *keys = g_new (RgSegmentKey, MAX (guests->n, 1));
  guint n = guests->n, ranks[4];

  if (n == 0)
    return;
  for (guint k = 1; k <= 4; k++)
    ranks[k - 1] = (guint) (((guint64) k * n + 4) / 5) - 1;
  for (guint which = 0; which < 3; which++)
    {
      RgSegmentKey threshold[4];

      /* Negated values: the best keys are the smallest values. */
      for (guint i = 0; i < n; i++)
        keys[i] = (RgSegmentKey) { -rfm_value (&guests->guests[i], which), i };
      _rg_segment_keys_at (keys, n, ranks, 4, threshold);
      for (guint i = 0; i < n; i++)
        {
          gdouble value = rfm_value (&guests->guests[i], which);
          guint8 score = 1;

          for (guint k = 0; k < 4; k++)
            score += value > -threshold[k].value ? 1 : 0;
          guests->guests[i].score[which] = score;
        }
    }
}

static gboolean
add_visit_kinds (RgDb                 *db,
                 RgReport             *report,
                 const RgReportRange  *range,
                 GError              **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_VISITS, RG_MEASURE_COVERS, RG_MEASURE_REVENUE };
  static const gchar * const keys[3] = { "new", "returning", "walkin" };
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT day >= ?3, key, sum (visits), sum (covers), sum (revenue) FROM "
      RG_REPORT_SPAN ("rollup_service_day", "rollup_service_month", "key, visits, covers, revenue",
                      "kind = 'guest' AND " RG_REPORT_BRANCHES) " GROUP BY 1, 2", error);
  gdouble sums[2][3][3] = { { { 0 } } };
  GListStore *store;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _rg_report_bind_range (stmt, range, range->prev_from, range->from, range->to);
  _rg_report_bind_span (stmt, range);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint k = 0; k < 3; k++)
      if (g_strcmp0 ((const gchar *) sqlite3_column_text (stmt, 1), keys[k]) == 0)
        for (guint m = 0; m < 3; m++)
          sums[sqlite3_column_int (stmt, 0) ? 0 : 1][k][m] = sqlite3_column_double (stmt, 2 + (gint) m);
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the new and returning visits");

  store = _rg_report_add_section (report, "visits", measures, G_N_ELEMENTS (measures));
  for (guint k = 0; k < 3; k++)
    {
      RgReportRow *row = _rg_report_row_new (keys[k], NULL, NULL);

      for (guint m = 0; m < 3; m++)
        {
          _rg_report_row_set (row, measures[m], sums[0][k][m]);
          _rg_report_row_set_previous (row, measures[m], sums[1][k][m]);
        }
      _rg_report_store_take (store, row);
    }
  return TRUE;
}

RgReport *
_rg_segment_rfm (RgDb                 *db,
                 const RgReportRange  *range,
                 GError              **error)
{
  static const RgMeasure segment_measures[] = {
    RG_MEASURE_GUESTS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE, RG_MEASURE_R, RG_MEASURE_F, RG_MEASURE_M,
  };
  static const RgMeasure guest_measures[] = {
    RG_MEASURE_R, RG_MEASURE_F, RG_MEASURE_M, RG_MEASURE_DAYS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE,
  };
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_RFM, range);
  g_autoptr(RgSegmentGuests) guests = _rg_segment_load_guests (db, range, error);
  g_autofree RgSegmentKey *keys = NULL;
  guint shown;
  gdouble sums[RG_RFM_N_SEGMENTS][6] = { { 0 } };
  GListStore *store;

  if (guests == NULL)
    return NULL;
  score_guests (guests);

  store = _rg_report_add_section (report, "segments", segment_measures, G_N_ELEMENTS (segment_measures));
  for (guint i = 0; i < guests->n; i++)
    {
      const RgSegmentGuest *g = &guests->guests[i];
      RgRfmSegment s = rg_rfm_segment_classify (g->score[0], g->score[1], g->score[2],
                                                (guint) (g->visits[0] + g->visits[1]));

      sums[s][0] += 1;
      sums[s][1] += g->visits[0] + g->visits[1];
      sums[s][2] += g->spend[0] + g->spend[1];
      for (guint k = 0; k < 3; k++)
        sums[s][3 + k] += g->score[k];
    }
  for (guint s = 0; s < RG_RFM_N_SEGMENTS; s++)
    {
      RgReportRow *row = _rg_report_row_new (rg_rfm_segment_to_string (s), NULL, NULL);

      for (guint m = 0; m < G_N_ELEMENTS (segment_measures); m++)
        _rg_report_row_set (row, segment_measures[m], m < 3 ? sums[s][m] : _rg_report_ratio (sums[s][m], sums[s][0]));
      _rg_report_store_take (store, row);
    }

  /* The biggest spenders, found then sorted. */
  keys = g_new (RgSegmentKey, MAX (guests->n, 1));
  for (guint i = 0; i < guests->n; i++)
    keys[i] = (RgSegmentKey) { (gdouble) (guests->guests[i].spend[0] + guests->guests[i].spend[1]), i };
  shown = MIN (guests->n, range->limit);
  _rg_segment_take_top (keys, guests->n, shown);
  store = _rg_report_add_section (report, "guests", guest_measures, G_N_ELEMENTS (guest_measures));
  _rg_report_mark_guests (report, "guests");
  for (guint i = 0; i < shown; i++)
    {
      const RgSegmentGuest *g = &guests->guests[keys[i].index];
      g_autofree gchar *id = NULL;
      g_autofree gchar *name = _rg_segment_dup_numbered (db, g->number, &id, error);
      RgRfmSegment s = rg_rfm_segment_classify (g->score[0], g->score[1], g->score[2],
                                                (guint) (g->visits[0] + g->visits[1]));
      RgReportRow *row;

      if (name == NULL)
        return NULL;
      row = _rg_report_row_new (id, name, rg_rfm_segment_to_string (s));
      for (guint k = 0; k < 3; k++)
        _rg_report_row_set (row, RG_MEASURE_R + k, g->score[k]);
      _rg_report_row_set (row, RG_MEASURE_DAYS, (gdouble) ((range->end_ms - g->last_ms) / RG_DAY_MS));
      _rg_report_row_set (row, RG_MEASURE_VISITS, g->visits[0] + g->visits[1]);
      _rg_report_row_set (row, RG_MEASURE_REVENUE, g->spend[0] + g->spend[1]);
      _rg_report_store_take (store, row);
    }
  if (!add_visit_kinds (db, report, range, error))
    return NULL;
  return g_steal_pointer (&report);
}
