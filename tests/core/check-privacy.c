/* check-privacy.c — exporting and erasing a guest, marketing consent and
 * the owner's audit log.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-audit.h"
#include "rg-auth.h"
#include "rg-card-sign.h"
#include "rg-guest.h"
#include "rg-guest-lookup.h"
#include "rg-privacy.h"

#define BRANCH "0192d9b0-0000-7000-8000-000000000001"
#define ITEM   "0192d9b0-0000-7000-8000-000000000002"
#define VISIT  "0192d9b0-0000-7000-8000-000000000003"
#define FRIEND "0192d9b0-0000-7000-8000-000000000004"

typedef struct
{
  RgTestDb *t;
  RgStaff  *owner;
  RgStaff  *waiter;
  gchar    *guest_id;
  gchar    *card;
} Fixture;

static void
fixture_free (Fixture *f)
{
  g_object_unref (f->owner);
  g_object_unref (f->waiter);
  g_free (f->guest_id);
  g_free (f->card);
  rg_test_db_free (f->t);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

/* Zhang Wei with two phones, a card, a fact of every kind, a friend, and a
 * visit with a line and a rating. */
static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  const gchar *phones[] = { "13800138000", "+1 415 555 0100", NULL };
  RgGuestFields fields = {
    .name = "Zhang Wei", .family_name = "Zhang", .title = "Dr", .gender = "male",
    .birthday = "1980-05-17", .anniversary = "--09-01", .language = "zh-CN", .vip = TRUE,
    .notes = "Likes the corner", .consent_marketing = TRUE, .external_ref = "POS-77",
  };
  g_autoptr(RgGuest) guest = NULL;
  g_autofree gchar *payload = NULL;
  g_auto(GStrv) parts = NULL;
  RgDb *db;

  f->t = rg_test_db_new ();
  db = f->t->db;
  f->owner = rg_auth_add_staff (db, NULL, "Mei", RG_ROLE_OWNER, "2468", &error);
  ck_assert_no_error (error);
  f->waiter = rg_auth_add_staff (db, rg_staff_get_id (f->owner), "Li", RG_ROLE_WAITER, "1357", &error);
  ck_assert_no_error (error);
  guest = rg_guest_add (db, &fields, phones, NULL, &error);
  ck_assert_no_error (error);
  f->guest_id = g_strdup (rg_guest_get_id (guest));
  payload = rg_card_sign_issue (db, f->guest_id, FALSE, &error);
  ck_assert_no_error (error);
  parts = g_strsplit (payload, ".", 0);
  f->card = g_strdup (parts[1]);

  rg_test_exec_printf (db, "INSERT INTO branch (id, name) VALUES ('" BRANCH "', 'Main')");
  rg_test_exec_printf (db, "INSERT INTO menu_item (id, name, price) VALUES ('" ITEM "', 'Mapo tofu', 4800)");
  rg_test_exec_printf (db, "INSERT INTO guest (id, name, created_ms) VALUES ('" FRIEND "', 'Wang Fang', 1)");
  rg_test_exec_printf (db, "INSERT INTO guest_tag (id, guest_id, tag) VALUES ('t1', '%s', 'spicy')", f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO guest_allergy (id, guest_id, allergen, note) VALUES ('a1', '%s', 'peanut', 'hives')",
                       f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO seating_pref (id, guest_id, kind, value, note) VALUES ('s1', '%s', 'zone', 'window', 'views')",
                       f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO dish_pref (id, guest_id, item_id, pref, note) VALUES ('d1', '%s', '" ITEM "', 'like', 'extra hot')",
                       f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO guest_note (id, guest_id, body, created_ms) VALUES ('n1', '%s', 'Wife is Lin', 1)",
                       f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO guest_link (id, guest_id, other_id, kind) VALUES ('l1', '" FRIEND "', '%s', 'referred_by')",
                       f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO visit (id, branch_id, guest_id, party_size, seated_ms, status, subtotal) "
                       "VALUES ('" VISIT "', '" BRANCH "', '%s', 2, 1000, 'closed', 9600)", f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, created_ms) "
                       "VALUES ('o1', '" VISIT "', '" ITEM "', 2, 4800, 1000)");
  rg_test_exec_printf (db, "INSERT INTO feedback (id, visit_id, guest_id, aspect, rating, comment, created_ms) "
                       "VALUES ('f1', '" VISIT "', '%s', 'food', 5, 'Zhang loved it', 2000)", f->guest_id);
  ck_assert (rg_audit_log (db, rg_staff_get_id (f->owner), "guest.view", f->guest_id, "looked at Zhang Wei", NULL));
  return f;
}

