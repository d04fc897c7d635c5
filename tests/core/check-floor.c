/* check-floor.c — zones, tables, status changes, live status and suggestions.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-floor.h"
#include "rg-id.h"

static gchar *
insert_branch (RgDb        *db,
               const gchar *name)
{
  gchar *id = rg_id_new ();

  rg_test_exec (db, "INSERT INTO branch (id, name) VALUES (?, ?)", id, name);
  return id;
}

static void
insert_pref (RgDb        *db,
             const gchar *guest_id,
             const gchar *kind,
             const gchar *value,
             const gchar *weight)
{
  g_autofree gchar *id = rg_id_new ();

  rg_test_exec (db, "INSERT INTO seating_pref (id, guest_id, kind, value, weight) VALUES (?, ?, ?, ?, ?)",
                id, guest_id, kind, value, weight);
}

static RgDiningTable *
add_table (RgDb        *db,
           const gchar *branch_id,
           const gchar *name,
           gint         seats,
           const gchar *zone_id)
{
  g_autoptr(GError) error = NULL;
  RgDiningTableSpec spec = { .name = name, .seats = seats, .zone_id = zone_id };
  RgDiningTable *table = rg_floor_add_table (db, "manager", branch_id, &spec, &error);

  ck_assert_no_error (error);
  return table;
}

static RgZone *
add_zone (RgDb        *db,
          const gchar *branch_id,
          const gchar *name,
          RgZoneKind   kind)
{
  g_autoptr(GError) error = NULL;
  RgZone *zone = rg_floor_add_zone (db, "manager", branch_id, name, kind, &error);

  ck_assert_no_error (error);
  return zone;
}

/* "name(score-order)|…" of a suggestion list. */
static gchar *
suggested_names (GListModel *model)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgTableSuggestion) s = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i ? "|" : "",
                              rg_dining_table_get_name (rg_table_suggestion_get_table (s)));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ zones */

START_TEST (test_zones_add_edit_list)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autoptr(RgZone) patio = add_zone (t->db, branch, "Terrace", RG_ZONE_PATIO);
  g_autoptr(RgZone) edited = NULL;
  g_autoptr(GListModel) zones = NULL;
  g_autoptr(RgZone) first = NULL;

  g_object_unref (add_zone (t->db, branch, "Front", RG_ZONE_WINDOW));

  ck_assert_int_eq (rg_zone_get_kind (patio), RG_ZONE_PATIO);
  ck_assert_str_eq (rg_zone_get_branch_id (patio), branch);

  edited = rg_floor_edit_zone (t->db, "manager", rg_zone_get_id (patio), "Garden", RG_ZONE_QUIET, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_zone_get_name (edited), "Garden");
  ck_assert_int_eq (rg_zone_get_kind (edited), RG_ZONE_QUIET);

  zones = rg_floor_list_zones (t->db, branch, &error);
  ck_assert_int_eq (g_list_model_get_n_items (zones), 2);
  first = g_list_model_get_item (zones, 0);
  ck_assert_str_eq (rg_zone_get_name (first), "Front");
}
END_TEST

START_TEST (test_zones_refuse_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autoptr(RgZone) other = add_zone (t->db, branch, "Bar", RG_ZONE_BAR);
  RgZone *none;

  g_object_unref (add_zone (t->db, branch, "Terrace", RG_ZONE_PATIO));

  none = rg_floor_add_zone (t->db, "manager", branch, "TERRACE", RG_ZONE_MAIN, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  g_clear_error (&error);

  none = rg_floor_add_zone (t->db, "manager", branch, " ", RG_ZONE_MAIN, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  none = rg_floor_add_zone (t->db, "manager", "no-branch", "Hall", RG_ZONE_MAIN, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  none = rg_floor_edit_zone (t->db, "manager", rg_zone_get_id (other), "Terrace", RG_ZONE_BAR, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);

  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM zone"), 2);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM zone WHERE name = 'Bar'"), 1);
}
END_TEST

/* ----------------------------------------------------------------- tables */

START_TEST (test_table_add_with_defaults_and_features)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autoptr(RgZone) zone = add_zone (t->db, branch, "Front", RG_ZONE_WINDOW);
  const gchar *features[] = { "Sofa", "power, sofa", NULL };
  RgDiningTableSpec spec = { .name = "12", .zone_id = rg_zone_get_id (zone), .seats = 4,
                             .x = 2.5, .y = 1, .shape = RG_TABLE_ROUND, .features = features };
  g_autoptr(RgDiningTable) table = rg_floor_add_table (t->db, "manager", branch, &spec, &error);
  const gchar * const *words;

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_dining_table_get_name (table), "12");
  ck_assert_int_eq (rg_dining_table_get_seats (table), 4);
  ck_assert_str_eq (rg_dining_table_get_zone_name (table), "Front");
  ck_assert_int_eq (rg_dining_table_get_zone_kind (table), RG_ZONE_WINDOW);
  ck_assert_double_eq (rg_dining_table_get_x (table), 2.5);
  ck_assert_double_eq (rg_dining_table_get_width (table), 1.0);
  ck_assert_double_eq (rg_dining_table_get_height (table), 1.0);
  ck_assert_int_eq (rg_dining_table_get_shape (table), RG_TABLE_ROUND);
  ck_assert_int_eq (rg_dining_table_get_status (table), RG_TABLE_FREE);
  words = rg_dining_table_get_features (table);
  ck_assert_int_eq (g_strv_length ((GStrv) words), 2);
  ck_assert_str_eq (words[0], "power");
  ck_assert_str_eq (words[1], "sofa");
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM sync_outbox WHERE tbl = 'dining_table'"), 1);
}
END_TEST

