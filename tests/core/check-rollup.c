/* check-rollup.c — report rollups and guest figures kept by closing checks,
 * compared with a direct computation from the lines, and rebuilt; the
 * packed guest figures equal rollup_guest_month after both.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-id.h"
#include "rg-menu.h"
#include "rg-report.h"
#include "rg-rollup.h"
#include "rg-rollup-guest.h"
#include "rg-rollup-pair.h"
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
  "   (SELECT coalesce (sum (qty * unit_price - discount), 0) FROM order_line l WHERE l.visit_id = v.id AND " LIVE_LINES ") AS rev, " \
  "   (SELECT coalesce (sum (qty * unit_cost), 0) FROM order_line l WHERE l.visit_id = v.id AND " LIVE_LINES ") AS cost " \
  "  FROM visit v JOIN branch b ON b.id = v.branch_id WHERE v.status = 'closed') " \
  " GROUP BY branch_id, day, hour ORDER BY branch_id, day, hour)"
#define EXPECT_ITEM \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (" \
  " SELECT v.branch_id || '|' || strftime ('%Y-%m-%d', " LOCAL_SECONDS ", 'unixepoch') || '|' || l.item_id " \
  "   || '|' || sum (l.qty) || '|' || sum (l.qty * l.unit_price - l.discount) || '|' || sum (l.qty * l.unit_cost) " \
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
/* What each host guest spent per branch and local month, as the packs of
 * rollup_guest_pack hold it (rows in the order of unpack_guests()). */
#define EXPECT_GUEST_MONTH \
  "SELECT coalesce (group_concat (r, ';'), '') FROM (" \
  " SELECT v.branch_id || '|' || strftime ('%Y-%m', " LOCAL_SECONDS ", 'unixepoch') || '|' || v.guest_id " \
  "   || '|' || count (*) || '|' || sum ((SELECT coalesce (sum (qty * unit_price - discount), 0) FROM order_line l " \
  "   WHERE l.visit_id = v.id AND " LIVE_LINES ")) || '|' || sum ((SELECT coalesce (sum (qty * unit_cost), 0) " \
  "   FROM order_line l WHERE l.visit_id = v.id AND " LIVE_LINES ")) || '|' || max (v.seated_ms) AS r " \
  " FROM visit v JOIN branch b ON b.id = v.branch_id WHERE v.status = 'closed' AND v.guest_id IS NOT NULL " \
  " GROUP BY v.branch_id, strftime ('%Y-%m', " LOCAL_SECONDS ", 'unixepoch'), v.guest_id ORDER BY 1)"

static gchar *unpack_guests (RgDb *db);

static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);
  const gint64 prices[N_ITEMS] = { 1200, 450, 890, 300 };

  f->t = rg_test_db_new ();
  f->db = f->t->db;
  f->shanghai = rg_id_new ();
  f->london_utc = rg_id_new ();
  rg_test_exec (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, 'Jing''an', 'Asia/Shanghai')", f->shanghai);
  rg_test_exec (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, 'Soho', 'UTC')", f->london_utc);
  rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES ('manager', 'Mia', 'manager')");
  for (gint i = 0; i < N_GUESTS; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Guest %d", i);

      f->guests[i] = rg_id_new ();
      rg_test_exec (f->db, "INSERT INTO guest (id, name, created_ms) VALUES (?, ?, 0)", f->guests[i], name);
    }
  for (gint i = 0; i < N_ITEMS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *name = g_strdup_printf ("Dish %d", i);
      RgMenuItemSpec spec = { .name = name, .price = prices[i], .cost = prices[i] / 3 };
      g_autoptr(RgMenuItem) item = rg_menu_add (f->db, "manager", &spec, &error);

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
        ck_assert (rg_visit_void_line (f->db, "manager", rg_order_line_get_id (line), "spilt", &error));
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
  ck_assert (rg_visit_void (f->db, "manager", voided, &error));
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
  g_autofree gchar *packs = NULL;
  g_autofree gchar *expect_packs = NULL;

  run_service (f);
  packs = unpack_guests (f->db);
  expect_packs = rg_test_query_text (f->db, EXPECT_GUEST_MONTH);
  hours = rg_test_query_text (f->db, DUMP_HOUR);
  expect_hours = rg_test_query_text (f->db, EXPECT_HOUR);
  items = rg_test_query_text (f->db, DUMP_ITEM);
  expect_items = rg_test_query_text (f->db, EXPECT_ITEM);
  guests = rg_test_query_text (f->db, DUMP_GUEST);
  expect_guests = rg_test_query_text (f->db, EXPECT_GUEST);

  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT sum (visits) FROM rollup_hour"), 24);
  ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_hour"), 10);
  ck_assert_str_eq (hours, expect_hours);
  ck_assert_str_eq (items, expect_items);
  ck_assert_str_eq (guests, expect_guests);
  ck_assert_int_gt (strlen (packs), 0);
  ck_assert_str_eq (packs, expect_packs);
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
  rg_test_exec (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, 'Tribeca', 'America/New_York')", ny);
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
  hours = rg_test_query_text (f->db, DUMP_HOUR);
  items = rg_test_query_text (f->db, DUMP_ITEM);
  guests = rg_test_query_text (f->db, DUMP_GUEST);

  /* Damage them, then rebuild from the lines. */
  rg_test_exec (f->db, "UPDATE rollup_hour SET revenue = revenue + 1");
  rg_test_exec (f->db, "DELETE FROM rollup_item_day WHERE item_id = (SELECT min (item_id) FROM rollup_item_day)");
  rg_test_exec (f->db, "UPDATE local_guest_stats SET visit_count = 99");
  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);

  hours_after = rg_test_query_text (f->db, DUMP_HOUR);
  items_after = rg_test_query_text (f->db, DUMP_ITEM);
  guests_after = rg_test_query_text (f->db, DUMP_GUEST);
  ck_assert_str_eq (hours_after, hours);
  ck_assert_str_eq (items_after, items);
  ck_assert_str_eq (guests_after, guests);
}
END_TEST

