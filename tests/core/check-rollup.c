/* check-rollup.c — report rollups and guest figures kept by closing checks,
 * compared with a direct computation from the lines, and rebuilt.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-test-util.h"
#include "rg-id.h"
#include "rg-menu.h"
#include "rg-rollup.h"
#include "rg-visit.h"

#define N_GUESTS 4
#define N_ITEMS 4

typedef struct
{
  RgTestDb *t;
  RgDb     *db;
  gchar    *shanghai;     /* Asia/Shanghai: UTC+8 all year */
  gchar    *london_utc;   /* UTC */
  gchar    *guests[N_GUESTS];
  gchar    *items[N_ITEMS];
} Fixture;

/* Every rollup row as text, in key order, to compare two states. */
#define DUMP_HOUR \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT branch_id || '|' || day || '|' || hour " \
  "|| '|' || visits || '|' || covers || '|' || revenue || '|' || cost AS r FROM rollup_hour " \
  "ORDER BY branch_id, day, hour)"
#define DUMP_ITEM \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT branch_id || '|' || day || '|' || item_id " \
  "|| '|' || qty || '|' || revenue || '|' || cost || '|' || visits AS r FROM rollup_item_day " \
  "ORDER BY branch_id, day, item_id)"
#define DUMP_GUEST \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT guest_id || '|' || visit_count || '|' " \
  "|| first_visit_ms || '|' || last_visit_ms || '|' || total_spend AS r FROM local_guest_stats " \
  "ORDER BY guest_id)"

/* The same figures straight from visits and lines.  The two test zones have
 * fixed offsets, so SQLite's own date functions can bucket them. */
#define LOCAL_SECONDS \
  "(v.seated_ms / 1000 + CASE b.tz WHEN 'Asia/Shanghai' THEN 8 * 3600 ELSE 0 END)"
#define LIVE_LINES "l.voided = 0 AND l.deleted = 0"
#define EXPECT_HOUR \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (" \
  " SELECT branch_id || '|' || day || '|' || hour || '|' || count (*) || '|' || sum (party_size) " \
  "   || '|' || sum (rev) || '|' || sum (cost) AS r FROM (" \
  "  SELECT v.branch_id, strftime ('%Y-%m-%d', " LOCAL_SECONDS ", 'unixepoch') AS day, " \
  "   CAST (strftime ('%H', " LOCAL_SECONDS ", 'unixepoch') AS INTEGER) AS hour, v.party_size, " \
  "   (SELECT coalesce (sum (qty * unit_price), 0) FROM order_line l WHERE l.visit_id = v.id AND " LIVE_LINES ") AS rev, " \
  "   (SELECT coalesce (sum (qty * unit_cost), 0) FROM order_line l WHERE l.visit_id = v.id AND " LIVE_LINES ") AS cost " \
  "  FROM visit v JOIN branch b ON b.id = v.branch_id WHERE v.status = 'closed') " \
  " GROUP BY branch_id, day, hour ORDER BY branch_id, day, hour)"
#define EXPECT_ITEM \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (" \
  " SELECT v.branch_id || '|' || strftime ('%Y-%m-%d', " LOCAL_SECONDS ", 'unixepoch') || '|' || l.item_id " \
  "   || '|' || sum (l.qty) || '|' || sum (l.qty * l.unit_price) || '|' || sum (l.qty * l.unit_cost) " \
  "   || '|' || count (DISTINCT v.id) AS r " \
  " FROM visit v JOIN branch b ON b.id = v.branch_id JOIN order_line l ON l.visit_id = v.id " \
  " WHERE v.status = 'closed' AND " LIVE_LINES \
  " GROUP BY v.branch_id, strftime ('%Y-%m-%d', " LOCAL_SECONDS ", 'unixepoch'), l.item_id " \
  " ORDER BY v.branch_id, strftime ('%Y-%m-%d', " LOCAL_SECONDS ", 'unixepoch'), l.item_id)"