static const gchar *
owner_id (Fixture *f)
{
  return rg_staff_get_id (f->owner);
}

/* Everything a refused call must leave alone. */
static gint64
fingerprint (RgDb *db)
{
  return rg_test_query_int (db,
      "SELECT (SELECT count(*) FROM sync_outbox) * 1000 + (SELECT count(*) FROM audit_log) "
      "+ (SELECT count(*) FROM guest WHERE deleted = 1) * 100000");
}

static JsonArray *
member_array (JsonObject  *root,
              const gchar *name)
{
  ck_assert_msg (json_object_has_member (root, name), "no '%s'", name);
  return json_object_get_array_member (root, name);
}

/* ---------------------------------------------------------------- export */

START_TEST (test_export_holds_everything)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = rg_privacy_export (f->t->db, owner_id (f), f->guest_id, &error);
  g_autofree gchar *text = NULL;
  JsonObject *root, *guest, *visit;
  JsonArray *visits;

  ck_assert_no_error (error);
  root = json_node_get_object (node);
  ck_assert_str_eq (json_object_get_string_member (root, "format"), "regulars-guest-export/1");
  ck_assert_str_eq (json_object_get_string_member (root, "guest_id"), f->guest_id);

  guest = json_array_get_object_element (member_array (root, "guests"), 0);
  ck_assert_str_eq (json_object_get_string_member (guest, "name"), "Zhang Wei");
  ck_assert_str_eq (json_object_get_string_member (guest, "birthday"), "1980-05-17");
  ck_assert_int_eq (json_object_get_int_member (guest, "consent_marketing"), 1);
  ck_assert_uint_eq (json_array_get_length (member_array (root, "phones")), 2);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (member_array (root, "cards"), 0),
                                                   "number"), f->card);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (member_array (root, "tags"), 0),
                                                   "tag"), "spicy");
  ck_assert_uint_eq (json_array_get_length (member_array (root, "allergies")), 1);
  ck_assert_uint_eq (json_array_get_length (member_array (root, "seating_prefs")), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (member_array (root, "dish_prefs"), 0),
                                                   "item_name"), "Mapo tofu");
  ck_assert_uint_eq (json_array_get_length (member_array (root, "notes")), 1);
  ck_assert_uint_eq (json_array_get_length (member_array (root, "links")), 1);
  ck_assert_uint_ge (json_array_get_length (member_array (root, "audit")), 1);
  member_array (root, "stats");

  visits = member_array (root, "visits");
  ck_assert_uint_eq (json_array_get_length (visits), 1);
  visit = json_array_get_object_element (visits, 0);
  ck_assert_int_eq (json_object_get_int_member (visit, "subtotal"), 9600);
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (visit, "lines")), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (
                    json_object_get_array_member (visit, "feedback"), 0), "comment"), "Zhang loved it");

  /* it serialises, and the export is audited */
  text = json_to_string (node, TRUE);
  ck_assert (strstr (text, "13800138000") != NULL);
  ck_assert_int_eq (rg_test_query_int (f->t->db,
                    "SELECT count(*) FROM audit_log WHERE action = 'guest.export'"), 1);
}
END_TEST

