/* check-sync-branches.c — two branches offline, then in sync: different
 * facets of one guest, and a merge at one branch while the other edits the
 * merged-away record.  Against the real store (rg-sync-harness).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-sync-harness.h"
#include "rg-test-util.h"

#include "rg-branch.h"
#include "rg-guest.h"
#include "rg-guest-merge.h"
#include "rg-id.h"
#include "rg-menu.h"
#include "rg-prefs.h"
#include "rg-visit.h"

/* One terminal: its database, its client and its branch. */
typedef struct
{
  RgTestDb *t;
  RgSync   *sync;
  gchar    *branch_id;
} Terminal;

static Terminal *
terminal_new (RgSyncHarness *h,
              const gchar   *branch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) b = NULL;
  Terminal *term = g_new0 (Terminal, 1);

  term->t = rg_test_db_new ();
  term->sync = rg_sync_harness_enrol (h, term->t->db);
  b = rg_branch_add (term->t->db, branch, "Asia/Shanghai", &error);
  ck_assert_no_error (error);
  term->branch_id = g_strdup (rg_branch_get_id (b));
  return term;
}

static void
terminal_free (Terminal *term)
{
  rg_sync_free (term->sync);
  rg_test_db_free (term->t);
  g_free (term->branch_id);
  g_free (term);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Terminal, terminal_free)

static void
sync_once (Terminal *term)
{
  g_autoptr(GError) error = NULL;
  RgSyncStats stats;

  rg_sync_run_once (term->sync, &stats, &error);
  ck_assert_no_error (error);
}

static gchar *
add_dish (RgDb        *db,
          const gchar *name,
          gint64       price)
{
  g_autoptr(GError) error = NULL;
  RgMenuItemSpec spec = { .name = name, .category = "Mains", .price = price, .cost = price / 3 };
  g_autofree gchar *manager_id = rg_test_dup_staff_id (db, RG_ROLE_MANAGER);
  g_autoptr(RgMenuItem) item = rg_menu_add (db, manager_id, &spec, &error);

  ck_assert_no_error (error);
  return g_strdup (rg_menu_item_get_id (item));
}

/* Seats @guest_id at the terminal's branch, orders, closes the check. */
static void
record_visit (Terminal    *term,
              const gchar *guest_id,
              const gchar *item_id,
              gint         qty)
{
  g_autoptr(GError) error = NULL;
  RgSeating seating = { .branch_id = term->branch_id, .guest_id = guest_id, .party_size = 2,
                        .seated_ms = rg_now_ms () - 3600 * 1000 };
  g_autoptr(RgVisit) visit = rg_visit_seat (term->t->db, &seating, &error);
  g_autoptr(RgOrderLine) line = NULL;

  ck_assert_no_error (error);
  line = rg_visit_add_line (term->t->db, rg_visit_get_id (visit), item_id, qty, 0, 0, NULL, TRUE, &error);
  ck_assert_no_error (error);
  rg_visit_close (term->t->db, rg_visit_get_id (visit), 0, RG_PAYMENT_CARD, rg_now_ms (), &error);
  ck_assert_no_error (error);
}

static guint
count_facts (RgDb        *db,
             const gchar *guest_id,
             RgFactKind   kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) facts = rg_prefs_list (db, guest_id, kind, &error);

  ck_assert_no_error (error);
  return g_list_model_get_n_items (facts);
}

static guint
count_visits (RgDb        *db,
              const gchar *guest_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) visits = rg_visit_list_for_guest (db, guest_id, 0, 100, &error);

  ck_assert_no_error (error);
  return g_list_model_get_n_items (visits);
}

static void
assert_same_everywhere (RgSyncHarness *h,
                        Terminal      *a,
                        Terminal      *b)
{
  g_autofree gchar *full_a = rg_sync_harness_terminal_digest (a->t->db, TRUE);
  g_autofree gchar *full_b = rg_sync_harness_terminal_digest (b->t->db, TRUE);
  g_autofree gchar *keys_a = rg_sync_harness_terminal_digest (a->t->db, FALSE);
  g_autofree gchar *store = rg_sync_harness_store_digest (h);

  ck_assert_str_eq (full_a, full_b);
  ck_assert_str_eq (keys_a, store);
  ck_assert_int_eq (rg_sync_count_pending (a->t->db), 0);
  ck_assert_int_eq (rg_sync_count_pending (b->t->db), 0);
}

/* ---------------------------------------------------------------- facets */