#define EXPECT_GUEST \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (" \
  " SELECT guest_id || '|' || count (*) || '|' || min (at) || '|' || max (at) || '|' || sum (spend) AS r FROM (" \
  "  SELECT v.guest_id, v.seated_ms AS at, v.subtotal AS spend FROM visit v " \
  "  WHERE v.status = 'closed' AND v.guest_id IS NOT NULL " \
  "  UNION ALL SELECT g.guest_id, v.seated_ms, v.subtotal / v.party_size FROM visit v " \
  "  JOIN visit_guest g ON g.visit_id = v.id WHERE v.status = 'closed' AND g.deleted = 0) " \
  " GROUP BY guest_id ORDER BY guest_id)"

static void
run_sql (RgDb        *db,
         const gchar *sql,
         ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list args;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  va_start (args, sql);
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    sqlite3_bind_text (stmt, i, va_arg (args, const gchar *), -1, SQLITE_TRANSIENT);
  va_end (args);
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_DONE, "%s: %s", sql,
                 sqlite3_errmsg (rg_db_get_handle (db)));
  sqlite3_finalize (stmt);
}

static gchar *
query_text (RgDb        *db,
            const gchar *sql)
{
  sqlite3_stmt *stmt = NULL;
  gchar *text;

  ck_assert_msg (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL) == SQLITE_OK,
                 "%s", sqlite3_errmsg (rg_db_get_handle (db)));
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  text = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);
  const gint64 prices[N_ITEMS] = { 1200, 450, 890, 300 };

  f->t = rg_test_db_new ();
  f->db = f->t->db;
  f->shanghai = rg_id_new ();
  f->london_utc = rg_id_new ();
  run_sql (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, 'Jing''an', 'Asia/Shanghai')", f->shanghai);
  run_sql (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, 'Soho', 'UTC')", f->london_utc);
  for (gint i = 0; i < N_GUESTS; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Guest %d", i);

      f->guests[i] = rg_id_new ();
      run_sql (f->db, "INSERT INTO guest (id, name, created_ms) VALUES (?, ?, 0)", f->guests[i], name);
    }
  for (gint i = 0; i < N_ITEMS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *name = g_strdup_printf ("Dish %d", i);
      RgMenuItemSpec spec = { .name = name, .price = prices[i], .cost = prices[i] / 3 };
      g_autoptr(RgMenuItem) item = rg_menu_add (f->db, &spec, &error);

      ck_assert_no_error (error);
      f->items[i] = g_strdup (rg_menu_item_get_id (item));
    }
  return f;
}

static void
fixture_free (Fixture *f)
{
  rg_test_db_free (f->t);
  g_free (f->shanghai);
  g_free (f->london_utc);
  for (gint i = 0; i < N_GUESTS; i++)
    g_free (f->guests[i]);
  for (gint i = 0; i < N_ITEMS; i++)
    g_free (f->items[i]);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

/* Seats a party without a table at @seated_ms, orders @n_lines lines (the
 * first voided when @void_first), and closes the check unless @keep_open. */
static gchar *
run_visit (Fixture             *f,
           const gchar         *branch,
           gint64               seated_ms,
           const gchar         *guest,
           const gchar * const *extras,
           gint                 party,
           gint                 n_lines,
           gboolean             void_first,
           gboolean             keep_open)
{
  g_autoptr(GError) error = NULL;
  RgSeating seating = { .branch_id = branch, .guest_id = guest, .extra_guest_ids = extras,
                        .party_size = party, .seated_ms = seated_ms };
  g_autoptr(RgVisit) visit = rg_visit_seat (f->db, &seating, &error);

  ck_assert_no_error (error);
  for (gint i = 0; i < n_lines; i++)
    {
      g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, rg_visit_get_id (visit),
                                                       f->items[(seated_ms / 60000 + i) % N_ITEMS],
                                                       1 + i % 3, 0, 0, NULL, FALSE, &error);

      ck_assert_no_error (error);
      if (i == 0 && void_first)
        ck_assert (rg_visit_void_line (f->db, rg_order_line_get_id (line), "spilt", &error));
    }
  if (!keep_open)
    ck_assert (rg_visit_close (f->db, rg_visit_get_id (visit), 100, RG_PAYMENT_CARD,
                               seated_ms + 3600000, &error));
  ck_assert_no_error (error);
  return g_strdup (rg_visit_get_id (visit));
}

/* A day of service in both branches: 24 checks at varied hours, some with
 * known guests, voided lines, and one void and one open visit that must
 * not count. */
