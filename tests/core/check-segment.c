/* check-segment.c — guest segments: tier sizes and RFM rules, the tier
 * pyramid and tier moves on guests whose order is known, by spend and by
 * profit, lapsed regulars, inactive and never-came counts, coming
 * birthdays and anniversaries across the new year.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-branch.h"
#include "rg-report.h"
#include "rg-rollup.h"
#include "rg-segment.h"

#define N_GUESTS 100
#define DAY_MS G_GINT64_CONSTANT (86400000)
/* 2026-06-15 12:00 UTC, and the same day of May */
#define JUNE_15 G_GINT64_CONSTANT (1781524800000)
#define MAY_15 (JUNE_15 - 31 * DAY_MS)
/* The end of 2026-06-30, UTC */
#define END_OF_JUNE G_GINT64_CONSTANT (1782864000000)

/* --------------------------------------------------------------- helpers */

/* A closed visit of guest @g (or a walk-in for -1) at @ms, one line. */
static void
add_visit (RgDb   *db,
           gint    g,
           gint64  ms,
           gint64  price,
           gint64  cost)
{
  static guint n = 0;
  g_autofree gchar *guest = g >= 0 ? g_strdup_printf ("'g%03d'", g) : g_strdup ("NULL");

  n++;
  rg_test_exec_printf (db, "INSERT INTO visit (id, branch_id, guest_id, party_size, seated_ms, left_ms, status) "
                           "VALUES ('v%u', (SELECT id FROM branch), %s, 2, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'closed')",
                       n, guest, ms, ms + 3600000);
  rg_test_exec_printf (db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, unit_cost, created_ms) "
                           "VALUES ('l%u', 'v%u', 'dish', 1, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                       n, n, price, cost, ms);
}

/* 100 guests: in June guest i spends (i + 1) × 100 at a cost of
 * (i % 2) × (i + 1) × 90, in May (100 - i) × 100; a branch in UTC. */
static RgTestDb *
make_guests (void)
{
  g_autoptr(GError) error = NULL;
  RgTestDb *t = rg_test_db_new ();
  g_autoptr(RgBranch) branch = rg_branch_add (t->db, "Main", "UTC", &error);

  ck_assert_no_error (error);
  rg_test_exec_printf (t->db, "DELETE FROM branch WHERE id <> '%s'", rg_branch_get_id (branch));
  rg_test_exec_printf (t->db, "INSERT INTO menu_item (id, name, price) VALUES ('dish', 'Dish', 100)");
  for (gint i = 0; i < N_GUESTS; i++)
    {
      rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms) VALUES ('g%03d', 'Guest %d', 0)", i, i);
      add_visit (t->db, i, JUNE_15, (i + 1) * 100, (i % 2) * (i + 1) * 90);
      add_visit (t->db, i, MAY_15, (N_GUESTS - i) * 100, 0);
    }
  add_visit (t->db, -1, JUNE_15, 5000, 0);
  ck_assert (rg_rollup_rebuild (t->db, &error));
  ck_assert_no_error (error);
  return t;
}

static RgReport *
run (RgDb                *db,
     RgReportKind         kind,
     const RgReportQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *owner_id = rg_test_dup_staff_id (db, RG_ROLE_OWNER);
  RgReportQuery as_owner = *query;
  RgReport *report;

  as_owner.staff_id = owner_id;
  report = rg_report_run (db, kind, &as_owner, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (report);
  return report;
}

static RgReportRow *
find_row (RgReport    *report,
          const gchar *section,
          const gchar *key)
{
  GListModel *rows = rg_report_get_section (report, section);

  ck_assert_ptr_nonnull (rows);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      RgReportRow *row = g_list_model_get_item (rows, i);

      if (strcmp (rg_report_row_get_key (row), key) == 0)
        return row;
      g_object_unref (row);
    }
  ck_abort_msg ("%s has no row %s", section, key);
  return NULL;
}

