/* check-report-export.c — a report as CSV: the header, one line per row and
 * measure, quoting that a CSV reader reads back, the numbers of the report,
 * saving to a file (and failing to, leaving nothing behind); and what may
 * leave the terminal: the owner's, without guests who refused marketing.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-csv.h"
#include "rg-demo.h"
#include "rg-report.h"
#include "rg-report-export.h"
#include "rg-rollup.h"

#define LAST_DAY "2026-06-30"
#define ODD_NAME "Fish, \"Chips\" and\nPeas"

/* A small demo restaurant whose best-selling dish has a name that needs
 * quoting; returns the dishes report of June. */
static RgReport *
make_report (RgTestDb *t)
{
  const RgDemoOptions options = { .guests = 60, .days = 40, .branches = 1, .seed = 7, .last_day = LAST_DAY };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);
  g_autoptr(RgStmt) rename = NULL;
  RgReportQuery query = { .staff_id = owner_id, .from = "2026-06-01", .to = LAST_DAY, .limit = 1000 };
  RgReport *report;

  ck_assert (rg_demo_generate (t->db, &options, NULL, &error));
  ck_assert_no_error (error);
  rename = rg_db_prepare (t->db,
                          "UPDATE menu_item SET name = ?1 WHERE id = (SELECT item_id FROM order_line "
                          "GROUP BY item_id ORDER BY sum (qty) DESC LIMIT 1)", &error);
  ck_assert_no_error (error);
  sqlite3_bind_text (rename, 1, ODD_NAME, -1, SQLITE_STATIC);
  ck_assert_int_eq (sqlite3_step (rename), SQLITE_DONE);
  ck_assert (rg_rollup_rebuild (t->db, &error));
  ck_assert_no_error (error);

  report = rg_report_run (t->db, RG_REPORT_DISHES, &query, &error);
  ck_assert_no_error (error);
  return report;
}

static guint
count_lines (RgReport *report)
{
  guint n = 0;

  for (const gchar * const *s = rg_report_get_sections (report); *s != NULL; s++)
    {
      guint n_measures;

      rg_report_get_measures (report, *s, &n_measures);
      n += g_list_model_get_n_items (rg_report_get_section (report, *s)) * n_measures;
    }
  return n;
}

static RgCsvReader *
read_csv (const gchar *text)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
  g_autoptr(GError) error = NULL;
  RgCsvReader *reader = rg_csv_reader_new (stream, "UTF-8", &error);

  ck_assert_no_error (error);
  rg_csv_reader_set_delimiter (reader, ',');
  ck_assert (rg_csv_reader_read_header (reader, &error));
  ck_assert_no_error (error);
  return reader;
}

/* ------------------------------------------------------------------ csv */

START_TEST (test_csv_has_a_line_per_row_and_measure)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgReport) report = make_report (t);
  g_autofree gchar *csv = rg_report_to_csv (report);
  g_autoptr(RgCsvReader) reader = read_csv (csv);
  g_autoptr(GError) error = NULL;
  guint lines = 0;

  ck_assert (g_str_has_prefix (csv, "section,key,label,group,measure,value,previous\n"));
  ck_assert_uint_eq (rg_csv_reader_get_n_columns (reader), 7);
  while (rg_csv_reader_next (reader, &error))
    {
      ck_assert_uint_eq (rg_csv_reader_get_n_fields (reader), 7);
      lines++;
    }
  ck_assert_no_error (error);
  ck_assert_uint_gt (lines, 0);
  ck_assert_uint_eq (lines, count_lines (report));
}
END_TEST

START_TEST (test_csv_quotes_names_and_keeps_the_numbers)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgReport) report = make_report (t);
  g_autofree gchar *csv = rg_report_to_csv (report);
  g_autoptr(RgCsvReader) reader = read_csv (csv);
  g_autoptr(GError) error = NULL;
  GListModel *items = rg_report_get_section (report, "items");
  gdouble expected = NAN;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (items, i);

      if (g_strcmp0 (rg_report_row_get_label (row), ODD_NAME) == 0)
        expected = rg_report_row_get_value (row, RG_MEASURE_REVENUE);
    }
  ck_assert_msg (!isnan (expected) && expected > 0, "the renamed dish is not in the report");

  while (rg_csv_reader_next (reader, &error))
    if (strcmp (rg_csv_reader_get_field (reader, 0, NULL), "items") == 0 &&
        strcmp (rg_csv_reader_get_field (reader, 2, NULL), ODD_NAME) == 0 &&
        strcmp (rg_csv_reader_get_field (reader, 4, NULL), "revenue") == 0)
      {
        ck_assert_double_eq_tol (g_ascii_strtod (rg_csv_reader_get_field (reader, 5, NULL), NULL), expected, 0.5);
        found = TRUE;
      }
  ck_assert_no_error (error);
  ck_assert (found);
}
END_TEST

START_TEST (test_csv_leaves_missing_values_empty)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgReport) report = make_report (t);
  g_autofree gchar *csv = rg_report_to_csv (report);

  /* An unknown figure is an empty field, never "nan". */
  ck_assert_ptr_null (strstr (csv, "nan"));
  ck_assert_ptr_null (strstr (csv, "NaN"));
}
END_TEST

/* ----------------------------------------------------------------- file */

