/* check-wire.c — the wire format of sync: the table description against
 * the real schema, validation, last-writer-wins and hostile input.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-id.h"
#include "rg-wire.h"

#define DEVICE_A "0190a1b2-0000-7000-8000-00000000000a"
#define DEVICE_B "0190a1b2-0000-7000-8000-00000000000b"
#define GUEST_1  "0190a1b2-0000-7000-8000-000000000001"
#define GUEST_2  "0190a1b2-0000-7000-8000-000000000002"

static JsonObject *
tag_row (const gchar *id,
         gint64       hlc,
         const gchar *origin,
         const gchar *tag)
{
  JsonObject *row = json_object_new ();

  json_object_set_string_member (row, "id", id);
  json_object_set_int_member (row, "updated_hlc", hlc);
  json_object_set_string_member (row, "origin", origin);
  json_object_set_int_member (row, "deleted", 0);
  json_object_set_string_member (row, "guest_id", GUEST_1);
  json_object_set_string_member (row, "tag", tag);
  return row;
}

static RgWireChange *
tag_change (const gchar *id,
            gint64       hlc,
            const gchar *origin,
            const gchar *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) row = tag_row (id, hlc, origin, tag);
  RgWireChange *change = rg_wire_change_new ("guest_tag", row, &error);

  ck_assert_no_error (error);
  return change;
}

static RgWireChange *
guest_change (gint64       hlc,
              const gchar *origin,
              const gchar *name,
              const gchar *merged_into)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) row = json_object_new ();
  const gchar *nullable[] = { "family_name", "title", "gender", "birthday", "anniversary",
                              "language", "external_ref" };
  RgWireChange *change;

  json_object_set_string_member (row, "id", GUEST_2);
  json_object_set_int_member (row, "updated_hlc", hlc);
  json_object_set_string_member (row, "origin", origin);
  json_object_set_int_member (row, "deleted", 0);
  json_object_set_string_member (row, "name", name);
  for (gsize i = 0; i < G_N_ELEMENTS (nullable); i++)
    json_object_set_null_member (row, nullable[i]);
  json_object_set_int_member (row, "vip", 0);
  json_object_set_string_member (row, "notes", "");
  json_object_set_int_member (row, "consent_marketing", 0);
  if (merged_into != NULL)
    json_object_set_string_member (row, "merged_into", merged_into);
  else
    json_object_set_null_member (row, "merged_into");
  json_object_set_int_member (row, "created_ms", 1700000000000);
  change = rg_wire_change_new ("guest", row, &error);
  ck_assert_no_error (error);
  return change;
}

/* ------------------------------------------------------------ description */

static const gchar *
sqlite_type_name (RgWireType type)
{
  return type == RG_WIRE_TEXT ? "TEXT" : type == RG_WIRE_INTEGER ? "INTEGER" : "REAL";
}

START_TEST (test_description_matches_schema)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  sqlite3 *db = rg_db_get_handle (t->db);
  sqlite3_stmt *tables = NULL;
  guint n_tables;
  guint seen = 0;

  rg_wire_get_tables (&n_tables);
  ck_assert_int_eq (sqlite3_prepare_v2 (db,
                    "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' "
                    "AND EXISTS (SELECT 1 FROM pragma_table_info (m.name) WHERE name = 'updated_hlc')",
                    -1, &tables, NULL), SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const gchar *name = (const gchar *) sqlite3_column_text (tables, 0);
      const RgWireTable *table = rg_wire_lookup_table (name);
      sqlite3_stmt *columns = NULL;
      guint n_columns = 0;

      ck_assert_msg (table != NULL, "table %s has sync columns but is not described", name);
      seen++;
      ck_assert_int_eq (sqlite3_prepare_v2 (db,
                        "SELECT name, type, \"notnull\" OR pk FROM pragma_table_info (?)",
                        -1, &columns, NULL), SQLITE_OK);
      sqlite3_bind_text (columns, 1, name, -1, SQLITE_STATIC);
      while (sqlite3_step (columns) == SQLITE_ROW)
        {
          const gchar *column_name = (const gchar *) sqlite3_column_text (columns, 0);
          const RgWireColumn *column = rg_wire_table_lookup_column (table, column_name);

          ck_assert_msg (column != NULL, "%s.%s is not described", name, column_name);
          ck_assert_str_eq ((const gchar *) sqlite3_column_text (columns, 1),
                            sqlite_type_name (column->type));
          ck_assert_msg ((sqlite3_column_int (columns, 2) == 0) == ((column->flags & RG_WIRE_NULLABLE) != 0),
                         "%s.%s: nullability differs", name, column_name);
          n_columns++;
        }
      sqlite3_finalize (columns);
      ck_assert_uint_eq (n_columns, table->n_columns);
    }
  sqlite3_finalize (tables);
  ck_assert_uint_eq (seen, n_tables);
}
END_TEST