static gdouble
value_of (RgReport    *report,
          const gchar *section,
          const gchar *key,
          RgMeasure    measure)
{
  g_autoptr(RgReportRow) row = find_row (report, section, key);

  return rg_report_row_get_value (row, measure);
}

/* ------------------------------------------------------------- the rules */

START_TEST (test_tier_sizes)
{
  static const struct { guint n; guint sizes[RG_TIER_N]; } cases[] = {
    { 100, { 1, 4, 15, 80 } },
    { 1000, { 10, 40, 150, 800 } },
    { 1, { 1, 0, 0, 0 } },
    { 7, { 1, 0, 1, 5 } },
    { 30, { 1, 1, 4, 24 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint sizes[RG_TIER_N] = { 0 };
      guint last = 1;

      for (guint rank = 0; rank < cases[c].n; rank++)
        {
          guint tier = rg_segment_tier_of_rank (rank, cases[c].n);

          ck_assert_uint_ge (tier, last);
          last = tier;
          sizes[tier - 1]++;
        }
      for (guint t = 0; t < RG_TIER_N; t++)
        ck_assert_msg (sizes[t] == cases[c].sizes[t], "%u guests, tier %u: %u", cases[c].n, t + 1, sizes[t]);
    }
  ck_assert_str_eq (rg_segment_tier_to_string (1), "top1");
  ck_assert_str_eq (rg_segment_tier_to_string (4), "rest80");
}
END_TEST

START_TEST (test_rfm_rules)
{
  ck_assert_int_eq (rg_rfm_segment_classify (5, 5, 5, 20), RG_RFM_CHAMPIONS);
  ck_assert_int_eq (rg_rfm_segment_classify (4, 4, 4, 6), RG_RFM_CHAMPIONS);
  ck_assert_int_eq (rg_rfm_segment_classify (3, 5, 2, 9), RG_RFM_LOYAL);
  ck_assert_int_eq (rg_rfm_segment_classify (5, 1, 3, 1), RG_RFM_NEW);
  ck_assert_int_eq (rg_rfm_segment_classify (5, 2, 3, 2), RG_RFM_PROMISING);
  ck_assert_int_eq (rg_rfm_segment_classify (3, 1, 1, 1), RG_RFM_PROMISING);
  ck_assert_int_eq (rg_rfm_segment_classify (1, 5, 5, 12), RG_RFM_AT_RISK);
  ck_assert_int_eq (rg_rfm_segment_classify (2, 1, 3, 1), RG_RFM_AT_RISK);
  ck_assert_int_eq (rg_rfm_segment_classify (1, 1, 1, 1), RG_RFM_HIBERNATING);
  ck_assert_str_eq (rg_rfm_segment_to_string (RG_RFM_AT_RISK), "at_risk");
  ck_assert_str_eq (rg_rfm_segment_to_string (RG_RFM_CHAMPIONS), "champions");
}
END_TEST

/* ------------------------------------------------------------ the reports */

START_TEST (test_pyramid_by_spend)
{
  g_autoptr(RgTestDb) t = make_guests ();
  RgReportQuery query = { .from = "2026-06-01", .to = "2026-06-30" };
  g_autoptr(RgReport) r = run (t->db, RG_REPORT_TIERS, &query);
  g_autoptr(RgReportRow) first = NULL;

  /* June: guest 99 spent 10000, 95–98 the next 4, 80–94 the next 15. */
  ck_assert_double_eq (value_of (r, "tiers", "top1", RG_MEASURE_GUESTS), 1);
  ck_assert_double_eq (value_of (r, "tiers", "top1", RG_MEASURE_REVENUE), 10000);
  ck_assert_double_eq (value_of (r, "tiers", "next4", RG_MEASURE_REVENUE), (96 + 97 + 98 + 99) * 100);
  ck_assert_double_eq (value_of (r, "tiers", "next4", RG_MEASURE_MIN_VALUE), 9600);
  ck_assert_double_eq (value_of (r, "tiers", "next15", RG_MEASURE_GUESTS), 15);
  ck_assert_double_eq (value_of (r, "tiers", "rest80", RG_MEASURE_GUESTS), 80);
  ck_assert_double_eq (value_of (r, "tiers", "rest80", RG_MEASURE_MIN_VALUE), 100);
  ck_assert_double_eq_tol (value_of (r, "tiers", "top1", RG_MEASURE_SHARE_PCT), 10000 * 100.0 / 505000, 1e-9);
  /* May (the month before) had the same guests in the opposite order. */
  first = find_row (r, "tiers", "top1");
  ck_assert_double_eq (rg_report_row_get_previous (first, RG_MEASURE_REVENUE), 10000);

  /* Guests 0–19 were in the top tiers in May and are in the bottom now;
   * 80–99 the other way round; 20–79 stayed in the bottom tier. */
  ck_assert_double_eq (value_of (r, "moves", "up", RG_MEASURE_GUESTS), 20);
  ck_assert_double_eq (value_of (r, "moves", "down", RG_MEASURE_GUESTS), 20);
  ck_assert_double_eq (value_of (r, "moves", "same", RG_MEASURE_GUESTS), 60);
  ck_assert_double_eq (value_of (r, "moves", "joined", RG_MEASURE_GUESTS), 0);

  ck_assert_uint_eq (g_list_model_get_n_items (rg_report_get_section (r, "top")), 20);
  {
    g_autoptr(RgReportRow) top = g_list_model_get_item (rg_report_get_section (r, "top"), 0);

    ck_assert_str_eq (rg_report_row_get_key (top), "g099");
    ck_assert_str_eq (rg_report_row_get_label (top), "Guest 99");
    ck_assert_double_eq (rg_report_row_get_value (top, RG_MEASURE_TIER), 1);
    ck_assert_double_eq (rg_report_row_get_previous (top, RG_MEASURE_TIER), 4);
    ck_assert_double_eq (rg_report_row_get_value (top, RG_MEASURE_DAYS), 15);
  }
}
END_TEST

START_TEST (test_pyramid_by_profit)
{
  g_autoptr(RgTestDb) t = make_guests ();
  RgReportQuery query = { .from = "2026-06-01", .to = "2026-06-30", .by_profit = TRUE };
  g_autoptr(RgReport) r = run (t->db, RG_REPORT_TIERS, &query);

  /* Odd guests keep a tenth of their spend: the best profit is guest 98's
   * 9900, then 96's 9700, 94, 92 and 90; guest 99 makes 1000. */
  {
    g_autoptr(RgReportRow) top = g_list_model_get_item (rg_report_get_section (r, "top"), 0);

    ck_assert_str_eq (rg_report_row_get_key (top), "g098");
  }
  ck_assert_double_eq (value_of (r, "tiers", "top1", RG_MEASURE_MARGIN), 9900);
  ck_assert_double_eq (value_of (r, "tiers", "next4", RG_MEASURE_MARGIN), 9700 + 9500 + 9300 + 9100);
  ck_assert_double_eq (value_of (r, "tiers", "next4", RG_MEASURE_MIN_VALUE), 9100);
}
END_TEST

START_TEST (test_guest_lists)
{
  g_autoptr(RgTestDb) t = make_guests ();
  RgReportQuery query = { .from = "2026-06-01", .to = "2026-06-30" };
  g_autoptr(RgReport) r = NULL;
  GListModel *lapsed;

  /* A regular of five visits last seen 100 days before the end of June, one
   * of three visits, and one of five last seen 400 days before. */
  rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms) VALUES ('reg', 'Regular', 0), "
                              "('few', 'Few', 0), ('old', 'Old', 0), ('new', 'Enrolled in June', %" G_GINT64_FORMAT "), "
                              "('may', 'Enrolled in May', %" G_GINT64_FORMAT ")", JUNE_15, MAY_15);
  for (gint i = 0; i < 5; i++)
    {
      add_visit (t->db, -1, END_OF_JUNE - (100 + i) * DAY_MS, 100, 0);
      rg_test_exec_printf (t->db, "UPDATE visit SET guest_id = 'reg' WHERE rowid = (SELECT max (rowid) FROM visit)");
      add_visit (t->db, -1, END_OF_JUNE - (400 + i) * DAY_MS, 100, 0);
      rg_test_exec_printf (t->db, "UPDATE visit SET guest_id = 'old' WHERE rowid = (SELECT max (rowid) FROM visit)");
      if (i < 3)
        {
          add_visit (t->db, -1, END_OF_JUNE - (100 + i) * DAY_MS, 100, 0);
          rg_test_exec_printf (t->db, "UPDATE visit SET guest_id = 'few' WHERE rowid = (SELECT max (rowid) FROM visit)");
        }
    }
  ck_assert (rg_rollup_rebuild (t->db, NULL));
  r = run (t->db, RG_REPORT_TIERS, &query);

  lapsed = rg_report_get_section (r, "lapsed");
  ck_assert_uint_eq (g_list_model_get_n_items (lapsed), 1);
  {
    g_autoptr(RgReportRow) row = g_list_model_get_item (lapsed, 0);

    ck_assert_str_eq (rg_report_row_get_key (row), "reg");
    ck_assert_str_eq (rg_report_row_get_label (row), "Regular");
    ck_assert_double_eq (rg_report_row_get_value (row, RG_MEASURE_VISITS), 5);
    ck_assert_double_eq (rg_report_row_get_value (row, RG_MEASURE_DAYS), 100);
  }
  ck_assert_double_eq (value_of (r, "counts", "lapsed", RG_MEASURE_GUESTS), 1);
  /* Inactive after 90 days: reg, few and old. */
  ck_assert_double_eq (value_of (r, "counts", "inactive", RG_MEASURE_GUESTS), 3);
  ck_assert_double_eq (value_of (r, "counts", "never_came", RG_MEASURE_GUESTS), 1);
  ck_assert_double_eq (value_of (r, "counts", "active", RG_MEASURE_GUESTS), N_GUESTS);

  /* Fewer visits make a regular: now "few" counts too, and after 30 days
   * more of the 100 are inactive. */
  query.lapsed_visits = 3;
  query.inactive_days = 10;
  g_clear_object (&r);
  r = run (t->db, RG_REPORT_TIERS, &query);
  ck_assert_double_eq (value_of (r, "counts", "lapsed", RG_MEASURE_GUESTS), 2);
  ck_assert_double_eq (value_of (r, "counts", "inactive", RG_MEASURE_GUESTS), N_GUESTS + 3);
}
END_TEST