START_TEST (test_rebuild_of_empty_database)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;

  rg_test_exec (f->db, "INSERT INTO rollup_hour (branch_id, day, hour, visits) VALUES ('x', '2026-01-01', 3, 7)");
  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_hour"), 0);
}
END_TEST

/* Every row of @table in the order of all its columns, as text. */
static gchar *
dump_table (RgDb        *db,
            const gchar *table)
{
  g_autofree gchar *probe = g_strdup_printf ("SELECT * FROM %s", table);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gchar *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint n;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), probe, -1, &stmt, NULL), SQLITE_OK);
  n = sqlite3_column_count (stmt);
  sqlite3_finalize (stmt);
  for (gint i = 1; i <= n; i++)
    g_string_append_printf (order, "%s%d", i > 1 ? ", " : "", i);
  sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", table, order->str);
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (gint i = 0; i < n; i++)
        if (sqlite3_column_type (stmt, i) == SQLITE_BLOB)
          {
            const guint8 *bytes = sqlite3_column_blob (stmt, i);

            for (gint b = 0; b < sqlite3_column_bytes (stmt, i); b++)
              g_string_append_printf (text, "%02x", bytes[b]);
            g_string_append_c (text, '|');
          }
        else
          g_string_append_printf (text, "%s|", (const gchar *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return g_strdup_printf ("%s (%u bytes):\n%s", table, (guint) text->len, text->str);
}

static const gchar * const rollup_tables[] = {
  "rollup_hour", "rollup_item_day", "local_guest_stats", "rollup_service_day",
  "rollup_feedback_day", "rollup_guest_month", "rollup_pair_month", "rollup_guest_number",
  "rollup_guest_pack", "rollup_guest_last", "rollup_item_month", "rollup_service_month", "rollup_feedback_month",
  "rollup_pair_pack",
};

/* The month twins equal their day rollups summed by month. */
static void
assert_months_match_days (RgDb *db)
{
  /* The tables, their key with %s for the month, and their figures. */
  static const gchar * const twins[][4] = {
    { "rollup_item_month", "rollup_item_day", "branch_id || '|' || %s || '|' || item_id",
      "sum (qty) || '|' || sum (revenue) || '|' || sum (cost) || '|' || sum (visits)" },
    { "rollup_service_month", "rollup_service_day", "kind || '|' || branch_id || '|' || %s || '|' || key",
      "sum (visits) || '|' || sum (covers) || '|' || sum (revenue) || '|' || sum (timed) || '|' || sum (dine_ms)" },
    { "rollup_feedback_month", "rollup_feedback_day", "kind || '|' || branch_id || '|' || %s || '|' || key",
      "sum (ratings) || '|' || sum (total)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (twins); i++)
    {
      g_autofree gchar *month_key = g_strdup_printf (twins[i][2], "month");
      g_autofree gchar *day_key = g_strdup_printf (twins[i][2], "substr (day, 1, 7)");
      g_autofree gchar *kept = rg_test_query_textf (db,
          "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT %s || '|' || %s AS r "
          "FROM %s GROUP BY %s ORDER BY 1)", month_key, twins[i][3], twins[i][0], month_key);
      g_autofree gchar *direct = rg_test_query_textf (db,
          "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT %s || '|' || %s AS r "
          "FROM %s GROUP BY %s ORDER BY 1)", day_key, twins[i][3], twins[i][1], day_key);

      ck_assert_int_gt (strlen (direct), 0);
      ck_assert_msg (g_str_equal (kept, direct), "%s differs from %s by month", twins[i][0], twins[i][1]);
    }
}

/* rollup_guest_last equals local_guest_stats counted by day of the last
 * visit and visits (capped at 16). */
static void
assert_last_days_match (RgDb *db)
{
  g_autofree gchar *kept = rg_test_query_text (db,
      "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT day || '|' || visits || '|' || guests AS r "
      "FROM rollup_guest_last ORDER BY day, visits)");
  g_autofree gchar *direct = rg_test_query_text (db,
      "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT d || '|' || v || '|' || count (*) AS r FROM "
      "(SELECT coalesce (last_visit_ms / 86400000, -1000000000) AS d, min (visit_count, 16) AS v "
      "FROM local_guest_stats) GROUP BY d, v ORDER BY d, v)");

  ck_assert_str_eq (kept, direct);
}

/* rollup_guest_enrol equals the live guests counted by the day they were
 * enrolled and the day of their first visit. */
static void
assert_enrol_days_match (RgDb *db)
{
  g_autofree gchar *kept = rg_test_query_text (db,
      "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT day || '|' || came || '|' || guests AS r "
      "FROM rollup_guest_enrol ORDER BY day, came)");
  g_autofree gchar *direct = rg_test_query_text (db,
      "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT d || '|' || c || '|' || count (*) AS r FROM "
      "(SELECT g.created_ms / 86400000 AS d, coalesce (s.first_visit_ms / 86400000, 1000000000) AS c "
      "FROM guest g LEFT JOIN local_guest_stats s ON s.guest_id = g.id "
      "WHERE g.deleted = 0 AND g.merged_into IS NULL) GROUP BY d, c ORDER BY d, c)");

  ck_assert_str_eq (kept, direct);
}

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

/* rollup_pair_pack unpacked equals rollup_pair_month: each pack in the
 * order of the numbers, each pair of two numbered dishes. */
static void
assert_pair_packs_match_months (RgDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = rg_rollup_pair_dup_items (db, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) packed = g_string_new (NULL);
  g_autofree gchar *months = rg_test_query_text (db,
      "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT branch_id || '|' || month || '|' || item_a || '|' "
      "|| item_b || '|' || visits AS r FROM rollup_pair_month ORDER BY 1)");
  sqlite3_stmt *stmt = NULL;

  ck_assert_no_error (error);
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), "SELECT branch_id, month, pairs FROM rollup_pair_pack",
                                        -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize size = (gsize) sqlite3_column_bytes (stmt, 2);

      ck_assert_uint_gt (size, 0);
      ck_assert_uint_eq (size % RG_ROLLUP_PAIR_ENTRY_SIZE, 0);
      for (guint i = 0; i < size / RG_ROLLUP_PAIR_ENTRY_SIZE; i++)
        {
          RgRollupPairEntry e, previous;
          const gchar *a, *b;

          rg_rollup_pair_get_entry (sqlite3_column_blob (stmt, 2), i, &e);
          ck_assert_uint_lt (e.a, e.b);
          ck_assert_uint_lt (e.b, items->len);
          if (i > 0)
            {
              rg_rollup_pair_get_entry (sqlite3_column_blob (stmt, 2), i - 1, &previous);
              ck_assert (previous.a < e.a || (previous.a == e.a && previous.b < e.b));
            }
          a = items->pdata[e.a];
          b = items->pdata[e.b];
          ck_assert_ptr_nonnull (a);
          ck_assert_ptr_nonnull (b);
          g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%s|%s|%u", sqlite3_column_text (stmt, 0),
                                                  sqlite3_column_text (stmt, 1), strcmp (a, b) < 0 ? a : b,
                                                  strcmp (a, b) < 0 ? b : a, e.visits));
        }
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (packed, "%s%s", i > 0 ? ";" : "", (const gchar *) rows->pdata[i]);
  ck_assert_int_gt (strlen (months), 0);
  ck_assert_str_eq (packed->str, months);
}

