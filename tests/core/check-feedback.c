/* check-feedback.c — ratings of visits, tables and dishes; low-rating lists.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-test-util.h"
#include "rg-feedback.h"
#include "rg-floor.h"
#include "rg-id.h"
#include "rg-menu.h"
#include "rg-visit.h"

typedef struct
{
  RgTestDb *t;
  RgDb     *db;
  gchar    *branch;
  gchar    *guest;
  gchar    *staff;
  gchar    *table;
  gchar    *soup;      /* on the check */
  gchar    *cake;      /* on the check, voided */
  gchar    *tea;       /* not on the check */
  gchar    *visit;
} Fixture;

static gchar *
add_item (RgDb        *db,
          const gchar *name)
{
  g_autoptr(GError) error = NULL;
  RgMenuItemSpec spec = { .name = name, .price = 500 };
  g_autoptr(RgMenuItem) item = rg_menu_add (db, "manager", &spec, &error);

  ck_assert_no_error (error);
  return g_strdup (rg_menu_item_get_id (item));
}

static gchar *
seat_with_lines (RgDb        *db,
                 const gchar *branch,
                 const gchar *table,
                 const gchar *guest,
                 const gchar *keep,
                 const gchar *voided)
{
  g_autoptr(GError) error = NULL;
  RgSeating seating = { .branch_id = branch, .table_id = table, .guest_id = guest, .party_size = 2 };
  g_autoptr(RgVisit) visit = rg_visit_seat (db, &seating, &error);
  g_autoptr(RgOrderLine) kept = NULL;
  g_autoptr(RgOrderLine) gone = NULL;

  ck_assert_no_error (error);
  kept = rg_visit_add_line (db, rg_visit_get_id (visit), keep, 1, 0, 0, NULL, FALSE, &error);
  gone = rg_visit_add_line (db, rg_visit_get_id (visit), voided, 1, 0, 0, NULL, FALSE, &error);
  ck_assert_no_error (error);
  ck_assert (rg_visit_void_line (db, "manager", rg_order_line_get_id (gone), "sent back", &error));
  return g_strdup (rg_visit_get_id (visit));
}

static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  RgDiningTableSpec spec = { .name = "9", .seats = 4 };
  g_autoptr(RgDiningTable) table = NULL;

  f->t = rg_test_db_new ();
  f->db = f->t->db;
  f->branch = rg_id_new ();
  f->guest = rg_id_new ();
  f->staff = rg_id_new ();
  rg_test_exec (f->db, "INSERT INTO branch (id, name) VALUES (?, 'Riverside')", f->branch);
  rg_test_exec (f->db, "INSERT INTO guest (id, name, created_ms) VALUES (?, 'Li Wei', 0)", f->guest);
  rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES (?, 'Sam', 'waiter')", f->staff);
  rg_test_exec (f->db, "INSERT INTO staff (id, name, role) VALUES ('manager', 'Mia', 'manager')");
  table = rg_floor_add_table (f->db, "manager", f->branch, &spec, &error);
  ck_assert_no_error (error);
  f->table = g_strdup (rg_dining_table_get_id (table));
  f->soup = add_item (f->db, "Soup");
  f->cake = add_item (f->db, "Cake");
  f->tea = add_item (f->db, "Tea");
  f->visit = seat_with_lines (f->db, f->branch, f->table, f->guest, f->soup, f->cake);
  return f;
}

static void
fixture_free (Fixture *f)
{
  rg_test_db_free (f->t);
  g_free (f->branch);
  g_free (f->guest);
  g_free (f->staff);
  g_free (f->table);
  g_free (f->soup);
  g_free (f->cake);
  g_free (f->tea);
  g_free (f->visit);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

/* -------------------------------------------------------------------- add */

START_TEST (test_add_aspects_and_dish)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgFeedback) food = rg_feedback_add (f->db, f->visit, RG_ASPECT_FOOD, NULL, 4, NULL,
                                                f->staff, f->guest, &error);
  g_autoptr(RgFeedback) service = NULL;
  g_autoptr(RgFeedback) dish = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(RgFeedback) second = NULL;

  ck_assert_no_error (error);
  ck_assert_int_eq (rg_feedback_get_aspect (food), RG_ASPECT_FOOD);
  ck_assert_int_eq (rg_feedback_get_rating (food), 4);
  ck_assert_str_eq (rg_feedback_get_table_id (food), f->table);
  ck_assert_str_eq (rg_feedback_get_table_name (food), "9");
  ck_assert_str_eq (rg_feedback_get_branch_id (food), f->branch);
  ck_assert_str_eq (rg_feedback_get_guest_name (food), "Li Wei");
  ck_assert_str_eq (rg_feedback_get_staff_id (food), f->staff);
  ck_assert_ptr_null (rg_feedback_get_comment (food));
  ck_assert_ptr_null (rg_feedback_get_item_id (food));

  service = rg_feedback_add (f->db, f->visit, RG_ASPECT_SERVICE, NULL, 2, "  slow to order ",
                             NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_feedback_get_comment (service), "slow to order");

  dish = rg_feedback_add (f->db, f->visit, RG_ASPECT_DISH, f->soup, 5, "", NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_feedback_get_item_name (dish), "Soup");
  ck_assert_ptr_null (rg_feedback_get_comment (dish));

  list = rg_feedback_list_for_visit (f->db, f->visit, &error);
  ck_assert_int_eq (g_list_model_get_n_items (list), 3);
  second = g_list_model_get_item (list, 1);
  ck_assert_str_eq (rg_feedback_get_id (second), rg_feedback_get_id (service));
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM sync_outbox WHERE tbl = 'feedback'"), 3);
}
END_TEST