/* Inactive guests and lapsed regulars counted from whole days of
 * rollup_guest_last and the index for the day a count ends in: last
 * visits one millisecond either side of the bounds, none known, and more
 * visits than the rollup tells apart. */
START_TEST (test_counts_at_day_edges)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgBranch) branch = rg_branch_add (t->db, "Main", "UTC", &error);
  RgReportQuery query = { .from = "2026-06-01", .to = "2026-06-30" };
  const gint64 cutoff = END_OF_JUNE - 90 * DAY_MS;
  static const struct { guint lapsed_visits, lapsed_days; gdouble lapsed; } cases[] = {
    { 0, 0, 4 },      /* 4 visits, 60 days: a, b, c and e */
    { 16, 0, 2 },     /* c and e, counted as 16 */
    { 17, 0, 2 },     /* more than the rollup tells apart: c and e */
    { 18, 0, 1 },     /* c */
    { 0, 90, 3 },     /* b's last visit is the bound itself */
    { 0, 400, 0 },    /* longer ago than a year: none */
  };

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (branch);
  rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms) VALUES ('a', 'A', 0), ('b', 'B', 0), ('c', 'C', 0), "
                              "('d', 'D', 0), ('e', 'E', 0), ('f', 'F', 0)");
  rg_test_exec_printf (t->db, "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms, total_spend) "
                              "VALUES ('a', 5, 0, %" G_GINT64_FORMAT ", 10), ('b', 5, 0, %" G_GINT64_FORMAT ", 20), "
                              "('c', 20, 0, %" G_GINT64_FORMAT ", 30), ('d', 1, NULL, NULL, 40), "
                              "('e', 17, 0, %" G_GINT64_FORMAT ", 50), ('f', 2, 0, %" G_GINT64_FORMAT ", 60)",
                       cutoff - 1, cutoff, cutoff - 3 * DAY_MS, END_OF_JUNE - 100 * DAY_MS, END_OF_JUNE - 10 * DAY_MS);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RgReport) r = NULL;

      query.lapsed_visits = cases[i].lapsed_visits;
      query.lapsed_days = cases[i].lapsed_days;
      r = run (t->db, RG_REPORT_TIERS, &query);
      /* a, c, d (no visit known) and e */
      ck_assert_double_eq (value_of (r, "counts", "inactive", RG_MEASURE_GUESTS), 4);
      ck_assert_msg (value_of (r, "counts", "lapsed", RG_MEASURE_GUESTS) == cases[i].lapsed,
                     "case %" G_GSIZE_FORMAT ": %g lapsed", i, value_of (r, "counts", "lapsed", RG_MEASURE_GUESTS));
      ck_assert_uint_eq (g_list_model_get_n_items (rg_report_get_section (r, "lapsed")), (guint) cases[i].lapsed);
    }

  /* A guest's last visit moving back across the bound. */
  rg_test_exec_printf (t->db, "UPDATE local_guest_stats SET last_visit_ms = %" G_GINT64_FORMAT " WHERE guest_id = 'b'", cutoff - 1);
  query.lapsed_visits = 0;
  query.lapsed_days = 0;
  {
    g_autoptr(RgReport) r = run (t->db, RG_REPORT_TIERS, &query);

    ck_assert_double_eq (value_of (r, "counts", "inactive", RG_MEASURE_GUESTS), 5);
  }
}
END_TEST

