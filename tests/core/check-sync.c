/* check-sync.c — the terminal's side of sync without a network: reading
 * rows into the wire form, applying pulled rows with last-writer-wins,
 * unique-key collisions, re-pointing rows of merged guests, the clock.
 * (Against a real store: tests/sync.)
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-guest.h"
#include "rg-guest-merge.h"
#include "rg-id.h"
#include "rg-prefs.h"
#include "rg-sync.h"
#include "rg-sync-apply.h"
#include "rg-wire.h"

#define OTHER_DEVICE "0190a1b2-0000-7000-8000-0000000000ff"

static RgWireChange *
read_row (RgDb        *db,
          const gchar *table,
          const gchar *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSyncApply) apply = rg_sync_apply_new (db);
  RgWireChange *change = NULL;

  ck_assert (rg_sync_apply_read_row (apply, rg_wire_lookup_table (table), id, &change, &error));
  ck_assert_no_error (error);
  return change;
}

/* A row as another terminal would send it: @source's row with a new
 * version and the given members changed. */
static RgWireChange *
remote_version (RgWireChange *source,
                gint64        hlc,
                const gchar  *member,
                const gchar  *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) row = json_object_new ();
  JsonObjectIter iter;
  const gchar *name;
  JsonNode *node;
  RgWireChange *change;

  json_object_iter_init (&iter, rg_wire_change_get_row (source));
  while (json_object_iter_next (&iter, &name, &node))
    json_object_set_member (row, name, json_node_copy (node));
  json_object_set_int_member (row, "updated_hlc", hlc);
  json_object_set_string_member (row, "origin", OTHER_DEVICE);
  if (member != NULL)
    json_object_set_string_member (row, member, value);
  change = rg_wire_change_new (source->table->name, row, &error);
  ck_assert_no_error (error);
  return change;
}

static gboolean
apply (RgDb         *db,
       RgWireChange *change,
       guint        *repointed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSyncApply) sync_apply = rg_sync_apply_new (db);
  g_auto(RgSyncTouched) touched = { 0, };
  gboolean applied = FALSE;

  rg_sync_touched_init (&touched);
  rg_db_set_capture_changes (db, FALSE);
  rg_sync_apply_change (sync_apply, change, &touched, &applied, &error);
  ck_assert_no_error (error);
  rg_sync_apply_repoint (sync_apply, &touched, &error);
  ck_assert_no_error (error);
  ck_assert (rg_sync_apply_refresh (sync_apply, &touched, &error));
  ck_assert_no_error (error);
  rg_db_set_capture_changes (db, TRUE);
  if (repointed != NULL)
    *repointed = touched.repointed;
  return applied;
}

/* ---------------------------------------------------------------- reading */

START_TEST (test_read_row_gives_every_column_typed)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Zhou Min", "+8613800001234", NULL);
  g_autoptr(RgWireChange) change = read_row (t->db, "guest", guest);
  g_autoptr(RgWireChange) missing = read_row (t->db, "guest", "0190a1b2-0000-7000-8000-0000000000aa");

  ck_assert_ptr_nonnull (change);
  ck_assert_ptr_null (missing);
  ck_assert_str_eq (change->id, guest);
  ck_assert_str_eq (change->origin, rg_db_get_device_id (t->db));
  ck_assert_int_gt (change->updated_hlc, 0);
  ck_assert_str_eq (json_object_get_string_member (rg_wire_change_get_row (change), "name"), "Zhou Min");
  ck_assert (json_object_get_null_member (rg_wire_change_get_row (change), "merged_into"));
  ck_assert_uint_eq (json_object_get_size (rg_wire_change_get_row (change)), change->table->n_columns);
}
END_TEST

START_TEST (test_pending_counts_the_outbox)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *guest = NULL;

  ck_assert_int_eq (rg_sync_count_pending (t->db), 0);
  guest = rg_test_add_guest (t->db, "Sun Li", "+8613800005678", NULL);
  ck_assert_int_eq (rg_sync_count_pending (t->db),
                    rg_test_query_int (t->db, "SELECT count (*) FROM sync_outbox"));
  ck_assert_int_ge (rg_sync_count_pending (t->db), 2);
  ck_assert (!rg_sync_is_enrolled (t->db));
}
END_TEST

/* ------------------------------------------------------------- applying */