/* A rating logged after the check closed reaches the report rollups at
 * once; one logged while it is open waits for the close. */
START_TEST (test_rating_after_close_reaches_rollups)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgFeedback) early = rg_feedback_add (f->db, f->visit, RG_ASPECT_FOOD, NULL, 2, NULL,
                                                 NULL, NULL, &error);
  g_autoptr(RgFeedback) late = NULL;
  const gchar *sum_food = "SELECT coalesce (sum (total), 0) * 100 + coalesce (sum (ratings), 0) "
                          "FROM rollup_feedback_day WHERE kind = 'aspect' AND key = 'food'";

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (early);
  ck_assert_int_eq (rg_test_query_int (f->db, sum_food), 0);
  ck_assert (rg_visit_close (f->db, f->visit, 0, RG_PAYMENT_CASH, 0, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (f->db, sum_food), 2 * 100 + 1);

  late = rg_feedback_add (f->db, f->visit, RG_ASPECT_FOOD, NULL, 5, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (late);
  ck_assert_int_eq (rg_test_query_int (f->db, sum_food), 7 * 100 + 2);
}
END_TEST

START_TEST (test_add_refuses_bad_input)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autofree gchar *long_comment = g_strnfill (RG_FEEDBACK_COMMENT_MAX + 1, 'x');
  struct {
    const gchar *visit; RgFeedbackAspect aspect; const gchar *item; gint rating;
    const gchar *comment; const gchar *staff; const gchar *guest; gint code;
  } cases[] = {
    { f->visit, RG_ASPECT_FOOD, NULL, 0, NULL, NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_FOOD, NULL, 6, NULL, NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_DISH, NULL, 3, NULL, NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_FOOD, f->soup, 3, NULL, NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_DISH, f->tea, 3, NULL, NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_DISH, f->cake, 1, NULL, NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_DISH, "no-item", 3, NULL, NULL, NULL, RG_ERROR_NOT_FOUND },
    { "no-visit", RG_ASPECT_FOOD, NULL, 3, NULL, NULL, NULL, RG_ERROR_NOT_FOUND },
    { f->visit, RG_ASPECT_FOOD, NULL, 3, "bad \xfe", NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_FOOD, NULL, 3, long_comment, NULL, NULL, RG_ERROR_INVALID },
    { f->visit, RG_ASPECT_FOOD, NULL, 3, NULL, "no-staff", NULL, RG_ERROR_NOT_FOUND },
    { f->visit, RG_ASPECT_FOOD, NULL, 3, NULL, NULL, "no-guest", RG_ERROR_NOT_FOUND },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgFeedback) feedback = rg_feedback_add (f->db, cases[i].visit, cases[i].aspect,
                                                        cases[i].item, cases[i].rating,
                                                        cases[i].comment, cases[i].staff,
                                                        cases[i].guest, &error);

      ck_assert_ptr_null (feedback);
      ck_assert_msg (g_error_matches (error, RG_ERROR, cases[i].code), "case %zu: %s", i,
                     error ? error->message : "no error");
    }
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM feedback"), 0);
}
END_TEST

START_TEST (test_void_visit_takes_no_feedback)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgFeedback) feedback = NULL;

  ck_assert (rg_visit_void (f->db, "manager", f->visit, &error));
  feedback = rg_feedback_add (f->db, f->visit, RG_ASPECT_OVERALL, NULL, 1, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (feedback);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (rg_test_query_int (f->db, "SELECT count(*) FROM feedback"), 0);
}
END_TEST

