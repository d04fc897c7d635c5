/* rg-guest.h — guests: adding, editing, their phones and member cards, and
 * the name index that recognition at the door searches.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write here is one transaction over synced rows (id, updated_hlc,
 * origin) and keeps the name index (guest_name_fts, keyed through
 * local_guest_key so that its rowid order is the order of the guests' last
 * visits) current in that same transaction.
 *
 * A merged-away guest (see rg-guest-merge.h) keeps its row with merged_into
 * pointing at the survivor: every function here that takes a guest id
 * follows that redirect, so an old id still finds the survivor.
 */
#pragma once

#include <glib-object.h>

#include "rg-db.h"

G_BEGIN_DECLS

/* Longest accepted lengths, in characters. */
#define RG_GUEST_NAME_MAX      100
#define RG_GUEST_TITLE_MAX      40
#define RG_GUEST_LANGUAGE_MAX   35
#define RG_GUEST_NOTES_MAX    4000
#define RG_GUEST_REF_MAX       200
#define RG_GUEST_LABEL_MAX      40

/**
 * RgGuestFields:
 * @name: the name the guest goes by ("Li Wei", "Zoë"); required
 * @family_name: (nullable): the family name when kept apart
 * @title: (nullable): "Ms", "Dr", "王总"…
 * @gender: (nullable): "female", "male" or "other", in any case
 * @birthday: (nullable): "YYYY-MM-DD" (a real date from 1900 to today), or
 *   "--MM-DD" when the year is unknown ("--02-29" is allowed)
 * @anniversary: (nullable): same forms as @birthday
 * @language: (nullable): a language tag ("zh-CN", "en"): a letter first,
 *   then letters, digits and dashes
 * @vip: whether the guest is a VIP
 * @notes: (nullable): free text for the staff
 * @consent_marketing: whether the guest agreed to marketing messages
 * @external_ref: (nullable): the guest's id in an imported system
 *
 * What a person fills in to add or edit a guest.  The strings are borrowed
 * from the caller.  An empty optional string means "not known" and is
 * stored as NULL.  To edit a few fields, fill the struct with
 * rg_guest_fields_init_from() and change what differs.
 */
typedef struct
{
  const gchar *name;
  const gchar *family_name;
  const gchar *title;
  const gchar *gender;
  const gchar *birthday;
  const gchar *anniversary;
  const gchar *language;
  gboolean     vip;
  const gchar *notes;
  gboolean     consent_marketing;
  const gchar *external_ref;
} RgGuestFields;

#define RG_TYPE_GUEST (rg_guest_get_type ())
G_DECLARE_FINAL_TYPE (RgGuest, rg_guest, RG, GUEST, GObject)

/* Getters of a guest as read from the database; strings are borrowed and
 * nullable unless said otherwise. */
const gchar *rg_guest_get_id                (RgGuest *self);   /* never NULL */
const gchar *rg_guest_get_name              (RgGuest *self);   /* never NULL */
const gchar *rg_guest_get_family_name       (RgGuest *self);
const gchar *rg_guest_get_title             (RgGuest *self);
const gchar *rg_guest_get_gender            (RgGuest *self);
const gchar *rg_guest_get_birthday          (RgGuest *self);
const gchar *rg_guest_get_anniversary       (RgGuest *self);
const gchar *rg_guest_get_language          (RgGuest *self);
gboolean     rg_guest_get_vip               (RgGuest *self);
const gchar *rg_guest_get_notes             (RgGuest *self);   /* never NULL, may be "" */
gboolean     rg_guest_get_consent_marketing (RgGuest *self);
const gchar *rg_guest_get_external_ref      (RgGuest *self);
/* NULL for a live guest; rg_guest_get() never returns a merged-away one. */
const gchar *rg_guest_get_merged_into       (RgGuest *self);
gint64       rg_guest_get_created_ms        (RgGuest *self);

/* The guest's figures from local_guest_stats; 0 when the guest has not
 * visited yet.  Money in minor units. */
guint        rg_guest_get_visit_count       (RgGuest *self);
gint64       rg_guest_get_first_visit_ms    (RgGuest *self);
gint64       rg_guest_get_last_visit_ms     (RgGuest *self);
gint64       rg_guest_get_total_spend       (RgGuest *self);

