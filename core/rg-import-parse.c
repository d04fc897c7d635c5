/* rg-import-parse.c — money, quantities, dates and times from exported files.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-import-parse.h"

#include <string.h>

#define MAX_INTEGER_DIGITS 13     /* ten billion and more is no price */
#define MAX_QUANTITY 1000000
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* The state of one strptime-style parse that nested directives (%F, %T)
 * share. */
typedef struct
{
  gboolean twelve_hour;
  gboolean pm;
  gboolean has_year;
  gboolean has_month;
  gboolean has_day;
} FormatState;

static const gchar * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

/* ----------------------------------------------------------------- money */

static gboolean
is_group_char (gunichar c)
{
  /* apostrophe, right single quote, space, no-break and thin spaces */
  return c == '\'' || c == 0x2019 || c == ' ' || c == 0xa0 || c == 0x202f || c == 0x2009;
}

static gboolean
is_separator (gunichar c)
{
  return c == '.' || c == ',' || is_group_char (c);
}

/* What may stand around the number: spaces, signs, currency signs ($ ¥ £ €
 * and the rest of Unicode's), 元, and three-letter codes such as USD. */
static gboolean
skip_decoration (const gchar *p,
                 const gchar *end,
                 gboolean    *negative,
                 gboolean    *bracket_open,
                 gboolean    *bracket_closed,
                 gboolean     before)
{
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isupper (*p) && end - p >= 3 &&
          g_ascii_isupper (p[1]) && g_ascii_isupper (p[2]) &&
          (end - p == 3 || !g_ascii_isalpha (p[3])))
        {
          p += 3;
          continue;
        }

      if (c == '-' && before && !*negative)
        *negative = TRUE;
      else if (c == '(' && before && !*bracket_open)
        *bracket_open = TRUE;
      else if (c == ')' && !before && *bracket_open && !*bracket_closed)
        *bracket_closed = TRUE;
      else if (!(c == '+' && before) && !g_unichar_isspace (c) &&
               g_unichar_type (c) != G_UNICODE_CURRENCY_SYMBOL && c != 0x5143)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* Reads the digits of [start, end) as the amount, deciding which separator
 * (if any) is the decimal mark. */
static gboolean
read_amount (const gchar *start,
             const gchar *end,
             gint64      *minor)
{
  const gchar *mark = NULL;
  const gchar *p;
  gint64 units = 0;
  gint64 cents = 0;
  guint n_integer = 0;
  guint n_decimals = 0;
  gboolean leading_zero;

  /* The candidate is the last '.' or ',' with nothing but digits after it. */
  for (p = start; p < end; p = g_utf8_next_char (p))
    if (*p == '.' || *p == ',')
      mark = p;
    else if (!g_ascii_isdigit (*p))
      mark = NULL;

  if (mark != NULL)
    {
      n_decimals = (guint) (end - mark - 1);
      leading_zero = start[0] == '0' || start == mark;
      if (n_decimals == 3 && !leading_zero)
        mark = NULL;   /* "1,234": thousands */
    }

  for (p = start; p < (mark != NULL ? mark : end); p++)
    if (g_ascii_isdigit (*p))
      {
        if (++n_integer > MAX_INTEGER_DIGITS)
          return FALSE;
        units = units * 10 + (*p - '0');
      }

  if (mark != NULL)
    {
      guint i = 0;

      for (p = mark + 1; p < end; p++, i++)
        {
          if (i < 2)
            cents = cents * 10 + (*p - '0');
          else if (i == 2 && *p >= '5')
            cents++;
        }
      if (n_decimals == 1)
        cents *= 10;
      if (cents == 100)   /* "0.999" rounds up */
        {
          units++;
          cents = 0;
        }
    }

  *minor = units * 100 + cents;
  return TRUE;
}

