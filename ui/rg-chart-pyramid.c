/* rg-chart-pyramid.c — the guest tier pyramid.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are the "tiers" section of RG_REPORT_TIERS, the top tier first.
 * The pyramid's bands have equal heights (the shape says "few at the top");
 * a band's colour says its share of the spend or profit, and the text
 * beside it gives the guests, the amount and the share.
 */
#include "rg-chart-pyramid.h"

#include <glib/gi18n.h>
#include <math.h>

#define TOP     8.0
#define BOTTOM  8.0
#define GAP     4.0

struct _RgChartPyramid
{
  RgChart parent_instance;
};

G_DEFINE_FINAL_TYPE (RgChartPyramid, rg_chart_pyramid, RG_TYPE_CHART)

/* --------------------------------------------------------------- helpers */

static gdouble
band_height (RgChart *chart,
             gdouble  height)
{
  return MAX (1.0, (height - TOP - BOTTOM) / MAX (1u, rg_chart_get_n_points (chart)));
}

static gdouble
pyramid_width (gdouble width)
{
  return MIN (width * 0.45, 360.0);
}

/* ------------------------------------------------------------- overrides */

static void
rg_chart_pyramid_draw (RgChart              *chart,
                       cairo_t              *cr,
                       const RgChartPalette *palette,
                       gdouble               width,
                       gdouble               height)
{
  guint n = rg_chart_get_n_points (chart);
  gdouble band = band_height (chart, height), base = pyramid_width (width);
  gdouble apex_x = base / 2, full_h = band * n;
  gint highlight = rg_chart_get_highlight (chart);

  for (guint i = 0; i < n; i++)
    {
      RgReportRow *row = rg_chart_get_row (chart, i);
      g_autofree gchar *label = rg_chart_dup_point_label (chart, i);
      g_autofree gchar *amount = rg_chart_format_value (rg_chart_get_measure (chart), rg_chart_get_value (chart, i));
      g_autofree gchar *detail = NULL;
      gdouble share = rg_report_row_get_value (row, RG_MEASURE_SHARE_PCT);
      gdouble guests = rg_report_row_get_value (row, RG_MEASURE_GUESTS);
      gulong n_guests = isnan (guests) ? 0 : (gulong) guests;
      gdouble y0 = TOP + i * band, y1 = y0 + band - GAP;
      gdouble half0 = base / 2 * (i * band) / full_h, half1 = base / 2 * (y1 - TOP) / full_h;

      cairo_move_to (cr, apex_x - half0, y0);
      cairo_line_to (cr, apex_x + half0, y0);
      cairo_line_to (cr, apex_x + half1, y1);
      cairo_line_to (cr, apex_x - half1, y1);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &palette->grid);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, palette->accent.red, palette->accent.green, palette->accent.blue,
                             0.25 + 0.75 * (isnan (share) ? 0 : share / 100));
      if ((gint) i == highlight)
        {
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &palette->fg);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);

      rg_chart_draw_text (cr, &palette->fg, label, base + 16, y0 + (band - GAP) / 2 - 1, 0, 1);
      /* Translators: beside a band of the guest pyramid, "12 guests · ¥3400.00 · 31.5%" */
      detail = g_strdup_printf (ngettext ("%lu guest · %s · %.1f%%", "%lu guests · %s · %.1f%%", n_guests),
                                n_guests, amount, isnan (share) ? 0 : share);
      rg_chart_draw_text (cr, &palette->previous, detail, base + 16, y0 + (band - GAP) / 2 + 1, 0, 0);
    }
}

static gint
rg_chart_pyramid_index_at (RgChart *chart,
                           gdouble  width,
                           gdouble  height,
                           gdouble  x,
                           gdouble  y)
{
  gint index;

  if (y < TOP)
    return -1;
  index = (gint) ((y - TOP) / band_height (chart, height));
  return index < (gint) rg_chart_get_n_points (chart) ? index : -1;
}

static void
rg_chart_pyramid_class_init (RgChartPyramidClass *klass)
{
  RgChartClass *chart_class = RG_CHART_CLASS (klass);

  chart_class->draw = rg_chart_pyramid_draw;
  chart_class->index_at = rg_chart_pyramid_index_at;
}

static void
rg_chart_pyramid_init (RgChartPyramid *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 220);
}

/* ------------------------------------------------------------ public API */

GtkWidget *
rg_chart_pyramid_new (void)
{
  return g_object_new (RG_TYPE_CHART_PYRAMID, NULL);
}

/**
 * rg_chart_pyramid_get_tier_center:
 * @self: a pyramid
 * @index: a tier's point (0 for the top 1%)
 * @x: (out): the middle of its band in widget coordinates
 * @y: (out): the middle of its band
 *
 * Returns: whether there is such a tier.
 */
gboolean
rg_chart_pyramid_get_tier_center (RgChartPyramid *self,
                                  guint           index,
                                  gdouble        *x,
                                  gdouble        *y)
{
  RgChart *chart = RG_CHART (self);
  gdouble band;

  g_return_val_if_fail (RG_IS_CHART_PYRAMID (self), FALSE);

  if (index >= rg_chart_get_n_points (chart))
    return FALSE;
  band = band_height (chart, gtk_widget_get_height (GTK_WIDGET (self)));
  *x = pyramid_width (gtk_widget_get_width (GTK_WIDGET (self))) / 2;
  *y = TOP + (index + 0.5) * band;
  return TRUE;
}
