/* rg-report.c — the report and row records, the range of a report and the
 * one entry point that runs any report.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-auth.h"
#include "rg-report-private.h"

#define MAX_DAYS 3660

typedef struct
{
  /* owned */
  GListStore *store;
  GArray     *measures;
  gboolean    lists_guests;  /* its rows are keyed by guest id */
} Section;

struct _RgReport
{
  GObject parent_instance;

  RgReportKind kind;
  gchar        from[11], to[11], prev_from[11], prev_to[11];

  /* owned */
  GPtrArray   *names;      /* section names, NULL-terminated */
  GHashTable  *sections;   /* name (borrowed from names) → Section */
};

G_DEFINE_FINAL_TYPE (RgReport, rg_report, G_TYPE_OBJECT)

static const gchar * const kind_names[RG_REPORT_N_KINDS] = {
  "peak", "dishes", "tiers", "rfm", "service", "feedback", "revenue",
};

static const gchar * const measure_names[RG_MEASURE_N] = {
  "visits", "covers", "qty", "revenue", "cost", "margin", "margin_pct", "share_pct",
  "attach_pct", "lift", "guests", "min_value", "dine_min", "turnover", "spend_per_cover",
  "ratings", "rating_avg", "weekday", "hour", "rank", "tier", "r", "f", "m", "days", "mom_pct",
};

/* -------------------------------------------------------------- reports */

static void
section_free (gpointer data)
{
  Section *section = data;

  g_object_unref (section->store);
  g_array_unref (section->measures);
  g_free (section);
}

static void
rg_report_finalize (GObject *object)
{
  RgReport *self = RG_REPORT (object);

  g_hash_table_unref (self->sections);
  g_ptr_array_unref (self->names);
  G_OBJECT_CLASS (rg_report_parent_class)->finalize (object);
}

static void
rg_report_class_init (RgReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_report_finalize;
}

static void
rg_report_init (RgReport *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->names, NULL);
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, section_free);
}

RgReport *
_rg_report_new (RgReportKind         kind,
                const RgReportRange *range)
{
  RgReport *self = g_object_new (RG_TYPE_REPORT, NULL);

  self->kind = kind;
  memcpy (self->from, range->from, sizeof self->from);
  memcpy (self->to, range->to, sizeof self->to);
  memcpy (self->prev_from, range->prev_from, sizeof self->prev_from);
  memcpy (self->prev_to, range->prev_to, sizeof self->prev_to);
  return self;
}

GListStore *
_rg_report_add_section (RgReport        *self,
                        const gchar     *name,
                        const RgMeasure *measures,
                        guint            n_measures)
{
  Section *section = g_new0 (Section, 1);
  gchar *owned = g_strdup (name);

  section->store = g_list_store_new (RG_TYPE_REPORT_ROW);
  section->measures = g_array_sized_new (FALSE, FALSE, sizeof (RgMeasure), n_measures);
  g_array_append_vals (section->measures, measures, n_measures);
  g_ptr_array_insert (self->names, (gint) self->names->len - 1, owned);
  g_hash_table_insert (self->sections, owned, section);
  return section->store;
}

void
_rg_report_mark_guests (RgReport    *self,
                        const gchar *name)
{
  Section *section = g_hash_table_lookup (self->sections, name);

  g_return_if_fail (section != NULL);
  section->lists_guests = TRUE;
}

GPtrArray *
_rg_report_dup_guest_ids (RgReport *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i + 1 < self->names->len; i++)
    {
      Section *section = g_hash_table_lookup (self->sections, self->names->pdata[i]);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (section->store));

      for (guint r = 0; section->lists_guests && r < n; r++)
        {
          g_autoptr(RgReportRow) row = g_list_model_get_item (G_LIST_MODEL (section->store), r);

          g_ptr_array_add (ids, g_strdup (rg_report_row_get_key (row)));
        }
    }
  g_ptr_array_add (ids, NULL);
  return ids;
}

RgReport *
_rg_report_copy_keeping (RgReport   *self,
                         GHashTable *kept_guests)
{
  RgReportRange range = { 0, };
  RgReport *copy;

  memcpy (range.from, self->from, sizeof range.from);
  memcpy (range.to, self->to, sizeof range.to);
  memcpy (range.prev_from, self->prev_from, sizeof range.prev_from);
  memcpy (range.prev_to, self->prev_to, sizeof range.prev_to);
  copy = _rg_report_new (self->kind, &range);
  for (guint i = 0; i + 1 < self->names->len; i++)
    {
      const gchar *name = self->names->pdata[i];
      Section *section = g_hash_table_lookup (self->sections, name);
      GListStore *store = _rg_report_add_section (copy, name, (const RgMeasure *) section->measures->data,
                                                  section->measures->len);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (section->store));

      if (section->lists_guests)
        _rg_report_mark_guests (copy, name);
      for (guint r = 0; r < n; r++)
        {
          g_autoptr(RgReportRow) row = g_list_model_get_item (G_LIST_MODEL (section->store), r);

          if (!section->lists_guests || g_hash_table_contains (kept_guests, rg_report_row_get_key (row)))
            g_list_store_append (store, row);
        }
    }
  return copy;
}

