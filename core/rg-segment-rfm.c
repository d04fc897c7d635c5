/* rg-segment-rfm.c — the RFM report: recency, frequency and monetary
 * scores by quintile, their named segments, and new against returning
 * visits (rollup_service_day).
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
      return g->visits[0] + g->visits[1];
    default:
      return g->spend[0] + g->spend[1];
    }
}

typedef struct
{
  gdouble         value;
  RgSegmentGuest *guest;
} Keyed;

static gint
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;

  return x->value < y->value ? -1 : x->value > y->value;
}

/* Quintile scores: a guest's score is 1 + 5 × (how many guests have less)
 * / all, so equal values score the same.  The values are taken once
 * before sorting: sorting is most of the report's time. */
static void
score_guests (GPtrArray *guests)
{
  g_autofree Keyed *order = g_new (Keyed, MAX (guests->len, 1));

  for (guint which = 0; which < 3; which++)
    {
      guint below = 0;

      for (guint i = 0; i < guests->len; i++)
        order[i] = (Keyed) { rfm_value (guests->pdata[i], which), guests->pdata[i] };
      qsort (order, guests->len, sizeof (Keyed), compare_keyed);
      for (guint i = 0; i < guests->len; i++)
        {
          if (i > 0 && order[i - 1].value < order[i].value)
            below = i;
          order[i].guest->score[which] = 1 + (gint) ((guint64) below * 5 / guests->len);
        }
    }
}

static gdouble
total_spend (const RgSegmentGuest *guest,
             gconstpointer         data)
{
  return guest->spend[0] + guest->spend[1];
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
      "SELECT day >= ?3, key, sum (visits), sum (covers), sum (revenue) FROM rollup_service_day "
      "WHERE kind = 'guest' AND " RG_REPORT_BRANCHES " AND day BETWEEN ?2 AND ?4 GROUP BY 1, 2", error);
  gdouble sums[2][3][3] = { { { 0 } } };
  GListStore *store;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, range->prev_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, range->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, range->to, -1, SQLITE_STATIC);
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
  g_autoptr(RgSegmentGuests) loaded = _rg_segment_load_guests (db, range, error);
  GPtrArray *guests;
  gdouble sums[RG_RFM_N_SEGMENTS][6] = { { 0 } };
  GListStore *store;

  if (loaded == NULL)
    return NULL;
  guests = loaded->list;
  score_guests (guests);

  store = _rg_report_add_section (report, "segments", segment_measures, G_N_ELEMENTS (segment_measures));
  for (guint i = 0; i < guests->len; i++)
    {
      const RgSegmentGuest *g = guests->pdata[i];
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

  _rg_segment_sort_by (guests, total_spend, NULL);
  store = _rg_report_add_section (report, "guests", guest_measures, G_N_ELEMENTS (guest_measures));
  for (guint i = 0; i < MIN (guests->len, range->limit); i++)
    {
      const RgSegmentGuest *g = guests->pdata[i];
      g_autofree gchar *name = _rg_segment_dup_guest_name (db, g->id, error);
      RgRfmSegment s = rg_rfm_segment_classify (g->score[0], g->score[1], g->score[2],
                                                (guint) (g->visits[0] + g->visits[1]));
      RgReportRow *row;

      if (name == NULL)
        return NULL;
      row = _rg_report_row_new (g->id, name, rg_rfm_segment_to_string (s));
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