/* rollup_guest_pack unpacked, as rollup_guest_month rows in key order;
 * checks that each pack holds its chunk's guests in the order of their
 * numbers. */
static gchar *
unpack_guests (RgDb *db)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db),
                    "SELECT branch_id, month, chunk, guests FROM rollup_guest_pack", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RgRollupGuestReader reader;
      RgRollupGuestEntry e;
      guint n = 0;
      guint32 previous = 0;

      ck_assert (rg_rollup_guest_reader_init (&reader, sqlite3_column_blob (stmt, 3),
                                              (gsize) sqlite3_column_bytes (stmt, 3), sqlite3_column_int64 (stmt, 2)));
      while (rg_rollup_guest_reader_next (&reader, &e))
        {
          g_autoptr(GError) error = NULL;
          g_autofree gchar *guest_id = NULL;

          ck_assert_int_eq (e.number >> RG_ROLLUP_GUEST_CHUNK_BITS, sqlite3_column_int64 (stmt, 2));
          if (n++ > 0)
            ck_assert_uint_lt (previous, e.number);
          previous = e.number;
          guest_id = rg_rollup_guest_dup_id (db, e.number, &error);
          ck_assert_no_error (error);
          g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%s|%u|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%"
                                                  G_GINT64_FORMAT, sqlite3_column_text (stmt, 0),
                                                  sqlite3_column_text (stmt, 1), guest_id, e.visits, e.spend,
                                                  e.cost, e.last_ms));
        }
      ck_assert_uint_gt (n, 0);
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ";" : "", (const gchar *) rows->pdata[i]);
  return g_strdup (text->str);
}

