/* rg-chart.c — the base of the owner charts.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart keeps the rows of one report section and one measure.  The kinds
 * (heatmap, bars, lines, pyramid) only draw and say which point is under a
 * position; this base turns that into a tooltip on hover and a popover on
 * a tap, and draws on screen with the style's colours.
 */
#include "rg-chart.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rg-ui-format.h"

/* The font of every chart label, on screen and on paper. */
#define CHART_FONT "Sans 9"

typedef struct
{
  /* owned */
  GPtrArray  *rows;        /* RgReportRow */
  GtkWidget  *popover;
  GtkWidget  *popover_label;
  gchar      *shown_text;  /* what the popover says */

  RgMeasure   measure;
  gint        highlight;   /* the hovered or tapped point, -1 */
} RgChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RgChart, rg_chart, GTK_TYPE_WIDGET)

/* --------------------------------------------------------------- helpers */

static void
read_palette (RgChart        *self,
              RgChartPalette *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &palette->fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &palette->accent))
    gdk_rgba_parse (&palette->accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &palette->bg))
    gdk_rgba_parse (&palette->bg, "#ffffff");
  palette->grid = palette->fg;
  palette->grid.alpha *= 0.15f;
  palette->previous = palette->fg;
  palette->previous.alpha *= 0.55f;
}

static void
set_highlight (RgChart *self,
               gint     index)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);

  if (priv->highlight == index)
    return;
  priv->highlight = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------- callbacks */

static void
on_motion_cb (GtkEventControllerMotion *controller,
              gdouble                   x,
              gdouble                   y,
              RgChart                  *self)
{
  gint index = rg_chart_index_at (self, x, y);
  g_autofree gchar *text = index >= 0 ? rg_chart_dup_point_text (self, (guint) index) : NULL;

  set_highlight (self, index);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             RgChart                  *self)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);

  if (!gtk_widget_get_visible (priv->popover))
    set_highlight (self, -1);
}

static void
on_released_cb (GtkGestureClick *gesture,
                gint             n_press,
                gdouble          x,
                gdouble          y,
                RgChart         *self)
{
  rg_chart_show_point_at (self, x, y);
}

static void
on_popover_closed_cb (GtkPopover *popover,
                      RgChart    *self)
{
  set_highlight (self, -1);
}

/* ------------------------------------------------------------- overrides */

static void
rg_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  RgChart *self = RG_CHART (widget);
  RgChartPrivate *priv = rg_chart_get_instance_private (self);
  gint width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  RgChartPalette palette;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  read_palette (self, &palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rg_chart_draw (self, cr, &palette, width, height);
  cairo_destroy (cr);
  gtk_widget_snapshot_child (widget, priv->popover, snapshot);
}

static void
rg_chart_size_allocate (GtkWidget *widget,
                        gint       width,
                        gint       height,
                        gint       baseline)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (RG_CHART (widget));

  gtk_popover_present (GTK_POPOVER (priv->popover));
}

static void
rg_chart_dispose (GObject *object)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (RG_CHART (object));

  g_clear_pointer (&priv->popover, gtk_widget_unparent);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_chart_parent_class)->dispose (object);
}

static void
rg_chart_finalize (GObject *object)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (RG_CHART (object));

  g_free (priv->shown_text);

  G_OBJECT_CLASS (rg_chart_parent_class)->finalize (object);
}

static void
rg_chart_class_init (RgChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_chart_dispose;
  object_class->finalize = rg_chart_finalize;
  widget_class->snapshot = rg_chart_snapshot;
  widget_class->size_allocate = rg_chart_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rg_chart_init (RgChart *self)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  priv->rows = g_ptr_array_new_with_free_func (g_object_unref);
  priv->highlight = -1;

  priv->popover_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (priv->popover_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (priv->popover_label), 40);
  priv->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (priv->popover), priv->popover_label);
  gtk_widget_set_parent (priv->popover, GTK_WIDGET (self));
  g_signal_connect_object (priv->popover, "closed", G_CALLBACK (on_popover_closed_cb), self, 0);

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_css_class (GTK_WIDGET (self), "owner-chart");
  /* Room for axes and a legend; a kind of chart may ask for other. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);
}

/* ------------------------------------------------------------ public API */

