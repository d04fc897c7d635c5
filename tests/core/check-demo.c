/* check-demo.c — the demo generator: determinism, constraints it promises
 * (allergies, stable tastes, peaks), what it leaves behind, and refusals.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-branch.h"
#include "rg-card.h"
#include "rg-demo.h"
#include "rg-guest-lookup.h"
#include "rg-phone.h"

/* The content of the demo tables, without clocks and origins. */
static const gchar * const content_queries[] = {
  "SELECT id, name, tz FROM branch ORDER BY id",
  "SELECT id, branch_id, name, kind FROM zone ORDER BY id",
  "SELECT id, branch_id, zone_id, name, seats, x, y, shape, features FROM dining_table ORDER BY id",
  "SELECT id, name, category, price, cost, allergens, tags, dayparts FROM menu_item ORDER BY id",
  "SELECT id, name, role FROM staff ORDER BY id",
  "SELECT id, name, family_name, gender, birthday, anniversary, language, vip, notes, "
  "consent_marketing, created_ms FROM guest ORDER BY id",
  "SELECT id, guest_id, e164, digits_rev FROM guest_phone ORDER BY id",
  "SELECT id, guest_id, number, issued_ms FROM member_card ORDER BY id",
  "SELECT id, guest_id, tag FROM guest_tag ORDER BY id",
  "SELECT id, guest_id, allergen, severity FROM guest_allergy ORDER BY id",
  "SELECT id, guest_id, kind, value, weight FROM seating_pref ORDER BY id",
  "SELECT id, guest_id, item_id, pref FROM dish_pref ORDER BY id",
  "SELECT id, guest_id, other_id, kind FROM guest_link ORDER BY id",
  "SELECT id, branch_id, guest_id, table_id, party_size, children, seated_ms, left_ms, server_id, "
  "status, subtotal, tip, payment_method FROM visit ORDER BY id",
  "SELECT id, visit_id, guest_id FROM visit_guest ORDER BY id",
  "SELECT id, visit_id, item_id, qty, unit_price, unit_cost, course, voided, void_reason, "
  "staff_id, created_ms FROM order_line ORDER BY id",
  "SELECT id, visit_id, table_id, item_id, guest_id, aspect, rating, comment, created_ms "
  "FROM feedback ORDER BY id",
};