/* An instant near @base: often a millisecond either side of a UTC day's
 * start, else anywhere within @spread days. */
static gint64
random_instant (GRand  *rand,
                gint64  base,
                gint    spread)
{
  gint64 day = base / DAY_MS + g_rand_int_range (rand, -spread, spread + 1);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return day * DAY_MS - 1;
    case 1:
      return day * DAY_MS;
    default:
      return day * DAY_MS + g_rand_int_range (rand, 0, (gint32) DAY_MS);
    }
}

/* Guests enrolled in a period who never came (before its end), counted
 * from whole days of rollup_guest_enrol and the indexes for the first and
 * last days, against a direct count: enrolments and first visits a
 * millisecond either side of day starts, guests deleted and merged, first
 * visits changed and figures removed after the fact. */
START_TEST (test_never_came_at_day_edges)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgBranch) branch = rg_branch_add (t->db, "Main", "Asia/Shanghai", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  static const gchar * const ranges[][2] = {
    { "2026-06-01", "2026-06-30" }, { "2026-06-15", "2026-06-15" }, { "2026-06-14", "2026-06-15" },
    { "2026-06-13", "2026-06-15" }, { "2026-05-20", "2026-07-10" }, { "2026-01-01", "2026-12-31" },
  };

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (branch);
  for (gint i = 0; i < 3000; i++)
    {
      gint64 created = random_instant (rand, JUNE_15, 30);

      rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, created_ms, deleted) VALUES ('n%04d', 'N', %" G_GINT64_FORMAT
                                  ", %d)", i, created, g_rand_int_range (rand, 0, 20) == 0);
      if (g_rand_boolean (rand))
        rg_test_exec_printf (t->db, "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms) "
                                    "VALUES ('n%04d', 1, %" G_GINT64_FORMAT ", 0)",
                             i, random_instant (rand, created + 3 * DAY_MS, 4));
    }
  rg_test_exec (t->db, "UPDATE guest SET merged_into = 'n0000' WHERE id IN ('n0001', 'n0002', 'n0003')");
  rg_test_exec (t->db, "UPDATE guest SET deleted = 0 WHERE id IN (SELECT id FROM guest WHERE deleted = 1 LIMIT 3)");
  rg_test_exec (t->db, "UPDATE guest SET created_ms = created_ms + 86400000 WHERE id BETWEEN 'n0010' AND 'n0019'");
  rg_test_exec (t->db, "UPDATE local_guest_stats SET first_visit_ms = first_visit_ms - 86400000 "
                       "WHERE guest_id BETWEEN 'n0020' AND 'n0039'");
  rg_test_exec (t->db, "DELETE FROM local_guest_stats WHERE guest_id BETWEEN 'n0040' AND 'n0059'");
  rg_test_exec (t->db, "DELETE FROM guest WHERE id BETWEEN 'n0060' AND 'n0069' "
                       "AND id NOT IN (SELECT guest_id FROM local_guest_stats)");

  for (gsize i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      RgReportQuery query = { .from = ranges[i][0], .to = ranges[i][1] };
      g_autoptr(RgReport) r = run (t->db, RG_REPORT_TIERS, &query);
      g_autoptr(GDateTime) from = g_date_time_new_utc (atoi (ranges[i][0]), atoi (ranges[i][0] + 5),
                                                       atoi (ranges[i][0] + 8), 0, 0, 0);
      g_autoptr(GDateTime) to = g_date_time_new_utc (atoi (ranges[i][1]), atoi (ranges[i][1] + 5),
                                                     atoi (ranges[i][1] + 8), 0, 0, 0);
      gint64 from_ms = g_date_time_to_unix (from) * 1000, end_ms = g_date_time_to_unix (to) * 1000 + DAY_MS;
      gint64 direct = rg_test_query_intf (t->db,
          "SELECT count (*) FROM guest g WHERE g.deleted = 0 AND g.merged_into IS NULL "
          "AND g.created_ms >= %" G_GINT64_FORMAT " AND g.created_ms < %" G_GINT64_FORMAT " AND NOT EXISTS "
          "(SELECT 1 FROM local_guest_stats s WHERE s.guest_id = g.id AND s.first_visit_ms < %" G_GINT64_FORMAT ")",
          from_ms, end_ms, end_ms);

      ck_assert_int_gt (direct, 0);
      ck_assert_msg (value_of (r, "counts", "never_came", RG_MEASURE_GUESTS) == (gdouble) direct,
                     "%s to %s: %g never came, directly %" G_GINT64_FORMAT, ranges[i][0], ranges[i][1],
                     value_of (r, "counts", "never_came", RG_MEASURE_GUESTS), direct);
    }
}
END_TEST