START_TEST (test_local_tables_are_not_synced)
{
  ck_assert_ptr_null (rg_wire_lookup_table ("local_guest_stats"));
  ck_assert_ptr_null (rg_wire_lookup_table ("rollup_hour"));
  ck_assert_ptr_null (rg_wire_lookup_table ("setting"));
  ck_assert_ptr_null (rg_wire_lookup_table ("sync_outbox"));
  ck_assert_ptr_null (rg_wire_lookup_table ("guest_name_fts"));
  ck_assert_ptr_nonnull (rg_wire_lookup_table ("guest_allergy"));
}
END_TEST

/* ------------------------------------------------------------- validation */

START_TEST (test_valid_row_is_accepted)
{
  g_autoptr(RgWireChange) change = tag_change (GUEST_2, 42, DEVICE_A, "spicy");

  ck_assert_str_eq (change->table->name, "guest_tag");
  ck_assert_str_eq (change->id, GUEST_2);
  ck_assert_str_eq (change->origin, DEVICE_A);
  ck_assert_int_eq (change->updated_hlc, 42);
  ck_assert (!change->deleted);
}
END_TEST

static void
assert_refused (const gchar *table,
                JsonObject  *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgWireChange) change = rg_wire_change_new (table, row, &error);

  ck_assert_ptr_null (change);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert (strlen (error->message) > 0);
}

START_TEST (test_bad_rows_are_refused)
{
  g_autoptr(JsonObject) unknown_column = tag_row (GUEST_2, 1, DEVICE_A, "x");
  g_autoptr(JsonObject) missing = tag_row (GUEST_2, 1, DEVICE_A, "x");
  g_autoptr(JsonObject) wrong_type = tag_row (GUEST_2, 1, DEVICE_A, "x");
  g_autoptr(JsonObject) null_not_allowed = tag_row (GUEST_2, 1, DEVICE_A, "x");
  g_autoptr(JsonObject) bad_id = tag_row ("guest'; DROP TABLE guest; --", 1, DEVICE_A, "x");
  g_autoptr(JsonObject) bad_origin = tag_row (GUEST_2, 1, "", "x");
  g_autoptr(JsonObject) bad_deleted = tag_row (GUEST_2, 1, DEVICE_A, "x");
  g_autoptr(JsonObject) negative_hlc = tag_row (GUEST_2, -5, DEVICE_A, "x");
  g_autoptr(JsonObject) long_text = NULL;
  g_autofree gchar *huge = g_strnfill (RG_WIRE_MAX_TEXT + 1, 'a');
  g_autoptr(JsonObject) fine = tag_row (GUEST_2, 1, DEVICE_A, "x");

  json_object_set_string_member (unknown_column, "secret", "1");
  assert_refused ("guest_tag", unknown_column);
  json_object_remove_member (missing, "tag");
  assert_refused ("guest_tag", missing);
  json_object_set_int_member (wrong_type, "tag", 7);
  assert_refused ("guest_tag", wrong_type);
  json_object_set_null_member (null_not_allowed, "guest_id");
  assert_refused ("guest_tag", null_not_allowed);
  assert_refused ("guest_tag", bad_id);
  assert_refused ("guest_tag", bad_origin);
  json_object_set_int_member (bad_deleted, "deleted", 2);
  assert_refused ("guest_tag", bad_deleted);
  assert_refused ("guest_tag", negative_hlc);
  long_text = tag_row (GUEST_2, 1, DEVICE_A, huge);
  assert_refused ("guest_tag", long_text);
  assert_refused ("sqlite_master", fine);
  assert_refused ("local_guest_stats", fine);
  assert_refused ("sync_outbox", fine);
}
END_TEST

