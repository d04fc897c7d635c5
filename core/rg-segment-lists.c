/* rg-segment-lists.c — the guest lists of the tiers report: active,
 * inactive and never-came counts, lapsed regulars to win back, coming
 * birthdays and anniversaries.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They read local_guest_stats and the guest indexes of schema versions 6,
 * 8 and 11;
 * guests are shared by every branch, so the lists are too.
 */
#include <stdlib.h>
#include <string.h>

#include "rg-segment-private.h"

static gint64
count_query (RgDb          *db,
             const gchar   *sql,
             const gint64   params[3],
             GError       **error)
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

/* Regulars (enough visits) whose last visit is between @lapsed_days and a
 * year before the end of the period, the most valuable first. */
static gboolean
add_lapsed (RgDb                 *db,
            RgReport             *report,
            const RgReportRange  *range,
            gint64               *count,
            GError              **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_VISITS, RG_MEASURE_REVENUE, RG_MEASURE_DAYS };
  const RgReportQuery *q = range->query;
  gint64 params[3] = {
    range->end_ms - 365 * RG_DAY_MS,
    range->end_ms - (q->lapsed_days > 0 ? q->lapsed_days : 60) * RG_DAY_MS,
    q->lapsed_visits > 0 ? q->lapsed_visits : 4,
  };
  g_autoptr(RgStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  int rc;

  /* The count from the index by last visit, the list from the index by
   * spend, which stops at the last one shown. */
  *count = count_query (db, "SELECT count (*) FROM local_guest_stats INDEXED BY local_guest_stats_lapsed "
                            "WHERE last_visit_ms >= ?1 AND last_visit_ms < ?2 AND visit_count >= ?3",
                        params, error);
  if (*count < 0)
    return FALSE;
  stmt = rg_db_prepare (db,
      "SELECT guest_id, visit_count, total_spend, last_visit_ms FROM local_guest_stats "
      "INDEXED BY local_guest_stats_spend WHERE last_visit_ms >= ?1 AND last_visit_ms < ?2 "
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
      _rg_report_row_set (row, RG_MEASURE_DAYS, (gdouble) ((range->end_ms - sqlite3_column_int64 (stmt, 3)) / RG_DAY_MS));
      g_ptr_array_add (found, row);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the lapsed regulars");

  store = _rg_report_add_section (report, "lapsed", measures, G_N_ELEMENTS (measures));
  for (guint i = 0; i < found->len; i++)
    {
      RgReportRow *row = found->pdata[i];
      g_autofree gchar *name = _rg_segment_dup_guest_name (db, rg_report_row_get_key (row), error);
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

/* Birthdays or anniversaries (@column) of guests who have come, from the
 * date index (schema version 8) and local_guest_stats only. */
#define DATES_SQL(column) \
  "SELECT g.id, substr (g." column ", -5), s.visit_count, s.total_spend " \
  "FROM guest g JOIN local_guest_stats s ON s.guest_id = g.id " \
  "WHERE g." column " IS NOT NULL AND g.deleted = 0 AND g.merged_into IS NULL " \
  "AND substr (g." column ", -5) BETWEEN ?1 AND ?2"

typedef struct
{
  gchar       *guest_id;
  const gchar *what;
  gint         days;
  gdouble      visits, spend;
} DateHit;

static void
date_hit_clear (gpointer data)
{
  g_free (((DateHit *) data)->guest_id);
}

/* The dates of @sql between "MM-DD" @first and @last, with the days from
 * @today to their next return. */
static gboolean
add_dates_between (RgDb         *db,
                   GArray       *hits,
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
      const gchar *md = (const gchar *) sqlite3_column_text (stmt, 1);
      guint month = (guint) atoi (md), day = (guint) atoi (md + 3);
      DateHit hit;
      GDate next;

      if (!g_date_valid_month ((GDateMonth) month) || day < 1 || day > 31)
        continue;
      g_date_clear (&next, 1);
      g_date_set_dmy (&next, (GDateDay) MIN (day, g_date_get_days_in_month ((GDateMonth) month, year)),
                      (GDateMonth) month, year);
      if (g_date_compare (&next, today) < 0)
        g_date_set_dmy (&next, (GDateDay) MIN (day, g_date_get_days_in_month ((GDateMonth) month, year + 1)),
                        (GDateMonth) month, year + 1);
      hit.guest_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
      hit.what = what;
      hit.days = g_date_days_between (today, &next);
      hit.visits = sqlite3_column_double (stmt, 2);
      hit.spend = sqlite3_column_double (stmt, 3);
      g_array_append_val (hits, hit);
    }
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the coming %ss", what);
  return TRUE;
}

/* Birthdays or anniversaries from the last day of the period on; a range
 * over the new year is read in two parts, so that each is a range of the
 * index. */
static gboolean
add_dates (RgDb                 *db,
           GArray               *hits,
           const RgReportRange  *range,
           const gchar          *sql,
           const gchar          *what,
           GError              **error)
{
  guint upcoming = MIN (range->query->upcoming_days > 0 ? range->query->upcoming_days : 14, 366);
  gchar last[11];
  GDate today;

  _rg_report_day_add (range->to, (gint) upcoming - 1, last);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) atoi (range->to + 8), (GDateMonth) atoi (range->to + 5),
                  (GDateYear) atoi (range->to));
  if (upcoming >= 365)
    return add_dates_between (db, hits, sql, "01-01", "12-31", &today, what, error);
  if (strcmp (last + 5, range->to + 5) >= 0)
    return add_dates_between (db, hits, sql, range->to + 5, last + 5, &today, what, error);
  return add_dates_between (db, hits, sql, range->to + 5, "12-31", &today, what, error) &&
         add_dates_between (db, hits, sql, "01-01", last + 5, &today, what, error);
}

