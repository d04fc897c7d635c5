/* check-prefs.c — tags, allergies, seating and dish preferences, notes and
 * links of a guest.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-prefs.h"

/* Guests, a dish and a table made with plain SQL: this test does not depend
 * on rg-guest, rg-menu or rg-floor. */
#define ANNA   "0192d9b0-0000-7000-8000-00000000000a"
#define BORIS  "0192d9b0-0000-7000-8000-00000000000b"
#define CHEN   "0192d9b0-0000-7000-8000-00000000000c"
#define OLD    "0192d9b0-0000-7000-8000-0000000000d1"   /* merged into OLDER → ANNA */
#define OLDER  "0192d9b0-0000-7000-8000-0000000000d2"
#define GONE   "0192d9b0-0000-7000-8000-0000000000e0"   /* erased */
#define LOOP1  "0192d9b0-0000-7000-8000-0000000000f1"   /* a broken merge cycle */
#define LOOP2  "0192d9b0-0000-7000-8000-0000000000f2"
#define NOBODY "0192d9b0-0000-7000-8000-000000000999"
#define DUMPLINGS "item-dumplings"
#define NOODLES   "item-noodles"
#define TABLE_7   "table-7"
#define MEI       "staff-mei"

static RgTestDb *
make_db (void)
{
  RgTestDb *t = rg_test_db_new ();

  ck_assert (rg_db_exec (t->db,
      "INSERT INTO guest (id, name, created_ms) VALUES "
      "  ('" ANNA "', 'Anna', 1), ('" BORIS "', 'Boris', 1), ('" CHEN "', '陈静', 1),"
      "  ('" OLDER "', 'Anna (old)', 1), ('" OLD "', 'Anna (older)', 1),"
      "  ('" LOOP1 "', 'Loop one', 1), ('" LOOP2 "', 'Loop two', 1);"
      "INSERT INTO guest (id, name, created_ms, deleted) VALUES ('" GONE "', 'Erased', 1, 1);"
      "UPDATE guest SET merged_into = '" ANNA "', deleted = 1 WHERE id = '" OLDER "';"
      "UPDATE guest SET merged_into = '" OLDER "' WHERE id = '" OLD "';"
      "UPDATE guest SET merged_into = '" LOOP2 "' WHERE id = '" LOOP1 "';"
      "UPDATE guest SET merged_into = '" LOOP1 "' WHERE id = '" LOOP2 "';"
      "INSERT INTO menu_item (id, name, price) VALUES "
      "  ('" DUMPLINGS "', 'Pork dumplings', 2800), ('" NOODLES "', 'Dan dan noodles', 3200);"
      "INSERT INTO menu_item (id, name, price, deleted) VALUES ('item-gone', 'Old dish', 100, 1);"
      "INSERT INTO branch (id, name) VALUES ('branch-1', 'Riverside');"
      "INSERT INTO dining_table (id, branch_id, name, seats) VALUES ('" TABLE_7 "', 'branch-1', 'T7', 4);"
      "INSERT INTO staff (id, name, role) VALUES ('" MEI "', 'Mei', 'waiter');",
      NULL));
  return t;
}

/* Every row of every fact table plus the outbox: unchanged after a refused
 * write. */
static gint64
count_rows (RgDb *db)
{
  return rg_test_query_int (db,
      "SELECT (SELECT count(*) FROM guest_tag) + (SELECT count(*) FROM guest_allergy) +"
      " (SELECT count(*) FROM seating_pref) + (SELECT count(*) FROM dish_pref) +"
      " (SELECT count(*) FROM guest_note) + (SELECT count(*) FROM guest_link) +"
      " (SELECT count(*) FROM sync_outbox) + (SELECT total (deleted) FROM guest_tag)");
}

/* Asserts that an add returned an id, and frees it. */
static void
added (gchar *id)
{
  ck_assert_ptr_nonnull (id);
  g_free (id);
}

static RgGuestFact *
nth_fact (GListModel *model,
          guint       i)
{
  RgGuestFact *fact = g_list_model_get_item (model, i);

  ck_assert_ptr_nonnull (fact);
  g_object_unref (fact);    /* the model keeps it alive */
  return fact;
}