void
_rg_report_store_take (GListStore  *store,
                       RgReportRow *row)
{
  g_list_store_append (store, row);
  g_object_unref (row);
}

/**
 * rg_report_get_kind:
 * @self: a report
 *
 * Returns: which report it is.
 */
RgReportKind
rg_report_get_kind (RgReport *self)
{
  g_return_val_if_fail (RG_IS_REPORT (self), RG_REPORT_PEAK);
  return self->kind;
}

/**
 * rg_report_get_from:
 * @self: a report
 *
 * Returns: (transfer none): the first local day of the period, "YYYY-MM-DD".
 */
const gchar *
rg_report_get_from (RgReport *self)
{
  g_return_val_if_fail (RG_IS_REPORT (self), NULL);
  return self->from;
}

/**
 * rg_report_get_to:
 * @self: a report
 *
 * Returns: (transfer none): the last local day of the period.
 */
const gchar *
rg_report_get_to (RgReport *self)
{
  g_return_val_if_fail (RG_IS_REPORT (self), NULL);
  return self->to;
}

/**
 * rg_report_get_previous_from:
 * @self: a report
 *
 * Returns: (transfer none): the first day of the period before.
 */
const gchar *
rg_report_get_previous_from (RgReport *self)
{
  g_return_val_if_fail (RG_IS_REPORT (self), NULL);
  return self->prev_from;
}

/**
 * rg_report_get_previous_to:
 * @self: a report
 *
 * Returns: (transfer none): the last day of the period before.
 */
const gchar *
rg_report_get_previous_to (RgReport *self)
{
  g_return_val_if_fail (RG_IS_REPORT (self), NULL);
  return self->prev_to;
}

/**
 * rg_report_get_sections:
 * @self: a report
 *
 * Returns: (transfer none): the names of the report's sections in the
 *   order to show them, %NULL-terminated.
 */
const gchar * const *
rg_report_get_sections (RgReport *self)
{
  g_return_val_if_fail (RG_IS_REPORT (self), NULL);
  return (const gchar * const *) self->names->pdata;
}

/**
 * rg_report_get_section:
 * @self: a report
 * @name: a section name
 *
 * Returns: (transfer none) (nullable): the rows of the section, a
 *   #GListModel of #RgReportRow; %NULL when the report has no such section.
 */
GListModel *
rg_report_get_section (RgReport    *self,
                       const gchar *name)
{
  Section *section;

  g_return_val_if_fail (RG_IS_REPORT (self), NULL);
  section = g_hash_table_lookup (self->sections, name);
  return section != NULL ? G_LIST_MODEL (section->store) : NULL;
}

/**
 * rg_report_get_measures:
 * @self: a report
 * @name: a section name
 * @n_measures: (out): how many
 *
 * Returns: (transfer none) (nullable): the measures the rows of the section
 *   carry, in the order to show them; %NULL for an unknown section.
 */
const RgMeasure *
rg_report_get_measures (RgReport    *self,
                        const gchar *name,
                        guint       *n_measures)
{
  Section *section;

  g_return_val_if_fail (RG_IS_REPORT (self), NULL);
  section = g_hash_table_lookup (self->sections, name);
  *n_measures = section != NULL ? section->measures->len : 0;
  return section != NULL ? (const RgMeasure *) section->measures->data : NULL;
}

/* -------------------------------------------------------------- helpers */

void
_rg_report_day_add (const gchar *day,
                    gint         days,
                    gchar        out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) atoi (day + 8), (GDateMonth) atoi (day + 5), (GDateYear) atoi (day));
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

GHashTable *
_rg_report_load_names (RgDb         *db,
                       const gchar  *sql,
                       GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db, sql, error);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const gchar *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      rg_db_set_error (db, error, "reading names for the report");
      return NULL;
    }
  return g_steal_pointer (&names);
}

gdouble
_rg_report_pct (gdouble part,
                gdouble whole)
{
  return whole != 0 ? part / whole * 100.0 : NAN;
}

gdouble
_rg_report_ratio (gdouble a,
                  gdouble b)
{
  return b != 0 ? a / b : NAN;
}

