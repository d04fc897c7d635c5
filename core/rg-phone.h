/* rg-phone.h — phone numbers to E.164, whatever way they were typed.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * rg_phone_normalize:
 * @input: a phone number as typed or imported: "+86 138-0013-8000",
 *   "(415) 555-0132", "020 7946 0018", "0086 10 6552 9988", "138.0013.8000"
 * @default_country: ISO 3166 alpha-2 code of the country assumed for a
 *   number without a country prefix ("CN", "US", "GB", …)
 * @error: return location for a #GError
 *
 * Accepts digits with spaces, dashes, dots, slashes and brackets, a leading
 * "+" or "00" (or "011" from the US) with a country code; knows the national
 * plans of China (+86: 11-digit mobiles, landlines with area codes, trunk 0),
 * the US and Canada (+1: NANP, trunk 1), and the UK (+44: trunk 0), and any
 * other country code by its length limits.  Full-width and other Unicode
 * digits are read as digits; a label before the number ("tel:", "Mobile:")
 * is skipped.  A number with an extension ("x12", "ext. 12", "转12") is
 * refused, not cut: a switchboard shared by many people must not become
 * one guest's number.
 *
 * Returns: (transfer full): the number in E.164 ("+8613800138000"), or
 *   %NULL with %RG_ERROR_INVALID and a message saying what is wrong
 *   ("'12ab' is not a phone number: it contains letters").
 */
gchar *rg_phone_normalize (const gchar *input, const gchar *default_country, GError **error);

/**
 * rg_phone_country_code:
 * @country: (nullable): ISO 3166 alpha-2 code, any case ("UK" is taken
 *   for "GB")
 *
 * Returns: the calling code of @country (86 for "CN"), or 0 if unknown.
 */
guint rg_phone_country_code (const gchar *country);

/**
 * rg_phone_format:
 * @e164: a normalized number
 *
 * Returns: (transfer full): @e164 grouped for reading
 *   ("+86 138 0013 8000", "+1 415-555-0132", "+44 20 7946 0018").
 */
gchar *rg_phone_format (const gchar *e164);

/**
 * rg_phone_mask:
 * @e164: a normalized number
 *
 * Returns: (transfer full): @e164 with all but the country code and the
 *   last four digits hidden ("+86 ••• •••• 8000"), for lists and for roles
 *   that need not see the number.
 */
gchar *rg_phone_mask (const gchar *e164);

/**
 * rg_phone_digits_reversed:
 * @e164: a normalized number
 *
 * Returns: (transfer full): the digits of @e164 in reverse order, the key of
 *   the "last digits" index.
 */
gchar *rg_phone_digits_reversed (const gchar *e164);

G_END_DECLS
