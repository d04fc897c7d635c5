/* check-guest-lookup.c — recognition at the door: phone, last digits, card
 * and name lookups of rg-guest-lookup, their ranking and paging.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rg-test-util.h"
#include "rg-card.h"
#include "rg-card-sign.h"
#include "rg-guest.h"
#include "rg-guest-lookup.h"
#include "rg-id.h"

/* Records a visit at @last_visit_ms and moves the guest in the index, as
 * closing a check does. */
static void
visit (RgDb        *db,
       const gchar *guest_id,
       gint64       last_visit_ms,
       gint64       spend)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO local_guest_stats (guest_id, visit_count, first_visit_ms, last_visit_ms, total_spend) "
      "VALUES ('%s', 1, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") "
      "ON CONFLICT (guest_id) DO UPDATE SET visit_count = visit_count + 1, "
      "last_visit_ms = excluded.last_visit_ms, total_spend = total_spend + excluded.total_spend",
      guest_id, last_visit_ms, last_visit_ms, spend);

  ck_assert (rg_db_exec (db, sql, NULL));
  ck_assert (rg_guest_index_refresh (db, guest_id, &error));
  ck_assert_no_error (error);
}

static RgGuestMatch *
match_at (GListModel *model,
          guint       position)
{
  RgGuestMatch *match = g_list_model_get_item (model, position);

  ck_assert_ptr_nonnull (match);
  g_object_unref (match);   /* the model keeps it alive */
  return match;
}

/* The names of the matches, joined by ";". */
static gchar *
names_of (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (names, "%s;", rg_guest_match_get_name (match_at (model, i)));
  return g_string_free (names, FALSE);
}

static gchar *
lookup_names (RgDb        *db,
              const gchar *query,
              guint        offset,
              guint        limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = rg_guest_lookup (db, query, offset, limit, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (model);
  return names_of (model);
}

#define ck_assert_lookup(db, query, expected) \
  G_STMT_START { \
    g_autofree gchar *names_ = lookup_names ((db), (query), 0, 50); \
    ck_assert_msg (g_strcmp0 (names_, (expected)) == 0, "lookup '%s' gave '%s', expected '%s'", \
                   (query), names_, (expected)); \
  } G_STMT_END

#define ck_assert_lookup_first(db, query, id) \
  G_STMT_START { \
    g_autoptr(GError) error_ = NULL; \
    g_autoptr(GListModel) model_ = rg_guest_lookup ((db), (query), 0, 1, &error_); \
    ck_assert_no_error (error_); \
    ck_assert_msg (g_list_model_get_n_items (model_) == 1, "lookup '%s' found nobody", (query)); \
    ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (model_, 0)), (id)); \
  } G_STMT_END

/* ---------------------------------------------------------------- phone */

START_TEST (test_phone_any_format)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", "13800138000", NULL);
  g_autofree gchar *wang = rg_test_add_guest (t->db, "Wang Fang", "13900139000", NULL);
  const gchar *formats[] = { "+86 138-0013-8000", "13800138000", "0086 138 0013 8000",
                             "138.0013.8000", "(+86) 13800138000", NULL };

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = rg_guest_lookup (t->db, formats[i], 0, 10, &error);
      g_autoptr(GListModel) explicit = rg_guest_lookup_phone (t->db, formats[i], &error);
      RgGuestMatch *match;

      ck_assert_no_error (error);
      ck_assert_msg (g_list_model_get_n_items (model) == 1, "%s", formats[i]);
      match = match_at (model, 0);
      ck_assert_str_eq (rg_guest_match_get_guest_id (match), li);
      ck_assert_int_eq (rg_guest_match_get_kind (match), RG_GUEST_MATCH_PHONE);
      ck_assert_uint_eq (g_list_model_get_n_items (explicit), 1);
      ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (explicit, 0)), li);
    }
  ck_assert_lookup_first (t->db, "139-0013-9000", wang);
}
END_TEST