/* A checked "YYYY-MM-DD" into @date. */
static gboolean
parse_day (const gchar  *text,
           const gchar  *what,
           GDate        *date,
           GError      **error)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || y < 1900 || y > 9999 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The %s day of the report must be a date like 2026-11-25, not '%s'.", what,
                   text == NULL ? "" : g_utf8_validate (text, -1, NULL) ? text : "?");
      return FALSE;
    }
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static gint64
day_start_ms (const GDate *date)
{
  /* 719163 is the Julian day GDate gives 1970-01-01. */
  return ((gint64) g_date_get_julian (date) - 719163) * 86400000;
}

static void
format_day (const GDate *date,
            gchar        out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
format_month (const GDate *date,
              gchar        out[8])
{
  g_snprintf (out, 8, "%04u-%02u", g_date_get_year (date), g_date_get_month (date));
}

/* Where the days from @first to @last, split at @split, come from: see
 * RgReportSpan. */
static void
resolve_span (const GDate  *first,
              const GDate  *split,
              const GDate  *last,
              RgReportSpan *span)
{
  GDate lo = *first, hi = *last, day;

  /* The first and last whole months: from the month @first starts (or the
   * next), to the month @last ends (or the one before). */
  if (g_date_get_day (&lo) != 1)
    {
      g_date_add_months (&lo, 1);
      g_date_set_day (&lo, 1);
    }
  if (!g_date_is_last_of_month (&hi))
    {
      g_date_set_day (&hi, 1);
      g_date_subtract_days (&hi, 1);
    }
  g_date_set_day (&hi, 1);
  /* Empty runs and months end before they start. */
  g_strlcpy (span->cut_first, "9", sizeof span->cut_first);
  g_strlcpy (span->cut_last, "0", sizeof span->cut_last);
  g_strlcpy (span->month_cut, "", sizeof span->month_cut);
  if (g_date_compare (&lo, &hi) > 0)
    {
      /* No whole month: every day from the days. */
      format_day (last, span->lead_last);
      g_strlcpy (span->tail_first, "9", sizeof span->tail_first);
      g_strlcpy (span->month_first, "9", sizeof span->month_first);
      g_strlcpy (span->month_last, "0", sizeof span->month_last);
      return;
    }
  format_month (&lo, span->month_first);
  format_month (&hi, span->month_last);
  day = lo;
  g_date_subtract_days (&day, 1);
  format_day (&day, span->lead_last);
  day = hi;
  g_date_add_months (&day, 1);
  format_day (&day, span->tail_first);
  /* A whole month that @split cuts is read by its days. */
  if (g_date_get_day (split) != 1 && g_date_compare (split, &lo) > 0 && g_date_compare (split, &day) < 0)
    {
      GDate cut = *split, end;

      g_date_set_day (&cut, 1);
      format_month (&cut, span->month_cut);
      format_day (&cut, span->cut_first);
      end = cut;
      g_date_add_months (&end, 1);
      g_date_subtract_days (&end, 1);
      format_day (&end, span->cut_last);
    }
}

static gboolean
resolve_range (RgDb                *db,
               const RgReportQuery *query,
               RgReportRange       *range,
               GError             **error)
{
  GDate from, to, end;
  guint months;
  gint y, m;

  if (!parse_day (query->from, "first", &from, error) || !parse_day (query->to, "last", &to, error))
    return FALSE;
  if (g_date_compare (&from, &to) > 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "The report cannot end (%s) before it starts (%s).", query->to, query->from);
      return FALSE;
    }
  range->days = g_date_days_between (&from, &to) + 1;
  if (range->days > MAX_DAYS)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "A report covers ten years at most; %s to %s is longer.", query->from, query->to);
      return FALSE;
    }
  if (query->branch_id != NULL)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT 1 FROM branch WHERE id = ? AND deleted = 0", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, query->branch_id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "There is no branch with the id %s.",
                       g_utf8_validate (query->branch_id, -1, NULL) ? query->branch_id : "?");
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return rg_db_set_error (db, error, "looking up the branch of the report");
    }

  range->query = query;
  range->limit = query->limit > 0 ? query->limit : 20;
  memcpy (range->from, query->from, 11);
  memcpy (range->to, query->to, 11);
  _rg_report_day_add (range->from, -1, range->prev_to);
  _rg_report_day_add (range->from, -(gint) range->days, range->prev_from);
  g_strlcpy (range->from_month, range->from, 8);
  g_strlcpy (range->to_month, range->to, 8);

  months = (g_date_get_year (&to) - g_date_get_year (&from)) * 12 + g_date_get_month (&to) -
           g_date_get_month (&from) + 1;
  m = (gint) g_date_get_month (&from) - (gint) months;
  y = (gint) g_date_get_year (&from);
  while (m < 1)
    {
      m += 12;
      y--;
    }
  g_snprintf (range->prev_from_month, 8, "%04d-%02d", y, m);

  end = to;
  g_date_add_days (&end, 1);
  range->from_ms = day_start_ms (&from);
  range->end_ms = day_start_ms (&end);

  {
    GDate prev_from;

    g_date_clear (&prev_from, 1);
    g_date_set_julian (&prev_from, g_date_get_julian (&from));
    g_date_subtract_days (&prev_from, range->days);
    resolve_span (&prev_from, &from, &to, &range->span);
  }
  return TRUE;
}

