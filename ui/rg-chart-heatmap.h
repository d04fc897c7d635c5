/* rg-chart-heatmap.h — the weekday × hour heatmap of the peak report.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-chart.h"

G_BEGIN_DECLS

#define RG_TYPE_CHART_HEATMAP (rg_chart_heatmap_get_type ())
G_DECLARE_FINAL_TYPE (RgChartHeatmap, rg_chart_heatmap, RG, CHART_HEATMAP, RgChart)

GtkWidget *rg_chart_heatmap_new            (void);
gboolean   rg_chart_heatmap_get_cell_center (RgChartHeatmap *self,
                                             guint           weekday,
                                             guint           hour,
                                             gdouble        *x,
                                             gdouble        *y);

G_END_DECLS
