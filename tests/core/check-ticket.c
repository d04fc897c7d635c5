/* check-ticket.c — the kitchen ticket: layout, the party's allergies beside
 * the right dishes, wide text, the PDF and its pages, refused input.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "rg-test-util.h"
#include "rg-ticket.h"
#include "rg-visit.h"

typedef struct
{
  RgTestDb *t;
  RgDb     *db;
  gchar    *li;          /* allergic to peanut, severe, with a note */
  gchar    *ana;         /* allergic to gluten, anaphylactic */
  gchar    *bo;          /* no allergies */
} Fixture;

static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->t = rg_test_db_new ();
  f->db = f->t->db;
  rg_test_exec (f->db, "INSERT INTO branch (id, name, tz) VALUES ('b', 'Riverside', 'Asia/Shanghai')");
  rg_test_exec (f->db, "INSERT INTO dining_table (id, branch_id, name, seats) VALUES ('t12', 'b', '12', 4)");
  rg_test_exec (f->db, "INSERT INTO dining_table (id, branch_id, name, seats) VALUES ('t14', 'b', '14', 4)");
  rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES ('sam', 'Sam', 'waiter')");
  rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES ('mia', 'Mia', 'manager')");
  rg_test_exec (f->db, "INSERT INTO menu_item (id, name, price, allergens) VALUES ('pizza', 'Margherita', 1200, 'gluten,milk')");
  rg_test_exec (f->db, "INSERT INTO menu_item (id, name, price, allergens) VALUES ('satay', 'Chicken satay', 900, 'peanut')");
  rg_test_exec (f->db, "INSERT INTO menu_item (id, name, price) VALUES ('water', 'Water', 200)");
  rg_test_exec (f->db, "INSERT INTO menu_item (id, name, price) VALUES ('soup', 'Hot and sour soup', 600)");
  f->li = rg_test_insert_guest (f->db, "Li Wei");
  f->ana = rg_test_insert_guest (f->db, "Ana");
  f->bo = rg_test_insert_guest (f->db, "Bo");
  rg_test_exec (f->db, "INSERT INTO guest_allergy (id, guest_id, allergen, severity, note) "
                "VALUES ('a1', ?, 'Peanut', 'severe', 'carries an epipen')", f->li);
  rg_test_exec (f->db, "INSERT INTO guest_allergy (id, guest_id, allergen, severity) "
                "VALUES ('a2', ?, 'gluten', 'anaphylactic')", f->ana);
  return f;
}

static void
fixture_free (Fixture *f)
{
  rg_test_db_free (f->t);
  g_free (f->li);
  g_free (f->ana);
  g_free (f->bo);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

/* Adds a line taken by Sam, its allergens confirmed; returns its id. */
static gchar *
add_line_id (Fixture     *f,
             const gchar *visit,
             const gchar *item,
             gint         qty,
             gint         seat_no,
             gint         course)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) line = rg_visit_add_line (f->db, visit, item, qty, seat_no, course, "sam", TRUE, &error);

  ck_assert_no_error (error);
  return g_strdup (rg_order_line_get_id (line));
}

/* A dish ordered: item id, quantity, seat, course. */
typedef struct
{
  const gchar *item;
  gint         qty;
  gint         seat;
  gint         course;
} Order;

/* Seats a party served by Sam and orders @orders (nullable, ended by a
 * %NULL item) with the allergens confirmed; returns the visit id. */
static gchar *
seat (Fixture             *f,
      const gchar         *table,
      const gchar         *host,
      const gchar * const *extras,
      gint                 party,
      gint                 children,
      const Order         *orders)
{
  g_autoptr(GError) error = NULL;
  RgSeating seating = { .branch_id = "b", .table_id = table, .guest_id = host, .extra_guest_ids = extras,
                        .party_size = party, .children = children, .server_id = "sam" };
  g_autoptr(RgVisit) visit = rg_visit_seat (f->db, &seating, &error);

  ck_assert_no_error (error);
  for (gsize i = 0; orders != NULL && orders[i].item != NULL; i++)
    g_free (add_line_id (f, rg_visit_get_id (visit), orders[i].item, orders[i].qty, orders[i].seat, orders[i].course));
  return g_strdup (rg_visit_get_id (visit));
}