gboolean
rg_import_parse_money (const gchar  *text,
                       gint64       *minor,
                       GError      **error)
{
  const gchar *end;
  const gchar *start = NULL;
  const gchar *last_digit = NULL;
  const gchar *number_end;
  gboolean negative = FALSE;
  gboolean bracket_open = FALSE;
  gboolean bracket_closed = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor != NULL, FALSE);

  if (!g_utf8_validate (text, -1, &end))
    goto invalid;

  /* The number: from its first digit (or a mark just before it, ".5") over
   * digits and single separators to its last digit. */
  for (const gchar *p = text; p < end; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        {
          if (start == NULL)
            start = (p > text && (p[-1] == '.' || p[-1] == ',')) ? p - 1 : p;
          last_digit = p;
        }
      else if (start != NULL && !is_separator (g_utf8_get_char (p)))
        break;
    }
  if (start == NULL)
    goto invalid;

  number_end = last_digit + 1;
  for (const gchar *p = start; p < number_end; p = g_utf8_next_char (p))
    if (!g_ascii_isdigit (*p) && !g_ascii_isdigit (*g_utf8_next_char (p)))
      goto invalid;   /* two separators in a row */

  if (!skip_decoration (text, start, &negative, &bracket_open, &bracket_closed, TRUE) ||
      !skip_decoration (number_end, end, &negative, &bracket_open, &bracket_closed, FALSE) ||
      bracket_open != bracket_closed)
    goto invalid;

  if (!read_amount (start, number_end, minor))
    goto invalid;
  if (negative || bracket_open)
    *minor = -*minor;
  return TRUE;

invalid:
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "“%s” is not an amount of money", text);
  return FALSE;
}

/* ------------------------------------------------------------- quantity */

gboolean
rg_import_parse_quantity (const gchar  *text,
                          gint64       *quantity,
                          GError      **error)
{
  const gchar *p = text;
  gint64 value = 0;
  guint digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (quantity != NULL, FALSE);

  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p) && digits < 8; p++, digits++)
    value = value * 10 + (*p - '0');
  if ((*p == '.' || *p == ',') && digits > 0)
    {
      p++;
      while (*p == '0')
        p++;
    }
  while (g_ascii_isspace (*p))
    p++;

  if (digits == 0 || *p != '\0' || value < 1 || value > MAX_QUANTITY)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "“%s” is not a quantity (a whole number from 1 to %d)", text, MAX_QUANTITY);
      return FALSE;
    }
  *quantity = value;
  return TRUE;
}

/* ----------------------------------------------------------- date, time */

static gboolean
read_number (const gchar **pp,
             guint         max_digits,
             gint         *value,
             guint        *n_digits)
{
  const gchar *p = *pp;
  guint n = 0;
  gint v = 0;

  while (n < max_digits && g_ascii_isdigit (*p))
    {
      v = v * 10 + (*p++ - '0');
      n++;
    }
  if (n == 0)
    return FALSE;
  *pp = p;
  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return TRUE;
}

static gint
expand_two_digit_year (gint year)
{
  return year < 70 ? 2000 + year : 1900 + year;
}

static void
skip_spaces (const gchar **pp)
{
  while (g_ascii_isspace (**pp))
    (*pp)++;
}

/* "AM", "am", "a.m.", "PM"…; sets *pm. */
static gboolean
read_am_pm (const gchar **pp,
            gboolean     *pm)
{
  const gchar *p = *pp;
  gchar c = g_ascii_tolower (*p);

  if (c != 'a' && c != 'p')
    return FALSE;
  p++;
  if (*p == '.')
    p++;
  if (g_ascii_tolower (*p) != 'm')
    return FALSE;
  p++;
  if (*p == '.')
    p++;
  if (g_ascii_isalpha (*p))
    return FALSE;
  *pm = c == 'p';
  *pp = p;
  return TRUE;
}

/* Turns a 12-hour reading into 0–23. */
static gboolean
apply_am_pm (RgImportStamp *stamp,
             gboolean       pm)
{
  if (stamp->hour > 12)
    return FALSE;
  if (stamp->hour == 12)
    stamp->hour = 0;
  if (pm)
    stamp->hour += 12;
  return TRUE;
}

