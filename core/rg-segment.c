/* rg-segment.c — the guest reports: the tier pyramid and tier moves, RFM
 * segments, new against returning visits, and the guest lists (inactive,
 * enrolled but never came, lapsed regulars, coming birthdays and
 * anniversaries).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tiers and RFM read rollup_guest_month (whole months, see rg-report.h).
 * The guest lists read local_guest_stats and the guest indexes of schema
 * version 6; guests are shared by every branch, so the lists are too.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-report-private.h"
#include "rg-segment.h"

#define DAY_MS G_GINT64_CONSTANT (86400000)

typedef struct
{
  gchar   *id;
  gdouble  visits[2], spend[2], cost[2];   /* [0] the period, [1] the one before */
  gint64   last_ms;
  guint    tier[2];                        /* 0: not active in that period */
  gint     score[3];                       /* R, F, M */
} Guest;

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

static void
guest_free (gpointer data)
{
  Guest *guest = data;

  g_free (guest->id);
  g_free (guest);
}

/* Every guest with a visit in the months of the period or the period
 * before, and what they did in each. */
static GPtrArray *
load_guests (RgDb                *db,
             const RgReportRange *range,
             GError             **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT month >= ?3, guest_id, visits, spend, cost, last_ms FROM rollup_guest_month "
      "WHERE " RG_REPORT_BRANCHES " AND month BETWEEN ?2 AND ?4", error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) guests = g_ptr_array_new_with_free_func (guest_free);
  int rc;

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
      Guest *guest = g_hash_table_lookup (by_id, id);

      if (guest == NULL)
        {
          guest = g_new0 (Guest, 1);
          guest->id = g_strdup (id);
          g_hash_table_insert (by_id, guest->id, guest);
          g_ptr_array_add (guests, guest);
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

static gchar *
dup_guest_name (RgDb         *db,
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

static gint64
count_query (RgDb                *db,
             const gchar         *sql,
             const gint64         params[3],
             GError             **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < 3; i++)
    sqlite3_bind_int64 (stmt, (gint) i + 1, params[i]);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rg_db_set_error (db, error, "counting guests for the report");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* ---------------------------------------------------------------- tiers */

typedef struct
{
  guint    period;
  gboolean by_profit;
} RankOrder;

static gdouble
guest_value (const Guest *guest,
             guint        period,
             gboolean     by_profit)
{
  return by_profit ? guest->spend[period] - guest->cost[period] : guest->spend[period];
}

static gint
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const RankOrder *order = data;
  const Guest *x = *(Guest **) a, *y = *(Guest **) b;
  gdouble vx = guest_value (x, order->period, order->by_profit);
  gdouble vy = guest_value (y, order->period, order->by_profit);

  return vx < vy ? 1 : vx > vy ? -1 : strcmp (x->id, y->id);
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
    if (((Guest *) guests->pdata[i])->visits[period] > 0)
      g_ptr_array_add (active, guests->pdata[i]);
  g_ptr_array_sort_with_data (active, compare_by_value, &order);
  for (guint i = 0; i < active->len; i++)
    ((Guest *) active->pdata[i])->tier[period] = rg_segment_tier_of_rank (i, active->len);
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
        Guest *g = ranked[p]->pdata[i];
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
      const Guest *g = guests->pdata[i];

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
      const Guest *g = ranked->pdata[i];
      g_autofree gchar *name = dup_guest_name (db, g->id, NULL);
      RgReportRow *row = _rg_report_row_new (g->id, name, rg_segment_tier_to_string (g->tier[0]));

      _rg_report_row_set (row, RG_MEASURE_TIER, g->tier[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_TIER, g->tier[1] != 0 ? g->tier[1] : NAN);
      _rg_report_row_set (row, RG_MEASURE_REVENUE, g->spend[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_REVENUE, g->spend[1]);
      _rg_report_row_set (row, RG_MEASURE_MARGIN, g->spend[0] - g->cost[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_MARGIN, g->spend[1] - g->cost[1]);
      _rg_report_row_set (row, RG_MEASURE_VISITS, g->visits[0]);
      _rg_report_row_set_previous (row, RG_MEASURE_VISITS, g->visits[1]);
      _rg_report_row_set (row, RG_MEASURE_DAYS, (gdouble) ((range->end_ms - g->last_ms) / DAY_MS));
      _rg_report_store_take (store, row);
    }
  return TRUE;
}

/* Regulars (enough visits) whose last visit is between @lapsed_days and a
 * year before the end of the period, the most valuable first. */
static gboolean
add_lapsed (RgDb                *db,
            RgReport            *report,
            const RgReportRange *range,
            gint64              *count,
            GError             **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_VISITS, RG_MEASURE_REVENUE, RG_MEASURE_DAYS };
  const RgReportQuery *q = range->query;
  gint64 params[3] = {
    range->end_ms - 365 * DAY_MS,
    range->end_ms - (q->lapsed_days > 0 ? q->lapsed_days : 60) * DAY_MS,
    q->lapsed_visits > 0 ? q->lapsed_visits : 4,
  };
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  int rc;

  *count = count_query (db, "SELECT count (*) FROM local_guest_stats INDEXED BY local_guest_stats_lapsed "
                            "WHERE last_visit_ms >= ?1 AND last_visit_ms < ?2 AND visit_count >= ?3",
                        params, error);
  if (*count < 0)
    return FALSE;
  stmt = rg_db_prepare (db,
      "SELECT guest_id, visit_count, total_spend, last_visit_ms FROM local_guest_stats "
      "INDEXED BY local_guest_stats_lapsed WHERE last_visit_ms >= ?1 AND last_visit_ms < ?2 "
      "AND visit_count >= ?3 ORDER BY total_spend DESC, guest_id LIMIT ?4", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    sqlite3_bind_int64 (stmt, (gint) i + 1, params[i]);
  sqlite3_bind_int (stmt, 4, (gint) range->limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RgReportRow *row = _rg_report_row_new ((const gchar *) sqlite3_column_text (stmt, 0), NULL, NULL);

      _rg_report_row_set (row, RG_MEASURE_VISITS, sqlite3_column_double (stmt, 1));
      _rg_report_row_set (row, RG_MEASURE_REVENUE, sqlite3_column_double (stmt, 2));
      _rg_report_row_set (row, RG_MEASURE_DAYS, (gdouble) ((range->end_ms - sqlite3_column_int64 (stmt, 3)) / DAY_MS));
      g_ptr_array_add (found, row);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the lapsed regulars");

  store = _rg_report_add_section (report, "lapsed", measures, G_N_ELEMENTS (measures));
  for (guint i = 0; i < found->len; i++)
    {
      RgReportRow *row = found->pdata[i];
      g_autofree gchar *name = dup_guest_name (db, rg_report_row_get_key (row), error);
      RgReportRow *named;

      if (name == NULL)
        return FALSE;
      named = _rg_report_row_new (rg_report_row_get_key (row), name, NULL);
      for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
        _rg_report_row_set (named, measures[m], rg_report_row_get_value (row, measures[m]));
      _rg_report_store_take (store, named);
    }
  return TRUE;
}

/* Birthdays or anniversaries (@column) from the last day of the period on. */
#define DATES_SQL(column) \
  "SELECT g.id, g.name, substr (g." column ", -5), coalesce (s.visit_count, 0), coalesce (s.total_spend, 0) " \
  "FROM guest g LEFT JOIN local_guest_stats s ON s.guest_id = g.id " \
  "WHERE g." column " IS NOT NULL AND g.deleted = 0 AND g.merged_into IS NULL " \
  "AND substr (g." column ", -5) BETWEEN ?1 AND ?2"

/* The dates of @sql between "MM-DD" @first and @last, with the days from
 * @today to their next return. */
static gboolean
add_dates_between (RgDb         *db,
                   GListStore   *store,
                   const gchar  *sql,
                   const gchar  *first,
                   const gchar  *last,
                   const GDate  *today,
                   const gchar  *what,
                   GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);
  GDateYear year = g_date_get_year (today);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const gchar *md = (const gchar *) sqlite3_column_text (stmt, 2);
      guint month = (guint) atoi (md), day = (guint) atoi (md + 3);
      RgReportRow *row;
      GDate next;

      if (!g_date_valid_month ((GDateMonth) month) || day < 1 || day > 31)
        continue;
      g_date_clear (&next, 1);
      g_date_set_dmy (&next, (GDateDay) MIN (day, g_date_get_days_in_month ((GDateMonth) month, year)),
                      (GDateMonth) month, year);
      if (g_date_compare (&next, today) < 0)
        g_date_set_dmy (&next, (GDateDay) MIN (day, g_date_get_days_in_month ((GDateMonth) month, year + 1)),
                        (GDateMonth) month, year + 1);
      row = _rg_report_row_new ((const gchar *) sqlite3_column_text (stmt, 0),
                                (const gchar *) sqlite3_column_text (stmt, 1), what);
      _rg_report_row_set (row, RG_MEASURE_DAYS, g_date_days_between (today, &next));
      _rg_report_row_set (row, RG_MEASURE_VISITS, sqlite3_column_double (stmt, 3));
      _rg_report_row_set (row, RG_MEASURE_REVENUE, sqlite3_column_double (stmt, 4));
      _rg_report_store_take (store, row);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the coming %ss", what);
  return TRUE;
}

/* Birthdays or anniversaries from the last day of the period on; a range
 * over the new year is read in two parts, so that each is a range of the
 * index. */
static gboolean
add_dates (RgDb                *db,
           GListStore          *store,
           const RgReportRange *range,
           const gchar         *sql,
           const gchar         *what,
           GError             **error)
{
  guint upcoming = MIN (range->query->upcoming_days > 0 ? range->query->upcoming_days : 14, 366);
  gchar last[11];
  GDate today;

  _rg_report_day_add (range->to, (gint) upcoming - 1, last);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) atoi (range->to + 8), (GDateMonth) atoi (range->to + 5),
                  (GDateYear) atoi (range->to));
  if (upcoming >= 365)
    return add_dates_between (db, store, sql, "01-01", "12-31", &today, what, error);
  if (strcmp (last + 5, range->to + 5) >= 0)
    return add_dates_between (db, store, sql, range->to + 5, last + 5, &today, what, error);
  return add_dates_between (db, store, sql, range->to + 5, "12-31", &today, what, error) &&
         add_dates_between (db, store, sql, "01-01", last + 5, &today, what, error);
}

static gint
compare_by_days (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  RgReportRow *x = (RgReportRow *) a, *y = (RgReportRow *) b;
  gdouble dx = rg_report_row_get_value (x, RG_MEASURE_DAYS), dy = rg_report_row_get_value (y, RG_MEASURE_DAYS);

  return dx < dy ? -1 : dx > dy ? 1 : strcmp (rg_report_row_get_label (x), rg_report_row_get_label (y));
}

static gboolean
add_counts (RgDb                *db,
            RgReport            *report,
            const RgReportRange *range,
            guint                active,
            GError             **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_GUESTS };
  static const RgMeasure date_measures[] = { RG_MEASURE_DAYS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE };
  guint inactive_days = range->query->inactive_days > 0 ? range->query->inactive_days : 90;
  gint64 inactive_params[3] = { range->end_ms - inactive_days * DAY_MS, 0, 0 };
  gint64 never_params[3] = { range->from_ms, range->end_ms, 0 };
  gint64 values[4] = { active, 0, 0, 0 };
  static const gchar * const keys[4] = { "active", "inactive", "never_came", "lapsed" };
  GListStore *store, *dates;
  guint n_dates;

  values[1] = count_query (db, "SELECT count (*) FROM local_guest_stats INDEXED BY local_guest_stats_lapsed "
                               "WHERE last_visit_ms < ?1", inactive_params, error);
  if (values[1] < 0)
    return FALSE;
  values[2] = count_query (db, "SELECT count (*) FROM guest g INDEXED BY guest_created "
                               "WHERE g.deleted = 0 AND g.merged_into IS NULL AND g.created_ms >= ?1 "
                               "AND g.created_ms < ?2 AND NOT EXISTS (SELECT 1 FROM local_guest_stats s "
                               "WHERE s.guest_id = g.id AND s.first_visit_ms < ?2)",
                          never_params, error);
  if (values[2] < 0 || !add_lapsed (db, report, range, &values[3], error))
    return FALSE;

  store = _rg_report_add_section (report, "counts", measures, G_N_ELEMENTS (measures));
  for (guint k = 0; k < 4; k++)
    {
      RgReportRow *row = _rg_report_row_new (keys[k], NULL, NULL);

      _rg_report_row_set (row, RG_MEASURE_GUESTS, (gdouble) values[k]);
      _rg_report_store_take (store, row);
    }

  dates = g_list_store_new (RG_TYPE_REPORT_ROW);
  if (!add_dates (db, dates, range, DATES_SQL ("birthday"), "birthday", error) ||
      !add_dates (db, dates, range, DATES_SQL ("anniversary"), "anniversary", error))
    {
      g_object_unref (dates);
      return FALSE;
    }
  g_list_store_sort (dates, compare_by_days, NULL);
  store = _rg_report_add_section (report, "dates", date_measures, G_N_ELEMENTS (date_measures));
  n_dates = g_list_model_get_n_items (G_LIST_MODEL (dates));
  for (guint i = 0; i < n_dates; i++)
    _rg_report_store_take (store, g_list_model_get_item (G_LIST_MODEL (dates), i));
  g_object_unref (dates);
  return TRUE;
}

