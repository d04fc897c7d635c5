/* rg-owner-pdf.c — a report printed to an A4 PDF with Cairo.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Units are PostScript points (1/72 inch).  The margins are 18 mm on every
 * side, more than the 15 mm most printers need.  The chart is drawn by the
 * same code as on screen with the print palette; the tables have the
 * columns of the screen's (the name, the group, the numbers and how they
 * moved); a table that reaches the bottom margin goes on over the next page
 * under its column headings.
 */
#include "rg-owner-pdf.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "rg-error.h"

#define A4_WIDTH     595.276
#define A4_HEIGHT    841.890
#define MARGIN       (18 / 25.4 * 72)
#define CHART_HEIGHT 300.0
#define LINE         15.0
#define GAP          8.0
#define HEAD_FONT    "Sans Bold 8"
#define CELL_FONT    "Sans 8"

typedef struct
{
  cairo_t        *cr;
  RgChartPalette  palette;
  gdouble         y;
  guint           page;
} Page;

/* --------------------------------------------------------------- helpers */

static gdouble
content_width (void)
{
  return A4_WIDTH - 2 * MARGIN;
}

static void
draw_text (Page        *page,
           const gchar *text,
           const gchar *font_name,
           gdouble      x,
           gdouble      width,
           gdouble      xalign)
{
  g_autoptr(PangoLayout) layout = rg_chart_create_layout (page->cr, text);
  g_autoptr(PangoLayout) reference = rg_chart_create_layout (page->cr, "Ag");
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  gdouble shift;
  gint w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_font_description (reference, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (gint) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  /* On the baseline of Latin text, whatever script the text is in, so a
   * row of Chinese names lines up with its numbers. */
  shift = (pango_layout_get_baseline (reference) - pango_layout_get_baseline (layout)) / (gdouble) PANGO_SCALE;
  gdk_cairo_set_source_rgba (page->cr, &page->palette.fg);
  cairo_move_to (page->cr, x + xalign * (width - w), page->y + shift);
  pango_cairo_show_layout (page->cr, layout);
}

/* The page number at the foot of the page being finished. */
static void
draw_foot (Page *page)
{
  g_autofree gchar *number = NULL;

  page->y = A4_HEIGHT - MARGIN + 4;
  /* Translators: the foot of a printed report's page */
  number = g_strdup_printf (_("Page %u"), page->page);
  draw_text (page, number, "Sans 8", MARGIN, content_width (), 1);
}

static void
new_page (Page *page)
{
  draw_foot (page);
  cairo_show_page (page->cr);
  page->page++;
  page->y = MARGIN;
}

/* Where a table's columns go across the page. */
typedef struct
{
  guint   n;
  gdouble x[RG_OWNER_TABLE_MAX_COLUMNS];
  gdouble width[RG_OWNER_TABLE_MAX_COLUMNS];
} Columns;

static gdouble
text_width (Page        *page,
            const gchar *text,
            const gchar *font_name)
{
  g_autoptr(PangoLayout) layout = rg_chart_create_layout (page->cr, text);
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_extents (layout, NULL, &logical);
  /* Rounded up, and a point more: a cell as wide as its text is not cut. */
  return ceil ((gdouble) logical.width / PANGO_SCALE) + 1;
}

/* Each column of numbers as wide as its widest cell or heading, so that no
 * number is cut; the name and the group share what is left, the group at
 * most its widest and two fifths of it. */
static void
lay_out_columns (Page                   *page,
                 const RgOwnerTableSpec *spec,
                 GListModel             *rows,
                 Columns                *columns)
{
  gdouble widest[RG_OWNER_TABLE_MAX_COLUMNS] = { 0 }, left = content_width (), x = MARGIN;

  columns->n = rg_owner_table_n_columns (spec);
  for (guint c = 0; c < columns->n; c++)
    {
      g_autofree gchar *title = rg_owner_table_dup_title (spec, c);

      widest[c] = text_width (page, title, HEAD_FONT);
    }
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);

      for (guint c = 1; c < columns->n; c++)
        {
          g_autofree gchar *cell = rg_owner_table_dup_cell (spec, row, c);

          widest[c] = MAX (widest[c], text_width (page, cell, CELL_FONT));
        }
    }
  for (guint c = 1; c < columns->n; c++)
    if (rg_owner_table_is_numeric (spec, c))
      {
        columns->width[c] = widest[c] + GAP;
        left -= columns->width[c];
      }
  for (guint c = 1; c < columns->n; c++)
    if (!rg_owner_table_is_numeric (spec, c))
      {
        columns->width[c] = MIN (widest[c] + GAP, left * 2 / 5);
        left -= columns->width[c];
      }
  columns->width[0] = left;
  for (guint c = 0; c < columns->n; c++)
    {
      columns->x[c] = x;
      x += columns->width[c];
    }
}

