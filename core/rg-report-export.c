/* rg-report-export.c — a report written out as CSV.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-report-export.h"

#include <math.h>
#include <string.h>

#include "rg-error.h"

/* A field quoted as RFC 4180 wants it when it holds a comma, a quote or a
 * line break; %NULL is an empty field. */
static void
append_field (GString     *out,
              const gchar *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const gchar *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               gdouble  value)
{
  gchar buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/**
 * rg_report_to_csv:
 * @report: a report
 *
 * Writes every section of @report as CSV with the header
 * `section,key,label,group,measure,value,previous`.
 *
 * Returns: (transfer full): the CSV text, lines ending in "\n".
 */
gchar *
rg_report_to_csv (RgReport *report)
{
  GString *out;
  const gchar * const *sections;

  g_return_val_if_fail (RG_IS_REPORT (report), NULL);

  out = g_string_new ("section,key,label,group,measure,value,previous\n");
  sections = rg_report_get_sections (report);
  for (guint s = 0; sections[s] != NULL; s++)
    {
      GListModel *rows = rg_report_get_section (report, sections[s]);
      guint n_measures;
      const RgMeasure *measures = rg_report_get_measures (report, sections[s], &n_measures);

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);

          for (guint m = 0; m < n_measures; m++)
            {
              append_field (out, sections[s]);
              g_string_append_c (out, ',');
              append_field (out, rg_report_row_get_key (row));
              g_string_append_c (out, ',');
              append_field (out, rg_report_row_get_label (row));
              g_string_append_c (out, ',');
              append_field (out, rg_report_row_get_group (row));
              g_string_append_c (out, ',');
              g_string_append (out, rg_measure_to_string (measures[m]));
              g_string_append_c (out, ',');
              append_number (out, rg_report_row_get_value (row, measures[m]));
              g_string_append_c (out, ',');
              append_number (out, rg_report_row_get_previous (row, measures[m]));
              g_string_append_c (out, '\n');
            }
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * rg_report_write_csv:
 * @report: a report
 * @path: (type filename): the file to write, replaced if it exists
 * @error: return location for a #GError
 *
 * Saves rg_report_to_csv() of @report to @path (atomically: a failed save
 * leaves the old file as it was).
 *
 * Returns: %TRUE on success, %FALSE with %RG_ERROR_IO when the file cannot
 *   be written.
 */
gboolean
rg_report_write_csv (RgReport     *report,
                     const gchar  *path,
                     GError      **error)
{
  g_autofree gchar *csv = NULL;
  g_autofree gchar *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RG_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  csv = rg_report_to_csv (report);
  if (g_file_set_contents (path, csv, -1, &local_error))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, RG_ERROR, RG_ERROR_IO, "Saving the report to %s: %s", name, local_error->message);
  return FALSE;
}
