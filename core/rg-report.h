/* rg-report.h — the owner's reports: peak times, dishes and margins, guest
 * tiers and RFM, service, feedback and revenue over time.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report covers a range of local days (from and to included) at one
 * branch or all of them, and carries the figures of the same number of days
 * just before it for comparison.  It reads the rollups only (rg-rollup,
 * rg-rollup-report), never the order lines, so it takes milliseconds at any
 * size; `regulars-cli rollups rebuild` recreates the rollups.
 *
 * A report is a set of named sections, each a #GListModel of
 * #RgReportRow.  A row has a key (an id, a day, "3-19" for Wednesday 19:00
 * …), a label and a group for people, and numbers by #RgMeasure for the
 * period and the period before — no text formatting, so the CLI prints
 * them and a dashboard draws them.  Money is in minor units, percentages
 * are 0–100, a measure that does not apply is NaN.
 *
 * Guest figures (tiers, tier moves, RFM, pairings of dishes) are kept per
 * local month: their periods are the whole months that the range touches,
 * and the period before is as many months before those.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * RgReportKind:
 * @RG_REPORT_PEAK: weekday × hour heatmap of visits, covers and revenue
 *   (sections "heatmap", "busiest", "totals")
 * @RG_REPORT_DISHES: items and categories with quantity, revenue, cost,
 *   margin, share, attach rate; best pairings; high-margin items that sell
 *   too little, popular items that earn little (sections "items",
 *   "categories", "pairings", "high-margin-low-sales",
 *   "popular-low-margin")
 * @RG_REPORT_TIERS: the guest pyramid and who moved, inactive, lapsed and
 *   coming dates (sections "tiers", "moves", "top", "lapsed", "dates",
 *   "counts")
 * @RG_REPORT_RFM: recency, frequency and monetary scores and their named
 *   segments; new against returning visits (sections "segments", "guests",
 *   "visits")
 * @RG_REPORT_SERVICE: turnover and dining time by table, zone and hour;
 *   spend per cover by party size (sections "tables", "zones", "hours",
 *   "party")
 * @RG_REPORT_FEEDBACK: ratings by aspect, dish, server, hour and table, and
 *   the lowest-rated dishes and tables (sections "aspects", "dishes",
 *   "servers", "hours", "tables", "lowest-dishes", "lowest-tables")
 * @RG_REPORT_REVENUE: revenue by day, week and month with the same bucket a
 *   year before, and month on month (sections "days", "weeks", "months",
 *   "totals")
 */
typedef enum
{
  RG_REPORT_PEAK,
  RG_REPORT_DISHES,
  RG_REPORT_TIERS,
  RG_REPORT_RFM,
  RG_REPORT_SERVICE,
  RG_REPORT_FEEDBACK,
  RG_REPORT_REVENUE,
} RgReportKind;

#define RG_REPORT_N_KINDS (RG_REPORT_REVENUE + 1)

/**
 * RgMeasure:
 *
 * The numbers a row can carry.  Money in minor units; _PCT in percent;
 * RATING_AVG 1–5; DINE_MIN minutes; TURNOVER visits per table per day;
 * WEEKDAY 1 (Monday) to 7; R, F and M scores 1 (low) to 5; DAYS the days
 * since the last visit (guest rows) or until the date (dates); TIER 1 (top
 * 1%) to 4 (the other 80%); RANK 1 for the first.
 */
typedef enum
{
  RG_MEASURE_VISITS,
  RG_MEASURE_COVERS,
  RG_MEASURE_QTY,
  RG_MEASURE_REVENUE,
  RG_MEASURE_COST,
  RG_MEASURE_MARGIN,
  RG_MEASURE_MARGIN_PCT,
  RG_MEASURE_SHARE_PCT,
  RG_MEASURE_ATTACH_PCT,
  RG_MEASURE_LIFT,
  RG_MEASURE_GUESTS,
  RG_MEASURE_MIN_VALUE,
  RG_MEASURE_DINE_MIN,
  RG_MEASURE_TURNOVER,
  RG_MEASURE_SPEND_PER_COVER,
  RG_MEASURE_RATINGS,
  RG_MEASURE_RATING_AVG,
  RG_MEASURE_WEEKDAY,
  RG_MEASURE_HOUR,
  RG_MEASURE_RANK,
  RG_MEASURE_TIER,
  RG_MEASURE_R,
  RG_MEASURE_F,
  RG_MEASURE_M,
  RG_MEASURE_DAYS,
  RG_MEASURE_MOM_PCT,
} RgMeasure;

#define RG_MEASURE_N (RG_MEASURE_MOM_PCT + 1)

const gchar *rg_report_kind_to_string   (RgReportKind kind);
gboolean     rg_report_kind_from_string (const gchar *text, RgReportKind *kind);
const gchar *rg_measure_to_string       (RgMeasure measure);