/* The packed guest figures equal rollup_guest_month, row for row. */
static void
assert_packs_match_months (RgDb *db)
{
  g_autofree gchar *months = rg_test_query_text (db,
      "SELECT coalesce (group_concat (r, ';'), '') FROM (SELECT branch_id || '|' || month || '|' || guest_id "
      "|| '|' || visits || '|' || spend || '|' || cost || '|' || last_ms AS r FROM rollup_guest_month "
      "ORDER BY 1)");
  g_autofree gchar *packs = unpack_guests (db);

  ck_assert_int_gt (strlen (months), 0);
  ck_assert_str_eq (packs, months);
}

/* Every rollup table dumped, in the order of rollup_tables. */
static GStrv
dump_all (RgDb *db)
{
  GStrv dumps = g_new0 (gchar *, G_N_ELEMENTS (rollup_tables) + 1);

  for (gsize i = 0; i < G_N_ELEMENTS (rollup_tables); i++)
    dumps[i] = dump_table (db, rollup_tables[i]);
  return dumps;
}

/* What closing the checks one by one, in the order the parties were
 * seated, makes of the rollups. */
static void
replay_closed_visits (RgDb *db)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (rollup_tables); i++)
    {
      g_autofree gchar *sql = g_strdup_printf ("DELETE FROM %s", rollup_tables[i]);

      rg_test_exec (db, sql);
    }
  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db),
                    "SELECT id FROM visit WHERE status = 'closed' AND deleted = 0 ORDER BY seated_ms, id",
                    -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const gchar *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (rg_rollup_add_visit (db, ids->pdata[i], &error), "%s", error ? error->message : "");
    }
}

static const gchar *
pick (GRand        *rand,
      gchar * const *ids,
      gint          n,
      gint          none_in)
{
  gint i = g_rand_int_range (rand, 0, n + none_in);

  return i < n ? ids[i] : NULL;
}

#define R_BRANCHES 5
#define R_GUESTS 12
#define R_ITEMS 7
#define R_TABLES 4
#define R_STAFF 3

/* Random visits written straight into the tables: several zones (with
 * summer time, odd offsets and one GLib does not know), seating times that
 * cross their changes of offset and often coincide, walk-ins and known
 * guests with companions (some removed, some the host again), voided and
 * removed lines, visits without lines, ratings, open, void and removed
 * visits. */
