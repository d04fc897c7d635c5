/* rg-phone.c — phone numbers to E.164, whatever way they were typed.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A number goes through three steps: the typed text is reduced to its
 * digits (full-width and other Unicode digits included, separators
 * dropped, an international "+" noted); the country is found, from the
 * "+", from an international call prefix ("00", "011" from North America…)
 * or from the default country; then the national significant number (NSN,
 * what follows the country code) is checked against that country's plan.
 *
 * China, North America and the UK have their plans written out below; any
 * other country is known by its ITU calling code, its trunk prefix and the
 * lengths its numbers may have.
 *
 * Extensions ("x12", "ext. 12", "转 12") are refused rather than dropped: a
 * guest's phone identifies the guest, and an office switchboard shared by
 * many people must not make them all one guest.
 */
#include "rg-phone.h"

#include <string.h>

#include "rg-error.h"
#include "rg-text.h"

#define E164_MAX_DIGITS 15
#define NSN_MIN_DIGITS  4
#define CC_MAX_DIGITS   3
#define LABEL_MAX_CHARS 12

typedef struct
{
  const gchar *iso;     /* ISO 3166 alpha-2, or "" for a global service */
  guint        code;    /* ITU calling code */
  const gchar *trunk;   /* national trunk prefix; "" none; NULL not known */
  const gchar *idd;     /* international call prefix other than "00" */
  guint        nsn_min; /* lengths of the NSN */
  guint        nsn_max;
} Country;

/* Every assigned calling code.  Where several countries share a code, the
 * first row is the one whose plan applies (US for +1, RU for +7, GB for
 * +44…); the others are there so that their ISO code is known. */
