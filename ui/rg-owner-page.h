/* rg-owner-page.h — the owner's dashboard: every report of a date range
 * and branch as a chart beside its tables, exported to CSV or PDF.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rg-chart.h"
#include "rg-session.h"

G_BEGIN_DECLS

/**
 * RgOwnerRange:
 * @RG_OWNER_RANGE_THIS_WEEK: Monday to today
 * @RG_OWNER_RANGE_LAST_4_WEEKS: the 28 days up to today
 * @RG_OWNER_RANGE_THIS_MONTH: the 1st to today
 * @RG_OWNER_RANGE_LAST_MONTH: the whole month before this one
 * @RG_OWNER_RANGE_THIS_YEAR: 1 January to today
 * @RG_OWNER_RANGE_CUSTOM: the days typed in the two date fields
 *
 * The date-range presets, in the order of the picker.
 */
typedef enum
{
  RG_OWNER_RANGE_THIS_WEEK,
  RG_OWNER_RANGE_LAST_4_WEEKS,
  RG_OWNER_RANGE_THIS_MONTH,
  RG_OWNER_RANGE_LAST_MONTH,
  RG_OWNER_RANGE_THIS_YEAR,
  RG_OWNER_RANGE_CUSTOM,
} RgOwnerRange;

#define RG_TYPE_OWNER_PAGE (rg_owner_page_get_type ())
G_DECLARE_FINAL_TYPE (RgOwnerPage, rg_owner_page, RG, OWNER_PAGE, GtkWidget)

void         rg_owner_page_set_session (RgOwnerPage  *self,
                                        RgSession    *session);
void         rg_owner_page_open        (RgOwnerPage  *self);
void         rg_owner_page_set_range   (RgOwnerPage  *self,
                                        RgOwnerRange  range);
gboolean     rg_owner_page_set_days    (RgOwnerPage  *self,
                                        const gchar  *from,
                                        const gchar  *to,
                                        GError      **error);
const gchar *rg_owner_page_get_from    (RgOwnerPage  *self);
const gchar *rg_owner_page_get_to      (RgOwnerPage  *self);
const gchar *rg_owner_page_get_branch_id (RgOwnerPage *self);
gboolean     rg_owner_page_is_loading  (RgOwnerPage  *self);
void         rg_owner_page_show_report (RgOwnerPage  *self,
                                        RgReportKind  kind);
RgReport    *rg_owner_page_get_report  (RgOwnerPage  *self,
                                        RgReportKind  kind);
RgChart     *rg_owner_page_get_chart   (RgOwnerPage  *self,
                                        RgReportKind  kind);
const gchar *rg_owner_page_get_error   (RgOwnerPage  *self);
gboolean     rg_owner_page_export_csv  (RgOwnerPage  *self,
                                        const gchar  *path,
                                        GError      **error);
gboolean     rg_owner_page_export_pdf  (RgOwnerPage  *self,
                                        const gchar  *path,
                                        GError      **error);

G_END_DECLS
