/* rg-chart-bars.c — horizontal bars with the period before.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bars run from zero, to the left for a negative value (a dish sold at a
 * loss), in the order of the rows; the caller sorts and cuts the list.
 * Labels take at most two fifths of the width and are ellipsized.
 */
#include "rg-chart-bars.h"

#include <glib/gi18n.h>
#include <math.h>

#define TOP        24.0
#define GAP        6.0
#define VALUE_W    76.0
#define MAX_BAR_H  30.0

struct _RgChartBars
{
  RgChart parent_instance;
};

G_DEFINE_FINAL_TYPE (RgChartBars, rg_chart_bars, RG_TYPE_CHART)

typedef struct
{
  gdouble label_w;
  gdouble bar_h;
  gdouble zero_x;
  gdouble scale;     /* pixels per unit */
} Layout;

/* --------------------------------------------------------------- helpers */

static void
make_layout (RgChart *chart,
             gdouble  width,
             gdouble  height,
             Layout  *layout)
{
  guint n = rg_chart_get_n_points (chart);
  gdouble min = 0, max = 0, area;

  for (guint i = 0; i < n; i++)
    {
      gdouble v = rg_chart_get_value (chart, i), p = rg_chart_get_previous (chart, i);

      if (!isnan (v))
        {
          min = MIN (min, v);
          max = MAX (max, v);
        }
      if (!isnan (p))
        {
          min = MIN (min, p);
          max = MAX (max, p);
        }
    }
  layout->label_w = MIN (180.0, width * 0.4);
  layout->bar_h = n > 0 ? MIN (MAX_BAR_H, (height - TOP) / n) : MAX_BAR_H;
  area = MAX (1.0, width - layout->label_w - GAP - VALUE_W);
  layout->scale = max - min > 0 ? area / (max - min) : 0;
  layout->zero_x = layout->label_w + GAP - min * layout->scale;
}

/* ------------------------------------------------------------- overrides */

static void
rg_chart_bars_draw (RgChart              *chart,
                    cairo_t              *cr,
                    const RgChartPalette *palette,
                    gdouble               width,
                    gdouble               height)
{
  gint highlight = rg_chart_get_highlight (chart);
  Layout layout;

  make_layout (chart, width, height, &layout);
  rg_chart_draw_legend (cr, palette, layout.label_w + GAP, 2,
                        rg_chart_measure_name (rg_chart_get_measure (chart)), _("Period before"), FALSE);

  for (guint i = 0; i < rg_chart_get_n_points (chart); i++)
    {
      g_autofree gchar *label = rg_chart_dup_point_label (chart, i);
      g_autofree gchar *text = NULL;
      g_autoptr(PangoLayout) pango = NULL;
      gdouble v = rg_chart_get_value (chart, i), p = rg_chart_get_previous (chart, i);
      gdouble y = TOP + i * layout.bar_h, bar = layout.bar_h * 0.62;
      gint lw, lh;

      if ((gint) i == highlight)
        {
          gdk_cairo_set_source_rgba (cr, &palette->grid);
          cairo_rectangle (cr, 0, y, width, layout.bar_h);
          cairo_fill (cr);
        }

      /* The label, cut to its column. */
      pango = rg_chart_create_layout (cr, label);
      pango_layout_set_width (pango, (gint) (layout.label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (pango, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (pango, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (pango, &lw, &lh);
      gdk_cairo_set_source_rgba (cr, &palette->fg);
      cairo_move_to (cr, 0, y + (layout.bar_h - lh) / 2);
      pango_cairo_show_layout (cr, pango);

      if (!isnan (v))
        {
          gdk_cairo_set_source_rgba (cr, &palette->accent);
          cairo_rectangle (cr, MIN (layout.zero_x, layout.zero_x + v * layout.scale), y + 2,
                           fabs (v) * layout.scale, bar - 2);
          cairo_fill (cr);
        }
      if (!isnan (p))
        {
          gdk_cairo_set_source_rgba (cr, &palette->previous);
          cairo_rectangle (cr, MIN (layout.zero_x, layout.zero_x + p * layout.scale), y + bar + 1,
                           fabs (p) * layout.scale, MAX (2.0, layout.bar_h * 0.18));
          cairo_fill (cr);
        }
      text = rg_chart_format_value (rg_chart_get_measure (chart), v);
      rg_chart_draw_text (cr, &palette->fg, text,
                          MAX (layout.zero_x, layout.zero_x + (isnan (v) ? 0 : v) * layout.scale) + 4,
                          y + bar / 2 + 1, 0, 0.5);
    }

  gdk_cairo_set_source_rgba (cr, &palette->fg);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, floor (layout.zero_x) + 0.5, TOP);
  cairo_line_to (cr, floor (layout.zero_x) + 0.5, TOP + rg_chart_get_n_points (chart) * layout.bar_h);
  cairo_stroke (cr);
}

static gint
rg_chart_bars_index_at (RgChart *chart,
                        gdouble  width,
                        gdouble  height,
                        gdouble  x,
                        gdouble  y)
{
  Layout layout;
  gint index;

  make_layout (chart, width, height, &layout);
  if (y < TOP)
    return -1;
  index = (gint) ((y - TOP) / layout.bar_h);
  return index < (gint) rg_chart_get_n_points (chart) ? index : -1;
}

static void
rg_chart_bars_class_init (RgChartBarsClass *klass)
{
  RgChartClass *chart_class = RG_CHART_CLASS (klass);

  chart_class->draw = rg_chart_bars_draw;
  chart_class->index_at = rg_chart_bars_index_at;
}

static void
rg_chart_bars_init (RgChartBars *self)
{
}

/* ------------------------------------------------------------ public API */

GtkWidget *
rg_chart_bars_new (void)
{
  return g_object_new (RG_TYPE_CHART_BARS, NULL);
}

/**
 * rg_chart_bars_get_bar_center:
 * @self: a bar chart
 * @index: a point
 * @x: (out): the middle of its row in widget coordinates
 * @y: (out): the middle of its row
 *
 * Returns: whether there is such a point.
 */
gboolean
rg_chart_bars_get_bar_center (RgChartBars *self,
                              guint        index,
                              gdouble     *x,
                              gdouble     *y)
{
  Layout layout;

  g_return_val_if_fail (RG_IS_CHART_BARS (self), FALSE);

  if (index >= rg_chart_get_n_points (RG_CHART (self)))
    return FALSE;
  make_layout (RG_CHART (self), gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)), &layout);
  *x = layout.zero_x + 2;
  *y = TOP + (index + 0.5) * layout.bar_h;
  return TRUE;
}