/* Printer columns, a wide character counting two. */
static guint
columns_of (const gchar *row)
{
  guint n = 0;

  for (const gchar *p = row; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return n;
}

/* The index of the first row holding @needle, from @from on; -1 if none. */
static gint
find_row (GStrv        rows,
          const gchar *needle,
          gint         from)
{
  for (gint i = MAX (from, 0); rows[i] != NULL; i++)
    if (strstr (rows[i], needle) != NULL)
      return i;
  return -1;
}

static GStrv
ticket_rows (Fixture     *f,
             const gchar *visit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTicket) ticket = rg_ticket_new (f->db, visit, &error);
  g_autofree gchar *text = NULL;
  GStrv rows;

  ck_assert_no_error (error);
  text = rg_ticket_to_text (ticket);
  ck_assert (g_str_has_suffix (text, "\n"));
  rows = g_strsplit (text, "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    ck_assert_msg (columns_of (rows[i]) <= RG_TICKET_COLUMNS, "row %u is too wide: '%s'", i, rows[i]);
  return rows;
}

/* How many page objects the PDF file holds ("/Type /Page", not "/Pages"). */
static guint
count_pdf_pages (const gchar *path)
{
  g_autofree gchar *pdf = NULL;
  gsize length = 0;
  guint pages = 0;
  const gchar *tag = "/Type /Page";

  ck_assert (g_file_get_contents (path, &pdf, &length, NULL));
  ck_assert_int_gt (length, 100);
  ck_assert (memcmp (pdf, "%PDF-", 5) == 0);
  ck_assert_ptr_nonnull (memmem (pdf, length, "%%EOF", 5));
  for (const gchar *p = pdf; (p = memmem (p, length - (p - pdf), tag, strlen (tag))) != NULL; p++)
    if (p[strlen (tag)] != 's')
      pages++;
  return pages;
}

/* ----------------------------------------------------------------- layout */

START_TEST (test_header_and_allergy_box)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *extras[] = { f->ana, f->bo, NULL };
  g_autofree gchar *visit = seat (f, "t12", f->li, extras, 4, 1, (const Order[]) { { "water", 2, 0, 0 }, { NULL } });
  g_auto(GStrv) rows = ticket_rows (f, visit);
  gint box;

  ck_assert_int_eq (find_row (rows, "KITCHEN TICKET", 0), 1);
  ck_assert_int_ge (find_row (rows, "Table 12", 0), 0);
  ck_assert_int_ge (find_row (rows, "Server: Sam", 0), 0);
  ck_assert_int_ge (find_row (rows, "Party of 4, 1 child", 0), 0);

  box = find_row (rows, "ALLERGIES AT THIS TABLE", 0);
  ck_assert_int_gt (box, 0);
  ck_assert (g_str_has_prefix (rows[box - 1], "**********"));
  /* Both guests of the party, not only the host, sorted by name. */
  ck_assert_int_eq (find_row (rows, "Ana: GLUTEN (anaphylactic)", 0), box + 1);
  /* Li Wei's note wraps inside the box. */
  ck_assert_int_eq (find_row (rows, "Li Wei: PEANUT (severe) - carries an", 0), box + 2);
  ck_assert_int_eq (find_row (rows, "epipen", 0), box + 3);
  ck_assert (g_str_has_prefix (rows[box + 4], "**********"));
  for (gint i = box; i <= box + 3; i++)
    {
      ck_assert (g_str_has_prefix (rows[i], "* "));
      ck_assert (g_str_has_suffix (rows[i], " *"));
      ck_assert_int_eq (columns_of (rows[i]), RG_TICKET_COLUMNS);
    }
  ck_assert_int_gt (find_row (rows, " 2 x Water", 0), box + 4);
  ck_assert_int_eq (find_row (rows, "!! ALLERGEN", 0), -1);
  ck_assert_int_gt (find_row (rows, "2 dishes", 0), 0);
}
END_TEST