/* -------------------------------------------------------------------- low */

START_TEST (test_list_low_since_and_by_branch)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *harbour = rg_id_new ();
  g_autofree gchar *other_visit = NULL;
  g_autoptr(RgDiningTable) other_table = NULL;
  RgDiningTableSpec spec = { .name = "1", .seats = 2 };
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) recent = NULL;
  g_autoptr(GListModel) middle = NULL;
  g_autoptr(GListModel) riverside = NULL;
  g_autoptr(RgFeedback) newest = NULL;
  gint ratings[] = { 1, 2, 3, 5 };

  rg_test_exec (f->db, "INSERT INTO branch (id, name) VALUES (?, 'Harbour')", harbour);
  other_table = rg_floor_add_table (f->db, "manager", harbour, &spec, &error);
  ck_assert_no_error (error);
  other_visit = seat_with_lines (f->db, harbour, rg_dining_table_get_id (other_table), NULL,
                                 f->soup, f->cake);

  for (gsize i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_autoptr(RgFeedback) a = rg_feedback_add (f->db, f->visit, RG_ASPECT_SERVICE, NULL,
                                                 ratings[i], NULL, NULL, NULL, &error);
      g_autoptr(RgFeedback) b = rg_feedback_add (f->db, other_visit, RG_ASPECT_FOOD, NULL,
                                                 ratings[i], NULL, NULL, NULL, &error);

      ck_assert_no_error (error);
      ck_assert_str_eq (rg_feedback_get_branch_id (a), f->branch);
      ck_assert_str_eq (rg_feedback_get_branch_id (b), harbour);
    }
  /* Spread them in time: a rating r is logged at r seconds, food ones a second later. */
  rg_test_exec (f->db, "UPDATE feedback SET created_ms = 1000 * (rating + (aspect = 'food'))");

  all = rg_feedback_list_low (f->db, NULL, 0, G_MAXINT64, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_list_model_get_n_items (all), 4);
  newest = g_list_model_get_item (all, 0);
  ck_assert_int_eq (rg_feedback_get_created_ms (newest), 3000);
  ck_assert_int_eq (rg_feedback_get_rating (newest), 2);

  recent = rg_feedback_list_low (f->db, NULL, 2500, G_MAXINT64, &error);
  ck_assert_int_eq (g_list_model_get_n_items (recent), 1);
  /* a range ends before its last ms: of 1000, 2000, 2000 and 3000, the two at 2000 */
  middle = rg_feedback_list_low (f->db, NULL, 1500, 2500, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_list_model_get_n_items (middle), 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RgFeedback) item = g_list_model_get_item (middle, i);

      ck_assert_int_eq (rg_feedback_get_created_ms (item), 2000);
    }
  g_clear_object (&middle);
  middle = rg_feedback_list_low (f->db, NULL, 0, 3000, &error);
  ck_assert_int_eq (g_list_model_get_n_items (middle), 3);

  riverside = rg_feedback_list_low (f->db, f->branch, 0, G_MAXINT64, &error);
  ck_assert_int_eq (g_list_model_get_n_items (riverside), 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RgFeedback) item = g_list_model_get_item (riverside, i);

      ck_assert_str_eq (rg_feedback_get_branch_id (item), f->branch);
      ck_assert_int_le (rg_feedback_get_rating (item), 2);
    }
}
END_TEST

START_TEST (test_aspect_words)
{
  RgFeedbackAspect aspect = RG_ASPECT_FOOD;

  ck_assert (rg_feedback_aspect_from_string ("Tableware", &aspect));
  ck_assert_int_eq (aspect, RG_ASPECT_TABLEWARE);
  ck_assert (!rg_feedback_aspect_from_string ("noise", &aspect));
  ck_assert_int_eq (aspect, RG_ASPECT_TABLEWARE);
  ck_assert_str_eq (rg_feedback_aspect_to_string (RG_ASPECT_DISH), "dish");
}
END_TEST

static Suite *
feedback_suite (void)
{
  Suite *s = suite_create ("feedback");
  TCase *tc;

  tc = tcase_create ("add");
  tcase_add_test (tc, test_add_aspects_and_dish);
  tcase_add_test (tc, test_add_refuses_bad_input);
  tcase_add_test (tc, test_rating_after_close_reaches_rollups);
  tcase_add_test (tc, test_void_visit_takes_no_feedback);
  tcase_add_test (tc, test_aspect_words);
  suite_add_tcase (s, tc);

  tc = tcase_create ("low");
  tcase_add_test (tc, test_list_low_since_and_by_branch);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (feedback_suite ());
}
