/* check-menu.c — menu items: normalising, editing, 86'ing, finding, listing.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-test-util.h"
#include "rg-menu.h"

static RgMenuItem *
add_item (RgDb        *db,
          const gchar *name,
          const gchar *category,
          gint64       price)
{
  g_autoptr(GError) error = NULL;
  RgMenuItemSpec spec = { .name = name, .category = category, .price = price, .cost = price / 3 };
  RgMenuItem *item = rg_menu_add (db, "manager", &spec, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (item);
  return item;
}

/* Adds an item that the test only needs on the menu. */
static void
stock (RgDb        *db,
       const gchar *name,
       const gchar *category,
       gint64       price)
{
  g_object_unref (add_item (db, name, category, price));
}

static gchar *
names_of (GListModel *model)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgMenuItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i ? "|" : "", rg_menu_item_get_name (item));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------- add */

START_TEST (test_add_normalises_words)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  const gchar *allergens[] = { " Gluten ", "egg, GLUTEN", "Tree Nuts", "", NULL };
  const gchar *tags[] = { "Spicy", "spicy", NULL };
  RgMenuItemSpec spec = {
    .name = "  Margherita ", .category = "Pizza", .price = 950, .cost = 310,
    .allergens = allergens, .tags = tags,
  };
  g_autoptr(RgMenuItem) item = rg_menu_add (t->db, "manager", &spec, &error);
  const gchar * const *words;

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_menu_item_get_name (item), "Margherita");
  ck_assert_str_eq (rg_menu_item_get_category (item), "Pizza");
  ck_assert_int_eq (rg_menu_item_get_price (item), 950);
  ck_assert_int_eq (rg_menu_item_get_cost (item), 310);
  ck_assert (rg_menu_item_get_available (item));
  words = rg_menu_item_get_allergens (item);
  ck_assert_int_eq (g_strv_length ((GStrv) words), 3);
  ck_assert_str_eq (words[0], "egg");
  ck_assert_str_eq (words[1], "gluten");
  ck_assert_str_eq (words[2], "tree-nuts");
  ck_assert_int_eq (g_strv_length ((GStrv) rg_menu_item_get_tags (item)), 1);
  ck_assert_int_eq (g_strv_length ((GStrv) rg_menu_item_get_dayparts (item)), 0);
  ck_assert (rg_menu_item_has_allergen (item, " EGG"));
  ck_assert (!rg_menu_item_has_allergen (item, "peanut"));

  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM menu_item WHERE allergens = 'egg,gluten,tree-nuts' "
                    "AND tags = 'spicy' AND updated_hlc > 0 AND origin <> ''"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM sync_outbox WHERE tbl = 'menu_item'"), 1);
}
END_TEST

START_TEST (test_add_refuses_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  const gchar *bad_words[] = { "ok", "!!!", NULL };
  struct { RgMenuItemSpec spec; gint code; } cases[] = {
    { { .name = "", .price = 1 }, RG_ERROR_INVALID },
    { { .name = "   ", .price = 1 }, RG_ERROR_INVALID },
    { { .name = NULL, .price = 1 }, RG_ERROR_INVALID },
    { { .name = "Bad \xff", .price = 1 }, RG_ERROR_INVALID },
    { { .name = "Soup", .price = -1 }, RG_ERROR_INVALID },
    { { .name = "Soup", .price = 100, .cost = -5 }, RG_ERROR_INVALID },
    { { .name = "Soup", .price = 100, .category = "Bad \x01" }, RG_ERROR_INVALID },
    { { .name = "Soup", .price = 100, .allergens = bad_words }, RG_ERROR_INVALID },
    { { .name = "CAFÉ LATTE", .price = 100 }, RG_ERROR_EXISTS },
  };

  stock (t->db, "Café latte", "Coffee", 450);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgMenuItem) item = rg_menu_add (t->db, "manager", &cases[i].spec, &error);

      ck_assert_ptr_null (item);
      ck_assert_error (error, RG_ERROR, cases[i].code);
    }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM menu_item"), 1);
}
END_TEST

