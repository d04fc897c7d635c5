/* rg-wire.c — change rows as JSON, the synced tables, last-writer-wins.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table description below mirrors schema/local/001-init.sql; the test
 * check-wire compares the two column by column, so a migration that changes
 * a synced table fails the build's tests until this file follows.
 */
#include "rg-wire.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "rg-id.h"
#include "rg-text.h"

/* ------------------------------------------------------------- the tables */

#define T RG_WIRE_TEXT
#define I RG_WIRE_INTEGER
#define R RG_WIRE_REAL
#define N RG_WIRE_NULLABLE
#define G RG_WIRE_GUEST_REF

#define SYNC_COLUMNS \
  { "id", T, 0 }, { "updated_hlc", I, 0 }, { "origin", T, 0 }, { "deleted", I, 0 }

#define N_SYNC_COLUMNS 4

static const RgWireColumn branch_columns[] = {
  SYNC_COLUMNS, { "name", T, 0 }, { "tz", T, 0 },
};
static const RgWireColumn device_columns[] = {
  SYNC_COLUMNS, { "branch_id", T, 0 }, { "name", T, 0 },
};
static const RgWireColumn staff_columns[] = {
  SYNC_COLUMNS, { "name", T, 0 }, { "role", T, 0 }, { "pin_hash", T, N }, { "active", I, 0 },
};
static const RgWireColumn guest_columns[] = {
  SYNC_COLUMNS, { "name", T, 0 }, { "family_name", T, N }, { "title", T, N },
  { "gender", T, N }, { "birthday", T, N }, { "anniversary", T, N }, { "language", T, N },
  { "vip", I, 0 }, { "notes", T, 0 }, { "consent_marketing", I, 0 },
  { "external_ref", T, N }, { "merged_into", T, N | G | RG_WIRE_STICKY }, { "created_ms", I, 0 },
};
static const RgWireColumn guest_phone_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "e164", T, 0 }, { "digits_rev", T, 0 }, { "label", T, N },
};
static const RgWireColumn member_card_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "number", T, 0 }, { "issued_ms", I, 0 },
  { "revoked_ms", I, N },
};
static const RgWireColumn guest_tag_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "tag", T, 0 },
};
static const RgWireColumn guest_allergy_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "allergen", T, 0 }, { "severity", T, 0 }, { "note", T, N },
};
static const RgWireColumn seating_pref_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "kind", T, 0 }, { "value", T, 0 }, { "weight", R, 0 },
  { "note", T, N },
};
static const RgWireColumn menu_item_columns[] = {
  SYNC_COLUMNS, { "name", T, 0 }, { "category", T, 0 }, { "price", I, 0 }, { "cost", I, 0 },
  { "allergens", T, 0 }, { "tags", T, 0 }, { "dayparts", T, 0 }, { "available", I, 0 },
  { "external_ref", T, N },
};
static const RgWireColumn dish_pref_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "item_id", T, 0 }, { "pref", T, 0 }, { "note", T, N },
};
static const RgWireColumn guest_note_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "body", T, 0 }, { "staff_id", T, N }, { "created_ms", I, 0 },
};
static const RgWireColumn guest_link_columns[] = {
  SYNC_COLUMNS, { "guest_id", T, G }, { "other_id", T, G }, { "kind", T, 0 },
};
static const RgWireColumn zone_columns[] = {
  SYNC_COLUMNS, { "branch_id", T, 0 }, { "name", T, 0 }, { "kind", T, 0 },
};
static const RgWireColumn dining_table_columns[] = {
  SYNC_COLUMNS, { "branch_id", T, 0 }, { "zone_id", T, N }, { "name", T, 0 }, { "seats", I, 0 },
  { "x", R, 0 }, { "y", R, 0 }, { "width", R, 0 }, { "height", R, 0 }, { "shape", T, 0 },
  { "features", T, 0 }, { "status", T, 0 },
};
static const RgWireColumn visit_columns[] = {
  SYNC_COLUMNS, { "branch_id", T, 0 }, { "guest_id", T, N | G }, { "table_id", T, N },
  { "party_size", I, 0 }, { "children", I, 0 }, { "seated_ms", I, 0 }, { "left_ms", I, N },
  { "server_id", T, N }, { "status", T, 0 }, { "subtotal", I, 0 }, { "tip", I, 0 },
  { "payment_method", T, N }, { "external_ref", T, N },
};
static const RgWireColumn visit_guest_columns[] = {
  SYNC_COLUMNS, { "visit_id", T, 0 }, { "guest_id", T, G },
};
static const RgWireColumn order_line_columns[] = {
  SYNC_COLUMNS, { "visit_id", T, 0 }, { "item_id", T, 0 }, { "qty", I, 0 },
  { "unit_price", I, 0 }, { "unit_cost", I, 0 }, { "seat", I, N }, { "course", I, N },
  { "voided", I, 0 }, { "void_reason", T, N }, { "allergen_override", T, N },
  { "staff_id", T, N }, { "created_ms", I, 0 }, { "discount", I, 0 },
};
static const RgWireColumn feedback_columns[] = {
  SYNC_COLUMNS, { "visit_id", T, 0 }, { "table_id", T, N }, { "item_id", T, N },
  { "guest_id", T, N | G }, { "aspect", T, 0 }, { "rating", I, 0 }, { "comment", T, N },
  { "staff_id", T, N }, { "created_ms", I, 0 },
};
static const RgWireColumn audit_log_columns[] = {
  SYNC_COLUMNS, { "at_ms", I, 0 }, { "staff_id", T, N }, { "action", T, 0 },
  { "subject", T, N }, { "detail", T, N },
};

