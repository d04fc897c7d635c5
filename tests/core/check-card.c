/* check-card.c — member card numbers and their Luhn check digit.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-card.h"

/* An oracle written the other way round from the module: a number is valid
 * when the Luhn sum of all its digits, check digit included, ends in 0. */
static gboolean
luhn_sum_is_zero (const gchar *digits)
{
  gsize n = strlen (digits);
  guint sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint d = (guint) (digits[n - 1 - i] - '0');

      if (i % 2 == 1)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return sum % 10 == 0;
}

static gboolean
parses (const gchar *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *digits = rg_card_number_parse (input, &error);

  if (digits == NULL)
    ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  return digits != NULL;
}

/* ------------------------------------------------------------------- new */

START_TEST (test_new_numbers_are_valid)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 2000; i++)
    {
      gchar *number = rg_card_number_new ();

      ck_assert_uint_eq (strlen (number), RG_CARD_DIGITS);
      ck_assert_uint_eq (strspn (number, "0123456789"), RG_CARD_DIGITS);
      ck_assert_int_ne (number[0], '0');
      ck_assert (luhn_sum_is_zero (number));
      ck_assert (rg_card_number_is_valid (number));
      ck_assert (parses (number));
      g_hash_table_add (seen, number);
    }
  /* 10^10 possible numbers: 2000 draws should not repeat */
  ck_assert_uint_eq (g_hash_table_size (seen), 2000);
}
END_TEST

/* ----------------------------------------------------------------- parse */

START_TEST (test_parse_known_number)
{
  const gchar *forms[] = {
    "123456789015", "1234 5678 9015", "1234-5678-9015", " 123456789015\n",
    "\t1234 - 5678 - 9015\r\n", "１２３４５６７８９０１５", "1234\u30005678\u30009015",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *digits = rg_card_number_parse (forms[i], &error);

      ck_assert_no_error (error);
      ck_assert_str_eq (digits, "123456789015");
    }
  ck_assert (luhn_sum_is_zero ("123456789015"));
  ck_assert (rg_card_number_is_valid ("123456789015"));
  ck_assert (!rg_card_number_is_valid ("123456789016"));
  ck_assert (!rg_card_number_is_valid ("1234 5678 9015"));
  ck_assert (!rg_card_number_is_valid (NULL));
}
END_TEST

START_TEST (test_parse_refuses)
{
  const struct { const gchar *input; const gchar *says; } cases[] = {
    { NULL, "empty" },
    { "", "empty" },
    { "  - ", "empty" },
    { "12345678901", "11 digits" },
    { "1234567890150", "13 digits" },
    { "1234 5678 901A", "'A'" },
    { "1234.5678.9015", "'.'" },
    { "+123456789015", "'+'" },
    { "123456789016", "check digit" },
    { "4000 1234 5670", "check digit" },
    { "\xff\xfe", "UTF-8" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *digits = rg_card_number_parse (cases[i].input, &error);

      ck_assert_ptr_null (digits);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      ck_assert_msg (strstr (error->message, cases[i].says) != NULL,
                     "'%s': message '%s' does not say '%s'",
                     cases[i].input, error->message, cases[i].says);
    }
}
END_TEST

/* Every single-digit typo of a valid number is refused. */
START_TEST (test_every_single_typo_is_caught)
{
  g_autofree gchar *a = rg_card_number_new ();
  g_autofree gchar *b = rg_card_number_new ();
  const gchar *numbers[] = { "123456789015", "900000000001", a, b };
  guint tried = 0;

  for (gsize k = 0; k < G_N_ELEMENTS (numbers); k++)
    for (guint pos = 0; pos < RG_CARD_DIGITS; pos++)
      for (gchar d = '0'; d <= '9'; d++)
        {
          gchar typo[RG_CARD_DIGITS + 1];

          if (numbers[k][pos] == d)
            continue;
          memcpy (typo, numbers[k], sizeof typo);
          typo[pos] = d;
          ck_assert (!luhn_sum_is_zero (typo));
          ck_assert_msg (!parses (typo), "typo %s of %s accepted", typo, numbers[k]);
          tried++;
        }
  ck_assert_uint_eq (tried, G_N_ELEMENTS (numbers) * RG_CARD_DIGITS * 9);
}
END_TEST

/* Every swap of two neighbouring different digits is refused, except the
 * one blind spot of Luhn, 09 ↔ 90. */
START_TEST (test_adjacent_swaps_are_caught)
{
  g_autofree gchar *a = rg_card_number_new ();
  /* the fixed numbers hold 20 swaps Luhn must catch and 12 of its 0↔9 blind
   * spot; the random one adds a varying number of either */
  const gchar *numbers[] = { "123456789015", "909090909096", "190283746559", a };
  guint blind = 0;
  guint caught = 0;

  ck_assert (rg_card_number_is_valid ("909090909096"));
  ck_assert (rg_card_number_is_valid ("190283746559"));
  for (gsize k = 0; k < G_N_ELEMENTS (numbers); k++)
    for (guint pos = 0; pos + 1 < RG_CARD_DIGITS; pos++)
      {
        gchar swapped[RG_CARD_DIGITS + 1];
        gboolean zero_nine;

        if (numbers[k][pos] == numbers[k][pos + 1])
          continue;
        memcpy (swapped, numbers[k], sizeof swapped);
        swapped[pos] = numbers[k][pos + 1];
        swapped[pos + 1] = numbers[k][pos];
        zero_nine = strchr ("09", swapped[pos]) != NULL && strchr ("09", swapped[pos + 1]) != NULL;

        if (zero_nine)
          {
            ck_assert (parses (swapped));
            blind++;
          }
        else
          {
            ck_assert_msg (!parses (swapped), "swap %s of %s accepted", swapped, numbers[k]);
            caught++;
          }
      }
  ck_assert_uint_ge (caught, 20);
  ck_assert_uint_ge (blind, 12);
}
END_TEST

/* ----------------------------------------------------------------- shape */

START_TEST (test_looks_like)
{
  ck_assert (rg_card_number_looks_like ("123456789015"));
  ck_assert (rg_card_number_looks_like ("1234 5678 9016"));
  ck_assert (rg_card_number_looks_like ("1234-5678-9015\n"));
  ck_assert (!rg_card_number_looks_like ("12345"));
  ck_assert (!rg_card_number_looks_like ("13800138000"));
  ck_assert (!rg_card_number_looks_like ("+86 138 0013 8000"));
  ck_assert (!rg_card_number_looks_like ("Zhang Wei"));
  ck_assert (!rg_card_number_looks_like ("1234567890150"));
  ck_assert (!rg_card_number_looks_like (""));
  ck_assert (!rg_card_number_looks_like (NULL));
  ck_assert (!rg_card_number_looks_like ("\xff"));
}
END_TEST

static Suite *
card_suite (void)
{
  Suite *s = suite_create ("card");
  TCase *tc;

  tc = tcase_create ("new");
  tcase_add_test (tc, test_new_numbers_are_valid);
  suite_add_tcase (s, tc);

  tc = tcase_create ("parse");
  tcase_add_test (tc, test_parse_known_number);
  tcase_add_test (tc, test_parse_refuses);
  suite_add_tcase (s, tc);

  tc = tcase_create ("typos");
  tcase_add_test (tc, test_every_single_typo_is_caught);
  tcase_add_test (tc, test_adjacent_swaps_are_caught);
  suite_add_tcase (s, tc);

  tc = tcase_create ("shape");
  tcase_add_test (tc, test_looks_like);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (card_suite ());
}
