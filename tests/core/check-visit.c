/* check-visit.c — seating, order lines, allergens, closing checks, history.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-floor.h"
#include "rg-id.h"
#include "rg-menu.h"
#include "rg-visit.h"

typedef struct
{
  RgTestDb *t;
  RgDb     *db;
  gchar    *branch;
  gchar    *li;          /* a guest allergic to peanut */
  gchar    *ana;         /* a guest allergic to gluten, anaphylactic */
  gchar    *bo;          /* a guest without allergies */
  gchar    *table;       /* "12", 4 seats */
  gchar    *pizza;       /* 1200, cost 400, gluten + milk */
  gchar    *satay;       /* 900, cost 300, peanut */
  gchar    *water;       /* 200, cost 20 */
} Fixture;

static gchar *
insert_guest (RgDb        *db,
              const gchar *name,
              const gchar *allergen,
              const gchar *severity)
{
  gchar *id = rg_test_insert_guest (db, name);

  if (allergen != NULL)
    rg_test_exec (db, "INSERT INTO guest_allergy (id, guest_id, allergen, severity) "
                  "VALUES (lower (hex (randomblob (16))), ?, ?, ?)", id, allergen, severity);
  return id;
}

static gchar *
add_item (RgDb        *db,
          const gchar *name,
          gint64       price,
          gint64       cost,
          const gchar *allergens)
{
  g_autoptr(GError) error = NULL;
  const gchar *words[] = { allergens, NULL };
  RgMenuItemSpec spec = { .name = name, .price = price, .cost = cost, .allergens = words };
  g_autoptr(RgMenuItem) item = rg_menu_add (db, "manager", &spec, &error);

  ck_assert_no_error (error);
  return g_strdup (rg_menu_item_get_id (item));
}

static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->t = rg_test_db_new ();
  f->db = f->t->db;
  f->branch = rg_id_new ();
  rg_test_exec (f->db, "INSERT INTO branch (id, name, tz) VALUES (?, 'Riverside', 'Asia/Shanghai')", f->branch);
  f->li = insert_guest (f->db, "Li Wei", "Peanut", "severe");
  f->ana = insert_guest (f->db, "Ana", "gluten", "anaphylactic");
  f->bo = insert_guest (f->db, "Bo", NULL, NULL);
  rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES ('manager', 'Mia', 'manager')");
  rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES ('waiter', 'Sam', 'waiter')");
  f->table = rg_test_add_table (f->db, "manager", f->branch, "12");
  f->pizza = add_item (f->db, "Margherita", 1200, 400, "gluten, milk");
  f->satay = add_item (f->db, "Chicken satay", 900, 300, "peanut");
  f->water = add_item (f->db, "Water", 200, 20, NULL);
  return f;
}

static void
fixture_free (Fixture *f)
{
  rg_test_db_free (f->t);
  g_free (f->branch);
  g_free (f->li);
  g_free (f->ana);
  g_free (f->bo);
  g_free (f->table);
  g_free (f->pizza);
  g_free (f->satay);
  g_free (f->water);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static RgVisit *
seat (Fixture             *f,
      const gchar         *table,
      const gchar         *guest,
      const gchar * const *extras,
      gint                 party)
{
  g_autoptr(GError) error = NULL;
  RgSeating seating = { .branch_id = f->branch, .table_id = table, .guest_id = guest,
                        .extra_guest_ids = extras, .party_size = party };
  RgVisit *visit = rg_visit_seat (f->db, &seating, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (visit);
  return visit;
}

static void
add_line (Fixture     *f,
          RgVisit     *visit,
          const gchar *item,
          gint         qty)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, rg_visit_get_id (visit), item, qty,
                                                   0, 0, NULL, FALSE, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_order_line_get_item_id (line), item);
}

/* ------------------------------------------------------------------- seat */