START_TEST (test_newer_remote_row_wins_older_is_ignored_and_not_echoed)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Ma Lin", NULL, NULL);
  g_autoptr(RgWireChange) local = read_row (t->db, "guest", guest);
  g_autoptr(RgWireChange) older = remote_version (local, local->updated_hlc - 1, "name", "Old Name");
  g_autoptr(RgWireChange) newer = remote_version (local, local->updated_hlc + 1, "name", "Ma Lin (Dr)");
  g_autoptr(RgWireChange) result = NULL;
  gint64 pending = rg_sync_count_pending (t->db);

  ck_assert (!apply (t->db, older, NULL));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM guest WHERE name = '%s'", "Ma Lin"), 1);
  ck_assert (apply (t->db, newer, NULL));
  result = read_row (t->db, "guest", guest);
  ck_assert_str_eq (json_object_get_string_member (rg_wire_change_get_row (result), "name"), "Ma Lin (Dr)");
  ck_assert_str_eq (result->origin, OTHER_DEVICE);
  /* the same row again changes nothing; nothing was added to the outbox */
  ck_assert (!apply (t->db, newer, NULL));
  ck_assert_int_eq (rg_sync_count_pending (t->db), pending);
}
END_TEST

START_TEST (test_clock_moves_past_rows_from_a_clock_in_the_future)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Lu Yan", NULL, NULL);
  g_autoptr(RgWireChange) local = read_row (t->db, "guest", guest);
  gint64 future = (rg_now_ms () + 86400000) << 16;
  g_autoptr(RgWireChange) remote = remote_version (local, future, "notes", "from a terminal a day ahead");
  g_autoptr(RgWireChange) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) g = NULL;
  RgGuestFields fields;

  ck_assert (apply (t->db, remote, NULL));
  /* an edit made here afterwards must still win over the remote row */
  g = rg_guest_get (t->db, guest, &error);
  ck_assert_no_error (error);
  rg_guest_fields_init_from (&fields, g);
  fields.notes = "edited here after";
  ck_assert (rg_guest_edit (t->db, guest, &fields, &error));
  ck_assert_no_error (error);
  edited = read_row (t->db, "guest", guest);
  ck_assert_int_gt (rg_wire_compare (edited->updated_hlc, edited->origin, future, OTHER_DEVICE), 0);
}
END_TEST

static void
assert_text (RgDb        *db,
             const gchar *format,
             const gchar *value,
             const gchar *expected)
{
  g_autofree gchar *text = rg_test_query_textf (db, format, value);

  ck_assert_str_eq (text, expected);
}

/* The same number written for another guest on another terminal, @delta
 * clock ticks after (or before) the local row. */
static RgWireChange *
rival_phone (RgWireChange *local,
             const gchar  *guest_id,
             gint64        delta)
{
  g_autoptr(RgWireChange) moved = remote_version (local, local->updated_hlc + delta, "guest_id", guest_id);
  g_autofree gchar *id = rg_id_new ();

  return remote_version (moved, moved->updated_hlc, "id", id);
}

START_TEST (test_phone_given_to_two_guests_keeps_the_newer)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *first = rg_test_add_guest (t->db, "He Jun", "+8613811112222", NULL);
  g_autofree gchar *second = rg_test_add_guest (t->db, "He Jun", NULL, NULL);
  g_autofree gchar *local_id = rg_test_query_textf (t->db, "SELECT id FROM guest_phone WHERE guest_id = '%s'", first);
  g_autoptr(RgWireChange) local = read_row (t->db, "guest_phone", local_id);
  g_autoptr(RgWireChange) newer = rival_phone (local, second, 5);
  g_autofree gchar *sql = NULL;

  rg_db_exec (t->db, "DELETE FROM sync_outbox", NULL);
  ck_assert (apply (t->db, newer, NULL));
  /* the remote row is live, the local one tombstoned as a change to send */
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT deleted FROM guest_phone WHERE id = '%s'", newer->id), 0);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT deleted FROM guest_phone WHERE id = '%s'", local_id), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM sync_outbox WHERE row_id = '%s'", local_id), 1);
  sql = g_strdup_printf ("SELECT guest_id FROM guest_phone WHERE e164 = '%s' AND deleted = 0", "+8613811112222");
  assert_text (t->db, "%s", sql, second);
}
END_TEST

START_TEST (test_phone_from_an_older_rival_arrives_as_a_tombstone)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *first = rg_test_add_guest (t->db, "Xu Ke", "+8613833334444", NULL);
  g_autofree gchar *second = rg_test_add_guest (t->db, "Xu Ke", NULL, NULL);
  g_autofree gchar *local_id = rg_test_query_textf (t->db, "SELECT id FROM guest_phone WHERE guest_id = '%s'", first);
  g_autoptr(RgWireChange) local = read_row (t->db, "guest_phone", local_id);
  g_autoptr(RgWireChange) older = rival_phone (local, second, -5);

  rg_db_exec (t->db, "DELETE FROM sync_outbox", NULL);
  ck_assert (apply (t->db, older, NULL));
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT deleted FROM guest_phone WHERE id = '%s'", local_id), 0);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT deleted FROM guest_phone WHERE id = '%s'", older->id), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM sync_outbox WHERE row_id = '%s'", older->id), 1);
}
END_TEST