static GListModel *
list_ok (RgDb        *db,
         const gchar *guest,
         RgFactKind   kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = rg_prefs_list (db, guest, kind, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (list);
  return list;
}

/* ------------------------------------------------------------------ tags */

START_TEST (test_tags_are_words_and_idempotent)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *spicy = rg_prefs_add_tag (t->db, ANNA, "Spicy", &error);
  g_autofree gchar *again = rg_prefs_add_tag (t->db, ANNA, "  SPICY ", &error);
  g_autoptr(GListModel) list = NULL;

  added (rg_prefs_add_tag (t->db, ANNA, "Sweet & Sour", &error));
  added (rg_prefs_add_tag (t->db, ANNA, "kids' chair", &error));
  ck_assert_no_error (error);
  ck_assert_str_eq (spicy, again);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_tag"), 3);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox WHERE tbl = 'guest_tag'"), 3);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM guest_tag g JOIN setting s ON s.key = 'device_id' "
                    "WHERE g.origin = s.value AND g.updated_hlc > 0 AND length (g.id) = 36"), 3);

  list = list_ok (t->db, ANNA, RG_FACT_TAG);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 3);
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 0)), "kids-chair");
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 1)), "spicy");
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 2)), "sweet-sour");
  ck_assert_str_eq (rg_guest_fact_get_id (nth_fact (list, 1)), spicy);
  ck_assert_str_eq (rg_guest_fact_get_guest_id (nth_fact (list, 1)), ANNA);
  ck_assert_int_eq (rg_guest_fact_get_kind (nth_fact (list, 1)), RG_FACT_TAG);
  ck_assert_ptr_null (rg_guest_fact_get_detail (nth_fact (list, 1)));
  ck_assert_str_eq (rg_guest_fact_get_label (nth_fact (list, 1)), "spicy");
  ck_assert_int_ge (rg_guest_fact_get_created_ms (nth_fact (list, 1)), 1700000000000);
  ck_assert (rg_guest_fact_get_updated_hlc (nth_fact (list, 1)) > 0);
}
END_TEST

START_TEST (test_remove_is_a_tombstone)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *id = rg_prefs_add_tag (t->db, ANNA, "wine", &error);
  g_autofree gchar *again = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 hlc = rg_test_query_int (t->db, "SELECT updated_hlc FROM guest_tag");

  ck_assert (rg_prefs_remove (t->db, RG_FACT_TAG, id, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_tag WHERE deleted = 1"), 1);
  ck_assert_int_gt (rg_test_query_int (t->db, "SELECT updated_hlc FROM guest_tag"), hlc);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox WHERE tbl = 'guest_tag'"), 2);
  list = list_ok (t->db, ANNA, RG_FACT_TAG);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 0);

  ck_assert (!rg_prefs_remove (t->db, RG_FACT_TAG, id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_prefs_remove (t->db, RG_FACT_ALLERGY, id, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the tag can be given again: a new row */
  again = rg_prefs_add_tag (t->db, ANNA, "wine", &error);
  ck_assert_no_error (error);
  ck_assert_str_ne (again, id);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_tag"), 2);
}
END_TEST

/* ------------------------------------------------------------- allergies */

START_TEST (test_allergies)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *peanut = rg_prefs_add_allergy (t->db, ANNA, "Peanut", NULL, "even traces", &error);
  g_autofree gchar *stricter = NULL;
  g_autoptr(GListModel) list = NULL;

  added (rg_prefs_add_allergy (t->db, ANNA, "lactose", "mild", NULL, &error));
  ck_assert_no_error (error);
  list = list_ok (t->db, ANNA, RG_FACT_ALLERGY);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 0)), "peanut");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (list, 0)), "severe");
  ck_assert_str_eq (rg_guest_fact_get_note (nth_fact (list, 0)), "even traces");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (list, 1)), "mild");
  g_clear_object (&list);

  /* the same allergen again updates it and keeps its note */
  stricter = rg_prefs_add_allergy (t->db, ANNA, "PEANUT", "anaphylactic", NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (stricter, peanut);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_allergy"), 2);
  list = list_ok (t->db, ANNA, RG_FACT_ALLERGY);
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (list, 0)), "anaphylactic");
  ck_assert_str_eq (rg_guest_fact_get_note (nth_fact (list, 0)), "even traces");
}
END_TEST