START_TEST (test_table_refuses_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autofree gchar *elsewhere = insert_branch (t->db, "Harbour");
  g_autoptr(RgZone) far_zone = add_zone (t->db, elsewhere, "Far", RG_ZONE_MAIN);
  struct { RgDiningTableSpec spec; gint code; } cases[] = {
    { { .name = "", .seats = 2 }, RG_ERROR_INVALID },
    { { .name = "8", .seats = 0 }, RG_ERROR_INVALID },
    { { .name = "8", .seats = -3 }, RG_ERROR_INVALID },
    { { .name = "8", .seats = 2, .x = -1 }, RG_ERROR_INVALID },
    { { .name = "8", .seats = 2, .width = -0.5 }, RG_ERROR_INVALID },
    { { .name = "8", .seats = 2, .zone_id = "no-zone" }, RG_ERROR_NOT_FOUND },
    { { .name = "8", .seats = 2, .zone_id = rg_zone_get_id (far_zone) }, RG_ERROR_INVALID },
    { { .name = "7", .seats = 2 }, RG_ERROR_EXISTS },
  };

  g_object_unref (add_table (t->db, branch, "7", 2, NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgDiningTable) table = rg_floor_add_table (t->db, "manager", branch, &cases[i].spec, &error);

      ck_assert_ptr_null (table);
      ck_assert_msg (g_error_matches (error, RG_ERROR, cases[i].code), "case %zu: %s", i,
                     error ? error->message : "no error");
    }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM dining_table"), 1);
}
END_TEST

START_TEST (test_table_edit_keeps_status_and_list_is_natural)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autoptr(RgDiningTable) t10 = add_table (t->db, branch, "10", 4, NULL);
  g_autoptr(RgDiningTable) t2 = add_table (t->db, branch, "2", 2, NULL);
  RgDiningTableSpec spec = { .name = "2", .seats = 3, .x = 4, .y = 5, .width = 1.2, .height = 0.8 };
  g_autoptr(RgDiningTable) edited = NULL;
  g_autoptr(RgDiningTable) found = NULL;
  g_autoptr(GListModel) list = NULL;
  const gchar *expect[] = { "1", "2", "10" };

  g_object_unref (add_table (t->db, branch, "1", 2, NULL));
  ck_assert (rg_floor_set_status (t->db, rg_dining_table_get_id (t2), RG_TABLE_RESERVED, &error));
  edited = rg_floor_edit_table (t->db, "manager", rg_dining_table_get_id (t2), &spec, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_dining_table_get_seats (edited), 3);
  ck_assert_double_eq (rg_dining_table_get_width (edited), 1.2);
  ck_assert_int_eq (rg_dining_table_get_status (edited), RG_TABLE_RESERVED);

  list = rg_floor_list_tables (t->db, branch, &error);
  ck_assert_int_eq (g_list_model_get_n_items (list), 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RgDiningTable) table = g_list_model_get_item (list, i);

      ck_assert_str_eq (rg_dining_table_get_name (table), expect[i]);
    }

  found = rg_floor_find_table (t->db, branch, "10", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_dining_table_get_id (found), rg_dining_table_get_id (t10));
}
END_TEST