static const Country countries[] = {
  { "US", 1, "1", "011", 10, 10 }, { "CA", 1, "1", "011", 10, 10 },
  { "AG", 1, "1", "011", 10, 10 }, { "AI", 1, "1", "011", 10, 10 },
  { "AS", 1, "1", "011", 10, 10 }, { "BB", 1, "1", "011", 10, 10 },
  { "BM", 1, "1", "011", 10, 10 }, { "BS", 1, "1", "011", 10, 10 },
  { "DM", 1, "1", "011", 10, 10 }, { "DO", 1, "1", "011", 10, 10 },
  { "GD", 1, "1", "011", 10, 10 }, { "GU", 1, "1", "011", 10, 10 },
  { "JM", 1, "1", "011", 10, 10 }, { "KN", 1, "1", "011", 10, 10 },
  { "KY", 1, "1", "011", 10, 10 }, { "LC", 1, "1", "011", 10, 10 },
  { "MP", 1, "1", "011", 10, 10 }, { "MS", 1, "1", "011", 10, 10 },
  { "PR", 1, "1", "011", 10, 10 }, { "SX", 1, "1", "011", 10, 10 },
  { "TC", 1, "1", "011", 10, 10 }, { "TT", 1, "1", "011", 10, 10 },
  { "VC", 1, "1", "011", 10, 10 }, { "VG", 1, "1", "011", 10, 10 },
  { "VI", 1, "1", "011", 10, 10 },
  { "RU", 7, "8", "810", 10, 10 }, { "KZ", 7, "8", "810", 10, 10 },
  { "EG", 20, "0", NULL, 8, 10 },  { "ZA", 27, "0", NULL, 9, 9 },
  { "GR", 30, "", NULL, 10, 10 },  { "NL", 31, "0", NULL, 9, 10 },
  { "BE", 32, "0", NULL, 8, 9 },   { "FR", 33, "0", NULL, 9, 9 },
  { "ES", 34, "", NULL, 9, 9 },    { "HU", 36, "06", NULL, 8, 9 },
  { "IT", 39, "", NULL, 6, 11 },   { "VA", 39, "", NULL, 6, 11 },
  { "RO", 40, "0", NULL, 9, 9 },   { "CH", 41, "0", NULL, 9, 9 },
  { "AT", 43, "0", NULL, 4, 13 },
  { "GB", 44, "0", NULL, 9, 10 },  { "GG", 44, "0", NULL, 9, 10 },
  { "JE", 44, "0", NULL, 9, 10 },  { "IM", 44, "0", NULL, 9, 10 },
  { "DK", 45, "", NULL, 8, 8 },    { "SE", 46, "0", NULL, 7, 10 },
  { "NO", 47, "", NULL, 5, 8 },    { "SJ", 47, "", NULL, 5, 8 },
  { "PL", 48, "", NULL, 9, 9 },    { "DE", 49, "0", NULL, 5, 13 },
  { "PE", 51, "0", NULL, 8, 9 },   { "MX", 52, "", NULL, 10, 10 },
  { "CU", 53, "0", "119", 6, 8 },  { "AR", 54, "0", NULL, 10, 11 },
  { "BR", 55, "0", NULL, 10, 11 }, { "CL", 56, "", NULL, 9, 9 },
  { "CO", 57, "", "009", 10, 10 }, { "VE", 58, "0", NULL, 10, 10 },
  { "MY", 60, "0", NULL, 8, 10 },  { "AU", 61, "0", "0011", 9, 10 },
  { "CX", 61, "0", "0011", 9, 9 }, { "CC", 61, "0", "0011", 9, 9 },
  { "ID", 62, "0", "001", 8, 12 }, { "PH", 63, "0", NULL, 8, 10 },
  { "NZ", 64, "0", NULL, 8, 10 },  { "SG", 65, "", "001", 8, 8 },
  { "TH", 66, "0", "001", 8, 9 },
  { "JP", 81, "0", "010", 9, 10 }, { "KR", 82, "0", "001", 8, 10 },
  { "VN", 84, "0", NULL, 9, 10 },  { "CN", 86, "0", NULL, 10, 11 },
  { "TR", 90, "0", NULL, 10, 10 }, { "IN", 91, "0", NULL, 10, 10 },
  { "PK", 92, "0", NULL, 9, 10 },  { "AF", 93, "0", NULL, 9, 9 },
  { "LK", 94, "0", NULL, 9, 9 },   { "MM", 95, "0", NULL, 7, 10 },
  { "IR", 98, "0", NULL, 10, 10 },
  { "SS", 211, "0", NULL, 9, 9 },  { "MA", 212, "0", NULL, 9, 9 },
  { "EH", 212, "0", NULL, 9, 9 },  { "DZ", 213, "0", NULL, 8, 9 },
  { "TN", 216, "", NULL, 8, 8 },   { "LY", 218, "0", NULL, 8, 9 },
  { "GM", 220, "", NULL, 7, 7 },   { "SN", 221, "", NULL, 9, 9 },
  { "MR", 222, "", NULL, 8, 8 },   { "ML", 223, "", NULL, 8, 8 },
  { "GN", 224, "", NULL, 8, 9 },   { "CI", 225, "", NULL, 8, 10 },
  { "BF", 226, "", NULL, 8, 8 },   { "NE", 227, "", NULL, 8, 8 },
  { "TG", 228, "", NULL, 8, 8 },   { "BJ", 229, "", NULL, 8, 10 },
  { "MU", 230, "", "020", 7, 8 },  { "LR", 231, "0", NULL, 7, 9 },
  { "SL", 232, "0", NULL, 8, 8 },  { "GH", 233, "0", NULL, 9, 9 },
  { "NG", 234, "0", "009", 8, 10 }, { "TD", 235, "", NULL, 8, 8 },
  { "CF", 236, "", NULL, 8, 8 },   { "CM", 237, "", NULL, 8, 9 },
  { "CV", 238, "", NULL, 7, 7 },    { "ST", 239, "", NULL, 7, 7 },
  { "GQ", 240, "", NULL, 9, 9 },   { "GA", 241, "", NULL, 7, 9 },
  { "CG", 242, "", NULL, 9, 9 },   { "CD", 243, "0", NULL, 7, 9 },
  { "AO", 244, "", NULL, 9, 9 },   { "GW", 245, "", NULL, 7, 9 },
  { "IO", 246, "", NULL, 7, 7 },   { "AC", 247, "", NULL, 4, 6 },
  { "SC", 248, "", "010", 7, 7 },  { "SD", 249, "0", NULL, 9, 9 },
  { "RW", 250, "0", NULL, 9, 9 },  { "ET", 251, "0", NULL, 9, 9 },
  { "SO", 252, "0", NULL, 7, 9 },  { "DJ", 253, "", NULL, 8, 8 },
  { "KE", 254, "0", "000", 9, 10 }, { "TZ", 255, "0", "000", 9, 9 },
  { "UG", 256, "0", "000", 9, 9 }, { "BI", 257, "", NULL, 8, 8 },
  { "MZ", 258, "", NULL, 8, 9 },   { "ZM", 260, "0", NULL, 9, 9 },
  { "MG", 261, "0", NULL, 9, 9 },  { "RE", 262, "0", NULL, 9, 9 },
  { "YT", 262, "0", NULL, 9, 9 },  { "ZW", 263, "0", NULL, 5, 10 },
  { "NA", 264, "0", NULL, 6, 10 }, { "MW", 265, "0", NULL, 7, 9 },
  { "LS", 266, "", NULL, 8, 8 },   { "BW", 267, "", NULL, 7, 8 },
  { "SZ", 268, "", NULL, 8, 8 },   { "KM", 269, "", NULL, 7, 7 },
  { "SH", 290, "", NULL, 4, 5 },   { "TA", 290, "", NULL, 4, 5 },
  { "ER", 291, "0", NULL, 7, 7 },  { "AW", 297, "", NULL, 7, 7 },
  { "FO", 298, "", NULL, 6, 6 },   { "GL", 299, "", NULL, 6, 6 },
  { "GI", 350, "", NULL, 8, 8 },   { "PT", 351, "", NULL, 9, 9 },
  { "LU", 352, "", NULL, 4, 11 },  { "IE", 353, "0", NULL, 7, 9 },
  { "IS", 354, "", NULL, 7, 9 },   { "AL", 355, "0", NULL, 6, 9 },
  { "MT", 356, "", NULL, 8, 8 },   { "CY", 357, "", NULL, 8, 8 },
  { "FI", 358, "0", NULL, 5, 12 }, { "AX", 358, "0", NULL, 5, 12 },
  { "BG", 359, "0", NULL, 7, 9 },  { "LT", 370, "8", NULL, 8, 8 },
  { "LV", 371, "", NULL, 8, 8 },   { "EE", 372, "", NULL, 7, 10 },
  { "MD", 373, "0", NULL, 8, 8 },  { "AM", 374, "0", NULL, 8, 8 },
  { "BY", 375, "8", "810", 9, 10 }, { "AD", 376, "", NULL, 6, 9 },
  { "MC", 377, "", NULL, 8, 9 },   { "SM", 378, "", NULL, 6, 10 },
  { "UA", 380, "0", NULL, 9, 9 },  { "RS", 381, "0", NULL, 6, 12 },
  { "ME", 382, "0", NULL, 8, 9 },  { "XK", 383, "0", NULL, 8, 9 },
  { "HR", 385, "0", NULL, 8, 9 },  { "SI", 386, "0", NULL, 8, 8 },
  { "BA", 387, "0", NULL, 8, 9 },  { "MK", 389, "0", NULL, 8, 8 },
  { "CZ", 420, "", NULL, 9, 9 },   { "SK", 421, "0", NULL, 9, 9 },
  { "LI", 423, "", NULL, 7, 9 },
  { "FK", 500, "", NULL, 5, 5 },   { "BZ", 501, "", NULL, 7, 7 },
  { "GT", 502, "", NULL, 8, 8 },   { "SV", 503, "", NULL, 8, 8 },
  { "HN", 504, "", NULL, 8, 8 },   { "NI", 505, "", NULL, 8, 8 },
  { "CR", 506, "", NULL, 8, 8 },   { "PA", 507, "", NULL, 7, 8 },
  { "PM", 508, "0", NULL, 6, 6 },  { "HT", 509, "", NULL, 8, 8 },
  { "GP", 590, "0", NULL, 9, 9 },  { "BL", 590, "0", NULL, 9, 9 },
  { "MF", 590, "0", NULL, 9, 9 },  { "BO", 591, "0", NULL, 8, 8 },
  { "GY", 592, "", "001", 7, 7 },  { "EC", 593, "0", NULL, 8, 9 },
  { "GF", 594, "0", NULL, 9, 9 },  { "PY", 595, "0", NULL, 6, 9 },
  { "MQ", 596, "0", NULL, 9, 9 },  { "SR", 597, "", NULL, 6, 7 },
  { "UY", 598, "0", NULL, 8, 8 },  { "CW", 599, "", NULL, 7, 8 },
  { "BQ", 599, "", NULL, 7, 7 },
  { "TL", 670, "", NULL, 7, 8 },   { "NF", 672, "", NULL, 6, 6 },
  { "BN", 673, "", NULL, 7, 7 },   { "NR", 674, "", NULL, 7, 7 },
  { "PG", 675, "", NULL, 7, 8 },   { "TO", 676, "", NULL, 5, 7 },
  { "SB", 677, "", NULL, 5, 7 },   { "VU", 678, "", NULL, 5, 7 },
  { "FJ", 679, "", NULL, 7, 7 },   { "PW", 680, "", NULL, 7, 7 },
  { "WF", 681, "", NULL, 6, 6 },   { "CK", 682, "", NULL, 5, 5 },
  { "NU", 683, "", NULL, 4, 7 },   { "WS", 685, "", NULL, 5, 7 },
  { "KI", 686, "", NULL, 5, 8 },   { "NC", 687, "", NULL, 6, 6 },
  { "TV", 688, "", NULL, 5, 7 },   { "PF", 689, "", NULL, 6, 8 },
  { "TK", 690, "", NULL, 4, 7 },   { "FM", 691, "", NULL, 7, 7 },
  { "MH", 692, "", NULL, 7, 7 },
  { "", 800, "", NULL, 8, 8 },     { "", 808, "", NULL, 8, 8 },
  { "KP", 850, "0", NULL, 6, 10 }, { "HK", 852, "", "001", 8, 8 },
  { "MO", 853, "", NULL, 8, 8 },   { "KH", 855, "0", "001", 8, 9 },
  { "LA", 856, "0", NULL, 8, 10 }, { "", 870, "", NULL, 9, 9 },
  { "", 878, "", NULL, 10, 10 },   { "BD", 880, "0", NULL, 8, 10 },
  { "", 881, "", NULL, 7, 9 },     { "", 882, "", NULL, 7, 12 },
  { "", 883, "", NULL, 7, 12 },    { "TW", 886, "0", "002", 8, 9 },
  { "", 888, "", NULL, 11, 11 },
  { "MV", 960, "", NULL, 7, 7 },   { "LB", 961, "0", NULL, 7, 8 },
  { "JO", 962, "0", NULL, 8, 9 },  { "SY", 963, "0", NULL, 8, 9 },
  { "IQ", 964, "0", NULL, 8, 10 }, { "KW", 965, "", NULL, 7, 8 },
  { "SA", 966, "0", NULL, 8, 9 },  { "YE", 967, "0", NULL, 7, 9 },
  { "OM", 968, "", NULL, 7, 8 },   { "PS", 970, "0", NULL, 8, 9 },
  { "AE", 971, "0", NULL, 8, 9 },  { "IL", 972, "0", NULL, 8, 9 },
  { "BH", 973, "", NULL, 8, 8 },   { "QA", 974, "", NULL, 7, 8 },
  { "BT", 975, "", NULL, 7, 8 },   { "MN", 976, "0", "001", 8, 8 },
  { "NP", 977, "0", NULL, 8, 10 }, { "", 979, "", NULL, 9, 9 },
  { "TJ", 992, "8", "810", 9, 9 }, { "TM", 993, "8", "810", 8, 8 },
  { "AZ", 994, "0", NULL, 9, 9 },  { "GE", 995, "0", NULL, 9, 9 },
  { "KG", 996, "0", NULL, 9, 9 },  { "UZ", 998, "", NULL, 9, 9 },
};