START_TEST (test_seat_opens_visit_and_seats_table)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *extras[] = { f->bo, f->li, f->bo, NULL };
  g_autoptr(RgVisit) visit = seat (f, f->table, f->li, extras, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDiningTable) table = rg_floor_get_table (f->db, f->table, &error);

  ck_assert_int_eq (rg_visit_get_status (visit), RG_VISIT_OPEN);
  ck_assert_int_eq (rg_visit_get_party_size (visit), 2);
  ck_assert_str_eq (rg_visit_get_guest_id (visit), f->li);
  ck_assert_str_eq (rg_visit_get_table_name (visit), "12");
  ck_assert_str_eq (rg_visit_get_branch_name (visit), "Riverside");
  ck_assert_int_gt (rg_visit_get_seated_ms (visit), 0);
  ck_assert_int_eq (rg_dining_table_get_status (table), RG_TABLE_SEATED);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM visit_guest"), 1);
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT count(*) FROM sync_outbox WHERE tbl IN ('visit', 'visit_guest')"), 2);
}
END_TEST

START_TEST (test_seat_at_seated_table_is_refused)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) first = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  RgSeating again = { .branch_id = f->branch, .table_id = f->table, .party_size = 3 };
  RgVisit *second = rg_visit_seat (f->db, &again, &error);

  ck_assert_int_eq (rg_visit_get_party_size (first), 2);
  ck_assert_ptr_null (second);
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM visit"), 1);
}
END_TEST

START_TEST (test_seat_refuses_bad_input)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *elsewhere = rg_id_new ();
  g_autofree gchar *far_table = NULL;
  const gchar *unknown_extra[] = { "nobody", NULL };
  const gchar *three[] = { f->ana, f->bo, NULL };
  struct { RgSeating seating; gint code; } cases[] = {
    { { .branch_id = f->branch, .table_id = f->table, .guest_id = "nobody", .party_size = 2 }, RG_ERROR_NOT_FOUND },
    { { .branch_id = f->branch, .table_id = f->table, .extra_guest_ids = unknown_extra }, RG_ERROR_NOT_FOUND },
    { { .branch_id = f->branch, .table_id = "no-table", .party_size = 2 }, RG_ERROR_NOT_FOUND },
    { { .branch_id = "no-branch", .table_id = f->table, .party_size = 2 }, RG_ERROR_NOT_FOUND },
    { { .branch_id = f->branch, .table_id = f->table, .party_size = -1 }, RG_ERROR_INVALID },
    { { .branch_id = f->branch, .table_id = f->table, .party_size = 2, .children = 3 }, RG_ERROR_INVALID },
    { { .branch_id = f->branch, .table_id = f->table, .guest_id = f->li, .extra_guest_ids = three,
        .party_size = 2 }, RG_ERROR_INVALID },
    { { .branch_id = f->branch, .table_id = f->table, .party_size = 2, .server_id = "nobody" }, RG_ERROR_NOT_FOUND },
    { { .branch_id = f->branch, .table_id = NULL, .party_size = 2 }, -1 },
  };

  rg_test_exec (f->db, "INSERT INTO branch (id, name) VALUES (?, 'Harbour')", elsewhere);
  far_table = rg_test_add_table (f->db, "manager", elsewhere, "1");
  cases[G_N_ELEMENTS (cases) - 1].seating.table_id = far_table;
  cases[G_N_ELEMENTS (cases) - 1].code = RG_ERROR_INVALID;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgVisit) visit = rg_visit_seat (f->db, &cases[i].seating, &error);

      ck_assert_ptr_null (visit);
      ck_assert_msg (g_error_matches (error, RG_ERROR, cases[i].code), "case %zu: %s", i,
                     error ? error->message : "no error");
    }
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM visit"), 0);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM visit_guest"), 0);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM dining_table WHERE status <> 'free'"), 0);
}
END_TEST

/* ------------------------------------------------------------------ lines */

