/* fuzz-wire.c — fuzz target: the sync JSON decoder (rg-wire), as the
 * central store reads a push body and as a terminal reads a pull answer.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is an HTTP body.  What holds for every input:
 *  - it is read the same way as a push (no cursor) and as a pull answer,
 *    or refused both times with RG_ERROR_INVALID and a message in valid
 *    UTF-8 (the store sends it back in its answer);
 *  - every change read belongs to a synced table, with its id, origin and
 *    version inside its row, and text values in valid UTF-8 (a JSON escape
 *    of half a surrogate pair is not a character);
 *  - a batch written back from the changes reads as the same rows;
 *  - last-writer-wins keeps a version against itself, and what it makes of
 *    two versions is again a valid row of the table (the store validates it
 *    before storing it); rg_wire_compare() is antisymmetric.
 */
#include <string.h>

#include "rg-fuzz.h"
#include "rg-wire.h"

static void
check_refusal (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
check_change (const RgWireChange *change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) same = NULL;
  g_autoptr(JsonObject) copy = NULL;
  g_autoptr(RgWireChange) valid = NULL;
  JsonObjectIter iter;
  const gchar *member;
  JsonNode *node;

  g_assert_true (rg_wire_lookup_table (change->table->name) == change->table);
  g_assert_cmpstr (json_object_get_string_member (rg_wire_change_get_row (change), "id"), ==, change->id);
  g_assert_cmpstr (json_object_get_string_member (rg_wire_change_get_row (change), "origin"), ==, change->origin);
  g_assert_cmpint (json_object_get_int_member (rg_wire_change_get_row (change), "updated_hlc"), ==, change->updated_hlc);
  g_assert_cmpuint (strlen (change->origin), <=, RG_WIRE_MAX_ORIGIN);
  g_assert_cmpint (rg_wire_compare (change->updated_hlc, change->origin,
                                    change->updated_hlc, change->origin), ==, 0);
  json_object_iter_init (&iter, rg_wire_change_get_row (change));
  while (json_object_iter_next (&iter, &member, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
      g_assert_true (g_utf8_validate (json_node_get_string (node), -1, NULL));

  same = rg_wire_change_merge (change, change);
  g_assert_null (same);
  copy = rg_wire_change_merge (NULL, change);
  valid = rg_wire_change_new (change->table->name, copy, &error);
  g_assert_no_error (error);
}

/* Two versions, as if they were of one row: the merge must be storable. */
static void
check_merge (const RgWireChange *a,
             const RgWireChange *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(RgWireChange) valid = NULL;
  gint ab = rg_wire_compare (a->updated_hlc, a->origin, b->updated_hlc, b->origin);
  gint ba = rg_wire_compare (b->updated_hlc, b->origin, a->updated_hlc, a->origin);

  g_assert_cmpint ((ab > 0) - (ab < 0), ==, (ba < 0) - (ba > 0));
  if (a->table != b->table)
    return;
  merged = rg_wire_change_merge (a, b);
  if (merged == NULL)
    return;
  valid = rg_wire_change_new (a->table->name, merged, &error);
  g_assert_no_error (error);
}

/* Written back and read again, the batch holds the same rows. */
static void
check_round_trip (GPtrArray *changes)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = rg_wire_build_batch (changes);
  g_autoptr(GPtrArray) again = rg_wire_parse_batch (text, strlen (text), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, changes->len);
  for (guint i = 0; i < changes->len; i++)
    {
      const RgWireChange *before = g_ptr_array_index (changes, i);
      const RgWireChange *after = g_ptr_array_index (again, i);
      g_autofree gchar *row_before = rg_wire_row_to_string (rg_wire_change_get_row (before));
      g_autofree gchar *row_after = rg_wire_row_to_string (rg_wire_change_get_row (after));

      g_assert_true (after->table == before->table);
      g_assert_cmpstr (row_after, ==, row_before);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rg_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const gchar *text = (const gchar *) data;
  g_autoptr(GError) push_error = NULL;
  g_autoptr(GError) pull_error = NULL;
  g_autoptr(GPtrArray) pushed = NULL;
  g_autoptr(GPtrArray) pulled = NULL;
  g_autofree gchar *cursor = NULL;
  gboolean more = FALSE;

  pushed = rg_wire_parse_batch (text, size, NULL, NULL, &push_error);
  pulled = rg_wire_parse_batch (text, size, &cursor, &more, &pull_error);
  if (pushed == NULL)
    {
      check_refusal (push_error);
      check_refusal (pull_error);
      g_assert_null (pulled);
      g_assert_cmpstr (push_error->message, ==, pull_error->message);
      return 0;
    }
  g_assert_no_error (push_error);
  g_assert_no_error (pull_error);
  g_assert_nonnull (pulled);
  g_assert_cmpuint (pulled->len, ==, pushed->len);
  g_assert_cmpuint (pushed->len, <=, RG_WIRE_MAX_BATCH);
  g_assert_true (rg_wire_check_depth (text, size, RG_WIRE_MAX_DEPTH));

  for (guint i = 0; i < pushed->len; i++)
    {
      check_change (g_ptr_array_index (pushed, i));
      if (i > 0)
        check_merge (g_ptr_array_index (pushed, i - 1), g_ptr_array_index (pushed, i));
    }
  check_round_trip (pushed);
  return 0;
}