static gboolean
read_month_name (const gchar **pp,
                 gint         *month)
{
  const gchar *p = *pp;
  gsize n = 0;

  while (g_ascii_isalpha (p[n]))
    n++;
  if (n < 3)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (n <= strlen (month_names[i]) && g_ascii_strncasecmp (p, month_names[i], n) == 0 &&
        (n == 3 || n == strlen (month_names[i]) || (i == 8 && n == 4)))
      {
        *month = (gint) i + 1;
        *pp = p + n;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_auto_date (const gchar   **pp,
                 RgImportStamp  *stamp)
{
  const gchar *p = *pp;
  gint a, b, c;
  guint na, nb, nc;
  gchar sep;

  if (!read_number (&p, 4, &a, &na))
    return FALSE;
  sep = *p;
  if (sep != '-' && sep != '/' && sep != '.')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &b, &nb) || *p != sep)
    return FALSE;
  p++;
  if (!read_number (&p, 4, &c, &nc))
    return FALSE;

  if (na == 4 && nc <= 2)
    {
      stamp->year = a;
      stamp->month = b;
      stamp->day = c;
    }
  else if (na <= 2 && (nc == 4 || nc == 2))
    {
      stamp->year = nc == 2 ? expand_two_digit_year (c) : c;
      stamp->month = a;
      stamp->day = b;
      stamp->ambiguous = TRUE;
    }
  else
    return FALSE;

  stamp->has_date = TRUE;
  *pp = p;
  return TRUE;
}

static gboolean
parse_auto_time (const gchar   **pp,
                 RgImportStamp  *stamp)
{
  const gchar *p = *pp;
  gboolean pm;
  guint n;

  if (!read_number (&p, 2, &stamp->hour, NULL) || *p != ':')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &stamp->minute, &n) || n != 2)
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, &stamp->second, &n) || n != 2)
        return FALSE;
      if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
        {
          gint scale = 100;

          for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
            stamp->millisecond += (*p - '0') * scale;
        }
    }

  {
    const gchar *q = p;

    skip_spaces (&q);
    if (read_am_pm (&q, &pm))
      {
        if (!apply_am_pm (stamp, pm))
          return FALSE;
        p = q;
      }
  }

  stamp->has_time = TRUE;
  *pp = p;
  return TRUE;
}

static gboolean parse_with_format (const gchar **pp, const gchar *format,
                                   RgImportStamp *stamp, FormatState *state);

