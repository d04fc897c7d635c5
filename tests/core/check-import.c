/* check-import.c — the generic orders import: mappings, messy exports,
 * skipped rows, broken files, re-imports, and the shared data sets checked
 * against figures computed here from the files themselves.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-guest.h"
#include "rg-id.h"
#include "rg-import.h"
#include "rg-csv.h"
#include "rg-import-parse.h"

#define PIZZA_MAP "visit=order_id,date=order_date,time=order_time,item=pizza_name," \
                  "category=category,qty=quantity,price=unit_price"
#define COFFEE_MAP "visit=visit_id,date=date,time=time,item=product,category=category," \
                   "qty=quantity,price=unit_price,amount=line_amount,guest=customer_id,branch=outlet_id"
#define RECEIPTS_MAP "visit=transaction_id,date=transaction_date,time=transaction_time," \
                     "item=product_id,qty=quantity,price=unit_price,amount=line_item_amount," \
                     "guest=customer_id,branch=sales_outlet_id"
#define EXPORT_MAP "visit=Ticket,date=Date,time=Time,guest=Customer,phone=Phone,item=Dish," \
                   "category=Category,qty=Qty,price=Price,branch=Outlet"
#define SIMPLE_MAP "visit=visit,time=time,item=item,qty=qty,price=price"

static RgImportOptions *
options_for (const gchar *map)
{
  g_autoptr(GError) error = NULL;
  RgImportOptions *options = rg_import_options_new ();

  ck_assert (rg_import_options_set_map (options, map, &error));
  ck_assert_no_error (error);
  return options;
}

static RgImportResult *
import_text (RgDb                   *db,
             const gchar            *text,
             const RgImportOptions  *options,
             GError                **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);

  return rg_import_orders_from_stream (db, stream, options, error);
}

static RgImportResult *
import_ok (RgDb                  *db,
           const gchar           *text,
           const RgImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  RgImportResult *result = import_text (db, text, options, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (result);
  return result;
}

static RgImportResult *
import_file_ok (RgDb                  *db,
                const gchar           *path,
                const RgImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  RgImportResult *result = rg_import_orders (db, path, options, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (result);
  return result;
}

/* Every row the import may write, so "nothing changed" can be checked. */
static gint64
count_rows (RgDb *db)
{
  return rg_test_query_int (db,
      "SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM guest) + "
      "(SELECT count(*) FROM guest_phone) + (SELECT count(*) FROM menu_item) + "
      "(SELECT count(*) FROM visit) + (SELECT count(*) FROM order_line) + "
      "(SELECT count(*) FROM sync_outbox) + (SELECT count(*) FROM rollup_hour) + "
      "(SELECT count(*) FROM local_guest_stats)");
}

static gint64
query_int_text (RgDb        *db,
                const gchar *sql,
                const gchar *arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  ck_assert_int_eq (sqlite3_prepare_v2 (rg_db_get_handle (db), sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
utc_ms (gint year, gint month, gint day, gint hour, gint minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt) * 1000;
}

static const RgImportIssue *
issue (GPtrArray *issues,
       guint      index)
{
  ck_assert_uint_lt (index, issues->len);
  return g_ptr_array_index (issues, index);
}

/* --------------------------------------------------------------- mapping */

START_TEST (test_map_parsing)
{
  static const gchar * const bad[] = {
    "visit=a,colour=b", "visit=a,visit=b", "visit", "visit=", "visit=a,,item=b",
  };
  g_autoptr(RgImportOptions) options = rg_import_options_new ();
  g_autoptr(GError) error = NULL;

  ck_assert (rg_import_options_set_map (options, " Visit = Order ID ,time=t, ITEM=Dish Name", &error));
  ck_assert_no_error (error);
  ck_assert_str_eq (options->columns[RG_IMPORT_ROLE_VISIT], "Order ID");
  ck_assert_str_eq (options->columns[RG_IMPORT_ROLE_TIME], "t");
  ck_assert_str_eq (options->columns[RG_IMPORT_ROLE_ITEM], "Dish Name");
  ck_assert_ptr_null (options->columns[RG_IMPORT_ROLE_PRICE]);
  ck_assert_str_eq (rg_import_role_to_string (RG_IMPORT_ROLE_AMOUNT), "amount");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ck_assert_msg (!rg_import_options_set_map (options, bad[i], &error), "“%s” accepted", bad[i]);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      g_clear_error (&error);
      /* a refused mapping changes nothing */
      ck_assert_str_eq (options->columns[RG_IMPORT_ROLE_VISIT], "Order ID");
      ck_assert_ptr_null (options->columns[RG_IMPORT_ROLE_QTY]);
    }
}
END_TEST

START_TEST (test_mapping_needs_its_roles)
{
  static const gchar * const maps[] = {
    "time=time,item=item,price=price",
    "visit=visit,item=item,price=price",
    "visit=visit,time=time,price=price",
    "visit=visit,time=time,item=item,qty=qty",
  };
  g_autoptr(RgTestDb) t = rg_test_db_new ();

  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autoptr(RgImportOptions) options = options_for (maps[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgImportResult) result = import_text (t->db, "visit,time,item,qty,price\n1,2024-01-01 12:00,Tea,1,2\n",
                                                      options, &error);

      ck_assert_ptr_null (result);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      ck_assert_msg (strstr (error->message, "mapping needs") != NULL, "%s", error->message);
    }
  ck_assert_int_eq (count_rows (t->db), 0);
}
END_TEST

START_TEST (test_mapping_names_a_missing_column)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP ",guest=customer");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgImportResult) result = import_text (t->db, "visit,time,item,qty,price\n1,2024-01-01 12:00,Tea,1,2\n",
                                                  options, &error);

  ck_assert_ptr_null (result);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_msg (strstr (error->message, "no column “customer” (given for guest)") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "visit, time, item, qty, price") != NULL, "%s", error->message);
  ck_assert_int_eq (count_rows (t->db), 0);
}
END_TEST