#undef T
#undef I
#undef R
#undef N
#undef G

#define TABLE(t) { #t, t##_columns, G_N_ELEMENTS (t##_columns) }

static const RgWireTable tables[] = {
  TABLE (branch),
  TABLE (device),
  TABLE (staff),
  TABLE (guest),
  TABLE (guest_phone),
  TABLE (member_card),
  TABLE (guest_tag),
  TABLE (guest_allergy),
  TABLE (seating_pref),
  TABLE (menu_item),
  TABLE (dish_pref),
  TABLE (guest_note),
  TABLE (guest_link),
  TABLE (zone),
  TABLE (dining_table),
  TABLE (visit),
  TABLE (visit_guest),
  TABLE (order_line),
  TABLE (feedback),
  TABLE (audit_log),
};

#undef TABLE

const RgWireTable *
rg_wire_get_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const RgWireTable *
rg_wire_lookup_table (const gchar *name)
{
  if (name == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].name, name) == 0)
      return &tables[i];
  return NULL;
}

const RgWireColumn *
rg_wire_table_lookup_column (const RgWireTable *table,
                             const gchar       *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, name) == 0)
      return &table->columns[i];
  return NULL;
}

/* ---------------------------------------------------------- the clock order */

gint
rg_wire_compare (gint64       hlc_a,
                 const gchar *origin_a,
                 gint64       hlc_b,
                 const gchar *origin_b)
{
  gint c;

  if (hlc_a != hlc_b)
    return hlc_a < hlc_b ? -1 : 1;
  c = strcmp (origin_a, origin_b);
  return (c > 0) - (c < 0);
}

/* ------------------------------------------------------------- validation */

static gboolean
is_device_id (const gchar *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > RG_WIRE_MAX_ORIGIN)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '-' && text[i] != '_')
      return FALSE;
  return TRUE;
}