START_TEST (test_coming_dates)
{
  g_autoptr(RgTestDb) t = make_guests ();
  RgReportQuery query = { .from = "2026-12-01", .to = "2026-12-25" };
  g_autoptr(RgReport) r = NULL;
  GListModel *dates;

  rg_test_exec_printf (t->db, "UPDATE guest SET birthday = '1980-12-25' WHERE id = 'g001'");
  rg_test_exec_printf (t->db, "UPDATE guest SET birthday = '--01-07' WHERE id = 'g002'");
  rg_test_exec_printf (t->db, "UPDATE guest SET anniversary = '2010-12-31' WHERE id = 'g003'");
  rg_test_exec_printf (t->db, "UPDATE guest SET birthday = '1990-01-08' WHERE id = 'g004'");   /* 14 days: too far */
  rg_test_exec_printf (t->db, "UPDATE guest SET birthday = '1990-12-24' WHERE id = 'g005'");   /* yesterday */
  rg_test_exec_printf (t->db, "UPDATE guest SET birthday = '1990-12-26', deleted = 1 WHERE id = 'g006'");
  /* Only guests who have come are greeted. */
  rg_test_exec_printf (t->db, "INSERT INTO guest (id, name, birthday, created_ms) VALUES ('nv', 'Never', '--12-27', 0)");
  r = run (t->db, RG_REPORT_TIERS, &query);

  dates = rg_report_get_section (r, "dates");
  ck_assert_uint_eq (g_list_model_get_n_items (dates), 3);
  {
    g_autoptr(RgReportRow) a = g_list_model_get_item (dates, 0);
    g_autoptr(RgReportRow) b = g_list_model_get_item (dates, 1);
    g_autoptr(RgReportRow) c = g_list_model_get_item (dates, 2);

    ck_assert_str_eq (rg_report_row_get_key (a), "g001");
    ck_assert_str_eq (rg_report_row_get_group (a), "birthday");
    ck_assert_double_eq (rg_report_row_get_value (a, RG_MEASURE_DAYS), 0);
    ck_assert_str_eq (rg_report_row_get_key (b), "g003");
    ck_assert_str_eq (rg_report_row_get_group (b), "anniversary");
    ck_assert_double_eq (rg_report_row_get_value (b, RG_MEASURE_DAYS), 6);
    ck_assert_str_eq (rg_report_row_get_key (c), "g002");
    ck_assert_double_eq (rg_report_row_get_value (c, RG_MEASURE_DAYS), 13);
    ck_assert_double_eq (rg_report_row_get_value (c, RG_MEASURE_VISITS), 2);
  }
}
END_TEST