static void
fill_random (Fixture *f,
             guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const gchar *zones[R_BRANCHES] = { "America/New_York", "Europe/London", "Australia/Lord_Howe",
                                     "Asia/Kathmandu", "Mars/Olympus_Mons" };
  const gchar *aspects[] = { "food", "service", "ambience", "tableware", "overall" };
  const gchar *statuses[] = { "closed", "closed", "closed", "closed", "closed", "closed", "open", "void" };
  gchar *branches[R_BRANCHES], *tables[R_BRANCHES][R_TABLES], *staff[R_STAFF];
  /* 2026-03-07 00:00 UTC, two days before summer time in New York. */
  const gint64 start = G_GINT64_CONSTANT (1772841600000);

  for (gint b = 0; b < R_BRANCHES; b++)
    {
      g_autofree gchar *name = g_strdup_printf ("Branch %d", b);

      branches[b] = rg_id_new ();
      rg_test_exec (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, ?, ?)", branches[b], name, zones[b]);
      for (gint t = 0; t < R_TABLES; t++)
        {
          g_autofree gchar *table = g_strdup_printf ("T%d", t);

          tables[b][t] = rg_id_new ();
          rg_test_exec (f->db, "INSERT INTO dining_table (id, branch_id, name, seats) VALUES (?, ?, ?, 4)",
                        tables[b][t], branches[b], table);
        }
    }
  for (gint i = 0; i < R_STAFF; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Server %d", i);

      staff[i] = rg_id_new ();
      rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES (?, ?, 'waiter')", staff[i], name);
    }
  {
    gchar *guests[R_GUESTS], *items[R_ITEMS];

    for (gint i = 0; i < R_GUESTS; i++)
      {
        g_autofree gchar *name = g_strdup_printf ("Random guest %d", i);

        guests[i] = rg_id_new ();
        rg_test_exec (f->db, "INSERT INTO guest (id, name, created_ms) VALUES (?, ?, 0)", guests[i], name);
      }
    for (gint i = 0; i < R_ITEMS; i++)
      {
        g_autofree gchar *name = g_strdup_printf ("Random dish %d", i);

        items[i] = rg_id_new ();
        rg_test_exec (f->db, "INSERT INTO menu_item (id, name, price) VALUES (?, ?, 100)", items[i], name);
      }

    for (gint v = 0; v < 150; v++)
      {
        gint b = g_rand_int_range (rand, 0, R_BRANCHES);
        g_autofree gchar *id = rg_id_new ();
        /* Within 40 days on a grid of 20 minutes, half of them in the 30
         * slots around the change in New York, so that times coincide. */
        gint slot = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 40 * 72)
                                          : g_rand_int_range (rand, 72 + 9, 72 + 39);
        g_autofree gchar *seated = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    start + slot * G_GINT64_CONSTANT (1200000));
        g_autofree gchar *left = g_rand_boolean (rand)
                                 ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    g_ascii_strtoll (seated, NULL, 10)
                                                    + g_rand_int_range (rand, -600000, 7200000))
                                 : NULL;
        g_autofree gchar *party = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 7));
        const gchar *host = pick (rand, guests, R_GUESTS, 4);
        const gchar *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
        gint n_lines = g_rand_int_range (rand, 0, 6);

        rg_test_exec (f->db,
                      "INSERT INTO visit (id, branch_id, guest_id, table_id, party_size, seated_ms, left_ms, "
                      "  server_id, status, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      id, branches[b], host, pick (rand, tables[b], R_TABLES, 2), party, seated, left,
                      pick (rand, staff, R_STAFF, 1), status, g_rand_int_range (rand, 0, 12) == 0 ? "1" : "0");
        for (gint g = g_rand_int_range (rand, 0, 3); g > 0; g--)
          {
            g_autofree gchar *vg = rg_id_new ();
            const gchar *extra = g_rand_int_range (rand, 0, 5) == 0 && host != NULL
                                 ? host : guests[g_rand_int_range (rand, 0, R_GUESTS)];
            gboolean removed = g_rand_int_range (rand, 0, 5) == 0;

            if (!removed)
              {
                g_autofree gchar *taken = g_strdup_printf (
                    "SELECT count(*) FROM visit_guest WHERE visit_id = '%s' AND guest_id = '%s' AND deleted = 0",
                    id, extra);

                if (rg_test_query_int (f->db, taken) > 0)
                  continue;
              }
            rg_test_exec (f->db, "INSERT INTO visit_guest (id, visit_id, guest_id, deleted) VALUES (?, ?, ?, ?)",
                          vg, id, extra, removed ? "1" : "0");
          }
        for (gint l = 0; l < n_lines; l++)
          {
            g_autofree gchar *line = rg_id_new ();
            g_autofree gchar *qty = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 4));
            g_autofree gchar *price = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 3000));
            g_autofree gchar *cost = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 900));
            g_autofree gchar *discount = g_strdup_printf ("%d", g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 100));

            rg_test_exec (f->db,
                          "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, unit_cost, voided, "
                          "  deleted, discount, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                          line, id, items[g_rand_int_range (rand, 0, R_ITEMS)], qty, price, cost,
                          g_rand_int_range (rand, 0, 6) == 0 ? "1" : "0",
                          g_rand_int_range (rand, 0, 10) == 0 ? "1" : "0", discount);
          }
        for (gint r = g_rand_int_range (rand, -2, 3); r > 0; r--)
          {
            g_autofree gchar *fb = rg_id_new ();
            g_autofree gchar *rating = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 6));
            gboolean dish = g_rand_boolean (rand);

            rg_test_exec (f->db,
                          "INSERT INTO feedback (id, visit_id, table_id, item_id, aspect, rating, created_ms, deleted) "
                          "VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                          fb, id, pick (rand, tables[b], R_TABLES, 3),
                          dish ? items[g_rand_int_range (rand, 0, R_ITEMS)] : NULL,
                          dish ? "dish" : aspects[g_rand_int_range (rand, 0, G_N_ELEMENTS (aspects))], rating,
                          g_rand_int_range (rand, 0, 8) == 0 ? "1" : "0");
          }
      }
    for (gint i = 0; i < R_GUESTS; i++)
      g_free (guests[i]);
    for (gint i = 0; i < R_ITEMS; i++)
      g_free (items[i]);
  }
  for (gint b = 0; b < R_BRANCHES; b++)
    {
      g_free (branches[b]);
      for (gint t = 0; t < R_TABLES; t++)
        g_free (tables[b][t]);
    }
  for (gint i = 0; i < R_STAFF; i++)
    g_free (staff[i]);
}