START_TEST (test_bad_date_format)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgImportResult) result = NULL;

  options->date_format = g_strdup ("%d/%q/%Y");
  result = import_text (t->db, "visit,time,item,qty,price\n1,01/01/2024,Tea,1,2\n", options, &error);
  ck_assert_ptr_null (result);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (count_rows (t->db), 0);
}
END_TEST

/* -------------------------------------------------------------- fixtures */

/* UTF-8 with a BOM, CRLF, a quoted field holding a line end, doubled quotes,
 * $ ¥ £ prices with thousands separators, 12-hour times, day-first dates,
 * phones in US formats, two outlets. */
START_TEST (test_messy_export)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *path = rg_test_source_file ("tests/data/orders-export.csv");
  g_autoptr(RgImportOptions) options = options_for (EXPORT_MAP);
  g_autoptr(RgImportResult) result = NULL;
  const gchar *device = rg_db_get_device_id (t->db);
  gint64 cache_size = rg_test_query_int (t->db, "PRAGMA cache_size");
  gint64 temp_store = rg_test_query_int (t->db, "PRAGMA temp_store");

  options->country = g_strdup ("US");
  result = import_file_ok (t->db, path, options);

  /* the connection is as it was */
  ck_assert_int_eq (rg_test_query_int (t->db, "PRAGMA cache_size"), cache_size);
  ck_assert_int_eq (rg_test_query_int (t->db, "PRAGMA temp_store"), temp_store);

  ck_assert_uint_eq (result->rows, 5);
  ck_assert_uint_eq (result->lines, 5);
  ck_assert_uint_eq (result->visits, 3);
  ck_assert_uint_eq (result->new_guests, 2);
  ck_assert_uint_eq (result->new_items, 4);
  ck_assert_uint_eq (result->new_branches, 2);
  ck_assert_uint_eq (result->skipped->len, 0);
  ck_assert_uint_eq (result->warnings->len, 0);
  /* 1,250.00 + 2 × 12.75 + 6.00 + 3 × 12 + 12.75 */
  ck_assert_int_eq (result->revenue, 125000 + 2550 + 600 + 3600 + 1275);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum (qty * unit_price - discount) FROM order_line"),
                    result->revenue);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum (subtotal) FROM visit"), result->revenue);

  /* the items, with their names unquoted and their first price */
  ck_assert_int_eq (query_int_text (t->db, "SELECT price FROM menu_item WHERE name = ?", "Margherita, large"), 1275);
  ck_assert_int_eq (query_int_text (t->db, "SELECT count(*) FROM menu_item WHERE name = ?", "Tiramisu \"house\""), 1);
  ck_assert_int_eq (query_int_text (t->db, "SELECT count(*) FROM menu_item WHERE category = ?", "Catering"), 1);

  /* day-first dates (13/01 says so), 12-hour times, in UTC branches */
  ck_assert_int_eq (query_int_text (t->db, "SELECT seated_ms FROM visit WHERE external_ref = ?", "2024-01-13 #A-1"),
                    utc_ms (2024, 1, 13, 19, 5));
  ck_assert_int_eq (query_int_text (t->db, "SELECT seated_ms FROM visit WHERE external_ref = ?", "2024-02-02 #A-2"),
                    utc_ms (2024, 2, 2, 0, 30));
  ck_assert_int_eq (query_int_text (t->db, "SELECT seated_ms FROM visit WHERE external_ref = ?", "2024-02-14 #A-3"),
                    utc_ms (2024, 2, 14, 11, 15));
  ck_assert_int_eq (query_int_text (t->db,
      "SELECT count(*) FROM visit v JOIN branch b ON b.id = v.branch_id WHERE b.name = ?", "Downtown"), 2);

  /* guests by their id, with their phones; A-2 is a walk-in */
  ck_assert_int_eq (query_int_text (t->db,
      "SELECT count(*) FROM guest g JOIN guest_phone p ON p.guest_id = g.id "
      "WHERE g.external_ref = 'C100' AND p.e164 = ?", "+14155550132"), 1);
  ck_assert_int_eq (query_int_text (t->db,
      "SELECT count(*) FROM guest g JOIN guest_phone p ON p.guest_id = g.id "
      "WHERE g.external_ref = 'C200' AND p.e164 = ?", "+14155550199"), 1);
  ck_assert_int_eq (query_int_text (t->db, "SELECT guest_id IS NULL FROM visit WHERE external_ref = ?",
                                    "2024-02-02 #A-2"), 1);
  ck_assert_int_eq (query_int_text (t->db, "SELECT count(*) FROM guest WHERE name = ?", "Guest C100"), 1);

  /* closed visits; every synced row has its id, clock and origin, and is in the outbox */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM visit WHERE status <> 'closed'"), 0);
  ck_assert_int_eq (query_int_text (t->db,
      "SELECT (SELECT count(*) FROM visit WHERE updated_hlc = 0 OR origin <> ?1 OR length (id) <> 36) + "
      "(SELECT count(*) FROM order_line WHERE updated_hlc = 0 OR origin <> ?1) + "
      "(SELECT count(*) FROM guest WHERE updated_hlc = 0 OR origin <> ?1) + "
      "(SELECT count(*) FROM guest_phone WHERE updated_hlc = 0 OR origin <> ?1) + "
      "(SELECT count(*) FROM menu_item WHERE updated_hlc = 0 OR origin <> ?1) + "
      "(SELECT count(*) FROM branch WHERE updated_hlc = 0 OR origin <> ?1)", device), 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(DISTINCT row_id) FROM sync_outbox"),
                    rg_test_query_int (t->db,
                        "SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM order_line) + "
                        "(SELECT count(*) FROM guest) + (SELECT count(*) FROM guest_phone) + "
                        "(SELECT count(*) FROM menu_item) + (SELECT count(*) FROM branch)"));

  /* the rollups and the guests' figures were rebuilt */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum (revenue) FROM rollup_hour"), result->revenue);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT s.visit_count FROM local_guest_stats s JOIN guest g ON g.id = s.guest_id "
      "WHERE g.external_ref = 'C100'"), 1);
}
END_TEST

