/* check-guest.c — adding and editing guests, their phones and cards,
 * redirects and the name index of rg-guest.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-branch.h"
#include "rg-card.h"
#include "rg-guest.h"
#include "rg-id.h"

/* The rows a failed write must leave untouched. */
#define COUNT_WRITES \
  "SELECT (SELECT count(*) FROM guest) * 1000000 + (SELECT count(*) FROM guest_phone) * 10000 " \
  "     + (SELECT count(*) FROM member_card) * 100 + (SELECT count(*) FROM local_guest_key)"

/* A valid card number with its check digit changed. */
static gchar *
mistype_card (const gchar *number)
{
  gchar *wrong = g_strdup (number);
  gsize last = strlen (wrong) - 1;

  wrong[last] = wrong[last] == '9' ? '0' : wrong[last] + 1;
  return wrong;
}

static gint64
count_index_matches (RgDb        *db,
                     const gchar *match)
{
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT count(*) FROM guest_name_fts WHERE guest_name_fts MATCH '%s'", match);

  return rg_test_query_int (db, sql);
}

/* ------------------------------------------------------------------ add */

START_TEST (test_add_stores_every_field)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) guest = NULL;
  g_autoptr(RgGuest) again = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  const gchar *phones[] = { "+86 138-0013-8000", "13800138000", "0086 139 0000 1111", NULL };
  RgGuestFields fields = {
    .name = "  Zoë  ", .family_name = "Durand", .title = "Dr", .gender = "Female",
    .birthday = "1985-07-14", .anniversary = "--02-29", .language = "fr-FR", .vip = TRUE,
    .notes = "Likes the window\nno ice", .consent_marketing = TRUE, .external_ref = "pos-77",
  };

  guest = rg_guest_add (t->db, &fields, phones, card, &error);
  ck_assert_no_error (error);
  ck_assert (rg_id_is_valid (rg_guest_get_id (guest)));
  ck_assert_str_eq (rg_guest_get_name (guest), "Zoë");
  ck_assert_str_eq (rg_guest_get_family_name (guest), "Durand");
  ck_assert_str_eq (rg_guest_get_title (guest), "Dr");
  ck_assert_str_eq (rg_guest_get_gender (guest), "female");
  ck_assert_str_eq (rg_guest_get_birthday (guest), "1985-07-14");
  ck_assert_str_eq (rg_guest_get_anniversary (guest), "--02-29");
  ck_assert_str_eq (rg_guest_get_language (guest), "fr-FR");
  ck_assert (rg_guest_get_vip (guest));
  ck_assert_str_eq (rg_guest_get_notes (guest), "Likes the window\nno ice");
  ck_assert (rg_guest_get_consent_marketing (guest));
  ck_assert_str_eq (rg_guest_get_external_ref (guest), "pos-77");
  ck_assert_ptr_null (rg_guest_get_merged_into (guest));
  ck_assert_int_gt (rg_guest_get_created_ms (guest), 1700000000000);
  ck_assert_uint_eq (rg_guest_get_visit_count (guest), 0);

  /* The same number in two formats is stored once. */
  ck_assert_uint_eq (g_strv_length ((GStrv) rg_guest_get_phones (guest)), 2);
  ck_assert_str_eq (rg_guest_get_phones (guest)[0], "+8613800138000");
  ck_assert_str_eq (rg_guest_get_phones (guest)[1], "+8613900001111");
  ck_assert_uint_eq (g_strv_length ((GStrv) rg_guest_get_cards (guest)), 1);
  ck_assert_str_eq (rg_guest_get_cards (guest)[0], card);

  /* Synced rows, outbox entries and the name index, in one go. */
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM guest WHERE updated_hlc > 0 AND origin = "
                    "(SELECT value FROM setting WHERE key = 'device_id')"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db,
                    "SELECT count(*) FROM guest_phone WHERE updated_hlc > 0 AND length (origin) = 36 "
                    "AND digits_rev = '0008310083168'"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox"), 4);
  ck_assert_int_eq (count_index_matches (t->db, "zoe durand"), 1);

  again = rg_guest_get (t->db, rg_guest_get_id (guest), &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_guest_get_name (again), "Zoë");
}
END_TEST

