/* rg-chart-heatmap.c — the weekday × hour heatmap of the peak report.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are the "heatmap" section of RG_REPORT_PEAK: one per weekday
 * (1 Monday … 7 Sunday) and hour.  Only the hours from the first to the
 * last one with a visit are drawn, so a restaurant open at noon and at
 * night gets wide cells.  A cell's colour runs from the background to the
 * accent with its share of the busiest cell.
 */
#include "rg-chart-heatmap.h"

#include <glib/gi18n.h>
#include <math.h>

#define LEFT    40.0
#define TOP     24.0
#define BOTTOM  22.0
#define RIGHT   8.0
#define RAMP_W  100.0

struct _RgChartHeatmap
{
  RgChart parent_instance;
};

G_DEFINE_FINAL_TYPE (RgChartHeatmap, rg_chart_heatmap, RG_TYPE_CHART)

typedef struct
{
  guint   first_hour;
  guint   n_hours;
  gdouble cell_w;
  gdouble cell_h;
} Grid;

/* --------------------------------------------------------------- helpers */

static void
row_cell (RgReportRow *row,
          guint       *weekday,
          guint       *hour)
{
  *weekday = (guint) rg_report_row_get_value (row, RG_MEASURE_WEEKDAY);
  *hour = (guint) rg_report_row_get_value (row, RG_MEASURE_HOUR);
}

static void
make_grid (RgChart *chart,
           gdouble  width,
           gdouble  height,
           Grid    *grid)
{
  guint first = 24, last = 0;

  for (guint i = 0; i < rg_chart_get_n_points (chart); i++)
    {
      RgReportRow *row = rg_chart_get_row (chart, i);
      guint weekday, hour;

      row_cell (row, &weekday, &hour);
      if (rg_report_row_get_value (row, RG_MEASURE_VISITS) > 0 ||
          rg_report_row_get_previous (row, RG_MEASURE_VISITS) > 0)
        {
          first = MIN (first, hour);
          last = MAX (last, hour);
        }
    }
  if (first > last)
    {
      first = 0;
      last = 23;
    }
  grid->first_hour = first;
  grid->n_hours = last - first + 1;
  grid->cell_w = MAX (1.0, (width - LEFT - RIGHT) / grid->n_hours);
  grid->cell_h = MAX (1.0, (height - TOP - BOTTOM) / 7);
}

static gdouble
max_value (RgChart *chart)
{
  gdouble max = 0;

  for (guint i = 0; i < rg_chart_get_n_points (chart); i++)
    {
      gdouble v = rg_chart_get_value (chart, i);

      if (!isnan (v))
        max = MAX (max, v);
    }
  return max;
}

/* ------------------------------------------------------------- overrides */

