/* rg-central-door.c — the strict reader of enrolment forms.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-central-door.h"

#include <string.h>

#include "rg-error.h"

typedef struct
{
  const gchar *p;
  const gchar *end;
} Cursor;

static void
skip_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

static gint
hex_digit (gchar ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u"; -1 when they are not. */
static gint
read_hex4 (Cursor *c)
{
  gint value = 0;

  if (c->end - c->p < 4)
    return -1;
  for (gint i = 0; i < 4; i++)
    {
      gint d = hex_digit (c->p[i]);

      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  c->p += 4;
  return value;
}

/* The escape after a backslash, appended to @out as UTF-8. */
static gboolean
read_escape (Cursor  *c,
             GString *out)
{
  static const gchar from[] = "\"\\/bfnrt";
  static const gchar to[] = "\"\\/\b\f\n\r\t";
  const gchar *simple;
  gint unit, low;

  if (c->p >= c->end)
    return FALSE;
  if (*c->p != 'u')
    {
      if (*c->p == '\0' || (simple = strchr (from, *c->p)) == NULL)
        return FALSE;
      g_string_append_c (out, to[simple - from]);
      c->p++;
      return TRUE;
    }
  c->p++;
  if ((unit = read_hex4 (c)) <= 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    return FALSE;   /* NUL, or the second half of a pair alone */
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
        return FALSE;
      c->p += 2;
      if ((low = read_hex4 (c)) < 0xDC00 || low > 0xDFFF)
        return FALSE;
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
  g_string_append_unichar (out, (gunichar) unit);
  return TRUE;
}

/* A string at @c (on its opening quote); %NULL when it is not one. */
static gchar *
read_string (Cursor *c)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (c->p >= c->end || *c->p != '"')
    return NULL;
  c->p++;
  while (c->p < c->end && *c->p != '"')
    {
      guchar ch = (guchar) *c->p;

      if (ch < 0x20)
        return NULL;
      if (ch == '\\')
        {
          c->p++;
          if (!read_escape (c, out))
            return NULL;
          continue;
        }
      g_string_append_c (out, (gchar) ch);
      c->p++;
    }
  if (c->p >= c->end || !g_utf8_validate_len (out->str, out->len, NULL))
    return NULL;
  /* no control character either, written raw or escaped ("\n", "\u001f"):
   * no field of a form holds one */
  for (gsize i = 0; i < out->len; i++)
    if ((guchar) out->str[i] < 0x20)
      return NULL;
  c->p++;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
read_null (Cursor *c)
{
  if (c->end - c->p < 4 || memcmp (c->p, "null", 4) != 0)
    return FALSE;
  c->p += 4;
  return TRUE;
}

static gpointer
invalid (GError      **error,
         const gchar  *why)
{
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the form is not valid: %s", why);
  return NULL;
}

GHashTable *
rg_central_door_parse_form (const gchar  *text,
                            gsize         length,
                            GError      **error)
{
  g_autoptr(GHashTable) form = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Cursor c = { text, text + length };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length > RG_CENTRAL_FORM_MAX_LENGTH)
    return invalid (error, "it is too long");
  skip_space (&c);
  if (c.p >= c.end || *c.p != '{')
    return invalid (error, "it is not one JSON object");
  c.p++;
  skip_space (&c);
  if (c.p < c.end && *c.p == '}')
    c.p++;
  else
    for (;;)
      {
        g_autofree gchar *name = NULL;
        g_autofree gchar *value = NULL;

        if ((name = read_string (&c)) == NULL)
          return invalid (error, "a member name is not a valid string");
        if (g_hash_table_contains (seen, name))
          return invalid (error, "a member appears twice");
        if (g_hash_table_size (seen) == RG_CENTRAL_FORM_MAX_FIELDS)
          return invalid (error, "it has too many members");
        skip_space (&c);
        if (c.p >= c.end || *c.p != ':')
          return invalid (error, "a member name is not followed by ':'");
        c.p++;
        skip_space (&c);
        if (!read_null (&c) && (value = read_string (&c)) == NULL)
          return invalid (error, "a member is not a valid string");
        g_hash_table_add (seen, g_strdup (name));
        if (value != NULL)
          g_hash_table_insert (form, g_steal_pointer (&name), g_steal_pointer (&value));
        skip_space (&c);
        if (c.p < c.end && *c.p == ',')
          {
            c.p++;
            skip_space (&c);
            continue;
          }
        if (c.p < c.end && *c.p == '}')
          {
            c.p++;
            break;
          }
        return invalid (error, "members are not separated by ','");
      }
  skip_space (&c);
  if (c.p != c.end)
    return invalid (error, "text follows the object");
  return g_steal_pointer (&form);
}
