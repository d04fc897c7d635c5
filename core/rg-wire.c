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
  { "staff_id", T, N }, { "created_ms", I, 0 }, { "discount", I, 0 }, { "note", T, N },
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
type_error (const RgWireTable   *table,
            const RgWireColumn  *column,
            const gchar         *id,
            GError             **error)
{
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "%s %s: %s must be %s", table->name, id, column->name,
               column->type == RG_WIRE_TEXT ? "UTF-8 text of at most 64 KiB"
               : column->type == RG_WIRE_INTEGER ? "a whole number" : "a number");
  return FALSE;
}

static gboolean
check_value (const RgWireTable   *table,
             const RgWireColumn  *column,
             const RgWireValue   *value,
             const gchar         *id,
             GError             **error)
{
  switch (value->kind)
    {
    case RG_WIRE_VALUE_NULL:
      if (column->flags & RG_WIRE_NULLABLE)
        return TRUE;
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "%s %s: %s must not be empty", table->name, id, column->name);
      return FALSE;
    case RG_WIRE_VALUE_TEXT:
      if (column->type == RG_WIRE_TEXT && strlen (value->text) <= RG_WIRE_MAX_TEXT
          && g_utf8_validate (value->text, -1, NULL))
        return TRUE;
      break;
    case RG_WIRE_VALUE_INTEGER:
      if (column->type != RG_WIRE_TEXT)
        return TRUE;
      break;
    case RG_WIRE_VALUE_REAL:
      if (column->type == RG_WIRE_REAL && isfinite (value->real))
        return TRUE;
      break;
    default:
      g_assert_not_reached ();
    }
  return type_error (table, column, id, error);
}

/* Checks @values (every column of @table, in order) and makes the change,
 * which takes @storage (the block holding @values and its text) and a
 * reference to @row. */
static RgWireChange *
change_from_values (const RgWireTable  *table,
                    RgWireValue        *values,
                    gpointer            storage,
                    JsonObject         *row,
                    GError            **error)
{
  g_autofree gpointer owned = storage;
  const gchar *id = values[0].kind == RG_WIRE_VALUE_TEXT ? values[0].text : NULL;
  RgWireChange *change;

  if (!rg_id_is_valid (id))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "a row of %s has no valid id", table->name);
      return NULL;
    }
  for (guint i = 0; i < table->n_columns; i++)
    if (!check_value (table, &table->columns[i], &values[i], id, error))
      return NULL;
  if (!is_device_id (values[2].text) || values[1].integer < 0
      || values[3].integer < 0 || values[3].integer > 1)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "%s %s: the sync columns (updated_hlc, origin, deleted) are not valid",
                   table->name, id);
      return NULL;
    }

  change = g_new0 (RgWireChange, 1);
  change->table = table;
  change->values = values;
  change->storage = g_steal_pointer (&owned);
  change->row = row != NULL ? json_object_ref (row) : NULL;
  change->id = id;
  change->origin = values[2].text;
  change->updated_hlc = values[1].integer;
  change->deleted = values[3].integer != 0;
  return change;
}

static guint
column_index (const RgWireTable *table,
              const gchar       *name,
              guint              hint)
{
  if (hint < table->n_columns && strcmp (table->columns[hint].name, name) == 0)
    return hint;
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, name) == 0)
      return i;
  return G_MAXUINT;
}

static gboolean
unknown_column (const RgWireTable  *table,
                const gchar        *id,
                const gchar        *name,
                GError            **error)
{
  g_autofree gchar *quoted = rg_text_quote_for_message (name);

  g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
               "%s %s: “%s” is not a column that is synced", table->name, id, quoted);
  return FALSE;
}

static gboolean
missing_column (const RgWireTable  *table,
                const gchar        *id,
                guint64             seen,
                GError            **error)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (!(seen & (G_GUINT64_CONSTANT (1) << i)))
      {
        g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                     "%s %s: the column %s is missing", table->name, id, table->columns[i].name);
        return FALSE;
      }
  return TRUE;
}

static const RgWireTable *
lookup_table_or_fail (const gchar  *table_name,
                      GError      **error)
{
  const RgWireTable *table = rg_wire_lookup_table (table_name);

  if (table == NULL)
    {
      g_autofree gchar *quoted = rg_text_quote_for_message (table_name ? table_name : "(none)");

      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "“%s” is not a table that is synced", quoted);
    }
  return table;
}