START_TEST (test_real_accepts_whole_numbers_and_integer_refuses_fractions)
{
  g_autoptr(GError) error = NULL;
  const gchar *good = "{\"changes\":[{\"table\":\"seating_pref\",\"row\":{"
                      "\"id\":\"" GUEST_1 "\",\"updated_hlc\":3,\"origin\":\"" DEVICE_A "\","
                      "\"deleted\":0,\"guest_id\":\"" GUEST_2 "\",\"kind\":\"zone\","
                      "\"value\":\"window\",\"weight\":2,\"note\":null}}]}";
  const gchar *bad = "{\"changes\":[{\"table\":\"seating_pref\",\"row\":{"
                     "\"id\":\"" GUEST_1 "\",\"updated_hlc\":3.5,\"origin\":\"" DEVICE_A "\","
                     "\"deleted\":0,\"guest_id\":\"" GUEST_2 "\",\"kind\":\"zone\","
                     "\"value\":\"window\",\"weight\":2,\"note\":null}}]}";
  g_autoptr(GPtrArray) changes = rg_wire_parse_batch (good, strlen (good), NULL, NULL, &error);
  g_autoptr(GPtrArray) refused = NULL;

  ck_assert_no_error (error);
  ck_assert_uint_eq (changes->len, 1);
  refused = rg_wire_parse_batch (bad, strlen (bad), NULL, NULL, &error);
  ck_assert_ptr_null (refused);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

/* --------------------------------------------------------------- batches */

START_TEST (test_batch_round_trip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_wire_change_free);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *cursor = NULL;
  gboolean more = TRUE;

  g_ptr_array_add (changes, tag_change (GUEST_1, 10, DEVICE_A, "spicy"));
  g_ptr_array_add (changes, tag_change (GUEST_2, 11, DEVICE_B, "素食 \"veg\""));
  text = rg_wire_build_batch (changes);
  parsed = rg_wire_parse_batch (text, strlen (text), &cursor, &more, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (parsed->len, 2);
  ck_assert_ptr_null (cursor);
  ck_assert (!more);
  for (guint i = 0; i < 2; i++)
    {
      RgWireChange *a = g_ptr_array_index (changes, i);
      RgWireChange *b = g_ptr_array_index (parsed, i);

      ck_assert_str_eq (a->id, b->id);
      ck_assert_int_eq (a->updated_hlc, b->updated_hlc);
      ck_assert_str_eq (json_object_get_string_member (rg_wire_change_get_row (a), "tag"),
                        json_object_get_string_member (rg_wire_change_get_row (b), "tag"));
    }
}
END_TEST

/* An order line of GUEST_1's visit, with @note (nullable). */
static JsonObject *
order_line_row (const gchar *note)
{
  JsonObject *row = json_object_new ();
  const gchar *nullable[] = { "seat", "course", "void_reason", "allergen_override", "staff_id" };

  json_object_set_string_member (row, "id", GUEST_2);
  json_object_set_int_member (row, "updated_hlc", 12);
  json_object_set_string_member (row, "origin", DEVICE_A);
  json_object_set_int_member (row, "deleted", 0);
  json_object_set_string_member (row, "visit_id", GUEST_1);
  json_object_set_string_member (row, "item_id", GUEST_1);
  json_object_set_int_member (row, "qty", 2);
  json_object_set_int_member (row, "unit_price", 1200);
  json_object_set_int_member (row, "unit_cost", 400);
  json_object_set_int_member (row, "voided", 0);
  json_object_set_int_member (row, "created_ms", 1700000000000);
  json_object_set_int_member (row, "discount", 0);
  for (gsize i = 0; i < G_N_ELEMENTS (nullable); i++)
    json_object_set_null_member (row, nullable[i]);
  if (note != NULL)
    json_object_set_string_member (row, "note", note);
  else
    json_object_set_null_member (row, "note");
  return row;
}

START_TEST (test_order_line_note_round_trip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_wire_change_free);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(JsonObject) noted = order_line_row ("no onions, \"sauce\" 少辣");
  g_autoptr(JsonObject) bare = order_line_row (NULL);
  g_autoptr(JsonObject) missing = order_line_row (NULL);
  g_autoptr(JsonObject) wrong_type = order_line_row (NULL);
  g_autofree gchar *text = NULL;
  const RgWireValue *value;

  g_ptr_array_add (changes, rg_wire_change_new ("order_line", noted, &error));
  ck_assert_no_error (error);
  g_ptr_array_add (changes, rg_wire_change_new ("order_line", bare, &error));
  ck_assert_no_error (error);
  text = rg_wire_build_batch (changes);
  parsed = rg_wire_parse_batch (text, strlen (text), NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (parsed->len, 2);

  value = rg_wire_change_get_value (g_ptr_array_index (parsed, 0), "note");
  ck_assert_int_eq (value->kind, RG_WIRE_VALUE_TEXT);
  ck_assert_str_eq (value->text, "no onions, \"sauce\" 少辣");
  value = rg_wire_change_get_value (g_ptr_array_index (parsed, 1), "note");
  ck_assert_int_eq (value->kind, RG_WIRE_VALUE_NULL);

  json_object_remove_member (missing, "note");
  assert_refused ("order_line", missing);
  json_object_set_int_member (wrong_type, "note", 3);
  assert_refused ("order_line", wrong_type);
}
END_TEST

START_TEST (test_pull_answer_carries_cursor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("{\"changes\":[");
  g_autoptr(JsonObject) row = tag_row (GUEST_1, 5, DEVICE_A, "wine");
  g_autofree gchar *row_text = rg_wire_row_to_string (row);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree gchar *cursor = NULL;
  gboolean more = FALSE;

  rg_wire_append_change (out, "guest_tag", row_text);
  g_string_append (out, "],\"cursor\":\"17.4\",\"more\":true}");
  parsed = rg_wire_parse_batch (out->str, out->len, &cursor, &more, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (parsed->len, 1);
  ck_assert_str_eq (cursor, "17.4");
  ck_assert (more);
}
END_TEST

static void
assert_batch_refused (const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = rg_wire_parse_batch (text, strlen (text), NULL, NULL, &error);

  ck_assert_ptr_null (parsed);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}

/* A tag row in JSON text, with @tag_json as the tag value (already JSON). */
static gchar *
tag_batch (const gchar *tag_json)
{
  return g_strdup_printf ("{\"changes\":[{\"table\":\"guest_tag\",\"row\":{"
                          "\"id\":\"" GUEST_1 "\",\"updated_hlc\":3,\"origin\":\"" DEVICE_A "\","
                          "\"deleted\":0,\"guest_id\":\"" GUEST_2 "\",\"tag\":%s}}]}", tag_json);
}

static gchar *
read_tag (const gchar *tag_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = tag_batch (tag_json);
  g_autoptr(GPtrArray) parsed = rg_wire_parse_batch (text, strlen (text), NULL, NULL, &error);
  const RgWireValue *value;

  ck_assert_no_error (error);
  ck_assert_uint_eq (parsed->len, 1);
  value = rg_wire_change_get_value (g_ptr_array_index (parsed, 0), "tag");
  ck_assert_int_eq (value->kind, RG_WIRE_VALUE_TEXT);
  return g_strdup (value->text);
}

START_TEST (test_reader_decodes_escapes_and_refuses_what_json_does_not_allow)
{
  /* json-glib writes some control characters as they are: they read back */
  g_autofree gchar *raw_control = read_tag ("\"a\tb\x1f\"");
  g_autofree gchar *escaped = read_tag ("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u4e2d\\ud83c\\udf36\"");
  g_autofree gchar *plain = read_tag ("\"辣 spicy\"");
  g_autofree gchar *one = tag_batch ("\"a\"");
  g_autofree gchar *trailing = g_strconcat (one, " {}", NULL);
  g_autofree gchar *lone_half = tag_batch ("\"\\ud83c\"");
  static const gchar with_nul[] = "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{"
                                  "\"id\":\"" GUEST_1 "\",\"updated_hlc\":3,\"origin\":\"" DEVICE_A "\","
                                  "\"deleted\":0,\"guest_id\":\"" GUEST_2 "\",\"tag\":\"a\0b\"}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autofree gchar *nul = tag_batch ("\"a\\u0000b\"");
  g_autofree gchar *bad_utf8 = tag_batch ("\"\xc3\x28\"");
  g_autofree gchar *boolean = tag_batch ("true");
  g_autofree gchar *number = tag_batch ("12");
  const gchar *twice = "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{"
                       "\"id\":\"" GUEST_1 "\",\"updated_hlc\":3,\"origin\":\"" DEVICE_A "\","
                       "\"deleted\":0,\"guest_id\":\"" GUEST_2 "\",\"tag\":\"a\",\"tag\":\"b\"}}]}";
  const gchar *too_big = "{\"changes\":[{\"table\":\"guest_tag\",\"row\":{"
                         "\"id\":\"" GUEST_1 "\",\"updated_hlc\":99999999999999999999,\"origin\":\"" DEVICE_A "\","
                         "\"deleted\":0,\"guest_id\":\"" GUEST_2 "\",\"tag\":\"a\"}}]}";

  ck_assert_str_eq (escaped, "a\"b\\c/d\n\t\xc3\xa9\xe4\xb8\xad\xf0\x9f\x8c\xb6");
  ck_assert_str_eq (plain, "辣 spicy");
  assert_batch_refused (trailing);
  assert_batch_refused (lone_half);
  ck_assert_str_eq (raw_control, "a\tb\x1f");
  refused = rg_wire_parse_batch (with_nul, sizeof with_nul - 1, NULL, NULL, &error);
  ck_assert_ptr_null (refused);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  assert_batch_refused (nul);
  assert_batch_refused (bad_utf8);
  assert_batch_refused (boolean);
  assert_batch_refused (number);
  assert_batch_refused (twice);
  assert_batch_refused (too_big);
  assert_batch_refused ("{\"changes\":[],}");
  assert_batch_refused ("{\"changes\":[01]}");
  assert_batch_refused ("{\"changes\":[] ");
  assert_batch_refused ("");
}
END_TEST

/* A writer that puts "row" before "table" is read the slow way, the same. */
START_TEST (test_row_before_table_reads_the_same)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) row = tag_row (GUEST_1, 5, DEVICE_A, "wine");
  g_autofree gchar *row_text = rg_wire_row_to_string (row);
  g_autofree gchar *usual = g_strdup_printf ("{\"changes\":[{\"table\":\"guest_tag\",\"row\":%s}]}", row_text);
  g_autofree gchar *swapped = g_strdup_printf ("{\"changes\":[{\"row\":%s,\"table\":\"guest_tag\"}]}", row_text);
  g_autoptr(GPtrArray) a = rg_wire_parse_batch (usual, strlen (usual), NULL, NULL, &error);
  g_autoptr(GPtrArray) b = NULL;
  g_autofree gchar *text_a = NULL;
  g_autofree gchar *text_b = NULL;

  ck_assert_no_error (error);
  b = rg_wire_parse_batch (swapped, strlen (swapped), NULL, NULL, &error);
  ck_assert_no_error (error);
  text_a = rg_wire_row_to_string (rg_wire_change_get_row (g_ptr_array_index (a, 0)));
  text_b = rg_wire_row_to_string (rg_wire_change_get_row (g_ptr_array_index (b, 0)));
  ck_assert_str_eq (text_a, text_b);
  ck_assert_str_eq (text_a, row_text);
}
END_TEST

