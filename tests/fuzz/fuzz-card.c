/* fuzz-card.c — fuzz target: member cards as typed or scanned (rg-card
 * numbers, rg-card-sign payloads and QR codes).
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what a keyboard-wedge scanner or a host typed.  One database
 * in memory is made per process, with a fixed card key and three cards:
 * one that works, one revoked, one issued again since its payload was
 * signed (so the seed corpus can hold their real payloads).  What holds for
 * every input:
 *  - a card number is parsed to 12 digits with a right check digit, which
 *    parse again to themselves, or refused with RG_ERROR_INVALID and a
 *    message in valid UTF-8; input that parses has the shape of a card;
 *  - a payload is accepted only when it is, but for surrounding white
 *    space, the payload of the working card, and then gives its guest and
 *    number: nothing forged or altered gets in; every other payload is
 *    refused with RG_ERROR_INVALID or RG_ERROR_NOT_FOUND;
 *  - short text makes a QR code of a valid version whose pictures are valid
 *    UTF-8.
 */
#include <string.h>

#include "rg-card.h"
#include "rg-card-sign.h"
#include "rg-fuzz.h"
#include "rg-guest.h"

/* 32 bytes 0x00…0x1f, so that the seeds can be signed outside */
#define CARD_KEY       "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
#define ISSUED_MS      "1767225600123"
#define REISSUED_MS    "1767312000000"
#define LIVE_CARD      "400012345676"
#define REVOKED_CARD   "400012345684"
#define REISSUED_CARD  "400012345692"
#define QR_MAX_BYTES   256

typedef struct
{
  RgDb  *db;
  gchar *live_guest;
  gchar *live_payload;
} Cards;

static void
exec_sql (RgDb        *db,
          const gchar *sql)
{
  g_autoptr(GError) error = NULL;

  rg_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gchar *
sign_card (RgDb        *db,
           const gchar *card)
{
  g_autoptr(GError) error = NULL;
  gchar *payload = rg_card_sign_payload (db, card, &error);

  g_assert_no_error (error);
  return payload;
}

static const Cards *
shared_cards (void)
{
  /* libFuzzer's entry point has no user data: the cards live as long as
   * the process. */
  static Cards cards;
  g_autoptr(GError) error = NULL;

  if (cards.db != NULL)
    return &cards;

  cards.db = rg_fuzz_open_db ();
  g_assert_true (rg_db_set_setting (cards.db, "card_key", CARD_KEY, &error));
  g_assert_no_error (error);
  cards.live_guest = rg_fuzz_add_guest (cards.db, "Zoë Chen", NULL, LIVE_CARD);
  g_free (rg_fuzz_add_guest (cards.db, "Wang Fang", NULL, REVOKED_CARD));
  g_free (rg_fuzz_add_guest (cards.db, "Sam Okafor", NULL, REISSUED_CARD));
  exec_sql (cards.db, "UPDATE member_card SET issued_ms = " ISSUED_MS);
  cards.live_payload = sign_card (cards.db, LIVE_CARD);
  g_assert_true (rg_guest_revoke_card (cards.db, REVOKED_CARD, &error));
  g_assert_no_error (error);
  exec_sql (cards.db, "UPDATE member_card SET issued_ms = " REISSUED_MS
                      " WHERE number = '" REISSUED_CARD "'");
  return &cards;
}

static void
check_payload (const Cards *cards,
               const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *number = NULL;
  g_autofree gchar *guest = rg_card_sign_verify (cards->db, text, &number, &error);
  g_autofree gchar *trimmed = g_strstrip (g_strdup (text));

  if (guest == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID) ||
                     g_error_matches (error, RG_ERROR, RG_ERROR_NOT_FOUND));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (trimmed, !=, cards->live_payload);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (trimmed, ==, cards->live_payload);
  g_assert_cmpstr (guest, ==, cards->live_guest);
  g_assert_cmpstr (number, ==, LIVE_CARD);
  g_assert_true (rg_card_sign_looks_like (trimmed));
}

static void
check_qr (const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgCardQr) qr = rg_card_qr_new (text, &error);
  g_autofree gchar *svg = NULL;
  g_autofree gchar *drawn = NULL;
  const guint8 *modules;
  guint width;

  if (qr == NULL)
    {
      g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
      g_assert_cmpstr (text, ==, "");
      return;
    }
  width = rg_card_qr_get_width (qr);
  g_assert_cmpuint (width, >=, 21);
  g_assert_cmpuint (width, <=, 177);
  g_assert_cmpuint ((width - 21) % 4, ==, 0);
  modules = rg_card_qr_get_modules (qr);
  for (guint i = 0; i < width * width; i++)
    g_assert_cmpuint (modules[i], <=, 1);
  g_assert_false (rg_card_qr_get_module (qr, width, 0));
  svg = rg_card_qr_to_svg (qr, 1);
  drawn = rg_card_qr_to_text (qr);
  g_assert_true (g_utf8_validate (svg, -1, NULL));
  g_assert_true (g_utf8_validate (drawn, -1, NULL));
}

static void
check_number (const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree gchar *digits = rg_card_number_parse (text, &error);
  g_autofree gchar *again = NULL;

  if (digits == NULL)
    {
      g_assert_true (g_error_matches (error, RG_ERROR, RG_ERROR_INVALID));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (digits), ==, RG_CARD_DIGITS);
  g_assert_true (rg_card_number_is_valid (digits));
  g_assert_true (rg_card_number_looks_like (text));
  again = rg_card_number_parse (digits, &again_error);
  g_assert_no_error (again_error);
  g_assert_cmpstr (again, ==, digits);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rg_fuzz_init ();
  shared_cards ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree gchar *text = rg_fuzz_dup_text (data, size);

  if (text == NULL)
    return 0;
  check_number (text);
  rg_card_number_is_valid (text);
  check_payload (shared_cards (), text);
  if (strlen (text) <= QR_MAX_BYTES)
    check_qr (text);
  return 0;
}