START_TEST (test_table_remove)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autoptr(RgDiningTable) table = add_table (t->db, branch, "5", 4, NULL);
  g_autoptr(RgDiningTable) gone = NULL;

  ck_assert (rg_floor_remove_table (t->db, "manager", rg_dining_table_get_id (table), &error));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT deleted FROM dining_table"), 1);
  gone = rg_floor_get_table (t->db, rg_dining_table_get_id (table), &error);
  ck_assert_ptr_null (gone);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

/* ----------------------------------------------------------------- status */

START_TEST (test_status_transitions)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autoptr(RgDiningTable) table = add_table (t->db, branch, "5", 4, NULL);
  const gchar *id = rg_dining_table_get_id (table);
  g_autofree gchar *visit = rg_id_new ();

  ck_assert (rg_floor_set_status (t->db, id, RG_TABLE_RESERVED, &error));
  ck_assert (rg_floor_set_status (t->db, id, RG_TABLE_RESERVED, &error));
  ck_assert (rg_floor_set_status (t->db, id, RG_TABLE_FREE, &error));
  ck_assert_no_error (error);

  ck_assert (!rg_floor_set_status (t->db, id, RG_TABLE_SEATED, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  /* A party at the table keeps it seated. */
  rg_test_exec (t->db, "UPDATE dining_table SET status = 'seated' WHERE id = ?", id);
  rg_test_exec (t->db, "INSERT INTO visit (id, branch_id, table_id, seated_ms) VALUES (?, ?, ?, 1)",
                visit, branch, id);
  ck_assert (!rg_floor_set_status (t->db, id, RG_TABLE_FREE, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!rg_floor_remove_table (t->db, "manager", id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT status = 'seated' AND deleted = 0 FROM dining_table"), 1);

  rg_test_exec (t->db, "UPDATE visit SET status = 'closed' WHERE id = ?", visit);
  ck_assert (rg_floor_set_status (t->db, id, RG_TABLE_TO_CLEAN, &error));
  ck_assert (rg_floor_set_status (t->db, id, RG_TABLE_FREE, &error));
  ck_assert_no_error (error);

  ck_assert (!rg_floor_set_status (t->db, "nope", RG_TABLE_FREE, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_status_words)
{
  RgZoneKind kind = RG_ZONE_MAIN;
  RgTableStatus status = RG_TABLE_FREE;
  RgTableShape shape = RG_TABLE_RECT;

  ck_assert (rg_zone_kind_from_string ("Window", &kind));
  ck_assert_int_eq (kind, RG_ZONE_WINDOW);
  ck_assert (!rg_zone_kind_from_string ("roof", &kind));
  ck_assert_int_eq (kind, RG_ZONE_WINDOW);
  ck_assert (rg_table_status_from_string ("to_clean", &status));
  ck_assert_str_eq (rg_table_status_to_string (status), "to_clean");
  ck_assert (rg_table_shape_from_string ("round", &shape));
  ck_assert_str_eq (rg_table_shape_to_string (shape), "round");
}
END_TEST

/* ------------------------------------------------------------------- live */

START_TEST (test_live_shows_open_checks)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autofree gchar *guest = rg_test_insert_guest (t->db, "Li Wei");
  g_autoptr(RgDiningTable) a = add_table (t->db, branch, "1", 4, NULL);
  g_autofree gchar *item = rg_id_new ();
  g_autofree gchar *visit = rg_id_new ();
  g_autofree gchar *old = rg_id_new ();
  g_autoptr(GListModel) live = NULL;
  g_autoptr(RgTableLive) first = NULL;
  g_autoptr(RgTableLive) second = NULL;

  g_object_unref (add_table (t->db, branch, "2", 2, NULL));

  rg_test_exec (t->db, "INSERT INTO menu_item (id, name, price) VALUES (?, 'Soup', 500)", item);
  rg_test_exec (t->db, "UPDATE dining_table SET status = 'seated' WHERE id = ?", rg_dining_table_get_id (a));
  rg_test_exec (t->db, "INSERT INTO visit (id, branch_id, table_id, guest_id, party_size, seated_ms, status) "
                "VALUES (?, ?, ?, NULL, 2, 1000, 'closed')", old, branch, rg_dining_table_get_id (a));
  rg_test_exec (t->db, "INSERT INTO visit (id, branch_id, table_id, guest_id, party_size, seated_ms) "
                "VALUES (?, ?, ?, ?, 3, 5000)", visit, branch, rg_dining_table_get_id (a), guest);
  rg_test_exec (t->db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, created_ms) "
                "VALUES (lower (hex (randomblob (16))), ?, ?, 2, 500, 0)", visit, item);
  rg_test_exec (t->db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, created_ms, voided) "
                "VALUES (lower (hex (randomblob (16))), ?, ?, 1, 500, 0, 1)", visit, item);
  rg_test_exec (t->db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, created_ms) "
                "VALUES (lower (hex (randomblob (16))), ?, ?, 7, 100, 0)", old, item);

  live = rg_floor_list_live (t->db, branch, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_list_model_get_n_items (live), 2);
  first = g_list_model_get_item (live, 0);
  ck_assert_str_eq (rg_dining_table_get_name (rg_table_live_get_table (first)), "1");
  ck_assert_int_eq (rg_dining_table_get_status (rg_table_live_get_table (first)), RG_TABLE_SEATED);
  ck_assert_str_eq (rg_table_live_get_visit_id (first), visit);
  ck_assert_str_eq (rg_table_live_get_guest_name (first), "Li Wei");
  ck_assert_int_eq (rg_table_live_get_party_size (first), 3);
  ck_assert_int_eq (rg_table_live_get_seated_ms (first), 5000);
  ck_assert_int_eq (rg_table_live_get_check_total (first), 1000);

  second = g_list_model_get_item (live, 1);
  ck_assert_ptr_null (rg_table_live_get_visit_id (second));
  ck_assert_int_eq (rg_table_live_get_party_size (second), 0);
  ck_assert_int_eq (rg_table_live_get_check_total (second), 0);
}
END_TEST

START_TEST (test_live_200_tables_in_one_list)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autofree gchar *item = rg_id_new ();
  g_autoptr(GListModel) live = NULL;
  g_autoptr(RgTransaction) txn = rg_db_begin (t->db, &error);
  guint seated = 0;

  rg_test_exec (t->db, "INSERT INTO menu_item (id, name, price) VALUES (?, 'Soup', 500)", item);
  for (gint i = 1; i <= 200; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("%d", i);
      g_autoptr(RgDiningTable) table = add_table (t->db, branch, name, 4, NULL);
      g_autofree gchar *visit = rg_id_new ();

      if (i % 4 == 0)
        continue;
      rg_test_exec (t->db, "UPDATE dining_table SET status = 'seated' WHERE id = ?", rg_dining_table_get_id (table));
      rg_test_exec (t->db, "INSERT INTO visit (id, branch_id, table_id, party_size, seated_ms) VALUES (?, ?, ?, 2, 1)",
                    visit, branch, rg_dining_table_get_id (table));
      for (gint j = 0; j < 8; j++)
        rg_test_exec (t->db, "INSERT INTO order_line (id, visit_id, item_id, qty, unit_price, created_ms) "
                      "VALUES (lower (hex (randomblob (16))), ?, ?, 1, 500, 0)", visit, item);
    }
  ck_assert (rg_transaction_commit (g_steal_pointer (&txn), &error));

  live = rg_floor_list_live (t->db, branch, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_list_model_get_n_items (live), 200);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(RgTableLive) entry = g_list_model_get_item (live, i);
      gboolean open = (i + 1) % 4 != 0;

      ck_assert_int_eq (rg_table_live_get_visit_id (entry) != NULL, open);
      ck_assert_int_eq (rg_table_live_get_check_total (entry), open ? 8 * 500 : 0);
      seated += open;
    }
  ck_assert_int_eq (seated, 150);
}
END_TEST

