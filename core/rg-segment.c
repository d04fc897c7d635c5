/* rg-segment.c — guest segments: the rules (tier sizes, RFM segment
 * names), loading what guests spent per month, and the tier pyramid with
 * tier moves and the top guests.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tiers and RFM read rollup_guest_month (whole months, see rg-report.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-segment-private.h"

static const gchar * const segment_names[RG_RFM_N_SEGMENTS] = {
  "champions", "loyal", "new", "promising", "at_risk", "hibernating",
};

static const gchar * const tier_names[RG_TIER_N] = { "top1", "next4", "next15", "rest80" };

/* ---------------------------------------------------------- public API */

/**
 * rg_rfm_segment_to_string:
 * @segment: a segment
 *
 * Returns: (transfer none): its key: "champions", "loyal", "new",
 *   "promising", "at_risk" or "hibernating".
 */
const gchar *
rg_rfm_segment_to_string (RgRfmSegment segment)
{
  g_return_val_if_fail ((guint) segment < RG_RFM_N_SEGMENTS, NULL);
  return segment_names[segment];
}

/**
 * rg_rfm_segment_classify:
 * @r: recency score, 1 to 5
 * @f: frequency score, 1 to 5
 * @m: monetary score, 1 to 5
 * @visits: the guest's visits in the two periods
 *
 * Names the segment of a guest's scores; the first rule that holds wins,
 * in the order of #RgRfmSegment.
 *
 * Returns: the segment.
 */
RgRfmSegment
rg_rfm_segment_classify (gint  r,
                         gint  f,
                         gint  m,
                         guint visits)
{
  if (r >= 4 && f >= 4 && m >= 4)
    return RG_RFM_CHAMPIONS;
  if (f >= 4 && r >= 3)
    return RG_RFM_LOYAL;
  if (visits == 1 && r >= 4)
    return RG_RFM_NEW;
  if (r >= 3)
    return RG_RFM_PROMISING;
  if (f >= 3 || m >= 3)
    return RG_RFM_AT_RISK;
  return RG_RFM_HIBERNATING;
}

/**
 * rg_segment_tier_of_rank:
 * @rank: a guest's place, 0 for the best
 * @n_guests: how many active guests there are (more than @rank)
 *
 * Returns: the guest's tier, 1 to %RG_TIER_N.
 */
guint
rg_segment_tier_of_rank (guint rank,
                         guint n_guests)
{
  static const guint64 percent[RG_TIER_N - 1] = { 1, 5, 20 };

  for (guint t = 0; t < RG_TIER_N - 1; t++)
    if (rank < ((guint64) n_guests * percent[t] + 99) / 100)
      return t + 1;
  return RG_TIER_N;
}

/**
 * rg_segment_tier_to_string:
 * @tier: 1 to %RG_TIER_N
 *
 * Returns: (transfer none): its key: "top1", "next4", "next15", "rest80".
 */
const gchar *
rg_segment_tier_to_string (guint tier)
{
  g_return_val_if_fail (tier >= 1 && tier <= RG_TIER_N, NULL);
  return tier_names[tier - 1];
}

/* -------------------------------------------------------------- loading */

#define BLOCK 4096

void
_rg_segment_guests_free (RgSegmentGuests *guests)
{
  g_ptr_array_unref (guests->list);
  g_ptr_array_unref (guests->blocks);
  g_string_chunk_free (guests->ids);
  g_free (guests);
}

RgSegmentGuests *
_rg_segment_load_guests (RgDb                 *db,
                         const RgReportRange  *range,
                         GError              **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT month >= ?3, guest_id, visits, spend, cost, last_ms FROM rollup_guest_month "
      "WHERE " RG_REPORT_BRANCHES " AND month BETWEEN ?2 AND ?4", error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RgSegmentGuests) guests = g_new0 (RgSegmentGuests, 1);
  RgSegmentGuest *block = NULL;
  int rc;

  guests->list = g_ptr_array_new ();
  guests->blocks = g_ptr_array_new_with_free_func (g_free);
  guests->ids = g_string_chunk_new (BLOCK * 37);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, range->prev_from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, range->from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, range->to_month, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *id = (const gchar *) sqlite3_column_text (stmt, 1);
      guint p = sqlite3_column_int (stmt, 0) ? 0 : 1;
      RgSegmentGuest *guest = g_hash_table_lookup (by_id, id);

      if (guest == NULL)
        {
          if (guests->list->len % BLOCK == 0)
            g_ptr_array_add (guests->blocks, block = g_new0 (RgSegmentGuest, BLOCK));
          guest = &block[guests->list->len % BLOCK];
          guest->id = g_string_chunk_insert (guests->ids, id);
          g_hash_table_insert (by_id, guest->id, guest);
          g_ptr_array_add (guests->list, guest);
        }
      guest->visits[p] += sqlite3_column_double (stmt, 2);
      guest->spend[p] += sqlite3_column_double (stmt, 3);
      guest->cost[p] += sqlite3_column_double (stmt, 4);
      guest->last_ms = MAX (guest->last_ms, sqlite3_column_int64 (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading what the guests spent");
      return NULL;
    }
  return g_steal_pointer (&guests);
}