/* latin-1, ';' delimiters, no quantity column, line totals with a decimal
 * comma, "0" for a walk-in, items in another case, month-first dates. */
START_TEST (test_latin1_export)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *path = rg_test_source_file ("tests/data/orders-latin1.csv");
  g_autoptr(RgImportOptions) options = options_for ("visit=order,time=when,item=item,amount=total,guest=guest");
  g_autoptr(RgImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* without its encoding the file is refused, and nothing is written */
  result = rg_import_orders (t->db, path, options, &error);
  ck_assert_ptr_null (result);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_msg (strstr (error->message, "orders-latin1.csv: line 2 is not valid UTF-8") != NULL,
                 "%s", error->message);
  ck_assert_int_eq (count_rows (t->db), 0);

  options->encoding = g_strdup ("latin-1");
  result = import_file_ok (t->db, path, options);
  ck_assert_uint_eq (result->rows, 3);
  ck_assert_uint_eq (result->visits, 2);
  ck_assert_uint_eq (result->lines, 3);
  ck_assert_uint_eq (result->new_items, 2);
  ck_assert_uint_eq (result->new_guests, 1);
  ck_assert_int_eq (result->revenue, 750 + 200 + 200);
  ck_assert_int_eq (query_int_text (t->db, "SELECT price FROM menu_item WHERE name = ?", "Crème brûlée"), 750);
  ck_assert_int_eq (query_int_text (t->db, "SELECT count(*) FROM order_line l JOIN menu_item m ON m.id = l.item_id "
                                    "WHERE m.name = ?", "Café"), 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum (qty) FROM order_line"), 3);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM visit WHERE guest_id IS NULL"), 1);
  /* 1/5/2024 is the 5th of January: no date has a first number above 12 */
  ck_assert_int_eq (query_int_text (t->db, "SELECT seated_ms FROM visit WHERE external_ref = ?", "2024-01-05 #1"),
                    utc_ms (2024, 1, 5, 18, 30));
  /* with no branch, one called Main was made */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM branch WHERE name = 'Main'"), 1);
}
END_TEST

