/* rg-guest-merge.h — spotting duplicate guests and merging two records of
 * one person.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merge keeps one record (the survivor) and turns the other into a
 * redirect: its row stays with merged_into set, so its old id and any card
 * bound to it still find the survivor, on this terminal and, once synced,
 * on every other.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"

G_BEGIN_DECLS

/**
 * RgDuplicateReason:
 * @RG_DUPLICATE_SAME_PHONE: another guest holds one of the numbers (perhaps
 *   typed in another format)
 * @RG_DUPLICATE_SAME_CARD: another guest holds the card
 * @RG_DUPLICATE_SIMILAR_NAME: another guest shares a word or character of
 *   the name and a number ending in the same 4 digits
 * @RG_DUPLICATE_SAME_NAME: another guest has the same name once case,
 *   accents and word order are folded
 *
 * Why a guest may be the same person, strongest first.
 */
typedef enum {
  RG_DUPLICATE_SAME_PHONE,
  RG_DUPLICATE_SAME_CARD,
  RG_DUPLICATE_SIMILAR_NAME,
  RG_DUPLICATE_SAME_NAME,
} RgDuplicateReason;

#define RG_TYPE_GUEST_DUPLICATE (rg_guest_duplicate_get_type ())
G_DECLARE_FINAL_TYPE (RgGuestDuplicate, rg_guest_duplicate, RG, GUEST_DUPLICATE, GObject)

/* Getters of a candidate; strings are borrowed. */
const gchar       *rg_guest_duplicate_get_guest_id (RgGuestDuplicate *self);  /* never NULL */
const gchar       *rg_guest_duplicate_get_name     (RgGuestDuplicate *self);  /* never NULL */
RgDuplicateReason  rg_guest_duplicate_get_reason   (RgGuestDuplicate *self);
/* What was shared, for the host to see: the masked number, the card
 * number, or NULL for a name. */
const gchar       *rg_guest_duplicate_get_detail   (RgGuestDuplicate *self);

/**
 * rg_guest_find_duplicates:
 * @db: a connection
 * @name: (nullable): the name being typed for a new or edited guest
 * @phones: (nullable) (array zero-terminated=1): its numbers as typed
 * @card: (nullable): its member card number as typed
 * @exclude_id: (nullable): the guest being edited, never a candidate of
 *   itself
 * @error: return location for a #GError
 *
 * Lists the live guests that may be the same person, one entry per guest
 * with its strongest reason, strongest first, then by most recent visit.
 * Same-name candidates are capped at the 20 most recent.  Reads only.
 *
 * Returns: (transfer full): a #GListModel of #RgGuestDuplicate, empty when
 *   there is none; or %NULL with %RG_ERROR_INVALID (a name that is not
 *   valid text, a phone that is not a number, a mistyped card).
 */
GListModel *rg_guest_find_duplicates (RgDb                *db,
                                      const gchar         *name,
                                      const gchar * const *phones,
                                      const gchar         *card,
                                      const gchar         *exclude_id,
                                      GError             **error);

/**
 * rg_guest_merge:
 * @db: a connection
 * @keep_id: the guest that survives
 * @other_id: the guest merged into @keep_id
 * @staff_id: (nullable): who merges, for the audit log
 * @error: return location for a #GError
 *
 * Merges @other_id into @keep_id in one transaction: its phones, cards,
 * tags, allergies, seating and dish preferences, notes, links, visits,
 * places in other parties (visit_guest) and feedback move to the survivor.
 * Where the survivor already has the same tag, allergy or dish preference
 * the moved one is tombstoned (an allergy keeps the stricter severity); a
 * link between the two is tombstoned.  The survivor's empty details are
 * filled from the other record, VIP is kept if either was, and the free
 * notes are joined.  The other record gets merged_into = @keep_id; the
 * survivor's figures are combined, the name index updated, and an audit
 * row (action "guest.merge") written.
 *
 * Returns: %TRUE on success; %FALSE, with nothing changed, with
 *   %RG_ERROR_INVALID (a guest into itself, or either guest already merged
 *   away), %RG_ERROR_NOT_FOUND (unknown or deleted guest) or a database
 *   error.
 */
gboolean rg_guest_merge (RgDb        *db,
                         const gchar *keep_id,
                         const gchar *other_id,
                         const gchar *staff_id,
                         GError     **error);

G_END_DECLS