START_TEST (test_write_csv_saves_the_text)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgReport) report = make_report (t);
  g_autofree gchar *path = g_build_filename (t->dir, "dishes.csv", NULL);
  g_autofree gchar *expected = rg_report_to_csv (report);
  g_autofree gchar *written = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (rg_report_write_csv (report, path, &error));
  ck_assert_no_error (error);
  ck_assert (g_file_get_contents (path, &written, NULL, &error));
  ck_assert_str_eq (written, expected);
}
END_TEST

START_TEST (test_write_csv_to_a_missing_folder_fails)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgReport) report = make_report (t);
  g_autofree gchar *path = g_build_filename (t->dir, "no-such-folder", "dishes.csv", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (!rg_report_write_csv (report, path, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_IO);
  ck_assert_ptr_nonnull (strstr (error->message, "dishes.csv"));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

/* ---------------------------------------------------------------- export */

/* The guest rows of @section in @report whose guest agreed to marketing. */
static guint
count_consenting (RgDb        *db,
                  RgReport    *report,
                  const gchar *section)
{
  GListModel *rows = rg_report_get_section (report, section);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RgStmt) stmt = rg_db_prepare (db, "SELECT consent_marketing FROM guest WHERE id = ?1", NULL);

      sqlite3_bind_text (stmt, 1, rg_report_row_get_key (row), -1, SQLITE_STATIC);
      ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
      n += sqlite3_column_int (stmt, 0);
    }
  return n;
}

/* Guests who did not agree to marketing are left out of every list of
 * guests that leaves the terminal; the other sections stay whole. */
START_TEST (test_export_leaves_out_guests_without_consent)
{
  const RgDemoOptions options = { .guests = 200, .days = 120, .branches = 1, .seed = 11, .last_day = LAST_DAY };
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *owner_id = rg_test_dup_staff_id (t->db, RG_ROLE_OWNER);
  RgReportQuery query = { .staff_id = owner_id, .from = "2026-03-01", .to = LAST_DAY, .limit = 1000,
                          .inactive_days = 30 };
  const RgReportKind kinds[] = { RG_REPORT_TIERS, RG_REPORT_RFM };
  guint guest_rows = 0, left_out = 0;

  ck_assert (rg_demo_generate (t->db, &options, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (sqlite3_exec (rg_db_get_handle (t->db),
                                  "UPDATE guest SET consent_marketing = rowid % 2", NULL, NULL, NULL), SQLITE_OK);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(RgReport) report = rg_report_run (t->db, kinds[k], &query, &error);
      g_autoptr(RgReport) exported = NULL;
      gint64 audits = rg_test_query_int (t->db, "SELECT count(*) FROM audit_log WHERE action = 'report.export'");

      ck_assert_no_error (error);
      exported = rg_report_export (t->db, owner_id, report, &error);
      ck_assert_no_error (error);
      ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM audit_log WHERE action = 'report.export'"),
                        audits + 1);
      for (const gchar * const *s = rg_report_get_sections (report); *s != NULL; s++)
        {
          guint before = g_list_model_get_n_items (rg_report_get_section (report, *s));
          guint after = g_list_model_get_n_items (rg_report_get_section (exported, *s));

          if (g_strv_contains ((const gchar * const []) { "top", "lapsed", "dates", "guests", NULL }, *s))
            {
              ck_assert_uint_eq (after, count_consenting (t->db, report, *s));
              ck_assert_uint_eq (count_consenting (t->db, exported, *s), after);
              guest_rows += before;
              left_out += before - after;
            }
          else
            ck_assert_uint_eq (after, before);
        }
    }
  /* The demo has guests on both sides of the line. */
  ck_assert_uint_gt (left_out, 0);
  ck_assert_uint_lt (left_out, guest_rows);
}
END_TEST

/* Only the owner takes reports out of the terminal; a refusal exports
 * nothing. */
START_TEST (test_export_is_the_owners)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgReport) report = make_report (t);
  const RgRole others[] = { RG_ROLE_HOST, RG_ROLE_WAITER, RG_ROLE_MANAGER };
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *staff_id = rg_test_dup_staff_id (t->db, others[i]);
      g_autoptr(RgReport) exported = rg_report_export (t->db, staff_id, report, &error);

      ck_assert (exported == NULL);
      ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RgReport) exported = rg_report_export (t->db, NULL, report, &error);

    ck_assert (exported == NULL);
    ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM audit_log WHERE action = 'report.export'"), 0);
}
END_TEST

static Suite *
report_export_suite (void)
{
  Suite *s = suite_create ("report-export");
  TCase *tc;

  tc = tcase_create ("csv");
  tcase_add_test (tc, test_csv_has_a_line_per_row_and_measure);
  tcase_add_test (tc, test_csv_quotes_names_and_keeps_the_numbers);
  tcase_add_test (tc, test_csv_leaves_missing_values_empty);
  suite_add_tcase (s, tc);

  tc = tcase_create ("file");
  tcase_add_test (tc, test_write_csv_saves_the_text);
  tcase_add_test (tc, test_write_csv_to_a_missing_folder_fails);
  suite_add_tcase (s, tc);

  tc = tcase_create ("export");
  tcase_add_test (tc, test_export_leaves_out_guests_without_consent);
  tcase_add_test (tc, test_export_is_the_owners);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (report_export_suite ());
}