/* ------------------------------------------------------------- suggestion */

START_TEST (test_suggest_prefers_smallest_fit)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autoptr(RgDiningTable) busy = add_table (t->db, branch, "busy", 2, NULL);
  g_autoptr(GListModel) pair = NULL;
  g_autoptr(GListModel) ten = NULL;
  g_autoptr(GListModel) twenty = NULL;
  g_autoptr(RgTableSuggestion) best = NULL;
  g_autofree gchar *pair_names = NULL;
  g_autofree gchar *ten_names = NULL;

  g_object_unref (add_table (t->db, branch, "6-top", 6, NULL));
  g_object_unref (add_table (t->db, branch, "2-top", 2, NULL));
  g_object_unref (add_table (t->db, branch, "12-top", 12, NULL));
  g_object_unref (add_table (t->db, branch, "4-top", 4, NULL));
  ck_assert (rg_floor_set_status (t->db, rg_dining_table_get_id (busy), RG_TABLE_RESERVED, &error));
  pair = rg_floor_suggest_tables (t->db, branch, 2, NULL, &error);
  ck_assert_no_error (error);
  pair_names = suggested_names (pair);
  ck_assert_str_eq (pair_names, "2-top|4-top|6-top");
  best = g_list_model_get_item (pair, 0);
  ck_assert_str_eq (rg_table_suggestion_get_reason (best), "seats 2, just right");

  /* Only the big table fits ten, so it is offered after all. */
  ten = rg_floor_suggest_tables (t->db, branch, 10, NULL, &error);
  ten_names = suggested_names (ten);
  ck_assert_str_eq (ten_names, "12-top");

  twenty = rg_floor_suggest_tables (t->db, branch, 20, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_list_model_get_n_items (twenty), 0);
}
END_TEST