/* What a person typed, reduced to digits. */
typedef struct
{
  GString  *digits;
  gboolean  plus;          /* began with "+" */
  gssize    bracket_zero;  /* index in digits of a 0 typed as "(0)", or -1 */
} Typed;

/* ------------------------------------------------------------- countries */

static const Country *
find_country (const gchar *iso)
{
  if (iso == NULL)
    return NULL;
  /* "UK" is not an ISO code, but it is what people type for GB */
  if (g_ascii_strcasecmp (iso, "UK") == 0)
    iso = "GB";
  for (gsize i = 0; i < G_N_ELEMENTS (countries); i++)
    if (countries[i].iso[0] != '\0' && g_ascii_strcasecmp (countries[i].iso, iso) == 0)
      return &countries[i];
  return NULL;
}

static const Country *
find_code (guint code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (countries); i++)
    if (countries[i].code == code)
      return &countries[i];
  return NULL;
}

/* Calling codes are a prefix code: at most one of the first 1, 2 or 3
 * digits is assigned.  Sets *cc_len to the number of digits used. */
static const Country *
resolve_code (const gchar *digits,
              guint       *cc_len)
{
  guint code = 0;

  for (guint n = 1; n <= CC_MAX_DIGITS && g_ascii_isdigit (digits[n - 1]); n++)
    {
      const Country *country;

      code = code * 10 + (guint) (digits[n - 1] - '0');
      if (code == 0)
        return NULL;
      country = find_code (code);
      if (country != NULL)
        {
          *cc_len = n;
          return country;
        }
    }
  return NULL;
}