START_TEST (test_allergy_same_values_write_nothing)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autofree gchar *a = rg_prefs_add_allergy (t->db, ANNA, "sesame", "severe", "note", NULL);
  gint64 outbox = rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox");
  g_autofree gchar *b = rg_prefs_add_allergy (t->db, ANNA, "Sesame", "severe", NULL, NULL);
  g_autofree gchar *c = rg_prefs_add_allergy (t->db, ANNA, "sesame", "severe", "note", NULL);

  ck_assert_str_eq (a, b);
  ck_assert_str_eq (a, c);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox"), outbox);
}
END_TEST

START_TEST (test_allergens_for_guests)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autofree gchar *shrimp = NULL;
  const gchar *table[] = { ANNA, OLD, BORIS, NOBODY, GONE, CHEN, NULL };
  const gchar *nobody[] = { NOBODY, NULL };
  const gchar *empty[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) zero = NULL;

  added (rg_prefs_add_allergy (t->db, ANNA, "peanut", NULL, NULL, NULL));
  added (rg_prefs_add_allergy (t->db, BORIS, "peanut", "mild", NULL, NULL));
  added (rg_prefs_add_allergy (t->db, BORIS, "Gluten", NULL, NULL, NULL));
  shrimp = rg_prefs_add_allergy (t->db, CHEN, "shellfish", NULL, NULL, NULL);
  added (rg_prefs_add_allergy (t->db, CHEN, "egg", NULL, NULL, NULL));
  ck_assert (rg_prefs_remove (t->db, RG_FACT_ALLERGY, shrimp, NULL));

  all = rg_prefs_list_allergens_for_guests (t->db, table, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_strv_length (all), 3);
  ck_assert_str_eq (all[0], "egg");
  ck_assert_str_eq (all[1], "gluten");
  ck_assert_str_eq (all[2], "peanut");

  none = rg_prefs_list_allergens_for_guests (t->db, nobody, &error);
  zero = rg_prefs_list_allergens_for_guests (t->db, empty, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_strv_length (none), 0);
  ck_assert_uint_eq (g_strv_length (zero), 0);
}
END_TEST

/* --------------------------------------------------------------- seating */

START_TEST (test_seating)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *window = rg_prefs_add_seating (t->db, ANNA, "zone", "Window", 2.0, NULL, &error);
  g_autofree gchar *heavier = NULL;
  g_autoptr(GListModel) list = NULL;

  added (rg_prefs_add_seating (t->db, ANNA, "table", TABLE_7, 3.0, "by the fish tank", &error));
  added (rg_prefs_add_seating (t->db, ANNA, "zone", "bar", -1.0, "too loud", &error));
  added (rg_prefs_add_seating (t->db, ANNA, "feature", "Sofa", 1.0, NULL, &error));
  ck_assert_no_error (error);
  list = list_ok (t->db, ANNA, RG_FACT_SEATING);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 4);
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 0)), TABLE_7);
  ck_assert_str_eq (rg_guest_fact_get_label (nth_fact (list, 0)), "T7");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (list, 0)), "table");
  ck_assert_str_eq (rg_guest_fact_get_note (nth_fact (list, 0)), "by the fish tank");
  ck_assert (rg_guest_fact_get_weight (nth_fact (list, 0)) == 3.0);
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 1)), "window");
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 2)), "sofa");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (list, 2)), "feature");
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 3)), "bar");
  ck_assert (rg_guest_fact_get_weight (nth_fact (list, 3)) == -1.0);
  g_clear_object (&list);

  heavier = rg_prefs_add_seating (t->db, ANNA, "zone", "window", 5.0, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (heavier, window);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM seating_pref"), 4);
  list = list_ok (t->db, ANNA, RG_FACT_SEATING);
  ck_assert_str_eq (rg_guest_fact_get_id (nth_fact (list, 0)), window);
}
END_TEST

