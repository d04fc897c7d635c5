/* rg-segment.c — guest segments: the rules (tier sizes, RFM segment
 * names), loading what guests spent per month, and the tier pyramid with
 * tier moves and the top guests.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tiers and RFM read rollup_guest_pack (whole months, see rg-report.h),
 * summed per guest into an array, and rank by selection rather than by
 * sorting every guest.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-rollup-guest.h"
#include "rg-segment-private.h"

static const gchar * const segment_names[RG_RFM_N_SEGMENTS] = {
  "champions", "loyal", "new", "promising", "at_risk", "hibernating",
};

static const gchar * const tier_names[RG_TIER_N] = { "top1", "next4", "next15", "rest80" };

/* How many of @n_guests ranked guests are in tiers 1 to @tier (below
 * %RG_TIER_N): 1%, 5% and 20% of them, rounded up. */
static guint
tier_bound (guint tier,
            guint n_guests)
{
  static const guint64 percent[RG_TIER_N - 1] = { 1, 5, 20 };

  return (guint) (((guint64) n_guests * percent[tier - 1] + 99) / 100);
}

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
  for (guint t = 1; t < RG_TIER_N; t++)
    if (rank < tier_bound (t, n_guests))
      return t;
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

void
_rg_segment_guests_free (RgSegmentGuests *guests)
{
  g_free (guests->guests);
  g_free (guests);
}

/* The guest of @number in @loaded, added on first sight; @slots maps a
 * number to its index + 1. */
static RgSegmentGuest *
guest_of_number (GArray  *loaded,
                 GArray  *slots,
                 guint32  number)
{
  guint32 *slot;

  if (number >= slots->len)
    g_array_set_size (slots, MAX (number + 1, slots->len * 2));
  slot = &g_array_index (slots, guint32, number);
  if (*slot == 0)
    {
      RgSegmentGuest guest = { .number = number };

      g_array_append_val (loaded, guest);
      *slot = loaded->len;
    }
  return &g_array_index (loaded, RgSegmentGuest, *slot - 1);
}

RgSegmentGuests *
_rg_segment_load_guests (RgDb                 *db,
                         const RgReportRange  *range,
                         GError              **error)
{
  g_autoptr(RgStmt) count = NULL;
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GArray) loaded = NULL;
  g_autoptr(GArray) slots = NULL;
  RgSegmentGuests *guests;
  guint numbers;
  int rc;

  if (!rg_rollup_guest_ensure (db, error))
    return NULL;
  count = rg_db_prepare (db, "SELECT coalesce (max (number), 0) + 1 FROM rollup_guest_number", error);
  if (count == NULL)
    return NULL;
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      rg_db_set_error (db, error, "counting the guests of the reports");
      return NULL;
    }
  numbers = (guint) sqlite3_column_int64 (count, 0);
  loaded = g_array_sized_new (FALSE, TRUE, sizeof (RgSegmentGuest), numbers);
  slots = g_array_sized_new (FALSE, TRUE, sizeof (guint32), numbers);
  g_array_set_size (slots, numbers);

  /* Chunk by chunk, every month of a chunk together: the guests summed
   * stay in the processor's cache. */
  stmt = rg_db_prepare (db,
      "SELECT month >= ?3, guests, chunk FROM rollup_guest_pack INDEXED BY rollup_guest_pack_chunk "
      "WHERE " RG_REPORT_BRANCHES " AND month BETWEEN ?2 AND ?4 ORDER BY chunk", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, range->query->branch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, range->prev_from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, range->from_month, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, range->to_month, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint p = sqlite3_column_int (stmt, 0) ? 0 : 1;
      RgRollupGuestReader reader;
      RgRollupGuestEntry entry;

      if (!rg_rollup_guest_reader_init (&reader, sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1),
                                        sqlite3_column_int64 (stmt, 2)))
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "the guest figures of the reports are damaged: rebuild the report rollups (regulars-cli rollups rebuild)");
          return NULL;
        }
      while (rg_rollup_guest_reader_next (&reader, &entry))
        {
          RgSegmentGuest *guest = guest_of_number (loaded, slots, entry.number);

          guest->visits[p] += entry.visits;
          guest->spend[p] += entry.spend;
          guest->cost[p] += entry.cost;
          guest->last_ms = MAX (guest->last_ms, entry.last_ms);
        }
    }
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading what the guests spent");
      return NULL;
    }
  guests = g_new (RgSegmentGuests, 1);
  guests->n = loaded->len;
  guests->guests = (RgSegmentGuest *) g_array_free (g_steal_pointer (&loaded), FALSE);
  return guests;
}

/* ------------------------------------------------------------ selection */

static gboolean
key_before (const RgSegmentKey *a,
            const RgSegmentKey *b)
{
  return a->value > b->value || (a->value == b->value && a->index < b->index);
}

static void
swap_keys (RgSegmentKey *a,
           RgSegmentKey *b)
{
  RgSegmentKey t = *a;

  *a = *b;
  *b = t;
}

/* Puts the (k+1)-th best of @n keys at @k, the better ones before it and
 * the others after (nothing when @k >= @n). */