/* 5000 guests who came, guest i having spent (i + 1) × 10; five of them
 * (i % 1000 == 7) have a birthday in the coming days.  The report walks
 * the biggest spenders first and reads the date index when they have too
 * few dates: both give the biggest spenders, soonest first. */
START_TEST (test_coming_dates_of_many_guests)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  RgReportQuery query = { .from = "2026-12-01", .to = "2026-12-20" };
  g_autoptr(RgReport) all = NULL;
  g_autoptr(RgReport) two = NULL;
  static const gchar * const soonest_first[5] = { "m0007", "m2007", "m4007", "m1007", "m3007" };
  GListModel *dates;

  rg_test_exec_printf (t->db, "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999) "
                              "INSERT INTO guest (id, name, birthday, created_ms) SELECT printf ('m%%04d', i), 'Guest', "
                              "CASE WHEN i %% 1000 = 7 THEN printf ('--12-%%02d', 20 + (i / 1000 * 3) %% 5) END, 0 FROM n");
  rg_test_exec_printf (t->db, "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms, total_spend) "
                              "SELECT id, 1, 0, 0, (CAST (substr (id, 2) AS INTEGER) + 1) * 10 FROM guest");

  all = run (t->db, RG_REPORT_TIERS, &query);
  dates = rg_report_get_section (all, "dates");
  ck_assert_uint_eq (g_list_model_get_n_items (dates), 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (dates, i);

      ck_assert_str_eq (rg_report_row_get_key (row), soonest_first[i]);
      ck_assert_double_eq (rg_report_row_get_value (row, RG_MEASURE_REVENUE),
                           (g_ascii_strtod (soonest_first[i] + 1, NULL) + 1) * 10);
    }

  /* The two biggest spenders with a date: m4007 (in 2 days) and m3007
   * (in 4 days). */
  query.limit = 2;
  two = run (t->db, RG_REPORT_TIERS, &query);
  dates = rg_report_get_section (two, "dates");
  ck_assert_uint_eq (g_list_model_get_n_items (dates), 2);
  {
    g_autoptr(RgReportRow) a = g_list_model_get_item (dates, 0);
    g_autoptr(RgReportRow) b = g_list_model_get_item (dates, 1);

    ck_assert_str_eq (rg_report_row_get_key (a), "m4007");
    ck_assert_double_eq (rg_report_row_get_value (a, RG_MEASURE_DAYS), 2);
    ck_assert_str_eq (rg_report_row_get_key (b), "m3007");
    ck_assert_double_eq (rg_report_row_get_value (b, RG_MEASURE_DAYS), 4);
  }
}
END_TEST