static void
rg_chart_heatmap_draw (RgChart              *chart,
                       cairo_t              *cr,
                       const RgChartPalette *palette,
                       gdouble               width,
                       gdouble               height)
{
  g_autofree gchar *max_text = NULL;
  gdouble max = max_value (chart);
  gint highlight = rg_chart_get_highlight (chart);
  gdouble ramp_x = width - RIGHT - 80 - RAMP_W;
  cairo_pattern_t *ramp;
  Grid grid;

  make_grid (chart, width, height, &grid);

  for (guint i = 0; i < rg_chart_get_n_points (chart); i++)
    {
      guint weekday, hour;
      gdouble v = rg_chart_get_value (chart, i), t;
      gdouble x, y;

      row_cell (rg_chart_get_row (chart, i), &weekday, &hour);
      if (hour < grid.first_hour || hour >= grid.first_hour + grid.n_hours || weekday < 1 || weekday > 7)
        continue;
      x = LEFT + (hour - grid.first_hour) * grid.cell_w;
      y = TOP + (weekday - 1) * grid.cell_h;
      t = max > 0 && !isnan (v) ? v / max : 0;
      gdk_cairo_set_source_rgba (cr, &palette->grid);
      cairo_rectangle (cr, x + 1, y + 1, grid.cell_w - 2, grid.cell_h - 2);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, palette->accent.red, palette->accent.green, palette->accent.blue, t);
      cairo_rectangle (cr, x + 1, y + 1, grid.cell_w - 2, grid.cell_h - 2);
      cairo_fill (cr);
      if ((gint) i == highlight)
        {
          gdk_cairo_set_source_rgba (cr, &palette->fg);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, x + 1, y + 1, grid.cell_w - 2, grid.cell_h - 2);
          cairo_stroke (cr);
        }
    }

  for (guint d = 1; d <= 7; d++)
    rg_chart_draw_text (cr, &palette->fg, rg_chart_weekday_name (d), LEFT - 6, TOP + (d - 0.5) * grid.cell_h, 1, 0.5);
  for (guint h = 0; h < grid.n_hours; h++)
    {
      g_autofree gchar *label = NULL;
      guint step = grid.cell_w >= 28 ? 1 : grid.cell_w >= 14 ? 2 : 4;

      if ((grid.first_hour + h) % step != 0)
        continue;
      label = g_strdup_printf ("%02u", grid.first_hour + h);
      rg_chart_draw_text (cr, &palette->fg, label, LEFT + (h + 0.5) * grid.cell_w, height - BOTTOM + 4, 0.5, 0);
    }

  /* The scale: from nothing to the busiest cell. */
  max_text = rg_chart_format_value (rg_chart_get_measure (chart), max);
  rg_chart_draw_text (cr, &palette->fg, rg_chart_measure_name (rg_chart_get_measure (chart)), LEFT, 4, 0, 0);
  ramp = cairo_pattern_create_linear (ramp_x, 0, ramp_x + RAMP_W, 0);
  cairo_pattern_add_color_stop_rgba (ramp, 0, palette->accent.red, palette->accent.green, palette->accent.blue, 0);
  cairo_pattern_add_color_stop_rgba (ramp, 1, palette->accent.red, palette->accent.green, palette->accent.blue, 1);
  gdk_cairo_set_source_rgba (cr, &palette->grid);
  cairo_rectangle (cr, ramp_x, 6, RAMP_W, 10);
  cairo_fill (cr);
  cairo_set_source (cr, ramp);
  cairo_rectangle (cr, ramp_x, 6, RAMP_W, 10);
  cairo_fill (cr);
  cairo_pattern_destroy (ramp);
  rg_chart_draw_text (cr, &palette->fg, "0", ramp_x - 4, 11, 1, 0.5);
  rg_chart_draw_text (cr, &palette->fg, max_text, ramp_x + RAMP_W + 4, 11, 0, 0.5);
}

static gint
rg_chart_heatmap_index_at (RgChart *chart,
                           gdouble  width,
                           gdouble  height,
                           gdouble  x,
                           gdouble  y)
{
  Grid grid;
  guint hour, weekday;

  make_grid (chart, width, height, &grid);
  if (x < LEFT || y < TOP)
    return -1;
  hour = grid.first_hour + (guint) ((x - LEFT) / grid.cell_w);
  weekday = 1 + (guint) ((y - TOP) / grid.cell_h);
  if (hour >= grid.first_hour + grid.n_hours || weekday > 7)
    return -1;
  for (guint i = 0; i < rg_chart_get_n_points (chart); i++)
    {
      guint w, h;

      row_cell (rg_chart_get_row (chart, i), &w, &h);
      if (w == weekday && h == hour)
        return (gint) i;
    }
  return -1;
}

static void
rg_chart_heatmap_class_init (RgChartHeatmapClass *klass)
{
  RgChartClass *chart_class = RG_CHART_CLASS (klass);

  chart_class->draw = rg_chart_heatmap_draw;
  chart_class->index_at = rg_chart_heatmap_index_at;
}

static void
rg_chart_heatmap_init (RgChartHeatmap *self)
{
}

/* ------------------------------------------------------------ public API */

GtkWidget *
rg_chart_heatmap_new (void)
{
  return g_object_new (RG_TYPE_CHART_HEATMAP, NULL);
}

/**
 * rg_chart_heatmap_get_cell_center:
 * @self: a heatmap
 * @weekday: 1 (Monday) to 7
 * @hour: 0 to 23
 * @x: (out): the centre of that cell in widget coordinates
 * @y: (out): the centre
 *
 * Returns: whether the cell is drawn (its hour is in the shown span).
 */
gboolean
rg_chart_heatmap_get_cell_center (RgChartHeatmap *self,
                                  guint           weekday,
                                  guint           hour,
                                  gdouble        *x,
                                  gdouble        *y)
{
  Grid grid;

  g_return_val_if_fail (RG_IS_CHART_HEATMAP (self), FALSE);

  make_grid (RG_CHART (self), gtk_widget_get_width (GTK_WIDGET (self)),
             gtk_widget_get_height (GTK_WIDGET (self)), &grid);
  if (hour < grid.first_hour || hour >= grid.first_hour + grid.n_hours || weekday < 1 || weekday > 7)
    return FALSE;
  *x = LEFT + (hour - grid.first_hour + 0.5) * grid.cell_w;
  *y = TOP + (weekday - 0.5) * grid.cell_h;
  return TRUE;
}
