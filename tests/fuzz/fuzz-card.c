/* fuzz-card.c — fuzz target: member cards as typed or scanned (rg-card).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what a keyboard-wedge scanner or a host typed.  What holds
 * for every input:
 *  - a card number is parsed to 12 digits with a right check digit, which
 *    parse again to themselves, or refused with RG_ERROR_INVALID and a
 *    message in valid UTF-8;
 *  - input that parses has the shape of a card number.
 */
#include <string.h>

#include "rg-card.h"
#include "rg-fuzz.h"

static void
check_number (const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree gchar *digits = rg_card_number_parse (text, &error);
  g_autofree gchar *again = NULL;

  if (digits == NULL)
    {
      g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (digits), ==, RG_CARD_DIGITS);
  g_assert_true (rg_card_number_is_valid (digits));
  g_assert_true (rg_card_number_looks_like (text));
  again = rg_card_number_parse (digits, &again_error);
  g_assert_no_error (again_error);
  g_assert_cmpstr (again, ==, digits);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rg_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree gchar *text = rg_fuzz_dup_text (data, size);

  if (text == NULL)
    return 0;
  check_number (text);
  rg_card_number_is_valid (text);
  return 0;
}