/* ---------------------------------------------------------------- errors */

static gboolean
set_invalid (GError      **error,
             const gchar  *input,
             const gchar  *format,
             ...) G_GNUC_PRINTF (3, 4);

/* Sets @error to "'<input>' is not a valid phone number: <reason>".
 * Returns: %FALSE */
static gboolean
set_invalid (GError      **error,
             const gchar  *input,
             const gchar  *format,
             ...)
{
  g_autofree gchar *quoted = rg_text_quote_for_message (input);
  g_autofree gchar *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "'%s' is not a valid phone number: %s", quoted, reason);
  return FALSE;
}

/* -------------------------------------------------------------- scanning */

static gboolean
is_separator (gunichar ch)
{
  if (g_unichar_isspace (ch) || (ch < 0x80 && strchr ("-./()[]", (gchar) ch) != NULL))
    return TRUE;
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_DASH_PUNCTUATION:
      return TRUE;
    default:
      /* zero-width space, byte order mark, middle dots */
      return ch == 0x200B || ch == 0xFEFF || ch == 0x00B7 || ch == 0x30FB;
    }
}

/* An extension after the number: "x12", "ext. 12", "extension 12", "#12",
 * ";ext=12", a dialling pause ",12", or "转12" / "分机12" in Chinese.  The
 * marker must be followed by digits, so "1-800-XYZ" is letters. */