START_TEST (test_date_format_option)
{
  static const gchar text[] = "visit,time,item,qty,price\n1,01/02/2024 10:00,Tea,1,2\n";
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) first = import_ok (t->db, text, options);
  g_autoptr(RgImportResult) second = NULL;

  ck_assert_uint_eq (first->visits, 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT max (seated_ms) FROM visit"), utc_ms (2024, 1, 2, 10, 0));

  /* the same text read day first is another date, hence another visit */
  options->date_format = g_strdup ("%d/%m/%Y");
  second = import_ok (t->db, text, options);
  ck_assert_uint_eq (second->visits, 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT max (seated_ms) FROM visit"), utc_ms (2024, 2, 1, 10, 0));
}
END_TEST

/* -------------------------------------------------------------- skipping */

START_TEST (test_bad_rows_are_skipped_by_line)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *path = rg_test_source_file ("tests/data/orders-bad-rows.csv");
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) result = import_file_ok (t->db, path, options);
  static const struct { guint line; const gchar *reason; } expected[] = {
    { 3, "no item" },
    { 4, "no price" },
    { 5, "time: “2024-02-30 13:00” is not a date or time" },
    { 6, "qty: “zero” is not a quantity" },
    { 7, "price: “abc” is not an amount of money" },
    { 8, "no visit id" },
  };

  ck_assert_uint_eq (result->rows, 8);
  ck_assert_uint_eq (result->lines, 2);
  ck_assert_uint_eq (result->visits, 2);
  ck_assert_int_eq (result->revenue, 450 + 600);
  ck_assert_uint_eq (result->skipped->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ck_assert_uint_eq (issue (result->skipped, i)->line, expected[i].line);
      ck_assert_msg (g_str_has_prefix (issue (result->skipped, i)->reason, expected[i].reason),
                     "line %u: “%s”", expected[i].line, issue (result->skipped, i)->reason);
    }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM order_line"), 2);
}
END_TEST

START_TEST (test_strict_refuses_the_file)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *path = rg_test_source_file ("tests/data/orders-bad-rows.csv");
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  options->strict = TRUE;
  result = rg_import_orders (t->db, path, options, &error);
  ck_assert_ptr_null (result);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_msg (strstr (error->message, "line 3: no item; nothing was imported (6 rows cannot be read)") != NULL,
                 "%s", error->message);
  ck_assert_int_eq (count_rows (t->db), 0);
}
END_TEST

START_TEST (test_dates_that_only_one_order_makes)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) result = import_ok (t->db,
      "visit,time,item,qty,price\n"
      "1,13/01/2024 10:00,Tea,1,2\n"
      "2,01/13/2024 10:00,Tea,1,2\n"
      "3,02/03/2024 10:00,Tea,1,2\n", options);

  ck_assert_uint_eq (result->visits, 2);
  ck_assert_uint_eq (result->skipped->len, 1);
  ck_assert_uint_eq (issue (result->skipped, 0)->line, 3);
  ck_assert_msg (strstr (issue (result->skipped, 0)->reason, "“01/13/2024 10:00” is not a date (the file's dates are day first)") != NULL,
                 "%s", issue (result->skipped, 0)->reason);
  ck_assert_int_eq (query_int_text (t->db, "SELECT seated_ms FROM visit WHERE external_ref = ?", "2024-03-02 #3"),
                    utc_ms (2024, 3, 2, 10, 0));
}
END_TEST

START_TEST (test_bad_phone_is_a_warning)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP ",phone=phone");
  g_autoptr(RgImportResult) result = import_ok (t->db,
      "visit,time,item,qty,price,phone\n1,2024-01-01 10:00,Tea,1,2,call me\n", options);

  ck_assert_uint_eq (result->lines, 1);
  ck_assert_uint_eq (result->skipped->len, 0);
  ck_assert_uint_eq (result->warnings->len, 1);
  ck_assert_uint_eq (issue (result->warnings, 0)->line, 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), 0);
}
END_TEST

/* ---------------------------------------------------------------- broken */

START_TEST (test_broken_inputs_change_nothing)
{
  static const struct { const gchar *text; const gchar *says; } broken[] = {
    { "visit,time,item,qty,price\n1,2024-01-01 10:00,\"Tea,1,2\n", "line 2: the quote that opens a field there is never closed" },
    { "visit,time,item,qty,price\n1,2024-01-01 10:00,12\" pizza,1,2\n", "line 2, field 3: a quote in the middle" },
    { "visit,time,item,qty,price\n1,2024-01-01 10:00,Tea,1,2,extra\n", "line 2 has 6 fields, but the header has 5" },
    { "visit,time,item,qty,price\n1,2024-01-01 10:00,Tea,1,2\n2,2024-01-01 10:00,Tea,1\n", "line 3 has 4 fields" },
    { "visit,time,item,qty,price\n1,2024-01-01 10:00,Th\xe9,1,2\n", "line 2 is not valid UTF-8" },
    { "", "the file is empty" },
  };
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) before = import_ok (t->db, "visit,time,item,qty,price\n9,2024-01-01 09:00,Tea,1,2\n", options);
  gint64 rows = count_rows (t->db);

  ck_assert_uint_eq (before->lines, 1);
  ck_assert_int_gt (rows, 0);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgImportResult) result = import_text (t->db, broken[i].text, options, &error);

      ck_assert_ptr_null (result);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      ck_assert_msg (strstr (error->message, broken[i].says) != NULL, "“%s” does not say “%s”",
                     error->message, broken[i].says);
      ck_assert_int_eq (count_rows (t->db), rows);
    }
}
END_TEST

START_TEST (test_missing_file)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgImportResult) result = rg_import_orders (t->db, "/nonexistent/orders.csv", options, &error);

  ck_assert_ptr_null (result);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  ck_assert_int_eq (count_rows (t->db), 0);
}
END_TEST