static void
select_keys (RgSegmentKey *keys,
             guint         n,
             guint         k)
{
  gint64 lo = 0, hi = (gint64) n - 1;

  /* Quickselect with Hoare's partition around the median of the first,
   * middle and last keys: the (k+1)-th best is in [lo, hi].  Keys are
   * all different (their indexes are), so the scans stop inside. */
  while (k < n && lo < hi)
    {
      gint64 mid = lo + (hi - lo) / 2, i = lo, j = hi;
      RgSegmentKey pivot;

      if (key_before (&keys[mid], &keys[lo]))
        swap_keys (&keys[mid], &keys[lo]);
      if (key_before (&keys[hi], &keys[lo]))
        swap_keys (&keys[hi], &keys[lo]);
      if (key_before (&keys[hi], &keys[mid]))
        swap_keys (&keys[hi], &keys[mid]);
      pivot = keys[mid];
      for (;;)
        {
          while (key_before (&keys[i], &pivot))
            i++;
          while (key_before (&pivot, &keys[j]))
            j--;
          if (i >= j)
            break;
          swap_keys (&keys[i++], &keys[j--]);
        }
      /* [lo, j] come before or are the pivot, (j, hi] after. */
      if ((gint64) k <= j)
        hi = j;
      else
        lo = j + 1;
    }
}

static gint
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return key_before (a, b) ? -1 : key_before (b, a) ? 1 : 0;
}

/* Buckets of keys_at(): values spread linearly between the highest and
 * the lowest. */
#define N_BUCKETS 4096

void
_rg_segment_keys_at (const RgSegmentKey *keys,
                     guint               n,
                     const guint        *ranks,
                     guint               n_ranks,
                     RgSegmentKey       *found)
{
  g_autofree guint *count = g_new0 (guint, N_BUCKETS);
  g_autofree guint *before = g_new (guint, N_BUCKETS);
  g_autofree guint *offset = g_new0 (guint, N_BUCKETS);
  g_autofree guint16 *bucket_of = g_new (guint16, MAX (n, 1));
  g_autofree RgSegmentKey *candidates = NULL;
  guint wanted = 0;
  gdouble high = -G_MAXDOUBLE, low = G_MAXDOUBLE, scale;

  /* The keys are counted by bucket (the best first); only the keys of the
   * buckets holding a rank asked for are gathered, each bucket's
   * together, and selected among. */
  for (guint i = 0; i < n; i++)
    {
      high = MAX (high, keys[i].value);
      low = MIN (low, keys[i].value);
    }
  scale = high > low ? (N_BUCKETS - 1) / (high - low) : 0;
  for (guint i = 0; i < n; i++)
    {
      bucket_of[i] = (guint16) MIN ((high - keys[i].value) * scale, N_BUCKETS - 1);
      count[bucket_of[i]]++;
    }
  for (guint b = 0, sum = 0; b < N_BUCKETS; b++)
    {
      before[b] = sum;
      sum += count[b];
    }
  for (guint r = 0; r < n_ranks; r++)
    {
      guint b = 0;

      g_return_if_fail (ranks[r] < n);
      while (before[b] + count[b] <= ranks[r])
        b++;
      if (offset[b] == 0)
        {
          wanted += count[b];
          offset[b] = wanted;   /* the end of its candidates, for now */
        }
    }
  candidates = g_new (RgSegmentKey, MAX (wanted, 1));
  for (guint b = 0; b < N_BUCKETS; b++)
    if (offset[b] != 0)
      offset[b] -= count[b] - 1;   /* its start + 1; 0 stays "not wanted" */
  for (guint i = 0; i < n; i++)
    if (offset[bucket_of[i]] != 0)
      candidates[offset[bucket_of[i]]++ - 1] = keys[i];
  for (guint r = 0; r < n_ranks; r++)
    {
      guint b = 0, start;

      while (before[b] + count[b] <= ranks[r])
        b++;
      /* offset[b] is now the end of the bucket's candidates + 1. */
      start = offset[b] - 1 - count[b];
      select_keys (candidates + start, count[b], ranks[r] - before[b]);
      found[r] = candidates[start + ranks[r] - before[b]];
    }
}

