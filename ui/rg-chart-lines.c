/* rg-chart-lines.c — a value over time, the period before dashed.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are buckets in time order (days, weeks, months); a row's
 * previous value is the same bucket of the period it is compared with.
 * The vertical axis starts at zero with round steps; hovering picks the
 * nearest bucket.
 */
#include "rg-chart-lines.h"

#include <glib/gi18n.h>
#include <math.h>

#define LEFT    72.0
#define TOP     26.0
#define BOTTOM  22.0
#define RIGHT   12.0
#define TICKS   4
#define LABEL_GAP 16.0

struct _RgChartLines
{
  RgChart parent_instance;

  /* owned */
  gchar *previous_name;
};

G_DEFINE_FINAL_TYPE (RgChartLines, rg_chart_lines, RG_TYPE_CHART)

typedef struct
{
  gdouble step_x;
  gdouble top;       /* the value at the top of the plot */
  gdouble plot_h;
} Layout;

/* --------------------------------------------------------------- helpers */

static void
make_layout (RgChart *chart,
             gdouble  width,
             gdouble  height,
             Layout  *layout)
{
  guint n = rg_chart_get_n_points (chart);
  gdouble max = 0, step;

  for (guint i = 0; i < n; i++)
    {
      gdouble v = rg_chart_get_value (chart, i), p = rg_chart_get_previous (chart, i);

      if (!isnan (v))
        max = MAX (max, v);
      if (!isnan (p))
        max = MAX (max, p);
    }
  step = rg_chart_nice_step (max, TICKS);
  layout->top = MAX (step, ceil (max / step) * step);
  layout->step_x = n > 1 ? (width - LEFT - RIGHT) / (n - 1) : 0;
  layout->plot_h = MAX (1.0, height - TOP - BOTTOM);
}

static gdouble
y_of (const Layout *layout,
      gdouble       value)
{
  return TOP + layout->plot_h * (1 - value / layout->top);
}

static void
trace (RgChart      *chart,
       cairo_t      *cr,
       const Layout *layout,
       gboolean      previous)
{
  gboolean drawing = FALSE;

  for (guint i = 0; i < rg_chart_get_n_points (chart); i++)
    {
      gdouble v = previous ? rg_chart_get_previous (chart, i) : rg_chart_get_value (chart, i);
      gdouble x = LEFT + i * layout->step_x;

      if (isnan (v))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, y_of (layout, v));
      else
        cairo_move_to (cr, x, y_of (layout, v));
      drawing = TRUE;
    }
  if (rg_chart_get_n_points (chart) == 1)
    cairo_rel_line_to (cr, 0.01, 0);
}

/* ------------------------------------------------------------- overrides */