/**
 * RgReportQuery:
 * @staff_id: the staff member asking; must have
 *   %RG_PERMISSION_VIEW_REPORTS (rg_auth_require())
 * @from: first local day, "YYYY-MM-DD"
 * @to: last local day, "YYYY-MM-DD", not before @from; the guest lists
 *   (inactive, lapsed, dates) are as of the end of this day
 * @branch_id: (nullable): one branch; %NULL for all
 * @by_profit: rank the tier pyramid by profit instead of spend
 * @inactive_days: a guest is inactive after this many days without a
 *   visit; 0 for 90
 * @lapsed_visits: a regular has made at least this many visits; 0 for 4
 * @lapsed_days: a regular has lapsed after this many days away (and less
 *   than a year); 0 for 60
 * @upcoming_days: birthdays and anniversaries this many days from @to on;
 *   0 for 14
 * @limit: the longest list ("top", "busiest", "lapsed", lowest-rated…);
 *   0 for 20
 * @logged: the view is already in the audit log: rg_report_log_views()
 *   wrote one row naming this report with the others shown together, so
 *   rg_report_run() writes none of its own (it still checks that the staff
 *   member may view reports)
 *
 * What to report on.
 */
typedef struct
{
  const gchar *staff_id;
  const gchar *from;
  const gchar *to;
  const gchar *branch_id;
  gboolean     by_profit;
  guint        inactive_days;
  guint        lapsed_visits;
  guint        lapsed_days;
  guint        upcoming_days;
  guint        limit;
  gboolean     logged;
} RgReportQuery;

#define RG_TYPE_REPORT_ROW (rg_report_row_get_type ())
G_DECLARE_FINAL_TYPE (RgReportRow, rg_report_row, RG, REPORT_ROW, GObject)

const gchar *rg_report_row_get_key          (RgReportRow *self);
const gchar *rg_report_row_get_label        (RgReportRow *self);
/* (nullable): a category, zone, segment… */
const gchar *rg_report_row_get_group        (RgReportRow *self);
gdouble      rg_report_row_get_value        (RgReportRow *self, RgMeasure measure);
gdouble      rg_report_row_get_previous     (RgReportRow *self, RgMeasure measure);
gdouble      rg_report_row_get_change_pct   (RgReportRow *self, RgMeasure measure);

#define RG_TYPE_REPORT (rg_report_get_type ())
G_DECLARE_FINAL_TYPE (RgReport, rg_report, RG, REPORT, GObject)

RgReportKind         rg_report_get_kind          (RgReport *self);
const gchar         *rg_report_get_from          (RgReport *self);
const gchar         *rg_report_get_to            (RgReport *self);
const gchar         *rg_report_get_previous_from (RgReport *self);
const gchar         *rg_report_get_previous_to   (RgReport *self);
const gchar * const *rg_report_get_sections      (RgReport *self);
GListModel          *rg_report_get_section       (RgReport *self, const gchar *name);
const RgMeasure     *rg_report_get_measures      (RgReport *self, const gchar *name, guint *n_measures);

/**
 * rg_report_run:
 * @db: a connection
 * @kind: which report
 * @query: the range, branch and options
 * @error: return location for a #GError
 *
 * Makes one report from the rollups.  This is the one entry point of every
 * report: it checks that @query's staff member may view reports, and
 * audits the view ("report.view", the kind as subject, the range as
 * detail).
 *
 * Returns: (transfer full): the report, or %NULL with %RG_ERROR_PERMISSION
 *   (nobody signed in, a disabled staff member, a role without
 *   %RG_PERMISSION_VIEW_REPORTS), %RG_ERROR_INVALID (a day that is not
 *   YYYY-MM-DD, @to before @from, a range longer than ten years),
 *   %RG_ERROR_NOT_FOUND (an unknown staff member or branch) or a database
 *   error.
 */
RgReport *rg_report_run (RgDb *db, RgReportKind kind, const RgReportQuery *query, GError **error);

/**
 * rg_report_log_views:
 * @db: a connection
 * @query: the range and branch of the reports, as they will be run
 * @kinds: (array length=n_kinds): the reports about to be shown together
 * @n_kinds: how many, at least one
 * @error: return location for a #GError
 *
 * Audits one view of several reports, as a dashboard shows them at once:
 * one "report.view" row with the kinds as subject ("peak,dishes,…", each
 * once) and the range as detail.  Run the reports with @query's @logged
 * set, so that they do not audit themselves.
 *
 * Returns: %TRUE when the row is written; %FALSE with the errors of
 *   rg_report_run() (%RG_ERROR_PERMISSION, %RG_ERROR_INVALID…), nothing
 *   written.
 */
gboolean  rg_report_log_views (RgDb *db, const RgReportQuery *query, const RgReportKind *kinds, guint n_kinds,
                               GError **error);

G_END_DECLS