START_TEST (test_seating_refused)
{
  g_autoptr(RgTestDb) t = make_db ();
  const struct { const gchar *kind; const gchar *value; gdouble weight; RgError code; } cases[] = {
    { "table", "table-99", 1.0, RG_ERROR_NOT_FOUND },
    { "table", NULL, 1.0, RG_ERROR_NOT_FOUND },
    { "zone", "kitchen", 1.0, RG_ERROR_INVALID },
    { "zone", "", 1.0, RG_ERROR_INVALID },
    { "feature", "!!", 1.0, RG_ERROR_INVALID },
    { "corner", "window", 1.0, RG_ERROR_INVALID },
    { NULL, "window", 1.0, RG_ERROR_INVALID },
    { "zone", "window", 10.5, RG_ERROR_INVALID },
    { "zone", "window", -11.0, RG_ERROR_INVALID },
    { "zone", "window", NAN, RG_ERROR_INVALID },
    { "zone", "window", INFINITY, RG_ERROR_INVALID },
  };
  gint64 before = count_rows (t->db);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *id = rg_prefs_add_seating (t->db, ANNA, cases[i].kind, cases[i].value,
                                                   cases[i].weight, NULL, &error);

      ck_assert_msg (id == NULL, "case %" G_GSIZE_FORMAT " accepted", i);
      ck_assert_error (error, RG_ERROR, cases[i].code);
    }
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

/* ---------------------------------------------------------------- dishes */

START_TEST (test_dishes)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *noodles = rg_prefs_add_dish (t->db, ANNA, NOODLES, "dislike", "too oily", &error);
  g_autofree gchar *changed = NULL;
  g_autoptr(GListModel) list = NULL;

  added (rg_prefs_add_dish (t->db, ANNA, DUMPLINGS, "like", NULL, &error));
  ck_assert_no_error (error);
  list = list_ok (t->db, ANNA, RG_FACT_DISH);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 0)), DUMPLINGS);
  ck_assert_str_eq (rg_guest_fact_get_label (nth_fact (list, 0)), "Pork dumplings");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (list, 0)), "like");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (list, 1)), "dislike");
  ck_assert_str_eq (rg_guest_fact_get_note (nth_fact (list, 1)), "too oily");
  g_clear_object (&list);

  changed = rg_prefs_add_dish (t->db, ANNA, NOODLES, "like", "new recipe", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (changed, noodles);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM dish_pref WHERE pref = 'like' AND note = 'new recipe'"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM dish_pref"), 2);
}
END_TEST

START_TEST (test_dishes_refused)
{
  g_autoptr(RgTestDb) t = make_db ();
  const struct { const gchar *guest; const gchar *item; const gchar *pref; RgError code; } cases[] = {
    { ANNA, "item-unknown", "like", RG_ERROR_NOT_FOUND },
    { ANNA, "item-gone", "like", RG_ERROR_NOT_FOUND },
    { ANNA, NULL, "like", RG_ERROR_NOT_FOUND },
    { ANNA, DUMPLINGS, "love", RG_ERROR_INVALID },
    { ANNA, DUMPLINGS, NULL, RG_ERROR_INVALID },
    { NOBODY, DUMPLINGS, "like", RG_ERROR_NOT_FOUND },
  };
  gint64 before = count_rows (t->db);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *id = rg_prefs_add_dish (t->db, cases[i].guest, cases[i].item, cases[i].pref,
                                                NULL, &error);

      ck_assert_ptr_null (id);
      ck_assert_error (error, RG_ERROR, cases[i].code);
    }
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

/* ----------------------------------------------------------------- notes */

START_TEST (test_notes)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *first = rg_prefs_add_note (t->db, ANNA, MEI, "Celebrates in May", &error);
  g_autofree gchar *second = rg_prefs_add_note (t->db, ANNA, NULL, "  Celebrates in May\n", &error);
  g_autoptr(GListModel) list = NULL;

  ck_assert_no_error (error);
  ck_assert_str_ne (first, second);
  list = list_ok (t->db, ANNA, RG_FACT_NOTE);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  ck_assert_str_eq (rg_guest_fact_get_id (nth_fact (list, 0)), second);
  ck_assert_ptr_null (rg_guest_fact_get_staff_id (nth_fact (list, 0)));
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 0)), "Celebrates in May");
  ck_assert_str_eq (rg_guest_fact_get_staff_id (nth_fact (list, 1)), MEI);
  ck_assert_int_ge (rg_guest_fact_get_created_ms (nth_fact (list, 1)), 1700000000000);
}
END_TEST