START_TEST (test_rebuild_equals_replay_on_random_data)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) replayed = NULL;
  g_auto(GStrv) rebuilt = NULL;

  fill_random (f, 20261125 + (guint32) _i);
  replay_closed_visits (f->db);
  replayed = dump_all (f->db);
  ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_service_day WHERE key = 'new'"), 0);
  ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_service_day WHERE key = 'returning'"), 0);
  ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_pair_month"), 0);
  ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count(*) FROM rollup_feedback_day"), 0);

  assert_packs_match_months (f->db);
  assert_last_days_match (f->db);
  assert_enrol_days_match (f->db);
  assert_months_match_days (f->db);
  assert_pair_packs_match_months (f->db);

  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);
  rebuilt = dump_all (f->db);
  for (gsize i = 0; i < G_N_ELEMENTS (rollup_tables); i++)
    ck_assert_msg (g_str_equal (rebuilt[i], replayed[i]), "%s differs after the rebuild", rollup_tables[i]);
  assert_packs_match_months (f->db);
  assert_last_days_match (f->db);
  assert_enrol_days_match (f->db);
  assert_months_match_days (f->db);
  assert_pair_packs_match_months (f->db);

  /* Whoever writes local_guest_stats (a merge moves and deletes figures). */
  rg_test_exec (f->db, "UPDATE local_guest_stats SET visit_count = visit_count + 20, last_visit_ms = last_visit_ms - 86400000 "
                       "WHERE guest_id IN (SELECT guest_id FROM local_guest_stats ORDER BY guest_id LIMIT 2)");
  assert_last_days_match (f->db);
  rg_test_exec (f->db, "UPDATE local_guest_stats SET last_visit_ms = NULL "
                       "WHERE guest_id = (SELECT max (guest_id) FROM local_guest_stats)");
  assert_last_days_match (f->db);
  rg_test_exec (f->db, "DELETE FROM local_guest_stats WHERE guest_id = (SELECT min (guest_id) FROM local_guest_stats)");
  assert_last_days_match (f->db);
  assert_enrol_days_match (f->db);

  /* Whoever writes guests: enrolled later, deleted, merged, brought back. */
  rg_test_exec (f->db, "UPDATE guest SET created_ms = created_ms + 3 * 86400000 WHERE id = (SELECT min (id) FROM guest)");
  rg_test_exec (f->db, "UPDATE guest SET deleted = 1 WHERE id = (SELECT max (id) FROM guest)");
  rg_test_exec (f->db, "UPDATE guest SET merged_into = (SELECT min (id) FROM guest) "
                       "WHERE id IN (SELECT id FROM guest ORDER BY id LIMIT 2 OFFSET 1)");
  assert_enrol_days_match (f->db);
  rg_test_exec (f->db, "UPDATE guest SET deleted = 0, merged_into = NULL");
  rg_test_exec (f->db, "UPDATE local_guest_stats SET first_visit_ms = first_visit_ms - 86400000");
  assert_enrol_days_match (f->db);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count (*) FROM rollup_guest_enrol WHERE guests <= 0"), 0);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count (*) FROM rollup_guest_last WHERE guests <= 0"), 0);

  /* A rebuild puts right the figures edited above (updating only the
   * guests whose figures differ) and drops those of a guest without
   * visits; the rollups kept by triggers follow. */
  rg_test_exec (f->db, "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms) "
                       "SELECT id, 3, 5, 5 FROM guest WHERE id NOT IN (SELECT guest_id FROM local_guest_stats) LIMIT 1");
  ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count (*) FROM local_guest_stats WHERE first_visit_ms = 5"), 0);
  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);
  {
    g_auto(GStrv) again = dump_all (f->db);

    for (gsize i = 0; i < G_N_ELEMENTS (rollup_tables); i++)
      ck_assert_msg (g_str_equal (again[i], replayed[i]), "%s differs after a rebuild over edited figures",
                     rollup_tables[i]);
  }
  assert_last_days_match (f->db);
  assert_enrol_days_match (f->db);
}
END_TEST