static void
run_service (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  /* 2026-03-01 00:00 UTC */
  const gint64 day0 = G_GINT64_CONSTANT (1772323200000);
  g_autofree gchar *voided = NULL;
  g_autofree gchar *open = NULL;

  for (gint i = 0; i < 24; i++)
    {
      const gchar *branch = i % 3 == 0 ? f->london_utc : f->shanghai;
      const gchar *extras[] = { f->guests[(i + 1) % N_GUESTS], f->guests[(i + 2) % N_GUESTS], NULL };
      const gchar *guest = i % 4 == 3 ? NULL : f->guests[i % N_GUESTS];
      /* Every 53 minutes, and some twice in the same hour. */
      gint64 seated = day0 + (gint64) (i * 53 + (i % 5 == 0 ? 7 : 0)) * 60000;

      g_free (run_visit (f, branch, seated, guest, i % 4 == 1 ? extras : NULL,
                         2 + i % 4, 1 + i % 4, i % 6 == 2, FALSE));
    }

  voided = run_visit (f, f->shanghai, day0 + 3600000, f->guests[0], NULL, 2, 2, FALSE, TRUE);
  ck_assert (rg_visit_void (f->db, voided, &error));
  open = run_visit (f, f->shanghai, day0 + 7200000, f->guests[1], NULL, 2, 2, FALSE, TRUE);
}

/* --------------------------------------------------------- incremental */

START_TEST (test_rollups_match_direct_computation)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *hours = NULL;
  g_autofree gchar *expect_hours = NULL;
  g_autofree gchar *items = NULL;
  g_autofree gchar *expect_items = NULL;
  g_autofree gchar *guests = NULL;
  g_autofree gchar *expect_guests = NULL;

  run_service (f);
  hours = query_text (f->db, DUMP_HOUR);
  expect_hours = query_text (f->db, EXPECT_HOUR);
  items = query_text (f->db, DUMP_ITEM);
  expect_items = query_text (f->db, EXPECT_ITEM);
  guests = query_text (f->db, DUMP_GUEST);
  expect_guests = query_text (f->db, EXPECT_GUEST);

  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT sum (visits) FROM rollup_hour"), 24);
  ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_hour"), 10);
  ck_assert_str_eq (hours, expect_hours);
  ck_assert_str_eq (items, expect_items);
  ck_assert_str_eq (guests, expect_guests);
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT sum (revenue) FROM rollup_hour"),
                    rg_test_query_int (f->db, "SELECT sum (subtotal) FROM visit WHERE status = 'closed'"));
}
END_TEST

START_TEST (test_local_day_and_hour_follow_the_branch_zone)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *ny = rg_id_new ();
  g_autofree gchar *winter = NULL;
  g_autofree gchar *summer = NULL;

  /* 2026-03-01 20:30 UTC is 04:30 on 2 March in Shanghai. */
  g_free (run_visit (f, f->shanghai, G_GINT64_CONSTANT (1772397000000), NULL, NULL, 2, 1, FALSE, FALSE));
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT count(*) FROM rollup_hour WHERE day = '2026-03-02' AND hour = 4"), 1);
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT count(*) FROM rollup_item_day WHERE day = '2026-03-02'"), 1);

  /* Noon in New York is 17:00 UTC in winter and 16:00 UTC in summer. */
  run_sql (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, 'Tribeca', 'America/New_York')", ny);
  winter = run_visit (f, ny, G_GINT64_CONSTANT (1768496400000), NULL, NULL, 2, 1, FALSE, FALSE);
  summer = run_visit (f, ny, G_GINT64_CONSTANT (1782921600000), NULL, NULL, 2, 1, FALSE, FALSE);
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT count(*) FROM rollup_hour WHERE hour = 12 AND day IN ('2026-01-15', '2026-07-01')"), 2);
}
END_TEST

