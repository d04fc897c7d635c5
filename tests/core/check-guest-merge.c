/* check-guest-merge.c — duplicate candidates and merging two guests with
 * rg-guest-merge.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-card.h"
#include "rg-demo.h"
#include "rg-guest.h"
#include "rg-guest-lookup.h"
#include "rg-guest-merge.h"
#include "rg-rollup.h"

/* A failed merge leaves these as they were: every write to a synced
 * table adds to the outbox. */
#define FINGERPRINT \
  "SELECT (SELECT count(*) FROM sync_outbox) * 1000 + (SELECT count(*) FROM audit_log) * 100 " \
  "     + (SELECT count(*) FROM local_guest_stats) * 10 + (SELECT count(*) FROM local_guest_key)"

static gchar *
query_text (RgDb        *db,
            const gchar *sql,
            const gchar *id)
{
  sqlite3_stmt *stmt = NULL;
  gchar *text;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  text = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* ------------------------------------------------------------- fixture */

/* Two records of one person, K (kept) and O (other), with one row of
 * every kind that a merge moves, clashes included, and X, Y two friends. */
typedef struct
{
  RgTestDb *t;
  gchar    *keep;
  gchar    *other;
  gchar    *x;
  gchar    *y;
  gchar    *keep_card;
  gchar    *other_card;
} Pair;

static void
pair_free (Pair *pair)
{
  rg_test_db_free (pair->t);
  g_free (pair->keep);
  g_free (pair->other);
  g_free (pair->x);
  g_free (pair->y);
  g_free (pair->keep_card);
  g_free (pair->other_card);
  g_free (pair);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pair, pair_free)

static Pair *
pair_new (void)
{
  Pair *pair = g_new0 (Pair, 1);
  RgDb *db;
  const gchar *k, *o;

  pair->t = rg_test_db_new ();
  db = pair->t->db;
  pair->keep_card = rg_card_number_new ();
  pair->other_card = rg_card_number_new ();
  pair->keep = rg_test_add_guest (db, "Li Wei", "13800138000", pair->keep_card);
  pair->other = rg_test_add_guest (db, "Wei Li", "13900139000", pair->other_card);
  pair->x = rg_test_add_guest (db, "Xu", NULL, NULL);
  pair->y = rg_test_add_guest (db, "Yan", NULL, NULL);
  k = pair->keep;
  o = pair->other;

  rg_test_exec_printf (db, "UPDATE guest SET vip = 1, birthday = '1990-01-01', notes = 'allergic to cats' WHERE id = '%s'", o);
  rg_test_exec_printf (db, "INSERT INTO branch (id, name) VALUES ('b1', 'Riverside');"
                           "INSERT INTO staff (id, name, role) VALUES ('s1', 'Mia', 'manager');"
                           "INSERT INTO menu_item (id, name, price) VALUES ('i1', 'Mapo tofu', 3800), ('i2', 'Dumplings', 2200)");

  rg_test_exec_printf (db, "INSERT INTO guest_tag (id, guest_id, tag) VALUES ('t1', '%s', 'spicy'), ('t2', '%s', 'spicy'), "
                           "('t3', '%s', 'wine')", k, o, o);
  rg_test_exec_printf (db, "INSERT INTO guest_allergy (id, guest_id, allergen, severity, note) VALUES "
                           "('a1', '%s', 'peanut', 'mild', NULL), ('a2', '%s', 'peanut', 'anaphylactic', 'epipen'), "
                           "('a3', '%s', 'shellfish', 'severe', NULL)", k, o, o);
  rg_test_exec_printf (db, "INSERT INTO dish_pref (id, guest_id, item_id, pref) VALUES ('d1', '%s', 'i1', 'like'), "
                           "('d2', '%s', 'i1', 'dislike'), ('d3', '%s', 'i2', 'like')", k, o, o);
  rg_test_exec_printf (db, "INSERT INTO seating_pref (id, guest_id, kind, value) VALUES ('sp1', '%s', 'zone', 'window'), "
                           "('sp2', '%s', 'feature', 'quiet')", k, o);
  rg_test_exec_printf (db, "INSERT INTO guest_note (id, guest_id, body, created_ms) VALUES ('n1', '%s', 'Birthday cake in May', 1)", o);
  rg_test_exec_printf (db, "INSERT INTO guest_link (id, guest_id, other_id, kind) VALUES "
                           "('l1', '%s', '%s', 'friend'), ('l2', '%s', '%s', 'friend'), ('l3', '%s', '%s', 'family'), "
                           "('l4', '%s', '%s', 'colleague'), ('l5', '%s', '%s', 'partner')",
                       k, pair->x, o, pair->x, o, pair->y, pair->y, o, k, o);
  rg_test_exec_printf (db, "INSERT INTO visit (id, branch_id, guest_id, seated_ms, status) VALUES "
                           "('v1', 'b1', '%s', 1000, 'closed'), ('v2', 'b1', '%s', 3000, 'closed'), "
                           "('v3', 'b1', '%s', 4000, 'closed'), ('v4', 'b1', '%s', 5000, 'closed'), "
                           "('v5', 'b1', '%s', 6000, 'open')", k, o, pair->x, k, pair->x);
  rg_test_exec_printf (db, "INSERT INTO visit_guest (id, visit_id, guest_id) VALUES ('vg3', 'v3', '%s'), "
                           "('vg4', 'v4', '%s'), ('vg5k', 'v5', '%s'), ('vg5o', 'v5', '%s')", o, o, k, o);
  rg_test_exec_printf (db, "INSERT INTO feedback (id, visit_id, guest_id, aspect, rating, created_ms) "
                           "VALUES ('f1', 'v2', '%s', 'food', 5, 3100)", o);
  /* The figures of those closed visits (no lines: nothing spent); v4 is
   * both K's and O's. */
  rg_test_exec_printf (db, "INSERT INTO local_guest_stats VALUES ('%s', 2, 1000, 5000, 0), ('%s', 3, 3000, 5000, 0)", k, o);
  rg_test_exec_printf (db, "INSERT INTO local_suggestion (id, shown_ms, visit_id, guest_id, item_id, list, rank, score, "
                           "reason, shown) VALUES ('ls1', 3000, 'v2', '%s', 'i2', 'usual', 0, 1.0, 'your usual', 1)", o);
  return pair;
}

/* ---------------------------------------------------------------- merge */

START_TEST (test_merge_moves_every_row)
{
  g_autoptr(Pair) p = pair_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) kept = NULL;
  g_autoptr(RgGuest) via_old = NULL;
  g_autoptr(GListModel) by_card = NULL;
  g_autoptr(GListModel) by_name = NULL;
  g_autofree gchar *severity = NULL;
  g_autofree gchar *note = NULL;
  RgDb *db = p->t->db;
  const gchar *k = p->keep, *o = p->other;
  gint64 outbox = rg_test_query_int (db, "SELECT count(*) FROM sync_outbox");

  ck_assert (rg_guest_merge (db, k, o, "s1", &error));
  ck_assert_no_error (error);

  /* Phones and cards. */
  kept = rg_guest_get (db, k, &error);
  ck_assert_uint_eq (g_strv_length ((GStrv) rg_guest_get_phones (kept)), 2);
  ck_assert_uint_eq (g_strv_length ((GStrv) rg_guest_get_cards (kept)), 2);

  /* Tags: the clash tombstoned on the other side. */
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_tag WHERE guest_id = '%s' AND deleted = 0", k), 2);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM guest_tag WHERE id = 't2'"), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_tag WHERE guest_id = '%s' AND deleted = 0", o), 0);

  /* Allergies: the stricter severity and the note survive. */
  severity = query_text (db, "SELECT severity FROM guest_allergy WHERE id = 'a1' AND guest_id = ?", k);
  note = query_text (db, "SELECT note FROM guest_allergy WHERE id = 'a1' AND guest_id = ?", k);
  ck_assert_str_eq (severity, "anaphylactic");
  ck_assert_str_eq (note, "epipen");
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM guest_allergy WHERE id = 'a2'"), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_allergy WHERE id = 'a3' AND guest_id = '%s'", k), 1);

  /* Dish prefs: the survivor's own like stays. */
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM dish_pref WHERE guest_id = '%s' AND deleted = 0", k), 2);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT pref = 'like' FROM dish_pref WHERE id = 'd1'"), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM dish_pref WHERE id = 'd2'"), 1);

  /* Seating prefs and notes move. */
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM seating_pref WHERE guest_id = '%s'", k), 2);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_note WHERE guest_id = '%s'", k), 1);

  /* Links: the duplicate and the link between the two go, the rest move. */
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM guest_link WHERE id = 'l2'"), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM guest_link WHERE id = 'l5'"), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_link WHERE id = 'l3' AND guest_id = '%s'", k), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_link WHERE id = 'l4' AND other_id = '%s'", k), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_link WHERE deleted = 0 "
                                            "AND '%s' IN (guest_id, other_id)", o), 0);

  /* Visits, parties and feedback. */
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM visit WHERE guest_id = '%s'", k), 3);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM visit_guest WHERE id = 'vg3' AND guest_id = '%s'", k), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM visit_guest WHERE id = 'vg4'"), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM visit_guest WHERE id = 'vg5o'"), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT deleted FROM visit_guest WHERE id = 'vg5k'"), 0);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM feedback WHERE guest_id = '%s'", k), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM local_suggestion WHERE guest_id = '%s'", k), 1);

  /* Nothing live is left on the other record. */
  ck_assert_int_eq (rg_test_query_intf (db,
      "SELECT (SELECT count(*) FROM guest_phone WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM member_card WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM visit WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM visit_guest WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM feedback WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM guest_allergy WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM dish_pref WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM seating_pref WHERE guest_id = '%1$s' AND deleted = 0) "
      "     + (SELECT count(*) FROM guest_note WHERE guest_id = '%1$s' AND deleted = 0)", o), 0);

  /* The survivor's details, figures and the redirect. */
  ck_assert (rg_guest_get_vip (kept));
  ck_assert_str_eq (rg_guest_get_birthday (kept), "1990-01-01");
  ck_assert_str_eq (rg_guest_get_notes (kept), "allergic to cats");
  ck_assert_uint_eq (rg_guest_get_visit_count (kept), 4);
  ck_assert_int_eq (rg_guest_get_first_visit_ms (kept), 1000);
  ck_assert_int_eq (rg_guest_get_last_visit_ms (kept), 5000);
  ck_assert_int_eq (rg_guest_get_total_spend (kept), 0);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM local_guest_stats WHERE guest_id = '%s'", o), 0);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT merged_into = '%s' FROM guest WHERE id = '%s'", k, o), 1);
  via_old = rg_guest_get (db, o, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_guest_get_id (via_old), k);

  /* Lookups: the other's card finds the survivor; the name index lists
   * one guest. */
  by_card = rg_guest_lookup_card (db, p->other_card, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (by_card), 1);
  by_name = rg_guest_lookup_name (db, "wei li", 0, 10, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (by_name), 1);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM local_guest_key WHERE guest_id = '%s'", o), 0);

  /* Audited, and every change on its way to the central store. */
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM audit_log WHERE action = 'guest.merge' "
                                            "AND subject = '%s' AND staff_id = 's1' AND instr (detail, '%s') > 0", k, o), 1);
  ck_assert_int_gt (rg_test_query_int (db, "SELECT count(*) FROM sync_outbox"), outbox + 20);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM visit WHERE id = 'v2' AND origin = "
                                            "(SELECT value FROM setting WHERE key = 'device_id') AND updated_hlc > 0"), 1);
}
END_TEST

