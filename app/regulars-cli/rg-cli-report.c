/* rg-cli-report.c — regulars-cli report and rollups: the owner's reports as
 * a table, CSV or JSON, and rebuilding the rollups they read.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV is rg_report_to_csv() (rg-report-export.h), the same file the owner
 * dashboard exports.  Without --from and --to a report covers the 30 days
 * up to yesterday (UTC); without --branch, all branches.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rg-cli.h"

#include "rg-report.h"
#include "rg-report-export.h"
#include "rg-rollup.h"

typedef enum
{
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

/* --------------------------------------------------------------- output */

static gboolean
is_money (RgMeasure measure)
{
  return measure == RG_MEASURE_REVENUE || measure == RG_MEASURE_COST || measure == RG_MEASURE_MARGIN ||
         measure == RG_MEASURE_MIN_VALUE || measure == RG_MEASURE_SPEND_PER_COVER;
}

static gchar *
format_value (RgMeasure measure,
              gdouble   value)
{
  if (isnan (value))
    return g_strdup ("");
  if (is_money (measure))
    return rg_cli_format_money ((gint64) llround (value));
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* Whether any row of @rows has a figure of the period before for @measure. */
static gboolean
has_previous (GListModel *rows,
              RgMeasure   measure)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);

      if (!isnan (rg_report_row_get_previous (row, measure)))
        return TRUE;
    }
  return FALSE;
}

static void
print_section_table (RgReport    *report,
                     const gchar *name)
{
  GListModel *rows = rg_report_get_section (report, name);
  guint n_measures, n_columns = 0;
  const RgMeasure *measures = rg_report_get_measures (report, name, &n_measures);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree gboolean *changes = g_new0 (gboolean, n_measures);

  g_ptr_array_add (headers, g_strdup ("NAME"));
  g_ptr_array_add (headers, g_strdup ("GROUP"));
  for (guint m = 0; m < n_measures; m++)
    {
      g_ptr_array_add (headers, g_ascii_strup (rg_measure_to_string (measures[m]), -1));
      changes[m] = has_previous (rows, measures[m]) && measures[m] != RG_MEASURE_RANK &&
                   measures[m] != RG_MEASURE_TIER;
      if (changes[m])
        g_ptr_array_add (headers, g_strdup ("±%"));
    }
  n_columns = headers->len;
  g_ptr_array_add (headers, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);
      gchar **cells = g_new0 (gchar *, n_columns + 1);
      guint c = 0;

      cells[c++] = g_strdup (rg_report_row_get_label (row));
      cells[c++] = g_strdup (rg_report_row_get_group (row) ?: "");
      for (guint m = 0; m < n_measures; m++)
        {
          gdouble change = rg_report_row_get_change_pct (row, measures[m]);

          cells[c++] = format_value (measures[m], rg_report_row_get_value (row, measures[m]));
          if (changes[m])
            cells[c++] = isnan (change) ? g_strdup ("") : g_strdup_printf ("%+.1f", change);
        }
      g_ptr_array_add (table, cells);
    }
  rg_cli_print ("\n== %s ==\n", name);
  rg_cli_print_table ((const gchar * const *) headers->pdata, table);
}

static void
print_csv (RgReport *report)
{
  g_autofree gchar *csv = rg_report_to_csv (report);

  rg_cli_print ("%s", csv);
}

static void
add_numbers (JsonBuilder     *b,
             const gchar     *member,
             RgReportRow     *row,
             const RgMeasure *measures,
             guint            n_measures,
             gboolean         previous)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint m = 0; m < n_measures; m++)
    {
      gdouble value = previous ? rg_report_row_get_previous (row, measures[m])
                               : rg_report_row_get_value (row, measures[m]);

      if (isnan (value))
        continue;
      json_builder_set_member_name (b, rg_measure_to_string (measures[m]));
      if (value == floor (value) && fabs (value) < 9e15)
        json_builder_add_int_value (b, (gint64) value);
      else
        json_builder_add_double_value (b, value);
    }
  json_builder_end_object (b);
}