START_TEST (test_add_refuses_taken_external_ref)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  RgMenuItemSpec spec = { .name = "Hawaiian", .price = 1200, .external_ref = "hawaiian_l" };
  RgMenuItemSpec again = { .name = "Hawaiian L", .price = 1200, .external_ref = "hawaiian_l" };
  g_autoptr(RgMenuItem) item = rg_menu_add (t->db, "manager", &spec, &error);
  g_autoptr(RgMenuItem) found = NULL;
  g_autoptr(RgMenuItem) twin = NULL;

  ck_assert_no_error (error);
  found = rg_menu_find_by_external_ref (t->db, "hawaiian_l", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_menu_item_get_id (found), rg_menu_item_get_id (item));

  twin = rg_menu_add (t->db, "manager", &again, &error);
  ck_assert_ptr_null (twin);
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM menu_item"), 1);
}
END_TEST

/* ------------------------------------------------------------------ edit */

START_TEST (test_edit_replaces_fields_and_keeps_availability)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgMenuItem) item = add_item (t->db, "Margherita", "Pizza", 950);
  const gchar *allergens[] = { "milk", NULL };
  RgMenuItemSpec spec = { .name = "Margherita DOP", .category = "Pizza", .price = 1100,
                          .cost = 400, .allergens = allergens };
  g_autoptr(RgMenuItem) edited = NULL;

  ck_assert (rg_menu_set_available (t->db, "manager", rg_menu_item_get_id (item), FALSE, &error));
  edited = rg_menu_edit (t->db, "manager", rg_menu_item_get_id (item), &spec, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_menu_item_get_name (edited), "Margherita DOP");
  ck_assert_int_eq (rg_menu_item_get_price (edited), 1100);
  ck_assert_int_eq (rg_menu_item_get_cost (edited), 400);
  ck_assert (rg_menu_item_has_allergen (edited, "milk"));
  ck_assert (!rg_menu_item_get_available (edited));
}
END_TEST

START_TEST (test_edit_refuses_bad_input_and_leaves_item)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgMenuItem) b = add_item (t->db, "Diavola", "Pizza", 1150);
  RgMenuItemSpec taken = { .name = "margherita", .price = 1 };
  RgMenuItemSpec negative = { .name = "Diavola", .price = -10 };
  RgMenuItemSpec fine = { .name = "Diavola", .price = 1 };
  g_autoptr(RgMenuItem) same = NULL;
  RgMenuItem *none;

  stock (t->db, "Margherita", "Pizza", 950);
  none = rg_menu_edit (t->db, "manager", rg_menu_item_get_id (b), &taken, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  g_clear_error (&error);

  none = rg_menu_edit (t->db, "manager", rg_menu_item_get_id (b), &negative, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  none = rg_menu_edit (t->db, "manager", "no-such-item", &fine, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  same = rg_menu_get (t->db, rg_menu_item_get_id (b), &error);
  ck_assert_str_eq (rg_menu_item_get_name (same), "Diavola");
  ck_assert_int_eq (rg_menu_item_get_price (same), 1150);

  /* Keeping its own name is not a clash with itself. */
  g_clear_object (&same);
  same = rg_menu_edit (t->db, "manager", rg_menu_item_get_id (b), &fine, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_menu_item_get_price (same), 1);
}
END_TEST

/* ---------------------------------------------------- available, remove */

START_TEST (test_86_and_back)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgMenuItem) item = add_item (t->db, "Tiramisu", "Dessert", 650);
  g_autoptr(RgMenuItem) off = NULL;
  g_autoptr(RgMenuItem) on = NULL;

  ck_assert (rg_menu_set_available (t->db, "manager", rg_menu_item_get_id (item), FALSE, &error));
  off = rg_menu_get (t->db, rg_menu_item_get_id (item), &error);
  ck_assert (!rg_menu_item_get_available (off));
  ck_assert (rg_menu_set_available (t->db, "manager", rg_menu_item_get_id (item), TRUE, &error));
  on = rg_menu_get (t->db, rg_menu_item_get_id (item), &error);
  ck_assert (rg_menu_item_get_available (on));

  ck_assert (!rg_menu_set_available (t->db, "manager", "nope", FALSE, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_remove_is_a_tombstone)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgMenuItem) item = add_item (t->db, "Calzone", "Pizza", 1200);
  g_autoptr(RgMenuItem) gone = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(RgMenuItem) again = NULL;

  ck_assert (rg_menu_remove (t->db, "manager", rg_menu_item_get_id (item), &error));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM menu_item WHERE deleted = 1"), 1);
  gone = rg_menu_get (t->db, rg_menu_item_get_id (item), &error);
  ck_assert_ptr_null (gone);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = rg_menu_list (t->db, NULL, &error);
  ck_assert_int_eq (g_list_model_get_n_items (list), 0);
  ck_assert (!rg_menu_remove (t->db, "manager", rg_menu_item_get_id (item), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The name is free again once the dish is removed. */
  again = add_item (t->db, "Calzone", "Pizza", 1250);
  ck_assert_int_eq (rg_menu_item_get_price (again), 1250);
}
END_TEST

/* ------------------------------------------------------ find, list, search */

START_TEST (test_find_by_name_ignores_case)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgMenuItem) item = add_item (t->db, "Crème Brûlée", "Dessert", 700);
  g_autoptr(RgMenuItem) found = rg_menu_find_by_name (t->db, "  CRÈME BRÛLÉE ", &error);
  g_autoptr(RgMenuItem) partial = NULL;

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_menu_item_get_id (found), rg_menu_item_get_id (item));
  partial = rg_menu_find_by_name (t->db, "Crème", &error);
  ck_assert_ptr_null (partial);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_list_orders_by_category_then_name)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) pizza = NULL;
  g_auto(GStrv) categories = NULL;
  g_autofree gchar *all_names = NULL;
  g_autofree gchar *pizza_names = NULL;

  stock (t->db, "margherita", "Pizza", 950);
  stock (t->db, "Espresso", "drinks", 250);
  stock (t->db, "Diavola", "Pizza", 1150);
  stock (t->db, "Bread", NULL, 300);
  all = rg_menu_list (t->db, NULL, &error);
  pizza = rg_menu_list (t->db, "Pizza", &error);
  categories = rg_menu_list_categories (t->db, &error);
  all_names = names_of (all);
  pizza_names = names_of (pizza);

  ck_assert_no_error (error);
  ck_assert_str_eq (all_names, "Bread|Espresso|Diavola|margherita");
  ck_assert_str_eq (pizza_names, "Diavola|margherita");
  ck_assert_int_eq (g_strv_length (categories), 3);
  ck_assert_str_eq (categories[0], "");
  ck_assert_str_eq (categories[1], "drinks");
  ck_assert_str_eq (categories[2], "Pizza");
}
END_TEST