START_TEST (test_line_copies_price_and_cost)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, f->bo, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->pizza, 2,
                                                   1, 2, NULL, FALSE, &error);
  RgMenuItemSpec dearer = { .name = "Margherita", .price = 1500, .cost = 450 };
  g_autoptr(RgMenuItem) edited = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(RgOrderLine) stored = NULL;
  RgVisitTotals totals;

  ck_assert_no_error (error);
  ck_assert_int_eq (rg_order_line_get_unit_price (line), 1200);
  ck_assert_int_eq (rg_order_line_get_unit_cost (line), 400);
  ck_assert_int_eq (rg_order_line_get_total (line), 2400);
  ck_assert_int_eq (rg_order_line_get_seat (line), 1);
  ck_assert_int_eq (rg_order_line_get_course (line), 2);
  ck_assert_str_eq (rg_order_line_get_item_name (line), "Margherita");
  ck_assert_ptr_null (rg_order_line_get_allergen_override (line));

  edited = rg_menu_edit (f->db, "manager", f->pizza, &dearer, &error);
  ck_assert_no_error (error);
  add_line (f, visit, f->pizza, 1);

  lines = rg_visit_list_lines (f->db, rg_visit_get_id (visit), &error);
  ck_assert_int_eq (g_list_model_get_n_items (lines), 2);
  stored = g_list_model_get_item (lines, 0);
  ck_assert_str_eq (rg_order_line_get_id (stored), rg_order_line_get_id (line));
  ck_assert_int_eq (rg_order_line_get_unit_price (stored), 1200);

  ck_assert (rg_visit_get_totals (f->db, rg_visit_get_id (visit), &totals, &error));
  ck_assert_int_eq (totals.subtotal, 2 * 1200 + 1500);
  ck_assert_int_eq (totals.cost, 2 * 400 + 450);
  ck_assert_int_eq (totals.items, 3);
  ck_assert_int_eq (totals.lines, 2);
}
END_TEST

START_TEST (test_line_refuses_86d_item)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  RgOrderLine *line;

  ck_assert (rg_menu_set_available (f->db, "manager", f->water, FALSE, &error));
  line = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->water, 1, 0, 0, NULL, TRUE, &error);
  ck_assert_ptr_null (line);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_str_eq (error->message, "Water is off today");
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line"), 0);
}
END_TEST

START_TEST (test_line_refuses_bad_input)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  struct { const gchar *visit; const gchar *item; gint qty; gint code; } cases[] = {
    { rg_visit_get_id (visit), f->water, 0, RG_ERROR_INVALID },
    { rg_visit_get_id (visit), f->water, -2, RG_ERROR_INVALID },
    { rg_visit_get_id (visit), "no-item", 1, RG_ERROR_NOT_FOUND },
    { "no-visit", f->water, 1, RG_ERROR_NOT_FOUND },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, cases[i].visit, cases[i].item,
                                                       cases[i].qty, 0, 0, NULL, FALSE, &error);

      ck_assert_ptr_null (line);
      ck_assert_msg (g_error_matches (error, RG_ERROR, cases[i].code), "case %zu: %s", i,
                     error ? error->message : "no error");
    }
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line"), 0);
}
END_TEST

START_TEST (test_line_allergen_of_host_needs_confirmation)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, f->li, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) refused = NULL;
  g_autoptr(RgOrderLine) confirmed = NULL;

  refused = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->satay, 1, 0, 0, NULL, FALSE, &error);
  ck_assert_ptr_null (refused);
  ck_assert_error (error, RG_ERROR, RG_ERROR_ALLERGEN);
  ck_assert_str_eq (error->message, "Chicken satay contains peanut: Li Wei is allergic to peanut");
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line"), 0);
  g_clear_error (&error);

  /* Nothing on the pizza troubles Li Wei. */
  add_line (f, visit, f->pizza, 1);

  confirmed = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->satay, 1, 0, 0, NULL, TRUE, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_order_line_get_allergen_override (confirmed), "peanut");
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT count(*) FROM order_line WHERE allergen_override = 'peanut'"), 1);
}
END_TEST

