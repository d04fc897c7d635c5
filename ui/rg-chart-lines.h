/* rg-chart-lines.h — a value over time as a line, with the same buckets of
 * the period before dashed: revenue by day, week or month.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-chart.h"

G_BEGIN_DECLS

#define RG_TYPE_CHART_LINES (rg_chart_lines_get_type ())
G_DECLARE_FINAL_TYPE (RgChartLines, rg_chart_lines, RG, CHART_LINES, RgChart)

GtkWidget *rg_chart_lines_new              (void);
void       rg_chart_lines_set_previous_name (RgChartLines *self,
                                             const gchar  *name);
gboolean   rg_chart_lines_get_point_center  (RgChartLines *self,
                                             guint         index,
                                             gdouble      *x,
                                             gdouble      *y);

G_END_DECLS