START_TEST (test_notes_refused)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *long_note = g_strnfill (RG_PREFS_NOTE_MAX + 1, 'n');
  gint64 before = count_rows (t->db);

  ck_assert_ptr_null (rg_prefs_add_note (t->db, ANNA, "staff-unknown", "hello", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_note (t->db, ANNA, MEI, " \n ", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_note (t->db, ANNA, MEI, long_note, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_note (t->db, ANNA, MEI, "bad \xff", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

/* ----------------------------------------------------------------- links */

START_TEST (test_links)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *partner = rg_prefs_add_link (t->db, ANNA, "partner", BORIS, &error);
  g_autofree gchar *back = rg_prefs_add_link (t->db, BORIS, "partner", ANNA, &error);
  g_autofree gchar *referred = rg_prefs_add_link (t->db, CHEN, "referred_by", ANNA, &error);
  g_autofree gchar *referred_back = rg_prefs_add_link (t->db, ANNA, "referred_by", CHEN, &error);
  g_autoptr(GListModel) anna = NULL;
  g_autoptr(GListModel) chen = NULL;

  ck_assert_no_error (error);
  ck_assert_str_eq (partner, back);
  /* referred_by has a direction: the other way round is another link */
  ck_assert_str_ne (referred, referred_back);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_link"), 3);

  anna = list_ok (t->db, ANNA, RG_FACT_LINK);
  ck_assert_uint_eq (g_list_model_get_n_items (anna), 3);
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (anna, 0)), "partner");
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (anna, 0)), BORIS);
  ck_assert_str_eq (rg_guest_fact_get_label (nth_fact (anna, 0)), "Boris");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (anna, 1)), "referred");
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (anna, 1)), CHEN);
  ck_assert_str_eq (rg_guest_fact_get_label (nth_fact (anna, 1)), "陈静");
  ck_assert_str_eq (rg_guest_fact_get_detail (nth_fact (anna, 2)), "referred_by");
  ck_assert_str_eq (rg_guest_fact_get_guest_id (nth_fact (anna, 2)), ANNA);

  chen = list_ok (t->db, CHEN, RG_FACT_LINK);
  ck_assert_uint_eq (g_list_model_get_n_items (chen), 2);
}
END_TEST

START_TEST (test_links_refused)
{
  g_autoptr(RgTestDb) t = make_db ();
  const struct { const gchar *guest; const gchar *kind; const gchar *other; RgError code; } cases[] = {
    { ANNA, "partner", ANNA, RG_ERROR_INVALID },
    { ANNA, "partner", OLD, RG_ERROR_INVALID },      /* OLD was merged into ANNA */
    { ANNA, "partner", NOBODY, RG_ERROR_NOT_FOUND },
    { ANNA, "partner", GONE, RG_ERROR_NOT_FOUND },
    { ANNA, "partner", NULL, RG_ERROR_NOT_FOUND },
    { ANNA, "lover", BORIS, RG_ERROR_INVALID },
    { ANNA, "", BORIS, RG_ERROR_INVALID },
    { NOBODY, "friend", BORIS, RG_ERROR_NOT_FOUND },
  };
  gint64 before = count_rows (t->db);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *id = rg_prefs_add_link (t->db, cases[i].guest, cases[i].kind, cases[i].other,
                                                &error);

      ck_assert_msg (id == NULL, "case %" G_GSIZE_FORMAT " accepted", i);
      ck_assert_error (error, RG_ERROR, cases[i].code);
    }
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

/* ---------------------------------------------------------------- guests */

START_TEST (test_merged_guest_resolves_to_survivor)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *via_old = rg_prefs_add_tag (t->db, OLD, "vegetarian", &error);
  g_autofree gchar *direct = rg_prefs_add_tag (t->db, ANNA, "vegetarian", &error);
  g_autoptr(GListModel) list = NULL;

  ck_assert_no_error (error);
  ck_assert_str_eq (via_old, direct);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM guest_tag WHERE guest_id = '" ANNA "'"), 1);
  list = list_ok (t->db, OLDER, RG_FACT_TAG);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 1);
  ck_assert_str_eq (rg_guest_fact_get_guest_id (nth_fact (list, 0)), ANNA);
}
END_TEST