START_TEST (test_hostile_batches_are_refused)
{
  g_autoptr(GString) deep = g_string_new ("{\"changes\":");
  g_autoptr(GString) many = g_string_new ("{\"changes\":[");
  g_autoptr(JsonObject) row = tag_row (GUEST_1, 5, DEVICE_A, "wine");
  g_autofree gchar *row_text = rg_wire_row_to_string (row);

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_batch_refused (deep->str);
  for (int i = 0; i <= RG_WIRE_MAX_BATCH; i++)
    {
      if (i > 0)
        g_string_append_c (many, ',');
      rg_wire_append_change (many, "guest_tag", row_text);
    }
  g_string_append (many, "]}");
  assert_batch_refused (many->str);

  assert_batch_refused ("");
  assert_batch_refused ("null");
  assert_batch_refused ("[]");
  assert_batch_refused ("{\"changes\":{}}");
  assert_batch_refused ("{\"changes\":[1]}");
  assert_batch_refused ("{\"changes\":[{\"table\":\"guest_tag\"}]}");
  assert_batch_refused ("{\"changes\":[{\"table\":\"guest_tag\",\"row\":[],\"x\":1}]}");
  assert_batch_refused ("{\"changes\":[{\"table\":5,\"row\":{}}]}");
  assert_batch_refused ("{\"changes\":[{\"table\":\"guest_tag\",\"row\":{\"id\":\"");
  assert_batch_refused ("{\"changes\":[{\"table\":\"guest_tag\",\"row\":{\"id\":\"\xff\xfe\"}}]}");
}
END_TEST