/* The audit row of viewing the reports @subject over @query's range. */
static gboolean
log_view (RgDb                *db,
          const RgReportQuery *query,
          const gchar         *subject,
          GError             **error)
{
  g_autofree gchar *detail = g_strdup_printf ("%s to %s", query->from, query->to);

  return rg_audit_log (db, query->staff_id, "report.view", subject, detail, error);
}

/* ------------------------------------------------------------ public API */

/**
 * rg_report_kind_to_string:
 * @kind: a report kind
 *
 * Returns: (transfer none): its name in the CLI: "peak", "dishes", "tiers",
 *   "rfm", "service", "feedback" or "revenue".
 */
const gchar *
rg_report_kind_to_string (RgReportKind kind)
{
  g_return_val_if_fail ((guint) kind < RG_REPORT_N_KINDS, NULL);
  return kind_names[kind];
}

/**
 * rg_report_kind_from_string:
 * @text: a report name
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @text names a report.
 */
gboolean
rg_report_kind_from_string (const gchar  *text,
                            RgReportKind *kind)
{
  for (guint i = 0; i < RG_REPORT_N_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (RgReportKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rg_measure_to_string:
 * @measure: a measure
 *
 * Returns: (transfer none): its name as a column of CSV and JSON exports
 *   ("revenue", "margin_pct"…).
 */
const gchar *
rg_measure_to_string (RgMeasure measure)
{
  g_return_val_if_fail ((guint) measure < RG_MEASURE_N, NULL);
  return measure_names[measure];
}

RgReport *
rg_report_run (RgDb                *db,
               RgReportKind         kind,
               const RgReportQuery *query,
               GError             **error)
{
  RgReportRange range = { NULL, };
  g_autoptr(RgReport) report = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail ((guint) kind < RG_REPORT_N_KINDS, NULL);

  if (!rg_auth_require (db, query->staff_id, RG_PERMISSION_VIEW_REPORTS, error) ||
      !resolve_range (db, query, &range, error))
    return NULL;

  switch (kind)
    {
    case RG_REPORT_PEAK:
      report = _rg_report_peak (db, &range, error);
      break;
    case RG_REPORT_DISHES:
      report = _rg_report_dishes (db, &range, error);
      break;
    case RG_REPORT_TIERS:
      report = _rg_segment_tiers (db, &range, error);
      break;
    case RG_REPORT_RFM:
      report = _rg_segment_rfm (db, &range, error);
      break;
    case RG_REPORT_SERVICE:
      report = _rg_report_service (db, &range, error);
      break;
    case RG_REPORT_FEEDBACK:
      report = _rg_report_feedback (db, &range, error);
      break;
    case RG_REPORT_REVENUE:
      report = _rg_report_revenue (db, &range, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (report == NULL)
    return NULL;

  if (!query->logged && !log_view (db, query, rg_report_kind_to_string (kind), error))
    return NULL;
  return g_steal_pointer (&report);
}

gboolean
rg_report_log_views (RgDb                *db,
                     const RgReportQuery *query,
                     const RgReportKind  *kinds,
                     guint                n_kinds,
                     GError             **error)
{
  g_autoptr(GString) subject = g_string_new (NULL);
  RgReportRange range = { NULL, };
  gboolean named[RG_REPORT_N_KINDS] = { FALSE, };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (kinds != NULL && n_kinds > 0, FALSE);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_return_val_if_fail ((guint) kinds[i] < RG_REPORT_N_KINDS, FALSE);
      if (named[kinds[i]])
        continue;
      named[kinds[i]] = TRUE;
      g_string_append_printf (subject, "%s%s", subject->len > 0 ? "," : "", rg_report_kind_to_string (kinds[i]));
    }
  if (!rg_auth_require (db, query->staff_id, RG_PERMISSION_VIEW_REPORTS, error) ||
      !resolve_range (db, query, &range, error))
    return FALSE;
  return log_view (db, query, subject->str, error);
}