static void
rg_chart_lines_draw (RgChart              *chart,
                     cairo_t              *cr,
                     const RgChartPalette *palette,
                     gdouble               width,
                     gdouble               height)
{
  static const gdouble dash[] = { 5, 4 };
  RgChartLines *self = RG_CHART_LINES (chart);
  guint n = rg_chart_get_n_points (chart);
  gint highlight = rg_chart_get_highlight (chart);
  gdouble step;
  Layout layout;

  make_layout (chart, width, height, &layout);
  step = rg_chart_nice_step (layout.top, TICKS);

  /* Grid and the value axis. */
  cairo_set_line_width (cr, 1);
  for (gdouble v = 0; v <= layout.top + step / 2; v += step)
    {
      g_autofree gchar *text = rg_chart_format_value (rg_chart_get_measure (chart), v);
      gdouble y = floor (y_of (&layout, v)) + 0.5;

      gdk_cairo_set_source_rgba (cr, &palette->grid);
      cairo_move_to (cr, LEFT, y);
      cairo_line_to (cr, width - RIGHT, y);
      cairo_stroke (cr);
      rg_chart_draw_text (cr, &palette->fg, text, LEFT - 6, y, 1, 0.5);
    }

  /* Time labels: the last one, then from the first on as many as fit
   * without touching. */
  if (n > 0)
    {
      g_autofree gchar *last = rg_chart_dup_point_label (chart, n - 1);
      gdouble last_w, h, right = -G_MAXDOUBLE, limit;

      rg_chart_text_size (cr, last, &last_w, &h);
      limit = LEFT + (n - 1) * layout.step_x - (n > 1 ? last_w : last_w / 2) - LABEL_GAP;
      rg_chart_draw_text (cr, &palette->fg, last, LEFT + (n - 1) * layout.step_x, height - BOTTOM + 4,
                          n > 1 ? 1 : 0.5, 0);
      for (guint i = 0; i + 1 < n; i++)
        {
          g_autofree gchar *label = rg_chart_dup_point_label (chart, i);
          gdouble w, x = LEFT + i * layout.step_x, xalign = i == 0 ? 0 : 0.5;

          rg_chart_text_size (cr, label, &w, &h);
          if (x - xalign * w < right + LABEL_GAP || x + (1 - xalign) * w > limit)
            continue;
          rg_chart_draw_text (cr, &palette->fg, label, x, height - BOTTOM + 4, xalign, 0);
          right = x + (1 - xalign) * w;
        }
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, &palette->previous);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  trace (chart, cr, &layout, TRUE);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  gdk_cairo_set_source_rgba (cr, &palette->accent);
  cairo_set_line_width (cr, 2.5);
  trace (chart, cr, &layout, FALSE);
  cairo_stroke (cr);

  if (highlight >= 0 && !isnan (rg_chart_get_value (chart, (guint) highlight)))
    {
      gdouble x = LEFT + highlight * layout.step_x;

      gdk_cairo_set_source_rgba (cr, &palette->grid);
      cairo_move_to (cr, x, TOP);
      cairo_line_to (cr, x, TOP + layout.plot_h);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, &palette->accent);
      cairo_arc (cr, x, y_of (&layout, rg_chart_get_value (chart, (guint) highlight)), 4.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  rg_chart_draw_legend (cr, palette, LEFT, 2, rg_chart_measure_name (rg_chart_get_measure (chart)),
                        self->previous_name != NULL ? self->previous_name : _("Period before"), TRUE);
}

static gint
rg_chart_lines_index_at (RgChart *chart,
                         gdouble  width,
                         gdouble  height,
                         gdouble  x,
                         gdouble  y)
{
  guint n = rg_chart_get_n_points (chart);
  Layout layout;
  gdouble i;

  make_layout (chart, width, height, &layout);
  if (x < LEFT - 8 || x > width - RIGHT + 8 || y < TOP || y > TOP + layout.plot_h)
    return -1;
  if (n == 1)
    return 0;
  i = round ((x - LEFT) / layout.step_x);
  return (gint) CLAMP (i, 0, n - 1);
}

static void
rg_chart_lines_finalize (GObject *object)
{
  RgChartLines *self = RG_CHART_LINES (object);

  g_free (self->previous_name);

  G_OBJECT_CLASS (rg_chart_lines_parent_class)->finalize (object);
}

static void
rg_chart_lines_class_init (RgChartLinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RgChartClass *chart_class = RG_CHART_CLASS (klass);

  object_class->finalize = rg_chart_lines_finalize;
  chart_class->draw = rg_chart_lines_draw;
  chart_class->index_at = rg_chart_lines_index_at;
}

static void
rg_chart_lines_init (RgChartLines *self)
{
}

/* ------------------------------------------------------------ public API */

GtkWidget *
rg_chart_lines_new (void)
{
  return g_object_new (RG_TYPE_CHART_LINES, NULL);
}

/* What the dashed line is called in the legend ("A year before"). */
void
rg_chart_lines_set_previous_name (RgChartLines *self,
                                  const gchar  *name)
{
  g_return_if_fail (RG_IS_CHART_LINES (self));

  g_free (self->previous_name);
  self->previous_name = g_strdup (name);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rg_chart_lines_get_point_center:
 * @self: a line chart
 * @index: a bucket
 * @x: (out): where its value is drawn, in widget coordinates
 * @y: (out): where its value is drawn
 *
 * Returns: whether there is such a bucket with a value.
 */
gboolean
rg_chart_lines_get_point_center (RgChartLines *self,
                                 guint         index,
                                 gdouble      *x,
                                 gdouble      *y)
{
  RgChart *chart = RG_CHART (self);
  Layout layout;

  g_return_val_if_fail (RG_IS_CHART_LINES (self), FALSE);

  if (index >= rg_chart_get_n_points (chart) || isnan (rg_chart_get_value (chart, index)))
    return FALSE;
  make_layout (chart, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), &layout);
  *x = LEFT + index * layout.step_x;
  *y = y_of (&layout, rg_chart_get_value (chart, index));
  return TRUE;
}