/**
 * rg_guest_get_phones:
 * @self: a guest
 *
 * Returns: (transfer none) (array zero-terminated=1): the guest's live
 *   numbers in E.164, oldest first; an empty array when there are none.
 */
const gchar * const *rg_guest_get_phones (RgGuest *self);

/**
 * rg_guest_get_cards:
 * @self: a guest
 *
 * Returns: (transfer none) (array zero-terminated=1): the numbers of the
 *   guest's member cards that are not revoked, oldest first; an empty array
 *   when there are none.
 */
const gchar * const *rg_guest_get_cards (RgGuest *self);

/**
 * rg_guest_fields_init_from:
 * @fields: (out caller-allocates): the fields to fill
 * @guest: the guest whose values to copy
 *
 * Fills @fields with the values of @guest, borrowed from it: keep @guest
 * alive while @fields is in use.
 */
void rg_guest_fields_init_from (RgGuestFields *fields, RgGuest *guest);

/**
 * rg_guest_add:
 * @db: a connection
 * @fields: the guest's details
 * @phones: (nullable) (array zero-terminated=1): numbers as typed, in any
 *   common format; each is normalised to E.164 with the terminal's country
 *   (setting "country", "CN" when unset)
 * @card: (nullable): a member card number to bind, as typed or scanned
 * @error: return location for a #GError
 *
 * Adds a guest with its phones and card in one transaction and indexes its
 * name.  Nothing is written when any part fails.
 *
 * Returns: (transfer full): the new guest, or %NULL with @error set:
 *   %RG_ERROR_INVALID for a bad field ("the guest's name is empty", "the
 *   birthday '2023-02-30' is not a real date"), a bad phone or a mistyped
 *   card; %RG_ERROR_EXISTS when a phone, the card or the external reference
 *   already belongs to another guest (the message names that guest); a
 *   database error code otherwise.
 */
RgGuest *rg_guest_add (RgDb                *db,
                       const RgGuestFields *fields,
                       const gchar * const *phones,
                       const gchar         *card,
                       GError             **error);

/**
 * rg_guest_edit:
 * @db: a connection
 * @guest_id: the guest (an id merged away edits the survivor)
 * @fields: every field's new value (see rg_guest_fields_init_from())
 * @error: return location for a #GError
 *
 * Replaces the guest's details with @fields and re-indexes its name.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_NOT_FOUND for an
 *   unknown guest, %RG_ERROR_INVALID for a bad field, %RG_ERROR_EXISTS for
 *   an external reference held by another guest; the database is unchanged.
 */
gboolean rg_guest_edit (RgDb                *db,
                        const gchar         *guest_id,
                        const RgGuestFields *fields,
                        GError             **error);

/**
 * rg_guest_get:
 * @db: a connection
 * @guest_id: a guest id, possibly of a guest merged into another
 * @error: return location for a #GError
 *
 * Reads a guest, following merge redirects to the surviving record, with
 * its figures, live phones and active cards.
 *
 * Returns: (transfer full): the guest, or %NULL with %RG_ERROR_NOT_FOUND
 *   (unknown or deleted guest) or a database error.
 */
RgGuest *rg_guest_get (RgDb *db, const gchar *guest_id, GError **error);

/**
 * rg_guest_resolve_id:
 * @db: a connection
 * @guest_id: a guest id, possibly of a guest merged into another
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id of the live guest that @guest_id is or
 *   was merged into, or %NULL with %RG_ERROR_NOT_FOUND for an unknown or
 *   deleted guest.
 */
gchar *rg_guest_resolve_id (RgDb *db, const gchar *guest_id, GError **error);

/**
 * rg_guest_find_external_ref:
 * @db: a connection
 * @external_ref: an id from an imported system
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id of the live guest holding @external_ref
 *   (after merge redirects), or %NULL with %RG_ERROR_NOT_FOUND.
 */
gchar *rg_guest_find_external_ref (RgDb *db, const gchar *external_ref, GError **error);