static gboolean
is_extension_at (const gchar *p)
{
  gunichar ch = g_utf8_get_char (p);
  const gchar *q = g_utf8_next_char (p);

  if (ch == 0x5206 /* 分 */ && g_utf8_get_char (q) == 0x673A /* 机 */)
    q = g_utf8_next_char (q);
  else if (g_ascii_strncasecmp (p, "ext", 3) == 0 || ch == ';')
    while (g_ascii_isalpha (*q))
      q++;
  else if (ch != 'x' && ch != 'X' && ch != '#' && ch != ',' && ch != 0x8F6C /* 转 */)
    return FALSE;

  while (*q != '\0' && strchr (" .:=,;#", *q) != NULL)
    q++;
  return g_ascii_isdigit (*q);
}

/* Skips a label before the number: "tel:", "Mobile: ", "手机：". */
static const gchar *
skip_label (const gchar *p)
{
  const gchar *q = p;
  guint n = 0;

  while (*q != '\0' && g_unichar_isalpha (g_utf8_get_char (q)) && n++ < LABEL_MAX_CHARS)
    q = g_utf8_next_char (q);
  while (*q == ' ')
    q++;
  return n > 0 && *q == ':' ? q + 1 : p;
}

static gboolean
scan (const gchar  *input,
      Typed        *typed,
      GError      **error)
{
  g_autofree gchar *nfkc = NULL;
  const gchar *p;

  if (input != NULL && !g_utf8_validate (input, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the phone number is not valid UTF-8 text");
      return FALSE;
    }

  /* NFKC turns full-width digits, "＋" and "（" into their ASCII forms */
  nfkc = g_utf8_normalize (input != NULL ? input : "", -1, G_NORMALIZE_NFKC);
  p = nfkc;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the phone number is empty");
      return FALSE;
    }
  p = skip_label (p);

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gint value = g_unichar_digit_value (ch);

      if (value >= 0)
        g_string_append_c (typed->digits, (gchar) ('0' + value));
      else if (ch == '+' && typed->digits->len == 0 && !typed->plus)
        typed->plus = TRUE;
      else if (ch == '+')
        return set_invalid (error, input, "it has a '+' in the middle");
      else if (ch == '(' && g_str_has_prefix (p, "(0)") && typed->digits->len > 0)
        typed->bracket_zero = (gssize) typed->digits->len;
      else if (is_separator (ch))
        continue;
      else if (typed->digits->len > 0 && is_extension_at (p))
        return set_invalid (error, input,
                            "it has an extension; enter the guest's own number without it");
      else if (g_unichar_isalpha (ch))
        return set_invalid (error, input, "it contains letters");
      else
        {
          gchar bad[8] = { 0 };

          g_unichar_to_utf8 (ch, bad);
          return set_invalid (error, input, "it contains '%s'", g_unichar_iscntrl (ch) ? "?" : bad);
        }
    }

  if (typed->digits->len == 0)
    return set_invalid (error, input, "it has no digits");
  return TRUE;
}

/* ----------------------------------------------------------------- plans */

/* Whether the digit at @i of @nsn is one of @allowed. */
static gboolean
digit_in (const gchar *nsn,
          gsize        i,
          const gchar *allowed)
{
  return nsn[i] != '\0' && strchr (allowed, nsn[i]) != NULL;
}

/* Whether a valid Chinese NSN is a landline (area code and number),
 * which in China is always written after the trunk 0. */
static gboolean
is_cn_landline (const gchar *nsn)
{
  gboolean mobile = nsn[0] == '1' && nsn[1] != '0';

  return !mobile && !g_str_has_prefix (nsn, "400") && !g_str_has_prefix (nsn, "800");
}

/* China: mobiles 1[3-9] and 9 digits; landlines a 2-digit area code (10,
 * 2x) and 8 digits, or a 3-digit one ([3-9]xx) and 7 or 8 digits; the
 * nationwide 400 and 800 numbers. */