START_TEST (test_rfm_segments)
{
  g_autoptr(RgTestDb) t = make_guests ();
  RgReportQuery query = { .from = "2026-06-01", .to = "2026-06-30" };
  g_autoptr(RgReport) r = NULL;
  GListModel *segments;
  gdouble guests = 0;

  /* Guest 7 also came ten times in June: the most frequent, most recent
   * and (with 100 each) not the biggest spender. */
  for (gint i = 0; i < 10; i++)
    add_visit (t->db, 7, JUNE_15 + (i + 1) * DAY_MS, 1000, 0);
  ck_assert (rg_rollup_rebuild (t->db, NULL));
  r = run (t->db, RG_REPORT_RFM, &query);

  segments = rg_report_get_section (r, "segments");
  ck_assert_uint_eq (g_list_model_get_n_items (segments), RG_RFM_N_SEGMENTS);
  for (guint i = 0; i < RG_RFM_N_SEGMENTS; i++)
    {
      g_autoptr(RgReportRow) row = g_list_model_get_item (segments, i);

      ck_assert_str_eq (rg_report_row_get_key (row), rg_rfm_segment_to_string (i));
      guests += rg_report_row_get_value (row, RG_MEASURE_GUESTS);
    }
  ck_assert_double_eq (guests, N_GUESTS);
  {
    g_autoptr(RgReportRow) seven = find_row (r, "guests", "g007");

    ck_assert_double_eq (rg_report_row_get_value (seven, RG_MEASURE_R), 5);
    ck_assert_double_eq (rg_report_row_get_value (seven, RG_MEASURE_F), 5);
    ck_assert_double_eq (rg_report_row_get_value (seven, RG_MEASURE_VISITS), 12);
    ck_assert_double_eq (rg_report_row_get_value (seven, RG_MEASURE_REVENUE), 800 + 9300 + 10000);
    ck_assert_str_eq (rg_report_row_get_group (seven), "champions");
  }
  /* Visits: the May visits were each guest's first, June's returning, and
   * one walk-in. */
  ck_assert_double_eq (value_of (r, "visits", "returning", RG_MEASURE_VISITS), N_GUESTS + 10);
  ck_assert_double_eq (value_of (r, "visits", "walkin", RG_MEASURE_VISITS), 1);
  ck_assert_double_eq (value_of (r, "visits", "new", RG_MEASURE_VISITS), 0);
  {
    g_autoptr(RgReportRow) row = find_row (r, "visits", "new");

    ck_assert_double_eq (rg_report_row_get_previous (row, RG_MEASURE_VISITS), N_GUESTS);
  }
}
END_TEST

static Suite *
segment_suite (void)
{
  Suite *s = suite_create ("segment");
  TCase *tc;

  tc = tcase_create ("rules");
  tcase_add_test (tc, test_tier_sizes);
  tcase_add_test (tc, test_rfm_rules);
  suite_add_tcase (s, tc);

  tc = tcase_create ("tiers");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_pyramid_by_spend);
  tcase_add_test (tc, test_pyramid_by_profit);
  tcase_add_test (tc, test_guest_lists);
  tcase_add_test (tc, test_counts_at_day_edges);
  tcase_add_test (tc, test_never_came_at_day_edges);
  tcase_add_test (tc, test_coming_dates);
  tcase_add_test (tc, test_coming_dates_of_many_guests);
  suite_add_tcase (s, tc);

  tc = tcase_create ("rfm");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_rfm_segments);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return rg_test_run (segment_suite ());
}