/* Merging two guests who were at the same checks (one hosting, one a
 * companion) leaves the survivor's figures as a rebuild from the visits
 * would count them: each such visit once, with the host's credit. */
START_TEST (test_merge_counts_shared_visits_once)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  RgDemoOptions options = { .guests = 300, .days = 60, .branches = 1, .seed = 7, .last_day = "2026-06-30" };
  g_autofree gchar *host = NULL;
  g_autofree gchar *companion = NULL;
  g_autofree gchar *merged = NULL;
  g_autofree gchar *rebuilt = NULL;
  const gchar *pair_sql =
      "SELECT v.guest_id, g.guest_id FROM visit v JOIN visit_guest g ON g.visit_id = v.id "
      "WHERE v.status = 'closed' AND g.deleted = 0 AND v.guest_id IS NOT NULL "
      "GROUP BY v.guest_id, g.guest_id ORDER BY count (*) DESC, 1, 2 LIMIT 1";
  const gchar *stats_sql =
      "SELECT group_concat (guest_id || ':' || visit_count || ':' || first_visit_ms || ':' "
      "  || last_visit_ms || ':' || total_spend, ' ') FROM "
      "(SELECT * FROM local_guest_stats ORDER BY guest_id)";
  sqlite3_stmt *stmt = NULL;

  ck_assert (rg_demo_generate (t->db, &options, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (t->db), pair_sql, -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  host = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  companion = g_strdup ((const gchar *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  ck_assert (rg_guest_merge (t->db, companion, host, NULL, &error));
  ck_assert_no_error (error);
  merged = query_text (t->db, stats_sql, NULL);
  ck_assert (rg_rollup_rebuild (t->db, &error));
  ck_assert_no_error (error);
  rebuilt = query_text (t->db, stats_sql, NULL);
  ck_assert_str_eq (merged, rebuilt);
}
END_TEST

START_TEST (test_merge_refuses_bad_pairs)
{
  g_autoptr(Pair) p = pair_new ();
  g_autoptr(GError) error = NULL;
  RgDb *db = p->t->db;
  g_autofree gchar *gone = rg_test_add_guest (db, "Gone", NULL, NULL);
  g_autofree gchar *dead = rg_test_add_guest (db, "Dead", NULL, NULL);
  gint64 before;

  ck_assert (rg_guest_merge (db, p->x, gone, NULL, &error));
  rg_test_exec_printf (db, "UPDATE guest SET deleted = 1 WHERE id = '%s'", dead);
  before = rg_test_query_int (db, FINGERPRINT);

  ck_assert (!rg_guest_merge (db, p->keep, p->keep, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_guest_merge (db, p->keep, "0190b6a4-0000-7000-8000-000000000000", NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_guest_merge (db, "\xff", p->other, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_guest_merge (db, gone, p->other, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "Xu"));
  g_clear_error (&error);
  ck_assert (!rg_guest_merge (db, p->keep, gone, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_guest_merge (db, p->keep, dead, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A bad staff id fails at the very end: everything is rolled back. */
  ck_assert (!rg_guest_merge (db, p->keep, p->other, "\xff", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);

  ck_assert_int_eq (rg_test_query_int (db, FINGERPRINT), before);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest_tag WHERE guest_id = '%s' AND deleted = 0",
                                        p->other), 2);
  ck_assert_int_eq (rg_test_query_intf (db, "SELECT count(*) FROM guest WHERE merged_into IS NOT NULL"), 1);
}
END_TEST

START_TEST (test_merge_chain_redirects)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *a = rg_test_add_guest (t->db, "Ann", NULL, NULL);
  g_autofree gchar *b = rg_test_add_guest (t->db, "Ann B", NULL, NULL);
  g_autofree gchar *c = rg_test_add_guest (t->db, "Ann C", NULL, NULL);
  g_autoptr(RgGuest) found = NULL;

  ck_assert (rg_guest_merge (t->db, b, a, NULL, &error));
  ck_assert (rg_guest_merge (t->db, c, b, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_intf (t->db, "SELECT count(*) FROM guest WHERE merged_into = '%s'", c), 2);
  found = rg_guest_get (t->db, a, &error);
  ck_assert_str_eq (rg_guest_get_id (found), c);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM local_guest_key"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM audit_log"), 2);
}
END_TEST

/* ----------------------------------------------------------- duplicates */

static GListModel *
find (RgDb        *db,
      const gchar *name,
      const gchar *phone,
      const gchar *card,
      const gchar *exclude_id)
{
  g_autoptr(GError) error = NULL;
  const gchar *phones[] = { phone, NULL };
  GListModel *model = rg_guest_find_duplicates (db, name, phone != NULL ? phones : NULL, card,
                                                exclude_id, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (model);
  return model;
}

static RgGuestDuplicate *
candidate_at (GListModel *model,
              guint       position)
{
  RgGuestDuplicate *candidate = g_list_model_get_item (model, position);

  ck_assert_ptr_nonnull (candidate);
  g_object_unref (candidate);
  return candidate;
}

START_TEST (test_duplicates_by_phone_and_card)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", "13800138000", NULL);
  g_autofree gchar *wang = rg_test_add_guest (t->db, "Wang Fang", NULL, card);
  g_autoptr(GListModel) by_phone = find (t->db, "Somebody", "+86 138-0013-8000", NULL, NULL);
  g_autoptr(GListModel) by_card = find (t->db, NULL, NULL, card, NULL);
  g_autoptr(GListModel) both = find (t->db, NULL, "13800138000", card, NULL);
  g_autoptr(GListModel) self = find (t->db, "Li Wei", "13800138000", NULL, li);

  ck_assert_uint_eq (g_list_model_get_n_items (by_phone), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (by_phone, 0)), li);
  ck_assert_str_eq (rg_guest_duplicate_get_name (candidate_at (by_phone, 0)), "Li Wei");
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (by_phone, 0)), RG_DUPLICATE_SAME_PHONE);
  ck_assert_ptr_nonnull (strstr (rg_guest_duplicate_get_detail (candidate_at (by_phone, 0)), "8000"));

  ck_assert_uint_eq (g_list_model_get_n_items (by_card), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (by_card, 0)), wang);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (by_card, 0)), RG_DUPLICATE_SAME_CARD);
  ck_assert_str_eq (rg_guest_duplicate_get_detail (candidate_at (by_card, 0)), card);

  ck_assert_uint_eq (g_list_model_get_n_items (both), 2);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (both, 0)), RG_DUPLICATE_SAME_PHONE);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (both, 1)), RG_DUPLICATE_SAME_CARD);

  /* The guest being edited is no duplicate of itself. */
  ck_assert_uint_eq (g_list_model_get_n_items (self), 0);
}
END_TEST