START_TEST (test_suggest_follows_the_guests_preferences)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  g_autofree gchar *guest = rg_test_insert_guest (t->db, "Li Wei");
  g_autofree gchar *other = rg_test_insert_guest (t->db, "Ana");
  g_autoptr(RgZone) window = add_zone (t->db, branch, "Front", RG_ZONE_WINDOW);
  g_autoptr(RgDiningTable) favourite = add_table (t->db, branch, "12", 4, NULL);
  g_autoptr(GListModel) zone_first = NULL;
  g_autoptr(GListModel) fav_first = NULL;
  g_autoptr(RgTableSuggestion) top = NULL;
  g_autoptr(RgTableSuggestion) fav = NULL;
  g_autofree gchar *zone_names = NULL;
  g_autofree gchar *fav_names = NULL;

  g_object_unref (add_table (t->db, branch, "1", 2, NULL));
  g_object_unref (add_table (t->db, branch, "2", 4, rg_zone_get_id (window)));
  insert_pref (t->db, guest, "zone", "window", "1.0");
  zone_first = rg_floor_suggest_tables (t->db, branch, 2, guest, &error);
  ck_assert_no_error (error);
  zone_names = suggested_names (zone_first);
  ck_assert_str_eq (zone_names, "2|1|12");
  top = g_list_model_get_item (zone_first, 0);
  ck_assert_str_eq (rg_table_suggestion_get_reason (top),
                    "by the window, the guest's usual zone; seats 4 for a party of 2");

  insert_pref (t->db, other, "table", rg_dining_table_get_id (favourite), "1.0");
  fav_first = rg_floor_suggest_tables (t->db, branch, 2, other, &error);
  fav_names = suggested_names (fav_first);
  ck_assert_str_eq (fav_names, "12|1|2");
  fav = g_list_model_get_item (fav_first, 0);
  ck_assert_ptr_nonnull (strstr (rg_table_suggestion_get_reason (fav), "table 12, their favourite"));
  ck_assert (rg_table_suggestion_get_score (fav) > 3.0);
}
END_TEST

START_TEST (test_suggest_refuses_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new_staffed ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *branch = insert_branch (t->db, "Riverside");
  GListModel *none;

  none = rg_floor_suggest_tables (t->db, branch, 0, NULL, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  none = rg_floor_suggest_tables (t->db, "no-branch", 2, NULL, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

static Suite *
floor_suite (void)
{
  Suite *s = suite_create ("floor");
  TCase *tc;

  tc = tcase_create ("zones");
  tcase_add_test (tc, test_zones_add_edit_list);
  tcase_add_test (tc, test_zones_refuse_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("tables");
  tcase_add_test (tc, test_table_add_with_defaults_and_features);
  tcase_add_test (tc, test_table_refuses_bad_input);
  tcase_add_test (tc, test_table_edit_keeps_status_and_list_is_natural);
  tcase_add_test (tc, test_table_remove);
  suite_add_tcase (s, tc);

  tc = tcase_create ("status");
  tcase_add_test (tc, test_status_transitions);
  tcase_add_test (tc, test_status_words);
  suite_add_tcase (s, tc);

  tc = tcase_create ("live");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, test_live_shows_open_checks);
  tcase_add_test (tc, test_live_200_tables_in_one_list);
  suite_add_tcase (s, tc);

  tc = tcase_create ("suggest");
  tcase_add_test (tc, test_suggest_prefers_smallest_fit);
  tcase_add_test (tc, test_suggest_follows_the_guests_preferences);
  tcase_add_test (tc, test_suggest_refuses_bad_input);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (floor_suite ());
}
