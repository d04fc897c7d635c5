/* fuzz-csv.c — fuzz target: CSV files from other systems (rg-csv reading,
 * rg-import importing).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a whole file.  What holds for every input:
 *  - the reader, in UTF-8 and in GBK, gives records of exactly as many
 *    fields as the header, each valid UTF-8 of its stated length, or stops
 *    with RG_ERROR_INVALID and a message in valid UTF-8;
 *  - an import with either of two fixed mappings either fails and leaves
 *    no visit and no line behind, or writes as many visits and lines, and
 *    as much revenue, as its result says.
 * One database in memory is made per process; each import runs inside a
 * transaction that is rolled back, so every input meets the same empty
 * database.
 */
#include <string.h>

#include "rg-csv.h"
#include "rg-fuzz.h"
#include "rg-import.h"

/* Every role in its own column, and a date apart from the time. */
static const gchar *const mappings[] = {
  "visit=order,time=time,item=item,qty=qty,price=price,amount=amount,"
  "guest=guest,phone=phone,category=category,branch=branch",
  "visit=order,date=date,time=time,item=item,price=price",
};

static GInputStream *
stream_for (const uint8_t *data,
            size_t         size)
{
  return g_memory_input_stream_new_from_data (g_memdup2 (data, size), (gssize) size, g_free);
}

static void
check_refusal (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
read_all (const uint8_t *data,
          size_t         size,
          const gchar   *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = stream_for (data, size);
  g_autoptr(RgCsvReader) reader = rg_csv_reader_new (stream, encoding, &error);
  g_autofree gchar *columns = NULL;
  guint n_columns;

  g_assert_no_error (error);
  if (!rg_csv_reader_read_header (reader, &error))
    {
      check_refusal (error);
      return;
    }
  n_columns = rg_csv_reader_get_n_columns (reader);
  g_assert_cmpuint (n_columns, >, 0);
  columns = rg_csv_reader_dup_column_list (reader);
  g_assert_true (g_utf8_validate (columns, -1, NULL));
  for (guint i = 0; i < n_columns; i++)
    g_assert_cmpint (rg_csv_reader_find_column (reader, rg_csv_reader_get_column_name (reader, i)), <=, (gint) i);

  while (rg_csv_reader_next (reader, &error))
    {
      g_assert_cmpuint (rg_csv_reader_get_n_fields (reader), ==, n_columns);
      g_assert_cmpuint (rg_csv_reader_get_line (reader), >, 1);
      for (guint i = 0; i < n_columns; i++)
        {
          gsize length;
          const gchar *field = rg_csv_reader_get_field (reader, i, &length);

          g_assert_cmpuint (strlen (field), ==, length);
          g_assert_true (g_utf8_validate (field, (gssize) length, NULL));
        }
    }
  if (error != NULL)
    check_refusal (error);
}

static void
check_import (RgDb          *db,
              const uint8_t *data,
              size_t         size,
              const gchar   *map)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTransaction) txn = rg_db_begin (db, &error);
  g_autoptr(RgImportOptions) options = rg_import_options_new ();
  g_autoptr(GInputStream) stream = stream_for (data, size);
  g_autoptr(RgImportResult) result = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (txn);   /* rolled back when it goes out of scope */
  g_assert_true (rg_import_options_set_map (options, map, &error));
  result = rg_import_orders_from_stream (db, stream, options, &error);
  if (result == NULL)
    {
      check_refusal (error);
      g_assert_cmpint (rg_fuzz_query_int (db, "SELECT count(*) FROM visit"), ==, 0);
      g_assert_cmpint (rg_fuzz_query_int (db, "SELECT count(*) FROM order_line"), ==, 0);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (rg_fuzz_query_int (db, "SELECT count(*) FROM visit"), ==, result->visits);
  g_assert_cmpint (rg_fuzz_query_int (db, "SELECT count(*) FROM order_line"), ==, result->lines);
  g_assert_cmpint (rg_fuzz_query_int (db, "SELECT coalesce (sum (qty * unit_price - discount), 0) FROM order_line"),
                   ==, result->revenue);
  g_assert_cmpuint (result->visits, <=, result->rows);
  for (guint i = 0; i < result->skipped->len; i++)
    {
      const RgImportIssue *issue = g_ptr_array_index (result->skipped, i);

      g_assert_cmpuint (issue->line, >, 1);
      g_assert_true (g_utf8_validate (issue->reason, -1, NULL));
    }
}

static RgDb *
shared_db (void)
{
  /* libFuzzer's entry point has no user data: the database lives as long
   * as the process. */
  static RgDb *db;

  if (db == NULL)
    db = rg_fuzz_open_db ();
  return db;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rg_fuzz_init ();
  shared_db ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  read_all (data, size, NULL);
  read_all (data, size, "GBK");
  for (guint i = 0; i < G_N_ELEMENTS (mappings); i++)
    check_import (shared_db (), data, size, mappings[i]);
  return 0;
}
