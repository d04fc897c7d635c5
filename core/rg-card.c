/* rg-card.c — member card numbers with a Luhn check digit.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Luhn digit catches every single mistyped digit and every swap of two
 * neighbouring digits except 09 ↔ 90, which is what a host typing a number
 * from a worn card gets wrong.  A keyboard-wedge scanner types the code
 * followed by Enter, so surrounding white space is ignored as well.
 */
#include "rg-card.h"

#include <string.h>

#include "rg-error.h"
#include "rg-text.h"

/* The digits of @input, or NULL when it holds anything but digits, spaces
 * and dashes.  Sets *bad to the first character refused. */
static gchar *
collect_digits (const gchar *input,
                gunichar    *bad)
{
  g_autofree gchar *nfkc = NULL;
  GString *digits;

  *bad = 0;
  if (input == NULL || !g_utf8_validate (input, -1, NULL))
    return NULL;

  /* full-width digits from a Chinese input method become ASCII */
  nfkc = g_utf8_normalize (input, -1, G_NORMALIZE_NFKC);
  digits = g_string_new (NULL);
  for (const gchar *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= '0' && ch <= '9')
        g_string_append_c (digits, (gchar) ch);
      else if (ch != '-' && !g_unichar_isspace (ch))
        {
          *bad = ch;
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  return g_string_free (digits, FALSE);
}

/* The Luhn check digit of the @n digits at @digits. */
static gchar
luhn_digit (const gchar *digits,
            gsize        n)
{
  guint sum = 0;

  /* from the right, every other digit starting with the last is doubled */
  for (gsize i = 0; i < n; i++)
    {
      guint d = (guint) (digits[n - 1 - i] - '0');

      if (i % 2 == 0)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return (gchar) ('0' + (10 - sum % 10) % 10);
}

gchar *
rg_card_number_new (void)
{
  gchar number[RG_CARD_DIGITS + 1];

  /* no leading zero, which spreadsheets and some scanners drop */
  number[0] = (gchar) ('0' + g_random_int_range (1, 10));
  for (guint i = 1; i < RG_CARD_DIGITS - 1; i++)
    number[i] = (gchar) ('0' + g_random_int_range (0, 10));
  number[RG_CARD_DIGITS - 1] = luhn_digit (number, RG_CARD_DIGITS - 1);
  number[RG_CARD_DIGITS] = '\0';
  return g_strdup (number);
}

gchar *
rg_card_number_parse (const gchar  *input,
                      GError      **error)
{
  g_autofree gchar *quoted = rg_text_quote_for_message (input);
  g_autofree gchar *digits = NULL;
  gunichar bad;
  gsize n;

  if (input != NULL && !g_utf8_validate (input, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the card number is not valid UTF-8 text");
      return NULL;
    }

  digits = collect_digits (input, &bad);
  if (digits == NULL && bad != 0)
    {
      gchar shown[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_iscntrl (bad) ? '?' : bad, shown);
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "card %s is not a member card number: it contains '%s'", quoted, shown);
      return NULL;
    }

  n = digits != NULL ? strlen (digits) : 0;
  if (n == 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the card number is empty");
      return NULL;
    }
  if (n != RG_CARD_DIGITS)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "card %s is not a member card number: it has %" G_GSIZE_FORMAT
                   " digits, a card has %d", quoted, n, RG_CARD_DIGITS);
      return NULL;
    }
  if (luhn_digit (digits, n - 1) != digits[n - 1])
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "card %s is mistyped: its check digit is wrong", quoted);
      return NULL;
    }
  return g_steal_pointer (&digits);
}

gboolean
rg_card_number_looks_like (const gchar *input)
{
  g_autofree gchar *digits = NULL;
  gunichar bad;

  digits = collect_digits (input, &bad);
  return digits != NULL && strlen (digits) == RG_CARD_DIGITS;
}

gboolean
rg_card_number_is_valid (const gchar *digits)
{
  if (digits == NULL || strlen (digits) != RG_CARD_DIGITS ||
      strspn (digits, "0123456789") != RG_CARD_DIGITS)
    return FALSE;
  return luhn_digit (digits, RG_CARD_DIGITS - 1) == digits[RG_CARD_DIGITS - 1];
}