static void
print_json (RgReport    *report,
            const gchar *branch_id)
{
  const gchar * const *sections = rg_report_get_sections (report);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rg_cli_json_string (b, "report", rg_report_kind_to_string (rg_report_get_kind (report)));
  rg_cli_json_string (b, "from", rg_report_get_from (report));
  rg_cli_json_string (b, "to", rg_report_get_to (report));
  rg_cli_json_string (b, "previous_from", rg_report_get_previous_from (report));
  rg_cli_json_string (b, "previous_to", rg_report_get_previous_to (report));
  rg_cli_json_string (b, "branch_id", branch_id);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_object (b);
  for (guint s = 0; sections[s] != NULL; s++)
    {
      GListModel *rows = rg_report_get_section (report, sections[s]);
      guint n_measures;
      const RgMeasure *measures = rg_report_get_measures (report, sections[s], &n_measures);

      json_builder_set_member_name (b, sections[s]);
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);

          json_builder_begin_object (b);
          rg_cli_json_string (b, "key", rg_report_row_get_key (row));
          rg_cli_json_string (b, "label", rg_report_row_get_label (row));
          rg_cli_json_string (b, "group", rg_report_row_get_group (row));
          add_numbers (b, "values", row, measures, n_measures, FALSE);
          add_numbers (b, "previous", row, measures, n_measures, TRUE);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  rg_cli_print_json (b);
}

/* -------------------------------------------------------------- command */

static gboolean
parse_format (const gchar  *text,
              gboolean      json,
              Format       *format,
              GError      **error)
{
  if (text == NULL)
    *format = json ? FORMAT_JSON : FORMAT_TABLE;
  else if (strcmp (text, "table") == 0)
    *format = FORMAT_TABLE;
  else if (strcmp (text, "csv") == 0)
    *format = FORMAT_CSV;
  else if (strcmp (text, "json") == 0)
    *format = FORMAT_JSON;
  else
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "--format is table, csv or json.");
      return FALSE;
    }
  return TRUE;
}

/* The default range: the 30 days up to yesterday, or 30 days to --to. */
static void
default_range (gchar **from,
               gchar **to)
{
  if (*to == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

      *to = g_date_time_format (yesterday, "%Y-%m-%d");
    }
  if (*from == NULL && strlen (*to) == 10)
    {
      g_autoptr(GDateTime) end = g_date_time_new_utc (atoi (*to), atoi (*to + 5), atoi (*to + 8), 0, 0, 0);
      g_autoptr(GDateTime) start = end != NULL ? g_date_time_add_days (end, -29) : NULL;

      *from = start != NULL ? g_date_time_format (start, "%Y-%m-%d") : g_strdup (*to);
    }
  else if (*from == NULL)
    *from = g_strdup (*to);
}