START_TEST (test_offline_edits_of_different_facets_all_survive)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(Terminal) a = terminal_new (h, "Riverside");
  g_autoptr(Terminal) b = terminal_new (h, "Harbour");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest = rg_test_add_guest (a->t->db, "Li Wei", "+8613800138000", NULL);
  g_autofree gchar *dish = add_dish (a->t->db, "Mapo tofu", 4800);
  g_autofree gchar *phone = NULL;
  g_autofree gchar *allergy = NULL;
  g_autofree gchar *note = NULL;

  /* both terminals know the guest and the menu */
  sync_once (a);
  sync_once (b);
  ck_assert_int_eq (rg_test_query_int (b->t->db, "SELECT count (*) FROM guest"), 1);

  /* offline: a phone and a visit at A; an allergy, a note and a visit at B */
  phone = rg_guest_add_phone (a->t->db, guest, "+86 139 0000 1111", "work", &error);
  ck_assert_no_error (error);
  record_visit (a, guest, dish, 2);
  allergy = rg_prefs_add_allergy (b->t->db, guest, "peanut", "anaphylactic", NULL, &error);
  ck_assert_no_error (error);
  note = rg_prefs_add_note (b->t->db, guest, NULL, "Prefers the corner by the window", &error);
  ck_assert_no_error (error);
  record_visit (b, guest, dish, 1);

  sync_once (a);
  sync_once (b);
  sync_once (a);

  for (Terminal *term = a; term != NULL; term = term == a ? b : NULL)
    {
      g_autoptr(RgGuest) g = rg_guest_get (term->t->db, guest, &error);

      ck_assert_no_error (error);
      ck_assert_uint_eq (g_strv_length ((gchar **) rg_guest_get_phones (g)), 2);
      ck_assert_uint_eq (count_facts (term->t->db, guest, RG_FACT_ALLERGY), 1);
      ck_assert_uint_eq (count_facts (term->t->db, guest, RG_FACT_NOTE), 1);
      ck_assert_uint_eq (count_visits (term->t->db, guest), 2);
      ck_assert_uint_eq (rg_guest_get_visit_count (g), 2);
      ck_assert_int_eq (rg_guest_get_total_spend (g), 3 * 4800);
    }
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row WHERE tbl = 'visit'"), 2);
  ck_assert_int_eq (rg_sync_harness_query_int (h, "SELECT count (*) FROM sync_row WHERE tbl = 'guest_phone'"), 2);
  assert_same_everywhere (h, a, b);
}
END_TEST

/* ----------------------------------------------------------------- merge */

START_TEST (test_merge_at_one_branch_while_the_other_edits_the_merged_record)
{
  g_autoptr(RgSyncHarness) h = rg_sync_harness_new ();
  g_autoptr(Terminal) a = terminal_new (h, "Riverside");
  g_autoptr(Terminal) b = terminal_new (h, "Harbour");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *keep = rg_test_add_guest (a->t->db, "Wang Fang", "+8613911112222", NULL);
  g_autofree gchar *other = rg_test_add_guest (a->t->db, "Fang Wang", "+8613933334444", NULL);
  g_autofree gchar *dish = add_dish (a->t->db, "Kung pao chicken", 5200);
  g_autofree gchar *allergy = NULL;
  g_autoptr(RgGuest) survivor_a = NULL;
  g_autoptr(RgGuest) survivor_b = NULL;

  sync_once (a);
  sync_once (b);

  /* A merges; B, offline, still sees two guests and edits the other one */
  rg_guest_merge (a->t->db, keep, other, NULL, &error);
  ck_assert_no_error (error);
  record_visit (b, other, dish, 1);
  allergy = rg_prefs_add_allergy (b->t->db, other, "shellfish", "severe", "no shrimp paste", &error);
  ck_assert_no_error (error);

  sync_once (b);
  sync_once (a);
  sync_once (b);
  sync_once (a);

  survivor_a = rg_guest_get (a->t->db, other, &error);
  ck_assert_no_error (error);
  survivor_b = rg_guest_get (b->t->db, other, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_guest_get_id (survivor_a), keep);
  ck_assert_str_eq (rg_guest_get_id (survivor_b), keep);
  for (Terminal *term = a; term != NULL; term = term == a ? b : NULL)
    {
      g_autoptr(RgGuest) g = rg_guest_get (term->t->db, keep, &error);

      ck_assert_no_error (error);
      ck_assert_uint_eq (g_strv_length ((gchar **) rg_guest_get_phones (g)), 2);
      ck_assert_uint_eq (count_facts (term->t->db, keep, RG_FACT_ALLERGY), 1);
      ck_assert_uint_eq (count_visits (term->t->db, keep), 1);
      ck_assert_uint_eq (rg_guest_get_visit_count (g), 1);
      /* nothing live still points at the merged-away record */
      ck_assert_int_eq (rg_test_query_int (term->t->db,
                        "SELECT count (*) FROM guest_allergy a JOIN guest g ON g.id = a.guest_id "
                        "WHERE g.merged_into IS NOT NULL AND a.deleted = 0"), 0);
      ck_assert_int_eq (rg_test_query_int (term->t->db,
                        "SELECT count (*) FROM guest WHERE merged_into IS NULL AND deleted = 0"), 1);
    }
  assert_same_everywhere (h, a, b);
}
END_TEST

static Suite *
branches_suite (void)
{
  Suite *s = suite_create ("sync-branches");
  TCase *tc;

  tc = tcase_create ("facets");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_offline_edits_of_different_facets_all_survive);
  suite_add_tcase (s, tc);

  tc = tcase_create ("merge");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_merge_at_one_branch_while_the_other_edits_the_merged_record);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (branches_suite ());
}