/* A rebuild numbers the guests without a number in the order of their
 * ids; a database without packs (just updated to schema version 10) gets
 * them on rg_rollup_guest_ensure(); an unknown number is not found. */
START_TEST (test_guest_packs_numbers_and_ensure)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *packed = NULL;
  g_autofree gchar *kept = NULL;
  g_autofree gchar *ensured = NULL;
  g_autofree gchar *missing = NULL;

  fill_random (f, 20261126);
  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);
  assert_packs_match_months (f->db);
  ck_assert_int_eq (rg_test_query_int (f->db,
      "SELECT count (*) FROM rollup_guest_number a JOIN rollup_guest_number b "
      "ON a.number < b.number AND a.guest_id > b.guest_id"), 0);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count (*) FROM rollup_guest_number"),
                    rg_test_query_int (f->db, "SELECT count (DISTINCT guest_id) FROM rollup_guest_month"));

  packed = dump_table (f->db, "rollup_guest_pack");
  ck_assert (rg_rollup_guest_ensure (f->db, &error));
  ck_assert_no_error (error);
  kept = dump_table (f->db, "rollup_guest_pack");
  ck_assert_str_eq (kept, packed);
  rg_test_exec (f->db, "DELETE FROM rollup_guest_pack");
  ck_assert (rg_rollup_guest_ensure (f->db, &error));
  ck_assert_no_error (error);
  ensured = dump_table (f->db, "rollup_guest_pack");
  ck_assert_str_eq (ensured, packed);

  /* The dish pairs likewise (schema version 18). */
  {
    g_autofree gchar *pairs = dump_table (f->db, "rollup_pair_pack");
    g_autofree gchar *repacked = NULL;

    ck_assert_int_gt (rg_test_query_int (f->db, "SELECT count (*) FROM rollup_pair_pack"), 0);
    rg_test_exec (f->db, "DELETE FROM rollup_pair_pack");
    ck_assert (rg_rollup_pair_ensure (f->db, &error));
    ck_assert_no_error (error);
    repacked = dump_table (f->db, "rollup_pair_pack");
    ck_assert_str_eq (repacked, pairs);
    assert_pair_packs_match_months (f->db);
  }

  missing = rg_rollup_guest_dup_id (f->db, 1 + (guint) rg_test_query_int (f->db,
                                    "SELECT max (number) FROM rollup_guest_number"), &error);
  ck_assert_ptr_null (missing);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

/* A row whose figures do not fit in 16 bytes (a huge or negative check, a
 * long month) is packed 32 bytes an entry, and read back the same, by
 * closing a check and by a rebuild; a damaged row is an error that says
 * what to do. */