RgReport *
_rg_segment_tiers (RgDb                *db,
                   const RgReportRange *range,
                   GError             **error)
{
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_TIERS, range);
  g_autoptr(GPtrArray) guests = load_guests (db, range, error);
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) before = NULL;
  GPtrArray *ranked[2];

  if (guests == NULL)
    return NULL;
  now = rank_period (guests, 0, range->query->by_profit);
  before = rank_period (guests, 1, range->query->by_profit);
  ranked[0] = now;
  ranked[1] = before;
  add_tier_rows (report, ranked, range->query->by_profit);
  add_moves (report, guests);
  if (!add_top (db, report, range, now) || !add_counts (db, report, range, now->len, error))
    return NULL;
  return g_steal_pointer (&report);
}

/* ------------------------------------------------------------------ RFM */

static gdouble
rfm_value (const Guest *g,
           guint        which)
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

static gint
compare_rfm (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  guint which = GPOINTER_TO_UINT (data);
  gdouble x = rfm_value (*(Guest **) a, which), y = rfm_value (*(Guest **) b, which);

  return x < y ? -1 : x > y;
}

/* Quintile scores: a guest's score is 1 + 5 × (how many guests have less)
 * / all, so equal values score the same. */
static void
score_guests (GPtrArray *guests)
{
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (guests->len);

  g_ptr_array_extend (order, guests, NULL, NULL);
  for (guint which = 0; which < 3; which++)
    {
      guint below = 0;

      g_ptr_array_sort_with_data (order, compare_rfm, GUINT_TO_POINTER (which));
      for (guint i = 0; i < order->len; i++)
        {
          Guest *g = order->pdata[i];

          if (i > 0 && rfm_value (order->pdata[i - 1], which) < rfm_value (g, which))
            below = i;
          g->score[which] = 1 + (gint) ((guint64) below * 5 / order->len);
        }
    }
}