START_TEST (test_allergens_beside_the_right_dishes)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *extras[] = { f->ana, NULL };
  const Order orders[] = { { "water", 1, 0, 0 }, { "pizza", 1, 1, 2 }, { "satay", 2, 2, 1 }, { NULL } };
  g_autofree gchar *visit = seat (f, "t12", f->li, extras, 2, 0, orders);
  g_autofree gchar *soup = add_line_id (f, visit, "soup", 1, 0, 1);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;
  gint course1, course2, uncoursed, row;

  ck_assert (rg_visit_void_line (f->db, "mia", soup, "sent back", &error));
  rows = ticket_rows (f, visit);

  course1 = find_row (rows, " Course 1 ", 0);
  course2 = find_row (rows, " Course 2 ", 0);
  uncoursed = find_row (rows, " No course ", 0);
  ck_assert_int_gt (course1, 0);
  ck_assert_int_gt (course2, course1);
  ck_assert_int_gt (uncoursed, course2);

  row = find_row (rows, " 2 x Chicken satay", course1);
  ck_assert_int_eq (row, course1 + 1);
  ck_assert (g_str_has_suffix (rows[row], "seat 2"));
  ck_assert_str_eq (rows[row + 1], "     !! ALLERGEN peanut: Li Wei");
  ck_assert_ptr_nonnull (strstr (rows[row + 2], "confirmed with the guest"));

  row = find_row (rows, " 1 x Margherita", course2);
  ck_assert_int_eq (row, course2 + 1);
  ck_assert (g_str_has_suffix (rows[row], "seat 1"));
  ck_assert_str_eq (rows[row + 1], "     !! ALLERGEN gluten: Ana");

  row = find_row (rows, " 1 x Water", uncoursed);
  ck_assert_int_eq (row, uncoursed + 1);
  ck_assert_ptr_null (strstr (rows[row + 1], "ALLERGEN"));

  /* The voided soup is not cooked. */
  ck_assert_int_eq (find_row (rows, "Hot and sour soup", 0), -1);
  ck_assert_int_gt (find_row (rows, "4 dishes", 0), 0);
}
END_TEST

START_TEST (test_guest_recognised_after_ordering)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *visit = seat (f, "t12", NULL, NULL, 2, 0, (const Order[]) { { "satay", 1, 0, 0 }, { NULL } });
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = ticket_rows (f, visit);
  g_auto(GStrv) after = NULL;
  gint row;

  ck_assert_int_ge (find_row (before, "No known allergies at this table", 0), 0);
  ck_assert_int_eq (find_row (before, "!! ALLERGEN", 0), -1);

  /* Li Wei is recognised once the satay is ordered: the kitchen must ask. */
  ck_assert (rg_visit_add_guest (f->db, visit, f->li, &error));
  after = ticket_rows (f, visit);
  row = find_row (after, " 1 x Chicken satay", 0);
  ck_assert_int_gt (row, 0);
  ck_assert_str_eq (after[row + 1], "     !! ALLERGEN peanut: Li Wei");
  ck_assert_ptr_nonnull (strstr (after[row + 2], "NOT CONFIRMED"));
  ck_assert_int_eq (find_row (after, "No known allergies", 0), -1);
}
END_TEST