RgWireChange *
rg_wire_change_new (const gchar  *table_name,
                    JsonObject   *row,
                    GError      **error)
{
  const RgWireTable *table = lookup_table_or_fail (table_name, error);
  g_autofree RgWireValue *values = NULL;
  JsonObjectIter iter;
  const gchar *member;
  JsonNode *node;
  const gchar *id;
  RgWireValue *owned;
  guint64 seen = 0;
  guint hint = 0;

  if (table == NULL)
    return NULL;
  node = json_object_get_member (row, "id");
  id = node != NULL && JSON_NODE_HOLDS_VALUE (node)
       && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (!rg_id_is_valid (id))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "a row of %s has no valid id", table->name);
      return NULL;
    }

  /* the values point into @row, which the change keeps */
  values = g_new0 (RgWireValue, table->n_columns);
  json_object_iter_init (&iter, row);
  while (json_object_iter_next (&iter, &member, &node))
    {
      guint i = column_index (table, member, hint);
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

      if (i == G_MAXUINT)
        {
          unknown_column (table, id, member, error);
          return NULL;
        }
      hint = i + 1;
      seen |= G_GUINT64_CONSTANT (1) << i;
      if (JSON_NODE_HOLDS_NULL (node))
        values[i].kind = RG_WIRE_VALUE_NULL;
      else if (type == G_TYPE_STRING)
        {
          values[i].kind = RG_WIRE_VALUE_TEXT;
          values[i].text = json_node_get_string (node);
        }
      else if (type == G_TYPE_INT64)
        {
          values[i].kind = RG_WIRE_VALUE_INTEGER;
          values[i].integer = json_node_get_int (node);
        }
      else if (type == G_TYPE_DOUBLE)
        {
          values[i].kind = RG_WIRE_VALUE_REAL;
          values[i].real = json_node_get_double (node);
        }
      else
        {
          type_error (table, &table->columns[i], id, error);
          return NULL;
        }
    }
  if (!missing_column (table, id, seen, error))
    return NULL;
  owned = g_steal_pointer (&values);
  return change_from_values (table, owned, owned, row, error);
}

void
rg_wire_change_free (RgWireChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->row, json_object_unref);
  g_free (change->storage);
  g_free (change);
}

JsonObject *
rg_wire_change_get_row (const RgWireChange *change)
{
  RgWireChange *cache = (RgWireChange *) change;
  JsonObject *row;

  if (change->row != NULL)
    return change->row;
  row = json_object_new ();
  for (guint i = 0; i < change->table->n_columns; i++)
    {
      const gchar *name = change->table->columns[i].name;
      const RgWireValue *value = &change->values[i];

      switch (value->kind)
        {
        case RG_WIRE_VALUE_NULL:
          json_object_set_null_member (row, name);
          break;
        case RG_WIRE_VALUE_TEXT:
          json_object_set_string_member (row, name, value->text);
          break;
        case RG_WIRE_VALUE_INTEGER:
          json_object_set_int_member (row, name, value->integer);
          break;
        case RG_WIRE_VALUE_REAL:
        default:
          json_object_set_double_member (row, name, value->real);
          break;
        }
    }
  cache->row = row;
  return row;
}