static gchar *
checksum_content (RgDb *db)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (content_queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), content_queries[q], -1, &stmt, NULL),
                        SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              g_checksum_update (sum, text != NULL ? text : (const guchar *) "∅", -1);
              g_checksum_update (sum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (sum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
generate (RgDb         *db,
          guint         guests,
          guint         days,
          guint         branches,
          guint32       seed,
          RgDemoCounts *counts)
{
  g_autoptr(GError) error = NULL;
  RgDemoOptions options = {
    .guests = guests, .days = days, .branches = branches, .seed = seed, .last_day = "2026-06-30",
  };

  ck_assert (rg_demo_generate (db, &options, counts, &error));
  ck_assert_no_error (error);
}

/* ---------------------------------------------------------- determinism */

START_TEST (test_same_seed_same_content)
{
  g_autoptr(RgTestDb) a = rg_test_db_new ();
  g_autoptr(RgTestDb) b = rg_test_db_new ();
  RgDemoCounts ca, cb;
  g_autofree gchar *sum_a = NULL;
  g_autofree gchar *sum_b = NULL;

  generate (a->db, 400, 45, 2, 7, &ca);
  generate (b->db, 400, 45, 2, 7, &cb);
  ck_assert_int_gt (ca.lines, 0);
  ck_assert (memcmp (&ca, &cb, sizeof ca) == 0);
  sum_a = checksum_content (a->db);
  sum_b = checksum_content (b->db);
  ck_assert_str_eq (sum_a, sum_b);
}
END_TEST

START_TEST (test_other_seed_other_content)
{
  g_autoptr(RgTestDb) a = rg_test_db_new ();
  g_autoptr(RgTestDb) b = rg_test_db_new ();
  RgDemoCounts ca, cb;
  g_autofree gchar *sum_a = NULL;
  g_autofree gchar *sum_b = NULL;

  generate (a->db, 400, 45, 2, 7, &ca);
  generate (b->db, 400, 45, 2, 8, &cb);
  sum_a = checksum_content (a->db);
  sum_b = checksum_content (b->db);
  ck_assert_str_ne (sum_a, sum_b);
  ck_assert (ca.lines != cb.lines || ca.revenue != cb.revenue);
}
END_TEST

/* ---------------------------------------------------------- what it promises */

START_TEST (test_counts_match_the_database)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  RgDemoCounts c;

  generate (t->db, 500, 60, 2, 1, &c);
  /* written with the checks off, consistent all the same; and back on */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "PRAGMA foreign_keys"), 1);
  ck_assert_int_eq (c.branches, rg_test_query_int (t->db, "SELECT count(*) FROM branch"));
  ck_assert_int_eq (c.tables, rg_test_query_int (t->db, "SELECT count(*) FROM dining_table"));
  ck_assert_int_eq (c.menu_items, rg_test_query_int (t->db, "SELECT count(*) FROM menu_item"));
  ck_assert_int_ge (c.menu_items, 55);
  ck_assert_int_eq (c.guests, 500);
  ck_assert_int_eq (c.guests, rg_test_query_int (t->db, "SELECT count(*) FROM guest"));
  ck_assert_int_eq (c.phones, rg_test_query_int (t->db, "SELECT count(*) FROM guest_phone"));
  ck_assert_int_eq (c.cards, rg_test_query_int (t->db, "SELECT count(*) FROM member_card"));
  ck_assert_int_eq (c.visits, rg_test_query_int (t->db, "SELECT count(*) FROM visit"));
  ck_assert_int_eq (c.lines, rg_test_query_int (t->db, "SELECT count(*) FROM order_line"));
  ck_assert_int_eq (c.feedback, rg_test_query_int (t->db, "SELECT count(*) FROM feedback"));
  ck_assert_int_eq (c.revenue, rg_test_query_int (t->db, "SELECT sum(subtotal) FROM visit"));
  /* every subtotal is the sum of its non-voided lines */
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM visit v WHERE subtotal <> (SELECT coalesce (sum (qty * unit_price - discount), 0) "
                    "FROM order_line WHERE visit_id = v.id AND voided = 0)"), 0);
  /* walk-ins, linked guests, several zones */
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT count(*) FROM visit WHERE guest_id IS NULL"), 0);
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT count(*) FROM guest_link"), 0);
  ck_assert_int_ge (rg_test_query_int (t->db, "SELECT count(DISTINCT kind) FROM zone"), 5);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM visit WHERE party_size NOT BETWEEN 1 AND 8 "
                    "OR left_ms - seated_ms NOT BETWEEN 40 * 60000 AND 120 * 60000"), 0);
}
END_TEST

START_TEST (test_rollups_index_and_outbox)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree gchar *name = NULL;
  RgDemoCounts c;
  sqlite3_stmt *stmt = NULL;

  generate (t->db, 300, 30, 1, 2, &c);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox"), 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum(revenue) FROM rollup_hour"), c.revenue);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum(visits) FROM rollup_hour"), c.visits);
  /* a guest's figures count the visits they hosted and those they joined */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum(visit_count) FROM local_guest_stats"),
                    rg_test_query_int (t->db, "SELECT count(*) FROM visit WHERE guest_id IS NOT NULL") +
                    rg_test_query_int (t->db, "SELECT count(*) FROM visit_guest"));

  /* the name index knows the guests */
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (t->db),
                    "SELECT name FROM guest ORDER BY id LIMIT 1", -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  name = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  found = rg_guest_lookup (t->db, name, 0, 50, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (g_list_model_get_n_items (found), 0);
}
END_TEST

START_TEST (test_allergies_are_never_served)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  RgDemoCounts c;

  generate (t->db, 3000, 120, 1, 4, &c);
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT count(*) FROM guest_allergy"), 100);
  /* the allergic guests do come and order */
  ck_assert_int_gt (rg_test_query_int (t->db,
                    "SELECT count(*) FROM order_line l JOIN visit v ON v.id = l.visit_id "
                    "JOIN guest_allergy a ON a.guest_id = v.guest_id"), 100);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM order_line l JOIN visit v ON v.id = l.visit_id "
                    "JOIN menu_item m ON m.id = l.item_id "
                    "JOIN guest_allergy a ON a.guest_id = v.guest_id "
                    "  OR a.guest_id IN (SELECT guest_id FROM visit_guest WHERE visit_id = v.id) "
                    "WHERE ',' || m.allergens || ',' LIKE '%,' || a.allergen || ',%'"), 0);
  /* nor the dishes a guest dislikes */
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM order_line l JOIN visit v ON v.id = l.visit_id "
                    "JOIN dish_pref p ON p.guest_id = v.guest_id AND p.item_id = l.item_id "
                    "WHERE p.pref = 'dislike'"), 0);
}
END_TEST

/* A regular's favourite dish is on far more of their checks than on
 * everyone's: the recommender has something to learn. */