static gint
compare_by_spend (gconstpointer a,
                  gconstpointer b)
{
  const Guest *x = *(Guest **) a, *y = *(Guest **) b;
  gdouble sx = x->spend[0] + x->spend[1], sy = y->spend[0] + y->spend[1];

  return sx < sy ? 1 : sx > sy ? -1 : strcmp (x->id, y->id);
}

static gboolean
add_visit_kinds (RgDb                *db,
                 RgReport            *report,
                 const RgReportRange *range,
                 GError             **error)
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
_rg_segment_rfm (RgDb                *db,
                 const RgReportRange *range,
                 GError             **error)
{
  static const RgMeasure segment_measures[] = {
    RG_MEASURE_GUESTS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE, RG_MEASURE_R, RG_MEASURE_F, RG_MEASURE_M,
  };
  static const RgMeasure guest_measures[] = {
    RG_MEASURE_R, RG_MEASURE_F, RG_MEASURE_M, RG_MEASURE_DAYS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE,
  };
  g_autoptr(RgReport) report = _rg_report_new (RG_REPORT_RFM, range);
  g_autoptr(GPtrArray) guests = load_guests (db, range, error);
  gdouble sums[RG_RFM_N_SEGMENTS][6] = { { 0 } };
  GListStore *store;

  if (guests == NULL)
    return NULL;
  score_guests (guests);

  store = _rg_report_add_section (report, "segments", segment_measures, G_N_ELEMENTS (segment_measures));
  for (guint i = 0; i < guests->len; i++)
    {
      const Guest *g = guests->pdata[i];
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
      RgReportRow *row = _rg_report_row_new (segment_names[s], NULL, NULL);

      for (guint m = 0; m < G_N_ELEMENTS (segment_measures); m++)
        _rg_report_row_set (row, segment_measures[m], m < 3 ? sums[s][m] : _rg_report_ratio (sums[s][m], sums[s][0]));
      _rg_report_store_take (store, row);
    }

  g_ptr_array_sort (guests, compare_by_spend);
  store = _rg_report_add_section (report, "guests", guest_measures, G_N_ELEMENTS (guest_measures));
  for (guint i = 0; i < MIN (guests->len, range->limit); i++)
    {
      const Guest *g = guests->pdata[i];
      g_autofree gchar *name = dup_guest_name (db, g->id, error);
      RgRfmSegment s = rg_rfm_segment_classify (g->score[0], g->score[1], g->score[2],
                                                (guint) (g->visits[0] + g->visits[1]));
      RgReportRow *row;

      if (name == NULL)
        return NULL;
      row = _rg_report_row_new (g->id, name, segment_names[s]);
      for (guint k = 0; k < 3; k++)
        _rg_report_row_set (row, RG_MEASURE_R + k, g->score[k]);
      _rg_report_row_set (row, RG_MEASURE_DAYS, (gdouble) ((range->end_ms - g->last_ms) / DAY_MS));
      _rg_report_row_set (row, RG_MEASURE_VISITS, g->visits[0] + g->visits[1]);
      _rg_report_row_set (row, RG_MEASURE_REVENUE, g->spend[0] + g->spend[1]);
      _rg_report_store_take (store, row);
    }
  if (!add_visit_kinds (db, report, range, error))
    return NULL;
  return g_steal_pointer (&report);
}