const RgWireValue *
rg_wire_change_get_value (const RgWireChange *change,
                          const gchar        *name)
{
  guint i = column_index (change->table, name, 0);

  g_return_val_if_fail (i != G_MAXUINT, NULL);
  return &change->values[i];
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
    return json_object_ref (rg_wire_change_get_row (incoming));
  g_return_val_if_fail (existing->table == incoming->table, NULL);

  if (rg_wire_compare (incoming->updated_hlc, incoming->origin,
                       existing->updated_hlc, existing->origin) > 0)
    {
      winner = incoming;
      loser = existing;
      merged = json_object_ref (rg_wire_change_get_row (incoming));
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
          || !json_object_get_null_member (rg_wire_change_get_row (winner), column->name))
        continue;
      kept = json_object_get_member (rg_wire_change_get_row (loser), column->name);
      if (JSON_NODE_HOLDS_NULL (kept))
        continue;

      if (merged == NULL || merged == rg_wire_change_get_row (incoming))
        {
          /* copy, so that neither version is changed in place */
          JsonObject *copy = json_object_new ();
          JsonObjectIter iter;
          const gchar *member;
          JsonNode *node;

          json_object_iter_init (&iter, rg_wire_change_get_row (winner));
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
 * about 50 µs a row on it.  It accepts RFC 8259 text: one value, strings in
 * UTF-8, \u escapes pairing the halves of surrogate pairs, whole numbers
 * within 64 bits; nesting is bounded by RG_WIRE_MAX_DEPTH, so hostile input
 * cannot exhaust the stack.  One leniency: raw control characters other
 * than nul inside strings, because json-glib's generator (which writes the
 * terminals' pushes) leaves some of them unescaped. */
typedef struct
{
  const gchar *p;
  const gchar *end;
  guint        depth;
  const gchar *why;     /* set on the first error of JSON syntax */
  GError      *error;   /* set on the first change that is not valid */
  GString     *text;    /* the string being read */
  GString     *arena;   /* the text of the row being read */
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

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && *r->p != '\0')
        r->p++;
      g_string_append_len (out, run, r->p - run);
      if (r->p >= r->end || *r->p == '"')
        break;
      if (*r->p == '\0')
        return fail_null (r, "a string holds a nul character");
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

static gboolean
read_number_value (Reader      *r,
                   RgWireValue *value)
{
  const gchar *start = r->p;
  gboolean whole = TRUE;
  gchar buffer[64];
  gsize length;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (!skip_digits (r))
    return fail (r, "a value is not JSON");
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      whole = FALSE;
      if (!skip_digits (r))
        return fail (r, "a number has no digits after its point");
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      whole = FALSE;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!skip_digits (r))
        return fail (r, "a number has no digits in its exponent");
    }
  length = (gsize) (r->p - start);
  if (length >= sizeof buffer)
    return fail (r, "a number is too long");
  memcpy (buffer, start, length);
  buffer[length] = '\0';
  errno = 0;
  if (whole)
    {
      value->kind = RG_WIRE_VALUE_INTEGER;
      value->integer = g_ascii_strtoll (buffer, NULL, 10);
      return errno == 0 || fail (r, "a whole number is too big");
    }
  value->kind = RG_WIRE_VALUE_REAL;
  value->real = g_ascii_strtod (buffer, NULL);
  return (errno == 0 && isfinite (value->real)) || fail (r, "a number is too big");
}

static JsonNode *
read_number (Reader *r)
{
  RgWireValue value;

  if (!read_number_value (r, &value))
    return NULL;
  if (value.kind == RG_WIRE_VALUE_INTEGER)
    return json_node_init_int (json_node_alloc (), value.integer);
  return json_node_init_double (json_node_alloc (), value.real);
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

/* ------------------------------------------------------ reading a batch */

/* A batch is read straight into changes: a row after its "table" member
 * goes to an RgWireValue array without a JsonObject (the form every writer
 * here uses); a row before it is read as a tree and checked by
 * rg_wire_change_new(). */

#define MAX_COLUMNS 64    /* a bit each in a guint64 */

static gboolean
open_nested (Reader *r)
{
  r->p++;
  if (++r->depth > RG_WIRE_MAX_DEPTH)
    return fail (r, "the batch is nested too deeply");
  return TRUE;
}

/* After a member or element: TRUE at a comma, FALSE (with @closed) at
 * @close, FALSE with an error otherwise. */
static gboolean
next_item (Reader   *r,
           gchar     close,
           gboolean *closed)
{
  skip_space (r);
  *closed = FALSE;
  if (r->p < r->end && *r->p == ',')
    {
      r->p++;
      return TRUE;
    }
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      r->depth--;
      *closed = TRUE;
      return FALSE;
    }
  return fail (r, close == '}' ? "an object is not closed" : "a list is not closed");
}

/* Reads `"name":` into r->text. */
static gboolean
read_member_name (Reader *r)
{
  skip_space (r);
  if (r->p >= r->end || *r->p != '"')
    return fail (r, "an object member has no name");
  r->p++;
  if (read_string (r) == NULL)
    return FALSE;
  skip_space (r);
  if (r->p >= r->end || *r->p != ':')
    return fail (r, "an object member has no value");
  r->p++;
  skip_space (r);
  return TRUE;
}