START_TEST (test_add_minimal_guest)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(RgGuest) guest = rg_test_new_guest (t->db, "张伟", NULL, NULL);

  ck_assert_ptr_null (rg_guest_get_family_name (guest));
  ck_assert_ptr_null (rg_guest_get_birthday (guest));
  ck_assert_str_eq (rg_guest_get_notes (guest), "");
  ck_assert_ptr_nonnull (rg_guest_get_phones (guest));
  ck_assert_ptr_null (rg_guest_get_phones (guest)[0]);
  ck_assert_ptr_null (rg_guest_get_cards (guest)[0]);
  ck_assert_int_eq (count_index_matches (t->db, "伟"), 1);
}
END_TEST

/* Each bad field is refused with RG_ERROR_INVALID and writes nothing. */
static const struct
{
  RgGuestFields fields;
  const gchar  *phone;
  gboolean      mistyped_card;
} bad_adds[] = {
  { { .name = "" } },
  { { .name = "   " } },
  { { .name = NULL } },
  { { .name = "Li\xff Wei" } },
  { { .name = "Li\x01Wei" } },
  { { .name = "Li Wei", .title = "\xc3" } },
  { { .name = "Li Wei", .birthday = "2023-02-30" } },
  { { .name = "Li Wei", .birthday = "1999-02-29" } },
  { { .name = "Li Wei", .birthday = "2023-13-01" } },
  { { .name = "Li Wei", .birthday = "1990/01/01" } },
  { { .name = "Li Wei", .birthday = "2999-01-01" } },
  { { .name = "Li Wei", .birthday = "1850-01-01" } },
  { { .name = "Li Wei", .birthday = "--02-30" } },
  { { .name = "Li Wei", .birthday = "--00-10" } },
  { { .name = "Li Wei", .anniversary = "12-25" } },
  { { .name = "Li Wei", .gender = "robot" } },
  { { .name = "Li Wei", .language = "zh_CN!" } },
  { { .name = "Li Wei", .language = "9x" } },
  { { .name = "Li Wei" }, "12ab" },
  { { .name = "Li Wei" }, "123" },
  { { .name = "Li Wei" }, NULL, TRUE },
};

START_TEST (test_add_refuses_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) guest = NULL;
  g_autofree gchar *good = rg_card_number_new ();
  g_autofree gchar *bad = mistype_card (good);
  const gchar *phones[] = { bad_adds[_i].phone, NULL };
  gint64 before;

  before = rg_test_query_int (t->db, COUNT_WRITES);
  guest = rg_guest_add (t->db, &bad_adds[_i].fields, phones,
                        bad_adds[_i].mistyped_card ? bad : NULL, &error);
  ck_assert_ptr_null (guest);
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (rg_test_query_int (t->db, COUNT_WRITES), before);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM sync_outbox"), 0);
}
END_TEST

START_TEST (test_add_refuses_too_long_name)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *longest = g_strnfill (RG_GUEST_NAME_MAX, 'a');
  g_autofree gchar *too_long = g_strnfill (RG_GUEST_NAME_MAX + 1, 'a');
  g_autoptr(RgGuest) ok = rg_test_new_guest (t->db, longest, NULL, NULL);
  RgGuestFields fields = { .name = too_long };

  ck_assert_ptr_null (rg_guest_add (t->db, &fields, NULL, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "too long"));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest"), 1);
  ck_assert_int_eq (g_utf8_strlen (rg_guest_get_name (ok), -1), RG_GUEST_NAME_MAX);
}
END_TEST

START_TEST (test_add_accepts_real_dates)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  RgGuestFields fields = { .name = "Leap", .birthday = "2000-02-29", .anniversary = "--12-31" };
  g_autoptr(RgGuest) guest = rg_guest_add (t->db, &fields, NULL, NULL, &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (rg_guest_get_birthday (guest), "2000-02-29");
  ck_assert_str_eq (rg_guest_get_anniversary (guest), "--12-31");
}
END_TEST

