/* check-card-sign.c — signed member card payloads and their QR codes.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg-test-util.h"
#include "rg-card.h"
#include "rg-card-sign.h"
#include "rg-guest.h"

static gchar *
issue (RgDb        *db,
       const gchar *guest_id,
       gboolean     replace)
{
  g_autoptr(GError) error = NULL;
  gchar *payload = rg_card_sign_issue (db, guest_id, replace, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (payload);
  return payload;
}

static void
assert_refused (RgDb        *db,
                const gchar *payload,
                gint         code,
                const gchar *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *number = NULL;
  g_autofree gchar *guest = rg_card_sign_verify (db, payload, &number, &error);

  ck_assert_msg (guest == NULL, "accepted '%s'", payload);
  ck_assert_ptr_null (number);
  ck_assert_msg (g_error_matches (error, RG_ERROR, code), "'%s': %s", payload,
                 error != NULL ? error->message : "no error");
  if (words != NULL)
    ck_assert_msg (strstr (error->message, words) != NULL, "'%s' lacks '%s'", error->message, words);
}

/* The payload's parts, split on dots. */
static GStrv
split (const gchar *payload)
{
  GStrv parts = g_strsplit (payload, ".", 0);

  ck_assert_uint_eq (g_strv_length (parts), 4);
  return parts;
}

/* -------------------------------------------------------------- payload */

