/* rg-card-sign.c — signed member card payloads and their QR codes.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rg-card-sign.h"

#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <qrencode.h>

#include "rg-card.h"
#include "rg-guest.h"
#include "rg-text.h"

#define KEY_SETTING   "card_key"
#define KEY_BYTES     32
#define TAG_BYTES     16
#define TAG_CHARS     22          /* base64url of 16 bytes, unpadded */
#define ISSUED_DIGITS 12
#define QUIET_ZONE    4           /* modules of light margin */

struct _RgCardQr
{
  GObject parent_instance;

  /* owned */
  guint8 *modules;

  guint   width;
};

G_DEFINE_FINAL_TYPE (RgCardQr, rg_card_qr, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

/* ------------------------------------------------------------------- key */

/* The chain's card key.  Signing makes it on first use (INSERT OR IGNORE
 * then read again, so two connections making it at once agree on one
 * key); checking never does: a terminal without the chain's key would
 * refuse every card, and could not take the chain's key later. */
static gboolean
load_key (RgDb     *db,
          gboolean  make,
          guchar    key[KEY_BYTES],
          GError  **error)
{
  g_autofree gchar *stored = rg_db_dup_setting (db, KEY_SETTING);
  g_autofree guchar *decoded = NULL;
  gsize len = 0;

  if (stored == NULL && !make)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "This terminal has no member card key yet: cards cannot be checked here.");
      return FALSE;
    }
  if (stored == NULL)
    {
      guchar fresh[KEY_BYTES];
      g_autofree gchar *encoded = NULL;
      g_autoptr(RgStmt) stmt = NULL;

      if (RAND_bytes (fresh, sizeof fresh) != 1)
        {
          g_set_error (error, RG_ERROR, RG_ERROR_IO,
                       "Making the card key: the system's random numbers failed.");
          return FALSE;
        }
      encoded = g_base64_encode (fresh, sizeof fresh);
      OPENSSL_cleanse (fresh, sizeof fresh);
      stmt = rg_db_prepare (db, "INSERT OR IGNORE INTO setting (key, value) VALUES ('" KEY_SETTING "', ?1)",
                            error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, encoded, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rg_db_set_error (db, error, "saving the card key");
      stored = rg_db_dup_setting (db, KEY_SETTING);
    }

  if (stored != NULL)
    decoded = g_base64_decode (stored, &len);
  if (decoded == NULL || len != KEY_BYTES)
    {
      if (decoded != NULL)
        OPENSSL_cleanse (decoded, len);
      g_set_error (error, RG_ERROR, RG_ERROR_CORRUPT,
                   "The card key in the settings is damaged: member cards cannot be checked.");
      return FALSE;
    }
  memcpy (key, decoded, KEY_BYTES);
  OPENSSL_cleanse (decoded, len);
  return TRUE;
}

/* The base64url tag of "RG1.<number>.<issued>". */
static gchar *
make_tag (const guchar  key[KEY_BYTES],
          const gchar  *signed_part)
{
  guchar mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  gchar *tag;

  if (HMAC (EVP_sha256 (), key, KEY_BYTES, (const guchar *) signed_part, strlen (signed_part),
            mac, &mac_len) == NULL || mac_len < TAG_BYTES)
    return NULL;
  tag = g_base64_encode (mac, TAG_BYTES);
  OPENSSL_cleanse (mac, sizeof mac);
  g_strdelimit (tag, "+", '-');
  g_strdelimit (tag, "/", '_');
  tag[TAG_CHARS] = '\0';            /* drop the "==" padding */
  return tag;
}

/* The payload of card @number issued at @issued_ms; @make_key as
 * load_key(). */
static gchar *
sign (RgDb         *db,
      const gchar  *number,
      gint64        issued_ms,
      gboolean      make_key,
      GError      **error)
{
  guchar key[KEY_BYTES];
  g_autofree gchar *signed_part = NULL;
  g_autofree gchar *tag = NULL;

  if (!load_key (db, make_key, key, error))
    return NULL;
  signed_part = g_strdup_printf (RG_CARD_PAYLOAD_PREFIX "%s.%" G_GINT64_FORMAT, number, issued_ms / 1000);
  tag = make_tag (key, signed_part);
  OPENSSL_cleanse (key, sizeof key);
  if (tag == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_IO, "Signing card %s: the HMAC failed.", number);
      return NULL;
    }
  return g_strconcat (signed_part, ".", tag, NULL);
}

/* ----------------------------------------------------------------- cards */

/* Reads the card row of @number: its guest, when it was issued, and
 * whether it still works. */
