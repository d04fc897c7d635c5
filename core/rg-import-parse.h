/* rg-import-parse.h — reading money, quantities, dates and times as exports
 * write them.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rg-error.h"

G_BEGIN_DECLS

/**
 * RgImportStamp:
 * @year: the year
 * @month: the month, 1–12; for an @ambiguous date, the first number
 * @day: the day of the month; for an @ambiguous date, the second number
 * @hour: 0–23
 * @minute: 0–59
 * @second: 0–59
 * @millisecond: 0–999
 * @has_date: a date was read
 * @has_time: a time of day was read
 * @ambiguous: the date was written "4/5/2019" (or with '-' or '.'), so
 *   whether it is the 5th of April or the 4th of May is decided for the
 *   whole file by rg_import_parse_settle_date()
 *
 * A date and time as written, in the local time of wherever it was written.
 */
typedef struct
{
  gint     year;
  gint     month;
  gint     day;
  gint     hour;
  gint     minute;
  gint     second;
  gint     millisecond;
  gboolean has_date;
  gboolean has_time;
  gboolean ambiguous;
} RgImportStamp;

/**
 * rg_import_parse_money:
 * @text: an amount as exported: "12.75", "$12.75 ", "¥1,234.50", "£3",
 *   "1.234,50 €", "-2.50", "(2.50)", "12.50 USD"
 * @minor: (out): the amount in minor units (cents, fen)
 * @error: return location for a #GError
 *
 * Currency signs and three-letter currency codes before or after the number
 * are ignored.  The last '.' or ',' followed by one or two digits (or by none,
 * at the end) is the decimal mark; any other '.', ',', apostrophe or space
 * between digits groups thousands — so "1.234" and "1,234" are both 1234,
 * while "0.125" (nothing but 0 before the mark) is a decimal amount.  More
 * than two decimals are rounded to the nearest minor unit, halves away from
 * zero.  A leading '-' or surrounding brackets make the amount negative.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID when @text holds
 *   no amount ("'abc' is not an amount of money").
 */
gboolean rg_import_parse_money (const gchar *text, gint64 *minor, GError **error);

/**
 * rg_import_parse_quantity:
 * @text: a quantity: "2", " 3 ", "2.0"
 * @quantity: (out): the quantity
 * @error: return location for a #GError
 *
 * Returns: %TRUE for a whole number from 1 to 1,000,000; %FALSE with
 *   %RG_ERROR_INVALID otherwise (empty, zero, negative, a fraction, text).
 */
gboolean rg_import_parse_quantity (const gchar *text, gint64 *quantity, GError **error);

/**
 * rg_import_parse_stamp:
 * @text: a date, a time of day, or both
 * @format: (nullable): a strptime-style format of the date (or of the
 *   whole value), or %NULL to recognise the usual forms
 * @stamp: (out caller-allocates): what was read
 * @error: return location for a #GError
 *
 * Without @format, recognises a date as `2015-01-01` or `2019/04/01` (year
 * first) or `1/1/2015`, `01-01-15`, `1.1.2015` (year last, @ambiguous);
 * a time as `11:38`, `11:38:36`, `11:38:36.250`, with `AM`/`PM` (`am`,
 * `a.m.`) for a 12-hour clock; or a date, then a space or `T`, then a time.
 *
 * @format understands `%Y %y %m %d %e %b %h %B %H %I %M %S %p %F %T %R %%`
 * (English month names); a space in it matches any run of spaces, other
 * characters match themselves.  What follows the part @format reads may be
 * a time of day in one of the forms above.
 *
 * Months, days of the month and times are checked; an @ambiguous date is
 * checked by rg_import_parse_settle_date().
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID when @text is
 *   not a date or time ("'31/02' is not a date or time").
 */
gboolean rg_import_parse_stamp (const gchar *text, const gchar *format, RgImportStamp *stamp, GError **error);

/**
 * rg_import_parse_check_format:
 * @format: a date format for rg_import_parse_stamp()
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @format uses only the directives that
 *   rg_import_parse_stamp() knows and gives a year, a month and a day;
 *   %FALSE with %RG_ERROR_INVALID otherwise.
 */
gboolean rg_import_parse_check_format (const gchar *format, GError **error);

/**
 * rg_import_parse_settle_date:
 * @stamp: a stamp with a date
 * @day_first: whether an ambiguous date is day first ("5/4/2019" the 5th
 *   of April) rather than month first
 *
 * Puts the day and month of an ambiguous @stamp in their places and checks
 * that the date exists.
 *
 * Returns: %TRUE when @stamp is a real date.
 */
gboolean rg_import_parse_settle_date (RgImportStamp *stamp, gboolean day_first);

/**
 * rg_import_parse_stamp_to_ms:
 * @stamp: a settled stamp with a date
 * @tz: (nullable): the time zone @stamp was written in; %NULL for UTC
 *
 * Returns: the instant of @stamp in UTC milliseconds since the Unix epoch.
 *   A local time that a daylight-saving change skips becomes the end of
 *   the gap (02:30 on the night clocks go from 02:00 to 03:00 is 03:00).
 */
gint64 rg_import_parse_stamp_to_ms (const RgImportStamp *stamp, GTimeZone *tz);

G_END_DECLS