START_TEST (test_export_needs_an_owner)
{
  g_autoptr(Fixture) f = fixture_new ();
  gint64 before = fingerprint (f->t->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree gchar *stranger = g_strdup ("0192d9b0-0000-7000-8000-0000000000ff");

  node = rg_privacy_export (f->t->db, rg_staff_get_id (f->waiter), f->guest_id, &error);
  ck_assert_ptr_null (node);
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  ck_assert_str_eq (error->message, "Waiter Li may not export or erase a guest's data.");
  g_clear_error (&error);
  ck_assert_ptr_null (rg_privacy_export (f->t->db, NULL, f->guest_id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_privacy_export (f->t->db, owner_id (f), stranger, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  ck_assert_int_eq (fingerprint (f->t->db), before);
}
END_TEST

/* ----------------------------------------------------------------- erase */

START_TEST (test_erase_blanks_and_keeps_sales)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  RgDb *db = f->t->db;
  g_autofree gchar *sql = NULL;
  gint64 outbox = rg_test_query_int (db, "SELECT count(*) FROM sync_outbox");
  gint64 hlc_before = rg_test_query_int (db, "SELECT max (updated_hlc) FROM guest");

  ck_assert (rg_privacy_erase (db, owner_id (f), f->guest_id, &error));
  ck_assert_no_error (error);

  sql = g_strdup_printf ("SELECT name = 'Erased guest' AND family_name IS NULL AND title IS NULL "
                         "AND gender IS NULL AND birthday IS NULL AND anniversary IS NULL AND language IS NULL "
                         "AND vip = 0 AND notes = '' AND consent_marketing = 0 AND external_ref IS NULL "
                         "AND deleted = 1 AND updated_hlc > %" G_GINT64_FORMAT " FROM guest WHERE id = '%s'",
                         hlc_before, f->guest_id);
  ck_assert_int_eq (rg_test_query_int (db, sql), 1);

  /* personal rows tombstoned and blanked */
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest_phone WHERE deleted = 0 OR e164 <> ''"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM member_card WHERE deleted = 0 OR revoked_ms IS NULL"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest_tag WHERE deleted = 0 OR tag = 'spicy'"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest_allergy WHERE deleted = 0 OR note IS NOT NULL "
                                       "OR allergen = 'peanut'"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM seating_pref WHERE deleted = 0 OR value <> ''"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM dish_pref WHERE deleted = 0 OR note IS NOT NULL"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest_note WHERE deleted = 0 OR body LIKE '%Lin%'"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest_link WHERE deleted = 0"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM feedback WHERE comment IS NOT NULL"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM audit_log WHERE detail LIKE '%Zhang%'"), 0);

  /* the sales stay, still pointing at the (now empty) guest row */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM visit WHERE guest_id = '%s' AND deleted = 0 AND subtotal = 9600",
                         f->guest_id);
  ck_assert_int_eq (rg_test_query_int (db, sql), 1);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM order_line WHERE deleted = 0"), 1);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM feedback WHERE deleted = 0 AND rating = 5"), 1);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest WHERE id = '" FRIEND "' AND deleted = 0"), 1);

  /* every changed row goes to the central store */
  ck_assert_int_ge (rg_test_query_int (db, "SELECT count(*) FROM sync_outbox") - outbox, 12);
  ck_assert_int_eq (rg_test_query_int (db,
                    "SELECT count(*) FROM sync_outbox o JOIN guest_phone p ON p.id = o.row_id "
                    "WHERE o.tbl = 'guest_phone' AND o.hlc = p.updated_hlc"), 2);

  /* never found again */
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM local_guest_key WHERE guest_id NOT IN ('" FRIEND "')"),
                    0);
  {
    const gchar *queries[] = { "Zhang", "Erased", "13800138000", "8000", "+1 415 555 0100" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GListModel) matches = rg_guest_lookup (db, queries[i], 0, 20, &error);

        ck_assert_no_error (error);
        ck_assert_msg (g_list_model_get_n_items (matches) == 0, "found by '%s'", queries[i]);
      }
    found = rg_guest_lookup (db, f->card, 0, 20, NULL);
    ck_assert (found == NULL || g_list_model_get_n_items (found) == 0);
  }
  ck_assert_ptr_null (rg_guest_get (db, f->guest_id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* audited, and the owner can read it */
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'guest.erase'"), 1);
  {
    g_autoptr(GListModel) audit = rg_privacy_list_audit (db, owner_id (f), f->guest_id, 0, 0, &error);
    g_autoptr(RgAuditEntry) newest = NULL;

    ck_assert_no_error (error);
    newest = g_list_model_get_item (audit, 0);
    ck_assert_str_eq (rg_audit_entry_get_action (newest), "guest.erase");
    ck_assert_str_eq (rg_audit_entry_get_staff_id (newest), owner_id (f));
  }
}
END_TEST

START_TEST (test_erase_refusals_change_nothing)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  RgDb *db = f->t->db;
  gint64 before = fingerprint (db);

  ck_assert (!rg_privacy_erase (db, rg_staff_get_id (f->waiter), f->guest_id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert (!rg_privacy_erase (db, NULL, f->guest_id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert (!rg_privacy_erase (db, owner_id (f), "0192d9b0-0000-7000-8000-0000000000ff", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_privacy_erase (db, owner_id (f), "not an id", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_int_eq (fingerprint (db), before);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest_phone WHERE deleted = 0"), 2);

  /* erased once; the second time the guest is unknown */
  ck_assert (rg_privacy_erase (db, owner_id (f), f->guest_id, &error));
  before = fingerprint (db);
  ck_assert (!rg_privacy_erase (db, owner_id (f), f->guest_id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_privacy_export (db, owner_id (f), f->guest_id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  ck_assert_int_eq (fingerprint (db), before);
}
END_TEST

START_TEST (test_erase_reaches_merged_records_and_cards)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  RgDb *db = f->t->db;
  g_autofree gchar *payload = rg_card_sign_payload (db, f->card, &error);
  g_autofree gchar *holder = NULL;

  /* an older duplicate, merged into the guest, still holds a phone */
  rg_test_exec_printf (db, "INSERT INTO guest (id, name, birthday, merged_into, created_ms) "
                       "VALUES ('0192d9b0-0000-7000-8000-000000000010', 'Wei Zhang', '1980-05-17', '%s', 1)", f->guest_id);
  rg_test_exec_printf (db, "INSERT INTO guest_phone (id, guest_id, e164, digits_rev, deleted) "
                       "VALUES ('p-old', '0192d9b0-0000-7000-8000-000000000010', '+8613900139000', '0009310093168', 1)");

  /* erasing by the old id erases the survivor too */
  ck_assert (rg_privacy_erase (db, owner_id (f), "0192d9b0-0000-7000-8000-000000000010", &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest WHERE name <> 'Erased guest' "
                                       "AND id <> '" FRIEND "'"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest WHERE birthday IS NOT NULL"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest_phone WHERE e164 <> ''"), 0);

  /* the card no longer opens the door */
  holder = rg_card_sign_verify (db, payload, NULL, &error);
  ck_assert_ptr_null (holder);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

/* --------------------------------------------------------------- consent */

START_TEST (test_marketing_filter)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  const gchar *ids[] = { FRIEND, f->guest_id, "0192d9b0-0000-7000-8000-0000000000ff", NULL };
  g_auto(GStrv) kept = rg_privacy_filter_marketing (f->t->db, ids, &error);
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) none = NULL;

  ck_assert_no_error (error);
  ck_assert_uint_eq (g_strv_length (kept), 1);
  ck_assert_str_eq (kept[0], f->guest_id);

  ck_assert (rg_privacy_erase (f->t->db, owner_id (f), f->guest_id, &error));
  after = rg_privacy_filter_marketing (f->t->db, ids, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_strv_length (after), 0);

  none = rg_privacy_filter_marketing (f->t->db, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_strv_length (none), 0);
}
END_TEST

/* A campaign list keeps only who agreed to marketing, in order, with the
 * first phone; it is the owner's, and audited. */
START_TEST (test_segment_export_keeps_consent)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  const gchar *ids[] = { FRIEND, f->guest_id, NULL };
  gint64 audit = rg_test_query_int (f->t->db, "SELECT count(*) FROM audit_log");
  g_autoptr(JsonNode) refused = rg_privacy_export_segment (f->t->db, rg_staff_get_id (f->waiter), "lapsed",
                                                           ids, &error);
  g_autoptr(JsonNode) unnamed = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonArray *rows;
  JsonObject *first;

  ck_assert_ptr_null (refused);
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  unnamed = rg_privacy_export_segment (f->t->db, owner_id (f), "", ids, &error);
  ck_assert_ptr_null (unnamed);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (f->t->db, "SELECT count(*) FROM audit_log"), audit);

  list = rg_privacy_export_segment (f->t->db, owner_id (f), "lapsed", ids, &error);
  ck_assert_no_error (error);
  rows = json_node_get_array (list);
  ck_assert_uint_eq (json_array_get_length (rows), 1);
  first = json_array_get_object_element (rows, 0);
  ck_assert_str_eq (json_object_get_string_member (first, "guest_id"), f->guest_id);
  ck_assert_str_eq (json_object_get_string_member (first, "name"), "Zhang Wei");
  ck_assert_str_eq (json_object_get_string_member (first, "phone"), "+8613800138000");
  ck_assert_int_eq (rg_test_query_int (f->t->db,
                                       "SELECT count(*) FROM audit_log WHERE action = 'segment.export' "
                                       "AND subject = 'lapsed' "
                                       "AND detail = '1 guest kept, 1 left out without marketing consent'"), 1);
}
END_TEST

/* ----------------------------------------------------------------- audit */

START_TEST (test_audit_is_for_the_owner)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(RgStaff) li = NULL;
  gboolean saw_login = FALSE, saw_failure = FALSE;

  li = rg_auth_unlock (f->t->db, rg_staff_get_id (f->waiter), "1357", &error);
  ck_assert_no_error (error);
  ck_assert_ptr_null (rg_auth_unlock (f->t->db, rg_staff_get_id (f->waiter), "0000", &error));
  g_clear_error (&error);

  ck_assert_ptr_null (rg_privacy_list_audit (f->t->db, rg_staff_get_id (f->waiter), NULL, 0, 0, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);

  all = rg_privacy_list_audit (f->t->db, owner_id (f), NULL, 0, 0, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RgAuditEntry) entry = g_list_model_get_item (all, i);

      saw_login |= g_strcmp0 (rg_audit_entry_get_action (entry), "auth.login") == 0;
      saw_failure |= g_strcmp0 (rg_audit_entry_get_action (entry), "auth.login_failed") == 0;
    }
  ck_assert (saw_login);
  ck_assert (saw_failure);
}
END_TEST

static Suite *
privacy_suite (void)
{
  Suite *s = suite_create ("privacy");
  TCase *tc;

  tc = tcase_create ("export");
  tcase_add_test (tc, test_export_holds_everything);
  tcase_add_test (tc, test_export_needs_an_owner);
  suite_add_tcase (s, tc);

  tc = tcase_create ("erase");
  tcase_add_test (tc, test_erase_blanks_and_keeps_sales);
  tcase_add_test (tc, test_erase_refusals_change_nothing);
  tcase_add_test (tc, test_erase_reaches_merged_records_and_cards);
  suite_add_tcase (s, tc);

  tc = tcase_create ("consent");
  tcase_add_test (tc, test_marketing_filter);
  tcase_add_test (tc, test_segment_export_keeps_consent);
  suite_add_tcase (s, tc);

  tc = tcase_create ("audit");
  tcase_add_test (tc, test_audit_is_for_the_owner);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (privacy_suite ());
}