START_TEST (test_unknown_guests)
{
  g_autoptr(RgTestDb) t = make_db ();
  const gchar *ids[] = { NOBODY, GONE, LOOP1, "", "'; DROP TABLE guest; --", NULL };
  gint64 before = count_rows (t->db);

  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) list_error = NULL;
      g_autofree gchar *id = rg_prefs_add_tag (t->db, ids[i], "spicy", &error);
      g_autoptr(GListModel) list = rg_prefs_list (t->db, ids[i], RG_FACT_TAG, &list_error);

      ck_assert_ptr_null (id);
      ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
      ck_assert_ptr_null (list);
      ck_assert_error (list_error, RG_ERROR, RG_ERROR_NOT_FOUND);
    }
  ck_assert_int_eq (count_rows (t->db), before);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), 8);
}
END_TEST

START_TEST (test_bad_words_change_nothing)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autofree gchar *long_word = g_strnfill (RG_PREFS_WORD_MAX + 1, 'w');
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (t->db);

  ck_assert_ptr_null (rg_prefs_add_tag (t->db, ANNA, "", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_tag (t->db, ANNA, long_word, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_tag (t->db, ANNA, "spi\x01cy", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_allergy (t->db, ANNA, "peanut", "deadly", NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "mild, severe, anaphylactic"));
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_allergy (t->db, ANNA, "   ", NULL, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_prefs_add_allergy (t->db, ANNA, "peanut", NULL, "\xc3", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (count_rows (t->db), before);
}
END_TEST

START_TEST (test_list_all_in_kind_order)
{
  g_autoptr(RgTestDb) t = make_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  const RgFactKind expected[] = {
    RG_FACT_TAG, RG_FACT_TAG, RG_FACT_ALLERGY, RG_FACT_SEATING, RG_FACT_DISH, RG_FACT_NOTE, RG_FACT_LINK,
  };

  added (rg_prefs_add_link (t->db, ANNA, "friend", CHEN, NULL));
  added (rg_prefs_add_note (t->db, ANNA, NULL, "hi", NULL));
  added (rg_prefs_add_dish (t->db, ANNA, DUMPLINGS, "like", NULL, NULL));
  added (rg_prefs_add_seating (t->db, ANNA, "zone", "patio", 1.0, NULL, NULL));
  added (rg_prefs_add_allergy (t->db, ANNA, "egg", NULL, NULL, NULL));
  added (rg_prefs_add_tag (t->db, ANNA, "wine", NULL));
  added (rg_prefs_add_tag (t->db, ANNA, "beer", NULL));
  added (rg_prefs_add_tag (t->db, BORIS, "tea", NULL));

  list = rg_prefs_list_all (t->db, ANNA, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    ck_assert_int_eq (rg_guest_fact_get_kind (nth_fact (list, i)), expected[i]);
  ck_assert_str_eq (rg_guest_fact_get_value (nth_fact (list, 0)), "beer");
}
END_TEST

static Suite *
prefs_suite (void)
{
  Suite *s = suite_create ("prefs");
  TCase *tc;

  tc = tcase_create ("tags");
  tcase_add_test (tc, test_tags_are_words_and_idempotent);
  tcase_add_test (tc, test_remove_is_a_tombstone);
  suite_add_tcase (s, tc);

  tc = tcase_create ("allergies");
  tcase_add_test (tc, test_allergies);
  tcase_add_test (tc, test_allergy_same_values_write_nothing);
  tcase_add_test (tc, test_allergens_for_guests);
  suite_add_tcase (s, tc);

  tc = tcase_create ("seating");
  tcase_add_test (tc, test_seating);
  tcase_add_test (tc, test_seating_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("dishes");
  tcase_add_test (tc, test_dishes);
  tcase_add_test (tc, test_dishes_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("notes");
  tcase_add_test (tc, test_notes);
  tcase_add_test (tc, test_notes_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("links");
  tcase_add_test (tc, test_links);
  tcase_add_test (tc, test_links_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("guests");
  tcase_add_test (tc, test_merged_guest_resolves_to_survivor);
  tcase_add_test (tc, test_unknown_guests);
  tcase_add_test (tc, test_bad_words_change_nothing);
  tcase_add_test (tc, test_list_all_in_kind_order);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (prefs_suite ());
}