START_TEST (test_line_allergen_of_other_known_guest)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *extras[] = { f->ana, NULL };
  g_autoptr(RgVisit) visit = seat (f, f->table, f->bo, extras, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) refused = NULL;
  g_autoptr(RgOrderLine) also = NULL;
  g_autoptr(RgOrderLine) both = NULL;

  refused = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->pizza, 1, 0, 0, NULL, FALSE, &error);
  ck_assert_ptr_null (refused);
  ck_assert_error (error, RG_ERROR, RG_ERROR_ALLERGEN);
  ck_assert_ptr_nonnull (strstr (error->message, "Ana is allergic to gluten (anaphylactic)"));
  g_clear_error (&error);

  /* Li Wei joins the party later: the satay is refused for them too. */
  ck_assert (rg_visit_add_guest (f->db, rg_visit_get_id (visit), f->li, &error));
  ck_assert (rg_visit_add_guest (f->db, rg_visit_get_id (visit), f->li, &error));
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM visit_guest"), 2);
  also = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->satay, 1, 0, 0, NULL, FALSE, &error);
  ck_assert_ptr_null (also);
  ck_assert_error (error, RG_ERROR, RG_ERROR_ALLERGEN);
  ck_assert_ptr_nonnull (strstr (error->message, "Li Wei"));
  g_clear_error (&error);

  add_line (f, visit, f->water, 2);
  both = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->pizza, 1, 0, 0, NULL, TRUE, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_order_line_get_allergen_override (both), "gluten");
}
END_TEST