static gboolean
check_value (const RgWireTable   *table,
             const RgWireColumn  *column,
             JsonNode            *node,
             const gchar         *id,
             GError             **error)
{
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (column->flags & RG_WIRE_NULLABLE)
        return TRUE;
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "%s %s: %s must not be empty", table->name, id, column->name);
      return FALSE;
    }
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  switch (column->type)
    {
    case RG_WIRE_TEXT:
      if (type == G_TYPE_STRING && strlen (json_node_get_string (node)) <= RG_WIRE_MAX_TEXT
          && g_utf8_validate (json_node_get_string (node), -1, NULL))
        return TRUE;
      break;
    case RG_WIRE_INTEGER:
      if (type == G_TYPE_INT64)
        return TRUE;
      break;
    case RG_WIRE_REAL:
      if (type == G_TYPE_INT64 || (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node))))
        return TRUE;
      break;
    default:
      g_assert_not_reached ();
    }
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "%s %s: %s must be %s", table->name, id, column->name,
               column->type == RG_WIRE_TEXT ? "UTF-8 text of at most 64 KiB"
               : column->type == RG_WIRE_INTEGER ? "a whole number" : "a number");
  return FALSE;
}

RgWireChange *
rg_wire_change_new (const gchar  *table_name,
                    JsonObject   *row,
                    GError      **error)
{
  const RgWireTable *table = rg_wire_lookup_table (table_name);
  g_autoptr(RgWireChange) change = NULL;
  JsonObjectIter iter;
  const gchar *member;
  JsonNode *node;
  const gchar *id;

  if (table == NULL)
    {
      g_autofree gchar *quoted = rg_text_quote_for_message (table_name ? table_name : "(none)");

      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "“%s” is not a table that is synced", quoted);
      return NULL;
    }

  node = json_object_get_member (row, "id");
  id = node != NULL && JSON_NODE_HOLDS_VALUE (node)
       && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (!rg_id_is_valid (id))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "a row of %s has no valid id", table->name);
      return NULL;
    }

  json_object_iter_init (&iter, row);
  while (json_object_iter_next (&iter, &member, &node))
    {
      const RgWireColumn *column = rg_wire_table_lookup_column (table, member);

      if (column == NULL)
        {
          g_autofree gchar *quoted = rg_text_quote_for_message (member);

          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "%s %s: “%s” is not a column that is synced", table->name, id, quoted);
          return NULL;
        }
      if (!check_value (table, column, node, id, error))
        return NULL;
    }
  for (guint i = 0; i < table->n_columns; i++)
    if (!json_object_has_member (row, table->columns[i].name))
      {
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "%s %s: the column %s is missing", table->name, id, table->columns[i].name);
        return NULL;
      }

  change = g_new0 (RgWireChange, 1);
  change->table = table;
  change->row = json_object_ref (row);
  change->id = id;
  change->origin = json_object_get_string_member (row, "origin");
  change->updated_hlc = json_object_get_int_member (row, "updated_hlc");
  change->deleted = json_object_get_int_member (row, "deleted") != 0;

  if (!is_device_id (change->origin) || change->updated_hlc < 0
      || json_object_get_int_member (row, "deleted") > 1
      || json_object_get_int_member (row, "deleted") < 0)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "%s %s: the sync columns (updated_hlc, origin, deleted) are not valid",
                   table->name, id);
      return NULL;
    }
  return g_steal_pointer (&change);
}

void
rg_wire_change_free (RgWireChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->row, json_object_unref);
  g_free (change);
}

/* ------------------------------------------------------------------ merging */

JsonObject *
rg_wire_change_merge (const RgWireChange *existing,
                      const RgWireChange *incoming)
{
  const RgWireChange *winner;
  const RgWireChange *loser;
  JsonObject *merged = NULL;

  g_return_val_if_fail (incoming != NULL, NULL);

  if (existing == NULL)
    return json_object_ref (incoming->row);
  g_return_val_if_fail (existing->table == incoming->table, NULL);

  if (rg_wire_compare (incoming->updated_hlc, incoming->origin,
                       existing->updated_hlc, existing->origin) > 0)
    {
      winner = incoming;
      loser = existing;
      merged = json_object_ref (incoming->row);
    }
  else
    {
      winner = existing;
      loser = incoming;
    }

  for (guint i = 0; i < winner->table->n_columns; i++)
    {
      const RgWireColumn *column = &winner->table->columns[i];
      JsonNode *kept;

      if (!(column->flags & RG_WIRE_STICKY)
          || !json_object_get_null_member (winner->row, column->name))
        continue;
      kept = json_object_get_member (loser->row, column->name);
      if (JSON_NODE_HOLDS_NULL (kept))
        continue;

      if (merged == NULL || merged == incoming->row)
        {
          /* copy, so that neither version is changed in place */
          JsonObject *copy = json_object_new ();
          JsonObjectIter iter;
          const gchar *member;
          JsonNode *node;

          json_object_iter_init (&iter, winner->row);
          while (json_object_iter_next (&iter, &member, &node))
            json_object_set_member (copy, member, json_node_copy (node));
          g_clear_pointer (&merged, json_object_unref);
          merged = copy;
        }
      json_object_set_member (merged, column->name, json_node_copy (kept));
    }
  return merged;
}

