/* rg-prefs.h — what we know of a guest's tastes and habits: tags,
 * allergies, seating and dish preferences, notes and links to other guests.
 *
 * Copyright 2026 The Regulars authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fact is a synced row of its own (guest_tag, guest_allergy,
 * seating_pref, dish_pref, guest_note, guest_link), so two terminals editing
 * different facts of one guest offline both keep their change.  All are
 * read back as one record type, #RgGuestFact, whose @kind says which.
 *
 * Every function taking a guest id follows merge redirects (merged_into) to
 * the surviving guest.  Adding a fact that already exists (the same tag,
 * allergen, dish, seating value or link) does not duplicate it: it updates
 * the existing row's details when they differ and returns its id.
 */
#pragma once

#include <gio/gio.h>

#include "rg-db.h"
#include "rg-guest-fact.h"

G_BEGIN_DECLS

#define RG_PREFS_WORD_MAX  40     /* characters of a tag, allergen or feature */
#define RG_PREFS_NOTE_MAX  2000   /* characters of a note */
#define RG_PREFS_WEIGHT_MAX 10.0  /* seating weights lie in [-10, 10] */

/**
 * rg_prefs_add_tag:
 * @db: a connection
 * @guest_id: the guest (merge redirects are followed)
 * @tag: a taste or lifestyle word; made one lower-case word by
 *   rg_text_check_word() ("Sweet Sour" → "sweet-sour")
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id of the tag row (the existing one when
 *   the guest has the tag already), or %NULL with %RG_ERROR_NOT_FOUND for
 *   an unknown guest, %RG_ERROR_INVALID for an empty or too long tag, or a
 *   database error.
 */
gchar *rg_prefs_add_tag (RgDb        *db,
                         const gchar *guest_id,
                         const gchar *tag,
                         GError     **error);

/**
 * rg_prefs_add_allergy:
 * @db: a connection
 * @guest_id: the guest
 * @allergen: the allergen, made a lower-case word ("Peanut" → "peanut"),
 *   as the menu stores allergens
 * @severity: (nullable): "mild", "severe" or "anaphylactic"; %NULL for
 *   "severe"
 * @note: (nullable): what the kitchen should know
 * @error: return location for a #GError
 *
 * Adds an allergy, or updates the severity and note of the guest's
 * allergy to the same allergen.
 *
 * Returns: (transfer full): the allergy row's id, or %NULL with
 *   %RG_ERROR_NOT_FOUND, %RG_ERROR_INVALID (bad allergen, severity or note)
 *   or a database error.
 */
gchar *rg_prefs_add_allergy (RgDb        *db,
                             const gchar *guest_id,
                             const gchar *allergen,
                             const gchar *severity,
                             const gchar *note,
                             GError     **error);

/**
 * rg_prefs_add_seating:
 * @db: a connection
 * @guest_id: the guest
 * @kind: "table", "zone" or "feature"
 * @value: for "table" a dining_table id (%RG_ERROR_NOT_FOUND if unknown);
 *   for "zone" a zone kind ("window", "booth", "patio", "bar", "quiet",
 *   "private", "main"); for "feature" a word ("sofa", "high-chair")
 * @weight: how much it matters, in [-10, 10]; negative for a place to
 *   avoid
 * @note: (nullable): free text
 * @error: return location for a #GError
 *
 * Adds a seating preference, or updates the weight and note of the same
 * one (same kind and value).
 *
 * Returns: (transfer full): the preference's id, or %NULL with an error.
 */
gchar *rg_prefs_add_seating (RgDb        *db,
                             const gchar *guest_id,
                             const gchar *kind,
                             const gchar *value,
                             gdouble      weight,
                             const gchar *note,
                             GError     **error);

/**
 * rg_prefs_add_dish:
 * @db: a connection
 * @guest_id: the guest
 * @item_id: a menu item id (%RG_ERROR_NOT_FOUND if unknown or deleted)
 * @pref: "like" or "dislike"
 * @note: (nullable): free text ("no coriander")
 * @error: return location for a #GError
 *
 * Adds a dish preference, or changes the guest's preference for that dish.
 *
 * Returns: (transfer full): the preference's id, or %NULL with an error.
 */
