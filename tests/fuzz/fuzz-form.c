/* fuzz-form.c — fuzz target: the central store's enrolment form
 * (app/regulars-central/rg-central-door.c), the first thing a stranger's
 * bytes reach.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a request body, bytes as they come (NULs included).  What
 * holds for every input:
 *  - a refusal is RG_ERROR_INVALID with a message in valid UTF-8;
 *  - an accepted form has at most RG_CENTRAL_FORM_MAX_FIELDS members,
 *    names and values in valid UTF-8 without NUL;
 *  - written out again as JSON (json-glib's generator, so a second
 *    opinion on escaping) and read back, it gives the same members.
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "rg-central-door.h"
#include "rg-error.h"
#include "rg-fuzz.h"

static gchar *
write_form (GHashTable *form)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer name, value;

  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      json_builder_set_member_name (b, name);
      json_builder_add_string_value (b, value);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static void
check_form (GHashTable *form)
{
  g_autoptr(GHashTable) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;
  GHashTableIter iter;
  gpointer name, value;

  g_assert_cmpuint (g_hash_table_size (form), <=, RG_CENTRAL_FORM_MAX_FIELDS);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_true (g_utf8_validate (value, -1, NULL));
    }
  text = write_form (form);
  if (strlen (text) > RG_CENTRAL_FORM_MAX_LENGTH)
    return;   /* escaping can make it longer than a form may be */
  again = rg_central_door_parse_form (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (again), ==, g_hash_table_size (form));
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_assert_cmpstr (g_hash_table_lookup (again, name), ==, value);
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
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = rg_central_door_parse_form ((const gchar *) data, size, &error);

  if (form == NULL)
    {
      g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  check_form (form);
  return 0;
}