static RgWireChange *
read_row (Reader            *r,
          const RgWireTable *table)
{
  RgWireValue values[MAX_COLUMNS] = { { 0, } };
  gsize offsets[MAX_COLUMNS] = { 0, };
  GString *arena = r->arena;
  RgWireValue *stored;
  const gchar *id = "(no id)";
  guint64 seen = 0;
  guint hint = 0;
  gboolean closed = FALSE;
  gchar *block;

  g_return_val_if_fail (table->n_columns <= MAX_COLUMNS, NULL);
  if (!open_nested (r))
    return NULL;
  g_string_truncate (arena, 0);
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      r->depth--;
      closed = TRUE;
    }
  while (!closed)
    {
      guint i;

      if (!read_member_name (r))
        return NULL;
      i = column_index (table, r->text->str, hint);
      if (i == G_MAXUINT)
        {
          unknown_column (table, id, r->text->str, &r->error);
          return NULL;
        }
      if (seen & (G_GUINT64_CONSTANT (1) << i))
        {
          g_set_error (&r->error, RG_ERROR, RG_ERROR_INVALID, "%s %s: the column %s appears twice",
                       table->name, id, table->columns[i].name);
          return NULL;
        }
      seen |= G_GUINT64_CONSTANT (1) << i;
      hint = i + 1;

      if (r->p < r->end && *r->p == '"')
        {
          r->p++;
          if (read_string (r) == NULL)
            return NULL;
          values[i].kind = RG_WIRE_VALUE_TEXT;
          offsets[i] = arena->len;
          g_string_append_len (arena, r->text->str, (gssize) r->text->len + 1);
          if (i == 0)
            id = arena->str + offsets[0];
        }
      else if (r->p < r->end && *r->p == 'n')
        {
          if (!read_word (r, "null"))
            return NULL;
          values[i].kind = RG_WIRE_VALUE_NULL;
        }
      else if (r->p < r->end && (*r->p == '-' || g_ascii_isdigit (*r->p)))
        {
          if (!read_number_value (r, &values[i]))
            return NULL;
        }
      else
        {
          type_error (table, &table->columns[i], id, &r->error);
          return NULL;
        }
      if (!next_item (r, '}', &closed) && !closed)
        return NULL;
    }
  if (!missing_column (table, id, seen, &r->error))
    return NULL;

  /* one block: the values, then their text */
  block = g_malloc (table->n_columns * sizeof (RgWireValue) + arena->len);
  stored = (RgWireValue *) block;
  memcpy (stored, values, table->n_columns * sizeof (RgWireValue));
  memcpy (block + table->n_columns * sizeof (RgWireValue), arena->str, arena->len);
  for (guint i = 0; i < table->n_columns; i++)
    if (stored[i].kind == RG_WIRE_VALUE_TEXT)
      stored[i].text = block + table->n_columns * sizeof (RgWireValue) + offsets[i];
  return change_from_values (table, stored, block, NULL, &r->error);
}

static gpointer
form_error (Reader *r,
            guint   index)
{
  if (r->error == NULL && r->why == NULL)
    g_set_error (&r->error, RG_ERROR, RG_ERROR_INVALID,
                 "change %u is not of the form {\"table\": …, \"row\": {…}}", index + 1);
  return NULL;
}

static RgWireChange *
read_change (Reader *r,
             guint   index)
{
  const RgWireTable *table = NULL;
  g_autoptr(RgWireChange) change = NULL;
  g_autoptr(JsonNode) tree = NULL;
  gboolean closed = FALSE;

  skip_space (r);
  if (r->p >= r->end || *r->p != '{')
    return form_error (r, index);
  if (!open_nested (r))
    return NULL;
  while (!closed)
    {
      if (!read_member_name (r))
        return NULL;
      if (strcmp (r->text->str, "table") == 0 && table == NULL)
        {
          if (r->p >= r->end || *r->p != '"')
            return form_error (r, index);
          r->p++;
          if (read_string (r) == NULL)
            return NULL;
          if ((table = lookup_table_or_fail (r->text->str, &r->error)) == NULL)
            return NULL;
        }
      else if (strcmp (r->text->str, "row") == 0 && change == NULL && tree == NULL)
        {
          if (table != NULL && r->p < r->end && *r->p == '{')
            change = read_row (r, table);
          else
            tree = read_value (r);
          if (change == NULL && tree == NULL)
            return NULL;
        }
      else
        return form_error (r, index);
      if (!next_item (r, '}', &closed) && !closed)
        return NULL;
    }
  if (table == NULL || (change == NULL && tree == NULL))
    return form_error (r, index);
  if (tree != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (tree))
        return form_error (r, index);
      change = rg_wire_change_new (table->name, json_node_get_object (tree), &r->error);
    }
  return g_steal_pointer (&change);
}

