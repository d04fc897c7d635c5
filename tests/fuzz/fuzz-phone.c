/* fuzz-phone.c — fuzz target: phone numbers as typed (rg-phone).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what a host typed in the phone field.  It is normalised
 * with each default country; what holds for every input:
 *  - a refusal is RG_ERROR_INVALID with a message in valid UTF-8;
 *  - a result is "+" and 2 to 15 digits, the first not 0, and normalising it again, or its
 *    formatted form, gives it back;
 *  - the mask shows the country code and the last four digits, no other,
 *    and the reversed digits are the digits reversed.
 * Formatting and masking are also given the raw input, as a caller may
 * hand them a number stored by an older version.
 */
#include <string.h>

#include "rg-fuzz.h"
#include "rg-phone.h"

/* The plans the module knows by heart, a country known by its length
 * limits only, "UK" (taken for GB), and a code that is no country. */
static const gchar *const countries[] = { "CN", "US", "GB", "UK", "DE", "AU", "ZZ" };

static void
check_refusal (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 0);
}

/* The digits a mask shows are the country code and the last four. */
static void
check_mask (const gchar *e164,
            const gchar *masked)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  gsize n_digits = strlen (e164) - 1;
  gsize n_last = MIN (n_digits, 4);

  for (const gchar *p = masked; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (shown, *p);
  g_assert_cmpuint (shown->len, >=, n_last);
  g_assert_cmpuint (shown->len, <=, n_last + 3);
  g_assert_true (g_str_has_suffix (shown->str, e164 + 1 + n_digits - n_last));
  g_assert_true (strncmp (shown->str, e164 + 1, shown->len - n_last) == 0);
}

static void
check_number (const gchar *e164,
              const gchar *country)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *again = NULL;
  g_autofree gchar *formatted = NULL;
  g_autofree gchar *reread = NULL;
  g_autofree gchar *masked = NULL;
  g_autofree gchar *reversed = NULL;
  gsize n_digits = strlen (e164) - 1;

  g_assert_cmpint (e164[0], ==, '+');
  g_assert_cmpuint (n_digits, >=, 2);
  g_assert_cmpuint (n_digits, <=, 15);
  g_assert_cmpuint (strspn (e164 + 1, "0123456789"), ==, n_digits);
  g_assert_cmpint (e164[1], !=, '0');

  again = rg_phone_normalize (e164, country, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, e164);

  formatted = rg_phone_format (e164);
  g_assert_true (g_utf8_validate (formatted, -1, NULL));
  reread = rg_phone_normalize (formatted, country, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reread, ==, e164);

  masked = rg_phone_mask (e164);
  g_assert_true (g_utf8_validate (masked, -1, NULL));
  check_mask (e164, masked);

  reversed = rg_phone_digits_reversed (e164);
  g_assert_cmpuint (strlen (reversed), ==, n_digits);
  for (gsize i = 0; i < n_digits; i++)
    g_assert_cmpint (reversed[i], ==, e164[n_digits - i]);
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
  g_autofree gchar *formatted = NULL;
  g_autofree gchar *masked = NULL;

  if (text == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *e164 = rg_phone_normalize (text, countries[i], &error);

      if (e164 == NULL)
        check_refusal (error);
      else
        {
          g_assert_no_error (error);
          check_number (e164, countries[i]);
        }
    }

  rg_phone_country_code (text);
  formatted = rg_phone_format (text);
  masked = rg_phone_mask (text);
  g_assert_nonnull (formatted);
  g_assert_nonnull (masked);
  return 0;
}