START_TEST (test_guest_packs_wide_and_damaged)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgReport) report = NULL;
  g_autofree gchar *owner = NULL;
  g_autofree gchar *branch = NULL;
  g_autofree gchar *month = NULL;
  g_autofree gchar *guest = NULL;
  g_autofree gchar *from = NULL;
  g_autofree gchar *to = NULL;
  RgReportQuery query = { 0 };
  /* spend, cost and last_ms after the month's start: too much, below
   * zero, later than 32 bits of milliseconds. */
  static const gint64 odd[][3] = {
    { G_GINT64_CONSTANT (5000000000), 10, 0 }, { -100000000, -100000000, 0 }, { 0, 0, G_GINT64_CONSTANT (50) * 86400000 },
  };
  const gchar *where = "branch_id = '%s' AND month = '%s' AND guest_id = '%s'";

  fill_random (f, 20261127);
  ck_assert (rg_rollup_rebuild (f->db, &error));
  ck_assert_no_error (error);
  branch = rg_test_query_text (f->db, "SELECT branch_id FROM rollup_guest_month ORDER BY 1, month, guest_id LIMIT 1");
  month = rg_test_query_text (f->db, "SELECT month FROM rollup_guest_month ORDER BY branch_id, 1, guest_id LIMIT 1");
  guest = rg_test_query_text (f->db, "SELECT guest_id FROM rollup_guest_month ORDER BY branch_id, month, 1 LIMIT 1");
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count (*) FROM rollup_guest_pack "
                                              "WHERE substr (guests, 1, 8) = x'0000000000000080' "
                                              "OR (length (guests) - 8) % 16 <> 0"), 0);

  /* Each added as closing a check adds it to both rollups, then taken
   * back by one of the opposite amounts. */
  for (gsize i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      gint64 last_ms = rg_test_query_intf (f->db, "SELECT min (last_ms) FROM rollup_guest_month "
                                                  "WHERE branch_id = '%s' AND month = '%s'", branch, month) + odd[i][2];
      g_autofree gchar *sql = NULL;

      ck_assert (rg_rollup_guest_add (f->db, branch, month, guest, odd[i][0], odd[i][1], last_ms, &error));
      ck_assert_no_error (error);
      sql = g_strdup_printf ("UPDATE rollup_guest_month SET visits = visits + 1, spend = spend + %" G_GINT64_FORMAT
                             ", cost = cost + %" G_GINT64_FORMAT ", last_ms = max (last_ms, %" G_GINT64_FORMAT ") "
                             "WHERE %s", odd[i][0], odd[i][1], last_ms, where);
      rg_test_exec_printf (f->db, sql, branch, month, guest);
      ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count (*) FROM rollup_guest_pack "
                                                  "WHERE substr (guests, 1, 8) = x'0000000000000080'"), 1);
      assert_packs_match_months (f->db);

      ck_assert (rg_rollup_guest_add (f->db, branch, month, guest, -odd[i][0], -odd[i][1], last_ms, &error));
      ck_assert_no_error (error);
      g_free (sql);
      sql = g_strdup_printf ("UPDATE rollup_guest_month SET visits = visits + 1, spend = spend - %" G_GINT64_FORMAT
                             ", cost = cost - %" G_GINT64_FORMAT " WHERE %s", odd[i][0], odd[i][1], where);
      rg_test_exec_printf (f->db, sql, branch, month, guest);
      assert_packs_match_months (f->db);
    }
  ck_assert (rg_rollup_guest_rebuild (f->db, &error));
  ck_assert_no_error (error);
  assert_packs_match_months (f->db);

  owner = rg_test_dup_staff_id (f->db, RG_ROLE_OWNER);
  from = g_strdup_printf ("%s-01", month);
  to = g_strdup_printf ("%s-28", month);
  query = (RgReportQuery) { .staff_id = owner, .from = from, .to = to };
  report = rg_report_run (f->db, RG_REPORT_TIERS, &query, &error);
  ck_assert_no_error (error);
  g_clear_object (&report);
  rg_test_exec_printf (f->db, "UPDATE rollup_guest_pack SET guests = substr (guests, 1, length (guests) - 1) "
                              "WHERE month = '%s'", month);
  report = rg_report_run (f->db, RG_REPORT_TIERS, &query, &error);
  ck_assert_ptr_null (report);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "rollups rebuild"));
}
END_TEST

/* The SQL functions against GLib's own conversion, around changes of
 * offset. */
START_TEST (test_local_day_and_hour_match_glib)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const gchar *zones[] = { "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
                           "America/St_Johns", "Pacific/Chatham", "UTC", "No/Such_Zone" };
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (f->db),
                    "SELECT rg_local_day (?1, ?2), rg_local_hour (?1, ?2)", -1, &stmt, NULL), SQLITE_OK);
  for (gint i = 0; i < 20000; i++)
    {
      const gchar *zone = zones[i % G_N_ELEMENTS (zones)];
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree gchar *day = NULL;
      /* 1960 to 2040, often near 2026-03-08 and 2026-11-01. */
      gint64 ms = i % 3 == 0 ? (gint64) g_rand_double_range (rand, -3.2e11, 2.2e12)
                             : (i % 3 == 1 ? G_GINT64_CONSTANT (1772928000000) : G_GINT64_CONSTANT (1793491200000))
                               + (gint64) g_rand_double_range (rand, -2 * 86400e3, 2 * 86400e3);

      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      utc = g_date_time_new_from_unix_utc (ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
      local = g_date_time_to_timezone (utc, tz);
      day = g_date_time_format (local, "%Y-%m-%d");
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ms);
      sqlite3_bind_text (stmt, 2, zone, -1, SQLITE_STATIC);
      ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
      ck_assert_str_eq ((const gchar *) sqlite3_column_text (stmt, 0), day);
      ck_assert_int_eq (sqlite3_column_int (stmt, 1), g_date_time_get_hour (local));
    }
  sqlite3_reset (stmt);
  sqlite3_bind_null (stmt, 1);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  ck_assert_int_eq (sqlite3_column_type (stmt, 0), SQLITE_NULL);
  sqlite3_finalize (stmt);
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
  tcase_add_loop_test (tc, test_rebuild_equals_replay_on_random_data, 0, 8);
  tcase_add_test (tc, test_guest_packs_numbers_and_ensure);
  tcase_add_test (tc, test_guest_packs_wide_and_damaged);
  tcase_add_test (tc, test_local_day_and_hour_match_glib);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (rollup_suite ());
}