START_TEST (test_unknown_time_zone_changes_nothing)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows;

  ck_assert (rg_db_exec (t->db, "INSERT INTO branch (id, name, tz) VALUES ('b1', 'Moon', 'Moon/Base')", NULL));
  rows = count_rows (t->db);
  options->branch = g_strdup ("Moon");
  result = import_text (t->db, "visit,time,item,qty,price\n1,2024-01-01 10:00,Tea,1,2\n", options, &error);
  ck_assert_ptr_null (result);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert (strstr (error->message, "Moon/Base") != NULL);
  ck_assert_int_eq (count_rows (t->db), rows);
}
END_TEST

/* ---------------------------------------------------------------- visits */

START_TEST (test_reimport_adds_nothing)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *path = rg_test_source_file ("tests/data/orders-export.csv");
  g_autoptr(RgImportOptions) options = options_for (EXPORT_MAP);
  g_autoptr(RgImportResult) first = import_file_ok (t->db, path, options);
  g_autoptr(RgImportResult) second = NULL;
  gint64 rows = count_rows (t->db);
  gint64 outbox = rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox");

  ck_assert_uint_eq (first->visits, 3);
  second = import_file_ok (t->db, path, options);
  ck_assert_uint_eq (second->visits, 0);
  ck_assert_uint_eq (second->lines, 0);
  ck_assert_uint_eq (second->duplicate_visits, 3);
  ck_assert_uint_eq (second->duplicate_rows, 5);
  ck_assert_uint_eq (second->new_guests + second->new_items + second->new_branches, 0);
  ck_assert_int_eq (second->revenue, 0);
  ck_assert_int_eq (count_rows (t->db), rows);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox"), outbox);
}
END_TEST

START_TEST (test_second_import_finds_the_guests)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP ",guest=guest");
  g_autoptr(RgImportResult) first = import_ok (t->db,
      "visit,time,item,qty,price,guest\n1,2024-01-01 10:00,Tea,1,2,G7\n2,2024-01-01 11:00,Tea,1,2,G8\n", options);
  g_autoptr(RgImportResult) second = import_ok (t->db,
      "visit,time,item,qty,price,guest\n3,2024-01-02 10:00,Tea,1,2,G7\n", options);

  ck_assert_uint_eq (first->new_guests, 2);
  ck_assert_uint_eq (second->new_guests, 0);
  ck_assert_uint_eq (second->visits, 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT count(*) FROM visit v JOIN guest g ON g.id = v.guest_id WHERE g.external_ref = 'G7'"), 2);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT s.visit_count FROM local_guest_stats s JOIN guest g ON g.id = s.guest_id "
      "WHERE g.external_ref = 'G7'"), 2);
}
END_TEST

START_TEST (test_phone_finds_an_enrolled_guest)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP ",phone=phone,guest=guest");
  g_autoptr(RgImportResult) result = NULL;
  g_autoptr(RgGuest) li = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *phones[] = { "+86 138 0013 8000", NULL };
  RgGuestFields fields = { .name = "Li Wei" };

  li = rg_guest_add (t->db, &fields, phones, NULL, &error);
  ck_assert_no_error (error);

  options->country = g_strdup ("CN");
  result = import_ok (t->db,
      "visit,time,item,qty,price,phone,guest\n"
      "1,2024-01-01 10:00,Tea,1,2,138-0013-8000,\n"
      "2,2024-01-01 11:00,Tea,1,2,13900139000,X1\n", options);
  ck_assert_uint_eq (result->new_guests, 1);
  ck_assert_int_eq (query_int_text (t->db, "SELECT count(*) FROM visit WHERE guest_id = ?", rg_guest_get_id (li)), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT count(*) FROM guest g JOIN guest_phone p ON p.guest_id = g.id "
      "WHERE g.external_ref = 'X1' AND p.e164 = '+8613900139000'"), 1);
}
END_TEST

START_TEST (test_line_total_that_does_not_divide)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP ",amount=amount");
  g_autoptr(RgImportResult) result = import_ok (t->db,
      "visit,time,item,qty,price,amount\n1,2024-01-01 10:00,Ginger Scone,3,2.65,2.65\n", options);

  /* three for the price of one: one line of 3 × 0.89 less 0.02 */
  ck_assert_uint_eq (result->rows, 1);
  ck_assert_uint_eq (result->lines, 1);
  ck_assert_int_eq (result->revenue, 265);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM order_line"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT qty * 1000000 + unit_price * 1000 + discount FROM order_line"),
                    3 * 1000000 + 89 * 1000 + 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT subtotal FROM visit"), 265);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum (revenue) FROM rollup_item_day"), 265);
  /* the menu keeps the list price */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT price FROM menu_item"), 265);
}
END_TEST

START_TEST (test_rows_without_quantity)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for ("visit=visit,time=time,item=item,price=price");
  g_autoptr(RgImportResult) result = import_ok (t->db,
      "visit,time,item,price\n1,2024-01-01 10:00,Tea,2.00\n1,2024-01-01 10:00,Tea,2.00\n", options);

  ck_assert_uint_eq (result->lines, 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT sum (qty) FROM order_line"), 2);
  ck_assert_int_eq (result->revenue, 400);
}
END_TEST

