/* check-phone.c — normalising, formatting and masking phone numbers.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-phone.h"

typedef struct
{
  const gchar *input;
  const gchar *country;
  const gchar *e164;
} Accepted;

typedef struct
{
  const gchar *input;
  const gchar *country;
  const gchar *says;     /* a piece of the message */
} Refused;

static void
assert_accepted (const Accepted *cases,
                 gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *e164 = rg_phone_normalize (cases[i].input, cases[i].country, &error);

      ck_assert_msg (error == NULL, "'%s' (%s) refused: %s",
                     cases[i].input, cases[i].country, error ? error->message : "");
      ck_assert_msg (g_strcmp0 (e164, cases[i].e164) == 0, "'%s' (%s) gave %s, expected %s",
                     cases[i].input, cases[i].country, e164, cases[i].e164);
    }
}

static void
assert_refused (const Refused *cases,
                gsize          n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *e164 = rg_phone_normalize (cases[i].input, cases[i].country, &error);

      ck_assert_msg (e164 == NULL, "'%s' (%s) accepted as %s", cases[i].input, cases[i].country, e164);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      ck_assert_msg (strstr (error->message, cases[i].says) != NULL,
                     "'%s' (%s): message '%s' does not say '%s'",
                     cases[i].input, cases[i].country, error->message, cases[i].says);
    }
}

/* ----------------------------------------------------------------- China */