static const gchar *
check_cn (const gchar *nsn)
{
  gsize len = strlen (nsn);
  gboolean two_digit_area = nsn[0] == '2' || g_str_has_prefix (nsn, "10");

  if (len < 10)
    return "too short for a number in China (+86): mobiles have 11 digits, landlines need the area code";
  if (len > 11)
    return "too long for a number in China (+86)";
  if (nsn[0] == '1' && nsn[1] != '0')
    {
      if (len == 11 && nsn[1] >= '3')
        return NULL;
      return "Chinese mobile numbers have 11 digits and start with 13 to 19";
    }
  if ((g_str_has_prefix (nsn, "400") || g_str_has_prefix (nsn, "800")) && len == 10)
    return NULL;
  if (two_digit_area && len == 10 && digit_in (nsn, 2, "23456789"))
    return NULL;
  if (!two_digit_area && nsn[0] >= '3' && digit_in (nsn, 3, "23456789"))
    return NULL;
  return "it is not a Chinese mobile or landline number";
}

/* North America: NPA-NXX-XXXX, neither the area code nor the exchange
 * starting with 0 or 1, and no N11 service code as area code. */
static const gchar *
check_nanp (const gchar *nsn)
{
  gsize len = strlen (nsn);

  if (len < 10)
    return "too short: North American numbers have 10 digits with the area code";
  if (len > 10)
    return "too long: North American numbers have 10 digits with the area code";
  if (nsn[0] == '0' || nsn[0] == '1')
    return "North American area codes do not start with 0 or 1";
  if (nsn[1] == '1' && nsn[2] == '1')
    return "an N11 code (411, 911…) is a service, not an area code";
  if (nsn[3] == '0' || nsn[3] == '1')
    return "the exchange (the 3 digits after the area code) does not start with 0 or 1";
  return NULL;
}

/* The UK: 10 digits after the trunk 0 (mobiles 7xxx), 9 for some small
 * areas (01xxx) and freephone 0800 numbers. */
static const gchar *
check_gb (const gchar *nsn)
{
  gsize len = strlen (nsn);

  if (strchr ("1235789", nsn[0]) == NULL)
    return "UK numbers do not start with 00, 04 or 06";
  if (len < 9 || (len == 9 && nsn[0] != '1' && !g_str_has_prefix (nsn, "800")))
    return "too short for a number in the UK (+44): 10 digits after the 0";
  if (len > 10)
    return "too long for a number in the UK (+44): 10 digits after the 0";
  return NULL;
}

static gchar *
describe_lengths (const Country *country)
{
  if (country->nsn_min == country->nsn_max)
    return g_strdup_printf ("%u digits", country->nsn_min);
  return g_strdup_printf ("%u to %u digits", country->nsn_min, country->nsn_max);
}

/* Returns why @nsn is not a number of @country, or NULL when it is.  The
 * result is owned by @reason. */
static const gchar *
check_nsn (const Country  *country,
           guint           cc_len,
           const gchar    *nsn,
           gchar         **reason)
{
  gsize len = strlen (nsn);

  if (len < NSN_MIN_DIGITS)
    return *reason = g_strdup_printf ("too short: only %" G_GSIZE_FORMAT " digit%s after +%u",
                                      len, len == 1 ? "" : "s", country->code);
  if (len + cc_len > E164_MAX_DIGITS)
    return *reason = g_strdup ("too long: a phone number has at most 15 digits with the country code");

  switch (country->code)
    {
    case 1:
      return check_nanp (nsn);
    case 44:
      return check_gb (nsn);
    case 86:
      return check_cn (nsn);
    default:
      break;
    }

  if (g_strcmp0 (country->trunk, "0") == 0 && nsn[0] == '0')
    return *reason = g_strdup_printf ("after +%u a number does not start with 0", country->code);

  if (len < country->nsn_min || len > country->nsn_max)
    {
      g_autofree gchar *lengths = describe_lengths (country);

      return *reason = g_strdup_printf ("too %s for +%u%s%s%s: numbers there have %s after the country code",
                                        len < country->nsn_min ? "short" : "long", country->code,
                                        country->iso[0] != '\0' ? " (" : "", country->iso,
                                        country->iso[0] != '\0' ? ")" : "", lengths);
    }
  return NULL;
}

/* Where the national number must not start with the trunk 0, a 0 typed
 * after the country code ("+86 010…", "+44 07700…") is that trunk prefix
 * dialled by habit; drop it.  Mexico's mobile "1" after +52, dropped from
 * the plan in 2019, is still typed too. */
static const gchar *
skip_habitual_trunk (const Country *country,
                     const gchar   *nsn)
{
  if (g_strcmp0 (country->trunk, "0") == 0 && nsn[0] == '0' && nsn[1] != '0')
    return nsn + 1;
  if (country->code == 52 && nsn[0] == '1' && strlen (nsn) == 11)
    return nsn + 1;
  return nsn;
}

