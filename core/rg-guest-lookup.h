/* rg-guest-lookup.h — recognition at the door: find a guest by phone, last
 * digits, member card or name, ranked for the host.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results are RgGuestMatch objects in a GListModel, one per live guest
 * (merged-away and deleted guests never show as results of their own).
 * Ranking: an exact phone match first, then a card match, then the other
 * matches most recent first: by the guest's last visit, or by its
 * enrolment when it was enrolled after that visit (a guest enrolled at the
 * door tonight is listed before those who came last week).  Lists are
 * paged by offset and limit, so a common name among a million guests never
 * loads them all.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * RgGuestMatchKind:
 * @RG_GUEST_MATCH_PHONE: the whole phone number matched
 * @RG_GUEST_MATCH_CARD: a member card matched
 * @RG_GUEST_MATCH_PHONE_SUFFIX: the last digits of a phone number matched
 * @RG_GUEST_MATCH_NAME: words or characters of the name matched
 *
 * How a guest matched the query, strongest first.
 */
typedef enum {
  RG_GUEST_MATCH_PHONE,
  RG_GUEST_MATCH_CARD,
  RG_GUEST_MATCH_PHONE_SUFFIX,
  RG_GUEST_MATCH_NAME,
} RgGuestMatchKind;

#define RG_TYPE_GUEST_MATCH (rg_guest_match_get_type ())
G_DECLARE_FINAL_TYPE (RgGuestMatch, rg_guest_match, RG, GUEST_MATCH, GObject)

/* Getters of a match; strings are borrowed. */
const gchar     *rg_guest_match_get_guest_id      (RgGuestMatch *self);  /* never NULL */
const gchar     *rg_guest_match_get_name          (RgGuestMatch *self);  /* never NULL */
/* The number that matched (or, for a card or name match, the guest's first
 * number) masked as "+86 ••• •••• 8000"; NULL when the guest has none. */
const gchar     *rg_guest_match_get_masked_phone  (RgGuestMatch *self);
gint64           rg_guest_match_get_last_visit_ms (RgGuestMatch *self);  /* 0: never */
guint            rg_guest_match_get_visit_count   (RgGuestMatch *self);
gint64           rg_guest_match_get_total_spend   (RgGuestMatch *self);  /* minor units */
gboolean         rg_guest_match_get_vip           (RgGuestMatch *self);
RgGuestMatchKind rg_guest_match_get_kind          (RgGuestMatch *self);

/**
 * rg_guest_lookup:
 * @db: a connection
 * @query: what the host typed or scanned
 * @offset: how many results to skip (for paging)
 * @limit: the most results to return
 * @error: return location for a #GError
 *
 * Finds guests for whatever was typed.  The query is classified:
 *
 * - a scanned signed card (rg_card_sign_looks_like()) is checked with
 *   rg_card_sign_verify(), then looked up by its card number;
 * - card-shaped input (rg_card_number_looks_like()) is a card lookup;
 * - input that normalises to a phone number (any format: "+86 138-0013-8000",
 *   "13800138000", "0086…") is an exact phone lookup;
 * - input of digits (spaces and dashes allowed) with 4 or more digits is
 *   also a last-digits lookup, listed after the exact match;
 * - anything else is a name lookup: every word a prefix, all words
 *   required, case and accents folded, Chinese names by character.
 *
 * Returns: (transfer full): a #GListModel of #RgGuestMatch, empty when
 *   nothing matches, @query is blank or @limit is 0; or %NULL with
 *   %RG_ERROR_INVALID (invalid UTF-8, a query that is too long, a card
 *   number whose check digit is wrong: "mistyped card", or a signed card
 *   that is forged, altered, revoked or an old copy) or a database error.
 */
GListModel *rg_guest_lookup (RgDb        *db,
                             const gchar *query,
                             guint        offset,
                             guint        limit,
                             GError     **error);

/**
 * rg_guest_lookup_phone:
 * @db: a connection
 * @phone: a whole number in any common format
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of at most one #RgGuestMatch of
 *   kind %RG_GUEST_MATCH_PHONE; or %NULL with %RG_ERROR_INVALID when
 *   @phone is not a phone number.
 */
GListModel *rg_guest_lookup_phone (RgDb *db, const gchar *phone, GError **error);

/**
 * rg_guest_lookup_phone_suffix:
 * @db: a connection
 * @digits: the last 4 or more digits of a number (spaces and dashes allowed)
 * @offset: how many results to skip
 * @limit: the most results to return
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgGuestMatch of kind
 *   %RG_GUEST_MATCH_PHONE_SUFFIX, most recent visit first; or %NULL with
 *   %RG_ERROR_INVALID when @digits has fewer than 4 digits, more than 15,
 *   or other characters.
 */
GListModel *rg_guest_lookup_phone_suffix (RgDb        *db,
                                          const gchar *digits,
                                          guint        offset,
                                          guint        limit,
                                          GError     **error);

/**
 * rg_guest_lookup_card:
 * @db: a connection
 * @card: a member card number as typed or scanned
 * @error: return location for a #GError
 *
 * Finds the guest holding a card that is not revoked (a card of a guest
 * merged away finds the survivor).
 *
 * Returns: (transfer full): a #GListModel of at most one #RgGuestMatch of
 *   kind %RG_GUEST_MATCH_CARD; or %NULL with %RG_ERROR_INVALID when @card
 *   is mistyped.
 */
GListModel *rg_guest_lookup_card (RgDb *db, const gchar *card, GError **error);

/**
 * rg_guest_lookup_name:
 * @db: a connection
 * @name: words or characters of a name, each taken as a prefix
 * @offset: how many results to skip
 * @limit: the most results to return
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #RgGuestMatch of kind
 *   %RG_GUEST_MATCH_NAME, most recent visit first (empty when @name folds
 *   to nothing); or %NULL with %RG_ERROR_INVALID for invalid UTF-8 or a
 *   name that is too long.
 */
GListModel *rg_guest_lookup_name (RgDb        *db,
                                  const gchar *name,
                                  guint        offset,
                                  guint        limit,
                                  GError     **error);

G_END_DECLS
