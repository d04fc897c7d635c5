/* rg-card-sign.h — signed member card payloads and their QR codes.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a member card carries (printed as a QR code, read at the door by a
 * scanner that types it) is
 *
 *     RG1.<card number>.<issued>.<tag>
 *
 * where the card number is the 12 digits of rg-card.h (Luhn check digit
 * last), issued is when the card was bound (member_card.issued_ms) in Unix
 * seconds, and tag is the first 16 bytes of HMAC-SHA256, keyed with the
 * chain's card key, of the text "RG1.<card number>.<issued>", in base64url
 * without padding (22 characters).  Nobody without the key can make a tag,
 * so a forged or altered card is refused; a revoked card, or an old copy of
 * a card (another issued time), is refused by its row.
 *
 * The key is the setting 'card_key': 32 random bytes (OpenSSL RAND_bytes)
 * in base64, made the first time a card is signed (never when one is only
 * checked).  Every terminal of the chain must hold the same key for cards
 * to work at every branch.
 */
#pragma once

#include <glib-object.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_CARD_PAYLOAD_PREFIX "RG1."
#define RG_CARD_PAYLOAD_MAX    80      /* bytes; a real payload has 50 or so */

/**
 * rg_card_sign_looks_like:
 * @text: (nullable): what was typed or scanned
 *
 * Returns: %TRUE if @text starts like a signed card payload, so that the
 *   lookup can hand it to rg_card_sign_verify().
 */
gboolean rg_card_sign_looks_like (const gchar *text);

/**
 * rg_card_sign_payload:
 * @db: the terminal's database
 * @card: a card number as typed or scanned
 * @error: return location for a #GError
 *
 * Signs the payload of a card that is bound and not revoked.
 *
 * Returns: (transfer full): the payload, or %NULL with %RG_ERROR_INVALID
 *   (mistyped or revoked card), %RG_ERROR_NOT_FOUND (no such card) or
 *   %RG_ERROR_CORRUPT (the stored card key is damaged).
 */
gchar *rg_card_sign_payload (RgDb *db, const gchar *card, GError **error);

/**
 * rg_card_sign_issue:
 * @db: the terminal's database
 * @guest_id: the guest (merge redirects followed)
 * @replace: whether to revoke the guest's cards first (a card lost or
 *   worn out: the old numbers are refused from now on)
 * @error: return location for a #GError
 *
 * Binds a new card number to the guest and signs its payload, in one
 * transaction.
 *
 * Returns: (transfer full): the new card's payload, or %NULL with
 *   %RG_ERROR_NOT_FOUND (unknown guest) or a database error; the database
 *   is unchanged.
 */
gchar *rg_card_sign_issue (RgDb *db, const gchar *guest_id, gboolean replace, GError **error);

/**
 * rg_card_sign_verify:
 * @db: the terminal's database
 * @payload: what the scanner typed (surrounding spaces and line ends are
 *   ignored)
 * @number: (out) (optional) (transfer full): the card number
 * @error: return location for a #GError
 *
 * Checks a payload at the door: its form, its tag (compared in constant
 * time), then its card.
 *
 * Returns: (transfer full): the id of the live guest holding the card, or
 *   %NULL with %RG_ERROR_INVALID ("this member card is forged or was
 *   altered", "… is cut short", "card … was revoked", "… is an old copy",
 *   or no card key on this terminal yet)
 *   or %RG_ERROR_NOT_FOUND (a well signed card that no guest here holds).
 */
gchar *rg_card_sign_verify (RgDb *db, const gchar *payload, gchar **number, GError **error);

#define RG_TYPE_CARD_QR (rg_card_qr_get_type ())
G_DECLARE_FINAL_TYPE (RgCardQr, rg_card_qr, RG, CARD_QR, GObject)

/**
 * rg_card_qr_new:
 * @text: what to encode, usually a card payload
 * @error: return location for a #GError
 *
 * Encodes @text as a QR code (libqrencode, 8-bit mode, error correction
 * level M, the smallest version that holds it).
 *
 * Returns: (transfer full): the code, or %NULL with %RG_ERROR_INVALID for
 *   empty or too long text.
 */
RgCardQr *rg_card_qr_new (const gchar *text, GError **error);

/**
 * rg_card_qr_get_width:
 *
 * Returns: the modules on a side, without the quiet zone (21 for version 1,
 *   4 more for each version).
 */
guint rg_card_qr_get_width (RgCardQr *self);

/**
 * rg_card_qr_get_modules:
 *
 * The matrix for painting: width × width bytes, row by row from the top
 * left, 1 for a dark module and 0 for a light one.  Leave a light quiet
 * zone of 4 modules around it.
 *
 * Returns: (transfer none) (array): the modules.
 */
const guint8 *rg_card_qr_get_modules (RgCardQr *self);

/**
 * rg_card_qr_get_module:
 *
 * Returns: %TRUE if the module at column @x, row @y is dark; %FALSE for a
 *   light module or one outside the matrix.
 */
gboolean rg_card_qr_get_module (RgCardQr *self, guint x, guint y);

/**
 * rg_card_qr_to_svg:
 * @self: a QR code
 * @module_px: the size of one module in pixels, at least 1
 *
 * Returns: (transfer full): a standalone SVG document: black modules on a
 *   white square with the 4-module quiet zone.
 */
gchar *rg_card_qr_to_svg (RgCardQr *self, guint module_px);

/**
 * rg_card_qr_to_text:
 * @self: a QR code
 *
 * Draws the code for a terminal with a dark background, as `qrencode -t
 * UTF8` does: light modules (and the quiet zone) in block characters, two
 * rows of modules per line ("█", "▀", "▄", " ").
 *
 * Returns: (transfer full): the lines, each ending in a newline.
 */
gchar *rg_card_qr_to_text (RgCardQr *self);

G_END_DECLS
