/* rg-privacy.h — a guest's right to see and erase their data, marketing
 * consent, and the audit log the owner reads.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guest is the live record and every record merged into it (see
 * rg-guest-merge.h): an export holds them all, an erasure clears them all.
 *
 * Erasure keeps the sales: visits, order lines and ratings stay for the
 * reports, and visit.guest_id still points at the guest row, which keeps
 * nothing personal: its name becomes "Erased guest", every other personal
 * field is cleared, and it is tombstoned (deleted = 1) so that no lookup,
 * list or segment finds it again.  Phones, tags, allergies, seating and
 * dish preferences, notes and links are tombstoned with their personal
 * values blanked; member cards are revoked and tombstoned (their numbers
 * are ours, random, and stay so that they are never issued again);
 * comments of feedback by or about the guest are cleared, and so is the
 * free-text detail of audit entries about the guest (which may quote the
 * name).  Every changed row is a synced row with a new updated_hlc, so the
 * central store and the other terminals get the blanked rows too.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rg-db.h"

G_BEGIN_DECLS

#define RG_PRIVACY_ERASED_NAME "Erased guest"

/**
 * rg_privacy_export:
 * @db: the terminal's database
 * @staff_id: who asks; must have %RG_PERMISSION_GUEST_DATA (an owner)
 * @guest_id: the guest (merge redirects followed)
 * @error: return location for a #GError
 *
 * Gathers everything held about a guest, removed rows included (with their
 * "deleted" flag), as one JSON object: "format" ("regulars-guest-export/1"),
 * "exported_ms", "guest_id", and arrays "guests" (the record and those
 * merged into it), "stats", "phones", "cards", "tags", "allergies",
 * "seating_prefs", "dish_prefs" (with the dish's name), "notes", "links",
 * "visits" (each with its "lines" and "feedback") and "audit" (entries
 * about the guest).  Every row has all its columns.  The export itself is
 * audited ("guest.export").
 *
 * Returns: (transfer full): the JSON object, or %NULL with
 *   %RG_ERROR_PERMISSION, %RG_ERROR_NOT_FOUND (unknown or erased guest) or
 *   a database error.
 */
JsonNode *rg_privacy_export (RgDb *db, const gchar *staff_id, const gchar *guest_id, GError **error);

/**
 * rg_privacy_erase:
 * @db: the terminal's database
 * @staff_id: who erases; must have %RG_PERMISSION_GUEST_DATA (an owner)
 * @guest_id: the guest (merge redirects followed)
 * @error: return location for a #GError
 *
 * Erases a guest's personal data as the header describes, in one
 * transaction with its audit entry ("guest.erase").
 *
 * Returns: %TRUE, or %FALSE with %RG_ERROR_PERMISSION, %RG_ERROR_NOT_FOUND
 *   (unknown or already erased guest) or a database error; the database
 *   is unchanged.
 */
gboolean rg_privacy_erase (RgDb *db, const gchar *staff_id, const gchar *guest_id, GError **error);

/**
 * rg_privacy_filter_marketing:
 * @db: the terminal's database
 * @guest_ids: (array zero-terminated=1): guests a segment export would
 *   reach
 * @error: return location for a #GError
 *
 * Keeps the guests who may be sent marketing: live (not erased, not merged
 * away) with guest.consent_marketing set.  Every segment export passes its
 * guests through this (or selects with the same condition).
 *
 * Returns: (transfer full): the consenting ids, in the order given, or
 *   %NULL with a database error.
 */
GStrv rg_privacy_filter_marketing (RgDb *db, const gchar * const *guest_ids, GError **error);

/**
 * rg_privacy_export_segment:
 * @db: the terminal's database
 * @staff_id: who exports; must have %RG_PERMISSION_EXPORT (the owner)
 * @segment: what the list is, for the audit ("lapsed", "dates"…); not
 *   empty, valid UTF-8
 * @guest_ids: (array zero-terminated=1): the guests of a segment, such as
 *   the keys of a report's guest list ("top", "lapsed", "dates", "guests")
 * @error: return location for a #GError
 *
 * Exports a guest list for a campaign: only the guests who agreed to
 * marketing (rg_privacy_filter_marketing()), in the order given, each with
 * their name and first phone number.  Audited ("segment.export", the
 * segment as subject, how many were kept and left out as detail).
 *
 * Returns: (transfer full): a JSON array of objects `{"guest_id", "name",
 *   "phone"}` (phone %NULL without one), or %NULL with
 *   %RG_ERROR_PERMISSION, %RG_ERROR_NOT_FOUND (unknown staff),
 *   %RG_ERROR_INVALID (a bad @segment) or a database error; nothing is
 *   written then.
 */
JsonNode *rg_privacy_export_segment (RgDb                *db,
                                     const gchar         *staff_id,
                                     const gchar         *segment,
                                     const gchar * const *guest_ids,
                                     GError             **error);

/**
 * rg_privacy_list_audit:
 * @db: the terminal's database
 * @staff_id: who reads; must have %RG_PERMISSION_VIEW_AUDIT (an owner)
 * @subject: (nullable): only entries about this subject (a guest id…)
 * @offset: how many of the newest entries to skip
 * @limit: the most entries to return; 0 for all
 * @error: return location for a #GError
 *
 * rg_audit_list() for the owner: logins, lockouts, staff changes, exports,
 * erasures and report views, newest first.
 *
 * Returns: (transfer full): a #GListModel of #RgAuditEntry, or %NULL with
 *   %RG_ERROR_PERMISSION or a database error.
 */
GListModel *rg_privacy_list_audit (RgDb        *db,
                                   const gchar *staff_id,
                                   const gchar *subject,
                                   guint        offset,
                                   guint        limit,
                                   GError     **error);

G_END_DECLS
