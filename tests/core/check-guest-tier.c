/* check-guest-tier.c — a guest's spend tier: the pyramid's sizes on 100
 * guests whose order is known, ties at a cut, the 365-day window, open
 * and void visits, the daily cut kept until the next day or a burst of
 * new visits, and bad ids.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-branch.h"
#include "rg-guest-tier.h"

#define N_GUESTS 100
#define DAY_MS G_GINT64_CONSTANT (86400000)
/* 2026-06-15 12:00 UTC */
#define JUNE_15 G_GINT64_CONSTANT (1781524800000)

/* --------------------------------------------------------------- helpers */

/* A visit of guest @g at @ms with that subtotal and status. */
static void
add_visit (RgDb        *db,
           gint         g,
           gint64       ms,
           gint64       subtotal,
           const gchar *status)
{
  static guint n = 0;

  n++;
  rg_test_exec_printf (db, "INSERT INTO visit (id, branch_id, guest_id, party_size, seated_ms, status, subtotal) "
                           "VALUES ('v%u', (SELECT id FROM branch LIMIT 1), 'g%03d', 2, %" G_GINT64_FORMAT ", '%s', %"
                           G_GINT64_FORMAT ")", n, g, ms, status, subtotal);
}

static void
add_branch (RgDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgBranch) branch = rg_branch_add (db, "Main", "UTC", &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (branch);
}

/* 100 guests; guest i spent (i + 1) × 100 in one closed visit a month
 * before June 15, so guest 99 is the top one. */
static RgTestDb *
make_guests (void)
{
  RgTestDb *t = rg_test_db_new ();

  add_branch (t->db);
  for (gint i = 0; i < N_GUESTS; i++)
    {
      rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms) VALUES ('g%03d', 'Guest %d', 0)", i, i);
      add_visit (t->db, i, JUNE_15 - 30 * DAY_MS, (i + 1) * 100, "closed");
    }
  return t;
}

static RgGuestTier
tier_of (RgDb   *db,
         gint    g,
         gint64  now_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *id = g_strdup_printf ("g%03d", g);
  RgGuestTier tier = 99;

  ck_assert (rg_guest_tier_get (db, id, now_ms, &tier, &error));
  ck_assert_no_error (error);
  return tier;
}

/* ---------------------------------------------------------------- pyramid */

/* 100 active guests: 1 in the top 1%, 4 next, 15 next, 80 the rest. */
START_TEST (test_pyramid_sizes)
{
  g_autoptr(RgTestDb) t = make_guests ();
  guint sizes[RG_GUEST_TIER_REST + 1] = { 0 };

  for (gint i = 0; i < N_GUESTS; i++)
    sizes[tier_of (t->db, i, JUNE_15)]++;
  ck_assert_uint_eq (sizes[RG_GUEST_TIER_NONE], 0);
  ck_assert_uint_eq (sizes[RG_GUEST_TIER_TOP1], 1);
  ck_assert_uint_eq (sizes[RG_GUEST_TIER_NEXT4], 4);
  ck_assert_uint_eq (sizes[RG_GUEST_TIER_NEXT15], 15);
  ck_assert_uint_eq (sizes[RG_GUEST_TIER_REST], 80);
  ck_assert_int_eq (tier_of (t->db, 99, JUNE_15), RG_GUEST_TIER_TOP1);
  ck_assert_int_eq (tier_of (t->db, 95, JUNE_15), RG_GUEST_TIER_NEXT4);
  ck_assert_int_eq (tier_of (t->db, 94, JUNE_15), RG_GUEST_TIER_NEXT15);
  ck_assert_int_eq (tier_of (t->db, 80, JUNE_15), RG_GUEST_TIER_NEXT15);
  ck_assert_int_eq (tier_of (t->db, 79, JUNE_15), RG_GUEST_TIER_REST);
  ck_assert_int_eq (tier_of (t->db, 0, JUNE_15), RG_GUEST_TIER_REST);
}
END_TEST

/* Spend is summed over the guest's visits; a guest who spent as much as
 * the top guest shares the top tier. */
START_TEST (test_sum_and_ties)
{
  g_autoptr(RgTestDb) t = make_guests ();

  /* guest 0: 100 + 9900 = the top guest's 10000 */
  add_visit (t->db, 0, JUNE_15 - 2 * DAY_MS, 9900, "closed");
  ck_assert_int_eq (tier_of (t->db, 0, JUNE_15), RG_GUEST_TIER_TOP1);
  ck_assert_int_eq (tier_of (t->db, 99, JUNE_15), RG_GUEST_TIER_TOP1);
  ck_assert_int_eq (tier_of (t->db, 98, JUNE_15), RG_GUEST_TIER_NEXT4);
}
END_TEST

/* ----------------------------------------------------------------- window */

/* Only closed visits of the 365 days up to the end of today count: a guest
 * whose visits are older, open or void has no tier, and one alone in the
 * year is the top; a year earlier, a visit after that day does not count. */