/**
 * rg_chart_set_rows:
 * @self: a chart
 * @rows: (nullable): #RgReportRow of one report section; %NULL for none
 * @measure: the number to draw
 *
 * Shows @rows (the chart keeps references to them, not to @rows).
 */
void
rg_chart_set_rows (RgChart    *self,
                   GListModel *rows,
                   RgMeasure   measure)
{
  RgChartPrivate *priv;
  guint n;

  g_return_if_fail (RG_IS_CHART (self));

  priv = rg_chart_get_instance_private (self);
  g_ptr_array_set_size (priv->rows, 0);
  n = rows != NULL ? g_list_model_get_n_items (rows) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (priv->rows, g_list_model_get_item (rows, i));
  priv->measure = measure;
  priv->highlight = -1;
  gtk_popover_popdown (GTK_POPOVER (priv->popover));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

RgMeasure
rg_chart_get_measure (RgChart *self)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);

  return priv->measure;
}

guint
rg_chart_get_n_points (RgChart *self)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);

  return priv->rows->len;
}

/**
 * rg_chart_get_row:
 *
 * Returns: (transfer none): the row of point @index.
 */
RgReportRow *
rg_chart_get_row (RgChart *self,
                  guint    index)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);

  g_return_val_if_fail (index < priv->rows->len, NULL);
  return priv->rows->pdata[index];
}

/* The drawn value of point @index: NaN where the measure does not apply. */
gdouble
rg_chart_get_value (RgChart *self,
                    guint    index)
{
  return rg_report_row_get_value (rg_chart_get_row (self, index), rg_chart_get_measure (self));
}

gdouble
rg_chart_get_previous (RgChart *self,
                       guint    index)
{
  return rg_report_row_get_previous (rg_chart_get_row (self, index), rg_chart_get_measure (self));
}

/* The point under the pointer or last tapped, -1 for none. */
gint
rg_chart_get_highlight (RgChart *self)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);

  return priv->highlight;
}