/* ---------------------------------------------------------------- parsing */

gboolean
rg_wire_check_depth (const gchar *text,
                     gsize        length,
                     guint        max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      gchar c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* A JSON reader that builds the json-glib tree directly: a pull page of
 * 5000 rows is a few megabytes, and JsonParser (through its scanner) spent
 * about 50 µs a row on it.  It accepts exactly RFC 8259 text: one value,
 * strings in UTF-8 without control characters, \u escapes pairing the
 * halves of surrogate pairs, whole numbers within 64 bits; nesting is
 * bounded by RG_WIRE_MAX_DEPTH, so hostile input cannot exhaust the stack. */
typedef struct
{
  const gchar *p;
  const gchar *end;
  guint        depth;
  const gchar *why;     /* set on the first error */
  GString     *text;    /* the string being read */
} Reader;

static JsonNode *read_value (Reader *r);

static gboolean
fail (Reader      *r,
      const gchar *why)
{
  if (r->why == NULL)
    r->why = why;
  return FALSE;
}

static gpointer
fail_null (Reader      *r,
           const gchar *why)
{
  fail (r, why);
  return NULL;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
read_hex4 (Reader  *r,
           guint   *unit)
{
  *unit = 0;
  if (r->end - r->p < 4)
    return fail (r, "an escape \\u needs four hex digits");
  for (gint i = 0; i < 4; i++, r->p++)
    {
      if (!g_ascii_isxdigit (*r->p))
        return fail (r, "an escape \\u needs four hex digits");
      *unit = *unit * 16 + (guint) g_ascii_xdigit_value (*r->p);
    }
  return TRUE;
}

static gboolean
read_escape (Reader  *r,
             GString *out)
{
  guint unit;
  guint low;
  gchar c;

  if (r->p >= r->end)
    return fail (r, "the text ends inside a string");
  c = *r->p++;
  switch (c)
    {
    case '"': case '\\': case '/':
      g_string_append_c (out, c);
      return TRUE;
    case 'b': g_string_append_c (out, '\b'); return TRUE;
    case 'f': g_string_append_c (out, '\f'); return TRUE;
    case 'n': g_string_append_c (out, '\n'); return TRUE;
    case 'r': g_string_append_c (out, '\r'); return TRUE;
    case 't': g_string_append_c (out, '\t'); return TRUE;
    case 'u':
      break;
    default:
      return fail (r, "a string holds an unknown escape");
    }
  if (!read_hex4 (r, &unit))
    return FALSE;
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return fail (r, "a string holds half of a surrogate pair");
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
        return fail (r, "a string holds half of a surrogate pair");
      r->p += 2;
      if (!read_hex4 (r, &low))
        return FALSE;
      if (low < 0xdc00 || low > 0xdfff)
        return fail (r, "a string holds half of a surrogate pair");
      unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    }
  if (unit == 0)
    return fail (r, "a string holds a nul character");
  g_string_append_unichar (out, unit);
  return TRUE;
}

/* Reads a string after its opening quote into @r's buffer.
 *
 * Returns: (transfer none) (nullable): the buffer's text, valid until the
 *   next string is read, or %NULL on an error. */
static const gchar *
read_string (Reader *r)
{
  GString *out = r->text;

  g_string_truncate (out, 0);
  while (r->p < r->end && *r->p != '"')
    {
      const gchar *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (out, run, r->p - run);
      if (r->p >= r->end || *r->p == '"')
        break;
      if ((guchar) *r->p < 0x20)
        return fail_null (r, "a string holds a control character");
      r->p++;
      if (!read_escape (r, out))
        return NULL;
    }
  if (r->p >= r->end)
    return fail_null (r, "the text ends inside a string");
  r->p++;
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    return fail_null (r, "a string is not UTF-8");
  return out->str;
}

static gboolean
skip_digits (Reader *r)
{
  const gchar *start = r->p;

  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return r->p > start;
}

static JsonNode *
read_number (Reader *r)
{
  const gchar *start = r->p;
  gboolean whole = TRUE;
  gchar buffer[64];
  gchar *stop = NULL;
  gsize length;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (!skip_digits (r))
    return fail_null (r, "a value is not JSON");
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      whole = FALSE;
      if (!skip_digits (r))
        return fail_null (r, "a number has no digits after its point");
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      whole = FALSE;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!skip_digits (r))
        return fail_null (r, "a number has no digits in its exponent");
    }
  length = (gsize) (r->p - start);
  if (length >= sizeof buffer)
    return fail_null (r, "a number is too long");
  memcpy (buffer, start, length);
  buffer[length] = '\0';
  errno = 0;
  if (whole)
    {
      gint64 value = g_ascii_strtoll (buffer, &stop, 10);

      if (errno != 0)
        return fail_null (r, "a whole number is too big");
      return json_node_init_int (json_node_alloc (), value);
    }
  else
    {
      gdouble value = g_ascii_strtod (buffer, &stop);

      if (errno != 0 || !isfinite (value))
        return fail_null (r, "a number is too big");
      return json_node_init_double (json_node_alloc (), value);
    }
}