void
_rg_segment_take_top (RgSegmentKey *keys,
                      guint         n,
                      guint         shown)
{
  RgSegmentKey last;
  guint rank, kept = 0;

  if (shown == 0)
    return;
  rank = shown - 1;
  _rg_segment_keys_at (keys, n, &rank, 1, &last);
  for (guint i = 0; i < n; i++)
    if (!key_before (&last, &keys[i]))
      swap_keys (&keys[i], &keys[kept++]);
  qsort (keys, shown, sizeof (RgSegmentKey), compare_keys);
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

gchar *
_rg_segment_dup_numbered (RgDb         *db,
                          guint         number,
                          gchar       **id,
                          GError      **error)
{
  *id = rg_rollup_guest_dup_id (db, number, error);
  return *id != NULL ? _rg_segment_dup_guest_name (db, *id, error) : NULL;
}

/* ---------------------------------------------------------------- tiers */

static gdouble
guest_value (const RgSegmentGuest *guest,
             guint                 period,
             gboolean              by_profit)
{
  return by_profit ? guest->spend[period] - guest->cost[period] : guest->spend[period];
}

/* Sets the tier of the guests active in @period: the keys at the ranks
 * where tiers end are found through buckets of values (the tiers need no
 * order); returns their keys, *@n_active of them. */
static RgSegmentKey *
rank_period (RgSegmentGuests *guests,
             guint            period,
             gboolean         by_profit,
             guint           *n_active)
{
  RgSegmentKey *keys = g_new (RgSegmentKey, MAX (guests->n, 1));
  RgSegmentKey last[RG_TIER_N - 1];
  guint n = 0, ranks[RG_TIER_N - 1];

  for (guint i = 0; i < guests->n; i++)
    if (guests->guests[i].visits[period] > 0)
      keys[n++] = (RgSegmentKey) { guest_value (&guests->guests[i], period, by_profit), i };
  *n_active = n;
  if (n == 0)
    return keys;
  for (guint t = 1; t < RG_TIER_N; t++)
    ranks[t - 1] = tier_bound (t, n) - 1;
  _rg_segment_keys_at (keys, n, ranks, RG_TIER_N - 1, last);
  for (guint i = 0; i < n; i++)
    {
      guint tier = 1;

      while (tier < RG_TIER_N && key_before (&last[tier - 1], &keys[i]))
        tier++;
      guests->guests[keys[i].index].tier[period] = (guint8) tier;
    }
  return keys;
}

static void
add_tier_rows (RgReport        *report,
               RgSegmentGuests *guests,
               gboolean         by_profit)
{
  static const RgMeasure measures[] = {
    RG_MEASURE_GUESTS, RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_SHARE_PCT, RG_MEASURE_MIN_VALUE,
    RG_MEASURE_VISITS,
  };
  static const gchar * const labels[RG_TIER_N] = { "top 1%", "next 4%", "next 15%", "other 80%" };
  GListStore *store = _rg_report_add_section (report, "tiers", measures, G_N_ELEMENTS (measures));
  gdouble sums[2][RG_TIER_N][5] = { { { 0 } } };   /* guests, spend, margin, visits, min value */
  gdouble total[2] = { 0, 0 };

  for (guint i = 0; i < guests->n; i++)
    for (guint p = 0; p < 2; p++)
      {
        const RgSegmentGuest *g = &guests->guests[i];
        gdouble value = guest_value (g, p, by_profit), *s;

        if (g->tier[p] == 0)
          continue;
        s = sums[p][g->tier[p] - 1];
        s[4] = s[0] > 0 ? MIN (s[4], value) : value;
        s[0] += 1;
        s[1] += g->spend[p];
        s[2] += g->spend[p] - g->cost[p];
        s[3] += g->visits[p];
        total[p] += value;
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
add_moves (RgReport        *report,
           RgSegmentGuests *guests)
{
  static const RgMeasure measures[] = { RG_MEASURE_GUESTS };
  static const gchar * const keys[5] = { "up", "down", "same", "joined", "left" };
  GListStore *store = _rg_report_add_section (report, "moves", measures, G_N_ELEMENTS (measures));
  guint counts[5] = { 0 };

  for (guint i = 0; i < guests->n; i++)
    {
      const RgSegmentGuest *g = &guests->guests[i];

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

/* The best guests of the period, best first; @keys are those of
 * rank_period(). */
static gboolean
add_top (RgDb                 *db,
         RgReport             *report,
         const RgReportRange  *range,
         RgSegmentGuests      *guests,
         RgSegmentKey         *keys,
         guint                 n_keys,
         GError              **error)
{
  static const RgMeasure measures[] = {
    RG_MEASURE_TIER, RG_MEASURE_REVENUE, RG_MEASURE_MARGIN, RG_MEASURE_VISITS, RG_MEASURE_DAYS,
  };
  GListStore *store = _rg_report_add_section (report, "top", measures, G_N_ELEMENTS (measures));
  guint shown = MIN (n_keys, range->limit);

  _rg_report_mark_guests (report, "top");
  _rg_segment_take_top (keys, n_keys, shown);
  for (guint i = 0; i < shown; i++)
    {
      const RgSegmentGuest *g = &guests->guests[keys[i].index];
      g_autofree gchar *id = NULL;
      g_autofree gchar *name = _rg_segment_dup_numbered (db, g->number, &id, error);
      RgReportRow *row;

      if (name == NULL)
        return FALSE;
      row = _rg_report_row_new (id, name, rg_segment_tier_to_string (g->tier[0]));
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
  g_autofree RgSegmentKey *now = NULL;
  g_autofree RgSegmentKey *before = NULL;
  guint n_now, n_before;

  if (guests == NULL)
    return NULL;
  now = rank_period (guests, 0, range->query->by_profit, &n_now);
  before = rank_period (guests, 1, range->query->by_profit, &n_before);
  add_tier_rows (report, guests, range->query->by_profit);
  add_moves (report, guests);
  if (!add_top (db, report, range, guests, now, n_now, error) ||
      !_rg_segment_add_lists (db, report, range, n_now, error))
    return NULL;
  return g_steal_pointer (&report);
}