START_TEST (test_search_by_substring)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) blank = NULL;
  g_autoptr(GListModel) bad = NULL;
  g_autofree gchar *names = NULL;

  stock (t->db, "Pepperoni Pizza", "Pizza", 1100);
  stock (t->db, "Pepper Steak", "Mains", 2400);
  stock (t->db, "Tiramisu", "Dessert", 650);
  found = rg_menu_search (t->db, "PEPPER", &error);
  blank = rg_menu_search (t->db, "  ", &error);
  names = names_of (found);

  ck_assert_no_error (error);
  ck_assert_str_eq (names, "Pepper Steak|Pepperoni Pizza");
  ck_assert_int_eq (g_list_model_get_n_items (blank), 0);

  bad = rg_menu_search (t->db, "\xc3", &error);
  ck_assert_ptr_null (bad);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

static Suite *
menu_suite (void)
{
  Suite *s = suite_create ("menu");
  TCase *tc;

  tc = tcase_create ("add");
  tcase_add_test (tc, test_add_normalises_words);
  tcase_add_test (tc, test_add_refuses_bad_input);
  tcase_add_test (tc, test_add_refuses_taken_external_ref);
  suite_add_tcase (s, tc);

  tc = tcase_create ("edit");
  tcase_add_test (tc, test_edit_replaces_fields_and_keeps_availability);
  tcase_add_test (tc, test_edit_refuses_bad_input_and_leaves_item);
  suite_add_tcase (s, tc);

  tc = tcase_create ("availability");
  tcase_add_test (tc, test_86_and_back);
  tcase_add_test (tc, test_remove_is_a_tombstone);
  suite_add_tcase (s, tc);

  tc = tcase_create ("lookup");
  tcase_add_test (tc, test_find_by_name_ignores_case);
  tcase_add_test (tc, test_list_orders_by_category_then_name);
  tcase_add_test (tc, test_search_by_substring);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (menu_suite ());
}