START_TEST (test_ticket_numbers_that_restart)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) result = import_ok (t->db,
      "visit,time,item,qty,price\n"
      "7,2024-01-01 08:00,Tea,1,2\n"
      "7,2024-01-01 08:05,Cake,1,3\n"
      "7,2024-01-02 08:00,Tea,1,2\n"        /* the next day's ticket 7 */
      "8,2024-01-01 23:50,Beer,1,5\n"
      "8,2024-01-02 00:20,Beer,1,5\n",      /* one party past midnight */
      options);

  ck_assert_uint_eq (result->visits, 3);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT subtotal FROM visit WHERE external_ref = '2024-01-01 #7'"), 500);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT subtotal FROM visit WHERE external_ref = '2024-01-02 #7'"), 200);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT left_ms - seated_ms FROM visit WHERE external_ref = '2024-01-01 #8'"), 30 * 60 * 1000);
}
END_TEST

START_TEST (test_branch_time_zone)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP);
  g_autoptr(RgImportResult) result = NULL;

  ck_assert (rg_db_exec (t->db, "INSERT INTO branch (id, name, tz) VALUES ('b-sh', 'Shanghai', 'Asia/Shanghai'), "
                                "('b-ny', 'New York', 'America/New_York')", NULL));
  ck_assert (rg_db_set_setting (t->db, "branch_id", "b-ny", NULL));

  result = import_ok (t->db, "visit,time,item,qty,price\n1,2024-07-01 12:00,Tea,1,2\n", options);
  ck_assert_uint_eq (result->new_branches, 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT seated_ms FROM visit WHERE branch_id = 'b-ny'"),
                    utc_ms (2024, 7, 1, 16, 0));

  options->branch = g_strdup ("shanghai");
  g_clear_pointer (&result, rg_import_result_free);
  result = import_ok (t->db, "visit,time,item,qty,price\n1,2024-07-01 12:00,Tea,1,2\n", options);
  ck_assert_uint_eq (result->visits, 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT seated_ms FROM visit WHERE branch_id = 'b-sh'"),
                    utc_ms (2024, 7, 1, 4, 0));
  /* and the rollups count it in Shanghai's noon */
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT hour FROM rollup_hour WHERE branch_id = 'b-sh'"), 12);
}
END_TEST

START_TEST (test_menu_items_are_matched)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (SIMPLE_MAP ",category=category");
  g_autoptr(RgImportResult) result = NULL;

  ck_assert (rg_db_exec (t->db, "INSERT INTO menu_item (id, name, category, price, cost) "
                                "VALUES ('m1', 'Crème Brûlée', 'Dessert', 800, 300)", NULL));
  result = import_ok (t->db,
      "visit,time,item,qty,price,category\n1,2024-01-01 10:00,CRÈME BRÛLÉE,2,7.50,Sweets\n", options);
  ck_assert_uint_eq (result->new_items, 0);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM order_line WHERE item_id = 'm1' "
                                       "AND unit_price = 750 AND unit_cost = 300"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM menu_item"), 1);
}
END_TEST

/* -------------------------------------------------------------- datasets */

typedef struct
{
  guint       rows;
  guint       discounted_rows; /* rows whose total does not divide by the quantity */
  GHashTable *visits;
  GHashTable *guests;
  gint64      revenue;
} Expected;

static void
expected_clear (Expected *e)
{
  g_hash_table_unref (e->visits);
  g_hash_table_unref (e->guests);
}

static gint64
cents (const gchar *text)
{
  return (gint64) llround (g_ascii_strtod (text, NULL) * 100);
}

/* Splits one line of the shared files at the commas outside quotes and
 * drops the quotes: enough for these files, which have no doubled quotes
 * or line ends inside fields, and independent of rg-csv. */
static GStrv
split_line (const gchar *line)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const gchar *p = line; *p != '\0' && *p != '\r' && *p != '\n'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_strdup (field->str));
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

/* Reads a shared file line by line and counts rows, visits (the fields of
 * @visit_fields joined), guests and revenue: @amount_field's value, or
 * @price_field × @qty_field when @amount_field is -1. */
static Expected
compute_expected (const gchar *relative,
                  const gint  *visit_fields,
                  gint         guest_field,
                  const gchar *walk_in,
                  gint         qty_field,
                  gint         price_field,
                  gint         amount_field)
{
  g_autofree gchar *path = rg_test_shared_data (relative);
  g_autofree gchar *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Expected e = { 0, };

  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  e.visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e.guests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autoptr(GString) visit = g_string_new (NULL);
      gint64 qty, line;

      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        continue;
      f = split_line (lines[i]);
      e.rows++;
      for (guint k = 0; visit_fields[k] >= 0; k++)
        g_string_append_printf (visit, "%s/", f[visit_fields[k]]);
      g_hash_table_add (e.visits, g_strdup (visit->str));
      if (guest_field >= 0 && *f[guest_field] != '\0' && g_strcmp0 (f[guest_field], walk_in) != 0)
        g_hash_table_add (e.guests, g_strdup (f[guest_field]));

      qty = g_ascii_strtoll (f[qty_field], NULL, 10);
      line = amount_field >= 0 ? cents (f[amount_field]) : cents (f[price_field]) * qty;
      e.revenue += line;
      if (line % qty != 0)
        e.discounted_rows++;
    }
  return e;
}