START_TEST (test_window_and_status)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  add_branch (t->db);
  for (gint i = 0; i < 4; i++)
    rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms) VALUES ('g%03d', 'Guest %d', 0)", i, i);
  add_visit (t->db, 0, JUNE_15 - 366 * DAY_MS, 90000, "closed");
  add_visit (t->db, 1, JUNE_15, 90000, "open");
  add_visit (t->db, 2, JUNE_15 - 10 * DAY_MS, 90000, "void");
  add_visit (t->db, 3, JUNE_15 - 364 * DAY_MS, 100, "closed");

  ck_assert_int_eq (tier_of (t->db, 0, JUNE_15), RG_GUEST_TIER_NONE);
  ck_assert_int_eq (tier_of (t->db, 1, JUNE_15), RG_GUEST_TIER_NONE);
  ck_assert_int_eq (tier_of (t->db, 2, JUNE_15), RG_GUEST_TIER_NONE);
  ck_assert_int_eq (tier_of (t->db, 3, JUNE_15), RG_GUEST_TIER_TOP1);
  /* A year earlier, guest 0's visit is inside and the biggest. */
  ck_assert_int_eq (tier_of (t->db, 0, JUNE_15 - 300 * DAY_MS), RG_GUEST_TIER_TOP1);
  ck_assert_int_eq (tier_of (t->db, 3, JUNE_15 - 300 * DAY_MS), RG_GUEST_TIER_REST);
}
END_TEST

/* -------------------------------------------------------------- the cut */

/* The cut is made once for the day: big spending later that day moves the
 * guest's own spend but not the cut; the next day it is ranked again. */
START_TEST (test_cut_kept_for_the_day)
{
  g_autoptr(RgTestDb) t = make_guests ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *first = NULL;
  g_autofree gchar *same_day = NULL;
  g_autofree gchar *next_day = NULL;

  ck_assert (rg_guest_tier_refresh (t->db, JUNE_15, &error));
  ck_assert_no_error (error);
  first = rg_db_dup_setting (t->db, "guest_tier_cut");
  ck_assert_ptr_nonnull (first);

  /* Guests 90–98 now spend more than guest 99, a few new visits only. */
  for (gint i = 90; i < 99; i++)
    add_visit (t->db, i, JUNE_15 - DAY_MS, 50000, "closed");
  /* Same day: the cut of the morning holds, so all ten reach the top. */
  for (gint i = 90; i < 100; i++)
    ck_assert_int_eq (tier_of (t->db, i, JUNE_15 + 3600000), RG_GUEST_TIER_TOP1);
  same_day = rg_db_dup_setting (t->db, "guest_tier_cut");
  ck_assert_str_eq (same_day, first);

  /* Next day: guest 99 is no longer the top. */
  ck_assert_int_eq (tier_of (t->db, 99, JUNE_15 + DAY_MS), RG_GUEST_TIER_NEXT15);
  ck_assert_int_eq (tier_of (t->db, 98, JUNE_15 + DAY_MS), RG_GUEST_TIER_TOP1);
  next_day = rg_db_dup_setting (t->db, "guest_tier_cut");
  ck_assert_str_ne (next_day, first);
}
END_TEST

/* Ready only once the day's cut is saved, until the next day or a burst
 * of visits; asking does not make the cut. */
START_TEST (test_cut_ready)
{
  g_autoptr(RgTestDb) t = make_guests ();
  g_autoptr(GError) error = NULL;

  ck_assert (!rg_guest_tier_is_ready (t->db, JUNE_15));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM setting WHERE key = 'guest_tier_cut'"), 0);

  ck_assert (rg_guest_tier_refresh (t->db, JUNE_15, &error));
  ck_assert_no_error (error);
  ck_assert (rg_guest_tier_is_ready (t->db, JUNE_15));
  ck_assert (rg_guest_tier_is_ready (t->db, JUNE_15 + 11 * 3600000));
  ck_assert (!rg_guest_tier_is_ready (t->db, JUNE_15 + DAY_MS));

  /* 100 visits and 10 more: a tenth, still fresh; one more is a burst. */
  for (gint i = 0; i < 10; i++)
    add_visit (t->db, i, JUNE_15 - DAY_MS, 100, "closed");
  ck_assert (rg_guest_tier_is_ready (t->db, JUNE_15));
  add_visit (t->db, 10, JUNE_15 - DAY_MS, 100, "closed");
  ck_assert (!rg_guest_tier_is_ready (t->db, JUNE_15));
}
END_TEST

/* A guest's visits of the year and the day's cut are read from the
 * covering index, not from the visit rows. */
