/* check-import-parse.c — money, quantities, dates and times as exports
 * write them.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-import-parse.h"

/* ----------------------------------------------------------------- money */

static const struct
{
  const gchar *text;
  gint64       minor;
} good_money[] = {
  { "12.75", 1275 },
  { "$12.75 ", 1275 },
  { " 12.5", 1250 },
  { "13", 1300 },
  { "¥1,234.50", 123450 },
  { "￥88", 8800 },
  { "£3", 300 },
  { "€ 1 234,56", 123456 },
  { "1.234,50", 123450 },
  { "1,234", 123400 },            /* three digits after the mark: thousands */
  { "1.234", 123400 },
  { "1,234,567.8", 123456780 },
  { "1'234.50", 123450 },
  { "0.125", 13 },                /* nothing but 0 before it: decimals, rounded */
  { "0.124", 12 },
  { "2.5049", 250 },
  { "0.999", 100 },
  { ".5", 50 },
  { "-2.50", -250 },
  { "-$2.50", -250 },
  { "(2.50)", -250 },
  { "12.50 USD", 1250 },
  { "RMB 12.50", 1250 },
  { "12元", 1200 },
  { "+4", 400 },
  { "0", 0 },
};

static const gchar * const bad_money[] = {
  "", " ", "abc", "$", "12..5", "1,,234", "12 apples", "--5", "5-", "(5", "5)",
  "1.2.3x", "99999999999999", "US$5", "12.50 dollars",
};

START_TEST (test_money_good)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -1;

  ck_assert_msg (rg_import_parse_money (good_money[_i].text, &minor, &error),
                 "“%s” refused: %s", good_money[_i].text, error ? error->message : "");
  ck_assert_msg (minor == good_money[_i].minor, "“%s” read as %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
                 good_money[_i].text, minor, good_money[_i].minor);
}
END_TEST

START_TEST (test_money_bad)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  ck_assert_msg (!rg_import_parse_money (bad_money[_i], &minor, &error),
                 "“%s” accepted as %" G_GINT64_FORMAT, bad_money[_i], minor);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert (strstr (error->message, "not an amount of money") != NULL);
}
END_TEST

/* ------------------------------------------------------------- quantity */

START_TEST (test_quantity)
{
  static const gchar * const bad[] = { "", "0", "-1", "2.5", "x", "1000001", "1 2", "0.0" };
  g_autoptr(GError) error = NULL;
  gint64 qty = 0;

  ck_assert (rg_import_parse_quantity ("2", &qty, &error) && qty == 2);
  ck_assert (rg_import_parse_quantity (" 3 ", &qty, &error) && qty == 3);
  ck_assert (rg_import_parse_quantity ("4.00", &qty, &error) && qty == 4);
  ck_assert (rg_import_parse_quantity ("1000000", &qty, &error) && qty == 1000000);
  ck_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ck_assert_msg (!rg_import_parse_quantity (bad[i], &qty, &error), "“%s” accepted", bad[i]);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      g_clear_error (&error);
    }
}
END_TEST

/* ------------------------------------------------------------ date, time */

static gchar *
describe (const RgImportStamp *s)
{
  return g_strdup_printf ("%s%04d-%02d-%02d %02d:%02d:%02d.%03d%s%s",
                          s->has_date ? "" : "(no date) ",
                          s->year, s->month, s->day, s->hour, s->minute, s->second,
                          s->millisecond, s->has_time ? "" : " (no time)",
                          s->ambiguous ? " ?" : "");
}