START_TEST (test_duplicates_by_name)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", "13800138000", NULL);
  g_autofree gchar *zoe = rg_test_add_guest (t->db, "Zoë Durand", NULL, NULL);
  g_autofree gchar *zoe2 = rg_test_add_guest (t->db, "ZOE DURAND", "13700137000", NULL);
  g_autofree gchar *wang = rg_test_add_guest (t->db, "Wang Fang", "13600138000", NULL);
  g_autoptr(GListModel) similar = find (t->db, "Li Na", "13900138000", NULL, NULL);
  g_autoptr(GListModel) same = find (t->db, "durand zoe", NULL, NULL, NULL);
  g_autoptr(GListModel) partial = find (t->db, "Zoë", NULL, NULL, NULL);
  g_autoptr(GListModel) mixed = find (t->db, "Zoe Durand", "+86 137 0013 7000", NULL, zoe);

  /* A shared word and the same last four digits; Wang shares only the
   * digits. */
  ck_assert_uint_eq (g_list_model_get_n_items (similar), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (similar, 0)), li);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (similar, 0)), RG_DUPLICATE_SIMILAR_NAME);
  ck_assert_str_ne (rg_guest_duplicate_get_guest_id (candidate_at (similar, 0)), wang);

  /* Same folded name, most recent first. */
  ck_assert_uint_eq (g_list_model_get_n_items (same), 2);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (same, 0)), zoe2);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (same, 1)), RG_DUPLICATE_SAME_NAME);
  ck_assert_ptr_null (rg_guest_duplicate_get_detail (candidate_at (same, 1)));
  ck_assert_uint_eq (g_list_model_get_n_items (partial), 0);

  /* One entry per guest, for its strongest reason. */
  ck_assert_uint_eq (g_list_model_get_n_items (mixed), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (mixed, 0)), zoe2);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (mixed, 0)), RG_DUPLICATE_SAME_PHONE);
}
END_TEST

