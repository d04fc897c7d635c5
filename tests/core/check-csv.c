/* check-csv.c — the CSV reader: RFC 4180 and its real-world departures,
 * delimiters, headers, encodings and broken files.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-csv.h"

static RgCsvReader *
reader_for (const gchar *bytes,
            gssize       length,
            const gchar *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  RgCsvReader *reader;

  if (length < 0)
    length = (gssize) strlen (bytes);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (bytes, (gsize) length), length, g_free);
  reader = rg_csv_reader_new (stream, encoding, &error);
  ck_assert_no_error (error);
  return reader;
}

/* Reads every record of @reader as "field|field|…" lines prefixed by the
 * record's line number ("3:a|b"), joined by "\n". */
static gchar *
read_all (RgCsvReader  *reader,
          GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  while (rg_csv_reader_next (reader, error))
    {
      g_string_append_printf (out, "%s%u:", out->len > 0 ? "\n" : "", rg_csv_reader_get_line (reader));
      for (guint i = 0; i < rg_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", rg_csv_reader_get_field (reader, i, NULL));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_reads (const gchar *bytes,
              const gchar *expected)
{
  g_autoptr(RgCsvReader) reader = reader_for (bytes, -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *got = read_all (reader, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (got, expected);
}

static void
assert_fails (const gchar *bytes,
              gssize       length,
              const gchar *encoding,
              const gchar *message_part)
{
  g_autoptr(RgCsvReader) reader = reader_for (bytes, length, encoding);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *got = NULL;

  ck_assert (rg_csv_reader_read_header (reader, &error) || error != NULL);
  if (error == NULL)
    got = read_all (reader, &error);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_msg (strstr (error->message, message_part) != NULL,
                 "“%s” does not say “%s”", error->message, message_part);
}

/* --------------------------------------------------------------- RFC 4180 */

START_TEST (test_plain_records)
{
  assert_reads ("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3");
  assert_reads ("a,b\n1,2", "1:a|b\n2:1|2");               /* no final line end */
  assert_reads ("a,,c\n,,\n", "1:a||c\n2:||");               /* empty fields */
  assert_reads ("", "");
}
END_TEST

START_TEST (test_line_ends)
{
  assert_reads ("a,b\r\n1,2\r\n3,4\r\n", "1:a|b\n2:1|2\n3:3|4");
  assert_reads ("a,b\r1,2\r3,4", "1:a|b\n2:1|2\n3:3|4");
  assert_reads ("a,b\n\n\r\n1,2\n\n", "1:a|b\n4:1|2");       /* blank lines skipped */
}
END_TEST

START_TEST (test_quoted_fields)
{
  assert_reads ("\"a,b\",\"say \"\"hi\"\"\",\"\"\n", "1:a,b|say \"hi\"|");
  /* a line end inside quotes is part of the field, and counts as a line */
  assert_reads ("x,\"two\r\nlines\"\ny,z\n", "1:x|two\r\nlines\n3:y|z");
  /* spaces around a quoted field, as some exports write them */
  assert_reads ("a, \"b\" ,c\n", "1:a|b|c");
  /* unquoted fields keep their spaces */
  assert_reads (" a , b\n", "1: a | b");
}
END_TEST

START_TEST (test_bom_is_skipped)
{
  g_autoptr(RgCsvReader) reader = reader_for ("\xef\xbb\xbfName,Qty\nTea,1\n", -1, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (rg_csv_reader_read_header (reader, &error));
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_csv_reader_get_column_name (reader, 0), "Name");
  ck_assert_int_eq (rg_csv_reader_find_column (reader, "name"), 0);
}
END_TEST

START_TEST (test_records_across_chunks)
{
  g_autoptr(GString) text = g_string_new ("id,note\n");
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(RgCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* a field longer than the reader's buffer, then records that straddle
   * buffer ends at every offset */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (big, (gchar) ('a' + i % 26));
  g_string_append_printf (text, "0,\"%s\"\r\n", big->str);
  for (guint i = 1; i <= 20000; i++)
    g_string_append_printf (text, "%u,\"n \"\"%u\"\"\"\r\n", i, i);

  reader = reader_for (text->str, (gssize) text->len, NULL);
  ck_assert (rg_csv_reader_read_header (reader, &error));
  while (rg_csv_reader_next (reader, &error))
    {
      gsize length;
      const gchar *note = rg_csv_reader_get_field (reader, 1, &length);
      g_autofree gchar *expected = g_strdup_printf ("n \"%u\"", n);

      ck_assert_uint_eq (rg_csv_reader_get_line (reader), n + 2);
      if (n == 0)
        {
          ck_assert_uint_eq (length, big->len);
          ck_assert_str_eq (note, big->str);
        }
      else
        ck_assert_str_eq (note, expected);
      n++;
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (n, 20001);
}
END_TEST

/* -------------------------------------------------------------- delimiters */

START_TEST (test_delimiter_is_guessed)
{
  g_autoptr(RgCsvReader) semicolon = reader_for ("a;b;\"c,d\"\n1;2,5;3\n", -1, NULL);
  g_autoptr(RgCsvReader) tab = reader_for ("a\tb c\td\n1\t2\t3\n", -1, NULL);
  g_autoptr(RgCsvReader) comma = reader_for ("\"x;y\",z\n", -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *s = read_all (semicolon, &error);
  g_autofree gchar *t = read_all (tab, &error);
  g_autofree gchar *c = read_all (comma, &error);

  ck_assert_no_error (error);
  ck_assert_int_eq (rg_csv_reader_get_delimiter (semicolon), ';');
  ck_assert_str_eq (s, "1:a|b|c,d\n2:1|2,5|3");
  ck_assert_int_eq (rg_csv_reader_get_delimiter (tab), '\t');
  ck_assert_str_eq (t, "1:a|b c|d\n2:1|2|3");
  ck_assert_int_eq (rg_csv_reader_get_delimiter (comma), ',');
  ck_assert_str_eq (c, "1:x;y|z");
}
END_TEST

START_TEST (test_delimiter_can_be_set)
{
  g_autoptr(RgCsvReader) reader = reader_for ("a|b;c\n", -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *got = NULL;

  rg_csv_reader_set_delimiter (reader, '|');
  got = read_all (reader, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (got, "1:a|b;c");
}
END_TEST

/* ----------------------------------------------------------------- header */

START_TEST (test_header_lookup)
{
  g_autoptr(RgCsvReader) reader = reader_for (" Order ID ,Prix,ÉTAT\n1,2,3\n", -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *list = NULL;

  ck_assert (rg_csv_reader_read_header (reader, &error));
  ck_assert_uint_eq (rg_csv_reader_get_n_columns (reader), 3);
  ck_assert_int_eq (rg_csv_reader_find_column (reader, "order id"), 0);
  ck_assert_int_eq (rg_csv_reader_find_column (reader, "  ORDER ID"), 0);
  ck_assert_int_eq (rg_csv_reader_find_column (reader, "prix"), 1);
  ck_assert_int_eq (rg_csv_reader_find_column (reader, "état"), 2);
  ck_assert_int_eq (rg_csv_reader_find_column (reader, "order"), -1);
  list = rg_csv_reader_dup_column_list (reader);
  ck_assert_str_eq (list, "Order ID, Prix, ÉTAT");

  ck_assert (rg_csv_reader_next (reader, &error));
  ck_assert_str_eq (rg_csv_reader_get_field (reader, 2, NULL), "3");
  ck_assert (!rg_csv_reader_next (reader, &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_empty_file_has_no_header)
{
  assert_fails ("", -1, NULL, "empty");
  assert_fails ("\n\r\n", -1, NULL, "empty");
}
END_TEST

START_TEST (test_field_count_must_match_header)
{
  assert_fails ("a,b,c\n1,2,3\n1,2\n", -1, NULL, "line 3 has 2 fields, but the header has 3");
  assert_fails ("a,b\n1,2\n\n1,2,3\n", -1, NULL, "line 4 has 3 fields");
}
END_TEST

/* ----------------------------------------------------------------- broken */

START_TEST (test_unclosed_quote)
{
  assert_fails ("a,b\n1,2\n3,\"four\n5,6\n", -1, NULL, "line 3: the quote that opens a field there is never closed");
}
END_TEST

START_TEST (test_quote_inside_unquoted_field)
{
  assert_fails ("a,b\n1,12\" pizza\n", -1, NULL, "line 2, field 2: a quote in the middle");
}
END_TEST

START_TEST (test_text_after_closing_quote)
{
  assert_fails ("a,b\n\"x\"y,2\n", -1, NULL, "line 2, field 1: text after the closing quote");
}
END_TEST

/* -------------------------------------------------------------- encodings */

START_TEST (test_invalid_utf8_names_the_line)
{
  static const gchar nul[] = "name\nTea\0" "x\n";

  assert_fails ("name\nTea\nCr\xe8me\n", -1, NULL, "line 3 is not valid UTF-8");
  assert_fails (nul, sizeof nul - 1, NULL, "line 2 is not valid UTF-8");
}
END_TEST

START_TEST (test_latin1_and_windows_1252)
{
  g_autoptr(RgCsvReader) latin1 = reader_for ("name\nCr\xe8me br\xfbl\xe9\x65\n", -1, "latin-1");
  g_autoptr(RgCsvReader) cp1252 = reader_for ("name\n\x91Nduja \x80\x35\n", -1, "windows-1252");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *a = read_all (latin1, &error);
  g_autofree gchar *b = read_all (cp1252, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (a, "1:name\n2:Crème brûlée");
  ck_assert_str_eq (b, "1:name\n2:‘Nduja €5");
}
END_TEST

START_TEST (test_gbk)
{
  /* 宫保鸡丁 in GBK */
  g_autoptr(RgCsvReader) reader = reader_for ("dish,qty\n\xb9\xac\xb1\xa3\xbc\xa6\xb6\xa1,2\n", -1, "GBK");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *got = read_all (reader, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (got, "1:dish|qty\n2:宫保鸡丁|2");
}
END_TEST

START_TEST (test_utf16_with_bom_is_recognised)
{
  /* "a,b\r\nü,2\r\n" in UTF-16LE with its byte order mark */
  static const gchar bytes[] = "\xff\xfe" "a\0,\0b\0\r\0\n\0" "\xfc\0,\0" "2\0\r\0\n\0";
  g_autoptr(RgCsvReader) reader = reader_for (bytes, sizeof bytes - 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *got = read_all (reader, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (got, "1:a|b\n2:ü|2");
}
END_TEST

START_TEST (test_bytes_invalid_in_the_encoding)
{
  /* 0x81 has no character in windows-1252 */
  assert_fails ("name\nok\nbad\x81\n", -1, "windows-1252", "not valid windows-1252");
}
END_TEST

START_TEST (test_unknown_encoding)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgCsvReader) reader = rg_csv_reader_new (stream, "klingon-8", &error);

  ck_assert_ptr_null (reader);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert (strstr (error->message, "klingon-8") != NULL);
}
END_TEST

/* ------------------------------------------------------------------ files */

START_TEST (test_missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgCsvReader) reader = rg_csv_reader_new_for_path ("/nonexistent/orders.csv", NULL, &error);

  ck_assert_ptr_null (reader);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

/* pizza_types.csv as published: windows-1252, CRLF, quoted lists */
START_TEST (test_published_pizza_types)
{
  g_autofree gchar *path = rg_test_shared_data ("pizza-sales/original/pizza_types.csv");
  g_autoptr(RgCsvReader) bad = rg_csv_reader_new_for_path (path, NULL, NULL);
  g_autoptr(RgCsvReader) reader = rg_csv_reader_new_for_path (path, "windows-1252", NULL);
  g_autoptr(GError) error = NULL;
  gint ingredients;
  guint rows = 0;
  gboolean nduja = FALSE;

  while (rg_csv_reader_next (bad, &error))
    ;
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_msg (strstr (error->message, "line 17 ") != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert (rg_csv_reader_read_header (reader, &error));
  ingredients = rg_csv_reader_find_column (reader, "INGREDIENTS");
  ck_assert_int_eq (ingredients, 3);
  while (rg_csv_reader_next (reader, &error))
    {
      const gchar *text = rg_csv_reader_get_field (reader, (guint) ingredients, NULL);

      rows++;
      ck_assert (strchr (text, '\r') == NULL);
      if (g_str_has_prefix (text, "‘Nduja Salami, Pancetta"))
        nduja = TRUE;
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (rows, 32);
  ck_assert (nduja);
}
END_TEST

static Suite *
csv_suite (void)
{
  Suite *s = suite_create ("csv");
  TCase *tc;

  tc = tcase_create ("rfc4180");
  tcase_add_test (tc, test_plain_records);
  tcase_add_test (tc, test_line_ends);
  tcase_add_test (tc, test_quoted_fields);
  tcase_add_test (tc, test_bom_is_skipped);
  tcase_add_test (tc, test_records_across_chunks);
  suite_add_tcase (s, tc);

  tc = tcase_create ("delimiters");
  tcase_add_test (tc, test_delimiter_is_guessed);
  tcase_add_test (tc, test_delimiter_can_be_set);
  suite_add_tcase (s, tc);

  tc = tcase_create ("header");
  tcase_add_test (tc, test_header_lookup);
  tcase_add_test (tc, test_empty_file_has_no_header);
  tcase_add_test (tc, test_field_count_must_match_header);
  suite_add_tcase (s, tc);

  tc = tcase_create ("broken");
  tcase_add_test (tc, test_unclosed_quote);
  tcase_add_test (tc, test_quote_inside_unquoted_field);
  tcase_add_test (tc, test_text_after_closing_quote);
  suite_add_tcase (s, tc);

  tc = tcase_create ("encodings");
  tcase_add_test (tc, test_invalid_utf8_names_the_line);
  tcase_add_test (tc, test_latin1_and_windows_1252);
  tcase_add_test (tc, test_gbk);
  tcase_add_test (tc, test_utf16_with_bom_is_recognised);
  tcase_add_test (tc, test_bytes_invalid_in_the_encoding);
  tcase_add_test (tc, test_unknown_encoding);
  suite_add_tcase (s, tc);

  tc = tcase_create ("files");
  tcase_add_test (tc, test_missing_file);
  tcase_add_test (tc, test_published_pizza_types);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (csv_suite ());
}
