/* rg-chart-bars.h — horizontal bars, one per row, with the period before
 * as a thin bar under each: dishes by revenue or margin, service by hour.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-chart.h"

G_BEGIN_DECLS

#define RG_TYPE_CHART_BARS (rg_chart_bars_get_type ())
G_DECLARE_FINAL_TYPE (RgChartBars, rg_chart_bars, RG, CHART_BARS, RgChart)

GtkWidget *rg_chart_bars_new            (void);
gboolean   rg_chart_bars_get_bar_center (RgChartBars *self,
                                         guint        index,
                                         gdouble     *x,
                                         gdouble     *y);

G_END_DECLS