static gboolean
parse_directive (const gchar   **pp,
                 gchar           directive,
                 RgImportStamp  *stamp,
                 FormatState    *state)
{
  gint value;

  switch (directive)
    {
    case 'Y':
      state->has_year = TRUE;
      return read_number (pp, 4, &stamp->year, NULL);
    case 'y':
      state->has_year = TRUE;
      if (!read_number (pp, 2, &value, NULL))
        return FALSE;
      stamp->year = expand_two_digit_year (value);
      return TRUE;
    case 'm':
      state->has_month = TRUE;
      return read_number (pp, 2, &stamp->month, NULL);
    case 'e':
      skip_spaces (pp);
      G_GNUC_FALLTHROUGH;
    case 'd':
      state->has_day = TRUE;
      return read_number (pp, 2, &stamp->day, NULL);
    case 'b':
    case 'h':
    case 'B':
      state->has_month = TRUE;
      return read_month_name (pp, &stamp->month);
    case 'I':
      state->twelve_hour = TRUE;
      G_GNUC_FALLTHROUGH;
    case 'H':
      stamp->has_time = TRUE;
      return read_number (pp, 2, &stamp->hour, NULL);
    case 'M':
      return read_number (pp, 2, &stamp->minute, NULL);
    case 'S':
      return read_number (pp, 2, &stamp->second, NULL);
    case 'p':
      return read_am_pm (pp, &state->pm);
    case 'F':
      return parse_with_format (pp, "%Y-%m-%d", stamp, state);
    case 'T':
      return parse_with_format (pp, "%H:%M:%S", stamp, state);
    case 'R':
      return parse_with_format (pp, "%H:%M", stamp, state);
    case '%':
      if (**pp != '%')
        return FALSE;
      (*pp)++;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
parse_with_format (const gchar   **pp,
                   const gchar    *format,
                   RgImportStamp  *stamp,
                   FormatState    *state)
{
  for (const gchar *f = format; *f != '\0'; f++)
    {
      if (g_ascii_isspace (*f))
        skip_spaces (pp);
      else if (*f == '%' && f[1] != '\0')
        {
          if (!parse_directive (pp, *++f, stamp, state))
            return FALSE;
        }
      else if (**pp == *f)
        (*pp)++;
      else
        return FALSE;
    }
  return TRUE;
}

gboolean
rg_import_parse_check_format (const gchar  *format,
                              GError      **error)
{
  gboolean year = FALSE, month = FALSE, day = FALSE;

  g_return_val_if_fail (format != NULL, FALSE);

  for (const gchar *f = format; *f != '\0'; f++)
    {
      if (*f != '%')
        continue;
      f++;
      if (*f == '\0' || strchr ("YymdebhBHIMSpFTR%", *f) == NULL)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "the date format “%s” has an unknown part “%%%.1s”", format, f);
          return FALSE;
        }
      year |= *f == 'Y' || *f == 'y' || *f == 'F';
      month |= strchr ("mbhBF", *f) != NULL;
      day |= *f == 'd' || *f == 'e' || *f == 'F';
    }

  if (!year || !month || !day)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the date format “%s” needs a year, a month and a day (such as %%d/%%m/%%Y)",
                   format);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_real_date (gint year,
              gint month,
              gint day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
         day >= 1 && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static gboolean
is_plausible (const RgImportStamp *stamp)
{
  if (stamp->has_time &&
      (stamp->hour < 0 || stamp->hour > 23 || stamp->minute > 59 || stamp->second > 59))
    return FALSE;
  if (!stamp->has_date)
    return TRUE;
  if (!stamp->ambiguous)
    return is_real_date (stamp->year, stamp->month, stamp->day);
  /* either order must be able to make a date */
  return stamp->month >= 1 && stamp->day >= 1 && stamp->month <= 31 && stamp->day <= 31 &&
         (stamp->month <= 12 || stamp->day <= 12);
}

gboolean
rg_import_parse_stamp (const gchar    *text,
                       const gchar    *format,
                       RgImportStamp  *stamp,
                       GError        **error)
{
  const gchar *p = text;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);

  memset (stamp, 0, sizeof *stamp);
  skip_spaces (&p);

  if (format != NULL)
    {
      FormatState state = { 0, };

      if (!parse_with_format (&p, format, stamp, &state))
        goto invalid;
      stamp->has_date = state.has_year && state.has_month && state.has_day;
      if (state.twelve_hour && !apply_am_pm (stamp, state.pm))
        goto invalid;
    }
  else if (!parse_auto_date (&p, stamp) && !parse_auto_time (&p, stamp))
    goto invalid;

  /* a date may be followed by its time: "2015-01-01 11:38", "…T11:38" */
  if (stamp->has_date && !stamp->has_time && *p != '\0')
    {
      const gchar *q = p;

      if (*q == 'T' || *q == ',')
        q++;
      skip_spaces (&q);
      if (q != p && parse_auto_time (&q, stamp))
        p = q;
    }

  skip_spaces (&p);
  if (*p == '\0' && (stamp->has_date || stamp->has_time) && is_plausible (stamp))
    return TRUE;

invalid:
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "“%s” is not a date or time", text);
  return FALSE;
}

gboolean
rg_import_parse_settle_date (RgImportStamp *stamp,
                             gboolean       day_first)
{
  g_return_val_if_fail (stamp != NULL, FALSE);

  if (stamp->ambiguous)
    {
      if (day_first)
        {
          gint first = stamp->month;

          stamp->month = stamp->day;
          stamp->day = first;
        }
      stamp->ambiguous = FALSE;
    }
  return stamp->has_date && is_real_date (stamp->year, stamp->month, stamp->day);
}

/* Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (gint64 y,
                 gint64 m,
                 gint64 d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

gint64
rg_import_parse_stamp_to_ms (const RgImportStamp *stamp,
                             GTimeZone           *tz)
{
  gint64 seconds;

  g_return_val_if_fail (stamp != NULL && stamp->has_date, 0);

  seconds = days_from_civil (stamp->year, stamp->month, stamp->day) * SECONDS_PER_DAY +
            stamp->hour * 3600 + stamp->minute * 60 + stamp->second;
  if (tz != NULL)
    {
      gint interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_STANDARD, &seconds);

      seconds -= g_time_zone_get_offset (tz, interval);
    }
  return seconds * 1000 + stamp->millisecond;
}