START_TEST (test_add_refuses_phone_of_another_guest)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) li = rg_test_new_guest (t->db, "Li Wei", "13800138000", NULL);
  const gchar *phones[] = { "13912345678", "+86 138 0013 8000", NULL };
  RgGuestFields fields = { .name = "Wang Fang" };
  gint64 before = rg_test_query_int (t->db, COUNT_WRITES);

  ck_assert_ptr_null (rg_guest_add (t->db, &fields, phones, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_ptr_nonnull (strstr (error->message, rg_guest_get_name (li)));
  ck_assert_int_eq (rg_test_query_int (t->db, COUNT_WRITES), before);
  ck_assert_int_eq (count_index_matches (t->db, "fang"), 0);
}
END_TEST

START_TEST (test_add_refuses_taken_card_and_reference)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  g_autoptr(RgGuest) li = rg_test_new_guest (t->db, "Li Wei", NULL, card);
  RgGuestFields fields = { .name = "Wang Fang" };
  RgGuestFields with_ref = { .name = "Zhao Lei", .external_ref = "x-1" };
  g_autoptr(RgGuest) zhao = rg_guest_add (t->db, &with_ref, NULL, NULL, &error);
  gint64 before = rg_test_query_int (t->db, COUNT_WRITES);

  ck_assert_no_error (error);
  ck_assert_ptr_null (rg_guest_add (t->db, &fields, NULL, card, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_ptr_nonnull (strstr (error->message, rg_guest_get_name (li)));
  g_clear_error (&error);

  fields.external_ref = "x-1";
  ck_assert_ptr_null (rg_guest_add (t->db, &fields, NULL, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_ptr_nonnull (strstr (error->message, rg_guest_get_name (zhao)));
  ck_assert_int_eq (rg_test_query_int (t->db, COUNT_WRITES), before);
}
END_TEST

/* ----------------------------------------------------------------- edit */

START_TEST (test_edit_changes_fields_and_index)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) guest = rg_test_new_guest (t->db, "José Ramos", "13800138000", NULL);
  g_autoptr(RgGuest) edited = NULL;
  gint64 key = rg_test_query_int (t->db, "SELECT fts_rowid FROM local_guest_key");
  RgGuestFields fields;

  rg_guest_fields_init_from (&fields, guest);
  fields.name = "Joseph";
  fields.title = "Mr";
  fields.birthday = "--03-19";
  fields.vip = TRUE;
  fields.notes = "Regular on Fridays";
  fields.consent_marketing = TRUE;
  ck_assert (rg_guest_edit (t->db, rg_guest_get_id (guest), &fields, &error));
  ck_assert_no_error (error);

  edited = rg_guest_get (t->db, rg_guest_get_id (guest), &error);
  ck_assert_str_eq (rg_guest_get_name (edited), "Joseph");
  ck_assert_str_eq (rg_guest_get_title (edited), "Mr");
  ck_assert_str_eq (rg_guest_get_birthday (edited), "--03-19");
  ck_assert (rg_guest_get_vip (edited));
  ck_assert (rg_guest_get_consent_marketing (edited));
  ck_assert_str_eq (rg_guest_get_notes (edited), "Regular on Fridays");
  ck_assert_str_eq (rg_guest_get_phones (edited)[0], "+8613800138000");

  /* Renamed in the index, in the same place of the recency order. */
  ck_assert_int_eq (count_index_matches (t->db, "jose"), 0);
  ck_assert_int_eq (count_index_matches (t->db, "joseph"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT fts_rowid FROM local_guest_key"), key);

  /* A blank optional field clears it. */
  rg_guest_fields_init_from (&fields, edited);
  fields.title = "  ";
  fields.birthday = "";
  fields.vip = FALSE;
  ck_assert (rg_guest_edit (t->db, rg_guest_get_id (guest), &fields, &error));
  g_clear_object (&edited);
  edited = rg_guest_get (t->db, rg_guest_get_id (guest), &error);
  ck_assert_ptr_null (rg_guest_get_title (edited));
  ck_assert_ptr_null (rg_guest_get_birthday (edited));
  ck_assert (!rg_guest_get_vip (edited));
}
END_TEST

START_TEST (test_edit_refuses_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) guest = rg_test_new_guest (t->db, "Li Wei", NULL, NULL);
  RgGuestFields fields = { .name = "" };
  gint64 hlc = rg_test_query_int (t->db, "SELECT updated_hlc FROM guest");

  ck_assert (!rg_guest_edit (t->db, rg_guest_get_id (guest), &fields, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  fields.name = "Li Wei";
  fields.birthday = "2021-02-29";
  ck_assert (!rg_guest_edit (t->db, rg_guest_get_id (guest), &fields, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "2021-02-29"));
  g_clear_error (&error);

  fields.birthday = NULL;
  ck_assert (!rg_guest_edit (t->db, "0190b6a4-0000-7000-8000-000000000000", &fields, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);

  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT updated_hlc FROM guest"), hlc);
  ck_assert_int_eq (count_index_matches (t->db, "li"), 1);
}
END_TEST

/* --------------------------------------------------------------- phones */

START_TEST (test_phones_add_and_remove)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) li = rg_test_new_guest (t->db, "Li Wei", NULL, NULL);
  g_autoptr(RgGuest) wang = rg_test_new_guest (t->db, "Wang Fang", NULL, NULL);
  g_autoptr(RgGuest) reread = NULL;
  g_autofree gchar *e164 = NULL;
  g_autofree gchar *again = NULL;
  g_autofree gchar *moved = NULL;

  e164 = rg_guest_add_phone (t->db, rg_guest_get_id (li), "138.0013.8000", "mobile", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (e164, "+8613800138000");
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_phone WHERE label = 'mobile'"), 1);

  /* The same number again, typed differently, changes nothing. */
  again = rg_guest_add_phone (t->db, rg_guest_get_id (li), "0086 13800138000", NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (again, "+8613800138000");
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_phone"), 1);

  /* Another guest cannot take it... */
  ck_assert_ptr_null (rg_guest_add_phone (t->db, rg_guest_get_id (wang), "+8613800138000", NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_ptr_nonnull (strstr (error->message, "Li Wei"));
  g_clear_error (&error);

  /* ...until Li gives it up: a tombstone, and the number is free. */
  ck_assert (rg_guest_remove_phone (t->db, rg_guest_get_id (li), "+86 138 0013 8000", &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT deleted FROM guest_phone"), 1);
  reread = rg_guest_get (t->db, rg_guest_get_id (li), &error);
  ck_assert_ptr_null (rg_guest_get_phones (reread)[0]);
  moved = rg_guest_add_phone (t->db, rg_guest_get_id (wang), "13800138000", NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_phone WHERE deleted = 0"), 1);
}
END_TEST

START_TEST (test_phones_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) li = rg_test_new_guest (t->db, "Li Wei", "13800138000", NULL);
  gint64 before = rg_test_query_int (t->db, COUNT_WRITES);

  ck_assert_ptr_null (rg_guest_add_phone (t->db, rg_guest_get_id (li), "call me", NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_add_phone (t->db, rg_guest_get_id (li), "13912345678", "\xff", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_add_phone (t->db, "not-an-id", "13912345678", NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_guest_remove_phone (t->db, rg_guest_get_id (li), "13912345678", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_guest_remove_phone (t->db, rg_guest_get_id (li), "12", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);

  ck_assert_int_eq (rg_test_query_int (t->db, COUNT_WRITES), before);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT deleted FROM guest_phone"), 0);
}
END_TEST

START_TEST (test_phones_use_country_setting)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) ann = NULL;
  g_autofree gchar *country = rg_branch_dup_country (t->db);
  g_autofree gchar *us = NULL;

  ck_assert_str_eq (country, "CN");
  ck_assert (rg_db_set_setting (t->db, "country", "US", &error));
  us = rg_branch_dup_country (t->db);
  ck_assert_str_eq (us, "US");
  ann = rg_test_new_guest (t->db, "Ann", "(415) 555-0132", NULL);
  ck_assert_str_eq (rg_guest_get_phones (ann)[0], "+14155550132");
}
END_TEST

/* ---------------------------------------------------------------- cards */

START_TEST (test_cards_bind_and_revoke)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) li = rg_test_new_guest (t->db, "Li Wei", NULL, NULL);
  g_autoptr(RgGuest) wang = rg_test_new_guest (t->db, "Wang Fang", NULL, NULL);
  g_autoptr(RgGuest) reread = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *spaced = g_strdup_printf ("%.4s %.4s %.4s", card, card + 4, card + 8);
  g_autofree gchar *bound = NULL;
  g_autofree gchar *issued = NULL;
  g_autofree gchar *parsed = NULL;

  bound = rg_guest_bind_card (t->db, rg_guest_get_id (li), spaced, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (bound, card);

  /* A new number is made when none is given, with a right check digit. */
  issued = rg_guest_bind_card (t->db, rg_guest_get_id (li), NULL, &error);
  ck_assert_no_error (error);
  parsed = rg_card_number_parse (issued, &error);
  ck_assert_no_error (error);
  ck_assert_str_ne (issued, card);

  reread = rg_guest_get (t->db, rg_guest_get_id (li), &error);
  ck_assert_uint_eq (g_strv_length ((GStrv) rg_guest_get_cards (reread)), 2);

  ck_assert_ptr_null (rg_guest_bind_card (t->db, rg_guest_get_id (wang), card, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
  ck_assert_ptr_nonnull (strstr (error->message, "Li Wei"));
  g_clear_error (&error);

  ck_assert (rg_guest_revoke_card (t->db, spaced, &error));
  ck_assert_no_error (error);
  g_clear_object (&reread);
  reread = rg_guest_get (t->db, rg_guest_get_id (li), &error);
  ck_assert_uint_eq (g_strv_length ((GStrv) rg_guest_get_cards (reread)), 1);
  ck_assert_str_eq (rg_guest_get_cards (reread)[0], issued);

  /* Revoked for good: not again, and never bound to someone else. */
  ck_assert (!rg_guest_revoke_card (t->db, card, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_bind_card (t->db, rg_guest_get_id (wang), card, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_EXISTS);
}
END_TEST

START_TEST (test_cards_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) li = rg_test_new_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *wrong = mistype_card (card);

  ck_assert_ptr_null (rg_guest_bind_card (t->db, rg_guest_get_id (li), wrong, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_bind_card (t->db, "0190b6a4-0000-7000-8000-000000000000", card, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_guest_revoke_card (t->db, card, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!rg_guest_revoke_card (t->db, "12", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM member_card"), 0);
}
END_TEST

/* ------------------------------------------------------------ redirects */

START_TEST (test_get_follows_redirects)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) a = rg_test_new_guest (t->db, "A", NULL, NULL);
  g_autoptr(RgGuest) b = rg_test_new_guest (t->db, "B", NULL, NULL);
  g_autoptr(RgGuest) c = rg_test_new_guest (t->db, "C", NULL, NULL);
  g_autoptr(RgGuest) found = NULL;
  g_autofree gchar *sql = g_strdup_printf (
      "UPDATE guest SET merged_into = '%s' WHERE id = '%s'; "
      "UPDATE guest SET merged_into = '%s' WHERE id = '%s'",
      rg_guest_get_id (b), rg_guest_get_id (a), rg_guest_get_id (c), rg_guest_get_id (b));
  g_autofree gchar *resolved = NULL;
  g_autofree gchar *by_ref = NULL;
  RgGuestFields fields = { .name = "C renamed" };

  ck_assert (rg_db_exec (t->db, sql, NULL));
  found = rg_guest_get (t->db, rg_guest_get_id (a), &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (rg_guest_get_id (found), rg_guest_get_id (c));
  resolved = rg_guest_resolve_id (t->db, rg_guest_get_id (b), &error);
  ck_assert_str_eq (resolved, rg_guest_get_id (c));

  /* Writes through an old id reach the survivor. */
  ck_assert (rg_guest_edit (t->db, rg_guest_get_id (a), &fields, &error));
  g_clear_object (&found);
  found = rg_guest_get (t->db, rg_guest_get_id (c), &error);
  ck_assert_str_eq (rg_guest_get_name (found), "C renamed");

  ck_assert (rg_db_exec (t->db, "UPDATE guest SET external_ref = 'r1' WHERE name = 'A'", NULL));
  by_ref = rg_guest_find_external_ref (t->db, "r1", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (by_ref, rg_guest_get_id (c));
}
END_TEST

START_TEST (test_get_unknown_deleted_and_cycles)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) a = rg_test_new_guest (t->db, "A", NULL, NULL);
  g_autoptr(RgGuest) b = rg_test_new_guest (t->db, "B", NULL, NULL);
  g_autofree gchar *cycle = g_strdup_printf (
      "UPDATE guest SET merged_into = '%s' WHERE id = '%s'; "
      "UPDATE guest SET merged_into = '%s' WHERE id = '%s'",
      rg_guest_get_id (b), rg_guest_get_id (a), rg_guest_get_id (a), rg_guest_get_id (b));

  ck_assert_ptr_null (rg_guest_get (t->db, "0190b6a4-0000-7000-8000-000000000000", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_get (t->db, "\xff\xfe", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  ck_assert (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_find_external_ref (t->db, "none", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ck_assert (rg_db_exec (t->db, "UPDATE guest SET deleted = 1 WHERE name = 'A'", NULL));
  ck_assert_ptr_null (rg_guest_get (t->db, rg_guest_get_id (a), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ck_assert (rg_db_exec (t->db, "UPDATE guest SET deleted = 0", NULL));
  ck_assert (rg_db_exec (t->db, cycle, NULL));
  ck_assert_ptr_null (rg_guest_get (t->db, rg_guest_get_id (a), &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_get_reads_stats)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) a = rg_test_new_guest (t->db, "A", NULL, NULL);
  g_autoptr(RgGuest) found = NULL;
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO local_guest_stats VALUES ('%s', 7, 1000, 5000, 123456)", rg_guest_get_id (a));

  ck_assert (rg_db_exec (t->db, sql, NULL));
  found = rg_guest_get (t->db, rg_guest_get_id (a), &error);
  ck_assert_uint_eq (rg_guest_get_visit_count (found), 7);
  ck_assert_int_eq (rg_guest_get_first_visit_ms (found), 1000);
  ck_assert_int_eq (rg_guest_get_last_visit_ms (found), 5000);
  ck_assert_int_eq (rg_guest_get_total_spend (found), 123456);
}
END_TEST

/* ---------------------------------------------------------- name index */

static void
set_last_visit (RgDb        *db,
                const gchar *guest_id,
                gint64       last_visit_ms)
{
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms) "
      "VALUES ('%s', 1, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") "
      "ON CONFLICT (guest_id) DO UPDATE SET last_visit_ms = excluded.last_visit_ms",
      guest_id, last_visit_ms, last_visit_ms);

  ck_assert (rg_db_exec (db, sql, NULL));
}

static gchar *
top_of_index (RgDb *db)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT g.name FROM local_guest_key k JOIN guest g ON g.id = k.guest_id "
      "ORDER BY k.fts_rowid DESC LIMIT 1", NULL);

  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
}

START_TEST (test_index_refresh_orders_by_recency)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) a = rg_test_new_guest (t->db, "Ann", NULL, NULL);
  g_autoptr(RgGuest) b = rg_test_new_guest (t->db, "Bob", NULL, NULL);
  g_autofree gchar *top1 = NULL;
  g_autofree gchar *top2 = NULL;
  g_autofree gchar *top3 = NULL;

  /* The newest enrolment is on top; a visit moves Ann above it. */
  top1 = top_of_index (t->db);
  ck_assert_str_eq (top1, "Bob");
  set_last_visit (t->db, rg_guest_get_id (a), 1000);
  ck_assert (rg_guest_index_refresh (t->db, rg_guest_get_id (a), &error));
  ck_assert_no_error (error);
  top2 = top_of_index (t->db);
  ck_assert_str_eq (top2, "Ann");

  /* A refresh without a newer visit keeps the place. */
  ck_assert (rg_guest_index_refresh (t->db, rg_guest_get_id (b), &error));
  top3 = top_of_index (t->db);
  ck_assert_str_eq (top3, "Ann");
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_name_fts"), 2);

  /* A guest that is no longer live leaves the index. */
  ck_assert (rg_db_exec (t->db, "UPDATE guest SET deleted = 1 WHERE name = 'Ann'", NULL));
  ck_assert (rg_guest_index_refresh (t->db, rg_guest_get_id (a), &error));
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM guest_name_fts"), 1);
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM local_guest_key"), 1);
  ck_assert_int_eq (count_index_matches (t->db, "ann"), 0);

  /* Unknown ids are no error. */
  ck_assert (rg_guest_index_refresh (t->db, "0190b6a4-0000-7000-8000-000000000000", &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_index_rebuild)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgGuest) a = rg_test_new_guest (t->db, "Ann Lee", NULL, NULL);
  g_autoptr(RgGuest) b = rg_test_new_guest (t->db, "Bob Lee", NULL, NULL);
  g_autoptr(RgGuest) c = rg_test_new_guest (t->db, "Cai Lee", NULL, NULL);
  g_autoptr(RgGuest) d = rg_test_new_guest (t->db, "Dan Lee", NULL, NULL);
  g_autoptr(RgStmt) order = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree gchar *expected = NULL;
  g_autofree gchar *merge = g_strdup_printf ("UPDATE guest SET merged_into = '%s' WHERE id = '%s'",
                                             rg_guest_get_id (a), rg_guest_get_id (d));

  set_last_visit (t->db, rg_guest_get_id (a), 3000);
  set_last_visit (t->db, rg_guest_get_id (c), 9000);
  ck_assert (rg_db_exec (t->db, merge, NULL));
  ck_assert (rg_db_exec (t->db, "DELETE FROM guest_name_fts; DELETE FROM local_guest_key", NULL));

  ck_assert (rg_guest_index_rebuild (t->db, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (count_index_matches (t->db, "lee"), 3);
  order = rg_db_prepare (t->db,
      "SELECT g.name FROM guest_name_fts f JOIN local_guest_key k ON k.fts_rowid = f.rowid "
      "JOIN guest g ON g.id = k.guest_id WHERE guest_name_fts MATCH 'lee' ORDER BY f.rowid DESC", NULL);
  while (sqlite3_step (order) == SQLITE_ROW)
    g_string_append_printf (names, "%s;", sqlite3_column_text (order, 0));
  expected = g_strdup_printf ("%s;%s;%s;", rg_guest_get_name (c), rg_guest_get_name (a),
                              rg_guest_get_name (b));
  ck_assert_str_eq (names->str, expected);
}
END_TEST

static Suite *
guest_suite (void)
{
  Suite *s = suite_create ("guest");
  TCase *tc;

  tc = tcase_create ("add");
  tcase_add_test (tc, test_add_stores_every_field);
  tcase_add_test (tc, test_add_minimal_guest);
  tcase_add_loop_test (tc, test_add_refuses_bad_input, 0, G_N_ELEMENTS (bad_adds));
  tcase_add_test (tc, test_add_refuses_too_long_name);
  tcase_add_test (tc, test_add_accepts_real_dates);
  tcase_add_test (tc, test_add_refuses_phone_of_another_guest);
  tcase_add_test (tc, test_add_refuses_taken_card_and_reference);
  suite_add_tcase (s, tc);

  tc = tcase_create ("edit");
  tcase_add_test (tc, test_edit_changes_fields_and_index);
  tcase_add_test (tc, test_edit_refuses_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("phones");
  tcase_add_test (tc, test_phones_add_and_remove);
  tcase_add_test (tc, test_phones_bad_input);
  tcase_add_test (tc, test_phones_use_country_setting);
  suite_add_tcase (s, tc);

  tc = tcase_create ("cards");
  tcase_add_test (tc, test_cards_bind_and_revoke);
  tcase_add_test (tc, test_cards_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("get");
  tcase_add_test (tc, test_get_follows_redirects);
  tcase_add_test (tc, test_get_unknown_deleted_and_cycles);
  tcase_add_test (tc, test_get_reads_stats);
  suite_add_tcase (s, tc);

  tc = tcase_create ("index");
  tcase_add_test (tc, test_index_refresh_orders_by_recency);
  tcase_add_test (tc, test_index_rebuild);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (guest_suite ());
}