START_TEST (test_phone_match_details)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", "13800138000", NULL);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) none = NULL;
  RgGuestMatch *match;

  ck_assert (rg_db_exec (t->db, "UPDATE guest SET vip = 1", NULL));
  visit (t->db, li, 1700000000000, 2500);
  visit (t->db, li, 1700000999000, 1500);
  model = rg_guest_lookup_phone (t->db, "13800138000", &error);
  match = match_at (model, 0);
  ck_assert_str_eq (rg_guest_match_get_name (match), "Li Wei");
  ck_assert_ptr_nonnull (strstr (rg_guest_match_get_masked_phone (match), "8000"));
  ck_assert_ptr_null (strstr (rg_guest_match_get_masked_phone (match), "0013"));
  ck_assert_uint_eq (rg_guest_match_get_visit_count (match), 2);
  ck_assert_int_eq (rg_guest_match_get_last_visit_ms (match), 1700000999000);
  ck_assert_int_eq (rg_guest_match_get_total_spend (match), 4000);
  ck_assert (rg_guest_match_get_vip (match));

  none = rg_guest_lookup_phone (t->db, "13912345678", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (none), 0);
  ck_assert_ptr_null (rg_guest_lookup_phone (t->db, "hello", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

START_TEST (test_phone_exact_first_then_suffix)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", "13800138000", NULL);
  g_autofree gchar *far = rg_test_add_guest (t->db, "Far Away", NULL, NULL);
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO guest_phone (id, guest_id, e164, digits_rev) "
      "VALUES ('p-far', '%s', '+88213800138000', '00083100831288')", far);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) second = NULL;

  /* The other guest visited more recently, yet the exact match leads. */
  ck_assert (rg_db_exec (t->db, sql, NULL));
  visit (t->db, far, 1700000999000, 100);
  model = rg_guest_lookup (t->db, "13800138000", 0, 10, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 2);
  ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (model, 0)), li);
  ck_assert_int_eq (rg_guest_match_get_kind (match_at (model, 0)), RG_GUEST_MATCH_PHONE);
  ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (model, 1)), far);
  ck_assert_int_eq (rg_guest_match_get_kind (match_at (model, 1)), RG_GUEST_MATCH_PHONE_SUFFIX);

  /* Paged: the second page of one starts after the exact match. */
  second = rg_guest_lookup (t->db, "13800138000", 1, 1, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (second), 1);
  ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (second, 0)), far);
}
END_TEST

/* --------------------------------------------------------------- suffix */

START_TEST (test_suffix_ranked_by_recency)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *a = rg_test_add_guest (t->db, "Ann", "13800138000", NULL);
  g_autofree gchar *b = rg_test_add_guest (t->db, "Bob", "13900008000", NULL);
  g_autofree gchar *c = rg_test_add_guest (t->db, "Cai", "13700007000", NULL);
  g_autofree gchar *d = rg_test_add_guest (t->db, "Dan", "13600018000", NULL);
  g_autofree gchar *e164 = NULL;
  g_autoptr(GListModel) model = NULL;

  /* Dan has a second number with the same ending: listed once. */
  e164 = rg_guest_add_phone (t->db, d, "13500028000", NULL, &error);
  ck_assert_no_error (error);
  visit (t->db, b, 1000, 0);
  visit (t->db, a, 2000, 0);

  ck_assert_lookup (t->db, "8000", "Ann;Bob;Dan;");
  ck_assert_lookup (t->db, "18000", "Dan;");
  ck_assert_lookup (t->db, "0000", "");
  ck_assert_lookup_first (t->db, "7000", c);
  model = rg_guest_lookup (t->db, "8000", 0, 10, &error);
  ck_assert_int_eq (rg_guest_match_get_kind (match_at (model, 0)), RG_GUEST_MATCH_PHONE_SUFFIX);
  ck_assert_ptr_nonnull (strstr (rg_guest_match_get_masked_phone (match_at (model, 2)), "8000"));

  g_clear_object (&model);
  model = rg_guest_lookup_phone_suffix (t->db, "8 000", 1, 1, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  ck_assert_str_eq (rg_guest_match_get_name (match_at (model, 0)), "Bob");
}
END_TEST

START_TEST (test_suffix_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  const gchar *bad[] = { "800", "", "12a4", "1234567890123456", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      ck_assert_ptr_null (rg_guest_lookup_phone_suffix (t->db, bad[i], 0, 10, &error));
      ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
      g_clear_error (&error);
    }
  /* Three digits in the search field are no phone: nothing found. */
  ck_assert_lookup (t->db, "800", "");
}
END_TEST

/* ----------------------------------------------------------------- card */

START_TEST (test_card_lookup)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *spaced = g_strdup_printf ("%.4s-%.4s-%.4s", card, card + 4, card + 8);
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", "13800138000", card);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) explicit = NULL;

  model = rg_guest_lookup (t->db, spaced, 0, 10, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (model, 0)), li);
  ck_assert_int_eq (rg_guest_match_get_kind (match_at (model, 0)), RG_GUEST_MATCH_CARD);
  ck_assert_ptr_nonnull (rg_guest_match_get_masked_phone (match_at (model, 0)));

  explicit = rg_guest_lookup_card (t->db, card, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (explicit), 1);

  /* A revoked card finds nobody. */
  ck_assert (rg_guest_revoke_card (t->db, card, &error));
  ck_assert_lookup (t->db, card, "");
}
END_TEST