START_TEST (test_reads_the_index_only)
{
  g_autoptr(RgTestDb) t = make_guests ();
  g_autoptr(GError) error = NULL;
  const gchar *reads[] = {
    "EXPLAIN QUERY PLAN SELECT count (*), coalesce (sum (subtotal), 0) FROM visit "
    "WHERE guest_id = 'g001' AND seated_ms >= 0 AND seated_ms < 1 AND status = 'closed' AND deleted = 0",
    "EXPLAIN QUERY PLAN SELECT sum (subtotal) AS spend FROM visit "
    "WHERE guest_id IS NOT NULL AND status = 'closed' AND deleted = 0 "
    "AND seated_ms >= 0 AND seated_ms < 1 GROUP BY guest_id ORDER BY spend DESC",
  };

  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_autoptr(RgStmt) stmt = rg_db_prepare (t->db, reads[i], &error);
      gboolean covered = FALSE;

      ck_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        covered |= strstr ((const gchar *) sqlite3_column_text (stmt, 3), "visit_guest_spend") != NULL;
      ck_assert_msg (covered, "%s does not use visit_guest_spend", reads[i]);
    }
}
END_TEST

/* Visits growing by more than a tenth (an import, the demo) rank again at
 * once; an empty database has a cut nobody reaches. */
START_TEST (test_cut_after_a_burst)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  add_branch (t->db);
  rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms) VALUES ('g000', 'Guest 0', 0)");
  rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms) VALUES ('g001', 'Guest 1', 0)");
  ck_assert_int_eq (tier_of (t->db, 0, JUNE_15), RG_GUEST_TIER_NONE);

  add_visit (t->db, 0, JUNE_15 - DAY_MS, 500, "closed");
  add_visit (t->db, 1, JUNE_15 - DAY_MS, 100, "closed");
  ck_assert_int_eq (tier_of (t->db, 0, JUNE_15), RG_GUEST_TIER_TOP1);
  /* Two guests: the top 1% is one guest, the next tiers round to nobody. */
  ck_assert_int_eq (tier_of (t->db, 1, JUNE_15), RG_GUEST_TIER_REST);
}
END_TEST

/* A page of lookup results at once: the same tiers as one by one, and an
 * unknown id has none. */
START_TEST (test_many_at_once)
{
  g_autoptr(RgTestDb) t = make_guests ();
  g_autoptr(GError) error = NULL;
  const gchar *ids[] = { "g099", "g095", "g094", "g000", "no-such-guest" };
  RgGuestTier tiers[G_N_ELEMENTS (ids)];

  ck_assert (rg_guest_tier_get_many (t->db, ids, G_N_ELEMENTS (ids), JUNE_15, tiers, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (tiers[0], RG_GUEST_TIER_TOP1);
  ck_assert_int_eq (tiers[1], RG_GUEST_TIER_NEXT4);
  ck_assert_int_eq (tiers[2], RG_GUEST_TIER_NEXT15);
  ck_assert_int_eq (tiers[3], RG_GUEST_TIER_REST);
  ck_assert_int_eq (tiers[4], RG_GUEST_TIER_NONE);
  ck_assert (rg_guest_tier_get_many (t->db, NULL, 0, JUNE_15, NULL, &error));
  ck_assert_no_error (error);
}
END_TEST

/* ------------------------------------------------------------- bad input */

START_TEST (test_bad_ids)
{
  g_autoptr(RgTestDb) t = make_guests ();
  g_autoptr(GError) error = NULL;
  RgGuestTier tier = 99;

  ck_assert (!rg_guest_tier_get (t->db, "no-such-guest", JUNE_15, &tier, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_guest_tier_get (t->db, "", JUNE_15, &tier, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_guest_tier_get (t->db, "g\xff", JUNE_15, &tier, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (tier, 99);
  /* Nothing was ranked or saved for the refused ids. */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM setting WHERE key = 'guest_tier_cut'"), 0);
}
END_TEST

/* A merged guest's old id finds the guest it was merged into. */
START_TEST (test_merged_id)
{
  g_autoptr(RgTestDb) t = make_guests ();
  g_autoptr(GError) error = NULL;
  RgGuestTier tier = RG_GUEST_TIER_NONE;

  rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms, merged_into) VALUES ('old', 'Old', 0, 'g099')");
  ck_assert (rg_guest_tier_get (t->db, "old", JUNE_15, &tier, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (tier, RG_GUEST_TIER_TOP1);
}
END_TEST

/* ------------------------------------------------------------------ suite */

static Suite *
guest_tier_suite (void)
{
  Suite *s = suite_create ("guest-tier");
  TCase *tc;

  tc = tcase_create ("pyramid");
  tcase_add_test (tc, test_pyramid_sizes);
  tcase_add_test (tc, test_sum_and_ties);
  tcase_add_test (tc, test_many_at_once);
  suite_add_tcase (s, tc);

  tc = tcase_create ("window");
  tcase_add_test (tc, test_window_and_status);
  suite_add_tcase (s, tc);

  tc = tcase_create ("cut");
  tcase_add_test (tc, test_cut_kept_for_the_day);
  tcase_add_test (tc, test_cut_after_a_burst);
  tcase_add_test (tc, test_cut_ready);
  tcase_add_test (tc, test_reads_the_index_only);
  suite_add_tcase (s, tc);

  tc = tcase_create ("bad-input");
  tcase_add_test (tc, test_bad_ids);
  tcase_add_test (tc, test_merged_id);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (guest_tier_suite ());
}