START_TEST (test_issue_signs_and_verifies)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (t->db, guest, FALSE);
  g_autofree gchar *again = NULL;
  g_autofree gchar *found = NULL;
  g_autofree gchar *number = NULL;
  g_autofree gchar *sql = NULL;
  g_autofree guchar *key = NULL;
  g_autofree gchar *stored_key = NULL;
  g_auto(GStrv) parts = split (payload);
  gsize key_len = 0;

  ck_assert_str_eq (parts[0], "RG1");
  ck_assert (rg_card_number_is_valid (parts[1]));
  ck_assert_uint_eq (strlen (parts[3]), 22);
  for (const gchar *c = parts[3]; *c; c++)
    ck_assert (g_ascii_isalnum (*c) || *c == '-' || *c == '_');
  sql = g_strdup_printf ("SELECT issued_ms / 1000 = %s FROM member_card WHERE number = '%s' "
                         "AND revoked_ms IS NULL", parts[2], parts[1]);
  ck_assert_int_eq (rg_test_query_int (t->db, sql), 1);
  ck_assert (rg_card_sign_looks_like (payload));
  ck_assert (!rg_card_sign_looks_like (parts[1]));

  /* the chain's key: 32 random bytes, made once */
  stored_key = rg_db_dup_setting (t->db, "card_key");
  ck_assert_ptr_nonnull (stored_key);
  key = g_base64_decode (stored_key, &key_len);
  ck_assert_uint_eq (key_len, 32);

  again = rg_card_sign_payload (t->db, parts[1], &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (again, payload);
  {
    g_autofree gchar *key_after = rg_db_dup_setting (t->db, "card_key");

    ck_assert_str_eq (key_after, stored_key);
  }

  found = rg_card_sign_verify (t->db, payload, &number, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (found, guest);
  ck_assert_str_eq (number, parts[1]);
  g_clear_pointer (&found, g_free);

  /* the scanner's Enter and stray spaces do not matter */
  {
    g_autofree gchar *typed = g_strdup_printf ("  %s\r\n", payload);

    found = rg_card_sign_verify (t->db, typed, NULL, &error);
    ck_assert_no_error (error);
    ck_assert_str_eq (found, guest);
  }
}
END_TEST

START_TEST (test_forged_and_altered_are_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (t->db, guest, FALSE);
  g_auto(GStrv) p = split (payload);
  g_autofree gchar *other_number = rg_card_number_new ();
  g_autofree gchar *tag_flipped = g_strdup (payload);
  g_autofree gchar *number_changed = g_strdup_printf ("RG1.%s.%s.%s", other_number, p[2], p[3]);
  g_autofree gchar *issued_changed = g_strdup_printf ("RG1.%s.%" G_GINT64_FORMAT ".%s", p[1],
                                                      g_ascii_strtoll (p[2], NULL, 10) + 1, p[3]);
  g_autofree gchar *version = g_strdup_printf ("RG2.%s.%s.%s", p[1], p[2], p[3]);
  g_autofree gchar *longer = g_strdup_printf ("%sA", payload);
  g_autofree gchar *extra = g_strdup_printf ("%s.x", payload);
  gchar *last = tag_flipped + strlen (tag_flipped) - 2;

  *last = *last == 'A' ? 'B' : 'A';
  assert_refused (t->db, tag_flipped, RG_ERROR_INVALID, "forged");
  assert_refused (t->db, number_changed, RG_ERROR_INVALID, "forged");
  assert_refused (t->db, issued_changed, RG_ERROR_INVALID, "forged");
  assert_refused (t->db, version, RG_ERROR_INVALID, NULL);
  assert_refused (t->db, longer, RG_ERROR_INVALID, "forged");
  assert_refused (t->db, extra, RG_ERROR_INVALID, "forged");
  assert_refused (t->db, NULL, RG_ERROR_INVALID, NULL);
  assert_refused (t->db, "", RG_ERROR_INVALID, NULL);
  assert_refused (t->db, "hello", RG_ERROR_INVALID, NULL);
  assert_refused (t->db, "RG1.\xff\xfe.1.2", RG_ERROR_INVALID, NULL);
  assert_refused (t->db, "RG1.123456789012.-5.AAAAAAAAAAAAAAAAAAAAAA", RG_ERROR_INVALID, NULL);
  {
    g_autofree gchar *huge = g_strnfill (100000, '7');
    g_autofree gchar *big = g_strdup_printf ("RG1.%s", huge);

    assert_refused (t->db, big, RG_ERROR_INVALID, NULL);
  }
}
END_TEST

START_TEST (test_every_truncation_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (t->db, guest, FALSE);
  gint64 before = rg_test_query_int (t->db, "SELECT count(*) FROM member_card");

  for (gsize len = 0; len < strlen (payload); len++)
    {
      g_autofree gchar *cut = g_strndup (payload, len);

      assert_refused (t->db, cut, RG_ERROR_INVALID, NULL);
    }
  {
    g_autofree gchar *cut = g_strndup (payload, strlen (payload) - 3);

    assert_refused (t->db, cut, RG_ERROR_INVALID, "cut short");
  }
  ck_assert_int_eq (rg_test_query_int (t->db, "SELECT count(*) FROM member_card"), before);
}
END_TEST

START_TEST (test_another_chains_key_is_refused)
{
  g_autoptr(RgTestDb) ours = rg_test_db_new ();
  g_autoptr(RgTestDb) theirs = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest = rg_test_add_guest (ours->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (ours->db, guest, FALSE);
  g_auto(GStrv) p = split (payload);
  g_autofree gchar *their_guest = rg_test_add_guest (theirs->db, "Mallory", NULL, NULL);
  g_autofree gchar *bound = NULL;
  g_autofree gchar *forged = NULL;
  g_autofree gchar *key = rg_db_dup_setting (ours->db, "card_key");
  g_autofree gchar *holder = NULL;

  /* the same card number signed with another key */
  bound = rg_guest_bind_card (theirs->db, their_guest, p[1], &error);
  ck_assert_no_error (error);
  forged = rg_card_sign_payload (theirs->db, p[1], &error);
  ck_assert_no_error (error);
  ck_assert_str_ne (forged, payload);
  assert_refused (ours->db, forged, RG_ERROR_INVALID, "forged");

  /* a terminal without a key refuses, and does not make one */
  g_clear_pointer (&theirs, rg_test_db_free);
  theirs = rg_test_db_new ();
  assert_refused (theirs->db, payload, RG_ERROR_INVALID, "no member card key");
  ck_assert_int_eq (rg_test_query_int (theirs->db, "SELECT count(*) FROM setting WHERE key = 'card_key'"), 0);

  /* our key on a terminal that never saw the card: well signed, unknown */
  ck_assert (rg_db_set_setting (theirs->db, "card_key", key, NULL));
  assert_refused (theirs->db, payload, RG_ERROR_NOT_FOUND, NULL);

  holder = rg_card_sign_verify (ours->db, payload, NULL, &error);
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_damaged_key)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (t->db, guest, FALSE);
  g_autofree gchar *number = NULL;
  g_auto(GStrv) p = split (payload);

  ck_assert (rg_db_set_setting (t->db, "card_key", "c2hvcnQ=", NULL));
  ck_assert_ptr_null (rg_card_sign_verify (t->db, payload, NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_CORRUPT);
  g_clear_error (&error);
  number = rg_card_sign_payload (t->db, p[1], &error);
  ck_assert_ptr_null (number);
  ck_assert_error (error, RG_ERROR, RG_ERROR_CORRUPT);
}
END_TEST

/* --------------------------------------------------- revoke and reissue */

START_TEST (test_revoked_card_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (t->db, guest, FALSE);
  g_auto(GStrv) p = split (payload);

  ck_assert (rg_guest_revoke_card (t->db, p[1], &error));
  ck_assert_no_error (error);
  assert_refused (t->db, payload, RG_ERROR_INVALID, "revoked");
  ck_assert_ptr_null (rg_card_sign_payload (t->db, p[1], &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

START_TEST (test_reissue_gives_a_new_number)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *first = issue (t->db, guest, FALSE);
  g_autofree gchar *second = issue (t->db, guest, TRUE);
  g_autofree gchar *found = NULL;
  g_auto(GStrv) a = split (first);
  g_auto(GStrv) b = split (second);
  g_autoptr(RgGuest) read = NULL;

  ck_assert_str_ne (a[1], b[1]);
  assert_refused (t->db, first, RG_ERROR_INVALID, "revoked");
  found = rg_card_sign_verify (t->db, second, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (found, guest);

  read = rg_guest_get (t->db, guest, &error);
  ck_assert_uint_eq (g_strv_length ((gchar **) rg_guest_get_cards (read)), 1);
  ck_assert_str_eq (rg_guest_get_cards (read)[0], b[1]);

  /* the old number can never be bound again */
  ck_assert_ptr_null (rg_guest_bind_card (t->db, guest, a[1], &error));
  ck_assert_ptr_nonnull (error);
}
END_TEST

START_TEST (test_old_copy_is_refused)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (t->db, guest, FALSE);

  ck_assert (rg_db_exec (t->db, "UPDATE member_card SET issued_ms = issued_ms + 60000", NULL));
  assert_refused (t->db, payload, RG_ERROR_INVALID, "old copy");
}
END_TEST

START_TEST (test_issue_for_unknown_guest_changes_nothing)
{
  g_autoptr(RgTestDb) t = rg_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *guest = rg_test_add_guest (t->db, "Li Wei", NULL, NULL);
  g_autofree gchar *payload = issue (t->db, guest, FALSE);
  gint64 before = rg_test_query_int (t->db,
      "SELECT (SELECT count(*) FROM member_card) * 1000 + (SELECT count(*) FROM sync_outbox)");

  ck_assert_ptr_null (rg_card_sign_issue (t->db, "0192d9b0-3c1f-7abc-8def-0123456789ab", TRUE, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_card_sign_payload (t->db, "1234", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree gchar *unbound = rg_card_number_new ();

    ck_assert_ptr_null (rg_card_sign_payload (t->db, unbound, &error));
    ck_assert_error (error, RG_ERROR, RG_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  ck_assert_int_eq (rg_test_query_int (t->db,
      "SELECT (SELECT count(*) FROM member_card) * 1000 + (SELECT count(*) FROM sync_outbox)"), before);
  {
    g_autofree gchar *holder = rg_card_sign_verify (t->db, payload, NULL, &error);

    ck_assert_no_error (error);
    ck_assert_str_eq (holder, guest);
  }
}
END_TEST

/* -------------------------------------------------------------------- QR */

static void
assert_finder (RgCardQr *qr,
               guint     x0,
               guint     y0)
{
  for (guint y = 0; y < 7; y++)
    for (guint x = 0; x < 7; x++)
      {
        gboolean ring = x == 0 || y == 0 || x == 6 || y == 6;
        gboolean core = x >= 2 && x <= 4 && y >= 2 && y <= 4;

        ck_assert_int_eq (rg_card_qr_get_module (qr, x0 + x, y0 + y), ring || core);
      }
}

START_TEST (test_qr_matrix)
{
  g_autoptr(GError) error = NULL;
  const gchar *payload = "RG1.400012345678.1764000000.AbCdEfGhIjKlMnOpQrStUv";
  g_autoptr(RgCardQr) qr = rg_card_qr_new (payload, &error);
  g_autoptr(RgCardQr) same = rg_card_qr_new (payload, &error);
  g_autoptr(RgCardQr) other = rg_card_qr_new ("RG1.400012345678.1764000001.AbCdEfGhIjKlMnOpQrStUv", &error);
  guint w;

  ck_assert_no_error (error);
  w = rg_card_qr_get_width (qr);
  ck_assert_uint_ge (w, 21);
  ck_assert_uint_eq ((w - 17) % 4, 0);
  assert_finder (qr, 0, 0);
  assert_finder (qr, w - 7, 0);
  assert_finder (qr, 0, w - 7);
  for (guint x = 8; x < w - 8; x++)          /* the timing pattern */
    ck_assert_int_eq (rg_card_qr_get_module (qr, x, 6), x % 2 == 0);
  ck_assert (!rg_card_qr_get_module (qr, w, 0));
  ck_assert (!rg_card_qr_get_module (qr, 0, w));

  ck_assert_uint_eq (rg_card_qr_get_width (same), w);
  ck_assert (memcmp (rg_card_qr_get_modules (qr), rg_card_qr_get_modules (same), w * w) == 0);
  ck_assert (rg_card_qr_get_width (other) != w ||
             memcmp (rg_card_qr_get_modules (qr), rg_card_qr_get_modules (other), w * w) != 0);
  for (guint i = 0; i < w * w; i++)
    ck_assert_uint_le (rg_card_qr_get_modules (qr)[i], 1);
}
END_TEST

START_TEST (test_qr_svg_and_text)
{
  g_autoptr(RgCardQr) qr = rg_card_qr_new ("RG1.400012345678.1764000000.AbCdEfGhIjKlMnOpQrStUv", NULL);
  g_autofree gchar *svg = rg_card_qr_to_svg (qr, 5);
  g_autofree gchar *text = rg_card_qr_to_text (qr);
  g_autofree gchar *size = NULL;
  g_auto(GStrv) lines = NULL;
  guint w = rg_card_qr_get_width (qr), side = w + 8, dark = 0, painted = 0;
  const gchar *p;

  for (guint i = 0; i < w * w; i++)
    dark += rg_card_qr_get_modules (qr)[i];

  /* the SVG paints exactly the dark modules */
  size = g_strdup_printf ("width=\"%u\" height=\"%u\"", side * 5, side * 5);
  ck_assert (strstr (svg, size) != NULL);
  ck_assert (g_str_has_suffix (svg, "</svg>\n"));
  for (p = strchr (svg, 'M'); p != NULL; p = strchr (p + 1, 'M'))
    {
      guint x = 0, y = 0, run = 0;

      ck_assert_int_eq (sscanf (p, "M%u %uh%u", &x, &y, &run), 3);
      ck_assert_uint_ge (x, 4);
      ck_assert_uint_le (x + run, w + 4);
      for (guint i = 0; i < run; i++)
        ck_assert (rg_card_qr_get_module (qr, x - 4 + i, y - 4));
      painted += run;
    }
  ck_assert_uint_eq (painted, dark);

  /* the text, read back, is the matrix with its quiet zone */
  lines = g_strsplit (text, "\n", 0);
  ck_assert_uint_eq (g_strv_length (lines), (side + 1) / 2 + 1);
  ck_assert_str_eq (lines[(side + 1) / 2], "");
  for (guint row = 0; row < (side + 1) / 2; row++)
    {
      const gchar *c = lines[row];

      ck_assert_uint_eq (g_utf8_strlen (c, -1), side);
      for (guint x = 0; x < side; x++, c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          gint mx = (gint) x - 4, top = (gint) row * 2 - 4;
          gboolean top_light = ch == 0x2588 || ch == 0x2580;
          gboolean bottom_light = ch == 0x2588 || ch == 0x2584;

          ck_assert (ch == ' ' || ch == 0x2588 || ch == 0x2580 || ch == 0x2584);
          ck_assert_int_eq (top_light, !(mx >= 0 && top >= 0 && rg_card_qr_get_module (qr, mx, top)));
          if (top + 1 < (gint) w + 4)
            ck_assert_int_eq (bottom_light,
                              !(mx >= 0 && top + 1 >= 0 && rg_card_qr_get_module (qr, mx, top + 1)));
        }
    }
}
END_TEST

START_TEST (test_qr_refuses_bad_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *huge = g_strnfill (5000, 'x');

  ck_assert_ptr_null (rg_card_qr_new ("", &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_card_qr_new (NULL, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (rg_card_qr_new (huge, &error));
  ck_assert_error (error, RG_ERROR, RG_ERROR_INVALID);
}
END_TEST

static Suite *
card_sign_suite (void)
{
  Suite *s = suite_create ("card-sign");
  TCase *tc;

  tc = tcase_create ("payload");
  tcase_add_test (tc, test_issue_signs_and_verifies);
  tcase_add_test (tc, test_forged_and_altered_are_refused);
  tcase_add_test (tc, test_every_truncation_is_refused);
  tcase_add_test (tc, test_another_chains_key_is_refused);
  tcase_add_test (tc, test_damaged_key);
  suite_add_tcase (s, tc);

  tc = tcase_create ("revoke");
  tcase_add_test (tc, test_revoked_card_is_refused);
  tcase_add_test (tc, test_reissue_gives_a_new_number);
  tcase_add_test (tc, test_old_copy_is_refused);
  tcase_add_test (tc, test_issue_for_unknown_guest_changes_nothing);
  suite_add_tcase (s, tc);

  tc = tcase_create ("qr");
  tcase_add_test (tc, test_qr_matrix);
  tcase_add_test (tc, test_qr_svg_and_text);
  tcase_add_test (tc, test_qr_refuses_bad_text);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rg_test_run (card_sign_suite ());
}