START_TEST (test_void_line)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->water, 3,
                                                   0, 0, NULL, FALSE, &error);
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(RgOrderLine) stored = NULL;
  RgVisitTotals totals;

  add_line (f, visit, f->pizza, 1);
  ck_assert (!rg_visit_void_line (f->db, "manager", rg_order_line_get_id (line), "  ", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_visit_void_line (f->db, "manager", rg_order_line_get_id (line), NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE voided = 1"), 0);

  ck_assert (rg_visit_void_line (f->db, "manager", rg_order_line_get_id (line), "wrong table", &error));
  ck_assert_no_error (error);
  ck_assert (!rg_visit_void_line (f->db, "manager", rg_order_line_get_id (line), "again", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_visit_void_line (f->db, "manager", "no-line", "why", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  lines = rg_visit_list_lines (f->db, rg_visit_get_id (visit), &error);
  stored = g_list_model_get_item (lines, 0);
  ck_assert (rg_order_line_get_voided (stored));
  ck_assert_str_eq (rg_order_line_get_void_reason (stored), "wrong table");
  ck_assert (rg_visit_get_totals (f->db, rg_visit_get_id (visit), &totals, &error));
  ck_assert_int_eq (totals.subtotal, 1200);
  ck_assert_int_eq (totals.lines, 1);
}
END_TEST

START_TEST (test_void_line_needs_a_manager)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->water, 1,
                                                   0, 0, NULL, FALSE, &error);
  const gchar *refused[] = { "waiter", NULL };

  ck_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      ck_assert (!rg_visit_void_line (f->db, refused[i], rg_order_line_get_id (line), "sent back", &error));
      ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  ck_assert (!rg_visit_void_line (f->db, "nobody-by-this-id", rg_order_line_get_id (line), "sent back", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE voided = 1"), 0);

  rg_test_exec (f->db, "UPDATE staff SET active = 0 WHERE id = 'manager'");
  ck_assert (!rg_visit_void_line (f->db, "manager", rg_order_line_get_id (line), "sent back", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_PERMISSION);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE voided = 1"), 0);

  rg_test_exec (f->db, "UPDATE staff SET active = 1 WHERE id = 'manager'");
  ck_assert (rg_visit_void_line (f->db, "manager", rg_order_line_get_id (line), "sent back", &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE voided = 1"), 1);
}
END_TEST

/* ----------------------------------------------------------------- notes */

START_TEST (test_line_with_note)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) line = NULL;
  g_autoptr(RgOrderLine) plain = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(RgOrderLine) stored = NULL;
  g_autofree gchar *note = NULL;

  line = rg_visit_add_noted_line (f->db, rg_visit_get_id (visit), f->pizza, 2, 1, 0,
                                  "  no basil, 少辣  ", "waiter", FALSE, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_order_line_get_note (line), "no basil, 少辣");
  note = rg_test_query_textf (f->db, "SELECT note FROM order_line WHERE id = '%s'", rg_order_line_get_id (line));
  ck_assert_str_eq (note, "no basil, 少辣");
  ck_assert_int_eq (rg_test_query_intf (f->db, "SELECT count(*) FROM order_line WHERE id = '%s' "
                                        "AND updated_hlc > 0 AND origin = '%s'",
                                        rg_order_line_get_id (line), rg_db_get_device_id (f->db)), 1);

  plain = rg_visit_add_noted_line (f->db, rg_visit_get_id (visit), f->water, 1, 0, 0, "   ",
                                   NULL, FALSE, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_null (rg_order_line_get_note (plain));
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE note IS NULL"), 1);

  lines = rg_visit_list_lines (f->db, rg_visit_get_id (visit), &error);
  ck_assert_no_error (error);
  stored = g_list_model_get_item (lines, 0);
  ck_assert_str_eq (rg_order_line_get_note (stored), "no basil, 少辣");
}
END_TEST

START_TEST (test_line_note_refuses_bad_text)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *too_long = g_strnfill (RG_VISIT_NOTE_MAX + 1, 'x');
  g_autofree gchar *longest = g_strnfill (RG_VISIT_NOTE_MAX, 'x');
  const gchar *bad[] = { "no\xff onions", "no onions\nat all", "sauce\ton the side", "bell\a", "\x1b[2J", too_long };
  g_autoptr(RgOrderLine) line = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(RgOrderLine) refused = rg_visit_add_noted_line (f->db, rg_visit_get_id (visit), f->water, 1, 0, 0,
                                                                bad[i], NULL, FALSE, &error);

      ck_assert_ptr_null (refused);
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      g_clear_error (&error);
    }
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line"), 0);

  line = rg_visit_add_noted_line (f->db, rg_visit_get_id (visit), f->water, 1, 0, 0, longest, NULL, FALSE, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (strlen (rg_order_line_get_note (line)), RG_VISIT_NOTE_MAX);
}
END_TEST

START_TEST (test_set_line_note)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->pizza, 1,
                                                   0, 0, NULL, FALSE, &error);
  const gchar *id = rg_order_line_get_id (line);
  gint64 hlc_before;
  g_autofree gchar *note = NULL;

  ck_assert_no_error (error);
  hlc_before = rg_test_query_intf (f->db, "SELECT updated_hlc FROM order_line WHERE id = '%s'", id);
  rg_test_exec (f->db, "UPDATE order_line SET origin = 'elsewhere'");

  ck_assert (rg_visit_set_line_note (f->db, id, "sauce on the side", &error));
  ck_assert_no_error (error);
  note = rg_test_query_textf (f->db, "SELECT note FROM order_line WHERE id = '%s'", id);
  ck_assert_str_eq (note, "sauce on the side");
  ck_assert_int_gt (rg_test_query_intf (f->db, "SELECT updated_hlc FROM order_line WHERE id = '%s'", id),
                    hlc_before);
  ck_assert_int_eq (rg_test_query_intf (f->db, "SELECT count(*) FROM order_line WHERE id = '%s' AND origin = '%s'",
                                        id, rg_db_get_device_id (f->db)), 1);

  ck_assert (!rg_visit_set_line_note (f->db, id, "two\nlines", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_visit_set_line_note (f->db, "no-line", "no onions", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE note = 'sauce on the side'"), 1);

  ck_assert (rg_visit_set_line_note (f->db, id, "", &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE note IS NULL"), 1);
}
END_TEST

START_TEST (test_set_line_note_refuses_voided_and_closed)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) voided = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->pizza, 1,
                                                     0, 0, NULL, FALSE, &error);
  g_autoptr(RgOrderLine) kept = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->water, 1,
                                                   0, 0, NULL, FALSE, &error);

  ck_assert_no_error (error);
  ck_assert (rg_visit_void_line (f->db, "manager", rg_order_line_get_id (voided), "sent back", &error));
  ck_assert (!rg_visit_set_line_note (f->db, rg_order_line_get_id (voided), "no onions", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  ck_assert (rg_visit_close (f->db, rg_visit_get_id (visit), 0, RG_PAYMENT_CASH, 0, &error));
  ck_assert (!rg_visit_set_line_note (f->db, rg_order_line_get_id (kept), "no ice", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line WHERE note IS NOT NULL"), 0);
}
END_TEST

START_TEST (test_guest_ids_of_the_party)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *extras[] = { f->ana, NULL };
  g_autoptr(RgVisit) visit = seat (f, f->table, f->bo, extras, 3);
  g_autofree gchar *walk_in_table = rg_test_add_table (f->db, "manager", f->branch, "14");
  g_autoptr(RgVisit) walk_in = seat (f, walk_in_table, NULL, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = rg_visit_list_guest_ids (f->db, rg_visit_get_id (visit), &error);
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) nobody = NULL;
  GStrv unknown;

  ck_assert_no_error (error);
  ck_assert_int_eq (g_strv_length (before), 2);
  ck_assert_str_eq (before[0], f->bo);
  ck_assert_str_eq (before[1], f->ana);

  ck_assert (rg_visit_add_guest (f->db, rg_visit_get_id (visit), f->li, &error));
  after = rg_visit_list_guest_ids (f->db, rg_visit_get_id (visit), &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_strv_length (after), 3);
  ck_assert_str_eq (after[0], f->bo);
  ck_assert_str_eq (after[2], f->li);

  nobody = rg_visit_list_guest_ids (f->db, rg_visit_get_id (walk_in), &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_strv_length (nobody), 0);

  unknown = rg_visit_list_guest_ids (f->db, "no-visit", &error);
  ck_assert_ptr_null (unknown);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

/* ------------------------------------------------------------------ close */

START_TEST (test_close_check)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, f->bo, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgVisit) closed = NULL;
  g_autoptr(RgDiningTable) table = NULL;
  gint64 left;

  add_line (f, visit, f->pizza, 2);
  add_line (f, visit, f->water, 1);
  left = rg_visit_get_seated_ms (visit) + 90 * 60 * 1000;
  ck_assert (rg_visit_close (f->db, rg_visit_get_id (visit), 300, RG_PAYMENT_CARD, left, &error));
  ck_assert_no_error (error);

  closed = rg_visit_get (f->db, rg_visit_get_id (visit), &error);
  ck_assert_int_eq (rg_visit_get_status (closed), RG_VISIT_CLOSED);
  ck_assert_int_eq (rg_visit_get_subtotal (closed), 2600);
  ck_assert_int_eq (rg_visit_get_tip (closed), 300);
  ck_assert_str_eq (rg_visit_get_payment_method (closed), "card");
  ck_assert_int_eq (rg_visit_get_left_ms (closed) - rg_visit_get_seated_ms (closed), 90 * 60 * 1000);
  table = rg_floor_get_table (f->db, f->table, &error);
  ck_assert_int_eq (rg_dining_table_get_status (table), RG_TABLE_TO_CLEAN);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT sum (revenue) FROM rollup_hour"), 2600);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT visit_count FROM local_guest_stats"), 1);
}
END_TEST

START_TEST (test_close_twice_changes_nothing)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(RgVisit) visit = seat (f, f->table, f->bo, NULL, 2);
  g_autoptr(RgVisit) voided = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *other_table = rg_test_add_table (f->db, "manager", f->branch, "14");
  RgOrderLine *late;

  add_line (f, visit, f->pizza, 1);
  ck_assert (rg_visit_close (f->db, rg_visit_get_id (visit), 100, RG_PAYMENT_CASH, 0, &error));
  ck_assert (!rg_visit_close (f->db, rg_visit_get_id (visit), 999, RG_PAYMENT_CARD, 0, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT tip FROM visit"), 100);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT visits FROM rollup_hour"), 1);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT visit_count FROM local_guest_stats"), 1);

  late = rg_visit_add_line (f->db, rg_visit_get_id (visit), f->water, 1, 0, 0, NULL, FALSE, &error);
  ck_assert_ptr_null (late);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  voided = seat (f, other_table, NULL, NULL, 1);
  ck_assert (!rg_visit_close (f->db, rg_visit_get_id (voided), -5, RG_PAYMENT_CASH, 0, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (rg_visit_void (f->db, "manager", rg_visit_get_id (voided), &error));
  ck_assert (!rg_visit_close (f->db, rg_visit_get_id (voided), 0, RG_PAYMENT_CASH, 0, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_visit_close (f->db, "no-visit", 0, RG_PAYMENT_CASH, 0, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);

  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM visit WHERE status = 'void'"), 1);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT sum (visits) FROM rollup_hour"), 1);
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT count(*) FROM dining_table WHERE status = 'to_clean'"), 2);
}
END_TEST

START_TEST (test_payment_and_status_words)
{
  RgPaymentMethod method = RG_PAYMENT_CASH;
  RgVisitStatus status = RG_VISIT_OPEN;

  ck_assert (rg_payment_method_from_string ("Voucher", &method));
  ck_assert_int_eq (method, RG_PAYMENT_VOUCHER);
  ck_assert (!rg_payment_method_from_string ("cheque", &method));
  ck_assert_int_eq (method, RG_PAYMENT_VOUCHER);
  ck_assert_str_eq (rg_payment_method_to_string (RG_PAYMENT_MOBILE), "mobile");
  ck_assert (rg_visit_status_from_string ("void", &status));
  ck_assert_str_eq (rg_visit_status_to_string (status), "void");
}
END_TEST

/* ---------------------------------------------------------------- history */

START_TEST (test_history_newest_first_with_extras)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *t2 = rg_test_add_table (f->db, "manager", f->branch, "2");
  const gchar *with_bo[] = { f->bo, NULL };
  g_autoptr(GListModel) page1 = NULL;
  g_autoptr(GListModel) page2 = NULL;
  g_autoptr(RgVisit) newest = NULL;
  g_autoptr(RgVisit) oldest = NULL;
  gint64 seated[] = { 1700000000000, 1700100000000, 1700200000000 };

  for (gint i = 0; i < 3; i++)
    {
      const gchar *table = i % 2 ? t2 : f->table;
      RgSeating s = { .branch_id = f->branch, .table_id = table,
                      .guest_id = i == 2 ? f->ana : f->bo,
                      .extra_guest_ids = i == 2 ? with_bo : NULL,
                      .party_size = 2, .seated_ms = seated[i] };
      g_autoptr(RgVisit) visit = rg_visit_seat (f->db, &s, &error);

      ck_assert_no_error (error);
      add_line (f, visit, f->water, 1);
      add_line (f, visit, i == 2 ? f->satay : f->pizza, 1);
      add_line (f, visit, f->water, 1);
      ck_assert (rg_visit_close (f->db, rg_visit_get_id (visit), 0, RG_PAYMENT_CASH,
                                 seated[i] + 3600000, &error));
      ck_assert (rg_floor_set_status (f->db, table, RG_TABLE_FREE, &error));
      if (i == 2)
        rg_test_exec (f->db, "INSERT INTO feedback (id, visit_id, aspect, rating, created_ms) "
                      "VALUES (lower (hex (randomblob (16))), ?, 'food', 5, 1)", rg_visit_get_id (visit));
    }

  page1 = rg_visit_list_for_guest (f->db, f->bo, 0, 2, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_list_model_get_n_items (page1), 2);
  newest = g_list_model_get_item (page1, 0);
  ck_assert_int_eq (rg_visit_get_seated_ms (newest), seated[2]);
  ck_assert_str_eq (rg_visit_get_guest_id (newest), f->ana);
  ck_assert_str_eq (rg_visit_get_table_name (newest), "12");
  ck_assert_int_eq (rg_visit_get_subtotal (newest), 1300);
  ck_assert_int_eq (g_strv_length ((GStrv) rg_visit_get_dish_names (newest)), 2);
  ck_assert_str_eq (rg_visit_get_dish_names (newest)[0], "Water");
  ck_assert_str_eq (rg_visit_get_dish_names (newest)[1], "Chicken satay");
  ck_assert_str_eq (rg_visit_get_feedback_summary (newest), "food 5");

  page2 = rg_visit_list_for_guest (f->db, f->bo, 2, 2, &error);
  ck_assert_int_eq (g_list_model_get_n_items (page2), 1);
  oldest = g_list_model_get_item (page2, 0);
  ck_assert_int_eq (rg_visit_get_seated_ms (oldest), seated[0]);
  ck_assert_ptr_null (rg_visit_get_feedback_summary (oldest));
}
END_TEST

START_TEST (test_open_visit_of_table)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgVisit) none = rg_visit_get_open_for_table (f->db, f->table, &error);
  g_autoptr(RgVisit) visit = NULL;
  g_autoptr(RgVisit) found = NULL;

  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  visit = seat (f, f->table, NULL, NULL, 2);
  add_line (f, visit, f->pizza, 1);
  found = rg_visit_get_open_for_table (f->db, f->table, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_visit_get_id (found), rg_visit_get_id (visit));
  ck_assert_ptr_null (rg_visit_get_guest_id (found));
  ck_assert_int_eq (rg_visit_get_subtotal (found), 1200);
}
END_TEST

START_TEST (test_import_line_keeps_recorded_price)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  RgSeating s = { .branch_id = f->branch, .party_size = 1, .seated_ms = 1420070400000,
                  .external_ref = "order-17" };
  g_autoptr(RgVisit) visit = rg_visit_seat (f->db, &s, &error);
  g_autoptr(RgVisit) twin = NULL;

  ck_assert_no_error (error);
  ck_assert (rg_menu_set_available (f->db, "manager", f->satay, FALSE, &error));
  ck_assert (rg_visit_import_line (f->db, rg_visit_get_id (visit), f->satay, 2, 875, 0, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (f->db,
                    "SELECT unit_price * 10000 + unit_cost FROM order_line"), 875 * 10000 + 300);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT created_ms FROM order_line"), 1420070400000);
  ck_assert (!rg_visit_import_line (f->db, rg_visit_get_id (visit), f->satay, 1, -1, 0, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  twin = rg_visit_seat (f->db, &s, &error);
  ck_assert_ptr_null (twin);
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
}
END_TEST

static Suite *
visit_suite (void)
{
  Suite *s = suite_create ("visit");
  TCase *tc;

  tc = tcase_create ("seat");
  tcase_add_test (tc, test_seat_opens_visit_and_seats_table);
  tcase_add_test (tc, test_seat_at_seated_table_is_refused);
  tcase_add_test (tc, test_seat_refuses_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("lines");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, test_line_copies_price_and_cost);
  tcase_add_test (tc, test_line_refuses_86d_item);
  tcase_add_test (tc, test_line_refuses_bad_input);
  tcase_add_test (tc, test_void_line);
  tcase_add_test (tc, test_void_line_needs_a_manager);
  tcase_add_test (tc, test_import_line_keeps_recorded_price);
  suite_add_tcase (s, tc);

  tc = tcase_create ("notes");
  tcase_add_test (tc, test_line_with_note);
  tcase_add_test (tc, test_line_note_refuses_bad_text);
  tcase_add_test (tc, test_set_line_note);
  tcase_add_test (tc, test_set_line_note_refuses_voided_and_closed);
  suite_add_tcase (s, tc);

  tc = tcase_create ("allergens");
  tcase_add_test (tc, test_line_allergen_of_host_needs_confirmation);
  tcase_add_test (tc, test_line_allergen_of_other_known_guest);
  tcase_add_test (tc, test_guest_ids_of_the_party);
  suite_add_tcase (s, tc);

  tc = tcase_create ("close");
  tcase_add_test (tc, test_close_check);
  tcase_add_test (tc, test_close_twice_changes_nothing);
  tcase_add_test (tc, test_payment_and_status_words);
  suite_add_tcase (s, tc);

  tc = tcase_create ("history");
  tcase_add_test (tc, test_history_newest_first_with_extras);
  tcase_add_test (tc, test_open_visit_of_table);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (visit_suite ());
}