START_TEST (test_depth_scan_ignores_brackets_in_strings)
{
  const gchar *text = "{\"a\":\"[[[[[[[[[[[[\\\"[[[[[\"}";

  ck_assert (rg_wire_check_depth (text, strlen (text), 1));
  ck_assert (!rg_wire_check_depth ("[[[]]]", 6, 2));
  ck_assert (rg_wire_check_depth ("[[[]]]", 6, 3));
}
END_TEST

/* -------------------------------------------------------- last-writer-wins */

START_TEST (test_compare_orders_by_clock_then_origin)
{
  ck_assert_int_lt (rg_wire_compare (1, DEVICE_B, 2, DEVICE_A), 0);
  ck_assert_int_gt (rg_wire_compare (3, DEVICE_A, 2, DEVICE_B), 0);
  ck_assert_int_lt (rg_wire_compare (2, DEVICE_A, 2, DEVICE_B), 0);
  ck_assert_int_gt (rg_wire_compare (2, DEVICE_B, 2, DEVICE_A), 0);
  ck_assert_int_eq (rg_wire_compare (2, DEVICE_A, 2, DEVICE_A), 0);
}
END_TEST

START_TEST (test_merge_newer_wins_and_replay_is_a_no_op)
{
  g_autoptr(RgWireChange) old = tag_change (GUEST_1, 10, DEVICE_A, "spicy");
  g_autoptr(RgWireChange) newer = tag_change (GUEST_1, 11, DEVICE_A, "sweet-sour");
  g_autoptr(RgWireChange) same = tag_change (GUEST_1, 10, DEVICE_A, "spicy");
  g_autoptr(JsonObject) result = rg_wire_change_merge (old, newer);
  g_autoptr(JsonObject) stays = rg_wire_change_merge (newer, old);
  g_autoptr(JsonObject) replay = rg_wire_change_merge (old, same);
  g_autoptr(JsonObject) fresh = rg_wire_change_merge (NULL, old);

  ck_assert_str_eq (json_object_get_string_member (result, "tag"), "sweet-sour");
  ck_assert_ptr_null (stays);
  ck_assert_ptr_null (replay);
  ck_assert_str_eq (json_object_get_string_member (fresh, "tag"), "spicy");
}
END_TEST