START_TEST (test_tastes_are_stable)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  RgDemoCounts c;
  sqlite3_stmt *stmt = NULL;
  gdouble personal = 0, everyone = 0;
  guint regulars = 0;

  generate (t->db, 2000, 365, 1, 5, &c);
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (t->db),
    "WITH per AS (SELECT v.guest_id AS g, l.item_id AS i, count(DISTINCT v.id) AS n "
    "             FROM visit v JOIN order_line l ON l.visit_id = v.id "
    "             JOIN menu_item m ON m.id = l.item_id "
    "             WHERE v.guest_id IS NOT NULL AND m.category NOT IN ('Drinks', 'Rice and noodles') "
    "             GROUP BY 1, 2), "
    "     top AS (SELECT g, i, max (n) AS n FROM per GROUP BY g), "
    "     tot AS (SELECT guest_id AS g, count(*) AS n FROM visit WHERE guest_id IS NOT NULL "
    "             GROUP BY 1 HAVING count(*) >= 8), "
    "     pop AS (SELECT item_id AS i, count(DISTINCT visit_id) * 1.0 / (SELECT count(*) FROM visit) AS share "
    "             FROM order_line GROUP BY 1) "
    "SELECT top.n * 1.0 / tot.n, pop.share FROM top JOIN tot ON tot.g = top.g JOIN pop ON pop.i = top.i",
    -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      personal += sqlite3_column_double (stmt, 0);
      everyone += sqlite3_column_double (stmt, 1);
      regulars++;
    }
  sqlite3_finalize (stmt);

  ck_assert_uint_ge (regulars, 20);
  personal /= regulars;
  everyone /= regulars;
  ck_assert_msg (personal > 0.4 && personal > 3 * everyone,
                 "a regular's top dish is on %.2f of their checks, %.2f of everyone's", personal, everyone);
}
END_TEST

START_TEST (test_peaks_and_weekends)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  RgDemoCounts c;
  gint64 lunch, dinner, afternoon, saturdays, tuesdays;

  generate (t->db, 2000, 182, 1, 6, &c);
  lunch = rg_test_query_int (t->db, "SELECT sum(visits) FROM rollup_hour WHERE hour = 12");
  dinner = rg_test_query_int (t->db, "SELECT sum(visits) FROM rollup_hour WHERE hour = 19");
  afternoon = rg_test_query_int (t->db, "SELECT coalesce (sum(visits), 0) FROM rollup_hour WHERE hour BETWEEN 15 AND 16");
  ck_assert_int_gt (lunch, 5 * (afternoon + 1));
  ck_assert_int_gt (dinner, 5 * (afternoon + 1));
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT coalesce (sum(visits), 0) FROM rollup_hour WHERE hour < 10 OR hour > 22"), 0);

  saturdays = rg_test_query_int (t->db, "SELECT sum(visits) FROM rollup_hour WHERE strftime ('%w', day) = '6'");
  tuesdays = rg_test_query_int (t->db, "SELECT sum(visits) FROM rollup_hour WHERE strftime ('%w', day) = '2'");
  ck_assert_int_gt (saturdays * 10, tuesdays * 13);
}
END_TEST

START_TEST (test_numbers_are_valid)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  RgDemoCounts c;
  sqlite3_stmt *stmt = NULL;
  guint countries[3] = { 0 };

  generate (t->db, 600, 10, 1, 9, &c);
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (t->db),
                    "SELECT e164, digits_rev FROM guest_phone", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const gchar *e164 = (const gchar *) sqlite3_column_text (stmt, 0);
      g_autoptr(GError) error = NULL;
      g_autofree gchar *again = rg_phone_normalize (e164, "CN", &error);
      g_autofree gchar *reversed = rg_phone_digits_reversed (e164);

      ck_assert_msg (again != NULL, "%s: %s", e164, error != NULL ? error->message : "");
      ck_assert_str_eq (again, e164);
      ck_assert_str_eq (reversed, (const gchar *) sqlite3_column_text (stmt, 1));
      countries[g_str_has_prefix (e164, "+86") ? 0 : g_str_has_prefix (e164, "+1") ? 1 : 2]++;
    }
  sqlite3_finalize (stmt);
  ck_assert_uint_gt (countries[0], 8 * (countries[1] + countries[2]) / 2);
  ck_assert_uint_gt (countries[1], 0);
  ck_assert_uint_gt (countries[2], 0);

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (t->db),
                    "SELECT number FROM member_card", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *card = rg_card_number_parse ((const gchar *) sqlite3_column_text (stmt, 0), &error);

      ck_assert_no_error (error);
      ck_assert_ptr_nonnull (card);
    }
  sqlite3_finalize (stmt);

  /* accented and Chinese names */
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT count(*) FROM guest WHERE name GLOB '*[éëñøüłö]*'"), 0);
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT count(*) FROM guest WHERE name GLOB '[王李张刘陈]*'"), 0);
}
END_TEST