static gboolean
read_card (RgDb         *db,
           const gchar  *number,
           gchar       **guest_id,
           gint64       *issued_ms,
           gboolean     *revoked,
           GError      **error)
{
  g_autoptr(RgStmt) stmt = rg_db_prepare (db,
      "SELECT guest_id, issued_ms, revoked_ms IS NOT NULL OR deleted = 1 "
      "FROM member_card WHERE number = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_NOT_FOUND, "No guest here has card %s.", number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rg_db_set_error (db, error, "reading card %s", number);
  *guest_id = g_strdup ((const gchar *) sqlite3_column_text (stmt, 0));
  *issued_ms = sqlite3_column_int64 (stmt, 1);
  *revoked = sqlite3_column_int (stmt, 2) != 0;
  return TRUE;
}

static gboolean
refuse_payload (GError      **error,
                const gchar  *why)
{
  g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "This member card %s.", why);
  return FALSE;
}

/* Splits @payload into its number, issued seconds and tag, checking their
 * form only. */
static gboolean
parse_payload (const gchar  *payload,
               gchar       **number,
               gint64       *issued_s,
               gchar       **tag,
               GError      **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 issued = 0;

  if (payload == NULL || strlen (payload) > RG_CARD_PAYLOAD_MAX ||
      !g_utf8_validate (payload, -1, NULL) || !g_str_has_prefix (payload, RG_CARD_PAYLOAD_PREFIX))
    return refuse_payload (error, "is not one of ours");
  parts = g_strsplit (payload, ".", 0);
  if (g_strv_length (parts) < 4)
    return refuse_payload (error, "is cut short: scan it again");
  if (g_strv_length (parts) > 4 || !rg_card_number_is_valid (parts[1]) ||
      strlen (parts[2]) > ISSUED_DIGITS ||
      !g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXINT64 / 1000, &issued, NULL))
    return refuse_payload (error, "is forged or was altered");
  if (strlen (parts[3]) < TAG_CHARS)
    return refuse_payload (error, "is cut short: scan it again");
  if (strlen (parts[3]) > TAG_CHARS)
    return refuse_payload (error, "is forged or was altered");

  *number = g_strdup (parts[1]);
  *issued_s = (gint64) issued;
  *tag = g_strdup (parts[3]);
  return TRUE;
}

/* ------------------------------------------------------------------- QR */

static void
rg_card_qr_finalize (GObject *object)
{
  RgCardQr *self = RG_CARD_QR (object);

  g_free (self->modules);

  G_OBJECT_CLASS (rg_card_qr_parent_class)->finalize (object);
}

static void
rg_card_qr_class_init (RgCardQrClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_card_qr_finalize;
}

static void
rg_card_qr_init (RgCardQr *self)
{
}

/* A module of the code with its quiet zone: light outside the matrix. */
static gboolean
dark_at (RgCardQr *self,
         gint      x,
         gint      y)
{
  return x >= 0 && y >= 0 && rg_card_qr_get_module (self, (guint) x, (guint) y);
}

/* ------------------------------------------------------------ public API */

gboolean
rg_card_sign_looks_like (const gchar *text)
{
  return text != NULL && g_str_has_prefix (text, RG_CARD_PAYLOAD_PREFIX);
}

gchar *
rg_card_sign_payload (RgDb         *db,
                      const gchar  *card,
                      GError      **error)
{
  g_autofree gchar *number = NULL;
  g_autofree gchar *guest_id = NULL;
  gint64 issued_ms = 0;
  gboolean revoked = FALSE;

  g_return_val_if_fail (db != NULL, NULL);

  number = rg_card_number_parse (card, error);
  if (number == NULL || !read_card (db, number, &guest_id, &issued_ms, &revoked, error))
    return NULL;
  if (revoked)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "Card %s was revoked.", number);
      return NULL;
    }
  return sign (db, number, issued_ms, TRUE, error);
}

gchar *
rg_card_sign_issue (RgDb         *db,
                    const gchar  *guest_id,
                    gboolean      replace,
                    GError      **error)
{
  g_autoptr(RgTransaction) txn = NULL;
  g_autoptr(RgGuest) guest = NULL;
  g_autofree gchar *number = NULL;
  g_autofree gchar *payload = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  txn = rg_db_begin (db, error);
  if (txn == NULL || (guest = rg_guest_get (db, guest_id, error)) == NULL)
    return NULL;
  if (replace)
    {
      g_auto(GStrv) old = g_strdupv ((gchar **) rg_guest_get_cards (guest));

      for (guint i = 0; old[i] != NULL; i++)
        if (!rg_guest_revoke_card (db, old[i], error))
          return NULL;
    }
  number = rg_guest_bind_card (db, rg_guest_get_id (guest), NULL, error);
  if (number == NULL ||
      (payload = rg_card_sign_payload (db, number, error)) == NULL ||
      !rg_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&payload);
}