START_TEST (test_wide_and_long_names_wrap)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *name = "宫保鸡丁配花生和干辣椒以及四川花椒的特别长的菜名字";
  g_autofree gchar *visit = NULL;
  g_auto(GStrv) rows = NULL;
  g_autofree gchar *joined = NULL;
  gint row;

  rg_test_exec (f->db, "INSERT INTO menu_item (id, name, price, allergens) VALUES ('kungpao', ?, 4800, 'peanut')", name);
  rg_test_exec (f->db, "UPDATE guest SET name = '张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟' WHERE id = ?", f->li);
  visit = seat (f, "t12", f->li, NULL, 1, 0, (const Order[]) { { "kungpao", 1, 3, 0 }, { NULL } });
  rows = ticket_rows (f, visit);

  /* The name wraps under itself: its rows, read one after the other, give
   * it whole. */
  joined = g_strjoinv ("|", rows);
  ck_assert_ptr_nonnull (strstr (joined, " 1 x 宫保鸡丁配花生和干辣椒以及四川花椒的|     特别长的菜名字|"));
  ck_assert_int_ge (find_row (rows, "seat 3", 0), 0);
  row = find_row (rows, "!! ALLERGEN peanut:", 0);
  ck_assert_int_gt (row, 0);
  ck_assert_msg (strstr (rows[row + 1], "张伟张伟张伟张伟张伟张伟") != NULL, "%s", joined);
  ck_assert_int_eq (columns_of (rows[row + 1]), RG_TICKET_COLUMNS - 1);
}
END_TEST

START_TEST (test_notes_under_their_dishes)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *extras[] = { f->ana, NULL };
  g_autofree gchar *visit = seat (f, "t12", f->li, extras, 2, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) pizza = rg_visit_add_noted_line (f->db, visit, "pizza", 1, 1, 0, "no basil",
                                                          "sam", TRUE, &error);
  g_autoptr(RgOrderLine) soup = rg_visit_add_line (f->db, visit, "soup", 1, 2, 0, "sam", TRUE, &error);
  g_autoptr(RgOrderLine) water = rg_visit_add_noted_line (f->db, visit, "water", 2, 0, 0,
                                                          "one with ice and lemon, one at room temperature please",
                                                          "sam", TRUE, &error);
  g_auto(GStrv) rows = NULL;
  g_autofree gchar *joined = NULL;
  gint row;

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_order_line_get_note (pizza), "no basil");
  ck_assert_str_eq (rg_order_line_get_note (water), "one with ice and lemon, one at room temperature please");
  ck_assert (rg_visit_set_line_note (f->db, rg_order_line_get_id (soup), "少辣, sauce on the side", &error));
  ck_assert_no_error (error);
  rows = ticket_rows (f, visit);
  joined = g_strjoinv ("|", rows);

  /* The note right under its dish, before the allergen flag. */
  row = find_row (rows, " 1 x Margherita", 0);
  ck_assert_int_gt (row, 0);
  ck_assert_str_eq (rows[row + 1], "     >> no basil");
  ck_assert (g_str_has_prefix (rows[row + 2], "     !! ALLERGEN gluten: Ana"));
  row = find_row (rows, " 1 x Hot and sour soup", 0);
  ck_assert_str_eq (rows[row + 1], "     >> 少辣, sauce on the side");
  /* A long note wraps under itself. */
  row = find_row (rows, " 2 x Water", 0);
  ck_assert_msg (strstr (joined, "|     >> one with ice and lemon, one at|        room temperature please|") != NULL,
                 "%s", joined);
  ck_assert_str_eq (rows[row + 1], "     >> one with ice and lemon, one at");
}
END_TEST

START_TEST (test_voided_and_cleared_notes_are_not_printed)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *visit = seat (f, "t12", NULL, NULL, 2, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgOrderLine) pizza = rg_visit_add_noted_line (f->db, visit, "pizza", 1, 0, 0, "well done",
                                                          "sam", TRUE, &error);
  g_autoptr(RgOrderLine) soup = rg_visit_add_noted_line (f->db, visit, "soup", 1, 0, 0, "extra vinegar",
                                                         "sam", TRUE, &error);
  g_auto(GStrv) rows = NULL;

  ck_assert_no_error (error);
  ck_assert (rg_visit_void_line (f->db, "mia", rg_order_line_get_id (pizza), "sent back", &error));
  ck_assert (rg_visit_set_line_note (f->db, rg_order_line_get_id (soup), NULL, &error));
  ck_assert_no_error (error);
  rows = ticket_rows (f, visit);
  ck_assert_int_gt (find_row (rows, " 1 x Hot and sour soup", 0), 0);
  ck_assert_int_eq (find_row (rows, ">>", 0), -1);
  ck_assert_int_eq (find_row (rows, "well done", 0), -1);
  ck_assert_int_eq (find_row (rows, "extra vinegar", 0), -1);
}
END_TEST