/* ---------------------------------------------------------- the terminal */

START_TEST (test_uses_the_terminal_branch)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgBranch) mine = rg_branch_setup_terminal (t->db, "Harbour", "Europe/London", "GB", NULL);
  g_autoptr(RgBranch) current = NULL;
  RgDemoCounts c;

  ck_assert_ptr_nonnull (mine);
  generate (t->db, 200, 20, 2, 3, &c);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch"), 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch WHERE tz = 'Europe/London'"), 2);
  current = rg_branch_get_current (t->db, NULL);
  ck_assert_str_eq (rg_branch_get_id (current), rg_branch_get_id (mine));
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT count(*) FROM dining_table WHERE branch_id = "
                                              "(SELECT value FROM setting WHERE key = 'branch_id')"), 10);
  /* a British terminal: mostly British numbers */
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT count(*) FROM guest_phone WHERE e164 LIKE '+44%'") * 2,
                    rg_test_query_int (t->db, "SELECT count(*) FROM guest_phone"));
}
END_TEST

START_TEST (test_new_terminal_serves_first_branch)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgBranch) current = NULL;
  RgDemoCounts c;

  generate (t->db, 50, 5, 3, 3, &c);
  current = rg_branch_get_current (t->db, NULL);
  ck_assert_ptr_nonnull (current);
  ck_assert_str_eq (rg_branch_get_tz (current), "Asia/Shanghai");
}
END_TEST

/* ---------------------------------------------------------- refusals */

START_TEST (test_bad_options_change_nothing)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  const RgDemoOptions bad[] = {
    { .guests = 10, .days = 0, .branches = 1 },
    { .guests = 10, .days = RG_DEMO_DAYS_MAX + 1, .branches = 1 },
    { .guests = 10, .days = 5, .branches = 0 },
    { .guests = 10, .days = 5, .branches = RG_DEMO_BRANCHES_MAX + 1 },
    { .guests = RG_DEMO_GUESTS_MAX + 1, .days = 5, .branches = 1 },
    { .guests = 10, .days = 5, .branches = 1, .last_day = "2026-02-30" },
    { .guests = 10, .days = 5, .branches = 1, .last_day = "yesterday" },
    { .guests = 10, .days = 5, .branches = 1, .last_day = "2026-01-01x" },
    { .guests = 10, .days = 5, .branches = 1, .last_day = "2026-\xff-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert (!rg_demo_generate (t->db, &bad[i], NULL, &error));
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
    }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch"), 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM menu_item"), 0);
}
END_TEST

START_TEST (test_refuses_a_database_in_use)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  RgDemoOptions options = { .guests = 20, .days = 5, .branches = 1, .seed = 1, .last_day = "2026-06-30" };
  RgDemoCounts c;
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;

  generate (t->db, 20, 5, 1, 1, &c);
  before = checksum_content (t->db);
  ck_assert (!rg_demo_generate (t->db, &options, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  after = checksum_content (t->db);
  ck_assert_str_eq (before, after);
}
END_TEST

static Suite *
demo_suite (void)
{
  Suite *s = suite_create ("demo");
  TCase *tc;

  tc = tcase_create ("determinism");
  tcase_add_test (tc, test_same_seed_same_content);
  tcase_add_test (tc, test_other_seed_other_content);
  suite_add_tcase (s, tc);

  tc = tcase_create ("content");
  tcase_add_test (tc, test_counts_match_the_database);
  tcase_add_test (tc, test_rollups_index_and_outbox);
  tcase_add_test (tc, test_allergies_are_never_served);
  tcase_add_test (tc, test_tastes_are_stable);
  tcase_add_test (tc, test_peaks_and_weekends);
  tcase_add_test (tc, test_numbers_are_valid);
  suite_add_tcase (s, tc);

  tc = tcase_create ("terminal");
  tcase_add_test (tc, test_uses_the_terminal_branch);
  tcase_add_test (tc, test_new_terminal_serves_first_branch);
  suite_add_tcase (s, tc);

  tc = tcase_create ("refusals");
  tcase_add_test (tc, test_bad_options_change_nothing);
  tcase_add_test (tc, test_refuses_a_database_in_use);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (demo_suite ());
}