START_TEST (test_card_mistyped)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", NULL, card);
  gsize last = strlen (card) - 1;

  ck_assert_lookup_first (t->db, card, li);
  card[last] = card[last] == '9' ? '0' : card[last] + 1;
  ck_assert_ptr_null (rg_guest_lookup (t->db, card, 0, 10, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "mistyped"));
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_lookup_card (t->db, card, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

START_TEST (test_card_signed_payload)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *other = rg_card_number_new ();
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", "13800138000", card);
  g_autofree gchar *payload = rg_card_sign_payload (t->db, card, &error);
  g_autofree gchar *scanned = NULL;
  g_autofree gchar *forged = NULL;
  g_autofree gchar *swapped = NULL;
  g_autoptr(GListModel) model = NULL;
  gsize at;

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (payload);
  g_free (rg_test_add_guest (t->db, "Wang Fang", NULL, other));

  /* as the scanner types it, with a line end */
  scanned = g_strdup_printf ("%s\n", payload);
  model = rg_guest_lookup (t->db, scanned, 0, 10, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (model, 0)), li);
  ck_assert_int_eq (rg_guest_match_get_kind (match_at (model, 0)), RG_GUEST_MATCH_CARD);

  /* the tag altered (not its last character, whose low bits are padding):
   * forged */
  forged = g_strdup (payload);
  at = strlen (forged) - 4;
  forged[at] = forged[at] == 'A' ? 'B' : 'A';
  ck_assert_ptr_null (rg_guest_lookup (t->db, forged, 0, 10, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  /* the other guest's card number under Li's tag: forged too */
  swapped = g_strdup (payload);
  memcpy (swapped + strlen (RG_CARD_PAYLOAD_PREFIX), other, strlen (other));
  ck_assert_ptr_null (rg_guest_lookup (t->db, swapped, 0, 10, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  /* a revoked card: refused, not silently found */
  ck_assert (rg_guest_revoke_card (t->db, card, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (rg_guest_lookup (t->db, payload, 0, 10, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

/* ----------------------------------------------------------------- name */

START_TEST (test_name_folding)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *zoe = rg_test_add_guest (t->db, "Zoë Durand", NULL, NULL);
  g_autofree gchar *jose = rg_test_add_guest (t->db, "José Ramos", NULL, NULL);
  g_autofree gchar *zhang = rg_test_add_guest (t->db, "张伟", NULL, NULL);
  g_autofree gchar *li = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *li_na = rg_test_add_guest (t->db, "Li Na", NULL, NULL);

  ck_assert_lookup (t->db, "zoe", "Zoë Durand;");
  ck_assert_lookup (t->db, "ZOË", "Zoë Durand;");
  ck_assert_lookup (t->db, "dur", "Zoë Durand;");
  ck_assert_lookup (t->db, "jose", "José Ramos;");
  ck_assert_lookup (t->db, "Josè", "José Ramos;");
  ck_assert_lookup (t->db, "张", "张伟;");
  ck_assert_lookup (t->db, "伟", "张伟;");
  ck_assert_lookup (t->db, "张伟", "张伟;");
  ck_assert_lookup (t->db, "li w", "Li Wei;");
  ck_assert_lookup (t->db, "wei li", "Li Wei;");
  ck_assert_lookup (t->db, "li", "Li Na;Li Wei;");
  ck_assert_lookup (t->db, "nobody", "");
  ck_assert_lookup (t->db, "\"*) OR (", "");
  ck_assert_lookup (t->db, "   ", "");

  ck_assert_lookup_first (t->db, "zoe", zoe);
  ck_assert_lookup_first (t->db, "jose", jose);
  ck_assert_lookup_first (t->db, "伟", zhang);
  ck_assert_lookup_first (t->db, "li w", li);
  ck_assert_lookup_first (t->db, "li", li_na);
}
END_TEST

START_TEST (test_name_ranking_and_paging)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gchar *old = NULL;
  gchar *ids[25];
  gint64 previous = G_MAXINT64;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Wang %02u", i);

      ids[i] = rg_test_add_guest (t->db, name, NULL, NULL);
    }
  /* The guests come back in another order than they were enrolled. */
  for (guint k = 0; k < 25; k++)
    visit (t->db, ids[(k * 7) % 25], 1700000000000 + k * 1000, 0);
  old = rg_test_add_guest (t->db, "Wang Never", NULL, NULL);

  for (guint page = 0; page < 3; page++)
    {
      g_autoptr(GListModel) model = rg_guest_lookup_name (t->db, "wang", page * 10, 10, &error);

      ck_assert_no_error (error);
      ck_assert_uint_eq (g_list_model_get_n_items (model), page < 2 ? 10 : 6);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          RgGuestMatch *match = match_at (model, i);

          ck_assert_int_eq (rg_guest_match_get_kind (match), RG_GUEST_MATCH_NAME);
          ck_assert (g_hash_table_add (seen, g_strdup (rg_guest_match_get_guest_id (match))));
          /* The guest enrolled last and not yet visited is on top; then
           * most recent visit first. */
          if (page == 0 && i == 0)
            ck_assert_str_eq (rg_guest_match_get_guest_id (match), old);
          else
            {
              ck_assert_int_lt (rg_guest_match_get_last_visit_ms (match), previous);
              previous = rg_guest_match_get_last_visit_ms (match);
            }
        }
    }
  ck_assert_uint_eq (g_hash_table_size (seen), 26);
  for (guint i = 0; i < 25; i++)
    g_free (ids[i]);
}
END_TEST

START_TEST (test_query_bad_input)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *long_query = g_strnfill (201, 'w');
  g_autoptr(GListModel) empty = NULL;

  ck_assert_ptr_null (rg_guest_lookup (t->db, "Wa\xffng", 0, 10, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_lookup (t->db, long_query, 0, 10, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_guest_lookup_name (t->db, "\xc3", 0, 10, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);

  empty = rg_guest_lookup (t->db, "", 0, 10, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (empty), 0);
}
END_TEST

/* ------------------------------------------------------------ redirects */

START_TEST (test_merged_and_deleted_never_listed)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *card = rg_card_number_new ();
  g_autofree gchar *keep = rg_test_add_guest (t->db, "Li Wei", "13800138000", NULL);
  g_autofree gchar *gone = rg_test_add_guest (t->db, "Li Wei", "13900139000", card);
  g_autofree gchar *dead = rg_test_add_guest (t->db, "Li Wei", "13700137000", NULL);
  g_autofree gchar *sql = g_strdup_printf (
      "UPDATE guest SET merged_into = '%s' WHERE id = '%s'; UPDATE guest SET deleted = 1 WHERE id = '%s'",
      keep, gone, dead);
  g_autoptr(GListModel) by_phone = NULL;
  g_autoptr(GListModel) by_card = NULL;

  /* The rows are changed as a sync would, then the index is told. */
  ck_assert (rg_db_exec (t->db, sql, NULL));
  ck_assert (rg_guest_index_refresh (t->db, gone, &error));
  ck_assert (rg_guest_index_refresh (t->db, dead, &error));
  ck_assert_lookup (t->db, "li wei", "Li Wei;");

  /* A number or card still on the old record finds the survivor. */
  by_phone = rg_guest_lookup (t->db, "13900139000", 0, 10, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (by_phone), 1);
  ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (by_phone, 0)), keep);
  by_card = rg_guest_lookup_card (t->db, card, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (by_card), 1);
  ck_assert_str_eq (rg_guest_match_get_guest_id (match_at (by_card, 0)), keep);

  ck_assert_lookup (t->db, "13700137000", "");
  ck_assert_lookup (t->db, "7000", "");
}
END_TEST

static Suite *
guest_lookup_suite (void)
{
  Suite *s = suite_create ("guest-lookup");
  TCase *tc;

  tc = tcase_create ("phone");
  tcase_add_test (tc, test_phone_any_format);
  tcase_add_test (tc, test_phone_match_details);
  tcase_add_test (tc, test_phone_exact_first_then_suffix);
  suite_add_tcase (s, tc);

  tc = tcase_create ("suffix");
  tcase_add_test (tc, test_suffix_ranked_by_recency);
  tcase_add_test (tc, test_suffix_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("card");
  tcase_add_test (tc, test_card_lookup);
  tcase_add_test (tc, test_card_mistyped);
  tcase_add_test (tc, test_card_signed_payload);
  suite_add_tcase (s, tc);

  tc = tcase_create ("name");
  tcase_add_test (tc, test_name_folding);
  tcase_add_test (tc, test_name_ranking_and_paging);
  tcase_add_test (tc, test_query_bad_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("redirects");
  tcase_add_test (tc, test_merged_and_deleted_never_listed);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (guest_lookup_suite ());
}