static const struct
{
  const gchar *text;
  const gchar *format;
  const gchar *expected;
} good_stamps[] = {
  { "2015-01-01", NULL, "2015-01-01 00:00:00.000 (no time)" },
  { "2019/04/01", NULL, "2019-04-01 00:00:00.000 (no time)" },
  { "2015-01-01 11:38:36", NULL, "2015-01-01 11:38:36.000" },
  { "2015-01-01T11:38:36", NULL, "2015-01-01 11:38:36.000" },
  { "2015-01-01T11:38:36.25", NULL, "2015-01-01 11:38:36.250" },
  { " 2015-1-9 7:05 ", NULL, "2015-01-09 07:05:00.000" },
  { "1/1/2015", NULL, "2015-01-01 00:00:00.000 (no time) ?" },
  { "12/31/2015", NULL, "2015-12-31 00:00:00.000 (no time) ?" },
  { "31/12/2015", NULL, "2015-31-12 00:00:00.000 (no time) ?" },
  { "04-05-19", NULL, "2019-04-05 00:00:00.000 (no time) ?" },
  { "1.2.1999 23:59", NULL, "1999-01-02 23:59:00.000 ?" },
  { "1/1/2015 11:38:36 AM", NULL, "2015-01-01 11:38:36.000 ?" },
  { "11:38:36", NULL, "(no date) 0000-00-00 11:38:36.000" },
  { "11:38", NULL, "(no date) 0000-00-00 11:38:00.000" },
  { "11:38:36 AM", NULL, "(no date) 0000-00-00 11:38:36.000" },
  { "12:05 AM", NULL, "(no date) 0000-00-00 00:05:00.000" },
  { "12:30 PM", NULL, "(no date) 0000-00-00 12:30:00.000" },
  { "1:15 pm", NULL, "(no date) 0000-00-00 13:15:00.000" },
  { "7:05 p.m.", NULL, "(no date) 0000-00-00 19:05:00.000" },
  { "13/01/2024", "%d/%m/%Y", "2024-01-13 00:00:00.000 (no time)" },
  { "01/13/2024", "%m/%d/%Y", "2024-01-13 00:00:00.000 (no time)" },
  { "13/01/2024 19:05", "%d/%m/%Y", "2024-01-13 19:05:00.000" },
  { "13/01/2024 7:05 PM", "%d/%m/%Y %I:%M %p", "2024-01-13 19:05:00.000" },
  { "05-Jan-15", "%d-%b-%y", "2015-01-05 00:00:00.000 (no time)" },
  { "5 September 2019", "%e %B %Y", "2019-09-05 00:00:00.000 (no time)" },
  { "Sept 5, 2019", "%b %d, %Y", "2019-09-05 00:00:00.000 (no time)" },
  { "20150105", "%Y%m%d", "2015-01-05 00:00:00.000 (no time)" },
  { "2015-01-05 08:09:10", "%F %T", "2015-01-05 08:09:10.000" },
};

START_TEST (test_stamp_good)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *got = NULL;
  RgImportStamp stamp;

  ck_assert_msg (rg_import_parse_stamp (good_stamps[_i].text, good_stamps[_i].format, &stamp, &error),
                 "“%s” refused: %s", good_stamps[_i].text, error ? error->message : "");
  got = describe (&stamp);
  ck_assert_msg (strcmp (got, good_stamps[_i].expected) == 0,
                 "“%s” read as %s", good_stamps[_i].text, got);
}
END_TEST

static const struct
{
  const gchar *text;
  const gchar *format;
} bad_stamps[] = {
  { "", NULL },
  { "yesterday", NULL },
  { "2015-02-30", NULL },
  { "2015-13-01", NULL },
  { "13/13/2015", NULL },
  { "0/5/2015", NULL },
  { "25:00", NULL },
  { "11:60", NULL },
  { "11:5", NULL },
  { "13:15 PM", NULL },
  { "2015-01-01 11:38 later", NULL },
  { "2015-01-01T", NULL },
  { "1/2", NULL },
  { "12015-01-01", NULL },
  { "2015-01-01", "%d/%m/%Y" },
  { "31/02/2024", "%d/%m/%Y" },
  { "05-Jum-15", "%d-%b-%y" },
};

START_TEST (test_stamp_bad)
{
  g_autoptr(GError) error = NULL;
  RgImportStamp stamp;

  ck_assert_msg (!rg_import_parse_stamp (bad_stamps[_i].text, bad_stamps[_i].format, &stamp, &error),
                 "“%s” accepted", bad_stamps[_i].text);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert (strstr (error->message, bad_stamps[_i].text) != NULL);
}
END_TEST

