/* rg-chart-pyramid.h — the guest tier pyramid: the top 1%, the next 4%,
 * the next 15% and the other 80% of active guests, with the guests and the
 * spend (or profit) of each.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rg-chart.h"

G_BEGIN_DECLS

#define RG_TYPE_CHART_PYRAMID (rg_chart_pyramid_get_type ())
G_DECLARE_FINAL_TYPE (RgChartPyramid, rg_chart_pyramid, RG, CHART_PYRAMID, RgChart)

GtkWidget *rg_chart_pyramid_new             (void);
gboolean   rg_chart_pyramid_get_tier_center (RgChartPyramid *self,
                                             guint           index,
                                             gdouble        *x,
                                             gdouble        *y);

G_END_DECLS