static void
assert_import_matches (RgDb                 *db,
                       const RgImportResult *result,
                       const Expected       *e)
{
  ck_assert_uint_eq (result->skipped->len, 0);
  ck_assert_uint_eq (result->rows, e->rows);
  ck_assert_uint_eq (result->visits, g_hash_table_size (e->visits));
  ck_assert_uint_eq (result->new_guests, g_hash_table_size (e->guests));
  ck_assert_int_eq (result->revenue, e->revenue);
  ck_assert_uint_eq (result->lines, e->rows);

  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM order_line"), e->rows);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM order_line WHERE discount > 0"),
                    e->discounted_rows);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM order_line WHERE discount >= qty"), 0);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM visit WHERE status = 'closed'"),
                    g_hash_table_size (e->visits));
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(*) FROM guest"), g_hash_table_size (e->guests));
  ck_assert_int_eq (rg_test_query_int (db, "SELECT count(DISTINCT guest_id) FROM visit"),
                    g_hash_table_size (e->guests));
  ck_assert_int_eq (rg_test_query_int (db, "SELECT sum (qty * unit_price - discount) FROM order_line"), e->revenue);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT sum (subtotal) FROM visit"), e->revenue);
  ck_assert_int_eq (rg_test_query_int (db, "SELECT sum (revenue) FROM rollup_hour"), e->revenue);
}

START_TEST (test_pizza_sales)
{
  /* order_details_id,order_id,order_date,order_time,pizza_id,pizza_name,
   * category,size,quantity,unit_price,"ingredients, …" */
  static const gint visit[] = { 1, -1 };
  Expected e = compute_expected ("pizza-sales/pizza_sales.csv", visit, -1, NULL, 8, 9, -1);
  g_autofree gchar *path = rg_test_shared_data ("pizza-sales/pizza_sales.csv");
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (PIZZA_MAP);
  g_autoptr(RgImportResult) result = import_file_ok (t->db, path, options);

  ck_assert_uint_eq (e.rows, 48620);
  assert_import_matches (t->db, result, &e);
  /* 32 pizzas, sizes apart */
  ck_assert_uint_eq (result->new_items, 32);
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT seated_ms FROM visit WHERE external_ref = '2015-01-01 #1'"), utc_ms (2015, 1, 1, 11, 38) + 36000);
  expected_clear (&e);
}
END_TEST

START_TEST (test_coffee_sales)
{
  /* visit_id,outlet_id,date,time,customer_id,staff_id,product,category,
   * quantity,unit_price,line_amount */
  static const gint visit[] = { 0, -1 };
  Expected e = compute_expected ("coffee-shop/coffee_sales.csv", visit, 4, "", 8, 9, 10);
  g_autofree gchar *path = rg_test_shared_data ("coffee-shop/coffee_sales.csv");
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (COFFEE_MAP);
  g_autoptr(RgImportResult) result = import_file_ok (t->db, path, options);

  ck_assert_uint_eq (e.rows, 49894);
  ck_assert_uint_eq (e.discounted_rows, 4);
  /* $233,635.95 with amount = line_amount */
  ck_assert_int_eq (e.revenue, 23363595);
  ck_assert_uint_eq (g_hash_table_size (e.visits), 39271);
  ck_assert_uint_eq (g_hash_table_size (e.guests), 2247);
  assert_import_matches (t->db, result, &e);
  ck_assert_uint_eq (result->new_branches, 3);
  ck_assert_uint_eq (result->new_items, 80);
  expected_clear (&e);
}
END_TEST

/* The published receipts: transaction ids restart every day at each outlet,
 * dates are YYYY/MM/DD, items are product ids, customer 0 is a walk-in. */
START_TEST (test_coffee_published_receipts)
{
  /* transaction_id,transaction_date,transaction_time,sales_outlet_id,staff_id,
   * customer_id,instore_YesNo,order,line_item_id,product_id,quantity,
   * unit_price,line_item_amount,promo_item_YesNo */
  static const gint visit[] = { 3, 1, 0, -1 };
  Expected e = compute_expected ("coffee-shop/original/sales reciepts.csv", visit, 5, "0", 10, 11, 12);
  g_autofree gchar *path = rg_test_shared_data ("coffee-shop/original/sales reciepts.csv");
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgImportOptions) options = options_for (RECEIPTS_MAP);
  g_autoptr(RgImportResult) result = import_file_ok (t->db, path, options);

  ck_assert_uint_eq (g_hash_table_size (e.visits), 39271);
  assert_import_matches (t->db, result, &e);
  ck_assert_uint_eq (result->new_items, 80);
  expected_clear (&e);
}
END_TEST