static gint
compare_by_spend (gconstpointer a,
                  gconstpointer b)
{
  const DateHit *x = a, *y = b;

  return x->spend < y->spend ? 1 : x->spend > y->spend ? -1 : strcmp (x->guest_id, y->guest_id);
}

static gint
compare_by_days (gconstpointer a,
                 gconstpointer b)
{
  const DateHit *x = a, *y = b;

  return x->days != y->days ? (x->days > y->days) - (x->days < y->days) : strcmp (x->guest_id, y->guest_id);
}

/* The section "dates": of the guests who have come, the biggest spenders
 * (as many as the limit) with a birthday or anniversary in the coming days,
 * soonest first. */
static gboolean
add_dates_section (RgDb                 *db,
                   RgReport             *report,
                   const RgReportRange  *range,
                   GError              **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_DAYS, RG_MEASURE_VISITS, RG_MEASURE_REVENUE };
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (DateHit));
  GListStore *store;

  g_array_set_clear_func (hits, date_hit_clear);
  if (!add_dates (db, hits, range, DATES_SQL ("birthday"), "birthday", error) ||
      !add_dates (db, hits, range, DATES_SQL ("anniversary"), "anniversary", error))
    return FALSE;
  g_array_sort (hits, compare_by_spend);
  if (hits->len > range->limit)
    g_array_set_size (hits, range->limit);
  g_array_sort (hits, compare_by_days);

  store = _rg_report_add_section (report, "dates", measures, G_N_ELEMENTS (measures));
  for (guint i = 0; i < hits->len; i++)
    {
      const DateHit *hit = &g_array_index (hits, DateHit, i);
      g_autofree gchar *name = _rg_segment_dup_guest_name (db, hit->guest_id, error);
      RgReportRow *row;

      if (name == NULL)
        return FALSE;
      row = _rg_report_row_new (hit->guest_id, name, hit->what);
      _rg_report_row_set (row, RG_MEASURE_DAYS, hit->days);
      _rg_report_row_set (row, RG_MEASURE_VISITS, hit->visits);
      _rg_report_row_set (row, RG_MEASURE_REVENUE, hit->spend);
      _rg_report_store_take (store, row);
    }
  return TRUE;
}

gboolean
_rg_segment_add_lists (RgDb                 *db,
                       RgReport             *report,
                       const RgReportRange  *range,
                       guint                 active,
                       GError              **error)
{
  static const RgMeasure measures[] = { RG_MEASURE_GUESTS };
  guint inactive_days = range->query->inactive_days > 0 ? range->query->inactive_days : 90;
  gint64 inactive_params[3] = { range->end_ms - inactive_days * RG_DAY_MS, 0, 0 };
  gint64 never_params[3] = { range->from_ms, range->end_ms, 0 };
  gint64 values[4] = { active, 0, 0, 0 };
  static const gchar * const keys[4] = { "active", "inactive", "never_came", "lapsed" };
  GListStore *store;

  /* All guests who came less the recent ones: counting a table is quicker
   * than counting the long range of the index of the others. */
  values[1] = count_query (db, "SELECT (SELECT count (*) FROM local_guest_stats) - "
                               "(SELECT count (*) FROM local_guest_stats INDEXED BY local_guest_stats_lapsed "
                               "WHERE last_visit_ms >= ?1)", inactive_params, error);
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

  return add_dates_section (db, report, range, error);
}