/* A guest whose family name is kept apart, and is also in the name or not. */
static gchar *
add_guest_with_family (RgDb        *db,
                       const gchar *name,
                       const gchar *family_name)
{
  g_autoptr(GError) error = NULL;
  RgGuestFields fields = { .name = name, .family_name = family_name };
  g_autoptr(RgGuest) guest = rg_guest_add (db, &fields, NULL, NULL, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_guest_get_family_name (guest), family_name);
  return g_strdup (rg_guest_get_id (guest));
}

START_TEST (test_duplicates_by_name_with_family_name)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *li = add_guest_with_family (t->db, "Li Wei", "Li");
  g_autofree gchar *chen = add_guest_with_family (t->db, "Mei", "Chen");
  g_autoptr(GListModel) same = find (t->db, "wei LI", NULL, NULL, NULL);
  g_autoptr(GListModel) full = find (t->db, "Chen Mei", NULL, NULL, NULL);
  g_autoptr(GListModel) given = find (t->db, "Mei", NULL, NULL, NULL);
  g_autoptr(GListModel) other = find (t->db, "Li Na", NULL, NULL, NULL);

  /* the family name, in the name too, counts once */
  ck_assert_uint_eq (g_list_model_get_n_items (same), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (same, 0)), li);
  ck_assert_int_eq (rg_guest_duplicate_get_reason (candidate_at (same, 0)), RG_DUPLICATE_SAME_NAME);

  /* kept apart: the name with or without it */
  ck_assert_uint_eq (g_list_model_get_n_items (full), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (full, 0)), chen);
  ck_assert_uint_eq (g_list_model_get_n_items (given), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (given, 0)), chen);

  /* a shared family name alone is not the same name */
  ck_assert_uint_eq (g_list_model_get_n_items (other), 0);
}
END_TEST