START_TEST (test_china_mobiles)
{
  const Accepted cases[] = {
    { "13800138000", "CN", "+8613800138000" },
    { "138 0013 8000", "CN", "+8613800138000" },
    { "138-0013-8000", "CN", "+8613800138000" },
    { "138.0013.8000", "CN", "+8613800138000" },
    { "138/0013/8000", "CN", "+8613800138000" },
    { " (138) 0013 8000 ", "CN", "+8613800138000" },
    { "+86 138 0013 8000", "CN", "+8613800138000" },
    { "+86-138-0013-8000", "US", "+8613800138000" },
    { "+86 (0)138 0013 8000", "GB", "+8613800138000" },
    { "0086 138 0013 8000", "CN", "+8613800138000" },
    { "0086-13800138000", "GB", "+8613800138000" },
    { "011 86 138 0013 8000", "US", "+8613800138000" },
    { "8613800138000", "CN", "+8613800138000" },
    { "013800138000", "CN", "+8613800138000" },
    { "tel:+86-138-0013-8000", "US", "+8613800138000" },
    { "TEL:+8613800138000", NULL, "+8613800138000" },
    { "１３８００１３８０００", "CN", "+8613800138000" },
    { "＋８６ １３８ ００１３ ８０００", "US", "+8613800138000" },
    { "１３８－００１３－８０００", "CN", "+8613800138000" },
    { "\u3000138\u30000013\u30008000\u3000", "CN", "+8613800138000" },
    { "（＋８６）１３８ ００１３ ８０００", "CN", "+8613800138000" },
    { "[+86] 138\u00a00013\u00a08000", "CN", "+8613800138000" },
    { "19912345678", "CN", "+8619912345678" },
    { "166 6666 6666", "CN", "+8616666666666" },
    { "147-1234-5678", "CN", "+8614712345678" },
    { "138 0013 8000\r\n", "CN", "+8613800138000" },
    { "138·0013·8000", "CN", "+8613800138000" },
    { "138\u20090013\u20098000", "CN", "+8613800138000" },
  };

  assert_accepted (cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_china_landlines)
{
  const Accepted cases[] = {
    { "010 6552 9988", "CN", "+861065529988" },
    { "010-65529988", "CN", "+861065529988" },
    { "(010) 6552 9988", "CN", "+861065529988" },
    { "+86 10 6552 9988", "CN", "+861065529988" },
    { "+86 010 6552 9988", "US", "+861065529988" },
    { "0086 10 6552 9988", "CN", "+861065529988" },
    { "+86 (10) 6552-9988", "GB", "+861065529988" },
    { "021-6888-8888", "CN", "+862168888888" },
    { "021 68888888", "CN", "+862168888888" },
    { "020 8888 8888", "CN", "+862088888888" },
    { "0755 8888 8888", "CN", "+8675588888888" },
    { "0755-23456789", "CN", "+8675523456789" },
    { "0571 8888 8888", "CN", "+8657188888888" },
    { "0512-6666 7777", "CN", "+8651266667777" },
    { "0898-6123456", "CN", "+868986123456" },
    { "+86 755 8888 8888", "CN", "+8675588888888" },
    { "400-810-8888", "CN", "+864008108888" },
    { "800 820 8820", "CN", "+868008208820" },
  };

  assert_accepted (cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_china_refused)
{
  const Refused cases[] = {
    { "1380013800", "CN", "11 digits" },
    { "138001380001", "CN", "too long" },
    { "12345678901", "CN", "13 to 19" },
    { "+86 123 4567 8901", "US", "13 to 19" },
    { "6552 9988", "CN", "too short" },
    { "65529988", "CN", "area code" },
    { "010 6552 998", "CN", "too short" },
    { "010 0552 9988", "CN", "not a Chinese" },
    { "138 0013 800O", "CN", "letters" },
    { "abc", "CN", "letters" },
    { "010-6552-9988 转 123", "CN", "extension" },
    { "010-65529988分机123", "CN", "extension" },
    { "+86 138 0013 8000 12345", "CN", "too long" },
    { "(852) 2123 4567", "CN", "start with 0 and the area code" },
    { "21 6888 8888", "CN", "start with 0 and the area code" },
    { "10 6552 9988", "CN", "start with 0 and the area code" },
    { "12", "CN", "too few digits" },
  };

  assert_refused (cases, G_N_ELEMENTS (cases));
}
END_TEST

/* ---------------------------------------------------------- North America */

START_TEST (test_nanp)
{
  const Accepted cases[] = {
    { "(415) 555-0132", "US", "+14155550132" },
    { "415-555-0132", "US", "+14155550132" },
    { "415.555.0132", "US", "+14155550132" },
    { "415 555 0132", "US", "+14155550132" },
    { "4155550132", "US", "+14155550132" },
    { "1 415 555 0132", "US", "+14155550132" },
    { "1-415-555-0132", "US", "+14155550132" },
    { "1 (415) 555-0132", "US", "+14155550132" },
    { "+1 (415) 555-0132", "CN", "+14155550132" },
    { "+1-415-555-0132", "GB", "+14155550132" },
    { "+14155550132", NULL, "+14155550132" },
    { "001 415 555 0132", "CN", "+14155550132" },
    { "00 1 415 555 0132", "GB", "+14155550132" },
    { "tel:+1-415-555-0132", "US", "+14155550132" },
    { "(212) 555-1234", "US", "+12125551234" },
    { "1-800-555-0199", "US", "+18005550199" },
    { "(604) 555-0199", "CA", "+16045550199" },
    { "416 555 0123", "ca", "+14165550123" },
    { "876-555-0100", "JM", "+18765550100" },
    { "+1 415 555 0132", "CN", "+14155550132" },
  };

  assert_accepted (cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_nanp_refused)
{
  const Refused cases[] = {
    { "555-0132", "US", "too short" },
    { "(015) 555-0132", "US", "area codes" },
    { "(115) 555-0132", "US", "area codes" },
    { "(415) 155-0132", "US", "exchange" },
    { "(415) 055-0132", "US", "exchange" },
    { "(911) 555-0132", "US", "N11" },
    { "415 555 01322", "US", "too long" },
    { "+1 415 555 013", "CN", "too short" },
    { "+1 1 415 555 0132", "US", "too long" },
    { "2 415 555 0132", "US", "too long" },
    { "1-800-FLOWERS", "US", "letters" },
    { "1-800-XYZ-1234", "US", "letters" },
    { "415-555-0132 x123", "US", "extension" },
    { "415-555-0132 ext. 5", "US", "extension" },
    { "415-555-0132 EXT 5", "US", "extension" },
    { "415-555-0132#5", "US", "extension" },
    { "415-555-0132,,5", "US", "extension" },
    { "tel:+1-415-555-0132;ext=12", "US", "extension" },
  };

  assert_refused (cases, G_N_ELEMENTS (cases));
}
END_TEST

/* -------------------------------------------------------------------- UK */

START_TEST (test_uk)
{
  const Accepted cases[] = {
    { "020 7946 0018", "GB", "+442079460018" },
    { "(020) 7946 0018", "GB", "+442079460018" },
    { "+44 20 7946 0018", "GB", "+442079460018" },
    { "+44 (0)20 7946 0018", "CN", "+442079460018" },
    { "+44 (0) 20 7946 0018", "US", "+442079460018" },
    { "0044 20 7946 0018", "CN", "+442079460018" },
    { "0044 (0)20 7946 0018", "CN", "+442079460018" },
    { "011 44 20 7946 0018", "US", "+442079460018" },
    { "07700 900123", "GB", "+447700900123" },
    { "07700-900-123", "gb", "+447700900123" },
    { "+44 7700 900123", "GB", "+447700900123" },
    { "+44 07700 900123", "CN", "+447700900123" },
    { "447700900123", "GB", "+447700900123" },
    { "0161 496 0000", "GB", "+441614960000" },
    { "0113 496 0000", "GB", "+441134960000" },
    { "01632 960123", "GB", "+441632960123" },
    { "0800 800 150", "GB", "+44800800150" },
    { "0345 123 4567", "GB", "+443451234567" },
    { "01481 123456", "GG", "+441481123456" },
    { "020 7946 0018", "uk", "+442079460018" },
  };

  assert_accepted (cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_uk_refused)
{
  const Refused cases[] = {
    { "020 7946 001", "GB", "too short" },
    { "07700 9001234", "GB", "too long" },
    { "0400 123 4567", "GB", "do not start" },
    { "+44 600 123 4567", "US", "do not start" },
    { "7946 0018", "GB", "too short" },
  };

  assert_refused (cases, G_N_ELEMENTS (cases));
}
END_TEST

/* ------------------------------------------------------- other countries */

START_TEST (test_other_countries)
{
  const Accepted cases[] = {
    { "+49 30 12345678", "CN", "+493012345678" },
    { "+49 (0)30 12345678", "US", "+493012345678" },
    { "+49 030 12345678", "US", "+493012345678" },
    { "0049 30 1234 5678", "CN", "+493012345678" },
    { "030 12345678", "DE", "+493012345678" },
    { "+49 151 23456789", "CN", "+4915123456789" },
    { "+33 1 23 45 67 89", "CN", "+33123456789" },
    { "+33 (0)1 23 45 67 89", "GB", "+33123456789" },
    { "01 23 45 67 89", "FR", "+33123456789" },
    { "06.12.34.56.78", "FR", "+33612345678" },
    { "+81 3-1234-5678", "CN", "+81312345678" },
    { "03-1234-5678", "JP", "+81312345678" },
    { "090-1234-5678", "JP", "+819012345678" },
    { "010 1 212 555 1234", "JP", "+12125551234" },
    { "+91 98765 43210", "GB", "+919876543210" },
    { "098765 43210", "IN", "+919876543210" },
    { "+61 2 9876 5432", "US", "+61298765432" },
    { "(02) 9876 5432", "AU", "+61298765432" },
    { "0412 345 678", "AU", "+61412345678" },
    { "0011 44 20 7946 0018", "AU", "+442079460018" },
    { "+852 2123 4567", "CN", "+85221234567" },
    { "2123 4567", "HK", "+85221234567" },
    { "+853 2812 3456", "CN", "+85328123456" },
    { "+886 2 2345 6789", "CN", "+886223456789" },
    { "0912 345 678", "TW", "+886912345678" },
    { "+65 6123 4567", "CN", "+6561234567" },
    { "+7 495 123-45-67", "CN", "+74951234567" },
    { "8 (495) 123-45-67", "RU", "+74951234567" },
    { "+82 2-312-3456", "CN", "+8223123456" },
    { "010-1234-5678", "KR", "+821012345678" },
    { "+39 06 1234 5678", "CN", "+390612345678" },
    { "06 1234 5678", "IT", "+390612345678" },
    { "+34 912 34 56 78", "CN", "+34912345678" },
    { "+55 11 91234-5678", "CN", "+5511912345678" },
    { "+52 55 1234 5678", "US", "+525512345678" },
    { "+31 20 123 4567", "CN", "+31201234567" },
    { "+31 6 12345678", "CN", "+31612345678" },
    { "+353 1 234 5678", "GB", "+35312345678" },
    { "+41 44 668 18 00", "CN", "+41446681800" },
    { "+971 50 123 4567", "CN", "+971501234567" },
    { "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧", "CN", "+971501234567" },
    { "+234 803 123 4567", "GB", "+2348031234567" },
    { "+27 21 123 4567", "GB", "+27211234567" },
    { "+20 10 1234 5678", "GB", "+201012345678" },
    { "+60 12-345 6789", "CN", "+60123456789" },
    { "+66 2 123 4567", "CN", "+6621234567" },
    { "+84 91 234 56 78", "CN", "+84912345678" },
    { "+63 917 123 4567", "CN", "+639171234567" },
    { "+62 812-3456-7890", "CN", "+6281234567890" },
    { "+64 21 123 4567", "CN", "+64211234567" },
    { "+90 532 123 45 67", "CN", "+905321234567" },
    { "+972 50-123-4567", "CN", "+972501234567" },
    { "+966 50 123 4567", "CN", "+966501234567" },
    { "+380 44 123 4567", "CN", "+380441234567" },
    { "+48 512 345 678", "CN", "+48512345678" },
    { "+43 1 234567", "CN", "+431234567" },
    { "+683 4002", "CN", "+6834002" },
    { "+800 1234 5678", "CN", "+80012345678" },
    { "＋４４ ２０ ７９４６ ００１８", "CN", "+442079460018" },
    { "+52 1 55 1234 5678", "US", "+525512345678" },
    { "+54 9 11 1234-5678", "US", "+5491112345678" },
    { "8-800-555-35-35", "RU", "+78005553535" },
    { "06 1 234 5678", "HU", "+3612345678" },
    { "+57 601 234 5678", "US", "+576012345678" },
    { "86-10-65529988", "CN", "+861065529988" },
    { "Tel: +1 415 555 0132", "CN", "+14155550132" },
    { "Mobile : 07700 900123", "GB", "+447700900123" },
    { "手机：138 0013 8000", "CN", "+8613800138000" },
    { "电话：(010) 6552-9988", "CN", "+861065529988" },
  };

  assert_accepted (cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_garbage_refused)
{
  const Refused cases[] = {
    { "", "CN", "empty" },
    { NULL, "CN", "empty" },
    { "   \u3000 ", "US", "empty" },
    { "\xff\xfe", "CN", "UTF-8" },
    { "138\xc0""00138000", "CN", "UTF-8" },
    { "hello", "US", "letters" },
    { "call me", "CN", "letters" },
    { "one two three", "GB", "letters" },
    { "+", "CN", "no digits" },
    { "- ( ) -", "CN", "no digits" },
    { "++86 138 0013 8000", "CN", "'+'" },
    { "138 0013 8000 +1", "CN", "'+'" },
    { "138*0013*8000", "CN", "'*'" },
    { "138_0013_8000", "CN", "'_'" },
    { "138\x01" "0013", "CN", "'?'" },
    { "12", "US", "too few digits" },
    { "+33 1 23 45", "CN", "too short for +33 (FR)" },
    { "+49 1", "CN", "only 1 digit after +49" },
    { "+44 20", "CN", "too short" },
    { "+1234567890123456", "CN", "too long" },
    { "+33 1 23 45 67 89 01 23", "CN", "too long" },
    { "+49 30 1234 5678 9012 3", "CN", "too long" },
    { "+999 12345678", "CN", "not a country code" },
    { "+28 1234567", "CN", "not a country code" },
    { "+0 1234 5678", "CN", "start with 0" },
    { "000 1234 5678", "CN", "start with 0" },
    { "00", "CN", "nothing after the international prefix" },
    { "011", "US", "nothing after the international prefix" },
    { "12345678", NULL, "no country code" },
    { "030 12345678", "XX", "no country code" },
    { "+86 10 6552 9988 ext 2", "CN", "extension" },
    { "+49 0000 0000", "CN", "does not start with 0" },
    { "+33 00 12 34 56 78", "CN", "does not start with 0" },
    { "Mobile 138 0013 8000", "CN", "letters" },
    { "call: me", "CN", "letters" },
    { "tel:", "CN", "no digits" },
  };

  assert_refused (cases, G_N_ELEMENTS (cases));
}
END_TEST

/* ------------------------------------------------- formatting, round trips */

START_TEST (test_format)
{
  const struct { const gchar *e164; const gchar *formatted; } cases[] = {
    { "+8613800138000", "+86 138 0013 8000" },
    { "+861065529988", "+86 10 6552 9988" },
    { "+862168888888", "+86 21 6888 8888" },
    { "+8675588888888", "+86 755 8888 8888" },
    { "+868986123456", "+86 898 612 3456" },
    { "+864008108888", "+86 400 810 8888" },
    { "+14155550132", "+1 415-555-0132" },
    { "+442079460018", "+44 20 7946 0018" },
    { "+447700900123", "+44 7700 900123" },
    { "+441614960000", "+44 161 496 0000" },
    { "+441632960123", "+44 1632 960123" },
    { "+443451234567", "+44 345 123 4567" },
    { "+493012345678", "+49 30 1234 5678" },
    { "+33123456789", "+33 1 2345 6789" },
    { "+85221234567", "+852 2123 4567" },
    { "+6834002", "+683 4002" },
    { "+819012345678", "+81 90 1234 5678" },
    { "+61412345678", "+61 4 1234 5678" },
    { "+4915123456789", "+49 151 2345 6789" },
    { "not a number", "not a number" },
    { "+", "+" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *formatted = rg_phone_format (cases[i].e164);

      ck_assert_str_eq (formatted, cases[i].formatted);
    }
}
END_TEST

/* Every accepted number: its E.164 and its formatted form normalize back to
 * the same E.164, whatever the default country. */
START_TEST (test_round_trips)
{
  const gchar *numbers[] = {
    "+8613800138000", "+861065529988", "+8675588888888", "+868986123456",
    "+864008108888", "+14155550132", "+16045550199", "+442079460018",
    "+447700900123", "+441614960000", "+44800800150", "+493012345678",
    "+4915123456789", "+33123456789", "+81312345678", "+919876543210",
    "+61298765432", "+85221234567", "+886223456789", "+74951234567",
    "+390612345678", "+5511912345678", "+6834002", "+80012345678",
    "+971501234567", "+35312345678",
  };
  const gchar *defaults[] = { "CN", "US", "GB", "DE", NULL };

  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    for (gsize d = 0; d < G_N_ELEMENTS (defaults); d++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree gchar *formatted = rg_phone_format (numbers[i]);
        g_autofree gchar *again = rg_phone_normalize (numbers[i], defaults[d], &error);
        g_autofree gchar *back = rg_phone_normalize (formatted, defaults[d], &error);

        ck_assert_no_error (error);
        ck_assert_str_eq (again, numbers[i]);
        ck_assert_msg (g_strcmp0 (back, numbers[i]) == 0, "%s formatted as %s came back as %s",
                       numbers[i], formatted, back);
      }
}
END_TEST

START_TEST (test_mask)
{
  g_autofree gchar *cn = rg_phone_mask ("+8613800138000");
  g_autofree gchar *us = rg_phone_mask ("+14155550132");
  g_autofree gchar *uk = rg_phone_mask ("+442079460018");
  g_autofree gchar *odd = rg_phone_mask ("12345678");
  g_autofree gchar *au = rg_phone_mask ("+61412345678");

  ck_assert_str_eq (cn, "+86 ••• •••• 8000");
  ck_assert_str_eq (us, "+1 •••-•••-0132");
  ck_assert_str_eq (uk, "+44 •• •••• 0018");
  ck_assert_str_eq (odd, "••••5678");
  ck_assert_str_eq (au, "+61 • •••• 5678");
}
END_TEST

START_TEST (test_digits_reversed)
{
  g_autofree gchar *rev = rg_phone_digits_reversed ("+8613800138000");
  g_autofree gchar *us = rg_phone_digits_reversed ("+14155550132");
  g_autofree gchar *last4 = g_strndup (us, 4);

  ck_assert_str_eq (rev, "0008310083168");
  ck_assert_str_eq (last4, "2310");
  ck_assert_str_eq (us, "23105555141");
}
END_TEST

START_TEST (test_country_code)
{
  ck_assert_uint_eq (rg_phone_country_code ("CN"), 86);
  ck_assert_uint_eq (rg_phone_country_code ("cn"), 86);
  ck_assert_uint_eq (rg_phone_country_code ("US"), 1);
  ck_assert_uint_eq (rg_phone_country_code ("CA"), 1);
  ck_assert_uint_eq (rg_phone_country_code ("GB"), 44);
  ck_assert_uint_eq (rg_phone_country_code ("DE"), 49);
  ck_assert_uint_eq (rg_phone_country_code ("HK"), 852);
  ck_assert_uint_eq (rg_phone_country_code ("KZ"), 7);
  ck_assert_uint_eq (rg_phone_country_code ("UK"), 44);
  ck_assert_uint_eq (rg_phone_country_code ("XX"), 0);
  ck_assert_uint_eq (rg_phone_country_code (""), 0);
  ck_assert_uint_eq (rg_phone_country_code ("CHN"), 0);
  ck_assert_uint_eq (rg_phone_country_code (NULL), 0);
}
END_TEST

static Suite *
phone_suite (void)
{
  Suite *s = suite_create ("phone");
  TCase *tc;

  tc = tcase_create ("china");
  tcase_add_test (tc, test_china_mobiles);
  tcase_add_test (tc, test_china_landlines);
  tcase_add_test (tc, test_china_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("north-america");
  tcase_add_test (tc, test_nanp);
  tcase_add_test (tc, test_nanp_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("uk");
  tcase_add_test (tc, test_uk);
  tcase_add_test (tc, test_uk_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("world");
  tcase_add_test (tc, test_other_countries);
  tcase_add_test (tc, test_garbage_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("display");
  tcase_add_test (tc, test_format);
  tcase_add_test (tc, test_round_trips);
  tcase_add_test (tc, test_mask);
  tcase_add_test (tc, test_digits_reversed);
  tcase_add_test (tc, test_country_code);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (phone_suite ());
}