/* ---------------------------------------------------------------- merges */

START_TEST (test_remote_merge_moves_local_rows_to_the_survivor)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *keep = rg_test_add_guest (t->db, "Guo Hua", NULL, NULL);
  g_autofree gchar *other = rg_test_add_guest (t->db, "Hua Guo", NULL, NULL);
  g_autofree gchar *allergy = rg_prefs_add_allergy (t->db, other, "sesame", NULL, NULL, &error);
  g_autofree gchar *same = NULL;
  g_autofree gchar *keep_same = NULL;
  g_autoptr(RgWireChange) other_row = read_row (t->db, "guest", other);
  g_autoptr(RgWireChange) merged = remote_version (other_row, other_row->updated_hlc + 1, "merged_into", keep);
  guint repointed = 0;

  ck_assert_no_error (error);
  keep_same = rg_prefs_add_allergy (t->db, keep, "peanut", NULL, NULL, &error);
  ck_assert_no_error (error);
  same = rg_prefs_add_allergy (t->db, other, "peanut", NULL, NULL, &error);
  ck_assert_no_error (error);
  rg_db_exec (t->db, "DELETE FROM sync_outbox", NULL);

  ck_assert (apply (t->db, merged, &repointed));
  ck_assert_uint_eq (repointed, 2);
  /* sesame moved to the survivor; the survivor's own peanut stays and the
   * duplicate is tombstoned; both are changes to send */
  assert_text (t->db, "SELECT guest_id FROM guest_allergy WHERE id = '%s'", allergy, keep);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT deleted FROM guest_allergy WHERE id = '%s'", same), 1);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT deleted FROM guest_allergy WHERE id = '%s'", keep_same), 0);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM sync_outbox WHERE tbl = '%s'", "guest_allergy"), 2);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM guest_allergy WHERE guest_id = '%s' AND deleted = 0", keep), 2);
}
END_TEST

START_TEST (test_row_arriving_for_a_merged_guest_is_moved)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *keep = rg_test_add_guest (t->db, "Tang Yi", NULL, NULL);
  g_autofree gchar *other = rg_test_add_guest (t->db, "Yi Tang", NULL, NULL);
  g_autofree gchar *note = rg_prefs_add_note (t->db, other, NULL, "likes the quiet room", &error);
  g_autoptr(RgWireChange) local_note = NULL;
  g_autoptr(RgWireChange) remote_note = NULL;
  g_autofree gchar *remote_id = rg_id_new ();
  guint repointed = 0;

  ck_assert_no_error (error);
  local_note = read_row (t->db, "guest_note", note);
  ck_assert (rg_guest_merge (t->db, keep, other, NULL, &error));
  ck_assert_no_error (error);

  /* a note another terminal wrote for the old record, offline */
  remote_note = remote_version (local_note, local_note->updated_hlc + 1, "id", remote_id);
  ck_assert (apply (t->db, remote_note, &repointed));
  ck_assert_uint_eq (repointed, 1);
  assert_text (t->db, "SELECT guest_id FROM guest_note WHERE id = '%s'", remote_id, keep);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count (*) FROM guest_note WHERE guest_id = '%s' AND deleted = 0", keep), 2);
}
END_TEST

static Suite *
sync_suite (void)
{
  Suite *s = suite_create ("sync");
  TCase *tc;

  tc = tcase_create ("reading");
  tcase_add_test (tc, test_read_row_gives_every_column_typed);
  tcase_add_test (tc, test_pending_counts_the_outbox);
  suite_add_tcase (s, tc);

  tc = tcase_create ("applying");
  tcase_add_test (tc, test_newer_remote_row_wins_older_is_ignored_and_not_echoed);
  tcase_add_test (tc, test_clock_moves_past_rows_from_a_clock_in_the_future);
  suite_add_tcase (s, tc);

  tc = tcase_create ("collisions");
  tcase_add_test (tc, test_phone_given_to_two_guests_keeps_the_newer);
  tcase_add_test (tc, test_phone_from_an_older_rival_arrives_as_a_tombstone);
  suite_add_tcase (s, tc);

  tc = tcase_create ("merges");
  tcase_add_test (tc, test_remote_merge_moves_local_rows_to_the_survivor);
  tcase_add_test (tc, test_row_arriving_for_a_merged_guest_is_moved);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (sync_suite ());
}
