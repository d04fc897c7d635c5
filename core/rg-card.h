/* rg-card.h — member card numbers with a check digit.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RG_CARD_DIGITS 12   /* 11 digits then the Luhn check digit */

/**
 * rg_card_number_new:
 *
 * Returns: (transfer full): a new random card number of %RG_CARD_DIGITS
 *   digits whose last digit is the Luhn check digit of the others.
 */
gchar *rg_card_number_new (void);

/**
 * rg_card_number_parse:
 * @input: a card number as typed or scanned; spaces and dashes are ignored
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the bare digits, or %NULL with %RG_ERROR_INVALID
 *   when @input has the wrong length, a non-digit, or a check digit that does
 *   not match ("card 4000 1234 5678 is mistyped: its check digit is wrong").
 */
gchar *rg_card_number_parse (const gchar *input, GError **error);

/**
 * rg_card_number_looks_like:
 * @input: what was typed in the search field
 *
 * Returns: %TRUE if @input has the shape of a card number (right length,
 *   digits, spaces and dashes only), whether or not its check digit is right.
 */
gboolean rg_card_number_looks_like (const gchar *input);

/**
 * rg_card_number_is_valid:
 * @digits: (nullable): bare digits, as rg_card_number_parse() returns them
 *
 * Returns: %TRUE if @digits is %RG_CARD_DIGITS ASCII digits whose last is
 *   the Luhn check digit of the others.
 */
gboolean rg_card_number_is_valid (const gchar *digits);

G_END_DECLS