static gchar *
make_e164 (const Country *country,
           const gchar   *nsn)
{
  return g_strdup_printf ("+%u%s", country->code, nsn);
}

static gchar *
normalize_international (const gchar  *input,
                         const gchar  *digits,
                         gssize        bracket_zero,
                         GError      **error)
{
  g_autofree gchar *reason_owned = NULL;
  g_autofree gchar *nsn_owned = NULL;
  const Country *country;
  const gchar *nsn;
  const gchar *reason;
  guint cc_len = 0;

  if (digits[0] == '\0')
    {
      set_invalid (error, input, "it has nothing after the international prefix");
      return NULL;
    }
  if (digits[0] == '0')
    {
      set_invalid (error, input, "a country code does not start with 0");
      return NULL;
    }
  country = resolve_code (digits, &cc_len);
  if (country == NULL)
    {
      set_invalid (error, input, "+%.3s is not a country code", digits);
      return NULL;
    }

  /* "+44 (0)20…": the bracketed trunk 0 is not dialled from abroad */
  nsn_owned = g_strdup (digits + cc_len);
  if (bracket_zero == (gssize) cc_len)
    memmove (nsn_owned, nsn_owned + 1, strlen (nsn_owned));
  nsn = skip_habitual_trunk (country, nsn_owned);

  reason = check_nsn (country, cc_len, nsn, &reason_owned);
  if (reason != NULL)
    {
      set_invalid (error, input, "%s", reason);
      return NULL;
    }
  return make_e164 (country, nsn);
}

static gchar *
normalize_national (const gchar    *input,
                    const Country  *country,
                    const gchar    *digits,
                    GError        **error)
{
  g_autofree gchar *code = g_strdup_printf ("%u", country->code);
  g_autofree gchar *reason_owned = NULL;
  g_autofree gchar *retry_owned = NULL;
  guint cc_len = (guint) strlen (code);
  const gchar *nsn = digits;
  const gchar *reason;

  if (country->trunk != NULL && country->trunk[0] != '\0' && g_str_has_prefix (digits, country->trunk))
    nsn = digits + strlen (country->trunk);

  if (strlen (nsn) < NSN_MIN_DIGITS)
    {
      set_invalid (error, input, "it has too few digits");
      return NULL;
    }

  reason = check_nsn (country, cc_len, nsn, &reason_owned);
  if (reason == NULL && country->code == 86 && nsn == digits && is_cn_landline (nsn))
    reason = "Chinese landline numbers start with 0 and the area code (010, 021, 0755…); "
             "for a number abroad, start with + and the country code";
  if (reason == NULL)
    return make_e164 (country, nsn);

  /* "(115) 555-0132" has the length of a number without its trunk prefix 1:
   * say what is wrong with that number rather than with "155550132".  A
   * leading 0 is always a trunk prefix. */
  if (nsn != digits && digits[0] != '0' &&
      strlen (digits) >= country->nsn_min && strlen (digits) <= country->nsn_max)
    {
      g_clear_pointer (&reason_owned, g_free);
      reason = check_nsn (country, cc_len, digits, &reason_owned);
      if (reason == NULL)
        return make_e164 (country, digits);
    }

  /* "8613800138000", "447700900123": the country code typed without "+" */
  if (g_str_has_prefix (digits, code) &&
      check_nsn (country, cc_len, digits + cc_len, &retry_owned) == NULL)
    return make_e164 (country, digits + cc_len);

  set_invalid (error, input, "%s", reason);
  return NULL;
}

/* ------------------------------------------------------------ formatting */

/* Writes @nsn in groups of @sizes (0-terminated; the last group takes what
 * is left), separated by @sep. */
static void
append_groups (GString     *out,
               const gchar *nsn,
               const guint *sizes,
               gchar        sep)
{
  gsize len = strlen (nsn);
  gsize at = 0;

  for (guint i = 0; at < len; i++)
    {
      gsize n = sizes[i] != 0 ? MIN (sizes[i], len - at) : len - at;

      if (at > 0)
        g_string_append_c (out, sep);
      g_string_append_len (out, nsn + at, (gssize) n);
      at += n;
    }
}

/* Groups of four from the right, the first group taking what is left:
 * "2123 4567", "90 1234 5678", so that the last four digits, the ones a
 * mask shows, are a group of their own. */
static void
generic_sizes (gsize  len,
               guint *sizes)
{
  guint i = 0;

  sizes[i++] = len % 4 != 0 ? len % 4 : 4;
  for (gsize done = sizes[0]; done < len; done += 4)
    sizes[i++] = 4;
  sizes[i] = 0;
}

