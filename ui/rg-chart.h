/* rg-chart.h — what every owner chart shares: the rows it shows, the value
 * on hover (tooltip) and on tap (popover), colours read from the style and
 * drawing to any Cairo context, so the PDF export draws the same chart.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rg-report.h"

G_BEGIN_DECLS

/**
 * RgChartPalette:
 * @fg: text and axes
 * @grid: grid lines
 * @accent: the period shown
 * @previous: the period before
 * @bg: what the chart is drawn on
 *
 * The colours of a chart: from the widget's style on screen (light or
 * dark), black on white on paper.
 */
typedef struct
{
  GdkRGBA fg;
  GdkRGBA grid;
  GdkRGBA accent;
  GdkRGBA previous;
  GdkRGBA bg;
} RgChartPalette;

#define RG_TYPE_CHART (rg_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (RgChart, rg_chart, RG, CHART, GtkWidget)

/**
 * RgChartClass:
 * @draw: draws the chart in a @width × @height box at the origin of @cr
 * @index_at: the point under (@x, @y) in that box, or -1
 */
struct _RgChartClass
{
  GtkWidgetClass parent_class;

  void    (*draw)            (RgChart              *self,
                              cairo_t              *cr,
                              const RgChartPalette *palette,
                              gdouble               width,
                              gdouble               height);
  gint    (*index_at)        (RgChart              *self,
                              gdouble               width,
                              gdouble               height,
                              gdouble               x,
                              gdouble               y);
};

void         rg_chart_set_rows            (RgChart              *self,
                                           GListModel           *rows,
                                           RgMeasure             measure);
RgMeasure    rg_chart_get_measure         (RgChart              *self);
guint        rg_chart_get_n_points        (RgChart              *self);
RgReportRow *rg_chart_get_row             (RgChart              *self,
                                           guint                 index);
gdouble      rg_chart_get_value           (RgChart              *self,
                                           guint                 index);
gdouble      rg_chart_get_previous        (RgChart              *self,
                                           guint                 index);
gint         rg_chart_get_highlight       (RgChart              *self);
gint         rg_chart_index_at            (RgChart              *self,
                                           gdouble               x,
                                           gdouble               y);
gchar       *rg_chart_dup_point_label     (RgChart              *self,
                                           guint                 index);
gchar       *rg_chart_dup_point_text      (RgChart              *self,
                                           guint                 index);
gboolean     rg_chart_show_point_at       (RgChart              *self,
                                           gdouble               x,
                                           gdouble               y);
const gchar *rg_chart_get_shown_text      (RgChart              *self);
void         rg_chart_draw                (RgChart              *self,
                                           cairo_t              *cr,
                                           const RgChartPalette *palette,
                                           gdouble               width,
                                           gdouble               height);
void         rg_chart_palette_for_print   (RgChartPalette       *palette);

/* Helpers for the chart kinds, the tables and the PDF. */
gchar       *rg_chart_dup_row_label       (RgReportRow          *row);
gchar       *rg_chart_dup_group_label     (RgReportRow          *row);
const gchar *rg_chart_weekday_name        (guint                 weekday);
gchar       *rg_chart_format_value        (RgMeasure             measure,
                                           gdouble               value);
const gchar *rg_chart_measure_name        (RgMeasure             measure);
gdouble      rg_chart_nice_step           (gdouble               max,
                                           guint                 ticks);
PangoLayout *rg_chart_create_layout       (cairo_t              *cr,
                                           const gchar          *text);
void         rg_chart_draw_text           (cairo_t              *cr,
                                           const GdkRGBA        *colour,
                                           const gchar          *text,
                                           gdouble               x,
                                           gdouble               y,
                                           gdouble               xalign,
                                           gdouble               yalign);
void         rg_chart_text_size           (cairo_t              *cr,
                                           const gchar          *text,
                                           gdouble              *width,
                                           gdouble              *height);
void         rg_chart_draw_legend         (cairo_t              *cr,
                                           const RgChartPalette *palette,
                                           gdouble               x,
                                           gdouble               y,
                                           const gchar          *current,
                                           const gchar          *previous,
                                           gboolean              previous_dashed);

G_END_DECLS