typedef struct
{
  gdouble         value;
  guint           index;
  RgSegmentGuest *guest;
} Keyed;

/* Highest first; equal values keep the order they were loaded in (the
 * rollup's key order), which is cheaper than comparing ids and as stable
 * from run to run. */
static gint
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;

  return x->value < y->value ? 1 : x->value > y->value ? -1 : (x->index > y->index) - (x->index < y->index);
}

void
_rg_segment_sort_by (GPtrArray      *list,
                     gdouble       (*value) (const RgSegmentGuest *guest, gconstpointer data),
                     gconstpointer   data)
{
  g_autofree Keyed *keyed = g_new (Keyed, MAX (list->len, 1));

  for (guint i = 0; i < list->len; i++)
    keyed[i] = (Keyed) { value (list->pdata[i], data), i, list->pdata[i] };
  qsort (keyed, list->len, sizeof (Keyed), compare_keyed);
  for (guint i = 0; i < list->len; i++)
    list->pdata[i] = keyed[i].guest;
}

gchar *
_rg_segment_dup_guest_name (RgDb         *db,
                            const gchar  *guest_id,
                            GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT name FROM guest WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, guest_id, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
    case SQLITE_DONE:
      return g_strdup (guest_id);
    default:
      rg_db_set_error (db, error, "reading the name of a guest");
      return NULL;
    }
}

/* ---------------------------------------------------------------- tiers */

typedef struct
{
  guint    period;
  gboolean by_profit;
} RankOrder;

static gdouble
guest_value (const RgSegmentGuest *guest,
             guint                 period,
             gboolean              by_profit)
{
  return by_profit ? guest->spend[period] - guest->cost[period] : guest->spend[period];
}

static gdouble
ranked_value (const RgSegmentGuest *guest,
              gconstpointer         data)
{
  const RankOrder *order = data;

  return guest_value (guest, order->period, order->by_profit);
}

/* Ranks the guests active in @period and sets their tier; returns them
 * best first. */
static GPtrArray *
rank_period (GPtrArray *guests,
             guint      period,
             gboolean   by_profit)
{
  GPtrArray *active = g_ptr_array_new ();
  RankOrder order = { period, by_profit };

  for (guint i = 0; i < guests->len; i++)
    if (((RgSegmentGuest *) guests->pdata[i])->visits[period] > 0)
      g_ptr_array_add (active, guests->pdata[i]);
  _rg_segment_sort_by (active, ranked_value, &order);
  for (guint i = 0; i < active->len; i++)
    ((RgSegmentGuest *) active->pdata[i])->tier[period] = rg_segment_tier_of_rank (i, active->len);
  return active;
}

static void
add_tier_rows (RgReport  *report,
               GPtrArray *ranked[2],
               gboolean   by_profit)
{
  static const RgMeasure measures[] = {
    RG_MEASURE_GUESTS, RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_SHARE_PCT, RG_MEASURE_MIN_VALUE,
    RG_MEASURE_VISITS,
  };
  static const gchar * const labels[RG_TIER_N] = { "top 1%", "next 4%", "next 15%", "other 80%" };
  GListStore *store = _rg_report_add_section (report, "tiers", measures, G_N_ELEMENTS (measures));
  gdouble sums[2][RG_TIER_N][5] = { { { 0 } } };   /* guests, spend, margin, visits, min value */
  gdouble total[2] = { 0, 0 };

  for (guint p = 0; p < 2; p++)
    for (guint i = 0; i < ranked[p]->len; i++)
      {
        RgSegmentGuest *g = ranked[p]->pdata[i];
        gdouble *s = sums[p][g->tier[p] - 1];

        s[0] += 1;
        s[1] += g->spend[p];
        s[2] += g->spend[p] - g->cost[p];
        s[3] += g->visits[p];
        s[4] = guest_value (g, p, by_profit);   /* best first: the last is the lowest */
        total[p] += guest_value (g, p, by_profit);
      }

  for (guint t = 0; t < RG_TIER_N; t++)
    {
      RgReportRow *row = _rg_report_row_new (tier_names[t], labels[t], NULL);

      for (guint p = 0; p < 2; p++)
        {
          void (*set) (RgReportRow *, RgMeasure, gdouble) = p == 0 ? _rg_report_row_set : _rg_report_row_set_previous;
          const gdouble *s = sums[p][t];

          set (row, RG_MEASURE_GUESTS, s[0]);
          set (row, RG_MEASURE_REVENUE, s[1]);
          set (row, RG_MEASURE_MARGIN, s[2]);
          set (row, RG_MEASURE_SHARE_PCT, _rg_report_pct (by_profit ? s[2] : s[1], total[p]));
          set (row, RG_MEASURE_MIN_VALUE, s[0] > 0 ? s[4] : NAN);
          set (row, RG_MEASURE_VISITS, s[3]);
        }
      _rg_report_store_take (store, row);
    }
}