gchar *rg_prefs_add_dish (RgDb        *db,
                          const gchar *guest_id,
                          const gchar *item_id,
                          const gchar *pref,
                          const gchar *note,
                          GError     **error);

/**
 * rg_prefs_add_note:
 * @db: a connection
 * @guest_id: the guest
 * @staff_id: (nullable): who wrote it (%RG_ERROR_NOT_FOUND if unknown)
 * @body: the note, at most %RG_PREFS_NOTE_MAX characters
 * @error: return location for a #GError
 *
 * Adds a note; every call adds one.
 *
 * Returns: (transfer full): the note's id, or %NULL with an error.
 */
gchar *rg_prefs_add_note (RgDb        *db,
                          const gchar *guest_id,
                          const gchar *staff_id,
                          const gchar *body,
                          GError     **error);

/**
 * rg_prefs_add_link:
 * @db: a connection
 * @guest_id: the guest
 * @kind: "referred_by" (@guest_id was brought by @other_id), "partner",
 *   "family", "colleague" or "friend"
 * @other_id: the other guest (merge redirects are followed)
 * @error: return location for a #GError
 *
 * Links two guests.  A symmetric link already made the other way round
 * ("partner" from @other_id to @guest_id) counts as the same link.
 *
 * Returns: (transfer full): the link's id, or %NULL with
 *   %RG_ERROR_NOT_FOUND, %RG_ERROR_INVALID (unknown kind, or both ids the
 *   same guest) or a database error.
 */
gchar *rg_prefs_add_link (RgDb        *db,
                          const gchar *guest_id,
                          const gchar *kind,
                          const gchar *other_id,
                          GError     **error);

/**
 * rg_prefs_remove:
 * @db: a connection
 * @kind: the kind of the fact
 * @fact_id: its id
 * @error: return location for a #GError
 *
 * Removes a fact (a tombstone that syncs).
 *
 * Returns: %TRUE, or %FALSE with %RG_ERROR_NOT_FOUND when no live fact of
 *   @kind has @fact_id, or a database error.
 */
gboolean rg_prefs_remove (RgDb         *db,
                          RgFactKind    kind,
                          const gchar  *fact_id,
                          GError      **error);

/**
 * rg_prefs_list:
 * @db: a connection
 * @guest_id: the guest
 * @kind: which facts
 * @error: return location for a #GError
 *
 * Lists the guest's live facts of @kind: tags by name; allergies most
 * severe first; seating by weight, heaviest first; dishes liked first,
 * then by name; notes newest first; links by kind.
 *
 * Returns: (transfer full): a #GListModel of #RgGuestFact, or %NULL with
 *   %RG_ERROR_NOT_FOUND for an unknown guest or a database error.
 */
GListModel *rg_prefs_list (RgDb         *db,
                           const gchar  *guest_id,
                           RgFactKind    kind,
                           GError      **error);

/**
 * rg_prefs_list_all:
 * @db: a connection
 * @guest_id: the guest
 * @error: return location for a #GError
 *
 * Returns: (transfer full): every live fact of the guest, by kind in the
 *   order of #RgFactKind and within a kind as rg_prefs_list() sorts, or
 *   %NULL with an error.
 */
GListModel *rg_prefs_list_all (RgDb         *db,
                               const gchar  *guest_id,
                               GError      **error);

/**
 * rg_prefs_list_allergens_for_guests:
 * @db: a connection
 * @guest_ids: (array zero-terminated=1): the guests at a table; unknown
 *   ids are skipped, so a guest erased meanwhile does not block the order
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the sorted union of the live allergens of
 *   @guest_ids (following merge redirects), an empty vector when there are
 *   none, or %NULL with a database error.
 */
GStrv rg_prefs_list_allergens_for_guests (RgDb                *db,
                                          const gchar * const *guest_ids,
                                          GError             **error);

G_END_DECLS
