/* rg-report-private.h — what the report files share: the resolved range,
 * building a report and its rows, and the branch filter of every query.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-report.h"

G_BEGIN_DECLS

/* Every rollup query binds the branch (or NULL for all) as ?1; IN lets
 * SQLite seek the rollup's primary key branch by branch. */
#define RG_REPORT_BRANCHES \
  "branch_id IN (SELECT id FROM branch WHERE deleted = 0 AND (?1 IS NULL OR id = ?1))"

/* The days from @prev_from to @to as a day rollup and its month twin
 * (schema version 17) give them: the months lying wholly in the period or
 * wholly in the period before, from @month_first to @month_last but
 * @month_cut (the month @from cuts; "" for none), from the months; the
 * other days from the days, in three runs: @prev_from to @lead_last,
 * @cut_first to @cut_last, @tail_first to @to.  A run that is empty ends
 * before it starts. */
typedef struct
{
  gchar lead_last[11], cut_first[11], cut_last[11], tail_first[11];
  gchar month_first[8], month_last[8], month_cut[8];
} RgReportSpan;

/* The range of a report, resolved: days and months of the period and of
 * the period before, and UTC instants of the period's ends. */
typedef struct
{
  const RgReportQuery *query;
  gchar  from[11], to[11], prev_from[11], prev_to[11];
  gchar  from_month[8], to_month[8], prev_from_month[8];
  guint  days;
  gint64 from_ms;        /* start of @from, UTC */
  gint64 end_ms;         /* end of @to, UTC */
  guint  limit;
  RgReportSpan span;
} RgReportRange;

/* The rows of a day rollup from ?2 to ?4 (the first day of the period
 * before to the last of the period), as a subquery of a FROM clause with
 * the column "day" (a month's rows as its first day) and @columns: whole
 * months from @month_table, the other days from @day_table; @where holds
 * for both.  Bind ?1 to ?4 with _rg_report_bind_range() and ?6 to ?12 with
 * _rg_report_bind_span(). */
#define RG_REPORT_SPAN(day_table, month_table, columns, where) \
  "(SELECT day, " columns " FROM " day_table " WHERE " where " AND day BETWEEN ?2 AND ?6 " \
  "UNION ALL SELECT day, " columns " FROM " day_table " WHERE " where " AND day BETWEEN ?7 AND ?8 " \
  "UNION ALL SELECT day, " columns " FROM " day_table " WHERE " where " AND day BETWEEN ?9 AND ?4 " \
  "UNION ALL SELECT month || '-01', " columns " FROM " month_table " WHERE " where \
  "  AND month BETWEEN ?10 AND ?11 AND month <> ?12)"

RgReport    *_rg_report_new         (RgReportKind kind, const RgReportRange *range);
GListStore  *_rg_report_add_section (RgReport *self, const gchar *name,
                                     const RgMeasure *measures, guint n_measures);
RgReportRow *_rg_report_row_new     (const gchar *key, const gchar *label, const gchar *group);
void         _rg_report_row_set     (RgReportRow *row, RgMeasure measure, gdouble value);
void         _rg_report_row_set_previous (RgReportRow *row, RgMeasure measure, gdouble value);
void         _rg_report_store_take  (GListStore *store, RgReportRow *row);
/* The section @name lists guests: its rows are keyed by guest id, and an
 * export leaves out the guests who did not agree to marketing. */
void         _rg_report_mark_guests (RgReport *self, const gchar *name);
/* The guest ids of every such section, NULL-terminated. */
GPtrArray   *_rg_report_dup_guest_ids (RgReport *self);
/* A copy whose guest sections keep only the guests in @kept_guests. */
RgReport    *_rg_report_copy_keeping (RgReport *self, GHashTable *kept_guests);

/* "YYYY-MM-DD" of @date plus @days (which may be negative). */
void         _rg_report_day_add     (const gchar *day, gint days, gchar out[11]);
/* id → name of menu items, tables (with their zone as group) or staff. */
GHashTable  *_rg_report_load_names  (RgDb *db, const gchar *sql, GError **error);
/* @part / @whole × 100, NaN when @whole is 0. */
gdouble      _rg_report_pct         (gdouble part, gdouble whole);
/* @a / @b, NaN when @b is 0. */
gdouble      _rg_report_ratio       (gdouble a, gdouble b);

/* Visits, covers, revenue, cost (and quantity, for dishes) of a period. */
typedef struct
{
  gdouble visits, covers, revenue, cost, qty;
} RgReportSums;

/* Adds visits, covers, revenue and cost from columns @first… of @stmt. */
void     _rg_report_sums_add_row (RgReportSums *sums, sqlite3_stmt *stmt, gint first);
/* Sets visits, covers, revenue, cost, margin and margin % of @now and
 * (unless %NULL) @before. */
void     _rg_report_row_set_sums (RgReportRow *row, const RgReportSums *now, const RgReportSums *before);
/* Binds ?1 the branch, ?2 @first, ?3 @split and ?4 @last. */
void     _rg_report_bind_range   (sqlite3_stmt *stmt, const RgReportRange *range, const gchar *first,
                                  const gchar *split, const gchar *last);
/* Binds ?6 to ?12 of RG_REPORT_SPAN() to @range's span. */
void     _rg_report_bind_span    (sqlite3_stmt *stmt, const RgReportRange *range);
/* The sums of the period [0] and the period before [1] from rollup_hour. */
gboolean _rg_report_load_totals  (RgDb *db, const RgReportRange *range, RgReportSums totals[2], GError **error);
/* The "totals" section: one row of @totals. */
void     _rg_report_add_totals   (RgReport *report, const RgReportSums totals[2]);

/* The reports, one per file family. */
RgReport *_rg_report_peak     (RgDb *db, const RgReportRange *range, GError **error);
RgReport *_rg_report_dishes   (RgDb *db, const RgReportRange *range, GError **error);
RgReport *_rg_report_revenue  (RgDb *db, const RgReportRange *range, GError **error);
RgReport *_rg_report_service  (RgDb *db, const RgReportRange *range, GError **error);
RgReport *_rg_report_feedback (RgDb *db, const RgReportRange *range, GError **error);
RgReport *_rg_segment_tiers   (RgDb *db, const RgReportRange *range, GError **error);
RgReport *_rg_segment_rfm     (RgDb *db, const RgReportRange *range, GError **error);

G_END_DECLS
