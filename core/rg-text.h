/* rg-text.h — checking and folding the text people type.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * rg_text_check:
 * @text: (nullable): text from a person or a file
 * @what: what the text is, for the message ("the guest's name")
 * @max_chars: the longest accepted length in characters
 * @error: return location for a #GError
 *
 * Checks that @text is valid UTF-8, holds no control characters other than
 * tab and newline (nor bidirectional overrides), is not empty once trimmed
 * (of Unicode spaces too), and is at most @max_chars long.
 *
 * Returns: (transfer full): @text trimmed and in Unicode NFC, or %NULL with
 *   %RG_ERROR_INVALID ("the guest's name is empty", "the guest's name is not
 *   valid UTF-8"…).
 */
gchar *rg_text_check (const gchar *text, const gchar *what, gsize max_chars, GError **error);

/**
 * rg_text_fold_tokens:
 * @text: valid UTF-8
 *
 * Folds @text for the name index: lower case, accents removed ("Zoë" →
 * "zoe"), punctuation turned into spaces, and every Han, Kana or Hangul
 * character made a token of its own ("张伟" → "张 伟"), so that any word or
 * character of a name can be found by prefix.
 *
 * Returns: (transfer full): space-separated tokens; "" when none remain.
 */
gchar *rg_text_fold_tokens (const gchar *text);

/**
 * rg_text_fold_query:
 * @text: (nullable): what a person typed in the search field
 *
 * Turns @text into an FTS5 MATCH expression: every folded token quoted and
 * made a prefix ("zha* wei*" style, all tokens required), so that no
 * character the person types is read as FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when @text
 *   folds to nothing.
 */
gchar *rg_text_fold_query (const gchar *text);

/**
 * rg_text_check_optional:
 * @text: (nullable): text from a person or a file, for a field that may be
 *   left blank
 * @what: what the text is, for the message ("the note")
 * @max_chars: the longest accepted length in characters
 * @out: (out) (transfer full) (nullable): the checked text, or %NULL when
 *   @text is %NULL or blank
 * @error: return location for a #GError
 *
 * Like rg_text_check(), except that a missing or blank @text is accepted
 * as "not given".
 *
 * Returns: %TRUE, or %FALSE with %RG_ERROR_INVALID as rg_text_check().
 */
gboolean rg_text_check_optional (const gchar *text, const gchar *what, gsize max_chars,
                                 gchar **out, GError **error);

/**
 * rg_text_check_word:
 * @text: (nullable): a tag, an allergen or a feature word as typed
 * @what: what the word is, for the message ("the tag")
 * @max_chars: the longest accepted length in characters
 * @error: return location for a #GError
 *
 * Checks @text as rg_text_check() does, then makes it one lower-case word:
 * every run of characters other than letters and digits becomes a single
 * "-" ("Kids' Chair" → "kids-chair", "Sweet & Sour" → "sweet-sour").
 *
 * Returns: (transfer full): the word, or %NULL with %RG_ERROR_INVALID when
 *   @text is not valid or has no letter or digit.
 */
gchar *rg_text_check_word (const gchar *text, const gchar *what, gsize max_chars, GError **error);

/**
 * rg_text_quote_for_message:
 * @text: (nullable): any text, even invalid UTF-8
 *
 * Makes @text safe to quote back in an error message: invalid bytes
 * replaced, control characters turned into spaces, and cut after 40
 * characters with an ellipsis.
 *
 * Returns: (transfer full): the text to quote.
 */
gchar *rg_text_quote_for_message (const gchar *text);

G_END_DECLS