static gboolean
read_word (Reader      *r,
           const gchar *word)
{
  gsize length = strlen (word);

  if ((gsize) (r->end - r->p) < length || memcmp (r->p, word, length) != 0)
    return fail (r, "a value is not JSON");
  r->p += length;
  return TRUE;
}

/* Reads the members or elements of an object or array after its opening
 * bracket, up to its closing one. */
static JsonNode *
read_container (Reader   *r,
                gboolean  object)
{
  g_autoptr(JsonObject) members = object ? json_object_new () : NULL;
  g_autoptr(JsonArray) elements = object ? NULL : json_array_new ();
  gchar close = object ? '}' : ']';

  if (++r->depth > RG_WIRE_MAX_DEPTH)
    return fail_null (r, "the batch is nested too deeply");
  skip_space (r);
  if (r->p < r->end && *r->p == close)
    r->p++;
  else
    for (;;)
      {
        g_autofree gchar *name = NULL;
        JsonNode *value;

        if (object)
          {
            skip_space (r);
            if (r->p >= r->end || *r->p != '"')
              return fail_null (r, "an object member has no name");
            r->p++;
            if (read_string (r) == NULL)
              return NULL;
            name = g_strdup (r->text->str);
            skip_space (r);
            if (r->p >= r->end || *r->p != ':')
              return fail_null (r, "an object member has no value");
            r->p++;
          }
        if ((value = read_value (r)) == NULL)
          return NULL;
        if (object)
          json_object_set_member (members, name, value);
        else
          json_array_add_element (elements, value);
        skip_space (r);
        if (r->p < r->end && *r->p == ',')
          {
            r->p++;
            continue;
          }
        if (r->p < r->end && *r->p == close)
          {
            r->p++;
            break;
          }
        return fail_null (r, object ? "an object is not closed" : "a list is not closed");
      }
  r->depth--;
  if (object)
    return json_node_init_object (json_node_alloc (), members);
  return json_node_init_array (json_node_alloc (), elements);
}