gboolean
rg_cli_report (RgCli   *cli,
               gint     argc,
               gchar  **argv,
               GError **error)
{
  g_autofree gchar *from = NULL;
  g_autofree gchar *to = NULL;
  g_autofree gchar *branch_name = NULL;
  g_autofree gchar *format_name = NULL;
  gboolean by_profit = FALSE;
  gint inactive_days = 0, limit = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, "First day (30 days before --to)", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, "Last day (yesterday)", "YYYY-MM-DD" },
    { "branch", 0, 0, G_OPTION_ARG_FILENAME, &branch_name, "Only this branch (all)", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_name, "table, csv or json (table)", "FORMAT" },
    { "by-profit", 0, 0, G_OPTION_ARG_NONE, &by_profit, "Tiers by profit instead of spend", NULL },
    { "inactive-days", 0, 0, G_OPTION_ARG_INT, &inactive_days, "Inactive after N days away (90)", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Longest list (20)", "N" },
    { NULL }
  };
  g_autoptr(RgBranch) branch = NULL;
  g_autoptr(RgReport) report = NULL;
  RgReportQuery query = { NULL, };
  RgReportKind kind;
  Format format;

  if (argc >= 2 && strcmp (argv[1], "uplift") == 0)
    return rg_cli_report_uplift (cli, argc, argv, error);
  if (!rg_cli_parse ("peak|dishes|tiers|rfm|service|feedback|revenue|uplift [--from DAY] [--to DAY] "
                     "[--branch NAME] [--format table|csv|json]",
                     entries, &argc, &argv, 1, 1, error) ||
      !parse_format (format_name, cli->json, &format, error) ||
      !rg_cli_check_range (inactive_days, 0, 36500, "--inactive-days", error) ||
      !rg_cli_check_range (limit, 0, 100000, "--limit", error))
    return FALSE;
  if (!rg_report_kind_from_string (argv[1], &kind))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "There is no report '%s': peak, dishes, tiers, rfm, service, feedback, revenue or uplift.",
                   g_utf8_validate (argv[1], -1, NULL) ? argv[1] : "?");
      return FALSE;
    }
  if (!rg_cli_require (cli, RG_PERMISSION_VIEW_REPORTS, error))
    return FALSE;
  if (branch_name != NULL && (branch = rg_cli_get_branch (cli, branch_name, error)) == NULL)
    return FALSE;

  default_range (&from, &to);
  query.staff_id = cli->staff_id;
  query.from = from;
  query.to = to;
  query.branch_id = branch != NULL ? rg_branch_get_id (branch) : NULL;
  query.by_profit = by_profit;
  query.inactive_days = (guint) inactive_days;
  query.limit = (guint) limit;
  report = rg_report_run (cli->db, kind, &query, error);
  if (report == NULL)
    return FALSE;
  /* CSV and JSON are for files and other programs: what may leave the
   * terminal (the owner's permission, marketing consent, the audit). */
  if (format != FORMAT_TABLE)
    {
      RgReport *exported = rg_report_export (cli->db, cli->staff_id, report, error);

      if (exported == NULL)
        return FALSE;
      g_object_unref (report);
      report = exported;
    }

  switch (format)
    {
    case FORMAT_JSON:
      print_json (report, query.branch_id);
      break;
    case FORMAT_CSV:
      print_csv (report);
      break;
    case FORMAT_TABLE:
      rg_cli_print ("%s report, %s to %s (before: %s to %s)%s%s\n", rg_report_kind_to_string (kind),
                    rg_report_get_from (report), rg_report_get_to (report),
                    rg_report_get_previous_from (report), rg_report_get_previous_to (report),
                    branch != NULL ? ", branch " : ", all branches", branch != NULL ? rg_branch_get_name (branch) : "");
      for (const gchar * const *s = rg_report_get_sections (report); *s != NULL; s++)
        print_section_table (report, *s);
      break;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- rollups */

static gboolean
rollups_rebuild (RgCli   *cli,
                 gint     argc,
                 gchar  **argv,
                 GError **error)
{
  gint64 start;

  if (!rg_cli_parse ("rebuild", NULL, &argc, &argv, 0, 0, error) || rg_cli_open (cli, error) == NULL)
    return FALSE;
  start = g_get_monotonic_time ();
  if (!rg_rollup_rebuild (cli->db, error))
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      rg_cli_json_int (b, "ms", (g_get_monotonic_time () - start) / 1000);
      json_builder_end_object (b);
      rg_cli_print_json (b);
    }
  else
    rg_cli_print ("Rebuilt the report rollups in %.1f s.\n", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

gboolean
rg_cli_rollups (RgCli   *cli,
                gint     argc,
                gchar  **argv,
                GError **error)
{
  static const RgCliCommand commands[] = {
    { "rebuild", rollups_rebuild, "recreate every report rollup from the closed checks" },
  };

  return rg_cli_run_group (cli, "rollups", commands, G_N_ELEMENTS (commands), argc, argv, error);
}