static void
replace_node (JsonNode **slot,
              JsonNode  *node)
{
  g_clear_pointer (slot, json_node_unref);
  *slot = node;
}

static GPtrArray *
read_changes (Reader *r)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_wire_change_free);
  gboolean closed = FALSE;

  if (!open_nested (r))
    return NULL;
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      r->depth--;
      closed = TRUE;
    }
  while (!closed)
    {
      RgWireChange *change;

      if (changes->len == RG_WIRE_MAX_BATCH)
        {
          g_set_error (&r->error, RG_ERROR, RG_ERROR_INVALID,
                       "a batch holds more than %d changes", RG_WIRE_MAX_BATCH);
          return NULL;
        }
      if ((change = read_change (r, changes->len)) == NULL)
        return NULL;
      g_ptr_array_add (changes, change);
      if (!next_item (r, ']', &closed) && !closed)
        return NULL;
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
  g_autoptr(GString) arena = g_string_sized_new (1024);
  Reader r = { text, text + length, 0, NULL, NULL, buffer, arena };
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonNode) cursor_node = NULL;
  g_autoptr(JsonNode) more_node = NULL;
  gboolean listed = FALSE;
  gboolean closed = FALSE;

  if (!rg_wire_check_depth (text, length, RG_WIRE_MAX_DEPTH))
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the batch is nested too deeply");
      return NULL;
    }
  skip_space (&r);
  if (r.p >= r.end || *r.p != '{')
    fail (&r, "the batch is not one JSON object");
  else if (open_nested (&r))
    {
      skip_space (&r);
      if (r.p < r.end && *r.p == '}')
        {
          r.p++;
          closed = TRUE;
        }
    }
  while (r.why == NULL && r.error == NULL && !closed)
    {
      if (!read_member_name (&r))
        break;
      if (strcmp (r.text->str, "changes") == 0 && r.p < r.end && *r.p == '[')
        {
          g_clear_pointer (&changes, g_ptr_array_unref);
          if ((changes = read_changes (&r)) == NULL)
            break;
          listed = TRUE;
        }
      else
        {
          gboolean is_cursor = strcmp (r.text->str, "cursor") == 0;
          gboolean is_more = strcmp (r.text->str, "more") == 0;
          gboolean is_changes = strcmp (r.text->str, "changes") == 0;
          g_autoptr(JsonNode) node = read_value (&r);

          if (node == NULL)
            break;
          if (is_changes)
            listed = FALSE;
          else if (is_cursor)
            replace_node (&cursor_node, g_steal_pointer (&node));
          else if (is_more)
            replace_node (&more_node, g_steal_pointer (&node));
        }
      if (!next_item (&r, '}', &closed) && !closed)
        break;
    }
  skip_space (&r);
  if (r.why == NULL && r.error == NULL && r.p < r.end)
    fail (&r, "more follows the batch");
  if (r.why != NULL)
    {
      g_clear_error (&r.error);
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the batch is not valid JSON: %s", r.why);
      return NULL;
    }
  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }
  if (!listed)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "the batch has no list of changes");
      return NULL;
    }
  if (cursor != NULL)
    *cursor = cursor_node && JSON_NODE_HOLDS_VALUE (cursor_node)
              && json_node_get_value_type (cursor_node) == G_TYPE_STRING
              ? g_strdup (json_node_get_string (cursor_node)) : NULL;
  if (more != NULL)
    *more = more_node && JSON_NODE_HOLDS_VALUE (more_node)
            && json_node_get_value_type (more_node) == G_TYPE_BOOLEAN
            && json_node_get_boolean (more_node);
  return g_steal_pointer (&changes);
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
      g_autofree gchar *row = rg_wire_row_to_string (rg_wire_change_get_row (change));

      if (i > 0)
        g_string_append_c (out, ',');
      rg_wire_append_change (out, change->table->name, row);
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}