static void
choose_sizes (guint        code,
              const gchar *nsn,
              guint       *sizes)
{
  gsize len = strlen (nsn);
  guint two_four[] = { 2, 4, 0 };
  guint three_four[] = { 3, 4, 0 };
  guint three_three[] = { 3, 3, 0 };
  guint four[] = { 4, 0 };
  const guint *chosen = NULL;

  if (code == 86 && (nsn[0] == '2' || g_str_has_prefix (nsn, "10")) && len == 10)
    chosen = two_four;
  else if (code == 86)
    chosen = len == 11 ? three_four : three_three;
  else if (code == 44 && nsn[0] == '2')
    chosen = two_four;
  else if (code == 44 && (nsn[0] == '7' || (nsn[0] == '1' && len >= 3 && nsn[1] != '1' && nsn[2] != '1')))
    chosen = four;
  else if (code == 44)
    chosen = three_three;

  if (chosen == NULL)
    {
      generic_sizes (len, sizes);
      return;
    }
  for (guint i = 0; i == 0 || chosen[i - 1] != 0; i++)
    sizes[i] = chosen[i];
}

/* Splits a normalized number into its calling code and NSN; FALSE when
 * @e164 is not one. */
static gboolean
split_e164 (const gchar    *e164,
            const Country **country,
            const gchar   **nsn)
{
  guint cc_len = 0;
  gsize len;

  if (e164 == NULL || e164[0] != '+')
    return FALSE;
  len = strlen (e164 + 1);
  if (len < 2 || len > E164_MAX_DIGITS || strspn (e164 + 1, "0123456789") != len)
    return FALSE;
  *country = resolve_code (e164 + 1, &cc_len);
  *nsn = e164 + 1 + cc_len;
  return *country != NULL && **nsn != '\0';
}

/* ------------------------------------------------------------ public API */

gchar *
rg_phone_normalize (const gchar  *input,
                    const gchar  *default_country,
                    GError      **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  Typed typed = { digits, FALSE, -1 };
  const Country *country;

  if (!scan (input, &typed, error))
    return NULL;
  if (typed.plus)
    return normalize_international (input, digits->str, typed.bracket_zero, error);

  /* the country's own international prefix first: "0011" from Australia
   * is not "00" followed by 11 */
  country = find_country (default_country);
  if (country != NULL && country->idd != NULL && g_str_has_prefix (digits->str, country->idd))
    return normalize_international (input, digits->str + strlen (country->idd),
                                    typed.bracket_zero - (gssize) strlen (country->idd), error);
  if (g_str_has_prefix (digits->str, "00"))
    return normalize_international (input, digits->str + 2, typed.bracket_zero - 2, error);
  if (country == NULL)
    {
      set_invalid (error, input, "it has no country code; start it with + and the country code");
      return NULL;
    }

  return normalize_national (input, country, digits->str, error);
}

guint
rg_phone_country_code (const gchar *country)
{
  const Country *found = find_country (country);

  return found != NULL ? found->code : 0;
}

gchar *
rg_phone_format (const gchar *e164)
{
  const Country *country;
  const gchar *nsn;
  guint sizes[E164_MAX_DIGITS / 4 + 2];
  GString *out;

  if (!split_e164 (e164, &country, &nsn))
    return g_strdup (e164 != NULL ? e164 : "");

  out = g_string_new (NULL);
  g_string_append_printf (out, "+%u ", country->code);
  if (country->code == 1 && strlen (nsn) == 10)
    {
      guint nanp[] = { 3, 3, 0 };

      append_groups (out, nsn, nanp, '-');
      return g_string_free (out, FALSE);
    }
  choose_sizes (country->code, nsn, sizes);
  append_groups (out, nsn, sizes, ' ');
  return g_string_free (out, FALSE);
}

gchar *
rg_phone_mask (const gchar *e164)
{
  g_autofree gchar *formatted = rg_phone_format (e164);
  const gchar *start = strchr (formatted, ' ');
  guint n_digits = 0;
  guint seen = 0;
  GString *out;

  /* without a country code to keep, hide everything but the last four */
  if (start == NULL)
    start = formatted;
  for (const gchar *p = start; *p != '\0'; p++)
    n_digits += g_ascii_isdigit (*p) ? 1 : 0;

  out = g_string_new_len (formatted, start - formatted);
  for (const gchar *p = start; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && seen++ + 4 < n_digits)
        g_string_append (out, "•");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

gchar *
rg_phone_digits_reversed (const gchar *e164)
{
  GString *out = g_string_new (NULL);

  if (e164 != NULL)
    for (const gchar *p = e164 + strlen (e164); p > e164; p--)
      if (g_ascii_isdigit (p[-1]))
        g_string_append_c (out, p[-1]);
  return g_string_free (out, FALSE);
}