START_TEST (test_duplicates_follow_merges)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *keep = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *gone = rg_test_add_guest (t->db, "Li Wei", "13800138000", card);
  g_autoptr(GListModel) found = NULL;

  ck_assert (rg_guest_merge (t->db, keep, gone, NULL, &error));
  found = find (t->db, "Li Wei", "13800138000", card, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (found), 1);
  ck_assert_str_eq (rg_guest_duplicate_get_guest_id (candidate_at (found, 0)), keep);
}
END_TEST

START_TEST (test_duplicates_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  const gchar *bad_phone[] = { "13800138000", "phone", NULL };
  gsize last = strlen (card) - 1;

  ck_assert_ptr_null (rg_guest_find_duplicates (t->db, "Li", bad_phone, NULL, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_find_duplicates (t->db, "Li\xff", NULL, NULL, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  card[last] = card[last] == '9' ? '0' : card[last] + 1;
  ck_assert_ptr_null (rg_guest_find_duplicates (t->db, NULL, NULL, card, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

static Suite *
guest_merge_suite (void)
{
  Suite *s = suite_create ("guest-merge");
  TCase *tc;

  tc = tcase_create ("merge");
  tcase_add_test (tc, test_merge_moves_every_row);
  tcase_add_test (tc, test_merge_counts_shared_visits_once);
  tcase_add_test (tc, test_merge_refuses_bad_pairs);
  tcase_add_test (tc, test_merge_chain_redirects);
  suite_add_tcase (s, tc);

  tc = tcase_create ("duplicates");
  tcase_add_test (tc, test_duplicates_by_phone_and_card);
  tcase_add_test (tc, test_duplicates_by_name);
  tcase_add_test (tc, test_duplicates_by_name_with_family_name);
  tcase_add_test (tc, test_duplicates_follow_merges);
  tcase_add_test (tc, test_duplicates_bad_input);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (guest_merge_suite ());
}
