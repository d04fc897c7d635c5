/* rg-text.c — checking and folding the text people type.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folding is shared by the name index and the search field, so a name and a
 * query typed with or without accents, in any case, meet on the same tokens.
 * The guest_name_fts table tokenizes with unicode61 and detail=none, which
 * refuses phrase queries: every token we hand it must stay one token for
 * unicode61, hence tokens hold letters and digits only.
 */
#include "rg-text.h"

#include <string.h>

#include "rg-error.h"

/* Longest input quoted back in an error message, in characters. */
#define QUOTE_MAX_CHARS 40

/* ---------------------------------------------------------------- checks */

static gboolean
is_trimmed_space (gunichar ch)
{
  /* Unicode spaces (the ideographic space of Chinese input, no-break
   * space…), and the invisible zero-width space and byte order mark that
   * copy-paste and spreadsheets leave at the ends of fields. */
  return g_unichar_isspace (ch) ||
         g_unichar_type (ch) == G_UNICODE_SPACE_SEPARATOR ||
         ch == 0x200B || ch == 0xFEFF;
}

/* C0 and C1 controls but tab and newline, and the bidirectional overrides
 * and isolates that can make a name display as something else. */
static gboolean
is_refused_control (gunichar ch)
{
  if (g_unichar_type (ch) == G_UNICODE_CONTROL)
    return ch != '\t' && ch != '\n';
  return (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069);
}

/* Returns the part of @text between leading and trailing spaces. */
static gchar *
trim (const gchar *text)
{
  const gchar *start = text;
  const gchar *end = text + strlen (text);

  while (*start != '\0' && is_trimmed_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const gchar *prev = g_utf8_prev_char (end);

      if (!is_trimmed_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

gchar *
rg_text_check (const gchar  *text,
               const gchar  *what,
               gsize         max_chars,
               GError      **error)
{
  g_autofree gchar *trimmed = NULL;
  g_autofree gchar *nfc = NULL;
  gsize n_chars;

  g_return_val_if_fail (what != NULL, NULL);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s is not valid UTF-8 text", what);
      return NULL;
    }

  for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_refused_control (g_utf8_get_char (p)))
      {
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "%s contains a control character (U+%04X)",
                     what, g_utf8_get_char (p));
        return NULL;
      }

  trimmed = trim (text);
  if (*trimmed == '\0')
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "%s is empty", what);
      return NULL;
    }

  nfc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  n_chars = (gsize) g_utf8_strlen (nfc, -1);
  if (n_chars > max_chars)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "%s is too long: %" G_GSIZE_FORMAT " characters, at most %" G_GSIZE_FORMAT,
                   what, n_chars, max_chars);
      return NULL;
    }

  return g_steal_pointer (&nfc);
}

gboolean
rg_text_check_optional (const gchar  *text,
                        const gchar  *what,
                        gsize         max_chars,
                        gchar       **out,
                        GError      **error)
{
  g_autofree gchar *trimmed = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (g_utf8_validate (text, -1, NULL))
    {
      trimmed = trim (text);
      if (*trimmed == '\0')
        return TRUE;
    }
  *out = rg_text_check (text, what, max_chars, error);
  return *out != NULL;
}

gchar *
rg_text_check_word (const gchar  *text,
                    const gchar  *what,
                    gsize         max_chars,
                    GError      **error)
{
  g_autofree gchar *checked = rg_text_check (text, what, max_chars, error);
  g_autofree gchar *lower = NULL;
  GString *word;

  if (checked == NULL)
    return NULL;

  lower = g_utf8_strdown (checked, -1);
  word = g_string_new (NULL);
  for (const gchar *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch) || g_unichar_ismark (ch))
        g_string_append_unichar (word, ch);
      else if (word->len > 0 && word->str[word->len - 1] != '-')
        g_string_append_c (word, '-');
    }
  if (word->len > 0 && word->str[word->len - 1] == '-')
    g_string_truncate (word, word->len - 1);

  if (word->len == 0)
    {
      g_string_free (word, TRUE);
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "%s has no letter or digit", what);
      return NULL;
    }
  return g_string_free (word, FALSE);
}

gchar *
rg_text_quote_for_message (const gchar *text)
{
  g_autofree gchar *valid = NULL;
  GString *out;
  glong n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (const gchar *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (n == QUOTE_MAX_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_type (ch) == G_UNICODE_CONTROL)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* --------------------------------------------------------------- folding */

/* Letters that have no decomposition, so NFKD leaves them whole. */
static const gchar *
fold_special_letter (gunichar ch)
{
  switch (ch)
    {
    case 0x00E6: return "ae";   /* æ */
    case 0x00F0: return "d";    /* ð */
    case 0x00F8: return "o";    /* ø */
    case 0x00FE: return "th";   /* þ */
    case 0x0111: return "d";    /* đ */
    case 0x0127: return "h";    /* ħ */
    case 0x0131: return "i";    /* dotless ı */
    case 0x0142: return "l";    /* ł */
    case 0x0153: return "oe";   /* œ */
    case 0x0167: return "t";    /* ŧ */
    default:     return NULL;
    }
}

static gboolean
is_mark (gunichar ch)
{
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar ch)
{
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Scripts written without spaces between words: each character is a
 * token, so "伟" finds "张伟". */
static gboolean
is_own_token (gunichar ch)
{
  switch (g_unichar_get_script (ch))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      /* the Katakana long vowel mark and its kin are of the Common script */
      return ch >= 0x3000 && ch <= 0x30FF;
    }
}

static void
append_separator (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

/* Lower case, compatibility forms unfolded (full-width letters, ligatures)
 * and accents dropped: "ＺＯË" → "zoe". */
static gchar *
fold_letters (const gchar *text)
{
  g_autofree gchar *folded = NULL;
  g_autofree gchar *decomposed = NULL;
  g_autofree gchar *stripped = NULL;
  GString *out;

  /* casefold first: "ẞ" becomes "ss", "İ" an i and a dot that goes with
   * the marks below */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const gchar *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      const gchar *special = fold_special_letter (ch);

      if (special != NULL)
        g_string_append (out, special);
      else if (!is_mark (ch))
        g_string_append_unichar (out, ch);
    }
  stripped = g_string_free (out, FALSE);

  /* NFKD split Hangul syllables into jamo; put them back together */
  return g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
}

gchar *
rg_text_fold_tokens (const gchar *text)
{
  g_autofree gchar *letters = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  letters = fold_letters (text);
  out = g_string_new (NULL);
  for (const gchar *p = letters; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_word_char (ch) && is_own_token (ch))
        {
          append_separator (out);
          g_string_append_unichar (out, ch);
          g_string_append_c (out, ' ');
        }
      else if (is_word_char (ch))
        g_string_append_unichar (out, ch);
      else
        append_separator (out);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

gchar *
rg_text_fold_query (const gchar *text)
{
  g_autofree gchar *tokens = NULL;
  g_auto(GStrv) words = NULL;
  GString *query;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  tokens = rg_text_fold_tokens (text);
  if (*tokens == '\0')
    return NULL;

  /* Tokens hold letters and digits only, but quote them all the same, with
   * the FTS5 rule of doubling a quote, so that nothing can be syntax. */
  words = g_strsplit (tokens, " ", -1);
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (query->len > 0)
        g_string_append (query, " AND ");
      g_string_append_c (query, '"');
      for (const gchar *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }
  return g_string_free (query, FALSE);
}