static void
add_moves (RgReport  *report,
           GPtrArray *guests)
{
  static const RgMeasure measures[] = { RG_MEASURE_GUESTS };
  static const gchar * const keys[5] = { "up", "down", "same", "joined", "left" };
  GListStore *store = _rg_report_add_section (report, "moves", measures, G_N_ELEMENTS (measures));
  guint counts[5] = { 0 };

  for (guint i = 0; i < guests->len; i++)
    {
      const RgSegmentGuest *g = guests->pdata[i];

      if (g->tier[0] != 0 && g->tier[1] != 0)
        counts[g->tier[0] < g->tier[1] ? 0 : g->tier[0] > g->tier[1] ? 1 : 2]++;
      else
        counts[g->tier[0] != 0 ? 3 : 4]++;
    }
  for (guint k = 0; k < 5; k++)
    {
      RgReportRow *row = _rg_report_row_new (keys[k], NULL, NULL);

      _rg_report_row_set (row, RG_MEASURE_GUESTS, counts[k]);
      _rg_report_store_take (store, row);
    }
}

static gboolean
add_top (RgDb                *db,
         RgReport            *report,
         const RgReportRange *range,
         GPtrArray           *ranked)
{
  static const RgMeasure measures[] = {
    RG_MEASURE_TIER, RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_VISITS, RG_MEASURE_DAYS,
  };
  GListStore *store = _rg_report_add_section (report, "top", measures, G_N_ELEMENTS (measures));

  for (guint i = 0; i < MIN (ranked->len, range->limit); i++)
    {
      const RgSegmentGuest *g = ranked->pdata[i];
      g_autofree gchar *name = _rg_segment_dup_guest_name (db, g->id, NULL);
      RgReportRow *row = _rg_report_row_new (g->id, name, rg_segment_tier_to_string (g->tier[0]));

      _rg_report_row_set (row, RG_MEASURE_TIER, g->tier[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_TIER, g->tier[1] != 0 ? g->tier[1] : NAN);
      _rg_report_row_set (row, RG_MEASURE_REVENUE, g->spend[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_REVENUE, g->spend[1]);
      _rg_report_row_set (row, RG_MEASURE_MARGIN, g->spend[0] - g->cost[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_MARGIN, g->spend[1] - g->cost[1]);
      _rg_report_row_set (row, RG_MEASURE_VISITS, g->visits[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_VISITS, g->visits[1]);
      _rg_report_row_set (row, RG_MEASURE_DAYS, (gdouble) ((range->end_ms - g->last_ms) / RG_DAY_MS));
      _rg_report_store_take (store, row);
    }
  return TRUE;
}

RgReport *
_rg_segment_tiers (RgDb                 *db,
                   const RgReportRange  *range,
                   GError              **error)
{
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_TIERS, range);
  g_autoptr(RgSegmentGuests) guests = _rg_segment_load_guests (db, range, error);
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) before = NULL;
  GPtrArray *ranked[2];

  if (guests == NULL)
    return NULL;
  now = rank_period (guests->list, 0, range->query->by_profit);
  before = rank_period (guests->list, 1, range->query->by_profit);
  ranked[0] = now;
  ranked[1] = before;
  add_tier_rows (report, ranked, range->query->by_profit);
  add_moves (report, guests->list);
  if (!add_top (db, report, range, now) || !_rg_segment_add_lists (db, report, range, now->len, error))
    return NULL;
  return g_steal_pointer (&report);
}
