/* rg-segment-lists.c — the guest lists of the tiers report: active,
 * inactive and never-came counts, lapsed regulars to win back, coming
 * birthdays and anniversaries.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They read local_guest_stats, rollup_guest_last, rollup_guest_enrol and the
 * guest indexes of schema versions 6, 8, 11, 13 and 15;
 * guests are shared by every branch, so the lists are too.
 */
#include <stdlib.h>
#include <string.h>

#include "rg-segment-private.h"

/* The count of @sql with its first parameters bound to the @n_params of
 * @params (the others NULL). */
static gint64
count_query (RgDb          *db,
             const gchar   *sql,
             const gint64  *params,
             guint          n_params,
             GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_int64 (stmt, (gint) i + 1, params[i]);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rg_db_set_error (db, error, "counting guests for the report");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* The visits rollup_guest_last (schema version 13) tells apart: more are
 * counted as 16. */
#define LAST_VISITS_CAP 16

/* How many guests who came made at least @visits visits, the last one
 * before @before_ms (or none known): whole days from rollup_guest_last,
 * the day @before_ms falls in from the index of local_guest_stats.  Days
 * are last_visit_ms / 86400000, as the triggers of rollup_guest_last make
 * them. */
static gint64
count_last_before (RgDb     *db,
                   gint64    before_ms,
                   gint64    visits,
                   GError  **error)
{
  const gint64 params[3] = { before_ms, visits, before_ms / RG_DAY_MS };

  if (visits > LAST_VISITS_CAP)
    return count_query (db, "SELECT count (*) FROM local_guest_stats INDEXED BY local_guest_stats_lapsed "
                            "WHERE (last_visit_ms < ?1 OR last_visit_ms IS NULL) AND visit_count >= ?2",
                        params, G_N_ELEMENTS (params), error);
  return count_query (db, "SELECT (SELECT coalesce (sum (guests), 0) FROM rollup_guest_last "
                          "  WHERE day < ?3 AND visits >= ?2) "
                          "+ (SELECT count (*) FROM local_guest_stats INDEXED BY local_guest_stats_lapsed "
                          "  WHERE last_visit_ms >= (?3 - 1) * 86400000 AND last_visit_ms < ?1 "
                          "  AND last_visit_ms / 86400000 = ?3 AND visit_count >= ?2)",
                      params, G_N_ELEMENTS (params), error);
}

/* How many live guests enrolled in [@lo_ms, @hi_ms) had no visit before
 * @end_ms, guest by guest from the enrolment index. */
static gint64
count_never_came_between (RgDb     *db,
                          gint64    lo_ms,
                          gint64    hi_ms,
                          gint64    end_ms,
                          GError  **error)
{
  const gint64 params[3] = { lo_ms, hi_ms, end_ms };

  if (lo_ms >= hi_ms)
    return 0;
  return count_query (db, "SELECT count (*) FROM guest g INDEXED BY guest_created "
                          "WHERE g.deleted = 0 AND g.merged_into IS NULL AND g.created_ms >= ?1 "
                          "AND g.created_ms < ?2 AND NOT EXISTS (SELECT 1 FROM local_guest_stats s "
                          "WHERE s.guest_id = g.id AND s.first_visit_ms < ?3)", params, G_N_ELEMENTS (params), error);
}

/* How many live guests enrolled in [@from_ms, @end_ms) had no visit before
 * @end_ms: the whole UTC days between the first and the last from
 * rollup_guest_enrol (schema version 15) when their first visit is a day
 * after the last or never; guests enrolled in the first or the last day
 * one by one; and those of the whole days whose first visit is in the last
 * day, but not before @end_ms, from the index by first visit.  Days are
 * created_ms and first_visit_ms / 86400000, as the triggers make them. */
static gint64
count_never_came (RgDb     *db,
                  gint64    from_ms,
                  gint64    end_ms,
                  GError  **error)
{
  gint64 first = from_ms / RG_DAY_MS, last = end_ms / RG_DAY_MS;
  const gint64 whole_days[3] = { first + 1, last - 1, last };
  const gint64 came_late[4] = {
    MAX (last * RG_DAY_MS, end_ms), (last + 1) * RG_DAY_MS, (first + 1) * RG_DAY_MS, last * RG_DAY_MS,
  };
  gint64 whole, first_day, last_day = 0, late = 0;

  if (from_ms >= end_ms)
    return 0;
  whole = count_query (db, "SELECT coalesce (sum (guests), 0) FROM rollup_guest_enrol "
                           "WHERE day BETWEEN ?1 AND ?2 AND came > ?3",
                       whole_days, G_N_ELEMENTS (whole_days), error);
  first_day = whole < 0 ? -1 : count_never_came_between (db, from_ms, MIN ((first + 1) * RG_DAY_MS, end_ms),
                                                         end_ms, error);
  if (first_day >= 0 && last > first)
    last_day = count_never_came_between (db, last * RG_DAY_MS, end_ms, end_ms, error);
  if (last_day >= 0 && last - first >= 2)
    late = count_query (db, "SELECT count (*) FROM local_guest_stats s INDEXED BY local_guest_stats_first "
                            "JOIN guest g ON g.id = s.guest_id WHERE s.first_visit_ms >= ?1 "
                            "AND s.first_visit_ms < ?2 AND g.deleted = 0 AND g.merged_into IS NULL "
                            "AND g.created_ms >= ?3 AND g.created_ms < ?4",
                        came_late, G_N_ELEMENTS (came_late), error);
  if (first_day < 0 || last_day < 0 || late < 0)
    return -1;
  return whole + first_day + last_day + late;
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
  gint64 before_end, before_start;
  int rc;

  /* The count from the guests by day of their last visit, the list from
   * the index by spend, which stops at the last one shown. */
  before_end = count_last_before (db, params[1], params[2], error);
  before_start = before_end < 0 ? -1 : count_last_before (db, params[0], params[2], error);
  if (before_start < 0)
    return FALSE;
  *count = MAX (before_end - before_start, 0);
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
  _rg_report_mark_guests (report, "lapsed");
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

/* How many of the biggest spenders to look at for their dates before
 * reading the date index instead. */
#define DATES_WALK 4096

typedef struct
{
  gchar       *guest_id;
  const gchar *what;
  gint         days;
  gdouble      visits, spend;
} DateHit;

/* The coming days: "MM-DD" from first to last (over the new year when
 * last is before first), or every day. */
typedef struct
{
  GDate    today;
  gchar    first[6], last[6];
  gboolean every_day;
} Window;

static void
date_hit_clear (gpointer data)
{
  g_free (((DateHit *) data)->guest_id);
}

static gboolean
window_holds (const Window *window,
              const gchar  *md)
{
  if (window->every_day)
    return TRUE;
  if (strcmp (window->first, window->last) <= 0)
    return strcmp (md, window->first) >= 0 && strcmp (md, window->last) <= 0;
  return strcmp (md, window->first) >= 0 || strcmp (md, window->last) <= 0;
}

/* Adds the hit of a date "MM-DD" of a guest, with the days from today to
 * its next return; nothing for a date that is not one. */
static void
add_hit (GArray       *hits,
         const Window *window,
         const gchar  *guest_id,
         const gchar  *md,
         const gchar  *what,
         gdouble       visits,
         gdouble       spend)
{
  GDateYear year = g_date_get_year (&window->today);
  guint month = (guint) atoi (md), day = (guint) atoi (md + 3);
  DateHit hit;
  GDate next;

  if (!g_date_valid_month ((GDateMonth) month) || day < 1 || day > 31)
    return;
  g_date_clear (&next, 1);
  g_date_set_dmy (&next, (GDateDay) MIN (day, g_date_get_days_in_month ((GDateMonth) month, year)),
                  (GDateMonth) month, year);
  if (g_date_compare (&next, &window->today) < 0)
    g_date_set_dmy (&next, (GDateDay) MIN (day, g_date_get_days_in_month ((GDateMonth) month, year + 1)),
                    (GDateMonth) month, year + 1);
  hit.guest_id = g_strdup (guest_id);
  hit.what = what;
  hit.days = g_date_days_between (&window->today, &next);
  hit.visits = visits;
  hit.spend = spend;
  g_array_append_val (hits, hit);
}

/* The dates of @sql between "MM-DD" @first and @last. */
static gboolean
add_dates_between (RgDb          *db,
                   GArray        *hits,
                   const Window  *window,
                   const gchar   *sql,
                   const gchar   *first,
                   const gchar   *last,
                   const gchar   *what,
                   GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_hit (hits, window, (const gchar *) sqlite3_column_text (stmt, 0), (const gchar *) sqlite3_column_text (stmt, 1),
             what, sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3));
  if (rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the coming %ss", what);
  return TRUE;
}

/* Birthdays or anniversaries of the window; a window over the new year is
 * read in two parts, so that each is a range of the index. */
static gboolean
add_dates (RgDb          *db,
           GArray        *hits,
           const Window  *window,
           const gchar   *sql,
           const gchar   *what,
           GError       **error)
{
  if (window->every_day)
    return add_dates_between (db, hits, window, sql, "01-01", "12-31", what, error);
  if (strcmp (window->first, window->last) <= 0)
    return add_dates_between (db, hits, window, sql, window->first, window->last, what, error);
  return add_dates_between (db, hits, window, sql, window->first, "12-31", what, error) &&
         add_dates_between (db, hits, window, sql, "01-01", window->last, what, error);
}

/* The dates of the biggest spenders, walking the guests by spend (the
 * order of the section) until @limit dates are found: *@complete tells
 * whether they were, or every guest who came was looked at, within
 * DATES_WALK guests. */
static gboolean
walk_dates (RgDb          *db,
            GArray        *hits,
            const Window  *window,
            guint          limit,
            gboolean      *complete,
            GError       **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT s.guest_id, substr (g.birthday, -5), substr (g.anniversary, -5), s.visit_count, s.total_spend "
      "FROM local_guest_stats s INDEXED BY local_guest_stats_spend JOIN guest g ON g.id = s.guest_id "
      "WHERE g.deleted = 0 AND g.merged_into IS NULL ORDER BY s.total_spend DESC, s.guest_id LIMIT ?", error);
  static const gchar * const what[2] = { "birthday", "anniversary" };
  guint walked = 0;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, DATES_WALK);
  while (hits->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      walked++;
      for (guint k = 0; k < 2; k++)
        {
          const gchar *md = (const gchar *) sqlite3_column_text (stmt, 1 + (gint) k);

          if (md != NULL && window_holds (window, md))
            add_hit (hits, window, (const gchar *) sqlite3_column_text (stmt, 0), md, what[k],
                     sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4));
        }
    }
  if (hits->len < limit && rc != SQLITE_DONE)
    return rg_db_set_error (db, error, "reading the coming birthdays and anniversaries");
  *complete = hits->len >= limit || walked < DATES_WALK;
  return TRUE;
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
  guint upcoming = MIN (range->query->upcoming_days > 0 ? range->query->upcoming_days : 14, 366);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (DateHit));
  gboolean complete = FALSE;
  GListStore *store;
  gchar last[11];
  Window window;

  _rg_report_day_add (range->to, (gint) upcoming - 1, last);
  g_date_clear (&window.today, 1);
  g_date_set_dmy (&window.today, (GDateDay) atoi (range->to + 8), (GDateMonth) atoi (range->to + 5),
                  (GDateYear) atoi (range->to));
  g_strlcpy (window.first, range->to + 5, sizeof window.first);
  g_strlcpy (window.last, last + 5, sizeof window.last);
  window.every_day = upcoming >= 365;

  g_array_set_clear_func (hits, date_hit_clear);
  if (!walk_dates (db, hits, &window, range->limit, &complete, error))
    return FALSE;
  if (!complete)
    {
      /* Few guests have a date in the window: all of them from the date
       * indexes, then the biggest spenders. */
      g_array_set_size (hits, 0);
      if (!add_dates (db, hits, &window, DATES_SQL ("birthday"), "birthday", error) ||
          !add_dates (db, hits, &window, DATES_SQL ("anniversary"), "anniversary", error))
        return FALSE;
      g_array_sort (hits, compare_by_spend);
    }
  if (hits->len > range->limit)
    g_array_set_size (hits, range->limit);
  g_array_sort (hits, compare_by_days);

  store = _rg_report_add_section (report, "dates", measures, G_N_ELEMENTS (measures));
  _rg_report_mark_guests (report, "dates");
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
  gint64 values[4] = { active, 0, 0, 0 };
  static const gchar * const keys[4] = { "active", "inactive", "never_came", "lapsed" };
  GListStore *store;

  values[1] = count_last_before (db, range->end_ms - inactive_days * RG_DAY_MS, 0, error);
  if (values[1] < 0)
    return FALSE;
  values[2] = count_never_came (db, range->from_ms, range->end_ms, error);
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