/* -------------------------------------------------------------------- PDF */

START_TEST (test_pdf_carries_the_notes)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *plain = seat (f, "t12", NULL, NULL, 2, 0, NULL);
  g_autofree gchar *noted = seat (f, "t14", NULL, NULL, 2, 0, NULL);
  g_autofree gchar *note = g_strnfill (RG_VISIT_NOTE_MAX - 20, 'n');
  g_autofree gchar *dir = rg_test_make_dir ();
  g_autofree gchar *pdf = g_build_filename (dir, "noted.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTicket) plain_ticket = NULL;
  g_autoptr(RgTicket) noted_ticket = NULL;

  /* 12 dishes: one page bare, more than one when each carries a note of
   * several rows. */
  for (gint i = 0; i < 12; i++)
    {
      g_autoptr(RgOrderLine) a = rg_visit_add_line (f->db, plain, "water", 1, 0, 0, "sam", TRUE, &error);
      g_autoptr(RgOrderLine) b = rg_visit_add_noted_line (f->db, noted, "water", 1, 0, 0, note, "sam", TRUE, &error);

      ck_assert_no_error (error);
      ck_assert_ptr_null (rg_order_line_get_note (a));
      ck_assert_str_eq (rg_order_line_get_note (b), note);
    }
  plain_ticket = rg_ticket_new (f->db, plain, &error);
  noted_ticket = rg_ticket_new (f->db, noted, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_ticket_get_n_pages (plain_ticket), 1);
  ck_assert_int_ge (rg_ticket_get_n_pages (noted_ticket), 2);
  ck_assert (rg_ticket_write_pdf (noted_ticket, pdf, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count_pdf_pages (pdf), rg_ticket_get_n_pages (noted_ticket));
  rg_test_remove_tree (dir);
}
END_TEST

START_TEST (test_pdf_is_written_with_its_pages)
{
  g_autoptr(Fixture) f = fixture_new ();
  const gchar *extras[] = { f->ana, NULL };
  g_autofree gchar *visit = seat (f, "t12", f->li, extras, 2, 0, (const Order[]) { { "pizza", 1, 1, 1 }, { NULL } });
  g_autofree gchar *dir = rg_test_make_dir ();
  g_autofree gchar *short_pdf = g_build_filename (dir, "short.pdf", NULL);
  g_autofree gchar *long_pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTicket) small = NULL;
  g_autoptr(RgTicket) big = NULL;
  g_auto(GStrv) big_rows = NULL;
  g_autofree gchar *big_text = NULL;

  small = rg_ticket_new (f->db, visit, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_ticket_get_n_pages (small), 1);
  ck_assert (rg_ticket_write_pdf (small, short_pdf, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count_pdf_pages (short_pdf), 1);

  /* 60 dishes, each with its allergen row and confirmation: well over one
   * 200 mm page of 10 pt rows. */
  for (gint i = 0; i < 60; i++)
    g_free (add_line_id (f, visit, i % 2 ? "satay" : "water", 1, 1 + i % 4, 1 + i % 3));
  big = rg_ticket_new (f->db, visit, &error);
  ck_assert_no_error (error);
  big_text = rg_ticket_to_text (big);
  big_rows = g_strsplit (big_text, "\n", -1);
  ck_assert_int_gt (g_strv_length (big_rows), 100);
  ck_assert_int_ge (rg_ticket_get_n_pages (big), 2);
  ck_assert (rg_ticket_write_pdf (big, long_pdf, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count_pdf_pages (long_pdf), rg_ticket_get_n_pages (big));

  rg_test_remove_tree (dir);
}
END_TEST

START_TEST (test_save_writes_text_and_pdf)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *visit = seat (f, "t12", f->li, NULL, 1, 0, (const Order[]) { { "satay", 1, 0, 0 }, { NULL } });
  g_autofree gchar *dir = rg_test_make_dir ();
  g_autofree gchar *folder = g_build_filename (dir, "tickets", "new", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTicket) ticket = rg_ticket_new (f->db, visit, &error);
  g_autofree gchar *pdf = NULL;
  g_autofree gchar *txt = NULL;
  g_autofree gchar *saved = NULL;
  g_autofree gchar *expected = NULL;

  ck_assert_no_error (error);
  pdf = rg_ticket_save (ticket, folder, &error);
  ck_assert_no_error (error);
  ck_assert (g_str_has_prefix (pdf, folder));
  ck_assert (g_str_has_suffix (pdf, ".pdf"));
  ck_assert_ptr_nonnull (strstr (pdf, "table-12-"));
  ck_assert_int_eq (count_pdf_pages (pdf), 1);
  txt = g_strdup (pdf);
  memcpy (txt + strlen (txt) - 4, ".txt", 4);
  ck_assert (g_file_get_contents (txt, &saved, NULL, NULL));
  expected = rg_ticket_to_text (ticket);
  ck_assert_str_eq (saved, expected);
  ck_assert_ptr_nonnull (strstr (saved, "!! ALLERGEN peanut: Li Wei"));

  rg_test_remove_tree (dir);
}
END_TEST

/* -------------------------------------------------------------- refused */

START_TEST (test_refuses_bad_input)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *empty = seat (f, "t14", NULL, NULL, 2, 0, NULL);
  g_autofree gchar *visit = seat (f, "t12", f->li, NULL, 1, 0, (const Order[]) { { "water", 1, 0, 0 }, { NULL } });
  g_autofree gchar *dir = rg_test_make_dir ();
  g_autofree gchar *file = g_build_filename (dir, "plain-file", NULL);
  g_autofree gchar *under_file = g_build_filename (file, "tickets", NULL);
  g_autofree gchar *no_dir = g_build_filename (dir, "missing", "t.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTicket) ticket = NULL;
  RgTicket *refused;
  gchar *path;
  gint64 lines = rg_test_query_int (f->db, "SELECT count(*) FROM order_line");
  gint64 outbox = rg_test_query_int (f->db, "SELECT count(*) FROM sync_outbox");

  refused = rg_ticket_new (f->db, "no-such-visit", &error);
  ck_assert_ptr_null (refused);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  refused = rg_ticket_new (f->db, empty, &error);
  ck_assert_ptr_null (refused);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "table 14"));
  g_clear_error (&error);

  ticket = rg_ticket_new (f->db, visit, &error);
  ck_assert_no_error (error);
  ck_assert (!rg_ticket_write_pdf (ticket, no_dir, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_IO);
  g_clear_error (&error);
  ck_assert (g_file_set_contents (file, "x", -1, NULL));
  path = rg_ticket_save (ticket, under_file, &error);
  ck_assert_ptr_null (path);
  ck_assert_error (error, RG_ERROR, RG_ERROR_IO);
  g_clear_error (&error);

  /* Reading a ticket writes nothing. */
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM order_line"), lines);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM sync_outbox"), outbox);
  rg_test_remove_tree (dir);
}
END_TEST

static Suite *
ticket_suite (void)
{
  Suite *s = suite_create ("ticket");
  TCase *tc;

  tc = tcase_create ("layout");
  tcase_add_test (tc, test_header_and_allergy_box);
  tcase_add_test (tc, test_allergens_beside_the_right_dishes);
  tcase_add_test (tc, test_guest_recognised_after_ordering);
  tcase_add_test (tc, test_wide_and_long_names_wrap);
  tcase_add_test (tc, test_notes_under_their_dishes);
  tcase_add_test (tc, test_voided_and_cleared_notes_are_not_printed);
  suite_add_tcase (s, tc);

  tc = tcase_create ("pdf");
  tcase_add_test (tc, test_pdf_is_written_with_its_pages);
  tcase_add_test (tc, test_pdf_carries_the_notes);
  tcase_add_test (tc, test_save_writes_text_and_pdf);
  suite_add_tcase (s, tc);

  tc = tcase_create ("refused");
  tcase_add_test (tc, test_refuses_bad_input);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (ticket_suite ());
}