START_TEST (test_merge_keeps_merged_into_whichever_wins)
{
  g_autoptr(RgWireChange) merged = guest_change (10, DEVICE_A, "Li Wei", GUEST_1);
  g_autoptr(RgWireChange) renamed = guest_change (20, DEVICE_B, "Li Wei (Mr)", NULL);
  g_autoptr(JsonObject) newer_edit = rg_wire_change_merge (merged, renamed);
  g_autoptr(JsonObject) older_merge = rg_wire_change_merge (renamed, merged);

  /* the newer edit wins its columns and the merge stays */
  ck_assert_str_eq (json_object_get_string_member (newer_edit, "name"), "Li Wei (Mr)");
  ck_assert_str_eq (json_object_get_string_member (newer_edit, "merged_into"), GUEST_1);
  ck_assert_int_eq (json_object_get_int_member (newer_edit, "updated_hlc"), 20);
  /* the older merge arriving second still marks the row merged */
  ck_assert_ptr_nonnull (older_merge);
  ck_assert_str_eq (json_object_get_string_member (older_merge, "name"), "Li Wei (Mr)");
  ck_assert_str_eq (json_object_get_string_member (older_merge, "merged_into"), GUEST_1);
  /* neither input was changed */
  ck_assert (json_object_get_null_member (rg_wire_change_get_row (renamed), "merged_into"));
}
END_TEST

static Suite *
wire_suite (void)
{
  Suite *s = suite_create ("wire");
  TCase *tc;

  tc = tcase_create ("description");
  tcase_add_test (tc, test_description_matches_schema);
  tcase_add_test (tc, test_local_tables_are_not_synced);
  suite_add_tcase (s, tc);

  tc = tcase_create ("validation");
  tcase_add_test (tc, test_valid_row_is_accepted);
  tcase_add_test (tc, test_bad_rows_are_refused);
  tcase_add_test (tc, test_real_accepts_whole_numbers_and_integer_refuses_fractions);
  suite_add_tcase (s, tc);

  tc = tcase_create ("batches");
  tcase_add_test (tc, test_batch_round_trip);
  tcase_add_test (tc, test_order_line_note_round_trip);
  tcase_add_test (tc, test_pull_answer_carries_cursor);
  tcase_add_test (tc, test_hostile_batches_are_refused);
  tcase_add_test (tc, test_reader_decodes_escapes_and_refuses_what_json_does_not_allow);
  tcase_add_test (tc, test_row_before_table_reads_the_same);
  tcase_add_test (tc, test_depth_scan_ignores_brackets_in_strings);
  suite_add_tcase (s, tc);

  tc = tcase_create ("last-writer-wins");
  tcase_add_test (tc, test_compare_orders_by_clock_then_origin);
  tcase_add_test (tc, test_merge_newer_wins_and_replay_is_a_no_op);
  tcase_add_test (tc, test_merge_keeps_merged_into_whichever_wins);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (wire_suite ());
}