gchar *
rg_card_sign_verify (RgDb         *db,
                     const gchar  *payload,
                     gchar       **number_out,
                     GError      **error)
{
  g_autofree gchar *trimmed = NULL;
  g_autofree gchar *number = NULL;
  g_autofree gchar *tag = NULL;
  g_autofree gchar *expected = NULL;
  g_autofree gchar *holder = NULL;
  g_autofree gchar *live = NULL;
  gint64 issued_s = 0, issued_ms = 0;
  gboolean revoked = FALSE;

  g_return_val_if_fail (db != NULL, NULL);

  trimmed = g_strstrip (g_strdup (payload != NULL ? payload : ""));
  if (!parse_payload (trimmed, &number, &issued_s, &tag, error))
    return NULL;

  /* the tag first: a forged card learns nothing about our cards */
  expected = sign (db, number, issued_s * 1000, FALSE, error);
  if (expected == NULL)
    return NULL;
  if (strlen (expected) != strlen (trimmed) ||
      CRYPTO_memcmp (expected, trimmed, strlen (expected)) != 0)
    {
      refuse_payload (error, "is forged or was altered");
      return NULL;
    }

  if (!read_card (db, number, &holder, &issued_ms, &revoked, error))
    return NULL;
  if (revoked)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "Card %s was revoked: it no longer works.", number);
      return NULL;
    }
  if (issued_ms / 1000 != issued_s)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID,
                   "Card %s is an old copy: it was issued again since.", number);
      return NULL;
    }
  live = rg_guest_resolve_id (db, holder, error);
  if (live == NULL)
    return NULL;
  if (number_out != NULL)
    *number_out = g_steal_pointer (&number);
  return g_steal_pointer (&live);
}

RgCardQr *
rg_card_qr_new (const gchar  *text,
                GError      **error)
{
  g_autoptr(QRcode) code = NULL;
  RgCardQr *self;
  gsize n;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "There is nothing to put in the QR code.");
      return NULL;
    }
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      g_set_error (error, RG_ERROR, RG_ERROR_INVALID, "The text cannot be made a QR code: %s.",
                   errno == ERANGE ? "it is too long" : g_strerror (errno));
      return NULL;
    }

  self = g_object_new (RG_TYPE_CARD_QR, NULL);
  self->width = (guint) code->width;
  n = (gsize) self->width * self->width;
  self->modules = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    self->modules[i] = code->data[i] & 1;
  return self;
}

guint
rg_card_qr_get_width (RgCardQr *self)
{
  g_return_val_if_fail (RG_IS_CARD_QR (self), 0);
  return self->width;
}

const guint8 *
rg_card_qr_get_modules (RgCardQr *self)
{
  g_return_val_if_fail (RG_IS_CARD_QR (self), NULL);
  return self->modules;
}

gboolean
rg_card_qr_get_module (RgCardQr *self,
                       guint     x,
                       guint     y)
{
  g_return_val_if_fail (RG_IS_CARD_QR (self), FALSE);
  return x < self->width && y < self->width && self->modules[y * self->width + x] != 0;
}

gchar *
rg_card_qr_to_svg (RgCardQr *self,
                   guint     module_px)
{
  GString *svg;
  guint side;

  g_return_val_if_fail (RG_IS_CARD_QR (self), NULL);
  g_return_val_if_fail (module_px > 0, NULL);

  side = self->width + 2 * QUIET_ZONE;
  svg = g_string_new (NULL);
  g_string_append_printf (svg,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" height=\"%u\" "
      "viewBox=\"0 0 %u %u\" shape-rendering=\"crispEdges\">\n"
      "<rect width=\"%u\" height=\"%u\" fill=\"#ffffff\"/>\n<path fill=\"#000000\" d=\"",
      side * module_px, side * module_px, side, side, side, side);

  /* one horizontal run of dark modules per subpath */
  for (guint y = 0; y < self->width; y++)
    for (guint x = 0; x < self->width;)
      {
        guint run = 0;

        while (x + run < self->width && rg_card_qr_get_module (self, x + run, y))
          run++;
        if (run == 0)
          {
            x++;
            continue;
          }
        g_string_append_printf (svg, "M%u %uh%uv1h-%uz", x + QUIET_ZONE, y + QUIET_ZONE, run, run);
        x += run;
      }
  g_string_append (svg, "\"/>\n</svg>\n");
  return g_string_free (svg, FALSE);
}

gchar *
rg_card_qr_to_text (RgCardQr *self)
{
  /* indexed by (top light) | (bottom light) << 1 */
  static const gchar * const blocks[] = { " ", "▀", "▄", "█" };
  GString *text;
  gint edge;

  g_return_val_if_fail (RG_IS_CARD_QR (self), NULL);

  edge = (gint) self->width + QUIET_ZONE;
  text = g_string_new (NULL);
  for (gint y = -QUIET_ZONE; y < edge; y += 2)
    {
      for (gint x = -QUIET_ZONE; x < edge; x++)
        {
          gboolean top = !dark_at (self, x, y);
          gboolean bottom = y + 1 < edge && !dark_at (self, x, y + 1);

          g_string_append (text, blocks[top | bottom << 1]);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