/* The pizza files as published are four tables (orders, order details,
 * pizzas, pizza types), not one: their dates, 12-hour times and "$12.75 "
 * prices are read here and compared with the flat file. */
START_TEST (test_pizza_published_formats)
{
  g_autofree gchar *flat_path = rg_test_shared_data ("pizza-sales/pizza_sales.csv");
  g_autofree gchar *orders_path = rg_test_shared_data ("pizza-sales/original/orders.csv");
  g_autofree gchar *pizzas_path = rg_test_shared_data ("pizza-sales/original/pizzas.csv");
  g_autofree gchar *flat = NULL;
  g_autoptr(GHashTable) when = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) price = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgCsvReader) orders = NULL;
  g_autoptr(RgCsvReader) pizzas = NULL;
  guint n_orders = 0, n_pizzas = 0;

  ck_assert (g_file_get_contents (flat_path, &flat, NULL, NULL));
  lines = g_strsplit (flat, "\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) f = split_line (lines[i]);

      g_hash_table_replace (when, g_strdup (f[1]), g_strdup_printf ("%s %s", f[2], f[3]));
      g_hash_table_replace (price, g_strdup (f[4]), g_strdup (f[9]));
    }

  orders = rg_csv_reader_new_for_path (orders_path, NULL, &error);
  ck_assert (rg_csv_reader_read_header (orders, &error));
  while (rg_csv_reader_next (orders, &error))
    {
      RgImportStamp date, time;
      g_autofree gchar *iso = NULL;
      const gchar *expected = g_hash_table_lookup (when, rg_csv_reader_get_field (orders, 0, NULL));

      ck_assert (rg_import_parse_stamp (rg_csv_reader_get_field (orders, 1, NULL), NULL, &date, &error));
      ck_assert (rg_import_parse_stamp (rg_csv_reader_get_field (orders, 2, NULL), NULL, &time, &error));
      ck_assert (rg_import_parse_settle_date (&date, FALSE));
      iso = g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", date.year, date.month, date.day,
                             time.hour, time.minute, time.second);
      ck_assert_ptr_nonnull (expected);
      ck_assert_str_eq (iso, expected);
      n_orders++;
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_orders, 21350);

  pizzas = rg_csv_reader_new_for_path (pizzas_path, NULL, &error);
  ck_assert (rg_csv_reader_read_header (pizzas, &error));
  while (rg_csv_reader_next (pizzas, &error))
    {
      g_autofree gchar *id = g_ascii_strdown (rg_csv_reader_get_field (pizzas, 0, NULL), -1);
      const gchar *flat_price = g_hash_table_lookup (price, id);
      gint64 minor;

      ck_assert (rg_import_parse_money (rg_csv_reader_get_field (pizzas, 3, NULL), &minor, &error));
      if (flat_price != NULL)   /* not every pizza was sold */
        ck_assert_int_eq (minor, cents (flat_price));
      n_pizzas++;
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_pizzas, 96);
}
END_TEST

static Suite *
import_suite (void)
{
  Suite *s = suite_create ("import");
  TCase *tc;

  tc = tcase_create ("mapping");
  tcase_add_test (tc, test_map_parsing);
  tcase_add_test (tc, test_mapping_needs_its_roles);
  tcase_add_test (tc, test_mapping_names_a_missing_column);
  tcase_add_test (tc, test_bad_date_format);
  suite_add_tcase (s, tc);

  tc = tcase_create ("exports");
  tcase_add_test (tc, test_messy_export);
  tcase_add_test (tc, test_latin1_export);
  tcase_add_test (tc, test_date_format_option);
  suite_add_tcase (s, tc);

  tc = tcase_create ("skipping");
  tcase_add_test (tc, test_bad_rows_are_skipped_by_line);
  tcase_add_test (tc, test_strict_refuses_the_file);
  tcase_add_test (tc, test_dates_that_only_one_order_makes);
  tcase_add_test (tc, test_bad_phone_is_a_warning);
  suite_add_tcase (s, tc);

  tc = tcase_create ("broken");
  tcase_add_test (tc, test_broken_inputs_change_nothing);
  tcase_add_test (tc, test_missing_file);
  tcase_add_test (tc, test_unknown_time_zone_changes_nothing);
  suite_add_tcase (s, tc);

  tc = tcase_create ("visits");
  tcase_add_test (tc, test_reimport_adds_nothing);
  tcase_add_test (tc, test_second_import_finds_the_guests);
  tcase_add_test (tc, test_phone_finds_an_enrolled_guest);
  tcase_add_test (tc, test_line_total_that_does_not_divide);
  tcase_add_test (tc, test_rows_without_quantity);
  tcase_add_test (tc, test_ticket_numbers_that_restart);
  tcase_add_test (tc, test_branch_time_zone);
  tcase_add_test (tc, test_menu_items_are_matched);
  suite_add_tcase (s, tc);

  tc = tcase_create ("datasets");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_pizza_sales);
  tcase_add_test (tc, test_coffee_sales);
  tcase_add_test (tc, test_coffee_published_receipts);
  tcase_add_test (tc, test_pizza_published_formats);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (import_suite ());
}