START_TEST (test_guest_figures_and_index)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  const gchar *extras[] = { f->guests[1], NULL };
  g_autofree gchar *first = run_visit (f, f->london_utc, 1000 * 3600000LL, f->guests[0], extras,
                                       4, 2, FALSE, FALSE);
  g_autofree gchar *second = run_visit (f, f->london_utc, 1010 * 3600000LL, f->guests[0], NULL,
                                        2, 3, TRUE, FALSE);
  g_autofree gchar *subtotal_first = g_strdup_printf ("SELECT subtotal FROM visit WHERE id = '%s'", first);
  g_autofree gchar *subtotal_second = g_strdup_printf ("SELECT subtotal FROM visit WHERE id = '%s'", second);
  gint64 spend_first = rg_test_query_int (f->db, subtotal_first);
  gint64 spend_second = rg_test_query_int (f->db, subtotal_second);
  g_autofree gchar *host = g_strdup_printf ("SELECT visit_count * 1000000000 + total_spend "
                                            "FROM local_guest_stats WHERE guest_id = '%s'", f->guests[0]);
  g_autofree gchar *extra = g_strdup_printf ("SELECT visit_count * 1000000000 + total_spend "
                                             "FROM local_guest_stats WHERE guest_id = '%s'", f->guests[1]);
  g_autofree gchar *range = g_strdup_printf ("SELECT last_visit_ms - first_visit_ms "
                                             "FROM local_guest_stats WHERE guest_id = '%s'", f->guests[0]);
  g_autofree gchar *indexed = g_strdup_printf ("SELECT last_visit_ms FROM local_guest_key "
                                               "WHERE guest_id = '%s'", f->guests[0]);

  ck_assert_int_gt (spend_first, 0);
  ck_assert_int_eq (rg_test_query_int (f->db, host), 2 * 1000000000LL + spend_first + spend_second);
  ck_assert_int_eq (rg_test_query_int (f->db, extra), 1 * 1000000000LL + spend_first / 4);
  ck_assert_int_eq (rg_test_query_int (f->db, range), 10 * 3600000LL);
  ck_assert_int_eq (rg_test_query_int (f->db, indexed), 1010 * 3600000LL);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM local_guest_stats"), 2);
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_add_visit_refuses_open_or_unknown)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *open = run_visit (f, f->shanghai, 5000, NULL, NULL, 2, 2, FALSE, TRUE);

  ck_assert (!rg_rollup_add_visit (f->db, open, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_rollup_add_visit (f->db, "no-visit", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_hour"), 0);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_item_day"), 0);
}
END_TEST

/* --------------------------------------------------------------- rebuild */

START_TEST (test_rebuild_equals_incremental)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *hours = NULL;
  g_autofree gchar *items = NULL;
  g_autofree gchar *guests = NULL;
  g_autofree gchar *hours_after = NULL;
  g_autofree gchar *items_after = NULL;
  g_autofree gchar *guests_after = NULL;

  run_service (f);
  hours = query_text (f->db, DUMP_HOUR);
  items = query_text (f->db, DUMP_ITEM);
  guests = query_text (f->db, DUMP_GUEST);

  /* Damage them, then rebuild from the lines. */
  run_sql (f->db, "UPDATE rollup_hour SET revenue = revenue + 1");
  run_sql (f->db, "DELETE FROM rollup_item_day WHERE item_id = (SELECT min (item_id) FROM rollup_item_day)");
  run_sql (f->db, "UPDATE local_guest_stats SET visit_count = 99");
  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);

  hours_after = query_text (f->db, DUMP_HOUR);
  items_after = query_text (f->db, DUMP_ITEM);
  guests_after = query_text (f->db, DUMP_GUEST);
  ck_assert_str_eq (hours_after, hours);
  ck_assert_str_eq (items_after, items);
  ck_assert_str_eq (guests_after, guests);
}
END_TEST

START_TEST (test_rebuild_of_empty_database)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;

  run_sql (f->db, "INSERT INTO rollup_hour (branch_id, day, hour, visits) VALUES ('x', '2026-01-01', 3, 7)");
  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_hour"), 0);
}
END_TEST

static Suite *
rollup_suite (void)
{
  Suite *s = suite_create ("rollup");
  TCase *tc;

  tc = tcase_create ("incremental");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_rollups_match_direct_computation);
  tcase_add_test (tc, test_local_day_and_hour_follow_the_branch_zone);
  tcase_add_test (tc, test_guest_figures_and_index);
  tcase_add_test (tc, test_add_visit_refuses_open_or_unknown);
  suite_add_tcase (s, tc);

  tc = tcase_create ("rebuild");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_rebuild_equals_incremental);
  tcase_add_test (tc, test_rebuild_of_empty_database);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (rollup_suite ());
}