/* The point at (@x, @y) in widget coordinates, -1 for none. */
gint
rg_chart_index_at (RgChart *self,
                   gdouble  x,
                   gdouble  y)
{
  g_return_val_if_fail (RG_IS_CHART (self), -1);

  if (rg_chart_get_n_points (self) == 0)
    return -1;
  return RG_CHART_GET_CLASS (self)->index_at (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                              gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

gchar *
rg_chart_dup_point_label (RgChart *self,
                          guint    index)
{
  return rg_chart_dup_row_label (rg_chart_get_row (self, index));
}

/**
 * rg_chart_dup_point_text:
 *
 * Returns: (transfer full): what the tooltip and popover say of point
 *   @index: its name, the value and the period before.
 */
gchar *
rg_chart_dup_point_text (RgChart *self,
                         guint    index)
{
  RgMeasure measure = rg_chart_get_measure (self);
  g_autofree gchar *label = rg_chart_dup_point_label (self, index);
  g_autofree gchar *value = rg_chart_format_value (measure, rg_chart_get_value (self, index));
  gdouble previous = rg_chart_get_previous (self, index);
  g_autofree gchar *before = NULL;

  if (isnan (previous))
    /* Translators: a chart's value on hover, "Wed 19:00: Covers 42" */
    return g_strdup_printf (_("%s: %s %s"), label, rg_chart_measure_name (measure), value);
  before = rg_chart_format_value (measure, previous);
  /* Translators: a chart's value on hover, "Wed 19:00: Covers 42 (before: 38)" */
  return g_strdup_printf (_("%s: %s %s (before: %s)"), label, rg_chart_measure_name (measure), value, before);
}

/**
 * rg_chart_show_point_at:
 * @self: a chart
 * @x: where the tap was, in widget coordinates
 * @y: where the tap was
 *
 * What a tap does: shows the value of the point under (@x, @y) in a
 * popover pointing at it.
 *
 * Returns: whether there was a point there.
 */
gboolean
rg_chart_show_point_at (RgChart *self,
                        gdouble  x,
                        gdouble  y)
{
  RgChartPrivate *priv;
  gint index;

  g_return_val_if_fail (RG_IS_CHART (self), FALSE);

  priv = rg_chart_get_instance_private (self);
  index = rg_chart_index_at (self, x, y);
  if (index < 0)
    {
      gtk_popover_popdown (GTK_POPOVER (priv->popover));
      return FALSE;
    }
  g_free (priv->shown_text);
  priv->shown_text = rg_chart_dup_point_text (self, (guint) index);
  gtk_label_set_label (GTK_LABEL (priv->popover_label), priv->shown_text);
  gtk_popover_set_pointing_to (GTK_POPOVER (priv->popover), &(GdkRectangle) { (gint) x, (gint) y, 1, 1 });
  set_highlight (self, index);
  gtk_popover_popup (GTK_POPOVER (priv->popover));
  return TRUE;
}

/* What the popover of the last tap says; %NULL before any. */
const gchar *
rg_chart_get_shown_text (RgChart *self)
{
  RgChartPrivate *priv = rg_chart_get_instance_private (self);

  return priv->shown_text;
}

/**
 * rg_chart_draw:
 * @self: a chart
 * @cr: where to draw, the chart's top left corner at the origin
 * @palette: the colours
 * @width: the box to fill
 * @height: the box to fill
 *
 * Draws the chart, or says there is nothing to show.
 */
void
rg_chart_draw (RgChart              *self,
               cairo_t              *cr,
               const RgChartPalette *palette,
               gdouble               width,
               gdouble               height)
{
  g_return_if_fail (RG_IS_CHART (self));

  cairo_save (cr);
  if (rg_chart_get_n_points (self) == 0)
    rg_chart_draw_text (cr, &palette->previous, _("No figures for this period"), width / 2, height / 2, 0.5, 0.5);
  else
    RG_CHART_GET_CLASS (self)->draw (self, cr, palette, width, height);
  cairo_restore (cr);
}

/* Dark grey on white with the accent blue, for paper. */
void
rg_chart_palette_for_print (RgChartPalette *palette)
{
  gdk_rgba_parse (&palette->fg, "#202020");
  gdk_rgba_parse (&palette->grid, "#d8d8d8");
  gdk_rgba_parse (&palette->accent, "#1c71d8");
  gdk_rgba_parse (&palette->previous, "#808080");
  gdk_rgba_parse (&palette->bg, "#ffffff");
}

/* ------------------------------------------------------- shared drawing */

/* The names of the fixed keys of the reports (segments, tiers, counts…). */
static const gchar *
key_name (const gchar *key)
{
  static const struct { const gchar *key; const gchar *name; } names[] = {
    { "champions", N_("Champions") }, { "loyal", N_("Loyal") }, { "new", N_("New") },
    { "promising", N_("Promising") }, { "at_risk", N_("At risk") }, { "hibernating", N_("Hibernating") },
    { "returning", N_("Returning") }, { "walkin", N_("Walk-ins") },
    { "top1", N_("Top 1%") }, { "next4", N_("Next 4%") }, { "next15", N_("Next 15%") }, { "rest80", N_("Other 80%") },
    { "up", N_("Moved up") }, { "down", N_("Moved down") }, { "same", N_("Stayed") }, { "joined", N_("Joined") },
    { "left", N_("Left") }, { "active", N_("Active") }, { "inactive", N_("Inactive") },
    { "never_came", N_("Enrolled, never came") }, { "lapsed", N_("Lapsed regulars") },
    { "dish", N_("Dishes") }, { "birthday", N_("Birthday") }, { "anniversary", N_("Anniversary") },
  };
  /* The aspects of feedback, named as the rating dialog names them. */
  static const struct { const gchar *key; const gchar *name; } aspects[] = {
    { "food", NC_("rating", "Food") }, { "service", NC_("rating", "Service") },
    { "ambience", NC_("rating", "Ambience") }, { "tableware", NC_("rating", "Tableware") },
    { "overall", NC_("rating", "Overall") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aspects); i++)
    if (g_strcmp0 (key, aspects[i].key) == 0)
      return g_dpgettext2 (NULL, "rating", aspects[i].name);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (key, names[i].key) == 0)
      return _(names[i].name);
  return NULL;
}

/* "Mon" for 1 … "Sun" for 7. */
const gchar *
rg_chart_weekday_name (guint weekday)
{
  static const gchar *names[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };

  return weekday >= 1 && weekday <= 7 ? g_dpgettext2 (NULL, "weekday", names[weekday - 1]) : "";
}

/**
 * rg_chart_dup_group_label:
 * @row: a report row
 *
 * Returns: (transfer full): @row's group as people read it ("Birthday"
 *   for "birthday"), or "" when it has none.
 */
gchar *
rg_chart_dup_group_label (RgReportRow *row)
{
  const gchar *group = rg_report_row_get_group (row);
  const gchar *name = key_name (group);

  return g_strdup (name != NULL ? name : group != NULL ? group : "");
}

/**
 * rg_chart_dup_row_label:
 * @row: a report row
 *
 * Returns: (transfer full): what the first column says of @row: its
 *   label, "Wed 19:00" for a slot of the week, the name of a segment or
 *   tier, or its key.
 */
gchar *
rg_chart_dup_row_label (RgReportRow *row)
{
  gdouble weekday = rg_report_row_get_value (row, RG_MEASURE_WEEKDAY);
  gdouble hour = rg_report_row_get_value (row, RG_MEASURE_HOUR);
  const gchar *name;

  if (!isnan (weekday) && !isnan (hour))
    /* Translators: a slot of the week, "Wed 19:00" */
    return g_strdup_printf (_("%s %02u:00"), rg_chart_weekday_name ((guint) weekday), (guint) hour);
  if ((name = key_name (rg_report_row_get_key (row))) != NULL)
    return g_strdup (name);
  if (rg_report_row_get_label (row) != NULL)
    return g_strdup (rg_report_row_get_label (row));
  return g_strdup (rg_report_row_get_key (row));
}



static gboolean
is_money (RgMeasure measure)
{
  return measure == RG_MEASURE_REVENUE || measure == RG_MEASURE_COST || measure == RG_MEASURE_MARGIN ||
         measure == RG_MEASURE_MIN_VALUE || measure == RG_MEASURE_SPEND_PER_COVER;
}

/**
 * rg_chart_format_value:
 *
 * Returns: (transfer full): @value of @measure as people read it: money,
 *   a percentage, a count, or "–" where it does not apply.
 */
gchar *
rg_chart_format_value (RgMeasure measure,
                       gdouble   value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (is_money (measure))
    return rg_ui_format_money ((gint64) llround (value));
  if (measure == RG_MEASURE_MARGIN_PCT || measure == RG_MEASURE_SHARE_PCT || measure == RG_MEASURE_ATTACH_PCT ||
      measure == RG_MEASURE_MOM_PCT)
    return g_strdup_printf ("%.1f%%", value);
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* The column title of @measure. */
const gchar *
rg_chart_measure_name (RgMeasure measure)
{
  switch (measure)
    {
    case RG_MEASURE_VISITS: return _("Visits");
    case RG_MEASURE_COVERS: return _("Covers");
    case RG_MEASURE_QTY: return _("Sold");
    case RG_MEASURE_REVENUE: return _("Revenue");
    case RG_MEASURE_COST: return _("Cost");
    case RG_MEASURE_MARGIN: return _("Margin");
    case RG_MEASURE_MARGIN_PCT: return _("Margin %");
    case RG_MEASURE_SHARE_PCT: return _("Share");
    case RG_MEASURE_ATTACH_PCT: return _("Attach rate");
    case RG_MEASURE_LIFT: return _("Lift");
    case RG_MEASURE_GUESTS: return _("Guests");
    case RG_MEASURE_MIN_VALUE: return _("From");
    case RG_MEASURE_DINE_MIN: return _("Minutes");
    case RG_MEASURE_TURNOVER: return _("Turns a day");
    case RG_MEASURE_SPEND_PER_COVER: return _("Per cover");
    case RG_MEASURE_RATINGS: return _("Ratings");
    case RG_MEASURE_RATING_AVG: return _("Average rating");
    case RG_MEASURE_WEEKDAY: return _("Weekday");
    case RG_MEASURE_HOUR: return _("Hour");
    case RG_MEASURE_RANK: return _("Rank");
    case RG_MEASURE_TIER: return _("Tier");
    case RG_MEASURE_R: return _("R");
    case RG_MEASURE_F: return _("F");
    case RG_MEASURE_M: return _("M");
    case RG_MEASURE_DAYS: return _("Days");
    case RG_MEASURE_MOM_PCT: return _("Month on month");
    default: return "";
    }
}

/* A round step (1, 2 or 5 × 10ⁿ) that divides 0..@max in about @ticks. */
gdouble
rg_chart_nice_step (gdouble max,
                    guint   ticks)
{
  gdouble raw, magnitude, fraction;

  if (!(max > 0) || ticks == 0)
    return 1;
  raw = max / ticks;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

/**
 * rg_chart_create_layout:
 *
 * Returns: (transfer full): a layout of @text in the chart font on @cr.
 */
PangoLayout *
rg_chart_create_layout (cairo_t     *cr,
                        const gchar *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (CHART_FONT);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Measures @text in the chart font. */
void
rg_chart_text_size (cairo_t     *cr,
                    const gchar *text,
                    gdouble     *width,
                    gdouble     *height)
{
  g_autoptr(PangoLayout) layout = rg_chart_create_layout (cr, text);
  gint w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

/* Draws @text with its (@xalign, @yalign) point (0 left/top, 1
 * right/bottom) at (@x, @y). */
void
rg_chart_draw_text (cairo_t       *cr,
                    const GdkRGBA *colour,
                    const gchar   *text,
                    gdouble        x,
                    gdouble        y,
                    gdouble        xalign,
                    gdouble        yalign)
{
  g_autoptr(PangoLayout) layout = rg_chart_create_layout (cr, text);
  gint w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_move_to (cr, x - xalign * w, y - yalign * h);
  pango_cairo_show_layout (cr, layout);
}

/* The key of a chart with a period and the period before: two swatches
 * from (@x, @y), the second a dashed line when @previous_dashed. */
void
rg_chart_draw_legend (cairo_t              *cr,
                      const RgChartPalette *palette,
                      gdouble               x,
                      gdouble               y,
                      const gchar          *current,
                      const gchar          *previous,
                      gboolean              previous_dashed)
{
  static const gdouble dash[] = { 4, 3 };
  gdouble w, h;

  gdk_cairo_set_source_rgba (cr, &palette->accent);
  cairo_rectangle (cr, x, y + 3, 14, 8);
  cairo_fill (cr);
  rg_chart_draw_text (cr, &palette->fg, current, x + 18, y + 7, 0, 0.5);
  if (previous == NULL)
    return;
  rg_chart_text_size (cr, current, &w, &h);
  x += 18 + w + 16;
  gdk_cairo_set_source_rgba (cr, &palette->previous);
  if (previous_dashed)
    {
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, y + 7);
      cairo_line_to (cr, x + 14, y + 7);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      cairo_rectangle (cr, x, y + 3, 14, 8);
      cairo_fill (cr);
    }
  rg_chart_draw_text (cr, &palette->fg, previous, x + 18, y + 7, 0, 0.5);
}