START_TEST (test_format_is_checked)
{
  g_autoptr(GError) error = NULL;

  ck_assert (rg_import_parse_check_format ("%d/%m/%Y", &error));
  ck_assert (rg_import_parse_check_format ("%F %T", &error));
  ck_assert (rg_import_parse_check_format ("%e %B %y, %I:%M %p", &error));
  ck_assert_no_error (error);

  ck_assert (!rg_import_parse_check_format ("%d/%Q/%Y", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert (strstr (error->message, "%Q") != NULL);
  g_clear_error (&error);

  ck_assert (!rg_import_parse_check_format ("%m/%Y", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  ck_assert (!rg_import_parse_check_format ("%d/%m/%Y %", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

START_TEST (test_settle_date_order)
{
  RgImportStamp stamp, copy;

  ck_assert (rg_import_parse_stamp ("4/5/2019", NULL, &stamp, NULL));
  copy = stamp;
  ck_assert (rg_import_parse_settle_date (&copy, FALSE));
  ck_assert_int_eq (copy.month, 4);
  ck_assert_int_eq (copy.day, 5);
  ck_assert (!copy.ambiguous);

  copy = stamp;
  ck_assert (rg_import_parse_settle_date (&copy, TRUE));
  ck_assert_int_eq (copy.month, 5);
  ck_assert_int_eq (copy.day, 4);

  /* 31/4 does not exist day first; 4/31 does not exist month first */
  ck_assert (rg_import_parse_stamp ("31/4/2019", NULL, &stamp, NULL));
  copy = stamp;
  ck_assert (!rg_import_parse_settle_date (&copy, TRUE));
  ck_assert (rg_import_parse_stamp ("4/31/2019", NULL, &stamp, NULL));
  copy = stamp;
  ck_assert (!rg_import_parse_settle_date (&copy, FALSE));
  ck_assert (rg_import_parse_stamp ("29/2/2024", NULL, &stamp, NULL));
  ck_assert (rg_import_parse_settle_date (&stamp, TRUE));
  ck_assert (rg_import_parse_stamp ("29/2/2023", NULL, &stamp, NULL));
  ck_assert (!rg_import_parse_settle_date (&stamp, TRUE));

  /* an unambiguous date stays as it is */
  ck_assert (rg_import_parse_stamp ("2019-04-05", NULL, &stamp, NULL));
  ck_assert (rg_import_parse_settle_date (&stamp, TRUE));
  ck_assert_int_eq (stamp.month, 4);
}
END_TEST

START_TEST (test_stamp_to_utc)
{
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) check = NULL;
  RgImportStamp stamp;

  ck_assert_ptr_nonnull (new_york);
  ck_assert_ptr_nonnull (shanghai);

  ck_assert (rg_import_parse_stamp ("2015-01-01 11:38:36.5", NULL, &stamp, NULL));
  check = g_date_time_new_utc (2015, 1, 1, 11, 38, 36);
  ck_assert_int_eq (rg_import_parse_stamp_to_ms (&stamp, NULL),
                    g_date_time_to_unix (check) * 1000 + 500);

  /* winter in New York is UTC-5, summer UTC-4; Shanghai is UTC+8 */
  ck_assert_int_eq (rg_import_parse_stamp_to_ms (&stamp, new_york),
                    (g_date_time_to_unix (check) + 5 * 3600) * 1000 + 500);
  ck_assert (rg_import_parse_stamp ("2015-07-01 11:38:36", NULL, &stamp, NULL));
  g_clear_pointer (&check, g_date_time_unref);
  check = g_date_time_new_utc (2015, 7, 1, 15, 38, 36);
  ck_assert_int_eq (rg_import_parse_stamp_to_ms (&stamp, new_york), g_date_time_to_unix (check) * 1000);
  g_clear_pointer (&check, g_date_time_unref);
  check = g_date_time_new_utc (2015, 7, 1, 3, 38, 36);
  ck_assert_int_eq (rg_import_parse_stamp_to_ms (&stamp, shanghai), g_date_time_to_unix (check) * 1000);

  /* 02:30 on 8 March 2015 does not exist in New York: it becomes 03:00 EDT */
  ck_assert (rg_import_parse_stamp ("2015-03-08 02:30", NULL, &stamp, NULL));
  g_clear_pointer (&check, g_date_time_unref);
  check = g_date_time_new_utc (2015, 3, 8, 7, 0, 0);
  ck_assert_int_eq (rg_import_parse_stamp_to_ms (&stamp, new_york), g_date_time_to_unix (check) * 1000);
}
END_TEST

static Suite *
import_parse_suite (void)
{
  Suite *s = suite_create ("import-parse");
  TCase *tc;

  tc = tcase_create ("money");
  tcase_add_loop_test (tc, test_money_good, 0, G_N_ELEMENTS (good_money));
  tcase_add_loop_test (tc, test_money_bad, 0, G_N_ELEMENTS (bad_money));
  suite_add_tcase (s, tc);

  tc = tcase_create ("quantity");
  tcase_add_test (tc, test_quantity);
  suite_add_tcase (s, tc);

  tc = tcase_create ("dates");
  tcase_add_loop_test (tc, test_stamp_good, 0, G_N_ELEMENTS (good_stamps));
  tcase_add_loop_test (tc, test_stamp_bad, 0, G_N_ELEMENTS (bad_stamps));
  tcase_add_test (tc, test_format_is_checked);
  tcase_add_test (tc, test_settle_date_order);
  tcase_add_test (tc, test_stamp_to_utc);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (import_parse_suite ());
}