/* One line of the table: @cells[c] in column c, numbers to the right. */
static void
draw_row (Page                   *page,
          const RgOwnerTableSpec *spec,
          const Columns          *columns,
          const gchar * const    *cells,
          const gchar            *font)
{
  for (guint c = 0; c < columns->n; c++)
    {
      gboolean numeric = rg_owner_table_is_numeric (spec, c);

      /* The gap before a number, after a text. */
      draw_text (page, cells[c], font, columns->x[c] + (numeric ? GAP : 0), columns->width[c] - GAP,
                 numeric ? 1 : 0);
    }
  page->y += LINE;
}

static void
draw_table_head (Page                   *page,
                 const RgOwnerTableSpec *spec,
                 const Columns          *columns)
{
  gchar *titles[RG_OWNER_TABLE_MAX_COLUMNS + 1] = { NULL, };

  for (guint c = 0; c < columns->n; c++)
    titles[c] = rg_owner_table_dup_title (spec, c);
  draw_row (page, spec, columns, (const gchar * const *) titles, HEAD_FONT);
  for (guint c = 0; titles[c] != NULL; c++)
    g_free (titles[c]);
  gdk_cairo_set_source_rgba (page->cr, &page->palette.grid);
  cairo_set_line_width (page->cr, 0.75);
  cairo_move_to (page->cr, MARGIN, page->y - 1);
  cairo_line_to (page->cr, A4_WIDTH - MARGIN, page->y - 1);
  cairo_stroke (page->cr);
  page->y += 2;
}

static void
draw_table (Page                   *page,
            const RgOwnerTableSpec *spec,
            GListModel             *rows)
{
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;
  Columns columns;

  /* A heading never ends a page alone. */
  if (page->y + 3 * LINE + 24 > A4_HEIGHT - MARGIN)
    new_page (page);
  page->y += 10;
  draw_text (page, _(spec->title), "Sans Bold 11", MARGIN, content_width (), 0);
  page->y += 20;
  if (n == 0)
    {
      draw_text (page, _("Nothing in this period"), "Sans 9", MARGIN, content_width (), 0);
      page->y += LINE;
      return;
    }
  lay_out_columns (page, spec, rows, &columns);
  draw_table_head (page, spec, &columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);
      gchar *cells[RG_OWNER_TABLE_MAX_COLUMNS + 1] = { NULL, };

      if (page->y + LINE > A4_HEIGHT - MARGIN)
        {
          new_page (page);
          draw_table_head (page, spec, &columns);
        }
      for (guint c = 0; c < columns.n; c++)
        cells[c] = rg_owner_table_dup_cell (spec, row, c);
      draw_row (page, spec, &columns, (const gchar * const *) cells, CELL_FONT);
      for (guint c = 0; cells[c] != NULL; c++)
        g_free (cells[c]);
    }
}

/* ------------------------------------------------------------ public API */

/**
 * rg_owner_pdf_write:
 * @path: (type filename): the PDF to write, replaced if it exists
 * @title: the report's name
 * @subtitle: the range and the branch
 * @chart: (nullable): the chart to draw under the title
 * @report: the report whose sections the tables show
 * @specs: the tables, in order
 * @n_specs: how many
 * @error: return location for a #GError
 *
 * Prints @report on A4 pages.
 *
 * Returns: %TRUE on success, %FALSE with %RG_ERROR_IO when the file
 *   cannot be written.
 */
gboolean
rg_owner_pdf_write (const gchar            *path,
                    const gchar            *title,
                    const gchar            *subtitle,
                    RgChart                *chart,
                    RgReport               *report,
                    const RgOwnerTableSpec *specs,
                    guint                   n_specs,
                    GError                **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  Page page = { NULL, };

  g_return_val_if_fail (path != NULL && title != NULL && subtitle != NULL, FALSE);
  g_return_val_if_fail (RG_IS_REPORT (report), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Regulars");
  page.cr = cairo_create (surface);
  page.page = 1;
  page.y = MARGIN;
  rg_chart_palette_for_print (&page.palette);

  draw_text (&page, title, "Sans Bold 16", MARGIN, content_width (), 0);
  page.y += 26;
  draw_text (&page, subtitle, "Sans 10", MARGIN, content_width (), 0);
  page.y += 24;
  if (chart != NULL)
    {
      cairo_save (page.cr);
      cairo_translate (page.cr, MARGIN, page.y);
      rg_chart_draw (chart, page.cr, &page.palette, content_width (), CHART_HEIGHT);
      cairo_restore (page.cr);
      page.y += CHART_HEIGHT + 12;
    }
  for (guint i = 0; i < n_specs; i++)
    draw_table (&page, &specs[i], rg_report_get_section (report, specs[i].section));
  draw_foot (&page);

  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree gchar *name = g_filename_display_name (path);

      g_set_error (error, RG_ERROR, RG_ERROR_IO, _("Saving the report to %s: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
