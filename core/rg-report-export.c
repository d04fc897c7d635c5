/* rg-report-export.c — a report taken out of the terminal: the owner's
 * permission, marketing consent, the audit, and the CSV.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-report-export.h"

#include <math.h>
#include <string.h>

#include "rg-audit.h"
#include "rg-auth.h"
#include "rg-error.h"
#include "rg-privacy.h"
#include "rg-report-private.h"

/**
 * rg_report_export:
 * @db: the connection the report was made on
 * @staff_id: (nullable): who takes the report out of the terminal
 * @report: a report from rg_report_run()
 * @error: return location for a #GError
 *
 * What may leave the terminal of @report, for a file or a printout: the
 * same report without the guests who did not agree to marketing in its
 * lists of guests (top guests, lapsed regulars, coming dates, RFM guests).
 * Needs %RG_PERMISSION_EXPORT and is audited as "report.export".
 *
 * Returns: (transfer full): the report to write out, or %NULL with
 *   %RG_ERROR_PERMISSION (nothing audited) or a database error.
 */
RgReport *
rg_report_export (RgDb         *db,
                  const gchar  *staff_id,
                  RgReport     *report,
                  GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_auto(GStrv) kept = NULL;
  g_autoptr(GHashTable) kept_set = NULL;
  g_autoptr(RgReport) copy = NULL;
  g_autofree gchar *detail = NULL;
  guint n_guests;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (RG_IS_REPORT (report), NULL);

  if (!rg_auth_require (db, staff_id, RG_PERMISSION_EXPORT, error))
    return NULL;
  ids = _rg_report_dup_guest_ids (report);
  kept = rg_privacy_filter_marketing (db, (const gchar * const *) ids->pdata, error);
  if (kept == NULL)
    return NULL;
  kept_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; kept[i] != NULL; i++)
    g_hash_table_add (kept_set, kept[i]);
  copy = _rg_report_copy_keeping (report, kept_set);

  n_guests = ids->len - 1;
  detail = g_strdup_printf ("%s %s to %s, %u of %u listed guests left out without marketing consent",
                            rg_report_kind_to_string (rg_report_get_kind (report)),
                            rg_report_get_from (report), rg_report_get_to (report),
                            n_guests - g_hash_table_size (kept_set), n_guests);
  if (!rg_audit_log (db, staff_id, "report.export", rg_report_kind_to_string (rg_report_get_kind (report)),
                     detail, error))
    return NULL;
  return g_steal_pointer (&copy);
}

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