static JsonNode *
read_value (Reader *r)
{
  const gchar *text;

  skip_space (r);
  if (r->p >= r->end)
    return fail_null (r, "the text ends where a value should be");
  switch (*r->p)
    {
    case '{':
    case '[':
      r->p++;
      return read_container (r, r->p[-1] == '{');
    case '"':
      r->p++;
      if ((text = read_string (r)) == NULL)
        return NULL;
      return json_node_init_string (json_node_alloc (), text);
    case 't':
      return read_word (r, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_word (r, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_word (r, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return read_number (r);
    }
}

static GPtrArray *
parse_changes (JsonArray  *array,
               GError    **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  guint n = json_array_get_length (array);

  if (n > RG_WIRE_MAX_BATCH)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "a batch holds %u changes, more than %d", n, RG_WIRE_MAX_BATCH);
      return NULL;
    }
  changes = g_ptr_array_new_full (n, (GDestroyNotify) rg_wire_change_free);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *table = object ? json_object_get_member (object, "table") : NULL;
      JsonNode *row = object ? json_object_get_member (object, "row") : NULL;
      RgWireChange *change;

      if (table == NULL || row == NULL || json_object_get_size (object) != 2
          || !JSON_NODE_HOLDS_VALUE (table) || json_node_get_value_type (table) != G_TYPE_STRING
          || !JSON_NODE_HOLDS_OBJECT (row))
        {
          g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                       "change %u is not of the form {\"table\": …, \"row\": {…}}", i + 1);
          return NULL;
        }
      change = rg_wire_change_new (json_node_get_string (table), json_node_get_object (row), error);
      if (change == NULL)
        return NULL;
      g_ptr_array_add (changes, change);
    }
  return g_steal_pointer (&changes);
}

GPtrArray *
rg_wire_parse_batch (const gchar  *text,
                     gsize         length,
                     gchar       **cursor,
                     gboolean     *more,
                     GError      **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (256);
  Reader r = { text, text + length, 0, NULL, buffer };
  g_autoptr(JsonNode) top = NULL;
  JsonObject *root;
  JsonNode *changes;
  JsonNode *node;

  if (!rg_wire_check_depth (text, length, RG_WIRE_MAX_DEPTH))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the batch is nested too deeply");
      return NULL;
    }
  top = read_value (&r);
  skip_space (&r);
  if (top != NULL && r.p < r.end)
    fail (&r, "more follows the batch");
  if (r.why != NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the batch is not valid JSON: %s", r.why);
      return NULL;
    }
  root = JSON_NODE_HOLDS_OBJECT (top) ? json_node_get_object (top) : NULL;
  changes = root ? json_object_get_member (root, "changes") : NULL;
  if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "the batch has no list of changes");
      return NULL;
    }

  if (cursor != NULL)
    {
      node = json_object_get_member (root, "cursor");
      *cursor = node && JSON_NODE_HOLDS_VALUE (node)
                && json_node_get_value_type (node) == G_TYPE_STRING
                ? g_strdup (json_node_get_string (node)) : NULL;
    }
  if (more != NULL)
    {
      node = json_object_get_member (root, "more");
      *more = node && JSON_NODE_HOLDS_VALUE (node)
              && json_node_get_value_type (node) == G_TYPE_BOOLEAN
              && json_node_get_boolean (node);
    }
  return parse_changes (json_node_get_array (changes), error);
}

/* ---------------------------------------------------------------- writing */

gchar *
rg_wire_row_to_string (JsonObject *row)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), row);

  return json_to_string (node, FALSE);
}

void
rg_wire_append_change (GString     *out,
                       const gchar *table_name,
                       const gchar *row_json)
{
  g_string_append_printf (out, "{\"table\":\"%s\",\"row\":%s}", table_name, row_json);
}

gchar *
rg_wire_build_batch (GPtrArray *changes)
{
  GString *out = g_string_new ("{\"changes\":[");

  for (guint i = 0; i < changes->len; i++)
    {
      RgWireChange *change = g_ptr_array_index (changes, i);
      g_autofree gchar *row = rg_wire_row_to_string (change->row);

      if (i > 0)
        g_string_append_c (out, ',');
      rg_wire_append_change (out, change->table->name, row);
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}