/**
 * rg_guest_normalize_phone:
 * @db: a connection
 * @input: a phone number as typed
 * @error: return location for a #GError
 *
 * rg_phone_normalize() with the terminal's country (rg_branch_dup_country()).
 *
 * Returns: (transfer full): the number in E.164, or %NULL with
 *   %RG_ERROR_INVALID.
 */
gchar *rg_guest_normalize_phone (RgDb *db, const gchar *input, GError **error);

/**
 * rg_guest_add_phone:
 * @db: a connection
 * @guest_id: the guest (redirects followed)
 * @phone: the number as typed, in any common format
 * @label: (nullable): "mobile", "work"…
 * @error: return location for a #GError
 *
 * Gives the guest another number.  Adding a number the guest already has
 * changes nothing and succeeds.
 *
 * Returns: (transfer full): the number in E.164, or %NULL with
 *   %RG_ERROR_INVALID (not a phone number, bad label), %RG_ERROR_NOT_FOUND
 *   (unknown guest) or %RG_ERROR_EXISTS when another guest holds the number
 *   ("+86 138 0013 8000 already belongs to Li Wei").
 */
gchar *rg_guest_add_phone (RgDb        *db,
                           const gchar *guest_id,
                           const gchar *phone,
                           const gchar *label,
                           GError     **error);

/**
 * rg_guest_remove_phone:
 * @db: a connection
 * @guest_id: the guest (redirects followed)
 * @phone: the number, in any common format
 * @error: return location for a #GError
 *
 * Removes (tombstones) one of the guest's numbers; the number is then free
 * for another guest.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID (not a phone
 *   number) or %RG_ERROR_NOT_FOUND (unknown guest, or the guest does not
 *   have that number).
 */
gboolean rg_guest_remove_phone (RgDb        *db,
                                const gchar *guest_id,
                                const gchar *phone,
                                GError     **error);

/**
 * rg_guest_bind_card:
 * @db: a connection
 * @guest_id: the guest (redirects followed)
 * @card: (nullable): the card number as typed or scanned, or %NULL to
 *   issue a new number (rg_card_number_new())
 * @error: return location for a #GError
 *
 * Binds a member card to the guest.  A card number is used once: a number
 * bound before, even to a card since revoked, cannot be bound again.
 *
 * Returns: (transfer full): the card's digits, or %NULL with
 *   %RG_ERROR_INVALID (mistyped card), %RG_ERROR_NOT_FOUND (unknown guest)
 *   or %RG_ERROR_EXISTS (the number is taken; the message names its guest).
 */
gchar *rg_guest_bind_card (RgDb        *db,
                           const gchar *guest_id,
                           const gchar *card,
                           GError     **error);

/**
 * rg_guest_revoke_card:
 * @db: a connection
 * @card: the card number as typed or scanned
 * @error: return location for a #GError
 *
 * Revokes a card (lost, stolen, replaced): it no longer finds its guest.
 *
 * Returns: %TRUE on success; %FALSE with %RG_ERROR_INVALID (mistyped card,
 *   or a card already revoked) or %RG_ERROR_NOT_FOUND (no such card).
 */
gboolean rg_guest_revoke_card (RgDb *db, const gchar *card, GError **error);

/**
 * rg_guest_index_refresh:
 * @db: a connection
 * @guest_id: a guest id (not followed: the row itself is indexed)
 * @error: return location for a #GError
 *
 * Brings the guest's entry in the name index up to date: its name tokens,
 * and its place in recency order: a guest whose
 * local_guest_stats.last_visit_ms moved forward since its place was given
 * goes to the top.  A deleted or merged-away guest is removed from the
 * index.  The visit module calls this after a check closes, in the same
 * transaction; rows applied from the central store call it too.  Checks
 * closed out of time order (an import of old visits) leave the order of
 * closing: call rg_guest_index_rebuild() after such a batch.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean rg_guest_index_refresh (RgDb *db, const gchar *guest_id, GError **error);

/**
 * rg_guest_index_rebuild:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Recreates the whole name index from the live guests and their figures,
 * in one transaction (after an import or rg_rollup_rebuild()): ordered by
 * last visit, guests who never visited below them by enrolment.
 *
 * Returns: %TRUE on success; %FALSE with a database error.
 */
gboolean rg_guest_index_rebuild (RgDb *db, GError **error);

G_END_DECLS
